"""Answer metrics, on hand-built answers whose right scores are known."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eval.answer_metrics import (
    AnswerView,
    CitedQuote,
    answer_evidence_recall,
    answer_from_response,
    citation_support,
    key_figure_presence,
    score_answer,
    summarise,
    trend_ends_cited,
)
from eval.questions import Question

P18 = (
    "The council was very reliant on agency workers to maintain the system "
    "(currently about 40% of the workforce was agency staff)."
)
P21 = "This compares unfavourably with the circa 20% achieved by the end of summer 2021."
P22 = "There has been slight reduction in the rate of agency social workers to 33.3% recently."
D18, D21, D22 = date(2018, 11, 21), date(2021, 9, 1), date(2022, 7, 14)


def _trend() -> Question:
    return Question.model_validate(
        {
            "id": "t", "question": "How has agency staffing changed?", "kind": "trend",
            "evidence": [
                {"quote": "currently about 40% of the workforce was agency staff",
                 "found_in": ["a"]},
                {"quote": "circa 20% achieved by the end of summer 2021", "found_in": ["b"]},
                {"quote": "the rate of agency social workers to 33.3% recently", "found_in": ["b"]},
            ],
            "key_figures": ["40%", "33.3%"], "group": "seeds/2018-11-21", "split": "tune",
        }
    )  # fmt: skip


def _unanswerable() -> Question:
    return Question.model_validate(
        {"id": "u", "question": "Bus route 42?", "kind": "unanswerable", "split": "test"}
    )


def _answer(
    *cites: tuple[str, str, date | None], text: str = "", abstained: bool = False
) -> AnswerView:
    return AnswerView(text, tuple(CitedQuote(q, p, d) for q, p, d in cites), abstained)


def test_evidence_recall_counts_quotes_in_text_or_one_cited_quote() -> None:
    q = _trend()
    assert answer_evidence_recall(q, _answer()) == 0.0
    cited = _answer((P18, P18, D18), text="Agency use fell to 33.3 %.")
    assert answer_evidence_recall(q, cited) == pytest.approx(1 / 3)
    # Curly quotes, case and spacing fold; the answer text alone can carry a quote too.
    text = _answer(text="It was CURRENTLY  about 40% of the workforce was agency staff \u2014 then")
    assert answer_evidence_recall(q, text) == pytest.approx(1 / 3)
    # Citing the right passage with another sentence of it does not carry the quote.
    assert answer_evidence_recall(q, _answer(("The council was very reliant", P18, D18))) == 0.0
    assert answer_evidence_recall(_unanswerable(), _answer()) is None


def test_key_figures_fold_spacing_but_not_values() -> None:
    q = _trend()
    assert key_figure_presence(q, _answer(text="From 40 % in 2018 to 33.3 per cent.")) == 1.0
    assert key_figure_presence(q, _answer(text="From 40% to 33%.")) == 0.5
    assert key_figure_presence(q, _answer(text="From 140% to 3.3%.")) == 0.0
    assert key_figure_presence(q, _answer(("to 33.3% recently", P22, D22))) == 0.5
    fact = q.model_copy(update={"kind": "fact"})
    assert key_figure_presence(fact, _answer(text="40%")) is None
    money = q.model_copy(update={"kind": "figure", "key_figures": ["£23.3m"]})
    assert key_figure_presence(money, _answer(text="a gap of £23.3 m")) == 1.0
    assert key_figure_presence(money, _answer(text="a gap of £23.3 million")) == 1.0
    assert key_figure_presence(money, _answer(text="a gap of £3.3m")) == 0.0


def test_trend_needs_both_ends() -> None:
    q = _trend()
    dates = [D18, D21, D22]
    both = _answer((P18, P18, D18), (P22, P22, D22))
    assert trend_ends_cited(q, both, dates) == 1.0
    assert trend_ends_cited(q, _answer((P18, P18, D18), (P21, P21, D21)), dates) == 0.0
    assert trend_ends_cited(q, _answer((P22, P22, D22)), dates) == 0.0
    # Without manifest dates, the cited passages' meeting dates date the quotes.
    assert trend_ends_cited(q, both, None) == 1.0
    assert trend_ends_cited(q, _answer((P18, P18, D18)), None) is None  # one date known
    assert trend_ends_cited(q.model_copy(update={"kind": "multi"}), both, dates) is None
    with pytest.raises(ValueError, match="2 quote dates for 3 quotes"):
        trend_ends_cited(q, both, dates[:2])


def test_citation_support_is_verbatim_in_the_cited_passage() -> None:
    answer = _answer(
        ("about 40% of the workforce", P18, D18),
        ("about 45% of the workforce", P18, D18),  # not what the passage says
        ("rate of agency social workers", P18, D18),  # true text, wrong passage
        ("", P22, D22),
    )
    assert citation_support(answer) == (1, 3, 1)


def test_abstention_and_summary() -> None:
    trend, unans = _trend(), _unanswerable()
    dates = [D18, D21, D22]
    good = score_answer(trend, _answer((P18, P18, D18), (P22, P22, D22)), dates)
    wrongly_abstained = score_answer(trend, _answer(abstained=True), dates)
    abstained = score_answer(unans, _answer(abstained=True))
    answered = score_answer(unans, _answer(("about 40% of the workforce", P18, D18)))
    assert good.answer_evidence_recall == pytest.approx(2 / 3)
    assert good.key_figure_presence == 1.0 and good.missing_figures == []
    assert wrongly_abstained.false_abstention == 1.0
    assert wrongly_abstained.missing_figures == ["40%", "33.3%"]
    assert abstained.abstention_correct == 1.0 and answered.abstention_correct == 0.0
    assert abstained.answer_evidence_recall is None
    summary = summarise([good, wrongly_abstained, abstained, answered])
    assert summary["answer_evidence_recall"] == pytest.approx(1 / 3)
    assert summary["key_figure_presence"] == 0.5
    assert summary["trend_ends_cited"] == 0.5
    assert summary["abstention_accuracy"] == 0.5
    assert summary["false_abstention_rate"] == 0.5
    assert summary["citation_support"] == 1.0  # 3 checked, all verbatim
    assert summarise([])["answer_evidence_recall"] is None


def test_answer_from_ask_response() -> None:
    response: dict[str, Any] = {
        "question": "?", "answer": "Agency staff fell [1].", "abstained": False,
        "citations": [
            {"n": 1, "passage_id": 7, "text": P22, "quote": "to 33.3% recently",
             "citation": {"document_id": "x", "meeting_date": "2022-07-14"}},
            {"n": 2, "passage_id": 8, "text": P18, "quote": "", "citation": {}},
        ],
    }  # fmt: skip
    view = answer_from_response(response)
    assert view.text == "Agency staff fell [1]."
    assert view.citations[0] == CitedQuote("to 33.3% recently", P22, D22)
    assert view.citations[1].meeting_date is None and view.cited_quotes == ["to 33.3% recently"]
    assert answer_from_response({"answer": None, "abstained": True}).abstained
