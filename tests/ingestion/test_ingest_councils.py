"""Full-council minutes of other countries' councils, as their converters give them
(`tests/data/ingestion/councils/`, see its README): no manifest, so the meeting date,
the body and the document type come from the text, and the agenda items from its
headings. Each defect found on these files has its own test."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from indexer.ingest import discover, ingest_file
from indexer.ingest.cleaning import clean
from indexer.ingest.metadata import from_text
from indexer.ingest.readers import RawDocument
from indexer.models import ParsedDocument

from .conftest import DATA, CountTokens

COUNCILS = DATA / "councils"


@pytest.fixture(scope="module")
def councils(
    count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ParsedDocument]:
    folder: Path = tmp_path_factory.mktemp("councils")
    for path in COUNCILS.iterdir():
        if path.suffix in (".txt", ".md") and path.name != "README.md":
            shutil.copy(path, folder / path.name)
    return {s.path.name[:2]: ingest_file(s, count_tokens) for s in discover(folder)}


@pytest.mark.parametrize(
    ("key", "meeting", "committee", "council"),
    [
        ("au", date(2017, 3, 14), "Council", "Murrindale Shire Council"),
        ("ie", date(2015, 6, 12), "County Council", "Kilbracken County Council"),
        ("us", date(2017, 3, 14), "City Council", "Maple Falls City Council"),
        ("sc", date(2019, 5, 9), "Council", "Highland Glens Council"),
        ("nz", date(2021, 2, 24), "District Council", "Wairangi District Council"),
    ],
)
def test_meeting_date_body_and_type_come_from_the_minutes_heading(
    councils: dict[str, ParsedDocument], key: str, meeting: date, committee: str, council: str
) -> None:
    # "held on Tuesday, 14 March 2017", "12th DAY OF JUNE 2015", "March 14, 2017": the
    # heading's date, not the confirmed previous minutes' (14 February 2017, 16 December 2020).
    meta = councils[key].meta
    assert meta.meeting_date == meeting
    assert meta.date_precision == "day"
    assert meta.committee == committee
    assert meta.council == council
    assert meta.doc_type == "minutes"


def test_the_date_of_the_previous_minutes_is_never_the_meeting_date() -> None:
    text = (
        "CONFIRMATION OF MINUTES\n\n"
        "That the minutes of the Ordinary Meeting of Council held on Tuesday, 14 February 2017"
        " be confirmed as a true and correct record.\n\nCARRIED\n"
    )
    raw = RawDocument(format="text", pages=[text], paged=False)
    meta = from_text(raw, clean(raw))
    assert meta.meeting_date is None
