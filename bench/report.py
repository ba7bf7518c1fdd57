"""bench/results.json → the tables of bench/RESULTS.md and bench/cost_growth.png.

RESULTS.md keeps its hand-written prose between the markers; only the generated block
(`<!-- generated -->` … `<!-- /generated -->`) is replaced on each run.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS_JSON = ROOT / "bench" / "results.json"
RESULTS_MD = ROOT / "bench" / "RESULTS.md"
PLOT = ROOT / "bench" / "cost_growth.png"
START, END = "<!-- generated -->", "<!-- /generated -->"
SIZES = [("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)]


def machine() -> str:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    flags = Path("/proc/cpuinfo").read_text()
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    simd = "AVX-512 VNNI" if "avx512_vnni" in flags else ("AVX2" if "avx2" in flags else "-")
    return (
        f"{cpu}, {os.cpu_count()} cores (nproc), {mem_kb / 2**20:.1f} GiB RAM, {simd}; "
        f"Linux {platform.release()}, Python {platform.python_version()}"
    )


def _f(v: Any, digits: int = 1) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def _range(values: list[float], digits: int = 0) -> str:
    return f"{min(values):.{digits}f}–{max(values):.{digits}f}" if values else "–"


def tables(data: dict[str, Any]) -> str:
    out: list[str] = [f"Machine: {machine()}.", ""]
    idx = data.get("indexing")
    if idx:
        out += [
            f"### Indexing throughput ({idx['documents']} documents, {idx['chars']:,} characters; "
            f"{idx['runs']} runs each, alternating; load average during runs "
            f"{_range(idx['loadavg'], 1)})",
            "",
            "| pipeline | passages | passages/s (median, range) | × baseline | characters/s "
            "(median) | × baseline | passages per CPU-second | × baseline | encoder busy |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, c in idx["configs"].items():
            out.append(
                f"| {name} | {c['passages']} | {c['passages_per_s_median']:.1f} "
                f"({_range(c['passages_per_s_range'], 1)}) | {c['ratio_passages_per_s']:.2f} | "
                f"{c['chars_per_s_median']:,.0f} | {c['ratio_chars_per_s']:.2f} | "
                f"{c['passages_per_cpu_s_median']:.1f} | {c['ratio_passages_per_cpu_s']:.2f} | "
                + (
                    f"{100 * c['encoder_busy_median']:.0f}% |"
                    if "encoder_busy_median" in c
                    else "- |"
                )  # fmt: skip
            )
        out.append("")
    rec = data.get("dev_recall")
    if rec:
        out += [
            f"### Dev-set evidence recall@10 by embedding backend ({rec['questions']} questions, "
            "seed corpus, eval harness)",
            "",
            "| backend | hybrid recall@10 | hybrid MRR@10 | dense recall@10 | dense MRR@10 |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for backend in ("torch", "onnx-int8"):
            r = rec.get(backend, {})
            h, d = r.get("hybrid", {}), r.get("dense", {})
            out.append(
                f"| {backend} | {_f(h.get('recall@10'), 3)} | {_f(h.get('mrr@10'), 3)} | "
                f"{_f(d.get('recall@10'), 3)} | {_f(d.get('mrr@10'), 3)} |"
            )
        out.append("")
    rows = [(label, data.get(f"latency_{label}")) for label, _ in SIZES]
    rows = [(label, r) for label, r in rows if r]
    if rows:
        out += [
            "### Query latency, ANN recall and memory",
            "",
            "`default` = torch query embedder with the runtime's default threads (`make serve` "
            "also uses torch, on one thread); `tuned` = ONNX int8 query embedder, 1 thread. "
            "HTTP = one uvicorn worker with the tuned embedder. p50/p95 are medians over "
            "runs (range across runs in brackets). CPU ms = process CPU time per query in "
            "process, the cost the query would have on an idle core.",
            "",
            "| archive | FAISS | ANN recall@10 | in-process default p50 / p95 ms | in-process "
            "tuned p50 / p95 ms | tuned CPU ms p50 / p95 | HTTP tuned p50 / p95 ms | "
            "HTTP throughput q/s (concurrency) | loaded p95 ms | server peak RSS | RSS / "
            "passage | index on disk / passage | load avg |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
            "| ---: |",
        ]
        for _label, r in rows:
            t, h, a = r["in_process"], r["http"], r["ann"]
            d = r.get("in_process_default") or {"p50_ms": float("nan"), "p95_ms": float("nan")}
            n = t["passages"]
            out.append(
                f"| {n:,} | {t['vector_kind']} | {a['recall_at_10']:.3f} | "
                f"{d['p50_ms']:.0f} / {d['p95_ms']:.0f} | "
                f"{t['p50_ms']:.0f} / {t['p95_ms']:.0f} ({_range(t['p95_ms_runs'])}) | "
                f"{t['cpu_p50_ms']:.1f} / {t['cpu_p95_ms']:.1f} | "
                f"{h['p50_ms']:.0f} / {h['p95_ms']:.0f} ({_range(h['p95_ms_runs'])}) | "
                f"{h['throughput_qps']:.1f} ({h['concurrency']}) | {h['loaded_p95_ms']:.0f} | "
                f"{h['rss_peak'] / 2**20:,.0f} MiB | {h['rss_peak'] / n:,.0f} B | "
                f"{r['disk_bytes'] / n:,.0f} B | {_range(t['loadavg'] + [h['loadavg']], 1)} |"
            )
        out += [
            "",
            "Stage costs in process, tuned setup (p50 / p95 ms):",
            "",
            "| archive | query embedding | FAISS | BM25 | fusion | reading passages "
            "(SQLite) | index open s |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for _label, r in rows:
            t = r["in_process"]
            s50, s95 = t["stages_p50_ms"], t["stages_p95_ms"]
            out.append(
                f"| {t['passages']:,} | "
                + " | ".join(
                    f"{s50[k]:.1f} / {s95[k]:.1f}"
                    for k in ("embed", "faiss", "bm25", "fuse", "read")  # fmt: skip
                )
                + f" | {t['open_s']:.1f} |"
            )
        out.append("")
    builds = [(label, data.get(f"scale_index_{label}")) for label, _ in SIZES]
    builds = [(label, b) for label, b in builds if b]
    if builds:
        out += [
            "### Building the scale indexes (generated text, cheap vectors)",
            "",
            "| archive | documents | FAISS | generate + SQLite s | vectors s | FAISS "
            "build s | BM25 build s | publish (fsync + sha256) s | total s | store MB | FAISS MB "
            "| BM25 MB |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for _label, b in builds:
            out.append(
                f"| {b['passages']:,} | {b['documents']:,} | {b['vector_kind']} | "
                f"{b['seconds_generate_store']:.0f} | {b['seconds_vectors']:.0f} | "
                f"{b['seconds_faiss']:.0f} | {b.get('seconds_lexical', 0):.0f} | "
                f"{b['seconds_publish']:.0f} | {b['seconds']:.0f} | "
                f"{b['store_bytes'] / 1e6:,.0f} | {b['vectors_bytes'] / 1e6:,.0f} | "
                f"{b.get('lexical_bytes', 0) / 1e6:,.0f} |"
            )
        out.append("")
    return "\n".join(out)


def plot(data: dict[str, Any]) -> bool:
    rows = [data.get(f"latency_{label}") for label, _ in SIZES]
    rows = [r for r in rows if r]
    if not rows:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["in_process"]["passages"] for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label, style in (
        ("in_process", "in process, tuned p95", "o-"),
        ("in_process_default", "in process, default p95", "s--"),
        ("http", "HTTP, tuned p95", "^-"),
    ):
        ax1.plot(n, [r.get(key, {}).get("p95_ms", float("nan")) for r in rows], style, label=label)
    ax1.plot(n, [r["in_process"]["cpu_p95_ms"] for r in rows], "d:",
             label="CPU time per query, tuned p95")  # fmt: skip
    ax1.plot(n, [r["in_process"]["stages_p95_ms"]["bm25"] for r in rows], "x:",
             label="BM25 stage p95")  # fmt: skip
    ax1.axhline(50, color="grey", lw=0.8)
    ax1.axhline(150, color="grey", lw=0.8)
    ax1.set(xscale="log", yscale="log", xlabel="passages", ylabel="ms",
            title="/search hybrid latency (targets 50 / 150 ms)")  # fmt: skip
    ax1.legend(fontsize=7)
    for x, r in zip(n, rows, strict=True):
        ax1.annotate(f"{r['http']['p95_ms']:.0f}", (x, r["http"]["p95_ms"]), fontsize=7)
    rss = [r["http"]["rss_peak"] / 2**20 for r in rows]
    disk = [r["disk_bytes"] / 2**20 for r in rows]
    ax2.plot(n, rss, "o-", label="server peak RSS")
    ax2.plot(n, disk, "s--", label="index on disk")
    ax2.axhline(2048, color="grey", lw=0.8)
    for x, y in zip(n, rss, strict=True):
        ax2.annotate(f"{y:,.0f} MiB", (x, y), fontsize=7)
    ax2.set(xscale="log", yscale="log", xlabel="passages", ylabel="MiB",
            title="Memory and disk (target: RSS ≤ 2 GiB at 1M)")  # fmt: skip
    ax2.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(PLOT, dpi=110)
    return True


def write() -> None:
    data = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    block = f"{START}\n{tables(data)}\n{END}"
    if RESULTS_MD.exists() and START in RESULTS_MD.read_text():
        text = RESULTS_MD.read_text()
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1] if END in rest else ""
        RESULTS_MD.write_text(head + block + tail)
    else:
        RESULTS_MD.write_text(f"# Benchmark results\n\n{block}\n")
    plot(data)
