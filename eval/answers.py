"""Answer metrics over `/ask` responses.

A response is the API's JSON: `{"question", "answer", "citations": [{"n", "passage_id",
"text", "quote", "citation"}], "abstained"}`. Scoring needs only `citations[].text`,
`citations[].quote` and `abstained`, so it works on dicts from any client:
`AskClient(base_url=...)` (httpx against a running server) or `AskClient(app=...)`
(FastAPI's in-process TestClient, lifespan included).
"""

from __future__ import annotations

import importlib
import inspect
import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from eval.matching import normalise, supports
from eval.questions import Question

__all__ = [
    "APP_CANDIDATES",
    "AnswerScores",
    "AskClient",
    "AskUnavailableError",
    "collect_answers",
    "find_app",
    "score_answers",
]

APP_CANDIDATES = ("search_api.http.app:create_app",)


class AskUnavailableError(RuntimeError):
    """No `/ask` to score: answer metrics are skipped with this message."""


@dataclass
class AnswerScores:
    citation_support: float | None
    """Share of all cited quotes (micro average) that stand in their cited passage's text."""
    citation_evidence_recall: float | None
    """Mean over answerable questions of the share of gold quotes the cited passages support."""
    abstention_accuracy: float | None
    """Share of unanswerable questions where the answer abstained."""
    false_abstention_rate: float | None
    """Share of answerable questions where the answer abstained."""
    latency_ms_p50: float | None = None
    per_question: dict[str, dict[str, Any]] = field(default_factory=dict)

    def summary(self) -> dict[str, float | None]:
        return {
            "citation_support": self.citation_support,
            "citation_evidence_recall": self.citation_evidence_recall,
            "abstention_accuracy": self.abstention_accuracy,
            "false_abstention_rate": self.false_abstention_rate,
            "latency_ms_p50": self.latency_ms_p50,
        }


def _mean(xs: Sequence[float]) -> float | None:
    return statistics.fmean(xs) if xs else None


def score_answers(
    questions: Sequence[Question],
    responses: Mapping[str, Mapping[str, Any]],
    latencies_ms: Mapping[str, float] | None = None,
) -> AnswerScores:
    """Score `/ask` responses keyed by question id; questions without a response are skipped.

    A citation without a quote cannot be checked: it is counted (`unquoted_citations`)
    but not in citation support.
    """
    supported_total = checked_total = 0
    recalls: list[float] = []
    abstain_unans: list[float] = []
    abstain_ans: list[float] = []
    per_q: dict[str, dict[str, Any]] = {}
    for q in questions:
        resp = responses.get(q.id)
        if resp is None:
            continue
        citations = list(resp.get("citations") or [])
        abstained = bool(resp.get("abstained"))
        checked = [c for c in citations if normalise(str(c.get("quote") or ""))]
        ok = sum(supports(str(c.get("text") or ""), str(c["quote"])) for c in checked)
        supported_total += ok
        checked_total += len(checked)
        row: dict[str, Any] = {
            "kind": q.kind,
            "abstained": abstained,
            "citations": len(citations),
            "unquoted_citations": len(citations) - len(checked),
            "citation_support": ok / len(checked) if checked else None,
        }
        if q.answerable:
            cited = [str(c.get("text") or "") for c in citations]
            found = [any(supports(t, quote) for t in cited) for quote in q.quotes]
            row["evidence_recall"] = sum(found) / len(found)
            recalls.append(row["evidence_recall"])
            abstain_ans.append(float(abstained))
        else:
            abstain_unans.append(float(abstained))
        per_q[q.id] = row
    lat = list((latencies_ms or {}).values())
    return AnswerScores(
        citation_support=supported_total / checked_total if checked_total else None,
        citation_evidence_recall=_mean(recalls),
        abstention_accuracy=_mean(abstain_unans),
        false_abstention_rate=_mean(abstain_ans),
        latency_ms_p50=statistics.median(lat) if lat else None,
        per_question=per_q,
    )


def find_app(spec: str | None = None, **factory_kwargs: Any) -> Any:
    """The FastAPI app from `module:attr`, or from the usual places.

    A factory (`create_app`) is called with those of `factory_kwargs` it accepts
    (`settings`, `engine`), so answers come from the same index and loaded model as the
    retrieval runs rather than from the default settings.
    """
    for cand in [spec] if spec else list(APP_CANDIDATES):
        module, _, attr = cand.partition(":")
        try:
            obj = getattr(importlib.import_module(module), attr or "app")
        except (ImportError, AttributeError) as exc:
            if spec:
                raise AskUnavailableError(f"cannot load app {spec!r}: {exc}") from exc
            continue
        if callable(obj) and not hasattr(obj, "router"):
            params = inspect.signature(obj).parameters
            return obj(**{k: v for k, v in factory_kwargs.items() if k in params})
        return obj
    raise AskUnavailableError(
        "no FastAPI app with /ask found (tried " + ", ".join(APP_CANDIDATES) + "); "
        "pass --ask-url URL or --ask-app module:attr"
    )


class AskClient:
    """POST /ask against a base URL (httpx) or an in-process app (TestClient)."""

    def __init__(
        self, *, base_url: str | None = None, app: Any = None, timeout: float = 120.0
    ) -> None:
        if (base_url is None) == (app is None):
            raise ValueError("give exactly one of base_url or app")
        if app is not None:
            from fastapi.testclient import TestClient

            self._client: Any = TestClient(app)
        else:
            import httpx

            self._client = httpx.Client(base_url=base_url or "", timeout=timeout)

    def __enter__(self) -> AskClient:
        self._client.__enter__()  # runs the app's lifespan for a TestClient
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._client.__exit__(exc_type, exc, tb)

    def ask(self, question: str) -> dict[str, Any]:
        resp = self._client.post("/ask", json={"question": question})
        if resp.status_code == 404:
            raise AskUnavailableError("the server has no /ask route (HTTP 404)")
        resp.raise_for_status()
        data: dict[str, Any] = resp.json()
        return data


def collect_answers(
    client: AskClient, questions: Sequence[Question]
) -> tuple[dict[str, dict[str, Any]], dict[str, float]]:
    """Ask every question; responses and wall-clock latencies (ms), keyed by question id."""
    responses: dict[str, dict[str, Any]] = {}
    latencies: dict[str, float] = {}
    for q in questions:
        t0 = time.perf_counter()
        responses[q.id] = client.ask(q.question)
        latencies[q.id] = (time.perf_counter() - t0) * 1000
    return responses, latencies
