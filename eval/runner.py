"""Run questions through each configuration and score them side by side."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eval.answers import AnswerScores
from eval.metrics import ConfigScores, QuestionResult, score_config
from eval.questions import Question
from eval.searchers import Searcher

__all__ = ["EvalReport", "run_config", "run_eval"]

log = logging.getLogger(__name__)


@dataclass
class EvalReport:
    questions: list[Question]
    k: int
    configs: dict[str, ConfigScores]
    results: dict[str, list[QuestionResult]]
    answers: AnswerScores | None = None
    notes: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def run_config(
    searcher: Searcher, questions: Sequence[Question], k: int = 10
) -> list[QuestionResult]:
    """Search every question (unanswerable ones too: their latency counts).

    One untimed warm-up query first, so lazy loading does not land on question one.
    """
    if questions:
        searcher.search(questions[0].question, k)
    results = []
    for q in questions:
        t0 = time.perf_counter()
        passages = searcher.search(q.question, k)
        ms = (time.perf_counter() - t0) * 1000
        results.append(QuestionResult(question=q, passages=list(passages[:k]), latency_ms=ms))
    return results


def run_eval(
    questions: Sequence[Question],
    searchers: Sequence[Searcher],
    dates: Mapping[str, date],
    k: int = 10,
) -> EvalReport:
    configs: dict[str, ConfigScores] = {}
    results: dict[str, list[QuestionResult]] = {}
    for s in searchers:
        log.info("running %s on %d questions", s.name, len(questions))
        results[s.name] = run_config(s, questions, k)
        configs[s.name] = score_config(s.name, results[s.name], dates, k)
    return EvalReport(questions=list(questions), k=k, configs=configs, results=results)
