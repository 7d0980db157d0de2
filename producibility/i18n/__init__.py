"""Every text a user sees, in English and Dutch, from one place; numbers, money and dates by locale.

The words live in locale files, one per language and domain:
``i18n/en/<domain>.yaml`` and ``i18n/nl/<domain>.yaml`` (for example ``report``,
``intake``, ``lint``).  A domain file is a mapping of keys to texts; a text may hold
``{placeholders}`` filled by :func:`text`.  Both languages have exactly the same keys and
the same placeholders (``tests/test_i18n.py``), and a key written twice is a load error.

Numbers, money and dates are formatted by Babel (CLDR data) in :data:`LOCALES`, never by
swapping points for commas by hand.  Babel is imported on the first formatted number, so
a command that formats none does not pay for it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

#: The languages of every user-visible text, in the order they are offered.
LANGS: tuple[str, ...] = ("en", "nl")
#: The language used when none is chosen.
DEFAULT_LANG = "en"
#: The Babel locale of each language.
LOCALES = {"en": "en_GB", "nl": "nl_NL"}

LOCALE_DIR = Path(__file__).resolve().parent


def domains() -> list[str]:
    """The domains that have a locale file (the names of ``i18n/en/*.yaml``)."""
    return sorted(p.stem for p in (LOCALE_DIR / LANGS[0]).glob("*.yaml"))


#: The form of a locale file's record in the cache (a new layout is a new form).
TEXTS_FORM = "locale-texts-1"


@functools.lru_cache(maxsize=None)
def texts(domain: str, lang: str) -> dict[str, Any]:
    """One domain's texts in one language (read once per process).  What a file's exact
    bytes say is kept in the cache as plain JSON (no lines: a text needs none), so a
    warm run decodes it instead of thawing the parsed YAML (a quarter of the time)."""
    import json

    from producibility.inputs import cache, yamlio
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGS)}")
    path = LOCALE_DIR / lang / f"{domain}.yaml"
    # shipped files: not bound by the input size limit (an error about that limit is
    # itself worded from here)
    data = path.read_bytes()
    key = cache.data_key(TEXTS_FORM, data)
    stored = cache.read_data(key)
    if stored is not None:
        try:
            found = json.loads(stored)
        except ValueError:
            found = None
        if isinstance(found, dict):
            return found
    document = yamlio.loads(yamlio.decode_text(data, str(path)), str(path))
    found = yamlio.plain(document) if document else {}
    cache.write_data(key, json.dumps(found, ensure_ascii=True, sort_keys=True,
                                     separators=(",", ":")))
    return found


def text(domain: str, key: str, lang: str, **fields: Any) -> str:
    """The text ``key`` of ``domain`` in ``lang``, with its ``{placeholders}`` filled; a
    text with a count (see :func:`counted`) by the field ``n``."""
    value = texts(domain, lang)[key]
    if isinstance(value, dict):
        return counted(value, fields.pop("n"), lang, **fields)
    return value.format(**fields) if fields else value


def counted(value: Any, n: int, lang: str, **fields: Any) -> str:
    """A text with a count ``{n}``: in the locale file ``{one: ..., other: ...}`` (CLDR's
    plural categories: "1 thread", "2 threads"; "1 thema", "2 thema's"), the form chosen
    by the language's plural rule (Babel's, from CLDR); a plain text serves every count."""
    if isinstance(value, dict):
        value = value.get(_locale(lang).plural_form(n)) or value["other"]
    return value.format(n=n, **fields)


def by_lang(domain: str, key: str) -> dict[str, Any]:
    """``{lang: value}`` of one key in every language (for tables keyed by language)."""
    return {lang: texts(domain, lang)[key] for lang in LANGS}


# -- numbers, money, dates -------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _locale(lang: str):
    """Babel's locale of a language for numbers and money, made once: its few number
    tables from the cache when they are there (:mod:`.cldr`), else all its CLDR data."""
    from producibility.i18n.cldr import number_locale
    return number_locale(LOCALES[lang])


@functools.lru_cache(maxsize=None)
def _pattern(pattern: str):
    """A CLDR number pattern, parsed once (Babel parses it again on every call)."""
    from babel import numbers
    return numbers.parse_pattern(pattern)


def number(value: float, lang: str, decimals: int | None = None, grouping: bool = True) -> str:
    """``value`` as the locale writes it: ``1,234.5`` in English, ``1.234,5`` in Dutch.

    ``decimals`` fixes the digits after the decimal sign; ``None`` shows as many as the
    value needs (up to six).  A float is rounded as Python's own ``f"{value:.2f}"`` rounds
    it (its binary value, half to even), so English figures stay what they were."""
    if decimals is not None and isinstance(value, float):
        value = round(value, decimals)  # before the memo: values that show alike share it
    return _number(value, lang, decimals, grouping)


@functools.lru_cache(maxsize=4096, typed=True)  # Babel takes ~25 us a number; reports repeat them
def _number(value, lang, decimals, grouping):
    if decimals is None:
        pattern = "#,##0.######" if grouping else "0.######"
    else:
        pattern = ("#,##0" if grouping else "0") + ("." + "0" * decimals if decimals else "")
    return _pattern(pattern).apply(value, _locale(lang),
                                   decimal_quantization=decimals is not None)


@functools.lru_cache(maxsize=None)
def decimal_sign(lang: str) -> str:
    """The locale's decimal sign (CLDR): ``.`` in English, ``,`` in Dutch."""
    return number(1.5, lang, 1, grouping=False)[1]


def figure(value: float, lang: str, decimals: int | None = None) -> str:
    """A figure of a formula written out (a quote line's source): as Python writes it
    (``:g``, six significant digits, or ``decimals`` fixed), no grouping, with the
    locale's decimal sign: ``0.25`` in English, ``0,25`` in Dutch."""
    text = f"{value:g}" if decimals is None else f"{value:.{decimals}f}"
    sign = decimal_sign(lang)
    return text if sign == "." else text.replace(".", sign)


#: Below this many kilograms a weight is written in grams (:func:`weight`).
#: Judgement: a kilogram to two decimals reads 0.00 below 5 g and loses a figure below
#: 0.1 kg (a Ø10 x 40 pin of 22 g read "0.02 kg/pc"); a turning shop weighs such parts in
#: grams.
GRAMS_BELOW_KG = 0.1


def weight(kg: float, lang: str) -> str:
    """A weight with its unit as the locale writes it (CLDR's short unit pattern and
    number format, through Babel): kilograms to two decimals from
    :data:`GRAMS_BELOW_KG` up (``0.34 kg``, ``0,34 kg``), grams below it, to one decimal
    where it has one (``77.7 g``, ``22 g``) and two below a gram (``0.68 g``), so that a
    small turned part never reads ``0.00 kg``."""
    return _weight(float(kg), lang)


@functools.lru_cache(maxsize=1024)
def _weight(kg, lang):
    from babel.units import format_unit
    if kg >= GRAMS_BELOW_KG - 1e-12 or kg <= 0:
        return format_unit(round(kg, 2), "mass-kilogram", length="short", format="0.00",
                           locale=_locale(lang))
    grams = kg * 1000.0
    return format_unit(grams, "mass-gram", length="short",
                       format="0.##" if grams < 1 else "0.#", locale=_locale(lang))


def money(value: float, lang: str, decimals: int | None = 0, currency: str = "EUR") -> str:
    """An amount with its currency sign: ``€ 4,828`` in English, ``€ 4.828`` in Dutch.

    A no-break space holds the sign to the amount (a line never breaks between them); a
    float is rounded as Python's ``f"{value:.2f}"`` rounds it (its binary value).
    ``decimals`` None: the cents only where the amount has them (a rate of € 85/h, a
    partner's € 81.50)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    if isinstance(value, float):
        value = round(value, decimals)
    pattern = "¤\u00a0#,##0" + ("." + "0" * decimals if decimals else "")
    return _pattern(pattern).apply(value, _locale(lang), currency=currency,
                                   currency_digits=False)


def date(value, lang: str, form: str = "long") -> str:
    """A date as the locale writes it (``form`` is Babel's: short, medium, long, full)."""
    import datetime

    from babel import dates
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return dates.format_date(value, format=form, locale=LOCALES[lang])


def day(value: Any, lang: str) -> str:
    """An ISO date as the report's language writes it (``date_format`` in its ``report``
    locale file: ``iso`` leaves it as it is); anything that is not a date stays as it is.
    One form for every text a report, an offer or a finding's message shows."""
    import re

    text_ = str(value or "")
    form = text("report", "date_format", lang)
    if form == "iso" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text_):
        return text_
    try:
        return date(text_, lang, form)
    except ValueError:  # 2026-13-45: not a date
        return text_


_ISO_DAY = None


def days_in(value: str, lang: str) -> str:
    """Every ISO date written out in ``value`` (a rule's message that prints
    ``request.earliest_delivery``) in the report's date form (:func:`day`); a date
    inside a longer name (RFQ-2026-11-23) stays as it is."""
    global _ISO_DAY
    if _ISO_DAY is None:
        import re
        _ISO_DAY = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
    if not _ISO_DAY.search(value):
        return value
    return _ISO_DAY.sub(lambda m: day(m.group(), lang), value)
