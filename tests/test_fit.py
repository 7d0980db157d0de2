"""Equipment fit: envelope in any orientation, limits, margins, capability."""

import pytest

from producibility.engine import fit
SETTINGS = {"envelope_margin": 0.9, "capability_margin": 1.5}
MILL = {"id": "vf2", "name": "Haas VF-2", "processes": ["milling_3axis"],
        "materials": ["aluminium_6082"], "envelope_mm": [762, 406, 508],
        "tolerance_mm": 0.02, "roughness_ra_um": 0.8, "setup_h": 1, "rate_eur_h": 78,
        "free_h_per_week": 16}
LATHE = {"id": "st20", "name": "Haas ST-20", "processes": ["turning"],
         "materials": ["steel_c45"], "max_diameter_mm": 262, "max_length_mm": 533,
         "tolerance_mm": 0.01, "setup_h": 1, "rate_eur_h": 75, "free_h_per_week": 20}
LASER = {"id": "tl1030", "name": "TruLaser 1030", "processes": ["laser_cutting"],
         "materials": ["steel_s235", "stainless_304"], "sheet_mm": [3000, 1500],
         "max_thickness_mm": {"steel_s235": 20}, "tolerance_mm": 0.1, "setup_h": 0.5,
         "rate_eur_h": 130, "free_h_per_week": 20}
BRAKE = {"id": "tb5130", "name": "TruBend 5130", "processes": ["bending"],
         "materials": ["steel_s235"], "max_length_mm": 3230,
         "max_thickness_mm": {"steel_s235": 10}, "tolerance_mm": 0.2, "setup_h": 0.5,
         "rate_eur_h": 95, "free_h_per_week": 20}


def part(**kw):
    base = {"id": "P", "material": "aluminium_6082", "size_mm": [100, 50, 20],
            "tolerance_mm": 0.1}
    base.update(kw)
    return base


def test_plain_part_fits_without_remarks():
    result = fit.check(part(), "milling_3axis", MILL, SETTINGS)
    assert result.fits and not result.marginal and not result.unchecked


@pytest.mark.parametrize("size", [[700, 500, 100], [100, 700, 500], [500, 100, 700]])
def test_envelope_accepts_any_orientation(size):
    # 700 x 500 x 100 only fits the 762 x 406 x 508 envelope turned on its side.
    assert fit.check(part(size_mm=size), "milling_3axis", MILL, SETTINGS).fits


def test_part_too_big_in_every_orientation_is_rejected_with_the_reason():
    result = fit.check(part(size_mm=[800, 100, 100]), "milling_3axis", MILL, SETTINGS)
    assert not result.fits
    assert result.rejections == ["part length 800 mm > 762 mm"]


def test_exact_limit_fits_but_marginally():
    result = fit.check(part(size_mm=[762, 100, 100]), "milling_3axis", MILL, SETTINGS)
    assert result.fits
    assert result.marginal == ["part length 762 mm is 100% of the machine's 762 mm"]


def test_just_over_the_limit_is_rejected():
    assert not fit.check(part(size_mm=[762.1, 100, 100]), "milling_3axis", MILL, SETTINGS).fits


def test_below_the_margin_is_not_marginal():
    result = fit.check(part(size_mm=[685, 100, 100]), "milling_3axis", MILL, SETTINGS)
    assert result.fits and not result.marginal  # 685 < 0.9 x 762 = 685.8


def test_tolerance_tighter_than_machine_is_rejected_and_close_is_marginal():
    assert fit.check(part(tolerance_mm=0.01), "milling_3axis", MILL, SETTINGS).rejections == [
        "tolerance ± 0.01 mm is tighter than the machine's 0.02 mm"]
    close = fit.check(part(tolerance_mm=0.025), "milling_3axis", MILL, SETTINGS)
    assert close.fits and close.marginal
    # 1.5 x 0.02 = 0.03 exactly: not marginal (no floating-point surprise)
    assert not fit.check(part(tolerance_mm=0.03), "milling_3axis", MILL, SETTINGS).marginal


def test_roughness_is_checked_against_the_machine():
    assert not fit.check(part(roughness_ra_um=0.4), "milling_3axis", MILL, SETTINGS).fits
    assert fit.check(part(roughness_ra_um=3.2), "milling_3axis", MILL, SETTINGS).fits


def test_unknown_material_is_a_rejection_reason():
    result = fit.check(part(material="titanium_gr5"), "milling_3axis", MILL, SETTINGS)
    # by the catalogue's name, in each language ("verwerkt geen tool_steel_1_2379" read
    # the id in a Dutch report)
    assert result.rejections == ["does not run titanium grade 5 (Ti6Al4V)"]
    assert result.rejections[0].text("nl") == "verwerkt geen titanium grade 5 (Ti6Al4V)"
    result = fit.check(part(material="aluminium_7075"), "milling_3axis",
                       dict(MILL, materials=["steel_c45"]), SETTINGS)
    assert result.rejections[0].text("nl") == "verwerkt geen aluminium EN AW-7075"


def test_missing_tolerance_is_reported_unchecked_not_assumed():
    p = part()
    del p["tolerance_mm"]
    result = fit.check(p, "milling_3axis", MILL, SETTINGS)
    assert result.fits and result.unchecked == ["tolerance_mm"]


def test_turning_uses_diameter_and_length():
    shaft = {"id": "S", "material": "steel_c45", "diameter_mm": 200, "length_mm": 400,
             "tolerance_mm": 0.05}
    assert fit.check(shaft, "turning", LATHE, SETTINGS).fits
    big = dict(shaft, diameter_mm=300)
    assert fit.check(big, "turning", LATHE, SETTINGS).rejections == ["diameter 300 mm > 262 mm"]
    long = dict(shaft, length_mm=534)
    assert fit.check(long, "turning", LATHE, SETTINGS).rejections == ["length 534 mm > 533 mm"]


def test_laser_checks_thickness_per_material_and_sheet_size():
    plate = {"id": "L", "material": "steel_s235", "size_mm": [1600, 400, 6],
             "thickness_mm": 6, "tolerance_mm": 0.5}
    assert fit.check(plate, "laser_cutting", LASER, SETTINGS).fits
    thick = dict(plate, thickness_mm=25)
    assert fit.check(thick, "laser_cutting", LASER, SETTINGS).rejections == [
        "structural steel S235 thickness 25 mm > 20 mm"]
    # stainless is run, but the catalogue gives no thickness for it: say so, do not guess
    stainless = dict(plate, material="stainless_304")
    assert fit.check(stainless, "laser_cutting", LASER, SETTINGS).rejections == [
        "no thickness limit known for stainless steel 304 (1.4301)"]
    wide = dict(plate, size_mm=[1600, 1600, 6])
    assert fit.check(wide, "laser_cutting", LASER, SETTINGS).rejections == [
        "blank width 1600 mm > 1500 mm"]


def test_a_blank_near_the_sheet_size_is_routine_on_a_laser_not_marginal():
    # 2800 mm from a 3000 mm sheet is everyday laser work: the sheet check's own margin
    # (0.98, rules/catalogue/processes.yaml) and not the 0.9 of a mill's travels
    stringer = {"id": "TB-01", "material": "steel_s235", "size_mm": [2800, 300, 8],
                "thickness_mm": 8, "tolerance_mm": 0.5}
    result = fit.check(stringer, "laser_cutting", LASER, SETTINGS)
    assert result.fits and result.marginal == []
    tight = dict(stringer, size_mm=[2960, 300, 8])  # 30 mm each side for the skeleton
    assert [str(r) for r in fit.check(tight, "laser_cutting", LASER, SETTINGS).marginal] == [
        "blank length 2960 mm is 99% of the machine's 3000 mm"]
    # the mill's travels keep the pack's 0.9
    assert fit.check(part(size_mm=[700, 100, 20]), "milling_3axis", MILL, SETTINGS).marginal


def test_bending_checks_bend_length_and_thickness():
    plate = {"id": "B", "material": "steel_s235", "size_mm": [3300, 400, 4],
             "thickness_mm": 4, "tolerance_mm": 0.5}
    assert fit.check(plate, "bending", BRAKE, SETTINGS).rejections == [
        "bend length 3300 mm > 3230 mm"]


def test_essential_fields_per_process():
    assert fit.essential_fields("turning") == ("material", "diameter_mm", "length_mm")
    assert "thickness_mm" in fit.essential_fields("bending")
    assert fit.essential_fields("fdm") == ("material", "size_mm")


@pytest.mark.parametrize("finish", ["wire_edm", "sinker_edm", "surface_grinding"])
def test_a_finishing_operation_after_milling_owns_the_tolerance(finish):
    """A die insert milled and then wire-eroded to ±0.005 mm: the mills were all rejected
    for a tolerance the EDM reaches (EDM was no finishing operation in the catalogue).
    Milled alone, the tolerance is the mill's."""
    tight = part(tolerance_mm=0.005, roughness_ra_um=0.4)
    alone = fit.check(dict(tight, processes=["milling_3axis"]), "milling_3axis", MILL,
                      SETTINGS)
    assert not alone.fits
    routed = fit.check(dict(tight, processes=["milling_3axis", finish]), "milling_3axis",
                       MILL, SETTINGS)
    assert routed.fits, routed.rejections
