"""The quote's cost lines against hand calculations written out here.

The catalogue figures used (density, price per kg, speed factor, run-time model) are
those of rules/catalogue; the pack defaults those of rules/pack.yaml (costing:).
Machine set-up hours and rates come from the equipment file, as the report states them.
"""

import copy
import math
import re

import pytest

from producibility import Screener, load_equipment, load_packs

from conftest import base_request

ENG = 85   # examples/equipment.yaml: provider.engineering_rate_eur_h
INSP = 90  # examples/equipment.yaml: provider.inspection_rate_eur_h


def lines(report, kind, process=None):
    return [line for line in report["quote"]["lines"] if line["kind"] == kind and
            line["rule"] is None and (process is None or line["process"] == process)]


def one(report, kind, process=None):
    found = lines(report, kind, process)
    assert len(found) == 1, (kind, process, report["quote"]["lines"])
    return found[0]


def both_shops():
    """[(screener, its example request paths)] of the example shop and the precision
    shop (its own equipment and pack)."""
    from conftest import EXAMPLES, REQUESTS
    from producibility import load_equipment, load_packs
    shop = EXAMPLES / "precision-shop"
    return [(Screener(load_equipment(str(EXAMPLES / "equipment.yaml")), load_packs()),
             REQUESTS),
            (Screener(load_equipment(str(shop / "equipment.yaml")),
                      load_packs([shop / "rules"])),
             sorted((shop / "requests").glob("*.yaml")))]


def machine_of(report, process):
    return next(a for a in report["assignments"] if a["process"] == process)


ENGLISH = re.compile(r"\b(pcs|batch|pack settings|equipment file|rule|rate|removal|cut length|"
                     r"weld length|price|weight|envelope|attended|overtime|contingency|"
                     r"height|infill|features|hits|cavities|allowance|skeleton|thickness|"
                     r"bends|pierces|speed factor|saw cut|packing density)\b")


def in_language(text, lang):
    """Whether a quote line's source reads as ``lang`` writes it: no English words and
    no decimal point in Dutch."""
    return lang == "en" or not (ENGLISH.search(text) or re.search(r"\d\.\d", text))


def check_machine_lines(report, process, run_min_per_piece, pieces, batches=1,
                        basis="estimated", cam_h=None, lang="en"):
    a = machine_of(report, process)
    setup = one(report, "setup", process)
    assert setup["amount_eur"] == pytest.approx(a["setup_h"] * a["rate_eur_h"], abs=0.01)
    assert setup["hours"] == pytest.approx(a["setup_h"], abs=0.01)
    run = one(report, "run", process)
    assert run["basis"] == basis
    hours = run_min_per_piece * pieces / 60
    assert run["hours"] == pytest.approx(hours, abs=0.01)
    # the hours as printed times the rate (an ERP multiplies the two it imports)
    assert run["amount_eur"] == round(round(hours, 2) * a["rate_eur_h"], 2)
    cam = one(report, "cam", process)
    assert cam["basis"] == "default"
    assert cam["amount_eur"] == pytest.approx(cam_h * ENG, abs=0.01)
    for line in (setup, run, cam):
        assert in_language(line["source"], lang), (lang, line["source"])
    return run


LANGS = ("en", "nl")


@pytest.mark.parametrize("lang", LANGS)
def test_milled_part(screener, lang):
    report = screener.check(base_request(part={"cycle_time_min": None}), lang=lang).to_dict()
    # block: 120 x 60 x 20 plus 2 mm allowance on every side = 124 x 64 x 24 mm
    kg = 124 * 64 * 24 * 1e-9 * 2700
    material = one(report, "material")
    assert material["amount_eur"] == pytest.approx(kg * 6.0 * 10, abs=0.01)
    assert material["basis"] == "estimated"
    # removal: block 190.464 cm3 - half the envelope (144 cm3 x 0.5 = 72 cm3),
    # at 25 cm3/min x speed factor 3.0 (aluminium); then the finishing over the part's
    # box surface (2 x (120 x 60 + 120 x 20 + 60 x 20) mm2 = 216 cm2) at 15 cm2/min x 3.0,
    # and 1.5 min to clamp and change tools
    minutes = (124 * 64 * 24 / 1000 - 120 * 60 * 20 / 1000 * 0.5) / (25 * 3.0) \
        + 216 / (15 * 3.0) + 1.5
    check_machine_lines(report, "milling_3axis", minutes, 10, cam_h=1.5, lang=lang)
    inspection = one(report, "inspection")
    assert inspection["amount_eur"] == pytest.approx(0.25 * INSP)
    words = {"en": ("material", "set-up", "CAM"), "nl": ("materiaal", "omstellen", "CAM")}
    assert words[lang][0] in material["description"]
    assert words[lang][1] in one(report, "setup")["description"]


@pytest.mark.parametrize("lang", LANGS)
def test_turned_part(screener, lang):
    request = base_request(quantity=20, part={
        "processes": ["turning"], "material": "steel_c45", "size_mm": None,
        "diameter_mm": 40, "length_mm": 100, "cycle_time_min": None})
    report = screener.check(request, lang=lang).to_dict()
    # bar: diameter 40 + 2 x 2 = 44 mm, length 100 + 2 x 2 + 5 mm saw cut = 109 mm
    bar_mm3 = math.pi / 4 * 44 ** 2 * 109
    kg = bar_mm3 * 1e-9 * 7850
    assert one(report, "material")["amount_eur"] == pytest.approx(kg * 2.2 * 20, abs=0.01)
    # removal: bar minus half the envelope cylinder, at 40 cm3/min x speed factor 1.0;
    # then the cylinder's surface (pi x 40 x 100 + pi x 40 x 40 / 2 mm2) at 100 cm2/min,
    # and 0.5 min to load and change tools
    minutes = (bar_mm3 / 1000 - math.pi / 4 * 40 ** 2 * 100 / 1000 * 0.5) / (40 * 1.0) \
        + (math.pi * 40 * 100 + math.pi * 40 * 40 / 2) / 100 / 100 + 0.5
    check_machine_lines(report, "turning", minutes, 20, cam_h=0.75, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_metal_part(screener, lang):
    request = base_request(quantity=50, part={
        "processes": ["laser_cutting", "bending"], "material": "steel_s235",
        "size_mm": [200, 100, 30], "thickness_mm": 3, "tolerance_mm": 0.3,
        "cycle_time_min": None})
    report = screener.check(request, lang=lang).to_dict()
    # blank: (200 + 2 x 10) x (100 + 2 x 10) mm skeleton margin x 3 mm
    kg = 220 * 120 * 3 * 1e-9 * 7850
    assert one(report, "material")["amount_eur"] == pytest.approx(kg * 1.4 * 50, abs=0.01)
    # laser: cut length 2 x (200 + 100) x 1.5 = 900 mm at 8 m/min (3 mm), 4 pierces x 1 s
    check_machine_lines(report, "laser_cutting", 0.9 / 8 + 4 * 1 / 60, 50, cam_h=0.25,
                        lang=lang)
    # press brake: 4 bends x 20 s
    check_machine_lines(report, "bending", 4 * 20 / 60, 50, cam_h=0.5, lang=lang)


def test_a_bent_part_heavier_than_its_blank_is_priced_by_its_weight(screener):
    """The 220 x 120 x 3 mm blank of the cover above weighs 0.62 kg; a cover of 1 kg
    unfolds beyond its bounding box (its flanges): the stock is its weight plus the
    off-cuts (15 %), never a blank lighter than the part."""
    request = base_request(quantity=50, part={
        "processes": ["laser_cutting", "bending"], "material": "steel_s235",
        "size_mm": [200, 100, 30], "thickness_mm": 3, "tolerance_mm": 0.3,
        "cycle_time_min": None, "weight_kg": 1.0})
    line = one(screener.check(request).to_dict(), "material")
    assert line["amount_eur"] == pytest.approx(1.0 * 1.15 * 1.4 * 50, abs=0.01)
    assert "part weight plus 15% sheet scrap" in line["description"]
    light = dict(request, parts=[dict(request["parts"][0], weight_kg=0.5)])
    assert one(screener.check(light).to_dict(), "material")["amount_eur"] == pytest.approx(
        220 * 120 * 3 * 1e-9 * 7850 * 1.4 * 50, abs=0.01)


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_metal_cycle_time_split_over_routing(screener, equipment, pack, lang):
    request = base_request(quantity=50, batches=2, part={
        "processes": ["laser_cutting", "bending"], "material": "steel_s235",
        "size_mm": [200, 100, 30], "thickness_mm": 3, "tolerance_mm": 0.3,
        "cycle_time_min": 4})
    report = screener.check(request, lang=lang).to_dict()
    # one cycle time of 4 min for the part, over the laser and the press brake as the
    # catalogue's run-time models divide it: our division of the customer's figure
    from producibility.report.costing import run_minutes
    machines = {m["id"]: m for m in equipment.machines}
    catalogue, costing = pack.catalogue, pack.settings["costing"]
    part = dict(request["parts"][0], pieces=50)
    models = {}
    for process in ("laser_cutting", "bending"):
        a = machine_of(report, process)
        models[process] = run_minutes(process, part, catalogue.get("materials", "steel_s235"),
                                      machines[a["machine"]], costing, catalogue)[0]
    for process, cam_h in (("laser_cutting", 0.25), ("bending", 0.5)):
        minutes = 4 * models[process] / sum(models.values())
        run = check_machine_lines(report, process, minutes, 50, basis="estimated",
                                  cam_h=cam_h, lang=lang)
        assert run["attended"] is True
        assert ("run-time models" if lang == "en" else "modellen") in run["source"]
    assert sum(one(report, "run", p)["hours"] for p in models) == pytest.approx(4 * 50 / 60,
                                                                                abs=0.01)
    assert one(report, "inspection")["amount_eur"] == pytest.approx(0.25 * 2 * INSP)


@pytest.mark.parametrize("lang", LANGS)
def test_welded_part(screener, lang):
    request = base_request(quantity=5, part={
        "processes": ["welding"], "material": "steel_s235", "size_mm": [500, 300, 200],
        "weight_kg": 12, "tolerance_mm": 1, "cycle_time_min": None})
    report = screener.check(request, lang=lang).to_dict()
    # by weight: 12 kg plus 15 % off-cuts
    assert one(report, "material")["amount_eur"] == pytest.approx(
        12 * 1.15 * 1.4 * 5, abs=0.01)
    # weld length 2 x (500 + 300) = 1600 mm at 250 mm/min, arc on 30 % of the time
    check_machine_lines(report, "welding", 1600 / 250 / 0.3, 5, cam_h=1, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_part_runs_unattended(screener, lang):
    request = base_request(part={
        "processes": ["fdm"], "material": "pla", "size_mm": [100, 50, 20],
        "tolerance_mm": 0.3, "cycle_time_min": None})
    report = screener.check(request, lang=lang).to_dict()
    # printed volume: FDM's printed share of the envelope (infill, perimeters and skins),
    # 100 x 50 x 20 / 1000 x 0.15 = 15 cm3, plus 10 % waste
    assert one(report, "material")["amount_eur"] == pytest.approx(
        15e-6 * 1240 * 1.1 * 25.0 * 10, abs=0.01)
    # the same 15 cm3 deposited at 12 cm3/h
    run = check_machine_lines(report, "fdm", 15 / 12 * 60, 10, cam_h=0.25, lang=lang)
    assert run["attended"] is False
    totals = report["quote"]["totals"]
    assert totals["unattended_h"] == pytest.approx(run["hours"], abs=0.01)
    assert report["effort"]["attended_h"] == pytest.approx(
        totals["hours"] - run["hours"], abs=0.02)


def test_overtime_does_not_speed_up_a_machine_running_unattended(screener):
    """The expedited tier adds overtime hours to attended work only: 200 prints of
    30 min wait for the printer's free hours whoever stays late (the drone arm read
    'with overtime 5 days sooner for EUR 3'); 200 milled brackets of 30 min are sooner."""
    printed = screener.check(base_request(quantity=200, part={
        "processes": ["fdm"], "material": "pla", "size_mm": [100, 50, 20],
        "tolerance_mm": 0.3, "cycle_time_min": 30})).to_dict()["lead_time"]
    milled = screener.check(base_request(quantity=200, part={"cycle_time_min": 30})
                            ).to_dict()["lead_time"]
    assert printed["days"] > 5 and printed["expedited"] is None
    assert milled["days"] > 5 and milled["expedited"]["days"] < milled["days"]
    assert "for attended work" in milled["expedited"]["basis"]


def test_customer_supplied_material_is_not_priced(screener):
    report = screener.check(base_request(material_supplied_by_customer=True)).to_dict()
    assert lines(report, "material") == []


def test_estimates_carry_a_wider_contingency(screener):
    report = screener.check(base_request(part={"cycle_time_min": None})).to_dict()
    totals = report["quote"]["totals"]
    estimated = sum(line["amount_eur"] for line in report["quote"]["lines"]
                    if line["basis"] == "estimated")
    assert totals["estimated_eur"] == pytest.approx(estimated, abs=0.01)
    assert totals["contingency_eur"] == pytest.approx(
        totals["amount_eur"] * totals["contingency_share"] + estimated * 0.25
        + totals["open_answers_eur"], abs=0.02)
    summed = sum(e["amount_eur"] for e in report["quote"]["open_answers"])
    # what open answers add, at most the pack's max (60 %) less the share on every line
    assert totals["open_answers_eur"] == pytest.approx(
        min(summed, (0.6 - totals["contingency_share"]) * totals["amount_eur"]), abs=0.01)
    assert totals["open_answers_capped"] == (totals["open_answers_eur"] < summed - 0.005)


def test_an_open_answer_adds_what_its_rules_would_cost(screener):
    """The high estimate grew 5 % of the whole order for each open question, whatever
    the question could cost: an unanswered "is this your first order?" added EUR 7,600 to
    a EUR 150,000 order for TRD-001's one hour. It now allows for what the rules whose
    questions are open would add, priced as the quote prices them: TRD-001's hour at
    the engineering rate, whatever the order's size."""
    big = base_request(quantity=10000, purpose="series", wanted_date="2028-12-31",
                       part={"cycle_time_min": 1})
    asked = screener.check(dict(big, new_customer=False)).to_dict()
    unasked = screener.check(big).to_dict()
    assert not any(e["rule"] == "TRD-001" for e in asked["quote"]["open_answers"])
    pending = [e for e in unasked["quote"]["open_answers"] if e["rule"] == "TRD-001"]
    assert [(e["part"], e["kind"], e["hours"]) for e in pending] == [(None, "engineering", 1)]
    grown = unasked["quote"]["totals"]["amount_high_eur"] - \
        asked["quote"]["totals"]["amount_high_eur"]
    assert grown == pytest.approx(pending[0]["amount_eur"], abs=0.02)
    assert unasked["quote"]["totals"]["amount_eur"] == asked["quote"]["totals"]["amount_eur"]
    assert grown < 100 < 0.05 * asked["quote"]["totals"]["amount_eur"]


@pytest.mark.parametrize("lang, words", [
    ("en", "not in the equipment file: the pack's default €\u00a085/h is used"),
    ("nl", "staat niet in het machinebestand: het standaardtarief van het regelpakket "
           "(€\u00a085/uur) is gebruikt")])
def test_missing_rate_is_the_packs_default_and_named(equipment, pack, lang, words):
    shop = copy.deepcopy(equipment)
    shop.provider.pop("engineering_rate_eur_h")
    shop.provider.pop("inspection_rate_eur_h")
    report = Screener(shop, pack).check(base_request(), lang=lang).to_dict()
    cam = one(report, "cam", "milling_3axis")
    assert cam["rate_eur_h"] == 85 and cam["amount_eur"] == pytest.approx(1.5 * 85)
    assert "costing.engineering_rate_eur_h" in cam["source"]
    assert any(words in note for note in report["quote"]["notes"])
    assert all(line["amount_eur"] > 0 or line["kind"] == "outside_work"
               for line in report["quote"]["lines"])


# ---- quantity breaks ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_quantity_breaks_spread_set_up_and_cam(screener, lang):
    report = screener.check(base_request(), lang=lang, quantities=(10, 100)).to_dict()
    a = machine_of(report, "milling_3axis")
    kg = 124 * 64 * 24 * 1e-9 * 2700  # the block of test_milled_part
    once = a["setup_h"] * a["rate_eur_h"] + 1.5 * ENG + 0.25 * INSP  # set-up, CAM, first-off
    for q, found in zip((10, 100), report["quote"]["breaks"]):
        # material and 5 min a piece scale with the quantity; the set-up, CAM and
        # first-off are spread; the rules' lines are those that fire at that quantity
        assert found["quantity"] == q
        assert found["material_eur"] == pytest.approx(kg * 6.0 * q, abs=0.01)
        assert found["run_h"] == pytest.approx(5 * q / 60, abs=0.01)
        assert found["setup_cam_per_piece_eur"] == pytest.approx(once / q, abs=0.01)
    # the requested quantity (10) prices the same as the quote itself
    assert report["quote"]["breaks"][0]["amount_eur"] == pytest.approx(
        report["quote"]["totals"]["amount_eur"], abs=0.01)


def _totals_at(screener, request, quantity):
    """The request checked at another quantity: its totals, lead time and verdict."""
    import copy
    data = screener.check(dict(copy.deepcopy(request), quantity=quantity),
                          probe=False).to_dict()
    return data["quote"]["totals"], data["lead_time"], data["verdict"], \
        {line["rule"] for line in data["quote"]["lines"] if line["rule"]}


def test_a_quantity_break_is_the_request_checked_at_that_quantity(screener):
    """The estimator's 50 milled plates: FAC-007's series fixture (4 h, EUR 340, only
    from 50 pieces) stayed in the 1-piece break (EUR 878.20 where the same request
    checked at 1 piece is EUR 487.20), and the 5,000-piece break missed MAT-016's
    material order (and its 266 working days) that the direct check has. Each break is
    now the request judged at its quantity: its rules, material, contingency and lead
    time."""
    request = base_request(quantity=50, purpose="small_series", wanted_date="2027-03-31",
                           date_flexible=True,
                           part={"size_mm": [100, 50, 20], "cycle_time_min": 10})
    report = screener.check(request, quantities=(1, 10, 50, 5000), probe=False).to_dict()
    breaks = {b["quantity"]: b for b in report["quote"]["breaks"]}
    for quantity, found in breaks.items():
        totals, lead, verdict, rules = _totals_at(screener, request, quantity)
        assert found["amount_eur"] == totals["amount_eur"], quantity
        assert found["amount_high_eur"] == totals["amount_high_eur"], quantity
        assert found["per_piece_high_eur"] == round(totals["amount_high_eur"] / quantity, 2)
        assert found["contingency_share"] == totals["contingency_share"], quantity
        assert set(found["rules"]) == rules and found["verdict"] == verdict, quantity
        assert (found["lead_time"]["days"], found["lead_time"]["earliest_date"],
                found["lead_time"]["meets_wanted_date"]) == (
            lead["days"], lead["earliest_date"], lead["meets_wanted_date"]), quantity
    assert breaks[1]["lead_time"]["days"] < breaks[50]["lead_time"]["days"] < \
        breaks[5000]["lead_time"]["days"]
    assert "FAC-007" in breaks[50]["rules"] and "FAC-007" not in breaks[1]["rules"]
    assert "MAT-016" in breaks[5000]["rules"] and "MAT-016" not in breaks[50]["rules"]


def test_a_break_below_the_deliveries_comes_in_fewer_deliveries(screener):
    """1 piece of an order in 3 deliveries was priced with 3 set-ups and 3 first-off
    inspections: a break of fewer pieces than deliveries has a delivery a piece."""
    report = screener.check(base_request(quantity=30, batches=3),
                            quantities=(1, 2, 30)).to_dict()
    one, two, thirty = report["quote"]["breaks"]
    a = machine_of(report, "milling_3axis")
    setup = a["setup_h"] / 3 * a["rate_eur_h"]  # a set-up a delivery
    assert one["setup_cam_per_piece_eur"] == pytest.approx(setup + 1.5 * ENG + 0.25 * INSP,
                                                           abs=0.01)
    assert two["setup_cam_per_piece_eur"] == pytest.approx(
        (2 * setup + 1.5 * ENG + 2 * 0.25 * INSP) / 2, abs=0.01)
    assert thirty["amount_eur"] == pytest.approx(report["quote"]["totals"]["amount_eur"],
                                                 abs=0.01)


def test_a_partner_prices_its_work_at_each_quantity_break(monkeypatch, tmp_path):
    """The grinding partner's EUR 9 a piece stayed at the requested 40 shafts' EUR 435 at
    every quantity break (a shop's powder coater: 28 % too cheap at 1,000 pieces): at
    each break the partners' price models price the pieces (grinding EUR 75 an order +
    EUR 9 a piece, hardening EUR 95 an order + EUR 4.50 a kg of 0.28 kg shafts)."""
    import json
    from conftest import EXAMPLES, run_cli
    monkeypatch.chdir(EXAMPLES / "precision-shop")  # its config: its packs
    code, out, err = run_cli("check", "requests/ground-shaft-partner.yaml", "--format",
                             "json", "--no-probe", "--quantities", "10,40,400")
    assert code in (0, 1), err
    quote = json.loads(out)["quote"]
    outside = sorted(line["amount_eur"] for line in quote["lines"]
                     if line["kind"] == "outside_work")
    # hardening: EUR 4.50 a kg, at least its minimum order value of EUR 95 a batch
    def hardening(q):
        return max(95, 4.5 * 0.28 * q)
    assert outside == [hardening(40), 75 + 9 * 40]
    breaks = {b["quantity"]: b for b in quote["breaks"]}
    assert breaks[40]["amount_eur"] == pytest.approx(quote["totals"]["amount_eur"], abs=0.01)
    import yaml
    request = yaml.safe_load(open("requests/ground-shaft-partner.yaml", encoding="utf-8"))
    for q in (10, 400):  # a break is the request checked at its quantity
        path = tmp_path / f"shaft-{q}.yaml"
        path.write_text(yaml.safe_dump(dict(request, quantity=q)), encoding="utf-8")
        code, out, err = run_cli("check", path, "--format", "json", "--no-probe")
        direct = json.loads(out)["quote"]
        assert sorted(line["amount_eur"] for line in direct["lines"]
                      if line["kind"] == "outside_work") == [
            pytest.approx(hardening(q)), 75 + 9 * q]
        assert breaks[q]["amount_eur"] == direct["totals"]["amount_eur"]
        assert breaks[q]["amount_high_eur"] == direct["totals"]["amount_high_eur"]


def test_quantities_on_the_command_line(tmp_path):
    from conftest import EQUIPMENT, ROOT, run_cli
    bracket = ROOT / "examples/requests/bracket-series.yaml"
    code, out, err = run_cli("check", bracket, "--equipment",
                             EQUIPMENT, "--format", "json", "--quantities", "10,50,200")
    assert code == 0, err
    import json
    breaks = json.loads(out)["quote"]["breaks"]
    assert [b["quantity"] for b in breaks] == [10, 50, 200]
    assert breaks[0]["per_piece_eur"] > breaks[1]["per_piece_eur"] > breaks[2]["per_piece_eur"]
    code, out, err = run_cli("check", bracket, "--quantities", "10,x")
    assert code == 2 and "whole numbers" in err


# ---- lead time as a chain -----------------------------------------------------------

def test_lead_time_chain_by_hand(screener, equipment):
    # 7075 is not stocked: 7 working days to order; then set-up and 10 x 5 min on the mill
    request = base_request(part={"material": "aluminium_7075"})
    report = screener.check(request).to_dict()
    a = machine_of(report, "milling_3axis")
    free = next(m for m in equipment.machines if m["id"] == a["machine"])["free_h_per_week"]
    hours = a["setup_h"] + 5 * 10 / 60
    measured = 0.25 / 4  # the first piece measured: 0.25 h a batch, at 4 h a day
    # material, operation, measuring, transport to the customer
    days = 7 + hours / (free / 5) + measured + 1
    lead = report["lead_time"]
    assert lead["parts"][0]["days"] == pytest.approx(days, abs=0.05)
    assert lead["days"] == math.ceil(days)
    # CAM and work preparation (1.5 h at 4 h a day) go on while the material comes
    assert [s["step"] for s in lead["parts"][0]["steps"]] == [
        "material", "preparation", "operation", "inspection", "transport"]
    assert lead["parts"][0]["steps"][1]["days"] == pytest.approx(1.5 / 4, abs=0.01)
    assert lead["parts"][0]["steps"][3]["days"] == pytest.approx(measured, abs=0.01)
    # a stocked material: the preparation comes first
    stocked = screener.check(base_request()).to_dict()["lead_time"]["parts"][0]
    assert stocked["days"] == pytest.approx(1.5 / 4 + hours / (free / 5) + measured + 1,
                                            abs=0.05)
    assert [s["step"] for s in stocked["steps"]] == ["preparation", "operation", "inspection",
                                                     "transport"]
    # 2026-11-23 is a Monday: count working days
    from producibility.report.leadtime import add_working_days
    assert lead["earliest_date"] == add_working_days("2026-11-23", math.ceil(days))
    assert add_working_days("2026-11-23", 5) == "2026-11-30"
    assert lead["meets_wanted_date"] is True


def test_a_part_waiting_for_material_does_not_hold_up_one_in_stock(screener):
    """Two parts on the same mill: the first in 7075 (7 working days to order), the
    second in stocked 6082.  The mill takes the stocked part first; it queued behind the
    first, in the request's order, and the whole order read 7 days later than needed."""
    request = base_request(part={"material": "aluminium_7075", "id": "P1"})
    request["parts"].append(dict(request["parts"][0], id="P2", material="aluminium_6082"))
    lead = screener.check(request).to_dict()["lead_time"]
    by_part = {p["part"]: p for p in lead["parts"]}
    assert by_part["P2"]["days"] < 7  # made while P1's material comes
    assert by_part["P1"]["days"] > 7
    assert lead["slowest_part"] == "P1"
    # both on one machine: P1 starts when its material is in, not after P2 in turn
    steps = [s["days"] for s in by_part["P1"]["steps"]]
    assert by_part["P1"]["days"] == pytest.approx(7 + steps[2] + 1, abs=0.05)


@pytest.mark.parametrize("lang, sentence, offer", [
    ("en", "Lead time: at least ", "We deliver at least "),
    ("nl", "Levertijd: ten minste ", "Wij leveren ten minste ")])
def test_a_lead_time_without_run_hours_says_it_is_a_lower_bound(screener, lang, sentence,
                                                                  offer):
    """No quantity yet: the mill's run hours are unknown and the chain counts the set-up
    only. It read '11 working days' as if that were the date; now 'at least', the part
    named, and the offer promises no date it cannot know."""
    from producibility.report.offer import delivery
    from producibility.report.render import render
    import datetime
    # no sharp corners or deep holes: no EDM or gun drilling may add its fortnight
    plain = {"min_inside_radius_mm": 3, "max_hole_depth_mm": 10, "min_hole_diameter_mm": 5}
    report = screener.check(base_request(quantity=None, part=plain), lang=lang)
    lead = report.to_dict()["lead_time"]
    assert lead["without_run"] == ["P1"]
    assert lead["parts"][0]["without_run"] == ["milling_3axis"]
    text = render(report, "text", lang)
    line = next(x for x in text.splitlines() if x.startswith(sentence))
    assert line.endswith(": P1")
    said = delivery(lead, datetime.date(2026, 11, 23), lang)
    assert said[0].startswith(offer) and len(said) == 2  # no "in time for your date"
    complete = screener.check(base_request()).to_dict()["lead_time"]
    assert complete["without_run"] == [] and "without_run" not in complete["parts"][0]


def test_the_offer_asks_first_what_its_price_waits_for(screener):
    """A frame's offer left out its material and welding 'until we know the size or
    weight' and asked its tolerance and certificates first, the size fourth: what the
    price waits for is asked first, then the rest in the report's order."""
    from producibility.report.offer import offer_model
    data = screener.check(base_request(part={"size_mm": None, "cycle_time_min": None,
                                             "tolerance_mm": None})).to_dict()
    # the report's order (the size first: FAC-004 waits for it too, the stock bounding
    # the weight); the weight comes later there, second in the offer
    assert [q["field"] for q in data["open_questions"]][:2] == ["size_mm", "tolerance_mm"]
    asked = [q["text"] for q in offer_model(data, {}, "en")["questions"]]
    assert asked[:3] == ["Bounding box L x W x H (part P1)",
                         "Weight of the finished part (part P1)",
                         "Tightest tolerance (±) (part P1)"]


@pytest.mark.parametrize("lang, said", [
    ("en", "We confirm the date once we know the size or weight of P1."),
    ("nl", "De precieze datum bevestigen wij zodra wij de maten of het gewicht van P1 weten.")])
def test_a_lower_bound_lead_time_names_what_it_waits_for(screener, lang, said):
    """The quantity is given, the size is not: the mill's run time cannot be estimated
    and the lead time is a lower bound. The offer said it would confirm the date 'once
    the quantities are known'; now it names what is missing, as its 'not included' list
    does."""
    from producibility.report.offer import offer_model
    report = screener.check(base_request(part={"size_mm": None, "cycle_time_min": None}),
                            lang=lang)
    data = report.to_dict()
    assert data["lead_time"]["without_run"] == ["P1"]
    delivery = offer_model(data, {}, lang)["delivery"]
    assert delivery[1] == said
    # no quantity: the quantities are what it waits for, as before
    data = screener.check(base_request(quantity=None), lang=lang).to_dict()
    assert offer_model(data, {}, lang)["delivery"][1] == (
        "We confirm the date once the quantities are known." if lang == "en" else
        "De precieze datum bevestigen wij zodra de aantallen bekend zijn.")


@pytest.mark.parametrize("lang, missing", [
    ("en", " (no run hours for P2: 3-axis milling)"),
    ("nl", " (geen bewerkingsuren voor P2: 3-assig frezen)")])
def test_the_effort_names_the_operations_without_run_hours(screener, lang, missing):
    """'run 20.29 h (run hours only where a cycle time is given)' where no part had a
    cycle time and every run hour came from the run-time models, and 'run 0 h (...)'
    for NO FIT: the operations of a part that cannot be made were counted as missing
    their run. Now the note names the operations without run hours, and there is none
    when every run hour is known."""
    from producibility.report.render import render
    unmade = {"id": "P1", "processes": ["milling_3axis", "wire_edm"], "cycle_time_min": None}
    estimated = {"id": "P2", "quantity": 1, "processes": ["milling_3axis"],
                 "material": "aluminium_6082", "size_mm": [120, 60, 20], "tolerance_mm": 0.1}
    request = base_request(part=unmade)
    request["parts"].append(estimated)

    def effort_line(checked):
        return next(x for x in render(checked, "text", lang).splitlines()
                    if x.startswith(("Effort:", "Omvang:")))

    checked = screener.check(request, lang=lang)
    assert checked.to_dict()["lead_time"]["not_made"] == ["P1"]
    assert checked.to_dict()["effort"]["run_h_complete"] is True
    assert effort_line(checked).endswith((" h", " u"))  # no note: every run hour known
    request["parts"][1] = dict(estimated, size_mm=None)
    del request["parts"][1]["size_mm"]
    checked = screener.check(request, lang=lang)
    assert checked.to_dict()["effort"]["run_h_complete"] is False
    assert effort_line(checked).endswith(missing)
    assert missing[2:-1] in render(checked, "md", lang)
    assert missing[2:-1] in render(checked, "html", lang)
    # nothing made: no run hours are missing
    checked = screener.check(base_request(part=unmade), lang=lang)
    assert checked.to_dict()["effort"]["run_h_complete"] is True
    assert effort_line(checked).endswith((" h", " u"))


@pytest.mark.parametrize("lang, estimated, only", [
    ("en", "estimated", "set-up only"), ("nl", "geschat", "alleen insteltijd")])
def test_an_assignment_carries_the_run_the_quote_estimates(screener, lang, estimated, only):
    """A part without a cycle time: the assignment read run_h null and EUR 156 of set-up
    beside a quote of 51.31 estimated run hours at EUR 4,002. Now the assignment has the
    quote's run hours, their basis and set-up plus run as its amount; without run hours
    (no quantity) it says the amount is set-up only."""
    from producibility.report.render import render

    def row(checked):  # the assignment's row of the md report
        return next(x for x in render(checked, "md", lang).splitlines()
                    if x.startswith("| P1 |") and "haas" in x)

    checked = screener.check(base_request(part={"cycle_time_min": None}), lang=lang)
    report = checked.to_dict()
    entry = report["assignments"][0]
    setup, run = one(report, "setup"), one(report, "run")
    assert run["basis"] == "estimated" and run["run_h"] > 0
    assert entry["run_h"] == run["run_h"] and entry["run_basis"] == "estimated"
    assert entry["amount_eur"] == pytest.approx(setup["amount_eur"] + run["amount_eur"])
    assert estimated in row(checked)
    given = screener.check(base_request(), lang=lang).to_dict()
    assert given["assignments"][0]["run_basis"] == "given"
    assert given["assignments"][0]["amount_eur"] == pytest.approx(
        one(given, "setup")["amount_eur"] + one(given, "run")["amount_eur"])
    bare = screener.check(base_request(quantity=None), lang=lang)
    entry = bare.to_dict()["assignments"][0]
    assert entry["run_h"] is None and entry["run_basis"] is None
    assert entry["amount_eur"] == pytest.approx(one(bare.to_dict(), "setup")["amount_eur"])
    assert only in row(bare)
    assert only in render(bare, "html", lang)


@pytest.mark.parametrize("setting, steps", [
    ("preparation_h_per_day", ["operation", "inspection", "transport"]),
    ("inspection_h_per_day", ["preparation", "operation", "transport"])])
def test_a_pack_may_leave_the_preparation_or_the_measuring_out(tmp_path, equipment, setting,
                                                               steps):
    """lead_time.preparation_h_per_day or inspection_h_per_day null: no such step (the
    chain starts with the first operation; no measuring, as before)."""
    from producibility import load_packs
    own = tmp_path / "own.yaml"
    own.write_text(f"settings:\n  lead_time:\n    {setting}: null\n", encoding="utf-8")
    part = Screener(equipment, load_packs([own])).check(base_request()).to_dict()[
        "lead_time"]["parts"][0]
    assert [s["step"] for s in part["steps"]] == steps



DESIGN = """\
rules:
  - {id: OWN-D0, thread: design, title: {en: Model the assembly, nl: Samenstelling modelleren},
     scope: request, when: "request.model_3d", then: {effort: {design_h: 6}},
     message: {en: m, nl: m}, mitigation: {en: m, nl: m}, source: judgement}
  - {id: OWN-D1, thread: design, title: {en: Redesign the lid, nl: Deksel herontwerpen},
     scope: part, when: "part.id == 'P2'", then: {effort: {design_h: 2}},
     message: {en: m, nl: m}, mitigation: {en: m, nl: m}, source: judgement}
"""


@pytest.mark.parametrize("lang", LANGS)
def test_design_hours_come_before_the_preparation(tmp_path, equipment, lang):
    """Design hours (a request rule's 6 h, OWN-D0) come before CAM (the lead time's design
    step), at the preparation's 4 h a day. They were quoted as engineering hours, but the
    chain started CAM on the day of the order. A request rule's design is every part's;
    a part rule's (OWN-D1, 2 h on P2) its part's; the parts are prepared one after
    another, after the design."""
    from producibility import load_packs
    own = tmp_path / "own.yaml"
    own.write_text(DESIGN, encoding="utf-8")
    screener = Screener(equipment, load_packs([own]))
    request = base_request(model_3d=True)
    request["parts"].append(dict(request["parts"][0], id="P2"))
    report = screener.check(request, lang=lang).to_dict()
    by_part = {p["part"]: p for p in report["lead_time"]["parts"]}
    assert [s["step"] for s in by_part["P1"]["steps"]] == [
        "design", "preparation", "operation", "inspection", "transport"]
    # P2's CAM waits for P1's in the office
    assert [s["step"] for s in by_part["P2"]["steps"]] == [
        "design", "queue", "preparation", "operation", "inspection", "transport"]
    assert by_part["P2"]["steps"][1]["days"] == pytest.approx(1.5 / 4, abs=0.01)
    assert by_part["P1"]["steps"][0]["days"] == pytest.approx(6 / 4, abs=0.01)
    assert by_part["P2"]["steps"][0]["days"] == pytest.approx(8 / 4, abs=0.01)
    assert by_part["P1"]["steps"][0]["text"] == (
        "design and modelling: 6 h" if lang == "en" else "ontwerp en modelleren: 6 uur")
    # P1's operation starts when the design (6 h) and its CAM (1.5 h) are done;
    # P2's after the design, P1's CAM, its own design (2 h) and its own CAM
    a = machine_of(report, "milling_3axis")
    free = next(m for m in equipment.machines if m["id"] == a["machine"])["free_h_per_week"]
    op = (a["setup_h"] + 5 * 10 / 60) / (free / 5)
    measured = 0.25 / 4  # the first piece of each, at the measuring room's 4 h a day
    assert by_part["P1"]["days"] == pytest.approx((6 + 1.5) / 4 + op + measured + 1,
                                                  abs=0.05)
    assert by_part["P2"]["days"] == pytest.approx(
        max((6 + 1.5 + 2 + 1.5) / 4, (6 + 1.5) / 4 + op) + op + measured + 1, abs=0.05)
    # the quote: engineering lines at the engineering rate, in the effort's hours
    design = [line for line in report["quote"]["lines"] if line["rule"] in ("OWN-D0", "OWN-D1")]
    assert [(line["kind"], line["hours"], line["part"]) for line in design] == [
        ("engineering", 6, None), ("engineering", 2, "P2")]
    assert design[0]["amount_eur"] == pytest.approx(6 * ENG)
    plain = Screener(equipment).check(base_request(model_3d=True), lang=lang).to_dict()
    assert report["effort"]["engineering_h"] - plain["effort"]["engineering_h"] == \
        pytest.approx(8)


@pytest.mark.parametrize("lang", LANGS)
def test_no_3d_model_is_modelled_per_part_but_a_sheet_part_needs_none(equipment, lang):
    """DES-002 was a request rule: 6 h of 3D modelling for a flat laser-cut panel drawn as
    a DXF (59% of its price). Now a part that needs a model (milled, printed) gets 3 h of
    modelling before its CAM; a part only cut from sheet and bent gets a quarter of an
    hour to check its drawing and DXF (DES-008), as CAM work, no design step."""
    request = base_request(model_3d=False)
    request["parts"].append({
        "id": "PANEL", "quantity": 1, "processes": ["laser_cutting"],
        "material": "steel_s235", "size_mm": [300, 120, 3], "thickness_mm": 3,
        "tolerance_mm": 0.5, "surface_treatment": [], "cosmetic_surface": False})
    report = Screener(equipment).check(request, lang=lang).to_dict()
    fired = {(f["rule"], f["part"]) for f in report["findings"]}
    assert ("DES-002", "P1") in fired and ("DES-008", "PANEL") in fired
    assert ("DES-002", "PANEL") not in fired and ("DES-008", "P1") not in fired
    lines = {(line["rule"], line["part"]): line for line in report["quote"]["lines"]
             if line["rule"] in ("DES-002", "DES-008")}
    assert (lines[("DES-002", "P1")]["kind"], lines[("DES-002", "P1")]["hours"]) == (
        "engineering", 3)
    assert (lines[("DES-008", "PANEL")]["kind"], lines[("DES-008", "PANEL")]["hours"]) == (
        "cam", 0.25)
    by_part = {p["part"]: p for p in report["lead_time"]["parts"]}
    assert by_part["P1"]["steps"][0]["step"] == "design"
    assert "design" not in [s["step"] for s in by_part["PANEL"]["steps"]]


def test_the_customers_approval_of_our_design_comes_before_the_preparation(screener):
    """DES-005: we adapt the design (8 h), the customer approves the changes (3 working
    days: a wait for the design), then CAM. The approval is the request's: once, not
    per part; it was counted nowhere before."""
    request = base_request(design_support_needed=True)
    request["parts"].append(dict(request["parts"][0], id="P2"))
    lead = screener.check(request).to_dict()["lead_time"]
    by_part = {p["part"]: p for p in lead["parts"]}
    for pid in ("P1", "P2"):
        assert [(s["step"], s.get("rule")) for s in by_part[pid]["steps"]][:2] == [
            ("design", None), ("wait", "DES-005")], pid
        assert [s["step"] for s in by_part[pid]["steps"]].count("wait") == 1
    assert by_part["P1"]["steps"][2]["step"] == "preparation"
    # P2's CAM after P1's, in the office
    assert [s["step"] for s in by_part["P2"]["steps"]][2:4] == ["queue", "preparation"]
    op = by_part["P1"]["steps"][3]["days"]
    # P1: 8 h of design at 4 h a day, 3 days' approval, 1.5 h of CAM, the mill, its first
    # piece measured (0.25 h at 4 h a day), delivery
    assert by_part["P1"]["days"] == pytest.approx(8 / 4 + 3 + 1.5 / 4 + op + 0.25 / 4 + 1,
                                                  abs=0.05)
    # P2's CAM follows P1's in the office: the approval is not waited for twice
    assert by_part["P2"]["days"] < by_part["P1"]["days"] + 3
    assert by_part["P1"]["steps"][1]["text"] == "DES-005: the customer approves the design"
    plain = screener.check(base_request(design_support_needed=False)).to_dict()
    assert plain["lead_time"]["parts"][0]["steps"][0]["step"] == "preparation"


WAITS = """\
materials:
  - id: aluminium_7075
    override: true
    name: {en: aluminium EN AW-7075, nl: aluminium EN AW-7075}
    family: aluminium
    density_kg_m3: 2810
    price: {eur_kg: 12.0, source: test, date: 2025-11}
    speed_factor: 3.0
rules:
  - {id: OWN-W1, thread: quality, title: {en: Lab A, nl: Lab A}, scope: part, when: "true",
     then: {effort: {lead_time_days: 4, waits_for: measuring_lab}},
     message: {en: m, nl: m}, mitigation: {en: m, nl: m}, source: judgement}
  - {id: OWN-W2, thread: quality, title: {en: Lab B, nl: Meetlab B}, scope: part, when: "true",
     then: {effort: {lead_time_days: 6, waits_for: measuring_lab}},
     message: {en: m, nl: m}, mitigation: {en: m, nl: m}, source: judgement}
  - {id: OWN-W3, thread: quality, title: {en: Witness test, nl: Getuigetest}, scope: request,
     when: "true", then: {effort: {lead_time_days: 2}},
     message: {en: m, nl: m}, mitigation: {en: m, nl: m}, source: judgement}
  - {id: OWN-W4, thread: quality, title: {en: Milling, nl: Frezen}, scope: part, when: "true",
     then: {effort: {lead_time_days: 9, waits_for: milling_3axis}},
     message: {en: m, nl: m}, mitigation: {en: m, nl: m}, source: judgement}
"""


@pytest.mark.parametrize("lang, title", [("en", "OWN-W2: Lab B"), ("nl", "OWN-W2: Meetlab B")])
def test_the_waits_rules_name_are_steps_of_the_chain(tmp_path, equipment, lang, title):
    """A rule's lead_time_days waits after the operations: waits for the same thing are
    one (the longest), a request rule's wait is every part's, and a wait for a process
    of the part's routing is the machine's own step, not a second one."""
    from producibility import load_packs
    own = tmp_path / "own.yaml"
    own.write_text(WAITS, encoding="utf-8")
    request = base_request()
    request["parts"].append(dict(request["parts"][0], id="P2", material="aluminium_7075"))
    report = Screener(equipment, load_packs([own])).check(request, lang=lang).to_dict()
    lead = report["lead_time"]
    import json
    import jsonschema
    from conftest import ROOT
    jsonschema.validate(report, json.loads(
        (ROOT / "producibility/schemas/report.schema.json").read_text()))
    for entry in lead["parts"]:
        waits = [(s["rule"], s["days"]) for s in entry["steps"] if s["step"] == "wait"]
        assert waits == [("OWN-W2", 6.0), ("OWN-W3", 2.0)]
        assert entry["steps"][-2]["text"] == ("OWN-W3: Getuigetest" if lang == "nl"
                                              else "OWN-W3: Witness test")
        assert title in [s["text"] for s in entry["steps"]]
    p1, p2 = lead["parts"]
    # P1: stocked 6082, its milling, its first piece measured, the two waits, delivery
    assert [s["step"] for s in p1["steps"]] == ["preparation", "operation", "inspection",
                                                "wait", "wait", "transport"]
    assert p1["days"] == pytest.approx(sum(s["days"] for s in p1["steps"]), abs=0.05)
    # P2: 7075 without a catalogue lead time here: MAT-003's 10 days (waits_for material)
    # the shipped rule's figure: the default's, named by its rule
    assert p2["steps"][0] == {"step": "material", "days": 10.0, "rule": "MAT-003",
                              "text": p2["steps"][0]["text"], "basis": "default",
                              "source": p2["steps"][0]["source"],
                              # from the order (Mon 23-11-2026): ten working days
                              "start_day": 0.0, "end_day": 10.0,
                              "start_date": "2026-11-24", "end_date": "2026-12-07"}
    assert "MAT-003" in p2["steps"][0]["source"]
    # the shop's own rules' waits are its own figures
    assert {s["basis"] for s in p1["steps"] if s["step"] == "wait"} == {"given"}
    assert "MAT-003" in p2["steps"][0]["text"]
    assert lead["days"] == math.ceil(max(p1["days"], p2["days"]) - 1e-9)
    # the text report shows the slowest part's chain
    from producibility.report.render import render
    text = render(Screener(equipment, load_packs([own])).check(request, lang=lang), "text",
                  lang, None)
    assert f"{lead['slowest_part']}: " in text and f"{title} (6 wd)" in text


def test_the_welds_wait_for_the_ndt_inspector(screener):
    """The frame's welds wait for the NDT inspector (ENX-004, 2 days) after the welding
    and our own visual inspection of them (its 2 h, with the first piece's 0.25 h and
    the first piece measured completely, QUA-012's other 1.75 h of each part, at the
    measuring room's 4 h a day), before the powder coating."""
    report = screener.check(_example("frame-en1090")).to_dict()
    entry = next(p for p in report["lead_time"]["parts"]
                 if any(s.get("rule") == "ENX-004" for s in p["steps"]))
    wait = next(s for s in entry["steps"] if s.get("rule") == "ENX-004")
    assert wait["days"] == 2.0 and wait["step"] == "wait"
    kinds = [s["step"] for s in entry["steps"]]
    # FR-02's S235 is ordered (the frame's 1,942 kg is more than the 1,500 kg the shop
    # keeps); the office prepares it first (the most work after its preparation)
    assert kinds == ["material", "preparation", "operation", "inspection", "wait",
                     "outside_work", "transport"]
    assert "weld" in entry["steps"][2]["text"] and "coat" in entry["steps"][5]["text"]
    assert entry["steps"][3]["days"] == pytest.approx((2 + 0.25 + 1.75) / 4, abs=0.01)


@pytest.mark.parametrize("lang, text", [("en", "measuring and inspection: 2.25 h"),
                                        ("nl", "meten en keuren: 2,25 uur")])
def test_the_parts_are_measured_one_at_a_time(screener, equipment, lang, text):
    """The quote counted the inspection hours (a request rule's, QUA-011's 2 h for a
    safety-critical order, and each part's first piece, 0.25 h), the lead time did not: the series went out the day
    the last operation ended. Now each part is measured after its operations, at the
    measuring room's 4 h a day, one part at a time: two parts off the mill wait for the
    room in turn, and the request's inspection goes with the part measured last (it is
    done when the last one is measured)."""
    request = base_request(safety_critical=True)
    request["parts"].append(dict(request["parts"][0], id="P2"))
    report = screener.check(request, lang=lang).to_dict()
    by_part = {p["part"]: p for p in report["lead_time"]["parts"]}
    steps = {pid: {s["step"]: s for s in by_part[pid]["steps"]} for pid in by_part}
    assert steps["P1"]["inspection"]["days"] == pytest.approx(0.25 / 4, abs=0.01)
    assert steps["P2"]["inspection"]["days"] == pytest.approx((2 + 0.25) / 4, abs=0.01)
    assert steps["P2"]["inspection"]["text"] == text
    # by hand: CAM 1.5 h each at 4 h a day, one after the other; P1 and P2 share the mill
    # (P2 after P1), then the room: P1 first, then P2 with the report
    a = machine_of(report, "milling_3axis")
    free = next(m for m in equipment.machines if m["id"] == a["machine"])["free_h_per_week"]
    op = (a["setup_h"] + 5 * 10 / 60) / (free / 5)
    p1_measured = 1.5 / 4 + op + 0.25 / 4
    p2_ready = max(2 * 1.5 / 4, 1.5 / 4 + op) + op
    assert by_part["P1"]["days"] == pytest.approx(p1_measured + 1, abs=0.05)
    assert by_part["P2"]["days"] == pytest.approx(max(p2_ready, p1_measured) + 2.25 / 4 + 1,
                                                  abs=0.05)
    # without it P2 is measured when it comes off the mill
    request = base_request()
    request["parts"].append(dict(request["parts"][0], id="P2"))
    plain = {p["part"]: p for p in screener.check(request).to_dict()["lead_time"]["parts"]}
    assert plain["P2"]["days"] == pytest.approx(p2_ready + 0.25 / 4 + 1, abs=0.05)


def test_the_chain_measures_the_quotes_inspection_hours():
    """One meaning: every part's measuring step in the lead time is the quote's
    inspection lines of that part, and a request rule's (a first article report) with
    exactly one part, the one measured last, for every example of both shops, at the
    pack's 4 h a day; of an order in several deliveries, the first delivery's: its
    first piece once (the quote measures the first piece of every batch)."""
    screeners = both_shops()
    measured = shared_seen = 0
    for screener, requests in screeners:
        for path in requests:
            report = screener.check(str(path)).to_dict()
            lead, lines = report["lead_time"], report["quote"]["lines"]
            quoted: dict = {}
            shared = 0.0
            for line in lines:
                if line["kind"] != "inspection":
                    continue
                hours = line["hours"] / (lead["deliveries"] if line["rule"] is None else 1)
                if line["part"] is None:
                    shared += hours
                else:
                    quoted[line["part"]] = quoted.get(line["part"], 0.0) + hours
            made = [p for p in lead["parts"] if p["days"] is not None]
            if not made:
                continue
            chained = {p["part"]: s["days"] * 4 for p in made for s in p["steps"]
                       if s["step"] == "inspection"}
            extra = {pid: hours - quoted.get(pid, 0.0) for pid, hours in chained.items()}
            carriers = [pid for pid, hours in extra.items() if hours > 0.04]
            if shared:
                assert len(carriers) == 1, (path.name, extra)
                assert extra[carriers[0]] == pytest.approx(shared, abs=0.04), path.name
                shared_seen += 1
            else:
                assert not carriers, (path.name, extra)
            measured += len(chained)
    # a request rule's hours: the medical handle's QUA-011 (safety-critical); the first
    # article reports (QUA-002) are a part's own hours, one report per part number
    assert measured > 20 and shared_seen >= 1


@pytest.mark.parametrize("changes, kind", [
    ({"penalty_clause": True}, "blocker"),
    ({"date_flexible": False}, "blocker"),
    ({"date_flexible": True}, "risk"),
])
def test_a_missed_wanted_date_is_a_finding(screener, changes, kind):
    # 500 pieces of 30 min, wanted the next day: no overtime saves it
    request = base_request(quantity=500, wanted_date="2026-11-24",
                           part={"material": "aluminium_7075", "cycle_time_min": 30},
                           **changes)
    for lang in LANGS:
        report = screener.check(request, lang=lang).to_dict()
        found = [f for f in report["findings"] if f["rule"] == "LEAD-TIME"]
        assert [f["kind"] for f in found] == [kind]
        assert report["lead_time"]["meets_wanted_date"] is False
        from producibility.report.render.templates import day
        assert day(report["lead_time"]["earliest_date"], lang) in found[0]["message"]
        if kind == "blocker":
            assert report["verdict"] == "no_fit"


@pytest.mark.parametrize("lang, said", [
    ("en", "That is more than 250 working days after the wanted date: not even a date "
           "that may move moves that far."),
    ("nl", "Dat is meer dan 250 werkdagen na de gewenste datum: zo ver schuift ook een "
           "flexibele datum niet.")])
def test_a_date_that_may_move_does_not_move_by_years(tmp_path, screener, equipment, lang,
                                                     said):
    """100,000 brackets read FIT WITH EFFORT with a lead time of 5,013 working days (20
    years), the LEAD-TIME finding a risk because the date may move, and the offer said
    'we can make it'. A date that may move is missed by more than the pack's
    lead_time.flexible_up_to_days (250) only as a blocker; a few weeks late it stays a
    risk; a pack that sets null allows any delay."""
    from producibility import load_packs
    huge = base_request(quantity=100_000, date_flexible=True, part={"cycle_time_min": 6})
    report = screener.check(huge, lang=lang, probe=False).to_dict()
    late = next(f for f in report["findings"] if f["rule"] == "LEAD-TIME")
    assert late["kind"] == "blocker" and late["message"].endswith(said)
    assert report["verdict"] == "no_fit"
    weeks = base_request(quantity=500, wanted_date="2026-11-24", date_flexible=True,
                         part={"cycle_time_min": 30})
    assert [f["kind"] for f in screener.check(weeks, probe=False).to_dict()["findings"]
            if f["rule"] == "LEAD-TIME"] == ["risk"]
    own = tmp_path / "own.yaml"
    own.write_text("settings:\n  lead_time:\n    flexible_up_to_days: null\n",
                   encoding="utf-8")
    anyway = Screener(equipment, load_packs([own])).check(huge, probe=False).to_dict()
    assert [f["kind"] for f in anyway["findings"] if f["rule"] == "LEAD-TIME"] == ["risk"]


# ---- what rules add -----------------------------------------------------------------

RULE_WITH_AMOUNTS = """\
rules:
  - id: OWN-010
    thread: quality
    title: {en: Customer certificate, nl: Klantcertificaat}
    scope: request
    when: request.quantity >= 1
    then:
      effort:
        setup_h: 2
        cam_h: 1
        amounts:
          - kind: certificate
            amount_eur: 150
            description: {en: "3.1 certificate fee", nl: "Kosten 3.1-certificaat"}
    message: {en: m, nl: m}
    mitigation: {en: m, nl: m}
    source: judgement
"""


@pytest.mark.parametrize("lang, text", [("en", "3.1 certificate fee"),
                                        ("nl", "Kosten 3.1-certificaat")])
def test_a_rule_adds_hours_and_a_fixed_amount(tmp_path, equipment, lang, text):
    from producibility import load_packs
    own = tmp_path / "own.yaml"
    own.write_text(RULE_WITH_AMOUNTS, encoding="utf-8")
    report = Screener(equipment, load_packs([own])).check(base_request(), lang=lang).to_dict()
    added = [line for line in report["quote"]["lines"] if line["rule"] == "OWN-010"]
    by_kind = {line["kind"]: line for line in added}
    assert by_kind["certificate"]["amount_eur"] == 150
    assert by_kind["certificate"]["description"] == text
    assert by_kind["cam"]["amount_eur"] == pytest.approx(1 * ENG)
    assert by_kind["setup"]["amount_eur"] == pytest.approx(2 * ENG)
    # the finding carries the rule's effort as written, amounts too: still a valid report
    import json
    import jsonschema
    from conftest import ROOT
    schema = json.loads((ROOT / "producibility/schemas/report.schema.json").read_text())
    jsonschema.validate(report, schema)


def test_lint_rejects_an_amount_without_description(tmp_path):
    from conftest import run_cli
    own = tmp_path / "own.yaml"
    own.write_text(RULE_WITH_AMOUNTS.replace(
        '            description: {en: "3.1 certificate fee", nl: "Kosten 3.1-certificaat"}\n',
        ""), encoding="utf-8")
    code, out, err = run_cli("rules", "lint", own)
    assert code == 1
    assert "description" in out + err


def test_working_days_skip_weekends_from_any_start():
    import datetime
    from producibility.report.leadtime import add_working_days

    def by_hand(start, n):
        date = datetime.date.fromisoformat(start)
        while n > 0:
            date += datetime.timedelta(days=1)
            n -= date.weekday() < 5
        return date.isoformat()
    for day in range(20, 30):
        for n in range(0, 30):
            assert add_working_days(f"2026-11-{day}", n) == by_hand(f"2026-11-{day}", n)


def test_powder_bed_print_by_hand():
    from conftest import ROOT
    from producibility import load_equipment, load_packs
    shop = ROOT / "examples/precision-shop"
    screener = Screener(load_equipment(shop / "equipment.yaml"),
                        load_packs([shop / "rules"]))
    request = base_request(quantity=30, part={
        "processes": ["sls"], "material": "pa12", "size_mm": [120, 80, 60],
        "weight_kg": 0.09, "tolerance_mm": 0.5, "cycle_time_min": None})
    report = screener.check(request).to_dict()
    run = one(report, "run", "sls")
    # 0.09 kg / 1010 kg/m3 = 89.1 cm3 of part over a packing density of 0.1, in a
    # 165 x 165 mm bed rising 10 mm/h (272.25 cm3 of bed an hour)
    minutes = 0.09 / 1010 * 1e6 / 0.1 / (165 * 165 * 10 / 1000) * 60
    assert run["hours"] == pytest.approx(minutes * 30 / 60, abs=0.01)
    assert run["attended"] is False
    # the powder: the part's volume plus 10 % waste, at the catalogue's price per kg
    material = one(report, "material")
    assert material["amount_eur"] == pytest.approx(0.09 * 1.1 * 100 * 30, abs=0.01)


def test_packaging_and_transport_from_the_packs_settings(tmp_path, equipment):
    from producibility import load_packs
    own = tmp_path / "own.yaml"
    own.write_text("settings:\n  costing:\n    packaging_eur_per_piece: 0.5\n"
                   "    transport_eur_per_delivery: 40\n", encoding="utf-8")
    report = Screener(equipment, load_packs([own])).check(
        base_request(quantity=20, batches=2)).to_dict()
    assert one(report, "packaging")["amount_eur"] == pytest.approx(0.5 * 20)
    assert one(report, "transport")["amount_eur"] == pytest.approx(40 * 2)
    assert one(report, "cam", "milling_3axis")["amount_eur"] == pytest.approx(1.5 * ENG)


def test_a_chain_of_decades_has_no_date(screener):
    # a million large stainless blocks: the estimate runs for centuries, the report stays valid
    request = base_request(quantity=1_000_000, part={
        "material": "stainless_316", "size_mm": [474, 474, 208], "tolerance_mm": 1.0,
        "cycle_time_min": None})
    for lang in LANGS:
        report = screener.check(request, lang=lang, probe=False).to_dict()
        assert report["lead_time"]["earliest_date"] is None
        assert report["lead_time"]["meets_wanted_date"] is False


def test_a_request_names_its_quantity_breaks(tmp_path):
    """quantity_breaks in the request file: the same breaks as --quantities; a bad
    value is one file:line error in both languages, for check and validate alike."""
    from conftest import EQUIPMENT, REQUESTS, run_cli
    source = next(p for p in REQUESTS if p.stem == "bracket-series").read_text(encoding="utf-8")
    good = tmp_path / "breaks.yaml"
    good.write_text(source.replace("quantity: 200\n", "quantity: 200\nquantity_breaks: 10, 50, 1.000\n"),
                    encoding="utf-8")
    code, out, _ = run_cli("check", good, "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0
    import json
    breaks = json.loads(out)["quote"]["breaks"]
    code, out_option, _ = run_cli("check", good, "--equipment", EQUIPMENT, "--format", "json",
                                  "--quantities", "10,50,1000")
    assert [b["quantity"] for b in breaks] == [10, 50, 1000]
    assert breaks == json.loads(out_option)["quote"]["breaks"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(source.replace("quantity: 200\n", "quantity: 200\nquantity_breaks: 10, veel\n"),
                   encoding="utf-8")
    line = source.splitlines().index("quantity: 200") + 2
    for command in (["check", bad, "--equipment", EQUIPMENT], ["validate", bad]):
        code, out, err = run_cli(*command)
        assert code == 1 and f"bad.yaml:{line}: quantity_breaks: give whole numbers" in out + err
    code, _, err = run_cli("check", bad, "--equipment", EQUIPMENT, "--lang", "nl")
    assert code == 1 and "geef hele getallen" in err


def test_an_undated_request_counts_its_lead_time_from_the_screening_date(screener):
    """A request without a date is screened as of --as-of (or today): its lead time
    starts there too, as its free capacity does, and can miss the wanted date."""
    from conftest import base_request
    request = base_request(date=None, wanted_date="2026-11-30")
    report = screener.check(request, as_of="2026-11-30").to_dict()
    lead = report["lead_time"]
    assert lead["start_date"] == "2026-11-30"
    assert lead["earliest_date"] > "2026-11-30"
    assert lead["meets_wanted_date"] is False
    assert any(f["rule"] == "LEAD-TIME" for f in report["findings"])


# ---- a part that cannot be made here ------------------------------------------------

def _example(name):
    import yaml

    from conftest import EXAMPLES
    return yaml.safe_load((EXAMPLES / "requests" / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang, note", [
    ("en", "AS-300: not priced: no machine and no partner does turning"),
    ("nl", "AS-300: niet geprijsd: geen machine en geen partner doet draaien")])
def test_a_part_that_cannot_be_made_is_neither_priced_nor_scheduled(screener, lang, note):
    """An oversize shaft no lathe takes and no partner turns: its material is not priced
    (it was: 10,755 euros of bar) and it has no lead time (it had one day, its delivery),
    so the report no longer reads as if it could be made."""
    report = screener.check(_example("shaft-oversize"), lang=lang).to_dict()
    assert report["verdict"] == "no_fit"
    assert not [line for line in report["quote"]["lines"] if line["part"] == "AS-300"]
    assert note in report["quote"]["notes"]
    lead = report["lead_time"]
    assert lead["days"] is None and lead["earliest_date"] is None
    assert lead["meets_wanted_date"] is None and lead["not_made"] == ["AS-300"]
    assert lead["parts"] == [{"part": "AS-300", "days": None, "steps": [],
                              "not_made": ["turning"]}]
    assert not [f for f in report["findings"] if f["rule"] == "LEAD-TIME"]


# a request rule with hours of its own (QUA-012 was one, before it measured each part)
REQUEST_REPORT = """\
rules:
  - id: OWN-001
    thread: quality
    title: {en: Inspection report for the series, nl: Meetrapport voor de serie}
    scope: request
    when: "request.purpose in ['small_series', 'series']"
    then:
      effort: {inspection_h: 2}
    message: {en: An inspection report for the whole order., nl: Een meetrapport voor de hele order.}
    mitigation: {en: Plan it., nl: Plan het.}
    source: {en: "Judgement: 2 h.", nl: "Inschatting: 2 uur."}
"""


@pytest.mark.parametrize("lang, note, cost", [
    ("en", "request (OWN-001): not priced: nothing of the request can be made here",
     "Cost: not priced (cannot be made here): AS-300"),
    ("nl", "aanvraag (OWN-001): niet geprijsd: niets van de aanvraag kan hier gemaakt worden",
     "Kosten: niet geprijsd (hier niet te maken): AS-300")])
def test_nothing_made_nothing_priced(tmp_path, equipment, lang, note, cost):
    """Nothing of the shaft request can be made here, yet its report read 'class S',
    'inspection 2 h' and 'EUR 180 - EUR 288': the first-article inspection of a
    request rule, for a first piece no machine can make. A request rule's hours are
    now priced only when some part of it is made here; the report says what was left
    out and shows no price, not EUR 0."""
    from producibility.report.render import render
    own = tmp_path / "own.yaml"
    own.write_text(REQUEST_REPORT, encoding="utf-8")
    screener = Screener(equipment, load_packs([own]))
    checked = screener.check(_example("shaft-oversize"), lang=lang)
    report = checked.to_dict()
    assert any(f["rule"] == "OWN-001" for f in report["findings"])
    assert report["quote"]["lines"] == [] and note in report["quote"]["notes"]
    effort = report["effort"]
    assert effort["class"] is None and effort["total_h"] == 0
    # not priced, as the lead time has no days: null, not a silent 0 (and the CSV's
    # totals are empty, the notes say why)
    assert effort["cost_eur"]["low"] is None and effort["cost_eur"]["high"] is None
    assert report["lead_time"]["days"] is None
    rows = render(checked, "csv", lang, csv_style="plain").splitlines()
    assert [row for row in rows if row.startswith(("subtotal,", "total,"))] == [
        "subtotal,,,,,Subtotal,,,,,,,," if lang == "en" else
        "subtotal,,,,,Subtotaal,,,,,,,,",
        "total,,,,,High estimate,,,,,,,," if lang == "en" else "total,,,,,Hoge schatting,,,,,,,,"]
    text = render(checked, "text", lang)
    assert cost in text.splitlines()
    assert "€ 0" not in text
    markdown = render(checked, "md", lang)
    assert "€ 0" not in markdown and "AS-300" in markdown
    # one part made: the request rule's hours are priced as before
    bracket = _example("bracket-series")
    both = dict(bracket, parts=bracket["parts"] + _example("shaft-oversize")["parts"])
    lines = screener.check(both).to_dict()["quote"]["lines"]
    assert any(line["part"] is None and line["rule"] for line in lines)


def test_the_other_parts_keep_their_price_and_lead_time(screener):
    """A bracket that can be made and a shaft that cannot: the request's lead time and
    price are the bracket's, and the shaft is named as left out."""
    bracket = _example("bracket-series")
    alone = screener.check(bracket).to_dict()
    both = dict(bracket, parts=bracket["parts"] + _example("shaft-oversize")["parts"])
    report = screener.check(both).to_dict()
    assert report["verdict"] == "no_fit"
    lead = report["lead_time"]
    assert lead["not_made"] == ["AS-300"] and lead["slowest_part"] == "BR-100"
    assert lead["days"] == alone["lead_time"]["days"]
    assert lead["earliest_date"] == alone["lead_time"]["earliest_date"]
    priced = {line["part"] for line in report["quote"]["lines"]}
    assert "BR-100" in priced and "AS-300" not in priced
    mine = [line for line in report["quote"]["lines"] if line["part"] == "BR-100"]
    assert mine == [line for line in alone["quote"]["lines"] if line["part"] == "BR-100"]
    from producibility.inputs import schema
    for made in (report, screener.check(_example("shaft-oversize")).to_dict()):
        schema.check(made, schema.shipped("report"), "report")  # the contract, null days too


def test_a_quote_lines_arithmetic_is_written_in_the_reports_language():
    """A Dutch shop's CSV (the 'bron' column) and JSON read 'machine set-up 2 h x 2
    batch(es)', 'pack settings: ...', '(size + 2 x 2 mm allowance)': each line's source,
    a partner's price basis and the overtime's basis now come from the locale files,
    their figures with the language's decimal sign. The English stays byte for byte
    (the golden reports hold it)."""
    screeners = both_shops()
    kinds, seen = set(), 0
    for screener, requests in screeners:
        for path in requests:
            report = screener.check(str(path), lang="nl").to_dict()
            texts = [(line["kind"], line["source"]) for line in report["quote"]["lines"]]
            fast = report["lead_time"].get("expedited")
            if fast:
                texts.append(("overtime", fast["basis"]))
            for assignment in report["assignments"]:
                if assignment.get("partner"):
                    texts.append(("partner", assignment["partner"]["price_basis"]))
            for kind, text in texts:
                assert in_language(text, "nl"), (path.name, kind, text)
                kinds.add(kind)
                seen += 1
    assert {"material", "setup", "run", "cam", "inspection", "outside_work", "overtime",
            "partner"} <= kinds, kinds
    assert seen > 100


def test_every_parts_steps_add_up_to_its_days():
    """A part's steps are its days: P2 of two parts on one mill read 2.12 + 17.66 + 0.06
    + 1 = 20.8 working days but 34.4 in all; the days it waited for the work preparation
    and for the mill (P1 first) were no step. Now they are ('queue'); the design and
    preparation done while the material is on order are marked 'alongside' and count
    only where they outlast it. For every example of both shops, and for two parts
    sharing one machine and the measuring room."""
    (screener, examples), precision = both_shops()
    two = base_request(certificates_required=["first_article_report"])
    two["parts"].append(dict(two["parts"][0], id="P2"))
    # five parts on one mill, the last one's material (PA6, 3 days) on order while the
    # work preparation does the four before it: its wait for the office counts where it
    # outlasts the material (it was no step); and one with the design to adapt too
    five = base_request(quantity=200, batches=2, part={"cycle_time_min": 4})
    five["parts"] = [dict(five["parts"][0], id=f"P{i}", material=material) for i, material in
                     ((1, "aluminium_6082"), (3, "aluminium_6082"), (4, "steel_c45"),
                      (5, "aluminium_7075"), (2, "pa6"))]
    adapted = dict(five, design_support_needed=True, model_3d=False)
    cases = [(screener, [str(p) for p in examples] + [two, five, adapted]),
             (precision[0], [str(p) for p in precision[1]])]
    queued = 0
    for checker, requests in cases:
        for request in requests:
            for part in checker.check(request).to_dict()["lead_time"]["parts"]:
                if part["days"] is None:
                    continue
                steps = part["steps"]
                material = sum(s["days"] for s in steps if s["step"] == "material")
                alongside = sum(s["days"] for s in steps if s.get("alongside"))
                rest = sum(s["days"] for s in steps if not s.get("alongside"))
                expected = rest + max(0.0, alongside - material)
                assert part["days"] == pytest.approx(expected, abs=0.05 + 0.005 * len(steps)), \
                    (request, part["part"], steps)
                queued += sum(1 for s in steps if s["step"] == "queue")
    assert queued >= 2  # the two parts wait: for the office and the mill, then the room


def test_the_overtime_surcharge_is_on_the_hours_worked_in_overtime(screener, equipment):
    """The expedited tier charged the surcharge on every attended set-up and run hour
    (EUR 2,880 x 0.5 for the brackets), although the Hermle works 2 of its 5 hours a day
    in its own free hours and only 3 after hours: 3/5 of them are overtime."""
    from conftest import REQUESTS
    report = screener.check(str(next(p for p in REQUESTS if p.stem == "bracket-series")))
    data = report.to_dict()
    fast = data["lead_time"]["expedited"]
    attended = [line for line in data["quote"]["lines"] if line["kind"] in ("setup", "run")
                and line["rule"] is None and line["attended"]]
    by_machine = {m["id"]: m for m in equipment.machines}
    overtime = 3  # rules/pack.yaml: lead_time.expedite.overtime_h_per_day
    # the first of its two deliveries is expedited: half the hours
    assert data["lead_time"]["deliveries"] == 2
    labour = 0.4  # rules/pack.yaml: lead_time.expedite.labour_share
    expected = round(sum(line["amount_eur"] / 2 * overtime /
                         (by_machine[line["machine"]]["free_h_per_week"] / 5 + overtime)
                         for line in attended) * labour, 2) * fast["surcharge"]
    assert fast["extra_eur"] == pytest.approx(expected, abs=0.01)
    assert fast["extra_eur"] < sum(line["amount_eur"] for line in attended) * fast["surcharge"]
    assert "in overtime" in fast["basis"]



@pytest.mark.parametrize("lang, said", [
    ("en", "(the machine has no free hours: never)"),
    ("nl", "(de machine heeft geen vrije uren: nooit)")])
def test_a_machine_with_no_free_hours_never_ends(equipment, lang, said):
    """A fully booked machine (free_h_per_week: 0) did its 24 h in 0 working days: the
    lead time read 11 working days while the assignment said 'needs 24.0 h, 0.0 h free'.
    Now the operation never ends (no date; a date that may move becomes a blocker),
    unless overtime works its attended hours."""
    from producibility import Screener, load_packs
    booked = copy.deepcopy(equipment)
    for machine in booked.machines:
        machine["free_h_per_week"] = 0
    report = Screener(booked, load_packs()).check(base_request(), lang=lang,
                                                  probe=False).to_dict()
    lead = report["lead_time"]
    operation = next(s for s in lead["parts"][0]["steps"] if s["step"] == "operation")
    assert operation["text"].endswith(said)
    assert lead["earliest_date"] is None and lead["days"] > 2500
    assert any(f["rule"] == "LEAD-TIME" for f in report["findings"])


def test_work_beyond_the_calendar_keeps_its_days(screener):
    """100,000 and 1,000,000 hours of milling both read 2,506 working days (the cap of a
    machine that never ends) and the LEAD-TIME finding gave that as the days it takes:
    work that ends keeps its days, beyond any date (no earliest date); only a machine with
    no free hours never ends."""
    reports = [screener.check(base_request(quantity=pieces, part={"cycle_time_min": 60}),
                              probe=False).to_dict() for pieces in (100_000, 1_000_000)]
    days = [report["lead_time"]["days"] for report in reports]
    assert days[1] > 9 * days[0] > 9 * 2506
    for report in reports:
        lead = report["lead_time"]
        assert lead["earliest_date"] is None and lead["meets_wanted_date"] is False
        operation = next(s for s in lead["parts"][0]["steps"] if s["step"] == "operation")
        assert "never" not in operation["text"]
        finding = next(f for f in report["findings"] if f["rule"] == "LEAD-TIME")
        assert finding["kind"] == "blocker" and f"({lead['days']} working days" in \
            finding["message"]


@pytest.mark.parametrize("lang, step", [
    ("en", "cylindrical grinding at Rondslijperij Veldhoven (fictief voorbeeld): 7 wd + 2 x 1 wd "
           "transport"),
    ("nl", "rondslijpen bij Rondslijperij Veldhoven (fictief voorbeeld): 7 wd + 2 x 1 wd "
           "transport")])
def test_a_partners_step_says_its_days_and_the_transport_on_top(lang, step):
    """FIT-OUTSIDE-WORK read 'lead time 5 working days' and the chain '(7 wd)' for the
    same partner, and the equipment schema said its lead time included the transport
    that the chain adds both ways. The step now says both, and the schema what it is."""
    (_, _), precision = both_shops()
    screener, requests = precision
    path = next(p for p in requests if "ground" in p.name)
    report = screener.check(str(path), lang=lang).to_dict()
    outside = [s for p in report["lead_time"]["parts"] for s in p["steps"]
               if s["step"] == "outside_work"]
    grinding = next(s for s in outside if s["text"].startswith(step.split(":")[0]))
    assert grinding["text"] == step and grinding["days"] == 9
    partner = next(a["partner"] for a in report["assignments"] if a.get("partner")
                   and a["partner"]["name"].startswith("Rondslijperij"))
    assert partner["lead_time_days"] == 7


def test_a_part_made_here_after_all_never_shortens_the_lead_time():
    """The first article report (QUA-002, then a request rule's 3 h) was measured with
    the first part made here: when a bigger press brake made the first part makeable, the
    report moved off the slowest part and the lead time went from 16 to 15 working days
    with more work. It goes with the part measured last now."""
    import yaml
    from conftest import REQUESTS
    bracket = yaml.safe_load(next(p for p in REQUESTS if p.stem == "bracket-series")
                             .read_text(encoding="utf-8"))
    shaft = yaml.safe_load(next(p for p in REQUESTS if p.stem == "shaft-oversize")
                           .read_text(encoding="utf-8"))["parts"][0]
    (screener, _), _ = both_shops()
    for critical in (False, True):  # a request rule's inspection (QUA-011, 2 h) or none
        unmade = dict(bracket, certificates_required=[], safety_critical=critical,
                      parts=[shaft] + bracket["parts"])
        small = dict(shaft, diameter_mm=30, length_mm=40, size_mm=[30, 30, 40],
                     tolerance_mm=0.1, cycle_time_min=1)  # a quick part, first in the list
        made = dict(unmade, parts=[small] + bracket["parts"])
        a = screener.check(unmade).to_dict()["lead_time"]
        b = screener.check(made).to_dict()["lead_time"]
        assert a["not_made"] == ["AS-300"] and b["not_made"] == []
        assert b["days"] >= a["days"], (critical, a["days"], b["days"])
        if critical:  # the request's 2 h with the brackets, measured last, not the shaft
            measuring = {p["part"]: next(s["days"] for s in p["steps"]
                                         if s["step"] == "inspection") for p in b["parts"]}
            assert measuring["AS-300"] < 0.75 < measuring["BR-100"]


def test_a_quick_part_added_never_takes_the_report_off_the_slow_part():
    """The brackets (anodised after measuring, 7 days) with a spacer that comes off the
    mill last but is done days sooner: the first article report's 3 h went with the
    part measured last, the spacer, and the brackets, measured sooner, made the lead time
    a day shorter (23 -> 22) with more work. They go with the part that would end last."""
    import yaml
    from conftest import REQUESTS
    bracket = yaml.safe_load(next(p for p in REQUESTS if p.stem == "bracket-series")
                             .read_text(encoding="utf-8"))
    spacer = {"id": "BR-200", "name": "Afstandsbus", "quantity": 1,
              "processes": ["milling_3axis"], "material": "aluminium_6082",
              "size_mm": [40, 30, 10], "tolerance_mm": 0.015, "tightest_feature": "bore",
              "roughness_ra_um": 1.6, "cycle_time_min": 0.5, "weight_kg": 0.02,
              "cosmetic_surface": False, "temper": "t651"}
    # a request rule's inspection (QUA-011, 2 h): the first article report is per part
    bracket = dict(bracket, certificates_required=[], safety_critical=True)
    (screener, _), _ = both_shops()
    alone = screener.check(bracket).to_dict()["lead_time"]
    both = screener.check(dict(bracket, parts=bracket["parts"] + [spacer])).to_dict()
    lead = both["lead_time"]
    assert lead["days"] >= alone["days"]
    measuring = {p["part"]: next(s["days"] for s in p["steps"] if s["step"] == "inspection")
                 for p in lead["parts"]}
    assert measuring["BR-100"] > measuring["BR-200"]  # the request's hours, with BR-100



def test_the_effort_cost_is_the_quote_to_the_cent(screener):
    """effort.cost_eur was whole euros (7065.0) beside quote.totals' 7064.62: one amount,
    two roundings in one report."""
    data = screener.check(_example("bracket-series")).to_dict()
    totals, cost = data["quote"]["totals"], data["effort"]["cost_eur"]
    assert (cost["low"], cost["high"]) == (round(totals["amount_eur"], 2),
                                           round(totals["amount_high_eur"], 2))
    assert cost["high"] != round(cost["high"])  # cents, not whole euros


def test_a_rule_line_at_a_default_rate_says_default(tmp_path, pack):
    """Without engineering_rate_eur_h in the equipment file a rule's engineering hours are
    priced at the pack's default rate, but the line said basis 'given'."""
    import yaml

    from conftest import EQUIPMENT
    from producibility import Screener, load_equipment
    data = yaml.safe_load(EQUIPMENT.read_text(encoding="utf-8"))
    data["provider"].pop("engineering_rate_eur_h")
    data["provider"].pop("inspection_rate_eur_h", None)
    path = tmp_path / "equipment.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    lines = Screener(load_equipment(path), pack).check(
        _example("bracket-series")).to_dict()["quote"]["lines"]
    ruled = [line for line in lines if line["rule"] and line["kind"] in
             ("engineering", "procurement", "inspection", "cam")]
    assert ruled and all(line["basis"] == "default" for line in ruled), ruled
    # with the rate given the default pack's hours are still its judgement: default
    # (a shop's own rule's are given: test_the_default_packs_hours_are_defaults_...)
    given = Screener(str(EQUIPMENT), pack).check(
        _example("bracket-series")).to_dict()["quote"]["lines"]
    assert all(line["basis"] == "default" for line in given
               if line["rule"] and line["kind"] in ("engineering", "procurement"))


@pytest.mark.parametrize("thickness, speed, columns", [
    (1.5, 24.5, (1.0, 3.0)),    # 30 - (30 - 8) x 0.5 / 2: between the 1 and 3 mm columns
    (3, 8.0, (3.0,)),           # a listed thickness reads its column
    (8, 2.65, (6.0, 10.0)),     # 3.5 - (3.5 - 1.8) x 2 / 4
    (0.5, 30.0, (1.0,)),        # beyond the table's ends: the next listed up ...
    (25, 0.7, (20.0,)),         # ... or the thickest listed
])
def test_laser_speed_is_interpolated_between_the_listed_thicknesses(thickness, speed, columns):
    from producibility.report.costing import _speed

    table = {1: 30, 3: 8, 6: 3.5, 10: 1.8, 20: 0.7}  # the shipped laser's table
    assert _speed(table, thickness) == (speed, columns)


def test_the_laser_quote_line_says_it_interpolates(screener):
    request = base_request(purpose="prototype", quantity=10)
    request["parts"] = [{"id": "PL", "processes": ["laser_cutting"], "material": "steel_s235",
                         "size_mm": [600, 400, 1.5], "thickness_mm": 1.5, "tolerance_mm": 0.5}]
    for lang, said in (("en", "at 24.5 m/min (interpolated between the 1 and 3 mm columns)"),
                       ("nl", "met 24,5 m/min (geïnterpoleerd tussen de kolommen 1 en 3 mm)")):
        report = screener.check(request, lang=lang)
        sources = [line["source"] for line in report.to_dict()["quote"]["lines"]
                   if line["kind"] == "run"]
        assert any(said in s for s in sources), sources


def test_two_parts_at_one_partner_share_its_order_charge(tmp_path, monkeypatch):
    """Two brackets the powder coater takes together were charged its order charge
    twice, and TEC-005's hour of ordering twice: each is paid once, half by each part
    (two mirrored brackets keep one price)."""
    import json
    import yaml
    from conftest import EXAMPLES, base_request, run_cli
    request = base_request(quantity=10, wanted_date="2027-06-01",
                           part={"surface_treatment": ["anodising"]})
    request["parts"].append(dict(request["parts"][0], id="P2"))
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    monkeypatch.chdir(EXAMPLES / "precision-shop")  # its anodiser: EUR 80 + 1.50 a piece
    code, out, err = run_cli("check", path, "--format", "json", "--no-probe",
                             "--quantities", "10,100", "--lang", "en")
    assert code in (0, 1), err
    quote = json.loads(out)["quote"]
    outside = {line["part"]: line for line in quote["lines"] if line["kind"] == "outside_work"}
    # EUR 1.50 a piece, at least its minimum order value of EUR 80 for the order of both
    assert outside["P1"]["amount_eur"] == outside["P2"]["amount_eur"] == 80 / 2
    assert "minimum order value 80 EUR x 1 batch(es), above the order's 30.00 EUR " \
        "(P1, P2 together: this part's share 50%)" in outside["P2"]["source"]
    ordering = [line for line in quote["lines"] if line["rule"] == "TEC-005"]
    assert [(line["part"], line["hours"]) for line in ordering] == [("P1", 0.5), ("P2", 0.5)]
    assert ordering[0]["source"].endswith("; one order for P1, P2: 1/2 each")
    # and at a quantity break (the request checked at that quantity): 1.50 a piece for
    # each, above the minimum order value
    ten, hundred = quote["breaks"]
    path.write_text(yaml.safe_dump(dict(request, quantity=100)), encoding="utf-8")
    code, out, err = run_cli("check", path, "--format", "json", "--no-probe", "--lang", "en")
    direct = json.loads(out)["quote"]
    assert [line["amount_eur"] for line in direct["lines"] if line["kind"] == "outside_work"] \
        == [1.5 * 100] * 2
    assert hundred["amount_eur"] == direct["totals"]["amount_eur"]


def test_the_default_packs_hours_are_defaults_a_shops_own_are_given(tmp_path, equipment):
    """A shop's quote CSV read 'opgegeven' (given) for 14.5 h that were the shipped
    pack's judgement (PRC-003's 4 h, PRC-001's 2 h, CST-001's 1 h): a rule as the default
    pack writes it is basis default; the shop's own rule, or its override of a shipped
    one, is given."""
    import textwrap
    from producibility import load_packs
    request = base_request(new_customer=True, target_unit_price_eur=1.0,
                           part={"cycle_time_min": 60})
    basis = {line["rule"]: line["basis"] for line in Screener(equipment, load_packs()).check(
        request, probe=False).to_dict()["quote"]["lines"] if line["rule"]}
    assert basis and set(basis.values()) == {"default"}, basis
    own = tmp_path / "own.yaml"
    rid = sorted(basis)[0]
    shipped = next(r for r in load_packs().rules if r.id == rid)
    own.write_text(textwrap.dedent(f"""\
        pack: {{id: own, version: 1.0.0}}
        rules:
          - id: {rid}
            thread: {shipped.thread}
            title: ours
            scope: {shipped.scope}
            when: "true"
            then: {{effort: {{engineering_h: 3}}}}
            message: "ours"
            override: true
        """), encoding="utf-8")
    pack = load_packs([own])
    assert rid not in pack.shipped and len(pack.shipped) == len(pack.rules) - 1
    lines = Screener(equipment, pack).check(request, probe=False).to_dict()["quote"]["lines"]
    assert {line["basis"] for line in lines if line["rule"] == rid} == {"given"}


def test_a_part_with_no_process_has_no_price_and_no_date_of_its_own(screener):
    """A customer who does not know "3-axis milling" leaves the processes out (or writes
    one the catalogue does not know). Its report read EUR 85 - 136 (CST-001's hour of
    engineering) as the whole price with nothing flagged, "1 working day" and
    meets_wanted_date true, and its offer EUR 60 a piece and delivery the next day.
    Now it is not priced (quote.not_priced, why processes), its lead time is a lower
    bound that says nothing of the date, and the offer names neither price nor day."""
    import json
    from producibility.report.render import render
    request = base_request(part={"processes": None, "cycle_time_min": None})
    screened = screener.check(request, probe=False)
    report = screened.to_dict()
    assert {"part": "P1", "what": "run", "item": None, "why": "processes"} in \
        report["quote"]["not_priced"]
    assert not any(line["part"] == "P1" and line["rule"] is None
                   for line in report["quote"]["lines"])
    assert report["effort"]["run_h_complete"] is False
    lead = report["lead_time"]
    assert lead["without_run"] == ["P1"] and lead["meets_wanted_date"] is None
    assert lead["parts"][0]["unrouted"] is True
    offer = json.loads(render(screened, "json", "nl", audience="customer"))
    [part] = offer["parts"]
    assert part["per_piece_eur"] is None and part["pending"]
    assert offer["delivery"][-1] == \
        "De precieze datum bevestigen wij zodra wij de bewerkingen van P1 weten."
    assert not any("werkdag" in sentence for sentence in offer["delivery"])
    # a second part that is routed keeps its own price; the date is a lower bound
    request["parts"].append(dict(base_request()["parts"][0], id="P2"))
    both_report = screener.check(request, probe=False)
    both = both_report.to_dict()
    assert both["lead_time"]["without_run"] == ["P1"]
    # the set's price leaves P1 out, and says so; its offer line starts with its material
    assert "per set (the parts of one product, without P1)" in render(both_report, "text", "en")
    offer_text = render(both_report, "text", "nl", audience="customer")
    assert "\n    aluminium EN AW-6082 · 120 × 60 × 20 mm\n" in offer_text
    assert any(line["part"] == "P2" and line["kind"] == "run"
               for line in both["quote"]["lines"])


def test_where_nothing_is_made_here_the_quote_totals_are_null_not_zero(screener):
    """An ERP import reads quote.totals: it said EUR 0.00 beside effort.cost_eur null
    for a shaft no machine of ours can turn."""
    report = screener.check(base_request(part={"size_mm": [4000, 60, 20]}),
                            probe=False).to_dict()
    assert report["lead_time"]["days"] is None and report["effort"]["cost_eur"]["low"] is None
    totals = report["quote"]["totals"]
    assert [totals[k] for k in ("amount_eur", "amount_high_eur", "contingency_eur",
                                "estimated_eur")] == [None] * 4


def test_without_a_quantity_the_material_and_run_are_named_as_not_priced(screener):
    """No quantity: the material and the run dropped out of a EUR 313 - 501 price with
    no note (not_priced and notes empty), meets_wanted_date read true on a lower bound,
    and the offer priced "1 st." at every set-up's cost. Now both are not priced (why
    quantity), the date is not claimed, and the offer gives no price per piece."""
    import json
    from producibility.report.render import render
    screened = screener.check(base_request(quantity=None, part={"cycle_time_min": None}),
                              probe=False)
    report = screened.to_dict()
    assert {(e["what"], e["why"]) for e in report["quote"]["not_priced"]} == {
        ("material", "quantity"), ("run", "quantity")}
    assert report["lead_time"]["meets_wanted_date"] is None
    offer = json.loads(render(screened, "json", "nl", audience="customer"))
    [part] = offer["parts"]
    assert part["pieces"] is None and part["per_piece_eur"] is None
    assert offer["total_eur"] is None


AMOUNT_KINDS = {"material", "outside_work", "tooling", "certificate", "packaging", "transport"}


def test_a_line_priced_as_an_amount_has_no_hours_rate_or_attendance(screener):
    """An ERP multiplying a quote line's hours by its rate read EUR 0 for EUR 865.94 of
    aluminium (hours 0, rate 0, attended true): an amount line's are null, and every line
    of hours is its hours x its rate; the totals' hours are the lines of hours'."""
    from conftest import ROOT
    kinds = set()
    shop = ROOT / "examples" / "precision-shop"
    precision = Screener(load_equipment(str(shop / "equipment.yaml")),
                         load_packs([shop / "rules"]))
    for path in sorted((ROOT / "examples" / "requests").glob("*.yaml")) + sorted(
            (shop / "requests").glob("*.yaml")):
        quote = (precision if shop in path.parents else screener).check(
            str(path)).to_dict()["quote"]
        for line in quote["lines"]:
            kinds.add(line["kind"])
            if line["kind"] in AMOUNT_KINDS:
                assert (line["hours"], line["rate_eur_h"], line["attended"]) == \
                    (None, None, None), (path.name, line)
            else:
                # the hours are shown to 0.01 h, the amount from the exact hours
                assert line["amount_eur"] == pytest.approx(
                    line["hours"] * line["rate_eur_h"],
                    abs=0.005 * line["rate_eur_h"] + 0.01), (path.name, line)
                assert isinstance(line["attended"], bool)
        hourly = [line for line in quote["lines"] if line["hours"] is not None]
        assert quote["totals"]["hours"] == pytest.approx(sum(l["hours"] for l in hourly),
                                                         abs=0.01)
        assert quote["totals"]["attended_h"] + quote["totals"]["unattended_h"] == \
            pytest.approx(quote["totals"]["hours"], abs=0.01)
    assert {"material", "outside_work", "setup", "run"} <= kinds


def test_the_csv_leaves_an_amount_lines_hours_empty(screener):
    from producibility.report.render import render
    report = screener.check(base_request(part={"surface_treatment": None}), lang="nl")
    rows = [row.split(";") for row in render(report, "csv", "nl", None).splitlines()]
    header = [cell.lstrip("\ufeff") for cell in rows[0]]
    material = next(dict(zip(header, row)) for row in rows[1:] if row[0] == "materiaal")
    assert (material["uren"], material["tarief_eur_u"], material["bemand"]) == ("", "", "")
    assert material["bedrag_eur"] not in ("", "0,00")


def test_the_effort_names_its_longest_wait_not_a_lead_time(screener):
    """effort.lead_time_days read 7 beside a lead time of 17 working days, and an ERP took
    it for the lead time: it is effort.longest_wait_days, the longest wait a finding
    names."""
    from conftest import ROOT
    report = screener.check(str(ROOT / "examples/requests/bracket-series.yaml")).to_dict()
    effort = report["effort"]
    assert "lead_time_days" not in effort
    waits = [float(f["effort"]["lead_time_days"]) for f in report["findings"]
             if (f.get("effort") or {}).get("lead_time_days")]
    assert effort["longest_wait_days"] == max(waits) == 7.0
    assert report["lead_time"]["days"] == 17


def test_a_partner_that_does_the_treatment_but_not_in_this_material_is_named(tmp_path):
    """'no partner in the equipment file does it' read for a 7020 plate where a partner
    anodises, just not that alloy: the engineer went looking for a missing partner entry
    (a pack author's review)."""
    from producibility import Screener
    from conftest import EQUIPMENT, base_request

    equipment = tmp_path / "equipment.yaml"
    equipment.write_text(EQUIPMENT.read_text(encoding="utf-8") + (
        "\npartners:\n"
        "  - id: anodiseer-twente\n"
        "    name: Anodiseerbedrijf Twente\n"
        "    processes: [anodising]\n"
        "    materials: [aluminium_6082]\n"
        "    lead_time_days: 6\n"
        "    price: {per_order_eur: 90, per_piece_eur: 2, source: quote 2025}\n"),
        encoding="utf-8")
    screener = Screener(str(equipment))
    report = screener.check(base_request(part={"material": "aluminium_5754",
                                               "surface_treatment": ["anodising"]}))
    notes = report.to_dict()["quote"]["notes"]
    assert any("Anodiseerbedrijf Twente does anodising, but not in aluminium EN AW-5754"
               in note for note in notes), notes
    priced = screener.check(base_request(part={"surface_treatment": ["anodising"]}))
    assert not any("anodising not priced" in note for note in priced.to_dict()["quote"]["notes"])


def test_the_first_piece_of_each_part_is_measured_once(screener):
    """QUA-012 measures the first piece of each part completely: 2 h of measuring a part,
    the first-off check's 0.25 h (costing.first_off_inspection_h) and the rule's other
    1.75 h.  It was a request rule of 2 h beside the first-off lines: the same first piece
    counted twice, and 2 h whether the series had one part or ten."""
    request = base_request(purpose="small_series", quantity=40)
    request["parts"].append(dict(request["parts"][0], id="P2"))
    report = screener.check(request).to_dict()
    inspection = {}
    for line in report["quote"]["lines"]:
        if line["kind"] == "inspection":
            inspection.setdefault(line["part"], []).append((line["rule"], line["hours"]))
    assert inspection == {"P1": [(None, 0.25), ("QUA-012", 1.75)],
                          "P2": [(None, 0.25), ("QUA-012", 1.75)]}


def test_a_first_article_report_is_one_per_part_number(screener):
    """QUA-002 was a request rule: 3 h of inspection for the first article report
    whether the order had one part number or ten. AS9102 / EN 9102 ask one FAI per part
    number: now 2.75 h per part, with its first-off line (0.25 h) the 3 h of one report,
    and in a series it takes the place of QUA-012's first-piece measurement, not on top."""
    def inspection(request):
        report = screener.check(request).to_dict()
        fired = sorted((f["rule"], f["part"]) for f in report["findings"]
                       if f["rule"] in ("QUA-002", "QUA-012"))
        hours = {}
        for line in report["quote"]["lines"]:
            if line["kind"] == "inspection":
                key = (line["rule"], line["part"])
                hours[key] = hours.get(key, 0) + line["hours"]
        return fired, hours

    for purpose in ("prototype", "series"):
        request = base_request(purpose=purpose, certificates_required=["first_article_report"])
        request["parts"] += [dict(request["parts"][0], id=pid) for pid in ("P2", "P3")]
        fired, hours = inspection(request)
        assert fired == [("QUA-002", "P1"), ("QUA-002", "P2"), ("QUA-002", "P3")], purpose
        for pid in ("P1", "P2", "P3"):
            assert hours[("QUA-002", pid)] == pytest.approx(2.75)
            assert hours[("QUA-002", pid)] + hours[(None, pid)] == pytest.approx(3.0)
    # a series without the report measures each first piece (QUA-012), the same 2 h a part
    request["certificates_required"] = []
    fired, hours = inspection(request)
    assert fired == [("QUA-012", "P1"), ("QUA-012", "P2"), ("QUA-012", "P3")]
