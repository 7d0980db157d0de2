"""An alpha index for a table of rules: skip the rules whose first test fails.

RETE's alpha network tests each fact against every pattern's constant tests
once, sharing work between rules.  Our rule tables (one experta rule per
scope, see infer.py) do the same for the rule pack's conditions: the leftmost
conjunct of each condition, when it is a simple test of one field against
constants (``part.tolerance_mm < 0.02``, ``part.material == 'pom'``,
``request.purpose in ['pilot', 'series']``, ``'en_1090' in
request.certificates_required``), is indexed by field.  For a fact, one
dictionary lookup or binary search per field finds the rules whose first test
can pass; only those are evaluated in full.

This is exact, not a heuristic: ``a and b`` evaluates ``a`` first and stops
when it is false (see expressions.py), so a rule whose leftmost test is false
is false whatever the rest says.  Whenever the field's value is missing or of
a type the index does not handle, every rule on that field is evaluated in
full by the ordinary evaluator, so unknowns and errors come out the same.
"""

import bisect

from jinja2 import nodes

_FLIP = {"lt": "gt", "lteq": "gteq", "gt": "lt", "gteq": "lteq", "eq": "eq", "ne": "ne"}


def _leftmost(tree):
    while isinstance(tree, nodes.And):
        tree = tree.left
    return tree


def _field(node):
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        return (node.node.name, node.attr)
    return None


def _constant(node):
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float, str)):
        return node.value
    return None


def _constants(node):
    if isinstance(node, (nodes.List, nodes.Tuple)) and node.items and all(
            _constant(i) is not None for i in node.items):
        return [i.value for i in node.items]
    return None


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def classify(tree):
    """(field, kind, argument) for an indexable leftmost test, else None.

    kinds: eq/ne (argument: constant), lt/lteq/gt/gteq (number: field OP number),
    in/notin (list of constants: field in list), has/hasnot (constant: const in field).
    """
    test = _leftmost(tree)
    if not isinstance(test, nodes.Compare) or len(test.ops) != 1:
        return None
    op = test.ops[0].op
    left, right = test.expr, test.ops[0].expr
    field, value = _field(left), _constant(right)
    if field and value is not None and op in _FLIP:
        if op in ("eq", "ne") or _number(value):
            return field, op, value
        return None
    field, value = _field(right), _constant(left)
    if field and value is not None:
        if op in ("lt", "lteq", "gt", "gteq") and _number(value):
            return field, _FLIP[op], value
        if op in ("eq", "ne"):
            return field, op, value
        if op in ("in", "notin"):
            return field, "has" if op == "in" else "hasnot", value
        return None
    field, values = _field(left), _constants(right)
    if field and values is not None and op in ("in", "notin"):
        return field, op, values
    return None


class _FieldIndex:
    """Every indexed rule on one field, arranged for lookup by the field's value."""

    def __init__(self):
        self.eq, self.ne, self.member, self.absent = {}, [], {}, []
        self.has, self.hasnot = {}, []
        self.bounds = {k: ([], []) for k in ("lt", "lteq", "gt", "gteq")}
        self.all = []

    def add(self, position, kind, argument):
        self.all.append(position)
        if kind == "eq":
            self.eq.setdefault(argument, []).append(position)
        elif kind == "ne":
            self.ne.append((argument, position))
        elif kind == "in":
            for value in set(argument):
                self.member.setdefault(value, []).append(position)
        elif kind == "notin":
            self.absent.append((frozenset(argument), position))
        elif kind == "has":
            self.has.setdefault(argument, []).append(position)
        elif kind == "hasnot":
            self.hasnot.append((argument, position))
        else:
            self.bounds[kind][0].append(argument)
            self.bounds[kind][1].append(position)

    def freeze(self):
        for kind, (limits, positions) in self.bounds.items():
            order = sorted(range(len(limits)), key=lambda i: limits[i])
            self.bounds[kind] = ([limits[i] for i in order], [positions[i] for i in order])

    def passing(self, value):
        """Positions of rules whose leftmost test may hold, or None: evaluate all."""
        if value is None or isinstance(value, bool) and (self.bounds["lt"][0] or
                                                          self.bounds["gt"][0] or
                                                          self.bounds["lteq"][0] or
                                                          self.bounds["gteq"][0]):
            return None
        out = []
        try:
            out += self.eq.get(value, ())
            out += [p for c, p in self.ne if c != value]
            out += self.member.get(value, ())
            out += [p for values, p in self.absent if value not in values]
        except TypeError:  # an unhashable value (a list) against eq/in tests
            return None
        if self.has or self.hasnot:
            if not isinstance(value, list):
                return None  # text containment and the like: let the evaluator decide
            present = set()
            for item in value:
                try:
                    present.update(self.has.get(item, ()))
                except TypeError:
                    return None
            out += present
            out += [p for c, p in self.hasnot if c not in value]
        if any(limits for limits, _ in self.bounds.values()):
            if not _number(value):
                return None  # comparing text or lists: the evaluator reports it
            limits, positions = self.bounds["lt"]      # value < limit
            out += positions[bisect.bisect_right(limits, value):]
            limits, positions = self.bounds["lteq"]    # value <= limit
            out += positions[bisect.bisect_left(limits, value):]
            limits, positions = self.bounds["gt"]      # value > limit
            out += positions[:bisect.bisect_left(limits, value)]
            limits, positions = self.bounds["gteq"]    # value >= limit
            out += positions[:bisect.bisect_right(limits, value)]
        return out


class RuleTable:
    """Rules of one scope in evaluation order, with their first tests indexed."""

    def __init__(self, rules):
        self.rules = list(rules)
        self.always = []   # positions of rules without an indexable first test
        self.fields = {}   # (scope, field) -> _FieldIndex
        for position, rule in enumerate(self.rules):
            tree = getattr(rule.when, "tree", None)
            found = classify(tree) if tree is not None else None
            if found is None:
                self.always.append(position)
                continue
            field, kind, argument = found
            self.fields.setdefault(field, _FieldIndex()).add(position, kind, argument)
        for index in self.fields.values():
            index.freeze()

    def candidates(self, context):
        """The rules worth evaluating for this context, in table order."""
        if not self.fields:
            return self.rules
        chosen = list(self.always)
        for (scope, name), index in self.fields.items():
            facts = context.get(scope)
            value = None if facts is None else facts.get(name)
            passing = index.passing(value)
            chosen += index.all if passing is None else passing
        chosen = sorted(set(chosen))
        return [self.rules[i] for i in chosen]
