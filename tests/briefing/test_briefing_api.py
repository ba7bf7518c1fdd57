"""POST /briefing through the test client (lifespan included) on the seed index."""

from __future__ import annotations

import io
import json
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient

STAFFING: dict[str, Any] = {
    "topic": "agency staffing", "date_from": "2018-01-01", "date_to": "2022-12-31",
    "generated_at": False,
}  # fmt: skip
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_markdown_download(client: TestClient) -> None:
    r = client.post("/briefing", json={**STAFFING, "format": "markdown"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/markdown; charset=utf-8"
    assert r.headers["content-disposition"] == (
        'attachment; filename="briefing-agency-staffing.md"'
    )
    text = r.text
    assert text.startswith("# Briefing: agency staffing")
    assert text.index("about 40%") < text.index("33.3%")
    assert "<http://testserver/documents/001_3bf3cecc07ef430f/source>" in text
    assert r.headers["content-security-policy"]


def test_docx_download(client: TestClient) -> None:
    r = client.post("/briefing", json={**STAFFING, "format": "docx"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == DOCX
    assert 'filename="briefing-agency-staffing.docx"' in r.headers["content-disposition"]
    document = docx.Document(io.BytesIO(r.content))
    assert document.paragraphs[0].text == "Briefing: agency staffing"


def test_json_is_the_briefing_model(client: TestClient) -> None:
    r = client.post("/briefing", json={**STAFFING, "format": "json"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert {"title", "scope", "summary", "timeline", "actions", "references"} <= set(body)
    assert body["generated_at"] is None
    assert any(ref["paragraph"] == "41.4" for ref in body["references"])


@pytest.mark.parametrize("fmt", ["markdown", "docx"])
def test_same_request_same_bytes(client: TestClient, fmt: str) -> None:
    first = client.post("/briefing", json={**STAFFING, "format": fmt})
    second = client.post("/briefing", json={**STAFFING, "format": fmt})
    assert first.status_code == second.status_code == 200
    assert first.content == second.content


def test_generated_at_defaults_on(client: TestClient) -> None:
    r = client.post("/briefing", json={"topic": "agency staffing", "k": 3})
    assert r.status_code == 200
    assert "- Generated: " in r.text


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"topic": ""}, "topic"),
        ({"topic": "   "}, "topic"),
        ({}, "topic"),
        ({"topic": "x" * 1001}, "topic"),
        ({"topic": "staffing", "date_from": "2022-01-01", "date_to": "2018-01-01"}, "swap"),
        ({"topic": "staffing", "format": "pdf"}, "format"),
        ({"topic": "staffing", "k": 0}, "k"),
        ({"topic": "staffing", "k": 51}, "k"),
        ({"topic": "staffing", "date_from": "2018-13-45"}, "date_from"),
        ({"topic": "staffing", "mode": "psychic"}, "mode"),
    ],
)
def test_bad_requests_get_4xx_with_a_message(
    client: TestClient, body: dict[str, Any], words: str
) -> None:
    r = client.post("/briefing", json=body)
    assert 400 <= r.status_code < 500, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and words in detail


def test_openapi_documents_the_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    op = schema["paths"]["/briefing"]["post"]
    assert DOCX in op["responses"]["200"]["content"]
    assert "text/markdown; charset=utf-8" in op["responses"]["200"]["content"]


@pytest.mark.parametrize("fmt", ["markdown", "docx", "json"])
def test_hostile_topics_still_give_a_file(client: TestClient, fmt: str) -> None:
    hostile = (
        "agency staffing\x00 <b>*x*</b> \x1b\x7f",
        "staff\x00ing\x1b[31m <script>*x*</script>\x7f",
        "☃" * 1000,
    )
    for topic in hostile:
        r = client.post("/briefing", json={"topic": topic, "format": fmt, "k": 2})
        if not topic.startswith("agency"):  # nothing on it: a message, not a file
            assert r.status_code == 404 and "no briefing was made" in r.json()["detail"]
            assert "\x00" not in r.json()["detail"] and "content-disposition" not in r.headers
            continue
        assert r.status_code == 200, (topic[:20], r.text[:300])
        disposition = r.headers["content-disposition"]
        assert disposition.isascii() and disposition.startswith('attachment; filename="briefing')
        if fmt == "docx":
            docx.Document(io.BytesIO(r.content))
        if fmt == "markdown":
            assert "<b>" not in r.text and "\x00" not in r.text
    # A lone surrogate (JSON lets a client write one as its \\u escape) is refused.
    body = json.dumps({"topic": "\ud83dstaffing", "format": fmt})
    r = client.post("/briefing", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "topic" in r.json()["detail"]
