"""JSON Schemas: the shipped ones, and turning their errors into plain advice.

The same schema files serve the loaders, the linter, ``producibility schema``
and editors (``# yaml-language-server: $schema=...``).
"""

import difflib
import functools
import json
from importlib import resources

import jsonschema

from .errors import InputError, InputErrors
from .yamlio import line_of

SCHEMA_NAMES = ("request", "equipment", "rules", "report", "questionnaire")


@functools.lru_cache(maxsize=None)
def shipped(name):
    """A shipped schema by name (request is generated: see questionnaire.py)."""
    text = resources.files("producibility.schemas").joinpath(f"{name}.schema.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=None)
def _validator(key, schema_json):
    schema = json.loads(schema_json)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=None)


def validator(schema):
    return _validator(id(schema), json.dumps(schema, sort_keys=True))


def did_you_mean(word, options):
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(value):
    if isinstance(value, bool):
        return f"yes/no value {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


_TYPE_WORDS = {"number": "a number", "integer": "a whole number", "string": "a text",
               "boolean": "yes or no (true/false)", "array": "a list", "object": "a mapping",
               "null": "empty"}


def _field(path):
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    out = ""
    for p in parts:
        out += p if p.startswith("[") or not out else "." + p
    return out or "the document"


def advice(error):
    """One plain sentence for a jsonschema ValidationError."""
    where = _field(error.absolute_path)
    v = error.validator
    inst = error.instance
    if v == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in inst if k not in allowed]
        word = extra[0] if extra else "?"
        prefix = "" if where == "the document" else f"in {where}: "
        return f"{prefix}unknown field '{word}'{did_you_mean(word, allowed)}", [word]
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: missing required field '{missing}'", []
    if v == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        hint = ""
        if isinstance(inst, str) and any(w in ("number", "integer") for w in wanted):
            hint = " (write the number without quotes or units)"
        return f"{where} must be {words}, not {_describe(inst)}{hint}", []
    if v == "enum":
        options = error.validator_value
        shown = ", ".join(str(o) for o in options[:12]) + (", ..." if len(options) > 12 else "")
        return (f"{where}: {_describe(inst)} is not one of: {shown}"
                f"{did_you_mean(inst, options)}"), []
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sym = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=",
               "exclusiveMaximum": "<"}[v]
        return f"{where} must be {sym} {error.validator_value}, got {inst}", []
    if v in ("minItems", "maxItems"):
        n = error.validator_value
        what = "at least" if v == "minItems" else "at most"
        return f"{where} needs {what} {n} item{'s' if n != 1 else ''}, has {len(inst)}", []
    if v == "minLength":
        return f"{where} must not be empty", []
    if v == "uniqueItems":
        seen, twice = [], None
        for item in inst:
            if item in seen:
                twice = item
                break
            seen.append(item)
        return f"{where} lists {_describe(twice)} twice", []
    if v == "pattern":
        return f"{where}: '{inst}' is not a valid id (lowercase letters, digits, - _ .)", []
    if v == "minProperties":
        return f"{where} must not be empty", []
    if v == "oneOf":
        if isinstance(inst, dict) and error.context:
            # the mapping branch says what is wrong inside {en: ..., nl: ...}
            inner = [e for e in error.context if e.validator != "type"]
            if inner:
                message, extra = advice(inner[0])
                return message, extra
        return f"{where} must be a text, or texts per language like {{en: ..., nl: ...}}", []
    return f"{where}: {error.message}", []


def _error_line(document, error, extra_keys):
    path = list(error.absolute_path)
    if extra_keys and isinstance(error.instance, dict):
        node = document
        for p in path:
            node = node[p]
        key_lines = getattr(node, "key_lines", {})
        if extra_keys[0] in key_lines:
            return key_lines[extra_keys[0]]
    return line_of(document, path)


def check_file(document, data, schema, path):
    """:func:`check` a loaded file, skipping files whose bytes were valid before."""
    from . import cache

    key = cache.validation_key(data, schema)
    if cache.seen_valid(key):
        return
    check(document, schema, path)
    cache.remember_valid(key)


def check(document, schema, path="<input>"):
    """Validate; raise :class:`InputErrors` listing every problem with its line."""
    errors = sorted(validator(schema).iter_errors(document),
                    key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if not errors:
        return
    out, seen = [], set()
    for error in errors:
        if error.validator == "oneOf" and error.context:
            # pick the most telling branch error for texts like {en, nl}
            pass
        message, extra = advice(error)
        line = _error_line(document, error, extra)
        if (line, message) in seen:
            continue
        seen.add((line, message))
        out.append(InputError(message, path, line))
    out.sort(key=lambda e: (e.line or 0, e.message))
    raise InputErrors(out)
