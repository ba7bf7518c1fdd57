"""`python -m eval.fit_abstention`: fit the abstention model on the `tune` questions.

Reads the rows `python -m eval.answer_diagnose --split tune --json ROWS` wrote, one file
per index (each row: the answer's support signals, `search_api.abstention.FEATURES`, the
index it was asked of, and whether that index can answer it, `answerable`), and fits a
logistic model "the archive answers this question". Rows of two indexes of different
size are the point: on the seeds-only index every Kent, Kingston and unanswerable
question is unanswerable and the seed questions answerable, so a model that leans on
anything that grows with the archive fails on one of the two.

1. L2-regularised logistic regression (Newton's method, `PENALTY` on the weights, not the
   intercept); each (index, answerable) cell weighted to count equally, so neither the
   larger index nor the far more numerous unanswerable rows of the small one dominate.
2. The decision threshold: the intercept is then moved to the value that maximises the
   mean, over the indexes, of abstention accuracy on their unanswerable questions,
   subject to false abstention ≤ `MAX_FALSE_ABSTENTION` on each index's answerable ones
   (false abstention first); among equal values, the shift nearest 0 (the fitted model's
   own ½ point). The shift is taken from a grid of `STEP`, and the target must hold with
   a `MARGIN` in log-odds to spare (round 17): at the cut moved `MARGIN` toward
   abstaining, each index refuses at most `allowed(n)` of its n answerable rows, so no
   threshold rests on one example (the row that binds it sits `MARGIN` from the cut);
   round 4's rule asked for a band empty of answerable rows, which with more rows lies
   ever further toward answering whatever the rates (eval/README.md, "Abstention, round
   17"). Since round 5 the shift is chosen on *out-of-fold* margins
   (each group's rows scored by the model fitted without that group, step 4's folds):
   a threshold chosen on the margins the model was fitted to sits too close to the
   answerable questions it has seen (round 4's in-sample cut refused a second seed
   question out of fold). (Round 7 tried holding each kind of answerable question here
   too; it lowered abstention and could not help: a question held out of a fold is
   not among the margins its threshold is chosen on. The per-kind gate is step 5's.)
   Round 29 (the lead's policy): an index named by `--no-worse-than-served` (the
   seeds-only index, which no council deploys) is held to the served model's refusals
   of its answerable rows when they exceed `allowed(n)` (`Rows.limit`), so that index no
   longer sets the cut of the served ones; steps 5 and 6 read the same limit. Since
   round 30 that figure is the recorded `SEEDS_ONLY_SERVED`, scaled to the rows at hand,
   not whatever `MODEL` is installed (a served refit would otherwise set its successor's
   limit to its own refusals, and the limit would ratchet with each refit). Since round 32
   that index's refusals are counted **in sample**, on the margins of the fit being cut
   (`_shift`'s `in_sample`), as its limit was counted (the served model's decisions on the
   recorded rows) and as the gate counts a candidate (its served decisions); the served
   indexes' target stays out of fold. Rounds 29-31 read it out of fold, and every refit
   met it there (8 of 150) and refused one row more served (9).
3. A floor on the best cosine (`partial_cosine`): a linear model extrapolates beyond
   the answerable questions it saw, so a question no top passage holds whole, whose best
   passage is further from it than that of every such answerable tune question (on
   either index), is not answered. The floor is that lowest cosine, rounded down to
   0.01, less `FLOOR_MARGIN`. A passage holding every content word exempts a question
   from it: one-word searches embed far from every passage.
4. Leave-one-group-out cross-validation on tune (the split's `group`s: a meeting or
   document; a group's rows on every index are held out together) estimates how the
   procedure does on questions it was not fitted on.
5. Selection (round 5; round 6 added two candidates, round 9 one): the penalty from
   `PENALTIES` and the signals from `CORE` plus any subset of `CANDIDATES`
   (`--candidates`: of those named; `--keep`, round 17: signals every set holds besides
   `CORE`) are chosen together by step 4's rates (nested: every group decided by steps 1
   to 3 run without it, threshold included): the largest mean abstention over the
   indexes with out-of-fold false abstention ≤ `MAX_FALSE_ABSTENTION` on each and, since
   round 7, no (index, kind) cell refused out of fold more than `allowed` or than the
   reference refuses it (the round's per-kind gate, so the procedure cannot adopt a
   model that fails it); ties go to fewer signals, then the larger penalty; a candidate
   replaces the reference (`CORE`, penalty 1.0: round 4's procedure) only if it gains at
   least `MIN_GAIN`.

6. The tie-break to the served model (rounds 5 and 7 applied it by hand; round 8 made it
   part of the output; round 9 made both sides out of fold): the served model's *form*
   (`served_form`: the signals `MODEL` weighs and `MODEL_PENALTY`) goes through steps 1
   to 3 by leave-one-group-out on the same folds as the chosen candidate, and the
   candidate replaces `MODEL` only if its mean out-of-fold abstention over the indexes
   is at least the served form's + `MIN_GAIN`, its out-of-fold false abstention is
   ≤ `MAX_FALSE_ABSTENTION` on each index, and it passes the per-kind gate against the
   served form (`replaces_served`). Round 8 compared the candidate's out-of-fold rates
   with the served coefficients' rates on rows they were partly fitted on, which leans
   toward the served model; those in-sample rates are still printed, for the record.

It prints the coefficients and the step 6 verdict; copy the coefficients into
`search_api/abstention.py` (`MODEL`, and its penalty `MODEL_PENALTY`) only when the
verdict says so.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from search_api.abstention import FEATURES, MODEL, MODEL_PENALTY, AbstentionModel

__all__ = [
    "Candidate",
    "allowed",
    "candidate_sets",
    "decided",
    "decide_out_of_fold",
    "kind_refusals",
    "Fit",
    "Rows",
    "cross_validate",
    "fit",
    "load",
    "main",
    "out_of_fold",
    "rates",
    "replaces_served",
    "select",
    "served_fit",
    "served_form",
    "with_signals",
    "within_target",
]

PENALTY = 1.0
PENALTIES = (1.0, 0.3, 0.1)
"""Penalties step 5 compares (1.0 is round 4's; a smaller one lets the weights follow the
rows more closely, which the out-of-fold threshold then has to bear out)."""
CORE = ("top_cosine", "coverage", "sentence_coverage", "dense_agrees")
"""Round 4's signals: every candidate set keeps them."""
CANDIDATES = (
    "specific_coverage", "cosine_z", "salient_coverage", "salient_sentence_coverage",
    "absent_salience", "apart_salience",
)  # fmt: skip
"""Round 5's, 6's, 9's and 10's signals, each in or out (`search_api.abstention`; round
17's `sentence_cosine` and `window_coverage` were measured and removed, eval/README.md)."""
MIN_GAIN = 0.025
"""Least gain in mean out-of-fold abstention for a candidate to replace the reference
(half of one of the large index's 20 unanswerable tune questions)."""
MAX_FALSE_ABSTENTION = 0.05
SEEDS_ONLY_SERVED = (8, 150)
"""The limit of an index held to "no worse than served" (`--no-worse-than-served`, the
seeds-only index), as (refused, answerable): the served `MODEL` (round 10's fit, served
since round 10 and unchanged on `main` e73e4d0) refuses 8 of the 150 answerable seeds-only
tune rows of round 29's rows (r29-abst, `main` b2f8b96) and of round 30's (r30-abst, `main`
e73e4d0; the seed questions' tune rows did not change). Pinned here, with its provenance,
so that the limit stays put when a refit is installed as `MODEL` (eval/README.md, "Tuning
procedure", item 1). On n answerable rows the limit is this rate's nearest count
(`Rows.limit`)."""
STEP = 0.25
MARGIN = 0.25
FLOOR_MARGIN = 0.05
COSINE = FEATURES.index("top_cosine")
COVERAGE = FEATURES.index("coverage")


class Fit:
    """A fitted model: intercept, one weight per feature, and the cosine floor."""

    def __init__(self, intercept: float, weights: np.ndarray, partial_cosine: float = 0.0) -> None:
        self.intercept = intercept
        self.weights = weights
        self.partial_cosine = partial_cosine

    def shifted(self, shift: float, partial_cosine: float) -> Fit:
        """The same weights with the intercept moved and a cosine floor."""
        return Fit(self.intercept + shift, self.weights, partial_cosine)

    def margins(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of "answerable" for each row."""
        return self.intercept + x @ self.weights

    def answers(self, x: np.ndarray) -> np.ndarray:
        """Whether each row is answered: margin ≥ 0, and best cosine at the floor or above
        unless a top passage holds every content word (`AbstentionModel.supported`)."""
        whole = x[:, COVERAGE] >= 1.0
        return (self.margins(x) >= 0) & (whole | (x[:, COSINE] >= self.partial_cosine))


class Rows:
    """Feature matrix, labels (1: answerable on the row's index), indexes, groups and the
    questions' kinds (round 7: the per-kind constraint); since round 29 also the indexes
    held to "no worse than served" rather than to the target, each with the served model's
    recorded (refused, answerable) on it (`held`, `limit`; round 30: a recorded figure,
    `SEEDS_ONLY_SERVED`, not the installed `MODEL`'s)."""

    def __init__(
        self, x: np.ndarray, y: np.ndarray, index: np.ndarray, groups: list[str],
        kinds: np.ndarray | None = None, held: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:  # fmt: skip
        self.x, self.y, self.index, self.groups = x, y, index, groups
        self.kinds = kinds if kinds is not None else np.array(["answerable"] * len(y))
        self.held: Mapping[str, tuple[int, int]] = held or {}

    def __len__(self) -> int:
        return len(self.y)

    def subset(self, keep: np.ndarray) -> Rows:
        """The rows where `keep` is true."""
        groups = [g for g, k in zip(self.groups, keep, strict=True) if k]
        return Rows(
            self.x[keep], self.y[keep], self.index[keep], groups, self.kinds[keep], self.held
        )

    def columns(self, names: Sequence[str]) -> Rows:
        """The same rows with only the named signals (`FEATURES` order kept: the cosine
        and coverage come first in every set, where `Fit.answers` looks for them)."""
        cols = [FEATURES.index(n) for n in FEATURES if n in names]
        return Rows(self.x[:, cols], self.y, self.index, self.groups, self.kinds, self.held)

    def limit(self, index: str) -> int:
        """Refusals of `index`'s answerable rows the target allows: `allowed(n)`, or for an
        index held to "no worse than served" (round 29's policy: the seeds-only index, which
        no council deploys, no longer sets the cut of the served ones) the served model's
        recorded refusals when they are more, as a rate read on these n rows (nearest
        count: a fold holding out one of 150 rows keeps the recorded 8)."""
        return self._limit(index, int(((self.index == index) & (self.y == 1)).sum()))

    def _limit(self, index: str, n: int) -> int:
        """`limit` of `index`, whose answerable rows are `n` (counted once by the caller)."""
        if index not in self.held:
            return allowed(n)
        refused, asked = self.held[index]
        return max(allowed(n), int(refused * n / asked + 0.5) if asked else 0)

    def limits(self) -> dict[str, float]:
        """Per index, the false abstention `limit` allows, as a rate (at least
        `MAX_FALSE_ABSTENTION`, which an index of few answerable rows cannot reach)."""
        out = {}
        for index in sorted(set(self.index.tolist())):
            n = int(((self.index == index) & (self.y == 1)).sum())
            out[index] = max(MAX_FALSE_ABSTENTION, self._limit(index, n) / n if n else 0.0)
        return out


def _cell_weights(rows: Rows) -> np.ndarray:
    """Row weights giving every (index, label) cell the same total weight."""
    cells = sorted(set(zip(rows.index.tolist(), rows.y.tolist(), strict=True)))
    w = np.zeros(len(rows))
    for index, label in cells:
        cell = (rows.index == index) & (rows.y == label)
        w[cell] = len(rows) / (len(cells) * cell.sum())
    return w


def _logistic(rows: Rows, penalty: float = PENALTY) -> Fit:
    """Cell-balanced L2 logistic regression by Newton's method."""
    n, d = rows.x.shape
    w_rows = _cell_weights(rows)
    xb = np.hstack([np.ones((n, 1)), rows.x])
    beta = np.zeros(d + 1)
    reg = np.eye(d + 1) * penalty
    reg[0, 0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(xb @ beta)))
        grad = xb.T @ (w_rows * (p - rows.y)) + reg @ beta
        hess = (xb * (w_rows * p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Fit(float(beta[0]), beta[1:])


def rates(answered: np.ndarray, rows: Rows) -> dict[str, tuple[float, float]]:
    """Per index: (abstention accuracy on its unanswerable rows, false abstention on its
    answerable rows), from whether each row was `answered`; NaN for an empty side."""
    out = {}
    for index in sorted(set(rows.index.tolist())):
        here = rows.index == index
        unanswerable = ~answered[here & (rows.y == 0)]
        answerable = ~answered[here & (rows.y == 1)]
        out[index] = (
            float(np.mean(unanswerable)) if unanswerable.size else float("nan"),
            float(np.mean(answerable)) if answerable.size else float("nan"),
        )
    return out


def kind_refusals(answered: np.ndarray, rows: Rows) -> dict[tuple[str, str], tuple[int, int]]:
    """Per (index, kind of answerable question): (refused, asked) among its answerable
    rows, from whether each row was `answered`."""
    out = {}
    for index, kind in sorted(set(zip(rows.index.tolist(), rows.kinds.tolist(), strict=True))):
        cell = (rows.index == index) & (rows.kinds == kind) & (rows.y == 1)
        if cell.any():
            out[(index, kind)] = (int((~answered[cell]).sum()), int(cell.sum()))
    return out


def allowed(asked: int) -> int:
    """Refusals a kind of `asked` answerable questions may have within
    `MAX_FALSE_ABSTENTION` (honest n: of 12 list questions, none; of 26, one)."""
    return int(np.floor(MAX_FALSE_ABSTENTION * asked + 1e-9))


def within_target(answered: np.ndarray, rows: Rows) -> bool:
    """Whether every index refuses at most `rows.limit` of its answerable rows
    (`allowed(n)` of n unless the index is held to the served model)."""
    for index in set(rows.index.tolist()):
        answerable = (rows.index == index) & (rows.y == 1)
        if int((~answered[answerable]).sum()) > rows.limit(index):
            return False
    return True


def _shift(margins: np.ndarray, rows: Rows, in_sample: np.ndarray | None = None) -> float:
    """The intercept shift of step 2 for these (out-of-fold) margins (see the module
    docstring); an index held to the served model is read on `in_sample`, the margins of
    the fit being cut, when given (round 32)."""
    held = np.isin(rows.index, list(rows.held))
    read = margins if in_sample is None else np.where(held, in_sample, margins)
    best: tuple[float, float, float] | None = None
    for shift in np.arange(-4.0, 4.0 + STEP / 2, STEP):
        m = margins + shift
        # The target must hold with the cut moved MARGIN toward abstaining (round 17).
        if not within_target(read + shift - MARGIN >= 0, rows):
            continue
        per_index = rates(m >= 0, rows)
        accuracy = float(np.nanmean([acc for acc, _ in per_index.values()]))
        key = (accuracy, -abs(shift), float(shift))
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else 0.0


def _floor(rows: Rows) -> float:
    """The cosine floor of step 3 (0 without answerable rows held only in part)."""
    cosines = rows.x[(rows.y == 1) & (rows.x[:, COVERAGE] < 1.0), COSINE]
    if not cosines.size:
        return 0.0
    return round(max(np.floor(cosines.min() * 100) / 100 - FLOOR_MARGIN, 0.0), 2)


def out_of_fold(rows: Rows, penalty: float = PENALTY) -> np.ndarray:
    """Each row's margin under the model fitted without its group (step 4's folds)."""
    margins = np.zeros(len(rows))
    for g in sorted(set(rows.groups)):
        held = np.array([gg == g for gg in rows.groups])
        margins[held] = _logistic(rows.subset(~held), penalty).margins(rows.x[held])
    return margins


def fit(rows: Rows, penalty: float = PENALTY) -> Fit:
    """Steps 1 to 3: fitted weights, the intercept shifted by the threshold chosen on
    out-of-fold margins (an index held to the served model: on the fit's own, in sample),
    and the cosine floor."""
    model = _logistic(rows, penalty)
    shift = _shift(out_of_fold(rows, penalty), rows, model.margins(rows.x))
    return model.shifted(shift, _floor(rows))


def cross_validate(rows: Rows, penalty: float = PENALTY) -> dict[str, tuple[float, float]]:
    """Step 4: abstention accuracy and false abstention per index, each group decided by
    the procedure run without it (weights, threshold and floor)."""
    return rates(decide_out_of_fold(rows, penalty), rows)


def decide_out_of_fold(rows: Rows, penalty: float = PENALTY) -> np.ndarray:
    """Whether each row is answered by the procedure (steps 1 to 3) run without its group."""
    answered = np.zeros(len(rows), dtype=bool)
    for g in sorted(set(rows.groups)):
        held = np.array([gg == g for gg in rows.groups])
        model = fit(rows.subset(~held), penalty)
        answered[held] = model.answers(rows.x[held])
    return answered


@dataclass(frozen=True)
class Candidate:
    """One (signals, penalty) pair of step 5 and its out-of-fold rates per index."""

    signals: tuple[str, ...]
    penalty: float
    rates: dict[str, tuple[float, float]]
    kinds: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    """Out-of-fold (refused, asked) per (index, kind of answerable question)."""
    limits: dict[str, float] = field(default_factory=dict)
    """Per index, the false abstention allowed (`Rows.limits`; `MAX_FALSE_ABSTENTION`
    where absent)."""
    in_sample: dict[str, float] = field(default_factory=dict)
    """Per index held to the served model, the false abstention of the form fitted on all
    the rows, on those rows (round 32: that index's limit is read in sample)."""

    @property
    def feasible(self) -> bool:
        """False abstention within the target on every index, out of fold (an index held
        to the served model: within the served model's, in sample where given)."""
        return all(
            self.in_sample.get(index, fa) <= self.limits.get(index, MAX_FALSE_ABSTENTION) + 1e-9
            for index, (_, fa) in self.rates.items()
        )

    def within_kinds(self, reference: Candidate) -> bool:
        """Round 7's per-kind gate, out of fold: on every index, no kind of answerable
        question refused more than `allowed` or than the reference refuses it."""
        return all(
            r <= max(allowed(n), reference.kinds.get(cell, (0, n))[0])
            for cell, (r, n) in self.kinds.items()
        )

    @property
    def abstention(self) -> float:
        """Mean out-of-fold abstention accuracy over the indexes."""
        return float(np.nanmean([acc for acc, _ in self.rates.values()]))


def decided(rows: Rows, signals: tuple[str, ...], penalty: float) -> tuple[Candidate, np.ndarray]:
    """A form decided out of fold: its rates and per-kind refusals, and whether each row
    was answered (gates that read rows, such as `eval.paraphrase_gate`, need the latter)."""
    sub = rows.columns(signals)
    answered = decide_out_of_fold(sub, penalty)
    in_sample: dict[str, float] = {}
    if set(sub.held) & set(sub.index.tolist()):
        whole = rates(fit(sub, penalty).answers(sub.x), sub)
        in_sample = {index: whole[index][1] for index in sub.held if index in whole}
    return (
        Candidate(
            signals,
            penalty,
            rates(answered, sub),
            kind_refusals(answered, sub),
            sub.limits(),
            in_sample,
        ),
        answered,
    )


def _candidate(rows: Rows, signals: tuple[str, ...], penalty: float) -> Candidate:
    return decided(rows, signals, penalty)[0]


def candidate_sets(
    candidates: Sequence[str] = CANDIDATES, keep: Sequence[str] = ()
) -> list[tuple[str, ...]]:
    """Step 5's signal sets: `CORE` and the `keep` signals plus each subset of
    `candidates` (`FEATURES` order)."""
    return [
        tuple(f for f in FEATURES if f in (*CORE, *keep, *extra))
        for n in range(len(candidates) + 1)
        for extra in itertools.combinations(tuple(candidates), n)
    ]


def select(
    rows: Rows, candidates: Sequence[str] = CANDIDATES, keep: Sequence[str] = (),
    jobs: int = 1,
) -> tuple[Candidate, list[Candidate]]:  # fmt: skip
    """Step 5: the chosen (signals, penalty), and every candidate compared (`CORE` and
    `keep` plus each subset of `candidates`: every one of `CANDIDATES` unless told; the
    first, the reference, is `CORE` and `keep` at the first penalty), `jobs` forms
    decided side by side."""
    forms = [(s, p) for s in candidate_sets(candidates, keep) for p in PENALTIES]
    with ProcessPoolExecutor(max(jobs, 1)) as pool:
        compared = list(pool.map(_candidate, *zip(*[(rows, s, p) for s, p in forms], strict=True)))
    reference = compared[0]
    best = reference
    for c in compared:
        if not (c.feasible and c.within_kinds(reference)):
            continue
        key = (c.abstention, -len(c.signals), c.penalty)
        if key > (best.abstention, -len(best.signals), best.penalty):
            best = c
    if best is not reference and (
        reference.feasible and best.abstention < reference.abstention + MIN_GAIN
    ):
        best = reference
    return best, compared


def served_fit(model: AbstentionModel = MODEL) -> Fit:
    """The served coefficients as a `Fit` over every signal of `FEATURES` (the settings'
    floors aside, its decisions on diagnose rows are `/ask`'s), for step 6."""
    return Fit(model.intercept, np.array(model.weights, dtype=float), model.partial_cosine)


def served_form(
    model: AbstentionModel = MODEL, penalty: float = MODEL_PENALTY
) -> tuple[tuple[str, ...], float]:
    """The served model's form for step 6: the signals it weighs (`FEATURES` order) and
    the penalty it was fitted with, so the procedure can refit it fold by fold."""
    return tuple(f for f, w in zip(FEATURES, model.weights, strict=True) if w != 0), penalty


def replaces_served(candidate: Candidate, served: Candidate) -> bool:
    """Step 6: whether the chosen candidate replaces the served model, both scored out of
    fold on the same folds (`served` is the served form's `Candidate`): a different form,
    false abstention within the target on every index, the per-kind gate against the
    served form, and a mean abstention at least `MIN_GAIN` above it (less keeps the
    served coefficients)."""
    if (candidate.signals, candidate.penalty) == (served.signals, served.penalty):
        return False
    return (
        candidate.feasible
        and candidate.within_kinds(served)
        and candidate.abstention >= served.abstention + MIN_GAIN - 1e-9
    )


def with_signals(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The diagnose rows that carry signals, in order: the rows of `load`'s `Rows`, one
    for one (a gate that reads ids or groups beside the matrix reads them here)."""
    return [r for r in rows if r.get("features")]


def load(
    rows: Sequence[dict[str, Any]], no_worse_than_served: Sequence[str] = (),
    served: tuple[int, int] = SEEDS_ONLY_SERVED,
) -> Rows:  # fmt: skip
    """The diagnose rows (with signals) as a `Rows`; a row without `answerable` (older
    files) is answerable unless its question is of kind unanswerable. The indexes named in
    `no_worse_than_served` are held to the served model's recorded false abstention,
    `served` (refused, answerable), instead of the target (`Rows.limit`)."""
    kept = with_signals(rows)
    x = np.array([[float(r["features"][f]) for f in FEATURES] for r in kept]).reshape(
        len(kept), len(FEATURES)
    )
    y = np.array([1.0 if r.get("answerable", r["kind"] != "unanswerable") else 0.0 for r in kept])
    index = np.array([str(r.get("index") or "index") for r in kept])
    groups = [str(r.get("group") or r["id"]) for r in kept]
    kinds = np.array([str(r.get("kind") or "") for r in kept])
    return Rows(x, y, index, groups, kinds, dict.fromkeys(no_worse_than_served, served))


def _print_rates(label: str, per_index: dict[str, tuple[float, float]], rows: Rows) -> None:
    for index, (acc, fa) in per_index.items():
        here = rows.index == index
        n_u, n_a = int((here & (rows.y == 0)).sum()), int((here & (rows.y == 1)).sum())
        print(
            f"{label} {index}: abstention {acc:.3f} ({n_u} unanswerable), "
            f"false abstention {fa:.3f} ({n_a} answerable)"
        )


def _refused(kinds: dict[tuple[str, str], tuple[int, int]]) -> str:
    return (
        " ".join(f"{i.removeprefix('eval-')}:{k} {r}/{n}" for (i, k), (r, n) in kinds.items() if r)
        or "-"
    )


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.fit_abstention", description=__doc__)
    p.add_argument(
        "rows", type=Path, nargs="+", help="JSON rows of eval.answer_diagnose --split tune"
    )
    p.add_argument("--signals", nargs="+", choices=FEATURES, help="fit these signals (skip step 5)")
    p.add_argument("--penalty", type=float, default=PENALTY, help="with --signals")
    p.add_argument(
        "--candidates", nargs="*", choices=CANDIDATES, default=list(CANDIDATES),
        help="step 5 compares CORE plus each subset of these (default: all)",
    )  # fmt: skip
    p.add_argument(
        "--keep", nargs="*", choices=CANDIDATES, default=[],
        help="signals every form of step 5 holds besides CORE",
    )  # fmt: skip
    p.add_argument("--jobs", type=int, default=1, help="forms decided side by side")
    p.add_argument(
        "--no-worse-than-served", nargs="*", default=[], metavar="INDEX",
        help="indexes whose false abstention may reach the served model's recorded rate, "
        "SEEDS_ONLY_SERVED, instead of the target (round 29: the seeds-only index)",
    )  # fmt: skip
    args = p.parse_args(argv)
    raw: list[dict[str, Any]] = []
    for path in args.rows:
        try:
            raw.extend(json.loads(path.read_text()))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"cannot read rows from {path}: {exc}", file=sys.stderr)
            return 2
    if any(r.get("split") not in ("tune", None) for r in raw):
        print(
            "refusing: the rows must all be tune questions or in-sample ones outside the"
            " split (answer_diagnose --split dev), never test",
            file=sys.stderr,
        )
        return 2
    try:
        rows = load(raw, args.no_worse_than_served)
    except KeyError as exc:
        print(f"refusing: rows without the signal {exc}; regenerate them", file=sys.stderr)
        return 2
    if len(set(rows.y.tolist())) < 2:
        print("refusing: the rows need answerable and unanswerable questions", file=sys.stderr)
        return 2
    print(f"rows: {int(rows.y.sum())} answerable, {int((1 - rows.y).sum())} unanswerable (tune)")
    for index in sorted(set(rows.index.tolist())):
        n = int(((rows.index == index) & (rows.y == 1)).sum())
        held = " (no worse than the served model, recorded)" if index in rows.held else ""
        print(f"  {index}: at most {rows.limit(index)} of {n} answerable refused{held}")
    compared: list[Candidate] = []
    if args.signals:
        chosen = _candidate(rows, tuple(f for f in FEATURES if f in args.signals), args.penalty)
    else:
        chosen, compared = select(rows, args.candidates, args.keep, args.jobs)
        print("selection (out-of-fold abstention / false abstention per index; refused")
        print("answerable questions by index:kind; (over): index over, (kind): a kind over):")
        for c in compared:
            extra = "+".join(s for s in c.signals if s not in CORE) or "core"
            cells = "  ".join(f"{i}: {a:.3f}/{f:.3f}" for i, (a, f) in c.rates.items())
            flag = "" if c.feasible else "  (over)"
            flag += "" if c.within_kinds(compared[0]) else "  (kind)"
            print(f"  {extra:28} penalty {c.penalty:<4} {cells}  {_refused(c.kinds)}{flag}")
    sub = rows.columns(chosen.signals)
    model = fit(sub, chosen.penalty)
    weights_of = dict(zip([f for f in FEATURES if f in chosen.signals], model.weights, strict=True))
    print(f"chosen: {', '.join(chosen.signals)}; penalty {chosen.penalty}")
    print(f"intercept={model.intercept:.3f}")
    for name in FEATURES:
        print(f"  {name:18} {weights_of.get(name, 0.0):+.3f}")
    print(f"  partial_cosine     {model.partial_cosine:.2f}")
    answered = model.answers(sub.x)
    _print_rates("in-sample (tune)", rates(answered, sub), sub)
    print(f"  refused by kind: {_refused(kind_refusals(answered, sub))}")
    _print_rates("leave-one-group-out (tune)", chosen.rates, sub)
    print(f"  refused by kind: {_refused(chosen.kinds)}")
    signals, penalty = served_form()
    served = next(
        (c for c in compared if (c.signals, c.penalty) == (signals, penalty)), None
    ) or _candidate(rows, signals, penalty)
    print(f"served form: {', '.join(signals)}; penalty {penalty}")
    _print_rates("served form, leave-one-group-out (tune)", served.rates, rows)
    print(f"  refused by kind: {_refused(served.kinds)}")
    in_sample = served_fit().answers(rows.x)
    _print_rates("served MODEL coefficients, same rows (record only)", rates(in_sample, rows), rows)
    print(f"  refused by kind: {_refused(kind_refusals(in_sample, rows))}")
    print(
        f"step 6: mean out-of-fold abstention, chosen {chosen.abstention:.3f} against the "
        f"served form's {served.abstention:.3f} (MIN_GAIN {MIN_GAIN})"
    )
    print(
        "step 6: the fitted model replaces the served MODEL"
        if replaces_served(chosen, served)
        else "step 6: the served MODEL stays (the chosen form does not beat the served "
        "form out of fold by MIN_GAIN within the constraints)"
    )
    weights = ", ".join(f"{weights_of.get(name, 0.0):.3f}" for name in FEATURES)
    print(
        f"\nMODEL = AbstentionModel(intercept={model.intercept:.3f}, weights=({weights}), "
        f"partial_cosine={model.partial_cosine:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
