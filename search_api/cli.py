"""Command line: `serve` (index the corpus, then run the API and page) and `ask`.

`serve` first brings the index up to date with the corpus folders (incremental: an
unchanged corpus publishes nothing and takes a moment), then serves on settings.host and
settings.port. Expected failures print one message and exit with status 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.errors import ScrutinyError
from indexer.settings import Settings

from .schemas import AskRequest

__all__ = ["main", "parser"]


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    for name in ("host", "port", "model"):
        if getattr(args, name, None) is not None:
            overrides[name] = getattr(args, name)
    if getattr(args, "index", None):
        overrides["index_dir"] = Path(args.index)
    if getattr(args, "corpus", None):
        overrides["corpus"] = ":".join(args.corpus)
    return Settings(**overrides)  # type: ignore[arg-type]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m search_api", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--index", help="index folder (default: SCRUTINY_INDEX_DIR or data/index)")
        sp.add_argument("--model", help="embedding model (default: SCRUTINY_MODEL)")

    s = sub.add_parser("serve", help="index the corpus (incrementally) and serve the API and page")
    s.add_argument("corpus", nargs="*", help="corpus folders (default: SCRUTINY_CORPUS)")
    s.add_argument("--host", help="default: SCRUTINY_HOST or 127.0.0.1")
    s.add_argument("--port", type=int, help="default: SCRUTINY_PORT or 8000")
    s.add_argument("--no-build", action="store_true", help="serve the index as it is")
    common(s)

    a = sub.add_parser("ask", help="print a cited answer to a question")
    a.add_argument("question")
    a.add_argument("-k", type=int, default=8)
    a.add_argument("--json", action="store_true", help="print the API's JSON")
    common(a)
    return p


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    settings = _settings(args)
    # One model for the build and the server: loading it is most of a no-op build's time.
    embedder = Embedder(settings.model, settings.batch_size)
    if not args.no_build:
        print(f"Indexing {', '.join(map(str, settings.corpus_dirs))} into {settings.index_dir} …")
        report = Indexer(settings, embedder).build(settings.corpus_dirs, progress=True)
        for path, reason in report.failed:
            print(f"warning: skipped {path}: {reason}", file=sys.stderr)
        state = f"published version {report.version}" if report.version else "already up to date"
        print(f"{report.summary()}; {state}")
    print(f"Scrutiny Search on http://{settings.host}:{settings.port}/  (API docs: /docs)")
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
    response = ScrutinyService.open(_settings(args)).ask(request)
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
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return serve(args) if args.command == "serve" else ask(args)
    except ScrutinyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
