"""The two baselines the engine is measured against, and result extraction.

* ``Plain``: the same work without an engine: for every part operation, every
  machine of that process is judged with ``producibility.engine.fit.check``, and every
  rule's compiled condition
  ``rule.when`` is evaluated with ``producibility.conditions.expressions.evaluate`` on the
  same contexts, layer by layer, three-valued, with typed flag subjects.  The floor.
* ``ClipsPort``: the same rules as CLIPS defrules through clipspy: the fit join
  (operation x machine of that process, material in the machine's materials,
  sorted sizes within the envelope, tolerance, roughness; an operation no machine fits
  judged again with the tolerance or roughness another operation reaches excused), the
  "no machine" negation, and every pack rule translated mechanically from its
  ``when:`` text (comparisons, ``in`` lists, and/or/not, ``is (un)defined``,
  flags as ``requires``/``unless`` patterns).  Static facts (provider, processes,
  machines, sheet thickness limits) are deffacts, so ``reset`` brings them back.

All three produce the same result shape so they can be compared:
``(candidates, findings)`` with candidates ``{(part, process, machine,
marginal)}`` and findings ``{(rule, subject, machine or "-")}``.
"""

from producibility.engine import fit
from producibility.conditions.expressions import UNKNOWN, ExpressionError, evaluate
from producibility.engine.infer import REQUEST, derive, layers, stages
from producibility.model.catalogue import default_catalogue
from producibility.model.stock import bar_stock, stock_facts

try:  # optional: the CLIPS baseline
    import clips
except ImportError as exc:  # pragma: no cover
    clips = None
    CLIPS_MISSING = f"clipspy not importable ({exc}); pip install clipspy"
else:
    CLIPS_MISSING = None


# ------------------------------------------------------------------ producibility
def engine_results(engine):
    """(candidates, findings) from an Inference engine after run()."""
    cands = {(pid, proc, mid, bool(r.marginal)) for (pid, proc, mid), r in engine.fits.items()}
    findings = {(h.rule.id, h.subject, h.machine or "-") for h in engine.hits
                if h.outcome == "fired"}
    findings |= {("FIT-NO-MACHINE", pid, "-") for pid, _ in engine.no_machine}
    errors = [(h.rule.id, h.error) for h in engine.hits if h.outcome == "error"]
    return cands, findings, errors


def cannot_make(no_machine, parts, partners, settings):
    """The parts that cannot be made here, from the operations no machine fits
    (``no_machine``: (part id, process)): those no partner does either.  Such a part
    buys no material: the engine works the stock facts out without it (infer.judge_fits,
    model/stock.py), before any rule reads them."""
    fitter = fit._default_fitter(settings)
    return {pid for pid, process in no_machine
            if not any(fitter.check(parts[pid], process,
                                    fit.partner_as_machine(partner, parts[pid]),
                                    known_only=True).fits
                       for partner in partners.get(process, ()))}


def engine_run_rules(rules, layer):
    """The rules of the engine's run, which the baselines port: not the schedule stage's
    (infer.stages), which run after the lead-time chain, outside what is timed here."""
    stage = stages(rules, layer)
    return [r for r in rules if not stage[r.id]]


# ------------------------------------------------------------------ plain Python
class Plain:
    """The written meaning (README, "How rules are evaluated") in plain loops: layers
    in order, three-valued conditions and flags, typed subjects; a part's rules see
    flags of the request and of that part, the request's rules see flags of the
    request and of any part.  No index, no engine."""

    def __init__(self, pack, equipment):
        # the equipment as the Screener checks it against the packs' catalogue: names
        # resolved and the provider's derived facts made (provider.execution_class)
        equipment = equipment.checked(pack.catalogue or default_catalogue())
        self.settings = pack.settings["fit"]
        self.index = equipment.by_process()
        self.partners = equipment.partners_by_process()
        self.provider = equipment.provider
        self.calendar = equipment.calendar
        self.stock = (equipment.provider, pack.catalogue or default_catalogue(),
                      pack.settings["costing"])  # derive's stock facts
        layer, _ = layers(pack.rules)
        rules = engine_run_rules(pack.rules, layer)
        top = max((layer[r.id] for r in rules), default=0)
        self.layers = [[r for r in rules if layer[r.id] == n] for n in range(top + 1)]

    def run(self, request, as_of):
        req = derive(request, as_of, self.calendar, *self.stock)
        settings, index, provider = self.settings, self.index, self.provider
        base = {"request": req, "provider": provider}
        subjects = {"request": [("request", None, base)],
                    "provider": [("request", None, base)], "part": [], "candidate": []}
        cands, findings = set(), set()
        parts, no_machine = [], []
        for part in req["parts"]:
            pid = str(part["id"])
            parts.append(pid)
            pctx = {"request": req, "provider": provider, "part": part}
            subjects["part"].append((pid, None, pctx))
            for process in part.get("processes") or ():
                found = False
                for machine in index.get(process, ()):
                    result = fit.check(part, process, machine, settings, index)
                    if not result.fits:
                        continue
                    found = True
                    marginal = bool(result.marginal)
                    cands.add((pid, process, machine["id"], marginal))
                    subjects["candidate"].append((pid, machine["id"], {
                        "request": req, "provider": provider, "part": part,
                        "machine": machine,
                        "candidate": {"process": process, "marginal": marginal,
                                      "bar_fed": bar_stock(part, process, machine,
                                                           self.stock[1]) is not None}}))
                if not found:
                    findings.add(("FIT-NO-MACHINE", pid, "-"))
                    no_machine.append((pid, process))
        unmade = cannot_make(no_machine, {str(p["id"]): p for p in req["parts"]},
                             self.partners, settings) if no_machine else ()
        if unmade:  # a part that cannot be made here buys no material
            stock_facts(req, *self.stock, unmade)
        true, unknown = set(), set()   # (flag, typed subject)

        def value(name, part):
            """A flag as a rule of the request (part None) or of a part sees it."""
            if part is None:
                owners = [REQUEST] + [("part", p) for p in parts]
            else:
                owners = (REQUEST, ("part", part))
            if any((name, o) in true for o in owners):
                return True
            if any((name, o) in unknown for o in owners):
                return UNKNOWN
            return False

        for rules in self.layers:
            for rule in rules:
                when, flag = rule.when, rule.then.get("flag")
                reads_part = rule.scope in ("part", "candidate")
                for subject, machine, ctx in subjects[rule.scope]:
                    part = subject if reads_part else None
                    undecided = False
                    if rule.requires or rule.unless:
                        outcome = True
                        for f in rule.requires:
                            v = value(f, part)
                            if v is False:
                                outcome = False
                                break
                            undecided |= v is UNKNOWN
                        if outcome is False:
                            continue
                        for f in rule.unless:
                            v = value(f, part)
                            if v is True:
                                outcome = False
                                break
                            undecided |= v is UNKNOWN
                        if outcome is False:
                            continue
                    try:
                        outcome = evaluate(when, ctx)
                    except ExpressionError:
                        outcome = UNKNOWN
                    if outcome is False:
                        continue
                    if outcome is True and not undecided:
                        findings.add((rule.id, subject, machine or "-"))
                        if flag:
                            true.add((flag, REQUEST if not reads_part else ("part", subject)))
                    elif flag:
                        unknown.add((flag, REQUEST if not reads_part else ("part", subject)))
        return cands, findings


# ------------------------------------------------------------------ CLIPS
EPS = fit.EPS

# The provider's derived fields that are lists (the others are one value each).
PROVIDER_LISTS = ("processes",)
# The part's derived fields that are lists (the kinds of its treatments).
PART_LISTS = ("treatment_kinds",)


def _templates():
    """CLIPS deftemplates: request and part slots from the questionnaire (plus
    derived fields), provider and machine slots from the equipment schema,
    plus the internal slots the fit rules use."""
    from producibility.inputs import schema as schemas
    from producibility.engine.infer import DERIVED_FIELDS
    from producibility.model.questionnaire import load_questionnaire
    qn = load_questionnaire()
    out = {}
    for scope, internal in (("request", ["n_parts"]),
                            ("part", ["d1", "d2", "d3"])):
        slots, multi = [], []
        for q in qn.questions:
            if q.scope == scope:
                (multi if q.type in ("multi_choice", "dimensions") else slots).append(q.id)
        derived = [f for s, f in DERIVED_FIELDS if s == scope]
        multi += [f for f in derived if f in PART_LISTS and f not in multi]
        slots += [f for f in derived if f not in PART_LISTS and f not in slots]
        # "given": the list fields that are answered (an empty multislot is not
        # an unanswered question)
        out[scope] = (slots + internal, multi + ["given"])
    eq = schemas.shipped("equipment")
    props = {"provider": eq["properties"]["provider"]["properties"],
             "machine": eq["$defs"]["machine"]["properties"]}
    for scope, internal in (("provider", []),
                            ("machine", ["process", "family", "e1", "e2", "e3",
                                         "lim_diameter", "lim_length"])):
        slots, multi = [], []
        for name, spec in props[scope].items():
            while "$ref" in spec and "type" not in spec:   # "#/$defs/names" and the like
                spec = eq["$defs"].get(spec["$ref"].rsplit("/", 1)[-1], {})
            kind = spec.get("type")
            if kind == "array":
                multi.append(name)
            elif kind == "object":
                continue   # max_thickness_mm: mthick facts
            else:
                slots.append(name)
        if scope == "provider":  # derived: provider.processes, a list (model.equipment),
            # and provider.execution_class, one value (model.catalogue.check_equipment)
            derived = [f for s, f in DERIVED_FIELDS if s == scope]
            multi += [f for f in derived if f in PROVIDER_LISTS and f not in multi]
            slots += [f for f in derived if f not in PROVIDER_LISTS and f not in slots]
        out[scope] = (slots + [x for x in internal if x not in slots], multi)
    out.update({
        "mthick": (["machine", "material", "max"], []),
        "operation": (["part", "process", "family"], []),
        # excused: TRUE where the fit stands only because another operation of the part
        # reaches its tolerance or roughness (fit-excuse-*), FALSE where it fits as it is
        # bar_fed: TRUE where the part is made from drawn bar on the machine (the
        # derived stock.bar_stock, asserted from Python as a barfed fact: bar-fed-*)
        "candidate": (["part", "process", "machine", "marginal", "excused", "bar_fed"], []),
        "barfed": (["part", "process", "machine"], []),
        "proc": (["id", "kind"], ["caps", "optional"]),   # PROCESSES, as static facts
        "unmade": (["part", "process"], ["excused"]),      # an operation no machine fits
        "finding": (["rule", "subject", "machine"], []),
        "flag": (["name", "kind", "id"], []),      # typed subject: kind request | part
        "uflag": (["name", "kind", "id"], []),     # a flag whose value is unknown
    })
    return out


TEMPLATES = _templates()
# Slots the fit rules use that rules may not read.
INTERNAL = {"request": {"n_parts", "given"},
            "part": {"d1", "d2", "d3", "given"},
            "machine": {"family", "e1", "e2", "e3", "lim_diameter", "lim_length", "process"}}


# What the fit rules need of each process, written by hand after
# rules/catalogue/processes.yaml: its fit family (which size checks, below in fit_rules),
# its kind (a measuring operation is judged on the tolerance always, and excuses
# none), the part fields it has a capability check on (tolerance, roughness: smaller
# is harder) and of those the ones a machine may leave unstated (machine_optional).
# A process not listed is judged as an envelope with both capabilities.
CAPABILITIES = ("tolerance_mm", "roughness_ra_um")
BOTH = (CAPABILITIES, ("roughness_ra_um",))
PROCESSES = {
    "milling_3axis": ("envelope", "prismatic") + BOTH,
    "milling_5axis": ("envelope", "prismatic") + BOTH,
    "fdm": ("envelope", "additive") + BOTH,
    "sla": ("envelope", "additive") + BOTH,
    "cmm_inspection": ("envelope", "inspection", ("tolerance_mm",), ()),
    "turning": ("turning", "rotational") + BOTH,
    "laser_cutting": ("laser", "sheet") + BOTH,
    "waterjet_cutting": ("laser", "sheet", ("tolerance_mm",), ()),
    "bending": ("bend", "sheet") + BOTH,
    # its envelope is a soft limit, its tolerance machine_optional
    "welding": ("soft", "joining", ("tolerance_mm",), ("tolerance_mm",)),
}
# A laser's or waterjet's blank up to 98 % of the sheet is routine (the sheet check's own
# margin in processes.yaml); the pack's envelope_margin stays for the travels and the
# sheet thickness.
SHEET_MARGIN = 0.98


def family(process):
    return PROCESSES.get(process, ("envelope",))[0]


def process_facts(processes):
    """(proc ...) facts of the processes the machines offer."""
    out = []
    for process in sorted(processes):
        _, kind, caps, optional = PROCESSES.get(process, ("envelope", "other") + BOTH)
        out.append(f"(proc (id {lit(process)}) (kind {kind}) (caps {' '.join(caps)})"
                   f" (optional {' '.join(optional)}))")
    return out


def lit(value):
    """A Python value as CLIPS source text."""
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    if value is None:
        return "nil"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    raise Untranslatable(f"constant {value!r}")


class Untranslatable(Exception):
    pass


def _parse(source):
    from jinja2 import Environment
    from jinja2.parser import Parser
    parser = Parser(Environment(), source, state="variable")
    node = parser.parse_expression()
    if not parser.stream.eos:
        raise Untranslatable(f"trailing text in {source!r}")
    return node


class _Condition:
    """Translate one ``when:`` Jinja expression to a CLIPS boolean expression.

    Two-valued: a scalar field a rule reads (outside ``is defined``) must be
    present, else the rule does not fire -- the same as producibility's
    three-valued logic for conjunctions of comparisons, which is what packs
    and the generated rules use."""

    PREFIX = {"request": "r", "part": "p", "provider": "v", "machine": "m", "candidate": "c"}

    def __init__(self, scope_names):
        self.allowed = scope_names
        self.used = {}      # scope -> {field: var}
        self.guards = []    # scalar vars that must not be nil

    def var(self, scope, name, guard=True, internal_ok=False):
        if scope not in self.allowed:
            raise Untranslatable(f"scope {scope} not readable here")
        if scope == "candidate":
            if name not in ("process", "marginal", "bar_fed"):
                raise Untranslatable(f"candidate.{name}")
            v = f"?c_{name}"
            self.used.setdefault(scope, {})[name] = v
            return v
        slots, multi = TEMPLATES[scope]
        if (name in INTERNAL.get(scope, ()) and not internal_ok) or \
                (name not in slots and name not in multi):
            raise Untranslatable(f"{scope}.{name} has no CLIPS slot")
        v = f"?{self.PREFIX[scope]}_{name}"
        self.used.setdefault(scope, {})[name] = v
        if guard and name in slots and v not in self.guards:
            self.guards.append(v)
        return v

    def multi(self, node):
        from jinja2 import nodes
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            return node.attr in TEMPLATES.get(node.node.name, ((), ()))[1]
        return False

    def value(self, node, guard=True):
        from jinja2 import nodes
        if isinstance(node, nodes.Const):
            return lit(node.value)
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            return self.var(node.node.name, node.attr, guard)
        if isinstance(node, nodes.Getitem) and isinstance(node.node, nodes.Name) \
                and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return self.var(node.node.name, node.arg.value, guard)
        if isinstance(node, (nodes.List, nodes.Tuple)):
            return "(create$ " + " ".join(self.value(n) for n in node.items) + ")"
        ops = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/"}
        if type(node) in ops:
            return f"({ops[type(node)]} {self.value(node.left)} {self.value(node.right)})"
        if isinstance(node, nodes.Neg):
            return f"(- 0 {self.value(node.node)})"
        if isinstance(node, nodes.Filter) and node.name in ("length", "count") \
                and not node.args:
            inner = node.node
            if isinstance(inner, nodes.Getattr) and isinstance(inner.node, nodes.Name) \
                    and (inner.node.name, inner.attr) == ("request", "parts"):
                return self.var("request", "n_parts", internal_ok=True)
            if self.multi(inner):
                return f"(length$ {self.value(inner)})"
        if isinstance(node, nodes.Filter) and node.name == "default" and len(node.args) <= 1:
            inner = self.value(node.node, guard=False)
            fallback = self.value(node.args[0]) if node.args else "nil"
            return f"(if (eq {inner} nil) then {fallback} else {inner})"
        if isinstance(node, (nodes.Const, nodes.Getattr, nodes.Getitem, nodes.And, nodes.Or,
                             nodes.Not, nodes.Test, nodes.Compare)):
            return self.cond(node)
        raise Untranslatable(type(node).__name__ + (f" {node.name}" if hasattr(node, "name")
                                                    else ""))

    def cond(self, node):
        from jinja2 import nodes
        if isinstance(node, nodes.Const):
            return "TRUE" if node.value else "FALSE"
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            return f"(eq {self.value(node)} TRUE)"   # a yes/no answer
        if isinstance(node, nodes.And):
            return f"(and {self.cond(node.left)} {self.cond(node.right)})"
        if isinstance(node, nodes.Or):
            return f"(or {self.cond(node.left)} {self.cond(node.right)})"
        if isinstance(node, nodes.Not):
            return f"(not {self.cond(node.node)})"
        if isinstance(node, nodes.Test):
            if node.name in ("defined", "undefined") and not node.args:
                inner = self.value(node.node, guard=False)
                return f"({'neq' if node.name == 'defined' else 'eq'} {inner} nil)"
            raise Untranslatable(f"test {node.name}")
        if isinstance(node, nodes.Compare):
            out, left_node = [], node.expr
            left = self.value(left_node)
            for op in node.ops:
                right = self.value(op.expr)
                out.append(self.compare(op.op, left, right, left_node, op.expr))
                left, left_node = right, op.expr
            return out[0] if len(out) == 1 else "(and " + " ".join(out) + ")"
        raise Untranslatable(type(node).__name__)

    def compare(self, op, a, b, na, nb):
        from jinja2 import nodes
        numeric = any(isinstance(n, nodes.Const) and isinstance(n.value, (int, float))
                      and not isinstance(n.value, bool) for n in (na, nb))
        if op in ("eq", "ne"):
            fn = ("=" if op == "eq" else "<>") if numeric else ("eq" if op == "eq" else "neq")
            return f"({fn} {a} {b})"
        if op in ("lt", "gt", "lteq", "gteq"):
            return f"({ {'lt': '<', 'gt': '>', 'lteq': '<=', 'gteq': '>='}[op] } {a} {b})"
        if op in ("in", "notin"):
            if not (isinstance(nb, (nodes.List, nodes.Tuple)) or self.multi(nb)):
                raise Untranslatable("'in' on text")
            test = f"(member$ {a} {b})"
            return test if op == "in" else f"(not {test})"
        raise Untranslatable(f"operator {op}")


def _pattern(template, slots, multis, first=()):
    parts = list(first)
    for name, v in slots.items():
        parts.append(f"({name} ${v})" if name in multis else f"({name} {v})")
    return f"({template} {' '.join(parts)})"


# Three-valued helpers (Kleene, as producibility.conditions.expressions): TRUE, FALSE, UNKNOWN;
# a missing scalar is nil, a list field is unanswered unless named in "given".
DEFFUNCTIONS = [
    "(deffunction and3 (?a ?b) (if (or (eq ?a FALSE) (eq ?b FALSE)) then FALSE"
    " else (if (and (eq ?a TRUE) (eq ?b TRUE)) then TRUE else UNKNOWN)))",
    "(deffunction or3 (?a ?b) (if (or (eq ?a TRUE) (eq ?b TRUE)) then TRUE"
    " else (if (and (eq ?a FALSE) (eq ?b FALSE)) then FALSE else UNKNOWN)))",
    "(deffunction not3 (?a) (if (eq ?a UNKNOWN) then UNKNOWN else (if (eq ?a FALSE)"
    " then TRUE else FALSE)))",
    "(deffunction truth3 (?a) (if (or (eq ?a nil) (eq ?a UNKNOWN)) then UNKNOWN else"
    " (if (or (eq ?a FALSE) (eq ?a 0) (eq ?a 0.0) (eq ?a \"\")) then FALSE else TRUE)))",
    "(deffunction eq3 (?a ?b) (if (or (eq ?a nil) (eq ?b nil)) then UNKNOWN else"
    " (if (and (numberp ?a) (numberp ?b)) then (if (= ?a ?b) then TRUE else FALSE)"
    " else (if (eq ?a ?b) then TRUE else FALSE))))",
    "(deffunction cmp3 (?op ?a ?b) (if (or (eq ?a nil) (eq ?b nil) (not (numberp ?a))"
    " (not (numberp ?b))) then UNKNOWN else (if (switch ?op (case lt then (< ?a ?b))"
    " (case gt then (> ?a ?b)) (case lteq then (<= ?a ?b)) (default (>= ?a ?b)))"
    " then TRUE else FALSE)))",
    "(deffunction ar3 (?op ?a ?b) (if (or (eq ?a nil) (eq ?b nil)) then nil else"
    " (switch ?op (case add then (+ ?a ?b)) (case sub then (- ?a ?b))"
    " (case mul then (* ?a ?b)) (default (/ ?a ?b)))))",
    "(deffunction max3 ($?items) (if (member$ nil ?items) then nil else (max (expand$ ?items))))",
    "(deffunction min3 ($?items) (if (member$ nil ?items) then nil else (min (expand$ ?items))))",
    "(deffunction in3 (?x ?given $?items) (if (or (eq ?x nil) (not ?given)) then UNKNOWN"
    " else (if (member$ ?x ?items) then TRUE else FALSE)))",
]


class _Condition3(_Condition):
    """The same condition, three-valued: a CLIPS expression that gives TRUE,
    FALSE or UNKNOWN (for rules whose outcome may hang on a missing answer)."""

    def given(self, node):
        scope, name = node.node.name, node.attr
        if scope not in ("request", "part"):
            return "TRUE"    # the catalogue's lists are always given
        g = self.var(scope, "given", guard=False, internal_ok=True)
        self.var(scope, name, guard=False)
        return f"(neq (member$ {name} {g}) FALSE)"

    def val3(self, node):
        from jinja2 import nodes
        if isinstance(node, nodes.Const):
            return lit(node.value)
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            if self.multi(node):
                raise Untranslatable("a list field as a value")
            return self.var(node.node.name, node.attr, guard=False)
        ops = {nodes.Add: "add", nodes.Sub: "sub", nodes.Mul: "mul", nodes.Div: "div"}
        if type(node) in ops:
            return f"(ar3 {ops[type(node)]} {self.val3(node.left)} {self.val3(node.right)})"
        if isinstance(node, nodes.Neg):
            return f"(ar3 sub 0 {self.val3(node.node)})"
        if isinstance(node, nodes.Filter) and node.name in ("length", "count") \
                and not node.args:
            inner = node.node
            if isinstance(inner, nodes.Getattr) and isinstance(inner.node, nodes.Name) \
                    and (inner.node.name, inner.attr) == ("request", "parts"):
                return self.var("request", "n_parts", guard=False, internal_ok=True)
            if self.multi(inner):
                return (f"(if {self.given(inner)} then (length$ "
                        f"{self.var(inner.node.name, inner.attr, guard=False)}) else nil)")
        if isinstance(node, nodes.Filter) and node.name == "default" and len(node.args) <= 1:
            inner = self.val3(node.node)
            fallback = self.val3(node.args[0]) if node.args else "nil"
            return f"(if (eq {inner} nil) then {fallback} else {inner})"
        if isinstance(node, nodes.Filter) and node.name in ("max", "min") and not node.args \
                and isinstance(node.node, (nodes.List, nodes.Tuple)) and node.node.items:
            items = " ".join(self.val3(n) for n in node.node.items)
            return f"({node.name}3 {items})"
        if isinstance(node, nodes.CondExpr):
            test = self.cond3(node.test)
            other = self.val3(node.expr2) if node.expr2 is not None else "nil"
            return (f"(if (eq {test} TRUE) then {self.val3(node.expr1)} else "
                    f"(if (eq {test} FALSE) then {other} else nil))")
        return self.cond3(node)

    def cond3(self, node):
        from jinja2 import nodes
        if isinstance(node, nodes.Const):
            return "TRUE" if node.value else "FALSE"
        if isinstance(node, nodes.Getattr):
            return f"(truth3 {self.val3(node)})"
        if isinstance(node, nodes.And):
            return f"(and3 {self.cond3(node.left)} {self.cond3(node.right)})"
        if isinstance(node, nodes.Or):
            return f"(or3 {self.cond3(node.left)} {self.cond3(node.right)})"
        if isinstance(node, nodes.Not):
            return f"(not3 {self.cond3(node.node)})"
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined") \
                and not node.args:
            inner = node.node
            test = self.given(inner) if self.multi(inner) else \
                f"(neq {self.val3(inner)} nil)"
            if node.name == "undefined":
                test = f"(not {test})"
            return f"(if {test} then TRUE else FALSE)"
        if isinstance(node, nodes.Compare):
            out, left_node = [], node.expr
            for op in node.ops:
                out.append(self.compare3(op.op, left_node, op.expr))
                left_node = op.expr
            expr = out[0]
            for more in out[1:]:
                expr = f"(and3 {expr} {more})"
            return expr
        raise Untranslatable(type(node).__name__)

    def compare3(self, op, na, nb):
        from jinja2 import nodes
        if op in ("in", "notin"):
            if isinstance(nb, (nodes.List, nodes.Tuple)):
                items = " ".join(self.val3(n) for n in nb.items)
                test = f"(in3 {self.val3(na)} TRUE {items})"
            elif self.multi(nb):
                test = (f"(in3 {self.val3(na)} {self.given(nb)} "
                        f"{self.var(nb.node.name, nb.attr, guard=False)})")
            else:
                raise Untranslatable("'in' on text")
            return test if op == "in" else f"(not3 {test})"
        a, b = self.val3(na), self.val3(nb)
        if op in ("eq", "ne"):
            test = f"(eq3 {a} {b})"
            return test if op == "eq" else f"(not3 {test})"
        if op in ("lt", "gt", "lteq", "gteq"):
            return f"(cmp3 {op} {a} {b})"
        raise Untranslatable(f"operator {op}")


def two_valued_safe(tree):
    """Whether the fast two-valued translation (every scalar field read must be
    answered; an unanswered list is empty) fires exactly when the three-valued
    outcome is TRUE: a conjunction of comparisons, yes/no answers and 'in' tests,
    with 'or' only between 'constant in list field' tests."""
    from jinja2 import nodes

    def multi_in(node):
        return (isinstance(node, nodes.Compare) and len(node.ops) == 1
                and node.ops[0].op == "in" and isinstance(node.expr, nodes.Const)
                and isinstance(node.ops[0].expr, nodes.Getattr)
                and isinstance(node.ops[0].expr.node, nodes.Name)
                and node.ops[0].expr.attr in TEMPLATES.get(node.ops[0].expr.node.name,
                                                           ((), ()))[1])

    def only_multi_in(node):
        if isinstance(node, nodes.Or):
            return only_multi_in(node.left) and only_multi_in(node.right)
        return multi_in(node)

    def safe(node):
        if isinstance(node, nodes.And):
            return safe(node.left) and safe(node.right)
        if isinstance(node, nodes.Or):
            return only_multi_in(node)
        if isinstance(node, (nodes.Const, nodes.Getattr)):
            return True
        if isinstance(node, nodes.Compare):
            for op in node.ops:
                if op.op == "notin" and not isinstance(op.expr, (nodes.List, nodes.Tuple)):
                    return False
            return not any(True for _ in node.find_all((nodes.Filter, nodes.CondExpr)))
        return False
    return safe(tree)


def _visible(name, scope, kind_var, id_var):
    """A flag pattern as a rule of this scope sees it: a part (or candidate) sees
    flags of the request and of its own part; the request sees the request's and
    any part's."""
    if scope in ("request", "provider"):
        return f"(name {lit(name)})"
    return (f"(name {lit(name)}) (kind {kind_var}) "
            f"(id {id_var}&:(or (eq {kind_var} request) (eq {id_var} ?subject)))")


def translate_rule(rule, layer):
    """One pack rule as CLIPS defrules (text): the rule firing, and for a rule
    that sets a flag, the rule(s) that make the flag unknown when the outcome is
    unknown (three-valued, as the written meaning says)."""
    from producibility.model.pack import SCOPE_NAMES
    scope = rule.scope
    tree = _parse(rule.when.source)
    fast = two_valued_safe(tree)
    tr = _Condition(SCOPE_NAMES[scope]) if fast else _Condition3(SCOPE_NAMES[scope])
    expr = tr.cond(tree) if fast else f"(eq {tr.cond3(tree)} TRUE)"
    patterns = _subject_patterns(tr, scope, expr, alpha=fast)
    for i, f in enumerate(rule.requires):
        patterns.append(f"(exists (flag {_visible(f, scope, f'?rk{i}', f'?ri{i}')}))")
    for i, f in enumerate(rule.unless):
        patterns.append(f"(not (flag {_visible(f, scope, f'?uk{i}', f'?ui{i}')}))")
        patterns.append(f"(not (uflag {_visible(f, scope, f'?vk{i}', f'?vi{i}')}))")
    salience = 0 if layer == 0 else rule.priority - 1000 * layer
    subject = '"request"' if scope in ("request", "provider") else "?subject"
    machine = "?machine" if scope == "candidate" else '"-"'
    flag = rule.then.get("flag")
    owner = '(kind request) (id "request")' if scope in ("request", "provider") \
        else "(kind part) (id ?subject)"
    rhs = [f"(assert (finding (rule {lit(rule.id)}) (subject {subject}) (machine {machine})))"]
    if flag:
        rhs.append(f"(assert (flag (name {lit(flag)}) {owner}))")
    texts = [f"(defrule rule-{rule.id} (declare (salience {salience}))\n  "
             + "\n  ".join(patterns) + "\n  =>\n  " + " ".join(rhs) + ")"]
    if not flag:
        return texts
    # The flag is unknown when the rule is undecided: its flags are not false and
    # (its condition is unknown, or it is true and a flag it reads is unknown).
    t3 = _Condition3(SCOPE_NAMES[scope])
    c3 = t3.cond3(tree)
    base = _subject_patterns(t3, scope, "TRUE", alpha=False)
    not_false = []
    for i, f in enumerate(rule.requires):
        not_false.append(f"(exists (or (flag {_visible(f, scope, f'?rk{i}', f'?ri{i}')}) "
                         f"(uflag {_visible(f, scope, f'?sk{i}', f'?si{i}')})))")
    for i, f in enumerate(rule.unless):
        not_false.append(f"(not (flag {_visible(f, scope, f'?uk{i}', f'?ui{i}')}))")
    variants = [[f"(test (eq {c3} UNKNOWN))"]]
    for i, f in enumerate(rule.requires):
        variants.append([f"(not (flag {_visible(f, scope, f'?xk{i}', f'?xi{i}')}))",
                         f"(exists (uflag {_visible(f, scope, f'?yk{i}', f'?yi{i}')}))",
                         f"(test (eq {c3} TRUE))"])
    for i, f in enumerate(rule.unless):
        variants.append([f"(exists (uflag {_visible(f, scope, f'?yk{i}', f'?yi{i}')}))",
                         f"(test (eq {c3} TRUE))"])
    for n, extra in enumerate(variants):
        texts.append(f"(defrule unknown-{rule.id}-{n} (declare (salience {salience}))\n  "
                     + "\n  ".join(base + not_false + extra)
                     + f"\n  =>\n  (assert (uflag (name {lit(flag)}) {owner})))")
    return texts


def _subject_patterns(tr, scope, expr, alpha):
    """The patterns that bind a rule's subject and the fields its condition
    reads, with the condition inside the last pattern when it reads only that
    pattern's variables (alpha network), else as a test CE."""
    used = tr.used
    patterns = []
    if scope in ("request", "provider"):
        order = [("request", [])]
    elif scope == "part":
        order = [("part", ["(id ?subject)"])]
    else:
        cu = used.get("candidate", {})
        first = ["(part ?subject)", "(process ?c_process)", "(machine ?machine)"]
        if "marginal" in cu:
            first.append("(marginal ?c_marginal)")
        if "bar_fed" in cu:
            first.append("(bar_fed ?c_bar_fed&~nil)")
        patterns.append(f"(candidate {' '.join(first)})")
        order = [("part", ["(id ?subject)"])] if "part" in used else []
        if "machine" in used:
            order.append(("machine", ["(id ?machine)", "(process ?c_process)"]))
    for s in ("request", "provider"):
        if s in used and all(s != o for o, _ in order):
            order.append((s, []))
    for s, first in order:
        patterns.append(_pattern(s, used.get(s, {}), TEMPLATES[s][1], first))
    guards = " ".join(f"(neq {g} nil)" for g in tr.guards)
    full = expr if not tr.guards else f"(and {guards} {expr})"
    if expr != "TRUE":
        scopes_read = [s for s in used]
        if alpha and order and len(scopes_read) == 1 and scopes_read[0] == order[-1][0] \
                and scope != "candidate" and used[scopes_read[0]]:
            s = scopes_read[0]
            last = list(used[s])[-1]
            pat = patterns[-1]
            v = used[s][last]
            ref = f"${v}" if last in TEMPLATES[s][1] else v
            patterns[-1] = pat.replace(f"({last} {ref})", f"({last} {ref}&:{full})")
        else:
            patterns.append(f"(test {full})")
    return patterns


def _capability(field, pv, mv, cap, excused):
    """(test, marginal) of one capability check (tolerance or roughness: the machine
    must reach the part's value), for a process that declares it (?caps); a machine
    that does not state its limit passes where the check is machine_optional (?opt),
    else it is out.  ``excused``: a machine that misses it is marginal, not out."""
    declared = f"(member$ {field} ?caps)"
    reach = (f"(if (eq {mv} nil) then (neq (member$ {field} ?opt) FALSE)"
             f" else (>= {pv} (- {mv} {EPS!r})))")
    ok = f"(or (eq {pv} nil) (not {declared}) {reach}"
    ok += f" (and (neq {mv} nil) (neq (member$ {field} ?ex) FALSE))" if excused else ""
    ok += ")"
    near = f"(< {pv} (- (* {cap!r} {mv}) {EPS!r}))"
    if excused:
        near = f"(or {near} (and (member$ {field} ?ex) (< {pv} (- {mv} {EPS!r}))))"
    marginal = f"(and (neq {pv} nil) (neq {mv} nil) {declared} {near})"
    return ok, marginal


def _fit_rule(name, fam, part_slots, machine_slots, extra, limits, margin, cap,
              material=True, soft=(), excused=False):
    """The fit join of one process family.  An unanswered size or material is not
    checked (the fit is provisional, as producibility.engine.fit.check judges it): a
    variant without material matches every machine of the process.  A limit is
    ``(part var, machine var)`` at the pack's margin or ``(part var, machine var,
    margin)``.

    ``excused``: the same join for an operation no machine fits as it is (``unmade``,
    salience 950, after every plain fit): a machine that misses a tolerance or
    roughness another operation of the part reaches (fit-excuse-*) is marginal."""
    limits = [x if len(x) == 3 else (*x, margin) for x in limits]
    soft = [x if len(x) == 3 else (*x, margin) for x in soft]
    fits = " ".join(f"(or (eq {v} nil) (<= {v} (+ {lim} {EPS!r})))" for v, lim, _ in limits)
    fits = fits or "TRUE"
    # a soft limit never rejects: over it, or near it, the fit is marginal
    marg = " ".join(f"(and (neq {v} nil) (> {v} (+ (* {mg!r} {lim}) {EPS!r})))"
                    for v, lim, mg in limits + soft)
    tol_ok, tol_marg = _capability("tolerance_mm", "?pt", "?mt", cap, excused)
    rough_ok, rough_marg = _capability("roughness_ra_um", "?pr", "?mr", cap, excused)
    mat_part = "(material ?mat&~nil)" if material else "(material nil)"
    mat_machine = "(materials $? ?mat $?)" if material else ""
    unmade = "\n  (unmade (part ?p) (process ?proc) (excused $?ex&:(> (length$ ?ex) 0)))" \
        if excused else ""
    rule = f"fit-{name}{'-excused' if excused else ''}{'' if material else '-any-material'}"
    return f"""(defrule {rule} (declare (salience {950 if excused else 1000}))
  (operation (part ?p) (process ?proc) (family "{fam}")){unmade}
  (proc (id ?proc) (caps $?caps) (optional $?opt))
  (part (id ?p) {mat_part} (tolerance_mm ?pt) (roughness_ra_um ?pr) {part_slots})
  (machine (id ?m) (process ?proc) {mat_machine} (tolerance_mm ?mt)
           (roughness_ra_um ?mr) {machine_slots})
  {extra if material else ""}
  (test (and {fits}
             {tol_ok}
             {rough_ok}))
  =>
  (assert (candidate (part ?p) (process ?proc) (machine ?m)
    (excused {'TRUE' if excused else 'FALSE'})
    (marginal (or {marg}
                  {tol_marg}
                  {rough_marg})))))"""


def _excuse_rules():
    """A part's tolerance and roughness are its tightest feature's, made by one of its
    operations (README "Equipment fit"; producibility.engine.fit.Fitter.held and
    judge_all).  An operation that no machine fits as it is (``unmade``, once every
    plain fit has fired) and that is not a measurement is excused a capability it
    declares and the part gives, where another operation of the part, not a
    measurement and declaring that capability, fits as it is on a machine of ours
    (an excused candidate excuses nothing: two operations never excuse each other)."""
    out = ["""(defrule fit-unmade (declare (salience 970))
  (operation (part ?p) (process ?proc))
  (proc (id ?proc) (kind ~inspection))
  (not (candidate (part ?p) (process ?proc)))
  =>
  (assert (unmade (part ?p) (process ?proc))))"""]
    for field in CAPABILITIES:
        out.append(f"""(defrule fit-excuse-{field} (declare (salience 960))
  ?u <- (unmade (part ?p) (process ?proc) (excused $?ex&:(not (member$ {field} ?ex))))
  (proc (id ?proc) (caps $? {field} $?))
  (part (id ?p) ({field} ~nil))
  (exists (operation (part ?p) (process ?o&~?proc))
          (proc (id ?o) (kind ~inspection) (caps $? {field} $?))
          (candidate (part ?p) (process ?o) (excused FALSE)))
  =>
  (modify ?u (excused $?ex {field})))""")
    return out


def fit_rules(settings):
    m, c = settings["envelope_margin"], settings["capability_margin"]
    thick = "(mthick (machine ?m) (material ?mat) (max ?tx))"
    out = []
    for excused in (False, True):
        for material in (True, False):
            sheet = [("?th", "?tx")] if material else []
            out += [
                _fit_rule("envelope", "envelope", "(d1 ?d1) (d2 ?d2) (d3 ?d3)",
                          "(e1 ?e1) (e2 ?e2) (e3 ?e3)", "",
                          [("?d1", "?e1"), ("?d2", "?e2"), ("?d3", "?e3")], m, c, material,
                          excused=excused),
                _fit_rule("soft", "soft", "(d1 ?d1) (d2 ?d2) (d3 ?d3)",
                          "(e1 ?e1) (e2 ?e2) (e3 ?e3)", "", [], m, c, material,
                          soft=[("?d1", "?e1"), ("?d2", "?e2"), ("?d3", "?e3")],
                          excused=excused),
                _fit_rule("turning", "turning", "(diameter_mm ?dd) (length_mm ?ll)",
                          "(lim_diameter ?md) (lim_length ?ml)", "",
                          [("?dd", "?md"), ("?ll", "?ml")], m, c, material, excused=excused),
                # a sheet part's thickness limit is per material: unchecked without one;
                # the blank against the sheet at the sheet's own margin
                _fit_rule("laser", "laser", "(thickness_mm ?th) (d1 ?d1) (d2 ?d2)",
                          "(e1 ?s1) (e2 ?s2)", thick,
                          sheet + [("?d1", "?s1", SHEET_MARGIN), ("?d2", "?s2", SHEET_MARGIN)],
                          m, c, material, excused=excused),
                _fit_rule("bend", "bend", "(thickness_mm ?th) (d1 ?d1)", "(lim_length ?ml)",
                          thick, sheet + [("?d1", "?ml")], m, c, material, excused=excused),
            ]
    out += _excuse_rules()
    out.append("""(defrule fit-no-machine (declare (salience 900))
  (operation (part ?p) (process ?proc))
  (not (candidate (part ?p) (process ?proc)))
  =>
  (assert (finding (rule "FIT-NO-MACHINE") (subject ?p) (machine "-"))))""")
    # a candidate's bar_fed, from the barfed facts Python asserts (stock.bar_stock), after
    # every fit and before any rule reads it
    out.append("""(defrule bar-fed-yes (declare (salience 920))
  ?c <- (candidate (part ?p) (process ?proc) (machine ?m) (bar_fed nil))
  (barfed (part ?p) (process ?proc) (machine ?m))
  =>
  (modify ?c (bar_fed TRUE)))""")
    out.append("""(defrule bar-fed-no (declare (salience 919))
  ?c <- (candidate (part ?p) (process ?proc) (machine ?m) (bar_fed nil))
  (not (barfed (part ?p) (process ?proc) (machine ?m)))
  =>
  (modify ?c (bar_fed FALSE)))""")
    return out


def _fact_text(template, values):
    slots, multi = TEMPLATES[template]
    out = []
    for name, value in values.items():
        if value is None:
            continue
        if name in multi:
            out.append(f"({name} {' '.join(lit(x) for x in value)})")
        elif name in slots:
            out.append(f"({name} {lit(value)})")
    return f"({template} {' '.join(out)})"


def machine_facts(equipment):
    facts = []
    p = equipment.provider
    facts.append(_fact_text("provider", {k: p.get(k) for k in
                                          TEMPLATES["provider"][0] + TEMPLATES["provider"][1]}))
    facts += process_facts({x for m in equipment.machines for x in m["processes"]})
    for m in equipment.machines:
        for process in m["processes"]:
            fam = family(process)
            dims = sorted(m.get("sheet_mm", (0, 0)) if fam == "laser"
                          else m.get("envelope_mm", (0, 0, 0)), reverse=True) + [0, 0, 0]
            values = {k: m.get(k) for k in TEMPLATES["machine"][0] + TEMPLATES["machine"][1]}
            values.update(process=process, family=fam, e1=dims[0], e2=dims[1], e3=dims[2],
                          lim_diameter=m.get("max_diameter_mm", 0),
                          lim_length=m.get("max_length_mm", 0))
            facts.append(_fact_text("machine", values))
        for material, mx in (m.get("max_thickness_mm") or {}).items():
            facts.append(_fact_text("mthick", {"machine": m["id"], "material": material,
                                               "max": mx}))
    return facts


def _plain(value):
    """clipspy takes a list or tuple for a multislot, not a subclass of list."""
    return list(value) if isinstance(value, list) else value


class ClipsPort:
    """The pack and catalogue as one CLIPS environment; run() screens a request."""

    def __init__(self, pack, equipment):
        if clips is None:
            raise RuntimeError(CLIPS_MISSING)
        equipment = equipment.checked(pack.catalogue or default_catalogue())  # as above
        layer, _ = layers(pack.rules)
        self.untranslated = []
        self.calendar = equipment.calendar
        self.stock = (equipment.provider, pack.catalogue or default_catalogue(),
                      pack.settings["costing"])  # derive's stock facts
        self.partners, self.fit_settings = equipment.partners_by_process(), pack.settings["fit"]
        self.by_process = equipment.by_process()  # the machines a barfed fact may name
        env = self.env = clips.Environment()
        for name, (slots, multi) in TEMPLATES.items():
            env.build(f"(deftemplate {name} "
                      + " ".join(f"(slot {s})" for s in slots)
                      + " " + " ".join(f"(multislot {s})" for s in multi) + ")")
        for text in DEFFUNCTIONS + fit_rules(pack.settings["fit"]):
            env.build(text)
        for rule in engine_run_rules(pack.rules, layer):
            try:
                texts = translate_rule(rule, layer[rule.id])
            except Untranslatable as exc:
                self.untranslated.append((rule.id, str(exc)))
                continue
            for text in texts:
                try:
                    env.build(text)
                except clips.CLIPSError as exc:
                    raise RuntimeError(f"CLIPS rejects the translation of {rule.id}: "
                                       f"{exc}\n{text}") from None
        facts = machine_facts(equipment)
        env.build("(deffacts catalogue\n  " + "\n  ".join(facts) + ")")
        self.t_request = env.find_template("request")
        self.t_part = env.find_template("part")
        self.t_op = env.find_template("operation")
        self.t_cand = env.find_template("candidate")
        self.t_find = env.find_template("finding")
        self.t_barfed = env.find_template("barfed")
        self.rslots = [s for s in TEMPLATES["request"][0] + TEMPLATES["request"][1]
                       if s not in INTERNAL["request"]]
        self.pslots = [s for s in TEMPLATES["part"][0] + TEMPLATES["part"][1]
                       if s not in INTERNAL["part"]]
        self.rmulti = [s for s in TEMPLATES["request"][1] if s not in INTERNAL["request"]]
        self.pmulti = [s for s in TEMPLATES["part"][1] if s not in INTERNAL["part"]]

    def close(self):
        """Free the environment.  CLIPS then prints "[ENVRNMNT8] Environment data
        not fully deallocated" on the C stdout (harmless): keep it out of the table."""
        import ctypes
        import gc
        import os
        import sys
        sys.stdout.flush()
        libc = ctypes.CDLL(None)
        libc.fflush(None)
        saved, devnull = os.dup(1), os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        try:
            self.env = self.t_request = self.t_part = self.t_op = None
            self.t_cand = self.t_find = self.t_barfed = None
            gc.collect()
            libc.fflush(None)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)

    def run(self, request, as_of):
        req = derive(request, as_of, self.calendar, *self.stock)
        cands, findings = self._screen(req)
        fitted = {(c[0], c[1]) for c in cands}
        no_machine = [(str(f["part"]), str(f["process"])) for f in self.t_op.facts()
                      if (f["part"], f["process"]) not in fitted]
        if no_machine:  # a part that cannot be made here buys no material: the stock
            # facts without it, and the rules again where that changes them
            parts = {str(p["id"]): p for p in req["parts"]}
            unmade = cannot_make(no_machine, parts, self.partners, self.fit_settings)
            if unmade:
                before = [dict(p) for p in req["parts"]]
                stock_facts(req, *self.stock, unmade)
                if before != req["parts"]:
                    cands, findings = self._screen(req)
        return cands, findings

    def _screen(self, req):
        env = self.env
        env.reset()
        values = {k: _plain(req[k]) for k in self.rslots if req.get(k) is not None}
        values["id"] = "request"
        values["given"] = [clips.Symbol(k) for k in self.rmulti if req.get(k) is not None]
        self.t_request.assert_fact(n_parts=len(req["parts"]), **values)
        for part in req["parts"]:
            pid = str(part["id"])
            values = {k: _plain(part[k]) for k in self.pslots if part.get(k) is not None}
            values["id"] = pid
            values["given"] = [clips.Symbol(k) for k in self.pmulti if part.get(k) is not None]
            size = part.get("size_mm")
            if size:
                d = sorted(size, reverse=True)
                values.update(d1=d[0], d2=d[1], d3=d[2])
            self.t_part.assert_fact(**values)
            for process in part.get("processes") or ():
                self.t_op.assert_fact(part=pid, process=process, family=family(process))
                for machine in self.by_process.get(process, ()):
                    if bar_stock(part, process, machine, self.stock[1]) is not None:
                        self.t_barfed.assert_fact(part=pid, process=process,
                                                  machine=machine["id"])
        env.run()
        cands = {(f["part"], f["process"], f["machine"], str(f["marginal"]) == "TRUE")
                 for f in self.t_cand.facts()}
        findings = {(f["rule"], f["subject"], f["machine"]) for f in self.t_find.facts()}
        return cands, findings
