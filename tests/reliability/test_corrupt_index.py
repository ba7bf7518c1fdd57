"""A damaged index on disk is refused at load with a message that says how to fix it,
and a server that has a good version open keeps answering from it.

(tests/indexing covers a half-truncated vector file and a model mismatch.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from indexer import cli as indexer_cli
from indexer import snapshot
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.errors import (
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    ScrutinyError,
)
from indexer.lexical import LEXICAL_DIR
from indexer.settings import Settings
from indexer.snapshot import INFO_FILE, STORE_FILE, VECTORS_FILE, IndexDir
from search_api.archive import Archive

from .conftest import GOOD_MINUTES, answers


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _zero_page(path: Path) -> None:
    """Overwrite one 4 KiB page of the file with zeros, keeping its size."""
    data = bytearray(path.read_bytes())
    start = min(4096, len(data) // 2)
    data[start : start + 4096] = bytes(len(data[start : start + 4096]))
    path.write_bytes(bytes(data))


Damage = Callable[[Path], None]

CASES: list[tuple[str, str, Damage, str]] = [
    ("sqlite truncated", STORE_FILE, _truncate, "damaged"),
    ("sqlite page zeroed", STORE_FILE, _zero_page, "damaged"),
    ("sqlite deleted", STORE_FILE, Path.unlink, "missing"),
    ("faiss byte flipped", VECTORS_FILE, _flip_middle, "damaged"),
    ("faiss deleted", VECTORS_FILE, Path.unlink, "missing"),
    ("bm25 scores byte flipped", f"{LEXICAL_DIR}/scores.npy", _flip_middle, "damaged"),
    ("bm25 terms deleted", f"{LEXICAL_DIR}/terms.json", Path.unlink, "missing"),
    ("index.json truncated", INFO_FILE, _truncate, "unreadable"),
    ("index.json deleted", INFO_FILE, Path.unlink, "missing"),
]


@pytest.mark.parametrize(("name", "victim", "damage", "word"), CASES, ids=[c[0] for c in CASES])
def test_damaged_index_file_is_refused_at_load(
    seed_copy: Settings, embedder: Embedder, name: str, victim: str, damage: Damage, word: str
) -> None:
    root = seed_copy.index_dir
    damage(IndexDir(root).current() / victim)
    with pytest.raises(IndexCorruptError) as info:
        Archive.open(seed_copy, embedder)
    message = str(info.value)
    assert word in message and "--rebuild" in message and str(root) in message


def test_large_files_are_sampled_at_open_and_hashed_whole_by_check(
    seed_copy: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Above the size limit, opening hashes a sample of blocks (a 1M-passage store is
    5 GB): damage inside a sampled block is refused at open; damage elsewhere is found by
    `python -m indexer check`, which hashes every byte and runs SQLite's page check."""
    monkeypatch.setattr(snapshot, "FULL_CHECK_BYTES", 0)
    monkeypatch.setattr(snapshot, "SAMPLE_BLOCKS", 4)
    monkeypatch.setattr(snapshot, "SAMPLE_BLOCK_BYTES", 512)
    # Republish so that index.json records the sampled digests.
    (tmp_path / "extra.txt").write_text(GOOD_MINUTES)
    Indexer(seed_copy, embedder).add([tmp_path / "extra.txt"])
    vectors = IndexDir(seed_copy.index_dir).current() / VECTORS_FILE
    data = bytearray(vectors.read_bytes())
    data[len(data) // 2 - 4000] ^= 0xFF  # between the second and third sampled block
    vectors.write_bytes(bytes(data))
    assert Archive.open(seed_copy, embedder).reader().stats().documents == 6
    assert indexer_cli.main(["check", "--index", str(seed_copy.index_dir)]) == 2
    data[0] ^= 0xFF  # inside the first sampled block
    vectors.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="damaged"):
        Archive.open(seed_copy, embedder)


@pytest.mark.parametrize(
    ("pointer", "error", "word"),
    [
        ("v20990101T000000000000-deadbeef\n", IndexCorruptError, "missing"),
        ("../../../../../../etc\n", IndexCorruptError, "not a version"),
        ("..\n", IndexCorruptError, "not a version"),
        ("\x00\x01garbage\n", IndexCorruptError, "not a version"),
        ("", IndexNotFoundError, "Build one first"),
    ],
    ids=["names a missing version", "escapes the folder", "parent", "binary", "empty"],
)
def test_current_pointing_nowhere_is_refused(
    seed_copy: Settings, embedder: Embedder, pointer: str, error: type[ScrutinyError], word: str
) -> None:
    (seed_copy.index_dir / "CURRENT").write_text(pointer)
    with pytest.raises(error, match=word):
        Archive.open(seed_copy, embedder)


@pytest.mark.parametrize("operation", ["build", "add"])
def test_writing_over_a_damaged_index_is_refused(
    seed_copy: Settings, embedder: Embedder, tmp_path: Path, operation: str
) -> None:
    """An incremental run starts from a copy of the live version, so a damaged one must
    stop it with the fix (--rebuild), not crash inside SQLite or spread the damage."""
    _truncate(IndexDir(seed_copy.index_dir).current() / STORE_FILE)
    live = IndexDir(seed_copy.index_dir).current_name()
    (tmp_path / "new.txt").write_text(GOOD_MINUTES)
    indexer = Indexer(seed_copy, embedder)
    with pytest.raises(IndexCorruptError, match="damaged.*--rebuild"):
        if operation == "build":
            indexer.build()
        else:
            indexer.add([tmp_path / "new.txt"])
    assert IndexDir(seed_copy.index_dir).current_name() == live


def test_adding_to_an_index_built_with_other_settings_is_refused(
    seed_copy: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    """`add` cannot rebuild the index from scratch (it only has the new files): it must
    refuse, not publish an index that holds nothing but them."""
    other = Settings(corpus=seed_copy.corpus, index_dir=seed_copy.index_dir, max_passage_tokens=200)
    live = IndexDir(seed_copy.index_dir).current_name()
    (tmp_path / "new.txt").write_text(GOOD_MINUTES)
    with pytest.raises(IndexMismatchError, match="chunked with.*--rebuild"):
        Indexer(other, embedder).add([tmp_path / "new.txt"])
    assert IndexDir(seed_copy.index_dir).current_name() == live
    assert Archive.open(seed_copy, embedder).reader().stats().documents == 5


def test_server_keeps_the_good_version_when_a_damaged_one_is_published(
    seed_copy: Settings,
    embedder: Embedder,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A refresh onto a damaged version logs it and goes on answering from the open one,
    instead of failing every request until someone repairs the disk."""
    engine = Archive.open(seed_copy, embedder)
    before = answers(engine)
    good_version = engine.snapshot.version
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text(GOOD_MINUTES)
    Indexer(seed_copy, embedder).add([extra / "new.txt"])
    vectors = IndexDir(seed_copy.index_dir).current() / VECTORS_FILE
    intact = vectors.read_bytes()
    _truncate(vectors)

    with caplog.at_level(logging.ERROR, logger="search_api.archive"):
        assert engine.refresh() is False
        assert engine.refresh() is False  # refused once, not re-checked on every request
    assert engine.snapshot.version == good_version
    assert answers(engine) == before
    assert sum("damaged" in r.getMessage() for r in caplog.records) == 1

    # Repaired, then a new version published: the engine moves on to it.
    vectors.write_bytes(intact)
    (extra / "newer.txt").write_text(GOOD_MINUTES.replace("marmalade", "quince"))
    Indexer(seed_copy, embedder).add([extra / "newer.txt"])
    assert engine.refresh() is True
    assert engine.snapshot.version != good_version and engine.reader().stats().documents == 7
