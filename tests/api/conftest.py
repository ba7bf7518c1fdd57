"""The app on the session's seed index, through FastAPI's test client (lifespan included)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search_api.archive import Archive
from search_api.http.app import create_app


@pytest.fixture(scope="session")
def client(seed_engine: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(archive=seed_engine), raise_server_exceptions=False) as c:
        yield c
