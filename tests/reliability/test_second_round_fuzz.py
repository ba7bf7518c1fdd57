"""Fuzzing the second round's defences (issue 16) with generated inputs: Host headers,
JSON bodies around the size cap (declared and chunked), and pairs of upload names that
may or may not come to the same id. Bounded here; `python -m reliability fuzz` runs it
longer with a random seed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.embedding import Embedder
from indexer.ingest.manifest import slug
from indexer.ingest.readers import SUPPORTED_SUFFIXES
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.http.app import create_app

from .conftest import GOOD_MINUTES

EXAMPLES = int(os.environ.get("RELIABILITY_API_EXAMPLES", "60"))
UPLOAD_EXAMPLES = max(4, EXAMPLES // 10)
"""Each upload publishes a version (about a second): a tenth of the other tests' count."""
TOKEN = "second-round-fuzz-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CAP = 8 * 1024

BASE = settings(
    deadline=None,
    derandomize=not os.environ.get("RELIABILITY_FUZZ_RANDOM"),
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def client(seed_copy: Settings, embedder: Embedder) -> Iterator[TestClient]:
    settings_ = seed_copy.model_copy(
        update={"admin_token": TOKEN, "max_json_body_bytes": CAP, "allowed_hosts": None,
                "public_url": "https://search.example.gov.uk"}
    )  # fmt: skip
    app = create_app(archive=Archive.open(settings_, embedder))
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        yield c


ALLOWED = {"127.0.0.1", "localhost", "::1", "search.example.gov.uk"}

hosts = st.one_of(
    st.sampled_from(sorted(ALLOWED) + ["LOCALHOST", "[::1]", "127.0.0.2", "0.0.0.0", "",
                                       "search.example.gov.uk.attacker.example",
                                       "attacker.example#@127.0.0.1", "127.0.0.1 ",
                                       "xn--80ak6aa92e.com", "[::ffff:127.0.0.1]"]),
    st.from_regex(r"[a-z0-9.\-]{1,40}", fullmatch=True),
    st.text(st.characters(codec="latin-1", exclude_characters="\r\n\x00"), max_size=40),
)  # fmt: skip


@settings(BASE, max_examples=EXAMPLES)
@given(host=hosts, port=st.one_of(st.none(), st.integers(0, 70000)))
def test_host_headers(client: TestClient, host: str, port: int | None) -> None:
    """Only the configured names are answered (any port); anything else is a 400 that
    names the setting, never a 500."""
    header = host if port is None else f"{host}:{port}"
    response = client.get("/health", headers={"Host": header.encode("latin-1")})
    name = host.strip().lower()
    name = name[1:-1] if name.startswith("[") and name.endswith("]") else name
    if response.status_code == 200:
        assert name in ALLOWED, header
    else:
        assert response.status_code == 400, (header, response.status_code, response.text)
        assert "SCRUTINY_ALLOWED_HOSTS" in response.json()["detail"]


@settings(BASE, max_examples=EXAMPLES)
@given(
    route=st.sampled_from(["/ask", "/briefing"]),
    size=st.one_of(st.integers(0, 4 * CAP), st.sampled_from([CAP - 20, CAP - 1, CAP, CAP + 1])),
    chunked=st.booleans(),
    filler=st.sampled_from([b"a", b"\\u00e9", b"\xc3\xa9", b'"', b"\x00", b" "]),
)
def test_json_bodies_around_the_cap(
    client: TestClient, route: str, size: int, chunked: bool, filler: bytes
) -> None:
    """Over the cap: 413 naming the setting, whether the length is declared or not;
    at or under it: an answer or a 4xx about the body, never a 500."""
    key = b"question" if route == "/ask" else b"topic"
    head, tail = b'{"' + key + b'": "', b'"}'
    body = head + (filler * size)[: max(0, size - len(head) - len(tail))] + tail
    content: bytes | Iterator[bytes] = body
    if chunked:
        content = iter([body[i : i + 1000] for i in range(0, len(body), 1000)])
    response = client.post(route, content=content, headers={"Content-Type": "application/json"})
    if len(body) > CAP:
        assert response.status_code == 413, (len(body), response.text[:200])
        assert "SCRUTINY_MAX_JSON_BODY_BYTES" in response.text
    else:
        assert response.status_code < 500, response.text[:300]


names = st.one_of(
    st.from_regex(r"[A-Za-z0-9 ._\-]{1,30}(\.(txt|md|TXT))?", fullmatch=True),
    st.sampled_from(["Cabinet Minutes 12.03.2019.txt", "Cabinet Minutes 12.03.2020.txt",
                     "report v1.2", "report v1.3", "report v1.2.txt", "a..b.txt", "a b.txt",
                     "a-b.txt", "A B.TXT", "minutes.txt.txt", "..txt", "x/../y.txt"]),
)  # fmt: skip


def _id(filename: str) -> str:
    """The id the server gives an upload: its name's slug, a supported extension off once."""
    named = Path(Path(filename.replace("\\", "/")).name or filename)
    return slug(named.stem if named.suffix.lower() in SUPPORTED_SUFFIXES else named.name)


@settings(BASE, max_examples=UPLOAD_EXAMPLES)
@given(first=names, second=names)
def test_two_uploads_never_replace_silently(client: TestClient, first: str, second: str) -> None:
    """Issue 16 #1: the second upload either gets an id of its own (and both are
    indexed) or is a 409 naming the first; it never answers "updated" unasked."""
    a_id, b_id = _id(first), _id(second)
    if not a_id or not b_id:
        return  # no letters or digits: refused with 422, tested elsewhere
    for doc in {a_id, b_id}:
        client.delete(f"/documents/{doc}", headers=AUTH)
    body_a = GOOD_MINUTES.replace("marmalade", "quince").encode()
    body_b = GOOD_MINUTES.replace("marmalade", "damson").encode()
    headers = {**AUTH, "Content-Type": "application/octet-stream"}
    a = client.post("/documents", params={"filename": first}, content=body_a, headers=headers)
    assert a.status_code == 201 and a.json()["added"] == [a_id], (first, a.text)
    b = client.post("/documents", params={"filename": second}, content=body_b, headers=headers)
    if a_id == b_id:
        assert b.status_code == 409 and f"'{a_id}'" in b.json()["detail"], (first, second, b.text)
    else:
        assert b.status_code == 201 and b.json()["added"] == [b_id], (first, second, b.text)
        assert not b.json()["updated"]
    assert client.get(f"/documents/{a_id}/source").content == body_a
    for doc in {a_id, b_id}:
        assert client.delete(f"/documents/{doc}", headers=AUTH).status_code in (200, 404)
