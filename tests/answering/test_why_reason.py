"""A why question's reason (round 29, `answering.REASON_ASKED`).

A question asking why is answered by the sentence that gives the reason, which often
stands beside the effect the question's words meet and scores below it ("… following
changes in Ofsted's reporting … two KPIs … have now been removed" after "The Quarter 3 QPR
includes 38 Key Performance Indicators"). `_reason` quotes, alone, the best sentence of
the passages the answer reads that gives a reason (`sentences.states_reason`), within
`BAND_MARGIN` of the pool's best and holding a topic term, when no chosen sentence gives
one (eval/README.md "A why question's reason, round 29").

Text: the Children and Families Overview and Scrutiny Committee chair's report of March
2019, item 5 "Children's Centres – A position Statement" (corpus/000, the seed documents).
"""

from __future__ import annotations

from datetime import date

from search_api import answering
from search_api.sentences import (
    Scored,
    aspects_of,
    candidates,
    score_candidates,
    states_reason,
    term_weights,
)
from tests.answering.builders import hit

DAY = date(2019, 3, 1)
FIRST = (
    "The Assistant Director for Integrated Children and Families Commissioning informed the "
    "committee that this was the first report following the redesign of Children’s Centres."
)
DELAY = "There had been some delay to this report due to data not being collected as expected."
CENTRES = (
    f"{FIRST} {DELAY} The redesign had been about a more targeted approach to supporting "
    "children and families. The redesign also met the needs of the Families First agenda. "
    "The committee was informed that all targets had been exceeded."
)
TARGETS = (
    "It was questioned whether the targets had been set too low as they had all been met. It "
    "was explained that in the redesign of the service it had not been known exactly what "
    "the need wold be, and the level of referrals had been higher than expected but that the "
    "service had been able to keep up with demand. In setting targets data previously "
    "identified had been used."
)
LATE = "Why was the children's centres report delayed?"


def _scored(question: str) -> tuple[list[Scored], dict[str, float]]:
    hits = [hit(1, DAY, CENTRES), hit(2, DAY, TARGETS)]
    aspects = aspects_of(question, question)
    scored = score_candidates(candidates(hits), aspects, {1: 0.6, 2: 0.6})
    return scored, term_weights(aspects.terms, [h.text for h in hits], None)


def _one(scored: list[Scored], text: str) -> Scored:
    return next(s for s in scored if s.candidate.text == text)


def test_a_question_asking_why_asks_for_a_reason() -> None:
    for question in (
        LATE,
        "why didn't the committee get the report sooner",
        "How come the children's centres report was late?",
        "What was the reason for the delay to the children's centres report?",
    ):
        assert aspects_of(question, question).why, question
    for question in (
        "When was the children's centres report delayed?",
        "What did the committee hear about the children's centres?",
        "Who reported on the children's centres?",
    ):
        assert not aspects_of(question, question).why, question


def test_a_sentence_that_gives_a_reason() -> None:
    assert states_reason(DELAY)
    assert states_reason(TARGETS.split(". ")[0])  # "… set too low as they had all been met"
    assert not states_reason(FIRST)
    assert not states_reason("The committee was informed that all targets had been exceeded.")
    assert not states_reason("The redesign also met the needs of the Families First agenda.")


def test_the_reason_is_quoted_when_no_chosen_sentence_gives_one() -> None:
    """The answer chose the sentence its words meet best ("the first report following the
    redesign of Children's Centres"); the sentence that says why the report was late
    scores below it, within the band, and holds "delay": `_reason` gives it."""
    scored, weights = _scored(LATE)
    aspects = aspects_of(LATE, LATE)
    chosen = [_one(scored, FIRST)]
    reason = answering._reason(chosen, scored, scored, aspects, weights)
    assert [s.candidate.text for s in reason] == [DELAY]
    # A chosen sentence that gives a reason already answers: nothing more is quoted.
    assert answering._reason([_one(scored, DELAY)], scored, scored, aspects, weights) == []


def test_a_reason_off_topic_or_out_of_the_band_is_not_quoted() -> None:
    """The reason must hold a topic term of its own: for "come out late" the delay
    sentence holds none of the question's words, and is not quoted."""
    question = "Why did the children's centres redesign report come out late?"
    scored, weights = _scored(question)
    aspects = aspects_of(question, question)
    chosen = [_one(scored, FIRST)]
    assert answering._reason(chosen, scored, scored, aspects, weights) == []
