"""Every passage an answer's hits show in their item windows is read by one rule, for every
answer kind (round 36: `answering.BESIDE_FAR`, `COPY_NEIGHBOURS`, `BESIDE_TIMELINE`).

A passage right before or after a quoted passage of the pool gives a sentence that passes
the guard (`BESIDE`, round 17); any other passage a hit's window shows gives one only when it
also holds what the question asks for (`_holds_asked`), as round 28 read the windows below
the pool (`BESIDE_BELOW`). Round 36 reads with that rule the passages further on in a pool
hit's window, the passages folded in from a near copy of the hit in another document (cited
as the copy's), and a trend answer's windows, which no rule read before (eval/README.md
"Window passages every answer reads, round 36"). Texts are the seed minutes' own: corpus/001
(the 21 November 2018 minutes, item 41 cut short) and corpus/003 (the same item in full),
paragraphs 41.2-41.6, and corpus/004's July 2022 progress report.
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Citation, Hit, WindowPart
from search_api import answering
from search_api.answering import Answer
from search_api.temporal import TemporalIntent
from tests.answering.builders import AGENCY_AIM, answering_builder
from tests.answering.test_below_pool_windows import CHURN, MASH, MORALE, PAY, SHARE
from tests.answering.test_guarded_neighbours import MARKET, OTHER
from tests.answering.test_trend_ends import TURNOVER_2022

DAY = date(2018, 11, 21)
FIGURE_QUESTION = "What percentage of the social worker workforce was agency staff?"
PAY_QUESTION = "What was said about pay and the retention of social workers?"
"""Asks for no figure, name, date or decision, and not yes or no (a yes or no question's far
passages give the guard's sentence: `BESIDE_ASKED_KIND`, `test_asked_kind_windows.py`)."""


def _hit(pid: int, text: str, paragraph: str, score: float, document: str = "d1") -> Hit:
    citation = Citation(
        document_id=document, meeting_date=DAY, committee="CFOSC", item="41",
        item_title="Ofsted monitoring visit", paragraph=paragraph, page=2,
    )  # fmt: skip
    return Hit(passage_id=pid, text=text, score=score, citation=citation)


def _window(hit: Hit, parts: list[tuple[int, str, str, str | None]]) -> Hit:
    """`hit` shown in a window of `parts` (passage, paragraph, text, the document a part
    folded in from a near copy stands in)."""
    text = ""
    placed: list[WindowPart] = []
    for pid, paragraph, body, document in parts:
        text += ("\n" if text else "") + body
        at = len(text) - len(body)
        placed.append(
            WindowPart(
                passage_id=pid, paragraph=paragraph, page=2, start=at, end=len(text),
                document_id=document,
            )
        )  # fmt: skip
    return hit.model_copy(update={"text": text, "window": placed})


def _pool_answer(question: str, folded: bool) -> Answer:
    """Five pool hits, 41.2 (passage 1, d1) first, then 41.6 below the pool. 41.2's window
    shows 41.3 (passage 8) and 41.4 (passage 7) after it; `folded`: 41.4 stands instead
    in corpus/003's copy of the item (d3), folded in after 41.2 from its copy there."""
    pool = [(1, MORALE, "41.2"), (2, OTHER + "  ", "40.3"), (3, OTHER, "40.1")]
    hits = [_hit(pid, text, para, 1.0 - pid / 10) for pid, text, para in pool]
    hits.insert(1, _hit(5, MORALE.replace("The DCS, and", "The"), "41.1", 0.85))
    hits.append(_hit(4, OTHER + " ", "40.2", 0.6))
    hits.append(_hit(6, AGENCY_AIM, "41.6", 0.3))
    assert hits[0].passage_id == 1 and hits[answering.POOL_RANKS].passage_id == 6
    copies: dict[int, list[Hit]] = {}
    if folded:
        window = _window(hits[0], [(1, "41.2", MORALE, None), (7, "41.4", CHURN, "d3")])
        copies = {1: [_hit(31, MORALE, "41.2", 0.2, document="d3")]}
    else:
        parts = [(1, "41.2", MORALE, None), (8, "41.3", MASH, None), (7, "41.4", CHURN, None)]
        window = _window(hits[0], parts)
    cosines = {h.passage_id: 0.5 for h in hits}
    intent = TemporalIntent(topic=question, span=None, trend=False)
    return answering_builder().answer(
        intent, hits, cosines, {}, question=question,
        windows=lambda: [window, *hits[1:]], copies=copies,
    )  # fmt: skip


def _cited(answer: Answer) -> dict[int, answering.CitedQuote]:
    return {c.passage_id: c for c in answer.citations}


def test_a_figure_two_passages_on_in_a_pool_hits_window_is_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cited = _cited(_pool_answer(FIGURE_QUESTION, folded=False))
    assert 7 in cited and SHARE in cited[7].quote, [c.quote for c in cited.values()]
    assert cited[7].citation.paragraph == "41.4" and cited[7].text == CHURN
    monkeypatch.setattr(answering, "BESIDE_FAR", False)
    assert 7 not in _cited(_pool_answer(FIGURE_QUESTION, folded=False))


def test_a_far_passage_with_only_a_topic_word_is_not_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """41.4's pay sentence passes the guard but holds no asked aspect: two passages on,
    it is not quoted; the aspect test alone keeps it out."""
    assert 7 not in _cited(_pool_answer(PAY_QUESTION, folded=False))
    monkeypatch.setattr(answering, "_holds_asked", lambda s, aspects: True)
    cited = _cited(_pool_answer(PAY_QUESTION, folded=False))
    assert 7 in cited and PAY in cited[7].quote


def test_a_passage_folded_in_from_a_copy_is_quoted_citing_the_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """41.4 stands after 41.2 only in corpus/003's copy of the item: its figure is quoted,
    cited as corpus/003's paragraph 41.4, not as the hit's document."""
    cited = _cited(_pool_answer(FIGURE_QUESTION, folded=True))
    assert 7 in cited and SHARE in cited[7].quote, [c.quote for c in cited.values()]
    assert cited[7].citation.document_id == "d3" and cited[7].citation.paragraph == "41.4"
    assert all(c.quote in c.text for c in cited.values())
    monkeypatch.setattr(answering, "COPY_NEIGHBOURS", False)
    assert 7 not in _cited(_pool_answer(FIGURE_QUESTION, folded=True))


def test_a_folded_passage_is_beside_no_quote() -> None:
    """Right after the quoted 41.2 in the window, but in another document: the pay
    sentence, holding no asked aspect, is not quoted."""
    assert 7 not in _cited(_pool_answer(PAY_QUESTION, folded=True))


def _trend_answer() -> Answer:
    """A trend over two meetings: 41.5 of the 2018 minutes (passage 1), its window 41.4 to
    41.6, and the 2022 report's workforce paragraph (passage 2)."""
    question = "How has the share of agency social workers changed?"
    hits = [
        _hit(1, MARKET, "41.5", 0.9),
        Hit(
            passage_id=2, text=TURNOVER_2022, score=0.8,
            citation=Citation(document_id="d4", meeting_date=date(2022, 7, 14), committee="CFOSC"),
        ),
    ]  # fmt: skip
    parts = [(7, "41.4", CHURN, None), (1, "41.5", MARKET, None), (6, "41.6", AGENCY_AIM, None)]
    window = _window(hits[0], parts)
    intent = TemporalIntent(topic=question, span=None, trend=True)
    return answering_builder().answer(
        intent, hits, {1: 0.6, 2: 0.6}, {}, question=question, windows=lambda: [window, hits[1]]
    )


def test_a_trend_answer_reads_its_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    cited = _cited(_trend_answer())
    assert 7 in cited and SHARE in cited[7].quote, [c.quote for c in cited.values()]
    assert all(c.quote in c.text for c in cited.values())
    monkeypatch.setattr(answering, "BESIDE_TIMELINE", False)
    assert 7 not in _cited(_trend_answer())
