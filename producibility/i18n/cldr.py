"""The few CLDR tables that numbers and money are formatted with, kept in the cache.

Formatting a number with Babel reads a handful of the locale's CLDR tables (its number
symbols, currency symbols and names, plural rule), but Babel loads the locale's whole
data for the first of them: for ``en_GB`` it unpickles and merges four files (root, en,
en_001, en_GB; ~400 KB), about a tenth of a warm ``check``.  These tables are taken from
Babel once, kept as JSON in the content-addressed cache (:mod:`producibility.inputs.cache`,
keyed by Babel's version and the locale), and given to Babel's own formatting by a
:class:`NumberLocale`; a table not kept here loads the locale's data as Babel always does.
With the cache off, or on the first run, the plain Babel locale is used.
"""

from __future__ import annotations

import json

import babel
from babel import Locale
from babel.plural import PluralRule

from producibility.inputs import cache

#: The tables kept: what ``NumberPattern.apply`` reads for a number or an amount, and the
#: patterns of the units a report writes (``babel.units.format_unit``: a weight in kg or g,
#: :func:`producibility.i18n.weight`).  Another unit is read from the full data.
TABLES = ("number_symbols", "currency_symbols", "currency_names", "currency_names_plural",
          "plural_form", "unit_patterns")
UNITS = ("mass-gram", "mass-kilogram")


def tables_of(locale: Locale) -> dict:
    """The kept tables of a Babel locale, as JSON data (this loads its whole data)."""
    data = locale._data  # Babel's merged locale data: what its properties read
    return {
        "number_symbols": {system: dict(symbols)
                           for system, symbols in data["number_symbols"].items()},
        "currency_symbols": dict(data["currency_symbols"]),
        "currency_names": dict(data["currency_names"]),
        "currency_names_plural": {code: dict(forms) for code, forms
                                  in data["currency_names_plural"].items()},
        "plural_form": locale.plural_form.rules,
        "unit_patterns": {unit: {length: dict(forms) for length, forms
                                 in data["unit_patterns"][unit].items()} for unit in UNITS},
    }


def _key(identifier: str) -> str:
    return cache.data_key("cldr-number-tables",
                          f"{babel.__version__}\0{identifier}\0{','.join(TABLES)}".encode())


class _Tables(dict):
    """The kept tables; any other is read from the locale's full data (loaded then)."""

    def __init__(self, tables, full):
        super().__init__(tables)
        self._full = full

    def __missing__(self, key):
        return self._full()[key]

    def __contains__(self, key):
        return dict.__contains__(self, key) or key in self._full()

    def get(self, key, default=None):
        return self[key] if dict.__contains__(self, key) else self._full().get(key, default)


class NumberLocale(Locale):
    """A Babel locale whose number tables come from the cache, not from its pickles."""

    def __init__(self, locale: Locale, tables: dict) -> None:
        super().__init__(locale.language, locale.territory, locale.script, locale.variant)
        full = lambda: Locale._data.fget(self)  # noqa: E731 - loaded when first needed
        tables = dict(tables, plural_form=PluralRule(tables["plural_form"]),
                      unit_patterns=_Tables(tables["unit_patterns"],
                                            lambda: full()["unit_patterns"]))
        self._tables = _Tables(tables, full)

    @property
    def _data(self):
        return self._tables


def number_locale(identifier: str) -> Locale:
    """The locale to format numbers and money in: a :class:`NumberLocale` from the kept
    tables, else (first run, cache off, an entry that does not read) Babel's own, whose
    tables are then kept for the next run."""
    locale = Locale.parse(identifier)
    stored = cache.read_data(_key(identifier))
    if stored is not None:
        try:
            tables = json.loads(stored)
            if isinstance(tables, dict) and set(tables) == set(TABLES):
                return NumberLocale(locale, tables)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # not what we wrote: Babel's own, and write it again
    try:
        text = json.dumps(tables_of(locale), sort_keys=True)
    except (TypeError, ValueError, KeyError):
        return locale
    cache.write_data(_key(identifier), text)
    return locale
