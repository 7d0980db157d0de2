"""W150 missing-translation, W152 no-mitigation: texts a reader of the other language lacks.

**W150** a rule's ``title``, ``message``, ``mitigation`` or ``customer`` wording is given in
some languages only (or as one text, which every language then shows untranslated); so is
a ``source`` given per language but not in every one (a ``source`` of one text is a
citation, which reads the same in every language).

**W152** a rule has no ``mitigation`` at all: the report tells what is wrong but not what
to do about it.  Earlier versions reported this as W150 too, a code with two meanings;
W150 keeps its first (a missing translation), and a pack that silenced a missing
mitigation with ``lint: {ignore: [W150]}`` now names W152.
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code, Context
from producibility.i18n import LANGS
from producibility.model.pack_checks import Problem, RuleSource

CODES = {
    "W150": Code("missing-translation", "a text is not given in every language"),
    "W152": Code("no-mitigation", "a rule has no mitigation in any language"),
}


def check(rule: RuleSource, context: Context) -> list[Problem]:
    out = []
    for entry in ("title", "message", "mitigation", "customer"):
        value = rule.raw.get(entry)
        if entry == "customer" and (value is None or isinstance(value, bool)):
            continue
        if isinstance(value, str) or (isinstance(value, dict) and set(LANGS) - set(value)):
            missing = sorted(set(LANGS) - set(value)) if isinstance(value, dict) else \
                [lang for lang in LANGS if lang != "en"]
            out.append(rule.problem("W150", rule.at(entry), "no_translation", context.lang,
                                    entry=entry, langs=", ".join(missing)))
        elif value is None and entry == "mitigation":
            out.append(rule.problem("W152", (rule.line, rule.col), "no_mitigation",
                                    context.lang))
    source = rule.raw.get("source")
    if isinstance(source, dict) and set(LANGS) - set(source):
        out.append(rule.problem("W150", rule.at("source"), "no_translation", context.lang,
                                entry="source",
                                langs=", ".join(sorted(set(LANGS) - set(source)))))
    return out
