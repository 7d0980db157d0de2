"""The order of the parts in a request changes nothing a shop would promise: the lead
time, each part's days, the date, the verdict, the findings and the price are those of
the same parts in any order (the chain plans the part with the most work after its
preparation first, of equals by part id)."""

import copy
import itertools
import re

import pytest

from conftest import REQUESTS, base_request
from producibility.inputs.yamlio import load


def _promised(report):
    lead = report["lead_time"]
    return {
        "verdict": report["verdict"],
        "days": lead["days"], "earliest": lead.get("earliest_date"),
        "slowest": lead["slowest_part"],
        "parts": sorted((p["part"], p["days"]) for p in lead["parts"]),
        "overtime": (lead.get("expedited") or {}).get("days"),
        "findings": sorted((f["rule"], f["part"] or "", f["message"])
                           for f in report["findings"]),
        "cost": report["quote"]["totals"],
    }


MANY = [p for p in REQUESTS if len(load(p)["parts"]) > 1]


@pytest.mark.parametrize("path", MANY, ids=[p.stem for p in MANY])
def test_every_order_of_an_examples_parts_promises_the_same(screener, path):
    request = copy.deepcopy(dict(load(path)))
    first = _promised(screener.check(request).to_dict())
    for order in itertools.islice(itertools.permutations(request["parts"]), 1, 7):
        assert _promised(screener.check(dict(request, parts=list(order))).to_dict()) == first


def test_the_anodised_part_is_prepared_first_whatever_its_place(screener):
    """Two brackets on one mill, one anodised (7 days more after the milling): listed
    second, it waited for the other's preparation and milling and ended 7 days later
    (35 working days against 28)."""
    request = base_request(quantity=200, wanted_date="2027-03-01")
    plain = dict(request["parts"][0], id="BR-200", cycle_time_min=6)
    anodised = dict(plain, id="BR-100", surface_treatment=["anodising"])
    days = set()
    for parts in ([anodised, plain], [plain, anodised]):
        lead = screener.check(dict(request, parts=parts)).to_dict()["lead_time"]
        days.add(lead["days"])
        steps = next(p for p in lead["parts"] if p["part"] == "BR-100")["steps"]
        assert not [s for s in steps if s["step"] == "queue"]  # it goes first
    assert len(days) == 1


def test_a_waiting_step_names_five_parts_and_counts_the_rest(screener):
    """Eight brackets: the last in the work preparation waits for seven; its step named
    all of them (a 50-part request's step named 48)."""
    request = base_request(quantity=10, wanted_date="2027-06-01")
    request["parts"] = [dict(request["parts"][0], id=f"P{i}") for i in range(8)]
    for lang, more in (("en", " and 2 more"), ("nl", " en nog 2")):
        lead = screener.check(request, lang=lang).to_dict()["lead_time"]
        texts = [s["text"] for p in lead["parts"] for s in p["steps"] if s["step"] == "queue"]
        [office] = [t for t in texts if more in t]  # the last in the work preparation
        assert len(re.findall(r"\bP\d\b", office)) == 5, office
