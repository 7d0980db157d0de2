"""Render: one place per output format.

* ``text``, ``md`` and ``html`` come from Jinja2 templates in ``templates/``; a
  provider's ``--template DIR`` is searched first, so any of them can be replaced.
  A replacement may extend the shipped one as ``shipped/report.html.j2`` and
  override only a block (``logo``, ``styles``, ``extra_styles``, ``footer``, ...).
* ``json`` is the report itself (deterministic, sorted keys).
* ``csv`` is the quote lines, written with the :mod:`csv` module.

Every format is deterministic: the same report dict gives the same bytes.
"""

import csv
import functools
import io
import json
import re
from pathlib import Path

import jinja2
import jinja2.sandbox

from producibility.report.conclude import THREAD_NAMES
from producibility.errors import InputError
from producibility.project import terminal_safe

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
FORMATS = ("text", "json", "md", "html", "csv")
TEMPLATES = {"text": "report.txt.j2", "md": "report.md.j2", "html": "report.html.j2"}
CSV_COLUMNS = ("kind", "part", "process", "machine", "rule", "description", "setup_h",
               "run_h", "hours", "rate_eur_h", "amount_eur", "basis", "attended", "source")
LEVEL_ORDER = ("low", "moderate", "high")

LABELS = {
    "en": {
        "verdict": "Verdict", "effort": "Effort", "cost": "Cost", "mrl": "MRL",
        "machines": "Machines", "risks": "Risks", "findings": "Other findings",
        "questions": "Open questions", "none": "none", "class": "class",
        "engineering": "engineering", "inspection": "inspection", "setup": "set-up",
        "run": "run", "extra_lead_time": "extra lead time", "days": "days",
        "run_partial": "(run hours only where a cycle time is given)",
        "contingency": "contingency", "overall": "overall", "target": "target",
        "no_target": "no target (purpose unknown)", "rejected": "rejected",
        "no_machine": "NO MACHINE", "outside_work": "outside work", "not_judged": "not judged yet (see open questions)", "marginal": "marginal", "decisive": "can change the verdict", "if_answer": "if",
        "rules": "rules", "pcs": "pcs", "wanted": "wanted",
        "fit": "FIT", "fit_with_effort": "FIT WITH EFFORT", "conditional": "CONDITIONAL",
        "no_fit": "NO FIT",
        # md, html and csv
        "title": "Producibility report", "request": "Request", "customer": "Customer",
        "purpose": "Purpose", "quantity": "Quantity", "parts": "Parts",
        "wanted_date": "Wanted date", "as_of": "Screened as of", "provider": "Provider",
        "unknown": "unknown", "reasons": "Why", "total_hours": "total hours",
        "cost_range": "Cost range", "effort_class": "Effort class",
        "mrl_by_thread": "MRL per thread", "mrl_legend": "Bar: the thread's MRL (1-10); "
        "line: the target for this purpose.", "below_target": "below target",
        "capped_by": "capped by", "level": "level", "score": "Score",
        "not_assessed": "not assessed", "to_earn": "to earn more, answer",
        "to_assess": "to assess it, answer",
        "threads_not_assessed": "threads not assessed",
        "assumed": "Assumed", "please_confirm": "please confirm",
        "if_not": "if not",
        "likelihood": "Likelihood", "consequence": "Consequence", "heat_map": "Risk matrix",
        "heat_legend_report": "Cell colour: the level in the pack's risk matrix.",
        "heat_legend_inferred": "Cell colour: the level of the findings in that cell; "
        "other cells as in the default pack's matrix.",
        "heat_legend_count": "Number: findings in that cell.",
        "risk_register": "Risk register", "rule": "Rule", "thread": "Thread", "part": "Part",
        "machine": "Machine", "process": "Process", "message": "Finding",
        "mitigation": "Mitigation", "source": "Source", "kind": "Kind",
        "assignments": "Part-to-machine assignment", "alternatives": "alternatives",
        "rejected_machines": "Rejected machines", "reason": "Reason",
        "quote": "Quote lines", "description": "Description", "hours": "Hours",
        "rate": "Rate", "amount": "Amount", "setup_h": "Set-up h", "run_h": "Run h",
        "subtotal": "Subtotal (hours x rates)", "total": "Total",
        "high_estimate": "High estimate",
        "question": "Question", "field": "Field", "impact": "Impact", "yes": "yes",
        "no": "no", "trace": "Trace", "trace_intro": "Each finding with the rule and the "
        "facts it matched.", "condition": "Condition", "values": "Values", "file": "File",
        "inputs": "Inputs", "tool": "Tool", "packs": "Rule packs", "equipment": "Equipment",
        "questionnaire": "Questionnaire", "digest": "digest", "language": "Language",
        "page": "Page", "on": "on", "h": "h", "machines_count": "machines",
        "no_assignments": "No parts to assign.",
        "run_unknown": "run time partly unknown",
        "kinds": {"blocker": "blocker", "question": "question", "risk": "risk",
                  "effort": "effort", "info": "info", "engine_error": "rule error",
                  "machine": "machine", "engineering": "engineering",
                  "inspection": "inspection", "procurement": "procurement",
                  "material": "material", "setup": "set-up", "run": "run",
                  "cam": "CAM/work prep.", "outside_work": "outside work",
                  "tooling": "tooling", "certificate": "certificate",
                  "packaging": "packaging", "transport": "transport",
                  "total": "total"},
        "bases": {"given": "given", "estimated": "estimated", "default": "default"},
        "quote_notes": "Not priced or priced by default",
        "breaks": "Quantity breaks", "break_quantity": "Quantity",
        "per_piece": "Per piece", "setup_cam_per_piece": "of which set-up and CAM",
        "lead_time": "Lead time", "earliest": "earliest delivery",
        "working_days": "working days", "expedited": "with overtime",
        "estimate_contingency": "extra on estimated lines",
        "verdict_help": {
            "fit": "Can be made with the available equipment, without notable extra effort.",
            "fit_with_effort": "Can be made; the extra effort and risks below belong "
                               "in the quote.",
            "conditional": "Cannot be decided yet: answers or a customer decision are "
                           "needed first.",
            "no_fit": "Cannot be made with the available equipment as requested."},
        "mrl_levels": {
            "1": "basic manufacturing implications identified",
            "2": "manufacturing concepts identified",
            "3": "manufacturing proof of concept",
            "4": "made in a laboratory environment",
            "5": "prototype components in a production-relevant environment",
            "6": "prototype system in a production-relevant environment",
            "7": "made in a production-representative environment",
            "8": "pilot line proven; ready for low-rate production",
            "9": "low-rate production proven; ready for full rate",
            "10": "full-rate production, lean"},
        "threads": THREAD_NAMES["en"],
        "levels": {"low": "low", "moderate": "moderate", "high": "high"},
    },
    "nl": {
        "verdict": "Oordeel", "effort": "Inspanning", "cost": "Kosten", "mrl": "MRL",
        "machines": "Machines", "risks": "Risico's", "findings": "Overige bevindingen",
        "questions": "Open vragen", "none": "geen", "class": "klasse",
        "engineering": "engineering", "inspection": "inspectie", "setup": "instellen",
        "run": "bewerken", "extra_lead_time": "extra levertijd", "days": "dagen",
        "run_partial": "(bewerkingsuren alleen waar een bewerkingstijd is opgegeven)",
        "contingency": "onvoorzien", "overall": "totaal", "target": "doel",
        "no_target": "geen doel (doel van de aanvraag onbekend)", "rejected": "afgewezen",
        "no_machine": "GEEN MACHINE", "outside_work": "uitbesteed", "not_judged": "nog niet te beoordelen (zie open vragen)", "marginal": "krap", "decisive": "kan het oordeel veranderen", "if_answer": "als",
        "rules": "regels", "pcs": "st.", "wanted": "gewenst",
        "fit": "MAAKBAAR", "fit_with_effort": "MAAKBAAR MET MEERWERK",
        "conditional": "VOORWAARDELIJK", "no_fit": "NIET MAAKBAAR",
        # md, html and csv
        "title": "Produceerbaarheidscheck", "request": "Aanvraag", "customer": "Klant",
        "purpose": "Doel", "quantity": "Aantal", "parts": "Onderdelen",
        "wanted_date": "Gewenste leverdatum", "as_of": "Peildatum", "provider": "Aanbieder",
        "unknown": "onbekend", "reasons": "Waarom", "total_hours": "uren totaal",
        "cost_range": "Kostenbandbreedte", "effort_class": "Inspanningsklasse",
        "mrl_by_thread": "MRL per thema", "mrl_legend": "Balk: het MRL-niveau van de "
        "thread (1-10); streep: het doel voor dit doeleinde.", "below_target": "onder doel",
        "capped_by": "begrensd door", "level": "niveau", "score": "Score",
        "not_assessed": "niet beoordeeld", "to_earn": "voor een hoger niveau: beantwoord",
        "to_assess": "om te beoordelen: beantwoord",
        "threads_not_assessed": "threads niet beoordeeld",
        "assumed": "Aangenomen", "please_confirm": "graag bevestigen",
        "if_not": "zo niet",
        "likelihood": "Kans", "consequence": "Gevolg", "heat_map": "Risicomatrix",
        "heat_legend_report": "Celkleur: het niveau in de risicomatrix van het regelpakket.",
        "heat_legend_inferred": "Celkleur: het niveau van de bevindingen in die cel; "
        "overige cellen volgens de matrix van het standaardpakket.",
        "heat_legend_count": "Getal: bevindingen in die cel.",
        "risk_register": "Risicoregister", "rule": "Regel", "thread": "Thread",
        "part": "Onderdeel", "machine": "Machine", "process": "Bewerking",
        "message": "Bevinding", "mitigation": "Maatregel", "source": "Bron", "kind": "Soort",
        "assignments": "Toewijzing van onderdelen aan machines", "alternatives": "alternatieven",
        "rejected_machines": "Afgewezen machines", "reason": "Reden",
        "quote": "Offerteregels", "description": "Omschrijving", "hours": "Uren",
        "rate": "Tarief", "amount": "Bedrag", "setup_h": "Insteluren", "run_h": "Bewerkingsuren",
        "subtotal": "Subtotaal (uren x tarieven)", "total": "Totaal",
        "high_estimate": "Hoge schatting",
        "question": "Vraag", "field": "Veld", "impact": "Invloed", "yes": "ja",
        "no": "nee", "trace": "Herleiding", "trace_intro": "Elke bevinding met de regel en "
        "de feiten waarop die regel afging.", "condition": "Voorwaarde", "values": "Waarden",
        "file": "Bestand", "inputs": "Invoer", "tool": "Programma", "packs": "Regelpakketten",
        "equipment": "Machinepark", "questionnaire": "Vragenlijst", "digest": "vingerafdruk",
        "language": "Taal", "page": "Pagina", "on": "op", "h": "u", "machines_count": "machines",
        "no_assignments": "Geen onderdelen om toe te wijzen.",
        "run_unknown": "bewerkingstijd deels onbekend",
        "kinds": {"blocker": "blokkade", "question": "vraag", "risk": "risico",
                  "effort": "inspanning", "info": "info", "engine_error": "regelfout",
                  "machine": "machine", "engineering": "engineering",
                  "inspection": "inspectie", "procurement": "inkoop",
                  "material": "materiaal", "setup": "omstellen", "run": "bewerken",
                  "cam": "CAM/werkvoorb.", "outside_work": "uitbesteed",
                  "tooling": "gereedschap", "certificate": "certificaat",
                  "packaging": "verpakking", "transport": "transport",
                  "total": "totaal"},
        "bases": {"given": "opgegeven", "estimated": "geschat", "default": "standaard"},
        "quote_notes": "Niet of met een standaardwaarde geprijsd",
        "breaks": "Staffelprijzen", "break_quantity": "Aantal",
        "per_piece": "Per stuk", "setup_cam_per_piece": "waarvan omstellen en CAM",
        "lead_time": "Levertijd", "earliest": "vroegste levering",
        "working_days": "werkdagen", "expedited": "met overwerk",
        "estimate_contingency": "extra op geschatte regels",
        "verdict_help": {
            "fit": "Te maken met het beschikbare machinepark, zonder noemenswaardig "
                   "meerwerk.",
            "fit_with_effort": "Te maken; het meerwerk en de risico's hieronder horen "
                               "in de offerte.",
            "conditional": "Nog niet te beslissen: eerst zijn antwoorden of een besluit "
                           "van de klant nodig.",
            "no_fit": "Zoals gevraagd niet te maken met het beschikbare machinepark."},
        "mrl_levels": {
            "1": "basisgevolgen voor productie benoemd",
            "2": "productieconcepten benoemd",
            "3": "productieconcept aangetoond",
            "4": "gemaakt in een laboratoriumomgeving",
            "5": "prototype-onderdelen in een productierelevante omgeving",
            "6": "prototypesysteem in een productierelevante omgeving",
            "7": "gemaakt in een productierepresentatieve omgeving",
            "8": "pilotlijn bewezen; klaar voor kleinschalige productie",
            "9": "kleinschalige productie bewezen; klaar voor volledige productie",
            "10": "volledige, lean productie"},
        "threads": THREAD_NAMES["nl"],
        "levels": {"low": "laag", "moderate": "middel", "high": "hoog"},
    },
}


# ---- number formats ---------------------------------------------------------------

def _grouped(value, decimals, lang):
    """A number with thousands separators in the language's convention."""
    text = f"{float(value):,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _eur(value, lang="en", cents=True):
    if value is None:
        return ""
    return "€\u00a0" + _grouped(value, 2 if cents else 0, lang)


def _num(value, lang="en"):
    """Hours and other figures: up to two decimals, no trailing zeros."""
    if value is None:
        return ""
    text = f"{round(float(value), 2):g}"
    return text.replace(".", ",") if lang == "nl" else text


def _csv_number(value):
    """Machine-readable: a dot decimal separator, two decimals, in every language."""
    if value is None:
        return ""
    return f"{float(value):.2f}"


_MD_SPECIAL = re.compile(r"([\\`*\[\]|~])")
_MD_LEADING = re.compile(r"^([#+>-]|\d+[.)])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def _md(value):
    """Text from packs and requests made inert in Markdown: no tags, no table breaks."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = _MD_ENTITY.sub("&amp;", text).replace("<", "&lt;")  # no tags, no entities
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)
    return _MD_UNDERSCORE.sub(r"\\_", text)


def _mdcode(value):
    """A Markdown code span that holds any text, backticks included."""
    text = " ".join(str("" if value is None else value).split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def _fact(value, lang="en"):
    """A value from a trace, as plain text (the template escapes it)."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return LABELS[lang]["yes"] if value else LABELS[lang]["no"]
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_fact(v, lang)}" for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return ", ".join(_fact(v, lang) for v in value)
    return str(value)


def _csv_cell(value):
    """A text cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# ---- data the templates draw ------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _choice_texts():
    """Display names of choices (processes, purposes, materials...), by question id."""
    try:
        from producibility.model.questionnaire import load_questionnaire
        questionnaire = load_questionnaire()
    except Exception:  # noqa: BLE001 - names are cosmetic; ids are shown instead
        return {}
    names = {}
    for question in questionnaire.questions:
        if question.choice_text:
            names.setdefault(question.id, {}).update(
                {choice: dict(text) for choice, text in question.choice_text.items()})
    return names


@functools.lru_cache(maxsize=1)
def _default_matrix():
    """The shipped default pack's risk matrix (rows likelihood 1..5), or None."""
    try:
        from producibility.inputs import yamlio
        from producibility.model.defaults import default_pack_dir
        matrix = yamlio.load(default_pack_dir() / "pack.yaml")["settings"]["risk_matrix"]
        if len(matrix) == 5 and all(len(row) == 5 for row in matrix):
            return tuple(tuple(row) for row in matrix)
    except Exception:  # noqa: BLE001 - fall back to a neutral colour scale
        pass
    return None


def _report_matrix(data):
    for holder in (data, data.get("settings") or {}, data.get("inputs") or {}):
        matrix = holder.get("risk_matrix") if isinstance(holder, dict) else None
        if (isinstance(matrix, list) and len(matrix) == 5
                and all(isinstance(row, list) and len(row) == 5 for row in matrix)):
            return matrix
    return None


def heat_map(data, risks):
    """The 5x5 matrix as rows likelihood 5..1, columns consequence 1..5.

    A cell's level comes from the report's matrix where the report carries one;
    otherwise from the findings in that cell, and for empty cells from the default
    matrix, kept between the levels of the findings below-left and above-right of
    it so that the picture stays monotone.
    """
    cells = {}
    for f in risks:
        key = (f["risk"]["likelihood"], f["risk"]["consequence"])
        cells.setdefault(key, []).append(f)
    matrix = _report_matrix(data)
    source = "report" if matrix else "inferred"
    rank = {name: i for i, name in enumerate(LEVEL_ORDER)}
    known = {k: fs[0]["risk"]["level"] for k, fs in cells.items()
             if fs[0]["risk"]["level"] in rank}
    prior = _default_matrix()

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


def mrl_rows(data):
    """The threads in the order of the MRL Deskbook, then any others."""
    from producibility.report.conclude import THREADS

    threads = data["mrl"]["threads"]
    target = data["mrl"]["target"]
    order = [t for t in THREADS if t in threads] + sorted(t for t in threads if t not in THREADS)
    return [{"id": t, "level": threads[t]["level"], "capped_by": threads[t]["capped_by"],
             "assessed": threads[t]["level"] is not None,
             "unanswered": threads[t].get("unanswered", []),
             "below": target is not None and threads[t]["level"] is not None
             and threads[t]["level"] < target} for t in order]


def quote_lines(data, lang="en"):
    """The quote lines, a machine line's description in the given language."""
    labels = LABELS.get(lang, LABELS["en"])
    names = {(a["part"], a["process"], a.get("machine")): a.get("machine_name")
             for a in data["assignments"]}
    process_names = _choice_texts().get("processes", {})
    lines = []
    for line in data["quote"]["lines"]:
        line = dict(line)
        if line["kind"] == "machine":  # reports of schema 2
            machine = names.get((line["part"], line["process"], line["machine"]))
            process = process_names.get(line["process"], {}).get(lang) or line["process"]
            line["description"] = (f"{line['part']}: {process} {labels['on']} "
                                   f"{machine or line['machine']}")
        lines.append(line)
    return lines


def _closest(rejected):
    """Rejected machines, the nearest misses (fewest reasons) first."""
    return sorted(rejected, key=lambda x: (len(x["reasons"]), x["machine"]))


CSV_STYLES = ("plain", "excel")


def render_csv(data, lang="en", style=None):
    """The quote lines as CSV: a header, one row per line, and the totals.

    ``plain`` (English's default): commas, a decimal point, the column ids, for
    programs.  ``excel`` (Dutch's default): what Dutch Excel opens by double-click:
    semicolons, decimal commas, a UTF-8 byte-order mark, CRLF, headers and kinds in
    the report's language.  Both end with the subtotal (hours x rates), the
    contingency and the high estimate.
    """
    from producibility.texts import texts as new_texts

    style = style or ("excel" if lang == "nl" else "plain")
    labels = LABELS.get(lang, LABELS["en"])
    words = new_texts(lang)
    excel = style == "excel"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n",
                        delimiter=";" if excel else ",", quoting=csv.QUOTE_MINIMAL)

    def number(value):
        text = _csv_number(value)
        return text.replace(".", ",") if excel else text

    writer.writerow(words["csv_columns"] if excel else CSV_COLUMNS)
    numeric = {"setup_h", "run_h", "hours", "rate_eur_h", "amount_eur"}
    for line in quote_lines(data, lang):
        if excel:
            line = dict(line, kind=labels["kinds"].get(line["kind"], line["kind"]),
                        basis=labels["bases"].get(line.get("basis"), line.get("basis")),
                        attended=labels["yes" if line.get("attended", True) else "no"])
        writer.writerow([number(line[c]) if c in numeric else _csv_cell(line.get(c))
                         for c in CSV_COLUMNS])
    totals = data["quote"]["totals"]
    share = round(100 * (totals.get("contingency_share") or 0))
    for kind, description, hours, amount in (
            ("subtotal", labels["subtotal"], totals["hours"], totals["amount_eur"]),
            ("contingency", f"{labels['contingency']} {share}%", None,
             totals.get("contingency_eur")),
            ("total", labels["high_estimate"], totals["hours"], totals.get("amount_high_eur"))):
        row = {c: "" for c in CSV_COLUMNS}
        row.update(kind=words[kind] if excel and kind != "total" else
                   (labels["kinds"]["total"] if excel else kind),
                   description=description, hours=number(hours), amount_eur=number(amount))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    text = out.getvalue()
    return "\ufeff" + text if excel else text


def offer_csv(model, lang="en", style=None):
    """The offer's lines (part, description, pieces, price per piece, total) as CSV,
    in the same two styles as the quote lines; nothing internal."""
    style = style or ("excel" if lang == "nl" else "plain")
    excel = style == "excel"
    t = model["T"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n",
                        delimiter=";" if excel else ",")

    def number(value):
        text = _csv_number(value)
        return text.replace(".", ",") if excel else text

    writer.writerow([t["part"], t["what_we_make"], t["quantity"], t["per_piece"], t["total"]]
                    if excel else ["part", "description", "pieces", "price_per_piece_eur",
                                   "total_eur"])
    for part in model["parts"]:
        how = ", ".join(part["processes"]) + (f" · {part['material']}" if part["material"] else "")
        writer.writerow([_csv_cell(part["id"]), _csv_cell(f"{part['name']}: {how}"
                                                          if part["name"] else how),
                         part["pieces"], number(part["per_piece_eur"]), number(part["total_eur"])])
    writer.writerow([t["parts_total"] if excel else "total", "", "", "",
                     number(model["total_eur"])])
    text = out.getvalue()
    return "\ufeff" + text if excel else text


# ---- templates --------------------------------------------------------------------

def environment(template_dir=None, lang="en"):
    """Templates from the provider's own directory first, then the shipped ones.

    The shipped templates are also reachable as ``shipped/<name>``, so that a
    provider's ``report.html.j2`` can extend ours and change only a block.
    Every template runs in Jinja2's immutable sandbox: no attribute starting with
    an underscore, no method that changes data, so no way from a template to Python.
    """
    loaders = []
    if template_dir:
        if not Path(template_dir).is_dir():
            raise InputError("no such template directory", str(template_dir))
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    loaders.append(jinja2.PrefixLoader({"shipped": jinja2.FileSystemLoader(str(TEMPLATE_DIR))}))
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        # "report.html.j2" does not end in ".html": name the template suffixes too.
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2", "htm.j2",
                                             "xml.j2"]),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.filters["hours"] = functools.partial(_num, lang=lang)
    env.filters["eur"] = functools.partial(_eur, lang=lang)
    env.filters["eur0"] = functools.partial(_eur, lang=lang, cents=False)
    env.filters["num"] = functools.partial(_num, lang=lang)
    env.filters["closest"] = _closest
    env.filters["md"] = _md
    env.filters["mdcode"] = _mdcode
    env.filters["fact"] = functools.partial(_fact, lang=lang)
    env.filters["date"] = functools.partial(_date, lang=lang)
    return env


def _date(value, lang="en"):
    """An ISO date as the language writes it: 29-01-2027 in Dutch."""
    text = str(value or "")
    if lang == "nl" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = text.split("-")
        return f"{day}-{month}-{year}"
    return text


def context(data, lang="en"):
    """Everything the templates get: the report, the labels and derived views."""
    labels = LABELS.get(lang, LABELS["en"])
    risks = [f for f in data["findings"] if f["risk"]]
    risks.sort(key=lambda f: (-f["risk"]["score"], f["rule"], f["part"] or ""))
    others = [f for f in data["findings"] if not f["risk"]]
    names = _choice_texts()

    def choice(kind, value):
        if value is None:
            return None
        text = names.get(kind, {}).get(value, {})
        return text.get(lang) or text.get("en") or value

    def answer_text(field, value):
        """A what-if answer as the questionnaire words it."""
        if isinstance(value, list):
            return ", ".join(answer_text(field, v) for v in value) or "-"
        if isinstance(value, bool):
            return labels.get("yes", "yes") if value else labels.get("no", "no")
        if isinstance(value, float):  # probes sit just beside thresholds: keep all digits
            text = f"{value:g}"
            return text.replace(".", ",") if lang == "nl" else text
        return choice(field, value) if isinstance(value, str) else str(value)

    def what_if_shown(entry, limit=4):
        """The probed answers worth showing: those that turn the verdict first."""
        probes = entry.get("what_if") or []
        turns = [p for p in probes if p.get("verdict") != data["verdict"]]
        adds = [p for p in probes if p.get("verdict") == data["verdict"] and p.get("new_findings")]
        return (turns + adds)[:limit]

    return {
        "what_if_shown": what_if_shown,
        "r": data, "L": labels, "lang": lang, "risks": risks, "others": others,
        "heat": heat_map(data, risks), "mrl_rows": mrl_rows(data),
        "quote_lines": quote_lines(data, lang),
        "process_name": functools.partial(choice, "processes"),
        "purpose_name": functools.partial(choice, "purpose"),
        "answer_text": answer_text,
        "thread_name": lambda t: labels["threads"].get(t, t),
    }


OFFER_TEMPLATES = {"text": "offer.md.j2", "md": "offer.md.j2", "html": "offer.html.j2"}
AUDIENCES = ("internal", "customer")


def render(report, fmt="text", lang="en", template_dir=None, csv_style=None,
           audience="internal", offer=None, paper=False):
    """The report as text (bytes for ``pdf``) in the given format.

    ``audience="customer"`` renders the offer instead of the internal report;
    ``offer`` carries what the offer needs beyond the report (see ``offer.py``).
    ``paper``: HTML meant for print (the trace as a legible list, not folded away).
    """
    data = report if isinstance(report, dict) else report.to_dict()
    lang = lang if lang in LABELS else "en"
    if fmt == "pdf":
        return html_to_pdf(render(data, "html", lang, template_dir, audience=audience,
                                  offer=offer, paper=True))
    if audience == "customer":
        from producibility.report.offer import offer_model

        model = offer_model(data, offer, lang)
        if fmt == "json":
            plain = {k: v for k, v in model.items() if k != "T"}
            return json.dumps(plain, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        if fmt == "csv":
            return offer_csv(model, lang, csv_style)
        text = _render_template(OFFER_TEMPLATES[fmt], model, lang, template_dir)
        return terminal_safe(text) if fmt == "text" else text
    if fmt == "json":
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return render_csv(data, lang, csv_style)
    if fmt not in TEMPLATES:
        raise ValueError(f"unknown format {fmt}")
    text = _render_template(TEMPLATES[fmt], dict(context(data, lang), paper=paper), lang,
                            template_dir)
    return terminal_safe(text) if fmt == "text" else text


def _render_template(name, variables, lang, template_dir):
    env = environment(template_dir, lang)
    if not template_dir:
        return env.get_template(name).render(**variables)
    try:
        return env.get_template(name).render(**variables)
    except jinja2.TemplateError as exc:
        raise _template_error(exc, template_dir) from None
    except (RecursionError, MemoryError, OverflowError, ValueError, TypeError) as exc:
        raise _template_error(exc, template_dir) from None


def _template_error(exc, template_dir):
    """A provider's template that fails: one line, with the template's file and line."""
    path, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if path is None:
        tb = exc.__traceback__
        while tb is not None:  # Jinja2 rewrites frames to the template's file and line
            if tb.tb_frame.f_code.co_filename.endswith(".j2"):
                path, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    message = " ".join(str(message).split())
    return InputError(f"template error: {message}", path or str(template_dir), line)


def html_to_pdf(html):
    """An HTML page (ours: self-contained, no network) as A4 PDF bytes, with WeasyPrint."""
    try:
        import weasyprint
    except ImportError:
        raise InputError("--format pdf needs WeasyPrint: pip install 'producibility[pdf]'") \
            from None
    except OSError as exc:  # its system libraries (Pango) are missing
        raise InputError(f"--format pdf: WeasyPrint cannot load its libraries ({exc}); "
                         "install Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0)") \
            from None

    def no_fetch(url, *args, **kwargs):  # everything is inline; never touch the network
        if url.startswith("data:"):
            return weasyprint.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"not fetched: {url}")

    return weasyprint.HTML(string=html, url_fetcher=no_fetch).write_pdf()
