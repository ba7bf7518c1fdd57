"""A target reported met or worked towards is a result, and a budget table's amounts are
money (round 37, eval/README.md "A target met is a result, a budget table's amounts are
money, round 37").

`SentenceWeights.target` takes a penalty from a figure sentence that states an aim. "The
greenhouse gas emission target … has been met with a total of 10,323 tonnes" reports the
figure against the target (`sentences.TARGET_OUTCOMES`); "The target is to return 18 empty
commercial units" aims. A table row's run of values written to one decimal place ("Public
Health - Sexual Health 0.0 16,180.1 …") is a budget's £k, its unit in the table's header:
a money question reads it as money (`sentences.TABLE_AMOUNTS`), a count question as before.

Text: Kent's Cabinet papers (QPR Q3 appendix, 4 March 2025; draft revenue budget, 30
January 2025) and the 2025-26 Key Service Statement (County Council, 13 February 2025), as
the PDF reader gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import aspects_of, candidates, score_candidates, states_aim
from tests.answering.builders import hit

DAY = date(2025, 3, 4)
# QPR Q3 Cabinet appendix 1: the council's own emissions against their target.
EMISSIONS = (
    "The greenhouse gas emission target for Quarter 2, 2024/25 has been met with a total "
    "of 10,323 tonnes of greenhouse gas emissions compared with the target of 10,797."
)
# Draft Revenue Budget 2025-26: what goes into the reserves.
RESERVES = (
    "The 2025-26 budget includes £42.4m additional contributions to reserves (including "
    "£16.3m replenishment of general reserves towards restoring 5% general reserve target, "
    "£12.0m into new Extended Producer Responsibility (EPR) reserve, and £14.6m local "
    "authority contribution to DSG deficit) and £10.7m drawdown from smoothing reserves "
    "(largely related to smoothing Council Tax)."
)
AIM = "The target is to return 18 empty commercial units back into use."
# Key Service Statement 2025-26, Public Health: a row and the next row's number, as read.
SEXUAL_HEALTH = (
    "36 0.0 Public Health - Sexual Health 0.0 16,180.1 16,180.1 -2,148.1 -14,032.0 0.0 "
    "Commissioning of mandated contraception and sexually transmitted infection advice and "
    "treatment services"
)
# QPR Q3: children in care by quarter, a count.
IN_CARE = "Status Dec-23 Mar-24 Jun-24 Sep-24 Dec-24 Non-UASC 1,466 1,460 1,444 1,434 1,409"


def test_a_target_met_or_worked_towards_is_no_aim() -> None:
    """Met, missed, compared with, worked towards: results; still aims when the target is
    to be met, is set, or is worked towards as a target of a figure."""
    assert not states_aim(EMISSIONS)
    assert not states_aim(RESERVES)
    assert not states_aim("The target was missed by 3%.")
    assert states_aim(AIM)
    assert states_aim("The target is to be met by 2030.")
    assert states_aim("The council is working towards a target of 50% by 2030.")


def test_without_the_rule_both_are_aims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentences, "TARGET_OUTCOMES", False)
    assert states_aim(EMISSIONS)
    assert states_aim(RESERVES)


def test_the_result_takes_no_target_penalty(monkeypatch: pytest.MonkeyPatch) -> None:
    """To a figure question on emissions, the sentence reporting the target met scores
    `SentenceWeights.target` above what it scored as an aim; the aim keeps its penalty."""
    question = "Are carbon emissions coming down from the council's own buildings?"
    aspects = aspects_of(question, question, trend=True)

    def scores() -> dict[str, float]:
        found = candidates([hit(1, DAY, EMISSIONS + " " + AIM)])
        return {s.candidate.text: s.score for s in score_candidates(found, aspects, {1: 0.6})}

    on = scores()
    monkeypatch.setattr(sentences, "TARGET_OUTCOMES", False)
    off = scores()
    assert on[EMISSIONS] - off[EMISSIONS] == pytest.approx(sentences.WEIGHTS.target)
    assert on[AIM] == off[AIM]


def _row_scores(question: str) -> dict[str, float]:
    aspects = aspects_of(question, question)
    found = candidates([hit(1, date(2025, 2, 13), SEXUAL_HEALTH), hit(2, DAY, IN_CARE)])
    return {s.candidate.text: s.score for s in score_candidates(found, aspects, {1: 0.6})}


def _row(scores: dict[str, float], words: str) -> float:
    return next(v for t, v in scores.items() if words in t)


def test_a_budget_row_is_money_to_a_money_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """The row of one-decimal amounts gains the half of the figure weight a bare count
    lacks; the count row of whole numbers does not; a count question is unchanged."""
    money = "How much does Kent spend on sexual health services?"
    count = "How many children are in care in Kent?"
    on, on_count = _row_scores(money), _row_scores(count)
    monkeypatch.setattr(sentences, "TABLE_AMOUNTS", False)
    off, off_count = _row_scores(money), _row_scores(count)
    half = sentences.WEIGHTS.figure / 2
    assert _row(on, "Sexual Health") - _row(off, "Sexual Health") == pytest.approx(half)
    assert _row(on, "Non-UASC") == _row(off, "Non-UASC")
    assert on_count == off_count


def test_amounts_read_by_their_shape() -> None:
    assert sentences.states_amounts(SEXUAL_HEALTH)
    assert sentences.states_amounts("Looked After Children – Care & Support 101.8 102.5 +0.7")
    assert not sentences.states_amounts(IN_CARE)
    assert not sentences.states_amounts("Committee - Wednesday 21 November 2018 10.00 11.30")
    assert not sentences.states_amounts("an increase of 2.5 per cent")
