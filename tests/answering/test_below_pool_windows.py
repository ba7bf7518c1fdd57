"""The window of a hit ranked below the answer's pool may give a sentence that holds what
the question asks for (round 28, `answering.BESIDE_BELOW`).

`BESIDE` (round 17) lets only the passages right before and after a quoted passage of
the pool give a guarded sentence. The sentence that answers often stands two or three
passages on in the window of a hit ranked below the pool (`POOL_RANKS`), which no quote
reads; round 27's `BESIDE_HITS` read those windows for any sentence with a topic word and
lengthened a third of the answers. Under `BESIDE_BELOW` such a sentence must also hold an
asked aspect (a figure for a figure question, …: `_holds_asked`). Texts are the seed
minutes' own (corpus/001, 21 November 2018, paragraphs 41.2-41.6; eval/README.md
"Windows of hits below the pool, an asked aspect only, round 28").
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Citation, Hit, WindowPart
from search_api import answering
from search_api.answering import Answer
from search_api.temporal import TemporalIntent
from tests.answering.builders import AGENCY_AIM, answering_builder
from tests.answering.test_guarded_neighbours import MARKET, OTHER

DAY = date(2018, 11, 21)
SHARE = "currently about 40% of the workforce was agency staff"
PAY = "he did not believe that the level of pay was a factor in retention of social workers"
# corpus/001, para 41.4, as far as its pay sentence.
CHURN = (
    "In response to questions the DCS informed the committee that the level of churn in the "
    "social worker workforce was a serious issue. The council was very reliant on agency "
    "workers to maintain the system (currently about 40% of the workforce was agency "
    "staff). Until the workforce became more stable it was difficult for there to be "
    "consistency in practice. The DCS outlined the work being taken to address this area "
    "and committee members welcomed his approach. It was disappointing that having "
    "invested in the ASYE social workers (Assisted and Supported Year in Employment) that "
    "many of them were not choosing to remain with the council. A particular concern was "
    "the impact on development. The DCS informed members that he did not believe that the "
    "level of pay was a factor in retention of social workers."
)
# corpus/001, paras 41.2 and 41.3: the pool's other passages.
MORALE = (
    "The DCS, and Cabinet Member for Children and Young People, particularly welcomed that "
    "the letter stated that staff morale was good with social workers talking positively "
    "about the support that they had received to assist them in developing their practice."
)
MASH = (
    "The DCS informed committee members that the comments relating to the Multi Agency "
    "Safeguarding Hub (MASH) have already been actioned."
)


def _hit(pid: int, text: str, paragraph: str, score: float) -> Hit:
    citation = Citation(
        document_id="d1", meeting_date=DAY, committee="CFOSC", item="41",
        item_title="Ofsted monitoring visit", paragraph=paragraph, page=2,
    )  # fmt: skip
    return Hit(passage_id=pid, text=text, score=score, citation=citation)


def _answer(question: str) -> Answer:
    """Five pool hits (ranks 0-4), then 41.6 (passage 6) ranked 5, below the pool, shown
    in its window after 41.4 (passage 7, two passages before it) and 41.5 (passage 8)."""
    pool = [(1, MORALE, "41.2"), (2, MASH, "41.3"), (3, OTHER, "40.1"), (4, OTHER + " ", "40.2")]
    hits = [_hit(pid, text, para, 1.0 - pid / 10) for pid, text, para in pool]
    hits.insert(1, _hit(5, MORALE.replace("The DCS, and", "The"), "41.1", 0.85))
    hits.append(_hit(6, AGENCY_AIM, "41.6", 0.3))
    assert hits[answering.POOL_RANKS].passage_id == 6
    parts: list[WindowPart] = []
    text = ""
    for pid, paragraph, body in ((7, "41.4", CHURN), (8, "41.5", MARKET), (6, "41.6", AGENCY_AIM)):
        text += ("\n" if text else "") + body
        at = len(text) - len(body)
        parts.append(
            WindowPart(passage_id=pid, paragraph=paragraph, page=2, start=at, end=len(text))
        )
    window = hits[-1].model_copy(update={"text": text, "window": parts})
    cosines = {h.passage_id: 0.5 for h in hits}
    intent = TemporalIntent(topic=question, span=None, trend=False)
    return answering_builder().answer(
        intent, hits, cosines, {}, question=question,
        windows=lambda: [*hits[:-1], window],
    )  # fmt: skip


def test_a_figure_two_passages_on_in_a_below_pool_window_is_quoted_citing_its_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "What percentage of the social worker workforce was agency staff?"
    answer = _answer(question)
    cited = {c.passage_id: c for c in answer.citations}
    assert 7 in cited and SHARE in cited[7].quote, [c.quote for c in answer.citations]
    assert cited[7].text == CHURN and cited[7].citation.paragraph == "41.4"
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "BESIDE_BELOW", False)
    without = _answer(question)
    assert 7 not in {c.passage_id for c in without.citations}
    assert not any(SHARE in c.quote for c in without.citations)


def test_a_below_pool_sentence_with_only_a_topic_word_is_not_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same window, a question asking for no figure, name, date or decision (and not
    yes or no: `BESIDE_ASKED_KIND`): 41.4's pay sentence passes the guard (round 27's
    `BESIDE_HITS` quoted such), but holds no asked aspect, so the answer gains no quote
    from below the pool."""
    question = "What was said about pay and the retention of social workers?"
    answer = _answer(question)
    assert answer.citations
    assert not any(c.passage_id in (7, 8) for c in answer.citations), [
        c.quote for c in answer.citations
    ]
    # The aspect test alone keeps it out: without it the pay sentence is quoted.
    monkeypatch.setattr(answering, "_holds_asked", lambda s, aspects: True)
    assert any(c.passage_id == 7 and PAY in c.quote for c in _answer(question).citations)
