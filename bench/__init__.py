"""Performance benchmarks at archive scale: `python -m bench --help`.

Kept out of `make test`; see bench/RESULTS.md for the numbers and how they were made.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["QUESTION_FILES", "ROOT", "SHARED", "shared_folder"]

ROOT = Path(__file__).resolve().parents[1]


def shared_folder(root: Path) -> Path:
    """The shared data folder (archives, the development questions) nearest above the
    checkout at `root`: beside it, or beside the folder of worktrees it is one of
    (wt/NAME); found from the package, whatever the working directory."""
    return next(
        (p / "shared" for p in root.parents if (p / "shared").is_dir()), root.parent / "shared"
    )


SHARED = Path(os.environ.get("SCRUTINY_SHARED") or shared_folder(ROOT))
"""The shared data folder (`shared_folder`; SCRUTINY_SHARED names another)."""
QUESTION_FILES = [SHARED / "eval" / "dev_questions.jsonl", ROOT / "eval" / "questions.jsonl"]
"""The questions the benchmarks ask: the development set and the repository's seed set."""
