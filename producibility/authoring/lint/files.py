"""E100 yaml-syntax, E101 duplicate-key: a pack file that cannot be read.

**E100** the file is not YAML (an unclosed bracket, a tab for indentation), or a pack
directory holds no ``*.yaml`` files.  Reported at the line and column where reading stopped.

**E101** a key written twice in one mapping (``id: X-1`` then ``id: X-2``).  YAML would
silently keep the last one; the loader refuses it, and so does lint, at the second key.

A file that is read but is not a mapping is E112 (see ``schema.py``); so is an empty pack
file (nothing, or only comments: saved empty by mistake, it would load as a pack of
nothing), for lint and the loader alike.
"""

from __future__ import annotations

from pathlib import Path

from producibility.authoring.lint.base import Code
from producibility.errors import InputError
from producibility.inputs import yamlio
from producibility.model.catalogue import catalogue_files
from producibility.model.pack import pack_files
from producibility.model.pack_checks import Problem, document_problem

CODES = {
    "E100": Code("yaml-syntax", "the file is not valid YAML, or a directory has no pack files"),
    "E101": Code("duplicate-key", "a key is written twice in one mapping"),
}


def files_of(source, lang: str = "en") -> tuple[list, list[Problem]]:
    """The files of one pack (catalogue files first), or the problem why there are none
    (in ``lang``, as ``check`` words it)."""
    try:
        return (catalogue_files(source) if Path(source).is_dir() else []) + \
            pack_files(source), []
    except InputError as exc:
        return [], [Problem(str(source), 1, 1, "E100", exc.wording(lang)
                            if exc.wording is not None else exc.message)]


def catalogue_files_of(source) -> set:
    """The catalogue files among :func:`files_of` (which may be empty)."""
    try:
        return set(catalogue_files(source)) if Path(source).is_dir() else set()
    except InputError:
        return set()


def read(file, lang: str = "en", catalogue: bool = False) -> tuple[object, list[Problem]]:
    """A pack file's document (None when unreadable, or an empty catalogue file) and its
    problems (an empty pack file is E112, as when loading)."""
    path = str(file)
    try:
        document = yamlio.load(file)
    except InputError as exc:
        code = "E101" if getattr(exc, "kind", "") == "duplicate-key" else "E100"
        return None, [Problem(path, exc.line or 1, getattr(exc, "column", 1) or 1, code,
                              exc.wording(lang) if exc.wording is not None else exc.message)]
    if document is None and catalogue:
        return None, []
    problem = document_problem(document, path, lang)
    return (None, [problem]) if problem else (document, [])
