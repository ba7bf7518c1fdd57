"""Performance benchmarks at archive scale: `python -m bench --help`.

Kept out of `make test`; see bench/RESULTS.md for the numbers and how they were made.
"""

from __future__ import annotations

from pathlib import Path

from eval.shared import DEV_QUESTIONS, SHARED

__all__ = ["QUESTION_FILES", "ROOT", "SHARED"]

ROOT = Path(__file__).resolve().parents[1]

QUESTION_FILES = [DEV_QUESTIONS, ROOT / "eval" / "questions.jsonl"]
"""The questions the benchmarks ask: the development set and the repository's seed set."""
