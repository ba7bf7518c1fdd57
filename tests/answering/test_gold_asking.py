"""The gold answers are asked beside the session (`tests.answering.gold`): the tests that
read them must come last, or the session waits for the asking instead of overlapping it."""

from __future__ import annotations

import pytest


def test_the_tests_reading_the_gold_answers_run_last(request: pytest.FixtureRequest) -> None:
    items = request.session.items
    readers = [i for i in items if "gold_answers" in getattr(i, "fixturenames", ())]
    assert items[len(items) - len(readers) :] == readers
