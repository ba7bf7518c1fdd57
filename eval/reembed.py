"""Re-embed a built index's passages with another context line, without re-parsing.

A measurement tool for `Settings.embed_context` (eval/README.md "Dense context, round
5"): parsing the 129 Kent PDFs again costs most of a build, but only the vectors change
between context modes, so this copies an index, embeds each stored passage with the
context line the builder would give it (from its primary source's document and item
titles), rewrites the vectors and the FAISS index, and records the mode and the new
file digests. The builder embeds the first copy of a repeated paragraph it meets, this
tool the primary (earliest dated) one: a few repeated passages can differ from a build.

The store keeps a passage's text as printed, not always what the encoder read: a
converted table row is embedded with its cells' " | " (`Chunk.model_text`). So the
text-format files of the index (converted Markdown, plain text; cheap beside a PDF) are
read again from their corpus folders, checked against the fingerprint the build
recorded, and their passages embedded from the text the builder gave the encoder; a file
that is gone or changed stops the tool (rebuild that index instead).

    python -m eval.reembed --index .cache/eval-heldout-index --out /tmp/ctx-index \\
        --embed-context document
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from itertools import groupby
from pathlib import Path
from typing import get_args

import numpy as np

from indexer.builder import source_fingerprint
from indexer.compatibility import chunking_settings
from indexer.embed_context import embedding_input, lead_ins
from indexer.embedding import Embedder
from indexer.errors import ScrutinyError
from indexer.ingest import ZipLimits, discover, ingest_file
from indexer.ingest.readers import TEXT_SUFFIXES
from indexer.models import Passage
from indexer.settings import EmbedContext, Settings
from indexer.snapshot import INFO_FILE, VECTORS_FILE, IndexDir, IndexInfo, file_digest
from indexer.store import PassageStore, normalise_text
from indexer.vectors import VectorIndex

__all__ = ["main", "reembed"]


def reembed(source: Path, out: Path, settings: Settings) -> int:
    """Copy the index at `source` to `out` with every passage re-embedded; passage count.

    Raises `ScrutinyError` (and writes nothing) when a text-format file of the index is
    gone or has changed since the build."""
    info = IndexInfo.model_validate_json((IndexDir(source).current() / INFO_FILE).read_text())
    # The backend the index was built with: int8 and float vectors differ (cosine ~0.99).
    embedder = Embedder.from_settings(
        settings.model_copy(update={"embed_backend": info.embed_backend})
    )
    built = PassageStore(IndexDir(source).current() / "passages.sqlite", readonly=True)
    try:
        model_texts = _model_texts(built.connection, embedder, settings)
    finally:
        built.close()
    shutil.copytree(source, out)  # refuses an existing `out`: nothing is overwritten
    version = IndexDir(out).current()
    store = PassageStore(version / "passages.sqlite")
    ids = [row[0] for row in store.connection.execute("SELECT passage_id FROM passages")]
    passages = store.passages(ids)
    order = sorted(passages)
    leads = _lead_ins(store.connection, model_texts) if settings.embed_context == "leadin" else {}
    texts = [
        embedding_input(
            model_texts.get(_primary(passages[pid])) or normalise_text(passages[pid].text),
            passages[pid].citation.item_title,
            embedder.count_tokens,
            embedder.max_tokens,
            title=passages[pid].citation.title,
            context=settings.embed_context,
            lead_in=leads.get(_primary(passages[pid])),
        )  # fmt: skip
        for pid in order
    ]
    vectors = embedder.encode(texts)
    connection: sqlite3.Connection = store.connection
    with connection:
        connection.executemany(
            "UPDATE passages SET embedding = ? WHERE passage_id = ?",
            [
                (np.asarray(v, dtype=np.float32).tobytes(), pid)
                for pid, v in zip(order, vectors, strict=True)
            ],
        )
    try:
        ids_array, matrix = store.all_vectors(embedder.dim)
    finally:
        store.close()
    VectorIndex.from_vectors(ids_array, matrix, info.vector_kind).save(version / VECTORS_FILE)
    info.chunking = chunking_settings(settings)
    for name in list(info.files):
        info.files[name] = file_digest(version / name)
    (version / INFO_FILE).write_text(info.model_dump_json(indent=2))
    return len(order)


def _primary(passage: Passage) -> tuple[str, int]:
    """The (document, ordinal) of the source a passage is cited from."""
    return passage.citation.document_id, passage.citation.sources[0].ordinal


def _model_texts(
    connection: sqlite3.Connection, embedder: Embedder, settings: Settings
) -> dict[tuple[str, int], str]:
    """The normalised `Chunk.model_text` of each source that had one at the build, by
    (document, ordinal): the store does not keep it, so each text-format document is
    ingested again as the build did. A chunk whose text is not the passage its source
    holds (a truncated copy merged into its full one) was not what the build embedded."""
    rows = connection.execute(
        "SELECT d.corpus, d.document_id, d.path, d.content_hash, s.ordinal, p.text "
        "FROM documents d JOIN sources s USING (document_id) JOIN passages p USING (passage_id) "
        "ORDER BY d.corpus, d.document_id"
    ).fetchall()
    out: dict[tuple[str, int], str] = {}
    for corpus, in_corpus in groupby(rows, key=lambda r: r[0]):
        held: dict[str, dict[int, str]] = {}
        wanted: dict[str, tuple[str, str]] = {}
        for _, document_id, path, fingerprint, ordinal, text in in_corpus:
            if Path(path).suffix.lower() in TEXT_SUFFIXES:
                held.setdefault(document_id, {})[ordinal] = text
                wanted[document_id] = (path, fingerprint)
        if not wanted:
            continue
        files = {s.document_id: s for s in discover(Path(corpus)) if s.error is None}
        for document_id, (path, fingerprint) in wanted.items():
            file = files.get(document_id)
            if (
                file is None
                or not file.path.is_file()
                or source_fingerprint(file, file.path.read_bytes()) != fingerprint
            ):
                raise ScrutinyError(
                    f"{Path(corpus) / path} is gone or has changed since the index was "
                    "built, so what its passages were embedded from cannot be read again; "
                    "rebuild the index instead"
                )
            parsed = ingest_file(
                file, embedder.count_tokens, settings.max_passage_tokens,
                settings.min_passage_tokens, ZipLimits.from_settings(settings),
            )  # fmt: skip
            out.update(
                {
                    (document_id, c.ordinal): normalise_text(c.model_text)
                    for c in parsed.chunks
                    if c.model_text and held[document_id].get(c.ordinal) == normalise_text(c.text)
                }
            )
    return out


def _lead_ins(
    connection: sqlite3.Connection, model_texts: dict[tuple[str, int], str] | None = None
) -> dict[tuple[str, int], str]:
    """Each source's list lead-in (`lead_ins`) by (document, ordinal), read in document
    order as the builder reads a parsed document's chunks, from the text the encoder read
    (`model_texts`, else the stored text)."""
    model_texts = model_texts or {}
    rows = connection.execute(
        "SELECT s.document_id, s.ordinal, s.item, s.item_title, p.text "
        "FROM sources s JOIN passages p USING (passage_id) ORDER BY s.document_id, s.ordinal"
    ).fetchall()
    out: dict[tuple[str, int], str] = {}
    for document_id, group in groupby(rows, key=lambda r: r[0]):
        chunks = list(group)
        texts = [model_texts.get((r[0], r[1])) or normalise_text(r[4]) for r in chunks]
        found = lead_ins(texts, [(r[2], r[3]) for r in chunks])
        out.update(
            {(document_id, r[1]): lead for r, lead in zip(chunks, found, strict=True) if lead}
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: re-embed an index into a new folder with the chosen context mode."""
    parser = argparse.ArgumentParser(prog="python -m eval.reembed", description=__doc__)
    parser.add_argument("--index", type=Path, required=True, help="the built index to copy")
    parser.add_argument("--out", type=Path, required=True, help="folder for the copy")
    parser.add_argument("--embed-context", choices=get_args(EmbedContext), default="document")
    args = parser.parse_args(argv)
    if not (args.index / "CURRENT").is_file():
        print(f"error: no index at {args.index}", file=sys.stderr)
        return 2
    if args.out.exists():
        print(f"error: {args.out} exists; give a new folder", file=sys.stderr)
        return 2
    settings = Settings().model_copy(update={"embed_context": args.embed_context})
    try:
        count = reembed(args.index, args.out, settings)
    except ScrutinyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"re-embedded {count} passages into {args.out} ({args.embed_context})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
