"""The errors users see, and the exit codes they end a command with.

Every error this package raises on purpose is a :class:`ProducibilityError`.  Like
click's ``ClickException``, it carries its exit code and prints itself (:meth:`show`):
one line ``Error: file:line: message`` per problem on standard error.  The command line
turns an error into output and an exit code in one place (``producibility.cli``).

Exit codes (a documented contract, tested in tests/test_hostile*.py and the CLI tests):

* 0 (:data:`EXIT_OK`): the request was screened (whatever the verdict), or the command
  succeeded (``ask`` also exits 0 at end of input, after saving the answers given)
* 1 (:data:`EXIT_INPUT`): bad input: a request, catalogue, pack or option value is wrong
  (one line per problem)
* 2 (:data:`EXIT_USAGE`): usage error (unknown option, missing argument), from click
* 3 (:data:`EXIT_INTERNAL`): internal error: a bug in producibility; please report it
* 4 (:data:`EXIT_PARTIAL`): batch: every request was handled, but some had bad input
  (see their error records)
* 130 (:data:`EXIT_INTERRUPTED`): interrupted (Ctrl-C or SIGTERM); nothing half-written
  is left behind
"""

from __future__ import annotations

import sys
from typing import IO, Iterable

from producibility.terminal import terminal_safe

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_PARTIAL = 4
EXIT_INTERRUPTED = 130


# Only when the locale files themselves cannot be read (a broken installation): an
# error line must still come out.
_UNREADABLE_LOCALE = {"error": "Error", "internal_error": "Internal error: {error}"}


def _say(key: str, lang: str, **fields) -> str:
    """A word of the error lines in the user's language (locale domain ``cli``)."""
    try:
        from producibility import i18n
        return i18n.text("cli", key, lang if lang in i18n.LANGS else i18n.DEFAULT_LANG,
                         **fields)
    except Exception:  # noqa: BLE001 - the error line matters more than its language
        return _UNREADABLE_LOCALE[key].format(**fields)


def _echo(lines: Iterable[str], file: IO[str] | None) -> None:
    stream = file if file is not None else sys.stderr
    for line in lines:
        stream.write(terminal_safe(line) + "\n")
    stream.flush()


class ProducibilityError(Exception):
    """Base of every error this package raises on purpose."""

    #: The exit code of a command that ends with this error.
    exit_code: int = EXIT_INPUT

    def show(self, file: IO[str] | None = None, lang: str = "en") -> None:
        """Print the error as a user sees it: ``Error: `` (``Fout: ``) and one line per
        problem."""
        prefix = _say("error", lang)
        _echo((f"{prefix}: {line}" for line in str(self).splitlines()
               or [type(self).__name__]), file)


class InputError(ProducibilityError):
    """A request, equipment catalogue, rule pack or questionnaire is wrong.

    ``str()`` gives the one line a user sees: ``file:line: message``.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class InputErrors(InputError):
    """Several problems in one file, reported together (first one is the summary)."""

    def __init__(self, errors: Iterable[InputError]):
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, first.path, first.line)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class Reported(ProducibilityError):
    """The command has printed its problems already (lint, validate, rules test, batch);
    what is left is a summary line and the exit code.  Shown as it is, without
    ``Error:``."""

    def __init__(self, summary: str, exit_code: int = EXIT_INPUT):
        super().__init__(summary)
        self.summary = summary
        self.exit_code = exit_code

    def show(self, file: IO[str] | None = None, lang: str = "en") -> None:
        if self.summary:
            _echo([self.summary], file)


class InternalError(ProducibilityError):
    """A bug in producibility: an exception nobody raised on purpose, as one line."""

    exit_code = EXIT_INTERNAL

    def __init__(self, cause: BaseException):
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.cause = cause

    def show(self, file: IO[str] | None = None, lang: str = "en") -> None:
        _echo([_say("internal_error", lang, error=self)], file)
