"""Lead time as a chain: material, operations in routing order, partners, transport.

Per part: the material is ordered (its catalogue lead time, none when stocked or
supplied by the customer); then its operations in routing order, each on its
machine's free hours (a machine does one operation at a time: the parts of one
request queue for it in the order ``conclude.assign`` placed them); outside work at
a partner adds the partner's lead time and transport both ways; delivery adds the
last transport.  The request takes its slowest part.  Working days: five a week,
free hours spread evenly over them.
"""

import datetime
import math

WORDS = {
    "en": {
        "material": "material {material} to order",
        "operation": "{process} on {machine}: {hours:.1f} h",
        "outside": "{process} at {partner}",
        "transport": "transport",
        "subcontractor": "a subcontractor (catalogue lead time)",
        "never": "more than ten years out",
        "delivery": "delivery to the customer",
        "title": "The lead time misses the wanted date",
        "message": "Earliest delivery {earliest} ({days:g} working days, slowest part "
                   "{part}); wanted {wanted}.",
        "expedite": " With overtime: {expedited} at EUR {extra:,.0f} extra.",
        "mitigation": "Agree a later date or a split delivery, order material on the day "
                      "of acceptance, or plan overtime.",
    },
    "nl": {
        "material": "materiaal {material} bestellen",
        "operation": "{process} op {machine}: {hours:.1f} uur",
        "outside": "{process} bij {partner}",
        "transport": "transport",
        "subcontractor": "een toeleverancier (levertijd uit de catalogus)",
        "never": "over meer dan tien jaar",
        "delivery": "levering aan de klant",
        "title": "De levertijd haalt de gewenste datum niet",
        "message": "Vroegste levering {earliest} ({days:g} werkdagen, langzaamste onderdeel "
                   "{part}); gewenst {wanted}.",
        "expedite": " Met overwerk: {expedited} voor EUR {extra:,.0f} extra.",
        "mitigation": "Spreek een latere datum of deellevering af, bestel het materiaal op de "
                      "dag van opdracht, of plan overwerk.",
    },
}


MAX_WORKING_DAYS = 2500  # ten years: beyond it a date says nothing (and may overflow)


def add_working_days(start, days):
    """The date ``days`` working days (Monday to Friday) after ``start``; None beyond
    MAX_WORKING_DAYS."""
    if days > MAX_WORKING_DAYS:
        return None
    date = datetime.date.fromisoformat(start)
    whole = math.ceil(days - 1e-9)
    weeks, whole = divmod(max(whole, 0), 5)
    if weeks and date.weekday() >= 5:  # from a weekend: count as from the Friday before
        date -= datetime.timedelta(days=date.weekday() - 4)
    date += datetime.timedelta(weeks=weeks)
    while whole > 0:
        date += datetime.timedelta(days=1)
        if date.weekday() < 5:
            whole -= 1
    return date.isoformat()


def chain(request, parts, machines, assignments, quote_lines, partners_by_part, catalogue,
          provider, settings, lang, overtime_h_per_day=0.0):
    """{'days', 'slowest_part', 'parts': [...]} for one request."""
    words = WORDS.get(lang, WORDS["en"])
    stocked = set(provider.get("stocked_materials") or ())
    supplied = request.get("material_supplied_by_customer") is True
    transport = settings["transport_days"]
    hours = {}
    for line in quote_lines:
        if line["kind"] in ("setup", "run") and line["rule"] is None and line["machine"]:
            key = (line["part"], line["process"])
            hours[key] = hours.get(key, 0.0) + line["hours"]
    machine_free = {}  # machine -> working day it is free from
    out = []
    by_part = {}
    for a in assignments:
        by_part.setdefault(a["part"], []).append(a)
    for pid, part in parts.items():
        steps, day = [], 0.0
        material_id = part.get("material")
        if not supplied and material_id and material_id not in stocked and catalogue:
            material = catalogue.get("materials", material_id)
            if material and material.get("lead_time_days"):
                day = float(material["lead_time_days"])
                steps.append({"step": "material", "days": day, "text": words["material"].format(
                    material=catalogue.name("materials", material_id, lang))})
        for a in by_part.get(pid, []):
            if a.get("machine"):
                machine = machines[a["machine"]]
                per_day = machine["free_h_per_week"] / 5.0 + overtime_h_per_day
                h = hours.get((pid, a["process"]), 0.0)
                start = max(day, machine_free.get(a["machine"], 0.0))
                days = h / per_day if per_day > 0 else 0.0
                day = start + days
                machine_free[a["machine"]] = day
                steps.append({"step": "operation", "days": round(days, 2),
                              "text": words["operation"].format(
                                  process=_name(catalogue, "processes", a["process"], lang),
                                  machine=a.get("machine_name") or a["machine"], hours=h)})
            elif a.get("partner"):
                day = _outside(steps, day, a["process"], a["partner"], transport, catalogue,
                               lang, words)
        placed = set()
        for process, partner in partners_by_part.get(pid, ()):
            placed.add(process)
            day = _outside(steps, day, process, partner, transport, catalogue, lang, words)
        for treatment in part.get("surface_treatment") or ():
            entry = catalogue.get("treatments", treatment) if catalogue else None
            if treatment in placed or not entry or entry.get("lead_time_days") is None:
                continue  # no partner: the treatment's typical lead time from the catalogue
            day = _outside(steps, day, treatment, {
                "name": words["subcontractor"], "lead_time_days": entry["lead_time_days"]},
                transport, catalogue, lang, words)
        day += transport
        steps.append({"step": "transport", "days": transport, "text": words["delivery"]})
        out.append({"part": pid, "days": round(day, 1), "steps": steps})
    slowest = max(out, key=lambda p: (p["days"], p["part"]), default=None)
    return {"days": math.ceil(slowest["days"] - 1e-9) if slowest else 0,
            "slowest_part": slowest["part"] if slowest else None, "parts": out}


def _outside(steps, day, process, partner, transport, catalogue, lang, words):
    kind = "treatments" if catalogue and catalogue.get("treatments", process) else "processes"
    days = 2 * transport + float(partner["lead_time_days"])
    steps.append({"step": "outside_work", "days": days, "text": words["outside"].format(
        process=_name(catalogue, kind, process, lang), partner=partner["name"])})
    return day + days


def _name(catalogue, kind, entry_id, lang):
    return catalogue.name(kind, entry_id, lang) if catalogue else entry_id


def lead_time(request, start, parts, machines, assignments, quote_lines, partners_by_part,
              catalogue, provider, settings, lang, brief=False):
    """The report's lead-time section: the chain, the earliest date, an expedited tier.

    ``brief`` (a what-if probe): the expedited tier only where the date is missed."""
    normal = chain(request, parts, machines, assignments, quote_lines, partners_by_part,
                   catalogue, provider, settings, lang)
    result = {"days": normal["days"], "slowest_part": normal["slowest_part"],
              "start_date": start,
              "earliest_date": add_working_days(start, normal["days"]) if start else None,
              "wanted_date": request.get("wanted_date"), "parts": normal["parts"],
              "expedited": None}
    result["meets_wanted_date"] = None if not (start and result["wanted_date"]) else \
        result["earliest_date"] is not None and result["earliest_date"] <= result["wanted_date"]
    expedite = settings.get("expedite")
    if expedite and start and not (brief and result["meets_wanted_date"] is not False):
        fast = chain(request, parts, machines, assignments, quote_lines, partners_by_part,
                     catalogue, provider, settings, lang,
                     overtime_h_per_day=expedite["overtime_h_per_day"])
        if fast["days"] < normal["days"] and fast["days"] <= MAX_WORKING_DAYS:
            own = sum(line["amount_eur"] for line in quote_lines
                      if line["kind"] in ("setup", "run") and line["rule"] is None
                      and line["attended"])
            result["expedited"] = {
                "days": fast["days"], "earliest_date": add_working_days(start, fast["days"]),
                "surcharge": expedite["surcharge"],
                "extra_eur": round(own * expedite["surcharge"], 2),
                "basis": f"attended set-up and run EUR {own:.2f} x overtime surcharge "
                         f"{expedite['surcharge']:g}; {expedite['overtime_h_per_day']:g} "
                         f"overtime hours a day per machine"}
    return result


def finding(result, request, lang):
    """A finding when the chain misses the wanted date, or None.

    A penalty clause or a fixed date makes it a blocker; a date the customer may move
    a high risk; a date whose flexibility is unknown a question to the customer."""
    if result["meets_wanted_date"] is not False:
        return None
    words = WORDS.get(lang, WORDS["en"])
    message = words["message"].format(earliest=result["earliest_date"] or words["never"],
                                      days=result["days"],
                                      part=result["slowest_part"],
                                      wanted=result["wanted_date"])
    fast = result["expedited"]
    if fast:
        message += words["expedite"].format(expedited=fast["earliest_date"],
                                            extra=fast["extra_eur"])
    fixed = request.get("penalty_clause") is True or request.get("date_flexible") is False
    if fixed and fast and fast["earliest_date"] <= result["wanted_date"]:
        fixed = False  # overtime makes it: a risk with a price, not a refusal
    kind, risk = "risk", {"likelihood": 4, "consequence": 4}
    if fixed:
        kind = "blocker"
    elif request.get("date_flexible") is None:
        kind = "question"
    return {"kind": kind, "message": message, "title": words["title"],
            "mitigation": words["mitigation"], "risk": risk}
