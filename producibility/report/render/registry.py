"""The output formats: each format module registers itself here, once, on import.

:data:`MODULES` names every format and the module of this package that registers it;
a format's module is imported when the format is first asked for (:func:`get_format`),
so a text report does not import the writers of html, pdf or csv.

A :class:`Format` names the format (what ``--format`` accepts), its file suffix, whether
it writes bytes, and its two writers: the internal report and the customer's offer.
Every writer gets one :class:`Job`: the report's data and what the Screener that made it
knew (its questionnaire and pack settings), so no writer loads anything again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

#: The styles of a CSV file: ``plain`` for programs, ``excel`` for Dutch Excel.
CSV_STYLES: tuple[str, ...] = ("plain", "excel")
#: Who a rendering is for: the shop (the screening report) or the customer (the offer).
AUDIENCES: tuple[str, ...] = ("internal", "customer")


class Job:
    """One rendering: the report's data, its language and what the Screener knew."""

    __slots__ = ("data", "lang", "questionnaire", "settings", "template_dir", "csv_style",
                 "paper")

    def __init__(self, data: Mapping[str, Any], lang: str, questionnaire: Any = None,
                 settings: Mapping[str, Any] | None = None, template_dir: str | None = None,
                 csv_style: str | None = None, paper: bool = False) -> None:
        self.data = data
        self.lang = lang
        self.questionnaire = questionnaire  # model.questionnaire.Questionnaire: names of choices
        self.settings = {} if settings is None else settings  # the pack's settings
        self.template_dir = template_dir
        self.csv_style = csv_style
        self.paper = paper  # html for print: the trace as a legible list

    def replace(self, **changes: Any) -> Job:
        """This job with some fields changed (``paper=True``: the PDF's html)."""
        fields = {name: getattr(self, name) for name in self.__slots__}
        fields.update(changes)
        return Job(**fields)


class Format:
    """An output format and its writers (a writer returns text, or bytes if ``binary``)."""

    __slots__ = ("name", "suffix", "binary", "report", "offer", "help")

    def __init__(self, name: str, suffix: str, binary: bool,
                 report: Callable[[Job], str | bytes],
                 offer: Callable[[Mapping[str, Any], Job], str | bytes],
                 help: str = "") -> None:
        self.name = name
        self.suffix = suffix
        self.binary = binary
        self.report = report
        self.offer = offer
        self.help = help


#: Every format's name, in the order a command offers them, and the module (in this
#: package) that registers it.
MODULES: dict[str, str] = {"text": "text", "json": "json", "md": "markdown", "html": "html",
                           "pdf": "pdf", "csv": "csv"}

_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format; a name registered twice is a programming error."""
    if fmt.name in _REGISTRY:
        raise ValueError(f"format {fmt.name} registered twice")
    _REGISTRY[fmt.name] = fmt
    return fmt


def formats() -> dict[str, Format]:
    """Every format by name, in the order of :data:`MODULES` (all their modules imported)."""
    return {name: get_format(name) for name in MODULES}


def get_format(name: str) -> Format:
    """The format called ``name`` (its module imported on first use); an unknown name is
    a ValueError naming the known ones."""
    if name not in _REGISTRY and name in MODULES:
        importlib.import_module(f"{__package__}.{MODULES[name]}")
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown format {name}: choose one of {', '.join(MODULES)}") \
            from None
