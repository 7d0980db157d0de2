"""experta_speed changes how fast experta matches, never what it concludes."""

import json
import sys

import pytest
from hypothesis import given

from producibility import Screener, load_request
from producibility.engine import experta_speed
from producibility.engine.infer import Inference

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
    fast_engine = build()
    assert experta_speed.installed(), "producibility installs the speedups for its engines"
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
    from producibility.inputs.yamlio import loads
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
            sorted(repr(f) for f in inference.engine.facts.values()))


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


# ---- NOT nodes with hashed memories: declare and retract in any order

from hypothesis import strategies as st  # noqa: E402
from hypothesis import settings  # noqa: E402

from producibility.engine.experta_compat import MATCH, NOT, Fact, KnowledgeEngine, Rule  # noqa: E402


class Want(Fact):
    pass


class Have(Fact):
    pass


def build_not_engine():
    class Engine(KnowledgeEngine):
        @Rule(Want(part=MATCH.part, process=MATCH.process),
              NOT(Have(part=MATCH.part, process=MATCH.process)))
        def missing(self, part, process):
            pass

        @Rule(Want(part=MATCH.part), NOT(Have(part="any")))
        def nothing_at_all(self, part):
            pass

    engine = Engine()
    engine.reset()
    return engine


# Whole numbers go through the hashed memories like texts; a float switches a NOT
# node back to experta's scan, and a part that is no text takes the alpha network's
# "let each test decide" path: every path is compared with stock experta.
OPERATION = st.tuples(st.sampled_from(["want", "have", "retract"]),
                      st.sampled_from(["P1", "P2", "any", 3]),
                      st.sampled_from(["mill", "turn", 7, 2.5]),
                      st.integers(0, 10))


def agenda_after(engine, operations):
    """The agenda after each operation: rule names and facts, in agenda order."""
    seen = []
    for kind, part, process, pick in operations:
        if kind == "retract":
            facts = [f for f in engine.facts.values() if isinstance(f, (Want, Have))]
            if facts:
                engine.retract(facts[pick % len(facts)])
        else:
            engine.declare((Want if kind == "want" else Have)(part=part, process=process))
        seen.append([(a.rule._wrapped.__name__,
                      sorted(repr(sorted(f.as_dict().items())) for f in a.facts))
                     for a in engine.agenda.activations])
    return seen


@settings(max_examples=300, deadline=None)
@given(st.lists(OPERATION, max_size=25))
def test_not_nodes_agree_with_experta_under_declare_and_retract(operations):
    engine = build_not_engine()
    fast = agenda_after(engine, operations)
    engine.reset()
    experta_speed.uninstall()
    try:
        same_engine_stock = agenda_after(engine, operations)
        stock = agenda_after(build_not_engine(), operations)
    finally:
        experta_speed.install()
    assert fast == same_engine_stock  # in the same order
    # another build may order the two rules' ties differently: compare as sets
    assert [sorted(step, key=repr) for step in fast] == [sorted(step, key=repr) for step in stock]


def test_importing_the_library_leaves_experta_alone():
    """experta is patched when producibility builds its first engine, not on import."""
    import subprocess
    code = ("import producibility, producibility.engine.experta_speed as s, producibility.engine.infer;"
            "print(s.installed())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    assert out == ["False"]


def test_a_process_can_keep_experta_stock():
    """PRODUCIBILITY_EXPERTA_STOCK=1: experta's own methods, the same verdict."""
    import os
    import subprocess
    code = ("import producibility, producibility.engine.experta_speed as s, sys;"
            "from producibility import Screener, load_equipment, load_packs;"
            "r = Screener(load_equipment(sys.argv[1]), load_packs()).check(sys.argv[2]);"
            "print(s.installed(), r.verdict)")
    from conftest import EQUIPMENT
    request = str(REQUESTS[0])
    out = {}
    for value in ("1", ""):
        env = dict(os.environ, PRODUCIBILITY_EXPERTA_STOCK=value)
        out[value] = subprocess.run([sys.executable, "-c", code, str(EQUIPMENT), request],
                                    env=env, capture_output=True, text=True,
                                    check=True).stdout.split()
    assert out["1"][0] == "False" and out[""][0] == "True"
    assert out["1"][1] == out[""][1]


def test_a_rule_takes_the_names_experta_would_give_it():
    """A rule made from a plain function keeps the parameter names experta's own
    ``inspect.signature`` gives (none where it takes ``**kwargs``), its function and its
    name; anything else (a partial, a wrapped function) goes through experta's own."""
    import functools
    import inspect

    from experta.rule import Rule

    def shapes():
        def a(self, subject): pass
        def b(self, *facts): pass
        def c(self, x, *, y, z=1): pass
        def d(self, **kwargs): pass
        def e(x, /, y, *more, k, **kwargs): pass
        def f(): pass
        def g(x, /, y, *more, k): local = x; return local
        @functools.wraps(a)
        def wrapped(self, *args, **kwargs): pass
        return [a, b, c, d, e, f, g, wrapped, functools.partial(c, None)]

    def made(function):
        rule = Rule()(function)
        return rule._wrapped_args, rule._wrapped is function, getattr(rule, "__name__", None)

    experta_speed.install_for_first_engine()  # as building the first engine does
    fast, stock = both_ways(lambda _: [made(f) for f in shapes()], lambda: None)
    assert fast == stock
    assert fast[0][0] == {"self", "subject"} and fast[3][0] == []
    assert inspect.signature(shapes()[0]).parameters.keys() == {"self", "subject"}
