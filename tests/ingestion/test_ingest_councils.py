"""Full-council minutes of other countries' councils, as their converters give them
(`tests/data/ingestion/councils/`, see its README): no manifest, so the meeting date,
the body and the document type come from the text, and the agenda items from its
headings. Each defect found on these files has its own test."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from indexer.ingest import discover, ingest_file
from indexer.ingest.cleaning import clean
from indexer.ingest.metadata import date_in_name, from_text
from indexer.ingest.readers import RawDocument
from indexer.ingest.structure import build_units
from indexer.models import Chunk, ParsedDocument

from .conftest import CORPUS, CountTokens


@pytest.mark.parametrize(
    ("folder", "key", "meeting", "committee", "council"),
    [
        ("councils", "au", date(2017, 3, 14), "Shire Council", "Murrindale Shire Council"),
        ("councils", "ie", date(2015, 6, 12), "County Council", "Kilbracken County Council"),
        ("councils", "us", date(2017, 3, 14), "City Council", "Maple Falls City Council"),
        ("councils", "sc", date(2019, 5, 9), "Council", "Highland Glens Council"),
        ("councils", "nz", date(2021, 2, 24), "District Council", "Wairangi District Council"),
        ("foreign", "us_city_council", date(2016, 3, 8), "City Council",
         "City of Maple Grove"),
        ("foreign", "au_ordinary_council", date(2019, 3, 12), "Regional Council",
         "Koorawatha Regional Council"),
        ("foreign", "au_shire_council", date(2021, 6, 22), "Shire Council",
         "Barralong Shire Council"),
        ("foreign", "nz_district_council", date(2018, 5, 24), "District Council",
         "Tarawera District Council"),
        ("foreign", "ie_county_council", date(2019, 3, 12), "County Council",
         "Glenmore County Council"),
        ("foreign", "ca_city_council", date(2020, 11, 17), "City Council", "City of Lakeview"),
        ("foreign", "sc_council", date(2017, 9, 28), "Council", "Inverbrae Council"),
        ("foreign", "us_town_council", date(2022, 4, 5), "Town Council", "Town of Cedar Bluff"),
    ],
)  # fmt: skip
def test_meeting_date_body_and_type_come_from_the_minutes_heading(
    request: pytest.FixtureRequest,
    folder: str,
    key: str,
    meeting: date,
    committee: str,
    council: str,
) -> None:
    # "held on Tuesday, 14 March 2017", "12th DAY OF JUNE 2015", "March 14, 2017": the
    # heading's date, not the confirmed previous minutes' (14 February 2017, 16 December 2020).
    # "CITY OF MAPLE GROVE" and "The Corporation of the City of Lakeview" name the council;
    # "Minutes of the Ordinary Council Meeting held ..." names the full council as the body,
    # by the council's own kind ("Shire Council" for Murrindale Shire Council).
    meta = request.getfixturevalue(folder)[key].meta
    assert meta.meeting_date == meeting
    assert meta.date_precision == "day"
    assert meta.committee == committee
    assert meta.council == council
    assert meta.doc_type == "minutes"


def test_the_date_of_the_previous_minutes_is_never_the_meeting_date() -> None:
    text = (
        "CONFIRMATION OF MINUTES\n\n"
        "That the minutes of the Ordinary Meeting of Council held on Tuesday, 14 February 2017"
        " be confirmed as a true and correct record.\n\nCARRIED\n"
    )
    raw = RawDocument(format="text", pages=[text], paged=False)
    meta = from_text(raw, clean(raw))
    assert meta.meeting_date is None


def _titles(doc: ParsedDocument) -> dict[str | None, str | None]:
    titles: dict[str | None, str | None] = {}
    for chunk in doc.chunks:
        titles.setdefault(chunk.item, chunk.item_title)
    return titles


def _chunk_with(doc: ParsedDocument, words: str) -> Chunk:
    found = [c for c in doc.chunks if words in c.text]
    assert len(found) == 1, (words, [c.text[:60] for c in doc.chunks])
    return found[0]


def test_item_labels_of_other_councils_open_agenda_items(
    councils: dict[str, ParsedDocument],
) -> None:
    # "Item 6.1 Title", "Minute No. 101/15" over its title, "4 THREE WATERS REFORM"
    au = _titles(councils["au"])
    assert au["6.1"] == "Quarterly Financial Report to 31 December 2016"
    assert au["7.2"] == "Planning Permit Application PA2016/123 - 45 Smith Street, Murrindale"
    assert au["8.1"] == "Notice of Motion 3/2017 - Plastic Free Murrindale"
    us = _titles(councils["us"])
    assert us["4.1"] == "Resolution No. 2017-23 Approving the Purchase of Two Snowplow Trucks"
    assert (
        us["5.1"] == "Ordinance No. 2017-04 Amending the Zoning Code for Accessory Dwelling Units"
    )
    ie = _titles(councils["ie"])
    assert ie["101/15"] == "CONFIRMATION OF MINUTES"
    assert ie["102/15"] == "SOCIAL HOUSING PROGRAMME 2015-2017"  # its label began page 2
    assert ie["103/15"] == "ROAD WORKS PROGRAMME 2015"
    nz = _titles(councils["nz"])
    assert [nz[n] for n in "1234"] == [
        "KARAKIA",
        "APOLOGIES",
        "CONFIRMATION OF MINUTES",
        "THREE WATERS REFORM - MEMORANDUM OF UNDERSTANDING",
    ]
    # The item's title line does not swallow the first paragraph under it.
    chunk = _chunk_with(councils["au"], "The application seeks approval")
    assert chunk.text.startswith("The application seeks approval") and chunk.item == "7.2"


_NOT_A_TITLE = re.compile(
    r"^(?:carried|lost|motion carried|moved|seconded|absent|present:|source)\b|\bCr [A-Z]", re.I
)


def test_votes_movers_names_and_source_lines_are_never_titles(
    councils: dict[str, ParsedDocument],
) -> None:
    for key, doc in councils.items():
        for chunk in doc.chunks:
            title = chunk.item_title
            assert title is None or not _NOT_A_TITLE.search(title), (key, title)


def test_a_vote_outcome_stays_with_its_motion(councils: dict[str, ParsedDocument]) -> None:
    au = councils["au"]
    confirmed = _chunk_with(au, "be confirmed as a true and correct record")
    assert confirmed.item == "4" and confirmed.text.endswith("CARRIED")
    assert _chunk_with(au, "endorse the budget variations").text.endswith("CARRIED 7/0")
    # ... and never opens the next item's passage.
    assert _chunk_with(au, "Cr Hume declared").text.startswith("Cr Hume declared")
    nz = councils["nz"]
    apology = _chunk_with(nz, "apology from Cr Ngata")
    assert apology.item == "2" and apology.text.endswith("CARRIED")


def test_running_headers_go_even_in_a_two_page_document(
    councils: dict[str, ParsedDocument],
) -> None:
    # A running header recurs only once in two pages, but a short line naming the meeting
    # and its date at the top of a later page is one.
    for key, header in [
        ("sc", "The Highland Glens Council 9 May 2019"),
        ("nz", "Ordinary Council Meeting Minutes 24 February 2021"),
        ("au", "Ordinary Council Meeting Minutes 14 March 2017"),
        ("us", "City Council Regular Meeting Minutes - March 14, 2017"),
    ]:
        assert not any(header in c.text for c in councils[key].chunks), key
        assert not any("Page 2 of" in c.text for c in councils[key].chunks), key


def test_no_markdown_markers_or_form_lines_in_passages(
    councils: dict[str, ParsedDocument],
) -> None:
    for key, doc in councils.items():
        for chunk in doc.chunks:
            assert "*" not in chunk.text and "__" not in chunk.text, (key, chunk.text)
            assert not re.search(r"(?m)^#|\s_\s", chunk.text), (key, chunk.text)
    # Italics opened on one wrapped line and closed on another go too.
    resolution = _chunk_with(councils["ie"], "calls on the Minister")
    assert (
        '"That Kilbracken County Council calls on the Minister for the Environment, Community '
        'and Local Government to increase the allocation for the voids programme in 2016."'
        in resolution.text
    )
    assert "Signed: Cathaoirleach" in _chunk_with(councils["ie"], "Signed:").text


_WRAPPED_SENTENCES = {
    "au": [
        "Moved by Cr Walsh, seconded by Cr O'Brien, that Council issue a Notice of Decision to "
        "Grant a Permit for PA2016/123 subject to the conditions in the officer report, with an "
        "additional condition requiring the retention of the two street trees on the Smith "
        "Street frontage.",
        "The capital works program had spent $3.1 million of its $9.6 million budget, with the "
        "Main Street streetscape and the Murrindale pool renewal behind schedule because of the "
        "wet weather in November.",
    ],
    "ie": [
        "There were 2,914 households on the housing list at the end of May 2015, compared with "
        "2,630 a year earlier.",
    ],
    "us": [
        "Present: Mayor Linda Carver, Council Members James Ortiz, Beth Hallman, Kevin Tran, "
        "and Dana Whitfield",
        "Motion by Council Member Hallman, seconded by Council Member Ortiz, to adopt Ordinance "
        "No. 2017-04 on second reading.",
    ],
    "nz": [
        "Drinking water compliance had reached 94% of the district's population in 2020, up "
        "from 81% in 2017.",
    ],
}


def test_no_passage_boundary_inside_a_wrapped_sentence(
    councils: dict[str, ParsedDocument],
) -> None:
    for key, sentences in _WRAPPED_SENTENCES.items():
        for sentence in sentences:
            assert any(sentence in c.text for c in councils[key].chunks), (key, sentence)


def test_proposer_and_seconder_lines_are_not_section_titles() -> None:
    # Kent's "Motion for Time Limited Debate" papers: "Proposer: Mark Hood" over
    # "Seconder: Jenni Hawkins" titled the paper's next passage.
    text = (
        "Motion for Time Limited Debate \u2013 Disposable Vapes\n\nProposer: Mark Hood\n\n"
        "Seconder: Jenni Hawkins\n\nDisposable vapes cause significant environmental harm "
        "due to their plastic waste and lithium battery content.\n"
    )
    units = build_units(clean(RawDocument(format="text", pages=[text], paged=False)))
    assert {u.item_title for u in units} == {
        "Motion for Time Limited Debate \u2013 Disposable Vapes"
    }


def test_a_numbered_paragraph_closing_a_quoted_question_is_text_not_an_item_title() -> None:
    # Kingston's zebra crossing report: "3. In response to the question “How do you feel
    # ...?”" over the survey's table became item 3's title, so the table's passage
    # ("Happy (%) Unhappy (%) Neutral (%) 32 44 24") lost the question it answers.
    question = (
        "In response to the question “Do you support the introduction of a new zebra"
        " crossing on Coombe Lane West outside house number 54/56?”"
    )
    text = (
        "Result of Local Consultation\n\n1. Introduction\n\nThe consultation ran for three"
        " weeks.\n\n"
        f"3. {question}\n\nYes (%) No (%) Don’t know (%)\n\n60 36 4\n"
    )
    units = build_units(clean(RawDocument(format="text", pages=[text], paged=False)))
    assert question not in {u.item_title for u in units}
    assert any(question in u.text for u in units)


def test_a_compound_cut_at_its_hyphen_keeps_it(councils: dict[str, ParsedDocument]) -> None:
    # "phase out single-" / "use plastics": the minutes write "single-use" elsewhere, so
    # the line-end hyphen is the word's own, not a soft hyphen ("recom-" / "mendation").
    motion = _chunk_with(councils["au"], "Cr O'Brien moved her notice of motion")
    assert "phase out single-use plastics at Council events" in motion.text
    text = "The committee asked for a recom-\n\nmendation on single-\n\nuse cups.\n"
    assert _paras_of(text) == ["The committee asked for a recommendation on singleuse cups."]


def _paras_of(text: str) -> list[str]:
    return [p.text for p in clean(RawDocument(format="text", pages=[text], paged=False))]


def _meta_of(text: str) -> tuple[date | None, str | None]:
    raw = RawDocument(format="text", pages=[text], paged=False)
    meta = from_text(raw, clean(raw))
    return meta.meeting_date, meta.committee


def test_the_heading_date_on_the_line_under_the_heading() -> None:
    # A heading line the converter broke before its date, with no comma to join on.
    text = (
        "MINUTES OF THE ORDINARY MEETING OF COUNCIL HELD IN THE COUNCIL CHAMBERS MURRINDALE\n\n"
        "ON TUESDAY 14 MARCH 2017 AT 7.00PM\n\n1. OPENING\n\nThe Mayor opened the meeting.\n"
    )
    assert _meta_of(text) == (date(2017, 3, 14), "Council")


def test_a_later_minutes_heading_of_another_meeting_does_not_win() -> None:
    # The Kent-style opening "MINUTES of a meeting of ... held ... on <date>" further down
    # (another body's minutes, noted) must not override this document's own heading.
    text = (
        "Minutes of the Ordinary Meeting of Council held on Tuesday, 14 March 2017\n\n"
        "1. REPORTS OF COMMITTEES\n\n"
        "The MINUTES of a meeting of the Audit Committee held in the Chambers on Monday, "
        "6 February 2017 were received.\n"
    )
    assert _meta_of(text) == (date(2017, 3, 14), "Council")


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Ordinary Council Meeting Minutes 12 Feb 2014", (date(2014, 2, 12), "Council")),
        ("Minutes of Council Meeting held Monday 5 Sept. 2016", (date(2016, 9, 5), "Council")),
        # Day or month first, told by the weekday: 5 March 2019 was a Tuesday, 3 May a Friday.
        ("Minutes of the Ordinary Council Meeting held on Tuesday 05/03/2019", (date(2019, 3, 5),
                                                                                 "Council")),
        ("Minutes of the Ordinary Council Meeting held on Friday 05/03/2019", (date(2019, 5, 3),
                                                                                "Council")),
        ("Minutes of the Ordinary Council Meeting held on 03/25/2019", (date(2019, 3, 25),
                                                                         "Council")),
        ("MINUTES OF THE MEETING OF THE COUNCIL HELD ON 2019-03-05", (date(2019, 3, 5),
                                                                       "Council")),
    ],
)  # fmt: skip
def test_a_heading_date_in_short_or_figures_dates_the_meeting(
    heading: str, expected: tuple[date, str]
) -> None:
    # Converted minutes of other councils write the heading's date as they please: a
    # month cut short, figures day first (month first only where day first is no date),
    # ISO. Without it a meeting has no date and no trend question reaches it.
    text = heading + "\n\n1. APOLOGIES\n\nThere were no apologies.\n"
    assert _meta_of(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2014-03-11 Council Minutes.txt", (date(2014, 3, 11), "day")),
        # Either figure could be the month, and no text says which: the year only.
        ("Minutes_12_02_2014.txt", (date(2014, 1, 1), "year")),
        ("OCM_26062018_MIN.md", (date(2018, 6, 26), "day")),
        ("minutes 03.25.2019.txt", (date(2019, 3, 25), "day")),
        ("CM 23.06.15.txt", (date(2015, 6, 23), "day")),
        ("2015-06 Council Minutes.md", (date(2015, 6, 1), "month")),
        ("Council_Agenda_and_Minutes_Jun2015.md", (date(2015, 6, 1), "month")),
        ("Budget 2011-12.txt", None),
        ("minutes/council_20140311.md", (date(2014, 3, 11), "day")),
        ("Minutes 11th March 2014.txt", (date(2014, 3, 11), "day")),
        ("OCM Minutes March 14, 2017.txt", (date(2017, 3, 14), "day")),
        ("council_mar_2014.md", (date(2014, 3, 1), "month")),
        ("council/2014-03-11/minutes.txt", (date(2014, 3, 11), "day")),
        ("Budget 2025-26.txt", None),
        ("item 12345678.txt", None),
    ],
)
def test_the_file_name_dates_a_meeting_whose_text_does_not(
    name: str, expected: tuple[date, str] | None
) -> None:
    assert date_in_name(name) == expected


def test_a_file_name_date_is_used_only_without_one_in_the_text(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    body = "1. APOLOGIES\n\nApologies were received from Cr Smith and Cr Jones.\n"
    (tmp_path / "2014-03-11 Council Minutes.txt").write_text(body)
    heading = "Minutes of the Ordinary Meeting of Council held on Tuesday, 8 April 2014\n\n"
    (tmp_path / "2014-03-11 corrected.txt").write_text(heading + body)
    docs = {s.relative_path: ingest_file(s, count_tokens).meta for s in discover(tmp_path)}
    assert docs["2014-03-11 Council Minutes.txt"].meeting_date == date(2014, 3, 11)
    assert docs["2014-03-11 corrected.txt"].meeting_date == date(2014, 4, 8)


def test_a_resolved_line_stays_in_the_text_above_its_resolution(
    councils: dict[str, ParsedDocument],
) -> None:
    # A "RESOLVED" or "Decision" line of its own is what an action answer looks for: it
    # is not swallowed as a sub-heading of the item.
    motion = _chunk_with(councils["au"], "That Council develop a plan to phase out")
    assert "RESOLVED\nThat Council develop a plan" in motion.text and motion.item == "8.1"
    decision = _chunk_with(councils["sc"], "The Council AGREED the Notice of Motion.")
    assert "Decision\nThe Council AGREED the Notice of Motion." in decision.text


def test_a_heading_that_says_adopt_is_still_the_heading() -> None:
    text = (
        "Minutes of the Special Meeting of Council held on Tuesday, 27 June 2017 to adopt "
        "the Budget\n\n1. BUDGET 2017/18\n\nThat the minutes of the meeting held on 13 June "
        "2017 be adopted.\n"
    )
    assert _meta_of(text) == (date(2017, 6, 27), "Council")


def _seed_paragraph(number: str) -> str:
    """A numbered paragraph's text from the seed minutes of 21 November 2018."""
    text = (CORPUS / "001_3bf3cecc07ef430f.txt").read_text(encoding="utf-8")
    found = re.search(rf"^\s*{re.escape(number)}\s+(.+)$", text, re.M)
    assert found is not None
    return found.group(1).strip().replace("\u2019", "'")  # Helvetica's text layer is Latin-1


def _minutes(heading: list[str], labels: tuple[str, str]) -> list[str | None]:
    """Australian-style minutes: the council, the meeting, "MINUTES" and the date on lines
    of their own, attendance, and two items under the council's own labels."""
    first, second = labels
    return [
        *heading, None, "Present:", None, "Cr J Smith (Mayor), Cr A Brown, Cr L Green", None,
        f"{first} Ofsted Improvement Letter", None, _seed_paragraph("41.1"), None,
        f"{second} Budget Monitoring Report", None, _seed_paragraph("46.1"),
    ]  # fmt: skip


def _ingest(tmp_path: Path, name: str, data: bytes, count_tokens: CountTokens) -> ParsedDocument:
    (tmp_path / name).write_bytes(data)
    (source,) = [s for s in discover(tmp_path) if s.relative_path == name]
    return ingest_file(source, count_tokens)


@pytest.mark.parametrize("when", ["Tuesday, 5 March 2019", "March 5, 2019", "5th March 2019",
                                  "05/03/2019"])  # fmt: skip
@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_a_council_named_atop_a_block_of_short_heading_lines_is_read(
    tmp_path: Path,
    count_tokens: CountTokens,
    make_pdf: Callable[..., bytes],
    when: str,
    suffix: str,
) -> None:
    # The heading block's lines run on without a blank line (as a PDF's text layer and a
    # converter give them): cleaning joins them into one paragraph, where the council's
    # line "KILBRACKEN SHIRE COUNCIL" was no longer a line and the council was lost. The
    # date is read in each way it is written ("05/03/2019" day first: 5 March).
    lines = _minutes(
        ["KILBRACKEN SHIRE COUNCIL", "ORDINARY COUNCIL MEETING", "MINUTES", when],
        ("Item 7.1", "Item 7.2"),
    )
    text = "\n".join(line or "" for line in lines)
    data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
    meta = _ingest(tmp_path, f"minutes{suffix}", data, count_tokens).meta
    assert meta.council == "Kilbracken Shire Council"
    assert meta.meeting_date == date(2019, 3, 5) and meta.doc_type == "minutes"


def test_minutes_on_a_line_of_its_own_under_the_council_and_meeting_is_the_type(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "MINUTES" alone on the third line of the heading: the type was read only from the
    # first two lines.
    lines = _minutes(
        ["KILBRACKEN SHIRE COUNCIL", None, "ORDINARY COUNCIL MEETING", None, "MINUTES", None,
         "Tuesday, 5 March 2019"],
        ("Item 7.1", "Item 7.2"),
    )  # fmt: skip
    text = "\n".join(line or "" for line in lines).encode()
    meta = _ingest(tmp_path, "minutes.txt", text, count_tokens).meta
    assert (meta.doc_type, meta.committee, meta.meeting_date) == (
        "minutes",
        "Shire Council",
        date(2019, 3, 5),
    )


def test_an_attendance_list_of_crs_is_the_attendance_not_a_heading(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    # "Cr J Smith (Mayor), Cr A Brown, Cr L Green": Australia's and New Zealand's "Cr"
    # was no person's title, the list read as a heading with nothing under it, and its
    # names were moved into item 7.1's first passage.
    heading = ["KILBRACKEN SHIRE COUNCIL", "ORDINARY COUNCIL MEETING", "Tuesday, 5 March 2019"]
    lines = _minutes(heading, ("Item 7.1", "Item 7.2"))
    doc = _ingest(tmp_path, "minutes.txt", "\n".join(x or "" for x in lines).encode(), count_tokens)
    names = _chunk_with(doc, "Cr A Brown")
    # (Round 45: in converted text the label before the first item stays with its list.)
    assert names.item is None and "Present:\nCr J Smith (Mayor), Cr A Brown" in names.text
    assert "Cr A Brown" not in _chunk_with(doc, "(DCS) informed the committee").text


@pytest.mark.parametrize(
    ("labels", "items"),
    [
        (("ITEM 7", "ITEM 8"), ("7", "8")),
        (("OC-12", "OC-13"), ("OC-12", "OC-13")),
        (("MINUTE NO. 123/19", "MINUTE NO. 124/19"), ("123/19", "124/19")),
        (("Minute No. 123/19", "Minute No. 124/19"), ("123/19", "124/19")),
    ],
)
def test_item_labels_in_capitals_or_with_a_hyphen_open_agenda_items(
    tmp_path: Path, count_tokens: CountTokens, labels: tuple[str, str], items: tuple[str, str]
) -> None:
    # "ITEM 7" as "Item 7", a council's prefix and number joined by a hyphen ("OC-12") as
    # by a slash ("OC12/19"): each opens its item, whose title is the words after it.
    lines = _minutes(["KILBRACKEN SHIRE COUNCIL", None, "Tuesday, 5 March 2019"], labels)
    doc = _ingest(tmp_path, "minutes.txt", "\n".join(x or "" for x in lines).encode(), count_tokens)
    letter = _chunk_with(doc, "(DCS) informed the committee")
    budget = _chunk_with(doc, "The Finance Business Partner")
    assert (letter.item, letter.item_title) == (items[0], "Ofsted Improvement Letter")
    assert (budget.item, budget.item_title) == (items[1], "Budget Monitoring Report")


@pytest.mark.parametrize(
    ("heading", "body", "council"),
    [
        ("ORDINARY MEETING OF COUNCIL\n\n5 MARCH 2019", "Council", None),
        ("CITY OF MAPLE GROVE\n\nREGULAR CITY COUNCIL MEETING\n\nTuesday, March 5, 2019 – 7 p.m.",
         "City Council", "City of Maple Grove"),
        ("Council Meeting 5.3.2019", "Council", None),
        ("AUDIT AND RISK COMMITTEE\n\nMINUTES\n\n5 March 2019", "Audit and Risk Committee", None),
    ],
)  # fmt: skip
def test_the_body_a_minutes_heading_names_is_the_committee_and_no_council(
    heading: str, body: str, council: str | None
) -> None:
    # A meeting of the council is no council's name ("ORDINARY MEETING OF COUNCIL" was
    # read as one, and the body ran on into the date); "REGULAR CITY COUNCIL MEETING" and
    # a bare "Council Meeting" name the body; a committee in capitals over "MINUTES" is the
    # committee though cleaning joined the two lines.
    text = heading + (
        "\n\n1. APOLOGIES\n\nThere were no apologies.\n\n2. CONFIRMATION OF MINUTES\n\n"
        "That the minutes of the meeting held on 5 February 2019 be confirmed.\n"
    )
    raw = RawDocument(format="text", pages=[text], paged=False)
    meta = from_text(raw, clean(raw))
    assert (meta.meeting_date, meta.committee, meta.council) == (date(2019, 3, 5), body, council)


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_sub_item_numbered_past_the_item_above_opens_its_own_item(
    tmp_path: Path, count_tokens: CountTokens, make_pdf: Callable[..., bytes], suffix: str
) -> None:
    # "7.1 Ofsted Improvement Letter" after "6 DECLARATIONS OF INTEREST", its heading item
    # "7 REPORTS" not printed: 7.1 and 7.2 were parts of item 6 under its title (in a PDF
    # their titles were lost).
    lines: list[str | None] = [
        "KILBRACKEN SHIRE COUNCIL", None, "Tuesday, 5 March 2019", None,
        "6 DECLARATIONS OF INTEREST", None, "Nil", None,
        "7.1 Ofsted Improvement Letter", None, _seed_paragraph("41.1")[:90], None,
        "7.2 Budget Monitoring Report", None, _seed_paragraph("46.2")[:90],
    ]  # fmt: skip
    text = "\n".join(line or "" for line in lines)
    data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
    doc = _ingest(tmp_path, f"minutes{suffix}", data, count_tokens)
    letter = _chunk_with(doc, "(DCS) informed the committee")
    forum = _chunk_with(doc, "Schools Forum had discussed")
    assert (letter.item, letter.item_title) == ("7.1", "Ofsted Improvement Letter")
    assert (forum.item, forum.item_title) == ("7.2", "Budget Monitoring Report")
    assert _chunk_with(doc, "Nil").item == "6"


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Minutes of the Planning Committee held on Tuesday 5 March 2019 at 7pm",
         "Planning Committee"),
        ("MINUTES OF THE AUDIT AND RISK COMMITTEE HELD IN THE COUNCIL CHAMBER ON 5 MARCH 2019",
         "Audit and Risk Committee"),
        ("Minutes of Full Council, 5 March 2019", "Council"),
        ("Minutes of Proceedings of the Council, 5th March 2019", "Council"),
    ],
)  # fmt: skip
def test_minutes_of_a_body_without_the_word_meeting_name_the_body(heading: str, body: str) -> None:
    # British and Irish minutes often say "Minutes of the Planning Committee held on ...",
    # no "meeting of": the meeting was dated but had no body.
    assert _meta_of(heading + "\n\n1. APOLOGIES\n\nThere were no apologies.\n") == (
        date(2019, 3, 5),
        body,
    )


_HEADINGS = [
    ["KILBRACKEN SHIRE COUNCIL", "ORDINARY COUNCIL MEETING", "MINUTES", "Tuesday, 11 March 2014"],
    ["KILBRACKEN SHIRE COUNCIL", None, "ORDINARY COUNCIL MEETING", None, "MINUTES", None,
     "Tuesday, 10 March 2015"],
    ["KILBRACKEN SHIRE COUNCIL", "MINUTES OF THE ORDINARY COUNCIL MEETING", "8th March 2016"],
    ["Kilbracken Shire Council", None, "Minutes of the Ordinary Meeting of Council held on",
     "14/03/2017"],
    ["MINUTES OF THE ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", "HELD ON 13.3.2018"],
    ["KILBRACKEN SHIRE COUNCIL", None, "ORDINARY COUNCIL MEETING MINUTES", None,
     "March 12, 2019"],
    ["Kilbracken Shire Council", "Ordinary Council Meeting", "Minutes", "2020-03-10"],
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_one_council_is_one_body_whatever_its_headings_over_the_years(
    tmp_path: Path, count_tokens: CountTokens, make_pdf: Callable[..., bytes], suffix: str
) -> None:
    # One shire's minutes over seven years, its heading written differently from year to
    # year and its lines joined by cleaning in some and apart in others: the body was
    # "Shire Council" in some years and "Council" in others, so the committee facet and
    # the meeting key split one body in two. It is named by the council's own kind.
    for year, heading in enumerate(_HEADINGS, start=2014):
        lines = _minutes(heading, ("Item 7.1", "Item 7.2"))
        text = "\n".join(line or "" for line in lines)
        data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
        (tmp_path / f"minutes-{year}{suffix}").write_bytes(data)
    metas = [ingest_file(source, count_tokens).meta for source in discover(tmp_path)]
    assert {m.committee for m in metas} == {"Shire Council"}
    assert {m.doc_type for m in metas} == {"minutes"}
    assert sorted(m.meeting_date.year for m in metas if m.meeting_date) == list(range(2014, 2021))


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        (["KILBRACKEN SHIRE COUNCIL", "ORDINARY COUNCIL MEETING", "AGENDA"], "agenda"),
        (["KILBRACKEN SHIRE COUNCIL", None, "NOTICE OF ORDINARY COUNCIL MEETING"], "agenda"),
        (["Kilbracken Shire Council", None, "Agenda for the Ordinary Meeting of Council"],
         "agenda"),
        (["KILBRACKEN SHIRE COUNCIL", None, "ORDINARY COUNCIL MEETING"], None),
    ],
)  # fmt: skip
def test_an_agenda_quoting_the_minutes_it_will_confirm_is_no_minutes(
    tmp_path: Path, count_tokens: CountTokens, heading: list[str | None], kind: str | None
) -> None:
    # An agenda's confirmation-of-minutes item names another document ("That the minutes
    # of the Ordinary Council Meeting held on 5 February 2019 be confirmed"): it was typed
    # "minutes". The type is the one the document gives itself; without one, none.
    lines = [
        *heading, None, "Tuesday, 5 March 2019", None, "1. APOLOGIES", None,
        "2. CONFIRMATION OF MINUTES", None,
        "That the minutes of the Ordinary Council Meeting held on 5 February 2019 be "
        "confirmed as a true and correct record.", None,
        "3. OFSTED IMPROVEMENT LETTER", None, _seed_paragraph("41.1"),
    ]  # fmt: skip
    text = "\n".join(line or "" for line in lines).encode()
    # A file name without a type's word: a name's "agenda" or "MIN" types it (round 46).
    meta = _ingest(tmp_path, "paper.txt", text, count_tokens).meta
    assert meta.doc_type == kind
    assert meta.meeting_date == date(2019, 3, 5)


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_lettered_sub_paragraph_is_cited_as_its_paragraphs_part(
    tmp_path: Path, count_tokens: CountTokens, make_pdf: Callable[..., bytes], suffix: str
) -> None:
    # "(a)", "(b)" and "(i)" under minute 41.4 kept their text but had no paragraph number:
    # a passage opening on "(b)" was cited by its item alone. An officer cites a
    # decision's part ("minute 41.4(b)"), so the passage says "41.4(b)"; it is cut as
    # before (a lettered part joins its lead and siblings when short).
    lines = [
        "KILBRACKEN SHIRE COUNCIL", None, "Tuesday, 5 March 2019", None,
        "41. Ofsted Improvement Letter", None, "41.1 " + _seed_paragraph("41.1"), None,
        "41.4 The committee RESOLVED that:", None, "(a) " + _seed_paragraph("41.5"), None,
        "(b) " + _seed_paragraph("41.6"), None, "(i) " + _seed_paragraph("41.2"), None,
        "(ii) " + _seed_paragraph("41.3"), None, "(c) " + _seed_paragraph("41.4"),
    ]  # fmt: skip
    text = "\n".join(line or "" for line in lines)
    latin = [line.replace("\u2018", "'") if line else line for line in lines]  # Helvetica's
    data = make_pdf([latin[:14], latin[14:]]) if suffix == ".pdf" else text.encode()
    doc = _ingest(tmp_path, f"minutes{suffix}", data, count_tokens)
    cited = {
        words: _chunk_with(doc, words).paragraph
        for words in ("(DCS) informed the committee that he felt", "current market forces",
                      "agency staff were robustly managed", "particularly welcomed",
                      "comments relating to the Multi Agency", "level of churn")
    }  # fmt: skip
    assert cited == {
        "(DCS) informed the committee that he felt": "41.1",
        "current market forces": "41.4",  # the lead "41.4 ... RESOLVED that:" opens it
        "agency staff were robustly managed": "41.4(b)",
        "particularly welcomed": "41.4(b)(i)",
        "comments relating to the Multi Agency": "41.4(b)(ii)",
        "level of churn": "41.4(c)",
    }
    assert "(b) In response to questions" in _chunk_with(doc, "robustly managed").text


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_fragment_is_never_joined_across_a_heading(
    tmp_path: Path, count_tokens: CountTokens, make_pdf: Callable[..., bytes], suffix: str
) -> None:
    # "Cr P White", the one name under "Apologies:", is a fragment (a few words, no
    # sentence): it was joined to the passage after it, the "Declarations of Interest"
    # section's, which then carried the "Apologies" title. It never leads another heading's
    # passage; joined to the one before, its heading's words go with it.
    lines = [
        "KILBRACKEN SHIRE COUNCIL", None, "ORDINARY COUNCIL MEETING", None, "MINUTES", None,
        "Tuesday, 5 March 2019", None, "Present:", None,
        "Cr J Smith (Mayor), Cr A Brown, Cr L Green", None, "Apologies:", None, "Cr P White",
        None, "Declarations of Interest", None, _seed_paragraph("41.3"), None,
        "Item 7.1 Ofsted Improvement Letter", None, _seed_paragraph("41.1"),
    ]  # fmt: skip
    text = "\n".join(line or "" for line in lines)
    data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
    doc = _ingest(tmp_path, f"minutes{suffix}", data, count_tokens)
    apologies = _chunk_with(doc, "Cr P White")
    declared = _chunk_with(doc, "comments relating to the Multi Agency")
    # (Round 45: converted text keeps the preamble's label as printed, with its colon.)
    label = "Apologies:" if suffix == ".txt" else "Apologies"
    assert apologies.text.endswith(f"Cr L Green\n{label}\nCr P White")
    assert declared.item_title == "Declarations of Interest"
    assert declared.text.startswith("The DCS informed committee members")


@pytest.mark.parametrize(
    ("before", "mark", "cited"),
    [
        ("41.4", "a", "41.4(a)"), ("41.4(a)", "b", "41.4(b)"), ("41.4(a)", "i", "41.4(a)(i)"),
        ("41.4(a)(i)", "ii", "41.4(a)(ii)"), ("41.4(a)(ii)", "b", "41.4(b)"),
        ("41.4(h)", "i", "41.4(i)"), ("41.4(u)", "v", "41.4(v)"), ("10.3(iii)", "iv", "10.3(iv)"),
        ("7(1)", "a", "7(1)(a)"), (None, "a", "7(a)"),
    ],
)  # fmt: skip
def test_a_lettered_mark_is_read_as_letter_or_roman_by_what_precedes_it(
    before: str | None, mark: str, cited: str
) -> None:
    # "(i)" after "(h)" and "(v)" after "(u)" are letters, "(i)" under "(a)" a level deeper.
    from indexer.ingest.structure import Section, Unit, _lettered_part

    section = Section(title="Budget", item="7", explicit_item=True, group=1)
    if before:
        section.units.append(Unit("x", None, "7", "Budget", before, None, 1, True))
    assert _lettered_part(section, mark) == cited


_YEARS = [
    (["KILBRACKEN SHIRE COUNCIL", "PLANNING COMMITTEE", "MINUTES", "Tuesday, 11 March 2014"],
     "Planning Committee"),
    (["Kilbracken Shire Council", None, "Minutes of the Planning Committee held on 10th March",
      "2015"], "Planning Committee"),
    (["KILBRACKEN SHIRE COUNCIL", None, "MINUTES OF THE PLANNING COMMITTEE MEETING", None,
      "8/3/2016"], "Planning Committee"),
    (["Kilbracken Shire Council", "Planning Committee", "Minutes", "14.03.2017"],
     "Planning Committee"),
    (["KILBRACKEN SHIRE COUNCIL", None, "MINUTES OF THE PLANNING AND DEVELOPMENT COMMITTEE", None,
      "HELD ON TUESDAY 12 MARCH 2019"], "Planning and Development Committee"),
    (["Kilbracken Shire Council", "Planning and Development Committee", "Minutes", "2020-03-10"],
     "Planning and Development Committee"),
    (["KILBRACKEN SHIRE COUNCIL", "PLANNING AND DEVELOPMENT COMMITTEE MINUTES", "8 Mar 2022"],
     "Planning and Development Committee"),
    (["Minutes of the Planning and Development Committee", "Kilbracken Shire Council",
      "14 March 2023"], "Planning and Development Committee"),
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_committees_minutes_over_the_years_name_it_whatever_the_heading(
    tmp_path: Path, count_tokens: CountTokens, make_pdf: Callable[..., bytes], suffix: str
) -> None:
    # One committee's minutes in one folder, renamed in 2019, the heading worded anew and
    # the date written another way most years, the same items every year (apologies, the
    # previous meeting's minutes, dated the December before). The body was lost from
    # "MINUTES OF THE PLANNING COMMITTEE MEETING", "Planning Committee" on a line of its
    # own, "… COMMITTEE MINUTES", and read "Planning and Development Committee Kilbracken
    # Shire Council" (council "Development Committee Kilbracken Shire Council") when the
    # council's line ran on after the committee's.
    for heading, _ in _YEARS:
        year = int(re.findall(r"(?:19|20)\d\d", " ".join(x or "" for x in heading))[-1])
        lines = [
            *heading, None, "1. APOLOGIES", None, "Cr P White", None,
            "2. MINUTES OF THE PREVIOUS MEETING", None,
            f"That the minutes of the meeting held on 10 December {year - 1} be confirmed.",
            None, "3. OFSTED IMPROVEMENT LETTER", None, "3.1 " + _seed_paragraph("41.1"),
        ]  # fmt: skip
        text = "\n".join(line or "" for line in lines)
        data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
        (tmp_path / f"minutes {year}{suffix}").write_bytes(data)
    read = {
        (m := ingest_file(s, count_tokens).meta).meeting_date: (m.committee, m.council, m.doc_type)
        for s in discover(tmp_path)
    }
    assert [d.year for d in sorted(read)] == [2014, 2015, 2016, 2017, 2019, 2020, 2022, 2023]
    assert all(d.month == 3 for d in read)  # never the previous meeting's December
    assert [read[d] for d in sorted(read)] == [
        (body, "Kilbracken Shire Council", "minutes") for _, body in _YEARS
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        (["ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", "HELD ON TUESDAY 5 MARCH 2019"], None),
        (["ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", None, "Tuesday, 5 March 2019"], None),
        (["MINUTES OF THE ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", None,
          "Tuesday, 5 March 2019"], "minutes"),
        (["ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", None, "MINUTES", None,
          "Tuesday, 5 March 2019"], "minutes"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_council_named_inside_its_meetings_heading_is_the_council(
    tmp_path: Path,
    count_tokens: CountTokens,
    make_pdf: Callable[..., bytes],
    heading: list[str | None],
    kind: str | None,
    suffix: str,
) -> None:
    # "ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL" names the meeting and the council in
    # one line: the council was read "Ordinary Meeting of Kilbracken Shire Council", and
    # where a PDF ran the next line on, the body "Kilbracken Shire Council Tuesday" or
    # "Kilbracken Shire Council Minutes" (and no type).
    lines = _minutes([*heading], ("Item 7.1", "Item 7.2"))
    text = "\n".join(line or "" for line in lines)
    data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
    meta = _ingest(tmp_path, f"paper{suffix}", data, count_tokens).meta  # no type in the name
    assert (meta.council, meta.committee) == ("Kilbracken Shire Council", "Shire Council")
    assert meta.meeting_date == date(2019, 3, 5)
    assert meta.doc_type == kind


@pytest.mark.parametrize(
    "heading",
    [
        ["KILBRACKEN SHIRE COUNCIL", None, "PLANNING AND DEVELOPMENT COMMITTEE", None, "MINUTES"],
        ["KILBRACKEN SHIRE COUNCIL", "PLANNING AND DEVELOPMENT COMMITTEE", "MINUTES"],
        ["ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", None, "MINUTES"],
        ["ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", "MINUTES"],
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_heading_block_without_a_date_is_no_part_of_item_one(
    tmp_path: Path,
    count_tokens: CountTokens,
    make_pdf: Callable[..., bytes],
    heading: list[str | None],
    suffix: str,
) -> None:
    # The title lines before the first item, with no date line under them (the date is
    # in the file's name), were joined into item 1's first passage under item 1's title
    # ("KILBRACKEN SHIRE COUNCIL / PLANNING AND DEVELOPMENT COMMITTEE MINUTES / Cr P
    # White", titled "APOLOGIES"). They stay before the item, or go where they only
    # repeat the document's own heading.
    lines = [
        *heading, None, "1. APOLOGIES", None, "Cr P White", None,
        "2. OFSTED IMPROVEMENT LETTER", None, "2.1 " + _seed_paragraph("41.1"),
    ]  # fmt: skip
    text = "\n".join(line or "" for line in lines)
    data = make_pdf([lines]) if suffix == ".pdf" else text.encode()
    doc = _ingest(tmp_path, f"2019-03-05 minutes{suffix}", data, count_tokens)
    apologies = _chunk_with(doc, "Cr P White")
    cited = (apologies.item, apologies.item_title, apologies.text)
    # (An item of a word or two opens with its title, round 45.)
    assert cited == ("1", "APOLOGIES", "APOLOGIES\nCr P White")
    assert all(c.item is None for c in doc.chunks if "KILBRACKEN" in c.text)
    assert doc.meta.council == "Kilbracken Shire Council"


def test_a_bodys_name_ends_where_its_sentence_goes_on() -> None:
    # An agenda frontsheet's "A meeting of the County Council will be held in the Council
    # Chamber ..." read the body "County Council Will Be": the name ran on into the verb.
    text = (
        "A meeting of the County Council will be held in the Council Chamber, Sessions House,"
        " County Hall, Maidstone on Thursday, 13 March 2025 at 10.00 am\n\n"
        "1. OFSTED IMPROVEMENT LETTER\n\n41.1 " + _seed_paragraph("41.1") + "\n"
    )
    raw = RawDocument(format="text", pages=[text], paged=False)
    meta = from_text(raw, clean(raw))
    assert meta.committee == "County Council"
    assert meta.meeting_date == date(2025, 3, 13)
    for sentence, body in [
        ("A special meeting of the Planning Committee shall be held on 5 March 2019",
         "Planning Committee"),
        ("The meeting of the Audit Panel was held on 5 March 2019", "Audit Panel"),
    ]:  # fmt: skip
        raw = RawDocument(format="text", pages=[sentence + "\n"], paged=False)
        assert from_text(raw, clean(raw)).committee == body


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_lettered_list_going_on_across_a_heading_keeps_its_paragraph(
    tmp_path: Path, count_tokens: CountTokens, make_pdf: Callable[..., bytes], suffix: str
) -> None:
    # A resolution's list "(a)"-"(f)" under minute 41.4, a heading, then "(g)", "(h)": the
    # list goes on, so "(g)" is "41.4(g)"; it was cited "41(g)", a part of the item that
    # does not exist. A list that starts anew under the next heading ("(a)") is the item's.
    lines = [
        "KILBRACKEN SHIRE COUNCIL", None, "Tuesday, 5 March 2019", None,
        "41. Ofsted Improvement Letter", None, "41.4 The committee RESOLVED that:", None,
        "(e) " + _seed_paragraph("41.5"), None, "(f) " + _seed_paragraph("41.6"), None,
        "Workforce", None, "(g) " + _seed_paragraph("41.2"), None,
        "(h) " + _seed_paragraph("41.3"), None, "Next Steps", None,
        "(a) " + _seed_paragraph("41.4"),
    ]  # fmt: skip
    text = "\n".join(line or "" for line in lines)
    latin = [line.replace("\u2018", "'") if line else line for line in lines]  # Helvetica's
    data = make_pdf([latin]) if suffix == ".pdf" else text.encode()
    doc = _ingest(tmp_path, f"minutes{suffix}", data, count_tokens)
    cited = {
        words: _chunk_with(doc, words).paragraph
        for words in ("agency staff were robustly managed", "particularly welcomed",
                      "level of churn")
    }  # fmt: skip
    assert cited == {
        "agency staff were robustly managed": "41.4(f)",
        "particularly welcomed": "41.4(g)",
        "level of churn": "41(a)",
    }
