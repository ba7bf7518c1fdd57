"""The system under test, seen by the harness as a small protocol.

Each configuration (an archive search mode, the baseline, a stub in tests) is a `Searcher`:
a name and `search(query, k)` returning ranked passages with their text. The harness
judges passages only by their text (the quote-matching rule), so it needs nothing
else from the system and any chunking can be compared with any other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from indexer.settings import Settings

__all__ = [
    "ENGINE_MODES",
    "ArchiveSearcher",
    "RetrievedPassage",
    "Searcher",
    "open_engine",
]

log = logging.getLogger(__name__)

ENGINE_MODES = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class RetrievedPassage:
    """A ranked passage as the harness sees it."""

    id: str = ""
    text: str = ""
    source: str | None = None
    score: float | None = None


@runtime_checkable
class Searcher(Protocol):
    """A configuration under test: a name and a ranked search."""

    name: str

    def search(self, query: str, k: int) -> list[RetrievedPassage]: ...


class ArchiveSearcher:
    """The product's one search call, `Reader.search(SearchRequest)`, in one mode.

    Exactly what `/search` and `python -m search_api search` run (dates and trend
    wording in the question, span boost, coverage re-ranking), so the scores are what
    members meet. A fresh reader per question, as the server takes one per request.
    """

    def __init__(self, archive: Any, mode: str) -> None:
        if mode not in ENGINE_MODES:
            raise ValueError(f"unknown engine mode {mode!r}; expected one of {ENGINE_MODES}")
        self.archive = archive
        self.mode = mode
        self.name = mode

    def search(self, query: str, k: int) -> list[RetrievedPassage]:
        """Ranked passages with their text, the only thing the metrics judge."""
        from search_api.search import SearchRequest

        hits = self.archive.reader().search(SearchRequest(query, k, self.mode)).hits  # type: ignore[arg-type]
        return [
            RetrievedPassage(
                id=str(h.passage_id),
                text=h.text,
                source=h.citation.document_id,
                score=float(h.score),
            )  # fmt: skip
            for h in hits
        ]


def open_engine(settings: Settings, *, build_if_missing: bool = True) -> Any:
    """Open the archive's index, building it first when it does not exist yet (else a
    command-line message and exit status 1: these are the eval tools' entry points)."""
    from indexer.builder import Indexer
    from indexer.errors import IndexMismatchError, IndexNotFoundError
    from search_api.archive import Archive

    try:
        return Archive.open(settings)
    except (IndexNotFoundError, IndexMismatchError) as exc:
        if not build_if_missing:
            raise SystemExit(str(exc)) from exc
        log.info("no usable index at %s: building it from %s", settings.index_dir, settings.corpus)
        Indexer(settings).build()
        return Archive.open(settings)
