"""/docs and /redoc from files served here: the API documentation works offline.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so on a council network
without internet access (or behind a strict proxy) /docs was blank. The files come
from the `fastapi-offline` package (Swagger UI 5, ReDoc 2) and are mounted at
`/static-docs`; the pages' CSP allows scripts from this origin only.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

__all__ = ["DOCS_ASSETS", "DOCS_STATIC_URL", "router"]

DOCS_ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"
DOCS_STATIC_URL = "/static-docs"

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI for /openapi.json, its script and stylesheet served locally."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - API documentation",
        swagger_js_url=f"{root}{DOCS_STATIC_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{DOCS_STATIC_URL}/swagger-ui.css",
        swagger_favicon_url=f"{root}{DOCS_STATIC_URL}/favicon.png",
    )


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    """ReDoc for /openapi.json, its script served locally and no web fonts."""
    root = request.scope.get("root_path", "")
    return get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - API reference",
        redoc_js_url=f"{root}{DOCS_STATIC_URL}/redoc.standalone.js",
        redoc_favicon_url=f"{root}{DOCS_STATIC_URL}/favicon.png",
        with_google_fonts=False,
    )
