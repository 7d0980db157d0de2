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
