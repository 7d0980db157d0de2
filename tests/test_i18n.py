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
