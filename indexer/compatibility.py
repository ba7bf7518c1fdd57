"""Whether an index on disk can be read with the current settings and model.

Both sides need this answer: the builder before it adds to an index (an incremental
build into a mismatched index would mix two models' vectors), and the read side before
it serves one (a query embedded by another model matches nothing). It lives here, not
in the builder, so the read side never imports the write side.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from .errors import IndexMismatchError
from .lexical import FTS5_BM25, Bm25
from .settings import Settings
from .snapshot import FORMAT_VERSION, IndexInfo
from .text import ANALYZER_VERSION

__all__ = [
    "bm25_record",
    "bm25_settings",
    "check_index_matches",
    "chunking_settings",
    "index_mismatches",
    "lexical_mismatch",
    "recorded_bm25",
]


class _Model(Protocol):
    """What the check needs of an embedder: its name and vector width."""

    @property
    def name(self) -> str:
        """The model's name, as recorded in the index's settings."""

    @property
    def dim(self) -> int:
        """Vector width: an index built at another width cannot be searched with this model."""


CHUNKER_VERSION = 34
"""Raised whenever the cleaning or chunking rules change the passages they make (2:
wrapped lines rejoined, converter markup stripped, cuts only at sentence ends; 3: page
footers cut converted text into pages, glued footnote digits dropped, lists kept with
their lead-ins; 4: lists no longer joined to their lead-ins, which lost recall on tune;
5: other councils' minutes: "Item 6.1", "Minute No. 101/15" and "4 THREE WATERS" labels
open items, vote outcomes stay with their motion, running headers naming the meeting go,
emphasis closed on a later wrapped line goes; 6: converted text (text and Markdown files
only; PDF, HTML and Word passages are unchanged): a hanging-indent paragraph's first line
set apart by the converter goes on, "27 [th]" ordinals and `o` inline-code bullets are
undone, contact lines are never section titles; 7: other countries' converted minutes: a
line wholly in bold stands alone, "5.1 Ordinance ..." under item 5 is item 5.1 with its own
title, a subsection heading's words stay in its passage, vote outcomes and labelled lines
("Against: Cr Taylor", "Author:", "PRESENT") are never running headers or titles, a motion
("That the Council") or a person ("Mayor Anne Hohaia") is never a title, a running header
that recurs without page breaks goes; 8: converted text only: emphasis is undone per line
of a table cell ("<br>"), "_**bold italic**_" and a closing mark after a space at a line's
end go, bold glued to the next word leaves a space, struck-through "~~text~~" keeps its
words; 9: a lone number inside a PDF page is text, only at its top or foot a page number
("26th March 2021 - 9" / "th April", "2025-" / "26."), a numbered paragraph closing a
quotation is no item title, and meeting headings dated "12 Feb 2014", "05/03/2019" or
"2019-03-05" and file names "Minutes_12_02_2014", "CM 23.06.15", "2015-06 Minutes" are
read; 10: a range wrapped after its dash ("2025-" / "26") is rejoined without a space, a
ModernGov page's "View Recorded Vote for this item" link is no text; 11: a PDFium line-end
hyphen stays in a word the document hyphenates within a line, "long-term", "one-off"; 12: a
running header or footer longer than 12 words that recurs at the edge of three pages or
more goes (with a footer's lower-case second line), a lone number under a range cut
after its dash is no page number, a table of contents (dot leaders) is no text, a PDFium
line-end hyphen stays unless the document writes the word joined or neither part is a word
("two-runway"), a decimal glued to a unit in capitals ("6.3FE") is no paragraph number; 13: a
table of contents without leaders (ascending page numbers, titles that head the document
later) is no text, a passage of four words or fewer with no sentence end joins its
neighbour in the item, a decimal opening a line after a full line that stops mid-clause
is no paragraph number, a table header word PDFium broke without a hyphen ("Revenu" /
"e") and an e-mail address broken at its domain's dot are rejoined; 14: an agenda's
"(Pages 1 - 14)" goes from item titles and from lines that say more, a footnote mark glued
to a word goes where the document prints the footnote ("contribution26."); 15: a PDF's
superscript digit (smaller, raised) glued to what it follows is a footnote mark and goes
("38¹" read "381", "development¹⁰⁴" read "development104"); 16: converted text only: a
table cell's line cut after a hyphen ("after-" / "school") goes on without a space; 17: a
passage made only of its document's own council, committee, meeting date and title words
("Kingston & North Kingston Neighbourhood Committee / 15 January 2026") goes; 18: a footnote
mark of two or three digits glued to a word goes in a document that prints footnotes though
that footnote is another document's ("data44"); 19: converted text only: a table row's
cells stand in a passage one after another, separated by a space, not " | "; 20: converted
text only: a header cell the converter named because the table printed none ("Col2", "Col6")
is an empty cell, in no passage; 21: other countries' minutes: "ITEM 7", "MINUTE NO. 123/19"
and "OC-12" open items, "7.1 Title" after item 6 opens item 7.1, a "Cr" attendance list is no
heading, the council and body are read from a heading block that cleaning joined into one
line and from "Minutes of the Planning Committee held on …", and a generic HTML page's text
beside its block children is read in order, `<br>` a line break; no passage of the eval
corpora changes; 22: a fragment passage never leads a passage under another heading ("Cr P
White" under "Apologies" no longer opens the declarations passage); joined to the passage
before it across a heading, its heading's words go with it; a lettered sub-paragraph is
cited as its paragraph's part, "41.4(a)"; 23: a heading block before the first agenda item,
with no date line under it, is a passage of its own (or goes as the document's own heading),
not the opening of item 1's first passage; a lettered list going on across a heading is
still its paragraph's, "291(4)(g)"; 24: a converted table row stacked by the converter,
whole columns in its cells, is read as the page's rows where a value column's amounts are
as many as the labels; a title-like line over a row of amounts is that row's label, not a
heading; 25: converted text only: a cell pymupdf4llm wrote into every column it spans
("|Borrowing|Borrowing|", a total row ten times) is given once, a row left with one such
cell stays a row, and a bullet stopping mid-clause goes on in the next block the converter
set apart; 26: converted text only: a table row the page break cut, going on as the next
page's table's first row, is one row again, and no space is left between a link and the
bracket or stop after it; 27: other countries' minutes: an agenda item whose whole text is a
few words ("2. APOLOGIES" / "Nil.", "Background Documents" / "None.") opens with its title, a
declaration of interest printed above the item it names is that item's, attendance labels
before the first item ("Sederunt:", "Officials Present:") stay with their lists, a roll-call
vote's label and tallies ("Ayes: …") stay with their motion; a passage several documents print
keeps the line breaks every copy has; 28: other councils' files as they are named and dated:
a date in figures read in the order the file shows (a weekday beside it, its other dates,
its country's words, its name's date) and its year only with a note when nothing tells, an
undated file noted, "Council-Minutes-2019-March-12" names read, a business paper or order
paper an agenda, action minutes minutes, a file's type from its name; an item with no text
a passage of its title, a capital-lettered sub-item's title apart from the sentence under
it; 29: an attendance label that would close a passage ("PRESENT:" after a heading block)
opens the next, with its list; 30: other councils' item labels and labelled lines: a US
board's "ITEM NO. 7 …" and an Irish minute reference "CC/18/143 …" open items, "Regrets:",
"Cathaoirleach:" and "Supervisors Absent:" lines are never titles, a "County Borough
Council" is that body, not "Borough Council"; 31: a running footer of any length that ends
in "Page N of M" set apart, "Township of … – Regular Council Minutes – June 19, 2018   Page
1 of 2", cuts the text into pages and goes, and a heading "BOARD OF SUPERVISORS, COUNTY OF
ALDER" names the county as council and the board as committee; 32: a US roll call's
"Staff:" list stays in its item, never a title, and a lettered sub-item "5A. …" / "3.a …"
under its numbered item opens an item of its own; 33: a lettered sub-item line ("3.b …",
"4B. …") opens its own paragraph in text without blank lines, not joined to the full line
before it); 34: other councils' attendance labels naming the members by their titles
("Trustees Present:", "Council Members Absent:", "Commissioners in attendance") head their
lists and are never titles, as "Members Present:" is (`indexer.attendance.MEMBER_HOLDERS`);
no passage of the eval corpora changes), so an index made by older rules is rebuilt instead
of silently reused."""


def chunking_settings(settings: Settings) -> dict[str, int | bool | str]:
    """The settings that shape passages, recorded in an index: changing any of them
    changes every passage, so an index built with others must be rebuilt."""
    return {
        "max_passage_tokens": settings.max_passage_tokens,
        "min_passage_tokens": settings.min_passage_tokens,
        "embed_title": True,
        "chunker": CHUNKER_VERSION,
    } | _embed_context(settings)


def _embed_context(settings: Settings) -> dict[str, int | bool | str]:
    """The embedded context line, recorded only when it is not the item title: indexes
    built before the setting existed embedded the item title and stay valid."""
    if settings.embed_context == "item":
        return {}
    return {"embed_context": settings.embed_context}


def bm25_settings(settings: Settings) -> Bm25:
    """The BM25 constants a publish scores the lexical index with."""
    return Bm25(k1=settings.bm25_k1, b=settings.bm25_b)


def bm25_record(settings: Settings) -> dict[str, float]:
    """The BM25 constants, and the analyser that made the terms, as an index records
    them (`IndexInfo.bm25`)."""
    return asdict(bm25_settings(settings)) | {"analyzer": ANALYZER_VERSION}


def recorded_bm25(info: IndexInfo) -> Bm25:
    """The constants an index's postings were scored with: an index from before they
    were recorded was scored with FTS5's."""
    if info.bm25 is None:
        return FTS5_BM25
    return Bm25(k1=info.bm25["k1"], b=info.bm25["b"])


def recorded_analyzer(info: IndexInfo) -> int:
    """The analyser version an index's terms were made with: version 1 before it was
    recorded (no analyser change came before the record)."""
    return int((info.bm25 or {}).get("analyzer", 1))


def lexical_mismatch(info: IndexInfo, settings: Settings) -> str | None:
    """Why the index's lexical scores do not match the settings, or None.

    Kept apart from `index_mismatches`: BM25 constants and the analyser only shape the
    lexical postings, which every publish rebuilds from the passage store in seconds, so the builder
    re-scores (no re-chunking, no re-embedding) while the reader refuses the index."""
    built, wanted = recorded_bm25(info), bm25_settings(settings)
    if built != wanted:
        return (
            f"its BM25 postings were scored with k1 {built.k1}, b {built.b}, "
            f"not k1 {wanted.k1}, b {wanted.b}"
        )
    analyzer = recorded_analyzer(info)
    if analyzer != ANALYZER_VERSION:
        return f"its terms were made by analyser {analyzer}, not {ANALYZER_VERSION}"
    return None


def index_mismatches(info: IndexInfo, settings: Settings, embedder: _Model) -> list[str]:
    """Every reason the index must be rebuilt from its documents, worded for the person
    rebuilding (a lexical-only mismatch is `lexical_mismatch`: a re-score suffices)."""
    problems = []
    if info.format_version != FORMAT_VERSION:
        problems.append(f"it has format {info.format_version}, not {FORMAT_VERSION}")
    if info.model != embedder.name:
        problems.append(f"it was built with model {info.model!r}, not {embedder.name!r}")
    elif info.dim != embedder.dim:
        problems.append(f"its vectors have {info.dim} dimensions, the model gives {embedder.dim}")
    if info.chunking != chunking_settings(settings):
        problems.append(f"it was chunked with {info.chunking}")
    return problems


def fix_command(root: Path) -> str:
    """The command that makes a mismatched index usable, worded once for the reader that
    refuses it and for `add`/`remove`, which cannot start it afresh."""
    return f"Rebuild it: python -m indexer build --index {root} --rebuild"


def check_index_matches(info: IndexInfo, settings: Settings, embedder: _Model, root: Path) -> None:
    """Refuse a mismatched index with the command that rebuilds it (or, when only its
    BM25 constants differ, the build that re-scores it: `make serve` runs that build)."""
    problems = index_mismatches(info, settings, embedder)
    if problems:
        raise IndexMismatchError(
            f"The index at {root} does not match the settings: {'; '.join(problems)}. "
            + fix_command(root)
        )
    lexical = lexical_mismatch(info, settings)
    if lexical is not None:
        raise IndexMismatchError(
            f"The index at {root} does not match the settings: {lexical}. Build it again "
            f"(the lexical index is re-scored in seconds, nothing is re-embedded): "
            f"python -m indexer build --index {root} with its corpus folders"
        )
