"""The engine's mechanisms, with a small pack written for the test (not the default one)."""

import textwrap

import pytest

from producibility import Screener, load_equipment, load_packs
from producibility.errors import InputError
from producibility.report.render import render

from conftest import EQUIPMENT, base_request

SETTINGS = textwrap.dedent("""
    pack: {id: test-pack, version: 1.0.0}
    settings:
      fit: {envelope_margin: 0.9, capability_margin: 1.5}
      target_mrl: {prototype: 6, pilot: 7, small_series: 8, series: 9}
      risk_matrix:
        - [low, low, low, low, moderate]
        - [low, low, low, moderate, moderate]
        - [low, low, moderate, moderate, high]
        - [low, moderate, moderate, high, high]
        - [low, moderate, high, high, high]
      effort_classes: [{class: S, max_h: 8}, {class: L, max_h: null}]
      cost_contingency: {base: 0.1, per_open_question: 0.05, max: 0.5}
""")


def rule(rid, when, scope="part", then="{risk: {likelihood: 2, consequence: 2}}", extra=""):
    return textwrap.dedent(f"""
      - id: {rid}
        thread: materials
        title: {rid}
        scope: {scope}
        when: "{when}"
        then: {then}
        message: "{rid} fired for {{{{ request.id }}}}"
    """) + textwrap.indent(textwrap.dedent(extra), "  ") + "\n"


def make_pack(tmp_path, *rules):
    body = "".join(textwrap.indent(r, "  ") for r in rules)
    text = SETTINGS + ("rules:\n" + body if rules else "rules: []\n")
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return load_packs([path], include_default=False)


def screen(tmp_path, equipment, rules, request):
    return Screener(equipment, make_pack(tmp_path, *rules)).check(request).to_dict()


def fired(report):
    return sorted({f["rule"] for f in report["findings"]})


def test_flags_chain_from_part_rule_to_part_rule(tmp_path, equipment):
    rules = [
        rule("T-1", "part.tolerance_mm < 0.05", then="{flag: tight}"),
        rule("T-2", "part.size_mm | max > 100", extra="requires: [tight]"),
    ]
    assert fired(screen(tmp_path, equipment, rules, base_request(part={"tolerance_mm": 0.03}))) \
        == ["T-1", "T-2"]
    assert fired(screen(tmp_path, equipment, rules, base_request())) == []


def test_unless_negates_a_flag_set_by_a_global_rule(tmp_path, equipment):
    rules = [
        rule("S-1", "request.material_supplied_by_customer", scope="request",
             then="{flag: supplied}"),
        rule("S-2", "part.material not in ['steel_s235']", extra="unless: [supplied]"),
    ]
    assert fired(screen(tmp_path, equipment, rules, base_request())) == ["S-2"]
    assert fired(screen(tmp_path, equipment, rules,
                        base_request(material_supplied_by_customer=True))) == ["S-1"]


def test_request_rule_requiring_a_part_flag_fires_once(tmp_path, equipment):
    rules = [
        rule("P-1", "part.tolerance_mm < 0.05", then="{flag: tight}"),
        rule("R-1", "request.quantity > 5", scope="request", extra="requires: [tight]"),
    ]
    request = base_request(part={"tolerance_mm": 0.03})
    request["parts"].append(dict(request["parts"][0], id="P2"))
    report = screen(tmp_path, equipment, rules, request)
    assert [f["rule"] for f in report["findings"]].count("R-1") == 1
    assert [f["rule"] for f in report["findings"]].count("P-1") == 2


def test_a_flag_rules_trace_names_the_rules_that_set_its_flags_and_their_facts(
        tmp_path, equipment):
    """A rule that reads a flag is often ``when: "true"``: its trace read the condition
    `true` and no values, and nothing said which answer made it fire.  The trace names
    each flag it reads, whether it holds for the finding's subject, and the rules that
    set it there with the facts they matched: a part's rule the request's setters and its
    own part's, never another part's; the request's rule every part's."""
    rules = [
        rule("P-1", "part.tolerance_mm < 0.05", then="{flag: tight}"),
        rule("P-2", "true", extra="requires: [tight]\nunless: [supplied]"),
        rule("R-1", "request.quantity > 5", scope="request", extra="requires: [tight]"),
        rule("S-1", "request.material_supplied_by_customer", scope="request",
             then="{flag: supplied}"),
    ]
    request = base_request(part={"tolerance_mm": 0.03})
    request["parts"].append(dict(request["parts"][0], id="P2", tolerance_mm=0.02))
    request["parts"].append(dict(request["parts"][0], id="P3", tolerance_mm=0.1))
    report = screen(tmp_path, equipment, rules, request)
    traces = {(f["rule"], f["part"]): f["trace"] for f in report["findings"]}
    assert set(traces) >= {("P-2", "P1"), ("P-2", "P2"), ("R-1", None)}
    assert ("P-2", "P3") not in traces
    tight, supplied = traces[("P-2", "P2")]["flags"]
    assert tight == {"flag": "tight", "reads": "requires", "holds": True, "set_by": [
        {"rule": "P-1", "part": "P2", "condition": "part.tolerance_mm < 0.05",
         "values": {"part.tolerance_mm": 0.02}}]}
    assert supplied == {"flag": "supplied", "reads": "unless", "holds": False, "set_by": []}
    [request_tight] = traces[("R-1", None)]["flags"]
    assert [(s["rule"], s["part"]) for s in request_tight["set_by"]] == [
        ("P-1", "P1"), ("P-1", "P2")]
    assert traces[("P-1", "P1")]["flags"] == []  # reads no flag
    md = render(Screener(equipment, make_pack(tmp_path, *rules)).check(request), "md")
    assert "`requires: tight`, set by P-1 (P2): `part.tolerance_mm` = 0\\.02" in md
    assert "`unless: supplied`, not set" in md


def test_flag_cycle_is_an_input_error(tmp_path, equipment):
    pack = make_pack(tmp_path,
                     rule("C-1", "true", then="{flag: a}", extra="requires: [b]"),
                     rule("C-2", "true", then="{flag: b}", extra="requires: [a]"))
    with pytest.raises(InputError, match="cycle"):
        Screener(equipment, pack)


def test_unanswered_field_makes_the_rule_unknown_and_an_open_question(tmp_path, equipment):
    rules = [rule("U-1", "request.nda_required", scope="request",
                  then="{blocker: true}")]
    # strictly (no assumptions): the questionnaire's "no NDA" assumption is not used
    report = Screener(equipment, make_pack(tmp_path, *rules)).check(
        base_request(nda_required=None), assume=False).to_dict()
    assert fired(report) == []
    assert report["verdict"] == "conditional"
    question = report["open_questions"][0]
    assert (question["field"], question["decisive"], question["rules"]) == (
        "nda_required", True, ["U-1"])


def test_candidate_findings_count_only_for_the_chosen_machine(tmp_path, equipment):
    # Two 3-axis mills fit; the cheaper VF-2 is chosen, so the rule about the VF-4 is silent.
    rules = [rule("M-1", "machine.id == 'haas-vf4'", scope="candidate"),
             rule("M-2", "machine.id == 'haas-vf2'", scope="candidate")]
    report = screen(tmp_path, equipment, rules, base_request())
    assert report["assignments"][0]["machine"] == "haas-vf2"
    assert fired(report) == ["M-2"]


def test_runtime_error_in_a_rule_is_a_finding_not_a_crash(tmp_path, equipment):
    rules = [rule("E-1", "part.material > 3"), rule("E-2", "part.tolerance_mm < 1")]
    report = screen(tmp_path, equipment, rules, base_request())
    kinds = {f["rule"]: f["kind"] for f in report["findings"]}
    assert kinds == {"E-1": "engine_error", "E-2": "risk"}
    assert "cannot compare" in report["findings"][0]["message"]
    assert report["verdict"] == "conditional"


def test_every_finding_carries_its_trace(tmp_path, equipment):
    rules = [rule("T-9", "part.tolerance_mm < 0.05 and request.quantity > 1")]
    report = screen(tmp_path, equipment, rules, base_request(part={"tolerance_mm": 0.03}))
    trace = report["findings"][0]["trace"]
    assert trace["rule"] == "T-9" and trace["line"] == 16
    assert trace["condition"] == "part.tolerance_mm < 0.05 and request.quantity > 1"
    assert trace["values"] == {"part.tolerance_mm": 0.03, "request.quantity": 10}


@pytest.mark.parametrize("then, request_changes, verdict", [
    ("{info_flag: 1}", {}, None),
    ("{flag: nothing}", {}, "fit"),
    ("{effort: {engineering_h: 2}}", {}, "fit_with_effort"),
    ("{risk: {likelihood: 3, consequence: 3}}", {}, "fit_with_effort"),
    ("{risk: {likelihood: 1, consequence: 1}}", {}, "fit"),
    ("{question: true}", {}, "conditional"),
    ("{blocker: true}", {}, "no_fit"),
    ("{mrl_cap: 4}", {}, "fit_with_effort"),  # below the prototype target of 6
])
def test_each_kind_of_consequence_gives_its_verdict(tmp_path, equipment, then, request_changes,
                                                    verdict):
    if verdict is None:
        with pytest.raises(InputError, match="unknown field 'info_flag'"):
            make_pack(tmp_path, rule("V-1", "true", then=then))
        return
    report = screen(tmp_path, equipment, [rule("V-1", "true", then=then)],
                    base_request(**request_changes))
    assert report["verdict"] == verdict


def test_no_machine_for_a_process_is_a_blocker(tmp_path, equipment):
    report = screen(tmp_path, equipment, [], base_request(part={"tolerance_mm": 0.001}))
    assert report["verdict"] == "no_fit"
    blocker = report["findings"][0]
    assert blocker["rule"] == "FIT-NO-MACHINE" and blocker["part"] == "P1"
    rejected = {r["machine"]: r["reasons"] for r in report["assignments"][0]["rejected"]}
    assert rejected["haas-vf2"] == ["tolerance ± 0.001 mm is tighter than the machine's 0.02 mm"]


def test_process_missing_from_the_catalogue_is_a_blocker(tmp_path, equipment):
    report = screen(tmp_path, equipment, [], base_request(part={"processes": ["sla", "turning"],
                                                               "diameter_mm": 20,
                                                               "length_mm": 30,
                                                               "material": "steel_c45"}))
    assert report["verdict"] == "no_fit"  # steel cannot be printed in resin


def test_missing_size_makes_the_fit_undecidable_not_a_blocker(tmp_path, equipment):
    report = screen(tmp_path, equipment, [], base_request(part={"size_mm": None}))
    assert report["verdict"] == "conditional"
    assert report["assignments"][0]["judged"] is False
    assert report["open_questions"][0]["field"] == "size_mm"


def test_too_few_free_hours_before_the_wanted_date_make_it_later(tmp_path, equipment):
    # 1000 pieces x 10 min = 167 h; one week of free hours on any mill is far less, and
    # on the three together too (38 h): the pieces go over the three mills so that they
    # end soonest, together (on the VF-2 alone, 16 h a week, 10.5 weeks: 57 working
    # days), later than wanted, and the date is a question to the customer (not "no
    # machine"); its 514 kg of 6082 is more than the example shop keeps (400 kg): 3 days
    # to order it first
    request = base_request(quantity=1000, wanted_date="2026-11-30",
                           part={"cycle_time_min": 10})
    report = screen(tmp_path, equipment, [], request)
    assert report["verdict"] == "conditional"
    [milling] = report["assignments"]
    assert milling["machine"] == "haas-vf2"
    assert [(s["machine"], s["pieces"]) for s in milling["split"]] == [
        ("haas-vf2", 427), ("haas-vf4", 315), ("hermle-c250", 258)]
    # in its own window: 5 working days to the wanted date less the material (3) and
    # the delivery (1), 1 day of the VF-2's 16 h a week: 3.2 h
    assert milling["late"].startswith("needs 72.2 h; 3.2 h free in the 1.0 working days "
                                      "left for it (after the material, before delivery); "
                                      "16.0 h in the 1.0 working weeks")
    assert milling["rejected"] == []
    assert report["lead_time"]["days"] == 27
    assert report["lead_time"]["parts"][0]["steps"][0]["step"] == "material"
    assert "LEAD-TIME" in [f["rule"] for f in report["findings"]]


def test_the_engine_is_reused_and_does_not_leak_between_requests(tmp_path, equipment):
    screener = Screener(equipment, make_pack(tmp_path, rule("L-1", "request.nda_required",
                                                            scope="request")))
    first = screener.check(base_request(nda_required=True)).to_json()
    screener.check(base_request())
    assert screener.check(base_request(nda_required=True)).to_json() == first
    assert fired(screener.check(base_request()).to_dict()) == []


def test_what_a_candidate_rule_reads_of_the_part_is_remembered_per_part_and_run(
        tmp_path, equipment):
    """A candidate condition's part-only half is worked out once per part and run
    (pack.INVARIANT): another part, or the next request, must not see it."""
    rules = [rule("K-2", "part.cycle_time_min * part.quantity / 60 > machine.free_h_per_week "
                  "* 0 + 1", scope="candidate")]
    screener = Screener(equipment, make_pack(tmp_path, *rules))
    two = base_request()
    two["parts"].append(dict(two["parts"][0], id="P2", cycle_time_min=120, quantity=1))
    hits = {(f["part"], f["machine"]) for f in screener.check(two).to_dict()["findings"]
            if f["rule"] == "K-2"}
    assert {p for p, _ in hits} == {"P2"}  # P1: 5 min, under an hour; P2: 2 h
    for minutes, fires in ((120, True), (5, False), (120, True)):
        report = screener.check(base_request(part={"cycle_time_min": minutes}))
        assert ("K-2" in fired(report.to_dict())) is fires


def test_a_candidate_blocker_rules_out_that_machine_only(tmp_path, equipment):
    rules = [rule("K-1", "machine.id == 'haas-vf2'", scope="candidate",
                  then="{blocker: true}")]
    report = screen(tmp_path, equipment, rules, base_request())
    assert report["verdict"] != "no_fit"
    assignment = report["assignments"][0]
    assert assignment["machine"] != "haas-vf2"
    rejected = {r["machine"]: r["reasons"] for r in assignment["rejected"]}
    assert rejected["haas-vf2"] == ["K-1: K-1 fired for T-1"]


def test_when_rules_rule_out_every_candidate_the_part_has_no_machine(tmp_path, equipment):
    rules = [rule("K-2", "candidate.process == 'milling_3axis'", scope="candidate",
                  then="{blocker: true}")]
    report = screen(tmp_path, equipment, rules, base_request())
    assert report["verdict"] == "no_fit"
    assert report["findings"][0]["rule"] == "FIT-NO-MACHINE"


def test_a_flag_set_by_both_request_and_part_rules_reaches_part_rules(tmp_path, equipment):
    rules = [
        rule("F-1", "request.nda_required", scope="request", then="{flag: x}"),
        rule("F-2", "part.tolerance_mm < 0.001", then="{flag: x}"),
        rule("F-3", "true", extra="requires: [x]"),
        rule("F-4", "true", extra="unless: [x]"),
    ]
    assert fired(screen(tmp_path, equipment, rules, base_request(nda_required=True))) == [
        "F-1", "F-3"]
    assert fired(screen(tmp_path, equipment, rules, base_request())) == ["F-4"]


def test_candidate_rules_cannot_set_flags(tmp_path):
    with pytest.raises(InputError, match="candidate-scope rule cannot set a flag"):
        make_pack(tmp_path, rule("C-9", "true", scope="candidate", then="{flag: f}"))


def test_a_candidate_rule_can_require_a_part_flag(tmp_path, equipment):
    rules = [rule("Q-1", "part.tolerance_mm < 0.05", then="{flag: tight}"),
             rule("Q-2", "machine.id == 'haas-vf2'", scope="candidate",
                  extra="requires: [tight]")]
    assert fired(screen(tmp_path, equipment, rules,
                        base_request(part={"tolerance_mm": 0.03}))) == ["Q-1", "Q-2"]
    assert fired(screen(tmp_path, equipment, rules, base_request())) == []


def test_what_if_probing_is_bounded_by_the_size_of_the_request(equipment, monkeypatch):
    """A 300-part request with open questions: a few what-if screens, not 32 (each
    screen costs as much as the check itself); a small request keeps all 32."""
    import sys

    from conftest import ROOT
    from producibility.report import probing as questions
    from producibility.report.probing import MAX_SCREENS, screens_allowed
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import workload

    assert screens_allowed(26, 10) == MAX_SCREENS
    assert screens_allowed(800, 300) < screens_allowed(80, 30) <= MAX_SCREENS
    assert screens_allowed(10**6, 1000) == 0

    screener = Screener(equipment, load_packs())
    runs = []
    run = screener.inference.run
    monkeypatch.setattr(screener.inference, "run", lambda *a: runs.append(1) or run(*a))

    big = workload.gen_request(300, seed=3)
    big.pop("purpose", None)
    for part in big["parts"][:5]:
        part.pop("tolerance_mm", None)
    report = screener.check(big).to_dict()
    assert report["open_questions"]
    from producibility import load_request
    engine = run(load_request(big, screener.questionnaire), big["date"])
    allowed = screens_allowed(len(engine.fits) + len(engine.rejections), len(engine.parts))
    assert 0 < allowed < MAX_SCREENS
    assert len(runs) <= 1 + allowed

    runs.clear()
    small = base_request()
    small.pop("purpose", None)
    screener.check(small)
    assert 1 < len(runs) <= 1 + MAX_SCREENS


def test_twin_machines_share_the_work_as_a_planner_levels_it(tmp_path):
    """Two mills of one model at one rate: the second part goes to the twin with no
    hours yet, not behind the first on the first mill (cost-first alone piled a 50-part
    request's 40 laser jobs on one of 28 identical lasers)."""
    import yaml
    from producibility import load_equipment
    from conftest import EQUIPMENT
    document = yaml.safe_load(open(EQUIPMENT, encoding="utf-8"))
    [vf2] = [m for m in document["machines"] if m["id"] == "haas-vf2"]
    path = tmp_path / "twins.yaml"
    path.write_text(yaml.safe_dump(dict(document, machines=document["machines"] + [
        dict(vf2, id="haas-vf2-b")]), allow_unicode=True), encoding="utf-8")
    request = base_request(quantity=100, part={"cycle_time_min": 6})
    request["parts"].append(dict(request["parts"][0], id="P2"))
    one = Screener(load_equipment(EQUIPMENT), load_packs()).check(request).to_dict()
    two = Screener(load_equipment(str(path)), load_packs()).check(request).to_dict()
    assert [a["machine"] for a in one["assignments"]] == ["haas-vf2", "haas-vf2"]
    assert [a["machine"] for a in two["assignments"]] == ["haas-vf2", "haas-vf2-b"]
    assert two["lead_time"]["days"] < one["lead_time"]["days"]
    assert two["effort"]["cost_eur"] == one["effort"]["cost_eur"]


def test_a_run_the_quote_estimates_takes_its_machines_hours_in_the_first_plan():
    """A passivated stainless block without a cycle time (its run estimated at
    thousands of hours) and an aluminium housing with one, both only for the two big
    mills: the first plan counted the block as its set-up alone, so the housing joined
    it on the cheaper mill and came out late behind it, with the other mill free (and
    the second plan, no shorter with the block in it, was not kept). The first plan
    now counts the run the quote estimates, as the chain does: the block, late whatever
    is done, is spread over both mills so that it ends soonest (683 working days, where
    on the VF-2 alone 1,183), and the housing waits for the block's share on the
    VF-4 (the chain makes the part with the most work first)."""
    request = base_request(quantity=192, batches=3, wanted_date="2026-12-16", part={
        "size_mm": [635.4, 294.3, 259.4], "cycle_time_min": 4.85})
    request["parts"].append({"id": "P2", "quantity": 1, "processes": ["milling_3axis"],
                             "material": "stainless_304", "size_mm": [647.3, 336.2, 366.5],
                             "tolerance_mm": 0.1, "surface_treatment": ["passivation"]})
    report = Screener(load_equipment(EQUIPMENT), load_packs()).check(
        request, probe=False).to_dict()
    placed = {a["part"]: a for a in report["assignments"]}
    assert placed["P2"]["run_basis"] == "estimated" and placed["P2"].get("late")
    assert [s["machine"] for s in placed["P2"]["split"]] == ["haas-vf2", "haas-vf4"]
    assert placed["P1"]["machine"] == "haas-vf4"
    assert report["lead_time"]["days"] == 683


def test_a_date_the_cheapest_mill_misses_goes_to_the_mill_that_makes_it():
    """A shop's anodised housing went to its cheapest mill, which had the hours before
    the wanted date but not before the anodiser's week after it: 24 working days for a
    date 18 away, where the faster mill made 19. When the cheapest machines miss the
    date, each operation is placed again with the weeks its part leaves it (the
    material before, the measuring, a treatment and the delivery after), its run
    estimated, and that plan is kept where it ends sooner; a later date keeps the
    cheaper mill that makes it."""
    import copy
    from conftest import EQUIPMENT
    from producibility import load_equipment
    from producibility.inputs.yamlio import loads
    document = copy.deepcopy(loads(EQUIPMENT.read_text(encoding="utf-8"), str(EQUIPMENT)))
    for machine in document["machines"]:  # the cheapest mill has few hours a week
        machine["free_h_per_week"] = {"haas-vf2": 6, "hermle-c250": 30}.get(
            machine["id"], machine["free_h_per_week"])
    screener = Screener(load_equipment(document), load_packs())

    def screened(wanted):
        report = screener.check(base_request(
            quantity=100, wanted_date=wanted,
            part={"cycle_time_min": None, "surface_treatment": ["anodising"],
                  # no EDM or gun drilling may add its fortnight (lead_time.up_to)
                  "min_inside_radius_mm": 3, "max_hole_depth_mm": 10,
                  "min_hole_diameter_mm": 5}),
            probe=False).to_dict()
        [milled] = report["assignments"]
        return milled["machine"], report["lead_time"]["days"], \
            report["lead_time"]["meets_wanted_date"]

    assert screened("2026-12-11") == ("hermle-c250", 12, True)  # 14 working days away
    assert screened("2026-12-18") == ("haas-vf4", 16, True)
    assert screened("2027-02-26")[0] == "haas-vf2"  # time enough: the cheapest


def test_a_roughness_left_empty_is_the_standard_finish_not_a_question(screener):
    """The questionnaire says "leave empty if the standard finish will do", yet an
    empty roughness was a milled housing's first open question, probed at Ra 0.01. An
    empty roughness is that answer: PRC-005 and PRC-015 read a given one only."""
    request = base_request(part={"roughness_ra_um": None})
    report = screener.check(request, probe=False).to_dict()
    assert not any(q["field"] == "roughness_ra_um" for q in report["open_questions"])
    fine = screener.check(base_request(part={"roughness_ra_um": 0.8}), probe=False).to_dict()
    assert any(f["rule"] == "PRC-005" for f in fine["findings"])


def test_a_tolerance_no_machine_of_the_process_holds_names_one_of_its_kind_that_does(
        screener):
    """A start-up writes FDM for a PETG bracket of ±0.1 mm: NO FIT said every FDM
    printer was rejected; a planner answers that the SLA printer holds it. Where every
    machine of the process was rejected for the tolerance alone, the blocker names the
    machine of another process of the same kind that reaches it."""
    request = base_request(part={"processes": ["fdm"], "material": "petg",
                                 "size_mm": [80, 40, 20], "tolerance_mm": 0.1})
    report = screener.check(request, probe=False, lang="nl").to_dict()
    [blocker] = [f for f in report["findings"] if f["rule"] == "FIT-NO-MACHINE"]
    assert "Form 4" in blocker["message"] and blocker["message"].endswith(
        "haalt ± 0,1 mm wel: kan het onderdeel daarop gemaakt worden?")
    coarse = screener.check(dict(request, parts=[dict(request["parts"][0],
                                                      size_mm=[2000, 40, 20])]),
                            probe=False).to_dict()  # too large too: no such advice
    assert not any("does reach" in f["message"] for f in coarse["findings"])
