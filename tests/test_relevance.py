"""Relevance in one place: whether a question is asked (``ask_if``), and an ``ask_if`` read
as simple tests from its compiled syntax tree (for the form), never from its text."""


import pytest

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
])
def test_simple_tests_from_the_compiled_tree(source, expected):
    assert simple_tests(compile_condition(source, ("request", "part"))) == expected


@pytest.mark.parametrize("source", [
    "request.a and request.b or request.c", "(request.a or request.b) and request.c",
    "part.x is defined", "part.t < 0.05", "request.q == 5", "request.a|length > 1",
    "'x' in part.p and 'y' in request.p or not request.z",
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
    # more than simple tests: the expression itself, and always shown on screen
    fit = faas.question("part", "fit_size_mm")  # ask_if: part.iso_fit is defined
    assert condition_text(fit, numbers, faas, "en") == "part.iso_fit is defined"
    assert show_if(fit) is None


def test_every_shipped_ask_if_reads_as_the_form_printed_it(faas):
    model = form_model(faas, "en")
    conditions = {q["id"]: q["condition"] for s in model["sections"] for q in s["questions"]}
    assert conditions["annual_volume"] == "1.12 = yes"
    assert conditions["funding_secured"] == "1.4 is not prototype"
    # 5083 (marine plate, H111 or H321) and 6061 are asked their temper too
    assert conditions["temper"] == ("9.5 = aluminium EN AW-6082 or aluminium EN AW-5754 or "
                                    "aluminium EN AW-7075 or aluminium EN AW-5083 or "
                                    "aluminium EN AW-6061")
    assert conditions["min_wall_mm"] == ("none of 'laser cutting', 'press-brake bending' or "
                                         "'welding' is chosen at 9.4")
    assert conditions["execution_class"].endswith(
        "or 'EN 1090 execution class EXC3' is chosen at 6.1")
    assert conditions["tightest_feature"] == "part.tolerance_mm < 0.05"


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
