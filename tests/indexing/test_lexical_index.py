"""The BM25 posting index: FTS5's scoring, rebuilt at every publish, filtered by id."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from indexer.errors import IndexCorruptError
from indexer.lexical import LEXICAL_DIR, LexicalIndex
from search_api.archive import Archive
from tests.searching import search

PASSAGES = [
    (3, "Agency social workers cost the council more than permanent staff.", "Workforce"),
    (5, "The committee noted the Ofsted inspection judgement of good.", "Ofsted"),
    (8, "Members asked about agency staffing in the MASH.", None),
    (13, "The café budget was agreed.", "Budget"),
]


def test_scores_follow_fts5_bm25() -> None:
    """One term, by hand: idf = ln((N − n + 0.5)/(n + 0.5)), k1 1.2, b 0.75, lengths in
    tokens of text plus title, stopwords counted in length."""
    index = LexicalIndex.build(PASSAGES)
    hits = dict(index.search("MASH", 10))
    assert list(hits) == [8]
    lengths = [11, 10, 8, 6]  # text + title tokens, stopwords included
    idf = math.log((4 - 1 + 0.5) / (1 + 0.5))
    expected = idf * 1 * 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 8 / (sum(lengths) / 4)))
    assert hits[8] == pytest.approx(expected, rel=1e-5)


def test_stems_titles_and_diacritics() -> None:
    index = LexicalIndex.build(PASSAGES)
    assert {pid for pid, _ in index.search("worker inspected", 10)} == {3, 5}  # Porter stems
    assert [pid for pid, _ in index.search("workforce", 10)] == [3]  # title words count
    assert [pid for pid, _ in index.search("Cafe", 10)] == [13]
    assert index.search("the of and", 10) == []  # stopwords only


def test_allowed_ids_restrict_results() -> None:
    index = LexicalIndex.build(PASSAGES)
    assert [p for p, _ in index.search("agency", 10, np.array([8, 99]))] == [8]
    assert index.search("agency", 10, np.array([], dtype=np.int64)) == []


def test_save_load_round_trip_and_damage(tmp_path: Path) -> None:
    index = LexicalIndex.build(PASSAGES)
    index.save(tmp_path / LEXICAL_DIR)
    loaded = LexicalIndex.load(tmp_path / LEXICAL_DIR)
    assert loaded.search("agency staffing", 10) == index.search("agency staffing", 10)
    (tmp_path / LEXICAL_DIR / "rows.npy").write_bytes(b"\x93NUMPY garbage")
    with pytest.raises(IndexCorruptError, match="unreadable"):
        LexicalIndex.load(tmp_path / LEXICAL_DIR)


def test_out_of_order_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="ascending"):
        LexicalIndex.build(list(reversed(PASSAGES)))


def test_seed_index_covers_every_passage(seed_engine: Archive) -> None:
    snapshot = seed_engine.snapshot
    lexical = snapshot.retriever.lexical_index
    assert len(lexical) == snapshot.info.passages
    assert f"{LEXICAL_DIR}/scores.npy" in snapshot.info.files
    hits = search(seed_engine, "agency social workers", k=5, mode="lexical")
    assert hits and all(w in hits[0].text.lower() for w in ("agency", "social", "worker"))
    assert all(any(w in h.text.lower() for w in ("agency", "social", "worker")) for h in hits)


@pytest.mark.parametrize("k", [1, 3, 25])
def test_top_k_equals_scoring_every_passage(seed_engine: Archive, k: int) -> None:
    """The lower-bound shortcut in `search` must pick the same passages as sorting all."""
    lexical = seed_engine.snapshot.retriever.lexical_index
    for query in ("agency social workers", "the committee", "Ofsted inspection", "budget 2019"):
        totals = np.zeros(len(lexical), dtype=np.float32)
        for term, weight in lexical.analyzer.weighted_query_terms(query, lexical.terms).items():
            col = lexical.terms[term]
            start, end = lexical.indptr[col], lexical.indptr[col + 1]
            totals[lexical.rows[start:end]] += weight * lexical.scores[start:end]
        ranked = sorted(zip(-totals, lexical.ids.tolist(), strict=True))[:k]
        expected = [(pid, -score) for score, pid in ranked if score < 0]
        got = lexical.search(query, k)
        assert [p for p, _ in got] == [p for p, _ in expected], query


def test_document_title_is_a_weighted_field() -> None:
    """A budget amendment's passage rarely says "amendment": its document title does."""
    rows = [
        (1, "Allocate up to £75k from general reserves to fund a feasibility study.", "Purpose",
         "Amendment - Greens and Independents - Home to School Transport"),
        (2, "The feasibility study of the depot found the roof unsafe.", "Depots",
         "Property report"),
        (3, "Members debated the timing of the transport review.", None, None),
    ]  # fmt: skip
    index = LexicalIndex.build(rows)
    assert [pid for pid, _ in index.search("budget amendments feasibility study", 3)][0] == 1
    assert [pid for pid, _ in index.search("amendment", 3)] == [1]
    # a title word counts DOC_TITLE_WEIGHT of a text word
    titled = dict(LexicalIndex.build([(1, "x y", None, "reserves"), (2, "reserves z", None, None),
                                      (3, "a b", None, None)]).search("reserves", 3))  # fmt: skip
    assert 0 < titled[1] < titled[2]


COMPOUND_ROWS = {
    1: "Average social worker caseloads fell to 18 children.",
    2: "The case loads of the safeguarding teams were reviewed.",
    3: "Smokefree spaces were opened in parks.",
    4: "Three smoke-free playgrounds were opened.",
    5: "The committee noted the report on free school meals.",
}


@pytest.mark.parametrize(
    ("query", "kept", "expected"),
    [
        ("case loads", (1, 2, 5), 1),  # joined: "caseload" is an index term
        ("smoke free", (3, 4, 5), 3),
        ("caseloads", (2, 5), 2),  # split: the index only knows "case" and "load"
        ("smokefree", (4, 5), 4),
    ],
)
def test_compounds_match_either_spelling(query: str, kept: tuple[int, ...], expected: int) -> None:
    """Papers write "caseloads" and "case loads", "smoke-free" and "smokefree": a query in
    one spelling finds the passage written in the other."""
    index = LexicalIndex.build([(pid, COMPOUND_ROWS[pid], None) for pid in kept])
    assert expected in {pid for pid, _ in index.search(query, 5)}


def test_a_known_word_is_not_split() -> None:
    """The index knows "integrated": splitting it into "int" + "grate" only adds noise."""
    index = LexicalIndex.build(
        [(1, "The integrated care strategy.", None), (2, "A grate and an int value.", None)]
    )
    assert [pid for pid, _ in index.search("integrated", 5)] == [1]
    assert index.analyzer.weighted_query_terms("integrated", index.terms) == {"integr": 1.0}


def test_coverage_is_the_idf_weighted_share_of_query_words_held() -> None:
    """Fusion's coverage: all of "agency staffing" in passage 8, only "agency" in 3 (the
    rarer word carries more of the share), none in 13; an unknown id is 0, a word no
    passage holds counts as missing everywhere."""
    index = LexicalIndex.build(PASSAGES)
    cover = index.coverage_for("agency staffing", [3, 8, 13, 99])
    assert cover[8] == pytest.approx(1.0)
    assert cover[13] == 0.0 and cover[99] == 0.0
    assert 0.0 < cover[3] < 0.5  # "agency" (2 passages) is commoner than "staffing" (1)
    assert index.coverage_for("agency zeppelin", [8])[8] < 0.5
