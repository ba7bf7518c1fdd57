"""The tune/test split of the gold questions, derived from each question's `group`.

The unit is a meeting or a document, never a single question: two questions about one
meeting share their passages, so tuning on one and testing on the other would leak. The
rule is a hash of the group name, so it needs no stored list, cannot be nudged question by
question, and any reader can recompute it:

    "tune" if int(sha256(group).hexdigest(), 16) % 2 == 0 else "test"

`python -m eval.split FILE...` rewrites the `split` field of every question in place
from its `group` (and fails, changing nothing, when a question has no group).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.questions import Question, Split, load_questions

if TYPE_CHECKING:
    from indexer.settings import Settings

__all__ = [
    "add_split_arguments",
    "apply_split",
    "main",
    "no_questions",
    "split_of",
    "split_questions",
    "split_settings",
]


def add_split_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of every command that runs one split on a built index (diagnose,
    answer_diagnose, tune), so they are spelled and checked alike."""
    p.add_argument("--questions", nargs="+", required=True, type=Path, metavar="FILE")
    p.add_argument(
        "--split", choices=("tune", "test", "dev"), default="tune",
        help="dev: the older in-sample sets, questions outside the split (no `split` field)",
    )  # fmt: skip
    p.add_argument("--index", type=Path, required=True, metavar="DIR")
    p.add_argument("--corpus", nargs="+", type=Path, required=True, metavar="DIR")


def split_settings(args: argparse.Namespace) -> Settings:
    """Settings for the index and corpus folders those arguments name."""
    from indexer.settings import Settings

    return Settings(corpus=":".join(str(c) for c in args.corpus), index_dir=args.index)


def split_questions(args: argparse.Namespace) -> list[Question]:
    """The questions of the chosen split, from the chosen files (`dev`: those without one,
    the in-sample sets that predate the split)."""
    wanted = None if args.split == "dev" else args.split
    return [q for q in load_questions(args.questions) if q.split == wanted]


def no_questions(args: argparse.Namespace) -> int:
    """Say that the chosen files hold no question of the chosen split; the exit status 2."""
    print(f"no {args.split} questions in {[str(p) for p in args.questions]}", file=sys.stderr)
    return 2


def split_of(group: str) -> Split:
    """`tune` or `test` for a split group (e.g. `kent/cabinet/2025-01-30`, `seeds/2018-11-21`)."""
    if not group:
        raise ValueError("a split group must be a non-empty string")
    return "tune" if int(hashlib.sha256(group.encode()).hexdigest(), 16) % 2 == 0 else "test"


def apply_split(path: Path) -> Counter[str]:
    """Rewrite `split` in one question file from each line's `group`; count per split.

    Lines are read as plain JSON (not through the model) so that field order and every
    other field survive untouched. Raises ValueError, writing nothing, on a bad line.
    """
    rows: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc})") from None
        group = row.get("group") if isinstance(row, dict) else None
        if not isinstance(group, str) or not group:
            raise ValueError(f"{path}:{n}: question {row.get('id')!r} has no `group`")
        row["split"] = split_of(group)
        counts[row["split"]] += 1
        rows.append(row)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return counts


def main(argv: list[str] | None = None) -> int:
    """CLI: rewrite the split of each file; exit 1 (files left as they were) on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m eval.split", description="Set `split` from `group` in question files."
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            status = 1
            continue
        try:
            counts = apply_split(path)
        except (ValueError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        print(f"{path}: tune {counts['tune']}, test {counts['test']}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
