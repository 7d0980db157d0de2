"""A machine short of hours, as a planner reads it: the hours in the operation's own
window (not all the weeks to the wanted date), and a partner weighed against our own
overtime (not against our normal hours), through the CLI.

The shop (tests/data/overflow/equipment.yaml): the example shop, whose Hermle C 250 has
10 free hours a week (2 a working day) at EUR 120/h, and a milling partner, Freesbedrijf
Deurne, 8 working days, EUR 150 an order + EUR 30 a piece; 1 working day of transport
each way (the default pack).  The request (request.yaml): 300 blocks of 6 min
(30 h of run + 2 h set-up = 32 h) at ± 0.015 mm, which only the Hermle holds (the VF-2
and VF-4 reach 0.02 mm), anodised (5 days at the anodiser + 2 x 1 transport = 7), dated
2026-11-23 and wanted 2026-12-11: 14 working days.  Overtime: the default pack's 3 h a
day on top of the free hours, the premium 0.5 on the labour share 0.4 of the rate.
"""

import json

import jsonschema

from conftest import ROOT, run_cli

DATA = ROOT / "tests/data/overflow"
SHOP = DATA / "equipment.yaml"
REPORT_SCHEMA = json.loads((ROOT / "producibility/schemas/report.schema.json").read_text())


def check(request, *args, equipment=SHOP):
    code, out, err = run_cli("check", DATA / request, "--equipment", equipment, *args)
    assert (code, err) == (0, "")
    return out


def line(out, start):
    """The first line of ``out`` that starts with ``start`` (indented or not), its money's
    no-break spaces as spaces."""
    return next(text.strip().replace("\xa0", " ") for text in out.splitlines()
                if text.lstrip().startswith(start))


def test_the_late_reason_counts_the_hours_in_the_operations_own_window():
    """In house (overflow: later).  14 working days to the wanted date; CAM 5.5 h at
    4 h a day = 1.375 days before the mill, measuring 2 h at 4 h a day = 0.5, anodising
    7 and delivery 1 after it: 14 - 9.875 = 4.125 working days, x 2 h = 8.25 h (shown
    8.2) for the 32 h; the 28 h of 2.8 working weeks x 10 h stay beside it.  It read
    "needs 32.0 h, 28.0 h free in the 2.8 working weeks": 4 hours short, where it is 24."""
    out = check("request.yaml", "--rules", DATA / "in-house")
    assert line(out, "A 3-axis milling ->") == (
        "A 3-axis milling -> hermle-c250 [later than wanted: needs 32.0 h; 8.2 h free in "
        "the 4.1 working days left for it (after CAM, before measuring, anodising, "
        "delivery); 28.0 h in the 2.8 working weeks to the wanted date]")
    out = check("request.yaml", "--rules", DATA / "in-house", "--lang", "nl")
    assert line(out, "A 3-assig frezen ->") == (
        "A 3-assig frezen -> hermle-c250 [later dan gewenst: vraagt 32,0 u; 8,2 u vrij in "
        "de 4,1 werkdagen die ervoor overblijven (na CAM, vóór meten, anodiseren, "
        "levering); 28,0 u in de 2,8 werkweken tot de gewenste datum]")
    # a shop that keeps its work in house names no partner
    assert "not chosen" not in out and "niet gekozen" not in out


def test_of_two_parts_the_window_decides_which_is_late():
    """Two blocks of 100 x 6 min (12 h each with the 2 h set-up) on the Hermle, wanted
    2026-12-04: 9 working days.  A's window: 9 - 1.375 (CAM) - 0.5 (measuring) - 1
    (delivery) = 6.125 days, 12.25 h: A's 12 h fit, just, and A ends in time
    (1.375 + 6 + 0.5 + 1 = 8.875 days).  B's 12 h find 0.25 h left of B's own 12.25 h:
    late, with A named (it read "12.0 h of its 18.0 h free before the wanted date").
    B stays on the Hermle: with 3 overtime hours a day (5 h a day) A's 12 h take 2.4
    days and B's the next 2.4: B is done on day 1.375 + 4.8 = 6.2, measured (0.5) and
    delivered (1) on day 7.7: 8 working days, 2026-12-03, in time; at the partner B
    took 1 (CAM) + 8 + 2 x 1 + 0.44 + 1 = 12.4, 13 working days, 2026-12-10 (it went
    there, and the report named no overtime)."""
    out = check("two-blocks.yaml")
    assert line(out, "A 3-axis milling ->") == "A 3-axis milling -> hermle-c250"
    assert line(out, "B 3-axis milling ->") == (
        "B 3-axis milling -> hermle-c250 [later than wanted: needs 12.0 h, but 12.0 h of "
        "its 12.2 h free in the 6.1 working days left for it (after CAM, before "
        "measuring, delivery) already go to A]")
    assert line(out, "Lead time:") == (
        "Lead time: 15 working days, earliest delivery 2026-12-14 (wanted 2026-12-04); "
        "with overtime 2026-12-03 (+€ 346 - € 397); not chosen: B 3-axis milling at "
        "Freesbedrijf Deurne: 13 working days, 2026-12-10, € 3,150")


def test_a_partner_is_weighed_against_our_overtime():
    """Overflow to a partner (the default pack's).  The partner: 1 (CAM) + 8 + 2 x 1
    (transport) + 0.44 (measuring) + 7 (anodising) + 1 (delivery) = 19.4, 20 working
    days, 2026-12-21, EUR 9,150 for the milling (150 + 300 x 30).  Our Hermle with 3
    overtime hours a day: 2 + 3 = 5 h a day, 32 h in 6.4 days; 1.375 + 6.4 + 0.5 + 7 +
    1 = 16.3, 17 working days, 2026-12-16, for its 32 h at EUR 120 (EUR 3,840) and the
    premium: 3/5 of the 32 h attended in overtime, EUR 2,304, x 0.4 labour x 0.5 = EUR
    461 (EUR 530 with the contingency).  Both miss 2026-12-11; ours with overtime is 3
    working days sooner and about EUR 5,000 cheaper: the Hermle keeps it (the partner
    had it, and the report did not mention overtime at all), and the partner not
    chosen is one line of the lead time."""
    out = check("request.yaml")
    assert line(out, "A 3-axis milling ->").startswith(
        "A 3-axis milling -> hermle-c250 [later than wanted: needs 32.0 h; 8.2 h free")
    assert line(out, "Lead time:").startswith(
        "Lead time: 26 working days, earliest delivery 2027-01-06 (wanted 2026-12-11); "
        "with overtime 2026-12-16 (+€ 461 - € 530, still after the wanted date); not "
        "chosen: A 3-axis milling at Freesbedrijf Deurne: 20 working days, 2026-12-21, "
        "€ 9,150; ")
    assert "FIT-OUTSIDE-WORK (effort) Part A: our machines" not in out
    assert line(out, "Cost:").startswith("Cost: € 6,126 - ")
    out = check("request.yaml", "--lang", "nl")
    assert "; niet gekozen: A 3-assig frezen bij Freesbedrijf Deurne: 20 werkdagen, " \
        "21-12-2026, € 9.150; " in line(out, "Levertijd:")
    report = json.loads(check("request.yaml", "--format", "json"))
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["lead_time"]["expedited"]["earliest_date"] == "2026-12-16"
    assert report["lead_time"]["alternative"] == {
        "kind": "partner", "days": 20, "earliest_date": "2026-12-21", "overtime": False,
        "amount_eur": 9150.0, "extra_eur": None, "extra_high_eur": None,
        "operations": [{"part": "A", "process": "milling_3axis", "machine": None,
                        "partner": "freesbedrijf-deurne", "name": "Freesbedrijf Deurne"}]}


def test_a_partner_sooner_than_our_overtime_takes_it_and_our_overtime_is_named(tmp_path):
    """The partner in 2 working days: 2 + 2 x 1 = 4 days for the milling, sooner than
    the Hermle's 6.4 with overtime: the partner takes it (1 + 4 + 0.44 + 7 + 1 = 13.4,
    14 working days, 2026-12-11, in time), and the lead time names our overtime not
    chosen: 17 working days, 2026-12-16, EUR 3,840 + EUR 461 - 530 (as above).  Its
    machine short of hours says so in the milling's own window too: 14 - 1 (CAM) -
    0.44 (measuring) - 7 - 1 = 4.56 working days, 9.1 h."""
    fast = tmp_path / "fast-partner.yaml"
    fast.write_text(SHOP.read_text(encoding="utf-8").replace(
        "lead_time_days: 8", "lead_time_days: 2"), encoding="utf-8")
    out = check("request.yaml", equipment=fast)
    assert line(out, "A 3-axis milling ->") == \
        "A 3-axis milling -> outside work: Freesbedrijf Deurne (2 d)"
    assert line(out, "rejected hermle-c250:") == (
        "rejected hermle-c250: needs 32.0 h; 9.1 h free in the 4.6 working days left for "
        "it (after CAM, before measuring, anodising, delivery); 28.0 h in the 2.8 working "
        "weeks to the wanted date")
    assert line(out, "Lead time:") == (
        "Lead time: 14 working days, earliest delivery 2026-12-11 (wanted 2026-12-11); "
        "not chosen: A 3-axis milling in house with overtime: 17 working days, "
        "2026-12-16, € 3,840 + € 461 - € 530 overtime")
    out = check("request.yaml", "--lang", "nl", equipment=fast)
    assert line(out, "Levertijd:").endswith(
        "; niet gekozen: A 3-assig frezen in eigen huis met overwerk: 17 werkdagen, "
        "16-12-2026, € 3.840 + € 461 - € 530 overwerk")
