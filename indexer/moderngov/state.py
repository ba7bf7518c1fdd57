"""What the last import fetched, so the next one asks only for what is new or changed.

Kept in `DIR/.moderngov/state.json` (a dot folder, which corpus discovery skips): for
every document URL its path in the corpus, content hash and the site's validators
(ETag, Last-Modified), and for every meeting the URLs it published. A document that
disappears from its meeting is marked withdrawn here, never deleted from the corpus.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

STATE_DIR = ".moderngov"
STATE_FILE = "state.json"
VERSION = 1


@dataclass
class DocumentState:
    """One fetched document (or a minutes page the importer wrote)."""

    path: str
    sha256: str
    meeting: str
    etag: str | None = None
    last_modified: str | None = None
    withdrawn: bool = False


@dataclass
class MeetingState:
    """A meeting imported before: its committee and date, for withdrawn-meeting checks."""

    committee_id: str
    date: str | None
    documents: list[str] = field(default_factory=list)


@dataclass
class SyncState:
    """Documents by URL and meetings by key (`site|committee|meeting`)."""

    documents: dict[str, DocumentState] = field(default_factory=dict)
    meetings: dict[str, MeetingState] = field(default_factory=dict)

    @classmethod
    def load(cls, corpus: Path) -> SyncState:
        """The saved state, or an empty one (a damaged file costs a full download, no data)."""
        path = corpus / STATE_DIR / STATE_FILE
        if not path.is_file():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                documents={u: DocumentState(**d) for u, d in raw["documents"].items()},
                meetings={k: MeetingState(**m) for k, m in raw["meetings"].items()},
            )
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("%s is unreadable (%s); every document is fetched again", path, exc)
            return cls()

    def save(self, corpus: Path) -> None:
        """Write the state atomically: a crash leaves the old state or the new one."""
        folder = corpus / STATE_DIR
        folder.mkdir(exist_ok=True)
        data = {
            "version": VERSION,
            "documents": {u: asdict(d) for u, d in sorted(self.documents.items())},
            "meetings": {k: asdict(m) for k, m in sorted(self.meetings.items())},
        }
        tmp = folder / f".{STATE_FILE}.{uuid.uuid4().hex}"
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, folder / STATE_FILE)

    def paths(self) -> set[str]:
        """Corpus paths the importer owns."""
        return {d.path for d in self.documents.values()}
