"""Round 34 (issue #13 §2/§3): a trend's timeline quotes its evidence's pair of one text
twice with a figure changed — a draft budget's paragraph and the final's, a figure apart —
by each passage's changed sentence, beside the meetings' leads (`answering.TWIN_ENDS`,
`_changed_pair`). Fast: no index, the product's AnswerBuilder over Kent's own text (the
30 January 2025 Cabinet draft budget and the 13 February 2025 County Council budget
report, `shared/archives/kent`), asked as tune row k11-056 asks."""

from __future__ import annotations

from datetime import date

from search_api.answering import Answer
from search_api.temporal import parse_question
from tests.answering.builders import answering_builder, hit

DRAFT, FINAL, LATER = date(2025, 1, 30), date(2025, 2, 13), date(2025, 3, 13)

RESERVES = (
    "The 2025-26 budget includes £{total} additional contributions to reserves (including "
    "£{general} replenishment of general reserves towards restoring 5% general reserve target, "
    "£12.0m into new Extended Producer Responsibility (EPR) reserve, and £14.6m local authority "
    "contribution to DSG deficit) and £{smoothing} drawdown from smoothing reserves (largely "
    "related to smoothing Council Tax). The use of short-term usable reserves to support "
    "revenue spending significantly reduces the council’s ability to withstand unexpected "
    "circumstances and costs and reduces the scope to smooth timing differences between "
    "spending and savings plans."
)
"""The draft's and the final's paragraph: £42.4m, £16.3m, £10.7m in the draft; £42.9m,
£15.8m, £10.6m in the final."""
USABLE = (
    "The total usable revenue reserves at the end of 2023-24 were £357.6m (30.3% of net "
    "revenue outturn), comprising of £43.0m general reserve, £297.6m earmarked reserves "
    "(including £36.2m from Safety Valve contributions which over time will offset the "
    "Dedicated Schools Grant (DSG) deficit), and £17.0m public health reserve."
)
GENERAL = (
    "- £15.8m general reserves including £11.1m repayment of the remaining 50% of the amount "
    "drawn down to balance the 2022-23 budget and £4.8m for the additional annual "
    "contribution to reflect the increase in net revenue budget to maintain general reserves "
    "at 5%."
)
SECURING = (
    "The document sets out the urgent steps needed to return the Council to financial "
    "sustainability, by reducing overspend in its budget to avoid further need to use limited "
    "reserves to fund revenue overspends."
)
QUESTION = (
    "How much is the council putting back into its reserves next year, and did that change "
    "between the draft and the final budget?"
)


def _answer(hits: list, cosines: dict[int, float]) -> Answer:
    intent = parse_question(QUESTION, LATER)
    assert intent.trend
    r = answering_builder().answer(intent, hits, cosines, {}, question=QUESTION)
    assert not r.abstained
    return r


def _quoted(hits: list, cosines: dict[int, float]) -> str:
    return " ".join(c.quote for c in _answer(hits, cosines).citations)


def _with_pair() -> list:
    """Each meeting's lead on reserves first, then the final's and the draft's paragraph."""
    return [
        hit(1, DRAFT, USABLE),
        hit(2, FINAL, GENERAL),
        hit(3, LATER, SECURING),
        hit(4, FINAL, RESERVES.format(total="42.9m", general="15.8m", smoothing="10.6m")),
        hit(5, DRAFT, RESERVES.format(total="42.4m", general="16.3m", smoothing="10.7m")),
    ]


def test_the_draft_and_the_final_figure_are_both_quoted() -> None:
    """Each meeting's lead is another line on reserves; the draft's £42.4m and the final's
    £42.9m stand in one paragraph twice, ranked below them. Both are quoted (on main's
    code neither: the meetings are told by their leads)."""
    quoted = _quoted(_with_pair(), dict.fromkeys(range(1, 6), 0.67))
    assert "£42.4m additional contributions" in quoted, quoted
    assert "£42.9m additional contributions" in quoted, quoted


def test_one_text_twice_with_the_same_figures_is_no_pair() -> None:
    """A paragraph repeated word for word (no figure changed) says nothing changed: it is
    no pair, so the two meetings do not both quote it. One may, as its best sentence on the
    topic (since round 37 "towards restoring 5% general reserve target" is worked towards,
    not an aim, `sentences.TARGET_OUTCOMES`, and the sentence fills the timeline's room)."""
    same = RESERVES.format(total="42.4m", general="16.3m", smoothing="10.7m")
    hits = [
        hit(1, DRAFT, USABLE),
        hit(2, FINAL, GENERAL),
        hit(3, LATER, SECURING),
        hit(4, FINAL, same),
        hit(5, DRAFT, same),
    ]
    cited = _answer(hits, dict.fromkeys(range(1, 6), 0.67)).citations
    quoting = {c.passage_id for c in cited if "additional contributions" in c.quote}
    assert len(quoting) <= 1, [c.quote for c in cited]


def test_a_pair_off_the_topic_is_not_quoted() -> None:
    """The pair's passages must speak to the topic as the timeline counts a meeting's: by
    their sentence score or their cosine near the best. Far from both, the pair is left
    out."""
    cosines = {1: 0.67, 2: 0.67, 3: 0.67, 4: 0.1, 5: 0.1}
    quoted = _quoted(_with_pair(), cosines)
    assert "£42.9m additional contributions" not in quoted, quoted
