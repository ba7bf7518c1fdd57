"""POST /briefing: the library's briefing, rendered as the file asked for."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from ...briefing import Briefing
from ...briefing_render import MEDIA_TYPES, filename_for, render
from ..deps import ReaderDep, public_base
from ..schemas import BriefingBody, ErrorResponse

router = APIRouter(tags=["briefing"])


@router.post(
    "/briefing",
    response_class=Response,
    responses={
        200: {
            "model": Briefing,
            "description": "The briefing note as a file to download (the model: format json)",
            "content": {media: {} for media in MEDIA_TYPES.values() if media != "application/json"},
        },
        404: {"model": ErrorResponse, "description": "Nothing found on the topic: no file"},
        422: {"model": ErrorResponse, "description": "Bad request body"},
    },
)
def briefing(body: BriefingBody, request: Request, reader: ReaderDep) -> Response:
    """A cited briefing note on a topic: scope, summary, timeline by meeting, actions and
    commitments, numbered references. Every statement is quoted from a cited passage.

    `format` is markdown, docx or json (the `Briefing` model). With `generated_at`
    false the same index and request give the same bytes.
    """
    built = reader.briefing(body.to_request(), public_base(request))
    if built.abstained or not built.references:
        # A file that says "Nothing found." in every section helps nobody: say so instead.
        raise HTTPException(
            404,
            f"Nothing in the archive on “{body.topic[:200]}” within the chosen filters, so "
            "no briefing was made. Try other words or wider filters.",
        )
    return Response(
        render(built, body.format),
        media_type=MEDIA_TYPES[body.format],
        headers={
            "Content-Disposition": f'attachment; filename="{filename_for(body.topic, body.format)}"'
        },
    )
