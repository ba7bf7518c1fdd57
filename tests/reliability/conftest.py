"""Fixtures for the reliability tests: cheap writable copies of the session's seed index.

Building the seed index costs a minute of embedding on a busy 2-core machine, so tests
that change an index copy the session's published one instead of building their own.
The copy's documents point at the repository's corpus folder, which no test writes to:
an incremental build over that corpus finds every document unchanged and embeds nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.settings import Settings
from search_api.archive import Archive
from tests.documents import build_pdf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

QUERIES = ("agency staff", "overspend", "Ofsted monitoring visit", "foster carers")

GOOD_MINUTES = """Agenda and minutes

Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023 10.00 am

Foster Carer Recruitment

12.1     The committee heard that the fostering service had recruited 41 new foster
carers in the year, the highest number since 2015, and that the marmalade allowance
pilot would continue.

12.2     Members asked for a breakdown of foster carer retention by district.
"""


def answers(engine: Archive) -> list[list[tuple[int, float]]]:
    """What the index answers to a few fixed queries: ids and scores, to compare exactly."""
    return [[(h.passage_id, round(h.score, 6)) for h in engine.search(q, k=5)] for q in QUERIES]


def copy_index(seed_settings: Settings, target: Path, corpus: str | None = None) -> Settings:
    shutil.copytree(seed_settings.index_dir, target, ignore=shutil.ignore_patterns("LOCK"))
    return seed_settings.model_copy(
        update={"index_dir": target, "corpus": corpus or seed_settings.corpus}
    )


@pytest.fixture
def seed_copy(seed_settings: Settings, tmp_path: Path) -> Settings:
    """Settings for a private copy of the session's seed index (corpus: the repo's)."""
    return copy_index(seed_settings, tmp_path / "index")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer."""
    return build_pdf([list(lines)])
