"""An indefinite pronoun that frames a yes/no question is no topic word (round 30), and a
question's word the archive holds in another form of the same word is not absent (round
31).

Round 30 left indefinite pronouns out of a question's topic terms ("does anyone check …",
"is anything being done …"); round 31's narrowing of that class by grammar (a pronoun
followed by "else", an infinitive or an adjective stays topic) moved no tune row and was not
adopted (branch `r31-yesno`). And `absent_salience` read a term as absent by its exact stem
(or a longer form), not by `abstention.same_word`, which the other signals use:
"environmental" counted as a word the seed papers never hold though they say "environment"
(eval/README.md, "Yes/no frame words narrowed, and absent salience by `same_word`, round
31"; round 31's example, "trainer" for "training", is another word since round 32: the
doer's "-er" on a short stem, tests/answering/test_same_word.py).
"""

from __future__ import annotations

import pytest

from search_api.abstention import ABSENT, absent_salience
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import content_terms


@pytest.mark.parametrize(
    "question",
    [
        "Does anyone check whether case files are audited?",  # subject of the auxiliary
        "Is anything being done to fix potholes?",
        "Has anything changed about potholes?",  # the verb after its subject
        "How many schools sent someone to the conference on potholes?",  # "to the": no verb
        "Is anybody doing something anywhere about potholes?",  # another pronoun
    ],
)
def test_a_pronoun_that_frames_the_question_is_no_topic(question: str) -> None:
    terms = content_terms(question)
    assert not {"anyon", "anyth", "someon", "someth", "anybodi", "anywher"} & set(terms)
    assert "pothol" in terms or "audit" in terms


def test_the_archive_holds_a_word_in_another_form_of_it(seed_engine: Archive) -> None:
    """The seed papers say "environment" (stem "environ"), never "environmental" (stem
    "environment"): by `same_word` ("environ" + "ment", a stem the stemmer cut one step
    short) the word is held, as coverage already counts it, so it is no absent word (before
    round 31 its IDF was the never-held word's and `absent_salience` weighed it)."""
    reader = seed_engine.reader()
    idf = reader.answers.idf
    assert idf is not None
    assert idf("environment") < idf(ABSENT)
    assert idf("graffiti") == idf(ABSENT)  # a word held in no form stays absent
    assert absent_salience(("environment", "social"), idf, dict) == 0.0
    answer = reader.ask(
        SearchRequest("Did environmental pressure on front line social workers raise sickness?", 8)
    )
    assert answer.features is not None
    assert "environment" in answer.features.terms
    assert answer.features.absent_salience == 0.0
