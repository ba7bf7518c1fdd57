"""What a trend answer's timeline draws on (eval/README.md, Trend questions, round 11).

On the seed index, real model: a trend answer reads at least `timeline_hits` passages
whatever /ask's k (before, k 8 and k 10 gave different children-in-care timelines), and a
meeting joins the timeline when any of its passages is near the second best dense cosine, not
only the passage of its best-scored sentence (k2-101's 13 March meeting: its outcome
sentence scored first, its passage was the less similar one, and the meeting fell out).
"""

from __future__ import annotations

import dataclasses

from indexer.models import MeetingKey
from search_api.answering import AnswerBuilder
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import Scored, aspects_of, candidates, score_candidates

IN_CARE = "How has the number of children in care changed over the years?"


def test_a_trend_answer_draws_on_timeline_hits_whatever_k(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    assert reader.settings.answers.timeline_hits == 10
    eight = reader.ask(SearchRequest(IN_CARE, 8))
    ten = reader.ask(SearchRequest(IN_CARE, 10))
    assert not eight.abstained
    assert eight.text == ten.text


def test_a_meeting_counts_by_any_of_its_passages_cosine(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    found = reader.search(SearchRequest(IN_CARE, 20))
    builder = reader.answers
    aspects = aspects_of(IN_CARE, found.intent.topic, True)
    scored = [
        s
        for s in score_candidates(candidates(found.hits), aspects, found.cosines, idf=builder.idf)
        if not s.candidate.items
    ]

    # Only the best sentence's meeting counts by score: the others by cosine alone.
    strict = AnswerBuilder(dataclasses.replace(builder.tuning, timeline_floor=1.0), builder.idf)

    def told(cosines: dict[int, float]) -> set[MeetingKey]:
        lines, _ = strict._timeline(scored, cosines, 6, found.intent.span, aspects)
        return {s.hit.citation.meeting for s in lines}

    best = max(scored, key=lambda s: s.score)
    by_meeting: dict[MeetingKey, list[Scored]] = {}
    for s in sorted(scored, key=lambda s: -s.score):
        by_meeting.setdefault(s.hit.citation.meeting, []).append(s)
    # Every passage far from the question but two: the best-scored sentence's and one
    # more (the bar is the second best passage's cosine), of its own meeting or of a
    # meeting of one passage, so no meeting of two passages is kept by them.
    mine = {s.hit.passage_id for s in by_meeting[best.hit.citation.meeting]}
    ones = [
        g[0].hit.passage_id for key, g in by_meeting.items()
        if key != best.hit.citation.meeting and len({s.hit.passage_id for s in g}) == 1
    ]  # fmt: skip
    second = sorted(mine - {best.hit.passage_id}) + ones
    far = {pid: 0.0 for pid in found.cosines} | {best.hit.passage_id: 1.0, second[0]: 1.0}
    before = told(far)
    # A meeting left out with another passage among the hits than its best sentence's.
    left = [
        (key, g) for key, g in by_meeting.items()
        if key not in before and len({s.hit.passage_id for s in g}) > 1
    ]  # fmt: skip
    assert left, "a meeting of two passages is left out"
    key, group = left[0]
    other = next(s.hit.passage_id for s in group if s.hit.passage_id != group[0].hit.passage_id)
    assert key in told(far | {other: 1.0})
