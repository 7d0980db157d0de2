"""Whose figures a lead time rests on: each step's basis (given, default, estimated) and
source, a part's and the request's (lead_time.basis), as the README's "Lead time" says."""

import pytest

from conftest import base_request
from producibility import Screener, load_packs
from producibility.report import leadtime, provenance
from producibility.report.render import render

# The shipped pack's own figures, set again by the shop's pack: the same days, now the
# shop's own (given).
OWN_SETTINGS = """\
settings:
  lead_time: {transport_days: 1, preparation_h_per_day: 4, inspection_h_per_day: 4}
  costing:
    cam_h: {milling_3axis: 1.5, default: 0.5}
    first_off_inspection_h: 0.25
"""

OWN_ANODISING = """\
treatments:
  - id: anodising
    override: true
    name: {en: anodising, nl: anodiseren}
    aliases: [anodiseren, eloxeren]
    kind: coating
    families: [aluminium]
    lead_time_days: 5
    standard: EN ISO 7599
"""


def steps(report, part="P1"):
    entry = next(p for p in report["lead_time"]["parts"] if p["part"] == part)
    return [(s["step"], s["basis"]) for s in entry["steps"]]


def test_the_default_packs_figures_are_defaults_and_a_given_cycle_time_is_given(screener):
    report = screener.check(base_request()).to_dict()
    assert steps(report) == [("preparation", "default"), ("operation", "given"),
                             ("inspection", "default"), ("transport", "default")]
    lead = report["lead_time"]
    assert lead["basis"] == "default" and lead["parts"][0]["basis"] == "default"
    sources = {s["step"]: s["source"] for s in lead["parts"][0]["steps"]}
    assert "lead_time.preparation_h_per_day (4 h a day)" in sources["preparation"]
    assert "the request's cycle time" in sources["operation"]
    assert "free_h_per_week" in sources["operation"]
    assert sources["transport"] == "pack setting lead_time.transport_days"


def test_an_estimated_run_makes_the_lead_time_estimated(screener):
    report = screener.check(base_request(part={"cycle_time_min": None})).to_dict()
    assert ("operation", "estimated") in steps(report)
    assert report["lead_time"]["basis"] == "estimated"
    operation = next(s for s in report["lead_time"]["parts"][0]["steps"]
                     if s["step"] == "operation")
    assert "estimated (the quote's run line says from what)" in operation["source"]


def test_the_shops_own_settings_and_catalogue_are_given(tmp_path, equipment):
    """The same figures set by the shop's own pack: the same days, now given."""
    request = base_request(part={"surface_treatment": ["anodising"]})
    before = Screener(equipment, load_packs()).check(request).to_dict()
    assert ("outside_work", "default") in steps(before)
    own = tmp_path / "own.yaml"
    own.write_text(OWN_SETTINGS + OWN_ANODISING, encoding="utf-8")
    after = Screener(equipment, load_packs([own])).check(request).to_dict()
    assert [s[0] for s in steps(after)] == [s[0] for s in steps(before)]
    assert after["lead_time"]["days"] == before["lead_time"]["days"]
    assert steps(after) == [(step, "given") for step, _ in steps(after)]
    assert after["lead_time"]["basis"] == "given"


def test_a_shipped_rules_hours_stay_the_defaults(tmp_path, equipment):
    """The shop's pack sets the office's pace and its CAM hours, but a shipped rule
    (FAC-007: a fixture for a series) adds hours of its own: the preparation rests on the
    default pack's judgement still."""
    own = tmp_path / "own.yaml"
    own.write_text(OWN_SETTINGS, encoding="utf-8")
    request = base_request(quantity=200, purpose="series",
                           part={"quantity": 1, "cycle_time_min": 2})
    report = Screener(equipment, load_packs([own])).check(request).to_dict()
    assert any(f["rule"] == "FAC-007" for f in report["findings"])
    assert ("preparation", "default") in steps(report)
    assert ("transport", "given") in steps(report)


def test_a_queue_is_as_sure_as_the_work_it_waits_for():
    state = {"A": {"steps": [{"basis": "given"}, {"basis": "estimated"}]},
             "B": {"steps": [{"basis": "default"}]}}
    assert leadtime._behind(["A"], state) == "estimated"
    assert leadtime._behind(["B"], state) == "default"
    assert leadtime._behind([], state) == "given"
    assert provenance.weakest(["default", "given"]) == "default"
    assert provenance.weakest([]) == "given"


@pytest.mark.parametrize("lang, marked, estimated", [("en", "(1 wd, default)", "estimated"),
                                                     ("nl", "(1 wd, standaard)", "geschat")])
def test_the_reports_mark_what_is_not_given(screener, lang, marked, estimated):
    report = screener.check(base_request(part={"cycle_time_min": None}), lang=lang)
    for fmt in ("text", "md", "html"):
        shown = render(report, fmt, lang, None)
        assert marked in shown, fmt
        assert f" wd, {estimated})" in shown, fmt
    given = render(screener.check(base_request(), lang=lang), "text", lang, None)
    operation = given.split(" → ")[1]
    assert operation.endswith(" wd)") and ", " not in operation.split("(")[-1]


def test_every_example_says_whose_its_lead_time_is(screener):
    """On every shipped example: each step a basis and a source, a part's basis its least
    sure step's, the request's its slowest part's."""
    from conftest import ROOT
    for path in sorted((ROOT / "examples" / "requests").glob("*.yaml")):
        lead = screener.check(str(path)).to_dict()["lead_time"]
        made = [p for p in lead["parts"] if p["days"] is not None]
        for entry in made:
            assert all(s["basis"] in provenance.BASES and s["source"] for s in entry["steps"])
            assert entry["basis"] == provenance.weakest(s["basis"] for s in entry["steps"])
        slowest = next((p for p in made if p["part"] == lead["slowest_part"]), None)
        assert lead["basis"] == (slowest["basis"] if slowest else None), path.name


def test_a_pack_sets_the_settings_it_names_and_keeps_the_rest(tmp_path, equipment):
    """A shop that set its milling CAM hours replaced the whole shipped table: laser CAM
    went from 0.25 h to its fallback (and without a default the pack did not load)."""
    own = tmp_path / "own.yaml"
    own.write_text("settings:\n  costing:\n    cam_h: {milling_3axis: 2}\n", encoding="utf-8")
    shipped, mine = load_packs(), load_packs([own])
    assert mine.settings["costing"]["cam_h"] == dict(shipped.settings["costing"]["cam_h"],
                                                     milling_3axis=2)
    assert "costing.cam_h.milling_3axis" in mine.given_settings
    assert "costing.cam_h.laser_cutting" not in mine.given_settings


def test_the_quote_lines_say_whose_settings_they_price(tmp_path, equipment):
    """The shop's own CAM hours, first-off inspection and rates read basis default in the
    quote (and "the pack's default rate is used") while the lead time said given."""
    own = tmp_path / "own.yaml"
    own.write_text("settings:\n  costing:\n    cam_h: {milling_3axis: 2}\n"
                   "    first_off_inspection_h: 0.5\n    engineering_rate_eur_h: 95\n"
                   "    inspection_rate_eur_h: 90\n", encoding="utf-8")
    bare = dict(equipment.provider)
    for key in ("engineering_rate_eur_h", "inspection_rate_eur_h"):
        bare.pop(key, None)
    import copy
    shop = copy.deepcopy(equipment)
    shop.provider.clear()
    shop.provider.update(bare)
    for packs, basis in (([], "default"), ([own], "given")):
        report = Screener(shop, load_packs(packs)).check(base_request()).to_dict()
        lines = {line["kind"]: line for line in report["quote"]["lines"] if not line["rule"]}
        assert lines["cam"]["basis"] == lines["inspection"]["basis"] == basis, packs
        said = " ".join(report["quote"]["notes"] if isinstance(report["quote"]["notes"][0],
                                                               str) else
                        [n["text"] for n in report["quote"]["notes"]]) \
            if report["quote"]["notes"] else ""
        assert ("default" in said) == (basis == "default"), said
    assert lines["cam"]["hours"] == 2 and lines["cam"]["rate_eur_h"] == 95
    # the office's pace (lead_time.preparation_h_per_day) is still the shipped pack's
    assert steps(report)[0] == ("preparation", "default")


# ---- the waits of rules whose questions are open ------------------------------------------

WAIT_RULE = """\
rules:
  - id: OWN-WAIT
    thread: quality
    title: {en: Weighed at the lab, nl: Gewogen in het lab}
    scope: part
    when: "part.weight_kg > 5"
    then:
      effort: {lead_time_days: 4, waits_for: weighing_lab}
    message: {en: "{{ part.id }} goes to the lab", nl: "{{ part.id }} gaat naar het lab"}
    source: {en: "Judgement: the lab's turnaround.", nl: "Inschatting: doorlooptijd van het lab."}
"""


def test_a_wait_of_a_rule_whose_question_is_open_shows_as_up_to(tmp_path, equipment):
    """A rule whose question is open adds no day to the lead time, and nothing said the
    lead time could grow by its wait once the customer answers (a cargo frame read 23
    working days, with 2 more of EN 1090 NDT waiting on the execution class)."""
    own = tmp_path / "own.yaml"
    own.write_text(WAIT_RULE, encoding="utf-8")
    screener = Screener(equipment, load_packs(
        [str(p) for p in (leadtime_default_pack(), own)]))
    # no sharp corners, no deep holes: TEC-006 and TEC-007 (EDM and gun drilling bought
    # in, 10 days each) decided too
    plain = {"min_inside_radius_mm": 3, "max_hole_depth_mm": 10, "min_hole_diameter_mm": 5}

    def request(weight, **more):
        return base_request(part=dict(plain, weight_kg=weight), **more)

    light = screener.check(request(1)).to_dict()["lead_time"]
    assert light["up_to"] is None
    heavy = screener.check(request(9)).to_dict()["lead_time"]
    assert heavy["days"] == light["days"] + 4 and heavy["up_to"] is None
    report = screener.check(request(None))
    lead = report.to_dict()["lead_time"]
    assert lead["days"] == light["days"]
    assert lead["up_to"]["days"] == heavy["days"] and lead["up_to"]["rules"] == ["OWN-WAIT"]
    assert f"(up to {heavy['days']} with OWN-WAIT, whose questions are open)" in render(
        report, "text")
    # a wanted date met only without the wait is not known to be met
    between = lead["up_to"]["earliest_date"]
    tight = request(None, wanted_date=lead["earliest_date"])
    assert screener.check(tight).to_dict()["lead_time"]["meets_wanted_date"] is None
    roomy = request(None, wanted_date=between)
    assert screener.check(roomy).to_dict()["lead_time"]["meets_wanted_date"] is True
    # the customer reads it too, and is not told the shorter date is in time
    offer = render(screener.check(tight), "text", audience="customer")
    assert f"it can take up to {heavy['days']} working days" in offer
    assert "Whether that is in time for the date you asked for depends on those answers" \
        in offer and "That is in time" not in offer
    nl = render(screener.check(tight, lang="nl"), "text", "nl", audience="customer")
    assert f"kan dat oplopen tot {heavy['days']} werkdagen" in nl


def test_a_rule_waiting_only_for_a_question_not_asked_adds_no_up_to(screener):
    """EN 1090's NDT (ENX-004) reads the execution class, which is asked of construction
    products only: the cargo bike's welded frame is none, waits for no answer, and its
    lead time read 'up to 25 with ENX-004' on a question the customer is never asked."""
    from conftest import EXAMPLES
    report = screener.check(str(EXAMPLES / "requests" / "cargo-frame-aluminium.yaml"))
    data = report.to_dict()
    assert not any(q["field"] == "execution_class" for q in data["open_questions"])
    assert "ENX-004" not in {f["rule"] for f in data["findings"]}
    assert data["lead_time"]["up_to"] is None


def leadtime_default_pack():
    from producibility.model.defaults import default_pack_dir
    return default_pack_dir()
