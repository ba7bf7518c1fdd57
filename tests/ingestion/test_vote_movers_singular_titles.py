"""Round 57: other councils' minutes read further (round 56's r56-foreign12 Left (d), (b),
(c), (a)). "How did council vote on …?" quotes the motion with its mover lines ("Moved by:
Councillor Bouchard" / "Seconded by: Councillor MacLeod", stray to the splitter) and opens
on them (`answering.MOVER_LINES_READ_BACK`); a question naming one member or officer by
their title ("which trustee was absent …?", "which supervisor voted against …?") reads as
the plural does, the singular read off the one list (`indexer.attendance.SINGULAR_TITLES`);
a vote question's members' titles leave its topic as words, from the one list, not as stems
(`answering.VOTE_TITLES_READ`); a fate asked by an act's noun is named by its motion's verb
where the stemmer keeps them apart ("closure" / "close", `sentences.MOTION_NOUNS`, through
`indexer.text.act_verbs`). Real files (`tests/data/ingestion/foreign7/`,
`foreign10/`, synthetic, as pdftotext gives them), the real reader, tokenizer and indexes
with the bundled model, asked as `/ask` asks (`Reader.ask`); the pattern tests need none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import indexer.attendance as attendance
from eval import derived_forms
from indexer.derived import ACTS
from indexer.models import Citation, Hit
from indexer.text import ANALYZER, act_verbs
from search_api import answering
from search_api.archive import Archive
from search_api.empty import CONTACT_ASKED
from search_api.search import SearchRequest
from search_api.sentences import (
    asked_roll,
    asked_tally,
    asks_attendance,
    asks_mover,
    mover_lines_before,
    wants_who,
)

from .conftest import Build, probe_text

VILLAGE = "foreign10/us_village_2021-05-11.txt"
US_BOARD = "foreign7/us_county_board_2020-01-14.txt"
TOWNSHIP = "foreign7/ca_township_2018-06-19.txt"
US_TOWN_2019 = "foreign9/us_town_2019-10-08.txt"


@pytest.fixture(scope="module")
def archives(build: Build) -> dict[str, Archive]:
    """Each probe file an archive of its own, built once for the module."""
    paths = (VILLAGE, US_BOARD, TOWNSHIP, US_TOWN_2019)
    return {path: build(probe_text(path)) for path in paths}


def _ask(archive: Archive, question: str) -> tuple[str, str]:
    answer = archive.reader().ask(SearchRequest(question))
    assert not answer.abstained, answer.features
    return answer.lead or "", answer.text


# -- (d) how council voted: the motion's mover lines ----------------------------------------


@pytest.mark.parametrize(
    ("question", "opens", "states"),
    [
        ("How did council vote on opting out of cannabis retail stores?",
         "Moved by: Councillor Bouchard Seconded by: Councillor MacLeod THAT Council opt out",
         "DEFEATED"),
        ("How did council vote on the gravel road resurfacing program?",
         "Moved by: Deputy Mayor Fraser Seconded by: Councillor MacLeod THAT Council approve",
         "CARRIED"),
    ],
)  # fmt: skip
def test_how_council_voted_opens_on_the_motion_with_its_mover_lines(
    archives: dict[str, Archive], question: str, opens: str, states: str
) -> None:
    # Before: the item's report sentence ("The Clerk-Administrator reported on the option to
    # opt out …"), then the outcome; the motion quoted without its "Moved by:" lines.
    lead, text = _ask(archives[TOWNSHIP], question)
    assert lead.startswith(opens), lead
    assert states in lead, lead


def test_who_moved_reads_the_mover_lines_as_before(archives: dict[str, Archive]) -> None:
    lead, _ = _ask(archives[TOWNSHIP], "Who moved the motion to opt out of cannabis retail stores?")
    assert lead.startswith("Moved by: Councillor Bouchard Seconded by: Councillor MacLeod"), lead


def test_mover_lines_are_read_back_only_over_mover_lines() -> None:
    text = (
        "The Clerk-Administrator reported on the option to opt out of cannabis retail stores.\n"
        "Resolution No. 2018-146\nMoved by: Councillor Bouchard\nSeconded by: Councillor "
        "MacLeod\nTHAT Council opt out of hosting cannabis retail stores."
    )
    motion = text.index("THAT Council")
    assert text[mover_lines_before(text, motion) or 0 :].startswith("Moved by: Councillor")
    # A running sentence before the motion is no mover line: nothing to read back over.
    plain = "The Clerk reported on the stores. THAT Council opt out of hosting the stores."
    assert mover_lines_before(plain, plain.index("THAT")) is None


# -- (b) one member or officer by their title ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which trustee was absent from the board meeting on May 11, 2021?", "absent"),
        ("Which supervisor was absent on January 14, 2020?", "absent"),
        ("Which councillor was absent from the meeting?", "absent"),
        ("Which commissioner was present at the meeting on March 3, 2015?", "present"),
        ("Which alderman was absent?", "absent"),
        ("Which council member was absent from the meeting on April 5, 2022?", "absent"),
        ("Which official was present at the council meeting?", "officers"),
    ],
)
def test_one_member_by_their_title_asks_for_attendance(question: str, kind: str) -> None:
    # Before: "which trustees were …" only, the plural.
    assert asks_attendance(question)
    assert kind in asked_roll(question)


def test_one_member_by_their_title_who_voted_asks_for_the_side() -> None:
    question = "Which commissioner voted against the budget amendment?"
    assert asks_mover(question)
    assert asked_tally(question) == "Against"
    assert wants_who(question)
    assert CONTACT_ASKED.search("Which trustee sits on the audit committee?")


def test_the_singular_is_read_off_the_one_list() -> None:
    # WordNet's irregular forms through the analyser ("selectmen" → "selectman"), else the
    # plural's "s": no second list.
    assert attendance.singular("selectmen") == "selectman"
    assert attendance.singular("council members") == "council member"
    assert attendance.singular("staff") == "staff"
    assert attendance.singular("burgesses") == "burgess"
    forms = set(attendance.MEMBER_TITLE_FORMS)
    assert {attendance.singular(t) for t in attendance.MEMBER_TITLES} <= forms
    assert "directors" not in forms and "director" not in forms  # officers, as before


@pytest.mark.parametrize(
    ("path", "question", "opens"),
    [
        (VILLAGE, "Which trustee was absent from the board meeting on May 11, 2021?",
         "Absent: Trustee Helen Moss"),
        (US_BOARD, "Which supervisor was absent on January 14, 2020?",
         "Supervisors Absent: Supervisor Dana Whitfield"),
        (VILLAGE, "Which trustee voted against the water rate increase?", "NAYS: Patel"),
    ],
)  # fmt: skip
def test_one_member_by_their_title_opens_on_the_roll_or_side(
    archives: dict[str, Archive], path: str, question: str, opens: str
) -> None:
    lead, _ = _ask(archives[path], question)
    assert lead.startswith(f"{opens} ["), lead


# -- (c) a vote question's members' titles, as words -------------------------------------


def test_a_vote_questions_titles_leave_its_topic_as_words() -> None:
    # Before: "councillors" and "members" by hand; "trustees" stayed a topic term.
    assert answering._titled_only("How did the trustees vote on the budget?") == {"truste"}
    assert answering._titled_only("Which councillors voted against it?") == {"councillor"}
    # A title's stem the question's other words give too stays in the topic.
    commission = "How did the commissioners vote on the police and crime commissioner's precept?"
    assert answering._titled_only(commission) == frozenset()
    precept = "How did councillors vote on the police and crime commissioner's precept?"
    assert answering._titled_only(precept) == {"councillor"}
    legislation = "How did the legislators vote on the legislation?"
    assert answering._titled_only(legislation) == frozenset()
    election = "How did the elected members vote on the election of the chair?"
    assert "elect" not in answering._titled_only(election)


def _minutes(pid: int, title: str, text: str) -> Hit:
    citation = Citation(
        document_id="d1", council="Village of Cedar Falls", meeting_date=date(2021, 5, 11),
        doc_type="minutes", item_title=title,
    )  # fmt: skip
    return Hit(passage_id=pid, text=text, score=1.0 / pid, citation=citation)


def test_a_vote_question_reads_the_item_its_topic_names_not_the_titles() -> None:
    hits = [
        _minutes(1, "Trustee Appointments", "Trustee Ruiz was appointed. AYES: Ferris, Ruiz"),
        _minutes(2, "Budget Adoption", "Motion to adopt the budget. NAYS: Patel"),
    ]
    question = "Which trustees voted against the budget?"
    terms = ["truste", "budget"]
    # Before: "truste" a topic term, the appointments item as near as the budget's.
    assert [h.passage_id for h in answering._of_the_asked_item(hits, terms, question)] == [2]


# -- (a) a fate named by an act's noun ------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "verb"),
    [("closure", "close"), ("extension", "extend"), ("dissolution", "dissolve"),
     ("abolition", "abolish"), ("demolition", "demolish"), ("acquisition", "acquire"),
     ("expansion", "expand")],
)  # fmt: skip
def test_an_acts_noun_names_its_verb_through_the_analyser(noun: str, verb: str) -> None:
    term, verb_term = ANALYZER.term(noun), ANALYZER.term(verb)
    assert term is not None and verb_term is not None
    assert not term.startswith(verb_term) and not verb_term.startswith(term)  # apart
    assert verb_term in act_verbs(term)


def test_no_pair_is_made_by_letters_alone() -> None:
    # "grant" / "grand", "school" / "scholar" share letters, not an act: no WordNet pointer.
    for word in ("grant", "school", "library", "reduction", "approval"):
        term = ANALYZER.term(word)
        assert term is not None
        assert not ({ANALYZER.term(w) for w in ("grand", "scholar")} & act_verbs(term))
    assert "reduction" not in ACTS  # "reduct" / "reduc": the analyser joins them already


WORDNET = Path("/usr/share/wordnet")


@pytest.mark.skipif(not (WORDNET / "data.noun").exists(), reason="wordnet-base not installed")
def test_the_acts_are_what_the_generator_makes_from_wordnet() -> None:
    assert derived_forms.render(derived_forms.generate(WORDNET)) == (
        Path(derived_forms.TARGET).read_text(encoding="utf-8")
    )


def test_a_fate_named_by_an_acts_noun_states_its_outcome(archives: dict[str, Archive]) -> None:
    # Before: a course ("closure" in no item title or motion: "Petition to Close Birch Lane
    # …", "to close Birch Lane"), the lead the petition's sentence alone.
    question = "What happened to the Birch Lane closure?"
    answer = archives[US_TOWN_2019].reader().ask(SearchRequest(question))
    assert answer.intent is not None and answer.intent.decided and not answer.intent.trend
    assert "Motion failed by the following roll call vote" in (answer.lead or ""), answer.lead


def test_a_fate_whose_noun_no_motion_names_stays_a_course(archives: dict[str, Archive]) -> None:
    answer = (
        archives[US_TOWN_2019]
        .reader()
        .ask(SearchRequest("What happened to the Birch Lane extension?"))
    )
    assert answer.intent is not None and answer.intent.trend and not answer.intent.decided
