"""The project: its settings (``producibility.yaml``) and its output.

:class:`Settings` is the project config read once, the one place that knows which
equipment catalogue, packs, language and provider a command uses when its options do
not say.  Paths in the config are relative to the config file.

Output goes through :func:`emit` (a whole text) or :func:`output_stream` (pieces, as a
batch produces them), to ``-o FILE`` or standard output.  A file appears under its
name only when complete: the text goes to a temporary file created exclusively
(``O_EXCL``, an unpredictable name, so a link planted in a shared directory is never
followed) in the target's directory, then is renamed over the target.  A link at the output name is followed only when it
is the user's own (or root's, like ``/dev/stdout``).  A target that exists and
is not a regular file (a device such as ``/dev/null``, a FIFO, a terminal) is
written through instead: renaming over it would replace a device with a file.
A target that is one of the command's own inputs is refused.  Every failure is
an :class:`InputError`.
"""

from __future__ import annotations

import base64
import contextlib
import os
import signal
import stat
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

from producibility import i18n
from producibility.errors import InputError, ProducibilityError, Wording
from producibility.terminal import terminal_safe

CONFIG_NAME = "producibility.yaml"
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
              ".jpeg": "image/jpeg"}
MAX_LOGO_BYTES = 300_000


def _text(key: str, lang: str, **fields: Any) -> str:
    return i18n.text("cli", key, lang, **fields)


class Settings:
    """The project config as read once; empty when there is none.

    Each accessor takes the command's own option first and falls back to the config:
    an explicit option always wins.
    """

    __slots__ = ("document", "path")

    def __init__(self, document: dict | None = None, path: Path | None = None) -> None:
        self.document = {} if document is None else document
        self.path = path

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return (self.document, self.path) == (other.document, other.path)

    def __repr__(self) -> str:
        return f"Settings({self.document!r}, {self.path!r})"

    @classmethod
    def read(cls, path: str | os.PathLike | None = None, lenient: bool = False) -> Settings:
        """``path`` (``--config``), else ``./producibility.yaml`` if there is one.

        ``lenient``: a broken config counts as none (for commands that only take their
        language from it and must work in any folder)."""
        from producibility.inputs import schema as schemas
        from producibility.inputs import yamlio

        if path is None:
            candidate = Path.cwd() / CONFIG_NAME
            if not candidate.is_file():
                return cls()
            path = candidate
        try:
            document, data = yamlio.load_with_bytes(path)
            if document is None:
                return cls({}, Path(path))
            schemas.check_file(document, data, "config", str(path))
        except ProducibilityError:
            if lenient:
                return cls()
            raise
        return cls(document, Path(path))

    def relative(self, value: str | os.PathLike) -> Path:
        """A path from the config: relative to the config file."""
        p = Path(value)
        return p if p.is_absolute() or self.path is None else self.path.parent / p

    def lang(self, given: str | None = None, fallback: str = i18n.DEFAULT_LANG) -> str:
        """The option's language, else the config's, else ``fallback``."""
        return given or self.document.get("lang") or fallback

    def packs(self, given: tuple | list = ()) -> list:
        """The packs given, else the config's ``rules:``."""
        if given:
            return list(given)
        return [self.relative(p) for p in self.document.get("rules", [])]

    def use_default(self, no_default_rules: bool = False) -> bool:
        """Whether the shipped default pack comes first."""
        return not no_default_rules and self.document.get("default_rules", True)

    def equipment(self, given: str | os.PathLike | None = None, lang: str = i18n.DEFAULT_LANG,
                  required: bool = True) -> Path | str | None:
        """The catalogue given, else the config's; an error (or None) when neither names one."""
        if given is None and "equipment" in self.document:
            given = self.relative(self.document["equipment"])
        if given is None and required:
            raise InputError(_text("no_equipment", lang, config=CONFIG_NAME))
        return given

    def provider(self, equipment_provider: dict | None = None,
                 lang: str = i18n.DEFAULT_LANG) -> dict:
        """The shop as the customer sees it: the config's ``provider:`` over the catalogue's.

        The logo file becomes a ``data:`` URI, so that the offer stays one file that
        makes no network request."""
        out = {k: v for k, v in (equipment_provider or {}).items() if k in ("name", "location")}
        out.update(self.document.get("provider") or {})
        address = out.get("address")
        if isinstance(address, str):
            out["address"] = [line.strip() for line in address.splitlines() if line.strip()]
        elif address is None and out.get("location"):
            out["address"] = [out["location"]]
        logo = out.pop("logo", None)
        if logo:
            out["logo_uri"] = _logo_uri(self.relative(logo), lang)
        return out

    def inputs(self, *paths) -> list[Path]:
        """The files a command reads (directories expanded, the config included), which
        its output must not replace."""
        files = []
        for path in paths + (self.path,):
            if path is None:
                continue
            p = Path(path)
            try:
                files += sorted(p.iterdir()) if p.is_dir() else [p]
            except OSError:
                files.append(p)
        if Path(CONFIG_NAME).is_file():
            files.append(Path(CONFIG_NAME))
        return files


def _logo_uri(path: Path, lang: str) -> str:
    kind = LOGO_TYPES.get(path.suffix.lower())
    if kind is None:
        raise InputError(_text("logo_kind", lang), str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_text("logo_unreadable", lang, reason=exc.strerror), str(path)) \
            from None
    if len(data) > MAX_LOGO_BYTES:
        raise InputError(_text("logo_too_large", lang,
                               limit=i18n.number(MAX_LOGO_BYTES, lang)), str(path))
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def pack_sources(packs: list, no_default_rules: bool) -> tuple[list[Path], list[Path]]:
    """(the packs to load, the packs to show): the default pack first unless told
    otherwise or named already; shown are the packs given, else the default."""
    from producibility.model.defaults import default_pack_dir

    default = default_pack_dir()
    given = [Path(p) for p in packs]
    if no_default_rules or default.resolve() in {p.resolve() for p in given}:
        return given, given
    return [default] + given, given or [default]


def yaml_files(packs: list) -> set[str]:
    """The resolved YAML files of packs (a directory's ``*.yaml``/``*.yml`` and those of
    its ``catalogue/``, as the loader reads them: lint showed no problem of a shop's
    catalogue files, and ``rules show`` none of their entries)."""
    from producibility.model.catalogue import catalogue_files

    return {str(f.resolve()) for p in packs
            for f in ([*catalogue_files(p), *sorted(p.glob("*.y*ml"))] if p.is_dir()
                      else [p])}


def _cannot(path, exc):
    return InputError.said(Wording("inputs", "cannot_write", reason=exc.strerror or exc),
                           str(path))


def _file_mode():
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _check_not_input(path, inputs):
    for source in inputs or ():
        if source is None:
            continue
        try:
            same = os.path.samefile(path, source)
        except (OSError, ValueError):
            continue
        if same:
            raise InputError.said(Wording("inputs", "output_is_input"), str(path))


def _check_link_owner(path):
    """A link planted at the output name by another user (in /tmp, say) is not followed."""
    try:
        link = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(link.st_mode) and hasattr(os, "getuid") \
            and link.st_uid not in (os.getuid(), 0):
        raise InputError.said(Wording("inputs", "output_foreign_link"), str(path))


class AtomicFile:
    """A text file written in pieces that appears under its name when committed."""

    def __init__(self, path, inputs=(), binary=False):
        self.path = path
        mode = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": "\n"}
        self.tmp = None
        try:
            info = os.stat(path)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise _cannot(path, exc) from None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise InputError.said(Wording("inputs", "output_is_directory"), str(path))
        _check_link_owner(path)
        if info is not None:
            _check_not_input(path, inputs)
        try:
            if info is not None and not stat.S_ISREG(info.st_mode):
                self.handle = open(path, **mode)  # noqa: SIM115
                return
            # Follow a link the user named on purpose; the rename replaces its target.
            self.target = Path(os.path.realpath(path))
            with _signals_deferred():  # a SIGTERM never falls between create and record
                fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.",
                                                suffix=".tmp", dir=self.target.parent)
            self.handle = os.fdopen(fd, **mode)
        except OSError as exc:
            self.discard()
            raise _cannot(path, exc) from None
        except BaseException:  # interrupted: the caller never gets this object to discard
            self.discard()
            raise

    def write(self, text):
        try:
            self.handle.write(text)
        except OSError as exc:
            self.discard()
            raise _cannot(self.path, exc) from None

    def commit(self):
        try:
            self.handle.flush()
            if self.tmp:
                os.fsync(self.handle.fileno())
                os.fchmod(self.handle.fileno(), _file_mode())
            self.handle.close()
            if self.tmp:
                os.replace(self.tmp, self.target)
                self.tmp = None
        except OSError as exc:
            raise _cannot(self.path, exc) from None
        finally:
            self.discard()

    def discard(self):
        """Close and remove the temporary file (the target stays as it was)."""
        try:
            handle = getattr(self, "handle", None)
            if handle is not None:
                handle.close()
        except OSError:
            pass
        if self.tmp:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


@contextlib.contextmanager
def _signals_deferred():
    """Hold SIGINT and SIGTERM until the block is done (main thread, POSIX)."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = block(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, previous)


def atomic_write(path, text, inputs=()):
    """Write text (or bytes: a PDF) to path atomically: never half a file, never through
    a planted link."""
    sink = AtomicFile(path, inputs, binary=isinstance(text, bytes))
    try:
        sink.write(text)
        sink.commit()
    finally:
        sink.discard()


def write_stdout(text):
    """Text to standard output; a full disk or a closed device is an InputError.
    At a terminal, control characters are shown, not obeyed."""
    try:
        if sys.stdout.isatty():
            text = terminal_safe(text)
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:  # a terminal or pipe in an 8-bit locale: send UTF-8
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise InputError.said(Wording("inputs", "cannot_write_stdout",
                                      reason=exc.strerror or exc)) from None


def _silence_stdout():
    """After a failed write, point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def emit(text: str | bytes, output: str | os.PathLike | None, inputs=(),
         lang: str = i18n.DEFAULT_LANG) -> None:
    """The one way a command writes a whole result: to -o FILE (atomically) or stdout."""
    if output:
        atomic_write(output, text, inputs)
    elif isinstance(text, bytes):
        if sys.stdout.isatty():
            raise InputError(_text("pdf_terminal", lang))
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
    else:
        write_stdout(text)


@contextlib.contextmanager
def output_stream(output: str | os.PathLike | None, inputs=()) -> Iterator[Callable[[str], None]]:
    """A ``write(text)`` for a result written in pieces: to -o FILE, which appears only
    when the block ends without an error (else the target stays as it was), or stdout."""
    if not output:
        yield write_stdout
        return
    sink = AtomicFile(output, inputs)
    try:
        yield sink.write
    except BaseException:
        sink.discard()
        raise
    sink.commit()
