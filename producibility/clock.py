"""Today: the day the tool counts from where it is given no date (a request without
one, an offer's date, "vandaag" as an answer, a calendar's current year).

``PRODUCIBILITY_TODAY=YYYY-MM-DD`` sets it, for a run that must come out the same
tomorrow: the test suite (whose examples are dated 2026-11-23), a quote workflow
replaying last month's requests."""

from __future__ import annotations

import datetime
import os


def today() -> datetime.date:
    """The date ``PRODUCIBILITY_TODAY`` names, else the system's today; a value that is
    not a date is an input error (one line), never silently the system's date."""
    text = os.environ.get("PRODUCIBILITY_TODAY")
    if not text:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        from producibility.errors import InputError, Wording

        raise InputError.said(Wording("inputs", "today_not_date", text=text[:40])) \
            from None
