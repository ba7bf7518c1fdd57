"""Briefings on the session's seed index: through the service, the API and the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from search_api.archive import Archive
from search_api.briefing import Briefing, BriefingBuilder, BriefingRequest
from search_api.http.app import create_app
from search_api.service import ScrutinyService

BASE = "http://testserver"


@pytest.fixture(scope="session")
def service(seed_engine: Archive) -> ScrutinyService:
    return ScrutinyService(seed_engine)


@pytest.fixture(scope="session")
def builder(service: ScrutinyService) -> BriefingBuilder:
    return BriefingBuilder(service, BASE)


@pytest.fixture(scope="session")
def staffing(builder: BriefingBuilder) -> Briefing:
    """The issue's example: agency staffing over 2018-2022."""
    return builder.build(
        BriefingRequest(
            topic="agency staffing", date_from=date(2018, 1, 1), date_to=date(2022, 12, 31),
            generated_at=False,
        )
    )  # fmt: skip


@pytest.fixture(scope="session")
def ofsted(builder: BriefingBuilder) -> Briefing:
    return builder.build(BriefingRequest(topic="Ofsted improvement", generated_at=False))


@pytest.fixture(scope="session")
def client(seed_engine: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(archive=seed_engine), raise_server_exceptions=False) as c:
        yield c
