"""Second-round probe (issue 16), ingestion side: a Word zip bomb is refused before it is
inflated, and a manifest that lists one file twice names the rows and indexes it once."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from indexer.errors import IngestError
from indexer.ingest import ZipLimits, discover, ingest_file
from tests.documents import build_docx, docx_bomb

from .conftest import CountTokens

HEADER = "path,council,committee,meeting_date,date_precision,doc_type,title,source_url\n"

BOMBS = [
    # (unpacked bytes, what refuses it)
    (1 << 30, "unpacks to 1025 MB, over the 100 MB limit (SCRUTINY_MAX_UNPACKED_BYTES)"),
    (30 << 20, "over the 100 to 1 limit (SCRUTINY_MAX_COMPRESSION_RATIO)"),  # under 100 MB
]


@pytest.mark.parametrize(("unpacked", "message"), BOMBS, ids=["1 GB", "30 MB tight"])
def test_a_word_zip_bomb_is_refused_before_parsing(
    tmp_path: Path, count_tokens: CountTokens, unpacked: int, message: str
) -> None:
    """A 1.6 MB .docx whose document.xml unpacks to 1 GB took the server from 0.8 to
    2.8 GB before failing: it must be refused at once, reading only the zip directory."""
    (tmp_path / "bomb.docx").write_bytes(docx_bomb(unpacked))
    (source,) = discover(tmp_path)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(IngestError) as info:
            ingest_file(source, count_tokens)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message in info.value.reason and "zip bomb" in info.value.reason
    assert "bomb.docx" in str(info.value)
    assert elapsed < 2 and peak < 32 << 20, (elapsed, peak)


def test_zip_limits_come_from_the_settings(tmp_path: Path, count_tokens: CountTokens) -> None:
    """An ordinary Word file passes the default limits and is refused under tighter ones."""
    (tmp_path / "minutes.docx").write_bytes(
        build_docx("Cabinet - 1 May 2024", ["The committee noted the report."] * 40, [])
    )
    (source,) = discover(tmp_path)
    assert ingest_file(source, count_tokens).chunks
    with pytest.raises(IngestError, match="SCRUTINY_MAX_UNPACKED_BYTES"):
        ingest_file(source, count_tokens, zip_limits=ZipLimits(max_unpacked_bytes=1000))


def test_a_manifest_listing_one_path_twice(tmp_path: Path) -> None:
    """Said as it is (the manifest lists the file on two rows, with their lines), not as a
    clash of two files sharing an id; the document itself is indexed once."""
    (tmp_path / "minutes.txt").write_text("Cabinet minutes. The committee met.")
    (tmp_path / "other.txt").write_text("Other minutes. The panel met.")
    (tmp_path / "manifest.csv").write_text(
        HEADER + "minutes.txt,Kent,Cabinet,,,,First,\nother.txt,,,,,,,\n"
        "minutes.txt,Kent,Cabinet,,,,Second,\n"
    )
    sources = discover(tmp_path)
    documents = [s for s in sources if s.relative_path == "minutes.txt"]
    assert len(documents) == 1 and documents[0].error is None
    assert documents[0].row is not None and documents[0].row.title == "First"
    (problem,) = [s for s in sources if s.error]
    assert problem.error == (
        "manifest.csv lists 'minutes.txt' on two rows (lines 2 and 4); the first is used: "
        "delete the other"
    )
    assert problem.document_id != documents[0].document_id
