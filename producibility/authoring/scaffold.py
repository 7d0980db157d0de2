"""A new provider folder: the project config, an equipment template and an own pack with a
test case, copied from the ``producibility/scaffold/`` data directory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from producibility.errors import InputError, Wording
from producibility.project import atomic_write

SCAFFOLD_DIR = Path(__file__).resolve().parent.parent / "scaffold"


def create(directory: str | os.PathLike) -> Iterator[Path]:
    """Copy the scaffold into ``directory``, yielding each file once it is written.
    Refuses to overwrite an existing file (before writing any)."""
    target = Path(directory)
    files = sorted(SCAFFOLD_DIR.rglob("*.yaml"))
    existing = [target / p.relative_to(SCAFFOLD_DIR) for p in files
                if (target / p.relative_to(SCAFFOLD_DIR)).exists()]
    if existing:
        raise InputError.said(Wording("inputs", "would_overwrite", path=existing[0]))
    for source in files:
        destination = target / source.relative_to(SCAFFOLD_DIR)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError.said(Wording("inputs", "cannot_create", reason=exc.strerror),
                                  str(destination.parent)) \
                from None
        atomic_write(destination, source.read_text(encoding="utf-8"))
        yield destination
