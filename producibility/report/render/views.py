"""What the report formats show beyond the report itself: the labels of a language, the
names of choices (from the questionnaire the Screener used), the heat map, the MRL rows
and the quote lines.  Nothing here loads a file: the questionnaire and the pack settings
come with the :class:`~producibility.report.render.registry.Job`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from producibility import i18n
from producibility.report.render.registry import Job
from producibility.report.leadtime import (closed_spans, money_range, nothing_made,
                                            overtime_still_late)
from producibility.report.render.templates import day, euros, figure

LEVEL_ORDER = ("low", "moderate", "high")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

def labels(lang: str) -> dict[str, Any]:
    """The report's words in one language: the ``report`` domain, the common words and
    the MRL threads' names."""
    return {**i18n.texts("common", lang), **i18n.texts("report", lang),
            "threads": i18n.texts("findings", lang)["threads"]}


def contingency(totals: Mapping[str, Any], words: Mapping[str, Any],
                lang: str = "en") -> str:
    """The contingency as the high estimate applies it: "contingency 15% + 25% extra on
    estimated lines + € 170 for what open answers can add" (the share on every line, more
    on estimated ones, and the lines of the rules whose questions are open), so that the
    figure beside it can be checked; every format says it from here."""
    text = f"{words['contingency']} {round(100 * (totals.get('contingency_share') or 0))}%"
    if totals.get("estimated_eur"):
        text += (f" + {round(100 * (totals.get('estimate_contingency_share') or 0))}% "
                 f"{words['estimate_contingency']}")
    if totals.get("open_answers_eur"):
        text += " + " + words["open_answers_contingency"].format(
            amount=i18n.money(totals["open_answers_eur"], lang, 0))
        if totals.get("open_answers_capped"):
            text += " " + words["open_answers_capped"]
    return text


def unit(data: Mapping[str, Any], words: Mapping[str, Any]) -> str:
    """What a price per product is a price of, as the report says it: "per piece" for one
    part needed once a product, else "per set (the parts of one product[, without
    AS-300])" (the quantity breaks' too: they are per product)."""
    quantity = data["request"].get("quantity")
    single = data["request"].get("parts") == 1 and \
        data["request"].get("pieces", quantity) == quantity
    lead = data.get("lead_time") or {}
    # the set's price leaves out what we cannot make, and a part whose processes are
    # open (not priced: "per set (the parts of one product)" read as if it held it)
    left_out = list(lead.get("not_made") or ()) + [
        p["part"] for p in lead.get("parts") or () if p.get("unrouted")]
    if left_out and not single:
        return words["per_set_without"].format(parts=", ".join(left_out))
    return words["per_piece_unit" if single else "per_set_unit"]


def choice_names(questionnaire: Any) -> dict[str, dict[str, dict[str, str]]]:
    """Display names of choices (processes, purposes, materials...) by question id;
    without a questionnaire none (the ids are shown)."""
    names: dict[str, dict[str, dict[str, str]]] = {}
    if questionnaire is None:
        return names
    for (_, field), texts in questionnaire.choice_text.items():
        names.setdefault(field, {}).update(texts)
    return names


def choice(names: Mapping[str, Any], kind: str, value: Any, lang: str) -> Any:
    """One choice's name in ``lang`` (English, else the id, where it has none)."""
    if value is None:
        return None
    text = names.get(kind, {}).get(value, {})
    return text.get(lang) or text.get("en") or value


def _risk_matrix(holder: Any) -> list | None:
    matrix = holder.get("risk_matrix") if isinstance(holder, Mapping) else None
    if (isinstance(matrix, (list, tuple)) and len(matrix) == 5
            and all(isinstance(row, (list, tuple)) and len(row) == 5 for row in matrix)):
        return [list(row) for row in matrix]
    return None


def heat_map(data: Mapping[str, Any], risks: list[dict], prior: Any = None) -> dict:
    """The 5x5 matrix as rows likelihood 5..1, columns consequence 1..5.

    A cell's level comes from the report's matrix where the report carries one;
    otherwise from the findings in that cell, and for empty cells from ``prior`` (the
    pack's matrix, rows likelihood 1..5) where given, kept between the levels of the
    findings below-left and above-right of it so that the picture stays monotone.
    """
    cells: dict[tuple[int, int], list[dict]] = {}
    for f in risks:
        key = (f["risk"]["likelihood"], f["risk"]["consequence"])
        cells.setdefault(key, []).append(f)
    matrix = None
    for holder in (data, data.get("settings") or {}, data.get("inputs") or {}):
        matrix = matrix or _risk_matrix(holder)
    source = "report" if matrix else "inferred"
    rank = {name: i for i, name in enumerate(LEVEL_ORDER)}
    known = {k: fs[0]["risk"]["level"] for k, fs in cells.items()
             if fs[0]["risk"]["level"] in rank}
    prior = _risk_matrix({"risk_matrix": prior})

    def level_of(l, c):
        if matrix:
            return matrix[l - 1][c - 1]
        if (l, c) in known:
            return known[(l, c)]
        guess = prior[l - 1][c - 1] if prior else None
        below = [rank[v] for (kl, kc), v in known.items() if kl <= l and kc <= c]
        above = [rank[v] for (kl, kc), v in known.items() if kl >= l and kc >= c]
        low, high = max(below, default=0), min(above, default=len(LEVEL_ORDER) - 1)
        if low > high:
            return guess
        if guess not in rank:
            return LEVEL_ORDER[low] if below else (LEVEL_ORDER[high] if above else None)
        return LEVEL_ORDER[min(max(rank[guess], low), high)]

    rows = []
    for l in range(5, 0, -1):
        row = []
        for c in range(1, 6):
            found = cells.get((l, c), [])
            ids = sorted({f["rule"] for f in found})
            row.append({"likelihood": l, "consequence": c, "score": l * c,
                        "level": level_of(l, c), "count": len(found), "ids": ids})
        rows.append({"likelihood": l, "cells": row})
    return {"rows": rows, "source": source}


def mrl_rows(data: Mapping[str, Any], questionnaire: Any = None,
             lang: str = i18n.DEFAULT_LANG) -> list[dict]:
    """The threads in the order of the MRL Deskbook, then any others; the questions a
    thread waits for (``unanswered``, ``scope.field``) as the questionnaire words them."""
    from producibility.report.mrl import THREADS

    def asked(key):
        scope, _, field = key.partition(".")
        question = questionnaire.question(scope, field) if questionnaire else None
        return question.label(lang) if question else key

    threads = data["mrl"]["threads"]
    target = data["mrl"]["target"]
    assumed_text = {f"{a['scope']}.{a['field']}": a.get("text") or a["field"]
                    for a in data.get("assumed") or ()}
    order = [t for t in THREADS if t in threads] + sorted(t for t in threads if t not in THREADS)
    return [{"id": t, "level": threads[t]["level"], "capped_by": threads[t]["capped_by"],
             "assessed": threads[t]["level"] is not None,
             "unanswered": [asked(k) for k in threads[t].get("unanswered", [])],
             "not_met": _not_met(threads[t].get("not_met"), lang),
             "assumed": [assumed_text.get(k, k) for k in threads[t].get("assumed") or ()],
             "below": target is not None and threads[t]["level"] is not None
             and threads[t]["level"] < target} for t in order]


def _not_met(entry: Mapping[str, Any] | None, lang: str) -> str | None:
    """"not met for 8 (E.2/E.3): process capability, yield and rate shown on a pilot run":
    the next level's criterion the answers do not meet, with its Deskbook reference."""
    if not entry:
        return None
    criterion = entry["criterion"].strip().rstrip(".")
    level = str(entry["level"])
    code, sep, text = criterion.partition(": ")
    if sep and code and " " not in code and len(code) <= 12:
        level, criterion = f"{level} ({code})", text
    return i18n.text("report", "not_met", lang).format(level=level, criterion=criterion)


def quote_lines(data: Mapping[str, Any], lang: str, names: Mapping[str, Any]) -> list[dict]:
    """The quote lines, a machine line's description in the given language."""
    on = i18n.text("report", "on", lang)
    machines = {(a["part"], a["process"], a.get("machine")): a.get("machine_name")
                for a in data["assignments"]}
    lines = []
    for line in data["quote"]["lines"]:
        line = dict(line)
        if line["kind"] == "machine":  # reports of schema 2
            machine = machines.get((line["part"], line["process"], line["machine"]))
            process = choice(names, "processes", line["process"], lang)
            line["description"] = f"{line['part']}: {process} {on} {machine or line['machine']}"
        lines.append(line)
    return lines


def machine_rows(findings: list[dict], words: Mapping[str, Any], lang: str) -> list[dict]:
    """The rows a report lists of ``findings``: a candidate rule that holds for one part
    on more machines than a line names (``finding.MACHINES_NAMED``), with the same kind
    and score, is one row, its first finding's, saying on which other machines it holds
    too (three named, the rest counted); every other finding is its own row.  A planner
    reads "fills the machine's free weeks" once with the machines it concerns: the
    Markdown report of a 308-machine shop gave FAC-006 28 rows, one per Hermle, the
    HTML report too.  The JSON report keeps every finding, and the counts the reports
    give (the heat map, "Risks: 28") are the findings'."""
    from producibility.report.finding import MACHINES_NAMED

    def key(f):
        risk = f.get("risk") or {}
        return (f["rule"], f.get("part"), f["kind"], risk.get("score"), risk.get("level"))

    same: dict = {}
    for f in findings:
        if f.get("machine"):
            same.setdefault(key(f), []).append(f)
    rows, said = [], set()
    for f in findings:
        group = same.get(key(f)) if f.get("machine") else None
        if not group or len(group) <= MACHINES_NAMED:
            rows.append(f)
            continue
        if key(f) in said:
            continue
        said.add(key(f))
        others = [g["machine"] for g in group if g is not f]
        named = others[:MACHINES_NAMED - 1]
        rows.append(dict(f, message=f"{f['message']} " + i18n.counted(
            words["same_on_machines"], len(others) - len(named), lang,
            machines=", ".join(named))))
    return rows


def context(job: Job) -> dict[str, Any]:
    """Everything the report templates get: the report, the labels and derived views."""
    data, lang = job.data, job.lang
    words = labels(lang)
    names = choice_names(job.questionnaire)
    risks = [f for f in data["findings"] if f["risk"]]
    risks.sort(key=lambda f: (-f["risk"]["score"], f["rule"], f["part"] or ""))
    others = [f for f in data["findings"] if not f["risk"]]

    def answer_text(field: str, value: Any) -> str:
        """A what-if answer as the questionnaire words it."""
        if isinstance(value, list):
            return ", ".join(answer_text(field, v) for v in value) or words["none"]
        if isinstance(value, bool):
            return words["yes"] if value else words["no"]
        if isinstance(value, float):  # probes sit just beside thresholds: keep all digits
            return figure(value, lang, "g")
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):  # a date probed: as the
            return day(value, lang)  # report writes dates ("als 2026-11-30" in Dutch)
        return choice(names, field, value, lang) if isinstance(value, str) else str(value)

    def lead_time_sentence(cents: bool = True) -> str:
        """What follows "Lead time:" in every report format, from one place: the working
        days (none when no part can be made here), the earliest and the wanted date, the
        expedited date with its surcharge, the parts that cannot be made here."""
        lead = data["lead_time"]

        def shown(iso):  # the one date formatter of the report's text (JSON stays ISO)
            return day(iso, lang)

        text = words["no_lead_time"] if lead["days"] is None else \
            i18n.counted(words["working_days_count"], lead["days"], lang)
        if lead.get("without_run") and lead["days"] is not None:  # set-up only: a lower bound
            text = f"{words['at_least']} {text}"
        if (lead.get("deliveries") or 1) > 1 and lead["days"] is not None:
            text += " " + words["first_of_deliveries"].format(n=lead["deliveries"])
        if lead.get("counts_from") == "customer_material" and lead["days"] is not None:
            text += " " + words["from_customer_material"]
        if lead.get("up_to"):  # waits of rules whose questions are open
            text += " " + words["up_to"].format(
                days=i18n.number(lead["up_to"]["days"], lang),
                rules=", ".join(lead["up_to"]["rules"]))
        if lead["earliest_date"]:
            text += f", {words['earliest']} {shown(lead['earliest_date'])}"
        if lead["wanted_date"]:
            text += f" ({words['wanted']} {shown(lead['wanted_date'])})"
        fast = lead.get("expedited")
        if fast:
            text += (f"; {words['expedited']} {shown(fast['earliest_date'])} "
                     f"(+{money_range(fast, lang, cents)}")
            text += f", {words['still_late']})" if overtime_still_late(lead) else ")"
        other = lead.get("alternative")
        if other:  # the plan not chosen: our overtime, or a partner, for an operation
            # our machines lack the hours for
            key = "not_chosen_partner" if other["kind"] == "partner" else \
                "not_chosen_in_house" if other["overtime"] else "not_chosen_in_house_plain"
            text += "; " + words[key].format(
                operations=", ".join(
                    f"{op['part']} {choice(names, 'processes', op['process'], lang)}"
                    for op in other["operations"]),
                partner=", ".join(dict.fromkeys(op["name"] for op in other["operations"])),
                days=i18n.counted(words["working_days_count"], other["days"], lang),
                date=shown(other["earliest_date"]),
                amount=i18n.money(other["amount_eur"], lang, 2 if cents else 0),
                extra=money_range(other, lang, cents) if other["overtime"] else "")
        plan = lead.get("delivery_plan") or ()
        if len(plan) > 1 and lead.get("start_date"):  # the later deliveries at our
            # capacity, the whole order's load
            last = plan[-1]
            text += "; " + (words["last_of_deliveries"].format(
                n=len(plan), date=shown(last["earliest_date"])) if last["earliest_date"]
                else words["last_of_deliveries_never"].format(n=len(plan)))
            if last.get("due_date"):
                text += f" ({words['delivery_due'].format(date=shown(last['due_date']))})"
            late = next((row for row in plan[1:] if row.get("late")), None)
            if late is not None:
                text += ", " + words["delivery_late"].format(
                    k=late["delivery"], due=shown(late["due_date"]),
                    date=shown(late["earliest_date"]) if late["earliest_date"] else "-")
                if late.get("expedited"):  # that delivery in overtime
                    text += " " + words["delivery_late_overtime"].format(
                        k=late["delivery"], date=shown(late["expedited"]["earliest_date"]),
                        extra=money_range(late["expedited"], lang, cents))
            named = {}  # machine id -> its name, as the chain's steps name it
            for a in data.get("assignments") or ():
                for share in a.get("split") or [{"machine": a.get("machine"),
                                                 "name": a.get("machine_name")}]:
                    if share.get("machine") and share.get("name"):
                        named.setdefault(share["machine"], share["name"])
            text += "; " + words["order_load"].format(loads=", ".join(
                words["order_load_machine"].format(
                    machine=named.get(load["machine"]) or load["machine"],
                    hours=i18n.number(round(load["hours"], 1), lang),
                    weeks="-" if load["weeks"] is None else
                    i18n.number(load["weeks"], lang, 1))
                for load in lead.get("order_load") or ()))
        if lead.get("not_made"):
            text += f"; {', '.join(lead['not_made'])}: {words['not_made_here']}"
        unrouted = [p["part"] for p in lead.get("parts") or () if p.get("unrouted")]
        set_up_only = [p for p in lead.get("without_run") or () if p not in unrouted]
        if set_up_only:
            text += f"; {words['without_run']}: {', '.join(set_up_only)}"
        if unrouted:  # no process given: not even a set-up counted
            text += f"; {words['unrouted']}: {', '.join(unrouted)}"
        if lead.get("due_moved"):  # a date asked on a day the shop is closed
            text += "; " + words["due_moved"].format(moves=", ".join(
                words["due_moved_one" if m.get("closed") else "due_moved_plain"].format(
                    asked=shown(m["asked"]), why=m.get("closed"), due=shown(m["due_date"]))
                for m in lead["due_moved"]))
        if lead.get("closed"):
            text += f"; {words['closed_days']}: " \
                f"{closed_spans(lead['closed'], words['closed_until'], shown)}"
        return text

    def run_missing() -> str:
        """The operations whose run hours the effort leaves out (no cycle time given and
        none estimated, or no quantity), by part: "BR-100: laser cutting"; "" when all
        are known (``effort.run_h_complete``).  Parts that cannot be made here miss none:
        they are not made (the lead time's ``without_run``, per part)."""
        if data["effort"].get("run_h_complete", True):
            return ""
        def processes(entry):
            if entry.get("unrouted"):
                return words["operations_open"]
            return ", ".join(choice(names, "processes", p, lang) for p in entry["without_run"])

        return words["run_missing"].format(operations="; ".join(
            f"{entry['part']}: {processes(entry)}"
            for entry in (data.get("lead_time") or {}).get("parts") or ()
            if entry.get("without_run") or entry.get("unrouted")))

    def per_unit() -> str:
        """The cost range per piece (one part, needed once a product) or per set (the
        parts of one product) without the one-off costs, and those apart, as a quote
        engineer reads it: "EUR 20.84 - EUR 23.87 per piece + one-off EUR 765 - EUR
        1,243"; "" without a quantity."""
        quantity = data["request"].get("quantity")
        # the quote's totals (the effort's cost_eur was whole euros): the offer's price per piece
        # (EUR 914.78) is the same figure, not EUR 2,744 / 3 = 914.67
        totals = data["quote"]["totals"]
        if not quantity or quantity <= 0:
            return ""
        # the piece price without the one-off costs, as the offer names it, and those
        # apart (a buyer compares piece prices and reorders without them)
        once, once_high = totals.get("one_off_eur") or 0.0, totals.get("one_off_high_eur")
        if not once or once_high is None:
            once = once_high = 0.0
        text = (f"{euros((totals['amount_eur'] - once) / quantity, lang)} - "
                f"{euros((totals['amount_high_eur'] - once_high) / quantity, lang)} "
                f"{unit(data, words)}")
        if once:
            text += " " + words["one_off_plus"].format(
                low=euros(once, lang, cents=False), high=euros(once_high, lang, cents=False))
        return text

    def lead_time_steps(entry: Mapping[str, Any]) -> str:
        """One part's chain as a line: each step with its working days, in order, and
        whose figure they are where it is not the shop's or the customer's own
        ("1 wd, standaard": the pack's default; "6 wd, geschat": an estimated run), as
        the quote lines say it."""
        return " → ".join(
            f"{step['text']} ({figure(step['days'], lang, 'g')} {words['wd']}"
            f"{_basis_said(step.get('basis'), words)})" for step in entry["steps"])

    def break_lead(b: Mapping[str, Any]) -> str:
        """A quantity break's own lead time, as the lead time says it ("3 working days",
        "at least ...", "... to the first of 2 deliveries", ", later than wanted"), and
        its verdict where the break's is not the report's: a break is the request
        screened at its quantity (1 piece is not made in the 50 pieces' days)."""
        lead = b.get("lead_time") or {}
        if lead.get("days") is None:
            text = words["no_lead_time"]
        else:
            text = i18n.counted(words["working_days_count"], lead["days"], lang)
            if lead.get("lower_bound"):
                text = f"{words['at_least']} {text}"
            if (lead.get("deliveries") or 1) > 1:
                text += " " + words["first_of_deliveries"].format(n=lead["deliveries"])
            if lead.get("meets_wanted_date") is False:
                text += f", {words['late']}"
        if b.get("verdict") and b["verdict"] != data["verdict"]:
            text += f"; {words.get(b['verdict'], b['verdict'])}"
        return text

    def what_if_shown(entry: Mapping[str, Any], limit: int = 4) -> list[dict]:
        """The probed answers worth showing: those that turn the verdict first."""
        probes = entry.get("what_if") or []
        turns = [p for p in probes if p.get("verdict") != data["verdict"]]
        adds = [p for p in probes if p.get("verdict") == data["verdict"] and p.get("new_findings")]
        return (turns + adds)[:limit]

    return {
        "what_if_shown": what_if_shown,
        "break_lead": break_lead,
        "lead_time_sentence": lead_time_sentence,
        "lead_time_steps": lead_time_steps,
        "per_unit": per_unit,
        "run_missing": run_missing,
        "unit": unit(data, words),
        # nothing of the request made here: no price at all, not EUR 0
        "nothing_priced": functools.partial(nothing_made, data),
        "contingency": functools.partial(contingency, data["quote"]["totals"], words, lang),
        "r": data, "L": words, "lang": lang, "risks": risks, "others": others,
        # what the reports list: a candidate rule on many machines of a part one row
        "risk_rows": machine_rows(risks, words, lang),
        "other_rows": machine_rows(others, words, lang),
        "heat": heat_map(data, risks, job.settings.get("risk_matrix")),
        "mrl_rows": mrl_rows(data, job.questionnaire, lang),
        "quote_lines": quote_lines(data, lang, names),
        "process_name": functools.partial(choice, names, "processes", lang=lang),
        "purpose_name": functools.partial(choice, names, "purpose", lang=lang),
        "answer_text": answer_text,
        "thread_name": lambda t: words["threads"].get(t, t),
        "counted": functools.partial(i18n.counted, lang=lang),
        "paper": job.paper,
    }


def _basis_said(basis: str | None, words: Mapping[str, Any]) -> str:
    """", standaard" after a lead-time step's days whose figure is not the shop's or the
    customer's own (its ``basis``), nothing for a given one."""
    return f", {words['bases'][basis]}" if basis and basis != "given" else ""
