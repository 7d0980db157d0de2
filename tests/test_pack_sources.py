"""Every number in the shipped rule pack says where it comes from.

A quality engineer signing a report off (ISO 9001 7.5) reads a finding's source to see
why it scores likelihood 3 and consequence 4, or quotes 2 h: a rule's source must say
so in both languages, naming each of its numbers, as the pack author's judgement
("Judgement: ..." / "Inschatting: ...") unless a named public document gives them. A
citation an auditor cannot look up ("Seed report 001") is no source.
"""

import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import run_cli  # noqa: E402

from producibility.model.pack import load_packs

ROOT = Path(__file__).resolve().parents[1]

HOURS = ("engineering_h", "inspection_h", "setup_h", "cam_h", "design_h")

# Rules whose risk, hours and days all come from the document their source cites, not
# from the pack author's judgement: such a source need not say "Judgement:". Each entry
# with its reason. (None yet: every shipped rule's scores are judgement.)
NUMBERS_FROM_DOCUMENT = {
}


def _numbers(rule):
    """[(what, value)] of the rule's scores, effort hours and wait days."""
    then = rule.then
    found = []
    if then.get("risk"):
        found += [("likelihood", then["risk"]["likelihood"]),
                  ("consequence", then["risk"]["consequence"])]
    effort = then.get("effort") or {}
    found += [(key, effort[key]) for key in HOURS if key in effort]
    if "lead_time_days" in effort:
        found.append(("lead_time_days", effort["lead_time_days"]))
    return found


def _figure(value, lang):
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def _named(what, value, text, lang):
    """Whether ``text`` names this number as a reader looks for it: "likelihood 3",
    "2 h" or "0,5 uur", "10 working days" or "10 werkdagen"."""
    figure = re.escape(_figure(value, lang))
    before = r"(?<![\d.,])"
    if what in ("likelihood", "consequence"):
        word = {"likelihood": {"en": "likelihood", "nl": "kans"},
                "consequence": {"en": "consequence", "nl": "gevolg"}}[what][lang]
        pattern = rf"\b{word} {figure}\b"
    elif what == "lead_time_days":
        pattern = before + figure + (r" working days?\b" if lang == "en" else r" werkdag(en)?\b")
    else:
        pattern = before + figure + (r" h\b" if lang == "en" else r" uur\b")
    return re.search(pattern, text, re.IGNORECASE) is not None


SHIPPED = load_packs()
NUMBERED = [rule for rule in SHIPPED.rules if _numbers(rule)]


def test_the_shipped_pack_has_rules_with_numbers():
    assert len(NUMBERED) > 100


def test_the_allow_list_names_shipped_rules_with_numbers():
    ids = {rule.id for rule in NUMBERED}
    assert set(NUMBERS_FROM_DOCUMENT) <= ids


@pytest.mark.parametrize("rule", NUMBERED, ids=lambda rule: rule.id)
def test_a_rule_with_numbers_says_where_each_comes_from(rule):
    source = rule.source
    assert source.get("en") and source.get("nl"), f"{rule.id}: no source in both languages"
    assert source["en"] != source["nl"], f"{rule.id}: one source text for both languages"
    if rule.id in NUMBERS_FROM_DOCUMENT:
        return
    assert "Judgement:" in source["en"], f"{rule.id}: the English source says no 'Judgement:'"
    assert "Inschatting:" in source["nl"], f"{rule.id}: the Dutch source says no 'Inschatting:'"
    for lang in ("en", "nl"):
        missing = [f"{what} {value:g}" for what, value in _numbers(rule)
                   if not _named(what, value, source[lang], lang)]
        assert not missing, f"{rule.id} ({lang}): the source does not name {missing}"


CITED_AS_SEED = re.compile(r"seed report|bronrapport|seeds/0", re.IGNORECASE)


def _user_visible_files():
    """The texts a user reads: the shipped rules, locales, templates, questionnaires,
    the docs and the README (code comments are not among them)."""
    yield from sorted((ROOT / "rules").glob("*.yaml"))
    yield from sorted((ROOT / "producibility" / "i18n").glob("*/*.yaml"))
    yield from sorted((ROOT / "producibility" / "templates").glob("*.j2"))
    yield from sorted((ROOT / "questionnaires").glob("*.yaml"))
    yield from sorted((ROOT / "docs").glob("*.md"))
    yield ROOT / "README.md"


def test_no_text_cites_the_seed_report():
    found = [f"{path.relative_to(ROOT)}:{n}" for path in _user_visible_files()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if CITED_AS_SEED.search(line)]
    assert not found, "cites 'Seed report'/'Bronrapport' instead of the named report: " \
        + ", ".join(found)


def test_the_faas_report_is_cited_by_its_publisher_and_title():
    cited = [rule for rule in SHIPPED.rules
             if "Factory-as-a-Service" in (rule.source.get("en") or "")]
    assert len(cited) >= 20
    for rule in cited:
        assert "De Haagse Hogeschool, lectoraat Smart Sustainable Manufacturing" in \
            rule.source["en"], rule.id
        assert "De Haagse Hogeschool, lectoraat Smart Sustainable Manufacturing" in \
            rule.source["nl"], rule.id


@pytest.mark.parametrize("lang, says", [
    ("en", ["DoD Risk, Issue, and Opportunity Management Guide", "(2017)",
            "engineering judgement"]),
    ("nl", ["DoD", "Risk, Issue, and Opportunity Management Guide", "(2017)",
            "technische inschatting"]),
])
def test_rules_show_states_the_basis_of_the_risk_scores(lang, says):
    code, out, err = run_cli("rules", "show", "--format", "md", "--lang", lang)
    assert code == 0, err
    head = out.split("\n## ", 1)[0]  # the title and what stands under it
    for words in says:
        assert words in head, (words, head)


def test_iso_13920_is_cited_as_one_edition():
    """DES-006 cited the 1996 edition, PRC-009 the 2023 one: one edition is relied on,
    the one it replaced may be named as replaced."""
    relied_on = {edition for rule in SHIPPED.rules for text in rule.source.values()
                 for edition in re.findall(r"(?<!replaced )(?<!vervangt )ISO 13920:(\d{4})",
                                           text)}
    assert relied_on == {"2023"}, relied_on


def test_weld_level_b_claims_only_acceptance_levels():
    """EN ISO 5817 sets the acceptance levels for imperfections, not how much is tested:
    QUA-013 may not say level B asks for full inspection and crack testing."""
    written = yaml.safe_load((ROOT / "rules" / "quality.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in written["rules"] if r["id"] == "QUA-013")
    for lang in ("en", "nl"):
        for field in ("message", "mitigation", "source"):
            assert "EN 1090-2" in rule[field][lang], (field, lang)
        assert "Judgement:" in rule["source"]["en"] and "Inschatting:" in rule["source"]["nl"]
    assert "full visual inspection and surface crack testing" not in rule["message"]["en"]
    assert "volledig visueel onderzoek en oppervlaktescheuronderzoek" not in \
        rule["message"]["nl"]
