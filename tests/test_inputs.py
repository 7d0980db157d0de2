"""Bad input is normal input: each class gets one clear line with file:line."""

import datetime

import pytest
import yaml
from hypothesis import example, given, settings, strategies as st

from producibility.model.catalogue import default_catalogue

from producibility import load_equipment, load_packs, load_request
from producibility.errors import InputError
from producibility.inputs import yamlio

from conftest import EQUIPMENT, run_cli

GOOD_PART = """\
parts:
  - id: P1
    processes: [milling_3axis]
    material: aluminium_6082
    size_mm: [100, 50, 20]
    tolerance_mm: 0.1
"""


def write(tmp_path, text, name="request.yaml", mode="w"):
    path = tmp_path / name
    if mode == "wb":
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(fn, *args):
    with pytest.raises(InputError) as info:
        fn(*args)
    return str(info.value)


@pytest.mark.parametrize("text, expected", [
    ("id: R1\npurpose: prototype\nquantity: [1\n" + GOOD_PART, "request.yaml:4: "),
    ("id: R1\npurpose: prototype\npurpose: series\n" + GOOD_PART,
     "request.yaml:3: duplicate key 'purpose' (first on line 2)"),
    ("id: R1\nquantity: 'twee'\n" + GOOD_PART,
     "request.yaml:2: quantity: 'twee' is not a number"),
    ("id: R1\nquantity: '1.000'\n" + GOOD_PART,
     "request.yaml:2: quantity: '1.000' can mean 1000 or 1; write 1000 or 1"),
    ("id: R1\nquantity: 200 dozen\n" + GOOD_PART,
     "request.yaml:2: quantity: '200 dozen' is not a number"),
    ("id: R1\nquantty: 200\n" + GOOD_PART,
     "request.yaml:2: unknown field 'quantty' (did you mean 'quantity'?)"),
    ("id: R1\npurpose: prototyp\n" + GOOD_PART,
     "request.yaml:2: purpose: the text 'prototyp' is not one of: prototype, pilot, small_series, "
     "series (did you mean 'prototype'?)"),
    ("id: R1\nquantity: -5\n" + GOOD_PART, "request.yaml:2: quantity must be >= 1 pcs, got -5 pcs"),
    ("id: R1\nquantity: .nan\n" + GOOD_PART, "request.yaml:2: '.nan' is not a usable number"),
    ("id: R1\nquantity: .inf\n" + GOOD_PART, "request.yaml:2: '.inf' is not a usable number"),
    ("id: R1\nparts: []\n", "request.yaml:2: parts needs at least 1 item, has 0"),
    ("id: R1\n", "request.yaml:1: the document: missing required field 'parts'"),
    ("- just\n- a list\n", "request.yaml:1: a request must be a mapping"),
    ("id: !!python/object/apply:os.system ['echo hacked']\n" + GOOD_PART,
     "request.yaml:1: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    ("id: R1\nwanted_date: 2026-02-30\n" + GOOD_PART,
     "request.yaml:2: '2026-02-30' is not a real date"),
    ("id: R1\n" + GOOD_PART + "  - id: P1\n    material: pom\n",
     "request.yaml:8: part id 'P1' is used twice"),
    ("id: R1\n" + GOOD_PART.replace("[100, 50, 20]", "[100, 0, 20]"),
     "request.yaml:6: part 'P1' size_mm[1] must be >= 0.1, got 0"),
])
def test_bad_requests_give_one_clear_line(tmp_path, text, expected):
    path = write(tmp_path, text)
    message = error_of(load_request, path)
    assert message.splitlines()[0].startswith(str(path.parent / expected)), message


def test_billion_laughs_is_refused(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    message = error_of(load_request, write(tmp_path, "\n".join(lines) + "\n"))
    assert "alias" in message


def test_deep_nesting_is_refused(tmp_path):
    message = error_of(load_request, write(tmp_path, "a: " + "[" * 500 + "]" * 500 + "\n"))
    assert "nested deeper than" in message


def test_binary_and_non_utf8_files_are_refused(tmp_path):
    assert "binary file" in error_of(load_request, write(tmp_path, b"\x00\x01\x02", mode="wb"))
    message = error_of(load_request, write(tmp_path, b"id: R\xe9\n", mode="wb"))
    assert message.endswith("request.yaml:1: is not UTF-8 text (byte 6)")


def test_huge_files_are_refused_before_parsing(tmp_path, monkeypatch):
    from producibility.inputs import yamlio
    monkeypatch.setattr(yamlio, "MAX_BYTES", 1000)
    message = error_of(load_request, write(tmp_path, "id: R1\n" + "#" * 2000 + "\n"))
    assert "larger than the limit of 1000 bytes" in message


def test_missing_file_and_directory(tmp_path):
    assert error_of(load_request, tmp_path / "nope.yaml").endswith("nope.yaml: no such file")
    assert "is a directory" in error_of(load_request, tmp_path)


def test_requests_as_dicts_reject_nan_from_json():
    message = error_of(load_request, {"id": "R", "quantity": float("nan"), "parts": []})
    assert "quantity is not a usable number" in message


def test_equipment_errors_name_the_line(tmp_path):
    text = EQUIPMENT.read_text(encoding="utf-8").replace("rate_eur_h: 78", "rate_eur_h: cheap", 1)
    path = write(tmp_path, text, "equipment.yaml")
    message = error_of(load_equipment, path)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "rate_eur_h: cheap" in l)
    assert f"equipment.yaml:{line}: machine 'haas-vf2' rate_eur_h must be a number" in message


def test_a_file_valid_before_is_known_without_reading_the_shipped_schema(tmp_path,
                                                                          monkeypatch):
    """check_file with a shipped schema's name keys the file's validation record by the
    schema's bytes, and reads the schema only for a file not valid before."""
    from producibility.inputs import schema as schemas
    from producibility.inputs import yamlio

    from producibility.model.equipment import _plain

    text = EQUIPMENT.read_text(encoding="utf-8")
    path = write(tmp_path, text, "equipment.yaml")
    document, data = yamlio.load_with_bytes(path)
    _plain(document["provider"]["calendar"])  # its dates as ISO text, as load_equipment
    schemas.check_file(document, data, "equipment", str(path))  # remembered as valid

    def refuse(name):
        raise AssertionError("the schema was read")
    monkeypatch.setattr(schemas, "shipped", refuse)
    schemas.check_file(document, data, "equipment", str(path))
    monkeypatch.undo()
    bad = write(tmp_path, text.replace("rate_eur_h: 78", "rate_eur_h: cheap", 1), "bad.yaml")
    document, data = yamlio.load_with_bytes(bad)
    _plain(document["provider"]["calendar"])
    with pytest.raises(InputError, match="rate_eur_h must be a number"):
        schemas.check_file(document, data, "equipment", str(bad))


def test_equipment_duplicate_machine_id(tmp_path):
    text = EQUIPMENT.read_text(encoding="utf-8").replace("id: haas-vf4", "id: haas-vf2")
    assert "machine id 'haas-vf2' is used twice" in error_of(
        load_equipment, write(tmp_path, text, "equipment.yaml"))


def test_pack_errors_name_the_line(tmp_path):
    path = write(tmp_path, "rules:\n  - id: X-1\n    thread: materails\n    title: t\n"
                           "    scope: part\n    when: 'true'\n    then: {flag: f}\n"
                           "    message: m\n", "pack.yaml")
    message = error_of(load_packs, [path])
    assert "pack.yaml:3: rules[0].thread: the text 'materails' is not one of" in message
    assert "(did you mean 'materials'?)" in message


def test_pack_condition_that_does_not_compile(tmp_path):
    path = write(tmp_path, "rules:\n  - id: X-1\n    thread: materials\n    title: t\n"
                           "    scope: part\n    when: part.material ==\n    then: {flag: f}\n"
                           "    message: m\n", "pack.yaml")
    assert error_of(load_packs, [path]).endswith(
        "pack.yaml:6: rule X-1: when: syntax error: unexpected 'end of template'")


@pytest.mark.parametrize("args_text, expected", [
    ("id: R1\npurpose: [\n", "Error: "),
    ("id: R1\nquantty: 3\n" + GOOD_PART, "(did you mean 'quantity'?)"),
])
def test_cli_bad_request_exits_1_without_traceback(tmp_path, args_text, expected):
    path = write(tmp_path, args_text)
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT)
    assert code == 1
    assert out == ""
    assert expected in err and "Traceback" not in err
    assert all(line.startswith("Error: ") for line in err.splitlines())


def test_yaml_merge_keys_may_be_overridden_but_own_keys_not_repeated():
    from producibility.inputs.yamlio import loads

    data = loads("base: &b {id: 1, x: 2}\ncase:\n  <<: *b\n  id: 3\n")
    assert data["case"] == {"id": 3, "x": 2}
    with pytest.raises(InputError, match="duplicate key 'id'"):
        loads("base: &b {x: 2}\ncase:\n  <<: *b\n  id: 3\n  id: 4\n")


def test_a_machine_must_give_the_limits_its_process_needs(tmp_path):
    text = EQUIPMENT.read_text(encoding="utf-8").replace("    max_diameter_mm: 262\n", "", 1)
    message = error_of(load_equipment, write(tmp_path, text, "equipment.yaml"),
                       default_catalogue())
    assert "machine 'haas-st20' does turning but has no max_diameter_mm" in message


def test_request_errors_speak_dutch_with_lang_nl(tmp_path):
    path = write(tmp_path, "id: R1\nquantty: 200\npurpose: prototyp\n" + GOOD_PART)
    with pytest.raises(InputError) as info:
        load_request(path, lang="nl")
    lines = str(info.value).splitlines()
    assert lines[0].endswith("request.yaml:2: onbekend veld 'quantty' (bedoelt u 'quantity'?)")
    assert "purpose: de tekst 'prototyp' is geen van: prototype" in lines[1]


# ---- plain documents are built in one pass: the same values, lines and errors

def _both_paths(text):
    """yamlio's result for a document read as a plain tree and as a graph."""
    from producibility.inputs import yamlparse
    def read(may_alias):
        loader = yamlparse._Loader(text)
        loader.may_alias = may_alias
        try:
            value = loader.get_single_data()
        except Exception as exc:  # noqa: BLE001 - the error is what we compare
            return ("error", type(exc).__name__, str(exc))
        finally:
            loader.dispose()
        return _with_positions(value)
    return read(False), read(True)


def _with_positions(value):
    if isinstance(value, dict):
        return ("map", getattr(value, "line", None), sorted(getattr(value, "positions", {}).items()),
                sorted(getattr(value, "key_lines", {}).items()),
                sorted(getattr(value, "merged", ())),
                [(k, _with_positions(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", getattr(value, "line", None), getattr(value, "item_lines", None),
                getattr(value, "item_cols", None), [_with_positions(v) for v in value])
    return ("value", type(value).__name__, value)


@pytest.mark.parametrize("text", [
    "a: 1\nb: [x, 2.5, true, null, 2026-11-23]\nc: {d: e}\n",
    "rules:\n  - id: R\n    when: part.x > 1\n    then: {risk: {likelihood: 2}}\n",
    "a: 1\na: 2\n", "? [1, 2]\n: x\n", "~: x\n", "1: one\n2.5: two\n", "<<: {a: 1}\nb: 2\n",
    "<<: {a: 1}\na: 2\n", "a: !!python/object:os.system x\n", "a: !!set {x, y}\n",
    "a: !!binary aGVsbG8=\n", "a: !!omap [{x: 1}]\n", "a: .nan\n", "- - - 1\n  - 2\n",
    "a: 2026-13-45\n", "a: 'quoted'\nb: \"double\"\nc: |\n  block\n", "[]\n", "{}\n",
])
def test_a_plain_document_reads_the_same_as_through_the_general_constructor(text):
    tree, graph = _both_paths(text)
    assert tree == graph


def test_the_shipped_packs_read_the_same_both_ways():
    from conftest import ROOT
    for path in sorted((ROOT / "rules").glob("*.yaml")) + [EQUIPMENT]:
        tree, graph = _both_paths(path.read_text(encoding="utf-8"))
        assert tree == graph, path.name
        assert tree[0] == "map"


# ----------------------------------------------------------------- one problem once
def test_validate_in_dutch_prints_a_duplicate_item_once(tmp_path):
    """A duplicate is one problem in every language (issue 12: the schema's errors are
    de-duplicated by their path and kind, never by English message text)."""
    path = write(tmp_path, "id: R-1\npurpose: prototype\n" + GOOD_PART.replace(
        "processes: [milling_3axis]", "processes: [milling_3axis, turning, milling_3axis]"))
    outputs = {}
    for lang in ("en", "nl"):
        code, out, err = run_cli("validate", path, "--lang", lang)
        assert code == 1
        outputs[lang] = [line for line in out.splitlines() if line.startswith(str(path))]
    assert outputs["en"] == [f"{path}:5: parts[0].processes lists 'milling_3axis' twice"]
    assert outputs["nl"] == [f"{path}:5: parts[0].processes noemt 'milling_3axis' twee keer"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_schema_errors_are_one_per_path_and_kind(lang):
    """The same error from two branches of a schema is reported once; two missing fields
    at the same place are two problems; in both languages."""
    from producibility.errors import InputErrors
    from producibility.inputs.schema import check

    schema = {"type": "object", "allOf": [{"required": ["id"]}, {"required": ["id", "parts"]}],
              "properties": {"size": {"allOf": [{"minItems": 3}, {"minItems": 3}]}}}
    with pytest.raises(InputErrors) as caught:
        check({"size": [1]}, schema, "r.yaml", lang)
    messages = [e.message for e in caught.value.errors]
    assert len(messages) == 3, messages
    assert sum("'id'" in m for m in messages) == 1 and sum("'parts'" in m for m in messages) == 1
    assert ("size needs at least 3 items, has 1" if lang == "en"
            else "size moet minstens 3 waarden hebben, heeft er 1") in messages


def test_an_equipment_file_is_checked_in_the_users_language(tmp_path):
    """check, batch and validate word the equipment file's schema problems in --lang."""
    from conftest import EQUIPMENT, REQUESTS, run_cli
    broken = tmp_path / "eq.yaml"
    broken.write_text(EQUIPMENT.read_text(encoding="utf-8").replace(
        "free_h_per_week", "free_h_per_wek", 1), encoding="utf-8")
    for command in (["check", REQUESTS[0], "--equipment", broken],
                    ["validate", "--equipment", broken]):
        code, out, err = run_cli(*command, "--lang", "nl")
        assert code == 1, (command, err)
        assert "free_h_per_week" in err + out and "missing required field" not in err + out
    code, _, err = run_cli("check", REQUESTS[0], "--equipment", broken)
    assert code == 1 and "missing required field 'free_h_per_week'" in err
    # a machine may carry other keys (a process's limits), so the misspelt one is no
    # unknown field: the missing one's message names it, at its line
    line = next(i for i, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1)
                if "free_h_per_wek" in text)
    assert err == f"Error: {broken}:{line}: machine 'haas-vf2': missing required field " \
        "'free_h_per_week' ('free_h_per_wek' is given: a typo?)\n"
    code, _, err = run_cli("check", REQUESTS[0], "--equipment", broken, "--lang", "nl")
    assert err.endswith("('free_h_per_wek' staat er wel: een tikfout?)\n")


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)),
    st.sampled_from(["1", "1.0", "yes", "no", "on", "true", "null", "~", "2026-11-30",
                     "0x1F", "1e3", "1_000", "-", "a: b", "#x", "", "é", ".5", "+1"]),
    st.text(max_size=8))
_DOCUMENTS = st.recursive(
    _SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                      st.dictionaries(st.text(min_size=1, max_size=6), inner,
                                                      max_size=4)),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=6), _DOCUMENTS, max_size=5),
       st.sampled_from([None, True, False]))
@example({" ": None, "\x85": None}, None)  # two keys PyYAML writes as one: see below
def test_the_parser_reads_what_pyyaml_reads(document, flow):
    """The parser's direct paths (scalars built by their constructor, tags resolved once
    per text and style) give the values and types PyYAML's SafeLoader gives, twice over
    (the second parse meets remembered tags), in block and flow style."""
    from producibility.inputs import yamlparse

    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    expected = yaml.safe_load(text)
    for _ in range(2):
        try:
            got = yamlparse.loads(text)
        except InputError as error:
            # PyYAML writes a key with a NEL (U+0085) in quotes that read back as a space:
            # two keys become one, which PyYAML keeps silently and the parser refuses,
            # on purpose (a duplicate key is an error); nothing else may fail
            assert getattr(error, "kind", None) == "duplicate-key" and expected != document
            return
        assert got == expected
        assert _types(got) == _types(expected)


def _types(value):
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


_NUMBER_TEXTS = st.one_of(
    st.from_regex(r"[-+]?[0-9][0-9_]{0,4}(\.[0-9_]{0,4}|:[0-9][0-9_]{0,3}){0,2}",
                  fullmatch=True),
    st.from_regex(r"[-+]?0[xbo]?[0-9a-fA-F]{1,4}", fullmatch=True),
    st.sampled_from(["010", "0x1F", "0b101", "1:30", "190:20:30", "1:30.5", "2.000",
                     "12.500", "-1.000", "001.000", "1000.000", "0.015", "0.000", "1_000",
                     "200", "+12", "1.5", "100.25"]))


def _persons_reading(text):
    """What a person reads in a number text: read_number, digit groups of ``_`` allowed
    (YAML's), or None where the text is no number or could mean two."""
    from producibility.intake.answers import AnswerError, read_number
    try:
        return read_number(text.replace("_", ""))
    except AnswerError:
        return None


@settings(max_examples=400, deadline=None)
@given(_NUMBER_TEXTS)
def test_a_request_holds_no_number_a_person_would_not_read(text):
    """In a text a person wrote (``as_written``) the parser gives a number only where a
    person reads the same number in the text (``010`` is no 8, ``2.000`` no 2.0, ``1:30``
    no 90); otherwise the text itself, which the request's reader then reads as a quoted
    answer.  Everything else is what YAML reads."""
    from producibility.inputs import yamlparse

    written = yamlparse.loads(f"q: {text}\n", "r.yaml", as_written=True)["q"]
    plain = yaml.safe_load(f"q: {text}\n")["q"]
    if isinstance(written, str):
        assert written == text
        assert isinstance(plain, str) or _persons_reading(text) != plain or \
            text.lstrip("+-")[:1] == "0"  # 00 is 0 either way; the text is read as 0
    else:
        assert written == plain and type(written) is type(plain)
        assert _persons_reading(text) == plain, (text, plain)


@pytest.mark.parametrize("text, outcome", [
    ("2.000", "quantity: '2.000' can mean 2000 or 2; write 2000 or 2"),
    ("1:30", "quantity: '1:30' is not a number"),
    ("0x1F", "quantity: '0x1F' is not a number"),
    ("010", 10), ("200", 200), ("1_000", 1000)])
def test_a_number_in_a_request_file_is_read_as_a_person_means_it(tmp_path, text, outcome):
    """Unquoted or quoted, a request file's number gives the same answer: YAML 1.1 read
    ``2.000`` as 2 pieces, ``010`` as 8 and ``1:30`` as 90, without a word.  A JSON
    request's numbers are JSON's."""
    from conftest import REQUESTS
    source = REQUESTS[0].read_text(encoding="utf-8")
    assert "\nquantity: 200\n" in source
    for written in (text, f"'{text}'") if "_" not in text else (text,):  # YAML's 1_000
        path = tmp_path / "r.yaml"
        path.write_text(source.replace("\nquantity: 200\n", f"\nquantity: {written}\n"),
                        encoding="utf-8")
        if isinstance(outcome, int):
            assert load_request(path)["quantity"] == outcome
        else:
            assert error_of(load_request, path) == f"{path}:8: {outcome}", written
    as_json = tmp_path / "r.json"
    as_json.write_text('{"quantity": 2.000}', encoding="utf-8")
    assert yamlio.load(as_json) == {"quantity": 2.0}


@pytest.mark.parametrize("size, outcome", [
    ("[140, 60, 25.000]", [140, 60, 25]),        # 25,000 mm is beyond the range: 25
    ("['140', 60, 25]", [140, 60, 25]),
    ("[1.200, 800, 30]", "size_mm: '1.200' can mean 1200 or 1.2; write 1200 or 1.2"),
    ("[140, 60, abc]", "size_mm: 'abc' is not a number")])
def test_a_size_in_a_request_file_is_read_as_a_person_means_it(tmp_path, size, outcome):
    """The sizes of a part, a list, read number by number as a typed answer: a size kept
    as written ("25.000") was refused with "give three sizes", and before that "1.200"
    was silently 1.2 mm."""
    from conftest import EXAMPLES
    source = (EXAMPLES / "requests" / "bracket-series.yaml").read_text(encoding="utf-8")
    assert "    size_mm: [140, 60, 25]\n" in source
    path = tmp_path / "r.yaml"
    path.write_text(source.replace("    size_mm: [140, 60, 25]\n", f"    size_mm: {size}\n"),
                    encoding="utf-8")
    if isinstance(outcome, list):
        assert load_request(path)["parts"][0]["size_mm"] == outcome
    else:
        assert error_of(load_request, path) == f"{path}:49: {outcome}"


def test_an_unknown_language_is_an_input_error_naming_the_languages(screener):
    """Screener.check(..., lang='de') raised a plain ValueError."""
    from conftest import base_request
    from producibility.errors import InputError
    with pytest.raises(InputError) as caught:
        screener.check(base_request(), lang="de")
    assert "'de'" in str(caught.value) and "en, nl" in str(caught.value)


@pytest.mark.parametrize("written, fixed", [("2e0", "2.0e+0"), ("1.0e300", "1.0e+300")])
def test_an_exponent_yaml_reads_as_text_gets_advice_that_helps(tmp_path, written, fixed):
    """'2e0' in a pack read "write the number without quotes", though it had none: YAML
    1.1 reads an exponent without a decimal point or sign as text."""
    from conftest import run_cli
    pack = tmp_path / "exp.yaml"
    pack.write_text(
        "pack: {id: exp, version: 1.0.0}\nrules:\n  - id: EXP-001\n"
        "    title: {en: x, nl: x}\n    scope: request\n    thread: design\n"
        "    when: 'true'\n    then: {effort: {engineering_h: " + written + "}}\n"
        "    message: {en: x, nl: x}\n    source: {en: x, nl: x}\n", encoding="utf-8")
    code, out, err = run_cli("rules", "lint", pack)
    assert code != 0
    said = out + err
    assert f"YAML reads {written} as text: write {fixed}" in said
    assert "without quotes" not in said
