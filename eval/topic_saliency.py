"""`python -m eval.topic_saliency`: how well each abstention signal separates answerable
from unanswerable questions, per index (issue #13 §3, round 6), before any fitting.

Reads the rows `python -m eval.answer_diagnose --split tune --json ROWS` wrote (one file
per index) and prints, for every signal of `search_api.abstention.FEATURES` and for each
index: its quartiles on the questions the index can answer and on those it cannot, the
area under the ROC curve (the chance an answerable question scores above an
unanswerable one), and the share of unanswerable questions a single cut abstains on
while refusing at most `MAX_FALSE_ABSTENTION` of the answerable ones. A signal worth
fitting separates on *both* indexes (the seeds alone, and seeds + Kent + Kingston): one
that separates on only one moves with the archive's size.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.fit_abstention import MAX_FALSE_ABSTENTION, with_signals
from search_api.abstention import FEATURES

__all__ = ["auc", "main", "separation"]


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """P(an answerable row scores above an unanswerable one), ties counting half."""
    if not positive or not negative:
        return math.nan
    p = np.asarray(positive)[:, None]
    n = np.asarray(negative)[None, :]
    return float(np.mean((p > n) + 0.5 * (p == n)))


def separation(values: Sequence[float], answerable: Sequence[bool]) -> dict[str, float]:
    """Quartiles per side, AUC, and the abstention one cut reaches at the allowed false
    abstention (the cut: the highest that refuses at most that share of answerable rows)."""
    pos = sorted(v for v, a in zip(values, answerable, strict=True) if a)
    neg = sorted(v for v, a in zip(values, answerable, strict=True) if not a)
    out: dict[str, float] = {"auc": auc(pos, neg)}
    for name, side in (("answerable", pos), ("unanswerable", neg)):
        if side:
            q1, q2, q3 = np.quantile(side, [0.25, 0.5, 0.75])
            out |= {f"{name}_q1": float(q1), f"{name}_median": float(q2), f"{name}_q3": float(q3)}
    if pos and neg:
        refused = math.floor(MAX_FALSE_ABSTENTION * len(pos))
        cut = pos[refused]  # rows strictly below it are refused: at most `refused` of them
        out["abstention_at_cut"] = sum(1 for v in neg if v < cut) / len(neg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.topic_saliency", description=__doc__)
    p.add_argument("rows", type=Path, nargs="+", help="JSON rows of eval.answer_diagnose")
    args = p.parse_args(argv)
    raw: list[dict[str, Any]] = []
    for path in args.rows:
        try:
            raw.extend(with_signals(json.loads(path.read_text())))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"cannot read rows from {path}: {exc}", file=sys.stderr)
            return 2
    for index in sorted({str(r.get("index")) for r in raw}):
        rows = [r for r in raw if str(r.get("index")) == index]
        labels = [bool(r["answerable"]) for r in rows]
        print(f"{index}: {sum(labels)} answerable, {len(labels) - sum(labels)} unanswerable")
        for name in FEATURES:
            if any(name not in r["features"] for r in rows):
                continue
            s = separation([float(r["features"][name]) for r in rows], labels)
            print(
                f"  {name:26} auc {s['auc']:.3f}  answerable "
                f"{s.get('answerable_q1', math.nan):.2f}/{s.get('answerable_median', math.nan):.2f}"
                f"/{s.get('answerable_q3', math.nan):.2f}  unanswerable "
                f"{s.get('unanswerable_q1', math.nan):.2f}/"
                f"{s.get('unanswerable_median', math.nan):.2f}/"
                f"{s.get('unanswerable_q3', math.nan):.2f}  one cut: abstention "
                f"{s.get('abstention_at_cut', math.nan):.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
