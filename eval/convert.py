"""`python -m eval.convert`: a PDF archive as a council's converted-text archive would arrive.

Another council's minutes reach us as text converted from PDFs by a PDF-to-Markdown tool:
`#` headings, `**bold**` and `***bold italic***` runs, pipe tables, every wrapped line
kept, a rule between pages. We had only measured ourselves on text our own PDF reader
produces. This converts a PDF archive folder (manifest.csv + PDFs) with pymupdf4llm (an
evaluation-only dependency, extra `dev`) into a folder of `.md` files under the same
relative paths, with a manifest carrying the same metadata (council, committee, date,
doc type, title, source URL) plus `converted_from`, the original PDF's path, so gold
quotes whose `found_in` names the PDF still resolve (see `eval.documents`).

Pages are joined by a Markdown thematic break (`-----`), as the page-per-chunk output of
such converters is usually joined; the converter's own page text is kept as it is (no
cleaning here: cleaning is what the indexer must do). A file whose conversion fails is
reported and left out, like a file a council could not convert. A converted file is
reused while its PDF's content hash and the converter's version are those recorded when it
was written (`SOURCES_NAME`), so a re-run is quick even when the archive was copied again
with new times; a file converted before that record existed is reused while newer than its
PDF, and recorded.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.documents import CONVERTED_FROM
from indexer.ingest.manifest import MANIFEST_COLUMNS, MANIFEST_NAME

__all__ = [
    "CONVERTED_FROM",
    "PAGE_SEPARATOR",
    "SOURCES_NAME",
    "ConvertReport",
    "convert_archive",
    "convert_pdf",
]

log = logging.getLogger(__name__)

PAGE_SEPARATOR = "\n\n-----\n\n"
"""Between pages: a Markdown thematic break, as page-chunked converter output is joined."""

SOURCES_NAME = ".converted-sources.json"
"""Beside the manifest: the converter's version and, per converted file, its source's hash."""


@dataclass
class ConvertReport:
    """What a conversion did: files written, reused, and those that failed with why."""

    written: int = 0
    reused: int = 0
    failed: list[tuple[str, str]] | None = None


def convert_pdf(pdf: Path) -> str:
    """One PDF as Markdown, pages joined by `PAGE_SEPARATOR` (pymupdf4llm's defaults)."""
    import pymupdf4llm

    pages = pymupdf4llm.to_markdown(str(pdf), page_chunks=True, show_progress=False)
    return PAGE_SEPARATOR.join(str(p["text"]).strip("\n") for p in pages) + "\n"


def converted_path(relative: str) -> str:
    """Where the converted text of `relative` goes: same path, `.md` instead of `.pdf`."""
    return str(Path(relative).with_suffix(".md").as_posix())


def _converter_version() -> str:
    from importlib.metadata import version

    return f"pymupdf4llm {version('pymupdf4llm')}"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recorded(dest: Path, converter: str) -> dict[str, str]:
    """The source hashes recorded by the last run, if it used this converter."""
    try:
        record = json.loads((dest / SOURCES_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("converter") != converter:
        return {}
    sources = record.get("sources")
    return dict(sources) if isinstance(sources, dict) else {}


def _write_atomically(path: Path, data: bytes) -> None:
    """A reader never sees half a file: write beside it, then rename over it."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _convert_one(src: Path, target: Path) -> str | None:
    """Convert (or copy, when not a PDF) `src` to `target` atomically; the error, or None."""
    try:
        text = convert_pdf(src) if src.suffix.lower() == ".pdf" else None
    except Exception as exc:  # a converter failing on one file must not stop the rest
        return f"{type(exc).__name__}: {exc}"
    _write_atomically(target, src.read_bytes() if text is None else text.encode("utf-8"))
    return None


def convert_archive(source: Path, dest: Path, jobs: int = 1) -> ConvertReport:
    """Convert every PDF row of `source`'s manifest into `dest` (a new manifest beside them).

    Rows that are not PDFs are copied as they are (a council's converted archive keeps
    its HTML and text files). `jobs` files are converted at once (processes). Raises
    FileNotFoundError when `source` has no manifest.
    """
    from concurrent.futures import ProcessPoolExecutor

    manifest = source / MANIFEST_NAME
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} does not exist: convert needs the archive's manifest")
    with manifest.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = [c for c in reader.fieldnames or [] if c]
        rows = list(reader)
    failed: list[tuple[str, str]] = []
    report = ConvertReport(failed=failed)
    out_rows: list[dict[str, str]] = []
    todo: list[tuple[str, Path, Path]] = []
    converter = _converter_version()
    recorded = _recorded(dest, converter)
    hashes: dict[str, str] = {}
    for row in rows:
        rel = (row.get("path") or "").strip()
        src = source / rel
        if not rel or not src.is_file():
            failed.append((rel, "no such file"))
            continue
        target_rel = converted_path(rel) if src.suffix.lower() == ".pdf" else rel
        target = dest / target_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        hashes[target_rel] = _digest(src)
        known = recorded.get(target_rel)
        if target.is_file() and (
            known == hashes[target_rel]
            if known is not None
            else target.stat().st_mtime >= src.stat().st_mtime
        ):
            report.reused += 1
        else:
            todo.append((rel, src, target))
        out_rows.append({**row, "path": target_rel, CONVERTED_FROM: rel})
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        errors = pool.map(_convert_one, [t[1] for t in todo], [t[2] for t in todo])
        for (rel, _, _), error in zip(todo, errors, strict=True):
            if error is None:
                report.written += 1
            else:
                failed.append((rel, error))
    bad = {rel for rel, _ in failed}
    out_rows = [r for r in out_rows if r[CONVERTED_FROM] not in bad]
    out_columns = list(dict.fromkeys([*MANIFEST_COLUMNS, *columns, CONVERTED_FROM]))
    dest.mkdir(parents=True, exist_ok=True)
    table = io.StringIO(newline="")
    writer = csv.DictWriter(table, fieldnames=out_columns, restval="", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(out_rows)
    _write_atomically(dest / MANIFEST_NAME, table.getvalue().encode("utf-8"))
    kept = {r["path"]: hashes[r["path"]] for r in out_rows}
    record = {"converter": converter, "sources": kept}
    _write_atomically(dest / SOURCES_NAME, json.dumps(record, indent=1).encode("utf-8"))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: 0 when every file converted, 1 when some failed (listed), 2 on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m eval.convert",
        description="Convert a PDF archive folder to Markdown text files with a manifest.",
    )
    parser.add_argument("source", type=Path, help="archive folder holding manifest.csv and PDFs")
    parser.add_argument("dest", type=Path, help="output folder (e.g. .cache/converted/kent)")
    parser.add_argument("--jobs", type=int, default=1, help="files converted at once")
    args = parser.parse_args(argv)
    logging.getLogger("pymupdf").setLevel(logging.ERROR)
    try:
        report = convert_archive(args.source, args.dest, args.jobs)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"error: {exc}; install the dev extra (pip install -e '.[dev]')", file=sys.stderr)
        return 2
    failed = report.failed or []
    print(f"{args.dest}: {report.written} converted, {report.reused} reused, {len(failed)} failed")
    for rel, reason in failed:
        print(f"  failed {rel}: {reason}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
