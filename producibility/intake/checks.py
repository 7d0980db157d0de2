"""Checks across answers: what each answer fits but the answers together do not, and
what a request still leaves open.

Owns the cross-field checks (:func:`combination_problems`: a wanted date before the
request date (a note: the screening says what it means), more deliveries than products, a process without the sizes it needs, a
sheet thicker than the part, an aluminium that is not heat-treatable in a T temper, an item
listed twice), checking a request file the way the
loader does (:func:`validate_request`), and the required questions still unanswered
(:func:`unanswered`, :func:`describe_open`).  Section and question ids appear only in
:func:`combination_problems`, and each check skips itself when a questionnaire lacks the
fields it needs.  Messages come from the ``validate`` locale domain.
"""

from __future__ import annotations

import datetime
import functools

from producibility import i18n
from producibility.errors import InputError, InputErrors, Wording
from producibility.intake.answers import choice_label, show_number, texts
from producibility.model.relevance import asked
from producibility.model.request import read_request, read_request_file


class Problem:
    """An impossible combination: where (a path into the request) and what."""

    def __init__(self, where: list, message: str, fields: tuple, part: int = None,
                 missing: bool = False, note: bool = False) -> None:
        self.where = where
        self.message = message
        self.fields = fields  # the (scope, field) pairs involved, for warnings while asking
        self.part = part
        # a process needs a field that is not there (vs. a conflict)
        self.missing = missing
        # worth a word while answering, but no error: the screening says what it means
        # (a wanted date before the request date: the earliest date and LEAD-TIME)
        self.note = note


def process_needs(questionnaire) -> dict:
    """Processes (values of the part's "processes" question) that need more part
    fields: the ``needs`` of the catalogue the questionnaire's choices come from
    (one map per catalogue, shared: do not change it)."""
    from producibility.model.catalogue import default_catalogue

    return _needs_of(questionnaire.shop or default_catalogue())


@functools.lru_cache(maxsize=8)  # read for every request; a catalogue does not change
def _needs_of(shop):
    # the fit's own essentials less the material (a question of its own): the bounding
    # box too, which every process but turning checks, not only the catalogue's `needs`
    from producibility.engine.fit import essential_fields

    needs = {pid: fields for pid in shop.entries["processes"]
             if (fields := tuple(f for f in essential_fields(pid, shop) if f != "material"))}
    return _AliasMap(needs, shop)


class _AliasMap(dict):
    """Process needs, also found by a process's alias (a request says ``draaien``)."""

    def __init__(self, needs, shop):
        super().__init__(needs)
        self.shop = shop

    def __contains__(self, key):
        return dict.__contains__(self, key) or dict.__contains__(
            self, self.shop.resolve("processes", key))

    def __getitem__(self, key):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        return dict.__getitem__(self, self.shop.resolve("processes", key))


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _date(value):
    if isinstance(value, datetime.date):
        return value if not isinstance(value, datetime.datetime) else value.date()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _field_name(trail):
    out = ""
    for p in trail:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def combination_problems(questionnaire, request, lang: str = "en") -> list[Problem]:
    """Answers that each fit their question but not each other."""
    t = i18n.texts("validate", lang)
    has = questionnaire.question_keys
    problems = []
    if not isinstance(request, dict):
        return problems

    if {("request", "date"), ("request", "wanted_date")} <= has:
        asked_on, wanted = _date(request.get("date")), _date(request.get("wanted_date"))
        if asked_on and wanted and wanted < asked_on:
            problems.append(Problem(["wanted_date"], t["wanted_before_date"].format(
                wanted=wanted.isoformat(), date=asked_on.isoformat()),
                (("request", "wanted_date"), ("request", "date")), note=True))
    if {("request", "batches"), ("request", "quantity")} <= has:
        batches, quantity = request.get("batches"), request.get("quantity")
        if _is_number(batches) and _is_number(quantity) and batches > quantity:
            problems.append(Problem(["batches"], t["batches_over_quantity"].format(
                batches=batches, quantity=quantity),
                (("request", "batches"), ("request", "quantity"))))

    def duplicates(answers, questions, trail, part=None):
        for q in questions:
            value = answers.get(q.id)
            if not isinstance(value, list):
                continue
            seen = set()
            for j, item in enumerate(value):
                if isinstance(item, (str, int, float)) and item in seen:
                    problems.append(Problem(trail + [q.id, j], t["duplicate"].format(
                        field=_field_name(trail + [q.id]), item=item),
                        ((q.scope, q.id),), part))
                elif isinstance(item, (str, int, float)):
                    seen.add(item)

    lists = {scope: [q for q in questionnaire.of_type("multi_choice") if q.scope == scope]
             for scope in ("request", "part")}
    duplicates(request, lists["request"], [])
    parts = request.get("parts")
    if not isinstance(parts, list):
        return problems
    processes_q = questionnaire.question("part", "processes")
    needs = process_needs(questionnaire)
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            continue
        name = part.get("id") if isinstance(part.get("id"), str) else f"#{i + 1}"
        duplicates(part, lists["part"], ["parts", i], i)
        processes = part.get("processes")
        if processes_q is not None and isinstance(processes, list):
            lacking = {}  # the missing fields -> the processes that need them
            for process in dict.fromkeys(p for p in processes
                                         if isinstance(p, str) and p in needs):
                fields = tuple(f for f in needs[process]
                               if ("part", f) in has and part.get(f) is None)
                if fields:
                    lacking.setdefault(fields, []).append(choice_label(processes_q, process,
                                                                       lang))
            for fields, names in lacking.items():
                problems.append(Problem(
                    ["parts", i, "processes"], t["needs_fields"].format(
                        part=name, process=f" {t['and']} ".join(names),
                        fields=f" {t['and']} ".join(fields)),
                    tuple(("part", f) for f in ("processes",) + fields), i, missing=True))
        impossible = _impossible_temper(questionnaire, part, lang)
        if impossible is not None:
            problems.append(Problem(["parts", i, "temper"], t["temper_not_heat_treatable"].format(
                part=name, **impossible), (("part", "temper"), ("part", "material")), i))
        thickness, size = part.get("thickness_mm"), part.get("size_mm")
        if (_is_number(thickness) and isinstance(size, list) and len(size) == 3
                and all(_is_number(v) for v in size) and thickness > min(size)):
            problems.append(Problem(["parts", i, "thickness_mm"], t["thickness_over_size"].format(
                part=name, thickness=show_number(thickness, lang),
                smallest=show_number(min(size), lang)),
                (("part", "thickness_mm"), ("part", "size_mm")), i))
    return problems


def _impossible_temper(questionnaire, part, lang):
    """The words for a T temper asked of an alloy the catalogue says is not heat-treatable
    (``heat_treatable: false``: 5083 T6), else None (see :func:`impossible_choices`)."""
    temper = part.get("temper")
    question = questionnaire.question("part", "temper")
    if question is None or not isinstance(temper, str) or \
            temper not in impossible_choices(questionnaire, question, part):
        return None
    shop = _shop(questionnaire)
    found = shop.resolve("materials", part.get("material"))
    return {"material": shop.name("materials", found, lang), "temper": temper.upper()}


def _shop(questionnaire):
    from producibility.model.catalogue import default_catalogue

    return questionnaire.shop or default_catalogue()


def impossible_choices(questionnaire, question, part) -> tuple:
    """The choices of a part's ``question`` its other answers rule out, which ``validate``
    refuses and ``ask`` does not offer: the T tempers of an alloy the catalogue says is
    not heat-treatable (``heat_treatable: false``: 5754 and 5083, a shop's own 5052).
    EN 515's T (thermally treated) designations are made by solution heat treatment and
    ageing, which only the heat-treatable alloys take; the T tempers are the temper
    question's choices written with that letter (t4, t6, t651).  () for every other
    question, and where the material is open or not in the catalogue."""
    if question.scope != "part" or question.id != "temper" or not isinstance(part, dict) \
            or part.get("material") is None:
        return ()
    facts = _shop(questionnaire).material_facts(part["material"])
    if facts.get("material_heat_treatable") is not False:
        return ()
    return tuple(c for c in question.choices if str(c).lower().startswith("t"))


def validate_request(path, questionnaire, lang: str = "en"):
    """Check a request file: (problems as InputErrors sorted by line, request or None).

    Exactly the loader's checks, so ``validate`` and ``check`` refuse the same
    requests: answers read by the one parser, the schema (types, ranges, unknown
    fields with did-you-mean) and impossible combinations, each with ``file:line``.
    """
    path = str(path)
    try:
        document = read_request_file(path)[0]
    except InputError as exc:
        return (exc.errors if isinstance(exc, InputErrors) else [exc]), None
    if not isinstance(document, dict):
        return [InputError.said(Wording("inputs", "request_shape"),
                                path, getattr(document, "line", 1))], None
    errors = []
    try:  # the loader reads the answers, checks the schema and the combinations
        read_request(document, questionnaire, path=path, lang=lang)
    except InputErrors as exc:
        errors.extend(exc.errors)
    except InputError as exc:
        errors.append(exc)
    errors.sort(key=lambda e: (e.line or 0, e.message))
    return errors, document


def unanswered(questionnaire, request) -> list:
    """Required, asked questions without an answer: [(question or None, part index)].

    ``(None, None)`` stands for "no part described yet" when the request has none.  An
    explicit none (``[]``) answers a question, as in ``check``.
    """
    out = []
    for q in questionnaire.questions_in("request"):
        if q.required and asked(q, request) and request.get(q.id) is None:
            out.append((q, None))
    parts = request.get("parts")
    parts = [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []
    if not parts and questionnaire.questions_in("part"):
        out.append((None, None))
    for i, part in enumerate(parts):
        for q in questionnaire.questions_in("part"):
            if q.required and asked(q, request, part) and part.get(q.id) is None:
                out.append((q, i))
    return out


def describe_open(questionnaire, request, item, lang: str) -> str:
    """One line for an unanswered question: where, what, and its field id."""
    t = texts(lang)
    question, index = item
    if question is None:
        return f"{t['part_scope'].format(id='?')}: {t['no_parts']}"
    if index is None:
        return f"{t['request_scope']}: {question.label(lang)} ({question.id})"
    part = request["parts"][index]
    name = part.get("id") or f"#{index + 1}"
    return f"{t['part_scope'].format(id=name)}: {question.label(lang)} ({question.id})"
