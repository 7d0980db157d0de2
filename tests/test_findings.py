"""Finding is one type: every producer makes a Finding, and to_dict is the schema's shape."""

import json
import re

import pytest

from producibility import Screener, load_equipment, load_packs
from producibility.report.finding import KINDS, Finding, Risk, Trace, ordered
from producibility.screen import iso_fit_finding

from conftest import EQUIPMENT, EXAMPLES, ROOT, base_request
from test_engine import make_pack, rule
from test_routing import screener as routing_screener, shaft

SCHEMA = json.loads((ROOT / "producibility" / "schemas" / "report.schema.json")
                    .read_text(encoding="utf-8"))
SHOP = EXAMPLES / "precision-shop"


def _cases(tmp_path):
    """(producer, how to screen a request that makes it speak), without what-if probes."""
    equipment = load_equipment(EQUIPMENT)
    plain = Screener(equipment)
    oversize = EXAMPLES / "requests" / "shaft-oversize.yaml"
    yield "FIT-NO-MACHINE", lambda: plain.check(oversize, as_of="2026-11-30", probe=False)
    yield "MRL-TARGET", lambda: plain.check(oversize, as_of="2026-11-30", probe=False)
    yield "LEAD-TIME", lambda: plain.check(EXAMPLES / "requests" / "impeller-rush.yaml",
                                           as_of="2026-11-30", probe=False)
    yield "ISO-286", lambda: plain.check(base_request(part={
        "tolerance_mm": None, "iso_fit": "H7", "fit_size_mm": 20}), probe=False)
    shop = Screener(load_equipment(SHOP / "equipment.yaml"), load_packs([SHOP / "rules"]))
    yield "FIT-OUTSIDE-WORK", lambda: shop.check(
        SHOP / "requests" / "ground-shaft-partner.yaml", as_of="2026-11-30", probe=False)
    yield "FIT-ROUTED", lambda: routing_screener().check(shaft(), probe=False)
    yield "FIT-TREATMENT", lambda: plain.check(base_request(part={
        "material": "stainless_304", "surface_treatment": ["anodising"]}), probe=False)
    failing = Screener(equipment, make_pack(tmp_path, rule("E-1", "part.material > 3"),
                                            rule("R-1", "part.tolerance_mm < 1")))
    yield "engine_error", lambda: failing.check(base_request(), probe=False)
    yield "R-1", lambda: failing.check(base_request(), probe=False)


def test_every_producer_makes_a_finding_and_every_reported_finding_was_one(tmp_path,
                                                                            monkeypatch):
    made = []
    to_dict = Finding.to_dict

    def spy(self):
        made.append(self)
        return to_dict(self)
    monkeypatch.setattr(Finding, "to_dict", spy)
    for producer, check in _cases(tmp_path):
        made.clear()
        data = check().to_dict()
        assert producer in {f["rule"] for f in data["findings"]} | {
            f["kind"] for f in data["findings"]}, producer
        assert all(isinstance(f, Finding) for f in made)
        written = json.loads(json.dumps([to_dict(f) for f in made]))
        assert written == data["findings"], producer


def test_to_dict_has_exactly_the_schema_keys_in_the_report_order():
    schema = SCHEMA["$defs"]["finding"]
    finding = Finding.check("X-1", "risk", "design", "title", "message", "mitigation",
                            "source", "a > 1", {"a": 2}, part="P1",
                            risk=Risk.rated(2, 3, [["low"] * 5] * 5))
    data = finding.to_dict()
    assert list(data) == schema["required"] == list(schema["properties"])
    trace = schema["properties"]["trace"]
    assert list(data["trace"]) == trace["required"]
    assert list(data["risk"]) == ["likelihood", "consequence", "score", "level"]
    assert data["risk"]["score"] == 6 and data["trace"]["rule"] == "X-1"


def test_a_quote_line_is_for_costing_not_for_the_report():
    finding = Finding.check("FIT-OUTSIDE-WORK", "effort", "design", "t", "m", "", "s", "c",
                            {}, quote_line={"kind": "outside_work"})
    assert "quote_line" not in finding.to_dict()
    assert finding == Finding.check("FIT-OUTSIDE-WORK", "effort", "design", "t", "m", "", "s",
                                    "c", {})


def test_findings_are_ordered_by_kind_then_risk():
    def one(kind, score=None, rule="R"):
        risk = Risk(1, score, score, "low") if score else None
        return Finding(rule, kind, "design", "", "", "", "", Trace(None, None, "", {}),
                       risk=risk)
    findings = [one("info"), one("risk", 4), one("risk", 9), one("blocker"),
                one("engine_error"), one("effort"), one("question")]
    assert [(f.kind, f.risk and f.risk.score) for f in ordered(findings)] == [
        ("blocker", None), ("engine_error", None), ("question", None), ("risk", 9),
        ("risk", 4), ("effort", None), ("info", None)]
    assert set(KINDS) == set(SCHEMA["$defs"]["finding"]["properties"]["kind"]["enum"])


def test_the_iso_fit_finding_speaks_dutch_with_a_decimal_comma():
    conversion = {"part": "P1", "fit": "H7", "size_mm": 20.5, "zone_um": 21,
                  "tolerance_mm": 0.0105, "given_mm": 0.005, "used_mm": 0.005}
    finding = iso_fit_finding(conversion, "nl")
    assert finding.message == ("P1: Ø20,5 H7 is een tolerantieveld van 21 µm, gerekend als "
                               "±0,0105 mm (de opgegeven nauwere tolerantie blijft leidend).")
    assert iso_fit_finding(conversion, "en").message.startswith("P1: Ø20.5 H7 is a ")


def test_no_finding_dict_is_written_by_hand():
    """A finding's JSON shape is written in finding.py only."""
    package = ROOT / "producibility"
    for path in package.rglob("*.py"):
        if path.name == "finding.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'["\']trace["\']\s*:\s*\{', text), path


def test_figures_in_reasons_and_lead_times_are_written_as_the_language_writes_them():
    from producibility.engine.fit import Reason
    from producibility.report.leadtime import finding as late

    reason = Reason("capacity", hours=12.35, free=0.35, weeks=2.0)
    assert reason == "needs 12.3 h, 0.3 h free in the 2.0 working weeks before the wanted date"
    assert reason.text("nl") == \
        "vraagt 12,3 u, 0,3 u vrij in de 2,0 werkweken vóór de gewenste datum"
    result = {"meets_wanted_date": False, "earliest_date": "2027-01-04", "days": 12,
              "slowest_part": "P1", "wanted_date": "2026-12-21",
              "expedited": {"earliest_date": "2026-12-28", "extra_eur": 1234.5}}
    matrix = [["low"] * 5] * 5
    # an amount as the language writes it (Babel), as everywhere in the report
    assert late(result, {}, matrix, "en").message.endswith("at €\u00a01,234 extra.")
    assert late(result, {}, matrix, "nl").message.endswith("voor €\u00a01.234 extra.")


def test_a_rule_on_several_parts_is_one_reason_naming_the_parts(screener):
    """FAC-002 on both parts of a frame read 'extra effort: Handling a large part' twice
    in the verdict's reasons; now once, with the parts (here QUA-010, cosmetic
    demands on two parts). A rule on one part keeps its title alone."""
    request = base_request(part={"cosmetic_surface": True})
    request["parts"].append(dict(request["parts"][0], id="P2"))
    for lang, title in (("en", "extra effort: Cosmetic requirements (P1, P2)"),
                        ("nl", "extra werk: Uiterlijke eisen (P1, P2)")):
        report = screener.check(request, lang=lang).to_dict()
        assert report["verdict"] == "fit_with_effort"
        assert title in report["verdict_reasons"]
        assert len(report["verdict_reasons"]) == len(set(report["verdict_reasons"]))
    one = screener.check(base_request(part={"cosmetic_surface": True})).to_dict()
    assert "extra effort: Cosmetic requirements" in one["verdict_reasons"]


def test_a_rule_on_two_operations_of_one_part_is_one_reason():
    """A candidate rule holds for a part's laser and its press brake: one reason, the
    part not named twice; two parts and the request: each once, '-' for the request."""
    from types import SimpleNamespace as F
    from producibility.report.verdict import _titles
    def f(part, kind="risk", effort=None):
        return F(rule="PRC-001", title="Close to the limit", part=part, kind=kind,
                 effort=effort or {})

    close = [f("FR-01")] * 2
    assert _titles(close) == [("Close to the limit", False)]  # a risk, no work of its own
    mixed = close + [f("FR-02", effort={"engineering_h": 1}), f(None)]
    assert _titles(mixed) == [("Close to the limit (FR-01, FR-02, -)", True)]


@pytest.mark.parametrize("lang, message, condition", [
    ("en", "P1: anodising is for aluminium, not for stainless steel 304 (1.4301).",
     "family stainless not in aluminium of anodising"),
    ("nl", "P1: anodiseren is voor aluminium, niet voor RVS 304 (1.4301).",
     "familie stainless niet in aluminium van anodising")])
def test_a_treatment_not_for_the_parts_material_is_a_question(lang, message, condition):
    """A stainless part to be anodised and hot-dip galvanised read FIT WITH EFFORT, both
    treatments in its lead time: the catalogue gives each treatment's material families,
    but nothing read them (the code left it to rules no pack had). Now each is a
    question for the customer; the what-ifs of an assumed 'bare' part no longer try a
    treatment that is not for its material."""
    screener = Screener(load_equipment(EQUIPMENT))
    request = base_request(part={"material": "stainless_304",
                                 "surface_treatment": ["anodising", "hot_dip_galvanising"]})
    report = screener.check(request, lang=lang, probe=False).to_dict()
    asked = [f for f in report["findings"] if f["rule"] == "FIT-TREATMENT"]
    assert [f["kind"] for f in asked] == ["question", "question"]
    assert asked[0]["message"] == message and asked[0]["trace"]["condition"] == condition
    assert asked[0]["source"] != asked[0]["message"] and asked[0]["thread"] == "materials"
    assert report["verdict"] == "conditional"
    fine = screener.check(base_request(part={"surface_treatment": ["anodising"]}),
                          probe=False).to_dict()
    assert "FIT-TREATMENT" not in {f["rule"] for f in fine["findings"]}
    # an assumed bare stainless part: its what-ifs try only treatments for stainless
    plain = base_request(part={"material": "stainless_304", "surface_treatment": None})
    assumed = next(a for a in screener.check(plain).to_dict()["assumed"]
                   if a["field"] == "surface_treatment")
    for probe in assumed["what_if"]:
        assert "FIT-TREATMENT" not in probe["new_findings"], probe


def test_a_thread_below_its_target_is_one_reason_of_the_verdict(screener):
    """'risk: technology & industrial base: MRL 5 is below the target 8' and 'MRL 5 below
    target 8' were two reasons for one cause."""
    from conftest import base_request
    request = base_request(purpose="small_series", quantity=40, prototype_built=False,
                           wanted_date="2027-06-01")
    report = screener.check(request).to_dict()
    reasons = report["verdict_reasons"]
    assert sum("below the target" in r or "below target" in r for r in reasons) == 1, reasons


def test_a_machine_close_to_its_limit_says_which_limit():
    """PRC-001 read 'close to what this machine can do, in size or in tolerance (the
    machine assignment says which)': a risk-register entry that did not carry its own
    facts (a quality engineer's review).  It names the limit, in the report's language."""
    from producibility import Screener
    from conftest import EQUIPMENT, EXAMPLES

    screener = Screener(str(EQUIPMENT))
    request = str(EXAMPLES / "requests" / "makerspace-self-service.yaml")
    for lang, said in (("en", "close to what this machine can do: tolerance ± 0.1 mm is "
                              "close to what the machine holds (0.1 mm; within 1.5x)."),
                       ("nl", "krap voor deze machine: tolerantie ± 0,1 mm zit dicht bij wat "
                              "de machine haalt (0,1 mm; binnen 1,5x).")):
        [found] = [f for f in screener.check(request, lang=lang).to_dict()["findings"]
                   if f["rule"] == "PRC-001"]
        assert found["message"].endswith(said), found["message"]


@pytest.mark.parametrize("lang, reason", [("en", "MRL 5 below target 8"),
                                          ("nl", "MRL 5 onder doel 8")])
def test_a_thread_below_its_target_is_stated_once_and_not_scored(screener, lang, reason):
    """A small series of a part never made before: TEC-001 caps technology at 5, below
    the target 8.  The gap is one MRL-TARGET finding of kind info with no score (it
    carried a likelihood 3 and a consequence 1 + the levels short, a second register
    entry for TEC-001's cause, and the verdict's reasons said it twice); the verdict says
    it once."""
    report = screener.check(base_request(purpose="small_series", quantity=40,
                                         prototype_built=False), lang=lang).to_dict()
    gaps = [f for f in report["findings"] if f["rule"] == "MRL-TARGET"]
    assert [(f["thread"], f["kind"], f["risk"]) for f in gaps] == [
        ("technology_industrial_base", "info", None)]
    assert gaps[0]["trace"]["values"] == {"capped_by": ["TEC-001"]}
    assert report["verdict"] == "fit_with_effort"
    assert sum("MRL" in r for r in report["verdict_reasons"]) == 1
    assert reason in report["verdict_reasons"]
    assert any(f["rule"] == "TEC-001" and f["risk"] for f in report["findings"])


def test_a_price_above_the_target_caps_cost_and_funding(screener):
    """Even the low estimate above the customer's target price: the Deskbook's C.2
    criterion for 7 (costs analysed to ensure the target costs are met) is not met, so
    COST-TARGET caps cost & funding at the pack's mrl.check_caps (6); the thread
    read 7 ('production cost compared with a cost target') beside a price 40 times the
    target.  Only the high estimate above it caps nothing."""
    request = base_request(purpose="small_series", quantity=40, target_unit_price_eur=1.0)
    report = screener.check(request).to_dict()
    cost = report["mrl"]["threads"]["cost_funding"]
    over = next(f for f in report["findings"] if f["rule"] == "COST-TARGET")
    assert (over["kind"], over["mrl_cap"]) == ("question", 6)
    assert (cost["level"], cost["capped_by"]) == (6, ["COST-TARGET"])
    gap = [f for f in report["findings"]
           if f["rule"] == "MRL-TARGET" and f["thread"] == "cost_funding"]
    assert [g["trace"]["values"] for g in gap] == [{"capped_by": ["COST-TARGET"]}]
    # the same request at a price the low estimate meets: no cap
    low = over["trace"]["values"]["per_product_low_eur"]
    report = screener.check(dict(request, target_unit_price_eur=low + 0.01)).to_dict()
    over = next(f for f in report["findings"] if f["rule"] == "COST-TARGET")
    assert (over["kind"], over["mrl_cap"]) == ("risk", None)
    assert report["mrl"]["threads"]["cost_funding"]["capped_by"] == []


def test_a_missed_date_caps_manufacturing_management(screener):
    """The wanted date missed (a date that may move: LEAD-TIME is a risk): manufacturing
    management is capped at the pack's mrl.check_caps (7), for I.1's criterion for 8 is
    a plan for the order; a date we must not miss (a penalty clause: a blocker) at the
    blocker cap (3).  LEAD-TIME came after the threads were judged and capped nothing:
    manufacturing management read 8 beside a date missed by weeks."""
    late = base_request(purpose="small_series", quantity=40, wanted_date="2026-11-24",
                        date_flexible=True, revision_controlled=True)
    report = screener.check(late).to_dict()
    lead = next(f for f in report["findings"] if f["rule"] == "LEAD-TIME")
    management = report["mrl"]["threads"]["manufacturing_management"]
    assert (lead["kind"], lead["mrl_cap"]) == ("risk", 7)
    assert (management["level"], management["capped_by"]) == (7, ["LEAD-TIME"])
    fixed = screener.check(dict(late, date_flexible=False, penalty_clause=True)).to_dict()
    lead = next(f for f in fixed["findings"] if f["rule"] == "LEAD-TIME")
    management = fixed["mrl"]["threads"]["manufacturing_management"]
    assert lead["kind"] == "blocker"
    assert (management["level"], management["capped_by"]) == (3, ["LEAD-TIME"])
    in_time = screener.check(dict(late, wanted_date="2027-03-01")).to_dict()
    assert in_time["mrl"]["threads"]["manufacturing_management"]["level"] == 8
