"""Figure questions by their amount nouns, and a "should" of speech (round 38, eval/README.md
"Figure questions by their amount nouns, "should" as a writer's modal, round 38").

A question asks for a figure when the noun it asks about is an amount by nature ("what's
the forecast overspend on …", "what score did …"), or when a yes-or-no question names a
variance from a budget ("is the capital underspend money saved …"): `sentences.wants_figure`
under `AMOUNT_READING`. "It should be noted that …" says how to read a sentence, not an aim:
`states_aim` under `SPEECH_SHOULD`.

Text: Kent's Cabinet papers (Q3 revenue and capital monitoring, 30 January 2025; QPR Q3
appendix, 4 March 2025), the sentences as the converter and the PDF reader give them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import (
    aspects_of,
    candidates,
    score_candidates,
    states_aim,
    wants_figure,
)
from tests.answering.builders import hit

ASKED_AMOUNTS = (
    "What was the forecast overspend on older people's residential care in the November "
    "monitoring table?",
    "what's the forecast overspend on social work assessment and safeguarding for children",
    "What is the in-year shortfall on high needs placements forecast for 2024-25?",
    "What operating margin does the Basic Need formula add on top of forecast pupil numbers?",
    "What score did the financial resilience assessment give the council?",
    "Was school transport heading for an overspend in 2024-25?",
    "is the capital underspend money saved or just spending pushed into later years",
)
NO_AMOUNT = (
    "What is the council's budget strategy for the next three years?",
    "has kent had to dip into its reserves to cover overspends more than one year running",
    "Which directorates were forecasting underspends in the quarter 3 monitoring?",
    "What pay rise for Kent Scheme staff was agreed with the budget?",
    "What did the Schools Forum decide about the dedicated schools grant deficit?",
)


@pytest.mark.parametrize("question", ASKED_AMOUNTS)
def test_an_amount_noun_asks_for_a_figure(question: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as a figure question by its noun; not by "how much" or "what rate" (off)."""
    assert wants_figure(question)
    monkeypatch.setattr(sentences, "AMOUNT_READING", False)
    assert not wants_figure(question)


@pytest.mark.parametrize("question", NO_AMOUNT)
def test_a_noun_before_another_or_a_clause_aim_asks_for_none(question: str) -> None:
    """A word before the head noun ("budget strategy"), a purpose clause ("to cover
    overspends"), a verb between "which" and the noun, a change, a decision: no figure."""
    assert not wants_figure(question)


# Revenue and Capital Budget Monitoring Report November 2024-25 (k27-020's paper).
REPHASING = (
    "The capital programme is forecasting an underspend, made up of a real overspend of "
    "£12.9m and a rephasing variance of -£124.5m."
)
NO_FIGURE = "Capital underspends are reported to Cabinet with the reasons for each project."


def test_the_underspend_figure_outscores_the_words_alone() -> None:
    """Read as a figure question, the sentence with the amounts gains the figure weight
    over one that holds the question's words and no figure."""
    question = "is the capital underspend money saved or just spending pushed into later years"
    aspects = aspects_of(question, question)
    assert aspects.figure
    day = date(2025, 1, 30)
    hits = [hit(1, day, REPHASING), hit(2, day, NO_FIGURE)]
    scored = {s.candidate.text: s.score for s in score_candidates(candidates(hits), aspects, {})}
    assert scored[REPHASING] > scored[NO_FIGURE]


# QPR Q3 Cabinet appendix 1, the converter's text (converted k2-138's passage).
NOTED = (
    "Comparison with the previous quarter is included as usual, but it should be noted that "
    "two Education & Skills KPIs have been removed from the report following changes to "
    "Ofsted inspections."
)
AIM = "The council should reduce the number of children placed out of county to 10%."


def test_a_should_of_speech_states_no_aim(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "should" of speech ("it should be noted", "members should be aware") is no aim;
    "should reduce … to 10%" is one; with the rule off every "should" was."""
    assert not states_aim(NOTED)
    assert not states_aim("Members should be aware that the figures are provisional.")
    assert states_aim(AIM)
    monkeypatch.setattr(sentences, "SPEECH_SHOULD", False)
    assert states_aim(NOTED)


# Cabinet, 4 March 2025, "Other changes to the 2025-26 budget" (k5-018's passage): the
# table's unit heads its columns; its rows' amounts are bare.
GRANT_TABLE = (
    "Public Health Grant allocations Estimate included in County Council papers £'000 £'000 "
    "£'000 2024-25 allocation 75,734.8 77,308.9 1,574.1 Increase 1,048.9 4,160.6 3,111.7 "
    "2025-26 allocation 76,783.7 81,469.5 4,685.8"
)
GRANT_QUESTION = "How much did the public health grant increase by in 2025-26?"


def _grant_score(text: str) -> float:
    aspects = aspects_of(GRANT_QUESTION, GRANT_QUESTION)
    scored = score_candidates(candidates([hit(1, date(2025, 3, 4), text)]), aspects, {})
    return max(s.score for s in scored)


def test_a_table_unit_makes_its_rows_money(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under "£'000" the bare amounts answer a money question as money: the full figure
    weight, half of it more than a bare count's (the rule off, or no unit stated)."""
    assert sentences.states_money_unit(GRANT_TABLE)
    assert not sentences.states_money_unit("an overspend of £23.3m, £1,000 a week")
    with_unit = _grant_score(GRANT_TABLE)
    no_unit = _grant_score(GRANT_TABLE.replace(" £'000", ""))
    monkeypatch.setattr(sentences, "PASSAGE_UNIT", False)
    off = _grant_score(GRANT_TABLE)
    assert with_unit == pytest.approx(off + sentences.WEIGHTS.figure / 2)
    assert no_unit == pytest.approx(_grant_score(GRANT_TABLE.replace(" £'000", "")))
    assert no_unit < with_unit
