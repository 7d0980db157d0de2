"""The locale files: every key in both languages, with the same placeholders."""

import string

import pytest

from producibility import i18n


def _fields(value):
    if isinstance(value, str):
        return {name for _, name, _, _ in string.Formatter().parse(value) if name}
    if isinstance(value, dict):
        return {(k, f) for k, v in value.items() for f in _fields(v)} | set(value)
    if isinstance(value, list):
        return {(i, f) for i, v in enumerate(value) for f in _fields(v)}
    return set()


def test_every_language_has_the_same_domains():
    for lang in i18n.LANGS:
        assert sorted(p.stem for p in (i18n.LOCALE_DIR / lang).glob("*.yaml")) == i18n.domains()


@pytest.mark.parametrize("domain", i18n.domains())
def test_every_key_is_in_both_languages_with_the_same_placeholders(domain):
    tables = {lang: i18n.texts(domain, lang) for lang in i18n.LANGS}
    first = tables[i18n.LANGS[0]]
    for lang, table in tables.items():
        assert set(table) == set(first), (domain, lang, set(table) ^ set(first))
        for key, value in table.items():
            assert _fields(value) == _fields(first[key]), (domain, lang, key)
            assert value not in ("", None), (domain, lang, key)


def test_numbers_money_and_dates_by_locale():
    assert i18n.number(1234.5, "en") == "1,234.5"
    assert i18n.number(1234.5, "nl") == "1.234,5"
    assert i18n.number(2, "nl", decimals=1) == "2,0"
    assert i18n.money(4828, "en") == "€\u00a04,828"
    assert i18n.money(4828, "nl") == "€\u00a04.828"
    assert i18n.date("2026-12-21", "nl") == "21 december 2026"
    assert i18n.date("2026-12-21", "en") == "21 December 2026"
    assert i18n.text("common", "yes", "nl") == "ja"


def test_numbers_from_the_kept_cldr_tables_are_babels(tmp_path, monkeypatch):
    """A NumberLocale (the locale's number tables from the cache) formats every number
    and amount as Babel's own locale does, without loading the locale's whole data."""
    import random

    from babel import Locale, numbers

    from producibility.i18n import cldr
    from producibility.inputs import cache

    monkeypatch.setenv("PRODUCIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PRODUCIBILITY_NO_CACHE", raising=False)
    rnd = random.Random(11)
    values = [0, 1, -1, 0.5, 2.675, 1e-7, 10**12, 1234.5678, -98765.4321] + \
        [rnd.uniform(-1e7, 1e7) for _ in range(60)] + [rnd.randint(-10**8, 10**8) for _ in range(60)]
    for identifier in i18n.LOCALES.values():
        real = Locale.parse(identifier)
        # first run: Babel's own, unless the tables of this Babel version are shipped
        # with the package (producibility/prebuilt)
        shipped = cldr._key(identifier) in cache._shipped()[0]
        assert type(cldr.number_locale(identifier)) is (cldr.NumberLocale if shipped else Locale)
        kept = cldr.number_locale(identifier)                     # then: the kept tables
        assert isinstance(kept, cldr.NumberLocale) and kept == real
        for text in ("#,##0.######", "0.######", "#,##0", "#,##0.00", "¤\u00a0#,##0",
                     "¤\u00a0#,##0.00"):
            pattern = numbers.parse_pattern(text)
            for value in values:
                for options in ({"currency": "EUR", "currency_digits": False} if "¤" in text
                                else {"decimal_quantization": q} for q in (True, False)):
                    assert pattern.apply(value, kept, **options) == \
                        pattern.apply(value, real, **options), (identifier, text, value)
        assert kept._Locale__data is None   # Babel never loaded the whole locale
        assert kept.currency_formats["standard"] == real.currency_formats["standard"]  # the rest: loaded


def test_without_the_cache_numbers_use_babels_own_locale(monkeypatch):
    from babel import Locale

    from producibility.i18n import cldr

    monkeypatch.setenv("PRODUCIBILITY_NO_CACHE", "1")
    assert type(cldr.number_locale("nl_NL")) is Locale


def test_error_lines_speak_the_users_language_and_come_out_whatever_happens(monkeypatch,
                                                                             capsys):
    """``Error:`` is ``Fout:`` in Dutch (also for an internal error); when the locale
    files cannot be read at all, the line still comes out (in English)."""
    import producibility.i18n as i18n
    from producibility.errors import InputError, InternalError

    InputError("kapot", "f.yaml", 3).show(lang="nl")
    InternalError(ValueError("x")).show(lang="nl")
    assert capsys.readouterr().err.splitlines() == [
        "Fout: f.yaml:3: kapot",
        "Interne fout: ValueError: x (een fout in producibility zelf; zet "
        "PRODUCIBILITY_DEBUG=1 voor de details)"]
    i18n.texts.cache_clear()
    monkeypatch.setattr(i18n, "LOCALE_DIR", i18n.LOCALE_DIR / "nowhere")
    try:
        InputError("kapot", "f.yaml", 3).show(lang="nl")
        assert capsys.readouterr().err == "Error: f.yaml:3: kapot\n"
    finally:
        i18n.texts.cache_clear()
