"""Structure: find the document's own units (agenda item, numbered paragraph).

Minutes number their items ("1. Ofsted Outcome Letter", "84. Apologies") or only their
paragraphs ("41.1", "20.1.10"); a ModernGov text dump gives unnumbered item headings
followed by paragraphs 41.1, 41.2, ... so the item number is taken from the paragraphs.
Each `Unit` is one paragraph with the item, item title and paragraph number it belongs
to; `group` changes at every item or section heading, and chunking never merges across
groups, so no passage straddles two agenda items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

from indexer.attendance import (
    ABSENT_LABELS,
    APOLOGY_LABELS,
    MEMBER_HOLDERS,
    OFFICER_NAMES,
    PRESENT_LABELS,
    SCOTS_LABELS,
    STAFF_LABELS,
    alternation,
)
from indexer.ingest.cleaning import (
    CAPS_ITEM,
    FOOTNOTE_DEF,
    ITEM_LINE,
    LABEL_LINE,
    LETTERED_ITEM,
    NOT_A_UNIT,
    VOTE_LINE,
    Para,
    is_page_range,
    strip_page_range,
)
from indexer.ingest.metadata import stated_date_in

NUMBERED_PARA = re.compile(
    rf"^(?P<num>\d{{1,3}}(?:\.\d{{1,3}}){{1,3}})\.?(?:\s+|{NOT_A_UNIT}(?=[A-Z(\"'\u2018\u201c]))"
    r"(?P<rest>[A-Z(\"'\u2018\u201c].*)$"
)
"""A numbered paragraph: "3.2 The council ...", or glued by the PDF ("3.2The council");
a decimal glued to a unit in capitals is a table's figure ("6.3FE 14.3FE 14FE")."""
SUB_ITEM = re.compile(r"^(?P<num>\d{1,3}\.\d{1,3})\.?\s+(?P<rest>[A-Z0-9(\"'\u2018\u201c].*)$")
"""An item numbered under another: "5.1 Ordinance No. 2016-04 ...", "3.1 2021 Operating
Budget"."""
_LETTERED_NUM = re.compile(r"(\d{1,3})\.?[A-Za-z]")
"""A lettered item's number ("5A", "3.a"): its head is the number before the letter."""
NUMBERED_ITEM = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<title>[A-Z0-9].{0,200})$")
PLAIN_NUMBERED = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<rest>[A-Z].*)$")
PAREN_PARA = re.compile(r"^\((?P<num>\d{1,2})\)\s+(?P<rest>\S.*)$")
LETTERED_PARA = re.compile(r"^\((?P<mark>[a-z]|[ivx]{1,5})\)\s+\S")
"""A lettered or roman sub-paragraph: "(a) note the report", "(ii) approve the budget"."""
_MARKS = re.compile(r"(?:\([a-z]+\))+$")
_ROMAN = re.compile(r"[ivx]+")
ACTION_LINE = re.compile(r"^ACTION\b")
NUMBER_PREFIX = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+")

_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "will",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
        "would",
        "should",
        "can",
        "could",
        "may",
        "must",
        "shall",
        "did",
        "does",
        "do",
        "am",
    ]
)
_SMALL = frozenset(
    ["a", "an", "and", "of", "the", "for", "to", "in", "on", "at", "by", "with", "or"]
)


@dataclass
class Unit:
    """One paragraph placed in the document's structure."""

    text: str
    page: int | None
    item: str | None
    item_title: str | None
    paragraph: str | None
    section: str | None
    group: int
    numbered: bool
    stated_date: date | None = None
    lead: bool = False
    """A heading line kept as text at the head of its section (it opens the passage)."""


@dataclass
class Section:
    """A run of paragraphs under one heading: an agenda item or a part of one."""

    title: str | None
    item: str | None
    explicit_item: bool
    group: int
    subsection: str | None = None
    units: list[Unit] = field(default_factory=list)
    from_text: bool = False
    """Opened by a heading line found in the text (not by a reader or an item number)."""
    parent: str | None = None
    """A sub-item's heading item, when that has no text of its own ("PUBLIC HEARINGS" over
    "5.1 Ordinance ..."): its words open the sub-item's first passage."""
    before: str | None = None
    """The last paragraph cited in the same item before this section's heading: a lettered
    list that goes on across the heading ("(f)", "Kent Pay Scheme", "(g)") is still that
    paragraph's."""


_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Crs?|Councillors?|Sir|Dame|Lord|Lady|Rev|Prof(?:essor)?)\b\.?"
)
"""A person's title in an attendance list; "Cr" is Australia's and New Zealand's "Cllr"."""
_NOT_TITLES = re.compile(
    r"^(?:(?:source|sources|note|notes|key|base|n)\s*\d*\s*[:.=\-\u2013]"
    r"|(?:table|figure|fig\.?|chart|graph|diagram)\s+\d+[a-z]?\b"
    r"|(?:yes|no|n/?a|none|nil|tbc|tbd|draft|official(?: sensitive)?|(?:un)?restricted"
    r"|exempt|total|ref|yes/no|contents|table of contents)\s*$)",
    re.IGNORECASE,
)
"""Source and note lines, table and chart captions, form answers and page furniture."""
_DECISION_LEAD = re.compile(
    r"^(?:decision|(?:it\s+was\s+)?(?:resolved|(?:council\s+)?resolution"
    r"(?:\s+(?:no\.?|number))?(?:\s+[A-Z]{0,4}/?[\d/.-]+)?)\s*(?:that)?\s*:?)$",
    re.IGNORECASE,
)
"""A line that only announces a decision ("RESOLVED", "RESOLVED:", "Decision",
"Resolution number CM/2021/012"): it stays in the text, with the resolution under it.
("Decision:" with its colon heads a Record of Decision's section: left a heading.)"""
_MOTION_OPENING = re.compile(r"^that\b", re.IGNORECASE)
"""A motion or resolution opens with "That" ("That the Council:", "THAT Council receive
..."): never a title."""
_STAFF_LABEL = re.compile(rf"^(?:{alternation(STAFF_LABELS)})\s*:$", re.IGNORECASE)
"""An officers' label read only with its colon, alone on its line ("Staff:"): never a
heading, as a label read without one is not (`ATTENDANCE_LABEL`, `LABEL_LINE`)."""
ATTENDANCE_LABEL = re.compile(
    rf"^(?:{alternation((*PRESENT_LABELS, *ABSENT_LABELS, *APOLOGY_LABELS, *SCOTS_LABELS))}"
    r"|also present|also in attendance|officers present"
    rf"|(?:{alternation((*MEMBER_HOLDERS, *OFFICER_NAMES))}) present"
    r"|apologies (?:for absence|received))\s*:?$"
    rf"|{_STAFF_LABEL.pattern}",
    re.IGNORECASE,
)
"""An attendance label alone on its line ("IN ATTENDANCE", "Members Present:", Scots
"Sederunt:", "Apologies:"): the line under it is its list, whatever it looks like ("Chief
Executive (Paul Brandt)", one post and its holder; "Councillor Ross"), not a heading over
what follows; and in converted text, before the first agenda item, the label is no
heading either: it stays with its list in the preamble. "Staff:" (`STAFF_LABELS`) only with
its colon, and never a heading (`is_heading`): a US roll call's officers under item 2 "ROLL
CALL" (round 53)."""
_VOTE_LABEL = re.compile(
    r"^(?:roll[ -]call vote|recorded vote|vote|division|voting|on a division,? there voted)"
    r"\s*:?-?$",
    re.IGNORECASE,
)
"""A vote's label over its tallies ("Roll Call Vote:" / "Ayes: Reyes, Nair, …", "On a
division, there voted:-"): the words of the motion's passage, never a heading."""
_PERSON = re.compile(
    r"^(?:(?:Deputy\s+)?Mayor|Cr|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'\u2019-]*\.?"
    r"(?:\s+[A-Z][\w'\u2019-]*\.?){0,2}(?:\s*\([^)]{1,40}\))?$"
)
"""One person with a title ("Mayor Anne Hohaia", "Cr Jan Smith (Mayor)"): a line of an
attendance list that a converter set apart, not a section title."""
_FIGURE = re.compile(
    r"^[(\-+\u2212]?[\u00a3$\u20ac]?\d[\d,]*\.\d+(?:%|[mkb]n?|bn)?\)?$"  # 16.078, -0.488, £53.4m
    r"|^[(\-\u2212][\u00a3$\u20ac]?\d"  # -650, (1,200)
    r"|^[\u00a3$\u20ac]\d|\d%$|^\d{1,3}(?:,\d{3})+",  # £5m, 32%, 1,419
    re.IGNORECASE,
)
"""A figure as tables give them; a plain whole number (a year, a day) is not one."""
_NUMBERED_LABEL_TEXT = (
    "appendix annex part section item stage phase option table chart figure policy"
    " risk priority outcome recommendation objective theme no number chapter schedule"
    " issue question motion amendment report update year quarter q round tranche area"
    " ward district level step goal principle lot scheme site zone"
)
_NUMBERED_LABEL = frozenset(_NUMBERED_LABEL_TEXT.split())
_FRAGMENT_ENDS_TEXT = (
    "a an the and or but of to for in on at by with from into than as that which who"
    " whose whom where when if whether because per via including between within"
    " without about against towards under over after before during its their his her"
    " our your this these those such are is was were be been"
)
_FRAGMENT_ENDS = frozenset(_FRAGMENT_ENDS_TEXT.split())
_ARTICLES = frozenset(["the", "a", "an", "this", "these", "our", "it", "we", "they", "there"])


_POST_HOLDER = re.compile(
    r"(?:^|[,;]\s*)[A-Z][\w'\u2019&-]*(?:\s+[\w'\u2019&-]+){0,5}\s+"
    r"\((?:[A-Z]\.?\s+)*[A-Z][a-z'\u2019-]+(?:\s+(?:[A-Z]\.?|[A-Z][a-z'\u2019-]+)){1,3}\)"
)
"""A post with its holder's name in brackets, as New Zealand's and Australia's minutes list
the officers in attendance: "Chief Executive (Paul Brandt)", "Group Manager Assets (Hana
Reti)". Two of them make a line a list of people; one ("Independent Chair (Jo Reid)") may
still be a title."""


def is_names_list(text: str) -> bool:
    """A line of people rather than a title: "Councillors Smith, Jones and Patel",
    "Mr B Lewis, Mr D Ross", "Katie Betts, Maria Kelly, Ben Sherreard", "Chief Executive
    (Paul Brandt), Group Manager Assets (Hana Reti), Democracy Advisor (Lucy Ward)"."""
    if len(_HONORIFIC.findall(text)) >= 2 or re.match(r"^Councillors\s+[A-Z]", text):
        return True
    if len(_POST_HOLDER.findall(text)) >= 2:
        return True
    parts = [p.strip() for p in re.split(r",|\band\b|&", text) if p.strip()]
    name = re.compile(
        r"^(?:[A-Z][a-z'\u2019-]+|[A-Z]\.?)(?:\s+(?:[A-Z][a-z'\u2019-]+|[A-Z]\.?)){1,3}$"
    )
    return len(parts) >= 3 and "," in text and all(name.match(p) for p in parts)


def is_table_row(text: str) -> bool:
    """A row of a table laid out as text: cells between bars or tabs, or figures."""
    if " | " in text or "\t" in text:
        return True
    words = text.split()
    figures = sum(1 for w in words if _FIGURE.search(w.strip(",;:()")))
    return figures >= 2 or (figures == 1 and any(c in text for c in "%\u00a3$\u20ac"))


def is_amounts_row(text: str) -> bool:
    """Amounts with no label of their own ("8.6 4.9 5.2 4.7 4.7", "617,662 1,288,680",
    "+£100.2m £0.0m"): the rest of a table row whose label a reader or converter set on
    the line before ("Total net income from service and commercial investments £m"), so
    that line is the row's label, not a title over what follows."""
    words = text.split()
    return (
        bool(words)
        and not re.search(r"[A-Za-z]{2,}", text)
        and all(_FIGURE.search(w.strip(",;:()")) or not re.search(r"\d", w) for w in words)
        and any(_FIGURE.search(w.strip(",;:()")) for w in words)
    )


def _is_fragment(words: list[str]) -> bool:
    """Part of a sentence, not a title: it stops on a function word ("Have you consulted
    with"), runs on as a lower-case clause after an article ("The experiences and progress
    of children in care"), or holds cells run together ("Judgement Grade The impact of")."""
    last = words[-1].lower().strip(",;:")
    if last in _FRAGMENT_ENDS:
        return True
    if (
        len(words) >= 3
        and re.fullmatch(r"\d+", words[-1])
        and words[-2].lower() not in _NUMBERED_LABEL
    ):
        return True  # "Non-Technical Summary 3": a contents line with its page number
    lower = sum(1 for w in words[1:] if w[:1].islower())
    if words[0].lower() in _ARTICLES and len(words) >= 6 and lower >= 0.7 * (len(words) - 1):
        return True
    return any(
        w in ("The", "A", "An") and words[i + 1][:1].islower()
        for i, w in enumerate(words[1:-1], start=1)
    )


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\bhttps?://|\bwww\.|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b")
"""An e-mail address, a web address or a UK phone number ("03000 416 934"): a contact
line ("Head of Finance Operations Cath Head 03000 416 934 cath.head@kent.gov.uk")."""


def is_heading(text: str, contact_free: bool = False) -> bool:
    """A short title-like line: no sentence verb, not a figure row, not a full sentence,
    not a list of names, a source line, a caption or a fragment of a sentence; with
    `contact_free`, not a contact line either."""
    if len(text) > 100 or text.startswith(("-", "(", "*")) or not text[:1].isupper():
        return False
    if contact_free and _CONTACT.search(text):
        return False
    if text.endswith((".", ",", ";", "?")) or FOOTNOTE_DEF.match(text):
        return False
    words = text.split()
    if len(words) > 14:
        return False
    if sum(1 for w in words if re.search(r"\d", w)) > 0.3 * len(words):
        return False
    if any(w.lower().strip(",:;") in _VERBS for w in words):
        return False
    if _NOT_TITLES.match(text) or is_names_list(text) or is_table_row(text):
        return False
    if LABEL_LINE.match(text) and not text.endswith(":") or VOTE_LINE.match(text):
        return False  # "Seconded: Cr Hira", "Absent: None", "CARRIED"
    if _STAFF_LABEL.match(text):
        return False  # "Staff:" over its list: a label only with its colon
    if _DECISION_LEAD.match(text) or _MOTION_OPENING.match(text):
        return False  # "RESOLVED", "Decision", "That the Council": the words of a decision
    if _PERSON.match(text):
        return False  # "Mayor Anne Hohaia", "Cr Jan Smith (Mayor)": an attendance line
    if _VOTE_LABEL.match(text):
        return False  # "Roll Call Vote:" over its "Ayes:" and "Nays:"
    if _is_fragment(words):
        return False
    if len(words) > 1 and all(len(w) == 1 for w in words):
        return False  # "x X": ticks in a table
    if text.endswith(":"):
        head = text[:-1].split()
        return len(head) <= 4 and all(w[:1].isupper() or w.lower() in _SMALL for w in head)
    return True


_FINITE_TEXT = "is are was were has have had will would should could can must shall does did"
_FINITE = frozenset(_FINITE_TEXT.split())


_SENTENCE_END = re.compile(r"[.,;:]$|[.,;:?!][\u201d\u2019\"')]+$")
"""How a sentence ends and a title does not: its full stop, or a quotation it closes ("3. In
response to the question \u201cDo you support a new zebra crossing?\u201d")."""


def is_item_title(text: str, contact_free: bool = False) -> bool:
    """An agenda item's title after its number: longer titles than a heading are fine
    ("24/00108 - Revenue and Capital Budget Monitoring Report - November 2024-25"), but a
    numbered sentence ("19. The Council has appointed Link Group as its treasury ...") or
    a list of names is not one (nor, with `contact_free`, a contact line)."""
    if len(text) > 200 or len(text.split()) > 32 or _SENTENCE_END.search(text):
        return False
    words = [w.lower().strip(",;:()") for w in text.split()]
    if any(w in _FINITE for w in words) or words[-1] in _FRAGMENT_ENDS:
        return False
    if contact_free and _CONTACT.search(text):
        return False
    return not (is_names_list(text) or is_table_row(text))


_CAPS_TITLE = re.compile(
    r"^[A-Z][A-Z0-9 ,&'\u2019()/\u2013-]*\s[A-Z0-9 ,&'\u2019()/\u2013-]*[A-Z)]$"
)
"""A title in capitals of two words or more: in converted minutes, "8.4 ADOPTION OF THE
2021/22 BUDGET ..." is an agenda item even with its heading item ("8 REPORTS") not printed
above it (an extract of the minutes, or a council that leaves it out), not a paragraph of
whatever stands before it (`_sub_item`)."""
_CONTENTS_LINE = re.compile(r"(?:\s|\.{2,})\d{1,3}$")
"""A contents line ends in its page number: "1.1 Background 3"."""


def _sub_item(num: str, current: Section, converted: bool) -> bool:
    """Whether "N.M" numbers an agenda item under the explicit item N (or beside N.K), or
    after an explicit item numbered below N: US, Australian and Canadian minutes number
    their items "5.1", "11.2" under a heading item ("5. PUBLIC HEARINGS", "11 REPORTS TO
    COUNCIL"), which some leave out. Since round 53 a lettered "NA." / "N.a" the same way
    (`LETTERED_ITEM`): under N, beside another lettered item of N, or after an item below N."""
    if not current.explicit_item or current.item is None:
        return False
    lettered = _LETTERED_NUM.fullmatch(num)
    if lettered is None and num.count(".") != 1:
        return False
    head = lettered[1] if lettered else num.split(".")[0]
    own_lettered = _LETTERED_NUM.fullmatch(current.item)
    own = own_lettered[1] if own_lettered else current.item.split(".")[0]
    if head == own:  # beside N.K, or under N (in a PDF, "3.1 Scope" is a report's own part)
        beside = own_lettered is not None if lettered else "." in current.item
        return num != current.item and (converted or beside)
    # "7.1 Ofsted Improvement Letter" after item 6 or 6.2: the next item's first sub-item,
    # its heading item unprinted; not a part of item 6.
    return own.isdigit() and int(head) > int(own)


def _item_number_greater(num: str, current: str | None) -> bool:
    if current is None:
        return True
    if lettered := _LETTERED_NUM.fullmatch(current):
        return int(num) > int(lettered[1])  # "6. ADJOURNMENT" after "5A.", not "3." in it
    try:
        return int(num) > int(current.split(".")[0].split("(")[0])
    except ValueError:
        return True


def build_sections(
    paras: list[Para], converted: bool = False, minutes: bool = False
) -> list[Section]:
    """Walk the paragraphs, opening a section at every item heading or section heading.

    `converted` (text files: what converters give) also refuses contact lines as titles:
    a converter sets each line of a contact list apart, where a PDF's layout keeps the
    list under its own heading. (PDF and HTML ingestion keep their rules unchanged.)
    `minutes`: the document is minutes, where an item with no text took place
    (`_titled_empty_items`)."""

    heading = partial(is_heading, contact_free=converted)
    item_title = partial(is_item_title, contact_free=converted)

    sections: list[Section] = []
    group = 0

    def open_section(
        title: str | None, item: str | None, explicit: bool, sub: str | None = None
    ) -> Section:
        """Start a new section in a new group and append it to the document's sections."""
        nonlocal group
        group += 1
        section = Section(
            title=title, item=item, explicit_item=explicit, group=group, subsection=sub
        )
        if sections and item is not None and sections[-1].item == item:
            last = sections[-1]
            section.before = next(
                (u.paragraph for u in reversed(last.units) if u.paragraph), last.before
            )
        sections.append(section)
        return section

    def heading_section(text: str, current: Section) -> Section:
        """A section for a heading: a subsection of an explicit agenda item, else a new one.

        An item opened by its label alone ("Minute No. 101/15") takes the heading after it
        as its title."""
        title = text.rstrip(":").strip()
        if current.explicit_item and current.title is None and not current.units:
            current.title = title
            return current
        if current.explicit_item:
            section = open_section(current.title, current.item, True, sub=title)
        else:
            section = open_section(title, None, False)
        section.from_text = True
        return section

    current = open_section(None, None, False)
    last_plain: int | None = None
    for index, para in enumerate(paras):
        text = para.text
        if ACTION_LINE.match(text) or VOTE_LINE.match(text):
            current.units.append(_unit(para, current))
            continue
        if para.item is not None or para.item_title is not None:
            # The reader knew the item (HTML): trust it.
            if para.item != current.item or para.item_title != current.title:
                current = open_section(para.item_title, para.item, True)
            if para.heading:
                current = open_section(current.title, current.item, True, sub=text)
                continue
        elif para.heading:
            current = heading_section(text, current)
            continue
        else:
            label = ITEM_LINE.match(text) or CAPS_ITEM.match(text)
            if label and (label["title"] is None or item_title(label["title"])):
                number = (label.groupdict().get("num") or label.groupdict().get("minute")
                          or label.groupdict().get("ref") or "")  # fmt: skip
                number = re.sub(r"\s+", "", number)
                title = label["title"].strip() if label["title"] else None
                current = open_section(title, number, True)
                continue
            if (
                current.explicit_item
                and current.title is None
                and not current.units
                and len(text) <= 150
                and item_title(text.rstrip(":"))
            ):
                current.title = text.rstrip(":").strip()  # the title under "Minute No. 101/15"
                continue
            item_match = NUMBERED_ITEM.match(text)
            if (
                item_match
                and item_title(item_match["title"])
                and _item_number_greater(item_match["num"], current.item)
            ):
                number = int(item_match["num"])
                if (
                    not current.explicit_item
                    and last_plain is not None
                    and number == last_plain + 1
                ):
                    # "10. Option B: ..." after paragraphs 1.-9. of a report: a heading
                    # in the paragraph sequence, not a new agenda item.
                    current = open_section(
                        current.title, current.item, current.explicit_item, sub=text
                    )
                    current.from_text = True
                    last_plain = number
                    continue
                current = open_section(item_match["title"].strip(), item_match["num"], True)
                continue
            if plain := PLAIN_NUMBERED.match(text):
                last_plain = int(plain["num"])
            para_match = NUMBERED_PARA.match(text)
            sub_match = SUB_ITEM.match(text) or LETTERED_ITEM.match(text)
            caps = converted and not current.explicit_item
            if sub_match and (
                _sub_item(sub_match["num"], current, converted)
                or (caps and _CAPS_TITLE.match(sub_match["rest"]))
            ):
                rest = sub_match["rest"].rstrip(":").strip()
                if item_title(rest) and not text.endswith(":") and not _CONTENTS_LINE.search(rest):
                    # "6.1 Police Department staffing report" under "6. NEW BUSINESS": an
                    # agenda item of its own, numbered under its heading.
                    head = _LETTERED_NUM.fullmatch(sub_match["num"])
                    parent = (
                        current.title
                        if not current.units
                        and "." not in (current.item or ".")
                        and (head[1] if head else sub_match["num"].split(".")[0]) == current.item
                        else None
                    )
                    current = open_section(rest, sub_match["num"], True)
                    current.parent = parent
                    continue
            if para_match and heading(para_match["rest"]):
                # "20.1 Ofsted Inspection Process", "10.0 Continuous Improvement"
                sub = f"{para_match['num']} {para_match['rest']}"
                current = open_section(current.title, current.item, current.explicit_item, sub=sub)
                current.from_text = True
                continue
            if (
                heading(text)
                and not (index + 1 < len(paras) and is_amounts_row(paras[index + 1].text))
                and not (index and ATTENDANCE_LABEL.match(paras[index - 1].text))
                and not (converted and not current.explicit_item and ATTENDANCE_LABEL.match(text))
            ):
                current = heading_section(text, current)
                continue
        current.units.append(_unit(para, current))
    _derive_item_numbers(sections)
    _keep_heading_words(sections, converted)
    _relocate_empty_headings(sections)
    if minutes:
        _titled_empty_items(sections)
    _declarations_to_their_items(sections)
    return [s for s in sections if s.units]


def _titled_empty_items(sections: list[Section]) -> None:
    """An item of minutes printed with its title and nothing under it ("3. PLEDGE OF
    ALLEGIANCE" over "4. APPROVAL OF AGENDA", as US minutes print a ceremony) is a passage
    of its title: the minutes say it took place, and without a unit the item was in no
    passage and no citation. Not an item whose parts or sub-items follow (its title opens
    theirs), nor a contents line whose item is printed again further on. Minutes only: an
    agenda's front sheet and a form list titles whose text is elsewhere or not yet
    written (Kent's front sheets, an EqIA's numbered fields)."""
    for index, section in enumerate(sections):
        if not (
            section.explicit_item
            and section.item
            and section.title
            and section.subsection is None
            and not section.units
        ):
            continue
        later = sections[index + 1 :]
        if any(
            s.item == section.item
            or (s.item or "").startswith(f"{section.item}.")
            or (lettered := _LETTERED_NUM.fullmatch(s.item or ""))
            and lettered[1] == section.item
            for s in later
        ):
            continue
        following = next((s for s in later if s.units), None)
        section.units.append(
            Unit(text=section.title, page=following.units[0].page if following else None,
                 item=section.item, item_title=section.title, paragraph=None, section=None,
                 group=section.group, numbered=False)
        )  # fmt: skip


_DECLARATION = re.compile(
    r"(?i:(?:declarations?|disclosures?) of (?:an? )?(?:\w+ )?interests?\b)"
    r"|(?:Cr|Cllr|Councillor|Councilmember|Council Member|Alderman|Mayor|Deputy Mayor|Mr|Mrs"
    r"|Ms|Miss|Dr)\.?\s+(?:[A-Z][\w'\u2019.-]*\s+){0,3}(?:declared|disclosed)\b"
)
"""A declaration of interest ("Cr Walker declared a pecuniary interest in Item 11.3 and
left the meeting at 5.42pm.", "DISCLOSURE OF INTEREST: …")."""


def _declarations_to_their_items(sections: list[Section]) -> None:
    """A declaration of interest printed at the end of one item that names the next ("Cr
    Walker declared a pecuniary interest in Item 11.3 …" above 11.3's heading, Australian
    minutes) is that item's, and a passage of its own: it was the tail of 11.2's motion.
    One naming any other item stays where it is printed (a "Declarations of Interest"
    item's list names items further on)."""
    group = max((s.group for s in sections), default=0)
    at = 0
    while at + 1 < len(sections):
        section, after = sections[at], sections[at + 1]
        moved: list[Unit] = []
        while (
            after.item
            and section.units
            and section.item != after.item
            and _DECLARATION.match(section.units[-1].text)
            and re.search(rf"\bitems?\s+{re.escape(after.item)}\b(?!\.\d)",
                          section.units[-1].text, re.IGNORECASE)
        ):  # fmt: skip
            moved.insert(0, section.units.pop())
        if moved:
            group += 1
            own = Section(title=after.title, item=after.item, explicit_item=True, group=group)
            own.units = [
                replace(u, item=after.item, item_title=after.title, paragraph=None,
                        section=None, group=group, numbered=False)
                for u in moved
            ]  # fmt: skip
            sections.insert(at + 1, own)
            at += 1
        at += 1


def _unit(para: Para, section: Section) -> Unit:
    text = para.text
    paragraph: str | None = None
    match = NUMBERED_PARA.match(text)
    if match:
        paragraph, text = match["num"], match["rest"]
    else:
        paren = PAREN_PARA.match(text)
        plain = PLAIN_NUMBERED.match(text)
        if paren and section.item is not None:
            paragraph, text = f"{section.item}({paren['num']})", paren["rest"]
        elif plain and not section.explicit_item:
            # A report's numbered paragraphs ("1. For several years, ...").
            paragraph, text = plain["num"], plain["rest"]
        elif text.startswith("- ") and section.units and section.units[-1].paragraph:
            # A bullet continues the numbered paragraph that introduced the list.
            return replace(section.units[-1], text=text, numbered=False, page=para.page)
        elif (lettered := LETTERED_PARA.match(text)) and (
            part := _lettered_part(section, lettered["mark"])
        ):
            # Cited as its paragraph's part ("41.4(a)") but cut as before: it is no new
            # numbered paragraph, so it still joins its lead and its siblings in a passage.
            return Unit(
                text=text.strip(), page=para.page, item=section.item, item_title=section.title,
                paragraph=part, section=section.subsection, group=section.group, numbered=False,
            )  # fmt: skip
    return Unit(
        text=text.strip(),
        page=para.page,
        item=section.item,
        item_title=section.title,
        paragraph=paragraph,
        section=section.subsection,
        group=section.group,
        numbered=paragraph is not None,
    )


def _lettered_part(section: Section, mark: str) -> str | None:
    """The citation of a lettered sub-paragraph: its numbered paragraph's number and its
    mark ("41.4(a)"), a roman mark under a letter nested ("41.4(a)(ii)"), the item's
    number when no numbered paragraph is before it ("7(a)"). An officer cites a decision's
    part, "minute 41.4(b)", and the passage that opens on it should say where it stands."""
    last = next((u.paragraph for u in reversed(section.units) if u.paragraph), None)
    if last is None and section.before and _goes_on(section.before, mark):
        last = section.before  # the list goes on across a heading: "(f)", a heading, "(g)"
    if last is None:
        return f"{section.item}({mark})" if section.item else None
    base = _MARKS.sub("", last)
    marks = re.findall(r"\(([a-z]+)\)", last[len(base) :])
    sequel = (
        len(mark) == len(marks[-1]) == 1 and ord(mark) == ord(marks[-1]) + 1 if marks else False
    )
    if _ROMAN.fullmatch(mark) and marks and not sequel:  # "(i)" after "(h)" is a letter
        if not _ROMAN.fullmatch(marks[-1]):  # "(i)" under "(a)": a level deeper
            return base + "".join(f"({m})" for m in marks) + f"({mark})"
        if len(marks) > 1:  # "(ii)" after "(a)(i)": its sibling
            return base + "".join(f"({m})" for m in marks[:-1]) + f"({mark})"
    return f"{base}({mark})"


def _goes_on(cited: str, mark: str) -> bool:
    """`mark` is the next of `cited`'s last mark: "(g)" after "291(4)(f)", "(iii)" after
    "10.3(ii)"; a list that starts anew ("(a)") is not."""
    marks = re.findall(r"\(([a-z]+)\)", cited)
    if not marks:
        return False
    last = marks[-1]
    if len(mark) == len(last) == 1 and ord(mark) == ord(last) + 1:
        return True
    return _roman(last) + 1 == _roman(mark) > 1


def _roman(mark: str) -> int:
    """A small roman numeral's value ("iv" -> 4); 0 for anything else."""
    if not _ROMAN.fullmatch(mark):
        return 0
    values = [{"i": 1, "v": 5, "x": 10}[c] for c in mark]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _derive_item_numbers(sections: list[Section]) -> None:
    """Give an unnumbered item the number its paragraphs share (41.1, 41.2 -> 41).

    Officer reports number sections "7.0", "13.0": those are not agenda items.
    """
    families: list[list[Section]] = []
    for section in sections:
        if section.explicit_item:
            continue
        if section.subsection is None or not families:
            families.append([section])
        else:
            families[-1].append(section)
    for family in families:
        numbers = [u.paragraph for s in family for u in s.units if u.paragraph]
        numbers += [
            m["num"] for s in family if s.subsection and (m := NUMBERED_PARA.match(s.subsection))
        ]
        firsts = {n.split(".")[0] for n in numbers if "." in n}
        if len(firsts) == 1 and not any(n.endswith(".0") for n in numbers):
            item = firsts.pop()
            for section in family:
                section.item = item
                for unit in section.units:
                    unit.item = item
        else:
            # A report's numbered sections ("10.0 Continuous Improvement") title their units.
            for section in family:
                if section.subsection:
                    title = NUMBER_PREFIX.sub("", section.subsection) or section.title
                    for unit in section.units:
                        unit.item_title = title


LEAD_WORDS = 6
"""A heading found in the text with this many words or more carries content ("Deliver
school support for healthy behaviours including the Daily Mile ..."): its words stay in
the passage as well as in the title."""


def _keep_heading_words(sections: list[Section], converted: bool = False) -> None:
    """Put a long heading found in the text back at the head of its section, as text.

    In converted text (`converted`) a subsection's heading of any length goes back when
    its units carry another title: "Submissions by topic" under item 3 "LONG TERM PLAN"
    is otherwise in neither the passage nor its title. A sub-item's heading item with no
    text of its own (`Section.parent`) opens the sub-item's first passage."""
    for section in sections:
        if section.parent and section.units:
            lead = replace(section.units[0], text=section.parent, paragraph=None, numbered=False)
            section.units.insert(0, replace(lead, lead=True))
            continue
        text = section.subsection or section.title
        if not (section.from_text and section.units and text):
            continue
        words = NUMBER_PREFIX.sub("", text)
        hidden = converted and section.subsection is not None
        hidden = hidden and section.units[0].item_title != words
        if hidden or len(words.split()) >= LEAD_WORDS:
            template = section.units[0]
            lead = replace(template, text=text, paragraph=None, numbered=False, lead=True)
            section.units.insert(0, lead)


def _relocate_empty_headings(sections: list[Section]) -> None:
    """A heading with nothing under it is kept as text, not lost: it joins the next section.

    Tables laid out as short lines and signatures ("Cllr Brian Robinson") look like
    headings; their words must still reach the index. The document's heading block
    ("KILBRACKEN SHIRE COUNCIL" over "PLANNING COMMITTEE" over "MINUTES", no date line under
    it) before its first agenda item is no part of that item: it stays where it stands, a
    passage of its own (dropped where it only repeats the document's own heading,
    `chunking.without_own_headings`), not the opening of item 1's first passage.
    """
    pending: list[str] = []
    opening: Section | None = None  # the first heading, while no section has units
    last_with_units: Section | None = None
    for section in sections:
        text = section.subsection or section.title
        if not section.units:
            if text is not None and section.from_text:
                pending.append(text)
                if last_with_units is None and opening is None and section.item is None:
                    opening = section
            continue
        if pending and opening and not last_with_units and section.explicit_item and section.item:
            opening.units = [
                Unit(text=t, page=section.units[0].page, item=None, item_title=opening.title,
                     paragraph=None, section=None, group=opening.group, numbered=False)
                for t in pending
            ]  # fmt: skip
            pending = []
        if pending:
            template = section.units[0]
            lead = [replace(template, text=t, paragraph=None, numbered=False) for t in pending]
            section.units[:0] = lead
            pending = []
        last_with_units = section
    if pending and last_with_units is not None:
        template = last_with_units.units[-1]
        last_with_units.units.extend(
            replace(template, text=t, paragraph=None, numbered=False) for t in pending
        )


def attach_actions(units: list[Unit]) -> list[Unit]:
    """ "ACTION: owner" lines belong to the paragraph before them, for action extraction;
    so does a vote's outcome ("CARRIED 7/0"), which ends the motion before it."""
    out: list[Unit] = []
    for unit in units:
        tail = ACTION_LINE.match(unit.text) or VOTE_LINE.match(unit.text)
        if tail and out and out[-1].group == unit.group:
            out[-1] = replace(out[-1], text=f"{out[-1].text}\n{unit.text}")
        else:
            out.append(unit)
    return out


def apply_stated_dates(sections: list[Section]) -> None:
    """Date a passage by what it says of itself ("the position at September 2022").

    A statement in the unnumbered lead paragraph of a section dates the whole section
    (the 004 "Update:" section); in any other paragraph it dates that paragraph only.
    """
    for section in sections:
        lead = section.units[0] if section.units else None
        section_date = None
        if lead is not None and not lead.numbered:
            section_date = stated_date_in(lead.text)
        for unit in section.units:
            unit.stated_date = section_date or stated_date_in(unit.text)


def build_units(paras: list[Para], converted: bool = False, minutes: bool = False) -> list[Unit]:
    """Paragraphs -> units with item, title, paragraph number, section and stated date
    (`converted`: the paragraphs come from a text file; `minutes`: the document is
    minutes; see `build_sections`)."""
    sections = build_sections(paras, converted, minutes)
    apply_stated_dates(sections)
    return without_page_ranges(attach_actions([u for s in sections for u in s.units]))


def _item_key(unit: Unit) -> tuple[str | None, int | None]:
    """The agenda item a unit belongs to (its section group where it has no item)."""
    return (unit.item, None) if unit.item else (None, unit.group)


def without_page_ranges(units: list[Unit]) -> list[Unit]:
    """An agenda's "(Pages 1 - 14)" goes from titles and lines; a range standing alone
    stays only where it is all its item's text (the item keeps a passage, and its title)."""
    alone = [is_page_range(u.text) for u in units]
    said = {_item_key(u) for u, a in zip(units, alone, strict=True) if not a}
    return [
        replace(
            u,
            text=strip_page_range(u.text),
            item_title=u.item_title and strip_page_range(u.item_title),
        )
        for u, a in zip(units, alone, strict=True)
        if not (a and _item_key(u) in said)
    ]
