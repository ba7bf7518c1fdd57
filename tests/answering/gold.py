"""The gold questions asked in a process of their own, beside the rest of the session.

Answering the seed and unanswerable gold questions is pure-Python answer building on
one core (round 35: a second thread gains nothing under the interpreter lock) and took
the largest share of `make test`'s pytest; the session's own tests use about one core of
the two as well. A spawned process (its own interpreter, model load and reader of the
session's seed index, which it only reads) asks them on the other core while the session
carries on, and hands back the answers; the tests that read them run last
(`tests/answering/conftest.py`), by when they are ready.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from eval.questions import Question, load_questions
from indexer.settings import Settings
from search_api.answering import Answer
from search_api.search import SearchRequest

QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "questions"
GOLD_FILES = (QUESTIONS / "seeds.jsonl", QUESTIONS / "unanswerable.jsonl")
K = 8
"""The request both readers of the answers made when each asked for its own."""


def gold_questions() -> list[Question]:
    """Every question of eval/questions/seeds.jsonl and unanswerable.jsonl, both splits."""
    return load_questions(list(GOLD_FILES))


def ask_all(settings: Settings) -> list[Answer]:
    """`Reader.ask` (what `/ask` serves) on each gold question, in order, on the index
    `settings` names; run in the spawned process.

    Torch keeps to one thread here: the session's encodes (builds on two threads) run
    beside it, and every encode of an answer is a short call the session's embedder runs
    on one thread too (bit-identical vectors either way)."""
    import torch

    from indexer.embedding import Embedder
    from search_api.archive import Archive

    torch.set_num_threads(1)
    reader = Archive.open(settings, Embedder(settings.model, settings.batch_size)).reader()
    return [reader.ask(SearchRequest(q.question, K)) for q in gold_questions()]


def start_asking(settings: Settings) -> tuple[Pool, AsyncResult[list[Answer]]]:
    """`ask_all` started in a fresh (spawned, not forked: torch's threads do not survive
    a fork) process; `terminate` the pool when the answers are no longer wanted (a session
    stopped early does not wait for the asking to end)."""
    pool = multiprocessing.get_context("spawn").Pool(1)
    return pool, pool.apply_async(ask_all, (settings,))
