"""A quick yes/no schema check in compiled code, before the one that words the errors.

jsonschema (pure Python) words every problem, with the path and the advice of
:mod:`producibility.inputs.schema`; it takes milliseconds per request and about
40 ms to import.  So a document is first given to a validator that only answers
"valid or not": when it says valid, that is the answer; in every other case
(invalid, a value it cannot take, no such validator) jsonschema decides as before
and words the errors.  The shortcut is only safe if it never accepts what
jsonschema refuses: ``tests/test_quickcheck.py`` checks exactly that on generated
documents.

Two validators answer, in this order:

- for the shipped schemas (rules, equipment, config, questionnaire, and the request
  schema of the shipped questionnaire), Python code generated from the schema when
  the package is made, by fastjsonschema (a well-kept library that compiles a JSON
  Schema to a Python function), in ``producibility/schemas/compiled/``: importing
  one takes about a millisecond, where jsonschema-rs takes ~12 ms to import (its
  native module loads the ``email`` and ``socket`` modules) and ~3 ms to compile
  the request schema, paid by every check of a request not seen before.  The code is
  made from our own schema files, never from pack or request text, and nothing is
  compiled or executed at run time; a schema of other bytes (a provider's own
  questionnaire) simply has no generated module;
- otherwise jsonschema-rs (a Rust implementation of the same JSON Schema drafts).

Schema patterns are matched as JSON Schema means them (ECMA 262: ``$`` is the end
of the text): jsonschema-rs natively, the generated code and jsonschema with ``$``
as ``\\Z`` (:func:`schema._ecma`).  Formats are asserted by none of them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

_COMPILED: dict[int, tuple[Any, Any]] = {}   # id(schema) -> (schema, validator or None)
GENERATED = "producibility.schemas.compiled"  # the package of the generated validators


def schema_digest(schema: dict) -> str:
    """What names a schema's generated validator: a digest of its canonical JSON."""
    text = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class _Generated:
    """A generated validator as a yes/no answer (it raises on the first problem)."""

    def __init__(self, module):
        self.validate, self.invalid = module.validate, module.JsonSchemaValueException

    def is_valid(self, document):
        try:
            self.validate(document)
        except self.invalid:
            return False
        return True


def _generated(schema: dict):
    import importlib
    try:
        return _Generated(importlib.import_module(f"{GENERATED}.check_{schema_digest(schema)}"))
    except ImportError:
        return None


def _compiled(schema: dict):
    known = _COMPILED.get(id(schema))
    if known is not None and known[0] is schema:
        return known[1]
    validator = _generated(schema)
    if validator is None:
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
