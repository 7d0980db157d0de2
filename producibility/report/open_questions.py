"""Open questions: the answers a conclusion waited for, ranked by what depends on them.

While concluding, every rule that could not decide (an unknown field), every fit the
engine could not check and every answer outside the catalogue names the fields it
needs (:meth:`OpenFields.add`).  A derived field asks for the answers it comes from.
:meth:`OpenFields.ranked` gives the report's ``open_questions``: those the
questionnaire would ask, decisive ones (they can change the verdict) first.
"""

from __future__ import annotations

from typing import Any, Callable

from producibility.conditions.expressions import MEMO, UNKNOWN, ExpressionError, evaluate
from producibility.conditions.analysis import comparisons
from producibility.engine.infer import DERIVED_FROM


class OpenFields:
    """The fields an answer is missing for, with the rules that wait for them."""

    def __init__(self) -> None:
        self._fields: dict[tuple, dict] = {}   # (scope, part, field) -> rules, decisive
        self._given: dict[tuple, Any] = {}     # (scope, part, field) -> answer not listed

    def add(self, scope: str, part: str | None, field: str, rule: str | None,
            decisive: bool) -> None:
        """``rule`` needs ``scope.field`` (of ``part``); ``decisive``: the answer can
        change the verdict.  A derived field asks for the fields it comes from."""
        sources = DERIVED_FROM.get((scope, field))
        if sources:  # ask the question the derived fact comes from
            for source_scope, source_field in sources:
                self.add(source_scope, part, source_field, rule, decisive)
            return
        key = (scope, part if scope == "part" else None, field)
        entry = self._fields.setdefault(key, {"rules": set(), "decisive": False})
        if rule:
            entry["rules"].add(rule)
        entry["decisive"] = entry["decisive"] or decisive

    def add_unlisted(self, entry: dict) -> None:
        """An answer outside the catalogue (``request._unlisted``): a decisive open
        question for the engineer, with the answer given."""
        self.add(entry["scope"], entry["part"], entry["field"], "CATALOGUE", True)
        self._given[(entry["scope"], entry["part"], entry["field"])] = entry["given"]

    def ranked(self, questionnaire: Any, lang: str,
               asked: Callable[[Any, str | None], bool],
               follows: Callable[[Any, str | None], tuple] | None = None) -> list[dict]:
        """The report's ``open_questions``, most impact first.  ``asked(question, part)``:
        whether the questionnaire asks it (its ``ask_if``); a question it would not ask
        is not open, one it requires is decisive.  ``follows(question, part)``: the open
        answers a follow-up question waits for (``relevance.follows_from``): its rules
        wait for those instead, asked first."""
        if follows is not None:
            for (scope, part, field), entry in list(self._fields.items()):
                question = questionnaire.question(scope, field)
                parents = follows(question, part) if question is not None else ()
                if not parents:
                    continue
                del self._fields[scope, part, field]
                for parent_scope, parent_field in parents:
                    for rule in sorted(entry["rules"]) or [None]:
                        self.add(parent_scope, part, parent_field, rule, entry["decisive"])
        out = []
        for (scope, part, field), entry in self._fields.items():
            question = questionnaire.question(scope, field)
            if question is not None and not asked(question, part):
                continue  # not asked (its ask_if), or answered already
            decisive = entry["decisive"] or bool(question is not None and question.required)
            rules = sorted(entry["rules"])
            out.append({
                "field": field, "scope": scope, "part": part,
                "question": question.label(lang) if question else field,
                "impact": (10 if decisive else 0) + len(rules),
                "decisive": decisive, "rules": rules})
            if (scope, part, field) in self._given:
                out[-1]["given"] = self._given[(scope, part, field)]
        out.sort(key=lambda q: (-q["impact"], q["scope"], q["part"] or "", q["field"]))
        return out


def undecided(hits, moot, chosen=(), askable=None, keep=None):
    """The hits of the rules that could not decide and whose questions are open: what
    an answer to them may yet add (a wait to the lead time, hours to the price).
    ``moot(part)``: no answer makes the part (nothing is asked for it); ``chosen``: the
    (part, process, machine) the placement chose (a candidate rule counts only there);
    ``askable(scope, field, part)``: whether the questionnaire asks, or may yet ask, a
    question the rule waits for (a rule waiting only for questions not asked of this
    request, EN 1090's execution class of a product that is no construction product,
    waits for nothing).  ``keep(hit)``: only the hits it keeps (asked first: whether a
    question is askable is the dear part)."""
    for hit in hits:
        if hit.outcome != "unknown" or hit.rule.scope == "candidate" and (
                hit.subject, hit.process, hit.machine) not in chosen:
            continue
        if keep is not None and not keep(hit):
            continue
        part = hit.subject if hit.rule.scope in ("part", "candidate") else None
        if moot(part) or askable is not None and not any(
                askable(*missing) for missing in hit.missing):
            continue
        yield hit


def alternatives(hits, flags_unknown, question_of, answered, possible=None):
    """Which of the undecided ``hits`` can fire together, for the high estimate's
    allowance for open answers.  Rules that wait for one question (a choice, yes or no,
    a number) are often alternatives: a thin wall in metal or in plastic, the material
    from our rack or to order, a crane above 40 kg or tweezers below 50 g.  Were one answer given, only the rules that can
    fire on it would add their hours; summing them all overstated what an answer adds.

    A hit qualifies when everything it waits for comes from one question of a part or
    the request (a derived field counts as the answer it comes from: the material's
    family, whether it is in stock) and none of the flags it requires or is held back
    by is undecided (a flag decided without the answer stays so whatever the answer is,
    as three-valued logic decides it; one that waits for it would need the engine).
    For each answer of the question (``question_of(scope, field)``'s choices, yes and
    no, or a number's :func:`_number_answers`), ``answered(key, value)`` gives the request and its parts with that answer, the
    derived fields worked out again; the rule's condition is evaluated on them as the
    engine evaluates it, and an answer on which it is unknown or fails counts as one
    it may fire on.  ``possible(key, value)``: whether the part can be made here with
    that answer (a material some machine that fits it, or a partner, takes): the
    answers on which it cannot are no price of ours, and are not tried.

    Returns {(rule, part, machine): (key, answers it may fire on)} and {key: the
    question's answers in order}, for the keys that two hits or more wait for; ``key``
    is (scope, field, part or None).  The answers are tried in the question's order up
    to the first on which every rule may fire (none after it adds more)."""
    groups: dict = {}
    for hit in hits:
        rule = hit.rule
        if hit.context is None or \
                any(name in flags_unknown for name in rule.requires + rule.unless):
            continue  # (no facts kept: a hit the engine made without evaluating)
        keys = set()
        for scope, field, part in hit.missing:
            for source in DERIVED_FROM.get((scope, field), ((scope, field),)):
                keys.add((source[0], source[1], part if source[0] == "part" else None))
        if len(keys) != 1:
            continue
        key = keys.pop()
        question = question_of(key[0], key[1])
        if question is None or question.type not in ("choice", "yes_no", "number"):
            continue
        groups.setdefault(key, (question, []))[1].append(hit)
    fires, answers = {}, {}
    for key, (question, members) in sorted(groups.items(), key=lambda g: (
            g[0][0], g[0][1], g[0][2] or "")):
        if len(members) < 2:
            continue
        values = list(question.choices) if question.type == "choice" else \
            [True, False] if question.type == "yes_no" else _number_answers(question, key,
                                                                            members)
        if not values:
            continue  # a number a rule reads otherwise than compared with one: all count
        if possible is not None:
            values = [value for value in values if possible(key, value)] or values
        may = {id(hit): [] for hit in members}
        # each rule's facts but the answered ones, made once (its memo left out: what it
        # remembers holds for the facts it was made on)
        bases = [(hit, {name: facts for name, facts in hit.context.items() if name != MEMO})
                 for hit in members]
        for value in values:
            waiting = bases
            for stock in (False, True):  # the stock facts only for the rules that wait
                request, parts = answered(key, value, stock)
                waiting = [(hit, base) for hit, base in waiting
                           if _may_fire(hit, base, request, parts, may, value, stock)]
                if not waiting:
                    break
            if all(may[id(hit)] and may[id(hit)][-1] == value for hit in members):
                break  # every rule may fire on it: no later answer adds more
        answers[key] = values
        for hit in members:
            part = hit.subject if hit.rule.scope in ("part", "candidate") else None
            fires[(hit.rule.id, part, hit.machine)] = (key, tuple(may[id(hit)]))
    return fires, answers


def _number_answers(question, key, members):
    """The answers of a number question on which its rules (``members``) can fire
    apart or together: each number a rule's condition compares the answer with, and
    the answers just either side of it as the what-if probes take them
    (:func:`~producibility.report.probing.either_side`: the nearest standard sizes
    where the question names its ``series``), within the question's range, in
    order; None where a rule reads the answer otherwise (through a field derived from
    it, or compared with no number).  A hand-gauged bore below 0.05 mm and a CMM below
    0.02 mm fire together below 0.02: the allowance counts them both only there."""
    scope, field = key[0], key[1]
    numbers = set()
    for hit in members:
        if any((s, f) != (scope, field) for s, f, _ in hit.missing):
            return None  # it waits for a field derived from the answer
        found = False
        for comparison in comparisons(hit.rule.when.tree):
            if (scope, field) not in comparison.fields:
                continue
            constants = [c for c in comparison.constants
                         if isinstance(c, (int, float)) and not isinstance(c, bool)]
            if not constants:
                return None
            numbers.update(constants)
            found = True
        if not found:
            return None
    from producibility.report.probing import either_side

    lo = question.min if question.min is not None else float("-inf")
    hi = question.max if question.max is not None else float("inf")
    values = set()
    for number in numbers:
        for value in (either_side(number, question)[0], number,
                      either_side(number, question)[1]):
            value = int(round(value)) if question.integer else float(f"{value:.10g}")
            if lo <= value <= hi:
                values.add(value)
    return sorted(values) or None


def _may_fire(hit, base, request, parts, may, value, last):
    """Evaluate ``hit``'s rule on the answered facts (``base``: its other facts): True
    where it is still unknown and the facts not yet complete (``last``: they are); else
    it is decided, and the answer is one it may fire on unless its condition is false."""
    context = dict(base, request=request)
    if "part" in context:
        context["part"] = parts.get(hit.subject, context["part"])
    try:
        result = evaluate(hit.rule.when, context)
    except ExpressionError:
        result = UNKNOWN
    if result is UNKNOWN and not last:
        return True
    if result is not False:
        may[id(hit)].append(value)
    return False
