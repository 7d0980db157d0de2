"""Infer: the experta engine that screens one request.

``compile_engine(pack, equipment)`` builds one engine class per loaded pack
set and equipment catalogue; :class:`Inference` reuses one instance of it for
every request (reset, declare, run, collect).

How the work is split, after measuring experta (see README, "Speed"):

* Facts are what some rule reads: ``Request``, ``Part``, ``Operation`` (a
  part needing a process), ``Fits`` (some machine fits an operation), ``Flag``,
  and ``Candidate`` (an operation on one machine that fits) when a
  flag-dependent candidate rule joins on it.  Field values live in a side
  table keyed by id, so the facts the network matches stay small.  Findings
  and rejections are conclusions: the engine records them (``hits``,
  ``rejections``) with their traces instead of declaring facts that no rule
  would ever match (each declare is a pass through the network).
* Equipment fit is the rule ``judge_part``: for each operation of a Part it
  judges the machines of that process (indexed once per catalogue), records
  each fitting machine and why each other one does not fit, runs the
  flag-free candidate rules on each fitting machine and declares ``Fits``;
  then it runs the flag-free part rules, all in one firing.  ``no_machine``
  then finds, by negation, every operation that no machine fits: a blocker.
* Rules without flags are grouped per scope into one experta rule that runs
  their precompiled conditions as a table: one activation per fact instead of
  one per rule (12-16x faster at 1,000 rules).  The table's alpha index
  (alpha.py) skips rules whose first test fails, as RETE's alpha network does.
  Rules with ``requires`` or ``unless`` become experta rules of their own that
  join on Flag facts and negate them; their salience follows the flag
  dependency order so a negation is only tested after every rule that could
  set the flag has run.
"""

import datetime

from . import fit
from .alpha import RuleTable
from .expressions import UNKNOWN, ExpressionError, evaluate
from .experta_compat import AS, MATCH, NOT, Fact, KnowledgeEngine, Rule
from .errors import InputError
from .load import gc_paused

GLOBAL = "request"  # subject of flags set by request- and provider-scope rules


class Request(Fact):
    pass


class Part(Fact):
    pass


class Operation(Fact):
    pass


class Candidate(Fact):
    pass


class Flag(Fact):
    pass


class Fits(Fact):
    """At least one machine fits this part operation (what ``no_machine`` negates)."""


SALIENCE_FIT = 1000
SALIENCE_NO_MACHINE = 900
STRATUM_STEP = 1000


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


def _stratify(rules):
    """Order of flag dependencies: a rule comes after every setter of its flags."""
    setters = {}
    for rule in rules:
        flag = rule.then.get("flag")
        if flag:
            setters.setdefault(flag, []).append(rule)
    stratum, visiting = {}, set()

    def level(rule):
        if rule.id in stratum:
            return stratum[rule.id]
        if rule.id in visiting:
            raise InputError(f"rule {rule.id}: its flags depend on itself "
                             "(requires/unless form a cycle)", rule.path, rule.line)
        visiting.add(rule.id)
        deps = [level(s) for f in rule.requires + rule.unless for s in setters.get(f, [])]
        visiting.discard(rule.id)
        stratum[rule.id] = 1 + max(deps) if deps else (1 if rule.requires or rule.unless else 0)
        return stratum[rule.id]

    for rule in rules:
        level(rule)
    return stratum, setters


def _values(compiled, context):
    """The facts a condition read, for the finding's trace."""
    out = {}
    for scope, name in compiled.fields:
        facts = context.get(scope)
        value = None if facts is None else facts.get(name)
        out[f"{scope}.{name}"] = value
    return out


def compile_engine(pack, equipment):
    """Build the engine class for one pack set and one equipment catalogue."""
    fit_settings = pack.settings["fit"]
    index = equipment.by_process()
    machines = {m["id"]: m for m in equipment.machines}
    stratum, setters = _stratify(pack.rules)
    # A flag set by request/provider rules holds for the whole request (subject
    # GLOBAL); set by part rules it holds per part.  A flag can be both.
    global_set = {f for f, rs in setters.items()
                  if any(r.scope in ("request", "provider") for r in rs)}
    part_set = {f for f, rs in setters.items() if any(r.scope == "part" for r in rs)}
    tables = {"request": [], "provider": [], "part": [], "candidate": []}
    namespace = {}

    def run_rule(engine, rule, subject, context, machine=None, process=None, new=None):
        """Evaluate one rule: a Hit for the conclusions, and its Flag fact to ``new``."""
        try:
            outcome = evaluate(rule.when, context)
        except ExpressionError as exc:
            engine.hits.append(Hit(rule, subject, "error", error=str(exc), machine=machine,
                                   process=process, values=_values(rule.when, context)))
            return
        if outcome is UNKNOWN:
            engine.hits.append(Hit(rule, subject, "unknown",
                                   missing=rule.when.missing(context), machine=machine,
                                   process=process))
            return
        if not outcome:
            return
        engine.hits.append(Hit(rule, subject, "fired", machine=machine, process=process,
                               context=context))
        flag = rule.then.get("flag")
        if flag:
            flag_subject = GLOBAL if rule.scope in ("request", "provider") else subject
            new.append(Flag(name=flag, subject=flag_subject))

    # ---- equipment fit, inside the engine
    def judge_operation(self, part_id, process, new):
        part = self.parts[part_id]
        any_fit = False
        for machine in index.get(process, ()):
            result = fit.check(part, process, machine, fit_settings)
            if result.fits:
                capacity = self.capacity(part, machine)
                if capacity:
                    result.rejections.append(capacity)
            if result.fits:
                if candidate_facts:
                    new.append(Candidate(part=part_id, process=process, machine=machine["id"],
                                         marginal=bool(result.marginal),
                                         provisional=bool(result.unchecked)))
                any_fit = True
                self.fits[(part_id, process, machine["id"])] = result
                if candidate_table.rules:
                    # flag-free candidate rules judge the machine right here
                    context = self.context("candidate", part_id, machine["id"], process)
                    for rule in candidate_table.candidates(context):
                        run_rule(self, rule, part_id, context, machine["id"], process, new)
            else:
                self.rejections[(part_id, process, machine["id"])] = result.rejections
            for name in result.unchecked:
                self.unchecked.add((part_id, name))
        if any_fit:
            new.append(Fits(part=part_id, process=process))
        # The operation after its Fits: "no machine" (Operation and no Fits) then
        # never activates just to be taken back.
        new.append(Operation(part=part_id, process=process))

    def judge_part(self, subject):
        """The fit of every operation of the part, then the flag-free part rules:
        one firing per part, one declare of all it concluded."""
        new = []
        for process in self.parts[subject].get("processes") or ():
            judge_operation(self, subject, process, new)
        if part_table.rules:
            context = self.context("part", subject)
            for rule in part_table.candidates(context):
                run_rule(self, rule, subject, context, None, None, new)
        if new:
            self.declare(*new)

    namespace["judge_part"] = Rule(Part(id=MATCH.subject), salience=SALIENCE_FIT)(judge_part)

    def no_machine(self, pid, process):
        self.no_machine.append((pid, process))

    namespace["no_machine"] = Rule(
        Operation(part=MATCH.pid, process=MATCH.process),
        NOT(Fits(part=MATCH.pid, process=MATCH.process)),
        salience=SALIENCE_NO_MACHINE)(no_machine)

    # ---- rule-pack rules
    def subject_pattern(rule):
        if rule.scope in ("request", "provider"):
            return Request(id=MATCH.subject)
        if rule.scope == "part":
            return Part(id=MATCH.subject)
        return Candidate(part=MATCH.subject, machine=MATCH.machine, process=MATCH.process)

    def flag_alternatives(rule, name):
        """The Flag patterns any one of which makes the flag hold for this rule."""
        if rule.scope in ("request", "provider"):
            # for the whole request: set globally, or for any part
            return [Flag(name=name)]
        out = []
        if name in part_set:
            out.append(Flag(name=name, subject=MATCH.subject))
        if name in global_set:
            out.append(Flag(name=name, subject=GLOBAL))
        return out


    def unless_patterns(rule, name):
        return [NOT(p) for p in flag_alternatives(rule, name)]

    for rule in pack.rules:
        if stratum[rule.id] == 0:
            tables[rule.scope].append(rule)
            continue
        negations = [p for f in rule.unless for p in unless_patterns(rule, f)]
        # A required flag that can hold in two ways (globally or for the part) gives
        # one experta rule per combination: the disjunctive normal form, written out.
        variants = [[]]
        for name in rule.requires:
            variants = [v + [alt] for v in variants for alt in flag_alternatives(rule, name)]

        def make(rule):
            def fire(self, subject, machine=None, process=None):
                if (rule.id, subject, machine) in self.done:
                    return  # a global rule matched by several part flags
                if rule.scope == "part" and subject not in self.parts:
                    return  # a per-part Flag pattern that met the request-wide flag
                self.done.add((rule.id, subject, machine))
                new = []
                run_rule(self, rule, subject, self.context(rule.scope, subject, machine,
                                                          process), machine, process, new)
                if new:
                    self.declare(*new)
            fire.__name__ = "rule_" + rule.id.replace("-", "_")
            return fire

        for n, required in enumerate(variants):
            fire = make(rule)
            # A per-part Flag already names the part: no need to join it with Part.
            binds_subject = rule.scope == "part" and any(
                not isinstance(p.get("subject", GLOBAL), str) for p in required)
            head = [] if binds_subject else [subject_pattern(rule)]
            namespace[f"{fire.__name__}_{n}"] = Rule(
                *head, *required, *negations,
                salience=rule.priority - STRATUM_STEP * stratum[rule.id])(fire)

    def make_table(scope, rules):
        rule_table = RuleTable(sorted(rules, key=lambda r: (-r.priority, r.id)))

        def table(self, subject, machine=None, process=None):
            context = self.context(scope, subject, machine, process)
            new = []  # declared together: one agenda update per table, not per rule
            for rule in rule_table.candidates(context):
                run_rule(self, rule, subject, context, machine, process, new)
            if new:
                self.declare(*new)
        table.__name__ = f"table_{scope}"
        return table

    candidate_table = RuleTable(sorted(tables.pop("candidate"),
                                       key=lambda r: (-r.priority, r.id)))
    part_table = RuleTable(sorted(tables.pop("part"), key=lambda r: (-r.priority, r.id)))
    # One Candidate fact per fitting machine only when a flag-dependent candidate rule
    # must join on it; otherwise the fit rule's own records serve the conclusions.
    candidate_facts = any(r.scope == "candidate" and stratum[r.id] > 0 for r in pack.rules)
    for scope, rules in tables.items():
        if not rules:
            continue
        pattern = subject_pattern(rules[0])
        namespace[f"table_{scope}"] = Rule(pattern, salience=0)(make_table(scope, rules))

    engine_class = type("ProducibilityEngine", (_EngineBase,), namespace)
    engine_class.machines = machines
    engine_class.provider = equipment.provider
    return engine_class


class _EngineBase(KnowledgeEngine):
    machines = {}
    provider = {}

    def run(self, steps=float("inf")):
        """experta's own loop, minus its tracing: KnowledgeEngine.run formats every
        fired activation's facts as text for a log line, whether or not anything
        logs (about a tenth of a screening).  Same agenda, same order."""
        self.running = True
        while steps > 0 and self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            activation.rule(self, **{k: v for k, v in activation.context.items()
                                     if not k.startswith("__")})
        self.running = False

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
        self.hits, self.no_machine, self.done, self.unchecked = [], [], set(), set()
        self.fits, self.rejections = {}, {}
        self.undecidable = []
        self._contexts = {}
        self.window = _capacity_window(request, as_of)

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
                                    "marginal": bool(result and result.marginal)}
            self._contexts[key] = ctx
        return ctx

    def capacity(self, part, machine):
        """Why a machine lacks the free hours, or None; unknown dates -> None."""
        hours = operation_hours(self.request, part, machine)
        if self.window is None:
            self.unchecked.add((None, "wanted_date"))
            return None
        weeks = self.window
        free = machine["free_h_per_week"] * weeks
        if hours["total"] > free:
            return fit.Reason("capacity", hours=f"{hours['total']:.1f}", free=f"{free:.1f}",
                              weeks=f"{weeks:.1f}")
        return None


def _capacity_window(request, as_of):
    wanted = request.get("wanted_date")
    if not wanted:
        return None
    start = request.get("date") or as_of
    days = (datetime.date.fromisoformat(wanted) - datetime.date.fromisoformat(start)).days
    return max(days, 0) / 7.0


def operation_hours(request, part, machine):
    """Set-up hours per batch, plus run hours where a cycle time is given."""
    batches = request.get("batches") or 1
    setup = machine["setup_h"] * batches
    run = None
    cycle = part.get("cycle_time_min")
    quantity = request.get("quantity")
    if cycle is not None and quantity is not None:
        run = cycle * quantity * (part.get("quantity") or 1) / 60.0
    return {"setup": setup, "run": run, "total": setup + (run or 0.0)}


DERIVED_FIELDS = {
    ("request", "weeks_available"): "weeks between the request date (or today) and the wanted date",
    ("part", "pieces"): "request.quantity x part.quantity: pieces of this part per order",
    ("part", "max_dimension_mm"): "the largest of size_mm, or of diameter_mm and length_mm",
}


# The questions to ask when a derived field is unknown.
DERIVED_FROM = {
    ("request", "weeks_available"): (("request", "wanted_date"),),
    ("part", "pieces"): (("request", "quantity"),),
    ("part", "max_dimension_mm"): (("part", "size_mm"),),
}


def derive(request, as_of):
    """Add the derived fields (DERIVED_FIELDS) that rules may read."""
    request = dict(request)
    window = _capacity_window(request, as_of)
    if window is not None:
        request["weeks_available"] = round(window, 1)
    parts = []
    for part in request["parts"]:
        part = dict(part)
        if request.get("quantity") is not None:
            part["pieces"] = request["quantity"] * (part.get("quantity") or 1)
        sizes = list(part.get("size_mm") or []) + [
            part[k] for k in ("diameter_mm", "length_mm") if part.get(k) is not None]
        if sizes:
            part["max_dimension_mm"] = max(sizes)
        parts.append(part)
    request["parts"] = parts
    return request


class Inference:
    """One reusable engine instance for a pack set and an equipment catalogue."""

    def __init__(self, pack, equipment):
        self.pack = pack
        self.equipment = equipment
        with gc_paused():
            self.engine_class = compile_engine(pack, equipment)
            self.engine = self.engine_class()

    def run(self, request, as_of):
        engine = self.engine
        engine.reset()
        engine.begin(derive(request, as_of), as_of)
        facts = [Request(id=GLOBAL)]
        for pid, part in engine.parts.items():
            facts.append(Part(id=pid))
            if not part.get("processes"):
                engine.undecidable.append((pid, None, ("processes",)))
        engine.declare(*facts)
        engine.run()
        return engine
