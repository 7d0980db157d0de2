"""Assignment: the machine (or partner) for each part operation.

From the engine's fits and rejections: the machines that fit each operation, in order
of preference (checked before provisional, comfortable before marginal, cheaper
first); a candidate-scope blocker that rules a machine out for a part; the machines'
free hours shared greedily (:func:`assign`); a partner where no own machine does the
operation, priced by the partner's price model (:func:`outside_work`).
"""

from __future__ import annotations

from typing import Any, Mapping

from producibility.engine.fit import Reason, text as fit_text
from producibility.engine.infer import Inferred, operation_hours


class Placement:
    """Where each part operation goes, and why the other machines do not."""

    __slots__ = ("assignments", "rejected", "ruled_out", "chosen", "not_made", "late")

    def __init__(self, assignments: list, rejected: dict, ruled_out: list,
                 chosen: frozenset, not_made: dict | None = None,
                 late: dict | None = None) -> None:
        self.assignments = assignments  # the report's assignments[], per part operation
        # part -> the processes no machine can do and no partner does: see not_made()
        self.not_made = not_made or {}
        # (part, process) -> the machine that would do an operation only its free hours
        # before the wanted date keep from it ({machine, machine_name, setup_h,
        # rate_eur_h}): priced and planned there, so the price and the earliest date
        # include it (the verdict still says no machine has the hours)
        self.late = late or {}
        self.rejected = rejected        # (part, process) -> [{machine, name, reasons}]
        self.ruled_out = ruled_out      # (part, process) with fitting machines, none left
        self.chosen = chosen            # (part, process, machine) of every assignment


def place(inferred: Inferred, partners: Mapping[str, dict], choice_text: Mapping,
          lang: str) -> Placement:
    """The report's assignments: the best machine per part operation, or a partner."""
    machines, request = inferred.machines, inferred.request
    candidates: dict = {}
    for (pid, process, mid), result in inferred.fits.items():
        candidates.setdefault((pid, process), []).append((mid, result))
    rejected: dict = {}
    for (pid, process, mid), reasons in inferred.rejections.items():
        rejected.setdefault((pid, process), []).append(
            {"machine": mid, "name": machines[mid]["name"],
             "reasons": [fit_text(r, lang) for r in reasons]})
    blocked = candidate_blockers(inferred, choice_text, lang)
    for (pid, process, mid), reasons in blocked.items():
        rejected.setdefault((pid, process), []).append(
            {"machine": mid, "name": machines[mid]["name"], "reasons": reasons})
    options = _options(inferred, candidates, blocked)
    picked, over = assign(options, machines, inferred.window)
    # An operation that only the machines' free hours before the wanted date keep from a
    # machine can be made, later than wanted: it is not left out as one no machine can do.
    late = {op: options[op][0][3] for op in over}  # the most preferred fitting machine
    full = {}
    for (pid, process, mid), reasons in inferred.rejections.items():
        if reasons and all(getattr(r, "key", None) == "capacity" for r in reasons):
            full.setdefault((pid, process), []).append((reasons[0].params["hours"], mid))
    for op, found in full.items():
        late.setdefault(op, min(found)[1])  # the machine that needs the fewest hours
    for (pid, process), reasons in over.items():
        rejected.setdefault((pid, process), []).extend(
            {"machine": mid, "name": machines[mid]["name"], "reasons": [fit_text(r, lang)]}
            for mid, r in reasons)

    assignments, chosen, ruled_out = [], set(), []
    for pid, part in inferred.parts.items():
        for process in part.get("processes") or ():
            entry = {"part": pid, "process": process, "machine": None, "judged": True,
                     "rejected": sorted(rejected.get((pid, process), []),
                                        key=lambda r: r["machine"])}
            choice = picked.get((pid, process))
            if choice is not None:
                _, _, cost, mid, result, hours = choice
                machine = machines[mid]
                entry.update(
                    machine=mid, machine_name=machine["name"],
                    marginal=[fit_text(r, lang) for r in result.marginal],
                    judged=not result.unchecked, unchecked=sorted(result.unchecked),
                    setup_h=_r(hours["setup"]),
                    run_h=None if hours["run"] is None else _r(hours["run"]),
                    rate_eur_h=machine["rate_eur_h"], amount_eur=_r(cost),
                    alternatives=[o[3] for o in options[pid, process] if o[3] != mid])
                chosen.add((pid, process, mid))
            elif candidates.get((pid, process)):
                ruled_out.append((pid, process))
            elif (pid, process) in inferred.subcontracts:
                partner_id, result = inferred.subcontracts[(pid, process)]
                entry.update(partner=outside_work(partners[partner_id], part, request, result,
                                                  lang),
                             unchecked=sorted(result.unchecked), judged=not result.unchecked)
            assignments.append(entry)
    planned = {}
    for a in assignments:
        op = (a["part"], a["process"])
        if not a["machine"] and not a.get("partner") and op in late:
            machine = machines[late[op]]
            hours = operation_hours(request, inferred.parts[a["part"]], machine)
            planned[op] = {"machine": late[op], "machine_name": machine["name"],
                           "setup_h": _r(hours["setup"]), "rate_eur_h": machine["rate_eur_h"]}
    return Placement(assignments, rejected, ruled_out, frozenset(chosen),
                     not_made(a for a in assignments if (a["part"], a["process"]) not in late),
                     planned)


def candidate_blockers(inferred: Inferred, choice_text: Mapping,
                       lang: str) -> dict[tuple, list[str]]:
    """(part, process, machine) -> the messages of the candidate-scope blockers that
    fired for it: they rule that machine out for the part, never the whole request."""
    blocked: dict = {}
    for hit in inferred.hits:
        rule = hit.rule
        if rule.scope == "candidate" and hit.outcome == "fired" and rule.then.get("blocker"):
            template = rule.message.get(lang) or rule.message.get("en")
            blocked.setdefault((hit.subject, hit.process, hit.machine), []).append(
                f"{rule.id}: {template.render(hit.context, lang, choice_text)}")
    return blocked


def _options(inferred: Inferred, candidates: dict, blocked: dict) -> dict[tuple, list]:
    """(part, process) -> the fitting machines, best first, as (unchecked, marginal,
    cost, machine id, fit result, hours) tuples."""
    machines, request = inferred.machines, inferred.request
    options = {}
    for pid, part in inferred.parts.items():
        for process in part.get("processes") or ():
            found = []
            for mid, result in candidates.get((pid, process), []):
                if (pid, process, mid) in blocked:
                    continue
                machine = machines[mid]
                hours = operation_hours(request, part, machine)
                found.append((bool(result.unchecked), bool(result.marginal),
                              hours["total"] * machine["rate_eur_h"], mid, result, hours))
            found.sort(key=lambda o: o[:4])
            options[pid, process] = found
    return options


def assign(options: Mapping[tuple, list], machines: Mapping[str, dict],
           weeks: float | None) -> tuple[dict, dict]:
    """The machine for each part operation, with the machines' free hours shared.

    ``options`` maps (part, process) to the fitting machines in order of
    preference.  Greedy, in a documented order: the operations with the fewest
    fitting machines first, then the longest, then by part and process; each goes
    to its most preferred machine that still has the hours free before the wanted
    date.  Returns ({operation: option}, {operation: [(machine, reason)]}) where the
    second lists, for an operation no machine has the hours left for, why each
    fitting machine is out (and which parts took its hours).  Without a wanted
    date (``weeks`` None) capacity is not checked (an open question elsewhere).
    """
    picked: dict = {}
    over: dict = {}
    if weeks is None:
        return {op: found[0] for op, found in options.items() if found}, over
    free = {mid: m["free_h_per_week"] * weeks for mid, m in machines.items()}
    left, users = dict(free), {}
    order = sorted((op for op, found in options.items() if found),
                   key=lambda op: (len(options[op]), -options[op][0][5]["total"], op))
    for op in order:
        for option in options[op]:
            mid, hours = option[3], option[5]["total"]
            if hours <= left[mid] + 1e-9:
                left[mid] -= hours
                users.setdefault(mid, []).append((op[0], hours))
                picked[op] = option
                break
        else:
            over[op] = [(o[3], Reason(
                "capacity_shared", hours=float(o[5]["total"]), free=float(free[o[3]]),
                taken=float(free[o[3]] - left[o[3]]),
                parts=", ".join(sorted({p for p, _ in users.get(o[3], ())}))))
                for o in options[op]]
    return picked, over


def not_made(assignments) -> dict[str, list[str]]:
    """part -> the processes of its operations that neither an own machine nor a partner
    does (``place`` leaves out the ones only free hours stop).  Such a part cannot be made
    here: it is neither priced (costing) nor scheduled (leadtime), and the report says
    so, where a price of its material or a lead time of its transport alone would read
    as if it could."""
    out: dict[str, list[str]] = {}
    for a in assignments:
        if not a.get("machine") and not a.get("partner"):
            out.setdefault(a["part"], []).append(a["process"])
    return out


def outside_work(partner: Mapping[str, Any], part: Mapping[str, Any],
                 request: Mapping[str, Any], result: Any, lang: str) -> dict[str, Any]:
    """A partner's operation: its lead time and the amount by its price model.

    ``price_basis`` is the formula, like a quote line's source (in English)."""
    price = partner["price"]
    pieces = part.get("pieces")
    batches = request.get("batches") or 1
    amount, basis = price.get("per_order_eur", 0) * batches, []
    if price.get("per_order_eur"):
        basis.append(f"{price['per_order_eur']:g} EUR x {batches} batch(es)")
    if price.get("per_piece_eur"):
        if pieces is None:
            basis.append("per piece: quantity unknown")
        else:
            amount += price["per_piece_eur"] * pieces
            basis.append(f"{price['per_piece_eur']:g} EUR x {pieces} pcs")
    if price.get("per_kg_eur"):
        if pieces is None or part.get("weight_kg") is None:
            basis.append("per kg: weight or quantity unknown")
        else:
            amount += price["per_kg_eur"] * part["weight_kg"] * pieces
            basis.append(f"{price['per_kg_eur']:g} EUR/kg x {part['weight_kg']:g} kg x {pieces} pcs")
    out = {"id": partner["id"], "name": partner["name"],
           "lead_time_days": partner["lead_time_days"], "amount_eur": _r(amount),
           "price_basis": "; ".join(basis) or price["source"]}
    if result is not None and result.marginal:
        out["marginal"] = [fit_text(r, lang) for r in result.marginal]
    return out


def _r(value: float, digits: int = 2) -> float:
    return round(float(value), digits)
