"""Who holds a post, answered by the line that names them (round 47, r47-evid):
`sentences.POST_LINES`.

A report names its officers in lines that are no sentence: a heading block ("Relevant
Portfolio Holder: …"), a contact line ("Anna Taylor, Scrutiny Research Officer
anna.taylor@kent.gov.uk 03000 416478"). `is_stray` keeps such lines out of an answer, so
"who is the council's interim director of finance" was answered by a sentence that only
named the report while the passage naming him ranked among the hits. For a question asking
who, a stray line naming someone by their post is a candidate (eval/README.md "The gold
passage found, its sentence missed, round 47").

Texts: Kent County Council's papers (the shared archive) as the reader gives them: the
2025-26 budget's covering report to County Council, 13 February 2025, p. 4 ("Relevant
Corporate Director"); the call-in report on family hubs to Cabinet, 4 March 2025, p. 3
("Contact Details"); a report heading of the same papers ("From: …").
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import aspects_of, candidates, is_stray, names_post
from tests.answering.builders import ask, hit

DIRECTOR = (
    "- John Betts (Interim Corporate Director, Finance) - 03000 410066 - john.betts@kent.gov.uk"
)
OFFICER = "Anna Taylor, Scrutiny Research Officer anna.taylor@kent.gov.uk 03000 416478"
FROM = (
    "From: Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services To: "
    "County Council – 13 March 2025 Subject: Treasury Management Strategy 2025-26. The report "
    "sets out the council's finance strategy for the year."
)


def test_a_contact_line_answers_who_holds_the_post(monkeypatch: pytest.MonkeyPatch) -> None:
    """The contact line is a stray piece; asked who the interim director of finance is, the
    answer quotes it, where before it quoted only the report's heading sentence."""
    question = "who is the council's interim director of finance"
    day = date(2025, 2, 13)
    quotes = [c.quote for c in ask(question, [FROM, DIRECTOR], day).citations]
    assert any("John Betts (Interim Corporate Director, Finance)" in q for q in quotes), quotes
    monkeypatch.setattr(sentences, "POST_LINES", False)
    quotes = [c.quote for c in ask(question, [FROM, DIRECTOR], day).citations]
    assert not any("John Betts" in q for q in quotes), quotes


def test_only_a_question_asking_who_reads_the_lines() -> None:
    """A question that asks no one keeps the stray line out, as before."""
    hits = [hit(1, date(2025, 3, 4), OFFICER)]
    assert is_stray(OFFICER) and names_post(OFFICER)
    asking = aspects_of("who is the scrutiny research officer", "scrutiny research officer")
    other = aspects_of("what did the scrutiny research say", "scrutiny research")
    assert asking.who and not other.who
    assert [c.text for c in candidates(hits, who=asking.who)] == [OFFICER]
    assert candidates(hits, who=other.who) == []


def test_which_portfolio_holder_asks_who() -> None:
    """A "which portfolio holder" asks a person, "which portfolio" a thing."""
    assert aspects_of("Which portfolio holder is responsible for the report?", "").who
    assert not aspects_of("Which portfolio covers highways?", "").who


@pytest.mark.parametrize(
    "line",
    [
        "Anna Taylor, Scrutiny Research Officer",
        "John Betts (Interim Corporate Director, Finance)",
        "Councillor Nicola Nardelli, Portfolio Holder for Sustainable Transport",
        "Responsible Head of Service Nicholas Abrahams - CY EPA",
        "Report Authors: David Whittle, Director of Strategy, Policy",
    ],
)
def test_names_post(line: str) -> None:
    assert names_post(line)


@pytest.mark.parametrize(
    "line", ["Director of Public Health Annual Report 2024", "Appendix 1: Capital Programme"]
)
def test_no_name_no_post_line(line: str) -> None:
    assert not names_post(line)


HEADING = (
    "Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road "
    "Report by Matthew Hill, Director, Highways, Transport, and Regulatory services Relevant "
    "Portfolio Holder: Councillor Nicola Nardelli, Portfolio Holder for Sustainable Transport "
    "and Waste and Recycling"
)
"""Kingston's heading block of the Manorgate Road petition report (Kingston and North
Kingston Neighbourhood Committee, 15 January 2026), one line as the reader gives it."""


def test_a_post_line_is_quoted_with_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """The splitter cuts "Relevant Portfolio Holder:" from the name at the colon; the post
    line is quoted from its label (`POST_LABELS`, round 47, r47-evid2: kg3-002)."""
    hits = [hit(1, date(2026, 1, 15), HEADING)]
    texts = [c.text for c in candidates(hits, who=True)]
    assert (
        "Relevant Portfolio Holder: Councillor Nicola Nardelli, Portfolio Holder for "
        "Sustainable Transport and Waste and Recycling"
    ) in texts, texts
    monkeypatch.setattr(sentences, "POST_LABELS", False)
    texts = [c.text for c in candidates(hits, who=True)]
    assert not any(t.startswith("Relevant Portfolio Holder") for t in texts), texts


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Report Author: Anna Taylor, Scrutiny Research Officer", "Report Author: "),
        ("The report was noted: Anna Taylor, Scrutiny Research Officer", ""),
    ],
)
def test_post_label_start(line: str, label: str) -> None:
    x = line.index("Anna")
    assert line[sentences._post_label_start(line, x) : x] == label
