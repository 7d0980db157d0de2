"""A long run split over the machines that fit it (report/assignment.py ``assign``): where
no one fitting machine has the free hours before the wanted date for all the pieces and
several together have, each takes a share with its own set-up, at its own rate, and they
make their shares at once (estimator's review #5: 10,000 plates went on one mill, a year
late, with EUR 36k of overtime, while three mills together had the hours)."""

import json

import jsonschema
import pytest

from conftest import EQUIPMENT, EXAMPLES, ROOT, base_request, run_cli
import yaml

SCHEMA = json.loads((ROOT / "producibility/schemas/report.schema.json").read_text())
MILLS = {"haas-vf2", "haas-vf4", "hermle-c250"}  # the example shop's mills that fit


#: every question answered, so that nothing the customer has yet to say moves the date
ANSWERED = {
    "date_flexible": True, "new_customer": False, "repeat_orders_expected": False,
    "prototype_production_process": True, "pilot_run_done": True, "new_technology": False,
    "single_source_items": False, "general_tolerance_class": "m",
    "key_characteristics_marked": True, "revision_controlled": True,
    "design_support_needed": False, "funding_secured": True, "food_contact": False,
    "inspection_scope": "first_piece", "cpk_required": False,
    "traceability_required": False, "safety_critical": False, "cleanroom_required": False,
    "export_controlled": False, "process_data_handover": False, "penalty_clause": False,
    "application_sector": "general", "billing_basis": "finished_parts"}
PART = {"size_mm": [100, 50, 20], "weight_kg": 0.2, "tolerance_mm": 0.05,
        "tightest_feature": "length", "roughness_ra_um": 3.2, "cosmetic_surface": False,
        "min_wall_mm": 4, "min_inside_radius_mm": 5, "max_pocket_depth_mm": 10,
        "min_hole_diameter_mm": 6, "max_hole_depth_mm": 12, "min_thread_mm": 6,
        "max_thread_depth_mm": 10, "surface_treatment": [], "cycle_time_min": 10}


def _plates(quantity):
    """``quantity`` milled 6082 plates of 10 minutes each, wanted in a year."""
    return base_request(id="LONG", date="2026-12-01", purpose="series", quantity=quantity,
                        wanted_date="2027-12-31", part=PART, **ANSWERED)


@pytest.fixture(scope="module")
def long_run(screener):
    return screener.check(_plates(10000), as_of="2026-12-01").to_dict()


def test_a_long_run_is_split_and_meets_the_date(long_run):
    (entry,) = long_run["assignments"]
    shares = entry["split"]
    assert len(shares) >= 2 and {s["machine"] for s in shares} <= MILLS
    assert sum(s["pieces"] for s in shares) == 10000
    assert entry["machine"] == shares[0]["machine"] and "late" not in entry
    # the whole operation's hours and amount are its shares'
    assert entry["setup_h"] == pytest.approx(sum(s["setup_h"] for s in shares))
    assert entry["run_h"] == pytest.approx(sum(s["run_h"] for s in shares), abs=0.02)
    assert entry["amount_eur"] == pytest.approx(sum(s["amount_eur"] for s in shares))
    assert entry["run_h"] == pytest.approx(10000 * 10 / 60, abs=0.05)
    lead = long_run["lead_time"]
    assert lead["meets_wanted_date"] is True
    assert not any(f["rule"] == "LEAD-TIME" for f in long_run["findings"])
    jsonschema.validate(long_run, SCHEMA)


def test_each_share_is_quoted_on_its_machine_at_its_rate(long_run, equipment):
    shares = long_run["assignments"][0]["split"]
    lines = [line for line in long_run["quote"]["lines"] if line["rule"] is None]
    rates = {m["id"]: m["rate_eur_h"] for m in equipment.machines}
    for share in shares:
        setup = [line for line in lines if line["kind"] == "setup"
                 and line["machine"] == share["machine"]]
        run = [line for line in lines if line["kind"] == "run"
               and line["machine"] == share["machine"]]
        assert len(setup) == 1 and len(run) == 1  # a set-up of its own
        assert run[0]["rate_eur_h"] == rates[share["machine"]]
        assert run[0]["hours"] == pytest.approx(share["pieces"] * 10 / 60, abs=0.01)
        assert f"{share['pieces']} pcs" in run[0]["source"]
    # one CAM programme for the operation
    assert len([line for line in lines if line["kind"] == "cam"]) == 1


def test_each_further_machine_of_a_split_measures_its_first_piece(long_run):
    """Three mills make three first pieces, each measured before its series: the quote
    priced one first-off inspection for the part.  Now a line for the two more machines
    (2 x 0.25 h at the inspection rate), and the lead time's measuring has their hours."""
    lines = [line for line in long_run["quote"]["lines"] if line["kind"] == "inspection"
             and line["rule"] is None]
    more = len(long_run["assignments"][0]["split"]) - 1
    assert [line["hours"] for line in lines] == [0.25, 0.25 * more]
    assert lines[1]["description"] == f"P1: first-off inspection on {more} more machines " \
        "of its split"
    measured = sum(line["hours"] for line in long_run["quote"]["lines"]
                   if line["kind"] == "inspection")
    (part,) = long_run["lead_time"]["parts"]
    (step,) = [s for s in part["steps"] if s["step"] == "inspection"]
    assert step["text"] == f"measuring and inspection: {measured:g} h"


def test_the_shares_run_at_once_in_the_lead_time(long_run):
    """One step for the operation, as long as the longest share (not their sum: one
    machine would take 1,667 h at 16 h a week, some 520 working days)."""
    (part,) = long_run["lead_time"]["parts"]
    (step,) = [s for s in part["steps"] if s["step"] == "operation"]
    assert "split over machines working at once" in step["text"]
    assert step["days"] < 280 and long_run["lead_time"]["days"] < 290


def test_the_report_says_the_split(tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(_plates(10000)), encoding="utf-8")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-12-01")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith("  P1 3-axis milling -> "))
    assert "[split: 4,216 pcs on Haas VF-2" in line
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-12-01", "--lang", "nl")
    assert "[verdeeld: 4.216 st op Haas VF-2" in out
    assert "verdeeld over machines die tegelijk draaien" in out


def test_a_small_order_stays_on_one_machine(screener):
    report = screener.check(_plates(50), as_of="2026-12-01").to_dict()
    (entry,) = report["assignments"]
    assert entry["machine"] == "haas-vf2" and "split" not in entry
    assert len([line for line in report["quote"]["lines"]
                if line["kind"] == "setup" and line["rule"] is None]) == 1


def test_a_run_no_split_makes_in_time_is_spread_so_it_ends_soonest(screener, equipment):
    """40,000 plates are more than the three mills have before the date.  They went on the
    VF-2 alone, 6,668 h at 16 h a week: 2,089 working days.  Now they are spread over the
    three mills so that they end together (each share with its own set-up), the lead time
    is that end, and the report still says the run is later than wanted."""
    report = screener.check(_plates(40000), as_of="2026-12-01").to_dict()
    (entry,) = report["assignments"]
    shares = entry["split"]
    assert {s["machine"] for s in shares} == MILLS
    assert sum(s["pieces"] for s in shares) == 40000
    assert entry.get("late") and entry["alternatives"] == []
    free = {m["id"]: m["free_h_per_week"] for m in equipment.machines}
    ends = [(s["setup_h"] + s["run_h"]) / free[s["machine"]] for s in shares]
    # they end together: within one plate (10 minutes) of each other
    assert max(ends) - min(ends) < (10 / 60) / min(free.values()) + 0.01
    lead = report["lead_time"]
    assert lead["meets_wanted_date"] is False
    assert 850 < lead["days"] < 900, lead["days"]  # max(ends) weeks x 5, and the rest
    assert any(f["rule"] == "LEAD-TIME" for f in report["findings"])
    notes = [n for n in report["quote"]["notes"] if "at once, and still done after" in str(n)]
    assert notes, report["quote"]["notes"]


def _shop_of_copies(path, copies):
    """The example shop with ``copies`` of each machine (ids ``-0``, ``-1``, ...)."""
    document = yaml.safe_load(EQUIPMENT.read_text(encoding="utf-8"))
    document["machines"] = [dict(m, id=f"{m['id']}-{n}", name=f"{m['name']} #{n}")
                            for n in range(copies) for m in document["machines"]]
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_200000_brackets_go_over_every_hermle_and_the_lead_time_is_their_end(tmp_path):
    """A planner's 308-machine shop, 200,000 brackets at +/-0.015 mm that only the 28
    Hermle C 250s hold: 20,000 h, more than the 28 together have before the wanted date.
    All of it went on one Hermle: "Lead time: 10013 working days".  Now each Hermle takes
    a share, the run ends when they do, and the date is still missed."""
    shop = _shop_of_copies(tmp_path / "shop.yaml", 28)
    request = ROOT / "tests/data/huge-brackets.yaml"
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe")
    assert code == 0, err
    assert "Lead time: 372 working days, earliest delivery 2028-05-15 (wanted 2027-06-30)" \
        in out
    line = next(x for x in out.splitlines() if x.startswith("  BR-100 3-axis milling -> "))
    # four machines named, the rest counted (the line named all 28: 1,835 characters);
    # the lead time's step too
    assert line.count(" pcs on Hermle C 250") == 4 and "later than wanted" in line
    assert "#11 and 24 more machines]" in line
    step = next(x for x in out.splitlines() if x.startswith("  slowest part BR-100"))
    assert step.count(" pcs on Hermle C 250") == 4 and "#11: 716.3 h and 24 more " \
        "machines (358.15 wd)" in step
    assert "split over 28 machines working at once, and still done after the wanted " \
        "date" in out
    assert "LEAD-TIME" in out
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe",
                             "--format", "json")
    report = json.loads(out)
    (entry,) = report["assignments"]
    assert len(entry["split"]) == 28  # the JSON keeps every machine
    assert sum(s["pieces"] for s in entry["split"]) == 200000
    assert {s["pieces"] for s in entry["split"]} == {7142, 7143}
    assert report["lead_time"]["meets_wanted_date"] is False
    jsonschema.validate(report, SCHEMA)


#: the planner's block (review 12): 12 minutes of milling a piece, wanted 29-01-2027
BLOCK = dict(PART, size_mm=[100, 60, 25], weight_kg=0.3, cycle_time_min=12)


def _blocks(path, quantity, wanted, **changes):
    request = base_request(id="RV", date="2026-11-23", purpose="small_series",
                           quantity=quantity, wanted_date=wanted, part=BLOCK,
                           **dict(ANSWERED, **changes))
    path.write_text(yaml.safe_dump(request), encoding="utf-8")
    return path


def test_a_split_in_time_is_levelled_and_leaves_slack(tmp_path):
    """900 blocks, 180 h of milling: the VF-2 was filled to the wanted date (610 pcs,
    38.44 working days) while the VF-4 stood idle for 13.6 days; the date was met with
    no day to spare, so the report raised MGT-001 "rush order" and WRK-004 overtime of
    its own making.  Now the shares are levelled: both mills end together, a week
    sooner, and no rush is called."""
    path = _blocks(tmp_path / "split.yaml", 900, "2027-01-29")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-23")
    assert code == 0, err
    assert "Lead time: 38 working days, earliest delivery 2027-01-22 (wanted " \
        "2027-01-29)" in out
    assert "516 pcs on Haas VF-2 3-assig verticaal bewerkingscentrum: 104.2 h, 384 pcs " \
        "on Haas VF-4 3-assig verticaal bewerkingscentrum (groot): 78.3 h (32.62 wd)" in out
    assert "MGT-001" not in out and "WRK-004" not in out
    # what levelling gains and costs against filling the cheapest mill first
    assert "  - P1: 3-axis milling levelled over 2 machines so that they end together: " \
        "10.4 working days sooner than filling the cheapest machine first, for €\xa0234 " \
        "more" in out
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-23", "--lang", "nl")
    assert "P1: 3-assig frezen gelijk verdeeld over 2 machines, zodat ze samen klaar " \
        "zijn: 10,4 werkdagen eerder dan eerst de goedkoopste machine vol te plannen, " \
        "voor €\xa0234 meer" in out


def test_a_small_rush_run_stays_on_one_machine_when_more_are_not_a_day_sooner(tmp_path):
    """20 blocks wanted tomorrow were spread over three mills, one piece on the Hermle
    with its 2 h set-up: EUR 430 more and the same delivery day.  Now no machine is
    added that does not end the run a working day sooner and pay its own set-up."""
    path = _blocks(tmp_path / "rush.yaml", 20, "2026-11-24")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-23", "--format", "json")
    report = json.loads(out)
    (entry,) = report["assignments"]
    assert entry["machine"] == "haas-vf2" and "split" not in entry
    assert len([line for line in report["quote"]["lines"]
                if line["kind"] == "setup" and line["rule"] is None]) == 1
    assert report["lead_time"]["days"] == 4  # as on three mills: 2026-11-27
    assert report["lead_time"]["earliest_date"] == "2026-11-27"


def test_a_candidate_rule_on_a_machine_of_a_split_is_judged_on_its_share(tmp_path):
    """FAC-006 ("fills the machine's free weeks") was judged before the split, on the
    part's whole run: "180 h of run time" on the VF-4 whose share is 58 h, below its
    threshold, and "200 h" on each of three mills sharing 1,000 blocks.  Now each
    machine of a split is judged on its share."""
    path = _blocks(tmp_path / "split.yaml", 900, "2027-01-29")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-23")
    # 516 pcs = 103.2 h and 384 pcs = 76.8 h of run against 80% of 8.6 weeks of 16 and
    # 12 free hours (110.1 h and 82.6 h): neither fills the machine's free weeks
    assert code == 0, err
    assert "FAC-006" not in out
    path = _blocks(tmp_path / "late.yaml", 1000, "2026-12-11")
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-23")
    said = [line.split(": ", 1)[1].split(" of run time")[0] for line in out.splitlines()
            if "FAC-006 P1 on" in line]
    assert said == ["85.2 h", "63 h", "51.8 h"], out
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--as-of",
                             "2026-11-23", "--lang", "nl")
    assert "FAC-006 P1 op Haas VF-4 3-assig verticaal bewerkingscentrum (groot): 63 uur " \
        "looptijd" in out


def test_a_part_many_machines_fit_names_four_alternatives_and_counts_the_rest(tmp_path):
    """The planner's 308-machine shop: the brackets fit all 28 Hermles, and the text
    report's "alternatives:" line named the 27 others with their amounts (1,062
    characters), as Markdown and HTML did.  Now four, and how many more, in both
    languages; the JSON keeps them all."""
    shop = _shop_of_copies(tmp_path / "shop.yaml", 28)
    request = EXAMPLES / "requests" / "bracket-series.yaml"
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe")
    assert code == 0, err
    line = next(x for x in out.splitlines() if "alternatives" in x)
    assert line.count("hermle-c250-") == 4 and line.endswith("(dearer); and 23 more machines")
    assert len(line) < 250, len(line)
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe",
                             "--lang", "nl")
    line = next(x for x in out.splitlines() if "alternatieven" in x)
    assert line.count("hermle-c250-") == 4 and line.endswith("(duurder); en nog 23 machines")
    for form in ("md", "html"):
        code, page, err = run_cli("check", request, "--equipment", shop, "--no-probe",
                                  "--format", form)
        assert code == 0, err
        assert "and 23 more machines" in page and "hermle-c250-20" not in page
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe",
                             "--format", "json")
    (entry,) = json.loads(out)["assignments"]
    assert len(entry["alternative_amounts"]) == 27


def test_a_large_shop_lists_five_rejected_machines_and_one_row_per_candidate_rule(tmp_path):
    """The planner's 308-machine shop, 200,000 brackets that only the 28 Hermles hold:
    the HTML and Markdown reports listed all 56 rejected machines (the text report five),
    and the Markdown and HTML risk registers gave FAC-006 ("operation fills the machine's
    free weeks") 28 rows, one per Hermle.  Now every format lists the five nearest misses
    and counts the rest, and FAC-006 is one row naming four Hermles and counting the
    others, in both languages; the JSON keeps every machine and every finding."""
    shop = _shop_of_copies(tmp_path / "shop.yaml", 28)
    request = ROOT / "tests/data/huge-brackets.yaml"
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe",
                             "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert len(report["assignments"][0]["rejected"]) == 56
    assert sum(f["rule"] == "FAC-006" for f in report["findings"]) == 28
    said = {("en", "md"): ("and 51 more machines rejected (all in the JSON report)",
                           "The same on hermle-c250-1, hermle-c250-10, hermle-c250-11 "
                           "and 24 more machines (each in the JSON report)."),
            ("nl", "html"): ("en nog 51 afgewezen machines (alle in het JSON-rapport)",
                             "Zo ook op hermle-c250-1, hermle-c250-10, hermle-c250-11 "
                             "en nog 24 machines (elk in het JSON-rapport)."),
            ("en", "html"): ("and 51 more machines rejected", "and 24 more machines"),
            ("nl", "md"): ("en nog 51 afgewezen machines", "en nog 24 machines")}
    for (lang, form), (more, same) in said.items():
        code, page, err = run_cli("check", request, "--equipment", shop, "--no-probe",
                                  "--format", form, "--lang", lang)
        assert code == 0, err
        assert page.count("haas-vf2-") == 5 and more in page, (lang, form)
        assert "haas-vf2-13" not in page
        # one risk-register row for FAC-006 (the trace keeps every finding's values)
        register = page.split('<section id="risks">')[1].split("</section>")[0] \
            if form == "html" else \
            page.split("## ")[[s.split("\n")[0] for s in page.split("## ")].index(
                "Risk register" if lang == "en" else "Risicoregister")]
        assert register.count("FAC-006") == 1 and same in register, (lang, form)
    code, out, err = run_cli("check", request, "--equipment", shop, "--no-probe")
    assert "  ... and 51 more machines rejected (all in the JSON report)" in out
    assert out.count("] FAC-006 ") == 1 and "and 24 more machines (each in" in out
