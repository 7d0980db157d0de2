"""The one writer of output files and standard output.

A file appears under its name only when complete: the text goes to a temporary
file created exclusively (``O_EXCL``, an unpredictable name, so a link planted
in a shared directory is never followed) in the target's directory, then is
renamed over the target.  A link at the output name is followed only when it
is the user's own (or root's, like ``/dev/stdout``).  A target that exists and
is not a regular file (a device such as ``/dev/null``, a FIFO, a terminal) is
written through instead: renaming over it would replace a device with a file.
A target that is one of the command's own inputs is refused.  Every failure is
an :class:`InputError`.
"""

import contextlib
import os
import re
import signal
import stat
import sys
import tempfile
import threading
from pathlib import Path

from producibility.errors import InputError


def _cannot(path, exc):
    return InputError(f"cannot write: {exc.strerror or exc}", str(path))


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
            raise InputError("is an input of this command; write the output elsewhere",
                             str(path))


def _check_link_owner(path):
    """A link planted at the output name by another user (in /tmp, say) is not followed."""
    try:
        link = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(link.st_mode) and hasattr(os, "getuid") \
            and link.st_uid not in (os.getuid(), 0):
        raise InputError("is a link that another user owns; write the output elsewhere",
                         str(path))


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
            raise InputError("is a directory, expected a file name", str(path))
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


# Controls a terminal acts on (escape sequences, carriage return, backspace) and the
# invisible marks that reorder or hide text (bidi overrides, line separators).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text):
    """Text that prints as what it says: unsafe characters shown as \\uXXXX escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
        raise InputError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _silence_stdout():
    """After a failed write, point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
