"""Ingestion: read -> clean -> extract metadata -> find structure -> chunk.

`discover` lists the documents of a corpus folder; `ingest_file` turns one into a
`ParsedDocument`, or raises `IngestError` with a reason fit for the user.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from indexer.errors import IngestError
from indexer.ingest.chunking import chunk_units, without_own_headings
from indexer.ingest.cleaning import cells_as_printed, clean, without_placeholders
from indexer.ingest.manifest import ManifestRow, SourceFile, discover, document_id_for
from indexer.ingest.metadata import build_meta, from_text
from indexer.ingest.readers import SUPPORTED_SUFFIXES, ZipLimits, read_file
from indexer.ingest.structure import build_units
from indexer.models import Chunk, ParsedDocument

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ManifestRow",
    "SourceFile",
    "ZipLimits",
    "discover",
    "document_id_for",
    "ingest_file",
    "reader_version",
]

READING_LIBRARIES = ("pypdfium2", "python-docx", "olefile", "lxml", "beautifulsoup4")
"""The libraries the readers parse with: a new release of one may read a file that failed."""


@functools.cache
def _reading_code() -> str:
    """The ingest modules' source and the reading libraries' versions, hashed."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    for name in READING_LIBRARIES:
        try:
            digest.update(f"{name}=={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    return digest.hexdigest()


def reader_version(zip_limits: ZipLimits) -> str:
    """What decides whether a file reads, beside its bytes and manifest row: this
    package's code, the reading libraries' versions and the zip limits. A build remembers
    a file that failed to read under its fingerprint and this, so it reports the failure
    again without reading the file until one of them changes (a release that reads the
    format, or a raised SCRUTINY_MAX_UNPACKED_BYTES)."""
    limits = f"{zip_limits.max_unpacked_bytes}:{zip_limits.max_ratio}"
    return hashlib.sha256(f"{_reading_code()}:{limits}".encode()).hexdigest()[:16]


def ingest_file(
    source: SourceFile,
    count_tokens: Callable[[str], int],
    max_tokens: int = 240,
    min_tokens: int = 40,
    zip_limits: ZipLimits | None = None,
) -> ParsedDocument:
    """Read one document into metadata and chunks of at most `max_tokens` word pieces.

    Raises `IngestError` for anything wrong with the file itself (missing, empty,
    binary, encrypted, corrupt, a zip bomb, no text, unknown format, bad manifest row). Other
    exceptions are bugs and propagate.
    """
    if source.error is not None:
        raise IngestError(source.path, source.error)
    try:
        data = source.path.read_bytes()
    except FileNotFoundError:
        raise IngestError(source.path, "the file does not exist") from None
    except IsADirectoryError:
        raise IngestError(source.path, "this is a folder, not a file") from None
    except OSError as exc:
        raise IngestError(source.path, f"cannot read the file ({exc.strerror})") from None
    raw = read_file(source.path, data, zip_limits)
    paras = clean(raw)
    meta = build_meta(
        source, from_text(raw, paras), len(raw.pages) if raw.format == "pdf" else None
    )
    units = build_units(
        paras,
        converted=raw.format == "text",
        minutes=meta.doc_type in ("minutes", "agenda and minutes"),
    )
    chunks = chunk_units(units, count_tokens, max_tokens, min_tokens)
    chunks = without_own_headings(chunks, meta)
    if raw.format == "text":
        chunks = _without_placeholders(chunks)
    if not chunks:
        raise IngestError(source.path, "no text: nothing readable is left after cleaning")
    if raw.format == "text":  # the bars go from what is stored and quoted, not what is embedded
        chunks = [
            c.model_copy(update={"text": printed, "model_text": c.text})
            if (printed := cells_as_printed(c.text)) != c.text
            else c
            for c in chunks
        ]
    return ParsedDocument(meta=meta, chunks=chunks, content_hash=hashlib.sha256(data).hexdigest())


def _without_placeholders(chunks: list[Chunk]) -> list[Chunk]:
    """Passages without a converter's placeholder header cells ("Col2"; `demarkdown` marks
    them): they count as empty cells, in what is stored, quoted and embedded. A passage
    left with no text goes, and the rest are numbered again."""
    kept: list[Chunk] = []
    for chunk in chunks:
        text = without_placeholders(chunk.text)
        if not text.strip():
            continue
        update: dict[str, object] = {"text": text, "ordinal": len(kept)}
        if chunk.item_title is not None:
            update["item_title"] = without_placeholders(chunk.item_title) or None
        kept.append(chunk.model_copy(update=update))
    return kept
