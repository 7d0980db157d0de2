"""Intake: the questionnaire at the terminal, a request checked against it, and the
questionnaire as a form to fill in by hand.

Everything here works on the questionnaire's format (``questionnaire.py``), never on
its current contents: section and question ids appear only in the few cross-field
checks of :func:`combination_problems`, and those skip themselves when a
questionnaire lacks the fields they need.

* :func:`parse_answer` turns typed text into a request value (or raises
  :class:`AnswerError` with a message in the user's language);
* :class:`Interview` walks the questionnaire: sections, ``ask_if``, parts as a
  repeating group, ``?`` help, ``<`` back, ``-`` leave open; it reports every change
  through a callback so that the command can save after each answer;
* :func:`load_partial` reads a half-answered request to resume from;
* :func:`validate_request` checks a request file (the loader's schema checks plus
  impossible combinations) and :func:`unanswered` lists required questions left open;
* :func:`export_questionnaire` renders the questionnaire as Markdown or HTML.
"""

import datetime
import difflib
import math
import re
from dataclasses import dataclass

import yaml

from producibility.inputs import yamlio
from producibility.errors import InputError, InputErrors
from producibility.conditions.expressions import UNKNOWN, ExpressionError, evaluate

LANGS = ("nl", "en")

TEXTS = {
    "nl": {
        "keys": "Enter: overslaan of antwoord houden · ?: uitleg · <: vorige vraag · "
                "-: open laten · Ctrl-C: stoppen",
        "legend": "* = verplicht",
        "saving": "Elk antwoord wordt meteen bewaard in {path}.",
        "resumed": "{n} vragen zijn al beantwoord in {path} en worden overgeslagen "
                   "(< gaat terug).",
        "required": "Deze vraag is verplicht. Typ - om haar voorlopig open te laten.",
        "left_open": "Open gelaten.",
        "no_help": "Bij deze vraag is geen uitleg.",
        "first": "Dit is de eerste vraag.",
        "not_number": "'{text}' is geen getal.",
        "not_integer": "Geef een geheel getal.",
        "min": "Moet minstens {min} zijn.",
        "max": "Mag hoogstens {max} zijn.",
        "not_date": "'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-29.",
        "not_real_date": "'{text}' bestaat niet als datum.",
        "not_choice": "'{text}' is geen van de keuzes; typ een nummer van 1 tot {n}.",
        "did_you_mean": " Bedoelt u '{word}'?",
        "none_required": "Kies er minstens één.",
        "not_yes_no": "Antwoord met j of n.",
        "dimensions": "Geef drie maten, bijvoorbeeld 120 x 80 x 30.",
        "not_text": "Geef een tekst.",
        "not_list": "Geef een lijst van keuzes.",
        "part": "onderdeel {n}",
        "more_parts": "Nog een onderdeel toevoegen?",
        "more_help": "j: nog een onderdeel beschrijven; n: klaar met de onderdelen.",
        "part_id_used": "Kenmerk '{id}' is al gebruikt voor onderdeel {n}.",
        "parts_dropped": "Onderdeel {first} en verder worden niet bewaard (typ < en j om ze "
                         "terug te halen).",
        "choose_one": "Kies een nummer",
        "choose_many": "Kies nummers, gescheiden door komma's",
        "choose_none": "0 = geen",
        "hint_date": "JJJJ-MM-DD",
        "hint_dims": "L x B x H",
        "hint_yes_no": "j/n",
        "yes": "ja", "no": "nee", "none": "geen",
        "warning": "Let op: {message}",
        "done": "Klaar: {n} antwoorden bewaard in {path}.",
        "nothing_open": "Geen open vragen in {path}.",
        "open_required": "Nog open verplichte vragen:",
        "validate_hint": "Controleer met: producibility validate {path}",
        "eof": "Einde van de invoer.",
        "interrupted": "Onderbroken.",
        "saved": "{n} antwoorden bewaard in {path}. Verder gaan: {command}",
        "nothing_saved": "Nog niets beantwoord; niets bewaard.",
        "ignored": "{where}: {message}; deze vraag wordt opnieuw gesteld",
        "unknown_field": "{where}: onbekend veld '{field}'{hint}; blijft ongewijzigd staan",
        "no_parts": "nog geen onderdeel beschreven",
        "valid": "{path}: geldig",
        "invalid": "{path}: ongeldig ({n} {problems})",
        "unlisted": "{where}: let op: {field} '{given}' staat niet in de catalogus{hint}; "
                    "het blijft een open vraag voor de werkvoorbereider",
        "problem": "probleem", "problems": "problemen",
        "all_answered": "alle verplichte vragen zijn beantwoord",
        "request_scope": "Aanvraag",
        "part_scope": "Onderdeel {id}",
        # combinations
        "wanted_before_date": "de gewenste leverdatum {wanted} ligt vóór de aanvraagdatum "
                              "{date}",
        "batches_over_quantity": "{batches} leveringen voor {quantity} producten: elke "
                                 "levering heeft minstens één product nodig",
        "needs_fields": "onderdeel {part}: geef voor {process} ook {fields}",
        "thickness_over_size": "onderdeel {part}: de plaatdikte {thickness} mm is groter dan "
                               "de kleinste maat van size_mm ({smallest} mm)",
        "duplicate": "{field} noemt '{item}' twee keer",
        "and": "en", "or": "of",
    },
    "en": {
        "keys": "Enter: skip or keep the answer · ?: help · <: previous question · "
                "-: leave open · Ctrl-C: stop",
        "legend": "* = required",
        "saving": "Every answer is saved at once in {path}.",
        "resumed": "{n} questions are already answered in {path} and are skipped "
                   "(< goes back).",
        "required": "This question is required. Type - to leave it open for now.",
        "left_open": "Left open.",
        "no_help": "There is no help for this question.",
        "first": "This is the first question.",
        "not_number": "'{text}' is not a number.",
        "not_integer": "Give a whole number.",
        "min": "Must be at least {min}.",
        "max": "Must be at most {max}.",
        "not_date": "'{text}' is not a date; write YYYY-MM-DD, for example 2027-01-29.",
        "not_real_date": "'{text}' is not a real date.",
        "not_choice": "'{text}' is not one of the choices; type a number from 1 to {n}.",
        "did_you_mean": " Did you mean '{word}'?",
        "none_required": "Choose at least one.",
        "not_yes_no": "Answer y or n.",
        "dimensions": "Give three sizes, for example 120 x 80 x 30.",
        "not_text": "Give a text.",
        "not_list": "Give a list of choices.",
        "part": "part {n}",
        "more_parts": "Add another part?",
        "more_help": "y: describe another part; n: done with the parts.",
        "part_id_used": "Reference '{id}' is already used for part {n}.",
        "parts_dropped": "Part {first} and later are not kept (type < and y to get them "
                         "back).",
        "choose_one": "Choose a number",
        "choose_many": "Choose numbers, separated by commas",
        "choose_none": "0 = none",
        "hint_date": "YYYY-MM-DD",
        "hint_dims": "L x W x H",
        "hint_yes_no": "y/n",
        "yes": "yes", "no": "no", "none": "none",
        "warning": "Note: {message}",
        "done": "Done: {n} answers saved in {path}.",
        "nothing_open": "No open questions in {path}.",
        "open_required": "Required questions still open:",
        "validate_hint": "Check it with: producibility validate {path}",
        "eof": "End of input.",
        "interrupted": "Interrupted.",
        "saved": "{n} answers saved in {path}. To go on: {command}",
        "nothing_saved": "Nothing answered yet; nothing saved.",
        "ignored": "{where}: {message}; this question will be asked again",
        "unknown_field": "{where}: unknown field '{field}'{hint}; left as it is",
        "no_parts": "no part described yet",
        "valid": "{path}: valid",
        "invalid": "{path}: invalid ({n} {problems})",
        "unlisted": "{where}: note: {field} '{given}' is not in the catalogue{hint}; it is "
                    "kept as an open question for the engineer",
        "problem": "problem", "problems": "problems",
        "all_answered": "every required question is answered",
        "request_scope": "Request",
        "part_scope": "Part {id}",
        "wanted_before_date": "the wanted delivery date {wanted} is before the request date "
                              "{date}",
        "batches_over_quantity": "{batches} deliveries for {quantity} products: every "
                                 "delivery needs at least one product",
        "needs_fields": "part {part}: for {process}, also give {fields}",
        "thickness_over_size": "part {part}: the sheet thickness {thickness} mm is larger than "
                               "the smallest size_mm dimension ({smallest} mm)",
        "duplicate": "{field} lists '{item}' twice",
        "and": "and", "or": "or",
    },
}

YES = {"j", "ja", "y", "yes", "true"}
NO = {"n", "nee", "no", "false"}
NONE_WORDS = {"0", "geen", "none", "[]", "geen enkele", "no one", "nothing", "niets"}
TODAY_WORDS = {"vandaag", "today"}
HELP, BACK, LEAVE_OPEN = "?", "<", "-"


class AnswerError(ValueError):
    """An answer that does not fit its question; the message is for the user."""


def texts(lang):
    from producibility.texts import texts as new_texts
    return new_texts(lang, TEXTS.get(lang, TEXTS["en"]))


def in_lang(value, lang):
    """A {nl, en} text (or a plain string) in one language, falling back to English."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value:
        return value.get(lang) or value.get("en") or next(iter(value.values()))
    return ""


def choice_label(question, choice, lang):
    return in_lang(question.choice_text.get(choice), lang) or choice


def help_text(question, lang):
    text = in_lang(question.help, lang)
    assumed = question.assumption(lang) if getattr(question, "assume", None) else None
    if assumed:  # what the screening takes when the customer leaves it open
        lead = "Niet ingevuld? Dan nemen wij aan: " if lang == "nl" else \
            "Left open? Then we assume: "
        text = f"{text} {lead}{assumed}." if text else f"{lead}{assumed}."
    return text


# ----------------------------------------------------------------- values
def show_number(value, lang="en"):
    """A number as a person writes it: no '.0', no exponent, a decimal comma in Dutch."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, float):
        text = repr(value)
        if "e" in text:
            text = f"{value:.12f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    return text.replace(".", ",") if lang == "nl" else text


def show_value(question, value, lang):
    """An answer as the prompt shows it (and as :func:`parse_answer` reads it back)."""
    t = texts(lang)
    if question.type == "yes_no":
        return t["yes"] if value else t["no"]
    if question.type == "choice":
        return choice_label(question, value, lang)
    if question.type == "multi_choice":
        return ", ".join(choice_label(question, v, lang) for v in value) or t["none"]
    if question.type == "dimensions":
        return " x ".join(show_number(v, lang) for v in value)
    if question.type == "number":
        return show_number(value, lang)
    return str(value)


_NUMBER_SHAPE = re.compile(r"([+-]?)(\d[\d.,]*|[.,]\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:X\d{3})+")


def _grouped_ok(digits, separator):
    return bool(re.fullmatch(_GROUPED.pattern.replace("X", re.escape(separator)), digits))


def read_number(text, lang="en", convention=None):
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
    match = _NUMBER_SHAPE.fullmatch(cleaned)
    if not match:
        raise AnswerError(t["not_number"].format(text=raw))
    sign, body, exponent = match.group(1), match.group(2), match.group(3) or ""
    dots, commas = body.count("."), body.count(",")
    if body[-1] in ".,":
        body = body[:-1]  # "20." is 20
        dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rindex(".") > body.rindex(",") else ","
        thousands = "," if decimal == "." else "."
        whole, _, fraction = body.rpartition(decimal)
        if thousands in fraction or decimal in whole or not _grouped_ok(whole, thousands):
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
                shown = decimal_value.rstrip("0").rstrip(".")
                typed = shown.replace(".", ",") if lang == "nl" else shown
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


def _check_range(question, value, lang):
    t = texts(lang)
    if question.min is not None and value < question.min:
        raise AnswerError(t["min"].format(min=show_number(question.min, lang)))
    if question.max is not None and value > question.max:
        raise AnswerError(t["max"].format(max=show_number(question.max, lang)))
    return value


# What people type for a questionnaire's unit, in either language.
_PIECES = ("pcs", "pc", "pieces", "piece", "st.", "st", "stuks", "stuk")
UNIT_WORDS = {"pcs": _PIECES,
              "pcs/year": _PIECES + tuple(f"{p}{per}" for p in _PIECES + ("",)
                                          for per in ("/year", "/jaar", " per year",
                                                      " per jaar", "/yr", "/j")),
              "batches": ("batches", "batch", "leveringen", "levering", "deliveries"),
              "min": ("min", "minutes", "minuten", "minuut"), "EUR": ("eur", "euro", "€")}


def _strip_unit(question, text):
    text = text.strip()
    unit = (question.unit or "").strip()
    for word in sorted({unit, *UNIT_WORDS.get(unit, ())} - {""}, key=len, reverse=True):
        if text.lower().endswith(word.lower()) and text[: -len(word)].strip():
            return text[: -len(word)].strip()
    return text


def _fits(question, value):
    return ((not question.integer or float(value).is_integer())
            and (question.min is None or value >= question.min)
            and (question.max is None or value <= question.max))


def _parse_number(question, text, lang, typed=True):
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
    if typed and raw.lower() in TODAY_WORDS:
        return datetime.date.today().isoformat()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    dutch = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw)
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


def _parse_yes_no(text, lang):
    word = text.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise AnswerError(texts(lang)["not_yes_no"])


def _match_choice(question, token, numbers=True):
    """The choice a token names: its number (when typed), its value or its label."""
    word = token.strip()
    if numbers and re.fullmatch(r"\d+", word):
        number = int(word)
        return question.choices[number - 1] if 1 <= number <= len(question.choices) else None
    low = word.lower()
    for choice in question.choices:
        if choice.lower() == low:
            return choice
    for choice in question.choices:
        labels = question.choice_text.get(choice)
        labels = labels.values() if isinstance(labels, dict) else [labels]
        if any(isinstance(label, str) and label.lower() == low for label in labels):
            return choice
    return None


def _not_a_choice(question, token, lang):
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


def none_answer(question, lang="en"):
    """The explicit "none" of a multiple-choice question (``[]``), where it may be none."""
    least = getattr(question, "min_choices", 0) or 0
    if least:
        raise AnswerError(texts(lang)["none_not_allowed"].format(n=least))
    return []


def _parse_multi(question, text, lang, typed=True):
    raw = text.strip()
    if raw.lower() in NONE_WORDS and (typed or raw != "0"):
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
    raw = _strip_unit(question, text.lower().replace("×", "x").replace("*", "x"))
    raw = raw.strip()
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
    return [_check_range(question, v, lang) for v in values]


def parse_answer(question, text, lang="en", typed=True):
    """The request value of a typed answer; :class:`AnswerError` when it does not fit.

    ``typed=False`` reads a text from a request file: there a number is no choice's
    position in the list, and "today" no date.
    """
    kind = question.type
    if kind == "number":
        return _parse_number(question, text, lang, typed)
    if kind == "yes_no":
        return _parse_yes_no(text, lang)
    if kind == "date":
        return _parse_date(text, lang, typed)
    if kind == "choice":
        return _parse_choice(question, text, lang, typed)
    if kind == "multi_choice":
        return _parse_multi(question, text, lang, typed)
    if kind == "dimensions":
        return _parse_dimensions(question, text, lang)
    value = text.strip()
    if not value:
        raise AnswerError(texts(lang)["not_text"])
    return value


def coerce_loaded(question, value, lang="en"):
    """A value read from a request file, checked like a typed answer (texts are parsed)."""
    t = texts(lang)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    if isinstance(value, str):
        return parse_answer(question, value, lang, typed=False)
    kind = question.type
    if kind == "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        if question.integer and isinstance(value, float):
            if not value.is_integer():
                raise AnswerError(t["not_integer"])
            value = int(value)
        return _check_range(question, value, lang)
    if kind == "yes_no" and isinstance(value, bool):
        return value
    if kind == "multi_choice" and isinstance(value, list):
        if not value:
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
        if len(value) != 3 or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                      for v in value):
            raise AnswerError(t["dimensions"])
        return [_check_range(question, v, lang) for v in value]
    if kind == "choice" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _parse_choice(question, str(value), lang, typed=False)
    raise AnswerError({"text": t["not_text"], "number": t["not_number"].format(text=value),
                       "yes_no": t["not_yes_no"], "multi_choice": t["not_list"],
                       "dimensions": t["dimensions"]}.get(kind, t["not_text"]))


def _holds_text(value):
    return isinstance(value, str) or (isinstance(value, list) and (
        not value or any(isinstance(v, str) for v in value)))


def normalize_answers(document, questionnaire, lang="en"):
    """Read a request's answers with the same parser as ``ask``: [(where, message)].

    Texts in a file or an API dict (``01-03-2027``, ``ja``, ``kleine serie``,
    ``1.000,5``, ``geen``) and an explicit none (``[]``) become the request values
    ``ask`` would save, in place.  An answer the parser refuses is returned with its
    path (the schema's own error for that field is then left out); values that are
    not text are left to the schema.  ``check``, ``validate`` and the API call this
    through :func:`producibility.model.load.load_request`, so all of them read a file alike.
    """
    problems = []

    def answers(holder, questions, trail):
        for question in questions:
            value = holder.get(question.id)
            if value is None or not _holds_text(value):
                continue
            if question.type == "multi_choice" and isinstance(value, list) and value:
                # item by item, duplicates kept (validate names them on their own line)
                found = [_match_choice(question, v, numbers=False) if isinstance(v, str)
                         else v for v in value]
                if None not in found:
                    holder[question.id] = found
                continue
            try:
                holder[question.id] = coerce_loaded(question, value, lang)
            except AnswerError as exc:
                if question.type in ("choice", "multi_choice") and value != []:
                    continue  # the schema's message lists the choices, with a did-you-mean
                problems.append((trail + [question.id],
                                 f"{question.id}: {str(exc).rstrip('.')}"))

    if not isinstance(document, dict):
        return problems
    answers(document, request_questions(questionnaire), [])
    parts = document.get("parts")
    if isinstance(parts, list):
        for i, part in enumerate(parts):
            if isinstance(part, dict):
                answers(part, part_questions(questionnaire), ["parts", i])
    return problems


# ----------------------------------------------------------------- relevance
def relevant(question, request, part=None):
    """Whether a question is asked, given the answers so far (unknown counts as yes)."""
    if question.ask_if is None:
        return True
    try:
        result = evaluate(question.ask_if, {"request": request, "part": part or {}})
    except ExpressionError:
        return True
    return result is UNKNOWN or result is True


def _answered(question, value):
    """Whether a value answers its question: an explicit none (``[]``) does, as in check."""
    return value is not None


def part_questions(questionnaire):
    return [q for q in questionnaire.questions if q.scope == "part"]


def request_questions(questionnaire):
    return [q for q in questionnaire.questions if q.scope == "request"]


def unanswered(questionnaire, request):
    """Required, relevant questions without an answer: [(question or None, part index)].

    ``(None, None)`` stands for "no part described yet" when the request has none.
    """
    out = []
    for q in request_questions(questionnaire):
        if q.required and relevant(q, request) and not _answered(q, request.get(q.id)):
            out.append((q, None))
    parts = request.get("parts")
    parts = [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []
    if not parts and part_questions(questionnaire):
        out.append((None, None))
    for i, part in enumerate(parts):
        for q in part_questions(questionnaire):
            if q.required and relevant(q, request, part) and not _answered(q, part.get(q.id)):
                out.append((q, i))
    return out


def describe_open(questionnaire, request, item, lang):
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


# ----------------------------------------------------------------- request files
def ordered_request(questionnaire, request):
    """The request as plain dicts and lists, fields in questionnaire order.

    Fields the questionnaire does not know (a hand-written ``schema:`` hint, say)
    are kept after the questions; parts come last, without empty ones.
    """
    def ordered(answers, questions):
        out = {q.id: yamlio.plain(answers[q.id]) for q in questions
               if answers.get(q.id) is not None}
        known = {q.id for q in questions}
        out.update((k, yamlio.plain(v)) for k, v in answers.items()
                   if k not in known and k != "parts")
        return out

    out = ordered(request, request_questions(questionnaire))
    parts = request.get("parts")
    if isinstance(parts, list):
        kept = [ordered(p, part_questions(questionnaire)) if isinstance(p, dict) else yamlio.plain(p)
                for p in parts]
        kept = [p for p in kept if p != {}]
        if kept:
            out["parts"] = kept
    return out


class _Dumper(yaml.SafeDumper):
    """Block mappings, flow lists of plain values: ``size_mm: [120, 80, 30]``."""


def _represent_list(dumper, data):
    flow = all(not isinstance(item, (list, dict)) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump_request(questionnaire, request):
    """The text of a request file that ``producibility check`` reads."""
    data = ordered_request(questionnaire, request)

    def dates(answers, questions):
        for q in questions:
            if q.type == "date" and isinstance(answers.get(q.id), str):
                try:  # a real date is written bare, like a person would
                    answers[q.id] = datetime.date.fromisoformat(answers[q.id])
                except ValueError:
                    pass

    dates(data, request_questions(questionnaire))
    for part in data.get("parts", []):
        if isinstance(part, dict):
            dates(part, part_questions(questionnaire))
    header = (f"# Answers to the questionnaire {questionnaire.id} {questionnaire.version}, "
              "written by `producibility ask`.\n")
    if not data:
        return header + "{}\n"
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                              default_flow_style=False, width=100)


def load_partial(path, questionnaire, lang="en"):
    """A (possibly half-answered) request file to resume from: (answers, warnings).

    Answers that do not fit their question are dropped with a warning (so they are
    asked again); unknown fields are kept as they are.
    """
    t = texts(lang)
    document = yamlio.load(path)
    if document is None:
        return {}, []
    if not isinstance(document, dict):
        raise InputError("a request must be a mapping of answers", str(path),
                         getattr(document, "line", 1))
    warnings = []

    def take(answers, questions, trail):
        known = {q.id: q for q in questions}
        out = {}
        for key, value in answers.items():
            line = yamlio.line_of(document, trail + [key])
            where = f"{path}:{line}" if line else str(path)
            question = known.get(key)
            if question is None:
                if key != "schema" and not (key == "parts" and not trail):
                    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
                    hint = (f" ({t['did_you_mean'].format(word=close[0]).strip()})"
                            if close else "")
                    warnings.append(t["unknown_field"].format(where=where, field=key,
                                                              hint=hint))
                out[key] = value
                continue
            if value is None:
                continue
            try:
                out[key] = coerce_loaded(question, value, lang)
            except AnswerError as exc:
                warnings.append(t["ignored"].format(
                    where=where, message=f"{key}: {str(exc).rstrip('.')}"))
        return out

    request = take(document, request_questions(questionnaire), [])
    parts = document.get("parts")
    if isinstance(parts, list):
        request["parts"] = [take(p, part_questions(questionnaire), ["parts", i])
                            if isinstance(p, dict) else p for i, p in enumerate(parts)]
        if not all(isinstance(p, dict) for p in request["parts"]):
            raise InputError("every part must be a mapping of answers", str(path),
                             yamlio.line_of(document, ["parts"]))
    elif parts is not None:
        raise InputError("parts must be a list of parts", str(path),
                         yamlio.line_of(document, ["parts"]))
    return request, warnings


# ----------------------------------------------------------------- validation
@dataclass
class Problem:
    """An impossible combination: where (a path into the request) and what."""

    where: list
    message: str
    fields: tuple  # the (scope, field) pairs involved, for warnings while asking
    part: int = None
    missing: bool = False  # a process needs a field that is not there (vs. a conflict)


def process_needs(questionnaire):
    """Processes (values of the part's "processes" question) that need more part
    fields: the ``needs`` of the catalogue the questionnaire's choices come from."""
    from producibility.model.catalogue import default_catalogue

    shop = questionnaire.shop or default_catalogue()
    needs = {pid: tuple(entry["needs"]) for pid, entry in shop.entries["processes"].items()
             if entry.get("needs")}
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


def combination_problems(questionnaire, request, lang="en"):
    """Answers that each fit their question but not each other."""
    t = texts(lang)
    has = {q.key for q in questionnaire.questions}
    problems = []
    if not isinstance(request, dict):
        return problems

    if {("request", "date"), ("request", "wanted_date")} <= has:
        asked, wanted = _date(request.get("date")), _date(request.get("wanted_date"))
        if asked and wanted and wanted < asked:
            problems.append(Problem(["wanted_date"], t["wanted_before_date"].format(
                wanted=wanted.isoformat(), date=asked.isoformat()),
                (("request", "wanted_date"), ("request", "date"))))
    if {("request", "batches"), ("request", "quantity")} <= has:
        batches, quantity = request.get("batches"), request.get("quantity")
        if _is_number(batches) and _is_number(quantity) and batches > quantity:
            problems.append(Problem(["batches"], t["batches_over_quantity"].format(
                batches=batches, quantity=quantity),
                (("request", "batches"), ("request", "quantity"))))

    def duplicates(answers, questions, trail, part=None):
        for q in questions:
            value = answers.get(q.id)
            if q.type != "multi_choice" or not isinstance(value, list):
                continue
            seen = set()
            for j, item in enumerate(value):
                if isinstance(item, (str, int, float)) and item in seen:
                    problems.append(Problem(trail + [q.id, j], t["duplicate"].format(
                        field=_field_name(trail + [q.id]), item=item),
                        ((q.scope, q.id),), part))
                elif isinstance(item, (str, int, float)):
                    seen.add(item)

    duplicates(request, request_questions(questionnaire), [])
    parts = request.get("parts")
    if not isinstance(parts, list):
        return problems
    processes_q = questionnaire.question("part", "processes")
    needs = process_needs(questionnaire)
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            continue
        name = part.get("id") if isinstance(part.get("id"), str) else f"#{i + 1}"
        duplicates(part, part_questions(questionnaire), ["parts", i], i)
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
        thickness, size = part.get("thickness_mm"), part.get("size_mm")
        if (_is_number(thickness) and isinstance(size, list) and len(size) == 3
                and all(_is_number(v) for v in size) and thickness > min(size)):
            problems.append(Problem(["parts", i, "thickness_mm"], t["thickness_over_size"].format(
                part=name, thickness=show_number(thickness, lang),
                smallest=show_number(min(size), lang)),
                (("part", "thickness_mm"), ("part", "size_mm")), i))
    return problems


def validate_request(path, questionnaire, lang="en"):
    """Check a request file: (problems as InputErrors sorted by line, request or None).

    Exactly the loader's checks, so ``validate`` and ``check`` refuse the same
    requests: answers read by the one parser, the schema (types, ranges, unknown
    fields with did-you-mean) and impossible combinations, each with ``file:line``.
    """
    from producibility.model.load import load_request

    path = str(path)
    try:
        document = yamlio.load(path)
    except InputError as exc:
        return (exc.errors if isinstance(exc, InputErrors) else [exc]), None
    if not isinstance(document, dict):
        return [InputError("a request must be a mapping of answers, with a list of parts",
                           path, getattr(document, "line", 1))], None
    errors = []
    try:  # the loader reads the answers, checks the schema and the combinations
        load_request(document, questionnaire, path=path, lang=lang)
    except InputErrors as exc:
        errors.extend(exc.errors)
    except InputError as exc:
        errors.append(exc)
    errors.sort(key=lambda e: (e.line or 0, e.message))
    return errors, document


# ----------------------------------------------------------------- the interview
@dataclass(frozen=True)
class Step:
    """One thing to ask: a question (for the request or part ``part``), or "more parts?"."""

    kind: str  # "question" or "more"
    question: object = None
    part: int = None

    @property
    def key(self):
        if self.kind == "more":
            return ("more", self.part)
        return (self.question.scope, self.question.id, self.part)


class Interview:
    """Walks the questionnaire at a terminal.

    ``read(prompt)`` returns one typed line (it raises EOFError/KeyboardInterrupt,
    which the caller handles: every answer is already saved); ``write(text)`` prints
    a line; ``changed(request)`` is called after every change with the request as
    it should be saved.  ``only`` (a list of (scope, field, part index) keys) limits
    the walk to those questions, in that order.
    """

    def __init__(self, questionnaire, lang, read, write, changed, request=None, only=None):
        self.questionnaire = questionnaire
        self.lang = lang
        self.t = texts(lang)
        self.read, self.write, self.changed = read, write, changed
        request = dict(request or {})
        parts = request.pop("parts", None)
        self.top = request
        self.parts = [dict(p) for p in parts] if isinstance(parts, list) else []
        self.given_parts = len(self.parts)
        # "another part?" answers: the parts of a resumed request are there already
        self.more = {i: True for i in range(len(self.parts) - 1)}
        self.only = only
        self.visited = set()
        self.header = None
        self.sections = {s["id"]: s for s in questionnaire.sections}

    # --- state
    def part(self, index):
        while len(self.parts) <= index:
            self.parts.append({})
        return self.parts[index]

    def part_count(self):
        count = 1
        while self.more.get(count - 1) is True:
            count += 1
        return count

    def request(self):
        """The answers as they are saved: parts the user said no to are left out."""
        out = dict(self.top)
        if part_questions(self.questionnaire):
            out["parts"] = [dict(p) for p in self.parts[: self.part_count()]]
        elif self.parts:
            out["parts"] = list(self.parts)
        return out

    def answer_count(self, request=None):
        request = request or ordered_request(self.questionnaire, self.request())
        return (len([k for k in request if k != "parts"])
                + sum(len(p) for p in request.get("parts", []) if isinstance(p, dict)))

    def answered(self, step):
        if step.kind == "more":
            return step.part in self.more
        if step.part is None:
            answers = self.top
        else:
            answers = self.parts[step.part] if step.part < len(self.parts) else {}
        return answers.get(step.question.id) is not None

    # --- the plan: every step that applies, given the answers so far
    def plan(self):
        context = self.request()
        steps = []
        for section in self.questionnaire.sections:
            questions = [q for q in self.questionnaire.questions if q.section == section["id"]]
            if section.get("repeat") == "parts":
                for i in range(self.part_count()):
                    part = self.parts[i] if i < len(self.parts) else {}
                    steps += [Step("question", q, i) for q in questions
                              if relevant(q, context, part)]
                    steps.append(Step("more", None, i))
            else:
                steps += [Step("question", q) for q in questions if relevant(q, context)]
        if self.only is None:
            return steps
        by_key = {s.key: s for s in steps}
        chosen = [by_key[k] for k in self.only if k in by_key]
        if self.given_parts == 0:  # no part yet: describe them in full
            only = set(self.only)
            chosen += [s for s in steps if s.part is not None and s.key not in only]
        return chosen

    def skipped(self, step):
        """Answered before this session and not looked at again: not asked going forward."""
        return self.answered(step) and step.key not in self.visited

    def preset_count(self):
        return sum(1 for s in self.plan() if s.kind == "question" and self.answered(s))

    # --- the walk
    def run(self):
        steps = self.plan()
        current = next((s for s in steps if not self.skipped(s)), None)
        while current is not None:
            going = self.ask(current)
            steps = self.plan()
            keys = [s.key for s in steps]
            if current.key not in keys:  # an earlier answer changed the plan
                current = next((s for s in steps if not self.skipped(s)), None)
                continue
            index = keys.index(current.key)
            if going == BACK:
                if index == 0:
                    self.write(self.t["first"])
                    continue
                current = steps[index - 1]
                continue
            current = next((s for s in steps[index + 1:] if not self.skipped(s)), None)
        return self.request()

    def _show_header(self, step):
        if step.kind == "more":
            section_id = next(s["id"] for s in self.questionnaire.sections
                              if s.get("repeat") == "parts")
        else:
            section_id = step.question.section
        key = (section_id, step.part)
        if key == self.header:
            return
        self.header = key
        title = in_lang(self.sections[section_id]["title"], self.lang)
        if step.part is not None:
            title += " - " + self.t["part"].format(n=step.part + 1)
        self.write("")
        self.write(title)
        self.write("-" * len(title))

    def _hint(self, q):
        t = self.t
        bits = []
        if q.type == "number":
            low = show_number(q.min, self.lang) if q.min is not None else None
            high = show_number(q.max, self.lang) if q.max is not None else None
            span = (f"{low}–{high}" if low is not None and high is not None
                    else f">= {low}" if low is not None
                    else f"<= {high}" if high is not None else "")
            bits.append(" ".join(x for x in (span, q.unit or "") if x))
        elif q.type == "date":
            bits.append(t["hint_date"])
        elif q.type == "dimensions":
            bits.append(t["hint_dims"] + (f" {q.unit}" if q.unit else ""))
        elif q.type == "yes_no":
            bits.append(t["hint_yes_no"])
        elif q.unit:
            bits.append(q.unit)
        bits = [b for b in bits if b]
        return f" ({', '.join(bits)})" if bits else ""

    def _list_choices(self, q):
        labels = [f"{n}. {choice_label(q, c, self.lang)}" for n, c in enumerate(q.choices, 1)]
        width = max(len(x) for x in labels) + 2
        columns = max(1, min(3, 76 // width)) if len(labels) > 8 else 1
        rows = -(-len(labels) // columns)
        for r in range(rows):
            line = "".join(labels[r + c * rows].ljust(width)
                           for c in range(columns) if r + c * rows < len(labels))
            self.write("  " + line.rstrip())

    def ask(self, step):
        self.visited.add(step.key)
        self._show_header(step)
        if step.kind == "more":
            return self._ask_more(step.part)
        q = step.question
        answers = self.top if step.part is None else self.part(step.part)
        current = answers.get(q.id)
        mark = " *" if q.required else ""
        default = f" [{show_value(q, current, self.lang)}]" if current is not None else ""
        if q.type in ("choice", "multi_choice"):
            self.write(f"{q.label(self.lang)}{mark}")
            self._list_choices(q)
            how = self.t["choose_one"] if q.type == "choice" else self.t["choose_many"]
            if q.type == "multi_choice" and not q.min_choices:
                how += f" ({self.t['choose_none']})"
            prompt = f"{how}{default}: "
        else:
            prompt = f"{q.label(self.lang)}{mark}{self._hint(q)}{default}: "
        while True:
            text = self.read(prompt).strip()
            if text == HELP:
                self.write(help_text(q, self.lang) or self.t["no_help"])
                continue
            if text == BACK:
                return BACK
            if text == LEAVE_OPEN:
                if answers.pop(q.id, None) is not None:
                    self._changed()
                if q.required:
                    self.write(self.t["left_open"])
                return None
            if not text:
                if current is not None or not q.required:
                    return None
                self.write(self.t["required_multi"] if q.type == "multi_choice"
                           and not q.min_choices else self.t["required"])
                continue
            try:
                value = parse_answer(q, text, self.lang)
                if step.part is not None and q.id == "id":
                    self._check_part_id(value, step.part)
            except AnswerError as exc:
                self.write(str(exc))
                continue
            if value != current:
                answers[q.id] = value
                self._changed()
                self._warn(q, step.part)
            return None

    def _check_part_id(self, value, index):
        for i, other in enumerate(self.parts[: self.part_count()]):
            if i != index and other.get("id") == value:
                raise AnswerError(self.t["part_id_used"].format(id=value, n=i + 1))

    def _ask_more(self, index):
        t = self.t
        current = self.more.get(index, False)
        default = t["yes"] if current else t["no"]
        while True:
            text = self.read(f"{t['more_parts']} ({t['hint_yes_no']}) [{default}]: ").strip()
            if text == HELP:
                self.write(t["more_help"])
                continue
            if text == BACK:
                return BACK
            if not text or text == LEAVE_OPEN:
                value = current
            else:
                try:
                    value = _parse_yes_no(text, self.lang)
                except AnswerError as exc:
                    self.write(str(exc))
                    continue
            before = self.part_count()
            self.more[index] = value
            if not value and any(self.parts[index + 1: before]):
                self.write(t["parts_dropped"].format(first=index + 2))
            self._changed()
            return None

    def _changed(self):
        self.changed(self.request())

    def _warn(self, question, part):
        for problem in combination_problems(self.questionnaire, self.request(), self.lang):
            if (question.key in problem.fields and not problem.missing
                    and (problem.part is None or problem.part == part)):
                self.write(self.t["warning"].format(message=problem.message))


def open_keys(questionnaire, request, open_questions=None):
    """The (scope, field, part index) keys to ask for ``ask --only-open``.

    The screener's open questions first (most decisive first), then the required
    questions still unanswered, in questionnaire order.
    """
    parts = request.get("parts") if isinstance(request.get("parts"), list) else []
    index = {str(p.get("id")): i for i, p in enumerate(parts) if isinstance(p, dict)}
    keys = []
    for entry in open_questions or []:
        question = questionnaire.question(entry["scope"], entry["field"])
        if question is None:
            continue  # a derived fact (such as weeks_available), not a question
        if entry["scope"] == "part":
            i = index.get(str(entry.get("part")))
            if i is None or parts[i].get(question.id) is not None:
                continue
            key = ("part", question.id, i)
        else:
            if request.get(question.id) is not None:
                continue
            key = ("request", question.id, None)
        if key not in keys:
            keys.append(key)
    for question, i in unanswered(questionnaire, request):
        if question is None:
            continue
        key = (question.scope, question.id, i)
        if key not in keys:
            keys.append(key)
    return keys


# ----------------------------------------------------------------- the form on paper
FORM_TEXTS = {
    "nl": {
        "intro": "Beantwoord de vragen zo goed als u kunt; wat u nog niet weet, laat u open. "
                 "Met deze antwoorden beoordelen wij of en met welke inspanning wij uw product "
                 "kunnen maken.",
        "legend": "* = verplicht. ☐ = aankruisen.",
        "questionnaire": "Vragenlijst", "answer": "Antwoord", "required": "verplicht",
        "only_if": "Alleen invullen als", "choose_one": "Kies één:",
        "choose_many": "Kies wat van toepassing is:", "yes": "ja", "no": "nee",
        "date": "JJJJ-MM-DD", "integer": "geheel getal", "dims": ("L", "B", "H"),
        "parts_intro": "Vul per onderdeel één kolom in. Meer dan {n} onderdelen? Gebruik een "
                       "tweede blad.",
        "part": "Onderdeel", "question": "Vraag", "notes": "Toelichting bij de onderdelen",
        "write_numbers": "nummer(s) uit de lijst", "chosen_at": "bij {num} {labels} is gekozen",
        "not_chosen_at": "bij {num} {labels} niet is gekozen",
        "none_chosen_at": "bij {num} geen van {labels} is gekozen", "is": "{num} = {value}",
        "is_not": "{num} niet {value} is", "and": " en ", "or": " of ", "range": "{low} tot {high}",
    },
    "en": {
        "intro": "Answer the questions as well as you can; leave open what you do not know "
                 "yet. With these answers we judge whether, and with how much effort, we can "
                 "make your product.",
        "legend": "* = required. ☐ = tick.",
        "questionnaire": "Questionnaire", "answer": "Answer", "required": "required",
        "only_if": "Only if", "choose_one": "Choose one:",
        "choose_many": "Tick all that apply:", "yes": "yes", "no": "no",
        "date": "YYYY-MM-DD", "integer": "whole number", "dims": ("L", "W", "H"),
        "parts_intro": "Fill in one column per part. More than {n} parts? Use a second sheet.",
        "part": "Part", "question": "Question", "notes": "Notes on the parts",
        "write_numbers": "number(s) from the list", "chosen_at": "{labels} is chosen at {num}",
        "not_chosen_at": "{labels} is not chosen at {num}",
        "none_chosen_at": "none of {labels} is chosen at {num}", "is": "{num} = {value}",
        "is_not": "{num} is not {value}", "and": " and ", "or": " or ", "range": "{low} to {high}",
    },
}
PART_COLUMNS = 3


def condition_text(question, numbers, questionnaire, lang):
    """An ``ask_if`` in words a customer reads ("only if 'turning' is chosen at 9.4"), or
    the expression itself when it is more than simple tests joined by one and/or."""
    f = FORM_TEXTS[lang]
    source = question.ask_if.source.strip()
    joiner = " and " if " and " in source else " or "
    if (" and " in source and " or " in source) or "(" in source:
        return source
    atoms, member = [], []  # member: (op, question, label) of "'x' in part.f" tests
    for atom in (a.strip() for a in source.split(joiner)):
        m = (re.fullmatch(r"'([^']*)' (not in|in) (request|part)\.(\w+)", atom)
             or re.fullmatch(r"(not )?(request|part)\.(\w+)", atom)
             or re.fullmatch(r"(request|part)\.(\w+) (==|!=|in) (.+)", atom))
        groups = m.groups() if m else ()
        if len(groups) == 4 and groups[1] in ("in", "not in"):
            value, op, scope, field = groups
            target = questionnaire.question(scope, field)
            if target is None:
                return source
            label = f"'{choice_label(target, value, lang)}'"
            member.append((op, target, label))
            atoms.append(f["chosen_at" if op == "in" else "not_chosen_at"].format(
                num=numbers[target.key], labels=label))
        elif len(groups) == 3:
            negated, scope, field = groups
            target = questionnaire.question(scope, field)
            if target is None:
                return source
            atoms.append(f["is"].format(num=numbers[target.key],
                                        value=f["no"] if negated else f["yes"]))
        elif len(groups) == 4:
            scope, field, op, values = groups
            target = questionnaire.question(scope, field)
            found = re.findall(r"'([^']*)'", values)
            if target is None or not found:
                return source
            atoms.append(f["is_not" if op == "!=" else "is"].format(
                num=numbers[target.key],
                value=f["or"].join(choice_label(target, v, lang) for v in found)))
        else:
            return source
    if len(member) == len(atoms) > 1 and len({(op, q.key) for op, q, _ in member}) == 1:
        op, target, _ = member[0]
        labels = [label for _, _, label in member]
        listed = ", ".join(labels[:-1]) + f["or"] + labels[-1]
        if op == "in" and joiner == " or ":
            return f["chosen_at"].format(num=numbers[target.key], labels=listed)
        if op == "not in" and joiner == " and ":
            return f["none_chosen_at"].format(num=numbers[target.key], labels=listed)
    return f[joiner.strip()].join(atoms)


def form_model(questionnaire, lang):
    """The questionnaire as plain data for the form templates."""
    f = dict(FORM_TEXTS[lang], parts_intro=FORM_TEXTS[lang]["parts_intro"].format(
        n=PART_COLUMNS))
    numbers = {}
    sections = []
    for n, section in enumerate(questionnaire.sections, 1):
        questions = [q for q in questionnaire.questions if q.section == section["id"]]
        for m, q in enumerate(questions, 1):
            numbers[q.key] = f"{n}.{m}"
        sections.append((n, section, questions))
    out = []
    for n, section, questions in sections:
        items = []
        for q in questions:
            limits = ""
            if q.min is not None and q.max is not None:
                limits = f["range"].format(low=show_number(q.min, lang),
                                           high=show_number(q.max, lang))
            items.append({
                "number": numbers[q.key], "id": q.id, "type": q.type,
                "text": q.label(lang), "help": help_text(q, lang), "required": q.required,
                "unit": q.unit or "", "limits": limits, "integer": q.integer,
                "short": {"number": q.unit or "", "date": f["date"],
                          "dimensions": " x ".join(f["dims"]) + (f" {q.unit}" if q.unit else ""),
                          "yes_no": f"{f['yes']}/{f['no']}", "choice": f["write_numbers"],
                          "multi_choice": f["write_numbers"]}.get(q.type, ""),
                "choices": [{"value": c, "label": choice_label(q, c, lang), "n": i}
                            for i, c in enumerate(q.choices, 1)],
                "condition": (condition_text(q, numbers, questionnaire, lang)
                              if q.ask_if is not None else ""),
                "show_if": show_if(q) if q.ask_if is not None else None,
                "min": q.min, "max": q.max, "min_choices": q.min_choices,
                "scope": q.scope,
            })
        out.append({"number": n, "title": in_lang(section["title"], lang),
                    "repeat": section.get("repeat"), "questions": items})
    return {"title": in_lang(questionnaire.title, lang), "id": questionnaire.id,
            "version": questionnaire.version, "lang": lang, "sections": out, "L": f,
            "columns": list(range(1, PART_COLUMNS + 1))}


_SHOW_ATOMS = (
    (re.compile(r"'([^']*)' (not in|in) (request|part)\.(\w+)"),
     lambda m: {"op": "lacks" if m[2] == "not in" else "has", "scope": m[3], "field": m[4],
                "values": [m[1]]}),
    (re.compile(r"(not )?(request|part)\.(\w+)"),
     lambda m: {"op": "false" if m[1] else "true", "scope": m[2], "field": m[3],
                "values": []}),
    (re.compile(r"(request|part)\.(\w+) (==|!=|in|not in) (.+)"),
     lambda m: {"op": {"==": "in", "in": "in", "!=": "out", "not in": "out"}[m[3]],
                "scope": m[1], "field": m[2], "values": re.findall(r"'([^']*)'", m[4])}),
)


def show_if(question):
    """An ``ask_if`` as data the on-screen form evaluates: {"join", "atoms"}, or None
    (always shown) when it is more than simple tests joined by one and/or.  As in
    ``ask``, an unanswered field counts as "show"."""
    source = question.ask_if.source.strip()
    if "(" in source or (" and " in source and " or " in source):
        return None
    join = "and" if " and " in source else "or"
    atoms = []
    for text in (a.strip() for a in source.split(f" {join} ")):
        for pattern, build in _SHOW_ATOMS:
            match = pattern.fullmatch(text)
            if match:
                atoms.append(build(match))
                break
        else:
            return None
    return {"join": join, "atoms": atoms}


def export_questionnaire(questionnaire, lang="nl", fmt="md", provider=None):
    """The questionnaire as a Markdown form, or as a self-contained HTML page with real
    inputs that saves a request file (``provider``: the shop's name and address)."""
    import base64
    import hashlib
    import json

    import jinja2

    from producibility.report.render import TEMPLATE_DIR
    from producibility.texts import texts as new_texts

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=fmt == "html",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    model = form_model(questionnaire, lang)
    if fmt != "html":
        return env.get_template(f"questionnaire.{fmt}.j2").render(**model)
    provider = dict(provider or {})
    address = provider.get("address") or ([provider["location"]] if provider.get("location")
                                           else [])
    if isinstance(address, str):
        address = [line for line in address.splitlines() if line.strip()]
    words = new_texts(lang)
    config = {"lang": lang, "questionnaire": [questionnaire.id, questionnaire.version],
              "shop": provider.get("name") or "",
              "words": {k: words[k] for k in ("form_saved", "form_missing", "part")}}
    # the script is inline (the page is one file that works offline); the page's
    # Content-Security-Policy allows exactly this script, by its digest
    script = env.get_template("questionnaire.form.js").render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("questionnaire.html.j2").render(
        provider=provider, address=address, T=words, script=script,
        script_hash=f"sha256-{digest}",
        config_json=json.dumps(config, ensure_ascii=False, sort_keys=True), **model)
