"""E132, E134, E135, W160: flags, which rules set (``then: {flag: ...}``) and others read
(``requires:``, ``unless:``).

**E132** unknown-flag: ``requires`` or ``unless`` names a flag no rule sets (with a
did-you-mean): a typo would silently switch the rule off (requires) or on (unless).

**E134** flag-cycle: rules whose flags depend on themselves through requires/unless; the
pack cannot be evaluated layer by layer.

**E135** candidate-flag: a candidate-scope rule sets a flag: the machine is chosen after
inference, so the flag would leak from machines that are not used.

**W160** unused-flag: a flag is set but no rule requires or negates it.

E132 and E135 are the loader's checks (``model/pack_checks.py``), E134 the engine's
(``engine/infer.layers``, which orders the rules in layers); lint reports every cycle.
"""

from __future__ import annotations

from types import SimpleNamespace

from producibility.authoring.lint.base import Code, Context
from producibility.engine.infer import layers
from producibility.errors import InputError
from producibility.model.pack_checks import (Problem, RuleSource, candidate_flag_problem,
                                             flag_uses, flags_set, position,
                                             unset_flag_problems)

CODES = {
    "E132": Code("unknown-flag", "requires or unless names a flag no rule sets"),
    "E134": Code("flag-cycle", "flags depend on themselves through requires/unless"),
    "E135": Code("candidate-flag", "a candidate-scope rule sets a flag"),
    "W160": Code("unused-flag", "a flag is set but no rule requires or negates it"),
}


def check(rule: RuleSource, context: Context) -> list[Problem]:
    problem = candidate_flag_problem(rule, context.lang)
    return [problem] if problem else []


def check_pack(rules: list, context: Context) -> list[tuple[RuleSource, Problem]]:
    """(rule, problem) for E132, E134 and W160, which need every rule of the packs."""
    setters = flags_set(rules)
    used = {flag for rule in rules for _, flag, _ in flag_uses(rule)}
    out = [(rule, problem) for rule in rules
           for problem in unset_flag_problems([rule], setters, context.lang)]
    out += _cycles(rules)
    for flag, setting in setters.items():
        if flag not in used:
            out += [(rule, rule.problem("W160", position(rule.raw["then"], "flag"),
                                        "unused_flag", context.lang, flag=flag))
                    for rule in setting]
    return out


def _as_compiled(rule: RuleSource) -> SimpleNamespace:
    """The little of a compiled rule that ``infer.layers`` reads."""
    then = rule.raw.get("then")
    flag = then.get("flag") if isinstance(then, dict) else None

    def flags(key):
        return tuple(f for f in rule.raw.get(key) or () if isinstance(f, str))

    return SimpleNamespace(id=rule.id, then={"flag": flag} if isinstance(flag, str) else {},
                           requires=flags("requires"), unless=flags("unless"),
                           path=rule.path, line=rule.line, source=rule)


def _cycles(rules: list) -> list[tuple[RuleSource, Problem]]:
    """E134 for every loop: the engine's layering names one; without the rule that
    closes it, the next."""
    views = {(rule.path, rule.line): _as_compiled(rule) for rule in rules}
    out = []
    while views:
        try:
            layers(list(views.values()))
            break
        except InputError as exc:
            closing = views.pop((exc.path, exc.line), None)
            if closing is None:
                break
            rule = closing.source
            out.append((rule, Problem(rule.path, rule.line, rule.col, "E134", exc.message)))
    return out
