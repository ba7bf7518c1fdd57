"""A briefing over many meetings keeps a timeline entry for each, where an answer on the
page stops at a handful: officers brief on years of a committee's work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.briefing import BriefingBuilder, BriefingRequest
from search_api.search import SearchRequest

YEARS = range(2011, 2023)  # twelve meetings, one a year: more than an answer tells
MINUTES = """Agenda and minutes

Children and Families Overview and Scrutiny Committee - Wednesday 15 March {year} 10.00 am

Foster Carer Recruitment

12.1     The committee reviewed the quince allowance for foster carers in {year}: the
allowance had supported {n} foster carers that year.

12.2     Members asked for a breakdown of library opening hours by district.
"""


def test_briefing_timeline_spans_every_meeting(tmp_path: Path, embedder: Embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, year in enumerate(YEARS):
        (corpus / f"minutes-{year}.txt").write_text(MINUTES.format(year=year, n=20 + 3 * i))
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    Indexer(settings, embedder).build()
    reader = Archive.open(settings, embedder).reader()
    timeline_limit, briefing_meetings = settings.timeline_limit, settings.briefing_meetings

    briefing = BriefingBuilder(reader).build(
        BriefingRequest("quince allowance for foster carers", generated_at=False)
    )
    dates = [m.meeting_date for m in briefing.timeline]
    assert len(dates) > timeline_limit and len(dates) <= briefing_meetings
    assert dates == sorted(d for d in dates if d)
    assert dates[0] == date(YEARS[0], 3, 15) and dates[-1] == date(YEARS[-1], 3, 15)

    answer = reader.ask(SearchRequest("How has the quince allowance changed over time?", k=8))
    assert 0 < len(answer.citations) <= timeline_limit  # the page's answer stays short
