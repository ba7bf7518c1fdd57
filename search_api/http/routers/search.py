"""GET /search: the wire side of `Reader.search`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...ordering import page_of
from ..deps import ReaderDep
from ..schemas import ErrorResponse, SearchQuery, SearchResponse

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=SearchResponse,
    responses={422: {"model": ErrorResponse, "description": "Bad parameters"}},
)
def search(params: Annotated[SearchQuery, Query()], reader: ReaderDep) -> SearchResponse:
    """Ranked, cited passages. Hybrid retrieval unless `mode` says otherwise.

    Dates named in `q` ("between 2018 and 2022") boost passages inside the span, and a
    question about change returns passages from the earliest to the latest meeting.
    `sort=newest|oldest` orders the most relevant passages by meeting date; `offset`
    pages on (`has_more` says whether a next page has passages).
    """
    page = page_of(reader, params.to_request(), params.sort, params.offset)
    return SearchResponse.of_page(page, params.k)
