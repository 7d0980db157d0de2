"""E133 message-template: a rule's message (or its customer wording) that does not render.

Messages hold ``{{ expression }}`` holes.  Lint parses every one, in every language: a
syntax error, a ``{% block %}``, a limit hit on constants alone, or a field no fact has
(``{{ request.quantitty }}``).  The loader refuses a pack whose message or customer
wording does not compile, with the same line (``producibility check`` exits 1), so a
pack author's syntax error never reaches a report or a customer's offer; a field no fact
has only prints as ``?``, so that stays lint's.  (A ``mitigation`` is plain text, never
parsed.)
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code, Context, scopes
from producibility.conditions.expressions import ExpressionError, Template, limit_problem
from producibility.inputs.schema import did_you_mean
from producibility.model.pack_checks import Problem, RuleSource

CODES = {
    "E133": Code("message-template", "a message or customer wording that does not render"),
}


def check(rule: RuleSource, context: Context) -> list[Problem]:
    allowed, lang, fields = scopes(rule), context.lang, context.fields
    out = []
    for entry in ("message", "customer"):
        value = rule.raw.get(entry)
        if isinstance(value, bool) or value is None and entry == "customer":
            continue
        texts = value if isinstance(value, dict) else {"en": value}
        where = rule.at(entry)
        for language, text in texts.items():
            if not isinstance(text, str) or not allowed:
                continue
            try:
                template = Template(text, allowed)
                limit = limit_problem(template)
                if limit:
                    raise ExpressionError(limit)
            except ExpressionError as exc:
                out.append(rule.problem("E133", where, "template", lang, entry=entry,
                                        language=language, problem=exc))
                continue
            for scope, name in template.fields:
                if name not in fields.get(scope, ()):
                    out.append(rule.problem(
                        "E133", where, "template_field", lang, entry=entry, language=language,
                        field=f"{scope}.{name}",
                        hint=did_you_mean(name, sorted(fields[scope]), lang)))
    return out
