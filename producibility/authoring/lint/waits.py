"""W161, W162: what a rule's wait is for (``then.effort.waits_for``).

**W161** unknown-wait: ``waits_for`` names nothing the lead-time chain has as its own
step (``material``, ``design``, ``treatment``, a process of the catalogue) and no other rule of the
packs waits for it, but is close to one of those (with a did-you-mean).  A typo would
silently count a wait twice: ``materail`` beside the chain's material step, or two
rules that mean the same measuring lab under two names.

**W162** treatment-wait-on-top: a rule whose condition reads ``part.surface_treatment``
adds ``lead_time_days`` without ``waits_for``.  The lead-time chain already has the part's
treatment as its own step (the partner's lead time, else the catalogue's, with transport),
so the rule's days come on top of it: a passivation partner's 5 days counted twice, 15
working days instead of 10.  Write ``waits_for: treatment`` when the days are the
treatment's own (the chain's figure stands where it has one, the rule's where it has
none); a wait of its own after the treatment (a salt-spray test) gets a name of its own
(``waits_for: salt_spray_test``), or silence the warning on the rule.
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code, Context, scopes
from producibility.inputs.schema import did_you_mean
from producibility.model.pack_checks import Problem, RuleSource, compile_when, position

CODES = {
    "W161": Code("unknown-wait", "waits_for is close to, but not, a step or wait known"),
    "W162": Code("treatment-wait-on-top",
                 "a rule on a surface treatment adds lead_time_days without waits_for"),
}

#: The chain's own steps a wait may name besides the catalogue's processes
#: (report/leadtime.py).
CHAIN_STEPS = ("material", "design", "treatment")


def _effort(rule: RuleSource):
    then = rule.raw.get("then")
    effort = then.get("effort") if isinstance(then, dict) else None
    return effort if isinstance(effort, dict) else {}


def check_pack(rules: list, context: Context) -> list[tuple[RuleSource, Problem]]:
    """(rule, W161) for a wait name used once and close to a known one."""
    question = context.questionnaire.question("part", "processes")
    known = set(CHAIN_STEPS) | set(question.choices if question is not None else ())
    users: dict[str, list] = {}
    for rule in rules:
        name = _effort(rule).get("waits_for")
        if isinstance(name, str):
            users.setdefault(name, []).append(rule)
    out = []
    for name, named in sorted(users.items()):
        if name in known or len(named) > 1:
            continue
        # a typo, not another word: 'materail' for material (0.88), never 'welding' for
        # a provider's own 'annealing' (0.63, the ordinary did-you-mean's 0.6 let it by)
        hint = did_you_mean(name, sorted(known | set(users) - {name}), context.lang,
                            cutoff=0.8)
        if hint:
            out += [(rule, rule.problem("W161", position(_effort(rule), "waits_for"),
                                        "unknown_wait", context.lang, name=name, hint=hint))
                    for rule in named]
    return out


def check(rule: RuleSource, context: Context) -> list[Problem]:
    """W162: a rule reading ``part.surface_treatment`` that adds days with no waits_for."""
    effort = _effort(rule)
    days = effort.get("lead_time_days")
    if "waits_for" in effort or isinstance(days, bool) or not isinstance(days, (int, float)) \
            or days <= 0 or not isinstance(rule.raw.get("when"), str) or not scopes(rule):
        return []
    compiled, problem = compile_when(rule, scopes(rule), context.lang)
    if problem is not None or ("part", "surface_treatment") not in compiled.fields:
        return []  # E130 says why it does not compile
    return [rule.problem("W162", position(effort, "lead_time_days"), "treatment_wait_on_top",
                         context.lang, days=days)]
