"""`python -m eval.paraphrase_gate`: the gate on abstention for questions in everyday words.

Reads the rows `python -m eval.answer_diagnose --json` wrote (the six files of
`eval.fit_abstention`) and the question files, where a paraphrased question names its
original in `paraphrase_of` (same evidence and `group`). *Natural* rows are the
answerable rows of paraphrases and of the question sets written without looking at the
system (`NATURAL`, released to tuning in round 15). Every step-5 candidate of
`eval.fit_abstention` (`CORE` plus each subset of `--candidates`, each penalty) and the
served model's form are decided out of fold on the same leave-one-group-out folds (steps
1 to 3 run without the row's group; a paraphrase and its original share a group, which is
checked), and a candidate may replace `MODEL` only if (eval/README.md, "Abstention on
everyday wording, round 15"; round 14's gate read paraphrases only and stopped when the
served form passed (a)):

a. its out-of-fold false abstention on the natural rows is ≤ `MAX_FALSE_ABSTENTION`
   on each index, and refuses no more of them than the served form on any index;
b. it is `feasible` (false abstention ≤ `MAX_FALSE_ABSTENTION` on each index over all
   answerable rows) and passes the per-kind gate against the served form;
c. its mean out-of-fold abstention is ≥ the served form's − `MAX_LOSS`;
d. the distinct answerable question ids the served form refuses and it answers, less the
   ids the other way, are ≥ `MIN_NET`.

Among those that pass, the largest mean abstention wins (ties: fewer signals, then the
larger penalty). The served coefficients' own refusals of natural rows (the rows'
`abstained`, never fitted on those rows) are printed for the record.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eval.fit_abstention import (
    CANDIDATES,
    CORE,
    MAX_FALSE_ABSTENTION,
    PENALTIES,
    Candidate,
    Rows,
    candidate_sets,
    decided,
    load,
    served_form,
    with_signals,
)
from eval.questions import load_questions
from search_api.abstention import FEATURES

__all__ = ["NATURAL", "Scored", "main", "natural", "paraphrases", "score", "verdict"]

NATURAL: tuple[str, ...] = ("k3-", "kg3-", "k4-", "s4-", "k5-", "kg5-", "s5-")
NATURAL += ("k6-", "kg6-", "s6-", "k7-", "kg7-", "s7-", "k8-", "kg8-", "s8-")
NATURAL += ("k9-", "kg9-", "s9-")
NATURAL += ("k10-", "kg10-", "s10-")
NATURAL += ("k11-", "kg11-", "s11-")
NATURAL += ("k12-", "kg12-", "s12-")
NATURAL += ("k13-", "kg13-", "s13-")
NATURAL += ("k14-", "kg14-", "s14-")
NATURAL += ("k15-", "kg15-", "s15-")
NATURAL += ("k16-", "kg16-", "s16-")
NATURAL += ("k17-", "kg17-", "s17-")
NATURAL += ("k18-", "kg18-", "s18-")
NATURAL += ("k19-", "kg19-", "s19-")
NATURAL += ("k20-", "kg20-", "s20-")
NATURAL += ("k21-", "kg21-", "s21-")
NATURAL += ("k22-", "kg22-", "s22-")
NATURAL += ("k23-", "kg23-", "s23-")
NATURAL += ("k24-", "kg24-", "s24-")
NATURAL += ("k25-", "kg25-", "s25-")
NATURAL += ("k26-", "kg26-", "s26-")
NATURAL += ("k27-", "kg27-", "s27-")
NATURAL += ("k28-", "kg28-", "s28-")
NATURAL += ("k29-", "kg29-", "s29-")
NATURAL += ("k30-", "kg30-", "s30-")
NATURAL += ("k31-", "kg31-", "s31-")
NATURAL += ("k32-", "kg32-", "s32-")
NATURAL += ("k33-", "kg33-", "s33-")
NATURAL += ("k34-", "kg34-", "s34-")
NATURAL += ("k35-", "kg35-", "s35-")
NATURAL += ("k36-", "kg36-", "s36-")
NATURAL += ("k37-", "kg37-", "s37-")
NATURAL += ("k38-", "kg38-", "s38-")
NATURAL += ("k39-", "kg39-", "s39-")
NATURAL += ("k40-", "kg40-", "s40-")
NATURAL += ("k41-", "kg41-", "s41-")
NATURAL += ("k42-", "kg42-", "s42-")
NATURAL += ("k43-", "kg43-", "s43-")
NATURAL += ("k44-", "kg44-", "s44-")
NATURAL += ("k45-", "kg45-", "s45-")
NATURAL += ("k46-", "kg46-", "s46-")
NATURAL += ("k47-", "kg47-", "s47-")
NATURAL += ("k48-", "kg48-", "s48-")
NATURAL += ("k49-", "kg49-", "s49-")
"""Id prefixes of the answerable sets written by people who had not read the papers nor
used the system (rounds 11-12's released to tuning in round 15, rounds 13-14's in round
16, round 15's in round 17, and since then each round's set two rounds later): everyday
wording besides paraphrases."""

MAX_LOSS = 0.01
"""How far a candidate's mean out-of-fold abstention may fall below the served form's:
fewer refused paraphrases must not be bought with answering unanswerable questions."""
MIN_NET = 3
"""Least net number of answerable questions gained (round 14's rule: no adoption on fewer)."""

Form = tuple[tuple[str, ...], float]


@dataclass(frozen=True)
class Scored:
    """One form's out-of-fold decisions and what the gate reads from them."""

    candidate: Candidate
    answered: np.ndarray
    natural_refused: dict[str, tuple[int, int]]
    """(refused, asked) answerable natural rows per index."""
    paraphrase_refused: dict[str, tuple[int, int]]
    """The same for the paraphrase rows alone (printed, not gated)."""


def paraphrases(question_files: Sequence[Path]) -> dict[str, str]:
    """Paraphrase id → original id, from the question files' `paraphrase_of`."""
    return {q.id: q.paraphrase_of for q in load_questions(question_files) if q.paraphrase_of}


def natural(ids: Sequence[str], originals: Mapping[str, str]) -> np.ndarray:
    """Which ids are natural wording: a paraphrase, or of a `NATURAL` set."""
    return np.array([i in originals or i.startswith(NATURAL) for i in ids], dtype=bool)


def refusals(answered: np.ndarray, rows: Rows, among: np.ndarray) -> dict[str, tuple[int, int]]:
    """(refused, asked) answerable rows of `among`, per index."""
    out = {}
    for index in dict.fromkeys(rows.index.tolist()):
        here = (rows.index == index) & among & (rows.y == 1)
        out[index] = (int((~answered[here]).sum()), int(here.sum()))
    return out


def score(rows: Rows, nat: np.ndarray, para: np.ndarray, form: Form) -> Scored:
    """A form decided out of fold, with its natural and paraphrase refusals per index."""
    candidate, answered = decided(rows, *form)
    natural_refused = refusals(answered, rows, nat)
    return Scored(candidate, answered, natural_refused, refusals(answered, rows, para))


def verdict(scored: Scored, served: Scored, rows: Rows, ids: np.ndarray) -> tuple[str, int]:
    """The gate's four conditions as a flag string ("abcd", "-" where one fails) and the
    net number of answerable questions gained over the served form."""
    answerable = rows.y == 1
    lost = set(ids[answerable & ~scored.answered].tolist())
    before = set(ids[answerable & ~served.answered].tolist())
    net = len(before - lost) - len(lost - before)
    c = scored.candidate
    checks = (
        all(
            r <= MAX_FALSE_ABSTENTION * n + 1e-9 and r <= served.natural_refused[i][0]
            for i, (r, n) in scored.natural_refused.items()
        ),
        c.feasible and c.within_kinds(served.candidate),
        c.abstention >= served.candidate.abstention - MAX_LOSS - 1e-9,
        net >= MIN_NET,
    )
    return "".join(x if ok else "-" for x, ok in zip("abcd", checks, strict=True)), net


def _forms(candidates: Sequence[str], keep: Sequence[str] = ()) -> list[Form]:
    sets = [tuple(f for f in FEATURES if f in s) for s in candidate_sets(candidates, keep)]
    forms = [(s, p) for s in sets for p in PENALTIES]
    return forms if served_form() in forms else [*forms, served_form()]


def _line(s: Scored, flags: str, net: int) -> str:
    c = s.candidate
    extra = "+".join(x for x in c.signals if x not in CORE) or "core"
    cells = "  ".join(
        f"{i.removeprefix('eval-')}: {a:.3f}/{f:.3f} nat {_count(s.natural_refused[i])} "
        f"para {_count(s.paraphrase_refused[i])}" for i, (a, f) in c.rates.items()
    )  # fmt: skip
    return f"  {extra:44} {c.penalty:<4} mean {c.abstention:.3f}  {cells}  net {net:+d} [{flags}]"


def _count(refused: tuple[int, int]) -> str:
    return f"{refused[0]}/{refused[1]}"


def _rank(s: Scored) -> tuple[float, int, float]:
    return (s.candidate.abstention, -len(s.candidate.signals), s.candidate.penalty)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.paraphrase_gate", description=__doc__)
    p.add_argument("rows", type=Path, nargs="+", help="JSON rows of eval.answer_diagnose")
    p.add_argument("--questions", type=Path, nargs="+", required=True, metavar="FILE")
    p.add_argument("--candidates", nargs="*", choices=CANDIDATES, default=list(CANDIDATES))
    p.add_argument(
        "--keep", nargs="*", choices=CANDIDATES, default=[],
        help="signals every form holds besides CORE (round 18)",
    )  # fmt: skip
    p.add_argument("--jobs", type=int, default=1, help="forms decided side by side")
    p.add_argument(
        "--no-worse-than-served", nargs="*", default=[], metavar="INDEX",
        help="as eval.fit_abstention's: indexes held to the served model's recorded rate",
    )  # fmt: skip
    args = p.parse_args(argv)
    raw: list[dict[str, Any]] = [r for path in args.rows for r in json.loads(path.read_text())]
    if any(r.get("split") not in ("tune", None) for r in raw):
        print("refusing: test rows", file=sys.stderr)
        return 2
    kept = with_signals(raw)
    rows = load(raw, args.no_worse_than_served)
    ids = np.array([r["id"] for r in kept])
    originals = paraphrases(args.questions)
    group = {r["id"]: r.get("group") for r in kept}
    apart = [i for i, o in originals.items() if i in group and group[i] != group.get(o)]
    if apart:
        print(f"refusing: paraphrases outside their original's group: {apart}", file=sys.stderr)
        return 2
    para = np.array([i in originals for i in ids], dtype=bool)
    nat = natural(ids.tolist(), originals)
    abstained = np.array([bool(r.get("abstained")) for r in kept])
    print(f"natural rows: {int((nat & (rows.y == 1)).sum())} answerable")
    for label, among in (("natural", nat), ("paraphrase", para), ("original", ~nat)):
        cells = "  ".join(
            f"{i.removeprefix('eval-')}: {_count(r)}"
            for i, r in refusals(~abstained, rows, among).items()
        )  # fmt: skip
        print(f"served MODEL coefficients (rows' abstained), {label} rows refused: {cells}")
    forms = _forms(args.candidates, args.keep)
    with ProcessPoolExecutor(max(args.jobs, 1)) as pool:
        done = pool.map(score, *zip(*[(rows, nat, para, f) for f in forms], strict=True))
        scored = dict(zip(forms, done, strict=True))
    served = scored[served_form()]
    results = sorted(
        ((s, *verdict(s, served, rows, ids)) for s in scored.values()),
        key=lambda t: -t[0].candidate.abstention,
    )  # fmt: skip
    for s, flags, net in results:
        print(_line(s, flags, net) + ("  (served form)" if s is served else ""))
    passing = [s for s, flags, _ in results if flags == "abcd" and s is not served]
    if not passing:
        print("verdict: no candidate passes the gate; MODEL stays")
    else:
        best = max(passing, key=_rank).candidate
        print(f"verdict: {', '.join(best.signals)} at {best.penalty} passes (refit: --signals)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
