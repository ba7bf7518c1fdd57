"""Another council's dates across its archive (round 48): the order its papers write a date in
figures, settled from the file set and recorded by the build as the year end is; a question's
"3.12.2019" read in that order; a council that writes its meetings' dates in figures only
dated to the day where a figure over 12 in any of its papers, or a stated order, settles it;
and eleven years of its minutes filtered by a question's years. Real files built from the
probe texts (`tests/data/ingestion/foreign/`, synthetic, see its README), the real reader,
real indexes with the bundled model."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from indexer.builder import Indexer
from indexer.dates import archive_date_order, day_and_month, stated_date_order
from indexer.embedding import Embedder
from indexer.ingest.metadata import settle_date, texts_date_order, unsure_note
from indexer.models import DocumentMeta, SearchFilters
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir
from indexer.store import PassageStore
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.temporal import parse_question
from tests.indexes import as_published_before

from .conftest import DATA, Build

FOREIGN = DATA / "foreign"
CANADA = (FOREIGN / "ca_city_council_2020-11-17.md").read_text()
YEARS = range(2014, 2025)
"""Eleven years of minutes, as the hidden archive holds."""
_NAMED = re.compile(
    r"(?i)\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+,?\s+"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},?\s+)(?:19|20)\d\d\b"
)
"""A date with its month's name, as the probe files write them."""


def _canada(meeting: date, month_first: bool) -> str:
    """The Canadian probe as a council that writes every date in figures: its meeting's, the
    previous meeting's and a consultation's, in its order; no date in words, no weekday."""
    written = (lambda d: f"{d:%m/%d/%Y}") if month_first else (lambda d: f"{d:%d/%m/%Y}")
    text = CANADA.replace("Tuesday, November 17, 2020", written(meeting))
    text = text.replace("November 17, 2020", written(meeting))
    text = text.replace("November 3, 2020", written(meeting.replace(month=10, day=6)))
    text = text.replace("December 8, 2020", written(meeting.replace(month=12, day=8)))
    assert not _NAMED.search(text)
    return text


def _meeting(year: int) -> date:
    """A day of November either figure could be the month of ("11/04/2017")."""
    return date(year, 11, 3 + year % 7)


def _eleven_years(month_first: bool, settled_by: int | None) -> dict[str, str]:
    """Eleven years of the figures-only council, each meeting's file named by number; in
    `settled_by` the meeting falls on the 17th, a figure that cannot be a month."""
    return {
        f"{number:04d}.md": _canada(
            date(year, 11, 17) if year == settled_by else _meeting(year), month_first
        )
        for number, year in enumerate(YEARS, 1021)
    }


def _dates(archive: Archive) -> dict[str, tuple[date | None, str | None, str | None]]:
    documents = archive.snapshot.store.stored_documents().values()
    return {
        d.meta.path: (d.meta.meeting_date, d.meta.date_precision, d.meta.notes) for d in documents
    }


@pytest.mark.parametrize("month_first", [True, False], ids=["month first", "day first"])
def test_a_figure_over_12_in_one_paper_dates_the_councils_other_meetings_to_the_day(
    build: Build, month_first: bool
) -> None:
    # (c), and (d): the Canadian council writing dates in figures only (its "Councillor"
    # tells nothing) was dated by year in every file but 2020's; "11/17/2020" (or
    # "17/11/2020") settles the order of the ten others. On main: ten years only.
    archive = build(_eleven_years(month_first, settled_by=2020))
    order = "month" if month_first else "day"
    assert archive.snapshot.info.date_order == order
    for number, year in enumerate(YEARS, 1021):
        meeting = date(2020, 11, 17) if year == 2020 else _meeting(year)
        day, precision, notes = _dates(archive)[f"{number:04d}.md"]
        assert (day, precision) == (meeting, "day"), year
        if year != 2020:
            assert notes is not None and f"read {order} first" in notes
    # A question's figures are read as the archive writes them.
    reader = archive.reader()
    written = "11/04/2017" if month_first else "04/11/2017"
    span = reader.reads(f"What did the council decide on {written}?").span
    assert span is not None and (span.start, span.end) == (date(2017, 11, 4), date(2017, 11, 4))


def test_a_council_with_nothing_to_settle_its_order_is_dated_by_year_until_it_is_stated(
    build: Build, tmp_path: Path, embedder: Embedder
) -> None:
    files = _eleven_years(month_first=True, settled_by=None)
    archive = build(files)
    assert archive.snapshot.info.date_order == "unsettled"
    for number, year in enumerate(YEARS, 1021):
        day, precision, notes = _dates(archive)[f"{number:04d}.md"]
        assert (day, precision) == (date(year, 1, 1), "year")
        assert notes == unsure_note(f"{_meeting(year):%m/%d/%Y}")
    # A question's figures stay day first where nothing says.
    span = archive.reader().reads("What did the council decide on 11/04/2017?").span
    assert span is not None and span.start == date(2017, 4, 11)
    # The order stated: the same index published again, every meeting dated to the day
    # (nothing re-read or re-embedded), and a question's figures read month first.
    config = archive.settings.model_copy(update={"date_order": "month"})
    report = Indexer(config, embedder).build()
    assert not report.added and not report.updated and not report.new_passages
    stated = Archive.open(config, embedder)
    assert stated.snapshot.info.date_order == "month"
    for number, year in enumerate(YEARS, 1021):
        assert _dates(stated)[f"{number:04d}.md"][:2] == (_meeting(year), "day")
    span = stated.reader().reads("What did the council decide on 11/04/2017?").span
    assert span is not None and span.start == date(2017, 11, 4)


def test_a_question_in_a_us_archive_names_the_day_its_meetings_headings_do(
    build: Build,
) -> None:
    # (b): Maple Grove met on "03/08/2016" (8 March); on main a question's "03/08/2016"
    # was 3 August, another day than the meeting's.
    archive = build({p.name: p.read_text() for p in FOREIGN.glob("us_*")})
    assert archive.snapshot.info.date_order == "month"
    reader = archive.reader()
    for question, day in [
        ("What was decided at the meeting of 03/08/2016?", date(2016, 3, 8)),
        ("Who voted at the council meeting on 4.5.2022?", date(2022, 4, 5)),
        ("What happened on 03/25/2016?", date(2016, 3, 25)),  # one reading either way
    ]:
        span = reader.reads(question).span
        assert span is not None and (span.start, span.end) == (day, day), question
        found = reader.ranked(SearchRequest(question, filters=SearchFilters(date_from=day)))
        assert found.hits
    # An Australian archive keeps day first: "12/03/2019" is 12 March.
    au = build({p.name: p.read_text() for p in FOREIGN.glob("au_*")})
    assert au.snapshot.info.date_order == "day"
    span = au.reader().reads("What did the council resolve on 12/03/2019?").span
    assert span is not None and span.start == date(2019, 3, 12)


def _shifted(path: Path, year: int) -> tuple[str, str]:
    """A probe file moved to `year`: its name's and text's years moved by as many years."""
    was = int(re.search(r"_(\d{4})-", path.name)[1])  # type: ignore[index]
    text = re.sub(
        r"\b(?:19|20)\d\d\b",
        lambda m: str(int(m[0]) + year - was) if abs(int(m[0]) - was) <= 3 else m[0],
        path.read_text(),
    )
    return re.sub(r"_\d{4}-", f"_{year}-", path.name), text


def test_eleven_years_of_minutes_are_filtered_and_ordered_by_a_questions_years(
    build: Build,
) -> None:
    # (e): the eight probe files renamed across 2014-2024, one meeting a year. Every file
    # is dated to its day; a question spanning years reads the years it names, and its
    # date filter admits every meeting of them and none outside.
    probes = sorted(FOREIGN.glob("*_*.*"))
    files = dict(_shifted(probes[i % len(probes)], year) for i, year in enumerate(YEARS))
    archive = build(files)
    dated = sorted(
        (meeting, precision)
        for meeting, precision, _ in _dates(archive).values()
        if meeting is not None
    )
    assert [d.year for d, _ in dated] == list(YEARS)
    assert {p for _, p in dated} == {"day"}
    reader = archive.reader()
    latest = dated[-1][0]
    assert reader.latest_date() == latest
    for question, start, end in [
        ("How has the budget changed since 2015?", date(2015, 1, 1), latest),
        ("How did rates change between 2016 and 2023?", date(2016, 1, 1), date(2023, 12, 31)),
        ("How has spending changed over the last decade?", latest.replace(year=2014), latest),
        ("What did the council decide in 2016-2023?", date(2016, 1, 1), date(2023, 12, 31)),
    ]:
        intent = reader.reads(question)
        assert intent.trend and intent.span is not None, question
        assert (intent.span.start, intent.span.end) == (start, end), question
        within = [d for d, _ in dated if start <= d <= end]
        found = reader.ranked(
            SearchRequest(question, k=50, filters=SearchFilters(date_from=start, date_to=end))
        )
        cited = {s.meeting_date for h in found.hits for s in h.citation.sources}
        assert found.hits and all(
            any(s.meeting_date and start <= s.meeting_date <= end for s in h.citation.sources)
            for h in found.hits
        ), question
        assert cited & set(within), question


@pytest.mark.parametrize(
    ("first", "second", "order", "expected"),
    [
        (3, 12, None, (3, 12)),
        (3, 12, "day", (3, 12)),
        (3, 12, "month", (12, 3)),
        (3, 25, None, (25, 3)),  # one reading, whatever the order
        (25, 3, "month", (25, 3)),
        (13, 14, "month", None),
    ],
)
def test_a_question_reads_figures_in_the_archives_order(
    first: int, second: int, order: str | None, expected: tuple[int, int] | None
) -> None:
    assert day_and_month(first, second, order) == expected  # type: ignore[arg-type]
    if expected is not None:
        day, month = expected
        span = parse_question(f"What happened on {first}.{second}.2019?", order=order)  # type: ignore[arg-type]
        assert span.span is not None and span.span.start == date(2019, month, day)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["held 03/12/2019", "held 11/17/2020"], "month"),
        (["held 03/12/2019", "held 17/11/2020"], "day"),
        (["12 March 2019", "9 April 2019", "see 03/25/2019"], "day"),  # more of day first
        (["held 03/12/2019", "held 04/05/2019"], None),
        (["Councilmember Reyes moved", "held 03/12/2019"], "month"),
        (["Councillor Arsenault moved", "held 03/12/2019"], None),
    ],
)
def test_an_archives_order_comes_from_all_its_papers_dates(
    texts: list[str], expected: str | None
) -> None:
    assert texts_date_order(lambda: texts) == expected


def test_a_stated_order_wins_then_the_recorded_then_the_papers() -> None:
    never: Callable[[], None] = lambda: pytest.fail("read")  # noqa: E731
    assert archive_date_order("month first", "day", never) == "month"
    assert archive_date_order(None, "day", never) == "day"
    assert archive_date_order(None, "unsettled", never) is None
    assert archive_date_order(None, None, lambda: "month") == "month"
    assert stated_date_order("DD/MM/YYYY") == "day"
    with pytest.raises(ValueError, match="not a date order"):
        stated_date_order("sideways")
    with pytest.raises(ValidationError):
        Settings(date_order="sideways")


def test_only_a_date_the_note_gives_is_settled() -> None:
    noted = DocumentMeta(
        document_id="d", path="OC_03122019_MIN.pdf", meeting_date=date(2019, 1, 1),
        date_precision="year", date_approximate=True, notes=unsure_note("03122019"),
    )  # fmt: skip
    settled = settle_date(noted, "month")
    assert settled is not None
    assert (settled.meeting_date, settled.date_precision, settled.date_approximate) == (
        date(2019, 3, 12),
        "day",
        False,
    )
    assert settle_date(settled, "month") is None  # settled once
    back = settle_date(settled, None)  # the archive no longer says: its year again
    assert back is not None and (back.meeting_date, back.notes) == (date(2019, 1, 1), noted.notes)
    # A date a manifest row gave over the file's note is the manifest's.
    manifest = noted.model_copy(update={"meeting_date": date(2019, 6, 4), "date_precision": "day"})
    assert settle_date(manifest, "month") is None


def test_an_index_built_before_the_order_was_recorded_is_dated_by_the_next_build(
    build: Build, embedder: Embedder
) -> None:
    # An index of the figures-only council published before round 48: its meetings dated
    # by year, no order recorded. A question reads the order from its passages; the next
    # build, with no file changed, dates its meetings to the day (nothing re-embedded).
    archive = build(_eleven_years(month_first=True, settled_by=2020))
    config = archive.settings
    version = IndexDir(config.index_dir).current()
    store = PassageStore(version / STORE_FILE)
    for document in store.stored_documents().values():
        if (older := settle_date(document.meta, None)) is not None:
            store.redate(older)
    store.close()
    as_published_before(version, "date_order")
    older = Archive.open(config, embedder)
    assert _dates(older)["1024.md"][:2] == (date(2017, 1, 1), "year")
    span = older.reader().reads("What did the council decide on 11/04/2017?").span
    assert span is not None and span.start == date(2017, 11, 4)
    report = Indexer(config, embedder).build()
    assert not report.added and not report.updated and not report.new_passages
    rebuilt = Archive.open(config, embedder)
    assert rebuilt.snapshot.info.date_order == "month"
    assert _dates(rebuilt)["1024.md"][:2] == (date(2017, 11, 4), "day")
