"""The archive as a library: open an index once, read it through pinned readers.

`Archive.open(settings)` loads the model and the live index version and keeps them;
`archive.reader()` hands out a `Reader` pinned to the version live at that moment.
Everything a request does (search, answer, briefing, documents) goes through one
reader, so a request never straddles two versions even when a `build` publishes a new
one mid-request: `refresh()` only changes which version the *next* reader gets.

The HTTP app, both command lines, the evaluation harness, the benchmarks and the
reliability tools all use this facade; nothing else opens the store.

    from search_api import Archive, SearchRequest
    archive = Archive.open(Settings())
    reader = archive.reader()
    hits = reader.search(SearchRequest("agency staffing", k=5)).hits

A version is closed (SQLite connections, mapped files) as soon as the last reader of
it is gone (`indexer.snapshot.Reaper`), not at some later GC. A server started without
a usable index keeps trying: the HTTP layer retries `Archive.open` whenever a new
version is published.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import math
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from indexer.compatibility import check_index_matches
from indexer.dates import DateOrder, archive_date_order, archive_year_end, year_end_counts
from indexer.density import DENSITY_FILE, load_density
from indexer.embedding import Embedder
from indexer.errors import DocumentNotFoundError, IndexCorruptError, ScrutinyError
from indexer.ingest.metadata import texts_date_order
from indexer.lexical import LEXICAL_DIR, LexicalIndex
from indexer.models import DatePrecision, Hit, MeetingKey, Passage, SearchFilters
from indexer.once import reading
from indexer.settings import Settings
from indexer.snapshot import (
    FULL_CHECK_BYTES,
    STORE_FILE,
    VECTORS_FILE,
    IndexDir,
    IndexInfo,
    Reaper,
)
from indexer.store import PassageStore, StoredDocument, filter_sql
from indexer.text import MIN_STEM, Stems, same_word
from indexer.vectors import VectorIndex

from .abstention import TOP_N, SupportFeatures, archive_names, coverage
from .answering import (
    PLACED_READING,
    ROLL_READ,
    Answer,
    AnswerBuilder,
    Record,
    at_place,
    place_of,
    read_pool,
    record_of,
)
from .briefing import Briefing, BriefingBuilder, BriefingRequest
from .documents import (
    DocumentDetail,
    DocumentPassage,
    DocumentSummary,
    Facets,
    PassageNotInDocumentError,
    SourceFileMissingError,
    Stats,
    media_type_for,
)
from .retrieval import Retriever
from .search import SearchRequest, SearchResult, search
from .sentences import decided_item
from .temporal import TemporalIntent, parse_question
from .windows import with_windows

__all__ = ["Archive", "Reader", "Searched", "Snapshot"]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Snapshot:
    """One published index version, opened read-only."""

    version: str
    info: IndexInfo
    store: PassageStore
    retriever: Retriever
    stated_year_end: str | None = None
    """The year end the settings state (`Settings.year_end`): it wins over the recorded one."""
    stated_date_order: str | None = None
    """The date order the settings state (`Settings.date_order`): it wins over the recorded
    one."""

    def close(self) -> None:
        """Close the version's files: its SQLite connections and mapped posting files."""
        self.store.close()
        self.retriever.lexical_index.close()

    @cached_property
    def year_end(self) -> tuple[int, int]:
        """The (month, day) this version's financial year ends on (`archive_year_end`): the
        one the settings state, else the one its build recorded (`IndexInfo.year_end`),
        else, for a version built before it was recorded, the one its documents' stored
        counts name most, or failing those (a store written before round 35) its passages,
        read once when a question first needs it (31 March when none names a year's end)."""
        return archive_year_end(self.stated_year_end, self.info.year_end, self._year_ends)

    @cached_property
    def date_order(self) -> DateOrder | None:
        """Which figure this version's papers write first in a date in figures
        (`archive_date_order`): the one the settings state, else the one its build recorded
        (`IndexInfo.date_order`), else, for a version built before it was recorded, the one
        its passages show, read once when a question first needs it (round 48). None:
        nothing says, and a question's "3.12.2019" is read day first."""
        return archive_date_order(
            self.stated_date_order,
            self.info.date_order,
            lambda: texts_date_order(self.store.texts),
        )

    def _year_ends(self) -> Counter[tuple[int, int]]:
        totals = self.store.year_end_totals()
        return totals if totals is not None else year_end_counts(self.store.texts())

    @cached_property
    def names(self) -> Stems:
        """The index terms of this version's councils' and committees' names as its
        documents' metadata records them (`abstention.archive_names`), read once."""
        facets = self.store.facets()
        return archive_names([*facets.get("council", []), *facets.get("committee", [])])

    @cached_property
    def date_range(self) -> tuple[date | None, date | None]:
        """(earliest meeting date, latest end date) of this version, read once: every
        question reads its latest date ("recently", "the last N years"), an answer up to
        three times. The store is opened read-only and never written; a build or an upload
        publishes a new version, which `Archive.refresh` opens as a new `Snapshot`, so the
        range moves with the version."""
        return self.store.date_range()


class Archive:
    """An opened index and its model: the one object a program keeps.

    Thread-safe: readers may be taken and used from many threads at once while another
    thread calls `refresh()`.
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or Embedder.from_settings(settings)
        self.index_dir = IndexDir(settings.index_dir)
        self._lock = threading.Lock()
        self._refused: str | None = None
        self._reaper = Reaper()
        self._snapshot = self._open(self.index_dir.current())

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Archive:
        """Open the live index version (loading the model unless one is given).

        Raises IndexNotFoundError, IndexMismatchError or IndexCorruptError with the
        command that fixes it.
        """
        return cls(settings, embedder)

    def _open(self, version: Path) -> Snapshot:
        info = self.index_dir.read_info(version)
        check_index_matches(info, self.settings, self.embedder, self.index_dir.root)
        store = PassageStore(version / STORE_FILE, readonly=True)
        try:
            store.check_integrity(thorough=store.path.stat().st_size <= FULL_CHECK_BYTES)
            vectors = VectorIndex.load(version / VECTORS_FILE, info.vector_kind)
            lexical = LexicalIndex.load(version / LEXICAL_DIR)
            density = _density(version)
        except BaseException:
            store.close()
            raise
        tuning = self.settings.search
        retriever = Retriever(
            store,
            vectors,
            lexical,
            self.embedder,
            tuning.rrf_k,
            tuning.candidates,
            tuning.lexical_weight,
            density,
        )
        return Snapshot(
            version.name, info, store, retriever, self.settings.year_end, self.settings.date_order
        )

    @property
    def snapshot(self) -> Snapshot:
        """The version new readers get (index tests inspect its files through it)."""
        return self._snapshot

    @property
    def version(self) -> str:
        """The name of the version new readers get."""
        return self._snapshot.version

    def reader(self) -> Reader:
        """A reader pinned to the live version: take one per request.

        The reader holds its version open for as long as it lives: a version retired by
        `refresh()` is closed (SQLite connections, mapped files) once the last reader
        that may read it is gone, not at some later garbage collection.
        """
        ticket = self._reaper.enter()
        reader = Reader(self._snapshot, self.settings, self.embedder)
        weakref.finalize(reader, self._reaper.leave, ticket)
        return reader

    def refresh(self) -> bool:
        """Switch to the live version if a writer published a new one since.

        A new version that cannot be opened (damaged, mismatched) is logged once and
        skipped: the open snapshot goes on answering, rather than every request failing
        until someone repairs the disk. The next version published is tried again.
        Readers already handed out keep their version.
        """
        name = self.index_dir.current_name()
        if name is None or name in (self._snapshot.version, self._refused):
            return False
        with self._lock:
            if name in (self._snapshot.version, self._refused):
                return False
            try:
                new = self._open(self.index_dir.current())
            except ScrutinyError as exc:
                self._refused = name
                log.error("kept index version %s: %s", self._snapshot.version, exc)
                return False
            old, self._snapshot = self._snapshot, new
        self._reaper.retire(old.close)
        return True


@dataclass(frozen=True)
class Searched:
    """What `Reader.ask`'s search half produced for one request (`Reader.searched`), from
    which its answer half answers (`Reader.answered`): the request as searched (a trend's
    k raised to `timeline_hits`), its ranked passages, their dates' precisions, and two
    further readings made when first asked and then kept: the hits' item windows and,
    for a filtered request, the whole archive's order without the density prior."""

    request: SearchRequest
    found: SearchResult
    precisions: dict[str, DatePrecision | None]
    windows: Callable[[], list[Hit]]
    wide: Callable[[], SearchResult]


def _kept(build: Callable[[], T]) -> Callable[[], T]:
    """`build`, called once when first asked; its result kept for later asks."""
    kept: list[T] = []

    def get() -> T:
        if not kept:
            kept.append(build())
        return kept[0]

    return get


class Reader:
    """Everything one request may ask of the archive, all from one index version."""

    def __init__(self, snapshot: Snapshot, settings: Settings, embedder: Embedder) -> None:
        self.snapshot = snapshot
        self.settings = settings
        lexical = snapshot.retriever.lexical_index
        self.answers = AnswerBuilder(
            settings.answers, idf=_idf_of(lexical), encode=embedder.encode, named=snapshot.names
        )
        self._store = snapshot.store
        self._minutes_read: dict[str, Record] | None = None

    @property
    def version(self) -> str:
        """The index version every answer of this reader comes from."""
        return self.snapshot.version

    # -- questions -------------------------------------------------------------------------

    def search(
        self,
        request: SearchRequest,
        shown: frozenset[int] = frozenset(),
        intent: TemporalIntent | None = None,
    ) -> SearchResult:
        """Ranked, cited passages, each returned in its item window: THE search of the
        system, what `/search` serves (see `search_api.search` and `search_api.windows`).
        A later page passes the passages its earlier pages `shown`; a caller that has
        read the query (`reads`) passes its `intent`, so it is not read again."""
        found = self.ranked(request, intent)
        tuning = self.settings.search
        return with_windows(
            found, self._store, tuning.window_chars, shown, tuning.near_copy_overlap
        )

    def ranked(self, request: SearchRequest, intent: TemporalIntent | None = None) -> SearchResult:
        """The search's ranked passages themselves, without their windows: what answers
        and briefings quote from, since a quote must stand in the paragraph it cites.
        `intent`: the query as `reads` reads it, when the caller has it."""
        return search(
            self.snapshot.retriever,
            self.settings.search,
            request,
            self.latest_date(),
            self.snapshot.year_end,
            intent if intent is not None else self.reads(request.query),
        )

    @reading()
    def ask(self, request: SearchRequest) -> Answer:
        """An extractive, cited answer drawn from the request's search results; a trend
        question's from at least `timeline_hits` of them (its ends are two meetings).
        The question is read once (`reads`), for its searches too. Two halves: what the
        search produced (`searched`) and the answer from it (`answered`), which
        `eval.fit_answers` calls apart, answering one search at every grid point."""
        return self.answered(self.searched(request))

    @reading()
    def searched(self, request: SearchRequest) -> Searched:
        """`ask`'s search half: the request's ranked passages (a trend's at least
        `timeline_hits`), their dates' precisions, and what the answer half may ask for
        later (the item windows; for a filtered request, the whole archive's search)."""
        hits = self.settings.answers.timeline_hits
        intent = self.reads(request.query)
        found: SearchResult | None = None
        if intent.fate is not None:
            # "What happened to X?": X's outcome where the plain search's top passages hold
            # an item titled by X that records its vote, else a course (`temporal.FATES`).
            plain = dataclasses.replace(
                intent, trend=False, subject=None, tracked=None, fate=None, decided=True
            )
            found = self.ranked(request, plain)
            if decided_item(found.hits[:TOP_N], intent.fate):
                intent = plain
            else:
                found = None
        if request.k < hits and intent.trend:
            request = dataclasses.replace(request, k=hits)
        if found is None:
            found = self.ranked(request, intent)
        tuning = self.settings.search

        def windows() -> list[Hit]:
            # The hits' item windows as `/search` shows them: a passage beside a quoted one
            # may give the answer a sentence that passes its guard (`answering.BESIDE`).
            return with_windows(
                found, self._store, tuning.window_chars, overlap=tuning.near_copy_overlap
            ).hits

        def wide() -> SearchResult:
            # The unfiltered request's order without the density prior (what its
            # `unbiased()` is, checked equal on every tune row): the prior is not applied
            # only to be set aside.
            return search(
                self.snapshot.retriever, dataclasses.replace(tuning, density_prior=0.0),
                dataclasses.replace(request, filters=SearchFilters()), self.latest_date(),
                self.snapshot.year_end, intent,
            )  # fmt: skip

        return Searched(request, found, self.precisions(found.hits), _kept(windows), _kept(wide))

    @reading()
    def answered(self, searched: Searched) -> Answer:
        """`ask`'s answer half: the answer from what `searched` produced, under the
        answer constants as they are now (`searched` is left as it was, so it may be
        answered again)."""
        request, precisions = searched.request, searched.precisions
        # Page furniture is no evidence: neither judged as support nor quoted
        # (`SearchResult.content`, `search_api.empty`).
        found = searched.found.content()
        # A trend read on one council's passages is answered from them; whether the archive
        # speaks to it is judged on its nearest passages as retrieved (`as_ranked`). A
        # plain question is answered from the density prior's ranking and judged on the
        # same retrieval's order without it (`unbiased`): the signals the abstention model
        # was fitted on (eval/README.md, r42-prior).
        plain = found.unbiased()
        asked = (
            None
            if plain is found and found.as_ranked is None
            else self.answers.features(request.query, plain.intent, plain.support, plain.cosines)
        )
        answer = self.answers.answer(
            found.intent, found.hits, found.cosines, precisions, question=request.query,
            support=asked, beyond=found.beyond, following=self.following,
            council=found.council, windows=searched.windows, copies=found.copies,
            records=self.records,
        )  # fmt: skip
        if answer.abstained and found.hits and not request.filters.is_empty():
            # A filter narrows the evidence; it must not turn a matching passage into an
            # abstention. Whether the archive speaks to the topic is asked of all of it.
            wide = searched.wide().content()
            support = self.answers.features(request.query, wide.intent, wide.hits, wide.cosines)
            if self.answers.policy.supported(support) and _matches(plain, support):
                answer = self.answers.answer(
                    found.intent, found.hits, found.cosines, precisions,
                    question=request.query, support=support, beyond=found.beyond,
                    following=self.following, council=found.council,
                    windows=searched.windows, copies=found.copies, records=self.records,
                )  # fmt: skip
        answer.intent = found.intent
        return answer

    def pool(self, searched: Searched) -> list[tuple[str, Hit]]:
        """The passages `answered` may quote for what `searched` produced, each with its
        part of the pool (`answering.read_pool`): its content hits, the neighbours their
        item windows show, what it reads below them and the passages after them. What
        `eval.answer_diagnose` asks whether a gold quote stood in; no answer is given."""
        found = searched.found.content()
        return read_pool(
            found.intent, found.hits, searched.windows, found.beyond, found.copies,
            found.council, searched.request.query, self.following,
        )  # fmt: skip

    def briefing(
        self, request: BriefingRequest, base_url: str = "", now: datetime | None = None
    ) -> Briefing:
        """A cited briefing note on a topic; `base_url` makes its links absolute."""
        return BriefingBuilder(self, base_url).build(request, now)

    # -- documents -------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        """Every indexed document, oldest meeting first (undated last)."""
        docs = sorted(
            self._store.stored_documents().values(),
            key=lambda d: (d.meta.meeting_date is None, d.meta.meeting_date, d.meta.document_id),
        )
        return [self._summary(d) for d in docs]

    def document(self, document_id: str, passage: int | None = None) -> DocumentDetail:
        """A document's passages in reading order; `passage` marks a cited one."""
        doc = self._store.document(document_id)
        if doc is None:
            raise DocumentNotFoundError(document_id)
        out: list[DocumentPassage] = []
        for p in self._store.document_passages(document_id):
            here = next((s for s in p.citation.sources if s.document_id == document_id), None)
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

    def source_file(self, document_id: str) -> tuple[Path, str]:
        """The original file of a document and its media type, for reading at a page."""
        doc = self._store.document(document_id)
        if doc is None:
            raise DocumentNotFoundError(document_id)
        path = _source_path(doc)
        if path is None:
            raise SourceFileMissingError(document_id)
        return path, media_type_for(path)

    def stored_document(self, document_id: str) -> StoredDocument | None:
        """A document as stored (with the corpus folder it came from), or None."""
        return self._store.document(document_id)

    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        """Stored passages by id (ids not in this version are left out)."""
        return self._store.passages(list(ids))

    def following(self, hits: Sequence[Hit]) -> dict[int, Hit]:
        """The passage after each hit in its document and agenda item (unscored), by the
        hit's id: where a list the hit's end cuts runs on (`AnswerBuilder.answer` asks
        only when it quotes such a list, so other answers cost no store lookup). A hit is
        read on from the place it was read at (`answering.PLACED_READING`), and the
        passage after it is cited there; a place with nothing after it in its item reads
        on, as before, from the first of its other places that has one."""
        at = {h.passage_id: w for h in hits if PLACED_READING and (w := place_of(h.citation))}
        placed = self._store.following_places(list(at.values())) if at else {}
        reached = {pid: placed[place] for pid, place in at.items() if place in placed}
        loose = self._store.following([h.passage_id for h in hits if h.passage_id not in reached])
        passages = self._store.passages([*(n for n, _ in reached.values()), *loose.values()])
        out: dict[int, Hit] = {}
        for pid, (nxt, ordinal) in reached.items():
            if (p := passages.get(nxt)) is not None:
                cited = at_place(p.citation, at[pid][0], ordinal)
                out[pid] = Hit(passage_id=nxt, text=p.text, score=0.0, citation=cited)
        for pid, nxt in loose.items():
            if (p := passages.get(nxt)) is not None:
                out[pid] = Hit(passage_id=nxt, text=p.text, score=0.0, citation=p.citation)
        return out

    def records(self, hits: Sequence[Hit], day: date | None = None) -> dict[str, Record]:
        """The minutes documents among the hits, and every set of minutes recording `day`
        (a question's one named day), as a question asking who attended or voted reads
        them (`answering.Record`), by document id. Only such a question asks, once an
        answer (`AnswerBuilder.answer`)."""
        docs = [h.citation.document_id for h in hits if h.citation.doc_type == "minutes"]
        read: dict[str, Record] = {}
        if day is not None:  # every set of minutes read once: the hits' are among them
            read = self._minutes()
            docs += [doc for doc, record in read.items() if record.day == day]
        return {doc: read.get(doc) or self._record(doc) for doc in dict.fromkeys(docs)}

    def _minutes(self) -> dict[str, Record]:
        """Every set of minutes of this version as `records` reads it, read when first
        asked and kept (a version's documents do not change)."""
        if self._minutes_read is None:
            where = self._store.stored_documents_where("d.doc_type = ?", ("minutes",))
            self._minutes_read = {doc: self._record(doc) for doc in where}
        return self._minutes_read

    def _record(self, doc: str) -> Record:
        stored = self._store.document(doc)
        meta = stored.meta if stored is not None else None
        passages = self._store.document_passages(doc)[:ROLL_READ]
        return record_of(
            meta.title if meta else None, meta.committee if meta else None,
            [Hit(passage_id=p.passage_id, text=p.text, score=0.0, citation=p.citation)
             for p in passages],
            self.snapshot.date_order,
        )  # fmt: skip

    def lexical_rows(self) -> Iterable[tuple]:
        """Every passage's text and titles as BM25 reads them: for diagnostics that scan
        the whole version (`python -m eval.diagnose`)."""
        return self._store.lexical_rows()

    def documents_within(self, filters: SearchFilters) -> list[str]:
        """Ids of the documents the filters let through: what a filtered search searched."""
        where, params = filter_sql(filters)
        return sorted(self._store.stored_documents_where(where, tuple(params)))

    def meeting_passages(
        self, meetings: Iterable[MeetingKey], within: Iterable[str]
    ) -> list[Passage]:
        """Every passage of the given meetings' documents among `within`, once each."""
        wanted = set(meetings)
        found: dict[int, Passage] = {}
        for doc_id in within:
            doc = self._store.document(doc_id)
            if doc is None or doc.meta.meeting not in wanted:
                continue
            for p in self._store.document_passages(doc_id):
                found.setdefault(p.passage_id, p)
        return list(found.values())

    def precisions(self, hits: Sequence[Hit]) -> dict[str, DatePrecision | None]:
        """How precisely each cited document's date is known ('March 2018' vs a day): as
        the hits' citations carry it, read with their passages (not read again, a query a
        document: eval/README.md "What an answer computes twice, round 31")."""
        out: dict[str, DatePrecision | None] = {}
        for h in hits:
            out.setdefault(h.citation.document_id, h.citation.date_precision)
        return out

    # -- status ----------------------------------------------------------------------------

    def stats(self) -> Stats:
        """Counts, model and version: what /health reports."""
        passages, documents = self._store.counts()
        return Stats(passages, documents, self.snapshot.info.model, self.snapshot.version)

    def facets(self) -> Facets:
        """Committees, document types and the date range: the page's filter choices."""
        facets = self._store.facets()
        start, end = self.snapshot.date_range
        return Facets(
            councils=facets.get("council", []),
            committees=facets.get("committee", []),
            doc_types=facets.get("doc_type", []),
            date_from=start,
            date_to=end,
        )

    def reads(self, question: str) -> TemporalIntent:
        """What `question` says about time, read against this version's latest date,
        financial year and order of dates in figures (`parse_question`), as its search
        reads it. The intent carries the year end and the order to the answer, which reads
        its passages' times by them (`answering.named_times`, round 49)."""
        # The archive's order is read as its year end is: recorded by the build, else (a
        # version built before round 48) from its passages once, when a question first
        # needs it. It changes no reading of a question without a day in figures.
        return parse_question(
            question, self.latest_date(), year_end=self.snapshot.year_end,
            order=self.snapshot.date_order,
        )  # fmt: skip

    def latest_date(self) -> date | None:
        """The corpus's latest date: what "recently" and "the last N years" count back from."""
        return self.snapshot.date_range[1]

    def failures(self) -> list[tuple[str, str, str]]:
        """Files the build could not read: (corpus, path, reason)."""
        return self._store.failures()

    def _summary(self, doc: StoredDocument) -> DocumentSummary:
        return DocumentSummary(
            **doc.meta.model_dump(),
            passages=doc.passages,
            source_available=_source_path(doc) is not None,
        )


def _idf_of(index: LexicalIndex) -> Callable[[str], float]:
    """A term's inverse document frequency over the version's passages (a term no passage
    holds gets the largest). What answers weigh a question's words by. A term the index
    lacks is read as a longer form of it (`_longer_form`) or, failing that, a shorter one
    that is the same word (`_shorter_form`, round 31): "environmental" where the archive
    says "environment" (not "basement" where it says "base": round 32), as the abstention
    signals' `holds` reads a passage."""
    n = max(len(index), 1)

    def idf(term: str) -> float:
        col = index.terms.get(term)
        if col is None:
            col = _longer_form(index, term)
        if col is None:
            col = _shorter_form(index, term)
        df = 0 if col is None else int(index.indptr[col + 1] - index.indptr[col])
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    return idf


def _longer_form(index: LexicalIndex, term: str) -> int | None:
    """The column of the shortest known term that begins with `term` (for stems of at
    least `indexer.text.MIN_STEM` letters), else None."""
    if len(term) < MIN_STEM:
        return None
    vocab = _sorted_vocab(index)
    i = bisect.bisect_left(vocab, term)
    if i < len(vocab) and vocab[i].startswith(term):
        return index.terms[vocab[i]]
    return None


def _shorter_form(index: LexicalIndex, term: str) -> int | None:
    """The column of the longest known term that is `term`'s stem without one of the
    abstention signals' endings (`indexer.text.same_word`: "environ" for "environment"), else
    None."""
    for cut in range(len(term) - 1, MIN_STEM - 1, -1):
        col = index.terms.get(term[:cut])
        if col is not None and same_word(term, term[:cut]):
            return col
    return None


_VOCABS: weakref.WeakKeyDictionary[LexicalIndex, list[str]] = weakref.WeakKeyDictionary()
_VOCAB_LOCK = threading.Lock()


def _sorted_vocab(index: LexicalIndex) -> list[str]:
    with _VOCAB_LOCK:
        vocab = _VOCABS.get(index)
        if vocab is None:
            vocab = _VOCABS[index] = sorted(index.terms)
        return vocab


def _density(version: Path) -> dict[int, float]:
    """The version's local densities (`indexer.density`); a version of this format without
    them is damaged."""
    path = version / DENSITY_FILE
    try:
        return load_density(path)
    except (OSError, ValueError, KeyError) as exc:
        raise IndexCorruptError(
            f"Index file {path} is missing or unreadable. Rebuild: python -m indexer build "
            f"corpus/ --index {version.parent.parent} --rebuild"
        ) from exc


def _matches(found: SearchResult, support: SupportFeatures) -> bool:
    """A filtered result holds a passage that matches the question nearly as well as the
    best passages of the whole archive do (at least half their share of its content words).
    The archive's share is recorded to 4 places (`SupportFeatures.coverage`): exactly half
    of it (2 of 6 words against 4 of 6, 0.6667) is half, not short of it."""
    best = max(
        (
            coverage(support.terms, f"{h.citation.item_title or ''} {h.text}")
            for h in found.hits[:5]
        ),
        default=0.0,
    )
    return best > 0 and 2 * best >= support.coverage - _RECORDED


_RECORDED = 1e-4
"""The precision `SupportFeatures` records its shares to."""


def _source_path(doc: StoredDocument) -> Path | None:
    """The original file, when it still lies where it was indexed from."""
    root = Path(doc.corpus).resolve()
    path = (root / doc.meta.path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path
