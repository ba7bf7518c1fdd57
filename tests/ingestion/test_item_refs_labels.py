"""Round 51: other councils' agenda items and labelled lines as converted minutes print
them. A US board's "ITEM NO. 7 ADOPT RESOLUTION …" and an Irish council's minute
references ("CC/18/143 Housing Delivery Report", "BMD/19/022 Roads Programme 2019") open
items (on main the item was None and the text ran on under the last heading); a Canadian
"Regrets: Councillor D. Kowalski", an Irish "Cathaoirleach: Cllr. M. Brennan" and a US
"Supervisors Absent: …" are labelled lines, never section titles; a Welsh "County Borough
Council" is its own kind of body, not "Borough Council". Real files
(`tests/data/ingestion/foreign7/`, `foreign_filed/`, synthetic) ingested by the product's
reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.ingest.cleaning import ITEM_LINE, LABEL_LINE
from indexer.ingest.metadata import council_body

from .conftest import DATA, CountTokens, ingest_one


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("ITEM NO. 7    ADOPT RESOLUTION NO. 20-003", "7", "ADOPT RESOLUTION NO. 20-003"),
        ("Item No 12 Budget", "12", "Budget"),
        ("CC/18/143 Housing Delivery Report", "CC/18/143", "Housing Delivery Report"),
        ("BMD/19/022 Roads Programme 2019", "BMD/19/022", "Roads Programme 2019"),
        ("ITEM 7 Budget", "7", "Budget"),  # as before
    ],
)
def test_an_item_label_in_other_councils_forms(line: str, number: str, title: str) -> None:
    found = ITEM_LINE.match(line)
    assert found is not None
    assert (found["num"] or found["ref"]).replace(" ", "") == number
    assert found["title"].strip() == title


@pytest.mark.parametrize("line", ["Item No", "24/00108 - Revenue and Capital Budget"])
def test_no_item_label(line: str) -> None:
    # Kent's converted pay policy prints "**Item No**" with no number; a Kent decision
    # number has no council's letters before it.
    assert ITEM_LINE.match(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Regrets: Councillor D. Kowalski",
        "Cathaoirleach: Cllr. M. Brennan",
        "Supervisors Absent: Supervisor Dana Whitfield",
        "Supervisors Present: Chair Linda Moreno, Vice Chair Tom Becker",
    ],
)
def test_a_labelled_line_of_other_councils(line: str) -> None:
    assert LABEL_LINE.match(line)


def _items(name: str, tmp_path: Path, count_tokens: CountTokens) -> dict[str | None, str]:
    folder, file = name.split("/")
    parsed = ingest_one(DATA / folder / file, tmp_path, count_tokens)
    out: dict[str | None, str] = {}
    for c in parsed.chunks:
        out[c.item] = out.get(c.item, "") + " " + c.text
    return out


def test_a_us_boards_numbered_items(count_tokens: CountTokens, tmp_path: Path) -> None:
    items = _items("foreign7/us_county_board_2020-01-14.txt", tmp_path, count_tokens)
    assert "$487,000" in items["7"]
    assert "cannabis cultivation tax" in items["8"]
    assert "Whitfield" in items[None] and "Whitfield" not in items["2"]


@pytest.mark.parametrize(
    ("name", "ref", "said"),
    [
        ("foreign7/ie_county_2018-11-26.txt", "CC/18/143", "164 social homes"),
        ("foreign7/ie_county_2018-11-26.txt", "CC/18/145", "declared the motion lost"),
        ("foreign_filed/ie_town_2019-03-14.txt", "BMD/19/022", "€1.46 million"),
    ],
)
def test_an_irish_minute_reference_opens_its_item(
    count_tokens: CountTokens, tmp_path: Path, name: str, ref: str, said: str
) -> None:
    items = _items(name, tmp_path, count_tokens)
    assert said in items[ref], items


def test_regrets_and_the_chair_are_no_section_titles(
    count_tokens: CountTokens, tmp_path: Path
) -> None:
    for name, label in (
        ("ca_township_2018-06-19.txt", "Regrets: Councillor D. Kowalski"),
        ("ie_county_2018-11-26.txt", "Cathaoirleach: Cllr. M. Brennan"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        parsed = ingest_one(DATA / "foreign7" / name, folder, count_tokens)
        titles = {c.item_title for c in parsed.chunks}
        assert label not in titles, titles
        assert any(label in c.text for c in parsed.chunks)


def test_a_county_borough_council_is_its_own_body(
    count_tokens: CountTokens, tmp_path: Path
) -> None:
    assert council_body("Pentrefoel County Borough Council") == "County Borough Council"
    assert council_body("Kent County Council") == "County Council"
    parsed = ingest_one(DATA / "foreign_filed" / "wales_2016-08-03.txt", tmp_path, count_tokens)
    assert parsed.meta.committee == "County Borough Council"
