"""Which questions ask who (round 29, r29-who): `sentences.WHO_READING`.

A "who" question credits a sentence for naming someone (`Aspects.who`, `Candidate.named`:
a title or post such as "The DCS", or two capitalised words). On main any "who" in the
wording made a question a "who" question, the relative pronoun after a noun too ("young
people who have left care"), so a question about some people drew sentences that name an
officer and say nothing it asks. "who" (and "whom", "whose", "which councillor") asks
only when it opens the question or a clause, or follows a conjunction, a preposition or a
verb that takes a question (eval/README.md "A relative who asks no one, round 29").

Texts: the Children and Families Overview and Scrutiny Committee minutes of 21 November
2018, paragraphs 46.3 and 45.2 (corpus/001, the seed documents), as the reader gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import aspects_of
from tests.answering.builders import ask

# corpus/001, para 46.3 (the answer) and 45.2 (names "The DCS", says nothing asked).
PLACEMENTS = (
    "The committee agreed that the amount of money spent on external placements could be "
    "seen as inappropriate by the general public. It was important to understand that these "
    "were complex cases involving our most vulnerable children and young people who could "
    "be at risk of child sexual exploitation and from gangs. The committee applauded the "
    "work that the DCS was leading on to review each case and agreed that it would be "
    "helpful for a briefing paper to explain the context and issues involved."
)
ICT_KIT = (
    "Committee members were aware that delays in process could be as a result of the social "
    "worker not recording information in a timely way. The DCS informed the committee that "
    "all social workers now have access to ICT kit which should support them in this "
    "process. However training on how to get the most out of the kit and make it work for "
    "them was a significant factor, and would need to be addressed going forward."
)
PEOPLE = "What is the position on external placements for children who are at risk of exploitation?"


def test_a_relative_who_does_not_draw_a_sentence_for_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The question asks about children "who are at risk", not who did anything: the
    answer quotes the paragraph on external placements and not the ICT kit paragraph,
    which its "The DCS" lifted when the relative "who" read as asking for a name. The
    running topic (round 39) lifts the placements paragraph's own later sentences over it
    too, so the reading is measured with that off."""
    monkeypatch.setattr(sentences, "RUNNING_TOPIC", 0.0)
    texts, day = [PLACEMENTS, ICT_KIT], date(2018, 11, 21)
    quotes = [c.quote for c in ask(PEOPLE, texts, day).citations]
    assert any("external placements" in q for q in quotes), quotes
    assert not any("ICT kit" in q for q in quotes), quotes
    monkeypatch.setattr(sentences, "WHO_READING", False)
    assert any("ICT kit" in c.quote for c in ask(PEOPLE, texts, day).citations)


@pytest.mark.parametrize(
    "question",
    [
        PEOPLE,
        "Are children who are held in police cells overnight getting the help they need?",
        "Did councillors who are foster carers declare an interest?",
        "does the council pay for young people whose placements break down",
    ],
)
def test_a_relative_pronoun_asks_no_one(question: str) -> None:
    """ "who" or "whose" after a noun says which people the question is about."""
    assert not aspects_of(question, question).who


@pytest.mark.parametrize(
    "question",
    [
        "Who is responsible for the briefing on young people kept in police cells overnight?",
        "who was asked to review the children held in police cells",
        "What did the committee agree about agency staff, and who will report back?",
        "Under the improvement plan, who signs off the workforce strategy?",
        "The review of police cells was commissioned by whom?",
        "Which officer is leading the review of youth justice?",
        "Do we know who is writing the briefing on external placements?",
    ],
)
def test_an_asking_who_still_asks(question: str) -> None:
    """A "who" that opens the question or a clause, or follows "and", a preposition or a
    verb that takes a question, asks for a name as before."""
    assert aspects_of(question, question).who
