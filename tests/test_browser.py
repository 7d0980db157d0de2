"""The customer's side in a real browser (issue 17): every screen, paper, the form.

Headless Chromium from the operating system's packages (``.ci/run`` installs it):

* no horizontal overflow at 390 px (a phone) and 1280 px (a desktop): the page's
  scroll width stays within the viewport, and nothing sticks out of the sheet;
* the PDFs (WeasyPrint): A4, page numbers, the offer of a one-part request on one
  page, the totals on the same page as the quote's last line (pdftotext, pdfinfo);
* the on-screen form filled in, saved, then validated and screened.

The page is measured inside an iframe of the exact width (headless Chromium's window
is at least 500 px wide); a small script in the outer page writes the measurement
into the DOM, which ``--dump-dom`` returns.  A test skips, saying why, only where the
browser or poppler cannot be found.
"""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import EQUIPMENT, EXAMPLES, run_cli

REQUESTS = EXAMPLES / "requests"
WIDTHS = (390, 1280)


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


needs_chromium = pytest.mark.skipif(
    _chromium() is None, reason="no Chromium on PATH (apt-get install chromium; .ci/run does)")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="no pdftotext/pdfinfo on PATH (apt-get install poppler-utils; .ci/run does)")


def _weasyprint_ok():
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_weasyprint = pytest.mark.skipif(
    not _weasyprint_ok(), reason="WeasyPrint or its Pango libraries are missing "
    "(pip install '.[pdf]'; apt-get install libpango-1.0-0 libpangoft2-1.0-0)")

WRAPPER = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="border:0;width:{width}px;height:900px" srcdoc="{doc}"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {{
  var f = document.getElementById('f'), d = f.contentDocument, w = d.documentElement.clientWidth;
  var result = {{}};
  try {{ result = ({probe})(f.contentWindow, d) || {{}}; }} catch (e) {{ result.error = String(e); }}
  result.scrollWidth = d.documentElement.scrollWidth;
  result.clientWidth = w;
  var sheet = d.querySelector('main') || d.body, right = sheet.getBoundingClientRect().right;
  result.outside = [];
  d.querySelectorAll('body *').forEach(function (el) {{
    var r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 1 || (sheet.contains(el) && r.right > right + 1)))
      result.outside.push(el.tagName + '.' + el.className + ': ' + el.textContent.slice(0, 40));
  }});
  var out = document.createElement('pre'); out.id = 'result';
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
}});
</script></body></html>"""


def in_browser(tmp_path, page_html, width, probe="function () { return {}; }"):
    """Load a page in an iframe of this width; run ``probe(window, document)`` in it."""
    wrapper = tmp_path / f"wrapper-{width}.html"
    wrapper.write_text(WRAPPER.format(width=width, doc=html.escape(page_html, quote=True),
                                      probe=probe), encoding="utf-8")
    run = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / f'profile-{width}'}",
         "--hide-scrollbars", f"--window-size={max(width, 500) + 20},1000",
         "--virtual-time-budget=5000", "--dump-dom", wrapper.as_uri()],
        capture_output=True, text=True, timeout=300)
    match = re.search(r'<pre id="result">(.*?)</pre>', run.stdout, re.S)
    assert match, run.stderr[-2000:]
    return json.loads(html.unescape(match.group(1)))


def check_output(tmp_path, request, *args):
    target = tmp_path / "out"
    code, out, err = run_cli("check", REQUESTS / request, "--equipment", EQUIPMENT, *args,
                             "-o", target)
    assert (code, err) == (0, ""), err
    return target


# ---- every screen

@needs_chromium
@pytest.mark.parametrize("audience", ["internal", "customer"])
@pytest.mark.parametrize("request_name,lang", [
    ("enquiry-incomplete.yaml", "nl"), ("frame-en1090.yaml", "en"),
    ("bracket-series.yaml", "nl"), ("shaft-oversize.yaml", "en")])
def test_no_horizontal_overflow_on_a_phone_or_a_desktop(tmp_path, request_name, lang, audience):
    page = check_output(tmp_path, request_name, "--format", "html", "--lang", lang,
                        "--audience", audience).read_text(encoding="utf-8")
    for width in WIDTHS:
        result = in_browser(tmp_path, page, width)
        assert result["clientWidth"] == width
        assert result["scrollWidth"] <= width, (width, result["outside"][:5])
        assert not result["outside"], (width, result["outside"][:5])


@needs_chromium
def test_the_heat_map_and_tables_reflow_on_a_phone(tmp_path):
    page = check_output(tmp_path, "frame-en1090.yaml", "--format", "html").read_text(
        encoding="utf-8")
    probe = """function (w, d) {
      var heat = d.getElementById('heat-map').getBoundingClientRect();
      var mrl = d.getElementById('mrl').getBoundingClientRect();
      var ids = d.querySelector('.cell-ids');
      var head = d.querySelector('#risks table.grid thead');
      return {heatBelowMrl: heat.top >= mrl.bottom - 1,
              idsShown: ids ? w.getComputedStyle(ids).display !== 'none' : null,
              tableHead: w.getComputedStyle(head).display};
    }"""
    phone = in_browser(tmp_path, page, 390, probe)
    assert phone["heatBelowMrl"] and phone["idsShown"] is False
    assert phone["tableHead"] == "none"  # rows become labelled cards
    desktop = in_browser(tmp_path, page, 1280, probe)
    assert not desktop["heatBelowMrl"] and desktop["idsShown"] is True
    assert desktop["tableHead"] != "none"


# ---- paper

def pdf_pages(path):
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True).stdout).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True).stdout
    return pages, text.split("\f")[:pages]


@needs_weasyprint
@needs_poppler
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_offer_of_a_one_part_request_is_one_a4_page(tmp_path, lang):
    pdf = check_output(tmp_path, "bracket-series.yaml", "--format", "pdf", "--lang", lang,
                       "--audience", "customer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    pages, texts = pdf_pages(pdf)
    assert pages == 1
    words = {"en": ("Offer", "Price per piece", "Design advice", "Agrotech Systems"),
             "nl": ("Offerte", "Prijs per stuk", "Advies over het ontwerp", "Agrotech Systems")}
    for word in words[lang]:
        assert word.lower() in texts[0].lower()
    assert re.search(r"\b1\s*/\s*1\s*$", texts[0].strip())  # the page number
    for internal in ("PRC-002", "DFM-007", "sha256", "contingency", "onvoorzien", "MRL"):
        assert internal not in texts[0]


@needs_weasyprint
@needs_poppler
def test_the_internal_pdf_numbers_its_pages_and_keeps_the_totals_with_their_rows(tmp_path):
    pdf = check_output(tmp_path, "frame-en1090.yaml", "--format", "pdf")
    pages, texts = pdf_pages(pdf)
    assert pages >= 2
    for n, text in enumerate(texts, 1):
        assert re.search(rf"Page {n}\s*/\s*{pages}", text), text[-200:]
    with_total = [n for n, text in enumerate(texts) if "High estimate" in text]
    assert len(with_total) == 1  # printed once, not repeated where a page breaks
    page = texts[with_total[0]]
    assert "Subtotal" in page and "contingency" in page
    above = [line for line in page.split("Subtotal")[0].splitlines()
             if line.strip()][-3:]
    assert any("€" in line for line in above), above  # the quote's last line, right above
    trace = "\n".join(texts)
    assert "Trace" in trace and "rules/" in trace  # the trace printed open, legibly


# ---- the on-screen form

FILL = """function (w, d) {
  function set(id, value, part) {
    var scope = part ? d.querySelectorAll('#parts .part')[part - 1] : d.getElementById('request-questions');
    var q = scope.querySelector('.q[data-id="' + id + '"]');
    var fields = q.querySelectorAll('input, select');
    if (q.getAttribute('data-type') === 'dimensions') {
      value.forEach(function (v, i) { fields[i].value = v; });
    } else if (q.getAttribute('data-type') === 'multi_choice' || q.getAttribute('data-type') === 'yes_no') {
      fields.forEach(function (f) { if (value.indexOf(f.value) >= 0) f.checked = true; });
    } else { fields[0].value = value; }
    fields[0].dispatchEvent(new Event('change', {bubbles: true}));
  }
  set('id', 'WEB-1'); set('customer', 'Klant & Zn <b>'); set('date', '2026-11-23');
  set('purpose', 'small_series'); set('quantity', '1.000'); set('wanted_date', '2027-03-01');
  set('certificates_required', ['']);          // "none of these": answered, with none
  set('drawing_with_tolerances', ['yes']); set('model_3d', ['yes']);
  set('prototype_built', ['yes']); set('safety_critical', ['no']);
  set('repeat_orders_expected', ['no']);
  set('id', 'BR-1', 1); set('name', 'Beugel', 1); set('processes', ['milling_3axis'], 1);
  set('material', 'aluminium_6082', 1); set('size_mm', ['140', '60', '25'], 1);
  set('tolerance_mm', '0,1', 1);
  var part = d.querySelector('#parts .part');
  var hidden = function (id) { return part.querySelector('.q[data-id="' + id + '"]').hidden; };
  var volumeHidden = d.querySelector('#request-questions .q[data-id="annual_volume"]').hidden;
  // the browser's own download is not part of the test (a headless browser may wait on it)
  w.HTMLAnchorElement.prototype.click = function () {};
  var saved = w.producibilityForm.save();
  var link = d.getElementById('download');
  var yamlText = decodeURIComponent(link.getAttribute('href').split(',').slice(1).join(','));
  var yamlName = link.getAttribute('download');
  w.producibilityForm.save('json');
  return {yaml: yamlText, json: decodeURIComponent(link.getAttribute('href').split(',').slice(1).join(',')),
          jsonName: link.getAttribute('download'),
          name: yamlName, built: saved.text, missing: saved.missing,
          status: d.getElementById('status').textContent,
          diameterHidden: hidden('diameter_mm'), pocketHidden: hidden('max_pocket_depth_mm'),
          annualVolumeHidden: volumeHidden};
}"""


@needs_chromium
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_form_filled_in_saves_a_request_that_validates_and_screens(tmp_path, lang,
                                                                       monkeypatch):
    (tmp_path / "producibility.yaml").write_text(
        f"equipment: {EQUIPMENT}\nlang: {lang}\nprovider:\n  name: Fijnmechanica Test\n"
        "  address: [Industrieweg 1, 5700 AA Helmond]\n  email: offerte@example.nl\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("questionnaire", "export", "--format", "html", "-o", "form.html")
    assert (code, err) == (0, "")
    page = (tmp_path / "form.html").read_text(encoding="utf-8")
    assert "Fijnmechanica Test" in page and "Industrieweg 1" in page
    for width in WIDTHS:
        shown = in_browser(tmp_path, page, width)
        assert shown["scrollWidth"] <= width and not shown["outside"], shown["outside"][:5]
    result = in_browser(tmp_path, page, 1280, FILL)
    assert "error" not in result, result
    assert result["yaml"] == result["built"] and result["name"] == "request-WEB-1.yaml"
    assert result["diameterHidden"] is True       # ask_if: turning only
    assert result["pocketHidden"] is False        # ask_if: milling
    assert result["annualVolumeHidden"] is True   # ask_if: only with repeat orders
    request = yaml.safe_load(result["yaml"])
    assert json.loads(result["json"]) == request and result["jsonName"] == "request-WEB-1.json"
    if lang == "nl":  # "1.000" read as Dutch writes it
        assert request["quantity"] == 1000
    else:  # in English it could be 1 or 1000: marked and left out, not guessed
        assert "quantity" not in request
        assert any("Number of products" in m for m in result["missing"])
    assert request["certificates_required"] == [] and request["customer"] == "Klant & Zn <b>"
    assert request["parts"][0]["tolerance_mm"] == 0.1
    assert request["parts"][0]["size_mm"] == [140, 60, 25]
    saved = tmp_path / result["name"]
    saved.write_text(result["yaml"], encoding="utf-8")
    code, out, err = run_cli("validate", saved)
    assert code == 0, out + err
    code, out, err = run_cli("check", saved, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["request"]["id"] == "WEB-1" and report["assignments"][0]["machine"]
    assert "certificates_required" not in {q["field"] for q in report["open_questions"]}


@needs_weasyprint
def test_the_same_inputs_give_the_same_pdf_bytes(tmp_path):
    first = check_output(tmp_path, "bracket-series.yaml", "--format", "pdf", "--audience",
                         "customer").read_bytes()
    second = check_output(tmp_path, "bracket-series.yaml", "--format", "pdf", "--audience",
                          "customer").read_bytes()
    assert first == second


TEMPERS = """function (w, d) {
  var part = d.querySelector('#parts .part');
  var material = part.querySelector('.q[data-id="material"] select');
  var temper = part.querySelector('.q[data-id="temper"] select');
  function pick(select, value) {
    select.value = value; select.dispatchEvent(new Event('change', {bubbles: true}));
  }
  function offered() {
    return Array.prototype.filter.call(temper.options, function (o) {
      return o.value && !o.disabled; }).map(function (o) { return o.value; });
  }
  pick(material, 'aluminium_6082'); pick(temper, 't6');
  var for6082 = offered(), kept = temper.value;
  pick(material, 'aluminium_5754');
  return {for6082: for6082, kept: kept, for5754: offered(), after: temper.value};
}"""


@needs_chromium
def test_the_form_offers_no_t_temper_for_an_alloy_that_is_not_heat_treatable(tmp_path):
    """The on-screen form offered T4, T6 and T651 for a 5754 (validate then refused the
    request it saved); `ask` never offered them. The choices a part's material rules
    out are disabled for that part, and one chosen before is unselected."""
    code, page, err = run_cli("questionnaire", "export", "--format", "html", "--lang", "en")
    assert code == 0, err
    result = in_browser(tmp_path, page, 1280, TEMPERS)
    assert "error" not in result, result
    assert {"t4", "t6", "t651"} <= set(result["for6082"]) and result["kept"] == "t6"
    assert result["for5754"] == ["o_h111", "h22_h32", "h24_h34"]
    assert result["after"] == ""


CONDITIONS = """function (w, d) {
  var part = d.querySelector('#parts .part'), top = d.getElementById('request-questions');
  function q(id, scope) { return (scope || part).querySelector('.q[data-id="' + id + '"]'); }
  function set(id, value, scope) {
    var box = q(id, scope), field = box.querySelector('input, select');
    if (box.getAttribute('data-type') === 'multi_choice') {
      box.querySelectorAll('input').forEach(function (f) { f.checked = value.indexOf(f.value) >= 0; });
    } else { field.value = value; }
    field.dispatchEvent(new Event('input', {bubbles: true}));
    field.dispatchEvent(new Event('change', {bubbles: true}));
  }
  function none(id) {  // the "geen" box beside the number or the choice
    var box = q(id).querySelector('input[data-absent]');
    box.checked = true; box.dispatchEvent(new Event('change', {bubbles: true}));
  }
  function hidden(id, scope) { return q(id, scope).hidden; }
  var out = {};
  set('purpose', 'series', top); set('quantity', '50', top);
  out.cpkAt50 = hidden('cpk_required', top);
  set('quantity', '200', top);
  out.cpkAt200 = hidden('cpk_required', top);
  set('id', 'P-1'); set('processes', ['turning']); set('tolerance_mm', '0,2');
  out.featureAtWide = hidden('tightest_feature');
  set('tolerance_mm', '0,02');
  out.featureAtTight = hidden('tightest_feature');
  out.fitSizeOpen = hidden('fit_size_mm');
  set('iso_fit', 'H7');
  out.fitSizeAtH7 = hidden('fit_size_mm');
  none('iso_fit');
  out.fitSizeAtNone = hidden('fit_size_mm');
  out.fitChoiceAfterNone = q('iso_fit').querySelector('select').value;
  out.threadDepthOpen = hidden('max_thread_depth_mm');
  set('min_thread_mm', '3');
  out.threadDepthAtM3 = hidden('max_thread_depth_mm');
  none('min_thread_mm');
  out.threadDepthAtNone = hidden('max_thread_depth_mm');
  out.holeDepthOpen = hidden('max_hole_depth_mm');
  none('min_hole_diameter_mm');
  out.holeDepthAtNone = hidden('max_hole_depth_mm');
  out.conditions = Array.prototype.map.call(d.querySelectorAll('#parts .part .cond'),
    function (p) { return p.textContent; });
  w.HTMLAnchorElement.prototype.click = function () {};
  out.yaml = w.producibilityForm.build().text;
  return out;
}"""


@needs_chromium
def test_the_form_says_its_conditions_in_words_and_takes_none_for_an_answer(tmp_path):
    """REVIEW23 (buyer 15): "Alleen invullen als part.tolerance_mm < 0.05" and "...
    part.min_thread_mm is defined" were printed raw and not evaluated, so the thread
    depth showed for a part without thread and "what kind of dimension" for ±0.2 mm;
    (buyer 8, turning 9) "no holes" and "no thread" could not be answered. Now the
    conditions read in words and the page hides a question while its condition does not
    hold; a "geen" box beside the number says none, and the request it saves screens with
    no question about holes or thread."""
    code, page, err = run_cli("questionnaire", "export", "--format", "html", "--lang", "nl",
                              "--equipment", EQUIPMENT)
    assert code == 0, err
    assert "part.tolerance_mm" not in page and "is defined" not in page
    for width in WIDTHS:
        shown = in_browser(tmp_path, page, width)
        assert shown["scrollWidth"] <= width and not shown["outside"], shown["outside"][:5]
    result = in_browser(tmp_path, page, 390, CONDITIONS)
    assert "error" not in result, result
    assert (result["cpkAt50"], result["cpkAt200"]) == (True, False)
    assert (result["featureAtWide"], result["featureAtTight"]) == (True, False)
    assert (result["fitSizeOpen"], result["fitSizeAtH7"], result["fitSizeAtNone"]) == \
        (True, False, True)
    assert result["fitChoiceAfterNone"] == ""
    assert (result["threadDepthOpen"], result["threadDepthAtM3"],
            result["threadDepthAtNone"]) == (True, False, True)
    assert (result["holeDepthOpen"], result["holeDepthAtNone"]) == (False, True)
    assert any("kleiner is dan 0,05" in c for c in result["conditions"]), result["conditions"]
    saved = yaml.safe_load(result["yaml"])
    part = saved["parts"][0]
    assert (part["min_thread_mm"], part["min_hole_diameter_mm"], part["iso_fit"]) == \
        ("none", "none", "none")
    assert "max_thread_depth_mm" not in part and "max_hole_depth_mm" not in part
    saved.update(id="WEB-2", date="2026-11-23", customer="Test")
    part.update(name="Pen", material="steel_c45", diameter_mm=6, length_mm=28)
    path = tmp_path / "form-none.yaml"
    path.write_text(yaml.safe_dump(saved, allow_unicode=True), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0, err
    asked = {q["field"] for q in json.loads(out)["open_questions"]}
    assert not asked & {"min_thread_mm", "max_thread_depth_mm", "min_hole_diameter_mm",
                        "max_hole_depth_mm", "iso_fit", "fit_size_mm"}, asked
