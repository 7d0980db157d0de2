"""``producibility rules``: work on rule packs (lint, show, explain, test)."""

from pathlib import Path

import click

from producibility.cli.common import Group, formats, input_options, language, output_options, say
from producibility.errors import EXIT_INPUT, InputError, Reported
from producibility.project import Settings, emit, pack_sources, yaml_files
from producibility.terminal import terminal_safe


@click.group(cls=Group)
def rules():
    """``producibility rules``: its help is in the ``help`` locale (i18n/*/help.yaml)."""


@rules.command("lint")
@click.argument("packs", nargs=-1, type=click.Path())
@input_options(equipment=False, rules=False)
@click.option("--strict", is_flag=True)
@output_options(output=False)
def rules_lint(packs, config_file, no_default_rules, strict, lang):
    """``producibility rules lint``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.authoring.lint import lint

    settings = Settings.read(config_file)
    lang = language(settings, lang)
    sources, shown = pack_sources(settings.packs(packs),
                                  not settings.use_default(no_default_rules))
    # the problems of the packs shown: of their files, and of a directory itself (E100:
    # nothing to read there)
    shown_files = yaml_files(shown) | {str(p.resolve()) for p in shown}
    problems = [p for p in lint(sources, lang=lang)
                if str(Path(p.path).resolve()) in shown_files or not Path(p.path).exists()]
    for problem in problems:
        click.echo(terminal_safe(str(problem)))
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    summary = say("lint_summary", lang, errors=say("lint_errors_count", lang, n=errors),
                  warnings=say("lint_warnings_count", lang, n=warnings))
    if errors or (strict and warnings):
        raise Reported(summary, EXIT_INPUT)
    click.echo(summary, err=True)


@rules.command("show")
@click.argument("packs", nargs=-1, type=click.Path())
@click.option("--merged", is_flag=True)
@output_options(formats("text", "md", "html"), "text")
@input_options(equipment=False, rules=False, default_rules=False)
def rules_show(packs, merged, fmt, lang, output, config_file):
    """``producibility rules show``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.authoring.packdoc import show
    from producibility.model.pack import load_packs
    settings = Settings.read(config_file)
    packs, lang = settings.packs(packs), language(settings, lang)
    sources, shown = pack_sources(packs, not settings.use_default())
    pack = load_packs(sources, include_default=False)
    only = files = None
    if not merged and packs:
        shown_files = yaml_files(shown)
        only = {r.id for r in pack.rules if str(Path(r.path).resolve()) in shown_files}
        files = sorted(shown_files)
    emit(show(pack, fmt, lang, only, files), output, settings.inputs(*sources), lang)


@rules.command("explain")
@click.argument("rule_id")
@input_options(equipment=False, default_rules=False)
@output_options()
def rules_explain(rule_id, config_file, rules, lang, output):
    """``producibility rules explain``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.authoring.packdoc import explain
    from producibility.inputs.schema import did_you_mean
    from producibility.model.pack import load_packs
    from producibility.model.questionnaire import load_questionnaire

    settings = Settings.read(config_file)
    lang = language(settings, lang)
    pack = load_packs(settings.packs(rules), settings.use_default())
    text = explain(pack, rule_id, load_questionnaire(), lang)
    if text is None and pack.disabled_by(rule_id):
        raise InputError(say("rule_disabled", lang, rule=rule_id, by=pack.disabled_by(rule_id)))
    if text is None:
        raise InputError(say("no_rule", lang, rule=rule_id)
                         + did_you_mean(rule_id, [r.id for r in pack.rules], lang))
    emit(terminal_safe(text), output, settings.inputs(), lang)


@rules.command("test")
@click.argument("packs", nargs=-1, type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True)
@input_options(equipment=False, rules=False, default_rules=False)
@output_options(output=False)
def rules_test(packs, verbose, config_file, lang):
    """``producibility rules test``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.authoring.packtest import run_pack_tests

    settings = Settings.read(config_file)
    lang = language(settings, lang)
    run = run_pack_tests(settings.packs(packs))
    for line in run.lines(verbose, lang):
        click.echo(terminal_safe(line))
    if run.failed:
        raise Reported("", EXIT_INPUT)
