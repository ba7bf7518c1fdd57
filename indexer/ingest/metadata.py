"""Metadata: what a document says about itself, merged under its manifest row.

The text gives the committee and date in a meeting title line ("Children and Families
Overview and Scrutiny Committee - Wednesday 21 November 2018 10.00 am"), a header
("Meeting Date: 14th July, 2022") or a minutes opening ("MINUTES of a meeting of the
Cabinet held ... on Thursday, 30 January 2025"). The manifest, written by a person,
overrides the text field by field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from indexer.attendance import BOARD_TITLES, alternation
from indexer.dates import MONTHS, DateOrder, figures_date, full_year
from indexer.ingest.cleaning import Para
from indexer.ingest.manifest import ManifestRow, SourceFile
from indexer.ingest.readers import RawDocument
from indexer.models import DatePrecision, DocumentMeta

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# fmt: off
_HEADING_GLUE = frozenset({
    "and", "of", "the", "to", "for", "at", "on", "held", "meeting", "st", "nd", "rd", "th",
    *(day.lower() for day in WEEKDAYS),
})
# fmt: on
"""Words a title line adds to its council, committee, date and title ("To: County Council
– 13 March 2025", "County Council Meeting - 13 [th] March 2025")."""
_WORD = re.compile(r"[a-z]+|\d+")
OWN_HEADING_WORDS = (3, 24)
"""A title of fewer words is a fragment, joined to its neighbour in chunking; one of more
is no title block."""


def _own_words(meta: DocumentMeta) -> set[str]:
    words = set(_HEADING_GLUE)
    for name in (meta.council, meta.committee, meta.title):
        words.update(_WORD.findall((name or "").lower()))
    if meta.meeting_date is not None:
        day = meta.meeting_date
        words.update({str(day.year), str(day.day), f"{day.day:02d}"})
        words.update(name for name, month in MONTHS.items() if month == day.month)
    return words


def is_own_heading(text: str, meta: DocumentMeta) -> bool:
    """A passage without a sentence made only of its document's own council, committee,
    meeting date and title words: its title block, on one line or a few ("Kingston & North
    Kingston Neighbourhood Committee / 15 January 2026" atop a report to that committee,
    "To: County Council – 13 March 2025"). It says nothing the passage's metadata does
    not, and it ranks for any question naming the council or committee."""
    text = text.strip()
    if text.endswith((".", "!", "?", ":")):
        return False
    words = _WORD.findall(text.lower())
    fewest, most = OWN_HEADING_WORDS
    return fewest <= len(words) <= most and set(words) <= _own_words(meta)


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
_DAY_DATE = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH}),?\s+(?P<year>(?:19|20)\d\d)"

MEETING_TITLE = re.compile(
    rf"^(?P<committee>[A-Z][^\n]{{3,150}}?)\s+[-\u2013]\s+{_WEEKDAY},?\s+{_DAY_DATE}", re.MULTILINE
)
MEETING_DATE_HEADER = re.compile(rf"\bMeeting\s+Date:?\s*(?:{_WEEKDAY},?\s+)?{_DAY_DATE}", re.I)
MINUTES_OPENING = re.compile(
    r"\bMINUTES of (?:a|the) (?:meeting|special meeting) of (?:the )?"
    r"(?P<committee>[A-Z][\w&,' -]{2,80}?)"
    rf"\s+held\b.{{0,200}}?\bon\s+(?:{_WEEKDAY},?\s+)?{_DAY_DATE}",
    re.DOTALL,
)
COUNCIL = re.compile(
    r"\b((?:Royal Borough of |London Borough of )?(?!(?:Committee|Panel|Board)\b)[A-Z][a-z]+"
    r"(?:[ -](?!(?:Committee|Panel|Board)\b)[A-Z][a-z]+){0,3} "
    r"(?:County|Borough|City|District|Metropolitan Borough|Shire|Town|Regional|Municipal)"
    r" Council)\b"
)
_CAPS_NAME = r"(?!(?:MEETING|MINUTES|AGENDA|OF|HELD|THE)\b)[A-Z]+"
COUNCIL_CAPS = re.compile(
    r"^(?:THE )?(?:(?:MINUTES OF (?:THE )?)?(?:[A-Z]+ ){0,2}?MEETING OF (?:THE )?)?"
    rf"({_CAPS_NAME}(?: {_CAPS_NAME}){{0,3}} (?:COUNTY|BOROUGH|CITY|DISTRICT|SHIRE|TOWN|REGIONAL"
    r"|MUNICIPAL) COUNCIL)(?: (?:MINUTES|AGENDA))?\s*$",
    re.M,
)
"""A council named in capitals on a line of its own ("KILBRACKEN SHIRE COUNCIL") or in its
meeting's heading ("ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL"): the council is the
name, never the meeting's words before it."""
COMMITTEE_CAPS = re.compile(
    r"^((?:[A-Z]+|and|of|the|for)(?: (?:[A-Z]+|and|of|the|for))*"
    r" (?:COMMITTEE|PANEL|BOARD|CABINET))\s*$"
    r"|^((?:[A-Z][a-z]+|and|of|the|for|&)(?: (?:[A-Z][a-z]+|and|of|the|for|&)){0,6}"
    r" (?:Committee|Sub-Committee|Panel|Board))\s*$"
)
"""A committee named on a line of its own at the top, in capitals or in title case
("PLANNING COMMITTEE", "Planning and Development Committee")."""

_ORDINAL = r"(?:st|nd|rd|th)?"
_SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_HEADING_MONTH = rf"(?:{_MONTH}|{_SHORT_MONTH}(?![a-z]))"
_ANY_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORDINAL}(?:\s+day)?\s+(?:of\s+)?(?P<month>{_HEADING_MONTH}),?\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<month2>{_HEADING_MONTH})\s+(?P<day2>\d{{1,2}}){_ORDINAL},?\s+"
    r"(?P<year2>(?:19|20)\d\d)\b"
    r"|(?<![\d/.-])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)"
    r"(?P<year3>(?:19|20)\d\d)(?![\d/.-]\d)"
    r"|(?<![\d/.-])(?P<year4>(?:19|20)\d\d)-(?P<month4>\d{1,2})-(?P<day4>\d{1,2})(?![\d-])",
    re.I,
)
"""A date as meeting headings write it: "14 March 2017", "12th DAY OF JUNE 2015",
"March 14, 2017", "5 Sept. 2016", "14/03/2017", "2017-03-14"."""
_MEETING_OF = re.compile(
    r"\b(?:minutes?\s+of\s+(?:the\s+|an?\s+)?)?(?:[a-z]+\s+){0,2}?(?:general\s+)?meeting\s+of"
    r"\s+(?:the\s+)?(?P<body>[a-z][\w&'\u2019 -]{1,80}?)\s*(?:,|\bheld\b|\bon\b|\bat\b"
    r"|\bcommencing\b|\bin\b|\bwill\b|\bshall\b|\bis\b|\bwas\b|$)"
    r"|^(?:the\s+)?(?P<body2>[a-z][\w&'\u2019 -]{1,60}?\bcouncil)\b[\s,-]*(?:[a-z]+\s+){0,2}?"
    r"meeting\s+minutes\b"
    r"|(?:\b(?:ordinary|special|regular|extraordinary|general|monthly|annual|statutory)\s+"
    r"|\bminutes\s+of(?:\s+the)?\s+|^)(?P<body3>(?:(?:city|town|county|shire|district"
    r"|borough)\s+)?council)\s+meeting\b"
    r"|\bminutes\s+of\s+(?:proceedings\s+of\s+)?(?:the\s+)?(?P<body4>[a-z][\w&'\u2019 -]{0,80}?"
    r"\b(?:council|committee|sub-committee|panel|board|cabinet|forum|assembly))"
    r"\s*(?:,|\bheld\b|\bon\b|\bat\b|\bin\b|\bmeeting\b|\bwill\b|\bshall\b|\bis\b|\bwas\b|$)"
    r"|^(?:the\s+)?(?P<body5>[a-z][\w&'\u2019 -]{1,80}?\b(?:committee|sub-committee|panel|board"
    r"|cabinet))\s+minutes\b",
    re.I,
)
"""A minutes heading that names the body: "Ordinary Meeting of Council held on ...",
"MONTHLY MEETING OF KILBRACKEN COUNTY COUNCIL HELD ON ...", "CITY COUNCIL REGULAR
MEETING MINUTES", "REGULAR CITY COUNCIL MEETING", "Council Meeting 5.3.2019", and minutes
of a body without the word "meeting": "Minutes of the Planning Committee held on ...",
"Minutes of Full Council, 5 March 2019". The body's name ends where its sentence goes on:
"A meeting of the County Council will be held ..." names the County Council."""
_PREVIOUS = re.compile(
    r"\b(?:previous|last\s+meeting|true\s+and\s+correct)\b|\bthe\s+minutes\b.*?\b(?:confirm"
    r"|approv|adopt|signed|receiv|noted)|\b(?:confirm|approv|adopt|signed|receiv|circulated)\w*"
    r"\b.*?\bthe\s+minutes\b",
    re.I,
)
"""A line about another meeting's minutes ("the minutes of the meeting held on 14
February 2017 be confirmed"): its date is not this meeting's."""
_MEETING_WORDS = re.compile(r"\b(?:minutes?|meeting|held|council|committee)\b", re.I)
_NAMED_COUNCIL_CAPS = re.compile(
    r"^(?:THE )?(?!.*\b(?:MEETING|MINUTES|AGENDA)\b)([A-Z]+(?: [A-Z]+){0,3} COUNCIL)\s*$", re.M
)
"""A council named in capitals at the top, without a kind: "THE HIGHLAND GLENS COUNCIL"
(not a meeting of it: "ORDINARY MEETING OF COUNCIL")."""
_MUNICIPALITY = re.compile(
    r"^(?:the\s+)?(?:corporation\s+of\s+the\s+)?(?P<name>(?:city|town|village|county|township"
    r"|municipality|district|borough|shire|region)\s+of\s+[A-Z][\w'\u2019.-]*"
    r"(?:\s+[A-Z][\w'\u2019.-]*){0,3})\s*$",
    re.M | re.I,
)
"""A North American council named on a line of its own at the top: "CITY OF MAPLE
GROVE", "The Corporation of the City of Lakeview", "Township of Esquesing"."""
BOARD_OF_MUNICIPALITY = True
"""A US county or city governed by a board names the board before the municipality on its
heading line ("BOARD OF SUPERVISORS, COUNTY OF ALDER"): the municipality is the council
and the board the committee (`_BOARD_OF`). Both were None, and an answer cited a
"meeting" of no body (round 51's r51-foreign7 kind (15), eval/README.md "…, round 52
(r52-foreign8 …)"). Off: the line names neither."""
_BOARD_OF = re.compile(
    r"^(?:the[ \t]+)?(?P<board>board[ \t]+of[ \t]+(?:county[ \t]+)?"
    rf"(?:{alternation(BOARD_TITLES)}))[ \t]*[,\u2013\u2014-][ \t]*"
    r"(?P<name>(?:city|town|village|county|township|municipality|district|borough|parish)"
    r"[ \t]+of[ \t]+[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3})[ \t]*$",
    re.M | re.I,
)
_HEAD_LINES = 15
"""A meeting heading sits in the first lines of its minutes."""
_COUNCIL_KINDS = (
    r"County Borough|County|Borough|City|District|Shire|Town|Regional|Municipal"
    r"|Metropolitan Borough"
)
"""The kinds a council names itself by ("… County Borough Council", "… Shire Council"):
one list for reading a heading's body (`_COUNCIL_BODY`) and a council's kind
(`council_body`)."""
_COUNCIL_BODY = re.compile(
    r"^(?:[A-Z][\w'\u2019-]*\s+){0,4}?(?P<kind>(?:(?:" + _COUNCIL_KINDS + r")\s+)?Council)$"
)

_STATED = re.compile(
    rf"\b(?:position|situation|figures|data)\s+(?:as\s+)?(?:at|of)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH}),?\s+(?P<year>(?:19|20)\d\d)"
    rf"|\bas\s+(?:at|of)\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month2>{_MONTH}),?\s+"
    rf"(?P<year2>(?:19|20)\d\d)"
)
_DAY_FIRST = re.compile(
    rf"\b\d{{1,2}}{_ORDINAL}\s+(?:day\s+)?(?:of\s+)?{_HEADING_MONTH},?\s+(?:19|20)\d\d\b", re.I
)
_MONTH_FIRST = re.compile(
    rf"\b(?=[a-z]{{3,9}}\.?\s+\d){_HEADING_MONTH}\s+\d{{1,2}}{_ORDINAL},?\s+(?:19|20)\d\d\b", re.I
)
"""A date written month first ("March 12, 2019"); the lookahead spares the months' names
at every other word (an archive's passages are read at each publish, `texts_date_order`)."""
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_FIGURES = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:19|20)\d\d(?![\d/.-]\d)")
_MONTH_FIRST_COUNTRY = re.compile(
    r"\bPledge\s+of\s+Allegiance\b|\bCouncil\s?[Mm]embers?\s+[A-Z]|\bCouncilmembers?\b"
    r"|\bMayor\s+Pro[\s-]+Tem\b|\bAlder(?:man|men|person|persons)\b|\bSelect(?:men|\s?[Bb]oard)\b"
    r"|\bOrdinance\s+(?:No\.?\s*)?\d"
)
"""Words only minutes of the United States print (the pledge, a council member by name, an
ordinance by number): a council that writes its dates month first."""
_DAY_FIRST_COUNTRY = re.compile(
    r"\bCr\.?\s+[A-Z][a-z]|\bCllrs?\.?\s+[A-Z]|\bSederunt\b|\bCathaoirleach\b"
    r"|\b(?i:shire\s+council)\b|\bProvost\s+[A-Z]"
)
"""Words of minutes in Australia, New Zealand, Ireland and the United Kingdom (a
councillor as "Cr" or "Cllr", a Scottish sederunt and provost, an Irish cathaoirleach, an
Australian shire), which write their dates day first. Not "Councillor": Canada spells it
so and writes its dates either way."""


def _order_counts(text: str) -> tuple[int, int]:
    """How many of `text`'s dates are written day first and how many month first: those
    with the month's name ("12 March 2019", "March 12, 2019") and those in figures where
    one figure cannot be a month ("25/03/2019", "03/25/2019")."""
    day_first = len(_DAY_FIRST.findall(text))
    month_first = len(_MONTH_FIRST.findall(text))
    for m in _FIGURES.finditer(text):
        first, second = int(m[1]), int(m[3])
        if first > 12 >= second >= 1:
            day_first += 1
        elif second > 12 >= first >= 1:
            month_first += 1
    return day_first, month_first


def _country_order(text: str) -> DateOrder | None:
    """The order the words of a council's country give (`_MONTH_FIRST_COUNTRY`,
    `_DAY_FIRST_COUNTRY`), when only one kind is there."""
    month_words = _MONTH_FIRST_COUNTRY.search(text) is not None
    if month_words != (_DAY_FIRST_COUNTRY.search(text) is not None):
        return "month" if month_words else "day"
    return None


def date_order(text: str) -> DateOrder | None:
    """Which figure a document's dates in figures give first, from the document itself:
    the dates it writes with the month's name ("12 March 2019" or "March 12, 2019") and in
    figures where one figure cannot be a month ("25/03/2019", "03/25/2019"), the more of
    either kind; when they are as many (none, usually), the words of a council's country
    (`_MONTH_FIRST_COUNTRY`, `_DAY_FIRST_COUNTRY`, when only one kind is there); else
    None, and a date whose figures could be either is not guessed."""
    day_first, month_first = _order_counts(text)
    if day_first != month_first:
        return "day" if day_first > month_first else "month"
    return _country_order(text)


def texts_date_order(texts: Callable[[], Iterable[str]]) -> DateOrder | None:
    """Which figure an archive's dates in figures give first, from its papers together
    (an index's passages, `indexer.dates.archive_date_order`), as `date_order` reads one
    file: every date of every text written with its month's name or with a figure over
    12 ("25/03/2019" in one paper settles "03/12/2019" in another), the more of either
    kind; as many, the texts whose country's words say one order against those that say
    the other (a second reading of `texts`, made only then); else None (round 48)."""
    day_first = month_first = 0
    for text in texts():
        if _A_YEAR.search(text):
            day, month = _order_counts(text)
            day_first, month_first = day_first + day, month_first + month
    if day_first != month_first:
        return "day" if day_first > month_first else "month"
    words = Counter(_country_order(text) for text in texts())
    if words["day"] != words["month"]:
        return "day" if words["day"] > words["month"] else "month"
    return None


def unsure_note(written: str) -> str:
    """The note a document keeps when its date's day and month could not be told apart."""
    return (
        f"meeting date {written!r} read as its year only: it could be day or month first,"
        " and nothing in the file says which"
    )


UNDATED_NOTE = "no meeting date found in the file's text or name"
"""The note an undated document keeps: it is in no date filter, trend or timeline."""

_NOTED_DATE = re.compile(
    r"meeting date '(?P<written>[^']+)' read (?:as its year only|(?:day|month) first)"
)
_WRITTEN_FIGURES = re.compile(r"(\d{1,2})([-_./ ]?)(\d{1,2})\2((?:19|20)?\d\d)")


def settled_note(written: str, order: DateOrder) -> str:
    """The note a document keeps when its date's day and month were told apart by the
    archive's order, not by anything in the file (`settle_date`)."""
    return (
        f"meeting date {written!r} read {order} first, as the archive's papers write dates;"
        " nothing in the file says which"
    )


def settle_date(meta: DocumentMeta, order: DateOrder | None) -> DocumentMeta | None:
    """`meta` dated in the archive's `order` where its own file could not tell the day
    from the month (its note, `unsure_note`: dated by year), or back to its year where the
    archive no longer says (`settled_note`); None where nothing changes (round 48). A date
    a manifest row gave is not the note's, and is left as it is."""
    noted = _NOTED_DATE.match(meta.notes or "")
    figures = _WRITTEN_FIGURES.fullmatch(noted["written"]) if noted else None
    if noted is None or figures is None or meta.meeting_date is None:
        return None
    written, year = noted["written"], int(figures[4])
    year = year if year >= 100 else full_year(year)
    first, second = int(figures[1]), int(figures[3])
    readings = [figures_date(first, second, year, o) for o in ("day", "month")]
    if (meta.meeting_date, meta.date_precision) not in [*readings, (date(year, 1, 1), "year")]:
        return None  # not the note's date: a manifest's
    found = figures_date(first, second, year, order)
    if found is None:
        return None
    day, precision = found
    notes = settled_note(written, order) if order and precision == "day" else unsure_note(written)
    if (day, precision, notes) == (meta.meeting_date, meta.date_precision, meta.notes):
        return None
    return meta.model_copy(
        update={
            "meeting_date": day,
            "date_precision": precision,
            "date_approximate": precision != "day",
            "notes": notes,
        }
    )


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "of", "the", "for", "to", "in", "on", "at", "by", "with", "or"]
)


@dataclass(frozen=True)
class TextMetadata:
    """Metadata read from a document's own text; the manifest row, when there is one, wins."""

    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    date_precision: DatePrecision | None = None
    doc_type: str | None = None
    title: str | None = None
    readings: tuple[date, ...] = ()
    """The two days a date in figures read as its year only could be."""
    date_order: DateOrder | None = None
    """Which figure of a date in figures is the day, as the document's own text shows it
    (`date_order`), for a date its file's name writes in figures."""
    notes: str | None = None


def _date(day: str | None, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower().rstrip(".")], int(day) if day else 1)
    except (ValueError, KeyError):
        return None


_WEEKDAY_BEFORE = re.compile(r"(?i)\b(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?$")
_WEEKDAY_NUMBERS = {day[:-3].lower(): n for n, day in enumerate(WEEKDAYS)}


def _heading_date(
    m: re.Match[str], order: DateOrder | None = None
) -> tuple[date, DatePrecision] | None:
    """The date an `_ANY_DATE` match names, whichever way it was written; one in figures
    as `figures_date` reads it, with the weekday printed just before it."""
    if m["year3"]:
        weekday = _WEEKDAY_BEFORE.search(m.string[: m.start()])
        return figures_date(
            int(m["first"]),
            int(m["second"]),
            int(m["year3"]),
            order,
            _WEEKDAY_NUMBERS[weekday[1].lower()] if weekday else None,
        )
    if m["year4"]:
        try:
            return date(int(m["year4"]), int(m["month4"]), int(m["day4"])), "day"
        except ValueError:
            return None
    found = _date(m["day"] or m["day2"], m["month"] or m["month2"], m["year"] or m["year2"])
    return (found, "day") if found else None


def stated_date_in(text: str) -> date | None:
    """The date a passage gives for its own content: "position at September 2022"."""
    match = _STATED.search(text)
    if match is None:
        return None
    if match["month"]:
        return _date(match["day"], match["month"], match["year"])
    return _date(match["day2"], match["month2"], match["year2"])


def title_case(text: str) -> str:
    """'CHILDREN and FAMILIES OVERVIEW' -> 'Children and Families Overview'."""
    words = text.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
        for i, w in enumerate(words)
    )


def from_text(raw: RawDocument, paras: list[Para]) -> TextMetadata:
    """Read council, committee, meeting date, type and title from the first paragraphs."""
    lines = [*raw.header_lines, *(p.text for p in paras[:60])]
    head = "\n".join(lines)
    order = date_order("\n".join([*raw.header_lines, *(p.text for p in paras)]))
    committee: str | None = None
    meeting: date | None = None
    precision: DatePrecision | None = None
    notes: str | None = None
    readings: tuple[date, ...] = ()
    title: str | None = None
    match = MEETING_TITLE.search(head)
    if match:
        committee = match["committee"].strip()
        committee = re.sub(
            r"^(?:Agenda for|Agenda, decisions and minutes|Meeting)\s+", "", committee
        )
        meeting = _date(match["day"], match["month"], match["year"])
        title = head[match.start() : match.end()]
        title = re.sub(r"^(?:Agenda for)\s+", "", title)
    if meeting is None and (m := MEETING_DATE_HEADER.search(head)):
        meeting = _date(m["day"], m["month"], m["year"])
    if meeting is None or committee is None:
        # The heading in the first lines before any later "MINUTES of the meeting of ...
        # held on ..." (a previous meeting's minutes, noted further down).
        heading = _meeting_heading(lines[:_HEAD_LINES], order)
        committee = committee or heading.committee
        if meeting is None:
            meeting, precision, notes = heading.meeting_date, heading.date_precision, heading.notes
            readings = heading.readings
        title = title or heading.title
    if m := MINUTES_OPENING.search(re.sub(r"\s+", " ", head)):
        committee = committee or m["committee"].strip()
        opened = _date(m["day"], m["month"], m["year"])
        if opened and (meeting is None or precision == "year"):
            meeting, precision, notes, readings = opened, "day", None, ()
    printed = _printed_lines(raw)
    if committee is None:
        for line in [*lines[:8], *printed[:8]]:
            if cm := COMMITTEE_CAPS.match(line.strip()):
                committee = title_case(cm.group(1) or cm.group(2))
                break
    council: str | None = None
    if cc := COUNCIL_CAPS.search(head) or COUNCIL_CAPS.search("\n".join(printed)):
        council = title_case(cc.group(1))
    elif cn := COUNCIL.search(head):
        council = cn.group(1)
    elif cb := _first_match(_NAMED_COUNCIL_CAPS, 3, lines, printed):
        council = title_case(cb.group(1))
    elif co := _first_match(_MUNICIPALITY, 5, lines, printed):
        council = title_case(co["name"])
    elif BOARD_OF_MUNICIPALITY and (bo := _first_match(_BOARD_OF, 5, lines, printed)):
        council = title_case(bo["name"])
        committee = committee or title_case(bo["board"])
    own = "\n".join([*lines[:_HEAD_LINES], *printed]).lower()
    if committee == "Council" and council and council.lower() in own:
        committee = council_body(council)
    return TextMetadata(
        council=council,
        committee=committee,
        meeting_date=meeting,
        date_precision=(precision or "day") if meeting else None,
        doc_type=_doc_type(head),
        title=title or _first_title(paras),
        readings=readings,
        date_order=order,
        notes=notes,
    )


def _printed_lines(raw: RawDocument) -> list[str]:
    """The first lines of the document as its file prints them, Markdown's marks aside.

    Cleaning joins a heading block of short lines into one paragraph ("KILBRACKEN SHIRE
    COUNCIL" over "ORDINARY COUNCIL MEETING" over the date, in a PDF or a text file alike),
    and a council named on a line of its own is then on none: it is looked for here too."""
    found: list[str] = []
    for line in (raw.pages[0] if raw.pages else "").splitlines():
        if text := re.sub(r"^[#>*_\s]+|[*_\s]+$", "", line):
            found.append(text)
            if len(found) == _HEAD_LINES:
                break
    return found


def _first_match(pattern: re.Pattern[str], count: int, *sources: list[str]) -> re.Match[str] | None:
    """`pattern` in the first `count` lines of the first source holding it."""
    for lines in sources:
        if found := pattern.search("\n".join(lines[:count])):
            return found
    return None


def _meeting_heading(lines: list[str], order: DateOrder | None = None) -> TextMetadata:
    """The body and date of a minutes heading in other councils' words, from the first
    lines: "Minutes of the Ordinary Meeting of Council held on Tuesday, 14 March 2017",
    "MONTHLY MEETING OF KILBRACKEN COUNTY COUNCIL HELD ON 12th DAY OF JUNE 2015", "CITY
    COUNCIL REGULAR MEETING MINUTES" over "March 14, 2017". A line about confirming the
    previous meeting's minutes gives neither."""
    committee: str | None = None
    meeting: tuple[date, DatePrecision] | None = None
    written: str | None = None
    title: str | None = None
    heading_at: int | None = None
    for number, line in enumerate(lines):
        if _PREVIOUS.search(line):
            continue
        if committee is None and (m := _MEETING_OF.search(line)):
            committee = _body_name(
                m["body"] or m["body2"] or m["body3"] or m["body4"] or m["body5"]
            )
            title = line
            heading_at = number
        if meeting is None and (d := _ANY_DATE.search(line)):
            rest = _ANY_DATE.sub("", line)
            bare = not re.sub(
                rf"(?i){_WEEKDAY}|\bat\b|\d{{1,2}}[.:]\d\d\s*[ap]\.?m\.?|[\s,.]", "", rest
            )
            under_heading = heading_at is not None and number - heading_at <= 2
            if bare or under_heading or _MEETING_WORDS.search(line):
                meeting, written = _heading_date(d, order), d[0]
                if title == line:
                    title = line[: d.end()]
    if title is not None and len(title) > 160:
        title = None
    unsure = meeting is not None and meeting[1] == "year" and written is not None
    return TextMetadata(
        committee=committee,
        meeting_date=meeting[0] if meeting else None,
        date_precision=meeting[1] if meeting else None,
        title=title,
        readings=_readings(written) if unsure and written else (),
        notes=unsure_note(written) if unsure and written else None,
    )


def _readings(written: str) -> tuple[date, ...]:
    """The two days a date in figures ("03/12/2019") could be."""
    first, second, year = map(int, re.split(r"[/.-]", written))
    return date(year, second, first), date(year, first, second)


_BODY_WORDS = r"(?:Committee|Sub-Committee|Panel|Board|Cabinet)"


def _body_name(body: str) -> str | None:
    """The meeting body as a filter shows it: "KILBRACKEN COUNTY COUNCIL" -> "County
    Council" (the full council, as Kent's minutes name it), "Council" -> "Council",
    "Planning Committee" -> "Planning Committee"."""
    name = title_case(_ANY_DATE.split(body)[0].strip(" ,-"))  # "COUNCIL 5 MARCH 2019"
    # "KILBRACKEN SHIRE COUNCIL Tuesday, …" or "… COUNCIL MINUTES": a PDF's heading lines
    # run on into the day or the document's type, which are no part of the name.
    name = re.sub(rf"(?:\s+(?:{_WEEKDAY}|Minutes|Agenda))+$", "", name)
    # "Planning Committee Kilbracken Shire Council" (the heading's lines run together):
    # the committee is the body, the council its council.
    name = re.sub(rf"^(.*?\b{_BODY_WORDS})\b.*\bCouncil$", r"\1", name)
    # "Kilbracken Shire Council Planning Committee": the council's name goes.
    name = re.sub(rf"^(?:[A-Z]\w*\s+){{1,4}}?Council\s+(?=.*\b{_BODY_WORDS}$)", "", name)
    if not name or len(name.split()) > 10:
        return None
    if m := _COUNCIL_BODY.match(name):
        return m["kind"]
    return name


_COUNCIL_KIND = re.compile(
    r"\b(?P<kind>" + _COUNCIL_KINDS + r") Council$"
    r"|^(?P<kind2>City|Town|County|District|Borough|Shire) of\b"
)


def council_body(council: str) -> str:
    """The full council as a meeting body, named by the council's own kind: "Kilbracken
    Shire Council" -> "Shire Council", "City of Lakeview" -> "City Council", "Highland
    Glens Council" -> "Council", "Pentrefoel County Borough Council" -> "County Borough
    Council" (a Welsh council's kind, read "Borough Council" before round 51). A heading
    may or may not repeat the kind ("ORDINARY COUNCIL MEETING" under the council's name,
    "ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL", or the two joined into one line by
    cleaning), and over eleven years one body was read "Council" in some and "Shire
    Council" in others: two committees in the facet and two meeting keys for one body."""
    found = _COUNCIL_KIND.search(council)
    return f"{found['kind'] or found['kind2']} Council" if found else "Council"


_MINUTES_TYPE = re.compile(
    r"\bminutes? of (?:a|an|the) (?:[a-z]+ ){0,3}meeting\b|\b(?:meeting|committee) minutes\b"
    r"|\bminutes? of meeting\b|^(?:[^\n]*\n)?minutes\b"
    r"|(?m:^(?:(?:un)?confirmed |draft |action |summary |approved |adopted )?minutes$)"
    r"|(?m:\bcouncil minutes$)"
)
"""How minutes call themselves at the top; the last two: "MINUTES" on a line of its own
under the council and the meeting ("ACTION MINUTES", as US cities keep them), or ending the
heading's line ("ORDINARY MEETING OF KILBRACKEN SHIRE COUNCIL MINUTES", as a PDF runs the
lines together)."""
_AGENDA_TYPE = re.compile(
    r"(?m:^agenda\b(?!\s+items?\b)|\bagenda$)|\bmeeting\s+agenda\b|\bagenda\s+(?:for|of)\s+"
    r"(?:the\s+|an?\s+)?(?:[a-z]+\s+){0,4}(?:meeting|council|committee)\b"
    r"|\bnotice\s+of\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,3}meeting\b"
    r"|\bnotice\s+is\s+(?:hereby\s+)?given\b|\b(?:business|order)\s+paper\b"
)
"""How an agenda calls itself: "AGENDA" on its line, "Ordinary Council Meeting Agenda",
"Agenda for the Ordinary Meeting of Council", "Notice of Ordinary Meeting", "Notice is
hereby given that ...", New South Wales's "BUSINESS PAPER" and New Zealand's "ORDER
PAPER" (not "Agenda item", nor "the agenda" in a sentence)."""
_NAME_TYPE = re.compile(
    r"(?i)(?<![a-z])(?:(?P<minutes>minutes?|mins?)|(?P<agenda>agenda|agn|(?:business|order)"
    r"[-_. ]?paper))(?![a-z])"
)
"""A file name's word for its type, where the text gives none: "20190312_OC_MIN.pdf",
"Minutes-03-12-2019.pdf", "OC_AGN_12032019.pdf", "Business Paper 12 March 2019.pdf"."""


def type_in_name(path: str) -> str | None:
    """The document type a file's name gives ("minutes", "agenda"), or None."""
    found = _NAME_TYPE.search(path.replace("\\", "/").split("/")[-1])
    if found is None:
        return None
    return "minutes" if found["minutes"] else "agenda"


def _doc_type(head: str) -> str | None:
    """The type a document gives itself at its top. An agenda lists "Confirmation of
    minutes: that the minutes of the meeting held on 5 February 2019 be confirmed" and
    "4.1 Minutes of the Ordinary Meeting held on ..." under its own "AGENDA": those lines
    name another document, so a line about another meeting's minutes is passed over and
    the name the document gives itself first decides."""
    first = head[:400].lower()
    if "agenda, decisions and minutes" in first or "agenda and minutes" in first:
        return "agenda and minutes"
    own = "\n".join("" if _PREVIOUS.search(line) else line for line in first.split("\n"))
    minutes = _MINUTES_TYPE.search(own)
    agenda = _AGENDA_TYPE.search(own)
    if agenda and (minutes is None or agenda.start() < minutes.start()):
        return "agenda"
    if minutes:
        return "minutes"
    if "purpose of report" in head.lower():
        return "report"
    return None


def _first_title(paras: list[Para]) -> str | None:
    for para in paras[:5]:
        if 3 <= len(para.text) <= 150:
            return para.text
    return None


_NAME_ISO = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)[-_. ]?(?P<month>[01]\d)[-_. ]?(?P<day>[0-3]\d)(?!\d)"
)
_NAME_WORDS = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?P<day>\d{{1,2}}){_ORDINAL}[-_. ]+)?(?P<month>{_MONTH}|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[-_. ]*(?:(?P<day2>\d{1,2})"
    rf"{_ORDINAL},?[-_. ]+)?(?P<year>(?:19|20)\d\d)(?!\d)",
    re.I,
)


_NAME_YEAR_FIRST = re.compile(
    rf"(?<!\d)(?P<year>(?:19|20)\d\d)[-_. ]+(?P<month>{_MONTH}|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    rf"|Sept?|Oct|Nov|Dec)[-_. ]+(?P<day>\d{{1,2}}){_ORDINAL}(?![\dA-Za-z])",
    re.I,
)
"""The year, the month's name and the day ("Council-Minutes-2019-March-12")."""
_NAME_NUMERIC = re.compile(
    r"(?<!\d)(?P<first>[0-3]?\d)(?P<sep>[-_.])(?P<second>[0-3]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)?\d\d)(?!\d)"
    r"|(?<!\d)(?P<first2>[0-3]\d)(?P<second2>[01]\d)(?P<year2>(?:19|20)\d\d)(?!\d)"
)
"""A date in figures with the year last ("12_02_2014", "OCM_26062018", "CM 23.06.15",
"Minutes-03-12-2019"), read as `figures_date` reads it; a two-digit year only between
separators."""
_NAME_MONTH = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-_.](?P<month>0[1-9]|1[0-2])(?!\d)")
"""A year and month ("2015-06 Council Minutes"), not a financial year ("Budget 2011-12")."""


def date_in_name(path: str, order: DateOrder | None = None) -> tuple[date, DatePrecision] | None:
    """The meeting date a file's name gives ("2014-03-11 Council Minutes.txt", "Minutes
    11 March 2014.txt", "council_mar_2014.md", "Council-Minutes-2019-March-12.pdf") or else
    its folder ("2014-03-11/minutes.txt"), for a meeting whose text does not say: councils
    and their converters name files by meeting, and a trend question needs every passage
    dated. A date in figures ("Minutes-03-12-2019.pdf") is read in the `order` its
    document's text shows (`date_order`), and is its year only where either figure could
    be the month and no order is known."""
    found = _name_date(path, order)
    return found[:2] if found else None


def _name_date(path: str, order: DateOrder | None) -> tuple[date, DatePrecision, str] | None:
    """`date_in_name`, with the date as the name writes it."""
    parts = path.replace("\\", "/").split("/")
    for name in (parts[-1], "/".join(parts[:-1])):  # the file's name, else its folders
        if m := _NAME_ISO.search(name):
            try:
                return date(int(m["year"]), int(m["month"]), int(m["day"])), "day", m[0]
            except ValueError:
                return None
        if m := _NAME_WORDS.search(name):
            day = m["day"] or m["day2"]
            found = _date(day, m["month"], m["year"])
            if found is not None:
                return found, "day" if day else "month", m[0]
        if (m := _NAME_YEAR_FIRST.search(name)) and (
            found := _date(m["day"], m["month"], m["year"])
        ):
            return found, "day", m[0]
        if m := _NAME_NUMERIC.search(name):
            year = m["year"] or m["year2"]
            read = figures_date(
                int(m["first"] or m["first2"]),
                int(m["second"] or m["second2"]),
                int(year) if len(year) == 4 else full_year(year),
                order,
            )
            if read is not None:
                return *read, m[0]
        for m in _NAME_MONTH.finditer(name):
            year, month = int(m["year"]), int(m["month"])
            if month != (year + 1) % 100:
                return date(year, month, 1), "month", m[0]
    return None


def build_meta(source: SourceFile, text: TextMetadata, pages: int | None) -> DocumentMeta:
    """Text-derived metadata with the manifest row laid over it, field by field.

    date_approximate: the manifest's column when given, else true when the precision is
    coarser than a day.
    """
    row: ManifestRow | None = source.row
    named = _name_date(source.relative_path, text.date_order)
    if named and (
        text.meeting_date is None
        or (text.date_precision == "year" and named[1] == "day" and named[0] in text.readings)
    ):
        # No date in the text, or one in figures the name's date tells the order of.
        note = unsure_note(named[2]) if named[1] == "year" else None
        text = replace(text, meeting_date=named[0], date_precision=named[1], notes=note)
    if text.meeting_date is None:
        text = replace(text, notes=UNDATED_NOTE)
    if text.doc_type is None:
        text = replace(text, doc_type=type_in_name(source.relative_path))
    fields: dict[str, object] = {
        "council": text.council,
        "committee": text.committee,
        "meeting_date": text.meeting_date,
        "date_precision": text.date_precision,
        "doc_type": text.doc_type,
        "title": text.title,
        "source_url": None,
        "notes": text.notes,
    }
    if row is not None:
        for name in fields:
            value = getattr(row, name)
            if value not in (None, ""):
                fields[name] = value
        if row.meeting_date is not None and row.date_precision is None:
            fields["date_precision"] = "day"
    precision = fields["date_precision"]
    if row is not None and row.date_approximate is not None:
        approximate = row.date_approximate
    else:
        approximate = precision is not None and precision != "day"
    return DocumentMeta(
        document_id=source.document_id,
        path=source.relative_path,
        date_approximate=approximate,
        pages=pages,
        **fields,  # type: ignore[arg-type]
    )
