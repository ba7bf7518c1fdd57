"""Calendar spans, one parser for every date a person types.

`--from 2018 --to 2018` on either CLI, `date_from`/`date_to` given as years or months,
and "in 2018" or "winter 2019" in a question all mean the same days: a year runs 1
January to 31 December, a month to its last day (29 February in a leap year), a winter
from 1 December to the end of the following February, a financial year "2018/19" from
1 April to 31 March.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from indexer.errors import ScrutinyError

__all__ = [
    "DateInputError",
    "date_bound",
    "day_before",
    "financial_year_span",
    "month_span",
    "season_span",
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


def financial_year_span(year: int) -> tuple[date, date]:
    """A UK public-sector financial year "2018/19": 1 April 2018 to 31 March 2019."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def day_before(value: date) -> date:
    """The previous calendar day ("before 2019" ends on 31 December 2018)."""
    return date.fromordinal(value.toordinal() - 1)


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
