"""E125 catalogue-entry: a catalogue entry in a pack that the merged catalogue refuses.

A duplicate id, ``override: true`` with nothing to override, an unknown part field in a
process's checks, an alias shared by two entries (``rules/catalogue/*.yaml`` and a pack's
``processes:``, ``materials:`` ...).  The check is the catalogue's own
(``model/catalogue.py``, ``CatalogueBuilder``), as when loading; its messages are English.
"""

from __future__ import annotations

from pathlib import Path

from producibility.authoring.lint.base import Code
from producibility.errors import InputErrors
from producibility.model.catalogue import CatalogueBuilder, default_catalogue
from producibility.model.defaults import default_pack_dir
from producibility.model.pack_checks import Problem

CODES = {
    "E125": Code("catalogue-entry", "a catalogue entry the merged catalogue refuses"),
}


def builder(paths) -> CatalogueBuilder:
    """A catalogue to add the packs' entries to: packs extend the shipped catalogue
    unless the default pack is among them."""
    catalogue = CatalogueBuilder()
    default_dir = Path(default_pack_dir()).resolve()
    if not any(Path(s).resolve() == default_dir for s in paths):
        catalogue.start_from(default_catalogue())
    return catalogue


def finish(catalogue: CatalogueBuilder) -> tuple[object, list[Problem]]:
    """The merged catalogue (None when it is refused) and its problems."""
    try:
        return catalogue.finish(), []
    except InputErrors as exc:
        return None, [Problem(e.path, e.line or 1, 1, "E125", e.message) for e in exc.errors]
