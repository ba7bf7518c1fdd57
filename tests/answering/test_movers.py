"""Round 44: "who moved …?" and "who seconded …?" over minutes from other countries
(`tests/data/ingestion/foreign/`, synthetic). New Zealand writes a motion's mover and
seconder on its outcome's line ("Pomare/Ellery CARRIED"), after the motion; Australia and
Canada label them before it ("Moved: Cr Nguyen Seconded: Cr Chen That Council …"), which
flattened to one line the sentence splitter cut at each label's colon. Fast: no index, the
product's AnswerBuilder over the passages as the index stores them (one line each)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pytest

from indexer.models import Hit
from search_api.answering import Answer
from search_api.sentences import (
    asked_tally,
    asks_mover,
    candidates,
    outcome_after,
    records_vote,
)
from search_api.temporal import DateSpan, TemporalIntent
from tests.answering.builders import answering_builder, hit

NZ_DAY = date(2018, 5, 24)
AU_DAY = date(2019, 3, 12)

# Tarawera District Council, 24 May 2018 (nz_district_council_2018-05-24.txt), items 1 and 4.
APOLOGY = "That the apology from Councillor Fenton be received. Pomare/Ellery CARRIED"
CHLORINATION = (
    "Councillors discussed the Ministry of Health's letter asking every supplier to treat "
    "drinking water. That the Council approves the permanent chlorination of all four "
    "council water supplies from 1 July 2018."
)
CHLORINATION_VOTE = (
    "Hohaia/Singh CARRIED Councillors Marsh and Pomare asked that their votes against be "
    "recorded. The meeting closed at 12.10pm."
)
# Koorawatha Regional Council, 12 March 2019 (au_ordinary_council_2019-03-12.md), item 11.2.
TENDER = (
    "Three tenders were received for the pool upgrade. The evaluation panel recommended "
    "Aquatic Build Pty Ltd at a price of $2,865,000 (excluding GST), which was within the "
    "grant-funded budget of $3.1 million. Resolution 2019/124 Moved: Cr Nguyen Seconded: Cr "
    "Chen That Council accept the tender from Aquatic Build Pty Ltd for the Koorawatha Pool "
    "Upgrade for $2,865,000 (excluding GST). CARRIED"
)


def _following(passages: Sequence[Hit]) -> object:
    after = {a.passage_id: b for a, b in zip(passages, passages[1:], strict=False)}

    def following(hits: Sequence[Hit]) -> Mapping[int, Hit]:
        return {h.passage_id: after[h.passage_id] for h in hits if h.passage_id in after}

    return following


def _answer(question: str, passages: Sequence[Hit]) -> tuple[str, list[str]]:
    intent = TemporalIntent(span=None, trend=False, topic=question)
    r = answering_builder().answer(
        intent, passages[:1], {passages[0].passage_id: 0.6}, {}, question=question,
        following=_following(passages),  # type: ignore[arg-type]
    )  # fmt: skip
    assert not r.abstained, r.text
    for c in r.citations:
        assert c.quote in c.text
    return r.lead or "", [c.quote for c in r.citations]


@pytest.mark.parametrize(
    "question",
    [
        "Who moved the apology from Councillor Fenton?",
        "Who seconded the chlorination of the water supplies?",
        "Who proposed the request for voids funding?",
        "The tender was moved by which councillor?",
        "Who were the mover and seconder of the budget resolution?",
        "Who voted against the Councillor Expenses Policy?",
        # Round 45: abstentions are a vote's names too; "which councillors" asks who.
        "Who abstained on the adoption of the Long Term Plan?",
        "Which councillors abstained in the vote on the budget?",
        "Did anyone abstain on the motion?",
        "Which members voted against the amendment?",
    ],
)
def test_a_question_asking_who_moved_a_motion_asks_for_its_mover(question: str) -> None:
    assert asks_mover(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who moved to the new office in April?",
        "How has the share of pupils in independent schools moved?",
        "What was resolved about the chlorination of water supplies?",
        "Which councillors sit on the planning committee?",
    ],
)
def test_other_questions_do_not(question: str) -> None:
    assert not asks_mover(question)


def test_a_shorthand_outcome_is_quoted_with_its_mover_and_seconder() -> None:
    """ "Pomare/Ellery CARRIED": the outcome line is the names and the vote."""
    text = APOLOGY
    span = outcome_after(text, text.index("Pomare") - 1, False, 80)
    assert isinstance(span, tuple) and text[span[0] : span[1]] == "Pomare/Ellery CARRIED"


def test_who_moved_is_answered_with_the_shorthand_after_the_motion() -> None:
    lead, quotes = _answer(
        "Who moved the apology from Councillor Fenton?", [hit(1, NZ_DAY, APOLOGY)]
    )
    assert any("Pomare/Ellery CARRIED" in q for q in quotes), quotes
    assert "Pomare/Ellery" in lead


def test_who_seconded_reads_on_into_the_next_passage() -> None:
    """The motion ends its passage; the vote's line opens the next one."""
    passages = [hit(1, NZ_DAY, CHLORINATION), hit(2, NZ_DAY, CHLORINATION_VOTE)]
    _, quotes = _answer("Who seconded the chlorination of the council water supplies?", passages)
    assert "Hohaia/Singh CARRIED" in quotes, quotes


def test_a_labelled_mover_and_seconder_stay_with_their_motion() -> None:
    """ "Moved: Cr Nguyen Seconded: Cr Chen That Council accept …" is one candidate: the
    motion does not open on its seconder's name, nor is the mover a stray piece."""
    texts = [c.text for c in candidates([hit(1, AU_DAY, TENDER)])]
    motion = [t for t in texts if "accept the tender" in t and not t.startswith("Three")]
    assert motion and motion[0].startswith("Moved: Cr Nguyen Seconded: Cr Chen That Council")
    assert not [t for t in texts if t.startswith("Cr Chen")], texts
    lead, quotes = _answer("Who moved the tender for the Koorawatha Pool Upgrade?",
                           [hit(1, AU_DAY, TENDER)])  # fmt: skip
    assert lead.startswith("Moved: Cr Nguyen Seconded: Cr Chen"), lead
    assert any("Moved: Cr Nguyen" in q for q in quotes), quotes


# Barralong Shire Council, 22 June 2021 (au_shire_council_2021-06-22.txt), item 8.5.
EXPENSES = (
    "Moved: Cr Lindqvist Seconded: Cr Taylor That Council adopt the revised Councillor "
    "Expenses Policy. CARRIED 4/1 For: Crs Murray, Patel, Hughes and Lindqvist Against: Cr "
    "Taylor The meeting closed at 10.35am."
)


def test_a_tally_by_name_after_the_outcome_is_quoted_with_it() -> None:
    """ "CARRIED 4/1" / "For: Crs Murray, …" / "Against: Cr Taylor": who voted how, up to
    the first word that is no name."""
    span = outcome_after(EXPENSES, EXPENSES.index("Policy.") + 7, False, 80)
    assert isinstance(span, tuple)
    assert EXPENSES[span[0] : span[1]] == (
        "CARRIED 4/1 For: Crs Murray, Patel, Hughes and Lindqvist Against: Cr Taylor"
    )
    _, quotes = _answer("Who voted against the Councillor Expenses Policy?",
                        [hit(1, date(2021, 6, 22), EXPENSES)])  # fmt: skip
    assert any("Against: Cr Taylor" in q for q in quotes), quotes


# Kent County Council, 19 December 2024 (full_council/2025-02-13/19 December 2024 - County
# Council minutes.pdf), item 278: the vote's counts with their names, the outcome last.
KENT_LTP = (
    "1) Mr Baker proposed, and Mr Robey seconded the motion that \u201cCounty Council is "
    "asked to approve and adopt Local Transport Plan 5: Striking the Balance. 2) Following the "
    "debate, the Chairman put the motion set out in paragraph 1 to the vote and the voting was "
    "as follows. For (40) Mr Baker, Mr Barrington-King, Mr Bartlett, Mrs Bell Against (6) Mrs "
    "Dean, Mr Hook, Mr Passmore, Mr Shonk, Mr Sole, Mr Streatfeild Abstain (2) Mr Stepto, Ms "
    "Wright Motion carried."
)


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("Who voted against the Local Transport Plan 5?", "Against"),
        ("Which councillors abstained in the vote on the Family Farm Tax motion?", "Abstain"),
        ("Who voted for the amendment?", "For"),
        ("Who moved the Family Farm Tax motion?", ""),
        ("Was the Local Transport Plan opposed by residents?", ""),
    ],
)
def test_a_question_asking_who_voted_names_the_side_it_asks_for(question: str, side: str) -> None:
    assert asked_tally(question) == side


def test_who_voted_against_is_answered_from_the_against_count() -> None:
    """Kent prints For, Against and Abstain with their names before the outcome: the
    answer to "who voted against" opens on "Against (6)", not on the last count."""
    start = KENT_LTP.index("as follows.") + 11
    span = outcome_after(KENT_LTP, start, True, 120, "Against")
    assert isinstance(span, tuple)
    assert KENT_LTP[span[0] : span[1]].startswith("Against (6) Mrs Dean, Mr Hook")
    last = outcome_after(KENT_LTP, start, True, 120)
    assert isinstance(last, tuple) and KENT_LTP[last[0] :].startswith("Abstain (2) Mr Stepto")
    _, quotes = _answer("Who voted against the Local Transport Plan 5?",
                        [hit(1, date(2024, 12, 19), KENT_LTP)])  # fmt: skip
    assert any(q.startswith("Against (6) Mrs Dean") for q in quotes), quotes


def test_a_named_tally_ends_with_its_names() -> None:
    """ "… Against: Cr Taylor The meeting closed at 10.35am.": no full stop stands between
    the tally and the next sentence, which is a sentence of its own (round 44's Left (a))."""
    texts = [c.text for c in candidates([hit(1, date(2021, 6, 22), EXPENSES)]) if not c.items]
    assert "The meeting closed at 10.35am." in texts, texts
    assert not any("Cr Taylor The meeting" in t for t in texts), texts


# Round 46: Kent ends a passage on each count of a recorded vote, its names opening the
# next (County Council, 19 December 2024, the Electoral Reform motion: ka46-003's kind).
REFORM_MOTION = (
    "3) Mr Streatfeild proposed, and Mr Hook seconded the motion that “This Council notes "
    "that public trust in local government has sunk to its lowest-ever recorded level.” 4) "
    "Following the debate the Chairman put the motion set out in paragraph 3 to the vote and "
    "the voting was as follows: For (14)"
)
REFORM_FOR = "Mr Brady, Mr Campkin, Ms Dawkins, Mrs Dean, Ms Grehan, Mr Stepto\nAgainst (37)"
REFORM_AGAINST = (
    "Mr Baker, Mr Beaney, Mrs Bell, Mrs Binks, Mr Kite, Mr Love, Mr Mallon, Mr McInroy, Ms "
    "Wright\nAbstain (0)\nMotion lost."
)


def test_who_voted_against_reads_the_names_opening_the_next_passage() -> None:
    """The Against count ends the passage before the outcome's: the outcome's passage is
    quoted from its start, the names, not from "Abstain (0)"."""
    day = date(2024, 12, 19)
    passages = [hit(1, day, REFORM_MOTION), hit(2, day, REFORM_FOR), hit(3, day, REFORM_AGAINST)]
    _, quotes = _answer("Who voted against the electoral reform motion?", passages)
    assert any(q.startswith("Mr Baker, Mr Beaney, Mrs Bell") for q in quotes), quotes
    _, quotes = _answer("Who abstained on the electoral reform motion?", passages)
    assert any(q.startswith("Abstain (0)") for q in quotes), quotes  # its count is here


# Inverbrae Council, 28 September 2017 (sc_council_2017-09-28.txt), item 3: a Scottish
# division, each side's count and names on a line of their own after a dash.
SC_DIVISION = (
    "Councillor Lennox, seconded by Councillor Cowie, moved as an amendment:- that the Council "
    "note the projected outturn and instruct officers to report on the use of reserves to meet "
    "the overspend instead of further savings.\nOn a division, there voted:-\nFor the motion "
    "(5) - Provost Munro and Councillors Baird, Fraser, Grant and Wallace.\nFor the amendment "
    "(2) - Councillors Cowie and Lennox.\nDeclined to vote (1) - Councillor Shaw.\nThe Council "
    "resolved:- to adopt the motion."
)


def test_a_divisions_side_is_one_candidate_with_its_names() -> None:
    """The splitter cut "For the amendment (2)" from "Councillors Cowie and Lennox.": two
    stray pieces, so "who voted for the amendment?" was answered with its mover."""
    texts = [c.text for c in candidates([hit(1, date(2017, 9, 28), SC_DIVISION)])]
    assert "For the amendment (2) - Councillors Cowie and Lennox." in texts, texts
    assert "Declined to vote (1) - Councillor Shaw." in texts, texts
    _, quotes = _answer("Who voted for the amendment on the revenue budget at Inverbrae?",
                        [hit(1, date(2017, 9, 28), SC_DIVISION)])  # fmt: skip
    assert any("For the amendment (2) - Councillors Cowie and Lennox." in q for q in quotes)


# Koorawatha, item 11.1: a table's source line and a resolution's labels, each on its line.
AU_SOURCE = (
    "Fund Original budget ($'000) Revised budget ($'000)\nGeneral 812 1,104\nWater 96 188\n"
    "Sewer 52 128\nSource: Koorawatha Regional Council, Quarterly Budget Review Statement, "
    "December 2018\nResolution 2019/123\nMoved: Cr Smith Seconded: Cr Jones\nThat Council adopt "
    "the Quarterly Budget Review Statement for December 2018 and approve the budget variations "
    "shown in the report.\nCARRIED"
)


def test_a_label_and_its_text_on_one_line_lead_no_list() -> None:
    """ "Source: …" was read as a list's lead-in: the source, the resolution's number and
    the motion quoted as one list of six items."""
    lists = [c.text for c in candidates([hit(1, AU_DAY, AU_SOURCE)]) if c.items]
    assert not lists, lists
    led = "The main risks are as follows:\nParking congestion\nRoad safety\nNoise"
    assert [c.items for c in candidates([hit(1, AU_DAY, led)]) if c.items] == [3]
    # An attendance list running on past a dash is its label's list still (ka44-006).
    officers = (
        "IN ATTENDANCE: Mr J Betts (Interim Corporate Director Finance), Mr N Abrahams (Area "
        "Education Officer – West Kent), Ms C McInnes (Director of Education)"
    )
    assert [c.items for c in candidates([hit(1, AU_DAY, officers)]) if c.items] == [2]
    # A label whose value opens on a bullet is its list's lead-in (the seeds' s2-45).
    bulleted = (
        "Workforce development:\n- Career progression pathway and linked Social Work Academy "
        "offer under construction.\n- Delivery of revised frontline manager development programme"
    )
    assert [c.items for c in candidates([hit(1, AU_DAY, bulleted)]) if c.items] == [2]


# Round 47: a vote recorded without its sides. Kingston and North Kingston Neighbourhood
# Committee, 15 January 2026 (Agenda_151.html), item 60: the deferral "voted on and
# carried"; a Cabinet's decision is a resolution, no vote at all.
KINGSTON_DAY = date(2026, 1, 15)
DEFERRAL = (
    "A proposal was made by the Chair to defer the decision to the March committee meeting "
    "pending further research by the Highways department. The proposal was seconded by "
    "Councillor Sadr-Hashemi, voted on and carried."
)
DEFERRED = (
    "RESOLVED that the decision on the implementation of the scheme as shown in Annex 1 be "
    "deferred to the Committee meeting in March 2026."
)
# Kent County Council, 9 January 2025 (Printed minutes, "Election of Chair").
KENT_CHAIR = (
    "RESTRICTED ITEMS Mr Gough proposed, and Mr Brady seconded that Mr G Cooke be elected to "
    "Chair the meeting. No other nominations were received. Agreed unanimously."
)


@pytest.mark.parametrize(
    ("text", "recorded"),
    [
        ("Against (6) Mrs Dean, Mr Hook", True),
        ("CARRIED 4/1 For: Crs Murray, Patel, Hughes and Lindqvist Against: Cr Taylor", True),
        ("Roll Call Vote: Ayes: Kowalski, Mendez, Okafor Nays: Lund, Brennan", True),
        ("For the motion (5) - Provost Munro and Councillors Baird and Grant.", True),
        ("Approval of the minutes. Motion carried 5-0.", True),
        ("Councillors Marsh and Pomare asked that their votes against be recorded.", True),
        ("Mr Lehmann wished it to be recorded that he voted against the motion.", True),
        ("No other nominations were received. Agreed unanimously.", True),
        ("Voting: unanimous", True),
        (DEFERRAL, False),
        (DEFERRED, False),
        (
            "Following the debate, the Chairman put the amendment to the vote and it was agreed.",
            False,
        ),
        ("Pomare/Ellery CARRIED", False),
        ("must not cast their vote on anything related to the Budget", False),
        ("The Council approved 2024-25 spending of £1.5bn.", False),
    ],
)
def test_a_vote_is_recorded_by_side_count_name_or_unanimity(text: str, recorded: bool) -> None:
    assert records_vote(text) is recorded


def _on(question: str, day: date, hits: list[Hit]) -> Answer:
    span = DateSpan(start=day, end=day, text=f"on {day:%d %B %Y}")
    intent = TemporalIntent(span=span, trend=False, topic=question)
    cosines = {h.passage_id: 0.6 - 0.01 * i for i, h in enumerate(hits)}
    return answering_builder().answer(
        intent, hits, cosines, {}, question=question, following=_following(hits),  # type: ignore[arg-type]
    )  # fmt: skip


def test_who_voted_on_a_vote_recorded_without_its_sides_abstains() -> None:
    """ua46-008's kind: "voted on and carried" names no one who voted against; the answer
    quoted the item's sentences. With a record of the sides it answers."""
    question = (
        "Who voted against deferring the zebra crossing decision at the Neighbourhood "
        "Committee on 15 January 2026?"
    )
    hits = [hit(1, KINGSTON_DAY, DEFERRAL), hit(2, KINGSTON_DAY, DEFERRED)]
    assert _on(question, KINGSTON_DAY, hits).abstained
    named = hit(3, KINGSTON_DAY, "Councillor Bass asked that her vote against be recorded.")
    r = _on(question, KINGSTON_DAY, [*hits, named])
    assert not r.abstained, r.text
    # Another meeting's tally is no record of this one's vote.
    other = hit(3, date(2025, 12, 4), "Against (2) Councillor Bass, Councillor Hall")
    assert _on(question, KINGSTON_DAY, [*hits, other]).abstained


def test_a_vote_agreed_unanimously_answers_who_voted_against() -> None:
    """ "Agreed unanimously." is the vote's outcome: no one voted against (ka47-003)."""
    start = KENT_CHAIR.index("Chair the meeting.") + 18
    span = outcome_after(KENT_CHAIR, start, False, 80, "Against")
    assert isinstance(span, tuple) and KENT_CHAIR[span[0] : span[1]] == "Agreed unanimously."
    day = date(2025, 1, 9)
    r = _on("Who voted against electing Mr Cooke to chair the meeting on 9 January 2025?",
            day, [hit(1, day, KENT_CHAIR)])  # fmt: skip
    assert not r.abstained, r.text
    assert any(c.quote.endswith("Agreed unanimously.") for c in r.citations), r.text


def test_a_vote_of_the_committee_named_is_read_not_anothers_the_same_day() -> None:
    """Kent's County Council and Cabinet both met on 9 January 2025: the Council's tallies
    record no Cabinet vote (ua47-006's kind)."""
    day = date(2025, 1, 9)

    def of(h: Hit, committee: str) -> Hit:
        return h.model_copy(update={"citation": h.citation.model_copy(
            update={"committee": committee})})  # fmt: skip

    council = of(hit(1, day, "Against (37) Mr Baker, Mr Beaney Abstain (0) Motion lost."),
                 "County Council")  # fmt: skip
    cabinet = of(hit(2, day, "RESOLVED that Cabinet agree to submit a request to Government."),
                 "Cabinet")  # fmt: skip
    question = "Who voted for the request to Government at the Cabinet meeting on 9 January 2025?"
    assert _on(question, day, [council, cabinet]).abstained
    assert not _on(question.replace("Cabinet meeting", "County Council meeting"), day,
                   [council, cabinet]).abstained  # fmt: skip


# Kingston and North Kingston Neighbourhood Committee, 15 January 2026 (minutes, items 62-63).
HIGHWAYS = (
    "The Committee noted that the proposed annual programme of planned highway maintenance "
    "would be presented for approval by the Place Committee on 5 February 2026. The Committee "
    "was asked to comment on the programme relevant to the respective Neighbourhood."
)
GRANTS = (
    "It was RESOLVED that: 1. the redistribution of any remaining Councillor Ward Funding to "
    "the Neighbourhood Community Grants Programme be approved; and Voting: unanimous 2. the "
    "application for £1,800 of Neighbourhood Community Grant funding be approved."
)


def test_a_vote_on_another_item_the_same_day_is_no_record_of_the_item_asked() -> None:
    """ua47-019's kind (round 47, r47-roll2): the meeting's "Voting: unanimous" stands under
    Community Grants; the highway maintenance programme was commented on, not voted on."""

    def item(h: Hit, title: str) -> Hit:
        return h.model_copy(update={"citation": h.citation.model_copy(
            update={"item_title": title, "doc_type": "agenda and minutes"})})  # fmt: skip

    hits = [
        item(hit(1, KINGSTON_DAY, HIGHWAYS), "Planned Highway Maintenance Programme 2026/27"),
        item(hit(2, KINGSTON_DAY, GRANTS), "Community Grants Programme"),
    ]
    question = (
        "Which councillors abstained on the planned highway maintenance programme at the "
        "Neighbourhood Committee on 15 January 2026?"
    )
    assert _on(question, KINGSTON_DAY, hits).abstained
    grants = "Who voted against the Community Grants funding on 15 January 2026?"
    assert not _on(grants, KINGSTON_DAY, hits).abstained
    # No item's title names the topic: the whole meeting is read, as before.
    assert not _on("Who voted against it on 15 January 2026?", KINGSTON_DAY, hits).abstained


def test_a_question_on_the_motion_takes_no_amendments_outcome() -> None:
    """ka44-016's kind (round 47, r47-roll2): amendments put to the substantive motion are
    voted on before it; "who abstained on the substantive motion …?" quoted the first
    amendment's vote once reading on reached it."""
    day = date(2025, 1, 9)
    hits = [
        hit(1, day, "Mr Hood proposed and Mr Baldock seconded the following amendment to the "
                    "substantive devolution motion set out in paragraph 15."),
        hit(2, day, "Following the debate the amendment was put to the vote. Abstain (4) Mrs "
                    "Bruneau, Mr Chittenden, Mrs Dean, Mr Webb Amendment lost."),
        hit(3, day, "The Chairman put the substantive devolution motion set out in paragraph 15 "
                    "to the vote and the voting was as follows. Abstain (1) Ms Constantine "
                    "Substantive Motion carried."),
    ]  # fmt: skip
    question = "Who abstained on the substantive devolution motion on 9 January 2025?"
    r = _on(question, day, hits)
    quotes = " | ".join(c.quote for c in r.citations)
    assert "Ms Constantine" in quotes and "Mr Webb" not in quotes, r.text
    amendment = "Who abstained on Mr Hood's amendment to the devolution motion on 9 January 2025?"
    assert "Mr Webb" in " | ".join(c.quote for c in _on(amendment, day, hits).citations)


def _in_item(h: Hit, item: str | None) -> Hit:
    """`h` as a passage of one set of minutes, under agenda item `item` (None: minutes
    that print no item)."""
    return h.model_copy(update={"citation": h.citation.model_copy(
        update={"document_id": "minutes", "doc_type": "minutes", "item": item})})  # fmt: skip


PASSMORE = (
    "Mr Passmore proposed and Mr Hook seconded the following amendment to the substantive "
    "motion set out in paragraph 15."
)
POINTS = [
    f"({n}) Endorse point {n} of the ongoing joint work with Medway Council on the devolution "
    "programme, subject to the conditions set out in the report."
    for n in range(1, 8)
]
PASSMORE_ASKED = (
    "Who abstained on Mr Passmore's amendment to the devolution motion on 9 January 2025?"
)
PASSMORE_VOTE = (
    "Following the debate the Chairman put the amendment to the vote. Abstain (4) Mr Brady, "
    "Ms Constantine, Ms Meade, Dr Sullivan Amendment lost."
)


def test_an_amendments_vote_is_read_to_the_end_of_its_item() -> None:
    """ka45-003's kind (round 48, r48-roll3): the amendment restates the motion's points
    over more passages than `OUTCOME_HOPS` before its vote; reading on to the end of the
    agenda item reaches it. Minutes printing no item keep the count."""
    day = date(2025, 1, 9)
    question = PASSMORE_ASKED
    span = DateSpan(start=day, end=day, text="on 9 January 2025")
    intent = TemporalIntent(span=span, trend=False, topic=question)

    def answer(item: str | None) -> Answer:
        read = [_in_item(hit(i, day, t), item) for i, t in
                enumerate([PASSMORE, *POINTS, PASSMORE_VOTE], start=1)]  # fmt: skip
        return answering_builder().answer(
            intent, read[:1], {1: 0.6}, {}, question=question,
            following=_following(read),  # type: ignore[arg-type]
        )  # fmt: skip

    r = answer("285")
    assert not r.abstained, r.text
    assert any(c.quote.endswith("Amendment lost.") for c in r.citations), r.text
    unitemed = answer(None)  # no item: the count bounds the reading, as before
    assert unitemed.abstained or not any("Amendment lost" in c.quote for c in unitemed.citations)


def test_a_question_on_an_amendment_takes_no_motions_outcome() -> None:
    """The guard the other way (round 48, r48-roll3): the minutes print no vote on the
    amendment before the substantive motion's; "who abstained on Mr Passmore's amendment
    …?" is not answered by the motion's vote."""
    day = date(2025, 1, 9)
    hits = [
        hit(1, day, PASSMORE),
        hit(2, day, "The Chairman put the substantive devolution motion set out in paragraph 15 "
                    "to the vote and the voting was as follows. Abstain (1) Ms Constantine "
                    "Substantive Motion carried."),
    ]  # fmt: skip
    question = PASSMORE_ASKED
    quotes = " | ".join(c.quote for c in _on(question, day, hits).citations)
    assert "Substantive Motion carried" not in quotes, quotes
    motion = "Who abstained on the substantive devolution motion on 9 January 2025?"
    assert "Ms Constantine" in " | ".join(c.quote for c in _on(motion, day, hits).citations)
