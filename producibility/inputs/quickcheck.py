"""A quick yes/no schema check in compiled code, before the one that words the errors.

jsonschema (pure Python) words every problem, with the path and the advice of
:mod:`producibility.inputs.schema`; it takes milliseconds per request and about
40 ms to import.  jsonschema-rs (a Rust implementation of the same JSON Schema
drafts, a well-kept library) answers "valid or not" in tens of microseconds.  So
a document is first given to jsonschema-rs: when it says valid, that is the
answer; in every other case (invalid, a value it cannot take, the library
missing) jsonschema decides as before and words the errors.  The shortcut is
only safe if jsonschema-rs never accepts what jsonschema refuses:
``tests/test_quickcheck.py`` checks exactly that on generated documents.

Schema patterns are matched as ECMA 262 regular expressions by jsonschema-rs,
which is what JSON Schema means and what :func:`schema._ecma` makes of them for
Python; formats are not asserted by either (``format_checker=None``).
"""

from __future__ import annotations

import json
from typing import Any

_COMPILED: dict[int, tuple[Any, Any]] = {}   # id(schema) -> (schema, validator or None)


def _compiled(schema: dict):
    known = _COMPILED.get(id(schema))
    if known is not None and known[0] is schema:
        return known[1]
    try:
        import jsonschema_rs
        validator = jsonschema_rs.validator_for(json.loads(json.dumps(schema)),
                                                validate_formats=False)
    except Exception:  # noqa: BLE001 - not installed, or a schema it will not take
        validator = None
    _COMPILED[id(schema)] = (schema, validator)   # the schema kept alive with its id
    return validator


def surely_valid(document: Any, schema: dict) -> bool:
    """True when ``document`` is valid for ``schema`` (so no further check is needed);
    False means "ask jsonschema", not necessarily invalid."""
    validator = _compiled(schema)
    if validator is None:
        return False
    try:
        return bool(validator.is_valid(document))
    except Exception:  # noqa: BLE001 - a value jsonschema-rs cannot take: let jsonschema
        return False
