"""A trend whose ends are named by events ranks on what changed, not on the events
(`TemporalIntent.subject`; eval/README.md, "Trend ends on everyday wording, round 18"); a
follow-up clause asking whether it changed is no part of what is searched
(`TemporalIntent.tracked`; eval/README.md, round 33, r33-trend).

"Between the first monitoring visit and the latest inspection report" says when; as topic
words it filled the seeds' top 10 with the inspection process (the ILACS cycle, the visit
dates) and left out the 2022 report's count of children in care (checked on 653a14f).
"""

from __future__ import annotations

from search_api.archive import Archive
from search_api.search import SearchRequest

QUESTION = (
    "How did the number of children in care change between the first monitoring visit and "
    "the latest inspection report?"
)


def test_a_trend_named_by_events_finds_what_changed(seed_engine: Archive) -> None:
    result = seed_engine.reader().ranked(SearchRequest(QUESTION, 10))
    texts = [h.text for h in result.hits]
    assert any("numbers in care rising to the mid-870s" in t for t in texts), texts
    assert result.intent.subject == "How did the number of children in care change?"


def test_a_follow_up_clause_of_change_does_not_move_the_ranking(seed_engine: Archive) -> None:
    """Two follow-ups asking the same thing in other words rank alike: "did that change
    from the draft plan" and "has that figure changed" are the question's frame. On main
    their words reached BM25 and the end meetings' picker (7 of 10 passages shared)."""
    reader = seed_engine.reader()
    asked = "How much did the council spend on agency social workers"
    first = reader.ranked(SearchRequest(f"{asked}, and did that change from the draft plan?", 10))
    second = reader.ranked(SearchRequest(f"{asked}, and has that figure changed?", 10))
    assert first.intent.tracked == second.intent.tracked == f"{asked}?"
    assert [h.passage_id for h in first.hits] == [h.passage_id for h in second.hits]
