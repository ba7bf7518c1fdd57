"""The bench asks the development questions wherever it is checked out: the shared folder
is found from the package (`eval.shared`), not from the working directory, which a bench
started elsewhere would miss them by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.latency import EXTRA_QUERIES, QUESTION_FILES, queries


def test_the_latency_bench_asks_the_development_questions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # the working directory has no say
    assert all(p.is_file() for p in QUESTION_FILES), QUESTION_FILES
    lines = sum(1 for p in QUESTION_FILES for line in p.read_text().splitlines() if line.strip())
    asked = queries()
    assert len(asked) == lines + len(EXTRA_QUERIES)
    dev = QUESTION_FILES[0].read_text().splitlines()[0]
    assert json.loads(dev)["question"] == asked[0]
