"""The default pack's own test cases run through pytest, one test per case."""

import pytest

from producibility import Screener, load_equipment
from producibility.model.defaults import default_pack_dir
from producibility.model.pack import load_packs
from producibility.authoring.packtest import case_files, run_cases

FILES = case_files(default_pack_dir())


@pytest.fixture(scope="module")
def results():
    pack = load_packs()
    screeners = {}

    def screener_for(path):
        key = str(path)
        if key not in screeners:
            screeners[key] = Screener(load_equipment(path), pack)
        return screeners[key]

    return {(r.file, r.line): r for r in run_cases(FILES, pack, screener_for)}, pack


def test_the_default_pack_ships_cases():
    assert FILES


def test_every_case_passes(results):
    by_case, _ = results
    failed = [f"{r.file}:{r.line}: {r.name}: {'; '.join(p if isinstance(p, str) else p('en') for p in r.problems)}"
              for r in by_case.values() if not r.passed]
    assert not failed, "\n".join(failed)



@pytest.mark.parametrize("lang, said", [
    ("en", "The earliest delivery ({earliest}) leaves 1 working day before the wanted "
           "date ({wanted}):"),
    ("nl", "De vroegste levering ({earliest}) laat 1 werkdag over tot de gewenste datum "
           "({wanted}):")])
def test_a_rush_names_the_earliest_and_the_wanted_date_each_for_itself(screener, lang, said):
    """MGT-001 read 'leaves 1 working day before the wanted date (2027-01-29)' with the
    earliest delivery in the wanted date's place; a Dutch report writes both dates as
    the rest of it does (16-12-2026), not as ISO dates."""
    from conftest import EXAMPLES
    from producibility.i18n import day
    import yaml
    request = yaml.safe_load((EXAMPLES / "requests" / "bracket-series.yaml").read_text(
        encoding="utf-8"))
    earliest = screener.check(request).to_dict()["lead_time"]["earliest_date"]
    wanted = screener.equipment.calendar.add_working_days(earliest, 1)  # the shop's days
    request["wanted_date"] = wanted
    report = screener.check(request, lang=lang).to_dict()
    [rush] = [f for f in report["findings"] if f["rule"] == "MGT-001"]
    assert rush["message"].startswith(said.format(earliest=day(earliest, lang),
                                                  wanted=day(wanted, lang)))
    assert (earliest in rush["message"]) is (lang == "en")


def test_titanium_cutting_tests_are_quoted_once_a_part_and_machine(screener):
    """PRC-013 (a candidate rule: our experience machining titanium on the chosen
    machine) held for both operations of a part milled twice on one machine, and its 4 h
    of cutting tests were quoted twice. The same finding for the same part and machine
    is one; it still counts only where one of our machines does the work."""
    from conftest import base_request
    request = base_request(part={"material": "titanium_gr5",
                                 "processes": ["milling_3axis", "milling_5axis"]})
    report = screener.check(request).to_dict()
    assert len({a["machine"] for a in report["assignments"]}) == 1
    lines = [line for line in report["quote"]["lines"] if line["rule"] == "PRC-013"]
    assert [(line["part"], line["hours"]) for line in lines] == [("P1", 4.0)]
    assert [f["rule"] for f in report["findings"]].count("PRC-013") == 1


ALLOY_7020 = """\
materials:
  - id: aluminium_7020
    name: {en: aluminium EN AW-7020, nl: aluminium EN AW-7020}
    family: aluminium
    density_kg_m3: 2780
    price: {eur_kg: 9, source: test, date: 2025-11}
    speed_factor: 2.0
    lead_time_days: 10
"""


def test_the_aluminium_rules_hold_for_every_aluminium_alloy_a_shops_own_too(tmp_path):
    """ENX-002 (EN 1090-3), WRK-003 (aluminium welder) and MAT-009 (HAZ softening) listed
    their alloys, so a welded 5083 or 6061 walkway in EXC2 passed a steel-only EN 1090
    shop as FIT WITH EFFORT.  They read the part's material family now: a shop's own
    7020 is aluminium too."""
    from producibility.model.defaults import default_pack_dir
    own = tmp_path / "own.yaml"
    own.write_text(ALLOY_7020, encoding="utf-8")
    shop = (default_pack_dir() / "tests" / "equipment-aluminium.yaml").read_text(
        encoding="utf-8").replace("aluminium_6061]", "aluminium_6061, aluminium_7020]")
    (tmp_path / "equipment.yaml").write_text(shop, encoding="utf-8")
    pack = load_packs([default_pack_dir(), own])
    screener = Screener(load_equipment(tmp_path / "equipment.yaml", pack.catalogue), pack)
    request = {"id": "Q-7020", "customer": "Test", "date": "2026-11-23", "purpose": "prototype",
               "quantity": 2, "application_sector": "construction_product",
               "certificates_required": ["en_1090"], "execution_class": "exc2",
               "parts": [{"id": "LB-01", "quantity": 1, "processes": ["welding"],
                          "material": "aluminium_7020", "temper": "t6",
                          "size_mm": [2000, 800, 300], "tolerance_mm": 3}]}
    report = screener.check(request).to_dict()
    fired = {f["rule"] for f in report["findings"]}
    assert {"ENX-002", "WRK-003", "MAT-009"} <= fired, sorted(fired)
    assert report["verdict"] == "conditional"
