"""Remember what was already done to a file's exact bytes (content-addressed).

Two kinds of record live under ``$PRODUCIBILITY_CACHE_DIR`` (default
``$XDG_CACHE_HOME/producibility`` or ``~/.cache/producibility``):

- ``valid/``: an empty file per digest of (tool version, schema, bytes) that passed
  schema validation.  Validating the default pack and questionnaire with jsonschema
  costs about a third of a ``producibility check``; their bytes rarely change, so a
  file seen valid before skips the schema step.  The same for a request file that
  passed every check of ``load_request``, the project config, and a questionnaire
  whose ``assume:`` answers were checked: a warm check of a request seen before
  imports no schema validator at all.
- ``data/``: JSON text per digest of (tool version, kind, bytes): the parsed YAML
  documents of packs, catalogues, questionnaires and equipment files, and the parsed
  conditions of a pack.  Parsing them is most of what a warm check spends before it
  screens; JSON is read back with the standard ``json`` module, never unpickled or
  executed, and each entry carries an HMAC of its text that is checked before use.

The records of the files shipped with producibility are made when the package is made
and shipped in ``producibility/prebuilt/`` (:mod:`producibility.inputs.prebuilt`): they
are read first, so a first run reads the default pack as a warm run does.

Nothing from the cache is ever executed.  Set ``PRODUCIBILITY_NO_CACHE=1`` to switch
it off (the shipped records too).  Any error reading or writing it just means "not cached".
While :func:`writes_paused` (a batch screening its requests), records are read but none
is written: each request of a batch is read once, and two records per request would
cost it more than they could save (and fill the directory).

The directory does not grow without end (:func:`prune`): at most once a day, a process
that writes a record removes the entries nobody used for ``MAX_AGE_DAYS`` (a read marks
an entry used, at most once a day) and then, while the records hold more than
``PRODUCIBILITY_CACHE_MAX_MB`` (default 100 MB), the least recently used ones.  The
shipped records are not in it.

An entry cannot be forged: its name is an HMAC of the digest under a random
secret kept in the cache directory, readable by its owner only; a cache
directory (or secret) that is not ours, or that others may write, is not used.
"""

import contextlib
import functools
import hashlib
import hmac
import json
import os
import stat
import threading
import time
from pathlib import Path

from producibility.version import __version__

SECRET_NAME = "secret"
_SECRET_BYTES = 32
KINDS = ("valid", "data")  # the entries' folders
PRUNED_NAME = "pruned"     # its modification time: when the directory was last pruned
MAX_AGE_DAYS = 60          # an entry unused this long is removed (a working quarter)
DAY = 24 * 3600
DEFAULT_MAX_MB = 100       # some 20,000 parsed requests (4 KB on disk each); the default pack's
                           # records are shipped, not kept here


class _Paused(threading.local):
    depth = 0  # writes_paused() blocks this thread entered and has not left


_PAUSED = _Paused()


@contextlib.contextmanager
def writes_paused():
    """Inside the block the cache is read as always but nothing is written to it (by
    this thread: a batch in one thread leaves another thread's checks as they were)."""
    _PAUSED.depth += 1
    try:
        yield
    finally:
        _PAUSED.depth -= 1


def writing():
    """Whether records made now are written (not inside :func:`writes_paused`)."""
    return not _PAUSED.depth


def _private(info, mask):
    """Owned by us and not writable (mask 0o022) or readable (0o077) by others."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & mask


def _directory():
    """The cache directory, or None when the cache is off (read per call: the
    environment may change; worked out once per environment)."""
    env = os.environ
    return _directory_for(env.get("PRODUCIBILITY_NO_CACHE"), env.get("PRODUCIBILITY_CACHE_DIR"),
                          env.get("XDG_CACHE_HOME"), env.get("HOME"), env.get("USERPROFILE"))


@functools.lru_cache(maxsize=8)
def _directory_for(no_cache, base, xdg, *home):
    """``home``: what Path.home() reads (HOME, USERPROFILE), only to key the memo."""
    if no_cache:
        return None
    if base:
        return Path(base)
    return (Path(xdg) if xdg else Path.home() / ".cache") / "producibility"


@functools.lru_cache(maxsize=8)
def _secret(directory):
    """The cache's HMAC key, created on first use; None if the directory is not safe."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(directory), 0o022):
            return None
        path = directory / SECRET_NAME
        nofollow = getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | nofollow, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(os.urandom(_SECRET_BYTES))
        fd = os.open(path, os.O_RDONLY | nofollow)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info, 0o077):
                return None
            secret = handle.read(_SECRET_BYTES + 1)
        return secret if len(secret) == _SECRET_BYTES else None
    except OSError:
        return None


def _place(key, kind):
    """(secret, folder, entry file) for a key as texts, or None when no safe cache is at
    hand: the reader's path, without building Path objects per request."""
    directory = _directory()
    if not directory:
        return None
    secret = _secret(directory)
    if secret is None:
        return None
    folder = os.path.join(directory, kind)
    name = hmac.new(secret, key.encode("ascii"), hashlib.sha256).hexdigest()
    return secret, folder, os.path.join(folder, name)


def _entry(key, kind="valid"):
    """The entry file for a key, or None when no safe cache is at hand."""
    place = _place(key, kind)
    return None if place is None else Path(place[2])


_SCHEMA_DIGESTS = {}  # id(schema) -> (schema, digest): the schema kept alive with its id


def _schema_digest(schema):
    known = _SCHEMA_DIGESTS.get(id(schema))
    if known is None or known[0] is not schema:
        text = json.dumps(schema, sort_keys=True)
        known = _SCHEMA_DIGESTS[id(schema)] = (
            schema, hashlib.sha256(text.encode("utf-8")).hexdigest())
    return known[1]


def validation_key(data, schema):
    schema_id = _schema_digest(schema)
    h = hashlib.sha256(f"{__version__}\0{schema_id}\0".encode("utf-8"))
    h.update(data)
    return h.hexdigest()


#: The records of the shipped files, made when the package is made
#: (:mod:`producibility.inputs.prebuilt`), and their file of validation keys.
SHIPPED = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "prebuilt")
SHIPPED_VALID = "valid.txt"


@functools.lru_cache(maxsize=1)
def _shipped():
    """(data keys, validation keys) of the records shipped with the package: the
    shipped files' first run."""
    try:
        names = os.listdir(SHIPPED)
        with open(os.path.join(SHIPPED, SHIPPED_VALID), encoding="utf-8") as handle:
            valid = frozenset(handle.read().split())
    except (OSError, ValueError):
        return frozenset(), frozenset()
    return frozenset(name[:-5] for name in names if name.endswith(".json")), valid


def _read_shipped(key):
    try:
        with open(os.path.join(SHIPPED, f"{key}.json"), encoding="utf-8") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def seen_valid(key):
    if _directory() is not None and key in _shipped()[1]:
        return True
    place = _place(key, "valid")  # texts, not Paths: asked for every request of a batch
    if place is None:
        return False
    _, folder, entry = place
    try:
        if not _private(os.stat(folder), 0o022):
            return False
        _used(entry, os.stat(entry).st_mtime)
        return True
    except OSError:
        return False


def _used(entry, modified):
    """Mark an entry used (its modification time), at most once a day: what prune keeps."""
    now = time.time()
    if now - modified > DAY:
        try:
            os.utime(entry, (now, now))
        except OSError:
            pass


def remember_valid(key):
    if _PAUSED.depth:
        return
    entry = _entry(key)
    if entry is None:
        return
    try:
        entry.parent.mkdir(mode=0o700, exist_ok=True)
        if _private(os.stat(entry.parent), 0o022):
            entry.touch()
    except OSError:
        return
    prune_daily(entry.parent.parent)


def data_key(kind, data):
    """The key of derived data (``kind``: what was derived) from these exact bytes."""
    h = hashlib.sha256(f"{__version__}\0{kind}\0".encode("utf-8"))
    h.update(data)
    return h.hexdigest()


def _seal(secret, text):
    return hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()


def read_data(key):
    """The JSON text stored under ``key``, or None (absent, unsafe or tampered with)."""
    if _directory() is not None and key in _shipped()[0]:
        text = _read_shipped(key)
        if text is not None:
            return text
    place = _place(key, "data")
    if place is None:
        return None
    secret, folder, entry = place
    try:
        if not _private(os.stat(folder), 0o022):
            return None
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read()
            modified = os.fstat(handle.fileno()).st_mtime
    except OSError:
        return None
    # the seal is of the text's UTF-8 bytes: checked on the bytes as read, not re-encoded
    seal, _, body = raw.partition(b"\n")
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(seal, expected):
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    _used(entry, modified)
    return text


def write_data(key, text):
    """Store JSON text under ``key`` (atomically: a reader sees all of it or nothing)."""
    if _PAUSED.depth:
        return
    entry = _entry(key, "data")
    if entry is None:
        return
    try:
        entry.parent.mkdir(mode=0o700, exist_ok=True)
        if not _private(os.stat(entry.parent), 0o022):
            return
        secret = _secret(entry.parent.parent)
        temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                     | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(f"{_seal(secret, text)}\n{text}".encode("utf-8"))
        os.replace(temporary, entry)
    except OSError:
        try:
            temporary.unlink()
        except (OSError, NameError):
            pass
        return
    prune_daily(entry.parent.parent)


def max_bytes():
    """``PRODUCIBILITY_CACHE_MAX_MB`` in bytes (a number of megabytes; else the default)."""
    text = os.environ.get("PRODUCIBILITY_CACHE_MAX_MB", "")
    try:
        megabytes = float(text) if text.strip() else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int(max(megabytes, 0) * 1_000_000)


def prune_daily(directory):
    """:func:`prune` the directory if nobody did for a day (a marker file's time says)."""
    marker = os.path.join(directory, PRUNED_NAME)
    try:
        if time.time() - os.stat(marker).st_mtime < DAY:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        with open(marker, "a"):
            pass
        os.utime(marker)
    except OSError:
        return
    prune(directory)


def prune(directory, now=None, limit=None):
    """Remove the entries unused for ``MAX_AGE_DAYS`` (and writes left over by a process
    that stopped, after a day), then the least recently used ones while the entries
    hold more than ``limit`` bytes (``max_bytes()``), down to four fifths of it.  Only
    entry folders are touched, never the secret; an entry another process removes or
    uses meanwhile is no error.  Returns how many entries were removed."""
    now = time.time() if now is None else now
    limit = max_bytes() if limit is None else limit
    kept, removed = [], 0
    for kind in KINDS:
        folder = os.path.join(directory, kind)
        try:
            if not _private(os.stat(folder), 0o022):
                continue
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            stale = now - info.st_mtime > (DAY if name.endswith(".tmp") else MAX_AGE_DAYS * DAY)
            if stale:
                removed += _remove(path)
            elif not name.endswith(".tmp"):
                kept.append((info.st_mtime, path,  # what it takes on disk
                             max(info.st_size, getattr(info, "st_blocks", 0) * 512)))
    total = sum(size for *_, size in kept)
    if total > limit:
        kept.sort()
        for _, path, size in kept:
            if total <= limit * 4 // 5:
                break
            removed += _remove(path)
            total -= size
    return removed


def _remove(path):
    try:
        os.unlink(path)
        return 1
    except OSError:
        return 0
