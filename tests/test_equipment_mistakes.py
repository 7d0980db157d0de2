"""A first-time user's mistakes in an equipment file: one line per mistake, in the
user's language, with the fix (a job shop's first day, review 7)."""

import pytest

from conftest import EQUIPMENT, run_cli

TEXT = EQUIPMENT.read_text(encoding="utf-8")
HAAS_MATERIALS = ("materials: [aluminium_6082, aluminium_5754, aluminium_7075, steel_s235, "
                  "steel_s355, steel_c45, stainless_304, stainless_316, brass_cw614n, pom, pa6]")


def lines_of(tmp_path, text, lang="en"):
    path = tmp_path / "equipment.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("validate", "--equipment", path, "--lang", lang)
    found = [line for line in (out + err).splitlines()
             if line.split(": ", 1)[0].rsplit(":", 1)[-1].isdigit()]
    return code, found


@pytest.mark.parametrize("lang,hint", [
    ("en", "(write a list in square brackets: [aluminium_6082, aluminium_5754, aluminium_7075, ...])"),
    ("nl", "(schrijf een lijst tussen blokhaken: [aluminium_6082, aluminium_5754, aluminium_7075, ...])"),
])
def test_a_list_written_as_text_is_one_line_with_the_brackets_to_write(tmp_path, lang, hint):
    """``materials: aluminium_6082, ...`` said 'must be a list', then 'unknown material'
    for every letter of the text (42 lines)."""
    text = TEXT.replace(HAAS_MATERIALS, HAAS_MATERIALS.replace("[", "").replace("]", ""), 1)
    code, found = lines_of(tmp_path, text, lang)
    assert code == 1 and len(found) == 1, found
    assert found[0].endswith(hint), found


def test_units_in_a_list_of_sides_is_one_line(tmp_path):
    """``sheet_mm: [3000 mm, 1500 mm]`` gave three lines: each side, then the machine."""
    code, found = lines_of(tmp_path, TEXT.replace("sheet_mm: [3000, 1500]",
                                                  "sheet_mm: [3000 mm, 1500 mm]"))
    assert code == 1 and len(found) == 1, found
    assert "'3000 mm'" in found[0] and "without quotes or units" in found[0]


def test_a_dutch_decimal_comma_in_an_equipment_number_is_read(tmp_path):
    """``tolerance_mm: 0,01`` gave two lines (the schema's and the machine's); a request
    file reads 0,01, and so does the equipment file now, with the same reader."""
    text = TEXT.replace("tolerance_mm: 0.01", "tolerance_mm: 0,01", 1).replace(
        "rate_eur_h: 78", "rate_eur_h: '78,50'", 1)
    assert "0,01" in text
    code, found = lines_of(tmp_path, text)
    assert code == 0 and not found, found
    from producibility.model.equipment import load_equipment
    path = tmp_path / "equipment.yaml"
    machine = next(m for m in load_equipment(path).machines if m["id"] == "hermle-c250")
    assert machine["tolerance_mm"] == 0.01


def test_a_callers_dict_is_read_but_left_as_it_was():
    """The API reads a dict's '0,01' too, without writing 0.01 into the caller's dict
    (the numbers were read in place, in every load: also of a valid file)."""
    import copy
    import yaml
    from producibility.model.equipment import load_equipment
    document = yaml.safe_load(TEXT.replace("tolerance_mm: 0.01", "tolerance_mm: '0,01'", 1))
    before = copy.deepcopy(document)
    machine = next(m for m in load_equipment(document).machines if m["id"] == "hermle-c250")
    assert machine["tolerance_mm"] == 0.01
    assert document == before


def test_a_number_that_reads_two_ways_is_one_line_with_both(tmp_path):
    code, found = lines_of(tmp_path, TEXT.replace("tolerance_mm: 0.01", "tolerance_mm: '0,010'", 1)
                           .replace("sheet_mm: [3000, 1500]", "sheet_mm: ['3.000', 1500]"))
    assert code == 1 and len(found) == 1, found
    assert "'3.000' can mean 3000 or 3" in found[0]


@pytest.mark.parametrize("lang,said", [
    ("en", "the value of 'name:' has a colon in it (': '): put the value in quotes: "
           'name: "Haas VF-2: verticaal bewerkingscentrum"'),
    ("nl", "in de waarde van 'name:' staat een dubbele punt (': '): zet de waarde tussen "
           'aanhalingstekens: name: "Haas VF-2: verticaal bewerkingscentrum"'),
])
def test_a_colon_in_a_value_is_said_with_the_quotes_to_write(tmp_path, lang, said):
    """``name: Haas VF-2: verticaal ...`` under ``- id: haas-vf2`` read "'name:' is
    indented further than 'id:'", though it was lined up with it."""
    text = TEXT.replace('name: "Haas VF-2 3-assig verticaal bewerkingscentrum"',
                        "name: Haas VF-2: verticaal bewerkingscentrum", 1)
    assert "VF-2: verticaal" in text
    code, found = lines_of(tmp_path, text, lang)
    assert code == 1 and len(found) == 1, found
    assert found[0].endswith(said), found


def test_a_key_indented_under_a_list_items_key_is_still_said(tmp_path):
    text = TEXT.replace('    name: "Haas VF-2 3-assig',
                        '      name: "Haas VF-2 3-assig', 1)
    code, found = lines_of(tmp_path, text)
    assert code == 1 and found[0].endswith(
        "'name:' is indented further than 'id:' on the line above: line it up with it"), found


@pytest.mark.parametrize("lang,said", [
    ("en", "machine 'haas-vf2': missing required field 'rate_eur_h'"),
    ("nl", "machine 'haas-vf2': verplicht veld 'rate_eur_h' ontbreekt"),
])
def test_a_machine_is_named_by_its_id_not_its_place(tmp_path, lang, said):
    """A missing rate read 'machines[5]: missing required field'; the catalogue's own
    messages named the machine ('machine 'bystar-3015': sheet_mm ...'): now all do."""
    text = TEXT.replace("    rate_eur_h: 78\n", "", 1)
    code, found = lines_of(tmp_path, text, lang)
    assert code == 1 and len(found) == 1 and found[0].endswith(said), found
    code, found = lines_of(tmp_path, TEXT.replace("processes: [turning]", "processes: [draaibank]"))
    assert "machine 'haas-st20' processes: unknown process 'draaibank'" in found[0], found


def test_a_dutch_or_shortened_material_name_suggests_the_entries_it_names(tmp_path):
    """'aluminium' suggested only aluminium_7075, 'constructiestaal' (the catalogue's
    Dutch name of S235 and S355) nothing, and a request's 'staal' suggested 'pom'; a
    misnamed material also made its sheet thickness 'not in the machine's materials'."""
    text = TEXT.replace("materials: [steel_s235, steel_s355, stainless_304, stainless_316, "
                        "aluminium_5754]", "materials: [constructiestaal, aluminium]", 1)
    assert "constructiestaal" in text
    code, found = lines_of(tmp_path, text)
    assert code == 1 and len(found) == 2, found
    assert found[0].endswith("unknown material 'constructiestaal' (did you mean "
                             "'steel_s235' or 'steel_s355'?)"), found
    assert "unknown material 'aluminium' (did you mean one of 'aluminium_2007', " \
           "'aluminium_2011', 'aluminium_5083', 'aluminium_5754', 'aluminium_6061', " \
           "'aluminium_6082', 'aluminium_7075'?)" in found[1], found
    from producibility.model.catalogue import default_catalogue
    assert "steel_s235" in default_catalogue().suggest("materials", "staal")
    assert "pom" not in default_catalogue().suggest("materials", "staal")


def test_sizes_written_as_a_text_get_the_list_to_write(tmp_path):
    """``envelope_mm: 250 x 210 x 220`` (as a request file may say it) was told to write
    ``[250 x 210 x 220]``, itself no list; the hint is now the list of numbers."""
    line = next(l for l in TEXT.splitlines() if "envelope_mm: [" in l)
    sides = line.split("[", 1)[1].rstrip("]").split(", ")
    code, found = lines_of(tmp_path, TEXT.replace(line, line.split("[", 1)[0] + " x ".join(
        sides), 1))
    assert code == 1 and len(found) == 1, found
    assert found[0].endswith(f"(write a list in square brackets: [{', '.join(sides)}])"), found


@pytest.mark.parametrize("lang, hint", [
    ("en", "(write true or false without quotes: in quotes 'yes' is a text)"),
    ("nl", "(schrijf true of false zonder aanhalingstekens: tussen aanhalingstekens is 'yes' "
           "een tekst)")])
def test_a_quoted_yes_for_a_yes_or_no_field_says_what_to_write(tmp_path, lang, hint):
    """``unattended: 'yes'`` (a YAML writer quotes yes) read "must be yes or no
    (true/false), not the text 'yes'": a contradiction to the shop that wrote yes."""
    code, found = lines_of(tmp_path, TEXT.replace("    free_h_per_week: 16\n",
                                                  "    free_h_per_week: 16\n"
                                                  "    unattended: 'yes'\n", 1), lang)
    assert code == 1 and len(found) == 1, found
    assert found[0].endswith(hint), found


@pytest.mark.parametrize("lang, said", [
    ("en", ["unknown field 'live_toolng' (did you mean 'live_tooling'?)",
            "unknown field 'opmerking'"]),
    ("nl", ["onbekend veld 'live_toolng' (bedoelt u 'live_tooling'?)",
            "onbekend veld 'opmerking'"])])
def test_a_misspelt_yes_or_no_field_or_a_note_is_an_unknown_field(tmp_path, lang, said):
    """``live_toolng: true`` (a typo of the lathe's driven tools) read "live_toolng must be
    a text, or texts per language like {en: ..., nl: ...}", and a shop's own note
    (``opmerking: nieuw in 2024``, a text) that it must be a text: the schema's fallback
    for a value none of a limit's types fit.  The catalogue's check of a machine's field
    names says what is wrong, with the field it may have meant."""
    text = TEXT.replace("    free_h_per_week: 16\n",
                        "    free_h_per_week: 16\n    live_toolng: true\n"
                        "    opmerking: nieuw in 2024\n", 1)
    code, found = lines_of(tmp_path, text, lang)
    assert code == 1 and len(found) == 2, found
    assert [line.split(": ", 2)[-1] for line in found] == said, found
