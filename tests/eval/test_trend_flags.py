"""`eval.trend_flags` (eval/README.md, "Which trend rules generalise?", round 56): its base
rows are what `eval run` and `/ask` give, each flag's rows what the product gives with that
flag off, every flag restored after; `classify` reads a flag's rows as round 48 did."""

from __future__ import annotations

from typing import Any

import pytest

import search_api.answering as answering
import search_api.search as search_module
from eval.answer_diagnose import ASK_K, answer_view
from eval.answer_metrics import score_answer
from eval.documents import manifest_dates
from eval.questions import load_questions
from eval.trend_flags import FLAGS, classify, run_flags
from search_api.archive import Archive, Reader
from search_api.search import SearchRequest

from .helpers import CORPUS, EVAL_DIR

MOVED = ("s2-301", "s2-308", "s2-309")
"""Seed trend rows `END_SPARE` moved on the heldout tune index (round 56)."""


def _trend_rows() -> list[Any]:
    return [
        q
        for q in load_questions(EVAL_DIR / "questions" / "seeds.jsonl")
        if q.split == "tune" and q.kind == "trend" and q.id in MOVED
    ]


def _asked(archive: Archive, questions: list[Any], dates: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for q in questions:
        answer = archive.reader().ask(SearchRequest(q.question, ASK_K))
        s = score_answer(q, answer_view(answer), q.quote_dates(dates)).as_dict()
        out[q.id] = (s["answer_evidence_recall"], s["key_figure_presence"], s["trend_ends_cited"])
    return out


def test_rows_are_asks_answers_with_each_flag_off_and_restored(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = _trend_rows()
    assert len(questions) == len(MOVED)
    dates = manifest_dates([CORPUS])
    spare, beside = search_module.END_SPARE, answering.BESIDE_TIMELINE
    seen: list[tuple[int, bool]] = []
    answered = Reader.answered

    def spied(self: Reader, searched: Any) -> Any:
        seen.append((search_module.END_SPARE, answering.BESIDE_TIMELINE))
        return answered(self, searched)

    with monkeypatch.context() as m:
        m.setattr(Reader, "answered", spied)
        rows = run_flags(seed_engine, questions, dates, ["END_SPARE", "BESIDE_TIMELINE"])
    # The base answered with both on; the answer flag's variant answers every row with it
    # off (the search flag's answers only the rows whose search moved).
    n = len(questions)
    assert seen[:n] == [(spare, beside)] * n
    assert seen[-n:] == [(spare, False)] * n
    assert (spare, beside) == (search_module.END_SPARE, answering.BESIDE_TIMELINE)

    def triple(r: dict[str, Any]) -> tuple[Any, Any, Any]:
        return (r["V"], r["K"], r["C"])

    assert {i: triple(r) for i, r in rows["base"].items()} == _asked(seed_engine, questions, dates)
    for name, module, off in (
        ("END_SPARE", search_module, 0),
        ("BESIDE_TIMELINE", answering, False),
    ):
        with monkeypatch.context() as m:
            m.setattr(module, name, off)
            want = _asked(seed_engine, questions, dates)
            top = {
                q.id: [
                    str(h.passage_id)
                    for h in seed_engine.reader().search(SearchRequest(q.question, 10)).hits
                ]
                for q in questions
            }
        assert {i: triple(r) for i, r in rows[name].items()} == want, name
        assert {i: r["passages"] for i, r in rows[name].items()} == top, name
    # Off, the search rule moves a row here: a variant that switched nothing fails.
    assert rows["END_SPARE"] != rows["base"]


def test_every_flag_is_where_it_says_with_an_off_value_other_than_its_own() -> None:
    import importlib

    for name, (kind, where, attr, off) in FLAGS.items():
        assert kind in ("search", "answer", "parse", "both"), name
        if where != "setting":
            assert getattr(importlib.import_module(where), attr) != off, name


def test_classify_reads_gains_by_group() -> None:
    def row(e: float, c: float = 0.0) -> dict[str, Any]:
        return {"E": e, "C": c, "K": 0.0, "V": 0.0, "R10": e}

    base = {"a": row(1), "b": row(1), "c": row(1), "d": row(0)}
    groups = {"a": "G1", "b": "G2", "c": "G3", "d": "G1"}
    off_broad = {"a": row(0), "b": row(0), "c": row(0), "d": row(0)}
    assert classify(base, off_broad, groups)["class"] == "broad"
    off_narrow = {"a": row(0), "b": row(1), "c": row(1), "d": row(0)}
    assert classify(base, off_narrow, groups)["class"] == "narrow"
    off_wash = {"a": row(0), "b": row(1), "c": row(1), "d": row(1)}
    assert classify(base, off_wash, groups)["class"] == "wash"
    off_loss = {"a": row(1), "b": row(1), "c": row(1), "d": row(1, 1)}
    result = classify(base, off_loss, groups)
    assert result["class"] == "net loss"
    assert result["net"] == {"G1": -2}
    assert result["gained_lost"]["E"] == [0, 1]
    assert classify(base, dict(base), groups)["class"] == "no effect"
