"""The index folder: immutable versions, switched atomically.

    INDEX_DIR/
      CURRENT                 name of the live version (replaced atomically)
      LOCK                    held by the one writer at a time
      versions/<name>/        passages.sqlite, vectors.faiss, lexical/, index.json

A writer works on a fresh copy of the live version and publishes it by renaming the
folder into place and then replacing CURRENT. A crash at any point leaves CURRENT naming
the previous, complete version; readers never see a half-written one. `index.json`
records what built the index and a checksum of every file, so a mismatched or damaged
index is refused at load with a message instead of failing later. Opening checks each
file's size and hash; files over `FULL_CHECK_BYTES` are hashed on a sample of blocks, so a
million-passage server starts in seconds (`python -m indexer check` hashes them whole).

A full disk (or quota) while a draft is copied or written raises `DiskFullError`, the
draft is removed and the live version stays. The writer's lock is re-entrant within a
thread, so an upload can hold it while it places its file and then index it. `Reaper`
closes a retired version's files once no request that may still read it is running.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import logging
import os
import re
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from .dates import ArchiveOrder
from .errors import DiskFullError, IndexCorruptError, IndexNotFoundError, ScrutinyError

log = logging.getLogger(__name__)

FORMAT_VERSION = 5
"""3: BM25 moved from an FTS5 table in the store to the `lexical/` posting files.
4: every passage's local density stored beside the vectors (`indexer.density`).
5: every passage's line breaks stored beside its collapsed text (`indexer.store.BREAKS_COLUMN`).
An index of an older format is rebuilt by its next build (round 44's in-place upgrade of
format 4 went with chunker 27, which rebuilds every format-4 index anyway)."""
STORE_FILE = "passages.sqlite"
VECTORS_FILE = "vectors.faiss"
INFO_FILE = "index.json"
KEEP_VERSIONS = 3
_VERSION_NAME = re.compile(r"v[0-9T]+-[0-9a-f]+")


class IndexLockedError(ScrutinyError):
    """Another writer holds the index lock (taken without waiting); retry once it finishes."""

    pass


FULL_CHECK_BYTES = 256 << 20
"""Files up to this size are hashed whole at every open (a second or two at most)."""
SAMPLE_BLOCKS = 256
SAMPLE_BLOCK_BYTES = 64 << 10

Verify = Literal["none", "open", "full"]


class FileDigest(BaseModel):
    """Size and hashes of one index file, recorded at publish to detect damage at open."""

    size: int
    sha256: str
    sample_sha256: str | None = None
    """Hash of `SAMPLE_BLOCKS` blocks spread evenly over a file above `FULL_CHECK_BYTES`:
    catches truncation, a wrong file and most damage at open; `check` catches the rest."""


class IndexInfo(BaseModel):
    """What built an index: checked against the settings before the index is used."""

    format_version: int = FORMAT_VERSION
    package_version: str
    model: str
    dim: int
    embed_backend: str = "torch"
    chunking: dict[str, int | bool | str]
    bm25: dict[str, float] | None = None
    """k1 and b the lexical postings were scored with; None: built before they were
    recorded, with FTS5's 1.2 and 0.75 (`indexer.compatibility.recorded_bm25`)."""
    year_end: tuple[int, int] | None = None
    """(month, day) the archive's financial year ends on, stated (`Settings.year_end`) or
    read from its papers at publish (each paper's counts, stored when it was indexed,
    summed: `PassageStore.year_end_totals`); None: built before it was recorded, read
    when a question first needs it (`search_api.archive.Snapshot.year_end`)."""
    date_order: ArchiveOrder | None = None
    """Which figure the archive's dates in figures give first, stated (`Settings.date_order`)
    or read from its passages at publish (`indexer.ingest.metadata.texts_date_order`);
    "unsettled" where nothing says; None: built before it was recorded (round 48), read when
    a question first needs it (`search_api.archive.Snapshot.date_order`)."""
    vector_kind: str
    corpora: list[str]
    passages: int
    documents: int
    failed: int = 0
    created_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat())
    files: dict[str, FileDigest] = Field(default_factory=dict)


def file_digest(path: Path) -> FileDigest:
    """The full sha256 of `path`, plus a sampled one for large files (cheap check at open)."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    size = path.stat().st_size
    sample = sample_digest(path, size) if size > FULL_CHECK_BYTES else None
    return FileDigest(size=size, sha256=sha.hexdigest(), sample_sha256=sample)


def sample_digest(path: Path, size: int) -> str:
    """sha256 of `SAMPLE_BLOCKS` blocks spread over the file: a fast check of a large file."""
    sha = hashlib.sha256()
    step = max(size - SAMPLE_BLOCK_BYTES, 0) / (SAMPLE_BLOCKS - 1)
    with path.open("rb") as handle:
        for i in range(SAMPLE_BLOCKS):
            handle.seek(int(i * step))
            sha.update(handle.read(SAMPLE_BLOCK_BYTES))
    return sha.hexdigest()


def _damaged(path: Path, expected: FileDigest, verify: Verify) -> bool:
    if not path.is_file() or path.stat().st_size != expected.size:
        return True
    if verify == "open" and expected.sample_sha256 is not None:
        return sample_digest(path, expected.size) != expected.sample_sha256
    return file_digest(path).sha256 != expected.sha256


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
"""No space, quota exceeded, or over the process's file size limit: all "the disk is full"
to an operator, and all leave the live version as it was."""


def disk_full(exc: BaseException, where: Path) -> DiskFullError | None:
    """The `DiskFullError` for a write that ran out of space, or None for anything else."""
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return DiskFullError(where, exc.strerror or str(exc))
    if isinstance(exc, RuntimeError) and any(  # FAISS reports a failed write this way
        text in str(exc) for text in ("No space left", "Disk quota", "File too large")
    ):
        return DiskFullError(where, "no space left on device")
    return None


_held: dict[Path, tuple[int, int]] = {}
"""Index folders this process holds the writer's lock on: folder -> (thread, depth)."""
_held_guard = threading.Lock()


class IndexDir:
    """An index folder: immutable versions under versions/, and CURRENT naming the live one.

    Readers follow CURRENT; the one writer publishes a new version and swaps it atomically."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.versions = self.root / "versions"

    # -- reading -------------------------------------------------------------------------

    def current_name(self) -> str | None:
        """The name in CURRENT, or None when nothing has been published yet (not validated)."""
        try:
            name = (self.root / "CURRENT").read_text().strip()
        except FileNotFoundError:
            return None
        return name or None

    def current(self) -> Path:
        """The live version's folder; raises if none is published or CURRENT is damaged."""
        name = self.current_name()
        if name is None:
            raise IndexNotFoundError(self.root)
        if not _VERSION_NAME.fullmatch(name):
            # Only `publish` writes CURRENT; anything else there is damage, and following
            # it ("..", an absolute path) could open a folder outside the index.
            raise IndexCorruptError(
                f"Index {self.root}: CURRENT holds {name[:40]!r}, which is not a version name. "
                f"Rebuild: python -m indexer build corpus/ --index {self.root} --rebuild"
            )
        path = self.versions / name
        if not path.is_dir():
            raise IndexCorruptError(
                f"Index {self.root} names version {name!r}, which is missing. Rebuild: "
                f"python -m indexer build corpus/ --index {self.root} --rebuild"
            )
        return path

    def read_info(self, version: Path, verify: Verify = "open") -> IndexInfo:
        """The version's description, its files checked against their recorded digests.

        `verify`: "none", "open" (sizes; large files by sampled hash) or "full" (every byte)."""
        try:
            info = IndexInfo.model_validate_json((version / INFO_FILE).read_text())
        except (OSError, ValidationError, ValueError) as exc:
            raise IndexCorruptError(
                f"Index description {version / INFO_FILE} is missing or unreadable. "
                f"Rebuild: python -m indexer build corpus/ --index {self.root} --rebuild"
            ) from exc
        if verify == "none":
            return info
        for name, expected in info.files.items():
            path = version / name
            if _damaged(path, expected, verify):
                raise IndexCorruptError(
                    f"Index file {path} is {'damaged' if path.is_file() else 'missing'} "
                    f"(expected {expected.size} bytes, sha256 {expected.sha256[:12]}…). "
                    f"Rebuild: python -m indexer build corpus/ --index {self.root} --rebuild"
                )
        return info

    # -- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """The one writer's lock (an flock, so other processes see it too).

        Re-entrant in the thread that holds it: an upload takes it before it places its
        file in the uploads folder and keeps it while `Indexer.add` indexes the file, so
        a re-index cannot pick up a file whose upload then fails.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        key, me = self.root.resolve(), threading.get_ident()
        with _held_guard:
            holder = _held.get(key)
            if holder is not None and holder[0] == me:
                _held[key] = (me, holder[1] + 1)
        if holder is not None and holder[0] == me:
            try:
                yield
            finally:
                with _held_guard:
                    _held[key] = (me, _held[key][1] - 1)
            return
        with (self.root / "LOCK").open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise IndexLockedError(
                    f"Another indexer is writing {self.root}; wait for it to finish."
                ) from exc
            with _held_guard:
                _held[key] = (me, 1)
            try:
                yield
            finally:
                with _held_guard:
                    del _held[key]
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def draft(self, fresh: bool = False) -> Iterator[Path]:
        """A writable copy of the live version (empty if `fresh` or none exists).

        The caller fills it and calls `publish`; leaving the block without publishing,
        normally or by an exception, throws the draft away.
        """
        self.versions.mkdir(parents=True, exist_ok=True)
        self._remove_stale_drafts()
        path = self.versions / f".draft-{uuid.uuid4().hex}"
        path.mkdir()
        try:
            if not fresh and self.current_name() is not None:
                live = self.current()
                for name in (STORE_FILE, VECTORS_FILE):
                    if (live / name).exists():
                        shutil.copy2(live / name, path / name)
            yield path
        except (OSError, RuntimeError) as exc:
            full = disk_full(exc, self.root)
            if full is None:
                raise
            log.error("index draft %s: %s", path, exc)
            raise full from exc
        finally:
            if path.exists():
                shutil.rmtree(path, ignore_errors=True)

    def publish(self, draft: Path, info: IndexInfo) -> Path:
        """Make `draft` the live version: fsync, record digests, rename, then swap CURRENT.

        Every step is durable before CURRENT changes, so a crash leaves the old version live."""
        for path in sorted(p for p in draft.rglob("*") if p.is_file()):
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
            info.files[path.relative_to(draft).as_posix()] = file_digest(path)
        for folder in sorted(p for p in draft.rglob("*") if p.is_dir()):
            _fsync_dir(folder)
        (draft / INFO_FILE).write_text(info.model_dump_json(indent=2))
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        final = self.versions / f"v{stamp}-{uuid.uuid4().hex[:8]}"
        os.replace(draft, final)
        _fsync_dir(self.versions)
        pointer = self.root / f".CURRENT.{uuid.uuid4().hex}"
        pointer.write_text(final.name + "\n")
        with pointer.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer, self.root / "CURRENT")
        _fsync_dir(self.root)
        self._remove_old_versions()
        return final

    def _remove_stale_drafts(self) -> None:
        for stale in self.versions.glob(".draft-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for pointer in self.root.glob(".CURRENT.*"):
            pointer.unlink(missing_ok=True)

    def _remove_old_versions(self) -> None:
        """Keep a few versions: a server may still be answering from the previous one."""
        live = self.current_name()
        versions = sorted(p for p in self.versions.iterdir() if p.name.startswith("v"))
        for old in versions[:-KEEP_VERSIONS]:
            if old.name != live:
                shutil.rmtree(old, ignore_errors=True)


class Reaper:
    """Closes retired index versions once no request that may still read them is running.

    A server swaps its open version between requests, and a request may touch the
    version that was current when it started or any later one. Each request enters at
    the current generation; a version retired at generation g is closed as soon as every
    running request entered after g. Without this, retired versions' SQLite connections
    and mapped files stayed open until Python's occasional full garbage collection
    (66 handles on deleted `passages.sqlite` files after 72 uploads).
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._generation = 0
        self._running: Counter[int] = Counter()
        self._retired: list[tuple[int, Callable[[], None]]] = []

    def enter(self) -> int:
        """A request starts: returns its ticket for `leave`."""
        with self._guard:
            self._running[self._generation] += 1
            return self._generation

    def leave(self, ticket: int) -> None:
        """The request holding `ticket` has finished: close retired versions no one can read now."""
        with self._guard:
            self._running[ticket] -= 1
            if not self._running[ticket]:
                del self._running[ticket]
            due = self._due()
        _close_all(due)

    def retire(self, close: Callable[[], None]) -> None:
        """The version `close` belongs to is no longer current: close it when safe."""
        with self._guard:
            self._retired.append((self._generation, close))
            self._generation += 1
            due = self._due()
        _close_all(due)

    @property
    def pending(self) -> int:
        """Retired versions still open (a request that may read them is running)."""
        with self._guard:
            return len(self._retired)

    def _due(self) -> list[Callable[[], None]]:
        oldest = min(self._running, default=self._generation)
        due = [close for generation, close in self._retired if generation < oldest]
        self._retired = [(g, c) for g, c in self._retired if g >= oldest]
        return due


def _close_all(closers: list[Callable[[], None]]) -> None:
    for close in closers:
        try:
            close()
        except Exception:  # closing is best effort; the next version is already serving
            log.exception("closing a retired index version failed")
