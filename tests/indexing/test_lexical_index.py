"""The BM25 posting index: FTS5's scoring, rebuilt at every publish, filtered by id."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from indexer.errors import IndexCorruptError
from indexer.lexical import LEXICAL_DIR, LexicalIndex
from search_api.archive import Archive

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
    hits = seed_engine.search("agency social workers", k=5, mode="lexical")
    assert hits and all(w in hits[0].text.lower() for w in ("agency", "social", "worker"))
    assert all(any(w in h.text.lower() for w in ("agency", "social", "worker")) for h in hits)


@pytest.mark.parametrize("k", [1, 3, 25])
def test_top_k_equals_scoring_every_passage(seed_engine: Archive, k: int) -> None:
    """The lower-bound shortcut in `search` must pick the same passages as sorting all."""
    lexical = seed_engine.snapshot.retriever.lexical_index
    for query in ("agency social workers", "the committee", "Ofsted inspection", "budget 2019"):
        totals = np.zeros(len(lexical), dtype=np.float32)
        for term in lexical.analyzer.query_terms(query):
            col = lexical.terms[term]
            start, end = lexical.indptr[col], lexical.indptr[col + 1]
            totals[lexical.rows[start:end]] += lexical.scores[start:end]
        ranked = sorted(zip(-totals, lexical.ids.tolist(), strict=True))[:k]
        expected = [(pid, -score) for score, pid in ranked if score < 0]
        got = lexical.search(query, k)
        assert [p for p, _ in got] == [p for p, _ in expected], query
