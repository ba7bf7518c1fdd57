"""`python -m eval.fit_answers`: choose the answer-selection constants on `tune`.

A small written-down grid (`GRID`) over the constants of `search_api.answering` and the
sentence weights of `search_api.sentences`; each answerable `tune` question is searched
once (`Reader.searched`, `/ask`'s search half) and answered at every point by `/ask`'s
answer half (`Reader.answered`: `Reader.ask` is the one after the other, abstention
support and the filtered re-check included), and each point is scored by the objective: the
mean of answer evidence recall, key-figure presence and both-trend-ends-cited (each
averaged over the questions it applies to). One constant moves at a time from the
current values; a value replaces the current one only when it beats it by at least
`MIN_GAIN` (ties and near-ties keep the current, simpler-because-older value). Test
questions are refused.

`--joint NAME…` instead tries every combination of those constants' grids (`JOINT_GRID`
entries too), for constants that only work together (a wider pool of passages needs
room for more sentences), on the same searches. Every point, either way, prints its
objective, evidence recall per kind, false abstention, citation support and the answers'
length.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.documents import manifest_dates
from eval.questions import load_questions

__all__ = ["GRID", "main"]

GRID: dict[str, tuple[float, ...]] = {
    "answering.BEST_MARGIN": (0.25, 0.4, 0.6),
    "answering.BEST_LIMIT": (3, 4, 5, 6, 7),
    "answering.MANY_LIMIT": (5, 8, 10, 12),
    "answering.POOL_RANKS": (5, 8),
    "answering.PER_PASSAGE": (2, 3),
    "answering.SECOND_MARGIN": (0.05, 0.2, 0.4),
    "answering.END_MARGIN": (0.0, 0.4, 0.6, 0.8),
    "sentences.cosine": (0.5, 1.0, 2.0),
    "sentences.figure": (0.15, 0.3, 0.5),
    "sentences.phrase": (0.0, 0.1, 0.2),
    "sentences.roll": (0.0, 0.2, 0.35, 0.5),
}
"""`answering.BEST_LIMIT` 6 and 7 added in round 47 (r47-evid), before measuring: 5 was the
grid's top and the objective still rose to it (eval/README.md, r43-fitans Left (b)).
`answering.MANY_LIMIT` 10 and 12 added in round 47 (r47-evid2), before measuring: 8 was
the top of both grids (eval/README.md, r47-evid Left (e))."""
JOINT_GRID: dict[str, tuple[float, ...]] = {
    "sentences.items": (0.0, 0.2, 0.4, 0.6),
    "answering.MANY_LIMIT": (5, 6, 8, 10, 12),
    "answering.MANY_POOL_RANKS": (5, 8),
    "sentences.LIST_ITEMS": (6, 8),
    "answering.BELOW_HITS_QUOTES": (1, 2, 3),
}
"""Round 5's list and several-part constants (eval/README.md "Answer selection, round 5").
`answering.BELOW_HITS_QUOTES` (1, 2, 3) added in round 57 (r57-evid5), before measuring: the
largest class of golds ranked 8-15 that `_deeper` reads and does not quote is the rank
band's one quote taken by a higher-scored passage (eval/README.md, r57-evid5); one grid of
its own (`--joint answering.BELOW_HITS_QUOTES`), chosen by `MIN_GAIN` as `GRID` is."""
MIN_GAIN = 0.01


def _set(name: str, value: float) -> None:
    from search_api import answering, sentences

    module, attr = name.split(".")
    if module == "answering" or attr.isupper():
        target = answering if module == "answering" else sentences
        setattr(target, attr, type(getattr(target, attr))(value))
    else:
        sentences.WEIGHTS = dataclasses.replace(sentences.WEIGHTS, **{attr: value})
        # score_candidates reads its default at definition time: pass through the module.
        defaults = list(sentences.score_candidates.__defaults__ or ())
        defaults[0] = sentences.WEIGHTS
        sentences.score_candidates.__defaults__ = tuple(defaults)


def _current(name: str) -> float:
    from search_api import answering, sentences

    module, attr = name.split(".")
    if module == "answering" or attr.isupper():
        return float(getattr(answering if module == "answering" else sentences, attr))
    return float(getattr(sentences.WEIGHTS, attr))


def objective(rows: Sequence[dict[str, Any]]) -> float:
    """Mean of evidence recall, key-figure presence and trend ends cited (tune)."""
    parts = []
    for metric in ("answer_evidence_recall", "key_figure_presence", "trend_ends_cited"):
        values = [r["score"][metric] for r in rows if r["score"][metric] is not None]
        if values:
            parts.append(statistics.fmean(values))
    return statistics.fmean(parts)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.fit_answers", description=__doc__)
    p.add_argument("--questions", nargs="+", required=True, type=Path, metavar="FILE")
    p.add_argument("--index", type=Path, required=True, metavar="DIR")
    p.add_argument("--corpus", nargs="+", type=Path, required=True, metavar="DIR")
    p.add_argument("--joint", nargs="+", metavar="NAME", help="every combination of these")
    args = p.parse_args(argv)
    from eval.searchers import open_engine
    from indexer.settings import Settings

    grids = {**GRID, **JOINT_GRID}
    unknown = [n for n in args.joint or () if n not in grids]
    if unknown:
        print(f"not in GRID or JOINT_GRID: {unknown}", file=sys.stderr)
        return 2
    settings = Settings(corpus=":".join(str(c) for c in args.corpus), index_dir=args.index)
    questions = [q for q in load_questions(args.questions) if q.split == "tune" and q.answerable]
    archive = open_engine(settings, build_if_missing=False)
    dates = manifest_dates(settings.corpus_dirs)
    answers = _Answers(archive, questions, dates)
    if args.joint:
        return _joint(answers, args.joint)

    base = answers.point("current")
    print(f"current: objective {base:.4f} on {len(questions)} tune questions", flush=True)
    for name, values in GRID.items():
        current = _current(name)
        scores = {}
        for v in values:
            if v == current:
                scores[v] = base
                continue
            _set(name, v)
            scores[v] = answers.point(f"{name}={v:g}")
        best = max(scores, key=lambda v: scores[v])
        chosen = best if scores[best] >= base + MIN_GAIN else current
        _set(name, chosen)
        base = scores.get(chosen, base)
        print(f"{name}: " + ", ".join(f"{v}: {s:.4f}" for v, s in scores.items())
              + f" -> {chosen}", flush=True)  # fmt: skip
    # The chosen point answered again from the same searches: equal to its score above
    # unless answering left its searches changed.
    again = answers.point("chosen, again")
    return 0 if abs(again - base) < 1e-12 else 1


class _Answers:
    """The tune questions, each searched once by `/ask`'s search half; `point` answers
    them all by its answer half under the constants as they are now and scores them."""

    def __init__(self, archive: Any, questions: Sequence[Any], dates: Any) -> None:
        from eval.answer_diagnose import ASK_K
        from search_api.search import SearchRequest

        self.reader = archive.reader()
        self.dates = dates
        self.searched = [
            (q, self.reader.searched(SearchRequest(q.question, ASK_K))) for q in questions
        ]

    def point(self, label: str) -> float:
        """The objective at the current constants; prints it with the point's other
        figures (evidence recall per kind, false abstention, citation support, words)."""
        from eval.answer_diagnose import _view
        from eval.answer_metrics import score_answer

        rows, words = [], []
        for q, searched in self.searched:
            answer = self.reader.answered(searched)
            score = score_answer(q, _view(answer), q.quote_dates(self.dates))
            rows.append({"kind": q.kind, "score": score.as_dict()})
            if not answer.abstained:
                words.append(len(answer.text.split()))
        kinds = sorted({r["kind"] for r in rows})
        recall = {
            k: statistics.fmean(
                r["score"]["answer_evidence_recall"] for r in rows if r["kind"] == k
            )
            for k in kinds
        }
        checked = sum(r["score"]["citations_checked"] for r in rows)
        supported = sum(r["score"]["citations_supported"] for r in rows)
        false_abstention = statistics.fmean(r["score"]["false_abstention"] for r in rows)
        words.sort()
        value = objective(rows)
        print(
            f"{label}: objective {value:.4f} | "
            + " ".join(f"{k} {v:.3f}" for k, v in recall.items())
            + f" | false abstention {false_abstention:.3f}"
            + f" | citation support {supported / checked if checked else 1:.3f}"
            + f" | words p50 {statistics.median(words):.0f} p90 {words[int(0.9 * len(words))]}",
            flush=True,
        )
        return value


def _joint(answers: _Answers, names: Sequence[str]) -> int:
    """Every combination of `names`' grids, on searches made once (see the docstring)."""
    grids = {**GRID, **JOINT_GRID}
    start = {n: _current(n) for n in names}
    print("start: " + ", ".join(f"{n}={v:g}" for n, v in start.items()))
    for point in itertools.product(*(grids[n] for n in names)):
        for name, value in zip(names, point, strict=True):
            _set(name, value)
        answers.point(", ".join(f"{n}={v:g}" for n, v in zip(names, point, strict=True)))
    for name, value in start.items():
        _set(name, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
