"""A trend whose ends are named by events ranks on what changed, not on the events
(`TemporalIntent.subject`; eval/README.md, "Trend ends on everyday wording, round 18").

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
