"""E125 catalogue-entry, W126 unknown-family, W127 unknown-cam-process: a pack's catalogue
entries, and what its settings say of them.

**E125**: a catalogue entry in a pack that the merged catalogue refuses.  A duplicate id
(in one file, or in two files of one pack with ``override: true`` or without, as E120 for a
rule: which entry won depended on the files' names), ``override: true`` with nothing to
override, an unknown part field in a process's checks,
an alias shared by two entries (``rules/catalogue/*.yaml`` and a pack's ``processes:``,
``materials:`` ...).  The check is the catalogue's own (``model/catalogue.py``,
``CatalogueBuilder``), as when loading, and so are its words, in the language lint
speaks (``--lang``).

**W127**: a process in the pack's ``settings.costing.cam_h`` that the catalogue does not
know: its CAM hours are never read (``milling_3_axis``: the shop's 2 h were lost, and the
quote priced the table's ``default``).

**W126**: a material's ``family`` that nothing else knows (no other material, no
treatment's ``families``, no run-time model's table by family) and that is close
to one that is known: a typo.  ``aluminum`` passed lint and check, and the report then
told the customer that anodising "is for aluminium, not for aluminium EN AW-7020", and
priced the laser and the milling as an unknown family.  A family of a shop's own that is
like none known (``hardmetal``) is no warning.
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
    "W126": Code("unknown-family", "a material's family that no other entry knows"),
    "W127": Code("unknown-cam-process", "CAM hours for a process the catalogue does not know"),
}


def builder(paths) -> CatalogueBuilder:
    """A catalogue to add the packs' entries to: packs extend the shipped catalogue
    unless the default pack is among them."""
    catalogue = CatalogueBuilder()
    default_dir = Path(default_pack_dir()).resolve()
    if not any(Path(s).resolve() == default_dir for s in paths):
        catalogue.start_from(default_catalogue())
    return catalogue


def finish(catalogue: CatalogueBuilder, lang: str = "en") -> tuple[object, list[Problem]]:
    """The merged catalogue (None when it is refused) and its problems, in ``lang`` (as
    ``check`` words them: the builder's errors keep their Wording)."""
    try:
        return catalogue.finish(), []
    except InputErrors as exc:
        return None, [Problem(e.path, e.line or 1, 1, "E125",
                              e.wording(lang) if e.wording is not None else e.message)
                      for e in exc.errors]


def family_problems(merged, paths, lang: str) -> list[Problem]:
    """W126 for the materials the linted packs write whose family nothing else knows."""
    from producibility.inputs.schema import did_you_mean
    from producibility.model.pack_checks import message

    if merged is None:
        return []
    linted = {str(Path(p).resolve()) for p in paths}

    def ours(where):
        path = Path(where[0]).resolve()
        return any(str(path) == p or str(path).startswith(p.rstrip("/") + "/")
                   for p in linted)

    known, written = set(), []
    for entry_id, entry in merged.entries["materials"].items():
        where = merged.where.get(("materials", entry_id))
        if where is not None and ours(where):
            written.append((entry_id, entry, where))
        elif entry.get("family"):
            known.add(entry["family"])
    for entry in merged.entries["treatments"].values():
        known.update(entry.get("families") or ())
    for entry in merged.entries["processes"].values():
        _families_of(entry, known)
    counts: dict = {}
    for _, entry, _ in written:
        counts[entry.get("family")] = counts.get(entry.get("family"), 0) + 1
    out = []
    for entry_id, entry, where in written:
        family = entry.get("family")
        if not family or family in known or counts[family] > 1:
            continue
        hint = did_you_mean(family, sorted(known), lang)
        if hint:  # like a known family: a typo (one like none is the shop's own)
            out.append(Problem(where[0], where[1], 1, "W126", message(
                "unknown_family", lang, id=entry_id, family=family, hint=hint)))
    return out


#: Run-time model tables keyed by material family without ``_by_family`` in their name
#: (``report/costing.py`` reads them per family): nickel_alloy, which only the milling
#: and turning models' specific energies name, was "like copper_alloy" (W126).
_FAMILY_TABLES = ("specific_energy_ws_mm3",)


def _families_of(value, known) -> None:
    """The families a process's run-time model names (``speed_factor_by_family``,
    ``specific_energy_ws_mm3`` ...)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if (str(key).endswith("_by_family") or key in _FAMILY_TABLES) and \
                    isinstance(item, dict):
                known.update(k for k in item if k != "default")
            else:
                _families_of(item, known)
    elif isinstance(value, list):
        for item in value:
            _families_of(item, known)


def cam_problems(merged, documents, lang: str) -> list[Problem]:
    """W127 for the ``settings.costing.cam_h`` keys of the linted files that name no
    process of the merged catalogue (``default`` is the table's fallback)."""
    from producibility.inputs import yamlio
    from producibility.inputs.schema import did_you_mean
    from producibility.model.pack_checks import message

    if merged is None:
        return []
    processes = sorted(merged.entries["processes"])
    out = []
    for path, document in documents:
        table = ((document.get("settings") or {}).get("costing") or {}).get("cam_h")
        if not isinstance(table, dict):
            continue
        for key in table:
            if key != "default" and key not in merged.entries["processes"]:
                line = yamlio.line_of(document, ["settings", "costing", "cam_h", key])
                out.append(Problem(path, line or 1, 1, "W127", message(
                    "unknown_cam_process", lang, process=key,
                    hint=did_you_mean(key, processes, lang))))
    return out
