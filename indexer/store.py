"""The passage store: SQLite holds documents, passages and their sources.

A passage is stored once per distinct text (its id is a hash of the text), with one
`sources` row per place it stands, so a paragraph repeated verbatim in two published
documents is one search result that cites both. Embeddings are kept here too, so the
FAISS index can always be rebuilt from the store alone, like the lexical index
(`indexer.lexical`), which is built from its texts.

A store damaged under a running server (overwritten, truncated) makes SQLite raise
`DatabaseError` from any query: `_sqlite_errors` turns that into `IndexDamagedError`
(the server answers 503 and recovers when a good version is published) and a full disk
into `DiskFullError`, so no sqlite3 exception leaks out as a 500.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from .dates import year_end_counts
from .errors import DiskFullError, IndexCorruptError, IndexDamagedError, ScrutinyError
from .models import Chunk, Citation, DocumentMeta, MeetingKey, Passage, SearchFilters, Source
from .text import line_breaks, with_line_breaks

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    corpus TEXT NOT NULL,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    council TEXT, committee TEXT,
    meeting_date TEXT, date_end TEXT, date_precision TEXT, date_approximate INTEGER NOT NULL,
    doc_type TEXT, title TEXT, source_url TEXT, notes TEXT, pages INTEGER,
    meta_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    passage_id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    embedding BLOB NOT NULL,
    breaks TEXT
);
CREATE TABLE IF NOT EXISTS sources (
    document_id TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    passage_id INTEGER NOT NULL REFERENCES passages(passage_id),
    item TEXT, item_title TEXT, paragraph TEXT, page INTEGER, stated_date TEXT,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS sources_by_passage ON sources(passage_id);
-- For the truncated-copy lookup of each new passage (`_merge_truncated`): without it
-- SQLite scans every source row per passage, quadratic in the archive (9 ms a passage at
-- 10k passages, hours at 100k); with it, 0.4 ms at any size.
CREATE INDEX IF NOT EXISTS documents_by_meeting ON documents(meeting_date, committee);
CREATE TABLE IF NOT EXISTS failures (
    corpus TEXT NOT NULL, path TEXT NOT NULL, reason TEXT NOT NULL,
    content_hash TEXT, reader TEXT, kept TEXT, kept_hash TEXT,
    PRIMARY KEY (corpus, path)
);
-- The (month, day) each document's passages name as a year's end, with how many of its
-- passages name each (`indexer.dates.year_end_counts`), as JSON: counted once when the
-- document is stored, summed at publish (round 35). A document without a row was stored
-- before these were kept (`PassageStore.fill_year_end_counts`).
CREATE TABLE IF NOT EXISTS year_end_counts (
    document_id TEXT PRIMARY KEY REFERENCES documents(document_id) ON DELETE CASCADE,
    counts TEXT NOT NULL
);
-- A file not indexed because the file that keeps its id holds the same paper in another
-- format (`indexer.ingest.twins`), with both files' fingerprints and the reader version:
-- an unchanged pair is not read again to compare them (round 32).
CREATE TABLE IF NOT EXISTS same_papers (
    corpus TEXT NOT NULL, path TEXT NOT NULL, note TEXT NOT NULL, kept TEXT NOT NULL,
    content_hash TEXT NOT NULL, kept_hash TEXT NOT NULL, reader TEXT NOT NULL,
    PRIMARY KEY (corpus, path)
);
"""
_UNCOUNTED = "document_id NOT IN (SELECT document_id FROM year_end_counts)"
"""A document whose year-end counts were never stored (`PassageStore.fill_year_end_counts`)."""
FAILURE_COLUMNS = ("content_hash", "reader", "kept", "kept_hash")
"""A failed read's file fingerprint and reader version (`indexer.ingest.reader_version`),
so an unchanged file is not read again; for a file failed as a different paper from the
file keeping its id, that file and its fingerprint too (a `Pair`, round 33), so an
unchanged pair is not compared again. Added to a store written before them."""
BREAKS_COLUMN = "breaks"
"""A passage's line breaks (`indexer.text.line_breaks` of the chunk's text, as JSON
offsets into the stored text, "[]" for none; index format 5, round 44): the stored text
collapses white space, and an answer cuts sentences at the breaks that open one
(`passage_text`). A passage several
documents print keeps the breaks every copy has (`_share_breaks`, round 45)."""


def normalise_text(text: str) -> str:
    """Collapse all whitespace: the form passage ids are hashed from and embeddings read."""
    return " ".join(text.split())


PASSAGE_ID_BITS = 53
"""Ids fit a JSON number exactly (JavaScript's safe integers), and FAISS's int64 ids."""


def passage_id_for(text: str) -> int:
    """A stable positive id from the passage's text: equal texts share one id.

    At 53 bits, ten million passages collide with odds of about 1 in 200; the store
    checks for it and refuses a colliding text rather than merging two passages.
    """
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - PASSAGE_ID_BITS)


def date_end(start: date | None, precision: str | None) -> date | None:
    """Last day a date of the given precision may stand for (2017, year → 2017-12-31)."""
    if start is None:
        return None
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def meta_hash(meta: DocumentMeta) -> str:
    """Hash of a document's metadata: a changed hash updates a document whose bytes did not."""
    return hashlib.sha256(meta.model_dump_json().encode()).hexdigest()


F = TypeVar("F", bound=Callable[..., Any])


def translate_sqlite_error(path: Path, exc: sqlite3.DatabaseError) -> ScrutinyError | None:
    """The domain error for a SQLite failure caused by the file, or None for a bug.

    Integrity and programming errors are the code's fault and stay as they are.
    """
    if isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError)):
        return None
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return DiskFullError(path, str(exc))
    return IndexDamagedError(
        f"Passage store {path} is damaged ({exc}). Publish a good version: "
        "python -m indexer build --rebuild"
    )


def _sqlite_errors(method: F) -> F:
    """Raise SQLite failures of the file as domain errors (see the module docstring)."""

    @functools.wraps(method)
    def wrapper(self: PassageStore, *args: Any, **kwargs: Any) -> Any:
        """Call `method`; a SQLite error on the file becomes its domain error, others re-raise."""
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            error = translate_sqlite_error(self.path, exc)
            if error is None:
                raise
            raise error from exc

    return cast(F, wrapper)


@dataclass(frozen=True)
class StoredDocument:
    """A document row as stored, with the hashes an incremental build compares."""

    meta: DocumentMeta
    corpus: str
    content_hash: str
    meta_hash: str
    passages: int


@dataclass(frozen=True)
class FailedRead:
    """A file that failed to read: its fingerprint (bytes and manifest row,
    `indexer.builder.source_fingerprint`) and the reader version it failed under, so a
    build reads it again only when either changes."""

    content_hash: str
    reader: str


@dataclass(frozen=True)
class Pair:
    """A file kept out because `kept` (its full path) keeps its id, as the same paper or
    as a different one: both files' fingerprints (the SHA-256 of their bytes) and
    the reader version they were compared under."""

    kept: str
    content_hash: str
    kept_hash: str
    reader: str


class PassageStore:
    """One SQLite file. Connections are per thread, as sqlite3 objects are not shareable."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self._local = threading.local()
        self._all_connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if not readonly:
            self.connection.executescript(SCHEMA)
            with self.connection:
                for column in set(FAILURE_COLUMNS) - self._columns("failures"):
                    self.connection.execute(f"ALTER TABLE failures ADD COLUMN {column} TEXT")

    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use (read-only when the store is)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{self.path}?mode=ro" if self.readonly else f"file:{self.path}"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
            with self._lock:
                self._all_connections.append(conn)
        return conn

    def close(self) -> None:
        """Close every thread's connection; a later use opens a new one."""
        with self._lock:
            for conn in self._all_connections:
                conn.close()
            self._all_connections.clear()
        self._local = threading.local()

    def check_integrity(self, thorough: bool = True) -> None:
        """Fail now, with the file named, rather than in the middle of a query.

        `PRAGMA quick_check` reads the whole file: minutes for a store of millions of
        passages, so a server opening one skips it (`thorough=False`) and relies on the
        snapshot's size and sampled hash; `python -m indexer check` runs it.
        """
        try:
            row = self.connection.execute("PRAGMA quick_check").fetchone() if thorough else ("ok",)
            self.connection.execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(f"Passage store {self.path} is damaged: {exc}") from exc
        if row is None or row[0] != "ok":
            raise IndexCorruptError(f"Passage store {self.path} failed its integrity check")

    # -- writing -------------------------------------------------------------------------

    @_sqlite_errors
    def missing_passage_ids(self, ids: Iterable[int]) -> set[int]:
        """Those of `ids` with no stored passage: the ones that need embedding."""
        wanted = set(ids)
        if not wanted:
            return set()
        present = {
            row[0]
            for chunk in _batches(sorted(wanted), 500)
            for row in self.connection.execute(
                f"SELECT passage_id FROM passages WHERE passage_id IN ({_marks(chunk)})", chunk
            )
        }
        return wanted - present

    @_sqlite_errors
    def put_document(
        self,
        meta: DocumentMeta,
        corpus: str,
        content_hash: str,
        chunks: Sequence[Chunk],
        vectors: dict[int, np.ndarray],
    ) -> tuple[list[int], list[int]]:
        """Insert or replace a document with its chunks, in one transaction.

        `vectors` must hold an embedding for every chunk whose text is not yet stored.
        Returns the ids of passages this call created and of those it deleted.
        """
        conn = self.connection
        created: list[int] = []
        with conn:
            # Passages of the old version stay until the end: the new one may reuse them.
            candidates = self._delete_document(meta.document_id, drop=False)
            conn.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    meta.document_id, corpus, meta.path, content_hash, meta.council,
                    meta.committee, _iso(meta.meeting_date),
                    _iso(date_end(meta.meeting_date, meta.date_precision)),
                    meta.date_precision, int(meta.date_approximate), meta.doc_type,
                    meta.title, meta.source_url, meta.notes, meta.pages, meta_hash(meta),
                ),
            )  # fmt: skip
            texts = [normalise_text(chunk.text) for chunk in chunks]
            self._put_year_end_counts(meta.document_id, year_end_counts(dict.fromkeys(texts)))
            for table in ("failures", "same_papers"):  # indexed now: neither failed nor noted
                conn.execute(f"DELETE FROM {table} WHERE corpus = ? AND path = ?",
                             (corpus, meta.path))  # fmt: skip
            for chunk, text in zip(chunks, texts, strict=True):
                pid, replaced = passage_id_for(text), list[int]()
                self._check_collision(pid, text)
                own = line_breaks(chunk.text)
                if not self._exists(pid):
                    pid, replaced = self._merge_truncated(meta, chunk, text, pid)
                    candidates.extend(replaced)
                if not self._exists(pid):
                    conn.execute(
                        "INSERT INTO passages VALUES (?,?,?,?)",
                        (pid, text, np.asarray(vectors[pid], dtype=np.float32).tobytes(),
                         _breaks_json(own)),
                    )  # fmt: skip
                    created.append(pid)
                elif pid == passage_id_for(text):
                    self._share_breaks(pid, own)
                for truncated in replaced:
                    conn.execute(
                        "UPDATE sources SET passage_id = ? WHERE passage_id = ?", (pid, truncated)
                    )
                conn.execute(
                    "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?)",
                    (
                        meta.document_id, chunk.ordinal, pid, chunk.item, chunk.item_title,
                        chunk.paragraph, chunk.page, _iso(chunk.stated_date),
                    ),
                )  # fmt: skip
            removed = [pid for pid in dict.fromkeys(candidates) if not self._held(pid)]
            self._drop_passages(removed)
        return created, removed

    def _put_year_end_counts(self, document_id: str, counts: Counter[tuple[int, int]]) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO year_end_counts VALUES (?, ?)",
            (document_id, json.dumps(sorted([*end, n] for end, n in counts.items()))),
        )

    @_sqlite_errors
    def fill_year_end_counts(self) -> int:
        """Count the year ends named by each document stored before their counts were kept
        (a store written before round 35), from the passages it holds, and store them: an
        older index's first publish reads those documents once, later ones none. Returns
        how many documents it counted."""
        texts: dict[str, list[str]] = {
            row[0]: []
            for row in self.connection.execute(
                f"SELECT document_id FROM documents WHERE {_UNCOUNTED}"
            )
        }
        for document_id, text in self.connection.execute(
            "SELECT DISTINCT s.document_id, p.text FROM sources s JOIN passages p "
            f"USING (passage_id) WHERE s.{_UNCOUNTED}"
        ):
            texts[document_id].append(text)
        with self.connection:
            for document_id, held in texts.items():
                self._put_year_end_counts(document_id, year_end_counts(held))
        return len(texts)

    @_sqlite_errors
    def year_end_totals(self) -> Counter[tuple[int, int]] | None:
        """How many passages name each (month, day) as a year's end, summed over the
        documents the store holds from the counts stored with each (`put_document`): no
        passage is read. A passage two documents share counts once for each. None when
        a document's counts were never stored (a store written before round 35:
        `fill_year_end_counts` writes them; a read-only store falls back to its texts)."""
        if not self._has_table("year_end_counts"):
            return None
        query = f"SELECT 1 FROM documents WHERE {_UNCOUNTED} LIMIT 1"
        if self.connection.execute(query).fetchone() is not None:
            return None
        total: Counter[tuple[int, int]] = Counter()
        for (counts,) in self.connection.execute("SELECT counts FROM year_end_counts"):
            for month, day, n in json.loads(counts):
                total[month, day] += n
        return total

    def _check_collision(self, pid: int, text: str) -> None:
        row = self.connection.execute(
            "SELECT text FROM passages WHERE passage_id = ?", (pid,)
        ).fetchone()
        if row is not None and row[0] != text:
            raise ScrutinyError(
                f"Two different passages hash to id {pid}; report this with the two texts: "
                f"{row[0][:80]!r} / {text[:80]!r}"
            )

    def _share_breaks(self, pid: int, own: Sequence[int]) -> None:
        """A passage another document also prints: the line breaks every copy has. One
        copy's layout is not the text's (a PDF wraps "… the Strengthening" / "Independence
        Service …" where its Word copy runs on), and the first copy stored kept its own
        before round 45. Copies removed later leave their mark until the passage is stored anew."""
        row = self.connection.execute(
            "SELECT breaks FROM passages WHERE passage_id = ?", (pid,)
        ).fetchone()
        held = json.loads(row[0])
        common = tuple(sorted(set(held) & set(own)))
        if list(common) != held:
            self.connection.execute(
                "UPDATE passages SET breaks = ? WHERE passage_id = ?", (_breaks_json(common), pid)
            )

    def _exists(self, pid: int) -> bool:
        query = "SELECT 1 FROM passages WHERE passage_id = ?"
        return self.connection.execute(query, (pid,)).fetchone() is not None

    def _held(self, pid: int) -> bool:
        query = "SELECT 1 FROM sources WHERE passage_id = ?"
        return self.connection.execute(query, (pid,)).fetchone() is not None

    def _merge_truncated(
        self, meta: DocumentMeta, chunk: Chunk, text: str, pid: int
    ) -> tuple[int, list[int]]:
        """Join a paragraph to its other copy from the same meeting when one is cut short.

        Published "agenda and minutes" pages cut long items off mid-sentence and link to
        the full text, so the same numbered paragraph is stored twice, once truncated.
        The full text wins and keeps both documents as sources. Returns the id to use
        and the ids of truncated passages whose sources move to it.
        """
        if not chunk.paragraph or meta.meeting_date is None:
            return pid, []
        rows = self.connection.execute(
            "SELECT DISTINCT p.passage_id, p.text FROM sources s "
            "JOIN documents d USING (document_id) JOIN passages p USING (passage_id) "
            "WHERE s.paragraph = ? AND d.meeting_date = ? AND d.committee IS ? "
            "AND s.document_id != ?",
            (chunk.paragraph, meta.meeting_date.isoformat(), meta.committee, meta.document_id),
        ).fetchall()
        stem = text.rstrip(" .…")
        for other_pid, other_text in rows:
            if len(stem) >= 40 and other_text.startswith(stem):
                return other_pid, []
            other_stem = other_text.rstrip(" .…")
            if len(other_stem) >= 40 and text.startswith(other_stem):
                return pid, [other_pid]
        return pid, []

    @_sqlite_errors
    def remove_document(self, document_id: str) -> list[int]:
        """Delete a document; returns ids of passages no other document holds (now gone)."""
        with self.connection:
            return self._delete_document(document_id)

    def _delete_document(self, document_id: str, drop: bool = True) -> list[int]:
        """Delete a document's rows; returns its passages that nothing else holds."""
        conn = self.connection
        pids = [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT passage_id FROM sources WHERE document_id = ?", (document_id,)
            )
        ]
        conn.execute("DELETE FROM sources WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM documents WHERE document_id = ?", (document_id,))
        orphans = [pid for pid in pids if not self._held(pid)]
        if drop:
            self._drop_passages(orphans)
        return orphans

    def _drop_passages(self, ids: list[int]) -> None:
        for chunk in _batches(ids, 500):
            self.connection.execute(
                f"DELETE FROM passages WHERE passage_id IN ({_marks(chunk)})", chunk
            )

    @_sqlite_errors
    def record_failure(
        self,
        corpus: str,
        path: str,
        reason: str,
        memory: FailedRead | Pair | None = None,
    ) -> None:
        """Remember that `path` in `corpus` failed (replacing an earlier reason), with what
        a build recalls it by: a file that failed to read by its `FailedRead`, a different
        paper from the file keeping its id by the `Pair` compared, any other failure by
        nothing."""
        content_hash, reader = (
            (memory.content_hash, memory.reader) if memory is not None else (None, None)
        )
        kept, kept_hash = (
            (memory.kept, memory.kept_hash) if isinstance(memory, Pair) else (None, None)
        )
        with self.connection:
            self.connection.execute(
                "INSERT OR REPLACE INTO failures (corpus, path, reason, content_hash, reader, "
                "kept, kept_hash) VALUES (?,?,?,?,?,?,?)",
                (corpus, path, reason, content_hash, reader, kept, kept_hash),
            )
            self.connection.execute(
                "DELETE FROM same_papers WHERE corpus = ? AND path = ?", (corpus, path)
            )

    @_sqlite_errors
    def record_same_paper(self, corpus: str, path: str, note: str, paper: Pair) -> None:
        """Remember that `path` in `corpus` is not indexed, being the same paper as the file
        that keeps its id (`note`), with both fingerprints and the reader version."""
        with self.connection:
            self.connection.execute(
                "INSERT OR REPLACE INTO same_papers (corpus, path, note, kept, content_hash, "
                "kept_hash, reader) VALUES (?,?,?,?,?,?,?)",
                (corpus, path, note, paper.kept, paper.content_hash, paper.kept_hash,
                 paper.reader),
            )  # fmt: skip
            self.connection.execute(
                "DELETE FROM failures WHERE corpus = ? AND path = ?", (corpus, path)
            )

    @_sqlite_errors
    def forget_same_paper(self, corpus: str, path: str) -> None:
        """Drop the same-paper note of `path` in `corpus` (gone, indexed or failed now)."""
        with self.connection:
            self.connection.execute(
                "DELETE FROM same_papers WHERE corpus = ? AND path = ?", (corpus, path)
            )

    @_sqlite_errors
    def forget_failure(self, corpus: str, path: str) -> None:
        """Drop the failure recorded for `path` in `corpus` (its file is gone)."""
        with self.connection:
            self.connection.execute(
                "DELETE FROM failures WHERE corpus = ? AND path = ?", (corpus, path)
            )

    # -- reading -------------------------------------------------------------------------

    @_sqlite_errors
    def failures(self) -> list[tuple[str, str, str]]:
        """(corpus, path, reason) of every recorded failure, in no set order."""
        return list(self.connection.execute("SELECT corpus, path, reason FROM failures"))

    @_sqlite_errors
    def failed_reads(self) -> dict[tuple[str, str], tuple[str, FailedRead]]:
        """(reason, what it is recalled by) by (corpus, path), of the files that failed
        when read: none from a store written before these were kept."""
        columns = self._columns("failures")
        if not {"content_hash", "reader"} <= columns:
            return {}
        pairs = " AND kept IS NULL" if "kept" in columns else ""
        rows = self.connection.execute(
            "SELECT corpus, path, reason, content_hash, reader FROM failures "
            "WHERE content_hash IS NOT NULL AND reader IS NOT NULL" + pairs
        )
        return {(c, p): (reason, FailedRead(*read)) for c, p, reason, *read in rows}

    @_sqlite_errors
    def different_papers(self) -> dict[tuple[str, str], Pair]:
        """The pair compared by (corpus, path) of each file failed as a different paper
        from the file keeping its id: none from a store written before these were kept."""
        if not set(FAILURE_COLUMNS) <= self._columns("failures"):
            return {}
        rows = self.connection.execute(
            "SELECT corpus, path, kept, content_hash, kept_hash, reader FROM failures "
            "WHERE kept IS NOT NULL"
        )
        return {(c, p): Pair(*rest) for c, p, *rest in rows}

    @_sqlite_errors
    def same_papers(self) -> dict[tuple[str, str], tuple[str, Pair]]:
        """(note, the pair's record) by (corpus, path) of each file not indexed because the
        file keeping its id holds the same paper: none from a store written before these
        were kept."""
        if not self._has_table("same_papers"):
            return {}
        rows = self.connection.execute(
            "SELECT corpus, path, note, kept, content_hash, kept_hash, reader FROM same_papers"
        )
        return {(c, p): (note, Pair(*rest)) for c, p, note, *rest in rows}

    def _has_table(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.connection.execute(query, (name,)).fetchone() is not None

    def _columns(self, table: str) -> set[str]:
        return {row[1] for row in self.connection.execute(f"PRAGMA table_info({table})")}

    @_sqlite_errors
    def counts(self) -> tuple[int, int]:
        """(passages, documents) in the store."""
        conn = self.connection
        passages = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return int(passages), int(documents)

    @_sqlite_errors
    def all_vectors(self, dim: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of every passage, ordered by passage id, for rebuilding the vector
        index."""
        rows = self.connection.execute(
            "SELECT passage_id, embedding FROM passages ORDER BY passage_id"
        ).fetchall()
        return _unpack(rows, dim)

    @_sqlite_errors
    def vectors_for(self, ids: Iterable[int], dim: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) for those of `ids` that are stored, in passage id order."""
        wanted = sorted(ids)
        found: list[tuple[int, bytes]] = []
        for chunk in _batches(wanted, 500):
            found.extend(
                self.connection.execute(
                    f"SELECT passage_id, embedding FROM passages WHERE passage_id IN "
                    f"({_marks(chunk)}) ORDER BY passage_id",
                    chunk,
                )
            )
        return _unpack(found, dim)

    @_sqlite_errors
    def stored_documents(self) -> dict[str, StoredDocument]:
        """Every document by id, with its passage count (one query, for an incremental build)."""
        rows = self.connection.execute(
            "SELECT d.*, (SELECT count(*) FROM sources s WHERE s.document_id = d.document_id) "
            "FROM documents d"
        ).fetchall()
        return {row[0]: _stored_document(row) for row in rows}

    @_sqlite_errors
    def document(self, document_id: str) -> StoredDocument | None:
        """The stored document, or None if the id is unknown."""
        return self.stored_documents_where("d.document_id = ?", (document_id,)).get(document_id)

    @_sqlite_errors
    def stored_documents_where(self, where: str, params: tuple) -> dict[str, StoredDocument]:
        """Documents matching an SQL `where` on documents `d`; `where` must be trusted text,
        values go in `params`."""
        rows = self.connection.execute(
            "SELECT d.*, (SELECT count(*) FROM sources s WHERE s.document_id = d.document_id) "
            f"FROM documents d WHERE {where}",
            params,
        ).fetchall()
        return {row[0]: _stored_document(row) for row in rows}

    @_sqlite_errors
    def redate(self, meta: DocumentMeta) -> None:
        """Store a document's meeting date, its precision and its note anew, its passages
        and the rest of its row as they are: a date the archive's order settles at publish
        (`indexer.ingest.metadata.settle_date`, round 48). Its `meta_hash` stays its file's
        reading."""
        with self.connection as conn:
            conn.execute(
                "UPDATE documents SET meeting_date = ?, date_end = ?, date_precision = ?, "
                "date_approximate = ?, notes = ? WHERE document_id = ?",
                (
                    _iso(meta.meeting_date), _iso(date_end(meta.meeting_date, meta.date_precision)),
                    meta.date_precision, int(meta.date_approximate), meta.notes, meta.document_id,
                ),
            )  # fmt: skip

    @_sqlite_errors
    def document_passages(self, document_id: str) -> list[Passage]:
        """A document's passages in reading order, each with its full citation."""
        ordered = [
            row[0]
            for row in self.connection.execute(
                "SELECT passage_id FROM sources WHERE document_id = ? ORDER BY ordinal",
                (document_id,),
            )
        ]
        found = self.passages(ordered)
        return [found[pid] for pid in dict.fromkeys(ordered) if pid in found]

    @_sqlite_errors
    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        """Passages with citations; the primary source is the earliest precisely dated one."""
        if not ids:
            return {}
        conn = self.connection
        texts: dict[int, str] = {}
        sources: dict[int, list[tuple[Source, date | None]]] = {}
        for chunk in _batches(list(dict.fromkeys(ids)), 500):
            marks = _marks(chunk)
            for pid, text, breaks in conn.execute(
                f"SELECT passage_id, text, breaks FROM passages WHERE passage_id IN ({marks})",
                chunk,
            ):
                texts[pid] = passage_text(text, breaks)
            for row in conn.execute(
                "SELECT s.passage_id, s.document_id, d.title, d.council, d.committee, "
                "d.meeting_date, d.date_approximate, d.doc_type, s.item, s.item_title, "
                "s.paragraph, s.page, d.source_url, s.ordinal, s.stated_date, d.date_precision "
                "FROM sources s JOIN documents d USING (document_id) "
                f"WHERE s.passage_id IN ({marks}) "
                "ORDER BY d.date_approximate, d.meeting_date IS NULL, d.meeting_date, "
                "s.document_id, s.ordinal",
                chunk,
            ):
                source = Source(
                    document_id=row[1], title=row[2], council=row[3], committee=row[4],
                    meeting_date=_date(row[5]), date_approximate=bool(row[6]), doc_type=row[7],
                    item=row[8], item_title=row[9], paragraph=row[10], page=row[11],
                    source_url=row[12], ordinal=row[13], date_precision=row[15],
                )  # fmt: skip
                sources.setdefault(row[0], []).append((source, _date(row[14])))
        result: dict[int, Passage] = {}
        for pid, text in texts.items():
            places = sources.get(pid, [])
            if not places:
                continue
            primary, stated = places[0]
            citation = Citation(
                **primary.model_dump(exclude={"ordinal"}),
                stated_date=stated,
                sources=[s for s, _ in places],
            )
            result[pid] = Passage(passage_id=pid, text=text, citation=citation)
        return result

    def neighbours(self, ids: Sequence[int]) -> dict[int, list[int]]:
        """For each passage, the passages just before and after it in the same agenda item
        of any document holding it (the context a list item or a table row reads in)."""
        return self._beside(ids, "s.ordinal - 1, s.ordinal + 1")

    def following(self, ids: Sequence[int]) -> dict[int, int]:
        """For each passage, the passage just after it in the same agenda item (of the
        first document holding it that has one): where a list its end cut runs on."""
        return {pid: after[0] for pid, after in self._beside(ids, "s.ordinal + 1").items()}

    @_sqlite_errors
    def following_places(
        self, places: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], tuple[int, int]]:
        """For each place (document id, ordinal), the passage just after it in the same
        agenda item, with its ordinal. A passage stored once for several places of one
        document (the motion's text Kent's minutes repeat under each amendment) is read on
        from the place it was read at, not from whichever place `following` finds first."""
        found: dict[tuple[str, int], tuple[int, int]] = {}
        for chunk in _batches(list(dict.fromkeys(places)), 300):
            rows = ",".join("(?,?)" for _ in chunk)
            params = [v for doc, o in chunk for v in (doc, o)]
            for doc, ordinal, pid, after in self.connection.execute(
                f"WITH w(doc, o) AS (VALUES {rows}) "
                "SELECT s.document_id, s.ordinal, n.passage_id, n.ordinal FROM w "
                "JOIN sources s ON s.document_id = w.doc AND s.ordinal = w.o "
                "JOIN sources n ON n.document_id = s.document_id AND n.ordinal = s.ordinal + 1 "
                "AND n.item IS s.item",
                params,
            ):
                found[(doc, ordinal)] = (pid, after)
        return found

    @_sqlite_errors
    def _beside(self, ids: Sequence[int], ordinals: str) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for chunk in _batches(list(dict.fromkeys(ids)), 500):
            for pid, other in self.connection.execute(
                "SELECT s.passage_id, n.passage_id FROM sources s JOIN sources n "
                f"ON n.document_id = s.document_id AND n.ordinal IN ({ordinals}) "
                "AND n.item IS s.item "
                f"WHERE s.passage_id IN ({_marks(chunk)}) AND n.passage_id != s.passage_id",
                chunk,
            ):
                found.setdefault(pid, [])
                if other not in found[pid]:
                    found[pid].append(other)
        return found

    @_sqlite_errors
    def stretches(
        self, places: Sequence[tuple[str, int]], reach: int
    ) -> dict[tuple[str, int], Placed]:
        """Every source within `reach` ordinals of each (document id, ordinal), by (document
        id, ordinal), with its passage's text: the reading around many hits in one query
        (an item window is cut from it, `search_api.windows`)."""
        found: dict[tuple[str, int], Placed] = {}
        for chunk in _batches(list(dict.fromkeys(places)), 300):
            rows = ",".join("(?,?,?)" for _ in chunk)
            params = [v for doc, o in chunk for v in (doc, o - reach, o + reach)]
            for doc, ordinal, pid, item, paragraph, page, text, breaks in self.connection.execute(
                f"WITH w(doc, lo, hi) AS (VALUES {rows}) "
                "SELECT DISTINCT s.document_id, s.ordinal, s.passage_id, s.item, s.paragraph, "
                "s.page, p.text, p.breaks FROM w JOIN sources s ON s.document_id = w.doc "
                "AND s.ordinal BETWEEN w.lo AND w.hi JOIN passages p USING (passage_id)",
                params,
            ):
                text = passage_text(text, breaks)
                found[(doc, ordinal)] = Placed(pid, item, paragraph, page, text)
        return found

    @_sqlite_errors
    def source_dates(self) -> SourceDates:
        """Every source's document dates, for a retriever that filters by dates alone on
        every trend question and would otherwise ask SQLite twice per search."""
        rows = self.connection.execute(
            "SELECT s.passage_id, d.meeting_date, d.date_end "
            "FROM sources s JOIN documents d USING (document_id)"
        ).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        first, last = (
            np.fromiter(
                (date.fromisoformat(r[i]).toordinal() if r[i] else 0 for r in rows),
                dtype=np.int64,
                count=len(rows),
            )
            for i in (1, 2)
        )
        return SourceDates(ids, first, last)

    @_sqlite_errors
    def meeting_passage_ids(self, meeting: MeetingKey) -> list[int]:
        """Ids of the passages that stand in a document of `meeting` (its date and
        committee, `MeetingKey`), in id order: what a trend's end meeting holds beyond the
        passages a search ranked."""
        day, committee = meeting
        rows = self.connection.execute(
            "SELECT DISTINCT s.passage_id FROM sources s JOIN documents d USING (document_id) "
            "WHERE d.meeting_date IS ? AND d.committee IS ? ORDER BY s.passage_id",
            (_iso(day), committee),
        ).fetchall()
        return [r[0] for r in rows]

    @_sqlite_errors
    def filtered_ids(self, filters: SearchFilters) -> np.ndarray:
        """Ids of passages with at least one source inside the filters."""
        where, params = filter_sql(filters)
        rows = self.connection.execute(
            "SELECT DISTINCT s.passage_id FROM sources s JOIN documents d USING (document_id) "
            f"WHERE {where}",
            params,
        ).fetchall()
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))

    def lexical_rows(self) -> Iterator[tuple[int, str, str | None, str | None]]:
        """(passage id, text, item title and document title of its first source), in
        ascending order of id.

        What the lexical index (`indexer.lexical`) is built from at every publish.
        """
        yield from self.connection.execute(
            "SELECT p.passage_id, p.text, s.item_title, d.title FROM passages p "
            "LEFT JOIN sources s ON s.rowid = (SELECT MIN(f.rowid) FROM sources f "
            "WHERE f.passage_id = p.passage_id) "
            "LEFT JOIN documents d ON d.document_id = s.document_id "
            "ORDER BY p.passage_id"
        )

    @_sqlite_errors
    def texts(self) -> Iterator[str]:
        """Every passage's text, in no order: a scan of the passages table (0.04 s over
        6,000 passages)."""
        for (text,) in self.connection.execute("SELECT text FROM passages"):
            yield text

    @_sqlite_errors
    def facets(self) -> dict[str, list[str]]:
        """Distinct councils, committees and document types, sorted, for the search filters."""
        conn = self.connection
        return {
            column: [
                r[0]
                for r in conn.execute(
                    f"SELECT DISTINCT {column} FROM documents WHERE {column} IS NOT NULL "
                    f"ORDER BY {column}"
                )
            ]
            for column in ("council", "committee", "doc_type")
        }

    @_sqlite_errors
    def date_range(self) -> tuple[date | None, date | None]:
        """(earliest meeting date, latest end date) in the store; Nones when it is empty."""
        row = self.connection.execute(
            "SELECT min(meeting_date), max(date_end) FROM documents"
        ).fetchone()
        return _date(row[0]), _date(row[1])


def _breaks_json(breaks: Sequence[int]) -> str:
    return json.dumps(list(breaks), separators=(",", ":"))


def passage_text(text: str, breaks: str | None) -> str:
    """A stored passage's text as readers get it: the stored (collapsed) text with a line
    break for each stored break that opens a sentence (after a heading or a label over
    running prose, before a lead-in, after a terminated line: `indexer.text.is_line_boundary`),
    so an answer's sentences do not run a heading into the sentence under it.
    The same length as the stored text, and equal to it with white space collapsed: its
    id, vector and lexical terms are the stored text's."""
    return with_line_breaks(text, json.loads(breaks)) if breaks else text


def filter_sql(filters: SearchFilters) -> tuple[str, list[object]]:
    """SQL over `documents d`; a date range matches documents whose date span overlaps it."""
    clauses: list[str] = ["1"]
    params: list[object] = []
    if filters.committee:
        clauses.append("d.committee = ? COLLATE NOCASE")
        params.append(filters.committee)
    if filters.doc_type:
        clauses.append("d.doc_type = ? COLLATE NOCASE")
        params.append(filters.doc_type)
    if filters.date_from:
        clauses.append("d.date_end >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("d.meeting_date <= ?")
        params.append(filters.date_to.isoformat())
    return " AND ".join(clauses), params


@dataclass(frozen=True)
class Placed:
    """One source row with its passage's text: a passage where it stands in a document."""

    passage_id: int
    item: str | None
    paragraph: str | None
    page: int | None
    text: str


@dataclass(frozen=True)
class SourceDates:
    """(passage id, first day, last day) of every source's document, days as ordinals, 0
    for an undated end: `filter_sql`'s date rule in memory, kept beside it."""

    ids: np.ndarray
    first: np.ndarray
    last: np.ndarray

    def admitted(self, filters: SearchFilters) -> np.ndarray:
        """Sorted ids of passages with a source whose dates overlap the filters' range."""
        keep = np.ones(len(self.ids), dtype=bool)
        if filters.date_from:
            keep &= self.last >= filters.date_from.toordinal()
        if filters.date_to:
            keep &= (self.first > 0) & (self.first <= filters.date_to.toordinal())
        return np.unique(self.ids[keep])


def _stored_document(row: tuple) -> StoredDocument:
    meta = DocumentMeta(
        document_id=row[0], path=row[2], council=row[4], committee=row[5],
        meeting_date=_date(row[6]), date_precision=row[8], date_approximate=bool(row[9]),
        doc_type=row[10], title=row[11], source_url=row[12], notes=row[13], pages=row[14],
    )  # fmt: skip
    return StoredDocument(
        meta=meta, corpus=row[1], content_hash=row[3], meta_hash=row[15], passages=row[16]
    )


def _unpack(rows: Sequence[tuple[int, bytes]], dim: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    vectors = np.zeros((len(rows), dim), dtype=np.float32)
    for i, (_, blob) in enumerate(rows):
        vectors[i] = np.frombuffer(blob, dtype=np.float32)
    return ids, vectors


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _batches(values: list, size: int) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
