"""`python -m eval.tune`: the grid is every combination, the objective is the mean of
recall@10 and MRR@10, and a grid that names no search setting is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.tune import grid_points, main, objective


def test_grid_points_are_every_combination() -> None:
    points = grid_points({"rrf_k": [10, 60], "fusion": ["rrf", "convex"]})
    assert len(points) == 4
    assert {"fusion": "convex", "rrf_k": 10} in points
    assert {"fusion": "rrf", "rrf_k": 60} in points


def test_objective_is_the_mean_of_recall_and_mrr() -> None:
    assert objective({"recall@10": 0.8, "mrr@10": 0.6, "ndcg@10": 0.1}) == pytest.approx(0.7)


@pytest.mark.parametrize(
    ("grid", "message"),
    [('{"min_cosine": [0.4]}', "not search settings"), ('[1, 2]', "not a JSON object")],
)
def test_bad_grids_are_refused(
    grid: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(
        ["--questions", str(tmp_path / "q.jsonl"), "--index", str(tmp_path), "--corpus",
         str(tmp_path), "--grid", grid]
    )  # fmt: skip
    assert code == 2
    assert message in capsys.readouterr().err
