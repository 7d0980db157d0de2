"""A partner's own transport days (the equipment file's ``transport_days``): a hardener
that collects and delivers the same day, or a grinder next door, took the pack's one
working day each way like any other (the planner's review: "a partner with
shipment_eur: 0 or next door still costs 2 wd, and there is no per-partner
transport_days")."""

import json
import shutil

import yaml

from conftest import EXAMPLES, run_cli

SHOP = EXAMPLES / "precision-shop"


def _shaft(tmp_path, monkeypatch, **hardener):
    shop = tmp_path / "shop"
    shutil.copytree(SHOP, shop)
    path = shop / "equipment.yaml"
    equipment = yaml.safe_load(path.read_text(encoding="utf-8"))
    for partner in equipment["partners"]:
        if partner["id"] == "harderij-brabant":
            partner.update(hardener)
    path.write_text(yaml.safe_dump(equipment, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    monkeypatch.chdir(shop)
    code, out, err = run_cli("check", "requests/ground-shaft-partner.yaml", "--format",
                             "json", "--no-probe", "--lang", "en")
    assert code == 0, err
    report = json.loads(out)
    steps = report["lead_time"]["parts"][0]["steps"]
    nitriding = next(s for s in steps if s.get("partner") == "harderij-brabant")
    return report["lead_time"], nitriding


def test_a_partner_that_collects_and_delivers_the_same_day_adds_no_transport(
        tmp_path, monkeypatch):
    """The shaft: turning, gas nitriding at the hardener (5 wd), grinding (7 wd), with the
    pack's 1 wd each way: 5 + 2 = 7 wd at the hardener, 18 working days in all. The
    hardener collects and delivers the same day (transport_days: 0): 5 wd, 16 in all,
    its figure given (its own), where the pack's transport made it a default."""
    lead, nitriding = _shaft(tmp_path, monkeypatch)
    assert (nitriding["days"], nitriding["basis"]) == (7, "default")
    assert "5 wd + 2 x 1 wd transport" in nitriding["text"]
    days = lead["days"]
    lead, nitriding = _shaft(tmp_path / "own", monkeypatch, transport_days=0)
    assert (nitriding["days"], nitriding["basis"]) == (5, "given")
    assert "transport" not in nitriding["text"]
    assert lead["days"] == days - 2
    # a partner two days away each way: 5 + 2 x 2
    lead, nitriding = _shaft(tmp_path / "far", monkeypatch, transport_days=2)
    assert nitriding["days"] == 9 and "5 wd + 2 x 2 wd transport" in nitriding["text"]
    assert lead["days"] == days + 2


def test_a_partners_transport_days_out_of_range_is_one_line(tmp_path, monkeypatch):
    shop = tmp_path / "shop"
    shutil.copytree(SHOP, shop)
    path = shop / "equipment.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    lead_time_days: 5\n", "    lead_time_days: 5\n"
                                 "    transport_days: -1\n", 1), encoding="utf-8")
    monkeypatch.chdir(shop)
    code, out, err = run_cli("check", "requests/ground-shaft-partner.yaml")
    assert code == 1 and "Traceback" not in err
    assert "equipment.yaml:" in err and "transport_days" in err, err
