"""A rule's set-up hours (``effort.setup_h`` of a candidate rule) are set-up on the
finding's machine: priced at its rate, weighed when the machine is chosen, and taking
its hours in the lead time and in its free hours before the wanted date (a pack
author's 4 h fixture on the DMU moved the price, never the date)."""

from conftest import ROOT, base_request
from producibility import Screener, load_packs

FIXTURE = """\
rules:
  - id: SHOP-SETUP
    thread: process_capability
    title: {{en: Extra fixture, nl: Extra opspanning}}
    scope: candidate
    when: "{when}"
    then:
      effort: {{setup_h: {hours}}}
    message: {{en: "{{{{ part.id }}}}: an extra fixture.", nl: "{{{{ part.id }}}}: een extra opspanning."}}
    mitigation: {{en: Build the fixture., nl: Maak de opspanning.}}
    source: {{en: "Judgement: our own fixture time.", nl: "Inschatting: onze eigen opspantijd."}}
"""


def screen(tmp_path, equipment, request, when="true", hours=16):
    own = tmp_path / "own.yaml"
    own.write_text(FIXTURE.format(when=when, hours=hours), encoding="utf-8")
    return Screener(equipment, load_packs([own])).check(request)


def operation(report, part="P1"):
    entry = next(p for p in report["lead_time"]["parts"] if p["part"] == part)
    return next(s for s in entry["steps"] if s["step"] == "operation")


def test_a_rules_set_up_hours_take_the_machine_in_the_lead_time(tmp_path, equipment,
                                                                 screener):
    request = base_request()
    before = screener.check(request).to_dict()
    report = screen(tmp_path, equipment, request)
    after = report.to_dict()
    machine = after["assignments"][0]["machine"]
    assert machine == before["assignments"][0]["machine"]
    free_a_day = next(m for m in equipment.machines
                      if m["id"] == machine)["free_h_per_week"] / 5
    grown = operation(after)["days"] - operation(before)["days"]
    assert abs(grown - 16 / free_a_day) < 0.02
    assert after["lead_time"]["days"] > before["lead_time"]["days"]
    assert "of which 16 h set-up for SHOP-SETUP" in operation(after)["text"]
    assert "set-up of rule SHOP-SETUP: effort.setup_h" in operation(after)["source"]
    # the shop's own rule: its hours are the shop's own figures
    assert operation(after)["basis"] == "given"
    # and the quote prices them once, on that machine at its rate
    lines = [line for line in after["quote"]["lines"] if line["rule"] == "SHOP-SETUP"]
    assert [(line["kind"], line["machine"], line["hours"]) for line in lines] == \
        [("setup", machine, 16)]


def test_the_dutch_chain_names_the_rules_set_up(tmp_path, equipment):
    own = tmp_path / "own.yaml"
    own.write_text(FIXTURE.format(when="true", hours=4), encoding="utf-8")
    report = Screener(equipment, load_packs([own])).check(base_request(), lang="nl")
    assert "waarvan 4 uur omstellen voor SHOP-SETUP" in operation(report.to_dict())["text"]


def test_a_rules_set_up_on_one_machine_is_weighed_in_its_choice(tmp_path, equipment,
                                                                screener):
    """4 h of extra set-up on the cheapest mill make another mill the cheaper choice."""
    request = base_request()
    first = screener.check(request).to_dict()["assignments"][0]
    assert first["machine"] == "haas-vf2" and first["alternatives"]
    after = screen(tmp_path, equipment, request, when="machine.id == 'haas-vf2'",
                   hours=4).to_dict()
    assert after["assignments"][0]["machine"] != "haas-vf2"
    assert not any(f["rule"] == "SHOP-SETUP" for f in after["findings"])


def test_a_rules_set_up_counts_against_the_machines_free_hours(tmp_path, equipment,
                                                              screener):
    """Without the rule the part fits the machines' hours before the wanted date; with 60 h
    of set-up on every mill no mill has the hours, and the report says the part is late."""
    request = base_request(wanted_date="2026-12-04")
    before = screener.check(request).to_dict()
    assert not any(a.get("late") for a in before["assignments"])
    after = screen(tmp_path, equipment, request, hours=60).to_dict()
    late = [a for a in after["assignments"] if a.get("late")]
    assert late, after["assignments"]
    assert after["lead_time"]["meets_wanted_date"] is False


def test_an_alternative_for_a_late_part_counts_the_rules_set_up_on_it(equipment):
    """P2 (700 mm: the VF-4 comfortably, the VF-2 marginally) is late on the VF-4 after
    P1, which took it; its alternative the VF-2 has 16 h free, and P2 there needs 11 h,
    plus the 60 h of fixture the shop's rule (tests/data/fixture-on-the-vf2.yaml) puts on
    every part there.  The report offered the VF-2 as an alternative with the hours;
    now the VF-2 is rejected for P2 with the hours the choice weighed, the fixture's
    included, as the chosen machine's are."""
    request = base_request(quantity=1, wanted_date="2026-11-30",
                           part={"cycle_time_min": 6000})
    request["parts"].append(dict(request["parts"][0], id="P2", size_mm=[700, 60, 20],
                                 cycle_time_min=600))
    pack = load_packs([ROOT / "tests/data/fixture-on-the-vf2.yaml"])
    report = Screener(equipment, pack).check(request).to_dict()
    p2 = next(a for a in report["assignments"] if a["part"] == "P2")
    assert p2["machine"] == "haas-vf4" and p2.get("late")
    assert p2["alternatives"] == []
    (vf2,) = [r for r in p2["rejected"] if r["machine"] == "haas-vf2"]
    assert vf2["reasons"] == ["needs 71.0 h; 11.4 h free in the 3.6 working days left for "
                              "it (after CAM, before measuring, delivery); 16.0 h in the 1.0 "
                              "working weeks to the wanted date"]
