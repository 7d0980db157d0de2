"""The offer as a buyer books and checks it (review of an inkoper of a machine builder):
its own number, the drawing number and revision and the size of each part, the one-off
costs apart from the piece price, the offer dated the day it is written, neutral terms
for a shop that is no Metaalunie member (tests/test_offer_terms.py), and every question
in the customer's words.

Every test runs the CLI as the buyer's supplier does: ``check --audience customer``."""

import json
import re
from pathlib import Path

import pytest

from conftest import EQUIPMENT, EXAMPLES, run_cli

BRACKET = EXAMPLES / "requests" / "bracket-series.yaml"


def offer(request, *args, lang="nl", fmt="text"):
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--lang", lang, "--format", fmt, *args)
    assert (code, err) == (0, ""), err
    return out


def variant(tmp_path, old, new, source=BRACKET, name="request.yaml"):
    """A request with one answer written otherwise (``old`` -> ``new``, a whole line)."""
    text = Path(source).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def flat(text):
    return re.sub(r"\s+", " ", text.replace("&#39;", "'"))


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
