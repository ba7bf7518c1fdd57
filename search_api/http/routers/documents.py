from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from ..deps import ServiceDep
from ..schemas import DocumentDetail, DocumentsResponse, ErrorResponse

router = APIRouter(prefix="/documents", tags=["documents"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such document"}
}


@router.get("", response_model=DocumentsResponse)
def list_documents(service: ServiceDep) -> DocumentsResponse:
    """Every indexed document with its metadata, oldest meeting first."""
    return service.documents()


# Declared before the catch-all below: document ids may contain "/".
@router.get(
    "/{document_id:path}/source",
    response_class=FileResponse,
    responses={**NOT_FOUND, 200: {"description": "The original file"}},
)
def document_source(document_id: str, service: ServiceDep) -> FileResponse:
    """The original file as indexed (a PDF opens at a page with `#page=N`)."""
    path, media_type = service.source_file(document_id)
    return FileResponse(
        path, media_type=media_type, headers={"X-Content-Type-Options": "nosniff"},
        content_disposition_type="inline",
    )  # fmt: skip


@router.get("/{document_id:path}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(
    document_id: str,
    service: ServiceDep,
    passage: Annotated[
        int | None, Query(ge=0, description="Mark this passage (a cited one) as selected")
    ] = None,
) -> DocumentDetail:
    """A document's metadata and its passages in reading order."""
    return service.document(document_id, passage)
