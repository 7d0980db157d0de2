"""The offer as a buyer holds the shop to it (review 23, an inkoper of a machine
builder): the terms it is made under, what it says of her own material and its
certificates, the material and temper as her drawing writes them, an unknown material
and a material number written without quotes, and the small words she would misread.

Every test runs the CLI as she did: ``check --audience customer``, Dutch and English."""

import json
import re
from pathlib import Path

import pytest

from conftest import EQUIPMENT, run_cli

DATA = Path(__file__).resolve().parent / "data" / "review23"


def offer(request, *args, lang="nl", fmt="text", cwd=None):
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--lang", lang, "--format", fmt, *args, cwd=cwd)
    assert (code, err) == (0, ""), err
    return out


def variant(tmp_path, name, old, new, source="zaaimachine.yaml"):
    """Her request with one answer written otherwise (``old`` -> ``new``, a whole line)."""
    text = (DATA / source).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def flat(text):
    """An offer's text on one line, HTML's apostrophes as written."""
    return re.sub(r"\s+", " ", text.replace("&#39;", "'"))


# -- 6: the customer's own material and its certificates ---------------------------------

@pytest.mark.parametrize("lang, document, question, wrong", [
    ("nl", "materiaalcertificaat 3.1 (EN 10204): van uw materiaal, zoals u het meelevert "
           "(wij geven het door)",
     "Levert u bij uw materiaal de 3.1-certificaten (EN 10204) mee, met de chargenummers op "
     "het materiaal? Die geven wij met de onderdelen aan u door.",
     "Klantmateriaal heeft certificaten nodig"),
    ("en", "material certificate 3.1 (EN 10204): of your material, as you send it with the "
           "material (we pass it on)",
     "Will you send the 3.1 certificates (EN 10204) with your material, and its heat "
     "numbers marked on it? We pass them on to you with the parts.",
     "Customer material needs its certificates")])
def test_a_certificate_of_the_customers_material_is_theirs_to_send(lang, document,
                                                                    question, wrong):
    """She supplies the material and asks a 3.1 certificate: the offer promised the
    certificate "as you asked", then asked a rule's title ("Dit willen wij eerst met u
    afstemmen: Klantmateriaal heeft certificaten nodig"). Now the certificate is hers,
    passed on, and the question is one she can answer (MAT-007's customer words)."""
    for fmt in ("text", "md", "html"):
        text = flat(offer(DATA / "bracket-boete.yaml", lang=lang, fmt=fmt))
        assert document in text, fmt
        assert question in text, fmt
        assert wrong not in text, fmt
    data = json.loads(offer(DATA / "bracket-boete.yaml", lang=lang, fmt="json"))
    assert [q["text"] for q in data["questions"]].count(question) == 1
    # material we buy: the certificate is ours, as it was
    ours = offer(DATA / "zaaimachine.yaml", lang=lang)
    assert document.split(":")[0] + "\n" in ours
