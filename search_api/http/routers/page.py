"""The members' pages (static files; the API does the work)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    """The members' search page."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")


@router.get("/document")
def document_page() -> FileResponse:
    """A document read in full, with a cited passage highlighted (?id=…&passage=…)."""
    return FileResponse(STATIC_DIR / "document.html", media_type="text/html; charset=utf-8")


@router.get("/meeting")
def meeting_page() -> FileResponse:
    """A meeting: its agenda items with their minutes, and its documents (?id=…)."""
    return FileResponse(STATIC_DIR / "meeting.html", media_type="text/html; charset=utf-8")
