"""``csv``: the quote lines (internal) or the offer's lines (customer), written with the
:mod:`csv` module, in one of two styles (:data:`CSV_STYLES`).

``plain`` (English's default): commas, a decimal point, the column ids: for programs.
``excel`` (Dutch's default): what Dutch Excel opens by double-click: semicolons, decimal
commas, a UTF-8 byte-order mark, CRLF, headers and kinds in the report's language.
Text cells never start a formula (OWASP CSV injection).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from producibility import i18n
from producibility.report.leadtime import nothing_made
from producibility.report.render.registry import Format, Job, register
from producibility.report.render.views import (choice, choice_names, contingency, labels,
                                              quote_lines, unit)

CSV_COLUMNS = ("kind", "part", "process", "machine", "rule", "description", "setup_h",
               "run_h", "hours", "rate_eur_h", "amount_eur", "basis", "attended", "source")
#: The offer's columns in the plain style.
OFFER_COLUMNS = ("part", "description", "pieces", "price_per_piece_eur", "total_eur")
#: The locale whose decimal sign each style writes: a program reads a point; Dutch Excel
#: reads a comma.
NUMBER_LOCALE = {"plain": "en", "excel": "nl"}


def csv_cell(value: Any) -> str:
    """A text cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _style(job: Job) -> str:
    return job.csv_style or ("excel" if job.lang == "nl" else "plain")


def _writer(style: str, out: io.StringIO) -> Any:
    import csv  # on use: the registry imports every format for --format's choices

    excel = style == "excel"
    return csv.writer(out, lineterminator="\r\n" if excel else "\n",
                      delimiter=";" if excel else ",", quoting=csv.QUOTE_MINIMAL)


def number_cell(value: float | None, style: str) -> str:
    """Two decimals, no grouping, the style's decimal sign."""
    if value is None:
        return ""
    return i18n.number(float(value), NUMBER_LOCALE[style], decimals=2, grouping=False)


def _finish(text: str, style: str) -> str:
    return "\ufeff" + text if style == "excel" else text


def report(job: Job) -> str:
    """The quote lines: a header, one row per line, then the subtotal (every line:
    hours x rates, material, outside work, ...), the contingency and the high estimate,
    then the quantity breaks (each at the amount the offer names: its price per piece,
    the high estimate's to the cent, times the quantity; the low in the description),
    then the quote's notes (what the total leaves out or prices by a pack default), so
    the total is not read as complete."""
    style, lang, data = _style(job), job.lang, job.data
    words = labels(lang)
    excel = style == "excel"
    out = io.StringIO()
    writer = _writer(style, out)
    writer.writerow(words["csv_columns"] if excel else CSV_COLUMNS)
    numeric = {"setup_h", "run_h", "hours", "rate_eur_h", "amount_eur"}
    names = choice_names(job.questionnaire)
    for line in quote_lines(data, lang, names):
        if excel:  # for a person: the process by its name ('lasersnijden'), not its id
            line = dict(line, kind=words["kinds"].get(line["kind"], line["kind"]),
                        process=choice(names, "processes", line.get("process"), lang),
                        basis=words["bases"].get(line.get("basis"), line.get("basis")),
                        attended="" if line.get("attended") is None else
                        words["yes" if line["attended"] else "no"])
        writer.writerow([number_cell(line[c], style) if c in numeric else csv_cell(line.get(c))
                         for c in CSV_COLUMNS])
    totals = data["quote"]["totals"]
    # nothing of the request made here: the totals' cells are empty (not priced, as the
    # notes below say), not 0.00, as effort.cost_eur is null
    unpriced = nothing_made(data)
    for kind, description, hours, amount in (
            ("subtotal", words["subtotal"], totals["hours"], totals["amount_eur"]),
            ("contingency", contingency(totals, words, lang), None,
             totals.get("contingency_eur")),
            ("total", words["high_estimate"], totals["hours"], totals.get("amount_high_eur"))):
        row = {c: "" for c in CSV_COLUMNS}
        shown = words["kinds"]["total"] if kind == "total" else words[f"csv_{kind}"]
        row.update(kind=shown if excel else kind, description=description,
                   hours=number_cell(None if unpriced else hours, style),
                   amount_eur=number_cell(None if unpriced else amount, style))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    for b in data["quote"].get("breaks") or ():  # the quantity breaks asked for
        # the amount the offer names (its price per product, the parts' prices per piece
        # to the cent added up, times the quantity: ``amount_offered_eur``): the row's
        # amount was the low total, which the offer never quotes, and an import booked it
        offered = b.get("amount_offered_eur")
        if offered is None and b["per_piece_high_eur"] is not None:
            offered = round(round(b["per_piece_high_eur"], 2) * b["quantity"], 2)
        row = {c: "" for c in CSV_COLUMNS}
        # (with one-off costs: the offer's price per piece holds none of them, its total
        # both)
        once = b.get("one_off_offered_eur")
        row.update(kind=words["csv_break"] if excel else "break",
                   description=words["csv_break_text_one_off" if once else "csv_break_text"]
                   .format(quantity=b["quantity"],
                           per_piece=number_cell(b["per_piece_eur"], style),
                           high=number_cell(b["per_piece_high_eur"], style),
                           offered=number_cell(b.get("per_product_offered_eur"), style),
                           one_off=number_cell(once, style),
                           unit=unit(data, words), low=number_cell(b["amount_eur"], style)),
                   run_h=number_cell(b["run_h"], style),
                   amount_eur=number_cell(offered, style))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    for note in data["quote"]["notes"]:  # what the total leaves out, or prices by default
        row = {c: "" for c in CSV_COLUMNS}
        row.update(kind=words["csv_note"] if excel else "note", description=csv_cell(note))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    return _finish(out.getvalue(), style)


def offer(model: Mapping[str, Any], job: Job) -> str:
    """The offer's lines (part, description, pieces, price per piece, total), its one-off
    costs (``one_off``, what they are for, the total only), the total; nothing
    internal."""
    style = _style(job)
    excel = style == "excel"
    t = model["T"]
    out = io.StringIO()
    writer = _writer(style, out)
    writer.writerow([t["part"], t["what_we_make"], t["quantity"], t["per_piece"], t["total"]]
                    if excel else OFFER_COLUMNS)
    for part in model["parts"]:
        how = ", ".join(part["processes"]) + (f" · {part['material']}" if part["material"] else "") \
            + (f" · {part['size']}" if part.get("size") else "") \
            + "".join(f" · {treatment}" for treatment in part.get("treatments") or ()) \
            + (f" · {part['drawing']}" if part.get("drawing") else "")
        booked = part.get("machine_time")
        if booked:  # machine time the customer books: no price per piece, the hours
            how = f"{model['machine_time_heading']}: {how} · {t['machine']}: " + \
                ", ".join(booked["machines"]) + (f" · {t['machine_hours']}: " + (
                    t["hours_for"] if part["pieces"] is not None else t["hours_only"]).format(
                    hours=i18n.number(booked["hours"], job.lang, grouping=False),
                    pieces=i18n.number(part["pieces"], job.lang))
                    if booked["hours"] is not None else "") + (
                    f" · {t['per_hour']}: {i18n.money(booked['per_hour_eur'], job.lang, 2)}"
                    if booked.get("per_hour_eur") is not None else "")
        writer.writerow([csv_cell(part["id"]), csv_cell(f"{part['name']}: {how}"
                                                        if part["name"] else how),
                         part["pieces"], number_cell(part["per_piece_eur"], style),
                         number_cell(part["total_eur"], style)])
    for row in model.get("one_off") or ():  # the one-off costs, apart from the pieces
        writer.writerow([t["one_off"] if excel else "one_off", csv_cell(
            f"{row['text']} ({row['for']})" if row.get("for") else row["text"]), "", "",
            number_cell(row["total_eur"], style)])
    writer.writerow([t["parts_total"] if excel else "total", "", "", "",
                     number_cell(model["total_eur"], style)])
    for text in model.get("not_included") or ():  # what the prices leave out
        writer.writerow([t["not_included"] if excel else "not_included", csv_cell(text),
                         "", "", ""])
    return _finish(out.getvalue(), style)


FORMAT = register(Format("csv", ".csv", False, report, offer,
                         "the quote lines (or the offer's lines) as CSV"))
