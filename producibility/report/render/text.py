"""``text``: the report as a short plain-text summary for a terminal (report.txt.j2);
the offer as plain text (offer.txt.j2: no Markdown tables, ** or <br>)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from producibility.project import terminal_safe
from producibility.report.render.registry import Format, Job, register
from producibility.report.render.templates import render_template
from producibility.report.render.views import context


def report(job: Job) -> str:
    text = render_template("report.txt.j2", context(job), job.lang, job.template_dir)
    return terminal_safe(text)


def offer(model: Mapping[str, Any], job: Job) -> str:
    text = render_template("offer.txt.j2", dict(model), job.lang, job.template_dir)
    return terminal_safe(text)


FORMAT = register(Format("text", ".txt", False, report, offer, "a text summary"))
