"""Small stand-ins for the system under test, shared by the harness tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from eval.searchers import RetrievedPassage
from eval.shared import ARCHIVES, DEV_QUESTIONS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SHARED_DEV = DEV_QUESTIONS
KENT = ARCHIVES / "kent"
KINGSTON = ARCHIVES / "kingston"
EVAL_DIR = ROOT / "eval"


class StaticSearcher:
    """Returns a fixed ranking per question text: the harness sees only ids and text."""

    def __init__(self, name: str, rankings: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        self.name = name
        self.rankings = rankings

    def search(self, query: str, k: int) -> list[RetrievedPassage]:
        return [RetrievedPassage(id=i, text=t) for i, t in self.rankings.get(query, [])[:k]]
