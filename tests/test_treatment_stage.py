"""A treatment's place in the routing (the catalogue's ``stage``): a die insert is milled
soft, vacuum hardened, then wire-eroded, ground and measured; a shaft is turned, nitrided,
ground and measured; an anodised bracket is milled, measured, then anodised.  The lead
time's chain, the machines after the treatment (booked when the part is back) and the
measuring follow that one order."""

import copy
import json

import pytest

from producibility.inputs.yamlio import load

from conftest import EQUIPMENT, ROOT, run_cli

SHOP = ROOT / "examples" / "precision-shop"
DIE = SHOP / "requests" / "punch-die-insert.yaml"
SHAFT = SHOP / "requests" / "ground-shaft-partner.yaml"
SHOP_ARGS = ("--equipment", SHOP / "equipment.yaml", "--rules", SHOP / "rules")


def _chain(out, part):
    """The text report's chain of the slowest part, as its steps' texts."""
    line = next(line for line in out.splitlines()
                if line.strip().startswith(("slowest part " + part, "langzaamste onderdeel "
                                            + part)))
    return line.split(": ", 1)[1].split(" → ")


def _order(steps, *starts):
    """The positions of the steps that start with ``starts``, in that order."""
    return [next(i for i, step in enumerate(steps) if step.startswith(start))
            for start in starts]


def _written(tmp_path, path, **part):
    request = copy.deepcopy(dict(load(path)))
    request["parts"] = [dict(p) for p in request["parts"]]
    request["parts"][0].update(part)
    target = tmp_path / path.name
    target.write_text(json.dumps(request, default=str), encoding="utf-8")
    return target


def test_a_die_insert_is_hardened_before_it_is_eroded_ground_and_measured():
    code, out, err = run_cli("check", DIE, *SHOP_ARGS, "--lang", "en")
    assert code == 0, err
    steps = _chain(out, "DIE-01")
    positions = _order(steps, "3-axis milling", "vacuum hardening", "wire EDM",
                       "surface grinding", "measuring and inspection", "delivery")
    assert positions == sorted(positions), steps
    # one part alone: the same days as before (only the order moved)
    assert "Lead time: at least 12 working days" in out


def test_a_shaft_is_nitrided_before_it_is_ground_and_measured_in_dutch():
    code, out, err = run_cli("check", SHAFT, *SHOP_ARGS, "--lang", "nl")
    assert code == 0, err
    steps = _chain(out, "SH-16")
    positions = _order(steps, "draaien", "gasnitreren", "rondslijpen", "meten en keuren",
                       "levering")
    assert positions == sorted(positions), steps


def test_an_anodised_bracket_is_measured_before_it_is_anodised():
    code, out, err = run_cli("check", ROOT / "examples/requests/bracket-series.yaml",
                             "--equipment", EQUIPMENT, "--lang", "en")
    assert code == 0, err
    steps = _chain(out, "BR-100")
    positions = _order(steps, "3-axis milling", "measuring and inspection", "anodising",
                       "delivery")
    assert positions == sorted(positions), steps


def test_a_hardened_part_with_no_finishing_is_measured_after_hardening(tmp_path):
    request = _written(tmp_path, DIE, processes=["milling_3axis"], tolerance_mm=0.02,
                       roughness_ra_um=1.6)
    code, out, err = run_cli("check", request, *SHOP_ARGS, "--lang", "en")
    assert code == 0, err
    steps = _chain(out, "DIE-01")
    positions = _order(steps, "3-axis milling", "vacuum hardening",
                       "measuring and inspection", "delivery")
    assert positions == sorted(positions), steps


def test_a_stage_the_catalogue_does_not_know_is_one_clear_error(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "pack:\n  id: test-stage\n  version: 0.1.0\n  title: {en: stage, nl: stage}\n"
        "treatments:\n  - id: anodising\n    override: true\n"
        "    name: {en: anodising, nl: anodiseren}\n    kind: coating\n"
        "    stage: first\n", encoding="utf-8")
    code, out, err = run_cli("check", ROOT / "examples/requests/bracket-series.yaml",
                             "--equipment", EQUIPMENT, "--rules", pack)
    assert code != 0 and "Traceback" not in err
    assert "pack.yaml:" in err and "stage" in err


@pytest.mark.parametrize("stage, first", [("before_finishing", "anodising"),
                                          ("last", "measuring and inspection")])
def test_a_pack_places_its_treatment_by_its_stage(tmp_path, stage, first):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "pack:\n  id: test-stage\n  version: 0.1.0\n  title: {en: stage, nl: stage}\n"
        "treatments:\n  - id: anodising\n    override: true\n"
        "    name: {en: anodising, nl: anodiseren}\n    kind: coating\n"
        "    families: [aluminium]\n    lead_time_days: 5\n"
        f"    stage: {stage}  # a test of the field\n", encoding="utf-8")
    code, out, err = run_cli("check", ROOT / "examples/requests/bracket-series.yaml",
                             "--equipment", EQUIPMENT, "--rules", pack, "--lang", "en")
    assert code == 0, err
    steps = _chain(out, "BR-100")
    assert min(_order(steps, "anodising", "measuring and inspection")) == \
        _order(steps, first)[0]
