"""E132, E134-E137, W160: flags, which rules set (``then: {flag: ...}``) and others read
(``requires:``, ``unless:``).

**E132** unknown-flag: ``requires`` or ``unless`` names a flag no rule sets (with a
did-you-mean): a typo would silently switch the rule off (requires) or on (unless).

**E137** removed-flag-setter: a ``disable:`` or an ``override`` takes away the last rule
that sets a flag a remaining rule reads: disabling DFM-006, or overriding it without its
``flag: edm_needed``, leaves TEC-006 (``requires: [edm_needed]``) unable to ever fire, and
a rule ``unless`` such a flag never held back.  Reported at the disable or override,
naming the flag and the rule that reads it; disable that rule too, or set the flag in a
rule of your own.  ``producibility check`` refuses such a pack set as well (exit 1).

**E134** flag-cycle: rules whose flags depend on themselves through requires/unless; the
pack cannot be evaluated layer by layer.  The message names each rule of the loop with
the requires or unless through which it reads the next one's flag (``PO-001 (unless
grote_serie) -> PO-004 (unless spanningsarm) -> PO-001``): take one flag out, or fold
the rules into one.

**E135** candidate-flag: a candidate-scope rule sets a flag: the machine is chosen after
inference, so the flag would leak from machines that are not used.

**E136** schedule-rule: a rule that runs after the lead-time chain (it reads
``request.slack_days`` or ``request.earliest_delivery``, or a flag such a rule sets) is a
candidate rule or adds a wait: it would change the chain it reads.

**W160** unused-flag: a flag is set but no rule requires or negates it.

E132, E135 and E137 are the loader's checks (``model/pack_checks.py``), E134 and E136 the
engine's (``engine/infer.layers`` and ``stages``, which order the rules in layers and
stages); lint reports every cycle and every such rule.
"""

from __future__ import annotations

from types import SimpleNamespace

from producibility.authoring.lint.base import Code, Context, scopes
from producibility.engine.infer import layers, stages
from producibility.errors import InputError
from producibility.model.pack_checks import (Problem, RuleSource, candidate_flag_problem,
                                             compile_when, flag_uses, flags_set, position,
                                             removed_setter_problems, unset_flag_problems)

CODES = {
    "E132": Code("unknown-flag", "requires or unless names a flag no rule sets"),
    "E134": Code("flag-cycle", "flags depend on themselves through requires/unless"),
    "E135": Code("candidate-flag", "a candidate-scope rule sets a flag"),
    "E136": Code("schedule-rule", "a rule reading the lead time cannot judge a machine "
                                  "nor add a wait"),
    "E137": Code("removed-flag-setter", "a disable or override removes the last rule "
                                        "setting a flag another rule reads"),
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
    cycles = _cycles(rules, context)
    out += cycles or _schedule(rules, context)
    for flag, setting in setters.items():
        if flag not in used:
            out += [(rule, rule.problem("W160", position(rule.raw["then"], "flag"),
                                        "unused_flag", context.lang, flag=flag))
                    for rule in setting]
    return out


def check_merged(rule_ids, context: Context) -> list[Problem]:
    """E137 on the merged packs (``ids.RuleIds``: the rules left after every disable and
    override, and what those took away)."""
    live = sorted(rule_ids.live.values(), key=lambda r: (r.path, r.line))
    return removed_setter_problems(live, rule_ids.removals, context.lang)


def _as_compiled(rule: RuleSource) -> SimpleNamespace:
    """The little of a compiled rule that ``infer.layers`` reads."""
    then = rule.raw.get("then")
    flag = then.get("flag") if isinstance(then, dict) else None

    def flags(key):
        return tuple(f for f in rule.raw.get(key) or () if isinstance(f, str))

    return SimpleNamespace(id=rule.id, then={"flag": flag} if isinstance(flag, str) else {},
                           requires=flags("requires"), unless=flags("unless"),
                           path=rule.path, line=rule.line, source=rule)


def _schedule(rules: list, context: Context) -> list[tuple[RuleSource, Problem]]:
    """E136 for every rule of the schedule stage that cannot be (``infer.stages``
    raises for the first; with it reported and passed over, the next: it stays in the
    stage, so the rules that read its flag are judged too)."""
    views = {}
    for rule in rules:
        view = _as_compiled(rule)
        allowed = scopes(rule)
        compiled = compile_when(rule, allowed, context.lang)[0] \
            if allowed and isinstance(rule.raw.get("when"), str) else None
        then = rule.raw.get("then")
        view.when, view.scope = compiled, rule.raw.get("scope")
        view.then = dict(view.then, effort=then.get("effort") if isinstance(then, dict) and
                         isinstance(then.get("effort"), dict) else {})
        views[(rule.path, rule.line)] = view
    out = []
    while True:
        try:
            stages(list(views.values()))
            break
        except InputError as exc:
            found = views.get((exc.path, exc.line))
            if found is None or getattr(found, "reported", False):
                break
            found.reported, found.scope = True, "part"  # passed over from now on
            found.then = dict(found.then, effort={})
            rule = found.source
            out.append((rule, Problem(rule.path, rule.line, rule.col, "E136",
                                      exc.wording(context.lang) if exc.wording else
                                      exc.message)))
    return out


def _cycles(rules: list, context: Context) -> list[tuple[RuleSource, Problem]]:
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
            out.append((rule, Problem(rule.path, rule.line, rule.col, "E134",
                                      exc.wording(context.lang) if exc.wording else
                                      exc.message)))
    return out
