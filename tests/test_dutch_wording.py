"""Dutch as a Dutch job shop writes it (review 4, item 16): the offer's opening, the
effort line, the assumptions as a list, the cycle model's words and one way of writing
a date in the Dutch report (the JSON stays ISO)."""

import json
import re

import pytest

from conftest import EQUIPMENT, EXAMPLES, run_cli

REQUESTS = EXAMPLES / "requests"


def check(*args, request="bracket-series.yaml"):
    code, out, err = run_cli("check", REQUESTS / request, "--equipment", EQUIPMENT,
                             "--no-probe", *args)
    assert (code, err) == (0, ""), err
    return out


def test_a_conditional_offer_opens_as_a_shop_writes_it():
    out = check("--audience", "customer", "--format", "md", "--lang", "nl",
                request="enquiry-incomplete.yaml")
    assert "Hieronder vindt u onze voorlopige offerte; na uw antwoorden" in out
    assert "tot nu toe" not in out and "wordt die vast" not in out


def test_the_dutch_report_says_omvang_not_inspanning():
    out = check("--lang", "nl")
    assert re.search(r"^Omvang: klasse M \| ", out, re.M)
    assert "Inspanning" not in out and "(inspanning)" not in out
    assert "(extra werk)" in out and "meerwerk" not in out.lower()


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_offer_lists_its_assumptions_one_a_line(fmt, lang):
    out = check("--audience", "customer", "--format", fmt, "--lang", lang,
                request="enquiry-incomplete.yaml")
    data = json.loads(check("--audience", "customer", "--format", "json", "--lang", lang,
                            request="enquiry-incomplete.yaml"))
    assumed = data["assumptions"]
    assert len(assumed) > 2
    if fmt == "md":
        block = out[out.index("## " + {"en": "What we assumed", "nl": "Wat wij hebben aangenomen"}[lang]):]
        block = block[:block.index("\n## ", 3)]
        items = [line[2:] for line in block.splitlines() if line.startswith("- ")]
    else:
        block = out[out.index('<ul class="assumed">'):]
        items = re.findall(r"<li>(.*?)</li>", block[:block.index("</ul>")])
    assert len(items) == len(assumed)
    assert items[0][0].isupper() and "; " not in items[0]
    assert "; ".join(assumed) not in out


def test_the_cycle_model_is_worded_for_any_process():
    from producibility.report.costing import _run_minutes

    class Catalogue:
        def get(self, kind, name):
            return {"run_time": {"model": "cycle", "params": {"cycle_s": 40}}}

    for lang, words, moulding in (("en", "40 s cycle / 1 pcs per cycle", "cavities"),
                                  ("nl", "cyclus 40 s / 1 st per cyclus", "holtes")):
        minutes, said = _run_minutes("deburring", {}, None, {}, {}, Catalogue(), lang)
        assert minutes == pytest.approx(40 / 60) and said == words and moulding not in said


def test_the_dutch_report_writes_dates_as_its_offer_does():
    text = check("--lang", "nl")
    assert "gewenst 29-01-2027" in text and "vroegste levering 16-12-2026" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    for fmt in ("md", "html"):
        out = check("--lang", "nl", "--format", fmt)
        assert "16-12-2026" in out and "29-01-2027" in out
        visible = re.sub(r"<[^>]+>", "", out)
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", visible.split("sha256")[0]), fmt
    data = json.loads(check("--lang", "nl", "--format", "json"))
    assert data["lead_time"]["earliest_date"] == "2026-12-16"
    assert data["request"]["wanted_date"] == "2027-01-29"
    # English keeps ISO (the README's quick start)
    assert "earliest delivery 2026-12-16" in check()


def test_the_lead_time_finding_writes_dates_as_the_report_does():
    """LEAD-TIME's message is built by the lead time, not a template: it wrote ISO dates
    in a Dutch report ("Vroegste levering 2026-12-08 ...; gewenst 2026-12-03")."""
    text = check("--lang", "nl", request="impeller-rush.yaml")
    assert "Vroegste levering 08-12-2026 (11 werkdagen" in text
    assert "gewenst 03-12-2026. Met overwerk: 07-12-2026" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    assert "Earliest delivery 2026-12-08 (11 working days" in check(request="impeller-rush.yaml")


def test_the_late_dates_condition_and_a_rules_dates_read_as_dutch_dates():
    """The LEAD-TIME trace read 'vroegste 2026-12-08 > gewenst 2026-12-03' in the Dutch
    report, and a rule's message printed request.earliest_delivery as an ISO date."""
    out = check("--format", "json", "--lang", "nl", request="impeller-rush.yaml")
    [late] = [f for f in json.loads(out)["findings"] if f["rule"] == "LEAD-TIME"]
    assert late["trace"]["condition"] == "vroegste 08-12-2026 > gewenst 03-12-2026"
    md = check("--format", "md", "--lang", "nl", request="impeller-rush.yaml")
    assert "vroegste 08-12-2026 > gewenst 03-12-2026" in md


@pytest.mark.parametrize("said, dutch", [
    ("De vroegste levering (2026-12-16) laat", "De vroegste levering (16-12-2026) laat"),
    ("aanvraag RFQ-2026-11-23, tekening 2026-11-23b", "aanvraag RFQ-2026-11-23, tekening "
                                                     "2026-11-23b"),
    ("datum 2026-13-45", "datum 2026-13-45"),  # not a date
])
def test_a_date_in_a_message_reads_as_the_report_writes_dates(said, dutch):
    from producibility import i18n
    assert i18n.days_in(said, "nl") == dutch
    assert i18n.days_in(said, "en") == said
