"""Round 59: other councils' minutes read further (round 58's r58-foreign14 Left (a), (b),
(c), (e)). "How did council vote on …?" over a motion printed above its mover lines opens on
what was decided, then the outcome, then the movers as room allows
(`answering.MOTION_OVER_MOVERS`); a recorded vote standing before its outcome is stated with
its sides (`sentences.SIDES_BEFORE_OUTCOME`); a motion asked by its bare number ("what did
2016-045 decide?", `sentences.BARE_MOTION_NUMBERS`) or "Res. #…" is answered, not refused
(`answering.NUMBER_HELD_ANSWERS`), from the motion (`NUMBERED_ALONE`, `NUMBER_IN_LEAD`), and a
minute asked by its number ("minute 41.4", `sentences.MINUTE_NUMBERS`) from its item or
paragraph; a member asked whether absent by name before the title ("Was Sloane, the
councillor, absent?", `sentences.NAME_BEFORE_TITLE`). Real files
(`tests/data/ingestion/foreign12/`, `foreign11/`, synthetic, as pdftotext gives them), the
real reader, tokenizer and indexes with the bundled model, asked as `/ask` asks
(`Reader.ask`); the pattern tests need none."""

from __future__ import annotations

import pytest

from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import (
    asked_minute,
    asked_motion_number,
    asked_roll,
    asks_attendance,
    motion_over_movers,
    outcome_stated,
)

from .conftest import Build, probe_text

TOWN = "foreign11/ca_town_2016-04-12.txt"
SHIRE = "foreign11/au_shire_2018-03-21.txt"
BAY = "foreign12/ca_town_2019-06-11.txt"
VILLAGE = "foreign12/us_village_2020-02-18.txt"
DISTRICT = "foreign12/uk_district_2017-07-20.txt"


@pytest.fixture(scope="module")
def archives(build: Build) -> dict[str, Archive]:
    """Each probe file an archive of its own, built once for the module."""
    return {path: build(probe_text(path)) for path in (TOWN, SHIRE, BAY, VILLAGE, DISTRICT)}


def _lead(archive: Archive, question: str) -> str:
    answer = archive.reader().ask(SearchRequest(question))
    assert not answer.abstained, answer.features
    return answer.lead or ""


# -- (a) the motion over its mover lines: what was decided, then the outcome ----------------


@pytest.mark.parametrize(
    ("path", "question", "lead"),
    [
        (TOWN, "How did council vote on the arena roof replacement tender?",
         "THAT Council award the tender for the arena roof replacement to Northland Roofing Ltd. "
         "in the amount of $486,200, funded from the facilities reserve — CARRIED [2]"),
        (SHIRE, "How did council vote on reducing the waste transfer station opening hours?",
         "That Council reduce the opening hours of the Wandering Creek waste transfer station by "
         "closing it on Tuesday and Thursday mornings from 1 May 2018 — CARRIED 4/1 [1]"),
        # A clause that does not fit is left out where it stands, marked; the rest kept.
        (BAY, "How did council vote on the replacement plow truck?",
         "THAT Council approve the purchase of a tandem-axle plow truck from Eastway Trucks Inc. "
         "in the amount of $312,450 plus HST, funded from the fleet reserve … — CARRIED ["),
        (BAY, "How did council vote on the fireworks by-law?",
         "THAT By-law 2019-31 … be read a first, second and third time and finally passed — "
         "CARRIED; Moved by: Councillor Brennan Seconded by: Councillor Kowalski ["),
    ],
)  # fmt: skip
def test_a_vote_on_a_motion_over_its_mover_lines_opens_on_the_motion(
    archives: dict[str, Archive], path: str, question: str, lead: str
) -> None:
    # Before: the mover clause and the outcome ("Moved by: Councillor Nakamura Seconded by:
    # Councillor Lindgren CARRIED"), the motion only in the quote.
    assert _lead(archives[path], question).startswith(lead)


@pytest.mark.parametrize(
    ("path", "question", "lead"),
    [
        # The motion's one clause (28 words) and its outcome exceed the line: as before.
        (SHIRE, "How did council vote on selling Lot 12 Railway Parade?",
         "Moved Cr Byrne Seconded Cr Madden CARRIED 5/0"),
        # "Who moved …?" keeps the mover clause it asks for.
        (BAY, "Who moved the motion on the plow truck?",
         "Moved by: Councillor Haddad Seconded by: Councillor Brennan CARRIED"),
    ],
)  # fmt: skip
def test_the_mover_clause_stays_where_the_motion_does_not_fit_or_the_mover_is_asked(
    archives: dict[str, Archive], path: str, question: str, lead: str
) -> None:
    assert _lead(archives[path], question).startswith(lead)


def test_the_motion_over_its_mover_lines_is_found_without_its_label() -> None:
    text = (
        "The Treasurer reported on the tenders.\nCOUNCIL RESOLUTION 041/18 That Council award "
        "the tender.\nMoved Cr Nguyen Seconded Cr Costa\nCARRIED 4/1"
    )
    found = motion_over_movers(text, 0, len(text))
    assert found is not None
    start, end, lines = found
    assert text[start:end] == "That Council award the tender."
    assert text[end:lines].split() == ["Moved", "Cr", "Nguyen", "Seconded", "Cr", "Costa"]
    plain = "The Treasurer reported on the tenders. THAT Council award the tender."
    assert motion_over_movers(plain, 0, len(plain)) is None


# -- (e) a recorded vote before its outcome, stated with its sides ---------------------------


@pytest.mark.parametrize(
    ("path", "question", "sides"),
    [
        (TOWN, "How did council vote on short-term rental licensing?",
         "Recorded Vote: Yea: Doyle, Osei Nay: Lavoie, Lindgren, Nakamura DEFEATED ["),
        (BAY, "How did council vote on the 2019 tax ratios?",
         "Recorded Vote: Yea: Fontaine, Kowalski, Okafor Nay: Brennan, Haddad CARRIED ["),
    ],
)  # fmt: skip
def test_a_recorded_vote_in_the_next_passage_opens_with_its_sides(
    archives: dict[str, Archive], path: str, question: str, sides: str
) -> None:
    # Before: "DEFEATED [1]" alone, the sides left to the quotes.
    assert sides in _lead(archives[path], question)


def test_an_outcome_is_read_from_its_sides_when_they_fit() -> None:
    text = "Recorded Vote: Yea: Doyle, Osei Nay: Lavoie, Lindgren, Nakamura DEFEATED"
    assert outcome_stated(text, 28) == (0, len(text))
    at = text.index("DEFEATED")
    assert outcome_stated(text) == (at, len(text))  # asked for no sides: the outcome alone
    assert outcome_stated(text, 5) == (at, len(text))  # the sides do not fit: alone


# -- (b) a motion or minute asked by its number ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("What did 2016-045 decide?", "2016-045"),
        ("What was #041/18 about?", "041/18"),
        ("What did Res. #2016-047 do?", "2016-047"),
        ("What did resolution 2016-045 decide, not 2016-046?", "2016-045"),
        ("How much was spent in 2024-25?", "2024-25"),  # read; lifted only where labelled
        ("Was planning application 25/01234/FUL approved?", None),
        ("What was the resolution on the arena roof?", None),
    ],
)
def test_a_bare_number_is_read_as_a_motion_number(question: str, number: str | None) -> None:
    assert asked_motion_number(question) == number


@pytest.mark.parametrize(
    ("question", "minute"),
    [
        ("What did minute 285 decide?", "285"),
        ("What was decided at minute 41.4?", "41.4"),
        ("What did Minute No. 101/15 say?", "101/15"),
        ("What did the minute of 22 June 2017 record?", None),
        ("Were the minutes 12 pages long?", None),
    ],
)
def test_a_minute_named_by_its_number(question: str, minute: str | None) -> None:
    assert asked_minute(question) == minute


@pytest.mark.parametrize(
    ("path", "question", "opens"),
    [
        (TOWN, "What did 2016-045 decide?",
         "THAT Council award the tender for the arena roof replacement"),
        (TOWN, "What did Res. #2016-047 do?", "THAT By-law 2016-18, being a by-law to appoint"),
        (SHIRE, "What did 041/18 decide?",
         "COUNCIL RESOLUTION 041/18 That Council reduce the opening hours"),
        (BAY, "What did 2019-113 decide?", "THAT Council adopt the 2019 tax ratios"),
        (DISTRICT, "What did minute 41.4 decide?",
         "RESOLVED that the all-day charge at Station Road car park be increased"),
        (DISTRICT, "What was minute 42 about?", "RESOLVED that grants totalling £12,500"),
    ],
)  # fmt: skip
def test_the_motion_or_minute_a_number_names_opens_the_answer(
    archives: dict[str, Archive], path: str, question: str, opens: str
) -> None:
    # Before: refused (no content term: coverage 0; "Res." an unheld term "re"), or the
    # meeting's heading or another sentence scored as near opened the answer.
    assert _lead(archives[path], question).startswith(opens)


def test_a_number_the_archive_does_not_label_is_still_refused(
    archives: dict[str, Archive],
) -> None:
    answer = archives[TOWN].reader().ask(SearchRequest("What did 2016-099 decide?"))
    assert answer.abstained


# -- (d) the name before the title -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Was Sloane, the councillor, absent?", "absent"),
        ("Was Helen Sloane, the trustee, absent from the meeting?", "absent"),
        ("Was Moss, a trustee, present?", "present"),
    ],
)
def test_a_name_before_the_title_asks_for_attendance(question: str, kind: str) -> None:
    # Before: only the title first ("Was Councillor Sloane absent?") read so.
    assert asks_attendance(question)
    assert kind in asked_roll(question)


def test_a_name_before_a_title_to_present_asks_for_none() -> None:
    assert not asks_attendance("Was Ellis, the councillor, to present the petition?")


@pytest.mark.parametrize(
    ("path", "opens"),
    [(SHIRE, "Apologies: Cr T Sloane"), (BAY, "Regrets: Councillor P. Sloane")],
)
def test_was_sloane_the_councillor_absent_opens_on_the_roll(
    archives: dict[str, Archive], path: str, opens: str
) -> None:
    # Before: the item sentences ("THAT the meeting adjourn at 8:10 p.m.").
    assert _lead(archives[path], "Was Sloane, the councillor, absent?").startswith(opens)


def test_a_singular_absence_label_is_read_as_the_plural(archives: dict[str, Archive]) -> None:
    # A control: "Trustee Absent:" (one trustee away) already answered, from its "Absent:".
    assert _lead(archives[VILLAGE], "Which trustee was absent?").startswith(
        "Absent: Trustee Helen Sloane"
    )
