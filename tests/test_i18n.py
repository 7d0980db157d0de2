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
        # a weight's unit (i18n.weight: kg, g) from the kept tables too: loading the whole
        # locale for it was a quarter of a warm check's first screening
        from babel.units import format_unit
        for unit, fmt in (("mass-kilogram", "0.00"), ("mass-gram", "0.#"), ("mass-gram", "0.##")):
            for value in (0.0, 0.68, 1, 22, 77.7, 99.9, 1234.5, 0.1):
                for length in ("short", "long"):
                    assert format_unit(value, unit, length=length, format=fmt, locale=kept) == \
                        format_unit(value, unit, length=length, format=fmt, locale=real)
        assert kept._Locale__data is None
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


def _worded_calls():
    """(file, line, domain, key, field names) of every Wording the package makes with a
    literal domain and key (``_problem(mark, key, ...)`` in the YAML parser too)."""
    import ast

    package = i18n.LOCALE_DIR.parent.parent
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if name == "Wording" and len(args) >= 2:
                domain, key = args[:2]
            elif name == "_problem" and len(args) >= 2 and path.name == "yamlparse.py":
                domain, key = "inputs", args[1]
            else:
                continue
            if key is None:  # a helper passing its caller's key on (checked at the caller)
                continue
            fields = {k.arg for k in node.keywords if k.arg}
            yield path.name, node.lineno, domain, key, fields


def test_every_worded_message_in_the_code_is_in_the_locale_with_its_fields():
    """An error worded later (errors.Wording) names a key of its domain and fills exactly
    its placeholders: a typo would only show at the moment a user meets the error (as
    the key's words with its fields, the fallback of a broken installation)."""
    calls = list(_worded_calls())
    assert len(calls) >= 25, calls  # the scan finds them
    for file, line, domain, key, fields in calls:
        assert domain in i18n.domains(), (file, line, domain)
        texts = i18n.texts(domain, "en")
        assert key in texts, (file, line, domain, key)
        assert _fields(texts[key]) == fields, (file, line, key, fields)


def _example():
    from conftest import REQUESTS
    return REQUESTS[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("name, content, english, dutch", [
    ("nope.yaml", None, "nope.yaml: no such file", "nope.yaml: bestand niet gevonden"),
    ("bin.yaml", b"\x00\x01id", "bin.yaml: is a binary file, not YAML text",
     "bin.yaml: is een binair bestand, geen YAML-tekst"),
    ("latin.yaml", b"id: caf\xe9\n", "latin.yaml:1: is not UTF-8 text (byte 8)",
     "latin.yaml:1: is geen UTF-8-tekst (byte 8)"),
    ("syntax.yaml", "id: R1\nnote: a: b\n",
     "syntax.yaml:2: the value of 'note:' has a colon in it (': '): put the value in quotes: "
     'note: "a: b"', "syntax.yaml:2: in de waarde van 'note:' staat een dubbele punt (': '): "
     'zet de waarde tussen aanhalingstekens: note: "a: b"'),
    ("indent.yaml", "id: R1\npurpose: prototype\n  quantity: 3\n",
     "indent.yaml:3: 'quantity:' is indented further than 'purpose:' on the line above: "
     "line it up with it", "indent.yaml:3: 'quantity:' staat verder ingesprongen dan "
     "'purpose:' op de regel erboven: lijn hem daarmee uit"),
    ("colon.yaml", "id: R1\ncustomer: see\n  http://x.nl: y\n",
     "colon.yaml:3: not valid YAML: a 'key: value' is not allowed here",
     "colon.yaml:3: geen geldige YAML: hier mag geen 'sleutel: waarde' staan"),
    ("flow.yaml", "id: [R1, R2\n", "flow.yaml:2: not valid YAML: ',' or ']' expected here",
     "flow.yaml:2: geen geldige YAML: hier wordt ',' of ']' verwacht"),
    # English read libyaml's "while parsing a block collection: did not find expected '-'
    # indicator" where Dutch said which '-' and asked about the indentation
    ("dash.yaml", "parts:\n  - id: P1\n  quantity: 1\n", "dash.yaml:3: not valid YAML: a '-' "
     "of the list is expected here (is the indentation right?)", "dash.yaml:3: geen geldige "
     "YAML: hier wordt een '-' van de lijst verwacht (klopt het inspringen?)"),
    ("twice.yaml", "id: R1\nid: R2\n", "twice.yaml:2: duplicate key 'id' (first on line 1)",
     "twice.yaml:2: sleutel 'id' staat er twee keer in (eerst op regel 1)"),
    ("date.yaml", "id: R1\ndate: 2026-02-30\n", "date.yaml:2: '2026-02-30' is not a real date",
     "date.yaml:2: '2026-02-30' is geen bestaande datum"),
    ("huge.yaml", "id: R1\nquantity: 1.0e+400\n",
     "huge.yaml:2: '1.0e+400' is not a usable number",
     "huge.yaml:2: '1.0e+400' is geen bruikbaar getal"),
    ("list.yaml", "- id: R1\n", "list.yaml:1: a request must be a mapping of answers, "
     "with a list of parts", "list.yaml:1: een aanvraag moet een mapping van antwoorden "
     "zijn, met een lijst van onderdelen (parts)"),
    ("parts.yaml", "twice", "is used twice (also part 1)", "komt twee keer voor (ook "
     "onderdeel 1)"),
])
def test_a_files_problem_is_shown_in_the_users_language(tmp_path, monkeypatch, name, content,
                                                        english, dutch):
    """What is wrong with a file as read (found before the command knows the language)
    comes out in the user's language, ``file:line`` first, exit 1: never ``Fout:``
    followed by English."""
    from conftest import EQUIPMENT, run_cli

    monkeypatch.chdir(tmp_path)
    if content == "twice":  # the example with its parts listed twice: the same ids
        text = _example()
        content = text + text[text.index("\n  - id: ") + 1:]
    if isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    elif content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    for lang, prefix, expected in (("en", "Error: ", english), ("nl", "Fout: ", dutch)):
        code, out, err = run_cli("check", name, "--equipment", EQUIPMENT, "--lang", lang)
        assert code == 1 and out == "", (lang, out)
        line = err.splitlines()[0]
        assert line.startswith(prefix + name) and expected in line, (lang, err)


def test_a_packs_problem_is_shown_in_the_users_language(tmp_path):
    """A provider's pack, loaded before the language matters, is checked in its words:
    the schema's advice, the loader's checks and their did-you-means."""
    from conftest import EQUIPMENT, REQUESTS, run_cli

    pack = tmp_path / "own.yaml"
    rule = ("  - id: OWN-{n}\n    title: thin wall\n    thread: materials\n"
            "    scope: part\n    when: {when}\n    then: {then}\n    message: wall\n"
            "    mitigation: support the wall\n    source: judgement\n")
    pack.write_text("pack: {id: own, version: 1.0.0}\nrules:\n" + rule.format(
        n=1, when="part.min_wall_mm < 1", then="{likelihood: 3}"), encoding="utf-8")
    seen = {}
    for lang in ("en", "nl"):
        code, _, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT,
                               "--rules", pack, "--lang", lang)
        assert code == 1
        seen[lang] = err.splitlines()
    # the field belongs one level down, under risk:
    assert seen["en"] == [f"Error: {pack}:8: in rules[0].then: unknown field 'likelihood' "
                          "(it goes under 'risk:', indented: 'risk:' then '  likelihood: ...')"]
    assert seen["nl"] == [f"Fout: {pack}:8: in rules[0].then: onbekend veld 'likelihood' "
                          "(dat hoort onder 'risk:', ingesprongen: 'risk:' en dan "
                          "'  likelihood: ...')"]
    pack.write_text("pack: {id: own, version: 1.0.0}\nrules:\n" + rule.format(
        n=2, when="part.min_wal_mm < 1", then="{risk: {likelihood: 3, consequence: 3}}"),
        encoding="utf-8")
    _, _, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--rules", pack,
                        "--lang", "nl")
    assert err.splitlines() == [f"Fout: {pack}:7: OWN-2: when: part.min_wal_mm is geen "
                                "bekend veld (bedoelt u 'min_wall_mm'?)"]


def test_validate_and_batch_word_a_files_problem_in_the_users_language(tmp_path):
    """``validate`` prints it, ``batch`` puts it in the request's error record: in Dutch
    with --lang nl, as ``check`` says it."""
    import json

    from conftest import EQUIPMENT, run_cli

    bad = tmp_path / "twice.yaml"
    bad.write_text("id: R1\nid: R2\n", encoding="utf-8")
    said = "sleutel 'id' staat er twee keer in (eerst op regel 1)"
    code, out, err = run_cli("validate", bad, "--lang", "nl")
    assert code == 1 and f"{bad}:2: {said}" in out.splitlines(), (out, err)
    code, out, _ = run_cli("batch", tmp_path, "--equipment", EQUIPMENT, "--lang", "nl")
    record = json.loads(out.splitlines()[0])
    assert code != 0 and record["ok"] is False and record["error"] == f"{bad}:2: {said}"


@pytest.mark.parametrize("lang, one, two", [
    ("en", "1 thread not assessed", "2 threads not assessed"),
    ("nl", "1 thema niet beoordeeld", "2 thema's niet beoordeeld")])
def test_a_count_takes_the_form_its_number_needs(lang, one, two):
    """A text with a count has a form per CLDR plural category (one, other), chosen by
    the language's plural rule: never "1 thema's"."""
    forms = i18n.texts("report", lang)["not_assessed_count"]
    assert i18n.counted(forms, 1, lang) == one and i18n.counted(forms, 2, lang) == two
    assert i18n.counted(forms, 0, lang) == two.replace("2", "0")
    assert i18n.text("report", "not_assessed_count", lang, n=1) == one


def test_a_report_and_a_batch_count_in_words_that_fit_the_number(tmp_path):
    """One material left open leaves one MRL thread unassessed; a batch of one request."""
    import json

    from conftest import EQUIPMENT, EXAMPLES, run_cli

    request = tmp_path / "r.yaml"
    text = (EXAMPLES / "requests" / "bracket-series.yaml").read_text(encoding="utf-8")
    assert "    material: aluminium_6082\n" in text
    request.write_text(text.replace("    material: aluminium_6082\n", ""), encoding="utf-8")
    _, out, _ = run_cli("check", request, "--equipment", EQUIPMENT, "--no-probe", "--lang",
                        "nl")
    assert "; 1 thema niet beoordeeld\n" in out  # no "(1 thema ...)" after "(...)"
    assert "materialen: niet beoordeeld (beantwoord om te beoordelen: Materiaal)" in out
    _, out, err = run_cli("batch", request, "--equipment", EQUIPMENT, "--lang", "nl")
    assert json.loads(out)["ok"] and err.startswith("1 aanvraag (1 beoordeeld, 0 mislukt)")


def test_an_equipment_files_problems_with_the_vocabulary_are_in_the_users_language(tmp_path):
    """The equipment file against the shop's vocabulary (the catalogue): an unknown
    material with its did-you-mean, an unknown machine field, a field a process needs."""
    from conftest import EQUIPMENT, run_cli

    text = EQUIPMENT.read_text(encoding="utf-8")
    assert "materials: [aluminium_6082" in text and "    envelope_mm: [762, 406, 508]\n" in text
    broken = tmp_path / "eq.yaml"
    broken.write_text(text.replace("materials: [aluminium_6082", "materials: [aluminum_6082", 1)
                      .replace("    envelope_mm: [762, 406, 508]\n",
                               "    spindel_kw: 3\n", 1), encoding="utf-8")
    said = {}
    for lang in ("en", "nl"):
        code, out, _ = run_cli("validate", "--equipment", broken, "--lang", lang)
        assert code == 1
        said[lang] = [line.split(": ", 1)[1] for line in out.splitlines()]
    assert "machine 'haas-vf2': unknown field 'spindel_kw' (did you mean 'spindle_kw'?)" \
        in said["en"]
    assert "machine 'haas-vf2': onbekend veld 'spindel_kw' (bedoelt u 'spindle_kw'?)" \
        in said["nl"]
    assert ("materiaal 'aluminum_6082' is onbekend (bedoelt u 'aluminium_6082'?)"
            in " ".join(said["nl"]))
    assert ("machine 'haas-vf2' doet milling_3axis maar heeft geen envelope_mm: voor de fit "
            "van milling_3axis zijn envelope_mm, tolerance_mm nodig") in said["nl"]


def test_a_locale_file_is_read_from_its_plain_record_once_parsed(tmp_path, monkeypatch):
    """What a locale file's exact bytes say is kept as plain JSON: a warm run decodes it
    (a quarter of thawing the parsed YAML with its lines) and parses no YAML; the texts
    are the file's; a record that is not a mapping is parsed again."""
    import json

    from producibility.inputs import cache, yamlio

    monkeypatch.setenv("PRODUCIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PRODUCIBILITY_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_shipped", lambda: ({}, frozenset()))  # no prebuilt records
    path = i18n.LOCALE_DIR / "nl" / "report.yaml"
    parsed = yamlio.plain(yamlio.loads(path.read_text(encoding="utf-8"), str(path)))
    read = i18n.texts.__wrapped__
    assert read("report", "nl") == parsed                   # parsed, and recorded
    key = cache.data_key(i18n.TEXTS_FORM, path.read_bytes())
    assert json.loads(cache.read_data(key)) == parsed

    def no_yaml(*args, **kwargs):
        raise AssertionError("parsed YAML although the record was there")
    with monkeypatch.context() as patched:
        patched.setattr(yamlio, "loads", no_yaml)
        assert read("report", "nl") == parsed
    cache.write_data(key, "[1, 2]")                          # not what texts() writes
    assert read("report", "nl") == parsed
