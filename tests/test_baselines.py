"""The benchmark's baselines (benchmarks/baselines.py) say what the engine says.

benchmarks/run.py times the engine against a plain Python evaluator and a port to CLIPS
(clipspy) and checks, per cell, that all three find the same candidates and findings.
That check ran only in the benchmark: a rule the CLIPS port could not translate (TEC-006
reading provider.processes) silently turned its columns to n/a.  Here every example
request of the example shop is screened by all three, with the default pack.

The baselines port the meaning the benchmark's workloads use: own machines, the fit's
limits and margins, rules with flags and unknowns.  Not partners, the routing of a
finish (``finished_by``) or an operation's soft limits: the precision shop's examples,
which use them, differ (its ground shaft has FIT-NO-MACHINE in the baselines, grinding
routed to a partner in the engine), so they are not checked here."""

import sys

import pytest

from producibility import load_equipment, load_packs, load_request, load_questionnaire

from conftest import EQUIPMENT, REQUESTS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import baselines as bl  # noqa: E402

@pytest.fixture(scope="module")
def shop():
    from producibility import Screener
    return Screener(load_equipment(str(EQUIPMENT)), load_packs()), REQUESTS


def _loaded(screener, path):
    request = load_request(str(path), load_questionnaire())
    return request, request.get("date")


def test_the_plain_evaluator_agrees_with_the_engine(shop):
    screener, requests = shop
    plain = bl.Plain(screener.pack, screener.equipment)
    for path in requests:
        request, as_of = _loaded(screener, path)
        cands, finds, errors = bl.engine_results(screener.inference.run(request, as_of))
        assert not errors, path
        assert plain.run(request, as_of) == (cands, finds), path.name


def test_the_clips_port_translates_every_rule_and_agrees(shop):
    if bl.clips is None:
        pytest.skip(bl.CLIPS_MISSING)
    screener, requests = shop
    port = bl.ClipsPort(screener.pack, screener.equipment)
    assert port.untranslated == []
    for path in requests:
        request, as_of = _loaded(screener, path)
        cands, finds, _ = bl.engine_results(screener.inference.run(request, as_of))
        assert port.run(request, as_of) == (cands, finds), path.name
