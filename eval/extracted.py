"""Corpus files as the engine's own ingestion turns them into passages.

Gold quotes are checked against this text, not another PDF library's: a quote our
readers cannot produce (ligatures, hyphenation, a table read column by column) would be
a miss for every engine mode however good the ranking. The passages come from
`indexer.ingest.ingest_file` with the default passage sizes, so a quote found in one
passage's text does not straddle a passage boundary either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eval.matching import normalise

__all__ = ["ExtractedFile", "extract_corpus", "token_counter"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractedFile:
    """One corpus file: its path relative to the corpus and its passages' normalised text.

    `error` says why ingestion produced nothing (the engine skips such a file too).
    """

    relative_path: str
    passages: tuple[str, ...]
    error: str | None = None

    @property
    def text(self) -> str:
        """All passages joined: for 'does the file hold this anywhere' checks."""
        return "\n".join(self.passages)

    def passage_holding(self, quote: str) -> int | None:
        """Index of the first passage whose normalised text holds the normalised quote."""
        q = normalise(quote)
        if not q:
            return None
        for i, p in enumerate(self.passages):
            if q in p:
                return i
        return None


@cache
def token_counter() -> Callable[[str], int]:
    """The embedding model's word-piece counter, which decides where passages are cut."""
    from indexer.embedding import Embedder
    from indexer.settings import Settings

    return Embedder.from_settings(Settings()).count_tokens


def extract_corpus(
    corpus_dir: Path | str, count_tokens: Callable[[str], int] | None = None
) -> dict[str, ExtractedFile]:
    """Every file of a corpus folder (manifest rows and other supported files), keyed by
    its path relative to the folder, read and cut exactly as the indexer does. A converted
    file (manifest column `converted_from`) is keyed by the path of its original, which is
    what gold quotes' `found_in` names."""
    from eval.documents import original_paths
    from indexer.errors import IngestError
    from indexer.ingest import discover, ingest_file
    from indexer.settings import Settings

    settings = Settings()
    counter = count_tokens or token_counter()
    out: dict[str, ExtractedFile] = {}
    aliases = original_paths([corpus_dir])
    for source in discover(Path(corpus_dir)):
        key = aliases.get(source.relative_path, source.relative_path)
        try:
            parsed = ingest_file(
                source,
                count_tokens=counter,
                max_tokens=settings.max_passage_tokens,
                min_tokens=settings.min_passage_tokens,
            )
        except IngestError as exc:
            log.warning("%s: %s", source.relative_path, exc.reason)
            out[key] = ExtractedFile(key, (), exc.reason)
            continue
        passages = tuple(normalise(c.text) for c in parsed.chunks)
        out[key] = ExtractedFile(key, passages)
    return out
