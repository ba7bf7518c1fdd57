"""One reading of a written date, for a document's text and a person's question alike.

The ingest side reads a meeting's date from its heading or file name
(`indexer.ingest.metadata`); the query side reads the time a question names
(`search_api.temporal`). Both read the same month names and decide the same way which
figure of "05/03/2019" is the day, so a question's "5.3.2019" finds the meeting whose
heading says "05/03/2019". What each side does with a day its month does not have
("31.02.2019") stays its own: a meeting date must be a real day (else the reader looks
elsewhere), while a question that names one still names its month.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime

__all__ = [
    "MONTHS",
    "YEAR_END",
    "day_and_month",
    "financial_year_end",
    "full_year",
    "year_end_counts",
]

MONTHS = (
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
"""Month names and their abbreviations, lower-cased, to the month's number."""


def day_and_month(first: int, second: int) -> tuple[int, int] | None:
    """The day and month of a date written in figures, as (day, month): day first
    ("05/03/2019" is 5 March) as every country but the United States writes it, month
    first only when that is the one reading ("03/25/2019"); None when neither figure can
    be the month. Whether the day is in its month is the caller's question."""
    if second > 12 and 1 <= first <= 12:
        return second, first
    if 1 <= second <= 12:
        return first, second
    return None


def full_year(two_figures: str | int) -> int:
    """The year a year written in two figures names ("FY99", "CM 23.06.15", "FY20"): the
    one in 1969-2068, the window POSIX and Python's `%y` read it in (`time.strptime`), so
    a question's "FY99" is 1999 and a file name's "15" 2015, by one rule on either side."""
    return datetime.strptime(f"{int(two_figures):02d}", "%y").year


YEAR_END = (3, 31)
"""(month, day) a financial year ends on when an archive's papers never say: England's
31 March (the archives this system was first built for)."""

_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_NAME = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_ENDING = re.compile(
    # "year ending 30 June 2019", "year ended 31 March 2020", "the year to 31 March",
    # "year end 30 June", "year ending June 30, 2019", "year ending March 2020".
    r"\byear[\s-]+(?:end(?:ed|ing|s)?|to)\s+(?:on\s+)?(?:the\s+)?"
    r"(?:" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH_NAME + r"|" + _MONTH_NAME
    + r"(?:\s+" + _ORDINAL + r"\b)?"
    # "year ended 30/06/2019", "year end 30.6.19", as Australian papers write the day.
    + r"|(\d{1,2})[./](\d{1,2})[./](?:\d{4}|\d{2})\b)"
    # "financial year 1 July 2019 to 30 June 2020", "fiscal year from 1 October to 30 September".
    r"|\b(?:financial|fiscal)\s+year\s+(?:from\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTH_NAME + r"(?:\s+\d{4})?\s*(?:to|until|-|–)\s*(?:the\s+)?" + _ORDINAL + r"\s+"
    + _MONTH_NAME,
    re.IGNORECASE,
)  # fmt: skip
"""A sentence that names the day a financial year ends; each alternative's day and month
groups hold it (a month without a day is its last day; a day in figures is read as
`day_and_month` reads it)."""


def year_end_counts(texts: Iterable[str]) -> Counter[tuple[int, int]]:
    """How many of `texts` (an archive's passages) name each (month, day) as the end of a
    year: once per passage however often it repeats it, so one long statement of accounts
    does not outvote an archive's budget reports."""
    counts: Counter[tuple[int, int]] = Counter()
    for text in texts:
        named = set()
        for m in _YEAR_ENDING.finditer(text):
            g = m.groups()
            if g[4]:
                read = day_and_month(int(g[4]), int(g[5]))
                if read is None:
                    continue
                day, number = str(read[0]), read[1]
            else:
                day, month = (g[0], g[1]) if g[1] else (g[3], g[2]) if g[2] else (g[7], g[8])
                number = MONTHS[month.lower()]
            last = calendar.monthrange(2001, number)[1]  # 28 February: no leap year's 29th
            value = int(day) if day else last
            if 1 <= value <= last or (number == 2 and value == 29):
                named.add((number, min(value, last)))
        counts.update(named)
    return counts


def financial_year_end(texts: Iterable[str]) -> tuple[int, int]:
    """The (month, day) an archive's financial year ends on, read from its own papers: the
    one its passages name most often as a year's end (`year_end_counts`); `YEAR_END` when
    they name none. Councils in England and Wales end the year on 31 March, Australia's and
    New Zealand's on 30 June, many US cities on 30 June or 30 September, Ireland's on 31
    December."""
    counts = year_end_counts(texts)
    return counts.most_common(1)[0][0] if counts else YEAR_END
