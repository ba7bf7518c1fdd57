"""A sentence's year range read once (`temporal.PERIOD`; eval/README.md "The asked-aspect
readings together, round 29"): a financial year written with both centuries ("2027/2028")
or a plan's years with an en dash ("2024–2029") is a period's label, no date a "when"
question asks for (`sentences.states_date`, `Candidate.dated`), by the same pattern that
makes a year range no figure (`sentences.figures_in`).

Texts: Kingston's report on the Galsworthy Road junction to the Kingston and North Kingston
Neighbourhood Committee of 15 January 2026 ("Timescale", para 26, and "Key Points" C, the
sentence stating the other committee's meeting day), and Kent County Council's appendix to
Cabinet of 30 January 2025 on health and wellbeing activity (a table cell naming a
strategy's years), as the readers give them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api.sentences import candidates, figures_in
from search_api.temporal import FINANCIAL_YEAR, PERIOD
from tests.answering.builders import hit

BID = (
    "A separate bid will be placed in the 2027/2028 financial year to fund the introduction "
    "of a 'green man' phase at the Galsworthy Road/Coombe Lane West junction."
)
"""Kingston, 15 January 2026, para 26: a financial year written with both centuries."""
MEETS = (
    "The New and Old Malden Neighbourhood will consider a similar recommendation in relation "
    "to this junction on 22 January 2026."
)
"""Kingston, 15 January 2026, "Key Points" C: the day a when question asks for."""
STRATEGY = "Nourishing our next generation An infant feeding strategy for Kent 2024–2029"
"""Kent, Cabinet 30 January 2025, appendix A: a strategy's years, with an en dash."""


def test_a_period_with_both_centuries_is_no_date() -> None:
    found = {
        c.text: c.dated
        for c in candidates(
            [hit(1, date(2026, 1, 15), BID), hit(2, date(2026, 1, 15), MEETS),
             hit(3, date(2025, 1, 30), STRATEGY)]
        )
    }  # fmt: skip
    assert found == {BID: False, MEETS: True, STRATEGY: False}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("in 2024-25", "2024-25"),
        ("the 2023/24 MTFS", "2023/24"),
        ("in the 2027/2028 financial year", "2027/2028"),
        ("for Kent 2024–2029", "2024–2029"),
        ("the savings of 2024–25 remain", "2024–25"),
        ("on 2018-11-21", None),
    ],
)
def test_one_reading_of_a_year_range(text: str, period: str | None) -> None:
    """The sentence's period (`PERIOD`) holds every financial year a question's reading
    (`FINANCIAL_YEAR`) finds, the en dash and both centuries too, never a day; and no
    number inside it is a figure."""
    found = [m.group(0) for m in PERIOD.finditer(text)]
    assert found == ([period] if period else [])
    assert all(any(f in p for p in found) for f in FINANCIAL_YEAR.findall(text))
    if period:
        assert figures_in(text) == []
