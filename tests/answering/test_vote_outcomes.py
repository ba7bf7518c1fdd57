"""Round 11 (issue #13 §3): "did it pass?" is answered with the vote's outcome. Minutes
state it passages after the motion, behind the tallies' names (Kent's full council,
19 December 2024, item 281): the answer reads on through the item's next passages to the
outcome line and quotes it, cited to its own passage. Fast: no index, the product's
AnswerBuilder over the real Kent passages and the foreign minutes in tests/data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import pytest

from indexer.models import Hit
from search_api.sentences import asks_outcome, outcome_after
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

FOREIGN = Path(__file__).resolve().parents[1] / "data" / "ingestion" / "foreign"

# Kent County Council, 19 December 2024, item 281: one motion over three passages (its
# wording and "For (15)", the names for and "Against (35)", the names against, the
# abstention and the outcome), then the next motion.
MOTION = (
    "Motion for Time Limited Debate 1 – Integrated Care Strategy 1) Mr Brady proposed, and "
    "Ms Meade seconded the motion that “This County Council resolves to: - Agree that all "
    "decisions, where relevant, must align with the Integrated Care Strategy objectives and "
    "request that decision making documentation demonstrates this. - Request that "
    "decision-making documentation, where relevant, will evidence how a decision is working "
    "towards achieving the Integrated Care Strategy’s progress indicators. - Request that if "
    "a decision is made which does none of the above, then a reason for this must be cited "
    "within the decision-making documentation.” 2) Following the debate, the Chairman put the "
    "motion set out in paragraph 1 to the vote and the voting was as follows. For (15)"
)
FOR = (
    "Mr Brady, Mr Campkin, Ms Dawkins, Mrs Dean, Ms Grehan, Ms Hawkins, Mr Hood, Mr Hook, "
    "Mr Lehmann, Ms Meade, Mr Passmore, Mr Sole, Mr Stepto, Mr Streatfeild, Ms Wright "
    "Against (35)"
)
AGAINST = (
    "Mr Baker, Mr Beaney, Mrs Bell, Mrs Binks, Mr Booth, Mr Bond, Mr Brazier, Miss Carey, "
    "Mr Cannon, Mrs Chandler, Mr Cole, Mrs Cole, Mr Dance, Mr Dendor, Mrs Game, Mr Gough, "
    "Mr Hill, Mr Hills, Mrs Hohler, Mr Jeffrey, Mr Kite, Mr Love, Mr Marsh, Mr McInroy, "
    "Mr Meade, Mr Murphy, Mr Oakford, Ms Parfitt, Mr Richardson, Mr Ridgers, Mr Robey, "
    "Mr Sandhu, Mr Shonk, Mr Thomas, Mr Watkins Abstain (1) Mr Mallon Motion lost."
)
NEXT_MOTION = (
    "Motion for Time Limited Debate 2 – Electoral Reform in Kent 3) Mr Streatfeild proposed, "
    "and Mr Hook seconded the motion that “This Council notes: a. Public trust in the UK "
    "Government and local government has sunk to its lowest-ever recorded level."
)
QUESTION = (
    "What did Labour's Integrated Care Strategy motion want decision papers to show, and did "
    "it pass?"
)
DAY = date(2024, 12, 19)


def _chain(passages: Sequence[Hit]) -> object:
    """`Reader.following` over a run of passages of one item: each one's next."""
    after = {a.passage_id: b for a, b in zip(passages, passages[1:], strict=False)}

    def following(hits: Sequence[Hit]) -> Mapping[int, Hit]:
        return {h.passage_id: after[h.passage_id] for h in hits if h.passage_id in after}

    return following


def _ask(question: str, passages: Sequence[Hit]) -> list[tuple[int, str, str]]:
    intent = TemporalIntent(span=None, trend=False, topic=question)
    r = answering_builder().answer(
        intent, passages[:1], {passages[0].passage_id: 0.6}, {}, question=question,
        following=_chain(passages),  # type: ignore[arg-type]
    )  # fmt: skip
    assert not r.abstained, r.text
    for c in r.citations:
        assert c.quote in c.text  # citation support stays whole
    return [(c.passage_id, c.quote, c.text) for c in r.citations]


@pytest.mark.parametrize(
    "question",
    [
        QUESTION,
        "Was the amendment to the budget carried?",
        "What became of the Liberal Democrat amendment on council tax?",
        "Did the County Council agree to adopt the Local Transport Plan?",
        "What was the outcome of the vote on the Family Farm Tax motion?",
        "Were the recommendations on the waste strategy approved?",
        "Has the motion on electoral reform been carried?",
    ],
)
def test_a_question_asking_whether_a_motion_passed_asks_for_its_outcome(question: str) -> None:
    assert asks_outcome(question)


@pytest.mark.parametrize(
    "question",
    [
        "What was agreed about the Integrated Care Strategy?",
        "What did the committee agree to do about home to school transport?",
        "What did Cabinet decide on the Local Transport Plan?",
        "Has the overspend been reduced?",
        "What were the key achievements of the improvement plan agreed by the Board?",
    ],
)
def test_a_question_asking_what_was_decided_does_not(question: str) -> None:
    assert not asks_outcome(question)


def test_outcome_lines_of_foreign_minutes_are_recognised() -> None:
    """US "Motion carried 5-0" and "Motion passed 4-1", Australian "**CARRIED**" and
    "CARRIED 4/1", New Zealand "Pomare/Ellery CARRIED", Canadian "**DEFEATED**": each such
    line states an outcome;
    no other line does (a motion's "Moved:"/"seconded by" line puts one; Irish minutes'
    "it was agreed" is the action itself)."""
    found: dict[str, list[str]] = {}
    for path in sorted(FOREIGN.glob("*_*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            span = outcome_after(line, 0, False, 80)
            if isinstance(span, tuple):
                found.setdefault(path.name, []).append(line[span[0] : span[1]])
    assert found["us_city_council_2016-03-08.md"] == [
        "Motion carried 5-0.", "Motion carried 5-0.", "Motion passed 4-1", "Motion carried 5-0."
    ]  # fmt: skip
    assert found["au_ordinary_council_2019-03-12.md"] == ["CARRIED"] * 4
    assert found["au_shire_council_2021-06-22.txt"] == ["CARRIED 5/0", "CARRIED 4/1"]
    # Round 44: New Zealand's line is quoted whole, the mover's and seconder's names too.
    assert found["nz_district_council_2018-05-24.txt"] == [
        "Pomare/Ellery CARRIED", "Marsh/Tuhi CARRIED", "Singh/Oliver CARRIED",
        "Hohaia/Singh CARRIED",
    ]  # fmt: skip
    assert found["ca_city_council_2020-11-17.md"] == ["CARRIED", "CARRIED", "DEFEATED", "CARRIED"]
    assert "ie_county_council_2019-03-12.txt" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The amendment seeks to reduce the proposed increase in council tax.",
        "3. Write to all elected MPs in Kent to inform them that our motion has been passed,",
        "It was agreed that the report be noted.",
        "KPI 2: Average days lost to staff sickness 8.24",
    ],
)
def test_a_motions_wording_is_no_outcome(text: str) -> None:
    assert outcome_after(text, 0, False, 80) is False


def test_did_it_pass_is_answered_with_the_outcome_read_on_over_the_tallies() -> None:
    """The motion's passage ends at "For (15)"; the names for and against fill the next
    two: the answer quotes "Abstain (1) Mr Mallon Motion lost" from the third, citing it."""
    passages = [hit(1, DAY, MOTION), hit(2, DAY, FOR), hit(3, DAY, AGAINST)]
    quotes = _ask(QUESTION, passages)
    assert (3, "Abstain (1) Mr Mallon Motion lost.", AGAINST) in quotes, quotes
    assert any("Integrated Care Strategy objectives" in q for _, q, _ in quotes), quotes


def test_reading_stops_at_the_next_motion() -> None:
    """When the item's next motion is put before any outcome, the outcome that follows is
    that motion's, not the one asked about: nothing is added."""
    passages = [hit(1, DAY, MOTION), hit(2, DAY, FOR), hit(3, DAY, NEXT_MOTION),
                hit(4, DAY, AGAINST)]  # fmt: skip
    assert all(pid != 4 for pid, _, _ in _ask(QUESTION, passages))


def test_a_question_not_asking_for_the_outcome_is_answered_as_before() -> None:
    passages = [hit(1, DAY, MOTION), hit(2, DAY, FOR), hit(3, DAY, AGAINST)]
    quotes = _ask("What did Labour's Integrated Care Strategy motion ask of decision papers?",
                  passages)  # fmt: skip
    assert all(pid == 1 for pid, _, _ in quotes), quotes


# Kent County Council, 13 February 2025, item 291: an amendment's wording quoted on its
# own (no word "motion" or "amendment" in the passage), then its vote.
QUOTED = (
    "“Reduce the £12m waste reserve to £11m and use this un[1]ringfenced EPR income to fund "
    "these ANPR Cameras.”"
)
PUT = (
    "Following the debate, the Chairman put to the vote the amendment set out in paragraph "
    "19 above and the voting was as follows: For (13)"
)
NAMES_FOR = (
    "Mr Brady, Mr Campkin, Mr Chittenden, Ms Constantine, Ms Dawkins, Mr Hood, Mr Hook, "
    "Mr Lehmann, Mr Lewis, Ms Meade, Mr Passmore, Mr Stepto, Mr Streatfeild, MBE Against (39)"
)
NAMES_AGAINST = (
    "Mr Baker, Mr Bartlett, Mr Beaney, Mrs Bell, Mr Watkins, Mr Wright, Ms Wright "
    "Abstain (3) Mr Ross, Mr Shonk, Mr Whiting Amendment lost."
)


def test_the_outcome_is_read_on_from_a_quoted_amendment_that_names_no_motion() -> None:
    """The best sentence may stand in a passage that is only the amendment's wording, in
    quotes: its vote still follows it in the minutes."""
    day = date(2025, 2, 13)
    passages = [hit(1, day, QUOTED), hit(2, day, PUT), hit(3, day, NAMES_FOR),
                hit(4, day, NAMES_AGAINST)]  # fmt: skip
    quotes = _ask("What became of the amendment to pay for ANPR cameras?", passages)
    assert any(pid == 4 and q.endswith("Amendment lost.") for pid, q, _ in quotes), quotes
