"""One search path: a question in, ranked and cited passages out.

`/search`, `python -m search_api search`, the evaluation's engine configurations, the
benchmarks and `/ask` and briefings (as their evidence) all make this one call,
`Reader.search(SearchRequest)`, so a change to ranking is made once and measured as
members meet it.

How evidence covers a span
--------------------------
1. The question's date words are cut out (`TemporalIntent.topic`) and the rest goes to
   the dense and lexical retrievers; the rankings are fused by reciprocal rank fusion
   (or one ranking is used alone, per `mode`). Hard filters still apply.
2. A named span is a *soft* constraint: a passage whose effective date (its stated date,
   else its meeting's) falls inside it gets its score multiplied by `span_boost`;
   nothing is dropped.
3. For a trend question the top `pool` candidates are re-ranked for coverage: among the
   passages that speak to the topic (in the top `relevant_ranks` and with a dense cosine
   within `relevant_cosine_margin` of the best), the best passage of the earliest and of
   the latest meeting are placed first, then the best passage of every other meeting,
   then the rest by a score discounted for each passage already taken from the same
   meeting (`same_meeting_discount`, an MMR-like penalty on meeting). The top k therefore
   spans the period instead of repeating one meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from indexer.errors import ScrutinyError
from indexer.models import Hit, MeetingKey, SearchFilters, SearchMode
from indexer.settings import SearchSettings
from indexer.text import ANALYZER, highlights

from .retrieval import Retriever
from .temporal import TemporalIntent, parse_question

__all__ = [
    "MAX_K",
    "BadRequestError",
    "SearchRequest",
    "SearchResult",
    "boost_span",
    "cover_span",
    "search",
]

MAX_K = 1000
"""More passages than anyone reads; the HTTP layer allows fewer (100)."""


class BadRequestError(ScrutinyError):
    """A request the archive cannot answer as given (empty query, k out of range, ...)."""


@dataclass(frozen=True)
class SearchRequest:
    """What to search for: the same object whichever door the question came in by."""

    query: str
    k: int = 10
    mode: SearchMode = "hybrid"
    filters: SearchFilters = field(default_factory=SearchFilters)

    def __post_init__(self) -> None:
        """Refuse what would fail deeper down, with a message a person can act on."""
        if not self.query.strip():
            raise BadRequestError("the query is empty")
        if not 1 <= self.k <= MAX_K:
            raise BadRequestError(f"k must be between 1 and {MAX_K}, not {self.k}")
        if self.mode not in ("dense", "lexical", "hybrid"):
            raise BadRequestError(f"mode must be dense, lexical or hybrid, not {self.mode!r}")
        f = self.filters
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise BadRequestError(
                f"date_from ({f.date_from}) is after date_to ({f.date_to}); swap them"
            )


@dataclass
class SearchResult:
    """Ranked passages for a request, with what was understood of the question."""

    request: SearchRequest
    intent: TemporalIntent
    hits: list[Hit]
    cosines: dict[int, float]
    """Dense cosine of the question's topic with each passage the dense retriever saw:
    the answer builder's evidence that the archive speaks to the topic at all."""


def search(
    retriever: Retriever,
    tuning: SearchSettings,
    request: SearchRequest,
    latest: date | None,
) -> SearchResult:
    """Rank passages for a request on one snapshot's retriever (see the module docstring).

    `latest` is the corpus's latest date: "recently" counts back from it.
    """
    intent = parse_question(request.query, latest)
    topic, k = intent.topic, request.k
    width = max(tuning.pool, k)
    ranked, cosines = retriever.rank(
        topic, max(tuning.candidates, width), request.mode, request.filters, tuning
    )
    candidates = retriever.hits(ranked[:width])
    scored = boost_span(candidates, intent, tuning.span_boost)
    if intent.trend:
        scored = cover_span(scored, cosines, k, tuning)
    terms = ANALYZER.query_terms(topic)
    shown = [h.model_copy(update={"highlights": highlights(h.text, terms)}) for h in scored[:k]]
    return SearchResult(request, intent, shown, cosines)


def boost_span(hits: list[Hit], intent: TemporalIntent, factor: float) -> list[Hit]:
    """Scores multiplied by `factor` inside the question's span; best first."""
    span = intent.span
    if span is None:
        return hits
    boosted = [
        h.model_copy(update={"score": round(h.score * factor, 6)})
        if span.contains(h.citation.effective_date)
        or any(span.contains(s.meeting_date) for s in h.citation.sources)
        else h
        for h in hits
    ]
    return sorted(boosted, key=lambda h: -h.score)


def cover_span(
    hits: list[Hit], cosines: dict[int, float], k: int, tuning: SearchSettings
) -> list[Hit]:
    """Re-rank so the top k reaches across the period: a trend question, and every
    briefing, needs its earliest and latest relevant meetings, not ten passages of one.

    Among the relevant hits (cosine near the best), the earliest and latest dated
    meetings come first, then one hit per meeting, then the rest with each further
    hit of an already-taken meeting discounted.
    """
    if len(hits) <= 1:
        return hits
    top = hits[: tuning.relevant_ranks]
    best_cos = max((cosines.get(h.passage_id, 0.0) for h in top), default=0)
    relevant = [
        h for h in top if cosines.get(h.passage_id, 0.0) >= best_cos - tuning.relevant_cosine_margin
    ]
    best_of: dict[MeetingKey, Hit] = {}
    for h in relevant:
        best_of.setdefault(h.citation.meeting, h)
    dated = sorted(
        (h for h in best_of.values() if h.citation.effective_date),
        key=lambda h: h.citation.effective_date or date.min,
    )
    anchors = [*dated[:1], *dated[-1:], *best_of.values()]
    chosen: dict[int, Hit] = {}
    for h in anchors:
        if len(chosen) >= k:
            break
        chosen.setdefault(h.passage_id, h)
    taken: dict[MeetingKey, int] = {}
    for h in chosen.values():
        taken[h.citation.meeting] = taken.get(h.citation.meeting, 0) + 1
    rest = [h for h in hits if h.passage_id not in chosen]
    discount = tuning.same_meeting_discount
    while rest and len(chosen) < k:
        best = max(rest, key=lambda h: h.score * discount ** taken.get(h.citation.meeting, 0))
        rest.remove(best)
        chosen[best.passage_id] = best
        taken[best.citation.meeting] = taken.get(best.citation.meeting, 0) + 1
    # The top k now spans the period; within it, best first.
    return sorted(chosen.values(), key=lambda h: -h.score) + rest
