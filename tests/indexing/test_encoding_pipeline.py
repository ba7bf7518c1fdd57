"""The local parse-and-embed pipeline and the default encoder.

The reader thread must not change what is indexed (same tables as reading in turn with
the encoder), must hand a bug to the caller and stop when the caller stops; the int8
ONNX encoder must give the torch model's vectors closely enough that an index built
with either is served by the other (the backends are compatible, not a mismatch).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from indexer.builder import BuildReport
from indexer.embedding import Embedder
from indexer.ingest import discover
from indexer.parse_embed import Job, LocalPipeline
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir
from indexer.wordpieces import WordPieces

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
    seed_build: tuple[Settings, BuildReport], seed_rebuilt: tuple[Settings, BuildReport]
) -> None:
    """The session's seed index (parsed ahead, the default) and its second build (parsed in
    turn) hold the same tables."""
    assert LocalPipeline().read_ahead > 0  # the default, which `seed_build` takes
    for _, report in (seed_build, seed_rebuilt):
        assert not report.failed and report.passages > 50
        assert report.profile.embed_s > 0 and report.profile.parse_s > 0
        assert 0 < report.profile.encoder_busy <= 1
    assert _tables(seed_build[0]) == _tables(seed_rebuilt[0])


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


def test_word_pieces_are_the_model_tokenizers(embedder: Embedder, seed_settings: Settings) -> None:
    """`tokenizers` on the folder's tokenizer.json gives exactly what the torch model's own
    (transformers) tokenizer gives, on every seed passage: counts without special tokens,
    and the ids the ONNX encoder feeds, cut at the model's window. A remembering counter
    tokenises each distinct text once."""
    own = embedder.model.tokenizer  # transformers', loaded by sentence-transformers
    window = int(embedder.model.max_seq_length)
    passages = [text for _, text in _tables(seed_settings)["passages"]]
    texts = [*passages, "Revenue Monitoring: the overspend was £3.2m.", "naïve café", "",
             "a " * 400, "\u00adsoft\u00adhyphen 中文"]  # fmt: skip
    cut = WordPieces(embedder.path, window)
    assert cut.ids(texts) == own(texts, truncation=True, max_length=window)["input_ids"]
    assert cut.pad_id == own.pad_token_id
    counter = Embedder(Settings().model, backend="onnx-int8").token_counter()
    for text in [*texts, *texts]:
        assert counter(text) == len(own(text, add_special_tokens=False, verbose=False)["input_ids"])
    assert counter.tokenised == len(set(texts))
    assert max(counter(t) for t in texts) > window  # long texts counted, not cut


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


class _WatchedSession:
    """The real ONNX session, noting which threads ran it; `fail_on` makes that call
    raise, as a worker's failure (an out-of-memory, a bad batch) would."""

    def __init__(self, session: Any, fail_on: int | None = None) -> None:
        self.session = session
        self.fail_on = fail_on
        self.threads: set[str] = set()
        self.calls = 0
        self._lock = threading.Lock()

    def run(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self.calls += 1
            call = self.calls
            self.threads.add(threading.current_thread().name)
        if call == self.fail_on:
            raise RuntimeError("injected encoder failure")
        return self.session.run(*args, **kwargs)


@pytest.fixture(scope="module")
def seed_inputs() -> list[str]:
    """The model inputs of the seed documents' first passages, as a build makes them."""
    from bench.encoder import real_inputs

    return real_inputs([CORPUS], 40)


def test_parallel_encoder_gives_the_one_thread_vectors(seed_inputs: list[str]) -> None:
    """Two workers give each text the vector one thread gives it, and really run side
    by side; a single text (a query) stays on the calling thread."""
    onnx = Embedder(Settings().model, batch_size=2, backend="onnx-int8", threads=2)
    model = onnx.model
    real = model.session
    model.set_threads(1)
    alone = onnx.encode(seed_inputs)
    model.set_threads(2)
    watched = model.session = _WatchedSession(real)
    together = onnx.encode(seed_inputs)
    np.testing.assert_allclose(together, alone, atol=1e-5)
    assert watched.calls == len(seed_inputs) // 2
    assert len(watched.threads) == 2 and threading.current_thread().name not in watched.threads
    watched.threads.clear()
    query = onnx.encode_query("agency staff overspend in children's services")
    assert watched.threads == {threading.current_thread().name}
    np.testing.assert_allclose(np.linalg.norm(query), 1.0, atol=1e-5)


def test_a_failing_worker_raises_instead_of_hanging(seed_inputs: list[str]) -> None:
    onnx = Embedder(Settings().model, batch_size=1, backend="onnx-int8", threads=2)
    model = onnx.model
    real = model.session
    model.session = _WatchedSession(real, fail_on=5)
    outcome: list[BaseException | np.ndarray] = []

    def encode() -> None:
        try:
            outcome.append(onnx.encode(seed_inputs))
        except BaseException as exc:
            outcome.append(exc)

    caller = threading.Thread(target=encode, daemon=True)
    caller.start()
    caller.join(timeout=120)
    assert not caller.is_alive(), "the encoder hung after a worker failed"
    assert isinstance(outcome[0], RuntimeError) and "injected" in str(outcome[0])
    # The pool survives: the next call encodes everything.
    model.session = real
    assert onnx.encode(seed_inputs).shape == (len(seed_inputs), onnx.dim)


def test_the_onnx_encoder_starts_without_torch() -> None:
    """A served process (API, CLI, replica, build) on the default backend imports neither
    sentence-transformers nor transformers nor torch: their imports (some 4 s and 3 s of
    CPU) were most of such a process's start."""
    code = (
        "import sys; from indexer.embedding import Embedder; from indexer.settings import "
        "Settings; e = Embedder(Settings().model, backend='onnx-int8'); "
        "assert e.encode(['agency staff']).shape == (1, e.dim); "
        "assert e.token_counter()('agency staffing') == 3; "
        "bad = [m for m in ('sentence_transformers', 'transformers', 'torch') "
        "if m in sys.modules]; "
        "print(bad, file=sys.stderr); sys.exit(bool(bad))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=300, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_torch_query_runs_on_one_thread_and_restores_the_count(embedder: Embedder) -> None:
    """A query on torch runs on one thread (no spinning partner on a busy machine) and
    leaves passages their cores; its vector is the passage vector of the same text.
    The product's `Embedder` on the session's loaded model: the session's own embedder
    runs short calls on one thread (tests/conftest.py)."""
    import torch

    text = "agency staff overspend in children's services"
    seen: list[int] = []
    model = embedder.model
    embedder = Embedder(embedder.name, embedder.batch_size)
    embedder.__dict__["model"] = model
    real = model.encode

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(torch.get_num_threads())
        return real(*args, **kwargs)

    before = torch.get_num_threads()
    model.encode = watched
    try:
        query = embedder.encode_query(text)
        passage = embedder.encode([text])[0]
    finally:
        del model.encode
    assert seen == [1, before] and torch.get_num_threads() == before
    np.testing.assert_allclose(query, passage, atol=1e-5)
