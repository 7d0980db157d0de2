"""Relevance in one place: whether a question is asked (``ask_if``), and an ``ask_if`` read
as simple tests from its compiled syntax tree (for the form), never from its text."""


import json

import pytest

from conftest import run_cli

from producibility.conditions.expressions import compile_condition
from producibility.intake.form import condition_text, form_model, show_if
from producibility.model.questionnaire import load_questionnaire
from producibility.conditions.analysis import AnswerTest
from producibility.model.relevance import asked, simple_tests
from producibility.report import conclude


@pytest.fixture(scope="module")
def faas():
    return load_questionnaire()


def _with_ask_if(question, source):
    return question.replace(ask_if=compile_condition(source, ("request", "part")))


def test_asked_true_false_unknown_and_broken(faas):
    annual = faas.question("request", "annual_volume")  # ask_if: repeat orders expected
    assert asked(annual, {"repeat_orders_expected": True})
    assert not asked(annual, {"repeat_orders_expected": False})
    assert asked(annual, {})  # unanswered: ask
    assert asked(faas.question("request", "quantity"), {})  # no ask_if
    broken = _with_ask_if(annual, "request.quantity > 5")
    assert asked(broken, {"quantity": "many"})  # fails on odd data: ask


def test_the_report_and_the_intake_use_the_same_relevance(faas):
    diameter = faas.question("part", "diameter_mm")  # ask_if: turning
    for part in ({"processes": ["turning"]}, {"processes": ["milling_3axis"]}, {}, None):
        assert conclude._asked(diameter, {}, part) is asked(diameter, {}, part)


@pytest.mark.parametrize("source,expected", [
    ("request.a", ("or", [AnswerTest("true", "request", "a")])),
    ("not part.b", ("or", [AnswerTest("false", "part", "b")])),
    ("'x' in part.p or 'y' in part.p",
     ("or", [AnswerTest("has", "part", "p", ("x",)), AnswerTest("has", "part", "p", ("y",))])),
    ("'x' not in part.p and 'y' not in part.p and 'z' not in part.p",
     ("and", [AnswerTest("lacks", "part", "p", (v,)) for v in "xyz"])),
    ("request.a in ['s', 't']", ("or", [AnswerTest("in", "request", "a", ("s", "t"))])),
    ("request.a != 'p'", ("or", [AnswerTest("out", "request", "a", ("p",))])),
    ("request.a not in ('s', 't')", ("or", [AnswerTest("out", "request", "a", ("s", "t"))])),
    # brackets around one join are read, not refused as text would be
    ("(request.a and request.b)",
     ("and", [AnswerTest("true", "request", "a"), AnswerTest("true", "request", "b")])),
    # a number answer against one number (delivery_interval_weeks: batches != 1)
    ("request.q == 5", ("or", [AnswerTest("in", "request", "q", (5,))])),
    ("request.batches != 1", ("or", [AnswerTest("out", "request", "batches", (1,))])),
    # REVIEW23 (buyer 15): numbers compared, answered or not, answered "none"
    ("part.t < 0.05", ("or", [AnswerTest("lt", "part", "t", (0.05,))])),
    ("100 <= request.q", ("or", [AnswerTest("gteq", "request", "q", (100,))])),
    ("part.x is defined", ("or", [AnswerTest("defined", "part", "x")])),
    ("part.x is not defined", ("or", [AnswerTest("undefined", "part", "x")])),
    ("part.x is not none", ("or", [AnswerTest("some", "part", "x")])),
    ("request.a in ['s', 't'] and request.q >= 100",
     ("and", [AnswerTest("in", "request", "a", ("s", "t")),
              AnswerTest("gteq", "request", "q", (100,))])),
    # one level of the other join: a group of its own
    ("(request.a or request.b) and request.c",
     ("and", [("or", [AnswerTest("true", "request", "a"), AnswerTest("true", "request", "b")]),
              AnswerTest("true", "request", "c")])),
])
def test_simple_tests_from_the_compiled_tree(source, expected):
    assert simple_tests(compile_condition(source, ("request", "part"))) == expected


@pytest.mark.parametrize("source", [
    "request.q == true", "request.a|length > 1", "part.t < part.u", "part.t * 2 < 1",
    "((request.a and request.b) or request.c) and request.d",
])
def test_more_than_simple_tests_is_none(source):
    assert simple_tests(compile_condition(source, ("request", "part"))) is None


def test_a_condition_in_words_and_as_data(faas):
    numbers = {q.key: f"n{i}" for i, q in enumerate(faas.questions)}
    processes = numbers[("part", "processes")]
    diameter = faas.question("part", "diameter_mm")
    assert condition_text(diameter, numbers, faas, "en") == f"'turning' is chosen at {processes}"
    assert condition_text(diameter, numbers, faas, "nl") == \
        f"bij {processes} 'draaien' is gekozen"
    assert show_if(diameter) == {"join": "or", "atoms": [
        {"op": "has", "scope": "part", "field": "processes", "values": ["turning"]}]}
    # quotes or spacing the old regular expressions did not expect read the same now
    odd = _with_ask_if(diameter, '"turning"  in   part.processes')
    assert condition_text(odd, numbers, faas, "en") == f"'turning' is chosen at {processes}"
    assert show_if(odd) == show_if(diameter)
    # is defined (answered, and not "none"): in words, and evaluated on screen
    fit = faas.question("part", "fit_size_mm")  # ask_if: part.iso_fit is defined
    fit_num = numbers[("part", "iso_fit")]
    assert condition_text(fit, numbers, faas, "en") == \
        f"{fit_num} is answered, and not with 'none'"
    assert show_if(fit) == {"join": "or", "atoms": [
        {"op": "defined", "scope": "part", "field": "iso_fit", "values": []}]}
    # more than simple tests: the expression itself, and always shown on screen
    odd = _with_ask_if(diameter, "part.length_mm < part.diameter_mm")
    assert condition_text(odd, numbers, faas, "en") == "part.length_mm < part.diameter_mm"
    assert show_if(odd) is None


def test_every_shipped_ask_if_reads_as_the_form_printed_it(faas):
    model = form_model(faas, "en")
    conditions = {q["id"]: q["condition"] for s in model["sections"] for q in s["questions"]}
    # (the parts' questions from 9.3 on two further since the drawing number and revision)
    assert conditions["annual_volume"] == "1.13 = yes"
    # asked of an order in several deliveries (batches at least 1)
    assert conditions["delivery_interval_weeks"] == "1.8 is not 1"
    assert conditions["funding_secured"] == "1.4 is not prototype"
    # every aluminium of the catalogue (family: aluminium), in its order: 5083 (marine
    # plate, H111 or H321) and 6061 too, and a shop's own 7020 (see below)
    assert conditions["temper"] == ("9.7 = aluminium EN AW-6082 or aluminium EN AW-5754 or "
                                    "aluminium EN AW-7075 or aluminium EN AW-6061 or "
                                    "aluminium EN AW-5083 or free-cutting aluminium EN AW-2007 or "
                                    "free-cutting aluminium EN AW-2011")
    assert conditions["min_wall_mm"] == ("none of 'laser cutting', 'press-brake bending' or "
                                         "'welding' is chosen at 9.6")
    assert conditions["execution_class"].endswith(
        "or 'EN 1090 execution class EXC3' is chosen at 6.1")
    # REVIEW23 (buyer 15): it printed "part.tolerance_mm < 0.05" and
    # "part.min_thread_mm is defined" to the customer
    assert conditions["tightest_feature"] == "9.16 is less than 0.05"
    assert conditions["max_thread_depth_mm"] == "9.27 is answered, and not with 'none'"
    assert conditions["cpk_required"] == "1.4 = small series or series production and " \
        "1.6 is at least 100"
    assert conditions["max_hole_depth_mm"] == (
        "'3-axis milling', '5-axis milling' or 'turning' is chosen at 9.6 and 9.25 is "
        "not 'none'")
    assert not [c for c in conditions.values() if "part." in c or "request." in c]
    dutch = {q["id"]: q["condition"] for s in form_model(faas, "nl")["sections"]
             for q in s["questions"]}
    assert dutch["tightest_feature"] == "9.16 kleiner is dan 0,05"


def test_a_follow_up_waits_for_the_answers_it_follows_from(faas):
    from producibility.model.relevance import follows_from
    execution = faas.question("request", "execution_class")
    assert follows_from(execution, {"application_sector": "general"}) == (
        ("request", "certificates_required"),)
    assert follows_from(execution, {}) == (("request", "application_sector"),
                                           ("request", "certificates_required"))
    assert follows_from(execution, {"application_sector": "construction_product"}) == ()
    assert follows_from(execution, {"application_sector": "general",
                                    "certificates_required": []}) == ()
    assert follows_from(faas.question("request", "quantity"), {}) == ()  # no ask_if


def test_a_milled_cam_with_open_certificates_is_not_asked_its_execution_class(screener):
    """A shop's offer for a milled C45 cam asked 'Which execution class (EN 1090) does
    the structural engineer specify?' (ENX-001 reads it; its ask_if waited for the
    certificates): the certificates are asked, with ENX-001 among their rules, and the
    verdict is conditional for them alone. A construction product is asked its class."""
    from conftest import base_request
    request = base_request(certificates_required=None, application_sector="general")
    report = screener.check(request, probe=False).to_dict()
    fields = {q["field"]: q for q in report["open_questions"]}
    assert "execution_class" not in fields
    assert "ENX-001" in fields["certificates_required"]["rules"]
    construction = base_request(certificates_required=None, application_sector=
                                "construction_product", execution_class=None)
    report = screener.check(construction, probe=False, assume=False).to_dict()
    assert "execution_class" in {q["field"] for q in report["open_questions"]}


OWN_ALUMINIUMS = """\
materials:
  - id: aluminium_7020
    name: {en: aluminium EN AW-7020, nl: aluminium EN AW-7020}
    aliases: [EN AW-7020, "7020"]
    family: aluminium
    heat_treatable: true
    density_kg_m3: 2780
    price: {eur_kg: 9.0, source: "Our supplier's list, 2025", date: 2025-10}
    speed_factor: 3.0
    lead_time_days: 5
  - id: aluminium_5052
    name: {en: aluminium EN AW-5052, nl: aluminium EN AW-5052}
    aliases: [EN AW-5052, "5052"]
    family: aluminium
    heat_treatable: false
    density_kg_m3: 2680
    price: {eur_kg: 6.0, source: "Our supplier's list, 2025", date: 2025-10}
    speed_factor: 2.5
    lead_time_days: 5
"""

TEMPER_QUESTION = "Which temper is the aluminium in?"


def _own_shop(tmp_path):
    """A project whose pack adds its own 7020 and 5052 to the catalogue."""
    (tmp_path / "own.yaml").write_text(OWN_ALUMINIUMS, encoding="utf-8")
    (tmp_path / "producibility.yaml").write_text("rules: [own.yaml]\nlang: en\n",
                                                 encoding="utf-8")
    return tmp_path


def _walk(tmp_path, monkeypatch, material, lang="en"):
    """`producibility ask` resumed from a request whose one part is of ``material``, every
    other question left open: its output."""
    from click.testing import CliRunner
    from producibility.cli.intake import ask

    monkeypatch.chdir(_own_shop(tmp_path))
    (tmp_path / "request.yaml").write_text(
        "id: R-1\ndate: 2026-11-23\npurpose: prototype\nquantity: 2\nparts:\n"
        f"  - id: P1\n    processes: [milling_3axis]\n    material: {material}\n"
        "    size_mm: [100, 50, 20]\n    tolerance_mm: 0.1\n", encoding="utf-8")
    result = CliRunner().invoke(ask, ["--from", "request.yaml", "--lang", lang],
                                input="-\n" * 300)
    assert result.exit_code == 0, result.output
    return result.output


def test_ask_asks_the_temper_of_a_shops_own_aluminium(tmp_path, monkeypatch):
    """The temper was asked only of five shipped alloys: a shop's own EN AW-7020 got
    MAT-012 ('aluminium temper not given') but `ask` never asked it. Now every aluminium
    of the merged catalogue, by its family; a steel part still is not asked."""
    output = _walk(tmp_path, monkeypatch, "aluminium_7020")
    temper = output.split(TEMPER_QUESTION)[1].split("Choose a number")[0]
    assert "4. T4" in temper and "6. T651" in temper
    assert TEMPER_QUESTION not in _walk(tmp_path, monkeypatch, "steel_s235")


def test_ask_offers_no_T_temper_for_an_alloy_that_is_not_heat_treatable(tmp_path,
                                                                          monkeypatch):
    """`validate` refuses a T temper of a non-heat-treatable alloy: `ask` does not offer
    one for the shop's own 5052 (nor 5754), only O/H111 and the H tempers."""
    for material in ("aluminium_5052", "aluminium_5754"):
        output = _walk(tmp_path, monkeypatch, material, lang="nl")
        temper = output.split("In welke toestand (temper) is het aluminium?")[1] \
            .split("Kies een nummer")[0]
        assert [line.split(" (")[0].strip() for line in temper.strip().splitlines()] == \
            ["1. O/H111", "2. H22/H32/H321", "3. H24/H34"], temper


def test_the_form_shows_the_temper_for_a_shops_own_aluminium(tmp_path, monkeypatch):
    """The form's condition named five alloys; it holds for every aluminium of the
    merged catalogue now, on paper and as the data the on-screen form evaluates."""
    monkeypatch.chdir(_own_shop(tmp_path))
    code, out, err = run_cli("questionnaire", "export", "--format", "md", "--lang", "en")
    assert (code, err) == (0, "")
    condition = out.split(f"{TEMPER_QUESTION}**")[1].splitlines()[1]
    assert "aluminium EN AW-7020" in condition and "aluminium EN AW-5052" in condition
    assert "aluminium EN AW-5754" in condition and "steel" not in condition
    code, page, err = run_cli("questionnaire", "export", "--format", "html", "--lang", "en")
    assert code == 0
    import html
    import re
    show = re.search(r'data-id="temper"[^>]* data-show="([^"]*)"', page)
    assert show, "the temper is shown on screen where the material is an aluminium"
    atoms = json.loads(html.unescape(show.group(1)))["atoms"]
    assert [(a["op"], a["field"]) for a in atoms] == [("in", "material")]
    assert {"aluminium_7020", "aluminium_5052", "aluminium_6082"} <= set(atoms[0]["values"])
    assert "steel_s235" not in atoms[0]["values"]


def _screener_with_a_temper_rule(tmp_path, when):
    """A shop with its own 7020 and 5052 and a rule of its own on the temper."""
    from conftest import EQUIPMENT
    from producibility import Screener, load_packs
    from producibility.model.defaults import default_pack_dir

    pack = tmp_path / "own.yaml"
    pack.write_text(OWN_ALUMINIUMS + f"""
rules:
  - id: OWN-001
    thread: materials
    title: {{en: A temper we treat apart, nl: Een toestand die wij apart behandelen}}
    scope: part
    when: "{when}"
    then:
      question: true
    message: {{en: "{{{{ part.id }}}}: our own procedure for this temper.", nl: "{{{{ part.id }}}}: onze eigen werkwijze voor deze toestand."}}
    source: {{en: "Judgement: test rule", nl: "Inschatting: testregel"}}
""", encoding="utf-8")
    shop = EQUIPMENT.read_text(encoding="utf-8").replace(
        "aluminium_7075, steel_s235", "aluminium_7075, aluminium_7020, aluminium_5052, steel_s235")
    (tmp_path / "equipment.yaml").write_text(shop, encoding="utf-8")
    return Screener(str(tmp_path / "equipment.yaml"), load_packs([default_pack_dir(), pack]))


def _without_temper(material):
    from conftest import base_request
    request = base_request()
    request["parts"][0].update(material=material)
    request["parts"][0].pop("temper", None)
    return request


def test_a_rule_on_the_temper_of_a_shops_own_aluminium_asks_it(tmp_path):
    """An open temper was left out of the report's open questions (and the offer's)
    where the part was a shop's own aluminium: the questionnaire 'would not ask it'."""
    screener = _screener_with_a_temper_rule(
        tmp_path, "part.material == 'aluminium_7020' and part.temper in ['t6', 't651']")
    report = screener.check(_without_temper("aluminium_7020"), probe=False).to_dict()
    open_fields = {(q["field"], q["part"]): q for q in report["open_questions"]}
    assert ("temper", "P1") in open_fields, sorted(open_fields)
    assert "OWN-001" in open_fields["temper", "P1"]["rules"]


def test_the_what_ifs_of_a_temper_try_no_T_temper_of_a_5052(tmp_path):
    """The what-ifs of an open temper tried T6 for a part of 5052, an answer validate
    refuses (it is not heat-treatable): they try the tempers it comes in."""
    screener = _screener_with_a_temper_rule(
        tmp_path, "part.material_family == 'aluminium' and part.temper in "
                  "['h24_h34', 't4', 't6', 't651']")
    tried = {}
    for material in ("aluminium_5052", "aluminium_7020"):
        request = _without_temper(material)
        request.update(certificates_required=[], billing_basis="machine_hours")
        report = screener.check(request).to_dict()
        entry = next(q for q in report["open_questions"] if q["field"] == "temper")
        tried[material] = [w["answer"] for w in entry["what_if"]]
    assert tried == {"aluminium_5052": ["o_h111", "h22_h32", "h24_h34"],
                     "aluminium_7020": ["o_h111", "h22_h32", "h24_h34", "t4", "t6", "t651"]}


@pytest.mark.parametrize("lang, offered", [
    ("en", "O/H111 (soft; any alloy) · H22/H32/H321 (quarter hard; non-heat-treatable alloys "
           "such as 5754 and 5083; H321: marine plate) · H24/H34 (half hard; non-heat-treatable "
           "alloys such as 5754 and 5083)"),
    ("nl", "O/H111 (zacht; elke legering) · H22/H32/H321 (kwarthard; niet-veredelbare "
           "legeringen zoals 5754 en 5083; H321: scheepsbouwplaat) · H24/H34 (halfhard; "
           "niet-veredelbare legeringen zoals 5754 en 5083)")])
def test_the_offer_asks_the_temper_of_a_5052_without_T_tempers(tmp_path, lang, offered):
    """The offer asked the temper of a 5052 part with all six choices, T6 among them,
    which validate refuses for it; its data gave a portal the same six ids."""
    from producibility.report.render import render

    screener = _screener_with_a_temper_rule(
        tmp_path, "part.material_family == 'aluminium' and part.temper in "
                  "['h24_h34', 't4', 't6', 't651']")
    request = _without_temper("aluminium_5052")
    request.update(certificates_required=[], billing_basis="machine_hours")
    report = screener.check(request, probe=False, lang=lang)
    text = render(report, "text", lang, audience="customer")
    assert f" P1) ({offered})\n" in text, text
    data = json.loads(render(report, "json", lang, audience="customer"))
    temper = next(q for q in data["questions"] if q["field"] == "temper")
    assert temper["choice_ids"] == ["o_h111", "h22_h32", "h24_h34"]
