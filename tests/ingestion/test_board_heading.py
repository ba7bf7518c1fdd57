"""Round 52: a US county governed by a board names the board before the county on its
heading line ("BOARD OF SUPERVISORS, COUNTY OF ALDER"): the county is the council and the
board the committee (on main both were None and answers cited a "meeting" of no body;
round 51's r51-foreign7 kind (15)). Real file (`tests/data/ingestion/foreign7/`, synthetic)
ingested by the product's reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.ingest.metadata import _BOARD_OF

from .conftest import DATA, CountTokens, ingest_one


def test_a_boards_heading_names_its_county_and_itself(
    count_tokens: CountTokens, tmp_path: Path
) -> None:
    parsed = ingest_one(
        DATA / "foreign7" / "us_county_board_2020-01-14.txt", tmp_path, count_tokens
    )
    assert parsed.meta.council == "County of Alder"
    assert parsed.meta.committee == "Board of Supervisors"


@pytest.mark.parametrize(
    ("line", "board", "name"),
    [
        ("BOARD OF SUPERVISORS, COUNTY OF ALDER", "BOARD OF SUPERVISORS", "COUNTY OF ALDER"),
        ("Board of County Commissioners – County of Pine Ridge",
         "Board of County Commissioners", "County of Pine Ridge"),
    ],
)  # fmt: skip
def test_a_board_heading(line: str, board: str, name: str) -> None:
    found = _BOARD_OF.search(line)
    assert found is not None and (found["board"], found["name"]) == (board, name)


@pytest.mark.parametrize(
    "line",
    [
        "Board of Directors - Annual Report 2019",  # no municipality after it
        "The Board of Supervisors of the County of Alder met on January 14",  # a sentence
        "BOARD OF SUPERVISORS, COUNTY OF ALDER\nMINUTES",  # the name ends with its line
    ],
)
def test_no_board_heading(line: str) -> None:
    found = _BOARD_OF.search(line)
    assert found is None or "MINUTES" not in found.group()
