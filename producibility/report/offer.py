"""The offer for the customer (``check --audience customer``): the report in the customer's words.

The internal report is for the shop; the offer is what the shop sends.  It is built
from the same report, plus the request's own answers (part names, quantities,
materials) and the provider settings (name, address, contact, logo).  Nothing
internal goes in: no rule ids, no contingency, no digests, no advice meant for the
shop.  A rule's finding reaches the offer only where the rule says so
(``customer: true`` for its message, or ``customer: {en, nl}`` in the customer's
words); open questions are phrased as the questionnaire asks them.

Prices: each part carries its own quote lines (machine, engineering, inspection,
procurement) with their own contingency as the quote computes it (the open-question
share on every line, the estimate share on its estimated lines); the lines without a
part (a rule for the whole request, packaging, transport), with theirs, are shared out
by the parts' own amounts, so that the parts add up to the report's high estimate,
the total the shop would quote.  What the customer multiplies is exact: the price per
piece is rounded to the cent, a line is that price times its pieces and the offer's
total the sum of its lines (a few cents from the internal high estimate, which keeps
its own figures).  Where the verdict is conditional the price is marked indicative.

Work the customer's own staff do on our machines (``customer_operates_machine``,
request-wide) is no part we make and deliver: the offer names it as machine time
booked (the machine, the hours of the quote's set-up and run lines on it, the price per
hour and in total: the same share of the high estimate, over the hours), says the
result of the customer's own operation is at the customer's risk, when the customer can
be on the machine (no delivery date and no "in time"), and asks no billing basis (per
accepted part would guarantee good parts the customer made).  A part only partners
make stays ours to deliver.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from producibility import clock, i18n
from producibility.report import costing
from producibility.report.leadtime import date_refused, moot, nothing_made, overtime_still_late

DEFAULT_VALIDITY_DAYS = 30
DEFAULT_OFFER_PREFIX = "OF"  # the offer number's prefix where the shop sets none
#: ``provider.conditions`` of a member of Koninklijke Metaalunie: its general terms,
#: named in full in the offer's language
METAALUNIE = "metaalunie"
TOP_QUESTIONS = 3


def _label(questionnaire, scope, field, value, lang):
    question = questionnaire.question(scope, field) if questionnaire else None
    if question is None:
        return str(value)
    words = question.choice_text.get(value) if isinstance(value, str) else None
    if isinstance(words, dict):
        return words.get(lang) or words.get("en") or value
    return words or str(value)


#: what EN 10027-1 writes after a steel's name for the condition it is delivered in
#: (+N normalised, +QT quenched and tempered, +A annealed, +C cold drawn, +AR as rolled)
_CONDITION = re.compile(r"\+\s*[A-Za-z][A-Za-z0-9]{0,3}$")


def _material(questionnaire, part, lang, written=None):
    """The part's material as a drawing writes it, with the answers written after it
    (``written_after: material``: the temper): "aluminium EN AW-6082 T651", each answer
    by the short name its choice's words begin with (the words before " ("); the offer
    confirms what the customer asked, and the bracket's offer read "aluminium EN
    AW-6082" for a T651 the price and MAT-012 rest on.  ``written``: the part's answers
    as written where they were read as another id (the request's ``_written``): the
    temper as written where the choice groups it ("H32", where the choice reads
    H22/H32/H321; "H111" for O/H111), and a steel's delivery condition the catalogue's
    alias drops ("veredelstaal 42CrMo4+QT", "constructiestaal S355J2+N"): the offer is
    what the buyer holds the shop to.  A material outside the catalogue is named as
    written ("Hardox 400"); None without a material."""
    written = written or {}
    if not part.get("material"):
        return written.get("material")
    words = [_label(questionnaire, "part", "material", part["material"], lang)]
    condition = _CONDITION.search(written.get("material") or "")
    if condition and condition.group(0) not in words[0]:
        words[0] += condition.group(0).replace(" ", "") if words[0][-1:].isalnum() \
            else " " + condition.group(0).replace(" ", "")
    after = getattr(questionnaire, "written_after", None) or {}
    for question in after.get(("part", "material"), ()):
        if isinstance(part.get(question.id), str):
            words.append((written.get(question.id) or _label(
                questionnaire, "part", question.id, part[question.id], lang)).split(" (")[0])
    return " ".join(words)


def _in_lang(value: Any, lang: str) -> str | None:
    """A provider's text in the offer's language: a text as it stands, or {en, nl}'s
    (the other language's where it gives only that); None where it gives none."""
    if isinstance(value, Mapping):
        value = value.get(lang) or next((v for v in value.values() if v), None)
    return value if isinstance(value, str) else None


def offer_number(data: Mapping[str, Any], request: Mapping[str, Any],
                 provider: Mapping[str, Any]) -> str:
    """The offer's own number, what a buyer books it by: the shop's prefix
    (``provider.offer_prefix``, default ``OF``), the year of the request's date (else of
    the offer's), and six characters of a digest of what the offer is made of: the
    request, the equipment file and the packs (the report's ``inputs`` digests; the
    request's answers where a report has none).  The same inputs give the same number,
    in either language and on any day; another request, another revision of its drawing
    or another price basis gives another.  The offer had none: a buyer books an offer by
    its number."""
    inputs = data.get("inputs") or {}
    made_of = [str((inputs.get("request") or {}).get("digest") or "")]
    made_of.append(str((inputs.get("equipment") or {}).get("digest") or ""))
    made_of += [str(pack.get("digest") or "") for pack in inputs.get("packs") or ()]
    if not made_of[0]:  # a report without its inputs' digests: the answers themselves
        made_of[0] = json.dumps(request, sort_keys=True, default=str, ensure_ascii=False)
    code = hashlib.sha256("\n".join(made_of).encode("utf-8")).hexdigest()[:6].upper()
    dated = _date(request.get("date")) or _date(inputs.get("as_of")) or clock.today()
    prefix = str(provider.get("offer_prefix") or DEFAULT_OFFER_PREFIX).strip()
    return f"{prefix}-{dated.year}-{code}"


def part_size(part: Mapping[str, Any], lang: str, t: Mapping[str, str]) -> str:
    """A part's size as a drawing's title block gives it: a turned part by its diameter
    and length ("Ø18 × 32 mm"), any other by its envelope ("140 × 60 × 25 mm"), a sheet
    part with its thickness ("400 × 300 × 40 mm, plaatdikte 3 mm"); "" where none is
    given.  The offer named a turned part's size nowhere."""
    def mm(value):
        return i18n.number(value, lang, grouping=False) \
            if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    diameter, length = mm(part.get("diameter_mm")), mm(part.get("length_mm"))
    envelope = [mm(v) for v in part.get("size_mm") or ()] \
        if isinstance(part.get("size_mm"), list) else []
    if diameter and ("turning" in (part.get("processes") or ()) or not envelope):
        text = f"Ø{diameter} × {length} mm" if length else f"Ø{diameter} mm"
    elif envelope and all(envelope):
        text = " × ".join(envelope) + " mm"
    else:
        text = ""
    thickness = mm(part.get("thickness_mm"))
    if thickness:
        said = t["size_thickness"].format(thickness=thickness)
        text = f"{text}, {said}" if text else said
    return text


def _drawing(part: Mapping[str, Any], t: Mapping[str, str]) -> str:
    """A part's drawing as the offer names it: "tekening 4711-0032, revisie C"; its
    revision alone where no number is given; "" where neither is."""
    number = str(part.get("drawing_number") or "").strip()
    revision = str(part.get("drawing_revision") or "").strip()
    if number and revision:
        return t["drawing_revision"].format(number=number, revision=revision)
    if number:
        return t["drawing"].format(number=number)
    return t["revision_only"].format(revision=revision) if revision else ""


def _terms(provider: Mapping[str, Any], request: Mapping[str, Any], data: Mapping[str, Any],
           lang: str, t: Mapping[str, Any], delivered: bool = True) -> list[dict[str, str]]:
    """The terms the offer is made under, each a label and its text: the general terms
    (the provider's ``conditions``; ``metaalunie`` for the Metaalunievoorwaarden, which
    only members of Koninklijke Metaalunie may use; else the shop's own general terms,
    sent on request: the Metaalunievoorwaarden were everyone's default), the delivery terms
    (``delivery_terms``, else ex works, or delivered where the pack prices the transport
    to the customer: a quote line of kind ``transport``; none for machine time only:
    nothing is ``delivered``), the payment terms (``payment_terms``, else 30 days after
    the invoice date, as the Metaalunievoorwaarden say) and, where the customer asked
    for a penalty for late delivery (``penalty_clause``), what we say to it
    (``penalty_terms``, else: not under our terms, to be agreed apart: CON-002).  A
    provider's empty text leaves its line out.  The buyer's offer named none of them,
    the penalty asked for went without a word, and "delivery under the Metaalunie
    conditions" stood only in a run-on assumption."""
    transport = any(line.get("kind") == "transport" for line in data["quote"]["lines"])
    asked = [("terms_conditions", "conditions", t["terms_conditions_default"]),
             ("terms_delivery", "delivery_terms",
              t["terms_delivery_franco" if transport else "terms_delivery_default"])
             if delivered else None,
             ("terms_payment", "payment_terms", t["terms_payment_default"]),
             ("terms_penalty", "penalty_terms", t["terms_penalty_default"])
             if request.get("penalty_clause") is True else None]
    out = []
    for label, key, default in filter(None, asked):
        text = _in_lang(provider.get(key), lang) if key in provider else default
        if key == "conditions" and (text or "").strip().lower() == METAALUNIE:
            text = t["terms_conditions_metaalunie"]  # a member's, named in full
        if text:
            out.append({"label": t[label], "text": text})
    return out


def _date(text):
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def _part_prices(data):
    """part id -> its price at the report's high estimate (:func:`costing.part_prices`)."""
    return costing.part_prices(data["quote"])


def _times(price: float, count: float) -> float:
    """A price to the cent times a count (:func:`costing.times`)."""
    return costing.times(price, count)


def _customer_text(rule, finding, context, lang, choice_text):
    """The finding in the customer's words, or None when the rule keeps it internal."""
    wording = getattr(rule, "customer", None) if rule is not None else None
    if wording is None or wording is False:
        return None
    if wording is True:
        return finding["message"]
    template = wording.get(lang) or wording.get("en") or next(iter(wording.values()))
    return template.render(context, lang, choice_text)


#: the part's answers a price left out waits for, by why it is left out (a quote note's
#: ``why``, ``costing.Unpriced``)
#: An offer question that is no questionnaire answer (a treatment to settle, a price
#: above the target): no field to post back.
_NO_FIELD = {"scope": None, "field": None, "part": None, "choice_ids": []}

PRICE_WAITS_FOR = {"size": ("size_mm",), "weight": ("size_mm", "weight_kg"),
                   "thickness": ("thickness_mm",), "material": ("material",)}


def offer_model(data: dict[str, Any], offer: Mapping[str, Any] | None,
                lang: str = i18n.DEFAULT_LANG) -> dict[str, Any]:
    """Everything the offer templates show, in the customer's words.

    ``data``: the report's data.  ``offer``: what the offer needs beyond it, each
    optional: ``request`` (the request's answers as given; without them the parts are
    known by their ids), ``provider`` (the shop: name, address, contact, logo_uri,
    offer_validity_days), ``questionnaire`` (the names of choices) and ``pack`` (the
    rules' customer wording), ``shop_facts`` (the shop's facts as the rules read them:
    what a rule's customer wording reads as ``provider.*``; else ``provider``).
    :func:`producibility.report.render.render` fills in the request, questionnaire, pack
    and shop facts from the Report it renders."""
    t = i18n.texts("offer", lang)
    offer = offer or {}
    request = offer.get("request") or {}
    provider = dict(offer.get("provider") or {})
    provider.setdefault("name", (data.get("inputs") or {}).get("equipment", {}).get("provider"))
    for key in ("name", "contact", "phone", "email", "website", "logo_uri"):
        provider.setdefault(key, "")
    questionnaire = offer.get("questionnaire")
    pack = offer.get("pack")
    # what a rule's customer words read as provider.*: the facts its message read ("our
    # EN 1090 certificate covers up to ?" where the offer's letterhead stood in for them)
    facts = offer.get("shop_facts") or provider

    as_of = (data.get("inputs") or {}).get("as_of") or request.get("date")
    day = _date(as_of) or clock.today()
    validity = int(provider.get("offer_validity_days") or DEFAULT_VALIDITY_DAYS)

    prices = _part_prices(data)
    # no quantity given: no pieces to price a piece by (it read "1 st." at the price of
    # every set-up on one piece, beside "we add the material once we know the quantity")
    counted = (request.get("quantity") or data["request"].get("quantity")) is not None
    quantity = request.get("quantity") or data["request"].get("quantity") or 1
    # the parts whose processes are open: no price and no date of their own until we
    # know how they are made (one read EUR 60 a piece and delivery the next day)
    unrouted = {p["part"] for p in (data.get("lead_time") or {}).get("parts") or ()
                if p.get("unrouted")}
    by_part = {}
    for a in data["assignments"]:
        by_part.setdefault(a["part"], []).append(a)
    # the customer's own staff operate our machines (request-wide): what a part's
    # operations on our machines come to is machine time the customer books, not parts we
    # make and deliver (PPU-002, IPC-004: no result we answer for); a part only partners
    # make is still ours to deliver
    own_operator = request.get("customer_operates_machine") is True
    declined = nothing_made(data)
    refusals = [] if declined else _refusals(data, pack, request, facts, lang,
                                             questionnaire)
    parts = []
    # each part's answers as the customer wrote them, where they were read otherwise
    # (request._written), and its answers outside the catalogue (request._unlisted)
    written: dict[str, dict[str, str]] = {}
    for entry in request.get("_unlisted") or ():
        if entry.get("part") is not None and entry.get("given"):
            written.setdefault(str(entry["part"]), {})[entry["field"]] = \
                ", ".join(entry["given"])
    for entry in request.get("_written") or ():
        written.setdefault(str(entry["part"]), {}).setdefault(entry["field"], entry["given"])
    # without the request's answers (an API call that passes none) the parts are known
    # by their ids only
    given = request.get("parts") or [{"id": pid} for pid in
                                     dict.fromkeys(a["part"] for a in data["assignments"])]
    # the prices per piece as an invoice and every quantity break makes them
    # (:func:`costing.offered`: a part's share of the high estimate over its pieces, to the
    # cent; a product's price those added up)
    mine = costing.offered(data["quote"], quantity if counted else None,
                           {str(p.get("id")): p.get("quantity") or 1 for p in given})
    for part in given:
        pid = str(part.get("id"))
        pieces = (part.get("quantity") or 1) * quantity if counted else None
        operations = by_part.get(pid, [])
        # an operation neither a machine of ours nor a partner does (outside work at a
        # partner is made, and priced: a shaft ground at a partner read "we cannot make
        # this part" with no price, beside a delivery date)
        nowhere = [a for a in operations if a["machine"] is None and not a.get("partner")]
        blocked = any(a.get("judged", True) for a in nowhere)
        # why not, in the customer's words (the fit's: size, tolerance, material)
        reason = next((a["customer_reason"] for a in nowhere if a.get("customer_reason")),
                      None)
        pending = not counted or pid in unrouted or any(
            not a.get("judged", True) for a in nowhere)
        # its material or a run time not priced: no price of its own until it is (a
        # one-line enquiry for 500 turned parts read EUR 1.88 a piece, set-up and CAM
        # only, beside "the material and the machining time are not included"); what is
        # missing is said on its line (``price_follows``)
        follows = not (blocked or pending) and any(
            e["part"] == pid and e["what"] in ("material", "run")
            for e in data["quote"].get("not_priced") or ())
        amount = prices.get(pid, 0.0)
        # the customer (and the invoice) multiplies the price per piece by the pieces:
        # the price per piece is rounded to the cent first, the line is that times the
        # pieces (290.95 x 8 read EUR 2,327.58); the internal quote keeps its own cents
        per_piece = mine[0].get(pid) if mine and pieces else None
        line_total = _times(per_piece, pieces) if per_piece is not None else round(amount, 2)
        booked = _machine_time(data, pid, operations, part, questionnaire, lang, t) \
            if own_operator and not (declined or refusals or blocked) else None
        if booked is not None:
            # machine time multiplies as its invoice does: the price per hour (the part's
            # share of the high estimate over the hours booked), rounded to the cent,
            # times the hours; none where the part's price holds work of ours besides
            # (a treatment, an operation at a partner): the total alone
            per_piece = None
            if booked["hours"] and not booked["ours"]:
                booked["per_hour_eur"] = round(amount / booked["hours"], 2)
                line_total = _times(booked["per_hour_eur"], booked["hours"])
            else:
                line_total = round(amount, 2)
        parts.append({
            "id": pid, "name": part.get("name") or "",
            "pieces": pieces,
            "processes": [_label(questionnaire, "part", "processes", p, lang)
                          for p in part.get("processes") or []],
            "material": _material(questionnaire, part, lang, written.get(pid)),
            "size_mm": part.get("size_mm"),
            # its size as its drawing gives it (a turned part's diameter and length),
            # and the drawing the price is for (number and revision, as given)
            "size": part_size(part, lang, t),
            "drawing": _drawing(part, t),
            "drawing_number": str(part.get("drawing_number") or "") or None,
            "drawing_revision": str(part.get("drawing_revision") or "") or None,
            "treatments": [_label(questionnaire, "part", "surface_treatment", p, lang)
                           for p in part.get("surface_treatment") or []],
            "blocked": blocked, "pending": pending,
            "cannot_make": (t["cannot_make_because"].format(reason=reason) if reason
                            else t["cannot_make"]) if blocked else None,
            "total_eur": None if blocked or pending or follows else line_total,
            "per_piece_eur": None if blocked or pending or follows else per_piece,
            "price_follows": [] if follows else None,
            "per_product": part.get("quantity") or 1,  # its pieces in one product
            # the machine time the customer books for it (None: a part we make)
            "machine_time": booked,
        })
    priced = [p for p in parts if p["total_eur"] is not None]
    # what the prices leave out (a treatment no partner of ours does, a material or run
    # time we could not price), said to the customer, for the parts that have a price
    shown = {p["id"]: p["name"] or p["id"] for p in parts
             if p["total_eur"] is not None or p["price_follows"] is not None}
    follows = {p["id"]: p["price_follows"] for p in parts if p["price_follows"] is not None}
    not_included = []
    theirs = set()  # the parts whose price waits for more than our own calculation
    for entry in data["quote"].get("not_priced") or ():
        part = shown.get(entry["part"])
        if part is None:
            continue
        item, why = entry["item"], entry.get("why")
        if entry["what"] == "treatment":
            if why == "family":
                continue  # not for the part's material: asked below, not quoted apart
            text = t["not_included_treatment"].format(part=part, treatment=_label(
                questionnaire, "part", "surface_treatment", item, lang))
        elif entry["what"] == "material":
            text = t["not_included_material"].format(part=part, material=_label(
                questionnaire, "part", "material", item, lang)) if item else \
                t["not_included_material_unknown"].format(part=part)
        elif entry["what"] == "outside_work":
            # an operation at a partner whose price list could not price it: work at a
            # subcontractor, not our machining time (it read "de bewerkingstijd voor
            # rondslijpen")
            text = t["not_included_outside_work"].format(part=part, process=_label(
                questionnaire, "part", "processes", item, lang))
        else:
            text = t["not_included_run"].format(part=part, process=_label(
                questionnaire, "part", "processes", item, lang))
        # what we need before we can add it: the material, the part's size, a price,
        # the cycle time, or a subcontractor's price
        need = {"material": "material", "size": "size", "weight": "size",
                "thickness": "size", "price": "price", "density": "price",
                "partner": "partner", "quantity": "quantity"}.get(
                    why, "cycle" if entry["what"] == "run" else "price")
        if need == "cycle":
            # a machining time no model estimates: ours to work out, no answer of the
            # customer's ("zodra de cyclustijd bekend is" sent the customer to questions
            # that do not ask for it)
            text = t["not_included_run_ours"].format(part=part, process=_label(
                questionnaire, "part", "processes", item, lang))
        else:
            text = f"{text} {t['once_' + need]}"
            theirs.add(entry["part"])
        listed = follows.get(entry["part"], not_included)  # on the part's own line
        if text not in listed:
            listed.append(text)
    # the one-off costs (the CAM, fixtures, a first article inspection, our engineering),
    # apart from the piece prices: for the whole request and the parts priced here (a
    # part whose price follows brings its own with it); each by what it is for, with
    # the parts it is for where the request has more than one
    one_off = _one_off_rows(mine.one_off if mine else {}, {p["id"] for p in priced},
                            parts, t) if priced else []
    one_off_total = round(sum(row["total_eur"] for row in one_off), 2)
    # a part whose price follows leaves the whole without a price: the others' sum read
    # as the order's total
    total = round(sum(p["total_eur"] for p in priced) + one_off_total, 2) \
        if priced and not follows else None
    # a product of several parts (or of several pieces of one): its price, each part's
    # price per piece times its pieces in one product, what a target price per product
    # is weighed against (the offer showed EUR 16.26 a bracket and "above your target of
    # EUR 9.50 a product", and the pair's EUR 32.52 nowhere)
    per_product = product_parts = None
    if any(p["machine_time"] for p in parts):
        pass  # machine time has no price per product: the customer makes the products
    elif priced and len(priced) == len(parts) and (
            len(parts) > 1 or parts[0]["per_product"] > 1):
        per_product = mine[1]  # each part's price per piece times its pieces, added
        product_parts = " + ".join(f"{p['per_product']} × {p['id']}" if p["per_product"] > 1
                                   else p["id"] for p in parts)
    elif priced and len(parts) == 1:
        per_product = parts[0]["per_piece_eur"]  # one piece a product: the same price

    choice_text = questionnaire.choice_text if questionnaire else None
    advice, settled = [], []
    # advice to make a part cheaper or easier, and questions, are for the parts we make
    # (the shaft we cannot turn was told to keep its tolerances loose "to keep the price
    # low", a refusal asked whether the brass could be CW724R)
    parts_by_id = {str(p.get("id")): p for p in
                   _derived(request, day.isoformat(),
                            getattr(pack, "catalogue", None)).get("parts") or []}
    assignments = {a["part"]: a for a in data["assignments"] if a.get("machine")}
    for finding in data["findings"]:
        rule = pack.rule(finding["rule"]) if pack is not None and hasattr(pack, "rule") else None
        context = {"request": request, "part": parts_by_id.get(finding.get("part")) or {},
                   "provider": facts, "machine": {}, "candidate": {}}
        if finding.get("part") in assignments:
            context["machine"] = {"id": assignments[finding["part"]]["machine"],
                                  "name": assignments[finding["part"]]["machine_name"]}
        text = _customer_text(rule, finding, context, lang, choice_text)
        # what a rule finds for a part we cannot make (for the request, when we make
        # nothing) is asked of no one and advises no one: the offer says no to it
        if moot(data, finding.get("part")):
            continue
        if rule is not None and finding["kind"] == "question":
            # what makes the verdict conditional is asked, in the rule's customer words,
            # else by its title; a rule that keeps it internal (customer: false) is not
            if getattr(rule, "customer", None) is not False:
                settled.append(text or (
                    t["settle_part"].format(title=finding["title"], part=finding["part"])
                    if finding.get("part") else t["settle"].format(title=finding["title"])))
            continue
        if text and text not in advice:
            advice.append(text)

    questions = []
    # the tool's own questions: a price above the customer's target, a treatment not for
    # the part's material
    for finding in data["findings"]:
        if moot(data, finding.get("part")):
            continue
        if finding["rule"] == "COST-TARGET" and finding["kind"] == "question" and \
                costing.target_price(request) is not None and not (
                    (finding.get("trace") or {}).get("values") or {}).get("partial"):
            # (not where our price, below the target, leaves out a part we cannot make:
            # the offer says that part is not made)
            target = i18n.money(costing.target_price(request), lang, 2)
            # the price per product the target is weighed against holds the one-off
            # costs spread over the products (COST-TARGET's): said so, for the offer's
            # price per product holds none of them
            all_in = round(per_product + one_off_total / quantity, 2) \
                if per_product is not None and one_off_total and counted else None
            settled.append(t["over_target_all_in"].format(
                price=i18n.money(all_in, lang, 2), target=target) if all_in is not None
                else t["over_target_price"].format(
                    price=i18n.money(per_product, lang, 2), target=target)
                if per_product is not None else t["over_target"].format(target=target))
        if finding["rule"] == "FIT-TREATMENT":
            text = t["which_treatment"].format(finding=finding["message"])
            if not any(q["text"] == text for q in questions):
                questions.append({"text": text, "help": "", "choices": [], **_NO_FIELD})
    questions += [{"text": text, "help": "", "choices": [], **_NO_FIELD}
                  for text in dict.fromkeys(settled)]
    # what the price waits for is asked first: the price is the offer's point (a frame's
    # size came fourth, after its tolerance and certificates, while its material and
    # welding waited for it)
    waiting = {(gap.get("part"), field) for gap in data["quote"].get("not_priced") or ()
               for field in PRICE_WAITS_FOR.get(gap.get("why"), ())}
    for entry in sorted(data["open_questions"],
                        key=lambda e: (e.get("part"), e["field"]) not in waiting):
        if own_operator and entry["field"] == "billing_basis" and entry["scope"] == "request":
            continue  # the offer prices the machine time per hour; per accepted part
            # would guarantee good parts the customer's own operator makes (PPU-002)
        text = entry["question"]
        if entry.get("given"):  # an answer outside our catalogue: said back, and asked
            # what else would do (it read "Materiaal", as if none was given)
            text = t["unlisted_material" if entry["field"] == "material" else "unlisted"] \
                .format(given=", ".join(map(str, entry["given"])), question=text)
        if entry.get("part"):
            text = t["question_for_part"].format(question=text, part=entry["part"])
        question = questionnaire.question(entry["scope"], entry["field"]) if questionnaire \
            else None
        if question is None and questionnaire is not None:
            continue  # a derived fact, not something the customer can answer
        choices = _choices_for(questionnaire, question, parts_by_id.get(entry.get("part")))
        questions.append({"text": text, "help": (question.help.get(lang) or
                                                 question.help.get("en") or "")
                          if question is not None and question.help else "",
                          "choices": [_label(questionnaire, entry["scope"], entry["field"], c,
                                             lang) for c in choices]
                          if len(choices) <= 6 else [],
                          # what a portal posts the answer back as: the question's scope,
                          # field and part, and the ids of every choice it can take
                          "scope": entry["scope"], "field": entry["field"],
                          "part": entry.get("part"),
                          "choice_ids": list(choices)})

    assumptions = []  # the questions left open that the shop answered the ordinary way
    usual = []  # of them, those screened with another answer that was not found to stop
    # or hold up the order (no NO FIT or CONDITIONAL among its what-ifs): one line
    # together (one not screened, probing off or past its budget, may: on its own)
    # the parts the customer makes on machine time they book: an assumption about the
    # parts we make (how we measure them, how they look) is none of theirs (the
    # makerspace's machine time read "Alleen het eerste stuk wordt volledig gemeten")
    on_machine = {p["id"] for p in parts if p["machine_time"]}
    for item in data.get("assumed") or data.get("assumptions") or []:
        if not isinstance(item, dict):
            assumptions.append(str(item))
            continue
        question = questionnaire.question(item.get("scope") or "request", item.get("field")) \
            if questionnaire is not None else None
        if on_machine and question is not None and (question.assume or {}).get("made_by_us"):
            if (item.get("scope") or "request") == "request":
                if len(on_machine) == len(parts):
                    continue  # nothing we make
            else:
                item = dict(item, parts=[p for p in item.get("parts") or ()
                                         if str(p) not in on_machine])
                if not item["parts"]:
                    continue
        text = item.get("text")
        if not text:
            value = item.get("value")
            text = i18n.text("common", "yes" if value else "no", lang) if isinstance(value, bool) \
                else _label(questionnaire, item.get("scope") or "request", item.get("field"),
                            value, lang)
        where = ", ".join(str(p) for p in item.get("parts") or [])
        if not item.get("text") and question is not None:  # a bare value needs its question
            text = t["assumption"].format(question=question.label(lang), answer=text)
        usual_one = item.get("can_change_verdict") is not None and not any(
            w.get("verdict") in ("no_fit", "conditional") for w in item.get("what_if") or ())
        (usual if usual_one else assumptions).append(
            f"{text} ({where})" if where else text)
    # seventeen bullets ("geen cleanroom", "geen exportcontrole") made a one-part offer
    # two pages: the assumptions whose other answer would stop the order or hold it up
    # stand alone, the rest (at most extra work) on one line
    if len(usual) > 1:
        assumptions.append(t["assumptions_usual"].format(items="; ".join(usual)))
    else:
        assumptions += usual

    verdict = data["verdict"]
    booked = [p for p in parts if p["machine_time"]]
    only_booked = bool(booked) and len(booked) == len(parts)  # nothing we deliver
    intro = {"fit": "offer_intro_fit", "fit_with_effort": "offer_intro_fit",
             "conditional": "offer_intro_conditional", "no_fit": "offer_intro_no_fit"}[verdict]
    if only_booked and intro == "offer_intro_fit":  # not "we can make it"
        intro = "offer_intro_fit_machine_time"
    elif len(parts) > 1 and intro == "offer_intro_fit":  # not "it": the parts
        intro = "offer_intro_fit_parts"
    refused = date_refused(data)
    # what a lead time that is only a lower bound waits for: the run time of these parts
    # cannot be estimated until we know their size (or material, or cycle time), or the
    # quantity (it read "once the quantities are known" where the quantity was given)
    names = {p["id"]: p["name"] or p["id"] for p in parts}
    missing: dict[str, list[str]] = {}
    lead = data.get("lead_time") or {}
    for entry in lead.get("parts") or ():
        if entry.get("unrouted"):
            missing.setdefault("processes", []).append(names.get(entry["part"], entry["part"]))
            continue
        unknown = set(entry.get("without_run") or ())
        for gap in data["quote"].get("not_priced") or ():
            if gap["what"] == "run" and gap["part"] == entry["part"] and gap["item"] in unknown:
                unknown.discard(gap["item"])
                need = {"size": "size", "weight": "size", "thickness": "size",
                        "material": "material", "quantity": "quantity"}.get(gap.get("why"),
                                                                             "cycle")
                missing.setdefault(need, []).append(names.get(entry["part"], entry["part"]))
        if unknown:  # no run line and no note: no quantity to multiply by
            missing.setdefault("quantity", [])
    # (the machining time is ours to work out, not an answer of the customer's)
    calculating = list(dict.fromkeys(missing.pop("cycle", ())))
    open_for = [t["open_" + need].format(parts=", ".join(dict.fromkeys(who)))
                for need, who in sorted(missing.items(), key=lambda kv: (
                    ["quantity", "processes", "size", "material"].index(kv[0])))]
    # NO FIT for the date alone (every part can be made, nothing else blocks): we make it,
    # not by that date ("we cannot make everything as requested" read as a refusal of
    # parts we can make)
    if verdict == "no_fit" and refused and not any(p["blocked"] for p in parts) and all(
            f["rule"] == "LEAD-TIME" for f in data["findings"] if f["kind"] == "blocker"):
        intro = "offer_intro_date" if len(parts) == 1 else "offer_intro_date_parts"
    # nothing of it can be made here: a refusal, without a delivery or a wish for answers
    if declined:
        intro = "offer_intro_none"
    if refusals:
        # a requirement of the whole request we cannot meet (a certificate we do not hold,
        # a clean room): no price and no date, the reasons said (an offer for an ISO 13485
        # handle at an ISO 9001 shop gave EUR 23.82 a piece and "in time", and named no
        # certificate: a written commitment the shop could not keep)
        intro = "offer_intro_refused"
        for part in parts:
            part.update(total_eur=None, per_piece_eur=None)
        total = per_product = product_parts = None
        questions, advice, assumptions, not_included = [], [], [], []
    documents, documents_yours = ([], []) if declined or refusals else _documents(
        request, questionnaire, lang, t,
        getattr(pack, "catalogue", None) or getattr(questionnaire, "shop", None),
        machine_time=only_booked)
    wanted = _date(request.get("wanted_date"))
    say_wanted = True  # "you asked for delivery by": of parts we deliver
    supplied = request.get("material_supplied_by_customer") is True
    finished = any(p["machine_time"]["work"] for p in booked)
    if refusals or not booked:
        when = [] if refusals else delivery(lead, day, lang, refused=refused,
                                            missing=open_for, supplied=supplied,
                                            calculating=calculating,
                                            subcontracted=subcontracted(
                                                lead, questionnaire, lang))
        groups = [{"label": "", "sentences": when}] if when else []
        # (a product of several pieces is counted in products, as its price is)
        rows = schedule(lead, lang, products=len(given) > 1 or any(
            (p.get("quantity") or 1) > 1 for p in given)) if when else []
    else:
        # when the customer can be on the machine, not a delivery we promise; for a part
        # we finish after the customer's operation (a treatment, an operation at a
        # partner), when the finished parts come back
        rows = []  # (the plan is the whole request's, machine time and parts alike)
        on_machine = machine_from(lead, [p["id"] for p in booked], day, lang, facts)
        for part in booked:
            if part["machine_time"]["work"]:
                on_machine += [text for text in finished_back(
                    lead, part, day, lang, facts, data) if text not in on_machine]
        groups = [{"label": "", "sentences": on_machine}]
        made = [p for p in parts if not p["machine_time"]]
        if made:
            # and, apart, the delivery of the parts we make (a part only a partner
            # makes), from their own lead time: a request with machine time and such a
            # part read one "Wij leveren 22 werkdagen" for both, the days of the machine
            # time the customer books, where the pins we have ground came in 10
            own_lead = lead_of(lead, [p["id"] for p in made], facts, data)
            ours = delivery(own_lead, day, lang, refused=refused, missing=open_for,
                            supplied=supplied, planned=False, calculating=calculating,
                            subcontracted=subcontracted(
                                lead, questionnaire, lang, [p["id"] for p in made])) \
                if own_lead else []
            if ours and wanted:
                ours.insert(0, t["wanted"].format(date=i18n.day(wanted.isoformat(), lang)))
            groups = [{"label": t["when_booked"].format(parts=_named(booked)),
                       "sentences": on_machine}]
            if ours:
                groups.append({"label": t["when_made"].format(parts=_named(made)),
                               "sentences": ours})
        groups = [g for g in groups if g["sentences"]]
        when = [text for g in groups for text in g["sentences"]]
        say_wanted = False  # said in the sentences where it matters: no delivery
    # the terms the offer is made under (none where we offer nothing)
    terms = [] if declined or refusals else _terms(provider, request, data, lang, t,
                                                   delivered=not only_booked)
    extra_days = data["effort"].get("longest_wait_days") or 0  # for templates before delivery
    address = provider.get("address") or []
    # the parts whose drawing revision is not given: the price holds for the drawing as
    # we received it, said once (it said nothing, and a buyer checks the revision)
    # (not for machine time the customer books: its price is per hour, whatever is made)
    unrevised = [p for p in parts if not p["drawing_revision"] and not p["machine_time"]]
    revision_note = "" if declined or refusals or not unrevised else \
        t["revision_as_received"] if len(unrevised) == len(parts) or len(parts) == 1 else \
        t["revision_as_received_parts"].format(parts=_named(unrevised))
    # the enquiry's own date, where the offer is dated another day (it is dated the day
    # it is written: the report's as_of)
    asked_on = _date(request.get("date"))
    reference = request.get("id") or data["request"].get("id") or ""
    return {
        "T": t, "lang": lang, "provider": provider, "address": address,
        "customer": request.get("customer") or "",
        "number": offer_number(data, request, provider),
        "reference": reference,
        "request_date": asked_on.isoformat() if asked_on else None,
        # "REQ-2026-102 van 02-11-2026" where the enquiry is of another day than the offer
        "reference_text": t["reference_of"].format(reference=reference, date=i18n.day(
            asked_on.isoformat(), lang)) if reference and asked_on and asked_on != day
        else reference,
        "revision_note": revision_note,
        "date": day.isoformat(),
        "valid_until": (day + datetime.timedelta(days=validity)).isoformat(),
        "intro": t[intro], "verdict": verdict, "parts": parts, "quantity": quantity,
        "nothing_made": declined, "refusals": refusals,
        # the quantity breaks asked for (--quantities, quantity_breaks), at the high
        # estimate the offer's prices are (per product: one set of the parts)
        # (none while a material or a run time is not priced: only the fixed costs would
        # spread, and the price at 100 pieces read a tenth of that at 10)
        # (none for machine time: a price per piece is for parts we make)
        "breaks": [] if declined or refusals or booked or any(p["blocked"] or p["pending"]
                                                   for p in parts) or any(
            e["what"] in ("material", "run") for e in data["quote"].get("not_priced") or ())
        else [_break(b, lang, t) for b in data["quote"].get("breaks") or ()],
        # what a break's price is for: one product where a product is more than one piece
        # (the break table read "Price per piece EUR 68.79" for a plate and four cams)
        "break_unit": t["per_product"] if product_parts else t["per_piece"],
        # its heading says per product only where a price is one (it did above "Price
        # per piece" of a one-part request)
        "breaks_heading": t["breaks" if product_parts else "breaks_per_piece"],
        "parts_heading": t["what_you_asked" if declined or refusals else "what_we_make"],
        # the customer's own operation on our machines: the machine time booked (its
        # parts are those with a ``machine_time``), what the result of it is, when
        "machine_time_heading": t["machine_time"] if booked else "",
        "machine_time_result": t["machine_time_result"] if booked else "",
        "lead_time_heading": t["lead_time" if not booked else "machine_time_schedule"
                               if finished or not only_booked else "machine_time_when"],
        "closing": t["closing_none" if declined else "closing_refused" if refusals else
                     "closing" if questions else "closing_order"],
        "total_eur": total,
        # the one-off costs, each a row (what it is for, its parts, its amount), and
        # their sum: in total_eur, not in any price per piece or per product
        "one_off": [] if refusals else one_off,
        "one_off_total_eur": None if refusals or not one_off else one_off_total,
        # that they are charged once: for a drawing, or (machine time only) a booking
        "one_off_note": "" if refusals or not one_off else
        t["one_off_note_machine_time" if only_booked else "one_off_note"],
        # a product's price where a product is more than one piece (None otherwise)
        "per_product_eur": per_product if product_parts else None,
        "product_parts": product_parts or "", "indicative": verdict == "conditional" or bool(questions),
        # "we cannot price this yet" only where answers would let us; a part we cannot
        # make says so on its own line
        "no_price": total is None and not refusals and not any(p["blocked"] for p in parts),
        # where it waits only for the machining time we work out, that (not "see what we
        # need from you": no answer of the customer's gives it a price); where some parts
        # have their price, that theirs stand and whose follows (it read "we cannot give
        # a price yet" under two prices of three parts)
        "no_price_text": t["no_price_ours"] if total is None and follows and all(
            p["price_follows"] is not None and p["id"] not in theirs
            for p in parts if p["total_eur"] is None)
        else t["no_price_parts_indicative" if verdict == "conditional" or questions
               else "no_price_parts"].format(parts=", ".join(
                   p["name"] or p["id"] for p in parts if p["total_eur"] is None))
        if priced and total is None and not refusals else t["no_price"],
        "wanted": wanted.isoformat() if wanted else None, "say_wanted": say_wanted,
        "extra_days": extra_days,
        "delivery": when,
        # the same sentences by kind where a request holds more than one (machine time
        # the customer books, parts we make): each with its label ("" for one kind)
        "delivery_groups": groups,
        # an order in several deliveries: each delivery's quantity and date, as the lead
        # time plans them (:func:`schedule`; empty otherwise)
        "schedule": rows,
        "assumptions": assumptions, "advice": advice, "not_included": not_included,
        "documents": documents,
        # the terms: general terms, delivery, payment, and an answer to a penalty asked
        "terms_heading": t["terms"] if terms else "", "terms": terms,
        # with machine time only: what we deliver with it (a certificate of the material
        # we supply), and the documents of the parts, the customer's as their maker
        "documents_heading": t["documents_machine_time" if only_booked else "documents"],
        "documents_yours": documents_yours,
        "questions": questions[:TOP_QUESTIONS],
        # the others, each one too (briefly, after the top ones): every question between
        # the customer and a firm price is in the offer ("and 11 more questions" were
        # listed nowhere, not even here)
        "further_questions": questions[TOP_QUESTIONS:],
        "further_questions_text": i18n.counted(
            t["further_questions"], len(questions) - TOP_QUESTIONS, lang)
        if len(questions) > TOP_QUESTIONS else "",
        "more_questions": max(0, len(questions) - TOP_QUESTIONS),
        "more_questions_text": i18n.counted(t["and_more_count"], len(questions) - TOP_QUESTIONS,
                                            lang) if len(questions) > TOP_QUESTIONS else "",
        "vat_note": provider.get("vat_note", True) and not declined and not refusals,
    }


def _one_off_rows(amounts: Mapping[tuple, float], priced: set[str],
                  parts: list[Mapping[str, Any]], t: Mapping[str, str]) -> list[dict]:
    """The offer's one-off costs (``Offered.one_off``: (category, part or None) ->
    amount), a row for each category (in :data:`costing.ONE_OFF`'s order, the allowance
    for open answers to one-off rules last: :data:`costing.OPEN_ANSWERS`) over the
    request and the parts in ``priced``: its words, the parts it is for where it is for
    some of the request's parts only, and its amount."""
    rows = []
    for category in costing.ONE_OFF + (costing.OPEN_ANSWERS,):
        held = {pid: amount for (kind, pid), amount in amounts.items()
                if kind == category and (pid is None or pid in priced)}
        if not held:
            continue
        whole = None in held or set(held) >= {p["id"] for p in parts}
        named = [p for p in parts if p["id"] in held]
        rows.append({"category": category, "text": t["one_off_" + category],
                     "parts": [] if whole else [p["id"] for p in named],
                     "for": "" if whole else _named(named),
                     "total_eur": round(sum(held.values()), 2)})
    return rows


def _machine_time(data, pid, operations, part, questionnaire, lang, t):
    """The machine time the customer books for part ``pid`` (its ``operations``, the
    report's assignments), or None where no machine of ours does any of it: the
    machines, the hours (the quote's set-up and run lines on them; None while a run is
    not priced), and ``ours``: what we do for the part besides (its treatments, its
    operations at a partner), in words."""
    own = [a for a in operations if a.get("machine")]
    if not own:
        return None
    machines = list(dict.fromkeys(a.get("machine_name") or a["machine"] for a in own))
    lines = [line for line in data["quote"]["lines"]
             if line.get("part") == pid and line.get("machine") and
             line["kind"] in ("setup", "run") and line.get("hours") is not None]
    runs = {line.get("process") for line in lines if line["kind"] == "run"}
    hours = round(sum(line["hours"] for line in lines), 2) \
        if all(a["process"] in runs for a in own) else None
    ours = [_label(questionnaire, "part", "processes", a["process"], lang)
            for a in operations if a.get("partner")]
    ours += [_label(questionnaire, "part", "surface_treatment", x, lang)
             for x in part.get("surface_treatment") or ()]
    return {"machines": machines, "hours": hours or None, "per_hour_eur": None,
            "ours": t["machine_time_ours"].format(work=", ".join(ours)) if ours else "",
            "work": ours}


def machine_from(lead: Mapping[str, Any], parts: list[str], ordered: datetime.date,
                 lang: str, provider: Mapping[str, Any] | None = None) -> list[str]:
    """When the customer can be on our machine for ``parts`` (an order on ``ordered``):
    the first of those parts' operations, after what the lead time's chain does before
    it (the material ordered, our preparation, the parts ahead on the machine), on the
    shop's calendar (``provider``'s); and where that is after the date the customer
    gave, that it is.  No promise of a result or a date for it: the customer makes it."""
    from producibility.errors import InputError
    from producibility.model.calendar import PLAIN, of_provider

    t = i18n.texts("offer", lang)
    if not lead.get("start_date") or lead.get("days") is None:
        return []
    starts = []
    for entry in lead.get("parts") or ():
        steps = entry.get("steps") or []
        first = next((i for i, s in enumerate(steps) if s["step"] == "operation"), None)
        if entry["part"] in parts and first is not None:
            starts.append(sum(s["days"] for s in steps[:first] if not s.get("alongside")))
    if not starts:
        return []
    try:  # the calendar the report was made with (its lead time's dates)
        date = of_provider(provider or {}).add_working_days(lead["start_date"], min(starts))
    except (InputError, ValueError, TypeError, KeyError, AttributeError):
        date = PLAIN.add_working_days(lead["start_date"], min(starts))  # not a shop's
    if date is None:
        return []
    out = [t["machine_time_from"].format(date=i18n.day(date, lang),
                                         ordered=i18n.day(ordered.isoformat(), lang))]
    wanted = lead.get("wanted_date")
    if wanted and date > wanted:
        out.append(t["machine_time_after_wanted"].format(date=i18n.day(wanted, lang)))
    return out


def _named(parts: list[Mapping[str, Any]]) -> str:
    """The offer's parts by name and id, as its tables show them: "Geleidepen (PIN-8)"."""
    return ", ".join(f"{p['name']} ({p['id']})" if p.get("name") else str(p["id"])
                     for p in parts)


def _calendar(provider: Mapping[str, Any] | None):
    """The shop's calendar (``provider``'s), the one the report's lead time counted in;
    the plain weekdays where the provider is no shop's."""
    from producibility.errors import InputError
    from producibility.model.calendar import PLAIN, of_provider
    try:
        return of_provider(provider or {})
    except (InputError, ValueError, TypeError, KeyError, AttributeError):
        return PLAIN


def _touches(up_to: Mapping[str, Any] | None, parts: list[str],
             data: Mapping[str, Any]) -> bool:
    """Whether a lead time's ``up_to`` (the waits of rules whose questions are open)
    may hold up ``parts``: an open question of one of its rules is asked for one of
    them, or for the whole request (or one of its rules found something there)."""
    rules = set((up_to or {}).get("rules") or ())
    return bool(rules) and any(
        f.get("part") in (*parts, None) and (f.get("rule") in rules or
                                             rules & set(f.get("rules") or ()))
        for f in [*(data.get("open_questions") or ()), *(data.get("findings") or ())])


def lead_of(lead: Mapping[str, Any], parts: list[str], provider: Mapping[str, Any] | None,
            data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The report's lead time for ``parts`` alone (a request's parts we make, beside the
    machine time its customer books): their slowest chain's working days and date on the
    shop's calendar (``provider``'s), whether that is in time, the shop's closed days
    before it; where the request's slowest part is not one of them, no overtime tier
    (its overtime is the other parts') and an ``up_to`` only where one of its rules
    concerns them (its days an upper bound: the request's).  None where none of
    ``parts`` can be made here."""
    entries = [p for p in lead.get("parts") or () if p["part"] in parts]
    made = [p for p in entries if p.get("days") is not None]
    start = lead.get("start_date")
    if not made or not start:
        return None
    slowest = max(made, key=lambda p: (p["days"], p["part"]))
    days = math.ceil(slowest["days"] - 1e-9)
    calendar = _calendar(provider)
    earliest = calendar.add_working_days(start, days)
    out = dict(lead, parts=entries, days=days, slowest_part=slowest["part"],
               earliest_date=earliest,
               not_made=[p for p in lead.get("not_made") or () if p in parts],
               without_run=[p for p in lead.get("without_run") or () if p in parts])
    if slowest["part"] == lead.get("slowest_part"):
        # the request's slowest part is one of them: the request's figures are theirs
        out["expedited"], out["up_to"] = lead.get("expedited"), lead.get("up_to")
    else:
        out["expedited"] = None
    up_to = out.get("up_to")
    if up_to and not (up_to.get("days", 0) > days and _touches(up_to, parts, data)):
        out["up_to"] = up_to = None
    if lead.get("closed"):
        out["closed"] = [c for c in lead["closed"] if earliest and c["date"] <= earliest]
    wanted = lead.get("wanted_date")
    meets = None if not wanted or earliest is None else earliest <= wanted
    if meets and (out["without_run"] or (up_to and (
            not up_to.get("earliest_date") or up_to["earliest_date"] > wanted))):
        meets = None  # a lower bound, or in time only without the open questions' waits
    out["meets_wanted_date"] = meets
    return out


def finished_back(lead: Mapping[str, Any], part: Mapping[str, Any], ordered: datetime.date,
                  lang: str, provider: Mapping[str, Any] | None,
                  data: Mapping[str, Any]) -> list[str]:
    """When the customer gets back a part they make on our machine and we finish (its
    ``machine_time.work``: a treatment, an operation at a partner): the end of the
    part's chain in the lead time (the customer's operation at the machine's planned
    hours, then our work, then the delivery), for an order on ``ordered``; up to when,
    where open questions may add a wait; and where it is after the date the customer
    gave, that it is.  The makerspace's anodised part said only when the customer could
    be on the machine."""
    t = i18n.texts("offer", lang)
    entry = next((p for p in lead.get("parts") or () if p["part"] == part["id"]), None)
    start = lead.get("start_date")
    if not start or entry is None or entry.get("days") is None:
        return []
    days = math.ceil(entry["days"] - 1e-9)
    calendar = _calendar(provider)
    date = calendar.add_working_days(start, days)
    if date is None:
        return []
    work = list(part["machine_time"]["work"])
    work = t["list_and"].join([", ".join(work[:-1]), work[-1]]) if len(work) > 1 \
        else work[0]
    out = [i18n.counted(t["machine_time_back_at_least" if entry.get("without_run") else
                          "machine_time_back"], days, lang, part=_named([part]), work=work,
                        date=i18n.day(date, lang), ordered=i18n.day(ordered.isoformat(), lang))]
    up_to = lead.get("up_to")
    if up_to and up_to.get("earliest_date") and up_to.get("days", 0) > days and \
            _touches(up_to, [part["id"]], data):
        out.append(i18n.counted(t["delivery_up_to"], up_to["days"], lang,
                                date=i18n.day(up_to["earliest_date"], lang)))
    wanted = lead.get("wanted_date")
    if wanted and date > wanted:
        out.append(t["machine_time_after_wanted"].format(date=i18n.day(wanted, lang)))
    return out


def _break(b: Mapping[str, Any], lang: str, t: Mapping[str, Any]) -> dict[str, Any]:
    """A row of the offer's break table: the price per product at that quantity, as the
    offer for that quantity names it (the request screened at that quantity; the parts'
    prices per piece, rounded to the cent, added up: ``per_product_offered_eur``, where
    the set's own price rounded read EUR 69.40 beside the offer's 69.41 at 300 sets), and
    its delivery in working days (the first delivery's where it comes in several; at
    least, where a run time is not known), "after the date you asked for" where it is.
    No price where we would not take the order at that quantity (its verdict no fit for
    more than the date: a date alone is priced and marked late, as the offer's own price
    is) or its price leaves a material or a run time out: "on request"."""
    lead = b.get("lead_time") or {}
    per_piece = b.get("per_product_offered_eur")
    if per_piece is None and b.get("per_piece_high_eur") is not None:
        per_piece = round(b["per_piece_high_eur"], 2)  # a report without the offer's price
    refused = b.get("verdict") == "no_fit" and not (
        lead.get("days") is not None and set(b.get("blockers") or ()) == {"LEAD-TIME"})
    offered = not refused and per_piece is not None and \
        not any(e["what"] in ("material", "run") for e in b.get("not_priced") or ())
    days = lead.get("days") if offered else None
    delivery = ""
    if days is not None:
        delivery = i18n.counted(t["break_days_at_least" if lead.get("lower_bound")
                                  else "break_days"], days, lang)
        if (lead.get("deliveries") or 1) > 1:
            delivery += " " + t["break_first_delivery"]
        if lead.get("meets_wanted_date") is False:
            delivery += " " + t["break_late"]
    total = b.get("amount_offered_eur")
    if total is None and offered:
        total = costing.times(per_piece, b["quantity"])
    once = b.get("one_off_offered_eur")
    return {"quantity": b["quantity"], "per_piece_eur": per_piece if offered else None,
            "total_eur": total if offered else None,
            # the one-off costs at that quantity: in its total, not in its price per piece
            "one_off_eur": once if offered and once else None,
            "days": days, "delivery": delivery,
            "on_request": t["break_on_request"] if not offered else ""}


def _choices_for(questionnaire: Any, question: Any, part: Mapping[str, Any] | None) -> tuple:
    """The choices a question offers the customer for ``part``: not those its other
    answers rule out, which validate refuses (no T6 for a part of 5754:
    :func:`producibility.intake.checks.impossible_choices`)."""
    if question is None:
        return ()
    if not part:
        return tuple(question.choices)
    from producibility.intake.checks import impossible_choices

    ruled_out = impossible_choices(questionnaire, question, part)
    return tuple(c for c in question.choices if c not in ruled_out)


def _documents(request: Mapping[str, Any], questionnaire: Any, lang: str,
               t: Mapping[str, str], catalogue: Any = None,
               machine_time: bool = False) -> tuple[list[str], list[str]]:
    """What we deliver with the parts because the customer asked for it: each certificate
    of ``certificates_required``, the EN 1090 execution class, traceability, a Cpk study
    and the extent of the inspection, as the customer answered them (an assumed answer is
    listed under the assumptions).  The offer is the document in which we confirm the
    customer's requirements (ISO 9001:2015 8.2.3): the EN 1090 frame's offer named no
    execution class, no 3.1 certificate and no traceability, all of which its quote
    priced, and a dispute about a missing certificate had no written basis.

    Returns (what we deliver, what the customer provides).  The second is empty but for
    an offer of ``machine_time`` only, where the customer's own staff make the parts on
    our machine: then we deliver only a document of the material we supply (the
    catalogue's ``of: material``: a 3.1 certificate), and every document of the parts
    (an inspection or first article report, traceability, a Cpk study, CE marking) or of
    the maker's quality system is the customer's, as the maker: the makerspace's offer
    listed a first article report of parts we never touch."""
    supplied = request.get("material_supplied_by_customer") is True
    ours, yours = [], []
    for c in request.get("certificates_required") or ():
        name = _label(questionnaire, "request", "certificates_required", c, lang)
        entry = catalogue.get("certifications", c) if catalogue is not None else None
        if not machine_time:
            # a certificate of the customer's own material is the customer's to send: we
            # pass it on (MAT-007 asks for it); the offer promised "materiaalcertificaat
            # 3.1, zoals u vroeg" beside "the certificates you send with it"; of our own
            # quality system (ISO 9001), a copy of the certificate: no document of the
            # parts ("ISO 9001-gecertificeerde leverancier" was listed as one)
            of = (entry or {}).get("of")
            ours.append(t["document_of_your_material"].format(document=name)
                        if supplied and of == "material" else
                        t["document_of_supplier"].format(standard=entry.get("standard") or name)
                        if of == "supplier" else name)
        elif (entry or {}).get("of") == "material" and not supplied:
            ours.append(t["document_of_our_material"].format(document=name))
        else:
            yours.append(name)
    made = yours if machine_time else ours  # the documents of the parts made
    if isinstance(request.get("execution_class"), str):
        made.append(t["document_execution_class"].format(
            execution_class=request["execution_class"].upper()))
    if request.get("traceability_required") is True:
        made.append(t["document_traceability"])
    if request.get("cpk_required") is True:
        made.append(t["document_cpk"])
    scope = request.get("inspection_scope")
    if isinstance(scope, str):
        made.append(t["document_inspection"].format(
            scope=_label(questionnaire, "request", "inspection_scope", scope, lang)))
    return list(dict.fromkeys(ours)), list(dict.fromkeys(yours))


def _derived(request: Mapping[str, Any], as_of: str, catalogue=None) -> Mapping[str, Any]:
    """The request with the derived facts a rule's customer words may read, as its
    message does (a part's ``pieces`` and ``max_dimension_mm``: "a 2 mm wall over ? mm
    warps" reached a customer; its ``material_family`` from the pack's ``catalogue``)."""
    if not isinstance(request.get("parts"), list):
        return request
    from producibility.engine.infer import derive
    try:
        return derive(dict(request, parts=[p for p in request["parts"]
                                           if isinstance(p, dict)]), as_of,
                      catalogue=catalogue)
    except (TypeError, ValueError, KeyError):
        return request  # answers the offer cannot read: their words as they were


def _refusals(data, pack, request, provider, lang, questionnaire) -> list[str]:
    """Why we cannot take the order as asked, in the customer's words: the blockers of the
    whole request (a rule's, not a part's machine or the date), each in its rule's
    customer wording, else its title.  A shop's own blocker rule without customer words
    is said by its title."""
    out = []
    choice_text = questionnaire.choice_text if questionnaire else None
    for finding in data["findings"]:
        if finding["kind"] != "blocker" or finding.get("part") is not None or \
                finding["rule"] == "LEAD-TIME":
            continue
        rule = pack.rule(finding["rule"]) if pack is not None and hasattr(pack, "rule") \
            else None
        if rule is None:
            continue  # the tool's own blockers are a part's or the date's
        context = {"request": request, "part": {}, "provider": provider, "machine": {},
                   "candidate": {}}
        text = _customer_text(rule, finding, context, lang, choice_text) or finding["title"]
        if text not in out:
            out.append(text)
    return out


def _planned(lead: Mapping[str, Any]) -> bool:
    """Whether the offer gives a delivery schedule: an order in several deliveries whose
    dates the lead time plans (``delivery_plan``), a lead time that is no lower bound."""
    plan = lead.get("delivery_plan") or ()
    return len(plan) > 1 and bool(plan[0].get("date")) and not lead.get("without_run") \
        and lead.get("days") is not None


def schedule(lead: Mapping[str, Any], lang: str, products: bool = False) -> list[dict]:
    """The offer's delivery schedule, one row a delivery of ``lead_time.delivery_plan``
    (what a buyer books): its number, its quantity (products where a product is more
    than one piece, ``products``; else pieces) and its date, the plan's; beside it, where
    it is the date asked for and we could deliver sooner, both ("as you asked; earlier
    is possible, from 09-12-2026"), where it is later than asked, that; a later delivery
    whose date the customer has not given (no call-off rhythm) is to agree, from its
    earliest date.  The offer read "on 09-12-2026 ... the others every 6 weeks after
    it, the last on 29-03-2027": the first date the earliest, the last counted from the
    wanted date, and no quantity; the plan delivers on 15-02 and 29-03.  Empty where the
    offer gives no schedule (one delivery, a lower bound)."""
    if not _planned(lead):
        return []
    t = i18n.texts("offer", lang)
    day = i18n.day
    rows = []
    moved = {m["delivery"]: m for m in lead.get("due_moved") or ()}
    for row in lead["delivery_plan"]:
        due, date, earliest = row.get("due_date"), row.get("date"), row.get("earliest_date")
        asked = moved.get(row["delivery"])  # asked on a day we are closed: due the day before
        agree = (due is None and row["delivery"] > 1) or not date  # (no date: beyond
        # what a date can say)
        if agree:
            note = t["schedule_from"].format(date=day(date or earliest, lang)) \
                if date or earliest else ""
        elif due and date and date > due:
            note = t["schedule_late"].format(date=day(asked["asked"] if asked else due, lang))
        elif asked:
            note = t["schedule_moved"].format(asked=day(asked["asked"], lang),
                                              why=asked["closed"])
            if earliest and earliest < date:
                note += t["schedule_also_earlier"].format(date=day(earliest, lang))
        elif due and earliest and earliest < date:
            note = t["schedule_earlier"].format(date=day(earliest, lang))
        elif due:
            note = t["schedule_as_asked"]
        else:
            note = ""
        quantity = row.get("quantity")
        rows.append({
            "delivery": row["delivery"], "quantity": quantity,
            "quantity_text": "" if quantity is None else i18n.counted(
                t["schedule_products" if products else "schedule_pieces"], quantity, lang),
            # the date we deliver on (None: to agree with the customer)
            "date": None if agree else date, "earliest_date": earliest, "due_date": due,
            "when": t["schedule_to_agree"] if agree else day(date, lang), "note": note})
    return rows


def subcontracted(lead: Mapping[str, Any], questionnaire: Any, lang: str,
                  parts: list[str] | None = None) -> list[str]:
    """The work, in the customer's words, that the lead time's chain gives a
    subcontractor's typical days for (an outside step with no partner of ours: the
    catalogue's lead time of the treatment or process), for the parts made here (of
    ``parts``, where given): the offer's dates are subject to that subcontractor's own
    lead time (the seed drill's 09-12-2026 rested on 5 days of galvanising and of
    anodising from the catalogue, for a subcontractor not yet found, and read firm)."""
    out = []
    for entry in lead.get("parts") or ():
        if entry.get("days") is None or (parts is not None and entry["part"] not in parts):
            continue
        for step in entry.get("steps") or ():
            if step.get("step") != "outside_work" or step.get("partner") or \
                    not step.get("process"):
                continue
            question = questionnaire.question("part", "surface_treatment") \
                if questionnaire is not None else None
            field = "surface_treatment" if question is not None and \
                step["process"] in question.choice_text else "processes"
            name = _label(questionnaire, "part", field, step["process"], lang)
            if name not in out:
                out.append(name)
    return out


def delivery(lead: Mapping[str, Any], ordered: datetime.date, lang: str,
             refused: bool | str | None = None,
             missing: list[str] | None = None, supplied: bool = False,
             planned: bool = True, calculating: list[str] | None = None,
             subcontracted: list[str] | None = None) -> list[str]:
    """The offer's delivery sentences, from the report's lead time: how many working days
    after the order, the date for an order on the offer's date, and whether that is in
    time for the date asked for (with overtime's date and extra where it is not; for
    the parts we make, where one cannot be made here).  ``refused``
    (:func:`~producibility.report.leadtime.date_refused`): ``"beyond"`` (or True), the
    date is missed by more than a date may move: we cannot take the order for it;
    ``"fixed"``, a fixed date (or a penalty clause) we miss even with overtime: we say
    we cannot make that date and ask whether ours will do.
    ``missing``: what a lead time that is only a lower bound (``without_run``) waits
    for, in words ("the size or weight of Bracket"); without it, the quantities.
    ``supplied``: the customer supplies the material, so the days count from its
    arrival (the offer promised a date 4 working days after the order for titanium the
    customer had still to send).  ``planned``: the offer shows the delivery schedule
    (:func:`schedule`) of an order in several deliveries: the days are the first
    delivery's, when it can be ready, and the deliveries are as the schedule says.
    ``calculating``: the parts whose machining time we work out ourselves (a lower
    bound until we have: not the customer's answers).  ``subcontracted``: the work, in
    the customer's words, whose days are a subcontractor's typical lead time (no partner
    of ours does it yet: :func:`subcontracted`): the dates are subject to it.  Nothing
    where no part can be made here (``lead_time.days`` null)."""
    day = i18n.day

    days, earliest = lead.get("days"), lead.get("earliest_date")
    t = i18n.texts("offer", lang)
    if refused is True:
        refused = "beyond"
    if days is None:
        return []
    if not earliest:  # beyond any date (more than ten years)
        return [t["delivery_refused"]] if refused else []
    # a part's run time unknown (no quantity yet): at least that many days, no promise
    # that the date asked for is met
    lower = bool(lead.get("without_run"))
    # no part's making known (their processes open): no days to name, not even "at
    # least 1 working day" (a delivery's day was all that was counted)
    routed = [p for p in lead.get("parts") or () if p.get("days") is not None and
              not p.get("unrouted")]
    # several deliveries in a schedule: these days are the first delivery's, when it can
    # be ready; the schedule says when each is delivered (the first on the date asked for
    # where that is later)
    planned = planned and _planned(lead)
    out = [i18n.counted(t["delivery_first_ready" if planned else "delivery_at_least"
                          if lower else "delivery_count"], days, lang,
                        date=day(earliest, lang), ordered=day(ordered.isoformat(), lang))] \
        if routed or not lead.get("parts") else []
    named = bool(out)  # the days are named (not where no part's making is known)
    first_moved = next((m for m in lead.get("due_moved") or () if m["delivery"] == 1), None)
    if first_moved:  # the date asked is a day we are closed: the working day before it
        out.insert(0, t["delivery_due_moved"].format(why=first_moved["closed"],
                                                     date=day(first_moved["due_date"], lang)))
    if out and supplied:
        out.append(t["delivery_supplied"])
    plan, later_late, deliveries = lead.get("delivery_plan") or (), None, []
    if planned:  # the later deliveries: at the customer's rhythm, or to agree (said
        # after whether the first is in time: "daarmee" is the first's date)
        from producibility.report.leadtime import every_weeks, late_delivery
        if lead.get("delivery_interval_weeks") is None or not plan[-1].get("due_date"):
            deliveries.append(t["delivery_schedule_open"].format(n=len(plan)))
        else:
            deliveries.append(t["delivery_schedule_rhythm"].format(
                n=len(plan), every=every_weeks(lead["delivery_interval_weeks"], lang)))
            later_late = late_delivery(lead)
    elif (lead.get("deliveries") or 1) > 1:  # the date is the first delivery's
        out.append(t["delivery_first"].format(n=lead["deliveries"]))
    if lower:
        # what the customer's answers settle, and what we work out ourselves (the
        # machining time: it read "once we know the cycle time of Slijtplaatje", which
        # no question asks)
        theirs = [] if list(missing or ()) == [t["open_quantity"]] else list(missing or ())
        if theirs:
            out.append(t["delivery_open_for"].format(missing=t["list_and"].join(
                [", ".join(theirs[:-1]), theirs[-1]] if len(theirs) > 1 else theirs)))
        if calculating:
            out.append(t["delivery_open_ours"].format(parts=", ".join(calculating)))
        if not theirs and not calculating:
            out.append(t["delivery_open"])
    up_to = lead.get("up_to")
    if named and up_to and up_to.get("earliest_date"):  # rules whose questions are open
        out.append(i18n.counted(t["delivery_up_to"], up_to["days"], lang,
                                date=day(up_to["earliest_date"], lang)))
    fast = None
    if up_to and lead.get("meets_wanted_date") is None and lead.get("wanted_date") and \
            not lower and named:
        out.append(t["delivery_in_time_depends"])
    if lead.get("meets_wanted_date") is True and not lower:
        out.append(t["delivery_in_time_made" if lead.get("not_made") else "delivery_in_time"])
    elif lead.get("meets_wanted_date") is False:
        fixed = refused == "fixed" and lead.get("wanted_date")
        out.append(t["delivery_fixed_missed"].format(date=day(lead["wanted_date"], lang))
                   if fixed else t["delivery_late"])
        fast = lead.get("expedited")
        if fast and fast.get("earliest_date"):
            out.append(t["delivery_overtime_late" if overtime_still_late(lead)
                         else "delivery_overtime"].format(
                date=day(fast["earliest_date"], lang),
                extra=i18n.money(fast.get("extra_high_eur", fast["extra_eur"]), lang)))
    if named and subcontracted:  # a subcontractor's days we have not agreed with one
        out.append(t["delivery_subcontracted"].format(work=t["list_and"].join(
            [", ".join(subcontracted[:-1]), subcontracted[-1]] if len(subcontracted) > 1
            else subcontracted)))
    out += deliveries
    if later_late is not None and later_late["earliest_date"]:  # after what the first's
        # date says: a later delivery we cannot make by its due date
        out.append(t["delivery_later_late"].format(
            k=later_late["delivery"], date=day(later_late["earliest_date"], lang),
            due=day(later_late["due_date"], lang)))
        later_fast = later_late.get("expedited")
        if later_fast and later_fast.get("earliest_date"):  # that delivery in overtime
            out.append(t["delivery_later_overtime_late" if later_fast["earliest_date"] >
                         later_late["due_date"] else "delivery_later_overtime"].format(
                k=later_late["delivery"], date=day(later_fast["earliest_date"], lang),
                extra=i18n.money(later_fast.get("extra_high_eur", later_fast.get(
                    "extra_eur", 0.0)), lang)))
    if refused == "beyond":
        out.append(t["delivery_refused"])
    if lead.get("closed"):  # why the date is later than the days suggest
        from producibility.report.leadtime import closed_spans
        out.append(t["delivery_closed"].format(days=closed_spans(
            lead["closed"], t["delivery_until"], lambda date: day(date, lang))))
    if refused == "fixed" and lead.get("meets_wanted_date") is False:
        # the date asked for cannot move and we miss it: ours, and whether it will do
        out.append(t["delivery_fixed_ask_either"] if fast and fast.get("earliest_date")
                   else t["delivery_fixed_ask"].format(date=day(earliest, lang)))
    return out

