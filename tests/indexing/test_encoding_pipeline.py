"""The local parse-and-embed pipeline and the default encoder.

The reader thread must not change what is indexed (same tables as reading in turn with
the encoder), must hand a bug to the caller and stop when the caller stops; the int8
ONNX encoder must give the torch model's vectors closely enough that an index built
with either is served by the other (the backends are compatible, not a mismatch).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.ingest import discover
from indexer.parse_embed import Job, LocalPipeline
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def _tables(settings: Settings) -> dict[str, list[tuple]]:
    index = IndexDir(settings.index_dir)
    with sqlite3.connect(index.current() / STORE_FILE) as conn:
        return {
            "documents": conn.execute("SELECT * FROM documents ORDER BY document_id").fetchall(),
            "sources": conn.execute(
                "SELECT * FROM sources ORDER BY document_id, ordinal"
            ).fetchall(),
            "passages": conn.execute(
                "SELECT passage_id, text FROM passages ORDER BY passage_id"
            ).fetchall(),
        }


def test_reading_ahead_indexes_what_reading_in_turn_does(
    tmp_path: Path, embedder: Embedder
) -> None:
    built = []
    for name, strategy in (("ahead", LocalPipeline()), ("in-turn", LocalPipeline(read_ahead=0))):
        settings = Settings(corpus=str(CORPUS), index_dir=tmp_path / name)
        report = Indexer(settings, embedder, strategy).build()
        assert not report.failed and report.passages > 50
        assert report.profile.embed_s > 0 and report.profile.parse_s > 0
        assert 0 < report.profile.encoder_busy <= 1
        built.append(_tables(settings))
    assert built[0] == built[1]


def test_reader_bug_reaches_the_caller_and_the_reader_stops(embedder: Embedder) -> None:
    sources = discover(CORPUS)
    jobs = [Job(s, "x") for s in sources]
    broken = [*jobs[:2], Job(replace(sources[2], path=None), "x")]  # type: ignore[arg-type]
    pipeline = LocalPipeline(read_ahead=1)
    parsed = pipeline.parse(broken, embedder, Settings(), progress=False)
    first = next(parsed)
    assert first.job is jobs[0]  # in job order
    with pytest.raises((TypeError, AttributeError)):
        list(parsed)
    # Stopping early (an encoder failure in the caller) ends the reader thread too.
    stopped = LocalPipeline(read_ahead=1).parse(jobs, embedder, Settings(), progress=False)
    next(stopped)
    stopped.close()


def test_token_counter_counts_as_the_model_does(embedder: Embedder) -> None:
    counter = embedder.token_counter()
    texts = ["Revenue Monitoring: the overspend was £3.2m.", "naïve café", "", "a " * 400]
    for text in [*texts, *texts]:
        assert counter(text) == embedder.count_tokens(text)
    assert counter.tokenised == len(texts)  # each distinct text tokenised once


def test_int8_encoder_gives_the_torch_vectors(embedder: Embedder) -> None:
    """The default encoder (onnx-int8) against torch on real seed passages, in a mixed
    -length batch (sorted by token count inside): the same direction within rounding."""
    onnx = Embedder(Settings().model, backend="onnx-int8")
    texts = [
        "The committee noted the overspend on agency staff in children's services.",
        "Ofsted monitoring visit",
        " ".join(["Members asked for a breakdown of foster carer retention by district."] * 6),
        "Home to school transport: the feasibility study will report in the spring.",
    ]
    a, b = embedder.encode(texts), onnx.encode(texts)
    assert b.shape == a.shape and b.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cosine = (a * b).sum(axis=1)
    assert cosine.min() > 0.97, cosine
    # Sorting by length inside a call does not mix rows up: one at a time gives each
    # row's own vector (int8 activations are scaled per batch, hence not bit-equal).
    alone = np.vstack([onnx.encode([t]) for t in texts])
    similarity = alone @ b.T
    assert similarity.diagonal().min() > 0.98, similarity
    assert (similarity.argmax(axis=1) == np.arange(len(texts))).all()
    model = onnx.model
    assert model.padded_tokens >= model.tokens > 0
