"""Round 39 (issue #13 §3): a trend timeline's window passage gives its second guarded
sentence too when it scores within `SECOND_MARGIN` of its first (`answering.BESIDE_SECOND`),
as a timeline meeting gives its second sentence. A passage of recommendations states the
asked figure in its second-best line: k4-014's February end ("(c) The net revenue budget
requirement of £1,530.9m") stood after "(a) The 10-year Capital programme …", which took
the passage's one place. Fast: no index; Kent County Council's full council covering
report of 13 February 2025 (the 2025-26 budget's recommendations (a)-(d))."""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering
from search_api.answering import SECOND_MARGIN, Neighbour
from search_api.sentences import aspects_of, candidates, score_candidates
from tests.answering.builders import answering_builder, hit

QUESTION = (
    "How did the 2025-26 net revenue budget change between the draft Cabinet saw in January "
    "and what Council approved in February?"
)
# Kent, full council 13 February 2025, covering report on the 2025-26 budget: recommendations.
RECOMMENDATIONS = (
    "(a) The 10-year Capital programme and investment proposals of £1,419m over the years "
    "from 2025-26 to 2034-35 together with the necessary funding and subject to approval to "
    "spend arrangements. (b) The directorate capital programmes as set out in appendices A & "
    "B of the final draft budget report published on 5th February 2025. 2025-26 Revenue "
    "Budget and Medium Term Financial Plan (c) The net revenue budget requirement of "
    "£1,530.9m for 2025-26."
)
# The same report, recommendation (d): the ranked passage whose window shows (a)-(c) before it.
PROPOSALS = (
    "(d) The directorate revenue budget proposals for 2025-26 and the medium term financial "
    "plan as set out in appendices D (high level county 3 year plan) E (high level 2025-26 "
    "plan by directorate), appendix F (individual spending, savings, income and reserves "
    "variations for 2025-26) and G (2025-26 key services) of the final draft budget report "
    "published on 5th February 2025."
)
FEBRUARY = date(2025, 2, 13)
# "approval" counts a little more than the budget's own words, as in the archive, where
# the capital line leads the passage and (c) follows 0.025 below it.
IDF = {"approv": 1.2}


def _idf(term: str) -> float:
    return IDF.get(term, 1.0)


def _beside(second: bool) -> list[str]:
    """The window sentences recommendations (a)-(c) give beside the quoted (d)."""
    lender = hit(1, FEBRUARY, PROPOSALS)
    aspects = aspects_of(QUESTION, QUESTION, True)
    cosines = {1: 0.6}
    scored = score_candidates(candidates([lender]), aspects, cosines, idf=_idf)
    nearby = [Neighbour(hit(2, FEBRUARY, RECOMMENDATIONS), 0, 1, -1)]
    chosen = [max(scored, key=lambda s: s.score)]
    builder = answering_builder(idf=_idf)
    out, _ = builder._beside(chosen, nearby, aspects, cosines, scored, 1, second)
    return [s.candidate.text for s in out[len(chosen) :]]


def test_a_timeline_window_passage_gives_its_second_line_near_its_first() -> None:
    """The capital programme line and the net revenue budget requirement both: the second
    scores within `SECOND_MARGIN` of the first. On main's code the passage gave one."""
    texts = _beside(second=True)
    assert len(texts) == 2, texts
    assert any("£1,530.9m" in t for t in texts), texts
    assert any("£1,419m" in t for t in texts), texts


def test_a_plain_answers_window_passage_gives_one_line() -> None:
    """A plain answer (no timeline) reads a window passage as before: its best line."""
    assert len(_beside(second=False)) == 1


def test_a_second_line_below_the_margin_stays_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """(c) scores 0.027 below the capital line: a margin smaller than that keeps it out."""
    assert SECOND_MARGIN > 0.027
    monkeypatch.setattr(answering, "SECOND_MARGIN", 0.02)
    assert len(_beside(second=True)) == 1


def test_off_a_timelines_window_passage_gives_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answering, "BESIDE_SECOND", False)
    assert len(_beside(second=True)) == 1
