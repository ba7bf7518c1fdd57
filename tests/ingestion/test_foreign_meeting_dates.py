"""Another council's files as it publishes them: named by its own convention ("Ordinary
Council Minutes 12 March 2019.pdf", "20190312_OC_MIN.pdf", "OC_12032019_MIN_1234.PDF",
"Minutes-03-12-2019.pdf", "Council-Minutes-2019-March-12.pdf", "1234.pdf"), its heading's
date in words or in figures. Every file must get its meeting's date, council, committee and
type, so date filters, trends and timelines work over its years; a date in figures is read
in the order the council writes it (the weekday beside it, the file's other dates, its
country's words) or, where nothing says, as its year only with a note; a file with no date
anywhere keeps a note saying so (round 46). The probe files are
`tests/data/ingestion/foreign/` (synthetic, see its README)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest

from indexer.ingest import discover, ingest_file
from indexer.ingest.metadata import UNDATED_NOTE, date_order
from indexer.models import DocumentMeta

from .conftest import DATA, CountTokens

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
           "|December")  # fmt: skip
_NAMED = re.compile(
    rf"(?i)\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:{_MONTHS}),?\s+|(?:{_MONTHS})\s+\d{{1,2}},?\s+)(?:19|20)\d\d\b"
)
"""A date with its month's name (and the weekday before it), as the probe files write them."""


class Probe(NamedTuple):
    """A probe file, its meeting, its council and committee (the body), and whether its
    council writes dates month first (the United States)."""

    file: str
    meeting: date
    council: str
    committee: str
    month_first: bool


PROBES = [Probe(*row) for row in [
    ("au_ordinary_council_2019-03-12.md", date(2019, 3, 12), "Koorawatha Regional Council",
     "Regional Council", False),
    ("au_shire_council_2021-06-22.txt", date(2021, 6, 22), "Barralong Shire Council",
     "Shire Council", False),
    ("ie_county_council_2019-03-12.txt", date(2019, 3, 12), "Glenmore County Council",
     "County Council", False),
    ("nz_district_council_2018-05-24.txt", date(2018, 5, 24), "Tarawera District Council",
     "District Council", False),
    ("sc_council_2017-09-28.txt", date(2017, 9, 28), "Inverbrae Council", "Council", False),
    ("us_city_council_2016-03-08.md", date(2016, 3, 8), "City of Maple Grove", "City Council",
     True),
    ("us_town_council_2022-04-05.txt", date(2022, 4, 5), "Town of Cedar Bluff", "Town Council",
     True),
]]  # fmt: skip


def _names(day: date, month_first: bool, suffix: str) -> list[str]:
    """A meeting's file named as councils name theirs; figures in the council's order."""
    month = day.strftime("%B")
    figures = f"{day:%m%d%Y}" if month_first else f"{day:%d%m%Y}"
    dashed = f"{day:%m-%d-%Y}" if month_first else f"{day:%d-%m-%Y}"
    return [
        f"Ordinary Council Minutes {day.day} {month} {day.year}{suffix}",
        f"{day:%Y%m%d}_OC_MIN{suffix}",
        f"OC_{figures}_MIN_1234{suffix.upper()}",
        f"Minutes-{dashed}{suffix}",
        f"Council-Minutes-{day.year}-{month}-{day.day}{suffix}",
    ]


def _meta(folder: Path, name: str, text: str, count_tokens: CountTokens) -> DocumentMeta:
    folder.mkdir(parents=True)
    (folder / name).write_text(text)
    (source,) = discover(folder)
    return ingest_file(source, count_tokens).meta


@pytest.mark.parametrize("probe", PROBES, ids=[p.file for p in PROBES])
def test_a_file_named_by_another_convention_gets_its_meeting(
    tmp_path: Path, count_tokens: CountTokens, probe: Probe
) -> None:
    # The text's own dates removed, the name alone dates the meeting: "2019-March-12" was
    # read as no date, a United States "Minutes-03-08-2016" as 3 August. A bare "1234" is
    # dated by its heading.
    file, meeting, council, committee, month_first = probe
    path = DATA / "foreign" / file
    text = path.read_text()
    dateless = _NAMED.sub("", text)
    for number, name in enumerate(_names(meeting, month_first, path.suffix)):
        meta = _meta(tmp_path / f"n{number}", name, dateless, count_tokens)
        assert (meta.meeting_date, meta.date_precision) == (meeting, "day"), name
        assert (meta.council, meta.committee, meta.doc_type) == (council, committee, "minutes")
        assert meta.notes is None
    bare = _meta(tmp_path / "bare", f"1234{path.suffix}", text, count_tokens)
    assert (bare.meeting_date, bare.council, bare.committee) == (meeting, council, committee)


@pytest.mark.parametrize("probe", PROBES, ids=[p.file for p in PROBES])
def test_a_heading_date_in_figures_is_read_in_the_councils_order(
    tmp_path: Path, count_tokens: CountTokens, probe: Probe
) -> None:
    # Every date of the file written in figures as its council writes them ("03/08/2016" in
    # Maple Grove, "12/03/2019" in Koorawatha): the order comes from the file's words (a
    # council member by name, "Cr", "Cllr", "Sederunt", a shire) or its other dates. On
    # main every such date was read day first: Maple Grove met on 3 August.
    path, meeting, month_first = DATA / "foreign" / probe.file, probe.meeting, probe.month_first
    written = f"{meeting:%m/%d/%Y}" if month_first else f"{meeting:%d/%m/%Y}"
    text = _NAMED.sub(written, path.read_text())
    meta = _meta(tmp_path / "one", f"1234{path.suffix}", text, count_tokens)
    assert (meta.meeting_date, meta.date_precision, meta.notes) == (meeting, "day", None)


def test_figures_either_way_round_with_nothing_to_tell_are_the_year_with_a_note(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    text = (
        "Minutes of the Ordinary Council Meeting held on 03/12/2019\n\n"
        "1. APOLOGIES\n\nThere were none.\n\n2. ROADS\n\nThe report was noted.\n"
    )
    meta = _meta(tmp_path / "a", "1234.txt", text, count_tokens)
    assert (meta.meeting_date, meta.date_precision, meta.date_approximate) == (
        date(2019, 1, 1),
        "year",
        True,
    )
    assert meta.notes is not None and "'03/12/2019'" in meta.notes and "year only" in meta.notes
    # The file's name tells which of the two days it is.
    meta = _meta(tmp_path / "b", "20191203_OC_MIN.txt", text, count_tokens)
    assert (meta.meeting_date, meta.date_precision, meta.notes) == (date(2019, 12, 3), "day", None)
    # So does a date of the file written with its month's name ("5 November 2019": day first).
    later = text + "\n3. NEXT MEETING\n\nThe next meeting is on 5 November 2019.\n"
    meta = _meta(tmp_path / "c", "1234.txt", later, count_tokens)
    assert (meta.meeting_date, meta.date_precision) == (date(2019, 12, 3), "day")


def test_a_file_with_no_date_anywhere_keeps_a_note_not_a_date(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    text = _NAMED.sub("", (DATA / "foreign" / "nz_district_council_2018-05-24.txt").read_text())
    meta = _meta(tmp_path / "a", "1234.txt", text, count_tokens)
    assert (meta.meeting_date, meta.date_precision, meta.notes) == (None, None, UNDATED_NOTE)
    assert meta.council == "Tarawera District Council"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on 12 March 2019; next meeting 9 April 2019", "day"),
        ("held on March 12, 2019; next meeting April 9, 2019", "month"),
        ("dated 25/03/2019", "day"),
        ("dated 03/25/2019", "month"),
        # More of one kind than the other; a quoted date of the other kind does not decide.
        ("12 March 2019, 9 April 2019, as the letter of May 2, 2019 says", "day"),
        ("Councilmember Garcia moved the motion", "month"),
        ("Council Member Reyes; Ordinance 2022-07", "month"),
        ("Cr Nguyen moved the motion", "day"),
        ("Cllr. Hayes proposed", "day"),
        ("BARRALONG SHIRE COUNCIL", "day"),
        ("Councillor Arsenault moved", None),  # Canada spells it so, and writes either way
        ("dated 03/12/2019", None),
        ("all council members were present", None),
    ],
)
def test_a_files_date_order_comes_from_its_own_dates_and_words(
    text: str, expected: str | None
) -> None:
    assert date_order(text) == expected


@pytest.mark.parametrize(
    ("name", "heading", "expected"),
    [
        # The type from the heading, as other countries call an agenda or minutes.
        ("1234.txt", "KOORAWATHA REGIONAL COUNCIL\n\nBUSINESS PAPER", "agenda"),  # NSW
        ("1234.txt", "TARAWERA DISTRICT COUNCIL\n\nORDER PAPER", "agenda"),  # New Zealand
        ("1234.txt", "CITY OF MAPLE GROVE\n\nACTION MINUTES", "minutes"),  # a US city
        # A heading that gives none: the file's name does.
        ("20190312_OC_MIN.txt", "KOORAWATHA REGIONAL COUNCIL", "minutes"),
        ("OC_AGN_12032019.txt", "KOORAWATHA REGIONAL COUNCIL", "agenda"),
        ("Business Paper 12 March 2019.txt", "KOORAWATHA REGIONAL COUNCIL", "agenda"),
        ("1234.txt", "KOORAWATHA REGIONAL COUNCIL", None),
    ],
)
def test_a_files_type_from_its_heading_or_else_its_name(
    tmp_path: Path, count_tokens: CountTokens, name: str, heading: str, expected: str | None
) -> None:
    text = f"{heading}\n\nOrdinary Council Meeting 12 March 2019\n\n1. APOLOGIES\n\nCr Smith.\n"
    assert _meta(tmp_path / "a", name, text, count_tokens).doc_type == expected
