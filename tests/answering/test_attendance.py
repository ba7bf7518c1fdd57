"""Round 44: "who attended …?" over minutes from other countries
(`tests/data/ingestion/foreign/`, synthetic). An attendance list is names, which no
answer quoted (`is_stray`); a question asking who attended, was present or absent reads
the lists under their labels ("PRESENT", "Council Present:", "Absent:"). Fast: no index,
the product's AnswerBuilder over the passages as the index stores them (one line each)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from indexer.models import Hit
from search_api.answering import Answer, Record, minutes_day, record_of, recorded_date
from search_api.sentences import asked_roll, asks_attendance, candidates
from search_api.temporal import DateSpan, TemporalIntent
from tests.answering.builders import answering_builder, hit

# Tarawera District Council, 24 May 2018 (nz_district_council_2018-05-24.txt): its preamble.
NZ_PREAMBLE = (
    "Minutes of an Ordinary Meeting of the Tarawera District Council held in the Council "
    "Chamber, 4 Rata Street, Tarawera on Thursday 24 May 2018 at 9.30am PRESENT Mayor Anne "
    "Hohaia Councillors Rewi Marsh, Kate Pomare, Sam Ellery, Joan Tuhi, Dev Singh and Mark "
    "Oliver IN ATTENDANCE Chief Executive (Paul Brandt), Group Manager Assets (Hana Reti), "
    "Democracy Advisor (Lucy Ward)"
)
NZ_ITEM = (
    "The Group Manager Assets summarised the 412 submissions received on the draft Long Term "
    "Plan. Most submissions concerned the proposed increase in the roading rate and the timing "
    "of the Tarawera wastewater upgrade, which was now estimated at $18.6 million."
)
# City of Maple Grove, 8 March 2016 (us_city_council_2016-03-08.md), item 2 ROLL CALL.
US_ROLL = (
    "Present: Mayor Johnson, Councilmembers Garcia, Lee, Patel and Whitfield. Absent: None. "
    "Staff present: City Manager Anne Ross, City Attorney Tom Hale, Finance Director Maria "
    "Ortiz."
)


@pytest.mark.parametrize(
    "question",
    [
        "Who attended the Tarawera District Council meeting of 24 May 2018?",
        "Who was present at the Barralong Shire Council meeting in June 2021?",
        "Which officers were in attendance at the meeting?",
        "Which councillors were absent?",
        "What apologies were received at the meeting?",
        # Round 45: whether someone attended or sent apologies, and who joined remotely.
        "Did anyone give apologies for the Cabinet meeting on 9 January 2025?",
        "Did Mrs Game send apologies to the County Council meeting?",
        "Was Mr Simkins absent from the County Council meeting of 19 December 2024?",
        "Did the Director of Technology attend the Cabinet meeting remotely?",
        "Which officers joined the Cabinet meeting virtually?",
        # Round 48: who was at a meeting, in everyday words (u38-007).
        "Which cabinet members were at the cabinet meeting on 13 March 2025?",
        "Who was at the County Council meeting on 19 December 2024?",
        "Which councillors went to the Neighbourhood Committee meeting in January?",
        "Who turned up to the council meeting on 24 May 2018?",
        "Which officers came to the panel meeting?",
    ],
)
def test_a_question_asking_who_attended_asks_for_attendance(question: str) -> None:
    assert asks_attendance(question)


@pytest.mark.parametrize(
    "question",
    [
        "What did the Group Manager Assets present on the Long Term Plan?",
        "Who moved the apology from Councillor Fenton?",
        "What is the present value of the loan?",
        "Did the council send a response to the consultation?",
        "Was the report present at the start of the year?",
        "Can residents join the consultation online?",
        "Who was at fault for the delay to the council's scheme?",
        "What was at the top of the committee's agenda?",
        "Who went to the council for help with the flooding?",
    ],
)
def test_other_questions_do_not(question: str) -> None:
    assert not asks_attendance(question)


def test_attendance_lists_are_candidates_only_when_asked() -> None:
    hits = [hit(1, date(2016, 3, 8), US_ROLL)]
    asked = [c.text for c in candidates(hits, rolls=True) if c.roll]
    assert asked == ["Present: Mayor Johnson, Councilmembers Garcia, Lee, Patel and Whitfield.",
                     "Absent: None."]  # fmt: skip
    assert not [c for c in candidates(hits) if c.roll]


def _on_the_day(
    question: str, day: date, hits: list[Hit], records: object = None,
    cosines: dict[int, float] | None = None,
) -> Answer:  # fmt: skip
    """The answer to a question naming one day (by default the hits' cosines fall by 0.01 a
    rank)."""
    span = DateSpan(start=day, end=day, text=f"on {day:%d %B %Y}")
    intent = TemporalIntent(span=span, trend=False, topic=question)
    if cosines is None:
        cosines = {h.passage_id: 0.6 - 0.01 * i for i, h in enumerate(hits)}
    return answering_builder().answer(
        intent, hits, cosines, {}, question=question, records=records,  # type: ignore[arg-type]
    )  # fmt: skip


def _answered(question: str, hits: list[Hit]) -> Answer:
    """The answer to a plain question over two hits, the first ranked higher; never a refusal."""
    intent = TemporalIntent(span=None, trend=False, topic=question)
    r = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.55}, {}, question=question)
    assert not r.abstained, r.text
    return r


def test_who_attended_is_answered_with_the_attendance_list() -> None:
    question = "Who attended the Tarawera District Council meeting of 24 May 2018?"
    day = date(2018, 5, 24)
    r = _answered(question, [hit(1, day, NZ_ITEM), hit(2, day, NZ_PREAMBLE)])
    assert r.lead is not None and r.lead.startswith("PRESENT Mayor Anne Hohaia Councillors"), r.lead
    assert any("IN ATTENDANCE Chief Executive (Paul Brandt)" in c.quote for c in r.citations)


# Kent County Council's minutes (round 45, the ka44/ka45 tune rows' kinds): officers who
# joined remotely under a label saying so (Cabinet, 30 January 2025), apologies written as
# a sentence (Cabinet, 30 January; County Council, 9 January 2025: a names list).
KENT_VIRTUAL = (
    "IN ATTENDANCE VIRTUALLY: Mr S Jones (Corporate Director of Growth, Environment and "
    "Transport), Mr M Albiston (Director of Adult Social Care), Dr M Gogarty (Interim "
    "Strategic Lead for Public Health), Mrs L Gannon (Director of Technology)"
)
KENT_APOLOGY = "UNRESTRICTED ITEMS Apologies were received from Mrs C Bell."
KENT_APOLOGIES = (
    "The Democratic Services Manager reported apologies from Mr Beaney, Mr Campkin, Miss "
    "Carey, Mr Collor, Mr Cooper, Ms Dawkins, Mrs Game, Mr Kennedy, Mr Meade, Mrs "
    "Prendergast, Mr Ridgers, Mr Sweetland and Mr Wright. Ms Grehan had given her formal "
    "apologies but was attending the meeting virtually."
)
KENT_ITEM = (
    "Mr Gough proposed, and Mr Brady seconded that Mr G Cooke be elected to Chair the "
    "meeting. No other nominations were received."
)


def _rolls(day: date, text: str) -> list[str]:
    """The attendance candidates one passage gives a question asking who attended."""
    return [c.text for c in candidates([hit(1, day, text)], rolls=True) if c.roll]


def test_a_label_saying_how_they_attended_is_read_with_its_list() -> None:
    """ "IN ATTENDANCE VIRTUALLY:": the label was quoted alone, its list not."""
    rolls = _rolls(date(2025, 1, 30), KENT_VIRTUAL)
    assert rolls and rolls[0].startswith("IN ATTENDANCE VIRTUALLY: Mr S Jones"), rolls
    assert rolls[0].endswith("Mrs L Gannon (Director of Technology)"), rolls


def test_attendance_written_as_a_sentence_is_a_roll_candidate_when_asked() -> None:
    day = date(2025, 1, 9)
    hits = [hit(1, day, KENT_APOLOGY), hit(2, day, KENT_APOLOGIES)]
    asked = [c.text for c in candidates(hits, rolls=True) if c.roll]
    assert asked[0] == KENT_APOLOGY
    assert asked[1].startswith("The Democratic Services Manager reported apologies from Mr")
    assert asked[2].startswith("Ms Grehan had given her formal apologies")
    assert not [c for c in candidates(hits) if c.roll]


def test_who_sent_apologies_is_answered_with_the_sentence_naming_them() -> None:
    question = "Which councillors sent apologies to the County Council meeting on 9 January 2025?"
    day = date(2025, 1, 9)
    r = _answered(question, [hit(1, day, KENT_ITEM), hit(2, day, KENT_APOLOGIES)])
    assert any("reported apologies from Mr Beaney, Mr Campkin" in c.quote for c in r.citations), [
        c.quote for c in r.citations
    ]


KENT_NO_APOLOGIES = "UNRESTRICTED ITEMS No apologies were received."
CABINET_TITLE = "Minutes of the meeting held on 9th January 2025"


def _minutes(pid: int, filed: date, committee: str, title: str, text: str) -> Hit:
    """A passage of minutes filed with meeting `filed`'s papers, under `title`."""
    h = hit(pid, filed, text)
    place = {"committee": committee, "doc_type": "minutes", "title": title}
    return h.model_copy(update={"citation": h.citation.model_copy(update=place)})


def test_minutes_filed_with_a_later_meeting_are_of_the_day_their_title_names() -> None:
    """Kent files the Cabinet's 9 January minutes with its 30 January papers (dated 30
    January): they are the 9 January meeting's, as their title says."""
    cabinet = _minutes(1, date(2025, 1, 30), "Cabinet", CABINET_TITLE, KENT_NO_APOLOGIES)
    assert recorded_date(cabinet.citation) == date(2025, 1, 9)
    printed = _minutes(2, date(2025, 2, 13), "County Council",
                       "Printed minutes 13th-Feb-2025 09.30 County Council", KENT_ITEM)  # fmt: skip
    assert recorded_date(printed.citation) == date(2025, 2, 13)  # "09.30" is the clock
    report = hit(3, date(2025, 1, 30), KENT_ITEM)
    assert recorded_date(report.citation) == date(2025, 1, 30)


def test_apologies_for_the_committee_named_on_the_day_named() -> None:
    """Two meetings on 9 January 2025: the question names the Cabinet; the County
    Council's apologies were quoted (round 44's ka44-003)."""
    question = "Did anyone give apologies for the Cabinet meeting on 9 January 2025?"
    title = "Printed minutes 09th-Jan-2025 10.00 County Council"
    council = _minutes(1, date(2025, 1, 9), "County Council", title, KENT_APOLOGIES)
    cabinet = _minutes(2, date(2025, 1, 30), "Cabinet", CABINET_TITLE, KENT_NO_APOLOGIES)
    r = _on_the_day(question, date(2025, 1, 9), [council, cabinet], cosines={1: 0.6, 2: 0.55})
    assert not r.abstained, r.text
    assert [c.quote for c in r.citations] == [KENT_NO_APOLOGIES], r.text


def test_was_someone_absent_is_answered_from_the_apologies_of_the_day() -> None:
    """A names list holds none of the question's words; the apologies of the day named
    answer it all the same (no housekeeping penalty for a roll asked for)."""
    question = "Was Mr Simkins absent from the County Council meeting of 19 December 2024?"
    tributes = _minutes(1, date(2025, 3, 13), "County Council",
                        "Printed minutes 13th-Mar-2025 10.00 County Council",
                        "Mr Simkins was a serving Member since 2013 and served as Chairman of the "
                        "Pension Fund Committee.")  # fmt: skip
    text = (
        "UNRESTRICTED ITEMS\nThe Democratic Services Manager reported apologies from Mr "
        "Baldock, Mrs Bruneau, Sir Paul Carter, Mr Chard, Mr Manion, Mr Ross, Mr Simkins and Mr "
        "Webb. The Chairman reported apologies from Mr Cooke."
    )
    december = _minutes(2, date(2025, 2, 13), "County Council",
                        "19 December 2024 - County Council minutes", text)  # fmt: skip
    hits = [tributes, december]
    r = _on_the_day(question, date(2024, 12, 19), hits, cosines={1: 0.6, 2: 0.5})
    assert not r.abstained, r.text
    assert any("Mr Ross, Mr Simkins and Mr Webb" in c.quote for c in r.citations), r.text
    assert not any("Pension Fund" in c.quote for c in r.citations), r.text


@pytest.mark.parametrize("attended", ["were present at", "were at"])
def test_who_attended_a_meeting_the_archive_does_not_hold_abstains(attended: str) -> None:
    """Who attended is read only in the meeting's own record: with no passage of the day
    named, another meeting's list is no answer (the seeds-only index quoted a 2018
    committee's for Kent's 9 January 2025 County Council). "Were at" asks it too (u38-007's
    kind, round 48, r48-roll3)."""
    nz = date(2018, 5, 24)
    hits = [hit(1, nz, NZ_PREAMBLE), hit(2, nz, NZ_ITEM)]
    for day, abstains in ((date(2025, 1, 9), True), (date(2025, 3, 13), True), (nz, False)):
        question = f"Which councillors {attended} the council meeting on {day:%d %B %Y}?"
        r = _on_the_day(question, day, hits, cosines={1: 0.6, 2: 0.5})
        assert r.abstained is abstains, r.text


# Inverbrae Council, 28 September 2017 (sc_council_2017-09-28.txt): Scottish minutes head
# their members present "Sederunt:".
SC_PREAMBLE = (
    "Sederunt: Provost Elaine Munro (Chair); Councillors Alasdair Grant, Fiona Baird, Hamish "
    "Cowie, Morag Fraser, Iain Lennox, Catriona Shaw and Duncan Wallace In attendance: D. "
    "Kerr, Chief Executive; S. Rennie, Director of Finance; J. McAllister, Clerk"
)


def test_a_sederunt_is_an_attendance_list() -> None:
    rolls = _rolls(date(2017, 9, 28), SC_PREAMBLE)
    assert rolls and rolls[0].startswith("Sederunt: Provost Elaine Munro (Chair)"), rolls


# The seeds' 21 November 2018 minutes print no attendance (003_315652f360b52df6.txt, 41.8).
SEED_41_8 = (
    "It was suggested that the committee might wish to invite ASYE social workers to present "
    "to the committee."
)


def test_who_attended_with_no_attendance_in_the_hits_abstains() -> None:
    """A sentence that only holds "present" is no record of who attended: the seeds-only
    index quoted 41.8 for "who was present at the meeting on 21 November 2018?"."""
    day = date(2018, 11, 21)
    question = "Who was present at the meeting on 21 November 2018?"
    for extra, abstains in (((), True), ((hit(2, day, NZ_PREAMBLE),), False)):
        hits = [hit(1, day, SEED_41_8), *extra]
        r = _on_the_day(question, day, hits, cosines={1: 0.6, 2: 0.5})
        assert r.abstained is abstains, r.text


# Round 46: the named meeting's own attendance passage, read whatever its rank (Kent's
# Cabinet, 9 January 2025: the minutes filed with the 30 January papers, their PRESENT list
# no hit of "which cabinet members were present …?"), and the day a set of minutes records
# read from its opening line when its title names none ("Minutes of Previous Meeting").
KENT_OPENING = (
    "KENT COUNTY COUNCIL MINUTES of a meeting of the Cabinet held in the Council Chamber, "
    "Sessions House, County Hall, Maidstone on Thursday, 9 January 2025. PRESENT: Mr R W Gough "
    "(Chairman), Mr N Baker, Mrs C Bell, Mrs S Chandler, Mr D Jeffrey, Mr R C Love, OBE, Mr D "
    "Murphy, Mr P J Oakford, Mr D Watkins and Mr R J Thomas"
)
KENT_DEFERRED = "Cabinet Member updates were deferred to the next meeting of the Cabinet"
KENT_BUDGET = (
    "Cabinet is asked to consider any proposed amendments from Cabinet Committees and endorse "
    "the draft budget for the County Council meeting."
)
NINTH = date(2025, 1, 9)


def _cabinet_minutes(title: str, texts: list[str], first: int = 10) -> list[Hit]:
    """A set of the Cabinet's minutes filed with its 30 January 2025 papers, one document."""
    out = []
    for pid, text in enumerate(texts, start=first):
        h = _minutes(pid, date(2025, 1, 30), "Cabinet", title, text)
        out.append(h.model_copy(update={"citation": h.citation.model_copy(
            update={"document_id": "minutes"})}))  # fmt: skip
    return out


def _records(*minutes: list[Hit]) -> object:
    """`Reader.records` over the given documents' passages (reading order)."""
    read = {m[0].citation.document_id: record_of(m[0].citation.title, "Cabinet", m)
            for m in minutes}  # fmt: skip

    def records(hits: Sequence[Hit], day: date | None) -> dict[str, Record]:
        ids = {h.citation.document_id for h in hits}
        return {d: r for d, r in read.items() if d in ids or day is not None and r.day == day}

    return records


def test_a_minutes_opening_line_names_the_day_it_records() -> None:
    assert minutes_day(KENT_OPENING) == NINTH
    assert minutes_day(KENT_DEFERRED) is None
    minutes = _cabinet_minutes("Minutes of Previous Meeting", [KENT_OPENING, KENT_DEFERRED])
    record = record_of("Minutes of Previous Meeting", "Cabinet", minutes)
    assert record.day == NINTH
    assert [h.text for h in record.rolls] == [KENT_OPENING]
    assert record_of(CABINET_TITLE, "Cabinet", minutes[1:]).day == NINTH  # the title's day


def test_the_named_meetings_attendance_passage_is_read_though_no_hit_holds_it() -> None:
    """ka44-001's kind: the minutes of the day are among the hits, their PRESENT list is
    not; without it the answer abstains (no attendance among the hits)."""
    question = "Which cabinet members were present at the Cabinet meeting on 9 January 2025?"
    minutes = _cabinet_minutes(CABINET_TITLE, [KENT_OPENING, KENT_DEFERRED])
    hits = [hit(1, date(2025, 1, 30), KENT_BUDGET), minutes[1]]
    assert _on_the_day(question, NINTH, hits).abstained
    r = _on_the_day(question, NINTH, hits, _records(minutes))
    assert not r.abstained, r.text
    assert any("Mr R W Gough (Chairman), Mr N Baker, Mrs C Bell" in c.quote for c in r.citations)


def test_minutes_of_the_day_named_that_no_hit_is_of_are_read() -> None:
    """ka44-011's kind: no hit is of 9 January; the archive's minutes of that day give
    their attendance, read at the pool's last rank."""
    question = "Which cabinet members were present at the Cabinet meeting on 9 January 2025?"
    minutes = _cabinet_minutes(CABINET_TITLE, [KENT_OPENING, KENT_DEFERRED])
    hits = [hit(1, date(2025, 1, 30), KENT_BUDGET), hit(2, date(2025, 1, 30), KENT_ITEM)]
    assert _on_the_day(question, NINTH, hits).abstained
    r = _on_the_day(question, NINTH, hits, _records(minutes))
    assert not r.abstained, r.text
    assert any("Mr R W Gough (Chairman)" in c.quote for c in r.citations), r.text


def test_apologies_of_minutes_filed_as_the_previous_meetings_are_not_the_days() -> None:
    """ua46-006's kind: the 30 January minutes filed with the 4 March papers as "Minutes of
    Previous Meeting" (dated 4 March) are no record of 4 March's apologies."""
    question = "Who sent apologies to the Cabinet meeting on 4 March 2025?"
    march = date(2025, 3, 4)
    opening = KENT_OPENING.replace("9 January 2025", "30 January 2025")
    minutes = [
        (m := _minutes(pid, march, "Cabinet", "Minutes of Previous Meeting", text)).model_copy(
            update={"citation": m.citation.model_copy(update={"document_id": "previous"})})
        for pid, text in ((10, opening), (11, KENT_APOLOGY))
    ]  # fmt: skip
    hits = [minutes[1], hit(2, march, KENT_BUDGET)]
    assert not _on_the_day(question, march, hits).abstained  # main quoted Mrs C Bell's
    assert _on_the_day(question, march, hits, _records(minutes)).abstained


# Koorawatha Regional Council, 12 March 2019 (au_ordinary_council_2019-03-12.md): item 2
# "APOLOGIES" / "Nil."; Tarawera District Council's apology motion is another council's.
def _council(pid: int, council: str, title: str, text: str) -> Hit:
    h = hit(pid, date(2019, 3, 12), text)
    place = {"council": council, "committee": council.split(" ", 1)[1], "item_title": title,
             "doc_type": "minutes", "document_id": council}  # fmt: skip
    return h.model_copy(update={"citation": h.citation.model_copy(update=place)})


def test_a_council_named_by_its_own_name_is_the_meeting_asked() -> None:
    """ "… at Koorawatha?": the council's own name, without "Regional Council", names the
    meeting; another council's apology motion was quoted first."""
    question = "What apologies were received at Koorawatha?"
    hits = [
        _council(1, "Tarawera District Council", "APOLOGIES",
                 "That the apology from Councillor Fenton be received. Pomare/Ellery CARRIED"),
        _council(2, "Koorawatha Regional Council", "APOLOGIES", "APOLOGIES\nNil."),
    ]  # fmt: skip
    r = _answered(question, hits)
    assert [c.quote for c in r.citations] == ["APOLOGIES Nil."], r.text


# Round 47: the asked kind of roll first. Koorawatha's preamble prints the members PRESENT
# and the officers IN ATTENDANCE; item 2 "APOLOGIES" / "Nil." (round 46's Left (d)).
AU_PREAMBLE = (
    "Minutes of the Ordinary Council Meeting held in the Council Chambers, 12 Bank Street, "
    "Koorawatha on Tuesday 12 March 2019 commencing at 5.00pm.\nPRESENT: Cr Jan Smith (Mayor), "
    "Cr Bill Jones (Deputy Mayor), Cr Anna Nguyen, Cr Peter Rossi, Cr Mary O'Connell, Cr Tom "
    "Walker, Cr Lee Chen\nIN ATTENDANCE: General Manager (Greg Holt), Director Infrastructure "
    "(Sue Pike), Director Corporate Services (Ian Ward), Governance Officer (Rita Bell)"
)
AU_DAY = date(2019, 3, 12)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("What apologies were received at the meeting?", {"apologies", "absent"}),
        ("Was Mr Simkins absent from the County Council meeting?", {"absent", "apologies"}),
        ("Which officers joined the Cabinet meeting virtually?", {"officers", "remote"}),
        ("Which councillors were present at the meeting?", {"present"}),
        ("Who attended the Tarawera District Council meeting of 24 May 2018?", set()),
    ],
)
def test_the_kind_of_roll_a_question_asks_for(question: str, kinds: set[str]) -> None:
    assert asked_roll(question) == kinds


def test_an_apologies_question_quotes_the_apologies_not_the_present_list() -> None:
    """The PRESENT list was quoted before "APOLOGIES Nil." (round 46's Left (d))."""
    hits = [hit(1, AU_DAY, AU_PREAMBLE), hit(2, AU_DAY, "APOLOGIES\nNil.")]
    for question in ("What apologies were received at the council meeting on 12 March 2019?",
                     "Who sent apologies to the council meeting on 12 March 2019?"):  # fmt: skip
        r = _on_the_day(question, AU_DAY, hits, cosines={1: 0.6, 2: 0.55})
        assert [c.quote for c in r.citations] == ["APOLOGIES Nil."], r.text
    r = _on_the_day("Who was present at the council meeting on 12 March 2019?", AU_DAY, hits,
                    cosines={1: 0.6, 2: 0.55})  # fmt: skip
    assert r.citations and r.citations[0].quote.startswith("PRESENT: Cr Jan Smith"), r.text


def test_minutes_of_another_day_are_cited_on_the_day_they_record() -> None:
    """Kent's 19 December 2024 minutes filed with the 13 February 2025 papers were cited
    "(13 February 2025)" (round 46's Left (c)); their title names their day."""
    question = "Was Mr Simkins absent from the County Council meeting of 19 December 2024?"
    text = "UNRESTRICTED ITEMS\nThe Democratic Services Manager reported apologies from Mr Simkins."
    december = _minutes(1, date(2025, 2, 13), "County Council",
                        "19 December 2024 - County Council minutes", text)  # fmt: skip
    r = _on_the_day(question, date(2024, 12, 19), [december])
    assert not r.abstained, r.text
    assert r.lead is not None and r.lead.endswith("(19 December 2024)."), r.lead
    assert r.text.splitlines()[1].startswith("- 19 December 2024, County Council"), r.text
    assert r.citations[0].citation.meeting_date == date(2024, 12, 19)
    assert r.citations[0].citation.document_id == december.citation.document_id


def test_minutes_named_by_no_title_are_cited_on_the_day_their_opening_line_says() -> None:
    """ "Minutes of Previous Meeting" (the 9 January minutes filed with the 30 January
    papers): the day their opening line names, read with the minutes' record."""
    question = "Which cabinet members were present at the Cabinet meeting on 9 January 2025?"
    minutes = _cabinet_minutes("Minutes of Previous Meeting", [KENT_OPENING, KENT_DEFERRED])
    r = _on_the_day(question, NINTH, minutes, _records(minutes))
    assert not r.abstained, r.text
    assert {c.citation.meeting_date for c in r.citations} == {NINTH}, r.text


def test_a_roll_of_another_day_is_not_quoted_beside_the_days_own() -> None:
    """ka44-004's kind (round 47, r47-roll2): the 9 January minutes filed with the 30
    January papers say "No apologies were received."; "who gave apologies … on 30 January
    2025?" quoted it beside 30 January's own apologies."""
    question = "Who gave apologies for the Cabinet meeting on 30 January 2025?"
    thirtieth = date(2025, 1, 30)
    none = "UNRESTRICTED ITEMS No apologies were received."
    ninth = _cabinet_minutes("Minutes of Previous Meeting", [KENT_OPENING, none])
    own = _cabinet_minutes("Minutes of the meeting held on 30th January 2025", [KENT_APOLOGY], 20)
    own = [h.model_copy(update={"citation": h.citation.model_copy(update={"document_id": "own"})})
           for h in own]  # fmt: skip
    r = _on_the_day(question, thirtieth, [ninth[1], own[0]], _records(ninth, own),
                    cosines={ninth[1].passage_id: 0.6, own[0].passage_id: 0.59})  # fmt: skip
    assert not r.abstained, r.text
    assert [c.quote for c in r.citations] == [KENT_APOLOGY], r.text


def test_another_committees_roll_of_the_day_is_no_roll_of_the_committee_named() -> None:
    """u38-007's kind with "present" (round 48, r48-roll3): Kent's County Council met on 13
    March 2025 and no Cabinet did; the Council's PRESENT list was read as the roll of "the
    cabinet meeting on 13 March 2025" and the question answered, not refused."""
    march = date(2025, 3, 13)
    council = _minutes(1, march, "County Council", "Minutes of the meeting held on 13th March 2025",
                       "PRESENT: Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman), "
                       "Mr N Baker, Mr M Baldock, Mr P Bartlett, Mr D Beaney")  # fmt: skip
    cabinet = _minutes(2, NINTH, "Cabinet", CABINET_TITLE, KENT_BUDGET)
    read = {h.citation.document_id: record_of(h.citation.title, h.citation.committee, [h])
            for h in (council, cabinet)}  # fmt: skip

    def records(hits: Sequence[Hit], day: date | None) -> dict[str, Record]:
        return {d: r for d, r in read.items() if r.day == day or d in
                {h.citation.document_id for h in hits}}  # fmt: skip

    question = "Which cabinet members were present at the Cabinet meeting on 13 March 2025?"
    assert _on_the_day(question, march, [council, cabinet], records).abstained
    council_asked = "Which councillors were present at the County Council meeting on 13 March 2025?"
    r = _on_the_day(council_asked, march, [council, cabinet], records)
    assert not r.abstained and "Mr B J Sweetland" in r.text, r.text


def test_a_roll_whose_item_title_tells_its_kind_is_of_that_kind_in_the_answer_too() -> None:
    """Round 48 (r48-roll3): the answer's choice of rolls read a roll's kind from its text
    only, the roll's weight from its text or item title (`of_asked_roll`): "Also Present:"
    under "In Attendance" is the officers asked for, and the members PRESENT list beside
    it was quoted too."""

    def titled(h: Hit, title: str) -> Hit:
        return h.model_copy(update={"citation": h.citation.model_copy(
            update={"item_title": title})})  # fmt: skip

    hits = [
        titled(hit(1, AU_DAY, "PRESENT: Cr Jan Smith (Mayor), Cr Bill Jones (Deputy Mayor), Cr "
                              "Anna Nguyen"), "Present"),
        titled(hit(2, AU_DAY, "Also Present: General Manager (Greg Holt), Director "
                              "Infrastructure (Sue Pike)"), "In Attendance"),
    ]  # fmt: skip
    question = "Which officers were in attendance at the council meeting on 12 March 2019?"
    r = _on_the_day(question, AU_DAY, hits, cosines={1: 0.95, 2: 0.4})
    assert [c.quote for c in r.citations] == [hits[1].text], r.text
