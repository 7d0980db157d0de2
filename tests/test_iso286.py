"""ISO 286 fits as a ± tolerance: the IT table, the conversion and what screening does."""

import pytest

from producibility import Screener
from producibility.model.iso286 import apply_fits, as_plus_minus_mm, zone_um

from conftest import base_request


@pytest.mark.parametrize("fit, size, width", [
    ("H7", 20, 21),     # ISO 286-1 table 1: IT7 for 18-30 mm
    ("h6", 20, 13),     # IT6 for 18-30 mm
    ("H7", 18, 18),     # 18 is the upper end of 10-18 mm
    ("H7", 18.01, 21),
    ("g6", 3, 6),       # the first range: up to 3 mm
    ("H11", 500, 400),  # the last range: 400-500 mm
    ("js6", 100, 22),   # the letter does not change the width
])
def test_the_zone_is_the_grade_at_the_nominal_size(fit, size, width):
    assert zone_um(fit, size) == width


@pytest.mark.parametrize("fit, size", [("H7", 501), ("H7", 0), ("H12", 20), ("H", 20)])
def test_outside_the_table_there_is_no_conversion(fit, size):
    assert zone_um(fit, size) is None and as_plus_minus_mm(fit, size) is None


def test_a_fit_becomes_plus_minus_half_its_zone():
    assert as_plus_minus_mm("H7", 20) == 0.0105
    assert as_plus_minus_mm("h6", 50) == 0.008


def test_the_tighter_of_fit_and_tolerance_is_screened():
    request = base_request(part={"iso_fit": "H7", "fit_size_mm": 20, "tolerance_mm": 0.1})
    changed, [conversion] = apply_fits(request)
    part = changed["parts"][0]
    assert (part["tolerance_mm"], part["tightest_feature"]) == (0.0105, "bore")
    assert conversion["given_mm"] == 0.1
    tighter = base_request(part={"iso_fit": "h9", "fit_size_mm": 20, "tolerance_mm": 0.01})
    changed, _ = apply_fits(tighter)
    assert changed["parts"][0]["tolerance_mm"] == 0.01
    assert "tightest_feature" not in changed["parts"][0]   # the fit is not the tightest
    assert request["parts"][0]["tolerance_mm"] == 0.1       # the caller's request untouched


def test_a_fit_fills_a_missing_tolerance_and_the_report_says_so(equipment):
    request = base_request(part={"tolerance_mm": None, "iso_fit": "H7", "fit_size_mm": 20})
    report = Screener(equipment).check(request).to_dict()
    [note] = [f for f in report["findings"] if f["rule"] == "ISO-286"]
    assert note["message"] == "P1: Ø20 H7 is a tolerance zone of 21 µm, screened as ±0.0105 mm."
    assert not any(q["field"] == "tolerance_mm" for q in report["open_questions"])
    fired = {f["rule"] for f in report["findings"]}
    assert {"PRC-002", "QUA-015"} <= fired          # a bore of ±0.0105: gauged, not CMM
    assert "QUA-001" not in fired


def test_without_a_fit_nothing_is_converted(equipment):
    report = Screener(equipment).check(base_request()).to_dict()
    assert not any(f["rule"] == "ISO-286" for f in report["findings"])
