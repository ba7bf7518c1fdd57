"""Property-based fuzzing of every route from the OpenAPI schema (schemathesis), in
process against the app on the real seed index: no 500s, no response that breaks the
schema, no undocumented status code. The admin routes are fuzzed with a token set and
random (wrong) credentials. Bounded here; `python -m reliability api-fuzz` runs longer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from indexer.settings import Settings  # noqa: E402
from search_api.archive import Archive  # noqa: E402
from search_api.http.app import create_app  # noqa: E402

EXAMPLES = int(os.environ.get("RELIABILITY_API_EXAMPLES", "25"))
COUNT_FILE = os.environ.get("RELIABILITY_COUNT_FILE")


@pytest.fixture(scope="module")
def fuzz_app(seed_engine: Archive) -> Iterator[FastAPI]:
    # The admin token is set on a copy of the settings the app reads; the engine (and its
    # index) is the shared seed one, which the fuzzer can never change: it has no token.
    engine = Archive.__new__(Archive)
    engine.__dict__.update(seed_engine.__dict__)
    engine.settings = seed_engine.settings.model_copy(
        update={"admin_token": "fuzz-token-that-nobody-guesses-0123456789"}
    )
    app = create_app(archive=engine)
    with TestClient(app, raise_server_exceptions=False):
        yield app


@pytest.fixture(scope="module")
def api_schema(fuzz_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


# The routes, read from the schema of an app that is never started (no index needed).
OPERATIONS = [
    (path, method)
    for path, item in create_app(Settings()).openapi()["paths"].items()
    for method in item
]


KNOWN_BUGS: dict[tuple[str, str], str] = {}


# schemathesis's own pytest plugin does not work with this pytest, so each operation is a
# parametrized test driving the operation's hypothesis strategy directly.
@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_every_route_from_the_schema(
    api_schema: Any, path: str, method: str, request: pytest.FixtureRequest
) -> None:
    if (path, method) in KNOWN_BUGS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_BUGS[path, method], strict=False))
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=not os.environ.get("RELIABILITY_FUZZ_RANDOM"),
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        if COUNT_FILE:  # the campaign counts the requests it sent
            with open(COUNT_FILE, "a") as handle:
                handle.write("1\n")
        response = case.call(headers={"Authorization": "Bearer wrong"})
        # A date range in the wrong order is valid for the schema (it cannot say "from before
        # to") and refused with 422: that one check is replaced by the message assertion.
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
        if response.status_code == 422:
            assert isinstance(response.json()["detail"], str)
        assert response.status_code < 500, response.text[:500]
        assert b"Traceback" not in response.content

    check()
