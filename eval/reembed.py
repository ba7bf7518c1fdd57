"""Re-embed a built index's passages with another context line, without re-parsing.

A measurement tool for `Settings.embed_context` (eval/README.md "Dense context, round
5"): parsing the 129 Kent PDFs again costs most of a build, but only the vectors change
between context modes, so this copies an index, embeds each stored passage with the
context line the builder would give it (from its primary source's document and item
titles), rewrites the vectors and the FAISS index, and records the mode and the new
file digests. The builder embeds the first copy of a repeated paragraph it meets, this
tool the primary (earliest dated) one: a few repeated passages can differ from a build.
It embeds the stored text, which for a converted table row is the text as printed: the
builder's encoder read that row with its cells' " | " (`Chunk.model_text`), so a
converted index re-embedded here is not the index a build makes; rebuild those instead.

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

from indexer.compatibility import chunking_settings
from indexer.embed_context import embedding_input, lead_ins
from indexer.embedding import Embedder
from indexer.models import Passage
from indexer.settings import EmbedContext, Settings
from indexer.snapshot import INFO_FILE, VECTORS_FILE, IndexDir, IndexInfo, file_digest
from indexer.store import PassageStore, normalise_text
from indexer.vectors import VectorIndex

__all__ = ["main", "reembed"]


def reembed(source: Path, out: Path, settings: Settings) -> int:
    """Copy the index at `source` to `out` with every passage re-embedded; passage count."""
    shutil.copytree(source, out)  # refuses an existing `out`: nothing is overwritten
    version = IndexDir(out).current()
    info = IndexInfo.model_validate_json((version / INFO_FILE).read_text())
    # The backend the index was built with: int8 and float vectors differ (cosine ~0.99).
    embedder = Embedder.from_settings(
        settings.model_copy(update={"embed_backend": info.embed_backend})
    )
    store = PassageStore(version / "passages.sqlite")
    ids = [row[0] for row in store.connection.execute("SELECT passage_id FROM passages")]
    passages = store.passages(ids)
    order = sorted(passages)
    leads = _lead_ins(store.connection) if settings.embed_context == "leadin" else {}
    texts = [
        embedding_input(
            normalise_text(passages[pid].text),
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


def _lead_ins(connection: sqlite3.Connection) -> dict[tuple[str, int], str]:
    """Each source's list lead-in (`lead_ins`) by (document, ordinal), read in document
    order as the builder reads a parsed document's chunks."""
    rows = connection.execute(
        "SELECT s.document_id, s.ordinal, s.item, s.item_title, p.text "
        "FROM sources s JOIN passages p USING (passage_id) ORDER BY s.document_id, s.ordinal"
    ).fetchall()
    out: dict[tuple[str, int], str] = {}
    for document_id, group in groupby(rows, key=lambda r: r[0]):
        chunks = list(group)
        found = lead_ins([normalise_text(r[4]) for r in chunks], [(r[2], r[3]) for r in chunks])
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
    count = reembed(args.index, args.out, settings)
    print(f"re-embedded {count} passages into {args.out} ({args.embed_context})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
