"""Incremental updates, atomic publishing, crash safety and refusal of mismatched indexes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from indexer import builder
from indexer.builder import BuildReport, Indexer
from indexer.embedding import Embedder
from indexer.errors import CorpusError, IndexCorruptError, IndexMismatchError
from indexer.settings import Settings
from indexer.snapshot import VECTORS_FILE, IndexDir
from search_api.archive import Archive
from tests.searching import search

ROOT = Path(__file__).resolve().parents[2]

NEW_MINUTES = """Agenda and minutes

Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023 10.00 am

Foster Carer Recruitment pdf icon PDF 88 KB

12.1     The committee heard that the fostering service had recruited 41 new foster
carers in the year, the highest number since 2015, and that the marmalade allowance
pilot would continue.

12.2     Members asked for a breakdown of foster carer retention by district.
"""


def _write_numbered_minutes(path: Path, item: int, paragraphs: int) -> None:
    """Minutes of one item with that many distinct numbered paragraphs (so many passages)."""
    body = "\n\n".join(
        f"{item}.{i + 1}     Members questioned spending line {item * 1000 + i} in ward "
        f"{i % 11} and the officer undertook to circulate figure {i * 37}."
        for i in range(paragraphs)
    )
    path.write_text(f"Minutes of item {item}\n\nSpending Review\n\n{body}")


def _answers(engine: Archive) -> list[list[int]]:
    queries = ["agency staff", "overspend", "Ofsted monitoring visit", "foster carers"]
    return [[h.passage_id for h in search(engine, q, k=5)] for q in queries]


def test_add_change_and_remove_are_incremental(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    indexer = Indexer(settings, embedder)
    first = indexer.build()
    assert first.version is None and first.unchanged == 5 and first.new_passages == 0
    assert not (first.failed or first.changed)

    (folder / "005_new_minutes.txt").write_text(NEW_MINUTES)
    added = indexer.build()
    assert added.added == ["005_new_minutes"] and added.unchanged == 5
    assert 0 < added.new_passages <= 3
    engine = Archive.open(settings, embedder)
    hits = search(engine, "marmalade allowance pilot", k=3)
    assert hits[0].citation.document_id == "005_new_minutes"
    assert hits[0].citation.paragraph == "12.1"

    (folder / "005_new_minutes.txt").write_text(NEW_MINUTES.replace("marmalade", "tangerine"))
    changed = indexer.build()
    assert changed.updated == ["005_new_minutes"]
    assert engine.refresh()
    assert "tangerine" in search(engine, "tangerine allowance pilot", k=1)[0].text

    removed = indexer.remove(["005_new_minutes"])
    assert removed.removed == ["005_new_minutes"]
    assert engine.refresh()
    stats = engine.reader().stats()
    passages, documents = stats.passages, stats.documents
    assert documents == 5 and passages == first.passages
    assert len(engine.snapshot.retriever.vectors) == passages
    assert all("tangerine" not in h.text for h in search(engine, "tangerine allowance", k=10))


def test_add_single_file_from_outside_the_corpus(
    tmp_path: Path, seed_copy: Settings, embedder: Embedder
) -> None:
    settings = seed_copy  # the seed index, as a build of the repository's corpus leaves it
    indexer = Indexer(settings, embedder)
    extra = tmp_path / "incoming"
    extra.mkdir()
    (extra / "minutes-2023-03-15.txt").write_text(NEW_MINUTES)
    report = indexer.add([extra / "minutes-2023-03-15.txt"])
    assert report.added == ["minutes-2023-03-15"]
    engine = Archive.open(settings, embedder)
    assert engine.reader().stats().documents == 6
    with pytest.raises(CorpusError, match="no such file"):
        indexer.add([extra / "missing.txt"])


def test_unreadable_file_is_reported_and_the_rest_indexes(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (folder / "005_new_minutes.txt").write_text(NEW_MINUTES)
    report = Indexer(settings, embedder).build()
    failed = {Path(p).name: reason for p, reason in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert report.added == ["005_new_minutes"] and report.unchanged == 5
    engine = Archive.open(settings, embedder)
    assert {Path(p).name for _, p, _ in engine.reader().failures()} == set(failed)


def test_unread_formats_are_reported_by_the_build_and_the_rest_reused(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    (folder / "minutes-2019.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    (folder / "notes.odt").write_bytes(b"not a zip at all")
    report = Indexer(settings, embedder).build()
    failed = {Path(p).name: reason for p, reason in report.failed}
    assert set(failed) == {"minutes-2019.doc", "notes.odt"} and report.unchanged == 5
    assert failed["minutes-2019.doc"].startswith("corrupt Word .doc: not a readable compound file")
    engine = Archive.open(settings, embedder)
    assert {Path(p).name for _, p, _ in engine.reader().failures()} == set(failed)

    again = Indexer(settings, embedder).build()  # an unchanged corpus is reused, still reported
    assert again.version is None and again.unchanged == 5 and not again.changed
    assert {Path(p).name for p, _ in again.failed} == set(failed)


class ExplodingEmbedder(Embedder):
    """Fails on its second batch, as a crash halfway through a build would."""

    calls = 0

    def encode(self, texts, show_progress=False):  # type: ignore[no-untyped-def]
        ExplodingEmbedder.calls += 1
        if ExplodingEmbedder.calls > 1:
            raise RuntimeError("injected failure mid-build")
        return super().encode(texts, show_progress)


def test_failure_mid_write_leaves_previous_index_live(
    seed_beside: tuple[Settings, Path], embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two embedding groups (`EMBED_GROUP`, lowered so two small files make two, where the
    product's 256 took 600 passages), the second failing: the first's documents were
    written to the draft, which is dropped."""
    settings, folder = seed_beside
    engine = Archive.open(settings, embedder)
    before = _answers(engine)
    live = IndexDir(settings.index_dir).current_name()

    monkeypatch.setattr(builder, "EMBED_GROUP", 16)
    for doc in range(2):
        _write_numbered_minutes(folder / f"10{doc}_extra.txt", item=60 + doc, paragraphs=20)
    ExplodingEmbedder.calls = 0
    exploding = ExplodingEmbedder(settings.model)
    exploding.__dict__["model"] = embedder.model
    with pytest.raises(RuntimeError, match="injected"):
        Indexer(settings, exploding).build()

    assert IndexDir(settings.index_dir).current_name() == live
    assert not list((settings.index_dir / "versions").glob(".draft-*"))
    reopened = Archive.open(settings, embedder)
    assert _answers(reopened) == before
    assert len(Indexer(settings, embedder).build().added) == 2  # the next run completes


def test_sigkill_during_build_leaves_previous_index_loadable(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    before = _answers(Archive.open(settings, embedder))
    live = IndexDir(settings.index_dir).current_name()
    for doc in range(4):
        _write_numbered_minutes(folder / f"2{doc:02d}_bulk.txt", item=70 + doc, paragraphs=150)

    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "indexer", "build", *settings.corpus.split(":"),
         "--index", str(settings.index_dir)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    versions = settings.index_dir / "versions"
    while time.monotonic() < deadline and not list(versions.glob(".draft-*")):
        assert proc.poll() is None, "indexer finished before it could be killed"
        time.sleep(0.05)
    time.sleep(0.5)  # mid-way: 600 new passages take several seconds to embed
    assert proc.poll() is None, "indexer finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    assert IndexDir(settings.index_dir).current_name() == live
    assert _answers(Archive.open(settings, embedder)) == before
    report = Indexer(settings, embedder).build()
    assert len(report.added) == 4
    assert not list(versions.glob(".draft-*"))


def test_damaged_vector_file_is_refused_at_load(seed_copy: Settings, embedder: Embedder) -> None:
    settings = seed_copy
    vectors = IndexDir(settings.index_dir).current() / VECTORS_FILE
    data = vectors.read_bytes()
    vectors.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError, match="damaged.*Rebuild"):
        Archive.open(settings, embedder)


def test_index_built_with_another_model_is_refused(
    tmp_path: Path, seed_settings: Settings, embedder: Embedder
) -> None:
    other_model = tmp_path / "another-model"
    other_model.symlink_to(embedder.path, target_is_directory=True)
    settings = seed_settings.model_copy(update={"model": str(other_model)})
    with pytest.raises(IndexMismatchError, match="built with model .*Rebuild"):
        Archive.open(settings)


def test_passage_ids_are_stable_across_builds(
    seed_rebuilt: tuple[Settings, BuildReport], seed_engine: Archive, embedder: Embedder
) -> None:
    """The session's seed index and a second build of the seeds from nothing."""
    other = Archive.open(seed_rebuilt[0], embedder)
    ids_a, vec_a = seed_engine.snapshot.store.all_vectors(embedder.dim)
    ids_b, vec_b = other.snapshot.store.all_vectors(embedder.dim)
    assert np.array_equal(ids_a, ids_b)
    assert np.allclose(vec_a, vec_b, atol=1e-5)
