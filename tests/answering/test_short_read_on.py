"""A short sentence quoted alone reads on (round 23).

A sentence the answer quotes alone, below its own pool (`_deeper`) or left out by the caps
(`_next_best`), was never read on: "does gloucestershire's director think everything is
sorted after the ofsted letter" (s13-005) quoted "Overall he felt that the direction of
travel was positive." and not the sentence after it, "There were still significant issues
but these were being addressed.", the answer. Such a sentence now reads on to the running
sentence after it when the two hold at most `answering.ALONE_READ_ON_WORDS` words (tune
chose 60 from 0, 25, 40, 60: eval/README.md "Evidence on the released `k13-` rows, round
23").

Texts: the Children and Families Overview and Scrutiny Committee minutes of 21 November
2018, items 41.1-41.9 (corpus/003, a seed document; 41.4 to its third sentence).
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering
from search_api.answering import _short_read_on
from search_api.sentences import Scored, candidates
from tests.answering.builders import AGENCY_AIM, ask, hit

LETTER = (
    "41.1 The Director of Children’s Services (DCS) informed the committee that he felt that "
    "this letter presented a balanced view of the council’s progress to date. Overall he "
    "felt that the direction of travel was positive. There were still significant issues "
    "but these were being addressed."
)
OVERALL = "Overall he felt that the direction of travel was positive."
ISSUES = "There were still significant issues but these were being addressed."
# The meeting's other items, as the seed document gives them (41.6 is `AGENCY_AIM`).
ITEMS = {
    "41.2": (
        "41.2 The DCS, and Cabinet Member for Children and Young People, particularly "
        "welcomed that the letter stated that staff morale was good with social workers "
        "talking positively about the support that they had received to assist them in "
        "developing their practice. He stated that it was good to see this as members would "
        "recall that following the original inspection staff morale had dipped and it has "
        "taken time to rebuild."
    ),
    "41.4": (
        "41.4 In response to questions the DCS informed the committee that the level of "
        "churn in the social worker workforce was a serious issue. The council was very "
        "reliant on agency workers to maintain the system (currently about 40% of the "
        "workforce was agency staff). Until the workforce became more stable it was "
        "difficult for there to be consistency in practice."
    ),
    "41.5": (
        "41.5 As previously discussed at committee meetings current market forces favoured "
        "the experienced social worker not the local authority. The DCS informed the "
        "committee that resources were not an in issue in Gloucestershire."
    ),
    "41.6": f"41.6 {AGENCY_AIM}",
    "41.9": (
        "41.9 The next Ofsted monitoring visit would likely be on 15 and 16 January 2019.The "
        "DCS anticipated that the next full inspection would be Summer/Autumn 2019."
    ),
}
SORTED = "does gloucestershire's director think everything is sorted after the ofsted letter"


def _alone(text: str, sentence: str) -> Scored:
    found = [c for c in candidates([hit(1, date(2018, 11, 21), text)]) if c.text == sentence]
    assert found, [c.text for c in candidates([hit(1, date(2018, 11, 21), text)])]
    return Scored(found[0], 0.3)


def test_a_short_sentence_quoted_alone_reads_on() -> None:
    """The 10-word sentence and the 10-word one after it: 20 words, within the budget."""
    quoted = _short_read_on(_alone(LETTER, OVERALL)).candidate
    assert quoted.text == f"{OVERALL} {ISSUES}"
    assert LETTER[quoted.start : quoted.end] == quoted.text


def test_not_past_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sentences holding more than `ALONE_READ_ON_WORDS` words: the sentence alone, as
    before (a long sentence quoted alone stays alone: answers do not grow by paragraphs)."""
    monkeypatch.setattr(answering, "ALONE_READ_ON_WORDS", 19)
    assert _short_read_on(_alone(LETTER, OVERALL)).candidate.text == OVERALL
    monkeypatch.setattr(answering, "ALONE_READ_ON_WORDS", 20)
    assert _short_read_on(_alone(LETTER, OVERALL)).candidate.text == f"{OVERALL} {ISSUES}"


def test_an_answer_quoting_a_deeper_passage_reads_its_short_sentence_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s13-005's form: items 41.5, 41.6, 41.4, 41.9 and 41.2 of the meeting fill the pool;
    41.1, read below it (6th), gives its best sentence alone (`_deeper`), now with the
    sentence after it; with the budget at 0 (round 22's behaviour) alone."""
    texts = [ITEMS[k] for k in ("41.5", "41.6", "41.4", "41.9", "41.2")] + [LETTER]
    answer = ask(SORTED, texts, date(2018, 11, 21))
    deeper = [c for c in answer.citations if c.passage_id == 6]
    assert [c.quote for c in deeper] == [f"{OVERALL} {ISSUES}"], answer.citations
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "ALONE_READ_ON_WORDS", 0)
    without = ask(SORTED, texts, date(2018, 11, 21))
    assert [c.quote for c in without.citations if c.passage_id == 6] == [OVERALL]
