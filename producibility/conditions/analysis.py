"""What a condition reads and compares: the one reader of a condition's syntax tree.

``expressions.py`` parses a ``when:`` (or ``ask_if:``) text into Jinja2's syntax tree and
compiles it; this module answers questions about that tree without evaluating it:

- :func:`field_of`: is this node a field (``part.material``, ``part['material']``)?
- :func:`comparisons`: every comparison the condition makes, with its operands (a field,
  a constant, a list of constants, something else); lint checks the values compared with
  a choice question, probing collects the thresholds a number is compared with.
- :func:`first_test`, :func:`leading_tests`: the leftmost conjunct, and the run of
  conjuncts a condition starts with, that test one field against constants
  (the alpha index of ``alpha.py`` is built from them).
- :func:`answer_tests`: a condition as simple tests of answers (``'x' in part.f``,
  ``request.f == 'y'``, ``not request.g``) joined by one ``and`` or ``or``: how the form
  shows an ``ask_if`` in words and evaluates it on screen.

The fields a condition reads are :attr:`expressions.Compiled.fields`: the compiler records
them as it compiles, so they need no second reading.
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from jinja2 import nodes

Field = tuple  # (scope, name)

_FLIP = {"lt": "gt", "lteq": "gteq", "gt": "lt", "gteq": "lteq", "eq": "eq", "ne": "ne"}


def field_of(node: nodes.Node) -> Field | None:
    """``(scope, name)`` when the node reads one field (``scope.name`` or
    ``scope['name']``), else None."""
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        return (node.node.name, node.attr)
    if isinstance(node, nodes.Getitem) and isinstance(node.node, nodes.Name) \
            and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        return (node.node.name, node.arg.value)
    return None


class Operand(NamedTuple):
    """One side of a comparison, as far as it is a field or constant.

    ``constants``: the constant, or the constant items of a list literal; ``literal``:
    the operand is wholly constant (a constant, or a list of constants only).  (A named
    tuple: building the engine reads some ten thousand of them for a large pack.)"""

    field: Field | None = None
    constants: tuple = ()
    literal: bool = False
    is_list: bool = False

    @property
    def constant(self):
        """The value of a single constant (not a list), else None."""
        return self.constants[0] if self.literal and not self.is_list else None


def operand(node: nodes.Node) -> Operand:
    """What an operand of a comparison is."""
    field = field_of(node)
    if field is not None:
        return Operand(field=field)
    if isinstance(node, nodes.Const):
        return Operand(constants=(node.value,), literal=True)
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = tuple(i.value for i in node.items if isinstance(i, nodes.Const))
        return Operand(constants=items, literal=len(items) == len(node.items), is_list=True)
    return Operand()


class Comparison(NamedTuple):
    """One comparison (``a < b``, or a chain ``a < b < c``): its operands left to right
    and the operators between them (``eq ne lt lteq gt gteq in notin``)."""

    operands: tuple
    ops: tuple

    def pairs(self) -> Iterator[tuple[Operand, str, Operand]]:
        """(left, op, right) for each operator of the chain."""
        for i, op in enumerate(self.ops):
            yield self.operands[i], op, self.operands[i + 1]

    @property
    def fields(self) -> list:
        return [o.field for o in self.operands if o.field is not None]

    @property
    def constants(self) -> list:
        return [c for o in self.operands for c in o.constants]


def _comparison(node: nodes.Compare) -> Comparison:
    return Comparison(operands=tuple(operand(n) for n in [node.expr] + [o.expr for o in node.ops]),
                      ops=tuple(o.op for o in node.ops))


def comparisons(tree: nodes.Node, root: bool = True) -> list[Comparison]:
    """Every comparison in a parsed condition, outermost first.

    ``root=False`` leaves out a comparison that is the whole condition (probing's
    thresholds have always done so; see :func:`report.probing.thresholds`)."""
    if tree is None:
        return []
    out = [_comparison(tree)] if root and isinstance(tree, nodes.Compare) else []
    out += [_comparison(n) for n in tree.find_all(nodes.Compare)]
    return out


# ----------------------------------------------------------------- the first test
class Test(NamedTuple):
    """A test of one field against constants: ``field`` is ``(scope, name)``.

    kinds: eq/ne (argument: constant), lt/lteq/gt/gteq (number: field OP number),
    in/notin (list of constants: field in list), has (list of constants: any of
    them in field, one ``in`` or an ``or`` of them), hasnot (constant: not in
    field), truthy (the bare field), defined/undefined (``field is defined``)."""

    field: Field
    kind: str
    argument: object


def _scalar(value) -> bool:
    return isinstance(value, (int, float, str))


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _constant(side: Operand):
    value = side.constant
    return value if _scalar(value) else None


def _constant_list(side: Operand):
    if side.is_list and side.literal and side.constants and all(map(_scalar, side.constants)):
        return list(side.constants)
    return None


def leftmost(tree: nodes.Node) -> nodes.Node:
    """The first conjunct of ``a and b and ...``: evaluated first, and when it is
    false the whole condition is."""
    while isinstance(tree, nodes.And):
        tree = tree.left
    return tree


def _any_of(test: nodes.Node) -> tuple | None:
    """('a' in f or 'b' in f or ...) on one field f: (field, [constants]), else None."""
    found, pending = [], [test]
    field = None
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.Or):
            pending += [node.right, node.left]
            continue
        if not (isinstance(node, nodes.Compare) and len(node.ops) == 1
                and node.ops[0].op == "in"):
            return None
        constant, target = _constant(operand(node.expr)), field_of(node.ops[0].expr)
        if constant is None or target is None or field not in (None, target):
            return None
        field = target
        found.append(constant)
    return field, found


def simple_test(test: nodes.Node) -> Test | None:
    """The test as one field against constants (see :class:`Test`), else None."""
    if isinstance(test, nodes.Or):
        found = _any_of(test)
        return Test(found[0], "has", found[1]) if found else None
    field = field_of(test)
    if field:
        return Test(field, "truthy", None)
    if isinstance(test, nodes.Test) and test.name in ("defined", "undefined") \
            and not test.args and not test.kwargs and field_of(test.node):
        return Test(field_of(test.node), test.name, None)
    if not isinstance(test, nodes.Compare) or len(test.ops) != 1:
        return None
    (left, op, right), = _comparison(test).pairs()
    field, value = left.field, _constant(right)
    if field and value is not None and op in _FLIP:
        if op in ("eq", "ne") or _number(value):
            return Test(field, op, value)
        return None
    field, value = right.field, _constant(left)
    if field and value is not None:
        if op in ("lt", "lteq", "gt", "gteq") and _number(value):
            return Test(field, _FLIP[op], value)
        if op in ("eq", "ne"):
            return Test(field, op, value)
        if op in ("in", "notin"):
            return Test(field, "has", [value]) if op == "in" else Test(field, "hasnot", value)
        return None
    field, values = left.field, _constant_list(right)
    if field and values is not None and op in ("in", "notin"):
        return Test(field, op, values)
    return None


def conjuncts(tree: nodes.Node) -> list[nodes.Node]:
    """The tests of ``a and b and c`` from left to right (one test if no ``and``)."""
    out, pending = [], [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.And):
            pending += [node.right, node.left]
        else:
            out.append(node)
    return out


def leading_tests(tree: nodes.Node) -> list[Test]:
    """The run of simple tests (see :class:`Test`) the condition starts with: every
    conjunct up to the first that is not one; empty when the first is not."""
    out = []
    for test in conjuncts(tree):
        found = simple_test(test)
        if found is None:
            break
        out.append(found)
    return out


def first_test(tree: nodes.Node) -> Test | None:
    """The condition's leftmost conjunct as a :class:`Test` of one field, else None."""
    return simple_test(leftmost(tree))


# ----------------------------------------------------------------- answers in words
class AnswerTest(NamedTuple):
    """One simple test of one question's answer (an ``ask_if``, read by the form).

    ``op``: ``has`` / ``lacks`` (``'x' in part.f`` / ``'x' not in part.f``: a choice
    in a multiple choice), ``true`` / ``false`` (``request.f`` / ``not request.f``: a
    yes/no answer), ``in`` / ``out`` (``request.f == 'x'``, ``request.f in ['x', 'y']``
    / ``!=``, ``not in``: the answer among ``values`` or not; a number answer against
    one number too: ``request.batches != 1``), ``lt`` / ``lteq`` / ``gt`` / ``gteq``
    (a number answer against one number, ``values``: that number: ``part.tolerance_mm <
    0.05``, ``100 <= request.quantity`` as ``gteq``), ``defined`` / ``undefined``
    (``part.f is defined`` / ``is not defined``: answered with a value, not open and not
    "none"), ``none`` / ``some`` (``part.f is none`` / ``is not none``: answered "none"
    / not: an open answer may be either).
    """

    op: str
    scope: str
    field: str
    values: tuple = ()

    def as_data(self) -> dict:
        """The test as plain data (the on-screen form evaluates it)."""
        return {"op": self.op, "scope": self.scope, "field": self.field,
                "values": list(self.values)}


def answer_tests(tree: nodes.Node, nested: bool = True) -> tuple[str, list] | None:
    """A condition as simple tests of answers joined by one of ``and`` / ``or``:
    ``(join, tests)``, or None when it is more than that (two fields compared,
    arithmetic, filters, and/or nested deeper ...).  A single test has the join ``or``.
    One level of the other join inside is a group, an item ``(join, tests)`` of its own
    (``nested``): ``('milling_3axis' in part.processes or 'turning' in part.processes)
    and part.min_hole_diameter_mm is not none``."""
    join = "and" if isinstance(tree, nodes.And) else "or"
    joined = nodes.Or if join == "or" else nodes.And
    other = nodes.And if join == "or" else nodes.Or
    tests, stack = [], [tree]
    while stack:  # left to right through a chain of the one join
        node = stack.pop()
        if isinstance(node, joined):
            stack += [node.right, node.left]
            continue
        test = _answer_test(node)
        if test is None and nested and isinstance(node, other):
            test = answer_tests(node, nested=False)
        if test is None:
            return None
        tests.append(test)
    return join, tests


def _texts(node):
    """The texts of a string constant or a list of them, else None."""
    items = node.items if isinstance(node, (nodes.List, nodes.Tuple)) else [node]
    if items and all(isinstance(i, nodes.Const) and isinstance(i.value, str) for i in items):
        return tuple(i.value for i in items)
    return None


#: ``part.f is <test>`` and ``is not <test>`` as answer tests
_IS = {"defined": ("defined", "undefined"), "undefined": ("undefined", "defined"),
       "none": ("none", "some")}


def _is_test(node):
    """``field is defined`` / ``is undefined`` / ``is none`` (``negated``: with ``not``)
    as an AnswerTest, else None."""
    negated = isinstance(node, nodes.Not)
    test = node.node if negated else node
    if not (isinstance(test, nodes.Test) and test.name in _IS and not test.args
            and not test.kwargs and field_of(test.node) is not None):
        return None
    return AnswerTest(_IS[test.name][1 if negated else 0], *field_of(test.node))


def _number_constant(node):
    return isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and \
        not isinstance(node.value, bool)


def _answer_test(node):
    field = field_of(node)
    if field is not None:
        return AnswerTest("true", *field)
    found = _is_test(node)
    if found is not None:
        return found
    if isinstance(node, nodes.Not) and field_of(node.node) is not None:
        return AnswerTest("false", *field_of(node.node))
    if not isinstance(node, nodes.Compare) or len(node.ops) != 1:
        return None
    op, right = node.ops[0].op, node.ops[0].expr
    if op in ("lt", "lteq", "gt", "gteq"):  # a number answer against one number
        if field_of(node.expr) is not None and _number_constant(right):
            return AnswerTest(op, *field_of(node.expr), (right.value,))
        if field_of(right) is not None and _number_constant(node.expr):
            return AnswerTest(_FLIP[op], *field_of(right), (node.expr.value,))
        return None
    if op in ("in", "notin") and isinstance(node.expr, nodes.Const) \
            and isinstance(node.expr.value, str) and field_of(right) is not None:
        return AnswerTest("has" if op == "in" else "lacks", *field_of(right), (node.expr.value,))
    left, values = field_of(node.expr), _texts(right)
    if left is not None and values is None and op in ("eq", "ne") and \
            isinstance(right, nodes.Const) and isinstance(right.value, (int, float)) and \
            not isinstance(right.value, bool):  # a number answer: "1.5 is not 1"
        values = (right.value,)
    if left is None or values is None:
        return None
    if op in ("eq", "ne") and isinstance(right, nodes.Const):
        return AnswerTest("in" if op == "eq" else "out", *left, values)
    if op in ("in", "notin") and isinstance(right, (nodes.List, nodes.Tuple)):
        return AnswerTest("in" if op == "in" else "out", *left, values)
    return None


def unknown_fields(named: Iterable[tuple[str, str]], fields: dict) -> list[tuple[str, str]]:
    """The (scope, field) pairs of ``named`` that no fact has (``fields``: scope -> the
    names its facts can have, as ``engine.infer.fact_fields`` gives them; a scope not in
    it is not checked): a typo, which would leave a condition unknown on every request."""
    return [(scope, name) for scope, name in named
            if scope in fields and name not in fields[scope]]
