"""A trend answer's room (`timeline_limit`, eval/README.md, Trend questions, round 12).

On the seed index, real model: a span of four meetings (2017-2022 Ofsted monitoring) fills
the room its leads leave with its meetings' next sentences (`_filled`). At the old room of
six the latest meeting, the July 2022 report, was told by two sentences on the journey to
"good"; at ten it also gives the one that states the inspection's finding, the end a
trend is read from.
"""

from __future__ import annotations

import dataclasses

from search_api.archive import Archive
from search_api.search import SearchRequest

OFSTED = "How has Ofsted's monitoring of children's services moved on since 2017?"
FINDING = "Ofsted also noted the significant progress"


def test_a_short_timeline_tells_its_end_meetings_more_fully(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    assert reader.settings.answers.timeline_limit == 10
    answer = reader.ask(SearchRequest(OFSTED, 10))
    assert not answer.abstained
    assert len(answer.citations) <= 10
    latest = max(c.citation.meeting_date for c in answer.citations if c.citation.meeting_date)
    told = [c.quote for c in answer.citations if c.citation.meeting_date == latest]
    assert any(FINDING in quote for quote in told), told

    # The old room: the same reader with six sentences (restored for the session's tests).
    builder = reader.answers
    kept = builder.tuning
    builder.tuning = dataclasses.replace(kept, timeline_limit=6)
    try:
        before = reader.ask(SearchRequest(OFSTED, 10))
    finally:
        builder.tuning = kept
    assert not any(FINDING in c.quote for c in before.citations)
