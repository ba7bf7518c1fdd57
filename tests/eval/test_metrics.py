"""Metric values on hand-made examples, and wrong rankings scoring lower."""

from __future__ import annotations

import math
import random
import re
from datetime import date

import pytest

from eval.documents import read_text
from eval.matching import supports
from eval.metrics import QuestionResult, passage_qrels, score_config, trend_span
from eval.questions import Evidence, Question, load_questions
from eval.runner import run_config
from eval.searchers import RetrievedPassage

from .helpers import CORPUS, SHARED_DEV, StaticSearcher


def _q(qid: str, kind: str, quotes: list[str], found_in: list[str] | None = None) -> Question:
    files = found_in or ["a.txt"] * len(quotes)
    return Question(
        id=qid,
        question=f"question {qid}",
        kind=kind,  # type: ignore[arg-type]
        evidence=[Evidence(quote=q, found_in=[f]) for q, f in zip(quotes, files, strict=True)],
    )


def _r(q: Question, texts: list[str]) -> QuestionResult:
    passages = [RetrievedPassage(id=f"{q.id}-p{i}", text=t) for i, t in enumerate(texts, 1)]
    return QuestionResult(question=q, passages=passages, latency_ms=1.0)


@pytest.fixture
def tiny() -> list[QuestionResult]:
    q1 = _q("q1", "list", ["alpha one", "beta two"])
    q2 = _q("q2", "fact", ["gamma three"])
    q3 = _q("q3", "unanswerable", [])
    q4 = _q("q4", "multi", ["delta four", "epsilon five"])
    return [
        # gains by rank: 0, 1, 2 -> first hit at rank 2, both quotes by rank 3
        _r(q1, ["nothing here", "x Alpha One x", "alpha one and beta two"]),
        _r(q2, ["...gamma three..."]),
        _r(q3, ["irrelevant"]),
        # one of two quotes found, at rank 2
        _r(q4, ["noise", "delta four"]),
    ]


def test_hand_computed_values(tiny: list[QuestionResult]) -> None:
    cs = score_config("toy", tiny, dates={}, k=10)
    pq = cs.per_question
    log2 = math.log2
    # q1: DCG = 1/log2(3) + 2/log2(4); IDCG = 2/log2(2) + 1/log2(3)
    assert pq["q1"]["recall@10"] == pytest.approx(1.0)
    assert pq["q1"]["mrr@10"] == pytest.approx(0.5)
    assert pq["q1"]["ndcg@10"] == pytest.approx((1 / log2(3) + 2 / 2) / (2 + 1 / log2(3)))
    assert pq["q2"]["recall@5"] == pq["q2"]["mrr@10"] == pq["q2"]["ndcg@10"] == pytest.approx(1.0)
    # q4: the unfound quote enters the ideal ranking: IDCG = 1 + 1/log2(3)
    assert pq["q4"]["recall@10"] == pytest.approx(0.5)
    assert pq["q4"]["mrr@10"] == pytest.approx(0.5)
    assert pq["q4"]["ndcg@10"] == pytest.approx((1 / log2(3)) / (1 + 1 / log2(3)))
    # unanswerable questions carry no retrieval scores and stay out of the means
    assert "recall@10" not in pq["q3"]
    assert cs.summary["recall@10"] == pytest.approx((1 + 1 + 0.5) / 3)
    assert cs.summary["mrr@10"] == pytest.approx((0.5 + 1 + 0.5) / 3)
    # recall curve: only q2 has evidence at rank 1; at rank 2 q1 has half, q4 half
    assert cs.recall_curve[1] == pytest.approx(1 / 3)
    assert cs.recall_curve[2] == pytest.approx((0.5 + 1 + 0.5) / 3)
    assert cs.recall_curve[3] == pytest.approx((1 + 1 + 0.5) / 3)
    assert cs.by_kind["list"]["mrr@10"] == pytest.approx(0.5)
    assert cs.by_kind["unanswerable"]["recall@10"] is None
    assert cs.summary["trend_span@10"] is None  # no trend question


def test_a_question_with_nothing_returned_scores_zero_and_counts() -> None:
    found = _r(_q("found", "fact", ["gamma three"]), ["gamma three"])
    empty = _r(_q("empty", "fact", ["delta four"]), [])
    cs = score_config("x", [found, empty], dates={})
    assert cs.per_question["empty"]["mrr@10"] == cs.per_question["empty"]["ndcg@10"] == 0.0
    assert cs.summary["mrr@10"] == pytest.approx(0.5)
    assert cs.summary["recall@10"] == pytest.approx(0.5)
    # and with nothing returned for any question, every mean is 0
    assert score_config("y", [empty], dates={}).summary["ndcg@10"] == 0.0


def test_recall_is_quote_level_not_passage_level() -> None:
    # one passage holding both quotes gives full recall at k=1
    q = _q("q", "list", ["one", "two"])
    cs = score_config("x", [_r(q, ["one and two", "one", "two"])], dates={})
    assert cs.recall_curve[1] == pytest.approx(1.0)


def test_passage_qrels_gain_is_quotes_supported(tiny: list[QuestionResult]) -> None:
    qrels = passage_qrels(tiny)
    assert qrels["q1"] == {"q1-p2": 1, "q1-p3": 2}
    assert qrels["q4"] == {"q4-p2": 1, "q4#q1:unfound": 1}


def test_trend_span_needs_earliest_and_latest() -> None:
    dates = {"a.txt": date(2017, 1, 1), "b.txt": date(2019, 3, 1), "c.txt": date(2022, 7, 14)}
    q = _q("t", "trend", ["early", "middle", "late"], ["a.txt", "b.txt", "c.txt"])
    assert trend_span(_r(q, ["early", "x", "late"]), dates) == 1.0
    assert trend_span(_r(q, ["early", "middle"]), dates) == 0.0
    assert trend_span(_r(q, ["middle", "late"]), dates) == 0.0
    # outside the top k does not count
    assert trend_span(_r(q, ["early"] + ["x"] * 10 + ["late"]), dates) == 0.0
    # a quote standing in two documents takes the earlier date
    q2 = Question(
        id="t2",
        question="?",
        kind="trend",
        evidence=[
            Evidence(quote="repeated", found_in=["c.txt", "a.txt"]),
            Evidence(quote="late", found_in=["c.txt"]),
        ],
    )
    assert trend_span(_r(q2, ["repeated"]), dates) == 0.0
    assert trend_span(_r(q2, ["repeated", "late"]), dates) == 1.0
    assert trend_span(_r(q2, ["x"]), {}) is None


def _seed_paragraphs() -> list[tuple[str, str]]:
    paras = []
    for path in sorted(CORPUS.glob("*.txt")):
        for i, block in enumerate(re.split(r"\n\s*\n", read_text(path))):
            if block.strip():
                paras.append((f"{path.stem}:{i}", block))
    return paras


def test_wrong_rankings_score_lower() -> None:
    """On the real dev set: supporting paragraphs first beats them reversed or shuffled."""
    questions = load_questions(SHARED_DEV)
    paras = _seed_paragraphs()
    right, reversed_, shuffled = {}, {}, {}
    rng = random.Random(7)
    for q in questions:
        good = [p for p in paras if any(supports(p[1], e.quote) for e in q.evidence)]
        rest = [p for p in paras if p not in good]
        ranking = good + rest
        right[q.question] = ranking
        reversed_[q.question] = ranking[::-1]
        mixed = ranking[:]
        rng.shuffle(mixed)
        shuffled[q.question] = mixed
    scores = {
        name: score_config(name, run_config(StaticSearcher(name, r), questions), dates={})
        for name, r in [("right", right), ("reversed", reversed_), ("shuffled", shuffled)]
    }
    for wrong in ("reversed", "shuffled"):
        for m in ("recall@5", "recall@10", "mrr@10", "ndcg@10"):
            assert scores[wrong].summary[m] < scores["right"].summary[m], (wrong, m)  # type: ignore[operator]
    assert scores["right"].summary["mrr@10"] == pytest.approx(1.0)
