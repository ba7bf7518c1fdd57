"""Reading the pipeline's shards back on the driver, in document order.

Shards are Parquet files of chunk rows (`pipeline.passage_rows` plus a `vector` column),
local or on any filesystem pyarrow knows (NFS path, s3://). The merge needs documents in
the order the run listed them, so files are visited by their range of `seq`, and a
document split across two files is joined up again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from indexer.embedding import Embedder
from indexer.errors import IngestError, ScrutinyError
from indexer.models import Chunk, DocumentMeta, ParsedDocument

from .pipeline import input_key, unpack_vector

__all__ = ["ShardReader", "VectorLookup", "remove_tree"]

log = logging.getLogger(__name__)

COLUMNS = ["seq", "position", "meta", "content_hash", "chunk", "input", "error", "vector"]


@dataclass
class VectorLookup:
    """`encode` for the shared store loop: vectors the cluster computed, by input text.

    A text the cluster did not embed (possible only when a paragraph is dropped for its
    fuller copy in one group and needed again in a later one) is embedded here, so the
    result never depends on that corner; `fallbacks` counts them.
    """

    fallback: Embedder
    rows: dict[bytes, np.ndarray] = field(default_factory=dict)
    fallbacks: int = 0

    def add(self, text: str, vector: np.ndarray) -> None:
        """Record the cluster's vector for `text`; the first one wins if a text repeats."""
        self.rows.setdefault(input_key(text), vector)

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.fallback.dim), dtype=np.float32)
        keys = [input_key(t) for t in texts]
        missing = [i for i, key in enumerate(keys) if key not in self.rows]
        if missing:
            self.fallbacks += len(missing)
            log.info("embedding %d passages on the driver", len(missing))
            extra = self.fallback.encode([texts[i] for i in missing])
            for i, vector in zip(missing, extra, strict=True):
                self.rows[keys[i]] = vector
        return np.vstack([self.rows[key] for key in keys]).astype(np.float32, copy=False)


class ShardReader:
    """Reads the Parquet shards a Ray run wrote under `uri` (a folder or s3:// URI)."""

    def __init__(self, uri: str) -> None:
        from pyarrow import fs

        self.filesystem, self.root = fs.FileSystem.from_uri(uri)

    def files(self) -> list[str]:
        """The run's .parquet shard paths, sorted; empty if the folder does not exist yet."""
        from pyarrow import fs

        selector = fs.FileSelector(self.root, recursive=True, allow_not_found=True)
        infos = self.filesystem.get_file_info(selector)
        return sorted(i.path for i in infos if i.is_file and i.path.endswith(".parquet"))

    def _table(self, path: str) -> object:
        import pyarrow.parquet as pq

        with self.filesystem.open_input_file(path) as handle:
            table = pq.read_table(handle, columns=COLUMNS)
        return table.sort_by([("seq", "ascending"), ("position", "ascending")])

    def _ordered_tables(self) -> Iterator[object]:
        """Each file's rows sorted; files in `seq` order when their ranges do not overlap
        (the usual case: the pipeline preserves order), else everything read and sorted."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        ranges = []
        for path in self.files():
            with self.filesystem.open_input_file(path) as handle:
                seqs = pq.read_table(handle, columns=["seq"]).column("seq")
            if len(seqs):
                bounds = pc.min_max(seqs)
                ranges.append((bounds["min"].as_py(), bounds["max"].as_py(), path))
        ranges.sort()
        if all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False)):
            for _, _, path in ranges:
                yield self._table(path)
            return
        log.info("shards overlap in document order; sorting them together")
        tables = [self._table(path) for _, _, path in ranges]
        yield pa.concat_tables(tables).sort_by([("seq", "ascending"), ("position", "ascending")])

    def documents(
        self, count: int, lookup: VectorLookup
    ) -> Iterator[tuple[int, ParsedDocument | str]]:
        """(seq, document or failure reason) for seq 0..count-1, in order, filling
        `lookup` with each document's vectors before it is yielded."""
        expected = 0
        current: list[dict] = []
        for table in self._ordered_tables():
            for row in table.to_pylist():  # type: ignore[attr-defined]
                if current and row["seq"] != current[0]["seq"]:
                    yield self._document(current, expected)
                    expected += 1
                    current = []
                current.append(row)
                if row["vector"]:
                    lookup.add(row["input"], unpack_vector(row["vector"]))
        if current:
            yield self._document(current, expected)
            expected += 1
        if expected != count:
            raise ScrutinyError(
                f"The Ray pipeline returned {expected} of {count} documents; nothing was "
                "published. Run the build again."
            )

    @staticmethod
    def _document(rows: list[dict], expected: int) -> tuple[int, ParsedDocument | str]:
        seq = rows[0]["seq"]
        if seq != expected:
            raise ScrutinyError(
                f"The Ray pipeline lost document {expected} of this run; nothing was "
                "published. Run the build again."
            )
        if rows[0]["error"]:
            return seq, rows[0]["error"]
        return seq, ParsedDocument(
            meta=DocumentMeta.model_validate_json(rows[0]["meta"]),
            chunks=[Chunk.model_validate_json(r["chunk"]) for r in rows],
            content_hash=rows[0]["content_hash"],
        )


def remove_tree(uri: str) -> None:
    """Delete the folder at `uri` and everything in it; a missing folder is not an error."""
    from pyarrow import fs

    filesystem, root = fs.FileSystem.from_uri(uri)
    with contextlib.suppress(FileNotFoundError):
        filesystem.delete_dir(root)


def ingest_error(path: object, reason: str) -> IngestError:
    """An `IngestError` naming `path` as text, for a file a worker could not read."""
    return IngestError(str(path), reason)
