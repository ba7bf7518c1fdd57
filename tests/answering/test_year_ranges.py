"""A year range is no figure (round 29, `sentences.YEAR_RANGES_NOT_FIGURES`).

`figures_in` passed over "2023" as a year but read the two-digit end of "2023/24" as a
count, so a "how much" or "how many" question credited a sentence whose only number is a
financial year with the figure weight, and it could outscore the sentence that states
the figure (k4-027 on the heldout index: "… not to be delivered in 2024-25 …" quoted
over the risk register's row "… increasing price. 4 28.4").

Texts: the 2022 Children's Services improvement report of the seed documents (corpus/004:
"… containing cost pressures within the 2023/24 MTFS process.", "Over 80 colleagues
attended …") and Kent County Council's draft revenue budget report to Cabinet of 30
January 2025 (the sentence k4-027's answer quoted, as the PDF reader gives it);
eval/README.md "A year range is no figure, round 29".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import Aspects, aspects_of, candidates, figures_in, score_candidates
from tests.answering.builders import ADVISER, hit

SAVINGS = (
    "The savings that are currently forecast not to be delivered in 2024-25 are largely due "
    "to be delivered in subsequent years and this is built into the revenue draft budget for "
    "2025-26, alongside a consideration of the robustness and deliverability of these savings."
)
SPENDING = (
    "The increase in spending is largely driven by increases in the costs (both complexity "
    "and inflationary) of new social care placements with providers. " + SAVINGS
)
SESSIONS = (
    "Lunch-time learn sessions launched, bringing practitioners and managers together around "
    "specific practice improvement topics and areas of interest. Over 80 colleagues attended "
    "the first session on neglect which was positively received."
)
QUESTION = "How much of the savings forecast are not delivered in the draft budget?"


def test_a_financial_year_or_a_plans_period_is_no_figure() -> None:
    assert figures_in(ADVISER) == ["16"]
    assert figures_in(SAVINGS) == []
    assert figures_in("the 2025-26 budget and the 2025-28 Medium Term Financial Plan") == []
    # The figures beside a period stay figures; a year stays a date.
    assert figures_in("Forecast for 2024-25: £42.4m, 12% more than in 2023.") == ["£42.4m", "12%"]
    assert figures_in("2,000 homes in 2019/20") == ["2,000"]


def test_a_sentence_whose_only_numbers_are_periods_earns_no_figure_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A "how much" question: the sentence stating only "2024-25" and "2025-26" scores as
    it would for the same question asking no figure; before, it gained the figure weight
    (half of it: a bare count), as a sentence stating a count does."""
    day = date(2025, 1, 30)
    hits = [hit(1, day, SPENDING), hit(2, day, SESSIONS)]
    asked = aspects_of(QUESTION, QUESTION)
    assert asked.figure

    def score(aspects: Aspects) -> dict[str, float]:
        found = score_candidates(candidates(hits), aspects, {1: 0.6, 2: 0.6})
        return {s.candidate.text: s.score for s in found}

    with_figure, without = score(asked), score(replace(asked, figure=False))
    assert with_figure[SAVINGS] == pytest.approx(without[SAVINGS])
    counted = next(t for t in with_figure if "80 colleagues" in t)
    assert with_figure[counted] > without[counted]

    monkeypatch.setattr(sentences, "YEAR_RANGES_NOT_FIGURES", False)
    assert score(asked)[SAVINGS] > score(replace(asked, figure=False))[SAVINGS]
