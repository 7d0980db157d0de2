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
                        type=click.Path(dir_okay=False),
                        help="Another questionnaire file (default: the shipped FaaS one).")(fn)


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
@output_options(lang_help="Language of the questions (default: the project config's, else "
                          "en).",
                output_help="The request file to write, saved after every answer (default: "
                            f"the --from or --only-open file, else {DEFAULT_OUTPUT}).")
@click.option("--from", "from_file", type=click.Path(dir_okay=False), default=None,
              help="Resume from this request file: answered questions are skipped.")
@click.option("--only-open", "only_open", type=click.Path(dir_okay=False), default=None,
              metavar="REQUEST",
              help="Ask only what REQUEST leaves open: the screener's open questions first "
                   "(when an equipment catalogue is known), then the required ones.")
@input_options(rules=False, default_rules=False,
               equipment_help="Equipment catalogue for --only-open (default: from "
                              "producibility.yaml).",
               config_help="Project config file (default: ./producibility.yaml if present).")
@click.option("--force", is_flag=True,
              help="Overwrite the output file if it exists (instead of resuming it).")
@_questionnaire_option
def ask(lang, output, from_file, only_open, equipment, config_file, force,
        questionnaire_path):
    """Ask the questionnaire at the terminal and write a request file.

    Section by section; questions that do not apply are skipped (ask_if), parts are
    asked one by one. While answering: Enter skips (or keeps the shown answer), ? shows
    help, < goes back, - leaves a question open. Every answer is saved at once, so
    Ctrl-C or the end of input loses nothing: resume with --from FILE. Exit 0 when done
    or when the input ends, 130 on Ctrl-C. Comments in a resumed file are not kept.

    Example: producibility ask --lang nl -o request.yaml
    """
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
@output_options(output=False, lang_help="Language of the messages (default: the project "
                                        "config's, else en).")
@_questionnaire_option
@input_options(config=False, default_rules=False,
               equipment_help="Check this equipment file against the catalogue (alone, or "
                              "with REQUEST).",
               rules_help="Packs whose catalogue entries count too (default: the config's).")
def validate(request, lang, questionnaire_path, equipment, rules):
    """Check a request file against the questionnaire, or an equipment file against
    the catalogue, without screening.

    Prints every problem as file:line: message (types, ranges, unknown fields with a
    did-you-mean, and answers that cannot go together, such as a delivery date before
    the request date), then the required questions still unanswered, per part too.
    An answer outside the catalogue is a note, not a problem: it is kept as an open
    question for the engineer. With --equipment: unknown processes, materials,
    certifications and machine fields (did-you-mean through the aliases), and the
    limits each machine's processes need. Exit 0 when valid (open questions allowed),
    1 when not.

    Example: producibility validate examples/requests/bracket-series.yaml --lang nl

    Example: producibility validate --equipment examples/precision-shop/equipment.yaml
    """
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
    """The FaaS questionnaire: export it as a form."""


@questionnaire.command("export")
@output_options(formats("md", "html"), "md",
                format_help="Markdown to print, or an HTML page to fill in on screen.",
                lang_help="Language of the form (default: the config's, else nl).")
@input_options(rules=False, default_rules=False,
               equipment_help="The equipment catalogue whose provider name heads the form "
                              "(default: from producibility.yaml).",
               config_help="Project config file (default: ./producibility.yaml if present): "
                           "its language, and its provider's name, address and e-mail for "
                           "the form.")
@_questionnaire_option
def questionnaire_export(lang, fmt, output, equipment, config_file, questionnaire_path):
    """Render the questionnaire as a form to fill in on screen, on paper or before a call.

    md: sections, numbered questions with help, units, choices as ☐ boxes and room to
    write; the parts as a table with a column per part.  html: one self-contained page
    that works offline, with real inputs (choices in words, units, help), questions
    shown only where they matter, parts added as needed, the shop's name and address,
    and a button that saves a request file to send to the shop (who can then run
    `producibility validate` and `check` on it); it also prints as a paper form.

    Example: producibility questionnaire export --lang nl --format html -o vragenlijst.html
    """
    from producibility.intake import export_questionnaire
    from producibility.model.equipment import load_equipment
    from producibility.model.questionnaire import load_questionnaire

    settings = Settings.read(config_file)
    lang = language(settings, lang, fallback="nl")
    provider = None
    if fmt == "html":
        equipment = settings.equipment(equipment, required=False)
        provider = settings.provider(load_equipment(equipment).provider if equipment else None,
                                     lang)
    emit(export_questionnaire(load_questionnaire(questionnaire_path), lang, fmt, provider),
         output, settings.inputs(), lang)
