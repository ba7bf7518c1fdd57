"""POST /briefing: the library's briefing, rendered as the file asked for."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...briefing import Briefing
from ...briefing_render import MEDIA_TYPES, filename_for, render
from ..deps import ReaderDep
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
        422: {"model": ErrorResponse, "description": "Bad request body"},
    },
)
def briefing(body: BriefingBody, request: Request, reader: ReaderDep) -> Response:
    """A cited briefing note on a topic: scope, summary, timeline by meeting, actions and
    commitments, numbered references. Every statement is quoted from a cited passage.

    `format` is markdown, docx or json (the `Briefing` model). With `generated_at`
    false the same index and request give the same bytes.
    """
    # Links come from the configured public address when there is one, never from an
    # unchecked Host header (AllowedHosts has vetted this one).
    base_url = request.app.state.settings.public_url or str(request.base_url)
    built = reader.briefing(body.to_request(), base_url)
    return Response(
        render(built, body.format),
        media_type=MEDIA_TYPES[body.format],
        headers={
            "Content-Disposition": f'attachment; filename="{filename_for(body.topic, body.format)}"'
        },
    )
