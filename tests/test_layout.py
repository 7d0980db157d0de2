"""The package's layout: no module imports itself back, at import time.

Every module's imports are read from its syntax tree (nothing is imported).  An import
in a module's body (including class bodies and ``if``/``try`` blocks there) runs when
the module is imported; an import inside a function runs when the function is called.
A cycle through module-level imports fails the test: the modules on it cannot be
understood, or imported, one before the other.  A function-level import that closes a
cycle (the imported module leads back, through any imports) is allowed, but only when
it is listed in ``FUNCTION_LEVEL_CYCLES`` below, so that a new one is a decision, not an
accident.

``from producibility.x import y`` counts as importing ``producibility.x.y`` when that is a
module, else ``producibility.x``.  A package's ``__init__`` is not counted as imported by
its submodules: Python runs it first, but a re-export there (``producibility/__init__``
re-exports ``Screener``) is what packages are for.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "producibility"

# Function-level imports that close a cycle: (importing module, imported module), each
# with the reason it stays; delete an entry when its import is gone.
FUNCTION_LEVEL_CYCLES = {
    # a request is read by the answer parser (intake.answers); the interview and
    # validate read a request file as the loader does
    ("producibility.model.request", "producibility.intake.checks"): "request <-> answer parser",
    # the catalogue names the questionnaire's choices; the questionnaire's choices_from
    # questions take their choices from the catalogue
    ("producibility.model.catalogue", "producibility.model.questionnaire"): "choices",
    ("producibility.model.questionnaire", "producibility.model.catalogue"): "choices",
    # the parser builds yamlio's Mapping and Sequence; yamlio imports the parser (and
    # PyYAML) only for a text it must parse: a warm check reads all from the cache
    ("producibility.inputs.yamlio", "producibility.inputs.yamlparse"): "parse on demand",
    # an error line's first word is in the user's language (Error: / Fout:), from the
    # locale files, which i18n reads with yamlio, which raises errors
    ("producibility.errors", "producibility.i18n"): "error words",
    ("producibility.i18n", "producibility.inputs.yamlio"): "error words",
    # the loader reads and writes the merged pack's record (pack imports pack_record);
    # the record builds the loader's own Rule and RulePack back, and keys on its files
    ("producibility.model.pack_record", "producibility.model.pack"): "the pack's record",
}


def module_names():
    """{dotted module name: file} of every module in the package."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _target(module, name, modules):
    candidate = f"{module}.{name}" if name != "*" else module
    return candidate if candidate in modules else module


def imports(name, path, modules):
    """(module-level targets, function-level targets) of one module, within the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    at_module, in_function = set(), set()

    def visit(node, in_def):
        for child in ast.iter_child_nodes(node):
            inside = in_def or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                  ast.Lambda))
            targets = set()
            if isinstance(child, ast.Import):
                targets = {alias.name for alias in child.names}
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[:len(anchor) - child.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = {_target(base, alias.name, modules) for alias in child.names}
            targets = {t for t in targets if t in modules}
            (in_function if inside else at_module).update(targets)
            visit(child, inside)

    visit(tree, False)
    at_module.discard(name)
    in_function.discard(name)
    return at_module, in_function - at_module


def graph():
    """(module-level edges, function-level edges): {module: {imported modules}}."""
    modules = module_names()
    edges = {name: imports(name, path, modules) for name, path in modules.items()}
    return {n: e[0] for n, e in edges.items()}, {n: e[1] for n, e in edges.items()}


def reaches(edges, start):
    """Every module ``start`` imports, directly or through others."""
    seen, todo = {start}, [start]
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def cycle_closing(at_module, in_function):
    """The function-level imports (a, b) where b leads back to a."""
    everything = {n: at_module[n] | in_function[n] for n in at_module}
    return {(a, b) for a, targets in in_function.items() for b in targets
            if a in reaches(everything, b)}


def cycles(edges):
    """The strongly connected components of more than one module (Tarjan), as sorted
    tuples: every module on a cycle, grouped."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(tuple(sorted(group)))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return sorted(found)


def test_the_walk_sees_the_package():
    at_module, _ = graph()
    assert "producibility.cli" in at_module and "producibility.screen" in at_module
    assert "producibility.errors" in at_module["producibility.project"]


def test_no_import_cycle_at_module_level():
    at_module, _ = graph()
    assert cycles(at_module) == [], "modules that import each other at import time"


def test_function_level_cycles_are_the_listed_ones():
    found = cycle_closing(*graph())
    assert sorted(found - set(FUNCTION_LEVEL_CYCLES)) == [], \
        "a function-level import closes a cycle: break it, or list it with its reason"
    assert sorted(set(FUNCTION_LEVEL_CYCLES) - found) == [], \
        "listed, but no longer a cycle: delete the entry"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [("a", "b", "c")]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert cycle_closing({"a": {"b"}, "b": set(), "c": set()},
                         {"a": set(), "b": {"a"}, "c": {"a"}}) == {("b", "a")}


def test_every_package_is_in_the_wheel():
    """setup.cfg lists the packages a wheel carries: a new package left out installs
    a broken product (pip install . then fails on import)."""
    import configparser
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    packages = {".".join(p.relative_to(ROOT).parent.parts)
                for p in PACKAGE.rglob("__init__.py")}
    assert packages <= listed, sorted(packages - listed)
