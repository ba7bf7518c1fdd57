"""Round 19's leave-one-index-out scoring of abstention forms (`python -m eval.index_out`)."""

from __future__ import annotations

import numpy as np

from eval.fit_abstention import Rows
from eval.index_out import (
    CALIBRATED,
    calibrate,
    index_vectors,
    leave_index_out,
    neighbour_cosine,
    rows_of,
)
from indexer.settings import Settings
from search_api.abstention import FEATURES
from search_api.archive import Archive


def test_the_neighbour_cosine_is_read_from_the_seed_index(
    seed_settings: Settings, seed_engine: Archive
) -> None:
    vectors = index_vectors(seed_settings.index_dir)
    assert vectors.shape == (seed_engine.reader().stats().passages, 384)
    near = neighbour_cosine(vectors)
    assert 0.3 < near < 1.0
    # Each passage stored twice: every probe's nearest other passage is its copy.
    assert neighbour_cosine(np.vstack([vectors, vectors])) == 1.0
    assert neighbour_cosine(vectors[:1]) == 0.0


def test_calibrated_cosine_is_the_top_cosine_less_the_index_term() -> None:
    raw = [
        {"id": "a", "index": "small", "features": {"top_cosine": 0.70}},
        {"id": "b", "index": "large", "features": {"top_cosine": 0.70}},
        {"id": "c", "index": "large", "features": None},
    ]
    calibrate(raw, {"small": 0.75, "large": 0.82})
    assert raw[0]["features"][CALIBRATED] == np.float64(0.70 - 0.75)
    assert raw[1]["features"][CALIBRATED] == np.float64(0.70 - 0.82)
    assert raw[2]["features"] is None


def _rows(seed: int = 0) -> Rows:
    """Three indexes of 60 rows; answerable rows have the higher first signal."""
    rng = np.random.default_rng(seed)
    n = 180
    y = np.tile([1.0, 0.0], n // 2)
    x = np.column_stack([y * 0.3 + rng.normal(0.5, 0.1, n), np.full(n, 0.5)])
    index = np.repeat(["i1", "i2", "i3"], n // 3)
    return Rows(x, y, index, [f"g{i % 30}" for i in range(n)])


def test_a_left_out_index_is_decided_without_its_own_rows() -> None:
    rows = _rows()
    answered = leave_index_out(rows, 1.0, folds=3)
    # Relabelling every row of i3 leaves i3's decisions as they were: no model that
    # decides them saw them; the other indexes' decisions change.
    flipped = Rows(
        rows.x, np.where(rows.index == "i3", 1 - rows.y, rows.y), rows.index, rows.groups
    )
    again = leave_index_out(flipped, 1.0, folds=3)
    i3 = rows.index == "i3"
    assert (again[i3] == answered[i3]).all()
    assert (again[~i3] != answered[~i3]).any()
    # The signal separates the rows, so the left-out indexes are decided well.
    assert answered[rows.y == 1].mean() > 0.9 and answered[rows.y == 0].mean() < 0.5


def test_rows_of_puts_the_index_term_last() -> None:
    features = {f: 0.5 for f in FEATURES} | {"top_cosine": 0.7, CALIBRATED: -0.1}
    raw = [{"id": "a", "index": "i", "group": "g", "answerable": True, "features": features}]
    rows = rows_of(raw, ("coverage", CALIBRATED, "top_cosine"))
    assert rows.x.tolist() == [[0.7, 0.5, -0.1]]
