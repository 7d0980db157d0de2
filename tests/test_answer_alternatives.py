"""The high estimate's allowance for open answers counts, of the rules that wait for one
closed question, those that can fire on the answer that adds most: checked against the
engine itself, by screening each example again with every answer to such a question.

``quote.open_answers[]`` says per line whether the allowance counts it (``counted``) and
which answer it assumes (``assumes``).  Screened with an answer, the rules of that
question that fire must be among those the allowance said may fire on it; screened with
the assumed answer, the counted lines are what fires there (a rule counted that cannot
fire would overstate the allowance, one left out that fires would understate it).
"""

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import EXAMPLES, REQUESTS  # noqa: E402

from producibility.inputs import yamlio  # noqa: E402
from producibility.model.equipment import load_equipment  # noqa: E402
from producibility.model.pack import load_packs  # noqa: E402
from producibility.report.probing import probe_values  # noqa: E402
from producibility.screen import Screener  # noqa: E402

SHOP = EXAMPLES / "precision-shop"
AS_OF = "2026-11-23"


@pytest.fixture(scope="module")
def screeners():
    return {"example": Screener(load_equipment(EXAMPLES / "equipment.yaml"), load_packs()),
            "precision": Screener(load_equipment(SHOP / "equipment.yaml"),
                                  load_packs([SHOP / "rules"]))}


def _cases():
    for path in REQUESTS:
        yield "example", path
    for path in sorted((SHOP / "requests").glob("*.yaml")):
        yield "precision", path


def _with_answer(request, assumes):
    changed = copy.deepcopy(request)
    if assumes["scope"] == "request":
        changed[assumes["field"]] = assumes["answer"]
    else:
        for part in changed["parts"]:
            if str(part["id"]) == assumes["part"]:
                part[assumes["field"]] = assumes["answer"]
    return changed


def _fired(report, rules, part):
    return {f["rule"] for f in report["findings"]
            if f["rule"] in rules and (f["part"] or None) == part}


def test_the_allowance_counts_the_rules_that_fire_on_the_answer_it_assumes(screeners):
    grouped = counted_out = 0
    for shop, path in _cases():
        screener = screeners[shop]
        request = yamlio.load(path)
        report = screener.check(copy.deepcopy(request), as_of=AS_OF, probe=False)
        data = report.for_serialising()
        lines = data["quote"].get("open_answers") or []
        groups = {}
        for line in lines:
            if line["assumes"] is not None:
                key = (line["assumes"]["scope"], line["assumes"]["field"],
                       line["assumes"]["part"])
                groups.setdefault(key, []).append(line)
        totals = data["quote"]["totals"]
        summed = sum(line["amount_eur"] for line in lines if line["counted"])
        if totals["open_answers_capped"]:
            assert totals["open_answers_eur"] < summed, path.name
        else:
            assert totals["open_answers_eur"] == pytest.approx(summed, abs=0.01), path.name
        for key, members in groups.items():
            grouped += 1
            assumes = members[0]["assumes"]
            assert all(line["assumes"] == assumes for line in members)
            rules = {line["rule"] for line in members}
            part = key[2]
            screened = screener.check(_with_answer(request, assumes), as_of=AS_OF,
                                      probe=False).for_serialising()
            fired = _fired(screened, rules, part)
            counted = {line["rule"] for line in members if line["counted"]}
            counted_out += len(rules - counted)
            assert fired <= counted, (path.name, assumes, fired - counted)
            assert fired == counted, (path.name, assumes, counted - fired)
    assert grouped >= 3 and counted_out >= 2  # the examples' open materials and features


def test_no_other_answer_fires_more_than_the_allowance_counts(screeners):
    """Every answer of the question, screened: where the part is made here, what its
    rules add is at most what the allowance counts for them (the assumed answer adds
    most); the answers on which it is not (a material no machine that fits the part
    takes, nor a partner) price nothing of it, and the allowance never assumes one."""
    tried = unmade = 0
    for shop, path in _cases():
        screener = screeners[shop]
        request = yamlio.load(path)
        data = screener.check(copy.deepcopy(request), as_of=AS_OF,
                              probe=False).for_serialising()
        groups = {}
        for line in data["quote"].get("open_answers") or []:
            if line["assumes"] is not None:
                groups.setdefault((line["assumes"]["scope"], line["assumes"]["field"],
                                   line["assumes"]["part"]), []).append(line)
        for (scope, field, part), members in groups.items():
            question = screener.questionnaire.question(scope, field)
            # a number: the values the what-if probes try (either side of every
            # threshold a rule compares it with), and the one the allowance assumes
            answers = question.choices if question.type == "choice" else \
                [True, False] if question.type == "yes_no" else sorted(
                    set(probe_values(question, screener.thresholds, AS_OF)) |
                    {members[0]["assumes"]["answer"]})
            amounts = {line["rule"]: line["amount_eur"] for line in members}
            allowed = sum(line["amount_eur"] for line in members if line["counted"])
            for answer in answers:
                assumes = {"scope": scope, "field": field, "part": part, "answer": answer}
                screened = screener.check(_with_answer(request, assumes), as_of=AS_OF,
                                          probe=False).for_serialising()
                if part in (screened["lead_time"].get("not_made") or ()):
                    assert answer != members[0]["assumes"]["answer"], (path.name, answer)
                    unmade += 1
                    continue
                fired = _fired(screened, set(amounts), part)
                assert sum(amounts[r] for r in fired) <= allowed + 0.005, (
                    path.name, answer, fired)
                tried += 1
    assert tried >= 20 and unmade >= 5  # open materials and features to try


def test_rules_of_one_number_on_either_side_of_it_are_alternatives(tmp_path):
    """A shop's pack with two rules on the part's weight: a crane above 40 kg (3 h), a
    sieve and tweezers below 0.05 kg (1 h). With the weight open, the allowance counted
    both (4 h), though no weight fires both; it counts those of the answer that adds
    most (just above 40 kg: the crane), the other not, and screening with each side
    fires what it says. Where the ranges overlap (above 40 and above 20), both count."""
    import json

    from test_meaning import write_pack

    def pack(rules):
        return write_pack(tmp_path, [dict(rule, scope="part", then={"effort": {
            "engineering_h": hours}}) for rule, hours in rules], name="own.yaml")

    def screened(path, weight=None):
        request = yamlio.load(REQUESTS[0].parent / "bracket-series.yaml")
        for part in request["parts"]:
            part.pop("weight_kg", None)
            if weight is not None:
                part["weight_kg"] = weight
        screener = Screener(load_equipment(EXAMPLES / "equipment.yaml"), load_packs([path]))
        return screener.check(request, as_of=AS_OF, probe=False).for_serialising()

    path = pack([({"id": "OWN-CRANE", "when": "part.weight_kg > 40"}, 3),
                 ({"id": "OWN-SIEVE", "when": "part.weight_kg < 0.05"}, 1)])
    data = screened(path)
    own = {line["rule"]: line for line in data["quote"]["open_answers"]
           if line["rule"].startswith("OWN-")}
    assert own["OWN-CRANE"]["counted"] and not own["OWN-SIEVE"]["counted"], json.dumps(own)
    answer = own["OWN-CRANE"]["assumes"]["answer"]
    assert own["OWN-CRANE"]["assumes"]["field"] == "weight_kg" and 40 < answer <= 40.4
    assert own["OWN-SIEVE"]["assumes"] == own["OWN-CRANE"]["assumes"]
    heavy, light = screened(path, answer), screened(path, 0.04)
    assert _fired(heavy, {"OWN-CRANE", "OWN-SIEVE"}, "BR-100") == {"OWN-CRANE"}
    assert _fired(light, {"OWN-CRANE", "OWN-SIEVE"}, "BR-100") == {"OWN-SIEVE"}
    # overlapping: above 40 kg both fire, and both are counted
    path = pack([({"id": "OWN-CRANE", "when": "part.weight_kg > 40"}, 3),
                 ({"id": "OWN-TWO", "when": "part.weight_kg > 20"}, 1)])
    own = {line["rule"]: line for line in screened(path)["quote"]["open_answers"]
           if line["rule"].startswith("OWN-")}
    assert own["OWN-CRANE"]["counted"] and own["OWN-TWO"]["counted"]
