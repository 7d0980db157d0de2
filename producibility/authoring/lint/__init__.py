"""Lint rule packs: every mistake as ``file:line:col: CODE message``.

A typo must never silently disable a rule.  The linter reads the packs as a screening
does (the same reader, schema, catalogue and the loader's own pack checks from
``model/pack_checks.py``) but reports every problem instead of the first, and adds what
only an author needs: names of facts and fields, choices, flags, templates, translations.

One module per family of checks, each with its codes (``CODES``) and a docstring that
documents them (yamllint's way); ``docs/lint.md`` lists them all
(``python -m producibility.authoring.docs``).  E = error (exit 1), W = warning, silenced
on one rule with ``lint: {ignore: [W150]}``:

  files         E100 yaml-syntax, E101 duplicate-key
  schema        E110 unknown-key, E111 missing-key, E112 wrong-type, E113 score-range,
                E114 unknown-thread
  ids           E120 duplicate-rule-id, E121 nothing-to-override
  catalogue     E125 catalogue-entry, W126 unknown-family, W127 unknown-cam-process
  conditions    E130 condition-syntax, E131 unknown-field, W140 never-matches,
                W141 thousands-separator, W142 unknown-certification,
                W143 text-for-number, W144 index-out-of-range
  messages      E133 message-template
  flags         E132 unknown-flag, E134 flag-cycle, E135 candidate-flag, E136 schedule-rule,
                E137 removed-flag-setter, W160 unused-flag
  waits         W161 unknown-wait, W162 treatment-wait-on-top
  translations  W150 missing-translation, W152 no-mitigation
  sources       W151 no-source
  customer      W153 no-customer-wording
"""

from __future__ import annotations

from producibility.authoring.lint import (catalogue, conditions, customer, files, flags, ids,
                                          messages, schema, sources, translations, waits)
from producibility.authoring.lint.base import Context, ignored, known_fields
from producibility.i18n import DEFAULT_LANG
from producibility.model.pack_checks import Problem
from producibility.model.questionnaire import load_questionnaire

__all__ = ["CHECKS", "CODES", "Problem", "known_fields", "lint", "reference"]

#: The check modules, in the order of their codes.
CHECKS = (files, schema, ids, catalogue, conditions, messages, flags, waits, translations,
          sources, customer)
#: Every lint code -> its :class:`base.Code` (name, summary).
CODES = dict(sorted((code, info) for module in CHECKS for code, info in module.CODES.items()))

_RULE_CHECKS = (conditions, messages, flags, waits, translations, sources, customer)


def lint(paths, questionnaire=None, base_rules=None, lang: str = DEFAULT_LANG) -> list[Problem]:
    """Lint the given pack files/directories; returns sorted Problems.

    ``base_rules`` maps rule id -> (path, line) of rules from packs loaded
    before these (the default pack), so overrides and disables can be checked.
    ``lang``: the language of the messages, as ``check`` words them.
    """
    questionnaire = questionnaire or load_questionnaire()
    problems, rules, documents = [], [], []
    rule_ids = ids.RuleIds(base_rules)
    merged_catalogue = catalogue.builder(paths)
    for source in paths:
        rule_ids.start_pack()  # one id, one rule in a pack
        merged_catalogue.start_pack()  # and one catalogue entry
        pack_files, found = files.files_of(source, lang)
        problems += found
        catalogues = files.catalogue_files_of(source)
        for file in pack_files:
            document, found = files.read(file, lang, catalogue=file in catalogues)
            problems += found
            if document is None:
                continue
            path = str(file)
            found = schema.check(document, path, lang)
            problems += found
            if not found:
                merged_catalogue.add(document, path)
                documents.append((path, document))
            read, found = rule_ids.read(document, path, lang)
            rules += read
            problems += found
    merged, found = catalogue.finish(merged_catalogue, lang)
    problems += found + catalogue.family_problems(merged, paths, lang) + \
        catalogue.cam_problems(merged, documents, lang)
    # choices a rule compares with come from the merged catalogue (a shop's own material)
    context = Context(questionnaire.with_catalogue(merged), known_fields(questionnaire), lang)
    for rule in rules:
        silenced = ignored(rule)
        problems += [p for check in _RULE_CHECKS
                     for p in check.check(rule, context) if p.code not in silenced]
    problems += [p for check in (flags, waits) for rule, p in check.check_pack(rules, context)
                 if p.code not in ignored(rule)]
    problems += flags.check_merged(rule_ids, context)
    return sorted(set(problems))


def reference() -> str:
    """docs/lint.md: every code with its name and summary, then each family's docstring."""
    import inspect

    lines = ["# Lint codes", "",
             "Generated by `python -m producibility.authoring.docs` from the check modules in "
             "`producibility/authoring/lint/`; do not edit. `producibility rules lint` prints "
             "each problem as `file:line:col: CODE message`. Errors (E) exit 1; warnings (W) "
             "only with `--strict`; silence a warning on one rule with "
             "`lint: {ignore: [W150]}`.", "",
             "| code | name | finds | module |", "|---|---|---|---|"]
    family = {code: module for module in CHECKS for code in module.CODES}
    for code, info in CODES.items():
        module = family[code].__name__.rsplit(".", 1)[-1]
        lines.append(f"| {code} | {info.name} | {info.summary} | [{module}](#{module}) |")
    for module in CHECKS:
        name = module.__name__.rsplit(".", 1)[-1]
        lines += ["", f"## {name}", "", inspect.cleandoc(module.__doc__)]
    return "\n".join(lines) + "\n"
