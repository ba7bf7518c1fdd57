"""Fuzzing the readers: whatever the bytes, reading a file either works or raises
`IngestError`. Any other exception would abort the file with a traceback (the indexer
re-raises unexpected errors), so hypothesis looks for one.

Bounded for the default run; `python -m reliability fuzz` runs the long campaign. The seeds
include issue 16's Word zip bomb, whose directory the fuzzer also edits to lie.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.errors import IngestError
from indexer.ingest import SourceFile, ingest_file
from indexer.ingest.readers import ZipLimits, read_file
from tests.documents import build_docx, build_odt, build_rtf, docx_bomb

from .conftest import CORPUS, GOOD_MINUTES, text_pdf

EXAMPLES = int(os.environ.get("RELIABILITY_FUZZ_EXAMPLES", "60"))

SEED_PDF = text_pdf(["Minutes of the Panel", "12.1 The panel agreed the budget.", "(c) noted"])
SEED_HTML = (
    b"<!doctype html><html><head><title>Cabinet</title></head><body>"
    b"<table class='mgItemTable'><tr><td class='mgItemNumberCell'>41.</td><td>"
    b"<p class='mgAiTitleTxt'>Budget</p><p class='mgSubItemTitleTxt'>Minutes:</p>"
    b"<p>The committee noted the overspend.</p><ul><li>item</li></ul></td></tr></table>"
    b"<script>alert(1)</script></body></html>"
)
SEED_TEXT = GOOD_MINUTES.encode()
SEED_DOCX = build_docx(
    "Cabinet - Thursday 30 January 2025", ["41. Budget:", "41.1 The committee noted it."],
    [["41.2", "Members asked about the overspend."]],
)  # fmt: skip
_MINUTES = (
    ["Cabinet - Thursday 30 January 2025", "Budget", "41.1 The committee noted the £2m cut."],
    [["41.2", "Members asked about the overspend."]],
)
SEED_ODT = build_odt(*_MINUTES)
SEED_RTF = build_rtf(*_MINUTES)
BOMB_LIMITS = ZipLimits(max_unpacked_bytes=8 << 20, max_ratio=100.0)
"""Tighter than the defaults, so that a mutation slipping past the zip check would be
seen (memory, time) without letting the fuzzer inflate 100 MB per example."""
SEED_BOMB = docx_bomb(64 << 20)
"""Issue 16 #4: a Word file packed about 1000 to 1 (64 MB unpacked)."""
SEEDS = [
    SEED_PDF, SEED_HTML, SEED_TEXT, SEED_DOCX, SEED_BOMB, SEED_ODT, SEED_RTF,
    *(p.read_bytes()[:4000] for p in CORPUS.glob("*.txt")),
]  # fmt: skip
NAMES = ["doc.pdf", "doc.html", "doc.txt", "doc.md", "doc.htm", "doc.docx", "doc.odt", "doc.rtf"]

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("RELIABILITY_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real document with a few byte-level edits: flips, cuts, splices, repeats."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "dup"]))
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(1, 5))
    return bytes(data)


def _read(name: str, data: bytes) -> None:
    try:
        raw = read_file(Path(name), data, BOMB_LIMITS)
    except IngestError as exc:
        assert exc.path == name and str(exc).startswith(name)
        return
    assert raw.pages or raw.blocks


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=4096))
def test_random_bytes(name: str, data: bytes) -> None:
    _read(name, data)


@FUZZ
@given(name=st.sampled_from(NAMES), data=mutated())
def test_mutated_documents(name: str, data: bytes) -> None:
    _read(name, data)


@st.composite
def lying_bombs(draw: st.DrawFn) -> bytes:
    """The bomb with its zip directory edited: sizes that lie about what inflates (the
    usual way past a check that trusts the directory), methods, flags, offsets."""
    data = bytearray(SEED_BOMB)
    headers = [i for i in range(len(data) - 4) if data[i : i + 4] in (b"PK\x01\x02", b"PK\x03\x04")]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.sampled_from(headers))
        central = data[at + 2] == 1
        # Field offsets: method, crc, compressed size, uncompressed size (central: +2).
        field = draw(st.sampled_from([8, 14, 18, 22])) + 2 * central
        width = 2 if field in (8, 10) else 4
        value = draw(st.sampled_from([0, 1, 8, 2**16, 2**20, 2**31 - 1, 2**32 - 1]))
        data[at + field : at + field + width] = (value % 2 ** (8 * width)).to_bytes(width, "little")
    return bytes(data)


@FUZZ
@given(data=lying_bombs())
def test_zip_bombs_with_lying_directories_stay_bounded(data: bytes) -> None:
    """Refused or read, never unpacked past the limit: Python allocations stay well under
    the bomb's 64 MB whatever the directory claims."""
    tracemalloc.start()
    try:
        _read("bomb.docx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * BOMB_LIMITS.max_unpacked_bytes, f"{peak / 2**20:.0f} MB allocated"


@FUZZ
@given(
    prefix=st.sampled_from(
        [b"%PDF-1.4\n", b"<html>", b"\xef\xbb\xbf", b"", b"PK\x03\x04", b"{\\rtf1 "]
    ),
    text=st.text(max_size=2000),
)
def test_unicode_text_with_magic_prefixes(prefix: bytes, text: str) -> None:
    for name in ("doc.txt", "doc.pdf", "doc.html", "doc.rtf"):
        _read(name, prefix + text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("name", NAMES)
def test_seeds_read(name: str) -> None:
    """The seeds themselves read, so mutations start from valid documents."""
    for data in SEEDS:
        _read(name, data)


def _words(text: str) -> int:
    """A stand-in for the tokenizer: chunking logic is what is fuzzed here, not lengths."""
    return len(text.split()) * 4 // 3 + 1


@FUZZ
@given(name=st.sampled_from(NAMES), data=mutated())
def test_whole_ingestion_of_mutated_documents(
    tmp_path_factory: pytest.TempPathFactory, name: str, data: bytes
) -> None:
    """Cleaning, metadata, structure and chunking too: only `IngestError` may escape."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / name).write_bytes(data)
    source = SourceFile(
        path=folder / name, corpus_dir=folder, relative_path=name, row=None, document_id="doc"
    )
    try:
        parsed = ingest_file(source, _words, max_tokens=240, min_tokens=40)
    except IngestError as exc:
        assert name in str(exc)
        return
    assert parsed.chunks and all(c.text.strip() for c in parsed.chunks)
