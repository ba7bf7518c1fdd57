"""Round 53: a US roll call's "Staff:" list and lettered sub-items as other councils'
minutes print them. "Staff: City Manager …" (on its line, or alone over its list) is an
attendance label: it stays in item 2 "ROLL CALL" with the members present, not a title
over item 3's motion; "5A. Downtown Parking Meter Proposal" under "5. NEW BUSINESS" and
"3.a Petition for a Crosswalk …" under "3. PETITIONS" open items of their own, cited by
their letter and title, as "5.1 …" does. Real files (`tests/data/ingestion/foreign8/`,
`foreign9/`, synthetic) read by the real reader and tokenizer."""

from __future__ import annotations

import pytest

from indexer.ingest.cleaning import LABEL_LINE, Para
from indexer.ingest.structure import ATTENDANCE_LABEL, LETTERED_ITEM, build_units, is_heading
from indexer.models import ParsedDocument

from .conftest import DATA, CountTokens, ingest_one


@pytest.fixture(scope="module")
def us_city(count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    return ingest_one(
        DATA / "foreign8" / "us_city_2019-03-04.txt", tmp_path_factory.mktemp("c"), count_tokens
    )


@pytest.fixture(scope="module")
def us_town(count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    return ingest_one(
        DATA / "foreign9" / "us_town_2019-10-08.txt", tmp_path_factory.mktemp("t"), count_tokens
    )


TOWN = "foreign9/us_town_2019-10-08.txt"


def _items(doc: ParsedDocument) -> dict[str | None, list[str]]:
    items: dict[str | None, list[str]] = {}
    for chunk in doc.chunks:
        items.setdefault(chunk.item, []).append(chunk.text)
    return items


def test_a_staff_line_stays_in_the_roll_call_not_over_the_next_item(
    us_city: ParsedDocument,
) -> None:
    # Before: "Staff: …" was read as a title; it opened item 3's passage, ahead of its motion.
    items = _items(us_city)
    (roll,) = items["2"]
    assert roll.endswith(
        "Staff: City Manager Tom Reyes, City Attorney Jill Park, City Clerk Maya Brooks"
    )
    assert roll.startswith("Present: Mayor Dana Whitcomb")
    (consent,) = items["3"]
    assert consent.startswith("Motion by Councilmember Ortega")


def test_a_staff_label_alone_on_its_line_heads_its_list(us_town: ParsedDocument) -> None:
    # Before: "Staff:" alone was a heading, its colon dropped ("Staff" / "Town Manager …").
    (roll,) = _items(us_town)["2"]
    assert "Absent: Councilmember Lou Marchetti\nStaff:\nTown Manager Karen Vogel" in roll


@pytest.mark.parametrize(
    ("path", "item", "title", "opens"),
    [
        ("foreign8/us_city_2019-03-04.txt", "5A", "Downtown Parking Meter Proposal",
         "NEW BUSINESS\nStaff presented a proposal"),
        ("foreign9/us_town_2019-10-08.txt", "3.a", "Petition for a Crosswalk on Elm Street",
         "PETITIONS\nThe Town Clerk presented a petition"),
        (TOWN, "3.b", "Petition to Close Birch Lane to Through Traffic",
         "A petition signed by 58 residents"),
        ("foreign9/us_town_2019-10-08.txt", "4A", "Variance Application V-2019-07, 88 Harbour Road",
         "PLANNING APPLICATIONS\nThe Planning Director reported"),
        ("foreign9/us_town_2019-10-08.txt", "5A", "Annual Report of the Harlow Bend Library Board",
         "REPORTS\nLibrary Director Meg Olsen"),
    ],
)  # fmt: skip
def test_a_lettered_sub_item_is_an_item_of_its_own(
    us_city: ParsedDocument, us_town: ParsedDocument, path: str, item: str, title: str, opens: str
) -> None:
    # Before: the lettered line was a sentence of its heading item ("5" "NEW BUSINESS").
    doc = us_city if path.startswith("foreign8") else us_town
    chunks = [c for c in doc.chunks if c.item == item]
    assert chunks, [c.item for c in doc.chunks]
    assert chunks[0].item_title == title
    assert chunks[0].text.startswith(opens), chunks[0].text
    # its heading item ("5" "NEW BUSINESS") opens its first passage, no passage of its own
    head = item[0]
    assert not [c for c in doc.chunks if c.item == head]


def test_what_reads_as_a_lettered_item_or_a_staff_label() -> None:
    for line in ("5A. Downtown Parking Meter Proposal", "3.a Petition for a Crosswalk",
                 "12b. Budget Amendment"):  # fmt: skip
        assert LETTERED_ITEM.match(line), line
    for line in ("3D Printing Pilot for Libraries", "5A Downtown Parking", "2.50 Fees"):
        assert not LETTERED_ITEM.match(line), line
    assert LABEL_LINE.match("Staff: City Manager Tom Reyes") and ATTENDANCE_LABEL.match("Staff:")
    assert not LABEL_LINE.match("Staff presented a proposal to install 120 parking meters")
    assert not ATTENDANCE_LABEL.match("Staff") and not is_heading("Staff:")
    assert is_heading("Staff Wellbeing")  # a report's heading is no label


def test_a_lettered_line_in_a_pdf_under_its_item_stays_text() -> None:
    # As "3.1 Scope" under item 3 in a PDF: a report's own part, not an agenda item.
    paras = [Para(text=t, page=1) for t in (
        "5. NEW BUSINESS", "5A. Downtown Parking Meter Proposal",
        "Staff presented a proposal to install 120 parking meters.",
    )]  # fmt: skip
    assert {u.item for u in build_units(paras, converted=False)} == {"5"}
    assert {u.item for u in build_units(paras, converted=True)} == {"5A"}
