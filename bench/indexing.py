"""Indexing throughput, files to searchable index: the real pipeline against the baseline.

Both read the same document folder in the same run, alternating (baseline, the indexer
with its defaults, the indexer reading in turn with the encoder instead of beside it,
the indexer with the ONNX encoder's earlier layout (one batch of 32 at a time over all
cores), the indexer on torch, then again), so a machine shared with other work slows each about
equally. Reported per run: wall seconds, process CPU seconds, passages and source
characters per second, the load average before and after, and the indexer's profile
(where the build's wall time went; the encoder's share of it). Passages per second is
the issue's measure, but the two pipelines cut different passages (1,000-character
windows with 200 overlap against paragraphs of at most 240 word pieces), so characters
of source text per second is reported beside it as the like-for-like rate.

`dev_recall` checks the faster backend costs no retrieval quality: the eval harness
(quote-matching rule) on the development questions, the seed corpus indexed once with
each backend.
"""

from __future__ import annotations

import csv
import logging
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import QUESTION_FILES, ROOT, SHARED
from bench.generator import generate, write_documents

log = logging.getLogger(__name__)

SEEDS = ROOT / "corpus"
KENT = SHARED / "archives" / "kent"


def make_corpus(work: Path, generated_passages: int, kent_files: int | None) -> list[Path]:
    """Seed documents, Kent PDFs (with their manifest rows) and generated minutes.

    `kent_files`: None for the whole Kent archive (the issue's measure, seeds + 129
    PDFs), else the first N ordinary-sized PDFs.
    """
    folders = [SEEDS]
    if kent_files is None and KENT.exists():
        folders.append(KENT)
    elif kent_files and KENT.exists():
        kent = work / "kent"
        if kent.exists():
            shutil.rmtree(kent)
        kent.mkdir(parents=True)
        with (KENT / "manifest.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        # Reports and minutes of ordinary size: skip the 100-page budget books.
        rows = sorted(
            (r for r in rows if (KENT / r["path"]).stat().st_size < 400_000),
            key=lambda r: r["path"],
        )[:kent_files]
        with (kent / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                target = kent / row["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(KENT / row["path"], target)
                writer.writerow(row)
        folders.append(kent)
    if generated_passages:
        gen = work / f"generated-{generated_passages}"
        if not (gen / "manifest.csv").exists():
            write_documents(generate(generated_passages, seed=11), gen)
        folders.append(gen)
    return folders


def corpus_paths(folders: list[Path]) -> list[Path]:
    from eval.documents import corpus_files

    return corpus_files(folders)


def run_baseline(paths: list[Path], model_path: str) -> dict[str, Any]:
    from eval.baseline import build_baseline, load_model

    model = load_model(model_path)  # loaded outside the clock, as for the indexer
    wall, cpu = time.perf_counter(), time.process_time()
    index = build_baseline(paths, model)
    return {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "passages": len(index.chunks),
        "chars": index.chars,
        "embed_s": index.timings.embed_s,
    }


def run_indexer(
    folders: list[Path], backend: str | None = None, threads: int | None = None,
    overlap: bool = True, operator_parallel: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """One fresh build, as `python -m indexer build --rebuild` runs it; `backend=None`
    is the settings' default. `overlap=False` reads in turn with the encoder.
    `operator_parallel`: the ONNX encoder as it was before it ran batches side by side:
    one batch of 32 at a time, split over one intra-op thread per core."""
    from indexer.builder import Indexer
    from indexer.embedding import Embedder
    from indexer.parse_embed import LocalPipeline
    from indexer.settings import Settings

    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        settings = Settings(index_dir=Path(tmp) / "index")
        embedder = Embedder(settings.model, settings.batch_size,
                            backend=backend or settings.embed_backend,
                            threads=threads or settings.embed_threads)  # fmt: skip
        embedder.model  # noqa: B018 - load (and export) outside the clock
        if operator_parallel:
            embedder.batch_size = 32
            embedder.model.set_threads(1, intra_op_threads=threads or os.cpu_count() or 1)
        strategy = LocalPipeline() if overlap else LocalPipeline(read_ahead=0)
        wall, cpu = time.perf_counter(), time.process_time()
        report = Indexer(settings, embedder, strategy).build(folders, rebuild=True)
        result = {
            "wall_s": time.perf_counter() - wall,
            "cpu_s": time.process_time() - cpu,
            "passages": report.passages,
            "embedded": report.new_passages,
            "documents": report.documents,
            "failed": len(report.failed),
            "profile": asdict(report.profile) | {"encoder_busy": report.profile.encoder_busy},
        }
        model = embedder.model
        if hasattr(model, "padded_tokens") and model.padded_tokens:
            result["padding"] = 1 - model.tokens / model.padded_tokens
    return result


def load_average() -> float:
    """The one-minute load average: what else the machine was doing."""
    return float(Path("/proc/loadavg").read_text().split()[0])


CONFIGS = ("baseline", "indexer_default", "indexer_no_overlap", "indexer_operator_parallel",
           "indexer_torch")  # fmt: skip
"""The pipelines `throughput` can run side by side, in this order within a round."""


def throughput(
    folders: list[Path], runs: int, on_round: Any = None, quick: bool = False,
    only: Sequence[str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Each pipeline of `only` (default: all, less torch when `quick`; the baseline
    always) once a round, in turn, `runs` rounds: alternating shares a busy minute."""
    from eval.documents import read_text
    from indexer.settings import Settings

    paths = corpus_paths(folders)
    chars = sum(len(read_text(p)) for p in paths)
    configs = {
        "baseline": lambda: run_baseline(paths, Settings().model_path),
        "indexer_default": lambda: run_indexer(folders),
        "indexer_no_overlap": lambda: run_indexer(folders, overlap=False),
        "indexer_operator_parallel": lambda: run_indexer(folders, operator_parallel=True),
        "indexer_torch": lambda: run_indexer(folders, "torch"),
    }
    assert tuple(configs) == CONFIGS
    if only:  # the baseline always runs: every ratio is against it
        configs = {name: configs[name] for name in dict.fromkeys(["baseline", *only])}
    elif quick:
        del configs["indexer_torch"]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    load: list[float] = []
    for run in range(runs):
        for name, fn in configs.items():
            load.append(load_average())
            log.info("indexing run %d: %s", run + 1, name)
            r = fn()
            r["load_before"], r["load_after"] = load[-1], load_average()
            r["passages_per_s"] = r["passages"] / r["wall_s"]
            r["passages_per_cpu_s"] = r["passages"] / r["cpu_s"]
            r["chars_per_s"] = chars / r["wall_s"]
            results[name].append(r)
        if on_round is not None:  # partial results survive an interrupted run
            on_round(_summarise(results, len(paths), chars, run + 1, load))
    return _summarise(results, len(paths), chars, runs, load)


def _summarise(results: dict[str, list[dict[str, Any]]], documents: int, chars: int,
               runs: int, load: list[float]) -> dict[str, Any]:  # fmt: skip
    summary: dict[str, Any] = {"documents": documents, "chars": chars, "runs": runs,
                               "loadavg": load, "configs": {}}  # fmt: skip
    for name, rs in results.items():
        summary["configs"][name] = {
            "passages": rs[0]["passages"],
            "runs": rs,
            **{
                f"{key}_median": statistics.median(r[key] for r in rs)
                for key in (
                    "wall_s",
                    "cpu_s",
                    "passages_per_s",
                    "passages_per_cpu_s",
                    "chars_per_s",
                )  # fmt: skip
            },
            **{
                f"{key}_range": [min(r[key] for r in rs), max(r[key] for r in rs)]
                for key in ("passages_per_s", "chars_per_s")
            },
        }
    for c in summary["configs"].values():
        profiles = [r["profile"] for r in c["runs"] if "profile" in r]
        if profiles:
            c["encoder_busy_median"] = statistics.median(p["encoder_busy"] for p in profiles)
            c["wait_s_median"] = statistics.median(p["wait_s"] for p in profiles)
    base = summary["configs"]["baseline"]
    for c in summary["configs"].values():
        c["ratio_passages_per_s"] = c["passages_per_s_median"] / base["passages_per_s_median"]
        c["ratio_chars_per_s"] = c["chars_per_s_median"] / base["chars_per_s_median"]
        c["ratio_passages_per_cpu_s"] = (
            c["passages_per_cpu_s_median"] / base["passages_per_cpu_s_median"]
        )
    return summary


def dev_recall(work: Path) -> dict[str, Any]:
    """Evidence recall@10 (hybrid and dense) on the dev questions, per backend."""
    from eval.documents import manifest_dates
    from eval.questions import load_questions
    from eval.runner import run_eval
    from eval.searchers import ArchiveSearcher
    from indexer.builder import Indexer
    from indexer.embedding import Embedder
    from indexer.settings import Settings
    from search_api.archive import Archive

    questions = load_questions([f for f in QUESTION_FILES if f.exists()])
    dates = manifest_dates([SEEDS])
    out: dict[str, Any] = {"questions": len(questions)}
    for backend in ("torch", "onnx-int8"):
        settings = Settings(index_dir=work / f"dev-index-{backend}", corpus=str(SEEDS))
        embedder = Embedder(settings.model, settings.batch_size, backend=backend)
        Indexer(settings, embedder).build([SEEDS], rebuild=True)
        engine = Archive.open(settings, embedder)
        report = run_eval(
            questions, [ArchiveSearcher(engine, "hybrid"), ArchiveSearcher(engine, "dense")],
            dates, k=10,
        )  # fmt: skip
        out[backend] = {
            name: {
                "recall@10": scores.summary.get("recall@10"),
                "mrr@10": scores.summary.get("mrr@10"),
            }  # fmt: skip
            for name, scores in report.configs.items()
        }
    return out


def real_scale(
    work: Path, passages: int, sample: int = 200, every_s: float = 30.0, kent: bool = True
) -> dict:
    """A long build of real text embedded by the indexer: throughput over time, memory,
    and the index's recall checks.

    The corpus is the whole Kent archive plus generated minutes (`bench.generator`,
    sentences from the seed documents) written as files, up to about `passages`
    passages; it is built with the default settings through `Indexer`, as `python -m
    indexer build` would. Every `every_s` seconds the passages embedded so far and the
    process's resident memory are sampled. Afterwards, for `sample` random passages:
    the vector index must return the passage itself first for its stored vector (ANN
    recall@1), and among the top 10 for its text embedded afresh (known-item recall@10).
    """
    import random
    import threading

    import numpy as np
    import psutil

    from indexer.builder import Indexer
    from indexer.embedding import Embedder
    from indexer.settings import Settings
    from indexer.snapshot import STORE_FILE, VECTORS_FILE, IndexDir
    from indexer.store import PassageStore
    from indexer.vectors import VectorIndex

    use_kent = kent and KENT.exists()
    kent_passages = 6_060 if use_kent else 0  # README: the Kent PDFs' passages
    generated = max(0, passages - kent_passages)
    folders = [KENT] if use_kent else []
    if generated:
        gen = work / f"real-generated-{generated}"
        if not (gen / "manifest.csv").exists():
            write_documents(generate(generated, seed=13), gen)
        folders.append(gen)
    process = psutil.Process()
    settings = Settings(index_dir=work / f"real-index-{passages}")
    shutil.rmtree(settings.index_dir, ignore_errors=True)
    embedder = Embedder.from_settings(settings)
    embedder.model  # noqa: B018 - load (and export) outside the clock
    samples: list[dict[str, float]] = []
    done = threading.Event()
    started = time.perf_counter()

    def monitor() -> None:
        while not done.wait(every_s):
            samples.append({
                "t_s": round(time.perf_counter() - started, 1),
                "embedded": embedder.stats.texts,
                "rss_mib": round(process.memory_info().rss / 2**20),
                "load": load_average(),
            })  # fmt: skip

    watcher = threading.Thread(target=monitor, daemon=True)
    watcher.start()
    load_before = load_average()
    try:
        report = Indexer(settings, embedder).build(folders, rebuild=True)
    finally:
        done.set()
        watcher.join()
    wall = time.perf_counter() - started
    rates = [
        (b["embedded"] - a["embedded"]) / (b["t_s"] - a["t_s"])
        for a, b in zip(samples, samples[1:], strict=False)
    ]
    index = IndexDir(settings.index_dir)
    version = index.current()
    info = index.read_info(version, verify="none")
    store = PassageStore(version / STORE_FILE, readonly=True)
    ids, matrix = store.all_vectors(embedder.dim)
    vectors = VectorIndex.load(version / VECTORS_FILE, info.vector_kind)
    picks = random.Random(5).sample(range(len(ids)), min(sample, len(ids)))
    ann = sum(vectors.search(matrix[i], 1)[0][0] == int(ids[i]) for i in picks) / len(picks)
    texts = store.passages([int(ids[i]) for i in picks])
    fresh = embedder.encode([texts[int(ids[i])].text for i in picks])
    known = sum(
        int(ids[i]) in {pid for pid, _ in vectors.search(vec, 10)}
        for i, vec in zip(picks, fresh, strict=True)
    ) / len(picks)
    # The same check by exact search: what the query loses (text without its item title,
    # near-duplicate passages) apart from what the approximate index loses.
    known_exact = sum(
        i in np.argpartition(-(matrix @ vec), 10)[:10] for i, vec in zip(picks, fresh, strict=True)
    ) / len(picks)
    store.close()
    return {
        "passages": report.passages,
        "documents": report.documents,
        "embedded": report.new_passages,
        "failed": len(report.failed),
        "wall_s": wall,
        "passages_per_s": report.passages / wall,
        "embedded_per_s_windows": [round(r, 1) for r in rates],
        "peak_rss_mib": round(max([s["rss_mib"] for s in samples] or [0])),
        "samples": samples,
        "load_before": load_before,
        "load_after": load_average(),
        "vector_kind": info.vector_kind,
        "ann_recall_at_1": ann,
        "known_item_recall_at_10": known,
        "known_item_recall_at_10_exact": known_exact,
        "profile": asdict(report.profile) | {"encoder_busy": report.profile.encoder_busy},
    }
