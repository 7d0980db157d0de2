"""The offer for the customer: check --audience customer (issue 17, item 1)."""

import json
import re

import pytest

from conftest import EQUIPMENT, EXAMPLES, run_cli

REQUESTS = EXAMPLES / "requests"
INTERNAL = re.compile(r"\b(?:[A-Z]{3}-\d{3}|MRL-TARGET|FIT-NO-MACHINE)\b|sha256|contingency|"
                      r"onvoorzien|digest|vingerafdruk")


def offer(*args, request="bracket-series.yaml"):
    code, out, err = run_cli("check", REQUESTS / request, "--equipment", EQUIPMENT,
                             "--audience", "customer", *args)
    assert (code, err) == (0, ""), err
    return out


@pytest.mark.parametrize("fmt", ["md", "html", "json", "text", "csv"])
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("request_name", ["bracket-series.yaml", "enquiry-incomplete.yaml",
                                          "shaft-oversize.yaml", "frame-en1090.yaml"])
def test_nothing_internal_reaches_the_customer(fmt, lang, request_name):
    text = offer("--format", fmt, "--lang", lang, request=request_name)
    assert not INTERNAL.search(text), INTERNAL.search(text).group(0)


@pytest.mark.parametrize("request_name", sorted(p.name for p in REQUESTS.glob("*.yaml")))
def test_every_heading_of_the_offer_stands_apart(request_name):
    """A heading follows an empty line: the numbered questions ran straight into
    '## Design advice', which read as one block in a mail client."""
    for lang in ("en", "nl"):
        lines = offer("--format", "md", "--lang", lang, request=request_name).splitlines()
        for i, line in enumerate(lines):
            if line.startswith("#") and i:
                assert lines[i - 1] == "", (lang, lines[i - 1], line)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Montagebeugel: anodising. We ask a subcontractor for a price and quote it "
           "separately."),
    ("nl", "Montagebeugel: anodiseren. Daarvoor vragen wij een prijs bij een toeleverancier; "
           "die offreren wij apart.")])
def test_the_offer_says_what_its_price_leaves_out(lang, sentence):
    """No partner of ours anodises: the quote notes it, but the offer said 'we can make it
    as described below' at the price without anodising, and its Markdown did not name
    the anodising at all. Every format now names the treatment with the part and says
    it is not in the price."""
    for fmt in ("md", "html", "text", "csv"):
        text = offer("--format", fmt, "--lang", lang).replace("&#39;", "'")
        assert sentence in text, fmt
        assert ("anodising" if lang == "en" else "anodiseren") in text.split(sentence)[0], fmt
    data = json.loads(offer("--format", "json", "--lang", lang))
    assert data["not_included"] == [sentence]
    code, out, _ = run_cli("check", REQUESTS / "bracket-series.yaml", "--equipment", EQUIPMENT,
                           "--format", "json")
    assert json.loads(out)["quote"]["not_priced"] == [
        {"part": "BR-100", "what": "treatment", "item": "anodising", "why": "partner"}]
    # a material nobody named and a run time nothing estimates: said as well, with what
    # we need before we can add them (both wait for the material here)
    incomplete = offer("--format", "md", "--lang", lang, request="enquiry-incomplete.yaml")
    assert ("the material. We add it once we know which material you need." if lang == "en"
            else "het materiaal. Dat rekenen wij erbij zodra wij weten welk materiaal u wilt."
            ) in incomplete
    assert ("the machining time for 3-axis milling. We add it once we know which material "
            "you need." if lang == "en" else "de bewerkingstijd voor 3-assig frezen. Dat "
            "rekenen wij erbij zodra wij weten welk materiaal u wilt.") in incomplete


@pytest.mark.parametrize("lang, question", [
    ("en", "BR-100: anodising is for aluminium, not for stainless steel 304 (1.4301). Which "
           "treatment do you mean, or is it another material?"),
    ("nl", "BR-100: anodiseren is voor aluminium, niet voor RVS 304 (1.4301). Welke "
           "nabehandeling bedoelt u, of gaat het om een ander materiaal?")])
def test_the_offer_asks_which_treatment_is_meant(tmp_path, lang, question):
    """Stainless brackets to be anodised: the report asked (FIT-TREATMENT), but the offer
    promised to ask a subcontractor for a price of the anodising and asked the customer
    nothing. It now asks first, and says nothing of a subcontractor's price for it."""
    request = tmp_path / "stainless.yaml"
    request.write_text((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8")
                       .replace("material: aluminium_6082", "material: stainless_304"),
                       encoding="utf-8")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--format", "json", "--lang", lang)
    assert code == 0, err
    data = json.loads(out)
    assert data["questions"][0]["text"] == question
    assert not any("anodis" in text for text in data["not_included"])
    code, out, _ = run_cli("check", request, "--equipment", EQUIPMENT, "--format", "json")
    assert {"part": "BR-100", "what": "treatment", "item": "anodising", "why": "family"} in \
        json.loads(out)["quote"]["not_priced"]


def test_the_offer_says_what_how_and_for_how_much():
    data = json.loads(offer("--format", "json"))
    part = data["parts"][0]
    assert (part["name"], part["pieces"], part["processes"]) == \
        ("Montagebeugel", 200, ["3-axis milling"])
    # the material as the drawing writes it, its temper after it (written_after): the
    # offer read "aluminium EN AW-6082" for the T651 its price and MAT-012 rest on
    assert part["material"] == "aluminium EN AW-6082 T651"
    assert "3-assig frezen · aluminium EN AW-6082 T651 · 140 × 60 × 25 mm" in offer(
        "--lang", "nl")
    assert part["per_piece_eur"] == pytest.approx(part["total_eur"] / 200, abs=0.01)
    code, out, _ = run_cli("check", REQUESTS / "bracket-series.yaml", "--equipment", EQUIPMENT,
                           "--format", "json")
    report = json.loads(out)
    # the parts add up to the quote the shop would make (its high estimate), but for the
    # price per piece rounded to the cent: 200 x EUR 30.05, not EUR 6,010.61
    assert data["total_eur"] == pytest.approx(report["quote"]["totals"]["amount_high_eur"],
                                              abs=0.005 * 200)
    # the one-off costs (CAM, the fixture, the first article report, our engineering)
    # apart: the price per piece holds none of them, the total both
    assert [row["text"] for row in data["one_off"]] == [
        "Programming and work preparation", "Fixtures and soft jaws",
        "First article inspection and report", "Engineering and order preparation",
        # what open answers can add to one-off rules, a line of its own
        "Allowance for open questions (settled on your answers)"]
    assert data["total_eur"] == round(200 * part["per_piece_eur"] +
                                      data["one_off_total_eur"], 2)
    assert data["one_off_total_eur"] == round(sum(r["total_eur"] for r in data["one_off"]), 2)
    assert data["reference"] == "REQ-2026-102" and data["valid_until"] == "2026-12-23"
    assert data["indicative"] == bool(report["open_questions"])  # firm once all is answered
    # design advice only from rules that give a customer wording
    assert any("corner radius" in a for a in data["advice"])
    assert not any("Ask which dimensions" in a for a in data["advice"])


def test_an_incomplete_enquiry_gets_an_indicative_price_and_the_top_questions():
    data = json.loads(offer("--format", "json", request="enquiry-incomplete.yaml"))
    assert data["indicative"] and len(data["questions"]) == 3 and data["more_questions"] > 0
    assert data["questions"][0]["text"] == "Material (part GR-2)"


def test_a_part_we_cannot_make_has_no_price():
    data = json.loads(offer("--format", "json", request="shaft-oversize.yaml"))
    assert data["verdict"] == "no_fit"
    assert any(p["blocked"] and p["total_eur"] is None for p in data["parts"])
    html = offer("--format", "html", request="shaft-oversize.yaml")
    assert "We cannot make this part as requested" in html


@pytest.mark.parametrize("lang, refusal", [("en", "We cannot make this part"),
                                           ("nl", "kunnen wij zoals gevraagd niet maken")])
def test_a_part_with_outside_work_is_made_and_priced(lang, refusal):
    """The precision shop's shaft is turned here and ground at a partner: the internal
    report says FIT WITH EFFORT at EUR 2,163 - 2,904; the offer read "we cannot make this
    part" with no price (an operation at a partner has no machine of ours), beside a
    delivery date.  Now its line has the report's high estimate."""
    shop = EXAMPLES / "precision-shop"
    request = shop / "requests" / "ground-shaft-partner.yaml"
    code, out, err = run_cli("check", request, "--equipment", shop / "equipment.yaml",
                             "--rules", shop / "rules", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert any(a.get("partner") and a["machine"] is None for a in report["assignments"])
    code, out, err = run_cli("check", request, "--equipment", shop / "equipment.yaml",
                             "--rules", shop / "rules", "--audience", "customer",
                             "--format", "json", "--lang", lang)
    data = json.loads(out)
    part = data["parts"][0]
    assert not part["blocked"] and part["cannot_make"] is None
    # (with the one-off costs, apart from the part's line: the whole is the report's)
    assert part["total_eur"] + data["one_off_total_eur"] == pytest.approx(
        report["quote"]["totals"]["amount_high_eur"], abs=part["pieces"] * 0.005)
    assert data["total_eur"] == round(part["total_eur"] + data["one_off_total_eur"], 2)
    code, out, err = run_cli("check", request, "--equipment", shop / "equipment.yaml",
                             "--rules", shop / "rules", "--audience", "customer",
                             "--lang", lang)
    assert refusal not in out


def test_the_shop_from_the_config_with_its_logo(tmp_path, monkeypatch):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" '
                                       'height="10"><rect width="10" height="10"/></svg>',
                                       encoding="utf-8")
    (tmp_path / "producibility.yaml").write_text(
        f"equipment: {EQUIPMENT}\nlang: nl\nprovider:\n  name: Draaierij De Vries\n"
        "  address: \"Kanaaldijk 4\\n5701 AB Helmond\"\n  contact: Anna de Vries\n"
        "  email: offerte@devries.example\n  logo: logo.svg\n  offer_validity_days: 14\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", REQUESTS / "bracket-series.yaml", "--audience",
                             "customer", "--format", "html")
    assert (code, err) == (0, "")
    assert "Draaierij De Vries" in out and "Kanaaldijk 4<br>5701 AB Helmond" in out
    assert 'src="data:image/svg+xml;base64,' in out and "Anna de Vries" in out
    assert "07-12-2026" in out  # 14 days from 23-11-2026, written the Dutch way
    assert "Fijnmechanica" not in out
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    (tmp_path / "producibility.yaml").write_text(
        f"equipment: {EQUIPMENT}\nprovider:\n  logo: logo.gif\n", encoding="utf-8")
    code, _, err = run_cli("check", REQUESTS / "bracket-series.yaml", "--audience", "customer")
    assert code == 1 and "logo.gif: the logo must be an .svg, .png or .jpg file" in err


def test_a_rule_keeps_its_finding_internal_or_words_it_for_the_customer(tmp_path):
    pack = tmp_path / "own.yaml"
    pack.write_text("""pack: {id: own, version: 1.0.0}
rules:
  - id: OWN-001
    thread: design
    title: {en: Bracket note, nl: Beugelnotitie}
    scope: part
    when: part.id == 'BR-100'
    then: {risk: {likelihood: 2, consequence: 2}}
    message: {en: "internal: {{ part.id }} margin thin", nl: "intern: {{ part.id }}"}
    mitigation: {en: Watch it., nl: Let op.}
    customer: {en: "{{ part.id }}: please confirm the bore.", nl: "{{ part.id }}: bevestig de boring."}
  - id: OWN-002
    thread: design
    title: {en: Secret, nl: Geheim}
    scope: part
    when: part.id == 'BR-100'
    then: {risk: {likelihood: 2, consequence: 2}}
    message: {en: "secret note", nl: "geheim"}
    mitigation: {en: Nothing., nl: Niets.}
    customer: false
""", encoding="utf-8")
    code, out, err = run_cli("check", REQUESTS / "bracket-series.yaml", "--equipment", EQUIPMENT,
                             "--rules", pack, "--audience", "customer", "--format", "md")
    assert (code, err) == (0, ""), err
    assert "BR-100: please confirm the bore." in out
    assert "internal:" not in out and "secret" not in out


def test_the_offer_of_a_one_part_request_names_its_parts_in_both_languages():
    assert "3-assig frezen" in offer("--format", "md", "--lang", "nl")
    assert "3-axis milling" in offer("--format", "md", "--lang", "en")


def test_the_offer_as_csv_adds_up():
    import csv
    import io
    rows = list(csv.reader(io.StringIO(offer("--format", "csv", request="frame-en1090.yaml"))))
    assert rows[0] == ["part", "description", "pieces", "price_per_piece_eur", "total_eur"]
    at = next(i for i, r in enumerate(rows) if r[0] == "total")
    body, total, after = rows[1:at], rows[at], rows[at + 1:]
    assert [r[0] for r in body] == ["FR-01", "FR-02"] + ["one_off"] * 4
    # the one-off costs their own rows (what for, the amount), not in a price per piece
    assert [r[1] for r in body[2:]] == [
        "Programming and work preparation", "First article inspection and report",
        "Engineering and order preparation",
        "Allowance for open questions (settled on your answers)"]
    assert all(r[2] == r[3] == "" for r in body[2:])
    assert sum(float(r[4]) for r in body) == pytest.approx(float(total[4]), abs=0.02)
    assert all(r[0] == "not_included" and r[1] for r in after)  # what the prices leave out


def test_lint_reads_the_customer_wording_like_a_message(tmp_path):
    pack = tmp_path / "own.yaml"
    pack.write_text("""pack: {id: own, version: 1.0.0}
rules:
  - id: OWN-009
    thread: design
    title: {en: X, nl: X}
    scope: part
    when: part.id == 'A'
    then: {risk: {likelihood: 2, consequence: 2}}
    message: {en: "x", nl: "x"}
    mitigation: {en: x, nl: x}
    source: judgement
    customer: {en: "{{ part.colour }}"}
""", encoding="utf-8")
    code, out, _ = run_cli("rules", "lint", pack)
    assert code == 1
    assert f"{pack}:12:15: E133 OWN-009: customer (en) uses part.colour, which no fact has" in out
    assert f"{pack}:12:15: W150 OWN-009: customer has no nl translation" in out


def test_a_report_renders_its_offer_with_the_requests_own_answers():
    """The Report carries the request as given: the library's render names the parts
    as check --audience customer does, without the caller loading the request again."""
    from producibility import Screener
    from producibility.report.render import render

    report = Screener(str(EQUIPMENT)).check(str(REQUESTS / "bracket-series.yaml"))
    library = json.loads(render(report, "json", audience="customer"))
    assert library["parts"][0]["name"] == "Montagebeugel"
    cli = json.loads(offer("--format", "json"))
    # the shop's address comes from the project (Settings.provider), which check passes
    assert {k: v for k, v in library.items() if k not in ("provider", "address")} == \
        {k: v for k, v in cli.items() if k not in ("provider", "address")}


def test_the_offer_gives_the_delivery_date_from_the_lead_time():
    """The lead-time chain's days and date reach the customer, and whether that is in
    time (the offer said only "material and outside work add about N days", so a
    customer never learnt that the date asked for was missed)."""
    data = json.loads(offer("--format", "json"))
    assert data["delivery"] == [
        "The first delivery can be ready 17 working days after your order: on 2026-12-16 if "
        "you order on 2026-11-23.", "That is in time for the date you asked for.",
        "Subject to the lead time of the subcontractor for anodising.",
        "We deliver in 2 deliveries: see the schedule."]
    late = json.loads(offer("--format", "json", request="impeller-rush.yaml"))
    # the overtime extra with the contingency the offer's price carries (15 % on every
    # line, 25 % more on the estimated run), not the bare surcharge of the internal low
    # estimate (it was 60 %: 5 % an open question, whatever the question could cost);
    # the surcharge is on the hours worked after hours: with 2 free hours a day on the
    # Hermle and 3 overtime hours, 3/5 of its attended set-up and run (EUR 603.60), on the
    # labour in the rate (rules/pack.yaml: lead_time.expedite.labour_share 0.4)
    assert late["delivery"][1:] == [
        # sharp corners or deep holes (open questions) bring EDM or gun drilling bought in
        "Depending on your answers to our questions, it can take up to 31 working days: "
        "delivery on 2027-01-13.",
        "That is later than the date you asked for.",
                                    "With overtime we can deliver on 2026-12-07, for €\u00a094 "
                                    "extra; that too is later than the date you asked for."]
    from producibility import Screener

    report = Screener(str(EQUIPMENT)).check(str(REQUESTS / "impeller-rush.yaml"))
    fast = report.to_dict()["lead_time"]["expedited"]
    share = report.to_dict()["quote"]["totals"]["contingency_share"]
    assert fast["extra_eur"] == pytest.approx(603.60 * 3 / 5 * 0.4 * 0.5, abs=0.01) and \
        share == 0.15
    assert fast["extra_eur"] * (1 + share) < fast["extra_high_eur"]  # + the estimated run
    assert round(fast["extra_high_eur"]) == 94
    dutch = offer("--format", "md", "--lang", "nl", request="impeller-rush.yaml").replace(
        "\u00a0", " ")
    assert "U vroeg om levering uiterlijk 03-12-2026. Wij leveren 11 werkdagen na uw opdracht: " \
        "op 08-12-2026 bij opdracht op 23-11-2026. Afhankelijk van uw antwoorden op onze " \
        "vragen kan dat oplopen tot 31 werkdagen: levering op 13-01-2027. " \
        "Dat is later dan de datum die u vroeg. " \
        "Met overwerk kunnen wij op 07-12-2026 leveren, voor € 94 extra; ook dat is later " \
        "dan de datum die u vroeg." in dutch
    html = offer("--format", "html", "--lang", "nl", request="impeller-rush.yaml")
    assert 'Met overwerk kunnen wij op <span class="nowrap">07-12-2026</span> leveren' in html
    # nothing of the shaft can be made here: no date is promised
    assert json.loads(offer("--format", "json", request="shaft-oversize.yaml"))[
        "delivery"] == []


@pytest.mark.parametrize("lang, refused, pieces", [
    ("en", "That is too far beyond the date you asked for: we cannot take the order on "
           "these terms.", "100,000 pcs"),
    ("nl", "Dat is te ver na de datum die u vroeg: zo kunnen wij de opdracht niet aannemen.",
     "100.000 st.")])
def test_an_order_far_too_late_for_its_date_is_declined(tmp_path, lang, refused, pieces):
    """100,000 brackets: NO FIT (LEAD-TIME a blocker, years beyond a date that may move),
    but the offer priced the order and promised a date years out without a word of
    refusal; '20000 st.' had no thousands separator."""
    request = tmp_path / "many.yaml"
    request.write_text((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8")
                       .replace("quantity: 200", "quantity: 100000"), encoding="utf-8")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--format", "md", "--lang", lang)
    assert code == 0, err
    assert refused in out.replace("\u00a0", " ") and f"| {pieces} |" in out


@pytest.mark.parametrize("lang, intro, missed, ask, refused, cannot", [
    ("en", "We can make it as described below, but not by the date you asked for",
     "So we cannot make your date of 2026-12-10.", "Would either date work for you?",
     "too far beyond", "cannot make everything"),
    ("nl", "Wij kunnen het maken zoals hieronder beschreven, maar niet op de datum die u vroeg",
     "Uw datum van 10-12-2026 kunnen wij daarmee niet halen.",
     "Is een van beide data voor u haalbaar?", "te ver na", "niet alles maken")])
def test_a_fixed_date_we_miss_offers_ours(tmp_path, lang, intro, missed, ask, refused, cannot):
    """A fixed date missed by a few working days (even with overtime; in one delivery): NO FIT for the date
    alone, every part can be made. The offer read 'That is too far beyond the date you
    asked for: we cannot take the order' and 'we cannot make everything as requested';
    now it says it cannot make that date, gives ours and asks whether it will do."""
    import yaml
    request = yaml.safe_load((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8"))
    request.update(wanted_date="2026-12-10", date_flexible=False, batches=1)
    path = tmp_path / "fixed.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience", "customer",
                             "--format", "json", "--lang", lang)
    assert code == 0, err
    data = json.loads(out)
    assert data["verdict"] == "no_fit" and intro in data["intro"]
    said = [s.replace("\u00a0", " ") for s in data["delivery"]]
    assert said[1] == missed and said[-1] == ask
    assert not any(refused in s for s in said) and cannot not in data["intro"]
    # without overtime to offer, our own date is the one asked about
    from producibility.report.offer import delivery
    import datetime
    lead = dict(json.loads(run_cli("check", path, "--equipment", EQUIPMENT, "--format",
                                   "json")[1])["lead_time"], expedited=None)
    assert delivery(lead, datetime.date(2026, 11, 23), "en", refused="fixed")[-1] == \
        "Would delivery on 2026-12-23 work for you?"  # one delivery: one set-up


@pytest.mark.parametrize("lang, in_time, per_set", [
    ("en", "That is in time for the date you asked for, for the parts we can make.",
     "per set (the parts of one product, without AS-300)"),
    ("nl", "Daarmee halen wij de datum die u vroeg, voor de onderdelen die wij kunnen maken.",
     "per set (de onderdelen van één product, zonder AS-300)")])
def test_a_product_we_make_only_in_part_says_so(tmp_path, lang, in_time, per_set):
    """A bracket we can make and a shaft we cannot: the report's price per set and the
    offer's 'in time for your date' read as if the whole product were made."""
    import yaml
    bracket = yaml.safe_load((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8"))
    shaft = yaml.safe_load((REQUESTS / "shaft-oversize.yaml").read_text(encoding="utf-8"))
    bracket["parts"] += shaft["parts"]
    request = tmp_path / "half.yaml"
    request.write_text(yaml.safe_dump(bracket, allow_unicode=True), encoding="utf-8")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--format", "json", "--lang", lang)
    assert code == 0, err
    assert in_time in json.loads(out)["delivery"]
    code, out, _ = run_cli("check", request, "--equipment", EQUIPMENT, "--lang", lang)
    assert out.replace("\u00a0", " ").count(per_set) == 1


def test_nothing_made_has_no_price_in_compare_and_batch(tmp_path):
    """The shaft none of whose parts can be made: compare read 'cost low: EUR 0 ->
    EUR 4,848' and the batch's CSV summary 0,00, where the report says 'not priced'."""
    code, out, _ = run_cli("compare", REQUESTS / "shaft-oversize.yaml",
                           REQUESTS / "bracket-series.yaml", "--equipment", EQUIPMENT)
    assert code == 0 and "cost low: – -> € 4,933" in out.replace("\u00a0", " ")
    code, out, _ = run_cli("batch", REQUESTS / "shaft-oversize.yaml", "--equipment", EQUIPMENT,
                           "--format", "csv", "--csv-style", "plain")
    import csv
    import io
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["verdict"] == "no_fit" and row["cost_low_eur"] == row["cost_high_eur"] == ""
    assert row["total_h"] == ""  # no hours of ours: not priced, not 0.00


@pytest.mark.parametrize("lang, intro, closing, delivery", [
    ("en", "Unfortunately we cannot make it with our equipment",
     "We are sorry we cannot help you with this one", "Delivery"),
    ("nl", "Helaas kunnen wij dit met onze machines niet maken",
     "Het spijt ons dat wij u hier niet mee kunnen helpen", "Levering")])
def test_nothing_we_can_make_is_a_polite_no_without_questions(lang, intro, closing, delivery):
    """The shaft no machine of ours can turn: the offer asked 3 questions 'and 13 more',
    listed 14 assumptions to confirm, gave the date asked for under 'Delivery' and ended
    'we look forward to your answers and your order'. No answer makes the part, so it
    asks nothing and says no; the rules' findings stay in the shop's report."""
    md = offer("--format", "md", "--lang", lang, request="shaft-oversize.yaml")
    assert intro in md and closing in md
    assert f"## {delivery}" not in md
    data = json.loads(offer("--format", "json", "--lang", lang, request="shaft-oversize.yaml"))
    assert data["questions"] == [] and data["assumptions"] == [] and data["delivery"] == []
    assert not data["vat_note"]
    assert data["advice"] == []  # no "keep the rest at ISO 2768-m to keep the price low"
    html = offer("--format", "html", "--lang", lang, request="shaft-oversize.yaml")
    assert intro in html and closing in html and f"<h2>{delivery}</h2>" not in html
    code, out, _ = run_cli("check", REQUESTS / "shaft-oversize.yaml", "--equipment",
                           EQUIPMENT, "--format", "json")
    report = json.loads(out)
    assert report["verdict"] == "no_fit"
    assert report["open_questions"] == [] and report["assumed"] == []
    assert {"FIT-NO-MACHINE", "PRC-002", "QUA-012"} <= {f["rule"] for f in report["findings"]}


def test_a_part_we_cannot_make_asks_nothing_the_others_still_do(tmp_path):
    """A bracket we can make and a shaft we cannot: the shaft's questions (its holes,
    its threads) and assumptions (its visible faces) are not asked, the bracket's and
    the request's are."""
    import yaml
    bracket = yaml.safe_load((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8"))
    shaft = yaml.safe_load((REQUESTS / "shaft-oversize.yaml").read_text(encoding="utf-8"))
    bracket["parts"] += shaft["parts"]
    request = tmp_path / "half.yaml"
    request.write_text(yaml.safe_dump(bracket, allow_unicode=True), encoding="utf-8")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["lead_time"]["not_made"] == ["AS-300"]
    asked = {q["part"] for q in report["open_questions"]}
    assert "BR-100" in asked and "AS-300" not in asked
    # the shaft's visible faces and treatment were assumed; the bracket answers its own
    assert not any("AS-300" in a["parts"] for a in report["assumed"])
    assert any(a["scope"] == "request" for a in report["assumed"])
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--format", "json",
                             "--audience", "customer")
    data = json.loads(out)
    assert data["delivery"] and "AS-300" not in " ".join(data["assumptions"])


def test_what_makes_the_verdict_conditional_is_asked(tmp_path):
    """A rule's question decides a conditional verdict, but the offer asked only the
    open questions: 5,000 leaded-brass fittings for drinking water went out as an
    'indicative price, firm once the questions below are answered' with no question
    below. Now a question finding is asked: in the rule's customer words (MAT-005),
    else by its title; a rule that keeps it internal (customer: false) is not."""
    data = json.loads(offer("--format", "json", "--lang", "nl",
                            request="valve-body-food.yaml"))
    assert data["verdict"] == "conditional"
    assert data["questions"][0]["text"].startswith(
        "VB-35: automatenmessing CW614N bevat 2,5-3,5% lood en mag niet in contact komen")
    assert data["questions"][0]["text"].endswith("of van RVS 316?")
    pack = tmp_path / "own.yaml"
    pack.write_text("""pack: {id: own, version: 1.0.0}
rules:
  - id: OWN-001
    thread: design
    title: {en: Bore depth to agree, nl: Boordiepte afstemmen}
    scope: part
    when: part.id == 'BR-100'
    then: {question: true}
    message: {en: "{{ part.id }}: our drills reach 60 mm", nl: "{{ part.id }}: onze boren halen 60 mm"}
    mitigation: {en: Ask., nl: Vraag het.}
  - id: OWN-002
    thread: design
    title: {en: Margin question, nl: Margevraag}
    scope: request
    when: "true"
    then: {question: true}
    message: {en: "is our margin enough", nl: "is onze marge genoeg"}
    mitigation: {en: Think., nl: Denk na.}
    customer: false
""", encoding="utf-8")
    for lang, asked in (("en", "To settle with you first: Bore depth to agree (part BR-100)."),
                        ("nl", "Dit willen wij eerst met u afstemmen: Boordiepte afstemmen "
                               "(onderdeel BR-100).")):
        code, out, err = run_cli("check", REQUESTS / "bracket-series.yaml", "--equipment",
                                 EQUIPMENT, "--rules", pack, "--audience", "customer",
                                 "--format", "json", "--lang", lang)
        assert (code, err) == (0, ""), err
        texts = [q["text"] for q in json.loads(out)["questions"]]
        assert texts[0] == asked
        assert not any("marge" in t or "margin" in t for t in texts)
        assert "60 mm" not in out


def test_the_price_per_piece_is_one_figure_in_the_report_the_offer_and_the_batch():
    """The report divided the cost rounded to whole euros (EUR 2,744 / 3 = 914.67 per
    piece) where the offer read 914.78, and the batch CSV 26315,00 for 26314.61. Every
    one-part example: the report's high price per piece is the offer's, and the batch's
    cost is the quote's total to the cent."""
    import csv
    import io
    compared = 0
    for path in sorted(REQUESTS.glob("*.yaml")):
        code, out, _ = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json")
        report = json.loads(out)
        if report["request"]["parts"] != 1 or not report["request"]["quantity"] or \
                report["lead_time"]["not_made"]:
            continue
        text = run_cli("check", path, "--equipment", EQUIPMENT)[1].replace("\u00a0", " ")
        found = re.search(r"- € ([\d,.]+) per piece", text)
        if not found:
            continue
        data = json.loads(offer("--format", "json", request=path.name))
        [part] = data["parts"]
        if part["per_piece_eur"] is None:
            continue
        assert float(found.group(1).replace(",", "")) == part["per_piece_eur"], path.name
        code, out, _ = run_cli("batch", path, "--equipment", EQUIPMENT, "--format", "csv",
                               "--csv-style", "plain")
        row = next(csv.DictReader(io.StringIO(out)))
        assert float(row["cost_high_eur"]) == report["quote"]["totals"]["amount_high_eur"]
        compared += 1
    assert compared >= 3


@pytest.mark.parametrize("lang, asked", [
    ("en", "a product, with the one-off costs spread over the products, is above your "
           "target of € 20.00 a product."),
    ("nl", "per product, met de eenmalige kosten over de producten verdeeld, ligt boven uw "
           "doelprijs van € 20,00 per product.")])
def test_a_price_above_the_target_is_asked_about(tmp_path, lang, asked):
    """5,000 fittings at EUR 5.26 - 6.96 against a target of EUR 2.60 read as an ordinary
    offer: the whole price was never held against the target (CST-003 reads machine time
    alone). The brackets at EUR 24.14 - 30.05 against EUR 20: the offer asks, naming the
    price the target is weighed against (COST-TARGET's: the one-off costs spread over
    the products; the offer's price per piece holds none of them, and it said "our
    price of EUR 23.87" for a price that is above the target only with them)."""
    import yaml
    request = yaml.safe_load((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8"))
    request["target_unit_price_eur"] = 20
    path = tmp_path / "cheap.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience", "customer",
                             "--format", "json", "--lang", lang)
    assert code == 0, err
    texts = [q["text"].replace("\u00a0", " ") for q in json.loads(out)["questions"]]
    # with our price next to it (the offer's price a product, one piece here, with the
    # one-off costs over the 200 products)
    data = json.loads(out)
    price = round(data["parts"][0]["per_piece_eur"] + data["one_off_total_eur"] / 200, 2)
    assert any(t.startswith(("Our price of ", "Onze prijs van ")) and asked in t and
               f"{price:.2f}".replace(".", "," if lang == "nl" else ".") in t
               for t in texts), texts


@pytest.mark.parametrize("lang, late, reason", [
    ("en", "With overtime we can deliver on 2026-12-14, for € 364 extra; that too is later "
           "than the date you asked for.", "  - risk: The lead time misses the wanted date"),
    ("nl", "Met overwerk kunnen wij op 14-12-2026 leveren, voor € 364 extra; ook dat is later "
           "dan de datum die u vroeg.", "  - risico: De levertijd haalt de gewenste datum niet")])
def test_a_date_missed_even_with_overtime_says_so(tmp_path, lang, late, reason):
    """The offer read 'with overtime we can deliver on 23-08' for a date of 20-08, as if
    overtime made it; the report's verdict read 'extra effort: the lead time misses the
    wanted date', a risk (no work of its own) worded as work."""
    import yaml
    request = yaml.safe_load((REQUESTS / "bracket-series.yaml").read_text(encoding="utf-8"))
    request.update(wanted_date="2026-12-10", date_flexible=True, batches=1)  # one delivery
    path = tmp_path / "soon.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience", "customer",
                             "--format", "json", "--lang", lang)
    assert code == 0, err
    assert late in [s.replace("\u00a0", " ") for s in json.loads(out)["delivery"]]
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--lang", lang)
    assert reason in out.splitlines()
    # the report's lead time says it too
    assert ("still after the wanted date)" if lang == "en" else
            "nog steeds na de gewenste datum)") in out


def test_quantity_breaks_reach_every_format_a_shop_sends_or_reads():
    """--quantities showed only in the JSON, Markdown and internal HTML: the text report,
    the CSV and the offer, where a customer needs the price breaks, left them out."""
    args = ("--quantities", "100,500")
    code, text, _ = run_cli("check", REQUESTS / "bracket-series.yaml", "--equipment",
                            EQUIPMENT, *args, "--lang", "nl")
    # each break with its own lead time (and its verdict where it is not the report's:
    # 100 brackets are above the customer's target price)
    assert "  Staffelprijzen, per stuk: 100: € 33,00 - € 40,31 (14 werkdagen tot de eerste " \
        "van 2 leveringen; VOORWAARDELIJK); 500: € 19,66 - € 23,95 (24 werkdagen tot de " \
        "eerste van 2 leveringen)" in text.replace("\u00a0", " ")
    code, out, _ = run_cli("check", REQUESTS / "bracket-series.yaml", "--equipment",
                           EQUIPMENT, *args, "--format", "csv")
    # the break row's amount is the offer's (21.47 x 500 plus the one-off costs, which
    # its price per piece holds none of), the low in its description
    assert "break,,,,,quantity 500: 19.66 - 23.95 per piece; amount: the offer's price per " \
        "piece 21.47 times 500 plus its one-off costs 1242.99 (low estimate 9832.34),," \
        "50.00,,,11977.99,,," in out
    data = json.loads(offer("--format", "json", *args))
    assert data["breaks"] == [
        {"quantity": 100, "per_piece_eur": 27.88, "total_eur": 4030.99, "days": 14,
         "delivery": "14 working days to the first delivery", "on_request": "",
         "one_off_eur": 1242.99},
        {"quantity": 500, "per_piece_eur": 21.47, "total_eur": 11977.99, "days": 24,
         "delivery": "24 working days to the first delivery", "on_request": "",
         "one_off_eur": 1242.99}]
    assert data["break_unit"] == "Price per piece"  # one bracket a product
    md = offer("--format", "md", "--lang", "nl", *args).replace("\u00a0", " ")
    assert "**Prijzen bij andere aantallen:**" in md  # per piece: one bracket
    assert "| 500 | € 21,47 | € 1.242,99 | € 11.977,99 | 24 werkdagen tot de eerste " \
        "levering |" in md
    html = offer("--format", "html", *args)
    assert "<h3>Prices at other quantities</h3>" in html
    # nothing made, nothing to offer at other quantities either (the report read
    # EUR 0.00 a piece); nor while a material or a run time is not priced (only the fixed
    # costs would spread: 100 pieces read a tenth of the price of 10)
    assert json.loads(offer("--format", "json", *args, request="shaft-oversize.yaml"))[
        "breaks"] == []
    code, text, _ = run_cli("check", REQUESTS / "shaft-oversize.yaml", "--equipment",
                            EQUIPMENT, *args)
    assert "Quantity breaks" not in text
    assert json.loads(offer("--format", "json", *args, request="enquiry-incomplete.yaml"))[
        "breaks"] == []


def test_nothing_is_asked_for_a_part_we_cannot_make(tmp_path):
    """A second valve body of Ø300 mm no lathe of ours turns: the offer still asked
    whether it could be CW724R (MAT-005, a question that fired for it), and a refused
    shaft with a treatment outside the catalogue was asked which treatment it needs. A
    part we cannot make is asked nothing; the part we make still is."""
    import yaml
    valve = yaml.safe_load((REQUESTS / "valve-body-food.yaml").read_text(encoding="utf-8"))
    valve["parts"].append(dict(valve["parts"][0], id="VB-300", diameter_mm=300,
                               length_mm=400))
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(valve), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--format", "json")
    assert code == 0, err
    texts = " ".join(q["text"] for q in json.loads(out)["questions"])
    assert "VB-35: CW614N" in texts and "VB-300" not in texts
    shaft = yaml.safe_load((REQUESTS / "shaft-oversize.yaml").read_text(encoding="utf-8"))
    shaft["parts"][0]["surface_treatment"] = ["verchromen-speciaal"]
    path = tmp_path / "chrome.yaml"
    path.write_text(yaml.safe_dump(shaft), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json")
    report = json.loads(out)
    assert report["open_questions"] == []
    # nor does the MRL ask what would earn a level for a request nothing of which we make
    assert all(not t["unanswered"] for t in report["mrl"]["threads"].values())
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--format", "json")
    assert json.loads(out)["questions"] == []


@pytest.mark.parametrize("request_name", sorted(p.name for p in REQUESTS.glob("*.yaml")))
def test_the_offer_multiplies_as_the_customer_does(request_name):
    """Price per piece x pieces is the line's total and the lines add up to the offer's
    total: the offer read EUR 290.95 x 8 = EUR 2,327.58 (the unrounded share of the high
    estimate), and an invoice multiplies. The internal report keeps its own figures; the
    offer is at most a cent a piece away from them."""
    from decimal import Decimal

    def cents(value):
        return Decimal(str(value)).quantize(Decimal("0.01"))

    data = json.loads(offer("--format", "json", request=request_name))
    priced = [p for p in data["parts"] if p["total_eur"] is not None]
    for part in priced:
        booked = part.get("machine_time")
        if booked:  # machine time the customer books: the price per hour x the hours
            assert cents(part["total_eur"]) == cents(
                cents(booked["per_hour_eur"]) * Decimal(str(booked["hours"]))), part
            continue
        assert cents(part["total_eur"]) == cents(part["per_piece_eur"]) * part["pieces"], part
    if priced:
        # the lines and the one-off costs, each its own row, add up to the total
        assert cents(data["total_eur"]) == sum(cents(p["total_eur"]) for p in priced) + \
            sum(cents(row["total_eur"]) for row in data["one_off"])
        code, out, _ = run_cli("check", REQUESTS / request_name, "--equipment", EQUIPMENT,
                               "--format", "json")
        high = json.loads(out)["quote"]["totals"]["amount_high_eur"]
        assert abs(data["total_eur"] - high) <= 0.005 * sum(p["pieces"] for p in priced) + \
            0.01 * (len(data["one_off"]) + 1)
    for b in data["breaks"]:
        assert cents(b["total_eur"]) == cents(b["per_piece_eur"]) * b["quantity"] + \
            cents(b["one_off_eur"] or 0), b


@pytest.mark.parametrize("lang, said", [
    ("en", "We cannot make this part as requested: the diameter of 300 mm is more than "
           "our largest machine takes (262 mm)."),
    ("nl", "Dit onderdeel kunnen wij zoals gevraagd niet maken: met een diameter van 300 mm "
           "gaat het boven wat onze grootste machine aankan (262 mm).")])
def test_the_offer_says_why_we_cannot_make_a_part(lang, said):
    """The offer said "we cannot make this part as requested" and not why; the customer
    could act on one sentence (split the plate, relax the tolerance). It now gives the
    fit's reason in the customer's words: no machine or rule ids."""
    for fmt in ("md", "html"):
        out = offer("--format", fmt, "--lang", lang, request="shaft-oversize.yaml")
        assert said in out, fmt
        assert "haas" not in out.lower() and not INTERNAL.search(out)
    data = json.loads(offer("--format", "json", "--lang", lang, request="shaft-oversize.yaml"))
    assert [p["cannot_make"] for p in data["parts"] if p["blocked"]] == [said]


@pytest.mark.parametrize("part, reason", [
    ({"tolerance_mm": 0.001}, "a tolerance ± 0.001 mm is tighter than our machines can "
                              "make (we reach ± 0.01 mm)"),
    # the fit the customer wrote, not the tolerance worked out of it (he read "a
    # tolerance ± 0.0105 mm ... we reach 0.02 mm" for his Ø20 h7)
    ({"processes": ["turning"], "size_mm": None, "diameter_mm": 20, "length_mm": 120,
      "material": "steel_c45", "tolerance_mm": None, "iso_fit": "h5", "fit_size_mm": 20},
     "the fit Ø20 h5 asks ± 0.0045 mm, tighter than our machines can make (we reach "
     "± 0.01 mm)"),
    ({"processes": ["wire_edm"]}, "we have no machine for wire EDM")])
def test_a_reason_for_each_kind_of_no(screener, part, reason):
    from conftest import base_request
    report = screener.check(base_request(part=part), probe=False).to_dict()
    assert [a.get("customer_reason") for a in report["assignments"]] == [reason]


def test_a_date_we_miss_asks_whether_it_may_move_first(screener):
    """A late order whose date's flexibility is not known is CONDITIONAL on that one
    answer (LEAD-TIME asks it), yet date_flexible was no open question: the offer asked
    the customer's repeat orders and the part's radii, and not whether the date may
    move; and one open question fewer made the late order's contingency, so its price,
    lower than the same order in time. It is now an open question the verdict waits
    for, asked first."""
    import json
    from conftest import base_request
    from producibility.report.render import render
    late = screener.check(base_request(quantity=300, wanted_date="2026-11-26",
                                       part={"cycle_time_min": 10}), lang="nl")
    data = late.to_dict()
    assert data["verdict"] == "conditional"
    [asked] = [q for q in data["open_questions"] if q["field"] == "date_flexible"]
    assert asked["rules"] == ["LEAD-TIME"] and asked["decisive"]
    offer = json.loads(render(late, "json", "nl", audience="customer"))
    assert offer["questions"][0]["text"] == "Kan de leverdatum een week schuiven?"
    in_time = screener.check(base_request(quantity=300, wanted_date="2027-01-15",
                                          part={"cycle_time_min": 10})).to_dict()
    assert not any(q["field"] == "date_flexible" for q in in_time["open_questions"])


def test_an_offer_question_carries_what_a_portal_posts_its_answer_back_as(tmp_path):
    """A portal showed the offer's questions and had to join them to the report's open
    questions on the translated text: each now says its scope, field and part, and the
    ids of its choices (the labels stay in the customer's words)."""
    out = tmp_path / "offer.json"
    code, _, _ = run_cli("check", EXAMPLES / "requests" / "enquiry-incomplete.yaml",
                         "--equipment", EQUIPMENT, "--audience", "customer",
                         "--format", "json", "--lang", "nl", "-o", out)
    questions = json.loads(out.read_text(encoding="utf-8"))["questions"]
    material = next(q for q in questions if q["field"] == "material")
    assert (material["scope"], material["part"]) == ("part", "GR-2")
    assert "aluminium_6082" in material["choice_ids"]
    assert all({"scope", "field", "part", "choice_ids"} <= set(q) for q in questions)


def test_assumptions_that_cannot_stop_the_order_share_one_line(screener):
    """Seventeen assumption bullets ("geen cleanroom", "geen exportcontrole") made a
    one-part offer two pages. Those whose other answer could stop the order or hold it
    up (a NO FIT or CONDITIONAL among their what-ifs) stand alone; the rest, at most
    extra work, are one line: "verder zoals gebruikelijk: ..."."""
    from producibility.report.render import render
    report = screener.check(str(EXAMPLES / "requests" / "bracket-ordinary-enquiry.yaml"),
                            lang="nl")
    offer = json.loads(render(report, "json", "nl", audience="customer"))
    *alone, usual = offer["assumptions"]
    assert usual.startswith("verder zoals gebruikelijk: ") and "geen cleanroom" not in usual
    assert "geen cleanroom" in alone and "één levering" in usual
    blocking = [a for a in report.to_dict()["assumed"]
                if any(w["verdict"] in ("no_fit", "conditional") for w in a["what_if"])]
    assert len(alone) == len(blocking) < 8


@pytest.mark.parametrize("lang, said", [
    ("nl", "wij zijn niet ISO 13485-gecertificeerd"),
    ("en", "we are not ISO 13485 certified")])
def test_an_offer_for_a_requirement_we_cannot_meet_declines_and_says_why(lang, said):
    """The offer for an ISO 13485 handle at an ISO 9001 shop (NO FIT, QUA-004) gave
    EUR 23.82 a piece and "in time for the date you asked for", and named no certificate:
    a written commitment the shop could not keep.  It now declines, names the
    requirement in the rule's customer words, and gives no price and no date."""
    from conftest import ROOT, run_cli
    request = ROOT / "examples" / "requests" / "medical-handle-iso13485.yaml"
    for fmt in ("text", "md", "html", "json"):
        code, out, err = run_cli("check", request, "--equipment",
                                 ROOT / "examples" / "equipment.yaml", "--audience",
                                 "customer", "--lang", lang, "--format", fmt)
        assert code == 0, err
        assert said in out, fmt
        assert "23,82" not in out and "23.82" not in out, fmt
    offer = json.loads(out)
    assert offer["refusals"] and offer["total_eur"] is None and offer["delivery"] == []
    assert all(p["per_piece_eur"] is None for p in offer["parts"])
    assert offer["questions"] == [] and not offer["vat_note"]


def test_a_shops_own_blocker_is_said_by_its_title(tmp_path):
    from conftest import ROOT, base_request
    from producibility import Screener, load_equipment, load_packs
    from producibility.report.render import render
    own = tmp_path / "own.yaml"
    own.write_text(
        "rules:\n"
        "  - {id: OWN-B1, thread: quality, title: {en: No work for defence, nl: Geen werk"
        " voor defensie}, scope: request, when: \"request.export_controlled\","
        " then: {blocker: true}, message: {en: m, nl: m}, mitigation: {en: m, nl: m},"
        " source: judgement}\n", encoding="utf-8")
    screener = Screener(load_equipment(str(ROOT / "examples" / "equipment.yaml")),
                        load_packs([own]))
    report = screener.check(base_request(export_controlled=True), lang="nl")
    assert report.verdict == "no_fit"
    offer = render(report, "text", "nl", None, audience="customer")
    assert "  - Geen werk voor defensie" in offer and "Prijs per stuk" not in offer


def test_a_rules_customer_words_read_the_derived_facts_its_message_does(tmp_path):
    """'a 2 mm wall over ? mm warps' reached a customer: the offer rendered a rule's
    customer words without the derived facts (part.max_dimension_mm, part.pieces) its
    message had."""
    from conftest import ROOT, base_request
    from producibility import Screener, load_equipment, load_packs
    from producibility.report.render import render
    own = tmp_path / "own.yaml"
    own.write_text(
        "rules:\n"
        "  - id: PO-001\n    thread: process_capability\n"
        "    title: {en: Long thin part warps, nl: Lang dun onderdeel trekt krom}\n"
        "    scope: part\n    when: \"part.max_dimension_mm > 100 and part.min_wall_mm < 3\"\n"
        "    then: {risk: {likelihood: 3, consequence: 3}}\n"
        "    message: {en: m, nl: m}\n"
        "    customer:\n"
        "      en: \"{{ part.id }}: a {{ part.min_wall_mm }} mm wall over "
        "{{ part.max_dimension_mm }} mm warps ({{ part.pieces }} pieces).\"\n"
        "      nl: \"{{ part.id }}: een wand van {{ part.min_wall_mm }} mm over "
        "{{ part.max_dimension_mm }} mm trekt krom ({{ part.pieces }} stuks).\"\n"
        "    mitigation: {en: m, nl: m}\n    source: judgement\n", encoding="utf-8")
    screener = Screener(load_equipment(str(ROOT / "examples" / "equipment.yaml")),
                        load_packs([own]))
    report = screener.check(base_request(part={"min_wall_mm": 2}), lang="en")
    offer = render(report, "text", "en", None, audience="customer")
    assert "P1: a 2 mm wall over 120 mm warps (10 pieces)." in offer
    assert "?" not in offer.split("warps")[0].split("P1: a")[-1]


@pytest.mark.parametrize("lang, said", [
    ("nl", "dan tellen de werkdagen vanaf de dag dat het binnen is"),
    ("en", "the working days count from the day it arrives")])
def test_an_offer_with_the_customers_material_counts_from_its_arrival(screener, lang, said):
    """An offer promised a date 4 working days after the order for titanium the customer
    had still to send: the days count from the material's arrival."""
    from conftest import base_request
    from producibility.report.render import render
    supplied = screener.check(base_request(material_supplied_by_customer=True), lang=lang)
    assert said in render(supplied, "text", lang, None, audience="customer")
    ours = screener.check(base_request(), lang=lang)
    assert said not in render(ours, "text", lang, None, audience="customer")


def test_a_sentence_begins_with_een_not_een_with_two_accents():
    from producibility.report.render.templates import upper_first
    assert upper_first("één levering") == "Eén levering"
    assert upper_first("geen cleanroom") == "Geen cleanroom"
    assert upper_first("BEUGEL") == "BEUGEL"


@pytest.mark.parametrize("sector, open_field", [("medical_implant", "safety_critical"),
                                                ("medical_implant", "traceability_required"),
                                                ("pressure_equipment", "safety_critical")])
def test_an_assumption_the_answers_contradict_is_not_made(screener, sector, open_field):
    """An implant was assumed 'not safety-critical' and 'no traceability', and its offer
    asked the customer to confirm that: the question stays open instead."""
    from conftest import base_request
    request = base_request(application_sector=sector)
    request.pop("safety_critical", None)
    request.pop("traceability_required", None)
    report = screener.check(request).to_dict()
    assert open_field not in {a["field"] for a in report["assumed"]}
    assert open_field in {q["field"] for q in report["open_questions"]}
    general = screener.check(base_request()).to_dict()
    assert open_field in {a["field"] for a in general["assumed"]}


@pytest.mark.parametrize("held, asked, lang, said, told", [
    ("iso_9001", "exc2", "en",
     ["EN 1090 is required (CE marking of structural components); we hold no EN 1090 "
      "certificate."],
     "Your order needs EN 1090 certification (CE marking of structural components); we "
     "hold no EN 1090 certificate."),
    ("iso_9001, en_1090_exc2", "exc3", "en",
     ["Execution class EXC3 is specified; our EN 1090 certificate covers EXC2 at most."],
     "You specify execution class EXC3; our EN 1090 certificate covers up to EXC2."),
    ("iso_9001, en_1090_exc1", "exc2", "nl",
     ["Uitvoeringsklasse EXC2 is voorgeschreven; ons EN 1090-certificaat gaat tot en met "
      "EXC1."],
     "U schrijft uitvoeringsklasse EXC2 voor; ons EN 1090-certificaat gaat tot en met EXC1."),
    ("iso_9001, en_1090_exc4", "exc4", "en", [], None),
])
def test_one_en_1090_blocker_per_cause_worded_from_the_facts(tmp_path, held, asked, lang,
                                                              said, told):
    """A shop with no EN 1090 certificate read "our EN 1090 certificate does not cover
    EXC2" plus "structural steel to EN 1090 is required" (for aluminium); an EXC2 shop asked
    EXC3 read two blockers (ENX-001, FAC-003), one of them "covers EXC2 at most" whatever
    the shop held.  Now one blocker per cause, its class the shop's, on the quality
    thread; the offer tells the customer the same cause."""
    equipment = tmp_path / "equipment.yaml"
    equipment.write_text(EQUIPMENT.read_text(encoding="utf-8").replace(
        "certifications: [iso_9001, en_1090_exc2,", f"certifications: [{held},", 1),
        encoding="utf-8")
    request = tmp_path / "frame.yaml"
    request.write_text((EXAMPLES / "requests" / "frame-en1090.yaml").read_text(
        encoding="utf-8").replace("execution_class: exc2", f"execution_class: {asked}")
        .replace("certificates_required: [en_1090,", "certificates_required: [en_1090_exc3,"
                 if asked == "exc3" else "certificates_required: [en_1090,"),
        encoding="utf-8")
    code, out, _ = run_cli("check", request, "--equipment", equipment, "--format", "json",
                           "--lang", lang)
    report = json.loads(out)
    blockers = [f for f in report["findings"] if f["kind"] == "blocker"]
    assert [f["message"] for f in blockers] == said
    assert all(f["thread"] == "quality" for f in blockers)
    code, out, _ = run_cli("check", request, "--equipment", equipment, "--audience",
                           "customer", "--lang", lang)
    if told:
        assert f"  - {told}\n" in out  # the shop's class, not '?'
    else:  # nothing refused: EN 1090 is named only among what we deliver
        code, out, _ = run_cli("check", request, "--equipment", equipment, "--audience",
                               "customer", "--lang", lang, "--format", "json")
        assert json.loads(out)["refusals"] == []


def test_a_part_whose_material_and_run_are_not_priced_gets_no_price_yet():
    """A one-line enquiry (500 turned parts, no material, no size) read 'Prijs per stuk:
    EUR 1,88; Totaal: EUR 940,00', set-up and CAM only, with the material and the
    machining time 'not included' lines below: the figures a customer remembers. Now
    the part's price follows, its line says what is missing, and the whole has no total;
    a part beside it that is priced keeps its own price."""
    from producibility import Screener
    from producibility.report.render import render
    from conftest import base_request

    screener = Screener(str(EQUIPMENT))
    sparse = base_request(quantity=500, part={"material": None, "size_mm": None,
                                              "cycle_time_min": None,
                                              "processes": ["turning"]})
    data = json.loads(render(screener.check(sparse), "json", audience="customer"))
    [part] = data["parts"]
    assert part["per_piece_eur"] is None and part["total_eur"] is None
    assert any("the material." in text for text in part["price_follows"])
    assert data["total_eur"] is None and data["no_price"] is True
    assert not any("the material." in text for text in data["not_included"])
    text = render(screener.check(sparse, lang="nl"), "text", "nl", audience="customer")
    assert "Prijs volgt; nog niet te berekenen:" in text and "Prijs per stuk" not in text
    both = base_request(quantity=500, part={"material": None, "size_mm": None,
                                            "cycle_time_min": None, "processes": ["turning"]})
    both["parts"].append(dict(base_request()["parts"][0], id="P2"))
    data = json.loads(render(screener.check(both), "json", audience="customer"))
    priced = {p["id"]: p["per_piece_eur"] for p in data["parts"]}
    assert priced["P1"] is None and priced["P2"] is not None
    assert data["total_eur"] is None


def test_the_offer_confirms_the_certificates_and_documents_asked_for():
    """The offer is where we confirm the customer's requirements (ISO 9001:2015 8.2.3):
    the EN 1090 frame's offer named no execution class, no 3.1 certificate and no
    traceability, all of which its quote priced."""
    data = json.loads(offer("--format", "json", "--lang", "nl", request="frame-en1090.yaml"))
    assert data["documents"] == [
        "EN 1090 (CE-markering van constructiedelen)",
        "materiaalcertificaat 3.1 (EN 10204)",
        "uitvoering volgens EN 1090-2 in uitvoeringsklasse EXC2",
        "traceerbaarheid per stuk of charge naar materiaal en meetgegevens",
        "meetrapport: eerste stuk meten"]
    text = offer("--lang", "nl", request="frame-en1090.yaml")
    assert "Wat wij met de onderdelen meeleveren, zoals u vroeg:\n" \
           "  - EN 1090 (CE-markering van constructiedelen)\n" in text
    # a request we decline promises no documents
    refused = json.loads(offer("--format", "json", request="medical-handle-iso13485.yaml"))
    assert refused["refusals"] and refused["documents"] == []
    # nothing asked, nothing listed
    plain = json.loads(offer("--format", "json", request="bracket-ordinary-enquiry.yaml"))
    assert plain["documents"] == []


def test_a_part_a_partner_finishes_is_made_and_priced(monkeypatch):
    """A shaft we turn and have ground and nitrided by partners read "We cannot make this
    part as requested with our machines" without a price, under "We can make it as
    described below": an operation at a partner was taken for one no machine can do."""
    shop = EXAMPLES / "precision-shop"
    monkeypatch.chdir(shop)  # its config: the lathe, the grinding and hardening partners
    code, out, err = run_cli("check", shop / "requests" / "ground-shaft-partner.yaml",
                             "--audience", "customer", "--format", "json")
    assert (code, err) == (0, "")
    part, = json.loads(out)["parts"]
    assert not part["blocked"] and part["cannot_make"] is None
    assert part["total_eur"] == pytest.approx(part["per_piece_eur"] * 40)
    code, out, err = run_cli("check", shop / "requests" / "ground-shaft-partner.yaml",
                             "--audience", "customer", "--lang", "nl")
    assert "kunnen wij zoals gevraagd niet maken" not in out
    assert "Aantal: 40 st.; Prijs per stuk: " in out


def _two_part_request(tmp_path, p2, **changes):
    """50 milled plates (P1, a cycle time given) with four P2 a product: the estimator's
    mixed.yaml and multibr.yaml."""
    import yaml
    from conftest import base_request
    request = base_request(quantity=50, purpose="small_series", wanted_date="2027-03-31",
                           date="2026-12-01", **changes,
                           part={"name": "Plaat", "size_mm": [100, 50, 20],
                                 "cycle_time_min": 10})
    request["parts"].append(dict(request["parts"][0], id="P2", name="Nok", quantity=4,
                                 **p2))
    if "cycle_time_min" not in p2:
        del request["parts"][1]["cycle_time_min"]
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    return path


def test_each_part_carries_its_own_contingency(tmp_path):
    """The offer spread one contingency share (high / low - 1 = 34 %) over all parts: P1,
    whose cycle time is given, paid for P2's estimated run time (P1 EUR 234 too high,
    P2 EUR 233 too low; per-part prices go into the ERP's article prices). Each part's
    price is now its own lines with the quote's contingency (15 % on every line, 25 %
    more on its estimated ones) and a share of the request's lines (QUA-011's for a
    safety-critical order) by its own amount; the parts still add up to the report's high
    estimate."""
    path = _two_part_request(tmp_path, {"size_mm": [120, 80, 60]}, safety_critical=True)
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json",
                             "--no-probe")
    quote = json.loads(out)["quote"]
    share = quote["totals"]["contingency_share"]
    extra = quote["totals"]["estimate_contingency_share"]
    # (the piece prices: the one-off lines, and what open answers to a one-off rule can
    # add, are priced apart)
    recurring = [line for line in quote["lines"] if not line["one_off"]]
    own = {pid: [line for line in recurring if line["part"] == pid] for pid in ("P1", "P2")}
    amounts = {pid: sum(line["amount_eur"] for line in lines) for pid, lines in own.items()}
    common = sum(line["amount_eur"] for line in recurring if line["part"] is None)
    assert common > 0  # QUA-011's inspection (its engineering is one-off)
    # what open answers can add: a part's with its part, the request's shared as above
    summed = sum(e["amount_eur"] for e in quote["open_answers"])
    allowed = quote["totals"]["open_answers_eur"] / summed if summed else 0.0
    pending = {pid: allowed * sum(e["amount_eur"] for e in quote["open_answers"]
                                  if e["part"] == pid and not e["one_off"]) for pid in own}
    shared = allowed * sum(e["amount_eur"] for e in quote["open_answers"]
                           if e["part"] not in own and not e["one_off"])
    expected = {}
    for pid, lines in own.items():
        estimated = sum(line["amount_eur"] for line in lines if line["basis"] == "estimated")
        expected[pid] = amounts[pid] * (1 + share) + estimated * extra + pending[pid] + \
            (common * (1 + share) + shared) * amounts[pid] / sum(amounts.values())
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--format", "json", "--no-probe")
    data = json.loads(out)
    parts = {p["id"]: p for p in data["parts"]}
    for pid, price in expected.items():
        assert parts[pid]["per_piece_eur"] == round(price / parts[pid]["pieces"], 2), pid
    total = sum(p["total_eur"] for p in parts.values()) + data["one_off_total_eur"]
    assert abs(total - quote["totals"]["amount_high_eur"]) <= 0.005 * 250 + 0.01
    # not one share for all: the uniform share of the whole would price P1 otherwise
    uniform = amounts["P1"] * quote["totals"]["amount_high_eur"] / \
        quote["totals"]["amount_eur"] + common * quote["totals"]["amount_high_eur"] / \
        quote["totals"]["amount_eur"] * amounts["P1"] / sum(amounts.values())
    assert abs(uniform - parts["P1"]["total_eur"]) > 100


@pytest.mark.parametrize("lang, unit, piece", [("en", "Price per product", "Price per piece"),
                                               ("nl", "Prijs per product", "Prijs per stuk")])
def test_the_break_table_prices_a_product_of_several_parts_per_product(tmp_path, lang, unit,
                                                                       piece):
    """A plate and four cams a product: the parts read "Price per piece: EUR 32.99" and
    "EUR 8.95", and two lines down the break table "50: Price per piece EUR 68.79", the
    price of a set a customer reads as a bracket's. The break table says per product."""
    path = _two_part_request(tmp_path, {"size_mm": [40, 30, 15], "weight_kg": 0.03,
                                        "cycle_time_min": 3},
                             quantity_breaks="10, 50, 200")
    for fmt in ("text", "md", "html"):
        code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--audience",
                                 "customer", "--format", fmt, "--lang", lang, "--no-probe")
        assert code == 0, err
        table = out[out.index("(per product)"):]
        assert unit in table and piece not in table, fmt
    data = json.loads(run_cli("check", path, "--equipment", EQUIPMENT, "--audience",
                              "customer", "--format", "json", "--lang", lang,
                              "--no-probe")[1])
    fifty = next(b for b in data["breaks"] if b["quantity"] == 50)
    assert fifty["per_piece_eur"] == data["per_product_eur"] and data["break_unit"] == unit
