"""A yes/no question's frame words are not its topic (round 30).

The opening auxiliary of "did the council …?" is a stopword, but the frame around it was
counted as topic: the adjective of "be able to" ("abl"), a negated auxiliary's host, cut
by the analyser from its "n't" ("didn", "wouldn"), the indefinite pronouns and "whether"
("does anyone know whether …"). No passage need hold them, so the abstention signals
found the top passages holding less of the question than of the same topic asked plainly
(k8-028 "Would a new mayor for Kent be able to add their own charge to council tax
bills?" was refused on both Kent indexes; eval/README.md, "Yes/no questions' frame words,
round 30").
"""

from __future__ import annotations

import pytest

from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import content_terms

# s2-611's topic ("Is the council hiring social workers from overseas?"), which the seed
# papers answer, asked in several yes/no frames.
PLAIN = "Could the council recruit social workers from overseas?"
FRAMED = (
    "Would the council be able to recruit social workers from overseas?",
    "Didn't the council recruit social workers from overseas?",
    "Does anyone know whether the council recruits social workers from overseas?",
    "Might the council recruit social workers from overseas?",
)


@pytest.mark.parametrize("question", FRAMED)
def test_a_yes_no_frame_adds_no_topic_term(question: str) -> None:
    assert content_terms(question) == content_terms(PLAIN) == [
        "recruit", "social", "worker", "oversea"
    ]  # fmt: skip


def test_frame_words_are_read_by_their_grammar() -> None:
    """The word "able" is a frame word only in "be able to"; "going" stays (a verb of motion too:
    "money going into capital projects"); an indefinite pronoun of any form goes."""
    assert "abl" in content_terms("Is the scheme able and affordable?")
    assert "go" in content_terms("has the money going into capital projects changed")
    assert content_terms("Is anybody doing something anywhere about potholes?") == ["pothol"]
    assert content_terms("don't they pay for women's refuges") == ["pai", "woman", "refug"]


@pytest.mark.parametrize("question", FRAMED)
def test_a_framed_question_is_held_as_the_plain_one(seed_engine: Archive, question: str) -> None:
    """On the seed index, the served `/ask` path: each framing's abstention signals count
    the topic's words only, so the top passages hold all of them, as they hold the plain
    question's (on `main`, 4 of 5 terms: coverage 0.8, or 4 of 6)."""
    reader = seed_engine.reader()
    plain = reader.ask(SearchRequest(PLAIN, 8))
    framed = reader.ask(SearchRequest(question, 8))
    assert plain.features is not None and framed.features is not None
    assert framed.features.terms == plain.features.terms
    assert framed.features.coverage == plain.features.coverage == 1.0
    assert not framed.abstained
