"""Answers to the seed and unanswerable gold questions on the session's seed index.

`/ask` on each of these questions (729 in round 40; 204 when this was written) was the
costliest step of tests/answering (most of it pure-Python answer building on one core):
the answer floors score all of them and the abstention test reads the `tune` seed
questions among them, so they are asked once, with the request both tests made (k = 8),
and shared. Since round 40 they are asked in a process of their own (`tests.answering.gold`)
started with the first test of this folder, and the tests that read them run at the end
of the session, so the asking overlaps the rest of the suite on the second core.
"""

from __future__ import annotations

from collections.abc import Iterator
from multiprocessing.pool import AsyncResult

import pytest

from eval.questions import Question
from indexer.settings import Settings
from search_api.answering import Answer
from tests.answering.gold import gold_questions, start_asking

GOLD = "gold_answers"

READERS = pytest.StashKey[bool]()


@pytest.hookimpl(trylast=True)  # after `-m` and `-k` have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests that read the gold answers last (in their order), so the session runs
    everything else while the answers are asked; none selected, none are asked."""
    readers = [i for i in items if GOLD in getattr(i, "fixturenames", ())]
    items[:] = [i for i in items if GOLD not in getattr(i, "fixturenames", ())] + readers
    config.stash[READERS] = bool(readers)


@pytest.fixture(scope="session")
def gold_asking(seed_settings: Settings) -> Iterator[AsyncResult[list[Answer]]]:
    """The gold answers being asked in another process (`tests.answering.gold`)."""
    pool, answers = start_asking(seed_settings)
    try:
        yield answers
    finally:
        pool.terminate()
        pool.join()


@pytest.fixture(autouse=True)
def _start_gold_asking(request: pytest.FixtureRequest) -> None:
    """Starts the asking with this folder's first test, not with the last ones (when the
    session runs a test that reads the answers)."""
    if request.config.stash.get(READERS, False):
        request.getfixturevalue("gold_asking")


@pytest.fixture(scope="session")
def gold_answers(gold_asking: AsyncResult[list[Answer]]) -> list[tuple[Question, Answer]]:
    """Each question of eval/questions/seeds.jsonl and unanswerable.jsonl with the answer
    a reader of the seed index gives it; the tests only read them."""
    return list(zip(gold_questions(), gold_asking.get(), strict=True))
