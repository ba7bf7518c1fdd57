"""The uploads corpus folder: documents officers add over HTTP, kept beside the index.

Library code the admin routes call (they only translate its outcomes to status codes):
what format a file's bytes are, the folder's `manifest.csv` rows, and placing a file so
that the folder always matches the index: a file that cannot be indexed is taken out
again and whatever it replaced is put back.
"""

from __future__ import annotations

import codecs
import csv
import os
import threading
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from .builder import BuildReport
from .errors import ScrutinyError
from .ingest.manifest import MANIFEST_NAME
from .ingest.readers import FORMAT_SUFFIX, sniff_format, zip_format
from .ingest.twins import SAME_PAPER
from .ingest.worddoc import OLE_MAGIC

__all__ = [
    "MANIFEST_FIELDS",
    "UPLOAD_SUFFIXES",
    "UploadRejectedError",
    "place_upload",
    "remove_upload",
    "set_manifest_row",
    "sniff_upload",
]

MANIFEST_FIELDS = (
    "path", "council", "committee", "meeting_date", "date_precision", "doc_type", "title",
    "source_url",
)  # fmt: skip
UPLOAD_SUFFIXES = tuple(FORMAT_SUFFIX.values())
"""Every extension an upload is kept under: a file of the same id in another of these
formats is the one an upload replaces."""
_lock = threading.Lock()
"""One writer of the folder and its manifest at a time (within this process)."""


class UploadRejectedError(ScrutinyError):
    """The file was read but could not be indexed; the folder is as it was before."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason
        self.duplicate = "duplicate document id" in reason or reason.startswith(SAME_PAPER)


def sniff_upload(head: bytes, path: Path) -> str | None:
    """The extension the content deserves (.pdf, .docx, .doc, .odt, .rtf, .mht, .html, .txt),
    or None when it is none of these. Decided by the bytes, never the name, by the readers'
    own rules (`sniff_format`), so a file is named as it will be read: a zip or a compound
    file (.doc) by its directory (the whole file), the rest by its first bytes; text must be
    UTF-8 without NUL bytes, and the whole file is checked."""
    if head.startswith(b"PK\x03\x04"):
        zipped = zip_format(path.read_bytes())
        return None if zipped is None else f".{zipped}"
    if head.startswith(OLE_MAGIC):
        return ".doc" if sniff_format(path.read_bytes(), "") == "doc" else None
    if (fmt := sniff_format(head, "")) is not None:
        return FORMAT_SUFFIX[fmt]
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                if b"\x00" in block:
                    return None
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return ".txt" if head.strip() else None


def set_manifest_row(folder: Path, path: str, row: Mapping[str, str] | None = None) -> None:
    """Replace the file's row in the folder's manifest.csv, or drop it when `row` is None
    (the file is rewritten atomically: a crash leaves the old manifest or the new one)."""
    manifest = folder / MANIFEST_NAME
    rows: list[Mapping[str, str]] = []
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle) if r.get("path") != path]
    elif row is None:
        return
    if row is not None:
        rows.append(row)
    tmp = folder / f".{MANIFEST_NAME}.{uuid.uuid4().hex}"
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, manifest)


def place_upload(
    folder: Path,
    incoming: Path,
    name: str,
    meta: Mapping[str, str | None],
    index: Callable[[Path], BuildReport],
) -> BuildReport:
    """Move `incoming` to `folder/name` with its manifest row and index it with `index`.

    A previous file of that name (or of that id in another format) is replaced; when
    indexing fails or raises, the previous file is restored (a backup is kept until the
    new one is indexed), so the folder never holds a document the index does not.
    Raises UploadRejectedError when the index refused the file.
    """
    target = folder / name
    backup = folder / f".previous-{uuid.uuid4().hex}"
    with _lock:
        had = target.exists()
        if had:
            os.replace(target, backup)
        for other in folder.glob(f"{Path(name).stem}.*"):
            if other.suffix in UPLOAD_SUFFIXES and other.name != name:
                other.unlink()
                set_manifest_row(folder, other.name)
        os.replace(incoming, target)
        row = {"path": name, **{k: v or "" for k, v in meta.items()}}
        row["date_precision"] = "day" if meta.get("meeting_date") else ""
        set_manifest_row(folder, name, row)
        try:
            report = index(target)
        except BaseException:
            _restore(target, backup, had, folder, name)
            raise
        if report.failed or report.same_paper:  # an upload of a paper indexed already
            _restore(target, backup, had, folder, name)
            raise UploadRejectedError(name, (report.failed or report.same_paper)[0][1])
        backup.unlink(missing_ok=True)
    return report


def remove_upload(folder: Path, path: str) -> None:
    """Delete an uploaded file and its manifest row (a removed document stays removed)."""
    target = (folder / path).resolve()
    if target.is_relative_to(folder.resolve()) and target.is_file():
        with _lock:
            target.unlink()
            set_manifest_row(folder, path)


def _restore(target: Path, backup: Path, had: bool, folder: Path, name: str) -> None:
    """Put back what was there before a failed upload, so the folder matches the index."""
    if had and backup.exists():
        os.replace(backup, target)
    else:
        target.unlink(missing_ok=True)
        set_manifest_row(folder, name)
