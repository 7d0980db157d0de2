"""The intake commands: ``ask``, ``validate`` and ``questionnaire export``.

Standalone click commands that ``cli.py`` registers on the main group; the work is
done in :mod:`producibility.intake`.  ``cli`` is imported inside the commands, not
here, so that either module may be imported first.
"""

import sys
from pathlib import Path

import click

from producibility.errors import InputError, ProducibilityError
from producibility.project import terminal_safe

EXIT_OK, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 130
DEFAULT_OUTPUT = "request.yaml"


def _questionnaire_option(fn):
    return click.option("--questionnaire", "questionnaire_path", default=None, hidden=True,
                        type=click.Path(dir_okay=False),
                        help="Another questionnaire file (default: the shipped FaaS one).")(fn)


def _lang_option(fn):
    return click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
                        help="Language of the questions (default: the project config's, "
                             "else en).")(fn)


def _setup(lang, questionnaire_path, rules=()):
    from producibility.cli import load_config
    from producibility.model.questionnaire import load_questionnaire

    if lang is None:
        try:
            lang = load_config()[0].get("lang")
        except ProducibilityError:
            lang = None
    return lang or "en", load_questionnaire(questionnaire_path, catalogue=_catalogue(rules))


def _catalogue(rules=()):
    """The merged catalogue of the packs named by --rules or the project config (a
    shop's own processes and materials are choices too), or None for the default."""
    from producibility.cli import _config_path, load_config
    from producibility.model.load import load_packs

    try:
        config, where = load_config()
    except ProducibilityError:
        config, where = {}, None
    packs = list(rules) or [_config_path(where, p) for p in config.get("rules", [])]
    if not packs:
        return None
    return load_packs(packs, include_default=config.get("default_rules", True)).catalogue


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


def _open_questions(request_path, config_file, equipment, questionnaire, lang):
    """The screener's open questions for a request, or None when it cannot screen."""
    from producibility.cli import load_config
    from producibility.model.load import load_equipment, load_packs
    from producibility.screen import Screener

    config, where = load_config(config_file)
    packs = []
    if equipment is None and "equipment" in config:
        base = where.parent if where else Path.cwd()
        equipment = base / config["equipment"]
        packs = [base / p for p in config.get("rules", [])]
    if equipment is None:
        return None
    try:
        screener = Screener(load_equipment(equipment),
                            load_packs(packs, config.get("default_rules", True)), questionnaire)
        return screener.check(str(request_path), lang=lang).to_dict()["open_questions"]
    except ProducibilityError as exc:
        first = str(exc).splitlines()[0]
        click.echo(f"({first}: asking the required questions still open)", err=True)
        return None


@click.command()
@_lang_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="The request file to write, saved after every answer (default: the "
                   f"--from or --only-open file, else {DEFAULT_OUTPUT}).")
@click.option("--from", "from_file", type=click.Path(dir_okay=False), default=None,
              help="Resume from this request file: answered questions are skipped.")
@click.option("--only-open", "only_open", type=click.Path(dir_okay=False), default=None,
              metavar="REQUEST",
              help="Ask only what REQUEST leaves open: the screener's open questions first "
                   "(when an equipment catalogue is known), then the required ones.")
@click.option("--equipment", type=click.Path(dir_okay=False), default=None,
              help="Equipment catalogue for --only-open (default: from producibility.yaml).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Project config file (default: ./producibility.yaml if present).")
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
    from producibility.cli import atomic_write
    from producibility.intake import (Interview, describe_open, dump_request, in_lang, load_partial,
                         open_keys, ordered_request, texts, unanswered)

    lang, questionnaire = _setup(lang, questionnaire_path)
    t = texts(lang)
    if from_file and only_open:
        raise click.UsageError("give --from or --only-open, not both")
    source = from_file or only_open
    output = output or source or DEFAULT_OUTPUT
    if Path(output).exists() and not force and not (source and _same_file(source, output)):
        raise InputError(f"exists already: resume it with --from {output}, or start over "
                         "with --force", output)
    if not Path(output).resolve().parent.is_dir():
        raise InputError("cannot write: no such directory", output)

    request, warnings = (load_partial(source, questionnaire, lang) if source else ({}, []))
    for warning in warnings:
        click.echo(warning, err=True)
    only = None
    if only_open:
        screened = _open_questions(only_open, config_file, equipment, questionnaire, lang)
        only = open_keys(questionnaire, request, screened)

    saved = {"any": False}

    def save(answers):
        atomic_write(output, dump_request(questionnaire, answers))
        saved["any"] = True

    interview = Interview(questionnaire, lang, _read_line, click.echo, save, request, only)
    if sys.stdin.isatty():
        try:  # line editing and history at a real terminal
            import readline  # noqa: F401
        except ImportError:  # pragma: no cover - not on every platform
            pass

    click.echo(f"{in_lang(questionnaire.title, lang)} ({questionnaire.id} "
               f"{questionnaire.version})")
    click.echo(t["keys"])
    click.echo(f"{t['legend']}. {t['saving'].format(path=output)}")
    if only is not None and not interview.plan():
        click.echo(t["nothing_open"].format(path=source))
        return
    preset = interview.preset_count() if source and only is None else 0
    if preset:
        click.echo(t["resumed"].format(n=preset, path=source))

    def stopped(message, code):
        click.echo("", err=True)
        if saved["any"] or (source and _same_file(source, output)):
            resume = f"producibility ask --from {output} --lang {lang}"
            if questionnaire_path:
                resume += f" --questionnaire {questionnaire_path}"
            count = interview.answer_count()
            click.echo(f"{message} {t['saved'].format(n=count, path=output, command=resume)}",
                       err=True)
        else:
            click.echo(f"{message} {t['nothing_saved']}", err=True)
        raise SystemExit(code)

    try:
        answers = interview.run()
    except EOFError:
        stopped(t["eof"], EXIT_OK)
    except KeyboardInterrupt:
        stopped(t["interrupted"], EXIT_INTERRUPTED)

    final = ordered_request(questionnaire, answers)
    if not saved["any"]:
        save(answers)
    click.echo("")
    click.echo(t["done"].format(n=interview.answer_count(final), path=output))
    still_open = unanswered(questionnaire, final)
    if still_open:
        click.echo(t["open_required"])
        for item in still_open:
            click.echo(f"  - {describe_open(questionnaire, final, item, lang)}")
    click.echo(t["validate_hint"].format(path=output))


@click.command()
@click.argument("request", type=click.Path(dir_okay=False), required=False)
@_lang_option
@_questionnaire_option
@click.option("--equipment", type=click.Path(dir_okay=False), default=None,
              help="Check this equipment file against the catalogue (alone, or with REQUEST).")
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=False),
              help="Packs whose catalogue entries count too (default: the config's).")
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
    from producibility.intake import combination_problems, describe_open, texts, unanswered, validate_request

    if request is None and equipment is None:
        raise click.UsageError("give a REQUEST file, --equipment FILE, or both")
    lang, questionnaire = _setup(lang, questionnaire_path, rules)
    if equipment is not None:
        _validate_equipment(equipment, questionnaire.shop)
        if request is None:
            return
    t = texts(lang)
    problems, document = validate_request(request, questionnaire, lang)
    for problem in problems:
        click.echo(terminal_safe(str(problem)))
    for note in (document or {}).get("_unlisted", ()) if not problems else ():
        shop = questionnaire.shop
        for given in note["given"]:
            where = f"{request}:{note['line']}" if note["line"] else request
            click.echo(terminal_safe(t["unlisted"].format(
                where=where, field=note["field"], given=given,
                hint=shop.suggest(questionnaire.question(note["scope"], note["field"]).catalogue,
                                  given))))
    still_open = unanswered(questionnaire, document) if document is not None else []
    needed = [p for p in combination_problems(questionnaire, document, lang) if p.missing] \
        if isinstance(document, dict) else []
    if still_open or needed:
        click.echo(t["open_required"])
        for item in still_open:
            click.echo(f"  - {describe_open(questionnaire, document, item, lang)}")
        for problem in needed:  # the same open questions check reports
            click.echo(f"  - {problem.message}")
    if problems:
        click.echo(t["invalid"].format(path=request, n=len(problems),
                                       problems=t["problem" if len(problems) == 1
                                                  else "problems"]), err=True)
        raise SystemExit(EXIT_INPUT)
    summary = t["valid"].format(path=request)
    if not still_open and not needed:
        summary += f"; {t['all_answered']}"
    click.echo(summary, err=True)


def _validate_equipment(path, catalogue):
    from producibility.errors import InputErrors
    from producibility.model.load import load_equipment

    try:
        equipment = load_equipment(path, catalogue=catalogue)
    except InputError as exc:
        errors = exc.errors if isinstance(exc, InputErrors) else [exc]
        for error in errors:
            click.echo(terminal_safe(str(error)))
        click.echo(f"{path}: invalid ({len(errors)} problem{'s' if len(errors) > 1 else ''})",
                   err=True)
        raise SystemExit(EXIT_INPUT)
    click.echo(f"{path}: valid ({len(equipment.machines)} machines, "
               f"{len(equipment.partners)} partners)", err=True)


@click.group()
def questionnaire():
    """The FaaS questionnaire: export it as a form."""


@questionnaire.command("export")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the form (default: the config's, else nl).")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md",
              show_default=True, help="Markdown to print, or an HTML page to fill in on screen.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--equipment", type=click.Path(dir_okay=False), default=None,
              help="The equipment catalogue whose provider name heads the form (default: "
                   "from producibility.yaml).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Project config file (default: ./producibility.yaml if present): its "
                   "language, and its provider's name, address and e-mail for the form.")
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
    from producibility.cli import _config_path, emit, load_config, provider_settings
    from producibility.intake import export_questionnaire
    from producibility.model.load import load_equipment
    from producibility.model.questionnaire import load_questionnaire

    config, where = load_config(config_file)
    lang = lang or config.get("lang") or "nl"
    provider = None
    if fmt == "html":
        if equipment is None and "equipment" in config:
            equipment = _config_path(where, config["equipment"])
        shop = load_equipment(equipment).provider if equipment else None
        provider = provider_settings(config_file, shop)
    emit(export_questionnaire(load_questionnaire(questionnaire_path), lang, fmt, provider),
         output)
