"""The shipped knowledge: rules and questionnaire cover each other, in both languages,
every thread, and every rule is tested both ways."""

import json
from collections import Counter

import pytest

from producibility import load_packs, load_questionnaire
from producibility.report.mrl import FAAS_TOPICS, THREADS
from producibility.model.defaults import default_pack_dir
from producibility.engine.infer import DERIVED_FIELDS
from producibility.authoring.lint import lint
from producibility.authoring.packtest import case_files, coverage

from conftest import EQUIPMENT, REQUESTS, ROOT, run_cli

# The request fields the engine and report read themselves (fit.py, infer.py, conclude.py).
READ_BY_ENGINE = {
    ("request", f) for f in ("id", "customer", "date", "purpose", "quantity", "batches",
                              "wanted_date", "quantity_breaks")} | {
    ("part", f) for f in ("id", "name", "quantity", "processes", "material", "size_mm",
                          "diameter_mm", "length_mm", "thickness_mm", "tolerance_mm",
                          "roughness_ra_um", "cycle_time_min",
                          "iso_fit", "fit_size_mm",  # the fit becomes tolerance_mm (iso286)
                          # the offer's part line names the drawing the price holds for
                          # (report/offer.py)
                          "drawing_number", "drawing_revision")}


@pytest.fixture(scope="module")
def pack():
    return load_packs()


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire()


def fields_read_by_rules(pack):
    read = set()
    for rule in pack.rules:
        read.update(rule.when.fields)
        for template in rule.message.values():
            read.update(template.fields)
    return {(s, f) for s, f in read if s in ("request", "part")}


def test_every_field_a_rule_reads_is_asked(pack, questionnaire):
    asked = {q.key for q in questionnaire.questions}
    parts_list = {("request", "parts")}  # the repeating group itself
    missing = fields_read_by_rules(pack) - asked - set(DERIVED_FIELDS) - parts_list
    assert not missing, f"rules read fields no question asks: {sorted(missing)}"


def test_every_question_is_read_by_a_rule_or_the_engine(pack, questionnaire):
    used = fields_read_by_rules(pack) | READ_BY_ENGINE
    for question in questionnaire.questions:
        if question.ask_if is not None:
            used.update(question.ask_if.fields)
    unused = {q.key for q in questionnaire.questions} - used
    assert not unused, f"questions nothing reads: {sorted(unused)}"


def test_pack_and_questionnaire_are_complete_in_dutch_and_english(questionnaire):
    warnings = [str(p) for p in lint([default_pack_dir()]) if p.code == "W150"]
    assert not warnings, "\n".join(warnings)
    for q in questionnaire.questions:
        assert {"nl", "en"} <= set(q.text) and {"nl", "en"} <= set(q.help), q.id
        for choice in q.choices:
            if q.choice_text:
                assert {"nl", "en"} <= set(q.choice_text.get(choice, {})), (q.id, choice)
    for section in questionnaire.sections:
        assert {"nl", "en"} <= set(section["title"]), section["id"]


def test_every_rule_says_where_its_knowledge_comes_from_in_dutch_and_english(pack):
    """A Dutch report's trace reads the source in Dutch: the default pack gives each rule's
    source per language (W150 leaves a one-text source alone: a provider's citation
    reads the same in both)."""
    for rule in pack.rules:
        assert set(rule.source) == {"en", "nl"}, rule.id
        assert rule.source["nl"] != rule.source["en"], rule.id
        for english in ("Seed report", "Judgement", "judgement", "Chains on", " the "):
            assert english not in rule.source["nl"], (rule.id, english)


def test_a_finding_names_its_source_in_the_reports_language(tmp_path, pack):
    from conftest import base_request
    from producibility import Screener, load_equipment
    screener = Screener(load_equipment(str(EQUIPMENT)), pack)
    request = base_request(part={"tolerance_mm": 0.015})
    by_lang = {lang: {f["rule"]: f["source"]
                      for f in screener.check(request, lang=lang).to_dict()["findings"]}
               for lang in ("en", "nl")}
    assert by_lang["en"]["PRC-002"].startswith("ISO 2768-1:1989 table 1")
    assert by_lang["nl"]["PRC-002"].startswith("ISO 2768-1:1989 tabel 1")
    # a provider's pack may give one text: both languages show it as written
    own = tmp_path / "own.yaml"
    own.write_text(
        "rules:\n  - id: OWN-001\n    thread: process_capability\n"
        "    title: {en: Fine tolerance, nl: Fijne tolerantie}\n    scope: part\n"
        "    when: part.tolerance_mm < 0.02\n    then: {risk: {likelihood: 2, consequence: 2}}\n"
        "    message: {en: fine, nl: fijn}\n    mitigation: {en: measure, nl: meten}\n"
        "    source: \"Werkplaatsinstructie WI-12\"\n", encoding="utf-8")
    shop = Screener(load_equipment(str(EQUIPMENT)), load_packs([own]))
    for lang in ("en", "nl"):
        found = {f["rule"]: f["source"]
                 for f in shop.check(request, lang=lang).to_dict()["findings"]}
        assert found["OWN-001"] == "Werkplaatsinstructie WI-12"
    # and the pack's documentation shows the Dutch source in Dutch
    code, out, err = run_cli("rules", "explain", "PRC-002", "--lang", "nl")
    assert code == 0, err
    assert "source:     ISO 2768-1:1989 tabel 1" in out


def test_every_thread_and_faas_topic_is_covered(pack):
    counts = Counter(rule.thread for rule in pack.rules)
    assert len(pack.rules) >= 60
    assert all(counts[t] >= 4 for t in THREADS), counts
    assert sum(counts[t] for t in FAAS_TOPICS) >= 6
    assert all(counts[t] >= 1 for t in FAAS_TOPICS), counts


def test_every_rule_has_a_case_that_fires_it_and_one_that_does_not(pack):
    cover = coverage(pack, case_files(default_pack_dir()))
    untested = sorted(rid for rid, (fires, quiet) in cover.items() if not fires or not quiet)
    assert not untested, f"rules without a firing and a quiet case: {untested}"


def test_the_examples_produce_findings_in_every_thread(tmp_path):
    seen = set()
    for path in REQUESTS:
        out = tmp_path / "r.json"
        assert run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json",
                       "-o", out)[0] == 0
        seen.update(f["thread"] for f in json.loads(out.read_text())["findings"])
    assert set(THREADS) <= seen, set(THREADS) - seen


def test_material_and_tolerance_are_asked_first_and_the_report_says_why(tmp_path):
    out = tmp_path / "r.json"
    run_cli("check", ROOT / "examples/requests/bracket-material-open.yaml",
            "--equipment", EQUIPMENT, "--format", "json", "-o", out)
    questions = json.loads(out.read_text())["open_questions"]
    assert [q["field"] for q in questions[:2]] == ["material", "tolerance_mm"]
    for q in questions[:2]:
        assert q["can_change_verdict"]
        assert any(p["verdict"] == "no_fit" for p in q["what_if"])


def test_a_provider_override_changes_an_examples_verdict_and_disable_removes_it(tmp_path):
    request = ROOT / "examples/requests/housing-prototype.yaml"
    base = json.loads(run_cli("check", request, "--equipment", EQUIPMENT, "--format",
                              "json")[1])
    assert base["verdict"] == "fit"
    source = next(p for p in (ROOT / "rules").glob("*.yaml") if "id: PRC-002" in p.read_text())
    block = source.read_text().split("  - id: PRC-002")[1].split("\n  - id:")[0]
    assert "when: part.tolerance_mm < 0.05" in block
    override = tmp_path / "ours.yaml"
    override.write_text("rules:\n  - id: PRC-002\n    override: true" +
                        block.replace("part.tolerance_mm < 0.05", "part.tolerance_mm < 0.5"),
                        encoding="utf-8")
    changed = json.loads(run_cli("check", request, "--equipment", EQUIPMENT, "--rules",
                                 override, "--format", "json")[1])
    assert changed["verdict"] == "fit_with_effort"
    assert "PRC-002" in {f["rule"] for f in changed["findings"]}
    # disabling it in a later pack removes the rule again
    later = tmp_path / "later.yaml"
    # with the rules that read its flag tight_tolerance (else E137 refuses it)
    later.write_text("disable: [PRC-002, QUA-001, QUA-015]\n", encoding="utf-8")
    gone = json.loads(run_cli("check", request, "--equipment", EQUIPMENT, "--rules",
                              override, "--rules", later,
                              "--format", "json")[1])
    assert "PRC-002" not in {f["rule"] for f in gone["findings"]}
    assert gone["verdict"] == "fit"


def test_every_mrl_thread_has_an_evidence_table_of_real_questions(pack, questionnaire):
    """settings.mrl.evidence: each of the nine threads lists, level by rising level, the
    questions it needs, and each is a question of the questionnaire (a typo would keep
    the thread 'not assessed' for ever)."""
    evidence = pack.settings["mrl"]["evidence"]
    assert set(evidence) == set(THREADS)
    asked = {f"{q.scope}.{q.id}" for q in questionnaire.questions}
    for thread, entries in evidence.items():
        levels = [e["level"] for e in entries]
        assert levels == sorted(set(levels)), thread
        assert max(levels) < 10, f"{thread}: answers alone never prove full-rate production"
        for entry in entries:
            assert set(entry["needs"]) <= asked, (thread, set(entry["needs"]) - asked)
            assert entry["criterion"]["en"] and entry["criterion"]["nl"]


def test_caps_only_where_the_rule_names_a_deskbook_criterion(pack):
    """An mrl_cap is an MRL statement: its rule's source must say which Deskbook
    criterion it applies (effort-only caps were moved out: DES-002, CST-002, MGT-001,
    PRC-002)."""
    for rule in pack.rules:
        if rule.then.get("mrl_cap") is not None:
            for lang in ("en", "nl"):
                assert "MRL Deskbook" in rule.text("source", lang), (rule.id, lang)
    for rid in ("DES-002", "CST-002", "MGT-001", "PRC-002"):
        assert pack.rule(rid).then.get("mrl_cap") is None, rid
    assert any(r.thread == "materials" and r.then.get("mrl_cap") for r in pack.rules)


def test_edm_is_bought_in_only_by_a_shop_without_an_edm_machine():
    """provider.processes (the equipment's own machines) lets TEC-006 know whether the shop
    sparks itself: the precision shop has a Sodick wire EDM, so no 'bought in' and no
    ten days' wait for it."""
    from producibility import Screener, load_equipment
    from conftest import base_request
    request = base_request(part={"min_inside_radius_mm": 0})
    shop = ROOT / "examples" / "precision-shop"
    for equipment, packs, bought_in in (
            (load_equipment(str(EQUIPMENT)), load_packs(), True),
            (load_equipment(str(shop / "equipment.yaml")), load_packs([shop / "rules"]), False)):
        assert ("wire_edm" in equipment.provider["processes"]) is not bought_in
        report = Screener(equipment, packs).check(request).to_dict()
        rules = {f["rule"] for f in report["findings"]}
        assert "DFM-006" in rules
        assert ("TEC-006" in rules) is bought_in
        waits = [s.get("rule") for p in report["lead_time"]["parts"] for s in p["steps"]]
        assert ("TEC-006" in waits) is bought_in
