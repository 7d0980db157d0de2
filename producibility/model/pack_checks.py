"""The checks of a rule pack that loading makes: written once, raised by the loader, listed by lint.

Each check is a small function that returns :class:`Problem` objects (a lint code, the
message, ``file:line:col``) instead of raising.  ``load.load_packs`` raises them (all of
one load together, as :class:`InputErrors`); ``rules lint`` (``authoring/lint/``) collects
every one and adds the checks that only an author needs (choices, missing
translations...).  The unknown-field check needs the questionnaire, so the Screener makes
it (``unknown_field_problems``) once it has both.  Messages come from the locale domain ``lint``; the loader asks for
English.

A rule is read as a :class:`RuleSource`: the rule's mapping as loaded from YAML (which
knows the line and column of each key, see ``inputs/yamlio.py``), its file and position.
"""

from __future__ import annotations

from typing import NamedTuple
from typing import Collection, Container, Iterable

from producibility.conditions.analysis import unknown_fields
from producibility.conditions.expressions import Compiled, ExpressionError, compile_condition
from producibility.errors import InputError, Said, Wording
from producibility.inputs.schema import did_you_mean


class Problem(NamedTuple):
    """One mistake in a pack file: ``path:line:col: CODE message``.

    Codes starting with E are errors (the pack does not load), W warnings (lint only).
    A named tuple: ordered, compared and hashed field by field (and built at import in a
    tenth of the time of a dataclass)."""

    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def error(self) -> InputError:
        """The problem as the error the loader raises (``file:line: message``)."""
        return InputError(self.message, self.path, self.line)

    def __str__(self):
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


def message(key: str, lang: str = "en", /, **fields) -> str:
    """A pack check's message from the locale domain ``lint``: the text in ``lang`` that
    can be worded in any other (a :class:`Said`: the loader makes it in English, the
    command shows it in the user's language)."""
    return Said.of(Wording("lint", key, **fields), lang)


def position(mapping, key: str, value: bool = True) -> tuple[int, int]:
    """(line, col) of a key's value (or of the key itself) in a loaded mapping."""
    positions = getattr(mapping, "positions", {})
    if key in positions:
        key_line, key_col, value_line, value_col = positions[key]
        return (value_line, value_col) if value else (key_line, key_col)
    return (getattr(mapping, "line", 1) or 1, 1)


def item_position(items, index: int) -> tuple[int, int]:
    """(line, col) of a list item in a loaded list."""
    lines, cols = getattr(items, "item_lines", ()), getattr(items, "item_cols", ())
    if index < len(lines):
        return lines[index], (cols[index] if index < len(cols) else 1)
    return (getattr(items, "line", 1) or 1, 1)


class RuleSource:
    """One rule as written: its loaded mapping, file and position (of its list item)."""

    __slots__ = ("raw", "path", "line", "col")

    def __init__(self, raw: dict, path: str, line: int, col: int = 1) -> None:
        self.raw = raw
        self.path = path
        self.line = line
        self.col = col

    @property
    def id(self) -> str:
        return self.raw["id"]

    def at(self, key: str, value: bool = True) -> tuple[int, int]:
        """(line, col) of one of the rule's keys, else of the rule."""
        if key in getattr(self.raw, "positions", {}):
            return position(self.raw, key, value)
        return self.line, self.col

    def problem(self, code: str, where: tuple[int, int], key: str, lang: str = "en", /,
                **fields) -> Problem:
        """A problem of this rule at ``where``, with the message ``key`` (domain lint)."""
        return Problem(self.path, where[0], where[1], code,
                       message(key, lang, rule=self.id, **fields))


#: A top-level key no pack file has that tells another kind of file, and that kind's
#: name (locale ``lint``).
_OTHER_FILES = (("machines", "kind_equipment"), ("provider", "kind_equipment"),
                ("partners", "kind_equipment"), ("cases", "kind_cases"),
                ("parts", "kind_request"), ("equipment", "kind_config"))


def document_problem(document, path: str, lang: str = "en") -> Problem | None:
    """E112: a pack file that is not a mapping (a list, a text), or is empty (nothing but
    comments, or saved empty by mistake: no document, so no mapping), or is another kind
    of file (``rules lint .`` in the shop's folder read its equipment file as a pack and
    advised "put 'certifications:' at the top level, not under 'provider:'")."""
    if document is None:
        return Problem(path, 1, 1, "E112", message("empty_pack", lang))
    if isinstance(document, dict):
        kind = next((kind for key, kind in _OTHER_FILES if key in document), None)
        if kind is not None:
            return Problem(path, 1, 1, "E112", message("other_file", lang,
                                                       kind=Wording("lint", kind)))
        return None
    return Problem(path, getattr(document, "line", 1) or 1, 1, "E112",
                   message("not_a_mapping", lang))


def disable_problems(document: dict, path: str, active: Collection,
                     lang: str = "en") -> list[Problem]:
    """E121: ``disable:`` naming a rule no earlier pack defines (or one disabled already):
    a typo would leave the rule on.  ``active``: the ids of the rules loaded so far."""
    out, gone = [], set()
    items = document.get("disable")
    if not isinstance(items, list):
        return out  # none, or not a list: the schema's to report
    for i, rule_id in enumerate(items):
        if not isinstance(rule_id, str):
            continue
        if rule_id not in active or rule_id in gone:
            known = [r for r in active if r not in gone]
            out.append(Problem(path, *item_position(items, i), "E121", message(
                "disable_nothing", lang, rule=rule_id,
                hint=did_you_mean(rule_id, sorted(known), lang))))
        gone.add(rule_id)
    return out


def id_problem(rule: RuleSource, local: dict, earlier: dict, lang: str = "en",
               in_pack: dict | None = None) -> Problem | None:
    """E120 and E121: an id used twice in one file, or in two files of one pack (with or
    without ``override: true``: which one won depended on the files' names), an id an
    earlier pack defines without ``override: true`` (a typo must never silently replace
    a rule), or ``override: true`` with nothing to override.

    ``local``: id -> line in this file; ``earlier``: id -> (path, line) of earlier rules;
    ``in_pack``: id -> (path, line) of the rules of this pack's earlier files."""
    rid = rule.id
    if rid in local:
        return rule.problem("E120", rule.at("id"), "used_twice", lang, line=local[rid])
    if in_pack and rid in in_pack:
        first_path, first_line = in_pack[rid]
        return rule.problem("E120", rule.at("id"), "defined_in_pack", lang,
                            where=f"{first_path}:{first_line}")
    if rid in earlier and not rule.raw.get("override"):
        first_path, first_line = earlier[rid]
        return rule.problem("E120", rule.at("id"), "already_defined", lang,
                            where=f"{first_path}:{first_line}")
    if rule.raw.get("override") and rid not in earlier:
        return rule.problem("E121", rule.at("override", value=False), "override_nothing", lang,
                            hint=did_you_mean(rid, sorted(earlier), lang))
    return None


def _then(raw) -> dict:
    then = raw.get("then")
    return then if isinstance(then, dict) else {}


def candidate_flag_problem(rule: RuleSource, lang: str = "en") -> Problem | None:
    """E135: a candidate-scope rule that sets a flag (the machine is chosen after
    inference, so the flag would leak from machines that are not used)."""
    then = _then(rule.raw)
    if rule.raw.get("scope") == "candidate" and then.get("flag"):
        where = position(then, "flag") if "flag" in getattr(then, "positions", {}) else \
            (rule.line, rule.col)
        return rule.problem("E135", where, "candidate_flag", lang)
    return None


def compile_when(rule: RuleSource, scopes: tuple, lang: str = "en",
                 invariant: tuple | None = None) -> tuple[Compiled | None, Problem | None]:
    """E130: the condition compiled, or the problem why it does not (syntax, a scope the
    rule cannot read, a filter that does not exist).  ``invariant``: see
    ``compile_condition``."""
    try:
        return compile_condition(rule.raw["when"], scopes, invariant), None
    except ExpressionError as exc:
        return None, rule.problem("E130", rule.at("when"), "when", lang, problem=exc)


def flags_set(rules: Iterable[RuleSource]) -> dict:
    """flag -> the rules that set it."""
    out = {}
    for rule in rules:
        flag = _then(rule.raw).get("flag")
        if isinstance(flag, str):
            out.setdefault(flag, []).append(rule)
    return out


def flag_uses(rule: RuleSource) -> list[tuple[str, str, tuple[int, int]]]:
    """(key, flag, (line, col)) for each flag in the rule's ``requires`` and ``unless``."""
    out = []
    for key in ("requires", "unless"):
        items = rule.raw.get(key)
        if isinstance(items, list):
            out += [(key, flag, item_position(items, j))
                    for j, flag in enumerate(items) if isinstance(flag, str)]
    return out


def unset_flag_problems(rules: Iterable[RuleSource], setters: Container,
                        lang: str = "en") -> list[Problem]:
    """E132: ``requires`` or ``unless`` naming a flag no rule sets: a typo there would
    silently switch the rule off (requires) or on (unless)."""
    out = []
    for rule in rules:
        for key, flag, where in flag_uses(rule):
            if flag not in setters:
                out.append(rule.problem("E132", where, "unset_flag", lang, entry=key, flag=flag,
                                        hint=did_you_mean(flag, sorted(setters), lang)))
    return out


class Removal(NamedTuple):
    """A ``disable:`` or ``override: true`` that took away a rule that set a flag: the
    rule disabled, or overridden by a definition that no longer sets that flag."""

    path: str
    line: int
    col: int
    kind: str   # "disable" or "override"
    rule: str   # the id disabled or overridden
    flag: str   # the flag its earlier definition set


def removal(kind: str, earlier: RuleSource | None, later: RuleSource | None, path: str,
            where: tuple[int, int]) -> Removal | None:
    """The :class:`Removal` made by disabling ``earlier`` (``later`` None) or overriding
    it with ``later``, or None when no flag goes with it."""
    flag = _then(earlier.raw).get("flag") if earlier is not None else None
    if not isinstance(flag, str):
        return None
    if later is not None and _then(later.raw).get("flag") == flag:
        return None
    return Removal(path, where[0], where[1], kind, earlier.id, flag)


def removed_setter_problems(rules: Iterable[RuleSource], removals: Iterable[Removal],
                            lang: str = "en") -> list[Problem]:
    """E137: a ``disable:`` or ``override`` that took away the last rule setting a flag
    that a remaining rule requires (which can then never fire) or is ``unless`` (which
    is then never held back).  ``rules``: the merged pack's rules as written (disabled
    ones gone, overridden ones in their last definition).  Reported at the disable or
    override, which is what the pack author changes."""
    rules = list(rules)
    setters = flags_set(rules)
    removals = list(removals)
    out = []
    for rule in rules:
        for key, flag, _ in flag_uses(rule):
            if flag in setters:
                continue
            for gone in removals:
                if gone.flag != flag:
                    continue
                how = Wording("lint", f"removed_by_{gone.kind}", rule=gone.rule, flag=flag)
                effect = Wording("lint", f"removed_{key}")
                out.append(Problem(gone.path, gone.line, gone.col, "E137", message(
                    "removed_setter", lang, removal=how, flag=flag, reader=rule.id,
                    where=f"{rule.path}:{rule.line}", effect=effect)))
    return out


def when_position(path: str, rule_id: str, line: int) -> tuple[int, int]:
    """(line, col) of the ``when:`` of the rule written at ``line`` of ``path`` (read
    again from the parse cache: a compiled rule keeps no copy of its YAML), else the
    rule's own line."""
    from producibility.inputs import yamlio
    try:
        items = (yamlio.load(path) or {}).get("rules") or []
        for i, raw in enumerate(items):
            at = item_position(items, i)
            if at[0] == line and isinstance(raw, dict) and raw.get("id") == rule_id:
                return RuleSource(raw, path, *at).at("when")
    except Exception:  # noqa: BLE001 - only a position: the rule's line will do
        pass
    return line, 1


def unknown_field_problems(rule_id: str, compiled: Compiled, fields: dict, path: str,
                           where: tuple[int, int], lang: str = "en") -> list[Problem]:
    """E131: a condition that reads a field no fact has (``part.tolerence_mm``).  Such a
    condition is never true or false: it stays unknown, and the report would ask the
    customer a question the questionnaire does not have.  ``fields``: scope -> the
    names its facts can have (``engine.infer.fact_fields``)."""
    return [Problem(path, where[0], where[1], "E131", message(
        "unknown_field", lang, rule=rule_id, field=f"{scope}.{name}",
        hint=did_you_mean(name, sorted(fields[scope]), lang)))
        for scope, name in unknown_fields(compiled.fields, fields)]


def evidence_field_problems(pack, fields: dict, lang: str = "en") -> list[Problem]:
    """E131 for an MRL evidence row (``settings.mrl.evidence``) whose ``needs`` or
    ``when`` names a field no fact has: it is never answered, so the thread could never
    claim that level (and the report would ask for a question the questionnaire does not
    have).  ``pack.evidence_at``: where each row in force is written."""
    return [Problem(path, line, 1, "E131", message(
        "evidence_field", lang, thread=thread, level=row.get("level"),
        field=f"{scope}.{name}", hint=did_you_mean(name, sorted(fields[scope]), lang)))
        for thread, path, line, row, named in pack.evidence_reads()
        for scope, name in unknown_fields(named, fields)]
