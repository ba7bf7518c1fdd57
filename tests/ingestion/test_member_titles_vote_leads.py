"""Round 56: other councils' minutes read further (round 55's r55-foreign11 Left (a), (c),
(b)). A board's members by the titles its minutes give them ("which trustees were absent
…?", "which supervisors …") are written once (`indexer.attendance.MEMBER_TITLES`) and read
by every pattern that names the members; "how did the board vote on …?" opens on the
motion, naming its mover, before the outcome and its sides (`answering.MOTION_IN_VOTE_LEAD`);
a roll in a heading block ("… Council Chambers Members Present: … Staff Present: …") opens
the answer asking for that kind of roll (`answering.ROLL_AFTER_HEADING`). Real files
(`tests/data/ingestion/foreign10/`, `foreign7/`, synthetic, as pdftotext gives them), the
real reader, tokenizer and indexes with the bundled model, asked as `/ask` asks
(`Reader.ask`); the pattern tests need none."""

from __future__ import annotations

import re

import pytest

import indexer.attendance as attendance
from indexer.ingest.cleaning import LABEL_LINE
from indexer.ingest.metadata import _BOARD_OF
from indexer.ingest.structure import ATTENDANCE_LABEL
from search_api import answering
from search_api.archive import Archive
from search_api.empty import CONTACT_ASKED
from search_api.search import SearchRequest
from search_api.sentences import (
    asked_roll,
    asked_tally,
    asks_attendance,
    asks_mover,
    asks_vote,
    aspects_of,
    roll_kinds,
    wants_who,
)

from .conftest import Build, fresh_module, probe_text

VILLAGE = "foreign10/us_village_2021-05-11.txt"
US_BOARD = "foreign7/us_county_board_2020-01-14.txt"
TOWNSHIP = "foreign7/ca_township_2018-06-19.txt"


@pytest.fixture(scope="module")
def archives(build: Build) -> dict[str, Archive]:
    """Each probe file an archive of its own, built once for the module."""
    return {path: build(probe_text(path)) for path in (VILLAGE, US_BOARD, TOWNSHIP)}


def _ask(archive: Archive, question: str) -> str:
    answer = archive.reader().ask(SearchRequest(question))
    assert not answer.abstained, answer.features
    return answer.lead or ""


# -- (a) a board's members by their titles ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which trustees were absent from the board meeting on May 11, 2021?", "absent"),
        ("Which supervisors were absent on January 14, 2020?", "absent"),
        ("Which commissioners were present at the meeting on March 3, 2015?", "present"),
        ("Which aldermen were present?", "present"),
        ("Which council members were absent from the meeting on April 5, 2022?", "absent"),
        ("Which councilmembers were present?", "present"),
    ],
)
def test_a_boards_members_by_their_title_ask_for_attendance(question: str, kind: str) -> None:
    # Before: no attendance question ("trustees", "supervisors" in no list), no roll asked.
    assert asks_attendance(question)
    assert kind in asked_roll(question)


def test_which_members_by_their_title_voted_asks_for_the_side() -> None:
    # Before: "which trustees voted against …?" asked no mover nor side (`WHO_VOTED`), nor
    # who (`wants_who`, `CONTACT_ASKED`).
    question = "Which trustees voted against the water rate increase?"
    assert asks_mover(question)
    assert asked_tally(question) == "Against"
    assert wants_who(question)
    assert CONTACT_ASKED.search("Which council members sit on the audit committee?")
    assert not wants_who("Which council decided the water rate increase?")  # a body, as before


def test_directors_stay_officers_not_members() -> None:
    # "Which directors were present?" asks for no members' roll: a director is an officer in
    # British minutes (`attendance.OFFICER_TITLES`), as before.
    assert "directors" in attendance.BOARD_TITLES
    assert "directors" not in attendance.MEMBER_TITLES
    assert "present" not in asked_roll("Which directors were present at the Cabinet meeting?")


def test_a_boards_labels_are_read_as_rolls() -> None:
    assert roll_kinds("Trustees Absent: Trustee Helen Moss") == {"absent"}
    assert roll_kinds("Council Members Present: Mayor Ostrowski, Daniel Reyes") == {"present"}
    assert roll_kinds("Commissioners Present: Chair Ann Lee") == {"present"}
    for line in ("Trustees Present: President Alan Brooks", "Aldermen Absent: Alderman Ruiz",
                 "Supervisors Absent: Mr Whitfield", "Members present: Cllr A"):  # fmt: skip
        assert LABEL_LINE.match(line), line
    for label in ("Trustees Present:", "COMMISSIONERS PRESENT", "Members Present:"):
        assert ATTENDANCE_LABEL.match(label), label


def test_the_board_heading_reads_the_board_titles_unchanged() -> None:
    # `_BOARD_OF` reads `BOARD_TITLES`: its pattern as it was written by hand (round 52).
    old = (
        r"^(?:the[ \t]+)?(?P<board>board[ \t]+of[ \t]+(?:county[ \t]+)?(?:supervisors|commissioners"
        r"|directors|trustees|selectmen|aldermen))[ \t]*[,\u2013\u2014-][ \t]*"
    )
    assert _BOARD_OF.pattern.startswith(old)


def test_a_title_added_to_the_list_reaches_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """The title "burgesses" (a borough's members in some US states) is in no list: each pattern is
    rebuilt with it added to `MEMBER_TITLES` (and so to `MEMBER_HOLDERS`), and each reads it
    where it reads "trustees"."""
    titles = (*attendance.MEMBER_TITLES, "burgesses")
    monkeypatch.setattr(attendance, "MEMBER_TITLES", titles)
    monkeypatch.setattr(attendance, "MEMBER_HOLDERS", ("council", *titles))
    # The question patterns read the titles' forms, plural and singular (round 57).
    forms = (*titles, *(attendance.singular(t) for t in titles))
    monkeypatch.setattr(attendance, "MEMBER_TITLE_FORMS", forms)
    cleaning = fresh_module("_fresh_cleaning56", "indexer/ingest/cleaning.py")
    structure = fresh_module("_fresh_structure56", "indexer/ingest/structure.py")
    temporal = fresh_module("search_api._fresh_temporal56", "search_api/temporal.py")
    fresh = fresh_module("search_api._fresh_sentences56", "search_api/sentences.py")
    assert structure.ATTENDANCE_LABEL.match("Burgesses Present:")
    assert not ATTENDANCE_LABEL.match("Burgesses Present:")
    assert cleaning.LABEL_LINE.match("Burgesses Absent: Mr Hale")
    assert not LABEL_LINE.match("Burgesses Absent: Mr Hale")
    assert fresh.roll_kinds("Burgesses Absent: Mr Hale") == {"absent"}
    assert fresh._ROLL_LABEL.match("Burgesses Present: Mr Hale").group(0) == "Burgesses Present"
    question = "Which burgesses were absent from the meeting?"
    assert fresh.asks_attendance(question) and not asks_attendance(question)
    assert re.search(temporal.WHO_VOTED, "Which burgesses voted against it?", re.I)
    assert fresh.asks_attendance("Which burgess was absent from the meeting?")


@pytest.mark.parametrize(
    ("path", "question", "opens"),
    [
        (VILLAGE, "Which trustees were absent from the board meeting on May 11, 2021?",
         "Absent: Trustee Helen Moss"),
        (US_BOARD, "Which supervisors were absent on January 14, 2020?",
         "Supervisors Absent: Supervisor Dana Whitfield"),
    ],
)  # fmt: skip
def test_which_trustees_were_absent_opens_on_the_absent_roll(
    archives: dict[str, Archive], path: str, question: str, opens: str
) -> None:
    # Before: the village's roll whole ("Present: … Absent: … Also Present: …") and a
    # roll-call vote's "ABSENT: Moss"; the board's "Supervisors Present: …" first.
    assert _ask(archives[path], question).startswith(f"{opens} ["), question


# -- (c) how the board voted: the motion, then its outcome and sides ------------------------


@pytest.mark.parametrize(
    ("path", "question", "opens", "states"),
    [
        (US_BOARD, "How did the board vote on reducing the cannabis cultivation tax?",
         "Motion by Supervisor Becker, seconded by Chair Moreno, to reduce the tax rate",
         "NOES: Supervisors Liu, Ochoa"),
        (VILLAGE, "How did the board vote on the sidewalk cafe permit program?",
         "Motion by Trustee Ruiz, second by Trustee Patel, to adopt the sidewalk cafe",
         "Motion failed by the following roll call vote: AYES: Ruiz, Patel NAYS: Ferris"),
        (VILLAGE, "How did the trustees vote on increasing the water rate?",
         "Motion by Trustee Ferris, second by Trustee Ruiz, to approve the water rate",
         "NAYS: Patel"),
    ],
)  # fmt: skip
def test_how_the_board_voted_opens_on_the_motion(
    archives: dict[str, Archive], path: str, question: str, opens: str, states: str
) -> None:
    # Before: the item's first sentence ("Staff recommended reducing …", "The Administrator
    # presented a permit program …", "Director Dunn reported …"), the motion cut or unsaid.
    assert asks_vote(question)
    lead = _ask(archives[path], question)
    assert lead.startswith(opens), lead
    assert states in lead, lead


def test_the_motion_clause_is_chosen_only_for_a_vote_asked() -> None:
    quote = (
        "Staff recommended reducing the cannabis cultivation tax from $2.00 to $1.00 per "
        "square foot of canopy. Motion by Supervisor Becker, seconded by Chair Moreno, to "
        "reduce the tax rate as recommended."
    )
    vote = "How did the board vote on reducing the cannabis cultivation tax?"
    course = "What did staff recommend on the cannabis cultivation tax?"
    assert answering.key_clause(quote, aspects_of(vote, vote)).startswith("Motion by")
    assert answering.key_clause(quote, aspects_of(course, course)).startswith("Staff")


# -- (b) a roll in a heading block ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Which staff were present at the council meeting on June 19, 2018?",
         "Staff Present: L. Grant, Clerk-Administrator"),
        ("Which members were present at the council meeting on June 19, 2018?",
         "Members Present: Mayor R. Tremblay"),
    ],
)  # fmt: skip
def test_a_heading_blocks_roll_opens_the_answer(
    archives: dict[str, Archive], question: str, opens: str
) -> None:
    # Before: "THE CORPORATION OF THE TOWNSHIP OF CEDAR FALLS Tuesday, June 19, 2018 …".
    assert _ask(archives[TOWNSHIP], question).startswith(opens)


def test_who_attended_reads_a_list_run_on_into_a_label_as_before() -> None:
    # No kind asked: a members' list run on into "IN ATTENDANCE:" (Kent's) is no heading.
    quote = "Mr M Whiting and Ms L Wright IN ATTENDANCE: Mr J Cook (Democratic Services Manager)"
    who = "Who attended the County Council meeting on 9 January 2025?"
    officers = "Which officers were in attendance at the County Council meeting on 9 January 2025?"
    assert answering.key_clause(quote, aspects_of(who, who)).startswith("Mr M Whiting")
    assert answering.key_clause(quote, aspects_of(officers, officers)).startswith("IN ATTENDANCE")
