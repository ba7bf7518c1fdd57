"""The harness on the real engine: `make test` fails if hybrid retrieval regresses.

Floors come from measured values and are never below what the baseline reaches on the
same questions (`test_floors_not_below_baseline` keeps it that way).
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("search_api.archive")

from eval.baseline import BaselineIndex, BaselineSearcher  # noqa: E402
from eval.documents import manifest_dates  # noqa: E402
from eval.questions import load_questions  # noqa: E402
from eval.runner import EvalReport, run_eval  # noqa: E402
from eval.searchers import ArchiveSearcher  # noqa: E402

from .helpers import CORPUS, EVAL_DIR, SHARED_DEV  # noqa: E402

# Measured on the dev set (seed index, bundled model): hybrid R@10 = 13/14 = 0.929 (dev-07's
# Ofsted recommendations are missed by every dense-based configuration), MRR@10 = 0.881.
# The baseline reaches R@10 = 13/14 and MRR@10 = 0.829, so the recall floor sits exactly on
# it and the MRR floor between the two.
FLOORS = {"recall@10": 13 / 14, "mrr@10": 0.85}


@pytest.fixture(scope="module")
def report(seed_engine: Any, baseline: BaselineIndex) -> EvalReport:
    questions = load_questions([SHARED_DEV, EVAL_DIR / "questions.jsonl"])
    dev = [q for q in questions if q.id.startswith("dev-")]
    searchers: list[Any] = [ArchiveSearcher(seed_engine, m) for m in ("hybrid", "dense", "lexical")]
    searchers.append(BaselineSearcher(baseline))
    return run_eval(dev, searchers, manifest_dates([CORPUS]))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_hybrid_meets_floor(report: EvalReport, metric: str) -> None:
    value = report.configs["hybrid"].summary[metric]
    assert value is not None and value >= FLOORS[metric], (metric, value)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floors_not_below_baseline(report: EvalReport, metric: str) -> None:
    value = report.configs["baseline"].summary[metric]
    assert value is not None and FLOORS[metric] >= value - 1e-9, (metric, value)


def test_every_mode_returns_passages(report: EvalReport) -> None:
    for name in ("hybrid", "dense", "lexical"):
        results = report.results[name]
        assert all(r.passages for r in results if r.question.answerable), name
