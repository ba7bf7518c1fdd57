"""Minutes filed with a later meeting's papers, whose title or opening line names their
meeting's day in figures or month first (round 50): `recorded_date` / `minutes_day` read
that day as `indexer.dates.recorded_day` reads it (in words either way round, in figures in
the archive's order), so a question asking who attended that day is answered from their
roll, and their quotes are cited on that day, lead line included. Real files built from the
probe texts (`tests/data/ingestion/foreign_filed/`, synthetic) with a manifest dating each
to the next meeting, the real reader, real indexes with the bundled model, asked as `/ask`
asks (`Reader.ask`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from indexer.dates import recorded_day
from search_api.search import SearchRequest
from search_api.sentences import candidates
from tests.answering.builders import hit

from .conftest import DATA, Build, CountTokens, ingest_one

FILED = DATA / "foreign_filed"


def _filed(name: str, filed: str, title: str) -> dict[str, str]:
    """The probe file `name` filed with the meeting of `filed` under `title` (a manifest
    row), as Kent files "Minutes of Previous Meeting"."""
    return {
        name: (FILED / name).read_text(encoding="utf-8"),
        "manifest.csv": f'path,meeting_date,doc_type,title\n{name},{filed},minutes,"{title}"\n',
    }


@pytest.mark.parametrize(
    ("text", "order", "day"),
    [
        ("Minutes of the meeting held on 9th January 2025", None, date(2025, 1, 9)),
        ("Printed minutes 13th-Feb-2025 09.30 County Council", None, date(2025, 2, 13)),
        ("Minutes of the Regular Meeting held on March 8, 2016", None, date(2016, 3, 8)),
        ("Minutes of the meeting held on 03/08/2016", "day", date(2016, 8, 3)),
        ("Minutes of the meeting held on 03/08/2016", "month", date(2016, 3, 8)),
        ("Minutes of the meeting held on 03/08/2016", None, None),  # either could be
        ("Minutes 25/03/2019", None, date(2019, 3, 25)),  # one reading only
        ("MINUTES 14.3.19", "day", date(2019, 3, 14)),
        ("CPP Minutes 10.12.24", "day", date(2024, 12, 10)),
        ("Minutes of Previous Meeting", "day", None),
        ("Minutes of the meeting held at 6.00pm", "day", None),
    ],
)
def test_a_minutes_title_names_its_day_however_the_council_writes_it(
    text: str, order: str | None, day: date | None
) -> None:
    assert recorded_day(text, order) == day  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "filed", "title", "question", "roll", "day"),
    [
        (
            "ie_town_2019-03-14.txt", "2019-04-11", "MINUTES 14.3.19",
            "Who attended the municipal district meeting on 14 March 2019?",
            "Cllr. P. Doyle (Cathaoirleach)", date(2019, 3, 14),
        ),
        (
            "us_city_2016-03-08.md", "2016-04-12",
            "Minutes of the Regular Meeting held on March 8, 2016",
            "Who was absent from the council meeting on 8 March 2016?",
            "Absent: Councilmember Feld", date(2016, 3, 8),
        ),
        (
            "au_2019-03-12.txt", "2019-04-09", "Minutes 12/03/2019",
            "Who gave apologies to the council meeting on 12 March 2019?",
            "APOLOGIES Cr M. Singh", date(2019, 3, 12),
        ),
        (
            "wales_2016-08-03.txt", "2016-09-14", "Minutes of the meeting held on 03/08/2016",
            "Who sent apologies to the council meeting on 3 August 2016?",
            "Cllr. T. Bevan and Cllr. W. Price", date(2016, 8, 3),
        ),
    ],
    ids=["ireland 14.3.19", "us month first", "australia 12/03/2019", "wales 03/08/2016"],
)  # fmt: skip
def test_who_attended_the_day_filed_minutes_record_in_figures_or_month_first(
    build: Build, name: str, filed: str, title: str, question: str, roll: str, day: date
) -> None:
    # On main each abstained: the title's day in figures or month first was not read
    # (`day_in_words`: day first, words only), so the minutes were of the filing meeting
    # and no meeting of the day asked was held (`ROLL_OF_THE_DAY`).
    files = _filed(name, filed, title)
    if name.startswith("wales"):  # the meeting they are filed with, its own minutes beside
        files["wales_2016-09-14.txt"] = (FILED / "wales_2016-09-14.txt").read_text("utf-8")
    archive = build(files)
    answer = archive.reader().ask(SearchRequest(question))
    assert not answer.abstained, question
    assert any(roll in c.quote for c in answer.citations), answer.text
    assert {c.citation.meeting_date for c in answer.citations} == {day}
    assert f"({day:%-d %B %Y})" in (answer.lead or ""), answer.lead
    assert all(c.citation.sources[0].meeting_date == date.fromisoformat(filed)
               for c in answer.citations)  # fmt: skip


def test_filed_minutes_are_cited_on_their_own_day_in_the_lead_line_too(build: Build) -> None:
    # Any question: a quote of the 8 March minutes (filed with 12 April's papers) is cited
    # on 8 March (`OWN_DAY_CITED`), its line and its lead alike. On main the citation kept
    # 12 April (the title's "March 8, 2016" unread); with the title read, a trend
    # question's lead line still said 12 April: what the timeline `told` was not redated.
    archive = build(
        _filed(
            "us_city_2016-03-08.md",
            "2016-04-12",
            "Minutes of the Regular Meeting held on March 8, 2016",
        )  # fmt: skip
    )
    answer = archive.reader().ask(SearchRequest("What water rate increase was recommended?"))
    assert not answer.abstained
    assert {c.citation.meeting_date for c in answer.citations} == {date(2016, 3, 8)}
    assert "(8 March 2016)" in (answer.lead or "") and "12 April" not in answer.text, answer.text


def test_an_unfiled_minutes_day_in_figures_is_unchanged(build: Build) -> None:
    # The control: with no manifest the minutes are dated by their own heading, as before.
    name = "au_2019-03-12.txt"
    archive = build({name: (FILED / name).read_text(encoding="utf-8")})
    answer = archive.reader().ask(
        SearchRequest("Who gave apologies to the council meeting on 12 March 2019?")
    )
    assert not answer.abstained
    assert {c.citation.meeting_date for c in answer.citations} == {date(2019, 3, 12)}


def test_an_attendance_label_closing_a_passage_opens_the_next_with_its_list(
    count_tokens: CountTokens, tmp_path: Path
) -> None:
    # The Welsh heading block, opening line and "PRESENT:" filled one passage and the
    # "Cllr." names opened the next without their label (`LABEL_WITH_LIST`): neither read
    # as a roll. Now the label opens the list's passage.
    parsed = ingest_one(FILED / "wales_2016-08-03.txt", tmp_path, count_tokens)
    texts = [c.text for c in parsed.chunks]
    assert not any(t.rstrip().endswith("PRESENT:") for t in texts), texts
    (listed,) = [t for t in texts if "Cllr. G. Hughes (Mayor)" in t]
    assert listed.startswith("PRESENT:\nCllr. G. Hughes (Mayor)"), listed
    assert next(c for c in candidates([hit(1, date(2016, 8, 3), listed)], rolls=True)).roll


def test_who_was_present_at_the_welsh_meeting_reads_its_list(build: Build) -> None:
    files = {n: (FILED / n).read_text("utf-8") for n in ("wales_2016-08-03.txt",
                                                         "wales_2016-09-14.txt")}  # fmt: skip
    answer = (
        build(files)
        .reader()
        .ask(SearchRequest("Who was present at the council meeting on 3 August 2016?"))
    )
    assert not answer.abstained
    assert any("Cllr. G. Hughes (Mayor)" in c.quote for c in answer.citations), answer.text
    assert {c.citation.meeting_date for c in answer.citations} == {date(2016, 8, 3)}


@pytest.mark.parametrize(
    ("name", "question", "mover"),
    [
        ("wales_2016-08-03.txt", "Who moved the car parking motion?", "Moved Cllr. Lloyd"),
        (
            "au_2019-03-12.txt",
            "Who moved the roadside vegetation management plan resolution?",
            "Moved Cr Nguyen",
        ),
    ],
)
def test_a_mover_line_of_names_and_labels_answers_who_moved(
    build: Build, name: str, question: str, mover: str
) -> None:
    # "Moved Cllr. Lloyd / Seconded Cllr. Rees." is names and labels only: no sentence
    # (`is_stray`), so on main the answer quoted the report and "Carried." (`MOVER_LINES`).
    answer = build({name: (FILED / name).read_text("utf-8")}).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert any(mover in c.quote for c in answer.citations), answer.text
    assert mover in (answer.lead or ""), answer.lead
