"""GET /meetings and one meeting: the archive read as the meetings it records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...meetings import MeetingDetail, list_meetings, meeting_detail
from ..deps import ReaderDep
from ..schemas import ErrorResponse, MeetingsQuery, MeetingsResponse

router = APIRouter(prefix="/meetings", tags=["meetings"])


@router.get("", response_model=MeetingsResponse,
            responses={422: {"model": ErrorResponse, "description": "Bad parameters"}})  # fmt: skip
def meetings(params: Annotated[MeetingsQuery, Query()], reader: ReaderDep) -> MeetingsResponse:
    """Every meeting, newest first (undated last), optionally of one committee or year."""
    found = list_meetings(reader, params.committee or None, params.year)
    return MeetingsResponse(count=len(found), meetings=found)


@router.get(
    "/{meeting_id}",
    response_model=MeetingDetail,
    responses={404: {"model": ErrorResponse, "description": "No such meeting"}},
)
def meeting(meeting_id: str, reader: ReaderDep) -> MeetingDetail:
    """A meeting: its agenda items in order with their minutes, and all its documents
    (each with the council's original link where known)."""
    return meeting_detail(reader, meeting_id)
