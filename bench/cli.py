"""`python -m bench SUBCOMMAND`: indexing, encoder, latency, real-scale, report, all, …"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".cache" / "bench"
RESULTS_JSON = ROOT / "bench" / "results.json"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

log = logging.getLogger("bench")


def index_dir(size: str) -> Path:
    return WORK / f"index-{size}"


def save_result(section: str, value: object) -> None:
    """Merge one section into bench/results.json, from which RESULTS.md is written."""
    data = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    data[section] = value
    RESULTS_JSON.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n")


def cmd_scale_corpus(args: argparse.Namespace) -> None:
    from bench.generator import generate, write_documents

    if args.files:
        folder = WORK / f"docs-{args.size}"
        count = write_documents(generate(SIZES[args.size], seed=args.seed), folder)
        print(f"wrote {count} documents ({args.size} passages) to {folder}")
        return
    from dataclasses import asdict

    from bench.scale_index import build_scale_index
    from indexer.embedding import Embedder
    from indexer.settings import Settings

    settings = Settings(index_dir=index_dir(args.size))
    embedder = Embedder(settings.model, settings.batch_size)
    if settings.index_dir.exists() and not args.force:
        print(f"{settings.index_dir} exists; --force to rebuild")
        return
    import shutil

    shutil.rmtree(settings.index_dir, ignore_errors=True)
    report = build_scale_index(
        settings, embedder, SIZES[args.size], WORK, seed=args.seed, kind=args.kind
    )
    result = asdict(report) | {"seconds": report.seconds}
    save_result(f"scale_index_{args.size}", result)
    print(json.dumps(result, indent=2))


def _current_format(folder: Path) -> bool:
    """Whether `folder` holds a published index in this code's format."""
    from indexer.snapshot import FORMAT_VERSION, IndexDir

    index = IndexDir(folder)
    if index.current_name() is None:
        return False
    return index.read_info(index.current(), verify="none").format_version == FORMAT_VERSION


def ensure_index(size: str, seed: int = 7) -> Path:
    folder = index_dir(size)
    # Another `scale-corpus` may still be writing this index: wait for it to publish.
    deadline = time.time() + 3600
    while list(folder.glob("versions/.draft-*")) and time.time() < deadline:
        time.sleep(10)
    if not _current_format(folder) or not (folder / "bench_vectors.npy").exists():
        cmd_scale_corpus(argparse.Namespace(size=size, files=False, seed=seed, kind=None,
                                            force=True))  # fmt: skip
    return folder


def cmd_latency(args: argparse.Namespace) -> None:
    from bench import latency

    for size in args.sizes:
        folder = ensure_index(size)
        n_queries = 30 if args.quick else args.queries
        result: dict[str, object] = {"size": size}
        if not args.skip_default:
            log.info("latency %s: in process (default: torch, default threads)", size)
            result["in_process_default"] = latency.in_process(folder, args.runs, n_queries)
        log.info("latency %s: in process (%s, %s threads)", size, args.backend, args.threads)
        result["in_process"] = latency.in_process(
            folder, args.runs, n_queries, args.backend, args.threads
        )
        log.info("latency %s: ANN recall", size)
        result["ann"] = latency.ann_recall(folder, None)
        log.info("latency %s: HTTP", size)
        result["http"] = latency.http(
            folder, args.runs, n_queries, args.concurrency, args.load_requests,
            args.backend, args.threads,
        )  # fmt: skip
        result["disk_bytes"] = sum(
            f.stat().st_size for f in (folder / "versions").rglob("*") if f.is_file()
        ) // max(1, len(list((folder / "versions").glob("v*"))))
        save_result(f"latency_{size}", result)
        print(json.dumps(result, indent=2, default=str))


def cmd_indexing(args: argparse.Namespace) -> None:
    from bench import indexing

    generated, kent = (500, "2") if args.quick else (args.generated, args.kent)
    folders = indexing.make_corpus(
        WORK / "indexing", generated, None if kent == "all" else int(kent)
    )
    names = [str(f.resolve().relative_to(ROOT.parent.resolve())) if f.resolve().is_relative_to(
        ROOT.parent.resolve()) else str(f) for f in folders]  # fmt: skip
    result = indexing.throughput(
        folders,
        args.runs,
        lambda partial: save_result("indexing", partial | {"folders": names}),
        quick=args.quick,
        only=args.configs,
    )
    result["folders"] = names
    save_result("indexing", result)
    print(json.dumps({k: v for k, v in result.items() if k != "configs"}, indent=2))
    for name, c in result["configs"].items():
        print(name, {k: v for k, v in c.items() if k != "runs"})
    if not args.no_recall:
        recall = indexing.dev_recall(WORK / "indexing")
        save_result("dev_recall", recall)
        print(json.dumps(recall, indent=2))


def cmd_real_scale(args: argparse.Namespace) -> None:
    from bench import indexing

    result = indexing.real_scale(
        WORK / "real-scale", args.passages, every_s=args.every, kent=not args.no_kent
    )
    save_result(f"real_scale_{args.passages}", result)
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=2))


def cmd_encoder(args: argparse.Namespace) -> None:
    from bench import encoder, indexing

    folders = indexing.make_corpus(WORK / "indexing", 0, args.kent)
    texts = encoder.real_inputs(folders, args.passages)
    try:
        layouts = [encoder.parse_layout(spec) for spec in args.layouts]
    except ValueError as exc:
        raise SystemExit(f"bench encoder: {exc}") from None
    result = encoder.sweep(texts, args.batch_sizes, layouts, args.groups, args.rounds)
    save_result("encoder", result)
    for row in result["rows"]:
        print(row)


def cmd_report(args: argparse.Namespace) -> None:
    from bench import report

    report.write()
    print(f"wrote {report.RESULTS_MD} and {report.PLOT}")


def all_steps(quick: bool, runs: int) -> list[list[str]]:
    """The command lines `all` runs, in order. They go through the same parser as typed
    ones, so every option a sub-command gains has its default here too (namespaces built
    by hand had missed `indexing --configs`, and `make bench` failed at its first step)."""
    sizes = ["10k", "100k"] if quick else list(SIZES)
    flag = ["--quick"] if quick else []
    return [
        # The measure: seeds + the whole Kent archive, end to end.
        ["indexing", "--kent", "all", "--runs", str(runs), *flag],
        ["latency", "--sizes", *sizes, "--runs", str(runs), "--concurrency", "4",
         "--backend", "onnx-int8", "--threads", "1",
         "--load-requests", "40" if quick else "120", *flag],
        # Real text embedded by the indexer: 100k passages (about 15 min idle), 10k quick.
        ["real-scale", "--passages", "10000" if quick else "100000", "--every", "30"],
        ["report"],
    ]  # fmt: skip


def cmd_all(args: argparse.Namespace) -> None:
    """Everything, in an order that keeps each step's inputs ready; `--quick`: minutes."""
    parser = build_parser()
    for argv in all_steps(args.quick, args.runs):
        step = parser.parse_args(argv)
        step.func(step)


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command with its options (`main` and `all` both parse with it)."""
    from bench.indexing import CONFIGS

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("scale-corpus", help="generate an archive: files, or straight into an index")
    p.add_argument("--size", choices=SIZES, default="10k")
    p.add_argument("--files", action="store_true", help="write .txt files + manifest.csv")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--kind", choices=["flat", "hnsw", "ivf_sq8"], default=None)
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_scale_corpus)

    p = sub.add_parser("latency", help="/search latency, ANN recall, memory")
    p.add_argument("--sizes", nargs="+", choices=SIZES, default=list(SIZES))
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--queries", type=int, default=None, help="first N queries (default all)")
    p.add_argument("--backend", default="onnx-int8", help="query embedder of the tuned setup")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--load-requests", type=int, default=120, help="requests per load run")
    p.add_argument("--skip-default", action="store_true", help="only the tuned setup")
    p.add_argument("--quick", action="store_true")
    p.set_defaults(func=cmd_latency)

    p = sub.add_parser("indexing", help="passages/s of the indexer vs the eval baseline")
    p.add_argument("--generated", type=int, default=0, help="generated passages as files")
    p.add_argument("--kent", default="all", help="Kent PDFs to include: a number, or all")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--no-recall", action="store_true")
    p.add_argument(
        "--configs",
        nargs="+",
        choices=CONFIGS,
        help="pipelines to run beside the baseline (default: all)",
    )
    p.set_defaults(func=cmd_indexing)

    p = sub.add_parser("encoder", help="encoder batch size, workers x threads and group size")
    p.add_argument("--passages", type=int, default=1024, help="real passages encoded per run")
    p.add_argument("--kent", type=int, default=20, help="Kent PDFs to read them from")
    p.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 2, 4, 16, 32])
    p.add_argument(
        "--layouts",
        nargs="+",
        default=["2x1", "1x2", "1x1"],
        help="WORKERSxTHREADS: batches encoded at once x intra-op threads each",
    )
    p.add_argument("--groups", type=int, nargs="+", default=[256])
    p.add_argument("--rounds", type=int, default=3)
    p.set_defaults(func=cmd_encoder)

    p = sub.add_parser("real-scale", help="a long build of real text: throughput, RSS, recall")
    p.add_argument("--passages", type=int, default=100_000)
    p.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    p.add_argument("--no-kent", action="store_true", help="generated minutes only")
    p.set_defaults(func=cmd_real_scale)

    p = sub.add_parser("report", help="write bench/RESULTS.md and cost_growth.png")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("all", help="indexing, latency and memory at every size, then report")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--quick", action="store_true", help="10k and 100k, small corpora")
    p.set_defaults(func=cmd_all)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command as the product's command lines run theirs
    (`indexer.cli.run_command`): a refused `SCRUTINY_` setting or a domain error is one
    message and status 2, not a traceback. Logged lines carry the time of day."""
    from indexer.cli import run_command

    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(message)s",
    )
    return run_command(args, _timed)


def _timed(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    args.func(args)
    log.info("done in %.1f s", time.perf_counter() - started)
    return 0
