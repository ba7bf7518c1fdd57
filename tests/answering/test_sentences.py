"""Sentence splitting keeps verbatim slices; quotes are always found in their passage."""

from __future__ import annotations

from indexer.text import ANALYZER, split_sentences
from search_api.answering import content_terms, coverage
from search_api.sentences import is_action, topic_stems

TEXT = (
    "41.4 In response to questions the DCS informed the committee that churn was a serious "
    "issue. The council was very reliant on agency workers (currently about 40% of the "
    "workforce was agency staff). Cllr. Smith asked e.g. about pay. Ofsted made "
    "recommendations in the following areas: - Thresholds for meetings - How well IT "
    "systems support social workers"
)


def test_sentences_are_verbatim_slices() -> None:
    sentences = split_sentences(TEXT)
    for s in sentences:
        assert TEXT[s.start : s.end] == s.text
    texts = [s.text for s in sentences]
    assert texts[0].startswith("In response")  # paragraph number trimmed
    assert any("about 40%" in t for t in texts)
    assert "Cllr. Smith asked e.g. about pay." in texts  # abbreviations do not split
    assert any(t.endswith("following areas:") for t in texts)
    assert "Thresholds for meetings" in texts


def test_content_terms_skip_generic_words_and_years() -> None:
    terms = content_terms("What did the committee decide about library opening hours in 2019?")
    assert terms == ["librari", "open", "hour"]  # Porter stems, as BM25 indexes
    assert coverage(terms, "The library will be open longer") == 2 / 3


def test_decisions_in_other_councils_words_are_actions() -> None:
    """Councils record decisions in their own words; an action question must find them
    whichever country's minutes it reads, and ordinary prose must stay plain."""
    decisions = [
        "RESOLVED that the report be noted.",
        "It was moved by Cllr Byrne, seconded by Cllr Walsh, and carried.",
        "The motion passed 5-0.",
        "The Council unanimously approved the revised development plan.",
        "Members voted in favour of the new parking charges.",
        "The Committee decided to defer the item to its next meeting.",
    ]
    plain = [
        "The approved budget for 2019 was £4.2m.",
        "Agency staff were about 40% of the workforce.",
        "The plan was discussed at length by members.",
    ]
    assert all(is_action(text) for text in decisions)
    assert not any(is_action(text) for text in plain)


def test_a_names_modifier_is_not_the_topic() -> None:
    topic = ANALYZER.query_terms("agency staffing")
    mash = "visit would focus on the MASH (Multi Agency Safeguarding Hub) and staff"
    assert "agenc" not in topic_stems(mash, topic)
    assert "staff" in topic_stems(mash, topic)  # outside the name it counts
    # Two topic terms in the name, or the named thing itself, still count.
    assert "agenc" in topic_stems("the Agency Staff Review Group met", topic)
    ombudsman = ANALYZER.query_terms("ombudsman complaints")
    text = "the Local Government and Social Care Ombudsman upheld it"
    assert "ombudsman" in topic_stems(text, ombudsman)
