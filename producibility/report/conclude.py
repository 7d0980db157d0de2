"""Conclude: from what the engine inferred to verdict, effort, MRL and risks.

A composition, in the order each step needs the one before: the machine per part
operation (assignment.py); the findings of the rules and of the fit
(finding.py, fit_findings.py); MRL per thread against the target (mrl.py); the open
questions (open_questions.py); the quote lines and the effort (costing.py,
verdict.py); the lead time (leadtime.py); the verdict (verdict.py).  Everything here
is arithmetic over the engine's hits; every number in the report can be traced to
the findings and assignments it is built from.
"""

from __future__ import annotations

from typing import Any

from producibility.engine.infer import (DERIVED_FIELDS, Inferred, derive_part, machine_time,
                                        judged_on_shares, schedule)
from producibility.model.stock import bar_stock, feeds_bar, stock_facts
from producibility.report import assignment, costing, fit_findings, leadtime, mrl, verdict
from producibility.report.finding import Finding, flag_trace, ordered, rule_decides, words
from producibility.report.open_questions import OpenFields, alternatives, undecided
from producibility.report.partners import stock_weigher
from producibility.report.provenance import Provenance

SCHEMA_VERSION = "7.18.0"  # 7.18: an assignment's weighed_eur (the chosen machine
# as weighed, beside its alternatives' amounts); 7.17: an assignment's sooner (a dearer machine chosen for
# the slack it leaves before the wanted date, lead_time.slack) and an alternative's why
# less_slack; 7.16: a quote line's and an open answer's one_off
# (what a one-off cost is for, null where it recurs), quote.totals.one_off_eur and
# one_off_high_eur, a quantity break's one_off_offered_eur (its per_product_offered_eur
# without the one-off costs); 7.15: lead_time.due_date and due_moved (a date asked on a
# day the shop is closed is due its working day before); a delivery_plan row's expedited
# (a later delivery late at our free hours, in overtime as the first); 7.14: an assignment's bar_mm (made from drawn bar, or a
# sawn blank) and alternative_amounts (what each alternative machine would cost and why
# it lost); 7.11: a delivery_plan row's quantity (the products in it); a
# quantity break's per_product_offered_eur and amount_offered_eur (its price as the offer
# names it, the parts' prices per piece to the cent added up) and blockers (a break refused
# for its date alone is priced); 7.10: lead_time.counts_from (the order, or the day the
# customer's own material is in); 7.9: an assignment's partner.transport_days (the partner's
# own days for a shipment each way); 7.8: lead_time.alternative (the plan not chosen where a
# partner and our overtime compete for an operation our machines lack the hours for);
# 7.7: lead_time.delivery_plan, delivery_interval_weeks and
# order_load (an order in several deliveries: every delivery's date and the machines' load
# over the whole order); 7.6: a lead-time step's start_day, end_day, start_date,
# end_date, process, machine, shares, partner and hours, and a part's earliest_date (what a
# planning system loads); 7.5: inputs.dated_days_ago (the dates count from a request's date
# gone by), meets_wanted_date null where only that date meets it; 7.4:
# quote.open_answers[].counted and .assumes (the rules of
# one closed question are alternatives: the allowance counts those of its dearest answer);
# 7.3: quote.open_answers and totals.open_answers_eur (the
# high estimate allows for what the rules whose questions are open would add), and
# effort.cost_eur.open_answers_eur; 7.2: a quantity break is the request screened at its
# quantity, with its verdict, contingency share, rules, not_priced and lead_time; an
# assignment's split (its pieces over several machines, each share with its own set-up);
# effort.cost_eur's contingency_eur, estimated_eur and estimate_contingency (high = low +
# contingency_eur); quote.not_priced of what outside_work, and of why quantity or weight
# at a partner; an assignment partner's basis and not_priced; the expedited tier's
# labour_eur (the overtime surcharge is on the labour); 7.1: a thread's not_met (the
# next MRL level's criterion
# the answers do not meet); 7: a quote line priced as an amount (material, outside
# work, ...) has hours, rate_eur_h and attended null (they read 0, 0 and true);
# effort.lead_time_days is effort.longest_wait_days (no lead time); 6.1: lead_time.basis, a part's and a step's basis and a
# step's source (whose figures the days are); 6: quote.totals' amounts null where nothing is made here,
# can_change_verdict null where not probed (inputs.probe), meets_wanted_date null on a
# lower bound within the date, a part with no process unrouted (not priced, no date)
# 5.1: an assignment's run_basis, its run_h and amount_eur
# as the quote prices them (an estimated run too), and customer_reason on an operation
# we cannot do; 5: effort.cost_eur's low and high to the cent, null when
# nothing of the request can be made here (they were 0); 4.5: lead_time.closed (the shop's calendar); 4.4: lead-time
# steps of kind design (a rule's effort.design_h, before the preparation); 4.3: the expedited tier's extra_high_eur (with the
# contingency, the figure the offer names); 4.2: lead-time steps of kind wait (a rule's
# effort.lead_time_days) and preparation (CAM, work preparation), a step's rule; 4.1: an assignment's late (an operation made later than wanted
# for want of free hours, which had no machine before) and overflow (a partner does it
# sooner); 4: lead_time.days null for a request none of whose parts can be
# made here, lead_time.not_made and the parts' not_made (3: quote lines by kind with basis)
VERDICTS = ("fit", "fit_with_effort", "conditional", "no_fit")


def _slack_days(lead, calendar):
    """The working days between the chain's earliest delivery and the wanted date, or
    None where the chain gives no date (no wanted date, or a lower bound only)."""
    earliest, wanted = lead.get("earliest_date"), lead.get("wanted_date")
    if not earliest or not wanted or lead.get("without_run"):
        return None
    return leadtime.working_days_between(earliest, wanted, calendar)


def _said_sooner(placement, before, lead_before, lead, calendar):
    """Each assignment that went to a dearer machine for its slack (``placement.sooner``)
    says so in ``sooner``: its part's working days of slack in the chain now, against
    those in the chain of the cheapest machines (``before``, ``lead_before``: the plan
    without the slack weighed), the machine it had there and what it costs more."""
    def part_slack(result, pid):
        entry = next((p for p in result["parts"] if p["part"] == pid), None)
        if entry is None or not entry.get("earliest_date") or not result.get("wanted_date"):
            return None
        return leadtime.working_days_between(entry["earliest_date"], result["wanted_date"],
                                             calendar)
    had = {(a["part"], a["process"]): a for a in before.assignments}
    for entry in placement.assignments:
        moved = placement.sooner.get((entry["part"], entry["process"]))
        old = had.get((entry["part"], entry["process"]))
        if not moved or not entry.get("machine") or old is None or \
                old.get("machine") != moved["instead_of"] or \
                old["machine"] == entry["machine"]:
            continue  # said against the machine the plan without slack chose, or not
        now, then = part_slack(lead, entry["part"]), part_slack(lead_before, entry["part"])
        if now is None or then is None or now <= then:
            continue
        entry["sooner"] = {"slack_days": now, "instead_of": old["machine"],
                           "instead_slack_days": then,
                           "extra_eur": round(float(moved["extra_eur"]), 2)}


def _provenance(pack: Any, findings=()) -> Provenance:
    """Whose figures the pack's are (a rule the shipped pack writes, a setting the shop's
    own pack sets, a catalogue entry the shipped catalogue has), for the quote lines' and
    the lead-time steps' basis; ``findings``: whose hours the lead time's office and
    measuring steps take."""
    return Provenance(getattr(pack, "shipped", frozenset()),
                      getattr(pack, "given_settings", frozenset()),
                      getattr(pack, "shipped_catalogue", None), findings,
                      pack.settings["costing"]["cam_h"])


def thread_names(lang: str) -> dict[str, str]:
    """The names of the MRL threads and FaaS topics in ``lang``."""
    return words("threads", lang)


#: the effort keys a rule's finding prices (costing.quote_lines): an open answer to a
#: rule with one of them can add to the price
PRICED_EFFORT = ("engineering_h", "design_h", "inspection_h", "cam_h", "setup_h", "amounts")


def _open_answers_matter(totals, allowed, request, unmade) -> bool:
    """Whether what open answers can add (at most ``allowed`` of the amount) can change
    COST-TARGET's finding: only where the high estimate without it is at or below the
    customer's target and with the most it can add above it (a low estimate above the
    target, or a part not made here, is a question whatever the open answers add)."""
    target, quantity = costing.target_price(request), request.get("quantity")
    if target is None or not quantity or unmade or totals["amount_eur"] is None:
        return False
    low, high = totals["amount_eur"] / quantity, totals["amount_high_eur"] / quantity
    return low <= target and high <= target < high + allowed * low


def _priced(hit) -> bool:
    """Whether the rule of ``hit`` adds hours or amounts to the price when it fires."""
    effort = hit.rule.then.get("effort")
    return bool(effort) and any(effort.get(key) for key in PRICED_EFFORT)


def conclude(inferred: Inferred, pack: Any, equipment: Any, questionnaire: Any,
             lang: str = "en", inputs: dict | None = None,
             brief: bool = False, priced: bool = False) -> dict:
    """The report (a dict, the JSON contract) from what the engine inferred.

    ``brief``: for a what-if probe, which reads only the verdict and which rules fired
    for which part: just ``{"verdict", "findings": [{"rule", "part"}]}``, worked out
    without the texts, the price, the effort or the ranking of the open questions.
    ``priced`` (with ``brief``: a quantity break, the request screened at another
    quantity): the same, with the price as the report computes it (``quote``: its
    ``lines``, ``totals`` with the contingency of its own open questions, and
    ``not_priced``) and its ``lead_time`` (days, date, deliveries; no expedited tier
    unless the date is missed, no provenance)."""
    settings, catalogue = pack.settings, pack.catalogue
    matrix = settings["risk_matrix"]
    request, parts = inferred.request, inferred.parts
    partners = {p["id"]: p for p in equipment.partners}
    choices = questionnaire.choice_text
    # a partner's price per kg where a part gives no weight: the stock the material line
    # prices (it was dropped without a word)
    weigh = stock_weigher(catalogue, settings["costing"], lang,
                          tuple(inferred.machines.values()))

    def estimate(pid, process, mid):
        """The run hours the quote estimates for an operation on a machine (its
        process's model), or None."""
        part = parts[pid]
        material = catalogue.get("materials", part["material"]) \
            if catalogue and part.get("material") else None
        if material is None or part.get("pieces") is None:
            return None
        minutes, _ = costing.run_minutes(process, part, material, inferred.machines[mid],
                                         settings["costing"], catalogue)
        return None if minutes is None else minutes * part["pieces"] / 60.0

    def unattended(pid, process, mid):
        """Whether the run of the operation on the machine goes on unattended."""
        return costing.runs_unattended(process, parts[pid], inferred.machines[mid],
                                       settings["costing"], catalogue)

    def bar(pid, process, mid):
        """(whether the process may make the part from bar, the drawn bar on the
        machine or None: a sawn blank)."""
        fed = feeds_bar(process, catalogue)
        return fed, bar_stock(parts[pid], process, inferred.machines[mid], catalogue) \
            if fed else None

    asks: dict = {}  # (scope, field, part) -> askable: many rules wait for one question

    def askable(scope, field, pid):
        """Whether the questionnaire asks (or may yet ask: its ask_if waits for another
        open answer) the question ``scope.field`` of part ``pid``."""
        known = asks.get((scope, field, pid))
        if known is None:
            question = questionnaire.question(scope, field)
            if question is None or question.ask_if is None:
                known = True
            else:
                part = parts.get(pid) if pid else None
                known = bool(_asked(question, request, part) or
                             _follows(question, request, part))
            asks[scope, field, pid] = known
        return known

    expedite = settings["lead_time"].get("expedite") or {}
    overflow = settings["lead_time"].get("overflow", "partner") == "partner"

    slack = settings["lead_time"].get("slack")

    def plan(windows=None, overflow=overflow,
             overtime=expedite.get("overtime_h_per_day", 0.0), slack=None):
        """The machines, the rules' findings on them and the lead time's chain (the run
        hours estimated where no cycle time is given); with ``windows``, each
        operation's own weeks for its machine's hours.  ``overflow``: an operation our
        machines lack the hours for may go to a partner; ``overtime``: the hours a day
        our machines may add against it (the pack's; 0: a partner sooner than our
        machines at their free hours takes it); ``slack``: the pack's
        ``lead_time.slack``, weighed in the ``windows`` (None: the cheapest machine with
        the hours)."""
        fields = OpenFields()
        placement = assignment.place(inferred, partners, choices, lang,
                                     settings["lead_time"]["transport_days"],
                                     overflow, equipment.calendar, windows,
                                     estimate, weigh, overtime, unattended, bar, slack)
        outside = fit_findings.outside_work_of(inferred, placement, partners, catalogue, lang,
                                               weigh)
        # a candidate rule on a machine of a split judged on that machine's share
        findings = rule_findings(
            judged_on_shares(inferred, {(a["part"], a["process"], share["machine"]):
                                        share["pieces"] for a in placement.assignments
                                        for share in a.get("split") or ()}),
            placement, matrix, choices, lang, fields, brief, askable)
        waits = leadtime.waits_of(findings)  # the rules' waits (the tool's own: the chain's)
        # the lead time, from the machines' set-up and run lines, a rule's set-up hours
        # on its machine with them
        machine_lines, _ = costing.quote_lines(request, parts, inferred.machines,
                                               placement.assignments,
                                               [f for f in findings
                                                if f.effort.get("setup_h")], catalogue,
                                               equipment.provider, settings["costing"], lang,
                                               True, placement.not_made)
        treatments: dict = {}
        for work in outside:
            if work.treatment:
                treatments.setdefault(work.part, []).append((work.process, work.partner))
        lead = leadtime.lead_time(
            request, inferred.as_of, parts, inferred.machines, placement.assignments,
            machine_lines, treatments, catalogue, equipment.provider, settings["lead_time"],
            lang, brief, placement.not_made, waits,
            costing.cam_hours(placement.assignments, settings["costing"], findings,
                              placement.not_made),
            costing.design_hours(findings, placement.not_made), equipment.calendar,
            costing.inspection_hours(placement.assignments, settings["costing"], 1, findings,
                                     placement.not_made,
                                     request.get("customer_operates_machine") is True),
            None if brief else _provenance(pack, findings),
            None if brief else leadtime.undecided_waits(inferred.hits, placement.moot,
                                                         placement.chosen, askable),
            # a later delivery measures its first-off pieces again, not the rules' hours
            costing.inspection_hours(placement.assignments, settings["costing"], 1, (),
                                     placement.not_made,
                                     request.get("customer_operates_machine") is True))
        return placement, outside, findings, fields, lead, machine_lines

    placement, outside, findings, open_fields, lead, machine_lines = plan()
    windows = used = None  # the operations' windows of the chain; those the plan used
    weighed = None  # the slack setting the plan used (lead_time.slack), or None
    if lead["meets_wanted_date"] is False and lead["days"] is not None:
        # the cheapest machines with the hours before the wanted date make it late: the
        # machines again, each operation with the weeks its part leaves it (the material
        # before, the measuring and an anodiser's week after), kept where it ends sooner
        windows = leadtime.machining_windows(lead, placement.assignments, equipment.calendar,
                                             catalogue)
        if windows:
            again = plan(windows)
            if again[4]["days"] is not None and again[4]["days"] < lead["days"]:
                used = windows
                placement, outside, findings, open_fields, lead, machine_lines = again
                windows = leadtime.machining_windows(lead, placement.assignments,
                                                     equipment.calendar, catalogue)
    elif slack and windows is None:
        first = _slack_days(lead, equipment.calendar)
        if first is not None and 0 <= first < (slack.get("min_days") or 0):
            # the cheapest machines with the hours make the date with less slack than the
            # shop keeps (a rush order the choice made itself): the machines again in
            # each operation's window, a dearer machine where it leaves the slack
            # (lead_time.slack), kept where the chain has more slack
            windows = leadtime.machining_windows(lead, placement.assignments,
                                                 equipment.calendar, catalogue)
            again = plan(windows, slack=slack) if windows else None
            if again is not None and again[0].sooner:
                later = _slack_days(again[4], equipment.calendar)
                if later is not None and later > first:
                    _said_sooner(again[0], placement, lead, again[4], equipment.calendar)
                    used, weighed = windows, slack
                    placement, outside, findings, open_fields, lead, machine_lines = again
                    windows = leadtime.machining_windows(lead, placement.assignments,
                                                         equipment.calendar, catalogue)
            if used is None:
                windows = None
    if windows is None and not brief and placement.short and lead["days"] is not None:
        # a machine short of hours for an operation a partner took says so in the
        # operation's own window, the date met or not
        windows = leadtime.machining_windows(lead, placement.assignments, equipment.calendar,
                                             catalogue)
    # the plan not chosen where our overtime and a partner competed for an operation
    # our machines lack the hours for (a report's, not a probe's: it plans once more)
    other = None
    if not brief and overflow and (placement.declined or any(
            a.get("overflow") for a in placement.assignments)):
        in_house = any(a.get("overflow") for a in placement.assignments)
        other = (in_house, placement) + plan(used, overflow=not in_house, overtime=0.0,
                                             slack=weighed)
    # counted from a request's date gone by: in time only if it is from today too
    leadtime.judged_today(lead, inferred.as_of, (inputs or {}).get("dated_days_ago"),
                          equipment.calendar)
    # then the schedule stage: the rules that read what the chain found
    assignment.late_in_plan(placement, inferred, lead.pop("machine_order"), lang, windows,
                            leadtime.parts_late(lead, equipment.calendar))
    facts, waiting = leadtime.schedule_facts(lead, request, equipment.calendar)
    staged = schedule(inferred, facts, waiting)
    if staged is not inferred:
        known = set(map(id, inferred.hits))
        findings += rule_findings(
            staged._replace(hits=tuple(h for h in staged.hits if id(h) not in known)),
            placement, matrix, choices, lang, open_fields, brief, askable)
        inferred = staged

    findings += fit_findings.no_machine(inferred, placement, choices, lang, catalogue)
    if not brief:
        fit_findings.customer_reasons(inferred, placement, choices, lang)
    findings += fit_findings.outside(outside, catalogue, lang)
    findings += fit_findings.routed(inferred, catalogue, lang)
    findings += fit_findings.wrong_treatment(inferred, catalogue, lang)
    findings += fit_findings.treatment_size(inferred, partners, catalogue, matrix, lang,
                                            placement)
    fit_gaps(inferred, open_fields, placement)

    # a probe needs only the threads that can fall below the target: those a finding caps
    judged = mrl.THREADS
    if brief:
        capped = mrl.capped_threads(findings)
        judged = [t for t in mrl.THREADS if t in capped]
    mrl.remember(pack.evidence_conditions)

    def thread_levels(found, judged):
        levels = mrl.thread_levels(found, judged, settings.get("mrl") or {},
                                   lambda need: _answered(need, request, parts, questionnaire),
                                   lambda when: mrl.holds(when, request, parts), lang)
        if placement.nothing_made:  # no answer makes it: "to earn more" asks none
            for thread in levels.values():
                thread["unanswered"] = []
        return levels
    threads = thread_levels(findings, judged)
    purpose = request.get("purpose")
    target = settings["target_mrl"].get(purpose) if purpose else None
    if purpose is None and not placement.nothing_made:
        open_fields.add("request", None, "purpose", "MRL-TARGET", False)
    below_target = mrl.below_target(threads, target, purpose, lang)
    flexible_up_to = settings["lead_time"].get("flexible_up_to_days")
    if leadtime.kind_of(lead, request, flexible_up_to, equipment.calendar)[0] == "question":
        # the date is missed and whether it may move is not known: LEAD-TIME asks it,
        # so it is an open question (the offer of a late housing asked the weights and
        # not the one answer its verdict waited for, and the price of an order that
        # missed its date came out lower, one open question fewer)
        open_fields.add("request", None, "date_flexible", "LEAD-TIME", True)
    if lead.get("delivery_plan") and request.get("delivery_interval_weeks") is None:
        # an order in several deliveries whose call-off rhythm is not known: the later
        # deliveries are planned at our capacity, and FAC-006 judges the whole order by
        # the wanted date; the rhythm is asked (it decides neither alone)
        for rule in ["LEAD-TIME"] + sorted({f.rule for f in findings if f.rule == "FAC-006"}):
            open_fields.add("request", None, "delivery_interval_weeks", rule, False)
    findings = findings + below_target if brief else ordered(findings + below_target)
    open_questions = open_fields.ranked(
        questionnaire, lang,
        lambda question, pid: _still_open(question, request, parts.get(pid) if pid else None),
        lambda question, pid: _follows(question, request, parts.get(pid) if pid else None))

    def pending():
        """The findings the rules whose questions are open would make where they add
        hours or amounts to the price: the high estimate allows for their answers (each
        rule once a part and machine), and which of them can fire together
        (:func:`open_questions.alternatives`)."""
        seen, out, hits = set(), [], []
        for hit in undecided(inferred.hits, placement.moot, placement.chosen, askable,
                             _priced):
            finding = Finding.from_hit(hit, lang, matrix, choices, brief=True)
            if (finding.rule, finding.part, finding.machine) in seen:
                continue
            seen.add((finding.rule, finding.part, finding.machine))
            finding.title = hit.rule.text("title", lang)
            out.append(finding)
            hits.append(hit)
        return out, alternatives(hits, inferred.flags_unknown, questionnaire.question,
                                 answered, makeable)

    taking: dict = {}  # (part, process) -> the materials the machines that fit it take

    def makeable(key, value):
        """Whether the part can be made here with ``value`` as its material: each of its
        operations has a machine that fits it on the other answers and takes the
        material, or a partner that does the operation takes it (its limits aside).
        Any other answer: true."""
        scope, field, pid = key
        if scope != "part" or field != "material":
            return True
        for process in parts[pid].get("processes") or ():
            takes = taking.get((pid, process))
            if takes is None:
                takes = taking[pid, process] = {
                    material for (part, step, machine) in inferred.fits
                    if part == pid and step == process
                    for material in inferred.machines[machine]["materials"]}
            if value not in takes and not any(
                    process in partner["processes"] and (
                        partner.get("materials") is None or value in partner["materials"])
                    for partner in equipment.partners):
                return False
        return True

    def answered(key, value, stock):
        """The request and its parts (by id) with ``value`` as the answer to the question
        ``key`` (scope, field, part), the derived fields worked out again as the engine
        works them out (a material's family), and with ``stock`` the stock facts too
        (whether it is in our rack: they count the request's parts together, so they
        are worked out only for an answer on which a rule waits for them)."""
        scope, field, pid = key
        if scope == "request":  # a closed answer of the request derives nothing (the
            # working weeks come from a date, the stock from the parts), but who makes
            # the parts (machine_time: part.made_by_customer, request.machine_time_only)
            changed = dict(request, **{field: value})
            if field == "customer_operates_machine":
                changed["parts"] = [dict(part) for part in request["parts"]]
                machine_time(changed, inferred.provider)
                return changed, {str(part["id"]): part for part in changed["parts"]}
            return changed, parts
        changed = dict(request)
        changed["parts"] = [
            derive_part({name: v for name, v in part.items()
                         if ("part", name) not in DERIVED_FIELDS
                         and name != "stock_held_kg"} | {field: value}, request, catalogue)
            if str(part["id"]) == pid else (dict(part) if stock else part)
            for part in request["parts"]]
        if stock:
            stock_facts(changed, inferred.provider, catalogue, settings["costing"],
                        frozenset(placement.not_made), tuple(inferred.machines.values()),
                        inferred.bars)
        return changed, {str(part["id"]): part for part in changed["parts"]}

    if not brief:
        share = verdict.contingency_share(settings, len(open_questions))
        found, alternative = pending()
        lines, quote = costing.quote(request, parts, inferred.machines,
                                     placement.assignments, findings, catalogue,
                                     equipment.provider, settings["costing"], share,
                                     lang, placement.not_made, partners, _provenance(pack),
                                     found, verdict.open_answers_share(settings, share),
                                     alternative, placement.levelled)
        assignment.priced_as_quoted(placement.assignments, lines)
        effort = verdict.effort(findings, lines, quote["totals"], placement.assignments,
                                share, settings["effort_classes"],
                                made=not placement.nothing_made,
                                unmade=placement.not_made,
                                unrouted=[p for p, part in parts.items()
                                          if not part.get("processes")])
        leadtime.price_overtime(lead, machine_lines, share,
                                settings["costing"]["estimate_contingency"], lang,
                                inferred.machines,
                                (settings["lead_time"].get("expedite") or {}).get(
                                    "overtime_h_per_day", 0.0),
                                (settings["lead_time"].get("expedite") or {}).get(
                                    "labour_share"))
        if other is not None:  # the plan not chosen, its overtime priced alike
            in_house, chosen, alt, _, _, _, alt_lead, alt_lines = other
            alt_lead.pop("machine_order", None)
            leadtime.price_overtime(alt_lead, alt_lines, share,
                                    settings["costing"]["estimate_contingency"], lang,
                                    inferred.machines, expedite.get("overtime_h_per_day", 0.0),
                                    expedite.get("labour_share"))
            said = leadtime.alternative(in_house, chosen, alt.assignments, alt_lead,
                                        alt_lines)
            if said is not None:
                lead["alternative"] = said
        if placement.nothing_made:  # not priced, not EUR 0: as effort.cost_eur (an ERP
            # import read quote.totals' 0.00 as a price)
            quote["totals"].update(amount_eur=None, amount_high_eur=None,
                                   contingency_eur=None, estimated_eur=None,
                                   one_off_eur=None, one_off_high_eur=None)

    check_caps, over = (settings.get("mrl") or {}).get("check_caps") or {}, None
    late = leadtime.finding(lead, request, matrix, lang, flexible_up_to, equipment.calendar,
                            check_caps.get("LEAD-TIME"))
    if late is not None:
        findings = findings + [late] if brief else ordered(findings + [late])
    target_price = costing.target_price(request) is not None and \
        request.get("quantity") and not placement.nothing_made
    if brief and (priced or target_price):
        # a what-if probe prices where its verdict needs it (the target price below), a
        # quantity break because its price is what it is for: the same lines and
        # contingency as the report's (a break kept the requested quantity's rule lines)
        share = verdict.contingency_share(settings, len(open_questions))
        lines, unpriced = costing.quote_lines(request, parts, inferred.machines,
                                              placement.assignments, findings, catalogue,
                                              equipment.provider, settings["costing"], lang,
                                              unmade=placement.not_made,
                                              provenance=_provenance(pack) if priced else None,
                                              partners=partners)
        estimate_share = settings["costing"]["estimate_contingency"]
        allowed = verdict.open_answers_share(settings, share)
        totals = costing.totals(lines, share, estimate_share)
        waiting = []
        if priced or _open_answers_matter(totals, allowed, request, placement.not_made):
            # what open answers can add (a probe's: only where it can move the price
            # across the target, for pricing them is the dear part of a probe)
            found, alternative = pending()
            waiting = costing.open_answers(found, request, parts, inferred.machines,
                                           placement.assignments, catalogue,
                                           equipment.provider, settings["costing"], lang,
                                           placement.not_made, partners, None, alternative)
            totals = costing.totals(lines, share, estimate_share, waiting, allowed)
        # (what open answers can add, part by part: a break's price per product is the
        # parts' prices, as the offer's at that quantity, :func:`costing.offered`)
        quote = {"lines": lines, "totals": totals,
                 "open_answers": costing.open_answer_entries(waiting),
                 "not_priced": [note.entry for note in unpriced
                                if isinstance(note, costing.Unpriced)]}
        if placement.nothing_made:
            quote["totals"].update(amount_eur=None, amount_high_eur=None,
                                   contingency_eur=None, estimated_eur=None,
                                   one_off_eur=None)
    if target_price:
        # the whole price against the customer's target: a what-if probe prices too, so
        # that its verdict is the one the full report would give
        # a price that leaves out a part that cannot be made here is no product's price:
        # whether the target is met cannot be said (COST-TARGET asks)
        over = costing.over_target(quote["totals"], request, matrix, lang, () if brief else
                                   costing.left_out(placement.not_made, quote["not_priced"],
                                                    catalogue, lang),
                                   check_caps.get("COST-TARGET"),
                                   partial=bool(placement.not_made), brief=brief)
        if over is not None:
            findings = findings + [over] if brief else ordered(findings + [over])
    capping = {f.thread for f in (late, over)
               if f is not None and (f.mrl_cap is not None or f.kind == "blocker")}
    if capping and not brief:
        # a check that caps its thread (the date missed, even the low estimate above the
        # target: the pack's mrl.check_caps; a blocker: the blocker cap) comes after the
        # threads were judged: those
        # threads again, with their caps (a probe needs it not: the check's own kind
        # decides its verdict, a risk or a question)
        threads.update(thread_levels(findings, sorted(capping)))
        below_target = mrl.below_target(threads, target, purpose, lang)
        findings = ordered([f for f in findings if f.rule != "MRL-TARGET"] + below_target)

    outcome, reasons = verdict.verdict(
        findings, open_questions, placement.assignments,
        mrl.capped_overall(threads) if below_target else None, target, lang)
    if brief:
        out = {"verdict": outcome,
               "findings": [{"rule": f.rule, "part": f.part} for f in findings]}
        if priced:  # a quantity break: its price, lead time and what blocks it
            out.update(quote=quote, lead_time=lead,
                       blockers=sorted({f.rule for f in findings if f.kind == "blocker"}))
        return out
    return {
        "schema_version": SCHEMA_VERSION,
        "request": {"id": request.get("id"), "customer": request.get("customer"),
                    "purpose": purpose, "quantity": request.get("quantity"),
                    "wanted_date": request.get("wanted_date"), "parts": len(parts),
                    "pieces": sum(p.get("pieces") or 0 for p in parts.values())
                    if request.get("quantity") is not None else None},
        "verdict": outcome,
        "verdict_reasons": reasons,
        "effort": effort,
        "mrl": {"target": target, "overall": mrl.overall(threads),
                "not_assessed": mrl.not_assessed(threads), "threads": threads},
        "findings": [f.to_dict() for f in findings],
        "assignments": placement.assignments,
        "quote": quote,
        "lead_time": lead,
        "open_questions": open_questions,
        "risk_matrix": matrix,
        "inputs": inputs or {},
    }


def rule_findings(inferred: Inferred, placement: assignment.Placement, matrix: list,
                  choice_text: dict, lang: str, open_fields: OpenFields,
                  brief: bool = False, askable=None) -> list[Finding]:
    """The findings of the rules that fired or failed; a rule that could not decide
    names the fields it waits for in ``open_fields``.  A candidate-scope rule counts
    only for the machine chosen for the operation, and the same words of it for the same
    part and machine once (two operations on one machine).  A rule that could not decide for a
    part that cannot be made here (or for the request, when none of its parts can:
    ``Placement.moot``) asks nothing: no answer makes the part.  What the rules found
    for such a part stays (DFM-012 says why 6082 is not bent here).  ``brief``: findings
    without their texts (see :meth:`Finding.from_hit`).  ``askable(scope, field, part)``:
    whether the questionnaire asks (or may yet ask) a question; a rule that also waits
    for one it does not ask cannot be decided by the answers it asks, so they do not
    turn the verdict (PRC-004 waits for the Cpk, asked from 100 products, and for the
    pilot run, asked of every series: of a series of 40 it asks the pilot run, and
    that answer alone never makes it fire)."""
    findings = []
    decides = {}  # rule -> whether it decides: a rule waits for several fields and parts
    chosen = placement.chosen
    stated: set = set()  # (rule, part, machine, message) of the candidate findings so far
    setters = None  # flag -> the hits that set it: for the traces of flag-reading rules
    for hit in inferred.hits:
        rule = hit.rule
        if rule.scope == "candidate" and (hit.subject, hit.process, hit.machine) not in chosen:
            continue
        if hit.outcome == "unknown":
            if placement.moot(hit.subject if rule.scope in ("part", "candidate") else None):
                continue  # no answer makes the part: its question is not asked
            decisive = decides.get(rule)
            if decisive is None:
                decisive = decides[rule] = rule_decides(rule, matrix)
            if decisive and askable is not None and not all(
                    askable(*missing) for missing in hit.missing):
                decisive = False  # this hit waits for a question not asked as well
            for scope, field, part in hit.missing:
                open_fields.add(scope, part, field, rule.id, decisive)
        elif hit.outcome == "error":
            findings.append(Finding.engine_error(hit, lang))
        else:
            finding = Finding.from_hit(hit, lang, matrix, choice_text, brief)
            if (rule.requires or rule.unless) and not brief:
                if setters is None:
                    setters = {}
                    for other in inferred.hits:
                        if other.outcome == "fired" and other.rule.then.get("flag"):
                            setters.setdefault(other.rule.then["flag"], []).append(other)
                finding.trace.flags = flag_trace(hit, setters)
            if rule.scope == "candidate" and not brief:
                # one finding for one statement: a part milled in two operations on one
                # machine had PRC-013's 4 h of titanium cutting tests quoted twice; what
                # a rule says per operation (its process in the words) stays twice
                said = (rule.id, hit.subject, hit.machine, finding.message)
                if said in stated:
                    continue
                stated.add(said)
            findings.append(finding)
    return findings


def fit_gaps(inferred: Inferred, open_fields: OpenFields,
             placement: assignment.Placement) -> None:
    """The fields the fit could not do without, and answers outside the catalogue, as
    decisive open questions; not those of a part that cannot be made here
    (``Placement.moot``)."""
    for pid, _, missing in inferred.undecidable:
        for field in missing:
            open_fields.add("part", pid, field, "FIT", True)
    for entry in inferred.request.get("_unlisted", ()):
        if not placement.moot(entry["part"]):
            open_fields.add_unlisted(entry)
    for pid, field in sorted(inferred.unchecked, key=lambda x: (x[0] or "", x[1])):
        if placement.moot(pid):
            continue
        if pid is None:
            open_fields.add("request", None, field, "FIT-CAPACITY", True)
        else:
            open_fields.add("part", pid, field, "FIT", True)


def _answered(need, request, parts, questionnaire):
    """Whether a question ``scope.field`` is answered wherever the questionnaire asks it."""
    scope, field = need.split(".", 1)
    question = questionnaire.question(scope, field)
    if scope == "request":
        if field in request and request[field] is not None:
            return True
        return question is not None and question.ask_if is not None and \
            not _asked(question, request, None)
    for part in parts.values():
        if part.get(field) is not None:
            continue
        if question is not None and question.ask_if is not None and \
                not _asked(question, request, part):
            continue
        return False
    return True



def _follows(question, request, part):
    """The open answers a follow-up question waits for (relevance.follows_from)."""
    from producibility.model.relevance import follows_from

    return follows_from(question, request, part)


def _asked(question, request, part):
    """Whether the questionnaire asks this question, given the answers so far."""
    from producibility.model.relevance import asked

    return asked(question, request, part)


def _still_open(question, request, part):
    """Whether the question is an open one: asked (:func:`_asked`), and not answered
    already (a derived fact's question: the size behind a part's stock weight, where the
    material is what is open, is no question)."""
    holder = part if question.scope == "part" else request
    if holder and holder.get(question.id) is not None:
        return False
    return _asked(question, request, part)



__all__ = ["conclude", "SCHEMA_VERSION", "VERDICTS", "thread_names"]
