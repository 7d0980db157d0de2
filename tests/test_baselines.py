"""The benchmark's baselines (benchmarks/baselines.py) say what the engine says.

benchmarks/run.py times the engine against a plain Python evaluator and a port to CLIPS
(clipspy) and checks, per cell, that all three find the same candidates and findings.
That check ran only in the benchmark: a rule the CLIPS port could not translate (TEC-006
reading provider.processes) silently turned its columns to n/a.  Here every example
request of the example shop is screened by all three, with the default pack.

The baselines port the meaning the benchmark's workloads use: own machines, the fit's
limits and margins, rules with flags and unknowns.  Not partners, the routing of a
finish (``finished_by``) or an operation's soft limits: the precision shop's examples,
which use them, differ (its ground shaft has FIT-NO-MACHINE in the baselines, grinding
routed to a partner in the engine), so they are not checked here."""

import sys

import pytest

from producibility import load_equipment, load_packs, load_request, load_questionnaire

from conftest import EQUIPMENT, REQUESTS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import baselines as bl  # noqa: E402

@pytest.fixture(scope="module")
def shop():
    from producibility import Screener
    return Screener(load_equipment(str(EQUIPMENT)), load_packs()), REQUESTS


def _loaded(screener, path):
    request = load_request(str(path), load_questionnaire())
    return request, request.get("date")


def test_the_plain_evaluator_agrees_with_the_engine(shop):
    screener, requests = shop
    plain = bl.Plain(screener.pack, screener.equipment)
    for path in requests:
        request, as_of = _loaded(screener, path)
        cands, finds, errors = bl.engine_results(screener.inference.run(request, as_of))
        assert not errors, path
        assert plain.run(request, as_of) == (cands, finds), path.name


def test_the_clips_port_translates_every_rule_and_agrees(shop):
    if bl.clips is None:
        pytest.skip(bl.CLIPS_MISSING)
    screener, requests = shop
    port = bl.ClipsPort(screener.pack, screener.equipment)
    assert port.untranslated == []
    for path in requests:
        request, as_of = _loaded(screener, path)
        cands, finds, _ = bl.engine_results(screener.inference.run(request, as_of))
        assert port.run(request, as_of) == (cands, finds), path.name


def _parts_request(parts):
    from conftest import base_request

    request = base_request(purpose="small_series", quantity=20, wanted_date="2027-03-01")
    request["parts"] = [dict({"quantity": 1}, **part) for part in parts]
    return load_request(request, load_questionnaire())


# The fit's cases the port writes out by hand (rules/catalogue/processes.yaml, the
# README's "Equipment fit"): a blank near the sheet, and the tightest feature made by one
# of a part's operations (fit.Fitter.judge_all).
SHEET = {"processes": ["laser_cutting"], "material": "steel_s235", "thickness_mm": 8,
         "tolerance_mm": 0.5}
COVER = {"processes": ["laser_cutting", "bending", "welding"], "material": "steel_s235",
         "size_mm": [400, 300, 80], "thickness_mm": 2, "bend_radius_mm": 2,
         "min_flange_mm": 20}
FIT_CASES = [
    [dict(SHEET, id="B1", size_mm=[2800, 300, 8])],   # routine: 98 % of the sheet
    [dict(SHEET, id="B2", size_mm=[2960, 300, 8])],   # marginal
    [dict(COVER, id="C1", tolerance_mm=0.3)],         # the press brake, welding excused
    [dict(COVER, id="C2", tolerance_mm=0.05)],        # no operation reaches it
    [dict(COVER, id="C3", tolerance_mm=0.3, processes=["welding"])],
    [dict(COVER, id="C4", tolerance_mm=0.3, roughness_ra_um=1.6)],
    [{"id": "M1", "processes": ["milling_3axis", "cmm_inspection"],
      "material": "aluminium_6082", "size_mm": [120, 60, 20], "tolerance_mm": tol}
     for tol in (0.012, 0.008, 0.005)],
    [{"id": "T1", "processes": ["turning", "milling_3axis"], "material": "steel_s235",
      "size_mm": [100, 50, 50], "diameter_mm": 50, "length_mm": 100,
      "tolerance_mm": tol} for tol in (0.015, 0.008)],
]


@pytest.mark.parametrize("parts", FIT_CASES, ids=lambda parts: parts[0]["id"])
def test_the_baselines_judge_the_fit_as_the_engine(shop, parts):
    screener, _ = shop
    parts = [dict(part, id=f"{part['id']}-{i}") for i, part in enumerate(parts)]
    request = _parts_request(parts)
    as_of = request.get("date")
    expected = bl.engine_results(screener.inference.run(request, as_of))[:2]
    assert bl.Plain(screener.pack, screener.equipment).run(request, as_of) == expected
    if bl.clips is None:
        pytest.skip(bl.CLIPS_MISSING)
    port = bl.ClipsPort(screener.pack, screener.equipment)
    assert port.run(request, as_of) == expected


@pytest.mark.parametrize("baseline", ["Plain", "ClipsPort"])
def test_the_baselines_agree_given_the_equipment_as_loaded(shop, baseline):
    """The benchmark hands the baselines the equipment as loaded, not as the Screener
    checked it: the provider's derived facts (provider.execution_class) were missing,
    and ENX-001 (an EXC3 frame at an EXC2 shop) fired in the engine only: every cell of
    the benchmark read MISMATCH."""
    if baseline == "ClipsPort" and bl.clips is None:
        pytest.skip(bl.CLIPS_MISSING)
    screener, requests = shop
    raw = load_equipment(str(EQUIPMENT))
    other = getattr(bl, baseline)(screener.pack, raw)
    [frame] = [path for path in requests if path.name == "frame-en1090.yaml"]
    request, as_of = _loaded(screener, frame)
    request["execution_class"] = "exc3"
    cands, finds, _ = bl.engine_results(screener.inference.run(request, as_of))
    assert any(f[0] == "ENX-001" for f in finds)
    assert other.run(request, as_of) == (cands, finds)
