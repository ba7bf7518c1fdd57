"""The days a question's date words are read as, for the date tests' tables."""

from __future__ import annotations

from datetime import date

from search_api.temporal import DateSpan


def days(span: DateSpan | None) -> tuple[date | None, date | None] | None:
    """A span read from a question (`parse_question`, `Reader.reads`) as its first and
    last day (None for an open end), or None when no span was read: one comparison in
    each table's test, which fails on a missing span as on a wrong one."""
    return None if span is None else (span.start, span.end)
