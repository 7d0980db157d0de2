"""A what-if is a screen in brief (no texts, no ranking); its verdict must be the one a
full check of the changed request gives. The brief path leaves out what only the report
reads, so anything that decides the verdict (the price against the target, COST-TARGET;
the lead time, LEAD-TIME) has to be worked out in both."""

import yaml

from conftest import EXAMPLES
from producibility.report.probing import with_answer

REQUESTS = sorted((EXAMPLES / "requests").glob("*.yaml"))


def _changed(given, questionnaire, scope, field, parts, value):
    question = questionnaire.question(scope, field)
    changed = given
    for part in parts or [None]:
        changed = with_answer(changed, question, part, value)
    return changed


def test_every_what_if_verdict_is_the_full_checks(screener):
    """Every example, the first two what-ifs of each open question and assumption: the
    probe's verdict, and a full check of the request with that answer given."""
    questionnaire = screener.questionnaire
    tried = 0
    cases = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in REQUESTS]
    # the brackets with a target even the low estimate is above: COST-TARGET alone makes
    # them conditional, in the report and in every probe
    cases.append(dict(cases[[p.stem for p in REQUESTS].index("bracket-series")],
                      target_unit_price_eur=20))
    for given in cases:
        report = screener.check(given).to_dict()
        for entry in report["open_questions"] + report["assumed"]:
            parts = entry.get("parts") or ([entry["part"]] if entry.get("part") else [])
            for probe in entry["what_if"][:2]:
                changed = _changed(given, questionnaire, entry["scope"], entry["field"],
                                   parts, probe["answer"])
                full = screener.check(changed, probe=False)
                assert full.verdict == probe["verdict"], (given["id"], entry["field"], probe)
                tried += 1
    assert tried >= 40, tried


def test_a_price_above_the_target_turns_a_what_if_as_it_turns_the_report(screener):
    """COST-TARGET decides the verdict, so a probe prices as the report does: the brackets
    at EUR 24.67 - 30.09 a product against a target of EUR 28 (a moderate risk) become
    conditional at a target of EUR 20 (even the low estimate above it)."""
    given = yaml.safe_load((EXAMPLES / "requests" / "bracket-series.yaml").read_text(
        encoding="utf-8"))
    report = screener.check(given).to_dict()
    [over] = [f for f in report["findings"] if f["rule"] == "COST-TARGET"]
    assert over["kind"] == "risk" and over["risk"]["level"] == "moderate"
    low = screener.check(dict(given, target_unit_price_eur=20)).to_dict()
    [over] = [f for f in low["findings"] if f["rule"] == "COST-TARGET"]
    assert over["kind"] == "question" and low["verdict"] == "conditional"
    assert "Even the low estimate is € 4.67 (23%) above it." in \
        over["message"].replace("\u00a0", " ")
    assert over["message"].endswith("It leaves out anodising of BR-100 (not priced): the "
                                    "whole price is higher still.")
    fine = screener.check(dict(given, target_unit_price_eur=40)).to_dict()
    assert not any(f["rule"] == "COST-TARGET" for f in fine["findings"])


def test_an_open_question_not_probed_says_not_known_not_false(screener):
    """batch screens without probing by default: its JSON Lines said
    can_change_verdict false for the material and tolerance that turn the request NO
    FIT, and nothing said probing was off. Unprobed it is null, and inputs.probe says
    whether the open questions were probed."""
    from conftest import base_request
    request = base_request(part={"material": None, "tolerance_mm": None})
    quiet = screener.check(request, probe=False).to_dict()
    assert quiet["inputs"]["probe"] is False and quiet["open_questions"]
    assert {q["can_change_verdict"] for q in quiet["open_questions"]} == {None}
    probed = screener.check(request).to_dict()
    assert probed["inputs"]["probe"] is True
    by_field = {q["field"]: q["can_change_verdict"] for q in probed["open_questions"]}
    assert by_field["material"] is True


def test_what_ifs_are_answers_a_customer_could_give(screener):
    """The first what-ifs a customer was asked were a PA12 housing of 10,000 kg, 10,000
    pieces of a part in one product and Ra 0.01: the questionnaire's range ends. Numbers
    are now probed either side of what the rules and machines compare them with, and a
    weight no heavier than the part's envelope solid in its material."""
    from conftest import base_request
    from producibility.report.probing import probe_values
    from producibility.screen import _applicable_choice
    weight = screener.questionnaire.question("part", "weight_kg")
    roughness = screener.questionnaire.question("part", "roughness_ra_um")
    limits = screener.thresholds
    assert weight.max not in probe_values(weight, limits, "2026-11-23")
    assert 23.23 in probe_values(weight, limits, "2026-11-23")  # FAC-004's 23 kg
    assert roughness.min not in probe_values(roughness, limits, "2026-11-23")
    applicable = _applicable_choice(screener.pack.catalogue)
    bracket = base_request()["parts"][0]  # 120 x 60 x 20 mm of 6082: 0.39 kg solid
    block = dict(bracket, size_mm=[600, 400, 300], material="steel_s355")  # 565 kg solid
    assert not applicable([bracket], "weight_kg", 23.23)
    assert applicable([block], "weight_kg", 23.23)
    assert applicable([dict(bracket, material=None)], "weight_kg", 23.23)  # not known


def test_a_thread_is_probed_at_standard_metric_sizes(tmp_path):
    """The ordinary bracket enquiry was asked "if 1.98: FIT WITH EFFORT (DFM-019)", an
    M1.98 that no tap cuts; a thread is now probed at the nearest ISO 261 size on each
    side of DFM-019's M2 and DFM-020's M3, a roughness at the nearest ISO 1302 grade and a
    sheet at a thickness it is stocked in, in the report as in its what-ifs."""
    import json

    from conftest import run_cli
    from producibility.report.probing import probe_values

    request = EXAMPLES / "requests" / "bracket-ordinary-enquiry.yaml"
    code, out, err = run_cli("check", request, "--equipment", EXAMPLES / "equipment.yaml")
    assert code == 0, err
    assert "     if 1.6: FIT WITH EFFORT (DFM-019)\n" in out, out
    assert "1.98" not in out
    code, out, err = run_cli("check", request, "--equipment", EXAMPLES / "equipment.yaml",
                             "--format", "json")
    thread = next(q for q in json.loads(out)["open_questions"]
                  if q["field"] == "min_thread_mm")
    assert [p["answer"] for p in thread["what_if"]] == [1.6]

    from producibility import Screener
    screener = Screener(EXAMPLES / "equipment.yaml")
    questions, limits = screener.questionnaire, screener.thresholds
    iso_261 = {1, 1.2, 1.6, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 30, 36, 42, 48, 56,
               64}
    tried = probe_values(questions.question("part", "min_thread_mm"), limits, "2026-11-23")
    assert tried == [1.6, 2.5, 4], tried  # either side of M2 and of M3
    assert set(tried) <= iso_261
    assert probe_values(questions.question("part", "roughness_ra_um"), limits,
                        "2026-11-23") == [0.2, 0.8, 3.2]  # either side of Ra 0.4 and 1.6
    assert probe_values(questions.question("part", "thickness_mm"), limits,
                        "2026-11-23")[:3] == [2.5, 4, 5]  # either side of 3 and 6 mm


def test_a_series_is_for_a_number_question(tmp_path):
    """A questionnaire's series: on a choice question is refused at its line."""
    import pytest

    from producibility import InputError, load_questionnaire
    from producibility.model.defaults import default_questionnaire_path

    text = default_questionnaire_path().read_text(encoding="utf-8")
    line = text.splitlines().index("      - id: temper") + 1
    bad = tmp_path / "faas.yaml"
    bad.write_text(text.replace("      - id: temper\n        type: choice\n",
                                "      - id: temper\n        type: choice\n"
                                "        series: {values: [1, 2], source: none}\n"),
                   encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_questionnaire(bad)
    assert caught.value.worded("en") == (f"{bad}:{line}: question 'temper': series: lists "
                                         "the standard sizes of a number answer, not of a "
                                         "choice"), caught.value.worded("en")
    assert "series: noemt de standaardmaten" in caught.value.worded("nl")


def test_a_probe_prices_what_open_answers_add_where_it_decides_cost_target(screener):
    """The report's high estimate holds what the rules of open answers would add (here
    EUR 127.50 for 200 brackets: EUR 29.60 a bracket against 28.96 without it).  A probe
    prices it only where it can move COST-TARGET: at a target of EUR 29.50 it does (the
    report's COST-TARGET is a risk only because of it), so the brief screen must find
    the same COST-TARGET; at EUR 40 it cannot, and the probe skips the pricing."""
    from producibility.model.iso286 import apply_fits
    from producibility.model.request import read_request
    from producibility.report.conclude import conclude
    from producibility.screen import apply_assumptions

    given = yaml.safe_load((EXAMPLES / "requests" / "bracket-series.yaml").read_text(
        encoding="utf-8"))
    for target, expected in ((29.5, [("COST-TARGET", "BR-100")]), (40, [])):
        asked = dict(given, target_unit_price_eur=target)
        report = screener.check(asked, probe=False).to_dict()
        totals = report["quote"]["totals"]
        per_piece = totals["amount_high_eur"] / 200
        without = (totals["amount_high_eur"] - totals["open_answers_eur"]) / 200
        if target == 29.5:
            assert without <= target < per_piece  # the allowance decides it
        full = [(f["rule"], f["part"]) for f in report["findings"]
                if f["rule"] == "COST-TARGET"]
        request, _ = apply_assumptions(read_request(asked, screener.questionnaire),
                                       screener.questionnaire)
        request, _ = apply_fits(request)
        brief = conclude(screener.inference.run(request, request["date"]), screener.pack,
                         screener.equipment, screener.questionnaire, "en", brief=True)
        probed = [(f["rule"], f["part"]) for f in brief["findings"]
                  if f["rule"] == "COST-TARGET"]
        assert [r for r, _ in full] == [r for r, _ in probed] == [r for r, _ in expected]
        assert brief["verdict"] == report["verdict"]
