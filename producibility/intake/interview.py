"""The interview: the questionnaire asked at a terminal, one question at a time.

Owns the walk of ``producibility ask``: sections in order, questions the questionnaire
does not ask skipped (:func:`producibility.model.relevance.asked`), parts as a repeating
group ("another part?"), ``?`` help, ``<`` back, ``-`` leave open, Enter to keep an
answer; every change is reported through a callback so the command saves after each
answer.  :func:`open_keys` chooses what ``ask --only-open`` asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from producibility import i18n
from producibility.intake.answers import (BACK, HELP, LEAVE_OPEN, AnswerError, choice_label,
                                          help_text, in_lang, parse_answer, parse_yes_no,
                                          show_number, show_value, texts, unit_label)
from producibility.intake.checks import combination_problems, impossible_choices, unanswered
from producibility.intake.request_file import ordered_request
from producibility.model.relevance import asked

@dataclass(frozen=True)
class Step:
    """One thing to ask: a question (for the request or part ``part``), or "more parts?"."""

    kind: str  # "question" or "more"
    question: object = None
    part: int = None

    @property
    def key(self):
        if self.kind == "more":
            return ("more", self.part)
        return (self.question.scope, self.question.id, self.part)


class Interview:
    """Walks the questionnaire at a terminal.

    ``read(prompt)`` returns one typed line (it raises EOFError/KeyboardInterrupt,
    which the caller handles: every answer is already saved); ``write(text)`` prints
    a line; ``changed(request)`` is called after every change with the request as
    it should be saved.  ``only`` (a list of (scope, field, part index) keys) limits
    the walk to those questions, in that order.
    """

    def __init__(self, questionnaire, lang, read, write, changed, request=None, only=None):
        self.questionnaire = questionnaire
        self.lang = lang
        self.t = texts(lang)
        self.read, self.write, self.changed = read, write, changed
        request = dict(request or {})
        parts = request.pop("parts", None)
        self.top = request
        self.parts = [dict(p) for p in parts] if isinstance(parts, list) else []
        self.given_parts = len(self.parts)
        # "another part?" answers: the parts of a resumed request are there already
        self.more = {i: True for i in range(len(self.parts) - 1)}
        self.only = only
        self.visited = set()
        self.header = None
        self.sections = {s["id"]: s for s in questionnaire.sections}

    # --- state
    def part(self, index):
        while len(self.parts) <= index:
            self.parts.append({})
        return self.parts[index]

    def part_count(self):
        count = 1
        while self.more.get(count - 1) is True:
            count += 1
        return count

    def request(self):
        """The answers as they are saved: parts the user said no to are left out."""
        out = dict(self.top)
        if self.questionnaire.questions_in("part"):
            out["parts"] = [dict(p) for p in self.parts[: self.part_count()]]
        elif self.parts:
            out["parts"] = list(self.parts)
        return out

    def answer_count(self, request=None):
        request = request or ordered_request(self.questionnaire, self.request())
        return (len([k for k in request if k != "parts"])
                + sum(len(p) for p in request.get("parts", []) if isinstance(p, dict)))

    def answered(self, step):
        if step.kind == "more":
            return step.part in self.more
        if step.part is None:
            answers = self.top
        else:
            answers = self.parts[step.part] if step.part < len(self.parts) else {}
        return answers.get(step.question.id) is not None

    # --- the plan: every step that applies, given the answers so far
    def plan(self):
        context = self.request()
        steps = []
        for section in self.questionnaire.sections:
            questions = [q for q in self.questionnaire.questions if q.section == section["id"]]
            if section.get("repeat") == "parts":
                for i in range(self.part_count()):
                    part = self.parts[i] if i < len(self.parts) else {}
                    steps += [Step("question", self._offered(q, part), i) for q in questions
                              if asked(q, context, part)]
                    steps.append(Step("more", None, i))
            else:
                steps += [Step("question", q) for q in questions if asked(q, context)]
        if self.only is None:
            return steps
        by_key = {s.key: s for s in steps}
        chosen = [by_key[k] for k in self.only if k in by_key]
        if self.given_parts == 0:  # no part yet: describe them in full
            only = set(self.only)
            chosen += [s for s in steps if s.part is not None and s.key not in only]
        return chosen

    def _offered(self, question, part):
        """The question with the choices the part's other answers leave: no T temper for
        an alloy that is not heat-treatable (``validate`` refuses it)."""
        ruled_out = impossible_choices(self.questionnaire, question, part)
        if not ruled_out:
            return question
        return question.replace(choices=tuple(c for c in question.choices
                                              if c not in ruled_out))

    def skipped(self, step):
        """Answered before this session and not looked at again: not asked going forward."""
        return self.answered(step) and step.key not in self.visited

    def preset_count(self):
        return sum(1 for s in self.plan() if s.kind == "question" and self.answered(s))

    # --- the walk
    def run(self):
        steps = self.plan()
        current = next((s for s in steps if not self.skipped(s)), None)
        while current is not None:
            going = self.ask(current)
            steps = self.plan()
            keys = [s.key for s in steps]
            if current.key not in keys:  # an earlier answer changed the plan
                current = next((s for s in steps if not self.skipped(s)), None)
                continue
            index = keys.index(current.key)
            if going == BACK:
                if index == 0:
                    self.write(self.t["first"])
                    continue
                current = steps[index - 1]
                continue
            current = next((s for s in steps[index + 1:] if not self.skipped(s)), None)
        return self.request()

    def _show_header(self, step):
        if step.kind == "more":
            section_id = next(s["id"] for s in self.questionnaire.sections
                              if s.get("repeat") == "parts")
        else:
            section_id = step.question.section
        key = (section_id, step.part)
        if key == self.header:
            return
        self.header = key
        title = in_lang(self.sections[section_id]["title"], self.lang)
        if step.part is not None:
            title += " - " + self.t["part"].format(n=step.part + 1)
        self.write("")
        self.write(title)
        self.write("-" * len(title))

    def _hint(self, q):
        t = self.t
        unit = unit_label(q.unit, self.lang)
        bits = []
        if q.type == "number":
            low = show_number(q.min, self.lang) if q.min is not None else None
            high = show_number(q.max, self.lang) if q.max is not None else None
            span = (f"{low}–{high}" if low is not None and high is not None
                    else f">= {low}" if low is not None
                    else f"<= {high}" if high is not None else "")
            bits.append(" ".join(x for x in (span, unit) if x))
        elif q.type == "date":
            bits.append(t["hint_date"])
        elif q.type == "dimensions":
            bits.append(t["hint_dims"] + (f" {unit}" if unit else ""))
        elif q.type == "yes_no":
            bits.append(t["hint_yes_no"])
        elif unit:
            bits.append(unit)
        if getattr(q, "none", None):  # "geen = geen schroefdraad": none is an answer
            bits.append(t["hint_none"].format(none=in_lang(q.none, self.lang)))
        bits = [b for b in bits if b]
        return f" ({', '.join(bits)})" if bits else ""

    def _list_choices(self, q):
        labels = [f"{n}. {choice_label(q, c, self.lang)}" for n, c in enumerate(q.choices, 1)]
        width = max(len(x) for x in labels) + 2
        columns = max(1, min(3, 76 // width)) if len(labels) > 8 else 1
        rows = -(-len(labels) // columns)
        for r in range(rows):
            line = "".join(labels[r + c * rows].ljust(width)
                           for c in range(columns) if r + c * rows < len(labels))
            self.write("  " + line.rstrip())

    def ask(self, step):
        self.visited.add(step.key)
        self._show_header(step)
        if step.kind == "more":
            return self._ask_more(step.part)
        q = step.question
        answers = self.top if step.part is None else self.part(step.part)
        current = answers.get(q.id)
        mark = " *" if q.required else ""
        default = f" [{show_value(q, current, self.lang)}]" if current is not None else ""
        if q.type in ("choice", "multi_choice"):
            self.write(f"{q.label(self.lang)}{mark}")
            self._list_choices(q)
            how = self.t["choose_one"] if q.type == "choice" else self.t["choose_many"]
            if q.type == "multi_choice" and not q.min_choices:
                how += f" ({self.t['choose_none']})"
            elif getattr(q, "none", None):  # iso_fit: "geen = geen passing"
                how += f" ({self.t['hint_none'].format(none=in_lang(q.none, self.lang))})"
            prompt = f"{how}{default}: "
        else:
            prompt = f"{q.label(self.lang)}{mark}{self._hint(q)}{default}: "
        while True:
            text = self.read(prompt).strip()
            if text == HELP:
                self.write(help_text(q, self.lang) or self.t["no_help"])
                continue
            if text == BACK:
                return BACK
            if text == LEAVE_OPEN:
                if answers.pop(q.id, None) is not None:
                    self._changed()
                if q.required:
                    self.write(self.t["left_open"])
                return None
            if not text:
                if current is not None or not q.required:
                    return None
                self.write(self.t["required_multi"] if q.type == "multi_choice"
                           and not q.min_choices else self.t["required"])
                continue
            try:
                value = parse_answer(q, text, self.lang)
                if step.part is not None and q.id == "id":
                    self._check_part_id(value, step.part)
            except AnswerError as exc:
                self.write(str(exc))
                continue
            if value != current:
                answers[q.id] = value
                self._changed()
                self._warn(q, step.part)
            return None

    def _check_part_id(self, value, index):
        for i, other in enumerate(self.parts[: self.part_count()]):
            if i != index and other.get("id") == value:
                raise AnswerError(self.t["part_id_used"].format(id=value, n=i + 1))

    def _ask_more(self, index):
        t = self.t
        current = self.more.get(index, False)
        default = i18n.text("common", "yes" if current else "no", self.lang)
        while True:
            text = self.read(f"{t['more_parts']} ({t['hint_yes_no']}) [{default}]: ").strip()
            if text == HELP:
                self.write(t["more_help"])
                continue
            if text == BACK:
                return BACK
            if not text or text == LEAVE_OPEN:
                value = current
            else:
                try:
                    value = parse_yes_no(text, self.lang)
                except AnswerError as exc:
                    self.write(str(exc))
                    continue
            before = self.part_count()
            self.more[index] = value
            if not value and any(self.parts[index + 1: before]):
                self.write(t["parts_dropped"].format(first=index + 2))
            self._changed()
            return None

    def _changed(self):
        self.changed(self.request())

    def _warn(self, question, part):
        for problem in combination_problems(self.questionnaire, self.request(), self.lang):
            if (question.key in problem.fields and not problem.missing
                    and (problem.part is None or problem.part == part)):
                self.write(self.t["warning"].format(message=problem.message))


def open_keys(questionnaire, request, open_questions=None):
    """The (scope, field, part index) keys to ask for ``ask --only-open``.

    The screener's open questions first (most decisive first), then the required
    questions still unanswered, in questionnaire order.
    """
    parts = request.get("parts") if isinstance(request.get("parts"), list) else []
    index = {str(p.get("id")): i for i, p in enumerate(parts) if isinstance(p, dict)}
    keys = []
    for entry in open_questions or []:
        question = questionnaire.question(entry["scope"], entry["field"])
        if question is None:
            continue  # a derived fact (such as weeks_available), not a question
        if entry["scope"] == "part":
            i = index.get(str(entry.get("part")))
            if i is None or parts[i].get(question.id) is not None:
                continue
            key = ("part", question.id, i)
        else:
            if request.get(question.id) is not None:
                continue
            key = ("request", question.id, None)
        if key not in keys:
            keys.append(key)
    for question, i in unanswered(questionnaire, request):
        if question is None:
            continue
        key = (question.scope, question.id, i)
        if key not in keys:
            keys.append(key)
    return keys


