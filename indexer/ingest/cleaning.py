"""Cleaning: undo what PDF-to-text conversion and web pages do to running text.

The input is page text as a reader gave it; the output is a list of `Para`s, each one
paragraph (or bullet, or heading line) on a single line with normalised whitespace.
What is repaired, and why each rule is as cautious as it is:

- hard-wrapped lines are rejoined; a paragraph split by a page break or a stray blank
  line is rejoined when the next block starts in lower case;
- a hyphen at a line end joins the word ("recom-/mendation" -> "recommendation") unless
  the next line starts with a capital ("Labinjo-/Hughes" stays hyphenated);
- bullet glyphs (U+F0B7, middle dot, bullet, "o " sub-bullets) become "- ";
- text laid out one word per line (some PDF text layers) is rejoined into sentences;
- roman-numeral footnote markers glued to words ("Social Careii,") are removed, but only
  when the document carries the matching footnote list and every marker is found in
  order: a word that happens to end in "i" is otherwise left alone;
- page furniture goes: lone page numbers, ModernGov link noise ("pdf icon PDF 91 KB",
  "View directions", "... view the full minutes text for item 41."), bare URL lists.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from indexer.attendance import (
    ABSENT_LABELS,
    APOLOGY_LABELS,
    MEMBER_HOLDERS,
    OFFICER_NAMES,
    PRESENT_LABELS,
    STAFF_LABELS,
    alternation,
)
from indexer.ingest.readers import Block, RawDocument
from indexer.text import LIST_MARK

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_BULLET_GLYPHS = (
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc"  # Symbol/Wingdings glyphs from Word, as private-use
    "\u00b7\u2022\u2023\u2043\u25aa\u25cf\u25e6\u25a0\u27a2\u2219\u25ba"
)
_BULLET_LINE = re.compile(
    rf"^(?:\s*(?:[{_BULLET_GLYPHS}]|o(?=\s+[A-Z0-9(])|[-\u2013](?=\s+[A-Z]))\s*"
    # PDF-to-text dumps often drop the glyph and keep the one space after it.
    r"| (?=[A-Z][a-z]))"
)

_LINK_NOISE = re.compile(r"\s*(?:pdf icon\s+)?\bPDF\s+\d+(?:\.\d+)?\s*[KM]B\b", re.IGNORECASE)
_VIEW_FULL = re.compile(
    r"\s*(?:\.\.\.|\u2026)\s*view the full (?:minutes |decision |item )?text"
    r" for item [\w.]+\.?\s*$",
    re.IGNORECASE,
)
_ITEM_REF = re.compile(
    r"\s*\(Item \d+[A-Za-z]?\)\s*$"
)  # "84. Apologies (Item 1)" in printed minutes
_VIEW_DIRECTIONS = re.compile(r"\s*\bView directions\s*$")
_NOISE_PARA = re.compile(
    r"^(?:supporting documents:?|additional documents:?|view directions|no\.? item|agenda item"
    r"|\(item \d+[a-z]?\)|page \d+(?: of \d+)?|\d{1,3}\.?|-)$",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LONE_PAGE_NUMBER = re.compile(
    r"^(?:(?:page\s+)?\d{1,3}\.?(?:\s+of\s+\d{1,3})?|[-\u2013]\s*\d{1,4}\s*[-\u2013]"
    r"|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4})$",
    re.IGNORECASE,
)

_ROMAN = r"(?:x{0,2}(?:ix|iv|v?i{1,3}|v)|x{1,2})"
FOOTNOTE_DEF = re.compile(rf"^({_ROMAN})\s+(?=[A-Z])")
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

NOT_A_UNIT = r"(?![A-Z]{1,4}(?:\s+\d|\s*$))"
"""Before a capital glued to a number: that it is no unit of a table's figures ("6.3FE
14.3FE 14FE"), so the number may be a paragraph's ("3.2The council", "1.6KCC has")."""
_NUMBERED_START = re.compile(
    rf"^(?:\d{{1,3}}(?:\.\d{{1,3}}){{1,3}}\.?(?:\s*[(\"'\u2018\u201c]|\s+[A-Z]|{NOT_A_UNIT}[A-Z])"
    r"|\d{1,3}\.\s+[A-Z]|\(\d{1,2}\)\s)"
)
_NUMBERED_HEADING = re.compile(r"^\d{1,3}\.\s+[A-Z]")
ITEM_LINE = re.compile(
    r"^(?:(?:Item|ITEM)\s+(?:(?:No|NO)\.?\s*)?(?P<num>\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)"
    r"|(?:Minute|Min\.|MINUTE)\s*(?:No\.?|NO\.?|Number)?\s*(?P<minute>\d{1,4}\s?/\s?\d{2,4})"
    r"|(?P<ref>[A-Z]{1,4}\s?\d{1,4}/\d{2,4}|[A-Z]{1,4}-\d{1,4}|[A-Z]{1,5}/\d{2}/\d{2,4}))"
    r"(?:\s*[-:.\u2013]?\s+(?P<title>[A-Z\u2018\u201c\"'].*)|\s*)$"
)
"""An agenda item's own label, in other councils' forms: "Item 6.1 Quarterly Financial
Report", "ITEM 7 Budget", "Minute No. 101/15", "CM 12/2019 Confirmation of Minutes", "OC-12
Budget" (a council's prefix and the item's number); since round 51 a US board's "ITEM NO. 7
ADOPT RESOLUTION …" and an Irish council's minute reference, its body's letters, the year
and the number ("CC/18/143 Housing Delivery Report", "BMD/19/022 Roads Programme 2019")."""
LETTERED_ITEM = re.compile(
    r"^(?P<num>\d{1,3}(?:\.[A-Za-z]|[A-Za-z](?=\.)))\.?\s+(?P<rest>[A-Z0-9(\"'\u2018\u201c].*)$"
)
"""An item lettered under another, US and Canadian minutes' "5A. Downtown Parking Meter
Proposal" under "5. NEW BUSINESS", "3.a Petition for a Crosswalk …" under "3. PETITIONS":
with a full stop after the letter or between number and letter ("3D Printing" is no item),
read as `structure.SUB_ITEM` is (`structure._sub_item`; round 53). Since round 54 it opens
a paragraph of its own in text without blank lines (`_starts_new_para`)."""
CAPS_ITEM = re.compile(r"^(?P<num>\d{1,3})\s+(?P<title>[A-Z][A-Z0-9 ,&'\u2019()/\u2013-]*[A-Z)])$")
"""An item numbered without a full stop, its title in capitals: "4 THREE WATERS REFORM"."""
VOTE_LINE = re.compile(
    r"^(?:(?:Crs?\.?\s+)?[A-Z][\w'\u2019-]+\s*/\s*(?:Crs?\.?\s+)?[A-Z][\w'\u2019-]+\s+)?"
    r"(?:(?:the\s+)?(?:motion|amendment|resolution|recommendation)\s+(?:was\s+)?"
    r"(?:(?:put|declared)\s+(?:and\s+)?)?)?(?:carried|lost|defeated|fell|adopted|withdrawn)"
    r"(?:\s+(?:unanimously|by\s+\w+|on\s+the\s+casting\s+vote\b.*|as\s+amended)"
    r"|\s*\(?\d{1,2}\s*(?:/|-|:|votes?\s+to)\s*\d{1,2}\)?)*\s*\.?$",
    re.IGNORECASE,
)
"""The outcome of a vote on a line of its own: "CARRIED", "CARRIED 7/0", "Motion carried
5-0.", "LOST", with New Zealand's mover/seconder shorthand ("Pomare/Ellery CARRIED"): it
ends the motion before it and is never a heading."""
LABEL_LINE = re.compile(
    r"^(?:(?:moved|seconded|proposed|proposer|mover|seconder"
    rf"|{alternation((*PRESENT_LABELS, *ABSENT_LABELS, *APOLOGY_LABELS))}"
    r"|cathaoirleach|also present|also in attendance"
    r"|officers(?: present| in attendance)?"
    rf"|(?:{alternation((*MEMBER_HOLDERS, *OFFICER_NAMES))}) (?:present|in attendance)"
    rf"|(?:{alternation(MEMBER_HOLDERS)}) absent"
    r"|leave of absence|resolved|recommendation"
    r"|for|against|abstained|abstentions?|ayes|nays|noes|yeas|abstain(?:ing)?|recused"
    r"|author|authori[sz]er|report author|file (?:number|no\.?)"
    r"|responsible officer|attachments?)(?:\s+by\b|\s*:)"
    rf"|(?:{alternation((*PRESENT_LABELS, *ABSENT_LABELS))}|also present)\s*$"
    rf"|(?:{alternation(STAFF_LABELS)})\s*:)",
    re.IGNORECASE,
)
"""A labelled line of minutes ("PRESENT: ...", "Moved: Cr Bell", "Moved by Cr Walsh,",
"Absent: None", "RESOLVED:", a vote's tally "Against: Cr Taylor", a roll call's "Ayes: Reyes,
Nair" / "Nays: None" (United States), a report's "Author:" or
"File Number:"; since round 51 a Canadian "Regrets: Councillor D. Kowalski", an Irish
"Cathaoirleach: Cllr. M. Brennan", a US board's "Supervisors Absent: …"; since round 53 a
US roll call's "Staff: City Manager …", with its colon only), or an attendance label alone
on its line ("PRESENT"): it starts a paragraph and is never a section title."""
_TERMINAL = (".", "!", "?", ":", ";", "\u201d", '"')
_HEADING_MARK = "\ue001"
"""Put before a Markdown heading's text by `demarkdown`: that line stands alone."""


@dataclass(frozen=True)
class Para:
    """One paragraph on one line, with where it came from and any structure a reader knew."""

    text: str
    page: int | None = None
    item: str | None = None
    item_title: str | None = None
    heading: bool = False


_PDFIUM_HYPHEN = re.compile(r"\b([A-Za-z]+)\ufffe(?=([a-z]+))")


def normalise_chars(
    text: str, compounds: frozenset[str] = frozenset(), words: frozenset[str] = frozenset()
) -> str:
    """Unify spaces, drop invisible characters and soft hyphens, expand ligatures.

    PDFium joins a word hyphenated over a line end and leaves U+FFFE where the hyphen
    was. Before a lower-case letter the hyphen stays ("two-runway", "after-school",
    "high-level": in the Kent PDFs nearly every such break is a compound's own hyphen)
    unless the document writes the word joined elsewhere (`whole_words`: "undeliverable")
    and never with its hyphen within a line (`compounds`: "long-term"), or neither part
    is a word of the document ("recom" + "mendation"); before a capital it stays
    ("Labinjo-Hughes").
    """
    text = _PDFIUM_HYPHEN.sub(lambda m: m[1] + _soft_hyphen(m[1], m[2], compounds, words), text)
    text = re.sub("\ufffe(?=[a-z])", "", text).replace("\ufffe", "-")
    text = _INVISIBLE.sub("", text)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _soft_hyphen(head: str, tail: str, compounds: frozenset[str], words: frozenset[str]) -> str:
    """What stands between the parts of a word PDFium cut at a line end: the hyphen,
    unless the document writes the word as one elsewhere (and never hyphenated) or
    neither part is a word it writes ("recom" + "mendation": a syllable break)."""
    if _written_hyphenated(head, tail, compounds):
        return "-"
    if f"{head}{tail}".lower() in words or not ({head.lower(), tail} & words):
        return ""
    return "-"


_WORD_OR_CUT = re.compile(r"[A-Za-z]+(?:(?:\ufffe|-\r?\n)[A-Za-z]+)*")


def whole_words(text: str) -> frozenset[str]:
    """The words a text writes whole within a line, lower-cased: a word cut at a line
    end ("two\ufffe" + "runway", "recom-" + "mendation") counts as neither of its parts."""
    return frozenset(
        w.lower() for w in _WORD_OR_CUT.findall(text) if "\ufffe" not in w and "\n" not in w
    )


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space: the store compares texts exactly."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def strip_link_noise(text: str) -> str:
    """Remove ModernGov link furniture from a line, keeping the words around it."""
    text = _VIEW_FULL.sub("", text)
    text = _ITEM_REF.sub("", text)
    text = _LINK_NOISE.sub("", text)
    return _VIEW_DIRECTIONS.sub("", text).rstrip()


def is_noise(text: str) -> bool:
    """A paragraph that carries no content: labels, lone page numbers, bare URLs."""
    stripped = text.strip()
    if not stripped or _NOISE_PARA.match(stripped):
        return True
    return all(_URL.match(tok) for tok in stripped.split())


def rejoin_word_per_line(page: str) -> str:
    """Rejoin a page whose text layer gives one word per line, if it looks like one.

    Words separated by a single (blank) line belong together; a longer gap ends the
    paragraph. Punctuation that landed on its own line sticks to the word before.
    """
    lines = page.split("\n")
    words = [ln.strip() for ln in lines if ln.strip()]
    if len(words) < 20:
        return page
    single = sum(1 for w in words if " " not in w)
    if single / len(words) < 0.8 or sum(map(len, words)) / len(words) > 12:
        return page
    blank_after = 0
    for a, b in zip(lines, lines[1:], strict=False):
        if a.strip() and not b.strip():
            blank_after += 1
    gap_for_break = 2 if blank_after / len(words) > 0.5 else 1
    paragraphs: list[list[str]] = [[]]
    blanks = 0
    for line in lines:
        word = line.strip()
        if not word:
            blanks += 1
            continue
        if blanks >= gap_for_break and paragraphs[-1]:
            paragraphs.append([])
        blanks = 0
        current = paragraphs[-1]
        if current and re.fullmatch(r"[,.;:!?)\]\u2019\u201d%]+", word):
            current[-1] += word
        else:
            current.append(word)
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def _join_lines(lines: list[str], compounds: frozenset[str] = frozenset()) -> str:
    """Join hard-wrapped lines, undoing line-end hyphenation where it is a soft hyphen."""
    out = ""
    for line in lines:
        line = line.strip()
        out = join_wrapped(out, line, compounds) if out else line
    return out


_COMPOUND = re.compile(r"\b([A-Za-z]+)-([a-z]+)\b")


def hyphenated_words(text: str) -> frozenset[str]:
    """The hyphenated words a text writes within a line ("single-use"): cut at that
    hyphen by a line end, they keep it."""
    return frozenset(f"{a.lower()}-{b}" for a, b in _COMPOUND.findall(text))


def _cut_word(left: str, right: str) -> tuple[str, str] | None:
    """The two parts of a word cut after a hyphen at the end of `left` and going on in
    lower case at the start of `right` ("recom-" + "mendation": "recom", "mendation"), or
    None when either side is not such a part. Whether the hyphen stays is the caller's
    call: `join_wrapped` keeps it for a compound the document writes hyphenated,
    `_cell_text` drops it for a word the document writes whole."""
    head = re.search(r"([A-Za-z]+)-$", left)
    tail = re.match(r"[a-z]+", right)
    return (head[1], tail[0]) if head and tail else None


def _written_hyphenated(head: str, tail: str, compounds: frozenset[str]) -> bool:
    """Whether the word cut at a line-end hyphen ("long-" + "term") is one the document
    writes with its hyphen within a line (`hyphenated_words`): then the hyphen is its own."""
    return f"{head.lower()}-{tail}" in compounds


_RANGE_CUT = re.compile(r"\d[-\u2013]$")
"""A line ending in a range cut after its dash ("for 2025-"): the number under it is the
range's end ("26"), joined to it and never taken for a page number, even at a page's foot."""


_ADDRESS_CUT = re.compile(r"\S@[A-Za-z0-9.-]+$")
"""A line ending inside an e-mail address's domain: a next line opening with ".gov.uk"
goes on with it, without a space."""

_CUT_TAIL = re.compile(r"^[a-z]{1,2}$")


def rejoin_cut_words(pages: list[str], words: frozenset[str] | None = None) -> list[str]:
    """Join a line of one or two lower-case letters to the word ending the line before
    when together they make a word the document writes whole within a line (`words`,
    `whole_words` of the pages unless given): PDFium breaks a narrow table header's
    words without a hyphen ("Revenu" / "e" / "Budget", "Forecas" / "t"), which read as
    "revenu e forecas t"."""
    if words is None:
        words = whole_words("\n".join(pages))
    out: list[str] = []
    for page in pages:
        lines = page.split("\n")
        kept: list[str] = []
        for line in lines:
            head = re.search(r"([A-Za-z]{3,})$", kept[-1].rstrip()) if kept else None
            tail = line.strip()
            if head and _CUT_TAIL.match(tail) and (head[1] + tail).lower() in words:
                kept[-1] = kept[-1].rstrip() + tail
                continue
            kept.append(line)
        out.append("\n".join(kept))
    return out


def join_wrapped(left: str, right: str, compounds: frozenset[str] = frozenset()) -> str:
    """Join a line to the text before it. A hyphen at the end goes when the next line
    goes on in lower case ("recom-" + "mendation"), unless the document writes that word
    with its hyphen elsewhere ("single-" + "use" where "single-use" occurs); before a
    capital it stays ("Barrington-" + "King"). A range cut after its dash ("2025-" +
    "26") is one token again."""
    if _RANGE_CUT.search(left) and right[:1].isdigit():
        return left + right
    if _ADDRESS_CUT.search(left) and re.match(r"\.[A-Za-z]", right):
        return left + right  # "georgina.little@kent" + ".gov.uk"
    if re.search(r"[A-Za-z]-$", left) and right[:1].isalpha():
        if right[0].isupper():
            return left + right
        cut = _cut_word(left, right)
        if cut and _written_hyphenated(*cut, compounds):
            return left + right
        return left[:-1] + right
    return f"{left} {right}"


_CONTINUING_TEXT = (
    "a an the and or but nor of to for in on at by with from into onto upon than as that"
    " which whose who whom where when whilst while if whether because per via including"
    " between within without under over across against towards about after before"
    " during is are was were be been being has have had will would should could can"
    " must shall not its their his her our your this these those such any each every"
)
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "cllr", "councillor", "councillors"]
)
_CONTINUING_WORDS = frozenset(_CONTINUING_TEXT.split()) | _TITLES
"""A line ending in one of these words stops mid-clause: the next line goes on with it."""


LIST_ITEM = re.compile(rf"^{LIST_MARK}\s")
"""A lettered, roman or numbered list item: "a) ", "(b) ", "iv. ", "(3) "."""


def _ends_mid_clause(text: str, strongly: bool = False) -> bool:
    """True when `text` plainly stops inside a sentence: a trailing comma, "&", a dash,
    a word cut by a hyphen ("Barrington-"), a title ("Mr"), or, unless `strongly`, a
    function word ("the", "of", "and"), which a cut-short paragraph can end on too."""
    text = text.rstrip()
    if text.endswith((",", "&", "\u2013", "\u2014")) or re.search(r"(?:\s|[A-Za-z])-$", text):
        return True
    words = text.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in _TITLES or (not strongly and last in _CONTINUING_WORDS)


def _title_like(text: str) -> bool:
    """Ten words at most, most of the longer ones capitalised: "Quarterly Performance Review"."""
    words = text.split()
    long = [w for w in words if len(w) >= 4]
    return len(words) <= 10 and bool(long) and sum(w[0].isupper() for w in long) >= 0.6 * len(long)


_LETTERED = re.compile(r"^[A-Z]\.\s+[A-Z]")
"""A sub-item lettered in capitals opening its line, as US minutes letter an item's
business: "A. Resolution 2022-19, …". Not a list's "(b) On 17th December, Mr Love visited
Seabrook Church of England Primary" / "School and met …": a sentence full of names."""
_LONG_WORD = re.compile(r"[^\W\d_][\w'\u2019-]{3,}")


def _capitalised(text: str) -> float | None:
    """The share of `text`'s words of four letters or more that start with a capital;
    None for fewer than three such words."""
    words = _LONG_WORD.findall(text)
    return sum(w[0].isupper() for w in words) / len(words) if len(words) >= 3 else None


def _titled_sub_item_over_prose(above: str, below: str) -> bool:
    """A lettered sub-item's title on its line, a sentence under it: "A. Resolution 2022-19,
    Awarding a Contract for the Elm Street Water Main Replacement" / "Public Works Director
    Sam Ortiz reported that four bids were received …". The title fills the line and does
    not end its sentence, so it read as a wrapped line and the sentence was joined to it;
    a title's words are capitalised and a sentence's are not, so the two stay apart. The
    rest of a wrapped title is capitalised too ("… Regarding Short-Term" / "Rentals
    (Second Reading)") and goes on."""
    if not _LETTERED.match(above) or not _is_unterminated(above) or _ends_mid_clause(above):
        return False
    title, prose = _capitalised(above), _capitalised(below)
    return title is not None and prose is not None and title >= 0.6 and prose < 0.5


def _is_structural(text: str) -> bool:
    """A line that starts something of its own: a numbered paragraph, a bullet, a footnote,
    an ACTION line, a table row or a lettered list item."""
    return bool(
        _NUMBERED_START.match(text)
        or _BULLET_LINE.match(text)
        or FOOTNOTE_DEF.match(text)
        or text.startswith(("ACTION", "- ", "*"))
        or " | " in text
        or LIST_ITEM.match(text)
        or ITEM_LINE.match(text)
        or CAPS_ITEM.match(text)
        or LABEL_LINE.match(text)
        or VOTE_LINE.match(text)
    )


def _starts_new_para(prev: str, line: str, raw_line: str, width: int) -> bool:
    stripped = line.strip()
    if _BULLET_LINE.match(raw_line) or FOOTNOTE_DEF.match(stripped):
        return True
    if re.match(r"^ACTION\b", stripped) or stripped.startswith(_HEADING_MARK):
        return True
    if " | " in stripped or " | " in prev:
        return True  # table rows stay rows
    if _NUMBERED_START.match(stripped) and not _figure_goes_on(prev, stripped, width):
        return True
    if ITEM_LINE.match(stripped) or CAPS_ITEM.match(stripped):
        return True
    if LETTERED_ITEM.match(stripped) and not _ends_mid_clause(prev):
        # "… Motion carried 4-0 (Marchetti absent)." / "3.b Petition to Close Birch Lane to
        # Through Traffic": a lettered sub-item opens its own line, as a numbered one does
        # (pdftotext without blank lines, round 54); "… in Schedule" / "5A. …" goes on.
        return True
    if LABEL_LINE.match(stripped) or VOTE_LINE.match(stripped) or VOTE_LINE.match(prev.strip()):
        return True
    if LIST_ITEM.match(stripped) and (
        re.match(r"^\S+\s+[A-Z]", stripped) or prev.rstrip().endswith((";", ":", "."))
    ):
        return True  # "(m) The Flexible Use of Capital Receipts ..." in a lettered list
    first = stripped[:1]
    starts_upper = first.isupper() or first.isdigit() or first in "\"'\u2018\u201c("
    if not starts_upper or prev.endswith(("-", ",")) or _ends_mid_clause(prev):
        return False
    if _titled_sub_item_over_prose(prev.strip(), stripped):
        return True
    if raw_line[:1] in " \t" and first.isupper():
        return True
    prev = prev.strip()
    if _NUMBERED_HEADING.match(prev) and not prev.endswith(_TERMINAL + (",",)):
        # "3. Quality Assurance Framework - Progress Update Report" over its first paragraph
        return len(prev) < 0.8 * width
    return width >= 40 and len(prev) < 0.6 * width


_DECIMAL_START = re.compile(r"^\d{1,3}\.\d{1,3}\s")


def _figure_goes_on(prev: str, line: str, width: int) -> bool:
    """A decimal opening a line after a full line that stops mid-clause is the sentence's
    figure, not a paragraph number: "... over a 15 year Plan period (2024 – 2039) is" /
    "3.872 Million tonnes (Mt) which includes ...". A heading short of the line's width
    ("Terms of") may still be followed by a numbered paragraph."""
    prev = prev.strip()
    return bool(_DECIMAL_START.match(line)) and _ends_mid_clause(prev) and len(prev) >= 0.8 * width


def _split_block(lines: list[str], page_width: int) -> list[list[str]]:
    """Split one blank-line-delimited block at bullets, numbered starts and short lines.

    "Short" is judged against the page's usual line width, not the block's longest line:
    PDFium can glue two lines into one over-long line, which would make every other line
    of the block look short.
    """
    width = min(max(len(ln.strip()) for ln in lines), page_width)
    parts: list[list[str]] = [[lines[0]]]
    for raw in lines[1:]:
        if _starts_new_para(parts[-1][-1], raw.strip(), raw, width):
            parts.append([raw])
        else:
            parts[-1].append(raw)
    return parts


def _is_unterminated(text: str) -> bool:
    return not text.rstrip().endswith(_TERMINAL)


def _usual_width(lines: list[str]) -> int:
    """The width text is wrapped at: the 90th percentile of line lengths."""
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


_PAGE_EDGE = 2
"""Lines at either end of a page where its number stands: a lone number elsewhere on a
PDF page is a table's cell or a date's day ("9" over "th April 2021"), not the page's."""


def _blocks(page: str, paged: bool = False) -> list[tuple[list[str], int]]:
    """A page's blank-line-delimited blocks of lines, each with the blank lines before it;
    page numbers go (on a PDF's page, only at its top or foot)."""
    blocks: list[tuple[list[str], int]] = []
    block: list[str] = []
    blanks = 0
    before = 0
    lines = page.split("\n")
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    edges = set(filled[:_PAGE_EDGE] + filled[-_PAGE_EDGE:])
    for i, raw in enumerate([*lines, ""]):
        line = raw.rstrip()
        if (
            (i in edges or not paged)
            and _LONE_PAGE_NUMBER.match(line.strip())
            and not (block and _RANGE_CUT.search(block[-1]))  # "2025-" / "26."
        ):
            line = ""
        if line.strip():
            if not block:
                before = blanks
            block.append(line)
            blanks = 0
            continue
        blanks += 1
        if block:
            blocks.append((block, before))
            block = []
    return blocks


def _is_spaced(pages: list[list[tuple[list[str], int]]], width: int) -> bool:
    """Converted text that gives every wrapped line as its own paragraph, blank lines
    between: most blocks are one line, and most full-width lines stop mid-sentence
    (in ordinary text a one-line paragraph ends with its full stop)."""
    blocks = [b for page in pages for b, _ in page]
    single = [b[0].strip() for b in blocks if len(b) == 1]
    if len(blocks) < 6 or len(single) < 0.6 * len(blocks):
        return False
    full = [line for line in single if len(line) >= 0.75 * width]
    open_ended = [line for line in full if _is_unterminated(line)]
    return len(full) >= 3 and len(open_ended) >= 0.4 * len(full)


_COLUMN_GAP = re.compile(r"\s{3,}")


@dataclass
class _Builder:
    """Paragraphs as they are assembled, with what joining the next block needs to know."""

    width: int
    spaced: bool
    paras: list[Para] = field(default_factory=list)
    closed: set[int] = field(default_factory=set)
    """Paragraphs nothing may continue (Markdown headings)."""
    last_line: int = 0
    """Length of the last source line of the last paragraph."""
    compounds: frozenset[str] = frozenset()
    """Hyphenated words the document writes within a line (`hyphenated_words`)."""
    converted: bool = False
    """Converted text (a text file): its blank lines are a converter's guesses, not gaps
    measured on the page, so a lone full-width line before one may be a wrap."""
    last_lines: int = 0
    """Source lines in the last paragraph."""

    def add(self, lines: list[str], page: int | None, after_break: bool) -> None:
        """Add one block: drop it if noise, else start a paragraph or continue the last one."""
        raw_first = lines[0]
        marked = raw_first.lstrip().startswith(_HEADING_MARK)
        if marked:
            lines = [raw_first.replace(_HEADING_MARK, "", 1), *lines[1:]]
        bullet = _BULLET_LINE.match(lines[0])
        if bullet:
            lines = [lines[0][bullet.end() :], *lines[1:]]
        text = squash(strip_link_noise(_join_lines(lines, self.compounds)))
        if not text or is_noise(text):
            return
        if bullet:
            text = f"- {text}"
        last_line = len(lines[-1].strip())
        if self.converted:
            # "Ordinary Council Meeting Minutes          22 June 2021": a line laid out in
            # columns is as long as its words, not its gap, when judging a wrap.
            last_line = len(_COLUMN_GAP.sub(" ", lines[-1].strip()))
        if not marked and not bullet and self._continues(text, after_break):
            target = _continuation_target(self.paras, self.closed)
            if target is not None:
                prev = self.paras[target]
                joined = join_wrapped(prev.text, text, self.compounds)
                self.paras[target] = replace(prev, text=joined)
                self.last_line = last_line
                self.last_lines += len(lines)
                return
        if marked:
            self.closed.add(len(self.paras))
        self.paras.append(Para(text=text, page=page))
        self.last_line = last_line
        self.last_lines = len(lines)

    def _continues(self, text: str, after_break: bool) -> bool:
        first = text[:1]
        if FOOTNOTE_DEF.match(text):
            return False
        if first.islower() or re.match(r"^[\u2013\u2014-] [a-z]", text):
            return not LIST_ITEM.match(text)  # "a) ..." starts a list item
        if not self.paras or len(self.paras) - 1 in self.closed or _is_structural(text):
            return False
        last = self.paras[-1].text
        if last.startswith("- ") and self.converted and _ends_mid_clause(last):
            # "- Updates to Policy DM10 to ensure consistency with" / "" / "Environment
            # Agency requirements ...": a converter sets each wrapped line of a bullet apart
            # by blank lines, and a bullet stopping on "with" or a comma goes on in the
            # next block, a name or not ("... is in need of" / "Millmead Family Hub / an
            # area ..."). A heading the converter marks ("##", a bold line) is never joined.
            return True
        if last.startswith("- ") or " | " in last or VOTE_LINE.match(last):
            return False
        if ITEM_LINE.match(last) or CAPS_ITEM.match(last):
            # "Item 7.2 Planning Permit ... Murrindale" over "The application seeks ...":
            # only a short rest of a wrapped title goes on with it.
            return (
                self.last_line >= 0.6 * self.width
                and _title_like(text)
                and _is_unterminated(text)
                and len(text) < 0.6 * self.width
            )
        if _titled_sub_item_over_prose(last, text):
            return False
        wrapped = self.spaced and self.last_line >= 0.75 * self.width
        if wrapped and last.endswith(":") and not text.rstrip().endswith(":"):
            # "... the Early Years Healthy Development Review Report:" / "Best Start in
            # Life, the Independent Review ...": a full line ending in a colon was wrapped
            # in mid-paragraph; a list after it would start with a bullet or a marker.
            return True
        if not _is_unterminated(last):
            return False
        if wrapped:
            # "The council agreed to extend the" / "" / "Cleaning Contract for two years."
            return True
        if (
            self.converted
            and self.last_lines == 1
            and self.last_line >= 0.75 * self.width
            and not _title_like(last)
            and (
                not _title_like(text)
                and (len(text) >= 0.75 * self.width or not _is_unterminated(text))
                or (bool(LIST_ITEM.match(last)) and self.width <= 120)
            )
        ):
            # A hanging-indent paragraph: converters set its numbered first line apart
            # ("(2)  The Chairman drew Members' attention to the Section 25 Assurance" /
            # "" / "Statement, as considered under the previous item, ..."). A full line
            # that is not a title and stops mid-sentence goes on in the next block.
            return True
        if _ends_mid_clause(last, strongly=True):
            # "... reported apologies from Mr Mike" / "Sole, Ms Lottie Parfitt and ..."
            return True
        if _is_unterminated(text) and (len(text) < 0.6 * self.width or _title_like(text)):
            return False  # a short line of its own may be a heading: "Revenue Monitoring"
        if _ends_mid_clause(last):
            return True
        if after_break and first.isalpha() and not _NUMBERED_START.match(text):
            # A sentence running over a page break: the page ended mid-sentence in a long
            # paragraph, and the next page goes on with plain text.
            return len(last) >= 200 and last[-1].isalpha()
        return False


def paragraphs_from_pages(
    pages: list[str],
    paged: bool,
    converted: bool = False,
    words: frozenset[str] | None = None,
) -> list[Para]:
    """Turn page texts into paragraphs: the core of PDF and plain-text cleaning.

    Lines are joined into paragraphs across blank lines and page breaks when the first
    plainly stops inside a sentence: the next starts in lower case, the first ends in a
    comma or a function word, or (in text that gives every wrapped line as a paragraph)
    the first fills the line width without ending its sentence. `words` is the
    document's `whole_words` when the caller has them already (`clean`).
    """
    whole = "\n".join(pages)
    written = hyphenated_words(whole)
    if words is None:
        words = whole_words(whole)
    texts = [rejoin_word_per_line(normalise_chars(page, written, words)) for page in pages]
    width = _usual_width([line for page in texts for line in page.split("\n")])
    page_blocks = [_blocks(page, paged) for page in texts]
    builder = _Builder(
        width=width,
        spaced=_is_spaced(page_blocks, width),
        compounds=hyphenated_words("\n".join(texts)),
        converted=converted,
    )
    for index, blocks in enumerate(page_blocks):
        page_no = index + 1 if paged else None
        page_width = _usual_width([line for block, _ in blocks for line in block]) or width
        for position, (block, blanks_before) in enumerate(blocks):
            if position == 0 and index:
                blanks_before = 3  # a new page is a page break
            for number, part in enumerate(_split_block(block, page_width)):
                builder.add(part, page_no, after_break=number == 0 and blanks_before >= 3)
    return builder.paras


def _continuation_target(paras: list[Para], closed: set[int]) -> int | None:
    """The paragraph a lower-case block continues: the last one left unfinished.

    A page footer (footnotes, an appendix list) can sit between the two halves of a
    sentence, so look back a few paragraphs for one that is long and unterminated.
    """
    for back in range(1, min(8, len(paras)) + 1):
        candidate = paras[-back].text
        if len(paras) - back in closed:
            return None
        if FOOTNOTE_DEF.match(candidate) or _URL.match(candidate):
            continue
        if back == 1 and candidate.endswith(":"):
            return len(paras) - 1  # a lead-in goes on: "... Review Report:" / "Best Start"
        if _is_unterminated(candidate) and (back == 1 or len(candidate) >= 40):
            return len(paras) - back
    return None


def strip_footnote_markers(paras: list[Para]) -> list[Para]:
    """Remove roman-numeral footnote markers glued to words, when confidently found.

    The document must list footnotes "i ...", "ii ...", ... and every marker must be
    found in the body, in order, glued to a capitalised word and followed by punctuation
    or a space; otherwise nothing is touched.
    """
    defined = [m.group(1) for p in paras if (m := FOOTNOTE_DEF.match(p.text))]
    sequence: list[str] = []
    for roman in _ROMANS:
        if roman not in defined:
            break
        sequence.append(roman)
    if len(sequence) < 2:
        return paras
    body = [i for i, p in enumerate(paras) if not FOOTNOTE_DEF.match(p.text)]
    found: list[tuple[int, int, int]] = []  # (para index, start, end) of each marker
    para_pos, char_pos = 0, 0
    for roman in sequence:
        pattern = re.compile(rf"\b[A-Z][a-z]{{2,}}?({roman})(?=[\s,.;:)]|$)")
        hit = None
        while para_pos < len(body):
            text = paras[body[para_pos]].text
            match = pattern.search(text, char_pos)
            if match:
                hit = (body[para_pos], match.start(1), match.end(1))
                char_pos = match.end()
                break
            para_pos, char_pos = para_pos + 1, 0
        if hit is None:
            return paras
        found.append(hit)
    result = list(paras)
    for index, start, end in reversed(found):
        text = result[index].text
        result[index] = replace(result[index], text=text[:start] + text[end:])
    return result


def paragraphs_from_blocks(blocks: list[Block]) -> list[Para]:
    """Clean HTML blocks: they are paragraphs already, only whitespace and noise differ."""
    paras: list[Para] = []
    for block in blocks:
        text = squash(strip_link_noise(normalise_chars(block.text)))
        if not text or (not block.heading and is_noise(text)):
            continue
        bullet = _BULLET_LINE.match(text)
        if bullet and not block.heading:
            text = f"- {text[bullet.end() :]}"
        paras.append(
            Para(text=text, item=block.item, item_title=block.item_title, heading=block.heading)
        )
    return paras


# -- converter artefacts (Markdown from PDF-to-Markdown tools) ---------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=\s*(?:=\s*){2,})$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_MD_BULLET = re.compile(r"^(?P<indent>\s*)[*+](?=\s+\S)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?:https?://|www\.|#|mailto:)[^)\s]*\)(?: (?=[).,;:!?]))?"
)
"""A link, its target going; pymupdf4llm writes a space after it, which goes too before a
closing bracket or a stop ("[Committee (17 December 2024](...) )": the link ends inside
the bracket the page closes at once)."""
_HTML_NOISE = re.compile(r"<!--.*?-->|</?(?:span|sup|sub|u|b|i|em|strong)\b[^>]*>", re.I)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
"""A line break inside a table cell: pymupdf4llm closes emphasis at each one."""
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_EMPHASIS_PAIR = re.compile(
    r"(?<![\w*\\])(?P<mark>\*{1,3}|_{1,3})(?=\S)(?!(?P=mark)|(?<=\*)\*)(?P<text>.+?)"
    r"(?:(?<=[^\s\\])(?P=mark)(?![\w*])|\s+(?P=mark)\s*$)"
)
"""A pair of emphasis markers. The closing one may follow a space at the end of a line or
of a cell's line ("_Answer: Yes/No _"), as pymupdf4llm writes it."""
_GLUED_STRONG = re.compile(
    r"(?<=[^\W_]|[.,:;!?)\u2019\u201d])\*{2,}(?=[^\W_]|[(\u2018\u201c\u00a3$])"
)
"""Bold opened or closed with no space between it and the next word, as converters
write a bold run that met plain text ("two**National Landscapes", "**Pathways for
All:**System leadership"): the words had a space between them on the page."""
_STRIKE = re.compile(r"~~(?P<text>[^~]*)~~")
"""Struck-through text: the page shows its words (a deletion in tracked changes, or a
cell the converter misread as struck), so the words stay and the tildes go."""
_STRAY_STRONG = re.compile(
    r"(?<![\w\\])\*{2,}(?=\S)|(?<=\S)(?<!\\)\*{2,}(?!\w)|(?<!\S)\*{2,}(?!\S)"
)
_STRAY_UNDERLINE = re.compile(r"(?<![\w\\])_{2,}(?=\w)|(?<=\w)_{2,}(?![\w])")
_MD_CODE = re.compile(r"`(?P<text>[^`\n]+)`")
"""An inline code span: converters write a bullet glyph they cannot map as `o`."""
_MD_ORDINAL = re.compile(r"(?<=\d)\s?(?:\[(?P<a>st|nd|rd|th)\]|\^(?P<b>st|nd|rd|th)\^)")
"""A superscript ordinal as a converter writes it: "27 [th]", "27^th^" -> "27th"."""
_BLANK_TO_FILL = re.compile(r"_{3,}|\.{5,}")
"""A form's line to sign or fill in ("Signed: ________ Cathaoirleach")."""
_PROTECTED = "\ue000"
"""Stands in for an escaped asterisk or underscore while emphasis is removed."""


def strip_emphasis(line: str) -> str:
    """Remove Markdown emphasis from one line, keeping every word and real asterisk.

    Paired markers go ("**Resolved**", "*Note*", "__title__", "_x_"), then any run of two
    or more asterisks left over by a converter ("***Agreed:**"); a single unpaired asterisk
    is a footnote mark ("£5m*", "* figures exclude schools") and stays, as do snake_case
    words, escaped characters ("\\*") and "a * b".
    """
    if _LINE_BREAK.search(line):
        return " ".join(strip_emphasis(part) for part in _LINE_BREAK.split(line))
    line = line.replace("\\*", _PROTECTED + "a").replace("\\_", _PROTECTED + "u")
    line = _STRIKE.sub(lambda m: m["text"], line).replace("~~", "")
    line = _GLUED_STRONG.sub(" ", line)
    for _ in range(3):  # nested: "***a** b*"
        stripped = _EMPHASIS_PAIR.sub(lambda m: m["text"], line)
        if stripped == line:
            break
        line = stripped
    line = _STRAY_STRONG.sub("", line)
    line = _STRAY_UNDERLINE.sub("", line)
    return line.replace(_PROTECTED + "a", "*").replace(_PROTECTED + "u", "_")


_PLACEHOLDER_CELL = re.compile(r"^\s*Col\d+\s*$")
"""A header cell a converter names when the table printed none: pymupdf4llm writes "Col1",
"Col2", ... for a header row's empty cells ("|Table 1 SA Framework|Col2|Col3|")."""
PLACEHOLDER = "\ue002"
"""Stands in for a converter's placeholder header cell (`_PLACEHOLDER_CELL`) from reading
until the passages are cut: the row keeps its cells and bars, so it stays a table row to
cleaning and structure (a header row reduced to "Table 1 SA Framework" would read as a
title), and `without_placeholders` then takes it out like an empty cell."""


def without_placeholders(text: str) -> str:
    """A passage's text with the converter's placeholder header cells (`PLACEHOLDER`)
    gone, as empty cells go: with the bar that set each apart, and a row left with no
    cell at all goes as a whole."""
    if PLACEHOLDER not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if PLACEHOLDER not in line:
            lines.append(line)
            continue
        cells = [c for c in line.split(" | ") if c.strip() != PLACEHOLDER]
        kept = " ".join(" | ".join(cells).replace(PLACEHOLDER, " ").split())
        if kept:
            lines.append(kept)
    return "\n".join(lines)


_CELL_LINE_CUT = re.compile(r"(?<=[^\W_])-$")
"""A table cell's line ending in a hyphen glued to a word or figure ("after-", "2022-")."""


def _cell_text(cell: str, words: frozenset[str]) -> str:
    """One table cell's text, its lines (`<br>`) joined by a space. A line cut at a hyphen
    goes on without one: converters break a narrow cell's line after a hyphen the page
    prints ("before and after-" / "school", "2022-" / "23", "multi-" / "year"), so the
    hyphen stays, unless the document writes the word whole elsewhere (`words`:
    "recom-" / "mendation" -> "recommendation"), as the PDF reader rejoins a cut word."""
    text = ""
    for part in _LINE_BREAK.split(cell):
        line = strip_emphasis(part).strip()
        if not line:
            continue
        if not text:
            text = line
        elif _CELL_LINE_CUT.search(text) and line[:1].isalnum():
            cut = _cut_word(text, line)
            whole = cut is not None and "".join(cut).lower() in words
            text = (text[:-1] if whole else text) + line
        else:
            text = f"{text} {line}"
    return text


_NIL = ("-", "\u2013", "\u2014")
_PERIOD = re.compile(r"^(?:19|20)\d\d(?:\s?[-/\u2013]\s?(?:\d\d|(?:19|20)\d\d))?$")
"""A column's year or financial year ("2024-25", "2025/26", "2027"): a heading, not a value."""


_AMOUNT = re.compile(r"^[-+(\u2212]?[\u00a3$\u20ac]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?\)?$")
"""One amount as a table prints it ("1,429,506.8", "-836.6", "(2.4)", "12%"): two run
together by a converter ("0.01,605,168.4", "16,393.1-10,327.3") are none."""


def _is_value_line(line: str) -> bool:
    """A stacked cell's line of amounts ("1,429,506.8 0.0", "-836.6") or a nil dash; a
    year heads a column and is no value."""
    if line in _NIL:
        return True
    return not _PERIOD.match(line) and all(_AMOUNT.match(t) for t in line.split())


@dataclass
class _Stack:
    """One cell of a stacked row: its heading lines, then its value or label lines."""

    head: list[str]
    lines: list[str]
    lead: list[bool]
    """Per line: emphasised wholly or ending in a colon (a caption over the rows)."""

    @cached_property
    def values(self) -> bool:
        """A column of amounts: two lines or more, each a row's amounts, as many on each
        line ("15,680.3" / "137,143.6", or "27,481.5 0.0 27,481.5" / "-14,877.4 -1,350.5
        -16,227.9"). Lines of one and two amounts mixed ("1,530,923.8" / "0.0
        1,530,923.8") are a table's sub-columns broken line by line, no row to a line."""
        widths = {len(x.split()) for x in self.lines}
        return len(self.lines) >= 2 and len(widths) == 1 and all(map(_is_value_line, self.lines))


def _stack(cell: str) -> _Stack:
    """A cell's `<br>` lines split into its heading (the lines before its first value, a
    value column's "2025-26" / "Core External Total" / "£000s") and the rest."""
    raws = [r.strip() for r in _LINE_BREAK.split(cell) if strip_emphasis(r).strip()]
    lines = [" ".join(_MD_ESCAPE.sub(r"\1", strip_emphasis(r)).split()) for r in raws]
    first = next((i for i, x in enumerate(lines) if _is_value_line(x)), len(lines))
    if first == len(lines) or any(not _is_value_line(x) for x in lines[first:]):
        first = 0  # a label column, or a mixed cell: no heading of its own
    lead = [
        bool(_WHOLE_STRONG.match(r)) or x.endswith(":") for r, x in zip(raws, lines, strict=True)
    ]
    return _Stack(lines[:first], lines[first:], lead[first:])


def _labels(stack: _Stack) -> tuple[list[str], list[bool]]:
    """A label column's labels: a line the converter wrapped goes on from the line before
    ("Council Tax Income (including increase up to" / "referendum limit ...)", "... and" /
    "Improvement Fund"), which leaves a bracket open or stops mid-clause. A label may open
    in lower case ("internal base adjustments"), so that alone joins nothing."""
    labels: list[str] = []
    lead: list[bool] = []
    for line, caption in zip(stack.lines, stack.lead, strict=True):
        if labels and (
            labels[-1].count("(") > labels[-1].count(")") or _ends_mid_clause(labels[-1])
        ):
            labels[-1] = f"{labels[-1]} {line}"
            continue
        labels.append(line)
        lead.append(caption)
    return labels, lead


def _plain_cell(cell: str) -> str:
    """A raw cell's words, without emphasis or its lines' breaks."""
    return strip_emphasis(_LINE_BREAK.sub(" ", cell)).strip()


def unstack_row(cells: list[str]) -> list[str] | None:
    """A table row the converter stacked, as the page's rows, or None.

    A PDF-to-Markdown converter that misses a borderless table's row lines writes the
    table as one row whose cells hold whole columns, line by line (`<br>`): the labels in
    one cell, each column's amounts in another ("|Revenue Support Grant<br>Social Care
    Grant<br>…|15,680.3<br>137,143.6<br>…|"). Joined, the row reads every label and then
    every amount, and no amount stands by its label. Each value column whose amounts are
    exactly as many as the labels is paired with them line by line, in the columns' order
    ("Revenue Support Grant | 15,680.3 | 16,101.0"), under one row of those columns'
    headings; leading labels with no amounts of their own, set in bold or ending in a
    colon, are the table's caption, a heading of its own before it ("Funding per the Local
    Government Finance Settlement & Local Taxation", as the PDF reader gives it). A value
    column whose count differs (a blank cell, a section label with no amounts) cannot be
    paired safely and stays as the converter joined it, a line before the rows. None (the
    row as before) if none pairs, or if a label among the rows ends in a colon (a
    section's lead, with no amounts: the counts agree by chance)."""
    if not any(_LINE_BREAK.search(c) for c in cells):
        return None  # a cell of one line is no column: nothing is stacked
    stacks = [_stack(c) for c in cells if _plain_cell(c)]
    label_cells = [i for i, s in enumerate(stacks) if not s.values]
    if len(label_cells) != 1 or len(stacks) < 2:
        return None
    where = label_cells[0]
    labels, lead = _labels(stacks[where])
    lengths = {len(s.lines) for s in stacks if s.values}
    caption: list[str] = []
    while labels and lead[0] and len(labels) not in lengths:
        caption.append(labels.pop(0))
        lead.pop(0)
    paired = [i for i, s in enumerate(stacks) if s.values and len(s.lines) == len(labels)]
    if not paired or len(labels) < 2 or any(x.endswith(":") for x in labels):
        return None  # "MEMORANDUM:" among the rows heads rows of its own, with no amounts
    joined = [" ".join(s.head + s.lines) for i, s in enumerate(stacks) if i not in (where, *paired)]
    order = sorted([where, *paired])
    heads = [PLACEHOLDER if i == where else " ".join(stacks[i].head) for i in order]
    rows = [
        [label if i == where else stacks[i].lines[n] for i in order]
        for n, label in enumerate(labels)
    ]
    out = [" | ".join(joined)] if joined else []
    if caption:
        out += ["", _HEADING_MARK + " ".join(caption), ""]
    if any(h != PLACEHOLDER for h in heads if h):
        out.append(" | ".join(h for h in heads if h))
    out += [" | ".join(row) for row in rows]
    return out


_SPANNED_WORD = re.compile(r"[^\W\d_]{4,}")
"""A word of four letters or more: a cell holding one can be a label spanning columns; a
cell of a figure, a tick ("x") or a short value ("Yes", "TBC") is printed in each."""


def unspanned(cells: list[str]) -> list[str]:
    """A table row's cells with a cell merged across columns given once, as the page
    prints it. pymupdf4llm writes a spanned cell's text into every column it spans
    ("|7|Borrowing|Borrowing|441,100|", "|Proposer:|Mr A|Seconder:|Seconder:|Mr B|", a total
    row repeated ten times), which reads each label twice and parts it from its figures.
    Only a run of identical cells holding a word goes: adjacent columns with the same
    figure, tick or short value ("5.8|5.8", "x|x", "TBC|TBC") are each printed. A row left
    with one cell of several (a heading merged across the table, "Strategic leadership")
    gets a `PLACEHOLDER` cell, so it stays a row and never becomes a title."""
    out: list[str] = []
    for cell in cells:
        if out and cell.strip() == out[-1].strip() and _SPANNED_WORD.search(_plain_cell(cell)):
            continue
        out.append(cell)
    if len(out) < len(cells) and sum(bool(_plain_cell(c)) for c in out) == 1:
        out.append(PLACEHOLDER)
    return out


_SENTENCE_END = re.compile(r"[.!?]\s+[\"'\u2018\u201c]?[A-Z]")
"""A sentence's end and the next's start within a cell's text: the cell holds prose, not a
label or a figure's caption ("Latest: 84%")."""


def _goes_on(above: str, below: str) -> bool:
    """Whether a cell's text at the top of a page (`below`) is the rest of the cell above
    it on the page before: it opens in lower case, or the cell above stops mid-sentence,
    mid-clause ("... reserves to" / "£0.358bn ...", "... we do not" / "expect ..."), on a
    word before a figure ("... February" / "2009 and ...") or as prose does, after a
    sentence of its own ("... proposed. Many" / "Family Hubs across ..."). A label that
    merely lacks a full stop ("NHS number" / "Identification number") is a row of its own."""
    if not above or not below:
        return False
    if below[0].islower():
        return True
    return _is_unterminated(above) and (
        _ends_mid_clause(above)
        or (below[0].isdigit() and above[-1].isalpha())
        or bool(_SENTENCE_END.search(above))
    )


def _continued_row(above: str, row: str) -> str | None:
    """The table row `above` with the next page's first row (`row`) written into it, when
    that row only continues it: as many cells, and each either empty (a converter's
    placeholder, "Col1") or the rest of the cell above it (`_goes_on`), one at least.
    None when `row` is a row of its own."""
    top, cont = _MD_TABLE_ROW.match(above), _MD_TABLE_ROW.match(row)
    if top is None or cont is None:
        return None
    cells, rest = top["cells"].split("|"), cont["cells"].split("|")
    if len(cells) != len(rest):
        return None
    joined: list[str] = []
    for cell, more in zip(cells, rest, strict=True):
        tail = _MD_ESCAPE.sub(r"\1", _plain_cell(more))
        if not tail or _PLACEHOLDER_CELL.match(more):
            joined.append(cell)
        elif _goes_on(_MD_ESCAPE.sub(r"\1", _plain_cell(cell)), tail):
            joined.append(f"{cell.rstrip()}<br>{more.strip()}")
        else:
            return None
    return "|" + "|".join(joined) + "|" if joined != cells else None


def _is_page_break(lines: list[str], repeated: Counter[str]) -> bool:
    """Whether `lines` are only a page break: a converter's rule between pages, with
    blank lines, page numbers and running lines (a line the document repeats, numbers
    aside) about it. A heading or a paragraph starts something new."""
    return any(_MD_RULE.match(x) for x in lines) and all(
        not x.strip()
        or _MD_RULE.match(x)
        or _MD_TABLE_RULE.match(x)
        or _LONE_PAGE_NUMBER.match(x.strip())
        or (not _MD_HEADING.match(x) and repeated[_furniture_key(x)] > 1)
        for x in lines
    )


def rejoin_page_broken_rows(lines: list[str]) -> list[str]:
    """A Markdown text's lines with a table row the page break cut made one row again.

    A PDF-to-Markdown converter writes each page's part of a table as a table of its own,
    and a row whose cell runs over the page's foot goes on in the next page's table as
    its first (header) row, the row's other cells empty ("|Moderate|... reserves to|" /
    "-----" / "|Col1|£0.358bn (£0.043bn general ...|"): the cell's two halves would be
    read as two rows, cut apart at the page. When only a page break stands between them
    (`_is_page_break`) and the next row only continues the last one (`_continued_row`),
    it is written into that row and its own header rule goes; the page break stays
    after the row, and the next table's other rows stay rows."""
    repeated = Counter(_furniture_key(x) for x in lines if x.strip())
    out: list[str] = []
    last: int | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if _MD_TABLE_ROW.match(line) and not _MD_TABLE_RULE.match(line):
            heads = index + 1 < len(lines) and bool(_MD_TABLE_RULE.match(lines[index + 1]))
            if heads and last is not None and _is_page_break(out[last + 1 :], repeated):
                joined = _continued_row(out[last], line)
                if joined is not None:
                    out[last] = joined
                    index += 2  # the row and its header rule
                    continue
            last = len(out)
        out.append(line)
        index += 1
    return out


def demarkdown(text: str, words: frozenset[str] = frozenset()) -> str:
    """Undo what PDF-to-Markdown converters add to a text, line by line.

    Heading hashes go and the heading stands alone between blank lines; table rows keep
    their cells, separated by " | ", and their separator rows go (a cell merged across
    columns is given once: `unspanned`; a row the converter stacked, whole columns in its
    cells, becomes the page's rows: `unstack_row`); a header row's placeholder cells
    ("Col2") become `PLACEHOLDER` until the passages are cut; a cell's lines join with a
    space, or none after a hyphen (`_cell_text`; `words`: the document's whole words); "* "
    and "+ " bullets become "- " bullets; emphasis markers, images, link targets, HTML
    comments and inline tags and backslash escapes go.
    Horizontal rules, which converters put between pages, become form feeds so that page
    furniture can be found at page edges.
    """
    out: list[str] = []
    raws = rejoin_page_broken_rows(text.split("\n"))
    for index, raw in enumerate(raws):
        line = _MD_IMAGE.sub("", _HTML_NOISE.sub(" ", raw))
        if not _MD_RULE.match(line):
            line = _BLANK_TO_FILL.sub(" ", line)
        line = _MD_LINK.sub(lambda m: m["text"], line)
        line = _MD_CODE.sub(lambda m: m["text"], line)
        line = _MD_ORDINAL.sub(lambda m: m["a"] or m["b"], line)
        if raw.strip() and not _LINE_BREAK.sub("", line).strip():
            out.append("")
            continue
        if _MD_RULE.match(line) or (_MD_TABLE_RULE.match(line) and "-" in line):
            out.append("\f" if _MD_RULE.match(line) else "")
            continue
        if heading := _MD_HEADING.match(line):
            line = _MD_ESCAPE.sub(r"\1", strip_emphasis(heading["text"])).strip()
            out.extend(["", _HEADING_MARK + line, ""] if line else [""])
            continue
        if row := _MD_TABLE_ROW.match(line):
            header = index + 1 < len(raws) and bool(_MD_TABLE_RULE.match(raws[index + 1]))
            raw_cells = unspanned(row["cells"].split("|"))
            stacked = unstack_row(
                [c for c in raw_cells if not (header and _PLACEHOLDER_CELL.match(c))]
            )
            if stacked is not None:
                out.extend(stacked)
                continue
            cells = [
                PLACEHOLDER if header and _PLACEHOLDER_CELL.match(c) else _cell_text(c, words)
                for c in raw_cells
            ]
            line = " | ".join(c for c in cells if c)
            out.append(_MD_ESCAPE.sub(r"\1", line) if line else "")
            continue
        line = _MD_BULLET.sub(lambda m: f"{m['indent']}-", line)
        plain = _MD_ESCAPE.sub(r"\1", strip_emphasis(line))
        if _stands_alone(raws, index, plain):
            plain = _HEADING_MARK + plain.strip()
        out.append(plain)
    return "\n".join(out)


_CELL_BAR = re.compile(r" \| ")
"""The separator `demarkdown` writes between a converted table row's cells."""


def cells_as_printed(text: str) -> str:
    """A converted passage's table rows as the page prints them: cells one after another,
    separated by a space ("Non-UASC 1,466 1,460"), as the PDF reader and a copy of the
    rendered table give them, not by the bars `demarkdown` keeps between cells ("Non-UASC |
    1,466 | 1,460"), which are the converter's layout, not the text. The bars serve
    cleaning and structure (a row stays a row and is never a title) and are dropped only
    from a finished passage's text, so no passage is cut elsewhere; the encoder still
    reads them (`Chunk.model_text`)."""
    return _CELL_BAR.sub(" ", text)


_WHOLE_STRONG = re.compile(r"^\s*(?:(?P<mark>\*{2,3}|__)(?=\S).+?(?<=\S)(?P=mark)\s*)+$")
"""A line set wholly in bold (or bold italic) by the converter: "***6.1 Police Department
staffing report***", "**84.** **Apologies**", "**CARRIED**"."""


def _stands_alone(raws: list[str], index: int, plain: str) -> bool:
    """A line wholly in bold, alone between blank lines: the converter saw a heading or a
    label set apart on the page ("***5.1 Ordinance No. 2016-04 amending ...***" over the
    staff report, "**Resolution 2019/123**" under a table's source line), so no sentence
    runs into or out of it. A bold line that stops mid-clause ("**... 12 Bank Street,**")
    or that a lower-case line goes on from is a wrapped bold paragraph and joins as usual;
    so is one that leaves a bracket open or is followed by a short unfinished line, the
    rest of a wrapped title ("**287. Declarations of ... Other Significant**" /
    "Interests in items on the agenda")."""
    if not _WHOLE_STRONG.match(raws[index]):
        return False
    before = raws[index - 1].strip() if index else ""
    after = next((r.strip() for r in raws[index + 1 :] if r.strip()), "")
    blank_after = index + 1 >= len(raws) or not raws[index + 1].strip()
    if before or not blank_after or after[:1].islower():
        return False
    if plain.count("(") > plain.count(")"):
        return False
    earlier = next((r for r in reversed(raws[:index]) if r.strip()), "")
    if _WHOLE_STRONG.match(earlier) and _ends_mid_clause(strip_emphasis(earlier)):
        return False  # "**Question by ... to Roger Gough,**" / "" / "**Leader of ...**"
    rest = strip_emphasis(after)
    if rest and rest == after and _is_unterminated(rest) and len(rest) < _TITLE_REST:
        return False
    return not _ends_mid_clause(plain)


_TITLE_REST = 60
"""A line after a bold title shorter than this, unfinished and not bold, may be the
rest of the title; a paragraph's first wrapped line is longer."""


# -- page furniture ----------------------------------------------------------------------

_PAGE_OF = re.compile(
    r"\bpage\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\b|(?:\S\s{3,}|\s[|\u2013\u2014-]\s*)page\s+\d{1,4}\s*$",
    re.I,
)
"""A footer's page number: "Page 3 of 12" anywhere in a short line, or a bare "Page 3" set
apart at the end of a running line ("Ordinary Meeting 24 May 2018      Page 2",
"Minutes | Page 2")."""
_EDGE_LINES = 3
"""Running headers and footers sit within this many lines of a page's top or bottom."""
_SHORT_LINE = 12
"""Words in a line short enough to be a header or footer wherever it recurs."""
_LONG_FURNITURE_PAGES = 3
"""Pages a longer line must recur on, at an edge, to be furniture: twice could be a
sentence a report repeats, as a summary's and a section's first line."""


def _furniture_key(line: str) -> str:
    """A line with its numbers blanked: "Page 3 of 12" and "Page 4 of 12" are one footer."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


_HEADER_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+(?:19|20)\d\d\b"
    r"|\b[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?:19|20)\d\d\b"
)
_HEADER_WORDS = re.compile(r"\b(?:minutes?|meeting|council)\b", re.I)


def _is_meeting_header(line: str) -> bool:
    """A short line naming a meeting and its date ("Ordinary Council Meeting Minutes 14
    March 2017") at the top or foot of a page after the first: a running header, even in
    a document too short for it to recur."""
    text = " ".join(line.strip().lstrip(_HEADING_MARK).split())  # columns: one space
    return (
        len(text) <= 80
        and len(text.split()) <= 12
        and _is_unterminated(text)
        and bool(_HEADER_WORDS.search(text) and _HEADER_DATE.search(text))
        and not ITEM_LINE.match(text)
    )


def _minutes_line(text: str) -> bool:
    """A line minutes repeat for their own sake, at page edges too: an item label, a
    vote's outcome ("CARRIED" ending one page's motion and the next's) or a labelled line
    ("Seconded by"). Repetition never makes it a running header."""
    return bool(ITEM_LINE.match(text) or VOTE_LINE.match(text) or LABEL_LINE.match(text))


_CONTENTS_ENTRY = re.compile(
    r"^(?:\|?\s*)?\S.*?(?:[.\u2026\u00b7][ \t]?){5,}[ \t|]*"
    r"(?:(?:page[ \t]+|appendix[ \t]+)?(?:\d{1,4}|[ivxlc]{1,6}|[A-Z])[ \t|]*)?$",
    re.I,
)
"""A table of contents' entry: a title, a dot leader, a page number (or an appendix,
or nothing where the number stands on the next line): "Kent Events ........ 11",
"3a | Adult Social Care & Health ....... 8 |"."""
_CONTENTS_WORD = r"\W*(?:table of )?contents"
"""A contents page's heading, the one source of both removers' patterns."""
_CONTENTS_TITLE = re.compile(rf"^{_CONTENTS_WORD}\W*$", re.I)


def drop_contents(page: str) -> str:
    """Blank a page's table of contents: entries with dot leaders, the lines between two
    entries (a title wrapped over two lines, a page number on its own line) and the
    "Contents" heading over them. Left in, a run of titles and leaders is a passage that
    matches every question naming a section and answers none."""
    lines = page.split("\n")
    entries = [i for i, line in enumerate(lines) if _CONTENTS_ENTRY.match(line.strip())]
    if not entries:
        return page
    drop = set(entries)
    for a, b in zip(entries, entries[1:], strict=False):
        if b - a <= _CONTENTS_GAP:
            drop.update(range(a + 1, b))
    before = next((i for i in range(entries[0] - 1, -1, -1) if lines[i].strip()), None)
    if before is not None and _CONTENTS_TITLE.match(lines[before].strip()):
        drop.add(before)
    return "\n".join("" if i in drop else line for i, line in enumerate(lines))


_CONTENTS_GAP = 4
"""Lines from one contents entry to the next within which the lines between belong to
the contents (a wrapped title, a blank line, a page number alone)."""

_PAGED_ENTRY = re.compile(
    r"^(?P<title>[^.,;:&\s][^\n]{1,150}?[^.,;:&\s\d-])[ \t]+(?P<page>\d{1,3})$"
)
"""A contents entry without a leader: a title that does not end a clause, a space and a
page number ("1.3. What is the plan seeking to achieve? 3")."""
_ENTRY_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.)\s+")
_MARKUP = re.compile(r"[*#_|]+")
_SECTION_HEADING = re.compile(rf"^(?:{_CONTENTS_WORD}|tables|figures|appendices|annexes)$", re.I)
_MIN_ENTRIES = 3


def _is_section_heading(line: str) -> bool:
    """A contents page's heading, or one of its sections' ("Tables", "Figures")."""
    return bool(_SECTION_HEADING.match(_MARKUP.sub(" ", line).strip()))


def _heading_key(line: str) -> str:
    """A line as a heading compares: markup, its number, case and punctuation aside."""
    plain = _ENTRY_NUMBER.sub("", _MARKUP.sub(" ", line).strip())
    return " ".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _unled_entry(line: str) -> tuple[str, int] | None:
    """The heading key and page number of a contents entry without a leader, if `line`
    is one."""
    entry = _PAGED_ENTRY.match(re.sub(r"\s+", " ", _MARKUP.sub(" ", line)).strip())
    if entry is None or len(entry["title"].split()) > 20:
        return None
    key = _heading_key(entry["title"])
    return (key, int(entry["page"])) if key else None


def drop_unled_contents(pages: list[str]) -> list[str]:
    """Blank tables of contents printed without dot leaders: a run of at least three
    lines, each a title and a page number, the numbers never falling (they may start
    again under a "Tables" or "Figures" heading), at least half of whose titles stand
    later in the document as a line of their own (the headings they list). Left in,
    "1.1. Background 3" / "1.2. What is the plan seeking to achieve? 3" became a dozen
    one-line passages; a table's rows ("Adults 12") are neither ascending page numbers
    nor the document's later headings."""
    lines = [
        (p, i, line) for p, page in enumerate(pages) for i, line in enumerate(page.split("\n"))
    ]
    keys = [_heading_key(line) for _, _, line in lines]
    drop: set[int] = set()
    n = 0
    while n < len(lines):
        run: list[tuple[int, str]] = []
        headings: list[int] = []
        last, j = 0, n
        while j < len(lines):
            text = lines[j][2].strip()
            entry = _unled_entry(text)
            if entry is not None and entry[1] >= last:
                run.append((j, entry[0]))
                last = entry[1]
            elif not text:
                pass
            elif run and _is_section_heading(text):
                headings.append(j)
                last = 0
            else:
                break
            j += 1
        if len(run) >= _MIN_ENTRIES and 2 * sum(
            _stands_later(key, keys, j) for _, key in run
        ) >= len(run):
            drop.update(k for k, _ in run)
            drop.update(headings)
            before = next((k for k in range(run[0][0] - 1, -1, -1) if lines[k][2].strip()), None)
            if before is not None and _is_section_heading(lines[before][2]):
                drop.add(before)
        n = max(j, n + 1)
    if not drop:
        return pages
    out: list[list[str]] = [page.split("\n") for page in pages]
    for k in drop:
        p, i, _ = lines[k]
        out[p][i] = ""
    return ["\n".join(page) for page in out]


def _stands_later(key: str, keys: list[str], start: int) -> bool:
    """Whether a contents title stands as a line (or a wrapped line's start) after the
    contents."""
    return any(
        k == key or (len(k.split()) >= 2 and key.startswith(k + " ")) or k.startswith(key + " ")
        for k in keys[start:]
        if k
    )


def strip_page_furniture(pages: list[str]) -> list[str]:
    """Drop running headers and footers, and "Page 3 of 12" lines, from page texts.

    A line with no full stop that recurs at the top or bottom edge of at least two pages
    and of at least two pages in five, numbers aside, is furniture if it is short (at
    most 12 words) or recurs on at least three pages: a report's running title with its
    version and date ("Sustainability Appraisal Report Non-Technical Summary of the Kent
    Minerals and Waste Local Plan 2024-2039 | SR1 | 21/02/2025 5") is longer than a
    sentence may be and sat inside the sentence its page break cut. So is a short line
    that holds "Page N of M". Lines inside a page are never judged by repetition
    ("Against (0)" may well recur in minutes), nor are sentences ("Motion carried.").
    """
    edges: list[list[int]] = []
    counts: dict[str, int] = {}
    for page in pages:
        lines = page.split("\n")
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edge = sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))
        edges.append(edge)
        for key in {_furniture_key(lines[i]) for i in edge}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, math.ceil(0.4 * len(pages)))
    out: list[str] = []
    for number, (page, edge) in enumerate(zip(pages, edges, strict=True)):
        lines = page.split("\n")
        # The first page keeps its copy: a running header there is often the title.
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for i in [filled[0], filled[-1]] if number and filled else ():
            if _is_meeting_header(lines[i]):
                lines[i] = ""
        dropped: int | None = None
        for i in edge if number else ():
            line = lines[i]
            count = counts.get(_furniture_key(line), 0)
            rest = dropped is not None and filled.index(i) == filled.index(dropped) + 1
            if count >= needed and (
                # "... and tables may appear not" / "to add up.": a footer's second line
                (rest and line.strip()[:1].islower())
                or (
                    (len(line.split()) <= _SHORT_LINE or count >= _LONG_FURNITURE_PAGES)
                    and _is_unterminated(line)
                    and not _minutes_line(line.strip().lstrip(_HEADING_MARK))
                )
            ):
                lines[i] = ""
                dropped = i
        out.append("\n".join("" if _page_footer(line) else line for line in lines))
    return out


def _page_footer(line: str) -> bool:
    """A short line holding "Page 3 of 12", or a running line of any length ending in it
    set apart (`RUNNING_PAGE_OF`)."""
    if len(line.split()) <= 12 and _PAGE_OF.search(line):
        return True
    return RUNNING_PAGE_OF and bool(_RUNNING_FOOTER.match(line))


def drop_repeated_headers(pages: list[str]) -> list[str]:
    """Drop every copy but the first of a running header naming the meeting and its date
    ("Ordinary Council Meeting Minutes      22 June 2021"), wherever it falls.

    Converted text without page breaks or "Page N of M" footers gives no page edge where
    `strip_page_furniture` could find the header; a line naming the meeting and its date
    that recurs is the header all the same, and left in it glues itself to the sentences
    around it. The first copy stays even where it is a footer at the first page's foot
    ("Town of Cedar Bluff   Regular Council Meeting   April 5, 2022" over "Page 1 of 3",
    round 45): it may be the only place the council's name is printed, and a question
    naming the council whose name the archive holds nowhere is abstained on
    (`search_api.abstention.absent_salience`); on a line of its own, it ends no sentence."""
    split = [page.split("\n") for page in pages]
    places: dict[str, list[tuple[int, int]]] = {}
    for p, lines in enumerate(split):
        for i, line in enumerate(lines):
            if _is_meeting_header(line):
                places.setdefault(_furniture_key(line), []).append((p, i))
    copies = [at for found in places.values() for at in found[1:]]
    if not copies:
        return pages
    for p, i in copies:
        split[p][i] = ""
    return ["\n".join(lines) for lines in split]


_GLUED_FOOTNOTE = re.compile(
    r"(?<=\d%)\d{1,2}(?=[\s,.;:)\]]|$)"  # "40%3 of the workforce"
    r"|(?<=[\u00a3$\u20ac]\d)(?P<amount>[\d,]*(?:\.\d+)?(?:bn|m|k))\d{1,2}(?=[\s,.;:)\]]|$)"
    r"|(?<=[\w%)])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+(?=[\s,.;:)\]]|$)"  # "£20m¹"
)
"""A footnote reference a converter glued onto a figure: digits after a percentage or
after a money amount with its unit ("£6.4m2"), or superscript digits. "450m2" (square
metres, no currency sign) and "2018/19" are left alone."""


def strip_glued_footnotes(text: str) -> str:
    """Remove footnote digits glued to figures ("40%3" -> "40%", "£6.4m2" -> "£6.4m"):
    left in, they hide the figure from a search and from an answer's figure check."""

    def fix(match: re.Match[str]) -> str:
        if match["amount"] is not None:
            return match["amount"]
        if match[0] in "\u00b2\u00b3" and _AREA_UNIT.search(text, 0, match.start()):
            return match[0]  # "450m²", "12 km²": a unit, not a footnote
        return ""

    return _GLUED_FOOTNOTE.sub(fix, text)


_AREA_UNIT = re.compile(r"(?<![\u00a3$\u20ac.,\d])\d[\d,.]*\s?(?:m|km|cm|mm|ft)$")


_RUNNING_PAGE_OF = (
    r"^[^\n]{0,100}?(?:\S[ \t]{3,}|[ \t][|\u2013\u2014-][ \t]*)"
    r"page[ \t]+\d{1,4}[ \t]*(?:of|/)[ \t]*\d{1,4}[ \t]*$"
)
RUNNING_PAGE_OF = True
"""A running line that ends in "Page N of M" set apart, however long ("Township of Cedar
Falls – Regular Council Minutes – June 19, 2018        Page 1 of 2"), is a page footer: it
cuts the text into pages (`split_at_page_footers`) and is dropped (`strip_page_furniture`).
Over 12 words, such a footer was neither, and was kept in the text of the passage before it
("… DEFEATED Township of Cedar Falls – … Page 1 of 2"; round 51's r51-foreign7 kind (13),
eval/README.md "…, round 52 (r52-foreign8 …)"). Off: only a short line, or a running line
ending in a bare "Page N"."""
_FOOTER_LINE = re.compile(
    r"^[ \t]*(?:page[ \t]+\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?"
    r"|\d{1,4}[ \t]*(?:of|/)[ \t]*\d{1,4}[ \t]+page)[ \t]*$"
    r"|^[^\n]{0,100}?(?:\S[ \t]{3,}|[ \t][|\u2013\u2014-][ \t]*)page[ \t]+\d{1,4}[ \t]*$"
    + (f"|{_RUNNING_PAGE_OF}" if RUNNING_PAGE_OF else ""),
    re.I | re.M,
)
"""A line that is only a page footer ("Page 3 of 12", "Page 3"), or a running line that
ends in one set apart ("Tarawera District Council Ordinary Meeting 24 May 2018   Page 2",
"… Regular Council Minutes – June 19, 2018        Page 1 of 2": `RUNNING_PAGE_OF`)."""
_RUNNING_FOOTER = re.compile(_RUNNING_PAGE_OF, re.I)


def split_at_page_footers(text: str) -> list[str]:
    """Cut an unpaged text into pages after each "Page N of M" line.

    Converted text often has no page break character: its footers are the only sign of
    one. Cut there, the running header that follows each footer sits at a page edge,
    where `strip_page_furniture` finds it, instead of inside the sentence the page cut.
    """
    cuts = [m.end() for m in _FOOTER_LINE.finditer(text)]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def clean(raw: RawDocument) -> list[Para]:
    """All cleaning for one document, whatever its format."""
    if raw.blocks is not None:
        return paragraphs_from_blocks(raw.blocks)
    pages = drop_unled_contents([drop_contents(page) for page in raw.pages])
    # The words the document writes whole, once: the cut-word rejoiner and the PDFium
    # hyphen both ask it (running headers' words count too; they are the document's).
    words = whole_words("\n".join(pages))
    pages = rejoin_cut_words(pages, words)
    if raw.format == "text":
        converted = [demarkdown(page, words) for page in pages]
        if not raw.paged:  # a converter's rules and footers are the only page breaks
            converted = [
                part
                for text in converted
                for page in text.split("\f")
                for part in split_at_page_footers(page)
            ]
        pages = [page.replace("\f", "\n") for page in converted]
        pages = drop_repeated_headers(pages)
    paras = strip_footnote_markers(
        paragraphs_from_pages(strip_page_furniture(pages), raw.paged, raw.format == "text", words)
    )
    if raw.format == "text":
        # Emphasis a converter opened on one wrapped line and closed on a later one
        # ("*\"That the Council calls ..." / "... in 2016.\"*") pairs up only once the
        # lines are one paragraph again.
        paras = [replace(p, text=strip_emphasis(p.text)) for p in paras]
    return [replace(p, text=strip_glued_footnotes(p.text)) for p in strip_word_footnotes(paras)]


_PAGE_RANGE = re.compile(r"\s*\(Pages\s+\d{1,4}\s*[-\u2013]\s*\d{1,4}\)", re.I)
"""An agenda frontsheet's page range in the printed pack: "(Pages 1 - 14)"."""


def strip_page_range(text: str) -> str:
    """Remove an agenda's "(Pages 85 - 276)" from a title or a line that says something
    else: it closed item titles ("Motion for Time Limited Debate (Pages 341 - 342)") and
    agenda lines read as text, and says where the paper sits in the printed pack, nothing
    a question asks about. A range that is all the text is kept (an agenda item whose
    only line it is keeps its passage, and so its title)."""
    stripped = _PAGE_RANGE.sub("", text).strip()
    return stripped or text


def is_page_range(text: str) -> bool:
    """Whether `text` is only an agenda's page range, "(Pages 1 - 14)"."""
    return bool(text) and not _PAGE_RANGE.sub("", text).strip()


_WORD_FOOTNOTE = re.compile(r"\b(?P<word>[a-z]{4,})(?P<mark>\d{1,3})(?=\s|[,.;:)]|$)")
"""A footnote mark PDFium glues to the word it follows: "contribution26.", "matters1 ."."""
_QUOTED_MARK = 2
"""The fewest digits of a mark kept from a footnote the document does not print: a
document that prints footnotes and quotes another's text keeps that text's marks
("sales data44", "best practice techniques83" in the Inspector's modifications, quoting
the plan); a single digit could be a label ("year1") and needs its footnote printed."""
_COUNTED = frozenset(
    [
        "year",
        "years",
        "phase",
        "stage",
        "tier",
        "level",
        "option",
        "appendix",
        "annex",
        "table",
        "figure",
        "section",
        "page",
        "part",
        "step",
        "round",
        "wave",
        "group",
        "area",
        "zone",
        "cohort",
        "quarter",
        "week",
        "month",
        "para",
        "paragraph",
        "item",
        "note",
        "policy",
        "site",
        "unit",
        "ward",
    ]
)
"""Words a number follows as a label, not a footnote ("year1", "phase2")."""


def strip_word_footnotes(paras: list[Para]) -> list[Para]:
    """Remove footnote marks glued to a word ("the national contribution26. The SE LEP")
    when the document prints footnotes (a paragraph opening with a number and a capital,
    "26 Kent County Council ...") and the word is one the document writes alone. A mark
    of one digit needs its own footnote printed; a mark of `_QUOTED_MARK` or more digits
    is taken once the document prints any (text the document quotes keeps its source's
    marks: "aggregates sales data44" in an Inspector's report quoting the plan). Left in,
    "contribution26" matches no search for "contribution"."""
    defined = {m[1] for p in paras if (m := re.match(r"(\d{1,2})\s+[A-Z]", p.text))}
    if not defined:
        return paras
    words = whole_words("\n".join(p.text for p in paras))

    def fix(match: re.Match[str]) -> str:
        word, mark = match["word"], match["mark"]
        footnote = mark in defined or len(mark) >= _QUOTED_MARK
        if footnote and word in words and word not in _COUNTED:
            return word
        return match[0]

    return [replace(p, text=_WORD_FOOTNOTE.sub(fix, p.text)) for p in paras]
