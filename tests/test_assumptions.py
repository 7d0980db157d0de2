"""Assumptions for open questions, and an MRL that must be earned by answers.

A question may carry an ``assume:`` answer a job shop takes for an ordinary request;
screening uses it, the report lists it to confirm, and the what-if shows what changes
if it is wrong.  A thread's MRL is earned by answered questions (the pack's
``settings.mrl.evidence``), capped by findings, blockers included.
"""

import re
import textwrap

import pytest

from producibility import Screener, load_packs
from producibility.errors import InputError
from producibility.model.questionnaire import load_questionnaire
from producibility.report.render import render

from conftest import base_request
from test_engine import SETTINGS, make_pack, rule

MRL_SETTINGS = SETTINGS + textwrap.indent(textwrap.dedent("""
      mrl:
        blocker_cap: 3
        evidence:
          design:
            - {level: 4, needs: [request.drawing_with_tolerances]}
            - {level: 8, needs: [request.design_frozen]}
          facilities:
            - {level: 4, needs: [request.cleanroom_required]}
          quality:
            - {level: 5, needs: [part.tolerance_mm]}
            - {level: 7, needs: [request.cpk_required]}
"""), "  ")


def mrl_pack(tmp_path, *rules):
    body = "".join(textwrap.indent(r, "  ") for r in rules)
    path = tmp_path / "pack.yaml"
    path.write_text(MRL_SETTINGS + ("rules:\n" + body if rules else "rules: []\n"),
                    encoding="utf-8")
    return load_packs([path], include_default=False)


def check(tmp_path, equipment, rules, request, **options):
    return Screener(equipment, make_pack(tmp_path, *rules)).check(request, **options).to_dict()


# ---- assumptions ---------------------------------------------------------------------------

BLOCK_ON_NDA = rule("U-1", "request.nda_required", scope="request", then="{blocker: true}")


def test_an_open_question_with_an_assumption_is_screened_with_it(tmp_path, equipment):
    report = check(tmp_path, equipment, [BLOCK_ON_NDA], base_request(nda_required=None))
    assert report["verdict"] == "fit"
    assert not any(q["field"] == "nda_required" for q in report["open_questions"])
    [nda] = [a for a in report["assumed"] if a["field"] == "nda_required"]
    assert (nda["scope"], nda["parts"], nda["value"], nda["text"]) == (
        "request", [], False, "no NDA needed")
    # the what-if: if the assumption is wrong, the rule blocks (and caps its thread)
    assert nda["what_if"] == [{"answer": True, "verdict": "no_fit",
                               "new_findings": ["MRL-TARGET", "U-1"]}]
    assert nda["can_change_verdict"] is True


def test_no_assumptions_keeps_the_strict_behaviour(tmp_path, equipment):
    report = check(tmp_path, equipment, [BLOCK_ON_NDA], base_request(nda_required=None),
                   assume=False)
    assert report["verdict"] == "conditional"
    assert report["assumed"] == []
    assert report["inputs"]["assumptions"] is False
    assert report["open_questions"][0]["field"] == "nda_required"


def test_an_answer_given_is_never_replaced_by_an_assumption(tmp_path, equipment):
    report = check(tmp_path, equipment, [BLOCK_ON_NDA], base_request(nda_required=True))
    assert report["verdict"] == "no_fit"
    assert not any(a["field"] == "nda_required" for a in report["assumed"])


def test_a_question_the_questionnaire_would_not_ask_is_not_assumed(tmp_path, equipment):
    # customer_staff_trained has no assumption; unsupervised_hours is asked only when the
    # customer operates the machine: neither appears.
    report = check(tmp_path, equipment, [], base_request())
    fields = {a["field"] for a in report["assumed"]}
    assert "unsupervised_hours" not in fields and "customer_staff_trained" not in fields
    assert "cleanroom_required" in fields


def test_a_question_that_may_not_apply_is_not_assumed(tmp_path, equipment):
    """EN 1090's execution class (assume: EXC2) is asked when the product is a
    construction product or EN 1090 is required.  With the certificates open it may
    apply or not: it is not an assumed EXC2 that a shop without EN 1090 turned into NO
    FIT (ENX-001) for a milled bracket, nor asked before the certificates it follows
    from (the rule waits for those).  Where it applies it is assumed as before."""
    shop = [rule("U-2", "request.execution_class == 'exc2'", scope="request",
                 then="{blocker: true}")]
    open_certificates = base_request(certificates_required=None)
    report = check(tmp_path, equipment, shop, open_certificates)
    assert not any(a["field"] == "execution_class" for a in report["assumed"])
    assert report["verdict"] == "conditional"
    [certificates] = [q for q in report["open_questions"]
                      if q["field"] == "certificates_required"]
    assert "U-2" in certificates["rules"] and certificates["decisive"]
    assert not any(q["field"] == "execution_class" for q in report["open_questions"])
    structural = base_request(certificates_required=None,
                              application_sector="construction_product")
    report = check(tmp_path, equipment, shop, structural)
    [exc] = [a for a in report["assumed"] if a["field"] == "execution_class"]
    assert exc["value"] == "exc2" and report["verdict"] == "no_fit"


def test_part_assumptions_name_their_parts(tmp_path, equipment):
    request = base_request()
    request["parts"].append(dict(request["parts"][0], id="P2", cosmetic_surface=True))
    report = check(tmp_path, equipment, [], request)
    [cosmetic] = [a for a in report["assumed"] if a["field"] == "cosmetic_surface"]
    assert cosmetic["parts"] == ["P1"]


def test_a_required_question_cannot_carry_an_assumption(tmp_path):
    text = (load_questionnaire().path and open(load_questionnaire().path,
                                                encoding="utf-8").read())
    text = text.replace(
        "      - id: purpose\n        type: choice\n",
        "      - id: purpose\n        type: choice\n"
        "        assume: {value: prototype, nl: prototype, en: prototype}\n")
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="required question cannot carry an assumption"):
        load_questionnaire(path)


def test_an_assumption_must_be_a_valid_answer(tmp_path):
    text = open(load_questionnaire().path, encoding="utf-8").read()
    text = text.replace('assume: {value: false, nl: "geen cleanroom"',
                        'assume: {value: maybe, nl: "geen cleanroom"')
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="assume: 'maybe' is not a valid answer"):
        load_questionnaire(path)


@pytest.mark.parametrize("fmt, expected", [
    ("text", "geen cleanroom - graag bevestigen (zo niet: NIET MAAKBAAR, MRL-TARGET, U-2)"),
    ("md", "Aangenomen: geen cleanroom - graag bevestigen"),
    ("html", "Aangenomen: geen cleanroom"),
])
def test_every_format_lists_the_assumptions(tmp_path, equipment, fmt, expected):
    rules = [rule("U-2", "request.cleanroom_required", scope="request", then="{blocker: true}")]
    report = Screener(equipment, make_pack(tmp_path, *rules)).check(base_request(), lang="nl")
    assert expected in render(report, fmt, "nl")


def test_json_lists_the_assumptions(tmp_path, equipment):
    report = check(tmp_path, equipment, [], base_request(), lang="nl")
    [room] = [a for a in report["assumed"] if a["field"] == "cleanroom_required"]
    assert room["text"] == "geen cleanroom"


# ---- MRL that must be earned ---------------------------------------------------------------

def mrl(tmp_path, equipment, request, *rules, **options):
    return Screener(equipment, mrl_pack(tmp_path, *rules)).check(
        request, **options).to_dict()["mrl"]


def test_a_thread_with_its_first_questions_open_is_not_assessed(tmp_path, equipment):
    m = mrl(tmp_path, equipment, base_request(drawing_with_tolerances=None))
    design = m["threads"]["design"]
    assert (design["level"], design["assessed"], design["unanswered"]) == (
        None, False, ["request.drawing_with_tolerances"])
    # design, and the six threads this pack gives no evidence table
    assert m["not_assessed"] == 1 + 6


def test_a_thread_earns_up_to_its_first_open_question(tmp_path, equipment):
    m = mrl(tmp_path, equipment, base_request(design_frozen=None))
    assert (m["threads"]["design"]["level"], m["threads"]["design"]["unanswered"]) == (
        7, ["request.design_frozen"])
    # all answered: the highest level the table lists, never more
    assert mrl(tmp_path, equipment, base_request())["threads"]["design"]["level"] == 8


def test_a_question_not_asked_for_this_request_is_not_needed(tmp_path, equipment):
    # cpk_required is asked only for a series of 100 or more (a Cpk needs about 100
    # measured pieces): a prototype, and a small series of 10, earn quality level 7
    # without it
    assert mrl(tmp_path, equipment, base_request())["threads"]["quality"]["level"] == 7
    series = base_request(purpose="small_series", quantity=200, wanted_date="2027-06-01")
    assert mrl(tmp_path, equipment, series)["threads"]["quality"]["level"] == 6
    few = base_request(purpose="small_series")
    assert mrl(tmp_path, equipment, few)["threads"]["quality"]["level"] == 7


def test_an_assumed_answer_counts_and_strict_screening_does_not(tmp_path, equipment):
    assert mrl(tmp_path, equipment, base_request())["threads"]["facilities"]["level"] == 4
    strict = mrl(tmp_path, equipment, base_request(), assume=False)
    assert strict["threads"]["facilities"]["level"] is None


def test_a_thread_without_evidence_table_and_without_caps_is_not_assessed(tmp_path, equipment):
    """It read MRL 10 ("full-rate production demonstrated") on every thread of a pack
    without evidence tables, for an enquiry that said nothing."""
    materials = mrl(tmp_path, equipment, base_request())["threads"]["materials"]
    assert (materials["level"], materials["assessed"]) == (None, False)


def test_overall_is_the_lowest_assessed_thread(tmp_path, equipment):
    m = mrl(tmp_path, equipment, base_request(drawing_with_tolerances=None, design_frozen=None),
            assume=False)
    levels = [t["level"] for t in m["threads"].values() if t["assessed"]]
    assert m["overall"] == min(levels) == 7   # quality; design and facilities not assessed
    assert m["not_assessed"] == 2 + 6  # and the six threads without an evidence table


def test_nothing_assessed_gives_no_overall_level(tmp_path, equipment):
    request = base_request(drawing_with_tolerances=None)
    request["parts"][0].pop("tolerance_mm")
    m = Screener(equipment, mrl_pack(tmp_path)).check(request, assume=False).to_dict()["mrl"]
    assessed = {t for t, v in m["threads"].items() if v["assessed"]}
    assert "design" not in assessed and "quality" not in assessed


# A level needs the answer that shows its criterion, not any answer: "no pilot run" read
# process capability 8 ("shown on a pilot run"), "design not frozen" design 8.
WHEN_SETTINGS = textwrap.indent(textwrap.dedent("""
      mrl:
        evidence:
          design:
            - {level: 4, needs: [request.drawing_with_tolerances]}
            - {level: 8, needs: [request.design_frozen], when: "request.design_frozen == true",
               criterion: {en: "B.2: detailed design complete and stable.", nl: "B.2: ontwerp af."}}
          process_capability:
            - {level: 4, needs: [part.tolerance_mm], when: "part.tolerance_mm >= 0.01"}
            - {level: 8, needs: [request.pilot_run_done], when: "request.pilot_run_done == true"}
"""), "  ")


def when_pack(tmp_path, settings=WHEN_SETTINGS):
    path = tmp_path / "pack.yaml"
    path.write_text(SETTINGS + settings + "rules: []\n", encoding="utf-8")
    return load_packs([path], include_default=False)


def test_a_level_needs_the_answer_that_meets_its_criterion(tmp_path, equipment):
    screener = Screener(equipment, when_pack(tmp_path))
    frozen = screener.check(base_request()).to_dict()["mrl"]["threads"]["design"]
    assert (frozen["level"], frozen["not_met"]) == (8, None)
    loose = screener.check(base_request(design_frozen=False)).to_dict()["mrl"]["threads"]
    assert (loose["design"]["level"], loose["design"]["unanswered"]) == (7, [])
    assert loose["design"]["not_met"] == {
        "level": 8, "criterion": "B.2: detailed design complete and stable."}
    nl = screener.check(base_request(design_frozen=False), lang="nl").to_dict()
    assert nl["mrl"]["threads"]["design"]["not_met"]["criterion"] == "B.2: ontwerp af."
    text = render(screener.check(base_request(design_frozen=False)), "md")
    assert "not met for 8 (B.2): detailed design complete and stable" in text


def test_a_criterion_on_a_question_not_asked_is_not_met(tmp_path, equipment):
    """No pilot run is asked of a prototype (ask_if: a series of 50 or more): it is not
    needed, and it does not earn 'shown on a pilot run' either."""
    screener = Screener(equipment, when_pack(tmp_path))
    proto = screener.check(base_request()).to_dict()["mrl"]["threads"]["process_capability"]
    assert (proto["level"], proto["unanswered"], proto["not_met"]["level"]) == (7, [], 8)
    series = dict(purpose="series", quantity=200, wanted_date="2027-06-01")
    open_ = screener.check(base_request(**series)).to_dict()["mrl"]["threads"][
        "process_capability"]
    assert (open_["level"], open_["unanswered"]) == (7, ["request.pilot_run_done"])
    done = screener.check(base_request(pilot_run_done=True, **series)).to_dict()
    assert done["mrl"]["threads"]["process_capability"]["level"] == 8
    no = screener.check(base_request(pilot_run_done=False, **series)).to_dict()
    assert no["mrl"]["threads"]["process_capability"]["level"] == 7


def test_a_first_level_not_met_is_assessed_below_it(tmp_path, equipment):
    """A part condition holds when it holds for every part."""
    screener = Screener(equipment, when_pack(tmp_path))
    request = base_request(part={"tolerance_mm": 0.002})
    thread = screener.check(request).to_dict()["mrl"]["threads"]["process_capability"]
    assert (thread["level"], thread["assessed"], thread["not_met"]["level"]) == (3, True, 4)


def test_an_evidence_condition_that_does_not_compile_is_a_file_line_error(tmp_path):
    broken = WHEN_SETTINGS.replace('"request.design_frozen == true"',
                                   '"request.design_frozen = = true"')
    with pytest.raises(InputError) as caught:
        when_pack(tmp_path, broken)
    assert re.search(r"pack\.yaml:\d+: settings\.mrl\.evidence\.design \(level 8\): when:",
                     str(caught.value))


def test_an_evidence_row_that_names_no_question_is_refused(tmp_path, equipment):
    """A typo in needs (or when) was never answered: the thread could never claim the
    level, and nothing said why."""
    typo = WHEN_SETTINGS.replace("needs: [request.pilot_run_done]",
                                 "needs: [request.pilot_run_don]")
    with pytest.raises(InputError) as caught:
        Screener(equipment, when_pack(tmp_path, typo))
    message = str(caught.value)
    assert "pack.yaml:" in message and "request.pilot_run_don" in message
    assert "did you mean 'pilot_run_done'" in message


def test_the_default_pack_earns_nothing_on_a_no(equipment):
    """The shipped tables: a small series answered 'no pilot run', 'key characteristics
    not marked', 'prototype not made with the series processes' earns neither process
    capability 8, nor design and quality 7, nor technology 7 (the quality engineer's
    r06/r14)."""
    screener = Screener(equipment, load_packs())
    request = base_request(purpose="small_series", quantity=60, wanted_date="2027-06-01",
                           pilot_run_done=False, key_characteristics_marked=False,
                           prototype_production_process=False, general_tolerance_class="m")
    threads = screener.check(request).to_dict()["mrl"]["threads"]
    assert threads["process_capability"]["earned"] == 6
    assert threads["design"]["earned"] == 6
    assert threads["quality"]["earned"] <= 6
    assert threads["technology_industrial_base"]["earned"] == 6
    yes = base_request(purpose="small_series", quantity=60, wanted_date="2027-06-01",
                       pilot_run_done=True, key_characteristics_marked=True,
                       prototype_production_process=True, general_tolerance_class="m")
    threads = screener.check(yes).to_dict()["mrl"]["threads"]
    assert threads["process_capability"]["earned"] == 8
    assert threads["design"]["earned"] >= 7
    assert threads["technology_industrial_base"]["earned"] >= 7


def test_a_small_series_under_50_can_reach_its_target_8(equipment):
    """A small series of 30 could never reach process capability 8: the pilot-run
    question was asked only from 50 products up, and the row for 8 needs it done, so
    it read "7 / 8, not met for 8: pilot run" with nothing asked (an answer given was
    not read). An order under 50 is its own pilot run; an earlier batch of the product
    on the production processes is what shows 8 for it (MRL Deskbook E.2/E.3): the
    question asks for either, of every small series."""
    screener = Screener(equipment, load_packs())
    small = dict(purpose="small_series", quantity=30, wanted_date="2027-06-01",
                 prototype_production_process=True)
    threads = screener.check(base_request(**small)).to_dict()["mrl"]["threads"]
    assert (threads["process_capability"]["level"],
            threads["process_capability"]["unanswered"]) == (7, ["request.pilot_run_done"])
    made = screener.check(base_request(pilot_run_done=True, **small)).to_dict()
    assert made["mrl"]["threads"]["process_capability"]["level"] == 8
    first = screener.check(base_request(pilot_run_done=False, **small)).to_dict()
    thread = first["mrl"]["threads"]["process_capability"]
    assert thread["level"] == 7 and "earlier batch" in thread["not_met"]["criterion"]
    assert "PRC-003" not in [f["rule"] for f in first["findings"]]  # its own pilot run
    text = render(screener.check(base_request(**small), lang="nl"), "text", "nl")
    assert "Is er al een nulserie of een eerdere serie van dit product gemaakt" in text
    # asked now, it does not turn the verdict: PRC-004 (a Cpk without a pilot run) reads
    # it, but also waits for the Cpk, which is not asked of 30 pieces
    report = screener.check(base_request(**small)).to_dict()
    [asked] = [q for q in report["open_questions"] if q["field"] == "pilot_run_done"]
    assert asked["decisive"] is False and report["verdict"] != "conditional", report[
        "verdict_reasons"]


def test_a_blocker_caps_its_thread(tmp_path, equipment):
    blocker = rule("B-1", "true", scope="request", then="{blocker: true}")
    m = mrl(tmp_path, equipment, base_request(), blocker)
    assert (m["threads"]["materials"]["level"], m["threads"]["materials"]["capped_by"]) == (
        3, ["B-1"])
    assert m["overall"] == 3


def test_a_blocker_with_its_own_cap_keeps_it(tmp_path, equipment):
    blocker = rule("B-2", "true", scope="request", then="{blocker: true, mrl_cap: 6}")
    assert mrl(tmp_path, equipment, base_request(), blocker)["threads"]["materials"][
        "level"] == 6


def test_a_cap_above_what_was_earned_caps_nothing(tmp_path, equipment):
    capped = rule("C-1", "true", scope="request", then="{mrl_cap: 9}")
    m = mrl(tmp_path, equipment, base_request(design_frozen=None), capped.replace(
        "thread: materials", "thread: design"))
    assert (m["threads"]["design"]["level"], m["threads"]["design"]["capped_by"]) == (7, [])


def test_only_a_cap_below_target_is_a_finding(tmp_path, equipment):
    # design earned only 7 of the series' target 8 (unanswered): no MRL-TARGET finding,
    # but a cap below target is one
    request = base_request(purpose="series", design_frozen=None)
    report = Screener(equipment, mrl_pack(tmp_path)).check(request).to_dict()
    assert not [f for f in report["findings"] if f["rule"] == "MRL-TARGET"]
    capped = rule("C-2", "true", scope="request", then="{mrl_cap: 5}")
    report = Screener(equipment, mrl_pack(tmp_path, capped)).check(request).to_dict()
    assert [f["thread"] for f in report["findings"] if f["rule"] == "MRL-TARGET"] == [
        "materials"]


def test_check_no_assumptions_on_the_command_line():
    """The ordinary enquiry: fit with the assumptions, conditional without them."""
    from conftest import EQUIPMENT, ROOT, run_cli

    example = ROOT / "examples/requests/bracket-ordinary-enquiry.yaml"
    code, out, _ = run_cli("check", example, "--equipment", EQUIPMENT, "--no-probe")
    assert code == 0 and "Verdict: FIT\n" in out
    assert "  - no clean room - please confirm" in out
    code, out, _ = run_cli("check", example, "--equipment", EQUIPMENT, "--no-probe",
                           "--no-assumptions")
    assert code == 0 and "Verdict: CONDITIONAL" in out and "Assumed:" not in out
    assert ("open question that can change the outcome: Must work or packing take place "
            "in a clean room?") in out


def test_every_purpose_s_target_can_be_earned_with_the_default_pack():
    """Purpose series set target MRL 9 while every evidence table but design stops at 8:
    every series request read "overall 8 / target 9" with nothing to answer or do. MRL 9
    is low-rate production demonstrated, which no answer at the quote can show: the
    target of a series is 8, and every target is a level each thread can earn."""
    from producibility.model.pack import DEFAULT_SETTINGS
    settings = load_packs().settings
    assert settings["target_mrl"]["series"] == 8
    assert DEFAULT_SETTINGS["target_mrl"]["series"] == 8
    highest = {thread: max(row["level"] for row in rows)
               for thread, rows in settings["mrl"]["evidence"].items()}
    for purpose, target in settings["target_mrl"].items():
        assert all(level >= target for level in highest.values()), (purpose, highest)



@pytest.mark.parametrize("old, new, says", [
    ("unless: \"request.application_sector in", "unless: \"request.aplication_sector in",
     "question 'traceability_required': assume.unless reads request.aplication_sector, which no "
     "question asks (did you mean 'request.application_sector'?)"),
    ("ask_if: \"request.purpose in ['small_series', 'series'] and request.quantity >= 100\"",
     "ask_if: \"request.purpose in ['small_series', 'series'] and request.quantty >= 100\"",
     "ask_if reads request.quantty, which no question asks (did you mean "
     "'request.quantity'?)")])
def test_a_condition_that_reads_no_question_is_refused(tmp_path, old, new, says):
    """A misspelt field in an assume.unless is never answered: the guard stays unknown
    and the implant is assumed 'not safety-critical' again, with no word."""
    text = open(load_questionnaire().path, encoding="utf-8").read()
    assert old in text
    path = tmp_path / "q.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(says)):
        load_questionnaire(path)


def test_a_level_resting_on_an_assumed_answer_says_so(tmp_path, equipment):
    """An assumed answer is a working hypothesis to confirm, not evidence: facilities 4
    earned on 'no clean room' (assumed) read as evidenced as any other level."""
    screener = Screener(equipment, mrl_pack(tmp_path))
    assumed = screener.check(base_request()).to_dict()
    assert assumed["mrl"]["threads"]["facilities"]["assumed"] == ["request.cleanroom_required"]
    assert assumed["mrl"]["threads"]["design"]["assumed"] == []
    md = render(screener.check(base_request()), "md")
    assert re.search(r"\| facilities \| \*\*4\*\* \(below target\) \|[^\n]*\| "
                     r"on assumptions: no clean room", md)
    given = screener.check(base_request(cleanroom_required=False)).to_dict()
    assert given["mrl"]["threads"]["facilities"]["assumed"] == []
    nl = render(screener.check(base_request(), lang="nl"), "md", "nl")
    assert "op aannames: geen cleanroom" in nl


def test_work_on_the_customers_own_operator_assumes_no_payment_per_accepted_part(equipment):
    """The makerspace customer prints on our printer himself; the offer assumed 'wij
    rekenen per goedgekeurd onderdeel af', a promise of good parts made by his operator
    (PPU-002's own warning).  The billing basis stays a question there."""
    screener = Screener(equipment, load_packs())
    own = screener.check(base_request(customer_operates_machine=True,
                                      customer_staff_trained=True)).to_dict()
    assert not any(a["field"] == "billing_basis" for a in own["assumed"])
    assert any(q["field"] == "billing_basis" for q in own["open_questions"])
    ours = screener.check(base_request()).to_dict()
    assert [a["value"] for a in ours["assumed"] if a["field"] == "billing_basis"] == [
        "finished_parts"]


def test_the_quantity_alone_earns_no_cost_model(equipment):
    """Cost & funding read 6 from the quantity alone ('a cost model for the prototype'),
    even where our estimate could price neither the material nor the machine time (a
    quality engineer's review); the cost drivers must be known for 6."""
    screener = Screener(equipment, load_packs())
    open_material = screener.check(base_request(part={"material": None})).to_dict()
    cost = open_material["mrl"]["threads"]["cost_funding"]
    assert cost["level"] == 5 and "part.material" in cost["unanswered"]
    known = screener.check(base_request()).to_dict()["mrl"]["threads"]["cost_funding"]
    assert known["level"] >= 6
