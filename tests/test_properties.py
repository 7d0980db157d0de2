"""Property-based tests: the check always ends cleanly, and verdicts move the right way."""

import copy
import functools
import json

import jsonschema
from hypothesis import HealthCheck, given, settings, strategies as st

from producibility import InputError, Screener, load_equipment, load_packs
from producibility.engine import fit as fitting
from producibility.inputs.yamlio import loads

from conftest import EQUIPMENT, ROOT

REPORT_SCHEMA = json.loads((ROOT / "producibility/schemas/report.schema.json").read_text())
PROCESSES = ["milling_3axis", "milling_5axis", "turning", "laser_cutting", "bending",
             "welding", "fdm", "sla"]
MATERIALS = ["aluminium_6082", "aluminium_7075", "steel_s235", "stainless_304",
             "stainless_316", "titanium_gr5", "pom", "petg", "pla", "resin_standard"]
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=None)
def catalogue():
    return loads(EQUIPMENT.read_text(encoding="utf-8"), str(EQUIPMENT))


@functools.lru_cache(maxsize=None)
def pack():
    return load_packs()


@functools.lru_cache(maxsize=None)
def screener():
    return Screener(load_equipment(EQUIPMENT), pack())


def screener_for(document):
    return Screener(load_equipment(copy.deepcopy(document)), pack())


dims = st.lists(st.floats(1, 2500, allow_nan=False).map(lambda x: round(x, 1)),
                min_size=3, max_size=3)
part_strategy = st.fixed_dictionaries(
    {"id": st.just("P"), "processes": st.lists(st.sampled_from(PROCESSES), min_size=1,
                                                max_size=2, unique=True),
     "material": st.sampled_from(MATERIALS), "size_mm": dims,
     "tolerance_mm": st.sampled_from([0.005, 0.01, 0.02, 0.05, 0.1, 0.3, 1.0])},
    optional={"thickness_mm": st.sampled_from([1.0, 3.0, 6.0, 15.0, 30.0]),
              "diameter_mm": st.floats(5, 400).map(lambda x: round(x, 1)),
              "length_mm": st.floats(5, 800).map(lambda x: round(x, 1)),
              "cycle_time_min": st.floats(0.5, 120).map(lambda x: round(x, 1)),
              # "none" is an answer where the feature may be absent
              "min_thread_mm": st.sampled_from([1.6, 3, 8, "geen", "none"]),
              "min_hole_diameter_mm": st.sampled_from([1.0, 6.0, "geen"]),
              "max_hole_depth_mm": st.sampled_from([5.0, 80.0, "n.v.t."]),
              "quantity": st.integers(1, 8)})


def with_ids(parts):
    """Numbered parts; a sheet no thicker than the part (a thicker one is refused, by
    validate and check alike)."""
    out = [dict(p, id=f"P{i}") for i, p in enumerate(parts)]
    for p in out:
        if "thickness_mm" in p:
            p["thickness_mm"] = min(p["thickness_mm"], min(p["size_mm"]))
    return out


request_strategy = st.fixed_dictionaries(
    {"id": st.just("H-1"), "date": st.just("2026-11-23"),
     "parts": st.lists(part_strategy, min_size=1, max_size=3).map(with_ids)},
    optional={"purpose": st.sampled_from(["prototype", "pilot", "small_series", "series"]),
              "quantity": st.integers(1, 5000),
              "wanted_date": st.sampled_from(["2026-11-30", "2026-12-20", "2027-03-01"]),
              "drawing_with_tolerances": st.booleans(), "model_3d": st.booleans(),
              "design_frozen": st.booleans(), "prototype_built": st.booleans(),
              "nda_required": st.booleans(), "customer_operates_machine": st.booleans()})

junk = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) |
                    st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@SETTINGS
@given(request_strategy)
def test_any_valid_request_gives_a_valid_report(request):
    report = screener().check(request).to_dict()
    jsonschema.validate(report, REPORT_SCHEMA)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["id", "purpose", "quantity", "parts", "date",
                                        "wanted_date", "model_3d", "junk"]), junk))
def test_junk_requests_give_a_report_or_a_clean_error(request):
    try:
        report = screener().check(request).to_dict()
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc).splitlines()[0]
    else:
        jsonschema.validate(report, REPORT_SCHEMA)


@SETTINGS
@given(request_strategy, st.integers(0, 10))
def test_adding_a_machine_never_turns_a_fit_into_no_fit(request, which):
    document = copy.deepcopy(catalogue())
    machines = document["machines"]
    extra = machines.pop(which % len(machines))
    smaller = screener_for(document).check(request).verdict
    document["machines"].append(extra)
    larger = screener_for(document).check(request).verdict
    if smaller != "no_fit":
        assert larger != "no_fit"


@SETTINGS
@given(part_strategy, st.sampled_from(PROCESSES), st.integers(0, 10),
       st.floats(0.1, 0.99))
def test_tightening_a_tolerance_never_makes_a_part_fit(part, process, which, factor):
    machine = catalogue()["machines"][which % len(catalogue()["machines"])]
    if process not in machine["processes"]:
        return
    part = dict(part, diameter_mm=part.get("diameter_mm", 50), length_mm=part.get("length_mm", 50),
                thickness_mm=part.get("thickness_mm", 3))
    margins = pack().settings["fit"]
    before = fitting.check(part, process, machine, margins).fits
    tighter = dict(part, tolerance_mm=part["tolerance_mm"] * factor)
    after = fitting.check(tighter, process, machine, margins).fits
    assert not (after and not before)


@SETTINGS
@given(request_strategy, st.sampled_from(MATERIALS))
def test_removing_a_stocked_material_never_removes_a_materials_finding(request, material):
    document = copy.deepcopy(catalogue())
    stock = document["provider"]["stocked_materials"]
    if material not in stock:
        stock.append(material)

    def materials_findings(doc):
        report = screener_for(doc).check(request)
        # more than we keep (MAT-016) becomes not kept at all (MAT-003): both order it
        return {("order" if f["rule"] in ("MAT-003", "MAT-016") else f["rule"], f["part"])
                for f in report.findings if f["thread"] == "materials"}

    with_material = materials_findings(document)
    stock.remove(material)
    document["provider"].get("stock_kg", {}).pop(material, None)
    without = materials_findings(document)
    assert with_material <= without
