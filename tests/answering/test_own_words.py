"""A sentence's own words on the topic, beside its item title's (round 36, eval/README.md "Ties
under a title, round 36").

A sentence's coverage counts the topic terms of its item title with its own: a
passage under "Annual Minimum Revenue Provision (MRP) Statement" speaks of MRP in every
sentence. So under a title that names the topic every sentence of the item holds the
title's terms, and coverage ties the sentence that says the topic itself ("Each year an
updated MRP statement will be presented.") with those around it that do not ("Any
adjustment made will be reflected in later years …"); the tie went to reading order and the
answer's caps (k25-024). `sentences.OWN_WORDS_TIES` orders tied sentences by the share of
the topic their own words hold, and nothing else: their scores move by less than any part
of a score does, and `Scored.coverage`, which the abstention signals read, stays the
title's too.

Text: Kent's 2025-26 budget book, Appendix P (County Council, 13 February 2025), as the PDF
reader gives it.
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Hit
from search_api import sentences
from search_api.sentences import Scored, aspects_of, candidates, score_candidates
from tests.answering.builders import hit

DAY = date(2025, 2, 13)
TITLE = "Annual Minimum Revenue Provision (MRP) Statement"
# Appendix P, its last passage.
MRP = (
    "Any adjustment made will be reflected in later years to ensure the overall repayment of "
    "our liabilities is covered at the appropriate point in time. This will depend on the "
    "position of the balance sheet each year and will be a new calculation each year but "
    "using the same principles. This method retains the guidance calculations but allows "
    "for a more prudent approach, ensuring that adequate provision is made to ensure debt is "
    "repaid. Each year an updated MRP statement will be presented."
)
GOLD = "Each year an updated MRP statement will be presented."
QUESTION = "does the council put out a new minimum revenue provision statement every year"


def _titled(text: str, title: str | None) -> Hit:
    h = hit(1, DAY, text)
    return h.model_copy(update={"citation": h.citation.model_copy(update={"item_title": title})})


def _scored(title: str | None = TITLE) -> dict[str, Scored]:
    aspects = aspects_of(QUESTION, QUESTION)
    found = candidates([_titled(MRP, title)])
    return {s.candidate.text: s for s in score_candidates(found, aspects, {1: 0.6})}


def test_the_sentence_saying_the_topic_wins_the_tie_under_its_title() -> None:
    scored = _scored()
    others = [s.score for text, s in scored.items() if text != GOLD]
    assert scored[GOLD].score > max(others)


def test_without_the_rule_the_title_ties_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tie the rule breaks: the title holds the topic for every sentence."""
    monkeypatch.setattr(sentences, "OWN_WORDS_TIES", False)
    assert len({s.score for s in _scored().values()}) == 1


def test_a_tie_break_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scores move by less than any part of a score, coverage not at all; a passage with
    no title has no tie the title made and is scored as without the rule."""
    on, bare_on = _scored(), _scored(None)
    monkeypatch.setattr(sentences, "OWN_WORDS_TIES", False)
    off, bare_off = _scored(), _scored(None)
    assert all(abs(on[t].score - off[t].score) <= 1e-5 for t in on)
    assert {t: s.coverage for t, s in on.items()} == {t: s.coverage for t, s in off.items()}
    assert {t: s.score for t, s in bare_on.items()} == {t: s.score for t, s in bare_off.items()}
