"""experta_speed changes how fast experta matches, never what it concludes."""

import json
import sys

import pytest
from hypothesis import given

from producibility import Screener, experta_speed, load_request
from producibility.infer import Inference

from conftest import REQUESTS, ROOT
from test_properties import SETTINGS, pack, request_strategy, screener

sys.path.insert(0, str(ROOT / "benchmarks"))
import workload  # noqa: E402


def both_ways(function, build):
    """function(engine) with the faster methods, and with experta's own.

    experta binds node methods into the network it builds, so stock experta
    gets an engine built (``build()``) with the speedups off.  The fast engine
    run with them off must agree exactly too: uninstall() must not leave a
    half-patched network behind.  Returns (fast, stock)."""
    assert experta_speed.installed(), "producibility installs the speedups on import"
    fast_engine = build()
    fast = function(fast_engine)
    experta_speed.uninstall()
    try:
        assert not experta_speed.installed()
        stock = function(build())
        assert function(fast_engine) == fast, "the fast-built engine with speedups off"
    finally:
        experta_speed.install()
    assert experta_speed.installed()
    return fast, stock


def report_json(screener, request):
    return json.dumps(screener.check(request).to_dict(), sort_keys=True)


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: p.stem)
def test_examples_give_the_same_report_either_way(path, equipment, pack):
    from producibility.yamlio import loads
    request = loads(path.read_text(encoding="utf-8"), str(path))
    fast, stock = both_ways(lambda screener: report_json(screener, request),
                            lambda: Screener(equipment, pack))
    assert fast == stock


@SETTINGS
@given(request_strategy)
def test_generated_requests_give_the_same_report_either_way(request):
    fast, stock = both_ways(lambda engine: report_json(engine or screener(), request),
                            stock_screener)
    assert fast == stock


_STOCK = {}


def stock_screener():
    """The shared screener when the speedups are on; one built without them when off."""
    if experta_speed.installed():
        return screener()
    if "screener" not in _STOCK:
        _STOCK["screener"] = Screener(screener().equipment, pack())
    return _STOCK["screener"]


def engine_trace(inference, request):
    """Everything the engine concluded, in the order it concluded it."""
    engine = inference.run(request, "2026-11-23")
    return ([(h.rule.id, h.subject, h.machine, h.outcome) for h in engine.hits],
            sorted(engine.no_machine), sorted(engine.fits), sorted(engine.rejections),
            sorted(repr(f) for f in engine.facts.values()))


def test_a_large_workload_fires_the_same_rules_in_the_same_order(tmp_path):
    """200 machines, 1,000 generated rules on top of the default pack, 20 parts:
    the same hits in the same firing order, the same facts."""
    from producibility import load_equipment, load_packs
    equipment = load_equipment(workload.gen_equipment(200))
    rules = load_packs([workload.write_rule_pack(tmp_path / "rules", 1000)])
    questionnaire = Screener(equipment, rules).questionnaire
    built = {}

    def build():
        key = experta_speed.installed()
        if key not in built:
            built[key] = Inference(rules, equipment)
        return built[key]

    for seed in (1, 2, 3):
        request = load_request(json.loads(json.dumps(workload.gen_request(20, seed=seed))),
                               questionnaire)
        fast, stock = both_ways(lambda inference: engine_trace(inference, request), build)
        assert fast[0], "the workload fires rules"
        # Two builds of one rule set may order rules of equal salience differently
        # (experta builds its network from a set of rules), so across builds the
        # firings are compared as sets; the same build compares in order above.
        assert sorted(fast[0]) == sorted(stock[0])
        assert fast[1:] == stock[1:]


def test_watching_experta_keeps_its_own_methods():
    """With experta's MATCH watcher on (debugging the network), nothing is replaced,
    so every debug line still appears."""
    import logging
    from experta import watchers
    experta_speed.uninstall()
    level = watchers.MATCH.level
    watchers.MATCH.setLevel(logging.DEBUG)
    try:
        experta_speed.install()
        assert not experta_speed.installed()
    finally:
        watchers.MATCH.setLevel(level)
        experta_speed.install()
    assert experta_speed.installed()
    assert pack()  # the shared pack still loads afterwards
