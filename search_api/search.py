"""One search path: a question in, ranked and cited passages out.

`/search`, `python -m search_api search`, the evaluation's engine configurations and the
benchmarks make this one call, `Reader.search(SearchRequest)`, and `/ask` and briefings
(as their evidence) its ranking, `Reader.ranked`, so a change to ranking is made once and
measured as members meet it. What a hit returns to read is its passage's item window
(`search_api.windows`); what it scores and cites is the passage.

How evidence covers a span
--------------------------
1. The question's date words are cut out (`TemporalIntent.topic`) and the rest goes to
   the dense and lexical retrievers (for a trend whose ends are named by events, the
   dense side gets its `TemporalIntent.subject`: those words cut too); the rankings are
   fused by reciprocal rank fusion
   (or one ranking is used alone, per `mode`). Hard filters still apply. After step 2's
   span boost, a passage of the top `detail_ranks` holding the asked-for kind of detail
   (a figure, a decision) is lifted by `detail_boost` (`search_api.detail`; not a trend).
2. A named span is a *soft* constraint: a passage whose effective date (its stated date,
   else its meeting's) falls inside it gets its score multiplied by `span_boost`;
   nothing is dropped. Where a reading widens a dated point into a trend's course (a
   range's yearless first side, "since" an event), the boost stays on the dated time
   (`TemporalIntent.weighted`) and the wider span is the trend's, for steps 3-4. For a
   question that is not a trend, a near copy of a higher candidate (the same paragraph
   in a report's draft and final, `near_copy_overlap`) moves below the others
   (`demote_near_copies`).
3. For a trend question the same retrieval runs once more for each end of the period,
   date-filtered (the Retriever's own filters) to before the earliest and after the
   latest relevant candidate, within the named span (`reach_ends`): over a long archive
   the first and last meetings on a topic rank far below any window, and two searches
   reach them whatever the archive's size. An end joins only if its cosine is within
   `relevant_cosine_margin` of the unrestricted best.
4. The top `pool` candidates and those ends are re-ranked for coverage: among the
   passages that speak to the topic (in the top `relevant_ranks` and with a dense cosine
   within `relevant_cosine_margin` of the best, or found at an end), the best passage of
   the earliest and of the latest meeting (inside the named span, when any is) are
   placed first, then the best passage of every other meeting,
   then the rest by a score discounted for each passage already taken from the same
   meeting (`same_meeting_discount`, an MMR-like penalty on meeting). The top k therefore
   spans the period instead of repeating one meeting. Then up to `CHANGED_TWINS` pairs
   of on-topic passages that are one text twice with a figure changed (a draft and its
   final, `changed_twins`) are put into the top k in the places of the spread's
   lowest-ranked picks (the anchors only when none is left), the two ends and the end
   meetings' spare passages kept.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np

from indexer.dates import YEAR_END, DateOrder
from indexer.errors import ScrutinyError
from indexer.models import Hit, MeetingKey, SearchFilters, SearchMode
from indexer.once import once
from indexer.settings import SearchSettings
from indexer.text import ANALYZER, LEADING_NUMBER, highlights, words

from .detail import lift_asked_detail
from .empty import CONTACT_ASKED, STATUS_ASKED, meetings_asked
from .retrieval import Retriever
from .row_pairs import pair_rows
from .sentences import content_terms, figures_in, held_weight
from .temporal import (
    RELATIVE_YEAR,
    DateSpan,
    TemporalIntent,
    day_or_month,
    parse_question,
    periods,
)

__all__ = [
    "MAX_K",
    "BadRequestError",
    "SearchRequest",
    "SearchResult",
    "boost_span",
    "contained",
    "cover_span",
    "demote_near_copies",
    "end_meeting_picker",
    "figures_agree",
    "highlighted",
    "near",
    "query_vector",
    "reach_ends",
    "search",
    "topic_months",
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
    council: str | None = None
    """For a trend question, the council its timeline is of (`lead_council`)."""
    below: list[Hit] = field(default_factory=list)
    """The re-ranked candidates below the top k, best first, unmarked: what takes the
    place of a hit merged into a higher one's item window (`search_api.windows`)."""
    copies: dict[int, list[Hit]] = field(default_factory=dict)
    """For a candidate kept above them, the near copies moved below it
    (`demote_near_copies`): what only a copy's surroundings say is shown with it
    (`search_api.windows`: shown "Beside the same passage in" its document)."""
    as_ranked: list[Hit] | None = None
    """For a trend read on one council's timeline whose top k moved another council's
    passages below its own (`council_first`), the top k before: the passages nearest the
    question as asked, on which whether the archive speaks to it is judged (`Reader.ask`).
    None when nothing moved."""
    without_prior: Callable[[], SearchResult] | None = field(default=None, repr=False)
    """Builds `unbiased` (None: no density prior applied)."""
    empty: frozenset[int] = frozenset()
    """The ids of the content-free passages among the candidates (`search_api.empty`):
    shown after every passage with content in the top k, and no evidence (`content`)."""

    def unbiased(self) -> SearchResult:
        """This search ranked without the density prior (`SearchSettings.density_prior`),
        from the same retrieval's candidates (`Ranking.raw`), or itself when no prior
        applied: the ranking the abstention model was fitted on, on which `Reader.ask`
        judges whether the archive speaks to a question. Built when first asked, so
        `/search` never pays for it."""
        if self.without_prior is None:
            return self
        built = self.without_prior()
        self.without_prior = lambda: built
        return built

    def content(self) -> SearchResult:
        """This search as evidence: its content-free passages (`empty`) left out of its
        hits, the hits it is judged on and what lies below them, and their cosines left out
        of the dense cosines, so they neither count as support for answering (the best
        cosine, its standing, the coverages) nor are quoted. Itself when it has none."""
        if not self.empty:
            return self
        empty = self.empty

        def kept(hits: list[Hit]) -> list[Hit]:
            return [h for h in hits if h.passage_id not in empty]

        unbiased = self.without_prior
        return replace(
            self,
            hits=kept(self.hits),
            cosines={i: c for i, c in self.cosines.items() if i not in empty},
            below=kept(self.below),
            as_ranked=None if self.as_ranked is None else kept(self.as_ranked),
            without_prior=None if unbiased is None else lambda: self.unbiased().content(),
            empty=frozenset(),
        )

    @property
    def support(self) -> list[Hit]:
        """The passages whether the archive speaks to the question is judged on: the top
        k as retrieved (`as_ranked`, else `hits`)."""
        return self.hits if self.as_ranked is None else self.as_ranked

    @property
    def beyond(self) -> list[Hit]:
        """The candidates below the top k (`below`), what an answer may read past its
        hits: a trend answer looks there for other passages of its end meetings, and
        quotes one that states the topic more fully than the meeting's best-ranked passage
        does; a plain answer reads the first few for a sentence that passes its pool's
        test (`answering.DEEPER_RANKS`)."""
        return self.below


def search(
    retriever: Retriever,
    tuning: SearchSettings,
    request: SearchRequest,
    latest: date | None,
    year_end: tuple[int, int] = YEAR_END,
    intent: TemporalIntent | None = None,
    tracked_line: bool = False,
) -> SearchResult:
    """Rank passages for a request on one snapshot's retriever (see the module docstring).

    `latest` is the corpus's latest date: "recently" counts back from it; `year_end` the
    (month, day) its financial year ends on (`Snapshot.year_end`). `intent` is the query
    as `parse_question` reads it against these two, when the caller has read it already
    (`Reader.ask` does, to size a trend's search): a question is read once.
    `tracked_line`: pair a budget line's rows at its ends (`row_pairs`) though the
    intent reads as no trend (a stage question, ranked as the plain question it reads as).
    """
    if intent is None:
        intent = parse_question(request.query, latest, year_end=year_end)

    def lookup(label: str, depth: int) -> list[Hit]:
        """The passages a lexical search for a row's label ranks, under the hard filters."""
        return retriever.hits(retriever.lexical(label, depth, retriever.allowed(request.filters)))

    if intent.stages:
        # Two stages of one paper are ranked as the question asks, not spread over the
        # period: the plain ranking holds both stages' meetings; the answer reads a course,
        # and a budget line's rows at the two stages are paired as a trend's are.
        found = search(retriever, tuning, request, latest, year_end, _unstaged(intent), True)
        return replace(
            found, intent=intent,
            without_prior=None if found.without_prior is None
            else lambda: replace(found.unbiased(), intent=intent),
        )  # fmt: skip
    if intent.trend:
        # A trend's reach to its ends and its meeting picks read cosines as they are.
        tuning = replace(tuning, density_prior=0.0)
    topic = intent.topic
    width = max(tuning.pool, request.k)
    # A trend's ends named by events are *when*, not *what*: its dense side embeds the
    # subject (`TemporalIntent.subject`); BM25 keeps every word, which also names the
    # documents ("the Q2 and Q3 performance reports"), but a follow-up clause asking whether
    # it changed (`TemporalIntent.tracked`) is frame to both.
    vector = query_vector(retriever, request.query, intent.subject or topic, tuning.dense_query)
    ranked, cosines, raw = retriever.rank(
        _searched(intent), max(tuning.candidates, width), request.mode, request.filters,
        tuning, vector,
    )  # fmt: skip
    candidates = retriever.hits(ranked[:width])
    found = _arranged(
        retriever, tuning, request, latest, year_end, intent, ranked, cosines, candidates,
        vector, lookup, tracked_line,
    )  # fmt: skip
    if raw is None:
        return found
    unlowered, asked = raw, intent

    def without_prior() -> SearchResult:
        # The same candidates in their order without the prior; their passages are those
        # read already, only the few that order adds to the pool are fetched.
        known = {h.passage_id: h for h in candidates}
        added = [(i, s) for i, s in unlowered[:width] if i not in known]
        fetched = {h.passage_id: h for h in retriever.hits(added)}
        pool = [
            known[i].model_copy(update={"score": round(s, 6)}) if i in known else fetched[i]
            for i, s in unlowered[:width]
            if i in known or i in fetched
        ]
        return _arranged(
            retriever, tuning, request, latest, year_end, asked, unlowered, cosines, pool,
            vector, lookup, tracked_line,
        )  # fmt: skip

    found.without_prior = without_prior
    return found


def _arranged(
    retriever: Retriever,
    tuning: SearchSettings,
    request: SearchRequest,
    latest: date | None,
    year_end: tuple[int, int],
    intent: TemporalIntent,
    ranked: list[tuple[int, float]],
    cosines: dict[int, float],
    candidates: list[Hit],
    vector: np.ndarray,
    lookup: Callable[[str, int], list[Hit]],
    tracked_line: bool,
) -> SearchResult:
    """Steps 2-4 of the module docstring on one retrieval's fused order (`ranked`, its top
    `pool` read as `candidates`)."""
    topic, k = intent.topic, request.k
    width = max(tuning.pool, k)
    if intent.floating:
        intent = topic_months(
            request.query, latest, candidates, cosines, tuning, year_end, intent.date_order
        )
    window = asked_window(request.filters, intent.span)
    candidates = cited_inside(candidates, window)
    scored = boost_span(candidates, intent, tuning.span_boost)
    scored = lift_asked_detail(
        scored, request.query, topic, intent.trend, tuning.detail_ranks, tuning.detail_boost
    )
    copies: dict[int, list[Hit]] = {}
    if not intent.trend:
        scored = demote_near_copies(
            scored, tuning.near_copy_overlap, copies, tuning.near_copy_containment
        )
    ends: list[Hit] = []
    council = (
        lead_council(request.query, scored, cosines, tuning, intent.span) if intent.trend else None
    )
    if council is not None:
        scored = council_pool(
            scored, lambda: retriever.hits(ranked[width:]), intent, tuning, council
        )
    if intent.trend and tuning.reach_span_ends:
        ends = reach_ends(retriever, tuning, request, intent, scored, cosines, vector, council)
        have = {h.passage_id for h in scored}
        scored += [h for h in ends if h.passage_id not in have]
    if intent.trend:
        scored = cover_span(
            scored,
            cosines,
            k,
            tuning,
            {h.passage_id for h in ends},
            intent.span,
            council,
            CHANGED_TWINS,
            end_meeting_picker(
                retriever, vector, _searched(intent), council, tuning.relevant_cosine_margin
            ),
        )
    if tracked_line or intent.trend or RELATIVE_YEAR.search(request.query):
        # A budget line tracked over its papers: its row at each end (`row_pairs`).
        scored = pair_rows(scored, k, request.query, lookup)
    as_ranked = None
    if council is not None:
        # A timeline is one council's: another council's passages stand below all of its
        # own (moved, not dropped). The top k as retrieved is kept only when that moved
        # one: on one council's archive the answer's own signals are the same, unread twice.
        first = council_first(scored, council)
        if [h.passage_id for h in first[:k]] != [h.passage_id for h in scored[:k]]:
            as_ranked = scored[:k]
        scored = first
    scored = cited_inside(scored, window)  # the ends and rows read since
    kinds = retriever.page_kinds  # each passage read once a snapshot, not once a search
    empty = kinds.empty_ids(scored)
    if empty:
        # A question about the body's meetings reads a meeting page's status as content,
        # one asking who (or where a body met) a contact block (`search_api.empty`).
        notices = meetings_asked(request.query, topic, _body_names(scored))
        contacts = bool(CONTACT_ASKED.search(request.query) or STATUS_ASKED.search(request.query))
        if notices or contacts:  # each reading only narrows the first: re-read its passages
            empty = kinds.empty_ids((h for h in scored if h.passage_id in empty), notices, contacts)
    if empty:
        # Page furniture (`search_api.empty`) stands after every passage with content in
        # the top k: shown, last, to one who searches for it, never above what says something.
        scored = _content_first(scored, k, empty)
        if as_ranked is not None:
            as_ranked = _content_first(as_ranked, k, empty)
    terms = tuple(ANALYZER.query_terms(topic))
    shown = [h.model_copy(update={"highlights": highlighted(h.text, terms)}) for h in scored[:k]]
    return SearchResult(
        request, intent, shown, cosines, council, scored[k:], copies, as_ranked, empty=empty
    )


def _body_names(hits: list[Hit]) -> frozenset[str]:
    """The index terms of the councils' and committees' names the passages are of."""
    return frozenset(
        t
        for name in {n for h in hits for n in (h.citation.council, h.citation.committee) if n}
        for t in ANALYZER.query_terms(name)
    )


def _content_first(hits: list[Hit], k: int, empty: frozenset[int]) -> list[Hit]:
    """`hits` with the content-free passages of the top k placed after that top k's
    passages with content (the top k keeps the same passages)."""
    top = hits[:k]
    return (
        [h for h in top if h.passage_id not in empty]
        + [h for h in top if h.passage_id in empty]
        + hits[k:]
    )


def _unstaged(intent: TemporalIntent) -> TemporalIntent:
    """A stage trend (`TemporalIntent.stages`) read as the plain question it ranks as."""
    return replace(intent, trend=False, subject=None, tracked=None, stages=False)


def _searched(intent: TemporalIntent) -> str:
    """What the retrievers search: the topic, without a trend's follow-up clause of change
    (`TemporalIntent.tracked`)."""
    return intent.tracked or intent.topic


def topic_months(
    question: str,
    latest: date | None,
    candidates: list[Hit],
    cosines: dict[int, float],
    tuning: SearchSettings,
    year_end: tuple[int, int] = YEAR_END,
    order: DateOrder | None = None,
) -> TemporalIntent:
    """The question read again (`parse_question`, `latest` the archive's) with its months
    named without a year placed up to the latest date of the candidates that speak to the
    topic (`relevant_hits`), not the archive's: "did it change between January and
    February" asked of an archive whose budget papers end in March 2025 means January-
    February 2025, even when another council's papers run on into 2026. The retrieval is
    the same (the topic keeps those months, `strip_temporal`); only the span moves."""
    relevant = relevant_hits(candidates, cosines, tuning, best_cosine(candidates, cosines, tuning))
    dates = [h.citation.effective_date for h in relevant if h.citation.effective_date]
    return parse_question(question, latest, max(dates, default=latest), year_end, order)


def demote_near_copies(
    hits: list[Hit],
    overlap: float,
    copies: dict[int, list[Hit]] | None = None,
    containment: float = 0.0,
) -> list[Hit]:
    """`hits` with every near copy of a higher hit moved below all the others, each group
    in its own order; `overlap` 0 leaves them as they are. Each copy is also listed in
    `copies`, when given, under the first hit kept above it that it copies.

    A near copy shares at least `overlap` of its words with a hit kept above it (Jaccard
    over word sets, `indexer.text.words`): a council publishes one report twice (the draft at
    Cabinet, the final at Council, a word or a figure apart) and prints its minutes again
    as the next meeting's "minutes of the previous meeting", so one paragraph can fill two
    or three of the top 10 and push out a passage that says something else. Exact copies
    are already one passage (`indexer.store`); a trend question wants each meeting's
    version and is spread by meeting instead (`cover_span`).

    With `containment` above 0 a hit is also a copy of one above it that holds that share
    of its words, or whose words it holds, the two at most twice apart in size
    (`contained`) and states no figure the other does not (`figures_agree`): packs cut one
    paragraph at other boundaries (a row number or the next line's first words added),
    which Jaccard counts as different text; a draft's figure changed in the final is a
    second statement, which a stage question's answer quotes."""
    if (overlap <= 0 and containment <= 0) or len(hits) < 2:
        return hits
    kept: list[Hit] = []
    moved: list[Hit] = []
    stated: dict[str, frozenset[str]] = {}  # each text's figures, read once a call

    def agree(a: str, b: str) -> bool:
        # `figures_agree`, each text's figures read once however many pairs it is in.
        short, long = sorted((a, b), key=len)
        for text in (short, long):
            if text not in stated:
                stated[text] = frozenset(figures_in(text))
        return stated[short] <= stated[long]

    sets = [_word_set(h.text) for h in hits]
    copy_of, may = _copy_tests(sets, overlap, containment)
    kept_at = np.zeros(len(hits), dtype=bool)  # the hits kept so far, by position
    for j, hit in enumerate(hits):
        twin = None
        # The first hit kept above that this one copies: by Jaccard, or by containment
        # when their figures agree (read only for a pair that may be a copy).
        for i in np.flatnonzero(may[j] & kept_at).tolist():
            if copy_of[j, i] or agree(hit.text, hits[i].text):
                twin = i
                break
        if twin is not None:
            moved.append(hit)
            if copies is not None:
                copies.setdefault(hits[twin].passage_id, []).append(hit)
            continue
        kept.append(hit)
        kept_at[j] = True
    return kept + moved


_WORD_BLOCK = 4096
"""Words of the vocabulary `_copy_tests` counts at a time (memory only: the counts are
the same at any size)."""


def _copy_tests(
    sets: list[frozenset[str]], overlap: float, containment: float
) -> tuple[np.ndarray, np.ndarray]:
    """For every pair (j, i) of word sets: whether j is a near copy of i by Jaccard (`near`
    with `overlap`), and whether it may be one at all (that, or `contained` with
    `containment`, which `demote_near_copies` grants only when the figures agree). The
    tests as `near` and `contained` state them, in one matrix product of the sets' words
    instead of an intersection per pair (an answer's search tests its pool on two orders;
    round 43); the counts are exact and the comparisons the same floating-point ones."""
    column: dict[str, int] = {}
    rows = np.array([r for r, words_of in enumerate(sets) for _ in words_of], dtype=np.int64)
    cols = np.array(
        [column.setdefault(w, len(column)) for words_of in sets for w in words_of], dtype=np.int64
    )
    # Words shared by each pair, counted a block of the vocabulary at a time (a pool of
    # 1,000 passages holds tens of thousands of words); float32 counts them exactly.
    shared = np.zeros((len(sets), len(sets)), dtype=np.float32)
    for start in range(0, len(column), _WORD_BLOCK):
        at = (cols >= start) & (cols < start + _WORD_BLOCK)
        held = np.zeros((len(sets), min(_WORD_BLOCK, len(column) - start)), dtype=np.float32)
        held[rows[at], cols[at] - start] = 1.0
        shared += held @ held.T
    common = np.rint(shared).astype(np.int64)
    size = np.array([len(w) for w in sets], dtype=np.int64)
    lo = np.minimum(size[:, None], size[None, :])
    hi = np.maximum(size[:, None], size[None, :])
    # `near`: Jaccard ≥ overlap; ruled out when lo < overlap × hi or both sets are empty.
    jaccard = (
        (overlap > 0)
        & ~(lo < overlap * hi)
        & (hi > 0)
        & (common >= overlap * (size[:, None] + size[None, :] - common))
    )
    # `contained`: the smaller non-empty, at least `COPY_SIZE_RATIO` of the larger, and
    # `containment` of its words in the other.
    within = (
        (containment > 0) & (lo > 0) & ~(lo < COPY_SIZE_RATIO * hi) & (common >= containment * lo)
    )
    return jaccard, jaccard | within


def highlighted(text: str, terms: tuple[str, ...]) -> list[str]:
    """`indexer.text.highlights` of a hit's text, read once per answer (`once`): an
    answer's search marks its top k on two orders, with and without the density prior,
    and its item windows mark a hit shown alone again (round 43)."""
    return list(_highlights(text, terms))


@once
def _highlights(text: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(highlights(text, terms))


@once
def _word_set(text: str) -> frozenset[str]:
    """A text's word set (`indexer.text.words`), read once per answer (`once`): an answer's
    search tests its candidates for near copies on two orders, with and without the
    density prior (round 43)."""
    return frozenset(words(text))


def near(a: Set[str], b: Set[str], overlap: float) -> bool:
    """Jaccard(a, b) ≥ overlap; sets whose sizes alone rule it out are not intersected."""
    size_a, size_b = len(a), len(b)
    if min(size_a, size_b) < overlap * max(size_a, size_b) or not (size_a or size_b):
        return False
    common = len(a & b)
    return common >= overlap * (size_a + size_b - common)


COPY_SIZE_RATIO = 0.5
"""`contained`: the smaller word set at least this share of the larger's size. A passage
holding another's words at half its size or less quotes it (a resolution's line in the
minutes' longer paragraph) rather than copies it."""


def contained(a: Set[str], b: Set[str], share: float) -> bool:
    """At least `share` of the smaller set's words stand in the larger, and the smaller is
    at least `COPY_SIZE_RATIO` of the larger's size."""
    small, large = sorted((len(a), len(b)))
    if not small or small < COPY_SIZE_RATIO * large:
        return False
    return len(a & b) >= share * small


def figures_agree(a: str, b: str) -> bool:
    """The figures the shorter text states all stand in the longer (`figures_in`)."""
    short, long = sorted((a, b), key=len)
    return set(figures_in(short)) <= set(figures_in(long))


def query_vector(retriever: Retriever, question: str, topic: str, what: str) -> np.ndarray:
    """The vector the dense side searches with (`SearchSettings.dense_query`): the topic
    (the question without its date words, what BM25 gets too), the question as asked,
    or the normalised mean of both; one encoding when they are the same text."""
    encode = retriever.embedder.encode_query
    if what == "topic" or (what == "both" and question.strip() == topic):
        return encode(topic)
    if what == "question":
        return encode(question.strip())
    mean = np.asarray(encode(topic), dtype=np.float32) + encode(question.strip())
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def boost_span(hits: list[Hit], intent: TemporalIntent, factor: float) -> list[Hit]:
    """Scores multiplied by `factor` inside the question's span, where the question dates
    it (`TemporalIntent.weighted`: a range's yearless first side and the course "since"
    an event reach past it); best first."""
    span = intent.weighted or intent.span
    if span is None:
        return hits
    span = day_or_month(span, (d for h in hits for d in _dates(h)))
    boosted = [
        h.model_copy(update={"score": round(h.score * factor, 6)}) if _inside(h, span) else h
        for h in hits
    ]
    return sorted(boosted, key=lambda h: -h.score)


def _inside(hit: Hit, span: DateSpan) -> bool:
    """The passage's stated date, or one of its meetings, falls in the span."""
    return any(map(span.contains, _dates(hit)))


def _dates(hit: Hit) -> list[date | None]:
    """The passage's stated date and its meetings' dates: what a span is matched to."""
    c = hit.citation
    return [c.effective_date, *(s.meeting_date for s in c.sources)]


def _dated_in_span(hits: list[Hit], span: DateSpan | None) -> list[Hit]:
    """The dated hits, earliest first; only those inside the span when the question names
    one and any of them is inside: the question's ends are the span's, not the archive's
    (a span's year that names the period a figure is for may hold none, and then all
    count)."""
    dated = sorted(
        (h for h in hits if h.citation.effective_date),
        key=lambda h: h.citation.effective_date or date.min,
    )
    inside = [h for h in dated if span is not None and _inside(h, span)]
    return inside or dated


def relevant_hits(
    hits: list[Hit],
    cosines: dict[int, float],
    tuning: SearchSettings,
    best_cos: float,
    any_rank: bool = False,
) -> list[Hit]:
    """The hits that speak to the topic: in the top `relevant_ranks` (or at `any_rank`),
    with a dense cosine within `relevant_cosine_margin` of `best_cos`. One definition for
    the coverage re-ranking, its changed twins and the searches at the span's ends."""
    floor = best_cos - tuning.relevant_cosine_margin
    ranked = hits if any_rank else hits[: tuning.relevant_ranks]
    return [h for h in ranked if cosines.get(h.passage_id, 0.0) >= floor]


def best_cosine(hits: list[Hit], cosines: dict[int, float], tuning: SearchSettings) -> float:
    """The best dense cosine among the top `relevant_ranks` hits: what "near the best"
    is measured from."""
    return max((cosines.get(h.passage_id, 0.0) for h in hits[: tuning.relevant_ranks]), default=0)


def reach_ends(
    retriever: Retriever,
    tuning: SearchSettings,
    request: SearchRequest,
    intent: TemporalIntent,
    candidates: list[Hit],
    cosines: dict[int, float],
    vector: np.ndarray | None = None,
    council: str | None = None,
) -> list[Hit]:
    """The earliest and latest passages on the topic beyond what the candidates reach.

    Over a long archive the ranking's top holds a few years of a topic, and its first and
    last meetings sit far below any window the coverage re-ranking looks at. So the same
    retrieval runs once more for each end, restricted by a date filter to before the
    earliest relevant candidate (from the span's start, if the question names one) and
    to after the latest (up to the span's end); of each restricted ranking's relevant
    hits (measured against the unrestricted best cosine, so an end must speak to the
    topic as well as the rest), the earliest, resp. latest, is returned. Two searches
    whatever the archive's size. Their cosines are added to `cosines`; each returned hit
    not already a candidate carries the last candidate's score (it ranked below them).
    Given a `council` (`lead_council`), the period and its ends are that council's.
    """
    if not candidates:
        return []
    best_cos = best_cosine(candidates, cosines, tuning)
    relevant = _of_council(relevant_hits(candidates, cosines, tuning, best_cos), council)
    dated = _dated_in_span(relevant, intent.span)
    if not dated:
        return []
    first = dated[0].citation.effective_date or date.min
    last = dated[-1].citation.effective_date or date.max
    span = intent.span or DateSpan()
    windows = [
        (span.start, first - timedelta(days=1), lambda d: d < first, min),
        (last + timedelta(days=1), span.end, lambda d: d > last, max),
    ]
    floor_score = candidates[-1].score
    depth = max(tuning.candidates, tuning.pool, request.k)
    known = {h.passage_id: h for h in candidates}
    out: list[Hit] = []
    for start, end, beyond, pick in windows:
        filters = _narrowed(request.filters, start, end)
        if filters is None:
            continue
        ranked, found, _ = retriever.rank(
            _searched(intent), depth, request.mode, filters, tuning, vector
        )
        hits = retriever.hits(ranked[: tuning.relevant_ranks])
        ends = [
            h for h in _of_council(relevant_hits(hits, found, tuning, best_cos), council)
            if h.citation.effective_date is not None and beyond(h.citation.effective_date)
        ]  # fmt: skip
        if not ends:
            continue
        end_date = pick(h.citation.effective_date or date.min for h in ends)
        hit = next(h for h in ends if h.citation.effective_date == end_date)
        cosines.setdefault(hit.passage_id, found.get(hit.passage_id, 0.0))
        out.append(known.get(hit.passage_id) or hit.model_copy(update={"score": floor_score}))
    return out


GENERIC_COUNCIL_WORDS = frozenset(
    ANALYZER.query_terms("council county borough city district royal metropolitan london upon")
)
"""Words of a council's name that do not tell one council from another."""


def lead_council(
    question: str,
    hits: list[Hit],
    cosines: dict[int, float],
    tuning: SearchSettings,
    span: DateSpan | None,
) -> str | None:
    """The council a trend question's timeline is of: the one the question names, else
    that of the best-ranked candidate that speaks to the topic (inside the named span,
    when any is). On an archive of several councils a Gloucestershire staffing trend
    must not take its latest end from Kent's 2025 papers, nor a Kent one its earliest
    from a stray 2017 Gloucestershire report that the search before the span's start
    reaches (`reach_ends`); on one council's archive it changes nothing."""
    councils = {h.citation.council for h in hits if h.citation.council}
    asked = set(ANALYZER.query_terms(question))
    named = [c for c in councils if asked & (set(ANALYZER.query_terms(c)) - GENERIC_COUNCIL_WORDS)]
    if len(named) == 1:
        return named[0]
    relevant = relevant_hits(hits, cosines, tuning, best_cosine(hits, cosines, tuning))
    inside = [h for h in relevant if span is not None and _inside(h, span)]
    lead = next((h for h in inside or relevant if h.citation.council), None)
    return lead.citation.council if lead else None


def council_pool(
    pool: list[Hit],
    deeper: Callable[[], list[Hit]],
    intent: TemporalIntent,
    tuning: SearchSettings,
    council: str,
) -> list[Hit]:
    """A trend's pool holding as many passages of its timeline's `council` as the ranking
    has: for each passage of another council in `pool`, the next of `council`'s from
    `deeper()` (the ranking below the pool, span-boosted alike), best first; `deeper` is
    read only when the pool holds another council's passage (it reads each passage below
    the pool from the store: a trend on one council's archive never needs them). A timeline is
    one council's (`lead_council`); on an archive of several councils one council's trend
    may find half its pool in another council's papers, with its own end meetings' passages
    just below it (eval/README.md, round 30, r30-ends). Nothing changes on one
    council's archive."""
    others = sum(1 for h in pool if not _is_of(h, council))
    extra = _of_council(deeper(), council)[:others] if others else []
    if not extra:
        return pool
    return sorted([*pool, *boost_span(extra, intent, tuning.span_boost)], key=lambda h: -h.score)


def _of_council(hits: list[Hit], council: str | None) -> list[Hit]:
    """The hits of `council` (and those of no known council); all of them when it is None."""
    return hits if council is None else [h for h in hits if _is_of(h, council)]


def _is_of(hit: Hit, council: str | None) -> bool:
    """`hit` is of `council`, of no known council, or `council` is None (`_of_council`)."""
    return council is None or hit.citation.council in (None, council)


def _narrowed(filters: SearchFilters, start: date | None, end: date | None) -> SearchFilters | None:
    """The request's filters with the dates narrowed to [start, end]; None if empty."""
    if filters.date_from and (start is None or filters.date_from > start):
        start = filters.date_from
    if filters.date_to and (end is None or filters.date_to < end):
        end = filters.date_to
    if start is not None and end is not None and start > end:
        return None
    return filters.model_copy(update={"date_from": start, "date_to": end})


CITED_INSIDE = True
"""A passage printed word for word by several meetings (stored once, one source each:
`PassageStore.passages`) is cited at its earliest precisely dated meeting. Where the
request's date filter or the question's named span admitted it through another
(`asked_window`), it is cited at the first of its meetings inside them (`cited_inside`), so
the answer's meeting, its date label and its timeline place are the asked time's: a
council's snow clearing report printed by its minutes of each year 2014-2024 was cited at
2014's meeting when asked within 2019 (eval/README.md "Another council's dates on the answer
side, round 49"). Off: the earliest meeting, whatever was asked."""


def asked_window(filters: SearchFilters, span: DateSpan | None) -> tuple[date | None, date | None]:
    """The dates a request asks within: its filter's, narrowed by the question's named span
    when the two meet (the filter's alone when they do not: the filter is hard)."""
    start, end = (span.start, span.end) if span is not None else (None, None)
    narrowed = _narrowed(filters, start, end) or filters
    return narrowed.date_from, narrowed.date_to


def cited_inside(hits: list[Hit], window: tuple[date | None, date | None]) -> list[Hit]:
    """`hits` each cited at the first of its meetings inside `window` (`CITED_INSIDE`) when
    its cited meeting is not and another of its sources' is; the others as they are."""
    start, end = window
    if not CITED_INSIDE or start is None and end is None:
        return hits

    def inside(day: date | None) -> bool:
        return day is not None and (start is None or start <= day) and (end is None or day <= end)

    out = []
    for h in hits:
        c = h.citation
        place = None if inside(c.meeting_date) else next(
            (s for s in c.sources if inside(s.meeting_date)), None
        )  # fmt: skip
        out.append(h if place is None else h.model_copy(update={"citation": c.at(place)}))
    return out


END_SPARE = 1
"""Further on-topic passages of each end meeting that `cover_span` takes without the
same-meeting discount. Chosen on tune (eval/README.md, Trend questions, round 9): 0 (the
old rule), 1, 2 and all; 1 and 2 tie on both ends in the top 10, all loses a key figure."""


def cover_span(
    hits: list[Hit],
    cosines: dict[int, float],
    k: int,
    tuning: SearchSettings,
    ends: set[int] | frozenset[int] = frozenset(),
    span: DateSpan | None = None,
    council: str | None = None,
    twins: int = 0,
    pick_end: EndPicker | None = None,
) -> list[Hit]:
    """Re-rank so the top k reaches across the period: a trend question, and every
    briefing, needs its earliest and latest relevant meetings, not ten passages of one.

    Among the relevant hits (cosine near the best) and the passages `reach_ends` found
    at the span's ends (`ends`, ids), the earliest and latest dated meetings (inside
    `span`, the question's, when any is) come first, then one hit per meeting, then the
    rest with each further hit of an already-taken meeting discounted, except the first
    `END_SPARE` further on-topic hits of the two end meetings: an end is what a trend
    answer must quote, and its best-ranked passage is often not the one that states the
    topic there (for Ofsted's judgement, the 2022 report's "judged to be Requires
    Improvement to be Good" is not its meeting's best-ranked passage). Given a
    `council`, only its passages anchor the period: a timeline is one council's. Then up
    to `twins` pairs of `changed_twins` are put into the top k (`place_twins`): pairs
    among the hits of `council` on the topic by their cosine alone (within
    `relevant_cosine_margin` of the best, at any rank: the second of two twins often
    ranks below `relevant_ranks`; eval/README.md, round 24, variant B2), in the places of
    the spread's picks, lowest in the fused order first, then of the one-per-meeting
    anchors; the two ends and the end meetings' spare passages are kept (round 25).
    Before them, each end meeting's next `END_SPARE` passages, as `pick_end` chooses them
    (`end_meeting_picker`: from all of the meeting's passages, not only the pool's), take
    the places of the spread's picks of other meetings, those outside the span or of
    another council first, then the lowest-scored, and when none is left the end
    meetings' own non-anchor picks, lowest-scored first: the passages of an end meeting
    the spread took are the ones nearest the topic's words, and on one council's archive
    they are often its talk about the topic, where the state the trend asks for stands in
    another of its passages lower down (eval/README.md, round 25, r25-endpick; round 26,
    r26-endpass, variant C).
    """
    if len(hits) <= 1:
        return hits
    best_cos = best_cosine(hits, cosines, tuning)
    relevant = relevant_hits(hits, cosines, tuning, best_cos)
    relevant = _of_council(relevant, council)
    seen = {h.passage_id for h in relevant}
    relevant += [
        h for h in _of_council(hits, council) if h.passage_id in ends and h.passage_id not in seen
    ]
    best_of: dict[MeetingKey, Hit] = {}
    for h in relevant:
        best_of.setdefault(h.citation.meeting, h)
    dated = _dated_in_span(list(best_of.values()), span)
    span_ends = [*dated[:1], *dated[-1:]]
    anchors = [*span_ends, *best_of.values()]
    chosen: dict[int, Hit] = {}
    for h in anchors:
        if len(chosen) >= k:
            break
        chosen.setdefault(h.passage_id, h)
    taken: dict[MeetingKey, int] = {}
    for h in chosen.values():
        taken[h.citation.meeting] = taken.get(h.citation.meeting, 0) + 1
    end_meetings = {h.citation.meeting for h in span_ends}
    on_topic = {h.passage_id for h in relevant}
    rest = [h for h in hits if h.passage_id not in chosen]
    discount = tuning.same_meeting_discount

    def spread(h: Hit) -> float:
        """The score discounted per passage already taken from its meeting; an end
        meeting's first `END_SPARE` further on-topic passages go free."""
        key = h.citation.meeting
        spare = END_SPARE if key in end_meetings and h.passage_id in on_topic else 0
        return h.score * discount ** max(0, taken.get(key, 0) - spare)

    anchor_ids = set(chosen)
    spares: set[int] = set()
    while rest and len(chosen) < k:
        best = max(rest, key=spread)
        rest.remove(best)
        chosen[best.passage_id] = best
        key = best.citation.meeting
        if key in end_meetings and best.passage_id in on_topic and taken.get(key, 0) <= END_SPARE:
            spares.add(best.passage_id)
        taken[key] = taken.get(key, 0) + 1
    rank = {h.passage_id: i for i, h in enumerate(hits)}
    if pick_end is not None:
        # Only the spread's picks of other meetings give way: those outside the span or of
        # another council first, then the lowest-scored (a passage `reach_ends` found
        # stands last in `hits` whatever its score).
        def weak(i: int) -> tuple[bool, float]:
            h = chosen[i]
            inside = span is None or _inside(h, span)
            return inside and _is_of(h, council), h.score

        give = sorted(
            (
                i
                for i in chosen
                if i not in anchor_ids and chosen[i].citation.meeting not in end_meetings
            ),
            key=weak,
        )
        # Then the end meetings' own spread picks, lowest-scored first: where the two end
        # meetings fill the top k (a draft budget and its final), the passage chosen for
        # an end stands before its meeting's weakest other pick.
        give += sorted(
            (
                i
                for i in chosen
                if i not in anchor_ids | spares and chosen[i].citation.meeting in end_meetings
            ),
            key=lambda i: chosen[i].score,
        )
        pooled = {h.passage_id: h for h in hits}
        # A pick from beyond the pool ranked below all of it.
        floor = min(h.score for h in hits)
        for key in dict.fromkeys(h.citation.meeting for h in span_ends):
            for h in pick_end(key, set(chosen), END_SPARE):
                if not give:
                    break
                rest.append(chosen.pop(give.pop(0)))
                h = pooled.get(h.passage_id) or h.model_copy(update={"score": floor})
                rest = [r for r in rest if r.passage_id != h.passage_id]
                chosen[h.passage_id] = h
                spares.add(h.passage_id)
        rest.sort(key=lambda h: rank[h.passage_id])
    if twins > 0:
        pool = _of_council(relevant_hits(hits, cosines, tuning, best_cos, any_rank=True), council)
        # The ends, and what `END_SPARE` took for a trend answer to quote there, stay.
        kept = {h.passage_id for h in span_ends} | spares
        # Spread picks go first, the lowest-ranked first; anchors only when none is left.
        give = sorted(chosen, key=lambda i: (i in anchor_ids, -rank.get(i, len(hits))))
        rest = place_twins(chosen, rest, changed_twins(pool), kept, twins, give)
    # The top k now spans the period; within it, best first.
    return sorted(chosen.values(), key=lambda h: -h.score) + rest


def council_first(hits: list[Hit], council: str | None) -> list[Hit]:
    """`hits` with those of `council` (and of no known council) first, then the others,
    each group in its order; as they are when `council` is None. On an archive of several
    councils a trend's spread otherwise takes another council's papers into its top k
    beside its own meetings, in the places of its own further passages (eval/README.md,
    round 30, r30-ends)."""
    if council is None:
        return hits
    return [h for h in hits if _is_of(h, council)] + [h for h in hits if not _is_of(h, council)]


PICK_BATCH = 16
"""Passages `end_meeting_picker` reads at a time, best cosine first (a speed setting only:
the pick is the same at any size)."""

EndPicker = Callable[[MeetingKey, set[int], int], list[Hit]]
"""(end meeting, ids already in the top k, n) → that meeting's next n passages to place."""


def end_meeting_picker(
    retriever: Retriever,
    vector: np.ndarray,
    topic: str,
    council: str | None,
    margin: float,
) -> EndPicker:
    """An end meeting's next passages chosen from all of its passages (the store lists
    them; no pool cut), by the dense cosine to the searched `vector` plus `margin` × the
    share of the `topic`'s content terms the passage or its item title holds.

    The pool holds the passages nearest the question's words, and an end meeting's there
    are often its talk about the topic; the paragraph or table row that states the
    topic's figure at that meeting can rank far below them (a budget pack of 3,000
    passages). Its words are the topic's own, its cosine a little lower. `margin` is the
    search's `relevant_cosine_margin` (how far below the best cosine a passage still
    speaks to the topic): a passage holding every topic term may stand that far below in
    cosine and still be chosen; only passages within it of the meeting's best cosine can
    win, so only those are read for their terms (eval/README.md, round 26, r26-endpass).
    """
    store = retriever.store
    weights = dict.fromkeys(content_terms(topic), 1.0)

    def pick(meeting: MeetingKey, chosen: set[int], n: int) -> list[Hit]:
        ids = [i for i in store.meeting_passage_ids(meeting) if i not in chosen]
        if not ids or n <= 0:
            return []
        # Best cosine first (the vector index, restricted to the meeting's passages); a
        # passage is read for its terms only while its cosine plus the most its terms can
        # add could still pass the n-th best score so far.
        ranked = retriever.vectors.search(vector, len(ids), np.asarray(ids, dtype=np.int64))
        bonus = margin if weights else 0.0
        best: list[tuple[float, Hit]] = []
        for at in range(0, len(ranked), PICK_BATCH):
            batch = ranked[at : at + PICK_BATCH]
            if len(best) >= n and batch[0][1] + bonus <= best[n - 1][0]:
                break
            for h in _of_council(retriever.hits(batch), council):
                share = 0.0
                if weights:
                    stems = ANALYZER.terms(h.text)
                    share = held_weight(stems, h.citation.item_title, weights) / len(weights)
                best.append((h.score + margin * share, h))
            best.sort(key=lambda sh: (-sh[0], sh[1].passage_id))
        return [h for _, h in best[:n]]

    return pick


CHANGED_TWINS = 3
"""Pairs of `changed_twins` a trend's top k holds at most (eval/README.md, "Trend ends and
changed twins, round 24"): each takes up to two places from the spread, so three leave
the ends and most of a top 10's meetings in place."""
TWIN_OVERLAP = 0.9
"""Jaccard of two passages' word sets from which they are one text twice (a draft and its
final), a figure or two apart, not a rewording: `near_copy_overlap`'s default, kept apart
from it because that setting (0 = off) is for questions that are not a trend."""


TWIN_PERIODS = False
"""On: a twin pair's figures include the periods its passages name (`changed_twins`): a
text repeated for another financial year is a change, as it was when a period's two-digit
end was read as a figure (eval/README.md "The asked-aspect readings together, round 29").
Off since round 48 (r48-trendcv, eval/README.md "Which trend rules generalise, round 48"):
on the trend tune rows its net gain came from one meeting group (k2-067, both ends) while
it lost a row of another (k2-426, the Cabinet budget pack's: both ends, ends cited, key
figure and evidence) and won one back there (k4-014), a wash fitted to two papers' year
columns; off: figures alone."""


def _stated(text: str) -> list[str]:
    """The figures and, with `TWIN_PERIODS`, the periods a passage states, sorted."""
    named = [m.group(0) for m in periods(text)] if TWIN_PERIODS else []
    return sorted([*figures_in(text), *named])


def changed_twins(hits: list[Hit]) -> list[tuple[Hit, Hit]]:
    """Pairs of `hits` that are one text twice with a figure changed: word sets alike to
    `TWIN_OVERLAP`, figures (`sentences.figures_in`) not the same. A council publishes a
    draft and a final of one paper, or a report and its update, nearly word for word;
    where a figure moved between them, the pair is the change a trend asks about. A
    passage's opening paragraph or item number ("41.4", `LEADING_NUMBER`) says where it
    stands, not what it says, and a final often renumbers its paragraphs: it is no figure.
    The periods a passage names (`temporal.PERIOD`: "2025-26") are no figure but are
    compared too: one text for another year is a change a trend asks about (`TWIN_PERIODS`).
    Pairs come in the order of their lower-ranked passage, then the higher."""
    sets = [set(words(h.text)) for h in hits]
    figures = [_stated(LEADING_NUMBER.sub("", h.text, count=1)) for h in hits]
    return [
        (hits[i], hits[j])
        for j in range(len(hits))
        for i in range(j)
        if figures[i] != figures[j] and near(sets[i], sets[j], TWIN_OVERLAP)
    ]


def place_twins(
    chosen: dict[int, Hit],
    rest: list[Hit],
    pairs: list[tuple[Hit, Hit]],
    kept: set[int],
    limit: int,
    give: list[int],
) -> list[Hit]:
    """Put up to `limit` of `pairs` into `chosen` (the top k), each missing member in
    the place of the first hit of `give` (ids of `chosen`, the first to give way first)
    that is neither in `kept` (`cover_span`'s: the span's ends and the end meetings'
    `END_SPARE` passages, what a trend answer quotes) nor a member already placed; a
    pair already in counts. Returns `rest` (the hits below), the displaced first, best
    first.

    `cover_span` gives the spread's picks first, the lowest in the fused order first,
    then the one-per-meeting anchors: the spread takes by a score discounted per
    passage of the same meeting, so its last pick is often not its weakest, and a
    passage ranked high in a crowded meeting is taken late (eval/README.md, round 25)."""
    kept = set(kept)
    out: list[Hit] = []
    placed = 0
    for pair in pairs:
        if placed >= limit:
            break
        missing = [h for h in pair if h.passage_id not in chosen]
        ids = {h.passage_id for h in pair}
        free = [i for i in give if i in chosen and i not in kept | ids]
        if len(free) < len(missing):
            continue
        for i in free[: len(missing)]:
            out.append(chosen.pop(i))
        for h in missing:
            chosen[h.passage_id] = h
        kept |= ids
        placed += 1
    below = sorted(out, key=lambda h: -h.score) + rest
    return [h for h in below if h.passage_id not in chosen]
