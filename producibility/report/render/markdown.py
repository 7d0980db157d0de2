"""``md``: the report and the offer as GitHub-flavoured Markdown (report.md.j2, offer.md.j2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from producibility.report.render.registry import Format, Job, register
from producibility.report.render.templates import render_template
from producibility.report.render.views import context


def report(job: Job) -> str:
    return render_template("report.md.j2", context(job), job.lang, job.template_dir)


def offer(model: Mapping[str, Any], job: Job) -> str:
    return render_template("offer.md.j2", dict(model), job.lang, job.template_dir)


FORMAT = register(Format("md", ".md", False, report, offer, "a Markdown report"))
