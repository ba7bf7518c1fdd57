"""`python -m eval run ...`: score retrieval configurations (and /ask) on question files."""

from __future__ import annotations

import argparse
import logging
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from eval.answers import AskClient, AskUnavailableError, collect_answers, find_app, score_answers
from eval.documents import corpus_files, manifest_dates
from eval.questions import load_questions
from eval.report import (
    format_answer_table,
    format_group_table,
    format_kind_table,
    format_table,
    write_outputs,
)
from eval.runner import run_eval
from eval.searchers import ENGINE_MODES, ArchiveSearcher, Searcher, open_engine

__all__ = ["main"]

log = logging.getLogger("eval")

ALL_MODES = (*ENGINE_MODES, "baseline")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="score configurations side by side")
    r.add_argument(
        "--questions", nargs="+", action="extend", required=True, type=Path, metavar="FILE"
    )
    r.add_argument(
        "--mode",
        default=",".join(ALL_MODES),
        help="comma-separated configurations among " + ", ".join(ALL_MODES) + " (default: all)",
    )
    r.add_argument(
        "--json", type=Path, metavar="PATH", help="results JSON (default OUT/results.json)"
    )
    r.add_argument("--out-dir", type=Path, default=Path("data/eval"), metavar="DIR")
    r.add_argument("--index", type=Path, metavar="DIR", help="engine index (default: settings)")
    r.add_argument(
        "--corpus", nargs="+", type=Path, metavar="DIR", help="corpus folders (default: settings)"
    )
    r.add_argument(
        "--split",
        choices=("tune", "test"),
        help="only the questions of this split (default: every question of the files)",
    )
    r.add_argument("-k", type=int, default=10, help="passages per query (default 10)")
    r.add_argument("--no-build", action="store_true", help="do not build a missing engine index")
    ask = r.add_mutually_exclusive_group()
    ask.add_argument("--ask-url", metavar="URL", help="score answers from a running server")
    ask.add_argument("--ask-app", metavar="MODULE:ATTR", help="score answers in process")
    ask.add_argument("--no-answers", action="store_true", help="skip answer metrics")
    r.add_argument("-v", "--verbose", action="store_true")
    return p


def _run(args: argparse.Namespace) -> int:
    from indexer.settings import Settings

    overrides: dict[str, object] = {}
    if args.corpus:
        overrides["corpus"] = ":".join(str(c) for c in args.corpus)
    if args.index:
        overrides["index_dir"] = args.index
    settings = Settings(**overrides)  # type: ignore[arg-type]
    corpus_dirs = settings.corpus_dirs

    modes = [m.strip() for m in args.mode.split(",") if m.strip()]
    unknown = [m for m in modes if m not in ALL_MODES]
    if unknown:
        print(f"unknown mode(s) {unknown}; choose among {', '.join(ALL_MODES)}", file=sys.stderr)
        return 2

    questions = load_questions(args.questions)
    if args.split:
        questions = [q for q in questions if q.split == args.split]
        if not questions:
            named = ", ".join(str(p) for p in args.questions)
            print(f"no {args.split} questions in {named}", file=sys.stderr)
            return 2
    notes: list[str] = []
    searchers: list[Searcher] = []

    engine_modes = [m for m in modes if m in ENGINE_MODES]
    engine = None
    if engine_modes:
        try:
            engine = open_engine(settings, build_if_missing=not args.no_build)
        except ImportError as exc:
            notes.append(f"{', '.join(engine_modes)} skipped: the archive is not available ({exc})")
        else:
            searchers += [ArchiveSearcher(engine, m) for m in engine_modes]

    meta: dict[str, object] = {
        "questions_files": [str(p) for p in args.questions],
        "corpus": [str(d) for d in corpus_dirs],
        "model": settings.model_path,
    }
    if "baseline" in modes:
        from eval.baseline import BaselineSearcher, build_baseline

        files = corpus_files(corpus_dirs)
        log.info("building baseline over %d files", len(files))
        bidx = build_baseline(files, settings.model_path)
        for path, reason in bidx.failed:
            notes.append(f"baseline could not read {path}: {reason}")
        meta["baseline"] = {
            "files": len(files),
            "chunks": len(bidx.chunks),
            "chars": bidx.chars,
            "build_s": round(bidx.timings.total_s, 2),
        }
        searchers.append(BaselineSearcher(bidx))

    if not searchers:
        print("nothing to run:\n  " + "\n  ".join(notes), file=sys.stderr)
        return 2

    dates = manifest_dates(corpus_dirs)
    report = run_eval(questions, searchers, dates, k=args.k)
    report.notes = notes
    report.meta = meta

    if not args.no_answers:
        try:
            if args.ask_url:
                app = None
            else:
                if engine is None:
                    engine = open_engine(settings, build_if_missing=not args.no_build)
                app = find_app(args.ask_app, settings=settings, archive=engine)
            with AskClient(base_url=args.ask_url, app=app) as client:
                responses, latencies = collect_answers(client, questions)
            report.answers = score_answers(questions, responses, latencies, dates)
        except ImportError as exc:
            report.notes.append(f"answer metrics skipped: the engine or API is missing ({exc})")
        except AskUnavailableError as exc:
            report.notes.append(f"answer metrics skipped: {exc}")

    command = "python -m eval run " + shlex.join(sys.argv[2:] if len(sys.argv) > 2 else [])
    paths = write_outputs(report, args.out_dir, args.json, command=command)

    print(format_table(report))
    print()
    print(format_group_table(report, "split"))
    print()
    print(format_kind_table(report))
    if report.answers is not None:
        print()
        print(format_answer_table(report))
    for n in report.notes:
        print(f"note: {n}")
    print(f"\nwrote {paths['json']}, {paths['report']} and TREC files in {paths['trec']}/")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`eval run`: a domain error or a refused setting is one message and status 2, as in
    the product's command lines (`indexer.cli.run_command`)."""
    from indexer.cli import run_command

    args = _parser().parse_args(argv)
    if args.command != "run":
        return 2
    return run_command(args, _run)
