"""'None' is an answer (REVIEW23: buyer findings 8 and 15, turning-shop findings 9 and 10).

The form and the questionnaire said "Laat leeg als het onderdeel geen gaten heeft";
left empty, the holes and the thread became the offer's top questions, the price
indicative and the lead time "up to +10 working days" for gun drilling, and no answer
ended it ('geen' is geen getal, 0 below the minimum).  A question the questionnaire
marks ``none:`` now takes "geen" as an answer: answered, and the feature not there, so
a rule reading it is decided.  Also: a 0.7 g turned pin can give its weight, and is not
asked it by "heavy part needs lifting gear".
"""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import EQUIPMENT, EXAMPLES, run_cli
from producibility import Screener, load_equipment, load_packs
from producibility.cli.intake import ask

DATA = Path(__file__).parent / "data" / "none"
HOLES = {"min_hole_diameter_mm", "max_hole_depth_mm", "min_thread_mm", "max_thread_depth_mm"}
PIN = EXAMPLES / "precision-shop" / "requests" / "swiss-pins-303.yaml"
SHOP = EXAMPLES / "precision-shop"
PIN_EQUIPMENT = SHOP / "equipment.yaml"


def pin_file(tmp_path, **changes):
    """The example Swiss-type pin with its part's answers changed (None: left out)."""
    request = yaml.safe_load(PIN.read_text(encoding="utf-8"))
    part = request["parts"][0]
    for field, value in changes.items():
        if value is None:
            part.pop(field, None)
        else:
            part[field] = value
    path = tmp_path / "pin.yaml"
    path.write_text(yaml.safe_dump(request, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("answer", ["geen", "nvt", "n.v.t.", "none", "n/a", "Geen schroefdraad",
                                    "no thread"])
def test_no_thread_is_an_answer(tmp_path, answer):
    path = pin_file(tmp_path, min_thread_mm=answer)
    code, out, err = run_cli("validate", path, "--lang", "nl")
    assert code == 0, out + err
    assert "min_thread_mm" not in out


def test_a_zero_for_no_thread_says_what_to_write(tmp_path):
    """0 was "moet >= 0.3 zijn, niet 0": the customer did not learn what to write."""
    code, out, _ = run_cli("validate", pin_file(tmp_path, min_thread_mm=0), "--lang", "nl")
    assert code == 1
    assert "min_thread_mm: Moet minstens 0,3 mm zijn. Geen schroefdraad? Vul 'geen' in" in out
    code, out, _ = run_cli("validate", pin_file(tmp_path, min_thread_mm="geen idee"))
    assert code == 1 and "'geen idee' is not a number" in out  # not read as "none"


def test_none_is_only_an_answer_where_the_questionnaire_says_so(tmp_path):
    code, out, _ = run_cli("validate", pin_file(tmp_path, min_wall_mm="geen"), "--lang", "nl")
    assert code == 1 and "'geen' is geen getal" in out


def test_a_part_without_holes_or_thread_is_not_asked_about_them():
    """The buyer's form request (REVIEW23 buyer 8): a plain bush and a bent cover with the
    holes and thread left empty got them as the offer's three questions; answered
    "geen" (as the form's new box saves it), none of them is asked."""
    code, out, err = run_cli("check", DATA / "form-request.yaml", "--equipment", EQUIPMENT,
                             "--format", "json")
    assert code == 0, err
    asked = {q["field"] for q in json.loads(out)["open_questions"]}
    assert {"min_hole_diameter_mm", "min_thread_mm"} <= asked   # left empty: open
    code, out, err = run_cli("check", DATA / "bush-no-holes.yaml", "--equipment", EQUIPMENT,
                             "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert not {q["field"] for q in report["open_questions"]} & HOLES
    code, offer, err = run_cli("check", DATA / "bush-no-holes.yaml", "--equipment", EQUIPMENT,
                               "--audience", "customer", "--lang", "nl")
    assert code == 0, err
    asked = offer.split("Wat wij van u nodig hebben")[1]
    assert "gatdiameter" not in asked and "schroefdraad" not in asked and "gat " not in asked


def test_the_api_reads_none_and_the_rules_are_decided():
    """A turned pin without holes: the deep-hole rules (TEC-007: up to +10 working days
    for gun drilling) were unknown, so the lead time read "up to 31 with TEC-007"."""
    screener = Screener(load_equipment(PIN_EQUIPMENT), load_packs([SHOP / "rules"]))
    request = yaml.safe_load(PIN.read_text(encoding="utf-8"))
    part = request["parts"][0]
    for field in ("min_hole_diameter_mm", "max_hole_depth_mm", "min_thread_mm"):
        part.pop(field, None)
    open_report = screener.check(request, probe=False).to_dict()
    assert "min_thread_mm" in {q["field"] for q in open_report["open_questions"]}
    part.update(min_hole_diameter_mm="geen", min_thread_mm="none")
    report = screener.check(request, probe=False).to_dict()
    assert not {q["field"] for q in report["open_questions"]} & HOLES
    for rules in (q["rules"] for q in report["open_questions"]):
        assert not {"TEC-007", "DFM-008", "DFM-019", "DFM-020"} & set(rules)
    # the request as read says "none": JSON, and the caller's dict is not changed
    assert part["min_thread_mm"] == "none"
    assert json.dumps(report["request"])


def test_the_condition_language_decides_a_none_answer():
    """README, "How rules are evaluated": answered "none" is answered and absent."""
    from producibility.conditions.expressions import (ABSENT, UNKNOWN, compile_condition,
                                                      evaluate)
    part = {"part": {"min_thread_mm": ABSENT, "min_hole_diameter_mm": ABSENT,
                     "material": "stainless_304", "thickness_mm": 3}}

    def judge(source):
        return evaluate(compile_condition(source), part)

    assert judge("part.min_thread_mm < 3") is False
    assert judge("part.min_thread_mm >= 3") is False
    assert judge("part.min_thread_mm is defined") is False
    assert judge("part.min_thread_mm is not defined") is True
    assert judge("part.min_thread_mm is none") is True
    assert judge("not part.min_thread_mm") is True
    assert judge("part.max_thread_depth_mm > 3 * part.min_thread_mm") is False  # unknown > none
    assert judge("part.max_hole_depth_mm > 4 * part.min_hole_diameter_mm") is False
    assert judge("part.min_hole_diameter_mm < part.thickness_mm") is False
    assert judge("part.min_thread_mm == part.max_hole_depth_mm") is UNKNOWN
    assert judge("part.min_thread_mm | default(5) > 4") is True
    assert judge("part.min_thread_mm in [1, 2]") is False
    assert judge("part.max_thread_depth_mm < 3") is UNKNOWN  # an empty answer stays open


def test_ask_offers_none_and_saves_it(tmp_path):
    enquiry = tmp_path / "aanvraag.yaml"
    shutil.copy(DATA / "form-request.yaml", enquiry)
    result = CliRunner().invoke(ask, ["--only-open", str(enquiry), "--equipment",
                                      str(EQUIPMENT), "--lang", "nl"], input="geen\ngeen\ngeen\n")
    assert result.exit_code == 0, result.output
    assert "Kleinste gatdiameter (0,1–1000 mm, geen = geen gaten): " in result.output
    assert "(0,3–200 mm, geen = geen schroefdraad)" in result.output
    saved = yaml.safe_load(enquiry.read_text(encoding="utf-8"))
    assert saved["parts"][0]["min_hole_diameter_mm"] == "none"
    assert saved["parts"][0]["min_thread_mm"] == "none"
    code, out, _ = run_cli("validate", enquiry)
    assert code == 0, out


def test_the_paper_form_says_geen_instead_of_leave_empty():
    code, page, err = run_cli("questionnaire", "export", "--format", "md", "--lang", "nl")
    assert code == 0, err
    assert "Laat leeg als het onderdeel geen gaten heeft" not in page
    assert "Vul 'geen' in als het onderdeel geen gaten heeft" in page
    assert "☐ geen schroefdraad" in page
    assert "part.tolerance_mm" not in page and "is defined" not in page
    assert "9.16 kleiner is dan 0,05" in page  # (9.12 before the drawing number and revision)


# ---- the weight of a small turned part (REVIEW23 turning 10)

def test_a_small_turned_part_gives_its_weight_and_the_error_says_the_unit(tmp_path):
    """1 g was the minimum (a 0.7 g pin was refused), and "weight_kg must be >= 0.001,
    got 0.0006" named no unit."""
    code, out, err = run_cli("validate", pin_file(tmp_path, weight_kg="0.7 g"))
    assert code == 0, out + err
    code, out, err = run_cli("validate", pin_file(tmp_path, weight_kg=0.0007))
    assert code == 0, out + err
    code, out, _ = run_cli("validate", pin_file(tmp_path, weight_kg=0.0000005))
    assert code == 1 and "weight_kg must be >= 0.000001 kg, got 0.0000005 kg" in out
    code, out, _ = run_cli("validate", pin_file(tmp_path, weight_kg="0.0005 g"))
    assert code == 1 and "weight_kg: Must be at least 0.000001 kg" in out


def test_a_pin_is_not_asked_its_weight_for_lifting_gear(tmp_path, monkeypatch):
    """FAC-004 (> 23 kg needs lifting gear) asked a Ø6 x 28 pin its weight: the stock it
    is turned from bounds it. A heavy part without a weight is still asked it."""
    path = pin_file(tmp_path, weight_kg=None)
    monkeypatch.chdir(SHOP)  # the shop's config: its pack and its machines
    code, out, err = run_cli("check", path, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert "weight_kg" not in {q["field"] for q in report["open_questions"]}
    screener = Screener(load_equipment(EQUIPMENT), load_packs())
    from conftest import base_request
    heavy = base_request(part={"size_mm": [900, 500, 400], "material": "steel_s235",
                               "processes": ["milling_3axis"]})
    heavy["parts"][0].pop("weight_kg", None)
    fields = {q["field"]: q for q in screener.check(heavy, probe=False).to_dict()
              ["open_questions"]}
    assert "FAC-004" in fields["weight_kg"]["rules"]


# ---- no target price (the estimator's loose end 3)

@pytest.mark.parametrize("answer", ["geen", "nvt", "none", "geen doelprijs"])
def test_no_target_price_is_an_answer(tmp_path, answer):
    """'Geen doelprijs' could not be written: 'geen' is geen getal, and the form said
    "Laat leeg als u geen doelprijs heeft", as the holes once did.  Answered "none" it
    is answered: no COST-TARGET, no over-target sentence in the offer, the price as
    without a target, and the check ends (it read an internal error, float <= 'none')."""
    request = yaml.safe_load((EXAMPLES / "requests" / "bracket-series.yaml").read_text(
        encoding="utf-8"))
    request["target_unit_price_eur"] = answer
    path = tmp_path / "no-target.yaml"
    path.write_text(yaml.safe_dump(request, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    code, out, err = run_cli("validate", path, "--lang", "nl")
    assert code == 0, out + err
    code, out, err = run_cli("check", path, "--equipment", EQUIPMENT, "--format", "json")
    assert code == 0 and not err.strip(), err
    report = json.loads(out)
    assert "COST-TARGET" not in {f["rule"] for f in report["findings"]}
    assert "target_unit_price_eur" not in {q["field"] for q in report["open_questions"]}
    request.pop("target_unit_price_eur")
    unset = tmp_path / "unset.yaml"
    unset.write_text(yaml.safe_dump(request, allow_unicode=True, sort_keys=False),
                     encoding="utf-8")
    _, plain, _ = run_cli("check", unset, "--equipment", EQUIPMENT, "--format", "json")
    assert json.loads(plain)["quote"]["totals"] == report["quote"]["totals"]
    code, offer, err = run_cli("check", path, "--equipment", EQUIPMENT, "--lang", "nl",
                               "--audience", "customer")
    assert code == 0, err
    assert "doelprijs" not in offer


def test_the_target_price_question_offers_none():
    code, page, err = run_cli("questionnaire", "export", "--format", "md", "--lang", "nl")
    assert code == 0, err
    assert "Laat leeg als u geen doelprijs heeft" not in page
    assert "☐ geen doelprijs" in page
