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
