"""What a production engineer meets while writing her shop's own pack: the mistakes of
a first week (a Dutch decimal comma, an unquoted message, a one-file pack's cases, a
flag cycle, two files of one pack with one id), each said at its file:line in plain
words, in English and in Dutch."""

import textwrap

import pytest

from conftest import EXAMPLES, run_cli

RULE = """\
  - id: {id}
    thread: quality
    title: {{en: CMM report, nl: CMM-rapport}}
    scope: part
    when: "part.tolerance_mm <= 0.02"
    then:
      effort: {effort}
    message: {{en: "{{{{ part.id }}}}: CMM report.", nl: "{{{{ part.id }}}}: CMM-rapport."}}
    mitigation: {{en: Measure., nl: Meten.}}
    source: judgement
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- item 11: a Dutch decimal comma outside a condition

@pytest.mark.parametrize("lang, setting, effort", [
    ("en", "preparation_h_per_day must be a number or empty, not the text '6,5' "
           "(a decimal comma? write 6.5)",
     "in rules[0].then.effort: 'inspection_h: 1,5' reads as two entries inside {...}, "
     "because the comma separates them (a decimal comma?): write 'inspection_h: 1.5'"),
    ("nl", "preparation_h_per_day moet een getal of leeg zijn, niet de tekst '6,5' "
           "(een decimale komma? schrijf 6.5)",
     "in rules[0].then.effort: 'inspection_h: 1,5' wordt binnen {...} als twee velden "
     "gelezen, want de komma scheidt ze (een decimale komma?): schrijf 'inspection_h: 1.5'"),
])
def test_a_decimal_comma_in_a_setting_or_inside_braces_is_named(tmp_path, lang, setting,
                                                                effort):
    """'6,5' was told to be written 'without quotes or units' (it had neither), and
    '{inspection_h: 1,5}' was an 'unknown field 5'."""
    pack = write(tmp_path / "comma.yaml",
                 "pack: {id: comma, version: 0.1.0}\nsettings:\n  lead_time:\n"
                 "    preparation_h_per_day: 6,5\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1,5}"))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].endswith("comma.yaml:4:28: E112 settings.lead_time." + setting), lines
    assert lines[1].endswith("comma.yaml:12:32: E110 " + effort), lines
    assert len(lines) == 2


def test_a_decimal_comma_in_a_cases_file_is_named_at_its_line(tmp_path):
    """set_part: {tolerance_mm: 0,02} made the case's request say "unknown field '02';
    part 'P1' tolerance_mm must be >= 0.001, got 0", at no line of the cases file."""
    pack = write(tmp_path / "eigen" / "own.yaml",
                 "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}"))
    write(tmp_path / "eigen" / "tests" / "own.cases.yaml", f"""\
        equipment: {EXAMPLES / 'equipment.yaml'}
        bases:
          plate: {{id: T-1, purpose: prototype, quantity: 2,
                   parts: [{{id: P1, processes: [milling_3axis], material: aluminium_6082,
                            size_mm: [120, 60, 20], tolerance_mm: 0.05}}]}}
        cases:
          - name: tight tolerance
            base: plate
            set_part: {{tolerance_mm: 0,02}}
            fires: [PO-003]
        """)
    for lang, said in (("en", "Error: {}:9: 'tolerance_mm: 0,02' reads as two entries "
                              "inside {{...}}, because the comma separates them (a decimal "
                              "comma?): write 'tolerance_mm: 0.02'"),
                       ("nl", "Fout: {}:9: 'tolerance_mm: 0,02' wordt binnen {{...}} als "
                              "twee velden gelezen, want de komma scheidt ze (een decimale "
                              "komma?): schrijf 'tolerance_mm: 0.02'")):
        code, out, err = run_cli("rules", "test", pack.parent, "--lang", lang)
        assert code == 1
        assert said.format(pack.parent / "tests" / "own.cases.yaml") in err, err


def test_a_decimal_comma_in_a_request_says_so_once(tmp_path):
    """In a request's part, '{tolerance_mm: 0,02}' is one mistake: not also a tolerance
    of 0 below the minimum."""
    request = write(tmp_path / "r.yaml", """\
        id: R-1
        purpose: prototype
        quantity: 2
        parts:
          - {id: P1, processes: [milling_3axis], material: aluminium_6082, size_mm: [120, 60, 20], tolerance_mm: 0,02}
        """)
    code, out, err = run_cli("validate", request, "--lang", "en")
    assert code == 1
    assert "r.yaml:5: in part 'P1': 'tolerance_mm: 0,02' reads as two entries" in out, out
    assert "0.001" not in out + err


# --- item 12: YAML errors said where the mistake is

MESSAGE_PACK = """\
pack: {{id: own, version: 0.1.0}}
rules:
  - id: PO-003
    thread: quality
    title: {{en: CMM report, nl: CMM-rapport}}
    scope: part
    when: {when}
    then:
      effort: {{inspection_h: 1.5}}
    message:
      en: {en}
      nl: "{{{{ part.id }}}}: CMM-rapport."
    mitigation: {{en: Measure., nl: Meten.}}
    source: judgement
"""


@pytest.mark.parametrize("lang, said", [
    ("en", "own.yaml:11:11: E100 a text that starts with { must be quoted (else YAML reads "
           "{...} as name: value entries): en: \"{{ part.id }} needs a CMM report\""),
    ("nl", "own.yaml:11:11: E100 een tekst die met { begint moet tussen aanhalingstekens "
           "(anders leest YAML {...} als naam: waarde-velden): "
           "en: \"{{ part.id }} needs a CMM report\""),
])
def test_an_unquoted_message_that_starts_with_braces_is_told_to_be_quoted(tmp_path, lang,
                                                                         said):
    """It was 'a key is expected here (is the indentation right?)': the indentation was
    fine."""
    pack = write(tmp_path / "own.yaml", MESSAGE_PACK.format(
        when='"part.tolerance_mm <= 0.02"', en="{{ part.id }} needs a CMM report"))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    assert out.strip().endswith(said), out
    # the whole value in braces (a mapping as a key) is the same mistake
    write(pack, MESSAGE_PACK.format(when='"part.tolerance_mm <= 0.02"',
                                    en="{{ part.id }}"))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert out.strip().endswith(said.split(": en: ")[0] + ': en: "{{ part.id }}"'), out


@pytest.mark.parametrize("lang, said", [
    ("en", "own.yaml:7:11: E100 the quoted text that opens here with \" runs on to line 11: "
           "a closing \" missing?"),
    ("nl", "own.yaml:7:11: E100 de tekst die hier met \" begint loopt door tot regel 11: "
           "ontbreekt de sluitende \"?"),
])
def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path, lang, said):
    """It was reported 4 lines later, at the next quote, as an indentation problem."""
    pack = write(tmp_path / "own.yaml", MESSAGE_PACK.format(
        when='"part.tolerance_mm <= 0.02', en='"{{ part.id }}: CMM report."'))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    assert out.strip().endswith(said), out
    # check refuses it with the same words, at the same line
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", EXAMPLES / "equipment.yaml", "--rules", pack,
                             "--lang", lang)
    assert code == 1
    assert said.replace(":7:11: E100", ":7:") in err, err


def test_a_quoted_text_over_several_lines_stays_valid(tmp_path):
    """Only a parse that failed is explained: a message quoted over two lines, with a
    colon in its second line, is a message."""
    pack = write(tmp_path / "own.yaml", MESSAGE_PACK.format(
        when='"part.tolerance_mm <= 0.02"',
        en='"{{ part.id }}: a CMM report,\n        note: measured on the Wenzel."'))
    code, out, err = run_cli("rules", "lint", pack, "--lang", "en")
    assert code == 0, out + err


# --- item 13: rules test on a one-file pack

CASES = """\
{equipment}bases:
  plate: {{id: T-1, purpose: prototype, quantity: 2,
           parts: [{{id: P1, processes: [milling_3axis], material: aluminium_6082,
                    size_mm: [120, 60, 20], tolerance_mm: 0.01}}]}}
cases:
  - name: tight tolerance
    base: plate
    fires: [PO-003]
"""


@pytest.mark.parametrize("lang, said", [
    ("en", "Error: eigen.yaml: no test cases: for a one-file pack put them in eigen.cases.yaml "
           "beside it, or use the pack's directory (its tests/*.cases.yaml)"),
    ("nl", "Fout: eigen.yaml: geen testgevallen: zet ze bij een pakket van één bestand in "
           "eigen.cases.yaml ernaast, of gebruik de map van het pakket (met tests/*.cases.yaml)"),
])
def test_a_one_file_pack_is_told_where_its_cases_go(tmp_path, monkeypatch, lang, said):
    """It said "no test cases found (tests/*.cases.yaml in the pack directory)" with the
    cases right there in tests/: a one-file pack's are beside it."""
    write(tmp_path / "eigen.yaml", "pack: {id: eigen, version: 0.1.0}\nrules:\n"
          + RULE.format(id="PO-003", effort="{inspection_h: 1.5}"))
    write(tmp_path / "tests" / "eigen.cases.yaml", CASES.format(
        equipment=f"equipment: {EXAMPLES / 'equipment.yaml'}\n"))
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("rules", "test", "eigen.yaml", "--lang", lang)
    assert code == 1
    assert said in err, err
    code, out, err = run_cli("rules", "test", ".", "--lang", lang)
    assert code == 0, out + err
    # and beside it, as the message says
    (tmp_path / "tests" / "eigen.cases.yaml").rename(tmp_path / "eigen.cases.yaml")
    code, out, err = run_cli("rules", "test", "eigen.yaml", "--lang", lang)
    assert code == 0, out + err


@pytest.mark.parametrize("lang, said", [
    ("en", "Error: tests/eigen.cases.yaml:1: no 'equipment:': name the equipment file the "
           "cases run against (equipment: ../equipment.yaml, relative to this file)"),
    ("nl", "Fout: tests/eigen.cases.yaml:1: geen 'equipment:': noem het machinebestand "
           "waartegen de gevallen draaien (equipment: ../equipment.yaml, vanaf dit bestand)"),
])
def test_a_cases_file_without_equipment_is_told_at_its_line(tmp_path, monkeypatch, lang,
                                                             said):
    """It said "tests/equipment.yaml: no such file", naming no cases file or line."""
    write(tmp_path / "eigen.yaml", "pack: {id: eigen, version: 0.1.0}\nrules:\n"
          + RULE.format(id="PO-003", effort="{inspection_h: 1.5}"))
    write(tmp_path / "tests" / "eigen.cases.yaml", CASES.format(equipment=""))
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("rules", "test", ".", "--lang", lang)
    assert code == 1
    assert said in err, err


# --- item 14: E134 names the flags of the loop and how to break it; E130 for machine.*

CYCLE = """\
pack: {id: cycle, version: 0.1.0}
rules:
  - id: PO-001
    thread: process_capability
    title: {en: Long thin part, nl: Lang dun onderdeel}
    scope: part
    when: "part.max_dimension_mm > 300"
    unless: [grote_serie]
    then: {flag: spanningsarm}
    message: {en: "{{ part.id }}: long.", nl: "{{ part.id }}: lang."}
    mitigation: {en: Check., nl: Controleer.}
    source: judgement
  - id: PO-004
    thread: volume_mix
    title: {en: Large series, nl: Grote serie}
    scope: request
    when: "request.quantity > 500"
    unless: [spanningsarm]
    then: {flag: grote_serie}
    message: {en: "Large series.", nl: "Grote serie."}
    mitigation: {en: Check., nl: Controleer.}
    source: judgement
"""


@pytest.mark.parametrize("lang, said", [
    ("en", "cycle.yaml:3:5: E134 rule PO-001: its flags depend on themselves through "
           "requires/unless: PO-001 (unless grote_serie) -> PO-004 (unless spanningsarm) -> "
           "PO-001; break the loop: take one of these flags out of its rule's unless, or fold "
           "the rules into one rule"),
    ("nl", "cycle.yaml:3:5: E134 regel PO-001: zijn vlaggen hangen via requires/unless van "
           "zichzelf af: PO-001 (unless grote_serie) -> PO-004 (unless spanningsarm) -> "
           "PO-001; doorbreek de kring: haal een van deze vlaggen uit de unless van zijn "
           "regel, of voeg de regels samen tot één regel"),
])
def test_a_flag_cycle_names_its_flags_and_the_way_out(tmp_path, lang, said):
    """E134 said 'PO-001 -> PO-004 -> PO-001': not through which flags, nor what to do."""
    pack = write(tmp_path / "cycle.yaml", CYCLE)
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    assert out.strip().endswith(said), out
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", EXAMPLES / "equipment.yaml", "--rules", pack,
                             "--lang", lang)
    assert code == 1 and said.split(" E134 ")[1] in err, err


@pytest.mark.parametrize("lang, said", [
    ("en", "E130 rule PO-003: when: unknown name 'machine' (known here: request, part, "
           "provider); machine.* is read by candidate rules (scope: candidate), once per "
           "machine that can make the part"),
    ("nl", "E130 regel PO-003: when: onbekende naam 'machine' (hier bekend: request, part, "
           "provider); machine.* lezen alleen kandidaatregels (scope: candidate), één keer per "
           "machine die het onderdeel kan maken"),
])
def test_a_part_rule_that_reads_the_machine_is_told_scope_candidate(tmp_path, lang, said):
    pack = write(tmp_path / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}").replace(
                     '"part.tolerance_mm <= 0.02"',
                     '"part.tolerance_mm <= 0.02 and machine.tolerance_mm > 0.01"'))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    assert out.strip().endswith("own.yaml:7:11: " + said), out
    # a candidate rule reads it
    write(pack, pack.read_text(encoding="utf-8").replace("scope: part", "scope: candidate"))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 0, out


# --- item 15: lint in one language

ALIAS_CLASH = """\
pack: {id: clash, version: 0.1.0}
materials:
  - id: aluminium_7020
    name: {en: aluminium EN AW-7020, nl: aluminium EN AW-7020}
    aliases: [EN AW-7020, "7020", "7075"]
    family: aluminium
    density_kg_m3: 2780
    price: {eur_kg: 9.5, source: "Offerte 2025", date: 2025-11}
    speed_factor: 3
    lead_time_days: 4
"""


def test_lint_words_a_catalogue_problem_in_dutch_as_check_does(tmp_path):
    """E125 read 'material aluminium_7020: the name '7075' also names aluminium_7075'
    under --lang nl, where check said it in Dutch."""
    pack = write(tmp_path / "clash.yaml", ALIAS_CLASH)
    said = "materiaal aluminium_7020: de naam '7075' is ook een naam van aluminium_7075"
    code, out, err = run_cli("rules", "lint", pack, "--lang", "nl")
    assert code == 1
    assert out.strip().endswith("clash.yaml:3:1: E125 " + said), out
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", EXAMPLES / "equipment.yaml", "--rules", pack,
                             "--lang", "nl")
    assert code == 1 and f"clash.yaml:3: {said}" in err, err
    code, out, err = run_cli("rules", "lint", pack, "--lang", "en")
    assert "E125 material aluminium_7020: the name '7075' also names aluminium_7075" in out


def test_a_dutch_lint_and_explain_say_nothing_in_english(tmp_path):
    """'syntaxfout: unexpected ','' and 'geen regel PO-09 (did you mean ...)'."""
    pack = write(tmp_path / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}").replace(
                     '"part.tolerance_mm <= 0.02"', '"part.tolerance_mm <= 0,02"')
                 .replace('"{{ part.id }}: CMM report."', '"{{ part.id }: CMM report."'))
    code, out, err = run_cli("rules", "lint", pack, "--lang", "nl")
    assert code == 1
    assert "E130 regel PO-003: when: syntaxfout: onverwacht ',' (een decimale komma in " \
        "0,02? schrijf 0.02)" in out, out
    assert "E133 PO-003: message (en): syntaxfout in de tekst: onverwacht '}'" in out, out
    assert "unexpected" not in out + err
    code, out, err = run_cli("rules", "explain", "CST-01", "--lang", "nl")
    assert code == 1
    assert err.strip() == "Fout: geen regel CST-01 (bedoelt u 'CST-001'?)", err


def test_a_rule_that_cannot_be_evaluated_is_said_in_the_reports_language(tmp_path):
    """'Regel PO-003 kon niet worden geëvalueerd: cannot compare 0.01 <= '0.02''."""
    pack = write(tmp_path / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}").replace(
                     '"part.tolerance_mm <= 0.02"', '"part.tolerance_mm <= \'0.02\'"'))
    request = write(tmp_path / "r.yaml", """\
        id: R-1
        date: 2026-11-23
        purpose: prototype
        quantity: 2
        wanted_date: 2027-02-26
        parts:
          - {id: P1, processes: [milling_3axis], material: aluminium_6082, size_mm: [120, 60, 20], tolerance_mm: 0.01}
        """)
    code, out, err = run_cli("check", request, "--equipment", EXAMPLES / "equipment.yaml",
                             "--rules", pack, "--lang", "nl")
    assert code == 0, err
    assert "Regel PO-003 kon niet worden geëvalueerd: kan 0.01 <= '0.02' niet vergelijken" \
        in out, out



@pytest.mark.parametrize("lang, words", [
    ("en", ["FAILED tight, read in Dutch",
            "    Rule PO-003 could not be evaluated: cannot compare 0.01 <= '0.02'",
            "    Rule PO-004 could not be evaluated: cannot add 'aluminium_6082' and 1",
            "    expected PO-003 to fire; it did not", "    expected PO-004 to fire; it did not",
            "    fired: "]),
    ("nl", ["MISLUKT tight, read in Dutch",
            "    Regel PO-003 kon niet worden geëvalueerd: kan 0.01 <= '0.02' niet vergelijken",
            "    Regel PO-004 kon niet worden geëvalueerd: kan 'aluminium_6082' en 1 niet "
            "optellen",
            "    PO-003 had moeten afgaan; dat deed hij niet",
            "    PO-004 had moeten afgaan; dat deed hij niet", "    afgegaan: "]),
])
def test_rules_test_says_an_engine_error_in_the_users_language(tmp_path, lang, words):
    """A case read in Dutch (lang: nl) that failed on an engine error printed 'Regel PO-003
    kon niet worden geëvalueerd: ...' among the English lines of 'rules test --lang en',
    and an English case the English words under --lang nl."""
    pack = write(tmp_path / "eigen" / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}").replace(
                     '"part.tolerance_mm <= 0.02"', '"part.tolerance_mm <= \'0.02\'"')
                 + RULE.format(id="PO-004", effort="{inspection_h: 1}").replace(
                     '"part.tolerance_mm <= 0.02"', '"part.material + 1 > 2"'))
    write(tmp_path / "eigen" / "tests" / "own.cases.yaml", CASES.format(
        equipment=f"equipment: {EXAMPLES / 'equipment.yaml'}\n").replace(
            "fires: [PO-003]", "fires: [PO-003, PO-004]") + """\
  - name: tight, read in Dutch
    base: plate
    lang: nl
    fires: [PO-003, PO-004]
""")
    code, out, err = run_cli("rules", "test", pack.parent, "--lang", lang)
    assert code == 1, err
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(words[0]))
    assert [line if n < 5 else line[:len(words[n])]
            for n, line in enumerate(lines[at + 1:at + 6], 1)] == words[1:], out
    # the English case says it in the same language as the Dutch one
    first = lines.index(next(line for line in lines if "tight tolerance" in line))
    assert lines[first + 1:first + 5] == words[1:5], out

# --- item 16: init's $schema comments point at schemas that exist

@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_schema_comment_init_writes_points_at_a_schema_beside_it(tmp_path, lang):
    """init wrote '$schema=https://producibility.example/schemas/rules.schema.json', an
    address that does not exist: the editor's completion never worked."""
    import json
    import re

    import jsonschema
    import yaml

    class AsAnEditorReads(yaml.SafeLoader):  # a date is the text the schema asks for
        yaml_implicit_resolvers = {
            first: [(tag, regex) for tag, regex in resolvers if not tag.endswith("timestamp")]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    target = tmp_path / "shop"
    code, out, err = run_cli("init", target, "--lang", lang)
    assert code == 0, err
    pointed = {}
    for path in sorted(target.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        found = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        if path.name.endswith(".cases.yaml"):
            continue  # a cases file has no schema
        assert found, (path, first)
        schema_path = (path.parent / found[1]).resolve()
        assert "://" not in found[1] and schema_path.is_file(), (path, found[1])
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        # the file validates against the schema its comment names
        jsonschema.validate(yaml.load(path.read_text(encoding="utf-8"), AsAnEditorReads),
                            schema)
        pointed[schema_path.name] = schema_path
    assert sorted(pointed) == ["config.schema.json", "equipment.schema.json",
                               "request.schema.json", "rules.schema.json"]
    for name, schema_path in pointed.items():
        code, out, err = run_cli("schema", name.split(".")[0])
        assert out == schema_path.read_text(encoding="utf-8"), name


# --- item 20: one id in two files of one pack

@pytest.mark.parametrize("override", ["", "    override: true\n"])
@pytest.mark.parametrize("lang, said", [
    ("en", "rule id PO-003 is already defined in this pack at {}:3: choose another id "
           "(override: true replaces a rule of an earlier pack, not one of the same pack)"),
    ("nl", "regel-id PO-003 is al gedefinieerd in dit pakket, in {}:3: kies een ander id "
           "(override: true vervangt een regel van een eerder pakket, niet een van hetzelfde "
           "pakket)"),
])
def test_one_id_in_two_files_of_one_pack_is_refused_with_or_without_override(
        tmp_path, override, lang, said):
    """Lint advised "add 'override: true' to replace that rule"; with it, lint passed and
    which PO-003 won depended on the files' names."""
    pack = tmp_path / "eigen"
    write(pack / "a.yaml", "pack: {id: eigen, version: 0.1.0}\nrules:\n"
          + RULE.format(id="PO-003", effort="{inspection_h: 1.5}"))
    write(pack / "b.yaml", "rules:\n" + RULE.format(
        id="PO-003", effort="{inspection_h: 3}").replace("    thread:", override
                                                         + "    thread:", 1))
    said = said.format(pack / "a.yaml")
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    assert out.strip() == f"{pack / 'b.yaml'}:2:9: E120 {said}", out
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", EXAMPLES / "equipment.yaml", "--rules", pack,
                             "--lang", lang)
    assert code == 1
    assert f"{pack / 'b.yaml'}:2: {said}" in err, err


def test_override_still_replaces_a_rule_of_an_earlier_pack(tmp_path):
    """Each of two packs may override a rule of the packs before it."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path, hours in ((first, 1.5), (second, 3)):
        write(path, "rules:\n" + RULE.format(id="CST-001", effort=f"{{inspection_h: {hours}}}")
              .replace("    thread:", "    override: true\n    thread:", 1))
    code, out, err = run_cli("rules", "lint", first, second, "--lang", "en")
    assert code == 0, out + err


# --- one catalogue entry id in two files of one pack

MATERIAL = """\
materials:
  - id: {id}
{override}    name: {{en: {name}, nl: {name}}}
    family: {family}
    density_kg_m3: 1190
    price: {{eur_kg: {price}, source: "our supplier's list", date: 2025-11}}
    speed_factor: 3
    lead_time_days: 3
"""


@pytest.mark.parametrize("override", ["", "    override: true\n"])
@pytest.mark.parametrize("lang, said", [
    ("en", "material acrylic_pmma is already defined in this pack at {}:2: keep one of the "
           "two, or choose another id (override: true replaces an entry of an earlier pack, "
           "not one of the same pack)"),
    ("nl", "materiaal acrylic_pmma is al gedefinieerd in dit pakket, in {}:2: houd er één "
           "van de twee, of kies een ander id (override: true vervangt iets uit een eerder "
           "pakket, niet iets uit hetzelfde pakket)"),
])
def test_one_catalogue_id_in_two_files_of_one_pack_is_refused_with_or_without_override(
        tmp_path, override, lang, said):
    """The same material in the pack's catalogue/ and in one of its rule files was "add
    'override: true' to replace it", after which lint, check and validate passed and
    which price won depended on the files' names."""
    pack = tmp_path / "eigen"
    first = write(pack / "catalogue" / "materials.yaml", MATERIAL.format(
        id="acrylic_pmma", override="", name="acrylic", family="plastic", price=4))
    second = write(pack / "more.yaml", MATERIAL.format(
        id="acrylic_pmma", override=override, name="cast acrylic", family="plastic", price=5))
    said = said.format(first)
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang)
    assert code == 1
    assert out.strip() == f"{second}:2:1: E125 {said}", out
    for command in (("check", EXAMPLES / "requests" / "bracket-series.yaml",
                     "--equipment", EXAMPLES / "equipment.yaml"),
                    ("validate", EXAMPLES / "requests" / "bracket-series.yaml"),
                    ("validate", "--equipment", EXAMPLES / "equipment.yaml")):
        code, out, err = run_cli(*command, "--rules", pack, "--lang", lang)
        assert code == 1, (command, out, err)
        assert err.strip().endswith(f"{second}:2: {said}"), (command, err)
        assert len(err.strip().splitlines()) == 1, err


def test_a_pack_still_overrides_a_shipped_entry_and_a_later_pack_its_own(tmp_path):
    """override: true against the shipped catalogue (and against an earlier pack) stays."""
    first = write(tmp_path / "a" / "catalogue" / "materials.yaml", MATERIAL.format(
        id="aluminium_6082", override="    override: true\n", name="aluminium 6082",
        family="aluminium", price=9))
    write(tmp_path / "a" / "own.yaml", "pack: {id: own, version: 0.1.0}\n")
    second = write(tmp_path / "b.yaml", MATERIAL.format(
        id="aluminium_6082", override="    override: true\n", name="aluminium 6082",
        family="aluminium", price=11))
    code, out, err = run_cli("rules", "lint", first.parent.parent, second, "--lang", "en")
    assert code == 0, out + err
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", EXAMPLES / "equipment.yaml",
                             "--rules", first.parent.parent, "--rules", second,
                             "--format", "json", "--no-probe")
    assert code == 0, err
    assert "1190 kg/m3 x EUR 11/kg x 200 pcs" in out, out  # the later pack's


# --- the init walk-through: what rules test and rules explain said wrong or unclearly

WALK_CASES = """\
equipment: {equipment}
bases:
  plate: {{id: T-1, purpose: prototype, quantity: 2,
           parts: [{{id: P1, processes: [milling_3axis], material: aluminium_6082,
                    size_mm: [120, 60, 20], tolerance_mm: 0.01}}]}}
cases:
  - name: tight tolerance
    base: {base}
    {check}
"""


@pytest.mark.parametrize("lang, base, check, said", [
    ("en", "plate", "verdict: FIT", "Error: {}:9: case 'tight tolerance': verdict must be one "
     "of fit, fit_with_effort, conditional, no_fit (did you mean 'fit'?)"),
    ("nl", "plate", "verdict: FIT", "Fout: {}:9: geval 'tight tolerance': verdict moet een "
     "van deze zijn: fit, fit_with_effort, conditional, no_fit (bedoelt u 'fit'?)"),
    ("en", "plat", "fires: [PO-003]", "Error: {}:8: case 'tight tolerance': no base 'plat' in "
     "this file (did you mean 'plate'?); its bases: plate"),
    ("nl", "plat", "fires: [PO-003]", "Fout: {}:8: geval 'tight tolerance': geen base 'plat' "
     "in dit bestand (bedoelt u 'plate'?); de bases hier: plate"),
])
def test_a_cases_file_says_a_wrong_verdict_or_base_at_its_line(tmp_path, lang, base, check,
                                                               said):
    """'verdict: FIT' (the text report's word) failed the case with 'expected verdict FIT,
    got fit', whatever the verdict; 'base: plat' said "needs request: or a known base:
    (plate)", at the case and without naming the base written."""
    pack = write(tmp_path / "eigen" / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}"))
    cases = tmp_path / "eigen" / "tests" / "own.cases.yaml"
    write(cases, WALK_CASES.format(equipment=EXAMPLES / "equipment.yaml", base=base,
                                   check=check))
    code, out, err = run_cli("rules", "test", pack.parent, "--lang", lang)
    assert code == 1
    assert err.strip() == said.format(cases), err


@pytest.mark.parametrize("lang, said", [
    ("en", "    expected PO-003 to stay undecided (waiting for an answer); no open question "
           "names it: it decided, or it waits on a part that cannot be made here (P1), for "
           "which no question is asked"),
    ("nl", "    PO-003 had onbeslist moeten blijven (wachtend op een antwoord); geen open "
           "vraag noemt hem: hij besliste, of hij wacht bij een onderdeel dat hier niet "
           "gemaakt kan worden (P1), en voor zo'n onderdeel worden geen vragen gesteld"),
])
def test_an_undecided_rule_of_a_part_not_made_is_not_said_to_have_decided(tmp_path, lang,
                                                                          said):
    """A case that left the tolerance open on a part no machine takes (a 10 m bar) was
    told "it decided and did not fire": the rule waited, but a part that cannot be made
    here asks nothing."""
    pack = write(tmp_path / "eigen" / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}"))
    cases = tmp_path / "eigen" / "tests" / "own.cases.yaml"
    write(cases, WALK_CASES.format(equipment=EXAMPLES / "equipment.yaml", base="plate",
                                   check="set_part: {size_mm: [10000, 60, 20]}\n"
                                         "    unset_part: [tolerance_mm]\n"
                                         "    undecided: [PO-003]"))
    code, out, err = run_cli("rules", "test", pack.parent, "--lang", lang)
    assert code == 1, err
    assert said in out.splitlines(), out


@pytest.mark.parametrize("lang, said", [
    ("en", "    part.material_family: (derived; the question asked: part.material (Material))"),
    ("nl", "    part.material_family: (afgeleid; de vraag die gesteld wordt: part.material "
           "(Materiaal))"),
])
def test_explain_names_the_question_a_derived_field_asks(tmp_path, lang, said):
    """ENX-002 reads part.material_family: explain said "(from the derived facts, not
    asked)", where an unknown family asks the material."""
    code, out, err = run_cli("rules", "explain", "ENX-002", "--lang", lang)
    assert code == 0, err
    assert said in out.splitlines(), out


def test_lint_shows_the_problems_of_a_packs_catalogue_files(tmp_path):
    """rules lint showed no problem of a file in the pack's catalogue/ (nor of the
    directory itself) and said '0 errors', where check refused the pack: the same
    material in two catalogue files, an unknown field there, a directory with nothing to
    read. A pack of catalogue entries alone is a pack: check said 'no *.yaml rule files
    in this directory' of it."""
    pack = tmp_path / "eigen"
    write(pack / "catalogue" / "a.yaml", MATERIAL.format(
        id="acrylic_pmma", override="", name="acrylic", family="plastic", price=4))
    second = write(pack / "catalogue" / "b.yaml", MATERIAL.format(
        id="acrylic_pmma", override="", name="cast acrylic", family="plastic", price=5))
    code, out, err = run_cli("rules", "lint", pack, "--lang", "en")
    assert code == 1
    assert out.strip() == (f"{second}:2:1: E125 material acrylic_pmma is already defined in "
                           f"this pack at {pack / 'catalogue' / 'a.yaml'}:2: keep one of the "
                           "two, or choose another id (override: true replaces an entry of an "
                           "earlier pack, not one of the same pack)"), out
    second.unlink()
    write(pack / "catalogue" / "a.yaml", MATERIAL.format(
        id="acrylic_pmma", override="", name="acrylic", family="plastic", price=4)
        + "    colour: clear\n")
    code, out, err = run_cli("rules", "lint", pack, "--lang", "nl")
    assert code == 1
    assert out.strip() == f"{pack / 'catalogue' / 'a.yaml'}:9:5: E110 in materials[0]: " \
        "onbekend veld 'colour'", out
    write(pack / "catalogue" / "a.yaml", MATERIAL.format(
        id="acrylic_pmma", override="", name="acrylic", family="plastic", price=4))
    code, out, err = run_cli("rules", "lint", pack, "--lang", "en")
    assert code == 0, out + err
    code, out, err = run_cli("check", EXAMPLES / "requests" / "bracket-series.yaml",
                             "--equipment", EXAMPLES / "equipment.yaml", "--rules", pack,
                             "--no-probe")
    assert code == 0, err
    empty = tmp_path / "leeg"
    empty.mkdir()
    code, out, err = run_cli("rules", "lint", empty, "--lang", "nl")
    assert code == 1
    assert out.strip() == f"{empty}:1:1: E100 geen *.yaml-regelbestanden in deze map", out


@pytest.mark.parametrize("lang, said", [
    ("en", ["equipment.yaml:1:1: E112 this is an equipment file, not a rule pack file: name "
            "the pack's directory (rules/) or its files",
            "producibility.yaml:1:1: E112 this is a project config (producibility.yaml), not "
            "a rule pack file: name the pack's directory (rules/) or its files"]),
    ("nl", ["equipment.yaml:1:1: E112 dit is een machinebestand, geen bestand van een "
            "regelpakket: noem de map van het pakket (rules/) of zijn bestanden",
            "producibility.yaml:1:1: E112 dit is een projectconfiguratie (producibility.yaml), "
            "geen bestand van een regelpakket: noem de map van het pakket (rules/) of zijn "
            "bestanden"]),
])
def test_linting_the_shops_folder_says_which_files_are_no_pack(tmp_path, monkeypatch, lang,
                                                              said):
    """'rules lint .' in the folder init made read equipment.yaml as a pack and advised
    "put 'certifications:' at the top level of the file, not under 'provider:'", and
    producibility.yaml "unknown field 'equipment'"."""
    code, out, err = run_cli("init", tmp_path / "shop")
    assert code == 0, err
    monkeypatch.chdir(tmp_path / "shop")
    code, out, err = run_cli("rules", "lint", ".", "--lang", lang)
    assert code == 1
    assert out.strip().splitlines() == said, out
    code, out, err = run_cli("check", "requests/example.yaml", "--rules", ".", "--lang", lang)
    assert code == 1 and err.strip().endswith(said[0].replace(":1:1: E112", ":1:")), err


@pytest.mark.parametrize("lang, said", [
    ("en", "W143 PO-003: part.tolerance_mm is a number, compared here with the text '0.02': "
           "the rule cannot be evaluated on any request that answers it (write the number "
           "without quotes)"),
    ("nl", "W143 PO-003: part.tolerance_mm is een getal, hier vergeleken met de tekst '0.02': "
           "de regel kan bij geen enkele aanvraag die het invult worden geëvalueerd (schrijf "
           "het getal zonder aanhalingstekens)"),
])
def test_a_number_compared_with_a_text_is_a_warning(tmp_path, lang, said):
    """'part.tolerance_mm <= '0.02'' passed lint; every request with a tolerance then got
    'Rule PO-003 could not be evaluated: cannot compare 0.01 <= '0.02''."""
    pack = write(tmp_path / "own.yaml", "pack: {id: own, version: 0.1.0}\nrules:\n"
                 + RULE.format(id="PO-003", effort="{inspection_h: 1.5}").replace(
                     '"part.tolerance_mm <= 0.02"', '"part.tolerance_mm <= \'0.02\'"'))
    code, out, err = run_cli("rules", "lint", pack, "--lang", lang, "--strict")
    assert code == 1
    assert out.strip() == f"{pack}:7:11: {said}", out
    write(pack, pack.read_text(encoding="utf-8").replace("<= '0.02'", "<= 0.02"))
    assert run_cli("rules", "lint", pack, "--lang", lang, "--strict")[0] == 0


def test_the_shipped_pack_lints_clean_its_catalogue_too():
    """Lint now shows the problems of a pack's catalogue/ files: the shipped one's
    inconel_718 was 'like copper_alloy' (W126), its family nickel_alloy named only by the
    run-time models' specific energies."""
    code, out, err = run_cli("rules", "lint", "--strict", "--lang", "en",
                             EXAMPLES.parent / "rules")
    assert code == 0 and out == "", out + err
