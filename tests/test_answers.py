"""One answer parser for ask, validate, check and the API (issue 17, item 5).

A typed answer, a text in a request file and a value in an API dict are read by the
same code; validate and check agree on what is invalid and what is open.
"""

import json

import pytest
from click.testing import CliRunner

from conftest import EQUIPMENT, EXAMPLES, run_cli
from producibility import Screener
from producibility.intake import AnswerError, parse_answer, read_number, unanswered
from producibility.cli.intake import ask
from producibility.model.questionnaire import load_questionnaire

BRACKET = EXAMPLES / "requests" / "bracket-series.yaml"


@pytest.fixture(scope="module")
def faas():
    return load_questionnaire()


@pytest.mark.parametrize("text,lang,value", [
    ("1.000", "nl", 1000), ("1,000", "en", 1000), ("1.000.000", "nl", 1000000),
    ("1,000,000", "nl", 1000000), ("1.000,5", "nl", 1000.5), ("1,000.5", "en", 1000.5),
    ("12,5", "nl", 12.5), ("12,5", "en", 12.5), ("0,125", "nl", 0.125), ("0.125", "nl", 0.125),
    ("12 500", "nl", 12500), ("12\u00a0500", "en", 12500), ("200", "en", 200),
    ("-3,5", "nl", -3.5), ("2e3", "en", 2000.0), (",5", "nl", 0.5),
])
def test_numbers_dutch_and_english(text, lang, value):
    assert read_number(text, lang, convention=lang) == value


@pytest.mark.parametrize("text,lang", [("1,000", "nl"), ("1.000", "en"), ("1.000", None)])
def test_a_lone_separator_before_three_digits_against_the_convention_is_asked_back(text, lang):
    with pytest.raises(AnswerError, match="1000 or 1"):
        read_number(text, "en", convention=lang)


@pytest.mark.parametrize("text", ["1.00.0", "1,00,000", "1.000,000.5", "12..5", "abc", "1,2,3"])
def test_broken_numbers_are_refused(text):
    with pytest.raises(AnswerError):
        read_number(text, "en", convention="en")


def test_the_range_settles_an_ambiguous_number(faas):
    tolerance = faas.question("part", "tolerance_mm")
    assert parse_answer(tolerance, "2,125", "en") == 2.125  # 2125 mm is out of range
    assert parse_answer(tolerance, "2.125", "nl", typed=False) == 2.125
    volume = faas.question("request", "annual_volume")
    assert parse_answer(volume, "1.000 st/jaar", "nl") == 1000
    with pytest.raises(AnswerError, match="kan 1000 of 1 betekenen"):
        parse_answer(volume, "1.000", "nl", typed=False)  # a file has no convention


def test_ask_in_dutch_reads_1000_as_a_thousand(tmp_path, faas, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = []
    for question in faas.questions:  # answer only the annual volume; leave the rest open
        if question.scope == "part":
            break
        lines.append("1.000" if question.id == "annual_volume" else
                     ("-" if question.required else ""))
    result = CliRunner().invoke(ask, ["--lang", "nl", "-o", "a.yaml"],
                                input="\n".join(lines) + "\n")
    assert "annual_volume: 1000" in (tmp_path / "a.yaml").read_text(encoding="utf-8"), \
        result.output


@pytest.mark.parametrize("text", ["geen", "0", "[]", "none", "Geen"])
def test_none_answers_a_multiple_choice(faas, text):
    assert parse_answer(faas.question("request", "certificates_required"), text, "nl") == []


def test_none_is_no_answer_where_a_choice_is_needed(faas):
    with pytest.raises(AnswerError, match="at least 1"):
        parse_answer(faas.question("part", "processes"), "none", "en")


def request_text(**changes):
    text = BRACKET.read_text(encoding="utf-8")
    for key, value in changes.items():
        lines = text.splitlines()
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
        text = "\n".join(lines) + "\n"
    return text


def test_dutch_answers_in_a_file_read_like_typed_ones(tmp_path):
    iso = tmp_path / "iso.yaml"
    iso.write_text(request_text(), encoding="utf-8")
    dutch = tmp_path / "dutch.yaml"
    dutch.write_text(request_text(date="23-11-2026", wanted_date="29-01-2027",
                                  purpose="kleine serie", nda_required="ja",
                                  design_frozen="Yes", food_contact="nee",
                                  annual_volume="'800 st/jaar'"), encoding="utf-8")
    assert run_cli("validate", dutch, "--lang", "nl")[0] == 0
    screener = Screener(str(EQUIPMENT))
    a = screener.check(str(iso), probe=False).to_dict()
    b = screener.check(str(dutch), probe=False).to_dict()
    assert a["inputs"]["request"]["digest"] == b["inputs"]["request"]["digest"]
    assert a["findings"] == b["findings"]


def test_the_api_reads_answers_like_a_file(equipment, pack):
    from conftest import base_request
    from producibility import InputError
    request = base_request()
    request.update(date="23-11-2026", purpose="Prototype", quantity="1.000")
    with pytest.raises(InputError, match="quantity: '1.000' can mean 1000 or 1"):
        Screener(equipment, pack).check(request)
    request.update(quantity="10 pcs")
    report = Screener(equipment, pack).check(request, probe=False).to_dict()
    assert report["request"]["quantity"] == 10
    assert report["request"]["purpose"] == "prototype"
    assert report["inputs"]["as_of"] == "2026-11-23"


def test_an_empty_list_is_answered_for_validate_and_check(tmp_path, faas):
    path = tmp_path / "r.yaml"
    path.write_text(request_text(certificates_required="[]"), encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 0 and "certificates_required" not in out, out
    report = json.loads(run_cli("check", path, "--equipment", EQUIPMENT, "--format",
                                "json")[1])
    assert "certificates_required" not in {q["field"] for q in report["open_questions"]}
    assert not [q for q, _ in unanswered(faas, {"certificates_required": []})
                if q is not None and q.id == "certificates_required"]


@pytest.mark.parametrize("written", ["[geen]", "[none]", "[Geen]", "[]", "geen"])
def test_none_in_a_list_means_none_as_the_bare_word_does(tmp_path, faas, written):
    """``certificates_required: [geen]`` was 'geen' outside the catalogue, an open
    question; it is the empty list, as ``geen`` and ``[]`` are."""
    path = tmp_path / "r.yaml"
    path.write_text(request_text(certificates_required=written), encoding="utf-8")
    code, out, err = run_cli("validate", path, "--lang", "nl")
    assert code == 0 and "certificates_required" not in out + err, out + err
    assert "catalogus" not in out + err
    report = json.loads(run_cli("check", path, "--equipment", EQUIPMENT, "--format",
                                "json")[1])
    assert "certificates_required" not in {q["field"] for q in report["open_questions"]}


def test_none_in_a_list_is_refused_where_a_choice_is_needed(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(request_text().replace("processes: [milling_3axis]", "processes: [geen]"),
                    encoding="utf-8")
    code, out, _ = run_cli("validate", path, "--lang", "en")
    assert code == 1 and "processes: Choose at least 1; 'none' is not an answer here" in out


@pytest.mark.parametrize("changes,message", [
    ({"quantity": "'1.000'"}, "can mean 1000 or 1"),
    ({"wanted_date": "31-02-2027"}, "not a real date"),
    ({"nda_required": "misschien"}, "y or n"),
])
def test_check_refuses_what_validate_refuses(tmp_path, changes, message):
    path = tmp_path / "r.yaml"
    path.write_text(request_text(**changes), encoding="utf-8")
    v_code, v_out, _ = run_cli("validate", path)
    c_code, _, c_err = run_cli("check", path, "--equipment", EQUIPMENT)
    assert (v_code, c_code) == (1, 1)
    assert message in v_out and message in c_err
    first = [line for line in v_out.splitlines() if message in line][0]
    assert f"Error: {first}" in c_err.splitlines()


def test_no_processes_is_refused_by_both(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(request_text().replace("processes: [milling_3axis]", "processes: []"),
                    encoding="utf-8")
    assert run_cli("validate", path)[0] == 1
    assert run_cli("check", path, "--equipment", EQUIPMENT)[0] == 1


def test_ask_asks_back_when_a_number_can_be_read_two_ways(tmp_path, faas, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = []
    for question in faas.questions:
        if question.scope == "part":
            break
        if question.id == "annual_volume":
            lines += ["1,000", "1000"]  # ambiguous in Dutch: asked again
        else:
            lines.append("-" if question.required else "")
    result = CliRunner().invoke(ask, ["--lang", "nl", "-o", "a.yaml"],
                                input="\n".join(lines) + "\n")
    assert "'1,000' kan 1000 of 1 betekenen; schrijf 1000 of 1" in result.output
    assert "annual_volume: 1000" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def test_ask_takes_none_for_the_certificates(tmp_path, faas, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = []
    for question in faas.questions:
        if question.scope == "part":
            break
        lines.append("geen" if question.id == "certificates_required" else
                     ("-" if question.required else ""))
    result = CliRunner().invoke(ask, ["--lang", "nl", "-o", "a.yaml"],
                                input="\n".join(lines) + "\n")
    assert "certificates_required: []" in (tmp_path / "a.yaml").read_text(encoding="utf-8"), \
        result.output


@pytest.mark.parametrize("value,lang,shown", [
    (12.5, "nl", "12,5"), (12.5, "en", "12.5"), (1000000, "nl", "1000000"),
    (0.001, "nl", "0,001"), (2.0, "nl", "2"), (-3.25, "nl", "-3,25"), (1e-7, "en", "0.0000001"),
])
def test_a_number_is_shown_as_it_is_typed_back(value, lang, shown):
    from producibility.intake.answers import show_number
    assert show_number(value, lang) == shown
    assert read_number(shown, lang, convention=lang) == value


def test_yes_and_no_in_messages_come_from_the_locale_files():
    from producibility.conditions.expressions import Template
    message = Template("{{ request.nda_required }} / {{ request.tolerance }}")
    context = {"request": {"nda_required": True, "tolerance": 0.05}}
    assert message.render(context, "nl") == "ja / 0,05"
    assert message.render(context, "en") == "yes / 0.05"


@pytest.mark.parametrize("text,choice", [("h6", "h6"), ("H6", "H6"), ("h11", "h11"),
                                         ("H11", "H11"), ("js6", "js6")])
def test_a_choice_is_matched_as_written_where_case_tells_choices_apart(faas, text, choice):
    """``iso_fit: h6`` (a shaft) was read as H6 (a hole), the first choice alike but for
    case; an exact match wins, and where case tells choices apart it is not folded."""
    question = faas.question("part", "iso_fit")
    assert parse_answer(question, text, "en", typed=False) == choice


def test_a_fit_that_is_no_choice_is_not_folded_into_one(faas):
    with pytest.raises(AnswerError):  # H5 is no hole fit we list: not the shaft's h5
        parse_answer(faas.question("part", "iso_fit"), "H5", "en", typed=False)
    # case is still folded where it tells no choices apart
    assert parse_answer(faas.question("request", "purpose"), "Prototype", "en") == "prototype"


def test_a_shaft_fit_in_a_file_stays_a_shaft_fit(equipment, pack):
    from conftest import base_request
    request = base_request(part={"iso_fit": "h6", "fit_size_mm": 35, "tolerance_mm": None})
    report = Screener(equipment, pack).check(request, probe=False).to_dict()
    assert "h6" in json.dumps(report) and "Ø35 H6" not in json.dumps(report)


def test_choices_written_as_one_text_are_judged_as_the_list_they_are(tmp_path):
    """``certificates_required: material_3_1, iets`` said 'must be a list'; it is read as
    ``[material_3_1, iets]`` is: one answer outside the catalogue, an open question."""
    listed, text = tmp_path / "listed.yaml", tmp_path / "text.yaml"
    listed.write_text(request_text(certificates_required="[material_3_1, iets]"), "utf-8")
    text.write_text(request_text(certificates_required="material_3_1, iets"), "utf-8")
    said = [run_cli("validate", p, "--lang", "en")[1].replace(p.name, "r") for p in (listed, text)]
    assert said[0] == said[1] and "'iets' is not in the catalogue" in said[1], said


@pytest.mark.parametrize("field,text,value", [
    ("weight_kg", "45 gram", 0.045), ("weight_kg", "45 g", 0.045),
    ("weight_kg", "0,3 t", 300.0), ("weight_kg", "1,2 kg", 1.2),
    ("size_mm", "12 x 4 x 3 cm", [120.0, 40.0, 30.0]),
    ("size_mm", "1,2 x 0,4 x 0,3 m", [1200.0, 400.0, 300.0]),
    ("size_mm", "120 x 40 x 30 mm", [120, 40, 30]),
    ("diameter_mm", "4 cm", 40.0), ("diameter_mm", "35 mm", 35),
])
def test_a_size_or_weight_in_another_unit_is_read_in_the_question_s(faas, field, text, value):
    """A customer wrote "45 gram" and "12 x 4 x 3 cm" and read "is not a number" where
    "0,3 mm" and "2 stuks" were read: the SI's other units of a length or a mass are
    read in the question's unit."""
    assert parse_answer(faas.question("part", field), text, "nl", typed=False) == value


def test_a_unit_of_another_kind_is_still_refused(faas):
    with pytest.raises(AnswerError):
        parse_answer(faas.question("part", "weight_kg"), "45 mm", "nl", typed=False)


@pytest.mark.parametrize("written,choice", [
    ("H111", "o_h111"), ("h111", "o_h111"), ("O", "o_h111"), ("H22", "h22_h32"),
    ("H32", "h22_h32"), ("h321", "h22_h32"), ("H24", "h24_h34"), ("H34", "h24_h34"),
    ("T4", "t4"), ("T6", "t6"), ("T651", "t651"), ("O/H111 (soft; any alloy)", "o_h111")])
def test_a_temper_written_as_on_a_drawing_is_its_choice(tmp_path, written, choice):
    """'EN AW-5754 H111' on a drawing, and `temper: H111` in the request: refused
    ("not one of: o_h111, ...") where the questionnaire's choice is O/H111. The EN 515
    designations each choice names are read as it (choice_aliases), as the same answer
    (no assumption to confirm: H111 is that choice, not a neighbour read as it)."""
    material = "aluminium_5754" if choice[0] in "oh" else "aluminium_6082"
    path = tmp_path / "r.yaml"
    path.write_text(request_text().replace("material: aluminium_6082", f"material: {material}")
                    .replace("temper: t651", f"temper: '{written}'"), encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 0, out + err
    report = Screener(str(EQUIPMENT)).check(str(path), probe=False).to_dict()
    written_as = {a.get("field") for a in report.get("assumed") or () if isinstance(a, dict)}
    assert "temper" not in written_as
    same = tmp_path / "same.yaml"
    same.write_text(path.read_text(encoding="utf-8").replace(f"temper: '{written}'",
                                                             f"temper: {choice}"),
                    encoding="utf-8")
    assert Screener(str(EQUIPMENT)).check(str(same), probe=False).to_dict()["inputs"][
        "request"]["digest"] == report["inputs"]["request"]["digest"]


def test_a_typed_temper_is_read_as_the_drawing_writes_it(faas):
    """Typed at `ask` (the same parser): H32 is the quarter-hard choice, o the soft one;
    a temper no choice names (H116) is still refused."""
    assert parse_answer(faas.question("part", "temper"), "H32", "nl") == "h22_h32"
    assert parse_answer(faas.question("part", "temper"), "o", "en") == "o_h111"
    with pytest.raises(AnswerError):
        parse_answer(faas.question("part", "temper"), "H116", "en")


@pytest.mark.parametrize("aliases,message", [
    ("{o_h111: [O], h22_h32: [o]}", "'o' in choice_aliases is already the choice 'o_h111'"),
    ("{o_h111: [t6]}", "'t6' in choice_aliases is already the choice 't6'"),
    ("{h99: [H99]}", "choice_aliases names 'h99', which is not one of its choices")])
def test_a_name_given_to_two_choices_is_refused_at_its_line(tmp_path, aliases, message):
    """A questionnaire whose aliases would read one text as two choices is refused, with
    file:line, before any request is read."""
    from conftest import ROOT
    text = (ROOT / "questionnaires" / "faas.yaml").read_text(encoding="utf-8")
    start = text.index("        choice_aliases:\n")
    end = text.index("        choice_text:\n", start)
    broken = tmp_path / "q.yaml"
    broken.write_text(text[:start] + f"        choice_aliases: {aliases}\n" + text[end:],
                      encoding="utf-8")
    line = text[:start].count("\n") + 1
    code, out, err = run_cli("validate", BRACKET, "--questionnaire", broken)
    assert code != 0 and "Traceback" not in err
    assert message in err, err
    assert f"q.yaml:{line}: question 'temper': " in err


@pytest.mark.parametrize("written,material,temper", [
    ("EN AW-6082 T6", "aluminium_6082", "t6"), ("EN AW-6082-T651", "aluminium_6082", "t651"),
    ("6082T651", "aluminium_6082", "t651"), ("6082-T6", "aluminium_6082", "t6"),
    ("EN AW-5754 H111", "aluminium_5754", "o_h111"), ("5754-H111", "aluminium_5754", "o_h111"),
    ("AlMg3 H32", "aluminium_5754", "h22_h32"), ("en aw 5754 o", "aluminium_5754", "o_h111")])
def test_a_material_written_with_its_temper_is_both_answers(tmp_path, written, material,
                                                           temper):
    """A drawing writes the temper after the alloy (EN 515 after EN 573-3). "EN AW-6082
    T6" was no material of the catalogue: the report CONDITIONAL, the material an open
    question, its price left out; "6082-T6", an alias, gave the material and lost the
    temper (MAT-012: "without a temper"). The questionnaire's temper is `written_after`
    the material: both answers are read from it, as if given apart."""
    path = tmp_path / "r.yaml"
    path.write_text(request_text().replace("material: aluminium_6082", f"material: {written}")
                    .replace("    temper: t651\n", ""), encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 0, out + err
    apart = tmp_path / "apart.yaml"
    apart.write_text(request_text().replace("material: aluminium_6082", f"material: {material}")
                     .replace("temper: t651", f"temper: {temper}"), encoding="utf-8")
    together = Screener(str(EQUIPMENT)).check(str(path), probe=False).to_dict()
    given = Screener(str(EQUIPMENT)).check(str(apart), probe=False).to_dict()
    assert together["inputs"]["request"]["digest"] == given["inputs"]["request"]["digest"]
    assert together["verdict"] == given["verdict"]
    assert "material" not in [q["field"] for q in together["open_questions"]]
    assert "MAT-012" not in {f["rule"] for f in together["findings"]}


@pytest.mark.parametrize("written,extra,said", [
    # the temper answered apart says otherwise: which is it?
    ("EN AW-6082 T6", "    temper: O\n",
     "the material 'EN AW-6082 T6' says T6, but temper is answered 'O': which is it?"),
    # a T temper written after an alloy that is not heat-treatable: refused as given apart
    ("5754-T6", "", "aluminium EN AW-5754 is not heat-treatable, so it has no T temper")])
def test_a_material_whose_temper_cannot_be_is_one_line(tmp_path, written, extra, said):
    path = tmp_path / "r.yaml"
    path.write_text(request_text().replace("material: aluminium_6082", f"material: {written}")
                    .replace("    temper: t651\n", extra), encoding="utf-8")
    for command in (("validate", path), ("check", path, "--equipment", EQUIPMENT)):
        code, out, err = run_cli(*command)
        assert code == 1 and "Traceback" not in err, err
        assert said in out + err and "r.yaml:" in out + err


@pytest.mark.parametrize("written", ["EN AW-6082-T6511", "S235JR", "'1.4404'", "PA12"])
def test_what_is_no_material_and_temper_stays_as_it_was(tmp_path, written):
    """A temper no choice names (T6511), and materials that end in letters and digits of
    their own (S235JR, PA12): read as before, nothing taken off."""
    from producibility.model.request import read_request
    path = tmp_path / "r.yaml"
    path.write_text(request_text().replace("material: aluminium_6082", f"material: {written}")
                    .replace("    temper: t651\n", ""), encoding="utf-8")
    part = read_request(str(path))["parts"][0]
    assert "temper" not in part


def test_a_written_after_that_names_no_catalogue_question_is_refused(tmp_path):
    from conftest import ROOT
    text = (ROOT / "questionnaires" / "faas.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "q.yaml"
    broken.write_text(text.replace("written_after: material", "written_after: weight_kg"),
                      encoding="utf-8")
    code, out, err = run_cli("validate", BRACKET, "--questionnaire", broken)
    assert code != 0 and "Traceback" not in err
    assert "question 'temper': written_after names 'weight_kg'" in err, err
    assert "q.yaml:" in err


def test_a_request_needed_yesterday_is_screened_not_refused(tmp_path):
    """A wanted date before the request date was an input error (exit 1), so a planner
    got no earliest date for a "needed yesterday" request. Now it is screened as an
    --as-of after the wanted date always was: the earliest date, and the LEAD-TIME
    finding says the date had gone when the request came in and what to ask; validate
    notes it at its line; the interview still warns while answering."""
    path = tmp_path / "r.yaml"
    path.write_text(request_text(wanted_date="2026-11-20"), encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 0 and f"{path}:" in out and "note: the wanted delivery date " \
        "2026-11-20 is before the request date 2026-11-23: check screens it all the " \
        "same, with the earliest date and the date already missed (LEAD-TIME)" in out
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    lead = report["lead_time"]
    assert lead["earliest_date"] > "2026-11-23" and lead["meets_wanted_date"] is False
    (finding,) = [f for f in report["findings"] if f["rule"] == "LEAD-TIME"]
    assert "The wanted date is before the request's date (2026-11-23): it had gone when " \
        "the request came in; ask the customer which date still helps." in finding["message"]
    code, out, _ = run_cli("check", path, "--equipment", EQUIPMENT, "--lang", "nl")
    assert code == 0 and "De gewenste datum ligt vóór de datum van de aanvraag " \
        "(23-11-2026): die was al voorbij" in out
