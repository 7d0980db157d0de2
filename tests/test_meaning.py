"""The written meaning of scopes and flags (README, "How rules are evaluated"),
each defect that broke it kept as a test: hash-seed dependence, a part id that
collided with the request, and machine hours that were not shared."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from producibility import InputError, Screener, load_packs
from producibility.engine.infer import layers

from conftest import EQUIPMENT, ROOT, base_request


def write_pack(tmp_path, rules, name="own.yaml"):
    body = {"pack": {"id": "own", "version": "0.1.0", "title": {"en": "own", "nl": "eigen"}},
            "rules": []}
    for rule in rules:
        rule = dict(rule)
        rule.setdefault("thread", "design")
        rule.setdefault("title", {"en": rule["id"], "nl": rule["id"]})
        rule.setdefault("message", {"en": rule["id"], "nl": rule["id"]})
        rule.setdefault("mitigation", {"en": "-", "nl": "-"})
        rule.setdefault("source", "test")
        rule.setdefault("then", {"risk": {"likelihood": 2, "consequence": 2}})
        body["rules"].append(rule)
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")  # JSON is YAML
    return path


SEED_PACK = [
    {"id": "OWN-001", "scope": "part", "when": "part.tolerance_mm < 0.004",
     "unless": ["design_by_us"]},
    {"id": "OWN-002", "scope": "part", "when": "part.pieces > 30089",
     "unless": ["design_by_us"]},
]

SEED_SCRIPT = textwrap.dedent("""
    import json, sys
    from producibility import Screener, load_equipment, load_packs
    request = json.loads(sys.argv[3])
    screener = Screener(load_equipment(sys.argv[1]), load_packs([sys.argv[2]]))
    report = screener.check(request)
    print(json.dumps(sorted([f["rule"], f["part"] or ""] for f in report.findings)))
""")


def test_findings_do_not_depend_on_the_hash_seed(tmp_path):
    """A provider pack with two rules reading design_by_us once made MAT-003 fire
    under some seeds although the customer supplies the material."""
    pack = write_pack(tmp_path, SEED_PACK)
    request = base_request(material_supplied_by_customer=True,
                           part={"material": "titanium_gr5"})
    outputs = set()
    for seed, stock in [("0", "0"), ("2", "0"), ("3", "0"), ("4", "0"), ("6", "0"),
                        ("9", "0"), ("2", "1"), ("4", "1")]:
        env = dict(os.environ, PYTHONHASHSEED=seed, PRODUCIBILITY_EXPERTA_STOCK=stock)
        result = subprocess.run([sys.executable, "-c", SEED_SCRIPT, str(EQUIPMENT), str(pack),
                                 json.dumps(request)], capture_output=True, text=True,
                                env=env, cwd=ROOT, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1, outputs
    rules = [r for r, _ in json.loads(outputs.pop())]
    assert "MAT-000" in rules and "MAT-003" not in rules and "MAT-004" not in rules


def collision_screener(tmp_path):
    pack = write_pack(tmp_path, [
        {"id": "OWN-W1", "scope": "request", "when": "request.quantity > 100000",
         "then": {"flag": "waiver"}},
        {"id": "OWN-W2", "scope": "part", "when": "part.material == 'pom'",
         "then": {"flag": "waiver"}},
        {"id": "OWN-B", "scope": "part", "when": "part.material == 'aluminium_6082'",
         "unless": ["waiver"], "then": {"blocker": True}},
    ])
    return Screener(load_equipment_example(), load_packs([pack]))


def load_equipment_example():
    from producibility import load_equipment
    return load_equipment(EQUIPMENT)


@pytest.mark.parametrize("other", ["B", "request", "part", "provider"])
def test_a_part_id_cannot_collide_with_the_request(tmp_path, other):
    """A part named 'request' once set the waiver for the whole request."""
    screener = collision_screener(tmp_path)
    request = base_request()
    second = dict(request["parts"][0], id=other, material="pom")
    request["parts"].append(second)
    report = screener.check(request)
    blockers = [(f["rule"], f["part"]) for f in report.findings if f["kind"] == "blocker"]
    assert blockers == [("OWN-B", "P1")]
    assert report.verdict == "no_fit"


def test_a_request_rule_reads_a_flag_set_for_any_part(tmp_path):
    pack = write_pack(tmp_path, [
        {"id": "OWN-P", "scope": "part", "when": "part.material == 'pom'",
         "then": {"flag": "plastic"}},
        {"id": "OWN-R", "scope": "request", "when": "true", "requires": ["plastic"]},
        {"id": "OWN-Q", "scope": "part", "when": "true", "requires": ["plastic"]},
    ])
    screener = Screener(load_equipment_example(), load_packs([pack]))
    request = base_request()
    request["parts"].append(dict(request["parts"][0], id="P2", material="pom"))
    fired = {(f["rule"], f["part"]) for f in screener.check(request).findings
             if f["rule"].startswith("OWN")}
    # the request sees the flag of P2; P1 does not see P2's flag
    assert fired == {("OWN-P", "P2"), ("OWN-R", None), ("OWN-Q", "P2")}


def test_an_unknown_flag_makes_its_readers_unknown(tmp_path):
    """unless over a flag whose setter is undecided does not silently pass."""
    pack = write_pack(tmp_path, [
        {"id": "OWN-S", "scope": "request", "when": "request.export_controlled",
         "then": {"flag": "controlled"}},
        {"id": "OWN-U", "scope": "part", "when": "true", "unless": ["controlled"]},
    ])
    screener = Screener(load_equipment_example(), load_packs([pack]))
    # strictly: the questionnaire's assumption 'not export-controlled' would answer it
    report = screener.check(base_request(export_controlled=None), assume=False)
    assert "OWN-U" not in {f["rule"] for f in report.findings}
    question = next(q for q in report.to_dict()["open_questions"]
                    if q["field"] == "export_controlled")
    assert "OWN-U" in question["rules"] and "OWN-S" in question["rules"]
    report = screener.check(base_request(export_controlled=False))
    assert "OWN-U" in {f["rule"] for f in report.findings}


def test_a_flag_cycle_is_an_error_that_names_it(tmp_path):
    pack = write_pack(tmp_path, [
        {"id": "OWN-A", "scope": "part", "when": "true", "unless": ["b"],
         "then": {"flag": "a"}},
        {"id": "OWN-B", "scope": "part", "when": "true", "requires": ["a"],
         "then": {"flag": "b"}},
    ])
    with pytest.raises(InputError) as error:
        Screener(load_equipment_example(), load_packs([pack], include_default=False))
    # the cycle, with the requires/unless through which each rule reads the next's flag
    assert "OWN-A (unless b) -> OWN-B (requires a) -> OWN-A" in str(error.value) or \
        "OWN-B (requires a) -> OWN-A (unless b) -> OWN-B" in str(error.value)
    assert "own.yaml" in str(error.value)


def test_a_long_chain_of_flags_has_no_recursion_limit(tmp_path):
    rules = [{"id": "OWN-0000", "scope": "request", "when": "true", "then": {"flag": "f0"}}]
    for n in range(1, 1500):
        rules.append({"id": f"OWN-{n:04d}", "scope": "request", "when": "true",
                      "requires": [f"f{n - 1}"], "then": {"flag": f"f{n}"}})
    pack = load_packs([write_pack(tmp_path, rules)], include_default=False)
    layer, _ = layers(pack.rules)
    assert layer["OWN-1499"] == 1499


# ---- capacity shared per machine across the request

def printed_parts(count, hours, process="sla", material="resin_standard"):
    """``count`` parts of ``hours`` machine hours each (set-up 0.25 h included),
    wanted in one week."""
    request = base_request(date="2026-11-23", wanted_date="2026-11-30", quantity=1,
                           batches=1)
    part = {"id": "P1", "quantity": 1, "processes": [process], "material": material,
            "size_mm": [80, 60, 40], "tolerance_mm": 0.3,
            "cycle_time_min": round((hours - 0.25) * 60, 3)}
    request["parts"] = [dict(part, id=f"P{n + 1}") for n in range(count)]
    return request


def test_parts_share_the_free_hours_of_one_machine(screener):
    """Form 4: 40 h free a week.  Two 15 h parts fit; a third is made later than
    wanted, queued after them, and says which parts took the hours: a date matter
    (LEAD-TIME), not a part no machine can make."""
    two = screener.check(printed_parts(2, 15)).to_dict()
    assert {a["machine"] for a in two["assignments"]} == {"formlabs-form4"}
    assert not any(a.get("late") for a in two["assignments"])
    assert two["verdict"] != "no_fit"
    three = screener.check(printed_parts(3, 15)).to_dict()
    assert [a["machine"] for a in three["assignments"]] == ["formlabs-form4"] * 3
    late = [a for a in three["assignments"] if a.get("late")]
    assert [a["part"] for a in late] == ["P3"]
    # its own window: 5 working days to the wanted date less CAM (0.5 h at 4 h a day),
    # measuring (0.25 h at 4 h a day) and delivery (1 day): 3.875 days x 8 h = 31 h
    assert late[0]["late"] == "needs 15.0 h, but 30.0 h of its 31.0 h free in the 3.9 " \
        "working days left for it (after CAM, before measuring, delivery) already go to P1, P2"
    assert not any(f["rule"] == "FIT-NO-MACHINE" for f in three["findings"])
    lead = next(f for f in three["findings"] if f["rule"] == "LEAD-TIME")
    assert lead["kind"] == "question" and lead["part"] == "P3"
    assert three["verdict"] == "conditional"
    assert three["lead_time"]["days"] > two["lead_time"]["days"]


def test_the_part_called_late_is_the_part_that_ends_late(screener):
    """A 15 h and a 30 h print share the Form 4's 40 h before the wanted date.  The
    lead time prints P2 first (the most work after its preparation), so P1 is the one
    that ends late: the machines list, the quote note and LEAD-TIME all name P1 (the list
    once named one part beside a lead time whose slowest part was the other)."""
    request = printed_parts(2, 15)
    request["parts"][1]["cycle_time_min"] = round((30 - 0.25) * 60, 3)
    report = screener.check(request).to_dict()
    late = {a["part"]: a.get("late") for a in report["assignments"]}
    assert late == {"P1": "needs 15.0 h, but 30.0 h of its 31.0 h free in the 3.9 working "
                    "days left for it (after CAM, before measuring, delivery) already go "
                    "to P2", "P2": None}
    assert report["lead_time"]["slowest_part"] == "P1"
    assert next(f for f in report["findings"] if f["rule"] == "LEAD-TIME")["part"] == "P1"
    notes = [n for n in report["quote"]["notes"] if "after the wanted date" in n]
    assert len(notes) == 1 and notes[0].startswith("P1: ")
    steps = {p["part"]: p for p in report["lead_time"]["parts"]}
    assert steps["P2"]["days"] < steps["P1"]["days"]


def test_a_late_operation_lists_no_alternative_without_hours(screener):
    """Prints of 40, 50 and 50 h on two FDM printers (S5 60 h, MK4 80 h free): P3 ends
    late on the MK4, and the S5, whose hours P2 has, is a rejection with P2 named, not
    an alternative (it read 'alternatives: ultimaker-s5' beside 'later than wanted').
    Counted in each print's own window (5 working days less CAM, measuring and delivery:
    3.9 days, 46.6 h of the S5's, 62.1 h of the MK4's) and in the chain, P2's 50 h on the
    S5 (4.17 days at 12 h a day, 5.3 days all in: after the wanted date) are late too,
    with the MK4, whose hours P1 and P3 have, rejected."""
    request = printed_parts(3, 50, "fdm", "petg")
    request["parts"][0]["cycle_time_min"] = round((40 - 0.25) * 60, 3)
    report = screener.check(request).to_dict()
    by_part = {a["part"]: a for a in report["assignments"]}
    late = [pid for pid, a in by_part.items() if a.get("late")]
    assert late == ["P1", "P2"]
    for pid in late:
        entry = by_part[pid]
        assert entry["alternatives"] == []
        other = {"prusa-mk4": "ultimaker-s5", "ultimaker-s5": "prusa-mk4"}[entry["machine"]]
        [rejected] = [r for r in entry["rejected"] if r["machine"] == other]
        holders = sorted(p for p, a in by_part.items() if a["machine"] == other)
        assert rejected["reasons"][0].endswith(f"already go to {', '.join(holders)}")


def test_a_date_that_cannot_move_makes_too_few_hours_a_blocker(screener):
    """What the missing hours mean is the LEAD-TIME finding's: a fixed date or a
    penalty clause refuses (unless overtime makes the date), a date that may move is
    a risk with effort."""
    fixed = printed_parts(3, 15)
    fixed.update(date_flexible=False)
    fixed["parts"][2]["cycle_time_min"] = 40 * 60  # overtime cannot catch up 40 h
    report = screener.check(fixed).to_dict()
    assert report["verdict"] == "no_fit"
    assert [f["rule"] for f in report["findings"] if f["kind"] == "blocker"] == ["LEAD-TIME"]
    report = screener.check(dict(printed_parts(3, 15), date_flexible=True)).to_dict()
    assert report["verdict"] == "fit_with_effort"
    assert next(f for f in report["findings"] if f["rule"] == "LEAD-TIME")["kind"] == "risk"


def test_operations_spread_over_capable_machines(screener):
    """Two FDM printers (UltiMaker S5 60 h, Prusa MK4 80 h free a week): two 50 h
    parts go one to each; a third has no printer with 50 h left and goes where it
    ends soonest (100 h on the MK4 take 1.25 weeks, on the S5 1.67), the S5 rejected
    with the part that took its hours."""
    report = screener.check(printed_parts(2, 50, "fdm", "petg")).to_dict()
    assert sorted(a["machine"] for a in report["assignments"]) == ["prusa-mk4",
                                                                   "ultimaker-s5"]
    report = screener.check(printed_parts(3, 50, "fdm", "petg")).to_dict()
    third = report["assignments"][2]
    assert third["machine"] == "prusa-mk4" and third["alternatives"] == []
    on_mk4 = next(a["part"] for a in report["assignments"][:2] if a["machine"] == "prusa-mk4")
    assert third["late"].endswith(f"already go to {on_mk4}")
    [rejected] = third["rejected"]
    assert rejected["machine"] == "ultimaker-s5"
    # the S5's hours in the print's own window (3.9 working days: 46.6 h), all P1's
    assert "46.6 h of its 46.6 h free in the 3.9 working days" in rejected["reasons"][0]
    assert report["verdict"] != "no_fit"


def test_one_part_over_the_hours_is_made_later(screener):
    report = screener.check(printed_parts(1, 45)).to_dict()
    [only] = report["assignments"]
    assert only["machine"] == "formlabs-form4"
    # its window: 5 working days less CAM, measuring (0.25 h each at 4 h a day) and
    # delivery (1 day): 3.875 days at 8 h a day, 31 h
    assert only["late"] == \
        "needs 45.0 h; 31.0 h free in the 3.9 working days left for it (after CAM, before " \
        "measuring, delivery); 40.0 h in the 1.0 working weeks to the wanted date"
    assert report["lead_time"]["meets_wanted_date"] is False
    assert report["verdict"] == "conditional"


def test_an_operation_made_later_is_priced_and_planned_on_its_machine(screener):
    """The third 15 h part is priced like the others, with a note, and makes the
    slowest part of the lead time (its candidate rules count for its machine)."""
    two = screener.check(printed_parts(2, 15)).to_dict()
    three = screener.check(printed_parts(3, 15)).to_dict()
    printed = {line["part"]: line for line in three["quote"]["lines"]
               if line["kind"] == "run"}
    assert printed["P3"]["machine"] == "formlabs-form4"
    assert printed["P3"]["hours"] == printed["P1"]["hours"]
    assert "P3: 3D printing (SLA, resin) planned on Formlabs Form 4 SLA/MSLA-harsprinter " \
        "after the wanted date: it has not the free hours before it" in three["quote"]["notes"]
    steps = {p["part"]: p for p in three["lead_time"]["parts"]}
    assert [s["step"] for s in steps["P3"]["steps"]].count("operation") == 1
    assert three["lead_time"]["slowest_part"] == "P3"
    assert three["lead_time"]["days"] > two["lead_time"]["days"]
    assert three["lead_time"]["meets_wanted_date"] is False


def test_a_partner_takes_an_operation_the_machines_lack_the_hours_for_when_it_is_sooner():
    """The machines short of hours: the operation goes to a partner that does the process
    when the partner's lead time and transport both ways (1 day each) end sooner than
    the machine would (assignment.assign): 3 days + 2 beat the Form 4's 85 h at 8 h a
    day (10.6 working days); a 20-day partner (22) does not, even for the second print
    (170 h: 21.3), and both are made later on the Form 4."""
    from producibility import load_equipment
    from producibility.inputs.yamlio import load, plain

    def shop(days):
        document = plain(load(EQUIPMENT))
        document["partners"] = [{
            "id": "printlab", "name": "Printlab (test)", "processes": ["sla"],
            "lead_time_days": days,
            "price": {"per_order_eur": 60, "per_piece_eur": 40, "source": "test"}}]
        return Screener(load_equipment(document), load_packs())

    request = printed_parts(2, 85)  # two 85 h prints, 40 h free a week on the Form 4
    report = shop(3).check(request).to_dict()
    assert [a["machine"] for a in report["assignments"]] == [None, None]
    assert [a["partner"]["id"] for a in report["assignments"]] == ["printlab"] * 2
    assert all(a["overflow"] for a in report["assignments"])
    # in its own window: 5 working days less delivery (1 day; the partner's print needs
    # no CAM here nor measuring), 4 days at 8 h a day
    assert "needs 85.0 h; 32.0 h free in the 4.0 working days left for it (before " \
        "delivery)" in report["assignments"][0]["rejected"][0]["reasons"][0]
    outside = [f for f in report["findings"] if f["rule"] == "FIT-OUTSIDE-WORK"]
    assert outside[0]["message"].startswith(
        "Part P1: our machines for 3D printing (SLA, resin) have not the hours before the "
        "wanted date; Printlab (test) does it sooner (lead time 3 working days")
    assert not any(f["rule"] == "FIT-NO-MACHINE" for f in report["findings"])
    slow = shop(20).check(request).to_dict()
    assert [a["machine"] for a in slow["assignments"]] == ["formlabs-form4"] * 2
    assert all(a.get("late") and not a.get("overflow") for a in slow["assignments"])
    # with the hours free, the own machine, as ever
    assert shop(3).check(printed_parts(1, 15)).to_dict()["assignments"][0]["machine"] == \
        "formlabs-form4"


def test_a_shop_that_keeps_its_work_in_house_makes_it_later(tmp_path):
    """lead_time.overflow: later (a provider pack's setting): the 3-day partner that
    would take both 85 h prints does not; they stay on the Form 4, later than wanted."""
    from producibility import load_equipment
    from producibility.inputs.yamlio import load, plain

    document = plain(load(EQUIPMENT))
    document["partners"] = [{
        "id": "printlab", "name": "Printlab (test)", "processes": ["sla"],
        "lead_time_days": 3,
        "price": {"per_order_eur": 60, "per_piece_eur": 40, "source": "test"}}]
    own = tmp_path / "in-house.yaml"
    own.write_text("settings:\n  lead_time:\n    overflow: later\n", encoding="utf-8")
    report = Screener(load_equipment(document), load_packs([own])).check(
        printed_parts(2, 85)).to_dict()
    assert [a["machine"] for a in report["assignments"]] == ["formlabs-form4"] * 2
    assert all(a.get("late") and not a.get("overflow") for a in report["assignments"])
    assert any(f["rule"] == "LEAD-TIME" for f in report["findings"])


# ---- the schedule stage: rules that read the lead-time chain's slack ------------------


def test_a_rule_that_reads_the_slack_sees_the_chain_of_this_request(tmp_path):
    """A one-day job wanted in a week and a half is no rush; wanted in two days, it is.
    A flag set by such a rule is read by the rules after it."""
    pack = write_pack(tmp_path, [
        {"id": "OWN-TIGHT", "scope": "request", "when": "request.slack_days < 3",
         "then": {"flag": "tight", "risk": {"likelihood": 3, "consequence": 3}},
         "message": {"en": "{{ request.slack_days }} days to spare, ready "
                           "{{ request.earliest_delivery }}", "nl": "x"}},
        {"id": "OWN-PART", "scope": "part", "when": "true", "requires": ["tight"]},
        {"id": "OWN-CALM", "scope": "request", "when": "true", "unless": ["tight"]},
    ])
    screener = Screener(load_equipment_example(), load_packs([pack], include_default=False))
    calm = screener.check(base_request(wanted_date="2026-12-04"))
    assert {f["rule"] for f in calm.findings} >= {"OWN-CALM"}
    assert not {"OWN-TIGHT", "OWN-PART"} & {f["rule"] for f in calm.findings}
    rush = screener.check(base_request(wanted_date="2026-11-26"))
    fired = {f["rule"]: f for f in rush.findings}
    assert {"OWN-TIGHT", "OWN-PART"} <= set(fired) and "OWN-CALM" not in fired
    lead = rush.to_dict()["lead_time"]
    assert fired["OWN-TIGHT"]["message"] == \
        f"1 days to spare, ready {lead['earliest_date']}"
    assert fired["OWN-TIGHT"]["trace"]["values"] == {"request.slack_days": 1}


def test_an_unknown_slack_asks_what_the_chain_needs(tmp_path):
    """Without a quantity the chain is a lower bound: a rule on the slack is undecided
    and asks for the quantity, not for a field the customer cannot answer."""
    pack = write_pack(tmp_path, [
        {"id": "OWN-TIGHT", "scope": "request", "when": "request.slack_days < 3"}])
    screener = Screener(load_equipment_example(), load_packs([pack], include_default=False))
    report = screener.check(base_request(quantity=None, wanted_date="2026-11-26"),
                            assume=False)
    assert "OWN-TIGHT" not in {f["rule"] for f in report.findings}
    asked = {q["field"]: q["rules"] for q in report.to_dict()["open_questions"]}
    assert "OWN-TIGHT" in asked["quantity"]
    assert "slack_days" not in asked and "wanted_date" not in asked
    report = screener.check(base_request(wanted_date=None), assume=False)
    asked = {q["field"]: q["rules"] for q in report.to_dict()["open_questions"]}
    assert "OWN-TIGHT" in asked["wanted_date"]


@pytest.mark.parametrize("rule, message", [
    ({"id": "OWN-M", "scope": "candidate", "when": "request.slack_days < 3"},
     "OWN-M: reads request.slack_days"),
    ({"id": "OWN-W", "scope": "part", "when": "request.slack_days < 3",
      "then": {"effort": {"lead_time_days": 2}}},
     "cannot add a wait, work preparation or measuring"),
    ({"id": "OWN-D", "scope": "request", "when": "request.slack_days < 3",
      "then": {"effort": {"design_h": 4}}},
     "cannot add a wait, work preparation or measuring"),
    ({"id": "OWN-I", "scope": "part", "when": "request.slack_days < 3",
      "then": {"effort": {"inspection_h": 2}}},
     "cannot add a wait, work preparation or measuring"),
])
def test_a_schedule_rule_cannot_change_the_schedule(tmp_path, rule, message):
    """The chain is worked out for the machines chosen and with the rules' waits: a rule
    that reads it can neither judge a machine nor add a wait.  One line, file:line."""
    pack = write_pack(tmp_path, [rule])
    with pytest.raises(InputError) as error:
        Screener(load_equipment_example(), load_packs([pack], include_default=False))
    assert message in str(error.value)
    assert error.value.path.endswith("own.yaml") and error.value.line


def test_a_machine_rule_cannot_read_a_flag_of_the_schedule(tmp_path):
    pack = write_pack(tmp_path, [
        {"id": "OWN-T", "scope": "request", "when": "request.slack_days < 3",
         "then": {"flag": "tight"}},
        {"id": "OWN-M", "scope": "candidate", "when": "true", "requires": ["tight"]},
    ])
    with pytest.raises(InputError) as error:
        Screener(load_equipment_example(), load_packs([pack], include_default=False))
    assert "OWN-M: reads tight (OWN-T)" in str(error.value)


def test_the_late_label_counts_an_estimated_run_as_the_lead_time_does(screener):
    """A 5-axis part without a cycle time (15.5 h of run estimated) and one of 30 min a
    piece share the Hermle's 18 h before the wanted date: the late label counted the first
    as its 2 h of set-up, so the second, ending 12 days after the date, was not late.
    Counted in their own window (9 working days less CAM, measuring and delivery: 6.8
    days, 13.6 h at 2 h a day), the first's 17.5 h are late as well: it ends after the
    wanted date in the chain too."""
    from conftest import base_request

    request = base_request(quantity=20, wanted_date="2026-12-04")
    first = request["parts"][0]
    first.update(processes=["milling_5axis"], size_mm=[200, 150, 80])
    del first["cycle_time_min"]
    request["parts"] = [first, dict(first, id="P2", cycle_time_min=30, size_mm=[120, 60, 20])]
    report = screener.check(request).to_dict()
    late = {a["part"]: a.get("late") for a in report["assignments"]}
    assert late == {"P1": "needs 17.5 h; 13.6 h free in the 6.8 working days left for it "
                    "(after CAM, before measuring, delivery); 18.0 h in the 1.8 working "
                    "weeks to the wanted date",
                    "P2": "needs 12.0 h, but 13.6 h of its 13.6 h free in the 6.8 working "
                    "days left for it (after CAM, before measuring, delivery) already go "
                    "to P1"}
    assert {p["part"] for p in report["lead_time"]["parts"]
            if p["days"] > 9} == {"P1", "P2"}
    assert report["lead_time"]["slowest_part"] == "P2"


def test_screeners_in_threads_sharing_one_pack_give_the_same_reports():
    """A service loads the packs once and screens in threads, a Screener each: the
    conditions (and a rule's texts) of a pack from its record are made ready when first
    used, and two threads doing that at once made a rule an engine error now and then
    (1-5 reports in 120 differed).  Each report is the report a Screener alone gives."""
    import threading

    from producibility.model.equipment import load_equipment

    requests = [str(ROOT / "examples" / "requests" / name)
                for name in ("bracket-series.yaml", "impeller-rush.yaml")]
    equipment = load_equipment(str(EQUIPMENT))
    alone = {r: json.dumps(Screener(equipment, load_packs()).check(r).to_dict(),
                           sort_keys=True) for r in requests}
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns often: the windows are short
    try:
        differ = []
        for _ in range(8):
            pack = load_packs()  # fresh from the record: nothing compiled yet

            def screen(request):
                try:
                    report = Screener(equipment, pack).check(request).to_dict()
                    if json.dumps(report, sort_keys=True) != alone[request]:
                        differ.append(request)
                except Exception as exc:  # noqa: BLE001 - counted, then failed below
                    differ.append(repr(exc))
            threads = [threading.Thread(target=screen, args=(requests[i % 2],))
                       for i in range(6)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert differ == []
