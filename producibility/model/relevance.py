"""When the questionnaire asks a question: its ``ask_if``, evaluated and read from the
compiled condition.

The one owner of relevance.  ``ask`` walks only the questions :func:`asked` says apply,
``validate`` counts only those as open, the report leaves out the open questions the
questionnaire would not ask, and the form shows an ``ask_if`` in words and as data the
on-screen form evaluates (:func:`simple_tests`, read from the compiled syntax tree,
never from the condition's text).
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import nodes

from producibility.conditions.expressions import UNKNOWN, ExpressionError, evaluate


def asked(question, request: dict, part: dict | None = None) -> bool:
    """Whether the questionnaire asks ``question`` given the answers so far.

    A question without ``ask_if`` is always asked; an ``ask_if`` that is true or unknown
    (it reads a field not answered yet) asks it; so does one that fails on odd data,
    since asking too much is safer than skipping a question that matters.
    """
    if question.ask_if is None:
        return True
    try:
        outcome = evaluate(question.ask_if, {"request": request, "part": part or {}})
    except ExpressionError:
        return True
    return outcome is UNKNOWN or outcome is True


@dataclass(frozen=True)
class SimpleTest:
    """One simple test in an ``ask_if``, on one question's answer.

    ``op``: ``has`` / ``lacks`` (``'x' in part.f`` / ``'x' not in part.f``: a choice
    in a multiple choice), ``true`` / ``false`` (``request.f`` / ``not request.f``: a
    yes/no answer), ``in`` / ``out`` (``request.f == 'x'``, ``request.f in ['x', 'y']``
    / ``!=``, ``not in``: the answer among ``values`` or not).
    """

    op: str
    scope: str
    field: str
    values: tuple = ()

    def as_data(self) -> dict:
        """The test as plain data (the on-screen form evaluates it)."""
        return {"op": self.op, "scope": self.scope, "field": self.field,
                "values": list(self.values)}


def simple_tests(condition) -> tuple[str, list[SimpleTest]] | None:
    """A compiled ``ask_if`` as simple tests joined by one of ``and`` / ``or``:
    ``(join, tests)``, or None when it is more than that (and and or mixed, numbers
    compared, filters, ``is defined`` ...).  A single test has the join ``or``."""
    tree = getattr(condition, "tree", None)
    if tree is None:
        return None
    join = "and" if isinstance(tree, nodes.And) else "or"
    joined = nodes.Or if join == "or" else nodes.And
    tests, stack = [], [tree]
    while stack:  # left to right through a chain of the one join
        node = stack.pop()
        if isinstance(node, joined):
            stack += [node.right, node.left]
            continue
        test = _test(node)
        if test is None:
            return None
        tests.append(test)
    return join, tests


def _field(node):
    """(scope, field) of ``scope.field``, else None."""
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        return node.node.name, node.attr
    return None


def _texts(node):
    """The texts of a string constant or a list of them, else None."""
    items = node.items if isinstance(node, (nodes.List, nodes.Tuple)) else [node]
    if items and all(isinstance(i, nodes.Const) and isinstance(i.value, str) for i in items):
        return tuple(i.value for i in items)
    return None


def _test(node):
    field = _field(node)
    if field is not None:
        return SimpleTest("true", *field)
    if isinstance(node, nodes.Not) and _field(node.node) is not None:
        return SimpleTest("false", *_field(node.node))
    if not isinstance(node, nodes.Compare) or len(node.ops) != 1:
        return None
    op, right = node.ops[0].op, node.ops[0].expr
    if op in ("in", "notin") and isinstance(node.expr, nodes.Const) \
            and isinstance(node.expr.value, str) and _field(right) is not None:
        return SimpleTest("has" if op == "in" else "lacks", *_field(right), (node.expr.value,))
    left, values = _field(node.expr), _texts(right)
    if left is None or values is None:
        return None
    if op in ("eq", "ne") and isinstance(right, nodes.Const):
        return SimpleTest("in" if op == "eq" else "out", *left, values)
    if op in ("in", "notin") and isinstance(right, (nodes.List, nodes.Tuple)):
        return SimpleTest("in" if op == "in" else "out", *left, values)
    return None
