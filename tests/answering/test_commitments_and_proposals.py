"""Decisions stated as a commitment or a proposal are decision lines (round 27).

An action question is answered from its decision lines (`AnswerBuilder._actions`:
`sentences.is_action`). A report states what will be done as a commitment in the present
tense ("Officers commit to monitor these channels …") or as a proposal ("It is proposed
that progress … remains owned and monitored by each Directorate"), and `is_action` read
neither (only the past "undertook to"): to "what have officers undertaken to do?" the
answer quoted the item's "RESOLVED that: 1. …" alone, the commitment scoring far below it
(kg3-005; eval/README.md "Decisions stated as a commitment or a proposal, round 27").

Texts: Kingston's Manorgate Road petition report and the Kingston and North Kingston
Neighbourhood Committee's resolution of 15 January 2026, and Kent Cabinet's report of 30
January 2025 on the Integrated Care Strategy delivery plan, as the readers give them. The
seed documents hold no line of either form (none on the seeds-only index), so no served
seed answer changes and none can be the test's.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api.sentences import is_action, wants_action
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit
from tests.answering.test_list_length import RESOLVED  # the committee's minutes of the item

# Kingston, the petition report's "Stakeholder Engagement", para 20.
ENGAGEMENT = (
    "Residents will be directed to use the existing “Let’s Talk” portal and to respond "
    "directly to the Experimental TMO consultation. Officers commit to monitor these "
    "channels and contact residents when suggestions for mitigations are made or if further "
    "discussion with correspondents is required. To allow Officers to evaluate the efficacy "
    "of the proposed solutions, it is recommended that the Committee approve the "
    "implementation of an experimental traffic management order. This approach offers "
    "several key advantages:"
)
REPORTED = (
    "The Committee considered a report outlining a proposed Experimental Traffic Management "
    "Order (ETMO) with Manorgate Road one-way northbound and Wolverton Avenue one-way. The "
    "report detailed the existing traffic issues in the area, outlined available options "
    "and sought the Committee's views, comments and approval to implement an experimental "
    "traffic management order."
)
COMMITMENT = "Officers commit to monitor these channels and contact residents"


@pytest.mark.parametrize(
    "text",
    [
        COMMITMENT,
        # Kent Cabinet, 30 January 2025, the delivery plan's "Summary of Approach".
        "It is proposed that progress against the agreed Priority areas remains owned and "
        "monitored by each Directorate with a single council-wide collated progress update.",
        # Kent Cabinet, 30 January 2025, the 18-25 service's report.
        "It is proposed to transfer the statutory functions delivered by the 18-25 section "
        "of the Strengthening Independence Service",
    ],
)
def test_a_commitment_or_a_proposal_is_a_decision_line(text: str) -> None:
    assert is_action(text)


@pytest.mark.parametrize(
    "text",
    [
        # Kent County Council, 9 January 2025: a condition, not a commitment.
        "To be considered for the Devolution Priority Programme, areas must be willing to "
        "commit to the following:",
        "Mr Baker looked forward to the committee's work and potential national solutions.",
        "The proposed changes to the scheme were reported to the committee.",
    ],
)
def test_an_infinitive_or_a_proposed_thing_is_no_decision_line(text: str) -> None:
    assert not is_action(text)


def test_an_action_question_quotes_the_officers_commitment() -> None:
    """kg3-005's form, asked in other words: the item's resolution ranks first, the
    report's commitment third; the answer quotes the commitment beside the resolution.
    Before round 27 it quoted the resolution alone (the commitment, no decision line,
    scored far below the resolution's decision bonus)."""
    question = "What did officers commit to do about feedback on the Manorgate Road trial?"
    assert wants_action(question)
    day = date(2026, 1, 15)
    hits = [hit(1, day, RESOLVED), hit(2, day, REPORTED), hit(3, day, ENGAGEMENT)]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(
        intent, hits, {1: 0.7, 2: 0.65, 3: 0.6}, {}, question=question
    )
    quotes = [c.quote for c in answer.citations]
    assert all(c.quote in c.text for c in answer.citations)
    assert any(COMMITMENT in q for q in quotes), quotes
