"""The verdict with its reasons, and the effort in hours and euros.

Verdict: a blocker makes it ``no_fit``; a question, a rule the engine could not
evaluate or an open question that can change the outcome ``conditional``; extra
effort, a marginal fit or a thread below its MRL target ``fit_with_effort``; else
``fit``.  Effort: the hours of the quote lines and the findings, the cost range with
a contingency that grows with the open questions, and the pack's effort class.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping, Sequence

from producibility.report.finding import Finding, words

def verdict(findings: Sequence[Finding], open_questions: Sequence[dict],
            assignments: Sequence[dict], mrl_cap: int | None, target: int | None,
            lang: str) -> tuple[str, list[str]]:
    """(verdict, its reasons in ``lang``).  ``mrl_cap``: the lowest level a finding
    holds a thread to, when a thread is capped below the ``target`` (else None)."""
    text = words("verdict", lang)
    blockers = [f for f in findings if f.kind == "blocker"]
    questions = [f for f in findings if f.kind in ("question", "engine_error")]
    decisive = [q for q in open_questions if q["decisive"]]
    marginal = [a for a in assignments if a["machine"] and a["marginal"]]
    efforts = [f for f in findings if f.kind in ("risk", "effort") and (
        f.effort or (f.risk and f.risk.level != "low"))]
    if blockers:
        return "no_fit", [text["blocker"].format(title=f.message) for f in blockers]
    if questions or decisive:
        return "conditional", (
            [text["question"].format(title=f.message) for f in questions]
            + [text["open_part"].format(question=q["question"], part=q["part"]) if q["part"]
               else text["open"].format(question=q["question"]) for q in decisive])
    if efforts or marginal or mrl_cap is not None:
        # work to do is extra effort; a risk with no work of its own (a date missed, a
        # price above the target) is a risk, not "meerwerk"
        reasons = [text["effort" if work else "risk"].format(title=title)
                   for title, work in _titles(efforts)]
        reasons += [text["marginal"].format(part=a["part"],
                                            machine=a.get("machine_name") or a["machine"],
                                            why="; ".join(a["marginal"])) for a in marginal]
        if mrl_cap is not None and not any(f.rule == "MRL-TARGET" for f in efforts):
            # (once: the MRL-TARGET risk above says it already, "MRL 5 below target 8"
            # read a second time under it)
            reasons.append(text["mrl"].format(level=mrl_cap, target=target))
        return "fit_with_effort", reasons
    return "fit", [text["fit"]]


def _titles(findings: Sequence[Finding]) -> list[tuple[str, bool]]:
    """One title per rule, in order, with whether it is work to do (an effort, or a
    risk with hours of its own): a rule that holds for several parts names them
    (``Handling a large part (FR-01, FR-02)``), where it read twice the same."""
    parts: dict = {}
    work: dict = {}
    for f in findings:  # a part once, though the rule holds for two of its operations
        key = (f.rule, f.title)
        parts.setdefault(key, {})[f.part] = None
        work[key] = work.get(key, False) or f.kind == "effort" or bool(f.effort)
    out = []
    for key, subjects in parts.items():
        title = key[1]
        if len(subjects) > 1:
            title = f"{title} ({', '.join(p if p is not None else '-' for p in subjects)})"
        out.append((title, work[key]))
    return out


def open_answers_share(settings: Mapping[str, Any], share: float) -> float:
    """The most that what open answers can add may be, as a share of the amount: the
    pack's ``cost_contingency.max`` less the share already on every line (the whole
    contingency, but for the estimate's extra, at most ``max`` of the order, as before
    the open answers were priced)."""
    return max(settings["cost_contingency"]["max"] - share, 0.0)


def contingency_share(settings: Mapping[str, Any], open_questions: int) -> float:
    """The share added to the cost for what is not known yet: a base plus a step per
    open question, up to a maximum (the pack's ``cost_contingency``)."""
    contingency = settings["cost_contingency"]
    return min(contingency["max"],
               contingency["base"] + contingency["per_open_question"] * open_questions)


def effort(findings: Sequence[Finding], lines: Sequence[dict], totals: Mapping[str, Any],
           assignments: Sequence[dict], share: float,
           effort_classes: Sequence[Mapping], made: bool = True,
           unmade: Collection[str] = (), unrouted: Collection[str] = ()) -> dict[str, Any]:
    """The report's ``effort``: hours by kind, the cost range and the effort class (none
    when nothing of the request can be made here, ``made`` false: not a small job).
    ``unmade``: the parts that cannot be made here (``Placement.not_made``): their
    operations have no run hours to miss.  ``unrouted``: the parts whose processes are
    open: their run hours are not known, so the run hours are not complete."""
    def hours(kind):
        return sum(line["hours"] for line in lines if line["kind"] == kind)

    # the quote's engineering lines (a rule's engineering_h and design_h; with a wait,
    # procurement): not those of a part that cannot be made here
    engineering = hours("engineering") + hours("procurement")
    inspection, cam, setup, run = (hours(k) for k in ("inspection", "cam", "setup", "run"))
    lead_time = max((f.effort.get("lead_time_days", 0) for f in findings), default=0)
    # run hours are complete when every operation on our machines of a part we make has
    # its run line (given or estimated), as the lead time's without_run reads it
    own_ops = {(a["part"], a["process"]) for a in assignments
               if a["machine"] and a["part"] not in unmade}
    run_ops = {(line["part"], line["process"]) for line in lines
               if line["kind"] == "run" and line["rule"] is None}
    attended = totals["attended_h"]
    effort_class = next((c["class"] for c in effort_classes
                         if c["max_h"] is None or attended <= c["max_h"]), None) if made else None
    return {
        "engineering_h": _r(engineering), "inspection_h": _r(inspection), "cam_h": _r(cam),
        "setup_h": _r(setup), "run_h": _r(run),
        "run_h_complete": own_ops <= run_ops and not unrouted,
        "total_h": _r(engineering + inspection + cam + setup + run), "attended_h": attended,
        "unattended_h": totals["unattended_h"],
        # the longest single wait a finding names, not the lead time (lead_time.days):
        # as effort.lead_time_days an ERP read 7 days for a lead time of 17
        "longest_wait_days": _r(lead_time, 1),
        # the quote's totals to the cent (whole euros read EUR 7,065 beside the quote's
        # 7,064.62); none when nothing of the request can be made here: not priced, not 0
        # and what high is made of, so that an ERP can redo it: high = low +
        # contingency_eur = low x (1 + contingency) + estimated_eur x
        # estimate_contingency + open_answers_eur (the share alone read 4,870.94 x 1.2 =
        # 5,845.13 for 6,061.61)
        "cost_eur": {"low": _r(totals["amount_eur"]) if made else None,
                     "high": _r(totals["amount_high_eur"]) if made else None,
                     "contingency": _r(share),
                     "estimated_eur": _r(totals["estimated_eur"]) if made else None,
                     "estimate_contingency": totals["estimate_contingency_share"],
                     "contingency_eur": _r(totals["contingency_eur"]) if made else None,
                     # of it, what the rules whose questions are open would add
                     "open_answers_eur": _r(totals.get("open_answers_eur") or 0.0)
                     if made else None},
        "class": effort_class,
    }


def _r(value: float, digits: int = 2) -> float:
    return round(float(value), digits)
