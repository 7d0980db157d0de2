"""The lead time as a planning system loads it (``--format json``): each step of a part's
chain with its process, machine (a split's shares), partner and hours, its working days
from the start (``start_day``, ``end_day``) and its dates on the shop's calendar
(``start_date``, ``end_date``: holidays and the Christmas closure skipped), and each part
its own earliest date.  The figures are the planner's review's, checked by hand."""

import copy
import datetime
import json

import pytest
import yaml

from producibility.inputs.yamlio import load

from conftest import EQUIPMENT, REQUESTS, ROOT, run_cli

SHOP = ROOT / "examples" / "precision-shop"
DIE = SHOP / "requests" / "punch-die-insert.yaml"
SHOP_ARGS = ("--equipment", SHOP / "equipment.yaml", "--rules", SHOP / "rules")

# the review's base.yaml: one block, 100 pcs x 12 min on the mills, dated Mon 23-11-2026
BASE = yaml.safe_load("""
id: RV-001
customer: Planner test
date: '2026-11-23'
purpose: small_series
quantity: 100
batches: 1
wanted_date: '2027-01-29'
date_flexible: true
new_customer: false
repeat_orders_expected: false
prototype_built: true
prototype_production_process: true
pilot_run_done: true
new_technology: false
single_source_items: false
drawing_with_tolerances: true
general_tolerance_class: m
key_characteristics_marked: true
model_3d: true
design_frozen: true
revision_controlled: true
design_support_needed: false
funding_secured: true
material_supplied_by_customer: false
food_contact: false
certificates_required: []
inspection_scope: first_piece
cpk_required: false
traceability_required: false
safety_critical: false
cleanroom_required: false
nda_required: false
export_controlled: false
process_data_handover: false
penalty_clause: false
customer_operates_machine: false
application_sector: general
parts:
  - {id: A, name: Blok A, quantity: 1, processes: [milling_3axis], material: aluminium_6082,
     size_mm: [100, 60, 25], weight_kg: 0.3, tolerance_mm: 0.05, roughness_ra_um: 3.2,
     min_wall_mm: 4, min_inside_radius_mm: 4, max_pocket_depth_mm: 10,
     min_hole_diameter_mm: 6, max_hole_depth_mm: 12, min_thread_mm: 6, cycle_time_min: 12}
""")


def _lead(tmp_path, request, *args, lang="en"):
    path = tmp_path / f"{request['id']}.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    code, out, err = run_cli("check", path, *(args or ("--equipment", EQUIPMENT)),
                             "--format", "json", "--lang", lang)
    assert code == 0, err
    return json.loads(out)["lead_time"]


def _parts(lead):
    return {p["part"]: p for p in lead["parts"]}


def _plain(step):
    return {k: v for k, v in step.items() if k not in ("text", "source", "basis")}


def test_two_parts_on_the_hermle_say_which_machine_when(tmp_path):
    """compete.yaml: A and B (±0.015 mm: only the Hermle, 10 free h a week = 2 h a day)
    each 100 x 6 min + 2 h set-up = 12 h = 6 wd.  A is milled 1.38 -> 7.38, B waits for
    it and is milled 7.38 -> 13.38; by hand: working day 8 after Mon 23-11 is Thu 03-12,
    day 14 Fri 11-12, and B's delivery ends on day 15, Mon 14-12, the request's date."""
    request = copy.deepcopy(BASE)
    request.update(id="RV-002", wanted_date="2026-12-04")
    request["parts"][0].update(tolerance_mm=0.015, cycle_time_min=6)
    request["parts"].append(dict(request["parts"][0], id="B", name="Blok B"))
    lead = _lead(tmp_path, request)
    parts = _parts(lead)
    a, b = parts["A"]["steps"], parts["B"]["steps"]
    milled_a = next(s for s in a if s["step"] == "operation")
    assert _plain(milled_a) == {
        "step": "operation", "days": 6.0, "process": "milling_3axis",
        "machine": "hermle-c250", "hours": 12.0, "start_day": 1.38, "end_day": 7.38,
        "start_date": "2026-11-25", "end_date": "2026-12-03"}
    milled_b = next(s for s in b if s["step"] == "operation")
    assert (milled_b["machine"], milled_b["start_day"], milled_b["end_day"],
            milled_b["start_date"], milled_b["end_date"]) == (
        "hermle-c250", 7.38, 13.38, "2026-12-03", "2026-12-11")
    queue = b[b.index(milled_b) - 1]
    assert (queue["step"], queue["start_day"], queue["end_day"]) == ("queue", 2.75, 7.38)
    inspection = next(s for s in b if s["step"] == "inspection")
    assert (inspection["hours"], inspection["start_day"], inspection["end_day"]) == \
        (2.0, 13.38, 13.88)
    assert b[-1]["step"] == "transport" and b[-1]["end_date"] == "2026-12-14"
    assert parts["B"]["earliest_date"] == lead["earliest_date"] == "2026-12-14"
    assert parts["A"]["earliest_date"] == a[-1]["end_date"] == "2026-12-04"
    # no machine's name, no translated text in the fields: the same in Dutch
    dutch = _parts(_lead(tmp_path, request, lang="nl"))
    assert [_plain(s) for s in dutch["B"]["steps"]] == [_plain(s) for s in b]


def test_a_split_names_each_machines_share_over_the_christmas_closure(tmp_path):
    """split.yaml: 900 pcs, levelled so that both mills end together (README, "Free
    hours"): the VF-2's 516 pcs (104.2 h at 3.2 h a day: 32.56 wd) and the VF-4's 384
    (78.3 h at 2.4: 32.62 wd) from day 3, when the material is in.  By hand with 25-12,
    28-31 Dec and 1-1 closed: working day 36 after 23-11 is Wed 20-01-2027 (both end
    there, at 35.56 and 35.62), the inspection ends on day 37, Thu 21-01, and the
    delivery on day 38, Fri 22-01."""
    request = copy.deepcopy(BASE)
    request.update(id="RV-003", quantity=900)
    lead = _lead(tmp_path, request)
    steps = _parts(lead)["A"]["steps"]
    material = steps[0]
    assert (material["step"], material["start_day"], material["end_day"],
            material["end_date"]) == ("material", 0.0, 3.0, "2026-11-26")
    preparation = steps[1]
    assert (preparation["alongside"], preparation["start_day"], preparation["hours"]) == \
        (True, 0.0, 5.5)
    split = next(s for s in steps if s["step"] == "operation")
    assert "machine" not in split and split["process"] == "milling_3axis"
    assert split["hours"] == 182.5
    assert split["shares"] == [
        {"machine": "haas-vf2", "pieces": 516, "hours": 104.2, "start_day": 3.0,
         "end_day": 35.56, "start_date": "2026-11-27", "end_date": "2027-01-20"},
        {"machine": "haas-vf4", "pieces": 384, "hours": 78.3, "start_day": 3.0,
         "end_day": 35.62, "start_date": "2026-11-27", "end_date": "2027-01-20"}]
    assert (split["start_day"], split["end_day"]) == (3.0, 35.62)
    assert [(s["step"], s["start_date"], s["end_date"]) for s in steps[-2:]] == [
        ("inspection", "2027-01-20", "2027-01-21"), ("transport", "2027-01-21", "2027-01-22")]
    assert lead["earliest_date"] == "2027-01-22"


def test_outside_work_names_its_partner_and_the_edm_starts_when_the_die_is_back():
    code, out, err = run_cli("check", DIE, *SHOP_ARGS, "--format", "json")
    assert code == 0, err
    steps = json.loads(out)["lead_time"]["parts"][0]["steps"]
    assert [s.get("process") or s["step"] for s in steps] == [
        "preparation", "milling_3axis", "vacuum_hardening", "wire_edm", "surface_grinding",
        "inspection", "transport"]
    hardening, edm = steps[2], steps[3]
    assert _plain(hardening) == {
        "step": "outside_work", "days": 7.0, "process": "vacuum_hardening",
        "partner": "harderij-brabant", "start_day": 2.89, "end_day": 9.89,
        "start_date": "2026-11-26", "end_date": "2026-12-07"}
    assert (edm["machine"], edm["hours"], edm["start_day"], edm["start_date"]) == \
        ("sodick-aln400g", 1.0, 9.89, "2026-12-07")


def test_a_treatment_no_partner_does_has_no_partner(tmp_path):
    """The bracket's anodising at a subcontractor still to find (the catalogue's lead
    time): outside work with partner null, after the measuring."""
    code, out, err = run_cli("check", ROOT / "examples/requests/bracket-series.yaml",
                             "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0, err
    steps = json.loads(out)["lead_time"]["parts"][0]["steps"]
    anodising = next(s for s in steps if s.get("process") == "anodising")
    assert anodising["step"] == "outside_work" and anodising["partner"] is None
    assert steps[steps.index(anodising) - 1]["step"] == "inspection"


def test_the_machines_after_hardening_are_booked_when_the_part_is_back(tmp_path):
    """Two inserts on one wire EDM: the hardened one is at the hardener for a week, so
    the other (not hardened) goes on the EDM first, and the hardened one's EDM, grinding
    and measuring start when it is back."""
    request = copy.deepcopy(dict(load(DIE)))
    hardened = dict(request["parts"][0])
    soft = dict(hardened, id="DIE-02", surface_treatment=[])
    request["parts"] = [hardened, soft]
    path = tmp_path / "two-inserts.json"
    path.write_text(json.dumps(request, default=str), encoding="utf-8")
    code, out, err = run_cli("check", path, *SHOP_ARGS, "--lang", "en", "--format", "json")
    assert code == 0, err
    parts = {p["part"]: p["steps"] for p in json.loads(out)["lead_time"]["parts"]}
    die1, die2 = parts["DIE-01"], parts["DIE-02"]
    kinds = [s.get("process") or s["step"] for s in die1]
    assert kinds.index("vacuum_hardening") < kinds.index("wire_edm") < \
        kinds.index("surface_grinding") < kinds.index("inspection")
    hardening = next(s for s in die1 if s.get("process") == "vacuum_hardening")
    assert hardening["step"] == "outside_work" and hardening["partner"] == "harderij-brabant"
    edm1 = next(s for s in die1 if s.get("process") == "wire_edm")
    edm2 = next(s for s in die2 if s.get("process") == "wire_edm")
    assert edm1["start_day"] >= hardening["end_day"]
    assert edm1["start_date"] >= hardening["end_date"]
    assert edm2["end_day"] <= hardening["end_day"]  # the EDM did not wait for the hardener
    inspection = next(s for s in die1 if s["step"] == "inspection")
    assert inspection["start_day"] >= next(
        s for s in die1 if s.get("process") == "surface_grinding")["end_day"]



@pytest.mark.parametrize("request_path", REQUESTS, ids=lambda p: p.stem)
def test_every_chain_adds_up_on_the_shops_calendar(screener, request_path):
    """Each part's steps follow one another (the alongside ones from day 0), the last
    ends at the part's days on the part's date, and every date is a working day of the
    shop's calendar (the example shop: NL holidays and a Christmas closure)."""
    report = screener.check(request_path).to_dict()
    lead = report["lead_time"]
    calendar = screener.equipment.calendar
    for entry in lead["parts"]:
        if entry["days"] is None:
            assert not entry["steps"] and "earliest_date" not in entry
            continue
        steps = [s for s in entry["steps"] if not s.get("alongside")
                 and s["step"] != "material"]
        begin = next(iter(steps))["start_day"]
        for step in steps:
            assert step["start_day"] == pytest.approx(begin, abs=0.015), step
            assert step["end_day"] == pytest.approx(step["start_day"] + step["days"],
                                                    abs=0.015), step
            begin = step["end_day"]
            for day in (step["start_date"], step["end_date"]):
                assert calendar.is_working(datetime.date.fromisoformat(day)), (day, step)
            assert lead["start_date"] < step["start_date"] <= step["end_date"]
        assert steps[-1]["end_day"] == pytest.approx(entry["days"], abs=0.06)
        assert steps[-1]["end_date"] == entry["earliest_date"]
        if entry["part"] == lead["slowest_part"]:
            assert entry["earliest_date"] == lead["earliest_date"]
