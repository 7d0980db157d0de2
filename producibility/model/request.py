"""A request: the customer's answers read from a file or a dict, parsed by the
questionnaire's answer parser, checked against the request schema the questionnaire
generates and against the combinations no single answer shows.  Every problem is one
``file:line`` error; the engine can then trust the request's facts.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import Any

from producibility.errors import InputError, InputErrors, Wording
from producibility.inputs import cache, yamlio
from producibility.inputs import schema as schemas
from producibility.model.calendar import LAST_DATE
from producibility import i18n
from producibility.model.questionnaire import MAX_PARTS, load_questionnaire


_SCALARS = frozenset({str, int, float, bool, type(None)})  # nothing in them to change


def _plain(value):
    """Dates to ISO text, in place; the loader's line-aware containers stay as they are."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        for key, item in value.items():
            if type(item) not in _SCALARS:
                value[key] = _plain(item)  # a value replaced, no key added: iteration holds
        return value
    if isinstance(value, list):
        for i, item in enumerate(value):
            if type(item) not in _SCALARS:
                value[i] = _plain(item)
        return value
    return value


def _json_safe_check(value, path, where="request"):
    """Reject NaN, inf and huge numbers that came in as Python data (YAML's and JSON's
    are refused by their readers); iterative, so deep nesting is no RecursionError."""
    stack = [(value, where, 1)]
    while stack:
        node, at, depth = stack.pop()
        if depth > yamlio.MAX_DEPTH:
            raise InputError.said(Wording("inputs", "nested_too_deep",
                                          depth=yamlio.MAX_DEPTH), path)
        problem = yamlio.number_problem(node)
        if problem:
            raise InputError.said(Wording("inputs", "value_problem", problem=problem,
                                          where=at or Wording("inputs", "a_value")), path)
        if isinstance(node, dict):
            stack.extend((v, f"{at}.{k}" if at else str(k), depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{at}[{i}]", depth + 1) for i, v in enumerate(node))


def read_request_file(path) -> tuple[Any, bytes]:
    """A request file's document and bytes.  A YAML request is written by a person, so
    a number in a form YAML 1.1 reads otherwise than a person means (``2.000``, ``010``,
    ``1:30``) is kept as the text and read as a quoted answer is (yamlparse.AS_WRITTEN);
    a ``.json`` request is a program's, read as JSON (``json.dumps``'s ``\\ud83d\\ude00``
    is no YAML), with the limits of a JSON Lines request."""
    as_json = Path(path).suffix.lower() == ".json"
    return yamlio.load_with_bytes(path, as_written=not as_json, as_json=as_json)


def load_request(source: str | Path | dict, questionnaire: Any = None,
                 path: str | None = None, lang: str = "en") -> dict:
    """A request from a YAML/JSON file path or from a dict (the API's way).

    Returns a plain dict, validated against the request schema that the
    questionnaire generates, with dates as ISO text and answers read (``"ja"`` is
    true, a material's alias its id).  A dict given is not changed: what is returned
    is a copy, of plain JSON data (a value of any other kind, bytes or a set, is an
    InputError that names its field).
    """
    if isinstance(source, dict):
        source = request_copy(source, path or "<request>")
    return read_request(source, questionnaire, path, lang)


def request_copy(source: dict, path: str = "<request>") -> dict:
    """A copy of a request's dict to read in place: one the YAML reader made keeps its
    lines, any other becomes plain JSON data (:func:`json_data`)."""
    if isinstance(source, yamlio.Mapping):
        try:
            return yamlio.copy_with_lines(source)
        except (TypeError, ValueError):
            pass  # not only what the reader makes: copied as plain data
    return json_data(source, path)


def json_data(value: Any, path: str = "<request>") -> Any:
    """A copy of ``value`` as plain JSON data: dicts with text keys, lists (a tuple
    becomes one), text, numbers, true/false and None; a date becomes its ISO text.
    Anything else (bytes, a set, an object) is an InputError that names the field
    (``customer: bytes is not text, ...``), never its ``repr``.  A structure nested
    deeper than the inputs' limit (or a cycle) is one too."""
    import decimal
    import numbers

    MAX_DEPTH = yamlio.MAX_DEPTH
    def kind_error(where, item):
        return InputError.said(Wording("inputs", "not_json_value", where=where or Wording(
            "inputs", "a_value"), kind=type(item).__name__), path)

    def scalar(item, where):
        if item is None or isinstance(item, (bool, str, int, float)):
            kind = type(item)
            if kind in (str, int, float, bool) or item is None:
                return item
            for plain in (bool, str, int, float):  # a subclass (an enum, a Said)
                if isinstance(item, plain):
                    return str.__str__(item) if plain is str else plain(item)
        if isinstance(item, datetime.datetime):
            return item.date().isoformat()
        if isinstance(item, datetime.date):
            return item.isoformat()
        if isinstance(item, numbers.Integral):  # numpy's int64
            return int(item)
        if isinstance(item, decimal.Decimal) and item.is_finite():
            return int(item) if item == item.to_integral_value() else float(item)
        raise kind_error(where, item)

    top = {} if isinstance(value, dict) else []
    stack = [(value, top, "", 1)]
    while stack:
        node, copy, at, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError.said(Wording("inputs", "nested_too_deep", depth=MAX_DEPTH), path)
        if isinstance(node, dict):
            items = []
            for key, item in node.items():
                if isinstance(key, bool) or not isinstance(key, (str, int)):
                    problem = Wording("inputs", "key_not_plain")
                    raise InputError.said(Wording("inputs", "value_problem", where=f"{at}:",
                                                  problem=problem) if at else problem, path)
                key = str(key)
                items.append((key, item, f"{at}.{key}" if at else key))
        else:
            items = [(i, item, f"{at}[{i}]") for i, item in enumerate(node)]
        for key, item, where in items:
            if isinstance(item, (dict, list, tuple)):
                inner = {} if isinstance(item, dict) else []
                stack.append((item, inner, where, depth + 1))
            else:
                inner = scalar(item, where)
            if isinstance(copy, dict):
                copy[key] = inner
            else:
                copy.append(inner)
    return top



def read_request(source: str | Path | dict, questionnaire: Any = None,
                 path: str | None = None, lang: str = "en") -> dict:
    """:func:`load_request` on a dict of the caller's own, read in place (answers
    read, aliases resolved, ``_unlisted`` added): for a caller that made the dict
    (``validate`` reads the file, the Screener copies the API's dict first)."""
    questionnaire = questionnaire or load_questionnaire()
    seen = None  # a file's validation record: (key, its bytes passed every check before)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        document, data = read_request_file(source)
        key = cache.validation_key(data, questionnaire.request_schema)
        seen = key, cache.seen_valid(key)
    elif isinstance(source, dict):
        document = source
        path = path or "<request>"
        _json_safe_check(document, path, "")
    else:
        raise InputError.said(Wording("inputs", "request_not_mapping"), path or "<request>")
    if not isinstance(document, dict):
        raise InputError.said(Wording("inputs", "request_shape"), path,
                              getattr(document, "line", 1))
    _plain(document)
    _catalogue_numbers(document, questionnaire, path, data if seen else None)
    parts = document.get("parts")
    if isinstance(parts, list) and len(parts) > MAX_PARTS:  # before the work they make
        raise InputError.said(Wording("inputs", "too_many_parts", n={
            lang: i18n.number(len(parts), lang) for lang in i18n.LANGS}, limit=MAX_PARTS),
            path, yamlio.line_of(document, ["parts"]))
    written = _as_written(document, questionnaire)
    _written_together(document, questionnaire, path, written)
    _check_answers(document, questionnaire, path, lang, schema=not (seen and seen[1]))
    ids = {}
    for i, part in enumerate(document["parts"]):
        pid = str(part["id"])
        if pid in ids:
            line = yamlio.line_of(document, ["parts", i])
            raise InputError.said(Wording("inputs", "part_id_twice", id=pid, n=ids[pid] + 1),
                                  path, line)
        ids[pid] = i
    _catalogue_answers(document, questionnaire)
    _keep_written(document, written)
    for q in questionnaire.of_type("date"):
        places = [([q.id], document)] if q.scope == "request" else \
            [(["parts", i, q.id], part) for i, part in enumerate(document["parts"])]
        for where, holder in places:
            if q.id in holder:
                try:
                    day = datetime.date.fromisoformat(holder[q.id])
                except ValueError:
                    raise InputError.said(
                        Wording("inputs", "field_not_real_date", field=q.id,
                                text=holder[q.id]),
                        path, yamlio.line_of(document, where)) from None
                if day > LAST_DATE:  # the lead time could not be counted from it
                    raise InputError.said(
                        Wording("inputs", "field_beyond_horizon", field=q.id,
                                text=holder[q.id], last=LAST_DATE.isoformat()),
                        path, yamlio.line_of(document, where))
    if seen and not seen[1]:
        cache.remember_valid(seen[0])  # these bytes passed: next time without the schema
    return document


def _catalogue_numbers(document, questionnaire, path, data=None):
    """A number given for a catalogue or text answer, read as the text written: a material
    number without quotes (``material: 1.4404``, ``2.0401``) is a float to YAML, and
    was refused with the schema's English words; it is the material 1.4404 (the text
    at its place in the file, ``data`` or else the file at ``path``: ``1.4310`` keeps
    its zero; without a file, the number's own text)."""
    parts = document.get("parts")
    text = None
    for q in questionnaire.questions:
        # (a text answer written as a number too: a drawing number 47110032, a
        # revision 03, read as written, not refused as "a number")
        if not q.catalogue and q.type != "text":
            continue
        holders = [document] if q.scope == "request" else \
            [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []
        for holder in holders:
            if q.id not in holder:
                continue
            value = holder[q.id]
            places = [(holder, q.id)] if not isinstance(value, list) else \
                [(value, i) for i in range(len(value))]
            for where, key in places:
                item = where[key]
                if isinstance(item, bool) or not isinstance(item, (int, float)):
                    continue
                if text is None:
                    text = _file_text(data, path)
                where[key] = yamlio.number_as_written(where, key, item, text or None)


def _file_text(data, path):
    """A request file's text (its ``data``, else read from ``path``); "" where there is
    none to read (a dict of the API's, standard input)."""
    try:
        if data is None:
            data = Path(path).read_bytes() if path and Path(path).is_file() else b""
        return data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError):
        return ""


UNLISTED = "_unlisted"  # request key: answers outside the catalogue, kept for the engineer
READ_AS = "_read_as"  # request key: names of a neighbouring grade read as a catalogue entry
#: request key: a part's answers as written where the reader read them as another id
#: (the offer repeats "EN AW-5754 H32" and "42CrMo4+QT", where the temper choice groups
#: H22/H32/H321 and the alias drops +QT); no part of the request's digest
WRITTEN = "_written"


def _as_written(document, questionnaire):
    """{(part index, field): text} of the parts' answers to a catalogue question and to
    the questions written after one (the material, the temper), as written."""
    fields = {q.id for q in questionnaire.questions if q.scope == "part" and q.catalogue}
    fields |= {q.id for after in questionnaire.written_after.values() for q in after
               if q.scope == "part"}
    parts = document.get("parts")
    return {(i, f): p[f] for i, p in enumerate(parts) if isinstance(p, dict)
            for f in sorted(fields) if isinstance(p.get(f), str)} \
        if isinstance(parts, list) else {}


def _keep_written(document, written):
    """``document[WRITTEN]``: of ``written``, the answers read as another id."""
    kept = [{"part": str(document["parts"][i]["id"]), "field": field, "given": text.strip()}
            for (i, field), text in sorted(written.items())
            if document["parts"][i].get(field) != text]
    if kept:
        document[WRITTEN] = kept


def _catalogue_answers(document, questionnaire):
    """Catalogue answers to their ids: an alias (1.4404, 316L) becomes the id
    (stainless_316); an answer outside the catalogue is taken out of the request
    (so what depends on it is unknown, never wrong) and kept under ``_unlisted``
    for the report's open questions."""
    shop = questionnaire.shop
    if shop is None:
        return
    unlisted, read_as = [], []
    for q in questionnaire.questions:
        if not q.catalogue:
            continue
        allowed = q.choices
        holders = [(None, document)] if q.scope == "request" else \
            [(str(p["id"]), p) for p in document["parts"]]
        for part_id, holder in holders:
            if q.id not in holder:
                continue
            value = holder[q.id]
            values = value if isinstance(value, list) else [value]
            known, other = [], []
            for item in values:
                found = item if item in allowed else shop.resolve(q.catalogue, item)
                if found is not None and found in allowed:
                    if found not in known:
                        known.append(found)
                    if found != item and shop.read_as(q.catalogue, item) == found:
                        # a neighbouring grade ('316' for 316L): read as it, and said
                        read_as.append({"scope": q.scope, "part": part_id, "field": q.id,
                                        "kind": q.catalogue, "given": str(item),
                                        "as": found})
                else:
                    other.append(str(item))
            if not other:
                if known != values:
                    holder[q.id] = known if isinstance(value, list) else known[0]
                continue
            trail = [q.id] if part_id is None else \
                ["parts", document["parts"].index(holder), q.id]
            line = yamlio.line_of(document, trail) if hasattr(document, "key_lines") else None
            unlisted.append({"scope": q.scope, "part": part_id, "field": q.id,
                             "given": other, "line": line})
            if isinstance(value, list) and known:
                holder[q.id] = known
            else:
                del holder[q.id]
    if unlisted:
        document[UNLISTED] = unlisted
    if read_as:
        document[READ_AS] = read_as


#: The last word of an answer, the one a question ``written_after`` it may be: what
#: follows the last space, dash, slash or underscore, else the letter and digits that
#: end it ("6082T6": "T6")
_LAST_WORD = re.compile(r"^(?P<before>.*?)(?:[\s\-/_]+(?P<word>[^\s\-/_]+)|"
                        r"(?<=\d)(?P<glued>[A-Za-z]\d*))\s*$", re.S)


def _written_together(document, questionnaire, path, written=None):
    """Each answer of a catalogue question that a drawing writes with the answers of
    the questions ``written_after`` it (:func:`_written_after`), read apart before the
    answers are read and checked (so a T temper written after a 5754 is refused as
    one given on its own)."""
    shop = questionnaire.shop
    if shop is None:
        return
    for (scope, field), after in questionnaire.written_after.items():
        question = questionnaire.question(scope, field)
        if question is not None and question.catalogue:
            _written_after(document, question, after, shop, path, written)


def _written_after(document, question, after, shop, path, written=None):
    """The answers of the questions ``after`` (``written_after`` ``question``) read from
    ``question``'s answers, where a drawing writes them together: "EN AW-6082 T6",
    "5754-H111" and "6082T651" are the material and its temper.  Its last word is read
    as a choice of a question in ``after`` where the words before it name a catalogue
    entry (``shop``) on its own, that question is asked of the part with that entry, and
    the whole answer names no other entry; the answer becomes the words before it, and
    the question's answer the word, unless the part answers it already: an answer
    that says the same is kept, one that says otherwise is an error at its line (the
    material reads T6, the temper O).  "6082-T6", an alias of 6082, gave the material
    and dropped its temper: MAT-012 asked the temper the customer had written."""
    from producibility.intake.answers import _match_choice
    from producibility.model.relevance import applies

    parts = document.get("parts")
    holders = [(None, document)] if question.scope == "request" else \
        [(i, p) for i, p in enumerate(parts) if isinstance(p, dict)] \
        if isinstance(parts, list) else []
    for index, holder in holders:
        value = holder.get(question.id)
        if not isinstance(value, str):
            continue
        words = _LAST_WORD.match(value.strip())
        if words is None or not words.group("before"):
            continue
        word = words.group("word") or words.group("glued")
        before = words.group("before")
        found = shop.resolve(question.catalogue, before)
        whole = shop.resolve(question.catalogue, value)
        if found is None or found not in question.choices or whole not in (None, found):
            continue
        for other in after:
            choice = _match_choice(other, word, numbers=False)
            if choice is None or not applies(other, document, dict(holder, **{
                    question.id: found})):
                continue
            given = holder.get(other.id)
            if given is not None and (not isinstance(given, str) or
                                      _match_choice(other, given, numbers=False) != choice):
                trail = [other.id] if index is None else ["parts", index, other.id]
                line = yamlio.line_of(document, trail) \
                    if hasattr(document, "key_lines") else None
                raise InputError.said(Wording(
                    "inputs", "written_after_differs", field=question.id, given=value,
                    word=word, other=other.id, answer=given), path or "<request>", line)
            holder[question.id] = found
            if given is None:
                holder[other.id] = choice
            if written is not None and index is not None:  # each as written ("H32")
                written.update({(index, question.id): before, (index, other.id): word})
            break


def _check_answers(document, questionnaire, path, lang, schema=True):
    """The answers read by the one answer parser (``intake.answers``, with each
    question's ``format``), then the schema, then the combinations no single answer
    shows (a wanted date before the request date...).

    Every problem is reported together; ``check`` refuses what ``validate`` refuses.
    ``schema=False``: the file's exact bytes passed every check before (the validation
    cache), so the schema step is skipped (and its validator not even imported).
    """
    # the modules, not the intake package: a check needs neither the interview nor the form
    from producibility.intake.answers import normalize_answers
    from producibility.intake.checks import combination_problems

    parsed = normalize_answers(document, questionnaire, lang)
    errors = [InputError(message, path, yamlio.line_of(document, where))
              for where, message in parsed]
    # a process that needs a field not given (a turned part without diameter) leaves
    # a question open, as any unanswered field does; conflicts are errors
    combos = [p for p in combination_problems(questionnaire, document, lang)
              if not p.missing and not p.note]
    # a duplicate item: our message names the item's own line, the schema's the list's
    duplicated = {tuple(p.where[:-1]) for p in combos if isinstance(p.where[-1], int)}
    try:
        if schema:
            schemas.check(document, questionnaire.request_schema, path, lang,
                          skip=[tuple(where) for where, _ in parsed] +
                          sorted(duplicated, key=str))
    except InputErrors as exc:
        errors.extend(exc.errors)
    errors.extend(InputError(p.message, path, yamlio.line_of(document, p.where))
                  for p in combos)
    if errors:
        errors.sort(key=lambda e: (e.line or 0, e.message))
        raise InputErrors(errors)


