"""An abbreviation the question spells out (round 30, `sentences.SPELLED_OUT`).

Papers name a thing in full once and by its initials after: "the comments relating to the
Multi Agency Safeguarding Hub (MASH) have already been actioned. Members reiterated their
wish to visit the MASH …". A question that spells the thing out ("the multi agency
safeguarding hub") is answered by a sentence that writes only its initials; that sentence
holds the question's terms for it (`spelled_out`, `topic_stems`), in its score and in the
guard's and the band's test (`answering._speaks`, `_asked_for`). eval/README.md "An
abbreviation the question spells out, round 30".

Text: the Children and Families Overview and Scrutiny Committee minutes of 21 November
2018, items 41.3 and 41.4 (corpus/003, the seed documents).
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering, sentences
from search_api.sentences import (
    Scored,
    aspects_of,
    candidates,
    score_candidates,
    spelled_for,
    spelled_out,
    spelled_stems,
)
from tests.answering.builders import hit

DAY = date(2018, 11, 21)
ACTIONED = (
    "The DCS informed committee members that the comments relating to the Multi Agency "
    "Safeguarding Hub (MASH) have already been actioned."
)
VISIT = (
    "Members reiterated their wish to visit the MASH and it was agreed that visits would be "
    "arranged as soon as possible, preferably before the next committee meeting in January "
    "2019."
)
ASYE = (
    "It was disappointing that having invested in the ASYE social workers (Assisted and "
    "Supported Year in Employment) that many of them were not choosing to remain with the "
    "council."
)
HUB = "What did the committee hear about the multi agency safeguarding hub?"


def _scored(question: str) -> list[Scored]:
    hits = [hit(1, DAY, f"{ACTIONED} {VISIT}"), hit(2, DAY, ASYE)]
    aspects = aspects_of(question, question)
    return score_candidates(candidates(hits), aspects, {1: 0.6, 2: 0.6})


def _one(scored: list[Scored], text: str) -> Scored:
    return next(s for s in scored if s.candidate.text == text)


def _stands(question: str, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The question's abbreviations that stand for its words in a passage `text`."""
    return spelled_for(aspects_of(question, question).spelled, hit(1, DAY, text))


def test_the_initials_a_question_spells_out() -> None:
    spelled = {a: (words, terms) for a, words, terms in spelled_out(HUB)}
    assert spelled["MASH"] == (
        "multi agency safeguarding hub",
        ("multi", "agenc", "safeguard", "hub"),
    )
    # An abbreviation may leave out the joining words ("and", "in").
    asye = {a for a, _, _ in spelled_out("assisted and supported year in employment")}
    assert "ASYE" in asye and "AASYIE" in asye
    # No run of the question's words starts "DCS": the Director is not spelled out.
    assert "DCS" not in spelled
    passage = f"{ACTIONED} {VISIT}"
    assert spelled_stems(VISIT, _stands(HUB, passage))
    assert not spelled_stems(ACTIONED.replace("(MASH)", ""), _stands(HUB, passage))


def test_initials_stand_for_the_question_only_where_the_paper_writes_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A passage writing only "MASH" never says it is the hub; "DCS" in minutes that never
    write "did councillors support" is the Director."""
    assert not _stands(HUB, VISIT)
    assert "MASH" in [a for a, _ in _stands(HUB, f"{ACTIONED} {VISIT}")]
    # The item title writes the words for every passage of the item.
    titled = hit(1, DAY, VISIT)
    titled = titled.model_copy(
        update={"citation": titled.citation.model_copy(
            update={"item_title": "Multi Agency Safeguarding Hub"})}
    )  # fmt: skip
    assert "MASH" in [a for a, _ in spelled_for(aspects_of(HUB, HUB).spelled, titled)]
    support = "did councillors support the DCS"
    assert not _stands(support, "The DCS informed the committee of the workforce plan.")
    monkeypatch.setattr(sentences, "SPELLED_WRITTEN", False)
    assert _stands(support, "The DCS informed the committee of the workforce plan.")


def test_initials_the_text_spells_out_by_other_words_stand_for_those() -> None:
    """k9-038's report (corpus Kent papers, as tests/answering/test_list_and_action_evidence
    quotes it): "RS" there is Road Sense, not the road safety a question asks about."""
    road = "What road safety work did the council do?"
    sense = "Road Sense (RS) delivery to Year 7 (23 schools), for road safety in schools"
    assert ("RS", ("road", "safeti")) in _stands(road, sense)
    assert not spelled_stems(sense, _stands(road, sense))
    safety = "Road Safety (RS) work and RS sessions"
    assert spelled_stems(safety, _stands(road, safety))


def test_a_sentence_writing_the_initials_holds_the_spelled_out_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on = _one(_scored(HUB), VISIT)
    assert on.coverage > 0.5  # the hub's four terms of the question's five ("hear")
    assert answering._asked_for(on, aspects_of(HUB, HUB))  # the band's test: it speaks
    monkeypatch.setattr(sentences, "SPELLED_OUT", False)
    off = _one(_scored(HUB), VISIT)
    assert off.coverage == 0.0 and on.score > off.score
    assert not answering._asked_for(off, aspects_of(HUB, HUB))


def test_a_question_spelling_out_nothing_written_scores_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "What did the committee hear about social worker retention?"
    on = {s.candidate.text: s.score for s in _scored(question)}
    monkeypatch.setattr(sentences, "SPELLED_OUT", False)
    off = {s.candidate.text: s.score for s in _scored(question)}
    assert on == off


def test_a_passage_is_read_for_the_initials_once_not_once_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Which abbreviations stand for the question's words is the passage's (its text and
    item title), so scoring reads it once a passage, with the scores as before."""
    before = {(s.candidate.text, s.score, s.coverage) for s in _scored(HUB)}
    reads: list[str] = []

    def counted(spelled: object, h: object) -> object:
        reads.append(h.text)  # type: ignore[attr-defined]
        return spelled_for(spelled, h)  # type: ignore[arg-type]

    monkeypatch.setattr(sentences, "spelled_for", counted)
    scored = _scored(HUB)
    assert len({s.candidate.hit.passage_id for s in scored}) == 2 < len(scored)
    assert sorted(reads) == sorted([f"{ACTIONED} {VISIT}", ASYE])
    assert {(s.candidate.text, s.score, s.coverage) for s in scored} == before
