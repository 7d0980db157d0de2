"""`producibility check` end to end on every shipped example, and its contract."""

import json
import os
import subprocess
import sys

import jsonschema
import pytest

from conftest import EQUIPMENT, REQUESTS, ROOT, base_request, expected_verdict, run_cli

REPORT_SCHEMA = json.loads((ROOT / "producibility/schemas/report.schema.json").read_text())
VERDICT_WORDS = {"fit": "FIT", "fit_with_effort": "FIT WITH EFFORT",
                 "conditional": "CONDITIONAL", "no_fit": "NO FIT"}


def test_examples_reach_every_verdict():
    assert {expected_verdict(p) for p in REQUESTS} == set(VERDICT_WORDS)


@pytest.mark.parametrize("request_path", REQUESTS, ids=lambda p: p.stem)
def test_every_example_prints_its_expected_verdict(request_path):
    code, out, err = run_cli("check", request_path, "--equipment", EQUIPMENT)
    assert (code, err) == (0, "")
    assert f"Verdict: {VERDICT_WORDS[expected_verdict(request_path)]}\n" in out
    for heading in ("Effort:", "Cost: ", "MRL: overall", "Machines:", "Risks:",
                    "Open questions:"):
        assert heading in out
    # a price, or none at all where nothing of the request can be made here
    assert "Cost: €" in out or "Cost: not priced (cannot be made here): " in out


@pytest.mark.parametrize("request_path", REQUESTS, ids=lambda p: p.stem)
def test_every_example_json_validates_and_is_byte_identical(request_path, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for target in (first, second):
        code, out, err = run_cli("check", request_path, "--equipment", EQUIPMENT,
                                 "--format", "json", "-o", target)
        assert (code, out, err) == (0, "", "")
    assert first.read_bytes() == second.read_bytes()
    report = json.loads(first.read_text(encoding="utf-8"))
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["verdict"] == expected_verdict(request_path)
    assert report["inputs"]["packs"][0]["id"] == "faas-default"
    assert str(ROOT) not in first.read_text(encoding="utf-8")  # no machine paths in reports


def test_dutch_report(tmp_path):
    code, out, _ = run_cli("check", ROOT / "examples/requests/shaft-oversize.yaml",
                           "--equipment", EQUIPMENT, "--lang", "nl")
    assert code == 0
    assert "Oordeel: NIET MAAKBAAR" in out
    assert "Onderdeel AS-300: geen machine geschikt voor draaien" in out


def test_project_config_names_the_equipment(tmp_path, monkeypatch):
    (tmp_path / "producibility.yaml").write_text(
        f"equipment: {EQUIPMENT}\nlang: nl\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", ROOT / "examples/requests/housing-prototype.yaml")
    assert (code, err) == (0, "")
    assert "Oordeel: MAAKBAAR\n" in out


def test_without_equipment_the_error_says_how_to_give_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", ROOT / "examples/requests/housing-prototype.yaml")
    assert code == 1
    assert err == ("Error: no equipment catalogue: pass --equipment FILE or name it under "
                   "'equipment:' in producibility.yaml\n")


def test_usage_errors_exit_2(tmp_path):
    code, _, err = run_cli("check", "--format", "docx", "x.yaml")
    assert code == 2 and "Invalid value for '--format'" in err
    code, _, err = run_cli("frobnicate")
    assert code == 2 and "No such command" in err


def test_unwritable_output_is_an_input_error_and_leaves_nothing(tmp_path):
    target = tmp_path / "missing-dir" / "r.json"
    code, _, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--format", "json",
                           "-o", target)
    assert code == 1 and err.startswith("Error: ") and "cannot write" in err
    assert not target.parent.exists()


@pytest.mark.parametrize("name", ["request", "equipment", "rules", "report", "questionnaire",
                                  "config"])
def test_schema_command_prints_valid_json_schemas(name):
    code, out, _ = run_cli("schema", name)
    assert code == 0
    schema = json.loads(out)
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_committed_request_schema_is_not_stale():
    """The request schema is generated from the questionnaire; the file editors use must match."""
    code, out, _ = run_cli("schema", "request")
    committed = ROOT / "producibility/schemas/request.schema.json"
    assert committed.read_text(encoding="utf-8") == out, (
        "run: producibility schema request -o producibility/schemas/request.schema.json")


def test_console_script_runs_in_a_real_process():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "producibility", "check", str(REQUESTS[0]),
                             "--equipment", str(EQUIPMENT), "--format", "json"],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema_version"].startswith("7.")
    bad = subprocess.run([sys.executable, "-m", "producibility", "check", "nope.yaml",
                          "--equipment", str(EQUIPMENT)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert bad.returncode == 1
    assert bad.stderr == "Error: nope.yaml: no such file\n"


# ---- the shell: errors that print themselves, Dutch messages, settings read once
def test_an_error_prints_itself_under_clicks_test_runner_too():
    from click.testing import CliRunner

    from producibility.cli import cli

    result = CliRunner().invoke(cli, ["compare", str(REQUESTS[0])])
    assert result.exit_code == 1
    assert result.output == "Error: compare needs a second request, --equipment-b or --rules-b\n"


def test_an_error_knows_its_exit_code_and_its_line():
    import io

    from producibility.errors import EXIT_PARTIAL, InputError, InternalError, Reported

    out = io.StringIO()
    InputError("bad \x1b[31mvalue", "r.yaml", 3).show(out)
    Reported("2 failed", EXIT_PARTIAL).show(out)
    InternalError(KeyError("x")).show(out)
    assert out.getvalue().splitlines() == [
        "Error: r.yaml:3: bad \\u001b[31mvalue", "2 failed",
        "Internal error: KeyError: 'x' (a bug in producibility; set PRODUCIBILITY_DEBUG=1 "
        "for details)"]
    assert (InputError("x").exit_code, Reported("", EXIT_PARTIAL).exit_code,
            InternalError(ValueError()).exit_code) == (1, 4, 3)


def test_the_command_line_speaks_dutch_with_lang_nl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("check", REQUESTS[0], "--lang", "nl")
    assert code == 1
    assert err == ("Fout: geen machinelijst: geef --equipment BESTAND, of noem hem onder "
                   "'equipment:' in producibility.yaml\n")
    code, _, err = run_cli("compare", REQUESTS[0], "--lang", "nl")
    assert code == 1 and err.startswith("Fout: compare heeft een tweede aanvraag nodig")
    code, _, err = run_cli("validate", "--equipment", EQUIPMENT, "--lang", "nl")
    assert code == 0 and err == f"{EQUIPMENT}: geldig (11 machines, 0 partners; de " \
        "feestdagen van NL, 4 werkdagen gesloten, 1 feestdag gewerkt)\n"
    # the config's language says the error line's first word too; --lang en overrules it
    (tmp_path / "producibility.yaml").write_text("lang: nl\n", encoding="utf-8")
    code, _, err = run_cli("check", REQUESTS[0])
    assert code == 1 and err.startswith("Fout: geen machinelijst")
    code, _, err = run_cli("check", REQUESTS[0], "--lang", "en")
    assert code == 1 and err.startswith("Error: no equipment catalogue")


def test_the_project_config_is_read_once_with_paths_relative_to_it(tmp_path):
    from producibility.project import Settings

    (tmp_path / "shop").mkdir()
    config = tmp_path / "shop" / "producibility.yaml"
    config.write_text("equipment: eq.yaml\nrules: [own/]\nlang: nl\ndefault_rules: false\n",
                      encoding="utf-8")
    settings = Settings.read(config)
    assert settings.equipment() == tmp_path / "shop" / "eq.yaml"
    assert settings.equipment("other.yaml") == "other.yaml"
    assert settings.packs() == [tmp_path / "shop" / "own"]
    assert settings.packs(["x/"]) == ["x/"]
    assert (settings.lang(), settings.lang("en"), settings.use_default()) == ("nl", "en", False)
    config.write_text("lang: fr\n", encoding="utf-8")
    assert Settings.read(config, lenient=True) == Settings()
    with pytest.raises(Exception, match="producibility.yaml"):
        Settings.read(config)


def test_an_offer_is_dated_the_day_it_is_written(tmp_path, monkeypatch):
    """An enquiry offered a month after it came in read "Datum: 02-11-2026, geldig tot
    02-12-2026" (the enquiry's day) and promised a delivery counted from it: expired on
    arrival, with only a note on standard error. The offer is a promise made the day it
    is written: dated today (PRODUCIBILITY_TODAY, else the clock), valid from today, its
    delivery counted from an order today; the enquiry's date stays beside its reference.
    --as-of still names the day; the internal report keeps counting from the request's
    date (inputs.dated_days_ago says how long ago), and nothing goes to standard error."""
    import datetime
    import json
    today = datetime.date(2026, 12, 1)
    monkeypatch.setenv("PRODUCIBILITY_TODAY", today.isoformat())
    old = tmp_path / "old.json"
    asked = today - datetime.timedelta(days=29)
    old.write_text(json.dumps(base_request(
        date=asked.isoformat(), wanted_date=(today + datetime.timedelta(days=90)).isoformat())))
    offer = ["--equipment", EQUIPMENT, "--audience", "customer", "--lang", "nl",
             "-o", tmp_path / "offer.txt"]
    code, out, err = run_cli("check", old, *offer)
    assert (code, err) == (0, "")
    text = (tmp_path / "offer.txt").read_text(encoding="utf-8")
    assert "Datum: 01-12-2026\nGeldig tot: 31-12-2026" in text
    assert f"Uw kenmerk: T-1 van {asked.strftime('%d-%m-%Y')}" in text
    assert "bij opdracht op 01-12-2026" in text
    data = json.loads(run_cli("check", old, "--equipment", EQUIPMENT, "--audience",
                              "customer", "--format", "json")[1])
    assert (data["date"], data["valid_until"], data["request_date"]) == (
        "2026-12-01", "2026-12-31", asked.isoformat())
    pinned = run_cli("check", old, *offer[:-2], "--as-of", "2026-12-07")
    assert pinned[0] == 0 and "Datum: 07-12-2026" in pinned[1]
    report = json.loads(run_cli("check", old, "--equipment", EQUIPMENT, "--format",
                                "json")[1])
    assert (report["inputs"]["as_of"], report["inputs"]["dated_days_ago"]) == (
        asked.isoformat(), 29)


def test_today_is_the_system_s_unless_producibility_today_names_one(tmp_path, monkeypatch):
    """PRODUCIBILITY_TODAY pins the day a request without a date counts from (a test
    suite, a replay); one that is not a date is one line and exit 1, not the system's
    date in silence."""
    import datetime
    from producibility import clock
    monkeypatch.delenv("PRODUCIBILITY_TODAY")
    assert clock.today() == datetime.date.today()
    monkeypatch.setenv("PRODUCIBILITY_TODAY", "2027-03-01")
    assert clock.today() == datetime.date(2027, 3, 1)
    request = base_request(date=None)
    path = tmp_path / "undated.json"
    path.write_text(json.dumps(request))
    code, out, _ = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0 and json.loads(out)["inputs"]["as_of"] == "2027-03-01"
    monkeypatch.setenv("PRODUCIBILITY_TODAY", "1 maart")
    assert run_cli("check", path, "--equipment", EQUIPMENT, "--lang", "nl")[:3:2] == (
        1, "Fout: PRODUCIBILITY_TODAY '1 maart' is geen datum (JJJJ-MM-DD)\n")


@pytest.mark.parametrize("lang, series, unknown", [
    ("en", "MRL: overall 7 / target 8 (pilot line proven; ready for low-rate production)\n",
     "MRL: overall 8; no target: purpose unknown; 1 thread not assessed\n"),
    ("nl", "MRL: laagste thema 7 / doel 8 (pilotlijn bewezen; klaar voor kleinschalige "
           "productie)\n",
     "MRL: laagste thema 8; geen doelniveau: doel van de aanvraag onbekend; "
     "1 thema niet beoordeeld\n")])
def test_the_mrl_line_says_what_its_target_means_and_reads_cleanly(tmp_path, lang, series,
                                                                   unknown):
    """A series read 'overall 8 / target 8', which told a reader full-rate readiness was
    met (the Deskbook's 8 is a pilot line proven, ready for low-rate production: the
    Markdown and HTML said so, the text did not); a request without a purpose read
    'MRL: overall 6 (no target (purpose unknown)) (6 threads not assessed)'."""
    code, out, err = run_cli("check", ROOT / "examples/requests/enclosure-stainless-series.yaml",
                             "--equipment", EQUIPMENT, "--lang", lang)
    assert (code, err) == (0, "") and series in out
    request = (ROOT / "examples/requests/bracket-series.yaml").read_text(encoding="utf-8")
    path = tmp_path / "no-purpose.yaml"
    path.write_text("".join(line for line in request.splitlines(keepends=True)
                            if not line.startswith("purpose:")), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--lang", lang)
    assert (code, err) == (0, "") and unknown in out
    assert "((" not in out and "))" not in out
