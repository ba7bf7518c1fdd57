"""A passage a window shows beside no quoted passage gives its guarded sentence when that
sentence holds what the question asks for by its kind (`answering.BESIDE_ASKED_KIND`,
round 59's r59-evid7): a yes or no question asks for no figure, name or date, so the
guard alone; a "why" question a sentence stating a reason; a question asking how often,
until when or what threshold, a sentence giving it. Before, `_holds_asked` read none of
these, and such a question got nothing from a window's far or below-pool passages
(r55-evid3). Texts are the seed minutes' own: corpus/001, item 41, paragraphs 41.1-41.6
(the windows of `test_window_reach.py` and `test_below_pool_windows.py`), and corpus/001's
sentence on the safeguarding board's chair."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Citation, Hit
from search_api import answering
from search_api.answering import _answers_kind
from search_api.sentences import Scored, aspects_of, candidates
from tests.answering import test_below_pool_windows as below
from tests.answering import test_window_reach as far
from tests.answering.test_below_pool_windows import PAY

WHETHER = "Was pay a factor in the retention of social workers?"
ABOUT = "What was said about pay and the retention of social workers?"
REASON = (
    "This situation had come about because the Chair of the GSCB had argued that as the "
    "failings were overwhelmingly the council’s problem that the GSCB should take on the "
    "partner’s role."
)  # corpus/001


def _cited(where: str, question: str) -> dict[int, answering.CitedQuote]:
    """41.4 two passages on in a pool hit's window (`far`), or in the window of a hit
    below the pool (`below`)."""
    answer = far._pool_answer(question, folded=False) if where == "far" else below._answer(question)
    return {c.passage_id: c for c in answer.citations}


def _quotes_pay(cited: dict[int, answering.CitedQuote]) -> bool:
    return 7 in cited and PAY in cited[7].quote


@pytest.mark.parametrize("where", ["far", "below"])
def test_a_yes_or_no_question_reads_a_far_window_passage_by_the_guard(
    where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cited = _cited(where, WHETHER)
    assert _quotes_pay(cited), [c.quote for c in cited.values()]
    assert cited[7].citation.paragraph == "41.4"
    assert all(c.quote in c.text for c in cited.values())
    # The same asked as "what was said": no kind of answer it asks for, nothing from 41.4.
    assert not _quotes_pay(_cited(where, ABOUT))
    monkeypatch.setattr(answering, "BESIDE_ASKED_KIND", False)
    assert not _quotes_pay(_cited(where, WHETHER))


def _scored(text: str) -> Scored:
    citation = Citation(document_id="d1", meeting_date=date(2018, 11, 21), committee="CFOSC")
    (c,) = candidates([Hit(passage_id=1, text=text, score=1.0, citation=citation)])
    return Scored(c, 1.0)


def test_a_reason_answers_why_and_a_frequency_how_often(monkeypatch: pytest.MonkeyPatch) -> None:
    why = aspects_of("Why did the GSCB take on the partner's role?", "GSCB partner role")
    assert _answers_kind(_scored(REASON), why)
    assert not _answers_kind(_scored(REASON), aspects_of("Who chairs the GSCB?", "GSCB chair"))
    often = aspects_of("How often does the board meet?", "board meet")
    assert _answers_kind(_scored("The board meets every three months."), often)
    assert not _answers_kind(_scored(REASON), often)
    monkeypatch.setattr(answering, "BESIDE_ASKED_KIND", False)
    assert not _answers_kind(_scored(REASON), why)
