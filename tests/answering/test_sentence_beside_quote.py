"""The sentence beside a quote: one running sentence between two quotes of a passage is
quoted with them (`answering.BRIDGE`), and every quote that opens by pointing back is
quoted with its antecedent, however it came to open there (`answering.LAST_ANTECEDENTS`;
round 34, eval/README.md "The sentence beside a quote, round 34").

s14-006 ("did councillors support what the director was doing about social workers
leaving"): the answer quoted item 41.4's first three sentences and its fifth, and left out
the fourth between them, the one that answers ("… committee members welcomed his
approach."). Texts are the seed minutes' own (corpus/001, 21 November 2018, item 41.4 and
item 41's ICT paragraph).
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering
from search_api.answering import _merge_adjacent
from search_api.sentences import Scored, candidates
from tests.answering.builders import ask, hit
from tests.answering.test_short_read_on import ITEMS

DAY = date(2018, 11, 21)
# corpus/001, item 41.4 (its first six sentences).
CHURN = (
    "In response to questions the DCS informed the committee that the level of churn in the "
    "social worker workforce was a serious issue. The council was very reliant on agency "
    "workers to maintain the system (currently about 40% of the workforce was agency staff). "
    "Until the workforce became more stable it was difficult for there to be consistency in "
    "practice. The DCS outlined the work being taken to address this area and committee "
    "members welcomed his approach. It was disappointing that having invested in the ASYE "
    "social workers (Assisted and Supported Year in Employment) that many of them were not "
    "choosing to remain with the council. A particular concern was the impact on development."
)
WELCOMED = (
    "The DCS outlined the work being taken to address this area and committee members "
    "welcomed his approach."
)
# corpus/001: the ICT paragraph, a heading before it (no running sentence).
KIT = (
    "The DCS informed the committee that all social workers now have access to ICT kit which "
    "should support them in this process. However training on how to get the most out of the "
    "kit and make it work for them was a significant factor, and would need to be addressed "
    "going forward."
)
HOWEVER = KIT[KIT.index("However") :]


def _quoted(text: str, *starts: str) -> list[Scored]:
    """The sentences of `text` beginning with `starts`, as an answer chose them."""
    found = candidates([hit(1, DAY, text)])
    chosen = [c for c in found if any(c.text.startswith(s) for s in starts)]
    assert len(chosen) == len(starts), [c.text for c in found]
    return [Scored(c, 0.5) for c in chosen]


def _spans(chosen: list[Scored]) -> list[str]:
    return [s.candidate.text for s in _merge_adjacent(chosen)]


def test_two_quotes_one_sentence_apart_are_quoted_as_one() -> None:
    """41.4's third sentence and its fifth: the fourth between them is quoted too."""
    chosen = _quoted(CHURN, "Until the workforce", "It was disappointing")
    merged = _spans(chosen)
    assert len(merged) == 1 and WELCOMED in merged[0], merged
    assert merged[0] in CHURN


def test_without_the_bridge_the_sentence_between_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "BRIDGE", False)
    merged = _spans(_quoted(CHURN, "Until the workforce", "It was disappointing"))
    assert len(merged) == 2 and not any(WELCOMED in m for m in merged), merged


def test_two_sentences_apart_stay_apart() -> None:
    """One sentence is bridged, not two: the quotes do not grow into paragraphs."""
    merged = _spans(_quoted(CHURN, "The council was very reliant", "It was disappointing"))
    assert len(merged) == 2, merged


def test_not_past_the_quote_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The joined quote holds 62 words: within a budget of 62, apart under it."""
    chosen = _quoted(CHURN, "Until the workforce", "It was disappointing")
    monkeypatch.setattr(answering, "MAX_QUOTE_WORDS", 61)
    assert len(_spans(chosen)) == 2
    monkeypatch.setattr(answering, "MAX_QUOTE_WORDS", 62)
    assert len(_spans(chosen)) == 1


QUESTION = "how much of a factor was training on getting the most out of the kit"


def test_a_quote_alone_that_points_back_is_quoted_with_its_antecedent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Items 41.5, 41.6, 41.4, 41.9 and 41.2 fill the pool; the ICT paragraph, read below
    it (6th), gives its best sentence alone (`_deeper`), "However training …": it is
    quoted with the sentence it answers; without `LAST_ANTECEDENTS`, alone as before."""
    texts = [ITEMS[k] for k in ("41.5", "41.6", "41.4", "41.9", "41.2")] + [KIT]
    answer = ask(QUESTION, texts, DAY)
    assert [c.quote for c in answer.citations if c.passage_id == 6] == [KIT], answer.citations
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "LAST_ANTECEDENTS", False)
    alone = ask(QUESTION, texts, DAY)
    assert [c.quote for c in alone.citations if c.passage_id == 6] == [HOWEVER]
