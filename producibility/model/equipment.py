"""The provider's equipment catalogue: machines, partners and what it offers besides them,
loaded from a file or a dict, schema-checked, and checked against a catalogue's names.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from producibility.errors import InputError, InputErrors, Wording
from producibility.inputs import yamlio
from producibility.inputs import schema as schemas
from producibility.inputs.digests import bytes_digest, digest
from producibility.model.calendar import PLAIN, Calendar, of_provider
from producibility.model.catalogue import check_equipment
from producibility.model.request import _json_safe_check, _plain


class Equipment:
    """A provider's machines, partners and what it offers besides them.

    Loaded and schema-checked by :func:`load_equipment`; checked against a
    catalogue (names, aliases, the limits each process needs) by
    :meth:`checked`, which the Screener does with the merged catalogue of its packs.
    """

    def __init__(self, provider: dict, machines: list, path: str = None, digest: str = "",
                 partners: list | None = None, document: object = None,
                 catalogue: object = None, calendar: Calendar = PLAIN) -> None:
        # provider.processes, a derived fact rules may read ("do we have EDM in house?"):
        # the processes of the shop's own machines, never written in the file
        self.provider = dict(provider, processes=sorted(
            {p for m in machines for p in m.get("processes") or ()}))
        self.machines = machines
        self.path = path
        self.digest = digest
        self.partners = [] if partners is None else partners
        self.document = document  # the loaded file, for file:line in catalogue errors
        self.catalogue = catalogue  # the catalogue the names were checked against
        self.calendar = calendar  # the shop's working days (provider.calendar)

    def by_process(self):
        index = {}
        for machine in self.machines:
            for process in machine["processes"]:
                index.setdefault(process, []).append(machine)
        return index

    def partners_by_process(self):
        index = {}
        for partner in self.partners:
            for process in partner["processes"]:
                index.setdefault(process, []).append(partner)
        return index

    def checked(self, catalogue):
        """This equipment with its names checked against (and resolved in) a catalogue."""
        if self.catalogue is catalogue:
            return self
        provider, machines, partners = check_equipment(self, catalogue)
        return Equipment(provider=provider, machines=machines, path=self.path,
                         digest=self.digest, partners=partners, document=self.document,
                         catalogue=catalogue, calendar=self.calendar)


def load_equipment(source: str | Path | dict, catalogue: Any = None,
                   lang: str = "en") -> Equipment:
    """An equipment catalogue from a file path or a dict; schema problems are worded in
    ``lang``.

    With ``catalogue`` the names are checked at once (see :meth:`Equipment.checked`);
    without, the Screener checks them against the merged catalogue of its packs.
    """
    if isinstance(source, dict):
        document, path = source, "<equipment>"
        _json_safe_check(document, path, "")
    else:
        path = str(source)
        document, data = yamlio.load_with_bytes(source)
    if not isinstance(document, dict):
        raise InputError.said(Wording("inputs", "equipment_shape"), path,
                              getattr(document, "line", 1))
    provider = document.get("provider")
    if isinstance(provider, dict) and isinstance(provider.get("calendar"), dict):
        # its dates as ISO text, as the schema reads them (a caller's dict left as it was)
        if isinstance(source, dict):
            document = dict(document, provider=dict(
                provider, calendar=copy.deepcopy(provider["calendar"])))
        _plain(document["provider"]["calendar"])
    try:
        try:
            if isinstance(source, dict):
                schemas.check(document, schemas.shipped("equipment"), path, lang)
            else:
                schemas.check_file(document, data, "equipment", path, lang)
        except InputError:
            # numbers written as a person writes them (0,01), read as a request's are;
            # only where the schema refused the file (a valid file has none to read: the
            # warm path walks nothing), and never in a caller's own dict
            if isinstance(source, dict):
                document = copy.deepcopy(document)
            unread = schemas.read_numbers(document, schemas.shipped("equipment"), lang)
            if unread:
                raise InputErrors([_at(InputError(
                    message, path, yamlio.line_of(document, where)
                    if not isinstance(source, dict) else None), where)
                    for where, message in unread]) from None
            schemas.check(document, schemas.shipped("equipment"), path, lang)
    except InputError as problems:
        found = getattr(problems, "errors", [problems])
        # with a catalogue (validate): the catalogue's problems too, in one report (a
        # negative rate hid a misspelt machine field and an unknown process: four rounds),
        # less those about what the schema's problems are about: one mistake, one line
        # (materials written as one text was that, then every letter an unknown material)
        more = [e for e in (_catalogue_problems(document, path, catalogue)
                            if catalogue is not None else [])
                if not any(_same_place(e, f) for f in found)]
        if not more:
            raise
        raise InputErrors(sorted(found + more, key=lambda e: e.line or 0)) from None
    for key in ("machines", "partners"):
        seen = {}
        for i, machine in enumerate(document.get(key) or ()):
            line = yamlio.line_of(document, [key, i]) if not isinstance(source, dict) else None
            if machine["id"] in seen:
                raise InputError.said(Wording(
                    "inputs", "machine_id_twice" if key == "machines" else "partner_id_twice",
                    id=machine["id"], line=seen[machine["id"]]), path, line)
            seen[machine["id"]] = line
    provider = dict(document["provider"])
    for key in ("certifications", "stocked_materials", "skills"):
        provider.setdefault(key, [])
    calendar = of_provider(provider, path, None if isinstance(source, dict) else
                           (lambda where: yamlio.line_of(document, where)))
    provider.pop("calendar", None)  # the equipment's calendar: no fact for the rules
    equipment = Equipment(provider=provider, machines=[dict(m) for m in document["machines"]],
                          partners=[dict(p) for p in document.get("partners") or ()],
                          path=path, digest=digest(document) if isinstance(source, dict)
                          else bytes_digest(data),
                          document=None if isinstance(source, dict) else document,
                          calendar=calendar)
    return equipment.checked(catalogue) if catalogue is not None else equipment


def _at(error, where):
    error.where = tuple(where)
    return error


def _same_place(error, other) -> bool:
    """Whether a catalogue problem is about what another problem is about: the same
    field, one inside the other (``materials`` and its items), not just the same machine."""
    here, there = getattr(error, "where", None), getattr(other, "where", None)
    if here is None or there is None:
        return False
    if here[:len(there)] == there:
        return True
    return len(here) > 2 and there[:len(here)] == here


def _catalogue_problems(document, path, catalogue) -> list:
    """The catalogue's problems of an equipment document the schema refused, as far as
    they can be found: none where the document is too broken to read its machines."""
    try:
        equipment = Equipment(
            provider=dict(document.get("provider") or {}),
            machines=[dict(m) for m in document.get("machines") or () if isinstance(m, dict)],
            partners=[dict(p) for p in document.get("partners") or () if isinstance(p, dict)],
            path=path, digest="", document=document)
        check_equipment(equipment, catalogue)
    except InputError as found:
        return list(getattr(found, "errors", [found]))
    except Exception:  # noqa: BLE001 - the schema's report stands on its own
        return []
    return []


# ----------------------------------------------------------------- rule packs
