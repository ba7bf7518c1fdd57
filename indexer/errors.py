"""Domain errors. The core raises these; the CLI and the API turn them into messages.

Each message says what went wrong and what to do next.
"""

from __future__ import annotations

from pathlib import Path


class ScrutinyError(Exception):
    """Base class: an expected failure with a message fit for a user."""


class IngestError(ScrutinyError):
    """One file could not be read into passages. The rest of the corpus carries on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class CorpusError(ScrutinyError):
    """The corpus as a whole is unusable (missing folder, broken manifest)."""


class IndexNotFoundError(ScrutinyError):
    def __init__(self, index_dir: Path | str) -> None:
        super().__init__(
            f"No index at {index_dir}. Build one first: python -m indexer build corpus/ "
            f"--index {index_dir}"
        )


class IndexMismatchError(ScrutinyError):
    """The index on disk was built with other settings (model, dimension, chunking)."""


class IndexCorruptError(ScrutinyError):
    """A file of the index is damaged or truncated."""


class DocumentNotFoundError(ScrutinyError):
    def __init__(self, document_id: str) -> None:
        self.document_id = document_id
        super().__init__(f"No document with id {document_id!r} in the index")
