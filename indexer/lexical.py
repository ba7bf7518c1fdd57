"""BM25 as a precomputed sparse matrix, memory-mapped: the lexical index.

SQLite FTS5 scores every passage holding any query word before it can sort, so common
scrutiny words ("committee", "council", "social") cost 0.2–0.65 s of CPU a query at a
million passages. Like bm25s, this index computes each (term, passage) BM25 score once,
at publish time, and stores one posting list a term (passage rows and scores, sorted by
term) in plain `.npy` files. A query adds up a few memory-mapped slices with numpy and
takes the top k with `argpartition`: milliseconds at a million passages.

Scoring is FTS5's `bm25(passages_fts, 1.0, 0.3)`, which the evaluation tuned against:
k1 = 1.2, b = 0.75, idf = ln((N − n + 0.5) / (n + 0.5)) floored at 1e-6, a term's
frequency counts passage text once and the agenda item title 0.3, and a passage's length
is its text plus title tokens. Tokens are FTS5's `unicode61 remove_diacritics` words,
lower-cased, stemmed with the original Porter algorithm (`porter` tokenizer), both at
index and query time. Stopwords count towards length but get no posting list: no query
asks for them.

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
import re
import threading
import unicodedata
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import numpy as np
import Stemmer

from .errors import IndexCorruptError, IndexDamagedError
from .store import STOPWORDS

LEXICAL_DIR = "lexical"
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 0.3
"""Agenda item titles repeat over many passages; a title word counts 0.3 of a text word."""

_WORD = re.compile(r"[^\W_]+")


class Analyzer:
    """Text to index terms: words, lower-cased, without diacritics, Porter-stemmed."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("porter")
        self._stemmer_lock = threading.Lock()  # a Stemmer must not be called concurrently
        self._terms: dict[str, str | None] = {}

    def term(self, word: str) -> str | None:
        """The index term of one lower-cased word; None for a stopword."""
        term = self._terms.get(word, "")
        if term == "":
            plain = word if word.isascii() else _strip_diacritics(word)
            if plain in STOPWORDS:
                term = None
            else:
                with self._stemmer_lock:
                    term = self._stemmer.stemWord(plain)
            if len(self._terms) < 1_000_000:
                self._terms[word] = term
        return term

    def terms(self, text: str) -> list[str | None]:
        return [self.term(word) for word in _WORD.findall(text.lower())]

    def query_terms(self, query: str) -> list[str]:
        """Distinct content terms of a query, in order."""
        return list(dict.fromkeys(t for t in self.terms(query) if t))


def _strip_diacritics(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
            self._map = (
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if shape[0] else None
            )
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
    def build(cls, passages: Iterable[tuple[int, str, str | None]]) -> LexicalIndex:
        """Index (passage id, text, item title) triples, in ascending order of id.

        Streams: at a million passages only the postings are held, not the texts.
        """
        analyzer = Analyzer()
        vocab: dict[str, int] = {}
        ids, lengths = array("q"), array("f")
        post_terms, post_rows, post_freqs = array("i"), array("i"), array("f")
        for pid, text, title in passages:
            row = len(ids)
            if row and pid <= ids[-1]:
                raise ValueError("passages must come in ascending order of id, once each")
            ids.append(pid)
            freqs: dict[int, float] = {}
            length = 0
            for weight, field in ((1.0, text), (TITLE_WEIGHT, title or "")):
                for term in analyzer.terms(field):
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
    ) -> LexicalIndex:
        n = len(ids)
        order = np.argsort(terms, kind="stable")  # rows stay ascending within a term
        terms, rows, freqs = terms[order], rows[order], freqs[order]
        counts = np.bincount(terms, minlength=len(vocab))
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        df = counts.astype(np.float64)
        idf = np.maximum(np.log((n - df + 0.5) / (df + 0.5)), 1e-6)
        avgdl = float(lengths.mean()) if n else 1.0
        norm = K1 * (1 - B + B * lengths[rows] / avgdl)
        scores = (idf[terms] * freqs * (K1 + 1) / (freqs + norm)).astype(np.float32)
        return cls(ids, vocab, indptr, rows, scores)

    def save(self, folder: Path) -> None:
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

    def search(
        self, query: str, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k (passage id, BM25) over passages holding any query term.

        `allowed`, if given, restricts results to those passage ids (the filters).
        """
        columns = [self.terms[t] for t in self.analyzer.query_terms(query) if t in self.terms]
        if not columns or k <= 0 or not len(self.ids):
            return []
        for each in self._mapped:
            each.check()  # a truncated file would kill the process on the first page touched
        scores = np.zeros(len(self.ids), dtype=np.float32)
        for col in columns:
            start, end = self.indptr[col], self.indptr[col + 1]
            scores[self.rows[start:end]] += self.scores[start:end]
        if allowed is None:
            candidates = np.flatnonzero(scores >= self._floor(columns, k))
        else:
            candidates = self.rows_of(np.asarray(allowed, dtype=np.int64))
            candidates = candidates[scores[candidates] > 0]
        if len(candidates) > k:
            candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
        top = candidates[np.lexsort((self.ids[candidates], -scores[candidates]))]
        return [(int(self.ids[r]), float(scores[r])) for r in top]

    def _floor(self, columns: list[int], k: int) -> float:
        """A lower bound on the k-th best total score, to skip sorting a million rows.

        Every passage's total is at least its share from any one query term, so the k-th
        best posting of a term with k or more postings bounds the k-th best total from
        below. The shortest such list is the cheapest to partition.
        """
        lengths = [int(self.indptr[c + 1] - self.indptr[c]) for c in columns]
        usable = [(n, c) for n, c in zip(lengths, columns, strict=True) if n >= k]
        if not usable:
            return float(np.finfo(np.float32).tiny)
        _, col = min(usable)
        postings = self.scores[self.indptr[col] : self.indptr[col + 1]]
        return max(float(np.partition(postings, len(postings) - k)[len(postings) - k]), 1e-30)
