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

__all__ = ["MONTHS", "day_and_month"]

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
