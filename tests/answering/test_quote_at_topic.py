"""A sentence longer than an answer's quote, quoted by the run holding its topic (round 47,
r47-evid): `answering.CUT_AT_TOPIC`.

A flattened table reads as one "sentence" of many rows. An answer that chose it for the row
its topic stands in quoted its first `MAX_QUOTE_WORDS` words, and the row asked about stood
after them: "Would an elected mayor take over the police and crime commissioner's job?" was
answered by the rows on energy planning and net zero (eval/README.md "The gold passage found,
its sentence missed, round 47").

Text: the English Devolution White Paper's Devolution Framework (appendix B to County Council,
9 January 2025) as converted Kent reads its table: one candidate of 177 words.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import answering
from search_api.answering import MAX_QUOTE_WORDS, _quote_window
from tests.answering.builders import ask

FRAMEWORK = (
    "Coordinating local energy planning to support development of regional network energy "
    "infrastructure x x X Green jobs and skills coordination role x x x A strategic role "
    "on net zero in collaboration with government, including on Great British Energy’s "
    "Local Power Plan and Warm Homes Plan x x X Responsibility for coordinating delivery "
    "and monitoring of Local Nature Recovery Strategies^ x x X Health, wellbeing and "
    "public service reform A bespoke statutory health improvement and health inequalities "
    "duty^ x x X Mayors engaged during the Integrated Care Boards chair appointment "
    "process x x Mayors as members of local Integrated Care Partnerships, and "
    "consideration for position of chair or co-chair x X A role in convening partners and "
    "driving cross-cutting public service reform, including looking at areas such as x x "
    "X multiple disadvantage Public safety Mayors accountable for the exercise of Police "
    "and Crime Commissioner functions where police force and mayoral boundaries align^ x "
    "X Mayors accountable for the exercise of Fire and Rescue Authority functions where "
    "fire and rescue service and mayoral boundaries align x X"
)
QUESTION = "Would an elected mayor take over the police and crime commissioner's job?"
GOLD = (
    "Mayors accountable for the exercise of Police and Crime Commissioner functions where "
    "police force and mayoral boundaries align"
)


def test_a_long_sentence_is_quoted_where_its_topic_stands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The answer quotes the row on police and crime commissioners, cut before and after
    with an ellipsis; before, the framework's first rows."""
    assert len(FRAMEWORK.split()) > MAX_QUOTE_WORDS
    answer = ask(QUESTION, [FRAMEWORK], date(2025, 1, 9))
    assert any(GOLD in c.quote for c in answer.citations), answer.text
    assert "“… " in answer.text
    assert all(c.quote in c.text for c in answer.citations)
    monkeypatch.setattr(answering, "CUT_AT_TOPIC", False)
    answer = ask(QUESTION, [FRAMEWORK], date(2025, 1, 9))
    assert not any(GOLD in c.quote for c in answer.citations), answer.text


def test_a_quote_that_fits_or_holds_no_topic_is_as_before() -> None:
    short = "Mayors accountable for the exercise of Police and Crime Commissioner functions."
    assert _quote_window(short, {"polic": 1.0}) == (short, False, False)
    quote, before, after = _quote_window(FRAMEWORK, {"absent": 1.0})
    assert (before, after) == (False, True)
    assert FRAMEWORK.startswith(quote)
