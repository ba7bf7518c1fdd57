"""Answer metrics over `/ask` responses (the metrics of `eval.answer_metrics`, grouped).

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any

from eval.answer_metrics import AnswerScore, answer_from_response, score_answer, summarise
from eval.matching import supports
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
    """Answer metrics of a run: overall, per split, per kind, per corpus set, per question.

    Every metric but one comes from `eval.answer_metrics` (`score_answer`, `summarise`);
    `citation_evidence_recall` (a gold quote inside some cited passage's whole text,
    whatever the quote shown) is computed here because it judges which passages were
    cited, not what the answer shows.
    """

    overall: dict[str, float | int | None]
    by_split: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    by_kind: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    by_set: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    latency_ms_p50: float | None = None
    per_question: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def citation_support(self) -> float | None:
        return _num(self.overall.get("citation_support"))

    @property
    def citation_evidence_recall(self) -> float | None:
        return _num(self.overall.get("citation_evidence_recall"))

    @property
    def abstention_accuracy(self) -> float | None:
        return _num(self.overall.get("abstention_accuracy"))

    @property
    def false_abstention_rate(self) -> float | None:
        return _num(self.overall.get("false_abstention_rate"))

    def summary(self) -> dict[str, float | int | None]:
        return {**self.overall, "latency_ms_p50": self.latency_ms_p50}


def _num(v: float | int | None) -> float | None:
    return None if v is None else float(v)


def _mean(xs: Sequence[float]) -> float | None:
    return statistics.fmean(xs) if xs else None


def _citation_evidence_recall(question: Question, response: Mapping[str, Any]) -> float | None:
    """Share of gold quotes supported by the whole text of some cited passage."""
    if not question.answerable or not question.evidence:
        return None
    cited = [str(c.get("text") or "") for c in response.get("citations") or []]
    found = [any(supports(t, quote) for t in cited) for quote in question.quotes]
    return sum(found) / len(found)


def _summarise(
    scored: Sequence[tuple[Question, AnswerScore, float | None]],
) -> dict[str, float | int | None]:
    out = summarise([s for _, s, _ in scored])
    out["citation_evidence_recall"] = _mean([r for _, _, r in scored if r is not None])
    return out


def score_answers(
    questions: Sequence[Question],
    responses: Mapping[str, Mapping[str, Any]],
    latencies_ms: Mapping[str, float] | None = None,
    dates: Mapping[str, date] | None = None,
) -> AnswerScores:
    """Score `/ask` responses keyed by question id; questions without a response are skipped.

    `dates` (corpus manifest dates by file) date the gold quotes for `trend_ends_cited`;
    without them the cited passages' meeting dates are used. A citation without a quote
    cannot be checked: it is counted (`citations_unquoted`) but not in citation support.
    """
    scored: list[tuple[Question, AnswerScore, float | None]] = []
    per_q: dict[str, dict[str, Any]] = {}
    for q in questions:
        resp = responses.get(q.id)
        if resp is None:
            continue
        quote_dates = q.quote_dates(dict(dates)) if dates and q.answerable else None
        score = score_answer(q, answer_from_response(resp), quote_dates)
        cer = _citation_evidence_recall(q, resp)
        scored.append((q, score, cer))
        per_q[q.id] = {
            **score.as_dict(),
            "set": q.set_name,
            "citations": len(resp.get("citations") or []),
            "citation_evidence_recall": cer,
        }

    def grouped(key: Callable[[Question], str]) -> dict[str, dict[str, float | int | None]]:
        labels = dict.fromkeys(key(q) for q, _, _ in scored)
        return {lab: _summarise([t for t in scored if key(t[0]) == lab]) for lab in labels}

    lat = list((latencies_ms or {}).values())
    return AnswerScores(
        overall=_summarise(scored),
        by_split=grouped(lambda q: q.split_label),
        by_kind=grouped(lambda q: q.kind),
        by_set=grouped(lambda q: q.set_name),
        latency_ms_p50=statistics.median(lat) if lat else None,
        per_question=per_q,
    )


def find_app(spec: str | None = None, **factory_kwargs: Any) -> Any:
    """The FastAPI app from `module:attr`, or from the usual places.

    A factory (`create_app`) is called with those of `factory_kwargs` it accepts
    (`settings`, `archive`), so answers come from the same index and loaded model as the
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

            # a loopback Host: the app's Host check (search_api.http.guards) refuses
            # TestClient's default "testserver" unless the settings allow it
            self._client: Any = TestClient(app, base_url="http://localhost")
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
