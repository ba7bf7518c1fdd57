"""`python -m eval.index_out`: abstention forms scored on an index they were not fitted on.

`eval.fit_abstention` and `eval.paraphrase_gate` decide each row out of *fold* (its split
group held out) but fit on every index, so a signal that is constant within an index (a
per-index calibration) is only ever scored on indexes it was fitted on. Here each index
L in turn is *left out*: for each fold of split groups, the procedure of
`eval.fit_abstention` (steps 1 to 3: weights, out-of-fold threshold, cosine floor) runs
on the rows of the other indexes without the fold's groups, and decides L's rows of
those groups (round 19,
eval/README.md "Abstention on index kinds left out, round 19").

The per-index signal measured is round 18's ``calibrated_cosine``: a row's
``top_cosine`` less its index's *neighbour cosine* (`neighbour_cosine`, read from the
index's stored vectors, `--index-dirs`), added to the rows here so that no served code
computes it unless a form weighing it is adopted; `--term passages` subtracts the log of
the index's passage count instead (measured for the record in round 19).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from eval.fit_abstention import (
    MAX_FALSE_ABSTENTION,
    PENALTIES,
    Candidate,
    Rows,
    fit,
    kind_refusals,
    rates,
    served_form,
    with_signals,
)
from eval.paraphrase_gate import natural, paraphrases, refusals
from indexer.snapshot import STORE_FILE, IndexDir
from indexer.store import PassageStore
from search_api.abstention import FEATURES

__all__ = [
    "CALIBRATED",
    "PROBES",
    "calibrate",
    "index_vectors",
    "leave_index_out",
    "main",
    "neighbour_cosine",
    "rows_of",
]

CALIBRATED = "calibrated_cosine"
SIGNALS: tuple[str, ...] = (*FEATURES, CALIBRATED)
"""Every signal a form here may weigh (`FEATURES`, then the per-index one)."""
PROBES = 256
"""Passages of an index whose nearest other passage `neighbour_cosine` reads (round 18)."""
FOLDS = 10
"""Folds of split groups held out together with the left-out index (a fold per group
would cost a fit per group per index, each running its own leave-one-group-out)."""
MIN_GAIN = 0.05
"""Least gain in mean left-out abstention over the served form (round 18's step 3(c))."""
MAX_LOSS = 0.01
"""How far a form's abstention on a left-out index may fall below the served form's."""


def neighbour_cosine(vectors: np.ndarray, probes: int = PROBES) -> float:
    """The median, over at most `probes` passages spread evenly over the (id-ordered)
    `vectors`, of each one's best cosine to any *other* passage (0 below 2 passages)."""
    n = len(vectors)
    if n < 2:
        return 0.0
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    chosen = np.unique(np.linspace(0, n - 1, min(probes, n)).round().astype(int))
    near = unit[chosen] @ unit.T
    near[np.arange(len(chosen)), chosen] = -1.0  # the self-match removed
    return round(float(np.median(near.max(axis=1))), 4)


def index_vectors(index_dir: Path) -> np.ndarray:
    """The live version's passage vectors, in passage id order, read from its store."""
    folder = IndexDir(index_dir)
    version = folder.current()
    store = PassageStore(version / STORE_FILE, readonly=True)
    try:
        return store.all_vectors(folder.read_info(version).dim)[1]
    finally:
        store.close()


def calibrate(raw: Sequence[dict[str, Any]], cosines: Mapping[str, float]) -> None:
    """Add ``calibrated_cosine`` to every row with signals: its ``top_cosine`` less its
    index's neighbour cosine (`cosines`, by the rows' `index` name)."""
    for r in with_signals(raw):
        f = r["features"]
        f[CALIBRATED] = float(f["top_cosine"]) - cosines[r["index"]]


def rows_of(raw: Sequence[dict[str, Any]], signals: Sequence[str]) -> Rows:
    """The rows with signals as a `Rows` over `signals` (`SIGNALS` order: the cosine and
    coverage first, where `Fit.answers` reads them)."""
    kept = with_signals(raw)
    names = [s for s in SIGNALS if s in signals]
    x = np.array([[float(r["features"][s]) for s in names] for r in kept]).reshape(
        len(kept), len(names)
    )
    y = np.array([1.0 if r["answerable"] else 0.0 for r in kept])
    index = np.array([str(r["index"]) for r in kept])
    groups = [str(r.get("group") or r["id"]) for r in kept]
    return Rows(x, y, index, groups, np.array([str(r.get("kind") or "") for r in kept]))


def leave_index_out(rows: Rows, penalty: float, folds: int = FOLDS) -> np.ndarray:
    """Whether each row is answered by the procedure fitted on the *other* indexes'
    rows without the row's group (the groups dealt into `folds` folds in name order, a
    fold held out at a time: the procedure itself runs a leave-one-group-out inside)."""
    answered = np.zeros(len(rows), dtype=bool)
    names = sorted(set(rows.groups))
    fold = np.array([names.index(g) % folds for g in rows.groups])
    for left in sorted(set(rows.index.tolist())):
        here = rows.index == left
        for k in range(folds):
            cell = here & (fold == k)
            if cell.any():
                model = fit(rows.subset(~here & (fold != k)), penalty)
                answered[cell] = model.answers(rows.x[cell])
    return answered


def _decide(raw: list[dict[str, Any]], signals: tuple[str, ...], penalty: float) -> np.ndarray:
    return leave_index_out(rows_of(raw, signals), penalty)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.index_out", description=__doc__)
    p.add_argument("rows", type=Path, nargs="+", help="JSON rows of eval.answer_diagnose")
    p.add_argument("--questions", type=Path, nargs="+", required=True, metavar="FILE")
    p.add_argument("--index-dirs", type=Path, nargs="+", required=True, metavar="DIR")
    p.add_argument("--penalties", type=float, nargs="+", default=list(PENALTIES))
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument(
        "--term", choices=("neighbour", "passages"), default="neighbour",
        help="the index statistic subtracted from top_cosine: round 18's neighbour cosine, "
        "or log10(passages) / 10 (a per-index intercept linear in the log of its size)",
    )  # fmt: skip
    p.add_argument(
        "--signal", default=CALIBRATED, metavar="NAME",
        choices=[s for s in SIGNALS if s not in served_form()[0]],
        help="the signal added to the served form (default round 19's per-index calibrated "
        "cosine; round 20 also measured the served model's unweighed signals)",
    )  # fmt: skip
    args = p.parse_args(argv)
    raw: list[dict[str, Any]] = [r for path in args.rows for r in json.loads(path.read_text())]
    if any(r.get("split") != "tune" for r in raw):
        print("refusing: tune rows only", file=sys.stderr)
        return 2
    vectors = {d.name: index_vectors(d) for d in args.index_dirs}
    cosines = {k: neighbour_cosine(v) for k, v in vectors.items()}
    print("neighbour cosine: " + "  ".join(f"{k} {v:.4f}" for k, v in cosines.items()))
    print("passages: " + "  ".join(f"{k} {len(v)}" for k, v in vectors.items()))
    if args.term == "passages":
        cosines = {k: round(float(np.log10(max(len(v), 1))) / 10, 4) for k, v in vectors.items()}
    calibrate(raw, cosines)
    kept = with_signals(raw)
    ids = np.array([r["id"] for r in kept])
    nat = natural(ids.tolist(), paraphrases(args.questions))
    served = served_form()
    forms = [served, *((tuple((*served[0], args.signal)), q) for q in args.penalties)]
    with ProcessPoolExecutor(max(args.jobs, 1)) as pool:
        decided = list(pool.map(_decide, *zip(*[(raw, s, q) for s, q in forms], strict=True)))
    rows = rows_of(raw, served[0])
    base = decided[0]
    base_kinds = Candidate(served[0], served[1], {}, kind_refusals(base, rows))
    base_rates = rates(base, rows)
    base_nat = refusals(base, rows, nat)
    for (signals, penalty), answered in zip(forms, decided, strict=True):
        name = "B (served form)" if answered is base else f"B + {args.signal}"
        per = rates(answered, rows)
        nat_ref = refusals(answered, rows, nat)
        mean = float(np.nanmean([a for a, _ in per.values()]))
        print(f"\n{name}, penalty {penalty}: mean left-out abstention {mean:.3f}")
        flags = []
        for index, (acc, fa) in per.items():
            here = rows.index == index
            n_u, n_a = int((here & (rows.y == 0)).sum()), int((here & (rows.y == 1)).sum())
            r, n = nat_ref[index]
            lost = set(ids[here & (rows.y == 1) & ~answered].tolist())
            before = set(ids[here & (rows.y == 1) & ~base].tolist())
            sub = rows.subset(here)
            kinds_ok = Candidate(
                signals, penalty, {}, kind_refusals(answered[here], sub)
            ).within_kinds(base_kinds)
            ok = (
                r <= MAX_FALSE_ABSTENTION * n + 1e-9 and r <= base_nat[index][0],
                fa <= MAX_FALSE_ABSTENTION and kinds_ok,
                acc >= base_rates[index][0] - MAX_LOSS - 1e-9,
            )
            flags.append(all(ok))
            print(
                f"  {index:22} abstention {acc:.3f} ({n_u})  false {fa:.3f} ({n_a})  "
                f"natural refused {r}/{n}  newly refused {sorted(lost - before)}  "
                f"newly answered {sorted(before - lost)}  "
                f"[{''.join(x if y else '-' for x, y in zip('abc', ok, strict=True))}]"
            )
        if answered is not base:
            b_mean = float(np.nanmean([a for a, _ in base_rates.values()]))
            answerable = rows.y == 1
            net = int((~base & answerable & answered).sum() - (base & answerable & ~answered).sum())
            d = mean >= b_mean + MIN_GAIN - 1e-9 and net >= 0
            print(
                f"  gate: (a-c) on every left-out index {all(flags)}; (d) mean "
                f"{mean:.3f} vs B {b_mean:.3f} + {MIN_GAIN}, net answerable {net:+d}: {d}"
            )
            print(f"  verdict: {'passes' if all(flags) and d else 'fails'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
