"""The next best questions: which unanswered question could change the outcome most?

For each open question we try the answers that matter (every choice, yes and
no, and for numbers the values just either side of each threshold a rule
compares that field with: the nearest standard sizes, where the question names
its ``series``) and screen again.  A question whose answer can
block the request, or change the verdict, comes first; then the ones the
questionnaire or a rule marks as decisive; then by how many rules read it.
The probes are reported, so the ranking explains itself.
"""

import datetime



MAX_QUESTIONS = 6   # probe the most promising questions only
MAX_PROBES = 8      # answers tried per question
MAX_SCREENS = 32    # per check: keeps probing within about 60 ms for a typical request
# A large request costs more per screen: a screen's work is counted as the machines
# judged for each operation plus 20 per part (measured on the 2-core dev VM: ~26 µs
# per machine judged, ~0.5 ms per part for its rules and conclusions), and the
# probes of one check may use about a second of it.  Deterministic: the same
# request always gets the same number of probes.
MAX_PROBE_WORK = 38_000


def screens_allowed(machines_judged, parts):
    """How many what-if screens a request of this size may use."""
    work = machines_judged + 20 * parts
    return min(MAX_SCREENS, MAX_PROBE_WORK // max(1, work))


def thresholds(pack):
    """(scope, field) -> the constants rules compare it with (numbers sorted first),
    a comparison that is a rule's whole condition (FAC-004's ``part.weight_kg > 23``)
    too: it had been left out, and with the questionnaire's range ends no longer
    probed, such a field was probed at nothing (or at 10,000 kg)."""
    return _thresholds(pack.rules)


def _thresholds(rules):
    out = {}
    for rule in rules:
        for key, values in rule.when.compared().items():
            out.setdefault(key, set()).update(values)
    return {k: sorted(v, key=lambda c: (isinstance(c, str), c)) for k, v in out.items()}


def machine_limits(catalogue, equipment, known=None):
    """(scope, field) -> the machine limits the fit compares a part field with.

    Read from the catalogue's check declarations, so a new limit (a part weight,
    a bar capacity) is probed just either side of each machine's value like a
    rule's threshold.  ``known`` (the rules' thresholds) is extended."""
    out = {k: list(v) for k, v in (known or {}).items()}
    index = equipment.by_process()
    for pid, process in catalogue.entries["processes"].items():
        for check in process.get("checks", ()):
            field_name = check.get("part")
            # Tolerance and roughness already carry the rules' thresholds at the usual
            # capability steps (ISO 2768, ISO 286, Ra 1.6 ...); more probes there would
            # only spend the check's shared probe budget.  Limits often carry none.
            # A bar capacity moves the price, never the verdict: no probe.
            if field_name is None or check["kind"] in ("envelope", "capability", "bar") or \
                    check.get("of"):
                continue
            values = set()
            for machine in index.get(pid, ()):
                limit = machine.get(check["machine"])
                if isinstance(limit, dict):
                    values.update(limit.values())
                elif isinstance(limit, (int, float)) and not isinstance(limit, bool):
                    values.add(limit)
            if values:
                entry = out.setdefault(("part", field_name), [])
                entry.extend(v for v in sorted(values) if v not in entry)
    return {k: sorted(v, key=lambda c: (isinstance(c, str), c)) for k, v in out.items()}


def _order(values):
    return sorted(values, key=lambda c: (isinstance(c, str), c))


class Limits:
    """(scope, field) -> what :func:`machine_limits` over :func:`thresholds` gives for
    it (the constants the rules and the fit's machine limits compare it with), worked
    out for a field when it is first asked for: a check probes a few fields, and
    walking every condition of a pack for all of them took ~4 ms of a warm check.

    A field's constants come from the rules whose condition reads it (``when.fields``:
    every field a comparison reads is one), its machine limits, not already among
    them, after; the list is sorted as ``machine_limits`` sorts it."""

    def __init__(self, pack, catalogue, equipment):
        self._readers = {}  # (scope, field) -> the rules whose condition reads it
        for rule in pack.rules:
            for key in rule.when.fields:
                self._readers.setdefault(key, []).append(rule)
        self._machines = machine_limits(catalogue, equipment)
        self._known = {}

    def get(self, key, default=None):
        values = self._known.get(key)
        if values is None:
            values = self._known[key] = self._work_out(key)
        return default if values is _ABSENT else values

    def __getitem__(self, key):
        values = self.get(key, _ABSENT)
        if values is _ABSENT:
            raise KeyError(key)
        return values

    def _work_out(self, key):
        compared = _thresholds(self._readers.get(key, ())).get(key)
        limits = self._machines.get(key)
        if compared is None and limits is None:
            return _ABSENT
        values = list(compared or ())
        values.extend([v for v in limits or () if v not in values])
        return _order(values)


_ABSENT = object()


def probe_values(question, limits, as_of, first=()):
    """A few answers that could make a difference, all valid for the question.

    ``first``: answers known to matter (a material no machine for the part runs)."""
    if first:
        rest = [v for v in probe_values(question, limits, as_of) if v not in first]
        return (list(first) + rest)[:MAX_PROBES]
    if question.type == "yes_no":
        return [True, False]
    mentioned = [c for c in limits.get(question.key, []) if isinstance(c, str)]
    if question.type in ("choice", "multi_choice"):
        # the choices rules name first, then the rest in questionnaire order
        ordered = [c for c in question.choices if c in mentioned] + \
            [c for c in question.choices if c not in mentioned]
        if question.type == "choice":
            return ordered[:MAX_PROBES]
        return ([[]] + [[c] for c in ordered])[:MAX_PROBES]
    if question.type == "number":
        values = set()
        for t in limits.get(question.key, []):
            if isinstance(t, str):
                continue
            values.update(either_side(t, question))
        # not the range's ends: the questionnaire's bounds are what an answer may be,
        # not what one is likely to be (a PA12 housing of 10,000 kg, 10,000 pieces of a
        # part in one product and Ra 0.01 were the first what-ifs a customer was asked)
        lo = question.min if question.min is not None else float("-inf")
        hi = question.max if question.max is not None else float("inf")
        # 0.01 - 0.001 is 0.009000000000000001 in binary: show the number meant
        values = sorted(v if isinstance(v, int) else float(f"{v:.10g}")
                        for v in values if lo <= v <= hi)
        if question.integer:
            values = sorted({int(round(v)) for v in values})
        return values[:MAX_PROBES]
    if question.type == "date":
        start = datetime.date.fromisoformat(as_of)
        return [(start + datetime.timedelta(weeks=w)).isoformat() for w in (1, 3, 8, 26)]
    if question.type == "dimensions":
        return [[20, 20, 10], [300, 200, 100], [1200, 600, 400], [3500, 1500, 20]]
    return []


def either_side(threshold, question):
    """The answers just either side of a threshold: of a question with a ``series`` (the
    standard sizes an answer takes: ISO 261's threads), the nearest standard size below
    and above it (M1.6 and M2.5 around DFM-019's M2, where "M1.98" was asked); else the
    threshold less and plus a step (1 for a whole number, else 1% of it, at least 0.001),
    and so for a side the series does not reach."""
    step = 1 if question.integer else max(abs(threshold) * 0.01, 1e-3)
    series = question.series
    below = [s for s in series if s < threshold]
    above = [s for s in series if s > threshold]
    return (below[-1] if below else threshold - step, above[0] if above else threshold + step)


def with_answer(request, question, part_id, value):
    changed = dict(request)
    if question.scope == "part":
        changed["parts"] = [dict(p, **{question.id: value}) if str(p["id"]) == part_id else p
                            for p in request["parts"]]
    else:
        changed[question.id] = value
    return changed


def wrong_answers(question, assumed, limits, as_of):
    """The answers that would make an assumption wrong: the other answers that matter.

    For a number, the values either side of a rule's threshold (:func:`probe_values`:
    not the range's ends, "1000 deliveries" is no plausible mistake)."""
    values = probe_values(question, limits, as_of)
    return [v for v in values if v != assumed]


def probe_assumptions(assumed, request, baseline, screen, questionnaire, limits,
                      max_screens, decisive=frozenset(), applicable=None):
    """What changes if an assumption is wrong: screen again with the other answers.

    Each assumption gets its own what-if (verdict and findings that appear).  Bounded
    by ``max_screens``: first one wrong answer for each assumption that a blocking or
    questioning rule reads (``decisive``: their (scope, field) pairs), then one for
    the others, then a second answer where a choice has more.  ``applicable(parts,
    field, value)``: whether an answer can be meant for those parts (no anodising for a
    stainless part); the others are no plausible mistake and are not tried.
    """
    base_rules = {(f["rule"], f["part"]) for f in baseline["findings"]}
    as_of = baseline["inputs"].get("as_of") or "2000-01-01"
    plan = []
    for order, entry in enumerate(assumed):
        question = questionnaire.question(entry["scope"], entry["field"])
        values = wrong_answers(question, entry["value"], limits, as_of)
        if applicable and entry["scope"] == "part":
            parts = [p for p in request["parts"] if str(p["id"]) in set(entry["parts"])]
            values = [v for v in values if applicable(parts, question.id, v)]
        values = values[:2]
        minor = (entry["scope"], entry["field"]) not in decisive
        for attempt, value in enumerate(values):
            plan.append(((attempt, minor, order), entry, question, value))
    plan.sort(key=lambda p: p[0])
    probed = set()  # the assumptions screened with another answer at least once
    for _, entry, question, value in plan[:max(0, max_screens)]:
        probed.add(id(entry))
        changed = request
        for part in entry["parts"] or [None]:
            changed = with_answer(changed, question, part, value)
        report = screen(changed)
        fired = {(f["rule"], f["part"]) for f in report["findings"]}
        added = sorted({r for r, _ in fired - base_rules})
        if report["verdict"] != baseline["verdict"] or added:
            entry["what_if"].append({"answer": value, "verdict": report["verdict"],
                                     "new_findings": added})
    for entry in assumed:  # null: not screened (past the budget), so not known
        entry["can_change_verdict"] = any(p["verdict"] != baseline["verdict"]
                                          for p in entry["what_if"]) \
            if id(entry) in probed else None
    return assumed


def rank(open_questions, request, baseline, screen, questionnaire, limits, as_of,
         unsupported=None, max_screens=MAX_SCREENS, applicable=None):
    """Add what-if probes to the open questions and order them by impact.

    ``screen(request) -> report dict`` screens a changed request (no probing);
    ``unsupported(part, field)`` names choices no machine for the part accepts;
    ``max_screens`` bounds the screens (see :func:`screens_allowed`);
    ``applicable``: see :func:`probe_assumptions`.
    """
    base_rules = {(f["rule"], f["part"]) for f in baseline["findings"]}
    budget = max_screens
    for entry in open_questions[:MAX_QUESTIONS]:
        question = questionnaire.question(entry["scope"], entry["field"])
        entry["what_if"] = []
        if question is None:
            continue
        first = []
        if unsupported and entry["scope"] == "part" and question.type == "choice":
            part = next((p for p in request["parts"] if str(p["id"]) == entry["part"]), {})
            first = unsupported(part, question.id)
        values = probe_values(question, limits, as_of, first)
        if applicable and entry["scope"] == "part":
            part = next((p for p in request["parts"] if str(p["id"]) == entry["part"]), {})
            values = [v for v in values if applicable([part], question.id, v)]
        values = values[:budget]
        budget -= len(values)
        if values:
            entry["probed"] = True
        for value in values:
            report = screen(with_answer(request, question, entry["part"], value))
            fired = {(f["rule"], f["part"]) for f in report["findings"]}
            added = sorted({r for r, _ in fired - base_rules})
            if report["verdict"] != baseline["verdict"] or added:
                entry["what_if"].append({"answer": value, "verdict": report["verdict"],
                                         "new_findings": added})
    for entry in open_questions:
        probes = entry.get("what_if", [])
        entry.setdefault("what_if", [])
        can_block = any(p["verdict"] == "no_fit" for p in probes) and \
            baseline["verdict"] != "no_fit"
        changes = any(p["verdict"] != baseline["verdict"] for p in probes)
        # null where no answer was screened (past the budget, or nothing to try): not
        # known, where false read "this answer cannot change the verdict"
        entry["can_change_verdict"] = changes if entry.pop("probed", False) else None
        entry["impact"] = (100 if can_block else 0) + (50 if changes else 0) + \
            (10 if entry["decisive"] else 0) + len(entry["rules"]) + \
            min(9, sum(len(p["new_findings"]) for p in probes)) / 10
    open_questions.sort(key=lambda q: (-q["impact"], q["scope"], q["part"] or "", q["field"]))
    return open_questions
