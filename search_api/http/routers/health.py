from __future__ import annotations

from fastapi import APIRouter

from ..deps import ServiceDep
from ..schemas import ErrorResponse, FacetsResponse, HealthResponse

router = APIRouter(tags=["status"])


@router.get(
    "/health",
    response_model=HealthResponse,
    responses={503: {"model": ErrorResponse, "description": "No usable index"}},
)
def health(service: ServiceDep) -> HealthResponse:
    """Whether the index is loaded, and what it holds."""
    return service.health()


@router.get("/facets", response_model=FacetsResponse, tags=["search"])
def facets(service: ServiceDep) -> FacetsResponse:
    """Committees, document types and the date range: the search page's filter choices."""
    return service.facets()
