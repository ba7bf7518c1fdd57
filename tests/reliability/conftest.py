"""Helpers of the reliability tests; their writable index is the session's `seed_copy`
(tests/conftest.py, made by `tests.indexes.copy_index`)."""

from __future__ import annotations

from pathlib import Path

from search_api.archive import Archive
from tests.documents import build_pdf
from tests.searching import search

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
    return [[(h.passage_id, round(h.score, 6)) for h in search(engine, q, k=5)] for q in QUERIES]


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer."""
    return build_pdf([list(lines)])
