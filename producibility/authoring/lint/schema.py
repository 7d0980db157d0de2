"""E110-E114: what the rules schema (``schemas/rules.schema.json``) refuses, by kind.

**E110** unknown-key: a key the schema does not know (``colour:``), with a did-you-mean.

**E111** missing-key: a required key is missing (a rule without ``title``).

**E112** wrong-type: a value of the wrong type or out of its list (``mrl_cap: "five"``), or
a pack file that is no mapping at all.

**E113** score-range: a likelihood or consequence outside 1-5.

**E114** unknown-thread: a ``thread`` that is not one of the MRL threads.

The loader checks the same schema and stops at the first file with problems; lint
reports every problem, each at the line and column of the key or value concerned.
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code
from producibility.inputs import schema as schemas
from producibility.model.pack_checks import Problem, item_position, position

CODES = {
    "E110": Code("unknown-key", "a key the schema does not know"),
    "E111": Code("missing-key", "a required key is missing"),
    "E112": Code("wrong-type", "a value of the wrong type or not one of the allowed values"),
    "E113": Code("score-range", "a likelihood or consequence outside 1-5"),
    "E114": Code("unknown-thread", "a thread that is not an MRL thread"),
}


def check(document: dict, path: str, lang: str = "en") -> list[Problem]:
    """Every schema problem of one pack file."""
    validator = schemas.validator(schemas.shipped("rules"))
    return [_problem(error, document, path, lang) for error in validator.iter_errors(document)]


def _code(error) -> str:
    where = list(error.absolute_path)
    if error.validator in ("minimum", "maximum") and where and \
            where[-1] in ("likelihood", "consequence"):
        return "E113"
    if error.validator == "enum" and where and where[-1] == "thread":
        return "E114"
    return {"additionalProperties": "E110", "required": "E111"}.get(error.validator, "E112")


def _problem(error, document, path, lang) -> Problem:
    if error.validator == "oneOf" and isinstance(error.instance, dict) and error.context:
        inner = [e for e in error.context if e.validator != "type"]
        if inner:
            error = inner[0]
    message, extra = schemas.advice(error, lang)
    node, parent, key = document, None, None
    for part in error.absolute_path:
        try:
            parent, key, node = node, part, node[part]
        except (KeyError, IndexError, TypeError):
            break
    if extra and isinstance(node, dict):
        line, col = position(node, extra[0], value=False)
    elif isinstance(parent, dict) and key in getattr(parent, "positions", {}):
        line, col = position(parent, key)
    elif isinstance(parent, list) and isinstance(key, int):
        line, col = item_position(parent, key)
    else:
        line, col = getattr(node, "line", None) or 1, 1
    return Problem(path, line, col, _code(error), message)
