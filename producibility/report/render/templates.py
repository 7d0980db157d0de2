"""The Jinja2 templates of the text, md and html formats: where they are found, the
sandbox they run in, and the filters that write numbers, money and dates by locale.

A provider's ``--template DIR`` is searched first, so any shipped template can be
replaced; a replacement may extend the shipped one as ``shipped/report.html.j2`` and
override only a block (``logo``, ``styles``, ``extra_styles``, ``footer``, ...).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from producibility import i18n
from producibility.errors import InputError

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


# ---- numbers, money and dates (Babel, by locale) ---------------------------------------

def hours(value: float | None, lang: str) -> str:
    """Hours and other figures: up to two decimals, no trailing zeros, no grouping."""
    if value is None:
        return ""
    return i18n.number(round(float(value), 2), lang, grouping=False)


def euros(value: float | None, lang: str, cents: bool = True) -> str:
    """An amount in euros, with or without cents."""
    if value is None:
        return ""
    return i18n.money(float(value), lang, 2 if cents else 0)


def day(value: Any, lang: str) -> str:
    """An ISO date as the report's language writes it (``date_format`` in its locale
    file: ``iso`` leaves it as it is); anything that is not a date stays as it is."""
    text = str(value or "")
    form = i18n.text("report", "date_format", lang)
    if form == "iso" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return i18n.date(text, lang, form)


def figure(value: float, lang: str, spec: str = "") -> str:
    """A number from a request, a trace or a probe with the digits Python's
    ``format(value, spec)`` shows (``str()`` by default), in the language's decimal sign."""
    shown = format(value, spec)
    if "e" in shown:  # very large or very small: as Python writes it
        return shown
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return i18n.number(value, lang, decimals=decimals, grouping=False)


def fact(value: Any, lang: str) -> str:
    """A value from a trace, as plain text (the template escapes it)."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return i18n.text("common", "yes" if value else "no", lang)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {fact(v, lang)}" for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return ", ".join(fact(v, lang) for v in value)
    if isinstance(value, float):
        return figure(value, lang)
    return str(value)


# ---- Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*\[\]|~])")
_MD_LEADING = re.compile(r"^([#+>-]|\d+[.)])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def md(value: Any) -> str:
    """Text from packs and requests made inert in Markdown: no tags, no table breaks."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = _MD_ENTITY.sub("&amp;", text).replace("<", "&lt;")  # no tags, no entities
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)
    return _MD_UNDERSCORE.sub(r"\\_", text)


def mdcode(value: Any) -> str:
    """A Markdown code span that holds any text, backticks included."""
    text = " ".join(str("" if value is None else value).split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def closest(rejected: list[dict]) -> list[dict]:
    """Rejected machines, the nearest misses (fewest reasons) first."""
    return sorted(rejected, key=lambda x: (len(x["reasons"]), x["machine"]))


# ---- the environment ----------------------------------------------------------------------

def environment(template_dir: str | Path | None = None, lang: str = i18n.DEFAULT_LANG
                ) -> jinja2.Environment:
    """Templates from the provider's own directory first, then the shipped ones.

    The shipped templates are also reachable as ``shipped/<name>``, so that a
    provider's ``report.html.j2`` can extend ours and change only a block.
    Every template runs in Jinja2's immutable sandbox: no attribute starting with
    an underscore, no method that changes data, so no way from a template to Python.
    """
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        if not Path(template_dir).is_dir():
            raise InputError("no such template directory", str(template_dir))
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    loaders.append(jinja2.PrefixLoader({"shipped": jinja2.FileSystemLoader(str(TEMPLATE_DIR))}))
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        # "report.html.j2" does not end in ".html": name the template suffixes too.
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2", "htm.j2",
                                             "xml.j2"]),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.filters["hours"] = functools.partial(hours, lang=lang)
    env.filters["num"] = functools.partial(hours, lang=lang)
    env.filters["eur"] = functools.partial(euros, lang=lang)
    env.filters["eur0"] = functools.partial(euros, lang=lang, cents=False)
    env.filters["date"] = functools.partial(day, lang=lang)
    env.filters["fact"] = functools.partial(fact, lang=lang)
    env.filters["closest"] = closest
    env.filters["md"] = md
    env.filters["mdcode"] = mdcode
    return env


def render_template(name: str, variables: dict[str, Any], lang: str,
                    template_dir: str | Path | None) -> str:
    """One template filled in; a provider's template that fails is an InputError."""
    env = environment(template_dir, lang)
    if not template_dir:
        return env.get_template(name).render(**variables)
    try:
        return env.get_template(name).render(**variables)
    except jinja2.TemplateError as exc:
        raise _template_error(exc, template_dir) from None
    except (RecursionError, MemoryError, OverflowError, ValueError, TypeError) as exc:
        raise _template_error(exc, template_dir) from None


def _template_error(exc: BaseException, template_dir: str | Path) -> InputError:
    """A provider's template that fails: one line, with the template's file and line."""
    path, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if path is None:
        tb = exc.__traceback__
        while tb is not None:  # Jinja2 rewrites frames to the template's file and line
            if tb.tb_frame.f_code.co_filename.endswith(".j2"):
                path, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    message = " ".join(str(message).split())
    return InputError(f"template error: {message}", path or str(template_dir), line)
