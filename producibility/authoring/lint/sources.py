"""W151 no-source: a rule that names no source.

Every rule says where its knowledge comes from (a standard, a guideline, a supplier's
data sheet) or ``source: judgement``, so a reviewer can weigh it.
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code, Context
from producibility.model.pack_checks import Problem, RuleSource

CODES = {
    "W151": Code("no-source", "a rule names no source (or 'judgement')"),
}


def check(rule: RuleSource, context: Context) -> list[Problem]:
    if rule.raw.get("source"):
        return []
    return [rule.problem("W151", (rule.line, rule.col), "no_source", context.lang)]
