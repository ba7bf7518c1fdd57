"""Second-round probe (issue 16), index side: damage to the live index while it is open
raises a domain error instead of killing the process or leaking sqlite3 errors, a full
disk is a clear error that changes nothing, a no-op build copies nothing, a rejected
file publishes no version, and retired versions are closed."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.errors import DiskFullError, IndexDamagedError
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir, IndexLockedError, Reaper
from indexer.store import PassageStore
from search_api.archive import Archive

from .conftest import GOOD_MINUTES, ROOT

LEXICAL_SCRIPT = """
import os, sys
from pathlib import Path
from indexer.errors import IndexDamagedError
from indexer.lexical import LexicalIndex

folder = Path(sys.argv[1])
rows = ((i, f"foster carers recruitment {i} agency staff", None) for i in range(1, 5000))
LexicalIndex.build(rows).save(folder)
index = LexicalIndex.load(folder)
assert index.search("agency staff", 5)
for name in ("rows.npy", "scores.npy"):
    os.truncate(folder / name, 200)  # the header stays, the postings go
try:
    index.search("agency staff", 5)
except IndexDamagedError as exc:
    print("refused:", exc)
"""


def test_posting_files_truncated_under_a_live_index_are_refused_not_a_bus_error(
    tmp_path: Path,
) -> None:
    """Truncating lexical/rows.npy and scores.npy killed the server with SIGBUS on the
    next lexical search. Run in a child process: on failure, only it dies."""
    done = subprocess.run(
        [sys.executable, "-c", LEXICAL_SCRIPT, str(tmp_path / "lexical")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "refused:" in done.stdout and "rows.npy is truncated" in done.stdout


def test_a_store_damaged_while_open_raises_index_damaged(
    seed_copy: Settings, embedder: Embedder
) -> None:
    """A corrupted passages.sqlite gave sqlite3.DatabaseError (a 500) on /health,
    /documents and /ask: it must be a domain error the server answers 503 for."""
    reader = Archive.open(seed_copy, embedder).reader()
    assert reader.stats().documents == 5
    store = IndexDir(seed_copy.index_dir).current() / STORE_FILE
    data = bytearray(store.read_bytes())
    data[:4096] = b"not a database " * 273 + b"x"
    store.write_bytes(bytes(data))
    for call in (reader.stats, reader.documents, lambda: reader.document("x")):
        with pytest.raises(IndexDamagedError, match="damaged.*--rebuild"):
            call()


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Writes past `limit` bytes fail (EFBIG) as on a full disk, for this process only."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_full_disk_while_copying_the_draft_is_a_clear_error(
    seed_copy: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    index = IndexDir(seed_copy.index_dir)
    live = index.current_name()
    (tmp_path / "new.txt").write_text(GOOD_MINUTES)
    with file_size_limit(64 << 10), pytest.raises(DiskFullError) as info:
        Indexer(seed_copy, embedder).add([tmp_path / "new.txt"])
    assert "disk holding the index is full" in str(info.value) and "Nothing was changed" in str(
        info.value
    )
    assert index.current_name() == live
    assert not list(index.versions.glob(".draft-*"))


def test_a_no_op_build_copies_nothing(seed_copy: Settings, embedder: Embedder) -> None:
    """A no-op re-index copied the live version first, and so failed on a full disk."""
    live = IndexDir(seed_copy.index_dir).current_name()
    with file_size_limit(64 << 10):
        report = Indexer(seed_copy, embedder).build()
    assert not report.changed and report.unchanged == 5 and report.documents == 5
    assert IndexDir(seed_copy.index_dir).current_name() == live


def test_a_rejected_file_publishes_no_version(
    seed_copy: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    """A rejected upload published a new version (listing the file as failed), pushing a
    good older version out of the three kept."""
    index = IndexDir(seed_copy.index_dir)
    live = index.current_name()
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    report = Indexer(seed_copy, embedder).add([tmp_path / "broken.pdf"])
    assert report.failed and not report.changed
    assert index.current_name() == live
    store = PassageStore(index.current() / STORE_FILE, readonly=True)
    try:
        assert not [f for f in store.failures() if "broken" in f[1]]
    finally:
        store.close()


def test_the_writer_lock_is_reentrant_in_its_thread_only(
    seed_copy: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    """An upload holds the lock while it places its file and indexes it (see the API
    test of an upload racing a re-index); any other writer is refused meanwhile."""
    index = IndexDir(seed_copy.index_dir)
    (tmp_path / "new.txt").write_text(GOOD_MINUTES)
    refused: list[BaseException] = []

    def other_writer() -> None:
        try:
            with index.lock():
                pass
        except IndexLockedError as exc:
            refused.append(exc)

    with index.lock():
        report = Indexer(seed_copy, embedder).add([tmp_path / "new.txt"])
        thread = threading.Thread(target=other_writer)
        thread.start()
        thread.join()
    assert report.added == ["new"] and len(refused) == 1
    with index.lock():  # released for good afterwards
        pass


def test_the_reaper_closes_a_retired_version_when_its_last_reader_leaves() -> None:
    closed: list[str] = []
    reaper = Reaper()
    early = reaper.enter()
    reaper.retire(lambda: closed.append("v1"))  # v1 replaced while `early` may read it
    late = reaper.enter()
    reaper.retire(lambda: closed.append("v2"))
    assert closed == [] and reaper.pending == 2
    reaper.leave(early)
    assert closed == ["v1"]  # `late` started after v1 was retired
    reaper.leave(late)
    assert closed == ["v1", "v2"] and reaper.pending == 0
    reaper.retire(lambda: closed.append("v3"))  # nobody reading: closed at once
    assert closed[-1] == "v3"
