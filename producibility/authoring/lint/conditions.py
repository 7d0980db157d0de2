"""E130, E131, W140, W141, W142, W143, W144: a rule's condition (``when:``).

**E130** condition-syntax: the condition does not compile: a syntax error (a decimal
comma gets a hint), a scope the rule cannot read (``machine.*`` in a part rule: the message
says that candidate rules read it), a filter
that does not exist, a number written too large (``1e400`` would be infinite; whole
numbers go up to 10^30), or a limit a part of it hits on its constants alone
(``10 ** 400``, ``'x' * 10**9``, ``1 / 0``): it would fail on every request.

**E131** unknown-field: the condition reads a field no fact has (``part.materal``), with
a did-you-mean.  Such a field is always unknown, so the rule would only ever ask;
``producibility check`` refuses the pack too (``pack_checks.unknown_field_problems``).

**W140** never-matches: a choice question compared with a value that is not one of its
choices (``request.purpose == 'serie'``): the comparison can never be true.

**W143** text-for-number: a number question compared with a text
in an order (``part.tolerance_mm <= '0.02'``, a number in quotes): ``<`` and ``>`` cannot
compare them, so the rule fails with an engine error on every request that answers the
question (``rules test`` said so only for the cases that reached it).

**W142** unknown-certification: ``provider.certifications`` compared with an id that is
no certification a shop can hold in the merged catalogue (``held: true``), with a
did-you-mean: the equipment check refuses such an id, so no shop can list it and the
comparison is always the same.  ``'en_1090_3' not in provider.certifications`` (EN
1090-3, aluminium) held for every shop before the catalogue knew the id, and every
welded aluminium structure was told "our certificate covers steel only".  The ids a
*customer* may ask for (``request.certificates_required``) are its choices: W140.

**W144** index-out-of-range: a value of an answer that always has the same number of
values read at an index it does not have (``part.size_mm[5]``: a bounding box has three,
``[0]`` to ``[2]``, or ``[-1]`` to ``[-3]`` from the end): it is never there, so the
comparison never holds and the rule never fires.

**W141** thousands-separator: a number such as ``1.000`` or ``25.000``: in a condition the
dot is a decimal point, so ``1.000`` is one, not a thousand.

E130 is the loader's check (``pack_checks.compile_when``; the compiler works out every
part of constants alone), plus what the whole condition builds with no facts; the fields are the
compiler's (``Compiled.fields``) and the comparisons ``conditions/analysis.py``'s, so a
condition that is one comparison or one bare field is checked like any other.
"""

from __future__ import annotations

import re

from producibility.authoring.lint.base import Code, Context, scopes
from jinja2 import nodes

from producibility.conditions.analysis import comparisons, field_of
from producibility.conditions.expressions import limit_problem
from producibility.inputs.schema import did_you_mean
from producibility.model.pack_checks import (Problem, RuleSource, compile_when,
                                             unknown_field_problems)

CODES = {
    "E130": Code("condition-syntax", "the condition does not compile"),
    "E131": Code("unknown-field", "the condition reads a field no fact has"),
    "W140": Code("never-matches", "a choice is compared with a value that is not a choice"),
    "W141": Code("thousands-separator", "a number written with a thousands separator"),
    "W143": Code("text-for-number", "a number question is ordered against a text"),
    "W144": Code("index-out-of-range",
                 "a fixed-length answer read at an index it does not have"),
    "W142": Code("unknown-certification",
                 "provider.certifications compared with an id no shop can hold"),
}

#: The provider field that holds certification ids of the catalogue.
_HELD = ("provider", "certifications")

_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
_THOUSANDS = re.compile(r"(?<![\w.])[1-9]\d{0,2}(?:\.000)+(?![\w.])")


def check(rule: RuleSource, context: Context) -> list[Problem]:
    when, allowed = rule.raw.get("when"), scopes(rule)
    if not isinstance(when, str) or not allowed:
        return []
    lang, where = context.lang, rule.at("when")
    compiled, problem = compile_when(rule, allowed, lang)
    if problem is None:
        limit = limit_problem(compiled)
        if limit:
            problem = rule.problem("E130", where, "when", lang, problem=limit)
    if problem is not None:
        return [problem]
    out = unknown_field_problems(rule.id, compiled, context.fields, rule.path, where, lang)
    out += [rule.problem("W140", where, "not_a_choice", lang, **found)
            for found in _never_matching(compiled.tree, context.questionnaire, lang)]
    out += [rule.problem("W143", where, "text_for_number", lang, **found)
            for found in _texts_for_numbers(compiled.tree, context.questionnaire)]
    out += [rule.problem("W142", where, "unknown_certification", lang, **found)
            for found in _unknown_certifications(compiled.tree, context.questionnaire, lang)]
    out += [rule.problem("W144", where, "index_out_of_range", lang, **found)
            for found in _out_of_range(compiled.tree, context.questionnaire)]
    for number in _thousands(when):
        out.append(rule.problem("W141", where, "thousands", lang, number=number,
                                plain=number.replace(".", "")))
    return out


def _thousands(source: str) -> list[str]:
    """Numbers such as 1.000 or 25.000: a Dutch thousands separator, not a decimal point
    (nobody writes 1.000 to mean one)."""
    return _THOUSANDS.findall(_STRING.sub("''", source))


def _never_matching(tree, questionnaire, lang) -> list[dict]:
    """A message's fields for each value compared with a choice question that is not
    one of its choices (``==``, ``!=``, ``in``, ``not in``)."""
    def question(side):
        if side.field is not None and side.field[0] in ("request", "part"):
            q = questionnaire.question(*side.field)
            if q is not None and q.choices:
                return q
        return None

    out = []
    for comparison in comparisons(tree):
        for left, op, right in comparison.pairs():
            if op not in ("eq", "ne", "in", "notin"):
                continue
            pairs = [(question(left), right)]
            if op in ("in", "notin"):
                pairs.append((question(right), left))
            for q, side in pairs:
                if q is None:
                    continue
                for value in side.constants:
                    if isinstance(value, str) and value not in q.choices:
                        out.append({"value": value, "field": f"{q.scope}.{q.id}",
                                    "hint": did_you_mean(value, q.choices, lang)})
    return out


def _out_of_range(tree, questionnaire) -> list[dict]:
    """A message's fields for each constant index into an answer of a fixed number of
    values (``Question.length``) that it does not have."""
    out = []
    for node in tree.find_all(nodes.Getitem):
        field = field_of(node.node)
        index = _constant_index(node.arg)
        if field is None or field[0] not in ("request", "part") or index is None:
            continue
        q = questionnaire.question(*field)
        if q is None or q.length is None or -q.length <= index < q.length:
            continue
        out.append({"field": ".".join(field), "index": index, "length": q.length,
                    "last": q.length - 1})
    return out


def _constant_index(node):
    """A whole number an index is written as (``[5]``, ``[-4]``), else None."""
    sign = 1
    if isinstance(node, nodes.Neg):
        node, sign = node.node, -1
    if isinstance(node, nodes.Const) and isinstance(node.value, int) and \
            not isinstance(node.value, bool):
        return sign * node.value
    return None


def _texts_for_numbers(tree, questionnaire) -> list[dict]:
    """A message's fields for each text a number question is ordered against (``<``,
    ``<=``, ``>``, ``>=``)."""
    def number(side):
        if side.field is not None and side.field[0] in ("request", "part"):
            q = questionnaire.question(*side.field)
            return q is not None and q.type == "number"
        return False

    out = []
    for comparison in comparisons(tree):
        for left, op, right in comparison.pairs():
            if op not in ("lt", "lteq", "gt", "gteq"):
                continue
            for field_side, other in ((left, right), (right, left)):
                if number(field_side) and other.literal and not other.is_list and \
                        isinstance(other.constant, str):
                    out.append({"field": ".".join(field_side.field), "value": other.constant})
    return out


def _unknown_certifications(tree, questionnaire, lang) -> list[dict]:
    """A message's fields for each id compared with ``provider.certifications`` that the
    catalogue the questionnaire's choices come from holds no certification a shop can
    hold for (none without a catalogue: nothing to compare with)."""
    catalogue = getattr(questionnaire, "shop", None)
    if catalogue is None:
        return []
    held = catalogue.held_certifications()
    out = []
    for comparison in comparisons(tree):
        for left, op, right in comparison.pairs():
            if op not in ("eq", "ne", "in", "notin"):
                continue
            sides = [(left, right), (right, left)] if op in ("eq", "ne") else [(right, left)]
            for field_side, value_side in sides:
                if field_side.field != _HELD:
                    continue
                for value in value_side.constants:
                    if isinstance(value, str) and value not in held:
                        hint = catalogue.suggest("certifications", value, set(held))
                        out.append({"value": value, "field": ".".join(_HELD),
                                    "hint": hint.wording(lang) if hint else ""})
    return out
