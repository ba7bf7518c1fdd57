"""Round 54: other councils' minutes read further (round 53's r53-foreign9 Left (a), (c),
(d), (e)). "Who voted against reducing …?" asks about one vote, no course
(`temporal.ONE_VOTE`): its answer opens on the side's names; "which officials were
present …?" / "who was absent …?" read their words as the label of a top roll of the asked
kind where no top passage holds them ("Staff Present:", "Also Present:", "Regrets:",
"Apologies:", `answering.ROLL_WORDS_AS_LABELLED`); a lettered sub-item "3.b" / "4B." opens
its own line in text without blank lines (`cleaning.LETTERED_ITEM`); "what happened to
X?" asks X's outcome where the archive titles an item by X and records its vote, else a
course (`temporal.FATES`, `sentences.decided_item`). Real files (`tests/data/ingestion/
foreign10/` and earlier probe folders, synthetic), the real reader, tokenizer and indexes
with the bundled model, asked as `/ask` asks (`Reader.ask`); the pattern tests need none."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.ingest.cleaning import clean
from indexer.ingest.readers import RawDocument
from indexer.models import ParsedDocument
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import asked_tally
from search_api.temporal import parse_question

from .conftest import DATA, Build, CountTokens, ingest_one, probe_text

VILLAGE = "foreign10/us_village_2021-05-11.txt"
US_BOARD = "foreign7/us_county_board_2020-01-14.txt"
CA_TOWNSHIP = "foreign7/ca_township_2018-06-19.txt"
IE_COUNTY = "foreign7/ie_county_2018-11-26.txt"
US_TOWN_2022 = "foreign/us_town_council_2022-04-05.txt"
US_TOWN_2019 = "foreign9/us_town_2019-10-08.txt"


@pytest.fixture(scope="module")
def archives(build: Build) -> dict[str, Archive]:
    """Each probe file an archive of its own, built once for the module."""
    return {
        path: build(probe_text(path))
        for path in (VILLAGE, US_BOARD, CA_TOWNSHIP, IE_COUNTY, US_TOWN_2022, US_TOWN_2019)
    }


# -- (a) a vote asked by side is one vote -----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Who voted against reducing the cannabis cultivation tax?",
        "Who voted for increasing the water rate?",
        "Which councillors abstained on the planned highway maintenance programme for 2026/27 "
        "at the Neighbourhood Committee on 15 January 2026?",
        "Which members voted against the response to the provisional local government finance "
        "settlement on 9 January 2025?",
    ],
)
def test_who_voted_on_a_side_is_no_trend(question: str) -> None:
    # Before: a course word ("reducing"), a second time ("for 2026/27") or stages
    # ("provisional") read each as a trend.
    assert asked_tally(question)
    assert not parse_question(question, date(2026, 1, 31)).trend


@pytest.mark.parametrize(
    "question",
    [
        "How has the cannabis cultivation tax been reduced since 2019?",
        "How did the council tax increase change between the draft and the final vote?",
        "Who moved the motion on reducing the speed limit, and how has traffic changed since?",
    ],
)
def test_a_course_asked_without_a_side_of_a_vote_is_still_a_trend(question: str) -> None:
    assert parse_question(question, date(2026, 1, 31)).trend


@pytest.mark.parametrize(
    ("path", "question", "lead"),
    [
        (US_BOARD, "Who voted against reducing the cannabis cultivation tax?",
         "NOES: Supervisors Liu, Ochoa"),
        (VILLAGE, "Who voted against increasing the water rate?", "NAYS: Patel"),
    ],
)  # fmt: skip
def test_who_voted_against_a_course_word_opens_on_that_side(
    archives: dict[str, Archive], path: str, question: str, lead: str
) -> None:
    # Before: read as a trend, the lead was the item's first sentence ("Staff recommended
    # reducing the cannabis cultivation tax …"), the side's names only in the quote.
    answer = archives[path].reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert (answer.lead or "").startswith(f"{lead} ["), answer.lead


# -- (c) the asked kind of roll by the archive's own label --------------------------------


@pytest.mark.parametrize(
    ("path", "question", "opens"),
    [
        (US_BOARD, "Which officials were present at the board meeting on January 14, 2020?",
         "Also Present: County Administrator Paul Greer"),
        (US_TOWN_2022, "Which officials were present at the council meeting on April 5, 2022?",
         "Staff present: Town Manager Erin Walsh"),
        (VILLAGE, "Which officials were present at the board meeting on May 11, 2021?",
         "Also Present: Village Administrator Greg Tan"),
        (CA_TOWNSHIP, "Who was absent from the council meeting on June 19, 2018?",
         "Regrets: Councillor D. Kowalski"),
        (IE_COUNTY, "Who was absent from the November 2018 meeting?",
         "Apologies: Cllr. D. Keane"),
    ],
)  # fmt: skip
def test_an_asked_kind_of_roll_is_answered_from_its_own_label(
    archives: dict[str, Archive], path: str, question: str, opens: str
) -> None:
    # Before: refused, "officials" / "absent" being terms no passage holds.
    answer = archives[path].reader().ask(SearchRequest(question))
    assert not answer.abstained, answer.features
    assert (answer.lead or "").startswith(opens), answer.lead


def test_officials_of_a_heading_block_roll_are_no_longer_refused(
    archives: dict[str, Archive],
) -> None:
    # The Canadian township's "Staff Present:" stands in its heading block: answered now
    # (its lead is the block's opening, round 53's Left (b)), the staff quoted.
    question = "Which officials were present at the council meeting on June 19, 2018?"
    answer = archives[CA_TOWNSHIP].reader().ask(SearchRequest(question))
    assert not answer.abstained, answer.features
    assert any("Staff Present: L. Grant" in c.quote for c in answer.citations), answer.text


def test_a_kind_word_the_archive_holds_is_read_as_asked(archives: dict[str, Archive]) -> None:
    # The Irish minutes print "Officials Present:": the question's word is held, read as is.
    question = "Which officials were present at the November 2018 meeting?"
    answer = archives[IE_COUNTY].reader().ask(SearchRequest(question))
    assert (answer.lead or "").startswith("Officials Present: Mr. J. Walsh"), answer.lead


# -- (d) a lettered sub-item in text without blank lines ----------------------------------


@pytest.fixture(scope="module")
def village(count_tokens: CountTokens, tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    return ingest_one(DATA / VILLAGE, tmp_path_factory.mktemp("v"), count_tokens)


@pytest.mark.parametrize(
    ("item", "title", "opens"),
    [
        ("3.b", "Water Rate Increase for Fiscal Year 2022", "Director Dunn reported"),
        ("4B", "Sidewalk Cafe Permit Program", "The Administrator presented a permit program"),
    ],
)
def test_a_lettered_line_after_a_full_sentence_line_opens_its_item(
    village: ParsedDocument, item: str, title: str, opens: str
) -> None:
    # Before: "3.b Water Rate …" was joined to the full line before it ("… Motion carried
    # 4-0 (Moss absent). 3.b Water Rate Increase …") and its item read as 3.a's.
    chunks = [c for c in village.chunks if c.item == item]
    assert chunks, [(c.item, c.item_title) for c in village.chunks]
    assert chunks[0].item_title == title
    assert chunks[0].text.startswith(opens), chunks[0].text
    before = {"3.b": "3.a", "4B": "4A"}[item]
    assert not any(title in c.text for c in village.chunks if c.item == before)


def test_a_lettered_line_after_a_clause_left_open_goes_on() -> None:
    text = (
        "The applicant relies on the exemption for small premises in paragraph\n"
        "5A. Schedule 2 of the Licensing Regulations, which the officer accepted.\n"
    )
    paras = [p.text for p in clean(RawDocument(format="text", pages=[text], paged=False))]
    assert paras == [" ".join(text.split())], paras


# -- (e) what happened to X, decided by the archive's layout -----------------------------


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("What happened to the sidewalk cafe permit program?", "the sidewalk cafe permit program"),
        ("What happened to the water rate increase?", "the water rate increase"),
        ("What happened to the household support fund in autumn 2024?",
         "the household support fund"),
    ],
)  # fmt: skip
def test_what_happened_to_a_thing_keeps_the_thing(question: str, thing: str) -> None:
    intent = parse_question(question, date(2025, 12, 31))
    assert intent.trend and intent.fate == thing


@pytest.mark.parametrize(
    "question",
    [
        "Between the draft and the final budget, what happened to the money for grants?",
        "what happened to the call-in of the family hubs decision from scrutiny to full council",
        "What has happened with the multi agency safeguarding hub since late 2018?",
        "What happened to the parking charges, and how have they increased?",
    ],
)
def test_what_happened_with_a_course_named_besides_is_a_course(question: str) -> None:
    intent = parse_question(question, date(2025, 12, 31))
    assert intent.trend and intent.fate is None


@pytest.mark.parametrize(
    ("path", "question", "outcome"),
    [
        (VILLAGE, "What happened to the sidewalk cafe permit program?", "Motion failed"),
        (VILLAGE, "What happened to the water rate increase?", "Motion carried"),
        (US_BOARD, "What happened to the cannabis cultivation tax rate?", "motion failed"),
        (US_TOWN_2019, "What happened to the Elm Street crosswalk?", "Motion carried 4-0"),
    ],
)  # fmt: skip
def test_what_happened_to_an_item_the_minutes_decide_states_its_outcome(
    archives: dict[str, Archive], path: str, question: str, outcome: str
) -> None:
    # Before: a course over meetings, the lead the item's first sentence, no outcome.
    answer = archives[path].reader().ask(SearchRequest(question))
    assert not answer.abstained
    assert answer.intent is not None and answer.intent.decided and not answer.intent.trend
    assert outcome in (answer.lead or ""), answer.lead


@pytest.mark.parametrize(
    ("path", "question"),
    [
        (VILLAGE, "What happened to the speed limit on Orchard Road?"),  # no vote recorded
        (US_BOARD, "What happened to the cannabis cultivation tax exemption?"),  # no such item
        (US_TOWN_2019, "What happened to library visits?"),
    ],
)
def test_what_happened_to_a_thing_no_item_decides_stays_a_course(
    archives: dict[str, Archive], path: str, question: str
) -> None:
    answer = archives[path].reader().ask(SearchRequest(question))
    assert answer.intent is not None and answer.intent.trend and not answer.intent.decided
