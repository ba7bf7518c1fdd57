"""A date in figures is read once, by `indexer.dates`: the meeting a heading dates
"05/03/2019" is the day a question's "5.3.2019" names (issue #13, round 31), in an archive
that writes its dates day first (round 46: a file's order is read from the file,
`indexer.ingest.metadata.date_order`)."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.dates import day_and_month, day_in_words
from indexer.ingest.cleaning import clean
from indexer.ingest.metadata import date_in_name, from_text
from indexer.ingest.readers import RawDocument
from search_api.temporal import parse_question


def _heading_date(written: str) -> date | None:
    # "Cr Smith": a council that writes its dates day first, as a question's are read.
    text = (
        f"Minutes of the Ordinary Council Meeting held on {written}\n\n1. APOLOGIES\n\nCr Smith.\n"
    )
    raw = RawDocument(format="text", pages=[text], paged=False)
    return from_text(raw, clean(raw)).meeting_date


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [(5, 3, (5, 3)), (3, 25, (25, 3)), (12, 12, (12, 12)), (25, 25, None), (5, 0, None),
     (0, 5, (0, 5)), (31, 2, (31, 2))],
)  # fmt: skip
def test_the_day_is_the_first_figure_unless_only_the_second_can_be(
    first: int, second: int, expected: tuple[int, int] | None
) -> None:
    # Whether a day is in its month ("31/02") is each side's question, not the reader's.
    assert day_and_month(first, second) == expected


def test_a_heading_a_file_name_and_a_question_read_a_date_in_figures_alike() -> None:
    # Every pair of one- or two-figure numbers: where the heading dates a meeting, the
    # question names that day, and the file name the same; where the figures are no
    # order of day and month, none of the three reads a date.
    for first in range(0, 33):
        for second in range(0, 33):
            written = f"{first:02d}/{second:02d}/2019"
            meeting = _heading_date(written)
            named = date_in_name(f"minutes {first:02d}.{second:02d}.2019.txt", "day")
            span = parse_question(f"What did the council decide on {first}.{second}.2019?").span
            if meeting is not None:
                assert named == (meeting, "day"), written
                assert span is not None and span.start == span.end == meeting, written
            elif day_and_month(first, second) is None:
                assert named is None, written
                assert span is None or (span.start, span.end) == (
                    date(2019, 1, 1),
                    date(2019, 12, 31),
                ), written
            else:
                # A day its month does not have: no meeting date, the question's month.
                assert named is None, written
                day, month = day_and_month(first, second) or (0, 0)
                assert span is not None and span.start == date(2019, month, 1), written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, 15th Jan, 2026 10.00 am", date(2026, 1, 15)),  # a ModernGov meeting page
        ("Minutes of the meeting held on 9th January 2025", date(2025, 1, 9)),
        ("Printed minutes 30th-Jan-2025 10.00 Cabinet", date(2025, 1, 30)),
        ("19 December 2024 - County Council minutes", date(2024, 12, 19)),
        ("31 February 2025, then 3 March 2025", date(2025, 3, 3)),  # no such day: the next
        ("v1.15 January 2026", None),  # a version number, not a day
        ("Budget 2025-26", None),
    ],
)
def test_a_day_in_words_is_read_once_for_pages_and_minutes_titles(
    text: str, expected: date | None
) -> None:
    """`day_in_words` reads a ModernGov page's meeting and the day a set of minutes' title
    names (`search_api.answering.recorded_date`): one reading, written once (round 45)."""
    assert day_in_words(text) == expected
