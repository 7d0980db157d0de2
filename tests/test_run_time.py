"""The run-time and material estimates of printed, milled and laser-cut parts, as a shop
would quote them: a printed part is a shell and its material and run time read one
volume; a mill's spindle and a laser's power bound their rates; a laser cuts acrylic
at its own speed, not mild steel's.  Figures: rules/catalogue/processes.yaml."""

import copy

import pytest

from conftest import EQUIPMENT, base_request, run_cli
from producibility import Screener, load_equipment, load_packs
from producibility.inputs.yamlio import loads

LANGS = ("en", "nl")


@pytest.fixture(scope="module")
def document():
    return loads(EQUIPMENT.read_text(encoding="utf-8"), str(EQUIPMENT))


@pytest.fixture(scope="module")
def packs():
    return load_packs()


def shop(document, packs, change=None):
    """The example shop, its equipment document changed by ``change(doc)``."""
    doc = copy.deepcopy(document)
    if change:
        change(doc)
    return Screener(load_equipment(doc), packs)


def machine(doc, mid):
    return next(m for m in doc["machines"] if m["id"] == mid)


def line(report, kind, process=None):
    found = [x for x in report["quote"]["lines"] if x["kind"] == kind and x["rule"] is None
             and (process is None or x["process"] == process)]
    assert len(found) == 1, (kind, report["quote"]["lines"])
    return found[0]


def run_minutes(report, process, pieces):
    """The run's minutes a piece, as its source writes them ("= 24.1 min x 3 pcs")."""
    source = line(report, "run", process)["source"]
    return float(source.rsplit(" = ", 1)[1].split(" min")[0].replace(",", "."))


# ------------------------------------------------------------------ printed parts
def _sls_shop(document, packs):
    """The example shop with a Formlabs Fuse 1+ 30W (165 x 165 x 300 mm)."""
    def add(doc):
        doc["machines"].append({
            "id": "fuse1", "name": "Formlabs Fuse 1+ 30W", "processes": ["sls"],
            "materials": ["pa12"], "envelope_mm": [165, 165, 300], "tolerance_mm": 0.3,
            "setup_h": 1.0, "rate_eur_h": 30, "free_h_per_week": 80})
    return shop(document, packs, add)


@pytest.mark.parametrize("lang,said", [
    ("en", "wall 1.5 mm x envelope surface 525.0 cm2 = 78.8 cm3"),
    ("nl", "wand 1,5 mm x oppervlak omhullende 525,0 cm2 = 78,8 cm3")])
def test_a_printed_shell_is_billed_and_printed_as_its_wall(document, packs, lang, said):
    # the fieldlab's PA12 sensor housing, no weight: half its box billed 337.5 cm3 of
    # powder and 744 min of the Fuse a piece (EUR 746 a piece, 58 working days)
    request = base_request(quantity=50, wanted_date="2027-06-01", part={
        "processes": ["sls"], "material": "pa12", "size_mm": [150, 100, 45],
        "min_wall_mm": 1.5, "tolerance_mm": 0.3, "cycle_time_min": None})
    report = _sls_shop(document, packs).check(request, lang=lang).to_dict()
    shell = 2 * (150 * 100 + 150 * 45 + 100 * 45) / 100 * 1.5 / 10  # cm2 x cm = 78.75 cm3
    material = line(report, "material")
    assert material["amount_eur"] == pytest.approx(shell * 1e-6 * 1010 * 1.1 * 100 * 50,
                                                   abs=0.01)
    assert material["basis"] == "estimated" and material["source"].startswith(said)
    run = line(report, "run", "sls")
    # the same volume over the packing density, in a 165 x 165 mm bed rising 10 mm/h
    assert run_minutes(report, "sls", 50) == pytest.approx(
        shell / 0.1 / (165 * 165 * 10 / 1000) * 60, abs=0.01)
    assert run["basis"] == "estimated" and said.split(" = ")[0] in run["source"]


@pytest.mark.parametrize("lang,said", [("en", "envelope x printed share 0.2 = 259.2 cm3"),
                                       ("nl", "omhullende x aandeel geprint 0,2 = 259,2 cm3")])
def test_a_printed_part_without_weight_or_wall_is_a_share_of_its_box(screener, lang, said):
    # the fieldlab's SLA handle of 180 x 120 x 60 mm billed 0.82 kg of resin a piece
    request = base_request(quantity=3, part={
        "processes": ["sla"], "material": "resin_tough", "size_mm": [180, 120, 60],
        "tolerance_mm": 0.15, "cycle_time_min": None})
    report = screener.check(request, lang=lang).to_dict()
    material = line(report, "material")
    assert material["source"].startswith(said), material["source"]
    assert material["basis"] == "estimated"
    kg = 180 * 120 * 60 / 1000 * 0.2 * 1e-6 * 1150 * 1.1
    assert kg == pytest.approx(0.33, abs=0.01)
    assert material["amount_eur"] == pytest.approx(kg * 190 * 3, abs=0.01)


@pytest.mark.parametrize("wall", [None, 2])
def test_fdm_material_is_the_plastic_its_run_time_deposits(screener, wall):
    # a PETG housing of 200 x 150 x 100 mm billed 2.1 kg of filament (half the box,
    # solid) while its run time deposited 30 % of that
    part = {"processes": ["fdm"], "material": "petg", "size_mm": [200, 150, 100],
            "tolerance_mm": 0.5, "cycle_time_min": None}
    if wall:
        part["min_wall_mm"] = wall
    report = screener.check(base_request(quantity=2, part=part)).to_dict()
    cm3 = line(report, "material")["amount_eur"] / 2 / 25 / 1.1 / 1270 * 1e6
    assert run_minutes(report, "fdm", 2) == pytest.approx(cm3 / 12 * 60, rel=1e-4)
    # a 2 mm shell: 1300 cm2 x 0.2 cm; else 15 % of the 3000 cm3 box
    assert cm3 == pytest.approx(260 if wall else 450, rel=1e-4)


def test_a_weight_given_is_the_printed_volume(screener):
    request = base_request(part={
        "processes": ["fdm"], "material": "petg", "size_mm": [200, 150, 100],
        "min_wall_mm": 2, "weight_kg": 0.127, "tolerance_mm": 0.5, "cycle_time_min": None})
    report = screener.check(request).to_dict()
    assert run_minutes(report, "fdm", 10) == pytest.approx(100 / 12 * 60, rel=1e-4)
    assert line(report, "material")["source"].startswith("weight / density = 100.0 cm3")


# ------------------------------------------------------------------ milling
def _alu_housing():
    """The fieldlab's 6082 housing of 160 x 100 x 40 mm, three off."""
    return base_request(quantity=3, part={
        "processes": ["milling_3axis"], "material": "aluminium_6082",
        "size_mm": [160, 100, 40], "tolerance_mm": 0.05, "cycle_time_min": None})


@pytest.mark.parametrize("lang,said", [
    ("en", "430.5 cm3 / 39.6 cm3/min (spindle 1.1 kW x load 0.6 x 60 / 1 W s/mm3 for family "
           "aluminium: below 25 cm3/min x speed factor 3)"),
    ("nl", "430,5 cm3 / 39,6 cm3/min (spil 1,1 kW x belasting 0,6 x 60 / 1 W s/mm3 voor "
           "familie aluminium: minder dan 25 cm3/min x snelheidsfactor 3)")])
def test_a_small_spindle_removes_what_its_power_drives(document, packs, lang, said):
    def small(doc):
        machine(doc, "haas-vf2").update(spindle_kw=1.1)  # a Tormach 1100MX's 1.5 hp
    report = shop(document, packs, small).check(_alu_housing(), lang=lang).to_dict()
    run = line(report, "run", "milling_3axis")
    assert said in run["source"] and run["basis"] == "estimated"
    # 1.1 kW x 0.6 x 60 / 1 J/mm3 = 39.6 cm3/min; finishing and handling as before
    finish = 2 * (160 * 100 + 160 * 40 + 100 * 40) / 100 / (15 * 3)
    assert run_minutes(report, "milling_3axis", 3) == pytest.approx(
        430.5 / 39.6 + finish + 1.5, abs=0.01)


def test_a_large_spindle_or_none_stated_keeps_the_tools_rate(document, packs):
    def none(doc):
        for m in doc["machines"]:
            m.pop("spindle_kw", None)
    stated = shop(document, packs).check(_alu_housing()).to_dict()
    unstated = shop(document, packs, none).check(_alu_housing()).to_dict()
    for report in (stated, unstated):
        assert "25 cm3/min x speed factor 3" in line(report, "run", "milling_3axis")["source"]
        assert run_minutes(report, "milling_3axis", 3) == pytest.approx(
            430.5 / 75 + 528 / 45 + 1.5, abs=0.01)


# ------------------------------------------------------------------ laser cutting
def _co2(kw=None):
    def add(doc):
        laser = {"id": "co2", "name": "Trotec Speedy 400 CO2 80 W", "processes": ["laser_cutting"],
                 "materials": ["pom"], "sheet_mm": [1000, 610], "max_thickness_mm": {"pom": 10},
                 "tolerance_mm": 0.2, "setup_h": 0.25, "rate_eur_h": 45, "free_h_per_week": 30}
        if kw is not None:
            laser["laser_kw"] = kw
        doc["machines"].append(laser)
    return add


def _panel(material="pom", thickness=3):
    return base_request(quantity=25, part={
        "processes": ["laser_cutting"], "material": material, "size_mm": [300, 120, thickness],
        "thickness_mm": thickness, "tolerance_mm": 0.2, "cycle_time_min": None})


@pytest.mark.parametrize("kw,speed,said", [
    (0.08, 1.07, "(3 mm column; table 8 m/min x 5 for family plastic x laser 0.08 / 3 kW)"),
    (None, 1.33, "(3 mm column; table 8 m/min x 5 for family plastic x laser 0.1 / 3 kW, "
                 "taken for plastic: the machine states no laser_kw)")])
def test_a_co2_laser_cuts_plastic_at_its_own_speed(document, packs, kw, speed, said):
    # acrylic on an 80 W CO2 laser was timed at a 3 kW fibre laser's 8 m/min in steel
    report = shop(document, packs, _co2(kw)).check(_panel()).to_dict()
    run = line(report, "run", "laser_cutting")
    assert f"at {speed} m/min {said}" in run["source"], run["source"]
    cut = 2 * (300 + 120) * 1.5
    assert run_minutes(report, "laser_cutting", 25) == pytest.approx(
        cut / 1000 / speed + 4 * 1 / 60, abs=0.01)


def test_the_fibre_laser_reads_its_table_in_steel_and_a_factor_in_stainless(screener):
    steel = screener.check(_panel("steel_s235")).to_dict()
    assert "at 8 m/min (3 mm column) +" in line(steel, "run", "laser_cutting")["source"]
    stainless = screener.check(_panel("stainless_304")).to_dict()
    assert "at 7.2 m/min (3 mm column; table 8 m/min x 0.9 for family stainless) +" in \
        line(stainless, "run", "laser_cutting")["source"]


def test_nl_laser_line_in_dutch(document, packs):
    report = shop(document, packs, _co2(0.08)).check(_panel(), lang="nl").to_dict()
    assert "met 1,07 m/min (kolom 3 mm; tabel 8 m/min x 5 voor familie plastic x laser " \
        "0,08 / 3 kW)" in line(report, "run", "laser_cutting")["source"]


# ------------------------------------------------------------------ the equipment file
def test_the_equipment_file_states_spindle_and_laser_power(tmp_path):
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "    spindle_kw: 22.4\n", "    spindle_kw: '1,1'\n", 1)
    path = tmp_path / "equipment.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("validate", "--equipment", path, "--lang", "en")
    assert code == 0, err
    bad = text.replace("    laser_kw: 3\n", "    laser_kw: -3\n", 1)
    path.write_text(bad, encoding="utf-8")
    line_no = bad.splitlines().index("    laser_kw: -3") + 1
    code, out, err = run_cli("validate", "--equipment", path, "--lang", "en")
    assert code != 0 and "Traceback" not in err
    said = out + err
    assert f"equipment.yaml:{line_no}" in said and "laser_kw must be > 0" in said, said
