"""The parse cache: a cached document or condition is exactly what parsing gives."""

import json
import os
from pathlib import Path

import pytest
from jinja2 import nodes

from producibility.conditions import expressions
from producibility.inputs import cache, yamlio

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(ROOT.glob("rules/**/*.yaml")) + sorted(ROOT.glob("questionnaires/*.yaml")) \
    + sorted(ROOT.glob("examples/**/*.yaml"))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PRODUCIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PRODUCIBILITY_NO_CACHE", raising=False)
    return tmp_path / "cache"


def same(a, b, where):
    assert type(a) is type(b), where
    if isinstance(a, yamlio.Mapping):
        assert (a.line, a.key_lines, a.positions, a.merged, list(a)) == \
            (b.line, b.key_lines, b.positions, b.merged, list(b)), where
        for key in a:
            same(a[key], b[key], f"{where}/{key}")
    elif isinstance(a, yamlio.Sequence):
        assert (a.line, a.item_lines, a.item_cols, len(a)) == \
            (b.line, b.item_lines, b.item_cols, len(b)), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}/{i}")
    else:
        assert a == b, where


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_cached_document_is_the_parsed_one_lines_included(path, cache_dir):
    parsed = yamlio.loads(path.read_text(encoding="utf-8-sig"), str(path))
    first, _ = yamlio.load_with_bytes(path)      # parses and stores (or reads the record
    again, _ = yamlio.load_with_bytes(path)      # shipped with the package); reads the cache
    shipped = cache.data_key(yamlio._CACHE_FORM, path.read_bytes()) in cache._shipped()[0]
    assert shipped or list((cache_dir / "data").iterdir())
    same(parsed, first, path.name)
    same(parsed, again, path.name)


def test_a_tampered_entry_is_not_used(cache_dir, tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - id: A\n    when: part.size_mm > 5\n", encoding="utf-8")
    yamlio.load_with_bytes(path)
    (entry,) = (cache_dir / "data").iterdir()
    seal, text = entry.read_text(encoding="utf-8").split("\n", 1)
    entry.write_text(seal + "\n" + text.replace('"A"', '"B"'), encoding="utf-8")
    document, _ = yamlio.load_with_bytes(path)
    assert document["rules"][0]["id"] == "A"


def test_a_cached_mapping_unpacks_its_positions_when_first_asked(cache_dir, tmp_path):
    """Lines and positions of a document from the cache are those of a fresh parse; they
    stay packed until something asks (an error message), and a packed text that does
    not fit its keys is not used: the file is parsed again."""
    from producibility.inputs import cache

    path = tmp_path / "pack.yaml"
    text = "rules:\n  - id: A\n    when: part.size_mm > 5\n    then: {flag: x}\nother: 1\n"
    path.write_text(text, encoding="utf-8")
    parsed = yamlio.loads(text, str(path))
    yamlio.load_with_bytes(path)
    document, data = yamlio.load_with_bytes(path)
    rule = document["rules"][0]
    assert rule._packed is not None and rule._positions == {}
    assert rule.positions == parsed["rules"][0].positions
    assert rule._packed is None
    assert document.key_lines == parsed.key_lines
    same(parsed, document, path.name)
    key = cache.data_key(yamlio._CACHE_FORM, data)
    stored = cache.read_data(key)
    cache.write_data(key, stored.replace('"1 1 2 3,', '"1 1 2 3,,', 1))
    assert cache.read_data(key) != stored
    again, _ = yamlio.load_with_bytes(path)
    same(parsed, again, path.name)


def test_no_cache_means_nothing_is_written(cache_dir, monkeypatch):
    monkeypatch.setenv("PRODUCIBILITY_NO_CACHE", "1")
    yamlio.load_with_bytes(SHIPPED[0])
    assert not cache_dir.exists()


def test_cached_condition_trees_are_the_parsed_ones(cache_dir):
    """Every condition of the default pack: the tree from the cache prints as Jinja2's."""
    from producibility import load_packs
    sources = [r.when.source for r in load_packs().rules if getattr(r, "when", None)]
    assert len(sources) > 100
    parsed = {s: repr(expressions._parse_with_jinja2(s)) for s in sources}
    with expressions.parsed_trees("k"):
        for s in sources:
            expressions.compile_condition(s)
    with expressions.parsed_trees("k"):
        assert set(expressions._KNOWN.trees) >= set(sources)
        for s in sources:
            assert repr(expressions.compile_condition(s).tree) == parsed[s]
        assert expressions._KNOWN.parsed == {}


def test_a_questionnaire_seen_before_takes_its_ask_if_trees_from_the_cache(cache_dir,
                                                                           monkeypatch):
    """The second load of the same questionnaire bytes parses no condition; its ask_if
    trees print as Jinja2's.  A pack with its own processes (checked against the
    questionnaire, loaded then) still finds all of its own trees the second time."""
    from producibility import load_packs
    from producibility.model import questionnaire as questionnaires

    def conditions():
        questionnaires._load_cached.cache_clear()
        return {q.id: q.ask_if for q in questionnaires.load_questionnaire_unbound().questions
                if q.ask_if is not None}

    first = conditions()
    assert len(first) > 10
    real_parse, parsed = expressions._parse_with_jinja2, []
    monkeypatch.setattr(expressions, "_parse_with_jinja2",
                        lambda source: (parsed.append(source), real_parse(source))[1])
    again = conditions()
    assert parsed == []
    assert {k: repr(c.tree) for k, c in again.items()} == \
        {k: repr(real_parse(c.source)) for k, c in first.items()}
    own = cache_dir.parent / "own.yaml"  # a process of its own: read with the questionnaire
    own.write_text("processes:\n  - id: deburring\n    name: ontbramen\n    kind: finishing\n"
                   "    checks:\n      - {kind: max, part: weight_kg, machine: max_part_kg, "
                   "label: {en: weight}}\n"
                   "rules:\n  - id: OWN-1\n    thread: design\n    title: t\n    scope: part\n"
                   "    when: part.weight_kg > 12\n    then: {mrl_cap: 1}\n    message: m\n",
                   encoding="utf-8")
    for _ in range(2):
        parsed.clear()
        questionnaires._load_cached.cache_clear()
        assert load_packs([own]).rule("OWN-1") is not None
    assert parsed == []


def test_a_cache_entry_naming_something_else_than_a_node_is_refused(cache_dir):
    """A record's tree is JSON text, thawed when first needed: one that names a class
    that is not a syntax node is refused then, and the condition parsed afresh."""
    bad = json.dumps({"": "Environment", "f": []})
    cache.write_data("k", json.dumps({"part.x > 1": bad}))
    with expressions.parsed_trees("k"):
        compiled = expressions.compile_condition("part.x > 1")
        assert isinstance(compiled.tree, nodes.Compare)
        assert compiled({"part": {"x": 2}}) is True


def test_a_condition_compiled_before_thaws_its_tree_only_when_asked(cache_dir):
    """A warm load makes a condition from its record (fields, leading tests) without
    thawing its tree; evaluating it or asking for the tree thaws it, and a tree the
    record holds wrongly is parsed afresh, with the same result."""
    with expressions.parsed_trees("k"):
        expressions.compile_condition("part.x > 1 and part.y == 'a'")
    record = json.loads(cache.read_data("k"))
    assert isinstance(record["part.x > 1 and part.y == 'a'"], str)
    thawed = []
    real = expressions._stored_tree
    for tree in (record["part.x > 1 and part.y == 'a'"], json.dumps({"": "Environment",
                                                                      "f": []})):
        record["part.x > 1 and part.y == 'a'"] = tree
        cache.write_data("k", json.dumps(record))
        with expressions.parsed_trees("k"):
            expressions._stored_tree = lambda text: (thawed.append(text), real(text))[1]
            try:
                compiled = expressions.compile_condition("part.x > 1 and part.y == 'a'")
                assert thawed == []
                assert compiled({"part": {"x": 2, "y": "a"}}) is True
                assert compiled({"part": {"x": 0, "y": "a"}}) is False
                assert len(thawed) == 1
                assert isinstance(compiled.tree, nodes.And)
            finally:
                expressions._stored_tree = real
        thawed.clear()


def test_a_request_file_seen_valid_skips_only_the_schema_step(cache_dir, tmp_path,
                                                             monkeypatch):
    """The exact bytes of a request that passed every check are not put through the
    schema again (a warm check then needs no schema validator); changed bytes are."""
    from producibility.errors import InputError
    from producibility.inputs import schema as schemas
    from producibility.model.request import load_request

    request = tmp_path / "request.yaml"
    request.write_bytes((ROOT / "examples/requests/bracket-series.yaml").read_bytes())
    first = load_request(request)
    calls = []
    real_check = schemas.check
    monkeypatch.setattr(schemas, "check", lambda *a, **k: (calls.append(1), real_check(*a, **k)))
    assert load_request(request) == first
    assert calls == []
    text = request.read_text(encoding="utf-8")
    request.write_text(text.replace("quantity: 200", "quantity: 200\nbudget_code: X7"),
                       encoding="utf-8")
    with pytest.raises(InputError, match="budget_code"):
        load_request(request)
    assert calls  # new bytes: the schema step ran again


def test_a_questionnaire_with_a_wrong_assumption_is_refused_every_time(cache_dir, tmp_path):
    """Checked assumptions are remembered per questionnaire bytes only when they pass."""
    from producibility.errors import InputError
    from producibility.model import questionnaire as questionnaires

    shipped = sorted(ROOT.glob("questionnaires/*.yaml"))[0]
    broken = tmp_path / "questionnaire.yaml"
    text = shipped.read_text(encoding="utf-8")
    assert "assume: {value: exc2," in text
    broken.write_text(text.replace("assume: {value: exc2,", "assume: {value: exc9,"),
                      encoding="utf-8")
    for _ in range(2):
        questionnaires._load_cached.cache_clear()
        with pytest.raises(InputError, match="exc9"):
            questionnaires.load_questionnaire_unbound(broken)
    questionnaires._load_cached.cache_clear()
    good = tmp_path / "good.yaml"
    good.write_text(text, encoding="utf-8")
    for _ in range(2):
        questionnaires._load_cached.cache_clear()
        assert questionnaires.load_questionnaire_unbound(good).question(
            "request", "execution_class").assume["value"] == "exc2"


@pytest.mark.parametrize("source", [
    "not " * (expressions.MAX_NESTING + 2) + "part.a",
    " + ".join(["part.a"] * (expressions.MAX_NODES // 2 + 2)) + " > 1",
])
def test_a_condition_over_the_limits_is_refused_with_or_without_the_cache(cache_dir, source):
    """Trees from the cache skip the size check, so only trees within the limits may be
    stored: the second compile (cache warm) must refuse what the first refused."""
    key = cache.data_key("conditions-test", source.encode())
    for _ in range(2):
        with expressions.parsed_trees(key):
            with pytest.raises(expressions.ExpressionLimit):
                expressions.compile_condition(source)


def _counting_parses(monkeypatch):
    """Count every fresh parse of a condition or a message from here on."""
    parsed = []
    real_expression, real_message = expressions._parse_with_jinja2, expressions._parse_message
    monkeypatch.setattr(expressions, "_parse_with_jinja2",
                        lambda source: (parsed.append(source), real_expression(source))[1])
    monkeypatch.setattr(expressions, "_parse_message",
                        lambda source: (parsed.append(source), real_message(source))[1])
    return parsed


def _screen_example():
    from conftest import EXAMPLES
    from producibility import load_packs
    from producibility.model.equipment import load_equipment
    from producibility.report.render import render
    from producibility.screen import Screener

    screener = Screener(load_equipment(str(EXAMPLES / "equipment.yaml")), load_packs())
    report = screener.check(str(EXAMPLES / "requests" / "bracket-series.yaml"), lang="nl")
    return render(report, "text", "nl", None)


def test_a_pack_seen_before_parses_no_condition_and_no_message(cache_dir, monkeypatch):
    """The second screening with the same pack parses nothing: its conditions, its
    messages (parsed with the pack's record when it was first written, though they are
    rendered lazily) and the catalogue's check expressions all come from the cache, and
    the report is the same text."""
    first = _screen_example()
    parsed = _counting_parses(monkeypatch)
    assert _screen_example() == first
    assert parsed == []


def test_a_pack_record_is_found_by_the_bytes_of_its_files_not_their_place(cache_dir, tmp_path,
                                                                          monkeypatch):
    from producibility import load_packs
    own = tmp_path / "a" / "own.yaml"
    own.parent.mkdir()
    own.write_text("rules:\n  - id: OWN-1\n    thread: design\n    title: t\n    scope: part\n"
                   "    when: part.weight_kg > 12\n    then: {mrl_cap: 1}\n"
                   "    message: '{{ part.id }} weighs {{ part.weight_kg }} kg'\n",
                   encoding="utf-8")
    load_packs([own])
    moved = tmp_path / "b" / "own.yaml"
    moved.parent.mkdir()
    moved.write_bytes(own.read_bytes())
    parsed = _counting_parses(monkeypatch)
    rule = load_packs([moved]).rule("OWN-1")
    assert rule.message["en"].render({"part": {"id": "P1", "weight_kg": 14.5}}) == \
        "P1 weighs 14.5 kg"
    assert parsed == []
    moved.write_bytes(own.read_bytes().replace(b"> 12", b"> 13"))  # edited: its own record
    load_packs([moved])
    assert "part.weight_kg > 13" in parsed


def test_a_message_record_that_is_not_a_message_tree_is_parsed_instead(cache_dir):
    """A record may hold anything under a message's key: only a template tree is used."""
    key = expressions._MESSAGE + "{{ part.id }}!"
    for frozen in ('{"": "Name", "f": ["part", "load"]}', "not json", 7):
        cache.write_data("k", json.dumps({key: frozen}))
        with expressions.parsed_trees("k"):
            template = expressions.Template("{{ part.id }}!", lazy=True)
        assert template.render({"part": {"id": "P1"}}) == "P1!"


def test_a_condition_is_never_taken_from_a_message_record(cache_dir):
    source = expressions._MESSAGE + "x"
    cache.write_data("k", json.dumps({source: '{"": "Template", "f": [[]]}'}))
    with expressions.parsed_trees("k"):
        with pytest.raises(expressions.ExpressionError):
            expressions.compile_condition(source)   # parsed as written: not a condition


def test_parsed_tree_blocks_nest(cache_dir):
    with expressions.parsed_trees("outer"):
        expressions.compile_condition("part.a > 1")
        with expressions.parsed_trees("inner"):
            expressions.compile_condition("part.b > 1")
        expressions.compile_condition("part.c > 1")
    with expressions.parsed_trees("outer"):
        assert {"part.a > 1", "part.c > 1"} <= set(expressions._KNOWN.trees)
        assert "part.b > 1" not in expressions._KNOWN.trees


_FIRST_RUN = """
import sys
from producibility.conditions import expressions
from producibility.inputs import yamlio
parsed = []
real_loads, real_parse = yamlio.loads, expressions._parse_with_jinja2
yamlio.loads = lambda text, path, *a, **k: (parsed.append(str(path)), real_loads(text, path, *a, **k))[1]
expressions._parse_with_jinja2 = lambda s: (parsed.append(s), real_parse(s))[1]
from producibility import load_packs
from producibility.model.equipment import load_equipment
from producibility.report.render import render
from producibility.screen import Screener
screener = Screener(load_equipment(sys.argv[1]), load_packs())
for lang in ("en", "nl"):
    render(screener.check(sys.argv[2], lang=lang), "text", lang, None)
print("\\n".join(parsed))
"""


@pytest.mark.parametrize("no_cache", [False, True])
def test_a_first_run_parses_only_the_users_own_files(tmp_path, no_cache):
    """With an empty cache, the shipped pack, catalogue, questionnaire and texts come
    from the records shipped with the package (producibility/prebuilt): only the
    request and the equipment are parsed.  With the cache off, everything is."""
    import subprocess
    import sys
    from conftest import EXAMPLES
    from producibility.inputs import prebuilt

    if (ROOT / "producibility/prebuilt" / prebuilt.VERSIONS).read_text(encoding="utf-8") \
            != prebuilt.versions():
        pytest.skip("records made with other Jinja2/Babel versions")
    env = dict(os.environ, PRODUCIBILITY_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("PRODUCIBILITY_NO_CACHE", None)
    if no_cache:
        env["PRODUCIBILITY_NO_CACHE"] = "1"
    request = EXAMPLES / "requests" / "bracket-series.yaml"
    out = subprocess.run([sys.executable, "-c", _FIRST_RUN, str(EXAMPLES / "equipment.yaml"),
                          str(request)], capture_output=True, text=True, env=env, check=True)
    parsed = out.stdout.split("\n")[:-1]
    if no_cache:
        assert len(parsed) > 200   # 23 YAML files and their conditions
    else:
        assert sorted(parsed) == sorted([str(EXAMPLES / "equipment.yaml"), str(request)])


def test_a_thawed_node_is_what_its_class_makes_of_the_same_fields():
    """_thaw_node skips Node.__init__: for every node class, the node must be the one
    the constructor makes (same attributes), and a wrong number of fields is refused."""
    from jinja2 import nodes
    classes = expressions._NODE_CLASSES
    assert {"Compare", "Getattr", "Template", "Output", "TemplateData"} <= set(classes)
    for name, cls in classes.items():
        values = [f"v{i}" for i in range(len(cls.fields))]
        thawed = expressions._thaw_node({"": name, "f": list(values)})
        made = cls(*values, lineno=1)
        assert type(thawed) is cls and thawed.__dict__ == made.__dict__, name
        assert thawed == made
        with pytest.raises(TypeError):
            expressions._thaw_node({"": name, "f": values + ["extra"]})
    assert not any(cls.abstract for cls in classes.values())
    assert all(issubclass(cls, nodes.Node) for cls in classes.values())
    with pytest.raises(TypeError):   # its own constructor refuses to be made so
        expressions._thaw_node({"": "InternalName", "f": ["x"]})


def test_a_pack_seen_before_takes_the_leading_tests_of_its_conditions_from_its_record(
        cache_dir, monkeypatch):
    """The alpha index's leading simple tests are kept in the pack's record: a second
    load analyses no tree, and what it reads back is what the analysis gives (same
    fields, kinds and typed arguments: 1, 1.0 and True stay apart)."""
    from producibility import load_packs
    from producibility.conditions import alpha, analysis

    load_packs([])
    analysed = []
    real = analysis.leading_tests
    monkeypatch.setattr(expressions, "leading_tests",
                        lambda tree: analysed.append(tree) or real(tree))
    monkeypatch.setattr(alpha, "leading_tests",
                        lambda tree: analysed.append(tree) or real(tree))
    rules = load_packs([]).rules
    alpha.RuleTable(rules)
    assert analysed == []
    indexed = 0
    for rule in rules:
        if rule.when is None:
            continue
        stored = rule.when.leading_tests()
        expected = real(rule.when.tree)
        assert stored == expected, rule.id
        assert [type(t.argument) for t in stored] == [type(t.argument) for t in expected]
        indexed += bool(stored)
    assert indexed > 50   # the default pack indexes most of its rules


def test_a_leading_test_record_that_is_not_what_we_wrote_is_worked_out_again(cache_dir):
    source = "part.tolerance_mm < 0.02 and part.material == 'pom'"
    cache.write_data("k", json.dumps({expressions._LEADING + source: [["part"], "lt"]}))
    with expressions.parsed_trees("k"):
        compiled = expressions.compile_condition(source)
    assert compiled.leading_tests() == [
        analysis_test(("part", "tolerance_mm"), "lt", 0.02),
        analysis_test(("part", "material"), "eq", "pom")]


def analysis_test(field, kind, argument):
    from producibility.conditions.analysis import Test
    return Test(field, kind, argument)


def test_every_example_screens_the_same_from_records_as_parsed_afresh(cache_dir, monkeypatch):
    """With the cache (conditions compiled when first evaluated, trees, leading tests
    and documents from records) every example's report is the one a run without any
    cache gives, byte for byte."""
    from conftest import EXAMPLES
    from producibility import load_packs
    from producibility.model.equipment import load_equipment
    from producibility.screen import Screener

    def reports():
        screener = Screener(load_equipment(str(EXAMPLES / "equipment.yaml")), load_packs([]))
        return {path.name: screener.check(str(path), lang="nl").to_json()
                for path in sorted((EXAMPLES / "requests").glob("*.yaml"))}

    monkeypatch.setenv("PRODUCIBILITY_NO_CACHE", "1")
    fresh = reports()
    monkeypatch.delenv("PRODUCIBILITY_NO_CACHE")
    reports()  # the records written
    assert reports() == fresh
    assert len(fresh) >= 10


def test_writes_paused_in_one_thread_leave_another_threads_writes(cache_dir):
    """A batch in one thread pauses the cache's writes for its own requests only."""
    import threading

    paused, go = threading.Event(), threading.Event()

    def batch_thread():
        with cache.writes_paused():
            cache.write_data("paused-key", "1")
            paused.set()
            go.wait(5)

    worker = threading.Thread(target=batch_thread)
    worker.start()
    paused.wait(5)
    assert cache.writing()
    cache.write_data("other-key", "2")
    go.set()
    worker.join()
    assert cache.read_data("other-key") == "2"
    assert cache.read_data("paused-key") is None


def _age(path, days):
    """Make a file look last used ``days`` ago."""
    when = os.stat(path).st_mtime - days * cache.DAY
    os.utime(path, (when, when))


def _entries(cache_dir):
    return sorted(p.name for kind in cache.KINDS for p in (cache_dir / kind).glob("*"))


def test_the_cache_forgets_what_nobody_used_for_two_months(cache_dir, tmp_path):
    """A shop screens new requests every day: each leaves a record, so the directory is
    pruned once a day by a process that writes one; an entry read meanwhile is kept."""
    files = []
    for n in range(3):
        path = tmp_path / f"r{n}.yaml"
        path.write_text(f"id: R{n}\nquantity: {n + 1}\n", encoding="utf-8")
        yamlio.load(path)
        files.append(path)
    cache.remember_valid("k" * 64)
    entries = sorted((cache_dir / "data").iterdir()) + sorted((cache_dir / "valid").iterdir())
    assert len(entries) == 4 and (cache_dir / cache.PRUNED_NAME).exists()
    for entry in entries:
        _age(entry, cache.MAX_AGE_DAYS + 1)
    yamlio.load(files[0])                      # read: used again, so kept
    used = [e.name for e in entries if e.stat().st_mtime > cache.time.time() - cache.DAY]
    assert len(used) == 1
    assert cache.prune(cache_dir) == 3         # the two other records, the valid mark
    assert _entries(cache_dir) == used
    assert (cache_dir / cache.SECRET_NAME).exists()
    assert yamlio.load(files[1]) == {"id": "R1", "quantity": 2}   # parsed again: no loss


def test_the_cache_keeps_under_its_size_by_dropping_the_least_recently_used(cache_dir,
                                                                            tmp_path):
    for n in range(10):
        path = tmp_path / f"r{n}.yaml"
        path.write_text(f"id: R{n}\nnote: '{'x' * 5000}'\n", encoding="utf-8")
        yamlio.load(path)
    records = sorted((cache_dir / "data").iterdir())
    for age, record in enumerate(records):     # records[0] the most recently used
        _age(record, age)
    size = sum(max(r.stat().st_size, r.stat().st_blocks * 512) for r in records)
    removed = cache.prune(cache_dir, limit=size // 2)
    left = sorted((cache_dir / "data").iterdir())
    assert removed == 10 - len(left) and 0 < len(left) < 5
    assert left == records[:len(left)]         # the most recently used stay


def test_the_cache_is_pruned_at_most_once_a_day(cache_dir, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(cache, "prune", lambda directory: calls.append(directory))
    for n in range(3):
        path = tmp_path / f"r{n}.yaml"
        path.write_text(f"id: R{n}\n", encoding="utf-8")
        yamlio.load(path)
    assert len(calls) == 1
    _age(cache_dir / cache.PRUNED_NAME, 1.1)
    cache.remember_valid("v" * 64)
    assert len(calls) == 2


@pytest.mark.parametrize("value, expected", [("", 100_000_000), ("2.5", 2_500_000),
                                             ("lots", 100_000_000), ("-1", 0)])
def test_the_cache_size_comes_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("PRODUCIBILITY_CACHE_MAX_MB", value)
    assert cache.max_bytes() == expected
