from __future__ import annotations

from fastapi import APIRouter

from ..deps import ServiceDep
from ..schemas import AskRequest, AskResponse, ErrorResponse

router = APIRouter(tags=["ask"])


@router.post(
    "/ask",
    response_model=AskResponse,
    responses={422: {"model": ErrorResponse, "description": "Bad request body"}},
)
def ask(request: AskRequest, service: ServiceDep) -> AskResponse:
    """An extractive answer: sentences quoted from the minutes, each with its citation.

    When nothing in the archive supports an answer, `abstained` is true and the nearest
    passages come back under `related`.
    """
    return service.ask(request)
