"""Where an imported document lands in the corpus folder, under a safe name.

Names come from the site (titles, URLs), so they are reduced to letters, digits and a
few punctuation marks, never start with a dot, stay short, and every path is checked to
resolve inside the corpus folder before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from indexer.errors import ScrutinyError

MAX_NAME = 100


def safe_name(text: str, fallback: str = "document") -> str:
    """A file or folder name: 'Annex 1 / Wolverton Ave.' -> 'Annex 1 - Wolverton Ave'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[/\\|]+", " - ", text)
    text = re.sub(r"[^A-Za-z0-9 ._,()&'+-]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-_")
    text = text[:MAX_NAME].rstrip(" .-_")
    return text or fallback


def slug(text: str) -> str:
    """A folder name for a committee: 'Audit Committee' -> 'audit_committee'."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "committee"


def meeting_folder(committee: str, day: date | None, meeting_id: str) -> str:
    """`audit_committee/2026-02-10`, as the Kent archive lays out its papers."""
    when = day.isoformat() if day else f"meeting-{safe_name(meeting_id, 'unknown')}"
    return f"{slug(committee)}/{when}"


def inside(root: Path, relative: str) -> Path:
    """`root/relative`, refusing any path that would land outside `root`."""
    base = root.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target == base:
        raise ScrutinyError(f"refusing to write {relative!r}: it is outside {root}")
    return target
