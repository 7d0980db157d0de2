"""Open questions: the answers a conclusion waited for, ranked by what depends on them.

While concluding, every rule that could not decide (an unknown field), every fit the
engine could not check and every answer outside the catalogue names the fields it
needs (:meth:`OpenFields.add`).  A derived field asks for the answers it comes from.
:meth:`OpenFields.ranked` gives the report's ``open_questions``: those the
questionnaire would ask, decisive ones (they can change the verdict) first.
"""

from __future__ import annotations

from typing import Any, Callable

from producibility.engine.infer import DERIVED_FROM


class OpenFields:
    """The fields an answer is missing for, with the rules that wait for them."""

    def __init__(self) -> None:
        self._fields: dict[tuple, dict] = {}   # (scope, part, field) -> rules, decisive
        self._given: dict[tuple, Any] = {}     # (scope, part, field) -> answer not listed

    def add(self, scope: str, part: str | None, field: str, rule: str | None,
            decisive: bool) -> None:
        """``rule`` needs ``scope.field`` (of ``part``); ``decisive``: the answer can
        change the verdict.  A derived field asks for the fields it comes from."""
        sources = DERIVED_FROM.get((scope, field))
        if sources:  # ask the question the derived fact comes from
            for source_scope, source_field in sources:
                self.add(source_scope, part, source_field, rule, decisive)
            return
        key = (scope, part if scope == "part" else None, field)
        entry = self._fields.setdefault(key, {"rules": set(), "decisive": False})
        if rule:
            entry["rules"].add(rule)
        entry["decisive"] = entry["decisive"] or decisive

    def add_unlisted(self, entry: dict) -> None:
        """An answer outside the catalogue (``request._unlisted``): a decisive open
        question for the engineer, with the answer given."""
        self.add(entry["scope"], entry["part"], entry["field"], "CATALOGUE", True)
        self._given[(entry["scope"], entry["part"], entry["field"])] = entry["given"]

    def ranked(self, questionnaire: Any, lang: str,
               asked: Callable[[Any, str | None], bool],
               follows: Callable[[Any, str | None], tuple] | None = None) -> list[dict]:
        """The report's ``open_questions``, most impact first.  ``asked(question, part)``:
        whether the questionnaire asks it (its ``ask_if``); a question it would not ask
        is not open, one it requires is decisive.  ``follows(question, part)``: the open
        answers a follow-up question waits for (``relevance.follows_from``): its rules
        wait for those instead, asked first."""
        if follows is not None:
            for (scope, part, field), entry in list(self._fields.items()):
                question = questionnaire.question(scope, field)
                parents = follows(question, part) if question is not None else ()
                if not parents:
                    continue
                del self._fields[scope, part, field]
                for parent_scope, parent_field in parents:
                    for rule in sorted(entry["rules"]) or [None]:
                        self.add(parent_scope, part, parent_field, rule, entry["decisive"])
        out = []
        for (scope, part, field), entry in self._fields.items():
            question = questionnaire.question(scope, field)
            if question is not None and question.ask_if is not None and \
                    not asked(question, part):
                continue
            decisive = entry["decisive"] or bool(question is not None and question.required)
            rules = sorted(entry["rules"])
            out.append({
                "field": field, "scope": scope, "part": part,
                "question": question.label(lang) if question else field,
                "impact": (10 if decisive else 0) + len(rules),
                "decisive": decisive, "rules": rules})
            if (scope, part, field) in self._given:
                out[-1]["given"] = self._given[(scope, part, field)]
        out.sort(key=lambda q: (-q["impact"], q["scope"], q["part"] or "", q["field"]))
        return out


def undecided(hits, moot, chosen=(), askable=None, keep=None):
    """The hits of the rules that could not decide and whose questions are open: what
    an answer to them may yet add (a wait to the lead time, hours to the price).
    ``moot(part)``: no answer makes the part (nothing is asked for it); ``chosen``: the
    (part, process, machine) the placement chose (a candidate rule counts only there);
    ``askable(scope, field, part)``: whether the questionnaire asks, or may yet ask, a
    question the rule waits for (a rule waiting only for questions not asked of this
    request, EN 1090's execution class of a product that is no construction product,
    waits for nothing).  ``keep(hit)``: only the hits it keeps (asked first: whether a
    question is askable is the dear part)."""
    for hit in hits:
        if hit.outcome != "unknown" or hit.rule.scope == "candidate" and (
                hit.subject, hit.process, hit.machine) not in chosen:
            continue
        if keep is not None and not keep(hit):
            continue
        part = hit.subject if hit.rule.scope in ("part", "candidate") else None
        if moot(part) or askable is not None and not any(
                askable(*missing) for missing in hit.missing):
            continue
        yield hit
