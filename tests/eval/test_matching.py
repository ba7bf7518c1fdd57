from __future__ import annotations

import pytest

from eval.matching import normalise, supported_quotes, supports


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
