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

import os
import re
from pathlib import Path
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


# ---- the help in the user's language ------------------------------------------------------
#
# --help and click's own words (usage lines, a mistyped option) speak the language of the
# command: ``--lang`` on the command line, else the project config's, else English.  The
# texts are in the ``help`` locale domain, none in the commands' code: a command's help,
# each option's (a command's own, else the shared one), and click's messages by their
# English (click words them through gettext, so its modules' ``_`` and ``ngettext`` are
# pointed at ours).  The language is worked out when click first asks for a text.

_HELP = {"argv": (), "lang": None}
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types",
                  "termui", "utils")


def help_lang(argv) -> str:
    """The language of the command line's own texts: ``--lang``, else the project
    config's (``--config``, else ./producibility.yaml), else the environment's (a
    group, such as ``producibility rules``, has no ``--lang``), else English."""
    value = config = None
    argv = list(argv)
    for i, arg in enumerate(argv):
        for name in ("--lang", "--config"):
            if arg == name and i + 1 < len(argv):
                found = argv[i + 1]
            elif arg.startswith(name + "="):
                found = arg[len(name) + 1:]
            else:
                continue
            if name == "--lang":
                value = found
            else:
                config = found
    if value in i18n.LANGS:
        return value
    return config_lang(config) or _environment_lang()


def config_lang(config: str | os.PathLike | None) -> str | None:
    """The language the project config names (``--config``, else ./producibility.yaml),
    read even from a config with other problems (so that its own errors are worded in
    it), or None."""
    path = Path(config) if config else Path.cwd() / CONFIG_NAME
    try:
        if path.is_file():
            from producibility.inputs import yamlio
            document, _ = yamlio.load_with_bytes(path)
            value = document.get("lang") if isinstance(document, dict) else None
            return value if value in i18n.LANGS else None
    except Exception:  # noqa: BLE001 - a broken config: the command itself says what
        return None
    return None


def _environment_lang() -> str:
    """The language the environment asks for, as gettext reads it (the first of
    LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set): ``nl_NL.UTF-8`` is Dutch."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            value = value.split(":")[0][:2].lower()
            return value if value in i18n.LANGS else i18n.DEFAULT_LANG
    return i18n.DEFAULT_LANG


def current_help_lang() -> str:
    if _HELP["lang"] is None:
        _HELP["lang"] = help_lang(_HELP["argv"])
    return _HELP["lang"]


def _click_text(message: str) -> str:
    lang = current_help_lang()
    if lang == i18n.DEFAULT_LANG:
        return message
    return i18n.texts("help", lang)["click"].get(message, message)


def _click_plural(singular: str, plural: str, n: int) -> str:
    return _click_text(singular if n == 1 else plural)


def use_help_lang_of(argv) -> None:
    """Word --help and click's messages in the language ``argv`` asks for (worked out on
    first use: :func:`help_lang`)."""
    import importlib

    _HELP.update(argv=tuple(argv), lang=None)
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _click_text
        if hasattr(module, "ngettext"):
            module.ngettext = _click_plural


def localize(command: click.Command) -> None:
    """Put the help of ``command`` and of its options in the help language."""
    lang = current_help_lang()
    if getattr(command, "_help_lang", None) == lang:
        return
    words = i18n.texts("help", lang)
    entry = words["commands"].get(help_path(command), {})
    command.help = entry.get("help")
    command.short_help = entry.get("short")
    command.options_metavar = words["metavars"]["options"]
    if isinstance(command, click.Group):
        command.subcommand_metavar = words["metavars"]["subcommand"]
    own = entry.get("options") or {}
    for param in command.params:
        if isinstance(param, click.Option):
            param.help = own.get(param.name) or words["shared"].get(param.name)
    help_option = getattr(command, "_help_option", None)  # click keeps the one it made
    if help_option is not None:
        help_option.help = _click_text("Show this message and exit.")
    command._help_lang = lang


_METAVAR_WORDS = r"[A-Z][A-Z_-]*[A-Z](?: [A-Z][A-Z_-]*[A-Z])*"


def _metavar_words(words: str, names: dict) -> str:
    """``INTEGER RANGE`` as the help language names it: the words together, else each."""
    if words in names:
        return names[words]
    return " ".join(names.get(word, word) for word in words.split(" "))


def localize_metavars(command: click.Command, ctx: click.Context) -> None:
    """Put the placeholders of ``command``'s arguments and option values (REQUEST, PATH,
    YYYY-MM-DD) in the help language: in its help, its usage line and click's errors
    naming an argument (shown after the usage line, so worded by then)."""
    lang = current_help_lang()
    if getattr(command, "_metavar_lang", None) == lang:
        return
    names = i18n.texts("help", lang)["metavars"]["names"]
    for param in command.params:
        if not hasattr(param, "_metavar_en"):
            param._metavar_en = param.metavar
        param.metavar = param._metavar_en
        shown = param.make_metavar(ctx)
        local = re.sub(_METAVAR_WORDS, lambda m: _metavar_words(m.group(), names), shown)
        if local != shown:
            param.metavar = local
    command._metavar_lang = lang


def help_path(command: click.Command) -> str:
    """A command's key in the ``help`` locale: its names under the top command
    (``rules lint``), ``producibility`` for the top command itself."""
    names = []
    while getattr(command, "_help_parent", None) is not None:
        names.append(command._help_name)
        command = command._help_parent
    if not getattr(command, "help_root", False):  # a command not (yet) in the top group
        names.append(command.name)
    return " ".join(reversed(names)) or "producibility"


class _Localized:
    """A command whose help is worded when shown (:func:`localize`)."""

    def get_help(self, ctx: click.Context) -> str:
        localize(self)
        localize_metavars(self, ctx)
        return super().get_help(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        localize(self)
        return super().get_short_help_str(limit)

    def get_usage(self, ctx: click.Context) -> str:
        localize(self)
        localize_metavars(self, ctx)
        return super().get_usage(ctx)


class Command(_Localized, click.Command):
    """A click command whose errors print themselves and set the exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ProducibilityError as exc:
            # before a command that reads the config knew its language (an error in the
            # config itself): the config's lang, as the user set it
            exc.show(lang=ctx.meta.get(LANG_KEY) or ctx.params.get("lang") or (
                config_lang(ctx.params.get("config_file")) if "config_file" in ctx.params
                else None) or i18n.DEFAULT_LANG)
            raise click.exceptions.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # the reader stopped (`| head`): the rest is not wanted, quietly; click would
            # make it exit 1
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_OK) from None


class Group(_Localized, click.Group):
    """A click group whose commands (and subgroups) are :class:`Command` s."""

    command_class = Command
    group_class = type

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cmd, name)
        cmd._help_parent, cmd._help_name = self, name or cmd.name


def output_options(choices: tuple[str, ...] = (), default: str | None = None, *,
                   report: bool = False, lang: bool = True, output: bool = True) -> Callable:
    """The output options, one decorator: ``--format`` (when there are ``choices``),
    ``--lang`` (unless ``lang=False``), ``-o`` (unless ``output=False``); with
    ``report=True`` also the report's ``--template``, ``--audience`` and ``--csv-style``.
    Their help is in the ``help`` locale (:func:`localize`)."""
    def decorate(fn):
        if report:
            fn = click.option("--csv-style", type=click.Choice(["plain", "excel"]),
                              default=None)(fn)
            fn = click.option("--audience", type=click.Choice(["internal", "customer"]),
                              default="internal", show_default=True)(fn)
        if choices:
            fn = click.option("--format", "fmt", type=click.Choice(list(choices)),
                              default=default or choices[0], show_default=True)(fn)
        if report:
            fn = click.option("--template", "template_dir", type=click.Path(file_okay=False),
                              default=None)(fn)
        if lang:
            fn = click.option("--lang", type=click.Choice(list(i18n.LANGS)), default=None)(fn)
        if output:
            fn = click.option("-o", "--output", type=click.Path(dir_okay=False))(fn)
        return fn
    return decorate


def input_options(*, config: bool = True, equipment: bool = True, rules: bool = True,
                  default_rules: bool = True) -> Callable:
    """The input options, one decorator: where the equipment, packs and project config
    come from (each can be left out; the ``help`` locale says what each command does
    with it)."""
    def decorate(fn):
        if default_rules:
            fn = click.option("--no-default-rules", is_flag=True)(fn)
        if rules:
            fn = click.option("--rules", "rules", multiple=True,
                              type=click.Path(exists=False))(fn)
        if equipment:
            fn = click.option("--equipment", type=click.Path(exists=False), default=None)(fn)
        if config:
            fn = click.option("--config", "config_file", type=click.Path(exists=False),
                              default=None)(fn)
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
