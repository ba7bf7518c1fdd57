"""One reading of a written date, for a document's text and a person's question alike.

The ingest side reads a meeting's date from its heading or file name
(`indexer.ingest.metadata`); the query side reads the time a question names
(`search_api.temporal`). Both read the same month names. Which figure of "05/03/2019" is
the day: a heading or file name is read in the order its own file shows (`figures_date`,
round 46), else in the order the archive's papers show (`archive_date_order`, recorded by
each build as the year end is, round 48); a question in the archive's order
(`day_and_month`), day first where nothing says, so in an archive that writes month first
a question's "3.12.2019" finds the meeting whose heading says "03/12/2019". What
each side does with a day its month does not have
("31.02.2019") stays its own: a meeting date must be a real day (else the reader looks
elsewhere), while a question that names one still names its month.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Literal

from indexer.models import DatePrecision

__all__ = [
    "MONTHS",
    "MONTH_NAMES",
    "ArchiveOrder",
    "DateOrder",
    "YEAR_END",
    "archive_date_order",
    "archive_year_end",
    "day_and_month",
    "day_in_words",
    "figures_date",
    "full_year",
    "most_named_year_end",
    "recorded_day",
    "stated_date_order",
    "stated_year_end",
    "year_end_counts",
]

MONTH_NAMES = tuple(name.lower() for name in calendar.month_name if name)
"""The months' full names, lower-cased, January first: for patterns that read a month
written out ("4 May", "June 2019") and not its abbreviation (read them case-blind)."""

MONTHS = (
    {name: i for i, name in enumerate(MONTH_NAMES, start=1)}
    | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
"""Month names and their abbreviations, lower-cased, to the month's number."""


DateOrder = Literal["day", "month"]
"""A date in figures written day first ("12/03/2019", as every country but the United
States writes it) or month first ("03/12/2019", as the United States does)."""


ArchiveOrder = Literal["day", "month", "unsettled"]
"""The order an archive's papers write dates in figures (`archive_date_order`), as an index
records it: "unsettled" where nothing in them says (a question's figures are then read day
first, and a meeting date either way round stays its year)."""


def day_and_month(
    first: int, second: int, order: DateOrder | None = None
) -> tuple[int, int] | None:
    """The day and month of a date in figures, as (day, month): day first ("05/03/2019" is
    5 March) as every country but the United States writes it, month first where `order`
    says the archive writes it so ("month": "05/03/2019" is 3 May, round 48) or where that
    is the one reading ("03/25/2019"); None when neither figure can be the month. Whether
    the day is in its month is the caller's question."""
    if 1 <= first <= 12 and (second > 12 or order == "month"):
        return second, first
    if 1 <= second <= 12:
        return first, second
    return None


def figures_date(
    first: int, second: int, year: int, order: DateOrder | None, weekday: int | None = None
) -> tuple[date, DatePrecision] | None:
    """The day a date in figures names: the one reading that is a real day ("03/25/2019"),
    else the one falling on the `weekday` printed beside it (Monday 0), else the reading
    `order` gives. With none of these, and two real days to choose from ("03/12/2019": 3
    December or 12 March), its year only (the first of January, precision "year"): a day
    guessed wrong puts the meeting in another season of every trend and timeline, its year
    does not. None when neither reading is a real day."""
    readings: list[date] = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    readings = list(dict.fromkeys(readings))  # "05/05/2019": one day
    if not readings:
        return None
    if len(readings) == 1:
        return readings[0], "day"
    if weekday is not None and len(fits := [r for r in readings if r.weekday() == weekday]) == 1:
        return fits[0], "day"
    if order is not None:
        return readings[0 if order == "day" else 1], "day"
    return date(year, 1, 1), "year"


_NAMED_DAY = re.compile(
    r"(?<![\w.])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[-\s]+(?P<month>[A-Za-z]{3,9})\.?[-\s,]+"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def day_in_words(text: str) -> date | None:
    """The first real day written with its month's name in `text` ("15 January 2026",
    "Thursday, 15th Jan, 2026", "held on 9th January 2025", "30th-Jan-2025 10.00"): a
    ModernGov page's meeting, the day a set of minutes' title names. A clock time after it
    is no part of it; "31 February" is passed over for the next."""
    return _first_named_day(_NAMED_DAY, text)


def _first_named_day(pattern: re.Pattern[str], text: str) -> date | None:
    """The first match of `pattern` (groups day, month's name, year) that is a real day."""
    for match in pattern.finditer(text):
        month = MONTHS.get(match["month"].lower())
        if month is None:
            continue
        try:
            return date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
    return None


_MONTH_FIRST_DAY = re.compile(
    r"(?<![\w.])(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_FIGURES_DAY = re.compile(
    r"(?<![\d/.-])(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)\d\d|\d\d)(?![\d/.-]\d|\d)"
)


def recorded_day(text: str, order: DateOrder | None = None) -> date | None:
    """The day a set of minutes' title or opening line names as its meeting's, however
    the council writes it: with its month's name day first (`day_in_words`: "held on 9th
    January 2025", read first, as before), month first ("held on March 8, 2016"), else in
    figures ("held on 03/08/2016", "MINUTES 14.3.19", a two-figure year read as
    `full_year` reads it) as `figures_date` reads it in the archive's `order`. A day in
    figures either order could name, with no order known, is no day (None): the meeting
    the minutes are filed with stands."""
    if (found := day_in_words(text) or _first_named_day(_MONTH_FIRST_DAY, text)) is not None:
        return found
    for match in _FIGURES_DAY.finditer(text):
        year = match["year"]
        read = figures_date(
            int(match["first"]), int(match["second"]),
            int(year) if len(year) == 4 else full_year(year), order,
        )  # fmt: skip
        if read is not None:
            return read[0] if read[1] == "day" else None
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
_DAY_OF_MONTH = _ORDINAL + r"\s+(?:of\s+)?" + _MONTH_NAME
"""A day before its month's name ("30 June", "31st of March"): groups the day and month."""
_YEAR_ENDING = re.compile(
    # "year ending 30 June 2019", "year ended 31 March 2020", "the year to 31 March",
    # "year end 30 June", "year ending June 30, 2019", "year ending March 2020".
    r"\byear[\s-]+(?:end(?:ed|ing|s)?|to)\s+(?:on\s+)?(?:the\s+)?"
    r"(?:" + _DAY_OF_MONTH + r"|" + _MONTH_NAME
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


_DAY_IN_WORDS = _DAY_OF_MONTH + r",?\s+((?:19|20)\d{2})"
_DAY_IN_FIGURES = r"(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})"
_YEAR_LONG = re.compile(
    # "1 July 2019 to 30 June 2020", "1st April 2025 to 31st March 2026",
    # "01/07/2019 - 30/06/2020": a period of one whole year, as rates are levied and
    # contracts let for one.
    r"\b(?:" + _DAY_IN_WORDS + r"|" + _DAY_IN_FIGURES + r")\s*(?:to|until|-|–)\s*(?:the\s+)?"
    r"(?:" + _DAY_IN_WORDS + r"|" + _DAY_IN_FIGURES + r")\b",
    re.IGNORECASE,
)  # fmt: skip
"""Two days in words or figures joined as a period; `_one_year_end` keeps those one year
apart."""
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "one": 1, "two": 2, "three": 3,
                    "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}  # fmt: skip
_QUARTER = re.compile(
    # "Q1 (July - September 2019)", "Quarter 2 (October to December)", "the third quarter
    # 2019/20 (January–March 2020)": a numbered quarter and its months say where the year
    # starts. Not "the third quarter of 2024 (July to September)": a quarter of a calendar
    # year, as economic commentary counts them.
    r"\b(?:Q([1-4])|quarter\s+([1-4]|one|two|three|four)|(first|second|third|fourth)\s+quarter)"
    r"(?:\s+(?:19|20)\d{2}\s?[/–-]\s?\d{2,4})?\s*[(:,–-]?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    + _MONTH_NAME + r"(?:\s+(?:19|20)\d{2})?\s*(?:to|until|-|–)\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    + _MONTH_NAME + r"\b",
    re.IGNORECASE,
)  # fmt: skip
"""A numbered quarter with its months: groups the number (after "Q", after "quarter",
or as an ordinal before it) and the first and last months."""
_QUARTER_WORD = re.compile(r"quarter|\bQ[1-4]", re.IGNORECASE)
"""What a passage holds before `_QUARTER` can read it."""


def _one_year_end(m: re.Match[str]) -> tuple[int, int] | None:
    """The (month, day) a period (`_YEAR_LONG`) ends on when it is one whole year (it ends
    the day before its first day a year on); None for any other period."""
    g = m.groups()
    ends = []
    for day, month, year, fig_a, fig_b, fig_year in (g[:6], g[6:]):
        if day:
            read: tuple[int, int] | None = (int(day), MONTHS[month.lower()])
            written_year = int(year)
        else:
            read, written_year = day_and_month(int(fig_a), int(fig_b)), int(fig_year)
        if read is None or read[0] > calendar.monthrange(written_year, read[1])[1]:
            return None
        ends.append(date(written_year, read[1], read[0]))
    first, last = ends
    try:
        a_year_on = first.replace(year=first.year + 1)
    except ValueError:  # 29 February
        return None
    return (last.month, last.day) if last + timedelta(days=1) == a_year_on else None


def _quarter_year_end(m: re.Match[str]) -> tuple[int, int] | None:
    """The (month, day) a numbered quarter's year ends on ("Q1 (July - September)": 30
    June), when its months are three in a row; None otherwise."""
    number = _QUARTER_NUMBERS[(m.group(1) or m.group(2) or m.group(3)).lower()]
    first, last = MONTHS[m.group(4).lower()], MONTHS[m.group(5).lower()]
    if (last - first) % 12 != 2:
        return None
    end_month = (first - 3 * (number - 1) - 2) % 12 + 1
    return end_month, calendar.monthrange(2001, end_month)[1]


def year_end_counts(texts: Iterable[str]) -> Counter[tuple[int, int]]:
    """How many of `texts` (an archive's passages) name each (month, day) as the end of a
    year: once per passage however often it repeats it, so one long statement of accounts
    does not outvote an archive's budget reports. A year's end is named by its words
    ("year ending 30 June 2019"), by a period of one whole year ("1 July 2019 to 30 June
    2020") or by a numbered quarter's months ("Q1 (July - September)")."""
    counts: Counter[tuple[int, int]] = Counter()
    for text in texts:
        named = {end for m in _YEAR_LONG.finditer(text) if (end := _one_year_end(m)) is not None}
        if _QUARTER_WORD.search(text):  # a third of the scan's time saved on other passages
            named |= {e for m in _QUARTER.finditer(text) if (e := _quarter_year_end(m)) is not None}
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


def most_named_year_end(counts: Mapping[tuple[int, int], int]) -> tuple[int, int]:
    """The (month, day) `counts` (`year_end_counts`, or their sum over an archive's
    documents) name most: an archive's financial year end read from its own papers.
    Councils in England and Wales end the year on 31 March, Australia's and New Zealand's
    on 30 June, many US cities on 30 June or 30 September, Ireland's on 31 December. Of
    two named equally, the earlier in the calendar, so the reading never depends on the
    order passages or documents were stored in; `YEAR_END` when they name none."""
    return max(sorted(counts), key=counts.__getitem__, default=YEAR_END)


def archive_year_end(
    stated: str | None,
    recorded: tuple[int, int] | None,
    read: Callable[[], Mapping[tuple[int, int], int]],
) -> tuple[int, int]:
    """The (month, day) an archive's financial year ends on, wherever it is asked (a
    build's publish, a server's version): the one `stated` (`Settings.year_end`) wins,
    then the one a build `recorded` (`IndexInfo.year_end`), then the one its papers name
    most (`read`: their `year_end_counts`, called only when neither is known)."""
    if stated is not None:
        return stated_year_end(stated)
    if recorded is not None:
        return recorded
    return most_named_year_end(read())


def stated_year_end(text: str) -> tuple[int, int]:
    """The (month, day) a person states a financial year ends on ("30 June", "June 30",
    "30/06", "31st March"), as `SCRUTINY_YEAR_END` is written; ValueError when it names
    no day of a month."""
    words = re.fullmatch(
        r"\s*(?:" + _DAY_OF_MONTH + r"|" + _MONTH_NAME + r"\s+"
        + _ORDINAL + r"|(\d{1,2})[./-](\d{1,2}))\s*",
        text,
        re.IGNORECASE,
    )  # fmt: skip
    if words is None:
        raise ValueError(f"not a day and month: {text!r} (write it as '30 June')")
    g = words.groups()
    if g[4]:
        read = day_and_month(int(g[4]), int(g[5]))
        if read is None:
            raise ValueError(f"not a day and month: {text!r}")
        day, month = read
    else:
        written, name = (g[0], g[1]) if g[0] else (g[3], g[2])
        day, month = int(written), MONTHS[name.lower()]
    if not 1 <= day <= calendar.monthrange(2001, month)[1]:
        raise ValueError(f"{text!r} is no day of its month")
    return month, day


def stated_date_order(text: str) -> DateOrder:
    """The order a person states an archive writes dates in figures, as
    `SCRUTINY_DATE_ORDER` is written: "day" ("DD/MM/YYYY", "day first") or "month"
    ("MM/DD/YYYY", "month first"); ValueError otherwise."""
    words = text.strip().lower()
    if words in ("day", "day first", "dd/mm/yyyy", "dmy"):
        return "day"
    if words in ("month", "month first", "mm/dd/yyyy", "mdy"):
        return "month"
    raise ValueError(f"not a date order: {text!r} (write 'day' or 'month')")


def archive_date_order(
    stated: str | None,
    recorded: ArchiveOrder | None,
    read: Callable[[], DateOrder | None],
) -> DateOrder | None:
    """Which figure an archive's dates in figures give first, wherever it is asked (a
    build's publish, a server's version), as `archive_year_end` finds its year end: the
    order `stated` (`Settings.date_order`) wins, then the one a build `recorded`
    (`IndexInfo.date_order`), then the one its papers show (`read`, called only when
    neither is known). None: nothing says ("unsettled")."""
    if stated is not None:
        return stated_date_order(stated)
    if recorded is not None:
        return None if recorded == "unsettled" else recorded
    return read()
