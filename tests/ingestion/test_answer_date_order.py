"""Another council's dates on the answer side (round 49): the answer reads a passage's day in
figures in the archive's order, as its question is read (`Snapshot.date_order` carried by
`TemporalIntent.date_order` to `named_times`); and a passage printed word for word by
several meetings is cited at a meeting inside the asked time, not at its earliest when a
date filter or the question's span admitted it through a later one. Real files built from
the probe texts (`tests/data/ingestion/foreign/`, synthetic), the real reader, real indexes
with the bundled model, asked as `/ask` asks (`Reader.ask`)."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import SearchFilters
from search_api.search import SearchRequest
from search_api.temporal import named_times

from .conftest import Build
from .test_archive_date_order import FOREIGN, YEARS, _eleven_years, _meeting

MAPLE_GROVE = (FOREIGN / "us_city_council_2016-03-08.md").read_text()
"""A US city's minutes of 8 March 2016: its police staffing report asks for a recruitment
plan by June."""
RECRUITMENT = "Recruitment of new officers opened on 04/02/2016."
"""A stage after the March meeting when read month first (2 April), a recap of a time before
it when read day first (4 February)."""
UNCHANGED = "Chief Dana Miller said the police department staffing position remains unchanged."


def _june(update: str) -> str:
    """The city's next meeting, 14 June 2016, as its March minutes are written, with a
    police recruitment update."""
    return f"""# **CITY OF MAPLE GROVE**

## **MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL**

**June 14, 2016**

**1. CALL TO ORDER**

Mayor Johnson called the meeting to order at 7:00 p.m. in the Council Chambers.

**2. ROLL CALL**

**Present:** Mayor Johnson, Councilmembers Garcia, Lee, Patel and Whitfield.

**6. NEW BUSINESS**

***6.1 Police Department recruitment update***

{update}

**7. ADJOURNMENT**

There being no further business, the meeting was adjourned at 8:15 p.m.
"""


@pytest.mark.parametrize(
    ("stated", "ends_with"),
    [(None, RECRUITMENT), ("day", UNCHANGED)],
    ids=["as the papers write (month first)", "stated day first"],
)
def test_a_timelines_last_meeting_reads_its_day_in_figures_in_the_archives_order(
    build: Build, stated: str | None, ends_with: str
) -> None:
    # (a): the June minutes' "04/02/2016" is 2 April in this US archive, a stage after the
    # March meeting, so it tells where the course ended and states the timeline's end
    # (`answering._tells`). On main it was read day first, 4 February, a recap of a time
    # before March, and the end was stated by a sentence that tells nothing.
    files = {
        "us_city_council_2016-03-08.md": MAPLE_GROVE,
        "us_city_council_2016-06-14.md": _june(f"{RECRUITMENT} {UNCHANGED}"),
    }
    archive = build(files, **({"date_order": stated} if stated else {}))
    assert archive.snapshot.date_order == (stated or "month")
    question = "How has police department staffing changed in 2016?"
    answer = archive.reader().ask(SearchRequest(question))
    assert not answer.abstained and answer.lead
    first, last = answer.lead.split(" → ")
    assert "42 sworn officers" in first and "(8 March 2016)" in first, answer.lead
    assert last.startswith(ends_with.rstrip(".")) and last.endswith("(14 June 2016)."), answer.lead


@pytest.mark.parametrize(
    ("order", "named"),
    [("month", date(2016, 4, 2)), ("day", date(2016, 2, 4)), (None, date(2016, 2, 4))],
)
def test_a_sentences_day_in_figures_is_read_in_the_order_given(
    order: str | None, named: date
) -> None:
    times = named_times(RECRUITMENT, date(2016, 6, 14), order=order)  # type: ignore[arg-type]
    assert times == [(named, named)]


def test_a_passage_printed_by_every_meeting_is_cited_at_one_inside_the_asked_time(
    build: Build,
) -> None:
    # (b): eleven years of the figures-only council print its snow clearing report word
    # for word, stored once with eleven sources. Asked within 2019 (a filter or the
    # question's year) or over 2018-2022, it was cited at 2014's meeting on main, outside
    # what was asked; now at the first of its meetings inside.
    archive = build(_eleven_years(month_first=True, settled_by=2020))
    reader = archive.reader()
    snow = "The Director of Public Works reported that the 2019-2020 winter cost $3.2 million"
    in_2019 = SearchFilters(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31))
    for question, filters, first, last in [
        ("How much did the winter snow clearing cost?", in_2019, 2019, 2019),
        ("How much did the winter snow clearing cost in 2019?", SearchFilters(), 2019, 2019),
        (
            "Has the cost of snow clearing changed between 2018 and 2022?",
            SearchFilters(),
            2018,
            2022,
        ),
    ]:
        request = SearchRequest(question, filters=filters)
        answer = reader.ask(request)
        assert not answer.abstained, question
        quoted = [c for c in answer.citations if c.quote.startswith(snow)]
        assert quoted, answer.text
        for c in quoted:
            assert len(c.citation.sources) == len(YEARS)  # stored once, every meeting
            assert c.citation.meeting_date == _meeting(first), question
            assert c.citation.sources[0].meeting_date == _meeting(first)
        assert f"({_meeting(first):%-d %B %Y})" in answer.text, answer.text
        shown = reader.search(request).hits
        assert shown and all(
            h.citation.meeting_date is not None and first <= h.citation.meeting_date.year <= last
            for h in shown
            if len(h.citation.sources) > 1
        ), question
    # Asked with no time, it is cited at its earliest meeting, as before.
    answer = reader.ask(SearchRequest("How much did the winter snow clearing cost?"))
    assert {c.citation.meeting_date for c in answer.citations if c.quote.startswith(snow)} == {
        _meeting(YEARS[0])
    }
