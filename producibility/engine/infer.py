"""Infer: the experta engine that screens one request.

``compile_engine(pack, equipment)`` builds one engine class per loaded pack
set and equipment catalogue; :class:`Inference` reuses one instance of it for
every request (reset, declare, run, collect).

How the work is split, after measuring experta (see README, "Speed"):

* Facts are what some rule reads: ``Request``, ``Part``, ``Operation`` (a
  part needing a process), ``Fits`` (some machine fits an operation) and
  ``Layer`` (layer 0 is under way).  Field values live in a side
  table keyed by id, so the facts the network matches stay small.  Findings,
  rejections and flags are conclusions: the engine records them (``hits``,
  ``rejections``, ``flags_true``/``flags_unknown``) with their traces instead of
  declaring facts that no pattern would match (each declare is a pass through
  the network).
* Equipment fit is the rule ``judge_part``: for each operation of a Part it
  judges the machines of that process (indexed once per catalogue), records
  each fitting machine and why each other one does not fit, runs the layer-0
  candidate rules on each fitting machine and declares ``Fits``; then it runs
  the layer-0 part rules, all in one firing.  ``no_machine`` then finds, by
  negation, every operation that no machine fits: a blocker.
* Rules are grouped per scope and layer (see README, "How rules are evaluated")
  into tables that run their precompiled conditions: one activation per fact
  instead of one per rule (12-16x faster at 1,000 rules).  The table's alpha
  index (alpha.py) skips rules whose first test fails, as RETE's alpha network
  does.  Layer 0 runs with the fit; when nothing else is left on the agenda,
  ``later_layers`` (on ``Layer(n=0)``, lowest salience) runs the tables of layer
  1, 2, ... in turn for the request and every part, each reading the flags of
  the layers below, which are final by then.  So the outcome does not depend on
  the agenda's order among rules, nor on the hash seed; ``tests/reference.py``
  checks it against a plain evaluator.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from producibility.engine import experta_speed

from producibility.engine import fit
from producibility.model.catalogue import default_catalogue
from producibility.conditions.alpha import RuleTable
from producibility.conditions.expressions import MEMO, UNKNOWN, ExpressionError, evaluate
from producibility.engine.experta_compat import MATCH, NOT, Fact, KnowledgeEngine, Rule
from producibility.errors import InputError, Wording
from producibility.model.calendar import PLAIN
from producibility.model.pack import gc_paused
from producibility.model.stock import bar_stock, stock_facts
class Request(Fact):
    pass


class Part(Fact):
    pass


class Operation(Fact):
    pass


class Layer(Fact):
    """Layer 0 is under way; when nothing else is left, the layers above it run."""


class Fits(Fact):
    """At least one machine fits this part operation (what ``no_machine`` negates)."""


SCOPES = ("request", "provider", "part", "candidate")
REQUEST_ID = "request"  # the Request fact's id: the subject of request and provider rules
SALIENCE_FIT = 1000
SALIENCE_NO_MACHINE = 900
SALIENCE_NEXT_LAYER = -1000


class Hit:
    """What a fired (or unknown, or failed) rule leaves for the conclusions."""

    __slots__ = ("rule", "subject", "machine", "process", "outcome", "_values", "missing",
                 "error", "context")

    def __init__(self, rule, subject, outcome, values=None, missing=(), error=None,
                 machine=None, process=None, context=None):
        self.rule = rule
        self.subject = subject
        self.machine = machine
        self.process = process
        self.outcome = outcome      # "fired", "unknown" or "error"
        self._values = values
        self.missing = tuple(missing)
        self.error = error
        self.context = context

    @property
    def values(self):
        """The facts the condition read (its trace), taken from the context when
        first asked for: most hits of a batch are never rendered with traces."""
        if self._values is None:
            self._values = _values(self.rule.when, self.context) if self.context else {}
        return self._values


REQUEST = ("request",)  # the subject of request- and provider-scope rules


def part_subject(part_id):
    """The subject of a part-scope rule: typed, so no part id can be the request."""
    return ("part", part_id)


def _cycle(loop, rules, closing):
    """The error of a flag cycle: each rule of the loop with the requires/unless through
    which it reads the next one's flag (``PO-001 (unless grote_serie) -> PO-004 (unless
    spanningsarm) -> PO-001``), and how to break it."""
    by_id = {rule.id: rule for rule in rules}
    steps, kinds = [], set()
    for reader, setter in zip(loop, loop[1:]):
        flag = by_id[setter].then.get("flag")
        kind = "unless" if flag in by_id[reader].unless else "requires"
        kinds.add(kind)
        steps.append(f"{reader} ({kind} {flag})")
    return InputError.said(Wording("inputs", "flag_cycle", rule=closing.id,
                                   loop=" -> ".join(steps + [loop[-1]]),
                                   links="/".join(sorted(kinds))), closing.path, closing.line)


def layers(rules):
    """Each rule's layer: 0 without requires/unless, else one above every rule that
    can set a flag it reads (a stratified pack).  A flag that depends on itself
    through requires/unless is an error that names the cycle."""
    setters = {}
    for rule in rules:
        flag = rule.then.get("flag")
        if flag:
            setters.setdefault(flag, []).append(rule)
    layer, trail, on_trail = {}, [], set()

    def visit(rule):
        # iterative depth-first search: a long chain of flags is no recursion limit
        stack = [(rule, iter(sorted({s.id: s for f in rule.requires + rule.unless
                                     for s in setters.get(f, ())}.values(),
                                    key=lambda r: r.id)))]
        trail.append(rule.id)
        on_trail.add(rule.id)
        while stack:
            current, deps = stack[-1]
            for dep in deps:
                if dep.id in layer:
                    continue
                if dep.id in on_trail:
                    raise _cycle(trail[trail.index(dep.id):] + [dep.id], rules, dep)
                stack.append((dep, iter(sorted({s.id: s for f in dep.requires + dep.unless
                                                for s in setters.get(f, ())}.values(),
                                               key=lambda r: r.id))))
                trail.append(dep.id)
                on_trail.add(dep.id)
                break
            else:
                stack.pop()
                trail.pop()
                on_trail.discard(current.id)
                reads = [layer[s.id] for f in current.requires + current.unless
                         for s in setters.get(f, ())]
                layer[current.id] = (1 + max(reads, default=0)
                                     if current.requires or current.unless else 0)

    for rule in rules:  # a rule that reads no flag is in layer 0, and on no cycle
        if not rule.requires and not rule.unless:
            layer[rule.id] = 0
    for rule in sorted(rules, key=lambda r: r.id):
        if rule.id not in layer:
            visit(rule)
    return layer, setters


# Facts of the schedule, known once the lead-time chain is (report/leadtime.py): a rule
# that reads one, or a flag such a rule sets, runs after the chain, in the schedule
# stage (README, "How rules are evaluated").
SCHEDULE_FIELDS = {
    ("request", "slack_days"): "working days from the earliest delivery the lead-time "
                               "chain finds to the wanted date (negative: that late); "
                               "rules that read it run after the chain",
    ("request", "earliest_delivery"): "the earliest delivery date the lead-time chain "
                                      "finds (YYYY-MM-DD); rules that read it run after "
                                      "the chain",
}


def stages(rules, layer=None, reasons=None):
    """Each rule's stage: 1 (the schedule stage) when its condition reads a schedule fact
    (SCHEDULE_FIELDS) or it requires or is unless a flag that a stage-1 rule can set,
    else 0.  A stage-1 rule may not judge a machine (scope candidate: the chain is worked
    out for the machines chosen) nor add a wait or work preparation
    (``effort.lead_time_days``, ``cam_h``, ``design_h``: each would change the chain it
    reads): an error naming the rule and what it reads.
    ``reasons``, a dict, gets what each stage-1 rule reads that puts it there."""
    if layer is None:
        layer, setters = layers(rules)
    else:
        setters = {}
        for rule in rules:
            if rule.then.get("flag"):
                setters.setdefault(rule.then["flag"], []).append(rule)
    stage = {}
    for rule in sorted(rules, key=lambda r: (layer[r.id], r.id)):  # setters first
        if not (rule.requires or rule.unless or
                not SCHEDULE_FIELDS.keys().isdisjoint(getattr(rule.when, "fields", ()))):
            stage[rule.id] = 0  # reads no schedule fact and no flag (most rules)
            continue
        reads = sorted(f"{s}.{f}" for s, f in getattr(rule.when, "fields", ())
                       if (s, f) in SCHEDULE_FIELDS)
        reads += sorted({f"{f} ({s.id})" for f in rule.requires + rule.unless
                         for s in setters.get(f, ()) if stage[s.id]})
        stage[rule.id] = 1 if reads else 0
        if not reads:
            continue
        reads = ", ".join(reads)
        if reasons is not None:
            reasons[rule.id] = reads
        effort = rule.then.get("effort") or {}
        problem = "schedule_candidate" if rule.scope == "candidate" else \
            "schedule_wait" if effort.get("lead_time_days") or effort.get("waits_for") \
            or effort.get("cam_h") or effort.get("design_h") or effort.get("inspection_h") \
            else None
        if problem:
            raise InputError.said(Wording("inputs", problem, rule=rule.id, reads=reads),
                                  getattr(rule, "path", None), getattr(rule, "line", None))
    return stage


def _values(compiled, context):
    """The facts a condition read, for the finding's trace."""
    out = {}
    for scope, name in compiled.fields:
        facts = context.get(scope)
        value = None if facts is None else facts.get(name)
        out[f"{scope}.{name}"] = value
    return out


def run_table(engine, table, scope, subject, machine=None, process=None):
    if not table.rules:
        return
    context = engine.context(scope, subject, machine, process)
    for rule, condition in table.to_evaluate(context):
        run_rule(engine, rule, condition, subject, context, machine, process)

def run_rule(engine, rule, condition, subject, context, machine=None, process=None):
    """Evaluate one rule (three-valued) and record its Hit and its flag;
    ``condition``: what is left of its condition once the index has judged
    its leading tests (alpha.RuleTable.to_evaluate)."""
    missing, undecided = [], False
    if rule.requires or rule.unless:
        part = subject if rule.scope in ("part", "candidate") else None
        # a required flag that does not hold, or an unless flag that holds: false
        for names, false_if in ((rule.requires, False), (rule.unless, True)):
            for name in names:
                value, why = engine.flag(name, part)
                if value is false_if:
                    return
                if value is UNKNOWN:
                    missing += why
                    undecided = True
    try:
        outcome = evaluate(condition, context)
    except ExpressionError as exc:
        # the error's text as made (a Said keeps its wording: the report words it in
        # its own language)
        error = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        engine.hits.append(Hit(rule, subject, "error", error=error, machine=machine,
                               process=process, values=_values(rule.when, context)))
        if rule.then.get("flag"):
            engine.set_flag(rule, subject, UNKNOWN, ())
        return
    if outcome is UNKNOWN:
        own = rule.when.missing_of(
            context, subject if rule.scope in ("part", "candidate") else None)
        missing = missing + list(own) if undecided else own
    elif not outcome:
        return
    if outcome is UNKNOWN or undecided:
        # the condition's own fields come sorted and once each (Compiled.fields);
        # with the flags' questions added, sort them again
        missing = tuple(sorted(set(missing), key=_missing_key)) if undecided \
            else tuple(missing)
        # many rules wait for the same questions of a subject: one tuple for them all
        # (what a run leaves the collector to scan once it ends: half of it were these)
        missing = engine.missing_seen.setdefault(missing, missing)
        engine.hits.append(Hit(rule, subject, "unknown", None, missing, None, machine,
                               process, context))
        if rule.then.get("flag"):
            engine.set_flag(rule, subject, UNKNOWN, missing)
        return
    engine.hits.append(Hit(rule, subject, "fired", None, (), None, machine, process,
                           context))
    if rule.then.get("flag"):
        engine.set_flag(rule, subject, True, ())


def compile_engine(pack, equipment):
    """Build the engine class for one pack set and one equipment catalogue."""
    fit_settings = pack.settings["fit"]
    fitter = fit.Fitter(pack.catalogue or default_catalogue(), fit_settings)
    index = equipment.by_process()
    partners = equipment.partners_by_process()
    machines = {m["id"]: m for m in equipment.machines}
    catalogue = pack.catalogue or default_catalogue()
    finishes = {pid: tuple(entry.get("finished_by") or ())
                for pid, entry in catalogue.entries["processes"].items()}
    offered = set(index) | set(partners)
    layer, _ = layers(pack.rules)
    stage = stages(pack.rules, layer)
    top = max((layer[r.id] for r in pack.rules if not stage[r.id]), default=0)
    namespace = {}
    # One table per (scope, layer): a rule's flags are final before its layer runs.
    # The schedule stage's rules run after the lead-time chain (:func:`schedule`).
    order = sorted(pack.rules, key=lambda r: (-r.priority, r.id))
    grouped = {(scope, n): [] for scope in ("request", "provider", "part", "candidate")
               for n in range(top + 1)}
    later = {}
    for rule in order:
        if stage[rule.id]:
            later.setdefault((layer[rule.id], rule.scope), []).append(rule)
        else:
            grouped[rule.scope, layer[rule.id]].append(rule)
    tables = {key: RuleTable(rules) for key, rules in grouped.items()}
    schedule_tables = tuple((n, scope, RuleTable(later[n, scope]))
                            for n, scope in sorted(later, key=lambda k: (k[0], SCOPES.index(k[1]))))

    # ---- equipment fit, inside the engine
    candidate_table = tables["candidate", 0]
    part_table = tables["part", 0]

    def judge_fits(self):
        """Every part operation judged on its machines, and where none fits on the
        partners, before any rule runs (:meth:`judge_operation` records them as the rules
        need them): the parts that cannot be made here (an operation no own machine fits
        and no partner does), whose material the request does not buy (stock_facts)."""
        judged, unmade = {}, set()
        for pid, part in self.parts.items():
            for process in part.get("processes") or ():
                if (pid, process) in judged:
                    continue
                results = fitter.judge_all(part, process, index.get(process, ()), index)
                outside = None
                if not any(result.fits for _, result in results):
                    for partner in partners.get(process, ()):
                        result = fitter.check(part, process,
                                              fit.partner_as_machine(partner, part),
                                              known_only=True)
                        if result.fits:
                            outside = (partner["id"], result)
                            break
                    if outside is None:
                        unmade.add(pid)
                judged[pid, process] = (results, outside)
        self.judged = judged
        return unmade

    def judge_operation(self, part_id, process, new):
        part = self.parts[part_id]
        any_fit = False
        results, outside = self.judged[part_id, process]
        for machine, result in results:
            if result.fits:
                if self.window is None:
                    # its free hours are shared out by the assignment, against the date
                    self.unchecked.add((None, "wanted_date"))
                any_fit = True
                self.fits[(part_id, process, machine["id"])] = result
                if candidate_table.rules:
                    # layer-0 candidate rules judge the machine right here
                    run_table(self, candidate_table, "candidate", part_id, machine["id"],
                              process)
            else:
                self.rejections[(part_id, process, machine["id"])] = result.rejections
            for name in result.unchecked:
                self.unchecked.add((part_id, name))
        if outside is not None:  # no own machine: outside work (judge_fits), a partner
            # that does it within its known limits
            self.subcontracts[(part_id, process)] = outside
            any_fit = True
        elif process in partners and any_fit and self.window is not None:
            # with own machines and a wanted date (free hours are counted only then), the
            # partner that could take it when they lack the hours (assignment.assign)
            for partner in partners[process]:
                result = fitter.check(part, process, fit.partner_as_machine(partner, part),
                                      known_only=True)
                if result.fits:
                    self.overflow[(part_id, process)] = (partner["id"], result)
                    break
        if any_fit:
            new.append(Fits(part=part_id, process=process))
        # The operation after its Fits: "no machine" (Operation and no Fits) then
        # never activates just to be taken back.
        new.append(Operation(part=part_id, process=process))

    def judge_part(self, subject):
        """The fit of every operation of the part, then its layer-0 rules: one
        firing per part, one declare of all it concluded."""
        new = []
        for process in self.parts[subject].get("processes") or ():
            judge_operation(self, subject, process, new)
        if part_table.rules:
            run_table(self, part_table, "part", subject)
        if new:
            self.declare(*new)

    namespace["judge_part"] = Rule(Part(id=MATCH.subject), salience=SALIENCE_FIT)(judge_part)

    def no_machine(self, pid, process):
        self.no_machine.append((pid, process))

    namespace["no_machine"] = Rule(
        Operation(part=MATCH.pid, process=MATCH.process),
        NOT(Fits(part=MATCH.pid, process=MATCH.process)),
        salience=SALIENCE_NO_MACHINE)(no_machine)

    # ---- layer 0 of the request and provider rules
    def request_rules(self, subject):
        for scope in ("request", "provider"):
            run_table(self, tables[scope, 0], scope, subject)

    if tables["request", 0].rules or tables["provider", 0].rules:
        namespace["request_rules"] = Rule(Request(id=MATCH.subject), salience=0)(request_rules)

    # ---- layers 1 and up: when layer 0 is done (nothing else is left on the agenda),
    # one firing runs them in order.  Their tables declare nothing, so no other
    # activation can come between them; within a layer the order does not matter (no
    # rule reads a flag of its own layer).
    if top:
        def later_layers(self):
            parts = list(self.parts)
            fits = {}  # part -> its (part, process, machine) candidates, in order
            for key in sorted(self.fits):
                fits.setdefault(key[0], []).append(key)
            for n in range(1, top + 1):
                for scope in ("request", "provider"):
                    run_table(self, tables[scope, n], scope, REQUEST_ID)
                part_table, table = tables["part", n], tables["candidate", n]
                for subject in parts:
                    run_table(self, part_table, "part", subject)
                    if table.rules:
                        for (pid, process, mid) in fits.get(subject, ()):
                            run_table(self, table, "candidate", pid, mid, process)

        namespace["later_layers"] = Rule(Layer(n=0), salience=SALIENCE_NEXT_LAYER)(
            later_layers)

    def route(part):
        """The part's routing with the finishing operations a shop would add (see
        ``finished_by`` in the process catalogue): (processes, [(process, added)],
        [(process, finish)]).  The last: operations our machines would do but for the
        finish, whose finishing process no machine or partner of ours does (a shaft to
        grind without a grinder: the shop lacks the grinding, not a lathe)."""
        processes = list(part.get("processes") or ())
        added, lacking = [], []
        for process in list(processes):
            options = [f for f in finishes.get(process, ()) if f in offered]
            own = index.get(process, ())
            if not finishes.get(process) or not own or \
                    "finishing" in fitter.later_kinds(processes, process):
                continue
            if any(fitter.check(part, process, m).fits for m in own):
                continue
            at = processes.index(process) + 1
            finish = (options or finishes[process])[0]
            trial = dict(part, processes=processes[:at] + [finish] + processes[at:])
            if any(fitter.check(trial, process, m).fits for m in own):
                if options:
                    processes.insert(at, finish)
                    added.append((process, finish))
                else:
                    lacking.append((process, finish))
        return processes, added, lacking

    engine_class = type("ProducibilityEngine", (_EngineBase,), namespace)
    engine_class.route = staticmethod(route) if finishes and any(finishes.values()) else None
    engine_class.judge_fits = judge_fits
    engine_class.machines = machines
    engine_class.provider = equipment.provider
    engine_class.layers = top
    engine_class.calendar = getattr(equipment, "calendar", PLAIN)  # the shop's working days
    engine_class.catalogue = catalogue
    engine_class.costing = pack.settings["costing"]
    engine_class.schedule_tables = schedule_tables
    return engine_class


def _missing_key(item):
    scope, field, part = item
    return (scope, field, part or "")


class _Facts:
    """The facts and flags rules read and set, and the hits they leave: what run_table
    and run_rule need of an engine (the experta engine, and the schedule stage)."""

    def set_flag(self, rule, subject, value, missing):
        """Record the flag the rule sets (run_rule calls it only for rules that set one)."""
        name = rule.then["flag"]
        key = REQUEST if rule.scope in ("request", "provider") else part_subject(subject)
        if value is True:
            self.flags_true.setdefault(name, set()).add(key)
        else:
            self.flags_unknown.setdefault(name, {}).setdefault(key, set()).update(missing)

    def flag(self, name, part=None):
        """A flag's value as a rule of the request (part None) or of a part reads it:
        (True | False | UNKNOWN, the open questions behind an unknown).  A part reads
        what is set for the request or for itself; the request reads what is set for
        the request or for any part."""
        true = self.flags_true.get(name, ())
        unknown = self.flags_unknown.get(name)
        if part is None:
            if true:
                return True, ()
            if unknown:
                return UNKNOWN, [m for why in unknown.values() for m in why]
            return False, ()
        own = part_subject(part)
        if REQUEST in true or own in true:
            return True, ()
        if unknown and (REQUEST in unknown or own in unknown):
            return UNKNOWN, [m for key in (REQUEST, own) for m in unknown.get(key, ())]
        return False, ()

    def context(self, scope, subject, machine=None, process=None):
        key = (scope, subject, machine, process)
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = {"request": self.request, "provider": self.provider}
            if scope in ("part", "candidate"):
                ctx["part"] = self.parts[subject]
            if scope == "candidate":
                ctx["machine"] = self.machines[machine]
                result = self.fits.get((subject, process, machine))
                ctx["candidate"] = {"process": process,
                                    "marginal": bool(result and result.marginal),
                                    # which limit is close, in words (fit.Reason): what a
                                    # message names ("tolerance 0.1 mm is close to ...")
                                    "close_to": list(result.marginal) if result else [],
                                    # the part is made from drawn bar on this machine
                                    # (within its bar_capacity_mm: a bar feeder's or a
                                    # sliding head's collet, no chuck), as the quote's
                                    # material line prices it (stock.bar_stock)
                                    "bar_fed": bar_stock(ctx["part"], process,
                                                         ctx["machine"],
                                                         self.catalogue) is not None}
                # one memo per part and run: what candidate conditions read only of
                # the request, provider and part (pack.INVARIANT) is worked out once
                memo = self._memos.get(subject)
                if memo is None:
                    memo = self._memos[subject] = {}
                ctx[MEMO] = memo
            self._contexts[key] = ctx
        return ctx


class _EngineBase(_Facts, KnowledgeEngine):
    machines = {}
    provider = {}
    layers = 0
    schedule_tables = ()
    route = None
    calendar = PLAIN
    catalogue = None
    costing = None

    def run(self, steps=float("inf")):
        experta_speed.run(self, steps)

    def get_deffacts(self):
        """experta looks the deffacts up with inspect.getmembers at every reset; the
        engine's class, and so its deffacts, never change: look once."""
        deffacts = self.__dict__.get("_deffacts")
        if deffacts is None:
            deffacts = self._deffacts = super().get_deffacts()
        return deffacts

    def begin(self, request, as_of):
        self.request = request
        self.parts = {str(p["id"]): p for p in request["parts"]}
        self.hits, self.no_machine, self.unchecked = [], [], set()
        self.fits, self.rejections, self.subcontracts, self.overflow = {}, {}, {}, {}
        self.undecidable = []
        self._contexts, self._memos, self.missing_seen = {}, {}, {}
        self.window = _capacity_window(request, as_of, self.calendar)
        self.as_of = as_of
        # flag name -> subjects where it holds, and -> {subject: questions} where unknown
        self.flags_true, self.flags_unknown = {}, {}


class _Stage(_Facts):
    """The schedule stage of one request: the facts and flags its engine run left."""

    def __init__(self, inferred, provider, waiting):
        self.request, self.parts, self.provider = inferred.request, inferred.parts, provider
        self.machines, self.fits = inferred.machines, inferred.fits
        self.flags_true = {name: set(keys) for name, keys in inferred.flags_true.items()}
        self.flags_unknown = {name: {key: set(why) for key, why in by.items()}
                              for name, by in inferred.flags_unknown.items()}
        self.hits, self._contexts, self._memos, self.missing_seen = [], {}, {}, {}
        self.waiting = waiting

    def set_flag(self, rule, subject, value, missing):
        super().set_flag(rule, subject, value, _waiting_for(missing, self.waiting))


def _waiting_for(missing, waiting):
    """The open questions with a schedule fact (unknown) replaced by those it waits for
    (``waiting``: field -> open questions)."""
    if not any((item[0], item[1]) in SCHEDULE_FIELDS for item in missing):
        return tuple(missing)
    out = set()
    for item in missing:
        if (item[0], item[1]) in SCHEDULE_FIELDS:
            out.update(waiting.get(item[1], ()))
        else:
            out.add(item)
    return tuple(sorted(out, key=_missing_key))


def schedule(inferred, facts, waiting=None):
    """The schedule stage: the rules that read what the lead-time chain found (``facts``:
    SCHEDULE_FIELDS' names -> values, None where the chain cannot say), run in their
    layers after every rule of the engine's run, as :func:`stages` splits them.  An
    unknown schedule fact waits for ``waiting[name]``: the open questions (scope, field,
    part id or None) that would let the chain say.  Returns the Inferred with the facts in
    its request (which the run made for this request alone) and the stage's hits and
    flags added."""
    inferred.request.update((name, value) for name, value in facts.items()
                            if value is not None)
    if not inferred.schedule_tables:
        return inferred
    stage = _Stage(inferred, inferred.provider, waiting or {})
    for _, scope, table in inferred.schedule_tables:
        if scope in ("request", "provider"):
            run_table(stage, table, scope, REQUEST_ID)
        else:  # part (a candidate rule cannot read the schedule: see stages)
            for subject in inferred.parts:
                run_table(stage, table, "part", subject)
    for hit in stage.hits:
        if hit.outcome == "unknown":
            hit.missing = _waiting_for(hit.missing, stage.waiting)
    hits = sorted(inferred.hits + tuple(stage.hits),
                  key=lambda h: (h.rule.id, h.subject, h.process or "", h.machine or ""))
    return inferred._replace(hits=tuple(hits),
                             flags_true=MappingProxyType(stage.flags_true),
                             flags_unknown=MappingProxyType(stage.flags_unknown))


def judged_on_shares(inferred, shares):
    """The Inferred with each candidate rule's finding on a machine that makes only a
    share of its operation judged again on that share: ``shares`` maps (part, process,
    machine) -> the pieces of a split's share (``assignment.assign``), and the rule's
    condition and words read the part with those ``pieces``.  The engine judged each
    fitting machine before the split was known, on the part's whole run: FAC-006 said
    "180 h of run time" on a VF-4 whose share is 58 h, below its threshold.  A finding
    whose condition no longer holds on the share is dropped; one that still holds keeps
    the share's facts, so its message names the share's figures; one unknown stays
    unknown.  Only the pieces change, and only findings the whole run made are judged
    again (a rule that holds on a share but not on the whole run is not found), and what
    such a rule did before the split (a set-up the assignment weighed, a blocker that
    ruled the machine out) stands."""
    if not shares:
        return inferred
    hits, changed = [], False
    for hit in inferred.hits:
        pieces = shares.get((hit.subject, hit.process, hit.machine)) \
            if hit.rule.scope == "candidate" and hit.outcome in ("fired", "unknown") \
            and hit.context is not None else None
        if pieces is None or pieces == hit.context["part"].get("pieces"):
            hits.append(hit)
            continue
        context = dict(hit.context)
        context["part"] = dict(context["part"], pieces=pieces)
        context[MEMO] = {}  # what it read of the part is the share's, not the memo's
        try:
            outcome = evaluate(hit.rule.when, context)
        except ExpressionError:
            hits.append(hit)
            continue
        changed = True
        if outcome is UNKNOWN or (outcome and hit.outcome == "unknown"):
            hits.append(Hit(hit.rule, hit.subject, "unknown", None, hit.missing, None,
                            hit.machine, hit.process, context))
        elif outcome:
            hits.append(Hit(hit.rule, hit.subject, "fired", None, (), None, hit.machine,
                            hit.process, context))
    return inferred._replace(hits=tuple(hits)) if changed else inferred


def _capacity_window(request, as_of, calendar=PLAIN):
    """Working weeks (the shop's working days / 5) from the date screened from to the
    wanted date, or None without a wanted date: what the assignment shares free hours
    over, and ``request.weeks_available``."""
    wanted = request.get("wanted_date")
    if not wanted:
        return None
    start = as_of or request.get("date")  # the date asked for (--as-of), else the request's
    return max(calendar.working_days_between(start, wanted), 0) / 5.0


def operation_hours(request, part, machine):
    """Set-up hours per batch, plus run hours where a cycle time is given.

    A part's one cycle time is split evenly over its routing (laser plus press brake
    do not take the whole cycle each)."""
    batches = request.get("batches") or 1
    setup = machine["setup_h"] * batches
    run = None
    cycle = part.get("cycle_time_min")
    quantity = request.get("quantity")
    if cycle is not None and quantity is not None:
        run = cycle / max(len(part.get("processes") or ()), 1) * quantity * \
            (part.get("quantity") or 1) / 60.0
    return {"setup": setup, "run": run, "total": setup + (run or 0.0)}


DERIVED_FIELDS = {
    ("request", "weeks_available"): "working weeks (the shop's working days / 5) from the "
                                    "date screened from (as_of, else the request's date) "
                                    "to the wanted date",
    ("part", "pieces"): "request.quantity x part.quantity: pieces of this part per order",
    ("part", "max_dimension_mm"): "the largest of size_mm, or of diameter_mm and length_mm",
    ("part", "material_family"): "the family of the part's material in the catalogue "
                                 "(aluminium, steel, stainless, titanium, plastic ...)",
    ("part", "material_heat_treatable"): "the catalogue's heat_treatable of the part's "
                                         "material: an aluminium alloy sold in the T "
                                         "tempers (6xxx, 7xxx), or only in O and H (5xxx)",
    ("part", "material_medical_grade"): "the catalogue's medical_grade of the part's "
                                        "material: a grade its maker supplies with "
                                        "biocompatibility evidence for medical devices "
                                        "(implant-grade PEEK); false for every other "
                                        "known material",
    ("part", "treatment_kinds"): "the catalogue kinds of the part's surface treatments "
                                 "(coating, heat, cleaning, marking): 'heat' for every "
                                 "hardening, a shop's own too",
    ("part", "coating_build_up_um"): "the largest layer (µm a face) a coating of the "
                                     "part's applied after the measuring builds up: the "
                                     "upper end of the treatment's build_up_um in the "
                                     "catalogue; 0 without one",
    ("part", "material_kg"): "kilograms of stock all the part's pieces take (as the "
                             "quote's material line estimates them)",
    ("part", "material_kg_in_request"): "kilograms of stock of the part's material that "
                                        "all the request's parts in it take together "
                                        "(not those of a part that cannot be made here)",
    ("part", "stock_held_kg"): "what the shop keeps in stock of the part's material "
                               "(provider.stock_kg)",
    ("part", "in_stock"): "false where the part's material is not in "
                          "provider.stocked_materials, or the request takes more of it "
                          "than provider.stock_kg holds; else true",
    ("part", "made_by_customer"): "machine time: the customer's own staff operate our "
                                  "machines (request.customer_operates_machine) and one "
                                  "of the part's processes is one our machines do "
                                  "(provider.processes); false for a part only partners "
                                  "make, which is ours to deliver, and where our own "
                                  "staff operate the machines",
    ("request", "machine_time_only"): "the customer's own staff make every part on our "
                                      "machines (each part's made_by_customer): no part "
                                      "is ours to deliver",
    ("provider", "processes"): "the processes of the shop's own machines (equipment file)",
    ("provider", "execution_class"): "the highest EN 1090 execution class (exc1 .. exc4) "
                                     "the shop's certifications state (their catalogue "
                                     "execution_class); 'none' without an EN 1090 "
                                     "certificate",
    **SCHEDULE_FIELDS,
}


def fact_fields(questionnaire) -> dict:
    """scope -> the names of the fields its facts can have: the questionnaire's questions
    (request, part), the equipment schema (provider, machine), a candidate's own and the
    derived fields above.  A condition that reads any other name reads a typo."""
    from producibility.inputs import schema as schemas
    equipment = schemas.shipped("equipment")
    fields = {
        "request": set(questionnaire.fields("request")) | {"parts"},
        "part": set(questionnaire.fields("part")),
        "provider": set(equipment["properties"]["provider"]["properties"]),
        "machine": set(equipment["$defs"]["machine"]["properties"]),
        "candidate": {"process", "marginal", "close_to", "bar_fed"},
    }
    for scope, name in DERIVED_FIELDS:
        fields[scope].add(name)
    return fields


# The questions to ask when a derived field is unknown.
DERIVED_FROM = {
    ("request", "weeks_available"): (("request", "wanted_date"),),
    ("part", "pieces"): (("request", "quantity"),),
    ("part", "max_dimension_mm"): (("part", "size_mm"),),
    ("part", "material_family"): (("part", "material"),),
    ("part", "material_heat_treatable"): (("part", "material"),),
    ("part", "material_medical_grade"): (("part", "material"),),
    ("part", "treatment_kinds"): (("part", "surface_treatment"),),
    ("part", "coating_build_up_um"): (("part", "surface_treatment"),),
    ("part", "material_kg"): (("part", "size_mm"),),
    ("part", "material_kg_in_request"): (("part", "size_mm"),),
    ("part", "in_stock"): (("part", "material"),),
    ("part", "made_by_customer"): (("request", "customer_operates_machine"),
                                   ("part", "processes")),
    ("request", "machine_time_only"): (("request", "customer_operates_machine"),),
}


def derive(request, as_of, calendar=PLAIN, provider=None, catalogue=None, costing=None,
           machines=(), bars=None):
    """Add the derived fields (DERIVED_FIELDS) that rules may read (``calendar``: the
    shop's working days, which ``weeks_available`` counts; ``provider``, ``catalogue``
    and the pack's ``costing`` settings: for the stock facts, none without them;
    ``machines``: the shop's, whose bar capacities say which parts are made from bar)."""
    request = dict(request)
    window = _capacity_window(request, as_of, calendar)
    if window is not None:
        request["weeks_available"] = round(window, 1)
    request["parts"] = [derive_part(part, request, catalogue) for part in request["parts"]]
    if provider is not None:
        machine_time(request, provider)
    if provider is not None and costing is not None:
        stock_facts(request, provider, catalogue, costing, machines=machines, bars=bars)
    return request


def machine_time(request, provider) -> None:
    """Give ``request`` and its parts who makes them (DERIVED_FIELDS): a part's
    ``made_by_customer`` where the customer's own staff operate our machines and one of
    its processes is one of ours (``provider.processes``), false for a part only partners
    make or where our own staff operate them (unknown, left out, while it is not known
    whether the customer operates them, or what a part's processes are); the request's
    ``machine_time_only`` where every part is so made."""
    operates = request.get("customer_operates_machine")
    if not isinstance(operates, bool):
        return
    ours = set(provider.get("processes") or ())
    made = []
    for part in request["parts"]:
        processes = part.get("processes")
        if not operates:
            part["made_by_customer"] = False
        elif isinstance(processes, list):
            part["made_by_customer"] = bool(ours.intersection(processes))
        made.append(part.get("made_by_customer"))
    if False in made or not operates:
        request["machine_time_only"] = False
    elif made and all(made):
        request["machine_time_only"] = True


def derive_part(part, request, catalogue=None):
    """A copy of ``part`` with the derived fields of its own answers and the request's
    quantity (not the stock facts, which count the request's parts together)."""
    part = dict(part)
    if request.get("quantity") is not None:
        part["pieces"] = request["quantity"] * (part.get("quantity") or 1)
    sizes = list(part.get("size_mm") or []) + [
        part[k] for k in ("diameter_mm", "length_mm") if part.get(k) is not None]
    if sizes:
        part["max_dimension_mm"] = max(sizes)
    if catalogue is not None and isinstance(part.get("material"), str):
        # the family (a rule keyed on 'aluminium' holds for every aluminium alloy,
        # a shop's own 7020 too) and whether it is heat-treatable
        part.update(catalogue.material_facts(part["material"]))
    if catalogue is not None:
        # what the catalogue says of its treatments: a hardening's kind (heat), a
        # coating's build-up on a fit measured before it
        part.update(catalogue.treatment_facts(part.get("surface_treatment")))
    return part


_NONE = MappingProxyType({})


class Inferred(NamedTuple):
    """What the engine concluded for one request: the input to the conclusions.

    Immutable and detached from the engine, which the next request reuses."""

    request: dict                # the request with its derived fields
    parts: dict                  # part id -> part
    machines: dict               # machine id -> machine
    window: object               # working weeks from as_of to the wanted date, or None
    as_of: object                # the date counted from: given (--as-of), else the request's
    hits: tuple                  # Hit per rule that fired, was unknown or failed
    fits: Mapping                # (part, process, machine) -> FitResult that fits
    rejections: Mapping          # (part, process, machine) -> reasons it does not fit
    no_machine: tuple            # (part, process) that no machine fits
    undecidable: tuple           # (part, None, fields) that cannot be judged at all
    unchecked: frozenset         # (part or None, field) the fit could not check
    flags_true: Mapping          # flag -> subjects where it holds
    flags_unknown: Mapping       # flag -> {subject: open questions} where undecided
    subcontracts: Mapping = _NONE
    # (part, process) -> (partner id, FitResult): operations only a partner does
    overflow: Mapping = _NONE
    # (part, process) -> (partner id, FitResult): a partner that does an operation own
    # machines fit too, should they lack the hours before the wanted date
    routes: Mapping = _NONE
    # part -> ((process, finishing process added after it), ...): see compile_engine.route
    unfinished: Mapping = _NONE
    # part -> ((process, finishing process it needs that no machine or partner does), ...)
    provider: Mapping = _NONE    # the equipment file's provider (derived fields included)
    schedule_tables: tuple = ()
    # (layer, scope, RuleTable) of the schedule stage, in order: see :func:`schedule`
    bars: Mapping = _NONE
    # part -> the bar of its chosen machine the stock facts took (stock.chosen_bars)


def ruled_out(inferred) -> frozenset:
    """The parts with an operation some machine fits whose every fitting machine a
    candidate-scope blocker that fired rules out (``assignment.candidate_blockers``):
    they cannot be made here (the assignment's ``ruled_out``, ``Placement.not_made``)."""
    blocked = {(h.subject, h.process, h.machine) for h in inferred.hits
               if h.outcome == "fired" and h.rule.scope == "candidate"
               and h.rule.then.get("blocker")}
    if not blocked:
        return frozenset()
    fitting: dict = {}
    for (pid, process, mid) in inferred.fits:
        fitting.setdefault((pid, process), []).append(mid)
    return frozenset(pid for (pid, process), mids in fitting.items()
                     if all((pid, process, mid) in blocked for mid in mids))


class Inference:
    """One reusable engine instance for a pack set and an equipment catalogue."""

    def __init__(self, pack, equipment):
        self.pack = pack
        self.equipment = equipment
        experta_speed.install_for_first_engine()  # before experta builds a network
        with gc_paused():
            self.engine_class = compile_engine(pack, equipment)
            self.engine = self.engine_class()

    def run(self, request, as_of, bars=None):
        """Screen one request: the Inferred facts.  The cyclic garbage collector
        waits meanwhile: a run makes thousands of short-lived objects (contexts,
        hits, tokens) that reference counting frees, and the collector would only
        rescan the young ones again and again (5 % of a run at 5,000 rules).
        ``bars``: part id -> the bar of its chosen machine (``stock.chosen_bars``), for
        the stock facts."""
        with gc_paused():
            return self._run(request, as_of, bars)

    def _run(self, request, as_of, bars=None):
        """One run of the engine; again where a candidate-scope blocker rules out every
        machine that fits one of a part's operations (:func:`ruled_out`): such a part
        cannot be made here either (no partner takes an operation a machine of ours
        fits), so it buys no material, and the others' stock facts leave it out as they
        leave out a part no machine fits.  Again until the parts so ruled out are those
        left out (each run from the start: a rule may read the stock), at most once per
        part; where the parts left out give no kilograms, the stock is the same and so is
        the run, which is not made again."""
        left_out = frozenset()
        inferred = self._once(request, as_of, left_out, bars)
        for _ in range(len(inferred.parts)):
            found = ruled_out(inferred)
            if found == left_out or not any(
                    inferred.parts[pid].get("material_kg") for pid in found ^ left_out):
                break
            left_out = found
            inferred = self._once(request, as_of, left_out, bars)
        return inferred

    def _once(self, request, as_of, left_out, bars=None):
        engine = self.engine
        engine.reset()
        machines = tuple(engine.machines.values())
        request = derive(request, as_of, engine.calendar, engine.provider, engine.catalogue,
                         engine.costing, machines, bars)
        routes, unfinished = {}, {}
        if engine.route is not None:
            for part in request["parts"]:
                processes, added, lacking = engine.route(part)
                if added:
                    part["processes"] = processes
                    routes[str(part["id"])] = tuple(added)
                if lacking:
                    unfinished[str(part["id"])] = tuple(lacking)
            if routes:  # a finishing operation's stock allowance counts too
                stock_facts(request, engine.provider, engine.catalogue, engine.costing,
                            machines=machines, bars=bars)
        engine.begin(request, as_of)
        unmade = engine.judge_fits() | left_out
        if unmade:  # a part that cannot be made here buys no material: the others' stock
            stock_facts(request, engine.provider, engine.catalogue, engine.costing, unmade,
                        machines, bars)
        facts = [Request(id=REQUEST_ID)]
        for pid, part in engine.parts.items():
            facts.append(Part(id=pid))
            if not part.get("processes"):
                engine.undecidable.append((pid, None, ("processes",)))
        if engine.layers:
            facts.append(Layer(n=0))
        engine.declare(*facts)
        engine.run()
        # One order whatever the agenda did: rule, subject, operation.
        engine.hits.sort(key=lambda h: (h.rule.id, h.subject, h.process or "",
                                        h.machine or ""))
        return Inferred(
            request=engine.request, parts=engine.parts, machines=engine.machines,
            window=engine.window, as_of=as_of or request.get("date"), hits=tuple(engine.hits),
            fits=MappingProxyType(engine.fits), rejections=MappingProxyType(engine.rejections),
            no_machine=tuple(engine.no_machine), undecidable=tuple(engine.undecidable),
            unchecked=frozenset(engine.unchecked),
            flags_true=MappingProxyType(engine.flags_true),
            flags_unknown=MappingProxyType(engine.flags_unknown),
            subcontracts=MappingProxyType(engine.subcontracts),
            overflow=MappingProxyType(engine.overflow),
            routes=MappingProxyType(routes), unfinished=MappingProxyType(unfinished),
            provider=engine.provider,
            schedule_tables=engine.schedule_tables, bars=MappingProxyType(dict(bars or {})))
