"""BM25 as a precomputed sparse matrix, memory-mapped: the lexical index.

SQLite FTS5 scores every passage holding any query word before it can sort, so common
scrutiny words ("committee", "council", "social") cost 0.2–0.65 s of CPU a query at a
million passages. Like bm25s, this index computes each (term, passage) BM25 score once,
at publish time, and stores one posting list a term (passage rows and scores, sorted by
term) in plain `.npy` files. A query adds up a few memory-mapped slices with numpy and
takes the top k with `argpartition`: milliseconds at a million passages.

Scoring follows FTS5's `bm25()` (the first evaluation tuned against it), with fields:
k1 and b from the settings (`Bm25`; FTS5's 1.2 and 0.75 until round 6),
idf = ln((N − n + 0.5) / (n + 0.5)) floored at 1e-6, a term's frequency counts
passage text once, the agenda item title 0.6 and the document title 0.6, and a
passage's length is its text plus title tokens. Tokens are FTS5's `unicode61
remove_diacritics` words, lower-cased, stemmed with the original Porter algorithm
(`porter` tokenizer), both at index and query time. Stopwords count towards length but
get no posting list: no query asks for them.

The index is rebuilt from the passage store at every publish (IDF and average length
change with every document anyway): about a second per 10k passages.

Memory-mapped files are a hazard if they shrink: touching a page past the end of a file
truncated under a running server kills the process with SIGBUS. So the posting files'
sizes are checked against their `.npy` headers before mapping, and again (one `fstat`
on a descriptor held open, microseconds) before every search; a shrunken file raises
`IndexDamagedError` and the server answers 503 instead of dying. `close()` unmaps and
closes them when a version is retired.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .errors import IndexCorruptError, IndexDamagedError
from .text import Analyzer

LEXICAL_DIR = "lexical"


@dataclass(frozen=True)
class Bm25:
    """BM25's two constants, applied when the postings are scored (at publish, not at
    query time): an index's scores hold the values it was built with, so the index
    records them (`IndexInfo.bm25`) and a mismatch is rebuilt, never mixed.

    k1 is how fast repeated words saturate, b how much a long passage is discounted."""

    k1: float
    b: float


FTS5_BM25 = Bm25(k1=1.2, b=0.75)
"""FTS5's constants: what every index built before they were settings was scored with."""
TITLE_WEIGHT = 0.6
"""A title word counts 0.6 of a text word: titles repeat over many passages. Chosen on
`tune` with DOC_TITLE_WEIGHT (grid and objective: eval/README.md, Tuning procedure)."""
DOC_TITLE_WEIGHT = 0.6
"""A document's title ("Amendment - Greens and Independents - …", "Reserves Policy") names
what every passage of it is about, while the passage itself rarely repeats it."""
FIELD_WEIGHTS = (1.0, TITLE_WEIGHT, DOC_TITLE_WEIGHT)
"""Weights of a row's fields after its id: passage text, item title, document title."""

LexicalRow = tuple[int, str, str | None] | tuple[int, str, str | None, str | None]
"""(passage id, text, item title[, document title])."""


class MappedArray:
    """A `.npy` array memory-mapped from a file held open, so its size can be re-checked.

    The header says how many bytes the array needs; a file shorter than that is refused
    before mapping, and `check()` refuses it later if it shrinks while mapped.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        handle: BinaryIO = path.open("rb")
        try:
            version = np.lib.format.read_magic(handle)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
            else:
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
            if fortran or len(shape) != 1:
                raise ValueError(f"expected a flat array, found shape {shape}")
            offset = handle.tell()
            self.size = offset + int(shape[0]) * dtype.itemsize
            self.check(handle)
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if shape[0] else None
        except BaseException:
            handle.close()
            raise
        self._handle: BinaryIO | None = handle
        self.array: np.ndarray = (
            np.frombuffer(self._map, dtype=dtype, count=int(shape[0]), offset=offset)
            if self._map is not None
            else np.zeros(0, dtype=dtype)
        )

    def check(self, handle: BinaryIO | None = None) -> None:
        """Raise `IndexDamagedError` if the file is shorter than its header says.

        Called before mapping: touching a page past a truncated end would kill the process."""
        handle = handle or self._handle
        if handle is None:
            raise IndexDamagedError(f"Lexical index file {self.path} was closed")
        actual = os.fstat(handle.fileno()).st_size
        if actual < self.size:
            raise IndexDamagedError(
                f"Lexical index file {self.path} is truncated ({actual} bytes, its header "
                f"needs {self.size}). Publish a good version: python -m indexer build --rebuild"
            )

    def close(self) -> None:
        """Unmap and close; a search still holding a slice keeps the map until it ends."""
        self.array = np.zeros(0, dtype=self.array.dtype)
        if self._map is not None:
            with contextlib.suppress(BufferError):  # a live view keeps the map until it goes
                self._map.close()
        if self._handle is not None:
            self._handle.close()
            self._handle = None


class LexicalIndex:
    """Passage rows sorted by passage id; per term, the rows holding it and their scores."""

    def __init__(
        self,
        ids: np.ndarray,
        terms: dict[str, int],
        indptr: np.ndarray,
        rows: np.ndarray,
        scores: np.ndarray,
        mapped: tuple[MappedArray, ...] = (),
    ) -> None:
        self.ids = ids
        self.terms = terms
        self.indptr = indptr
        self.rows = rows
        self.scores = scores
        self.analyzer = Analyzer()
        self._mapped = mapped

    def __len__(self) -> int:
        return len(self.ids)

    # -- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, passages: Iterable[LexicalRow], bm25: Bm25 = FTS5_BM25) -> LexicalIndex:
        """Index (passage id, text, item title[, document title]) rows, ascending by id,
        scored with `bm25`'s k1 and b.

        Each field counts with its weight in `FIELD_WEIGHTS`. Streams: at a million
        passages only the postings are held, not the texts.
        """
        analyzer = Analyzer()
        vocab: dict[str, int] = {}
        ids, lengths = array("q"), array("f")
        post_terms, post_rows, post_freqs = array("i"), array("i"), array("f")
        for pid, *fields in passages:
            row = len(ids)
            if row and pid <= ids[-1]:
                raise ValueError("passages must come in ascending order of id, once each")
            ids.append(pid)
            freqs: dict[int, float] = {}
            length = 0
            for weight, field in zip(FIELD_WEIGHTS, fields, strict=False):
                for term in analyzer.terms(field or ""):
                    length += 1
                    if term is not None:
                        tid = vocab.setdefault(term, len(vocab))
                        freqs[tid] = freqs.get(tid, 0.0) + weight
            lengths.append(length)
            post_terms.extend(freqs.keys())
            post_freqs.extend(freqs.values())
            post_rows.extend([row] * len(freqs))
        return cls._from_postings(
            np.frombuffer(ids, dtype=np.int64),
            vocab,
            np.frombuffer(lengths, dtype=np.float32),
            np.frombuffer(post_terms, dtype=np.int32),
            np.frombuffer(post_rows, dtype=np.int32),
            np.frombuffer(post_freqs, dtype=np.float32),
            bm25,
        )

    @classmethod
    def _from_postings(
        cls,
        ids: np.ndarray,
        vocab: dict[str, int],
        lengths: np.ndarray,
        terms: np.ndarray,
        rows: np.ndarray,
        freqs: np.ndarray,
        bm25: Bm25,
    ) -> LexicalIndex:
        n = len(ids)
        order = np.argsort(terms, kind="stable")  # rows stay ascending within a term
        terms, rows, freqs = terms[order], rows[order], freqs[order]
        counts = np.bincount(terms, minlength=len(vocab))
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        idf = bm25_idf(counts.astype(np.float64), n)
        avgdl = float(lengths.mean()) if n else 1.0
        k1, b = bm25.k1, bm25.b
        norm = k1 * (1 - b + b * lengths[rows] / avgdl)
        scores = (idf[terms] * freqs * (k1 + 1) / (freqs + norm)).astype(np.float32)
        return cls(ids, vocab, indptr, rows, scores)

    def save(self, folder: Path) -> None:
        """Write the index as .npy arrays and terms.json into `folder` (no pickles, mappable)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, values in (
            ("ids.npy", self.ids),
            ("indptr.npy", self.indptr),
            ("rows.npy", self.rows),
            ("scores.npy", self.scores),
        ):
            np.save(folder / name, values, allow_pickle=False)
        terms = sorted(self.terms, key=self.terms.__getitem__)
        (folder / "terms.json").write_text(json.dumps(terms))

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Open a saved index; posting lists stay on disk, paged in as queries touch them."""
        mapped: list[MappedArray] = []
        try:
            ids = np.load(folder / "ids.npy", allow_pickle=False)
            indptr = np.load(folder / "indptr.npy", allow_pickle=False)
            mapped.append(MappedArray(folder / "rows.npy"))
            mapped.append(MappedArray(folder / "scores.npy"))
            terms = json.loads((folder / "terms.json").read_text())
        except (OSError, ValueError, IndexCorruptError) as exc:
            for each in mapped:
                each.close()
            if isinstance(exc, IndexCorruptError):
                raise
            raise IndexCorruptError(f"Lexical index {folder} is unreadable: {exc}") from exc
        rows, scores = mapped[0].array, mapped[1].array
        if len(indptr) != len(terms) + 1 or indptr[-1] != len(rows) or len(rows) != len(scores):
            for each in mapped:
                each.close()
            raise IndexCorruptError(f"Lexical index {folder} is inconsistent")
        return cls(ids, {t: i for i, t in enumerate(terms)}, indptr, rows, scores, tuple(mapped))

    def close(self) -> None:
        """Release the mapped posting files (a retired version's, say) now, not at GC."""
        self.rows = np.zeros(0, dtype=self.rows.dtype)
        self.scores = np.zeros(0, dtype=self.scores.dtype)
        for each in self._mapped:
            each.close()

    # -- searching -----------------------------------------------------------------------

    def rows_of(self, passage_ids: np.ndarray) -> np.ndarray:
        """Rows of the given passage ids (ids not in the index are left out)."""
        pos = np.searchsorted(self.ids, passage_ids)
        inside = pos < len(self.ids)
        pos, passage_ids = pos[inside], passage_ids[inside]
        return pos[self.ids[pos] == passage_ids]

    def _locate(self, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each wanted id's row (clipped into range; the index is not empty) and whether
        the index holds it."""
        pos = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        return pos, self.ids[pos] == wanted

    def _columns(self, query: str) -> dict[int, float]:
        weights = self.analyzer.weighted_query_terms(query, self.terms)
        return {self.terms[t]: w for t, w in weights.items() if t in self.terms}

    def _scores(self, columns: dict[int, float]) -> np.ndarray:
        """The query's BM25 for every row (0 where no query term stands)."""
        for each in self._mapped:
            each.check()  # a truncated file would kill the process on the first page touched
        scores = np.zeros(len(self.ids), dtype=np.float32)
        for col, weight in columns.items():
            start, end = self.indptr[col], self.indptr[col + 1]
            scores[self.rows[start:end]] += weight * self.scores[start:end]
        return scores

    def scores_for(self, query: str, passage_ids: Sequence[int]) -> dict[int, float]:
        """The query's BM25 of each given passage (0 without a query term; ids not in the
        index left out): score fusion needs it for passages only the dense side found."""
        columns = self._columns(query)
        wanted = np.asarray(list(passage_ids), dtype=np.int64)
        if not len(self.ids) or not len(wanted):
            return {}
        pos, inside = self._locate(wanted)
        if not columns:
            return dict.fromkeys((int(p) for p in wanted[inside]), 0.0)
        scores = self._scores(columns)
        return {int(p): float(scores[r]) for p, r in zip(wanted[inside], pos[inside], strict=True)}

    def coverage_for(self, query: str, passage_ids: Sequence[int]) -> dict[int, float]:
        """Share of the query's content words (idf-weighted) each given passage holds, 0-1;
        a word the index has never seen counts as missing everywhere. (A compound written
        the other way, "case loads" / "caseloads", counts as missing: BM25 has it.)

        BM25 sums over the words a passage matches and cannot say how much of the question
        is left unmatched: fusion uses this to lower the lexical side's say when the best
        lexical candidate matches one word of six."""
        weights = dict.fromkeys(self.analyzer.query_terms(query), 1.0)
        wanted = np.asarray(list(passage_ids), dtype=np.int64)
        if not weights or not len(wanted) or not len(self.ids):
            return dict.fromkeys((int(p) for p in wanted), 0.0)
        n = len(self.ids)
        pos, inside = self._locate(wanted)
        held = np.zeros(len(wanted), dtype=np.float64)
        total = 0.0
        for term, weight in weights.items():
            col = self.terms.get(term)
            df = 0 if col is None else int(self.indptr[col + 1] - self.indptr[col])
            idf = float(bm25_idf(np.asarray(float(df)), n)) if df else np.log(n + 1)
            total += weight * idf
            if col is not None:
                rows = self.rows[self.indptr[col] : self.indptr[col + 1]]
                held += weight * idf * (np.isin(pos, rows) & inside)
        share = held / total if total > 0 else held
        return {int(p): float(c) for p, c in zip(wanted, share, strict=True)}

    def search(
        self, query: str, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k (passage id, BM25) over passages holding any query term.

        `allowed`, if given, restricts results to those passage ids (the filters).
        """
        columns = self._columns(query)
        if not columns or k <= 0 or not len(self.ids):
            return []
        scores = self._scores(columns)
        if allowed is None:
            candidates = np.flatnonzero(scores >= self._floor(columns, k))
        else:
            candidates = self.rows_of(np.asarray(allowed, dtype=np.int64))
            candidates = candidates[scores[candidates] > 0]
        if len(candidates) > k:
            candidates = _top_rows(np.sort(candidates), scores, k)
        top = candidates[np.lexsort((self.ids[candidates], -scores[candidates]))]
        return [(int(self.ids[r]), float(scores[r])) for r in top]

    def _floor(self, columns: dict[int, float], k: int) -> float:
        """A lower bound on the k-th best total score, to skip sorting a million rows.

        Every passage's total is at least its (weighted) share from any one query term, so
        the k-th best posting of a term with k or more postings bounds the k-th best total
        from below. The shortest such list is the cheapest to partition.
        """
        lengths = [int(self.indptr[c + 1] - self.indptr[c]) for c in columns]
        usable = [(n, c) for n, c in zip(lengths, columns, strict=True) if n >= k]
        if not usable:
            return float(np.finfo(np.float32).tiny)
        _, col = min(usable)
        postings = self.scores[self.indptr[col] : self.indptr[col + 1]]
        kth = float(np.partition(postings, len(postings) - k)[len(postings) - k])
        # float32 sums round: a hair under the bound, so no tie at the k-th place is lost
        return max(kth * columns[col] * (1 - 1e-6), 1e-30)


def bm25_idf(df: np.ndarray, n: int) -> np.ndarray:
    """BM25's inverse document frequency of terms held by `df` of `n` passages (array or
    scalar), floored at 1e-6 as FTS5 floors it: scoring and coverage weigh words alike."""
    return np.maximum(np.log((n - df + 0.5) / (df + 0.5)), 1e-6)


def _top_rows(rows: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """The k best of ascending `rows` by score; a tie at the k-th place goes to the lower
    row (the lower passage id), as a full sort would, not to whichever `argpartition` met."""
    values = scores[rows]
    kth = np.partition(values, len(values) - k)[len(values) - k]
    above = rows[values > kth]
    return np.concatenate([above, rows[values == kth][: k - len(above)]])
