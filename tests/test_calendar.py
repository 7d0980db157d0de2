"""The shop's working days (equipment provider.calendar): public holidays of its
country, its own closed days, the holidays it works; the lead time counts them.

Dates by hand: 2026-12-25 (Friday) Christmas Day, 2026-12-28..31 the example shop's
Christmas shutdown, 2027-01-01 (Friday) New Year's Day, 2027-03-26 Good Friday (a
public holiday in python-holidays' NL, worked by the example shop), 2027-03-29 Easter
Monday."""

import datetime
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from producibility import Screener, load_packs
from producibility.model.calendar import Calendar

from conftest import EQUIPMENT, EXAMPLES, ROOT, base_request, run_cli


def by_hand(start, n, closed):
    """``n`` working days after ``start``: a day at a time, Monday to Friday, not closed."""
    date = datetime.date.fromisoformat(start)
    while n > 0:
        date += datetime.timedelta(days=1)
        n -= date.weekday() < 5 and date not in closed
    return date.isoformat()


DUTCH = Calendar("NL")
NL_2026_2027 = {datetime.date(2026, 12, 25), datetime.date(2026, 12, 26),
                datetime.date(2027, 1, 1), datetime.date(2027, 3, 26),
                datetime.date(2027, 3, 28), datetime.date(2027, 3, 29),
                datetime.date(2027, 4, 27), datetime.date(2027, 5, 6),
                datetime.date(2027, 5, 16), datetime.date(2027, 5, 17)}


def test_the_dutch_public_holidays_by_hand():
    found = {d for year in (2026, 2027) for d in DUTCH.holidays_of(year)
             if d >= datetime.date(2026, 12, 1) and d <= datetime.date(2027, 6, 1)}
    assert found == NL_2026_2027
    assert DUTCH.holidays_of(2026)[datetime.date(2026, 12, 25)] == {
        "en": "Christmas Day", "nl": "Eerste kerstdag"}
    assert datetime.date(2030, 5, 5) in DUTCH.holidays_of(2030)  # Liberation Day, lustrum


@settings(max_examples=300, deadline=None)
@given(st.dates(datetime.date(2026, 11, 1), datetime.date(2027, 5, 31)),
       st.integers(0, 60))
def test_counting_working_days_is_counting_them_one_by_one(start, n):
    closed = {d for d in NL_2026_2027 if d != datetime.date(2027, 3, 26)}
    calendar = Calendar("NL", open_days=frozenset({datetime.date(2027, 3, 26)}))
    end = calendar.add_working_days(start.isoformat(), n)
    assert end == by_hand(start.isoformat(), n, closed)
    if n and calendar.is_working(datetime.date.fromisoformat(end)):
        assert calendar.working_days_between(start.isoformat(), end) == n
    assert calendar.working_days_between(end, start.isoformat()) == \
        -calendar.working_days_between(start.isoformat(), end)


def test_the_lead_time_skips_the_shops_closed_days(equipment):
    """900 brackets: 28 working days (463 kg of 6082 is more than the 400 kg the example
    shop keeps: its 3 days of ordering come first). Counted Monday to Friday they end
    2026-12-31, a day of the example shop's shutdown; its calendar closes six weekdays on
    the way (Christmas Day, 28-31 December, New Year's Day): 2027-01-08, and the report
    names them. Without a calendar the chain's days are the same."""
    screener = Screener(equipment, load_packs())
    request = base_request(quantity=900, wanted_date="2027-03-01")
    lead = screener.check(request).to_dict()["lead_time"]
    assert lead["earliest_date"] == by_hand("2026-11-23", lead["days"], NL_2026_2027 | {
        datetime.date(2026, 12, d) for d in range(28, 32)} - {datetime.date(2027, 3, 26)})
    plain = Screener(dict(_document(equipment), provider={
        k: v for k, v in _document(equipment)["provider"].items() if k != "calendar"}),
        load_packs()).check(request).to_dict()["lead_time"]
    assert plain["days"] == lead["days"] == 28 and "closed" not in plain
    assert plain["earliest_date"] == "2026-12-31" and lead["earliest_date"] == "2027-01-08"
    assert [c["date"] for c in lead["closed"]] == [
        "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"]
    assert {"date": "2026-12-29", "name": "Christmas shutdown"} in lead["closed"]


def _document(equipment):
    import json
    from producibility.inputs.yamlio import plain
    return json.loads(json.dumps(plain(equipment.document)))


def _brackets_over_christmas(tmp_path):
    """The bracket series with 260 pieces in one delivery: 25 working days, into the new
    year."""
    request = tmp_path / "r.yaml"
    text = (EXAMPLES / "requests" / "bracket-series.yaml").read_text(encoding="utf-8")
    assert "batches: 2\n" in text
    request.write_text(text.replace("quantity: 200", "quantity: 260").replace(
        "batches: 2\n", "batches: 1\n"), encoding="utf-8")
    return request


@pytest.mark.parametrize("lang, line", [
    ("en", "no working day: 2026-12-25 (Christmas Day), 2026-12-28 to 2026-12-31 "
           "(Christmas shutdown), 2027-01-01 (New Year's Day)"),
    ("nl", "geen werkdag: 25-12-2026 (Eerste kerstdag), 28-12-2026 t/m 31-12-2026 "
           "(kerstsluiting), 01-01-2027 (Nieuwjaarsdag)")])
def test_the_report_says_which_days_it_did_not_count(tmp_path, lang, line):
    request = _brackets_over_christmas(tmp_path)
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--lang", lang)
    assert code == 0, err
    assert line in out


@pytest.mark.parametrize("calendar, message", [
    ("{holidays: nl}", "'nl' is not a country code like NL, BE or DE (two capitals)"),
    ("{holidays: XX}", "no public holidays known for country XX"),
    ("{closed: [{from: 2026-12-31, to: 2026-12-28}]}", "ends before it begins"),
    ("{closed: [{from: 2026-12-28, to: 2027-12-31}]}", "longer than a year"),
    ("{closed: [2026-13-01]}", "'2026-13-01' is not a real date"),
    # a day of the schema's shape that is no day, in open or a closed range's end: it was
    # an internal error (ValueError, exit 3) in validate and check
    ("{open: ['2027-13-01']}", "'2027-13-01' is not a real date"),
    ("{closed: [{from: 2026-12-28, to: '2026-02-30'}]}", "'2026-02-30' is not a real date"),
])
def test_a_wrong_calendar_is_one_line_with_its_place(tmp_path, calendar, message):
    text = EQUIPMENT.read_text(encoding="utf-8")
    start = text.index("  calendar:\n")
    end = text.index("\nmachines:")
    equipment = tmp_path / "equipment.yaml"
    equipment.write_text(text[:start] + f"  calendar: {calendar}\n" + text[end:],
                         encoding="utf-8")
    line = text[:start].count("\n") + 1
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", equipment)
    assert code == 1 and not out
    assert message in err and f"equipment.yaml:{line}" in err, err
    assert len(err.strip().splitlines()) == 1, err


def test_a_check_of_a_dutch_shop_does_not_import_the_holiday_library(tmp_path):
    """The Dutch holidays of the years ahead ship with the package: a first check with
    an empty cache reads them, and python-holidays (~170 ms to import and work out a
    year) is not loaded at all."""
    env = dict(os.environ, PRODUCIBILITY_CACHE_DIR=str(tmp_path / "cache"))
    request = tmp_path / "handle.yaml"  # in one delivery: its chain goes past Christmas
    text = (EXAMPLES / "requests" / "medical-handle-iso13485.yaml").read_text(encoding="utf-8")
    assert "batches: 2\n" in text
    request.write_text(text.replace("batches: 2\n", "batches: 1\n"), encoding="utf-8")
    code = ("import sys\nfrom producibility.cli import main\ntry:\n"
            f"    main(['check', {str(request)!r},"
            f" '--equipment', {str(EQUIPMENT)!r}])\nexcept SystemExit:\n    pass\n"
            "print('holidays' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT)
    assert "no working day" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr


def test_a_machines_hours_before_the_wanted_date_are_its_working_weeks():
    """The assignment and the rules (``request.weeks_available``) count alike.
    Ordered Monday 2026-12-14, wanted 2027-01-04: three calendar weeks, but the shop
    works 9 days of them (15-18 and 21-24 December, 4 January): 1.8 weeks of a mill's
    20 free hours a week, 36 h, for a job of 41 h. Counted in calendar weeks the mill had
    60 h and the job read 'in time' on it, into the Christmas shutdown."""
    mill = {"id": "mill", "name": "Haas VF-2", "processes": ["milling_3axis"],
            "materials": ["aluminium_6082"], "envelope_mm": [762, 406, 508],
            "tolerance_mm": 0.02, "setup_h": 1.0, "rate_eur_h": 78, "free_h_per_week": 20}
    shop = {"name": "Test", "calendar": {
        "holidays": "NL", "closed": [{"from": "2026-12-28", "to": "2026-12-31"}]}}
    request = base_request(date="2026-12-14", wanted_date="2027-01-04", quantity=200,
                           part={"cycle_time_min": 12})
    with_calendar = Screener({"provider": shop, "machines": [mill]}, load_packs())
    report = with_calendar.check(request).to_dict()
    (a,) = report["assignments"]
    assert a["machine"] == "mill"
    assert a["late"] == \
        "needs 41.0 h; 19.8 h free in the 4.9 working days left for it (after the " \
        "material, before measuring, delivery); 36.0 h in the 1.8 working weeks to the " \
        "wanted date"
    # the rules read the same weeks: FAC-006 (40 h of run > 80 % of 20 h x 1.8 weeks)
    (fac,) = [f for f in report["findings"] if f["rule"] == "FAC-006"]
    assert fac["trace"]["values"]["request.weeks_available"] == 1.8
    plain = Screener({"provider": {"name": "Test"}, "machines": [mill]}, load_packs())
    report = plain.check(request).to_dict()
    (a,) = report["assignments"]
    assert not a.get("late")  # 15 weekdays: 3 weeks, 60 h
    assert "FAC-006" not in {f["rule"] for f in report["findings"]}  # 40 h < 0.8 x 60 h


def test_validate_says_back_the_working_days_and_checks_the_country(tmp_path):
    """`validate --equipment` worked out no holidays: a country python-holidays does not
    know passed as valid and failed on the first check. Now it is checked, and a valid
    file says what the lead time counts as working days."""
    code, out, err = run_cli("validate", "--equipment", EQUIPMENT, "--lang", "nl")
    assert code == 0
    assert "geldig (11 machines, 0 partners; de feestdagen van NL, 4 werkdagen gesloten, " \
        "1 feestdag gewerkt)" in out + err
    text = EQUIPMENT.read_text(encoding="utf-8")
    for wrong, said in (("holidays: XX", "no public holidays known for country XX ("),
                        ("holidays: DE\n    subdivision: ZZ",
                         "no public holidays known for country DE, region ZZ (")):
        path = tmp_path / "equipment.yaml"
        path.write_text(text.replace("holidays: NL", wrong), encoding="utf-8")
        code, out, err = run_cli("validate", "--equipment", path)
        assert code == 1
        line = text[:text.index("holidays: NL")].count("\n") + 1
        assert f"equipment.yaml:{line}: provider.calendar: {said}" in out + err, out + err


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Not counted as working days: 2026-12-25 (Christmas Day), 2026-12-28 to "
           "2026-12-31 (Christmas shutdown), 2027-01-01 (New Year's Day)."),
    ("nl", "Niet meegeteld als werkdag: 25-12-2026 (Eerste kerstdag), 28-12-2026 t/m "
           "31-12-2026 (kerstsluiting), 01-01-2027 (Nieuwjaarsdag).")])
def test_the_offer_tells_the_customer_which_days_are_not_counted(tmp_path, lang, sentence):
    """25 working days from 23 November read 5 January: the customer sees why (each
    language writes its dates as the rest of the offer does)."""
    request = _brackets_over_christmas(tmp_path)
    for fmt in ("md", "html"):
        code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--lang", lang,
                                 "--audience", "customer", "--format", fmt)
        assert code == 0, err
        if fmt == "html":  # the text without its markup: each date in a nowrap span
            out = re.sub(r"<[^>]+>", "", out).replace("&#39;", "'")
        assert sentence in out, fmt


def test_an_equipment_dict_with_dates_is_read_and_left_as_it_was():
    """From Python a calendar may hold dates; the caller's dict is not changed."""
    mill = {"id": "mill", "name": "Haas VF-2", "processes": ["milling_3axis"],
            "materials": ["aluminium_6082"], "envelope_mm": [762, 406, 508],
            "tolerance_mm": 0.02, "setup_h": 1.0, "rate_eur_h": 78, "free_h_per_week": 20}
    closed = [{"from": datetime.date(2026, 11, 24), "to": datetime.date(2026, 11, 27)}]
    equipment = {"provider": {"name": "Test", "calendar": {"closed": closed}},
                 "machines": [mill]}
    report = Screener(equipment, load_packs()).check(base_request()).to_dict()
    assert report["lead_time"]["closed"][0] == {"date": "2026-11-24", "name": "closed"}
    assert closed[0]["from"] == datetime.date(2026, 11, 24)


def test_as_of_is_the_day_the_lead_time_counts_from(screener):
    """`--as-of` (Screener.check's as_of) said "count free capacity from this date", but
    the request's own date won inside the engine: a request of 23 November re-screened on
    29 December read "earliest delivery 2026-12-23", a date already past."""
    request = base_request()
    then = screener.check(request).to_dict()["lead_time"]
    now = screener.check(request, as_of="2026-12-29").to_dict()
    lead = now["lead_time"]
    assert now["inputs"]["as_of"] == lead["start_date"] == "2026-12-29"
    assert lead["days"] == then["days"]
    assert lead["earliest_date"] == by_hand("2026-12-29", lead["days"], NL_2026_2027 | {
        datetime.date(2026, 12, d) for d in (30, 31)})
    assert lead["earliest_date"] > "2026-12-29"


def test_html_keeps_each_date_on_one_line_and_the_shops_words_inert(tmp_path):
    """On a phone "28-12-2026" broke after "28-"; and a closure's name is the shop's
    text: escaped, never markup."""
    text = EQUIPMENT.read_text(encoding="utf-8")
    equipment = tmp_path / "equipment.yaml"
    equipment.write_text(text.replace("{en: Christmas shutdown, nl: kerstsluiting}",
                                      '"<b>dicht</b>"'), encoding="utf-8")
    request = _brackets_over_christmas(tmp_path)
    for audience in ("internal", "customer"):
        code, out, err = run_cli("check", request, "--equipment", equipment, "--lang", "nl",
                                 "--format", "html", "--audience", audience)
        assert code == 0, err
        assert '<span class="nowrap">31-12-2026</span>' in out or \
            '<span class="nowrap">2026-12-31</span>' in out, audience
        assert "&lt;b&gt;dicht&lt;/b&gt;" in out and "<b>dicht</b>" not in out, audience


def test_holiday_names_do_not_depend_on_the_machines_language(tmp_path):
    """A German shop's holidays have no Dutch names in python-holidays: its fallback was
    the machine's LANG, so a Dutch report read 'New Year's Day' on one machine and
    'Neujahr' on another. Now the country's own names ('Neujahr'), asked for by name,
    on every machine; Dutch names where the country has them."""
    code = ("import json; from producibility.model.calendar import public_holidays; "
            "print(json.dumps({c: sorted(n['nl'] for n in public_holidays(c, None, 2026)"
            ".values()) for c in ('DE', 'NL')}))")
    seen = set()
    for lang in ("C.UTF-8", "de_DE.UTF-8", "en_US.UTF-8", ""):
        env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE=lang,
                   PRODUCIBILITY_CACHE_DIR=str(tmp_path / f"cache-{lang or 'none'}"))
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        seen.add(out)
    assert len(seen) == 1
    import json
    names = json.loads(seen.pop())
    assert "Neujahr" in names["DE"] and "Nieuwjaarsdag" in names["NL"]


def test_the_days_closed_said_back_are_working_days(tmp_path):
    """A shutdown from Monday 26 July to Friday 13 August 2027 read '19 dagen gesloten'
    (its weekends counted); the lead time loses 15 working days."""
    text = EQUIPMENT.read_text(encoding="utf-8").replace(
        "{from: 2026-12-28, to: 2026-12-31,", "{from: 2027-07-26, to: 2027-08-13,")
    path = tmp_path / "equipment.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("validate", "--equipment", path, "--lang", "nl")
    assert code == 0 and "15 werkdagen gesloten" in out + err
    # 21 to 31 December 2026: nine weekdays, one of them Christmas Day (a public holiday)
    path.write_text(EQUIPMENT.read_text(encoding="utf-8").replace(
        "{from: 2026-12-28, to: 2026-12-31,", "{from: 2026-12-21, to: 2026-12-31,"),
        encoding="utf-8")
    code, out, err = run_cli("validate", "--equipment", path, "--lang", "nl")
    assert code == 0 and "8 werkdagen gesloten" in out + err


def test_a_saturday_shift_in_open_is_a_working_day_and_an_ordinary_weekday_is_refused(
        tmp_path):
    """`open: [2026-11-28, 2026-12-05]` (two Saturdays) passed `validate` as "3 holidays
    worked" and changed nothing: 9 working days from Monday 23-11 read Friday 04-12.
    Now a Saturday (or Sunday) in `open` is a working day the lead time counts (a
    Saturday shift): Thursday 03-12, and `validate` says "2 weekend days worked". A
    weekday that is neither a holiday nor closed has nothing to reopen: the file is
    refused at the line of the date, not read as a holiday worked."""
    request = tmp_path / "request.json"
    request.write_text(__import__("json").dumps(base_request(
        quantity=100, wanted_date="2027-01-29",
        part={"cycle_time_min": 12, "min_inside_radius_mm": 3, "max_hole_depth_mm": 10,
              "min_hole_diameter_mm": 5})), encoding="utf-8")
    text = EQUIPMENT.read_text(encoding="utf-8")
    code, out, _ = run_cli("check", request, "--equipment", EQUIPMENT)
    assert code == 0 and "9 working days, earliest delivery 2026-12-04" in out
    saturdays = tmp_path / "saturdays.yaml"
    saturdays.write_text(text.replace("open: [2027-03-26]",
                                      "open: [2027-03-26, 2026-11-28, 2026-12-05]"),
                         encoding="utf-8")
    code, out, err = run_cli("validate", "--equipment", saturdays)
    assert code == 0 and out + err == (
        f"{saturdays}: valid (11 machines, 0 partners; the public holidays of NL, "
        "4 working days closed, 1 holiday worked, 2 weekend days worked)\n")
    code, out, _ = run_cli("check", request, "--equipment", saturdays)
    assert code == 0 and "9 working days, earliest delivery 2026-12-03" in out  # 28-11
    weekday = tmp_path / "weekday.yaml"
    weekday.write_text(text.replace("open: [2027-03-26]", "open: [2027-03-26, 2026-12-02]"),
                       encoding="utf-8")
    line = text[:text.index("open: [2027-03-26]")].count("\n") + 1
    for command in (("validate", "--equipment", weekday),
                    ("check", request, "--equipment", weekday, "--lang", "nl")):
        code, out, err = run_cli(*command)
        assert code == 1 and "Traceback" not in err
        assert f"{weekday}:{line}: provider.calendar.open: 2026-12-02 is " in out + err
    assert "is een doordeweekse dag die geen feestdag is en niet gesloten, dus al een " \
        "werkdag" in err


def test_weekend_days_worked_count_as_a_day_at_a_time_does():
    """The arithmetic with Saturdays worked (and a reopened day of a shutdown) is what
    counting a day at a time gives, both ways."""
    import random
    closed = {datetime.date(2026, 12, d): "shut" for d in range(24, 32)}
    opened = {datetime.date(2026, 12, 5), datetime.date(2026, 12, 12),
              datetime.date(2026, 12, 27), datetime.date(2026, 12, 29),
              datetime.date(2027, 3, 26)}
    calendar = Calendar("NL", None, closed, frozenset(opened))
    start = datetime.date(2026, 11, 1)
    rng = random.Random(7)
    for _ in range(500):
        a = start + datetime.timedelta(days=rng.randint(0, 200))
        n = rng.randint(0, 60)
        day, left = a, n
        while left > 0:
            day += datetime.timedelta(days=1)
            left -= calendar.is_working(day)
        assert calendar.add_working_days(a.isoformat(), n) == day.isoformat()
        assert calendar.working_days_between(a.isoformat(), day.isoformat()) == n
    assert calendar.is_working(datetime.date(2026, 12, 5))
    assert not calendar.is_working(datetime.date(2026, 12, 6))
