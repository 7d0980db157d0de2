"""What every lint check reads: the code table's shape, the facts a rule may read, the context.

A check module (``conditions.py``, ``flags.py`` ...) declares ``CODES`` (code -> :class:`Code`)
and documents them in its docstring; a check of one rule is ``check(rule, context)``, a
check of the whole pack ``check_pack(rules, context)``; both return
:class:`~producibility.model.pack_checks.Problem` objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from producibility.engine.infer import fact_fields
from producibility.model.pack import SCOPE_NAMES
from producibility.model.pack_checks import RuleSource


class Code(NamedTuple):
    """A lint code's short name (as in ``lint: {ignore: [...]}`` listings) and what it finds."""

    name: str
    summary: str


known_fields = fact_fields  # scope -> field names a condition may read


@dataclass
class Context:
    """What the checks of one lint run share: the questionnaire (with the merged
    catalogue's choices), the fields each scope has, and the language of the messages."""

    questionnaire: object
    fields: dict
    lang: str = "en"


def scopes(rule: RuleSource) -> tuple:
    """The fact scopes the rule's condition and messages may read (none for an
    unknown scope: the schema reports that)."""
    return SCOPE_NAMES.get(rule.raw.get("scope"), ())


def ignored(rule: RuleSource) -> set:
    """The codes the rule silences with ``lint: {ignore: [...]}``."""
    settings = rule.raw.get("lint")
    return set((settings.get("ignore") if isinstance(settings, dict) else None) or [])
