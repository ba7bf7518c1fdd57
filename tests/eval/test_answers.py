"""Answer metrics over /ask response dicts, and the in-process client."""

from __future__ import annotations

from typing import Any

import pytest

from eval.answers import AskClient, AskUnavailableError, collect_answers, score_answers
from eval.questions import Evidence, Question


def _q(qid: str, kind: str, quotes: list[str]) -> Question:
    return Question(
        id=qid,
        question=f"what about {qid}?",
        kind=kind,  # type: ignore[arg-type]
        evidence=[Evidence(quote=q, found_in=["a.txt"]) for q in quotes],
    )


QUESTIONS = [
    _q("a1", "list", ["about 40% of the workforce", "reduce the number to 10%"]),
    _q("a2", "fact", ["20 cases"]),
    _q("u1", "unanswerable", []),
    _q("u2", "unanswerable", []),
]


def _cite(n: int, text: str, quote: str | None) -> dict[str, Any]:
    return {"n": n, "passage_id": n, "text": text, "quote": quote, "citation": {}}


RESPONSES: dict[str, dict[str, Any]] = {
    "a1": {
        "question": "?",
        "answer": "About 40% [1].",
        "abstained": False,
        "citations": [
            # quote stands in its passage (the line break folds away)
            _cite(
                1,
                "currently about 40% of the\nworkforce was agency staff",
                "about 40% of the workforce",
            ),
            # quote not in its passage: unsupported
            _cite(2, "something else entirely", "reduce the number to 10%"),
            _cite(3, "no quote given", None),
        ],
    },
    "a2": {"question": "?", "answer": "", "abstained": True, "citations": []},
    "u1": {"question": "?", "answer": "Not in the papers.", "abstained": True, "citations": []},
    "u2": {"question": "?", "answer": "Made up.", "abstained": False, "citations": []},
}


def test_answer_metrics_hand_computed() -> None:
    s = score_answers(QUESTIONS, RESPONSES)
    assert s.citation_support == pytest.approx(1 / 2)  # 2 quoted citations, 1 stands
    assert s.citation_evidence_recall == pytest.approx((1 / 2 + 0) / 2)
    assert s.abstention_accuracy == pytest.approx(1 / 2)
    assert s.false_abstention_rate == pytest.approx(1 / 2)
    assert s.per_question["a1"]["citations_unquoted"] == 1
    assert s.per_question["u1"]["abstained"] is True


def test_missing_responses_are_skipped() -> None:
    s = score_answers(QUESTIONS, {"u1": RESPONSES["u1"]})
    assert s.abstention_accuracy == 1.0
    assert s.false_abstention_rate is None and s.citation_support is None


def test_in_process_client() -> None:
    from fastapi import FastAPI

    app = FastAPI()

    @app.post("/ask")
    def ask(body: dict[str, Any]) -> dict[str, Any]:
        qid = body["question"].split()[-1].rstrip("?")
        return RESPONSES[qid]

    with AskClient(app=app) as client:
        responses, latencies = collect_answers(client, QUESTIONS)
    assert responses == RESPONSES
    assert set(latencies) == {q.id for q in QUESTIONS}


def test_missing_route_is_reported() -> None:
    from fastapi import FastAPI

    with AskClient(app=FastAPI()) as client, pytest.raises(AskUnavailableError):
        client.ask("anything")
