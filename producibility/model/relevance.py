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


def _ask_if(question, request, part):
    """A question's ``ask_if`` on the answers so far: True, False, UNKNOWN (it reads an
    open answer), or None (no ``ask_if``, or one that fails on odd data)."""
    if question.ask_if is None:
        return None
    try:
        return evaluate(question.ask_if, {"request": request, "part": part or {}})
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
        return evaluate(unless, {"request": request, "part": part or {}}) is True
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
    answers = {"request": request, "part": part or {}}
    return tuple((scope, field) for scope, field in question.ask_if.fields
                 if answers.get(scope, {}).get(field) is None)


def simple_tests(condition) -> tuple[str, list[AnswerTest]] | None:
    """A compiled ``ask_if`` as simple tests of answers joined by one of ``and`` /
    ``or`` (see :func:`producibility.conditions.analysis.answer_tests`), or None."""
    tree = getattr(condition, "tree", None)
    return None if tree is None else answer_tests(tree)
