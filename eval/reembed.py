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
from collections.abc import Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import get_args

import numpy as np

from indexer.builder import source_fingerprint
from indexer.compatibility import chunking_settings
from indexer.density import DENSITY_FILE, archive_density, save_density
from indexer.embed_context import embedding_input, lead_ins
from indexer.embedding import Embedder
from indexer.errors import ScrutinyError
from indexer.ingest import ZipLimits, discover, ingest_file
from indexer.ingest.readers import TEXT_SUFFIXES
from indexer.models import Passage
from indexer.settings import EmbedContext, Settings
from indexer.snapshot import INFO_FILE, VECTORS_FILE, IndexDir, IndexInfo, file_digest
from indexer.store import PassageStore, StoredDocument, normalise_text
from indexer.vectors import VectorIndex

__all__ = ["main", "reembed"]

Placed = tuple[str, int, str | None, str | None, str]
"""One source of a passage: (document, ordinal, item, item title, the passage's text)."""


def reembed(source: Path, out: Path, settings: Settings) -> int:
    """Copy the index at `source` to `out` with every passage re-embedded; passage count.

    Raises `ScrutinyError` (and writes nothing) when a text-format file of the index is
    gone or has changed since the build."""
    info = IndexInfo.model_validate_json((IndexDir(source).current() / INFO_FILE).read_text())
    # The backend the index was built with: int8 and float vectors differ (cosine ~0.99).
    embedder = Embedder.from_settings(
        settings.model_copy(update={"embed_backend": info.embed_backend})
    )
    # The passages are read once, from the built store; the copy's is only written.
    built = PassageStore(IndexDir(source).current() / "passages.sqlite", readonly=True)
    try:
        ids = [row[0] for row in built.connection.execute("SELECT passage_id FROM passages")]
        passages = built.passages(ids)
        documents = built.stored_documents()
    finally:
        built.close()
    placed = _placed(passages)
    model_texts = _model_texts(placed, documents, embedder, settings)
    shutil.copytree(source, out)  # refuses an existing `out`: nothing is overwritten
    version = IndexDir(out).current()
    order = sorted(passages)
    leads = _lead_ins(placed, model_texts) if settings.embed_context == "leadin" else {}
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
    store = PassageStore(version / "passages.sqlite")
    try:
        connection: sqlite3.Connection = store.connection
        with connection:
            connection.executemany(
                "UPDATE passages SET embedding = ? WHERE passage_id = ?",
                [
                    (np.asarray(v, dtype=np.float32).tobytes(), pid)
                    for pid, v in zip(order, vectors, strict=True)
                ],
            )
        ids_array, matrix = store.all_vectors(embedder.dim)
    finally:
        store.close()
    vector_index = VectorIndex.from_vectors(ids_array, matrix, info.vector_kind)
    vector_index.save(version / VECTORS_FILE)
    # New vectors move every density (`indexer.density`), as a publish computes them.
    save_density(
        version / DENSITY_FILE, ids_array, archive_density(vector_index, ids_array, matrix)
    )
    info.chunking = chunking_settings(settings)
    for name in list(info.files):
        info.files[name] = file_digest(version / name)
    (version / INFO_FILE).write_text(info.model_dump_json(indent=2))
    return len(order)


def _primary(passage: Passage) -> tuple[str, int]:
    """The (document, ordinal) of the source a passage is cited from."""
    return passage.citation.document_id, passage.citation.sources[0].ordinal


def _placed(passages: Mapping[int, Passage]) -> list[Placed]:
    """Every source of the passages, as (document, ordinal, item, item title, text), in
    document and source order: the builder's order of a parsed document's chunks."""
    return sorted(
        (s.document_id, s.ordinal, s.item, s.item_title, p.text)
        for p in passages.values()
        for s in p.citation.sources
    )


def _model_texts(
    placed: Sequence[Placed],
    documents: Mapping[str, StoredDocument],
    embedder: Embedder,
    settings: Settings,
) -> dict[tuple[str, int], str]:
    """The normalised `Chunk.model_text` of each source that had one at the build, by
    (document, ordinal): the store does not keep it, so each text-format document is
    ingested again as the build did. A chunk whose text is not the passage its source
    holds (a truncated copy merged into its full one) was not what the build embedded."""
    held: dict[str, dict[int, str]] = {}
    for document_id, ordinal, _, _, text in placed:
        if Path(documents[document_id].meta.path).suffix.lower() in TEXT_SUFFIXES:
            # the stored text (a reader's carries kept line breaks, index format 5)
            held.setdefault(document_id, {})[ordinal] = normalise_text(text)
    out: dict[tuple[str, int], str] = {}
    by_corpus = sorted(held, key=lambda d: (documents[d].corpus, d))
    for corpus, in_corpus in groupby(by_corpus, key=lambda d: documents[d].corpus):
        files = {s.document_id: s for s in discover(Path(corpus)) if s.error is None}
        for document_id in in_corpus:
            stored = documents[document_id]
            path, fingerprint = stored.meta.path, stored.content_hash
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
    placed: Sequence[Placed], model_texts: dict[tuple[str, int], str] | None = None
) -> dict[tuple[str, int], str]:
    """Each source's list lead-in (`lead_ins`) by (document, ordinal), read in document
    order (`_placed`) as the builder reads a parsed document's chunks, from the text the
    encoder read (`model_texts`, else the stored text)."""
    model_texts = model_texts or {}
    out: dict[tuple[str, int], str] = {}
    for document_id, group in groupby(placed, key=lambda r: r[0]):
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
