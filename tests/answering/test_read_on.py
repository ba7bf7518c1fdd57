"""A several-things answer reads on to the next sentence of its passage (round 9).

Minutes name the topic in one sentence and say what it holds in the next: the sentence
that scores best for "what were the greatest challenges …" is the one naming the teams,
and what makes their work hard follows it. `sentences.read_on` finds that next sentence
(a running one, or the list a lead-in introduces); the answer builder quotes both, and
reads on into a list only for a question asking for several things (round 11: every
answer but a trend's timeline reads on to a running sentence). Texts are the seed minutes' own
(corpus/000 items 2, 3 and 7).
"""

from __future__ import annotations

from datetime import date

from search_api.sentences import read_on
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

# corpus/000 (March 2019), item 3.
CHALLENGES = (
    "The committee was informed that the greatest challenges were in the safeguarding teams. "
    "It was important to note that these teams dealt with the most complex cases, had the "
    "widest span of work, and the most inexperienced and transient workforce."
)
# corpus/000, item 2: a lead-in and its dashed items.
PLAN = (
    "The DCS informed the committee that the Improvement Board had agreed an accelerated "
    "improvement plan in response to the weaknesses identified in the February 2019 Ofsted "
    "letter. This plan identified 4 key achievements: - - Quality of practice - Training of "
    "social workers and management development - Supervision and management oversight - "
    "Timeliness of visits"
)
# corpus/000, item 7: the minutes end with the chair's name.
SIGNED = (
    "The pressures remained the same and members would continue to monitor this closely. "
    "Cllr Brian Robinson"
)


def _first_end(text: str) -> int:
    return text.index(". ") + 1


def test_read_on_finds_the_next_running_sentence() -> None:
    assert read_on(CHALLENGES, _first_end(CHALLENGES)) == len(CHALLENGES)


def test_read_on_takes_the_list_a_lead_in_introduces() -> None:
    end = read_on(PLAN, _first_end(PLAN))
    assert end is not None and PLAN[:end].endswith("Timeliness of visits"), PLAN[:end]


def test_read_on_stops_before_a_stray_line_and_at_the_passage_end() -> None:
    assert read_on(SIGNED, _first_end(SIGNED)) is None
    assert read_on(CHALLENGES, len(CHALLENGES)) is None


def _quotes(question: str, text: str) -> list[str]:
    day = date(2018, 11, 21)
    hits = [hit(1, day, text), hit(2, day, "Members noted the revenue monitoring report.")]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.3}, {}, question=question)
    assert all(c.quote in c.text for c in answer.citations)
    return [c.quote for c in answer.citations if c.passage_id == 1]


def test_a_several_things_answer_quotes_the_sentence_that_follows() -> None:
    """ "What were the greatest challenges …" is answered by the sentence after the best
    one: both are quoted, as one verbatim quote."""
    quotes = _quotes("What were the greatest challenges in the safeguarding teams?", CHALLENGES)
    assert any("dealt with the most complex cases" in q for q in quotes), quotes


# corpus/000 (March 2019), item 5: a question put in the meeting, and the reply to it.
REPLY = (
    "It was questioned whether the targets had been set too low as they had all been met. "
    "It was explained that in the redesign of the service it had not been known exactly what "
    "the need wold be, and the level of referrals had been higher than expected but that the "
    "service had been able to keep up with demand. In setting targets data previously "
    "identified had been used. Members were assured that children on a protection plan are a "
    "priority and the contract had been configured to reflect this."
)


def test_a_plain_question_reads_on_to_the_next_sentence() -> None:
    """A question about one thing reads on too (round 11): "Where was the greatest
    challenge" is answered by the teams' sentence and what makes their work hard."""
    quotes = _quotes("Where was the greatest challenge for the committee?", CHALLENGES)
    assert any("complex cases" in q for q in quotes), quotes


def test_the_reply_after_a_question_put_in_the_meeting_is_quoted() -> None:
    """The sentence with the question's words reports the question members put ("It was
    questioned whether the targets had been set too low …"); the reply after it says why
    (eval/README.md "Fact and action sentences, round 11": s2-210). Another sentence of
    the passage chosen further on (the protection plan's) does not stop the reading on."""
    question = (
        "Why were all the children's centre targets met, and how are children on a "
        "protection plan treated?"
    )
    quotes = _quotes(question, REPLY)
    assert any("higher than expected" in q for q in quotes), quotes
    assert any("protection plan are a priority" in q for q in quotes), quotes


def test_a_plain_question_does_not_read_on_into_a_list() -> None:
    """A question about one thing is not answered with the whole list after its sentence."""
    quotes = _quotes("Who agreed an accelerated improvement plan?", PLAN)
    assert quotes and not any("Timeliness of visits" in q for q in quotes), quotes


# corpus/000 (March 2019), item 2: the question members asked, and the director's reasons
# two sentences on.
PROSPECTS = (
    "The committee asked about the decision to bring the Prospects Service back in house. The "
    "DCS reminded members that this service had received a requires improvement rating from "
    "Ofsted. Whilst the service sat outside the council he did not have a clear line of "
    "oversight and essentially could not best manage what he could not clearly see."
)


def test_an_answer_reads_on_two_running_sentences() -> None:
    """ "Why did the director want to bring the Prospects service back in house?" is best
    matched by the sentence reporting the question; the reason stands two sentences on
    (`READ_ON_SENTENCES`, eval/README.md "Fact and action sentences, round 11": s2-53)."""
    quotes = _quotes("Why did the director want to bring the Prospects service back in house?",
                     PROSPECTS)  # fmt: skip
    assert any("clear line of oversight" in q for q in quotes), quotes
