"""The bench asks the development questions wherever it is checked out: the shared folder
is found from the package (beside the checkout, or beside the folder of worktrees), not
from the working directory, which a bench started elsewhere would miss them by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench
from bench.latency import EXTRA_QUERIES, QUESTION_FILES, queries


def test_the_shared_folder_is_the_nearest_above_a_checkout_or_a_worktree(
    tmp_path: Path,
) -> None:
    (tmp_path / "shared" / "eval").mkdir(parents=True)
    for checkout in (tmp_path / "main", tmp_path / "wt" / "r32-tidy"):
        checkout.mkdir(parents=True)
        assert bench.shared_folder(checkout) == tmp_path / "shared"


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
