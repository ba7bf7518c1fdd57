"""Round 53: other councils' votes by name and rolls by label, read further (round 52's
r52-foreign8 Left (a)). "Who voted against …?" opens on the roll call's "NAYS:" / "NOES:" /
"Nay:" side, "who voted for …?" on "AYES:" / "Yea:" (`answering.SIDE_IN_LEAD`); "Which staff
attended …?" on a US roll call's "Staff:" list (`sentences._ROLL_LABEL`, the officers' kind);
"What happened to the petition / application / report …?" read as asking the vote's
outcome, not a course over meetings (`temporal.DECIDED`). Real files (`tests/data/
ingestion/foreign8/`, `foreign9/`, `foreign7/`, synthetic), the real reader and indexes with
the bundled model, asked as `/ask` asks (`Reader.ask`); the pattern tests need no index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.search import SearchRequest
from search_api.sentences import _ROLL_LABEL, asks_outcome, roll_kinds, side_named
from search_api.temporal import parse_question

from .conftest import Build, probe_text

US_CITY = "foreign8/us_city_2019-03-04.txt"
US_TOWN = "foreign9/us_town_2019-10-08.txt"
CA_TOWNSHIP = "foreign7/ca_township_2018-06-19.txt"


@pytest.mark.parametrize(
    ("text", "side", "named"),
    [
        ("Motion carried by the following roll call vote: AYES: Whitcomb, Baker, Chen NAYS: "
         "Ortega ABSENT: Kline", "Against", "NAYS: Ortega"),
        ("AYES: Whitcomb, Baker, Chen NAYS: Ortega", "For", "AYES: Whitcomb, Baker, Chen"),
        ("AYES: Supervisors Becker, Moreno NOES: Supervisors Liu, Ochoa ABSENT: Supervisor X",
         "Against", "NOES: Supervisors Liu, Ochoa"),
        ("Recorded Vote: Yea: Bouchard, MacLeod Nay: Tremblay, Fraser DEFEATED", "Against",
         "Nay: Tremblay, Fraser"),
        ("CARRIED 4/1 For: Crs Murray, Patel and Lindqvist Against: Cr Taylor", "Against",
         "Against: Cr Taylor"),
        ("AYES: Whitcomb, Baker NAYS: None ABSENT: Kline", "Against", "NAYS: None"),
    ],
)  # fmt: skip
def test_the_side_asked_for_is_read_with_its_names(text: str, side: str, named: str) -> None:
    span = side_named(text, side)
    assert span is not None and text[span[0] : span[1]] == named


def test_a_count_without_names_is_no_named_side() -> None:
    # Kent's "Against (6)" heads names on the lines after it: left to the quotes.
    assert side_named("For (47) Mr Baldock, Mr Brady Against (6) Mrs Dean", "Against") is None
    assert side_named("For: 47 Against: 6", "For") is None


@pytest.mark.parametrize(
    ("path", "question", "lead"),
    [
        (US_CITY, "Who voted against the water rate adjustment?", "NAYS: Ortega"),
        (US_CITY, "Who voted for the downtown parking meter proposal?", "AYES: Chen, Ortega"),
        (US_TOWN, "Who voted against the variance application for 88 Harbour Road?", "NOES: Shah"),
        (CA_TOWNSHIP, "Who voted against opting out of cannabis retail stores?",
         "Nay: Tremblay, Fraser"),
    ],
)  # fmt: skip
def test_who_voted_on_a_side_opens_on_that_sides_names(
    build: Build, path: str, question: str, lead: str
) -> None:
    # Before: the lead was the item's first sentence or the motion's mover ("Motion by
    # Councilmember Chen, second by …"), the names only in the quote.
    answer = build(probe_text(path)).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert (answer.lead or "").startswith(f"{lead} ["), answer.lead


@pytest.mark.parametrize(
    ("path", "day", "opens"),
    [
        (US_CITY, "March 4, 2019", "Staff: City Manager Tom Reyes, City Attorney Jill Park"),
        (US_TOWN, "October 8, 2019", "Staff: Town Manager Karen Vogel, Town Clerk Dan Ruiz"),
    ],
)  # fmt: skip
def test_which_staff_attended_opens_on_the_staff_list(
    build: Build, path: str, day: str, opens: str
) -> None:
    # Before: "Staff:" was no roll label; the answer opened on the members "Present:".
    reader = build(probe_text(path)).reader()
    answer = reader.ask(SearchRequest(f"Which staff attended the council meeting on {day}?"))
    assert not answer.abstained
    assert (answer.lead or "").startswith(opens), answer.lead
    # who attended, asking no kind, still opens on the members present
    members = reader.ask(SearchRequest(f"Who attended the council meeting on {day}?"))
    assert "Present: Mayor" in (members.lead or "").split("[")[0], members.lead


def test_a_staff_label_reads_only_with_its_colon() -> None:
    assert _ROLL_LABEL.match("Staff: City Manager Tom Reyes")
    assert roll_kinds("Staff: City Manager Tom Reyes") == {"officers"}
    assert not _ROLL_LABEL.match("Staff presented a proposal to install 120 parking meters")
    assert not roll_kinds("Staff presented a proposal")


@pytest.mark.parametrize(
    "question",
    [
        "What happened to the petition to close Birch Lane?",
        "What happened to the variance application for 88 Harbour Road?",
        "What happened to the Library Board annual report?",
        "What became of the request to extend the library's opening hours?",
    ],
)
def test_what_happened_to_a_paper_put_to_a_vote_asks_its_outcome(question: str) -> None:
    assert asks_outcome(question)
    assert not parse_question(question, date(2019, 12, 31)).trend


@pytest.mark.parametrize(
    "question",
    [
        "What happened to the idea of postponing the May 2025 county council elections?",
        "What happened to the household support fund in autumn 2024?",
    ],
)
def test_what_happened_to_a_thing_no_vote_decides_is_still_a_course(question: str) -> None:
    assert not asks_outcome(question)
    assert parse_question(question, date(2025, 12, 31)).trend


def test_what_happened_to_a_petition_is_answered_with_its_vote(build: Build) -> None:
    # Before: read as a course over meetings, the lead stated no outcome.
    answer = (
        build(probe_text(US_TOWN))
        .reader()
        .ask(SearchRequest("What happened to the petition to close Birch Lane?"))
    )
    assert not answer.abstained
    assert "Motion failed" in (answer.lead or ""), answer.lead
    assert "→" not in (answer.lead or "")
    assert any("NOES: Grant, Novak, Shah" in c.quote for c in answer.citations), answer.text
