"""Manifest and discovery: which files make up a corpus, and what a person said of them.

A corpus folder may hold `manifest.csv` (path, council, committee, meeting_date,
date_precision, doc_type, title, source_url, and optionally date_approximate, notes).
Files not in the manifest are picked up too, with metadata from their text alone.
A bad manifest row never stops discovery: the `SourceFile` carries the error and
`ingest_file` raises it as an `IngestError` naming the file, so the caller reports one
clear message per file and carries on.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indexer.errors import CorpusError
from indexer.ingest.readers import SUPPORTED_SUFFIXES, UNREAD_SUFFIXES, unread_reason
from indexer.models import DatePrecision

MANIFEST_NAME = "manifest.csv"
REQUIRED_COLUMNS = ("path",)
_PRECISIONS: tuple[DatePrecision, ...] = ("day", "month", "year")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n"}
_NOT_DOCUMENTS = re.compile(r"^(?:readme|license|licence|copying|notice)(?:\.\w+)?$", re.I)


@dataclass(frozen=True)
class ManifestRow:
    """One validated manifest row; empty cells are None."""

    path: str
    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    date_precision: DatePrecision | None = None
    date_approximate: bool | None = None
    doc_type: str | None = None
    title: str | None = None
    source_url: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class SourceFile:
    """A document to ingest: where it is, its manifest row, its id, or why it can't be."""

    path: Path
    corpus_dir: Path
    relative_path: str
    row: ManifestRow | None
    document_id: str
    error: str | None = None


SAME_ID = "is the same as that of"
"""What `discover` says of a file whose id an earlier file of its folder has; a build
decides which of the two it indexes (`indexer.builder`), so it may lift this error."""


def document_id_for(relative_path: str) -> str:
    """Slug of the relative path without extension: 'cabinet/Minutes 1.pdf' -> 'cabinet-minutes-1'.

    Long paths are cut to 90 characters plus a hash of the path without its extension,
    so ids stay unique and short and, as for short names, the id is the name's whatever
    the format: a long-named paper's .pdf and .doc share one (round 32; the hash was of
    the path with its extension, which gave the two formats two ids).
    """
    stem = str(Path(relative_path).with_suffix("")) if Path(relative_path).suffix else relative_path
    return slug(stem)


def slug(name: str) -> str:
    """`name` as an id: lower case, runs of anything but letters, digits and _ become '-'.

    Dots become '-' too, so 'Minutes 12.03.2019' keeps its year ('minutes-12-03-2019'):
    an upload's id is the slug of its whole name, its extension taken off once. Slugs
    over 100 characters are cut to 90 plus a hash of `name`.
    """
    text = re.sub(r"[^a-z0-9_]+", "-", name.replace("\\", "/").lower()).strip("-")
    if len(text) > 100:
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        text = f"{text[:90]}-{digest}"
    return text


def _cell(raw: dict[str, str | None], name: str) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_row(raw: dict[str, str | None]) -> tuple[ManifestRow | None, str | None]:
    """Validate one CSV row: the row, or None and what is wrong with it."""
    path = _cell(raw, "path")
    if path is None:
        return None, "manifest row without a path"
    problems: list[str] = []
    meeting: date | None = None
    if (text := _cell(raw, "meeting_date")) is not None:
        try:
            meeting = date.fromisoformat(text)
        except ValueError:
            problems.append(f"meeting_date {text!r} is not an ISO date (YYYY-MM-DD)")
    precision: DatePrecision | None = None
    if (text := _cell(raw, "date_precision")) is not None:
        if text.lower() in _PRECISIONS:
            precision = text.lower()  # type: ignore[assignment]
        else:
            problems.append(f"date_precision {text!r} is not one of day, month, year")
    approximate: bool | None = None
    if (text := _cell(raw, "date_approximate")) is not None:
        if text.lower() in _TRUE:
            approximate = True
        elif text.lower() in _FALSE:
            approximate = False
        else:
            problems.append(f"date_approximate {text!r} is not true or false")
    row = ManifestRow(
        path=path,
        council=_cell(raw, "council"),
        committee=_cell(raw, "committee"),
        meeting_date=meeting,
        date_precision=precision,
        date_approximate=approximate,
        doc_type=_cell(raw, "doc_type"),
        title=_cell(raw, "title"),
        source_url=_cell(raw, "source_url"),
        notes=_cell(raw, "notes"),
    )
    return row, "; ".join(problems) or None


def read_manifest(corpus_dir: Path) -> list[tuple[ManifestRow | None, str | None, int]]:
    """Rows of `manifest.csv` with their error (if any) and line number; [] if absent."""
    manifest = corpus_dir / MANIFEST_NAME
    if not manifest.is_file():
        return []
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip() for c in reader.fieldnames or []]
            if not all(c in columns for c in REQUIRED_COLUMNS):
                raise CorpusError(
                    f"{manifest}: no 'path' column in the header; the manifest must start "
                    "with path,council,committee,meeting_date,date_precision,doc_type,title,"
                    "source_url"
                )
            reader.fieldnames = columns
            rows = []
            for raw in reader:
                row, error = parse_row(raw)
                rows.append((row, error, reader.line_num))
            return rows
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{manifest}: not UTF-8 ({exc.reason}); save it as UTF-8") from None
    except csv.Error as exc:
        raise CorpusError(f"{manifest}: malformed CSV ({exc})") from None


def discover(corpus_dir: Path) -> list[SourceFile]:
    """Every document of a corpus folder: manifest rows first, then other supported files.

    A file with a document-like extension no reader handles (`UNREAD_SUFFIXES`: a Word
    template, a spreadsheet) is listed with `error` saying so, never dropped unseen.

    Raises `CorpusError` when the folder is missing or the manifest is unusable as a
    whole; a bad row or a missing file comes back as a `SourceFile` with `error` set.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(
            f"Corpus folder {corpus_dir} does not exist or is not a folder; "
            "pass the folder that holds the documents (and manifest.csv)"
        )
    root = corpus_dir.resolve()
    sources: list[SourceFile] = []
    seen_paths: set[str] = set()
    seen_ids: dict[str, str] = {}

    def add(
        relative: str, row: ManifestRow | None, error: str | None, unread: bool = False
    ) -> None:
        """List one file; a document id that repeats an earlier file's becomes its error.

        A file no reader handles (`unread`) gets an id with its extension's dot kept, one
        `document_id_for` never gives, so 'Minutes 1.xls' never takes the id of the
        'Minutes 1.pdf' saved beside it."""
        doc_id = document_id_for(relative)
        if unread:
            doc_id = f"{doc_id}{Path(relative).suffix.lower()}"
        elif error is None and doc_id in seen_ids:
            error = f"its document id {doc_id!r} {SAME_ID} {seen_ids[doc_id]}"
        seen_ids.setdefault(doc_id, relative)
        sources.append(
            SourceFile(
                path=root / relative,
                corpus_dir=root,
                relative_path=relative,
                row=row,
                document_id=doc_id,
                error=error,
            )
        )

    def bad_row(line: int, error: str) -> None:
        """A manifest row that names no document to index: reported under its line."""
        sources.append(
            SourceFile(
                path=root / MANIFEST_NAME,
                corpus_dir=root,
                relative_path=f"{MANIFEST_NAME}:{line}",
                row=None,
                document_id=document_id_for(f"{MANIFEST_NAME}-line-{line}"),
                error=error,
            )
        )

    first_lines: dict[str, int] = {}
    for row, error, line in read_manifest(root):
        if row is None:
            bad_row(line, f"{MANIFEST_NAME} line {line}: {error}")
            continue
        relative = Path(row.path).as_posix()
        if relative in first_lines:
            bad_row(
                line,
                f"{MANIFEST_NAME} lists {row.path!r} on two rows (lines {first_lines[relative]} "
                f"and {line}); the first is used: delete the other",
            )
            continue
        first_lines[relative] = line
        target = (root / relative).resolve()
        if not target.is_relative_to(root):
            error = f"manifest line {line}: path {row.path!r} points outside the corpus folder"
        elif not target.is_file():
            error = f"manifest line {line}: the file {row.path!r} does not exist"
        elif error is not None:
            error = f"manifest line {line}: {error}"
        seen_paths.add(relative)
        add(relative, row, error)

    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative in seen_paths or not path.is_file():
            continue
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if _NOT_DOCUMENTS.match(path.name):
            continue
        if path.suffix.lower() in UNREAD_SUFFIXES:
            if (reason := unread_reason(path)) is not None:
                seen_paths.add(relative)
                add(relative, None, reason, unread=True)
                continue
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        seen_paths.add(relative)
        add(relative, None, None)
    return sources


MANIFEST_COLUMNS = (
    "path",
    "council",
    "committee",
    "meeting_date",
    "date_precision",
    "doc_type",
    "title",
    "source_url",
)
"""The shared manifest format's columns, in order (date_approximate and notes optional)."""


def update_manifest(corpus_dir: Path, changes: dict[str, dict[str, str] | None]) -> None:
    """Set (or, for None, drop) the rows of the given paths in `manifest.csv`, keeping
    every other row and column as it was; the file is replaced atomically, so a reader
    never sees half a manifest."""
    import os
    import uuid

    manifest = corpus_dir / MANIFEST_NAME
    existing: list[dict[str, str]] = []
    columns = list(MANIFEST_COLUMNS)
    if manifest.exists():
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns += [c for c in reader.fieldnames or [] if c and c not in columns]
            existing = list(reader)
    pending = dict(changes)
    rows: list[dict[str, str]] = []
    for old in existing:  # a changed row keeps its place
        path = old.get("path") or ""
        new = pending.pop(path, old) if path in pending else old
        if new is not None:
            rows.append(new)
    rows += [row for row in pending.values() if row is not None]
    columns += [c for row in rows for c in row if c not in columns]
    tmp = corpus_dir / f".{MANIFEST_NAME}.{uuid.uuid4().hex}"
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, manifest)
