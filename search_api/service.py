"""The application core behind the API, the CLI and (later) briefings: no HTTP here.

`ScrutinyService` wraps one `Archive` and adds what a question needs beyond plain
retrieval: the date span and trend wording it carries (`temporal`), evidence that covers
that span, and extractive cited answers (`answering`).

How evidence covers a span
--------------------------
1. The question's date words are cut out (`TemporalIntent.topic`) and the rest goes to
   the dense and lexical retrievers; the rankings are fused by reciprocal rank fusion
   (or one ranking is used alone, per `mode`). Hard filters still apply.
2. A named span is a *soft* constraint: a passage whose effective date (its stated date,
   else its meeting's) falls inside it gets its score multiplied by `SPAN_BOOST`; nothing
   is dropped.
3. For a trend question the top `POOL` candidates are re-ranked for coverage: among the
   passages that speak to the topic (in the top `RELEVANT_RANKS` and with a dense cosine
   near the best), the best passage of the earliest and of the latest meeting are
   placed first, then the best passage of every other meeting, then the rest by a score
   discounted for each passage already taken from the same meeting (an MMR-like penalty
   on meeting, `SAME_MEETING_DISCOUNT`). The top k therefore spans the period instead of
   repeating one meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indexer.errors import DocumentNotFoundError, ScrutinyError
from indexer.models import DatePrecision, Hit, SearchFilters, SearchMode
from indexer.settings import Settings
from indexer.store import StoredDocument

from .answering import AbstentionPolicy, Answer, AnswerBuilder
from .archive import Archive
from .http.schemas import (
    AskRequest,
    AskResponse,
    DocumentDetail,
    DocumentPassage,
    DocumentsResponse,
    DocumentSummary,
    FacetsResponse,
    HealthResponse,
    SearchQuery,
    SearchResponse,
    TemporalInfo,
)
from .retrieval import highlights
from .temporal import TemporalIntent, parse_question

__all__ = ["Evidence", "PassageNotInDocumentError", "ScrutinyService", "SourceFileMissingError"]

POOL = 50
"""Candidates re-ranked for a question (span boost, trend coverage)."""
SPAN_BOOST = 1.3
RELEVANT_RANKS = 20
RELEVANT_COSINE_MARGIN = 0.15
SAME_MEETING_DISCOUNT = 0.8


class PassageNotInDocumentError(DocumentNotFoundError):
    def __init__(self, document_id: str, passage_id: int) -> None:
        ScrutinyError.__init__(self, f"Passage {passage_id} is not in document {document_id!r}")
        self.document_id = document_id


class SourceFileMissingError(DocumentNotFoundError):
    def __init__(self, document_id: str) -> None:
        ScrutinyError.__init__(
            self, f"The original file of document {document_id!r} is not on this server"
        )
        self.document_id = document_id


@dataclass
class Evidence:
    """Re-ranked passages for a question, with what was understood of it."""

    intent: TemporalIntent
    hits: list[Hit]
    cosines: dict[int, float]
    """Dense cosine of the question's topic with each passage the dense retriever saw."""


def _temporal_info(intent: TemporalIntent) -> TemporalInfo:
    span = intent.span
    return TemporalInfo(
        span_from=span.start if span else None,
        span_to=span.end if span else None,
        span_text=span.text if span else None,
        trend=intent.trend,
    )


def _meeting(hit: Hit) -> tuple[date | None, str | None]:
    return hit.citation.meeting_date, hit.citation.committee


class ScrutinyService:
    def __init__(self, engine: Archive, policy: AbstentionPolicy | None = None) -> None:
        self.engine = engine
        self.settings: Settings = engine.settings
        self.answers = AnswerBuilder(engine.embedder, policy)

    @classmethod
    def open(cls, settings: Settings) -> ScrutinyService:
        return cls(Archive.open(settings))

    def refresh(self) -> bool:
        """Pick up an index version published since (a `build` while the server runs)."""
        return self.engine.refresh()

    # -- status ----------------------------------------------------------------------------

    def health(self) -> HealthResponse:
        passages, documents = self.engine.counts()
        return HealthResponse(
            passages=passages,
            documents=documents,
            model=self.engine.snapshot.info.model,
            index_version=self.engine.snapshot.version,
        )

    def facets(self) -> FacetsResponse:
        store = self.engine.snapshot.store
        facets = store.facets()
        start, end = store.date_range()
        return FacetsResponse(
            councils=facets.get("council", []),
            committees=facets.get("committee", []),
            doc_types=facets.get("doc_type", []),
            date_from=start,
            date_to=end,
        )

    def latest_date(self) -> date | None:
        """The corpus's latest date: what "recently" and "the last N years" count back from."""
        return self.engine.snapshot.store.date_range()[1]

    # -- evidence --------------------------------------------------------------------------

    def evidence(
        self,
        question: str,
        k: int,
        mode: SearchMode = "hybrid",
        filters: SearchFilters | None = None,
    ) -> Evidence:
        intent = parse_question(question, self.latest_date())
        retriever = self.engine.snapshot.retriever
        topic = intent.topic
        depth = max(self.settings.candidates, POOL, k)
        allowed = retriever.allowed(filters)
        dense = retriever.dense(topic, depth, allowed)
        cosines = dict(dense)
        if mode == "dense":
            ranked = dense
        elif mode == "lexical":
            ranked = retriever.lexical(topic, depth, allowed)
        else:
            ranked = retriever.fuse(dense, retriever.lexical(topic, depth, allowed))
        pool = retriever.hits(ranked[: max(POOL, k)], topic, highlight=False)
        scored = self._boost(pool, intent)
        if intent.trend:
            scored = self.cover_span(scored, cosines, k)
        shown = [h.model_copy(update={"highlights": highlights(h.text, topic)}) for h in scored[:k]]
        return Evidence(intent, shown, cosines)

    @staticmethod
    def _boost(hits: list[Hit], intent: TemporalIntent) -> list[Hit]:
        """Scores multiplied by SPAN_BOOST inside the question's span; best first."""
        span = intent.span
        if span is None:
            return hits
        boosted = [
            h.model_copy(update={"score": round(h.score * SPAN_BOOST, 6)})
            if span.contains(h.citation.effective_date)
            or any(span.contains(s.meeting_date) for s in h.citation.sources)
            else h
            for h in hits
        ]
        return sorted(boosted, key=lambda h: -h.score)

    @staticmethod
    def cover_span(hits: list[Hit], cosines: dict[int, float], k: int) -> list[Hit]:
        """Re-rank so the top k reaches across the period: a trend question, and every
        briefing, needs its earliest and latest relevant meetings, not ten passages of one.

        Among the relevant hits (cosine near the best), the earliest and latest dated
        meetings come first, then one hit per meeting, then the rest with each further
        hit of an already-taken meeting discounted.
        """
        if len(hits) <= 1:
            return hits
        best_cos = max((cosines.get(h.passage_id, 0.0) for h in hits[:RELEVANT_RANKS]), default=0)
        relevant = [
            h
            for h in hits[:RELEVANT_RANKS]
            if cosines.get(h.passage_id, 0.0) >= best_cos - RELEVANT_COSINE_MARGIN
        ]
        best_of: dict[tuple[date | None, str | None], Hit] = {}
        for h in relevant:
            best_of.setdefault(_meeting(h), h)
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
        taken: dict[tuple[date | None, str | None], int] = {}
        for h in chosen.values():
            taken[_meeting(h)] = taken.get(_meeting(h), 0) + 1
        rest = [h for h in hits if h.passage_id not in chosen]
        while rest and len(chosen) < k:
            best = max(
                rest, key=lambda h: h.score * SAME_MEETING_DISCOUNT ** taken.get(_meeting(h), 0)
            )
            rest.remove(best)
            chosen[best.passage_id] = best
            taken[_meeting(best)] = taken.get(_meeting(best), 0) + 1
        # The top k now spans the period; within it, best first.
        return sorted(chosen.values(), key=lambda h: -h.score) + rest

    # -- the three questions a client asks --------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResponse:
        evidence = self.evidence(query.q, query.k, query.mode, query.filters())
        return SearchResponse(
            query=query.q,
            mode=query.mode,
            k=query.k,
            hits=evidence.hits,
            temporal=_temporal_info(evidence.intent),
        )

    def ask(self, request: AskRequest) -> AskResponse:
        evidence = self.evidence(request.question, request.k, request.mode, request.filters())
        answer = self.answers.answer(
            evidence.intent, evidence.hits, evidence.cosines, self._precisions(evidence.hits)
        )
        return self._ask_response(request.question, evidence, answer)

    @staticmethod
    def _ask_response(question: str, evidence: Evidence, answer: Answer) -> AskResponse:
        return AskResponse(
            question=question,
            answer=answer.text,
            citations=answer.citations,
            abstained=answer.abstained,
            related=answer.related,
            temporal=_temporal_info(evidence.intent),
        )

    def _precisions(self, hits: Sequence[Hit]) -> dict[str, DatePrecision | None]:
        store = self.engine.snapshot.store
        out: dict[str, DatePrecision | None] = {}
        for h in hits:
            doc_id = h.citation.document_id
            if doc_id not in out:
                doc = store.document(doc_id)
                out[doc_id] = doc.meta.date_precision if doc else None
        return out

    # -- documents -------------------------------------------------------------------------

    def _summary(self, doc: StoredDocument) -> DocumentSummary:
        meta = doc.meta
        return DocumentSummary(
            **meta.model_dump(),
            passages=doc.passages,
            source_available=self._source_path(doc) is not None,
        )

    def documents(self) -> DocumentsResponse:
        docs = [self._summary(d) for d in self.engine.documents()]
        return DocumentsResponse(count=len(docs), documents=docs)

    def document(self, document_id: str, passage: int | None = None) -> DocumentDetail:
        doc, passages = self.engine.document(document_id)
        out: list[DocumentPassage] = []
        for p in passages:
            here = next(
                (s for s in p.citation.sources if s.document_id == document_id),
                None,
            )
            out.append(
                DocumentPassage(
                    passage_id=p.passage_id,
                    text=p.text,
                    item=here.item if here else p.citation.item,
                    item_title=here.item_title if here else p.citation.item_title,
                    paragraph=here.paragraph if here else p.citation.paragraph,
                    page=here.page if here else p.citation.page,
                    stated_date=p.citation.stated_date,
                    also_in=[
                        s.document_id for s in p.citation.sources if s.document_id != document_id
                    ],
                    selected=p.passage_id == passage,
                )
            )
        if passage is not None and not any(p.selected for p in out):
            raise PassageNotInDocumentError(document_id, passage)
        return DocumentDetail(document=self._summary(doc), passages=out, selected_passage=passage)

    def _source_path(self, doc: StoredDocument) -> Path | None:
        """The original file, when it still lies where it was indexed from."""
        root = Path(doc.corpus).resolve()
        path = (root / doc.meta.path).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
        return path

    def source_file(self, document_id: str) -> tuple[Path, str]:
        """The original file of a document and its media type, for reading at a page."""
        doc = self.engine.snapshot.store.document(document_id)
        if doc is None:
            raise DocumentNotFoundError(document_id)
        path = self._source_path(doc)
        if path is None:
            raise SourceFileMissingError(document_id)
        media = {
            ".pdf": "application/pdf",
            ".txt": "text/plain; charset=utf-8",
            ".html": "text/plain; charset=utf-8",
            ".htm": "text/plain; charset=utf-8",
        }.get(path.suffix.lower(), "application/octet-stream")
        return path, media
