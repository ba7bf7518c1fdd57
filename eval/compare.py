"""`python -m eval.compare BASE NEW`: two `eval run` results, row by row, as the bar reads them.

    python -m eval.compare base/results.json new/results.json --split tune
    python -m eval.compare base/results.json new/results.json --split tune --prefix "k43-"

The procedure in `eval/README.md` adopts a change when, on `tune`, it gains on the
heldout index and loses on no metric of either index by more than one row. That is read
in rows, not in rounded means: each metric is printed as its mean and its sum over the
common rows (a sum moving by 1.0 is one question), and every row whose score moved is
listed. A gain of a few rows may be chance: beside each difference stands a 95% paired
bootstrap interval over the common rows (resampled rows, both runs' scores kept
together), so a reader sees whether the interval still straddles zero. The interval
informs; the bar stays the one written down.

Rows are matched by question id; only rows both files hold are compared (the counts of
the others are printed). Retrieval metrics are the `--mode` configuration's (hybrid by
default), answer metrics the `/ask` run's; a metric a row does not have (key figure on a
fact question) leaves that row out of that metric.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["METRICS", "Comparison", "Delta", "compare", "load_rows", "main", "paired_interval"]

Row = dict[str, float | None]
"""One question's scores by metric name (None: the metric does not apply to it)."""

METRICS: tuple[tuple[str, str, str], ...] = (
    ("recall@10", "R@10", "retrieval"),
    ("mrr@10", "MRR@10", "retrieval"),
    ("trend_span@10", "trend both ends@10", "retrieval"),
    ("answer_evidence_recall", "evidence", "answer"),
    ("key_figure_presence", "key figure", "answer"),
    ("trend_ends_cited", "trend ends cited", "answer"),
    ("abstention_correct", "abstention", "answer"),
    ("false_abstention", "false abstention", "answer"),
)
"""(field in results.json, printed name, where it is read: the mode's config or `answer`).
False abstention is the one a gain lowers."""


@dataclass(frozen=True)
class Delta:
    """One metric over the rows both runs score."""

    name: str
    rows: int
    base: float
    """Sum over the rows (a question scored 1 adds 1)."""
    new: float
    low: float
    """95% paired bootstrap interval of `new - base` (sums), lower end."""
    high: float

    @property
    def moved(self) -> bool:
        return abs(self.new - self.base) > 1e-9


@dataclass(frozen=True)
class Comparison:
    common: int
    base_only: int
    new_only: int
    deltas: list[Delta]
    changed: list[tuple[str, str, list[tuple[str, float | None, float | None]]]]
    """(id, kind, [(metric, base, new)]) for every common row whose scores moved."""


def load_rows(
    path: Path, split: str | None, prefix: str | None, mode: str
) -> tuple[dict[str, Row], dict[str, str]]:
    """The rows of one `eval run` results.json: scores by metric, and each row's kind."""
    data = json.loads(path.read_text())
    pattern = re.compile(prefix) if prefix else None
    rows: dict[str, Row] = {}
    kinds: dict[str, str] = {}
    for q in data["questions"]:
        if split and q.get("split") != split or pattern and not pattern.match(q["id"]):
            continue
        config = q.get("configs", {}).get(mode, {})
        answer = q.get("answer") or {}
        rows[q["id"]] = {
            field: _number((config if where == "retrieval" else answer).get(field))
            for field, _, where in METRICS
        }
        kinds[q["id"]] = q.get("kind", "")
    return rows, kinds


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, str):
        return None
    return float(value)


def compare(
    base: Mapping[str, Row],
    new: Mapping[str, Row],
    kinds: Mapping[str, str],
    resamples: int = 2000,
    seed: int = 0,
) -> Comparison:
    """Each metric's sums over the common rows with a paired bootstrap interval of the
    difference, and the rows that moved."""
    common = sorted(set(base) & set(new))
    deltas = []
    for field, name, _ in METRICS:
        scored = [i for i in common if base[i][field] is not None or new[i][field] is not None]
        b = sum(base[i][field] or 0.0 for i in scored)
        n = sum(new[i][field] or 0.0 for i in scored)
        # a row the metric does not apply to adds 0 to a resampled difference
        diffs = [(new[i][field] or 0.0) - (base[i][field] or 0.0) for i in common]
        low, high = paired_interval(diffs, resamples, seed)
        deltas.append(Delta(name, len(scored), b, n, low, high))
    changed = []
    for qid in common:
        moved = [
            (field, base[qid][field], new[qid][field])
            for field, _, _ in METRICS
            if _differs(base[qid][field], new[qid][field])
        ]
        if moved:
            changed.append((qid, kinds.get(qid, ""), moved))
    return Comparison(
        len(common), len(set(base) - set(new)), len(set(new) - set(base)), deltas, changed
    )


def paired_interval(
    diffs: Sequence[float] | np.ndarray, resamples: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """The 95% paired bootstrap interval of the sum of per-row differences `new - base`:
    rows resampled with replacement (both runs' scores of a row kept together), the sum
    taken in each of `resamples` resamples, its 2.5 and 97.5 percentiles. The same seed
    draws the same resamples for every metric of one comparison (and for the constants'
    choice in `eval.fit_answers`, which reads this interval as the bar does)."""
    values = np.asarray(diffs, dtype=float)
    draws = np.random.default_rng(seed).integers(0, max(len(values), 1), (resamples, len(values)))
    low, high = np.quantile(values[draws].sum(axis=1), [0.025, 0.975])
    return float(low), float(high)


def _differs(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is not b
    return abs(a - b) > 1e-9


def render(result: Comparison) -> str:
    lines = [
        f"common rows {result.common} (base only {result.base_only}, new only {result.new_only})"
    ]
    for d in result.deltas:
        rows = d.rows or float("nan")
        lines.append(
            f"{d.name:20s} {d.base / rows:.4f} ({d.base:.2f}/{d.rows}) -> "
            f"{d.new / rows:.4f} ({d.new:.2f}/{d.rows})  rows {d.new - d.base:+.2f}"
            f" [95% {d.low:+.2f}, {d.high:+.2f}]" + ("  *" if d.moved else "")
        )
    lines.append("changed rows:")
    for qid, kind, moved in result.changed:
        said = ", ".join(f"{field} {_short(b)}->{_short(n)}" for field, b, n in moved)
        lines.append(f"  {qid} [{kind}]: {said}")
    return "\n".join(lines)


def _short(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"needs at least one resample, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m eval.compare", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("base", type=Path, help="the base run's results.json")
    parser.add_argument("new", type=Path, help="the changed run's results.json")
    parser.add_argument("--split", choices=("tune", "test"), help="only this split's rows")
    parser.add_argument("--prefix", help="only rows whose id matches this regex (e.g. 'k43-')")
    parser.add_argument("--mode", default="hybrid", help="retrieval configuration (hybrid)")
    parser.add_argument("--resamples", type=_positive, default=2000, help="bootstrap resamples")
    parser.add_argument("--seed", type=int, default=0)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.prefix:
            re.compile(args.prefix)
        base, kinds = load_rows(args.base, args.split, args.prefix, args.mode)
        new, new_kinds = load_rows(args.new, args.split, args.prefix, args.mode)
    except (OSError, ValueError, KeyError, TypeError, re.error) as error:
        print(f"eval.compare: cannot read the results: {error}", file=sys.stderr)
        return 2
    print(render(compare(base, new, {**new_kinds, **kinds}, args.resamples, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
