"""Word and OpenDocument files whose zip directory lies about the parts' sizes.

`check_zip` reads only the directory, so a directory that understates a part passes it;
`zipfile` then inflates the part's whole stream in one call before cutting it to the
declared size. Round 28's random reader fuzz found a bomb that passed the check this way
and took python-docx to 141 MB under an 8 MB limit. What is really inflated must be
bounded, with the same per-file message as a bomb the directory admits to.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from indexer.errors import IngestError
from indexer.ingest import discover, ingest_file
from indexer.ingest.readers import ODT_MIMETYPE, ZipLimits, read_file, sniff_format, unread_reason
from indexer.uploads import sniff_upload
from tests.documents import build_docx, build_odt, declare_size, docx_bomb

from .conftest import CORPUS, CountTokens

PART = {".docx": "word/document.xml", ".odt": "content.xml"}
KIND = {".docx": "Word document", ".odt": "OpenDocument text"}


def _seed_document(suffix: str) -> bytes:
    """The 21 November 2018 seed minutes, every line a paragraph, as Word or OpenDocument."""
    lines = [ln.strip() for ln in (CORPUS / "001_3bf3cecc07ef430f.txt").read_text().splitlines()]
    lines = [ln for ln in lines if ln]
    if suffix == ".docx":
        return build_docx(lines[0], lines[1:], [])
    return build_odt(lines, [["46.1", "The overspend was reported."]])


def _sizes(data: bytes, name: str) -> tuple[int, int]:
    """The part's real unpacked size and the whole zip's declared one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(i.file_size for i in archive.infolist())
        return archive.getinfo(name).file_size, total


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_part_understated_past_the_limit_is_refused_as_a_bomb(
    tmp_path: Path, count_tokens: CountTokens, suffix: str
) -> None:
    """The directory says 1 KB for the document part; the whole zip then claims to fit the
    limit, but the part really unpacks past it: refused with the limit's message, naming
    the file, through the build's path (`ingest_file` with the settings' limits)."""
    honest = _seed_document(suffix)
    real, total = _sizes(honest, PART[suffix])
    assert real > 10_000  # the seed minutes: over 10 KB of XML
    limits = ZipLimits(max_unpacked_bytes=total - real + 4096, max_ratio=100.0)
    (tmp_path / f"honest{suffix}").write_bytes(honest)
    (tmp_path / f"lying{suffix}").write_bytes(declare_size(honest, PART[suffix], 1024))
    by_name = {s.relative_path: s for s in discover(tmp_path)}
    with pytest.raises(IngestError, match="SCRUTINY_MAX_UNPACKED_BYTES"):
        ingest_file(by_name[f"honest{suffix}"], count_tokens, zip_limits=limits)  # as said
    with pytest.raises(IngestError) as info:
        ingest_file(by_name[f"lying{suffix}"], count_tokens, zip_limits=limits)
    assert info.value.path.endswith(f"lying{suffix}")
    assert re.fullmatch(
        f"the {KIND[suffix]} unpacks past the [0-9]+ MB limit \\(SCRUTINY_MAX_UNPACKED_BYTES\\); "
        "refused while reading \\(a zip bomb, or a file to split\\)",
        info.value.reason,
    ), info.value.reason
    assert ingest_file(by_name[f"honest{suffix}"], count_tokens).chunks  # default limits


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_part_understated_within_the_limits_is_named_as_corrupt(suffix: str) -> None:
    honest = _seed_document(suffix)
    real, _ = _sizes(honest, PART[suffix])
    with pytest.raises(IngestError) as info:
        read_file(Path(f"minutes{suffix}"), declare_size(honest, PART[suffix], 1024))
    assert str(info.value) == (
        f"minutes{suffix}: corrupt {KIND[suffix]}: part {PART[suffix]!r} inflates to {real} "
        "bytes, more than the 1024 its zip directory declares"
    )


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_part_overstated_within_the_limits_still_reads(suffix: str) -> None:
    """A directory that claims more than the part holds hides nothing: read as before."""
    honest = _seed_document(suffix)
    real, _ = _sizes(honest, PART[suffix])
    raw = read_file(Path(f"minutes{suffix}"), declare_size(honest, PART[suffix], real + 5000))
    assert raw.pages == read_file(Path(f"minutes{suffix}"), honest).pages
    assert "agency staff" in raw.pages[0]


@pytest.mark.parametrize("declared", [0, 1 << 20])
def test_a_bomb_with_a_lying_directory_stays_within_the_limit(declared: int) -> None:
    """The fuzz's find, fixed: the 64 MB bomb declaring 0 B or 1 MB for its document part
    is refused while reading, Python's allocations within twice the 8 MB limit (python-docx
    took 141 MB)."""
    data = declare_size(docx_bomb(64 << 20), "word/document.xml", declared)
    limits = ZipLimits(max_unpacked_bytes=8 << 20, max_ratio=100.0)
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="zip bomb") as info:
            read_file(Path("bomb.docx"), data, limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value).startswith("bomb.docx: ")
    assert peak < 2 * limits.max_unpacked_bytes, f"{peak / 2**20:.0f} MB allocated"


def test_a_bomb_understated_under_the_default_limits_is_refused_by_its_ratio() -> None:
    """Under the 100 MB default the same bomb fits the total; what really inflates packs
    past 100 to 1 (its 0.1 MB of deflate hold 64 MB) and is stopped at 10 MB."""
    data = declare_size(docx_bomb(64 << 20), "word/document.xml", 1 << 20)
    with pytest.raises(IngestError) as info:
        read_file(Path("bomb.docx"), data)
    assert info.value.reason == (
        "part 'word/document.xml' of the Word document packs past the 100 to 1 limit "
        "(SCRUTINY_MAX_COMPRESSION_RATIO); refused while reading (a zip bomb)"
    )


def test_sniffing_an_upload_reads_a_lying_mimetype_no_further_than_it_needs(
    tmp_path: Path,
) -> None:
    """An OpenDocument `mimetype` part declared 39 bytes that inflates to 64 MB: the format
    probes (uploads, the readers' sniff, the unread-format check) read a few hundred bytes
    of it, not the part."""
    honest = _seed_document(".odt")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(honest)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "mimetype":
                body += b" " * (64 << 20)
            out.writestr(info.filename, body, zipfile.ZIP_DEFLATED)
    data = declare_size(buffer.getvalue(), "mimetype", len(ODT_MIMETYPE))
    path = tmp_path / "minutes.odt"
    path.write_bytes(data)
    (tmp_path / "minutes.dot").write_bytes(data)
    tracemalloc.start()
    try:
        assert sniff_upload(data[:4096], path) is None
        assert sniff_format(data, ".odt") is None
        assert unread_reason(tmp_path / "minutes.dot") is not None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20, f"{peak / 2**20:.0f} MB allocated"
