"""A provider changes YAML, not code: machine envelope, stock, and a rule threshold."""

import pytest

from producibility import Screener, load_equipment, load_packs

from conftest import EQUIPMENT, ROOT, base_request, edited_copy


def edited_equipment(tmp_path, old, new):
    return load_equipment(edited_copy(EQUIPMENT, tmp_path, old, new, "equipment.yaml"))


def test_a_bigger_lathe_turns_no_fit_into_fit(tmp_path, pack):
    request = ROOT / "examples/requests/shaft-oversize.yaml"
    assert Screener(load_equipment(EQUIPMENT), pack).check(request).verdict == "no_fit"
    bigger = edited_equipment(tmp_path, "max_diameter_mm: 262", "max_diameter_mm: 400")
    assert Screener(bigger, pack).check(request).verdict != "no_fit"


def test_stocking_a_material_removes_the_procurement_finding(tmp_path, pack):
    request = base_request(part={"material": "aluminium_7075"})
    before = Screener(load_equipment(EQUIPMENT), pack).check(request)
    assert "MAT-003" in {f["rule"] for f in before.findings}
    stocked = edited_equipment(tmp_path, "stocked_materials: [aluminium_6082,",
                               "stocked_materials: [aluminium_7075, aluminium_6082,")
    after = Screener(stocked, pack).check(request)
    assert "MAT-003" not in {f["rule"] for f in after.findings}


@pytest.mark.parametrize("threshold, fires", [("0.05", True), ("0.02", False)])
def test_a_rule_threshold_in_yaml_decides_whether_it_fires(tmp_path, threshold, fires):
    pack_dir = tmp_path / "rules"
    pack_dir.mkdir()
    for source in (ROOT / "rules").glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        if "id: PRC-002" in text:
            assert "when: part.tolerance_mm < 0.05" in text
            text = text.replace("when: part.tolerance_mm < 0.05",
                                f"when: part.tolerance_mm < {threshold}")
        (pack_dir / source.name).write_text(text, encoding="utf-8")
    pack = load_packs([pack_dir], include_default=False)
    report = Screener(load_equipment(EQUIPMENT), pack).check(
        base_request(part={"tolerance_mm": 0.03}))
    assert ("PRC-002" in {f["rule"] for f in report.findings}) is fires
