"""The search core as one object: the index's live version, the model and retrieval.

Works without HTTP (the API, the CLI, the evaluation harness and benchmarks all use it).
A server keeps one engine; `refresh()` switches to a newly published index version
atomically, so requests already running finish on the version they started with. The
version it leaves is closed (SQLite connections, mapped files) as soon as the last of
those requests ends (`reading()` and `indexer.snapshot.Reaper`), not at some later GC.
A server started without a usable index keeps trying: `Archive.open` is retried by the
HTTP layer whenever a new version is published.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.compatibility import check_index_matches
from indexer.embedding import Embedder
from indexer.errors import DocumentNotFoundError, ScrutinyError
from indexer.lexical import LEXICAL_DIR, LexicalIndex
from indexer.models import Hit, Passage, SearchFilters, SearchMode
from indexer.settings import Settings
from indexer.snapshot import (
    FULL_CHECK_BYTES,
    STORE_FILE,
    VECTORS_FILE,
    IndexDir,
    IndexInfo,
    Reaper,
)
from indexer.store import PassageStore, StoredDocument
from indexer.vectors import VectorIndex

from .retrieval import Retriever

log = logging.getLogger(__name__)


@dataclass
class Snapshot:
    """One published index version, opened read-only."""

    version: str
    info: IndexInfo
    store: PassageStore
    retriever: Retriever

    def close(self) -> None:
        """Close the version's files: its SQLite connections and mapped posting files."""
        self.store.close()
        self.retriever.lexical_index.close()


class Archive:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or Embedder.from_settings(settings)
        self.index_dir = IndexDir(settings.index_dir)
        self._lock = threading.Lock()
        self._refused: str | None = None
        self._reaper = Reaper()
        self._snapshot = self._open(self.index_dir.current())

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Archive:
        return cls(settings, embedder)

    def _open(self, version: Path) -> Snapshot:
        info = self.index_dir.read_info(version)
        check_index_matches(info, self.settings, self.embedder, self.index_dir.root)
        store = PassageStore(version / STORE_FILE, readonly=True)
        try:
            store.check_integrity(thorough=store.path.stat().st_size <= FULL_CHECK_BYTES)
            vectors = VectorIndex.load(version / VECTORS_FILE, info.vector_kind)
            lexical = LexicalIndex.load(version / LEXICAL_DIR)
        except BaseException:
            store.close()
            raise
        retriever = Retriever(
            store,
            vectors,
            lexical,
            self.embedder,
            self.settings.rrf_k,
            self.settings.candidates,
            self.settings.lexical_weight,
        )
        return Snapshot(version.name, info, store, retriever)

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the versions a request may read open until it ends (the HTTP app wraps
        every request in this); a version retired meanwhile is closed afterwards."""
        ticket = self._reaper.enter()
        try:
            yield
        finally:
            self._reaper.leave(ticket)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def refresh(self) -> bool:
        """Switch to the live version if a writer published a new one since.

        A new version that cannot be opened (damaged, mismatched) is logged once and
        skipped: the open snapshot goes on answering, rather than every request failing
        until someone repairs the disk. The next version published is tried again.
        """
        name = self.index_dir.current_name()
        if name is None or name in (self._snapshot.version, self._refused):
            return False
        with self._lock:
            if name in (self._snapshot.version, self._refused):
                return False
            try:
                new = self._open(self.index_dir.current())
            except ScrutinyError as exc:
                self._refused = name
                log.error("kept index version %s: %s", self._snapshot.version, exc)
                return False
            old, self._snapshot = self._snapshot, new
        self._reaper.retire(old.close)
        return True

    # -- queries -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 10,
        mode: SearchMode = "hybrid",
        filters: SearchFilters | None = None,
    ) -> list[Hit]:
        return self._snapshot.retriever.search(query, k, mode, filters)

    def documents(self) -> list[StoredDocument]:
        docs = self._snapshot.store.stored_documents().values()
        return sorted(docs, key=lambda d: (d.meta.meeting_date is None, d.meta.meeting_date,
                                           d.meta.document_id))  # fmt: skip

    def document(self, document_id: str) -> tuple[StoredDocument, list[Passage]]:
        store = self._snapshot.store
        doc = store.document(document_id)
        if doc is None:
            raise DocumentNotFoundError(document_id)
        return doc, store.document_passages(document_id)

    def passages(self, ids: list[int]) -> dict[int, Passage]:
        return self._snapshot.store.passages(ids)

    def counts(self) -> tuple[int, int]:
        return self._snapshot.store.counts()
