"""A question asking a time, an end date, a frequency or a threshold is answered by the
sentence holding that kind of value (round 53, r53-times): `sentences.ASKED_VALUES`,
`asked_value`, `states_value`, `gives_asked_value`, `answering._with_asked_value` and the
opening line (`_lead_line`, `key_clause`).

Such a sentence holds little of the topic; its passage, or the passage its item window
shows it beside, does: a budget meeting's summons names the meeting ("Summons to and
Agenda for the Budget County Council Meeting … at 9.30 am") and the notice beside it its
end ("The meeting is scheduled to end by 5.00 pm."). Sentences that repeat the topic
outscored it, and "what time was the budget meeting supposed to finish" was answered
with the budget consultation's response rate (k9-033; eval/README.md "Asked times, end
dates, frequencies and thresholds, round 53").

Texts: the seed minutes (corpus/001, Children and Families Overview and Scrutiny
Committee, 21 November 2018, and corpus/002, its September 2017 meeting), the seed
improvement report (corpus/004, 14 July 2022), and the Kingston Manorgate Road report
(Kingston and North Kingston Neighbourhood Committee, 15 January 2026), as the reader
gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.settings import Settings
from search_api import sentences
from search_api.answering import _with_asked_value, key_clause
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import (
    asked_value,
    aspects_of,
    candidates,
    gives_asked_value,
    score_candidates,
    states_value,
)
from tests.answering.builders import hit


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What time was the February 2025 budget meeting supposed to finish?", "clock"),
        ("at what time does the committee meet", "clock"),
        ("Until when can councils use capital receipts flexibly?", "end"),
        ("By what date must the petition be submitted?", "end"),
        ("when does the consultation on the local plan close?", "end"),
        ("what is the deadline for reorganisation proposals", "end"),
        ("how long is the work and health strategy out for consultation?", "end"),
        ("how often is the minerals and waste plan supposed to be looked at again", "frequency"),
        ("How frequently does the improvement board meet?", "frequency"),
        (
            "how much does a decision have to cost before kent treats it as a key decision",
            "threshold",
        ),
        ("what is the threshold for a key decision?", "threshold"),
        # A time span asked for, not a time of day; a duration, not an end date.
        ("what timescale is there for the review?", ""),
        ("how long do people wait for an assessment?", ""),
        # A threshold named, a change of it asked.
        ("What did the autumn budget do to the earnings threshold for national insurance?", ""),
        # "When" naming an occasion.
        ("what did cabinet agree when it took the report?", ""),
    ],
)
def test_asked_value(question: str, kind: str) -> None:
    """The kind of value a question asks for, by its form."""
    assert asked_value(question) == kind
    assert aspects_of(question, question).value == kind


@pytest.mark.parametrize(
    ("text", "kind", "stated"),
    [
        ("The meeting is scheduled to end by 5.00 pm.", "clock", True),
        ("The first session would be on 6 October 2017 at 10.00am.", "clock", True),
        ("The meeting closed at 12 noon.", "clock", True),
        ("The report covers 10.00 per cent of cases.", "clock", False),
        ("The strategy was open for consultation until mid-March.", "end", True),
        ("The flexible use of capital receipts ends on 31 March 2030.", "end", True),
        ("any request to delay council elections by Friday 10 January", "end", True),
        ("The MMs were subject to consultation between 17 October - 28 November 2024", "end", True),
        ("The consultation received 2,389 responses.", "end", False),
        ("expect a full inspection at least every three years", "frequency", True),
        ("The Council will review the Reserves Policy on an annual basis", "frequency", True),
        ("his role was to report back to the DfE, on a monthly basis", "frequency", True),
        ("the annual budget was set in February", "frequency", False),
        ("Making a difference every day", "frequency", False),
        ("(currently defined by the Council as in excess of £1,000,000)", "threshold", True),
        ("net debt costs should not exceed 10% of net revenue spending", "threshold", True),
        ("exempt from publication under schedule 12a of the Act 1972", "threshold", False),
        ("the savings requirement over the last 3 years", "threshold", False),
    ],
)  # fmt: skip
def test_states_value(text: str, kind: str, stated: bool) -> None:
    """A sentence states a value of the asked kind by its shape."""
    assert states_value(text, kind) is stated


def test_an_asked_end_time_is_the_end_not_the_start() -> None:
    """Asked when a meeting finishes, its notice's end time gives it, its start does not;
    asked when it starts, either clock time does."""
    start = "A meeting of the County Council will be held on Thursday, 13th February at 9.30 am"
    end = "The meeting is scheduled to end by 5.00 pm."
    finish = aspects_of("What time is the budget meeting supposed to finish?", "budget")
    begin = aspects_of("What time does the budget meeting start?", "budget")
    assert gives_asked_value(end, finish) and not gives_asked_value(start, finish)
    assert gives_asked_value(end, begin) and gives_asked_value(start, begin)


TRAINING = (
    "The committee was reminded about the training sessions on Safeguarding and Scrutiny "
    "led by the committee’s LGA support that were being arranged. The second safeguarding "
    "session would include how to use data to identify issues. The first session would be "
    "on 6 October 2017 at 10.00am."
)
"""The seed minutes of 20 September 2017 (corpus/002), para 20.1.11."""
OFSTED = (
    "The Ofsted monitoring process was explained to committee members. The inspectors "
    "would focus on the recommendations identified in the single inspection and would agree "
    "with the LA what areas to look at."
)
"""The same minutes, para 20.1.8 (its first sentences)."""


def test_the_value_sentence_is_added_and_opens_the_answer_in_its_clause() -> None:
    """Of the chosen sentences none gives the asked time: the pool's sentence that does,
    whose passage speaks to the topic, is quoted; a chosen sentence that gives it leaves
    the answer as it was; the opening line's clause of a long quote is the one giving
    the value."""
    day = date(2017, 9, 20)
    question = "What time was the first safeguarding training session?"
    aspects = aspects_of(question, question)
    hits = [hit(1, day, OFSTED), hit(2, day, TRAINING)]
    scored = score_candidates(candidates(hits), aspects, {})
    chosen = [s for s in scored if s.hit.passage_id == 1][:1]
    weights = dict.fromkeys(aspects.terms, 1.0)
    out = _with_asked_value(chosen, scored, 8, aspects, lambda: weights)
    assert [s.candidate.text for s in out[1:]] == [
        "The first session would be on 6 October 2017 at 10.00am."
    ]
    assert _with_asked_value(out, scored, 8, aspects, lambda: weights) == out
    # A passage that does not speak to the topic gives no value sentence.
    unrelated = aspects_of("What time did the library board meet?", "library board")
    assert _with_asked_value(chosen, scored, 8, unrelated, lambda: {"librari": 1.0}) == chosen
    quote = (
        "A meeting of the County Council will be held in the Council Chamber, County Hall, "
        "Maidstone, Kent, on Thursday, 13th February, 2025 at 9.30 am to deal with the "
        "following business, which the Budget Committee has set out in its summons. The "
        "meeting is scheduled to end by 5.00 pm."
    )
    finish = aspects_of("What time was the budget meeting supposed to finish?", "budget")
    assert "5.00 pm" in key_clause(quote, finish, 12)


def test_the_inspection_frequency_answers_how_often(
    seed_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the seed index (real model, FAISS, SQLite), "how often should the council expect
    a full inspection of children's services" quotes the improvement report's "… a full
    inspection at least every three years" (corpus/004) and opens on it; with the rule
    off the opening line is another sentence."""
    request = SearchRequest(
        "how often should gloucestershire expect a full inspection of children's services?", 8
    )
    answer = Archive.open(seed_settings).reader().ask(request)
    quotes = [c.quote for c in answer.citations]
    assert any("at least every three years" in q for q in quotes), quotes
    assert "every three years" in answer.text.split("\n")[0], answer.text
    monkeypatch.setattr(sentences, "ASKED_VALUES", False)
    answer = Archive.open(seed_settings).reader().ask(request)
    assert "every three years" not in answer.text.split("\n")[0], answer.text


def test_the_meeting_time_answers_what_time_it_met(
    seed_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the seed index, "what time did the … committee meet on 21 November 2018" quotes
    the minutes' page heading with its time ("… Wednesday 21 November 2018 10.00 am") and
    opens on it; with the rule off it does not."""
    request = SearchRequest(
        "what time did the children and families scrutiny committee meet on 21 november 2018?",
        8,
    )
    answer = Archive.open(seed_settings).reader().ask(request)
    quotes = [c.quote for c in answer.citations]
    assert any("10.00 am" in q for q in quotes), quotes
    assert "10.00 am" in answer.text.split("\n")[0], answer.text
    monkeypatch.setattr(sentences, "ASKED_VALUES", False)
    answer = Archive.open(seed_settings).reader().ask(request)
    assert "10.00 am" not in answer.text.split("\n")[0], answer.text
