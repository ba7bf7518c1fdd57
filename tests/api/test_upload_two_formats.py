"""The upload route reports a file of an indexed paper's id as the build does: the same
paper in another format is "the same paper as X (kept)", a different paper under that
name is a different paper; both 409, and the folder and index stay as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.http.app import create_app
from tests.conftest import CORPUS
from tests.documents import build_docx

TOKEN = "s3cret-token-for-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/octet-stream"}


@pytest.fixture
def admin(seed_copy: Settings, embedder: Embedder) -> Iterator[TestClient]:
    settings = seed_copy.model_copy(update={"admin_token": TOKEN})
    engine = Archive.open(settings, embedder)
    with TestClient(create_app(archive=engine), raise_server_exceptions=False) as client:
        yield client


def _as_docx(seed: str) -> bytes:
    lines = [line for line in seed.splitlines() if line.strip()]
    return build_docx(lines[0], lines[1:], [])


def test_an_upload_of_an_indexed_paper_in_another_format_is_reported_as_that_paper(
    admin: TestClient, seed_copy: Settings
) -> None:
    first, second = sorted(CORPUS.glob("*.txt"))[:2]
    version = admin.get("/health").json()["index_version"]
    name = {"filename": f"{first.stem}.docx"}
    body = _as_docx(first.read_text(encoding="utf-8"))
    same = admin.post("/documents", params=name, content=body, headers=AUTH)
    assert same.status_code == 409
    detail = same.json()["detail"]
    assert detail.startswith(f"{first.stem}.docx: the same paper as ")
    assert detail.endswith(f"{first.name} (kept)")
    body = _as_docx(second.read_text(encoding="utf-8"))
    other = admin.post("/documents", params=name, content=body, headers=AUTH)
    assert other.status_code == 409 and "holds a different paper" in other.json()["detail"]
    uploads = seed_copy.index_dir / "uploads"
    assert not [p for p in uploads.iterdir() if p.name != "manifest.csv"]
    assert admin.get("/health").json()["index_version"] == version
