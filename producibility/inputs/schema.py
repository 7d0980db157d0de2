"""JSON Schemas: the shipped ones, and turning their errors into plain advice.

The same schema files serve the loaders, the linter, ``producibility schema``
and editors (``# yaml-language-server: $schema=...``).
"""

import difflib
import functools
import json
import re
from importlib import resources

from producibility.errors import InputError, InputErrors
from producibility.inputs.yamlio import line_of

SCHEMA_NAMES = ("request", "equipment", "rules", "report", "questionnaire")


@functools.lru_cache(maxsize=None)
@functools.lru_cache(maxsize=None)
def shipped(name):
    """A shipped schema by name (request is generated: see questionnaire.py); read once
    per process, so it must not be changed by its callers."""
    text = resources.files("producibility.schemas").joinpath(f"{name}.schema.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=None)
def _ecma(pattern):
    """A schema pattern as JSON Schema means it (ECMA 262): ``$`` is the end of the
    text, where Python's ``$`` also matches before a final newline ("id\\n")."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            char = r"\Z"
        out.append(char)
    return re.compile("".join(out))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        from jsonschema import ValidationError  # loaded already: the validator is running

        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.lru_cache(maxsize=None)
def _validator(key, schema_json):
    import jsonschema  # ~40 ms: only when a file is not in the validation cache

    schema = json.loads(schema_json)
    cls = jsonschema.validators.validator_for(schema)
    cls = jsonschema.validators.extend(cls, {"pattern": _pattern})
    return cls(schema, format_checker=None)


def validator(schema):
    return _validator(id(schema), json.dumps(schema, sort_keys=True))


_TEXTS = {
    "en": {
        "dym": " (did you mean '{word}'?)", "document": "the document", "in": "in {where}: ",
        "unknown": "{prefix}unknown field '{word}'{hint}",
        "missing": "{where}: missing required field '{field}'",
        "type": "{where} must be {words}, not {value}{hint}", "or": " or ",
        "number_hint": " (write the number without quotes or units)",
        "enum": "{where}: {value} is not one of: {shown}{hint}",
        "range": "{where} must be {sym} {limit}, got {value}",
        "at_least": "{where} needs at least {n} {items}, has {has}",
        "at_most": "{where} needs at most {n} {items}, has {has}",
        "empty": "{where} must not be empty", "twice": "{where} lists {value} twice",
        "pattern": "{where}: '{value}' is not a valid id (lowercase letters, digits, - _ .)",
        "texts": "{where} must be a text, or texts per language like {{en: ..., nl: ...}}",
        "yes_no": "yes/no value {value}", "text": "the text '{value}'",
        "number": "the number {value}", "list": "a list", "mapping": "a mapping",
        "nothing": "nothing",
        "types": {"number": "a number", "integer": "a whole number", "string": "a text",
                  "boolean": "yes or no (true/false)", "array": "a list",
                  "object": "a mapping", "null": "empty"},
    },
    "nl": {
        "dym": " (bedoelt u '{word}'?)", "document": "het document", "in": "in {where}: ",
        "unknown": "{prefix}onbekend veld '{word}'{hint}",
        "missing": "{where}: verplicht veld '{field}' ontbreekt",
        "type": "{where} moet {words} zijn, niet {value}{hint}", "or": " of ",
        "number_hint": " (schrijf het getal zonder aanhalingstekens of eenheid)",
        "enum": "{where}: {value} is geen van: {shown}{hint}",
        "range": "{where} moet {sym} {limit} zijn, niet {value}",
        "at_least": "{where} moet minstens {n} {items} hebben, heeft er {has}",
        "at_most": "{where} mag hoogstens {n} {items} hebben, heeft er {has}",
        "empty": "{where} mag niet leeg zijn", "twice": "{where} noemt {value} twee keer",
        "pattern": "{where}: '{value}' is geen geldig kenmerk (kleine letters, cijfers, - _ .)",
        "texts": "{where} moet een tekst zijn, of teksten per taal zoals {{en: ..., nl: ...}}",
        "yes_no": "ja/nee-waarde {value}", "text": "de tekst '{value}'",
        "number": "het getal {value}", "list": "een lijst", "mapping": "een mapping",
        "nothing": "niets",
        "types": {"number": "een getal", "integer": "een geheel getal", "string": "een tekst",
                  "boolean": "ja of nee (true/false)", "array": "een lijst",
                  "object": "een mapping", "null": "leeg"},
    },
}


def did_you_mean(word, options, lang="en"):
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return _TEXTS.get(lang, _TEXTS["en"])["dym"].format(word=close[0]) if close else ""


def _describe(value, lang="en"):
    t = _TEXTS.get(lang, _TEXTS["en"])
    if isinstance(value, bool):
        return t["yes_no"].format(value=str(value).lower())
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return t["text"].format(value=_printable(shown))
    if isinstance(value, (int, float)):
        return t["number"].format(value=value)
    if isinstance(value, list):
        return t["list"]
    if isinstance(value, dict):
        return t["mapping"]
    if value is None:
        return t["nothing"]
    return type(value).__name__


def _printable(text, width=60):
    """A value from a file shown on one line: newlines and controls as escapes."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(text))
    return text if len(text) <= width else text[:width - 3] + "..."


def _field(path, lang="en"):
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    out = ""
    for p in parts:
        out += p if p.startswith("[") or not out else "." + p
    return out or _TEXTS.get(lang, _TEXTS["en"])["document"]


def advice(error, lang="en"):
    """One plain sentence, in English or Dutch, for a jsonschema ValidationError."""
    t = _TEXTS.get(lang, _TEXTS["en"])
    where = _field(error.absolute_path, lang)
    v = error.validator
    inst = error.instance
    if v == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in inst if k not in allowed]
        word = extra[0] if extra else "?"
        prefix = "" if where == t["document"] else t["in"].format(where=where)
        return t["unknown"].format(prefix=prefix, word=_printable(word),
                                   hint=did_you_mean(word, allowed, lang)), [word]
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return t["missing"].format(where=where, field=missing), []
    if v == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        words = t["or"].join(t["types"].get(w, w) for w in wanted)
        hint = ""
        if isinstance(inst, str) and any(w in ("number", "integer") for w in wanted):
            hint = t["number_hint"]
        return t["type"].format(where=where, words=words, value=_describe(inst, lang),
                                hint=hint), []
    if v == "enum":
        options = error.validator_value
        shown = ", ".join(str(o) for o in options[:12]) + (", ..." if len(options) > 12 else "")
        return t["enum"].format(where=where, value=_describe(inst, lang), shown=shown,
                                hint=did_you_mean(inst, options, lang)), []
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sym = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=",
               "exclusiveMaximum": "<"}[v]
        return t["range"].format(where=where, sym=sym, limit=error.validator_value,
                                 value=inst), []
    if v in ("minItems", "maxItems"):
        key = "at_least" if v == "minItems" else "at_most"
        n = error.validator_value
        return t[key].format(where=where, n=n, has=len(inst),
                             items="item" if n == 1 else "items"), []
    if v in ("minLength", "minProperties"):
        return t["empty"].format(where=where), []
    if v == "uniqueItems":
        seen, twice = [], None
        for item in inst:
            if item in seen:
                twice = item
                break
            seen.append(item)
        return t["twice"].format(where=where, value=_describe(twice, lang)), []
    if v == "pattern":
        return t["pattern"].format(where=where, value=_printable(inst)), []
    if v == "oneOf":
        if isinstance(inst, dict) and error.context:
            # the mapping branch says what is wrong inside {en: ..., nl: ...}
            inner = [e for e in error.context if e.validator != "type"]
            if inner:
                return advice(inner[0], lang)
        return t["texts"].format(where=where), []
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
    """:func:`check` a loaded file, skipping files whose bytes were valid before."""  # noqa
    from producibility.inputs import cache

    key = cache.validation_key(data, schema)
    if cache.seen_valid(key):
        return
    check(document, schema, path)
    cache.remember_valid(key)


def check(document, schema, path="<input>", lang="en", skip=()):
    """Validate; raise :class:`InputErrors` listing every problem with its line.

    ``skip``: paths (tuples of keys) already reported otherwise; their errors are left out.
    """
    skip = {tuple(p) for p in skip}
    errors = sorted((e for e in validator(schema).iter_errors(document)
                     if not any(tuple(e.absolute_path)[:len(p)] == p for p in skip)),
                    key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if not errors:
        return
    out, seen = [], set()
    for error in errors:
        if error.validator == "oneOf" and error.context:
            # pick the most telling branch error for texts like {en, nl}
            pass
        message, extra = advice(error, lang)
        line = _error_line(document, error, extra)
        if (line, message) in seen:
            continue
        seen.add((line, message))
        out.append(InputError(message, path, line))
    out.sort(key=lambda e: (e.line or 0, e.message))
    raise InputErrors(out)
