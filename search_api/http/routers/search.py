from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ..deps import ServiceDep
from ..schemas import ErrorResponse, SearchQuery, SearchResponse

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=SearchResponse,
    responses={422: {"model": ErrorResponse, "description": "Bad parameters"}},
)
def search(params: Annotated[SearchQuery, Query()], service: ServiceDep) -> SearchResponse:
    """Ranked, cited passages. Hybrid retrieval unless `mode` says otherwise.

    Dates named in `q` ("between 2018 and 2022") boost passages inside the span, and a
    question about change returns passages from the earliest to the latest meeting.
    """
    return service.search(params)
