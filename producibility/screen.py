"""The library's front door: a Screener screens requests against one provider.

    from producibility import Screener
    screener = Screener("equipment.yaml")          # compiles the engine once
    report = screener.check("request.yaml", lang="nl")
    report.verdict, report.to_json()

The pipeline behind :meth:`Screener.check`: load and check the request, fill the
questionnaire's assumptions and ISO fits, infer (engine/infer.py), conclude
(report/conclude.py), then probe what the open questions could change
(report/probing.py).
"""

from __future__ import annotations

import datetime
import functools
import json
import threading

import os
from typing import Any, Iterable

from producibility import clock, i18n
from producibility.version import __version__
from producibility.report.conclude import conclude
from producibility.errors import ArgumentError, InputError, InputErrors, Wording
from producibility.conditions.analysis import unknown_fields
from producibility.engine.infer import Inference, fact_fields
from producibility.model.iso286 import apply_fits
from producibility.model.stock import chosen_bars
from producibility.model.equipment import Equipment, load_equipment
from producibility.model.pack import RulePack, gc_paused, load_packs
from producibility.model.request import READ_AS, WRITTEN, read_request, request_copy
from producibility.inputs.digests import digest
from producibility.model.questionnaire import Questionnaire, load_questionnaire
from producibility.report.finding import Finding, words
from producibility.report import leadtime
from producibility.report.leadtime import moot
from producibility.report.mrl import rests_on
from producibility.report.probing import Limits, probe_assumptions, rank, screens_allowed


class Report:
    """The outcome of one screening; ``to_dict()`` is the stable JSON contract
    (``schemas/report.schema.json``): verdict and its reasons, effort, MRL, findings,
    assignments, quote, lead time, open questions, assumptions and inputs.

    ``questionnaire`` and ``pack``: those of the Screener that made it, for rendering
    (the names of choices, the risk matrix, the rules' wording for the customer);
    ``request``: the request's answers as given (no assumptions filled in), for the
    offer (part names, quantities, the customer); ``provider``: the shop's facts as the
    rules read them (certifications, ``execution_class`` ...), for a rule's customer
    wording in the offer ("our EN 1090 certificate covers up to EXC2")."""

    def __init__(self, data: dict[str, Any], questionnaire=None, pack=None,
                 request: dict[str, Any] | None = None,
                 provider: dict[str, Any] | None = None) -> None:
        self._data = data
        self.questionnaire = questionnaire
        self.pack = pack
        self.request = request
        self.provider = provider

    @property
    def verdict(self) -> str:
        """``fit``, ``fit_with_effort``, ``conditional`` or ``no_fit``."""
        return self._data["verdict"]

    @property
    def findings(self) -> list[dict[str, Any]]:
        """The findings, blockers first (each as ``Finding.to_dict`` writes it): a copy,
        so that sorting or changing it leaves the report as it was."""
        return json.loads(json.dumps(self._data["findings"], ensure_ascii=False))

    def to_dict(self) -> dict[str, Any]:
        """A deep copy of the report as plain JSON data (the keys in sorted order).
        Without an indent, ``json`` uses its C encoder: 6x faster than to_json's."""
        return json.loads(json.dumps(self._data, sort_keys=True, ensure_ascii=False))

    def for_serialising(self) -> dict[str, Any]:
        """The report's data itself, not a copy: for a caller that only writes it out
        (``batch`` dumps it with sorted keys, giving the same text as ``to_dict``'s).
        Do not change it."""
        return self._data

    def to_json(self) -> str:
        """Deterministic JSON text: sorted keys, two-space indent, newline at the end."""
        return json.dumps(self._data, sort_keys=True, indent=2, ensure_ascii=False,
                          allow_nan=False) + "\n"


class Screener:
    """Screens many requests against one equipment catalogue and one pack set.

    The engine is compiled once here; :meth:`check` resets and reuses it, so a
    Screener is cheap per request.  One engine screens one request at a time:
    calls from several threads take turns (a lock); for parallel screening use
    one Screener per thread or process.
    """

    def __init__(self, equipment: Equipment | str | dict,
                 packs: RulePack | list | tuple | None = None,
                 questionnaire: Questionnaire | None = None) -> None:
        """``equipment``: a loaded equipment catalogue, or its file path or document.
        ``packs``: a loaded rule pack set, or a list of pack paths (None: the default
        pack).  ``questionnaire``: the questions and their labels (None: the shipped
        one).  Bad input raises :class:`InputError`."""
        _check_arguments(equipment, packs, questionnaire)
        self.equipment = equipment if not isinstance(equipment, (str, dict, os.PathLike)) \
            else load_equipment(equipment)
        self.pack = packs if packs is not None and not isinstance(packs, (list, tuple)) \
            else load_packs(packs)
        catalogue = self.pack.catalogue
        # names and limits checked against the merged catalogue: a provider's own
        # process or material is known to the equipment file and the request alike
        self.equipment = self.equipment.checked(catalogue)
        self.questionnaire = (questionnaire or load_questionnaire()).with_catalogue(catalogue)
        _check_fields(self.pack, self.questionnaire)
        self.inference = Inference(self.pack, self.equipment)
        self._lock = threading.Lock()
        self._unsupported = _unsupported_choice(
            self.equipment,
            lambda field: self.questionnaire.question("part", field).choices
            if self.questionnaire.question("part", field) else ())
        self._applicable = _applicable_choice(catalogue, self.questionnaire)

    @functools.cached_property
    def decisive_fields(self) -> frozenset:
        """(scope, field) pairs that a blocking or questioning rule reads, directly or
        through the flags it requires."""
        rules = [r for r in self.pack.rules if r.then.get("blocker") or r.then.get("question")]
        flags = set()
        while True:
            flags |= {f for r in rules for f in r.requires}
            more = [r for r in self.pack.rules if r.then.get("flag") in flags and r not in rules]
            if not more:
                break
            rules += more
        return frozenset(f for r in rules
                         for f in (r.when.fields if r.when is not None else ()))

    @functools.cached_property
    def thresholds(self) -> Limits:
        """The constants rules and the fit's machine limits compare each field with
        (``get`` and ``[]`` by (scope, field)): only needed to probe answers."""
        return Limits(self.pack, self.pack.catalogue, self.equipment)

    def check(self, request: dict | str | os.PathLike, lang: str = "en",
              as_of: str | datetime.date | None = None, source_name: str | None = None,
              probe: bool = True, assume: bool = True,
              quantities: Iterable[int] | None = None) -> Report:
        """Screen one request (a dict of answers, or a path to a request file).

        ``lang``: the language of the report's texts (``i18n.LANGS``).  ``as_of``: the
        date the request is judged on (ISO text or a date; None: the request's date,
        else today).  ``source_name``: the file name the report names for a dict.
        ``probe``: try what answers to the open questions would change.  ``assume``:
        fill the questions the customer left open with the questionnaire's
        ``assume:`` answers (listed in the report's ``assumed``); ``False`` screens
        strictly, every open question as unknown.  ``quantities``: the quantities
        to price as quantity breaks (``report.quote.breaks``): whole numbers, or a
        text as ``--quantities`` takes it (``"10, 50, 200"``), checked as that option
        is.  Bad input raises :class:`InputError`, whatever is wrong with it (an
        argument of the wrong type an :class:`~producibility.errors.ArgumentError`,
        which is a ``TypeError`` too)."""
        if not isinstance(lang, str) or lang not in i18n.LANGS:
            # an InputError like any bad input, not a ValueError
            raise InputError.said(Wording("inputs", "unknown_lang", lang=repr(lang),
                                          langs=", ".join(i18n.LANGS)), "lang")
        if isinstance(request, os.PathLike):
            request = os.fspath(request)
        if not isinstance(request, (dict, str)):
            raise _argument("arg_request", request)
        if isinstance(source_name, os.PathLike):
            source_name = os.fspath(source_name)
        if source_name is not None and not isinstance(source_name, str):
            raise _argument("arg_text", source_name, name="source_name")
        for name, flag in (("probe", probe), ("assume", assume)):
            if not isinstance(flag, bool):
                raise _argument("arg_bool", flag, name=name, value=repr(flag)[:40])
        as_of = parse_as_of(as_of)
        quantities = _quantities(quantities)
        if isinstance(request, dict):
            # a copy of plain JSON data (numbers and their size are checked by
            # load_request): bytes, a set or any other object is refused, never its repr
            request = request_copy(request, source_name or "<request>")
        # The cyclic garbage collector waits meanwhile: a check makes thousands of
        # short-lived objects that reference counting frees; it would only rescan them
        # (6 % of a batch request).
        with self._lock, gc_paused():
            return self._check(request, lang, as_of, source_name, probe, assume, quantities)

    def _check(self, request, lang, as_of, source_name, probe, assume=True, quantities=None):
        name = source_name or (str(request) if not isinstance(request, dict) else None)
        request = read_request(request, self.questionnaire,
                               path=source_name if isinstance(request, dict) else None,
                               lang=lang)
        given = request
        # the days since the request's own date where the dates count from it (not
        # where --as-of gives the day: that is "today" for the run)
        days_ago = None if as_of else leadtime.dated_days_ago(request.get("date"),
                                                             clock.today())
        as_of = as_of or request.get("date") or clock.today().isoformat()
        assumed = []
        if assume:
            request, assumed = apply_assumptions(request, self.questionnaire)
        request, fits = apply_fits(request)
        engine = self.inference.run(request, as_of)
        inputs = {
            "tool": {"name": "producibility", "version": __version__},
            "request": {"id": request.get("id"),
                        "digest": digest({k: v for k, v in request.items() if k != WRITTEN}),
                        "file": _basename(name)},
            "equipment": {"provider": self.equipment.provider.get("name"),
                          "machines": len(self.equipment.machines),
                          "digest": self.equipment.digest},
            "packs": [{"id": p["id"], "version": p["version"], "digest": p["digest"]}
                      for p in self.pack.packs],
            "questionnaire": {"id": self.questionnaire.id,
                              "version": self.questionnaire.version},
            "as_of": as_of, "dated_days_ago": days_ago, "lang": lang,
            "assumptions": bool(assume), "probe": bool(probe),
        }
        if quantities is None and request.get("quantity_breaks") is not None:
            from producibility.intake.answers import parse_quantities

            quantities = parse_quantities(request["quantity_breaks"])  # checked on load
        data = conclude(engine, self.pack, self.equipment, self.questionnaire, lang, inputs)
        # the stock facts the rules read (MAT-016's kilograms) assumed the smallest bar any
        # machine feeds; where the chosen machine makes a part from another stock (a
        # chucked lathe's sawn blank), the engine again with the chosen machines' stock,
        # so that the rules' kilograms are the quote's (once: rare, and only then)
        bars = chosen_bars(data["assignments"], engine.parts, tuple(engine.machines.values()),
                           self.pack.catalogue)
        if bars:
            engine = self.inference.run(request, as_of, bars)
            data = conclude(engine, self.pack, self.equipment, self.questionnaire, lang,
                            inputs)
        if quantities and not moot(data, None):
            # nothing made, nothing priced at any quantity (it read EUR 0.00 a piece)
            data["quote"]["breaks"] = self._breaks(request, as_of, lang, inputs, quantities,
                                                   data)
        data["findings"] += [iso_fit_finding(c, lang).to_dict() for c in fits]
        data["assumed"] = [dict(a, text=self.questionnaire.question(
            a["scope"], a["field"]).assumption(lang), what_if=[], can_change_verdict=None)
            for a in _not_moot(assumed, data)]
        rests_on(data["mrl"]["threads"], self.pack.settings.get("mrl") or {},
                 [f"{a['scope']}.{a['field']}" for a in data["assumed"]])

        screens = []

        def screen(changed):
            screens.append(1)
            return conclude(self.inference.run(changed, as_of), self.pack, self.equipment,
                            self.questionnaire, lang, inputs, brief=True)
        allowed = screens_allowed(len(engine.fits) + len(engine.rejections), len(engine.parts))
        if data["open_questions"] and probe:
            rank(data["open_questions"], request, data, screen, self.questionnaire,
                 self.thresholds, as_of, self._unsupported, allowed,
                 self._applicable)
        else:
            for entry in data["open_questions"]:
                entry.update(what_if=[], can_change_verdict=None)  # not probed: not known
        if data["assumed"] and probe:  # what the open questions left of the same budget
            probe_assumptions(data["assumed"], request, data, screen, self.questionnaire,
                              self.thresholds, allowed - len(screens), self.decisive_fields,
                              self._applicable)
        data["assumed"] += _read_as(request, self.pack.catalogue, lang)
        return Report(data, self.questionnaire, self.pack, given, self.equipment.provider)

    def _breaks(self, request, as_of, lang, inputs, quantities, data):
        """The quantity breaks: the request screened again at each quantity, as a
        what-if probe screens a changed answer (the engine, then the conclusions without
        their texts, priced): its rules, material, contingency and lead time are its own.
        The requested quantity is the report itself."""
        from producibility.report.costing import at_quantity, quantity_break

        # each part's pieces in one product: a break's price per product as the offer
        # names it (the parts' prices per piece, to the cent, added up)
        per_product = {str(part.get("id")): part.get("quantity") or 1
                       for part in request.get("parts") or () if isinstance(part, dict)}
        out = []
        for quantity in sorted(set(quantities)):
            asked = at_quantity(request, quantity)
            if asked.get("quantity") == request.get("quantity") and \
                    asked.get("batches") == request.get("batches"):
                screened = data
            else:
                screened = conclude(self.inference.run(asked, as_of), self.pack,
                                    self.equipment, self.questionnaire, lang, inputs,
                                    brief=True, priced=True)
            out.append(quantity_break(quantity, screened, per_product))
        return out


def _read_as(request: dict, catalogue: Any, lang: str) -> list[dict]:
    """The names of a neighbouring grade the request gave, read as a catalogue entry
    (``request._read_as``: '316' read as 316L (1.4404)), as assumptions to confirm: a
    drawing that says 316 got an offer, and a 3.1 order, for 316L without a word.  Not
    probed: the customer's answer is given, only our reading of it is to confirm."""
    out = []
    for entry in request.get(READ_AS, ()):
        name = catalogue.name(entry["kind"], entry["as"], lang) \
            if catalogue is not None else entry["as"]
        out.append({"scope": entry["scope"], "field": entry["field"],
                    "parts": [entry["part"]] if entry["part"] else [], "value": entry["as"],
                    "text": i18n.text("inputs", "read_as", lang).format(
                        given=entry["given"], name=name),
                    "what_if": [], "can_change_verdict": None})
    return out


def _argument(key: str, given: Any, **fields: Any) -> ArgumentError:
    """The error of an API argument of the wrong type (its type named, not its value's
    repr: that may be anything, and large)."""
    return ArgumentError.said(Wording("inputs", key, kind=type(given).__name__, **fields))


def _check_arguments(equipment, packs, questionnaire) -> None:
    """The Screener's arguments, checked at the door: ``packs="rules/"`` (a path, not
    a list of them) would fail deep inside as "'str' object has no attribute
    'catalogue'"."""
    if not isinstance(equipment, (Equipment, str, dict, os.PathLike)):
        raise _argument("arg_equipment", equipment)
    if isinstance(packs, (str, os.PathLike)):
        raise _argument("arg_packs_path", packs, path=repr(os.fspath(packs))[:80])
    if isinstance(packs, (list, tuple)):
        for item in packs:
            if not isinstance(item, (str, os.PathLike)):
                raise _argument("arg_pack_item", item)
    elif packs is not None and not isinstance(packs, RulePack):
        raise _argument("arg_packs", packs)
    if questionnaire is not None and not isinstance(questionnaire, Questionnaire):
        raise _argument("arg_questionnaire", questionnaire)


def _not_moot(assumed: list[dict], data: dict) -> list[dict]:
    """The assumptions that still matter: not for a part that cannot be made here, none
    when nothing of the request can be (what the rules find for them is not reported
    but where it blocks: ``Placement.moot``), so an offer that declines lists no
    assumptions to confirm."""
    if not data["lead_time"]["not_made"]:
        return assumed
    if moot(data, None):
        return []
    kept = []
    for entry in assumed:
        if entry["scope"] == "part":
            parts = [p for p in entry["parts"] if not moot(data, p)]
            if not parts:
                continue
            entry = dict(entry, parts=parts)
        kept.append(entry)
    return kept


def _check_fields(pack: RulePack, questionnaire: Questionnaire) -> None:
    """Every field a rule's condition reads is one the facts can have (E131, the check
    ``rules lint`` makes too): a typo would leave the rule unknown on every request and
    ask the customer a question the questionnaire does not have."""
    fields = fact_fields(questionnaire)
    if not any(unknown_fields(rule.when.fields, fields) for rule in pack.rules
               if rule.when is not None) and \
            not any(unknown_fields(named, fields) for *_, named in pack.evidence_reads()):
        return  # (the checks' wording loads only for a pack that reads a typo)
    from producibility.model.pack_checks import (evidence_field_problems,
                                                 unknown_field_problems, when_position)
    problems = []
    for rule in pack.rules:
        if rule.when is None or not unknown_fields(rule.when.fields, fields):
            continue
        where = when_position(rule.path, rule.id, rule.line) if rule.path else (rule.line, 1)
        problems += unknown_field_problems(rule.id, rule.when, fields, rule.path, where)
    problems += evidence_field_problems(pack, fields)
    raise InputErrors([p.error() for p in problems])


def parse_as_of(value: str | datetime.date | None) -> str | None:
    """The --as-of date as ISO text, or None; anything else is an InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, (str, datetime.date)):
        raise _argument("arg_as_of", value)
    if not isinstance(value, datetime.date):
        try:
            value = datetime.date.fromisoformat(str(value))
        except ValueError:
            raise InputError.said(Wording("inputs", "as_of_not_date",
                                          text=str(value)[:40])) from None
    from producibility.model.calendar import LAST_DATE

    if value > LAST_DATE:  # the lead time could not be counted from it
        raise InputError.said(Wording("inputs", "as_of_beyond_horizon", text=value.isoformat(),
                                      last=LAST_DATE.isoformat()))
    return value.isoformat()


def _quantities(value) -> tuple[int, ...] | None:
    """The ``quantities`` argument checked as ``--quantities`` is (an InputError)."""
    from producibility.intake.answers import quantities_given, quantity_advice

    try:
        return quantities_given(value)
    except ValueError as exc:
        kind = str(exc)
        raise InputError.said(Wording("inputs", "advice", advice={
            lang: quantity_advice(kind, lang) for lang in i18n.LANGS}), "quantities") \
            from None


def iso_fit_finding(conversion: dict, lang: str) -> Finding:
    """The ISO-286 info finding that says how an ISO fit became the part's tolerance."""
    c = conversion
    text = words("iso_fit", lang)
    message = text["message"].format(
        part=c["part"], size=i18n.number(c["size_mm"], lang, grouping=False), fit=c["fit"],
        zone=c["zone_um"], tolerance=i18n.number(c["tolerance_mm"], lang, grouping=False))
    if c["given_mm"] is not None and c["given_mm"] < c["tolerance_mm"]:
        message += text["tighter"]
    return Finding.check(
        "ISO-286", "info", "process_capability", text["title"], message + ".",
        text["mitigation"], text["source"],
        text["condition"],
        {"part.iso_fit": c["fit"], "part.fit_size_mm": c["size_mm"],
         "zone_um": c["zone_um"], "part.tolerance_mm": c["used_mm"]}, part=c["part"])


def apply_assumptions(request: dict, questionnaire: Questionnaire) -> tuple[dict, list[dict]]:
    """The request with every open question that carries an ``assume:`` filled in.

    Only questions that certainly apply are filled (no ``ask_if``, or one that is true:
    :func:`producibility.model.relevance.applies`; one whose ``ask_if`` reads an open
    answer stays open), and not where the answers given contradict the assumption (its
    ``unless`` is true: an implant was assumed "not safety-critical"); a question another
    assumption makes apply is filled too (request questions first, in questionnaire
    order).  Returns (request, [{scope,
    parts, field, value}]), a part question once with the ids of the parts it was
    assumed for.
    """
    from producibility.model.relevance import applies, contradicted

    filled = dict(request)
    filled["parts"] = [dict(p) for p in request.get("parts") or []]
    assumed = []
    for q in questionnaire.questions:
        if q.assume is None:
            continue
        if q.scope == "request":
            if q.id not in filled and applies(q, filled, None) and \
                    not contradicted(q, filled, None):
                filled[q.id] = q.assume["value"]
                assumed.append({"scope": "request", "parts": [], "field": q.id,
                                "value": q.assume["value"]})
            continue
        parts = []
        for part in filled["parts"]:
            if q.id not in part and applies(q, filled, part) and \
                    not contradicted(q, filled, part):
                part[q.id] = q.assume["value"]
                parts.append(str(part["id"]))
        if parts:
            assumed.append({"scope": "part", "parts": parts, "field": q.id,
                            "value": q.assume["value"]})
    return filled, assumed


def _applicable_choice(catalogue, questionnaire=None):
    def applicable(parts, field, value):
        """Whether a what-if answer can be meant for these parts: a surface treatment
        the catalogue gives for each one's material family (not anodising for a
        stainless part: FIT-TREATMENT would ask about it, which says nothing of the
        assumption probed); a weight no heavier than the part's envelope solid in its
        material (a 150 x 100 x 45 mm PA12 housing was probed at 23 kg for FAC-004); a
        choice the part's other answers do not rule out (no T6 for a 5754: validate
        refuses it, intake.checks.impossible_choices)."""
        question = questionnaire.question("part", field) if questionnaire else None
        if question is not None and question.type == "choice":
            from producibility.intake.checks import impossible_choices
            if any(value in impossible_choices(questionnaire, question, part)
                   for part in parts):
                return False
        if not catalogue:
            return True
        if field == "weight_kg":
            return all(value <= heaviest for heaviest in map(_solid_kg, parts,
                                                             [catalogue] * len(parts))
                       if heaviest is not None)
        if field != "surface_treatment":
            return True
        return not any(catalogue.wrong_treatment(treatment, part.get("material"))
                       for part in parts for treatment in value or ())
    return applicable


def _solid_kg(part, catalogue):
    """The weight of a part's envelope solid in its material, or None (no size or no
    known density): no finished part weighs more."""
    from producibility.model.stock import envelope_cm3

    material = catalogue.get("materials", part.get("material")) if part.get("material") \
        else None
    density = (material or {}).get("density_kg_m3")
    envelope = envelope_cm3(part) if density else None
    return None if envelope is None else envelope / 1e6 * density


def _unsupported_choice(equipment, question_choices):
    def unsupported(part, field):
        """One choice of a part field that no machine for the part's processes accepts."""
        if field != "material":
            return []
        processes = part.get("processes") or []
        runs = {m for machine in equipment.machines if set(machine["processes"]) & set(processes)
                for m in machine["materials"]}
        return [c for c in question_choices(field) if c not in runs][:1]
    return unsupported


def _basename(name):
    if not name:
        return None
    from pathlib import PurePath
    return PurePath(name).name
