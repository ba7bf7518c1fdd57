"""Converted full-council minutes in other countries' styles (US, Australia, New Zealand,
Ireland, Canada; `tests/data/ingestion/foreign/`, synthetic, see its README), as
pymupdf4llm Markdown and pdftotext text give them (their meeting's date, body and council
are checked with the other councils' minutes in `test_ingest_councils.py`). What must hold
on any of them: sub-items ("5.1", "11.2") as items with their own titles; no heading's
words lost; no emphasis markers; no names list, label or table source line as a section
title; no passage starting inside a sentence."""

from __future__ import annotations

import re

from indexer.ingest.cleaning import VOTE_LINE, Para, clean, strip_page_furniture
from indexer.ingest.readers import RawDocument
from indexer.ingest.structure import build_sections, is_heading, is_names_list
from indexer.models import Chunk, ParsedDocument


def _with(doc: ParsedDocument, words: str) -> Chunk:
    found = [c for c in doc.chunks if words in c.text]
    assert len(found) == 1, f"{words!r} in {len(found)} passages"
    return found[0]


def test_a_bold_sub_item_heading_is_an_item_with_its_own_title(
    foreign: dict[str, ParsedDocument],
) -> None:
    # "***6.1 Police Department staffing report***" under "6. NEW BUSINESS" used to vanish;
    # "***5.1 Ordinance No. 2016-04 ...***" was glued into "Planning Director Sam Burke ...".
    us = foreign["us_city_council"]
    police = _with(us, "42 sworn officers")
    assert (police.item, police.item_title) == ("6.1", "Police Department staffing report")
    hearing = _with(us, "Planning Director Sam Burke")
    assert (hearing.item, hearing.item_title) == (
        "5.1",
        "Ordinance No. 2016-04 amending the zoning code for accessory dwelling units",
    )
    assert hearing.text.startswith("PUBLIC HEARINGS\nPlanning Director Sam Burke presented")
    water = _with(us, "cast iron mains")
    assert water.item == "6.2" and water.item_title is not None
    assert water.item_title.startswith("RESOLUTION NO. 2016-12")
    ca = foreign["ca_city_council"]  # "3.1 2021 Operating Budget": a title may open on a year
    assert _with(ca, "levy of $58.4 million").item == "3.1"
    assert _with(ca, "31 plowing events").item_title == "Snow Clearing Service Levels"
    au = foreign["au_ordinary_council"]  # "**11.3** **Development Application ...**"
    subdivision = _with(au, "22-lot residential subdivision")
    assert subdivision.item == "11.3"
    assert subdivision.text.startswith("The application proposes")


def test_a_bold_label_is_not_glued_to_the_line_above(foreign: dict[str, ParsedDocument]) -> None:
    # "Source: ..., December 2018" over "**Resolution 2019/123**": two lines, not one.
    budget = _with(foreign["au_ordinary_council"], "Resolution 2019/123")
    assert "December 2018\nResolution 2019/123" in budget.text


def test_no_heading_loses_its_words(foreign: dict[str, ParsedDocument]) -> None:
    # A heading under an agenda item is in its passage or is its passage's title.
    for key, words in [
        ("nz_district_council", "Submissions by topic"),
        ("ca_city_council", "Snow Clearing Service Levels"),
        ("us_city_council", "Police Department staffing report"),
        ("au_ordinary_council", "Koorawatha Pool Upgrade"),
        # A heading item with no text of its own opens its first sub-item's passage.
        ("us_city_council", "PUBLIC HEARINGS"),
        ("ca_city_council", "Staff Reports"),
        ("au_ordinary_council", "REPORTS TO COUNCIL"),
    ]:
        doc = foreign[key]
        assert any(words in c.text or words in (c.item_title or "") for c in doc.chunks), words
    # ... and no emphasis marker is left, and no passage opens inside a sentence.
    for key, doc in foreign.items():
        for chunk in doc.chunks:
            for field in (chunk.text, chunk.item_title or ""):
                assert not re.search(r"\*\*|__|(?<!\w)_\w|\w_(?!\w)", field), (key, field)
            assert not re.match(r"[a-z]+\b(?![.)])", chunk.text), (key, chunk.text[:60])


def test_labels_people_and_motions_are_never_titles(foreign: dict[str, ParsedDocument]) -> None:
    titles = {c.item_title for doc in foreign.values() for c in doc.chunks}
    for stray in ["Against: Cr Taylor", "Author: Manager Finance", "Mayor Anne Hohaia",
                  "That the Council", "Pomare/Ellery CARRIED"]:  # fmt: skip
        assert stray not in titles
    assert not [t for t in titles if t and re.match(r"(?i)source\b|_?source:", t)]
    shire = foreign["au_shire_council"]  # the tally stays with its vote
    assert "CARRIED 4/1" in _with(shire, "Against: Cr Taylor").text


def test_a_mover_seconder_shorthand_ends_its_motion(foreign: dict[str, ParsedDocument]) -> None:
    # New Zealand: "Pomare/Ellery CARRIED" belongs to item 1, not to the next item's start.
    assert VOTE_LINE.match("Pomare/Ellery CARRIED")
    assert not VOTE_LINE.match("Planning/Housing carried out the survey")
    nz = foreign["nz_district_council"]
    apology = _with(nz, "apology from Councillor Fenton")
    assert apology.item == "1" and "Pomare/Ellery CARRIED" in apology.text
    assert not _with(nz, "Marsh/Tuhi CARRIED").text.startswith("Marsh/Tuhi")


def test_a_vote_outcome_at_page_edges_is_not_a_running_footer() -> None:
    # "**CARRIED**" ends the last motion of every page of a Canadian minutes file.
    pages = [f"Text of page {n}.\n\n**CARRIED**\n" for n in range(1, 5)]
    raw = RawDocument(format="text", pages=pages, paged=True)
    assert [p.text for p in clean(raw)].count("CARRIED") == 4
    plain = [page.replace("*", "") for page in pages]
    assert all("CARRIED" in page for page in strip_page_furniture(plain))


def test_running_headers_and_bare_page_footers_go(foreign: dict[str, ParsedDocument]) -> None:
    # pdftotext: "Tarawera District Council Ordinary Meeting 24 May 2018     Page 2", and a
    # header repeated with no page break ("Ordinary Council Meeting Minutes    22 June 2021").
    text = "\n".join(c.text for c in foreign["nz_district_council"].chunks)
    assert "Page 2" not in text and "Page 3" not in text
    shire = "\n".join(c.text for c in foreign["au_shire_council"].chunks)
    assert shire.count("Ordinary Council Meeting Minutes 22 June 2021") <= 1


def test_officers_in_attendance_stay_in_the_preamble(foreign: dict[str, ParsedDocument]) -> None:
    # Round 44: "Chief Executive (Paul Brandt), Group Manager Assets (Hana Reti), Democracy
    # Advisor" wrapped over "(Lucy Ward)", under "IN ATTENDANCE", was read as a heading and
    # carried into item 1 "APOLOGIES".
    nz = foreign["nz_district_council"]
    officers = _with(nz, "Democracy Advisor (Lucy Ward)")
    assert officers.item is None and "IN ATTENDANCE\nChief Executive (Paul Brandt)" in officers.text
    assert _with(nz, "apology from Councillor Fenton").text.startswith("That the apology")
    assert is_names_list("General Manager (Greg Holt), Director Infrastructure (Sue Pike)")
    assert not is_names_list("Independent Chair (Jo Reid)")
    # One post and its holder under an attendance label is the label's list, not a heading.
    lines = ["PRESENT", "Mayor Anne Hohaia", "IN ATTENDANCE", "Chief Executive (Paul Brandt)",
             "1 APOLOGIES", "That the apology from Councillor Fenton be received."]  # fmt: skip
    sections = build_sections([Para(text=t) for t in lines], converted=True)
    assert [(s.item, [u.text for u in s.units]) for s in sections] == [
        (None, lines[:4]), ("1", lines[5:])
    ]  # fmt: skip


def test_a_sub_item_in_capitals_is_an_item_without_its_heading_item(
    foreign: dict[str, ParsedDocument],
) -> None:
    # Round 44: pdftotext's "8.4 ADOPTION OF THE 2021/22 BUDGET ..." with no "8 ..." above it
    # (an extract of the minutes) was a subsection of the preamble, and every passage,
    # the preamble's too, was item "8" titled "BARRALONG SHIRE COUNCIL".
    shire = foreign["au_shire_council"]
    budget = _with(shire, "general rate will increase")
    assert (budget.item, budget.item_title) == (
        "8.4", "ADOPTION OF THE 2021/22 BUDGET AND DECLARATION OF RATES AND CHARGES"
    )  # fmt: skip
    expenses = _with(shire, "Expenses reimbursed")
    assert (expenses.item, expenses.item_title) == ("8.5", "COUNCILLOR EXPENSES POLICY REVIEW")
    assert _with(shire, "PRESENT: Cr K Murray").item is None


def test_an_item_of_a_word_or_two_opens_with_its_title(foreign: dict[str, ParsedDocument]) -> None:
    # Round 45: "2. APOLOGIES" / "Nil." was a passage "Nil.": nothing in its text for
    # "what apologies were received?" to match or quote. Its title now opens it.
    au = foreign["au_ordinary_council"]
    apologies = _with(au, "Nil.")
    assert (apologies.item, apologies.item_title) == ("2", "APOLOGIES")
    assert apologies.text == "APOLOGIES\nNil."
    # An item with text of its own keeps its text as printed.
    assert _with(au, "traditional custodians").text.startswith("The Mayor acknowledged")


def test_a_declared_interest_naming_the_next_item_is_that_items_own_passage(
    foreign: dict[str, ParsedDocument],
) -> None:
    # Round 45: "Cr Walker declared a pecuniary interest in Item 11.3 and left the meeting"
    # printed under 11.2's motion, above 11.3's heading, ended 11.2's passage.
    au = foreign["au_ordinary_council"]
    declared = _with(au, "declared a pecuniary interest")
    assert declared.text == (
        "Cr Walker declared a pecuniary interest in Item 11.3 and left the meeting at 5.42pm."
    )
    assert declared.item == "11.3" and declared.item_title is not None
    assert declared.item_title.startswith("Development Application DA2018/045")
    assert _with(au, "Aquatic Build Pty Ltd for").text.endswith("CARRIED")
    # A declaration that names an item further on stays where it is printed.
    lines = ["1 DECLARATIONS OF INTEREST", "Cr Lee declared an interest in Item 3.", "2 MINUTES",
             "That the minutes be confirmed.", "3 ROADS", "The roads report."]  # fmt: skip
    sections = build_sections([Para(text=t) for t in lines], converted=True)
    assert [(s.item, [u.text for u in s.units]) for s in sections] == [
        ("1", [lines[1]]), ("2", [lines[3]]), ("3", [lines[5]])
    ]  # fmt: skip


def test_attendance_labels_before_the_first_item_stay_in_the_preamble(
    foreign: dict[str, ParsedDocument],
) -> None:
    # Round 45, Scottish minutes: "Sederunt:" titled the preamble's second passage, and
    # "Apologies:" / "Councillor Ross" (two headings, so it seemed) opened item 1
    # "DECLARATIONS OF INTEREST". Labels and lists stay together in the preamble.
    sc = foreign["sc_council"]
    preamble = _with(sc, "Provost Elaine Munro (Chair)")
    assert preamble.item is None
    assert "Sederunt:\nProvost Elaine Munro" in preamble.text
    assert "Apologies:\nCouncillor Ross" in preamble.text
    declarations = _with(sc, "declared a non-financial interest")
    assert declarations.item == "1" and declarations.text.startswith("Councillor Shaw declared")
    ie = foreign["ie_county_council"]  # "Officials Present:" is its list's label, not a title
    assert "Officials Present:\nMr. F. Ryan" in _with(ie, "Mr. F. Ryan").text
    # After the first item, a heading stays a heading.
    lines = ["1 MINUTES", "That the minutes be confirmed.", "Apologies", "The Chair welcomed all."]
    sections = build_sections([Para(text=t) for t in lines], converted=True)
    assert [s.subsection for s in sections] == [None, "Apologies"]


def test_a_roll_call_vote_stays_with_its_motion(foreign: dict[str, ParsedDocument]) -> None:
    # Round 45, a US town's "Roll Call Vote:" / "Ayes: Reyes, Nair, …" / "Nays: None" was a
    # heading over a passage of its own: the vote parted from the motion it decided.
    us = foreign["us_town_council"]
    consent = _with(us, "to approve the consent agenda")
    assert consent.item == "5"
    assert "consent agenda.\nRoll Call Vote:\nAyes: Reyes, Nair" in consent.text
    assert consent.text.endswith("Absent: Lund\nMotion carried 5-0.")
    assert "Nays: Reyes, Whitaker" in _with(us, "Ordinance 2022-07 on second reading").text
    for label in ["Roll Call Vote:", "Ayes: Reyes, Nair, Becker", "Nays: None", "Division:"]:
        assert not is_heading(label, contact_free=True), label


def test_a_running_footers_first_copy_stays_on_a_line_of_its_own(
    foreign: dict[str, ParsedDocument],
) -> None:
    # Round 45: "Town of Cedar Bluff   Regular Council Meeting   April 5, 2022" over "Page 1
    # of 3" keeps its first copy, the one place the town's name is printed (dropped, every
    # question naming Cedar Bluff was abstained on); it stands on its own line, after the
    # sentence it follows, and the later copies go.
    text = "\n".join(c.text for c in foreign["us_town_council"].chunks)
    assert text.count("Regular Council Meeting April 5, 2022") == 1
    assert "by voice vote.\nTown of Cedar Bluff Regular Council Meeting April 5, 2022" in text


def test_an_item_of_minutes_with_no_text_is_a_passage_of_its_title(
    foreign: dict[str, ParsedDocument],
) -> None:
    # Round 46: "3. PLEDGE OF ALLEGIANCE" over "4. APPROVAL OF AGENDA" was in no passage and
    # no title: the minutes record that it took place.
    us = foreign["us_town_council"]
    pledge = [c for c in us.chunks if c.item == "3"]
    assert [(c.item_title, c.text) for c in pledge] == [
        ("PLEDGE OF ALLEGIANCE", "PLEDGE OF ALLEGIANCE")
    ]
    # An item whose sub-items follow stays their lead ("6. NEW BUSINESS" over "6.1 …"), and
    # an agenda's item listed with no text (its papers are elsewhere) is no passage.
    lines = ["1. CALL TO ORDER", "The Mayor opened the meeting.", "2. PLEDGE OF ALLEGIANCE",
             "3. NEW BUSINESS", "3.1 Police staffing", "The Chief reported."]  # fmt: skip
    paras = [Para(text=t) for t in lines]
    sections = build_sections(paras, converted=True, minutes=True)
    assert [(s.item, s.units[0].text) for s in sections] == [
        ("1", "The Mayor opened the meeting."),
        ("2", "PLEDGE OF ALLEGIANCE"),
        ("3.1", "NEW BUSINESS"),  # the heading item's title opens its sub-item's passage
    ]
    assert [s.item for s in build_sections(paras, converted=True)] == ["1", "3.1"]


def test_a_lettered_sub_items_title_is_not_joined_to_the_sentence_under_it(
    foreign: dict[str, ParsedDocument],
) -> None:
    # Round 46: "A. Resolution 2022-19, Awarding a Contract for the Elm Street Water Main
    # Replacement" fills its line and ends no sentence, so it read as wrapped and "Public
    # Works Director Sam Ortiz reported …" ran on from it. A title's words are capitalised,
    # a sentence's are not; the rest of a wrapped title goes on ("… Regarding Short-Term" /
    # "Rentals (Second Reading)").
    us = foreign["us_town_council"]
    award = _with(us, "Elm Street Water Main Replacement")
    assert "Water Main Replacement\nPublic Works Director Sam Ortiz reported" in award.text
    rentals = _with(us, "Regarding Short-Term")
    assert "Regarding Short-Term Rentals (Second Reading)\nTown Attorney Chen" in rentals.text
    # A list's sentence full of names ("(b) On 17th December, Mr Love visited Seabrook Church
    # of England Primary" / "School and met …") still runs on.
    text = (
        "(b) On 17th December, Mr Love visited Seabrook Church of England Primary Schools\n\n"
        "School and met Mrs Carter, the Executive Head Teacher, and other staff.\n"
    )
    paras = clean(RawDocument(format="text", pages=[text], paged=False))
    assert len(paras) == 1
