"""The two baselines the engine is measured against, and result extraction.

* ``Plain``: the same work without an engine: for every part operation, every
  machine of that process is judged with ``producibility.fit.check`` (plus the
  capacity check the engine adds), and every rule's compiled condition
  ``rule.when`` is evaluated with ``producibility.expressions.evaluate`` on the
  same contexts, stratum by stratum for rules with flags.  The floor.
* ``ClipsPort``: the same rules as CLIPS defrules through clipspy: the fit join
  (operation x machine of that process, material in the machine's materials,
  sorted sizes within the envelope, tolerance, roughness, free capacity), the
  "no machine" negation, and every pack rule translated mechanically from its
  ``when:`` text (comparisons, ``in`` lists, and/or/not, ``is (un)defined``,
  flags as ``requires``/``unless`` patterns).  Static facts (provider, machines,
  sheet thickness limits) are deffacts, so ``reset`` brings them back.

All three produce the same result shape so they can be compared:
``(candidates, findings)`` with candidates ``{(part, process, machine,
marginal)}`` and findings ``{(rule, subject, machine or "-")}``.
"""

from producibility import fit
from producibility.expressions import ExpressionError, evaluate
from producibility.infer import GLOBAL, _capacity_window, _stratify, derive, operation_hours

try:  # optional: the CLIPS baseline
    import clips
except ImportError as exc:  # pragma: no cover
    clips = None
    CLIPS_MISSING = f"clipspy not importable ({exc}); pip install clipspy"
else:
    CLIPS_MISSING = None


def _global_flags(rules, setters):
    return {f for f, rs in setters.items() if all(r.scope in ("request", "provider") for r in rs)}


# ------------------------------------------------------------------ producibility
def engine_results(engine):
    """(candidates, findings) from an Inference engine after run()."""
    cands = {(pid, proc, mid, bool(r.marginal)) for (pid, proc, mid), r in engine.fits.items()}
    findings = {(h.rule.id, h.subject, h.machine or "-") for h in engine.hits
                if h.outcome == "fired"}
    findings |= {("FIT-NO-MACHINE", pid, "-") for pid, _ in engine.no_machine}
    errors = [(h.rule.id, h.error) for h in engine.hits if h.outcome == "error"]
    return cands, findings, errors


# ------------------------------------------------------------------ plain Python
class Plain:
    def __init__(self, pack, equipment):
        self.settings = pack.settings["fit"]
        self.index = equipment.by_process()
        self.provider = equipment.provider
        stratum, setters = _stratify(pack.rules)
        self.global_flags = _global_flags(pack.rules, setters)
        levels = sorted(set(stratum.values()))
        self.strata = [[r for r in pack.rules if stratum[r.id] == lv] for lv in levels]

    def run(self, request, as_of):
        req = derive(request, as_of)
        window = _capacity_window(req, as_of)
        settings, index, provider = self.settings, self.index, self.provider
        base = {"request": req, "provider": provider}
        subjects = {"request": [(GLOBAL, None, base)], "provider": [(GLOBAL, None, base)],
                    "part": [], "candidate": []}
        cands, findings = set(), set()
        for part in req["parts"]:
            pid = str(part["id"])
            pctx = {"request": req, "provider": provider, "part": part}
            subjects["part"].append((pid, None, pctx))
            for process in part.get("processes") or ():
                found = False
                for machine in index.get(process, ()):
                    result = fit.check(part, process, machine, settings)
                    if not result.fits:
                        continue
                    if window is not None and operation_hours(req, part, machine)["total"] \
                            > machine["free_h_per_week"] * window:
                        continue
                    found = True
                    marginal = bool(result.marginal)
                    cands.add((pid, process, machine["id"], marginal))
                    subjects["candidate"].append((pid, machine["id"], {
                        "request": req, "provider": provider, "part": part,
                        "machine": machine,
                        "candidate": {"process": process, "marginal": marginal}}))
                if not found:
                    findings.add(("FIT-NO-MACHINE", pid, "-"))
        flags, flag_names = set(), set()
        gflags = self.global_flags

        def has(rule, name, subject):
            if name in gflags:
                return (name, GLOBAL) in flags
            if rule.scope in ("request", "provider"):
                return name in flag_names
            return (name, subject) in flags

        for rules in self.strata:
            for rule in rules:
                when, flag = rule.when, rule.then.get("flag")
                for subject, machine, ctx in subjects[rule.scope]:
                    if rule.requires and not all(has(rule, f, subject) for f in rule.requires):
                        continue
                    if rule.unless and any(has(rule, f, subject) for f in rule.unless):
                        continue
                    try:
                        if evaluate(when, ctx) is not True:
                            continue
                    except ExpressionError:
                        continue
                    findings.add((rule.id, subject, machine or "-"))
                    if flag:
                        fs = GLOBAL if rule.scope in ("request", "provider") else subject
                        flags.add((flag, fs))
                        flag_names.add(flag)
        return cands, findings


# ------------------------------------------------------------------ CLIPS
EPS = fit.EPS

def _templates():
    """CLIPS deftemplates: request and part slots from the questionnaire (plus
    derived fields), provider and machine slots from the equipment schema,
    plus the internal slots the fit rules use."""
    from producibility import schema as schemas
    from producibility.infer import DERIVED_FIELDS
    from producibility.questionnaire import load_questionnaire
    qn = load_questionnaire()
    out = {}
    for scope, internal in (("request", ["window", "nbatch", "n_parts"]),
                            ("part", ["d1", "d2", "d3", "run_h"])):
        slots, multi = [], []
        for q in qn.questions:
            if q.scope == scope:
                (multi if q.type in ("multi_choice", "dimensions") else slots).append(q.id)
        slots += [f for s, f in DERIVED_FIELDS if s == scope and f not in slots]
        out[scope] = (slots + internal, multi)
    eq = schemas.shipped("equipment")
    props = {"provider": eq["properties"]["provider"]["properties"],
             "machine": eq["$defs"]["machine"]["properties"]}
    for scope, internal in (("provider", []),
                            ("machine", ["process", "family", "e1", "e2", "e3",
                                         "lim_diameter", "lim_length"])):
        slots, multi = [], []
        for name, spec in props[scope].items():
            kind = spec.get("type")
            if kind == "array" or "$ref" in spec and spec["$ref"].endswith("/ids"):
                multi.append(name)
            elif kind == "object":
                continue   # max_thickness_mm: mthick facts
            else:
                slots.append(name)
        out[scope] = (slots + [x for x in internal if x not in slots], multi)
    out.update({
        "mthick": (["machine", "material", "max"], []),
        "operation": (["part", "process", "family"], []),
        "candidate": (["part", "process", "machine", "marginal"], []),
        "finding": (["rule", "subject", "machine"], []),
        "flag": (["name", "subject"], []),
    })
    return out


TEMPLATES = _templates()
# Slots the fit rules use that rules may not read.
INTERNAL = {"request": {"window", "nbatch", "n_parts"}, "part": {"d1", "d2", "d3", "run_h"},
            "machine": {"family", "e1", "e2", "e3", "lim_diameter", "lim_length", "process"}}


def family(process):
    if process == "turning":
        return "turning"
    if process == "laser_cutting":
        return "laser"
    if process == "bending":
        return "bend"
    return "envelope"


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
            if name not in ("process", "marginal"):
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


def translate_rule(rule, stratum, global_flags):
    """One pack rule as a CLIPS defrule (text)."""
    from producibility.load import SCOPE_NAMES
    tr = _Condition(SCOPE_NAMES[rule.scope])
    expr = tr.cond(_parse(rule.when.source))
    used = tr.used
    scope = rule.scope
    patterns = []
    subject = '"request"' if scope in ("request", "provider") else "?subject"
    machine = "?machine" if scope == "candidate" else '"-"'
    # subject pattern first, then the scopes its condition reads
    if scope in ("request", "provider"):
        order = [("request", [])]
    elif scope == "part":
        order = [("part", ["(id ?subject)"])]
    else:
        cu = used.get("candidate", {})
        first = ["(part ?subject)", "(process ?c_process)", "(machine ?machine)"]
        if "marginal" in cu:
            first.append("(marginal ?c_marginal)")
        patterns.append(f"(candidate {' '.join(first)})")
        order = [("part", ["(id ?subject)"])] if "part" in used else []
        if "machine" in used:
            order.append(("machine", ["(id ?machine)", "(process ?c_process)"]))
    for s in ("request", "provider"):
        if s in used and all(s != o for o, _ in order):
            order.append((s, []))
    for s, first in order:
        patterns.append(_pattern(s, used.get(s, {}), TEMPLATES[s][1], first))
    # the condition: inside the last pattern when it reads only that pattern's
    # variables (alpha network), else a test CE
    guards = " ".join(f"(neq {g} nil)" for g in tr.guards)
    full = expr if not tr.guards else f"(and {guards} {expr})"
    if expr != "TRUE":
        scopes_read = [s for s in used]
        if order and len(scopes_read) == 1 and scopes_read[0] == order[-1][0] \
                and scope != "candidate" and used[scopes_read[0]]:
            s = scopes_read[0]
            last = list(used[s])[-1]
            pat = patterns[-1]
            v = used[s][last]
            ref = f"${v}" if last in TEMPLATES[s][1] else v
            patterns[-1] = pat.replace(f"({last} {ref})", f"({last} {ref}&:{full})")
        else:
            patterns.append(f"(test {full})")

    def flag_pat(name):
        if name in global_flags:
            return f'(flag (name {lit(name)}) (subject "request"))'
        if scope in ("request", "provider"):
            return f"(flag (name {lit(name)}))"
        return f"(flag (name {lit(name)}) (subject ?subject))"
    for f in rule.requires:
        p = flag_pat(f)
        patterns.append(f"(exists {p})" if "?subject" not in p and f not in global_flags
                        else p)
    for f in rule.unless:
        patterns.append(f"(not {flag_pat(f)})")
    salience = 0 if stratum == 0 else rule.priority - 1000 * stratum
    rhs = [f"(assert (finding (rule {lit(rule.id)}) (subject {subject}) (machine {machine})))"]
    if rule.then.get("flag"):
        fs = '"request"' if scope in ("request", "provider") else "?subject"
        rhs.append(f"(assert (flag (name {lit(rule.then['flag'])}) (subject {fs})))")
    return (f"(defrule rule-{rule.id} (declare (salience {salience}))\n  "
            + "\n  ".join(patterns) + "\n  =>\n  " + " ".join(rhs) + ")")


def _fit_rule(name, fam, part_slots, machine_slots, extra, limits, margin, cap):
    fits = " ".join(f"(<= {v} (+ {lim} {EPS!r}))" for v, lim in limits)
    marg = " ".join(f"(> {v} (+ (* {margin!r} {lim}) {EPS!r}))" for v, lim in limits)
    return f"""(defrule fit-{name} (declare (salience 1000))
  (operation (part ?p) (process ?proc) (family "{fam}"))
  (part (id ?p) (material ?mat) (tolerance_mm ?pt) (roughness_ra_um ?pr) (run_h ?run) {part_slots})
  (machine (id ?m) (process ?proc) (materials $? ?mat $?) (tolerance_mm ?mt)
           (roughness_ra_um ?mr) (setup_h ?su) (free_h_per_week ?fh) {machine_slots})
  {extra}
  (test (and {fits}
             (or (eq ?pt nil) (>= ?pt (- ?mt {EPS!r})))
             (or (eq ?pr nil) (eq ?mr nil) (>= ?pr (- ?mr {EPS!r})))))
  (request (nbatch ?b) (window ?w))
  (test (or (eq ?w nil) (<= (+ (* ?su ?b) ?run) (* ?fh ?w))))
  =>
  (assert (candidate (part ?p) (process ?proc) (machine ?m)
    (marginal (or {marg}
                  (and (neq ?pt nil) (< ?pt (- (* {cap!r} ?mt) {EPS!r})))
                  (and (neq ?pr nil) (neq ?mr nil) (< ?pr (- (* {cap!r} ?mr) {EPS!r}))))))))"""


def fit_rules(settings):
    m, c = settings["envelope_margin"], settings["capability_margin"]
    thick = "(mthick (machine ?m) (material ?mat) (max ?tx))"
    return [
        _fit_rule("envelope", "envelope", "(d1 ?d1) (d2 ?d2) (d3 ?d3)",
                  "(e1 ?e1) (e2 ?e2) (e3 ?e3)", "",
                  [("?d1", "?e1"), ("?d2", "?e2"), ("?d3", "?e3")], m, c),
        _fit_rule("turning", "turning", "(diameter_mm ?dd) (length_mm ?ll)",
                  "(lim_diameter ?md) (lim_length ?ml)", "",
                  [("?dd", "?md"), ("?ll", "?ml")], m, c),
        _fit_rule("laser", "laser", "(thickness_mm ?th) (d1 ?d1) (d2 ?d2)",
                  "(e1 ?s1) (e2 ?s2)", thick,
                  [("?th", "?tx"), ("?d1", "?s1"), ("?d2", "?s2")], m, c),
        _fit_rule("bend", "bend", "(thickness_mm ?th) (d1 ?d1)", "(lim_length ?ml)", thick,
                  [("?th", "?tx"), ("?d1", "?ml")], m, c),
        """(defrule fit-no-machine (declare (salience 900))
  (operation (part ?p) (process ?proc))
  (not (candidate (part ?p) (process ?proc)))
  =>
  (assert (finding (rule "FIT-NO-MACHINE") (subject ?p) (machine "-"))))""",
    ]


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


class ClipsPort:
    """The pack and catalogue as one CLIPS environment; run() screens a request."""

    def __init__(self, pack, equipment):
        if clips is None:
            raise RuntimeError(CLIPS_MISSING)
        stratum, setters = _stratify(pack.rules)
        gflags = _global_flags(pack.rules, setters)
        self.untranslated = []
        env = self.env = clips.Environment()
        for name, (slots, multi) in TEMPLATES.items():
            env.build(f"(deftemplate {name} "
                      + " ".join(f"(slot {s})" for s in slots)
                      + " " + " ".join(f"(multislot {s})" for s in multi) + ")")
        for text in fit_rules(pack.settings["fit"]):
            env.build(text)
        for rule in pack.rules:
            try:
                text = translate_rule(rule, stratum[rule.id], gflags)
            except Untranslatable as exc:
                self.untranslated.append((rule.id, str(exc)))
                continue
            try:
                env.build(text)
            except clips.CLIPSError as exc:
                raise RuntimeError(f"CLIPS rejects the translation of {rule.id}: {exc}\n"
                                   f"{text}") from None
        facts = machine_facts(equipment)
        env.build("(deffacts catalogue\n  " + "\n  ".join(facts) + ")")
        self.t_request = env.find_template("request")
        self.t_part = env.find_template("part")
        self.t_op = env.find_template("operation")
        self.t_cand = env.find_template("candidate")
        self.t_find = env.find_template("finding")
        self.rslots = [s for s in TEMPLATES["request"][0] + TEMPLATES["request"][1]
                       if s not in INTERNAL["request"]]
        self.pslots = [s for s in TEMPLATES["part"][0] + TEMPLATES["part"][1]
                       if s not in INTERNAL["part"]]

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
            self.t_cand = self.t_find = None
            gc.collect()
            libc.fflush(None)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)

    def run(self, request, as_of):
        req = derive(request, as_of)
        env = self.env
        env.reset()
        window = _capacity_window(req, as_of)
        values = {k: req[k] for k in self.rslots if req.get(k) is not None}
        values["id"] = GLOBAL
        self.t_request.assert_fact(window=window, nbatch=req.get("batches") or 1,
                                   n_parts=len(req["parts"]), **values)
        quantity = req.get("quantity")
        for part in req["parts"]:
            pid = str(part["id"])
            values = {k: part[k] for k in self.pslots if part.get(k) is not None}
            values["id"] = pid
            size = part.get("size_mm")
            if size:
                d = sorted(size, reverse=True)
                values.update(d1=d[0], d2=d[1], d3=d[2])
            cycle = part.get("cycle_time_min")
            run = cycle * quantity * (part.get("quantity") or 1) / 60.0 \
                if cycle is not None and quantity is not None else None
            values["run_h"] = run or 0.0
            self.t_part.assert_fact(**values)
            for process in part.get("processes") or ():
                if any(part.get(f) is None for f in fit.essential_fields(process)):
                    continue
                self.t_op.assert_fact(part=pid, process=process, family=family(process))
        env.run()
        cands = {(f["part"], f["process"], f["machine"], str(f["marginal"]) == "TRUE")
                 for f in self.t_cand.facts()}
        findings = {(f["rule"], f["subject"], f["machine"]) for f in self.t_find.facts()}
        return cands, findings
