"""The offer as a buyer holds the shop to it (review 23, an inkoper of a machine
builder): the terms it is made under, what it says of her own material and its
certificates, the material and temper as her drawing writes them, an unknown material
and a material number written without quotes, and the small words she would misread.

Every test runs the CLI as she did: ``check --audience customer``, Dutch and English."""

import json
from pathlib import Path

import pytest

from conftest import EQUIPMENT, EXAMPLES, edited_copy, flat, run_cli

DATA = Path(__file__).resolve().parent / "data" / "review23"


def offer(request, *args, lang="nl", fmt="text", cwd=None):
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--audience",
                             "customer", "--lang", lang, "--format", fmt, *args, cwd=cwd)
    assert (code, err) == (0, ""), err
    return out


def variant(tmp_path, name, old, new, source="zaaimachine.yaml"):
    """Her request with one answer written otherwise (``old`` -> ``new``, a whole line)."""
    return edited_copy(DATA / source, tmp_path, old, new, name)


# -- 4: the terms, and a penalty asked for ----------------------------------------------

TERMS = {
    "nl": ("Voorwaarden", "Algemene voorwaarden: onze eigen algemene voorwaarden, die wij u "
           "op verzoek kosteloos toezenden",
           "Levering: af fabriek (EXW, Incoterms 2020)",
           "Betaling: binnen 30 dagen na factuurdatum",
           "Boete bij te late levering: U vroeg erom; onder onze voorwaarden nemen wij geen "
           "boete aan. Wilt u er toch een, dan spreken wij die apart met u af"),
    "en": ("Terms", "General terms: our own general terms and conditions, sent to you free "
           "of charge on request",
           "Delivery terms: ex works (EXW, Incoterms 2020)",
           "Payment: within 30 days of the invoice date",
           "Penalty for late delivery: You asked for one; under our terms we accept no "
           "penalty. If you still want one, we agree it with you separately"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_offer_states_its_terms_and_answers_a_penalty_asked(lang):
    """She asked a penalty for late delivery (penalty_clause: true): the offer said
    nothing of it, nor of the conditions, the delivery terms or the payment terms. Now a
    Terms block names them (our own general terms, ex works, 30 days: the defaults)
    and says the penalty is not accepted under them, but can be agreed apart."""
    heading, conditions, delivery, payment, penalty = TERMS[lang]
    text = offer(DATA / "bracket-boete.yaml", lang=lang)
    lines = text.splitlines()
    assert heading in lines
    block = "\n".join(lines[lines.index(heading):])
    for said in (conditions, delivery, payment, penalty):
        assert said in block, said
    md = offer(DATA / "bracket-boete.yaml", lang=lang, fmt="md")
    assert f"## {heading}" in md
    html = flat(offer(DATA / "bracket-boete.yaml", lang=lang, fmt="html"))
    assert f"<h2>{heading}</h2>" in html
    for said in (conditions, delivery, payment, penalty):
        label, words = said.split(": ", 1)
        assert f"<dt>{label}</dt><dd>{words}" in html, said
    data = json.loads(offer(DATA / "bracket-boete.yaml", lang=lang, fmt="json"))
    assert [f"{t['label']}: {t['text']}" for t in data["terms"]][3].startswith(penalty)
    # no penalty asked (penalty_clause: false): the terms, no answer to a penalty
    plain = offer(DATA / "zaaimachine.yaml", lang=lang)
    assert conditions in plain and payment in plain
    assert penalty.split(":")[0] not in plain


def test_the_shop_names_its_own_terms_in_its_config(tmp_path, monkeypatch):
    """The provider's own conditions (one text, or one per language), delivery and
    payment terms and what it says to a penalty replace the defaults; an empty text
    leaves its line out; a wrong one is one error line at its place."""
    config = tmp_path / "producibility.yaml"
    config.write_text(
        f"equipment: {EQUIPMENT}\nprovider:\n  name: Draaierij De Vries\n"
        "  conditions: {nl: Algemene voorwaarden Draaierij De Vries, en: General terms of "
        "Draaierij De Vries}\n  delivery_terms: franco Nederland\n  payment_terms: ''\n"
        "  penalty_terms: ten hoogste 5 % van de orderwaarde, na 5 werkdagen\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    request = DATA / "bracket-boete.yaml"
    code, out, err = run_cli("check", request, "--audience", "customer", "--lang", "nl")
    code_en, out_en, _ = run_cli("check", request, "--audience", "customer", "--lang", "en")
    config.write_text(f"equipment: {EQUIPMENT}\nprovider:\n  penalty_terms: 5\n",
                      encoding="utf-8")
    bad = run_cli("check", request, "--audience", "customer", "--lang", "nl")
    assert (code, err) == (0, "")
    assert "  - Algemene voorwaarden: Algemene voorwaarden Draaierij De Vries" in out
    assert "  - Levering: franco Nederland" in out
    assert "Betaling:" not in out and "Metaalunie" not in out
    assert "  - Boete bij te late levering: ten hoogste 5 % van de orderwaarde" in out
    assert code_en == 0 and "  - General terms: General terms of Draaierij De Vries" in out_en
    assert bad[0] == 1 and "producibility.yaml:3: provider.penalty_terms" in bad[2]
    assert "Traceback" not in bad[2]


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


# -- 16: a material number written without quotes ----------------------------------------

@pytest.mark.parametrize("number, nl, en", [
    ("1.4404", "draaien · RVS 316L (1.4404)", "turning · stainless steel 316L (1.4404)"),
    ("1.4301", "draaien · RVS 304 (1.4301)", "turning · stainless steel 304 (1.4301)"),
    ("1.0038", "draaien · constructiestaal S235", "turning · structural steel S235")])
def test_a_material_number_without_quotes_is_that_material(tmp_path, number, nl, en):
    """``material: 1.4404`` unquoted is a float to YAML: check and validate refused it
    with the schema's English words inside the Dutch output ("... is not valid under any
    of the given schemas"). The number is read as the text written, so it is the
    material it numbers."""
    path = variant(tmp_path, f"num-{number}.yaml", '    material: "1.4404"',
                   f"    material: {number}")
    assert nl in offer(path, lang="nl")
    assert en in offer(path, lang="en")
    code, out, err = run_cli("validate", path, "--lang", "nl")
    assert code == 0 and "geldig" in err and "schemas" not in out + err, out + err


def test_a_material_number_keeps_the_zero_it_was_written_with(tmp_path):
    """YAML reads 1.4310 as 1.431: the text in the file is what the customer wrote,
    and so what validate repeats (the catalogue has no 1.4310)."""
    path = variant(tmp_path, "num-1.4310.yaml", '    material: "1.4404"', "    material: 1.4310")
    code, out, err = run_cli("validate", path, "--lang", "en")
    assert code == 0 and "'1.4310' is not in the catalogue" in out, out + err


# -- 9: the material and its temper or delivery condition as the drawing writes them -----

FORM_MATERIAL = '    material: "aluminium_5754"\n    temper: "h22_h32"'


@pytest.mark.parametrize("written, nl, en", [
    ('    material: "EN AW-5754 H32"', "aluminium EN AW-5754 H32 ·",
     "aluminium EN AW-5754 H32 ·"),
    ('    material: "EN AW-5754 H111"', "aluminium EN AW-5754 H111 ·",
     "aluminium EN AW-5754 H111 ·"),
    ('    material: "EN AW-5083 H321"', "aluminium EN AW-5083 H321 ·",
     "aluminium EN AW-5083 H321 ·"),
    ('    material: aluminium_5754\n    temper: H32', "aluminium EN AW-5754 H32 ·",
     "aluminium EN AW-5754 H32 ·"),
    ('    material: "EN AW-6082 T651"', "aluminium EN AW-6082 T651 ·",
     "aluminium EN AW-6082 T651 ·")])
def test_the_offer_states_the_temper_the_drawing_writes(tmp_path, written, nl, en):
    """The offer is what the buyer holds the shop to: "EN AW-5754 H32" read "aluminium
    EN AW-5754 H22/H32/H321" (the temper choice groups them), "H111" read "O/H111". It
    repeats the temper as written; the choice the engine reads stays h22_h32."""
    path = variant(tmp_path, "al.yaml", FORM_MATERIAL, written, source="form-request.yaml")
    for lang, said in (("nl", nl), ("en", en)):
        for fmt in ("text", "html"):
            text = flat(offer(path, lang=lang, fmt=fmt))
            assert said in text, (lang, fmt)
            assert "H22/H32/H321" not in text and "O/H111" not in text
    # what the engine reads is the choice, as before: the same answers as the form's
    # choice (the report's digest of the request), where the temper is a 5754's
    if "5754" in written and "H32" in written:
        digests = [json.loads(run_cli("check", p, "--equipment", EQUIPMENT, "--format",
                                      "json")[1])["inputs"]["request"]["digest"]
                   for p in (path, DATA / "form-request.yaml")]
        assert digests[0] == digests[1]
    # a temper chosen as the form's choice is that choice's words, as before
    assert "aluminium EN AW-5754 H22/H32/H321 ·" in offer(DATA / "form-request.yaml")


@pytest.mark.parametrize("written, nl, en", [
    ("42CrMo4+QT", "veredelstaal 42CrMo4+QT ·", "alloy steel 42CrMo4+QT ·"),
    ("S355J2+N", "constructiestaal S355J2+N ·", "structural steel S355J2+N ·")])
def test_the_offer_keeps_the_delivery_condition_the_drawing_writes(tmp_path, written, nl,
                                                                   en):
    """"42CrMo4+QT" and "S355J2+N" are aliases of the catalogue's 42CrMo4 and S355J2:
    the offer dropped +QT and +N, and a 42CrMo4 delivered annealed is another part."""
    path = variant(tmp_path, "steel.yaml", "    material: S355J2", f'    material: "{written}"')
    assert nl in offer(path, lang="nl")
    assert en in offer(path, lang="en")
    assert f"**Steunplaat** (4711-031)<br>lasersnijden, kanten · {nl}" in \
        offer(path, lang="nl", fmt="md")


# -- 10: a material we do not know, and the prices that stand ----------------------------

@pytest.mark.parametrize("lang, line, question, stands, wrong", [
    ("nl", "lasersnijden, kanten · Hardox 400 · 320 × 180 × 60 mm",
     "Hardox 400 hebben wij niet in onze lijst: welk materiaal mag het ook zijn? "
     "(onderdeel 4711-031)",
     "De prijs van Steunplaat volgt (zie hierboven); de prijzen van de andere onderdelen "
     "gelden zoals vermeld.", "Een prijs kunnen wij nog niet geven"),
    ("en", "laser cutting, press-brake bending · Hardox 400 · 320 × 180 × 60 mm",
     "Hardox 400 is not on our list: which other material would do? (part 4711-031)",
     "The price of Steunplaat follows (see above); the prices of the other parts stand "
     "as given.", "We cannot price this yet")])
def test_a_material_we_do_not_know_is_repeated_and_asked_about(tmp_path, lang, line,
                                                              question, stands, wrong):
    """She wrote Hardox 400: the part line dropped it, the offer asked "Materiaal" as if
    none was given, and said "we cannot give a price yet" under the prices of the two
    other parts. Now the material is named as written, the question says we do not have
    it and asks what else would do, and the other parts' prices are said to stand."""
    path = variant(tmp_path, "hardox.yaml", "    material: S355J2",
                   '    material: "Hardox 400"')
    for fmt in ("text", "md", "html"):
        text = flat(offer(path, "--quantities", "50,100,250", lang=lang, fmt=fmt))
        assert line in text, fmt
        assert question in text, fmt
        assert stands in text, fmt
        assert wrong not in text, fmt
    data = json.loads(offer(path, lang=lang, fmt="json"))
    assert data["questions"][0]["text"] == question
    assert [p["total_eur"] is None for p in data["parts"]] == [False, True, False]


def test_almgsi1_is_the_old_din_name_of_6082(tmp_path):
    """AlMgSi1 (DIN 1725-1, material number 3.2315) is EN AW-6082: validate asked
    "bedoelt u 'aluminium_6061'?", and the offer asked for the material."""
    path = variant(tmp_path, "almgsi1.yaml", "    material: S355J2", '    material: "AlMgSi1"')
    code, out, err = run_cli("validate", path, "--lang", "nl")
    assert code == 0 and "6061" not in out + err and "geldig" in err
    assert "lasersnijden, kanten · aluminium EN AW-6082 ·" in offer(path, lang="nl")
    assert "laser cutting, press-brake bending · aluminium EN AW-6082 ·" in offer(path,
                                                                                  lang="en")


# -- 17: small words a buyer would misread ----------------------------------------------

WORDS = {
    "nl": {"intro": "Wij kunnen de onderdelen maken zoals hieronder beschreven.",
           "intro_one": "Wij kunnen het maken zoals hieronder beschreven.",
           "as_is": "zonder nabehandeling: ontbraamd, verder zoals het van de machine komt "
                    "(een print: zonder steunmateriaal) (4711-020)",
           "copy": "  - een kopie van ons certificaat ISO 9001:2015",
           "supplier": "ISO 9001-gecertificeerde leverancier",
           "breaks": "Prijzen bij andere aantallen:", "unit": "Prijs per stuk",
           "late": "Levering 17 werkdagen tot de eerste levering (na de datum die u vroeg)"},
    "en": {"intro": "We can make the parts as described below.",
           "intro_one": "We can make it as described below.",
           "as_is": "no treatment: deburred, otherwise as it comes off the machine (a print: "
                    "with its supports removed) (4711-020)",
           "copy": "  - a copy of our ISO 9001:2015 certificate",
           "supplier": "ISO 9001 certified supplier",
           "breaks": "Prices at other quantities:", "unit": "Price per piece",
           "late": "Delivery 17 working days to the first delivery (after the date you "
                   "asked for)"},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_small_words_say_what_the_shop_means(tmp_path, lang):
    """"Wij kunnen het maken" for three parts; a turned bush "ontbraamd of zonder
    steunmateriaal" (as if it might come undeburred); "ISO 9001-gecertificeerde
    leverancier" among the documents delivered with the parts; "(per product)" above a
    column "Prijs per stuk"; "(de eerste levering) (na de datum die u vroeg)"."""
    w = WORDS[lang]
    three = offer(DATA / "zaaimachine.yaml", lang=lang)
    assert w["intro"] in three and w["as_is"] in three
    assert w["intro_one"] in offer(EXAMPLES / "requests" / "bracket-series.yaml", lang=lang)
    cert = offer(DATA / "zaai-cert.yaml", lang=lang)
    assert w["copy"] + "\n" in cert and w["supplier"] not in cert
    late = variant(tmp_path, "late.yaml", "penalty_clause: true", "penalty_clause: false",
                   source="bracket-boete.yaml")
    one = offer(late, "--quantities", "100,200", lang=lang)
    assert w["breaks"] + "\n" in one and f": {w['unit']} " in one
    breaks = one.split(w["breaks"])[1].split("\n\n")[0]
    assert w["late"] in breaks and ") (" not in breaks
    md = offer(late, "--quantities", "100,200", lang=lang, fmt="md")
    assert f"**{w['breaks']}**" in md and ") (" not in md.split(w["breaks"])[1].split("\n\n")[1]
    # a product of several parts: its break prices are per product, and say so
    assert "(per product):" in offer(DATA / "zaaimachine.yaml", "--quantities", "50,100",
                                     lang=lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_only_a_member_names_the_metaalunievoorwaarden(tmp_path, monkeypatch, lang):
    """The buyer's review: a shop that set no terms offered under the
    Metaalunievoorwaarden, which only members of Koninklijke Metaalunie may use. Without
    ``provider.conditions`` the offer now names the shop's own terms, sent on request,
    and nowhere the Metaalunie; a member sets ``conditions: metaalunie`` and the offer
    names them in full, in the offer's language."""
    request = DATA / "bracket-boete.yaml"
    for fmt in ("text", "md", "html"):
        assert "Metaalunie" not in offer(request, lang=lang, fmt=fmt), fmt
    config = tmp_path / "producibility.yaml"
    config.write_text(f"equipment: {EQUIPMENT}\nprovider:\n  conditions: Metaalunie\n",
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", request, "--audience", "customer", "--lang", lang)
    assert (code, err) == (0, "")
    said = {"nl": "  - Algemene voorwaarden: Metaalunievoorwaarden (de algemene "
                  "leveringsvoorwaarden van Koninklijke Metaalunie)",
            "en": "  - General terms: Metaalunievoorwaarden (the general terms of delivery "
                  "of Koninklijke Metaalunie)"}[lang]
    assert said in out
    assert "op verzoek" not in out and "on request" not in out
