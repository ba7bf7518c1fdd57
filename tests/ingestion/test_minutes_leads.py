"""Round 51: what other councils' converted minutes are asked about, answered on the first
line. A motion's outcome as Canadian, US and Irish minutes write it ("Moved by: …" /
"Seconded by: …" over "DEFEATED", "The motion failed by the following vote", "The
Cathaoirleach declared the motion lost") and in the opening line where only the bullet
had it ("Lost."); an attendance answer opening on the list of the kind asked, not on the
minutes' first line or an "Also Present:" list; an Irish heading block's roll cut at each
label; "who moved …?" opened on the quote that names the mover. Real files
(`tests/data/ingestion/foreign7/`, `foreign_filed/`, synthetic), the real reader and
indexes with the bundled model, asked as `/ask` asks (`Reader.ask`); the pattern tests
need no index."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.text import split_sentences
from search_api.answering import key_clause
from search_api.search import SearchRequest
from search_api.sentences import aspects_of, candidates, names_mover, outcome_after, proposes
from tests.answering.builders import hit

from .conftest import Build, probe_text

CANNABIS = (
    "The Clerk-Administrator reported on the option to opt out of cannabis retail stores "
    "within the township before January 22, 2019.\nResolution No. 2018-146 Moved by: "
    "Councillor Bouchard Seconded by: Councillor MacLeod\nTHAT Council opt out of hosting "
    "cannabis retail stores in the Township of Cedar Falls."
)


def test_a_mover_and_seconder_on_consecutive_labels_put_one_proposal() -> None:
    # On main "Seconded by:" read as a second motion put after the one read: the reading
    # stopped there (True) and "DEFEATED" in the next passage was never reached.
    start = CANNABIS.index("Resolution")
    assert outcome_after(CANNABIS, 0, True, 40) is False
    assert proposes(CANNABIS[start:])
    moved = "Moved by Cllr. A. Smith, seconded by Cllr. B. Jones. CARRIED"
    found = outcome_after(moved, 0, True, 40)
    assert isinstance(found, tuple), found
    assert moved[found[0] : found[1]] == "CARRIED"
    # Two proposals stay two: another motion's vote is no answer.
    assert outcome_after("Moved by Mr A. Jones. Later it was seconded by Mrs Y. Motion lost",
                         0, True, 40) is True  # fmt: skip


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("A vote was taken: For 3, Against 5. The Cathaoirleach declared the motion lost.",
         "The Cathaoirleach declared the motion lost."),
        ("Motion by Supervisor Becker to reduce the tax. The motion failed by the following "
         "vote:", "The motion failed"),
        ("Motion failed 2-3.", "Motion failed 2-3."),
    ],
)  # fmt: skip
def test_an_outcome_declared_or_failed_is_read(text: str, outcome: str) -> None:
    found = outcome_after(text, 0, True, 40)
    assert isinstance(found, tuple), found
    assert text[found[0] : found[1]] == outcome


def test_a_motion_that_failed_to_win_support_states_no_outcome() -> None:
    assert outcome_after("The motion failed to win support among members", 0, False, 40) is False


@pytest.mark.parametrize(
    ("path", "question", "outcome"),
    [
        ("foreign_filed/au_2019-03-12.txt",
         "What happened to the motion on swimming pool opening hours?", "Lost"),
        ("foreign7/ca_township_2018-06-19.txt",
         "What happened to the motion to opt out of cannabis retail stores?", "DEFEATED"),
        ("foreign7/us_county_board_2020-01-14.txt",
         "What happened to the cannabis cultivation tax reduction motion?", "The motion failed"),
        ("foreign7/ie_county_2018-11-26.txt",
         "What happened to the motion on the local property tax?",
         "The Cathaoirleach declared the motion lost"),
    ],
)  # fmt: skip
def test_a_motions_outcome_opens_the_answer(
    build: Build, path: str, question: str, outcome: str
) -> None:
    answer = build(probe_text(path)).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert any(outcome in c.quote for c in answer.citations), answer.text
    assert outcome in (answer.lead or ""), answer.lead


@pytest.mark.parametrize(
    ("path", "question", "opens", "not_in_lead"),
    [
        # "1. PRESENT" is an item title: the list has no label, and the minutes' opening
        # line ("Minutes of the Ordinary Meeting of Council held on …") opened the answer.
        ("foreign_filed/au_2019-03-12.txt",
         "Who attended the ordinary council meeting on 12 March 2019?",
         "Cr J. Kelly (Mayor)", "Minutes of the Ordinary Meeting"),
        ("foreign7/us_county_board_2020-01-14.txt",
         "Who was present at the Board of Supervisors meeting on January 14, 2020?",
         "Supervisors Present: Chair Linda Moreno", "Also Present"),
        ("foreign7/ie_county_2018-11-26.txt",
         "Who gave apologies at the November 2018 meeting?",
         "Apologies: Cllr. D. Keane", "Members Present"),
        ("foreign7/ie_county_2018-11-26.txt",
         "Who attended the county council meeting on 26 November 2018?",
         "Members Present: Cllr. S. Byrne", "Apologies"),
        # Read only at each label, "who attended" was answered by "In Attendance:".
        ("foreign_filed/ie_town_2019-03-14.txt",
         "Who attended the municipal district meeting on 14 March 2019?",
         "Present: Cllr. P. Doyle (Cathaoirleach)", "In Attendance"),
    ],
)  # fmt: skip
def test_an_attendance_answer_opens_on_the_roll_asked_for(
    build: Build, path: str, question: str, opens: str, not_in_lead: str
) -> None:
    answer = build(probe_text(path)).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert (answer.lead or "").startswith(opens), answer.lead
    assert not_in_lead not in (answer.lead or ""), answer.lead


def test_an_irish_heading_blocks_roll_is_read_whole_and_at_each_label() -> None:
    text = (
        "Members Present: Cllr. S. Byrne, Cllr. T. Casey, Cllr. F. Quinn Apologies: Cllr. D. "
        "Keane Officials Present: Mr. J. Walsh, Chief Executive"
    )
    rolls = [c.text for c in candidates([hit(1, date(2018, 11, 26), text)], rolls=True) if c.roll]
    assert rolls == [
        text,
        "Apologies: Cllr. D. Keane",
        "Officials Present: Mr. J. Walsh, Chief Executive",
    ]


@pytest.mark.parametrize(
    ("path", "question", "mover"),
    [
        ("foreign7/ca_township_2018-06-19.txt",
         "Who moved the motion to opt out of cannabis retail stores?",
         "Moved by: Councillor Bouchard"),
        ("foreign7/ca_township_2018-06-19.txt",
         "Who moved the gravel road resurfacing resolution?", "Moved by: Deputy Mayor Fraser"),
        ("foreign_filed/ie_town_2019-03-14.txt",
         "Who proposed adopting the Roads Programme 2019?",
         "On the proposal of Cllr. Kinsella, seconded by Cllr. O'Neill"),
        ("foreign7/ie_county_2018-11-26.txt",
         "Who proposed the motion on rural bus services?",
         "Cllr. Flanagan moved the following motion"),
    ],
)  # fmt: skip
def test_who_moved_opens_on_the_mover(build: Build, path: str, question: str, mover: str) -> None:
    answer = build(probe_text(path)).reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert mover in (answer.lead or ""), answer.lead


def test_a_clause_goes_on_past_a_titles_full_stop() -> None:
    quote = (
        "Mr. Kavanagh presented the 2019 Roads Programme and the allocation for restoration "
        "works. On the proposal of Cllr. Kinsella, seconded by Cllr. O'Neill, the Roads "
        "Programme 2019 was adopted."
    )
    aspects = aspects_of("Who proposed adopting the Roads Programme 2019?", "Roads Programme")
    assert names_mover("On the proposal of Cllr. Kinsella")
    assert "Cllr. Kinsella, seconded by Cllr. O'Neill" in key_clause(quote, aspects)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Ms. Dunne presented the Housing Delivery Report. 164 social homes had been delivered "
         "in 2018 against a target of 190.",
         "164 social homes had been delivered in 2018 against a target of 190."),
        # Kent's own, quoted without their figure before round 51.
        ("The consultation closed. 672 consultees chose to answer questions regarding this Hub.",
         "672 consultees chose to answer questions regarding this Hub."),
        # A paragraph's number stays trimmed: before a capital, or with its stop.
        ("3 The council agreed the plan.", "The council agreed the plan."),
        ("12. members noted the report.", "members noted the report."),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_a_figure_keeps_it(text: str, sentence: str) -> None:
    assert sentence in [s.text for s in split_sentences(text)]


def test_how_many_is_answered_with_the_figure_that_opens_the_sentence(build: Build) -> None:
    answer = (
        build(probe_text("foreign7/ie_county_2018-11-26.txt"))
        .reader()
        .ask(SearchRequest("How many social homes were delivered in 2018?"))
    )
    assert not answer.abstained
    assert "164 social homes" in (answer.lead or ""), answer.lead
