"""Assignment: the machine (or partner) for each part operation.

From the engine's fits and rejections: the machines that fit each operation, in order
of preference (checked before provisional, comfortable before marginal, cheaper
first); a candidate-scope blocker that rules a machine out for a part; the machines'
free hours before the wanted date shared greedily (:func:`assign`: an operation no
machine has the hours left for goes to a partner that does it sooner, else it is made
later than wanted where it ends soonest (its pieces spread over the fitting machines, or
on one), and the lead time and its
LEAD-TIME finding say what that means for the date; which operation on a shared
machine is the late one is the lead time's order, :func:`late_in_plan`); a partner
where no own machine
does the operation, priced by the partner's price model (:func:`outside_work`).
"""

from __future__ import annotations

import heapq
import math
from typing import Any, Mapping

from producibility import i18n
from producibility.engine.fit import Reason, text as fit_text
from producibility.engine.infer import Inferred, operation_hours
from producibility.model.calendar import PLAIN, Calendar
from producibility.report.leadtime import deliveries_of, machine_days, partner_days
from producibility.report.finding import named_parts
from producibility.report.partners import outside_work, shared_orders


class Placement:
    """Where each part operation goes, and why the other machines do not."""

    __slots__ = ("assignments", "rejected", "ruled_out", "chosen", "not_made", "weeks",
                 "nothing_made", "hours", "levelled", "short", "declined", "sooner")

    def __init__(self, assignments: list, rejected: dict, ruled_out: list,
                 chosen: frozenset, not_made: dict | None = None,
                 weeks: float | None = None, parts: Any = (),
                 hours: Mapping[tuple, float] | None = None,
                 levelled: Mapping[tuple, tuple] | None = None,
                 short: Mapping[tuple, dict] | None = None,
                 declined: Mapping[tuple, float] | None = None,
                 sooner: Mapping[tuple, dict] | None = None) -> None:
        # the report's assignments[], per part operation; one made later than wanted
        # (no fitting machine has the free hours before the wanted date) says why in
        # "late"
        self.assignments = assignments
        # part -> the processes no machine can do and no partner does: see not_made()
        self.not_made = not_made or {}
        self.rejected = rejected        # (part, process) -> [{machine, name, reasons}]
        self.ruled_out = ruled_out      # (part, process) with fitting machines, none left
        self.chosen = chosen            # (part, process, machine) of every assignment
        self.weeks = weeks              # working weeks to the wanted date (None: no date)
        # no part of the request (``parts``: its part ids) can be made here
        self.nothing_made = bool(parts) and all(p in self.not_made for p in parts)
        # (part, process, machine) -> the hours the operation takes on each fitting
        # machine as the choice weighed them (:func:`assign`): set-up, the run given or
        # estimated, a candidate rule's set-up on that machine; the whole order's
        self.hours = hours or {}
        # (part, process) -> (working days sooner, EUR more) of a split levelled so that
        # its machines end together, against filling the preferred first (:func:`_split`)
        self.levelled = levelled or {}
        # (part, process) no machine had the hours for (made later, or at a partner) ->
        # {machine: why it has not the hours} (:func:`assign`), said again in the
        # operation's own window where the lead time has one (:func:`late_in_plan`)
        self.short = short or {}
        # (part, process) kept on our machine, later, where a partner that does it would
        # be sooner at our normal hours but our overtime is sooner still (:func:`assign`)
        # -> the partner's working days, transport included
        self.declined = declined or {}
        # (part, process) that went to a dearer machine for its slack before the wanted
        # date (:func:`assign`, the pack's ``lead_time.slack``) -> {"instead_of": the
        # cheapest machine with the hours, "days": the working days of slack each machine
        # weighed left, "extra_eur": what the chosen one costs more}
        self.sooner = sooner or {}

    def moot(self, part: str | None) -> bool:
        """Whether the open questions of ``part`` (None: the request) no longer matter:
        the part cannot be made here, or (the request) nothing of it can, so no answer
        changes that.  They are not asked (nor its assumptions listed): a customer asked
        16 questions for a shaft no machine of ours can turn, and told "we look forward
        to your answers", read an offer that was not one."""
        return part in self.not_made if part is not None else self.nothing_made


def place(inferred: Inferred, partners: Mapping[str, dict], choice_text: Mapping,
          lang: str, transport_days: float = 0.0, overflow: bool = True,
          calendar: Calendar = PLAIN, windows: Mapping[tuple, Any] | None = None,
          estimate=None, weigh=None, overtime_h_per_day: float = 0.0,
          unattended: Any = None, bar=None, slack: Mapping | None = None) -> Placement:
    """The report's assignments: the best machine per part operation, or a partner.

    A machine's free hours before the wanted date are its hours a week over the working
    weeks to that date: the shop's working days (``calendar``) from the request's date,
    over five.

    ``transport_days``: one way to a partner (the pack's ``lead_time.transport_days``),
    for comparing a partner's lead time with machines short of hours (:func:`assign`);
    ``overflow`` False (the pack's ``lead_time.overflow: later``): such an operation
    stays on our machine, later, whatever a partner could do.  ``overtime_h_per_day``
    (the pack's ``lead_time.expedite``; 0: none) and ``unattended(part, process,
    machine)`` (whether that run goes on unattended, which overtime does not speed up:
    ``costing.runs_unattended``; None: none does): our machine with overtime, which a
    partner must beat (:func:`assign`).  ``windows``: an
    operation's own window for its machine's hours (:func:`assign`); ``estimate(part,
    process, machine)``: the run hours the quote estimates where no cycle time is given
    (None: the set-up alone counts).  Both plans take it: a block whose run was counted
    as its set-up alone took the cheaper mill's hours unseen, and the part placed beside
    it came out late with the other mill free.  ``weigh``: a part's stock weight, for
    a partner's price per kg where the part has no weight (``partners.stock_weigher``).
    ``bar(part, process, machine)`` -> (whether the process may make the part from bar,
    the drawn bar's diameter there or None for a sawn blank): an operation's ``bar_mm``
    (:func:`_weighed`).  ``slack``: the pack's ``lead_time.slack`` (min_days,
    max_extra), with ``windows`` only (the operations' own windows of a chain: the
    slack a machine leaves is counted in them, :func:`assign`); None: the cheapest
    machine with the hours, whatever its slack."""
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
    options = _options(inferred, candidates, blocked, estimate)
    outside = {op: partner_days(partners[pid], transport_days)
               for op, (pid, _) in inferred.overflow.items()
               if pid in partners} if overflow else {}
    weeks = None
    if inferred.window is not None:
        weeks = max(calendar.working_days_between(inferred.as_of, request["wanted_date"]),
                    0) / 5.0
    levelled: dict = {}
    declined: dict = {}
    sooner: dict = {}
    picked, late, split = assign(options, machines, weeks, outside,
                                 1 / deliveries_of(request), windows, levelled,
                                 overtime_h_per_day, unattended, declined,
                                 slack if windows else None, sooner)
    for op, reasons in late.items():
        used = {o[3] for o, _ in split[op]} if op in split else \
            {picked[op][3]} if op in picked else set()
        rejected.setdefault(op, []).extend(
            {"machine": mid, "name": machines[mid]["name"], "reasons": [fit_text(r, lang)]}
            for mid, r in reasons.items() if mid not in used)

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
                    alternatives=[] if (pid, process) in late else
                    [o[3] for o in options[pid, process] if o[3] != mid])
                # one made later than wanted says so in "late": late_in_plan, in the order
                # the lead time makes a machine's operations
                chosen.add((pid, process, mid))
                if (pid, process) in split:  # its pieces over several machines
                    _split_entry(entry, split[pid, process], machines, options[pid, process],
                                 (pid, process) in late)
                    chosen.update((pid, process, o[3]) for o, _ in split[pid, process])
                _weighed(entry, options[pid, process], bar, sooner.get((pid, process)))
            elif (pid, process) in late:  # own machines short of hours: a partner, sooner
                partner_id, result = inferred.overflow[(pid, process)]
                entry.update(partner=outside_work(partners[partner_id], part, request, result,
                                                  lang, weigh=weigh),
                             overflow=True, unchecked=sorted(result.unchecked),
                             judged=not result.unchecked)
            elif candidates.get((pid, process)):
                ruled_out.append((pid, process))
            elif (pid, process) in inferred.subcontracts:
                partner_id, result = inferred.subcontracts[(pid, process)]
                entry.update(partner=outside_work(partners[partner_id], part, request, result,
                                                  lang, weigh=weigh),
                             unchecked=sorted(result.unchecked), judged=not result.unchecked)
            assignments.append(entry)
    shared = shared_orders((a["part"], a["process"], a["partner"]["id"])
                           for a in assignments if a.get("partner"))
    for a in assignments:
        if (a["part"], a["process"]) in shared:
            partner_id, result = (inferred.overflow if a.get("overflow") else
                                  inferred.subcontracts)[a["part"], a["process"]]
            a["partner"] = outside_work(partners[partner_id], inferred.parts[a["part"]],
                                        request, result, lang,
                                        shared[a["part"], a["process"]], inferred.parts, weigh)
    return Placement(assignments, rejected, ruled_out, frozenset(chosen),
                     not_made(assignments), weeks, inferred.parts,
                     {(pid, process, o[3]): o[5]["total"]
                      for (pid, process), found in options.items() for o in found},
                     {op: (sooner * 5, _priced(split[op], machines) - _priced(filled, machines))
                      for op, (sooner, filled) in levelled.items()},
                     late, declined, sooner)


def _weighed(entry: dict, found: list, bar=None, sooner: Mapping | None = None) -> None:
    """Why the operation went to its machine, beside it: ``alternative_amounts``, each of
    its alternatives (``found``: the fitting machines as the choice ranked them) with
    what the operation would cost there (set-up and run hours at its rate, as weighed)
    and ``why`` it lost: ``dearer``, ``marginal`` (near a limit, or over a soft one),
    ``provisional`` (a limit unchecked for want of an answer), ``no_hours``
    (ranked before the chosen machine, it has not the free hours before the wanted
    date) or ``less_slack`` (cheaper, it has the hours but leaves less slack before the
    wanted date than the shop keeps: ``sooner``, :attr:`Placement.sooner`); and, for a process that may be made from bar (``bar``), ``bar_mm``: the drawn
    bar it is made from there, null for a sawn blank, as the entry's own.  A turned
    fitting read "-> mazak" with the L20, the CLX and the Haas as bare ids."""
    pid, process, mid = entry["part"], entry["process"], entry["machine"]
    fed = bar(pid, process, mid) if bar is not None else (False, None)
    if fed[0]:
        entry["bar_mm"] = fed[1]
    ranked = [o[3] for o in found]
    chosen = found[ranked.index(mid)] if mid in ranked else None
    out = []
    for other in entry.get("alternatives") or ():
        if other not in ranked or chosen is None:
            continue
        option = found[ranked.index(other)]
        why = "less_slack" if sooner and other in sooner["days"] and \
            ranked.index(other) < ranked.index(mid) else \
            "no_hours" if ranked.index(other) < ranked.index(mid) else \
            "provisional" if option[0] and not chosen[0] else \
            "marginal" if option[1] and not chosen[1] else "dearer"
        item = {"machine": other, "amount_eur": _r(option[2]), "why": why}
        if fed[0]:
            item["bar_mm"] = bar(pid, process, other)[1]
        out.append(item)
    if out:
        entry["alternative_amounts"] = out
        if not entry.get("split"):
            # the chosen machine's amount of the same kind as its alternatives' (a rule's
            # set-up on it included), which the reports set beside them: the quote's
            # amount_eur leaves that set-up to its own line, and a Mazak "as quoted"
            # at EUR 2,812.80 beside a Haas "as weighed" at EUR 2,461.39 did not
            # subtract to the "EUR 391.63 more" the report gave
            entry["weighed_eur"] = _r(chosen[2])


def _priced(shares, machines):
    """What [(option, pieces)] cost at their machines' rates: each share's set-up and run."""
    return sum(_share_hours(o, n) * machines[o[3]]["rate_eur_h"] for o, n in shares)


def _split_entry(entry: dict, shares: list, machines: Mapping[str, dict],
                 found: list, late: bool = False) -> None:
    """An operation whose pieces are split over several machines (:func:`assign`): its
    ``split``, each share's machine, pieces, set-up, run and amount at that machine's
    rate; the entry's set-up, run and amount the whole operation's (its machine and rate
    the first share's); its alternatives the fitting machines it does not use (none where
    it is ``late``: those are rejected, short of hours, as for one machine)."""
    out = []
    for option, pieces in shares:
        hours, machine = option[5], machines[option[3]]
        run = hours["run"] * pieces / hours["pieces"]
        out.append({"machine": option[3], "name": machine["name"], "pieces": pieces,
                    "setup_h": _r(hours["setup"]), "run_h": _r(run),
                    "rate_eur_h": machine["rate_eur_h"],
                    "amount_eur": _r((hours["setup"] + run) * machine["rate_eur_h"])})
    used = {share["machine"] for share in out}
    entry.update(split=out, setup_h=_r(sum(share["setup_h"] for share in out)),
                 run_h=_r(sum(share["run_h"] for share in out)),
                 amount_eur=_r(sum(share["amount_eur"] for share in out)),
                 alternatives=[] if late else [o[3] for o in found if o[3] not in used])


def priced_as_quoted(assignments: list, lines: list) -> None:
    """Each own-machine assignment's run hours and amount as the quote prices them.

    The assignment chose its machine on set-up plus the run hours a given cycle time
    makes, or the quote's estimate of them (:func:`assign`: unchanged).  An assignment read
    ``run_h: null`` and EUR 156 of set-up beside a quote of 51.31 estimated run hours
    and EUR 4,002: it now carries the quote's run hours, their ``run_basis`` (given or
    estimated) and set-up plus run as its amount; ``run_basis`` null says the amount is
    set-up only (no cycle time and no estimate, or no quantity).  A part that cannot be
    made here has no quote lines: its assignments keep the hours they were chosen on."""
    runs, setups, priced_parts = {}, {}, set()
    for line in lines:
        if line["rule"] is not None or line["part"] is None:
            continue
        priced_parts.add(line["part"])
        key = (line["part"], line["process"], line["machine"])
        if line["kind"] == "run":
            runs[key] = line
        elif line["kind"] == "setup":
            setups[key] = line
    for entry in assignments:
        if not entry.get("machine"):
            continue
        if entry["part"] not in priced_parts:
            entry["run_basis"] = "given" if entry.get("run_h") is not None else None
            continue
        # each machine's share as its set-up and run lines price it (a split operation's
        # shares, each at its machine's rate; the entry their sum)
        for share in entry.get("split") or (entry,):
            key = (entry["part"], entry["process"], share["machine"])
            run = runs.get(key)
            setup = setups.get(key)
            setup_eur = setup["amount_eur"] if setup else \
                share["setup_h"] * share["rate_eur_h"]
            share["run_h"] = run["run_h"] if run else None
            entry["run_basis"] = run["basis"] if run else None
            share["amount_eur"] = _r(setup_eur + (run["amount_eur"] if run else 0.0))
        if entry.get("split"):
            shares = entry["split"]
            entry["run_h"] = None if any(s["run_h"] is None for s in shares) else \
                _r(sum(s["run_h"] for s in shares))
            entry["amount_eur"] = _r(sum(s["amount_eur"] for s in shares))


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


def rule_setups(inferred: Inferred) -> dict[tuple, float]:
    """(part, process, machine) -> the set-up hours the candidate rules that fired for it
    add (``effort.setup_h``: a fixture for this part on that mill).  They are that
    machine's hours and cost if it is chosen: the choice weighs them, and they take the
    machine's free hours (the lead time puts them with the operation)."""
    out: dict = {}
    for hit in inferred.hits:
        rule = hit.rule
        if rule.scope != "candidate" or hit.outcome != "fired" or rule.then.get("blocker"):
            continue
        hours = (rule.then.get("effort") or {}).get("setup_h")
        if hours:
            key = (hit.subject, hit.process, hit.machine)
            out[key] = out.get(key, 0.0) + float(hours)
    return out


def _options(inferred: Inferred, candidates: dict, blocked: dict,
             estimate=None) -> dict[tuple, list]:
    """(part, process) -> the fitting machines, best first, as (unchecked, marginal,
    cost, machine id, fit result, hours) tuples; ``estimate``: see :func:`place`."""
    machines, request = inferred.machines, inferred.request
    extra = rule_setups(inferred)
    options = {}
    for pid, part in inferred.parts.items():
        for process in part.get("processes") or ():
            found = []
            for mid, result in candidates.get((pid, process), []):
                if (pid, process, mid) in blocked:
                    continue
                machine = machines[mid]
                hours = operation_hours(request, part, machine)
                run = estimate(pid, process, mid) if estimate and hours["run"] is None \
                    else None
                if run:
                    hours = dict(hours, run=run, total=hours["setup"] + run)
                more = extra.get((pid, process, mid))
                if more:  # a rule's set-up on this machine: its cost and its hours
                    hours = dict(hours, total=hours["total"] + more)
                hours = dict(hours, pieces=part.get("pieces"))  # what a split shares
                found.append((bool(result.unchecked), bool(result.marginal),
                              hours["total"] * machine["rate_eur_h"], mid, result, hours))
            found.sort(key=lambda o: o[:4])
            options[pid, process] = found
    return options


def assign(options: Mapping[tuple, list], machines: Mapping[str, dict],
           weeks: float | None, outside: Mapping[tuple, float] | None = None,
           share: float = 1.0, windows: Mapping[tuple, Any] | None = None,
           levelled: dict | None = None, overtime: float = 0.0,
           unattended: Any = None, declined: dict | None = None,
           slack: Mapping | None = None, sooner: dict | None = None) -> tuple[dict, dict]:
    """The machine for each part operation, with the machines' free hours shared.

    ``options`` maps (part, process) to the fitting machines in order of
    preference.  Greedy, in a documented order: the operations with the fewest
    fitting machines first, then the longest, then by part and process; each goes
    to its most preferred machine that still has the hours free before the wanted
    date; where machines are equally preferred (as sure, as comfortable and as cheap
    for the operation: twins of one model at one rate) to the one given the fewest
    hours so far, then by machine id, so that twins share the work as a planner
    levels it, with or without a wanted date.  An operation no one fitting machine has
    the hours left for, but several together have, is split over them (:func:`_split`:
    the fewest machines, each share with its own set-up, levelled so that they end
    together where that ends it a working day sooner than filling the preferred first),
    each share's hours counting on its machine.  One that no machine nor split has the
    hours left for is made later than wanted, as soon as the machines allow: its pieces
    spread over the fitting machines (:func:`_spread`: from the machine where it ends
    soonest, a machine more while it ends the levelled run a working day sooner and
    every share pays its own set-up; returned as a split), else (one machine so chosen, or a
    run that cannot be spread) on the fitting machine where it would end soonest (the
    hours already given to that machine plus its own, over the machine's free hours a
    week; then by preference); its hours count there for the operations after it;
    unless a partner does it sooner than our machine would with overtime (``outside``:
    operation -> the working days a partner takes, transport included, against the
    weeks x 5 until the machine, or the spread's last share, is done, each machine at
    its free hours a week plus ``overtime`` hours a working day, the pack's
    ``lead_time.expedite.overtime_h_per_day``, none for a run ``unattended`` on its
    machines, as
    the lead time's expedited tier works them): then it is left out of the first
    result (the caller gives it to the partner) and its hours count nowhere.  So the
    partner takes it only where it is sooner than our overtime (where our overtime
    cannot make the date and the partner can, it is sooner); where both miss the date,
    the sooner of the two.  An operation the partner would have taken at our normal
    hours, but that our overtime makes sooner, stays here (``declined``: filled with
    operation -> the partner's days), and the report's lead time names the overtime
    and the partner not chosen.
    Returns ({operation: option}, {operation: {machine: reason}}, {operation: [(option,
    pieces)]}): the first holds a split operation's first share, the third its shares
    in order; the second holds,
    for each operation no fitting machine has the hours for, why each of them has not
    (and which parts took its hours).  Without a wanted date (``weeks`` None) free
    hours are not counted (the date is an open question elsewhere).  ``share``: the
    share of an operation's hours due by the wanted date (an order in several
    deliveries: the first delivery's, ``1 / request.batches``).  ``windows``: an
    operation's own weeks for its machine's hours, where its part needs more than the
    machine's time before the wanted date (``leadtime.machining_windows``: the material
    before, the measuring, a treatment and the delivery after); else ``weeks``.
    ``levelled``: filled with each split operation whose shares were levelled ->
    (the working weeks it ends sooner, the shares filling the preferred first).
    ``windows``' values are ``leadtime.Window``s (their ``weeks``), or plain weeks.
    ``slack`` (the pack's ``lead_time.slack``: ``min_days``, ``max_extra``; None: not
    weighed): the slack of an operation on a machine is the working days its window
    has left after the hours given to the machine so far and its own (whole days, as
    the chain counts them); where the preferred machine with the hours leaves fewer
    than ``min_days``, the choice is made among the machines with the hours as sure and
    as comfortable that cost at most ``max_extra`` (a share) more for the operation:
    the cheapest that leaves ``min_days`` or more, else the cheapest of those that leave
    the most, where that is a working day more than the preferred leaves (:func:`_slack`);
    ``sooner`` is filled with each operation so moved (:attr:`Placement.sooner`).
    """
    picked: dict = {}
    late: dict = {}
    split: dict = {}
    windows = windows or {}

    def free(mid, op):  # the machine's hours in the operation's window
        if weeks is None:  # no wanted date: the hours are not counted against one
            return float("inf")
        return machines[mid]["free_h_per_week"] * _weeks_of(windows.get(op), weeks)
    given = dict.fromkeys(machines, 0.0)  # hours given to each machine so far
    users: dict = {}

    def book(op, shares):  # a split operation: each share's hours on its machine
        for option, pieces in shares:
            given[option[3]] += _share_hours(option, pieces) * share
            users.setdefault(option[3], []).append(op[0])
        picked[op] = shares[0][0]
        split[op] = shares
    order = sorted((op for op, found in options.items() if found),
                   key=lambda op: (len(options[op]), -options[op][0][5]["total"], op))
    for op in order:
        found = options[op]
        room = [o for o in found
                if o[5]["total"] * share <= free(o[3], op) - given[o[3]] + 1e-9]
        # of the machines as good and as cheap as the best with room (twins: the same
        # model at the same rate), the one with the fewest hours given so far
        option = min((o for o in room if o[:3] == room[0][:3]),
                     key=lambda o: given[o[3]]) if room else None
        if option is not None and slack and weeks is not None:
            option = _slack(option, room, op, free, given, share, machines, slack, sooner)
        if option is None:
            # no one machine has the hours: the pieces split over the fewest fitting
            # machines that have them, each share with its own set-up
            filled: list = []
            shares = _split(found, op, free, given, share, machines, filled)
            if shares is not None:
                if levelled is not None and filled:
                    levelled[op] = (_ends(filled, machines, given, share) -
                                    _ends(shares, machines, given, share), filled)
                book(op, shares)
                continue
            late[op] = {o[3]: _short_of_hours(o[5]["total"] * share, free(o[3], op),
                                              given[o[3]], users.get(o[3], ()),
                                              weeks, windows.get(op),
                                              machines[o[3]]["free_h_per_week"])
                        for o in found}
            # late whatever we do: its pieces over the fitting machines so that it ends
            # soonest (:func:`_spread`), else on the one where it ends soonest
            shares = _spread(found, machines, given, share)
            if shares is not None:
                done = [(_piece_done(o, n, machines, given, share), o) for o, n in shares]
            else:
                option = min(found, key=lambda o: (_weeks_until_done(o, machines, given,
                                                                     share),
                                                   found.index(o)))
                done = [(_weeks_until_done(option, machines, given, share), option)]
            partner_days = (outside or {}).get(op)
            if partner_days is not None:
                extra = 0.0 if unattended is not None and all(
                    unattended(op[0], op[1], o[3]) for _, o in done) else overtime
                ends = max(weeks_done for weeks_done, _ in done)
                if partner_days < 5 * _overtime_ends(done, machines, extra):
                    continue  # a partner does it sooner than our overtime
                if partner_days < 5 * ends and declined is not None:
                    declined[op] = partner_days  # sooner at our normal hours only
            if shares is not None:
                book(op, shares)
                continue
        mid, hours = option[3], option[5]["total"] * share
        given[mid] += hours
        users.setdefault(mid, []).append(op[0])
        picked[op] = option
    return picked, late, split


def _slack(option, room, op, free, given, share, machines, slack, sooner=None):
    """The machine for ``op`` with its slack weighed (:func:`assign`, ``slack``): the
    preferred machine with the hours (``option``) where it leaves the shop's
    ``min_days`` working days of slack in the operation's window; else, of the machines
    with the hours (``room``) as sure and as comfortable that cost at most ``max_extra``
    more, the cheapest that leaves them, else the cheapest of those that leave the most
    where that is a working day more; of twins (the same model at the same rate) the one
    given the fewest hours.

    Judgement (the pack's ``lead_time.slack``, documented there): under three working
    days of slack a breakdown, a rejected first article or material a day late misses
    the date (MGT-001's threshold); a dearer machine buys that slack where it costs no
    more than the overtime that would catch up the lost days anyway."""

    def days(o):
        per_week = machines[o[3]]["free_h_per_week"]
        if per_week <= 0:
            return 0
        left = (free(o[3], op) - given[o[3]] - o[5]["total"] * share) / per_week
        return int(math.floor(5 * left + 1e-6))

    need = slack.get("min_days") or 0
    have = days(option)
    if have >= need:
        return option
    most = option[2] * (1 + (slack.get("max_extra") or 0.0)) + 1e-9
    pool = [o for o in room if o[:2] == option[:2] and o[2] <= most]
    left = {o[3]: days(o) for o in pool}
    best = next((o for o in pool if left[o[3]] >= need), None)
    if best is None:
        top = max(left.values())
        if top <= have:
            return option
        best = next(o for o in pool if left[o[3]] == top)
    best = min((o for o in pool if o[:3] == best[:3]), key=lambda o: given[o[3]])
    if best is option or best[3] == option[3]:
        return option
    if sooner is not None:
        sooner[op] = {"instead_of": option[3], "extra_eur": best[2] - option[2],
                      "days": {o[3]: left[o[3]] for o in pool
                               if o[:4] < best[:4] or o[3] == best[3]}}
    return best


def _share_hours(option, pieces):
    """The hours of ``pieces`` of an operation on the option's machine: its set-up (a
    rule's on that machine too) and the run of those pieces."""
    hours = option[5]
    return hours["total"] - hours["run"] + hours["run"] * pieces / hours["pieces"]


def _piece_done(option, pieces, machines, given, share=1.0):
    """The working weeks until ``pieces`` of the operation are done on the option's
    machine, after the hours already given to it: those hours plus a set-up of its own (a
    rule's on that machine too) and the run of those pieces, over its free hours a
    week."""
    return (given[option[3]] + _share_hours(option, pieces) * share) / \
        machines[option[3]]["free_h_per_week"]


#: The working weeks by which another machine must make a run end sooner, and by which
#: levelling a split must, to be worth a set-up more or a dearer machine's hours: one
#: working day (a fifth of a working week), the unit the lead time counts in.
#: Judgement: a fraction of a day seldom moves the delivery day, while each machine
#: more is a set-up and a first-off inspection more (20 pieces over three mills, one of
#: them on a Hermle with a 2 h set-up, cost EUR 430 more and were not one day sooner).
SOONER_WEEKS = 0.2


def _ends(shares, machines, given, share):
    """The working weeks until the last share of ``shares`` is done."""
    return max(_piece_done(o, n, machines, given, share) for o, n in shares)


def _pays(option, pieces):
    """Whether a share of ``pieces`` pays its own set-up in time saved: its run (the
    hours it takes off the other machines) is at least its set-up (a rule's on that
    machine too)."""
    hours = option[5]
    return hours["run"] * pieces / hours["pieces"] >= hours["total"] - hours["run"] - 1e-9


def _spread(found, machines, given, share):
    """The operation's pieces over its fitting machines so that the run ends soonest,
    where neither one machine nor a split (:func:`_split`) makes them by the wanted
    date: [(option, pieces)] in order of preference, or None where that is one machine.

    First the machine where the whole run would end soonest (then the preferred); then,
    one at a time, the machine with which the levelled run (:func:`_level`) ends soonest
    (then the preferred), of those with which it ends at least a working day sooner
    (:data:`SOONER_WEEKS`) and every share's run pays its own set-up (:func:`_pays`);
    until no machine does.  Only an operation with a known run and two pieces or more,
    on the machines with that run and free hours a week."""
    pieces = found[0][5].get("pieces")
    if not pieces or pieces < 2:
        return None
    able = [o for o in found if o[5].get("run") and o[5].get("pieces") == pieces
            and machines[o[3]]["free_h_per_week"] > 0]
    if len(able) < 2:
        return None
    first = min(able, key=lambda o: (_piece_done(o, pieces, machines, given, share),
                                     able.index(o)))
    shares = [(first, pieces)]
    ends = _ends(shares, machines, given, share)
    while True:
        used = {id(o) for o, _ in shares}
        best = None
        for i, o in enumerate(able):
            if id(o) in used:
                continue
            trial = [x for x in able if id(x) in used or x is o]
            made = [(x, n) for x, n in zip(trial, _level(trial, pieces, machines, given,
                                                         share)) if n]
            if len(made) <= len(shares) or not all(_pays(x, n) for x, n in made):
                continue
            end = _ends(made, machines, given, share)
            if end > ends - SOONER_WEEKS + 1e-9:
                continue
            if best is None or end < best[0] - 1e-12:
                best = (end, made)
        if best is None:
            break
        ends, shares = best
    return shares if len(shares) >= 2 else None


def _level(able, pieces, machines, given, share):
    """The pieces each of the machines ``able`` makes so that the run ends soonest: as if
    each piece in turn went to the machine where it would be done soonest
    (:func:`_piece_done`: the hours already given to the machine, its set-up with its
    first piece, the run of its pieces so far, over its free hours a week; of equal ends
    the preferred machine), so that the machines used end together, within a piece, and
    no other share ends sooner.  Worked out, not piece by piece, from the end at which
    the machines' pieces, were they divisible, would add up to the run: the pieces each
    machine has whole by then, and the next earliest (or less the latest) pieces to the
    run's number, a machine at a time."""

    def done(i, n):
        return _piece_done(able[i], n, machines, given, share)

    # the end were pieces divisible: each machine from its set-up on at its pieces a week
    starts, rates = [], []
    for o in able:
        hours, per_week = o[5], machines[o[3]]["free_h_per_week"]
        starts.append((given[o[3]] + (hours["total"] - hours["run"]) * share) / per_week)
        rates.append(per_week * pieces / (hours["run"] * share))
    end, before, rate = None, 0.0, 0.0
    for i in sorted(range(len(able)), key=lambda i: starts[i]):
        if end is not None and end <= starts[i]:
            break
        before += starts[i] * rates[i]
        rate += rates[i]
        end = (pieces + before) / rate
    made = []
    for i, o in enumerate(able):  # the pieces each machine has whole by then
        n = max(0, min(pieces, int((end - starts[i]) * rates[i])))
        while n < pieces and done(i, n + 1) <= end:
            n += 1
        while n > 0 and done(i, n) > end:
            n -= 1
        made.append(n)
    total = sum(made)
    if total < pieces:  # the next earliest pieces
        ahead = [(done(i, made[i] + 1), i) for i in range(len(able)) if made[i] < pieces]
        heapq.heapify(ahead)
        while total < pieces:
            _, i = heapq.heappop(ahead)
            made[i] += 1
            total += 1
            if made[i] < pieces:
                heapq.heappush(ahead, (done(i, made[i] + 1), i))
    elif total > pieces:  # less the latest
        last = [(-done(i, made[i]), -i) for i in range(len(able)) if made[i]]
        heapq.heapify(last)
        while total > pieces:
            _, i = heapq.heappop(last)
            made[-i] -= 1
            total -= 1
            if made[-i]:
                heapq.heappush(last, (-done(-i, made[-i]), i))
    return made


def _split(found, op, free, given, share, machines, filled=None):
    """The operation's pieces split over its fitting machines, where no one of them has
    the hours left for all of them before the wanted date and some of them together
    have: [(option, pieces)] in order of preference, or None.  The fewest machines that
    can take every piece (each share with its own set-up, a rule's on that machine
    too); of as many, the first in order of preference.  Their shares levelled
    (:func:`_level`: the machines end together, each with a share of its own) where
    that ends the operation at least a working day sooner (:data:`SOONER_WEEKS`) than
    filling them in order of preference, each with as many pieces as its machine's free
    hours left take, the last the rest (which leaves no slack: the first machine runs
    to the end of its hours); else so filled.  Only an operation with a known run (a
    cycle time, or the quote's estimate) and at least two pieces is split.  ``filled``
    (a list): given the shares filling in order of preference where they are levelled."""
    pieces = found[0][5].get("pieces")
    if not pieces or pieces < 2:
        return None
    room = []  # (option, the pieces its free hours left take)
    for o in found:
        hours = o[5]
        if not hours.get("run") or hours.get("pieces") != pieces:
            continue
        per_piece = hours["run"] / pieces
        left = (free(o[3], op) - given[o[3]]) / share - (hours["total"] - hours["run"])
        most = min(int(math.floor(left / per_piece + 1e-9)), pieces) if left > 0 else 0
        if most >= 1:
            room.append((o, most))
    sizes = sorted((most for _, most in room), reverse=True)
    need = next((k for k in range(2, len(sizes) + 1) if sum(sizes[:k]) >= pieces), None)
    if need is None:
        return None
    chosen: list = []
    for i, (o, most) in enumerate(room):  # the first covering set in order of preference
        if len(chosen) == need:
            break
        more = need - len(chosen) - 1
        after = sorted((m for _, m in room[i + 1:]), reverse=True)[:more]
        if len(after) == more and \
                sum(m for _, m in chosen) + most + sum(after) >= pieces:
            chosen.append((o, most))
    shares, rest = [], pieces
    for o, most in chosen:
        take = min(most, rest)
        shares.append((o, take))
        rest -= take
    able = [o for o, _ in chosen]
    if all(machines[o[3]]["free_h_per_week"] > 0 for o in able):
        levelled = list(zip(able, _level(able, pieces, machines, given, share)))
        if all(n >= 1 and n <= most for (_, n), (_, most) in zip(levelled, chosen)) and \
                _ends(levelled, machines, given, share) <= \
                _ends(shares, machines, given, share) - SOONER_WEEKS + 1e-9:
            if filled is not None:
                filled.extend(shares)
            return levelled
    return shares


def late_in_plan(placement: Placement, inferred: Inferred,
                 order: Mapping[str, list], lang: str,
                 windows: Mapping[tuple, Any] | None = None,
                 late_parts: Any = None) -> None:
    """Which operations on our machines are made later than wanted, in the order the
    lead time's chain makes them (``order``: machine -> [(part, process, hours)], from
    ``leadtime.lead_time``: the chain's hours, an estimated run included, of an order in
    several deliveries the first's): walking each machine's operations in that order, one
    whose hours no longer fit in the machine's free hours before the wanted date (after the
    hours of those before it) says why in its assignment's ``late``; the others say
    nothing.  The assignment (:func:`assign`) chose the machines, longest operation
    first; the chain decides which part goes first on a machine (the part ready first),
    so that which part the report calls late is the part that ends late (before, the
    machines list could call P1 late where the lead time's slowest part was P2).  A part
    that cannot be made here is not planned, so never late.

    The free hours are those in the operation's own window (``windows``:
    ``leadtime.machining_windows`` of the chain, the one owner: after what its part
    does before its machines, before what it does after them and the wanted date), not
    all the weeks to the wanted date: a Hermle read "needs 32.0 h, 28.0 h free in the
    2.8 working weeks before the wanted date" where CAM before and measuring, anodising
    and delivery after left it 4.1 working days, 8.25 h.  An operation is late only where
    its part ends after the wanted date in the chain (``late_parts``; None: not
    asked): a machine that made another part's work before this part was ready did not
    take its window's hours; and not where its window has no working day (the material
    comes after the date the machines would have to finish by: no hours make it, and
    the LEAD-TIME finding says the date).  An operation a partner takes for want of our hours says
    why each machine has not them in its window too (``Placement.short``)."""
    weeks = placement.weeks
    if weeks is None:
        return
    windows = windows or {}
    machines, request = inferred.machines, inferred.request
    late = {}
    load = {}  # machine -> (its hours before the wanted date taken in all, by which parts)
    for mid, ops in order.items():
        per_week, given, users = machines[mid]["free_h_per_week"], 0.0, []
        for pid, process, hours in ops:  # the chain's hours: an estimated run too, and
            # of an order in several deliveries the first's
            window = windows.get((pid, process))
            free = per_week * _weeks_of(window, weeks)
            if hours > free - given + 1e-9 and (late_parts is None or pid in late_parts) \
                    and (window is None or _weeks_of(window, weeks) > 0):
                # of a split, each share's machine
                late.setdefault((pid, process), {})[mid] = fit_text(
                    _short_of_hours(hours, free, given, users, weeks, window, per_week),
                    lang)
            given += hours
            users.append(pid)
        load[mid] = (given, users)
    for entry in placement.assignments:
        if windows:  # the machines assign found short of hours, in the window
            _short_in_window(entry, placement.short.get((entry["part"], entry["process"])),
                             machines, weeks, windows.get((entry["part"], entry["process"])),
                             lang)
        if entry.get("machine"):
            entry.pop("late", None)
            said = late.get((entry["part"], entry["process"]))
            if said:  # of a split, the first share's that is late
                entry["late"] = next((said[share["machine"]] for share in
                                      entry.get("split") or ({"machine": entry["machine"]},)
                                      if share["machine"] in said),
                                     next(iter(said.values())))
                _no_room_elsewhere(entry, placement.hours, machines, request, load,
                                   weeks, lang, windows.get((entry["part"], entry["process"])))


def _short_in_window(entry, reasons, machines, weeks, window, lang):
    """An operation no machine had the hours for (made later, or at a partner): why each
    machine rejected for it has not them (``reasons``: :func:`assign`'s, machine ->
    Reason) said again in the operation's own ``window``, where the lead time has one."""
    if not reasons or window is None or window.between is None:
        return
    for rejected in entry["rejected"]:
        reason = reasons.get(rejected["machine"])
        if reason is None or rejected["reasons"] != [fit_text(reason, lang)]:
            continue
        per_week = machines[rejected["machine"]]["free_h_per_week"]
        hours, taken = reason.params["hours"], reason.params.get("taken", 0.0)
        free = float(per_week * window.weeks)
        rejected["reasons"] = [fit_text(Reason(
            "capacity_window_shared", hours=hours, free=free, taken=min(taken, free),
            days=float(window.weeks * 5), between=window.between,
            parts=reason.params["parts"]) if taken else _short_of_hours(
                hours, free, 0.0, (), weeks, window, per_week), lang)]


def _no_room_elsewhere(entry, hours_on, machines, request, load, weeks, lang, window=None):
    """A late operation's alternatives that have no hours left for it either are
    rejected, with the parts that took them (P3 late on the Prusa read 'alternatives:
    ultimaker-s5', whose hours P2 had).  Its hours on each are those the choice weighed
    (``hours_on``: :attr:`Placement.hours`), of an order in several deliveries the
    first's, as the chosen machine's: a candidate rule's set-up on that machine too (a
    VF-2 that needed 60 h of fixture for the part before it could start read as an
    alternative with 16 h free), and the run the quote estimates.  Its free hours are
    those in the operation's ``window`` (:func:`late_in_plan`)."""
    keep = []
    for mid in entry.get("alternatives") or ():
        hours = hours_on[entry["part"], entry["process"], mid] / deliveries_of(request)
        per_week = machines[mid]["free_h_per_week"]
        free = per_week * _weeks_of(window, weeks)
        taken, users = load.get(mid, (0.0, []))
        if hours > free - taken + 1e-9:
            entry["rejected"] = sorted(entry["rejected"] + [{
                "machine": mid, "name": machines[mid]["name"],
                "reasons": [fit_text(_short_of_hours(hours, free, taken, users, weeks,
                                                     window, per_week),
                                     lang)]}], key=lambda r: r["machine"])
        else:
            keep.append(mid)
    entry["alternatives"] = keep


def _weeks_of(window, weeks):
    """The working weeks of an operation's window (a ``leadtime.Window``, plain weeks,
    or None: ``weeks``)."""
    if window is None:
        return weeks
    return getattr(window, "weeks", window)


def _overtime_ends(done, machines, overtime):
    """The working weeks until the last of ``done`` ([(weeks at the machine's free hours,
    option)]) is done with ``overtime`` hours a working day more on each machine (0: a
    process that runs unattended gains none): its hours, those given to the machine
    before it included, at the lead time's pace (``leadtime.machine_days``), as the
    expedited chain works them."""
    out = 0.0
    for weeks_done, option in done:
        per_week = machines[option[3]]["free_h_per_week"]
        if overtime > 0 and math.isfinite(weeks_done) and per_week > 0:
            weeks_done = machine_days(weeks_done * per_week, per_week / 5.0, overtime) / 5.0
        out = max(out, weeks_done)
    return out


def _weeks_until_done(option, machines, given, share=1.0):
    per_week = machines[option[3]]["free_h_per_week"]
    hours = given[option[3]] + option[5]["total"] * share
    return hours / per_week if per_week > 0 else float("inf")


def _short_of_hours(hours, free, given, parts, weeks, window=None, per_week=None):
    """Why a machine has not the hours for an operation before the wanted date: ``free``
    its hours in the operation's own ``window`` (a ``leadtime.Window`` whose steps before
    and after are named: then the words say the window's working days and what comes
    before and after it, and, of a machine nobody else took, its ``per_week`` hours in
    all the ``weeks`` to the wanted date beside them), else in the ``weeks`` to it."""
    named = window is not None and getattr(window, "between", None) is not None
    if given <= 1e-9:
        if named:
            return Reason("capacity_window", hours=float(hours), free=float(free),
                          days=float(window.weeks * 5), between=window.between,
                          whole=float(per_week * weeks),
                          weeks=float(weeks))
        return Reason("capacity", hours=float(hours), free=float(free), weeks=float(weeks))
    users = {lang: named_parts(sorted(set(parts)), lang) for lang in i18n.LANGS}
    if named:
        # of hours another part's work took before this part was ready, no more than
        # the window has
        return Reason("capacity_window_shared", hours=float(hours), free=float(free),
                      taken=float(min(given, free)), days=float(window.weeks * 5),
                      between=window.between, parts=users)
    return Reason("capacity_shared", hours=float(hours), free=float(free),
                  taken=float(given), parts=users)



def not_made(assignments) -> dict[str, list[str]]:
    """part -> the processes of its operations that neither an own machine nor a partner
    does.  Such a part cannot be made
    here: it is neither priced (costing) nor scheduled (leadtime), and the report says
    so, where a price of its material or a lead time of its transport alone would read
    as if it could."""
    out: dict[str, list[str]] = {}
    for a in assignments:
        if not a.get("machine") and not a.get("partner"):
            out.setdefault(a["part"], []).append(a["process"])
    return out


def _r(value: float, digits: int = 2) -> float:
    return round(float(value), digits)
