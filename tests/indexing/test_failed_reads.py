"""Files that fail only when read are remembered, not read again on every build.

A failure is kept with the file's fingerprint (bytes and manifest row) and the reader
version (`indexer.ingest.reader_version`: the ingest code, the reading libraries, the zip
limits). An unchanged failed file is reported again from that record; a changed file, or
a reader that might now read it, reads it again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.parse_embed import Job, LocalPipeline, Parsed
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir
from indexer.store import FailedRead, Pair, PassageStore
from tests.documents import build_docx, build_pdf, declare_size

from ..conftest import CORPUS


class CountingPipeline(LocalPipeline):
    """The local pipeline, noting which files it was given to read."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def parse(
        self, jobs: Sequence[Job], embedder: Embedder, settings: Settings, progress: bool
    ) -> Iterator[Parsed]:
        self.read.extend(job.source.relative_path for job in jobs)
        return super().parse(jobs, embedder, settings, progress)


def _seed_lines() -> list[str]:
    text = (CORPUS / "001_3bf3cecc07ef430f.txt").read_text()
    return [ln.strip() for ln in text.splitlines() if ln.strip()][:40]


def _failed(report_failed: list[tuple[str, str]]) -> dict[str, str]:
    return {Path(path).name: reason for path, reason in report_failed}


def test_an_unchanged_failed_file_is_reported_from_the_record_not_read(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    lines = _seed_lines()
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbled" * 64)
    docx = build_docx(lines[0], lines[1:], [])
    (folder / "lying.docx").write_bytes(declare_size(docx, "word/document.xml", 1024))
    pipeline = CountingPipeline()
    first = Indexer(settings, embedder, pipeline).build()
    failed = _failed(first.failed)
    assert set(failed) == {"broken.pdf", "lying.docx"} and first.unchanged == 5
    assert sorted(pipeline.read) == ["broken.pdf", "lying.docx"] and first.version is not None
    assert "corrupt PDF" in failed["broken.pdf"]
    assert "its zip directory declares" in failed["lying.docx"]

    pipeline.read.clear()
    again = Indexer(settings, embedder, pipeline).build()
    assert pipeline.read == []  # neither read again, nor the index copied for them
    assert _failed(again.failed) == failed  # reported as before, from the record
    assert again.version is None and again.unchanged == 5 and not again.changed

    pdf_lines = [ln.encode("latin-1", "replace").decode("latin-1") for ln in lines[:12]]
    (folder / "broken.pdf").write_bytes(build_pdf([[*pdf_lines]]))  # fixed
    fixed = Indexer(settings, embedder, pipeline).build()
    assert pipeline.read == ["broken.pdf"]
    assert fixed.added == ["broken"] and set(_failed(fixed.failed)) == {"lying.docx"}
    store = PassageStore(IndexDir(settings.index_dir).current() / STORE_FILE, readonly=True)
    try:
        assert {Path(p).name for _, p, _ in store.failures()} == {"lying.docx"}
    finally:
        store.close()


def test_a_new_reader_version_reads_a_failed_file_again(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    """Raising the zip limit (SCRUTINY_MAX_UNPACKED_BYTES) reads the Word file it refused."""
    usual, folder = seed_beside
    lines = _seed_lines()
    (folder / "minutes.docx").write_bytes(build_docx(lines[0], lines[1:], []))
    tight = usual.model_copy(update={"max_unpacked_bytes": 4096})
    pipeline = CountingPipeline()
    first = Indexer(tight, embedder, pipeline).build()
    assert "SCRUTINY_MAX_UNPACKED_BYTES" in _failed(first.failed)["minutes.docx"]
    assert first.unchanged == 5  # the seeds' index kept: no rebuild for a reader setting
    pipeline.read.clear()
    Indexer(tight, embedder, pipeline).build()
    assert pipeline.read == []
    raised = Indexer(usual, embedder, pipeline).build()
    assert pipeline.read == ["minutes.docx"] and raised.added == ["minutes"]
    assert not raised.failed


def _older_store(path: Path, columns: str, row: str) -> Path:
    """A store whose failures table is an older index's: `columns` after the reason, and
    one failure (`row`, SQL values)."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE failures (corpus TEXT NOT NULL, path TEXT NOT NULL, "
            f"reason TEXT NOT NULL, {columns}PRIMARY KEY (corpus, path))"
        )
        conn.execute(f"INSERT INTO failures VALUES ({row})")
    conn.close()
    return path


def test_a_store_written_before_failed_reads_were_kept(tmp_path: Path) -> None:
    """An older index's failures table (no fingerprint, no reader) recalls nothing read-only
    and gains the columns when a build opens its copy."""
    path = _older_store(tmp_path / "store.sqlite", "", "'c', 'old.pdf', 'corrupt PDF'")
    old = PassageStore(path, readonly=True)
    assert old.failed_reads() == {} and old.failures() == [("c", "old.pdf", "corrupt PDF")]
    old.close()
    store = PassageStore(path)
    store.record_failure("c", "new.pdf", "no text", FailedRead("f" * 64, "r" * 16))
    assert store.failed_reads() == {("c", "new.pdf"): ("no text", FailedRead("f" * 64, "r" * 16))}
    assert sorted(store.failures()) == [
        ("c", "new.pdf", "no text"),
        ("c", "old.pdf", "corrupt PDF"),
    ]
    store.close()


def test_a_round_32_store_recalls_its_failed_reads_and_no_pair_of_different_papers(
    tmp_path: Path,
) -> None:
    """A store written before pairs of different papers were kept (fingerprint and
    reader, no kept file) still recalls its failed reads read-only, and remembers no
    pair; a build's copy gains the columns, and a pair recorded there is a pair, not a
    failed read."""
    row = "'c', 'old.pdf', 'no text', 'f', 'r'"
    path = _older_store(tmp_path / "store.sqlite", "content_hash TEXT, reader TEXT, ", row)
    old = PassageStore(path, readonly=True)
    assert old.failed_reads() == {("c", "old.pdf"): ("no text", FailedRead("f", "r"))}
    assert old.different_papers() == {}
    old.close()
    store = PassageStore(path)
    pair = Pair("/c/Minutes 1.doc", "a" * 64, "b" * 64, "r" * 16)
    store.record_failure("c", "Minutes 1.pdf", "duplicate document id", pair)
    assert store.different_papers() == {("c", "Minutes 1.pdf"): pair}
    assert store.failed_reads() == {("c", "old.pdf"): ("no text", FailedRead("f", "r"))}
    store.close()


def test_a_deleted_failed_file_is_no_longer_reported(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbled" * 64)
    first = Indexer(settings, embedder).build()
    assert set(_failed(first.failed)) == {"broken.pdf"}

    (folder / "broken.pdf").unlink()
    again = Indexer(settings, embedder).build()
    assert again.failed == []
    index = IndexDir(settings.index_dir)
    store = PassageStore(index.current() / STORE_FILE, readonly=True)
    try:
        assert store.failures() == []  # the record went with the file
    finally:
        store.close()
    assert again.unchanged == 5 and not again.changed  # the documents themselves untouched
