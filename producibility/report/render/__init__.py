"""Render a report, or the offer made from it, in one of the registered formats.

One module per format (``text``, ``json``, ``md``, ``html``, ``pdf``, ``csv``), each
registering its name, file suffix and whether it writes bytes (:mod:`.registry`, which
imports a format's module when it is first used); :data:`FORMATS` lists their names for
a command's ``--format`` choices.  The text, md and
html formats fill Jinja2 templates (:mod:`.templates`) with the views of :mod:`.views`.

Render never loads anything: the names of choices come from the questionnaire, and the
risk matrix and the rules' customer wording from the pack, that the
:class:`~producibility.screen.Screener` which made the report used (a
:class:`~producibility.screen.Report` carries both).  A plain report dict renders
with the choices' ids.  Every format is deterministic: the same report gives the same
bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from producibility import i18n
from producibility.report.render.registry import (AUDIENCES, CSV_STYLES, MODULES, Format,
                                                  Job, formats, get_format)
from producibility.report.render.templates import TEMPLATE_DIR, environment
from producibility.report.render.views import heat_map

#: The names of the formats, in the order a command offers them.
FORMATS: tuple[str, ...] = tuple(MODULES)


def __getattr__(name: str) -> Any:
    """``CSV_COLUMNS`` and ``csv_cell``: from the csv format's module, imported then."""
    if name in ("CSV_COLUMNS", "csv_cell"):
        from producibility.report.render import csv
        return getattr(csv, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["AUDIENCES", "CSV_COLUMNS", "CSV_STYLES", "FORMATS", "TEMPLATE_DIR", "Format",
           "Job", "csv_cell", "environment", "formats", "get_format", "heat_map", "render"]


def render(report: Any, fmt: str = "text", lang: str = i18n.DEFAULT_LANG,
           template_dir: str | Path | None = None, csv_style: str | None = None,
           audience: str = "internal", offer: Mapping[str, Any] | None = None,
           paper: bool = False) -> str | bytes:
    """The report in format ``fmt`` (text, or bytes for a binary format such as ``pdf``).

    ``report`` is a :class:`~producibility.screen.Report` (it brings the questionnaire
    and pack of the Screener that made it, and the request's answers) or a report dict.
    ``audience="customer"`` renders the offer instead of the internal report; ``offer``
    carries what the offer needs beyond the report: the ``provider`` (name, address,
    contact, logo; see :mod:`producibility.report.offer`).  ``paper``: HTML
    meant for print (the trace as a legible list, not folded away).
    """
    form = get_format(fmt)
    # the Report's data itself, not a copy (its JSON round trip was ~0.5 ms of a
    # check): the formats only read it (their templates run in an immutable sandbox;
    # tests/test_render.py renders every example in every format twice to hold them to it)
    data = report if isinstance(report, dict) else report.for_serialising()
    questionnaire = getattr(report, "questionnaire", None)
    pack = getattr(report, "pack", None)
    job = Job(data=data, lang=lang if lang in i18n.LANGS else i18n.DEFAULT_LANG,
              questionnaire=questionnaire, settings=getattr(pack, "settings", None) or {},
              template_dir=template_dir, csv_style=csv_style, paper=paper)
    if audience == "customer":
        from producibility.report.offer import offer_model

        given = {"questionnaire": questionnaire, "pack": pack,
                 "request": getattr(report, "request", None),
                 "shop_facts": getattr(report, "provider", None), **(offer or {})}
        return form.offer(offer_model(data, given, job.lang), job)
    return form.report(job)
