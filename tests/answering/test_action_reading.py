"""Which questions ask for an action (round 20, r20-multi): `sentences.ACTION_READING`.

An action question is answered with action lines ("RESOLVED that …", "it was agreed
that …", "ACTION: …") alone (`AnswerBuilder._actions`). On main the noun "decision(s)"
anywhere and "will do" anywhere made a question an action question, so "Can social
workers make their own decisions on cases, or do they have to check with their
managers?" (s8-007) and "What do people on Manorgate Road hope slowing the traffic down
will do for them?" (kg9-02) were answered with agreements that do not answer them. The
noun asks for an action only when the question asks which decision ("what decision was
taken"); "will do" only when it asks who will do something, not what good a change will
do (eval/README.md "Multi-part questions' second part and over-read action questions,
round 20").

Texts: the Children and Families Overview and Scrutiny Committee minutes of 21 November
2018, paragraphs 42.1-42.3 (corpus/001, the seed documents), as the reader gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering, sentences
from search_api.sentences import aspects_of
from tests.answering.builders import ask

# corpus/001, para 42.1 (holds an agreement on another matter) and 42.2 (the answer).
TRIANGULATION = (
    "The committee noted that the issues highlighted in this report had also been reflected "
    "in the Ofsted monitoring visit letter; it was agreed that it was good to see this "
    "triangulation. The DCS informed the committee that he welcomed the challenge from Essex "
    "on practice particularly whether the council intervened in cases too readily - were we "
    "being overly intrusive in family life, were our thresholds being applied appropriately? "
    "He stated that given our current situation the level of intervention was understandable "
    "and reflected the pattern in other local authorities in the same position. It was also "
    "important to bear in mind that partners might also not feel fully confident in our "
    "process at present. The DCS also informed the committee that he thought that our "
    "Improvement Partner was in essence telling us that we needed to get back to ‘good old "
    "fashioned social work’."
)
COMPLIANCE = (
    "The committee was informed that the focus at present was on compliance in basic social "
    "work practice rather than just quality. Processes had not been being undertaken in a "
    "timely manner and so close monitoring was essential. In the current position it was "
    "necessary to be prescriptive and social workers would need to discuss decision points "
    "with team managers; autonomy in practice had to be earned."
)
AUTONOMY = (
    "Can social workers make their own decisions on cases, or do they have to check with "
    "their managers?"
)
GOLD = "social workers would need to discuss decision points with team managers"
AGREED = "it was agreed that it was good to see this triangulation"


def test_a_question_about_making_decisions_is_not_answered_with_an_agreement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s8-007's form: the question names decisions as its topic; the agreement "it was
    agreed that it was good to see this triangulation" answers nothing it asks, and the
    answer quotes the paragraph that does, not the agreement. At the round-22 quote budget
    (120 words) the agreement comes back as the sentence read back before a chosen one of
    its paragraph, context either way; this test is of the choice, so the budget is the
    80 words at which no quote reads back into it."""
    monkeypatch.setattr(answering, "MAX_QUOTE_WORDS", 80)
    texts, day = [TRIANGULATION, COMPLIANCE], date(2018, 11, 21)
    quotes = [c.quote for c in ask(AUTONOMY, texts, day).citations]
    assert any(GOLD in q for q in quotes), quotes
    assert not any(AGREED in q for q in quotes), quotes
    monkeypatch.setattr(sentences, "ACTION_READING", False)
    assert any(AGREED in c.quote for c in ask(AUTONOMY, texts, day).citations)


@pytest.mark.parametrize(
    "question",
    [
        AUTONOMY,
        "What do people on Manorgate Road hope slowing the traffic down will do for them?",
        "What good does the council say the Manorgate Road changes will do?",
        "What concerns did scrutiny members raise about the decision not to renew the "
        "commissioned family hub contracts?",
    ],
)
def test_decisions_and_effects_named_as_a_topic_are_no_action_question(question: str) -> None:
    """The noun "decision(s)" as the question's topic and "will do" asking for an effect
    do not make an action question."""
    assert not aspects_of(question, question).action


@pytest.mark.parametrize(
    "question",
    [
        "What decision did Cabinet take on the family hubs?",
        "Which key decisions were made about school transport?",
        "Who will do the review of the 18-25 service?",
        "What did Cabinet decide about the plan for school places?",
        "What was agreed about the dedicated schools grant deficit?",
    ],
)
def test_questions_asking_which_decision_or_who_will_act_stay_action_questions(
    question: str,
) -> None:
    """A guard: asking which decision was taken, who will do something, what was decided
    or agreed is still an action question."""
    assert aspects_of(question, question).action
