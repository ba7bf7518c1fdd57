"""A question's words for a sum of money are no topic word of the abstention signals
(round 50, `abstention.SUM_WORDS`).

Everyday questions ask for "money" ("how much more money would it take …", "is the council
counting on developer money …"); papers state the sum ("£2.6 million of Business Rates
Retention pilot income"), not the word. Counted as a topic term, "money" lowered every
coverage of the passages that answer and made pairs ("pilot money") stand apart: on round
50's tune rows (heldout) 10 of the 37 answerable questions refused said "money".
"""

from __future__ import annotations

from indexer.text import ANALYZER
from search_api.abstention import SUM_WORDS, coverage, support_features, term_saliency
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import aspects_of

# s2-01's topic asked in everyday words: the seed passage that answers it says "£2.6
# million of Business Rates Retention pilot income", never "money".
QUESTION = "How much business rates pilot money went on the children's services overspend?"
MONEY = ANALYZER.term("money") or "monei"


def test_the_words_are_the_index_terms_of_money_and_cash() -> None:
    assert {ANALYZER.term("money"), ANALYZER.term("cash")} == SUM_WORDS
    assert MONEY in aspects_of(QUESTION, QUESTION).terms  # the answer's scores still read it


def test_the_signals_read_the_question_as_if_it_did_not_say_money(seed_engine: Archive) -> None:
    """On the same hits, with the real model's saliency, the signals of the question with
    "money" equal those of its terms without it; on `main` the passage that answers lacked
    one term of the question (coverage below its coverage without it)."""
    reader = seed_engine.reader()
    found = reader.search(SearchRequest(QUESTION, 8))
    gold = next(h for h in found.hits if "pilot income" in h.text)
    assert MONEY not in ANALYZER.terms(gold.text)
    terms = aspects_of(QUESTION, QUESTION).terms
    without = tuple(t for t in terms if t != MONEY)
    assert coverage(terms, gold.text) < coverage(without, gold.text)
    encode = reader.answers.encode
    idf = reader.answers.idf

    def features(ts: tuple[str, ...]) -> dict[str, object]:
        f = support_features(
            ts, found.hits, found.cosines, idf=idf, topic=QUESTION,
            saliency=lambda: term_saliency(QUESTION, ts, encode),
        )  # fmt: skip
        return f.as_dict() | {"saliency": None}  # measured over each call's own terms

    said, unsaid = features(terms), features(without)
    assert said == unsaid
    assert said["terms"] == without


def test_a_question_of_money_alone_keeps_the_word() -> None:
    """Nothing else left: the word stays (a question must have terms to be supported)."""
    f = support_features((MONEY,), [], {})
    assert f.terms == (MONEY,)


def test_ask_records_the_signals_without_money(seed_engine: Archive) -> None:
    """`/ask` decides on (and records) the signals without the word, and answers."""
    answer = seed_engine.reader().ask(SearchRequest(QUESTION, 8))
    assert answer.features is not None
    assert MONEY not in answer.features.terms
    assert "pilot" in answer.features.terms
    assert not answer.abstained
