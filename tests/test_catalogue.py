"""The shop as data: catalogues, capabilities as declarations, provider packs, the
equipment check, partners for outside work and the second example shop."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from producibility import Screener, load_equipment, load_packs
from producibility.model.catalogue import default_catalogue
from producibility.cli import cli
from producibility.errors import InputError
from producibility.engine.fit import essential_fields
from producibility.model.questionnaire import load_questionnaire

ROOT = Path(__file__).resolve().parent.parent
EQUIPMENT = ROOT / "examples" / "equipment.yaml"
SHOP = ROOT / "examples" / "precision-shop"

REQUEST = {
    "id": "Q-1", "purpose": "prototype", "quantity": 5, "date": "2026-11-23",
    "wanted_date": "2027-01-15", "drawing_with_tolerances": True, "model_3d": True,
    "prototype_built": True, "certificates_required": [], "safety_critical": False,
    "parts": [{"id": "P1", "processes": ["milling_3axis"], "material": "aluminium_6082",
               "size_mm": [120, 60, 20], "tolerance_mm": 0.1}],
}


def request(**part):
    out = json.loads(json.dumps(REQUEST))
    out["parts"][0].update(part)
    return out


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(fn, *args, **kw):
    with pytest.raises(InputError) as info:
        fn(*args, **kw)
    return str(info.value)


# ---- the catalogues
@pytest.mark.parametrize("name", ["1.4404", "316L", "X2CrNiMo17-12-2", "AISI 316L", "rvs 316l"])
def test_one_material_has_many_names(name):
    assert default_catalogue().resolve("materials", name) == "stainless_316"


@pytest.mark.parametrize("name, material", [
    ("RVS 316", "stainless_316"), ("rvs316", "stainless_316"), ("AISI 316", "stainless_316"),
    ("RVS 1.4404", "stainless_316"), ("RVS 304", "stainless_304"),
    ("RVS 1.4301", "stainless_304"), ("RVS 303", "stainless_303"),
    ("RVS 17-4PH", "stainless_17_4ph")])
def test_the_dutch_names_of_stainless_are_aliases(name, material):
    # a Dutch customer writes "RVS 316" for what the catalogue calls stainless_316
    assert default_catalogue().resolve("materials", name) == material


def test_a_name_cut_short_suggests_the_entries_it_starts():
    catalogue = default_catalogue()
    held = set(catalogue.held_certifications())
    # 'en1090' reads closest to as9100's alias 'en9100'; it starts every EN 1090 entry
    assert str(catalogue.suggest("certifications", "en1090", held)) == \
        " (did you mean one of 'en_1090_2', 'en_1090_3', 'en_1090_exc1', 'en_1090_exc2'," \
        " 'en_1090_exc3', 'en_1090_exc4'?)"
    assert str(catalogue.suggest("certifications", "iso 3834-", held)) == \
        " (did you mean 'iso_3834_2' or 'iso_3834_3'?)"
    assert str(catalogue.suggest("materials", "stainless_17")) == \
        " (did you mean 'stainless_17_4ph'?)"


def test_a_pack_that_wraps_its_catalogue_is_told_where_the_entries_go(tmp_path):
    pack = write(tmp_path / "pack.yaml", "catalogue:\n  processes:\n    - id: deburring\n")
    result = CliRunner().invoke(cli, ["rules", "lint", str(pack)])
    assert result.exit_code == 1
    assert "unknown field 'catalogue' (put 'processes:' at the top level of the file, " \
        "not under 'catalogue:')" in result.output
    pack = write(tmp_path / "pack.yaml", "catalogue: [x]\n")
    result = CliRunner().invoke(cli, ["rules", "lint", "--lang", "nl", str(pack)])
    assert "onbekend veld 'catalogue' (zet 'processes:', 'materials:', 'certifications:', " \
        "'treatments:' op het hoogste niveau van het bestand, niet onder 'catalogue:')" \
        in result.output


def test_a_key_of_the_level_below_is_told_where_it_goes(tmp_path):
    """A provider's first pack puts id: and version: beside rules:, not under pack:; an
    equipment file its name: beside machines:. It read only "unknown field 'id'"."""
    pack = write(tmp_path / "pack.yaml", "id: own-shop\nversion: '1.0'\nrules: []\n")
    result = CliRunner().invoke(cli, ["rules", "lint", str(pack)])
    assert result.exit_code == 1
    assert "pack.yaml:1:1: E110 unknown field 'id' (it goes under 'pack:', indented: " \
        "'pack:' then '  id: ...')" in result.output
    result = CliRunner().invoke(cli, ["rules", "lint", "--lang", "nl", str(pack)])
    assert "onbekend veld 'id' (dat hoort onder 'pack:'" in result.output
    equipment = write(tmp_path / "equipment.yaml", "name: Shop\nmachines: []\n")
    result = CliRunner().invoke(cli, ["validate", "--equipment", str(equipment)])
    assert result.exit_code == 1
    assert "unknown field 'name' (it goes under 'provider:'" in result.output


def test_every_entry_is_bilingual_and_every_material_is_priced_with_a_source():
    catalogue = default_catalogue()
    for kind in ("processes", "materials", "certifications", "treatments"):
        for entry_id, entry in catalogue.entries[kind].items():
            assert entry["name"].get("en") and entry["name"].get("nl"), entry_id
    for entry_id, material in catalogue.entries["materials"].items():
        assert material["family"] and material["density_kg_m3"] > 0, entry_id
        assert material["price"]["source"] and material["price"]["date"], entry_id
        assert "lead_time_days" in material and "speed_factor" in material, entry_id
    for entry_id, process in catalogue.entries["processes"].items():
        assert process["kind"] and process.get("run_time", {}).get("model"), entry_id


def test_the_vocabulary_is_open_beyond_the_first_nine_and_twenty():
    q = load_questionnaire()
    processes = q.question("part", "processes").choices
    materials = q.question("part", "material").choices
    for process in ("wire_edm", "sinker_edm", "surface_grinding", "cylindrical_grinding",
                    "waterjet_cutting", "sawing", "punching", "sls", "mjf", "metal_lpbf",
                    "injection_moulding"):
        assert process in processes
    for material in ("aluminium_6061", "stainless_303", "steel_42crmo4", "copper_cw004a",
                     "inconel_718", "peek"):
        assert material in materials
    # the first choices keep their order: probes and reports of old requests stay the same
    assert processes[:3] == ("milling_3axis", "milling_5axis", "turning")
    assert materials[:2] == ("aluminium_6082", "aluminium_5754")


def test_intake_and_fit_needs_come_from_the_process_declarations():
    from producibility.intake import process_needs

    assert essential_fields("turning") == ("material", "diameter_mm", "length_mm")
    assert essential_fields("cylindrical_grinding") == ("material", "diameter_mm", "length_mm")
    assert essential_fields("waterjet_cutting") == ("material", "size_mm", "thickness_mm")
    needs = process_needs(load_questionnaire())
    assert needs["turning"] == ("diameter_mm", "length_mm")
    # intake asks what the fit needs, the material aside (a question of its own)
    assert needs["punching"] == ("size_mm", "thickness_mm")
    assert needs["milling_3axis"] == ("size_mm",)


# ---- capabilities as declarations: one catalogue entry and one machine field
WEIGHT_PACK = """\
processes:
  - id: milling_3axis
    override: true
    name: {en: 3-axis milling, nl: 3-assig frezen}
    kind: prismatic
    checks:
      - {kind: envelope, part: size_mm, machine: envelope_mm, unit: mm,
         label: {en: [part length, part width, part height], nl: [lengte, breedte, hoogte]}}
      - {kind: max, part: weight_kg, machine: max_part_kg, unit: kg, if_missing: skip,
         machine_optional: true, label: {en: part weight, nl: gewicht onderdeel}}
      - {kind: capability, part: tolerance_mm, machine: tolerance_mm, unit: mm,
         label: {en: "tolerance ±", nl: "tolerantie ±"}}
    run_time: {model: material_removal}
"""


def test_maximum_part_weight_is_one_catalogue_entry_and_one_machine_field(tmp_path):
    pack = write(tmp_path / "weight.yaml", WEIGHT_PACK)
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "    envelope_mm: [762, 406, 508]\n",
        "    envelope_mm: [762, 406, 508]\n    max_part_kg: 300\n", 1)
    equipment = write(tmp_path / "equipment.yaml", text)
    screener = Screener(str(equipment), [str(pack)])
    data = screener.check(request(weight_kg=400)).to_dict()
    rejected = {r["machine"]: r["reasons"] for a in data["assignments"] for r in a["rejected"]}
    assert rejected["haas-vf2"] == ["part weight 400 kg > 300 kg"]
    assert data["assignments"][0]["machine"] != "haas-vf2"
    nl = screener.check(request(weight_kg=400), lang="nl").to_dict()
    assert any("gewicht onderdeel 400 kg > 300 kg" in r["reasons"] for a in nl["assignments"]
               for r in a["rejected"])
    # the open-question probes try the new limit from either side
    assert {299.0, 301.0} <= {round(v, 1) for v in screener.thresholds[("part", "weight_kg")]
                             for v in (v - 1, v + 1)}
    # a machine without the field is not checked (machine_optional), the part without a
    # weight is not asked for it (if_missing: skip)
    assert screener.check(request()).verdict != "no_fit"


@pytest.mark.parametrize("shop", ["default", "precision-shop", "weight"])
def test_the_probed_limits_worked_out_per_field_are_those_of_every_field(shop, tmp_path):
    """Screener.thresholds works a field's limits out when it is first asked for: the
    same list as machine_limits over every rule's thresholds, for every field (and
    none for a field nothing compares)."""
    from producibility.report.probing import machine_limits, thresholds

    if shop == "precision-shop":
        screener = Screener(str(SHOP / "equipment.yaml"), [str(SHOP / "rules")])
    elif shop == "weight":
        # a rule compares the weight with a machine's limit too (300.0 and 300: once)
        pack = write(tmp_path / "weight.yaml", WEIGHT_PACK + (
            "rules:\n  - id: OWN-1\n    thread: design\n    title: t\n    scope: part\n"
            "    when: part.weight_kg > 300.0 and part.quantity > 1\n    then: {mrl_cap: 1}\n"
            "    message: m\n"))
        text = EQUIPMENT.read_text(encoding="utf-8").replace(
            "    envelope_mm: [762, 406, 508]\n",
            "    envelope_mm: [762, 406, 508]\n    max_part_kg: 300\n", 1)
        screener = Screener(str(write(tmp_path / "equipment.yaml", text)), [str(pack)])
        assert screener.thresholds[("part", "weight_kg")].count(300) == 1
    else:
        screener = Screener(str(EQUIPMENT))
    every = machine_limits(screener.pack.catalogue, screener.equipment,
                           thresholds(screener.pack))
    assert len(every) > 20
    lazy = screener.thresholds
    for key in sorted(every, reverse=True):
        assert lazy.get(key) == every[key] == lazy[key], key
        assert [type(v) for v in lazy[key]] == [type(v) for v in every[key]], key
    assert lazy.get(("part", "no_such_field"), []) == []
    with pytest.raises(KeyError):
        lazy[("part", "no_such_field")]


def test_a_soft_limit_is_effort_not_a_rejection():
    screener = Screener(str(EQUIPMENT))
    frame = request(processes=["welding"], material="steel_s235", size_mm=[2600, 800, 400],
                    tolerance_mm=2)
    data = screener.check(frame).to_dict()
    entry = data["assignments"][0]
    assert entry["machine"] == "lascel-fronius-siegmund"
    assert "part length 2600 mm > 2400 mm: possible with extra effort" in entry["marginal"]
    assert data["verdict"] != "no_fit"


def test_finishing_later_in_the_route_takes_over_the_tolerance(tmp_path):
    screener = Screener(str(SHOP / "equipment.yaml"), [str(SHOP / "rules")])
    shaft = request(processes=["turning", "cylindrical_grinding"], material="steel_42crmo4",
                    diameter_mm=16, length_mm=180, tolerance_mm=0.003, roughness_ra_um=0.2)
    del shaft["parts"][0]["size_mm"]
    data = screener.check(shaft).to_dict()
    turning, grinding = data["assignments"]
    assert turning["machine"] == "citizen-l20"
    assert grinding["machine"] is None and grinding["partner"]["id"] == "rondslijperij-veldhoven"
    # without the grinding in the request, the fit routes the finish to it
    # (finished_by; tests/test_routing.py) rather than hold the lathe to it
    shaft["parts"][0]["processes"] = ["turning"]
    routed = screener.check(shaft).to_dict()
    assert "FIT-ROUTED" in {f["rule"] for f in routed["findings"]}
    assert [a["process"] for a in routed["assignments"]] == ["turning", "cylindrical_grinding"]


# ---- provider packs extend and override the catalogue
OWN_MATERIAL = """\
materials:
  - id: hardox_450
    name: {en: wear plate Hardox 450, nl: slijtplaat Hardox 450}
    aliases: [Hardox 450, HB450]
    family: steel
    density_kg_m3: 7850
    price: {eur_kg: 3.2, source: "Our supplier's list, 2025", date: 2025-10}
"""


def test_a_shops_own_material_is_a_choice_in_the_request_schema_and_ask(tmp_path):
    pack = write(tmp_path / "own.yaml", OWN_MATERIAL)
    packs = load_packs([str(pack)])
    q = load_questionnaire().with_catalogue(packs.catalogue)
    assert "hardox_450" in q.question("part", "material").choices
    assert q.question("part", "material").choice_text["hardox_450"]["nl"] == \
        "slijtplaat Hardox 450"
    assert "hardox_450" in json.dumps(q.request_schema)
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "materials: [steel_s235, steel_s355, stainless_304, stainless_316, aluminium_5754, "
        "aluminium_6082, brass_cw614n]",
        "materials: [steel_s235, steel_s355, stainless_304, stainless_316, aluminium_5754, "
        "aluminium_6082, brass_cw614n, HB450]", 1).replace(
        "brass_cw614n: 6}", "brass_cw614n: 6, hardox_450: 12}", 1)
    equipment = write(tmp_path / "equipment.yaml", text)
    screener = Screener(str(equipment), packs)
    plate = request(processes=["laser_cutting"], material="Hardox 450", thickness_mm=8,
                    size_mm=[400, 300, 8], tolerance_mm=0.2)
    data = screener.check(plate).to_dict()
    assert data["assignments"][0]["machine"] == "trumpf-trulaser-1030"
    # ask, validate and the form read the packs the project config names
    from producibility.cli.intake import questionnaire_for
    from producibility.project import Settings

    (tmp_path / "producibility.yaml").write_text(f"equipment: {equipment}\nrules: [{pack}]\n")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        asked = questionnaire_for(Settings.read(), None)
    finally:
        os.chdir(cwd)
    assert "hardox_450" in asked.question("part", "material").choices


@pytest.mark.parametrize("text, expected", [
    ("materials:\n  - id: stainless_3166\n    override: true\n    name: x\n    family: steel\n"
     "    density_kg_m3: 8000\n",
     "material stainless_3166 says override: true, but no earlier pack defines it (did you mean "
     "'stainless_316'?)"),
    ("materials:\n  - id: stainless_316\n    name: x\n    family: steel\n    density_kg_m3: 8000\n",
     "material stainless_316 is already defined at"),
    ("processes:\n  - id: deburring\n    name: ontbramen\n    kind: finishing\n    checks:\n"
     "      - {kind: max, part: weigth_kg, machine: max_part_kg, label: {en: weight}}\n",
     "own.yaml:6: process deburring: check reads part.weigth_kg, which no part question asks "
     "(did you mean 'weight_kg'?)"),
    ("materials:\n  - id: brass_2\n    name: x\n    aliases: [CW614N]\n    family: copper_alloy\n"
     "    density_kg_m3: 8500\n",
     "material brass_2: the name 'CW614N' also names brass_cw614n"),
    ("materials:\n  - id: lead\n    name: x\n    family: lead\n    density_kg_m3: 113400\n",
     "own.yaml:5: materials[0].density_kg_m3 must be <= 25000"),
])
def test_catalogue_mistakes_are_file_line_errors(tmp_path, text, expected):
    pack = write(tmp_path / "own.yaml", text)
    assert expected in errors_of(load_packs, [str(pack)])


def test_a_copy_of_the_default_pack_screens_as_the_default_and_an_edit_is_named(tmp_path):
    """A shop copies the shipped pack to make its own and runs it alone
    (--no-default-rules): its catalogue defines again what the shop's vocabulary
    already holds.  The same definition is no conflict; a changed one without
    override: true is one error naming it."""
    import shutil
    copy = tmp_path / "own-rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", copy)
    own = load_packs([str(copy)], include_default=False)
    shipped = load_packs()
    assert [r.id for r in own.rules] == [r.id for r in shipped.rules]
    assert own.catalogue.digest == shipped.catalogue.digest
    materials = copy / "catalogue" / "materials.yaml"
    text = materials.read_text(encoding="utf-8")
    materials.write_text(text.replace("density_kg_m3: 2700", "density_kg_m3: 2710", 1),
                         encoding="utf-8")
    problems = errors_of(load_packs, [str(copy)], include_default=False)
    assert problems.count("is already defined at") == 1, problems
    assert "material aluminium_6082 is already defined at" in problems


def test_rules_lint_reports_catalogue_mistakes(tmp_path):
    pack = write(tmp_path / "own.yaml", "materials:\n  - id: stainless_3166\n    override: true\n"
                 "    name: x\n    family: steel\n    density_kg_m3: 8000\n")
    result = CliRunner().invoke(cli, ["rules", "lint", str(pack)])
    assert result.exit_code == 1
    assert "own.yaml:2" in result.output and "stainless_316" in result.output


# ---- an answer outside the catalogue stays an open question
def test_an_answer_outside_the_catalogue_is_kept_as_an_open_question():
    screener = Screener(str(EQUIPMENT))
    data = screener.check(request(material="unobtainium")).to_dict()
    assert data["verdict"] == "conditional"
    entry = next(q for q in data["open_questions"] if q["field"] == "material")
    assert entry["given"] == ["unobtainium"] and entry["decisive"]
    data = screener.check(request(processes=["plasma_cutting"])).to_dict()
    entry = next(q for q in data["open_questions"] if q["field"] == "processes")
    assert entry["given"] == ["plasma_cutting"]


def test_an_alias_answer_screens_as_the_catalogue_id():
    screener = Screener(str(EQUIPMENT))
    a = screener.check(request(material="stainless_316", processes=["milling_3axis"])).to_dict()
    b = screener.check(request(material="1.4404", processes=["frezen"])).to_dict()
    assert a["verdict"] == b["verdict"] and a["assignments"] == b["assignments"]


def test_check_exits_0_for_an_unknown_material(tmp_path):
    path = write(tmp_path / "r.yaml", "id: X\npurpose: prototype\nquantity: 1\nparts:\n"
                 "  - id: P\n    processes: [milling_3axis]\n    material: mithril\n"
                 "    size_mm: [10, 10, 10]\n    tolerance_mm: 0.1\n")
    result = CliRunner().invoke(cli, ["check", str(path), "--equipment", str(EQUIPMENT)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert "r.yaml:7: note: material 'mithril' is not in the catalogue" \
        in result.output


def test_an_unlisted_answer_is_noted_in_the_users_language(tmp_path):
    """The Dutch note read "let op: material 'CW6l4N' staat niet in de catalogus (did you
    mean 'brass_cw614n'?)": the field's id and an English hint in a Dutch line."""
    path = write(tmp_path / "r.yaml", "id: X\npurpose: prototype\nquantity: 1\nparts:\n"
                 "  - id: P\n    processes: [turning]\n    material: brass_cw6l4n\n"
                 "    size_mm: [10, 10, 10]\n    tolerance_mm: 0.1\n")
    result = CliRunner().invoke(cli, ["validate", str(path), "--lang", "nl"])
    assert "r.yaml:7: let op: materiaal (material) 'brass_cw6l4n' staat niet in de " \
        "catalogus (bedoelt u 'brass_cw614n'?)" in result.output
    assert "did you mean" not in result.output


def test_validate_reports_the_schemas_and_the_catalogues_problems_together(tmp_path):
    """A negative rate hid a misspelt machine field and an unknown process until it was
    mended: a shop took four rounds of validate to find its file's problems."""
    text = EQUIPMENT.read_text(encoding="utf-8")
    text = text.replace("    rate_eur_h: 85\n", "    rate_eur_h: -85\n", 1)
    text = text.replace("    max_diameter_mm: 262\n", "    max_diamter_mm: 262\n", 1)
    text = text.replace("processes: [turning]", "processes: [draaibank]", 1)
    path = write(tmp_path / "equipment.yaml", text)
    result = CliRunner().invoke(cli, ["validate", "--equipment", str(path)])
    assert result.exit_code == 1
    said = [line for line in result.output.splitlines() if "equipment.yaml:" in line]
    assert any("rate_eur_h must be >= 0, got -85" in line for line in said)
    assert any("unknown field 'max_diamter_mm'" in line for line in said)
    assert any("unknown process 'draaibank'" in line for line in said)
    lines = [int(line.split(":")[1]) for line in said if line.count(":") > 2]
    assert lines == sorted(lines)  # in the file's order


# ---- the equipment file is checked
@pytest.mark.parametrize("old, new, expected", [
    ("stocked_materials: [aluminium_6082,", "stocked_materials: [rvs_361, aluminium_6082,",
     "equipment.yaml:9: provider.stocked_materials: unknown material 'rvs_361' (did you mean "
     "'stainless_316'?)"),
    ("processes: [turning]", "processes: [draaibank]",
     "machine 'haas-st20' processes: unknown process 'draaibank'"),
    ("certifications: [iso_9001,", "certifications: [iso_9002,",
     "provider.certifications: unknown certification a shop can hold 'iso_9002' (did you mean "
     "'iso_9001'?)"),
    ("    max_diameter_mm: 262\n", "    max_diamter_mm: 262\n",
     "machine 'haas-st20': unknown field 'max_diamter_mm' (did you mean 'max_diameter_mm'?)"),
    ("    sheet_mm: [3000, 1500]\n", "",
     "machine 'trumpf-trulaser-1030' does laser_cutting but has no sheet_mm"),
    ("certifications: [iso_9001, en_1090_exc2,", "certifications: [iso_9001, en1090,",
     "equipment.yaml:8: provider.certifications: unknown certification a shop can hold "
     "'en1090' (did you mean one of 'en_1090_2', 'en_1090_3', 'en_1090_exc1', 'en_1090_exc2', "
     "'en_1090_exc3', 'en_1090_exc4'?)"),
    ("    free_h_per_week: 20\n", "    free_h_per_week: 200\n",
     "equipment.yaml:97: machine 'trumpf-trulaser-1030' free_h_per_week must be <= 168, got 200"),
    ("stainless_304, stainless_316, aluminium_5754]\n    max_length_mm: 3230",
     "stainless_304, aluminium_5754]\n    max_length_mm: 3230",
     "equipment.yaml:105: machine 'trumpf-trubend-5130' max_thickness_mm: 'stainless_316' is not in the "
     "machine's materials (machine 'trumpf-trubend-5130' materials): add it there, or remove it here"),
])
def test_equipment_names_and_limits_are_checked(tmp_path, old, new, expected):
    text = EQUIPMENT.read_text(encoding="utf-8")
    assert old in text
    path = write(tmp_path / "equipment.yaml", text.replace(old, new, 1))
    assert expected in errors_of(load_equipment, path, catalogue=default_catalogue())
    result = CliRunner().invoke(cli, ["validate", "--equipment", str(path)])
    assert result.exit_code == 1 and expected in result.output


def test_equipment_aliases_resolve_and_unused_limits_are_optional(tmp_path):
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "processes: [turning]", "processes: [draaien]", 1).replace(
        "    tolerance_mm: 1.0\n", "", 1)  # the welding cell states no machining tolerance
    path = write(tmp_path / "equipment.yaml", text)
    equipment = load_equipment(path, catalogue=default_catalogue())
    lathe = next(m for m in equipment.machines if m["id"] == "haas-st20")
    assert lathe["processes"] == ["turning"]
    result = CliRunner().invoke(cli, ["validate", "--equipment", str(path)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("held", [
    "en_1090_3, en_1090_exc2", "EN 1090-3, EN 1090-2, EXC2", "en_1090_exc1", "en_1090_exc4",
    "ISO 14644-1"])
def test_a_shop_can_state_what_its_en_1090_certificate_covers(tmp_path, held):
    """The rules test EN 1090-3 (aluminium), EXC1, EXC4 and a classified clean room, but
    the equipment check refused them ("unknown certification a shop can hold 'en_1090_3'"),
    so an aluminium shop certified to EN 1090-3 was told on every job that its certificate
    covers steel only.  What an EN 1090-1 FPC certificate states can now be listed."""
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "certifications: [iso_9001, en_1090_exc2,", f"certifications: [iso_9001, {held},", 1)
    path = write(tmp_path / "equipment.yaml", text)
    result = CliRunner().invoke(cli, ["validate", "--equipment", str(path)])
    assert result.exit_code == 0, result.output


# ---- partners for outside work
PARTNER = """
partners:
  - id: slijperij
    name: Slijperij (test)
    processes: [cylindrical_grinding, rondslijpen, hard_anodising]
    limits: {max_diameter_mm: 200, tolerance_mm: 0.002}
    lead_time_days: 7
    price: {per_order_eur: 100, per_piece_eur: 5, source: test}
"""


def test_no_own_machine_but_a_partner_is_fit_with_effort_with_a_subcontract_line(tmp_path):
    equipment = write(tmp_path / "equipment.yaml",
                      EQUIPMENT.read_text(encoding="utf-8") + PARTNER)
    shaft = request(processes=["turning", "cylindrical_grinding"], material="steel_c45",
                    diameter_mm=30, length_mm=200, tolerance_mm=0.005, surface_treatment=[])
    del shaft["parts"][0]["size_mm"]
    without = Screener(str(EQUIPMENT)).check(shaft)
    assert without.verdict == "no_fit"
    data = Screener(str(equipment)).check(shaft).to_dict()
    assert data["verdict"] != "no_fit"
    grinding = data["assignments"][1]
    assert grinding["partner"]["id"] == "slijperij"
    assert grinding["partner"]["amount_eur"] == 125.0  # 100 per order + 5 x 5 pieces
    finding = next(f for f in data["findings"] if f["rule"] == "FIT-OUTSIDE-WORK")
    assert finding["effort"] == {"lead_time_days": 7}
    line = next(x for x in data["quote"]["lines"] if x["kind"] == "outside_work")
    assert line["amount_eur"] == 125.0 and line["process"] == "cylindrical_grinding"
    # beyond the partner's known limits: still no fit
    shaft["parts"][0]["diameter_mm"] = 250
    assert Screener(str(equipment)).check(shaft).verdict == "no_fit"


def test_a_unknown_partner_process_is_an_error_with_did_you_mean(tmp_path):
    equipment = write(tmp_path / "equipment.yaml", EQUIPMENT.read_text(encoding="utf-8")
                      + PARTNER.replace("hard_anodising", "hard_anodizing_x"))
    message = errors_of(load_equipment, equipment, catalogue=default_catalogue())
    assert "partners[0].processes: unknown process or treatment 'hard_anodizing_x'" in message


# ---- the second example shop, YAML only
EXPECTED = {
    "punch-die-insert": "fit_with_effort",
    "swiss-pins-303": "fit_with_effort",
    "sls-housing-pa12": "fit_with_effort",
    "ground-shaft-partner": "fit_with_effort",
    "fixture-plate-5axis": "fit_with_effort",
    "carbide-insert-edm": "fit_with_effort",
}


@pytest.fixture(scope="module")
def precision_shop():
    return Screener(str(SHOP / "equipment.yaml"), [str(SHOP / "rules")])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_precision_shop_examples(precision_shop, name):
    report = precision_shop.check(str(SHOP / "requests" / f"{name}.yaml"))
    assert report.verdict == EXPECTED[name]
    data = report.to_dict()
    assert all(a["machine"] or a.get("partner") for a in data["assignments"])


def test_every_precision_shop_request_is_listed():
    assert sorted(p.stem for p in (SHOP / "requests").glob("*.yaml")) == sorted(EXPECTED)


def test_the_precision_shop_config_runs_from_its_folder():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "producibility", "check",
                             "requests/ground-shaft-partner.yaml"], cwd=SHOP, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Rondslijperij Veldhoven" in result.stdout


def test_a_treatment_goes_to_a_partner_that_does_it_for_that_material(precision_shop):
    data = precision_shop.check(str(SHOP / "requests" / "fixture-plate-5axis.yaml")).to_dict()
    outside = [f for f in data["findings"] if f["rule"] == "FIT-OUTSIDE-WORK"]
    assert [f["trace"]["values"]["partner"] for f in outside] == ["anodiseer-eindhoven"]
    assert outside[0]["effort"] == {"lead_time_days": 5}
    steel = request(material="steel_c45", surface_treatment=["anodising"])
    data = precision_shop.check(steel).to_dict()
    # anodising is for aluminium (the treatment's families): no partner line for steel
    assert not [f for f in data["findings"] if f["rule"] == "FIT-OUTSIDE-WORK"]


def test_the_compiled_catalogue_is_the_yaml_read_and_checked(tmp_path):
    """rules/catalogue/compiled.json (generated, read at start-up) equals the YAML's
    catalogue in content and order; an edited YAML file is read again."""
    from producibility.model import catalogue as cat
    source = ROOT / "rules"
    fresh = cat.CatalogueBuilder()
    for file in cat.catalogue_files(source):
        from producibility.inputs import yamlio
        fresh.add(yamlio.load(file), str(file))
    fresh = fresh.finish()
    compiled = default_catalogue()
    for kind in cat.KINDS:
        assert list(compiled.entries[kind]) == list(fresh.entries[kind])
        assert compiled.entries[kind] == fresh.entries[kind]
    assert compiled.where == fresh.where
    copy = tmp_path / "rules"
    (copy / "catalogue").mkdir(parents=True)
    for file in (source / "catalogue").iterdir():
        (copy / "catalogue" / file.name).write_bytes(file.read_bytes())
    edited = copy / "catalogue" / "treatments.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "name: {en: anodising,", "name: {en: anodizing,"), encoding="utf-8")
    assert cat._compiled(str(copy), cat.catalogue_files(copy),
                         [f.read_bytes() for f in cat.catalogue_files(copy)]) is None
    assert cat._default(str(copy))[0].name("treatments", "anodising") == "anodizing"


def test_a_part_that_cannot_be_made_has_no_outside_work(precision_shop):
    """Its treatment at a partner is not priced, so FIT-OUTSIDE-WORK (with the partner's
    amount) for it was noise (a powder coater's € 4,830 for a part we refused)."""
    made = precision_shop.check(request(surface_treatment=["anodising"])).to_dict()
    assert [f["part"] for f in made["findings"] if f["rule"] == "FIT-OUTSIDE-WORK"] == ["P1"]
    refused = precision_shop.check(request(surface_treatment=["anodising"],
                                           size_mm=[5000, 3000, 2000])).to_dict()
    assert refused["verdict"] == "no_fit"
    assert refused["lead_time"]["not_made"] == ["P1"]
    assert not [f for f in refused["findings"] if f["rule"] == "FIT-OUTSIDE-WORK"]


def test_an_override_keeps_the_aliases_it_does_not_give(tmp_path):
    """A shop that overrode aluminium_6082 for its own price dropped the aliases: every
    enquiry for "6082-T6" read CONDITIONAL, with a did-you-mean of 6061."""
    from producibility import load_packs
    shipped = load_packs().catalogue.get("materials", "aluminium_6082")
    own = tmp_path / "own.yaml"
    fields = {k: v for k, v in shipped.items() if k not in ("aliases",)}
    import json
    own.write_text("materials:\n  - " + json.dumps(dict(
        fields, override=True, price=dict(shipped["price"], eur_kg=7.5))) + "\n",
        encoding="utf-8")
    mine = load_packs([own]).catalogue
    entry = mine.get("materials", "aluminium_6082")
    assert entry["price"]["eur_kg"] == 7.5 and entry["aliases"] == shipped["aliases"]
    assert mine.resolve("materials", "6082-T6") == "aluminium_6082"
    # an override that gives its own aliases has those
    own.write_text("materials:\n  - " + json.dumps(dict(fields, override=True,
                                                        aliases=["AW6082"])) + "\n",
                   encoding="utf-8")
    assert load_packs([own]).catalogue.get("materials", "aluminium_6082")["aliases"] == [
        "AW6082"]


def test_a_neighbouring_grade_is_read_as_the_catalogues_and_said(tmp_path):
    """'316' and 'AISI 316' silently became 316L (1.4404) on the offer, while '1.4401'
    (the same 316) was refused; 1.4401 and 1.4404 are two grades of EN 10088 and a 3.1
    certificate certifies one.  Now such a name (catalogue read_as) is read as the
    entry and listed among the assumptions to confirm, in the report and the offer, and
    validate notes it; a true alias (316L, 1.4404) is read silently as before."""
    import json
    from producibility import Screener
    from producibility.report.render import render
    from conftest import EQUIPMENT, base_request, run_cli

    screener = Screener(str(EQUIPMENT))
    for given in ("316", "AISI 316", "1.4401"):
        report = screener.check(base_request(part={"material": given}), lang="nl")
        [read] = [a for a in report.to_dict()["assumed"] if a["field"] == "material"]
        assert read["value"] == "stainless_316" and read["parts"] == ["P1"]
        assert read["text"] == f"'{given}' gelezen als RVS 316L (1.4404)"
        offer = render(report, "text", "nl", audience="customer")
        assert f"'{given}' gelezen als RVS 316L (1.4404)" in offer
    plain = screener.check(base_request(part={"material": "316L"})).to_dict()
    assert not [a for a in plain["assumed"] if a["field"] == "material"]
    request = tmp_path / "r.yaml"
    request.write_text(json.dumps(base_request(part={"material": "S355JR"})), encoding="utf-8")
    code, out, _ = run_cli("validate", request)
    assert code == 0
    assert "note: 'S355JR' is read as structural steel S355J2" in out


def test_an_override_for_a_price_keeps_the_names_read_as_the_entry(tmp_path):
    """A shop's pack that overrides 316L only for its own price dropped the read_as
    names: '316' became unknown and an ordinary enquiry read CONDITIONAL (as the aliases
    had, before an override kept them)."""
    from producibility import Screener, load_packs
    from conftest import EQUIPMENT, base_request

    (tmp_path / "own.yaml").write_text(
        "pack: {id: own-price, version: 0.1.0}\n"
        "materials:\n"
        "  - id: stainless_316\n"
        "    override: true\n"
        "    name: {en: stainless steel 316L (1.4404), nl: RVS 316L (1.4404)}\n"
        "    family: stainless\n"
        "    density_kg_m3: 8000\n"
        "    price: {eur_kg: 7.2, source: our stockist, date: 2026-11}\n", encoding="utf-8")
    screener = Screener(str(EQUIPMENT), load_packs([tmp_path]))
    report = screener.check(base_request(part={"material": "316"})).to_dict()
    assert not any(q["field"] == "material" for q in report["open_questions"])
    assert [a["text"] for a in report["assumed"] if a["field"] == "material"] == [
        "'316' read as stainless steel 316L (1.4404)"]


@pytest.mark.parametrize("lang, words", [
    ("en", {"aluminium_5083": "P1: aluminium EN AW-5083 without a temper: soft O/H111 and "
                              "the work-hardened H22/H32/H321 or H24/H34 (the alloy is not "
                              "heat-treatable: no T tempers) differ",
            "aluminium_6082": "P1: aluminium EN AW-6082 without a temper: soft O and the "
                              "solution treated and aged T4 or T6/T651 (a heat-treatable "
                              "alloy) differ",
            "own": "P1: aluminium EN AW-6082 without a temper: the soft O/H111 and the hard "
                   "tempers of one alloy (H32 or H34 of the work-hardened 5xxx alloys, T4 or "
                   "T6 of the heat-treatable 6xxx and 7xxx) differ"}),
    ("nl", {"aluminium_5083": "P1: aluminium EN AW-5083 zonder toestand: zacht O/H111 en "
                              "koudversterkt H22/H32/H321 of H24/H34 (de legering is niet "
                              "veredelbaar: geen T-toestanden) verschillen",
            "aluminium_6082": "P1: aluminium EN AW-6082 zonder toestand: zacht O en veredeld "
                              "T4 of T6/T651 (een veredelbare legering) verschillen",
            "own": "P1: aluminium EN AW-6082 zonder toestand: het zachte O/H111 en de harde "
                   "toestanden van één legering"}),
])
def test_mat_012_names_the_tempers_of_the_alloy_asked(tmp_path, lang, words):
    """A 5083 without a temper was told "T4 or T6 ... differ", tempers a 5xxx alloy,
    which is not heat-treatable (EN 573-3, EN 515), never has; the catalogue's
    heat_treatable (part.material_heat_treatable) now chooses the words, and a shop's own
    entry without it gets the words of both kinds."""
    def message(screener, material):
        request = json.loads(json.dumps(REQUEST))
        request["parts"][0]["material"] = material
        report = screener.check(request, lang=lang, probe=False)
        return next(f["message"] for f in report.findings if f["rule"] == "MAT-012")

    screener = Screener(EQUIPMENT)
    for material in ("aluminium_5083", "aluminium_6082"):
        assert message(screener, material).startswith(words[material])
    own = tmp_path / "own.yaml"
    own.write_text(
        "materials:\n  - id: aluminium_6082\n    override: true\n"
        "    name: {en: aluminium EN AW-6082, nl: aluminium EN AW-6082}\n"
        "    family: aluminium\n    density_kg_m3: 2700\n"
        "    price: {eur_kg: 6.5, source: our supplier, date: 2025-11}\n"
        "    speed_factor: 3.0\n", encoding="utf-8")
    assert message(Screener(EQUIPMENT, load_packs([own])), "aluminium_6082") \
        .startswith(words["own"])


OWN_ALUMINIUM = """\
materials:
  - id: aluminium_7020
    name: {{en: aluminium EN AW-7020, nl: aluminium EN AW-7020}}
    aliases: [EN AW-7020, AlZn4.5Mg1, "7020"]
    family: aluminium
{treatable}    density_kg_m3: 2780
    price: {{eur_kg: 9.0, source: "Our supplier's list, 2025", date: 2025-10}}
    speed_factor: 3.0
    lead_time_days: 5
"""


@pytest.mark.parametrize("treatable, words", [
    ("    heat_treatable: true\n", "soft O and the solution treated and aged T4 or T6/T651"),
    ("", "the soft O/H111 and the hard tempers of one alloy")])
def test_a_shops_own_aluminium_without_a_temper_is_MAT_012(tmp_path, treatable, words):
    """MAT-012 listed five alloys: a shop's own 7020 without a temper raised nothing.
    Now every aluminium of the catalogue, worded by its heat_treatable (the general
    wording where the shop's entry does not say); a temper given silences it."""
    pack = write(tmp_path / "own.yaml", OWN_ALUMINIUM.format(treatable=treatable))
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "aluminium_6082, brass_cw614n]", "aluminium_6082, brass_cw614n, aluminium_7020]", 1)
    screener = Screener(str(write(tmp_path / "equipment.yaml", text)), load_packs([str(pack)]))
    found = [f["message"] for f in screener.check(request(material="7020")).to_dict()["findings"]
             if f["rule"] == "MAT-012"]
    assert len(found) == 1 and words in found[0], found
    assert "P1: aluminium EN AW-7020 without a temper" in found[0]
    found = [f for f in screener.check(request(material="7020", temper="t6")).to_dict()["findings"]
             if f["rule"] == "MAT-012"]
    assert found == []
