"""The intake commands: ``ask``, ``validate`` and ``questionnaire export``.

The work is done in :mod:`producibility.intake`; the questionnaire's language and
catalogue come from the project settings (:class:`producibility.project.Settings`).
"""

import sys
from pathlib import Path

import click

from producibility.cli.common import (Command, language, Group, catalogue_of, formats, input_options,
                                      output_options, say, screener_of)
from producibility.errors import EXIT_INPUT, EXIT_OK, InputError, ProducibilityError, Reported
from producibility.project import Settings, atomic_write, emit
from producibility.terminal import terminal_safe

DEFAULT_OUTPUT = "request.yaml"


def _questionnaire_option(fn):
    return click.option("--questionnaire", "questionnaire_path", default=None, hidden=True,
                        type=click.Path(dir_okay=False))(fn)


def questionnaire_for(settings, questionnaire_path, rules=()):
    """The questionnaire, its catalogue choices including the packs' own entries."""
    from producibility.model.questionnaire import load_questionnaire

    return load_questionnaire(questionnaire_path, catalogue=catalogue_of(settings, rules))


def _read_line(prompt):
    """One typed line.  EOF and Ctrl-C come through as EOFError and KeyboardInterrupt
    (click.prompt would turn both into Abort).  click's prompt function is looked up
    at call time, so CliRunner's input reaches it in tests."""
    return click.termui.visible_prompt_func(prompt)


def _same_file(a, b):
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _open_questions(request_path, settings, equipment, questionnaire, lang):
    """The screener's open questions for a request, or None when it cannot screen."""
    if settings.equipment(equipment, required=False) is None:
        return None
    try:
        screener = screener_of(settings, equipment, lang=lang, questionnaire=questionnaire)
        return screener.check(str(request_path), lang=lang).to_dict()["open_questions"]
    except ProducibilityError as exc:
        click.echo(say("cannot_screen_open", lang, problem=exc.worded(lang).splitlines()[0]), err=True)
        return None


@click.command(cls=Command)
@output_options()
@click.option("--from", "from_file", type=click.Path(dir_okay=False), default=None)
@click.option("--only-open", "only_open", type=click.Path(dir_okay=False), default=None,
              metavar="REQUEST")
@input_options(rules=False, default_rules=False)
@click.option("--force", is_flag=True)
@_questionnaire_option
def ask(lang, output, from_file, only_open, equipment, config_file, force,
        questionnaire_path):
    """``producibility ask``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.intake import Session

    # a broken config matters only where it is used: for the screener of --only-open
    settings = Settings.read(config_file, lenient=not only_open)
    lang = language(settings, lang)
    questionnaire = questionnaire_for(settings, questionnaire_path)
    if from_file and only_open:
        raise click.UsageError(say("from_or_only_open", lang))
    source = from_file or only_open
    output = output or source or DEFAULT_OUTPUT
    in_place = bool(source) and _same_file(source, output)
    if Path(output).exists() and not force and not in_place:
        raise InputError(say("exists_already", lang, path=output), output)
    if not Path(output).resolve().parent.is_dir():
        raise InputError(say("no_such_directory", lang), output)
    resume = f"producibility ask --from {output} --lang {lang}"
    if questionnaire_path:
        resume += f" --questionnaire {questionnaire_path}"
    if sys.stdin.isatty():
        try:  # line editing and history at a real terminal
            import readline  # noqa: F401
        except ImportError:  # pragma: no cover - not on every platform
            pass

    code = Session(
        questionnaire, lang, output, read=_read_line, echo=click.echo,
        warn=lambda text: click.echo(text, err=True),
        save=lambda text: atomic_write(output, text), source=source, in_place=in_place,
        open_questions=(lambda: _open_questions(only_open, settings, equipment, questionnaire,
                                                lang)) if only_open else None,
        resume=resume).run()
    if code != EXIT_OK:
        raise SystemExit(code)


@click.command(cls=Command)
@click.argument("request", type=click.Path(dir_okay=False), required=False)
@output_options(output=False)
@_questionnaire_option
@input_options(config=False, default_rules=False)
def validate(request, lang, questionnaire_path, equipment, rules):
    """``producibility validate``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.intake.validate import validate_files

    settings = Settings.read(lenient=True)
    lang = language(settings, lang)
    if request is None and equipment is None:
        raise click.UsageError(say("request_or_equipment", lang))
    questionnaire = questionnaire_for(settings, questionnaire_path, rules)
    for checked in validate_files(questionnaire, lang, request, equipment):
        for line in checked.lines:
            click.echo(terminal_safe(line))
        if not checked.valid:
            raise Reported(checked.summary, EXIT_INPUT)
        click.echo(checked.summary, err=True)


@click.group(cls=Group)
def questionnaire():
    """``producibility questionnaire``: its help is in the ``help`` locale (i18n/*/help.yaml)."""


@questionnaire.command("export")
@output_options(formats("md", "html"), "md")
@input_options(rules=False, default_rules=False)
@_questionnaire_option
def questionnaire_export(lang, fmt, output, equipment, config_file, questionnaire_path):
    """``producibility questionnaire export``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.intake import export_questionnaire
    from producibility.model.equipment import load_equipment

    settings = Settings.read(config_file)
    lang = language(settings, lang, fallback="nl")
    # the choices of the merged catalogue, as ask and validate read them (a shop's own
    # material is a choice), narrowed to what the shop's machines and partners do
    questionnaire = questionnaire_for(settings, questionnaire_path)
    equipment = settings.equipment(equipment, required=False)
    shop = load_equipment(equipment, questionnaire.shop, lang) if equipment else None
    provider = None
    if fmt == "html":
        provider = settings.provider(shop.provider if shop else None, lang)
    if shop is not None:
        questionnaire = offered(questionnaire, shop)
    emit(export_questionnaire(questionnaire, lang, fmt, provider),
         output, settings.inputs(), lang)


def offered(questionnaire, equipment):
    """The questionnaire with the choices of the part's processes and materials narrowed
    to what the shop offers: the processes of its machines and of its partners, the
    materials its machines run and those partners take (all, where a partner doing a
    process names none).  Treatments and certifications keep the catalogue's choices:
    a treatment no partner does is still bought in."""
    catalogue = questionnaire.shop
    processes = {p for m in equipment.machines for p in m["processes"]}
    materials = {x for m in equipment.machines for x in m.get("materials") or ()}
    for partner in equipment.partners:
        made = [p for p in partner["processes"] if catalogue.get("processes", p) is not None]
        processes.update(made)
        if made:
            if partner.get("materials"):
                materials.update(partner["materials"])
            else:
                materials = None  # a partner that takes any material
    narrowed = {"processes": processes, "material": materials}
    questions = []
    for q in questionnaire.questions:
        keep = narrowed.get(q.id) if q.scope == "part" and q.catalogue else None
        if keep:
            # the words of every choice stay: another question's ask_if may name one
            q = q.replace(choices=tuple(c for c in q.choices if c in keep))
        questions.append(q)
    return questionnaire.replace(questions=questions)
