"""A month's name is read by one module (`indexer.dates`, round 54): the answer's date
words (`search_api.sentences.states_date`) and a briefing's due phrase
(`search_api.briefing.DUE`) read the months `indexer.dates.MONTH_NAMES` holds, not a
spelling of their own, and read them as they did (match spans unchanged on every stored
passage of round 54's indexes, by a static scan: eval/README.md, r54-words)."""

from __future__ import annotations

import calendar
import re
from pathlib import Path

import pytest

from indexer.dates import MONTH_NAMES, MONTHS
from search_api import briefing, sentences

CORPUS = Path(__file__).parents[2] / "corpus"
SEED_TEXT = "\n".join(f.read_text() for f in sorted(CORPUS.glob("*.txt")))


def test_the_full_names_are_the_calendars_and_months_holds_them_with_the_abbreviations() -> None:
    assert [MONTHS[name] for name in MONTH_NAMES] == list(range(1, 13))
    assert tuple(n.lower() for n in calendar.month_name[1:]) == MONTH_NAMES
    assert {"jan", "sep", "sept", "dec"} <= MONTHS.keys() - set(MONTH_NAMES)


@pytest.mark.parametrize("name", MONTH_NAMES)
def test_every_month_of_the_one_list_is_a_date_and_a_due_time(name: str) -> None:
    for written in (name, name.title(), name.upper()):
        assert sentences.states_date(f"The review will report on 4 {written}.")
        assert sentences.states_date(f"The review will report in {written} 2019.")
        due = briefing.DUE.search(f"Officers to report back by 4 {written} 2019.")
        assert due is not None and due.group(0) == f"by 4 {written} 2019"


@pytest.mark.parametrize("abbreviation", ["Jan", "Sept", "Dec"])
def test_an_abbreviation_is_no_date_word_as_before(abbreviation: str) -> None:
    # The abbreviations are `MONTHS`' too, but these two patterns never read them.
    assert not sentences.states_date(f"The review will report on 4 {abbreviation}.")
    assert briefing.DUE.search(f"Officers to report back by 4 {abbreviation}.") is None


def test_the_seed_minutes_dates_and_due_times_as_the_hand_spelt_patterns_read_them() -> None:
    # The patterns as they were spelt before round 54, pinned on the seed minutes.
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    old_dates = re.compile(
        r"\b\d{1,2}(?:st|nd|rd|th)? (?:" + months + r")\b|\b(?:" + months
        + r"|spring|summer|autumn|winter) \d{4}\b|\b(?:19|20)\d{2}\b",
        re.IGNORECASE,
    )  # fmt: skip
    old_due = re.compile(briefing.DUE.pattern.replace("|".join(MONTH_NAMES), months), re.I)
    assert old_due.pattern != briefing.DUE.pattern
    found = [m.span() for m in sentences._DATE_WORDS.finditer(SEED_TEXT)]
    assert found == [m.span() for m in old_dates.finditer(SEED_TEXT)]
    assert any(m.group(0).lower().startswith(MONTH_NAMES) for m in old_dates.finditer(SEED_TEXT))
    due = [m.span() for m in briefing.DUE.finditer(SEED_TEXT)]
    assert due == [m.span() for m in old_due.finditer(SEED_TEXT)]
    assert "by April 2018" in [m.group(0) for m in briefing.DUE.finditer(SEED_TEXT)]
