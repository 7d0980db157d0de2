"""JSON Schemas: the shipped ones, and turning their errors into plain advice.

The same schema files serve the loaders, the linter, ``producibility schema``
and editors (``# yaml-language-server: $schema=...``).
"""

import functools
import hashlib
import json
import re
from pathlib import Path

from producibility.errors import InputError, InputErrors, Said, Wording
from producibility.inputs.yamlio import line_of, number_problem

#: A number with an exponent that YAML 1.1 reads as text: no decimal point (2e0) or no
#: sign in the exponent (1.0e300).  Its float form is 2.0e+0.  (This module's patterns
#: word errors: kept as texts, compiled by ``re`` when an error first needs one, not on
#: every import.)
_EXPONENT = r"([-+]?[0-9]+)(?:\.([0-9]*))?[eE]([-+]?)([0-9]+)"

SCHEMA_NAMES = ("request", "equipment", "rules", "report", "questionnaire")
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"  # the package's schemas/

#: The unit a generated request schema writes after a question's text: "... [kg]"
_UNIT = r"\[([^\]]+)\]$"


def _plain_number(value):
    """A limit or a value as written, without an exponent (0.000001, not 1e-06)."""
    if isinstance(value, float) and "e" in repr(value):
        return f"{value:.12f}".rstrip("0").rstrip(".")
    return value


@functools.lru_cache(maxsize=None)
def _shipped_bytes(name):
    return SCHEMA_DIR.joinpath(f"{name}.schema.json").read_bytes()


@functools.lru_cache(maxsize=None)
def shipped(name):
    """A shipped schema by name (request is generated: see questionnaire.py); read once
    per process, so it must not be changed by its callers."""
    return json.loads(_shipped_bytes(name))


def as_text(schema):
    """A schema as a file holds it: ``producibility schema NAME`` writes it so, and
    ``init`` beside a new provider folder's files."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@functools.lru_cache(maxsize=None)
def _shipped_identity(name):
    """What stands for a shipped schema in a file's validation key: its name and the
    digest of its bytes (a changed schema is another key), so that a file valid before
    is known without reading the schema as JSON and writing it out again to digest it."""
    return {"shipped": name, "sha256": hashlib.sha256(_shipped_bytes(name)).hexdigest()}


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


def _texts(lang):
    """The validation messages in ``lang`` (the ``validate`` locale domain)."""
    from producibility import i18n

    return i18n.texts("validate", lang)


def did_you_mean(word, options, lang="en", cutoff=0.6):
    import difflib  # only for a did-you-mean

    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1,
                                      cutoff=cutoff)
    return Said.of(Wording("validate", "dym", word=close[0]), lang) if close else ""


# A pack's catalogue entries are its own top-level keys (or files in its catalogue/ folder)
CATALOGUE_KEYS = ("processes", "materials", "certifications", "treatments")


def _wrapped(word, inst, allowed, t):
    """The hint for a key that wraps keys of the level it is on (``catalogue:`` over a
    pack's ``processes:``): they go one level up, not under it ('' otherwise)."""
    inner = inst.get(word) if isinstance(inst, dict) else None
    keys = [str(k) for k in inner if k in allowed] if isinstance(inner, dict) else []
    if not keys and str(word).lower().startswith("catalog") and \
            all(k in allowed for k in CATALOGUE_KEYS):
        keys = list(CATALOGUE_KEYS)
    if not keys:
        return ""
    return t["wrapped"].format(keys=", ".join(f"'{k}:'" for k in keys),
                               word=_printable(word))


#: A number written with a decimal comma (6,5), which YAML reads as a text
_DECIMAL_COMMA = r"\s*([-+]?[0-9]+),([0-9]+)\s*"


def _comma_fixed(number, digits):
    """What to write for ``number,digits``: the decimal point, or with three digits
    (1,000) both readings, a thousands separator and a decimal comma."""
    if len(digits) == 3:
        return f"{number}{digits}", f"{number}.{digits}"
    return f"{number}.{digits}", None


def comma_splits(mapping):
    """The entries a decimal comma split (``{inspection_h: 1,5}``: inside ``{...}`` the
    comma ends an entry, so ``inspection_h`` is 1 and ``5`` a key with no value):
    [(key, number, digits)], the key before the comma with its whole number, and the
    digits after it (kept as written by the parser: see yamlparse._comma_split)."""
    if not isinstance(mapping, dict):
        return []
    found, previous = [], None
    positions = getattr(mapping, "positions", None) or {}
    for key, value in mapping.items():
        if value is None and previous is not None and str(key).isdigit() and \
                isinstance(mapping[previous], int) and \
                not isinstance(mapping[previous], bool) and \
                (key not in positions or previous not in positions or
                 positions[key][0] == positions[previous][2]):
            found.append((previous, mapping[previous], str(key)))
        previous = key
    return found


def comma_split_wording(split, prefix=""):
    """What to say of a decimal comma that split an entry (see :func:`comma_splits`),
    worded when shown; ``prefix``: where ("in rules[0].then.effort: ")."""
    key, number, digits = split
    fixed, other = _comma_fixed(number, digits)
    written = f"{number},{digits}"
    if other:
        return Wording("validate", "comma_split_two", prefix=prefix, key=_printable(key),
                       written=written, a=fixed, b=other)
    return Wording("validate", "comma_split", prefix=prefix, key=_printable(key),
                   written=written, fixed=fixed)


def _describe(value, lang="en"):
    t = _texts(lang)
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


def _field(path, lang="en", document=None):
    """Where in a file, as a person finds it: ``machine 'lascel-fronius' materials`` for
    an item of a list whose items have an ``id`` (machines, partners, parts: ``named``
    in the ``validate`` locale), else the path (``machines[5].materials``)."""
    path = list(path)
    named = _texts(lang).get("named") or {}
    if document is not None and len(path) >= 2 and path[0] in named and \
            isinstance(path[1], int) and isinstance(document, dict):
        items = document.get(path[0])
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        given = item.get("id") if isinstance(item, dict) else None
        if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given):
            head = named[path[0]].format(id=_printable(given))
            return f"{head} {_field(path[2:], lang)}" if path[2:] else head
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    out = ""
    for p in parts:
        out += p if p.startswith("[") or not out else "." + p
    return out or _texts(lang)["document"]


def _belongs_under(word, schema, t):
    """The hint for a key of the level below written at this one (a pack's ``id:`` and
    ``version:`` beside ``rules:``, not under ``pack:``): the one key here whose own
    fields name it ('' where none or several do)."""
    homes = [key for key, sub in (schema.get("properties") or {}).items()
             if isinstance(sub, dict) and word in (sub.get("properties") or {})]
    return t["belongs_under"].format(word=_printable(word), key=homes[0]) \
        if len(homes) == 1 else ""


def _advice_text(error, lang, document=None):
    """The advice for a schema problem in ``lang``: how a file's problem found while
    loading it (in English) is shown in the user's language."""
    return advice(error, lang, document)[0]


def advice(error, lang="en", document=None):
    """One plain sentence, in English or Dutch, for a jsonschema ValidationError;
    ``document``: the file's, to name a machine or part by its id (see :func:`_field`)."""
    t = _texts(lang)
    where = _field(error.absolute_path, lang, document)
    v = error.validator
    inst = error.instance
    if v == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in inst if k not in allowed]
        word = extra[0] if extra else "?"
        prefix = "" if where == t["document"] else t["in"].format(where=where)
        split = next((s for s in comma_splits(inst) if s[2] == str(word)), None)
        if split:  # {inspection_h: 1,5}: the '5' is the decimals of a decimal comma
            return comma_split_wording(split, prefix)(lang), [word]
        return t["unknown"].format(prefix=prefix, word=_printable(word),
                                   hint=_wrapped(word, inst, allowed, t) or
                                   _belongs_under(word, error.schema, t) or
                                   did_you_mean(word, allowed, lang)), [word]
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        # a key given under a name close to the missing one (rate_eur_hr for rate_eur_h,
        # where a machine may carry other keys as limits): say which
        given = [str(k) for k in inst if k not in error.schema.get("properties", {})] \
            if isinstance(inst, dict) else []
        import difflib  # only for a did-you-mean
        close = difflib.get_close_matches(missing, given, n=1, cutoff=0.8)
        hint = t["misspelt"].format(word=_printable(close[0])) if close else ""
        return t["missing"].format(where=where, field=missing) + hint, close[:1]
    if v == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        words = t["or"].join(t["types"].get(w, w) for w in wanted)
        hint = ""
        if isinstance(inst, str) and any(w in ("number", "integer") for w in wanted):
            hint = t["number_hint"]
            comma = re.fullmatch(_DECIMAL_COMMA, inst)
            if comma:  # 6,5: a Dutch decimal comma
                fixed, other = _comma_fixed(comma[1], comma[2])
                hint = t["decimal_comma_two"].format(a=fixed, b=other) if other else \
                    t["decimal_comma"].format(fixed=fixed)
            exponent = re.fullmatch(_EXPONENT, inst.strip())
            if exponent:  # written without quotes: YAML 1.1 reads 2e0 and 1.0e300 as text
                hint = t["exponent_hint"].format(text=_printable(inst), fixed="{}.{}e{}{}".format(
                    exponent[1], exponent[2] or "0", exponent[3] or "+", exponent[4]))
        if isinstance(inst, str) and "boolean" in wanted and inst.strip().lower() in (
                "yes", "no", "ja", "nee", "true", "false", "on", "off", "y", "n", "j"):
            # 'yes' in quotes (a YAML writer quotes it): "must be yes or no, not the text
            # 'yes'" read as a contradiction
            hint = t["bool_hint"].format(value=_printable(inst))
        if isinstance(inst, str) and "array" in wanted and inst.strip():
            # a list written as one text (materials: aluminium_6082, steel_s235)
            items = [item.strip() for item in inst.split(",") if item.strip()]
            if len(items) == 1 and re.fullmatch(_SIZES, items[0]):  # 250 x 210 x 220: the list
                # is [250, 210, 220] (the hint repeated the x, itself no list)
                items = re.split(_SIZES_SPLIT, items[0].strip())
            shown = ", ".join(items[:3]) + (", ..." if len(items) > 3 else "")
            hint = t["list_hint"].format(items=_printable(shown))
        return t["type"].format(where=where, words=words, value=_describe(inst, lang),
                                hint=hint), []
    if v == "enum":
        options = error.validator_value
        # (a yes/no option as YAML writes it: false, not Python's False)
        shown = ", ".join(str(o).lower() if isinstance(o, bool) else "null" if o is None
                          else str(o) for o in options[:12]) + \
            (", ..." if len(options) > 12 else "")
        return t["enum"].format(where=where, value=_describe(inst, lang), shown=shown,
                                hint=did_you_mean(inst, options, lang)), []
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sym = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=",
               "exclusiveMaximum": "<"}[v]
        limit, value = error.validator_value, inst
        unit = re.search(_UNIT, str(error.schema.get("description") or ""))
        if unit:  # the question's unit: "weight_kg must be >= 0.000001 kg, got 0.0000006 kg"
            from producibility.intake.answers import unit_label
            word = unit_label(unit[1], lang)
            limit, value = f"{_plain_number(limit)} {word}", f"{_plain_number(inst)} {word}"
        return t["range"].format(where=where, sym=sym, limit=limit, value=value), []
    if v in ("minItems", "maxItems"):
        key = "at_least" if v == "minItems" else "at_most"
        n = error.validator_value
        return t[key].format(where=where, n=n, has=len(inst),
                             items=t["item" if n == 1 else "items"]), []
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
        form = t["forms"].get(PATTERN_FORMS.get(error.validator_value), "")
        form = form or t["forms"]["other"].format(pattern=error.validator_value)
        return t["pattern"].format(where=where, value=_printable(inst), form=form), []
    if v == "oneOf":
        if isinstance(inst, dict) and error.context:
            # the mapping branch says what is wrong inside {en: ..., nl: ...}
            inner = [e for e in error.context if e.validator != "type"]
            if inner:
                return advice(inner[0], lang, document)
        return t["texts"].format(where=where), []
    return f"{where}: {error.message}", []


#: What each pattern of the shipped schemas asks for, by name (``forms`` in the
#: ``validate`` locale domain): advice a person can follow, not the regular expression.
_SIZES = r"(?i)\s*\d+(?:[.,]\d+)?(?:\s*[x×*]\s*\d+(?:[.,]\d+)?)+\s*"
_SIZES_SPLIT = r"(?i)\s*[x×*]\s*"

PATTERN_FORMS = {
    "^[A-Z][A-Z0-9]*-[0-9A-Z-]+$": "rule_id",
    "^[a-z0-9][a-z0-9_]*$": "snake_id",
    "^[a-z][a-z0-9_]*$": "snake_id",
    "^[a-z0-9][a-z0-9_.-]*$": "id",
    "^\\d{4}-\\d{2}-\\d{2}$": "date",
    "^[A-Z]{2}$": "country",
    "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$": "month",
    "^[0-9]+\\.[0-9]+\\.[0-9]+": "version",
    "^7\\.[0-9]+\\.[0-9]+$": "version",
    "^(request|part)\\.[a-z_][a-z0-9_]*$": "field",
    "^[A-Za-z0-9][A-Za-z0-9._/-]{0,15}$": "prefix",
}


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


def check_file(document, data, schema, path, lang="en"):
    """:func:`check` a loaded file, skipping files whose bytes were valid before.

    ``schema``: the schema, or the name of a shipped one (see :func:`shipped`), which is
    then read only when the file was not valid before."""
    from producibility.inputs import cache

    is_name = isinstance(schema, str)
    key = cache.validation_key(data, _shipped_identity(schema) if is_name else schema)
    if cache.seen_valid(key):
        return
    check(document, shipped(schema) if is_name else schema, path, lang)
    cache.remember_valid(key)


def _kind(error):
    """What a schema error is about, in no language: its path, the check that failed
    and what that check names (the missing field, the unknown fields)."""
    named = ()
    if error.validator == "required":
        named = (error.message.split("'")[1] if "'" in error.message else error.message,)
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        named = tuple(sorted(str(k) for k in error.instance if k not in allowed))
    return tuple(map(str, error.absolute_path)), error.validator, named


def _local(schema, root):
    """A schema node with its local ``$ref`` (``#/$defs/length``) followed."""
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and \
            schema["$ref"].startswith("#/") and seen < 20:
        target = root
        for key in schema["$ref"][2:].split("/"):
            target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            break
        schema, seen = target, seen + 1
    return schema if isinstance(schema, dict) else {}


def _types(schema):
    kind = schema.get("type")
    return {kind} if isinstance(kind, str) else set(kind or ())


_KIND_OF = {str: "string", list: "array", dict: "object"}


def _branch(schema, value, root):
    """The branch of a ``oneOf``/``anyOf`` that a value of this kind is meant for: the one
    of its type (a text where no branch takes texts: the one that takes a number)."""
    schema = _local(schema, root)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if not branches:
        return schema
    kind = next((k for t, k in _KIND_OF.items() if isinstance(value, t)), None)
    branches = [_local(b, root) for b in branches]
    for wanted in (kind, "number", "integer") if kind == "string" else (kind,):
        for branch in branches:
            if wanted in _types(branch):
                return branch
    return schema


def read_numbers(document, schema, lang="en"):
    """Numbers a person wrote as text where the schema wants a number (``tolerance_mm:
    0,01`` in an equipment file) read by the one reader of numbers, as a request file's
    are (``intake.answers.read_number``: a decimal comma, ``1.000,5``), in place.
    Returns [(path, message)] for a text that can be read two ways (``1,000``); a text
    that is no number is left to the schema (which asks for the number without units)."""
    from producibility.intake.answers import AnswerError, read_number

    problems = []

    def walk(node, sub, trail):
        sub = _branch(sub, node, schema)
        if isinstance(node, str):
            types = _types(sub)
            if not types & {"number", "integer"} or "string" in types:
                return node
            try:
                value = read_number(node, lang)
                problem = number_problem(value)  # 1e308 from a text: as YAML's would be
                if problem:
                    problems.append((trail, f"{_field(trail, lang, document)}: " + Wording(
                        "inputs", "number", text=_printable(node, 30), problem=problem)(lang)))
                    return node
                return value
            except AnswerError as exc:
                if getattr(exc, "readings", None):
                    problems.append((trail, f"{_field(trail, lang, document)}: "
                                            f"{str(exc).rstrip('.')}"))
                return node
        if isinstance(node, dict):
            props, extra = sub.get("properties") or {}, sub.get("additionalProperties")
            for key, value in node.items():
                inner = props.get(key, extra)
                if isinstance(inner, dict) and isinstance(value, (str, dict, list)):
                    read = walk(value, inner, trail + [key])
                    if read is not value:
                        node[key] = read
        elif isinstance(node, list) and isinstance(sub.get("items"), dict):
            for i, value in enumerate(node):
                if isinstance(value, (str, dict, list)):
                    read = walk(value, sub["items"], trail + [i])
                    if read is not value:
                        node[i] = read
        return node

    walk(document, schema, [])
    return problems


def check(document, schema, path="<input>", lang="en", skip=()):
    """Validate; raise :class:`InputErrors` listing every problem with its line.

    ``skip``: paths (tuples of keys) already reported otherwise; their errors are left out.
    A document the compiled quick check finds valid is valid: jsonschema is not even
    imported (see :mod:`producibility.inputs.quickcheck`).
    """
    from producibility.inputs import quickcheck

    if quickcheck.surely_valid(document, schema):
        return
    skip = {tuple(p) for p in skip}
    errors = sorted((e for e in validator(schema).iter_errors(document)
                     if not any(tuple(e.absolute_path)[:len(p)] == p for p in skip)),
                    key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    # a decimal comma that split an entry ({tolerance_mm: 0,02}) is said once, by the
    # unknown key it made: the whole number left before it (0, below its minimum) is
    # that mistake too
    split = {tuple(e.absolute_path) + (key,) for e in errors
             if e.validator == "additionalProperties"
             for key, _, _ in comma_splits(e.instance)}
    errors = [e for e in errors if not any(tuple(e.absolute_path)[:len(p)] == p
                                           for p in split)]
    if not errors:
        return
    out, seen = [], set()
    for error in errors:
        kind = _kind(error)
        if kind in seen:  # the same problem found twice (by two branches of a schema)
            continue
        seen.add(kind)
        message, extra = advice(error, lang, document)
        line = _error_line(document, error, extra)
        trail = tuple(error.absolute_path)
        if trail and isinstance(trail[-1], int):
            # one mistake, one line: the items of one list on one line wrong alike
            # ([3000 mm, 1500 mm]) are said once, for the first
            alike = (trail[:-1], error.validator, line)
            if alike in seen:
                continue
            seen.add(alike)
        problem = InputError(message, path, line, functools.partial(
            _advice_text, error, document=document))
        # what it is about (a missing or unknown key: that key): others' problems there
        # are this one's
        problem.where = trail + kind[2][:1]
        out.append(problem)
    out.sort(key=lambda e: (e.line or 0, e.message))
    raise InputErrors(out)
