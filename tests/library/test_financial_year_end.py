"""An archive's own financial year (eval/README.md, "The archive's own financial year,
round 31"): the year end is read once per index version from the passages that name it
("for the year ending 30 June 2019"), and a question's "2019-20", "FY2020" or "fiscal year
2019-20" is that archive's year. The seed archive names no year end: England's 1 April -
31 March. Real model, real FAISS, real SQLite; the June archive is the seed corpus with
two of its paragraphs beside it, their sentences written as an Australian council's papers
write them."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from indexer import cli as indexer_cli
from indexer.builder import Indexer
from indexer.dates import (
    YEAR_END,
    archive_year_end,
    most_named_year_end,
    stated_year_end,
    year_end_counts,
)
from indexer.embedding import Embedder
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir
from search_api.archive import Archive
from search_api.temporal import parse_question
from tests.answering.spans import days
from tests.conftest import CORPUS
from tests.indexes import as_published_before, beside_seeds

MINUTES = "001_3bf3cecc07ef430f.txt"
PLAN = "004_a3ad42d7930c8b10.txt"
JULY_TO_JUNE = (date(2019, 7, 1), date(2020, 6, 30))
APRIL_TO_MARCH = (date(2019, 4, 1), date(2020, 3, 31))


JUNE_PAPERS = (
    # (the seed it is an excerpt of, its paragraph, the seed's words, an Australian council's)
    (MINUTES, "46.1", "the position as at September 2018",
     "the position for the financial year 1 July 2018 to 30 June 2019"),
    (PLAN, "Update:", "the position at September 2022",
     "the position for the year ended 30 June 2022"),
)  # fmt: skip


@pytest.fixture(scope="module")
def june_archive(
    tmp_path_factory: pytest.TempPathFactory, seed_settings: Settings, embedder: Embedder
) -> Archive:
    """The seed archive with the minutes' finance report and the improvement plan's
    update beside it, each dated by a year that ends on 30 June, as Australian and New
    Zealand councils' papers say: the two paragraphs (excerpts of the seeds, under their
    meetings' manifest rows) added to a copy of the session's seed index, so only they
    are embedded. No seed names a year's end, so these two passages decide it."""
    root = tmp_path_factory.mktemp("june")
    papers = root / "papers"
    papers.mkdir()
    rows = {r.split(",", 1)[0]: r for r in (CORPUS / "manifest.csv").read_text().splitlines()}
    manifest = [rows["path"]]
    for name, start, old, new in JUNE_PAPERS:
        text = (CORPUS / name).read_text(encoding="utf-8")
        paragraph = text[text.index(start) :].split("\n\n")[0]
        assert old in paragraph
        excerpt = f"june-{name}"
        (papers / excerpt).write_text(paragraph.replace(old, new), encoding="utf-8")
        manifest.append(rows[name].replace(name, excerpt, 1))
    (papers / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    settings = beside_seeds(seed_settings, root / "index", papers)
    report = Indexer(settings, embedder).build()
    assert not report.failed and report.unchanged == 5 and len(report.added) == 2
    return Archive.open(settings, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "What was the non-DSG overspend in 2019-20?",
        "What was the non-DSG overspend in 2019/20?",
        "What was the non-DSG overspend in FY2020?",
        "What was the non-DSG overspend in FY20?",
        "What was the non-DSG overspend in FY 2019/20?",
        "What was the non-DSG overspend in fiscal year 2019-20?",
        "What was the non-DSG overspend in fiscal 2020?",
    ],
)
def test_a_july_to_june_archive_reads_its_financial_year_so(
    question: str, june_archive: Archive
) -> None:
    assert june_archive.snapshot.year_end == (6, 30)
    assert days(june_archive.reader().reads(question).span) == JULY_TO_JUNE


def test_the_seed_archive_names_no_year_end_and_keeps_april_to_march(
    seed_engine: Archive,
) -> None:
    assert seed_engine.snapshot.year_end == YEAR_END == (3, 31)
    for question in ("What was the overspend in 2019-20?", "What was the overspend in FY2020?"):
        assert days(seed_engine.reader().reads(question).span) == APRIL_TO_MARCH


def test_the_year_end_is_the_one_most_passages_name_each_once() -> None:
    minutes = (CORPUS / MINUTES).read_text(encoding="utf-8")
    passage = minutes.split("\n\n")[0]
    june = passage + " Accounts for the year ending 30 June 2019 and the year ended 30 June 2018."
    march = passage + " The budget for the year to 31st March 2020."
    assert year_end_counts([june, march, march]) == {(6, 30): 1, (3, 31): 2}
    assert most_named_year_end(year_end_counts([june, june, march])) == (6, 30)
    assert most_named_year_end(year_end_counts([passage])) == YEAR_END
    us = passage + " The City's fiscal year from 1 October 2018 to 30 September 2019."
    assert most_named_year_end(
        year_end_counts([us, "Revenues for the year ending September 30, 2019."])
    ) == (9, 30)


@pytest.mark.parametrize(
    ("sentence", "year_end"),
    [
        # A day in figures, as Australian papers write it (round 33).
        ("Audit of the 2018/19 Financial Statements (year end 30/06/2019).", (6, 30)),
        ("Financial statements for the year ended 30.6.19 were adopted.", (6, 30)),
        ("Accounts for the year ending 31/03/2020.", (3, 31)),
        # Month first only where day first cannot be read.
        ("Revenues for the year ending 09/30/2019.", (9, 30)),
    ],
)
def test_a_year_end_written_in_figures(sentence: str, year_end: tuple[int, int]) -> None:
    assert year_end_counts([sentence]) == {year_end: 1}


@pytest.mark.parametrize("sentence", ["The year ended 31/02/2019.", "The year ending 13/31/2019."])
def test_a_year_end_in_figures_that_is_no_day_is_not_read(sentence: str) -> None:
    assert year_end_counts([sentence]) == {}


@pytest.mark.parametrize(
    ("year_end", "question", "start", "end"),
    [
        # A one-year label is the year that ends in it, whatever the archive's year end.
        ((9, 30), "What did the board decide in FY2019?", date(2018, 10, 1), date(2019, 9, 30)),
        ((12, 31), "What did the board decide in FY2019?", date(2019, 1, 1), date(2019, 12, 31)),
        ((3, 31), "What did the board decide in FY2019?", date(2018, 4, 1), date(2019, 3, 31)),
        # A calendar-year archive has no year across two: "2019-20" is both years.
        ((12, 31), "What was spent in 2019-20?", date(2019, 1, 1), date(2020, 12, 31)),
        # A span that ends with a financial year reaches the half year its outcome is
        # reported in, counted from the archive's year end.
        ((6, 30), "What had the reserve reached by 2021-22?", None, date(2022, 12, 31)),
        ((3, 31), "What had the reserve reached by 2021-22?", None, date(2022, 9, 30)),
    ],
)  # fmt: skip
def test_financial_year_labels_read_over_the_archives_year_end(
    year_end: tuple[int, int], question: str, start: date | None, end: date
) -> None:
    assert days(parse_question(question, date(2025, 3, 31), year_end=year_end).span) == (start, end)


# Round 32 (eval/README.md, "A financial year's months, its passages' years and two-figure
# years, round 32"): the rest of the archive's year end.

BUDGET_MONTHS = "How did the 2019-20 budget change between the {} draft and the {} update?"


@pytest.mark.parametrize(
    ("first", "last", "start", "end"),
    [
        # Inside a July-June year: January-March are its second calendar year's.
        ("January", "March", date(2020, 1, 1), date(2020, 3, 31)),
        ("September", "March", date(2019, 9, 1), date(2020, 3, 31)),
        # The quarter before it starts is when its budget is set (`BUDGET_SET`).
        ("April", "June", date(2019, 4, 1), date(2019, 6, 30)),
    ],
)
def test_a_july_to_june_archive_places_a_years_months_in_its_course(
    first: str, last: str, start: date, end: date, june_archive: Archive
) -> None:
    assert days(june_archive.reader().reads(BUDGET_MONTHS.format(first, last)).span) == (start, end)


def test_an_april_to_march_archive_keeps_its_years_months_in_the_year_it_starts(
    seed_engine: Archive,
) -> None:
    """England's reading (round 28) is unchanged: January-March of the year it starts are
    its budget's setting, April-December inside it."""
    for first, last, start, end in (
        ("January", "March", date(2019, 1, 1), date(2019, 3, 31)),
        ("September", "March", date(2019, 3, 1), date(2019, 9, 30)),
    ):
        assert days(seed_engine.reader().reads(BUDGET_MONTHS.format(first, last)).span) == (
            start,
            end,
        )


@pytest.mark.parametrize(
    ("year_end", "month", "start", "end"),
    [
        # A US federal year (October 2018 - September 2019): its January is inside it.
        ((9, 30), "January", date(2019, 1, 1), date(2019, 1, 31)),
        # A calendar year: "FY2019"'s budget is set in October-December 2018.
        ((12, 31), "December", date(2018, 12, 1), date(2018, 12, 31)),
    ],
)
def test_a_years_month_over_other_year_ends(
    year_end: tuple[int, int], month: str, start: date, end: date
) -> None:
    question = f"How did the FY2019 budget change in the {month} update?"
    assert days(parse_question(question, date(2025, 3, 31), year_end=year_end).span) == (start, end)


def test_the_archives_year_end_travels_from_the_question_to_its_passages(
    june_archive: Archive, seed_engine: Archive
) -> None:
    """The answer reads a passage's "2019-20" by the year end its question was read by
    (`TemporalIntent.year_end`, `named_times`), never a second reading of its own."""
    from search_api.temporal import named_times

    question = "What was the non-DSG overspend in 2019-20?"
    assert june_archive.reader().reads(question).year_end == (6, 30)
    assert seed_engine.reader().reads(question).year_end == (3, 31)
    said = date(2020, 9, 1)
    assert named_times("the outturn for 2019-20", said, (6, 30)) == [JULY_TO_JUNE]
    assert named_times("the outturn for FY2020", said, (6, 30)) == [JULY_TO_JUNE]
    assert named_times("the outturn for 2019-20", said) == [APRIL_TO_MARCH]


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("What was agreed in FY99?", date(1998, 4, 1), date(1999, 3, 31)),
        ("What was agreed in FY 99/00?", date(1999, 4, 1), date(2000, 3, 31)),
        ("What was agreed in FY05?", date(2004, 4, 1), date(2005, 3, 31)),
        ("What was agreed in FY20?", date(2019, 4, 1), date(2020, 3, 31)),
    ],
)
def test_a_two_figure_fy_label_reads_its_century_as_a_file_name_does(
    question: str, start: date, end: date
) -> None:
    """ "FY99" is 1999's year, not 2099's: the one two-figure-year rule (`full_year`) a
    meeting file's "23.06.99" is read by too."""
    from indexer.ingest.metadata import date_in_name

    assert days(parse_question(question, date(2025, 3, 31)).span) == (start, end)
    assert date_in_name("council/CM 23.06.99.txt") == (date(1999, 6, 23), "day")
    assert date_in_name("council/CM 23.06.15.txt") == (date(2015, 6, 23), "day")


# Round 34 (eval/README.md, "Another council's year and its ranges, round 34"): a year's end
# read from more of what the papers say, recorded with the index, or stated.

SHIRE_MINUTES = """ORDINARY MEETING OF THE WARRUMBUNGLE SHIRE COUNCIL
10.2 QUARTERLY BUDGET REVIEW STATEMENT
The Quarterly Budget Review Statement for Q1 (July - September 2019) is presented.
That Council levy rates and charges for the period 1 July 2019 to 30 June 2020.
Quarter 3 (January–March 2020) capital works are 61% complete."""
"""An Australian shire council's minutes as converted text reads, written for these tests:
no sentence says "year ending", yet its quarters and its rating year name 30 June."""


@pytest.mark.parametrize(
    ("sentence", "year_end"),
    [
        # A period of one whole year, in words or in figures.
        ("Council levy rates and charges for the period 1 July 2019 to 30 June 2020.", (6, 30)),
        ("Rates levied for 01/07/2019 - 30/06/2020 are due.", (6, 30)),
        # Kent's own text (a cabinet decision, a social care report): April to March.
        ("a contract by way of Direct Award ... to cover 1 April 2023 to 31 March 2024, following",
         (3, 31)),
        ("transitioning into adulthood from 1st April 2025 to 31st March 2026 (c)", (3, 31)),
        # A numbered quarter and its months: where the year starts.
        ("The Quarterly Budget Review Statement for Q1 (July - September 2019).", (6, 30)),
        ("Quarter 3 (January–March 2020) capital works are 61% complete.", (6, 30)),
        ("the second quarter 2019/20 (October to December 2019)", (6, 30)),
        ("Q2 (Oct-Dec) rates income", (6, 30)),
        ("Quarter 1 (April to June) performance", (3, 31)),
        ("The city's first quarter (October-December) sales tax", (9, 30)),
    ],
)  # fmt: skip
def test_a_year_end_named_by_a_whole_year_or_a_quarter(
    sentence: str, year_end: tuple[int, int]
) -> None:
    assert year_end_counts([sentence]) == {year_end: 1}


@pytest.mark.parametrize(
    "sentence",
    [
        # Kent's treasury advisers count a calendar year's quarters: no year end.
        "“The third quarter of 2024 (July to September) saw: - GDP growth stagnating in July",
        # Periods that are no whole year (Kent's consultation and a 15-month contract).
        "the consultation ran from 17 October 2024 to 28 November 2024",
        "a contract from 1 January 2025 to 31 March 2026",
        "from 30 September 2024 to 31 March 2025",
        # Two months that are no quarter.
        "Q1 (July - December 2019)",
    ],
)
def test_what_names_no_year_end(sentence: str) -> None:
    assert year_end_counts([sentence]) == {}


def test_a_shires_minutes_name_30_june_without_saying_year_ending() -> None:
    assert year_end_counts([SHIRE_MINUTES]) == {(6, 30): 1}
    assert most_named_year_end(year_end_counts([SHIRE_MINUTES, SHIRE_MINUTES])) == (6, 30)


@pytest.mark.parametrize(
    ("written", "year_end"),
    [("30 June", (6, 30)), ("June 30", (6, 30)), ("30/06", (6, 30)), ("31st March", (3, 31)),
     ("30 September", (9, 30)), ("31 of December", (12, 31))],
)  # fmt: skip
def test_a_stated_year_end(written: str, year_end: tuple[int, int]) -> None:
    assert stated_year_end(written) == year_end
    assert Settings(year_end=written).year_end == written


@pytest.mark.parametrize("written", ["30 Juen", "31 June", "June", "13/13"])
def test_a_stated_year_end_that_names_no_day_is_refused_at_start_up(written: str) -> None:
    with pytest.raises(ValueError):
        stated_year_end(written)
    with pytest.raises(ValidationError):
        Settings(year_end=written)


def test_the_build_records_the_year_end_it_read(
    june_archive: Archive, seed_engine: Archive
) -> None:
    assert june_archive.snapshot.info.year_end == (6, 30)
    assert seed_engine.snapshot.info.year_end == YEAR_END


def test_a_stated_year_end_is_recorded_by_the_next_build_and_read_by_questions(
    seed_copy: Settings, embedder: Embedder
) -> None:
    """The seed papers never name a year's end; a council that states 30 June gets it with
    no passage re-read or re-embedded: the next build publishes it, and its questions'
    "2019-20" is July-June."""
    stated = seed_copy.model_copy(update={"year_end": "30 June"})
    report = Indexer(stated, embedder).build()
    assert report.version is not None and not report.changed and report.new_passages == 0
    archive = Archive.open(stated, embedder)
    assert archive.snapshot.info.year_end == (6, 30)
    assert days(archive.reader().reads("What was the overspend in 2019-20?").span) == JULY_TO_JUNE
    assert Indexer(stated, embedder).build().version is None  # recorded: nothing to publish


def test_index_stats_names_the_recorded_year_end(
    june_archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    assert indexer_cli.main(["stats", "--index", str(june_archive.settings.index_dir)]) == 0
    assert "year end   30 June" in capsys.readouterr().out.splitlines()


# Round 35 (eval/README.md, "The year end counted once per paper …, round 35"): each
# document's year ends counted once when it is stored, summed at publish; a stated year end
# wins wherever the year end is read.


def _summed_and_scanned(archive: Archive) -> tuple[Counter[tuple[int, int]], ...]:
    """The version's year-end counts summed from its documents', and read from every passage."""
    store = archive.snapshot.store
    totals = store.year_end_totals()
    assert totals is not None
    return totals, year_end_counts(store.texts())


def test_the_summed_counts_read_the_year_end_the_scan_reads(
    seed_engine: Archive, june_archive: Archive
) -> None:
    """No passage of either archive naming a year's end stands in two documents, so the
    documents' counts sum to the scan's, and name its year end."""
    for archive, year_end in ((seed_engine, YEAR_END), (june_archive, (6, 30))):
        totals, scanned = _summed_and_scanned(archive)
        assert totals == scanned
        assert most_named_year_end(totals) == most_named_year_end(scanned) == year_end


def test_a_documents_counts_come_and_go_with_it(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    """A shire's minutes name 30 June; a Kent contract paper then names 31 March as often
    (a tie: the earlier in the calendar, whatever order the papers were stored in); once
    the contract paper is gone, its count leaves with it. The seeds are never read again."""
    settings, folder = seed_beside
    (folder / "shire.txt").write_text(SHIRE_MINUTES, encoding="utf-8")
    contract = folder / "contract.txt"
    readings = []
    for change in (None, "write", "unlink"):
        if change == "write":
            contract.write_text(
                "CABINET DECISION\nThe Cabinet agreed a contract by way of Direct Award to "
                "cover 1 April 2023 to 31 March 2024, following the review.",
                encoding="utf-8",
            )
        elif change == "unlink":
            contract.unlink()
        report = Indexer(settings, embedder).build()
        assert report.version is not None and report.unchanged >= 5
        archive = Archive.open(settings, embedder)
        totals, scanned = _summed_and_scanned(archive)
        assert totals == scanned
        readings.append((dict(totals), archive.snapshot.info.year_end))
    assert readings == [
        ({(6, 30): 1}, (6, 30)),
        ({(6, 30): 1, (3, 31): 1}, (3, 31)),
        ({(6, 30): 1}, (6, 30)),
    ]


def _before_round_34(index_dir: Path) -> None:
    """Turn a copied index into one published before round 34 (no year end recorded)
    and round 35 (no counts stored with its documents), its digests kept valid."""
    version = IndexDir(index_dir).current()
    with sqlite3.connect(version / STORE_FILE) as connection:
        connection.execute("DROP TABLE year_end_counts")
    connection.close()
    as_published_before(version, "year_end")


def test_an_older_index_reads_its_passages_until_a_build_counts_its_documents(
    seed_beside: tuple[Settings, Path], embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    """A server over an index from before the counts reads the year end from its passages
    (31 March: the seeds name none); the next build counts its five documents once, from
    their passages, beside a shire's minutes that name 30 June; the build after counts no
    document again."""
    settings, folder = seed_beside
    _before_round_34(settings.index_dir)
    snapshot = Archive.open(settings, embedder).snapshot
    assert snapshot.store.year_end_totals() is None and snapshot.year_end == YEAR_END
    counted = []
    for name, works in (("shire", "61%"), ("later", "58%")):
        minutes = SHIRE_MINUTES.replace("61%", works)
        (folder / f"{name}.txt").write_text(minutes, encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="indexer.builder"):
            assert Indexer(settings, embedder).build().added == [name]
        counted.append([r.getMessage() for r in caplog.records if "counted" in r.getMessage()])
    assert counted == [["counted the year ends of 5 documents stored before they were kept"], []]
    archive = Archive.open(settings, embedder)
    assert archive.snapshot.info.year_end == (6, 30)
    totals, scanned = _summed_and_scanned(archive)
    assert totals == scanned == {(6, 30): 2}


@pytest.mark.parametrize("recorded", [True, False])
def test_a_stated_year_end_wins_over_the_recorded_one_and_the_papers(
    recorded: bool, seed_copy: Settings, embedder: Embedder
) -> None:
    """A server started with `SCRUTINY_YEAR_END` reads its questions by it before any build
    records it, over an index that recorded 31 March or one from before round 34."""
    if not recorded:
        _before_round_34(seed_copy.index_dir)
    stated = seed_copy.model_copy(update={"year_end": "30 June"})
    archive = Archive.open(stated, embedder)
    assert archive.snapshot.info.year_end == ((3, 31) if recorded else None)
    assert archive.snapshot.year_end == (6, 30)
    assert days(archive.reader().reads("What was the overspend in 2019-20?").span) == JULY_TO_JUNE


def test_the_year_end_is_stated_then_recorded_then_read() -> None:
    def unread() -> Counter[tuple[int, int]]:
        """What reading the papers would give: never called when stated or recorded."""
        raise AssertionError("read although stated or recorded")

    assert archive_year_end("30 June", (3, 31), unread) == (6, 30)
    assert archive_year_end(None, (9, 30), unread) == (9, 30)
    assert archive_year_end(None, None, lambda: Counter({(6, 30): 2, (3, 31): 1})) == (6, 30)
    assert archive_year_end(None, None, Counter) == YEAR_END
    # Named equally often: the earlier in the calendar, in whatever order they were counted.
    assert most_named_year_end(Counter({(6, 30): 1, (3, 31): 1})) == (3, 31)
    assert most_named_year_end(Counter({(3, 31): 1, (6, 30): 1})) == (3, 31)
