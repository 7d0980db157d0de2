"""Rule-pack authoring: lint, show, explain, init, overrides, and editor schemas."""

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from producibility import Screener, load_equipment, load_packs
from producibility.errors import InputError

from conftest import EQUIPMENT, EXAMPLES, ROOT, base_request, run_cli

BROKEN = ROOT / "tests/data/broken-pack.yaml"


def lint_lines(*args):
    code, out, err = run_cli("rules", "lint", *args)
    found = []
    for line in out.splitlines():
        path, line_no, col, rest = line.split(":", 3)
        found.append((int(line_no), rest.split()[0]))
    return code, found, out, err


def test_lint_reports_each_seeded_mistake_on_its_line():
    code, found, out, err = lint_lines(BROKEN)
    assert code == 1
    assert found == [
        (6, "E114"),   # thread 'materails'
        (9, "E131"),   # part.materal
        (11, "E113"),  # likelihood 6
        (17, "W150"),  # title without nl
        (19, "W140"),  # purpose 'serie' is not a choice
        (20, "E132"),  # flag nobody sets
        (23, "E133"),  # request.quantitty in the message
        (30, "E130"),  # condition does not parse
        (35, "E110"),  # unknown key 'colour'
        (36, "W151"),  # no source
        (40, "E130"),  # machine.* in a part rule
        (44, "E120"),  # duplicate id in the pack
        (49, "W160"),  # flag set but never used
        (53, "E120"),  # reuses a default rule's id without override
        (62, "E111"),  # missing title
        (66, "E112"),  # mrl_cap "five"
    ]
    assert "(did you mean 'material'?)" in out and "(did you mean 'series'?)" in out
    assert "(did you mean 'quantity'?)" in out and "(did you mean 'materials'?)" in out
    assert err == "12 errors, 4 warnings\n"


def test_lint_reports_yaml_syntax_and_duplicate_keys_with_column(tmp_path):
    bad = tmp_path / "syntax.yaml"
    bad.write_text("rules:\n  - id: X-1\n    id: X-2\n", encoding="utf-8")
    code, found, out, _ = lint_lines(bad)
    assert code == 1 and found == [(3, "E101")]
    assert out.split(":")[2] == "5"  # column of the second 'id'
    bad.write_text("rules: [\n", encoding="utf-8")
    assert lint_lines(bad)[1][0][1] == "E100"


def test_a_warning_can_be_silenced_on_one_rule_and_strict_fails_on_warnings(tmp_path):
    pack = tmp_path / "p.yaml"
    rule = textwrap.dedent("""\
        rules:
          - id: OWN-001
            thread: design
            title: {en: Only English}
            scope: request
            when: request.model_3d == false
            then: {effort: {engineering_h: 1}}
            message: {en: m, nl: m}
            mitigation: {en: m, nl: m}
            source: judgement
        """)
    pack.write_text(rule, encoding="utf-8")
    code, found, _, _ = lint_lines(pack)
    assert (code, found) == (0, [(4, "W150")])
    assert lint_lines(pack, "--strict")[0] == 1
    pack.write_text(rule + "    lint: {ignore: [W150]}\n", encoding="utf-8")
    assert lint_lines(pack, "--strict")[:2] == (0, [])


def test_the_shipped_pack_lints_clean_of_errors():
    code, found, out, _ = lint_lines()
    assert code == 0, out
    assert not [c for _, c in found if c.startswith("E")]


def test_third_party_validator_accepts_shipped_packs_and_rejects_a_broken_one():
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install '.[test]')")
    schema = str(ROOT / "producibility/schemas/rules.schema.json")
    packs = [str(p) for p in sorted((ROOT / "rules").glob("*.yaml"))]
    good = subprocess.run([exe, "--schemafile", schema, *packs], capture_output=True, text=True)
    assert good.returncode == 0, good.stdout
    bad = subprocess.run([exe, "--schemafile", schema, str(BROKEN)], capture_output=True,
                         text=True)
    assert bad.returncode != 0
    assert "'materails' is not one of" in bad.stdout


def test_rules_show_tables_per_thread_and_merged(tmp_path):
    code, out, _ = run_cli("rules", "show")
    assert code == 0
    assert out.startswith("# Rule pack: faas-default (")
    assert "## materials (materials)" in out and \
        "| MAT-003 | Material is not in stock | part |" in out
    code, out, _ = run_cli("rules", "show", "--lang", "nl")
    assert out.startswith("# Regelpakket: faas-default (168 regels)\n")
    assert "## materialen (materials)" in out
    assert "| id | titel | scope | voorwaarde (when) | gevolg (then) | inspanning | MRL-grens " \
        "| bron |" in out
    assert "| MAT-003 | Materiaal niet op voorraad | part |" in out and "risico 3x2" in out
    own = tmp_path / "own.yaml"
    own.write_text(textwrap.dedent("""\
        pack: {id: own, version: 1.0.0}
        disable: [CST-001]
        rules:
          - id: OWN-001
            thread: facilities
            title: {en: Own rule, nl: Eigen regel}
            scope: request
            when: request.quantity > 1000
            then: {risk: {likelihood: 2, consequence: 2}}
            message: {en: m, nl: m}
            source: judgement
        """), encoding="utf-8")
    code, out, _ = run_cli("rules", "show", own)
    assert "OWN-001" in out and "MAT-003" not in out
    code, out, _ = run_cli("rules", "show", "--merged", own, "--format", "html")
    assert "OWN-001" in out and "MAT-003" in out and "CST-001" not in out
    assert out.startswith("<!DOCTYPE html>")


def test_rules_explain_lists_the_questions_a_rule_depends_on():
    code, out, _ = run_cli("rules", "explain", "MAT-004", "--lang", "nl")
    assert code == 0
    assert "requires:   vlag material_to_order, gezet door MAT-003" in out
    assert "request.certificates_required: " in out
    assert "  vragen waar hij van afhangt (onbeantwoord -> de regel is onbekend en de vraag " \
        "wordt gesteld):\n" in out
    code, out, _ = run_cli("rules", "explain", "MAT-003", "--lang", "nl")
    assert "  scope:      part (één keer per onderdeel beoordeeld)\n" in out
    assert "  then:       risico 3x2, vlag material_to_order; inspanning eng 0,5 u, +10 d, " \
        "wacht op material; " \
        "MRL-grens -\n" in out
    assert "  customer:   - (intern)\n" in out
    assert "provider.stocked_materials: (uit de machinelijst, niet gevraagd)" in out
    code, out, _ = run_cli("rules", "explain", "MAT-003", "--lang", "en")
    assert "  unless:     flag customer_supplies_material, set by MAT-000\n" in out
    assert "  then:       risk 3x2, flag material_to_order; effort eng 0.5 h, +10 d, " \
        "waits for material; MRL cap -\n" in out
    code, _, err = run_cli("rules", "explain", "MAT-0004")
    assert code == 1 and "did you mean 'MAT-004'?" in err
    assert "  stage:" not in out  # MAT-003 runs with the engine


@pytest.mark.parametrize("rule, scope", [
    ("QUA-011", "request (één keer per aanvraag beoordeeld)"),
    ("QUA-002", "part (één keer per onderdeel beoordeeld)"),
    ("PRC-001", "candidate (beoordeeld voor elke bewerking van een onderdeel met elke machine "
                "die erbij past)"),
    ("ENX-001", "provider (één keer per aanvraag beoordeeld, op de machinelijst)")])
def test_rules_explain_says_in_dutch_how_often_a_rule_is_judged(rule, scope):
    """The scope's own name stays as the pack writes it; the sentence after it read
    'één keer per request beoordeeld', English in a Dutch sentence."""
    code, out, _ = run_cli("rules", "explain", rule, "--lang", "nl")
    assert code == 0 and f"  scope:      {scope}\n" in out


def test_rules_explain_says_a_rule_runs_after_the_lead_time():
    code, out, _ = run_cli("rules", "explain", "MGT-001", "--lang", "en")
    assert "  stage:      after the lead-time chain (it reads request.slack_days)\n" in out
    assert "request.slack_days: (from the lead-time chain, not asked)" in out
    code, out, _ = run_cli("rules", "explain", "WRK-004", "--lang", "nl")
    assert "  fase:       na de levertijdketen (hij leest rush_order (MGT-001))\n" in out


def test_override_changes_the_verdict_and_disable_removes_the_finding(tmp_path, equipment):
    request = base_request(part={"tolerance_mm": 0.03})
    default = Screener(equipment, load_packs()).check(request)
    assert "PRC-002" in {f["rule"] for f in default.findings}
    override = tmp_path / "override.yaml"
    source = (ROOT / "rules").glob("*.yaml")
    rule_text = next(p for p in source if "id: PRC-002" in p.read_text()).read_text()
    block = rule_text.split("  - id: PRC-002")[1].split("\n  - id:")[0]
    override.write_text("rules:\n  - id: PRC-002\n    override: true" +
                        block.replace("part.tolerance_mm < 0.05", "part.tolerance_mm < 0.02"),
                        encoding="utf-8")
    changed = Screener(equipment, load_packs([override])).check(request)
    assert "PRC-002" not in {f["rule"] for f in changed.findings}
    disable = tmp_path / "disable.yaml"
    # with the rules that read its flag tight_tolerance (else E137 refuses it)
    disable.write_text("disable: [PRC-002, QUA-001, QUA-015]\n", encoding="utf-8")
    gone = Screener(equipment, load_packs([disable])).check(request)
    assert "PRC-002" not in {f["rule"] for f in gone.findings}


def test_redefining_a_rule_without_override_is_an_error(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - id: MAT-003\n    thread: materials\n    title: t\n"
                    "    scope: part\n    when: 'true'\n    then: {mrl_cap: 3}\n"
                    "    message: m\n", encoding="utf-8")
    with pytest.raises(InputError, match="MAT-003 is already defined at .*add 'override: true'"):
        load_packs([pack])
    pack.write_text("disable: [NOPE-001]\n", encoding="utf-8")
    with pytest.raises(InputError, match="no earlier pack defines rule NOPE-001"):
        load_packs([pack])


def test_init_scaffolds_a_folder_where_daily_use_is_one_command(tmp_path, monkeypatch):
    target = tmp_path / "werkplaats"
    code, out, _ = run_cli("init", target)
    assert code == 0 and "created" in out
    monkeypatch.chdir(target)
    assert run_cli("rules", "lint", "rules/")[0] == 0
    code, out, _ = run_cli("rules", "test", "rules/")
    assert code == 0 and "2 geslaagd, 0 mislukt in 1 bestand" in out  # lang: nl in its config
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert code == 0 and "2 passed, 0 failed in 1 file" in out
    code, _, err = run_cli("validate", "--equipment", "equipment.yaml")
    assert code == 0 and \
        err == "equipment.yaml: geldig (1 machine, 1 partner; de feestdagen van NL)\n"
    code, out, _ = run_cli("check", "requests/example.yaml")
    assert code == 0 and "Oordeel:" in out and "OWN-001" in out
    # OWN-001 says "het passiveren doet onze partner": the equipment has that partner
    # (the report said "geen partner in het machinebestand doet het")
    assert "beitsen en passiveren bij Uw beitserij (partner)" in out
    assert "geen partner in het machinebestand" not in out
    # a shop without EN 1090 is not refused a milled bracket on an assumed execution
    # class (the example read NIET MAAKBAAR on ENX-001 until execution_class was assumed
    # only where it applies)
    assert "Oordeel: VOORWAARDELIJK" in out and "ENX-001 (blokkade)" not in out
    code, _, err = run_cli("init", target)
    assert code == 1 and "would overwrite" in err


def test_rules_test_reads_numbers_as_written_and_speaks_the_configs_language(tmp_path,
                                                                              monkeypatch):
    """A case's 2.000 pieces is read as a request file reads it (2000 or 2: the author
    must write which; YAML read 2), and a broken cases file is one Dutch line with its
    file:line in a Dutch shop's folder."""
    target = tmp_path / "werkplaats"
    run_cli("init", target)
    monkeypatch.chdir(target)
    cases = Path("rules/tests/our-rules.cases.yaml")
    original = cases.read_text(encoding="utf-8")
    cases.write_text(original + textwrap.indent(textwrap.dedent("""\
          - name: veel stuks
            base: part
            lang: nl
            set: {quantity: 2.000}
            fires: [OWN-001]
        """), "  "), encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/")
    assert code == 1
    assert "MISLUKT veel stuks" in out
    assert "de aanvraag klopt niet: quantity: '2.000' kan 2000 of 2 betekenen; schrijf 2000 " \
        "of 2" in out
    assert "==== 2 geslaagd, 1 mislukt in 1 bestand ====" in out
    # a typo in not_fires passed for ever (the misspelt rule never fires)
    cases.write_text(original + textwrap.indent(textwrap.dedent("""\
          - name: typo
            base: part
            not_fires: [OWN-0001]
        """), "  "), encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/")
    assert code == 1
    assert "OWN-0001 is geen regel van de geladen pakketten (bedoelt u 'OWN-001'?)" in out
    cases.write_text(original + "  - name: x\n    bogus: 1\n", encoding="utf-8")
    code, out, err = run_cli("rules", "test", "rules/")
    assert code == 1 and out == ""
    assert err == "Fout: rules/tests/our-rules.cases.yaml:28: geval 'x': onbekende sleutel " \
        "'bogus'\n"
    code, _, err = run_cli("rules", "test", "rules/", "--lang", "en")
    assert err == "Error: rules/tests/our-rules.cases.yaml:28: case 'x': unknown key 'bogus'\n"


def test_authoring_guide_new_rule_with_its_case_works_without_python(tmp_path, monkeypatch):
    """What the README's authoring guide tells a production engineer to do."""
    run_cli("init", tmp_path / "shop")
    monkeypatch.chdir(tmp_path / "shop")
    rules = Path("rules/our-rules.yaml")
    new_rule = textwrap.indent(textwrap.dedent("""\
          - id: OWN-002
            thread: volume_mix
            title: {en: Large batch for our mill, nl: Grote serie voor onze freesbank}
            scope: request
            when: request.quantity > 500
            then:
              risk: {likelihood: 3, consequence: 3}
            message:
              en: "{{ request.quantity }} products is more than we mill in a month."
              nl: "{{ request.quantity }} producten is meer dan wij in een maand frezen."
            mitigation:
              en: Split the delivery.
              nl: Lever in delen.
            source: "Our judgement: about 500 pieces a month on one mill."
        """), "  ")
    text = rules.read_text(encoding="utf-8").replace(
        "\n  # Change a default rule", "\n" + new_rule + "\n  # Change a default rule")
    rules.write_text(text, encoding="utf-8")
    cases = Path("rules/tests/our-rules.cases.yaml")
    cases.write_text(cases.read_text(encoding="utf-8") + textwrap.indent(textwrap.dedent("""\
          - name: a big batch is flagged
            base: part
            set: {quantity: 800}
            fires: [OWN-002]
          - name: a small batch is not
            base: part
            not_fires: [OWN-002]
        """), "  "), encoding="utf-8")
    assert run_cli("rules", "lint", "rules/")[0] == 0
    code, out, _ = run_cli("rules", "test", "rules/")
    assert code == 0 and "4 geslaagd, 0 mislukt" in out
    # a failing case shows what fired versus what was expected
    cases.write_text(cases.read_text(encoding="utf-8").replace("set: {quantity: 800}",
                                                               "set: {quantity: 80}"))
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert code == 1
    assert "FAILED a big batch is flagged" in out
    assert "expected OWN-002 to fire; it did not" in out and "fired: " in out
    code, out, _ = run_cli("rules", "test", "rules/")
    assert code == 1
    assert "MISLUKT a big batch is flagged" in out
    assert "OWN-002 had moeten afgaan; dat deed hij niet" in out and "afgegaan: " in out


def test_a_flag_typo_never_silently_disables_a_rule(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - id: OWN-009\n    thread: materials\n    title: t\n"
                    "    scope: part\n    when: 'true'\n    requires: [material_to_ordr]\n"
                    "    then: {mrl_cap: 3}\n    message: m\n", encoding="utf-8")
    with pytest.raises(InputError, match="requires flag 'material_to_ordr', which no loaded "
                                         "rule sets \\(did you mean 'material_to_order'\\?\\)"):
        load_packs([pack])


@pytest.mark.parametrize("when, warned", [
    ("part.pieces > 1.000", ["1.000"]),                       # one thousand, Dutch style
    # 1.000.000 even parses (as item 0 of the number 1.0) and fails only at run time
    ("request.quantity >= 25.000 and part.pieces < 1.000.000", ["25.000", "1.000.000"]),
    ("part.tolerance_mm < 0.005", []),                        # a real decimal
    ("part.thickness_mm > 2.5", []),
    ("part.pieces > 1000 and part.material != 'EN 1.000'", []),  # inside a text: fine
])
def test_a_thousands_separator_in_a_condition_is_a_warning(tmp_path, when, warned):
    pack = tmp_path / "pack.yaml"
    pack.write_text(textwrap.dedent(f"""\
        rules:
          - id: OWN-001
            thread: quality
            title: {{en: Big series, nl: Grote serie}}
            scope: part
            when: "{when}"
            then: {{risk: {{likelihood: 2, consequence: 2}}}}
            message: {{en: big, nl: groot}}
            mitigation: {{en: plan, nl: plan}}
            source: judgement
        """), encoding="utf-8")
    code, out, err = run_cli("rules", "lint", str(pack))
    lines = [line for line in (out + err).splitlines() if " W141 " in line]
    assert sorted(line.split("OWN-001: ")[1].split(" ")[0] for line in lines) == sorted(warned)
    for number in warned:
        assert any("pack.yaml:6:" in line and f"write {number.replace('.', '')} " in line
                   for line in lines)


def test_explain_lists_the_questions_a_rule_depends_on_through_its_flags(tmp_path):
    """TEC-007 reads nothing itself but requires gun_drilling, which DFM-008 sets from the
    hole's depth and diameter: explain said 'questions it depends on: none'."""
    code, out, _ = run_cli("rules", "explain", "TEC-007")
    assert code == 0
    depends = out.split("questions it depends on")[1]
    assert "part.max_hole_depth_mm: " in depends
    assert "(through flag gun_drilling <- DFM-008)" in depends
    assert "    none" not in depends
    # two layers: OWN-3 requires b, set by OWN-2, which requires a, set by OWN-1
    pack = tmp_path / "p.yaml"
    rule = ("  - id: {id}\n    thread: quality\n    title: t\n    scope: part\n"
            "    when: '{when}'\n{extra}    then: {then}\n    message: m\n")
    pack.write_text("rules:\n" + "".join(rule.format(**r) for r in [
        {"id": "OWN-1", "when": "part.cycle_time_min > 5", "extra": "", "then": "{flag: a}"},
        {"id": "OWN-2", "when": "true", "extra": "    requires: [a]\n", "then": "{flag: b}"},
        {"id": "OWN-3", "when": "true", "extra": "    unless: [b]\n",
         "then": "{mrl_cap: 5}"}]), encoding="utf-8")
    code, out, _ = run_cli("rules", "explain", "OWN-3", "--rules", pack, "--lang", "nl")
    assert code == 0
    assert "part.cycle_time_min: " in out and "(via vlag b <- OWN-2, a <- OWN-1)" in out


def test_a_disabled_rule_is_said_to_be_disabled_not_unknown(tmp_path, monkeypatch):
    """'no rule CST-001 (did you mean CST-006?)' for a rule the provider's own pack
    disabled; a case asserting it stays quiet failed the same way."""
    run_cli("init", tmp_path / "shop")
    monkeypatch.chdir(tmp_path / "shop")
    rules = Path("rules/our-rules.yaml")
    rules.write_text("disable: [CST-001]\n" + rules.read_text(encoding="utf-8"),
                     encoding="utf-8")
    code, _, err = run_cli("rules", "explain", "CST-001", "--lang", "en")
    assert code == 1
    assert err.startswith("Error: rule CST-001 is disabled by our-rules (")
    assert err.rstrip().endswith("our-rules.yaml:1)") and "did you mean" not in err
    cases = Path("rules/tests/our-rules.cases.yaml")
    original = cases.read_text(encoding="utf-8")
    cases.write_text(original + "  - name: no cost rule\n    base: part\n"
                     "    not_fires: [CST-001]\n", encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert code == 0, out
    cases.write_text(original + "  - name: cost rule\n    base: part\n"
                     "    fires: [CST-001]\n", encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "nl")
    assert code == 1 and "CST-001 is uitgezet door our-rules (" in out
    assert "en kan dus niet afgaan" in out


def test_a_case_asserts_that_a_rule_stays_undecided(tmp_path, monkeypatch):
    """rules test could assert that a rule fires or stays quiet, not that it waits for
    an answer (CASE_KEYS had fires, not_fires and verdict): undecided: [RULE]."""
    run_cli("init", tmp_path / "shop")
    monkeypatch.chdir(tmp_path / "shop")
    cases = Path("rules/tests/our-rules.cases.yaml")
    original = cases.read_text(encoding="utf-8")
    # the base part gives no smallest thread: DFM-019 reads it and waits
    cases.write_text(original + textwrap.indent(textwrap.dedent("""\
          - name: no thread given
            base: part
            undecided: [DFM-019]
          - name: thread given
            base: part
            set_part: {min_thread_mm: 1.6}
            undecided: [DFM-019]
          - name: a rule that decided
            base: part
            set_part: {material: stainless_304, surface_treatment: [passivation]}
            undecided: [OWN-001]
        """), "  "), encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert code == 1
    assert "FAILED no thread given" not in out
    assert "FAILED thread given" in out
    assert "expected DFM-019 to stay undecided (waiting for an answer); it" in out
    assert "expected OWN-001 to stay undecided (waiting for an answer); it fired" in out
    assert "==== 3 passed, 2 failed in 1 file ====" in out


def test_a_case_screens_strictly_with_assume_false(tmp_path, monkeypatch):
    """assume: false screens a case as check --no-assumptions: a question the
    questionnaire would fill with its assumption stays open (SEC-004 asks the EN 1090
    execution class only where none is given, and EXC2 is assumed for a construction
    product). A value that is not true or false is a file:line error, not read as
    true."""
    run_cli("init", tmp_path / "shop")
    monkeypatch.chdir(tmp_path / "shop")
    cases = Path("rules/tests/our-rules.cases.yaml")
    original = cases.read_text(encoding="utf-8")

    def case(assume):
        return original + textwrap.indent(textwrap.dedent(f"""\
              - name: a construction product, its class not given
                base: part
                set: {{application_sector: construction_product, certificates_required: []}}
                assume: {assume}
                fires: [SEC-004]
            """), "  ")

    cases.write_text(case("false"), encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert "FAILED a construction product" not in out
    cases.write_text(case("true"), encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert "FAILED a construction product, its class not given" in out
    cases.write_text(case("nee"), encoding="utf-8")
    code, out, err = run_cli("rules", "test", "rules/", "--lang", "en")
    assert code != 0 and re.search(
        r"our-rules\.cases\.yaml:\d+: case 'a construction product, its class not given': "
        r"assume must be true or false", err), err


def test_every_pack_of_a_directory_is_named_in_the_inputs(tmp_path, monkeypatch):
    """A shop's rules/ held its catalogue pack (fieldlab-catalogue, which defines the
    acrylic the offer quotes) and its rules (our-rules); inputs.packs, the report's footer
    and rules show --merged named one of them. Now every pack in force, with its
    version and the digest of its own files; a directory of one pack stays one entry."""
    import json
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "catalogue.yaml").write_text(
        "pack: {id: shop-catalogue, version: 0.2.0}\n"
        "materials:\n"
        "  - {id: pmma, name: {en: acrylic, nl: acrylaat}, family: plastic,\n"
        "     density_kg_m3: 1190}\n", encoding="utf-8")
    (tmp_path / "rules" / "our-rules.yaml").write_text(
        "pack: {id: our-rules, version: 1.0.0}\nrules: []\n", encoding="utf-8")
    (tmp_path / "rules" / "more.yaml").write_text("rules: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    request = str(EXAMPLES / "requests" / "bracket-series.yaml")
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--rules", "rules/",
                             "--format", "json")
    assert code == 0, err
    packs = json.loads(out)["inputs"]["packs"]
    assert [(p["id"], p["version"]) for p in packs] == [
        ("faas-default", "0.1.0"), ("shop-catalogue", "0.2.0"), ("our-rules", "1.0.0")]
    assert len({p["digest"] for p in packs}) == 3
    code, out, err = run_cli("check", request, "--equipment", EQUIPMENT, "--rules", "rules/",
                             "--format", "md", "--lang", "en")
    footer = out.rstrip().splitlines()[-1]
    assert "Rule packs: faas-default 0\\.1.0 (" in footer and \
        ", shop-catalogue 0\\.2.0 (" in footer and ", our-rules 1\\.0.0 (" in footer
    code, out, err = run_cli("rules", "show", "--merged", "rules/", "--lang", "en")
    assert code == 0 and "faas-default + shop-catalogue + our-rules" in out.splitlines()[0]


@pytest.mark.parametrize("lang, created, machine", [
    ("en", "created ", "Haas VF-2 3-axis vertical machining centre"),
    ("nl", "aangemaakt: ", "Haas VF-2 3-assig verticaal bewerkingscentrum")])
def test_init_takes_the_folders_language(tmp_path, monkeypatch, lang, created, machine):
    """'init fieldlab --lang nl' gave 'Onbekende optie'; the sample machine was English in
    a lang: nl folder; the equipment file said 'Check it with: producibility schema
    equipment', which prints the schema (the check is validate --equipment)."""
    code, out, err = run_cli("init", tmp_path / "shop", "--lang", lang)
    assert code == 0, err
    assert out.splitlines()[0].startswith(created)
    config = (tmp_path / "shop" / "producibility.yaml").read_text(encoding="utf-8")
    assert f"\nlang: {lang} " in config
    equipment = (tmp_path / "shop" / "equipment.yaml").read_text(encoding="utf-8")
    assert f'name: "{machine}"' in equipment
    assert equipment.startswith(  # after the editor's line (its schema, beside it)
        "# yaml-language-server: $schema=schemas/equipment.schema.json\n"
        "# Your equipment catalogue. Check it with: producibility validate --equipment "
        "equipment.yaml\n")
    monkeypatch.chdir(tmp_path / "shop")
    code, _, err = run_cli("validate", "--equipment", "equipment.yaml")
    assert code == 0, err
    code, out, err = run_cli("check", "requests/example.yaml")
    assert code == 0 and ("Verdict:" if lang == "en" else "Oordeel:") in out


def test_rules_test_fails_a_rule_the_engine_cannot_evaluate(tmp_path, monkeypatch):
    """A quoted threshold ('0.02') made every evaluation an engine error, and `rules test`
    counted that as "fired": "fires: [OWN-001]" passed for a rule that never added its
    hours."""
    target = tmp_path / "werkplaats"
    run_cli("init", target)
    monkeypatch.chdir(target)
    rules = next(Path("rules").glob("*.yaml"))
    text = rules.read_text(encoding="utf-8")
    broken = re.sub(r'when: "[^"\n]*"', "when: \"part.tolerance_mm <= '0.02'\"", text, count=1)
    assert broken != text
    rules.write_text(broken, encoding="utf-8")
    cases = Path("rules/tests/our-rules.cases.yaml")
    cases.write_text(cases.read_text(encoding="utf-8") + textwrap.indent(textwrap.dedent("""\
          - name: tight
            base: part
            set_part: {tolerance_mm: 0.01}
            fires: [OWN-001]
        """), "  "), encoding="utf-8")
    code, out, _ = run_cli("rules", "test", "rules/", "--lang", "en")
    assert code == 1
    assert "FAILED tight" in out
    assert "could not be evaluated: cannot compare 0.01 <= '0.02'" in out


def test_rules_show_says_what_a_shops_pack_changes(tmp_path):
    """'rules show' for a review meeting listed a shop's rules as plain rows: not which
    of them replace a shipped rule, nor the rules it switches off, the settings it sets
    or its own catalogue entries (a pack author's review)."""
    pack = tmp_path / "own.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: {id: own-shop, version: 0.1.0}
        settings:
          lead_time: {transport_days: 2}
        disable: [TRD-004]
        materials:
          - id: aluminium_7020
            name: {en: aluminium EN AW-7020, nl: aluminium EN AW-7020}
            family: aluminium
            density_kg_m3: 2780
        rules:
          - id: PRC-002
            override: true
            thread: process_capability
            title: {en: Tolerance finer than we hold, nl: Tolerantie nauwer dan wij halen}
            scope: part
            when: part.tolerance_mm < 0.03
            then:
              risk: {likelihood: 3, consequence: 3}
              flag: tight_tolerance
            message: {en: "{{ part.id }}: tight", nl: "{{ part.id }}: nauw"}
            source: {en: "Judgement.", nl: "Inschatting."}
        """), encoding="utf-8")
    code, out, err = run_cli("rules", "show", pack, "--format", "md", "--lang", "en")
    assert code == 0, err
    assert out.startswith("# Rule pack: own-shop (1 rule)\n")
    assert "| PRC-002 (replaces the shipped rule) |" in out
    assert "## Rules this pack switches off\n\n- TRD-004 (" in out
    assert "## Settings this pack sets\n\n- `lead_time.transport_days`: 2\n" in out
    assert "- materials `aluminium_7020`: aluminium EN AW-7020 (" in out
    code, nl, _ = run_cli("rules", "show", pack, "--format", "md", "--lang", "nl")
    assert "## Regels die dit pakket uitzet" in nl and "(vervangt de meegeleverde regel)" in nl
