"""`python -m eval.fit_abstention`: fit the abstention model on the `tune` questions.

Reads the rows `python -m eval.answer_diagnose --split tune --json ROWS` wrote (each
answer's support signals, `search_api.abstention.FEATURES`, and whether its question is
answerable) and fits a logistic model "the archive answers this question":

1. L2-regularised logistic regression (Newton's method, `PENALTY` on the weights, not the
   intercept), answerable and unanswerable questions weighted to count equally (there are
   far fewer unanswerable ones).
2. The decision threshold: the intercept is then moved to the value that maximises
   abstention accuracy on the unanswerable tune questions subject to false abstention
   ≤ `MAX_FALSE_ABSTENTION` on the answerable ones; among equal values, the shift nearest
   0 (the fitted model's own ½ point). The shift is taken from a grid of `STEP`, and must
   leave a `MARGIN` in log-odds to the nearest answerable question it would abstain on, so
   no threshold rests on one example.
3. Leave-one-group-out cross-validation on tune (the split's `group`s: a meeting or
   document) estimates how the procedure does on questions it was not fitted on; that
   estimate, not the in-sample fit, is what eval/README.md quotes beside the test figures.

It prints the coefficients to copy into `search_api/abstention.py` (`MODEL`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from search_api.abstention import FEATURES

__all__ = ["Fit", "cross_validate", "fit", "main"]

PENALTY = 1.0
MAX_FALSE_ABSTENTION = 0.05
STEP = 0.25
MARGIN = 0.25


class Fit:
    """A fitted model: intercept and one weight per feature."""

    def __init__(self, intercept: float, weights: np.ndarray) -> None:
        self.intercept = intercept
        self.weights = weights

    def margins(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of "answerable" for each row."""
        return self.intercept + x @ self.weights


def _logistic(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> Fit:
    """Class-balanced L2 logistic regression by Newton's method."""
    n, d = x.shape
    pos = y.sum()
    w_rows = np.where(y == 1, n / (2 * max(pos, 1)), n / (2 * max(n - pos, 1)))
    xb = np.hstack([np.ones((n, 1)), x])
    beta = np.zeros(d + 1)
    reg = np.eye(d + 1) * penalty
    reg[0, 0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(xb @ beta)))
        grad = xb.T @ (w_rows * (p - y)) + reg @ beta
        hess = (xb * (w_rows * p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Fit(float(beta[0]), beta[1:])


def _shift(fit: Fit, x: np.ndarray, y: np.ndarray) -> float:
    """The intercept shift of step 2 (see the module docstring)."""
    margins = fit.margins(x)
    answerable = margins[y == 1]
    unanswerable = margins[y == 0]
    best: tuple[float, float, float] | None = None
    for shift in np.arange(-4.0, 4.0 + STEP / 2, STEP):
        m_ans = answerable + shift
        false_abst = float(np.mean(m_ans < 0)) if len(m_ans) else 0.0
        if false_abst > MAX_FALSE_ABSTENTION:
            continue
        # No answerable question may sit within MARGIN of the cut on the abstaining side.
        if np.any((m_ans < 0) & (m_ans > -MARGIN)):
            continue
        accuracy = float(np.mean(unanswerable + shift < 0)) if len(unanswerable) else 0.0
        key = (accuracy, -abs(shift), shift)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else 0.0


def fit(x: np.ndarray, y: np.ndarray) -> Fit:
    """Steps 1 and 2: fitted weights and the shifted intercept."""
    model = _logistic(x, y)
    return Fit(model.intercept + _shift(model, x, y), model.weights)


def cross_validate(x: np.ndarray, y: np.ndarray, groups: Sequence[str]) -> dict[str, float]:
    """Step 3: leave-one-group-out abstention accuracy and false abstention rate."""
    decided = np.zeros(len(y), dtype=bool)
    for g in sorted(set(groups)):
        held = np.array([gg == g for gg in groups])
        model = fit(x[~held], y[~held])
        decided[held] = model.margins(x[held]) >= 0
    return {
        "abstention_accuracy": float(np.mean(~decided[y == 0])),
        "false_abstention_rate": float(np.mean(~decided[y == 1])),
    }


def load(rows: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Feature matrix, labels (1 answerable) and groups of the diagnose rows."""
    kept = [r for r in rows if r.get("features")]
    x = np.array([[float(r["features"][f]) for f in FEATURES] for r in kept])
    y = np.array([0.0 if r["kind"] == "unanswerable" else 1.0 for r in kept])
    groups = [str(r.get("group") or r["id"]) for r in kept]
    return x, y, groups


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.fit_abstention", description=__doc__)
    p.add_argument("rows", type=Path, help="JSON rows of eval.answer_diagnose --split tune")
    args = p.parse_args(argv)
    rows = json.loads(args.rows.read_text())
    if any(r.get("split") != "tune" for r in rows):
        print("refusing: the rows must all be tune questions", file=sys.stderr)
        return 2
    x, y, groups = load(rows)
    model = fit(x, y)
    inside = model.margins(x) >= 0
    print(f"questions: {int(y.sum())} answerable, {int((1 - y).sum())} unanswerable (tune)")
    print(f"intercept={model.intercept:.3f}")
    for name, w in zip(FEATURES, model.weights, strict=True):
        print(f"  {name:16} {w:+.3f}")
    print(
        f"in-sample (tune): abstention {np.mean(~inside[y == 0]):.3f}, "
        f"false abstention {np.mean(~inside[y == 1]):.3f}"
    )
    cv = cross_validate(x, y, groups)
    print(
        f"leave-one-group-out (tune): abstention {cv['abstention_accuracy']:.3f}, "
        f"false abstention {cv['false_abstention_rate']:.3f}"
    )
    weights = ", ".join(f"{w:.3f}" for w in model.weights)
    print(f"\nMODEL = AbstentionModel(intercept={model.intercept:.3f}, weights=({weights}))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
