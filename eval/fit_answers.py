"""`python -m eval.fit_answers`: choose the answer-selection constants on `tune`.

A small written-down grid (`GRID`) over the constants of `search_api.answering` and the
sentence weights of `search_api.sentences`; each answerable `tune` question is searched
once (`Reader.searched`, `/ask`'s search half) and answered at every point by `/ask`'s
answer half (`Reader.answered`: `Reader.ask` is the one after the other, abstention
support and the filtered re-check included), on the heldout index and, with
`--converted-index`, on the converted one (each index in a process of its own, the two
answering the same point side by side). Each point keeps its rows' scores.

The objective is the mean of answer evidence recall, key-figure presence and
both-trend-ends-cited (each averaged over the questions it applies to), a sum over rows
(`contributions`). One constant moves at a time from the current values, a chosen value
carried forward; a value replaces the current one only when it passes the bar a rule
faces (eval/README.md "Tuning procedure" step 5, and r58-folds, which wrote this rule down
before measuring; `passes`): the 95% paired bootstrap interval of the objective's per-row
difference (`eval.compare.paired_interval`) clear of zero on heldout and not wholly below
zero on converted, no metric of the three down by more than one row and false abstention
not up on either index, and median answer words at most `WORDS_BOUND` times the start's
on each. Among passing values the best on heldout, unless a nearer one is not beaten by
it by the same interval (`choose`). Test questions are refused.

`--joint NAME…` instead tries every combination of those constants' grids (`JOINT_GRID`
entries too), for constants that only work together (a wider pool of passages needs
room for more sentences), on the same searches, and chooses among the combinations by
the same rule. Every point, either way, prints its objective, evidence recall per kind,
false abstention, citation support and the answers' length, and against the current its
interval, its rows per metric and per meeting group, and the answers whose text changes;
`--rows FILE` keeps every point's rows.

`--from NAME` walks `GRID` from that constant on (the ones before it as they are served),
and `--try NAME=VALUE…` reads those single points first, each against the current by the
same rule and carried forward when it passes: a walk interrupted by a round's time goes on
where it stopped, and a value an earlier run chose but a test kept out is read again, one
point, after the change that lets it stand (r59-folds2).

The order when the walk and a joint group both move (r58-folds Left (c), written by
r59-folds2 before any such run): one pass from the served values. (1) The walk over `GRID`
first: its constants shape every plain answer. (2) Then each `JOINT_GRID` group in turn,
as `--joint GROUP --try` with the values the walk and the groups before it moved: every
moved value read again as one point (carried forward when it passes), then the group's
combinations with them in place. (3) A constant in both (`MANY_LIMIT`) is read alone by
the walk and again with its partners by its group; the group's choice stands. (4) The
words bound (e) is read against the served values' median in every run of the pass, so
the pass as a whole stays within it. (5) No second walk in the same pass: what the pass
moves is measured together by `tune.sh` (step 6), and the next pass starts from it.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import multiprocessing
import statistics
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.compare import paired_interval
from eval.documents import manifest_dates
from eval.questions import load_questions

__all__ = ["GRID", "JOINT_GRID", "Versus", "choose", "contributions", "main", "passes", "versus"]

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
its own (`--joint answering.BELOW_HITS_QUOTES`), chosen by the rule as `GRID` is (`MIN_GAIN`
in round 57, `passes` and `choose` from round 58)."""
METRICS = ("answer_evidence_recall", "key_figure_presence", "trend_ends_cited")
"""The objective's three metrics."""
WORDS_BOUND = 1.10
"""The rule's cost condition (e): a point's median answer words (answered rows) at most this
times the run's start point's, on each index (round 24's 10 % bound at the median; read
against the start so that successive moves cannot creep past it; r58-folds)."""
RESAMPLES = 2000
"""Bootstrap resamples of the rule's interval: `eval.compare`'s default, seed 0."""


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
    for metric in METRICS:
        values = [r["score"][metric] for r in rows if r["score"][metric] is not None]
        if values:
            parts.append(statistics.fmean(values))
    return statistics.fmean(parts)


def contributions(rows: Sequence[dict[str, Any]]) -> np.ndarray:
    """Each row's share of `objective`: (e / N_e + k / N_k + t / N_t) / m, N a metric's
    rows, m the metrics any row has; the shares sum to the objective, so two points'
    difference is a sum of per-row differences the bar's interval reads."""
    counts = {m: sum(r["score"][m] is not None for r in rows) for m in METRICS}
    present = [m for m in METRICS if counts[m]]
    return np.array(
        [sum((r["score"][m] or 0.0) / counts[m] for m in present) / len(present) for r in rows]
    )


@dataclasses.dataclass(frozen=True)
class Versus:
    """One point's rows against another's on one index (the same questions, in order)."""

    gain: float
    """The objective's difference, point minus base."""
    low: float
    """95% paired bootstrap interval of `gain` (`eval.compare.paired_interval`)."""
    high: float
    rows: dict[str, float]
    """Each metric's sum of per-row differences (a question gaining a metric adds 1)."""
    refused: int
    """Answerable rows refused at the point minus at the base (false abstention)."""
    words: float
    """The point's median answer words over its answered rows."""
    changed: int
    """Rows whose answer text differs."""
    groups: dict[str, float]
    """The objective's difference by meeting group (the split's unit)."""
    unit: float = 0.0
    """One evidence row's share of the objective (the interval printed in such rows)."""


def versus(
    base: Sequence[dict[str, Any]],
    point: Sequence[dict[str, Any]],
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Versus:
    """`point` read against `base`, row by row."""
    if [r["id"] for r in base] != [r["id"] for r in point]:
        raise ValueError("the two points' rows are not the same questions in the same order")
    diffs = contributions(point) - contributions(base)
    low, high = paired_interval(diffs, resamples, seed)
    groups: dict[str, float] = {}
    for r, d in zip(base, diffs, strict=True):
        groups[r.get("group") or ""] = groups.get(r.get("group") or "", 0.0) + float(d)
    return Versus(
        gain=float(diffs.sum()),
        low=low,
        high=high,
        rows={
            m: sum(
                (p["score"][m] or 0.0) - (b["score"][m] or 0.0)
                for b, p in zip(base, point, strict=True)
            )
            for m in METRICS
        },
        refused=sum(bool(p["score"]["false_abstention"]) for p in point)
        - sum(bool(b["score"]["false_abstention"]) for b in base),
        words=median_words(point),
        changed=sum(b["text"] != p["text"] for b, p in zip(base, point, strict=True)),
        groups=groups,
        unit=float(contributions(_one_evidence_row(base)).sum()),
    )


def _one_evidence_row(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` with every score 0 but one evidence row's 1 (the metrics' counts kept)."""
    out = []
    for i, r in enumerate(rows):
        score = {m: None if r["score"][m] is None else 0.0 for m in METRICS}
        if i == 0:
            score["answer_evidence_recall"] = 1.0
        out.append({"score": score})
    return out


def median_words(rows: Sequence[dict[str, Any]]) -> float:
    """Median answer words over the answered rows (0 when none is answered)."""
    words = [r["words"] for r in rows if r["words"] is not None]
    return float(statistics.median(words)) if words else 0.0


def passes(heldout: Versus, converted: Versus | None, start_words: Sequence[float]) -> list[str]:
    """Why a point fails against the current (empty: it passes). The rule of r58-folds:
    (a) heldout interval clear of zero; (b) converted's not wholly below zero; (c) no metric
    down by more than one row on either index; (d) false abstention not up on either;
    (e) median words at most `WORDS_BOUND` times the start's on each index (`start_words`,
    heldout's then converted's). Without a converted index, (b) and its parts are not read."""
    failed = []
    if not heldout.low > 1e-12:
        failed.append(f"heldout interval [{heldout.low:+.4f}, {heldout.high:+.4f}] not clear of 0")
    readings = [("heldout", heldout)] + ([("converted", converted)] if converted else [])
    if converted is not None and converted.high < -1e-12:
        failed.append(f"converted interval [{converted.low:+.4f}, {converted.high:+.4f}] below 0")
    for (index, reading), bound in zip(readings, start_words, strict=False):
        down = [f"{m} {v:+.2f}" for m, v in reading.rows.items() if v < -1 - 1e-9]
        if down:
            failed.append(f"{index}: " + ", ".join(down) + " rows")
        if reading.refused > 0:
            failed.append(f"{index}: false abstention +{reading.refused}")
        if reading.words > WORDS_BOUND * bound + 1e-9:
            failed.append(f"{index}: words p50 {reading.words:g} > {WORDS_BOUND:g} x {bound:g}")
    return failed


Rows = list[dict[str, Any]]
"""One point's rows on one index: id, group, kind, score, words (None: refused), text."""


def choose(
    current: Sequence[Rows],
    points: Mapping[Any, Sequence[Rows]],
    steps: Mapping[Any, int],
    start_words: Sequence[float],
    resamples: int = RESAMPLES,
) -> tuple[Any, dict[Any, tuple[list[Versus], list[str]]]]:
    """The point the rule chooses among `points` (each its rows per index, heldout first,
    as `current`), or None for the current; and every point's readings and failures.
    Among passing points the best on heldout, unless a passing point fewer `steps` from the
    current is not beaten by it by (a)'s interval: then the nearest such (ties: the better)."""
    read = {
        key: [versus(c, p, resamples) for c, p in zip(current, rows, strict=True)]
        for key, rows in points.items()
    }
    verdicts = {
        key: (r, passes(r[0], r[1] if len(r) > 1 else None, start_words)) for key, r in read.items()
    }
    passing = [key for key, (_, failed) in verdicts.items() if not failed]
    if not passing:
        return None, verdicts
    best = max(passing, key=lambda k: read[k][0].gain)
    for key in sorted(passing, key=lambda k: (steps[k], -read[k][0].gain)):
        if steps[key] >= steps[best]:
            break
        if not versus(points[key][0], points[best][0], resamples).low > 1e-12:
            return key, verdicts
    return best, verdicts


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.fit_answers", description=__doc__)
    p.add_argument("--questions", nargs="+", required=True, type=Path, metavar="FILE")
    p.add_argument("--index", type=Path, required=True, metavar="DIR", help="heldout")
    p.add_argument("--corpus", nargs="+", type=Path, required=True, metavar="DIR")
    p.add_argument("--converted-index", type=Path, metavar="DIR")
    p.add_argument("--converted-corpus", nargs="+", type=Path, metavar="DIR")
    p.add_argument("--joint", nargs="+", metavar="NAME", help="every combination of these")
    p.add_argument("--rows", type=Path, metavar="FILE", help="keep every point's rows (JSON)")
    p.add_argument("--from", dest="start_at", metavar="NAME", help="walk GRID from NAME on")
    p.add_argument(
        "--try", dest="tries", nargs="+", default=[], metavar="NAME=VALUE",
        help="single points read first, each carried forward when it passes",
    )  # fmt: skip
    args = p.parse_args(argv)
    grids = {**GRID, **JOINT_GRID}
    tries = [(n, float(v)) for n, _, v in (t.partition("=") for t in args.tries)]
    unknown = [n for n in [*(args.joint or ()), *(n for n, _ in tries)] if n not in grids]
    if args.start_at is not None and (args.start_at not in GRID or args.joint):
        unknown.append(args.start_at)
    if unknown:
        print(f"not in GRID or JOINT_GRID (--from: GRID, no --joint): {unknown}", file=sys.stderr)
        return 2
    if (args.converted_index is None) != (args.converted_corpus is None):
        print("--converted-index and --converted-corpus go together", file=sys.stderr)
        return 2
    questions = [q for q in load_questions(args.questions) if q.split == "tune" and q.answerable]
    ids = [q.id for q in questions]
    indexes: list[Any] = [_Worker(args.questions, ids, args.index, args.corpus)]
    if args.converted_index:
        indexes.append(_Worker(args.questions, ids, args.converted_index, args.converted_corpus))
    try:
        for index in indexes:
            index.ready()
        fit = _Fit(indexes, args.rows)
        return fit.joint(args.joint, tries) if args.joint else fit.grid(args.start_at, tries)
    finally:
        for index in indexes:
            index.close()


class _Fit:
    """The rule's walk over `GRID` (or one joint group), on one or two indexes."""

    def __init__(self, indexes: Sequence[Any], keep: Path | None) -> None:
        self.indexes = indexes
        self.keep = keep
        self.kept: list[dict[str, Any]] = []
        self.names = list({**GRID, **JOINT_GRID})
        self.start = {n: _current(n) for n in self.names}

    def answer(self, label: str, constants: Mapping[str, float]) -> list[Rows]:
        """Every index's rows at `constants`, answered side by side."""
        for index in self.indexes:
            index.send(constants)
        rows = [index.receive() for index in self.indexes]
        for name, r in zip(("heldout", "converted"), rows, strict=False):
            print(f"{label} [{name}]: {_summary(r)}", flush=True)
        if self.keep:
            self.kept.append({"point": label, "constants": dict(constants), "rows": rows})
            self.keep.write_text(json.dumps(self.kept))
        return rows

    def decide(
        self, current: list[Rows], points: dict[Any, list[Rows]], steps: dict[Any, int]
    ) -> Any:
        chosen, verdicts = choose(current, points, steps, self.start_words)
        for key, (readings, failed) in verdicts.items():
            verdict = "passes" if not failed else "fails: " + "; ".join(failed)
            print(
                f"  {key}: " + " | ".join(_said(r) for r in readings) + f"  {verdict}", flush=True
            )
        return chosen

    def grid(self, start_at: str | None = None, tries: Sequence[tuple[str, float]] = ()) -> int:
        """The walk: `tries` one point each, then `GRID` from `start_at` (default: all)."""
        constants, current = self.begin(tries)
        names = list(GRID)
        for name in names[names.index(start_at) if start_at else 0 :]:
            current = self.step(name, GRID[name], constants, current)
        moved = {n: v for n, v in constants.items() if v != self.start[n]}
        print("moved: " + (", ".join(f"{n}={v:g}" for n, v in moved.items()) or "nothing"))
        # The chosen point answered again from the same searches: equal to its rows above
        # unless answering left its searches changed.
        again = self.answer("chosen, again", constants)
        return 0 if again == current else 1

    def step(
        self, name: str, values: Sequence[float], constants: dict[str, float], current: list[Rows]
    ) -> list[Rows]:
        """`name`'s `values` read against `current` (steps counted on its grid): the chosen
        one set in `constants`; the rows the walk goes on from."""
        points = {
            v: self.answer(f"{name}={v:g}", {**constants, name: v})
            for v in values
            if v != constants[name]
        }
        grid = {**GRID, **JOINT_GRID}[name]
        chosen = self.decide(current, points, {v: _steps(grid, constants[name], v) for v in points})
        if chosen is not None:
            constants[name] = chosen
        print(f"{name}: -> {constants[name]:g}"
              + (" (moved)" if chosen is not None else " (kept)"), flush=True)  # fmt: skip
        return current if chosen is None else points[chosen]

    def begin(self, tries: Sequence[tuple[str, float]]) -> tuple[dict[str, float], list[Rows]]:
        """The served values answered (their median words the bound's start, whatever is
        carried forward after), then `tries` one point each: the constants and rows a walk
        or a joint group goes on from."""
        constants = dict(self.start)
        current = self.answer("current", constants)
        self.start_words = [median_words(r) for r in current]
        for name, value in tries:
            current = self.step(name, (value,), constants, current)
        return constants, current

    def joint(self, names: Sequence[str], tries: Sequence[tuple[str, float]] = ()) -> int:
        """Every combination of `names`' grids, from the served values with `tries` carried
        forward (a group read after a walk: the walk's moves as `tries`)."""
        grids = {**GRID, **JOINT_GRID}
        constants, current = self.begin(tries)
        print("start: " + ", ".join(f"{n}={constants[n]:g}" for n in names))
        here = tuple(constants[n] for n in names)
        points, steps = {}, {}
        for point in itertools.product(*(grids[n] for n in names)):
            if point == here:
                continue
            label = ", ".join(f"{n}={v:g}" for n, v in zip(names, point, strict=True))
            points[point] = self.answer(
                label, {**constants, **dict(zip(names, point, strict=True))}
            )
            steps[point] = sum(
                _steps(grids[n], h, v) for n, h, v in zip(names, here, point, strict=True)
            )
        chosen = self.decide(current, points, steps)
        said = ", ".join(f"{n}={v:g}" for n, v in zip(names, chosen or here, strict=True))
        print(f"chosen: {said}" + (" (moved)" if chosen is not None else " (kept)"))
        return 0


def _steps(values: Sequence[float], current: float, value: float) -> int:
    """Grid steps from the current value (its place among the grid's values)."""
    ordered = sorted({*values, current})
    return abs(ordered.index(value) - ordered.index(current))


def _summary(rows: Rows) -> str:
    kinds = sorted({r["kind"] for r in rows})
    recall = {
        k: statistics.fmean(r["score"]["answer_evidence_recall"] for r in rows if r["kind"] == k)
        for k in kinds
    }
    checked = sum(r["score"]["citations_checked"] for r in rows)
    supported = sum(r["score"]["citations_supported"] for r in rows)
    refused = statistics.fmean(r["score"]["false_abstention"] for r in rows)
    words = sorted(r["words"] for r in rows if r["words"] is not None)
    return (
        f"objective {objective(rows):.4f} | "
        + " ".join(f"{k} {v:.3f}" for k, v in recall.items())
        + f" | false abstention {refused:.3f}"
        + f" | citation support {supported / checked if checked else 1:.3f}"
        + f" | words p50 {median_words(rows):g} p90 {words[int(0.9 * len(words))] if words else 0}"
    )


_SHORT = ("evidence", "key figure", "ends cited")


def _said(r: Versus) -> str:
    up = sum(v > 1e-12 for v in r.groups.values())
    down = sum(v < -1e-12 for v in r.groups.values())
    rows = " ".join(f"{short} {v:+.2f}" for short, v in zip(_SHORT, r.rows.values(), strict=True))
    unit = r.unit or float("nan")
    return (
        f"{r.gain:+.4f} [95% {r.low:+.4f}, {r.high:+.4f}] (evidence rows {r.gain / unit:+.1f}"
        f" [{r.low / unit:+.1f}, {r.high / unit:+.1f}]) rows {rows}, refused {r.refused:+d},"
        f" words p50 {r.words:g}, {r.changed} texts changed, groups +{up} -{down}"
    )


class _Answers:
    """The tune questions, each searched once by `/ask`'s search half; `rows` answers
    them all by its answer half under the constants as they are now and scores them."""

    def __init__(self, archive: Any, questions: Sequence[Any], dates: Any) -> None:
        from eval.answer_diagnose import ASK_K
        from search_api.search import SearchRequest

        self.reader = archive.reader()
        self.dates = dates
        self.searched = [
            (q, self.reader.searched(SearchRequest(q.question, ASK_K))) for q in questions
        ]

    def rows(self) -> Rows:
        """Every question's scores, answer words (None: refused) and a digest of its text."""
        from eval.answer_diagnose import answer_view
        from eval.answer_metrics import score_answer

        rows = []
        for q, searched in self.searched:
            answer = self.reader.answered(searched)
            score = score_answer(q, answer_view(answer), q.quote_dates(self.dates))
            rows.append({
                "id": q.id,
                "group": q.group,
                "kind": q.kind,
                "score": score.as_dict(),
                "words": None if answer.abstained else len(answer.text.split()),
                "text": hashlib.sha1(answer.text.encode()).hexdigest(),
            })  # fmt: skip
        return rows

    def point(self, label: str) -> float:
        """The objective at the current constants, printed with the point's other figures."""
        rows = self.rows()
        print(f"{label}: {_summary(rows)}", flush=True)
        return objective(rows)


def _serve(
    conn: Any, files: Sequence[Path], ids: Sequence[str], index: Path, corpus: Sequence[Path]
) -> None:
    """One index's process: search the questions once, then answer each point sent."""
    from eval.searchers import open_engine
    from indexer.settings import Settings

    settings = Settings(corpus=":".join(str(c) for c in corpus), index_dir=index)
    wanted = set(ids)
    questions = [q for q in load_questions(files) if q.id in wanted]
    archive = open_engine(settings, build_if_missing=False)
    # One thread a query, as the server embeds (`serve_one_thread`): two such processes
    # share the cores; the vectors are the same on one thread or two.
    archive.embedder.serve_one_thread()
    answers = _Answers(archive, questions, manifest_dates(settings.corpus_dirs))
    conn.send("ready")
    while (constants := conn.recv()) is not None:
        for name, value in constants.items():
            _set(name, value)
        conn.send(answers.rows())


class _Worker:
    """An index answered in a process of its own (`_serve`), so two indexes answer a point
    side by side."""

    def __init__(
        self, files: Sequence[Path], ids: Sequence[str], index: Path, corpus: Sequence[Path]
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, list(files), list(ids), index, list(corpus))
        )
        self.process.start()
        child.close()
        self.index = index

    def ready(self) -> None:
        """Wait for its searches (after every index's process has started)."""
        if self.conn.recv() != "ready":
            raise RuntimeError(f"the process answering {self.index} did not start")

    def send(self, constants: Mapping[str, float]) -> None:
        self.conn.send(dict(constants))

    def receive(self) -> Rows:
        rows: Rows = self.conn.recv()
        return rows

    def close(self) -> None:
        if self.process.is_alive():
            self.conn.send(None)
        self.process.join(60)


if __name__ == "__main__":
    sys.exit(main())
