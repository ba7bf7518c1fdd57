"""Bad files next to good ones: each gets one message naming it, the rest indexes, and
nothing already indexed is lost.

Complements tests/ingestion/test_ingest_errors.py (which checks each reader's message)
at the level of a whole indexing run over a live index.
"""

from __future__ import annotations

import io
import logging
import resource
import time
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from tests.searching import search

from .conftest import CORPUS, GOOD_MINUTES, answers, text_pdf

HEADER = "path,council,committee,meeting_date,date_precision,doc_type,title,source_url\n"
HUGE = 200 * 1024 * 1024


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Secret minutes."]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bad_corpus(folder: Path) -> dict[str, str]:
    """Write one of each bad file; returns file name -> a word its message must hold."""
    folder.mkdir()
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 16)
    (folder / "locked.pdf").write_bytes(_encrypted_pdf())
    (folder / "scan.pdf").write_bytes(_blank_pdf())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256) * 64)
    with (folder / "huge.txt").open("wb") as handle:  # sparse: costs no disk
        handle.write(GOOD_MINUTES.encode())
        handle.truncate(HUGE)
    # Two files whose names slug to one document id.
    (folder / "Minutes 1.txt").write_text(GOOD_MINUTES.replace("41 new", "42 new"))
    (folder / "minutes-1.txt").write_text(GOOD_MINUTES.replace("41 new", "43 new"))
    (folder / "good.txt").write_text(GOOD_MINUTES)
    (folder / "manifest.csv").write_text(
        HEADER + "gone.pdf,Some Council,Panel,2024-01-01,day,minutes,Gone,\n"
    )
    return {
        "corrupt.pdf": "corrupt",
        "locked.pdf": "encrypted",
        "scan.pdf": "no text",
        "empty.txt": "empty",
        "photo.txt": "binary",
        "huge.txt": "limit",
        "minutes-1.txt": "document id",
        "gone.pdf": "does not exist",
    }


def _seed_documents(engine: Archive) -> dict[str, list[tuple[int, str]]]:
    """Every seed document's passages in order: ids and texts."""
    return {
        path.stem: [(p.passage_id, p.text) for p in engine.reader().document(path.stem).passages]
        for path in CORPUS.glob("*.txt")
    }


def test_bad_files_are_reported_once_each_and_the_rest_indexes(
    seed_copy: Settings, tmp_path: Path, embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    seed_docs = _seed_documents(Archive.open(seed_copy, embedder))
    expected = _bad_corpus(tmp_path / "bad")
    # A second corpus holding a file at the same relative path as a seed document.
    twin = tmp_path / "twin"
    twin.mkdir()
    seed_name = sorted(CORPUS.glob("*.txt"))[0].name
    (twin / seed_name).write_text(GOOD_MINUTES.replace("marmalade", "quince"))
    expected[seed_name] = "duplicate document id"

    settings = seed_copy.model_copy(update={"corpus": f"{CORPUS}:{tmp_path / 'bad'}:{twin}"})
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with caplog.at_level(logging.ERROR, logger="indexer.builder"):
        report = Indexer(settings, embedder).build()
    elapsed = time.monotonic() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024

    failed = [(Path(path).name, reason) for path, reason in report.failed]
    assert sorted(name for name, _ in failed) == sorted(expected), failed
    for name, reason in failed:
        assert expected[name] in reason, (name, reason)
    # One log line per bad file, naming it.
    logged = [r.getMessage() for r in caplog.records if r.getMessage().startswith("skipped")]
    assert len(logged) == len(expected)
    for name in expected:
        assert sum(name in line for line in logged) >= 1, name
    # The 200 MB file is refused by its size, not read: quick and without the memory.
    huge_reason = dict(failed)["huge.txt"]
    assert "200.0 MB" in huge_reason and "SCRUTINY_MAX_DOCUMENT_BYTES" in huge_reason
    assert elapsed < 120 and grown_mb < 150, (elapsed, grown_mb)

    assert sorted(report.added) == ["good", "minutes-1"]
    engine = Archive.open(settings, embedder)
    assert engine.reader().stats().documents == 5 + 2
    assert search(engine, "marmalade allowance pilot", k=1)[0].citation.document_id in {
        "good",
        "minutes-1",
    }
    assert not any("quince" in h.text for h in search(engine, "quince allowance", k=10))
    # The failures are kept with the index for `stats`.
    assert {Path(p).name for _, p, _ in engine.reader().failures()} >= set(expected) - {"gone.pdf"}
    # Nothing the seed corpus had is lost or changed.
    assert _seed_documents(engine) == seed_docs


def test_adding_a_file_whose_id_another_corpus_holds_does_not_replace_it(
    seed_copy: Settings, tmp_path: Path, embedder: Embedder
) -> None:
    """An upload or `add` named like a corpus document must not overwrite that document."""
    engine = Archive.open(seed_copy, embedder)
    before = answers(engine)
    seed_file = sorted(CORPUS.glob("*.txt"))[0]
    doc_id = seed_file.stem
    original = engine.reader().stored_document(doc_id)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / seed_file.name).write_text(GOOD_MINUTES)

    report = Indexer(seed_copy, embedder).add([incoming / seed_file.name])
    assert report.added == [] and report.updated == []
    ((path, reason),) = report.failed
    assert Path(path).name == seed_file.name
    assert doc_id in reason and "already" in reason
    assert not engine.refresh() or answers(engine) == before
    assert answers(Archive.open(seed_copy, embedder)) == before
    assert Archive.open(seed_copy, embedder).reader().stored_document(doc_id) == original

    # The corpus itself still updates its own document.
    assert Indexer(seed_copy, embedder).build().unchanged == 5


def test_a_failed_file_keeps_its_previous_good_version(
    tmp_path: Path, seed_copy: Settings, embedder: Embedder
) -> None:
    """A document that was indexed and then turns bad keeps answering from its last good
    version, rather than vanishing from search."""
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "good.txt").write_text(GOOD_MINUTES)
    settings = seed_copy.model_copy(update={"corpus": f"{CORPUS}:{extra}"})
    assert Indexer(settings, embedder).build().added == ["good"]
    (extra / "good.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = Indexer(settings, embedder).build()
    assert [Path(p).name for p, _ in report.failed] == ["good.txt"]
    engine = Archive.open(settings, embedder)
    assert search(engine, "marmalade allowance pilot", k=1)[0].citation.document_id == "good"
