"""Remember which files already passed schema validation (content-addressed).

Validating the default pack and questionnaire with jsonschema costs about a
third of a ``producibility check``; their bytes rarely change.  A file whose
SHA-256 (together with the tool version and the schema) was seen valid
before skips the schema step; it is still parsed and compiled.  The record is
an empty file per digest under ``$PRODUCIBILITY_CACHE_DIR`` (default
``$XDG_CACHE_HOME/producibility`` or ``~/.cache/producibility``); nothing
from the cache is ever executed or loaded as data.  Set
``PRODUCIBILITY_NO_CACHE=1`` to switch it off.  Any error reading or writing
it just means "not cached".

An entry cannot be forged: its name is an HMAC of the digest under a random
secret kept in the cache directory, readable by its owner only; a cache
directory (or secret) that is not ours, or that others may write, is not used.
"""

import functools
import hashlib
import hmac
import json
import os
import stat
from pathlib import Path

from producibility.version import __version__

SECRET_NAME = "secret"
_SECRET_BYTES = 32


def _private(info, mask):
    """Owned by us and not writable (mask 0o022) or readable (0o077) by others."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & mask


def _directory():
    if os.environ.get("PRODUCIBILITY_NO_CACHE"):
        return None
    base = os.environ.get("PRODUCIBILITY_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
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


def _entry(key):
    """The entry file for a validation key, or None when no safe cache is at hand."""
    directory = _directory()
    if not directory:
        return None
    secret = _secret(directory)
    if secret is None:
        return None
    valid = directory / "valid"
    name = hmac.new(secret, key.encode("ascii"), hashlib.sha256).hexdigest()
    return valid / name


@functools.lru_cache(maxsize=None)
def _schema_digest(schema_json):
    return hashlib.sha256(schema_json.encode("utf-8")).hexdigest()


def validation_key(data, schema):
    schema_id = _schema_digest(json.dumps(schema, sort_keys=True))
    h = hashlib.sha256(f"{__version__}\0{schema_id}\0".encode("utf-8"))
    h.update(data)
    return h.hexdigest()


def seen_valid(key):
    entry = _entry(key)
    if entry is None:
        return False
    try:
        return _private(os.stat(entry.parent), 0o022) and entry.exists()
    except OSError:
        return False


def remember_valid(key):
    entry = _entry(key)
    if entry is None:
        return
    try:
        entry.parent.mkdir(mode=0o700, exist_ok=True)
        if _private(os.stat(entry.parent), 0o022):
            entry.touch()
    except OSError:
        pass
