"""`eval.fit_answers` answers through `/ask`'s own answer half (eval/README.md,
r43-fitans): each question searched once, every grid point scored on the answers
`Reader.ask` gives under that point's constants."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from eval.answer_diagnose import ASK_K, answer_view
from eval.answer_metrics import score_answer
from eval.compare import paired_interval
from eval.documents import manifest_dates
from eval.fit_answers import (
    GRID,
    RESAMPLES,
    Rows,
    _Answers,
    _current,
    _Fit,
    _set,
    _Worker,
    choose,
    contributions,
    median_words,
    objective,
    passes,
    versus,
)
from eval.questions import load_questions
from indexer.settings import Settings
from search_api.archive import Archive, Reader
from search_api.search import SearchRequest

from .helpers import CORPUS, EVAL_DIR


def _asked(reader: Reader, questions: Any, dates: Any) -> float:
    rows = []
    for q in questions:
        answer = reader.ask(SearchRequest(q.question, ASK_K))
        rows.append({"score": score_answer(q, answer_view(answer), q.quote_dates(dates)).as_dict()})
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


# --- The constants' choice rule (r58-folds): per-row scores kept per point, read by the
# bar's own paired interval. Synthetic rows stand for two points' answers to the same
# 1,000 questions; the engine's rows are tested above and below.


def _rows(n: int, evidence: Sequence[float], words: int = 100, refused: int = 0) -> Rows:
    rows = []
    for i in range(n):
        value = evidence[i] if i < len(evidence) else 0.0
        score = {
            "answer_evidence_recall": value,
            "key_figure_presence": None,
            "trend_ends_cited": None,
            "false_abstention": 1.0 if i >= n - refused else 0.0,
        }
        rows.append({
            "id": f"q{i}", "group": f"g{i % 7}", "kind": "fact", "score": score,
            "words": None if i >= n - refused else words, "text": f"{value}",
        })  # fmt: skip
    return rows


def test_the_bar_four_rows_up_pass_two_do_not() -> None:
    base = _rows(1000, [0.0] * 10)
    four, two = _rows(1000, [1.0] * 4), _rows(1000, [1.0] * 2)
    start = [median_words(base), median_words(base)]
    assert passes(versus(base, four), versus(base, four), start) == []
    failed = passes(versus(base, two), versus(base, two), start)
    assert len(failed) == 1 and failed[0].startswith("heldout interval")
    # the interval is eval.compare's, on the objective's per-row differences
    reading = versus(base, four)
    diffs = contributions(four) - contributions(base)
    assert (reading.low, reading.high) == paired_interval(diffs, RESAMPLES, 0)
    assert reading.gain == pytest.approx(4 / 1000) and reading.rows["answer_evidence_recall"] == 4
    assert reading.changed == 4 and sum(v > 0 for v in reading.groups.values()) == 4


def test_converted_down_refusals_up_and_longer_answers_fail() -> None:
    base = _rows(1000, [1.0] * 6 + [0.0] * 10)
    up = _rows(1000, [1.0] * 12)
    start = [median_words(base), median_words(base)]
    gain = versus(base, up)
    lost = versus(base, _rows(1000, [0.0] * 6))  # six rows down on converted
    failed = passes(gain, lost, start)
    assert any("converted interval" in f for f in failed)
    assert any(f.startswith("converted: answer_evidence_recall -6.00") for f in failed)
    # two rows down: the interval reaches zero, but a metric falls by more than a row
    two = passes(gain, versus(base, _rows(1000, [1.0] * 4)), start)
    assert two == ["converted: answer_evidence_recall -2.00 rows"]
    refusing = versus(base, _rows(1000, [1.0] * 12, refused=1))
    assert passes(gain, refusing, start) == ["converted: false abstention +1"]
    longer = versus(base, _rows(1000, [1.0] * 12, words=111))
    assert passes(longer, gain, start) == ["heldout: words p50 111 > 1.1 x 100"]
    assert passes(versus(base, _rows(1000, [1.0] * 12, words=110)), gain, start) == []


def test_the_nearer_value_stays_unless_the_farther_beats_it() -> None:
    base = _rows(1000, [0.0] * 40)
    near, far, farther = (_rows(1000, [1.0] * k) for k in (6, 8, 30))
    start = [median_words(base)]
    chosen, verdicts = choose([base], {1: [near], 2: [far]}, {1: 1, 2: 2}, start)
    assert chosen == 1 and all(not failed for _, failed in verdicts.values())
    assert choose([base], {1: [near], 2: [farther]}, {1: 1, 2: 2}, start)[0] == 2
    assert choose([base], {1: [_rows(1000, [1.0])]}, {1: 1}, start)[0] is None


def test_each_points_rows_are_kept_and_sum_to_its_objective(
    seed_engine: Archive, seed_settings: Settings
) -> None:
    questions = [
        q
        for q in load_questions(EVAL_DIR / "questions" / "seeds.jsonl")
        if q.split == "tune" and q.answerable
    ][:8]
    dates = manifest_dates([CORPUS])
    answers = _Answers(seed_engine, questions, dates)
    name = "answering.BEST_LIMIT"
    start = _current(name)
    try:
        current = answers.rows()
        _set(name, 1.0)
        fewer = answers.rows()
    finally:
        _set(name, start)
    assert [r["id"] for r in current] == [q.id for q in questions]
    assert contributions(current).sum() == pytest.approx(objective(current))
    same = versus(current, current)
    assert same.gain == same.low == same.high == 0.0 and same.changed == 0
    one = versus(current, fewer)
    assert one.changed > 0 and one.words < median_words(current)
    # the same rows from an index answered in a process of its own
    files = [EVAL_DIR / "questions" / "seeds.jsonl"]
    worker = _Worker(files, [q.id for q in questions], seed_settings.index_dir, [CORPUS])
    try:
        worker.ready()
        worker.send({name: start})
        assert worker.receive() == current
        worker.send({name: 1.0})
        assert worker.receive() == fewer
    finally:
        worker.close()


def test_one_evidence_row_is_the_printed_unit() -> None:
    base = _rows(1000, [0.0] * 10)
    assert versus(base, _rows(1000, [1.0] * 4)).unit == pytest.approx(1 / 1000)


class _Index:
    """An index answering every point from its constants alone: six rows gain when
    `answering.BEST_LIMIT` is 7, nothing else moves anything."""

    def __init__(self) -> None:
        self.sent: list[dict[str, float]] = []

    def send(self, constants: dict[str, float]) -> None:
        self.sent.append(dict(constants))

    def receive(self) -> Rows:
        gain = self.sent[-1]["answering.BEST_LIMIT"] == 7
        rows = _rows(1000, [1.0] * (6 if gain else 0))
        for r in rows:
            r["score"] |= {"citations_checked": 0, "citations_supported": 0}
        return rows


def test_a_walk_goes_on_from_a_constant_after_its_tried_points() -> None:
    """`--try` reads single points first, a passing one carried forward; `--from` walks
    `GRID` from that constant on (r59-folds2)."""
    index = _Index()
    fit = _Fit([index], None)
    assert fit.grid("answering.SECOND_MARGIN", [("answering.BEST_LIMIT", 7.0)]) == 0
    changed = [{n: v for n, v in sent.items() if v != fit.start[n]} for sent in index.sent]
    assert changed[:2] == [{}, {"answering.BEST_LIMIT": 7.0}]
    walked = list(GRID)[list(GRID).index("answering.SECOND_MARGIN") :]
    assert {n for c in changed[2:-1] for n in c} == {"answering.BEST_LIMIT", *walked}
    assert all(c["answering.BEST_LIMIT"] == 7.0 for c in changed[2:])
    assert len(changed) == 2 + sum(len(GRID[n]) - 1 for n in walked) + 1


def test_a_joint_group_is_read_from_its_tried_points() -> None:
    """A joint group read after a walk: the walk's moves as `--try`, each carried forward,
    every combination of the group read with them in place; the words bound's start stays
    the served values' (r59-folds2)."""
    index = _Index()
    fit = _Fit([index], None)
    assert fit.joint(["answering.BELOW_HITS_QUOTES"], [("answering.BEST_LIMIT", 7.0)]) == 0
    changed = [{n: v for n, v in sent.items() if v != fit.start[n]} for sent in index.sent]
    assert changed[:2] == [{}, {"answering.BEST_LIMIT": 7.0}]
    assert [c.get("answering.BELOW_HITS_QUOTES") for c in changed[2:]] == [1.0, 3.0]
    assert all(c["answering.BEST_LIMIT"] == 7.0 for c in changed[2:])
    assert fit.start_words == [100.0]
