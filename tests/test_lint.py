"""Lint as small checks sharing the loader's: the root of a condition is checked, each
code has one meaning and its documentation, messages come in both languages."""

import inspect
import re
import textwrap

import pytest

from producibility.authoring.lint import CHECKS, CODES, lint, reference
from producibility.errors import InputError
from producibility.model.defaults import default_pack_dir
from producibility.model.pack import load_packs
RULE = """\
  - id: {id}
    thread: design
    title: {{en: a, nl: a}}
    scope: {scope}
    when: {when}
{extra}    then: {then}
    message: {{en: m, nl: m}}
    mitigation: {{en: m, nl: m}}
    source: judgement
"""


def pack(tmp_path, *rules, name="own.yaml"):
    """A pack file of rules given as dicts of RULE's fields."""
    text = "rules:\n" + "".join(RULE.format(**{"scope": "part", "extra": "",
                                              "then": "{effort: {engineering_h: 1}}", **r})
                                for r in rules)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(path, **kwargs):
    return [(p.line, p.code) for p in lint([path], **kwargs)]


@pytest.mark.parametrize("when, code", [
    ("part.materal", "E131"),                          # a bare field
    ("part.materal == 'pom'", "E131"),                 # one comparison
    ("part['materal'] == 'pom'", "E131"),              # the other spelling
    ("request.purpose == 'serie'", "W140"),            # a value that is no choice
    ("request.purpose in ['serie', 'pilot']", "W140"),
    ("not request.purpose == 'serie'", "W140"),        # nested, as before
])
def test_a_typo_is_found_when_the_whole_condition_is_one_test(tmp_path, when, code):
    path = pack(tmp_path, {"id": "OWN-001", "when": f'"{when}"'})
    assert codes(path) == [(6, code)]


def test_a_missing_mitigation_has_its_own_code_and_w150_keeps_missing_translations(tmp_path):
    path = tmp_path / "own.yaml"
    path.write_text(textwrap.dedent("""\
        rules:
          - id: OWN-001
            thread: design
            title: {en: Only English}
            scope: part
            when: part.material == 'pom'
            then: {effort: {engineering_h: 1}}
            message: {en: m, nl: m}
            source: judgement
        """), encoding="utf-8")
    found = {p.code: str(p) for p in lint([path])}
    assert set(found) == {"W150", "W152"}
    assert found["W150"].endswith("W150 OWN-001: title has no nl translation")
    assert found["W152"].endswith("W152 OWN-001: no mitigation in any language")
    assert CODES["W150"].name == "missing-translation" and CODES["W152"].name == "no-mitigation"


def test_a_source_per_language_lacking_one_is_a_missing_translation(tmp_path):
    """A source of one text is a citation (the same in every language): no warning. One
    given per language but not in every one lacks a translation, as a title would."""
    path = tmp_path / "own.yaml"
    rule = textwrap.dedent("""\
        rules:
          - id: OWN-001
            thread: design
            title: {en: Title, nl: Titel}
            scope: part
            when: part.material == 'pom'
            then: {effort: {engineering_h: 1}}
            message: {en: m, nl: m}
            mitigation: {en: m, nl: m}
            source: SOURCE
        """)
    for source, expected in (('"Werkinstructie WI-12"', set()),
                             ("{en: Shop standard, nl: Werknorm}", set()),
                             ("{nl: Werkinstructie WI-12}", {"W150"})):
        path.write_text(rule.replace("SOURCE", source), encoding="utf-8")
        found = {p.code: str(p) for p in lint([path])}
        assert set(found) == expected, (source, found)
    assert found["W150"].endswith("W150 OWN-001: source has no en translation")
    assert ":10:" in found["W150"]  # the source's line


def test_the_loader_and_lint_report_a_shared_check_with_one_message(tmp_path):
    path = pack(tmp_path, {"id": "OWN-001", "when": "part.material == 'pom'",
                           "extra": "    requires: [material_to_ordr]\n"})
    with pytest.raises(InputError) as raised:
        load_packs([path])
    problems = [p for p in lint([default_pack_dir(), path]) if p.code == "E132"]
    assert [p.message for p in problems] == [raised.value.message]
    assert "did you mean 'material_to_order'?" in raised.value.message
    assert str(raised.value).startswith(f"{path}:7: ")  # the flag's own line


def test_every_cycle_is_reported_and_a_candidate_rule_cannot_set_a_flag(tmp_path):
    loop = [{"id": "OWN-00" + str(i), "when": "part.material == 'pom'",
             "then": "{flag: f%d}" % i, "extra": "    requires: [f%d]\n" % ((i + 1) % 2)}
            for i in range(2)]
    other = [{"id": "OWN-01" + str(i), "when": "part.material == 'pom'",
              "then": "{flag: g%d}" % i, "extra": "    requires: [g%d]\n" % ((i + 1) % 2)}
             for i in range(2)]
    path = pack(tmp_path, *loop, *other,
                {"id": "OWN-020", "scope": "candidate", "when": "machine.rate_eur_h > 1",
                 "then": "{flag: f0}"})
    found = [p.code for p in lint([path])]
    assert found.count("E134") == 2 and found.count("E135") == 1


def test_every_rule_that_would_change_the_lead_time_it_reads_is_reported(tmp_path):
    path = pack(tmp_path,
                {"id": "OWN-001", "scope": "candidate", "when": "request.slack_days < 2"},
                {"id": "OWN-002", "when": "request.slack_days < 2",
                 "then": "{flag: tight, effort: {lead_time_days: 2}}"},
                {"id": "OWN-003", "scope": "candidate", "when": "machine.rate_eur_h > 1",
                 "extra": "    requires: [tight]\n"},
                {"id": "OWN-004", "when": "request.slack_days < 2"})  # may read it
    found = {p.message.split(":")[0]: p for p in lint([path], lang="nl") if p.code == "E136"}
    assert sorted(found) == ["regel OWN-001", "regel OWN-002", "regel OWN-003"]
    assert "leest tight (OWN-002)" in found["regel OWN-003"].message
    assert "kan dus geen wachttijd, werkvoorbereiding of meetwerk toevoegen" in found["regel OWN-002"].message


def test_messages_in_dutch_with_lang(tmp_path):
    path = pack(tmp_path, {"id": "OWN-001", "when": "request.purpose == 'serie'"},
                {"id": "OWN-001", "when": "part.materal"})
    messages = [p.message for p in lint([path], lang="nl")]
    assert "OWN-001: 'serie' is geen keuze van request.purpose (bedoelt u 'series'?): " \
        "deze vergelijking klopt nooit" in messages
    assert "OWN-001: when: part.materal is geen bekend veld (bedoelt u 'material'?)" in messages
    assert "regel-id OWN-001 komt twee keer voor (eerst op regelnummer 2)" in messages


def test_every_code_is_documented_by_its_module_and_listed():
    listing = reference()
    for module in CHECKS:
        doc = inspect.getdoc(module)
        for code, info in module.CODES.items():
            assert code in doc and info.name in doc, (module.__name__, code)
            assert f"| {code} | {info.name} |" in listing
    assert len(CODES) == sum(len(m.CODES) for m in CHECKS)  # no code in two modules


def test_rules_lint_speaks_dutch_with_lang():
    from conftest import ROOT, run_cli
    code, out, err = run_cli("rules", "lint", ROOT / "tests/data/broken-pack.yaml",
                             "--lang", "nl")
    assert code == 1
    assert "verplicht veld 'title' ontbreekt" in out
    assert re.search(r"\d+ fout(en)?, \d+ waarschuwing(en)?$", err.strip())
    assert "error" not in err.splitlines()[-1]


def test_check_refuses_a_pack_whose_condition_reads_no_known_field(tmp_path):
    """A provider's typo (part.tolerence_mm) left the rule unknown on every request and
    asked the customer a question the questionnaire does not have; now the Screener
    refuses the pack with the check lint makes (E131), file:line of the condition (as
    lint names it) and a did-you-mean."""
    from conftest import EQUIPMENT, REQUESTS, run_cli
    pack = tmp_path / "own"
    pack.mkdir()
    (pack / "own.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: OWN-001
            title: {en: Tight, nl: Nauw}
            thread: quality
            scope: part
            when: part.tolerence_mm < 0.01
            then: {effort: {inspection_h: 2}}
            message: {en: tight, nl: nauw}
            mitigation: {en: measure, nl: meten}
            source: engineering judgement
        """), encoding="utf-8")
    code, out, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--rules", pack)
    assert code == 1 and out == ""
    assert err == (f"Error: {pack / 'own.yaml'}:6: OWN-001: when: part.tolerence_mm is not "
                   "a known field (did you mean 'tolerance_mm'?)\n")
    problems = lint([pack], lang="nl")
    assert [p.code for p in problems] == ["E131"]
    assert "bedoelt u 'tolerance_mm'" in problems[0].message


@pytest.mark.parametrize("lang, advice", [
    ("en", "'own-001' is not a rule id (capitals and digits, a dash, then digits or "
           "capitals: OWN-001)"),
    ("nl", "'own-001' is geen regel-id (hoofdletters en cijfers, een streepje, dan cijfers "
           "of hoofdletters: OWN-001)")])
def test_a_malformed_value_is_told_the_form_its_field_wants(tmp_path, lang, advice):
    """A rule id in lowercase was told to use 'lowercase letters, digits, - _ .': one
    advice served every pattern.  Now each pattern of the shipped schemas names its form."""
    from conftest import run_cli
    path = tmp_path / "own.yaml"
    path.write_text(textwrap.dedent("""\
        rules:
          - id: own-001
            thread: quality
            title: {en: T, nl: T}
            scope: part
            when: "true"
            then: {effort: {lead_time_days: 1, waits_for: Lab}}
            message: {en: m, nl: m}
            mitigation: {en: m, nl: m}
            source: judgement
        """), encoding="utf-8")
    code, out, err = run_cli("rules", "lint", path, "--lang", lang)
    assert code == 1 and advice in out + err
    snake = "kleine letters, cijfers en _" if lang == "nl" else "lowercase letters, digits and _"
    assert f"'Lab' is {'geen geldig kenmerk' if lang == 'nl' else 'not a valid id'} ({snake})" \
        in out + err


def test_every_pattern_of_the_shipped_schemas_has_its_advice():
    import json
    from producibility import i18n
    from producibility.inputs.schema import PATTERN_FORMS
    from producibility.model.questionnaire import load_questionnaire
    from conftest import ROOT
    patterns = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern" and isinstance(value, str):
                    patterns.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for path in (ROOT / "producibility" / "schemas").glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    walk(load_questionnaire().request_schema)
    assert patterns - set(PATTERN_FORMS) == set()
    for lang in ("en", "nl"):
        assert set(PATTERN_FORMS.values()) <= set(i18n.texts("validate", lang)["forms"])


def test_a_misspelt_wait_is_a_warning(tmp_path):
    """waits_for 'materail' would count the material's wait twice (the chain's material
    step and the rule's own); a name of its own ('measuring_lab') is no typo."""
    from conftest import run_cli
    rule = textwrap.dedent("""\
          - id: {id}
            thread: quality
            title: {{en: T, nl: T}}
            scope: part
            when: "true"
            then: {{effort: {{lead_time_days: 4, waits_for: {name}}}}}
            message: {{en: m, nl: m}}
            mitigation: {{en: m, nl: m}}
            source: judgement
        """)
    path = tmp_path / "own.yaml"
    path.write_text("rules:\n" + rule.format(id="OWN-001", name="materail")
                    + rule.format(id="OWN-002", name="measuring_lab")
                    # a word of its own, not a typo of 'welding' (W161 suggested it)
                    + rule.format(id="OWN-003", name="annealing"), encoding="utf-8")
    code, out, err = run_cli("rules", "lint", path, "--strict")
    assert code == 1
    lines = [line for line in (out + err).splitlines() if "W161" in line]
    assert len(lines) == 1 and "OWN-001" in lines[0] and "did you mean 'material'?" in lines[0]
    assert lines[0].startswith(f"{path}:7:")  # the line of waits_for


def test_days_on_top_of_a_surface_treatment_are_a_warning(tmp_path):
    """W162: a rule that tests part.surface_treatment and adds lead_time_days without
    waits_for counts the treatment's time on top of the chain's own treatment step. Not
    with waits_for (treatment, or a wait of its own), nor for a rule on something else,
    nor for the default pack."""
    rule = textwrap.dedent("""\
          - id: {id}
            thread: quality
            title: {{en: T, nl: T}}
            scope: part
            when: "{when}"
            then: {{effort: {{{effort}}}}}
            message: {{en: m, nl: m}}
            mitigation: {{en: m, nl: m}}
            source: judgement
        """)
    path = tmp_path / "own.yaml"
    path.write_text("rules:\n" + "".join(rule.format(id=i, when=w, effort=e) for i, w, e in (
        ("OWN-001", "'passivation' in part.surface_treatment", "lead_time_days: 5"),
        ("OWN-002", "'passivation' in part.surface_treatment",
         "lead_time_days: 5, waits_for: treatment"),
        ("OWN-003", "part.surface_treatment | length > 0",
         "lead_time_days: 2, waits_for: salt_spray_test"),
        ("OWN-004", "part.surface_treatment | length > 0", "engineering_h: 1"),
        ("OWN-005", "'welding' in part.processes", "lead_time_days: 3"),
        # the words alone, in a string: the rule reads no treatment
        ("OWN-006", "part.material == 'surface_treatment'", "lead_time_days: 3"))),
        encoding="utf-8")
    found = [p for p in lint([path]) if p.code == "W162"]
    assert [p.message.split(":")[0] for p in found] == ["OWN-001"]
    assert found[0].line == 7  # the line of lead_time_days
    assert not [p for p in lint([default_pack_dir()]) if p.code == "W162"]


@pytest.mark.parametrize("written, meant", [
    ("procesbeheersing", "process_capability"), ("Kwaliteitsmanagement", "quality"),
    ("process capability", "process_capability"), ("IE & geheimhouding", "ip_confidentiality")])
def test_a_thread_written_as_the_reports_name_it_gets_a_did_you_mean(tmp_path, written, meant):
    """thread: procesbeheersing (as the Dutch report prints it) gave the full English list
    but no hint; now E114 points to the thread's id, in either language."""
    path = tmp_path / "own.yaml"
    path.write_text(textwrap.dedent(f"""\
        rules:
          - id: OWN-001
            thread: "{written}"
            title: {{en: T, nl: T}}
            scope: part
            when: "true"
            then: {{effort: {{engineering_h: 1}}}}
            message: {{en: m, nl: m}}
            mitigation: {{en: m, nl: m}}
            source: judgement
        """), encoding="utf-8")
    for lang, says in (("en", f"(did you mean '{meant}'?)"), ("nl", f"(bedoelt u '{meant}'?)")):
        found = [p for p in lint([path], lang=lang) if p.code == "E114"]
        assert len(found) == 1 and found[0].message.count(says) == 1, found


def test_the_condition_languages_own_errors_read_in_dutch(tmp_path):
    """A Dutch lint read 'regel MORE-1: when: unknown name 'machine' (known here: …)' and
    'syntax error: unexpected ',' (a decimal comma in 0,05? write 0.05)'."""
    from conftest import run_cli
    pack = tmp_path / "own.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: {id: own, version: 1.0.0}
        rules:
          - id: OWN-001
            thread: design
            title: {en: A, nl: A}
            scope: part
            when: machine.rate_eur_h > 1
            then: {risk: {likelihood: 2, consequence: 2}}
            message: {en: "a {{ part.id }", nl: "a"}
            mitigation: {en: M., nl: M.}
          - id: OWN-002
            thread: design
            title: {en: B, nl: B}
            scope: part
            when: part.tolerance_mm < 0,05
            then: {risk: {likelihood: 2, consequence: 2}}
            message: {en: "b", nl: "b"}
            mitigation: {en: M., nl: M.}
        """), encoding="utf-8")
    code, out, err = run_cli("rules", "lint", pack, "--lang", "nl")
    said = out + err
    assert code != 0
    assert "when: onbekende naam 'machine' (hier bekend: request, part, provider)" in said
    assert "when: syntaxfout: onverwacht ',' (een decimale komma in 0,05? schrijf 0.05)" in said
    assert "syntaxfout in de tekst:" in said
    assert "unknown name" not in said and "syntax error" not in said
    assert "unexpected" not in said  # Jinja2's own few words too
    code, out, err = run_cli("rules", "lint", pack, "--lang", "en")
    assert "when: unknown name 'machine' (known here: request, part, provider)" in out + err


def test_a_pack_files_yaml_problem_is_linted_in_dutch(tmp_path):
    """E100 printed PyYAML's English ('mapping values are not allowed in this context')
    in a Dutch lint, and its hint (a colon in a text) misled where a key was indented one
    space too far."""
    from conftest import run_cli
    pack = tmp_path / "own.yaml"
    pack.write_text("pack: {id: own, version: 1.0.0}\nrules:\n  - id: OWN-001\n"
                    "    scope: part\n     when: part.pieces > 1\n", encoding="utf-8")
    code, out, err = run_cli("rules", "lint", pack, "--lang", "nl")
    assert code != 0
    assert "own.yaml:5:10: E100 'when:' staat verder ingesprongen dan 'scope:' op de regel " \
        "erboven: lijn hem daarmee uit" in out + err


@pytest.mark.parametrize("text, at", [
    ("disable: [DFM-006]\n", "disable: DFM-006 removes the rule that sets flag 'edm_needed'"),
    # the same rule, overridden without its flag (as a provider tuning its scores)
    ("rules:\n  - id: DFM-006\n    override: true\n    thread: design\n    title: t\n"
     "    scope: part\n    when: 'part.min_inside_radius_mm < 0.25'\n"
     "    then: {risk: {likelihood: 3, consequence: 3}}\n    message: m\n",
     "the override of DFM-006 no longer sets flag 'edm_needed'"),
])
def test_taking_away_the_setter_of_a_flag_another_rule_reads_is_refused(tmp_path, text, at):
    """Disabling DFM-006, or overriding it without its flag, left TEC-006 (requires:
    [edm_needed], +10 days, EDM bought in) unable to ever fire: lint said 0 errors and
    check dropped 10 days of lead time without a word.  Now both refuse it (E137), at
    the disable or override, naming the flag and the rule that reads it."""
    from conftest import EQUIPMENT, REQUESTS, run_cli
    path = tmp_path / "own.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_packs([path])
    assert str(raised.value).startswith(f"{path}:")
    assert at in str(raised.value) and "TEC-006 (" in str(raised.value)
    assert "requires it, so it could never fire; disable TEC-006 too" in str(raised.value)
    problems = [p for p in lint([default_pack_dir(), path]) if p.is_error]
    assert [(p.path, p.code) for p in problems] == [(str(path), "E137")]
    assert problems[0].message == raised.value.message
    code, out, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--rules", path,
                             "--lang", "nl")
    assert code == 1 and out == ""
    assert err.startswith(f"Fout: {path}:") and "TEC-006 ook onder disable" in err
    # disabling the rule that reads the flag as well is what the author meant: fine
    path.write_text(text.replace("[DFM-006]", "[DFM-006, TEC-006]")
                    if text.startswith("disable") else text + "disable: [TEC-006]\n",
                    encoding="utf-8")
    load_packs([path])
    assert not [p for p in lint([default_pack_dir(), path]) if p.is_error]


@pytest.mark.parametrize("entry, text, says", [
    ("customer", '{en: "{{ part.id  advice", nl: "{{ part.id }} advies"}',
     "OWN-001: customer (en): syntax error in message: expected token "
     "'end of print statement', got 'advice'"),
    ("customer", '{en: "{{ part.id }}", nl: "{% if true %}x{% endif %}"}',
     "OWN-001: customer (nl): messages take {{ ... }} values only, no {% ... %} blocks"),
    ("message", '"{{ part.id "',
     "OWN-001: message (en): syntax error in message: unexpected end of template"),
    ("message", '"{{ machine.name }}"', "OWN-001: message (en): unknown name 'machine'"),
])
def test_a_pack_whose_message_does_not_compile_is_refused(tmp_path, entry, text, says):
    """A broken customer wording passed check (lint said E133) and reached the Dutch
    offer as '{{ part.id [syntax error in message: ...]' in English.  Now the loader
    refuses the pack with lint's line, every time (also when the pack's record of parsed
    messages is read the second time)."""
    from conftest import EQUIPMENT, REQUESTS, run_cli
    extra = f"    {entry}: {text}\n" if entry == "customer" else ""
    path = pack(tmp_path, {"id": "OWN-001", "when": "'true'", "extra": extra})
    if entry == "message":
        path.write_text(path.read_text().replace("message: {en: m, nl: m}",
                                                 f"message: {text}"), encoding="utf-8")
    line = next(i for i, l in enumerate(path.read_text().splitlines(), 1)
                if l.strip().startswith(entry + ":"))
    for _ in range(2):
        with pytest.raises(InputError) as raised:
            load_packs([path])
        assert str(raised.value).startswith(f"{path}:{line}: {says}")
    [problem] = [p for p in lint([path]) if p.code == "E133"]
    assert problem.message == raised.value.message
    code, out, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--rules", path,
                             "--audience", "customer", "--lang", "nl")
    assert code == 1 and out == "" and err.startswith(f"Fout: {path}:{line}: OWN-001: ")


def test_a_limit_a_rule_hits_on_the_requests_numbers_is_told_in_the_reports_language(tmp_path):
    """A rule error read 'number too large' in English inside a Dutch report."""
    import json
    from conftest import EQUIPMENT, REQUESTS, run_cli
    path = pack(tmp_path, {"id": "OWN-001", "when": '"(part.pieces + 10) ** 40 > 1"'})
    assert not [p for p in lint([path]) if p.is_error]  # it depends on the request
    code, out, err = run_cli("check", REQUESTS[0], "--equipment", EQUIPMENT, "--rules", path,
                             "--lang", "nl", "--format", "json")
    assert code == 0, err
    [finding] = [f for f in json.loads(out)["findings"] if f["rule"] == "OWN-001"]
    assert finding["kind"] == "engine_error"
    assert finding["message"] == ("Regel OWN-001 kon niet worden geëvalueerd: getal te groot "
                                  "(meer dan 10^30)")


@pytest.mark.parametrize("when, says", [
    ("part.min_wall_mm < 10 ** 10 ** 10", "number too large (more than 10^30), whatever the "
                                          "request says"),
    ("part.min_wall_mm < 10 ** 400", "exponent larger than 64, whatever the request says"),
    ("part.min_wall_mm < 1e400", "a number written too large: it would be infinite"),
])
def test_a_condition_that_hits_a_limit_on_its_constants_alone_is_refused(tmp_path, when, says):
    """10 ** 400 passed lint; check made it a rule error on every request (CONDITIONAL);
    1e400 was infinity and the rule fired.  Now lint (E130) and the loader refuse them."""
    path = pack(tmp_path, {"id": "OWN-001", "when": f'"{when}"'})
    assert [(p.line, p.code, p.message) for p in lint([path]) if p.is_error] == \
        [(6, "E130", f"rule OWN-001: when: {says}")]
    with pytest.raises(InputError, match="when: " + says.replace("(", r"\(")
                       .replace(")", r"\)").replace("^", r"\^")):
        load_packs([path])


def test_a_flag_cycle_is_linted_in_dutch(tmp_path):
    """E134 stayed English under --lang nl while check worded it in Dutch."""
    loop = [{"id": "OWN-00" + str(i), "when": "part.material == 'pom'",
             "then": "{flag: f%d}" % i, "extra": "    requires: [f%d]\n" % ((i + 1) % 2)}
            for i in range(2)]
    path = pack(tmp_path, *loop)
    [problem] = [p for p in lint([path], lang="nl") if p.code == "E134"]
    assert "zijn vlaggen hangen via requires/unless van zichzelf af" in problem.message


@pytest.mark.parametrize("text", ["", "# our rules, to come\n"])
def test_an_empty_pack_file_is_refused(tmp_path, text):
    """A pack file saved empty by mistake loaded as a pack of nothing."""
    path = tmp_path / "own.yaml"
    path.write_text(text, encoding="utf-8")
    assert [(p.line, p.code) for p in lint([path])] == [(1, "E112")]
    with pytest.raises(InputError, match=f"^{re.escape(str(path))}:1: the file is empty"):
        load_packs([path])


MATERIAL = """\
materials:
  - id: aluminium_7020
    name: {{en: aluminium EN AW-7020, nl: aluminium EN AW-7020}}
    family: {family}
    density_kg_m3: 2780
    price: {{eur_kg: 9, source: test, date: 2025-11}}
    speed_factor: 2.0
    lead_time_days: 10
"""


@pytest.mark.parametrize("family, warned", [("aluminum", True), ("aluminium", False),
                                            ("hardmetal", False)])
def test_a_misspelt_material_family_is_a_warning(tmp_path, family, warned):
    """'family: aluminum' passed lint and check, and the report told the customer that
    anodising is 'for aluminium, not for aluminium EN AW-7020'.  A family of the shop's
    own that is like none known is no warning."""
    path = tmp_path / "own.yaml"
    path.write_text(MATERIAL.format(family=family), encoding="utf-8")
    found = [p for p in lint([path]) if p.code == "W126"]
    assert bool(found) == warned, found
    if warned:
        assert "did you mean 'aluminium'?" in found[0].message and found[0].line == 2


def test_cam_hours_for_a_process_the_catalogue_does_not_know_are_a_warning(tmp_path):
    """'cam_h: {milling_3_axis: 2}' passed lint, and the quote priced the table's default:
    the shop's 2 h were lost."""
    path = tmp_path / "own.yaml"
    path.write_text("settings:\n  costing:\n    cam_h: {milling_3_axis: 2, turning: 1,"
                    " default: 0.5}\n", encoding="utf-8")
    found = [p for p in lint([path]) if p.code == "W127"]
    assert len(found) == 1 and found[0].line == 3
    assert "'milling_3_axis'" in found[0].message and "'milling_3axis'" in found[0].message


def test_a_certification_no_shop_can_hold_is_a_warning(tmp_path):
    """ENX-002 tested 'en_1090_3' not in provider.certifications while the catalogue had no
    such id: the equipment check refused it, so the test held for every shop.  Lint says
    so, with a did-you-mean; an id a shop can hold is no warning."""
    path = pack(tmp_path, {"id": "OWN-001", "scope": "provider",
                           "when": "\"'en_1090_alu' not in provider.certifications"
                                   " and 'en_1090_exc3' not in provider.certifications\""})
    found = [p for p in lint([path]) if p.code == "W142"]
    assert len(found) == 1 and found[0].line == 6, found
    assert "'en_1090_alu'" in found[0].message and "did you mean 'en_1090_3'?" in \
        found[0].message
    assert not [p for p in lint([default_pack_dir()]) if p.code == "W142"]


def test_check_lists_a_packs_errors_in_file_and_line_order():
    """`check` listed a pack's errors in the order its checks found them: the rule that
    does not compile (line 20) before the flag no rule sets (line 12). Now file and
    line order, the order `rules lint` lists the same two in."""
    from conftest import EQUIPMENT, EXAMPLES, ROOT, run_cli
    broken = ROOT / "tests/data/errors-reverse-pack.yaml"
    code, out, err = run_cli("check", EXAMPLES / "requests/bracket-series.yaml", "--equipment",
                             EQUIPMENT, "--rules", broken)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("Error:")]
    assert [re.search(r":(\d+): ", line).group(1) for line in lines] == ["12", "20"], err
    linted = [p.line for p in lint([broken]) if p.code.startswith("E")]
    assert linted == [12, 20]


def test_an_index_a_fixed_length_answer_does_not_have_is_W144(tmp_path):
    """part.size_mm[5] passed lint and never fired: a bounding box has three values.
    Now W144 at the condition, in either language; [2] and [-1] are fine."""
    path = pack(tmp_path, {"id": "OWN-001", "when": '"part.size_mm[5] > 10"'},
                {"id": "OWN-002", "when": '"part.size_mm[2] > 10 and part.size_mm[-1] < 500"'},
                {"id": "OWN-003", "when": '"part[\'size_mm\'][-4] > 10"'})
    found = [(p.line, p.code) for p in lint([path]) if p.code == "W144"]
    assert found == [(6, "W144"), (24, "W144")]
    message = next(p.message for p in lint([path]) if p.code == "W144")
    assert "part.size_mm always has 3 values, [0] to [2]: [5] is never there" in message
    dutch = next(p.message for p in lint([path], lang="nl") if p.code == "W144")
    assert "part.size_mm heeft altijd 3 waarden" in dutch


def test_a_question_rule_without_customer_wording_is_a_warning(tmp_path):
    """A question rule (then: question: true) is asked in the offer; without customer
    wording the offer asked it by its title ("Dit willen wij eerst met u afstemmen:
    <title>"), an engineer's words in a letter to a buyer. W153 says so, at its then:;
    customer: false (kept out of the offer) and customer wording are no warning, nor is
    a rule that asks nothing."""
    path = pack(tmp_path,
                {"id": "OWN-001", "when": "part.material == 'pom'", "then": "{question: true}"},
                {"id": "OWN-002", "when": "part.material == 'pom'", "then": "{question: true}",
                 "extra": "    customer: false\n"},
                {"id": "OWN-003", "when": "part.material == 'pom'", "then": "{question: true}",
                 "extra": "    customer: {en: May we?, nl: Mag het?}\n"},
                {"id": "OWN-004", "when": "part.material == 'pom'"})
    found = [p for p in lint([path]) if p.code == "W153"]
    assert [(p.line, str(p).split(": ", 1)[1]) for p in found] == [
        (7, "W153 OWN-001: a question (then: question: true) without customer wording: the "
            "offer would ask it by its title; write customer: {en: ..., nl: ...} as you "
            "would ask the customer, or customer: false to keep it out of the offer")]
    assert CODES["W153"].name == "no-customer-wording"
    nl = [str(p) for p in lint([path], lang="nl") if p.code == "W153"]
    assert nl and "zonder customer-tekst" in nl[0]


def test_a_blocker_of_the_whole_request_without_customer_wording_is_a_warning(tmp_path):
    """A shop's own blocker of the whole request is the offer's reason why we cannot take
    the order as asked; without customer wording the offer gave it by its title. W153
    says so; a part's blocker (the offer says which part we cannot make, in its own
    words) and a blocker with customer: false or customer wording are no warning."""
    path = pack(tmp_path,
                {"id": "OWN-001", "scope": "request", "when": "request.quantity > 5000",
                 "then": "{blocker: true}"},
                {"id": "OWN-002", "scope": "request", "when": "request.quantity > 5000",
                 "then": "{blocker: true}", "extra": "    customer: false\n"},
                {"id": "OWN-003", "scope": "request", "when": "request.quantity > 5000",
                 "then": "{blocker: true}",
                 "extra": "    customer: {en: We make up to 5000., nl: Wij maken er tot 5000.}\n"},
                {"id": "OWN-004", "when": "part.material == 'pom'", "then": "{blocker: true}"})
    found = [p for p in lint([path]) if p.code == "W153"]
    assert [str(p).split(": ", 1)[1] for p in found] == [
        "W153 OWN-001: a blocker of the whole request (then: blocker: true) without customer "
        "wording: the offer would give it by its title as why we cannot take the order; "
        "write customer: {en: ..., nl: ...} as you would tell the customer, or customer: "
        "false to keep it out of the offer"]
    nl = [str(p) for p in lint([path], lang="nl") if p.code == "W153"]
    assert nl and "blokkade van de hele aanvraag" in nl[0]


def test_every_question_of_the_default_pack_has_customer_wording():
    """The default pack's question rules (CST-003, DES-006, DFM-012, DFM-015, ENX-002,
    ENX-007, CON-001, CON-003, SHR-002, MAT-013, PRC-004, QUA-014, SEC-001, SEC-003 to
    SEC-006) reached the offer by their titles; each now asks in the customer's words,
    in both languages."""
    assert [str(p) for p in lint([default_pack_dir()]) if p.code in ("W153", "W150")] == []
    import yaml
    asked = {}
    for path in sorted(default_pack_dir().glob("*.yaml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules") or ():
            if (rule.get("then") or {}).get("question") is True:
                asked[rule["id"]] = rule.get("customer")
    assert len(asked) >= 20
    assert [rid for rid, words in asked.items()
            if not (isinstance(words, dict) and words.get("en") and words.get("nl"))] == []
