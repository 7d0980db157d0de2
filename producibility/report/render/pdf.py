"""``pdf``: the html page printed to A4 by WeasyPrint (the optional ``pdf`` extra)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from producibility.errors import InputError, Wording
import producibility.report.render.html as html_format
from producibility.report.render.registry import Format, Job, register


def report(job: Job) -> bytes:
    return html_to_pdf(html_format.report(job.replace(paper=True)))


def offer(model: Mapping[str, Any], job: Job) -> bytes:
    return html_to_pdf(html_format.offer(model, job.replace(paper=True)))


def html_to_pdf(html: str) -> bytes:
    """An HTML page (ours: self-contained, no network) as A4 PDF bytes, with WeasyPrint."""
    try:
        import weasyprint
    except ImportError:
        raise InputError.said(Wording("inputs", "pdf_needs_weasyprint")) \
            from None
    except OSError as exc:  # its system libraries (Pango) are missing
        raise InputError.said(Wording("inputs", "pdf_libraries", problem=str(exc))) from None

    def no_fetch(url, *args, **kwargs):  # everything is inline; never touch the network
        if url.startswith("data:"):
            return weasyprint.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"not fetched: {url}")

    return weasyprint.HTML(string=html, url_fetcher=no_fetch).write_pdf()


FORMAT = register(Format("pdf", ".pdf", True, report, offer, "the html page as A4 PDF"))
