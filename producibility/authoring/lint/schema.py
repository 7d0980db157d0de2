"""E110-E114: what the rules schema (``schemas/rules.schema.json``) refuses, by kind.

**E110** unknown-key: a key the schema does not know (``colour:``), with a did-you-mean.

**E111** missing-key: a required key is missing (a rule without ``title``).

**E112** wrong-type: a value of the wrong type or out of its list (``mrl_cap: "five"``), or
a pack file that is no mapping at all.

**E113** score-range: a likelihood or consequence outside 1-5.

**E114** unknown-thread: a ``thread`` that is not one of the MRL threads, with a
did-you-mean that also knows the threads as the reports name them, in either language
(``procesbeheersing``, ``process capability``: ``process_capability``).

The loader checks the same schema and stops at the first file with problems; lint
reports every problem, each at the line and column of the key or value concerned.
"""

from __future__ import annotations

from producibility import i18n
from producibility.authoring.lint.base import Code
from producibility.errors import Said, Wording
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
    code = _code(error)
    if code == "E114" and isinstance(error.instance, str):
        hint = _thread_hint(error.instance, error.validator_value, lang)
        if hint.strip() not in message:  # the schema's own did-you-mean may have it
            message += hint
    return Problem(path, line, col, code, message)


def _thread_hint(word: str, threads, lang: str) -> str:
    """' (did you mean 'process_capability'?)' for a thread written by its id's look-alike
    or by its name in a report, in either language ('procesbeheersing'), else ''."""
    names = {}  # folded id or name -> thread id
    for thread in threads:
        names.setdefault(_fold(thread), thread)
    for language in i18n.LANGS:
        for thread, name in i18n.texts("findings", language)["threads"].items():
            if thread in threads:
                names.setdefault(_fold(name), thread)
    found = names.get(_fold(word))
    if found is None:
        close = schemas.did_you_mean(_fold(word), sorted(names), lang)
        found = names[close.split("'")[1]] if close else None
    return Said.of(Wording("validate", "dym", word=found), lang) if found else ""


def _fold(name: str) -> str:
    return " ".join(str(name).lower().replace("_", " ").replace("&", " ").split())
