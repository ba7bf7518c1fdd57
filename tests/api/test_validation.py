"""Bad input gets a 4xx with a message a person can act on; never a 500 or a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from indexer.settings import Settings
from search_api.http.app import create_app

BAD_SEARCHES = [
    ({"q": "staff", "k": 0}, "k"),
    ({"q": "staff", "k": -1}, "k"),
    ({"q": "staff", "k": 10**9}, "k"),
    ({"q": "staff", "k": "ten"}, "k"),
    ({"q": "staff", "date_from": "2018-13-45"}, "date_from"),
    ({"q": "staff", "date_to": "yesterday"}, "date_to"),
    ({"q": "staff", "date_from": "2022-01-01", "date_to": "2018-01-01"}, "date_from"),
    ({"q": "staff", "mode": "semantic"}, "mode"),
    ({"q": ""}, "q"),
    ({"q": "   "}, "q"),
    ({}, "q"),
    # A 1 MB query string is refused by HTTP clients and servers before the app; 60 kB is not.
    ({"q": "x" * 60_000}, "q"),
]


def _check(r: Any, field: str) -> None:
    assert 400 <= r.status_code < 500, r.text[:300]
    body = r.json()
    assert isinstance(body["detail"], str) and field in body["detail"]
    assert "Traceback" not in r.text
    assert len(r.text) < 5000  # the offending input is not echoed back


@pytest.mark.parametrize(("params", "field"), BAD_SEARCHES)
def test_bad_search_params(client: TestClient, params: dict, field: str) -> None:
    _check(client.get("/search", params=params), field)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question": ""}, "question"),
        ({"question": " \n\t "}, "question"),
        ({"question": "x" * 20_000}, "question"),  # over max_length, under the body cap
        ({"question": "staff", "k": 0}, "k"),
        ({"question": "staff", "mode": "magic"}, "mode"),
        ({"question": "staff", "date_from": "2022-01-01", "date_to": "2020-01-01"}, "date_from"),
        ({"q": "staff"}, "question"),
        ({"question": 42}, "question"),
    ],
)
def test_bad_ask_bodies(client: TestClient, body: dict, field: str) -> None:
    _check(client.post("/ask", json=body), field)


def test_ask_needs_json(client: TestClient) -> None:
    r = client.post("/ask", content=b"not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["detail"]


def test_unknown_route_and_method(client: TestClient) -> None:
    assert client.get("/nowhere").status_code == 404
    assert client.get("/ask").status_code == 405


def test_no_index_is_503_with_the_fix(tmp_path: Path) -> None:
    app = create_app(Settings(index_dir=tmp_path / "missing", corpus=str(tmp_path)))
    with TestClient(app, raise_server_exceptions=False) as c:
        for r in (c.get("/health"), c.get("/search", params={"q": "x"})):
            assert r.status_code == 503
            assert "python -m indexer build" in r.json()["detail"]
        assert c.get("/").status_code == 200  # the page still loads and reports the problem
