"""When the questionnaire asks a question: its ``ask_if``, evaluated and read from the
compiled condition.

The one owner of relevance.  ``ask`` walks only the questions :func:`asked` says apply,
``validate`` counts only those as open, the report leaves out the open questions the
questionnaire would not ask, and the form shows an ``ask_if`` in words and as data the
on-screen form evaluates (:func:`simple_tests`: the compiled syntax tree read by
``conditions.analysis``, never the condition's text).
"""

from __future__ import annotations

from producibility.conditions.analysis import AnswerTest, answer_tests
from producibility.conditions.expressions import UNKNOWN, ExpressionError, evaluate
from producibility.model.catalogue import MATERIAL_FIELDS


def _answers(question, condition, request, part):
    """The context a condition of ``question`` reads: the answers so far, and for one
    that reads what the catalogue says of the part's material (``part.material_family
    == 'aluminium'``: the temper of every aluminium, a shop's own 7020 too) those
    facts from the question's catalogue (``Question.shop``), as the engine derives them
    for rules; unknown while the material is open or not in the catalogue."""
    part = part or {}
    shop = getattr(question, "shop", None)
    if shop is not None and part.get("material") is not None and any(
            scope == "part" and field in MATERIAL_FIELDS and part.get(field) is None
            for scope, field in condition.fields):
        part = dict(part)
        for field, value in shop.material_facts(part["material"]).items():
            if part.get(field) is None:
                part[field] = value
    return {"request": request, "part": part}


def _ask_if(question, request, part):
    """A question's ``ask_if`` on the answers so far: True, False, UNKNOWN (it reads an
    open answer), or None (no ``ask_if``, or one that fails on odd data)."""
    if question.ask_if is None:
        return None
    try:
        return evaluate(question.ask_if, _answers(question, question.ask_if, request, part))
    except ExpressionError:
        return None


def asked(question, request: dict, part: dict | None = None) -> bool:
    """Whether the questionnaire asks ``question`` given the answers so far.

    A question without ``ask_if`` is always asked; an ``ask_if`` that is true or unknown
    (it reads a field not answered yet) asks it; so does one that fails on odd data,
    since asking too much is safer than skipping a question that matters.
    """
    return _ask_if(question, request, part) is not False


def applies(question, request: dict, part: dict | None = None) -> bool:
    """Whether ``question`` certainly applies, given the answers so far: no ``ask_if``,
    or one that is true.  What an assumption fills: a question :func:`asked` only
    because its ``ask_if`` reads an open answer may not apply at all (EN 1090's
    execution class for a milled bracket whose certificates are not stated yet), and
    an assumed answer there would be a fact nobody gave; nor is one whose ``ask_if``
    fails on odd data."""
    if question.ask_if is None:
        return True
    return _ask_if(question, request, part) is True


def contradicted(question, request: dict, part: dict | None = None) -> bool:
    """Whether the answers given contradict ``question``'s assumed answer: its
    ``assume.unless`` is true (an implant is not assumed "not safety-critical"; an
    unknown ``unless``, reading an open answer, leaves the assumption as it was)."""
    unless = (question.assume or {}).get("unless")
    if unless is None:
        return False
    try:
        return evaluate(unless, _answers(question, unless, request, part)) is True
    except ExpressionError:
        return False


def follows_from(question, request: dict, part: dict | None = None) -> tuple:
    """The open answers a follow-up question waits for: where its ``ask_if`` reads
    answers not given yet (and so is unknown), the (scope, field) of each of them, in
    the order the condition reads them; () when its ``ask_if`` is decided or absent.
    Whether the execution class (EN 1090) is a question at all waits for the sector
    and the certificates: those are asked first, not the execution class of a milled
    cam."""
    if question.ask_if is None or _ask_if(question, request, part) is not UNKNOWN:
        return ()
    answers = _answers(question, question.ask_if, request, part)
    out = []
    for scope, field in question.ask_if.fields:
        if answers.get(scope, {}).get(field) is None:
            # what the catalogue says of the material waits for the material
            key = ("part", "material") if scope == "part" and field in MATERIAL_FIELDS \
                else (scope, field)
            if key not in out:
                out.append(key)
    return tuple(out)


def simple_tests(condition, shop=None) -> tuple[str, list] | None:
    """A compiled ``ask_if`` as simple tests of answers joined by one of ``and`` /
    ``or``, with one level of groups of the other join (see
    :func:`producibility.conditions.analysis.answer_tests`), or None.

    A test of what the catalogue (``shop``) says of the part's material is the test of
    the material answer it stands for: ``part.material_family == 'aluminium'`` is
    "the material is one of the catalogue's aluminiums", by their ids (the form shows
    the temper for a shop's own 7020 too); None without a catalogue."""
    tree = getattr(condition, "tree", None)
    simple = None if tree is None else answer_tests(tree)
    return None if simple is None else _material_tests(simple, shop)


def _material_tests(simple, shop):
    """``simple`` with each test of a material fact as the test of the material (a
    group's too: ``answer_tests`` nests one level), or None where one cannot be."""
    join, tests = simple
    out = []
    for test in tests:
        if not isinstance(test, AnswerTest):  # a group: (join, tests)
            test = _material_tests(test, shop)
        elif test.scope == "part" and test.field in MATERIAL_FIELDS:
            test = _as_material_test(test, shop)
        if test is None:
            return None
        out.append(test)
    return join, out


def _as_material_test(test, shop):
    """A test of a material fact as a test of the material: the ids whose entry has
    the value tested (``in``), or has not (``out``); None where it is no such test."""
    if shop is None:
        return None
    if test.op in ("true", "false"):
        op, values = "in", (test.op == "true",)
    elif test.op in ("in", "out"):
        op, values = test.op, test.values
    else:
        return None
    field = test.field
    ids = tuple(i for i in shop.ids("materials")
                if field in shop.material_facts(i) and shop.material_facts(i)[field] in values)
    return AnswerTest(op, "part", "material", ids)
