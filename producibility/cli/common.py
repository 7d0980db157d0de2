"""What every command shares: the command class that shows errors, the option decorators,
and the library objects the project settings name (screener, catalogue).

:class:`Command` and :class:`Group` are click's, except that an error this package
raises (:class:`~producibility.errors.ProducibilityError`) prints itself and ends the
command with its own exit code, as click's ``ClickException`` does: the one place where
an error becomes a line on standard error and an exit code, whether the command runs
from the console entry point or from click's test runner.

:func:`output_options` is the one decorator for where and how a command writes
(``--format``, ``--lang``, ``-o``; with ``report=True`` also ``--template``,
``--audience`` and ``--csv-style``); :func:`input_options` the one for what it reads
(``--config``, ``--equipment``, ``--rules``, ``--no-default-rules``).  The ``--lang``
choices are :data:`producibility.i18n.LANGS`; the ``--format`` choices come from the
render registry, filtered by :func:`formats`.
"""

from __future__ import annotations

from typing import Callable

import click

from producibility import i18n
from producibility.errors import EXIT_OK, ProducibilityError
from producibility.project import CONFIG_NAME, Settings, _silence_stdout
from producibility.report.render import FORMATS

# A PDF is rendered from the HTML report.
REPORT_FORMATS = tuple(FORMATS) + (() if "pdf" in FORMATS else ("pdf",))


def formats(*only: str) -> tuple[str, ...]:
    """The report formats a command offers: all, or only the ones named (in the
    registry's order); a name the registry does not know is a bug here."""
    if not only:
        return REPORT_FORMATS
    unknown = set(only) - set(REPORT_FORMATS)
    if unknown:
        raise ValueError(f"not report formats: {sorted(unknown)}")
    return tuple(f for f in REPORT_FORMATS if f in only)


class Command(click.Command):
    """A click command whose errors print themselves and set the exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ProducibilityError as exc:
            exc.show(lang=ctx.meta.get(LANG_KEY) or ctx.params.get("lang") or i18n.DEFAULT_LANG)
            raise click.exceptions.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # the reader stopped (`| head`): the rest is not wanted, quietly; click would
            # make it exit 1
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_OK) from None


class Group(click.Group):
    """A click group whose commands (and subgroups) are :class:`Command` s."""

    command_class = Command
    group_class = type


def output_options(choices: tuple[str, ...] = (), default: str | None = None, *,
                   format_help: str = "", lang_help: str = "", output_help: str = "",
                   report: bool = False, lang: bool = True, output: bool = True) -> Callable:
    """The output options, one decorator: ``--format`` (when there are ``choices``),
    ``--lang`` (unless ``lang=False``), ``-o`` (unless ``output=False``); with
    ``report=True`` also the report's ``--template``, ``--audience`` and ``--csv-style``."""
    def decorate(fn):
        if report:
            fn = click.option("--csv-style", type=click.Choice(["plain", "excel"]), default=None,
                              help="csv: plain (commas, decimal point) or excel (semicolons, "
                                   "decimal commas, a byte-order mark: what Dutch Excel opens). "
                                   "Default: excel with --lang nl, else plain.")(fn)
            fn = click.option("--audience", type=click.Choice(["internal", "customer"]),
                              default="internal", show_default=True,
                              help="internal: the screening report for the shop; customer: an "
                                   "offer to send (no rule ids, contingency or digests).")(fn)
        if choices:
            fn = click.option("--format", "fmt", type=click.Choice(list(choices)),
                              default=default or choices[0], show_default=True,
                              help=format_help or None)(fn)
        if report:
            fn = click.option("--template", "template_dir", type=click.Path(file_okay=False),
                              default=None, help="Directory with your own report templates "
                              "(report.md.j2, report.html.j2, ...); missing ones fall back to "
                              "ours.")(fn)
        if lang:
            fn = click.option("--lang", type=click.Choice(list(i18n.LANGS)), default=None,
                              help=lang_help or "Language (default: the config's, else "
                                                f"{i18n.DEFAULT_LANG}).")(fn)
        if output:
            fn = click.option("-o", "--output", type=click.Path(dir_okay=False),
                              help=output_help or "Write to this file (atomically) instead "
                                                  "of standard output.")(fn)
        return fn
    return decorate


def input_options(*, config: bool = True, equipment: bool = True, rules: bool = True,
                  default_rules: bool = True, equipment_help: str = "", rules_help: str = "",
                  config_help: str = "") -> Callable:
    """The input options, one decorator: where the equipment, packs and project config
    come from (each can be left out; the help can say what the command does with it)."""
    def decorate(fn):
        if default_rules:
            fn = click.option("--no-default-rules", is_flag=True,
                              help="Do not load the shipped default pack first.")(fn)
        if rules:
            fn = click.option("--rules", "rules", multiple=True, type=click.Path(exists=False),
                              help=rules_help or "A rule pack file or directory; repeat for more "
                              "(applied in order, after the shipped default pack).")(fn)
        if equipment:
            fn = click.option("--equipment", type=click.Path(exists=False), default=None,
                              help=equipment_help or f"The equipment catalogue (default: from "
                                                     f"{CONFIG_NAME}).")(fn)
        if config:
            fn = click.option("--config", "config_file", type=click.Path(exists=False),
                              default=None,
                              help=config_help or f"Project config file (default: ./{CONFIG_NAME} "
                              "if present); its packs and language are used when none are "
                              "given.")(fn)
        return fn
    return decorate


LANG_KEY = "producibility.lang"  # the command's language, once known (click context meta)


def language(settings: Settings, given: str | None, **kw) -> str:
    """The command's language (``--lang``, else the config's, else the fallback), also
    kept for its error lines (``Error:`` / ``Fout:``)."""
    lang = settings.lang(given, **kw)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[LANG_KEY] = lang
    return lang


def say(key: str, lang: str, **fields) -> str:
    """A message of the command line in the user's language (locale domain ``cli``)."""
    return i18n.text("cli", key, lang, **fields)


def screener_of(settings: Settings, equipment=None, rules=(), no_default_rules: bool = False,
             lang: str = i18n.DEFAULT_LANG, questionnaire=None):
    """A Screener on the equipment and packs the options, else the project config, name.

    The screener, its pack and engine (and the modules they took) live as long as the
    command: they are built with the cyclic garbage collector paused and frozen out of
    its scans, as a batch worker's are, so neither the building nor the checks after it
    and the interpreter's exit scan them (each step that paused it alone left one
    collection of all it had built: ~2.5 ms of a warm check)."""
    import gc

    from producibility.model.equipment import load_equipment
    from producibility.model.pack import gc_paused, load_packs
    from producibility.screen import Screener

    with gc_paused():
        screener = Screener(load_equipment(settings.equipment(equipment, lang), lang=lang),
                            load_packs(settings.packs(rules),
                                       settings.use_default(no_default_rules)),
                            questionnaire)
        gc.freeze()
    return screener


def catalogue_of(settings: Settings, rules=()):
    """The merged catalogue of the packs named by ``rules`` or the config (a shop's own
    processes and materials are choices too), or None for the default."""
    from producibility.model.pack import load_packs
    packs = settings.packs(rules)
    if not packs:
        return None
    return load_packs(packs, include_default=settings.use_default()).catalogue
