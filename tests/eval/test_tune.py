"""`python -m eval.tune`: the grid is every combination, the objective is the mean of
recall@10 and MRR@10, and a grid that names no search setting is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.tune import _rescore_lexical, grid_points, main, objective
from indexer.embedding import Embedder
from indexer.lexical import Bm25, LexicalIndex
from indexer.settings import Settings
from search_api.archive import Archive


def test_grid_points_are_every_combination() -> None:
    points = grid_points({"rrf_k": [10, 60], "fusion": ["rrf", "convex"]})
    assert len(points) == 4
    assert {"fusion": "convex", "rrf_k": 10} in points
    assert {"fusion": "rrf", "rrf_k": 60} in points


def test_objective_is_the_mean_of_recall_and_mrr() -> None:
    assert objective({"recall@10": 0.8, "mrr@10": 0.6, "ndcg@10": 0.1}) == pytest.approx(0.7)


@pytest.mark.parametrize(
    ("grid", "message"),
    [('{"min_cosine": [0.4]}', "not search settings"), ("[1, 2]", "not a JSON object")],
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


def test_a_bm25_point_is_scored_as_a_publish_would_score_it(
    seed_settings: Settings, embedder: Embedder
) -> None:
    """A grid point setting k1/b searches the postings a publish with them would write
    (re-scored from the index's own store); the next point without them gets the
    index's own scores back. A fresh archive: the session's is not touched."""
    archive = Archive.open(seed_settings, embedder)
    rows = list(archive.reader().lexical_rows())
    query = "agency social workers workforce"
    lexical = archive.snapshot.retriever
    published = lexical.lexical_index.search(query, 10)
    archive.settings = seed_settings.model_copy(update={"bm25_k1": 0.5, "bm25_b": 0.3})
    _rescore_lexical(archive)
    rescored = lexical.lexical_index.search(query, 10)
    assert rescored == LexicalIndex.build(rows, Bm25(k1=0.5, b=0.3)).search(query, 10)
    assert rescored != published
    archive.settings = seed_settings
    _rescore_lexical(archive)
    assert lexical.lexical_index.search(query, 10) == published
