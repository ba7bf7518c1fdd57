"""A motion's parts and announced next steps are decision lines (round 28).

An action question is answered from its decision lines (`AnswerBuilder._actions`:
`sentences.is_action`). Two forms were not read:

- a motion's parts: "… the motion that “The County Council resolves; 1. To declare …",
  the parts "2. To recognise …", "4. To request that …" each a passage of its own. The
  present "resolves" was no decision and "resolves;" no list's lead-in, so the answer fell
  back to the best sentences and quoted the preamble, never the parts ranked below (k2-209);
- announced next steps: "Should the Committee approve …, the following actions would be
  undertaken:", a passage alone, its items the next passages. The lead-in was no decision
  line, and scored too far below the item's "RESOLVED that: 1. …" to be quoted (kg2-201).

Texts: Kent County Council's minutes of 19 December 2024 (item 281, the "Family Farm Tax"
motion) and Kingston's Manorgate Road petition report ("Next Steps and Follow-up") with the
Kingston and North Kingston Neighbourhood Committee's resolution of 15 January 2026, as the
heldout index holds them (eval/README.md "A motion's parts and announced next steps as
decision lines, round 28"). The seed documents hold neither form.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from indexer.models import Hit
from indexer.text import split_sentences
from search_api.sentences import is_action, list_blocks, wants_action
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit
from tests.answering.test_list_length import RESOLVED  # the committee's minutes of the item

MOTION = (
    "Motion for Time Limited Debate 3 – ‘Family Farm Tax’ 5) Mr Meade proposed, and Mr "
    "Cannon seconded the motion that “The County Council resolves; 1. To declare our "
    "complete solidarity with the farmers of Kent in opposing the Government’s decision to "
    "change the long-established Inheritance Tax Relief for Agricultural Land as announced "
    "in the Government’s October Budget."
)
PARTS = [
    "2. To recognise the monumental importance of farming to the local economy of Kent, "
    "which contributes in excess of £405m annually to our local economy and supports over "
    "13,250 jobs across the County. 3. To commend the hard work and resilience of Kent’s "
    "farmers and to acknowledge the important contribution that Kent farms make to the "
    "overall food security of the United Kingdom.",
    "4. To request that the Leader of the Council writes to the Chancellor of the Exchequer "
    "and the Secretary of State for the Environment, Food and Rural Affairs to outline the "
    "Council’s dismay at this decision, and further to call on the Government to reverse "
    "this decision, noting the detrimental impact that the Family Farm Tax will have on "
    "Kent’s farmers and our local economy.",
    "5. To request that the Executive calls upon all Kent MPs to protect the Kentish rural "
    "way of life by supporting their farming constituents, and more widely the residents and "
    "businesses of Kent, by proactively opposing the Government’s decision to tax family "
    "farms in this way.",
    "6. To request that the Cabinet Member for Economic Development engages with Kent’s "
    "farmers and community representatives to better understand the difficulties faced by "
    "the farming sector at this time and to explore what further written support the County "
    "Council can provide to assist their campaigns.”",
]
LEAD_IN = (
    "Should the Committee approve the implementation of an experimental TMO, the following "
    "actions would be undertaken:"
)
STEPS = [
    "Detailed Design and Consultation: Based on the Committee's guidance, detailed designs "
    "for the chosen options would be developed. Further targeted consultation with affected "
    "residents and stakeholders would be conducted to refine the proposals and address any "
    "specific concerns.",
    "Implementation: The approved experimental TMO would be formally made and the chosen "
    "traffic management measures implemented on Manorgate Road.",
    "Monitoring and Evaluation: Throughout the six-month experimental period, comprehensive "
    "monitoring and evaluation of the scheme's impact would be carried out. This would "
    "involve collecting quantitative data (e.g., traffic speeds, volumes) and qualitative "
    "data (e.g., resident feedback).",
]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Meade proposed, and Mr Cannon seconded the motion that “The County Council resolves;",
        # Kent County Council, 13 February 2025 (item 10): the Liberal Democrat motion.
        "This Council resolves to: Request that the Leader writes to the Prime Minister",
        LEAD_IN,
    ],
)
def test_a_motions_resolving_clause_or_announced_actions_are_decision_lines(text: str) -> None:
    assert is_action(text)


@pytest.mark.parametrize(
    "text",
    [
        # Kent Cabinet, 30 January 2025 and 9 January 2025: next steps named, none announced.
        "This Cabinet report provides a summary and details of next steps.",
        "He will continue with the other council leaders in Kent to determine the most "
        "appropriate next steps for the area.",
        "The first steps would be taken to improve the data available.",
    ],
)
def test_next_steps_named_are_no_decision_line(text: str) -> None:
    assert not is_action(text)


def test_a_motions_resolving_clause_leads_its_parts() -> None:
    """ "resolves;" introduces the parts: with the first part, a list cut by its passage's
    end (its other parts open the next passages)."""
    spans = [(s.start, s.end) for s in split_sentences(MOTION)]
    blocks = list_blocks(MOTION, spans)
    assert len(blocks) == 1 and blocks[0][2] == 1 and blocks[0][1] == len(MOTION)


def _following(first: int, texts: Sequence[str], day: date):  # noqa: ANN202
    """Passage `first` is followed by passages first+10, first+11, … holding `texts`."""
    after = {first: hit(first + 10, day, texts[0])}
    after.update({first + 10 + i: hit(first + 11 + i, day, t) for i, t in enumerate(texts[1:])})

    def following(found: Sequence[Hit]) -> dict[int, Hit]:
        return {h.passage_id: after[h.passage_id] for h in found if h.passage_id in after}

    return following


def test_an_action_question_quotes_the_motions_parts() -> None:
    """k2-209's form, in other words: the motion's passage ranks first, two of its parts'
    passages after it; the answer quotes the parts on from the resolving clause, those no
    hit holds too. Before round 28 it quoted the best parts and the preamble only."""
    question = "What did Council resolve in the motion on the family farm tax?"
    assert wants_action(question)
    day = date(2024, 12, 19)
    hits = [hit(1, day, MOTION), hit(2, day, PARTS[2]), hit(3, day, PARTS[1])]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(
        intent, hits, {1: 0.7, 2: 0.62, 3: 0.6}, {}, question=question,
        following=_following(1, PARTS, day),
    )  # fmt: skip
    text = " ".join(c.quote for c in answer.citations)
    assert all(c.quote in c.text for c in answer.citations)
    assert "£405m" in text, answer.text
    assert "engages with Kent’s farmers" in text, answer.text


def test_an_action_question_quotes_the_announced_next_steps() -> None:
    """kg2-201's form, in other words: the item's resolution ranks first, the lead-in
    announcing the next steps second; the answer quotes the lead-in and the steps after it.
    Before round 28 it quoted the resolution alone."""
    question = "What happens once the committee approves the Manorgate Road experimental order?"
    assert wants_action(question)
    day = date(2026, 1, 15)
    hits = [hit(1, day, RESOLVED), hit(2, day, LEAD_IN), hit(3, day, STEPS[1])]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(
        intent, hits, {1: 0.7, 2: 0.6, 3: 0.6}, {}, question=question,
        following=_following(2, STEPS, day),
    )  # fmt: skip
    text = " ".join(c.quote for c in answer.citations)
    assert all(c.quote in c.text for c in answer.citations)
    assert "detailed designs for the chosen options would be developed" in text, answer.text
    assert "comprehensive monitoring and evaluation" in text, answer.text
