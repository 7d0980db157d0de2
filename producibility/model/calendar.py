"""The shop's working days: Monday to Friday, less the public holidays of its country
and its own closed days (a Christmas shutdown), plus the holidays, closed days and
weekend days it works anyway (a Saturday shift).

The equipment file's ``provider.calendar`` says which::

    calendar:
      holidays: NL                 # the public holidays of this country (python-holidays)
      closed:                      # the shop's own closed days: a date, or a period
        - {from: 2026-12-24, to: 2027-01-01, name: kerstsluiting}
      open: [2027-03-26, 2026-12-05]  # days the shop works all the same: a public
                                   # holiday (Good Friday), a closed day, a Saturday

Without a calendar a working day is Monday to Friday, as before.  The lead time counts
in these working days: its dates skip the closed days and the schedule's slack counts
only working days.

The public holidays come from python-holidays (the Open World Holidays Framework:
maintained per country from the laws that set them, regional holidays included),
which takes ~70 ms to import and ~100 ms to work out a country's first year.  So a
year's holidays are worked out once and kept in the cache by country, region and
year (:mod:`producibility.inputs.cache`); the Dutch ones of the years ahead are
shipped with the package (:mod:`producibility.inputs.prebuilt`), so a check does not
import the library at all.
"""

from __future__ import annotations

import bisect
import datetime
import json
import math
from typing import Mapping

from producibility import clock
from producibility.errors import InputError, Wording

MAX_WORKING_DAYS = 2500  # ten years: beyond it a date says nothing (and may overflow)
#: The calendar's horizon: the last date a request's dates (``date``, ``wanted_date``)
#: and an as-of date may be.  The lead time counts up to MAX_WORKING_DAYS working days
#: from such a date, and Python's dates end with the year 9999: twice the ten years
#: are kept free after it (the shop's closed days lengthen the count).
LAST_DATE = datetime.date(datetime.MAXYEAR - 2 * math.ceil(MAX_WORKING_DAYS / 250), 12, 31)
_FORM = "holidays-2"     # the cache key's kind of a year's holidays (2: names asked
# for by language, never the machine's LANG)
PREBUILT_HOLIDAYS = (("NL", None), range(2025, 2038))  # shipped: the example shop's


class Calendar:
    """Working days of one shop (see the module's text).  ``holidays``: a country code
    or None; ``closed``: {date: name} of the shop's own closed days; ``open``: the
    dates it works although they are holidays, closed days or weekend days (a Saturday
    shift: a working day the lead time counts like any other)."""

    def __init__(self, holidays: str | None = None, subdivision: str | None = None,
                 closed: Mapping[datetime.date, str] | None = None,
                 open_days: frozenset = frozenset(), where=(None, None)):
        self.holidays, self.subdivision = holidays, subdivision
        self.closed = dict(closed or {})
        self.open = frozenset(open_days)
        # the weekend days worked, sorted ordinals: counted as the closed weekdays are
        self._weekend = sorted(d.toordinal() for d in self.open if d.weekday() >= 5)
        self._where = where  # (file, line) of the holidays, for an error
        self._years: dict[int, dict] = {}         # year -> its public holidays
        self._closed_years: dict[int, list] = {}  # year -> its closed weekdays' ordinals

    def check(self, year: int | None = None) -> None:
        """Work out a year's public holidays now (this year's by default), so that a
        country or region python-holidays does not know is an error here and not on
        the first check whose dates reach that year."""
        if self.holidays is not None:
            self.holidays_of(year or clock.today().year)

    @property
    def plain(self) -> bool:
        """Monday to Friday, nothing else closed: the quick arithmetic applies."""
        return self.holidays is None and not self.closed and not self._weekend

    def holidays_of(self, year: int) -> dict:
        """{date: {'en': name, 'nl': name}} of the public holidays in ``year``."""
        if self.holidays is None:
            return {}
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = public_holidays(self.holidays, self.subdivision,
                                                        year, self._where)
        return found

    def closed_on(self, day: datetime.date) -> dict | str | None:
        """Why ``day``, a weekday, is no working day (the holiday's names or the shop's
        closure), or None when it is one."""
        if day in self.open:
            return None
        if day in self.closed:
            return self.closed[day]
        return self.holidays_of(day.year).get(day)

    def is_working(self, day: datetime.date) -> bool:
        if day.weekday() >= 5:
            return day in self.open
        return self.closed_on(day) is None

    def open_on_or_before(self, day: datetime.date) -> datetime.date:
        """The shop's last working day on or before ``day`` (``day`` itself when it is
        one): the day a delivery due on a closed day (a Sunday, Christmas Day, the
        shop's own shutdown) is delivered by.  ``day`` itself where no working day comes
        in the three years before it (a calendar closed that long says nothing)."""
        for back in range(3 * 366):
            found = day - datetime.timedelta(days=back)
            if self.is_working(found):
                return found
        return day

    def why_closed(self, day: datetime.date, lang: str) -> str | None:
        """The name in ``lang`` of the public holiday or the shop's closure ``day`` is
        (a weekend day too: the holiday's, where it is one), or None (a weekend day and
        no more, or a working day)."""
        if day in self.open:
            return None
        why = self.closed.get(day) or self.holidays_of(day.year).get(day)
        if why is None:
            return None
        return (why.get(lang) or why["en"]) if isinstance(why, dict) else why

    def ordinary(self, day: datetime.date) -> bool:
        """``day`` is a weekday that is neither a public holiday nor closed: ``open``
        has nothing to reopen on it."""
        return day.weekday() < 5 and day not in self.closed and \
            day not in self.holidays_of(day.year)

    def _closed_days(self, year: int) -> list[int]:
        """The ordinals of the weekdays of ``year`` that are no working days, sorted:
        worked out once per year, so that counting is two bisections, not a walk."""
        found = self._closed_years.get(year)
        if found is None:
            days = set(self.holidays_of(year)) | {d for d in self.closed if d.year == year}
            found = self._closed_years[year] = sorted(
                d.toordinal() for d in days if d.weekday() < 5 and d not in self.open)
        return found

    def _closed_count(self, a: datetime.date, b: datetime.date) -> int:
        """Closed weekdays after ``a`` up to and including ``b`` (a <= b), less the
        weekend days worked among them."""
        count = 0
        first, last = a.toordinal(), b.toordinal()
        for year in range(a.year, b.year + 1):
            days = self._closed_days(year)
            count += bisect.bisect_right(days, last) - bisect.bisect_right(days, first)
        if self._weekend:
            count -= bisect.bisect_right(self._weekend, last) - \
                bisect.bisect_right(self._weekend, first)
        return count

    def add_working_days(self, start: str, days: float) -> str | None:
        """The date ``days`` working days after ``start`` (whole days, rounded up); None
        beyond MAX_WORKING_DAYS."""
        if days > MAX_WORKING_DAYS:
            return None
        whole = max(math.ceil(days - 1e-9), 0)
        date = datetime.date.fromisoformat(start)
        if self.plain or not whole:
            return _add_weekdays(date, whole).isoformat()
        # the (whole + k)-th weekday, k the closed weekdays up to it: the least such k
        # (counting up from none) makes that weekday the whole-th working day
        closed = 0
        while True:
            end = _add_weekdays(date, whole + closed)
            now = self._closed_count(date, end)
            if now <= closed:
                break
            closed = now
        if not self._weekend:  # the least such count: the whole-th working day
            return end.isoformat()
        # weekend days worked before it: the working day comes sooner, the first day
        # up to which the working days are ``whole`` (a bisection over the days)
        low, high = date.toordinal(), end.toordinal()
        while high - low > 1:
            middle = (low + high) // 2
            if self.working_days_between(start, datetime.date.fromordinal(
                    middle).isoformat()) >= whole:
                high = middle
            else:
                low = middle
        return datetime.date.fromordinal(high).isoformat()

    def working_days_between(self, start: str, end: str) -> int:
        """Working days after ``start`` up to and including ``end``; negative, counted
        the other way, when ``end`` comes first."""
        a, b = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
        sign = 1
        if b < a:
            a, b, sign = b, a, -1
        count = _weekdays_between(a, b)
        if not self.plain:
            count -= self._closed_count(a, b)
        return sign * count

    def closed_between(self, start: str, end: str, lang: str) -> list[dict]:
        """The weekdays after ``start`` up to and including ``end`` that are no working
        days, each {'date', 'name'} (the name in ``lang``): what the report shows."""
        if self.plain or not start or not end:
            return []
        a, b = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
        out = []
        for year in range(a.year, b.year + 1):
            days = self._closed_days(year)
            for ordinal in days[bisect.bisect_right(days, a.toordinal()):
                                bisect.bisect_right(days, b.toordinal())]:
                day = datetime.date.fromordinal(ordinal)
                why = self.closed_on(day)
                out.append({"date": day.isoformat(),
                            "name": why.get(lang) or why["en"] if isinstance(why, dict)
                            else why})
        return out


PLAIN = Calendar()


def of_provider(provider: Mapping, path=None, line_of=None) -> Calendar:
    """The calendar of an equipment file's ``provider`` (its ``calendar``, checked by
    the schema: dates as ISO text)."""
    spec = provider.get("calendar")
    if not spec:
        return PLAIN
    closed: dict = {}

    def date(text, field, where):
        """An ISO date of the calendar; one that has the schema's shape but is no day
        (2027-13-01, 2026-02-30) is an input error at its line."""
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise InputError.said(Wording("inputs", "field_not_real_date", field=field,
                                          text=text), path,
                                  line_of(where) if line_of else None) from None

    for i, entry in enumerate(spec.get("closed") or ()):
        where = ["provider", "calendar", "closed", i]
        line = line_of(where) if line_of else None
        if isinstance(entry, str):
            first = last = date(entry, "provider.calendar.closed", where)
            name = None
        else:
            first = date(entry["from"], "provider.calendar.closed.from", where)
            last = date(entry["to"], "provider.calendar.closed.to", where)
            name = entry.get("name")
        if last < first:
            raise InputError.said(Wording("inputs", "closed_backwards", first=entry["from"],
                                          last=entry["to"]), path, line)
        if (last - first).days > 366:
            raise InputError.said(Wording("inputs", "closed_too_long", first=entry["from"],
                                          last=entry["to"]), path, line)
        day = first
        while day <= last:
            closed[day] = name or {"en": "closed", "nl": "gesloten"}
            day += datetime.timedelta(days=1)
    opened = [date(d, "provider.calendar.open", ["provider", "calendar", "open", i])
              for i, d in enumerate(spec.get("open") or ())]
    calendar = Calendar(spec.get("holidays"), spec.get("subdivision"), closed,
                        frozenset(opened),
                        (path, line_of(["provider", "calendar", "holidays"]) if line_of
                         else None))
    for i, day in enumerate(opened):
        # a weekday with nothing to reopen: a mistyped date, or a Saturday shift
        # written on the wrong day (it read "1 holiday worked" and changed nothing)
        if calendar.ordinary(day):
            raise InputError.said(Wording("inputs", "open_ordinary", date=day.isoformat()),
                                  path, line_of(["provider", "calendar", "open", i])
                                  if line_of else None)
    return calendar


def public_holidays(country: str, subdivision: str | None, year: int,
                    where=(None, None)) -> dict:
    """{date: {'en': name, 'nl': name}} of ``country``'s public holidays in ``year``
    (python-holidays), from the cache when worked out before."""
    from producibility.inputs import cache

    key = cache.data_key(_FORM, f"{country}\0{subdivision or ''}\0{year}".encode("utf-8"))
    stored = cache.read_data(key)
    if stored is not None:
        try:
            return {datetime.date.fromisoformat(day): names
                    for day, names in json.loads(stored).items()}
        except (ValueError, TypeError, AttributeError):
            pass  # not what we wrote: work it out again
    found = _work_out(country, subdivision, year, where)
    if cache.writing():
        cache.write_data(key, json.dumps({d.isoformat(): n for d, n in sorted(found.items())},
                                         sort_keys=True))
    return found


def _work_out(country, subdivision, year, where):
    try:
        import holidays
    except ImportError:  # a broken installation: say what to install, in one line
        raise InputError.said(Wording("inputs", "no_holidays_library"), *where) from None

    try:
        # each language the country's holidays are written in, else the country's own
        # (German names in a Dutch report for a German shop): asked for by name, as
        # python-holidays otherwise falls back on the machine's LANG, and the same
        # request would read differently on another machine
        entity = holidays.country_holidays(country, subdiv=subdivision)
        supported = set(getattr(entity, "supported_languages", ()) or ())
        own = getattr(entity, "default_language", None)
        names = {lang: holidays.country_holidays(
                     country, subdiv=subdivision, years=year,
                     language=language if language in supported or not own else own)
                 for lang, language in (("en", "en_US"), ("nl", "nl"))}
    except NotImplementedError as exc:  # an unknown country or region: the library says
        wording = Wording("inputs", "no_holidays_region", country=country,
                          subdivision=subdivision, reason={"*": str(exc)}) if subdivision \
            else Wording("inputs", "no_holidays", country=country, reason={"*": str(exc)})
        raise InputError.said(wording, *where) from None
    out = {}
    for day, english in names["en"].items():
        dutch = names["nl"].get(day) or english
        out[day] = {"en": english, "nl": dutch}
    return out


def _add_weekdays(date: datetime.date, whole: int) -> datetime.date:
    """The ``whole``-th weekday after ``date``."""
    weeks, whole = divmod(whole, 5)
    if weeks and date.weekday() >= 5:  # from a weekend: count as from the Friday before
        date -= datetime.timedelta(days=date.weekday() - 4)
    date += datetime.timedelta(weeks=weeks)
    while whole > 0:
        date += datetime.timedelta(days=1)
        if date.weekday() < 5:
            whole -= 1
    return date


def _weekdays_between(a: datetime.date, b: datetime.date) -> int:
    """Weekdays after ``a`` up to and including ``b`` (a <= b)."""
    weeks, rest = divmod((b - a).days, 7)
    count = 5 * weeks
    day = a + datetime.timedelta(weeks=weeks)
    for _ in range(rest):
        day += datetime.timedelta(days=1)
        count += day.weekday() < 5
    return count
