"""Ranking by the asked-for detail (`search_api/detail.py`, `SearchSettings.detail_boost`):
among passages on a question's subject, the one holding what the question asks for goes
first (eval/README.md, "Ranking by the asked-for detail, round 11"). On the one search
path, with the session's real seed index and model; the sentence rules on the seed
minutes' own lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from search_api.archive import Archive
from search_api.detail import holds_detail
from search_api.search import SearchRequest, SearchResult, search
from search_api.sentences import aspects_of, figure_kinds, figures_in
from tests.answering.builders import hit

# corpus/001, "Revenue Monitoring" and "Improvement Board Update" (21 November 2018).
PLACEMENT_COSTS = (
    "The underlying over-spend was £9 million, £6.23 million being external placement "
    "costs, which reduced to £6.4 million when offset by £2.6 million of Business Rates "
    "Retention pilot income."
)
HIGH_COST = (
    "He wanted to get a better managerial grasp back on these services, in particular to "
    "continue to try and get underneath the high number of referrals for high cost placements."
)


def _search(engine: Archive, question: str, boost: float | None = None) -> SearchResult:
    """The search with the density prior off: these tests' premises ("fusion ranks the DCS
    first") are fusion's order of the passages' own cosines (eval/README.md, r42-prior)."""
    reader = engine.reader()
    tuning = replace(reader.settings.search, density_prior=0.0)
    if boost is not None:
        tuning = replace(tuning, detail_boost=boost)
    return search(reader.snapshot.retriever, tuning, SearchRequest(question), reader.latest_date())


def test_a_cost_passage_is_lifted_above_a_same_subject_passage_without_one(
    seed_engine: Archive,
) -> None:
    """ "What was the cost of placements?": fusion ranks first the DCS on "high cost
    placements" (the subject's words, no amount); the served ranking puts first the
    revenue monitoring passage that states "£6.23 million being external placement
    costs"."""
    question = "What was the cost of placements?"
    plain = _search(seed_engine, question, boost=0.0).hits
    served = _search(seed_engine, question).hits
    assert "high cost placements" in plain[0].text and "£" not in plain[0].text
    assert "£6.23 million being external placement costs" in served[0].text
    assert {h.passage_id for h in served} == {h.passage_id for h in plain}


def test_a_question_asking_for_no_detail_ranks_as_before(seed_engine: Archive) -> None:
    """A "why" question asks for no figure and no decision: hits and scores unchanged.
    So is a trend question (re-ranked for coverage instead)."""
    for question in (
        "Why was the Prospects Service brought back in house?",
        "How did the rate of agency social workers change between 2018 and 2022?",
    ):
        plain = _search(seed_engine, question, boost=0.0).hits
        served = _search(seed_engine, question).hits
        assert [(h.passage_id, h.score) for h in served] == [(h.passage_id, h.score) for h in plain]


def test_the_asked_kind_of_figure_carries_the_detail() -> None:
    """A money question is answered by an amount, not a bare count of the same subject; a
    count question by a count; a sentence must also hold a topic word of the question."""
    day = date(2018, 11, 21)
    amount = hit(1, day, PLACEMENT_COSTS)
    count = hit(2, day, HIGH_COST.replace("high number", "312"))
    other = hit(3, day, "The Business Rates Retention pilot raised £2.6 million of income.")
    money = aspects_of("How much did placements cost?", "How much did placements cost?")
    assert holds_detail([amount, count, other], money) == {1}
    many = aspects_of("How many referrals for placements?", "How many referrals for placements?")
    assert 2 in holds_detail([amount, count], many)


def test_a_resolution_carries_a_decision_and_housekeeping_does_not() -> None:
    """For "what was agreed", a RESOLVED line on the topic is the detail; the minutes
    approved as a correct record are not."""
    day = date(2018, 11, 21)
    resolved = hit(1, day, "RESOLVED that the placements sufficiency strategy be approved.")
    minutes = hit(2, day, "The minutes of the meeting on placements were a correct record.")
    speech = hit(3, day, HIGH_COST)
    asked = aspects_of("What was agreed about placements?", "What was agreed about placements?")
    assert holds_detail([resolved, minutes, speech], asked) == {1}


def test_an_approximate_count_is_a_figure() -> None:
    """ "numbers in care rising to the mid-870s" states a count, as "around 870" does;
    a decade is a date, not a figure."""
    assert figures_in("numbers in care rising to the mid-870s, making it hard") == ["mid-870s"]
    assert figure_kinds("numbers in care rising to the mid-870s") == {"count"}
    assert figures_in("over 1,000 children, nearly 900 in care") == ["1,000", "900"]
    assert figures_in("since the 1990s and the early 2000s") == []


def test_a_count_question_lifts_the_approximate_count(seed_engine: Archive) -> None:
    """ "How many children were in care in summer 2022?": the passage stating "numbers in
    care rising to the mid-870s" carries the asked count and is lifted with the passages
    holding other numbers, so it keeps its place above them."""
    question = "How many children were in care in summer 2022?"
    plain = {h.passage_id: h.score for h in _search(seed_engine, question, boost=0.0).hits}
    served = _search(seed_engine, question).hits
    count = next(h for h in served if "numbers in care rising to the mid-870s" in h.text)
    assert count.score > plain[count.passage_id]
    assert served.index(count) <= 1
