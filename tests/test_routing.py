"""A finish no own machine of the process reaches is routed to a finishing process
(``finished_by`` in the process catalogue), as a job shop would: the part is not
refused when a machine or partner does the finishing."""

import copy

from producibility import Screener, load_equipment, load_packs
from producibility.inputs.yamlio import load

from conftest import ROOT

SHOP = ROOT / "examples" / "precision-shop"


def shaft(**changes):
    request = load(SHOP / "requests" / "ground-shaft-partner.yaml")
    request = copy.deepcopy(dict(request))
    request["parts"] = [dict(p) for p in request["parts"]]
    request["parts"][0].update(processes=["turning"], **changes)
    return request


def screener(without_partners=False):
    document = copy.deepcopy(dict(load(SHOP / "equipment.yaml")))
    if without_partners:
        document["partners"] = [p for p in document.get("partners", [])
                                if "cylindrical_grinding" not in p["processes"]]
    return Screener(load_equipment(document), load_packs([SHOP / "rules"]))


def test_a_turned_part_finer_than_turning_goes_to_a_grinding_partner():
    report = screener().check(shaft()).to_dict()
    routed = [f for f in report["findings"] if f["rule"] == "FIT-ROUTED"]
    assert [f["part"] for f in routed] == ["SH-16"]
    assert "cylindrical grinding" in routed[0]["message"]
    assert "Ra 0.2" in routed[0]["message"] and "0.003" in routed[0]["message"]
    operations = {a["process"]: a for a in report["assignments"]}
    assert operations["turning"]["machine"] == "citizen-l20"
    assert operations["cylindrical_grinding"]["partner"]
    assert report["verdict"] == "fit_with_effort"
    dutch = screener().check(shaft(), lang="nl").to_dict()
    message = next(f["message"] for f in dutch["findings"] if f["rule"] == "FIT-ROUTED")
    assert "rondslijpen is aan de bewerkingsvolgorde toegevoegd" in message
    assert "Ra 0,2" in message
    # the partner's price as the report writes amounts, not its formula (the formula is
    # the quote line's source, in the report's language)
    outside = [f["message"] for f in dutch["findings"] if f["rule"] == "FIT-OUTSIDE-WORK"]
    grinding = next(m for m in outside if "rondslijpen" in m)
    assert grinding.endswith("(levertijd 7 werkdagen, €\u00a0435).") and "EUR x" not in grinding
    line = next(line for line in dutch["quote"]["lines"] if line["kind"] == "outside_work"
                and line["process"] == "cylindrical_grinding")
    assert line["source"] == "partner rondslijperij-veldhoven: 75 EUR x 1 serie(s); 9 EUR x 40 st"


def test_no_route_without_anyone_to_do_the_finish():
    report = screener(without_partners=True).check(shaft()).to_dict()
    assert "FIT-ROUTED" not in {f["rule"] for f in report["findings"]}
    assert report["verdict"] == "no_fit"
    assert [a["process"] for a in report["assignments"]] == ["turning"]


def test_no_route_when_turning_reaches_the_finish():
    report = screener().check(shaft(tolerance_mm=0.02, roughness_ra_um=1.6)).to_dict()
    assert "FIT-ROUTED" not in {f["rule"] for f in report["findings"]}
    assert [a["process"] for a in report["assignments"]] == ["turning"]


def test_no_route_when_more_than_the_finish_is_wrong():
    """Too large for every lathe: grinding would not help, the part stays no fit."""
    report = screener().check(shaft(diameter_mm=400)).to_dict()
    assert "FIT-ROUTED" not in {f["rule"] for f in report["findings"]}


def test_a_typo_in_finished_by_is_a_load_error_with_a_did_you_mean(tmp_path):
    import pytest
    from producibility import InputError
    pack = tmp_path / "own.yaml"
    pack.write_text(
        "pack: {id: own, version: 0.1.0, title: {en: own, nl: eigen}}\n"
        "processes:\n"
        "  - id: hard_turning\n"
        "    name: {en: hard turning, nl: hardverspanen}\n    kind: rotational\n"
        "    finished_by: [cylindrical_grindng]\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_packs([pack])
    text = str(error.value)
    assert "own.yaml:3" in text and "cylindrical_grindng is no process" in text
    assert "did you mean 'cylindrical_grinding'" in text
