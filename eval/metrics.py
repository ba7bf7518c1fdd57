"""Retrieval metrics from the quote-matching rule (trec_eval's definitions).

Two levels of judgement, both derived from the same rule:

* **Quote level** (evidence recall@k). Qrels: each gold quote of a question is a
  relevant "document" (`<qid>#q<i>`, relevance 1); they are the same for every
  configuration. For a cutoff k, the run holds the quotes that the top k passages
  support. `recall` over that run is the share of the question's quotes supported
  by the top k passages. One run per k, because a passage can support several quotes
  and a quote several passages, so quote positions cannot stand in for passage ranks.
* **Passage level** (MRR@10, nDCG@10). The run is the ranked passages themselves;
  qrels give each returned passage the number of quotes it supports (its gain).
  Quotes that no returned passage supports enter the qrels as pseudo-documents
  `<qid>#q<i>:unfound` (gain 1) that no run contains: without them the ideal ranking
  would only know the evidence the system found, and a system that surfaced one of
  four quotes at rank 1 would score a perfect nDCG.

Unanswerable questions have no evidence and are left out of every retrieval average.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from eval.matching import supported_quotes
from eval.questions import KINDS, Question, quote_id
from eval.searchers import RetrievedPassage

__all__ = [
    "CONTRACT_METRICS",
    "RECALL_CURVE_KS",
    "ConfigScores",
    "QuestionResult",
    "judge",
    "passage_qrels",
    "passage_run",
    "quote_qrels",
    "quote_run_at",
    "score_config",
    "trend_span",
]

CONTRACT_METRICS = ("recall@5", "recall@10", "mrr@10", "ndcg@10", "trend_span@10", "latency_ms_p50")
RECALL_CURVE_KS = tuple(range(1, 11))

Qrels = dict[str, dict[str, int]]
RunDict = dict[str, dict[str, float]]


@dataclass
class QuestionResult:
    """What one configuration returned for one question, judged by the matching rule."""

    question: Question
    passages: list[RetrievedPassage]
    latency_ms: float
    support: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.support:
            self.support = judge(self.question, self.passages)

    def covered(self, k: int) -> set[int]:
        """Indices of the quotes supported by the top k passages."""
        return {i for s in self.support[:k] for i in s}

    def first_hit_rank(self, k: int = 10) -> int | None:
        for rank, s in enumerate(self.support[:k], 1):
            if s:
                return rank
        return None


def judge(question: Question, passages: Sequence[RetrievedPassage]) -> list[list[int]]:
    """For each ranked passage, the indices of the question's quotes it supports."""
    quotes = question.quotes
    return [supported_quotes(p.text, quotes) if quotes else [] for p in passages]


def _dedupe(passages: Sequence[RetrievedPassage]) -> list[tuple[int, RetrievedPassage]]:
    """Ranked passages with duplicate ids dropped (first rank kept); ranks stay 1-based."""
    seen: set[str] = set()
    out = []
    for rank, p in enumerate(passages, 1):
        if p.id not in seen:
            seen.add(p.id)
            out.append((rank, p))
    return out


def quote_qrels(questions: Sequence[Question]) -> Qrels:
    return {
        q.id: {qid: 1 for qid in q.quote_ids()} for q in questions if q.answerable and q.evidence
    }


def quote_run_at(results: Sequence[QuestionResult], k: int) -> RunDict:
    """Quotes supported by each question's top k passages; score = 1 / first supporting rank."""
    run: RunDict = {}
    for r in results:
        first: dict[int, int] = {}
        for rank, s in enumerate(r.support[:k], 1):
            for i in s:
                first.setdefault(i, rank)
        run[r.question.id] = {quote_id(r.question.id, i): 1.0 / rank for i, rank in first.items()}
    return run


def passage_run(results: Sequence[QuestionResult], k: int = 10) -> RunDict:
    """Ranked passages; scores strictly decrease with rank so ties cannot reorder them."""
    return {
        r.question.id: {p.id: float(k + 1 - rank) for rank, p in _dedupe(r.passages[:k])}
        for r in results
    }


def passage_qrels(results: Sequence[QuestionResult], k: int = 10) -> Qrels:
    """Gain of each returned passage = quotes it supports, plus `:unfound` pseudo-docs."""
    qrels: Qrels = {}
    for r in results:
        rels: dict[str, int] = {}
        for rank, p in _dedupe(r.passages[:k]):
            n = len(r.support[rank - 1])
            if n:
                rels[p.id] = n
        for i in sorted(set(range(len(r.question.evidence))) - r.covered(k)):
            rels[f"{quote_id(r.question.id, i)}:unfound"] = 1
        qrels[r.question.id] = rels
    return qrels


def trend_span(result: QuestionResult, dates: Mapping[str, date], k: int = 10) -> float | None:
    """1.0 when the top k supports both an earliest-dated and a latest-dated quote.

    A quote's date is the earliest meeting date of the files it stands in; quotes tied on
    the earliest (or latest) date are interchangeable. None when no quote has a date.
    """
    qdates = result.question.quote_dates(dict(dates))
    dated = [(i, d) for i, d in enumerate(qdates) if d is not None]
    if not dated:
        return None
    lo = min(d for _, d in dated)
    hi = max(d for _, d in dated)
    covered = result.covered(k)
    has_lo = any(i in covered for i, d in dated if d == lo)
    has_hi = any(i in covered for i, d in dated if d == hi)
    return 1.0 if has_lo and has_hi else 0.0


@dataclass
class ConfigScores:
    """One configuration's scores: means, per kind, per question, recall curve."""

    name: str
    summary: dict[str, float | None]
    by_kind: dict[str, dict[str, float | None]]
    by_split: dict[str, dict[str, float | None]]
    """Means per `Question.split_label`: tune, test, in-sample (dev)."""
    by_set: dict[str, dict[str, float | None]]
    """Means per `Question.set_name` (kent, kingston, seeds, ...)."""
    per_question: dict[str, dict[str, float | int | None]]
    recall_curve: dict[int, float]
    qrels: Qrels
    run: RunDict


def _ranked(scores: Mapping[str, float]) -> list[str]:
    """A run's documents, best score first (ties by id, so the order never depends on input)."""
    return [d for d, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))]


def _recall(rels: Mapping[str, int], ranked: Sequence[str], k: int | None) -> float:
    relevant = {d for d, g in rels.items() if g > 0}
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


def _mrr(rels: Mapping[str, int], ranked: Sequence[str], k: int | None) -> float:
    for rank, d in enumerate(ranked[:k], 1):
        if rels.get(d, 0) > 0:
            return 1.0 / rank
    return 0.0


def _ndcg(rels: Mapping[str, int], ranked: Sequence[str], k: int | None) -> float:
    """Linear gain (Järvelin-Kekäläinen), discount log2(rank + 1): trec_eval's ndcg_cut."""
    dcg = sum(rels.get(d, 0) / math.log2(rank + 1) for rank, d in enumerate(ranked[:k], 1))
    ideal = sorted((g for g in rels.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 1) for rank, g in enumerate(ideal, 1))
    return dcg / idcg if idcg else 0.0


def _per_query(qrels: Qrels, run: RunDict, metric: str) -> dict[str, float]:
    """One metric per query of the qrels; a query the run lacks scores 0.

    Written out rather than taken from ranx: three textbook formulas, checked against
    hand-computed values in tests/eval/test_metrics.py, where ranx's numba kernels cost
    about two minutes of compilation in every fresh environment (CI's included).
    """
    name, _, cut = metric.partition("@")
    formulas = {"recall": _recall, "mrr": _mrr, "ndcg": _ndcg}
    if name not in formulas:
        raise ValueError(f"unknown metric {metric!r}")
    k = int(cut) if cut else None
    return {qid: formulas[name](rels, _ranked(run.get(qid, {})), k) for qid, rels in qrels.items()}


def _mean(values: Sequence[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.fmean(vals) if vals else None


def score_config(
    name: str,
    results: Sequence[QuestionResult],
    dates: Mapping[str, date],
    k: int = 10,
) -> ConfigScores:
    answerable = [r for r in results if r.question.answerable]
    qq = quote_qrels([r.question for r in answerable])

    recall_at: dict[int, dict[str, float]] = {}
    for cut in sorted(set(RECALL_CURVE_KS) | {5, k}):
        recall_at[cut] = _per_query(qq, quote_run_at(answerable, cut), "recall")

    pq = passage_qrels(answerable, k)
    prun = passage_run(answerable, k)
    ranked = {m: _per_query(pq, prun, m) for m in (f"mrr@{k}", f"ndcg@{k}")}

    per_question: dict[str, dict[str, float | int | None]] = {}
    for r in results:
        qid = r.question.id
        row: dict[str, float | int | None] = {
            "latency_ms": r.latency_ms,
            "returned": len(r.passages),
        }
        if r.question.answerable:
            row.update(
                {
                    "recall@5": recall_at[5][qid],
                    f"recall@{k}": recall_at[k][qid],
                    f"mrr@{k}": ranked[f"mrr@{k}"][qid],
                    f"ndcg@{k}": ranked[f"ndcg@{k}"][qid],
                    "first_hit_rank": r.first_hit_rank(k),
                    "quotes": len(r.question.evidence),
                    f"quotes_found@{k}": len(r.covered(k)),
                    f"trend_span@{k}": trend_span(r, dates, k)
                    if r.question.kind == "trend"
                    else None,
                }
            )
        per_question[qid] = row

    metric_keys = ["recall@5", f"recall@{k}", f"mrr@{k}", f"ndcg@{k}", f"trend_span@{k}"]

    def means(rs: Sequence[QuestionResult]) -> dict[str, float | None]:
        rows = [per_question[r.question.id] for r in rs if r.question.answerable]
        out: dict[str, float | None] = {
            m: _mean([_f(row.get(m)) for row in rows]) for m in metric_keys
        }
        out["n"] = float(len(rs))
        return out

    latencies = [r.latency_ms for r in results]
    summary = {m: v for m, v in means(results).items() if m != "n"}
    summary["latency_ms_p50"] = statistics.median(latencies) if latencies else None
    by_kind: dict[str, dict[str, float | None]] = {
        kind: means([r for r in results if r.question.kind == kind])
        for kind in KINDS
        if any(r.question.kind == kind for r in results)
    }
    by_split = {
        label: means([r for r in results if r.question.split_label == label])
        for label in dict.fromkeys(r.question.split_label for r in results)
    }
    by_set = {
        name_: means([r for r in results if r.question.set_name == name_])
        for name_ in dict.fromkeys(r.question.set_name for r in results)
    }
    curve = {
        c: statistics.fmean(recall_at[c].values()) if recall_at[c] else 0.0 for c in RECALL_CURVE_KS
    }
    return ConfigScores(
        name=name,
        summary=summary,
        by_kind=by_kind,
        by_split=by_split,
        by_set=by_set,
        per_question=per_question,
        recall_curve=curve,
        qrels=pq,
        run=prun,
    )


def _f(v: float | int | None) -> float | None:
    return None if v is None else float(v)
