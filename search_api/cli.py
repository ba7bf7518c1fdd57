"""Command line: `serve` (index the corpus, then run the API and page), `search`, `ask` and
`briefing` (a cited briefing note as Markdown, DOCX or JSON).

`serve` first brings the index up to date with the corpus folders (incremental: an
unchanged corpus publishes nothing and takes a moment), then serves on settings.host and
settings.port. Expected failures print one message and exit with status 2.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
import textwrap
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from indexer.builder import Indexer
from indexer.cli import add_index_options, run_command, settings_from_args
from indexer.embedding import Embedder
from indexer.errors import ScrutinyError
from indexer.models import Hit

from .briefing import BriefingFormat
from .http.schemas import AskRequest

__all__ = ["main", "parser"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m search_api", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="index the corpus (incrementally) and serve the API and page")
    s.add_argument("corpus", nargs="*", help="corpus folders (default: SCRUTINY_CORPUS)")
    s.add_argument("--host", help="default: SCRUTINY_HOST or 127.0.0.1")
    s.add_argument("--port", type=int, help="default: SCRUTINY_PORT or 8000")
    s.add_argument("--no-build", action="store_true", help="serve the index as it is")
    add_index_options(s)

    q = sub.add_parser(
        "search",
        help="print ranked, cited passages (what GET /search returns)",
        description="Ranked, cited passages: the same call as GET /search with the same "
        "parameters; --json prints that route's JSON.",
    )
    q.add_argument("query")
    q.add_argument("-k", type=int, default=10, help="passages to return (1-100)")
    q.add_argument("--mode", choices=["dense", "lexical", "hybrid"], default="hybrid")
    q.add_argument("--committee", help="exact committee name")
    q.add_argument("--doc-type", dest="doc_type", help="exact document type")
    q.add_argument("--from", dest="date_from", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    q.add_argument("--to", dest="date_to", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    q.add_argument("--json", action="store_true", help="print the API's JSON")
    add_index_options(q)

    a = sub.add_parser("ask", help="print a cited answer to a question")
    a.add_argument("question")
    a.add_argument("-k", type=int, default=8)
    a.add_argument("--json", action="store_true", help="print the API's JSON")
    add_index_options(a)

    b = sub.add_parser(
        "briefing",
        help="write a cited briefing note on a topic",
        description="Write a cited briefing note: scope, summary, timeline, actions, "
        "references. The format is --format, else the --out extension (.md, .docx, .json).",
    )
    b.add_argument("topic")
    b.add_argument("--from", dest="date_from", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    b.add_argument("--to", dest="date_to", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    b.add_argument("--committee", help="exact committee name")
    b.add_argument("--doc-type", dest="doc_type", help="exact document type")
    b.add_argument("-k", type=int, default=12, help="passages to draw on (1-50)")
    b.add_argument("--format", choices=["markdown", "md", "docx", "json"])
    b.add_argument("--out", help="file to write (default: Markdown or JSON to stdout)")
    b.add_argument(
        "--no-generated-at", action="store_true",
        help="leave out the generation time: the same index and request give the same bytes",
    )  # fmt: skip
    b.add_argument(
        "--base-url", default="",
        help="server address for source links (default: relative /documents/... links)",
    )  # fmt: skip
    add_index_options(b)
    return p


_FORMATS: dict[str, BriefingFormat] = {
    "markdown": "markdown", "md": "markdown", "docx": "docx", "json": "json",
}  # fmt: skip
_FORMAT_BY_SUFFIX: dict[str, BriefingFormat] = {
    ".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".json": "json",
}  # fmt: skip


def date_bound(text: str | None, end: bool) -> date | None:
    """'2018' → 1 January 2018 (or 31 December as an end); '2018-11' → its first or last
    day; a full ISO date as it is."""
    if not text:
        return None
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return date(year, 12, 31) if end else date(year, 1, 1)
        if re.fullmatch(r"\d{4}-\d{1,2}", value):
            year, month = (int(v) for v in value.split("-"))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ScrutinyError(
            f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"
        ) from exc


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


def search(args: argparse.Namespace) -> int:
    """Ranked passages for a query, by the same call `/search` makes."""
    from pydantic import ValidationError

    from .http.schemas import SearchQuery
    from .service import ScrutinyService

    try:
        query = SearchQuery(
            q=args.query, k=args.k, mode=args.mode, committee=args.committee,
            doc_type=args.doc_type, date_from=date_bound(args.date_from, end=False),
            date_to=date_bound(args.date_to, end=True),
        )  # fmt: skip
    except ValidationError as exc:
        raise ScrutinyError(
            "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        ) from exc
    response = ScrutinyService.open(settings_from_args(args)).search(query)
    if args.json:
        print(response.model_dump_json(indent=2))
        return 0
    _print_hits(response.hits)
    return 0


def briefing(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from .briefing import BriefingBuilder, BriefingRequest
    from .briefing_render import render
    from .service import ScrutinyService

    out = Path(args.out) if args.out else None
    fmt: BriefingFormat | None = _FORMATS.get(args.format) if args.format else None
    if fmt is None and out is not None:
        fmt = _FORMAT_BY_SUFFIX.get(out.suffix.lower())
        if fmt is None:
            raise ScrutinyError(
                f"cannot tell the format from {out.name!r}: use .md, .docx or .json, "
                "or give --format"
            )
    fmt = fmt or "markdown"
    if fmt == "docx" and out is None:
        raise ScrutinyError("a DOCX briefing needs a file: give --out briefing.docx")
    try:
        request = BriefingRequest(
            topic=args.topic,
            date_from=date_bound(args.date_from, end=False),
            date_to=date_bound(args.date_to, end=True),
            committee=args.committee,
            doc_type=args.doc_type,
            k=args.k,
            format=fmt,
            generated_at=not args.no_generated_at,
        )
    except ValidationError as exc:
        raise ScrutinyError(
            "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        ) from exc
    service = ScrutinyService.open(settings_from_args(args))
    data = render(BriefingBuilder(service, args.base_url).build(request), request.format)
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"Wrote {out} ({len(data)} bytes)", file=sys.stderr)
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    settings = settings_from_args(args)
    # One model for the build and the server: loading it is most of a no-op build's time.
    embedder = Embedder.from_settings(settings)
    if not args.no_build:
        print(f"Indexing {', '.join(map(str, settings.corpus_dirs))} into {settings.index_dir} …")
        report = Indexer(settings, embedder).build(settings.corpus_dirs, progress=True)
        for path, reason in report.failed:
            print(f"warning: skipped {path}: {reason}", file=sys.stderr)
        state = f"published version {report.version}" if report.version else "already up to date"
        print(f"{report.summary()}; {state}")
    print(f"Scrutiny Search on http://{settings.host}:{settings.port}/  (API docs: /docs)")
    embedder.serve_one_thread()
    app = create_app(settings, embedder=embedder)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    return 0


def ask(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from .service import ScrutinyService

    try:
        request = AskRequest(question=args.question, k=args.k)
    except ValidationError as exc:
        raise ScrutinyError("; ".join(e["msg"] for e in exc.errors())) from exc
    response = ScrutinyService.open(settings_from_args(args)).ask(request)
    if args.json:
        print(response.model_dump_json(indent=2))
        return 0
    print(textwrap.fill(response.answer, 96))
    print()
    for c in response.citations:
        where = c.citation
        print(
            f"[{c.n}] {where.meeting_date or 'undated'} · {where.committee or ''} · "
            f"item {where.item or '-'} · para {where.paragraph or '-'} · {where.document_id}"
        )
    for h in response.related:
        print(f"related: {h.citation.meeting_date or 'undated'} · {h.citation.document_id}: "
              f"{textwrap.shorten(h.text, 120)}")  # fmt: skip
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    commands = {"serve": serve, "search": search, "ask": ask, "briefing": briefing}
    args = parser().parse_args(argv)
    return run_command(args, commands[args.command])


if __name__ == "__main__":
    sys.exit(main())
