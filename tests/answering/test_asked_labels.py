"""A labelled line answers a question asking for its label's kind (round 52, r52-labels):
`sentences.ASKED_LABELS`, `asked_label_line`, `asks_where`, `answering._with_asked_label`.

A report's or a form's heading block says who, where and when in "Label: value" lines that
are no sentence of the text: they hold few of the question's topic words, so sentences of
the same papers that repeat the topic outscored them, and "which portfolio holder is
responsible for …" was answered with the report's resolution (kg3-002), "where did the
committee meet" with the minutes' first sentences (s25-002). The answer quotes the best
line of its passages whose label is of the asked kind and whose passage speaks to the
topic beyond the label (eval/README.md "Labelled lines answering who, where and when,
round 52").

Texts: the seed minutes' page heading (corpus/001, Children and Families Overview and
Scrutiny Committee, 21 November 2018); Kingston's Manorgate Road petition report and its
minutes (Kingston and North Kingston Neighbourhood Committee, 15 January 2026), as the
reader gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Hit
from indexer.settings import Settings
from search_api import sentences
from search_api.answering import _topic_beyond, _with_asked_label
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import (
    Scored,
    asked_label_line,
    asks_where,
    aspects_of,
    candidates,
    score_candidates,
)
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, ask, hit

HEADING = (
    "Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road "
    "Report by Matthew Hill, Director, Highways, Transport, and Regulatory services Relevant "
    "Portfolio Holder: Councillor Nicola Nardelli, Portfolio Holder for Sustainable Transport "
    "and Waste and Recycling"
)
"""The Manorgate Road petition report's heading block, one passage as the reader gives it."""
RESOLVED = (
    "RESOLVED that: 1. the introduction of traffic management measures on Manorgate Road at "
    "the existing width restriction and Wolverton Avenue using an experimental traffic "
    "management order (ETMO) under sections 9 and 10 of the Road Traffic Regulation Act "
    "1984(a), with Manorgate Road to be made one-way Northbound (towards Kingston Hill/"
    "roundabout) and Wolverton Avenue to be made one-way between Kingston Hill and Coombe "
    "Road, as shown in Annex 3, be approved; 2. a report be brought back to this Committee "
    "after 6 months from the implementation of the scheme outlining the outcome of the scheme "
    "and the impact on the surrounding roads;"
)
"""The committee's resolution on the petition (its minutes, item 59)."""
HOLDER = (
    "Relevant Portfolio Holder: Councillor Nicola Nardelli, Portfolio Holder for Sustainable "
    "Transport and Waste and Recycling"
)
VENUE = "Venue: Council Chamber - Shire Hall, Gloucester"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("where did the children and families scrutiny committee meet in november 2018", True),
        ("Where is the Cabinet meeting held?", True),
        ("do we know where the consultation events will be?", True),
        ("which venue did the committee use", True),
        ("what support is there for areas where performance is below target", False),
        ("how many cases were there where children waited over a year", False),
    ],
)
def test_asks_where(question: str, asked: bool) -> None:
    """The word "where" asks where it opens a question or a clause, not after a noun."""
    assert asks_where(question) is asked
    assert aspects_of(question, question).where is asked


@pytest.mark.parametrize(
    ("question", "line", "echoed"),
    [
        ("Which portfolio holder is responsible for the report?", HOLDER, ("portfolio", "holder")),
        (
            "who proposed the lib dems' budget amendment on levi capital funding",
            "Proposer: Mr Antony Hook Seconder: Mr Richard Streatfeild, MBE",
            ("propos",),
        ),
        (
            "who is the responsible officer for kcc adopting the delivery plan",
            "EQIA Title KCC adoption of ICS delivery Plan Responsible Officer Mike Gogarty Type",
            ("respons", "offic"),
        ),
        ("where did the committee meet in november 2018", f"10.00 am {VENUE}.", ()),
        ("when does the committee meet next?", "Date: 4 March 2025 Time: 10.00 am", ()),
        # The label's head is no word of the question: it gives another post.
        ("who proposed the amendment?", "Seconder: Mr Richard Streatfeild, MBE", None),
        # A label of the asked post with no person after it.
        ("which portfolio holder is responsible?", "Portfolio Holder: see annex", None),
        # A question asking none of who, where, when.
        ("what is the venue hire budget?", VENUE, None),
        # A time label with no figure.
        ("when does the committee meet?", "Date: to be confirmed", None),
    ],
)
def test_asked_label_line(question: str, line: str, echoed: tuple[str, ...] | None) -> None:
    assert asked_label_line(line, aspects_of(question, question)) == echoed


def test_the_portfolio_holder_line_answers_which_portfolio_holder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked which portfolio holder is responsible for the report, the answer quotes the
    heading block's label line; before, the resolution and the heading's title sentence,
    which hold more of the question's words, were quoted and the line was not (kg3-002)."""
    question = "Which portfolio holder is responsible for the Manorgate Road traffic report?"
    day = date(2026, 1, 15)
    quotes = [c.quote for c in ask(question, [RESOLVED, HEADING], day).citations]
    assert any(q.startswith(HOLDER) for q in quotes), quotes
    monkeypatch.setattr(sentences, "ASKED_LABELS", False)
    quotes = [c.quote for c in ask(question, [RESOLVED, HEADING], day).citations]
    assert not any("Nicola Nardelli" in q for q in quotes), quotes


def test_a_label_of_another_papers_heading_is_not_quoted() -> None:
    """The heading block's passage speaks to the Manorgate Road report's topic beyond its
    label's words, not to another report's: only there may its label line be quoted."""
    heading = hit(1, date(2026, 1, 15), HEADING)
    for question, speaks in [
        ("Which portfolio holder is responsible for the Manorgate Road traffic report?", True),
        ("Which portfolio holder is responsible for the library opening hours report?", False),
    ]:
        aspects = aspects_of(question, question)
        echoed = asked_label_line(HOLDER, aspects)
        assert echoed == ("portfolio", "holder")
        weights = dict.fromkeys(aspects.terms, 1.0)
        assert (_topic_beyond(heading, weights, echoed) > 0) is speaks, question


def test_the_venue_line_answers_where_the_committee_met(
    seed_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the seed index, "where did … meet" is answered from the minutes' page heading
    ("… 10.00 am Venue: Council Chamber - Shire Hall, Gloucester"), the committee's name
    the topic beyond the label; before, from the minutes' sentences alone (s25-002)."""
    reader = Archive.open(seed_settings).reader()
    request = SearchRequest(
        "where did the children and families scrutiny committee meet in november 2018", 8
    )
    quotes = [c.quote for c in reader.ask(request).citations]
    assert any(VENUE in q for q in quotes), quotes
    monkeypatch.setattr(sentences, "ASKED_LABELS", False)
    quotes = [c.quote for c in Archive.open(seed_settings).reader().ask(request).citations]
    assert not any(VENUE in q for q in quotes), quotes


LEVI = "Proposer: Mr Antony Hook Seconder: Mr Richard Streatfeild, MBE"
"""The Liberal Democrats' LEVI amendment form's heading (Kent County Council, 13 February
2025): its passage is the label line alone; the document's title names the amendment."""
LABOUR = (
    "Proposer: Mr Alister Brady Seconder: Mrs Jackie Meade Proposed Purpose: To amend the "
    "budget proposed by the Administration in line with the Labour Group’s Alternative Budget "
    "in accordance with sections 8.10 – 14 of the Constitution."
)
"""The Labour Group's alternative budget amendment form's heading, the same meeting."""
TOP_UP = "£2.149m to ‘top-up’ the LEVI capital project funding."


def _titled(pid: int, text: str, title: str) -> Hit:
    h = hit(pid, date(2025, 2, 13), text)
    return h.model_copy(update={"citation": h.citation.model_copy(update={"title": title})})


def test_the_asked_papers_label_before_another_papers() -> None:
    """Two amendment forms' "Proposer:" lines stand in the answer's passages; the one whose
    paper holds more of the question's topic (the LEVI amendment's, by its document title)
    is quoted, not the other amendment's, whose heading holds the question's commoner words
    ("budget", "amend") and scores higher (k26-022)."""
    question = "who proposed the lib dems' budget amendment on levi capital funding"
    hits = [
        _titled(1, TOP_UP, "3 - Amendment - Liberal Democrats - LEVI capital funding"),
        _titled(2, LABOUR, "1 - Amendment - Labour Groups Alternative Budget - 2025"),
        _titled(3, LEVI, "3 - Amendment - Liberal Democrats - LEVI capital funding"),
    ]
    intent = TemporalIntent(topic=question, span=None, trend=False)
    cosines = dict.fromkeys(range(1, 4), 0.6)
    answer = answering_builder().answer(intent, hits, cosines, {}, question=question)
    quotes = [c.quote for c in answer.citations]
    assert any(q.startswith(LEVI) for q in quotes), quotes
    assert not any("Alister Brady" in q for q in quotes), quotes


@pytest.mark.parametrize(
    ("question", "pooled", "weighed", "quoted"),
    [
        # Asks none of who, where, when: neither the pool nor the weights are read.
        ("What did the committee resolve on the Manorgate Road traffic report?", 0, 0, False),
        # Asks who, the pool holds a line of the asked label: both read, the line quoted.
        (
            "Which portfolio holder is responsible for the Manorgate Road traffic report?",
            1,
            1,
            True,
        ),
        # Asks where: the pool is read, no line of it gives a place, so no weight is.
        ("Where will the Manorgate Road traffic scheme be monitored?", 1, 0, False),
    ],
)
def test_the_pool_and_weights_are_read_only_when_a_label_may_answer(
    question: str, pooled: int, weighed: int, quoted: bool
) -> None:
    """`_with_asked_label` calls for its pool (`_within` over `MANY_POOL_RANKS`) only when
    the question asks who, where or when (`asks_label`), and for the topic's weights only
    when a line of the pool gives the asked label (round 53: both were computed for every
    answer that is no trend); what it quotes is as before."""
    day = date(2026, 1, 15)
    hits = [hit(1, day, RESOLVED), hit(2, day, HEADING)]
    aspects = aspects_of(question, question)
    scored = score_candidates(candidates(hits, who=aspects.who), aspects, {})
    reads = {"pool": 0, "weights": 0}

    def pool() -> list[Scored]:
        reads["pool"] += 1
        return scored

    def weights() -> dict[str, float]:
        reads["weights"] += 1
        return dict.fromkeys(aspects.terms, 1.0)

    chosen = [s for s in scored if s.candidate.hit.passage_id == 1][:1]
    out = _with_asked_label(chosen, pool, 8, aspects, weights)
    assert (reads["pool"], reads["weights"]) == (pooled, weighed)
    assert any(s.candidate.text.startswith(HOLDER) for s in out) is quoted
    assert out[: len(chosen)] == chosen
