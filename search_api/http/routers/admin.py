"""Routes that change the index: upload a document, re-index, remove a document.

Access: `Authorization: Bearer <token>`, compared in constant time with
`SCRUTINY_ADMIN_TOKEN`. Without a configured token (or with one shorter than
`MIN_TOKEN_CHARS`) these routes answer 403 with a message saying how to turn them on:
403 rather than 404 so an officer sees why, not a puzzling "not found".

Uploads: the request body is the file itself (`Content-Type: application/octet-stream`,
any type is accepted), metadata in the query string. The body is streamed to disk and
reading stops at `SCRUTINY_MAX_UPLOAD_BYTES` (413). The format is decided by the bytes
(a PDF header, a Word .docx zip, a legacy Word .doc compound file, an HTML document,
or UTF-8 text), never by the file name (415 otherwise).
Files land in the `uploads/` corpus folder inside the index folder, with their metadata
in its `manifest.csv`, and are indexed incrementally; every build includes that folder
(`Indexer.build`), so uploads survive a rebuild, from here or from the shell. After each
change the serving engine switches to the new version.
"""

from __future__ import annotations

import hmac
import logging
import uuid
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from pydantic import BaseModel, Field

from indexer.builder import BuildReport, Indexer
from indexer.errors import CorpusError, DocumentExistsError, ScrutinyError
from indexer.ingest.manifest import slug
from indexer.ingest.readers import SUPPORTED_SUFFIXES
from indexer.settings import Settings
from indexer.snapshot import IndexDir, IndexLockedError
from indexer.uploads import UploadRejectedError, place_upload, remove_upload, sniff_upload

from ...archive import Archive
from ..deps import ArchiveDep, current_archive
from ..schemas import ErrorResponse

__all__ = ["MIN_TOKEN_CHARS", "router"]

log = logging.getLogger(__name__)

MIN_TOKEN_CHARS = 16


def require_admin(request: Request) -> None:
    """Refuse unless the admin token is set (long enough) and sent as a Bearer token."""
    settings: Settings = request.app.state.settings
    token = (settings.admin_token or "").strip()
    if len(token) < MIN_TOKEN_CHARS:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "Changing the index over HTTP is turned off: set SCRUTINY_ADMIN_TOKEN on the "
            f"server (at least {MIN_TOKEN_CHARS} characters) to turn it on.",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest on bytes: on str it refuses non-ASCII input with a TypeError.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8", "surrogateescape"), token.encode("utf-8")
    ):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "A valid admin token is required: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


AdminDep = Annotated[None, Depends(require_admin)]

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Missing or wrong admin token"},
    403: {"model": ErrorResponse, "description": "Changing the index is turned off"},
    409: {"model": ErrorResponse, "description": "Another indexer is writing, or a clash"},
}

router = APIRouter(tags=["admin"], responses=ERRORS)


class ChangeReport(BaseModel):
    """What a change did to the index."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    failed: list[str] = Field(default_factory=list, description="'file: reason' per failure")
    notes: list[str] = Field(
        default_factory=list,
        description="'file: the same paper as X (kept)' per file not indexed because the "
        "file keeping its id holds its paper in another format (not a failure)",
    )
    documents: int
    passages: int
    index_version: str | None = Field(description="The version now served")


def _report(report: BuildReport, version: str | None) -> ChangeReport:
    return ChangeReport(
        added=report.added,
        updated=report.updated,
        removed=report.removed,
        failed=[f"{Path(path).name}: {reason}" for path, reason in report.failed],
        notes=[f"{Path(path).name}: {note}" for path, note in report.same_paper],
        documents=report.documents,
        passages=report.passages,
        index_version=version,
    )


async def _receive(request: Request, target: Path, limit: int) -> bytes:
    """Stream the body into `target`; stop reading past `limit` (413). Returns its head."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(
            413,
            f"The file is larger than the {limit} byte upload limit (SCRUTINY_MAX_UPLOAD_BYTES)",
        )
    size = 0
    head = b""
    with target.open("wb") as handle:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HTTPException(
                    413,
                    f"The file is larger than the {limit} byte upload limit "
                    "(SCRUTINY_MAX_UPLOAD_BYTES)",
                )
            if len(head) < 4096:
                head += chunk[: 4096 - len(head)]
            handle.write(chunk)
    if size == 0:
        raise HTTPException(422, "The upload is empty")
    return head


def _locked() -> HTTPException:
    return HTTPException(
        status.HTTP_409_CONFLICT, "Another indexer is writing the index; try again shortly"
    )


Text = Annotated[str | None, Query(max_length=300)]


@router.post(
    "/documents",
    status_code=status.HTTP_201_CREATED,
    response_model=ChangeReport,
    responses={
        413: {"model": ErrorResponse, "description": "Over the upload size limit"},
        415: {"model": ErrorResponse, "description": "Not a PDF, Word, HTML or UTF-8 text file"},
        422: {"model": ErrorResponse, "description": "The file could not be indexed"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                "format": "binary"}}},
        }
    },
)  # fmt: skip
async def upload_document(
    request: Request,
    _: AdminDep,
    archive: ArchiveDep,
    filename: Annotated[
        str, Query(min_length=1, max_length=200, description="Name for the document's id")
    ],
    council: Text = None,
    committee: Text = None,
    meeting_date: date | None = None,
    doc_type: Text = None,
    title: Text = None,
    source_url: Text = None,
    replace: Annotated[
        bool, Query(description="Replace the indexed document with the same id (else 409)")
    ] = False,
) -> ChangeReport:
    """Add a document (the body is the file) and index it; with `replace=true`, replace
    the one already indexed under the same id.

    The id is the file name without its extension, taken off once: "Minutes
    12.03.2019.txt" and "Minutes 12.03.2020.txt" are two documents.
    """
    from starlette.concurrency import run_in_threadpool

    settings: Settings = request.app.state.settings
    folder = settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    named = Path(Path(filename.replace("\\", "/")).name or filename)  # no folders
    stem = slug(named.stem if named.suffix.lower() in SUPPORTED_SUFFIXES else named.name)
    if not stem:
        raise HTTPException(422, "filename: give a name with letters or digits")
    incoming = folder / f".incoming-{uuid.uuid4().hex}"
    try:
        head = await _receive(request, incoming, settings.max_upload_bytes)
        suffix = sniff_upload(head, incoming)
        if suffix is None:
            raise HTTPException(
                status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                "Unsupported content: send a PDF, a Word .docx or .doc, an OpenDocument .odt, "
                "a Rich Text .rtf, an HTML page, a single-file web page (.mht) or UTF-8 text "
                "(the type is read from the file's bytes, not its name)",
            )
        return await run_in_threadpool(
            _index_upload, archive, settings, folder, incoming, stem + suffix, replace,
            {"council": council, "committee": committee, "doc_type": doc_type, "title": title,
             "source_url": source_url,
             "meeting_date": meeting_date.isoformat() if meeting_date else None},
        )  # fmt: skip
    finally:
        incoming.unlink(missing_ok=True)


def _index_upload(
    archive: Archive,
    settings: Settings,
    folder: Path,
    incoming: Path,
    name: str,
    replace: bool,
    meta: dict[str, str | None],
) -> ChangeReport:
    """Place the file and index it, holding the index's writer lock throughout: a
    re-index running meanwhile could otherwise index a file this upload then removes,
    and the answer given to the client would disagree with the index."""
    indexer = Indexer(settings, archive.embedder)
    try:
        with IndexDir(settings.index_dir).lock():
            archive.refresh()
            _refuse_silent_replacement(archive, folder, Path(name).stem, replace)
            report = place_upload(folder, incoming, name, meta, lambda p: indexer.add([p]))
    except IndexLockedError:
        raise _locked() from None
    except UploadRejectedError as exc:
        raise HTTPException(409 if exc.duplicate else 422, str(exc)) from None
    archive.refresh()
    return _report(report, archive.version)


def _refuse_silent_replacement(
    archive: Archive, folder: Path, document_id: str, replace: bool
) -> None:
    """An upload replaces an indexed upload of the same id only when asked to (409).

    An id held by another corpus's file is refused by the indexer itself (409 too).
    """
    existing = archive.reader().stored_document(document_id)
    if existing is None or replace or Path(existing.corpus).resolve() != folder.resolve():
        return
    title = f", {existing.meta.title!r}" if existing.meta.title else ""
    raise DocumentExistsError(document_id, f"from {existing.meta.path}{title}")


@router.post("/reindex", response_model=ChangeReport)
def reindex(request: Request, _: AdminDep) -> ChangeReport:
    """Index the configured corpus folders and the uploads (incremental).

    Works when search is unavailable too (a server started on a missing or damaged
    index): this is the rebuild that brings it back.
    """
    settings: Settings = request.app.state.settings
    try:
        report = Indexer(settings, request.app.state.embedder).build()
    except IndexLockedError:
        raise _locked() from None
    try:
        archive = current_archive(request.app)
    except ScrutinyError:
        return _report(report, None)
    archive.refresh()
    return _report(report, archive.version)


@router.delete(
    "/documents/{document_id:path}",
    response_model=ChangeReport,
    responses={404: {"model": ErrorResponse, "description": "No such document"}},
)
def delete_document(
    document_id: str, request: Request, _: AdminDep, archive: ArchiveDep
) -> ChangeReport:
    """Remove a document from the index; an uploaded one is deleted from disk too.

    A document from a configured corpus folder comes back at the next re-index unless
    its file is removed from that folder.
    """
    settings: Settings = request.app.state.settings
    doc = archive.reader().stored_document(document_id)
    if doc is None:
        raise HTTPException(404, f"No document with id {document_id!r} in the index")
    folder = settings.uploads_dir.resolve()
    try:  # the file goes while the lock is held, or a re-index could bring it back
        with IndexDir(settings.index_dir).lock():
            report = Indexer(settings, archive.embedder).remove([document_id])
            if Path(doc.corpus).resolve() == folder:
                remove_upload(folder, doc.meta.path)
    except IndexLockedError:
        raise _locked() from None
    except CorpusError as exc:
        raise HTTPException(404, str(exc)) from None
    archive.refresh()
    return _report(report, archive.version)
