"""What a turned part needs of the lathe (a bar-turning shop's review): cross holes or
flats off the axis need driven tools (machine ``live_tooling``), machining the cut-off
side a counter spindle (``sub_spindle``). A lathe without them makes the part in a second
clamping: PRC-019 and PRC-020 add its set-up, the turning run time its handling a piece
(the catalogue's ``reclamp`` minutes), and the machine choice weighs both, so the part
goes to a lathe that makes it in one clamping where there is one. The shops:
``tests/data/bar-turning`` (Citizen L20 with both, DMG MORI CLX 350 V4 with driven tools
and no counter spindle, Haas ST-10 with neither) and ``rules/tests/equipment-bar-fed.yaml``
(the CLX 350 alone)."""

import json
from pathlib import Path

import yaml

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
SHOP = ROOT / "tests" / "data" / "bar-turning"
FITTING = SHOP / "requests" / "r01-brass-fitting-20k.yaml"  # 20,000 Ø18 x 32 CW614N
CLX_ONLY = ROOT / "rules" / "tests" / "equipment-bar-fed.yaml"


def check(tmp_path, equipment, lang="en", **answers):
    request = yaml.safe_load(FITTING.read_text(encoding="utf-8"))
    request["parts"][0].update(answers)
    path = tmp_path / "fitting.yaml"
    path.write_text(yaml.safe_dump(request, allow_unicode=True), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", equipment, "--as-of",
                             "2026-11-23", "--format", "json", "--lang", lang, "--no-probe")
    assert code == 0, err
    return json.loads(out)


def rules(report):
    return {f["rule"] for f in report["findings"]}


def run_line(report):
    (line,) = [x for x in report["quote"]["lines"] if x["kind"] == "run" and not x["rule"]]
    return line


def test_a_fitting_with_a_cross_hole_and_a_machined_back_goes_to_the_lathe_with_both(
        tmp_path):
    """The fitting goes to the CLX 350 (the cheapest); with a cross hole and its cut-off
    side machined it goes to the Citizen L20, which drills the hole with its driven tools
    and faces the back in its counter spindle in the one cycle: no second clamping."""
    plain = check(tmp_path, SHOP / "equipment.yaml")
    both = check(tmp_path, SHOP / "equipment.yaml", cross_features=True, back_working=True)
    assert plain["assignments"][0]["machine"] == "dmg-clx350"
    assert both["assignments"][0]["machine"] == "citizen-l20"
    assert not rules(both) & {"PRC-019", "PRC-020"}
    assert "clamped again" not in run_line(both)["source"]


def test_back_working_without_a_counter_spindle_is_a_second_clamping(tmp_path):
    """On the CLX 350 alone (no counter spindle) each of the 20,000 fittings is turned
    round: PRC-020's 0.5 h set-up and 0.5 min a piece in the run (166.67 h at EUR 90)."""
    plain = check(tmp_path, CLX_ONLY)
    back = check(tmp_path, CLX_ONLY, back_working=True)
    assert "PRC-020" in rules(back) and "PRC-020" not in rules(plain)
    assert "PRC-019" not in rules(back)
    line = run_line(back)
    assert "+ clamped again 0.5 min (the cut-off side machined, no counter spindle" \
        in line["source"]
    extra = line["amount_eur"] - run_line(plain)["amount_eur"]
    assert abs(extra - 0.5 / 60 * 20000 * 90) < 1.0, extra
    setup = [x for x in back["quote"]["lines"] if x["rule"] == "PRC-020"]
    assert setup and setup[0]["amount_eur"] == 0.5 * 90


def test_a_cross_hole_on_a_lathe_with_driven_tools_needs_no_second_clamping(tmp_path):
    """The CLX 350 V4 has driven tools: a cross hole is drilled in the cycle."""
    report = check(tmp_path, CLX_ONLY, cross_features=True)
    assert "PRC-019" not in rules(report)
    assert "clamped again" not in run_line(report)["source"]


def test_a_cross_hole_on_a_2_axis_lathe_is_a_second_operation(tmp_path):
    """The Haas ST-20 of the example shop has no driven tools (an option, not fitted): a
    Ø18 fitting with a cross hole gets PRC-019 (1 h set-up, a day's wait) and 1 min a
    piece; in Dutch too."""
    equipment = ROOT / "examples" / "equipment.yaml"
    report = check(tmp_path, equipment, cross_features=True, material="brass_cw614n")
    assert report["assignments"][0]["machine"] == "haas-st20"
    assert "PRC-019" in rules(report)
    assert "+ clamped again 1 min (cross holes or flats, no driven tools" \
        in run_line(report)["source"]
    dutch = check(tmp_path, equipment, lang="nl", cross_features=True,
                  material="brass_cw614n")
    assert "+ omspannen 1 min (dwarsgaten of sleutelvlakken, geen aangedreven gereedschap" \
        in run_line(dutch)["source"]
    (finding,) = [f for f in dutch["findings"] if f["rule"] == "PRC-019"]
    assert "tweede opspanning" in finding["message"]
