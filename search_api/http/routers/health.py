"""GET /health and /facets."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import ReaderDep
from ..schemas import ErrorResponse, FacetsResponse, HealthResponse

router = APIRouter(tags=["status"])


@router.get(
    "/health",
    response_model=HealthResponse,
    responses={503: {"model": ErrorResponse, "description": "No usable index"}},
)
def health(reader: ReaderDep) -> HealthResponse:
    """Whether the index is loaded, and what it holds."""
    return HealthResponse.of(reader.stats())


@router.get("/facets", response_model=FacetsResponse, tags=["search"])
def facets(reader: ReaderDep) -> FacetsResponse:
    """Committees, document types and the date range: the search page's filter choices."""
    return FacetsResponse.of(reader.facets())
