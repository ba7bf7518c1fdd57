"""`eval.fit_answers` answers through `/ask`'s own answer half (eval/README.md,
r43-fitans): each question searched once, every grid point scored on the answers
`Reader.ask` gives under that point's constants."""

from __future__ import annotations

from typing import Any

import pytest

from eval.answer_diagnose import ASK_K, _view
from eval.answer_metrics import score_answer
from eval.documents import manifest_dates
from eval.fit_answers import _Answers, _current, _set, objective
from eval.questions import load_questions
from search_api.archive import Archive, Reader
from search_api.search import SearchRequest

from .helpers import CORPUS, EVAL_DIR


def _asked(reader: Reader, questions: Any, dates: Any) -> float:
    rows = []
    for q in questions:
        answer = reader.ask(SearchRequest(q.question, ASK_K))
        rows.append({"score": score_answer(q, _view(answer), q.quote_dates(dates)).as_dict()})
    return objective(rows)


def test_each_point_is_scored_on_asks_answers_from_one_search(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = [
        q
        for q in load_questions(EVAL_DIR / "questions" / "seeds.jsonl")
        if q.split == "tune" and q.answerable
    ][:6]
    dates = manifest_dates([CORPUS])
    searches: list[str] = []
    searched = Reader.searched

    def counted(self: Reader, request: SearchRequest) -> Any:
        searches.append(request.query)
        return searched(self, request)

    monkeypatch.setattr(Reader, "searched", counted)
    answers = _Answers(seed_engine, questions, dates)
    assert sorted(searches) == sorted(q.question for q in questions)
    reader = seed_engine.reader()
    name = "answering.BEST_LIMIT"
    start = _current(name)
    try:
        for value in (start, 1.0):
            _set(name, value)
            searches.clear()
            scored = answers.point(f"{value}")
            assert not searches, "a grid point searched again"
            assert scored == _asked(reader, questions, dates)
    finally:
        _set(name, start)
