"""Batch screening (order, error records, jobs, CSV, atomic output) and what-if compare."""

import csv
import io
import json

import pytest

from conftest import EQUIPMENT, REQUESTS, ROOT, base_request, run_cli


def jsonl_requests(n, broken_at):
    lines = []
    for i in range(n):
        request = base_request(id=f"B-{i:04d}", quantity=1 + i % 50)
        if i == broken_at:
            request["quantity"] = "many"
        lines.append(json.dumps(request))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_from_stdin_keeps_order_and_isolates_the_broken_request(jobs, monkeypatch,
                                                                      tmp_path):
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl_requests(120, broken_at=57)))
    out = tmp_path / "results.jsonl"
    code, stdout, err = run_cli("batch", "--equipment", EQUIPMENT, "--jobs", jobs, "-o", out)
    assert code == 4  # handled everything, some failed
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["index"] for r in records] == list(range(120))
    assert [r["ok"] for r in records].count(False) == 1
    bad = records[57]
    assert bad["source"] == "<stdin>:58"
    assert "quantity: 'many' is not a number" in bad["error"]
    assert records[3]["report"]["request"]["id"] == "B-0003"
    assert "120 requests (119 screened, 1 failed)" in err and "requests/s" in err
    assert err.rstrip().endswith({1: "with 1 job", 2: "with 2 jobs"}[jobs])


def test_batch_over_a_directory_as_csv_summary():
    code, out, _ = run_cli("batch", ROOT / "examples/requests", "--equipment", EQUIPMENT,
                           "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["source"].rsplit("/", 1)[1] for r in rows] == [p.name for p in REQUESTS]
    assert {r["verdict"] for r in rows} == {"fit", "fit_with_effort", "conditional", "no_fit"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_csv_summary_opens_in_dutch_excel(tmp_path, jobs):
    """--lang nl writes what Dutch Excel opens by double-click, as the report's CSV does:
    a byte-order mark, semicolons, CRLF, Dutch headers and verdicts, decimal commas; the
    lead time is in the summary; --csv-style plain gives the program's columns."""
    out_file = tmp_path / "samenvatting.csv"
    code, _, _ = run_cli("batch", ROOT / "examples/requests", "--equipment", EQUIPMENT,
                         "--format", "csv", "--lang", "nl", "--jobs", str(jobs),
                         "-o", out_file)
    assert code == 0
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0])[:4] == ["nr", "bestand", "aanvraag", "oordeel"]
    series = next(r for r in rows if r["bestand"].endswith("bracket-series.yaml"))
    assert series["oordeel"] == "Maakbaar met extra werk"
    assert series["kosten_laag_eur"] == "4933,44" and series["uren_totaal"] == "37,75"
    # the first of its two deliveries
    assert series["levertijd_werkdagen"] == "17" and series["vroegste_levering"] == "2026-12-16"
    assert series["leveringen"] == "2"
    assert series["haalt_gewenste_datum"] == "ja"
    rush = next(r for r in rows if r["bestand"].endswith("impeller-rush.yaml"))
    assert rush["haalt_gewenste_datum"] == "nee"
    code, out, _ = run_cli("batch", ROOT / "examples/requests", "--equipment", EQUIPMENT,
                           "--format", "csv", "--lang", "nl", "--csv-style", "plain")
    plain = list(csv.DictReader(io.StringIO(out)))
    series = next(r for r in plain if r["source"].endswith("bracket-series.yaml"))
    assert series["verdict"] == "fit_with_effort" and series["cost_low_eur"] == "4933.44"
    assert series["lead_time_days"] == "17" and series["meets_wanted_date"] == "true"
    assert series["deliveries"] == "2"


@pytest.mark.parametrize("style, lang, sep, lower, no", [
    ("plain", "en", ",", "lead_time_lower_bound", "false"),
    ("excel", "nl", ";", "levertijd_ondergrens", "nee")])
def test_the_csv_summary_says_what_its_figures_leave_out(tmp_path, style, lang, sep, lower,
                                                        no):
    """A lead time that is only a lower bound (a run time unknown) and a cost that leaves
    a part out read as firm figures in the summary: new columns at the end say so, the
    earlier columns keep their places."""
    import yaml

    from producibility.batch import SUMMARY_FIELDS
    assert SUMMARY_FIELDS[:16] == (
        "index", "source", "request_id", "verdict", "effort_class", "total_h", "cost_low_eur",
        "cost_high_eur", "lead_time_days", "earliest_date", "meets_wanted_date", "mrl_overall",
        "mrl_target", "findings", "open_questions", "error")
    assert SUMMARY_FIELDS[16:] == ("lead_time_lower_bound", "parts_not_made", "not_priced",
                                  "deliveries", "mrl_not_assessed", "dated_days_ago")
    bracket = yaml.safe_load((ROOT / "examples/requests/bracket-series.yaml").read_text(
        encoding="utf-8"))
    shaft = yaml.safe_load((ROOT / "examples/requests/shaft-oversize.yaml").read_text(
        encoding="utf-8"))
    (tmp_path / "a-half.yaml").write_text(yaml.safe_dump(
        dict(bracket, parts=bracket["parts"] + shaft["parts"])), encoding="utf-8")
    (tmp_path / "b-sizeless.yaml").write_text(yaml.safe_dump(base_request(
        part={"size_mm": None, "cycle_time_min": None})), encoding="utf-8")
    (tmp_path / "c-none.yaml").write_text(yaml.safe_dump(shaft), encoding="utf-8")
    code, out, _ = run_cli("batch", tmp_path, "--equipment", EQUIPMENT, "--format", "csv",
                           "--lang", lang, "--csv-style", style)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=sep))
    assert rows[0][-6:-1] == ([lower, "niet_te_maken", "niet_geprijsd", "leveringen",
                             "mrl_niet_beoordeeld"] if lang == "nl" else
                            [lower, "parts_not_made", "not_priced", "deliveries",
                             "mrl_not_assessed"])
    # the MRL threads not assessed beside mrl_overall, as each report counts them
    from producibility import Screener, load_equipment, load_packs
    screener = Screener(load_equipment(str(EQUIPMENT)), load_packs())
    assert [int(row[-2]) for row in rows[1:]] == [
        screener.check(str(path), probe=False).to_dict()["mrl"]["not_assessed"]
        for path in sorted(tmp_path.glob("*.yaml"))]
    half, sizeless, none = (row[-6:-2] for row in rows[1:])
    assert half == [no, "AS-300", "1", "2"]  # the anodising no partner of ours does
    assert sizeless[0] != no and sizeless[1] == "" and int(sizeless[2]) >= 1
    assert sizeless[3] == "1"
    assert none == ["", "AS-300", "", "1"]  # no date, no cost: nothing to qualify


def test_batch_bad_file_among_good_ones(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: X\nid: Y\n", encoding="utf-8")
    code, out, _ = run_cli("batch", REQUESTS[0], bad, REQUESTS[1], "--equipment", EQUIPMENT)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 4 and [r["ok"] for r in records] == [True, False, True]
    assert records[1]["error"].endswith("bad.yaml:2: duplicate key 'id' (first on line 1)")


def test_batch_with_a_broken_catalogue_fails_before_starting(tmp_path):
    broken = tmp_path / "equipment.yaml"
    broken.write_text("provider: {}\n", encoding="utf-8")
    code, out, err = run_cli("batch", REQUESTS[0], "--equipment", broken)
    assert code == 1 and out == "" and "missing required field" in err


def test_interrupted_batch_leaves_no_output_file(tmp_path, monkeypatch):
    from producibility import batch

    def boom(*args, **kwargs):
        yield False, '{"error": "e", "index": 0, "ok": false, "source": "x"}\n', False
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "screen_many", boom)
    out = tmp_path / "results.jsonl"
    code, _, err = run_cli("batch", REQUESTS[0], "--equipment", EQUIPMENT, "-o", out)
    assert code == 130 and "Interrupted" in err
    assert list(tmp_path.iterdir()) == []


def test_compare_one_request_against_a_bigger_lathe(tmp_path):
    bigger = tmp_path / "equipment.yaml"
    bigger.write_text(EQUIPMENT.read_text(encoding="utf-8").replace(
        "max_diameter_mm: 262", "max_diameter_mm: 400"), encoding="utf-8")
    code, out, _ = run_cli("compare", ROOT / "examples/requests/shaft-oversize.yaml",
                           "--equipment", EQUIPMENT, "--equipment-b", bigger)
    assert code == 0
    assert "verdict: NO FIT -> " in out
    assert "machine for AS-300 turning: none -> haas-st20" in out
    assert "- FIT-NO-MACHINE" in out


def test_compare_two_requests_as_json():
    code, out, _ = run_cli("compare", REQUESTS[0], REQUESTS[0], "--equipment", EQUIPMENT,
                           "--format", "json")
    diff = json.loads(out)
    assert code == 0 and diff["verdict"]["changed"] is False
    assert diff["findings_only_in_a"] == diff["findings_only_in_b"] == []


def test_compare_needs_something_to_compare():
    code, _, err = run_cli("compare", REQUESTS[0], "--equipment", EQUIPMENT)
    assert code == 1 and "needs a second request" in err


def test_batch_probes_open_questions_only_when_asked(monkeypatch, tmp_path):
    from conftest import base_request

    line = json.dumps(base_request(nda_required=None)) + "\n"
    results = {}
    for flag in ("--no-probe", "--probe"):
        monkeypatch.setattr("sys.stdin", io.StringIO(line))
        code, out, _ = run_cli("batch", "--equipment", EQUIPMENT, flag)
        results[flag] = json.loads(out)["report"]["open_questions"]
    assert all(q["what_if"] == [] for q in results["--no-probe"])
    assert any(q["what_if"] for q in results["--probe"])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_reads_the_cache_but_leaves_no_record_per_request(jobs, tmp_path, monkeypatch):
    """A batch reads each request once: parsing a new request file and noting it valid
    would write two records per request (most of a new request's load, and a cache
    directory that only grows), so the screening writes none; the same reports."""
    from producibility.inputs import cache, yamlio

    requests = tmp_path / "inbox"
    requests.mkdir()
    for i in range(6):
        (requests / f"r{i}.yaml").write_bytes(REQUESTS[i].read_bytes() + f"# {i}\n".encode())
    monkeypatch.setenv("PRODUCIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT)  # the equipment's record made
    records = lambda: {p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()}
    before = records()
    code, out, _ = run_cli("batch", requests, "--equipment", EQUIPMENT, "--jobs", jobs)
    assert code == 0 and len(out.splitlines()) == 6
    assert records() == before
    for request in requests.iterdir():  # not parsed before, not noted valid
        data = request.read_bytes()
        assert cache.read_data(cache.data_key(yamlio._CACHE_FORM, data)) is None
    checked = [json.loads(line)["report"] for line in out.splitlines()]
    monkeypatch.setenv("PRODUCIBILITY_NO_CACHE", "1")
    _, again, _ = run_cli("batch", requests, "--equipment", EQUIPMENT, "--jobs", jobs)
    assert [json.loads(line)["report"] for line in again.splitlines()] == checked


def test_a_json_line_is_the_report_in_compact_json_with_sorted_keys():
    """batch writes each record with orjson: the same text ``json`` gives in its compact
    form (sorted keys, UTF-8, no spaces), one line, for every example; a value orjson
    does not take (an integer beyond 64 bits) is written by ``json`` in that form."""
    from producibility import batch, load_equipment, load_packs
    from producibility.screen import Screener

    screener = Screener(load_equipment(str(EQUIPMENT)), load_packs([]))
    for lang in ("en", "nl"):
        for path in REQUESTS:
            report = screener.check(str(path), lang=lang, probe=False)
            record = {"index": 1, "source": path.name, "ok": True,
                      "report": report.for_serialising()}
            line = batch.json_line(record)
            assert line == json.dumps(record, sort_keys=True, ensure_ascii=False,
                                      separators=(",", ":")) + "\n"
            assert json.loads(line)["report"] == report.to_dict()
    assert batch.json_line({"b": 2 ** 70, "a": "é"}) == '{"a":"é","b":1180591620717411303424}\n'


def test_compare_shows_how_the_lead_time_moves(tmp_path):
    """Ten times the pieces, in one delivery (the series' first of two takes 17 days):
    200 h on the one mill that holds the bore, and 1,443 kg of
    6082 (more than the 400 kg the example shop keeps: 3 days to order, the CAM work
    meanwhile, one set-up), 113 working days, past the wanted date (compare showed the
    cost and the hours, not the date). By hand: 113 weekdays from 2026-11-23 is
    2027-04-29; the example shop's calendar closes 8 of them (25 December, its shutdown
    28-31 December, 1 January, Easter Monday, King's Day) and Ascension Day (6 May) on the
    way: 2027-05-12."""
    big = tmp_path / "big.yaml"
    big.write_text((ROOT / "examples/requests/bracket-series.yaml").read_text(
        encoding="utf-8").replace("quantity: 200", "quantity: 2000").replace(
        "batches: 2\n", "batches: 1\n"), encoding="utf-8")
    args = ("compare", ROOT / "examples/requests/bracket-series.yaml", big, "--equipment",
            EQUIPMENT)
    code, out, _ = run_cli(*args)
    assert code == 0
    # the series' 17 days are its first delivery's (it read as all 200 brackets')
    assert "lead time: 17 working days to the first of 2 deliveries (2026-12-16, in time) " \
        "-> 113 working days (2027-05-12, too late)\n" in out
    code, out, _ = run_cli(*args, "--lang", "nl")
    assert "levertijd: 17 werkdagen tot de eerste van 2 leveringen (16-12-2026, op tijd) -> " \
        "113 werkdagen (12-05-2027, te laat)\n" in out
    code, out, _ = run_cli(*args, "--format", "json")
    assert json.loads(out)["lead_time"] == {
        "days": {"a": 17, "b": 113}, "earliest_date": {"a": "2026-12-16", "b": "2027-05-12"},
        "meets_wanted_date": {"a": True, "b": False}, "deliveries": {"a": 2, "b": 1},
        "lower_bound": {"a": False, "b": False}}
    code, out, _ = run_cli("compare", ROOT / "examples/requests/bracket-series.yaml",
                           ROOT / "examples/requests/bracket-series.yaml", "--equipment",
                           EQUIPMENT, "--format", "json")
    assert json.loads(out)["lead_time"] == {}


@pytest.mark.parametrize("lang, lines", [
    ("en", ["MRL materials: 8 -> not assessed",
            "machine for BR-100 3-axis milling: hermle-c250 -> haas-vf2"]),
    ("nl", ["MRL materialen: 8 -> niet beoordeeld",
            "machine voor BR-100 3-assig frezen: hermle-c250 -> haas-vf2"])])
def test_compare_speaks_the_users_words_not_pythons(lang, lines):
    """A thread no longer assessed read 'None', and an operation its process id."""
    code, out, _ = run_cli("compare", ROOT / "examples/requests/bracket-series.yaml",
                           ROOT / "examples/requests/bracket-material-open.yaml",
                           "--equipment", EQUIPMENT, "--lang", lang)
    assert code == 0 and "None" not in out and "milling_3axis" not in out
    for line in lines:
        assert line in out.splitlines()


def test_compare_shows_the_cam_hours_and_the_mrl_target(tmp_path):
    """One prototype in place of 200 brackets: the effort lines compare listed did not
    add up to the total's change (the CAM hours, 5.5 -> 1.5 h, were left out) and the
    MRL target's change (8 -> 6, another purpose) was not shown."""
    one = tmp_path / "one.yaml"
    one.write_text((ROOT / "examples/requests/bracket-series.yaml").read_text(
        encoding="utf-8").replace("quantity: 200", "quantity: 1").replace(
        "purpose: small_series", "purpose: prototype").replace("batches: 2", "batches: 1"),
        encoding="utf-8")
    args = ("compare", ROOT / "examples/requests/bracket-series.yaml", one, "--equipment",
            EQUIPMENT)
    code, out, _ = run_cli(*args)
    assert code == 0
    assert "effort CAM/work prep.: 5.5 h -> 1.5 h\n" in out and "MRL target: 8 -> 6\n" in out
    code, out, _ = run_cli(*args, "--lang", "nl")
    assert "omvang CAM/werkvoorb.: 5,5 u -> 1,5 u\n" in out and "MRL-doel: 8 -> 6\n" in out
    code, out, _ = run_cli(*args, "--format", "json")
    diff = json.loads(out)
    assert diff["effort"]["cam_h"] == {"a": 5.5, "b": 1.5}
    # what changed adds up to the total's change (engineering stayed as it was)
    changed = [k for k in ("engineering_h", "cam_h", "inspection_h", "setup_h", "run_h")
               if k in diff["effort"]]
    assert sum(diff["effort"][k]["a"] - diff["effort"][k]["b"] for k in changed) == \
        pytest.approx(diff["effort"]["total_h"]["a"] - diff["effort"]["total_h"]["b"])


def test_compare_shows_a_finding_that_changed_its_kind(tmp_path):
    """The brackets against a target of EUR 20: COST-TARGET turns from a risk into a
    question and the verdict conditional; compare showed only the verdict change (its
    findings were keyed without their kind)."""
    import yaml
    request = yaml.safe_load(next(p for p in REQUESTS if p.stem == "bracket-series")
                             .read_text(encoding="utf-8"))
    request["target_unit_price_eur"] = 20
    cheaper = tmp_path / "cheaper.yaml"
    cheaper.write_text(yaml.safe_dump(request), encoding="utf-8")
    code, out, err = run_cli("compare", next(p for p in REQUESTS
                                             if p.stem == "bracket-series"),
                             cheaper, "--equipment", EQUIPMENT)
    assert code == 0, err
    assert "verdict: FIT WITH EFFORT -> CONDITIONAL" in out
    assert any(line.startswith("- COST-TARGET") for line in out.splitlines())
    assert any(line.startswith("+ COST-TARGET") and "above it" in line
               for line in out.splitlines())


def test_compare_names_the_configs_equipment_as_the_user_would(tmp_path, monkeypatch):
    """Side A's equipment came from the configuration as an absolute path beside B's
    'equipment-b.yaml' as typed."""
    import shutil
    shutil.copy(EQUIPMENT, tmp_path / "equipment.yaml")
    shutil.copy(EQUIPMENT, tmp_path / "equipment-b.yaml")
    (tmp_path / "producibility.yaml").write_text("equipment: equipment.yaml\n",
                                                 encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    request = next(p for p in REQUESTS if p.stem == "bracket-series")
    code, out, err = run_cli("compare", request, "--equipment-b", "equipment-b.yaml")
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.endswith(" on equipment.yaml") and str(tmp_path) not in first


def _variant(tmp_path, name, quantity=50, batches=1, part=None, extra_part=None):
    """The estimator's base request (50 milled 6082 plates, a cycle time given) changed."""
    import yaml
    request = base_request(quantity=quantity, batches=batches, purpose="small_series",
                           wanted_date="2027-03-31", date="2026-12-01",
                           part=dict({"size_mm": [100, 50, 20], "cycle_time_min": 10},
                                     **(part or {})))
    if extra_part:
        request["parts"].append(dict(request["parts"][0], **extra_part))
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_compare_says_what_each_sides_figures_leave_out(tmp_path, lang):
    """compare dropped what check and the batch CSV carry: 100 pieces in 4 deliveries
    read 5 working days beside 50 pieces' 6 (the first delivery's 25 pieces), a cost
    'increase' of EUR 109 was only A's material, not priced, and a part B cannot make
    was in neither figure without a word. Each side now says its deliveries, what its
    price leaves out and its parts not made, and a cost difference between prices that
    leave out different things says so."""
    base = _variant(tmp_path, "base")
    four = _variant(tmp_path, "four", quantity=100, batches=4)
    nomat = _variant(tmp_path, "nomat", part={"material": None})
    unmade = _variant(tmp_path, "unmade", extra_part={"id": "BIG",
                                                      "size_mm": [3000, 1500, 400]})
    said = {"en": ("5 working days to the first of 4 deliveries",
                   "cost: the two prices leave out different things",
                   "A: its cost leaves out P1: the material",
                   "B: BIG cannot be made here: in neither its cost nor its lead time"),
            "nl": ("5 werkdagen tot de eerste van 4 leveringen",
                   "kosten: de twee prijzen laten verschillende dingen weg",
                   "A: de kosten zijn zonder P1: het materiaal",
                   "B: BIG hier niet te maken: niet in de kosten en niet in de levertijd")}[lang]

    def compare(a, b, *more):
        code, out, err = run_cli("compare", a, b, "--equipment", EQUIPMENT, "--lang", lang,
                                 *more)
        assert code == 0, err
        return out
    out = compare(base, four)
    assert said[0] in out and said[1] not in out  # the same things priced on both sides
    out = compare(nomat, base)
    assert said[1] in out and said[2] in out.splitlines()
    out = compare(base, unmade)  # (BIG buys no material for P1: the same cost line)
    assert said[3] in out.splitlines()
    diff = json.loads(compare(base, four, "--format", "json"))
    assert diff["sides"]["b"] == {"deliveries": 4, "lead_time_lower_bound": False,
                                  "parts_not_made": [], "not_priced": []}
    assert diff["cost_alike"] is True and diff["lead_time"]["deliveries"] == {"a": 1, "b": 4}
    diff = json.loads(compare(nomat, base, "--format", "json"))
    assert diff["cost_alike"] is False
    assert [(e["part"], e["what"]) for e in diff["sides"]["a"]["not_priced"]] == \
        [("P1", "material")]
    diff = json.loads(compare(base, unmade, "--format", "json"))
    assert diff["sides"]["b"]["parts_not_made"] == ["BIG"] and diff["cost_alike"] is False


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_request_dated_long_ago_says_so_and_claims_no_date_gone_as_met(tmp_path,
                                                                               jobs):
    """A request dated 09-11 and wanted 20-11, screened on 23-11, read in the batch CSV
    "4 working days, 2026-11-13, meets wanted date: true" and nothing on standard error:
    the ERP got an on-time delivery on a date already gone. The dates still count from
    the request's date (an input, as check's), but the column dated_days_ago (and the
    JSON's inputs.dated_days_ago) says from how long ago, meets_wanted_date is empty
    (not known: from today the same working days miss it), and standard error counts
    the requests dated more than a week ago. A recent request and --as-of are as before."""
    known = {"min_inside_radius_mm": 3, "max_hole_depth_mm": 10,  # no rule's wait open
             "min_hole_diameter_mm": 5}
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps(base_request(id="OLD", date="2026-11-09",
                                             wanted_date="2026-11-20", part=known)))
    recent = tmp_path / "recent.json"  # 3 days ago, date far off: met from today too
    recent.write_text(json.dumps(base_request(id="NEW", date="2026-11-20", part=known)))
    code, out, err = run_cli("batch", stale, recent, "--equipment", EQUIPMENT, "--format",
                             "csv", "--csv-style", "plain", "--jobs", jobs)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert (rows[0]["earliest_date"], rows[0]["meets_wanted_date"],
            rows[0]["dated_days_ago"]) == ("2026-11-11", "", "14")
    assert (rows[1]["meets_wanted_date"], rows[1]["dated_days_ago"]) == ("true", "3")
    assert err.splitlines()[0] == (
        "note: 1 request is dated more than a week ago: its lead time, earliest date and "
        "whether it meets the wanted date count from that day (column dated_days_ago, "
        "inputs.dated_days_ago in JSON); --as-of 2026-11-23 counts from today")
    code, out, err = run_cli("batch", stale, "--equipment", EQUIPMENT, "--lang", "nl")
    report = json.loads(out)["report"]
    assert (report["inputs"]["dated_days_ago"], report["lead_time"]["meets_wanted_date"]) \
        == (14, None)
    assert err.startswith("let op: 1 aanvraag is meer dan een week geleden gedateerd")
    code, out, err = run_cli("batch", stale, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-09")
    report = json.loads(out)["report"]
    assert (report["inputs"]["dated_days_ago"], report["lead_time"]["meets_wanted_date"]) \
        == (None, True) and "note" not in err
