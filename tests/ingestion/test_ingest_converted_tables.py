"""Tables in Kent's converted papers (pymupdf4llm 0.3.4 via `python -m eval.convert`), as
a quote of a cell is written from the page: a cell's line cut after a hyphen goes on
without a space. Fixture cut from `.cache/converted/kent`:
`kent_health_wellbeing_activity_pymupdf4llm.md`, 24-00115 Appendix A, current health and
wellbeing activity within KCC (Cabinet, 30 January 2025), two rows of its table."""

from __future__ import annotations

import shutil
from pathlib import Path

from indexer.ingest import discover, ingest_file
from indexer.models import ParsedDocument

from .conftest import DATA, CountTokens

WELLBEING = DATA / "kent_health_wellbeing_activity_pymupdf4llm.md"


def _ingest(source: Path, folder: Path, count_tokens: CountTokens) -> ParsedDocument:
    shutil.copy(source, folder / source.name)
    (parsed,) = [ingest_file(s, count_tokens) for s in discover(folder)]
    return parsed


def test_a_cell_line_cut_after_a_hyphen_goes_on_without_a_space(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "... to access before and after-<br>school wraparound care (by September 2026)":
    # the converter broke the cell's line after the hyphen the page prints.
    doc = _ingest(WELLBEING, tmp_path, count_tokens)
    text = "\n".join(c.text for c in doc.chunks)
    assert "before and after-school wraparound care (by September 2026)" in text
    assert "after- school" not in text
    # "end-of course" is printed within a line and stays as it is; other cell lines
    # still join with a space.
    assert "learner end-of course feedback Refugees will complete" in text
