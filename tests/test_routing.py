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


# ---- the tightest feature is made by one operation (fit.Fitter.held)
def _cover(**part):
    """A laser-cut, bent and welded S235 cover of the example shop (±0.3 mm on the drawing:
    the laser reaches 0.1 mm, the press brake 0.2 mm, the welding table 1 mm)."""
    from conftest import base_request

    request = base_request(purpose="small_series", quantity=20, wanted_date="2027-03-01")
    request["parts"] = [dict({
        "id": "CV-1", "quantity": 1, "processes": ["laser_cutting", "bending", "welding"],
        "material": "steel_s235", "size_mm": [400, 300, 80], "thickness_mm": 2,
        "tolerance_mm": 0.3, "bend_radius_mm": 2, "min_flange_mm": 20}, **part)]
    return request


def _operations(report):
    return {a["process"]: a for a in report["assignments"]}


def test_a_welded_cover_is_not_refused_for_the_lasers_tolerance(screener):
    """±0.3 mm is the laser-cut holes': the welding table (1 mm) is marginal, naming the
    operation that reaches it, not out; the verdict is not NO FIT."""
    report = screener.check(_cover()).to_dict()
    welding = _operations(report)["welding"]
    assert welding["machine"] == "lascel-fronius-siegmund"
    assert "tolerance ± 0.3 mm is tighter than this machine's 1 mm: laser cutting reaches " \
        "it, so that feature must be made there" in welding["marginal"]
    assert report["verdict"] != "no_fit"
    nl = screener.check(_cover(), lang="nl").to_dict()
    assert any("lasersnijden haalt die wel, dus die maat moet daar gemaakt worden" in m
               for m in _operations(nl)["welding"]["marginal"])


def test_a_tolerance_no_operation_reaches_is_still_refused(screener):
    """±0.05 mm: neither the laser nor the brake nor the welding table reaches it."""
    report = screener.check(_cover(tolerance_mm=0.05)).to_dict()
    assert report["verdict"] == "no_fit"
    assert _operations(report)["welding"]["machine"] is None


def test_one_operation_alone_is_judged_on_the_whole_tolerance(screener):
    report = screener.check(_cover(processes=["welding"])).to_dict()
    assert _operations(report)["welding"]["machine"] is None
    assert report["verdict"] == "no_fit"


def test_the_measuring_machine_must_measure_the_tightest_feature_itself():
    """A block milled and measured: the CMM must measure the tolerance itself (the mill
    reaching it does not excuse it), and the CMM reaching it makes no feature (it does not
    excuse the mill)."""
    from conftest import EQUIPMENT, base_request

    def screened(cmm_mm, tolerance):
        document = copy.deepcopy(dict(load(EQUIPMENT)))
        document["machines"] = [dict(m) for m in document["machines"]]
        cmm = next(m for m in document["machines"] if m["id"] == "zeiss-contura-7106")
        cmm["tolerance_mm"] = cmm_mm
        request = base_request()
        request["parts"][0].update(processes=["milling_3axis", "cmm_inspection"],
                                   tolerance_mm=tolerance)
        return _operations(Screener(load_equipment(document), load_packs())
                           .check(request).to_dict())

    coarse_cmm = screened(0.02, 0.012)  # the Hermle reaches 0.01 mm, the CMM 0.02 mm
    assert coarse_cmm["milling_3axis"]["machine"] == "hermle-c250"
    assert coarse_cmm["cmm_inspection"]["machine"] is None
    fine_cmm = screened(0.005, 0.008)  # the CMM reaches it, no mill does
    assert fine_cmm["milling_3axis"]["machine"] is None
    assert fine_cmm["cmm_inspection"]["machine"] == "zeiss-contura-7106"


# ---- a treatment at a partner whose bath or oven is too small (fit_findings.too_large)
def _shop_with_furnace(envelope):
    document = copy.deepcopy(dict(load(SHOP / "equipment.yaml")))
    document["partners"] = [dict(p) for p in document["partners"]]
    furnace = next(p for p in document["partners"] if p["id"] == "harderij-brabant")
    furnace["limits"] = {"envelope_mm": envelope}
    return Screener(load_equipment(document), load_packs([SHOP / "rules"]))


def test_a_shaft_longer_than_the_furnace_is_not_nitrided_there():
    """The 180 mm shaft in a furnace of 150 mm: the nitriding is not priced at the
    hardening shop, a risk says why (and what to do), and the quote note names the
    partner; in a furnace of 900 mm it is priced there, without the risk."""
    small = _shop_with_furnace([150, 100, 100]).check(load(
        SHOP / "requests" / "ground-shaft-partner.yaml")).to_dict()
    [risk] = [f for f in small["findings"] if f["rule"] == "FIT-TREATMENT-SIZE"]
    assert risk["kind"] == "risk" and risk["part"] == "SH-16"
    assert risk["message"] == ("SH-16: part length 180 mm > 150 mm: too large for Harderij "
                               "Brabant (fictief voorbeeld) (gas nitriding).")
    assert not [line for line in small["quote"]["lines"] if line["kind"] == "outside_work"
                and line["process"] == "nitriding"]
    assert any("gas nitriding not priced: too large for Harderij Brabant" in n
               for n in small["quote"]["notes"])
    nl = _shop_with_furnace([150, 100, 100]).check(load(
        SHOP / "requests" / "ground-shaft-partner.yaml"), lang="nl").to_dict()
    assert "lengte onderdeel 180 mm > 150 mm: te groot voor Harderij Brabant" in next(
        f["message"] for f in nl["findings"] if f["rule"] == "FIT-TREATMENT-SIZE")
    large = _shop_with_furnace([900, 600, 600]).check(load(
        SHOP / "requests" / "ground-shaft-partner.yaml")).to_dict()
    assert not [f for f in large["findings"] if f["rule"] == "FIT-TREATMENT-SIZE"]
    assert [line for line in large["quote"]["lines"] if line["kind"] == "outside_work"
            and line["process"] == "nitriding"]


def test_a_part_that_cannot_be_made_is_not_said_too_large_for_the_furnace():
    request = load(SHOP / "requests" / "ground-shaft-partner.yaml")
    request = copy.deepcopy(dict(request))
    request["parts"] = [dict(p) for p in request["parts"]]
    request["parts"][0]["diameter_mm"] = 2000  # no lathe of ours turns it
    data = _shop_with_furnace([150, 100, 100]).check(request).to_dict()
    assert "SH-16" in data["lead_time"]["not_made"]
    assert not [f for f in data["findings"] if f["rule"] == "FIT-TREATMENT-SIZE"]


def test_two_operations_do_not_excuse_each_other():
    """A S235 part turned and milled to ±0.015 mm where the lathe and the mill that reach
    it do not run S235: each operation's machine that takes the part misses the
    tolerance, so neither excuses the other (each read 'marginal: the other reaches it',
    and the part passed): NO FIT."""
    from conftest import EQUIPMENT, base_request

    document = copy.deepcopy(dict(load(EQUIPMENT)))
    document["machines"] = [dict(m) for m in document["machines"]]
    for m in document["machines"]:
        if m["id"] in ("haas-st20", "hermle-c250"):
            m["materials"] = [x for x in m["materials"] if x != "steel_s235"]
    lathe = dict(next(m for m in document["machines"] if m["id"] == "haas-st20"),
                 id="cheap-lathe", name="Cheap lathe", tolerance_mm=0.05,
                 materials=["steel_s235"])
    document["machines"].append(lathe)
    request = base_request()
    request["parts"][0].update(processes=["turning", "milling_3axis"], material="steel_s235",
                               tolerance_mm=0.015, diameter_mm=50, length_mm=100)
    report = Screener(load_equipment(document), load_packs()).check(request).to_dict()
    assert report["verdict"] == "no_fit"
    assert not any("reaches it" in m for a in report["assignments"]
                   for m in a.get("marginal") or ())
