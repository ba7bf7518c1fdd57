"""The shared data folder: the real archives (Kent, Kingston, the ModernGov replays) and the
development questions, kept outside the repository and read by the tests, the bench and
`make eval`. One lookup for all of them, from the package, whatever the working directory:

- `SCRUTINY_SHARED`, when set, names it;
- otherwise the nearest `shared` folder above the checkout: beside it (`../shared`), or
  beside the folder of worktrees it is one of (`wt/NAME` finds `../../shared`), or above a
  clone made deeper still;
- otherwise `../shared`, which does not exist: its users skip or say where they looked.

`python -m eval.shared` prints it (the Makefile's `SHARED`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["ARCHIVES", "DEV_QUESTIONS", "ENV", "ROOT", "SHARED", "shared_folder"]

ENV = "SCRUTINY_SHARED"
"""The environment variable naming the shared folder."""
ROOT = Path(__file__).resolve().parents[1]
"""The checkout this package is in."""


def shared_folder(root: Path = ROOT, environ: Mapping[str, str] = os.environ) -> Path:
    """The shared folder for the checkout at `root` (see the module's docstring)."""
    if named := environ.get(ENV):
        return Path(named)
    return next(
        (p / "shared" for p in root.parents if (p / "shared").is_dir()), root.parent / "shared"
    )


SHARED = shared_folder()
ARCHIVES = SHARED / "archives"
DEV_QUESTIONS = SHARED / "eval" / "dev_questions.jsonl"
"""The development questions (in-sample: the first constants were tuned on them)."""


if __name__ == "__main__":
    print(SHARED)
