"""BM25's k1 and b as settings: honoured at publish, recorded in the index, and an index
scored with other constants re-scored by the next build (never served mixed).

Fast: the session's seed index is copied, not built again; the re-score embeds nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer import compatibility
from indexer.builder import Indexer
from indexer.compatibility import bm25_record, bm25_settings, lexical_mismatch, recorded_bm25
from indexer.embedding import Embedder
from indexer.errors import IndexMismatchError
from indexer.lexical import FTS5_BM25, LEXICAL_DIR, Bm25, LexicalIndex
from indexer.settings import Settings
from indexer.snapshot import INFO_FILE, VECTORS_FILE, IndexDir, IndexInfo
from indexer.store import PassageStore
from indexer.text import ANALYZER_VERSION
from search_api.archive import Archive
from tests.indexes import as_published_before
from tests.searching import search

PASSAGES = [
    (3, "Agency social workers cost the council more than permanent staff.", "Workforce"),
    (5, "Agency agency agency: the committee noted agency use in the MASH and the "
        "front door, the assessment teams and the children in care teams.", "Staffing"),
    (8, "Members asked about agency staffing.", None),
]  # fmt: skip


def test_k1_and_b_shape_the_postings() -> None:
    """b 0 ignores length, a small k1 saturates repeats: the scores follow the formula."""
    flat = dict(LexicalIndex.build(PASSAGES, Bm25(k1=1.2, b=0.0)).search("agency", 10))
    fts5 = dict(LexicalIndex.build(PASSAGES, FTS5_BM25).search("agency", 10))
    saturated = dict(LexicalIndex.build(PASSAGES, Bm25(k1=0.1, b=0.0)).search("agency", 10))
    assert flat[5] / flat[8] == pytest.approx((4 * 2.2 / (4 + 1.2)) / (2.2 / (1 + 1.2)), rel=1e-5)
    assert fts5[5] / fts5[8] < flat[5] / flat[8]  # b 0.75 discounts the long passage
    assert saturated[5] / saturated[8] == pytest.approx((4 * 1.1 / 4.1) / (1.1 / 1.1), rel=1e-5)


def test_an_index_without_a_record_was_scored_with_fts5_constants() -> None:
    info = IndexInfo(
        package_version="0", model="any", dim=384, chunking={},
        vector_kind="flat", corpora=[], passages=0, documents=0,
    )  # fmt: skip
    assert recorded_bm25(info) == FTS5_BM25
    # the constants match; its terms are analyser 1's (`ANALYZER_VERSION` 2 since round 52,
    # 3 since round 54)
    unchanged = lexical_mismatch(info, Settings(bm25_k1=1.2, bm25_b=0.75))
    assert unchanged == f"its terms were made by analyser 1, not {ANALYZER_VERSION}"
    problem = lexical_mismatch(info, Settings(bm25_k1=0.9, bm25_b=0.75))
    assert problem is not None and "k1 1.2, b 0.75, not k1 0.9" in problem


def test_postings_made_by_another_analyser_are_a_lexical_mismatch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An index records the analyser beside k1 and b; one recorded before (no version) was
    made by the first, and a changed analyser (`ANALYZER_VERSION` raised) re-scores it."""
    settings = Settings(bm25_k1=1.2, bm25_b=0.75)
    info = IndexInfo(
        package_version="0", model="any", dim=384, chunking={}, vector_kind="flat",
        corpora=[], passages=0, documents=0, bm25={"k1": 1.2, "b": 0.75},
    )  # fmt: skip
    assert ANALYZER_VERSION == 3  # irregular forms (round 52), less the modals' (round 54)
    problem = lexical_mismatch(info, settings)
    assert problem == "its terms were made by analyser 1, not 3"
    assert bm25_record(settings) == {"k1": 1.2, "b": 0.75, "analyzer": ANALYZER_VERSION}
    info.bm25 = compatibility.bm25_record(settings)
    assert lexical_mismatch(info, settings) is None
    monkeypatch.setattr(compatibility, "ANALYZER_VERSION", ANALYZER_VERSION + 1)
    problem = lexical_mismatch(info, settings)
    assert problem == f"its terms were made by analyser 3, not {ANALYZER_VERSION + 1}"


def _age(index_dir: Path) -> Path:
    """Turn the copied index into one published before k1 and b were recorded: postings
    scored with FTS5's constants, no `bm25` in index.json, digests kept valid."""
    version = IndexDir(index_dir).current()
    store = PassageStore(version / "passages.sqlite", readonly=True)
    try:
        old = LexicalIndex.build(store.lexical_rows(), FTS5_BM25)
    finally:
        store.close()
    shutil.rmtree(version / LEXICAL_DIR)
    old.save(version / LEXICAL_DIR)
    as_published_before(version, "bm25")
    return version


def test_old_index_is_refused_then_rescored_by_the_next_build(
    tmp_path: Path, seed_settings: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `make serve` meets after k1/b change: the server refuses the old postings
    with the fix, the build (which `make serve` runs first) re-scores them without
    re-embedding, and the served scores are the new constants'."""
    index_dir = tmp_path / "index"
    shutil.copytree(seed_settings.index_dir, index_dir)
    old_version = _age(index_dir)
    old = Settings(corpus=seed_settings.corpus, index_dir=index_dir, bm25_k1=1.2, bm25_b=0.75)
    with monkeypatch.context() as m:  # under the analyser of its day, still served
        m.setattr(compatibility, "ANALYZER_VERSION", 1)
        assert search(Archive.open(old, embedder), "agency social workers", k=3)
    new = old.model_copy(update={"bm25_k1": 0.5, "bm25_b": 0.3})
    with pytest.raises(IndexMismatchError, match=r"BM25 .*k1 1\.2, b 0\.75.*indexer build"):
        Archive.open(new, embedder)

    report = Indexer(new, embedder).build()
    assert report.version is not None and report.new_passages == 0 and not report.changed
    version = IndexDir(index_dir).current()
    assert version != old_version
    assert (version / VECTORS_FILE).read_bytes() == (old_version / VECTORS_FILE).read_bytes()
    info = IndexInfo.model_validate_json((version / INFO_FILE).read_text())
    assert recorded_bm25(info) == bm25_settings(new) == Bm25(k1=0.5, b=0.3)

    archive = Archive.open(new, embedder)
    served = archive.snapshot.retriever.lexical_index.search("agency social workers", 10)
    reader = archive.reader()
    expected = LexicalIndex.build(reader.lexical_rows(), Bm25(k1=0.5, b=0.3))
    before = LexicalIndex.build(reader.lexical_rows(), FTS5_BM25)
    assert served == expected.search("agency social workers", 10)
    assert served != before.search("agency social workers", 10)
    assert Indexer(new, embedder).build().version is None  # re-scored once, then a no-op
