"""What the cache's records of loaded files share (:mod:`.pack_record`, the questionnaire's
record in :mod:`.questionnaire`): conditions kept as their text, the fields they read,
their leading tests, the constants
they compare each field with (the probes'), and their parsed tree on a line of its own, and the comparison that
a record read back is what was loaded (:func:`fingerprint`)."""

from __future__ import annotations

import functools
import json

from producibility.conditions.analysis import Test
from producibility.conditions.expressions import Compiled, Template, _freeze_node


def condition_out(compiled, trees):
    """A compiled condition as a record keeps it; its tree is appended to ``trees`` (one
    JSON text a line: a tree as a line of its own is not escaped inside the record's
    first line, whose decoding then took twice as long) and named by its line."""
    trees.append(json.dumps(_freeze_node(compiled.tree),
                            separators=(",", ":")))
    return [compiled.source, len(trees), [list(f) for f in compiled.fields],
            _freeze_node(compiled.leading_tests()),
            [[list(key), list(values)] for key, values in compiled.compared().items()]]


def condition_in(entry, lines, scopes, invariant=None):
    """The condition of :func:`condition_out`, compiled when first evaluated, its tree
    thawed when first asked for (as a condition of a pack's trees record is)."""
    source, n, fields, leading, compared = entry
    if not isinstance(source, str):
        raise TypeError("not a condition")
    return Compiled(source, None, [tuple(f) for f in fields], None, None,
                    [Test((f[0], f[1]), kind, argument) for f, kind, argument in leading],
                    (scopes, _invariant(invariant), 0), frozen=line(lines, n),
                    compared={(key[0], key[1]): tuple(values) for key, values in compared})


@functools.lru_cache(maxsize=None)
def _invariant(scopes):
    """The invariant scopes of a rule's scope as the compiler takes them (one frozenset
    a scope, not one a condition)."""
    return None if scopes is None else frozenset(scopes)


def line(lines, n):
    """Line ``n`` of a record (the first is its JSON, the others its trees)."""
    if type(n) is not int or not 0 < n < len(lines):
        raise IndexError("no such tree")
    return lines[n]


def fingerprint(value):
    """A value as nested tuples that tell its types apart (a YAML mapping counts as a
    dict, a YAML list as a list: their lines are not part of the pack)."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted(((type(k).__name__, k), fingerprint(v))
                                     for k, v in value.items())))
    if isinstance(value, list):
        return ("list", tuple(fingerprint(v) for v in value))
    if isinstance(value, tuple):
        return (type(value).__name__, tuple(fingerprint(v) for v in value))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(fingerprint(v) for v in value)))
    if isinstance(value, Compiled):
        return ("condition", value.source, fingerprint(value.fields),
                fingerprint(value.leading_tests()), fingerprint(value.compared()))
    if isinstance(value, Template):
        return ("template", value.source, value.scopes)
    if value is None or isinstance(value, (str, int, float, bool)):
        return (type(value).__name__, value)
    raise TypeError(f"not plain data: {type(value).__name__}")
