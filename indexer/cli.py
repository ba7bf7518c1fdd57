"""Command line: build, add, remove, check, stats and moderngov (import a council's site).

Searching is `python -m search_api search`: the read side lives there.

Expected failures print one message and exit with status 2; files that could not be
indexed are listed on stderr while the rest of the corpus is indexed (status 0, or 1
with --strict).
"""

from __future__ import annotations

import argparse
import calendar
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from .builder import BuildReport, Indexer
from .errors import ScrutinyError
from .settings import Settings
from .snapshot import STORE_FILE, IndexDir
from .store import PassageStore
from .verify import check_index


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
    """The --index/--model options every index-reading subcommand shares."""
    sp.add_argument("--index", help="index folder (default: SCRUTINY_INDEX_DIR or data/index)")
    sp.add_argument("--model", help="embedding model (default: SCRUTINY_MODEL)")


def _print_report(report: BuildReport, strict: bool) -> int:
    for path, reason in report.failed:
        print(f"error: {path}: {reason}", file=sys.stderr)
    for path, note in report.same_paper:
        print(f"note: {path}: {note}", file=sys.stderr)
    state = f"published version {report.version}" if report.version else "index already up to date"
    print(f"{report.summary()}; {state}")
    return 1 if strict and report.failed else 0


def parser() -> argparse.ArgumentParser:
    """The `python -m indexer` parser: build, add, remove, stats, check and moderngov."""
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

    from .moderngov import command as moderngov

    moderngov.add_parser(sub)
    return p


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; returns the exit code. Ray is imported only for --ray builds."""
    if args.command == "moderngov":
        from .moderngov import command as moderngov

        return moderngov.run(args)
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

    if args.command == "stats":
        return _print_stats(settings)
    raise AssertionError(f"unhandled command {args.command!r}")


def _print_stats(settings: Settings) -> int:
    """What the live version holds, read from its files alone (no model is loaded)."""
    index_dir = IndexDir(settings.index_dir)
    version = index_dir.current()
    info = index_dir.read_info(version)
    print(f"index      {settings.index_dir} (version {version.name})")
    print(f"model      {info.model} ({info.dim} dimensions, {info.vector_kind} vectors)")
    print(f"documents  {info.documents}")
    print(f"passages   {info.passages}")
    print(f"corpora    {', '.join(info.corpora) or '-'}")
    if info.year_end is not None:  # an index built before it was recorded reads it on open
        month, day = info.year_end
        print(f"year end   {day} {calendar.month_name[month]}")
    if info.date_order is not None:  # likewise
        print(
            f"dates      {info.date_order} first"
            if info.date_order != "unsettled"
            else "dates      in figures: order unsettled (dated by year)"
        )
    print(f"built      {info.created_at} by scrutiny-search {info.package_version}")
    store = PassageStore(version / STORE_FILE, readonly=True)
    try:
        for corpus, path, reason in store.failures():
            print(f"failed     {Path(corpus) / path}: {reason}")
        for (corpus, path), (note, _) in sorted(store.same_papers().items()):
            print(f"note       {Path(corpus) / path}: {note}")
    finally:
        store.close()
    return 0


def setting_problems(exc: ValidationError) -> list[str]:
    """One line per setting `Settings` refused, named as it is set (`SCRUTINY_YEAR_END`),
    with pydantic's reason: a mistyped environment variable is the user's to fix, not a
    traceback to read."""
    prefix = str(Settings.model_config.get("env_prefix", ""))
    lines = []
    for error in exc.errors():
        name = prefix + "_".join(str(part) for part in error["loc"]).upper()
        reason = error["msg"].removeprefix("Value error, ")
        lines.append(f"setting {name}={error['input']!r}: {reason}")
    return lines


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
    except ValidationError as exc:
        if exc.title != Settings.__name__:
            raise
        for problem in setting_problems(exc):
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted{interrupted}", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point: a domain error becomes one message and exit status 2, not a traceback."""
    return run_command(parser().parse_args(argv), run, "; the previous index version is still live")


if __name__ == "__main__":
    sys.exit(main())
