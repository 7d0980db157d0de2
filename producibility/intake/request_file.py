"""Request files: writing the answers as ``ask`` saves them, and reading a half-answered
file back to resume from.

Owns the layout of a request file (fields in questionnaire order, flow lists of plain
values, real dates written bare: :func:`ordered_request`, :func:`dump_request`) and
:func:`load_partial`, which keeps what fits and warns about the rest.
"""

from __future__ import annotations

import datetime
import difflib

import yaml

from producibility.conditions.expressions import ABSENT
from producibility.errors import InputError, Wording
from producibility.inputs import yamlio
from producibility.intake.answers import AnswerError, coerce_loaded, texts
from producibility.model.request import read_request_file


def ordered_request(questionnaire, request: dict) -> dict:
    """The request as plain dicts and lists, fields in questionnaire order.

    Fields the questionnaire does not know (a hand-written ``schema:`` hint, say)
    are kept after the questions; parts come last, without empty ones.
    """
    def ordered(answers, questions):
        out = {q.id: yamlio.plain(answers[q.id]) for q in questions
               if answers.get(q.id) is not None}
        known = {q.id for q in questions}
        out.update((k, yamlio.plain(v)) for k, v in answers.items()
                   if k not in known and k != "parts")
        return out

    out = ordered(request, questionnaire.questions_in("request"))
    parts = request.get("parts")
    if isinstance(parts, list):
        kept = [ordered(p, questionnaire.questions_in("part")) if isinstance(p, dict)
                else yamlio.plain(p) for p in parts]
        kept = [p for p in kept if p != {}]
        if kept:
            out["parts"] = kept
    return out


class _Dumper(yaml.SafeDumper):
    """Block mappings, flow lists of plain values: ``size_mm: [120, 80, 30]``."""


def _represent_list(dumper, data):
    flow = all(not isinstance(item, (list, dict)) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)
# a question answered "none" (no thread) is written as it is read: min_thread_mm: none
_Dumper.add_representer(type(ABSENT), lambda dumper, data: dumper.represent_str(str(data)))


def dump_request(questionnaire, request: dict) -> str:
    """The text of a request file that ``producibility check`` reads."""
    data = ordered_request(questionnaire, request)

    def dates(answers, questions):
        for q in questions:
            if q.type == "date" and isinstance(answers.get(q.id), str):
                try:  # a real date is written bare, like a person would
                    answers[q.id] = datetime.date.fromisoformat(answers[q.id])
                except ValueError:
                    pass

    dates(data, questionnaire.questions_in("request"))
    for part in data.get("parts", []):
        if isinstance(part, dict):
            dates(part, questionnaire.questions_in("part"))
    header = (f"# Answers to the questionnaire {questionnaire.id} {questionnaire.version}, "
              "written by `producibility ask`.\n")
    if not data:
        return header + "{}\n"
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                              default_flow_style=False, width=100)


def load_partial(path, questionnaire, lang: str = "en") -> tuple[dict, list[str]]:
    """A (possibly half-answered) request file to resume from: (answers, warnings).

    Answers that do not fit their question are dropped with a warning (so they are
    asked again); unknown fields are kept as they are.
    """
    t = texts(lang)
    document = read_request_file(path)[0]
    if document is None:
        return {}, []
    if not isinstance(document, dict):
        raise InputError.said(Wording("inputs", "request_not_mapping"), str(path),
                              getattr(document, "line", 1))
    warnings = []

    def take(answers, questions, trail):
        known = {q.id: q for q in questions}
        out = {}
        for key, value in answers.items():
            line = yamlio.line_of(document, trail + [key])
            where = f"{path}:{line}" if line else str(path)
            question = known.get(key)
            if question is None:
                if key != "schema" and not (key == "parts" and not trail):
                    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
                    hint = (f" ({t['did_you_mean'].format(word=close[0]).strip()})"
                            if close else "")
                    warnings.append(t["unknown_field"].format(where=where, field=key,
                                                              hint=hint))
                out[key] = value
                continue
            if value is None:
                continue
            try:
                out[key] = coerce_loaded(question, value, lang)
            except AnswerError as exc:
                warnings.append(t["ignored"].format(
                    where=where, message=f"{key}: {str(exc).rstrip('.')}"))
        return out

    request = take(document, questionnaire.questions_in("request"), [])
    parts = document.get("parts")
    if isinstance(parts, list):
        request["parts"] = [take(p, questionnaire.questions_in("part"), ["parts", i])
                            if isinstance(p, dict) else p for i, p in enumerate(parts)]
        if not all(isinstance(p, dict) for p in request["parts"]):
            raise InputError.said(Wording("inputs", "part_not_mapping"), str(path),
                                  yamlio.line_of(document, ["parts"]))
    elif parts is not None:
        raise InputError.said(Wording("inputs", "parts_not_list"), str(path),
                              yamlio.line_of(document, ["parts"]))
    return request, warnings
