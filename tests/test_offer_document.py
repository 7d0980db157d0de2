"""The offer as a buyer books and checks it (review of an inkoper of a machine builder):
its own number, the drawing number and revision and the size of each part, the one-off
costs apart from the piece price, the offer dated the day it is written, neutral terms
for a shop that is no Metaalunie member (tests/test_offer_terms.py), and every question
in the customer's words.

Every test runs the CLI as the buyer's supplier does: ``check --audience customer``."""

import json
import re

import pytest

from conftest import EQUIPMENT, EXAMPLES, edited_copy, flat, run_cli

BRACKET = EXAMPLES / "requests" / "bracket-series.yaml"


def offer(request, *args, lang="nl", fmt="text"):
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--lang", lang, "--format", fmt, *args)
    assert (code, err) == (0, ""), err
    return out


def variant(tmp_path, old, new, source=BRACKET, name="request.yaml"):
    """A request with one answer written otherwise (``old`` -> ``new``, a whole line)."""
    return edited_copy(source, tmp_path, old, new, name)


# -- 5: a question in the customer's words ----------------------------------------------

@pytest.mark.parametrize("lang, asked", [
    ("nl", "Zonder tekening met toleranties zijn er geen acceptatiecriteria: wie beslist "
           "of een onderdeel goed is?"),
    ("en", "Without a drawing with tolerances there are no acceptance criteria: who "
           "decides that a part is good?")])
def test_a_question_rule_asks_in_the_customers_words(tmp_path, lang, asked):
    """QUA-014 (a series without a toleranced drawing) reached the offer as "Dit willen
    wij eerst met u afstemmen: Geen acceptatiecriteria voor een serie", the rule's title;
    now as a buyer is asked it."""
    request = variant(tmp_path, "drawing_with_tolerances: true",
                      "drawing_with_tolerances: false")
    for fmt in ("text", "md", "html"):
        text = flat(offer(request, lang=lang, fmt=fmt))
        assert asked in text, fmt
        assert "afstemmen:" not in text and "To settle with you first:" not in text, fmt


# -- 1: the offer's number, the drawing and the size of each part ----------------------

def number_of(text):
    found = re.findall(r"Offertenummer: (OF-\d{4}-[0-9A-F]{6})", text) or \
        re.findall(r"Offer number: (OF-\d{4}-[0-9A-F]{6})", text)
    assert len(found) == 1, text[:400]
    return found[0]


def test_the_offer_has_a_number_of_its_own_the_same_for_the_same_inputs(tmp_path, monkeypatch):
    """A buyer books an offer by its number: the offer had none. It is the shop's prefix,
    the year of the request's date and a digest of the request, equipment and packs: the
    same in both languages, in every format and on another day; another request (a
    changed quantity) has another; the shop's provider.offer_prefix replaces OF."""
    nl = number_of(offer(BRACKET))
    assert nl.startswith("OF-2026-")
    assert number_of(offer(BRACKET, lang="en")) == nl
    assert f"| {nl} |" in offer(BRACKET, fmt="md")
    assert f"<dd>{nl}</dd>" in offer(BRACKET, fmt="html")
    assert json.loads(offer(BRACKET, fmt="json"))["number"] == nl
    monkeypatch.setenv("PRODUCIBILITY_TODAY", "2027-01-04")
    assert number_of(offer(BRACKET)) == nl  # written another day: the same offer's number
    more = variant(tmp_path, "quantity: 200", "quantity: 250")
    assert number_of(offer(more)) != nl
    config = tmp_path / "producibility.yaml"
    config.write_text(f"equipment: {EQUIPMENT}\nprovider:\n  offer_prefix: FB\n",
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", BRACKET, "--audience", "customer", "--lang", "nl")
    assert (code, err) == (0, "") and f"Offertenummer: FB-{nl[3:]}" in out
    config.write_text(f"equipment: {EQUIPMENT}\nprovider:\n  offer_prefix: 'F B'\n",
                      encoding="utf-8")
    code, _, err = run_cli("check", BRACKET, "--audience", "customer", "--lang", "nl")
    assert code == 1 and "producibility.yaml:3: provider.offer_prefix" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("lang, drawing, as_received", [
    ("nl", "Tekening 4711-0032, revisie C",
     "U gaf geen tekeningrevisie op: onze prijs geldt voor de tekening zoals wij die van "
     "u ontvingen."),
    ("en", "Drawing 4711-0032, revision C",
     "No drawing revision was given: our price holds for the drawing as we received it "
     "from you.")])
def test_each_part_line_names_its_drawing_and_revision(tmp_path, lang, drawing, as_received):
    """The buyer checks the offer against the drawing revision: the questionnaire asks
    each part's drawing number and revision (optional) and the part line names them;
    without a revision the offer says, once, that the price holds for the drawing as
    received (it said nothing). A revision written without quotes (03) is read as
    written."""
    request = variant(tmp_path, "    name: Montagebeugel",
                      "    name: Montagebeugel\n    drawing_number: 4711-0032\n"
                      "    drawing_revision: C")
    for fmt in ("text", "md", "html"):
        text = flat(offer(request, lang=lang, fmt=fmt))
        assert drawing in text, fmt
        assert as_received not in text, fmt
        plain = flat(offer(BRACKET, lang=lang, fmt=fmt))
        assert plain.count(as_received) == 1, fmt
    rows = offer(request, lang=lang, fmt="csv").splitlines()
    assert "140 × 60 × 25 mm" in rows[1] and drawing[0].lower() + drawing[1:] in rows[1], rows[1]
    numbered = variant(tmp_path, "    name: Montagebeugel",
                       "    name: Montagebeugel\n    drawing_number: 47110032\n"
                       "    drawing_revision: 03", name="numbered.yaml")
    said = {"nl": "Tekening 47110032, revisie 03", "en": "Drawing 47110032, revision 03"}
    assert said[lang] in offer(numbered, lang=lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_questionnaire_asks_the_drawing_number_and_revision(lang):
    """Both questions are in the questionnaire (and so in the request schema, the
    intake form and `ask`), optional, in both languages."""
    from producibility.model.questionnaire import load_questionnaire
    questionnaire = load_questionnaire()
    for field in ("drawing_number", "drawing_revision"):
        question = questionnaire.question("part", field)
        assert question is not None and not question.required and question.type == "text"
        assert question.text[lang] and question.help[lang]
    code, schema, _ = run_cli("schema", "request")
    parts = json.loads(schema)["properties"]["parts"]["items"]
    assert {"drawing_number", "drawing_revision"} <= set(parts["properties"])
    assert not {"drawing_number", "drawing_revision"} & set(parts.get("required", ()))
    code, form, _ = run_cli("questionnaire", "export", "--format", "html", "--lang", lang)
    assert code == 0
    assert {"nl": "Revisie van de tekening", "en": "Drawing revision"}[lang] in form


@pytest.mark.parametrize("lang, size", [("nl", "draaien · messing CW614N · Ø35 × 60 mm"),
                                        ("en", "turning · brass CW614N · Ø35 × 60 mm")])
def test_a_turned_part_line_gives_its_diameter_and_length(lang, size):
    """A turned part's line named no size (its size_mm is not asked); now its diameter
    and length, as its drawing gives them. A milled part keeps its envelope."""
    valve = EXAMPLES / "requests" / "valve-body-food.yaml"
    for fmt in ("text", "md", "html"):
        assert size in flat(offer(valve, lang=lang, fmt=fmt)), fmt
    assert "140 × 60 × 25 mm" in offer(BRACKET, lang=lang)


# -- 2: one-off costs apart from the piece price -----------------------------------------

@pytest.mark.parametrize("lang, heading, rows", [
    ("nl", "Eenmalige kosten", ["Programmeren en werkvoorbereiding",
                                "Opspanmiddelen en zachte bekken",
                                "Eerstemonsterinspectie en -rapport",
                                "Engineering en ordervoorbereiding",
                                "Voorbehoud voor open vragen (wordt met uw antwoorden "
                                "verrekend)"]),
    ("en", "One-off costs", ["Programming and work preparation", "Fixtures and soft jaws",
                             "First article inspection and report",
                             "Engineering and order preparation",
                             "Allowance for open questions (settled on your answers)"])])
def test_one_off_costs_are_their_own_lines_and_not_in_the_piece_price(lang, heading, rows):
    """The bracket's CAM, its fixture (FAC-007), its first article report (QUA-002) and
    our engineering were spread over the 200 pieces: EUR 30.09 a piece, EUR 1,243 of
    the EUR 6,018 one-off. A buyer compares piece prices between suppliers and reorders
    without them: now they are lines of their own, the piece price holds none of them
    (EUR 23.87), and the total is the report's high estimate as before."""
    data = json.loads(offer(BRACKET, lang=lang, fmt="json"))
    [part] = data["parts"]
    assert [row["text"] for row in data["one_off"]] == rows
    once = data["one_off_total_eur"]
    assert once == round(sum(row["total_eur"] for row in data["one_off"]), 2) == 1242.99
    assert part["per_piece_eur"] == 23.87
    assert data["total_eur"] == round(part["per_piece_eur"] * 200 + once, 2)
    code, out, _ = run_cli("check", BRACKET, "--equipment", EQUIPMENT, "--format", "json")
    report = json.loads(out)
    totals = report["quote"]["totals"]
    assert totals["amount_high_eur"] == 6017.44  # unchanged: the split moves no euro
    assert abs(data["total_eur"] - totals["amount_high_eur"]) <= 0.005 * 200 + 0.05
    assert totals["one_off_high_eur"] == once
    assert totals["one_off_eur"] == round(sum(
        line["amount_eur"] for line in report["quote"]["lines"] if line["one_off"]), 2)
    # every quote line says whether it is one-off, and for what (a stable field)
    assert all("one_off" in line for line in report["quote"]["lines"])
    by_rule = {(line["kind"], line["rule"]): line["one_off"]
               for line in report["quote"]["lines"]}
    assert by_rule[("cam", None)] == "programming"
    assert by_rule[("cam", "FAC-007")] == "fixtures"
    assert by_rule[("inspection", "QUA-002")] == "first_article"
    assert by_rule[("engineering", "IPC-001")] == "engineering"
    # what recurs with every order stays in the piece price: the machine's set-up and run,
    # the material, the first-off inspection of each batch, the material certificate per
    # heat (MAT-017: one_off false), ordering the treatment (TEC-005)
    for recurring in (("setup", None), ("run", None), ("material", None),
                      ("inspection", None), ("engineering", "MAT-017"),
                      ("procurement", "TEC-005"), ("inspection", "QUA-015")):
        assert by_rule[recurring] is None, recurring
    for fmt in ("text", "md", "html"):
        text = flat(offer(BRACKET, lang=lang, fmt=fmt))
        assert heading in text, fmt
        for row in rows:
            assert row in text, (fmt, row)
    # the internal report's quote marks them and says their sum apart
    md = flat(run_cli("check", BRACKET, "--equipment", EQUIPMENT, "--format", "md",
                      "--lang", lang)[1])
    assert {"nl": "waarvan eenmalige kosten, los van de stukprijs | | | | € 1.242,99",
            "en": "of which one-off costs, apart from the piece price | | | | € 1,242.99"}[
        lang] in md


def test_a_rule_says_which_of_its_hours_are_one_off(tmp_path):
    """A shop's own rule: its engineering hours are one-off engineering, its inspection
    hours recur, unless it says otherwise (effort.one_off: a category, or false); a value
    that is none is one error line at its place."""
    pack = tmp_path / "own.yaml"
    rule = """pack: {{id: own, version: 1.0.0}}
rules:
  - id: OWN-001
    thread: quality
    title: {{en: Gauge made for the bore, nl: Kaliber voor de boring}}
    scope: part
    when: part.tolerance_mm < 0.02
    then:
      effort: {{{effort}}}
    message: {{en: "a gauge", nl: "een kaliber"}}
    mitigation: {{en: Make it., nl: Maken.}}
    source: judgement
"""

    def lines(effort):
        pack.write_text(rule.format(effort=effort), encoding="utf-8")
        code, out, err = run_cli("check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack,
                                 "--format", "json")
        assert code == 0, err
        return [(line["kind"], line["one_off"]) for line in json.loads(out)["quote"]["lines"]
                if line["rule"] == "OWN-001"]
    assert lines("engineering_h: 2, inspection_h: 1") == [
        ("engineering", "engineering"), ("inspection", None)]
    assert lines("engineering_h: 2, inspection_h: 1, one_off: false") == [
        ("engineering", None), ("inspection", None)]
    assert lines("inspection_h: 1, one_off: fixtures") == [("inspection", "fixtures")]
    pack.write_text(rule.format(effort="inspection_h: 1, one_off: once"), encoding="utf-8")
    code, _, err = run_cli("check", BRACKET, "--equipment", EQUIPMENT, "--rules", pack)
    assert code == 1 and "own.yaml:9" in err and "one_off" in err and "Traceback" not in err
    assert "is not one of: false, programming, fixtures" in err  # as YAML writes it


def test_machine_time_is_priced_per_hour_without_the_one_off_costs():
    """The makerspace's machine time read EUR 144.16 an hour, the instruction of the
    customer's staff (SHR-001, MAT-014), the print preparation and our engineering in
    it: an hourly rate no other shop's compares with, and paid again on every booking.
    Now EUR 48.08 an hour, the one-off costs apart."""
    data = json.loads(offer(EXAMPLES / "requests" / "makerspace-self-service.yaml",
                            fmt="json"))
    [part] = data["parts"]
    assert part["machine_time"]["per_hour_eur"] == 48.08
    assert "Instructie van uw medewerkers" in [row["text"] for row in data["one_off"]]
    assert data["revision_note"] == ""  # machine time: no drawing the price holds for
    assert data["one_off_note"] == ("Eenmalige kosten rekenen wij één keer: bij een volgende "
                                    "boeking van dezelfde machine vervallen ze.")
