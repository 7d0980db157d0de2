"""The md, html and csv reports: content, languages, safety, determinism, a real browser."""

import copy
import csv
import io
import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from markupsafe import escape

from conftest import EQUIPMENT, REQUESTS, base_request, run_cli
from producibility import i18n
from producibility.report.conclude import VERDICTS
from producibility.report.render import CSV_COLUMNS, FORMATS, formats, heat_map, render
from producibility.report.render.csv import csv_cell
from producibility.report.render.views import labels

LANGS = i18n.LANGS
LABELS = {lang: labels(lang) for lang in LANGS}
NETWORK = [  # looked for in the markup (tags and the style sheet), not in escaped text
    (r"https?://", "an absolute web address"),
    (r"""(?:src|href|action|poster|data|srcset)\s*=\s*["']?\s*//""", "a protocol-relative address"),
    (r"<link\b", "a <link> element"),
    (r"<script\b", "a <script> element"),
    (r"<iframe\b|<object\b|<embed\b|<img\b|<video\b|<audio\b", "an embedded resource"),
    (r"@import", "a CSS @import"),
    (r"url\(", "a CSS url()"),
    (r"""\ssrc\s*=\s*["']?(?!data:)""", "a src that is not a data: URI"),
    (r"""\shref\s*=\s*["']?(?!#)""", "a link out of the page"),
]


@pytest.fixture(scope="module")
def screened(screener):
    """Every example screened in both languages: {(stem, lang): Report}."""
    return {(path.stem, lang): screener.check(path, lang=lang)
            for path in REQUESTS for lang in LANGS}


@pytest.fixture(scope="module")
def reports(screened):
    """Every example screened in both languages: {(stem, lang): report dict}."""
    return {key: report.to_dict() for key, report in screened.items()}


@pytest.fixture(scope="module")
def rich(reports):
    """The English example with the most risks: it exercises the most of the layout."""
    return max((r for (_, lang), r in reports.items() if lang == "en"),
               key=lambda r: (sum(1 for f in r["findings"] if f["risk"]), len(r["quote"]["lines"])))


def _keys(tree, prefix=""):
    found = set()
    for key, value in tree.items():
        found.add(prefix + key)
        if isinstance(value, dict):
            found |= _keys(value, f"{prefix}{key}.")
    return found


def test_dutch_labels_are_translated():
    """A Dutch text equal to the English one must be a word both languages share."""
    shared = {"report.mrl", "report.machines", "report.machines_count", "report.machine",
              "report.kinds.machine", "report.engineering", "report.kinds.engineering",
              "report.score", "report.kinds.transport", "offer.contact", "offer.assumption",
              "offer.machine",  # Machine: a word Dutch and English share
              "compare.mrl_thread", "threads.volume_mix",
              "report.wd",  # wd: working days and werkdagen alike
              "offer.not_included_treatment",  # "{part}: {treatment}." in both
              "offer.schedule_products.one",  # "{n} product" in both
              "compare.left_out_item",  # "{part}: {item}" in both
              "report.due_moved_one", "report.due_moved_plain"}  # "{asked} → {due}"

    def flat(tree, prefix):
        for key, value in tree.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{key}.")
            else:
                yield prefix + key, value
    same = []
    for domain in ("report", "offer", "compare"):
        en = dict(flat(i18n.texts(domain, "en"), f"{domain}."))
        same += [k for k, v in flat(i18n.texts(domain, "nl"), f"{domain}.") if v == en[k]]
    en = dict(flat(LABELS["en"]["threads"], "threads."))
    same += [k for k, v in flat(LABELS["nl"]["threads"], "threads.") if v == en[k]]
    assert sorted(set(same) - shared) == []


def test_rendering_leaves_the_report_as_it_was(screened):
    """``render`` reads the Report's own data (no JSON round trip of a copy: ~0.5 ms of
    every check), so no format, language or audience may change it: each renders the
    same twice, the report's JSON is the same after all of them, and the text is what
    the report's sorted JSON copy (what render read before) gives: no template may
    depend on the order its data was built in."""
    from producibility.screen import Report

    for (stem, lang), report in sorted(screened.items()):
        before = report.to_json()
        copied = Report(report.to_dict(), report.questionnaire, report.pack, report.request,
                        report.provider)
        for fmt in FORMATS:
            if fmt == "pdf":  # the html's, through a renderer that may not be installed
                continue
            for audience in ("internal", "customer"):
                first = render(report, fmt, lang, audience=audience)
                assert render(report, fmt, lang, audience=audience) == first, \
                    (stem, lang, fmt, audience)
                assert report.to_json() == before, (stem, lang, fmt, audience)
                assert render(copied, fmt, lang, audience=audience) == first, \
                    (stem, lang, fmt, audience)


# ---- md and html for every example, in both languages

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("request_path", REQUESTS, ids=lambda p: p.stem)
def test_every_example_renders_with_its_verdict(reports, request_path, fmt, lang):
    report = reports[(request_path.stem, lang)]
    text = render(report, fmt, lang)
    labels = LABELS[lang]
    shown = (lambda s: str(escape(s))) if fmt == "html" else str
    assert shown(labels[report["verdict"]]) in text
    assert shown(labels["verdict_help"][report["verdict"]]) in text
    for heading in ("verdict", "risk_register", "assignments", "quote", "questions",
                    "mrl_by_thread", "heat_map"):
        assert shown(labels[heading]) in text
    for finding in report["findings"]:
        assert finding["rule"] in text
    for line in report["quote"]["lines"]:
        if line["rule"]:
            assert line["rule"] in text
    assert text == render(copy.deepcopy(report), fmt, lang)  # deterministic
    if fmt == "html":
        _assert_offline(text)
        assert text.count("<details>") == len(report["findings"])
        assert "<details open" not in text  # the trace is folded away, also in print
        assert f'<html lang="{lang}">' in text
    else:
        _assert_tables_well_formed(text)


@pytest.mark.parametrize("lang", LANGS)
def test_md_what_ifs_are_one_a_line_under_their_question(reports, lang):
    """The what-if bullets ran into each other ('MRL-TARGET)   - als EN 1090 EXC3') and the
    last one's rule id into the next question's number ('TEC-0013. Welke ...'), so the
    numbered list broke in every Markdown viewer. Now each what-if is a line of its own,
    indented by four spaces (a nested list for CommonMark and Python-Markdown alike), and
    each question starts a line with its number."""
    shown = 0
    for (stem, report_lang), report in sorted(reports.items()):
        if report_lang != lang or not report["open_questions"]:
            continue
        md = render(report, "md", lang)
        section = md.split(f"## {LABELS[lang]['questions']}", 1)[1]
        section = section.split("\n#", 1)[0]
        numbers = []
        for line in section.strip().splitlines():
            if not line.strip():
                continue
            if line.startswith("    - "):
                assert line.startswith(f"    - {LABELS[lang]['if_answer']} "), (stem, line)
                assert line.count(f" - {LABELS[lang]['if_answer']} ") == 1, (stem, line)
                shown += 1
                continue
            match = re.match(r"(\d+)\. ", line)
            assert match, (stem, line)
            numbers.append(int(match.group(1)))
        assert numbers == list(range(1, len(report["open_questions"]) + 1)), stem
    assert shown  # some example has what-ifs


@pytest.mark.parametrize("lang, said", [("en", "if none: "), ("nl", "als geen: ")])
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_what_if_of_no_choice_reads_none(screener, lang, said, fmt):
    """The what-if for 'no certificates' read 'als -: MAAKBAAR MET EXTRA WERK'."""
    report = screener.check(base_request(certificates_required=None), lang=lang).to_dict()
    assert [] in [p["answer"] for q in report["open_questions"] for p in q["what_if"]]
    text = render(report, fmt, lang)
    assert said in text.replace("<strong>", "").replace("</strong>", "")
    assert " -: " not in text


def _assert_offline(html):
    """No element, attribute or style in the page can make a network request."""
    styles = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    markup = "\n".join(re.findall(r"<[^>]*>", re.sub(r"<style>.*?</style>", "", html,
                                                     flags=re.S))) + styles
    for pattern, what in NETWORK:
        match = re.search(pattern, markup, re.IGNORECASE)
        assert match is None, f"the HTML report has {what}: {markup[match.start():][:60]!r}"


def _cells(row):
    """Split a Markdown table row on the pipes that are not escaped."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def _assert_tables_well_formed(md):
    table = None
    for number, line in enumerate(md.splitlines(), 1):
        if line.startswith("|"):
            width = len(_cells(line))
            table = table or width
            assert width == table, f"Markdown line {number} has {width} cells, not {table}: {line}"
        else:
            table = None


def test_html_is_one_self_contained_a4_page(rich):
    html = render(rich, "html", "en")
    assert html.startswith("<!DOCTYPE html>")
    assert "size: A4" in html and "@media print" in html
    assert "break-inside: avoid" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.count("<style>") == 1 and "<img" not in html


def test_html_heat_map_places_every_risk_in_its_cell(rich):
    risks = [f for f in rich["findings"] if f["risk"]]
    assert risks, "the richest example should have risks"
    html = render(rich, "html", "en")
    heat = html[html.index('<table class="heat">'):]
    heat = heat[:heat.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", heat, re.S)[:5]
    for f in risks:
        row = rows[5 - f["risk"]["likelihood"]]
        cell = re.findall(r"<td (.*?)</td>", row, re.S)[f["risk"]["consequence"] - 1]
        assert f["rule"] in cell and f"lv-{f['risk']['level']}" in cell and " hit" in cell


def test_heat_map_uses_the_report_matrix_when_given_and_else_the_findings(rich):
    risks = [f for f in rich["findings"] if f["risk"]]
    assert heat_map(rich, risks)["source"] == "report"  # reports carry their matrix
    inferred = heat_map({k: v for k, v in rich.items() if k != "risk_matrix"}, risks)
    assert inferred["source"] == "inferred"
    for row in inferred["rows"]:
        for cell in row["cells"]:
            mine = [f for f in risks if (f["risk"]["likelihood"], f["risk"]["consequence"])
                    == (cell["likelihood"], cell["consequence"])]
            assert cell["count"] == len(mine)
            if mine:
                assert cell["level"] == mine[0]["risk"]["level"]
    given = dict(rich, risk_matrix=[["high"] * 5 for _ in range(5)])
    assert {c["level"] for row in heat_map(given, [])["rows"] for c in row["cells"]} == {"high"}
    assert heat_map(given, [])["source"] == "report"


def test_mrl_bars_show_each_thread_against_the_target(rich):
    html = render(rich, "html", "en")
    for thread, t in rich["mrl"]["threads"].items():
        assert str(escape(LABELS["en"]["threads"][thread])) in html
    assert html.count('class="fill" style="width:') == len(rich["mrl"]["threads"])
    if rich["mrl"]["target"] is not None:
        assert html.count('class="target"') == len(rich["mrl"]["threads"])


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "text"])
def test_a_report_with_unknowns_and_nothing_found_renders(rich, fmt):
    """The Python API may give a report without inputs, target or any finding."""
    bare = copy.deepcopy(rich)
    bare.update(inputs={}, findings=[], assignments=[], open_questions=[],
                verdict_reasons=[], verdict="fit")
    bare["request"].update(id=None, customer=None, purpose=None, quantity=None,
                           wanted_date=None)
    bare["mrl"]["target"] = None
    bare["quote"]["lines"] = []
    bare["quote"]["totals"].update(hours=0, amount_eur=0)
    for lang in LANGS:
        text = render(bare, fmt, lang)
        if fmt != "csv":
            assert LABELS[lang]["fit"] in text
    if fmt == "html":
        _assert_offline(text)
    elif fmt == "md":
        _assert_tables_well_formed(text)


def test_numbers_follow_the_language(rich):
    total = rich["quote"]["totals"]["amount_eur"]
    en, nl = render(rich, "md", "en"), render(rich, "md", "nl")
    assert f"{total:,.2f}" in en
    assert f"{total:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") in nl


# ---- escaping: requests and packs are untrusted

HOSTILE = "<script>alert('x')</script> | *bold* [link](http://evil.example)"


@pytest.fixture(scope="module")
def hostile(screener):
    request = base_request(customer=HOSTILE, id="T-<b>1</b>")
    return screener.check(request).to_dict()


def test_html_escapes_request_text(hostile):
    html = render(hostile, "html", "en")
    assert "<script>" not in html and "<b>1</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "T-&lt;b&gt;1&lt;/b&gt;" in html
    assert "<a " not in html and "<img" not in html
    _assert_offline(html)


def test_markdown_neutralises_request_text(hostile):
    md = render(hostile, "md", "en")
    assert "<script" not in md and "<b>" not in md  # GFM would pass raw HTML through
    assert "&lt;script>" in md and "T-&lt;b>1&lt;/b>" in md
    assert r"\| \*bold\* \[link\](http://evil.example)" in md
    _assert_tables_well_formed(md)


def test_csv_cells_cannot_become_formulas(rich):
    report = copy.deepcopy(rich)
    report["quote"]["lines"][0].update(part="=HYPERLINK(\"http://evil\")", kind="machine")
    rows = list(csv.reader(io.StringIO(render(report, "csv", "en"))))
    assert rows[1][1].startswith("'=")


# ---- csv

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("request_path", REQUESTS, ids=lambda p: p.stem)
def test_csv_quote_lines_add_up(reports, request_path, lang):
    report = reports[(request_path.stem, lang)]
    text = render(report, "csv", lang, csv_style="plain")
    assert text == render(copy.deepcopy(report), "csv", lang, csv_style="plain")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(CSV_COLUMNS)
    # the quote's notes close the CSV (what the total leaves out): the anodising no
    # partner prices read nowhere in it, so the total looked complete
    notes = report["quote"]["notes"]
    if notes:
        assert [dict(zip(CSV_COLUMNS, row))["description"] for row in rows[-len(notes):]] \
            == [csv_cell(note) for note in notes]
        assert all(row[0] == "note" for row in rows[-len(notes):])
        rows = rows[:-len(notes)]
    body = rows[1:-3]
    subtotal, contingency, total = (dict(zip(CSV_COLUMNS, row)) for row in rows[-3:])
    assert len(body) == len(report["quote"]["lines"])
    assert [subtotal["kind"], contingency["kind"], total["kind"]] == \
        ["subtotal", "contingency", "total"]
    assert total["description"] == LABELS[lang]["high_estimate"]
    totals = report["quote"]["totals"]
    if report["effort"]["cost_eur"]["high"] is None:  # nothing made here: not priced
        assert body == [] and subtotal["amount_eur"] == total["amount_eur"] == \
            contingency["amount_eur"] == subtotal["hours"] == ""
        return
    assert float(subtotal["amount_eur"]) == pytest.approx(totals["amount_eur"], abs=0.005)
    assert float(subtotal["hours"]) == pytest.approx(totals["hours"], abs=0.005)
    assert float(contingency["amount_eur"]) == pytest.approx(totals["contingency_eur"], abs=0.005)
    assert float(total["amount_eur"]) == pytest.approx(totals["amount_high_eur"], abs=0.005)
    assert float(subtotal["amount_eur"]) + float(contingency["amount_eur"]) == \
        pytest.approx(float(total["amount_eur"]), abs=0.011)
    amounts = [float(dict(zip(CSV_COLUMNS, row))["amount_eur"]) for row in body]
    assert sum(amounts) == pytest.approx(totals["amount_eur"], abs=0.01 * max(1, len(body)))
    numeric = ("setup_h", "run_h", "hours", "rate_eur_h", "amount_eur")
    for row in rows[1:]:
        for column, value in zip(CSV_COLUMNS, row):
            if column in numeric:
                assert re.fullmatch(r"(-?\d+\.\d{2})?", value), (column, value)
    for row, line in zip(body, report["quote"]["lines"]):
        cells = dict(zip(CSV_COLUMNS, row))
        assert (cells["kind"], cells["rule"]) == (line["kind"], line["rule"] or "")
        if line["kind"] == "machine":
            assert f" {LABELS[lang]['on']} " in cells["description"]


@pytest.mark.parametrize("request_path", REQUESTS[:4], ids=lambda p: p.stem)
def test_csv_for_dutch_excel(reports, request_path):
    report = reports[(request_path.stem, "nl")]
    text = render(report, "csv", "nl")  # Dutch: the Excel style unless told otherwise
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:3] == ["soort", "onderdeel", "bewerking"]
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    notes = len(report["quote"]["notes"])
    assert all(row[0] == "opmerking" for row in rows[len(rows) - notes:])
    subtotal, contingency, total = rows[len(rows) - notes - 3:len(rows) - notes]
    assert (subtotal[0], contingency[0], total[0]) == ("subtotaal", "onvoorzien", "totaal")
    totals = report["quote"]["totals"]
    amount = CSV_COLUMNS.index("amount_eur")  # the text columns basis, attended, source follow
    assert total[amount] == f"{totals['amount_high_eur']:.2f}".replace(".", ",")
    for row in rows[1:]:
        for value in row[6:amount + 1]:
            assert re.fullmatch(r"(-?\d+,\d{2})?", value), value
    assert render(report, "csv", "nl", csv_style="plain").startswith("kind,part,")


def test_cli_csv_style_option(tmp_path):
    out = tmp_path / "q.csv"
    code, _, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--format", "csv",
                           "--lang", "nl", "--csv-style", "plain", "-o", out)
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"kind,part,")
    code, _, _ = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--format", "csv",
                         "--lang", "en", "--csv-style", "excel", "-o", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkind;part;")


# ---- the command line: files, determinism, --template

@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_cli_writes_byte_identical_files(tmp_path, fmt):
    request = REQUESTS[0]
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for target in (first, second):
        code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--format", fmt,
                                 "--lang", "nl", "-o", target)
        assert (code, out, err) == (0, "", "")
    assert first.read_bytes() == second.read_bytes()


def test_template_dir_can_extend_the_shipped_html(tmp_path):
    (tmp_path / "report.html.j2").write_text(
        '{% extends "shipped/report.html.j2" %}\n'
        '{% block logo %}<span class="mark">AC</span><span class="provider">ACME '
        'Fijnmechaniek</span>{% endblock %}\n'
        "{% block extra_styles %}:root { --accent: #7a1f5c; }{% endblock %}\n",
        encoding="utf-8")
    code, out, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--format", "html",
                             "--template", tmp_path)
    assert (code, err) == (0, "")
    header = out.split("</header>")[0]
    assert "ACME Fijnmechaniek" in header and "--accent: #7a1f5c" in out
    assert "Fijnmechanica Brabant" not in header  # our logo block is replaced ...
    assert any(f'<div class="word">{LABELS["en"][v]}</div>' in out
               for v in VERDICTS)  # ... and the rest of the report is ours
    _assert_offline(out)


def test_template_dir_can_replace_a_template_and_keeps_autoescape(tmp_path):
    (tmp_path / "report.md.j2").write_text("OWN {{ L[r.verdict] }} {{ r.request.id }}\n",
                                           encoding="utf-8")
    (tmp_path / "report.html.j2").write_text("<p>{{ r.request.customer }}</p>\n",
                                             encoding="utf-8")
    request = tmp_path / "request.json"
    request.write_text(json.dumps(base_request(customer="<script>x</script>")), encoding="utf-8")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--format", "md",
                             "--template", tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("OWN ") and out.endswith(" T-1\n")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--format", "html",
                             "--template", tmp_path)
    assert (code, err) == (0, "")
    assert out == "<p>&lt;script&gt;x&lt;/script&gt;</p>\n"
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--format", "text",
                             "--template", tmp_path)
    assert code == 0 and "Verdict:" in out  # a template the directory lacks falls back to ours


# ---- a real browser

def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def _png_image_data(path):
    """(width, height, decompressed image data) of a PNG, with nothing but zlib."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return header[0], header[1], zlib.decompress(idat)


@pytest.mark.skipif(_chromium() is None, reason="no chromium on PATH")
def test_headless_chromium_renders_the_report(rich, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render(rich, "html", "en"), encoding="utf-8")
    flags = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=180)
    assert LABELS["en"][rich["verdict"]] in dom.stdout, dom.stderr[-2000:]
    assert 'class="verdict verdict-' in dom.stdout
    shot = tmp_path / "shot.png"
    run = subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1240,1754",
                                  page.as_uri()], capture_output=True, text=True, timeout=180)
    assert shot.is_file(), run.stderr[-2000:]
    assert shot.stat().st_size > 20_000, "the screenshot is nearly empty"
    width, height, pixels = _png_image_data(shot)
    assert (width, height) == (1240, 1754)
    # A page of one flat colour filters (PNG row filters) to long runs of one byte
    # value; text, bars and the heat map give a wide spread of byte values.
    assert len(set(pixels)) > 64, "the screenshot is (nearly) one flat colour"
    assert max(pixels.count(b) for b in set(pixels)) < 0.995 * len(pixels)
    pdf = tmp_path / "report.pdf"
    subprocess.run(flags + [f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=180)
    if pdf.is_file():  # when this build can print, the page is A4 (595 x 842 pt)
        boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf.read_bytes())
        assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1
                             for w, h in boxes), boxes


def test_text_lists_the_five_nearest_misses_of_a_large_catalogue(tmp_path):
    """300 machines: the text report shows the rejected machines with the fewest
    reasons and counts the rest; the JSON keeps every one."""
    import sys
    import yaml
    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import workload
    catalogue = tmp_path / "equipment.yaml"
    catalogue.write_text(yaml.safe_dump(workload.gen_equipment(300)), encoding="utf-8")
    request = ROOT / "examples/requests/bracket-series.yaml"
    code, text, _ = run_cli("check", str(request), "--equipment", str(catalogue))
    assert code == 0
    code, raw, _ = run_cli("check", str(request), "--equipment", str(catalogue),
                           "--format", "json")
    rejected = json.loads(raw)["assignments"][0]["rejected"]
    assert len(rejected) > 5
    shown = re.findall(r"^\s+rejected (\S+): (.*)$", text, re.M)
    assert len(shown) == 5
    # counted in words (it read "... (+295)")
    assert f"... and {len(rejected) - 5} more machines rejected (all in the JSON report)" \
        in text
    counts = [len(reasons.split("; ")) for _, reasons in shown]
    assert counts[0] == min(len(x["reasons"]) for x in rejected)
    assert counts == sorted(counts)


# ---- no English in Dutch output

#: English words the Dutch output may show: proper names and words Dutch shares.
SHARED_WORDS = {"MRL", "Machines", "machines", "machine", "engineering", "Score", "transport",
                "extra"}  # "voor € 193 extra": Dutch too


def _english_labels():
    """Every English text of the report, offer and compare domains that Dutch words
    differently, cut at its {placeholders}: [(domain.key, fragment)]."""
    def leaves(value, key):
        if isinstance(value, dict):
            for k, v in value.items():
                yield from leaves(v, f"{key}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from leaves(v, f"{key}.{i}")
        else:
            yield key, str(value)
    found = []
    for domain in ("report", "offer", "compare", "common"):
        nl = dict(leaves(i18n.texts(domain, "nl"), domain))
        for key, text in leaves(i18n.texts(domain, "en"), domain):
            if key.endswith(".date_format") or nl[key] == text:
                continue
            for fragment in re.split(r"\{[^}]*\}", text):
                fragment = fragment.strip(" .,:;()->")
                if re.search(r"[A-Za-z]", fragment) and fragment not in SHARED_WORDS:
                    found.append((key, fragment))
    return found


def _without_data(report):
    """The report with the texts that are data, not labels, left out: the packs' sources
    and the trace's conditions are English in every language; ids stay (they are ids)."""
    from producibility.screen import Report

    data = report.to_dict()
    for f in data["findings"]:
        f["source"] = ""
        f["trace"].update(condition="", file=None)
    for line in data["quote"]["lines"]:
        line["source"] = ""
    return Report(data, report.questionnaire, report.pack)


def _visible_text(page):
    """What a reader sees of an HTML page: its text and its tooltips and labels."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("style", "script")
            self.parts += [v for k, v in attrs if k in ("title", "data-label", "data-y", "alt")
                           and v]

        def handle_endtag(self, tag):
            self.skip -= tag in ("style", "script")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)
    reader = Reader()
    reader.feed(page)
    return "\n".join(reader.parts)


def _ids(report):
    """The ids a report shows as they are: rule ids, question fields, trace keys."""
    data = report.to_dict()
    ids = {f["rule"] for f in data["findings"]} | {q.id for q in report.questionnaire.questions}
    for entry in data["open_questions"] + data["assumed"]:
        ids |= set(entry.get("rules") or []) | {entry["field"]}
        for probe in entry.get("what_if") or []:
            ids |= set(probe.get("new_findings") or [])
    for f in data["findings"]:
        ids |= set(f["trace"]["values"])
    return ids


def _leaks(text, where, ids=()):
    """The English labels in ``text``, once the ids in it are left out (an id
    ``material`` or ``part.material`` is no English word)."""
    for name in sorted(ids, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", "", text)
    return [f"{where}: {key} {fragment!r}" for key, fragment in _english_labels()
            if re.search(rf"(?<![\w.-]){re.escape(fragment)}(?![\w-]|\.\w)", text)]


def test_no_english_label_reaches_dutch_output(screened):
    """Every example in Dutch as text, md, html, the csv's headers and kinds, the offer
    and compare: no English label of the locale files shows (a `.get(key, 'English')`
    fallback, an English word in a template, a table not yet translated)."""
    leaks = []
    dutch = {stem: _without_data(r) for (stem, lang), r in screened.items() if lang == "nl"}
    for stem, report in dutch.items():
        for audience in ("internal", "customer"):
            for fmt in ("text", "md", "html"):
                text = render(report, fmt, "nl", audience=audience)
                leaks += _leaks(_visible_text(text) if fmt == "html" else text,
                                f"{stem} {audience} {fmt}", _ids(report))
        rows = list(csv.reader(io.StringIO(render(report, "csv", "nl")[1:]), delimiter=";"))
        kinds = [rows[0]] + [[row[0], row[11], row[12]] for row in rows[1:]]
        leaks += _leaks("\n".join(";".join(row) for row in kinds), f"{stem} csv")
        offer = list(csv.reader(io.StringIO(render(report, "csv", "nl",
                                                   audience="customer")[1:]), delimiter=";"))
        leaks += _leaks(";".join(offer[0] + [offer[-1][0]]), f"{stem} offer csv")
    from producibility.report.compare import as_text, compare
    stems = sorted(dutch)
    for a, b in zip(stems, stems[1:] + stems[:1]):
        diff = compare(dutch[a].to_dict(), dutch[b].to_dict())
        for f in diff["findings_only_in_a"] + diff["findings_only_in_b"]:
            f["message"] = ""  # a rule's message: the pack's words, tested with the pack
        leaks += _leaks(as_text(diff, "A", "B", lang="nl"), f"compare {a} {b}")
    first = {}
    for leak in leaks:  # "where: domain.key 'fragment'": one line per label
        first.setdefault(leak.split(": ", 1)[1], leak)
    assert not first, "English in Dutch output:\n" + "\n".join(sorted(first.values()))


def test_the_leak_check_finds_an_english_label():
    """The check above is not blind: the English report fails it."""
    assert _leaks("Risks: none\n  CHG-004 (effort) x | 7 h |", "en")
    assert not _leaks("Risico's: geen\n  CHG-004 (extra werk) x | 7 u |", "nl")


def test_compare_speaks_the_language():
    a = {"verdict": "no_fit", "effort": {}, "mrl": {"overall": {"a": 5, "b": 5},
                                                     "target": {}, "threads": {}}}
    diff = {"verdict": {"a": "no_fit", "b": "fit_with_effort", "changed": True},
            "effort": {"inspection_h": {"a": 3.5, "b": 4}, "class": {"a": "M", "b": "L"},
                       "cost_low_eur": {"a": 2754.0, "b": 3000.5}},
            "mrl": {"overall": {"a": 5, "b": 6}, "target": a["mrl"]["target"],
                    "threads": {"design": {"a": 5, "b": 6}}},
            "machines": {"AS-300 turning": {"a": None, "b": "haas-st20"}},
            "findings_only_in_a": [], "findings_only_in_b": [],
            "open_questions": {"a": 3, "b": 2}}
    from producibility.report.compare import as_text, side_label
    assert as_text(diff, "x.yaml", "y.yaml", "nl") == (
        "A: x.yaml\nB: y.yaml\noordeel: NIET MAAKBAAR -> MAAKBAAR MET EXTRA WERK\n"
        "omvang inspectie: 3,5 u -> 4 u\nomvang klasse: M -> L\n"
        "kosten laag: €\u00a02.754 -> €\u00a03.000\nMRL laagste thema: 5 -> 6\nMRL ontwerp: 5 -> 6\n"
        "machine voor AS-300 turning: geen -> haas-st20\nopen vragen: 3 -> 2\n")
    assert "verdict: NO FIT -> FIT WITH EFFORT\neffort inspection: 3.5 h -> 4 h\n" in \
        as_text(diff, "x.yaml", "y.yaml", "en")
    assert side_label("a.yaml", "big.yaml", ["p/"], "nl") == "a.yaml op big.yaml met p/"


# ---- render takes what it needs from the Screener that made the report

def test_a_screener_with_another_questionnaire_prints_its_labels(equipment, pack):
    """Render uses the questionnaire the report was screened with, not the shipped one."""
    from producibility.model.questionnaire import load_questionnaire
    from producibility.screen import Screener

    shipped = load_questionnaire()
    purpose = shipped.question("request", "purpose")
    words = {c: {"en": f"OWN-{c}", "nl": f"EIGEN-{c}"} for c in purpose.choices}
    own = shipped.replace(questions=[
        q.replace(choice_text=words) if q is purpose else q
        for q in shipped.questions])
    request = base_request(purpose="small_series")
    report = Screener(equipment, pack, questionnaire=own).check(request, lang="nl")
    assert report.questionnaire is own.with_catalogue(pack.catalogue)
    for fmt in ("text", "md", "html"):
        text = render(report, fmt, "nl")
        assert "EIGEN-small_series" in text, fmt
        assert "kleine serie" not in text, fmt  # the shipped questionnaire's words
    shipped_report = Screener(equipment, pack).check(request, lang="nl")
    assert "kleine serie" in render(shipped_report, "text", "nl")
    assert "EIGEN-" not in render(shipped_report, "text", "nl")


def test_render_loads_nothing(rich, monkeypatch):
    """Neither the questionnaire nor a pack file is read again while rendering."""
    import producibility.inputs.yamlio as yamlio
    import producibility.model.questionnaire as questionnaire

    def refuse(*args, **kwargs):
        raise AssertionError("render loaded a file")
    monkeypatch.setattr(questionnaire, "load_questionnaire", refuse)
    monkeypatch.setattr(yamlio, "load_with_bytes", refuse)
    for fmt in FORMATS:
        if fmt != "pdf":
            assert render(rich, fmt, "en")


def test_formats_come_from_the_registry():
    registered = formats()
    assert FORMATS == tuple(registered) == ("text", "json", "md", "html", "pdf", "csv")
    # each format's module registers the name the registry lists it under
    assert [f.name for f in registered.values()] == list(FORMATS)
    assert {name: f.suffix for name, f in registered.items()} == {
        "text": ".txt", "json": ".json", "md": ".md", "html": ".html", "pdf": ".pdf",
        "csv": ".csv"}
    assert [name for name, f in registered.items() if f.binary] == ["pdf"]
    with pytest.raises(ValueError, match="unknown format"):
        render({}, "docx")


def test_a_text_report_imports_no_other_format():
    """A format's module is imported when it is first asked for: the command line's
    --format choices and a text report need none of the others."""
    code = ("import json, sys; import producibility.cli.common; "
            "from producibility.report.render import get_format; get_format('text'); "
            "print(json.dumps(sorted(m for m in sys.modules "
            "if m.startswith('producibility.report.render.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == ["producibility.report.render.registry",
                         "producibility.report.render.templates",
                         "producibility.report.render.text", "producibility.report.render.views"]


def test_text_report_gives_the_lead_time_chain_and_label_tables_have_no_duplicate_keys(
        screener):
    """A label written twice in one table silently hid 'extra lead time' behind the
    chain's 'Lead time' (the text report printed the extra days as the lead time)."""
    import ast
    from producibility.report.render import render
    from conftest import ROOT, REQUESTS
    for path in sorted((ROOT / "producibility").rglob("*.py")):
        name = path.name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                assert len(keys) == len(set(keys)), (name, node.lineno)
    report = screener.check(str(next(p for p in REQUESTS if p.stem == "bracket-series")))
    lead = report.to_dict()["lead_time"]
    text = render(report, "text")
    assert f"Lead time: {lead['days']} working days to the first of 2 deliveries, " \
           f"earliest delivery {lead['earliest_date']}" in text


def _request_of(name):
    import yaml
    from conftest import REQUESTS
    path = next(p for p in REQUESTS if p.stem == name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang, line", [
    # (the price per piece without the one-off costs, as the offer's, and those apart)
    ("en", "Cost: € 4,933 - € 6,017 (contingency 15% + 25% extra on estimated lines + "
           "€ 128 for what open answers can add); € 19.82 - € 23.87 per piece + one-off "
           "€ 970 - € 1,243"),
    ("nl", "Kosten: € 4.933 - € 6.017 (onvoorzien 15% + 25% extra op geschatte regels + "
           "€ 128 voor wat open antwoorden kunnen toevoegen); € 19,82 - € 23,87 per stuk "
           "+ eenmalig € 970 - € 1.243")])
def test_the_cost_is_also_given_per_piece(screener, lang, line):
    """A quote engineer reads a price per piece: 200 brackets at EUR 4,871-6,062 are
    EUR 24.35-30.31 each (the totals over the quantity); a request of several parts
    is priced per set, the parts of one product. The contingency says how the high
    estimate applies it: it read '20%' beside a high estimate 24.5 % over the subtotal
    (20 % on every line and 25 % more on the estimated ones); now also what open answers
    can add (the rules whose questions are open, priced)."""
    from producibility.report.render import render
    from conftest import REQUESTS
    text = render(screener.check(str(next(p for p in REQUESTS if p.stem == "bracket-series")),
                                 lang=lang), "text", lang)
    assert line in text.replace("\xa0", " ").splitlines()  # Babel's no-break space after €
    frame = render(screener.check(str(next(p for p in REQUESTS if p.stem == "frame-en1090")),
                                  lang=lang), "text", lang)
    assert ("per set (the parts of one product)" if lang == "en" else
            "per set (de onderdelen van één product)") in frame
    # one part needed four times a product: 200 products are 800 pieces, so the price
    # per product is a set's, not a piece's (it read 'per piece' at four times a piece)
    request = _request_of("bracket-series")
    request["parts"][0]["quantity"] = 4
    report = screener.check(request, lang=lang)
    assert report.to_dict()["request"]["pieces"] == 800
    cost = next(x for x in render(report, "text", lang).splitlines()
                if x.startswith(("Cost:", "Kosten:")))
    assert cost.split(" + ")[-2].endswith("per set (the parts of one product)" if lang == "en"
                                          else "per set (de onderdelen van één product)")


def test_the_html_lead_time_card_shows_the_lead_time_chain(screened):
    """The card read "extra lead time 0 days" for a request whose lead time (7 working
    days) misses the wanted date: it now shows the chain's working days and dates, in
    the warning colour when the date is missed or nothing can be made here."""
    def card(stem, lang):
        html = render(screened[stem, lang], "html", lang)
        start = html.index('<section class="figures"')
        return html[start:html.index("</section>", start)].split('<div class="card')[-1]

    rush = card("impeller-rush", "nl")
    assert rush.startswith(' warn"') and "Levertijd" in rush and "11 werkdagen" in rush
    assert "vroegste levering 08-12-2026 · gewenst 03-12-2026" in rush
    series = card("bracket-series", "en")
    assert series.startswith('">') and "17 working days <small>to the first of 2 " \
        "deliveries</small>" in series
    assert "earliest delivery 2026-12-16 · wanted 2027-01-29" in series
    # and under the quote, the chain per part, in its order
    html = render(screened["bracket-series", "en"], "html", "en")
    start = html.index('<ul class="chain">')
    chain = html[start:html.index("</ul>", start)]
    assert '<span class="id">BR-100</span>: CAM and work preparation: 5.5 h (1.38 wd, default) → ' \
        "3-axis milling on" in chain
    assert chain.index("milling") < chain.index("anodising") < chain.index("delivery")
    shaft = card("shaft-oversize", "en")
    assert shaft.startswith(' warn"') and '<div class="v">–</div>' in shaft


def test_a_quote_line_not_priced_by_the_hour_shows_no_hours_or_rate(screened):
    """The material line read "0 | € 0,00" under hours and rate, as if the blocks were
    an hour's work at no rate: a line priced by the piece or the kilo (material,
    outside work, a fixed amount) leaves those cells empty, in the CSV too."""
    md = render(screened["bracket-series", "nl"], "md", "nl")
    material = next(line for line in md.splitlines() if line.startswith("| materiaal"))
    cells = [c.strip() for c in material.split("|")[1:-1]]
    assert cells[3:5] == ["", ""] and cells[5].startswith("€") and "865,94" in cells[5]
    setup = next(line for line in md.splitlines()  # the quote's line, not the effort's
                 if line.startswith("| omstellen") and line.count("|") > 6)
    assert [c.strip() for c in setup.split("|")[4:6]] == ["4", "€\xa0120,00"]
    html = render(screened["bracket-series", "nl"], "html", "nl")
    row = html[html.index("<td>materiaal"):]
    row = row[:row.index("</tr>")]
    assert row.count('<td class="blank"></td>') == 2 and 'data-label="Uren"' not in row
    rows = list(csv.DictReader(io.StringIO(render(screened["bracket-series", "en"], "csv",
                                                  "en"))))
    # and the CSV too (the JSON's hours and rate are null: a line of no hours, not 0)
    assert any(r["kind"] == "material" and r["hours"] == r["rate_eur_h"] == "" for r in rows)


def test_every_finding_names_its_source_in_the_reports_language(reports):
    """The trace under each finding ('Bron: ...') read English in a Dutch report: the
    rules' sources and the tool's own checks (equipment fit, partners, the lead-time
    chain, MRL below target, ISO fits) now come in both languages, and so do the
    conditions of the tool's checks (a rule's condition is its expression)."""
    checked = set()
    for (stem, lang), report in reports.items():
        if lang != "nl":
            continue
        english = {(f["rule"], f["part"], f["machine"]): f
                   for f in reports[stem, "en"]["findings"]}
        for f in report["findings"]:
            en = english[f["rule"], f["part"], f["machine"]]
            assert f["source"], (stem, f["rule"])
            assert f["source"] != en["source"], (stem, f["rule"], f["source"])
            if en["trace"]["file"] is None:  # the tool's own check
                assert f["trace"]["condition"] != en["trace"]["condition"], \
                    (stem, f["rule"], f["trace"]["condition"])
            checked.add(f["rule"])
    # the tool's own checks are among them
    assert {"MRL-TARGET", "LEAD-TIME", "FIT-NO-MACHINE"} <= checked


@pytest.mark.parametrize("lang, notes", [
    ("en", ["  - GR-2: material not priced: material unknown or not in the catalogue",
            "  - GR-2: run time of 3-axis milling not estimated: material unknown or not in "
            "the catalogue"]),
    ("nl", ["  - GR-2: materiaal niet geprijsd: materiaal onbekend of niet in de catalogus",
            "  - GR-2: bewerkingstijd van 3-assig frezen niet geschat: materiaal onbekend of niet in "
            "de catalogus"])])
def test_the_text_report_says_what_the_price_leaves_out(screener, lang, notes):
    """The text report, the default a shop reads, printed a price with neither material
    nor run time in it and did not say so (Markdown, HTML and JSON did). The quote's
    notes now follow its cost line; risks beyond the eighth are counted and named."""
    from producibility.report.render import render
    text = render(screener.check(_request_of("enquiry-incomplete"), lang=lang), "text", lang)
    lines = text.splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith(("Cost:", "Kosten:")))
    assert lines[at + 1:at + 3] == notes
    many = render(screener.check(_request_of("medical-handle-iso13485"), lang=lang), "text",
                  lang)
    shown = [x for x in many.splitlines() if x.startswith("  [")]
    risks = [f for f in screener.check(_request_of("medical-handle-iso13485")).to_dict()[
        "findings"] if f.get("risk")]
    assert len(risks) > 8 and len(shown) == 8
    assert f"  ... (+{len(risks) - 8} {'findings' if lang == 'en' else 'bevindingen'}: " in many


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_what_if_names_a_verdict_only_where_it_turns(screener, lang):
    """Under NO FIT a question read 'can change the verdict' and its what-if 'if yes:
    NO FIT'; an assumption 'if not: FIT, CON-005' in a FIT report. A what-if names a
    verdict only where it differs from the report's, and no question of a NO FIT report
    claims it can change it (no answer lifts a blocker)."""
    words = labels(lang)
    seen = {"no_fit": 0, "what_if": 0}
    for path in REQUESTS:
        report = screener.check(str(path), lang=lang)
        own = words[report.verdict]
        for fmt in ("text", "md", "html"):
            out = render(report, fmt, lang=lang)
            if report.verdict == "no_fit":
                assert words["decisive"] not in out, (path.name, fmt)
                seen["no_fit"] += 1
            for marker in (f"{words['if_not']}: {own}", f"{words['if_not']}: <strong>{own}",
                           f": **{own}**", f'">{own}</span>', f"): {own}"):
                # 'if not: FIT' but not 'if not: FIT WITH EFFORT'
                found = re.search(re.escape(marker) + r"(?!\w| \w)", out)
                assert not found, (path.name, fmt, marker)
        seen["what_if"] += sum(len(a["what_if"]) for a in report.to_dict()["assumed"])
    assert seen["no_fit"] >= 6 and seen["what_if"] >= 10


def test_the_dutch_csv_names_the_process_the_plain_one_keeps_its_id():
    """Dutch Excel's 'bewerking' column read 'laser_cutting' beside a translated kind and
    verdict; a program reading the plain CSV keeps the id."""
    code, out, _ = run_cli("check", REQUESTS[0].parent / "bracket-series.yaml", "--equipment",
                           EQUIPMENT, "--format", "csv", "--lang", "nl")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert {r["bewerking"] for r in rows if r["soort"] == "bewerken"} == {"3-assig frezen"}
    code, out, _ = run_cli("check", REQUESTS[0].parent / "bracket-series.yaml", "--equipment",
                           EQUIPMENT, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["process"] for r in rows if r["kind"] == "run"} == {"milling_3axis"}


def test_a_probed_date_reads_as_the_reports_dates():
    """A what-if on the wanted date read 'als 2026-11-30' in the Dutch Markdown, where
    every other date is 30-11-2026 (a quality engineer's review)."""
    import copy
    from producibility import Screener
    from producibility.report.render import render as render_report
    from conftest import EQUIPMENT, EXAMPLES

    report = Screener(str(EQUIPMENT)).check(
        str(EXAMPLES / "requests" / "bracket-series.yaml"), lang="nl").to_dict()
    data = copy.deepcopy(report)
    data["open_questions"] = [{
        "field": "wanted_date", "scope": "request", "part": None,
        "question": "Gewenste leverdatum", "impact": 11, "decisive": True,
        "rules": ["LEAD-TIME"], "can_change_verdict": True,
        "what_if": [{"answer": "2026-11-30", "verdict": "no_fit",
                     "new_findings": ["LEAD-TIME"]}]}]
    md = render_report(data, "md", "nl")
    assert "als 30-11-2026: **NIET MAAKBAAR**" in md, md[md.find("Open vragen"):][:400]
