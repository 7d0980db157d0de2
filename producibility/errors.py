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
import threading
from typing import IO, Any, Callable, Iterable

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


_WORDING = threading.local()  # a text being worded: see _word


def _word(domain: str, key: str, lang: str, fields: dict, fallback: str) -> str:
    """A locale text with its fields, or ``fallback`` when the locale files cannot be
    read, or while a text is being worded already (the locale file's own error: reading
    it again would only fail again)."""
    if getattr(_WORDING, "busy", False):
        return fallback
    _WORDING.busy = True
    try:
        from producibility import i18n
        text = i18n.texts(domain, lang if lang in i18n.LANGS else i18n.DEFAULT_LANG)[key]
        return text.format(**fields)
    except Exception:  # noqa: BLE001 - the error line matters more than its language
        return fallback
    finally:
        _WORDING.busy = False


class Wording:
    """What an error says, as a locale text (``domain``, ``key``, its fields), to be
    worded in the user's language when it is shown: the code that finds the problem
    (reading a file, loading a pack) does not know the language, the command does.
    A field may be a Wording itself (a problem inside a frame), or ``{lang: value}``
    with ``"*"`` for every other language (a library's English words, and what the
    locale says for them)."""

    __slots__ = ("domain", "key", "fields")

    def __init__(self, domain: str, key: str, /, **fields: Any):
        self.domain, self.key, self.fields = domain, key, fields

    def __call__(self, lang: str = "en") -> str:
        fields = {}
        for name, value in self.fields.items():
            if isinstance(value, dict):
                value = value.get(lang, value.get("*", value.get("en")))
            if isinstance(value, BaseException) and value.args and \
                    isinstance(value.args[0], Said):  # an error that keeps its wording
                value = value.args[0]
            if isinstance(value, Said):
                value = value.wording
            fields[name] = value(lang) if isinstance(value, Wording) else value
        fallback = self.key.replace("_", " ") + "".join(f" {v}" for v in fields.values())
        return _word(self.domain, self.key, lang, fields, fallback)

    def __repr__(self) -> str:
        return f"Wording({self.domain!r}, {self.key!r}, **{self.fields!r})"


class Said(str):
    """A text made in one language that keeps its :class:`Wording`, so that it can be
    shown in another: a pack check's message, made before the language is known, is
    compared and sorted as the text it is."""

    wording: Wording

    @classmethod
    def of(cls, wording: Wording, lang: str = "en") -> "Said":
        said = cls(wording(lang))
        said.wording = wording
        return said


class Worded:
    """A message worded already, in every language the package speaks ({lang: text}):
    what an error keeps of its wording when it is pickled (a Wording's fields, or a
    schema problem's advice, may hold what pickle cannot carry).  Called as a wording
    is: ``worded(lang)``, English for a language it does not have."""

    __slots__ = ("texts",)

    def __init__(self, texts: dict[str, str]):
        self.texts = dict(texts)

    def __call__(self, lang: str = "en") -> str:
        return self.texts.get(lang, self.texts.get("en", ""))

    def __reduce__(self):
        return (Worded, (self.texts,))

    def __repr__(self) -> str:
        return f"Worded({self.texts!r})"


def _langs() -> tuple[str, ...]:
    try:
        from producibility import i18n
        return tuple(i18n.LANGS)
    except Exception:  # noqa: BLE001 - a broken installation: English at least
        return ("en",)


def _plain_data(value: Any) -> bool:
    """Whether ``value`` is plain data (what an error's extra attributes should be)."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if type(value) in (tuple, list):
        return all(_plain_data(v) for v in value)
    return False


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
        _echo((f"{prefix}: {line}" for line in self.worded(lang).splitlines()
               or [type(self).__name__]), file)

    def worded(self, lang: str = "en") -> str:
        """The error's lines in ``lang`` (``str()`` is English)."""
        return str(self)


class InputError(ProducibilityError):
    """A request, equipment catalogue, rule pack or questionnaire is wrong.

    ``str()`` gives the one line a user sees: ``file:line: message``, in English;
    :meth:`worded` in another language when the message has a ``wording`` (an error
    made by :meth:`said`, or given one).
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 wording: Callable[[str], str] | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        # lang -> the message in that language: a Wording, the message's own (a Said), or
        # any function (a schema problem's advice)
        self.wording = wording if wording is not None else getattr(message, "wording", None)

    @classmethod
    def said(cls, wording: Wording, path: str | None = None, line: int | None = None):
        """The error whose message is ``wording`` (its English for ``str()``)."""
        return cls(wording("en"), path, line, wording)

    def _where(self) -> str:
        if self.path:
            return f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return ""

    def __str__(self) -> str:
        return self._where() + self.message

    def worded(self, lang: str = "en") -> str:
        if self.wording is None:
            return str(self)
        return self._where() + self.wording(lang)

    def _extras(self) -> dict[str, Any]:
        """The attributes a finder added (``where``, ``column``...), as plain data."""
        return {k: v for k, v in self.__dict__.items()
                if k not in ("message", "path", "line", "wording", "errors")
                and _plain_data(v)}

    def __reduce__(self):
        """Pickled with its message worded in every language (:class:`Worded`): a
        process pool hands the error back as this type, ``str()`` and ``worded(lang)``
        the same."""
        wording = None
        if self.wording is not None:
            texts = {}
            for lang in _langs():
                try:
                    texts[lang] = str(self.wording(lang))
                except Exception:  # noqa: BLE001 - the English message then
                    texts[lang] = str(self.message)
            wording = Worded(texts)
        return (type(self), (str(self.message), self.path, self.line, wording),
                self._extras())


class InputErrors(InputError):
    """Several problems in one file, reported together (first one is the summary)."""

    def __init__(self, errors: Iterable[InputError]):
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, first.path, first.line)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def worded(self, lang: str = "en") -> str:
        return "\n".join(e.worded(lang) for e in self.errors)

    def __reduce__(self):
        return (type(self), (self.errors,), self._extras())


class ArgumentError(InputError, TypeError):
    """An argument of the library's API of the wrong type (``Screener(None)``,
    ``packs="rules/"``, ``source_name=123``): an :class:`InputError` like any bad
    input, and a ``TypeError`` as Python's own argument errors are, so either
    ``except`` catches it.  Its message names the argument."""


class Reported(ProducibilityError):
    """The command has printed its problems already (lint, validate, rules test, batch);
    what is left is a summary line and the exit code.  Shown as it is, without
    ``Error:``."""

    def __init__(self, summary: str, exit_code: int = EXIT_INPUT):
        super().__init__(summary)
        self.summary = summary
        self.exit_code = exit_code

    def __reduce__(self):
        return (type(self), (str(self.summary), self.exit_code))

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
