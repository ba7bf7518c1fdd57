"""A target reported met or worked towards is a result (round 37, eval/README.md "A target
met is a result, a table row's label whole, round 37").

`SentenceWeights.target` takes a penalty from a figure sentence that states an aim. "The
greenhouse gas emission target … has been met with a total of 10,323 tonnes" reports the
figure against the target (`sentences.TARGET_OUTCOMES`); "The target is to return 18 empty
commercial units" aims.

Text: Kent's Cabinet papers (QPR Q3 appendix, 4 March 2025; draft revenue budget, 30
January 2025), as the PDF reader gives them.
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
