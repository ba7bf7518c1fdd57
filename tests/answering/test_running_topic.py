"""A passage's running topic: what the sentences before a sentence name, it need not repeat
(round 39, eval/README.md "The answer in other words, round 39").

Minutes name the topic first and say what it holds next in other words: "The Children's
Well-Being and Schools Bill … proposed several changes to children's social care." holds
every word of "what does the Children's Wellbeing and Schools Bill propose to change in
children's social care", and the changes that follow ("The bill also sought to amend the
Children Act 2004 …", "Additionally, it proposed improvements to information sharing …")
hold few, so the echo outscored them by more than the answer's margin (k2-202).
`sentences.RUNNING_TOPIC` gives a sentence part of the weight of the topic terms the
sentences before it in its passage hold and it does not; the first sentence gains nothing,
`Scored.coverage` (the abstention signals') is unchanged, a trend's timeline is not read so.

Text: Kent Cabinet minutes, 30 January 2025, the Cabinet Member's update, item (c), as the PDF
reader gives it (line breaks joined).
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.answering import BAND_MARGIN
from search_api.sentences import Scored, aspects_of, candidates, score_candidates
from tests.answering.builders import hit

DAY = date(2025, 1, 30)
BILL = (
    "The Children's Well-Being and Schools Bill, which was currently at the committee stage, "
    "proposed several changes to children's social care. It included a requirement for local "
    "authorities to offer family group decision-making meetings before applying for care or "
    "supervision orders. Kent County Council had already included this as part of their "
    "practice, known as Family Group Conferencing. The bill also sought to amend the Children "
    "Act 2004 to mandate that local authorities, NHS integrated care boards, and police "
    "include education and childcare agencies in their safeguarding arrangements. The current "
    "practice was that safeguarding partners were only required to make arrangements to work "
    "with the relevant agency if they considered it appropriate to do so. Additionally, it "
    "proposed improvements to information sharing to benefit children. While the bill was "
    "not yet law, preparations were being made for its potential implementation."
)
ECHO = BILL[: BILL.index(" It included")]
AMEND = "The bill also sought to amend the Children Act 2004"
SHARING = "Additionally, it proposed improvements to information sharing"
QUESTION = (
    "What does the Children's Wellbeing and Schools Bill propose to change in children's "
    "social care?"
)


def _scored(weight: float, monkeypatch: pytest.MonkeyPatch, trend: bool = False) -> list[Scored]:
    monkeypatch.setattr(sentences, "RUNNING_TOPIC", weight)
    aspects = aspects_of(QUESTION, QUESTION, trend)
    return score_candidates(candidates([hit(1, DAY, BILL)]), aspects, {1: 0.6})


def _one(scored: list[Scored], opening: str) -> Scored:
    return next(s for s in scored if s.candidate.text.startswith(opening))


def test_the_changes_gain_what_the_echo_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each change gains `RUNNING_TOPIC` of the topic weight the echo holds and it lacks
    (the echo holds it all), so its gap to the echo narrows by that share: off, the bill's
    amendment stands more than `BAND_MARGIN` below the echo; on, within it."""
    weight = sentences.RUNNING_TOPIC
    assert weight > 0
    off, on = _scored(0.0, monkeypatch), _scored(weight, monkeypatch)
    assert _one(off, ECHO).coverage == 1.0
    for opening in (AMEND, SHARING):
        lacked = 1.0 - _one(off, opening).coverage
        gain = _one(on, opening).score - _one(off, opening).score
        assert lacked > 0 and gain == pytest.approx(weight * lacked), opening
    assert _one(off, ECHO).score - _one(off, AMEND).score > BAND_MARGIN
    assert _one(on, ECHO).score - _one(on, AMEND).score < BAND_MARGIN


def test_the_first_sentence_and_coverage_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing stands before the echo: its score stays; no sentence's coverage moves."""
    off, on = _scored(0.0, monkeypatch), _scored(0.5, monkeypatch)
    assert _one(on, ECHO).score == _one(off, ECHO).score
    assert [s.coverage for s in on] == [s.coverage for s in off]
    assert _one(on, AMEND).score > _one(off, AMEND).score


def test_a_timeline_is_not_read_so(monkeypatch: pytest.MonkeyPatch) -> None:
    off, on = _scored(0.0, monkeypatch, trend=True), _scored(0.5, monkeypatch, trend=True)
    assert [s.score for s in on] == [s.score for s in off]


@pytest.mark.parametrize("question", ["0", "what is it?"])
def test_a_question_with_no_topic_is_scored(question: str) -> None:
    """A question holding no topic term ("0", as the schema fuzzer sends) has no topic to
    run on: its sentences are scored, not divided by a topic weight of zero."""
    aspects = aspects_of(question, question, False)
    scored = score_candidates(candidates([hit(1, DAY, BILL)]), aspects, {1: 0.6})
    assert scored and all(s.coverage == 0.0 for s in scored)
