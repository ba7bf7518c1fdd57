"""Passages with nothing to say: page furniture a council's website or papers print.

A ModernGov site publishes a page for every cancelled or papers-less meeting ("Kingston
and North Kingston Neighbourhood Committee - Thursday 4 December 2025 7:30 pm, CANCELLED.
No documents are available for this meeting. Proposed venue: Guildhall, Kingston upon
Thames. View directions."), and papers carry other lines that point elsewhere or notice
an absence ("This is the link to the Ofsted webpage", "Document is Restricted", "See
supplement pack published alongside the main agenda", "(Pages 1 - 14)", "To follow", an
item whose whole text is "No reports", a contact block of a name, post, phone and
e-mail). Such a passage names its council, committee and day, so it ranks high for any
question naming them, and it says nothing about any topic.

`content_free` reads a passage by kind of layout, no constant fitted: it takes out every
furniture phrase (`FURNITURE`), the words its own citation gives (council, committee,
document and item titles, meeting day: what the passage's metadata says already,
`indexer.ingest.metadata.is_own_heading`'s test at query time), names of days and
months, clock times, phone numbers and e-mail addresses, and the analyser's stop words;
a passage in which some furniture phrase stood and no word is left has nothing to say.
A passage without furniture is never content-free: a heading made only of its own
metadata is dropped when chunking (chunker 17), and a line of figures is a table's.

Read with the question's kind (round 51): a meeting page's status (`NOTICE`: "CANCELLED",
"No documents are available for this meeting", its proposed venue) is furniture for a
question about a topic, and content for one about the body's meetings (`meetings_asked`:
whether or when meetings were held, cancelled or postponed, how often a body met, or what
a body did over a span with no topic of its own, "What has the … committee dealt with
between December 2025 and January 2026?"): there the cancelled meeting is an event of the
body's record.

A contact block or a running footer (round 51, `contact_block`: "Author of report -
Younes Hamade, Principal Engineer, Email: … Tel: …", "Lake Market Research |
www.lake-research.com | 01622 357060") gives an address and otherwise only names, posts and
organisations, written with capitals: furniture, except for a question asking who or how
to reach someone (`CONTACT_ASKED`) or about a body's meetings (an agenda's front block says
where and when it meets).

Where it acts (`search_api.search`): a content-free passage in the top k is shown after
every passage with content there, and it is no evidence for an answer: `/ask` neither
judges support on it nor quotes it (`SearchResult.content`).

Read once a passage (round 52): what a passage is whatever the question asks (`page_kind`:
furniture, with a meeting page's status among it, a contact block) is read once a snapshot
for each passage and cited place (`PageKinds`, the retriever's); a search reads only the
question's kind (`meetings_asked`, `CONTACT_ASKED`) and looks its candidates up
(`read_as_free`).
"""

from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Collection, Iterable

from indexer.attendance import MEMBER_TITLE_FORMS, alternation
from indexer.dates import MONTHS
from indexer.models import Citation, Hit
from indexer.text import ANALYZER

__all__ = [
    "ADDRESS",
    "CONTACT_ASKED",
    "CONTACT_LABELS",
    "FURNITURE",
    "NOTICE",
    "STATUS_ASKED",
    "PageKind",
    "PageKinds",
    "contact_block",
    "content_free",
    "meetings_asked",
    "page_kind",
    "read_as_free",
]

_SENTENCE_END = r"(?=[.;\n]|$)"
NOTICE = re.compile(
    "|".join(
        (
            # A meeting page's status and what it has not got.
            r"\b(?:meeting\s+)?(?:cancelled|canceled|postponed|abandoned)\b",
            r"\bno\s+(?:documents|papers|reports|minutes|agenda)\s+(?:are|is)\s+(?:yet\s+)?"
            r"(?:available|published)(?:\s+for\s+this\s+(?:meeting|item))?",
            # A held meeting's "Venue:" is where it met (a question asks it); a page's
            # "Proposed venue:" is where a meeting that has not been held was to be.
            r"\bproposed\s+venue\s*:[^.;\n]*" + _SENTENCE_END,
            r"\bview\s+directions\b",
            r"\battendance\s+details\b",
            r"\bwatch\s+(?:the\s+|council\s+)?meetings?\s+(?:here|live|online)\b",
        )
    ),
    re.IGNORECASE,
)
"""A meeting page's status: "CANCELLED", "No documents are available for this meeting",
where it was to be held and how to get there. Furniture for a question about a topic;
the content itself for one about the body's meetings (`meetings_asked`)."""

FURNITURE = re.compile(
    "|".join(
        (
            NOTICE.pattern,
            r"\bcontact\s*:[^.;\n]*" + _SENTENCE_END,
            r"\be-?mail\s*:",
            r"\btel(?:ephone)?\s*:",
            # A line pointing elsewhere.
            r"\bthis\s+is\s+(?:the|a)\s+link\s+to\s+(?:the\s+)?[^.;\n]{0,80}?"
            r"\b(?:web\s?page|website|web\s+site|page|site)\b",
            r"\b(?:document|report|appendix|item)\s+is\s+restricted\b",
            r"\bnot\s+for\s+publication\b",
            r"\(\s*pages?\s+\d+\s*(?:-|\u2013|to)\s*\d+\s*\)",
            r"\bsee\s+(?:the\s+)?supplement(?:ary)?\s+(?:pack|agenda|papers?)\b[^.;\n]*"
            + _SENTENCE_END,
            r"(?:^|(?<=[\s(\-\u2013]))to\s+follow\b",
            # An item with nothing under it.
            r"\bno\s+(?:reports?|items?|business)(?:\s+(?:to\s+consider|this\s+time))?\s*\.?$",
        )
    ),
    re.IGNORECASE,
)
"""Phrases that are page furniture: a meeting page's status (`NOTICE`) and contact, a
pointer to what is elsewhere (a link line, a restricted or unpublished document, an
agenda's page range, a supplement pack, "To follow") and an item with nothing under it
("No reports")."""

_MEETING = r"(?:meetings?|sittings?|sessions?)"
_STATUS = (
    r"(?:cancel\w*|postpon\w*|adjourn\w*|abandon\w*|re-?schedul\w*|re-?arrang\w*|called\s+off"
    r"|held|go(?:es)?\s+ahead|went\s+ahead|take\s+place|took\s+place|taken\s+place|quorate"
    r"|inquorate)"
)
_MET = r"(?:meet|meets|met|convene[sd]?)"
STATUS_ASKED = re.compile(
    # "Was the December meeting cancelled?", "Which meetings were postponed?"
    rf"\b{_MEETING}\b[^?]*\b{_STATUS}\b|\b{_STATUS}\b[^?]*\b{_MEETING}\b"
    # "How many meetings did the cabinet hold?"
    rf"|\bhow\s+many\s+{_MEETING}\b"
    # "How often did the committee meet?", "When does it meet?", "When had it last met
    # before …?": the verb closes the clause or a time, place or purpose follows it ("met
    # all their targets" is no meeting).
    rf"|\b{_MET}(?=\s*(?:[?.,;]|$)|\s+(?:in|on|at|during|between|since|before|after|over|"
    r"from|until|last|this|next|every|each|again|to\s+discuss|about|how\s+often)\b)",
    re.IGNORECASE,
)
"""A question about a body's meetings themselves: whether or when they were held,
cancelled, postponed, how often or when a body met."""

_RECORD_WORDS = frozenset(
    t
    for t in ANALYZER.query_terms(
        # What a body did, asked without a topic ("What has the committee dealt with …?",
        # "… been up to …?", "What happened at the December meeting?").
        "deal dealt happen happened going discuss considered covered looked worked business "
        "agenda meeting meetings meet met decided agreed talked "
        # A body named by its kind, not its name ("the local area committee").
        "council committee subcommittee sub cabinet board panel forum scrutiny local area "
        "neighbourhood ward "
        # Time left in a topic once its span is read ("recently", "last").
        "last recent lately past year month week spring summer autumn winter"
    )
)
"""Index terms of a question asking what a body did with no topic of its own: its
activity words, the kinds of body and the time words a span leaves behind."""


def meetings_asked(question: str, topic: str, names: Collection[str] = ()) -> bool:
    """Whether a question asks about a body's meetings or its record, not a topic: its
    words ask whether or when meetings were held, cancelled or postponed, or how often a
    body met (`STATUS_ASKED`), or its topic (the question with its span read out,
    `TemporalIntent.topic`) holds no term but the body's names (`names`: index terms of
    the councils and committees in question), its kind, activity and time words
    (`_RECORD_WORDS`) and figures: "What has the Kingston and North Kingston
    neighbourhood committee dealt with between December 2025 and January 2026?". For
    such a question a meeting page's status (`NOTICE`) is content: a meeting that was
    cancelled is an event of the body's record."""
    if STATUS_ASKED.search(question):
        return True
    terms = ANALYZER.query_terms(topic)
    return bool(terms) and all(
        t in _RECORD_WORDS or t in names or t.isdigit() or t in _DAYS_MONTHS_TERMS for t in terms
    )


_PHONE = r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b"
"""A UK phone number: furniture in any passage (`_ALSO_FURNITURE`) and where to reach
someone (`ADDRESS`)."""
_ALSO_FURNITURE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm)?\b|\b\d{1,2}\s*(?:am|pm)\b"  # clock times
    r"|\S+@\S+"  # e-mail addresses
    r"|" + _PHONE,
    re.IGNORECASE,
)
_DAYS_MONTHS = frozenset(MONTHS) | {day.lower() for day in calendar.day_name}
_DAYS_MONTHS_TERMS = frozenset(t for w in _DAYS_MONTHS for t in ANALYZER.query_terms(w))
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+")


def _own_words(citation: Citation) -> set[str]:
    """The words a passage's citation already says: council, committee, document and item
    titles, and its meeting's day."""
    own: set[str] = set()
    for name in (citation.council, citation.committee, citation.title, citation.item_title):
        own.update(w.lower() for w in _WORD.findall(name or ""))
    if citation.item:
        own.update(w.lower() for w in _WORD.findall(citation.item))
    day = citation.meeting_date
    if day is not None:
        own.update({str(day.year), str(day.day), f"{day.day:02d}"})
    return own


def _nothing_left(rest: str, citation: Citation, names: bool = False) -> bool:
    """Whether `rest` (a passage with its furniture taken out) holds no word but its own
    citation's (`_own_words`), names of days and months, figures and stop words; with
    `names`, no word but those and words written with a capital (a person's name, post or
    organisation as a contact line prints them)."""
    own = _own_words(citation)
    for word in _WORD.findall(_ALSO_FURNITURE.sub(" ", rest)):
        low = word.lower()
        if low in own or low in _DAYS_MONTHS or low.isdigit():
            continue
        if names and word[:1].isupper():
            continue
        if not ANALYZER.query_terms(low):
            continue  # a stop word
        return False
    return True


ADDRESS = re.compile(
    r"\S+@\S+\.\w+"  # an e-mail address
    r"|\b(?:https?://|www\.)\S+"  # a web address
    r"|" + _PHONE,
    re.IGNORECASE,
)
"""Where to reach someone: an e-mail, web address or phone number."""

CONTACT_LABELS = re.compile(
    # "Background papers - Held by Author Consultation response papers": what is held
    # elsewhere, up to the next label.
    r"\bbackground\s+(?:papers?|documents?)\b[^.;\n]*?"
    r"(?=\b(?:author\s+of|report\s+author|contact|e-?mail|tel|phone)\b|[.;\n]|$)"
    r"|\b(?:author\s+of\s+(?:the\s+)?report|report\s+authors?|contact\s+(?:details|officers?)"
    r"|phone\s+number|produced\s+by|held\s+by\s+(?:the\s+)?author)\b"
    r"|\b(?:e-?mail|tel(?:ephone)?|phone|mobile|contact|web(?:site)?|[TEM])\s*:",
    re.IGNORECASE,
)
"""A contact block's labels: its author, contact and background papers, "Tel:", "E:"."""

CONTACT_ASKED = re.compile(
    r"\bwho(?:se|m)?\b|\bwhich\s+(?:\w+\s+)?(?:officers?|members?|councillors?|persons?|people"
    r"|directors?|managers?|organi[sz]ations?|compan(?:y|ies)|firms?|consultan\w*|teams?"
    rf"|{alternation(MEMBER_TITLE_FORMS, spaced=True)})\b"
    r"|\bcontact\w*|\bauthor\w*|\be-?mail|\b(?:tele)?phone|\bwebsite|\bweb\s*(?:page|address)",
    re.IGNORECASE,
)
"""A question asking who: a person, post or organisation, or how to reach them. For it a
contact block (`contact_block`) is content."""


def contact_block(text: str, citation: Citation) -> bool:
    """True when `text` is a contact block or a running footer and nothing else: it gives an
    address (`ADDRESS`), and with its addresses, labels (`CONTACT_LABELS`) and furniture
    taken out no word is left but names, posts and organisations (words written with a
    capital) and `_nothing_left`'s: "Author of report - Younes Hamade, Principal
    Engineer, Email: … Tel: 020 8547 5922", "Lake Market Research | www.lake-research.com
    | 01622 357060". A lower-case word says something ("… via this link https://…")."""
    if not ADDRESS.search(text):
        return False
    rest = FURNITURE.sub(" ", CONTACT_LABELS.sub(" ", ADDRESS.sub(" ", text)))
    return _nothing_left(rest, citation, names=True)


class PageKind(enum.IntFlag):
    """What a passage is as page furniture whatever the question asks (`page_kind`); the
    question's kind then reads it (`read_as_free`)."""

    CONTENT = 0
    FURNITURE = 1
    """Furniture phrases (`FURNITURE`) and nothing else beside its own citation's words."""
    NOTICE = 2
    """With `FURNITURE`: among its phrases a meeting page's status (`NOTICE`)."""
    CONTACT = 4
    """A contact block or a running footer (`contact_block`)."""


def page_kind(text: str, citation: Citation) -> PageKind:
    """The question-independent reading of a passage as page furniture: every regex of
    this module is read here, once a passage and cited place (`PageKinds`)."""
    kind = PageKind.CONTENT
    if FURNITURE.search(text) and _nothing_left(FURNITURE.sub(" ", text), citation):
        kind |= PageKind.FURNITURE
        if NOTICE.search(text):
            kind |= PageKind.NOTICE
    if contact_block(text, citation):
        kind |= PageKind.CONTACT
    return kind


def read_as_free(kind: PageKind, notices: bool = False, contacts: bool = False) -> bool:
    """Whether a passage of `kind` is content-free for a question: `notices`, a meeting
    page's status is content (`meetings_asked`); `contacts`, a contact block is
    (`CONTACT_ASKED`)."""
    if kind & PageKind.FURNITURE and not (notices and kind & PageKind.NOTICE):
        return True
    return not contacts and bool(kind & PageKind.CONTACT)


def content_free(
    text: str, citation: Citation, notices: bool = False, contacts: bool = False
) -> bool:
    """True when `text` is page furniture and nothing else (see the module docstring).
    `notices`: a meeting page's status (`NOTICE`) is content (`meetings_asked`);
    `contacts`: a contact block is (`CONTACT_ASKED`)."""
    return read_as_free(page_kind(text, citation), notices, contacts)


def _cited_as(passage_id: int, citation: Citation) -> tuple[object, ...]:
    """A passage and what of its cited place `_own_words` reads: its kind's key."""
    c = citation
    return (passage_id, c.council, c.committee, c.title, c.item_title, c.item, c.meeting_date)


class PageKinds:
    """One snapshot's passages read as page furniture once each (`page_kind`), kept by
    passage id and cited place: a search asks a lookup, not the regexes (round 51 read
    every candidate's text at every search, ~10 ms of a /search's ~40).

    A passage id is its text's hash (`indexer.store.passage_id_for`) and a snapshot is never
    written, so an id and the place it is cited at (the words `_own_words` reads of its
    citation: `cited_inside` cites a passage printed by several meetings at the asked one)
    give one reading for the snapshot's life. The hits read are passages as stored, before
    `search_api.windows` widens their text. Read when a passage is first a candidate,
    not at load: an index's every passage would cost ~0.2 ms each at every publish. A
    reading is a pure function of its key, so threads that race on a key store the same
    value."""

    def __init__(self) -> None:
        self._kinds: dict[tuple[object, ...], PageKind] = {}

    def of(self, hit: Hit) -> PageKind:
        """`hit`'s passage as page furniture, read once for its id and cited place."""
        key = _cited_as(hit.passage_id, hit.citation)
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = page_kind(hit.text, hit.citation)
        return kind

    def empty_ids(
        self, hits: Iterable[Hit], notices: bool = False, contacts: bool = False
    ) -> frozenset[int]:
        """The ids of the content-free passages among `hits` (`read_as_free`'s `notices`
        and `contacts`)."""
        return frozenset(h.passage_id for h in hits if read_as_free(self.of(h), notices, contacts))
