"""Performance benchmarks at archive scale: `python -m bench --help`.

Kept out of `make test`; see bench/RESULTS.md for the numbers and how they were made.
"""

from __future__ import annotations

from eval.shared import DEV_QUESTIONS, ROOT, SHARED

__all__ = ["QUESTION_FILES", "ROOT", "SHARED"]

QUESTION_FILES = [DEV_QUESTIONS, ROOT / "eval" / "questions.jsonl"]
"""The questions the benchmarks ask: the development set and the repository's seed set."""
