"""The "when" aspect read right (eval/README.md, "The asked aspect read from the question's
form, round 29"): "when" asks for a date only by its form, and a period's label ("in
2023/24") is no date. Evidence: the seed minutes of 21 November 2018 (corpus/001, para
46.2) and the seed report of 14 July 2022 (corpus/004)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from search_api.answering import _asked_for
from search_api.sentences import aspects_of, candidates, score_candidates
from tests.answering.builders import hit

FORUM = (
    "The Gloucestershire Schools Forum had discussed the DSG position at its meeting on 15 "
    "November 2018 and approved a number of actions, although these did not cover the "
    "overall deficit."
)
"""corpus/001, 21 November 2018, para 46.2: a sentence stating a day."""
REMODELLING = (
    "In a challenging financial climate, it will require continued corporate support "
    "through MTFS in 2023/24."
)
"""corpus/004, 14 July 2022: a sentence naming only a financial year."""


@pytest.mark.parametrize(
    "question",
    [
        "When did the Schools Forum discuss the DSG position?",
        "when does the schools forum next meet",
        "Which actions did the Schools Forum approve, and when?",
        "By when must the DSG deficit be recovered?",
        "Until when will remodelling need corporate support?",
        "On what date did the Schools Forum meet?",
    ],
)
def test_when_asks_for_a_date_by_its_form(question: str) -> None:
    assert aspects_of(question, question).when


@pytest.mark.parametrize(
    "question",
    [
        "What did the Schools Forum approve when it discussed the DSG position?",
        "How will the overspend be covered when the DSG balances run out?",
        "When the committee looked at the DSG deficit, what did it agree?",
        "Did members declare an interest when the Schools Forum's actions were discussed?",
    ],
)
def test_when_naming_the_occasion_asks_no_date(question: str) -> None:
    assert not aspects_of(question, question).when


def _scored(question: str) -> dict[str, float]:
    """Each seed sentence's score for `question`, and with its `when` aspect taken away:
    the difference is the `when` weight the sentence drew."""
    found = candidates([hit(1, date(2018, 11, 21), FORUM), hit(2, date(2022, 7, 14), REMODELLING)])
    asked = aspects_of(question, question)
    assert asked.when
    plain = dataclasses.replace(asked, when=False)
    cosines = {1: 0.6, 2: 0.6}
    with_when = score_candidates(found, asked, cosines)
    without = score_candidates(found, plain, cosines)
    return {
        a.candidate.text: round(a.score - b.score, 6)
        for a, b in zip(with_when, without, strict=True)
    }


def test_a_period_label_is_no_date() -> None:
    found = {c.text: c.dated for c in candidates([hit(2, date(2022, 7, 14), REMODELLING)])}
    assert found == {REMODELLING: False}
    drawn = _scored("When will the remodelling need continued corporate support?")
    assert drawn[REMODELLING] == 0.0
    assert drawn[FORUM] > 0.0


def test_a_date_holds_what_a_when_question_asks() -> None:
    """The band's test (`_asked_for`) for an action question also asking "when": the
    sentence stating the day the decision's body met holds what is asked, though it is
    no decision line; the one naming only a financial year does not."""
    question = "Which body had to agree the DSG actions, and when did it meet?"
    asked = aspects_of(question, question)
    assert asked.action and asked.when
    found = candidates([hit(1, date(2018, 11, 21), FORUM), hit(2, date(2022, 7, 14), REMODELLING)])
    scored = {s.candidate.text: s for s in score_candidates(found, asked, {1: 0.6, 2: 0.6})}
    assert not scored[FORUM].candidate.action
    assert _asked_for(scored[FORUM], asked)
    assert not _asked_for(scored[REMODELLING], asked)
