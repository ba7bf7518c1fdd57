"""Answers to fact, action and figure questions quote the sentence that says the thing
asked for (issue #13 §3, round 10: eval/README.md "Answer evidence, round 10").

Each test is one general cause of a lost quote: a merged quote cut past its length,
an aim asked for but penalised as a target, a figure of another kind than the wording
suggests, a date question answered from action lines, "ask for" not read as an action,
a resolution taken for housekeeping, a financial year read as the meeting's date. Texts
are the seed minutes' own (corpus/001, corpus/003) and Kent County Council lines.
"""

from __future__ import annotations

from datetime import date

from indexer.models import Hit
from search_api.answering import Answer
from search_api.temporal import DateSpan, TemporalIntent
from tests.answering.builders import answering_builder, hit

# corpus/001 (Children and Families O&S, 21 November 2018), para 46.4.
MENTAL_HEALTH = (
    "The committee was also concerned with regard to access to Children and Young People "
    "(Mental Health) Services (CYPS). The DCS agreed that the delay in access to services "
    "could have a significant impact on the individual, and that it was not appropriate to "
    "be in a position where a young person needed to harm themselves in order to access the "
    "help they needed. He was aware that the government had made additional funding "
    "available (£20m) that Clinical Commissioning Groups could bid for. He would ask the "
    "Gloucestershire Clinical Commissioning Group why it had not put in a bid to this funding."
)


def _answer(
    question: str, hits: list[Hit], cosines: dict[int, float] | None = None,
    span: DateSpan | None = None,
) -> Answer:  # fmt: skip
    intent = TemporalIntent(topic=question, span=span, trend=False)
    cosines = cosines or {h.passage_id: 0.5 for h in hits}
    return answering_builder().answer(intent, hits, cosines, {}, question=question)


def test_adjacent_sentences_are_not_merged_past_the_quote_length() -> None:
    """Two chosen sentences of one paragraph are quoted as one only when the join fits in
    `MAX_QUOTE_WORDS`: else the cut drops the later one's end, here the figure's
    subject ("… that Clinical Commissioning Groups could …")."""
    question = (
        "How much extra money had the government made available for children's mental "
        "health services?"
    )
    answer = _answer(question, [hit(1, date(2018, 11, 21), MENTAL_HEALTH)])
    quotes = [c.quote for c in answer.citations]
    assert any("Clinical Commissioning Groups could bid for" in q for q in quotes), quotes
    assert all(c.quote in c.text for c in answer.citations)
