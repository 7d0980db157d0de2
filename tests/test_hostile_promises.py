"""Issue 16: the README's promises, attacked as a hostile customer, a careless provider or
another user of the same machine would. One section per item of the issue."""

import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import EQUIPMENT, ROOT, base_request, run_cli
from test_hostile import BRACKET, GOOD, assert_clean_error, one_rule_pack, run

from producibility import InputError, Screener

EQUIPMENT_TEXT = EQUIPMENT.read_text(encoding="utf-8")


def run_env(args, env=None, stdin=None, stdout=subprocess.PIPE, cwd=ROOT):
    environ = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "producibility", *map(str, args)],
                          input=stdin, stdout=stdout, stderr=subprocess.PIPE, timeout=120,
                          env=environ, cwd=cwd)


def check_args(*extra):
    return ["check", BRACKET, "--equipment", EQUIPMENT, "--no-probe", *extra]


# ---- 1. -o can destroy other files -------------------------------------------------

def test_a_link_planted_at_the_old_temporary_name_is_not_followed(tmp_path):
    from producibility.project import atomic_write

    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    target = tmp_path / "report.txt"
    for pid in {os.getpid(), os.getppid()}:  # the predictable name the writer used to use
        os.symlink(victim, tmp_path / f".{target.name}.{pid}.tmp")
    atomic_write(target, "the report\n")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert target.read_text(encoding="utf-8") == "the report\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()]


def test_output_to_a_fifo_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []

    def reader():
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    result = run(check_args("--format", "json", "-o", fifo))
    thread.join(60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["verdict"]


@pytest.mark.parametrize("which", ["request", "equipment"])
def test_output_that_names_an_input_is_refused(tmp_path, which):
    request, equipment = tmp_path / "request.yaml", tmp_path / "equipment.yaml"
    request.write_text(GOOD, encoding="utf-8")
    equipment.write_text(EQUIPMENT_TEXT, encoding="utf-8")
    target = request if which == "request" else equipment
    before = target.read_bytes()
    result = run(["check", request, "--equipment", equipment, "--no-probe", "-o", target])
    assert_clean_error(result)
    assert b"is an input of this command" in result.stderr
    assert target.read_bytes() == before


def test_a_full_disk_on_standard_output_is_exit_1():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = run_env(check_args(), stdout=full)
    assert_clean_error(result)
    assert b"standard output" in result.stderr


# ---- 2. --template DIR runs arbitrary code ---------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("{{ lipsum.__globals__.os.popen('touch PWNED').read() }}", b"unsafe"),
    ("{{ cycler.__init__.__globals__.os.system('touch PWNED') }}", b"unsafe"),
    ("line one\n{{ no_such_variable }}\n", b"report.txt.j2:2:"),
    ("{% if %}\n", b"report.txt.j2:1:"),
])
def test_a_template_cannot_reach_python_and_its_errors_are_exit_1(tmp_path, body, expected):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.txt.j2").write_text(body, encoding="utf-8")
    result = run_env(check_args("--template", templates), cwd=tmp_path)
    assert_clean_error(result)
    assert expected in result.stderr
    assert not (tmp_path / "PWNED").exists()


def test_a_template_directory_that_does_not_exist_is_an_error(tmp_path):
    result = run(check_args("--template", tmp_path / "nowhere"))
    assert_clean_error(result)
    assert b"no such template directory" in result.stderr


def test_the_shipped_templates_render_in_the_sandbox(screener):
    from producibility.report.render import render

    report = screener.check(base_request(), probe=False)
    for fmt in ("text", "md", "html"):
        assert render(report, fmt)


# ---- 3. a forged cache entry skips validation --------------------------------------------

BAD_EQUIPMENT = EQUIPMENT_TEXT.replace("rate_eur_h: 78", "rate_eur_h: lots")


def test_a_forged_cache_entry_does_not_skip_validation(tmp_path):
    from producibility.inputs import cache
    from producibility.inputs import schema
    cache_dir = tmp_path / "cache"
    equipment = tmp_path / "equipment.yaml"
    equipment.write_text(BAD_EQUIPMENT, encoding="utf-8")
    assert BAD_EQUIPMENT != EQUIPMENT_TEXT
    key = cache.validation_key(equipment.read_bytes(), schema.shipped("equipment"))
    (cache_dir / "valid").mkdir(parents=True)
    (cache_dir / "valid" / key).touch()  # what an entry used to be: the bare digest
    result = run_env(["check", BRACKET, "--equipment", equipment, "--no-probe"],
                     env={"PRODUCIBILITY_CACHE_DIR": str(cache_dir)})
    assert_clean_error(result)
    assert b"rate_eur_h" in result.stderr


def test_a_cache_directory_others_can_write_is_not_used(tmp_path):
    cache_dir = tmp_path / "shared-cache"
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    result = run_env(check_args(), env={"PRODUCIBILITY_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 0, result.stderr
    assert list(cache_dir.iterdir()) == []


def test_the_cache_secret_is_private(tmp_path):
    cache_dir = tmp_path / "cache"
    result = run_env(check_args(), env={"PRODUCIBILITY_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat(cache_dir / "secret").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(cache_dir).st_mode) & 0o077 == 0
    assert list((cache_dir / "valid").iterdir())


# ---- 4. batch input lines -----------------------------------------------------------------

def good_line(**changes):
    return json.dumps(base_request(**changes))


def batch_records(lines, *extra, env=None):
    stdin = "".join(line + "\n" for line in lines).encode("utf-8")
    result = run_env(["batch", "--equipment", EQUIPMENT, *extra], env=env, stdin=stdin)
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    return result.returncode, records, err


@pytest.mark.parametrize("bad, expected", [
    (json.dumps(str(EQUIPMENT)), "JSON object"),
    ('{"id": "A", "id": "B", "parts": []}', "duplicate key 'id'"),
    ("[" * 100_000 + "]" * 100_000, "nested deeper"),
    ('{"id": "A", "quantity": 1' + "0" * 5000 + "}", "too large"),
    ('{"id": "A", "quantity": 1e400}', "not a usable number"),
    ('{"id": "A", "quantity": NaN}', "not a usable number"),
    (b"\xff\xfe".decode("latin-1"), "JSON"),
])
def test_a_bad_batch_line_is_one_error_record_and_the_rest_complete(bad, expected):
    code, records, _ = batch_records([good_line(id="FIRST"), bad, good_line(id="LAST")])
    assert code == 4
    assert [r["ok"] for r in records] == [True, False, True]
    assert expected in records[1]["error"]
    assert "machines" not in records[1]["error"]  # the named file was not read and echoed


def test_a_batch_line_over_the_size_limit_is_an_error_record():
    long_line = good_line(id="LONG", customer="x" * 2_100_000)
    code, records, _ = batch_records([good_line(), long_line, good_line()])
    assert code == 4
    assert [r["ok"] for r in records] == [True, False, True]
    assert "larger than the limit" in records[1]["error"]


def killing_screen_one(item):
    """A worker that the system kills while it screens the request called KILL."""
    from producibility import batch

    if item[1] == "KILL":
        os.kill(os.getpid(), signal.SIGKILL)
    return batch.real_screen_one(item)


@pytest.mark.parametrize("before, after", [(3, 3), (17, 22)])  # one request a task; chunks
def test_a_worker_killed_by_the_system_costs_one_request_not_the_batch(monkeypatch, before,
                                                                      after):
    from producibility import batch

    settings = {"equipment": str(EQUIPMENT), "packs": [], "use_default": True, "lang": "en",
                "as_of": None, "probe": False}
    monkeypatch.setattr(batch, "real_screen_one", batch._screen_one, raising=False)
    monkeypatch.setattr(batch, "_screen_one", killing_screen_one)
    items = [(f"r{i}", base_request(id=f"R{i}")) for i in range(before + after)]
    items.insert(before, ("KILL", base_request(id="K")))
    records = list(batch.screen_many(items, settings, jobs=2))
    assert [r["index"] for r in records] == list(range(len(items)))
    assert [r["ok"] for r in records] == [True] * before + [False] + [True] * after
    assert "stopped" in records[before]["error"]


def test_a_catalogue_replaced_during_a_batch_changes_nothing(tmp_path):
    from producibility import batch

    equipment = tmp_path / "equipment.yaml"
    equipment.write_text(EQUIPMENT_TEXT, encoding="utf-8")
    settings = {"equipment": str(equipment), "packs": [], "use_default": True, "lang": "en",
                "as_of": None, "probe": False}
    items = [(f"r{i}", base_request(id=f"R{i}")) for i in range(40)]
    records = []
    for record in batch.screen_many(items, settings, jobs=2):
        if not records:
            equipment.write_text("machines: [broken\n", encoding="utf-8")
        records.append(record)
    assert len(records) == 40 and all(r["ok"] for r in records)


def test_sigterm_during_a_batch_leaves_no_traceback_and_no_temporary_file(tmp_path):
    lines = tmp_path / "requests.jsonl"
    lines.write_text("".join(good_line(id=f"R{i}", date=None) + "\n" for i in range(400)),
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with open(lines, "rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "producibility", "batch", "--equipment", str(EQUIPMENT),
             "--jobs", "2", "--probe", "-o", str(out)],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    try:  # wait (no time assertion) until the batch is writing its temporary file
        while process.poll() is None and not any(p.name.endswith(".tmp")
                                                 for p in tmp_path.iterdir()):
            threading.Event().wait(0.02)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text
    if process.returncode != 0:  # a fast machine may have finished first
        assert process.returncode == 130, text
        assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ---- 5. bounds per evaluation, not per operation ---------------------------------------

NESTED = "[[[[1] * 100] * 100] * 100] * 100 == []"


def test_nested_repetition_in_a_condition_is_refused_when_the_pack_loads(tmp_path):
    """Of constants alone, it would fail on every request: the pack does not load."""
    pack = one_rule_pack(tmp_path, "HEAVY-002", NESTED)
    result = run(["check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack, "--format",
                  "json", "--no-probe"])
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"HEAVY-002: when: builds more than" in result.stderr


def test_nested_repetition_on_a_requests_numbers_is_a_rule_error(tmp_path):
    pack = one_rule_pack(tmp_path, "HEAVY-002",
                         "[[[[part.pieces] * 100] * 100] * 100] * 100 == []")
    result = run(["check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack, "--format",
                  "json", "--no-probe"])
    assert result.returncode == 0, result.stderr
    errors = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "HEAVY-002"]
    assert errors and errors[0]["kind"] == "engine_error"


def test_rules_lint_reports_nested_repetition_in_a_condition_and_a_message(tmp_path):
    pack = one_rule_pack(tmp_path, "HEAVY-003", NESTED)
    code, out, _ = run_cli("rules", "lint", "--no-default-rules", pack)
    assert code == 1 and "E130" in out and "builds more than" in out
    text = pack.read_text(encoding="utf-8").replace(
        "message: m", "message: \"{{ [[[1] * 100] * 100] * 100 }}\"").replace(
        json.dumps(NESTED), "part.quantity > 1")
    pack.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("rules", "lint", "--no-default-rules", pack)
    assert code == 1 and "E133" in out and "builds more than" in out


def test_a_very_long_message_expression_is_an_error_not_a_recursion_crash(tmp_path):
    pack = one_rule_pack(tmp_path, "LONG-001", "true")
    long_sum = " + ".join(["1"] * 3000)
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "message: m", f"message: \"{{{{ {long_sum} }}}}\""), encoding="utf-8")
    code, out, err = run_cli("rules", "lint", "--no-default-rules", pack)
    assert code == 1 and "nested deeper" in out, out + err
    result = run(["check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack, "--format",
                  "json", "--no-probe"])
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr


def test_a_long_condition_is_an_error_not_a_recursion_crash(tmp_path):
    pack = one_rule_pack(tmp_path, "LONG-002", " + ".join(["part.quantity"] * 3000) + " > 0")
    result = run(["check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack])
    assert_clean_error(result)
    assert b"nested deeper" in result.stderr


def test_alias_expansion_is_bounded_by_size_not_only_by_count(tmp_path):
    big = "x" * 200_000
    text = f"id: X\nnotes: &n {big}\nparts: [" + ", ".join(["*n"] * 100) + "]\n"
    path = tmp_path / "request.yaml"
    path.write_text(text, encoding="utf-8")
    result = run(["check", path, "--equipment", EQUIPMENT])
    assert_clean_error(result)
    assert b"expands to more than" in result.stderr


# ---- 6. numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("where, text", [
    ("request", GOOD.replace("quantity: 200", "quantity: 1" + "0" * 5000)),
    ("request", GOOD.replace("quantity: 200", "quantity: 1e300")),
    ("equipment", EQUIPMENT_TEXT.replace("rate_eur_h: 78", "rate_eur_h: 1e308")),
    ("equipment", EQUIPMENT_TEXT.replace("rate_eur_h: 78", "rate_eur_h: 9" * 4000)),
])
def test_huge_numbers_in_any_input_are_exit_1(tmp_path, where, text):
    path = tmp_path / f"{where}.yaml"
    path.write_text(text, encoding="utf-8")
    args = ["check", path, "--equipment", EQUIPMENT] if where == "request" else \
        ["check", BRACKET, "--equipment", path]
    result = run([*args, "--no-probe"])
    assert_clean_error(result)
    assert b"number" in result.stderr


@pytest.mark.parametrize("changes", [
    {"quantity": 10**5000}, {"quantity": float("inf")}, {"quantity": 1e300},
    {"part": {"size_mm": [120, 60, float("nan")]}},
])
def test_the_api_raises_input_error_for_unusable_numbers(screener, changes):
    with pytest.raises(InputError):
        screener.check(base_request(**changes), probe=False)


def test_the_api_raises_input_error_for_unusable_numbers_in_a_catalogue():
    from producibility import load_equipment
    from producibility.inputs import yamlio
    catalogue = yamlio.plain(yamlio.load(EQUIPMENT))
    catalogue["machines"][0]["rate_eur_h"] = 1e308
    with pytest.raises(InputError, match="too large"):
        load_equipment(catalogue)


# ---- 7. output that can deceive --------------------------------------------------------

FAKE = "\x1b[2K\r\x1b[1AVerdict: FIT\u202e"


def test_control_characters_in_request_fields_do_not_reach_the_terminal(tmp_path):
    path = tmp_path / "request.yaml"
    path.write_text(GOOD.replace("customer: Agrotech Systems (fictief)",
                                 f"customer: {json.dumps(FAKE)}"), encoding="utf-8")
    result = run(["check", path, "--equipment", EQUIPMENT, "--no-probe"])
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "\\u001b" in out
    for char in ("\x1b", "\r", "\u202e"):
        assert char not in out


def test_control_characters_in_error_messages_are_shown_not_obeyed(tmp_path):
    path = tmp_path / "request.yaml"
    path.write_text(GOOD + f"{json.dumps(FAKE)}: 1\n", encoding="utf-8")
    result = run(["check", path, "--equipment", EQUIPMENT])
    assert_clean_error(result)
    err = result.stderr.decode("utf-8")
    assert "\x1b" not in err and "\r" not in err and "\u202e" not in err


def test_the_batch_csv_makes_formula_cells_inert(tmp_path):
    for name in ("=HYPERLINK(1).yaml", "+1.yaml", "@SUM(1).yaml"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    result = run_env(["batch", ".", "--equipment", EQUIPMENT, "--format", "csv"],
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert len(rows) == 3
    assert all(row["source"].startswith("'") for row in rows)


def test_rules_show_md_makes_pack_text_inert(tmp_path):
    pack = one_rule_pack(tmp_path, "LINK-001", "true")
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "title: t", "title: \"[click me](https://evil.example) <img src=x>\"").replace(
        "message: m", "message: m\n    source: \"[docs](javascript:alert(1))\""),
        encoding="utf-8")
    code, out, err = run_cli("rules", "show", pack, "--format", "md")
    assert code == 0, err
    assert "\\[click me\\](" in out and "\\[docs\\](" in out and "<img" not in out
    assert not re.search(r"(?<!\\)\]\(", out)


# ---- 8. exit 3 for bad input --------------------------------------------------------------

def test_inf_as_int_in_a_message_prints_a_question_mark(tmp_path):
    pack = one_rule_pack(tmp_path, "INF-001", "true")
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "message: m", "message: \"{{ 'inf'|int }} and {{ 1e308 * 10 }}\""), encoding="utf-8")
    result = run(["check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack, "--format",
                  "json", "--no-probe"])
    # of constants alone, these fail whatever the request says: the pack does not load
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"INF-001: message (en): " in result.stderr
    # on the request's own values, the hole prints as unknown
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "{{ 'inf'|int }} and {{ 1e308 * 10 }}",
        "{{ (part.id * 0 + 'inf')|int }} and {{ (part.pieces * 0 + 1e308) * 10 }}"),
        encoding="utf-8")
    result = run(["check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack, "--format",
                  "json", "--no-probe"])
    assert result.returncode == 0, result.stderr
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]
                if f["rule"] == "INF-001"]
    assert messages == ["? and ?"]


@pytest.mark.parametrize("request_file", ["with-date", "without-date"])
def test_a_garbage_as_of_is_exit_1(tmp_path, request_file):
    text = GOOD if request_file == "with-date" else GOOD.replace("date: 2026-11-23\n", "")
    path = tmp_path / "request.yaml"
    path.write_text(text, encoding="utf-8")
    result = run(["check", path, "--equipment", EQUIPMENT, "--as-of", "garbage"])
    assert_clean_error(result)
    assert b"as-of" in result.stderr


def test_a_garbage_as_of_in_batch_is_exit_1(tmp_path):
    result = run(["batch", BRACKET, "--equipment", EQUIPMENT, "--as-of", "2026-13-45"])
    assert_clean_error(result)


@pytest.mark.parametrize("as_of", ["garbage", "2026-02-30", 12])
def test_the_api_raises_input_error_for_a_bad_as_of(screener, as_of):
    with pytest.raises(InputError, match="as-of"):
        screener.check(base_request(), as_of=as_of, probe=False)


@pytest.mark.parametrize("cases", [
    "cases: 5\n", "cases: [5]\n", "cases:\n  - {name: a, fires: X-1, base: b}\n",
    "bases: [1]\ncases: []\n", "cases:\n  - {name: a, set: [1], base: b}\n",
    "cases:\n  - {name: a, lang: xx, base: b}\n",
])
def test_a_malformed_cases_file_is_exit_1(tmp_path, cases):
    pack = one_rule_pack(tmp_path, "OWN-001", "true")
    (tmp_path / "pack.cases.yaml").write_text(
        f"equipment: {json.dumps(str(EQUIPMENT))}\n" + cases, encoding="utf-8")
    assert pack.exists()
    result = run(["rules", "test", pack])
    assert_clean_error(result)
    assert b"pack.cases.yaml:" in result.stderr


def test_a_nonsense_input_size_limit_is_exit_1():
    result = run_env(check_args(), env={"PRODUCIBILITY_MAX_INPUT_BYTES": "abc"})
    assert_clean_error(result)
    assert b"PRODUCIBILITY_MAX_INPUT_BYTES" in result.stderr


# ---- 9. threads ----------------------------------------------------------------------------

def test_one_screener_used_from_many_threads_never_mixes_reports(equipment, pack):
    shared = Screener(equipment, pack)
    wrong, failures = [], []

    def work(n):
        try:
            for i in range(6):
                rid = f"T{n}-{i}"
                report = shared.check(base_request(id=rid, quantity=1 + n), probe=False)
                if report.to_dict()["request"]["id"] != rid:
                    wrong.append(rid)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            failures.append(repr(exc))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures and not wrong


# ---- 10. loose ids --------------------------------------------------------------------------

def test_a_rule_id_cannot_end_in_a_newline(tmp_path):
    pack = one_rule_pack(tmp_path, "OWN-001", "true")
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "id: OWN-001", "id: \"OWN-001\\n\""), encoding="utf-8")
    result = run(check_args("--rules", pack))
    assert_clean_error(result)
    assert b"OWN-001\\u000a" in result.stderr


def test_a_machine_id_cannot_end_in_a_newline(tmp_path):
    path = tmp_path / "equipment.yaml"
    path.write_text(EQUIPMENT_TEXT.replace("id: haas-vf2", "id: \"haas-vf2\\n\""),
                    encoding="utf-8")
    result = run(["check", BRACKET, "--equipment", path])
    assert_clean_error(result)
    assert b"not a valid id" in result.stderr


def test_schema_dollar_means_the_end_of_the_text():
    from producibility.inputs.schema import _ecma

    assert _ecma("^[a-z]+$").search("abc") and not _ecma("^[a-z]+$").search("abc\n")
    assert _ecma(r"^a\$[$]$").search("a$$") and not _ecma(r"^a\$[$]$").search("a$$\n")


def test_nothing_was_left_in_the_package_directory():
    assert not list(Path(ROOT, "producibility").glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root can plant a link owned by another user")
def test_a_link_at_the_output_name_owned_by_another_user_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    os.symlink(victim, link)
    os.lchown(link, 54321, 54321)
    result = run(check_args("-o", link))
    assert_clean_error(result)
    assert b"another user" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_link_of_ones_own_at_the_output_name_is_followed(tmp_path):
    real = tmp_path / "reports" / "report.txt"
    real.parent.mkdir()
    link = tmp_path / "latest.txt"
    os.symlink(real, link)
    result = run(check_args("-o", link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and "Verdict" in real.read_text(encoding="utf-8")


def test_terminal_safe_escapes_exactly_the_unsafe_characters():
    """Every code point, alone and in a line with a no-break space (the fast path a
    whole report takes when it holds nothing to escape): the controls a terminal acts
    on and the invisible marks that reorder text become \\uXXXX, nothing else changes."""
    from producibility.terminal import terminal_safe

    unsafe = {*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0), 0x061c, 0x200e,
              0x200f, 0x2028, 0x2029, *range(0x202a, 0x202f), *range(0x2066, 0x206a)}
    for code in range(0x110000):
        char = chr(code)
        said = f"\\u{code:04x}" if code in unsafe else char
        assert terminal_safe(f"€\xa04,933\t{char}\n") == f"€\xa04,933\t{said}\n", hex(code)
