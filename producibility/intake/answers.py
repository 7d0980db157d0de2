"""Answers: the one reader of what a person types or writes for a question.

Owns turning text into a request value (:func:`parse_answer`, with :class:`AnswerError`
in the user's language), reading a value from a request file the same way
(:func:`coerce_loaded`, :func:`normalize_answers`), the question-level ``format:`` a
questionnaire may declare for a text answer (:data:`FORMATS`), and showing an answer
back as the prompt and the form write it (:func:`show_value`, :func:`show_number`,
:func:`unit_label`).  ``ask``, ``validate``, ``check`` and the API all read answers here,
so a typed answer, a text in a file and a value in an API dict mean the same.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import re

from producibility import clock, i18n
from producibility.conditions.expressions import ABSENT

HELP, BACK, LEAVE_OPEN = "?", "<", "-"


class AnswerError(ValueError):
    """An answer that does not fit its question; the message is for the user."""


def texts(lang: str) -> dict:
    """The intake's texts in one language (the ``intake`` locale domain)."""
    return i18n.texts("intake", lang)


@functools.lru_cache(maxsize=None)
def _words(key: str) -> frozenset:
    """What a person may type for ``key`` (``yes_words`` ...), in every language."""
    return frozenset(w for lang in i18n.LANGS for w in texts(lang)[key])


def in_lang(value, lang: str) -> str:
    """A {nl, en} text (or a plain string) in one language, falling back to English."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value:
        return value.get(lang) or value.get("en") or next(iter(value.values()))
    return ""


def choice_label(question, choice, lang: str) -> str:
    """A choice as the questionnaire words it in ``lang`` (its id when it has no text)."""
    return in_lang(question.choice_text.get(choice), lang) or choice


def help_text(question, lang: str) -> str:
    """A question's help, with the answer the screening assumes when it is left open."""
    text = in_lang(question.help, lang)
    assumed = question.assumption(lang) if getattr(question, "assume", None) else None
    if assumed:  # what the screening takes when the customer leaves it open
        lead = texts(lang)["assumed"].format(answer=assumed)
        text = f"{text} {lead}" if text else lead
    return text


def unit_label(unit: str | None, lang: str) -> str:
    """A questionnaire's unit as the customer reads it (``pcs`` is ``stuks`` in Dutch);
    a unit the locale files do not list shows as written."""
    if not unit:
        return ""
    return texts(lang)["units"].get(unit, unit)


# ----------------------------------------------------------------- values
# patterns as text: compiled (and kept) by ``re`` when first used, not on import
_PLAIN_DECIMAL = r"-?\d+(?:\.(\d+))?"


def show_number(value, lang: str = "en") -> str:
    """A number as a person writes it: no '.0', no exponent, no grouping, the locale's
    decimal sign (a comma in Dutch)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, float):
        text = repr(value)
        if "e" in text:
            text = f"{value:.12f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    return _in_locale(text, lang)


def _in_locale(text: str, lang: str) -> str:
    """A plain decimal written with a point (``12.5``) as ``lang`` writes it, digit for digit."""
    match = re.fullmatch(_PLAIN_DECIMAL, text)
    if not match:
        return text
    return i18n.number(decimal.Decimal(text), lang, decimals=len(match.group(1) or ""),
                       grouping=False)


def show_value(question, value, lang: str) -> str:
    """An answer as the prompt shows it (and as :func:`parse_answer` reads it back)."""
    if value is ABSENT:  # "no thread", as the question words its none
        return in_lang(getattr(question, "none", None), lang) or texts(lang)["none"]
    if question.type == "yes_no":
        return i18n.text("common", "yes" if value else "no", lang)
    if question.type == "choice":
        return choice_label(question, value, lang)
    if question.type == "multi_choice":
        return ", ".join(choice_label(question, v, lang) for v in value) or texts(lang)["none"]
    if question.type == "dimensions":
        return " x ".join(show_number(v, lang) for v in value)
    if question.type == "number":
        return show_number(value, lang)
    return str(value)


_NUMBER_SHAPE = r"([+-]?)(\d[\d.,]*|[.,]\d+)([eE][+-]?\d+)?"
_GROUPED = r"\d{1,3}(?:X\d{3})+"


def _grouped_ok(digits, separator):
    return bool(re.fullmatch(_GROUPED.replace("X", re.escape(separator)), digits))


def read_number(text: str, lang: str = "en", convention: str | None = None):
    """A number as a person types it, Dutch or English: the one reader of numbers.

    ``1.000`` and ``1.000,5`` (Dutch) and ``1,000`` and ``1,000.5`` (English) are
    thousands; ``0,05`` and ``12,5`` are a decimal comma.  One separator before
    exactly three digits is read as the thousands separator of ``convention`` (``.``
    in Dutch, ``,`` in English); where it is that language's decimal separator, or no
    convention is given (a request file), the number is ambiguous and the message says
    both readings, so that ``ask`` asks again.  Messages are in ``lang``.  Raises
    :class:`AnswerError`.
    """
    t = texts(lang)
    raw = text.strip()
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", raw)
    match = re.fullmatch(_NUMBER_SHAPE, cleaned)
    if not match:
        raise AnswerError(t["not_number"].format(text=raw))
    sign, body, exponent = match.group(1), match.group(2), match.group(3) or ""
    dots, commas = body.count("."), body.count(",")
    if body[-1] in ".,":
        body = body[:-1]  # "20." is 20
        dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_sign = "." if body.rindex(".") > body.rindex(",") else ","
        thousands = "," if decimal_sign == "." else "."
        whole, _, fraction = body.rpartition(decimal_sign)
        if thousands in fraction or decimal_sign in whole or not _grouped_ok(whole, thousands):
            raise AnswerError(t["bad_grouping"].format(text=raw))
        body = whole.replace(thousands, "") + "." + fraction
    elif dots > 1 or commas > 1:
        separator = "." if dots else ","
        if not _grouped_ok(body, separator):
            raise AnswerError(t["bad_grouping"].format(text=raw))
        body = body.replace(separator, "")
    elif dots or commas:
        separator = "." if dots else ","
        whole, _, fraction = body.partition(separator)
        if (len(fraction) == 3 and whole and whole.lstrip("0") and len(whole) <= 3
                and not exponent):
            lang_thousands = {"nl": ".", "en": ","}.get(convention)
            as_thousands = whole + fraction
            if separator != lang_thousands:
                decimal_value = f"{whole}.{fraction}"
                typed = _in_locale(decimal_value.rstrip("0").rstrip("."), lang)
                error = AnswerError(t["ambiguous_number"].format(
                    text=raw, thousands=int(as_thousands), decimal=typed,
                    decimal_typed=typed))
                value = float(decimal_value)
                error.readings = tuple(int(sign + r) if isinstance(r, str) else
                                       (-r if sign == "-" else r)
                                       for r in (as_thousands, value))
                raise error
            body = as_thousands
        else:
            body = f"{whole or '0'}.{fraction}"
    cleaned = sign + body + exponent
    if re.fullmatch(r"[+-]?\d+", cleaned):
        return int(cleaned)
    value = float(cleaned)
    if not math.isfinite(value):
        raise AnswerError(t["not_number"].format(text=raw))
    return value


def _number(text, lang, typed=True):
    return read_number(text, lang, lang if typed else None)


def _with_unit(value, question, lang):
    """A limit as the customer reads it, with the question's unit: 0,3 mm, 0,0001 kg."""
    unit = unit_label(question.unit, lang)
    text = show_number(value, lang)
    return f"{text}{unit}" if unit == "°" else f"{text} {unit}" if unit else text


def _check_range(question, value, lang):
    t = texts(lang)
    if question.min is not None and value < question.min:
        message = t["min"].format(min=_with_unit(question.min, question, lang))
        if getattr(question, "none", None):  # a 0 for "no thread": say what to write
            words = in_lang(question.none, lang)
            message += " " + t["none_hint"].format(none=words[:1].upper() + words[1:])
        raise AnswerError(message)
    if question.max is not None and value > question.max:
        raise AnswerError(t["max"].format(max=_with_unit(question.max, question, lang)))
    return value


@functools.lru_cache(maxsize=None)
def unit_words() -> dict:
    """What people type after a number for a questionnaire's unit, in every language."""
    def words(key):
        return tuple(dict.fromkeys(w for lang in i18n.LANGS
                                   for w in texts(lang)["unit_words"][key]))

    pieces = words("pcs")
    return {"pcs": pieces,
            "pcs/year": pieces + tuple(f"{p}{per}" for p in pieces + ("",)
                                       for per in words("per_year")),
            "batches": words("batches"), "weeks": words("weeks"), "min": words("min"),
            "EUR": words("EUR")}


def _strip_unit(question, text):
    text = text.strip()
    unit = (question.unit or "").strip()
    for word in sorted({unit, *unit_words().get(unit, ())} - {""}, key=len, reverse=True):
        if text.lower().endswith(word.lower()) and text[: -len(word)].strip():
            return text[: -len(word)].strip()
    return text


#: Other units of a question's length or mass, by the SI's exact definitions: a size in
#: cm or m, a weight in grams or tonnes is read in the question's unit (a customer wrote
#: "45 gram" and "12 x 4 x 3 cm", and read "is not a number").  Longest words first.
CONVERSIONS = {
    "mm": (("centimeters", 10.0), ("centimeter", 10.0), ("meters", 1000.0),
           ("meter", 1000.0), ("cm", 10.0), ("m", 1000.0)),
    "kg": (("grams", 0.001), ("gram", 0.001), ("tonnes", 1000.0), ("tonne", 1000.0),
           ("ton", 1000.0), ("gr", 0.001), ("g", 0.001), ("t", 1000.0)),
}


def _converted(question, text):
    """(text without another unit of the question's length or mass, its factor to the
    question's unit); (text, None) where it names none."""
    base = (question.unit or "").strip()
    lowered = text.strip().lower()
    for word, factor in CONVERSIONS.get(base, ()):
        if lowered.endswith(word) and lowered[: -len(word)].strip() and \
                not lowered[: -len(word)].rstrip().endswith(("m", "k", "c")):  # not mm, kg
            head = text.strip()[: -len(word)].strip()
            if re.fullmatch(r"[\d.,\sx×*;]+", head):
                return head, factor
    return text, None


def _in_unit(value, factor):
    """A value read in another unit, in the question's: rounded as the unit reads it
    (45 g is 0.045 kg, not 0.045000000000000005)."""
    return float(f"{value * factor:.10g}")


def _fits(question, value):
    return ((not question.integer or float(value).is_integer())
            and (question.min is None or value >= question.min)
            and (question.max is None or value <= question.max))


def _parse_number(question, text, lang, typed=True):
    text, factor = _converted(question, text)
    if factor is not None:
        return _check_range(question, _in_unit(_parse_number(question, text, lang, typed),
                                               factor), lang)
    text = _strip_unit(question, text)
    try:
        value = read_number(text, lang)  # no convention: "1.000" and "1,000" are ambiguous
    except AnswerError as exc:  # the question's range settles it, else the language
        readings = getattr(exc, "readings", ())
        fitting = [r for r in readings if _fits(question, r)]
        if len(fitting) == 1:
            value = fitting[0]
        elif typed:
            value = _number(text, lang, typed)
        else:
            raise
    if question.integer:
        if isinstance(value, float):
            if not value.is_integer():
                raise AnswerError(texts(lang)["not_integer"])
            value = int(value)
    return _check_range(question, value, lang)


def _parse_date(text, lang, typed=True):
    t = texts(lang)
    raw = text.strip()
    if typed and raw.lower() in _words("today_words"):
        return clock.today().isoformat()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    dutch = None if iso else re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dutch:
        day, month, year = (int(g) for g in dutch.groups())
    else:
        raise AnswerError(t["not_date"].format(text=raw))
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise AnswerError(t["not_real_date"].format(text=raw)) from None


def parse_yes_no(text: str, lang: str) -> bool:
    """A typed yes or no, in any language (``j``, ``ja``, ``y``, ``yes``, ``n``, ``nee``...)."""
    word = text.strip().lower()
    if word in _words("yes_words"):
        return True
    if word in _words("no_words"):
        return False
    raise AnswerError(texts(lang)["not_yes_no"])


def _match_choice(question, token, numbers=True):
    """The choice a token names: its number (when typed), its value or its label."""
    word = token.strip()
    if numbers and re.fullmatch(r"\d+", word):
        number = int(word)
        return question.choices[number - 1] if 1 <= number <= len(question.choices) else None
    if word in question.choices:  # exactly as written: 'h6' is h6, never H6
        return word
    low = word.lower()
    choice = question.choices_by_case.get(low)
    if choice is not None:
        return choice
    exact = getattr(question, "case_sensitive", False)
    # another name of a choice (the questionnaire's choice_aliases: H111 for o_h111)
    choice = getattr(question, "aliases_by_case", {}).get(word if exact else low)
    if choice is not None:
        return choice
    for choice in question.choices:
        labels = question.choice_text.get(choice)
        labels = labels.values() if isinstance(labels, dict) else [labels]
        if any(isinstance(label, str) and (label == word if exact else label.lower() == low)
               for label in labels):
            return choice
    return None


def _not_a_choice(question, token, lang):
    import difflib  # only for a did-you-mean

    t = texts(lang)
    message = t["not_choice"].format(text=token.strip(), n=len(question.choices))
    close = difflib.get_close_matches(token.strip().lower(), list(question.choices), n=1,
                                      cutoff=0.6)
    if close:
        message += t["did_you_mean"].format(word=close[0])
    return AnswerError(message)


def _parse_choice(question, text, lang, typed=True):
    choice = _match_choice(question, text, typed)
    if choice is None:
        raise _not_a_choice(question, text, lang)
    return choice


def says_absent(question, text) -> bool:
    """Whether a text answers "none" to a question that "none" answers
    (``Question.none``: no thread, no holes): ``geen``, ``nvt``, ``n.v.t.``, ``none``,
    ``n/a`` in any language, or the question's own words ("geen schroefdraad")."""
    words = getattr(question, "none", None)
    if not words or not isinstance(text, str):
        return False
    said = text.strip().lower()
    return said in _words("none_words") or any(
        said == w.strip().lower() for w in words.values() if isinstance(w, str))


def none_answer(question, lang: str = "en") -> list:
    """The explicit "none" of a multiple-choice question (``[]``), where it may be none."""
    least = getattr(question, "min_choices", 0) or 0
    if least:
        raise AnswerError(texts(lang)["none_not_allowed"].format(n=least))
    return []


_NONE_SIGNS = frozenset({"0", "[]"})  # "none" in any language


def says_none(text, typed=True) -> bool:
    """Whether a text answers a multiple-choice question with none (``geen``, ``none``,
    ``[]``; ``0`` only typed, where a file's 0 is a number): as the whole answer, and as
    the one item of a list in a file (``[geen]`` means what ``geen`` means)."""
    if not isinstance(text, str):
        return False
    raw = text.strip()
    return (raw.lower() in _words("none_words") | _NONE_SIGNS) and (typed or raw != "0")


def _none_list(value) -> bool:
    """A file's list that says none: ``[geen]``, ``[none]`` (see :func:`says_none`)."""
    return isinstance(value, list) and len(value) == 1 and says_none(value[0], typed=False)


def _parse_multi(question, text, lang, typed=True):
    raw = text.strip()
    if says_none(raw, typed):
        return none_answer(question, lang)
    whole = _match_choice(question, raw, typed)
    if whole is not None:
        return [whole]
    chosen = []
    for token in (x for x in re.split(r"[,;]", raw) if x.strip()):
        match = _match_choice(question, token, typed)
        if match is not None:
            found = [match]
        else:  # "1 3" or "turning milling_3axis"
            found = [_match_choice(question, w, typed) for w in token.split()]
            if not found or None in found:
                bad = next((w for w, m in zip(token.split(), found) if m is None), token)
                raise _not_a_choice(question, bad, lang)
        chosen.extend(c for c in found if c not in chosen)
    if not chosen:
        raise _not_a_choice(question, raw, lang)
    return chosen


def _parse_dimensions(question, text, lang):
    t = texts(lang)
    raw, factor = _converted(question, text.lower().replace("×", "x").replace("*", "x"))
    raw = _strip_unit(question, raw).strip()
    if "x" in raw or ";" in raw:
        tokens = re.split(r"[x;]", raw)
    elif re.search(r"\s", raw):
        tokens = re.split(r",?\s+", raw)  # "120, 80, 30" or "120,5 80 30"
    else:
        tokens = raw.split(",")
    tokens = [tok.strip() for tok in tokens if tok.strip()]
    if len(tokens) != 3:
        raise AnswerError(t["dimensions"])
    try:
        values = [_number(tok, lang) for tok in tokens]
    except AnswerError as exc:
        raise AnswerError(f"{exc} {t['dimensions']}") from None
    if factor is not None:  # "12 x 4 x 3 cm": each side in the question's mm
        values = [_in_unit(v, factor) for v in values]
    return [_check_range(question, v, lang) for v in values]


def _quantities(text, lang):
    """Quantity breaks (``10, 50, 1.000``), read by the reader of ``--quantities``;
    kept as written."""
    try:
        parse_quantities(text, lang)
    except ValueError as exc:
        raise AnswerError(str(exc)) from None
    return text


#: The ``format:`` a questionnaire may declare on a text question: name -> a check
#: ``(text, lang) -> value`` that raises :class:`AnswerError` with the advice.
FORMATS = {"quantities": _quantities}


def _parse_text(question, text, lang):
    value = text.strip()
    if not value:
        raise AnswerError(texts(lang)["not_text"])
    if getattr(question, "format", None):
        return FORMATS[question.format](value, lang)
    return value


def parse_answer(question, text: str, lang: str = "en", typed: bool = True):
    """The request value of a typed answer; :class:`AnswerError` when it does not fit.

    ``typed=False`` reads a text from a request file: there a number is no choice's
    position in the list, and "today" no date.
    """
    if says_absent(question, text):  # no thread: answered, and not there
        return ABSENT
    kind = question.type
    if kind == "number":
        return _parse_number(question, text, lang, typed)
    if kind == "yes_no":
        return parse_yes_no(text, lang)
    if kind == "date":
        return _parse_date(text, lang, typed)
    if kind == "choice":
        return _parse_choice(question, text, lang, typed)
    if kind == "multi_choice":
        return _parse_multi(question, text, lang, typed)
    if kind == "dimensions":
        return _parse_dimensions(question, text, lang)
    return _parse_text(question, text, lang)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def coerce_loaded(question, value, lang: str = "en"):
    """A value read from a request file, checked like a typed answer (texts are parsed)."""
    t = texts(lang)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    if isinstance(value, str):
        return parse_answer(question, value, lang, typed=False)
    kind = question.type
    if kind == "text" and _is_number(value):
        return parse_answer(question, str(value), lang, typed=False)
    if kind == "number" and _is_number(value):
        if question.integer and isinstance(value, float):
            if not value.is_integer():
                raise AnswerError(t["not_integer"])
            value = int(value)
        return _check_range(question, value, lang)
    if kind == "yes_no" and isinstance(value, bool):
        return value
    if kind == "multi_choice" and isinstance(value, list):
        if not value or _none_list(value):
            return none_answer(question, lang)
        chosen = []
        for item in value:
            match = _match_choice(question, str(item), numbers=False) \
                if not isinstance(item, bool) else None
            if match is None:
                raise _not_a_choice(question, str(item), lang)
            if match not in chosen:
                chosen.append(match)
        return chosen
    if kind == "dimensions" and isinstance(value, list):
        if len(value) != 3 or not all(_is_number(v) or isinstance(v, str) for v in value):
            raise AnswerError(t["dimensions"])
        # a size written as text ("1.200", kept as written by the request's parser) is read
        # as a typed number is: the question's range settles "1.200", else both readings
        return [_parse_number(question, v, lang, typed=False) if isinstance(v, str)
                else _check_range(question, v, lang) for v in value]
    if kind == "choice" and _is_number(value):
        return _parse_choice(question, str(value), lang, typed=False)
    raise AnswerError({"text": t["not_text"], "number": t["not_number"].format(text=value),
                       "yes_no": t["not_yes_no"], "multi_choice": t["not_list"],
                       "dimensions": t["dimensions"]}.get(kind, t["not_text"]))


def _read_here(question, value):
    """Whether :func:`normalize_answers` reads a file's value (else the schema judges it):
    texts, lists holding a text, and numbers for a text with a ``format``."""
    kind = type(value)
    if kind is bool or kind is int or kind is float:  # most answers: asked first
        if kind is float and question.integer and value.is_integer():
            return True  # 5.0 pieces read as 5: a typed consumer of the report reads an int
        if kind is not bool and getattr(question, "none", None) and question.type == "number" \
                and not _fits(question, value):
            return True  # a 0 for "no thread": said here, with what to write instead
        return kind is not bool and bool(getattr(question, "format", None))
    if isinstance(value, str) or (isinstance(value, list) and (
            not value or any(isinstance(v, str) for v in value))):
        return True
    return bool(getattr(question, "format", None)) and _is_number(value)


def normalize_answers(document, questionnaire, lang: str = "en") -> list:
    """Read a request's answers with the same parser as ``ask``: [(where, message)].

    Texts in a file or an API dict (``01-03-2027``, ``ja``, ``kleine serie``,
    ``1.000,5``, ``geen``) and an explicit none (``[]``) become the request values
    ``ask`` would save, in place; so does a number for a text with a ``format`` (one
    quantity break).  An answer the parser refuses is returned with its path (the
    schema's own error for that field is then left out); values that are not text are
    left to the schema.  ``check``, ``validate`` and the API call this through
    :func:`producibility.model.request.load_request`, so all of them read a file alike.
    """
    problems = []

    def answers(holder, questions, trail):
        for question in questions:
            value = holder.get(question.id)
            if value is None or not _read_here(question, value):
                continue
            if question.type == "multi_choice" and isinstance(value, list) and value and \
                    not _none_list(value):
                # item by item, duplicates kept (validate names them on their own line)
                found = [_match_choice(question, v, numbers=False) if isinstance(v, str)
                         else v for v in value]
                if None not in found:
                    holder[question.id] = found
                continue
            try:
                holder[question.id] = coerce_loaded(question, value, lang)
            except AnswerError as exc:
                if question.type == "multi_choice" and isinstance(value, str):
                    # choices written as one text, one of them not known: the list they
                    # are, judged item by item as a written list is (an answer outside
                    # the catalogue, or the schema's did-you-mean), not "must be a list"
                    items = [x.strip() for x in re.split(r"[,;]", value) if x.strip()]
                    holder[question.id] = [_match_choice(question, x, numbers=False) or x
                                           for x in items]
                    continue
                if question.type in ("choice", "multi_choice") and value != [] and \
                        not _none_list(value):
                    continue  # the schema's message lists the choices, with a did-you-mean
                problems.append((trail + [question.id],
                                 f"{question.id}: {str(exc).rstrip('.')}"))

    if not isinstance(document, dict):
        return problems
    answers(document, questionnaire.questions_in("request"), [])
    parts = document.get("parts")
    if isinstance(parts, list):
        for i, part in enumerate(parts):
            if isinstance(part, dict):
                answers(part, questionnaire.questions_in("part"), ["parts", i])
    return problems


MAX_BREAKS = 20
MAX_QUANTITY = 1_000_000


def quantities_given(value) -> tuple[int, ...] | None:
    """The API's ``quantities``: None, a text read as ``--quantities`` reads it, or
    whole numbers (any iterable of ints), checked as ``--quantities`` checks them (1 to
    20 quantities of 1 to 1,000,000).  ValueError with the kind of problem
    (``"numbers"`` or ``"range"``, a key of the locale's ``quantity_advice``)."""
    import itertools
    import operator

    if value is None:
        return None
    if isinstance(value, str):
        try:
            return parse_quantities(value)
        except ValueError:
            words = [w for w in re.split(r"[,;\s]+", value.strip()) if w]
            raise ValueError("numbers" if any(
                not re.fullmatch(r"\d+|\d{1,3}(\.\d{3})+", w) for w in words)
                else "range") from None
    if isinstance(value, (bytes, bytearray, dict)):
        raise ValueError("numbers")
    try:
        items = list(itertools.islice(iter(value), MAX_BREAKS + 1))
    except TypeError:
        raise ValueError("numbers") from None
    numbers = []
    for item in items:
        if isinstance(item, bool):
            raise ValueError("numbers")
        try:
            numbers.append(operator.index(item))  # an int, or numpy's: not 2.5, not "10"
        except TypeError:
            raise ValueError("numbers") from None
    if not numbers or len(numbers) > MAX_BREAKS or any(
            not 1 <= n <= MAX_QUANTITY for n in numbers):
        raise ValueError("range")
    return tuple(numbers)


def quantity_advice(kind: str, lang: str = "en") -> str:
    """What to give instead of bad quantity breaks (``kind``: numbers or range)."""
    advice = i18n.texts("findings", lang if lang in i18n.LANGS else
                        i18n.DEFAULT_LANG)["quantity_advice"]
    return advice[kind].format(n=MAX_BREAKS, largest=i18n.number(MAX_QUANTITY, lang))


def parse_quantities(text, lang="en"):
    """'10, 50, 200' (or '1.000; 5.000') as (10, 50, 200): the quantity breaks of the
    ``--quantities`` option and of a request's ``quantity_breaks``.  ValueError with
    the advice when the text is not 1 to 20 whole numbers of 1 to 1,000,000."""
    advice = i18n.texts("findings", lang if lang in i18n.LANGS else
                        i18n.DEFAULT_LANG)["quantity_advice"]
    words = [w for w in re.split(r"[,;\s]+", str(text).strip()) if w]
    numbers = []
    for word in words:
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", word):  # a thousands separator: 1.000
            word = word.replace(".", "")
        if not word.isdigit():
            raise ValueError(advice["numbers"])
        numbers.append(int(word))
    if not numbers or len(numbers) > MAX_BREAKS or any(
            not 1 <= n <= MAX_QUANTITY for n in numbers):
        raise ValueError(advice["range"].format(n=MAX_BREAKS,
                                                largest=i18n.number(MAX_QUANTITY, lang)))
    return tuple(numbers)
