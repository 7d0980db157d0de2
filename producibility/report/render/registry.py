"""The output formats: each format module registers itself here, once, on import.

A :class:`Format` names the format (what ``--format`` accepts), its file suffix, whether
it writes bytes, and its two writers: the internal report and the customer's offer.
Every writer gets one :class:`Job`: the report's data and what the Screener that made it
knew (its questionnaire and pack settings), so no writer loads anything again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: The styles of a CSV file: ``plain`` for programs, ``excel`` for Dutch Excel.
CSV_STYLES: tuple[str, ...] = ("plain", "excel")
#: Who a rendering is for: the shop (the screening report) or the customer (the offer).
AUDIENCES: tuple[str, ...] = ("internal", "customer")


@dataclass(frozen=True)
class Job:
    """One rendering: the report's data, its language and what the Screener knew."""

    data: Mapping[str, Any]
    lang: str
    questionnaire: Any = None  # model.questionnaire.Questionnaire: names of choices
    settings: Mapping[str, Any] = field(default_factory=dict)  # the pack's settings
    template_dir: str | None = None
    csv_style: str | None = None
    paper: bool = False  # html for print: the trace as a legible list


@dataclass(frozen=True)
class Format:
    """An output format and its writers (a writer returns text, or bytes if ``binary``)."""

    name: str
    suffix: str
    binary: bool
    report: Callable[[Job], str | bytes]
    offer: Callable[[Mapping[str, Any], Job], str | bytes]
    help: str = ""


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format; a name registered twice is a programming error."""
    if fmt.name in _REGISTRY:
        raise ValueError(f"format {fmt.name} registered twice")
    _REGISTRY[fmt.name] = fmt
    return fmt


def formats() -> dict[str, Format]:
    """Every registered format by name, in the order they were registered."""
    return dict(_REGISTRY)


def get_format(name: str) -> Format:
    """The format called ``name``; an unknown name is a ValueError naming the known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown format {name}: choose one of {', '.join(_REGISTRY)}") \
            from None
