"""List and several-part questions carry their evidence (issue #13 §3, round 5).

An officer asking "what are the main risks…" wants the list: the lead-in and its items
quoted from the cited passage. Items are often too short to be sentences ("Quality of
practice"), and an enumeration of names reads as a heading to a stray-line filter; a
question asking for several things has its parts in more passages than a plain one.
Texts are the seed minutes' own (corpus/000, corpus/001) and one Kent Cabinet sentence.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from indexer.models import Hit
from indexer.text import split_sentences
from search_api.answering import LEAD_WORDS, MAX_QUOTE_WORDS
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import aspects_of, candidates, is_stray, list_blocks
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

MARCH_2019 = date(2019, 3, 1)

# corpus/000 (Children and Families O&S, March 2019), as the chunker joins its lines.
ACHIEVEMENTS = (
    "The DCS informed the committee that the Improvement Board had agreed an accelerated "
    "improvement plan in response to the weaknesses identified in the February 2019 Ofsted "
    "letter. This plan identified 4 key achievements: - Quality of practice - Training of "
    "social workers and management development - Supervision and management oversight - "
    "Timeliness of visits"
)
ITEMS = (
    "Quality of practice",
    "Training of social workers and management development",
    "Supervision and management oversight",
    "Timeliness of visits",
)
PROSPECTS = (
    "The committee asked about the decision to bring the Prospects Service back in house. "
    "The DCS reminded members that this service had received a requires improvement rating "
    "from Ofsted."
)
# corpus/004 (September 2022 update): a list nested in a list.
DEVELOPMENTS = (
    "Key developments over the past month that will deliver impacts include: - Recruitment, "
    "retention and career progression: - 35 newly qualified social workers start their "
    "Assisted Year in Practice July-September 2022 and will be supernumerary for at least the "
    "first six months of their employment. - Permanent Heads of Service are now in place in "
    "all but two posts in Children’s Safeguarding and Care. - Development of new workforce "
    "strategy."
)
# corpus/004 (July 2022 report): Ofsted's recommendations, and the same items numbered and
# lettered as other councils' minutes number them.
RECOMMENDATIONS = (
    "The recommendations for improvement are: - The timeliness and application of consistent "
    "thresholds for child protection strategy meetings. - The suitability of accommodation "
    "for care leavers to meet their needs, including to feel safe. - The quality of case "
    "supervision and management."
)
NUMBERED = (
    "The recommendations for improvement are:\n1. The timeliness and application of "
    "consistent thresholds for child protection strategy meetings;\n2. The suitability of "
    "accommodation for care leavers;\n3. The quality of case supervision and management.\n"
    "The committee thanked the inspectors."
)
LETTERED = NUMBERED.replace("1. ", "(a) ").replace("2. ", "(b) ").replace("3. ", "(c) ")
# Kent Cabinet, 30 January 2025 (quarter 3 budget monitoring): an enumeration of names.
UNDERSPENDS = (
    "Underspends are being reported in Children, Young People & Education Department "
    "(-£9.9m), Chief Executive’s Department (-£1.2m), Deputy Chief Executive’s Department "
    "(-£3.0m) and Non Attributable Costs (-£7.0m)."
)


def _ask(question: str, hits: list[Hit], cosines: dict[int, float]):  # type: ignore[no-untyped-def]
    intent = TemporalIntent(span=None, trend=False, topic=question)
    return answering_builder().answer(intent, hits, cosines, {}, question=question)


def test_a_list_is_one_verbatim_candidate_with_its_lead_in() -> None:
    spans = [(s.start, s.end) for s in split_sentences(ACHIEVEMENTS)]
    blocks = list_blocks(ACHIEVEMENTS, spans)
    assert len(blocks) == 1
    start, end, items = blocks[0]
    assert items == 4
    quoted = ACHIEVEMENTS[start:end]
    # The lead-in is its own sentence, not the one before it.
    assert quoted.startswith("This plan identified 4 key achievements:")
    assert all(item in quoted for item in ITEMS)
    found = candidates([hit(1, MARCH_2019, ACHIEVEMENTS)])
    assert [c.text for c in found if c.items] == [quoted]
    # The items alone are too short to be sentences: only the whole list quotes them.
    assert not any(c.text == ITEMS[0] for c in found)


def test_a_list_question_quotes_the_lead_in_and_its_items() -> None:
    question = "What key achievements did the improvement plan identify?"
    assert aspects_of(question, question).many
    hits = [hit(1, MARCH_2019, ACHIEVEMENTS), hit(2, MARCH_2019, PROSPECTS)]
    r = _ask(question, hits, {1: 0.6, 2: 0.4})
    assert not r.abstained
    quote = next((c.quote for c in r.citations if "key achievements" in c.quote), "")
    assert all(item in quote for item in ITEMS), r.text
    assert quote in ACHIEVEMENTS  # verbatim
    assert len(quote.split()) <= MAX_QUOTE_WORDS
    # The opening line shows the list as it stands, lead-in first, short enough to read.
    assert r.lead and r.lead.startswith("This plan identified 4 key achievements:"), r.lead
    opening = re.sub(r" \[\d+\] \([^)]*\)\.?$", "", r.lead).rstrip(" …")
    assert opening in ACHIEVEMENTS and len(opening.split()) <= LEAD_WORDS


@pytest.mark.parametrize("text", [RECOMMENDATIONS, NUMBERED, LETTERED])
def test_bulleted_numbered_and_lettered_lists_are_lists(text: str) -> None:
    spans = [(s.start, s.end) for s in split_sentences(text)]
    (start, end, items), *_ = list_blocks(text, spans)
    assert items == 3
    assert text[start:end].startswith("The recommendations for improvement are:")
    assert text[start:end].endswith("supervision and management.")  # not the next sentence


def test_a_nested_list_is_quoted_once() -> None:
    question = "What key developments will deliver impacts on recruitment and retention?"
    hits = [hit(1, MARCH_2019, DEVELOPMENTS), hit(2, MARCH_2019, PROSPECTS)]
    r = _ask(question, hits, {1: 0.6, 2: 0.4})
    quotes = [c.quote for c in r.citations if c.passage_id == 1]
    assert any("Permanent Heads of Service" in q for q in quotes), r.text
    # No quote repeats another's words: the nested list stands inside the outer one.
    assert len(quotes) == 1, quotes


def test_a_plain_question_is_not_answered_with_a_whole_list() -> None:
    question = "Who agreed an accelerated improvement plan?"
    assert not aspects_of(question, question).many
    r = _ask(question, [hit(1, MARCH_2019, ACHIEVEMENTS)], {1: 0.6})
    assert not any("Timeliness of visits" in c.quote for c in r.citations), r.text


def test_an_enumeration_of_names_is_a_sentence_not_a_stray_line() -> None:
    assert not is_stray(UNDERSPENDS)
    assert is_stray("Councillors Smith, Jones, Brown and Patel")
    assert is_stray("Children and Families Overview and Scrutiny Committee Annual Report")


@pytest.mark.parametrize(
    ("question", "many"),
    [
        ("What categories of strategic authority does the White Paper create?", True),
        ("What budget amendments did opposition groups put forward?", True),
        ("What concerns have members raised about the Recovery Grant?", True),
        ("What has been said about recruiting social workers from abroad?", True),
        ("What have members been told about social workers' morale?", True),
        ("What were Ofsted's recommendations for improvement?", True),
        ("What was the overspend at quarter 3?", False),
        ("What progress has been made on the MASH?", False),
        ("What does the council plan for the Prospects Service?", False),
    ],
)
def test_questions_asking_for_several_things(question: str, many: bool) -> None:
    assert aspects_of(question, question).many is many


def test_a_question_asking_for_several_things_draws_on_lower_passages() -> None:
    """The seeds' 21 November 2018 declarations stand in the eighth passage of the
    evidence; a list question's parts are spread wider than a plain question's."""
    filler = [
        hit(i, MARCH_2019, f"The committee discussed the interests of children in care, part {i}.")
        for i in range(1, 8)
    ]
    declared = hit(
        8,
        date(2018, 11, 21),
        "Cllr Brian Robinson declared a personal interest as a Foster Carer. Cllr Shaun "
        "Parsons declared a personal interest as a trustee of the National Star College.",
    )
    cosines = {i: 0.5 for i in range(1, 9)}
    r = _ask("Which councillors declared interests?", [*filler, declared], cosines)
    assert "Shaun Parsons" in r.text and "Brian Robinson" in r.text, r.text


def test_seed_list_question_carries_every_item(seed_engine: Archive) -> None:
    """On the real seed index, end to end through `/ask`'s path."""
    r = seed_engine.reader().ask(
        SearchRequest("What key achievements did the improvement plan identify?", k=8)
    )
    assert not r.abstained
    assert any(all(item in c.quote for item in ITEMS) for c in r.citations), r.text
