"""`eval.reembed`: a built index re-embedded in another context mode, without re-parsing.

Reuses the session's seed index (no new build); embeds its ~110 passages twice."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from eval.reembed import _lead_ins, _placed, main, reembed
from indexer.builder import Indexer
from indexer.compatibility import index_mismatches
from indexer.embed_context import lead_ins
from indexer.embedding import Embedder
from indexer.ingest import discover, ingest_file
from indexer.settings import Settings
from indexer.snapshot import IndexDir
from indexer.store import PassageStore, normalise_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CHILDREN_IN_CARE = (
    Path(__file__).resolve().parents[1]
    / "data" / "ingestion" / "kent_qpr_q3_children_in_care_pymupdf4llm.md"
)  # fmt: skip
"""Kent's Quarterly Performance Report Q3 (Cabinet, 4 March 2025) as converted to
Markdown, cut to its children-in-care table (`tests/ingestion/test_ingest_converted_tables`)."""


def _vectors(root: Path, dim: int) -> tuple[np.ndarray, np.ndarray]:
    store = PassageStore(IndexDir(root).current() / "passages.sqlite", readonly=True)
    try:
        return store.all_vectors(dim)
    finally:
        store.close()


@pytest.mark.slow  # re-embeds the seed index (~6 s each): an eval tool, `make test-slow`
def test_reembed_item_mode_reproduces_the_build(
    seed_settings: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    """The tool's `item` mode gives the builder's vectors: its measurements compare modes,
    not tools."""
    out = tmp_path / "item"
    count = reembed(seed_settings.index_dir, out, seed_settings)
    ids, built = _vectors(seed_settings.index_dir, embedder.dim)
    again_ids, again = _vectors(out, embedder.dim)
    assert count == len(ids) > 50
    assert np.array_equal(ids, again_ids)
    assert float(np.min(np.sum(built * again, axis=1))) > 0.999


@pytest.mark.slow  # re-embeds the seed index (~6 s each): an eval tool, `make test-slow`
def test_reembed_document_mode_is_a_valid_index_of_that_mode(
    seed_settings: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    out = tmp_path / "document"
    assert main(["--index", str(seed_settings.index_dir), "--out", str(out)]) == 0
    document = seed_settings.model_copy(update={"embed_context": "document", "index_dir": out})
    info = IndexDir(out).read_info(IndexDir(out).current(), verify="full")
    assert index_mismatches(info, document, embedder) == []
    assert index_mismatches(info, seed_settings, embedder)  # refused in item mode
    _, built = _vectors(seed_settings.index_dir, embedder.dim)
    _, titled = _vectors(out, embedder.dim)
    assert float(np.mean(np.sum(built * titled, axis=1) < 0.999)) > 0.5


def test_reembed_refuses_a_missing_index_or_an_existing_folder(
    seed_settings: Settings, tmp_path: Path
) -> None:
    assert main(["--index", str(tmp_path / "none"), "--out", str(tmp_path / "out")]) == 2
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "file").write_text("mine")
    assert main(["--index", str(seed_settings.index_dir), "--out", str(tmp_path / "kept")]) == 2
    assert (tmp_path / "kept" / "file").read_text() == "mine"


def test_reembed_reads_the_lead_ins_the_builder_gives(
    seed_settings: Settings, embedder: Embedder
) -> None:
    """`leadin` mode: the tool finds each list passage's lead-in from the store's source
    order, as the builder does from the parsed document (no embedding: fast)."""
    store = PassageStore(
        IndexDir(seed_settings.index_dir).current() / "passages.sqlite", readonly=True
    )
    try:
        ids = [row[0] for row in store.connection.execute("SELECT passage_id FROM passages")]
        found = _lead_ins(_placed(store.passages(ids)))
    finally:
        store.close()
    source = next(s for s in discover(CORPUS) if s.path.name.startswith("004_"))
    document = ingest_file(source, embedder.count_tokens)
    texts = [normalise_text(c.text) for c in document.chunks]
    built = lead_ins(texts, [(c.item, c.item_title) for c in document.chunks])
    expected = {c.ordinal: lead for c, lead in zip(document.chunks, built, strict=True) if lead}
    assert expected and set(expected.values()) == {"Workforce development:"}
    assert {o: lead for (d, o), lead in found.items() if d == document.meta.document_id} == expected


@pytest.fixture
def converted(embedder: Embedder, tmp_path: Path) -> Settings:
    """A built index of one converted paper with a table (about ten passages)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CHILDREN_IN_CARE, corpus / CHILDREN_IN_CARE.name)
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    assert not Indexer(settings, embedder).build().failed
    return settings


def test_reembed_gives_a_converted_table_row_the_vector_the_build_gives(
    converted: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    """A converted table row is stored as printed ("Non-UASC 1,466 1,460") but embedded
    with its cells' bars (`Chunk.model_text`), which the store does not keep: the tool
    reads the file again for them, so its vectors are the build's, not the printed text's."""
    store = PassageStore(IndexDir(converted.index_dir).current() / "passages.sqlite", readonly=True)
    try:
        texts = [row[0] for row in store.connection.execute("SELECT text FROM passages")]
    finally:
        store.close()
    assert any("Non-UASC 1,466 1,460" in t for t in texts) and not any(" | " in t for t in texts)
    reembed(converted.index_dir, tmp_path / "again", converted)
    ids, built = _vectors(converted.index_dir, embedder.dim)
    again_ids, again = _vectors(tmp_path / "again", embedder.dim)
    assert np.array_equal(ids, again_ids)
    assert float(np.min(np.sum(built * again, axis=1))) > 0.999


def test_reembed_refuses_a_converted_file_changed_since_the_build(
    converted: Settings, tmp_path: Path
) -> None:
    """What a changed file's passages were embedded from cannot be read again: the tool
    stops and writes nothing rather than give vectors a build would not."""
    paper = Path(converted.corpus) / CHILDREN_IN_CARE.name
    paper.write_text(paper.read_text().replace("1,466", "1,467"))
    out = tmp_path / "again"
    assert main(["--index", str(converted.index_dir), "--out", str(out)]) == 2
    assert not out.exists()


def test_reembed_reads_the_passages_once(
    converted: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The passages' texts are read from the store once, for the vectors, the text the
    encoder read (a converted file's) and the lead-ins alike; the copy is only written."""
    statements: list[str] = []
    opened = PassageStore.connection

    def traced(store: PassageStore) -> sqlite3.Connection:
        conn = opened.fget(store)  # type: ignore[attr-defined]
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(PassageStore, "connection", property(traced))
    leadin = converted.model_copy(update={"embed_context": "leadin"})
    assert reembed(converted.index_dir, tmp_path / "again", leadin) > 0
    reads = [s for s in statements if re.search(r"\btext\b.*\b(FROM|JOIN) passages\b", s, re.S)]
    assert len(reads) == 1, reads
