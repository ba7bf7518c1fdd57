"""The embedding model on ONNX Runtime, optionally int8-quantised: about 2x faster on a CPU.

sentence-transformers' own `backend="onnx"` needs `optimum-onnx`, whose releases pin
transformers < 4.58 while this project runs transformers 5; so the model is exported
here instead, locally from the installed model folder (no hub), with `torch.onnx`,
fused with ONNX Runtime's transformer optimiser and, for `onnx-int8`, dynamically
quantised (int8 weights per channel, MatMul and Attention only: quantising the
embeddings and layer norms costs quality for little speed). The exported files are
cached by model folder and backend, so the export (a few seconds) happens once.

`OnnxSentenceModel` offers the slice of the `SentenceTransformer` interface `Embedder`
uses: `max_seq_length`, `get_embedding_dimension()` and `encode()`; its word pieces come
from `indexer.wordpieces` (no transformers import, hence no torch). It
reproduces the bundled model's modules (Transformer → mean Pooling → Normalize) and
refuses a model folder whose pipeline is different.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from .wordpieces import WordPieces

ONNX_BACKENDS = ("onnx", "onnx-int8")


def default_cache_dir() -> Path:
    """Where exported ONNX models are cached: SCRUTINY_MODEL_CACHE, else ~/.cache."""
    return Path(os.environ.get("SCRUTINY_MODEL_CACHE", Path.home() / ".cache" / "scrutiny-search"))


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def check_pipeline(model_dir: Path) -> None:
    """Only a BERT-style model with mean pooling is reproduced here; refuse others."""
    modules = [m["type"].rsplit(".", 1)[-1] for m in _read_json(model_dir / "modules.json")]
    if modules[:2] != ["Transformer", "Pooling"]:
        raise ValueError(f"{model_dir}: ONNX backend supports Transformer+Pooling, got {modules}")
    pooling = _read_json(model_dir / "1_Pooling" / "config.json")
    if not pooling.get("pooling_mode_mean_tokens"):
        raise ValueError(f"{model_dir}: ONNX backend supports mean pooling only")


def export_onnx(model_dir: Path, backend: str, cache_dir: Path) -> Path:
    """The model's ONNX file for `backend`, exported (and quantised) on first use."""
    if backend not in ONNX_BACKENDS:
        raise ValueError(f"unknown ONNX backend {backend!r}; expected one of {ONNX_BACKENDS}")
    weights = next(p for p in (model_dir / "model.safetensors", model_dir / "config.json")
                   if p.exists())  # fmt: skip
    stamp = hashlib.sha256(
        f"{model_dir.resolve()}\0{weights.stat().st_size}\0{weights.stat().st_mtime_ns}".encode()
    ).hexdigest()[:16]
    target = cache_dir / "onnx" / stamp / f"{backend}.onnx"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        raw = Path(tmp) / "model.onnx"
        _torch_export(model_dir, raw)
        fused = Path(tmp) / "fused.onnx"
        config = _read_json(model_dir / "config.json")
        from onnxruntime.transformers import optimizer

        optimizer.optimize_model(
            str(raw), model_type="bert", num_heads=config["num_attention_heads"],
            hidden_size=config["hidden_size"], opt_level=1,
        ).save_model_to_file(str(fused))  # fmt: skip
        if backend == "onnx-int8":
            from onnx import TensorProto
            from onnxruntime.quantization import QuantType, quantize_dynamic

            out = Path(tmp) / "int8.onnx"
            quantize_dynamic(
                str(fused), str(out), weight_type=QuantType.QInt8, per_channel=True,
                op_types_to_quantize=["MatMul", "Attention"],
                extra_options={"DefaultTensorType": TensorProto.FLOAT},
            )  # fmt: skip
            fused = out
        os.replace(fused, target)
    return target


def _torch_export(model_dir: Path, out: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    sample = tokenizer(["a short one", "and a somewhat longer sample sentence"],
                       padding=True, return_tensors="pt")  # fmt: skip
    names = ["input_ids", "attention_mask", "token_type_ids"]

    class Encoder(torch.nn.Module):
        """The transformer without pooling, for export: the graph outputs token states only."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            """Token states for the exported graph (keyword args, as the model needs them)."""
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "last_hidden_state"]}
    with torch.no_grad():
        torch.onnx.export(
            Encoder(), tuple(sample[n] for n in names), str(out), input_names=names,
            output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17,
            dynamo=False,
        )  # fmt: skip


class OnnxSentenceModel:
    """Sentence embeddings from an exported model on ONNX Runtime's CPU provider.

    Data-parallel: a call's batches run on `workers` threads at once, each a whole
    batch on one shared session of one intra-op thread. ONNX Runtime's `run` is
    thread-safe and releases the GIL. On 2 cores this encodes about 1.5x as many
    passages a second as one batch at a time split over 2 intra-op threads: the
    operators of a batch of ~100 word pieces are too small to split well (bench/RESULTS.md).
    """

    def __init__(self, model_dir: str, backend: str, cache_dir: Path | None = None,
                 threads: int | None = None) -> None:  # fmt: skip
        folder = Path(model_dir)
        check_pipeline(folder)
        self.path = export_onnx(folder, backend, cache_dir or default_cache_dir())
        st_config = folder / "sentence_bert_config.json"
        self.max_seq_length = int(
            _read_json(st_config).get("max_seq_length", 256) if st_config.exists() else 256
        )
        self.pieces = WordPieces(folder, self.max_seq_length)
        self.normalize = any(
            m["type"].endswith("Normalize") for m in _read_json(folder / "modules.json")
        )
        self._dim = int(_read_json(folder / "config.json")["hidden_size"])
        self._pool: ThreadPoolExecutor | None = None
        self._pool_owner = 0
        self._lock = threading.Lock()
        self.intra_op_threads = 0
        self.set_threads(threads)
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._pad = self.pieces.pad_id
        self.tokens = 0
        """Real word pieces encoded so far; `padded_tokens` counts the padding too."""
        self.padded_tokens = 0

    def set_threads(self, threads: int | None, intra_op_threads: int = 1) -> None:
        """Encode on `threads` workers (None: one per core), each running a batch on
        `intra_op_threads` (1: the batch runs on the worker itself; more is the older,
        operator-parallel layout, kept for the benchmark's comparison).

        Idle intra-op threads sleep instead of spinning: during a build the reader
        thread needs the cycles that spinning threads would burn between operators.
        """
        import onnxruntime as ort

        self.workers = threads or os.cpu_count() or 1
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False)
            self._pool = None
        if intra_op_threads == self.intra_op_threads:
            return
        options = ort.SessionOptions()
        options.intra_op_num_threads = intra_op_threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(self.path), options, providers=["CPUExecutionProvider"]
        )
        self.intra_op_threads = intra_op_threads

    def _executor(self) -> ThreadPoolExecutor:
        """The worker pool, made on first use (and again in a forked child, which
        inherits the pool object but none of its threads)."""
        with self._lock:
            if self._pool is None or self._pool_owner != os.getpid():
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="scrutiny-encode")
                self._pool_owner = os.getpid()
            return self._pool

    def get_embedding_dimension(self) -> int:
        """Vector width, as sentence-transformers names it (the `Embedder` calls it so)."""
        return self._dim

    def encode(self, sentences: Sequence[str], batch_size: int = 32,
               normalize_embeddings: bool = True, **_: Any) -> np.ndarray:  # fmt: skip
        """Vectors in input order, computed in batches of equal or near-equal token length.

        The whole call is tokenised once, then sorted by token count, so each batch is
        padded only to its own longest text: with sorted input that is a token or two,
        where batches in document order pad every passage to the longest of 32. With
        more than one batch and worker the batches run side by side, longest first (so
        no worker is left with a long one at the end); a single batch (a query) runs on
        the calling thread. A worker's error is raised here; the batches not yet
        started are dropped.
        """
        out = np.zeros((len(sentences), self._dim), dtype=np.float32)
        if not sentences:
            return out
        ids = self.pieces.ids(sentences)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        batches = [order[s : s + batch_size] for s in range(0, len(order), batch_size)][::-1]
        self.tokens += sum(len(i) for i in ids)
        self.padded_tokens += sum(len(rows) * len(ids[rows[-1]]) for rows in batches)

        def run(rows: list[int]) -> None:
            """One batch, padded to its longest, mean-pooled into its rows of `out`."""
            width = len(ids[rows[-1]])
            input_ids = np.full((len(rows), width), self._pad, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                input_ids[r, : len(ids[i])] = ids[i]
                mask[r, : len(ids[i])] = 1
            feed = {"input_ids": input_ids, "attention_mask": mask,
                    "token_type_ids": np.zeros_like(input_ids)}  # fmt: skip
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
            weights = mask[..., None].astype(np.float32)
            out[rows] = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)

        if self.workers == 1 or len(batches) == 1:
            for rows in batches:
                run(rows)
        else:
            # Re-raises the first worker exception; the batches not started are cancelled.
            list(self._executor().map(run, batches))
        if normalize_embeddings or self.normalize:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out
