"""The command line: a shell over the library, one module per command group.

``check`` (check.py), ``batch`` (batch.py), ``compare`` (compare.py), ``rules lint |
show | explain | test`` (rules.py), ``ask``, ``validate`` and ``questionnaire export``
(intake.py), ``schema`` (schema.py) and ``init`` (init.py).  Each command is its
options, read through the shared decorators of options.py, and a call into the library.

Errors print themselves (:mod:`producibility.errors`, which also lists the exit codes);
:func:`main` adds what click does not: Ctrl-C and SIGTERM end a run with 130 and leave
nothing half-written, a closed pipe ends it quietly, and an unexpected exception is one
line and exit 3 (``PRODUCIBILITY_DEBUG=1`` shows the traceback).  The console command
then leaves without the interpreter's teardown (see :func:`_leave`).
"""

import atexit
import importlib
import os
import signal
import sys

import click

from producibility.cli import common
from producibility.cli.common import Group, say, use_help_lang_of
from producibility.errors import (EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, InternalError,
                                  ProducibilityError)
from producibility.i18n import DEFAULT_LANG
from producibility.version import __version__


#: command name -> the module that defines it (imported when the command is used, so
#: ``check`` does not import what ``batch`` or ``ask`` need: click's lazy group pattern).
COMMANDS = {"check": "check", "batch": "batch", "compare": "compare", "schema": "schema",
            "rules": "rules", "init": "init", "ask": "intake", "validate": "intake",
            "questionnaire": "intake"}


class LazyGroup(Group):
    """The top-level group: its commands are loaded from their modules on first use."""

    help_root = True  # the ``producibility`` of the help locale (common.help_path)

    def main(self, args=None, prog_name=None, **extra):
        use_help_lang_of(sys.argv[1:] if args is None else args)
        return super().main(args=args, prog_name=prog_name, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS and name not in self.commands:
            module = importlib.import_module(f"producibility.cli.{COMMANDS[name]}")
            self.add_command(getattr(module, name), name)
        return super().get_command(ctx, name)


def _version(ctx: click.Context, param: click.Parameter, shown: bool) -> None:
    """``--version``: "producibility, version 0.1.0" in the help language ("versie").
    Our own option, not click's ``version_option``: that looks its words up through
    gettext when this module loads (searching for message catalogues and importing
    ``locale``, ~0.7 ms of every command) and had them in English only."""
    if not shown or ctx.resilient_parsing:
        return
    click.echo(common._click_text("%(prog)s, version %(version)s")
               % {"prog": "producibility", "version": __version__}, color=ctx.color)
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_version,
              help="Show the version and exit.")
def cli():
    """The command line; its help is in the ``help`` locale (i18n/*/help.yaml)."""


def _terminated(signum, frame):
    """SIGTERM ends a run like Ctrl-C: temporary files removed, exit 130."""
    raise KeyboardInterrupt


def main(argv=None):
    """Console entry point: errors become one line each and an exit code.

    Called with ``argv`` (a test, an embedding program) it raises SystemExit as usual;
    as the console command (no ``argv``) it ends the process itself (:func:`_leave`)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        previous = None
    code = EXIT_OK
    try:
        _main(argv)
    except SystemExit as exc:
        if argv is not None or previous is None:
            raise
        code = exc.code
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    _leave(code)


def _leave(code) -> None:
    """End the console command with ``code``, without the interpreter's teardown.

    A check leaves a few hundred thousand objects behind (the compiled pack, experta's
    network, Babel's locale data), and freeing them one by one at exit took about 45 ms
    of a 340 ms warm check (measured side by side).  Nothing of ours needs that
    teardown: every file a command writes is closed by then (project.emit writes
    through context managers).  So the exit callbacks run (logging, temporary files,
    worker pools), stdout and stderr are flushed, and the process ends.  With other
    threads still running, or under a profiler, tracer or debugger (which write
    their results at teardown), it exits the ordinary way."""
    import threading

    if threading.active_count() > 1 or sys.gettrace() is not None \
            or sys.getprofile() is not None:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: the output is not wanted
            pass
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


def _main(argv):
    try:
        code = cli.main(args=argv, prog_name="producibility", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(say("interrupted", DEFAULT_LANG), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code if exc.exit_code != 1 else EXIT_INPUT)
    except ProducibilityError as exc:  # raised outside a command (there are none today)
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("PRODUCIBILITY_DEBUG"):
            raise
        error = InternalError(exc)
        error.show()
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
