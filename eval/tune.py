"""`python -m eval.tune`: grid search of the ranking settings on one split (`tune`).

The tuning procedure of `eval/README.md` as a command: open one built index, run every
answerable question of the split through the served path (`Reader.search`, what
`/search` serves) once per point of a grid of `SearchSettings` values, and print each
point's recall@10, MRR@10, nDCG@10, trend both-ends@10 and the objective (mean of
recall@10 and MRR@10), best first. Only search settings vary: each point is the archive
with `Settings.model_copy(update=point)`, the same index, the same model. A question's
embedding is computed once and reused by every point (the encoder is deterministic).

The BM25 constants (`bm25_k1`, `bm25_b`) are index settings, applied when a publish
scores the lexical postings: a point that sets them gets the lexical index a publish
with them would make (`LexicalIndex.build` over the index's own passage store, held in
memory; the index on disk is not touched, nothing is re-embedded).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.documents import manifest_dates
from eval.questions import Question
from eval.runner import run_eval
from eval.searchers import ArchiveSearcher, open_engine
from eval.split import add_split_arguments, split_questions, split_settings
from indexer.compatibility import bm25_settings, recorded_bm25
from indexer.lexical import Bm25, LexicalIndex

__all__ = ["LEXICAL_SETTINGS", "grid_points", "main", "objective", "score_point"]

log = logging.getLogger("eval.tune")

LEXICAL_SETTINGS = frozenset({"bm25_k1", "bm25_b"})
"""Index settings a grid may vary: they only change the lexical postings, re-scored
from the index's passage store per point."""


def objective(summary: Mapping[str, Any]) -> float:
    """What the grid maximises: mean of hybrid recall@10 and MRR@10 (eval/README.md)."""
    return (float(summary["recall@10"]) + float(summary["mrr@10"])) / 2


def grid_points(grid: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Every combination of the grid's values, as settings updates."""
    names = sorted(grid)
    return [
        dict(zip(names, values, strict=True))
        for values in itertools.product(*(grid[n] for n in names))
    ]


def _cache_queries(archive: Any) -> None:
    """Memoise the archive's query encoder: every grid point asks the same questions."""
    embedder = archive.embedder
    encode = embedder.encode_query
    memo: dict[str, np.ndarray] = {}

    def cached(text: str) -> np.ndarray:
        if text not in memo:
            memo[text] = encode(text)
        return memo[text]

    embedder.encode_query = cached


def score_point(
    archive: Any, base: Any, point: Mapping[str, Any], questions: Sequence[Question], dates: Any
) -> dict[str, Any]:
    """Scores of the served hybrid path with `point` applied to the search settings (and
    to the BM25 constants, whose postings are then re-scored as a publish would)."""
    archive.settings = base.model_copy(update=dict(point))
    _rescore_lexical(archive)
    report = run_eval(questions, [ArchiveSearcher(archive, "hybrid")], dates, k=10)
    scores = report.configs["hybrid"]
    summary = scores.summary
    return {
        "point": dict(point),
        "recall@10": summary["recall@10"],
        "mrr@10": summary["mrr@10"],
        "ndcg@10": summary["ndcg@10"],
        "trend_span@10": summary.get("trend_span@10"),
        "objective": objective(summary),
        "per_question": {
            qid: {m: row.get(m) for m in ("recall@10", "mrr@10", "trend_span@10")}
            for qid, row in scores.per_question.items()
        },
    }


def _rescore_lexical(archive: Any) -> None:
    """Give the archive's open version the lexical index its settings' BM25 constants
    make from its passage store, if its postings were scored with others (the archive
    opened only because the index's record matched the base settings)."""
    retriever = archive.snapshot.retriever
    scored = _SCORED_WITH.get(retriever, recorded_bm25(archive.snapshot.info))
    wanted = bm25_settings(archive.settings)
    if wanted != scored:
        retriever.lexical_index = LexicalIndex.build(archive.reader().lexical_rows(), wanted)
        _SCORED_WITH[retriever] = wanted


_SCORED_WITH: weakref.WeakKeyDictionary[Any, Bm25] = weakref.WeakKeyDictionary()
"""The constants `_rescore_lexical` last scored a retriever's postings with, keyed by the
retriever itself (weakly), not its `id()`: an id is reused once its object is collected,
so a new version's retriever could have been taken for already re-scored."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.tune", description=__doc__)
    add_split_arguments(p)
    p.add_argument(
        "--grid",
        required=True,
        help='JSON object of setting name → list of values, e.g. {"lexical_weight": [1, 1.5]}',
    )
    p.add_argument("--json", type=Path, metavar="PATH", help="write every point's scores here")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        grid = json.loads(args.grid)
        if not isinstance(grid, dict) or not all(isinstance(v, list) for v in grid.values()):
            raise ValueError("expected an object of lists")
    except ValueError as exc:
        print(f"--grid is not a JSON object of lists: {exc}", file=sys.stderr)
        return 2
    base = split_settings(args)
    unknown = sorted(set(grid) - set(base.search.__dataclass_fields__) - LEXICAL_SETTINGS)
    if unknown:
        print(f"not search settings or BM25 constants: {unknown}", file=sys.stderr)
        return 2
    questions = [q for q in split_questions(args) if q.answerable]
    if not questions:
        print(f"no answerable {args.split} questions", file=sys.stderr)
        return 2
    archive = open_engine(base, build_if_missing=False)
    _cache_queries(archive)
    dates = manifest_dates(base.corpus_dirs)
    rows = [score_point(archive, base, p, questions, dates) for p in grid_points(grid)]
    print(f"{args.split}: {len(questions)} answerable questions, {len(rows)} grid points")
    for row in sorted(rows, key=lambda r: -r["objective"]):
        trend = row["trend_span@10"]
        print(
            f"obj={row['objective']:.4f} R@10={row['recall@10']:.3f} "
            f"MRR@10={row['mrr@10']:.3f} nDCG@10={row['ndcg@10']:.3f} "
            f"trend@10={'-' if trend is None else f'{trend:.3f}'} {json.dumps(row['point'])}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
