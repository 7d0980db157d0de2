"""E120 duplicate-rule-id, E121 nothing-to-override: rule ids that clash or name nothing.

**E120** a rule id used twice in one file or in two files of one pack (with or without
``override: true``, which is for a rule of an earlier pack: within one pack the files'
names decided which one won), or an id an earlier pack (the default pack) defines,
without ``override: true``: a typo must never silently replace a rule.

**E121** ``override: true`` on a rule no earlier pack defines, or ``disable:`` naming a rule
no earlier pack defines: a typo would leave the rule you meant untouched.

The checks are the loader's own (``model/pack_checks.py``: ``id_problem``,
``disable_problems``); lint keeps going after a clash to find the other mistakes.
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code
from producibility.model.pack_checks import (Problem, RuleSource, disable_problems, id_problem,
                                             item_position, removal)

CODES = {
    "E120": Code("duplicate-rule-id", "a rule id is defined twice without override: true"),
    "E121": Code("nothing-to-override", "override: or disable: names a rule no earlier pack "
                 "defines"),
}


class RuleIds:
    """The rule ids defined so far, and those still on (not disabled), pack by pack."""

    def __init__(self, earlier: dict | None = None):
        self.where = dict(earlier or {})   # id -> (path, line) of its latest definition
        self.active = dict(self.where)     # ids not disabled since
        self.live = {}                     # id -> RuleSource: the merged pack, as written
        self.removals = []                 # disables and overrides that took a flag away
        self.in_pack = {}                  # id -> (path, line) in the pack being read

    def start_pack(self) -> None:
        """The files read from now on are another pack's (one id, one rule in a pack)."""
        self.in_pack = {}

    def read(self, document: dict, path: str, lang: str = "en") -> tuple[list, list[Problem]]:
        """The rules of one pack file (as :class:`RuleSource`) and the id problems."""
        problems = disable_problems(document, path, self.active, lang)
        disabled = document.get("disable")
        for i, rule_id in enumerate(disabled if isinstance(disabled, list) else ()):
            if isinstance(rule_id, str):
                self.active.pop(rule_id, None)
                gone = removal("disable", self.live.pop(rule_id, None), None, path,
                               item_position(disabled, i))
                if gone is not None:
                    self.removals.append(gone)
        items = document.get("rules")
        if not isinstance(items, list):
            return [], problems
        rules, local = [], {}
        for i, raw in enumerate(items):
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                continue
            rule = RuleSource(raw, path, *item_position(items, i))
            problem = id_problem(rule, local, self.where, lang, self.in_pack)
            local.setdefault(rule.id, rule.line)
            if problem is not None:
                problems.append(problem)
            else:  # as the loader: a clash defines nothing
                self.where[rule.id] = self.active[rule.id] = (path, rule.line)
                self.in_pack[rule.id] = (path, rule.line)
                earlier = self.live.get(rule.id)
                gone = earlier and removal("override", earlier, rule, path,
                                           rule.at("override", value=False))
                if gone:
                    self.removals.append(gone)
                self.live[rule.id] = rule
            rules.append(rule)  # every rule is linted, clashing or not
        return rules, problems
