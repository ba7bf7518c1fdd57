"""Answers to the seed and unanswerable gold questions on the session's seed index.

`/ask` on each of these questions (669 in round 34; 204 when this was written) is the
costliest step of tests/answering (most of it the term-saliency encodes of each question):
the answer floors score all of them and the abstention test reads the `tune` seed
questions among them, so they are asked once, with the request both tests made (k = 8),
and shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.questions import Question, load_questions
from search_api.answering import Answer
from search_api.archive import Archive
from search_api.search import SearchRequest

QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "questions"


@pytest.fixture(scope="session")
def gold_answers(seed_engine: Archive) -> list[tuple[Question, Answer]]:
    """Each question of eval/questions/seeds.jsonl and unanswerable.jsonl with the answer
    a reader of the seed index gives it; the tests only read them."""
    questions = load_questions([QUESTIONS / "seeds.jsonl", QUESTIONS / "unanswerable.jsonl"])
    reader = seed_engine.reader()
    return [(q, reader.ask(SearchRequest(q.question, 8))) for q in questions]
