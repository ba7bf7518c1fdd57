"""GET /feeds/search.atom: a search to follow in a feed reader, newest passages first."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...feeds import ATOM_MEDIA_TYPE, atom_feed
from ...ordering import page_of
from ..deps import ReaderDep, public_base
from ..schemas import ErrorResponse, FeedQuery

router = APIRouter(prefix="/feeds", tags=["search"])


@router.get(
    "/search.atom",
    response_class=Response,
    responses={
        200: {"content": {"application/atom+xml": {}}, "description": "An Atom 1.0 feed"},
        422: {"model": ErrorResponse, "description": "Bad parameters"},
    },
)
def search_feed(
    params: Annotated[FeedQuery, Query()], request: Request, reader: ReaderDep
) -> Response:
    """The newest passages matching a search (by meeting date) as an Atom feed; each
    entry links to the passage's permalink. Filters as for /search."""
    page = page_of(reader, params.to_request(), "newest", 0)
    base = public_base(request)
    query = {k: v for k, v in request.query_params.items() if k != "k"}
    body = atom_feed(
        page.hits,
        title=f"Scrutiny Search: {params.q}",
        feed_url=f"{base}/feeds/search.atom?{urlencode(request.query_params)}",
        page_url=f"{base}/?{urlencode(query)}",
        base_url=base,
    )
    return Response(body, media_type=ATOM_MEDIA_TYPE)
