"""The word right after "how" names the measure a question asks for, not its topic, and
counts less on the BM25 side of hybrid search (`LexicalIndex.measure_terms`,
`Retriever.term_weights`; eval/README.md, Ranking on everyday wording, round 18)."""

from __future__ import annotations

import pytest

from indexer.lexical import LexicalIndex

PASSAGES = [
    (1, "The capital programme totals £1,419m over ten years.", "Capital programme"),
    (2, "Members asked how much the café would cost and how much was too much.", None),
    (3, "The revenue budget was agreed.", "Budget"),
    (4, "Ofsted judged children's services good.", "Ofsted"),
    (5, "Agency social workers cost more than permanent staff.", "Workforce"),
    (6, "The minutes of the last meeting were agreed.", None),
    (7, "Highways schemes in the capital programme were rephased.", None),
    (8, "The treasury management strategy was noted.", None),
]


def test_measure_terms_are_the_words_right_after_how() -> None:
    index = LexicalIndex.build(PASSAGES)
    assert index.measure_terms("How much is the capital programme, and how many years?") == {
        "much",
        "mani",
    }
    # a stopword after "how" names no measure; "how" elsewhere is no frame
    assert index.measure_terms("How did the budget change and how has it grown?") == set()
    assert index.measure_terms("The capital programme") == set()


def test_weights_scale_bm25_search_scores_and_coverage() -> None:
    """The asker's "how much" puts the café passage first; with the measure word weighed
    down, the passage on the capital programme is first."""
    index = LexicalIndex.build(PASSAGES)
    query = "how much is the capital programme"
    assert index.search(query, 3)[0][0] == 2
    weights = dict.fromkeys(index.measure_terms(query), 0.25)
    searched = index.search(query, 3, weights=weights)
    assert searched[0][0] == 1
    exact = index.scores_for(query, [pid for pid, _ in searched], weights)
    for pid, score in searched:
        assert exact[pid] == pytest.approx(score)
    assert exact[2] == pytest.approx(0.25 * index.scores_for(query, [2])[2])
    assert index.coverage_for(query, [1], weights)[1] > index.coverage_for(query, [1])[1]
    # weight 0 drops the word: the search is the search without it
    dropped = index.search(query, 3, weights=dict.fromkeys(weights, 0.0))
    assert dropped == index.search("is the capital programme", 3)
