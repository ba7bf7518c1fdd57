"""Command line: build, add, remove, check, stats and search.

Expected failures print one message and exit with status 2; files that could not be
indexed are listed on stderr while the rest of the corpus is indexed (status 0, or 1
with --strict).
"""

from __future__ import annotations

import argparse
import logging
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from .builder import BuildReport, Indexer
from .engine import SearchEngine, check_index
from .errors import ScrutinyError
from .models import Hit, SearchFilters
from .settings import Settings


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from the environment, overridden by whichever options the command took."""
    overrides: dict[str, object] = {}
    for name in ("host", "port", "model"):
        if getattr(args, name, None) is not None:
            overrides[name] = getattr(args, name)
    if getattr(args, "index", None):
        overrides["index_dir"] = Path(args.index)
    if getattr(args, "corpus", None):
        overrides["corpus"] = ":".join(args.corpus)
    return Settings(**overrides)  # type: ignore[arg-type]


def add_index_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--index", help="index folder (default: SCRUTINY_INDEX_DIR or data/index)")
    sp.add_argument("--model", help="embedding model (default: SCRUTINY_MODEL)")


def _print_report(report: BuildReport, strict: bool) -> int:
    for path, reason in report.failed:
        print(f"error: {path}: {reason}", file=sys.stderr)
    state = f"published version {report.version}" if report.version else "index already up to date"
    print(f"{report.summary()}; {state}")
    return 1 if strict and report.failed else 0


def format_citation(hit: Hit) -> str:
    c = hit.citation
    parts = [
        c.meeting_date.isoformat() + (" (approx.)" if c.date_approximate else "")
        if c.meeting_date
        else "undated",
        c.committee or c.council or "",
        f"item {c.item}" + (f" {c.item_title}" if c.item_title else "") if c.item else "",
        f"para {c.paragraph}" if c.paragraph else "",
        f"p. {c.page}" if c.page else "",
    ]
    line = " · ".join(p for p in parts if p)
    others = [s.document_id for s in c.sources[1:]]
    also = f" (also in {', '.join(others)})" if others else ""
    return f"{line}\n    {c.title or c.document_id} [{c.document_id}]{also}"


def _print_hits(hits: Sequence[Hit]) -> None:
    if not hits:
        print("No passages found.")
    for rank, hit in enumerate(hits, 1):
        print(f"{rank:>2}. [{hit.score:.4f}] {format_citation(hit)}")
        body = textwrap.shorten(hit.text, 400, placeholder=" …")
        print(textwrap.indent(textwrap.fill(body, 96), "    "))
        print()


def _iso_date(value: str) -> date:
    try:
        if len(value) == 4:
            return date(int(value), 1, 1)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY or YYYY-MM-DD): {value!r}") from exc


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m indexer", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="index corpus folders (incremental: unchanged files skip)")
    b.add_argument("corpus", nargs="*", help="corpus folders (default: SCRUTINY_CORPUS)")
    b.add_argument("--rebuild", action="store_true", help="start from an empty index")
    b.add_argument("--strict", action="store_true", help="exit 1 if any file failed")
    b.add_argument(
        "--ray",
        metavar="ADDRESS",
        help="read and embed on a Ray cluster: 'local' (this machine), 'auto', or host:port "
        "(needs pip install '.[ray]')",
    )
    b.add_argument("--ray-actors", type=int, metavar="N", help="embedding actors (default: 1/CPU)")
    b.add_argument(
        "--staging", metavar="URI", help="shard folder every Ray node can reach (NFS or s3://)"
    )
    add_index_options(b)

    a = sub.add_parser("add", help="add or update documents (files or folders)")
    a.add_argument("paths", nargs="+")
    a.add_argument("--strict", action="store_true")
    add_index_options(a)

    r = sub.add_parser("remove", help="remove documents by id or path")
    r.add_argument("documents", nargs="+")
    add_index_options(r)

    s = sub.add_parser("stats", help="what the index holds")
    add_index_options(s)

    c = sub.add_parser("check", help="verify every index file whole (hashes, SQLite pages)")
    add_index_options(c)

    q = sub.add_parser("search", help="print ranked, cited passages")
    q.add_argument("query")
    q.add_argument("-k", type=int, default=10)
    q.add_argument("--mode", choices=["dense", "lexical", "hybrid"], default="hybrid")
    q.add_argument("--committee")
    q.add_argument("--doc-type")
    q.add_argument("--from", dest="date_from", type=_iso_date)
    q.add_argument("--to", dest="date_to", type=_iso_date)
    add_index_options(q)
    return p


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if args.command == "build":
        corpora = [Path(c) for c in args.corpus] or settings.corpus_dirs
        indexer = Indexer(settings)
        if args.ray:
            # Imported only when asked for: the default build needs no Ray installed.
            from .distributed import RayOptions, RayParseAndEmbed

            options = RayOptions(address=args.ray, actors=args.ray_actors, staging=args.staging)
            indexer = Indexer(settings, strategy=RayParseAndEmbed(options))
        report = indexer.build(corpora, rebuild=args.rebuild, progress=True)
        return _print_report(report, args.strict)
    if args.command == "add":
        report = Indexer(settings).add([Path(p) for p in args.paths], progress=True)
        return _print_report(report, args.strict)
    if args.command == "remove":
        return _print_report(Indexer(settings).remove(args.documents), False)
    if args.command == "check":
        version = check_index(settings)
        print(f"ok: {version} (every file hashed whole, SQLite integrity checked)")
        return 0

    engine = SearchEngine.open(settings)
    if args.command == "stats":
        info = engine.snapshot.info
        print(f"index      {settings.index_dir} (version {engine.snapshot.version})")
        print(f"model      {info.model} ({info.dim} dimensions, {info.vector_kind} vectors)")
        print(f"documents  {info.documents}")
        print(f"passages   {info.passages}")
        print(f"corpora    {', '.join(info.corpora) or '-'}")
        print(f"built      {info.created_at} by scrutiny-search {info.package_version}")
        for corpus, path, reason in engine.snapshot.store.failures():
            print(f"failed     {Path(corpus) / path}: {reason}")
        return 0
    if args.k < 1 or args.k > 1000:
        raise ScrutinyError("-k must be between 1 and 1000")
    filters = SearchFilters(
        committee=args.committee, doc_type=args.doc_type,
        date_from=args.date_from, date_to=args.date_to,
    )  # fmt: skip
    _print_hits(engine.search(args.query, args.k, args.mode, filters))
    return 0


def run_command(
    args: argparse.Namespace, command: Callable[[argparse.Namespace], int], interrupted: str = ""
) -> int:
    """Run a parsed command: expected failures become one message and exit status 2."""
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return command(args)
    except ScrutinyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted{interrupted}", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(parser().parse_args(argv), run, "; the previous index version is still live")


if __name__ == "__main__":
    sys.exit(main())
