"""Which meetings a trend timeline keeps by cosine: those within `timeline_cosine_margin` of
the second best passage's when that is near the best, not the best's, so one fine passage
(a list item kept apart, much nearer the question than the long passages around it) does
not drop every other meeting (eval/README.md, round 38, r38-margin: s2-615's 2018 meeting
fell out when the 2022 report's "Bright spots" item became a passage of its own, best
cosine 0.56 → 0.67). Seed text (corpus/000, 001, 004)."""

from __future__ import annotations

from datetime import date

from search_api.answering import _cosine_reference
from search_api.sentences import aspects_of, candidates, score_candidates
from search_api.temporal import TemporalIntent

from .builders import answering_builder, hit

QUESTION = "What have children in care said about their lives since 2018?"
HITS = [
    hit(
        1,
        date(2022, 9, 1),
        "Bright spots survey for children in care completed by 119 children in care and 127 "
        "care leavers – results will be available in the Autumn.",
    ),
    hit(
        2,
        date(2022, 9, 1),
        "For children in care and care leavers, the fostering transformation plan has been "
        "refreshed and includes plans to develop a ‘Support and Stability Hub’ for carers.",
    ),
    hit(
        3,
        date(2018, 11, 21),
        "The committee was concerned with regard to some of the feedback from the Bright Spot "
        "programme, in particular that some children do not know why they are in care.",
    ),
    hit(
        4,
        date(2019, 3, 1),
        "The committee was assured that these outstanding actions did not mean that children "
        "were in unsafe circumstances.",
    ),
]


def told(cosines: dict[int, float]) -> set[date]:
    """The meetings the timeline tells, the score floor out of the way (every meeting but
    the best sentence's counts by cosine or as an outer end)."""
    intent = TemporalIntent(topic=QUESTION, span=None, trend=True)
    builder = answering_builder(timeline_floor=1.0)
    r = builder.answer(intent, HITS, cosines, {}, question=QUESTION)
    assert not r.abstained
    return {c.citation.meeting_date for c in r.citations if c.citation.meeting_date}


def test_one_fine_passage_does_not_raise_the_bar() -> None:
    """The 2019 meeting, inside the timeline's dates (no outer end), counts by its cosine:
    0.46 is within 0.15 of the second best passage (0.55, 2018), not of the item (0.67)."""
    cosines = {1: 0.67, 2: 0.53, 3: 0.55, 4: 0.46}
    assert date(2019, 3, 1) in told(cosines)


def test_a_meeting_far_below_the_second_best_still_falls_out() -> None:
    """The bar is lower, not gone: at 0.30 the 2019 meeting is out."""
    cosines = {1: 0.67, 2: 0.53, 3: 0.55, 4: 0.30}
    assert date(2019, 3, 1) not in told(cosines)


def test_the_reference_is_the_second_best_passage_when_it_is_near_the_best() -> None:
    """Passages, not sentences: one passage's sentences count once. A second best far
    below the best (beyond the margin) does not set the bar: the best does, as one passage
    alone does."""
    cosines = {1: 0.67, 2: 0.53, 3: 0.55, 4: 0.46}
    aspects = aspects_of(QUESTION, QUESTION, True)
    scored = score_candidates(candidates(HITS), aspects, cosines)
    assert _cosine_reference(scored, cosines, 0.15) == 0.55
    assert _cosine_reference(scored, cosines, 0.1) == 0.67
    assert _cosine_reference(scored, {1: 0.67, 2: 0.3, 3: 0.3, 4: 0.3}, 0.15) == 0.67
    one = [s for s in scored if s.hit.passage_id == 1]
    assert _cosine_reference(one, cosines, 0.15) == 0.67
    assert _cosine_reference([], {}, 0.15) == 0.0
