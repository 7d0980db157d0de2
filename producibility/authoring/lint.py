"""Lint rule packs: every mistake as ``file:line:col: CODE message``.

A typo must never silently disable a rule.  The linter reads the packs with
the same loader and schema as a screening does, and then checks what a schema
cannot: names of facts and fields, flags, choices, templates and translations.

Codes (E = error, exit 1; W = warning, silenced per rule with
``lint: {ignore: [W150]}``):

  E100 YAML syntax            E101 duplicate key          E110 unknown key
  E111 missing key            E112 wrong type or value    E113 score out of 1-5
  E114 unknown MRL thread     E120 duplicate rule id      E121 nothing to override/disable
  E125 catalogue entry (duplicate id, nothing to override, unknown part field, shared alias)
  E130 condition syntax       E131 unknown fact field     E132 flag that no rule sets
  E133 message template       E134 flag dependency cycle  E135 flag set per candidate
  W140 can never match        W141 thousands separator    W150 missing translation
  W151 no source named        W160 flag set but unused
"""

import difflib
import re
from pathlib import Path
from dataclasses import dataclass

from jinja2 import nodes

from producibility.inputs import schema as schemas
from producibility.inputs import yamlio
from producibility.errors import InputError
from producibility.conditions.expressions import ExpressionError, Template, compile_condition, limit_problem
from producibility.engine.infer import DERIVED_FIELDS
from producibility.model.catalogue import CatalogueBuilder, catalogue_files, default_catalogue
from producibility.model.defaults import default_pack_dir
from producibility.errors import InputErrors
from producibility.model.load import LANGS, SCOPE_NAMES, pack_files
from producibility.model.questionnaire import load_questionnaire

CODES = {
    "E100": "yaml-syntax", "E101": "duplicate-key", "E110": "unknown-key",
    "E111": "missing-key", "E112": "wrong-type", "E113": "score-range",
    "E114": "unknown-thread", "E120": "duplicate-rule-id", "E121": "nothing-to-override",
    "E125": "catalogue-entry",
    "E130": "condition-syntax", "E131": "unknown-field", "E132": "unknown-flag",
    "E133": "message-template", "E134": "flag-cycle", "E135": "candidate-flag",
    "W140": "never-matches", "W141": "thousands-separator",
    "W150": "missing-translation", "W151": "no-source", "W160": "unused-flag",
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def is_error(self):
        return self.code.startswith("E")

    def __str__(self):
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


def known_fields(questionnaire=None):
    """scope -> set of field names a condition may read."""
    questionnaire = questionnaire or load_questionnaire()
    equipment = schemas.shipped("equipment")
    fields = {
        "request": set(questionnaire.fields("request")) | {"parts"},
        "part": set(questionnaire.fields("part")),
        "provider": set(equipment["properties"]["provider"]["properties"]),
        "machine": set(equipment["$defs"]["machine"]["properties"]),
        "candidate": {"process", "marginal"},
    }
    for scope, name in DERIVED_FIELDS:
        fields[scope].add(name)
    return fields


def _pos(mapping, key, value=True):
    positions = getattr(mapping, "positions", {})
    if key in positions:
        key_line, key_col, value_line, value_col = positions[key]
        return (value_line, value_col) if value else (key_line, key_col)
    return (getattr(mapping, "line", 1) or 1, 1)


def _schema_problem(error, document, path):
    if error.validator == "oneOf" and isinstance(error.instance, dict) and error.context:
        inner = [e for e in error.context if e.validator != "type"]
        if inner:
            error = inner[0]
    message, extra = schemas.advice(error)
    v = error.validator
    where = list(error.absolute_path)
    code = {"additionalProperties": "E110", "required": "E111"}.get(v, "E112")
    if v in ("minimum", "maximum") and where and where[-1] in ("likelihood", "consequence"):
        code = "E113"
    if v == "enum" and where and where[-1] == "thread":
        code = "E114"
    node, parent, key = document, None, None
    for part in where:
        try:
            parent, key, node = node, part, node[part]
        except (KeyError, IndexError, TypeError):
            break
    if extra and isinstance(node, dict):
        line, col = _pos(node, extra[0], value=False)
    elif isinstance(parent, dict) and key in getattr(parent, "positions", {}):
        line, col = _pos(parent, key)
    elif isinstance(parent, list) and isinstance(key, int) and key < len(parent.item_lines):
        line, col = parent.item_lines[key], parent.item_cols[key]
    else:
        line, col = getattr(node, "line", None) or 1, 1
    return Problem(path, line, col, code, message)


def _field_refs(tree):
    """(scope, field, node) for every ``scope.field`` in a parsed expression."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        target = node.node
        if isinstance(target, nodes.Name):
            if isinstance(node, nodes.Getattr):
                yield target.name, node.attr, node
            elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                yield target.name, node.arg.value, node


_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
_THOUSANDS = re.compile(r"(?<![\w.])[1-9]\d{0,2}(?:\.000)+(?![\w.])")


def _thousands(source):
    """Numbers such as 1.000 or 25.000: a Dutch thousands separator, not a decimal point
    (nobody writes 1.000 to mean one)."""
    return _THOUSANDS.findall(_STRING.sub("''", source))


def _choice_problems(tree, questionnaire):
    """Comparisons of a choice field with a value that is not one of its choices."""
    out = []

    def question_of(node):
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            scope = node.node.name
            if scope in ("request", "part"):
                q = questionnaire.question(scope, node.attr)
                if q is not None and q.choices:
                    return q
        return None

    def constants(node):
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (nodes.List, nodes.Tuple)):
            return [n.value for n in node.items
                    if isinstance(n, nodes.Const) and isinstance(n.value, str)]
        return []

    for compare in tree.find_all(nodes.Compare):
        left = compare.expr
        for op in compare.ops:
            right = op.expr
            pairs = []
            if op.op in ("eq", "ne", "in", "notin"):
                q = question_of(left)
                if q is not None:
                    pairs.append((q, constants(right)))
                q = question_of(right)
                if q is not None and op.op in ("in", "notin"):
                    pairs.append((q, constants(left)))
            for q, values in pairs:
                for value in values:
                    if value not in q.choices:
                        close = difflib.get_close_matches(value, q.choices, n=1)
                        hint = f" (did you mean '{close[0]}'?)" if close else ""
                        out.append(f"'{value}' is not a choice of {q.scope}.{q.id}{hint}: "
                                   "this comparison can never match")
            left = right
    return out


def lint(paths, questionnaire=None, base_rules=None):
    """Lint the given pack files/directories; returns sorted Problems.

    ``base_rules`` maps rule id -> (path, line) of rules from packs loaded
    before these (the default pack), so overrides and disables can be checked.
    """
    questionnaire = questionnaire or load_questionnaire()
    fields = known_fields(questionnaire)
    problems = []
    seen = dict(base_rules or {})
    rules = []  # (raw, path)
    catalogue = CatalogueBuilder()
    default_dir = Path(default_pack_dir()).resolve()
    if not any(Path(s).resolve() == default_dir for s in paths):
        catalogue.start_from(default_catalogue())  # packs extend the shipped catalogue
    for source in paths:
        try:
            files = (catalogue_files(source) if Path(source).is_dir() else []) + \
                pack_files(source)
        except InputError as exc:
            problems.append(Problem(str(source), 1, 1, "E100", exc.message))
            continue
        for file in files:
            path = str(file)
            try:
                document = yamlio.load(file)
            except InputError as exc:
                code = "E101" if getattr(exc, "kind", "") == "duplicate-key" else "E100"
                problems.append(Problem(path, exc.line or 1, getattr(exc, "column", 1) or 1,
                                        code, exc.message))
                continue
            if document is None:
                continue
            if not isinstance(document, dict):
                problems.append(Problem(path, 1, 1, "E112", "a pack file must be a mapping"))
                continue
            validator = schemas.validator(schemas.shipped("rules"))
            schema_errors = list(validator.iter_errors(document))
            for error in schema_errors:
                problems.append(_schema_problem(error, document, path))
            if not schema_errors:
                catalogue.add(document, path)
            for i, rule_id in enumerate(document.get("disable") or []):
                if isinstance(rule_id, str) and rule_id not in seen:
                    items = document["disable"]
                    problems.append(Problem(path, items.item_lines[i], items.item_cols[i],
                                            "E121", f"disable: no earlier pack defines {rule_id}"))
            raw_rules = document.get("rules")
            if not isinstance(raw_rules, list):
                continue
            for i, raw in enumerate(raw_rules):
                if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                    continue
                line, col = raw_rules.item_lines[i], raw_rules.item_cols[i]
                rid = raw["id"]
                if rid in seen and not raw.get("override"):
                    first = seen[rid]
                    problems.append(Problem(path, *_pos(raw, "id"), "E120",
                                            f"rule id {rid} is already defined at "
                                            f"{first[0]}:{first[1]}; add 'override: true' "
                                            "to replace it"))
                elif raw.get("override") and rid not in seen:
                    problems.append(Problem(path, *_pos(raw, "override"), "E121",
                                            f"override: true, but no earlier pack defines {rid}"))
                seen.setdefault(rid, (path, line))
                rules.append((raw, path, line, col))
    try:
        merged = catalogue.finish()
    except InputErrors as exc:
        merged = None
        problems += [Problem(e.path, e.line or 1, 1, "E125", e.message) for e in exc.errors]
    # choices a rule compares with come from the merged catalogue (a shop's own material)
    questionnaire = questionnaire.with_catalogue(merged)
    problems += _lint_rules(rules, fields, questionnaire)
    return sorted(set(problems))


def _lint_rules(rules, fields, questionnaire):
    problems = []
    setters, users = {}, {}
    for raw, path, line, col in rules:
        rid = raw["id"]
        ignore = set((raw.get("lint") or {}).get("ignore") or [])
        local = []
        scope = raw.get("scope")
        allowed = SCOPE_NAMES.get(scope, ())
        then = raw.get("then") if isinstance(raw.get("then"), dict) else {}
        if isinstance(then.get("flag"), str):
            setters.setdefault(then["flag"], []).append((rid, scope, path, _pos(then, "flag")))
            if scope == "candidate":
                local.append(Problem(path, *_pos(then, "flag"), "E135",
                                     f"{rid}: a candidate-scope rule cannot set a flag (the "
                                     "machine is chosen after inference); use a part rule"))
        for key in ("requires", "unless"):
            items = raw.get(key)
            if isinstance(items, list):
                for j, flag in enumerate(items):
                    if isinstance(flag, str):
                        users.setdefault(flag, []).append(
                            (rid, path, (items.item_lines[j], items.item_cols[j])))
        when = raw.get("when")
        if isinstance(when, str) and allowed:
            wline, wcol = _pos(raw, "when")
            try:
                compiled = compile_condition(when, allowed)
                tree = compiled.tree
                limit = limit_problem(compiled)
                if limit:
                    raise ExpressionError(limit)
            except ExpressionError as exc:
                local.append(Problem(path, wline, wcol, "E130", f"{rid}: when: {exc}"))
            except Exception as exc:  # jinja2 syntax errors
                message = getattr(exc, "message", None) or str(exc)
                local.append(Problem(path, wline, wcol, "E130",
                                     f"{rid}: when: syntax error: {message}"))
            else:
                local += _field_problems(tree, rid, "when", allowed, fields, path, wline, wcol)
                for text in _choice_problems(tree, questionnaire):
                    local.append(Problem(path, wline, wcol, "W140", f"{rid}: {text}"))
                for number in _thousands(when):
                    local.append(Problem(
                        path, wline, wcol, "W141",
                        f"{rid}: {number} is not {number.replace('.', '')}: in a condition "
                        f"the dot is a decimal point; write {number.replace('.', '')} "
                        "without a thousands separator"))
        # the message, and the customer's wording of it (the offer) where a rule gives one
        for mkey in ("message", "customer"):
            message = raw.get(mkey)
            if isinstance(message, bool) or message is None and mkey == "customer":
                continue
            texts = message if isinstance(message, dict) else {"en": message}
            mline, mcol = _pos(raw, mkey)
            for lang, text in texts.items():
                if not isinstance(text, str) or not allowed:
                    continue
                try:
                    template = Template(text, allowed)
                    limit = limit_problem(template)
                    if limit:
                        raise ExpressionError(limit)
                except ExpressionError as exc:
                    local.append(Problem(path, mline, mcol, "E133",
                                         f"{rid}: {mkey} ({lang}): {exc}"))
                    continue
                for fscope, fname in template.fields:
                    if fname not in fields.get(fscope, ()):
                        local.append(Problem(path, mline, mcol, "E133",
                                             f"{rid}: {mkey} ({lang}) uses {fscope}.{fname}, "
                                             f"which no fact has{_hint(fname, fields[fscope])}"))
        for key in ("title", "message", "mitigation", "customer"):
            value = raw.get(key)
            if key == "customer" and (value is None or isinstance(value, bool)):
                continue
            if isinstance(value, str) or (isinstance(value, dict) and
                                          set(LANGS) - set(value)):
                missing = sorted(set(LANGS) - set(value)) if isinstance(value, dict) else \
                    ["nl" if "nl" in LANGS else LANGS[-1]]
                local.append(Problem(path, *_pos(raw, key), "W150",
                                     f"{rid}: {key} has no {', '.join(missing)} translation"))
            elif value is None and key == "mitigation":
                local.append(Problem(path, line, col, "W150",
                                     f"{rid}: no mitigation in any language"))
        if not raw.get("source"):
            local.append(Problem(path, line, col, "W151",
                                 f"{rid}: no source: name the guidance or say 'judgement'"))
        problems += [p for p in local if p.code not in ignore]
    for flag, uses in users.items():
        if flag not in setters:
            known = sorted(setters)
            for rid, path, pos in uses:
                problems.append(Problem(path, *pos, "E132",
                                        f"{rid}: flag '{flag}' is set by no rule"
                                        f"{_hint(flag, known)}"))
    problems += _cycles(rules)
    ignores = {raw["id"]: set((raw.get("lint") or {}).get("ignore") or []) for raw, *_ in rules}
    for flag, sets in setters.items():
        if flag not in users:
            for rid, scope, path, pos in sets:
                if "W160" not in ignores.get(rid, ()):
                    problems.append(Problem(path, *pos, "W160",
                                            f"{rid}: flag '{flag}' is set but no rule requires "
                                            "or negates it"))
    return problems


def _hint(word, options):
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _field_problems(tree, rid, key, allowed, fields, path, line, col):
    out = []
    for scope, name, _ in _field_refs(tree):
        if scope in allowed and name not in fields.get(scope, ()):
            out.append(Problem(path, line, col, "E131",
                               f"{rid}: {key}: {scope}.{name} is not a known field"
                               f"{_hint(name, fields[scope])}"))
    return out


def _cycles(rules):
    """E134: rules whose flags depend on themselves through requires/unless."""
    sets = {}
    for raw, *_ in rules:
        then = raw.get("then") if isinstance(raw.get("then"), dict) else {}
        if isinstance(then.get("flag"), str):
            sets.setdefault(then["flag"], []).append(raw["id"])
    needs = {}
    for raw, *_ in rules:
        deps = [f for key in ("requires", "unless") for f in (raw.get(key) or [])
                if isinstance(f, str)]
        needs[raw["id"]] = {r for f in deps for r in sets.get(f, [])}
    out, state = [], {}

    def visit(rid, trail):
        if state.get(rid) == "done":
            return
        if state.get(rid) == "active":
            loop = trail[trail.index(rid):] + [rid]
            for raw, path, line, col in rules:
                if raw["id"] == rid:
                    out.append(Problem(path, line, col, "E134",
                                       f"{rid}: flags depend on themselves: "
                                       f"{' -> '.join(loop)}"))
            return
        state[rid] = "active"
        for dep in sorted(needs.get(rid, ())):
            visit(dep, trail + [rid])
        state[rid] = "done"

    for raw, *_ in rules:
        visit(raw["id"], [])
    return out
