"""The library API and the input paths, as a quoting pipeline drives them: a web form's
JSON through ``Screener.check``, a process pool, ``check -``, ``batch DIR``.  One
section per item of the integrator's review (review 9)."""

import concurrent.futures
import copy
import datetime
import decimal
import json
import os
import pickle
import subprocess
import sys

import pytest

from conftest import EQUIPMENT, ROOT, base_request, run_cli

from producibility import InputError, Report, Screener, load_request
from producibility.errors import ArgumentError, InputErrors


def run_env(args, stdin=None):
    environ = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "producibility", *map(str, args)],
                          input=stdin, capture_output=True, timeout=120, env=environ,
                          cwd=ROOT)


def error_of(call, *args, **kwargs):
    with pytest.raises(InputError) as caught:
        call(*args, **kwargs)
    return caught.value


# ---- 5. quantities checked as --quantities is; to_json never writes NaN ----------------

@pytest.mark.parametrize("quantities", [[0], [-5], [2.5], ["10"], [10**20], [float("nan")],
                                        [True], [], "0, 10", "10, x", b"\n", 12,
                                        list(range(1, 30))])
def test_bad_quantities_are_an_input_error(screener, quantities):
    error = error_of(screener.check, base_request(), quantities=quantities, probe=False)
    assert str(error).startswith("quantities: give ")
    assert error.worded("nl").startswith("quantities: geef ")


def test_quantities_as_numbers_or_as_the_option_text(screener):
    def breaks(quantities):
        report = screener.check(base_request(), quantities=quantities, probe=False)
        return [b["quantity"] for b in report.to_dict()["quote"]["breaks"]]

    assert breaks([10, 50]) == breaks((n for n in (10, 50))) == breaks("10, 50") == [10, 50]


def test_to_json_refuses_nan_rather_than_write_invalid_json():
    with pytest.raises(ValueError):
        Report({"verdict": "fit", "x": float("nan")}).to_json()


# ---- 9. dates past the calendar's horizon ----------------------------------------------

@pytest.mark.parametrize("changes", [{"date": "9999-12-30", "wanted_date": "9999-12-31"},
                                     {"wanted_date": "9999-12-31"},
                                     {"date": "23-11-9990", "wanted_date": None}])
def test_a_date_past_the_horizon_is_an_input_error(screener, changes):
    error = error_of(screener.check, base_request(**changes), probe=False)
    assert "beyond the calendar's horizon" in str(error) and len(str(error).splitlines()) == 1
    assert "voorbij de horizon" in error.worded("nl")


def test_an_as_of_date_past_the_horizon_is_an_input_error(screener):
    for as_of in ("9999-12-31", datetime.date(9999, 1, 1)):
        assert "horizon" in str(error_of(screener.check, base_request(), as_of=as_of))


def test_the_last_date_of_the_horizon_is_screened(screener):
    from producibility.model.calendar import LAST_DATE

    last = LAST_DATE.isoformat()
    report = screener.check(base_request(date=last, wanted_date=last), probe=False)
    assert report.to_dict()["lead_time"]["earliest_date"] > last


def test_validate_and_check_refuse_a_far_date_alike(tmp_path):
    path = tmp_path / "far.yaml"
    path.write_text("id: R\npurpose: prototype\ndate: 9999-12-30\nparts:\n  - id: P1\n",
                    encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 1 and f"{path}:3: date 9999-12-30 is beyond" in out
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT)
    assert code == 1 and f"{path}:3: date 9999-12-30 is beyond" in err
    code, out, err = run_cli("check", ROOT / "examples/requests/bracket-series.yaml",
                             "--equipment", EQUIPMENT, "--as-of", "9999-12-31")
    assert code == 1 and "Internal error" not in err and "horizon" in err


# ---- 10. errors cross a process boundary -------------------------------------------------

def _raise(kind):
    """In a worker process: the errors a quote worker meets."""
    if kind == "schema":  # the schema's advice is a function: it used not to pickle
        load_request({"id": "R", "purpose": "prototyp", "parts": [{"id": "P1"}]})
    if kind == "argument":
        Screener(None)
    raise InputError("plain", "file.yaml", 3)


def _same(a, b):
    assert type(a) is type(b) and str(a) == str(b)
    assert all(a.worded(lang) == b.worded(lang) for lang in ("en", "nl"))


@pytest.mark.parametrize("kind", ["schema", "argument", "plain"])
def test_input_errors_pickle_with_their_words(kind):
    with pytest.raises(InputError) as caught:
        _raise(kind)
    again = pickle.loads(pickle.dumps(caught.value))
    _same(again, caught.value)
    if isinstance(again, InputErrors):
        for one, other in zip(again.errors, caught.value.errors):
            _same(one, other)
            assert getattr(one, "where", None) == getattr(other, "where", None)


def test_input_errors_come_back_from_a_process_pool():
    expected = {}
    for kind in ("schema", "argument", "plain"):
        with pytest.raises(InputError) as caught:
            _raise(kind)
        expected[kind] = caught.value
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        futures = {kind: pool.submit(_raise, kind) for kind in expected}
        for kind, future in futures.items():
            with pytest.raises(InputError) as caught:
                future.result(timeout=120)
            _same(caught.value, expected[kind])
            # the ArgumentError is a TypeError too
            assert isinstance(caught.value, TypeError) == (kind == "argument")


# ---- 12. a .json request is read as JSON, with its lines ----------------------------------

def test_a_json_request_with_surrogate_pair_escapes_is_read(screener, tmp_path):
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps(base_request(customer="Café 😀"), indent=1), encoding="ascii")
    assert "\\ud83d\\ude00" in path.read_text(encoding="ascii")
    report = screener.check(path, probe=False)
    assert report.request["customer"] == "Café 😀"
    code, out, err = run_cli("validate", path)
    assert code == 0, out + err


@pytest.mark.parametrize("text, line, said", [
    ('{\n  "id": "R",\n  "quantity": 5,\n}\n', 4, "invalid JSON: Expecting property name"),
    ('{\n  "id": "R",\n  "id": "S"\n}\n', 3, "duplicate key 'id'"),
    ('{\n  "id": "R",\n  "quantity": NaN\n}\n', 3, "'NaN' is not a usable number"),
    ('{\n  "id": "R",\n  "purpose": "prototyp",\n  "parts": [{"id": "P1"}]\n}\n', 3,
     "purpose: the text 'prototyp' is not one of"),
])
def test_a_json_request_s_errors_say_json_at_file_and_line(tmp_path, text, line, said):
    path = tmp_path / "bad.JSON"
    path.write_text(text, encoding="utf-8")
    error = error_of(load_request, path)
    first = error.errors[0] if isinstance(error, InputErrors) else error
    assert str(first).startswith(f"{path}:{line}: {said}")
    assert "YAML" not in str(error)


# ---- 13. values that are not JSON data ------------------------------------------------------

@pytest.mark.parametrize("changes, where, kind", [
    ({"customer": b"abc"}, "customer", "bytes"), ({"customer": {1, 2}}, "customer", "set"),
    ({"customer": object()}, "customer", "object"),
    ({"part": {"material": frozenset()}}, "parts[0].material", "frozenset")])
def test_a_value_that_is_not_json_data_is_refused_by_name(screener, changes, where, kind):
    error = error_of(screener.check, base_request(**changes))
    assert str(error) == (f"<request>: {where}: {kind} is not text, a number, true/false, "
                          "a list or a mapping")
    assert "is geen tekst" in error.worded("nl")


def test_dates_tuples_and_decimals_are_taken_as_their_json(screener):
    request = base_request(date=datetime.date(2026, 11, 23), quantity=decimal.Decimal(10))
    request["parts"] = tuple(request["parts"])
    plain = screener.check(base_request(), probe=False).to_json()
    assert screener.check(request, probe=False).to_json() == plain


# ---- 14. arguments of the wrong type -------------------------------------------------------

@pytest.mark.parametrize("args, kwargs, named", [
    ((None,), {}, "equipment must be"), (([],), {}, "equipment must be"),
    ((str(EQUIPMENT), "rules/"), {}, "packs must be a list of pack paths, not one str"),
    ((str(EQUIPMENT), [1]), {}, "packs must be a list of pack paths, not of int"),
    ((str(EQUIPMENT),), {"questionnaire": "questions.yaml"}, "questionnaire must be")])
def test_screener_arguments_are_checked_at_the_door(args, kwargs, named):
    with pytest.raises(ArgumentError) as caught:
        Screener(*args, **kwargs)
    assert str(caught.value).startswith(named)
    assert isinstance(caught.value, InputError) and isinstance(caught.value, TypeError)


@pytest.mark.parametrize("request_, kwargs, named", [
    (None, {"source_name": 123}, "source_name must be text, not int"),
    (None, {"probe": "no"}, "probe must be True or False, not 'no'"),
    (None, {"assume": None}, "assume must be True or False, not None"),
    (None, {"as_of": 20261123}, "as_of: an as-of date must be a date or its text"),
    (5, {}, "request must be a dict of answers or a file path, not int"),
    (None, {"lang": None}, "lang: unknown language None")])
def test_check_arguments_are_checked_at_the_door(screener, request_, kwargs, named):
    error = error_of(screener.check, base_request() if request_ is None else request_,
                     **kwargs)
    assert str(error).startswith(named)


# ---- 15. load_request leaves the caller's dict alone ----------------------------------------

def test_load_request_works_on_a_copy():
    request = base_request(model_3d="ja", date="23-11-2026", wanted_date="15-01-2027",
                           part={"material": "6082", "size_mm": ["120", "60", "20"],
                                 "processes": ["3-assig frezen", "teleport"]})
    before = copy.deepcopy(request)
    loaded = load_request(request)
    assert request == before
    assert loaded["model_3d"] is True and loaded["parts"][0]["material"] == "aluminium_6082"


# ---- 8. a limit on the parts of a request ----------------------------------------------------

def _parts(n):
    request = base_request()
    request["parts"] = [dict(request["parts"][0], id=f"P{i}") for i in range(n)]
    return request


def test_more_parts_than_the_limit_is_one_input_error(screener, tmp_path):
    from producibility.model.questionnaire import MAX_PARTS

    error = error_of(screener.check, _parts(MAX_PARTS + 1))
    assert str(error) == (f"<request>: parts: {MAX_PARTS + 1} parts, more than the "
                          f"{MAX_PARTS} a request may have: split it into several requests")
    path = tmp_path / "many.json"
    text = json.dumps(_parts(MAX_PARTS + 1), indent=1)
    path.write_text(text, encoding="utf-8")
    line = text[:text.index('"parts"')].count("\n") + 1
    code, out, err = run_cli("validate", path)
    assert code == 1 and f"{path}:{line}: parts: {MAX_PARTS + 1} parts" in out
    done = run_env(["batch", "--equipment", EQUIPMENT],
                   stdin=json.dumps(_parts(MAX_PARTS + 1)).encode() + b"\n")
    record = json.loads(done.stdout)
    assert done.returncode == 4 and "more than the 500 a request may have" in record["error"]


def test_the_request_schema_says_the_limit():
    from producibility.model.questionnaire import MAX_PARTS

    shipped = json.loads((ROOT / "producibility/schemas/request.schema.json").read_text(
        encoding="utf-8"))
    assert shipped["properties"]["parts"]["maxItems"] == MAX_PARTS


def test_a_text_names_five_parts_and_counts_the_rest():
    from producibility.report.finding import named_parts

    parts = [f"P{i}" for i in range(300)]
    assert named_parts(parts, "en") == "P0, P1, P2, P3, P4 and 295 more"
    assert named_parts(parts, "nl") == "P0, P1, P2, P3, P4 en nog 295"
    assert named_parts(parts[:5], "en") == "P0, P1, P2, P3, P4"


# ---- 24, 23. check - reads standard input; batch DIR says what it skipped ------------------

def test_check_reads_the_request_from_standard_input():
    request = (ROOT / "examples/requests/bracket-series.yaml").read_bytes()
    as_file = run_env(["check", ROOT / "examples/requests/bracket-series.yaml",
                       "--equipment", EQUIPMENT, "--format", "json"])
    from_stdin = run_env(["check", "-", "--equipment", EQUIPMENT, "--format", "json"],
                         stdin=request)
    assert from_stdin.returncode == 0, from_stdin.stderr
    report, expected = json.loads(from_stdin.stdout), json.loads(as_file.stdout)
    assert report["verdict"] == expected["verdict"]
    assert report["inputs"]["request"]["file"] == "<stdin>"
    as_json = json.dumps(base_request(purpose="prototyp")).encode()
    refused = run_env(["check", "-", "--equipment", EQUIPMENT], stdin=as_json)
    assert refused.returncode == 1
    assert b"<stdin>:1: purpose: the text 'prototyp'" in refused.stderr


def test_batch_takes_any_case_of_extension_and_says_what_it_skipped(tmp_path):
    text = json.dumps(base_request())
    for name in ("a.json", "b.JSON", "c.Yml", "notes.txt", ".hidden.yaml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text(text, encoding="utf-8")
    code, out, err = run_cli("batch", tmp_path, "--equipment", EQUIPMENT, "--format", "csv",
                             "--csv-style", "plain")
    assert code == 0 and len(out.splitlines()) == 4  # the header and a, b, c
    assert (f"note: {tmp_path}: 3 entries skipped (1 subdirectory, not read: sub; 1 file of "
            "another kind: notes.txt; 1 hidden file: .hidden.yaml)") in err
    code, out, err = run_cli("batch", tmp_path, "--equipment", EQUIPMENT, "--format", "csv",
                             "--lang", "nl")
    assert f"let op: {tmp_path}: 3 items overgeslagen (1 submap" in err


# ---- 21. py.typed; the findings a caller gets are a copy ------------------------------------

def test_the_package_says_it_is_typed():
    assert (ROOT / "producibility/py.typed").is_file()
    assert "producibility = py.typed" in (ROOT / "setup.cfg").read_text(encoding="utf-8")


def test_report_findings_is_a_copy(screener):
    report = screener.check(base_request(), probe=False)
    before = report.to_json()
    report.findings.clear()
    report.findings[0]["rule"] = "changed" if report.findings else None
    assert report.to_json() == before


def test_a_whole_number_written_as_a_float_is_read_as_an_int(screener):
    """A web form's JSON says "quantity": 5.0; the report said 5.0 and pieces 10.0, which
    a typed ERP import (an int column) refuses. A whole-number answer of a whole-number
    question is read as an int; 5.5 of one is still refused."""
    from conftest import base_request
    from producibility.errors import InputError
    request = base_request(quantity=5.0, batches=1.0, part={"quantity": 2.0})
    data = screener.check(request, probe=False).to_dict()
    assert type(data["request"]["quantity"]) is int and data["request"]["pieces"] == 10
    assert type(data["request"]["pieces"]) is int
    with pytest.raises(InputError):
        screener.check(base_request(quantity=5.5), probe=False)
