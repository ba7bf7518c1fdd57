"""Query latency, stage costs, ANN recall and server memory on a scale index.

In-process: the search core (`Archive.search`, hybrid) and each of its stages timed
apart (query embedding, FAISS, BM25, fusion, reading passages from SQLite). Over
HTTP: a uvicorn server (`bench.serve`) on 127.0.0.1 and a free port, queried one at a
time and then by a bounded number of concurrent clients; its peak resident memory is
read from /proc (VmHWM) when the run ends.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench import QUESTION_FILES, ROOT
from reliability.server import free_port

EXTRA_QUERIES = [
    "agency social workers", "council budget overspend", "Ofsted inspection judgement",
    "recruitment and retention", "the committee", "home to school transport costs",
    "children in care placements sufficiency", "what did the council decide",
    "special educational needs", "social worker caseloads 2019", "improvement board",
    "dedicated schools grant deficit", "safeguarding partnership", "MASH visit",
]  # fmt: skip


def queries(limit: int | None = None) -> list[str]:
    found: list[str] = []
    for path in QUESTION_FILES:
        if path.exists():
            for line in path.read_text().splitlines():
                if line.strip():
                    found.append(json.loads(line)["question"])
    found += EXTRA_QUERIES
    return found[:limit] if limit else found


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else float("nan")


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


# -- in process -------------------------------------------------------------------------


def in_process(index_dir: Path, runs: int, n_queries: int | None, backend: str = "torch",
               threads: int | None = None) -> dict[str, Any]:  # fmt: skip
    from indexer.embedding import Embedder
    from indexer.settings import Settings
    from search_api.archive import Archive
    from search_api.retrieval import reciprocal_rank_fusion
    from search_api.search import SearchRequest

    settings = Settings(index_dir=index_dir)
    embedder = Embedder(settings.model, settings.batch_size, backend=backend, threads=threads)
    embedder.model  # noqa: B018 - loaded before the clock starts
    t0 = time.perf_counter()
    engine = Archive.open(settings, embedder)
    open_s = time.perf_counter() - t0
    qs = queries(n_queries)
    retriever = engine.snapshot.retriever
    for q in qs[:5]:
        engine.reader().search(SearchRequest(q))
    names = ("embed", "faiss", "bm25", "fuse", "read", "total")
    stages: dict[str, list[float]] = {k: [] for k in names}
    run_p50, run_p95 = [], []
    load = []
    cpu_ms: list[float] = []
    for _ in range(runs):
        load.append(loadavg())
        totals = []
        for q in qs:
            t, c = time.perf_counter(), time.process_time()
            # The served call: a reader per request, the one search path.
            engine.reader().search(SearchRequest(q, k=10, mode="hybrid"))
            totals.append((time.perf_counter() - t) * 1000)
            cpu_ms.append((time.process_time() - c) * 1000)
        run_p50.append(pct(totals, 50))
        run_p95.append(pct(totals, 95))
        stages["total"] += totals
    # Stage by stage, the retrieval work inside `Reader.search` (`Retriever.rank` + `hits`).
    depth = retriever.candidates
    for q in qs:
        t = time.perf_counter()
        vec = retriever.embedder.encode_query(q)
        t1 = time.perf_counter()
        dense = retriever.vectors.search(vec, depth)
        t2 = time.perf_counter()
        lexical = retriever.lexical(q, depth)
        t3 = time.perf_counter()
        fused = reciprocal_rank_fusion([[p for p, _ in dense], [p for p, _ in lexical]],
                                       k=retriever.rrf_k)[:10]  # fmt: skip
        t4 = time.perf_counter()
        retriever.hits(fused)
        t5 = time.perf_counter()
        for key, a, b in (("embed", t, t1), ("faiss", t1, t2), ("bm25", t2, t3),
                          ("fuse", t3, t4), ("read", t4, t5)):  # fmt: skip
            stages[key].append((b - a) * 1000)
    return {
        "open_s": open_s,
        "queries": len(qs),
        "runs": runs,
        "p50_ms_runs": run_p50,
        "p95_ms_runs": run_p95,
        "p50_ms": statistics.median(run_p50),
        "p95_ms": statistics.median(run_p95),
        "cpu_p50_ms": pct(cpu_ms, 50),
        "cpu_p95_ms": pct(cpu_ms, 95),
        "backend": backend,
        "threads": threads,
        "stages_p50_ms": {k: pct(v, 50) for k, v in stages.items()},
        "stages_p95_ms": {k: pct(v, 95) for k, v in stages.items()},
        "loadavg": load,
        "vector_kind": engine.snapshot.info.vector_kind,
        "passages": engine.snapshot.info.passages,
    }


def ann_recall(index_dir: Path, n_queries: int | None, k: int = 10) -> dict[str, Any]:
    """Recall@k of the index's FAISS search against exact inner product on the same vectors."""
    from indexer.embedding import Embedder
    from indexer.settings import Settings
    from search_api.archive import Archive

    settings = Settings(index_dir=index_dir)
    ids = np.load(index_dir / "bench_ids.npy", allow_pickle=False)
    vectors = np.load(index_dir / "bench_vectors.npy", mmap_mode="r", allow_pickle=False)
    engine = Archive.open(settings, Embedder(settings.model, settings.batch_size))
    qvec = engine.embedder.encode(queries(n_queries))
    scores = np.zeros((len(qvec), len(ids)), dtype=np.float32)
    step = 200_000
    for start in range(0, len(ids), step):
        scores[:, start : start + step] = qvec @ np.asarray(vectors[start : start + step]).T
    exact = ids[np.argsort(-scores, axis=1)[:, :k]]
    index = engine.snapshot.retriever.vectors
    got, t = [], time.perf_counter()
    for q in qvec:
        got.append([pid for pid, _ in index.search(q, k)])
    ms = (time.perf_counter() - t) * 1000 / len(qvec)
    recall = float(np.mean([len(set(g) & set(e)) / k for g, e in zip(got, exact, strict=True)]))
    return {"recall_at_10": recall, "queries": len(qvec), "faiss_ms_mean": ms,
            "kind": index.kind}  # fmt: skip


# -- over HTTP --------------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmHWM", "VmRSS")):
            name, value = line.split(":")
            out[name] = int(value.split()[0]) * 1024
    return out


class Server:
    """`python -m bench.serve` in a child process, bound to loopback only."""

    def __init__(self, index_dir: Path, backend: str = "torch", threads: int | None = None) -> None:
        self.port = free_port()
        env = dict(os.environ, HF_HUB_OFFLINE="1", SCRUTINY_INDEX_DIR=str(index_dir))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.serve", "--port", str(self.port),
             "--backend", backend, "--threads", str(threads or 0)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"

    def wait(self, timeout: float = 900) -> float:
        import httpx

        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                if httpx.get(self.url + "/search", params={"q": "budget"}, timeout=60).is_success:
                    return time.perf_counter() - self.started
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise TimeoutError("server did not start")

    def stop(self) -> dict[str, int]:
        status = proc_status(self.proc.pid)
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        return status


def http(index_dir: Path, runs: int, n_queries: int | None, concurrency: int,
         load_requests: int, backend: str = "torch", threads: int | None = None
         ) -> dict[str, Any]:  # fmt: skip
    import httpx

    server = Server(index_dir, backend, threads)
    try:
        ready_s = server.wait()
        after_start = proc_status(server.proc.pid)
        qs = queries(n_queries)
        with httpx.Client(base_url=server.url, timeout=60) as client:
            for q in qs[:5]:
                client.get("/search", params={"q": q}).raise_for_status()
            run_p50, run_p95 = [], []
            for _ in range(runs):
                times = []
                for q in qs:
                    t = time.perf_counter()
                    client.get("/search", params={"q": q, "k": 10}).raise_for_status()
                    times.append((time.perf_counter() - t) * 1000)
                run_p50.append(pct(times, 50))
                run_p95.append(pct(times, 95))
        throughput, loaded = [], []
        for _ in range(runs):
            qps, lat = _load(server.url, qs, concurrency, load_requests)
            throughput.append(qps)
            loaded += lat
        status = server.stop()
    except BaseException:
        server.stop()
        raise
    return {
        "ready_s": ready_s,
        "p50_ms_runs": run_p50,
        "p95_ms_runs": run_p95,
        "p50_ms": statistics.median(run_p50),
        "p95_ms": statistics.median(run_p95),
        "concurrency": concurrency,
        "throughput_qps_runs": throughput,
        "throughput_qps": statistics.median(throughput),
        "loaded_p50_ms": pct(loaded, 50),
        "loaded_p95_ms": pct(loaded, 95),
        "backend": backend,
        "threads": threads,
        "rss_after_start": after_start.get("VmRSS", 0),
        "rss_peak": status.get("VmHWM", 0),
        "loadavg": loadavg(),
    }


def _load(url: str, qs: list[str], concurrency: int, total: int) -> tuple[float, list[float]]:
    """`total` requests from `concurrency` clients, each waiting for its answer (closed loop)."""
    import httpx

    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            for i in counter:
                t = time.perf_counter()
                client.get("/search", params={"q": qs[i % len(qs)], "k": 10}).raise_for_status()
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return total / (time.perf_counter() - t0), latencies
