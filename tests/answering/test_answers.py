"""Cited answers on the real seed index: timelines, verbatim quotes and abstention.

The unanswerable questions below are ours (topics absent from the seed corpus); the
abstention model itself is fitted on the tune split of eval/questions (eval/README.md).
"""

from __future__ import annotations

import json
import re

import pytest

from eval.shared import DEV_QUESTIONS
from indexer.models import SearchFilters
from search_api.archive import Archive, Reader
from search_api.http.schemas import AskResponse
from search_api.search import SearchRequest

OWN_UNANSWERABLE = [
    "What did the committee decide about library opening hours?",
    "What did the council decide about parking permits?",
    "How much are councillor allowances?",
    "What was decided about bin collections?",
    "How has air quality changed since 2018?",
    "How many potholes were repaired in 2021?",
    "What did the committee say about council tax rises for 2020?",
]


def _dev_questions() -> list[dict]:
    if not DEV_QUESTIONS.exists():
        return []
    return [json.loads(line) for line in DEV_QUESTIONS.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def service(seed_engine: Archive) -> Reader:
    return seed_engine.reader()


def _ask(service: Reader, question: str) -> AskResponse:
    return AskResponse.of(question, service.ask(SearchRequest(question, k=8)))


def _check_citations(r: AskResponse) -> None:
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", r.answer)]
    assert sorted(set(markers)) == [c.n for c in r.citations]
    # One opening line, then one line a meeting: every line carries its markers.
    for line in r.answer.splitlines():
        assert re.search(r"\[\d+\]", line), line
    for c in r.citations:
        assert c.quote and c.quote in c.text
        assert len(c.quote.split()) >= 3


def test_agency_staffing_timeline(service: Reader) -> None:
    r = _ask(service, "How did agency staffing change between 2018 and 2022?")
    assert not r.abstained
    _check_citations(r)
    quotes = [c.quote for c in r.citations]
    first_40 = next(i for i, q in enumerate(quotes) if "about 40%" in q)
    first_33 = next(i for i, q in enumerate(quotes) if "33.3%" in q)
    assert first_40 < first_33
    assert r.answer.index("about 40%") < r.answer.index("33.3%")
    assert str(r.citations[first_40].citation.meeting_date) == "2018-11-21"
    assert str(r.citations[first_33].citation.meeting_date).startswith("2022")
    dates = [str(c.citation.effective_date) for c in r.citations]
    assert dates == sorted(dates)
    assert "21 November 2018" in r.answer
    assert r.temporal.trend


def test_fact_answer_names_meeting_item_and_paragraph(service: Reader) -> None:
    r = _ask(service, "What share of audited cases were rated inadequate?")
    assert not r.abstained
    _check_citations(r)
    assert "20% of cases audited were rated as inadequate" in r.citations[0].quote
    assert "21 November 2018" in r.answer and "item 44" in r.answer and "para 44.3" in r.answer


@pytest.mark.parametrize("question", OWN_UNANSWERABLE)
def test_unanswerable_questions_abstain(service: Reader, question: str) -> None:
    r = _ask(service, question)
    assert r.abstained
    assert r.citations == []
    assert "holds nothing" in r.answer
    assert r.related, "nearest passages are offered as related reading"


@pytest.mark.parametrize("q", _dev_questions(), ids=lambda q: q["id"])
def test_dev_questions(service: Reader, q: dict) -> None:
    r = _ask(service, q["question"])
    assert r.abstained is (q["kind"] == "unanswerable")
    if not r.abstained:
        _check_citations(r)


def test_filters_that_exclude_everything(service: Reader) -> None:
    planning = SearchFilters(committee="Planning Committee")
    r = service.ask(SearchRequest("agency staff", 8, filters=planning))
    assert r.abstained and r.citations == [] and r.related == []
