"""The alpha index skips exactly the rules whose condition is false, never more."""

from types import SimpleNamespace

from hypothesis import given, settings, strategies as st

from producibility.conditions.alpha import RuleTable
from producibility.conditions.analysis import first_test
from producibility.conditions import expressions
from producibility.conditions.expressions import ExpressionError, compile_condition, evaluate

FIELDS = ["a", "b", "tags"]
CONSTANTS = st.one_of(st.integers(-3, 3), st.floats(-3, 3, allow_nan=False),
                      st.sampled_from(["x", "y", "z"]))
VALUES = st.one_of(st.none(), st.booleans(), CONSTANTS,
                   st.lists(st.sampled_from(["x", "y", "z", 1]), max_size=3))


@st.composite
def first_tests(draw):
    field = f"part.{draw(st.sampled_from(FIELDS))}"
    const = draw(CONSTANTS)
    text = repr(const) if not isinstance(const, float) else f"{const!r}"
    form = draw(st.sampled_from(["{f} < {c}", "{f} <= {c}", "{f} > {c}", "{f} >= {c}",
                                 "{c} < {f}", "{c} >= {f}", "{f} == {c}", "{f} != {c}",
                                 "{c} == {f}", "{f} in [{c}, 'y']", "{f} not in [{c}]",
                                 "{c} in {f}", "{c} not in {f}", "{f} is defined",
                                 "{f} is undefined", "{f}", "({c} in {f} or 'y' in {f})",
                                 "({c} in {f} or 'y' in {g})", "not {f}"]))
    condition = form.format(f=field, c=text, g=f"part.{draw(st.sampled_from(FIELDS))}")
    if draw(st.booleans()):
        condition += f" and part.{draw(st.sampled_from(FIELDS))} != 'q'"
    return condition


@st.composite
def conditions(draw):
    """One to four tests joined by 'and': simple ones (indexed while they lead) and
    ones the index never reads, some of which raise errors (text / number, length of
    a number), so a test after them must not hide the error."""
    other = st.sampled_from(["part.a / part.b > 1", "part.a | length > 1", "not part.b",
                             "part.a + 1 > part.b", "(part.a or part.b)"])
    tests = draw(st.lists(st.one_of(first_tests(), other), min_size=1, max_size=4))
    return " and ".join(f"({t})" if " or " in t and not t.startswith("(") else t
                        for t in tests)


def judged(condition, context):
    try:
        return evaluate(condition, context)
    except ExpressionError as exc:
        return f"error: {exc}"


def outcome(rule, context):
    return judged(rule.when, context)


PACKS = st.lists(st.one_of(first_tests(), conditions()), min_size=1, max_size=12)
PARTS = st.dictionaries(st.sampled_from(FIELDS), VALUES)


@settings(max_examples=500, deadline=None)
@given(PACKS, PARTS)
def test_skipped_rules_are_exactly_false(conditions, part):
    rules = [SimpleNamespace(id=f"R{i}", when=compile_condition(c))
             for i, c in enumerate(conditions)]
    table = RuleTable(rules)
    context = {"part": part}
    kept = {r.id for r in table.candidates(context)}
    for rule in rules:
        if rule.id not in kept:
            assert outcome(rule, context) is False, (rule.when.source, part)


@settings(max_examples=500, deadline=None)
@given(PACKS, PARTS)
def test_what_is_left_to_evaluate_means_the_whole_condition(conditions, part):
    """The index hands each candidate over with only the rest of its condition when it
    judged the leading tests true: that rest must give the whole condition's value or
    error, whatever the facts."""
    rules = [SimpleNamespace(id=f"R{i}", when=compile_condition(c))
             for i, c in enumerate(conditions)]
    context = {"part": part}
    for rule, condition in RuleTable(rules).to_evaluate(context):
        assert judged(condition, context) == judged(rule.when, context), \
            (rule.when.source, part)


def compiled_lazily(sources, invariant):
    """The conditions as a warm run compiles them: their record (parsed trees, fields,
    leading tests) is known, so each compiles to closures only when first evaluated."""
    with expressions.parsed_trees(f"lazy-test-{sources!r}-{invariant!r}"):
        for source in sources:
            compile_condition(source, invariant=invariant)
        expressions._KNOWN.trees.update(expressions._KNOWN.parsed)
        lazy = [compile_condition(source, invariant=invariant) for source in sources]
    assert all(c._plan is not None for c in lazy)
    return lazy


@settings(max_examples=300, deadline=None)
@given(PACKS, st.lists(PARTS, min_size=1, max_size=3), st.sampled_from([None, ("part",)]))
def test_a_condition_compiled_when_first_evaluated_means_the_same(conditions, parts, invariant):
    """A lazily compiled condition, whole and as the rest the index hands over
    (after()), gives the value or error the condition compiled at load gives; its
    fields and leading tests are the same too."""
    eager = [compile_condition(c, invariant=invariant) for c in conditions]
    lazy = compiled_lazily(conditions, invariant)
    for e, z in zip(eager, lazy):
        assert (z.fields, z.scopes, z.leading_tests()) == (e.fields, e.scopes, e.leading_tests())
    # the rests are made before anything is evaluated, as the rule tables make them
    rests = [[z.after(known) for known in range(4)] for z in lazy]
    assert all(r._plan is not None for rest in rests for r in rest)
    for part in parts:
        # one memo of hoisted subexpressions per part, shared as its candidates share it
        context = {"part": part, expressions.MEMO: {}}
        plain = {"part": part}
        for e, rest in zip(eager, rests):
            for known, z in enumerate(rest):
                assert judged(z, context) == judged(e.after(known), plain), \
                    (e.source, known, part)
    rules = [SimpleNamespace(id=f"R{i}", when=z) for i, z in enumerate(lazy)]
    for part in parts:
        context = {"part": part}
        for rule, condition in RuleTable(rules).to_evaluate(context):
            assert judged(condition, context) == judged(eager[int(rule.id[1:])], context)


def test_a_rule_whose_indexed_tests_hold_is_left_with_the_rest_of_its_condition():
    rules = [SimpleNamespace(id=f"R{i}", when=compile_condition(c)) for i, c in enumerate([
        "part.a > 1 and part.b == 'x' and part.c + 1 > 2",
        "part.a > 1",
        "part.a | length > 1 and part.b == 'x'"])]
    table = RuleTable(rules)
    got = {r.id: c for r, c in table.to_evaluate({"part": {"a": 2, "b": "x", "c": 5}})}
    assert got["R0"].conjuncts == rules[0].when.conjuncts[2:]
    assert got["R1"].fn({}) is True              # nothing left to evaluate
    assert got["R2"] is rules[2].when            # not a simple test first: all of it
    # an unknown field, or a value the index cannot judge: the whole condition
    got = {r.id: c for r, c in table.to_evaluate({"part": {"b": "x", "c": 5}})}
    assert got["R0"] is rules[0].when and got["R1"] is rules[1].when
    got = {r.id: c for r, c in table.to_evaluate({"part": {"a": "2", "b": "x"}})}
    assert got["R0"] is rules[0].when


def test_simple_tests_are_indexed_and_others_are_not():
    def kind(text):
        found = first_test(compile_condition(text).tree)
        return found[1] if found else None

    assert kind("part.tolerance_mm < 0.02 and part.x") == "lt"
    assert kind("0.02 > part.tolerance_mm") == "lt"
    assert kind("part.material == 'pom'") == "eq"
    assert kind("request.purpose in ['pilot', 'series']") == "in"
    assert kind("'en_1090' in request.certificates_required") == "has"
    assert kind("part.flag") == "truthy"
    assert kind("part.size_mm | max > 100") is None
    assert kind("part.a or part.b") is None
    assert kind("not part.a") is None
    assert kind("part.material < 'x'") is None  # ordering text: left to the evaluator


def test_process_lists_and_flags_are_indexed():
    def kind(text):
        found = first_test(compile_condition(text).tree)
        return found[1:] if found else None

    assert kind("('milling_3axis' in part.processes or 'turning' in part.processes) "
                "and part.x") == ("has", ["milling_3axis", "turning"])
    assert kind("'sla' in part.processes and part.min_wall_mm < 0.6") == ("has", ["sla"])
    assert kind("('a' in part.processes or 'b' in part.other)") is None
    assert kind("request.customer_operates_machine and part.x") == ("truthy", None)
    assert kind("part.cycle_time_min is defined and part.x > 1") == ("defined", None)
    assert kind("part.cycle_time_min is undefined") == ("undefined", None)

    rules = [SimpleNamespace(id=f"R{i}", when=compile_condition(c)) for i, c in enumerate([
        "'sla' in part.processes and part.w < 0.6",
        "('milling_3axis' in part.processes or 'turning' in part.processes) and part.w > 1",
        "part.flag and part.w > 1",
        "part.t is defined and part.w > 1",
        "part.material == 'pom'",
    ])]
    table = RuleTable(rules)
    part = {"processes": ["turning"], "flag": False, "material": "pom", "w": 2}
    assert [r.id for r in table.candidates({"part": part})] == ["R1", "R4"]
    # unknown values: every rule stays but the one that needs the field defined
    assert [r.id for r in table.candidates({"part": {}})] == ["R0", "R1", "R2", "R4"]


def test_every_leading_simple_test_is_indexed():
    rules = [SimpleNamespace(id=f"R{i}", when=compile_condition(c)) for i, c in enumerate([
        "part.w > 1 and part.material == 'pom'",           # two simple tests
        "part.w > 1 and part.w / part.z > 1 and part.material == 'pom'",  # one: then stops
        "part.w > 1",
    ])]
    table = RuleTable(rules)
    assert table.several == 0b001  # R0 is indexed on both of its tests
    part = {"w": 2, "material": "abs", "z": 0}
    # R0: its second test is false, so R0 is; R1 keeps its division by zero to report
    assert [r.id for r in table.candidates({"part": part})] == ["R1", "R2"]
    assert [r.id for r in table.candidates({"part": dict(part, material="pom")})] == \
        ["R0", "R1", "R2"]
    # a value the index cannot judge (text where a number is compared): evaluate it
    assert [r.id for r in table.candidates({"part": {"w": "x", "material": "abs"}})] == \
        ["R0", "R1", "R2"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(first_tests(), conditions()), min_size=1, max_size=12),
       st.lists(st.dictionaries(st.sampled_from(FIELDS), VALUES), min_size=2, max_size=8))
def test_remembered_candidates_are_the_candidates(conditions, parts):
    """A table remembers its answer per combination of values (and per value of each
    field): asked again with equal values of another type (1, 1.0, True), or after
    other requests, it must give what a table asked for the first time gives."""
    rules = [SimpleNamespace(id=f"R{i}", when=compile_condition(c))
             for i, c in enumerate(conditions)]
    table = RuleTable(rules)
    for part in parts + parts[::-1]:
        fresh = RuleTable(rules)
        assert [r.id for r in table.candidates({"part": part})] == \
            [r.id for r in fresh.candidates({"part": part})], part


@settings(max_examples=200, deadline=None)
@given(st.one_of(first_tests(), conditions()), PARTS, st.sampled_from(["P1", None]))
def test_the_engines_open_questions_of_a_condition_are_its_missing_fields(condition, part,
                                                                         subject):
    """``missing_of`` (what the engine records for a rule left unknown) is ``missing``
    with the part's id on the part's fields."""
    compiled = compile_condition(condition)
    for context in ({"part": part}, {"part": part, "request": {"a": 1}}, {}):
        assert compiled.missing_of(context, subject) == tuple(
            (scope, field, subject if scope == "part" else None)
            for scope, field in compiled.missing(context))
