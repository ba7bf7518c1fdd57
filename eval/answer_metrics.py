"""Answer metrics: does the cited answer carry the gold evidence, the figures, both ends
of a trend, abstain when it should, and quote its passages faithfully?

Pure functions over plain values, so the harness, a test or a notebook can score any
answer: build an `AnswerView` (from an `/ask` response with `answer_from_response`, or
by hand), call `score_answer(question, answer, quote_dates)` for one question and
`summarise(scores)` for the averages.

Matching follows the shared rule (`eval.matching`): a gold quote counts as carried when
the normalised answer text or a normalised cited quote contains it; figures are matched
with `contains_figure`, which folds "33.3 %" / "33.3%" and "£23.3 m" / "£23.3m" and
matches a whole figure only ("19" is not stated by "0-19" or "2018/19").

Per question (averaged over): `answer_evidence_recall`, share of gold quotes in the
answer text or a cited quote (answerable); `key_figure_presence`, share of `key_figures`
stated there (figure, trend); `trend_ends_cited`, 1 if an earliest-dated and a
latest-dated gold quote are both carried (trend); `abstention_accuracy`, 1 if it
abstained (unanswerable); `false_abstention`, 1 if it abstained (answerable);
`citation_support`, share of cited quotes standing in their cited passage (micro, over
all citations).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from eval.matching import contains_figure, normalise
from eval.questions import FIGURE_KINDS, Question

__all__ = [
    "AnswerScore",
    "AnswerView",
    "CitedQuote",
    "answer_evidence_recall",
    "answer_from_response",
    "carried_quotes",
    "citation_support",
    "key_figure_presence",
    "score_answer",
    "summarise",
    "trend_ends_cited",
]


@dataclass(frozen=True)
class CitedQuote:
    """One citation of an answer: the quoted words, the whole cited passage, its date."""

    quote: str
    passage_text: str = ""
    meeting_date: date | None = None


@dataclass(frozen=True)
class AnswerView:
    """What the metrics need from an answer, whatever produced it."""

    text: str
    citations: tuple[CitedQuote, ...] = ()
    abstained: bool = False

    @property
    def cited_quotes(self) -> list[str]:
        return [c.quote for c in self.citations if c.quote]


@dataclass
class AnswerScore:
    """One question's answer metrics; None where the metric does not apply to its kind."""

    id: str
    kind: str
    split: str | None
    abstained: bool
    answer_evidence_recall: float | None = None
    key_figure_presence: float | None = None
    trend_ends_cited: float | None = None
    abstention_correct: float | None = None
    false_abstention: float | None = None
    citations_checked: int = 0
    citations_supported: int = 0
    citations_unquoted: int = 0
    carried_quotes: list[int] = field(default_factory=list)
    missing_figures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _carriers(answer: AnswerView) -> list[str]:
    """Normalised texts that can carry evidence: the answer text and every cited quote."""
    return [normalise(t) for t in [answer.text, *answer.cited_quotes] if t]


def carried_quotes(question: Question, answer: AnswerView) -> list[int]:
    """Indices of the gold quotes that the answer text or one cited quote contains."""
    texts = _carriers(answer)
    return [
        i
        for i, q in enumerate(question.quotes)
        if (nq := normalise(q)) and any(nq in t for t in texts)
    ]


def answer_evidence_recall(question: Question, answer: AnswerView) -> float | None:
    """Share of the gold quotes carried by the answer (None for unanswerable questions).

    A quote must stand whole in the answer text or in ONE cited quote: an answer that
    cites the right passage but quotes another sentence of it has not shown the evidence.
    """
    if not question.answerable or not question.evidence:
        return None
    return len(carried_quotes(question, answer)) / len(question.evidence)


def key_figure_presence(question: Question, answer: AnswerView) -> float | None:
    """Share of `key_figures` the answer states (answer text or a cited quote).

    None for kinds other than figure/trend, and for such questions without key figures.
    """
    if question.kind not in FIGURE_KINDS or not question.key_figures:
        return None
    texts = [answer.text, *answer.cited_quotes]
    found = [f for f in question.key_figures if any(contains_figure(t, f) for t in texts)]
    return len(found) / len(question.key_figures)


def _quote_dates(
    question: Question, answer: AnswerView, quote_dates: Sequence[date | None] | None
) -> list[date | None]:
    """Each gold quote's date: the given one (from the corpus manifest), else the meeting
    date of a citation whose quote or passage holds it, else None."""
    given = list(quote_dates) if quote_dates is not None else [None] * len(question.evidence)
    if len(given) != len(question.evidence):
        raise ValueError(
            f"{question.id}: {len(given)} quote dates for {len(question.evidence)} quotes"
        )
    out: list[date | None] = []
    for quote, known in zip(question.quotes, given, strict=True):
        if known is None:
            nq = normalise(quote)
            known = next(
                (
                    c.meeting_date
                    for c in answer.citations
                    if c.meeting_date
                    and (nq in normalise(c.quote) or nq in normalise(c.passage_text))
                ),
                None,
            )
        out.append(known)
    return out


def trend_ends_cited(
    question: Question, answer: AnswerView, quote_dates: Sequence[date | None] | None = None
) -> float | None:
    """1.0 when the answer carries a gold quote of the earliest date AND one of the latest
    date of the trend's evidence, else 0.0; None when not a trend or fewer than two dates.

    Quotes sharing the earliest (latest) date are interchangeable. `quote_dates` are the
    gold quotes' dates (`Question.quote_dates(manifest_dates(...))`); missing ones are
    taken from the cited passages' meeting dates.
    """
    if question.kind != "trend":
        return None
    dates = _quote_dates(question, answer, quote_dates)
    known = [d for d in dates if d is not None]
    if len(set(known)) < 2:
        return None
    first, last = min(known), max(known)
    carried = {dates[i] for i in carried_quotes(question, answer)}
    return float(first in carried and last in carried)


def citation_support(answer: AnswerView) -> tuple[int, int, int]:
    """(supported, checked, unquoted) over the answer's citations.

    A cited quote is supported when it stands, normalised, in its cited passage's text.
    A citation without a quote cannot be checked and is counted apart.
    """
    supported = checked = unquoted = 0
    for c in answer.citations:
        if not c.quote.strip():
            unquoted += 1
            continue
        checked += 1
        supported += normalise(c.quote) in normalise(c.passage_text)
    return supported, checked, unquoted


def score_answer(
    question: Question, answer: AnswerView, quote_dates: Sequence[date | None] | None = None
) -> AnswerScore:
    """Every answer metric of one question."""
    supported, checked, unquoted = citation_support(answer)
    score = AnswerScore(
        id=question.id,
        kind=question.kind,
        split=question.split,
        abstained=answer.abstained,
        citations_checked=checked,
        citations_supported=supported,
        citations_unquoted=unquoted,
    )
    if not question.answerable:
        score.abstention_correct = float(answer.abstained)
        return score
    score.false_abstention = float(answer.abstained)
    score.carried_quotes = carried_quotes(question, answer)
    score.answer_evidence_recall = answer_evidence_recall(question, answer)
    score.key_figure_presence = key_figure_presence(question, answer)
    if score.key_figure_presence is not None:
        texts = [answer.text, *answer.cited_quotes]
        score.missing_figures = [
            f for f in question.key_figures if not any(contains_figure(t, f) for t in texts)
        ]
    score.trend_ends_cited = trend_ends_cited(question, answer, quote_dates)
    return score


def _mean(values: Iterable[float | None]) -> float | None:
    xs = [v for v in values if v is not None]
    return statistics.fmean(xs) if xs else None


def summarise(scores: Sequence[AnswerScore]) -> dict[str, float | int | None]:
    """Averages over the questions each metric applies to (None when none does).

    `abstention_accuracy` is over unanswerable questions, `false_abstention_rate` over
    answerable ones, `citation_support` a micro average over all checked citations.
    Group the scores first (by `split`, `kind`) for per-split or per-kind tables.
    """
    checked = sum(s.citations_checked for s in scores)
    return {
        "questions": len(scores),
        "answer_evidence_recall": _mean(s.answer_evidence_recall for s in scores),
        "key_figure_presence": _mean(s.key_figure_presence for s in scores),
        "trend_ends_cited": _mean(s.trend_ends_cited for s in scores),
        "abstention_accuracy": _mean(s.abstention_correct for s in scores),
        "false_abstention_rate": _mean(s.false_abstention for s in scores),
        "citation_support": (
            sum(s.citations_supported for s in scores) / checked if checked else None
        ),
        "citations_unquoted": sum(s.citations_unquoted for s in scores),
    }


def answer_from_response(response: Mapping[str, Any]) -> AnswerView:
    """An `/ask` JSON response (`answer`, `citations[].quote/.text/.citation.meeting_date`,
    `abstained`) as an `AnswerView`; dates may be ISO strings or `date`s."""
    citations = []
    for c in response.get("citations") or []:
        meta = c.get("citation") or {}
        raw = meta.get("meeting_date") if isinstance(meta, Mapping) else None
        day = date.fromisoformat(raw) if isinstance(raw, str) and raw else None
        if isinstance(raw, date):
            day = raw
        citations.append(CitedQuote(c.get("quote") or "", c.get("text") or "", day))
    return AnswerView(
        text=response.get("answer") or "",
        citations=tuple(citations),
        abstained=bool(response.get("abstained")),
    )
