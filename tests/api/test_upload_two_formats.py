"""The upload route reports a file of an indexed paper's id as the build does: the same
paper in another format is "the same paper as X (kept)", a different paper under that
name is a different paper; both 409, and the folder and index stay as they were. A
re-index lists the build's notes beside its failures, as `python -m indexer stats` does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.http.app import create_app
from tests.conftest import CORPUS
from tests.documents import build_docx, legacy_doc_paragraphs, one_name_two_formats

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


def test_a_reindex_lists_the_same_paper_notes_beside_its_failures(
    tmp_path: Path, embedder: Embedder
) -> None:
    """`POST /reindex` answers with the build's notes (a new field, `notes`), as it lists
    its failures: the officer sees why the .doc is not among the documents."""
    seed = next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8")
    corpus = one_name_two_formats(tmp_path / "corpus", legacy_doc_paragraphs(seed))
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index", admin_token=TOKEN)
    Indexer(settings, embedder).build()
    engine = Archive.open(settings, embedder)
    with TestClient(create_app(archive=engine), raise_server_exceptions=False) as client:
        response = client.post("/reindex", headers=AUTH)
    assert response.status_code == 200
    body = response.json()
    assert body["notes"] == [f"Minutes 1.doc: the same paper as {corpus / 'Minutes 1.pdf'} (kept)"]
    assert [line.split(":")[0] for line in body["failed"]] == ["broken.pdf"]
    assert body["documents"] == 1 and body["added"] == body["removed"] == []
