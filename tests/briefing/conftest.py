"""Briefings on the session's seed index: through a reader, the API and the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from indexer.models import SearchFilters
from search_api.archive import Archive, Reader
from search_api.briefing import Briefing, BriefingBuilder, BriefingRequest
from search_api.http.app import create_app

BASE = "http://testserver"


@pytest.fixture(scope="session")
def reader(seed_engine: Archive) -> Reader:
    return seed_engine.reader()


@pytest.fixture(scope="session")
def builder(reader: Reader) -> BriefingBuilder:
    return BriefingBuilder(reader, BASE)


@pytest.fixture(scope="session")
def staffing(builder: BriefingBuilder) -> Briefing:
    """The issue's example: agency staffing over 2018-2022."""
    return builder.build(
        BriefingRequest(
            "agency staffing",
            SearchFilters(date_from=date(2018, 1, 1), date_to=date(2022, 12, 31)),
            generated_at=False,
        )
    )  # fmt: skip


@pytest.fixture(scope="session")
def ofsted(builder: BriefingBuilder) -> Briefing:
    return builder.build(BriefingRequest("Ofsted improvement", generated_at=False))


@pytest.fixture(scope="session")
def client(seed_engine: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(archive=seed_engine), raise_server_exceptions=False) as c:
        yield c
