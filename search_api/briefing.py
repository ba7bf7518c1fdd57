"""Cited briefing notes for officers: what the archive says on a topic, when and where.

`BriefingBuilder` turns a `BriefingRequest` into a typed `Briefing` using one archive
`Reader` alone (no HTTP, one index version); `briefing_render` writes it as Markdown or
DOCX.

Nothing in a briefing is written by us except labels and metadata: every statement is a
verbatim slice of a cited passage, found by the same extractive machinery as `/ask`.

* **Evidence** is the reader's search results for the topic (filters are hard, dates
  in the topic soft), re-ranked for coverage of the period as for a trend question: a
  briefing is about "what was said, when", so one meeting must not crowd out the rest.
* **Summary**: the answer builder's best sentences (as a plain `/ask` answer picks them).
* **Timeline**: the answer builder's trend selection (the best sentences of each meeting
  that speaks to the topic), grouped by meeting in date order, paragraphs in document
  order within a meeting.
* **Actions**: the minutes record actions as "ACTION: <owners>" lines, which ingestion
  attaches to the end of the preceding paragraph's passage. Only actions about the topic
  are listed (their passage or agenda item title holds one of the topic's words): a
  staffing note lists no CCG funding bid. Top hits rarely include
  them, so every passage of every *meeting* the summary or timeline cites is read (all
  documents of that meeting within the filters), and each ACTION line is listed with
  the commitment sentences of its paragraph. Sentences in the minutes' own commitment
  wording ("it was agreed that…", "agreed to…", "would receive a further report…")
  without an ACTION line are listed when their passage is itself close to the topic
  (dense cosine within settings `relevant_cosine_margin` of the best passage).
* **References**: numbered in order of first citation (summary, timeline, actions).

Determinism: the same index and request give the same `Briefing`; the only varying
field is `generated_at`, left empty when the request turns it off.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote, urlencode

from pydantic import BaseModel, Field

from indexer.dates import MONTH_NAMES
from indexer.models import Citation, DatePrecision, MeetingKey, Passage, SearchFilters, SearchMode
from indexer.text import ANALYZER, split_sentences

from .abstention import coverage
from .answering import CitedQuote, format_date, place_parts
from .documents import DocumentSummary
from .search import BadRequestError, SearchRequest, cover_span
from .temporal import TemporalIntent

if TYPE_CHECKING:
    from .archive import Reader

__all__ = [
    "MAX_BRIEFING_K",
    "ActionItem",
    "Briefing",
    "BriefingBuilder",
    "BriefingFormat",
    "BriefingRequest",
    "BriefingScope",
    "KeyPoint",
    "MeetingEntry",
    "Reference",
    "TimelinePoint",
    "UNPRINTABLE",
    "action_owners",
    "commitment_sentences",
    "due_phrase",
    "sentence_subject",
    "stated_label",
]

BriefingFormat = Literal["markdown", "docx", "json"]
"""The files a briefing is written as (`briefing_render`)."""

MAX_BRIEFING_K = 50
"""Passages a briefing may draw on: more makes a note nobody reads to the end."""
NOTHING_FOUND = "Nothing found."
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Characters a briefing file cannot carry (XML 1.0 refuses them; UTF-8 cannot encode
surrogates); document text and topics have them replaced by U+FFFD."""


@dataclass(frozen=True)
class BriefingRequest:
    """What a briefing is about; the filters are hard, as for a search."""

    topic: str
    filters: SearchFilters = field(default_factory=SearchFilters)
    mode: SearchMode = "hybrid"
    k: int = 12
    generated_at: bool = True
    """Stamp the time of generation; False makes the output reproducible byte for byte."""

    def __post_init__(self) -> None:
        """The topic is printed in the file: control characters and lone surrogates
        (which neither UTF-8 nor XML can hold) become U+FFFD instead of failing there."""
        object.__setattr__(self, "topic", UNPRINTABLE.sub("\ufffd", self.topic.strip()))
        if not self.topic:
            raise BadRequestError("the topic is empty")
        if not 1 <= self.k <= MAX_BRIEFING_K:
            raise BadRequestError(f"k must be between 1 and {MAX_BRIEFING_K}, not {self.k}")
        # The same checks as a search (mode, dates in order), said once.
        SearchRequest(self.topic, self.k, self.mode, self.filters)


# -- the briefing -------------------------------------------------------------------------


class Reference(BaseModel):
    """One numbered entry of the reference list: a passage and where it stands."""

    n: int
    passage_id: int
    document_id: str
    title: str | None = None
    committee: str | None = None
    council: str | None = None
    doc_type: str | None = None
    meeting_date: date | None = None
    date_label: str = Field(description="'21 November 2018'; 'March 2019' for a month date")
    date_approximate: bool = False
    stated_date: date | None = Field(
        default=None, description="The date the passage gives for itself, if any"
    )
    item: str | None = None
    item_title: str | None = None
    paragraph: str | None = None
    page: int | None = None
    source_url: str = Field(description="The published URL, else the API's source link")
    context_url: str = Field(description="The passage highlighted in its document")
    also_in: list[str] = Field(
        default_factory=list, description="Titles of other documents holding the passage"
    )


class KeyPoint(BaseModel):
    """A summary line: a verbatim quote and the number of its entry in the references."""

    quote: str = Field(description="Verbatim words of the cited passage")
    ref: int


class TimelinePoint(BaseModel):
    """One cited point in a meeting's timeline entry, with where it is and any date it states."""

    quote: str = Field(description="Verbatim words of the cited passage")
    ref: int
    place: str = Field(description="'item 41 “Title”, para 41.4'")
    stated_date: date | None = None
    stated_label: str | None = Field(
        default=None, description="'September 2022' when the passage gives its own date"
    )


class MeetingEntry(BaseModel):
    """What was said at one meeting."""

    meeting_date: date | None
    date_label: str
    date_approximate: bool = False
    committee: str | None = None
    points: list[TimelinePoint]


class ActionItem(BaseModel):
    """An action or commitment recorded in the minutes, with who and when."""

    quotes: list[str] = Field(description="Verbatim commitment sentences of the passage")
    action_line: str | None = Field(
        default=None, description="The verbatim 'ACTION: <owners>' line, if any"
    )
    owners: list[str] = Field(default_factory=list, description="Names on the ACTION line")
    who: str | None = Field(
        default=None, description="Owners, else the subject of the commitment sentence"
    )
    who_source: Literal["action line", "sentence"] | None = None
    meeting_date: date | None = None
    date_label: str
    due: str | None = Field(default=None, description="A due date the sentence gives, verbatim")
    place: str
    ref: int


class BriefingScope(BaseModel):
    """What the briefing searched and found, shown at its top so readers see its limits."""

    committee: str | None = None
    doc_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    mode: str = "hybrid"
    k: int
    documents_searched: int = Field(description="Indexed documents within the filters")
    documents_indexed: int
    meetings_found: int = Field(description="Meetings the timeline draws on")
    evidence_from: str | None = Field(default=None, description="Earliest meeting cited")
    evidence_to: str | None = Field(default=None, description="Latest meeting cited")
    span_text: str | None = Field(
        default=None, description="Dates named in the topic (ranked higher, not filtered)"
    )


class Briefing(BaseModel):
    """A briefing as the API returns it and the Markdown and Word renderers take it."""

    title: str
    topic: str
    scope: BriefingScope
    summary: list[KeyPoint]
    timeline: list[MeetingEntry]
    actions: list[ActionItem]
    references: list[Reference]
    abstained: bool = Field(description="True when the archive holds nothing on the topic")
    generated_at: datetime | None = None


# -- actions: pure text logic ---------------------------------------------------------------

_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
ACTION_LINE = re.compile(rf"\bACTION\s*:\s*(?P<owners>{_NAME}(?:\s*(?:/|,|&|\band\b)\s*{_NAME})*)?")
_OWNER_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*")

COMMITMENT = re.compile(
    r"\bit was agreed\b|\bagreed to\b|\bagreed that\b[^.;]*\b(?:would|will|should)\b"
    r"|\bwould receive\b|\bwill receive\b|\bfurther report\b|\breport back\b"
    r"|\bundertook to\b|\b(?:was|were) asked to\b"
    r"|\bwould (?:ask|arrange|provide|circulate|share|bring|invite|write|prepare)\b"
    r"|\bwould be (?:arranged|prepared|provided|circulated|shared|brought|presented|invited"
    r"|sent|reported)\b",
    re.IGNORECASE,
)
"""Wording minutes use to record a commitment (sentences, not whole passages)."""

_MONTH_NAMES = "|".join(MONTH_NAMES)
"""The months' full names (`indexer.dates.MONTH_NAMES`; `DUE` reads them case-blind)."""
DUE = re.compile(
    r"\b(?:by|before|in|within|during|until|at)\s+(?:the\s+)?"
    r"(?:(?:end|start|beginning) of\s+(?:the\s+)?)?"
    r"(?:next\s+(?:\w+\s+){0,2}?(?:meeting|visit)(?:\s+in\s+(?:" + _MONTH_NAMES + r")\s+\d{4})?"
    r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH_NAMES + r")(?:\s+\d{4})?"
    r"|(?:spring|summer|autumn|winter)\s+\d{4}"
    r"|(?:19|20)\d{2}(?:/\d{2})?"
    r"|Christmas"
    r"|(?:\d+|one|two|three|four|five|six|nine|twelve|a few)\s+(?:weeks?|months?|years?))\b",
    re.IGNORECASE,
)

_AGENT_VERB = re.compile(
    r"\b(?:agreed to|agreed that|undertook to|(?:was|were) asked to"
    r"|would (?!be\b|receive\b)\w+|will (?!be\b|receive\b)\w+)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"(?:^|\bthat\s+|,\s+|;\s+|:\s+)")
_PRONOUNS = frozenset({"he", "she", "they", "it", "this", "there", "we", "i", "which", "who"})
_TITLED = re.compile(r"(?:\b[Tt]he\s+)?(?:\(?[A-Z][\w’'()]*\)?\s+)*\(?[A-Z][\w’'()]*\)?$")


def action_owners(text: str) -> list[tuple[re.Match[str], list[str]]]:
    """Each ACTION line in a passage with the owner names it gives."""
    out = []
    for m in ACTION_LINE.finditer(text):
        owners = [o for o in _OWNER_SPLIT.split(m.group("owners") or "") if o]
        out.append((m, owners))
    return out


def commitment_sentences(text: str) -> list[str]:
    """The sentences of a passage worded as a commitment, verbatim."""
    return [s.text for s in split_sentences(text) if COMMITMENT.search(s.text)]


def due_phrase(sentence: str) -> str | None:
    """A due date or time frame the sentence gives ("before the next committee meeting
    in January 2019", "in 2019", "by Christmas"), verbatim; None when it gives none."""
    m = DUE.search(sentence)
    return m.group(0) if m else None


def sentence_subject(sentence: str) -> str | None:
    """Who a commitment sentence says will act, verbatim ("The DCS", "committee
    members"), or None when it does not say (a passive "visits would be arranged", a
    bare pronoun, or a subject too tangled to pick out safely)."""
    for verb in _AGENT_VERB.finditer(sentence):
        prefix = sentence[: verb.start()].rstrip()
        clause_start = max(m.end() for m in _CLAUSE_START.finditer(prefix))
        clause = prefix[clause_start:].strip()
        words = clause.split()
        if not words or clause.lower() in _PRONOUNS:
            continue
        if words[-1].lower() in ("and", "or", "but", "was", "were", "is", "had", "has"):
            continue
        if len(words) <= 5 and not any(w.lower() in _PRONOUNS for w in words):
            return clause
        titled = _TITLED.search(clause)
        if titled and titled.group(0).strip():
            return titled.group(0).strip()
    return None


# -- building -------------------------------------------------------------------------------


def _natural(value: str | None) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", value or ""))


def place_label(c: Citation) -> str:
    """'item 41 “Ofsted Improvement Letter”, para 41.4, p. 3' (what is known of it)."""
    return ", ".join(place_parts(c.item, c.item_title, c.paragraph, c.page)) or (
        "unnumbered passage"
    )


def stated_label(value: date) -> str:
    """A passage's own date: 'September 2022' (stated dates of a month fall on its 1st)."""
    return format_date(value, "month" if value.day == 1 else "day")


class BriefingBuilder:
    """Builds briefings from one reader (one index version). `base_url` makes the API
    links absolute (the router passes the server's own address; the CLI --base-url)."""

    def __init__(self, reader: Reader, base_url: str = "") -> None:
        self.reader = reader
        self.base_url = base_url.rstrip("/")

    def build(self, request: BriefingRequest, now: datetime | None = None) -> Briefing:
        """The briefing for a request; `now` stamps it (the clock when not given)."""
        reader = self.reader
        filters = request.filters
        tuning = reader.settings.answers
        documents = {d.document_id: d for d in reader.documents()}
        searched = reader.documents_within(filters)

        evidence = reader.ranked(
            SearchRequest(
                request.topic, max(tuning.briefing_pool, request.k), request.mode, filters
            )
        ).content()  # page furniture is no evidence (`search_api.empty`)
        # The coverage re-ranking a trend question gets: a briefing always spans its period.
        hits = cover_span(evidence.hits, evidence.cosines, request.k, reader.settings.search)
        hits = hits[: request.k]
        precisions = {d: s.date_precision for d, s in documents.items()}
        # Whether to answer at all rests on the whole ranked pool, as for /ask, not on the
        # `k` passages the span coverage kept (the dense first place may fall outside them).
        # Judged on the pool ranked without the density prior, as `/ask` judges it.
        plain = evidence.unbiased()
        support = reader.answers.features(request.topic, plain.intent, plain.hits, plain.cosines)
        summary_answer = reader.answers.answer(
            dataclasses.replace(evidence.intent, trend=False), hits, evidence.cosines,
            precisions, question=request.topic, support=support,
        )  # fmt: skip
        abstained = summary_answer.abstained
        timeline_answer = (
            summary_answer
            if abstained
            else reader.answers.answer(
                _as_trend(evidence.intent),
                hits,
                evidence.cosines,
                precisions,
                timeline_limit=tuning.briefing_meetings,
                question=request.topic,
                support=support,
            )  # fmt: skip
        )

        refs = _References(self, documents)
        summary = [
            KeyPoint(quote=c.quote, ref=refs.number(c.passage_id, c.citation))
            for c in summary_answer.citations
        ]
        timeline = self._timeline(timeline_answer.citations, refs, documents)
        cited = [c.citation for c in (*summary_answer.citations, *timeline_answer.citations)]
        actions = (
            [] if abstained
            else self._actions(
                ANALYZER.query_terms(evidence.intent.topic), cited, searched,
                evidence.cosines, refs, documents,
            )
        )  # fmt: skip

        span = evidence.intent.span
        dated = [m for m in timeline if m.meeting_date]
        scope = BriefingScope(
            committee=filters.committee or None,
            doc_type=filters.doc_type or None,
            date_from=filters.date_from,
            date_to=filters.date_to,
            mode=request.mode,
            k=request.k,
            documents_searched=len(searched),
            documents_indexed=len(documents),
            meetings_found=len(timeline),
            evidence_from=dated[0].date_label if dated else None,
            evidence_to=dated[-1].date_label if dated else None,
            span_text=span.text if span else None,
        )
        stamp = None
        if request.generated_at:
            stamp = (now or datetime.now(UTC)).replace(microsecond=0)
        return Briefing(
            title=f"Briefing: {request.topic}",
            topic=request.topic,
            scope=scope,
            summary=summary,
            timeline=timeline,
            actions=actions,
            references=refs.entries,
            abstained=abstained,
            generated_at=stamp,
        )

    # -- pieces ---------------------------------------------------------------------------

    def date_label(self, c: Citation | None, documents: dict[str, DocumentSummary]) -> str:
        """A meeting's date as precisely as its document knows it; 'Undated' otherwise."""
        if c is None or c.meeting_date is None:
            return "Undated"
        doc = documents.get(c.document_id)
        precision: DatePrecision | None = doc.date_precision if doc else None
        return format_date(c.meeting_date, precision)

    def _timeline(
        self,
        citations: Sequence[CitedQuote],
        refs: _References,
        documents: dict[str, DocumentSummary],
    ) -> list[MeetingEntry]:
        groups: dict[MeetingKey, list[CitedQuote]] = {}
        for c in citations:
            groups.setdefault(c.citation.meeting, []).append(c)
        # Meetings in date order (undated last), paragraphs in document order within one.
        ordered = sorted(groups.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or
                                                          date.min, kv[0][1] or ""))  # fmt: skip
        out = []
        for (_, committee), cites in ordered:
            first = cites[0].citation
            points = []
            for c in sorted(cites, key=lambda c: _reading_order(c.citation, c.quote, c.text)):
                stated = c.citation.stated_date
                if stated == c.citation.meeting_date:
                    stated = None
                points.append(
                    TimelinePoint(
                        quote=c.quote,
                        ref=refs.number(c.passage_id, c.citation),
                        place=place_label(c.citation),
                        stated_date=stated,
                        stated_label=stated_label(stated) if stated else None,
                    )
                )
            out.append(
                MeetingEntry(
                    meeting_date=first.meeting_date,
                    date_label=self.date_label(first, documents),
                    date_approximate=first.date_approximate,
                    committee=committee,
                    points=points,
                )
            )
        return out

    def _meeting_passages(
        self, meetings: set[MeetingKey], searched: Sequence[str]
    ) -> list[Passage]:
        """Every passage of the given meetings' documents (within the filters), once,
        in reading order."""
        return sorted(
            self.reader.meeting_passages(meetings, searched),
            key=lambda p: (
                p.citation.meeting_date or date.max,
                p.citation.committee or "",
                _natural(p.citation.paragraph or p.citation.item),
                p.citation.document_id,
                _ordinal(p.citation),
            ),
        )

    def _actions(
        self,
        terms: Sequence[str],
        cited: Sequence[Citation],
        searched: Sequence[str],
        cosines: dict[int, float],
        refs: _References,
        documents: dict[str, DocumentSummary],
    ) -> list[ActionItem]:
        meetings = {c.meeting for c in cited if c.meeting_date is not None}
        # Commitments made under an agenda item the briefing cites are about its topic,
        # however the item's other paragraphs happen to score against the topic's words.
        cited_items = {(c.meeting, c.item) for c in cited if c.item}
        best = max(cosines.values(), default=0.0)
        margin = self.reader.settings.answers.relevant_cosine_margin
        out: list[ActionItem] = []
        terms = list(terms)
        for p in self._meeting_passages(meetings, searched):
            lines = action_owners(p.text)
            if not _about(p, terms):
                continue  # an action of the meeting on another matter
            if lines:
                first_line = lines[0][0]
                before = p.text[: first_line.start()]
                sentences = commitment_sentences(before)
                if not sentences:
                    last = split_sentences(before)
                    sentences = [last[-1].text] if last else []
                owners = [o for _, names in lines for o in names]
                action_line = " ".join(m.group(0).strip() for m, _ in lines)
                who = "/".join(owners) or None
                who_source: Literal["action line", "sentence"] | None = (
                    "action line" if who else None
                )
            else:
                on_topic = (p.citation.meeting, p.citation.item) in cited_items
                if not on_topic and cosines.get(p.passage_id, -1.0) < best - margin:
                    continue
                sentences = commitment_sentences(p.text)
                if not sentences:
                    continue
                owners, action_line = [], None
                who = next((s for s in map(sentence_subject, sentences) if s), None)
                who_source = "sentence" if who else None
            if not sentences and not action_line:
                continue
            due = next((d for d in map(due_phrase, sentences) if d), None)
            out.append(
                ActionItem(
                    quotes=sentences,
                    action_line=action_line,
                    owners=owners,
                    who=who,
                    who_source=who_source,
                    meeting_date=p.citation.meeting_date,
                    date_label=self.date_label(p.citation, documents),
                    due=due,
                    place=place_label(p.citation),
                    ref=refs.number(p.passage_id, p.citation),
                )
            )
        return out

    # -- links ----------------------------------------------------------------------------

    def source_link(self, c: Citation) -> str:
        """The published URL when there is one, else this API's copy, at the page."""
        url = c.source_url if c.source_url and re.match(r"https?://", c.source_url) else None
        if url is not None:
            # Spaces, quotes, angle brackets or controls would break a Markdown autolink.
            url = quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")
        else:
            url = f"{self.base_url}/documents/{quote(c.document_id)}/source"
        if c.page and "#" not in url:
            url += f"#page={c.page}"
        return url

    def context_link(self, c: Citation, passage_id: int) -> str:
        """The document page with the passage highlighted."""
        query = urlencode({"id": c.document_id, "passage": passage_id})
        return f"{self.base_url}/document?{query}#p-{passage_id}"


def _about(p: Passage, terms: Sequence[str]) -> bool:
    """An action is about the briefing's topic when its passage (or agenda item title)
    holds one of the topic's words: sitting in a cited meeting, or near the topic in the
    embedding space, is not enough (a CCG funding bid is not about agency staffing)."""
    return coverage(terms, f"{p.citation.item_title or ''} {p.text}") > 0


def _as_trend(intent: TemporalIntent) -> TemporalIntent:
    return dataclasses.replace(intent, trend=True)


def _ordinal(c: Citation) -> int:
    here = next((s for s in c.sources if s.document_id == c.document_id), None)
    return here.ordinal if here else 0


def _reading_order(c: Citation, quote_text: str, text: str) -> tuple[object, ...]:
    return (_natural(c.paragraph or c.item), c.document_id, _ordinal(c), text.find(quote_text))


class _References:
    """Numbers passages in order of first citation and keeps their entries."""

    def __init__(self, builder: BriefingBuilder, documents: dict[str, DocumentSummary]) -> None:
        self.builder = builder
        self.documents = documents
        self.numbers: dict[int, int] = {}
        self.entries: list[Reference] = []

    def number(self, passage_id: int, c: Citation) -> int:
        """The passage's reference number, adding its entry at first citation."""
        if passage_id in self.numbers:
            return self.numbers[passage_id]
        n = len(self.entries) + 1
        self.numbers[passage_id] = n
        others = [s.title or s.document_id for s in c.sources if s.document_id != c.document_id]
        self.entries.append(
            Reference(
                n=n,
                passage_id=passage_id,
                document_id=c.document_id,
                title=c.title,
                committee=c.committee,
                council=c.council,
                doc_type=c.doc_type,
                meeting_date=c.meeting_date,
                date_label=self.builder.date_label(c, self.documents),
                date_approximate=c.date_approximate,
                stated_date=c.stated_date,
                item=c.item,
                item_title=c.item_title,
                paragraph=c.paragraph,
                page=c.page,
                source_url=self.builder.source_link(c),
                context_url=self.builder.context_link(c, passage_id),
                also_in=list(dict.fromkeys(others)),
            )
        )
        return n
