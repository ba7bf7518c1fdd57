"""One idea of a word and one idea of a date span, shared by every caller."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.errors import ScrutinyError
from indexer.lexical import LexicalIndex
from indexer.text import ANALYZER, held, highlights, measure, same_word
from search_api import abstention, sentences
from search_api.dates import date_bound, season_span
from search_api.temporal import parse_question
from tests.answering.spans import days


def test_highlights_are_the_words_bm25_matched() -> None:
    text = "The Agenda noted Agency staffing in the Multi Agency Safeguarding Hub; Staffordshire."
    marked = highlights(text, ANALYZER.query_terms("agency staffing"))
    assert marked == ["Agency", "staffing"]  # one surface form each, as written first
    assert "Agenda" not in marked and "Staffordshire" not in marked  # shared letters only
    # BM25 scores exactly these passages for those stems.
    index = LexicalIndex.build([(1, text, None), (2, "The Agenda for Staffordshire", None)])
    assert [pid for pid, _ in index.search("agency staffing", 10)] == [1]


def test_highlights_ignore_stopwords() -> None:
    assert highlights("the and of", ANALYZER.query_terms("the of")) == []


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("tr", 0), ("ee", 0), ("tree", 0), ("y", 0), ("by", 0), ("trouble", 1), ("oats", 1),
     ("trees", 1), ("ivy", 1), ("troubles", 2), ("private", 2), ("oaten", 2), ("orrery", 2)],
)  # fmt: skip
def test_measure_is_porters(stem: str, expected: int) -> None:
    """Porter's (1980) own examples of m = 0, 1, 2: the condition his stemmer sets before it
    strips a derivational ending, which `abstention.same_word` follows (round 32)."""
    assert measure(stem) == expected


def _stems(text: str) -> set[str]:
    return {t for t in ANALYZER.terms(text) if t}


def test_the_words_module_holds_both_rules_of_one_word() -> None:
    """`held` (the prefix rule answer sentences keep) lives beside `same_word` (the ending
    rule the abstention signals use) in the words module; `abstention` re-exports both and
    `sentences` uses the one `held` (round 32)."""
    assert abstention.held is held and sentences.held is held
    assert abstention.same_word is same_word
    kerbside = _stems("kerbside collection")
    kerb = ANALYZER.term("kerb")
    assert kerb is not None
    # A compound the stem begins is held, though it is another word.
    assert held(kerb, kerbside) and not any(same_word(kerb, x) for x in kerbside)
    staff = ANALYZER.term("staffing")
    assert staff is not None and held(staff, _stems("the staff of the unit"))
    assert not held("car", _stems("carers and careers"))  # under `MIN_STEM` letters: equal only
    assert not held(kerb, _stems("the kerfuffle"))


# date_bound's cases are in tests/briefing/test_actions_text.py (the briefing CLI's).


def test_bad_date_bound_is_a_message() -> None:
    with pytest.raises(ScrutinyError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        date_bound("March 2018", end=False)


def test_winter_ends_with_february_in_leap_years() -> None:
    assert season_span("winter", 2019) == (date(2019, 12, 1), date(2020, 2, 29))
    assert season_span("winter", 2018) == (date(2018, 12, 1), date(2019, 2, 28))
    span = parse_question("What was said in winter 2019 about agency staff?").span
    assert span is not None and span.end == date(2020, 2, 29)


def test_question_years_and_cli_years_mean_the_same_days() -> None:
    assert days(parse_question("agency staff in 2018").span) == (
        date_bound("2018", False),
        date_bound("2018", True),
    )
