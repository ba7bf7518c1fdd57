"""The days a question's date words are read as, for the date tests' tables."""

from __future__ import annotations

from datetime import date

from indexer.dates import YEAR_END
from search_api.temporal import parse_question


def span_days(
    question: str,
    latest: date | None = None,
    months_to: date | None = None,
    year_end: tuple[int, int] = YEAR_END,
) -> tuple[date | None, date | None] | None:
    """The first and last day of the span `parse_question` reads in `question` (None for
    an open end), or None when it reads no span: one comparison in each table's test."""
    span = parse_question(question, latest, months_to, year_end).span
    return None if span is None else (span.start, span.end)
