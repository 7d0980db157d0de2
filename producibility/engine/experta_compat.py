"""Import experta on Python 3.10 and newer.

experta 1.9.4 (its last release) pins frozendict 1.2, whose class statement
subclasses ``collections.Mapping``; that alias was removed in Python 3.10.
We add the alias only while experta is first imported, then take it away
again, so nothing else in the process sees it.  Every module of this package
imports experta from here, never directly.

Importing this module changes nothing in experta itself: the faster paths of
``experta_speed`` are installed when producibility builds its first engine.
"""

import collections
import collections.abc
import logging

_added = not hasattr(collections, "Mapping")
if _added:
    collections.Mapping = collections.abc.Mapping
_root_handlers = list(logging.getLogger().handlers)
try:
    from experta import AS, MATCH, NOT, OR, TEST, Fact, KnowledgeEngine, Rule  # noqa: F401
finally:
    if _added:
        del collections.Mapping
    # experta calls logging.basicConfig() on import; undo that side effect.
    _root = logging.getLogger()
    for _h in list(_root.handlers):
        if _h not in _root_handlers:
            _root.removeHandler(_h)

__all__ = ["AS", "MATCH", "NOT", "OR", "TEST", "Fact", "KnowledgeEngine", "Rule"]
