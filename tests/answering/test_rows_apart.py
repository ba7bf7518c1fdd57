"""A table's rows pass no running topic to each other (round 40, eval/README.md "A table's
rows are not prose, round 40").

`sentences.RUNNING_TOPIC` gives a sentence part of the topic its passage's earlier sentences
name (round 39): minutes name a subject once and go on about it. A flattened table's rows
do not: each is an entry of its own, so a row that inherited the words of the rows above
it outscored the row the question asks for (converted k6-025, round 39).
`sentences.ROWS_APART`: a row (`table_rows`, `labelled_row`) takes no running topic from
another row; prose before the table still passes it the topic.

Text: Kent's Q3 2024-25 finance monitoring report (cabinet 30 January 2025), a table of
children's services' budgets and the report's prose, as the PDF reader gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import Scored, aspects_of, candidates, score_candidates
from tests.answering.builders import hit
from tests.answering.test_table_rows import CHILDREN

DAY = date(2025, 1, 30)
QUESTION = "What is the forecast for care and support of looked after children with disability?"
CARE = "Looked After Children - Care & Support 101.8 102.5 0.7"
IN_HOUSE = "Looked After Children (with Disability) - In House Provision 3.9 3.9 -0.0"
PROSE = (
    "The Children, Young People and Education directorate is forecasting a pressure on "
    "care and support for looked after children. "
)


def _scored(
    text: str, monkeypatch: pytest.MonkeyPatch, apart: bool, running: float
) -> list[Scored]:
    monkeypatch.setattr(sentences, "ROWS_APART", apart)
    monkeypatch.setattr(sentences, "RUNNING_TOPIC", running)
    aspects = aspects_of(QUESTION, QUESTION, False)
    return score_candidates(candidates([hit(1, DAY, text)]), aspects, {1: 0.6})


def _row(scored: list[Scored], row: str) -> Scored:
    return next(s for s in scored if s.candidate.text == row)


def test_a_row_takes_no_topic_from_the_rows_above(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-house row lacks "care" and "support", which the care row above it holds: as
    prose it gained them; as a row it gains nothing, and no row of the table does."""
    weight = sentences.RUNNING_TOPIC
    plain = _scored(CHILDREN, monkeypatch, True, 0.0)
    apart = _scored(CHILDREN, monkeypatch, True, weight)
    inherit = _scored(CHILDREN, monkeypatch, False, weight)
    assert _row(inherit, IN_HOUSE).score > _row(plain, IN_HOUSE).score
    assert [s.score for s in apart] == [s.score for s in plain]
    assert _row(apart, CARE).coverage > _row(apart, IN_HOUSE).coverage


def test_prose_before_a_table_still_passes_its_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's sentence names care and support for looked after children: the
    in-house row below it gains that part of the topic, rows apart or not."""
    weight = sentences.RUNNING_TOPIC
    text = PROSE + CHILDREN
    plain = _scored(text, monkeypatch, True, 0.0)
    apart = _scored(text, monkeypatch, True, weight)
    assert _row(apart, IN_HOUSE).score > _row(plain, IN_HOUSE).score
