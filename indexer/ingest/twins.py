"""One paper in two files: a council publishes a paper as .pdf and as .doc or .docx under
one name, so both get one document id. A build (`indexer.builder`), an upload
(`indexer.uploads`) and a ModernGov import (`indexer.moderngov.sync`) tell one paper in two
formats from two papers of one name by their text, here, and keep the same one of a pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indexer.errors import IngestError
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import ZipLimits, read_file
from indexer.text import words

SAME_PAPER = "the same paper as"
"""How a file left out because another file of its id holds its paper is noted."""
SHINGLE = 5
"""Words in a run compared between two files: five words in a row seldom recur in a
different paper except as stock phrases."""
SAME_PAPER_SHARE = 0.5
"""Of the distinct runs of either file, the share both hold when they are one paper: a
PDF's page furniture and a reader's layout order cost some runs, not half."""


@dataclass(frozen=True)
class Paper:
    """A file's words after cleaning, and whether its pages are real pages (a PDF)."""

    words: tuple[str, ...]
    paged: bool


def paper_text(path: Path, zip_limits: ZipLimits | None = None, data: bytes | None = None) -> Paper:
    """What `one_paper` and `keeps` compare of a file (or of `data` to be saved as `path`).

    Raises `IngestError` as `ingest_file` does for a file that does not read."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(path, f"cannot read the file ({exc.strerror})") from None
    raw = read_file(path, data, zip_limits)
    text = "\n".join(p.text for p in clean(raw))
    return Paper(tuple(w.lower() for w in words(text)), raw.format == "pdf")


def _runs(paper: Paper) -> set[tuple[str, ...]]:
    found = paper.words
    return {found[i : i + SHINGLE] for i in range(max(1, len(found) - SHINGLE + 1))}


def one_paper(paper: Paper, other: Paper) -> bool:
    """True when two files hold one paper, whatever their formats' layouts."""
    a, b = _runs(paper), _runs(other)
    return bool(paper.words and other.words) and len(a & b) / len(a | b) >= SAME_PAPER_SHARE


def keeps(candidate: Paper, other: Paper) -> bool:
    """Of one paper in two formats, whether `candidate` is the one to index: the PDF, whose
    pages are the published paper's, so a cited page number is the page an officer opens;
    of two formats without pages (.doc and .docx), the one that read more words; on a tie,
    not (the other stays)."""
    if candidate.paged != other.paged:
        return candidate.paged
    return len(candidate.words) > len(other.words)
