"""Lead time as a chain: material, operations in routing order, waits, treatments,
transport.

Per part: the material is ordered (its catalogue lead time, none when the part is
``in_stock`` (model/stock.py: stocked, and no more than the shop keeps) or the material
supplied by the customer) while the part is designed (the rules' ``effort.design_h``: a 3D
model to make, the design to adapt; the request's first) and prepared (CAM and work
preparation, the quote's hours), at the pack's ``preparation_h_per_day``, the parts one
after another, the part with the most work after its preparation first (of equals by
part id: the order of the parts in the request changes nothing);
then its operations in routing order, each on its
machine's free hours (a machine does one operation at a time and takes next the one
that can start soonest: its part ready, of equals the part planned first; so a
part waiting for its material does not hold up one in stock), an
operation at a partner with the partner's lead time and transport both ways; then the
measuring (the first piece measured before the series is released, the rules'
``effort.inspection_h``: the quote's inspection hours; a request rule's with the part
that would end last) at the pack's
``inspection_h_per_day``, one part at a time in the measuring room; then the
waits the rules name (``effort.lead_time_days``: an NDT inspector, a measuring lab,
EDM bought in), one after another; then the surface treatments (at a partner, else the
catalogue's lead time); delivery adds the last transport.  A treatment of stage
``before_finishing`` in the catalogue (hardening, nitriding) is no surface treatment at the
end: it is in the part's routing (``Catalogue.routing``), after its soft machining and
before its first finishing operation (grinding, EDM) and its measuring, and the machines
after it are booked when the part is back.

Each step says when, as well as how long: ``start_day`` and ``end_day`` (working days
from the start, as the chain counts them) and, in the report, ``start_date`` and
``end_date`` on the shop's calendar; an operation its ``process``, ``machine`` (a split's
``shares``: machine, pieces, hours) and ``hours``, outside work its ``process`` and
``partner``: what a planning system loads.

A rule's wait may say what it waits for (``effort.waits_for``): the waits of one part
for the same thing are one wait (the longest); ``material``, ``treatment`` and a
process of the part's routing are the chain's own steps, whose figure (the
catalogue's, the partner's, the machine's) stands where the chain has one, the rule's
where it has none.  A wait for the ``design`` (the customer approves the changes we
made) comes after the design work, before the preparation.  A request rule's wait is
every part's.

An operation whose run hours are not known (no quantity, no cycle time and nothing
to estimate it from) counts its set-up only: its part's entry names it in
``without_run`` and the request's lead time is a lower bound (``without_run``: the
parts).  The request takes its slowest part.  Working days: five a week, free hours spread
evenly over them.  A part that cannot be made here (an operation no machine can do and
no partner does: ``Placement.not_made``) has no lead time: its entry says which
processes, and the request's lead time is its other parts' (none when it has no
other).
"""

from __future__ import annotations

import bisect
import datetime
import math
from typing import Any, Mapping, NamedTuple, Sequence

from producibility import i18n
from producibility.model.calendar import MAX_WORKING_DAYS, PLAIN
from producibility.report.finding import MACHINES_NAMED, Finding, Risk, words
from producibility.report.provenance import weakest


def add_working_days(start, days, calendar=PLAIN):
    """The date ``days`` working days after ``start`` (the shop's ``calendar``: Monday to
    Friday less its closed days); None beyond MAX_WORKING_DAYS."""
    return calendar.add_working_days(start, days)


STALE_DAYS = 7  # judgement: a shop answers an enquiry within a week; older, say so


def dated_days_ago(counted: str | None, today: datetime.date) -> int | None:
    """The days from ``counted``, the request's own date the dates count from (no
    ``--as-of`` given), to ``today``, where it is before today; else None (counted from
    today, from a date to come, or from a date given with ``--as-of``, which is "today"
    for that run).  The report's ``inputs.dated_days_ago``: what ``check``'s note on an
    old offer, ``batch``'s column and note, and :func:`judged_today` read."""
    try:
        days = (today - datetime.date.fromisoformat(counted)).days
    except (TypeError, ValueError):
        return None
    return days if days > 0 else None


def dated_long_ago(days_ago: int | None) -> bool:
    """Counted from a request's date more than a week before today (STALE_DAYS): the
    offer's date and its delivery date are long gone; the command lines say so."""
    return days_ago is not None and days_ago > STALE_DAYS


def judged_today(result, start, days_ago, calendar=PLAIN) -> None:
    """A lead time counted from a request's date ``days_ago`` days before today (its
    ``start``) meets its wanted date only if the same working days counted from today
    do: a request dated 09-11 and wanted 20-11 read "meets the wanted date: true" with
    an earliest date of 13-11, on 23-11.  Where they do not, ``meets_wanted_date`` is
    null (not known: the dates count from a day gone; ``--as-of`` counts from today),
    not false: the chain counted from the request's date does meet it, and a missed
    date would be a LEAD-TIME finding whose dates contradict it."""
    if not days_ago or result.get("meets_wanted_date") is not True or not start:
        return
    today = (datetime.date.fromisoformat(start) + datetime.timedelta(days=days_ago))
    soonest = add_working_days(today.isoformat(), result["days"], calendar)
    if soonest is None or soonest > result["wanted_date"]:
        result["meets_wanted_date"] = None


def working_days_between(start, end, calendar=PLAIN):
    """Working days after ``start`` up to and including ``end``; negative, counted the
    other way, when ``end`` comes first."""
    return calendar.working_days_between(start, end)


def schedule_facts(result, request, calendar=PLAIN):
    """What the schedule stage's rules read of the lead time (infer.SCHEDULE_FIELDS),
    and what an unknown one waits for: (facts, waiting).  The chain says nothing when
    nothing of the request can be made here; it gives only a lower bound when an
    operation's run hours are unknown (then it waits for the quantity, or the parts'
    cycle times), and no slack without a wanted date."""
    earliest, wanted = result["earliest_date"], request.get("wanted_date")
    lower_bound = result["without_run"]
    if lower_bound:
        chain_needs = ((("request", "quantity", None),) if request.get("quantity") is None
                       else tuple(("part", "cycle_time_min", pid) for pid in lower_bound))
    else:
        chain_needs = ()
    known = earliest if earliest is not None and not lower_bound else None
    facts = {"earliest_delivery": known,
             "slack_days": working_days_between(known, wanted, calendar)
             if known and wanted else None}
    waiting = {"earliest_delivery": chain_needs,
               "slack_days": chain_needs + ((("request", "wanted_date", None),)
                                            if not wanted else ())}
    return facts, waiting


def waits_of(findings):
    """part id (None: the request) -> the waits its findings name: (what it waits for or
    None, days, rule, title), from the rules' ``effort.lead_time_days``."""
    waits = {}
    for f in findings:
        days = f.effort.get("lead_time_days")
        if days:
            waits.setdefault(f.part, []).append(
                (f.effort.get("waits_for"), float(days), f.rule, f.title))
    return waits


def undecided_waits(hits, moot, chosen=(), askable=None):
    """part id (None: the request) -> the waits of the rules that could not decide
    (``effort.lead_time_days`` of a rule whose questions are open), as :func:`waits_of`
    gives them: the lead time without them is what the answers so far allow, and with
    them what it may become (``lead_time.up_to``).  ``moot(part)``: no answer makes the
    part (nothing is asked for it); ``chosen``: the (part, process, machine) the
    placement chose (a candidate rule counts only there); ``askable(scope, field,
    part)``: whether the questionnaire asks, or may yet ask, a question the rule waits
    for (a rule waiting only for questions not asked of this request, EN 1090's execution
    class of a product that is no construction product, waits for nothing)."""
    from producibility.report.open_questions import undecided

    def waits(hit):
        return bool((hit.rule.then.get("effort") or {}).get("lead_time_days"))
    out = {}
    for hit in undecided(hits, moot, chosen, askable, waits):
        effort = hit.rule.then["effort"]
        part = hit.subject if hit.rule.scope in ("part", "candidate") else None
        entry = (effort.get("waits_for"), float(effort["lead_time_days"]), hit.rule.id,
                 hit.rule.text("title", "en"))
        listed = out.setdefault(part, [])
        if entry not in listed:
            listed.append(entry)
    return out


def _named(name, waits):
    """The longest of ``waits`` for ``name`` (the lowest rule id of equals), or None."""
    return next((w for w in _longest(waits) if w[0] == name), None)


def _longest(waits):
    """One wait per thing waited for (the longest; the lowest rule id of equals);
    a wait that names nothing is its own.  In rule order."""
    kept = {}
    for name, days, rule, title in sorted(waits, key=lambda w: w[2]):
        key = name or ("rule", rule)
        if key not in kept or days > kept[key][1]:
            kept[key] = (name, days, rule, title)
    return sorted(kept.values(), key=lambda w: w[2])


def chain(request, parts, machines, assignments, quote_lines, partners_by_part, catalogue,
          provider, settings, lang, overtime_h_per_day=0.0, unmade=None, waits=None,
          preparation=None, design=None, inspection=None, provenance=None, timed=True,
          inspection_again=None):
    """{'days', 'slowest_part', 'parts': [...], 'not_made'} for one request.  ``lang``
    None: the steps without their texts (the expedited chain, of which only the days are
    read).  ``unmade``: the parts that cannot be made here (``Placement.not_made``).
    ``waits``: what the rules' findings wait for (:func:`waits_of`).  ``preparation``:
    part -> its CAM and work preparation hours (costing.cam_hours).  ``design``: the design
    work before it ({None: the request's hours, part: its own}: costing.design_hours).
    ``inspection``: part -> its measuring hours (costing.inspection_hours).
    ``inspection_again``: part -> the measuring hours of each later delivery (its
    first-off inspection; the rules' hours, a first article report, are the first's as
    the quote prices them once), for :func:`later_deliveries`.
    ``provenance``: whose figures the steps rest on (:class:`Provenance`): each step's
    ``basis`` (BASES) and, with texts, its ``source`` (None: neither)."""
    text = words("lead_time", lang) if lang else None
    known = provenance  # None: the steps without their basis (a what-if probe's chain)
    said = words("lead_source", lang) if lang and known else None
    by_transport = known.setting("lead_time.transport_days") if known else None

    def by_office(key, pid):  # the design's or preparation's hours at the office's pace
        return weakest((known.hours(key, pid),
                        known.setting("lead_time.preparation_h_per_day")))
    supplied = request.get("material_supplied_by_customer") is True
    transport = settings["transport_days"]
    # (part, process, machine) -> [attended hours, unattended hours] on that machine (an
    # operation split over machines has a share on each)
    hours = {}
    runs = {}  # (part, process) -> the basis of its run hours, where known
    for line in quote_lines:
        if line["kind"] in ("setup", "run") and line["rule"] is None and line["machine"]:
            split = hours.setdefault((line["part"], line["process"], line["machine"]),
                                     [0.0, 0.0])
            split[0 if line["attended"] else 1] += line["hours"]
            if line["kind"] == "run":
                runs[line["part"], line["process"]] = line["basis"]
    machine_free = {}  # machine -> working day it is free from
    machine_users = {}  # machine -> [(working day it ends, part)] in order
    machine_order = {}  # machine -> [(part, process, hours)] in the order it makes them
    out = []
    by_part = {}
    for a in assignments:
        by_part.setdefault(a["part"], []).append(a)
    # a rule's set-up hours on the part's machine (a candidate rule's effort.setup_h: a
    # fixture for stainless on that mill) are set-up on that machine: with the part's
    # first operation there, attended (priced, they did not occupy the machine: 4 h more
    # on a 20 h-a-week mill moved neither the date nor the free hours)
    # the hours each later delivery takes again: its own set-up and run, not a rule's
    # set-up (a fixture is made once, for the first)
    repeat = {key: tuple(value) for key, value in hours.items()}
    rule_setups = {}  # (part, process) -> [(rule, hours)]
    for line in quote_lines:
        if line["kind"] == "setup" and line["rule"] is not None and line["machine"]:
            a = next((a for a in by_part.get(line["part"], ())
                      if any(share["machine"] == line["machine"] for share in shares_of(a))),
                     None)
            if a is not None:
                hours.setdefault((a["part"], a["process"], line["machine"]),
                                 [0.0, 0.0])[0] += line["hours"]
                rule_setups.setdefault((a["part"], a["process"]), []).append(
                    (line["rule"], line["hours"]))
    unmade = unmade or {}
    waits = waits or {}
    # the design work first (the request's, then each part's before its preparation),
    # then the work preparation of the parts, one after another, at the pack's hours a day
    prep_per_day = settings.get("preparation_h_per_day")
    design = (design or {}) if prep_per_day else {}
    shared = design.get(None, 0.0)
    prepared = shared / prep_per_day if shared else 0.0  # the working day the design
    # and preparation so far is done
    # a wait for the design (the customer approves our changes: waits_for design) comes
    # after the design work it is for, before the preparation: the request's once
    request_approval = _named("design", waits.get(None, []))
    approved = prepared + request_approval[1] if request_approval else 0.0
    made_here = [pid for pid in parts if pid not in unmade]
    rule_waits = {pid: _longest(waits.get(None, []) + waits.get(pid, [])) for pid in made_here}
    # what comes after a part's measuring, worked out first (it does not depend on the
    # day): the rules' waits after the part's own work and measuring (welds are tested,
    # a part measured at a lab, before it is coated; not those the chain has as its own
    # steps: the material (above), a treatment, a process of the routing), the
    # treatments of stage ``last`` (a coating), the delivery.  A treatment of stage
    # ``before_finishing`` (hardening) is no part of it: it is in the part's routing
    # (``Catalogue.routing``), before its finishing operations and its measuring
    tails = {}
    early = {}  # part -> its treatments before its finishing: [(treatment, partner)]
    for pid in made_here:
        part, tail, later = parts[pid], [], 0.0
        treatments = list(partners_by_part.get(pid, ()))
        placed = {process for process, _ in treatments}
        for treatment in part.get("surface_treatment") or ():
            entry = catalogue.get("treatments", treatment) if catalogue else None
            if treatment in placed or not entry or entry.get("lead_time_days") is None:
                continue  # no partner: the treatment's typical lead time from the catalogue
            placed.add(treatment)
            treatments.append((treatment, {"name": text and text["subcontractor"],
                                           "lead_time_days": entry["lead_time_days"],
                                           "catalogue": True}))
        own = {"material", "design"} | {a["process"] for a in by_part.get(pid, ())} | placed
        if placed:
            own.add("treatment")
        for name, days, rule, title in rule_waits[pid]:
            if name in own:
                continue
            later += days
            tail.append(_based({"step": "wait", "days": days, "rule": rule,
                                "text": text and text["wait"].format(title=title, rule=rule)},
                               known and (lambda: known.rule(rule)),
                               said and (lambda: said["rule"].format(rule=rule))))
        before = {process for process, _ in treatments
                  if catalogue and catalogue.stage(process) == "before_finishing"}
        early[pid] = [(process, partner) for process, partner in treatments
                      if process in before]
        for process, partner in treatments:
            if process not in before:
                later = _outside(tail, later, process, partner, transport, catalogue, lang,
                                 text, known, said)
        later += transport
        tail.append(_based({"step": "transport", "days": transport,
                            "text": text and text["delivery"]},
                           known and (lambda: by_transport),
                           said and (lambda: said["transport"])))
        tails[pid] = (tail, later)

    # the order the parts are planned in, whatever their order in the request: the part
    # with the most work after its preparation first (its operations at its machines'
    # free hours, its measuring, what comes after: the critical path first), of equals
    # by part id; the work preparation takes them in this order, and a machine or the
    # measuring room free for two parts ready at once takes the first
    measure_per_day = settings.get("inspection_h_per_day")
    remaining = {}
    for pid in made_here:
        work = tails[pid][1]
        if measure_per_day:
            work += (inspection or {}).get(pid, 0.0) / measure_per_day
        for a in by_part.get(pid, ()):
            if a.get("machine"):  # a split operation's machines at once: the longest
                work += max(_machine_days(*hours.get((pid, a["process"], m["machine"]),
                                                     (0.0, 0.0)),
                                          machines[m["machine"]]["free_h_per_week"] / 5.0,
                                          overtime_h_per_day) for m in shares_of(a))
            elif a.get("partner"):
                work += partner_days(a["partner"], transport)
        for _, partner in early[pid]:
            work += partner_days(partner, transport)
        remaining[pid] = work
    rank = {pid: n for n, pid in enumerate(sorted(made_here, key=lambda p: (-remaining[p], p)))}
    state = {}  # part -> its steps and the working day its work has come to
    office = []  # the parts the work preparation has done, in order
    for pid in sorted(made_here, key=rank.get):
        part = parts[pid]
        steps, day = [], 0.0
        rule_waits_here = rule_waits[pid]
        material_id = part.get("material")
        if not supplied and material_id and part.get("in_stock") is False and catalogue:
            material = catalogue.get("materials", material_id)
            if material and material.get("lead_time_days"):
                day = float(material["lead_time_days"])
                name = catalogue.name("materials", material_id, lang)
                steps.append(_based({"step": "material", "days": day, "text": text and (
                    text["material_beyond_stock"].format(
                        material=name,
                        kg=i18n.number(part["material_kg_in_request"], lang, 0),
                        held=i18n.number(part["stock_held_kg"], lang))
                    if part.get("stock_held_kg") is not None and
                    part.get("material_kg_in_request") is not None else
                    text["material"].format(material=name))},
                    known and (lambda: known.entry(catalogue, "materials", material_id)),
                    said and (
                        lambda: said["material"].format(material=material_id))))
        if not steps:  # no catalogue figure: the rule's, where one says the material waits
            for name, days, rule, title in rule_waits_here:
                if name == "material":
                    day = days
                    steps.append(_based({"step": "material", "days": days, "rule": rule,
                                         "text": text and text["wait"].format(title=title,
                                                                              rule=rule)},
                                        known and (lambda: known.rule(rule)), said and (
                                            lambda: said["rule"].format(rule=rule))))
        ordered = bool(steps)  # the material comes meanwhile
        own = design.get(pid, 0.0)
        part_approval = _named("design", waits.get(pid, []))
        # the part's own design work (a 3D model to make) follows the customer's approval
        # of the request's design we changed: the model is made of the approved design
        modelled_after = bool(own and request_approval and not part_approval)
        designed = shared + (0.0 if modelled_after else own)
        if designed:
            prepared += 0.0 if modelled_after else own / prep_per_day
            steps.append(_alongside(ordered, _based({
                "step": "design", "days": round(designed / prep_per_day, 2),
                "_days": designed / prep_per_day, "hours": round(designed, 2),
                "text": text and text["design"].format(
                    hours=i18n.number(round(designed, 2), lang, grouping=False))},
                known and (lambda: by_office("design_h", pid)),
                said and (lambda: said["design"].format(
                    per_day=i18n.figure(prep_per_day, lang)))), text))
        ready = prepared
        if request_approval:
            ready = max(ready, approved)
        if part_approval:
            ready = max(ready, prepared + part_approval[1])
        for _, days, rule, title in filter(None, (request_approval, part_approval)):
            steps.append(_alongside(ordered, _based({
                "step": "wait", "days": days, "rule": rule,
                "text": text and text["design_wait"].format(rule=rule)},
                known and (lambda: known.rule(rule)),
                said and (lambda: said["rule"].format(rule=rule))), text))
        prepared = ready
        if modelled_after:
            _office_queue(steps, prepared, office, ordered, text, state, known, said)
            prepared += own / prep_per_day
            steps.append(_alongside(ordered, _based({
                "step": "design", "days": round(own / prep_per_day, 2),
                "_days": own / prep_per_day, "hours": round(own, 2),
                "text": text and text["design"].format(
                    hours=i18n.number(round(own, 2), lang, grouping=False))},
                known and (lambda: by_office("design_h", pid)),
                said and (lambda: said["design"].format(
                    per_day=i18n.figure(prep_per_day, lang)))), text))
        if designed or request_approval or part_approval:
            day = max(day, prepared)  # alongside the material's order
        prep = (preparation or {}).get(pid, 0.0)
        if prep and prep_per_day:
            # the work preparation does one part at a time: a part waits for the parts
            # before it (while its material comes, where it is on order)
            _office_queue(steps, prepared, office, ordered, text, state, known, said)
            prepared += prep / prep_per_day
            steps.append(_alongside(ordered, _based({
                "step": "preparation", "days": round(prep / prep_per_day, 2),
                "_days": prep / prep_per_day, "hours": round(prep, 2),
                "text": text and text["preparation"].format(
                    hours=i18n.number(round(prep, 2), lang, grouping=False))},
                known and (lambda: weakest([by_office("cam_h", pid)] + [
                    known.cam(a["process"]) for a in by_part.get(pid, ())
                    if a.get("machine")])),
                said and (lambda: said["preparation"].format(
                    per_day=i18n.figure(prep_per_day, lang)))), text))
            day = max(day, prepared)  # alongside the material's order
        if designed or prep:
            office.append(pid)
        state[pid] = {"steps": steps, "day": day, "ready": day, "before": len(steps),
                      "queue": _routed(pid, by_part.get(pid, ()), early[pid], catalogue)}

    # the operations, each part's in routing order; a machine does one at a time and
    # takes next the operation that can start soonest (its part ready, the machine free;
    # of equals, the part planned first), so a part waiting for its material does
    # not hold up one that is ready
    waiting = [pid for pid, entry in state.items() if entry["queue"]]  # in state order
    while True:
        best = None
        for pid in waiting:
            entry = state[pid]
            if entry["queue"]:
                a = entry["queue"][0]
                begin = max(entry["day"], machine_free.get(a["machine"], 0.0)
                            if not a.get("split") else  # the first of its machines free
                            min(machine_free.get(m["machine"], 0.0) for m in a["split"])) \
                    if a.get("machine") else entry["day"]
                if best is None or begin < best[0] - 1e-9 or (
                        begin < best[0] + 1e-9 and rank[pid] < rank[best[1]]):
                    best = (begin, pid)
        if best is None:
            break
        begin, pid = best
        entry = state[pid]
        a = entry["queue"].pop(0)
        if not entry["queue"]:  # its last operation: the scan skips it from now on
            waiting.remove(pid)
        before_op = entry["day"]
        if a.get("split"):  # its pieces on several machines at once
            _split_operation(a, entry, hours, machines, machine_free, machine_users,
                             machine_order, runs, rule_setups, overtime_h_per_day, catalogue,
                             lang, text, state, known, said)
        elif a.get("machine"):
            machine = machines[a["machine"]]
            # overtime adds hours a day to attended work only: a printer or an EDM
            # machine running unattended has its free hours whoever stays late
            per_day = machine["free_h_per_week"] / 5.0
            attended, unattended = hours.get((pid, a["process"], a["machine"]), (0.0, 0.0))
            h = attended + unattended
            days = _machine_days(attended, unattended, per_day, overtime_h_per_day)
            _queued(entry, begin, machine_users.setdefault(a["machine"], []), text and (
                lambda parts: text["queue_machine"].format(
                    machine=a.get("machine_name") or a["machine"],
                    parts=_ahead(parts, text))), state, known, said)
            entry["day"] = machine_free[a["machine"]] = begin + days
            machine_users[a["machine"]].append((entry["day"], pid))
            machine_order.setdefault(a["machine"], []).append((pid, a["process"], h))
            run = runs.get((pid, a["process"]))
            extra = rule_setups.get((pid, a["process"]), ())
            entry["steps"].append(_based(
                {"step": "operation", "days": round(days, 2), "_days": days,
                 "process": a["process"], "machine": a["machine"], "hours": round(h, 2),
                 "text": text and text["operation"].format(
                     process=_name(catalogue, "processes", a["process"], lang),
                     machine=a.get("machine_name") or a["machine"],
                     hours=i18n.number(h, lang, 1, grouping=False))
                 + "".join(text["rule_setup"].format(
                     hours=i18n.figure(x, lang), rule=r)
                     for r, x in extra)
                 + (text["no_free_hours"] if _never(attended, unattended, per_day,
                                                    overtime_h_per_day) else "")},
                known and (lambda: weakest([run or "given"]
                                           + [known.rule(r) for r, _ in extra])),
                said and (lambda: said["operation"].format(
                    run=said[f"run_{run}" if run else "run_none"], machine=a["machine"],
                    free=i18n.figure(machine["free_h_per_week"], lang))
                    + "".join(said["rule_setup"].format(rule=r) for r, _ in extra))))
        elif a.get("partner"):
            entry["day"] = _outside(entry["steps"], entry["day"], a["process"], a["partner"],
                                    transport, catalogue, lang, text, known, said)
        # what a later delivery does again: the machines' days at its hours, a
        # partner's days; and where the part's work on them ends
        entry.setdefault("route", []).append(
            [(m["machine"], _machine_days(*repeat.get((pid, a["process"], m["machine"]),
                                                      (0.0, 0.0)),
                                          machines[m["machine"]]["free_h_per_week"] / 5.0,
                                          overtime_h_per_day),
              sum(repeat.get((pid, a["process"], m["machine"]), (0.0, 0.0))))
             for m in shares_of(a)] if a.get("machine") else entry["day"] - before_op)
        entry["worked"] = entry["day"]

    # then each part is measured (the first piece before the series is released, the
    # rules' inspection hours), at the pack's ``inspection_h_per_day``: the measuring room
    # takes one part at a time, the part ready first (of equals, the part planned
    # first); a request rule's hours (a first article report of every part) with the
    # part that would end last, measured and all (with the first part made here, or the
    # one measured last, a quick part made here after all took them off the slow one)
    room_free, room_users = 0.0, []
    room_busy = []  # the measuring room's (start, end) days, for the later deliveries
    inspection = dict(inspection or {})
    shared = inspection.pop(None, 0.0)
    if shared and state:
        last = max(state, key=lambda p: (
            state[p]["day"] + (inspection.get(p, 0.0) / measure_per_day
                               if measure_per_day else 0.0) + tails[p][1], -rank[p]))
        inspection[last] = inspection.get(last, 0.0) + shared
    for pid in sorted((p for p in state if inspection.get(p) and measure_per_day),
                      key=lambda p: (state[p]["day"], rank[p])):
        entry, h = state[pid], inspection[pid]
        days = h / measure_per_day
        _queued(entry, max(entry["day"], room_free), room_users,
                text and (lambda parts: text["queue_measuring"].format(
                    parts=_ahead(parts, text))), state, known, said)
        room_busy.append((max(entry["day"], room_free), max(entry["day"], room_free) + days))
        entry["day"] = room_free = max(entry["day"], room_free) + days
        room_users.append((entry["day"], pid))
        entry["steps"].append(_based(
            {"step": "inspection", "days": round(days, 2), "_days": days,
             "hours": round(h, 2),
             "text": text and text["inspection"].format(
                 hours=i18n.number(round(h, 2), lang, grouping=False))},
            known and (lambda: weakest((
                known.setting("lead_time.inspection_h_per_day"),
                known.hours("inspection_h", pid),
                # the first-off inspection of a part with an operation on our machines
                known.setting("costing.first_off_inspection_h") if any(
                    a.get("machine") for a in by_part.get(pid, ())) else "given"))),
            said and (lambda: said["inspection"].format(
                per_day=i18n.figure(measure_per_day, lang)))))

    for pid, part in parts.items():
        if pid in unmade:
            out.append({"part": pid, "days": None, "steps": [], "not_made": unmade[pid]})
            continue
        tail, later = tails[pid]
        steps = state[pid]["steps"] + tail
        if timed:
            _timed(steps, state[pid]["before"], state[pid]["ready"])
        day = state[pid]["day"] + later
        without_run = [a["process"] for a in by_part.get(pid, ())
                       if a.get("machine") and (pid, a["process"]) not in runs]
        entry = {"part": pid, "days": round(day, 1), "steps": steps}
        if known:
            entry["basis"] = weakest(step["basis"] for step in steps)
        if without_run:  # set-up only: the part's days are a lower bound
            entry["without_run"] = without_run
        if not part.get("processes"):  # how it is made is open: its days (a delivery
            # alone) are a lower bound too (a part with no process read "1 working day")
            entry["unrouted"] = True
        out.append(entry)
    made = [p for p in out if p["days"] is not None]
    slowest = max(made, key=lambda p: (p["days"], p["part"]), default=None)
    if slowest is None and unmade:
        days = None  # nothing of it can be made here
    else:
        days = math.ceil(slowest["days"] - 1e-9) if slowest else 0
    return {"days": days, "slowest_part": slowest["part"] if slowest else None,
            "basis": slowest.get("basis") if slowest else None,
            "parts": out, "not_made": sorted(unmade),
            "without_run": sorted(p["part"] for p in out
                                  if p.get("without_run") or p.get("unrouted")),
            "machine_order": machine_order,
            # what :func:`later_deliveries` plans after this delivery: the parts in the
            # order planned, each with the day it was ready for its first operation,
            # its operations again, its measuring days again (its first-off inspection)
            # and the days after its measuring (the rules' waits, the treatments, the
            # transport); the machines' and the measuring room's free days
            "repeat": {"parts": [(pid, state[pid]["ready"], state[pid].get("route", ()),
                                  (inspection_again or {}).get(pid, 0.0) / measure_per_day
                                  if measure_per_day else 0.0, tails[pid][1])
                                 for pid in sorted(state, key=rank.get)],
                       "machine_free": dict(machine_free), "room_busy": room_busy}}


def _split_operation(a, entry, hours, machines, machine_free, machine_users, machine_order,
                     runs, rule_setups, overtime_h_per_day, catalogue, lang, text, state,
                     known, said):
    """An operation whose pieces are split over machines (``assignment.assign``): each
    share on its machine at once, from when its part is ready and that machine free;
    the part goes on when the last share is done.  One step: the days from the first
    share's start to the last share's end (a queue before it where every machine is
    busy at first)."""
    pid, process = a["part"], a["process"]
    shares = []  # (share, begin, days, hours, attended, unattended)
    for share in a["split"]:
        mid = share["machine"]
        attended, unattended = hours.get((pid, process, mid), (0.0, 0.0))
        per_day = machines[mid]["free_h_per_week"] / 5.0
        begin = max(entry["day"], machine_free.get(mid, 0.0))
        shares.append((share, begin, _machine_days(attended, unattended, per_day,
                                                   overtime_h_per_day),
                       attended + unattended, _never(attended, unattended, per_day,
                                                     overtime_h_per_day)))
    first = min(shares, key=lambda s: s[1])
    _queued(entry, first[1], machine_users.setdefault(first[0]["machine"], []), text and (
        lambda parts: text["queue_machine"].format(machine=first[0]["name"],
                                                   parts=_ahead(parts, text))),
            state, known, said)
    end = max(begin + days for _, begin, days, _, _ in shares)
    for share, begin, days, h, _ in shares:
        machine_free[share["machine"]] = begin + days
        machine_users.setdefault(share["machine"], []).append((begin + days, pid))
        machine_order.setdefault(share["machine"], []).append((pid, process, h))
    entry["day"] = end
    run = runs.get((pid, process))
    extra = rule_setups.get((pid, process), ())
    entry["steps"].append(_based(
        {"step": "operation", "days": round(end - first[1], 2), "_days": end - first[1],
         "process": process, "hours": round(sum(h for _, _, _, h, _ in shares), 2),
         "shares": [{"machine": share["machine"], "pieces": share["pieces"],
                     "hours": round(h, 2), "_at": (begin, begin + days)}
                    for share, begin, days, h, _ in shares],
         "text": text and text["operation_split"].format(
             process=_name(catalogue, "processes", process, lang),
             shares=", ".join(text["split_share"].format(
                 pieces=i18n.number(share["pieces"], lang, 0), machine=share["name"],
                 hours=i18n.number(h, lang, 1, grouping=False))
                 + (text["no_free_hours"] if never else "")
                 for share, _, _, h, never in shares[:MACHINES_NAMED])
             + (i18n.counted(text["more_machines"], len(shares) - MACHINES_NAMED, lang)
                if len(shares) > MACHINES_NAMED else ""))
         + "".join(text["rule_setup"].format(hours=i18n.figure(x, lang), rule=r)
                   for r, x in extra)},
        known and (lambda: weakest([run or "given"] + [known.rule(r) for r, _ in extra])),
        said and (lambda: "; ".join(said["operation"].format(
            run=said[f"run_{run}" if run else "run_none"], machine=share["machine"],
            free=i18n.figure(machines[share["machine"]]["free_h_per_week"], lang))
            for share in a["split"])
            + "".join(said["rule_setup"].format(rule=r) for r, _ in extra))))


def _routed(pid, assignments, early, catalogue):
    """Part ``pid``'s work in routing order (:meth:`Catalogue.routing`): its
    ``assignments`` (its operations), with its treatments of stage ``before_finishing``
    (``early``: [(treatment, partner)]) before its first finishing operation, each as
    outside work at its partner: the machines after it take the part when it is back."""
    queue = list(assignments)
    if not early:
        return queue
    partners = dict(early)
    ordered, _ = catalogue.routing([a["process"] for a in queue], list(partners))
    operations = iter(queue)
    return [next(operations) if kind == "process" else
            {"part": pid, "process": name, "partner": partners[name], "treatment": True}
            for kind, name in ordered]


def _timed(steps, before, ready):
    """Give each of a part's ``steps`` its ``start_day`` and ``end_day``: working days
    from the start of the lead time, as the chain counts them.  The first ``before``
    steps (the material, and the office's work alongside it) start at day 0, the
    material on its own, the others one after another (a queue for the office among
    them); the rest one after another from ``ready`` (the day the part was ready for
    its first operation): its queues fill the days it waits, so that the last ends at
    the part's days.  A split operation's shares keep their own days.  The exact
    offsets stay under ``_at`` for :func:`_dated` (which takes them out)."""
    office, cursor = 0.0, ready
    for n, step in enumerate(steps):
        days = step.pop("_days", step["days"])
        if n >= before:
            begin, cursor = cursor, cursor + days
        elif step["step"] == "material":
            begin = 0.0
        else:
            begin, office = office, office + days
        step["_at"] = (begin, begin + days)
        for share in [step, *step.get("shares", ())]:
            share["start_day"], share["end_day"] = (round(x, 2) for x in share["_at"])


def _dated(parts, start, calendar):
    """Give the steps of the chain's ``parts`` (and a split's shares) their
    ``start_date`` and ``end_date`` on the shop's ``calendar`` (None beyond what a date
    can say), and each part its ``earliest_date``, counted from ``start`` (None: no
    dates): the working day an offset falls on, the offsets to a tenth of a day as a
    part's days are (the last step ends on the part's date).  Day 0 is the start date;
    a step starting at 2.0 starts on the third working day after it.  Takes the exact
    offsets (``_at``) out."""
    for entry in parts:
        if start and entry.get("days") is not None:
            entry["earliest_date"] = add_working_days(start, entry["days"], calendar)
        for step in entry.get("steps") or ():
            for share in [step, *step.get("shares", ())]:
                begin, end = share.pop("_at")
                if not start:
                    continue
                last = math.ceil(round(end, 1) - 1e-9)
                first = math.floor(round(begin, 1) + 1e-9) + 1
                first = min(first, max(last, 1))  # a step within one day's end
                last = max(last, first)
                share["start_date"] = add_working_days(start, first, calendar)
                share["end_date"] = add_working_days(start, last, calendar)


def shares_of(entry):
    """The machines an own-machine assignment's operation is made on: its ``split``
    shares (``assignment.assign``), else the one machine (``machine``, ``name``,
    ``pieces`` None: all of them); none for an operation at a partner or not made."""
    if entry.get("split"):
        return entry["split"]
    if not entry.get("machine"):
        return []
    return [{"machine": entry["machine"], "name": entry.get("machine_name"),
             "pieces": None}]


#: The working days an operation takes that never ends (a machine with no free hours):
#: beyond what a date can say (MAX_WORKING_DAYS), so the lead time has no date.
NEVER = MAX_WORKING_DAYS + 1


def _machine_days(attended, unattended, per_day, overtime):
    """Working days of an operation on a machine with ``per_day`` free hours a day, and
    ``overtime`` hours a day more for attended work: never (NEVER) for hours a machine
    with no free hours cannot give (it read 0 days: a fully booked machine did the work
    at once).  Work that ends, however late, keeps its days: 100,000 hours of milling
    read NEVER's 2,506 working days, as 10,000 hours did (the report says such a date is
    more than ten years out, with the days it takes)."""
    if _never(attended, unattended, per_day, overtime):
        return NEVER
    days = 0.0
    if attended:
        days += attended / (per_day + overtime)
    if unattended:
        days += unattended / per_day
    return days


def machine_days(hours, per_day, overtime=0.0, attended=True):
    """Working days ``hours`` of work take on a machine with ``per_day`` free hours a day
    and, for ``attended`` work, ``overtime`` hours a day more: the chain's pace
    (:func:`_machine_days`), which the assignment weighs a partner against
    (``assignment.assign``: our machine with the expedited tier's overtime)."""
    return _machine_days(hours if attended else 0.0, 0.0 if attended else hours, per_day,
                         overtime)


def _never(attended, unattended, per_day, overtime):
    """Hours a machine with no free hours (and no overtime, for attended ones) is given."""
    return bool(attended and per_day + overtime <= 0 or unattended and per_day <= 0)


def _office_queue(steps, prepared, office, ordered, text, state, known, said):
    """The days a part, ready for the office, waits for the parts before it there (the
    design or the work preparation does one part at a time): a queue step, if any, as
    sure as the steps of the parts it waits for."""
    waited = prepared - sum(step["days"] for step in steps if step["step"] != "material")
    if office and waited > 0.005:
        steps.append(_alongside(ordered, _based({
            "step": "queue", "days": round(waited, 2), "_days": waited,
            "text": text and text["queue_office"].format(parts=_ahead(office, text))},
            known and (lambda: _behind(office, state)),
            said and (lambda: said["queue"])), text))


def _alongside(ordered, step, text):
    """``step``, marked (and said) as done while the material is on order where it is:
    its days count only where the office work outlasts the material."""
    if ordered:
        step["alongside"] = True
        if text:
            step["text"] += text["while_material"]
    return step


#: How many parts a waiting step names; the rest are counted ("P1, P2, P3, P4, P5 and 43
#: more"): a 50-part request's chain named 48 parts in one step.
AHEAD_NAMED = 5


def _ahead(parts, text):
    """The parts a step waits for, the first AHEAD_NAMED by name, the rest counted."""
    parts = list(parts)
    if len(parts) <= AHEAD_NAMED:
        return ", ".join(parts)
    return text["more_parts"].format(parts=", ".join(parts[:AHEAD_NAMED]),
                                     n=len(parts) - AHEAD_NAMED)


def _queued(entry, begin, users, said, state, known, sources):
    """A step for the days a part, ready, waits for a machine or the measuring room that
    other parts have first (``users``: (the day each ended, part) so far), so that its
    steps add up to its days, as sure as the steps of the parts it waits for (with a
    ``known`` provenance).
    ``said``: the parts (a list) -> the text (None: no texts); ``sources``: the
    ``lead_source`` words (None: no texts)."""
    waited = begin - entry["day"]
    if waited > 0.005:
        ahead = sorted({p for end, p in users if end > entry["day"] + 1e-9})
        entry["steps"].append(_based({"step": "queue", "days": round(waited, 2),
                                      "_days": waited,
                                      "text": said and said(ahead)},
                                     known and (lambda: _behind(ahead, state)),
                                     sources and (lambda: sources["queue"])))


def _behind(parts, state):
    """The basis of a queue: the least sure step of the parts it waits for."""
    return weakest(step["basis"] for p in parts for step in state.get(p, {}).get("steps", ()))


def _based(step, basis, source):
    """``step`` with its ``basis`` and ``source`` (each a function of none, worked out
    where the chain says them: None in a what-if probe's chain, and a source only with
    texts)."""
    if basis:
        step["basis"] = basis()
    if source:
        step["source"] = source()
    return step


def partner_transport(partner, transport):
    """The working days a shipment to or from ``partner`` takes, one way: its own
    ``transport_days`` (0 next door, or where it collects and delivers the same day),
    else the pack's ``transport`` (``lead_time.transport_days``)."""
    own = (partner or {}).get("transport_days")
    return transport if own is None else float(own)


def partner_days(partner, transport):
    """The working days an operation at ``partner`` takes: its lead time and a shipment
    each way (:func:`partner_transport`)."""
    return 2 * partner_transport(partner, transport) + float(partner["lead_time_days"])


def _outside(steps, day, process, partner, transport, catalogue, lang, text, known,
             sources):
    """An operation or treatment at a partner (the equipment file's: its lead time given),
    or at a subcontractor with the catalogue's lead time (``partner["catalogue"]``), and
    transport both ways; as sure as the least sure of the two (``known``: the chain's
    :class:`Provenance`, None for no basis).  ``sources``: the ``lead_source`` words
    (None: no source said)."""
    kind = "treatments" if catalogue and catalogue.get("treatments", process) else "processes"
    own_transport = partner.get("transport_days") is not None
    transport = partner_transport(partner, transport)
    days = partner_days(partner, transport)
    said = text and text["outside"].format(process=_name(catalogue, kind, process, lang),
                                           partner=partner["name"])
    if said and transport:  # the partner's own days, and the transport on top
        said += text["outside_days"].format(
            days=i18n.number(float(partner["lead_time_days"]), lang, grouping=False),
            transport=i18n.number(transport, lang, grouping=False))
    steps.append(_based({"step": "outside_work", "days": days, "text": said,
                         "process": process, "partner": partner.get("id")},
                        known and (lambda: weakest((
                            known.entry(catalogue, "treatments", process)
                            if partner.get("catalogue") else "given",
                            "given" if own_transport else
                            known.setting("lead_time.transport_days")))),
                        sources and (lambda: (
                            sources["catalogue_treatment"].format(treatment=process)
                            if partner.get("catalogue") else sources["partner"].format(
                                partner=partner["name"], days=i18n.number(
                                    float(partner["lead_time_days"]), lang,
                                    grouping=False))))))
    return day + days


def _name(catalogue, kind, entry_id, lang):
    return catalogue.name(kind, entry_id, lang) if catalogue else entry_id


def parts_late(result, calendar=PLAIN) -> set[str]:
    """The parts whose chain (``result``: :func:`lead_time`'s) ends after the wanted date,
    as the request's days are counted (whole working days); none without a wanted date."""
    wanted, start = result.get("wanted_date"), result.get("start_date")
    if not wanted or not start:
        return set()
    total = calendar.working_days_between(start, wanted)
    return {entry["part"] for entry in result["parts"] if entry.get("days") is not None
            and math.ceil(entry["days"] - 1e-9) > total}


class Window(NamedTuple):
    """An operation's own time before the wanted date (:func:`machining_windows`)."""

    weeks: float  # the working weeks its machines have for it
    # what must come before it and after it, per language ({lang: "after CAM, before
    # measuring, delivery"}), for the words of a machine short of hours
    # (``assignment``); None: not said
    between: Mapping[str, str] | None = None


def machining_windows(result, assignments, calendar=PLAIN,
                      catalogue=None) -> dict[tuple, Window]:
    """(part, process) -> the working weeks before the wanted date that the part's
    machines have for it (:class:`Window`): the working days from the start to the
    wanted date, less what its chain (``result``: :func:`lead_time`'s) does before its
    first operation on a machine (the material ordered; not the preparation alongside
    it) and after its last (the measuring, the rules' waits, the treatments, the
    delivery), and the days it is away between them (at a hardener, a partner), over
    five.  A part anodised for 9 working days after its milling has the mill 9 days less
    than the wanted date gives.  An operation a partner takes because our machines lack
    the hours (``overflow``) counts where it stands in the chain as if it were made
    here: the window our machines had for it.  Queues are left out (they are the
    machines' load, which the assignment shares).  Empty without a wanted date.

    The one owner of an operation's window: the assignment weighs the machines' hours
    in it (``assignment.assign``) and says a machine short of them in its words
    (``assignment.late_in_plan``): what comes before and after, named with
    ``catalogue`` (None: not named)."""
    wanted, start = result.get("wanted_date"), result.get("start_date")
    if not wanted or not start:
        return {}
    total = calendar.working_days_between(start, wanted)

    def fixed(steps):
        return [s for s in steps if not s.get("alongside") and s["step"] != "queue"]

    machined, sent = {}, {}
    for a in assignments:
        if a.get("machine"):
            machined.setdefault(a["part"], []).append(a["process"])
        elif a.get("overflow"):
            machined.setdefault(a["part"], []).append(a["process"])
            sent.setdefault(a["part"], set()).add(a["process"])
    out = {}
    for entry in result["parts"]:
        steps = entry.get("steps") or []
        if entry["part"] not in machined:
            continue
        away_ops = sent.get(entry["part"], ())
        ops = [i for i, s in enumerate(steps) if s["step"] == "operation" or (
            s["step"] == "outside_work" and s.get("process") in away_ops)]
        if not ops:
            continue
        # and the days the part is away between them (a hardener's week before its
        # grinding): the machines after it have the part only when it is back
        away = sum(s["days"] for s in steps[ops[0]:ops[-1]] if s["step"] == "outside_work"
                   and s.get("process") not in away_ops)
        before, after = fixed(steps[:ops[0]]), fixed(steps[ops[-1] + 1:])
        days = total - sum(s["days"] for s in before) - sum(s["days"] for s in after) - away
        window = Window(max(days, 0) / 5.0, _between(before, after, catalogue)
                        if catalogue is not None else None)
        for process in machined[entry["part"]]:
            out[entry["part"], process] = window
    return out


def _between(before, after, catalogue) -> dict[str, str]:
    """The chain's steps ``before`` and ``after`` an operation's window in short words,
    per language: "after CAM, before measuring, anodising, delivery" (no "after" where
    nothing comes before it)."""
    out = {}
    for lang in i18n.LANGS:
        said = words("window_steps", lang)

        def names(steps):
            found = []
            for s in steps:
                if s["step"] == "outside_work":
                    kind = "treatments" if catalogue.get("treatments", s["process"]) \
                        else "processes"
                    name = catalogue.name(kind, s["process"], lang)
                elif s["step"] == "wait":
                    name = said["wait"].format(rule=s.get("rule"))
                else:
                    name = said[s["step"]]
                if name not in found:
                    found.append(name)
            return ", ".join(found)
        first, last = names(before), names(after)
        out[lang] = (said["after"].format(steps=first) if first else "") + \
            said["before"].format(steps=last or said["wanted"])
    return out


def lead_time(request, start, parts, machines, assignments, quote_lines, partners_by_part,
              catalogue, provider, settings, lang, brief=False, unmade=None, waits=None,
              preparation=None, design=None, calendar=PLAIN, inspection=None,
              provenance=None, undecided=None, inspection_again=None):
    """The report's lead-time section: the chain, the earliest date, an expedited tier;
    and, under ``machine_order`` (not the report's: the caller takes it out), each
    machine's operations in the order the chain makes them (for
    ``assignment.late_in_plan``).

    ``brief`` (a what-if probe): the expedited tier only where the date is missed.

    An order in several deliveries (``request.batches``) is planned to its first: the
    wanted date is the first delivery's (the questionnaire's words), and each delivery
    is a batch with its own set-up, so the chain takes a delivery's share of the set-up
    and run hours (:func:`first_delivery`); the later deliveries follow it.

    ``provenance`` (:class:`Provenance`): whose figures each step rests on; the lead
    time's ``basis`` is its slowest part's (a what-if probe's chain says none).

    ``undecided`` (:func:`undecided_waits`): the waits of rules whose questions are open.
    The days leave them out; ``up_to`` is the chain with them (None when they add no
    day), and a date met only without them is not known to be met.

    ``inspection_again``: part -> the measuring hours of each later delivery (its
    first-off inspection, :func:`later_deliveries`).  A later delivery not ready by its
    due date has the expedited tier the first has: the same chain in overtime, its
    delivery planned again (the plan row's ``expedited``)."""
    deliveries = deliveries_of(request)
    quote_lines = first_delivery(quote_lines, deliveries)
    normal = chain(request, parts, machines, assignments, quote_lines, partners_by_part,
                   catalogue, provider, settings, lang, unmade=unmade, waits=waits,
                   preparation=preparation, design=design, inspection=inspection,
                   provenance=None if brief else provenance, timed=not brief,
                   inspection_again=inspection_again)
    # each step's dates on the shop's calendar, and each part's (a what-if probe reads
    # the request's days and date alone)
    if not brief:
        _dated(normal["parts"], start, calendar)
    result = {"days": normal["days"], "slowest_part": normal["slowest_part"],
              "basis": normal["basis"],
              "start_date": start,
              "earliest_date": add_working_days(start, normal["days"], calendar)
              if start and normal["days"] is not None else None,
              "wanted_date": request.get("wanted_date"), "parts": normal["parts"],
              "not_made": normal["not_made"], "without_run": normal["without_run"],
              "expedited": None, "machine_order": normal["machine_order"],
              "deliveries": deliveries,
              # the customer's own material: the days count from the day it is in (the
              # chain orders none), as the offer says ("vanaf de dag dat het binnen is")
              "counts_from": "customer_material"
              if request.get("material_supplied_by_customer") is True else "order"}
    # the date the first delivery is due at the shop: the wanted date, or the working day
    # before it where the shop is closed on it (a Sunday, Christmas Day)
    result["due_moved"] = []
    result["due_date"] = due_on_open_day(result["wanted_date"], calendar, lang, 1,
                                         result["due_moved"])
    interval = request.get("delivery_interval_weeks")
    if deliveries > 1 and normal["days"] is not None and (not brief or interval is not None):
        # the later deliveries after the first, at the shop's capacity (a what-if probe
        # only where their due dates are known: only then can they make a finding)
        first = {}
        for mid, ops in normal["machine_order"].items():
            first[mid] = sum(h for _, _, h in ops)
        delivery_plan(result, normal["repeat"], deliveries, first, interval, machines,
                      calendar, quantity=request.get("quantity"), lang=lang)
    if not calendar.plain and not brief:  # the weekdays closed before the earliest date
        # (a what-if probe reads no dates)
        result["closed"] = calendar.closed_between(start, result["earliest_date"],
                                                   lang or "en")
    result["meets_wanted_date"] = None if not (start and result["wanted_date"]) or \
        normal["days"] is None else \
        result["earliest_date"] is not None and result["earliest_date"] <= result["due_date"]
    if result["meets_wanted_date"] is True and normal["without_run"]:
        # a lower bound within the date says nothing of it (ERP read "in time" for a
        # lead time that was at least 2 days); one already past it is late all the same
        result["meets_wanted_date"] = None
    result["up_to"] = None
    if undecided and normal["days"] is not None:
        merged = {part: list((waits or {}).get(part, ())) + list(extra)
                  for part, extra in undecided.items()}
        merged.update((part, w) for part, w in (waits or {}).items() if part not in merged)
        longer = chain(request, parts, machines, assignments, quote_lines, partners_by_part,
                       catalogue, provider, settings, None, unmade=unmade, waits=merged,
                       preparation=preparation, design=design, inspection=inspection,
                       timed=False)
        if longer["days"] is not None and longer["days"] > normal["days"]:
            result["up_to"] = {
                "days": longer["days"],
                "earliest_date": add_working_days(start, longer["days"], calendar)
                if start else None,
                "rules": sorted({w[2] for extra in undecided.values() for w in extra})}
            if result["meets_wanted_date"] is True and result["wanted_date"] and (
                    result["up_to"]["earliest_date"] is None or
                    result["up_to"]["earliest_date"] > result["due_date"]):
                # in time only if the open questions leave the waits out: not known
                result["meets_wanted_date"] = None
    expedite = settings.get("expedite")
    if expedite and start and normal["days"] is not None and \
            not (brief and result["meets_wanted_date"] is not False and
                 late_delivery(result) is None):
        fast = chain(request, parts, machines, assignments, quote_lines, partners_by_part,
                     catalogue, provider, settings, None,
                     overtime_h_per_day=expedite["overtime_h_per_day"], unmade=unmade,
                     waits=waits, preparation=preparation, design=design,
                     inspection=inspection, timed=False, inspection_again=inspection_again)
        later = []
        if late_delivery(result) is not None:
            # a later delivery not ready by its due date: the deliveries in overtime too
            later = expedite_later(result, fast["repeat"], deliveries, calendar)
        sooner = fast["days"] < normal["days"] and fast["days"] <= MAX_WORKING_DAYS
        if sooner or later:
            worked = in_overtime(quote_lines, machines, expedite["overtime_h_per_day"])
            own = sum(line["amount_eur"] for line in worked)
            labour = sum(line["amount_eur"] for line in
                         overtime_labour(worked, machines, expedite.get("labour_share")))
            said = words("quote_source", lang or "en")
            for tier in later:  # a delivery's overtime: the same hours as the first's,
                # for it and each delivery before it
                tier.update(surcharge=expedite["surcharge"], extra_eur=round(round(
                    round(labour, 2) * expedite["surcharge"], 2) * tier["deliveries"], 2))
        if sooner:
            result["expedited"] = {
                "days": fast["days"],
                "earliest_date": add_working_days(start, fast["days"], calendar),
                "surcharge": expedite["surcharge"],
                "labour_eur": round(labour, 2),
                "extra_eur": round(round(labour, 2) * expedite["surcharge"], 2),
                "basis": said["overtime"].format(
                    amount=i18n.figure(own, lang or "en", 2),
                    labour=i18n.figure(labour, lang or "en", 2),
                    shares=_labour_shares(worked, machines, expedite.get("labour_share"),
                                          said, lang or "en"),
                    surcharge=i18n.figure(expedite["surcharge"], lang or "en"),
                    hours=i18n.figure(expedite["overtime_h_per_day"], lang or "en"))}
    return result


def alternative(in_house: bool, chosen: Any, assignments: Sequence[Mapping[str, Any]],
                result: Mapping[str, Any], machine_lines: Sequence[Mapping[str, Any]]
                ) -> dict | None:
    """The plan not chosen where our machines lacked the hours for an operation and a
    partner does it (``assignment.assign``: the partner only where it is sooner than our
    machine with the pack's overtime), for the report's ``lead_time.alternative``:
    ``in_house`` (a partner was chosen: ``chosen``'s overflow operations on our machines,
    with the expedited tier's overtime where it shortens the chain) or not (our
    overtime was chosen: ``chosen.declined``'s operations at the partner that was sooner
    than our normal hours).  ``assignments``, ``result`` and ``machine_lines``: that
    plan's assignments, lead time (:func:`lead_time`, the overtime priced by
    :func:`price_overtime`) and machine set-up and run lines.  Its days and date (with
    overtime where it has it), what those operations cost there (our machines' set-up
    and run, the overtime premium apart; the partner's price); None where the plan has
    no date or does not place them so."""
    ops = {(a["part"], a["process"]) for a in chosen.assignments if a.get("overflow")} \
        if in_house else set(chosen.declined)
    placed = [a for a in assignments if (a["part"], a["process"]) in ops and
              (a.get("machine") if in_house else a.get("partner"))]
    if not placed or result.get("days") is None or not result.get("earliest_date"):
        return None
    fast = result.get("expedited") if in_house else None
    out = {"kind": "in_house" if in_house else "partner",
           "operations": [{"part": a["part"], "process": a["process"],
                           "machine": a.get("machine"),
                           "partner": (a.get("partner") or {}).get("id"),
                           "name": a.get("machine_name") if in_house else a["partner"]["name"]}
                          for a in placed],
           "days": fast["days"] if fast else result["days"],
           "earliest_date": fast["earliest_date"] if fast else result["earliest_date"],
           "overtime": bool(fast)}
    if in_house:
        done = {(a["part"], a["process"]) for a in placed}
        out["amount_eur"] = round(sum(
            line["amount_eur"] for line in machine_lines
            if line["kind"] in ("setup", "run") and (line["part"], line["process"]) in done),
            2)
        out["extra_eur"] = fast["extra_eur"] if fast else None
        out["extra_high_eur"] = fast.get("extra_high_eur") if fast else None
    else:
        out["amount_eur"] = round(sum(a["partner"]["amount_eur"] for a in placed), 2)
        out["extra_eur"] = out["extra_high_eur"] = None
    return out


def nothing_made(report: Mapping[str, Any]) -> bool:
    """No part of the request can be made here (a report's data): it has no lead time
    and no price (not EUR 0)."""
    lead = report.get("lead_time") or {}
    return lead.get("days") is None and bool(lead.get("not_made"))


def overtime_still_late(lead: Mapping[str, Any]) -> bool:
    """The expedited tier's date (overtime) is still after the wanted date: the report and
    the offer say so (it read as if overtime made the date)."""
    fast = lead.get("expedited") or {}
    return bool(lead.get("wanted_date") and fast.get("earliest_date") and
                fast["earliest_date"] > lead["wanted_date"])


def date_refused(report: Mapping[str, Any]) -> str | None:
    """Why a report's LEAD-TIME finding is a blocker, as the offer says it: ``"beyond"``
    (missed by more than any date may move, ``lead_time.flexible_up_to_days``: we cannot
    take the order for it), ``"fixed"`` (a fixed date or a penalty clause that even
    overtime misses: we offer our own date and ask whether it will do), or None (the
    date is not refused)."""
    for found in report.get("findings") or ():
        if found["rule"] == "LEAD-TIME" and found["kind"] == "blocker":
            values = (found.get("trace") or {}).get("values") or {}
            return "beyond" if values.get("beyond_flexible", True) else "fixed"
    return None


def moot(report: Mapping[str, Any], part: str | None) -> bool:
    """A report's ``Placement.moot``: ``part`` cannot be made here, or (None, the
    request) nothing of it can; nothing is asked or advised for it."""
    if part is None:
        return nothing_made(report)
    return part in ((report.get("lead_time") or {}).get("not_made") or ())


def closed_spans(closed, until, shown=lambda date: date):
    """The days the shop is closed (``lead_time.closed``), a period of one name as one:
    "2026-12-25 (Christmas Day), 2026-12-28 to 2026-12-31 (Christmas shutdown)".
    ``until``: the word between a period's first and last day; ``shown``: an ISO date
    as the text shows dates."""
    spans: list = []
    for entry in closed:
        day = datetime.date.fromisoformat(entry["date"])
        if spans and spans[-1][2] == entry["name"] and all(
                (spans[-1][1] + datetime.timedelta(days=k)).weekday() >= 5
                for k in range(1, (day - spans[-1][1]).days)):
            spans[-1][1] = day  # the next weekday, the same closure
        else:
            spans.append([day, day, entry["name"]])
    return ", ".join(
        f"{shown(first.isoformat())} ({name})" if first == last else
        f"{shown(first.isoformat())} {until} {shown(last.isoformat())} ({name})"
        for first, last, name in spans)


def money_range(fast, lang, cents=False):
    """The overtime extra as the report shows it: ``€ 1,440 - € 1,728`` (low and high)."""
    decimals = 2 if cents else 0
    low = i18n.money(fast["extra_eur"], lang, decimals)
    high = fast.get("extra_high_eur")
    if high is None or i18n.money(high, lang, decimals) == low:
        return low
    return f"{low} - {i18n.money(high, lang, decimals)}"


def deliveries_of(request: Mapping[str, Any]) -> int:
    """The deliveries the order comes in (``request.batches``, one where not given)."""
    batches = request.get("batches")
    return batches if isinstance(batches, int) and batches > 1 else 1


def first_delivery(quote_lines, deliveries):
    """The set-up and run lines of our machines at one delivery's share: each delivery
    is a batch with its own set-up and an equal share of the pieces (the quote's set-up
    lines count every batch's)."""
    if deliveries <= 1:
        return quote_lines
    return [dict(line, hours=line["hours"] / deliveries,
                 amount_eur=line["amount_eur"] / deliveries)
            if line["kind"] in ("setup", "run") and line["rule"] is None else line
            for line in quote_lines]


def later_deliveries(repeat, deliveries):
    """The working days (from the start, as the chain counts them) on which each delivery
    after the first is ready at the shop's capacity, with each machine's hours in it:
    [(days, {machine: hours})] for deliveries 2 .. ``deliveries``.  ``repeat``: what the
    first delivery's chain leaves (:func:`chain`'s ``repeat``; the expedited chain's for
    the deliveries in overtime): after its work, each later delivery's operations are
    booked on the same machines, in routing order, each machine one operation at a time
    at its free hours a day (an operation split over machines on each share's machine at
    once), the parts in the order the chain planned them, a part's first operation from
    the day it was ready for the first delivery's (its material came for the whole
    order); a partner's operation takes its days again.  Then each delivery has its own
    tail: its measuring, at its own hours (its first-off inspection: a rule's hours, a
    first article report, are the first delivery's), in the measuring room one part at a
    time after the deliveries before it (the part ready first, of equals the part
    planned first); then the rules' waits, the treatments and the transport again (an
    NDT inspector, a measuring lab, an anodiser and the carrier for each delivery).  A
    rule's set-up (a fixture) is made once: a later delivery takes its own set-up and
    run only."""
    free = dict(repeat["machine_free"])
    busy = sorted(repeat.get("room_busy", ()))
    out = []
    for _ in range(2, deliveries + 1):
        worked, load = [], {}
        for n, (_, ready, route, measuring, after) in enumerate(repeat["parts"]):
            day = ready
            for step in route:
                if isinstance(step, list):  # on our machines, each share at once
                    end = day
                    for mid, days, h in step:
                        free[mid] = max(day, free.get(mid, 0.0)) + days
                        end = max(end, free[mid])
                        load[mid] = load.get(mid, 0.0) + h
                    day = end
                else:  # at a partner
                    day += step
            worked.append((day, n, measuring, after))
        ends = []
        for day, _, measuring, after in sorted(worked):
            if measuring:
                day = _room_booked(busy, day, measuring)
            ends.append(day + after)
        out.append((max(ends, default=0.0), load))
    return out


def _room_booked(busy, ready, days):
    """Book ``days`` of the measuring room for a part ready on ``ready``: the first time
    from then on the room is free that long (``busy``: the sorted (start, end) of what it
    measures already, the deliveries before included; a part of a later delivery ready
    while the room stands idle between the first delivery's parts is measured then).
    The day its measuring ends."""
    start = ready
    for begin, end in busy:
        if start + days <= begin + 1e-9:
            break
        start = max(start, end)
    bisect.insort(busy, (start, start + days))
    return start + days


def due_on_open_day(asked, calendar=PLAIN, lang=None, delivery=1, moved=None):
    """The date a delivery the customer wants on ``asked`` (an ISO date) is due at the
    shop: its last working day on or before it (:meth:`Calendar.open_on_or_before`):
    "uiterlijk zondag" is delivered on the Friday, a date on Christmas Day the day
    before, a date in the shop's own shutdown the last day before it.  A judgement: the
    customer's date is "by" (the questionnaire's "uiterlijk"), so the day before keeps
    the promise, where the next open day would break it.  Where it moves and ``moved`` is
    a list, an entry of the report's ``lead_time.due_moved`` is added to it: the
    ``delivery`` (1: the wanted date), the date ``asked``, the ``due_date``, and why the
    shop is closed (``closed``: the holiday's or the closure's name, else the weekday's,
    in ``lang``; none without ``lang``)."""
    if not asked:
        return asked
    day = datetime.date.fromisoformat(asked)
    due = calendar.open_on_or_before(day)
    if due == day:
        return asked
    if moved is not None:
        why = None
        if lang:
            why = calendar.why_closed(day, lang) or words("lead_time", lang)["weekdays"][
                day.weekday()]
        moved.append({"delivery": delivery, "asked": asked, "due_date": due.isoformat(),
                      "closed": why})
    return due.isoformat()


def delivery_quantities(quantity, deliveries):
    """The products in each delivery: ``quantity`` shared equally over ``deliveries``,
    the first ones one more where it does not divide (100 in 3: 34, 33, 33); a judgement:
    the chain plans each delivery at an equal share of the hours (:func:`first_delivery`),
    and what is left over comes with the first deliveries rather than after the last.
    None each without a quantity."""
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 0:
        return [None] * deliveries
    share, rest = divmod(quantity, deliveries)
    return [share + (1 if n < rest else 0) for n in range(deliveries)]


def delivery_plan(result, repeat, deliveries, first_hours, interval_weeks, machines,
                  calendar=PLAIN, quantity=None, lang=None):
    """The report's ``lead_time.delivery_plan`` of an order in several deliveries: each
    delivery's working days and earliest date at the shop's capacity
    (:func:`later_deliveries`; the first's the chain's), its hours per machine, and, with
    the call-off rhythm known (``interval_weeks``: the questionnaire's
    ``delivery_interval_weeks``), its due date (the wanted date, then every so many
    weeks; a date on a day the shop is closed is due the working day before it,
    :func:`due_on_open_day`, said in ``due_moved``) and whether it is ``late`` (not ready
    by its due date; a delivery is never
    made later than the shop can, nor delivered before it is due or before the one
    before it: ``date``), and the products in it (``quantity``: the order's ``quantity``
    shared out, :func:`delivery_quantities`: what the offer's schedule names).  And
    ``order_load``: each machine's hours over the whole order, and the weeks of its free
    hours they fill (None: a machine with none)."""
    start, wanted = result["start_date"], result["wanted_date"]
    moved = result.setdefault("due_moved", [])
    plan = [(result["days"], first_hours)] + [
        (math.ceil(round(day, 1) - 1e-9), load)
        for day, load in later_deliveries(repeat, deliveries)]
    rows, total, before = [], {}, None
    counts = delivery_quantities(quantity, len(plan))
    for n, (days, load) in enumerate(plan, 1):
        earliest = add_working_days(start, days, calendar) if start else None
        due = (datetime.date.fromisoformat(wanted) + datetime.timedelta(
            weeks=interval_weeks * (n - 1))).isoformat() \
            if wanted and interval_weeks is not None and n > 1 else \
            (result["due_date"] if n == 1 else None)
        if n > 1:
            due = due_on_open_day(due, calendar, lang, n, moved)
        rows.append({"delivery": n, "quantity": counts[n - 1], "days": days,
                     "earliest_date": earliest,
                     "due_date": due,
                     "date": max(filter(None, (earliest, due, before)), default=None)
                     if earliest else None,
                     "late": None if not (due and start) else
                     earliest is None or earliest > due,
                     "hours_by_machine": {m: round(h, 2) for m, h in sorted(load.items())}})
        before = rows[-1]["date"]
        for m, h in load.items():
            total[m] = total.get(m, 0.0) + h
    result["delivery_plan"] = rows
    result["delivery_interval_weeks"] = interval_weeks
    result["order_load"] = [
        {"machine": m, "hours": round(h, 2),
         "weeks": round(h / machines[m]["free_h_per_week"], 2)
         if machines[m]["free_h_per_week"] > 0 else None}
        for m, h in sorted(total.items())]


def expedite_later(result, repeat, deliveries, calendar=PLAIN):
    """Give each later delivery of ``result``'s ``delivery_plan`` that is not ready by its
    due date its expedited tier (``expedited``: its working days and earliest date) where
    overtime makes it sooner: the expedited chain's ``repeat`` planned again
    (:func:`later_deliveries`), the attended set-up and run at the machines' free hours
    and the pack's overtime hours a day.  The machines make the deliveries one after
    another, so delivery k is sooner only with the ones before it in overtime too
    (``deliveries``: k); its price is k times the first's (each delivery is a batch of
    the same hours, :func:`lead_time` prices it).  The tiers given."""
    plan = result.get("delivery_plan") or ()
    start = result.get("start_date")
    out = []
    for row, (day, _) in zip(plan[1:], later_deliveries(repeat, deliveries)):
        days = math.ceil(round(day, 1) - 1e-9)
        if row["late"] and start and row["days"] is not None and days < row["days"] \
                and days <= MAX_WORKING_DAYS:
            row["expedited"] = {"days": days,
                                "earliest_date": add_working_days(start, days, calendar),
                                "deliveries": row["delivery"]}
            out.append(row["expedited"])
    return out


def late_delivery(result):
    """The first delivery after the first that the shop cannot make by its due date (a
    ``delivery_plan`` row), or None: the wanted date's LEAD-TIME finding is the first's.
    Of several, the first that even overtime does not make by its date (its
    ``expedited`` tier, :func:`expedite_later`), where one is: it decides whether the
    date is refused."""
    late = [row for row in (result.get("delivery_plan") or ())[1:] if row["late"]]
    return next((row for row in late if not (row.get("expedited") and
                                             row["expedited"]["earliest_date"] <=
                                             row["due_date"])), late[0] if late else None)


def in_overtime(quote_lines, machines, overtime_h_per_day):
    """The attended set-up and run lines of our machines (a rule's set-up hours on one
    too), each at the share of its hours the expedited chain works in overtime: a
    machine with ``p`` free hours a day and ``o`` overtime hours does ``o / (p + o)`` of
    its attended work after hours (the rest in its own free hours, at no surcharge)."""
    out = []
    for line in quote_lines:
        if line["kind"] not in ("setup", "run") or not line["attended"] \
                or line["machine"] not in machines:
            continue
        per_day = machines[line["machine"]]["free_h_per_week"] / 5.0
        share = overtime_h_per_day / (per_day + overtime_h_per_day) \
            if per_day + overtime_h_per_day > 0 else 0.0
        out.append(dict(line, hours=line["hours"] * share,
                        amount_eur=line["amount_eur"] * share))
    return out


def labour_share(machine, share):
    """The share of ``machine``'s hourly rate that is the operator's labour: its own
    ``labour_share`` in the equipment file, else the pack's
    (``lead_time.expedite.labour_share``; None: 1, the whole rate)."""
    own = (machine or {}).get("labour_share")
    return float(own if own is not None else 1.0 if share is None else share)


def overtime_labour(lines, machines, share):
    """The lines worked in overtime (:func:`in_overtime`) at the labour in them: the
    overtime premium is on the wage (CAO Metaal en Techniek), not on the machine's
    depreciation, energy and overhead that a machine-hour rate incl. operator also holds
    (it was applied to the whole EUR 120/h of a 5-axis mill)."""
    return [dict(line, amount_eur=line["amount_eur"] * labour_share(
        machines.get(line["machine"]), share)) for line in lines]


def _labour_shares(lines, machines, share, said, lang):
    """The labour shares the overtime reads, in words: the pack's, and a machine's own."""
    own = sorted({(line["machine"], machines[line["machine"]]["labour_share"])
                  for line in lines if (machines.get(line["machine"]) or {}).get(
                      "labour_share") is not None})
    text = said["labour_share"].format(share=i18n.figure(
        1.0 if share is None else share, lang))
    return text + "".join(said["labour_share_machine"].format(
        machine=machine, share=i18n.figure(value, lang)) for machine, value in own)


def price_overtime(result, machine_lines, share, estimate_share, lang="en", machines=None,
                   overtime_h_per_day=0.0, labour=None):
    """Give the expedited tier its high estimate (``extra_high_eur``): the overtime
    surcharge on the labour (:func:`overtime_labour`, ``labour``: the pack's
    ``lead_time.expedite.labour_share``) of the attended set-up and run hours worked in
    overtime (:func:`in_overtime`), with the contingency the quote puts on them
    (``costing.totals``: every line, and more on an estimated run)."""
    fast = result.get("expedited")
    tiers = [tier for tier in [fast] + [row.get("expedited") for row in
                                        (result.get("delivery_plan") or ())[1:]] if tier]
    if not tiers:  # (a later delivery's in overtime is priced as the first's)
        return
    from producibility.report.costing import totals

    lines = first_delivery(machine_lines, result.get("deliveries") or 1)
    surcharged = [dict(line, amount_eur=line["amount_eur"] * tiers[0]["surcharge"])
                  for line in overtime_labour(
                      in_overtime(lines, machines or {}, overtime_h_per_day),
                      machines or {}, labour)]
    high = totals(surcharged, share, estimate_share)["amount_high_eur"]
    for tier in tiers:  # (a later delivery's: its deliveries' overtime, as many times)
        tier["extra_high_eur"] = max(tier["extra_eur"], round(
            high * tier.get("deliveries", 1), 2) if tier is not fast else high)
    if fast:
        fast["basis"] += words("quote_source", lang)["overtime_high"].format(
            share=i18n.figure(share, lang), estimate_share=i18n.figure(estimate_share, lang))


def kind_of(result: Mapping[str, Any], request: Mapping[str, Any],
            flexible_up_to: float | None = None, calendar: Any = PLAIN
            ) -> tuple[str | None, bool]:
    """(the LEAD-TIME finding's kind, or None where the date is not missed; whether the
    date is missed by more than ``flexible_up_to`` working days): a blocker for a fixed
    date or a penalty clause that even overtime misses, or beyond what a date may move;
    a question where the date's flexibility is not known (``date_flexible``: the
    report asks it, :func:`~producibility.report.conclude.conclude`); else a risk."""
    if result["meets_wanted_date"] is not False:
        later = late_delivery(result)
        if later is None:
            return None, False
        # a later delivery not ready by its due date: as the first's, its own overtime
        # (the plan row's expedited tier) taken into account as the first's is
        fast = later.get("expedited")
        fixed = request.get("penalty_clause") is True or request.get("date_flexible") is False
        if fixed and fast and fast["earliest_date"] <= later["due_date"]:
            fixed = False  # overtime makes it: a risk with a price, not a refusal
        soonest = (fast or {}).get("earliest_date") or later["earliest_date"]
        beyond = flexible_up_to is not None and (
            soonest is None or calendar.working_days_between(
                later["due_date"], soonest) > flexible_up_to)
        if fixed or beyond:
            return "blocker", beyond
        return ("question" if request.get("date_flexible") is None else "risk"), beyond
    fast = result["expedited"]
    fixed = request.get("penalty_clause") is True or request.get("date_flexible") is False
    if fixed and fast and fast["earliest_date"] <= (result.get("due_date") or
                                                    result["wanted_date"]):
        fixed = False  # overtime makes it: a risk with a price, not a refusal
    beyond = False
    if flexible_up_to is not None:
        soonest = (fast or {}).get("earliest_date") or result["earliest_date"]
        beyond = soonest is None or calendar.working_days_between(
            result["wanted_date"], soonest) > flexible_up_to
    if fixed or beyond:
        return "blocker", beyond
    return ("question" if request.get("date_flexible") is None else "risk"), beyond


def finding(result: Mapping[str, Any], request: Mapping[str, Any],
            matrix: Sequence[Sequence[str]], lang: str,
            flexible_up_to: float | None = None,
            calendar: Any = PLAIN, cap: int | None = None) -> Finding | None:
    """The LEAD-TIME finding when the chain misses the wanted date, or None.

    A penalty clause or a fixed date makes it a blocker; a date the customer may move
    a high risk; a date whose flexibility is unknown a question to the customer.  A
    date missed by more than ``flexible_up_to`` working days (the pack's
    ``lead_time.flexible_up_to_days``; never known: over ten years) is a blocker
    whatever the date's flexibility, unless overtime brings it within them.  ``cap``: the
    level a missed date that is no blocker caps manufacturing management at (the pack's
    ``mrl.check_caps``; a blocker caps it at the pack's blocker cap)."""
    if result["meets_wanted_date"] is not False:
        return _later_finding(result, request, matrix, lang, flexible_up_to, calendar, cap)
    day = i18n.day  # the report's date form
    text = words("lead_time", lang)
    message = text["message"].format(
        earliest=day(result["earliest_date"], lang) if result["earliest_date"] else text["never"],
        days=i18n.number(result["days"], lang, grouping=False), part=result["slowest_part"],
        wanted=day(result["wanted_date"], lang))
    if (result.get("deliveries") or 1) > 1:  # the wanted date is the first delivery's
        message += text["first_delivery"].format(n=result["deliveries"])
    if result.get("start_date") and result["wanted_date"] < result["start_date"]:
        # "needed yesterday": screened all the same, the earliest date is the answer
        message += text["wanted_gone"].format(start=day(result["start_date"], lang))
    fast = result["expedited"]
    if fast:
        message += text["expedite"].format(expedited=day(fast["earliest_date"], lang),
                                           extra=money_range(fast, lang))
    return _lead_finding(result, request, matrix, lang, flexible_up_to, calendar, cap,
                         message, text["condition"].format(
                             earliest=day(result["earliest_date"], lang),
                             wanted=day(result["wanted_date"], lang)),
                         {"days": result["days"]})


def _lead_finding(result, request, matrix, lang, flexible_up_to, calendar, cap, message,
                  condition, values, title="title"):
    """The LEAD-TIME finding of ``message`` (a missed wanted date, or a later delivery's
    due date: ``title`` its title's key): its kind and whether it is beyond what the date
    may move (:func:`kind_of`), its trace ``values`` with the facts that decide the kind,
    its risk and cap."""
    text = words("lead_time", lang)
    kind, beyond = kind_of(result, request, flexible_up_to, calendar)
    if beyond:
        message += text["beyond"].format(days=i18n.number(flexible_up_to, lang,
                                                          grouping=False))
    return Finding.check(
        "LEAD-TIME", kind, "manufacturing_management", text[title], message,
        text["mitigation"], text["source"], condition,
        dict(values, slowest_part=result["slowest_part"],
             penalty_clause=request.get("penalty_clause"),
             date_flexible=request.get("date_flexible"), beyond_flexible=beyond),
        part=result["slowest_part"], risk=Risk.rated(4, 4, matrix) if kind == "risk" else None,
        mrl_cap=cap if kind != "blocker" else None)


def _later_finding(result, request, matrix, lang, flexible_up_to, calendar, cap):
    """The LEAD-TIME finding of an order in several deliveries whose first delivery is
    in time (or not known to be late) and a later one is not ready by its due date (the
    call-off rhythm given: :func:`delivery_plan`), or None: the same finding, kind and
    caps as a missed wanted date (:func:`kind_of`), for the first such delivery."""
    later = late_delivery(result)
    if later is None:
        return None
    day = i18n.day
    text = words("lead_time", lang)
    earliest = day(later["earliest_date"], lang) if later["earliest_date"] else text["never"]
    moved = next((m for m in result.get("due_moved") or ()
                  if m["delivery"] == later["delivery"]), None)
    message = text["later_delivery"].format(
        k=later["delivery"], n=result["deliveries"], earliest=earliest,
        due=day(later["due_date"], lang), wanted=day(result["wanted_date"], lang),
        every=every_weeks(result["delivery_interval_weeks"], lang),
        moved=text["later_moved"].format(asked=day(moved["asked"], lang),
                                         why=moved["closed"]) if moved else "")
    fast = later.get("expedited")
    if fast:  # that delivery in overtime, as the first's (and those before it)
        message += text["later_expedite"].format(
            k=later["delivery"], expedited=day(fast["earliest_date"], lang),
            extra=money_range(fast, lang))
    return _lead_finding(result, request, matrix, lang, flexible_up_to, calendar, cap,
                         message, text["later_condition"].format(
                             k=later["delivery"], earliest=earliest,
                             due=day(later["due_date"], lang)),
                         {"days": later["days"], "delivery": later["delivery"],
                          "expedited_date": (fast or {}).get("earliest_date")},
                         title="later_title")


def every_weeks(weeks, lang):
    """The call-off rhythm in words: "every 4 weeks", "elke 1 week"."""
    return i18n.counted(words("lead_time", lang)["every_weeks"], weeks, lang,
                        weeks=i18n.number(weeks, lang, grouping=False))
