"""Calendar spans, one parser for every date a person types.

`--from 2018 --to 2018` on either CLI, `date_from`/`date_to` given as years or months,
and "in 2018" or "winter 2019" in a question all mean the same days: a year runs 1
January to 31 December, a month to its last day (29 February in a leap year), a winter
from 1 December to the end of the following February, a financial year "2018/19" from
1 April to 31 March, or over the archive's own year (`financial_year_span`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from indexer.dates import YEAR_END
from indexer.errors import ScrutinyError

__all__ = [
    "DateInputError",
    "date_bound",
    "day_before",
    "financial_year_span",
    "month_span",
    "season_span",
    "year_ending",
    "year_span",
]

SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


class DateInputError(ScrutinyError):
    """A date bound that is not YYYY, YYYY-MM or YYYY-MM-DD (a message, exit status 2)."""


def year_span(year: int) -> tuple[date, date]:
    """1 January to 31 December."""
    return date(year, 1, 1), date(year, 12, 31)


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first to the last day of a month, leap years included."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def season_span(season: str, year: int) -> tuple[date, date]:
    """Meteorological seasons; winter YYYY runs into February of YYYY+1."""
    if season == "winter":
        return date(year, 12, 1), month_span(year + 1, 2)[1]
    first, last = SEASON_MONTHS[season]
    return date(year, first, 1), month_span(year, last)[1]


def year_ending(year: int, year_end: tuple[int, int] = YEAR_END) -> tuple[date, date]:
    """The financial year that ends in `year` on `year_end` (month, day): "FY2019" of an
    archive whose year ends 30 June is 1 July 2018 to 30 June 2019, of one whose year ends
    31 December the calendar year 2019. A 29 February year end falls on the 28th when
    the year has none."""
    month, day = year_end

    def end_in(y: int) -> date:
        return date(y, month, min(day, calendar.monthrange(y, month)[1]))

    return end_in(year - 1) + timedelta(days=1), end_in(year)


def financial_year_span(year: int, year_end: tuple[int, int] = YEAR_END) -> tuple[date, date]:
    """A financial year written "2018/19": the one that starts in 2018 and ends in 2019
    on `year_end` (England's 1 April 2018 to 31 March 2019 by default; 1 July 2018 to 30
    June 2019 in Australia). Where the year ends 31 December no financial year runs
    across the two, and the label names both calendar years."""
    if year_end == (12, 31):
        return year_span(year)[0], year_span(year + 1)[1]
    return year_ending(year + 1, year_end)


def day_before(value: date) -> date:
    """The previous calendar day ("before 2019" ends on 31 December 2018)."""
    return date.fromordinal(value.toordinal() - 1)


def day_after(value: date) -> date:
    """The next calendar day ("after January 2020" starts on 1 February 2020)."""
    return date.fromordinal(value.toordinal() + 1)


def date_bound(text: str | None, end: bool) -> date | None:
    """A typed bound as a day: '2018' → 1 January 2018 as a start, 31 December as an end;
    '2018-02' → 1 or 28/29 February; a full ISO date as it is; empty → None."""
    if not text or not text.strip():
        return None
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            span = year_span(int(value))
        elif re.fullmatch(r"\d{4}-\d{1,2}", value):
            year, month = (int(v) for v in value.split("-"))
            span = month_span(year, month)
        else:
            day = date.fromisoformat(value)
            span = (day, day)
    except ValueError as exc:
        raise DateInputError(f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return span[1] if end else span[0]
