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
"""

import functools
import hashlib
import json
import os
from pathlib import Path

from . import __version__


def _directory():
    if os.environ.get("PRODUCIBILITY_NO_CACHE"):
        return None
    base = os.environ.get("PRODUCIBILITY_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "producibility"


@functools.lru_cache(maxsize=None)
def _schema_digest(schema_json):
    return hashlib.sha256(schema_json.encode("utf-8")).hexdigest()


def validation_key(data, schema):
    schema_id = _schema_digest(json.dumps(schema, sort_keys=True))
    h = hashlib.sha256(f"{__version__}\0{schema_id}\0".encode("utf-8"))
    h.update(data)
    return h.hexdigest()


def seen_valid(key):
    directory = _directory()
    return bool(directory) and (directory / "valid" / key).exists()


def remember_valid(key):
    directory = _directory()
    if not directory:
        return
    try:
        target = directory / "valid"
        target.mkdir(parents=True, exist_ok=True)
        (target / key).touch()
    except OSError:
        pass
