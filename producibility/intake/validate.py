"""What ``producibility validate`` says about a request file and an equipment file.

Owns the judgement and its lines: every problem as ``file:line: message``, the answers
outside the catalogue as notes, the required questions still open (and the fields a
process needs), and the closing line.  The checks themselves are the loaders' (see
:func:`~producibility.intake.checks.validate_request`), so ``validate`` and ``check``
refuse the same files.  The caller prints the lines and sets the exit code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from producibility import i18n
from producibility.errors import InputError, InputErrors, Said, Wording
from producibility.intake.answers import texts
from producibility.intake.checks import (combination_problems, describe_open, unanswered,
                                         validate_request)


@dataclass
class Checked:
    """One file checked: the lines to print, and the closing line.

    ``lines``: the problems, notes and open questions (for stdout).  ``summary``: when
    ``valid``, the closing line (for stderr); when not, the error that ends the command.
    """

    path: str
    valid: bool
    summary: str
    lines: list[str] = field(default_factory=list)


def validate_files(questionnaire: Any, lang: str = i18n.DEFAULT_LANG,
                   request: str | None = None,
                   equipment: str | None = None) -> Iterator[Checked]:
    """The equipment file (against the questionnaire's catalogue), then the request file;
    an invalid equipment file ends the checking."""
    if equipment is not None:
        checked = check_equipment(equipment, questionnaire.shop, lang)
        yield checked
        if not checked.valid:
            return
    if request is not None:
        yield check_request(request, questionnaire, lang)


def check_request(path: str, questionnaire: Any, lang: str = i18n.DEFAULT_LANG) -> Checked:
    """A request file checked as the loader checks it, with what it leaves open."""
    t = texts(lang)
    problems, document = validate_request(path, questionnaire, lang)
    lines = [problem.worded(lang) for problem in problems]
    for note in (document or {}).get("_unlisted", ()) if not problems else ():
        for given in note["given"]:
            where = f"{path}:{note['line']}" if note["line"] else path
            question = questionnaire.question(note["scope"], note["field"])
            hint = questionnaire.shop.suggest(question.catalogue, given)
            what = Wording("inputs", f"kind_{question.catalogue}")(lang) \
                if question.catalogue else question.label(lang)
            lines.append(t["unlisted"].format(
                where=where, given=given,
                field=what if what == note["field"] else f"{what} ({note['field']})",
                # the hint in the language asked for (it is made in English)
                hint=hint.wording(lang) if isinstance(hint, Said) else hint))
    for note in (document or {}).get("_read_as", ()) if not problems else ():
        # a neighbouring grade read as a catalogue entry ('316' as 316L): said, to confirm
        name = questionnaire.shop.name(note["kind"], note["as"], lang)
        lines.append(t["read_as"].format(where=path, given=note["given"], name=name))
    if isinstance(document, dict) and not problems:  # said, no error: the screening's
        from producibility.inputs import yamlio

        for problem in combination_problems(questionnaire, document, lang):
            if problem.note:
                line = yamlio.line_of(document, problem.where)
                lines.append(t["combination_note"].format(
                    where=f"{path}:{line}" if line else path, message=problem.message))
    still_open = unanswered(questionnaire, document) if document is not None else []
    needed = [p for p in combination_problems(questionnaire, document, lang) if p.missing] \
        if isinstance(document, dict) else []
    if still_open or needed:
        lines.append(t["open_required"])
        lines += [f"  - {describe_open(questionnaire, document, item, lang)}"
                  for item in still_open]
        lines += [f"  - {problem.message}" for problem in needed]  # as check reports them
    if problems:
        return Checked(path, False, t["invalid"].format(
            path=path, n=len(problems), problems=t["problem" if len(problems) == 1
                                                    else "problems"]), lines)
    summary = t["valid"].format(path=path)
    if not still_open and not needed:
        summary += f"; {t['all_answered']}"
    return Checked(path, True, summary, lines)


def check_equipment(path: str, catalogue: Any, lang: str = i18n.DEFAULT_LANG) -> Checked:
    """An equipment file checked against the catalogue (names, aliases, machine limits)."""
    from producibility.model.equipment import load_equipment

    try:
        equipment = load_equipment(path, catalogue=catalogue, lang=lang)
        equipment.calendar.check()  # the country and region of its public holidays
    except InputError as exc:
        errors = exc.errors if isinstance(exc, InputErrors) else [exc]
        key = "equipment_invalid" if len(errors) > 1 else "equipment_invalid_one"
        return Checked(path, False, i18n.text("cli", key, lang, path=path, n=len(errors)),
                       [error.worded(lang) for error in errors])
    partners = i18n.text("cli", "partners_count", lang, n=len(equipment.partners))
    calendar = equipment.calendar
    said = ([i18n.text("cli", "calendar_holidays", lang, country=calendar.holidays +
                       (f"-{calendar.subdivision}" if calendar.subdivision else ""))]
            if calendar.holidays else [])
    # the working days closed (a shutdown from Monday to the Friday of the week after
    # is ten, not twelve: the weekends were never worked, and Christmas Day is the
    # holidays')
    closed = sum(1 for day in calendar.closed if day.weekday() < 5
                 and day not in calendar.holidays_of(day.year))  # nor a public holiday
    weekend = sum(1 for day in calendar.open if day.weekday() >= 5)  # Saturday shifts
    said += [i18n.text("cli", f"calendar_{kind}", lang, n=n) for kind, n in
             (("closed", closed), ("open", len(calendar.open) - weekend),
              ("weekend", weekend)) if n]
    if said:  # what the lead time counts as working days, said back to the shop
        partners += "; " + ", ".join(said)
    return Checked(path, True, i18n.text(
        "cli", "equipment_valid", lang, path=path,
        machines=i18n.text("cli", "machines_count", lang, n=len(equipment.machines)),
        partners=partners))
