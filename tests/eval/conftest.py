"""The afternoon baseline over the seed corpus, built once per session (a model load and
an embedding of the corpus): the baseline's own tests and the engine's floors read it."""

from __future__ import annotations

import pytest

from eval.baseline import BaselineIndex, build_baseline
from eval.documents import corpus_files
from indexer.embedding import Embedder

from .helpers import CORPUS


@pytest.fixture(scope="session")
def baseline(embedder: Embedder) -> BaselineIndex:
    """On the session's model (the same bundled folder), not a second load of it."""
    return build_baseline(corpus_files([CORPUS]), embedder.model)
