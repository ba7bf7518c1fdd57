"""Evidence on list and action questions (round 19): three rules of the answer.

1. A lead-in quote reads on past the colon its candidate lost ("RESOLVED that Cabinet
   agree to" was quoted alone, its parts "A) Note the forecast revenue overspend …" not
   at all: `sentences.read_on` saw the colon between the two and stopped).
2. To a question asking what was resolved, a resolution noting the report on the
   question's topic is the decision, not housekeeping (`sentences.NOTED_DECIDES`).
3. A plain answer quotes a whole list of its pool that outscores every sentence of the
   pool (`answering.WHOLE_LIST`): its items no sentence of their own states.

Texts: Kent County Council's Cabinet minutes of 30 January 2025 (item 88), County Council
minutes of 19 December 2024 and 13 March 2025 (Corporate Parenting), Cabinet papers of
4 March 2025 (Safer Road Users Team), as the PDF reader gives them; the served test runs
on the seed index (eval/README.md "Evidence on list and action questions, round 19").
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering, sentences
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import noted_only, read_on
from tests.answering.builders import ask

MONITORING = (
    "2. Mr Watkins highlighted that the significant challenges within the Adults "
    "Directorate. The focus was on addressing the £25 million shortfall. 3. RESOLVED that "
    "Cabinet agree to: A) Note the forecast revenue overspend of £23.3m (excluding Schools). "
    "b) Note the forecast overspend on Schools’ Delegated Budgets of £30.4m. c) Note the "
    "forecast capital underspend of £111.6m. d) Note the progress on the delivery of savings. "
    "e) Agree the Capital budget changes. f) Note the Reserves, Treasury Management and "
    "Prudential Indicators Monitoring"
)
PARENTS = (
    "1) Caroline Smith, Assistant Director for Corporate Parenting and apprentices from "
    "Virtual School Kent, Nathan Moody, Jack Phelps, Kiron Bullen and Connor Cruickshank "
    "introduced the item. 2) Mrs Chandler proposed, and Mrs Prendergast seconded the motion "
    "that “The County Council notes the report and associated Member responsibilities as "
    "corporate parents” 3) Following the debate, the Chairman put the motion set out in "
    "paragraph 2. 4) RESOLVED that the County Council notes the report and associated Member "
    "responsibilities as corporate parents."
)
PANEL = [
    "RESOLVED that Mr P Bartlett be duly elected Vice Chair of the Corporate Parenting Panel.",
    "RESOLVED that the minutes of the Corporate Parenting Panel on 30 July 2024 be noted.",
]
ROAD_SAFETY = (
    "During this quarter, the Team delivered the following: - ‘Road Safety Club’ (RSC) "
    "intervention to 5,104 Primary School Pupils across 55 different schools. - Road safety "
    "week: ‘Storytime in libraries’ pilot - 4 Libraries visited; 52 young people reached with "
    "parental engagement after each session. - Road Sense (RS) delivery to Year 7 (23 schools), "
    "reaching 3,699 pupils - Road Sense (RS) delivery to Year 9 (17 schools) - reaching 2,811 "
    "pupils - Young Driver & Passenger Course to Years 12 & 13 - 8 schools, reaching 598 pupils"
)
ROAD_OTHERS = [
    "Kent’s road safety strategy aims for Vision Zero by 2050.",
    "The council’s highways team continued its programme of school crossing patrols.",
]


def test_a_lead_in_reads_on_past_its_dropped_colon() -> None:
    lead = MONITORING.index("RESOLVED")
    end = MONITORING.index(":", lead)  # a candidate's text ends before its colon
    after = read_on(MONITORING, end, lists=False)
    assert after is not None
    assert "Note the forecast revenue overspend of £23.3m" in MONITORING[lead:after]


def test_a_resolution_lead_in_is_quoted_with_its_parts() -> None:
    """k3-004's form: the answer quoted "RESOLVED that Cabinet agree to" and nothing else."""
    question = "What did Cabinet agree when it took the quarter 3 revenue monitoring report?"
    answer = ask(question, [MONITORING], date(2025, 1, 30))
    quotes = [c.quote for c in answer.citations]
    resolved = [q for q in quotes if "RESOLVED that Cabinet agree to" in q]
    assert resolved, quotes
    assert all("Note the forecast revenue overspend of £23.3m" in q for q in resolved), quotes
    assert all(c.quote in c.text for c in answer.citations)


def test_a_noted_report_resolution_answers_what_was_resolved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """k3-005's form: the resolution noting the report on Members' responsibilities is
    the decision asked for; without `NOTED_DECIDES` it is penalised as housekeeping and
    left out of the action lines."""
    question = "What did councillors resolve about their responsibilities as corporate parents?"
    gold = "notes the report and associated Member responsibilities as corporate parents."
    answer = ask(question, [*PANEL, PARENTS], date(2024, 12, 19))
    assert any(gold in c.quote and "RESOLVED" in c.quote for c in answer.citations), [
        c.quote for c in answer.citations
    ]
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(sentences, "NOTED_DECIDES", False)
    without = ask(question, [*PANEL, PARENTS], date(2024, 12, 19))
    assert not any(gold in c.quote and "RESOLVED" in c.quote for c in without.citations)


def test_housekeeping_stays_housekeeping() -> None:
    """Only a noted report turns: the minutes' approval and apologies never answer."""
    assert noted_only("RESOLVED that the County Council notes the report.")
    assert not noted_only("RESOLVED that the minutes of the meeting were a correct record.")
    assert not noted_only("Apologies were received from Mr Hook.")
    assert not noted_only("RESOLVED that the Cabinet agreed to adopt the plan.")


def test_a_whole_list_that_outscores_every_sentence_is_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """k9-038's form: "What road safety work …" asks for one thing by its wording (no
    plural), but its answer is the list of what the team delivered; a sentence alone
    quotes one or two items."""
    question = "What road safety work did the council do with schoolchildren and young drivers?"
    texts = [ROAD_SAFETY, *ROAD_OTHERS]
    answer = ask(question, texts, date(2025, 3, 4))
    quotes = " ".join(c.quote for c in answer.citations)
    assert "Road Sense (RS) delivery to Year 7 (23 schools), reaching 3,699 pupils" in quotes
    assert "During this quarter, the Team delivered the following" in quotes
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "WHOLE_LIST", False)
    without = " ".join(c.quote for c in ask(question, texts, date(2025, 3, 4)).citations)
    assert "Road Sense (RS) delivery to Year 7" not in without


def test_a_whole_list_does_not_answer_when_a_sentence_outscores_it() -> None:
    """The list must outscore every sentence of the pool: a sentence that states the
    answer better keeps the answer short."""
    question = "What is Kent's road safety strategy aiming for?"
    answer = ask(question, [ROAD_SAFETY, *ROAD_OTHERS], date(2025, 3, 4))
    quotes = [c.quote for c in answer.citations]
    assert any("Vision Zero by 2050" in q for q in quotes), quotes
    assert not any("Road Sense (RS) delivery to Year 7" in q for q in quotes), quotes


def test_the_served_answer_quotes_a_list_item_within_its_list(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The served `/ask` on the seed index (s2-612's wording): the Ofsted letter's list of
    recommendations outscores every sentence of the pool and is quoted whole, lead-in and
    items, where without `WHOLE_LIST` one item stood alone."""
    reader = seed_engine.reader()
    request = SearchRequest(
        "How are social workers feeling: are they stressed out or happy in their jobs?", 8
    )
    lead = "The recommendations for improvement are:"
    item = "The quality of case supervision and management."
    answer = reader.ask(request)
    listed = [c for c in answer.citations if lead in c.quote]
    assert listed and all(item in c.quote for c in listed), [c.quote for c in answer.citations]
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "WHOLE_LIST", False)
    assert not any(lead in c.quote for c in reader.ask(request).citations)
