"""A plain evaluator of a rule pack, written straight from the meaning in the
README ("How rules are evaluated"), to check the engine against.

No experta, no alpha index, no caches: loops over rules, subjects and layers.
It shares only what is not clever: the condition language (``evaluate``), the
judgement of one part on one machine (``fit.check``) and the derived fields.
A question answered "none" (no thread) is answered: its value is the condition
language's ABSENT, which ``evaluate`` decides (``part.min_thread_mm < 3`` is false) and
which is never among a rule's open questions (``missing`` lists only fields not given).
"""

from producibility.engine import fit
from producibility.conditions.expressions import UNKNOWN, ExpressionError, evaluate
from producibility.engine.infer import derive
from producibility.model.catalogue import default_catalogue
from producibility.model.stock import bar_stock, stock_facts

REQUEST = ("request",)


def layers(rules):
    """Layer 0 without requires/unless; otherwise one above every setter of a
    flag the rule reads.  Computed by plain iteration to a fixed point (a pack
    that never settles has a cycle)."""
    setters = {}
    for rule in rules:
        if rule.then.get("flag"):
            setters.setdefault(rule.then["flag"], []).append(rule)
    layer = {rule.id: 0 for rule in rules}
    for _ in range(len(rules) + 1):
        changed = False
        for rule in rules:
            reads = rule.requires + rule.unless
            if not reads:
                continue
            want = 1 + max([layer[s.id] for f in reads for s in setters.get(f, [])],
                           default=0)
            if layer[rule.id] != want:
                layer[rule.id], changed = want, True
        if not changed:
            return layer
    raise ValueError("flag cycle")


def kleene_or(values):
    if True in values:
        return True
    if any(v is UNKNOWN for v in values):
        return UNKNOWN
    return False


def screen(pack, equipment, request, as_of, schedule=None):
    """Every rule outcome: {(rule, subject, process, machine): (outcome, missing)}
    with outcome 'fired', 'unknown' or 'error' (false outcomes are left out).

    ``schedule``: (facts, waiting), what the lead-time chain found (the schedule facts,
    None where unknown) and what an unknown one waits for.  Every rule sees them: the
    rules that read them, and the flags those set, come after everything the chain
    depends on, so the one pass the meaning describes gives the engine's two stages.

    A part whose operation's every fitting machine a candidate blocker that fired rules
    out cannot be made here either: screened again with it left out of the others'
    stock, until the parts so ruled out are the parts left out (at most once a part)."""
    left_out = frozenset()
    outcomes, fits = _screen(pack, equipment, request, as_of, schedule, left_out)
    for _ in range(len(request["parts"])):
        blocked = {(subject, process, machine)
                   for (rule_id, subject, process, machine), (outcome, _) in outcomes.items()
                   if outcome == "fired" and _rule(pack, rule_id).scope == "candidate"
                   and _rule(pack, rule_id).then.get("blocker")}
        found = frozenset(
            pid for pid, process, _, _ in fits
            if all((pid, process, m["id"]) in blocked
                   for p, q, m, _ in fits if (p, q) == (pid, process)))
        if found == left_out:
            break
        left_out = found
        outcomes, fits = _screen(pack, equipment, request, as_of, schedule, left_out)
    return outcomes


def _rule(pack, rule_id):
    return next(rule for rule in pack.rules if rule.id == rule_id)


def _screen(pack, equipment, request, as_of, schedule, left_out):
    """One pass: the outcomes, and the fits [(part, process, machine, result)];
    ``left_out``: parts ruled out by a candidate blocker, out of the others' stock."""
    request = derive(request, as_of, equipment.calendar, equipment.provider,
                     pack.catalogue or default_catalogue(), pack.settings["costing"])
    facts, waiting = schedule or ({}, {})
    request.update((k, v) for k, v in facts.items() if v is not None)
    parts = {str(p["id"]): p for p in request["parts"]}
    fits = []
    for pid, part in parts.items():
        for process in part.get("processes") or ():
            for machine in equipment.machines:
                if process not in machine["processes"]:
                    continue
                result = fit.check(part, process, machine, pack.settings["fit"],
                                   equipment.by_process())
                if result.fits:
                    fits.append((pid, process, machine, result))

    # a part with an operation no machine fits and no partner does cannot be made here:
    # it buys no material, so the others' stock leaves its kilograms out
    fitted = {(pid, process) for pid, process, _, _ in fits}
    unmade = set()
    for pid, part in parts.items():
        for process in part.get("processes") or ():
            if (pid, process) in fitted:
                continue
            if not any(fit._default_fitter(pack.settings["fit"]).check(
                    part, process, fit.partner_as_machine(partner, part),
                    known_only=True).fits
                    for partner in equipment.partners if process in partner["processes"]):
                unmade.add(pid)
    unmade |= left_out
    if unmade:
        stock_facts(request, equipment.provider, pack.catalogue or default_catalogue(),
                    pack.settings["costing"], unmade)

    # the value of flag f on a subject: {(f, subject): (value, missing)}
    flag_values = {}

    def flag_value(name, subject):
        return flag_values.get((name, subject), (False, frozenset()))

    def visible(name, part):
        """The reader of a part sees the request and the part; the request sees the
        request and every part."""
        subjects = [REQUEST] + ([("part", part)] if part is not None else
                                [("part", p) for p in parts])
        values = [flag_value(name, s) for s in subjects]
        value = kleene_or([v for v, _ in values])
        missing = frozenset() if value is not UNKNOWN else frozenset().union(
            *[m for v, m in values if v is UNKNOWN])
        return value, missing

    def subjects(rule):
        base = {"request": request, "provider": equipment.provider}
        if rule.scope in ("request", "provider"):
            yield "request", None, None, base
        elif rule.scope == "part":
            for pid, part in parts.items():
                yield pid, None, None, dict(base, part=part)
        else:
            for pid, process, machine, result in fits:
                yield pid, process, machine["id"], dict(
                    base, part=parts[pid], machine=machine,
                    candidate={"process": process, "marginal": bool(result.marginal),
                               # made from drawn bar on this machine (a derived field,
                               # shared: stock.bar_stock)
                               "bar_fed": bar_stock(parts[pid], process, machine,
                                                    pack.catalogue or default_catalogue())
                               is not None})

    outcomes = {}
    layer = layers(pack.rules)
    for n in range(max(layer.values(), default=0) + 1):
        produced = {}
        for rule in pack.rules:
            if layer[rule.id] != n:
                continue
            for subject, process, machine, context in subjects(rule):
                part = subject if rule.scope in ("part", "candidate") else None
                reads = [visible(f, part) for f in rule.requires]
                reads += [(UNKNOWN if v is UNKNOWN else not v, m)
                          for v, m in (visible(f, part) for f in rule.unless)]
                if any(v is False for v, _ in reads):
                    value, missing = False, frozenset()
                else:
                    missing = set().union(*[m for v, m in reads if v is UNKNOWN])
                    try:
                        when = evaluate(rule.when, context)
                    except ExpressionError:
                        when = "error"
                    if when == "error":
                        value, missing = "error", frozenset()
                    elif when is UNKNOWN:
                        value = UNKNOWN
                        for s, f in rule.when.missing(context):
                            if s == "machine":  # a machine's field it does not state
                                continue        # is asked of nobody
                            if s == "request" and f in facts:  # a schedule fact
                                missing |= set(waiting.get(f, ()))
                            else:
                                missing.add((s, f, part if s == "part" else None))
                    elif not when:
                        value = False
                    else:
                        value = UNKNOWN if any(v is UNKNOWN for v, _ in reads) else True
                key = (rule.id, subject, process, machine)
                missing = frozenset(missing)
                if value is True:
                    outcomes[key] = ("fired", frozenset())
                elif value is UNKNOWN:
                    outcomes[key] = ("unknown", missing)
                elif value == "error":
                    outcomes[key] = ("error", frozenset())
                flag = rule.then.get("flag")
                if flag and value is not False:
                    owner = REQUEST if rule.scope in ("request", "provider") else ("part", part)
                    produced.setdefault((flag, owner), []).append(
                        (UNKNOWN if value == "error" else value, missing))
        # flags of this layer, final before the next one reads them
        for key, values in produced.items():
            value = kleene_or([v for v, _ in values] + [flag_value(*key)[0]])
            missing = frozenset() if value is not UNKNOWN else frozenset().union(
                flag_value(*key)[1], *[m for v, m in values if v is UNKNOWN])
            flag_values[key] = (value, missing)
    return outcomes, fits


def engine_outcomes(engine):
    """The engine's hits in the reference's shape."""
    return {(h.rule.id, h.subject, h.process, h.machine): (h.outcome, frozenset(h.missing))
            for h in engine.hits}
