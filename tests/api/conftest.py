"""The app on the session's seed index, through FastAPI's test client (lifespan included)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from indexer.engine import SearchEngine
from search_api.app import create_app


@pytest.fixture(scope="session")
def client(seed_engine: SearchEngine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=seed_engine), raise_server_exceptions=False) as c:
        yield c
