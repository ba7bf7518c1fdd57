"""A row's label begun again at its start leaves the piece before it, round 48 (r48-k38):
`sentences.LABEL_LEAVES_PIECE`.

Kent's 2025-26 budget book (County Council 13 February 2025) runs a key service's
description, the table's heading and the next row together; the sentence splitter cut the
row's label at its dash ("… (0-25 LD & Complex PD) - Assessment Service 9,332.5 …"), and
`ROW_LABEL_STARTS` began the row's piece at the label. The piece before it still ran to the
dash, so it held the row's label too, outscored the row on the label's words and was the
passage's one quote: the answer lacked the row's figures (k38-029; eval/README.md "The
released k38 set read row by row, round 48").
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import aspects_of, candidates, score_candidates
from tests.answering.builders import hit

DAY = date(2025, 2, 13)
# The budget book's key service statement, one passage as the PDF reader gives it.
ASSESSMENT = (
    "Social care staffing providing assessment of children and families' needs, ongoing "
    "support to looked after children, and Safeguarding Service. The Youth Justice Service "
    "assesses, plans and intervenes with 10-17 year olds who have come to the attention of "
    "the Police or judicial system, to prevent them offending Ref 2024-25 Revised Base Budget "
    "(Net Cost) £000s Key Service 2025-26 Staffing £000s 2025-26 Non Staffing £000s 2025-26 "
    "Gross Expenditure £000s 2025-26 Income £000s 2025-26 Grants £000s 2025-26 Net Cost £000s "
    "Key Service Description 59 9,856.5 Disabled Children & Young People Service (0-25 LD & "
    "Complex PD) - Assessment Service 9,332.5 548.1 9,880.6 0.0 0.0 9,880.6 Social care staff "
    "providing assessment and support services for Service Users (aged 0-25) with Learning "
    "Disability, Complex Physical Disabilities and Sensory Impairment"
)
LABEL = "Disabled Children & Young People Service (0-25 LD & Complex PD)"
ROW = LABEL + " - Assessment Service 9,332.5 548.1 9,880.6"
QUESTION = (
    "how does the budget for assessing disabled children and young people next year compare "
    "with this year"
)


def _texts() -> list[str]:
    return [c.text for c in candidates([hit(1, DAY, ASSESSMENT)])]


def test_the_piece_before_a_rows_label_ends_where_the_label_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One candidate holds the label, the row's; the piece before ends on the table's
    heading. Without the rule the piece before runs to the label's dash as well."""
    texts = _texts()
    assert [t for t in texts if LABEL in t] == [t for t in texts if t.startswith(ROW)]
    assert any(t.endswith("Key Service Description 59 9,856.5") for t in texts)
    monkeypatch.setattr(sentences, "LABEL_LEAVES_PIECE", False)
    assert any(t.startswith("The Youth Justice") and t.endswith(LABEL) for t in _texts())


def test_the_row_is_its_passages_best_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scored for the question, the row is the passage's best candidate (`PER_PASSAGE`
    quotes one); without the rule the piece ending on the row's label outscores it."""

    def best() -> str:
        aspects = aspects_of(QUESTION, QUESTION)
        scored = score_candidates(candidates([hit(1, DAY, ASSESSMENT)]), aspects, {1: 0.6})
        return max(scored, key=lambda s: s.score).candidate.text

    assert best().startswith(ROW)
    monkeypatch.setattr(sentences, "LABEL_LEAVES_PIECE", False)
    assert best().startswith("The Youth Justice")


def test_pieces_without_a_label_begun_again_are_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A passage whose pieces do not overlap reads the same with the rule off."""
    text = ASSESSMENT.split(" The Youth Justice")[0] + " The row follows later."
    on = [c.text for c in candidates([hit(1, DAY, text)])]
    monkeypatch.setattr(sentences, "LABEL_LEAVES_PIECE", False)
    assert [c.text for c in candidates([hit(1, DAY, text)])] == on
