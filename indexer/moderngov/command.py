"""The `moderngov` subcommand: its options and how a run turns into an exit status."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from indexer.errors import ScrutinyError
from indexer.moderngov.client import ClientOptions
from indexer.moderngov.sync import SyncOptions, sync
from indexer.settings import Settings


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `moderngov` to the indexer's subcommands."""
    m = sub.add_parser(
        "moderngov",
        help="import a committee's papers and minutes from the council's ModernGov site",
        description="Fetch a committee's meetings from a ModernGov site (its web service, "
        "or its meeting pages when that is off) into a corpus folder with manifest.csv. "
        "Run again, it fetches only what is new or changed. Exit status: 0 all fetched, "
        "1 some failures (listed), 2 usage.",
    )
    m.add_argument("site", metavar="SITE_URL", help="e.g. https://democracy.kent.gov.uk")
    m.add_argument(
        "--committee",
        action="append",
        required=True,
        metavar="NAME_OR_ID",
        help="committee title (or a unique part of it) or id; repeat for several",
    )
    m.add_argument(
        "--from",
        dest="date_from",
        type=_day,
        metavar="YYYY-MM-DD",
        help="first meeting date (default: a year ago)",
    )
    m.add_argument(
        "--to",
        dest="date_to",
        type=_day,
        metavar="YYYY-MM-DD",
        help="last meeting date (default: 6 months ahead)",
    )
    m.add_argument("--council", help="council name for the manifest, e.g. 'Kent County Council'")
    m.add_argument("--corpus", required=True, metavar="DIR", help="corpus folder to write into")
    m.add_argument(
        "--contact",
        help="e-mail or URL sent in the User-Agent (default: SCRUTINY_MODERNGOV_CONTACT)",
    )
    m.add_argument(
        "--rate",
        type=float,
        help="requests per second at most (default: SCRUTINY_MODERNGOV_RATE, 1)",
    )
    m.add_argument("--timeout", type=float, default=30.0, help="seconds per request (30)")
    m.add_argument("--retries", type=int, default=3, help="retries on 5xx and timeouts (3)")
    m.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    """Run the import; print failures, withdrawn documents and the summary line."""
    if args.timeout <= 0 or args.retries < 0 or (args.rate is not None and args.rate < 0):
        raise ScrutinyError("--timeout must be above 0, --retries and --rate 0 or more")
    settings = Settings()
    today = date.today()
    rate = args.rate if args.rate is not None else settings.moderngov_rate
    options = SyncOptions(
        site=args.site,
        committees=args.committee,
        corpus=Path(args.corpus),
        date_from=args.date_from or today - timedelta(days=365),
        date_to=args.date_to or today + timedelta(days=183),
        council=args.council,
        client=ClientOptions(
            contact=args.contact or settings.moderngov_contact,
            rate=rate,
            timeout=args.timeout,
            retries=args.retries,
        ),
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    report = sync(options)
    for line in report.withdrawn:
        print(f"withdrawn: {line}", file=sys.stderr)
    for line in report.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in report.same_paper:
        print(f"note: {line}", file=sys.stderr)
    for line in report.failures:
        print(f"error: {line}", file=sys.stderr)
    print(f"moderngov: {report.summary()}")
    return report.exit_status
