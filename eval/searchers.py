"""The system under test, seen by the harness as a small protocol.

Each configuration (an engine mode, the baseline, a stub in tests) is a `Searcher`:
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
    "EngineSearcher",
    "RetrievedPassage",
    "Searcher",
    "ServiceSearcher",
    "open_engine",
]

log = logging.getLogger(__name__)

ENGINE_MODES = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class RetrievedPassage:
    id: str = ""
    text: str = ""
    source: str | None = None
    score: float | None = None


@runtime_checkable
class Searcher(Protocol):
    name: str

    def search(self, query: str, k: int) -> list[RetrievedPassage]: ...


class _Engine(Protocol):
    def search(
        self, query: str, k: int = ..., mode: Any = ..., filters: Any = ...
    ) -> list[Any]: ...


class EngineSearcher:
    """`indexer.engine.Archive` in one retrieval mode."""

    def __init__(self, engine: _Engine, mode: str) -> None:
        if mode not in ENGINE_MODES:
            raise ValueError(f"unknown engine mode {mode!r}; expected one of {ENGINE_MODES}")
        self.engine = engine
        self.mode = mode
        self.name = mode

    def search(self, query: str, k: int) -> list[RetrievedPassage]:
        hits = self.engine.search(query, k=k, mode=self.mode)
        return [
            RetrievedPassage(
                id=str(h.passage_id),
                text=h.text,
                source=getattr(getattr(h, "citation", None), "document_id", None),
                score=float(h.score),
            )
            for h in hits
        ]


class ServiceSearcher(EngineSearcher):
    """The product's retrieval path (what `/search` serves): `ScrutinyService.evidence`.

    On top of the engine it reads dates and trend wording in the question and re-ranks
    for coverage of the span, so this is the configuration users actually meet.
    """

    def __init__(self, service: Any, mode: str) -> None:
        super().__init__(service.engine, mode)
        self.service = service

    def search(self, query: str, k: int) -> list[RetrievedPassage]:
        hits = self.service.evidence(query, k, self.mode).hits
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
    """Open the archive's index, building it first when it does not exist yet."""
    from indexer.builder import Indexer
    from indexer.errors import IndexMismatchError, IndexNotFoundError
    from search_api.archive import Archive

    try:
        return Archive.open(settings)
    except (IndexNotFoundError, IndexMismatchError):
        if not build_if_missing:
            raise
        log.info("no usable index at %s: building it from %s", settings.index_dir, settings.corpus)
        Indexer(settings).build()
        return Archive.open(settings)
