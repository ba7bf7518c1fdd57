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
    """No published index at the folder; the message gives the build command."""

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
    """No document with that id in the live index (the API answers 404)."""

    def __init__(self, document_id: str) -> None:
        self.document_id = document_id
        super().__init__(f"No document with id {document_id!r} in the index")


class IndexDamagedError(IndexCorruptError):
    """The live index went bad while in use (a file truncated or overwritten under a
    running server). Requests answer 503 until a good version is published."""


class DiskFullError(ScrutinyError):
    """A write to the index folder ran out of space (or hit a size quota).

    Nothing was published: the live version is untouched and the partial draft removed.
    """

    def __init__(self, where: Path | str, detail: str) -> None:
        self.where = str(where)
        super().__init__(
            f"The disk holding the index is full ({detail}) while writing {where}. "
            "Nothing was changed; free some space and try again."
        )


class DocumentExistsError(ScrutinyError):
    """An upload would replace a document that is already indexed under the same id."""

    def __init__(self, document_id: str, existing: str) -> None:
        self.document_id = document_id
        super().__init__(
            f"A document with id {document_id!r} is already indexed ({existing}); "
            "send replace=true to replace it, or upload under another file name"
        )
