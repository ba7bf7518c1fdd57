from __future__ import annotations

import pytest

from eval.matching import contains_figure, normalise, supported_quotes, supports


def test_curly_quotes_fold_both_ways() -> None:
    passage = "colleagues to \u2018bounce\u2019 ideas off and the council\u2019s \u201cgrip\u201d"
    assert supports(passage, "colleagues to 'bounce' ideas off")
    assert supports(passage, 'the council\'s "grip"')
    assert supports("the council's view", "the council\u2019s view")


def test_line_breaks_and_whitespace_runs() -> None:
    passage = "making insufficient progress in improving services for its \nchildren.\t This"
    assert supports(passage, "insufficient progress in improving services for its children")
    assert supports("a\u00a0non-breaking\r\n\r\n  space", "a non-breaking space")


@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2013", "\u2014", "\u2212"])
def test_dashes_fold_to_hyphen(dash: str) -> None:
    assert supports(f"funding could be used for 0{dash}25 years", "used for 0-25 years")
    assert supports("used for 0-25 years", f"used for 0{dash}25 years")


def test_case_is_ignored() -> None:
    assert supports("The Lead Inspector chose 20 CASES", "the lead inspector chose 20 cases")


def test_soft_hyphen_is_invisible() -> None:
    assert supports("safe\u00adguarding partners", "safeguarding partners")


def test_near_misses_do_not_match() -> None:
    assert not supports("about 40% of the workforce", "about 45% of the workforce")
    assert not supports("anything", "")
    assert not supports("anything", "   \n ")
    # words must stay in order and whole runs of text must match
    assert not supports("reduce the number to 10%", "reduce number to 10%")


def test_normalise_and_supported_quotes() -> None:
    assert normalise("  A \u2014 \u201cB\u201d\n\nC ") == 'a - "b" c'
    text = "Exit interviews indicated X. The DCS said \u2018churn\u2019."
    assert supported_quotes(text, ["exit interviews", "said 'churn'", "absent"]) == [0, 1]


# A real table row of the Kent archive (eval/README.md, round 29, k17-023): the gold "19"
# is no figure of it, only the end of an age range.
HUBS_ROW = (
    "Authority 0-19 Year Olds (to nearest 10,000) Family Hubs per 10,000 0-19 Year Olds "
    "Kent 370,000 50 1.3 Essex"
)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (HUBS_ROW, "19"),  # the end of a range
        ("services for children aged 0\u201319", "19"),  # an en dash folds to a hyphen
        ("the 2018/19 outturn", "19"),  # the end of a period
        ("the 2018/19 outturn", "2018"),  # its start
        ("the 2019 - 20 budget", "20"),  # spaced on both sides: still one period
        ("application 24/00093 was refused", "24"),  # a reference
        ("a score of 6/10", "10"),
        ("met on 10/11/2020", "11"),  # a date
        ("rates of 3-7% a year", "7%"),  # a range's end, unit and all
        ("a rate of 5.5 per cent", "5"),  # a decimal
        ("the 40th meeting", "40"),
    ],
)
def test_figure_inside_another_figure_does_not_match(text: str, figure: str) -> None:
    assert not contains_figure(text, figure)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("a pressure of \u00a332.6m", "32.6"),  # the number of a figure written with its unit
        ("an increase of \u00a31,048.9k", "1,048.9"),
        ("a pressure of \u00a332.6 million", "\u00a332.6m"),
        ("40 per cent of the workforce", "40%"),
        ("40% of the workforce", "40"),
        ("19 children were placed", "19"),
        ("in June 2022", "2022"),  # a year asked for stands in its date
        ("the 2018/19 outturn", "2018/19"),  # a period matches whole
        ("rates of 3\u20137% a year", "3-7%"),  # a range matches whole
        ("200 \u2013 300 homes", "200 - 300"),
        ("a score of 6/10", "6/10"),
        ("from \u00a310m-\u00a312m", "\u00a312m"),  # each side has its unit: two figures
        ("a total of 2,370.3 -12,868.7 net", "12,868.7"),  # a sign, not a range
        ("the total was 57 - a rise", "57"),  # a clause's dash
    ],
)
def test_whole_figures_still_match(text: str, figure: str) -> None:
    assert contains_figure(text, figure)
