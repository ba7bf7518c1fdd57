"""A budget table's row: its figures after the label's full stop belong to the label's
sentence (`sentences.ROW_FIGURES`).

The PDF reader gives a table row as one line, label then figures; the sentence splitter
ends a sentence at the label's full stop ("… thus potentially increasing price.") and
the figures after it ("4 28.4") were a piece of their own that `is_stray` drops, so no
candidate held the label with its figures and they were never quoted (k4-027, k11-061).

Texts: Kent County Council's Budget Risk Register (Appendix J, full council 13 February
2025, "Market Sustainability") and List of Budget Templates (Appendix F, cabinet 30
January 2025), passages as the PDF reader gives them; eval/README.md "Budget-table rows
whose figures are cut off, round 21".
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

RISK = (
    "Care provider closures are not an infrequent occurrence and whilst some providers "
    "that close are either too small or poor quality, others are making informed business "
    "decisions to exit the market. The more providers that exit in this unplanned manner "
    "further depletes choice and capacity to meet need, which can create pressures in the "
    "system regarding throughput and discharge from hospital thus potentially increasing "
    "price. 4 28.4"
)
ROW = "discharge from hospital thus potentially increasing price. 4 28.4"
SAVING = (
    "ASCH Dan Watkins Adult social care service redesign Re-phasing and full year effect of "
    "2024-25 future cost increase avoidance savings to review and reshape ASCH to deliver "
    "new models of social care. -14,526.6 -488.7 0.0 Adults and Older People Core"
)


def _candidates(text: str) -> list[sentences.Candidate]:
    return sentences.candidates([hit(1, date(2025, 2, 13), text)])


def _texts(text: str) -> list[str]:
    return [c.text for c in _candidates(text)]


def test_a_rows_figures_join_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run of figures after the label's full stop joins the label's sentence, and is
    a figure of it; a paragraph's number and a sentence opening with a figure keep their
    own place (only a run holding a table's value, decimal or grouped, joins, and only
    where the next piece is no sentence)."""
    row = next(c for c in _candidates(RISK) if c.text.endswith(ROW))
    assert "28.4" in row.figures
    saving = _texts(SAVING)
    assert any(t.endswith("new models of social care. -14,526.6 -488.7 0.0") for t in saving)
    # The rest of the row (its column values in words) stays no candidate.
    assert not any("Adults and Older People" in t for t in saving)
    para = (
        "The Committee noted the report and agreed the recommendations set out in it. "
        "3 The Cabinet Member for Adult Social Care introduced the next item."
    )
    assert _texts(para)[0].endswith("set out in it.")
    count = (
        "The Council agreed the housing strategy for the county in full. 2,000 new homes "
        "will be built by the county council over the next five years."
    )
    assert _texts(count)[0].endswith("for the county in full.")
    monkeypatch.setattr(sentences, "ROW_FIGURES", False)
    assert not any("28.4" in t for t in _texts(RISK))
    assert not any("14,526.6" in t for t in _texts(SAVING))


def test_the_rows_figure_is_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    """k4-027's form: asked the estimated cost of care providers leaving the market, the
    answer quotes the risk's row with its figure; without the rule no quote held it."""
    question = "What is the estimated cost of the risk of care providers leaving the market?"

    def ask() -> list[str]:
        hits = [hit(1, date(2025, 2, 13), RISK)]
        intent = TemporalIntent(topic=question, span=None, trend=False)
        answer = answering_builder().answer(intent, hits, {1: 0.6}, {}, question=question)
        assert all(c.quote in c.text for c in answer.citations)
        return [c.quote for c in answer.citations]

    assert any(q.endswith("price. 4 28.4") for q in ask()), ask()
    monkeypatch.setattr(sentences, "ROW_FIGURES", False)
    assert not any("28.4" in q for q in ask())


# Appendix D, 3 Year Revenue Plan (cabinet 30 January 2025): a row of figures, labelled.
TOTAL = (
    "TOTAL Savings for delivery in 2025-26 -94,351.4 -28,637.6 -122,989.0 -38,807.8 -1,897.4 "
    "-21,184.8 -16,436.2 -37,621.0 -16,311.3 -1,867.0 -18,178.3 -4,202.1 -9,897.3 -2,798.1 "
    "-1,150.0 -8,437.0 -9,587.0"
)


def test_a_labelled_row_of_figures_is_a_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """k4-015's form (`sentences.ROW_LABELS`): a row whose words are mostly figures is a
    candidate when its label reads as text; a row of figures alone, or with a label of
    capitalised column names, is none of `ROW_LABELS`' (it is a table's row of its own:
    `TABLE_ROWS`, tests/answering/test_table_rows.py)."""
    row = next(c for c in _candidates(TOTAL) if c.text == TOTAL)
    assert "-122,989.0" in row.figures or "122,989.0" in row.figures
    assert _texts("-94,351.4 -28,637.6 -122,989.0 -38,807.8 -1,897.4 -21,184.8") == []
    monkeypatch.setattr(sentences, "TABLE_ROWS", False)
    assert _texts("Appendix I: Budget Risks Register 2025-26 TOTAL £m 334.7 290.0") == []
    monkeypatch.setattr(sentences, "ROW_LABELS", False)
    assert _texts(TOTAL) == []
