"""Raw text of corpus files, read the way a quick afternoon build would read them.

The baseline and the check that gold quotes really stand in their documents both use
these readers: plain text as is, PDF via pypdf (`extract_text` per page, pages joined),
HTML via BeautifulSoup `get_text`. No cleaning beyond that, on purpose: the baseline
must not borrow the indexer's care.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

__all__ = [
    "CONVERTED_FROM",
    "SUPPORTED_SUFFIXES",
    "corpus_files",
    "manifest_dates",
    "original_paths",
    "read_text",
    "resolve_document",
]

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")

CONVERTED_FROM = "converted_from"
"""Manifest column naming the original file a converted file was made from (`eval.convert`
writes it; gold `found_in` paths name the original)."""


def read_text(path: Path | str) -> str:
    """The file's text; cached, since the quote check and the baseline read files often."""
    return _read_text_cached(str(Path(path).resolve()))


@lru_cache(maxsize=512)
def _read_text_cached(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    if suffix in (".html", ".htm"):
        from bs4 import BeautifulSoup

        with open(path, "rb") as fh:
            return BeautifulSoup(fh.read(), "html.parser").get_text()
    if suffix in (".txt", ".md"):
        return Path(path).read_text(encoding="utf-8", errors="replace")
    raise ValueError(f"{path}: unsupported file type {suffix!r} (expected {SUPPORTED_SUFFIXES})")


def corpus_files(corpus_dirs: Iterable[Path | str]) -> list[Path]:
    """Every readable file of the corpora: the manifest's rows when there is a manifest,
    else every file with a supported suffix under the folder."""
    files: list[Path] = []
    for d in map(Path, corpus_dirs):
        if not d.is_dir():
            raise FileNotFoundError(f"corpus folder {d} does not exist")
        manifest = d / "manifest.csv"
        if manifest.is_file():
            with manifest.open(encoding="utf-8", newline="") as fh:
                rows = [r["path"] for r in csv.DictReader(fh) if r.get("path")]
            for rel in rows:
                p = d / rel
                if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file():
                    files.append(p)
                else:
                    log.warning("manifest row %s: no readable file at %s, skipped", rel, p)
        else:
            files.extend(sorted(p for p in d.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES))
    return files


def _manifest_rows(corpus_dirs: Sequence[Path | str]) -> Iterator[tuple[Path, dict[str, str]]]:
    """Every row of the corpus folders' `manifest.csv` files that names a path."""
    for d in map(Path, corpus_dirs):
        manifest = d / "manifest.csv"
        if not manifest.is_file():
            continue
        with manifest.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("path"):
                    yield manifest, row


def manifest_dates(corpus_dirs: Sequence[Path | str]) -> dict[str, date]:
    """`meeting_date` of every manifest row, keyed by the path relative to its corpus."""
    dates: dict[str, date] = {}
    for manifest, row in _manifest_rows(corpus_dirs):
        raw = (row.get("meeting_date") or "").strip()
        if not raw:
            continue
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            log.warning("%s: bad meeting_date %r for %s", manifest, raw, row["path"])
            continue
        dates.setdefault(row["path"], day)
        if original := (row.get(CONVERTED_FROM) or "").strip():
            dates.setdefault(original, day)
    return dates


def original_paths(corpus_dirs: Sequence[Path | str]) -> dict[str, str]:
    """Converted file -> the file it was converted from, from manifests' `converted_from`
    column (`eval.convert` writes it): gold `found_in` paths name the original PDFs, so a
    converted archive is scored against the same questions."""
    return {
        row["path"]: original
        for _, row in _manifest_rows(corpus_dirs)
        if (original := (row.get(CONVERTED_FROM) or "").strip())
    }


def resolve_document(rel_path: str, corpus_dirs: Sequence[Path | str]) -> Path | None:
    """The first corpus folder holding `rel_path`, or None."""
    for d in map(Path, corpus_dirs):
        p = d / rel_path
        if p.is_file():
            return p
    return None
