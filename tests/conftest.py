"""Shared fixtures: one real index of the seed corpus per test session.

Built with the real model, real FAISS and real SQLite; tests that change an index copy
the corpus into their own folder instead of touching this one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Starlette's TestClient sends `Host: testserver`; the default allowed hosts are the
# loopback names (tests of the Host check set their own list).
os.environ.setdefault("SCRUTINY_ALLOWED_HOSTS", '["localhost", "127.0.0.1", "::1", "testserver"]')

from indexer.builder import BuildReport, Indexer  # noqa: E402
from indexer.embedding import Embedder, one_torch_thread  # noqa: E402
from indexer.parse_embed import LocalPipeline  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from search_api.archive import Archive  # noqa: E402
from tests.indexes import beside_seeds, copy_index  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"


ONE_THREAD_BELOW = 32
"""Texts in one call under which the session's torch encoder uses one thread (a batch)."""


class SessionEmbedder(Embedder):
    """The product's embedder; a call with fewer texts than one batch runs on one torch
    thread, as the server runs every call (`serve_one_thread`), and builds keep both.

    An answer encodes its question's saliency variants (2-12 short texts) through
    `encode`, which on torch keeps every core: on a busy 2-core machine the second,
    spinning thread made such a call take 0.25-0.39 s instead of 0.06 s, and the gold
    questions' answers alone took ~100 s. The vectors are bit-identical on one thread or
    two (checked on the seed build and on questions), so no test sees a difference."""

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        if self.backend != "torch" or len(texts) >= ONE_THREAD_BELOW:
            return super().encode(texts, show_progress)
        with one_torch_thread():
            return super().encode(texts, show_progress)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled model, loaded once for the whole session."""
    settings = Settings()
    return SessionEmbedder(settings.model, settings.batch_size)


@pytest.fixture(scope="session")
def seed_build(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> tuple[Settings, BuildReport]:
    """The session's seed index, built with the default pipeline (parsing ahead of the
    encoder), and its build's report."""
    index_dir = tmp_path_factory.mktemp("seed-index")
    settings = Settings(corpus=str(CORPUS), index_dir=index_dir)
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    return settings, report


@pytest.fixture(scope="session")
def seed_settings(seed_build: tuple[Settings, BuildReport]) -> Settings:
    return seed_build[0]


@pytest.fixture(scope="session")
def seed_rebuilt(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> tuple[Settings, BuildReport]:
    """A second build of the seed corpus from nothing, parsing in turn on the caller's
    thread (`LocalPipeline(read_ahead=0)`), and its report: what tests that compare two
    builds of one corpus read beside `seed_build` (same tables whichever pipeline, same
    passage ids and vectors), one build for all of them."""
    settings = Settings(corpus=str(CORPUS), index_dir=tmp_path_factory.mktemp("seed-rebuilt"))
    report = Indexer(settings, embedder, LocalPipeline(read_ahead=0)).build()
    assert not report.failed, report.failed
    return settings, report


@pytest.fixture(scope="session")
def seed_engine(seed_settings: Settings, embedder: Embedder) -> Archive:
    return Archive.open(seed_settings, embedder)


@pytest.fixture
def seed_copy(seed_settings: Settings, tmp_path: Path) -> Settings:
    """Settings for a private copy of the session's seed index (corpus: the repo's), for
    tests that change an index but need no build of their own (`tests.indexes`)."""
    return copy_index(seed_settings, tmp_path / "index")


@pytest.fixture
def seed_beside(seed_settings: Settings, tmp_path: Path) -> tuple[Settings, Path]:
    """Settings for a private copy of the session's seed index whose corpus is the
    repository's plus an empty writable folder (returned with them), for tests that add
    files beside the seeds: a build finds the five seeds unchanged and reads and embeds
    only what the test adds, instead of building the seed index again."""
    extra = tmp_path / "extra"
    extra.mkdir()
    return beside_seeds(seed_settings, tmp_path / "index", extra), extra


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus, for tests that add, change or remove files."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
