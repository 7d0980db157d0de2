"""``html``: the report and the offer as one self-contained A4 page (report.html.j2,
offer.html.j2): no network, styles inline; the same page is what ``pdf`` prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from producibility.report.render.registry import Format, Job, register
from producibility.report.render.templates import render_template
from producibility.report.render.views import context


def report(job: Job) -> str:
    return render_template("report.html.j2", context(job), job.lang, job.template_dir)


def offer(model: Mapping[str, Any], job: Job) -> str:
    return render_template("offer.html.j2", dict(model), job.lang, job.template_dir)


FORMAT = register(Format("html", ".html", False, report, offer, "an HTML page (A4)"))
