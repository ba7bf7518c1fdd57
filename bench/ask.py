"""`python -m bench.ask --index DIR`: what an answer costs beside the search under it.

Issue #13 asks that `POST /ask` cost little more than `GET /search`: p95 of /ask at most
3× the p95 of /search, one client, on the seeds + Kent index, and at most 150 ms on an
idle 2-core machine. This starts the API (`bench.serve`, loopback, one worker), sends
every benchmark question (`bench.latency.queries`, plus the eval questions' wording when
`--questions` files are given) first to /search then to /ask, one at a time, and prints
and writes (``--json``) p50/p95 of each and their ratio, with the load average, since a
figure from a shared machine means little without it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.latency import Server, loadavg, pct, queries

__all__ = ["ask_vs_search", "main"]


def _questions(files: Sequence[Path]) -> list[str]:
    out: list[str] = []
    for path in files:
        for line in path.read_text().splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out


def ask_vs_search(
    index_dir: Path, qs: Sequence[str], runs: int = 2, backend: str = "onnx-int8"
) -> dict[str, Any]:
    """p50/p95 (ms) of GET /search (k=10) and POST /ask (its default k) per question."""
    import httpx

    server = Server(index_dir, backend)
    try:
        server.wait()
        search_ms: list[float] = []
        ask_ms: list[float] = []
        load_before = loadavg()
        with httpx.Client(base_url=server.url, timeout=120) as client:
            for q in qs[:5]:  # warm-up: caches, the model's first batches
                client.get("/search", params={"q": q}).raise_for_status()
                client.post("/ask", json={"question": q}).raise_for_status()
            for _ in range(runs):
                for q in qs:
                    t = time.perf_counter()
                    client.get("/search", params={"q": q, "k": 10}).raise_for_status()
                    search_ms.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    client.post("/ask", json={"question": q}).raise_for_status()
                    ask_ms.append((time.perf_counter() - t) * 1000)
    finally:
        server.stop()
    out = {
        "questions": len(qs),
        "runs": runs,
        "backend": backend,
        "search_p50_ms": round(pct(search_ms, 50), 1),
        "search_p95_ms": round(pct(search_ms, 95), 1),
        "ask_p50_ms": round(pct(ask_ms, 50), 1),
        "ask_p95_ms": round(pct(ask_ms, 95), 1),
        "loadavg_before": load_before,
        "loadavg_after": loadavg(),
    }
    out["ask_over_search_p95"] = round(out["ask_p95_ms"] / out["search_p95_ms"], 2)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.ask", description=__doc__)
    p.add_argument("--index", type=Path, required=True, metavar="DIR")
    p.add_argument("--questions", nargs="*", type=Path, default=[], metavar="FILE")
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--backend", default="onnx-int8")
    p.add_argument("--json", type=Path, metavar="PATH")
    args = p.parse_args(argv)
    qs = queries() + _questions(args.questions)
    result = ask_vs_search(args.index, qs, args.runs, args.backend)
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
