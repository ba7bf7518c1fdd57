"""Legacy Word (.doc, Word 97-2003 binary) text, read from the document's piece table.

A .doc is an OLE compound file (read with `olefile`, pure Python). Its `WordDocument`
stream starts with the File Information Block (FIB); the FIB points into the table stream
(`0Table` or `1Table`) at the CLX, whose piece table maps the document's characters to
runs of bytes in `WordDocument`: 8-bit (Windows-1252) or UTF-16 runs, in any order (a
fast-saved file appends its edits as new pieces). Reading the pieces in order gives the
main text as Word holds it (MS-DOC 2.4.1), with its own marks: `\\r` ends a paragraph,
`\\x07` ends a table cell and a row, `\\x13 … \\x14 … \\x15` wraps a field (its code,
then the result shown), `\\x0b` is a line break and `\\x0c` a page or section break.

Only the main text is read (no headers, footers, footnotes or comments), as the .docx
reader reads only the body. Every failure a bad file can cause raises `DocError` with a
message for the build report; the caller names the file.
"""

from __future__ import annotations

import bisect
import io
import re
import struct
from typing import Any

__all__ = ["DocError", "OLE_MAGIC", "doc_lines", "is_word_ole"]

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
"""The first bytes of an OLE compound file (legacy .doc, .xls, .ppt)."""

_WORD_IDENT = 0xA5EC
_WORD97_NFIB = 0x00C1
"""The FIB's nFib for Word 97 and every later binary version (2000-2003 keep it at least)."""
_FIB_ENCRYPTED = 0x0100
_FIB_TABLE1 = 0x0200
_FIB_OBFUSCATED = 0x8000
_CLX_INDEX = 33
"""fcClx/lcbClx is the 34th (fc, lcb) pair of FibRgFcLcb97."""
_PAPX_INDEX = 13
"""fcPlcfBtePapx/lcbPlcfBtePapx, the 14th pair: where the paragraph properties' pages are."""
_ROW_END_SPRMS = frozenset({0x2417, 0x244C})
"""sprmPFTtp and sprmPFInnerTtp: this paragraph mark ends a table row (outer, nested)."""
_ROW_END = "\ue000"
"""Stands in the text for a \\x07 whose paragraph properties say it ends a row."""
_SECTOR = 512
_PIECE_BYTES = 8
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_DROPPED = re.compile("[\x00-\x06\x08\x0e-\x12\x16-\x1f\ufffe\uffff]")
"""Word's object anchors, footnote and comment marks and hyphenation marks (0x1e, a
non-breaking hyphen, becomes "-" before this)."""


class DocError(Exception):
    """A .doc that cannot be read: the message says why and what to do."""


def is_word_ole(data: bytes) -> bool:
    """A compound file holding a `WordDocument` stream (a .doc or .dot by content); False
    for an Excel or PowerPoint file and for bytes that are no compound file."""
    if not data.startswith(OLE_MAGIC):
        return False
    try:
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("WordDocument"))
    except Exception:  # a probe of untrusted bytes: unreadable means "not a Word file"
        return False


def doc_lines(data: bytes) -> list[str]:
    """The paragraphs of a .doc's main text in order, a table row as one line of its cells
    joined by a tab (as the .docx reader gives them); raises `DocError`."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError and more on a damaged directory
        raise DocError(f"corrupt Word .doc: not a readable compound file ({exc})") from exc
    with ole:
        if not ole.exists("WordDocument"):
            raise DocError(
                "a compound file without Word text (an Excel or PowerPoint file named .doc?); "
                "save it as .docx or PDF"
            )
        try:
            word = ole.openstream("WordDocument").read()
            text = _main_text(ole, word)
        except DocError:
            raise
        except Exception as exc:  # a damaged FIB, table stream or sector chain
            raise DocError(f"corrupt Word .doc: {type(exc).__name__}: {exc}") from exc
    return _lines(text)


def _main_text(ole: Any, word: bytes) -> str:
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != _WORD_IDENT:
        raise DocError("corrupt Word .doc: the WordDocument stream has no Word header")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & (_FIB_ENCRYPTED | _FIB_OBFUSCATED):
        raise DocError(
            "a password-protected Word .doc is not read; remove the password and save it "
            "as .docx or PDF"
        )
    if nfib < _WORD97_NFIB:
        raise DocError("a Word 6/95 .doc (older than Word 97) is not read; save it as .docx or PDF")
    # FibBase (32 bytes), then three arrays each after its count: fibRgW (16-bit words),
    # fibRgLw (32-bit; ccpText, the main text's length, is its 4th) and fibRgFcLcb.
    offset = 32
    (csw,) = struct.unpack_from("<H", word, offset)
    offset += 2 + 2 * csw
    (cslw,) = struct.unpack_from("<H", word, offset)
    (ccp_text,) = struct.unpack_from("<i", word, offset + 2 + 12)
    offset += 2 + 4 * cslw
    (pairs,) = struct.unpack_from("<H", word, offset)
    if pairs <= _CLX_INDEX:
        raise DocError("corrupt Word .doc: the file information block is cut short")
    fc_clx, lcb_clx = struct.unpack_from("<II", word, offset + 2 + 8 * _CLX_INDEX)
    table_name = "1Table" if flags & _FIB_TABLE1 else "0Table"
    if not ole.exists(table_name):
        raise DocError(f"corrupt Word .doc: its table stream {table_name} is missing")
    table = ole.openstream(table_name).read()
    clx = table[fc_clx : fc_clx + lcb_clx]
    if len(clx) != lcb_clx or lcb_clx == 0:
        raise DocError("corrupt Word .doc: its piece table lies outside the table stream")
    pieces = _piece_table(clx)
    try:
        ends = _row_end_ranges(word, table, offset + 2 + 8 * _PAPX_INDEX)
    except (struct.error, IndexError, ValueError):  # damaged properties: rows found by text
        ends = []
    return _pieces_text(word, pieces, ends)[: max(ccp_text, 0)]


def _piece_table(clx: bytes) -> bytes:
    """The PlcPcd of a CLX: skip its Prc entries (0x01, 16-bit size, property bytes) to the
    Pcdt (0x02, 32-bit size, the table)."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:
        (size,) = struct.unpack_from("<h", clx, pos + 1)
        pos += 3 + max(size, 0)
    if pos >= len(clx) or clx[pos] != 0x02:
        raise DocError("corrupt Word .doc: no piece table in its CLX")
    (size,) = struct.unpack_from("<I", clx, pos + 1)
    table = clx[pos + 5 : pos + 5 + size]
    if len(table) != size or (size - 4) % (4 + _PIECE_BYTES):
        raise DocError("corrupt Word .doc: its piece table is cut short")
    return table


def _row_end_ranges(word: bytes, table: bytes, pair: int) -> list[tuple[int, int]]:
    """The byte ranges of `word` holding paragraphs that end a table row: the paragraph
    properties' pages (PlcBtePapx → 512-byte FKPs) read for sprmPFTtp. Sorted by start."""
    fc, lcb = struct.unpack_from("<II", word, pair)
    plc = table[fc : fc + lcb]
    count = (len(plc) - 4) // 8
    ranges: list[tuple[int, int]] = []
    for i in range(count):
        (pn,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 4 * i)
        page = word[(pn & 0x3FFFFF) * _SECTOR : ((pn & 0x3FFFFF) + 1) * _SECTOR]
        if len(page) < _SECTOR:
            continue
        runs = page[_SECTOR - 1]
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for j in range(runs):
            at = 2 * page[4 * (runs + 1) + 13 * j]
            if at and _ends_row(page, at):
                ranges.append((fcs[j], fcs[j + 1]))
    return sorted(ranges)


def _ends_row(page: bytes, at: int) -> bool:
    """Whether the PapxInFkp at `at` holds sprmPFTtp (or sprmPFInnerTtp) set."""
    size = page[at]
    start, size = (at + 2, 2 * page[at + 1]) if size == 0 else (at + 1, 2 * size - 1)
    grpprl = page[start + 2 : start + size]  # after the style index
    pos = 0
    while pos + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, pos)
        pos += 2
        spra = sprm >> 13
        if spra == 6:  # variable: a length byte first (sprmPChgTabs and TDefTable aside)
            if sprm == 0xD608:
                width = struct.unpack_from("<H", grpprl, pos)[0] + 1
            else:
                width = grpprl[pos] + 1
        else:
            width = (1, 1, 2, 4, 2, 2, 0, 3)[spra]
        if sprm in _ROW_END_SPRMS and pos < len(grpprl) and grpprl[pos]:
            return True
        pos += width
    return False


def _pieces_text(word: bytes, plc: bytes, row_ends: list[tuple[int, int]]) -> str:
    """Each piece's characters from `word`: 8-bit Windows-1252 when its fc has bit 30 set
    (at fc / 2), else UTF-16; a \\x07 lying in a row-ending paragraph becomes `_ROW_END`."""
    count = (len(plc) - 4) // (4 + _PIECE_BYTES)
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    parts: list[str] = []
    for i in range(count):
        chars = cps[i + 1] - cps[i]
        if chars <= 0:
            continue
        (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + _PIECE_BYTES * i + 2)
        if fc & 0x40000000:
            start, width = (fc & 0x3FFFFFFF) // 2, 1
            raw = word[start : start + chars]
            text = raw.decode("cp1252", errors="replace")
        else:
            start, width = fc, 2
            raw = word[fc : fc + 2 * chars]
            text = raw.decode("utf-16-le", errors="replace")
        if len(raw) < chars * width:
            raise DocError("corrupt Word .doc: a piece of its text lies past the stream's end")
        text = text.replace(_ROW_END, "\ufffd")
        if row_ends and "\x07" in text:
            marks = list(text)
            for k, char in enumerate(marks):
                if char == "\x07" and _within(row_ends, start + width * k):
                    marks[k] = _ROW_END
            text = "".join(marks)
        parts.append(text)
    return "".join(parts)


def _within(ranges: list[tuple[int, int]], fc: int) -> bool:
    at = bisect.bisect_right(ranges, (fc, 1 << 62)) - 1
    return at >= 0 and ranges[at][0] <= fc < ranges[at][1]


def _without_field_codes(text: str) -> str:
    """Keep a field's result (what Word shows: a page number, a hyperlink's text) and drop
    its code; fields nest."""
    if _FIELD_BEGIN not in text:
        return text
    out: list[str] = []
    showing: list[bool] = []  # per open field: past its separator (its result) or not
    hidden = 0  # open fields still in their code; counted, so a deep nest stays linear
    for char in text:
        if char == _FIELD_BEGIN:
            showing.append(False)
            hidden += 1
        elif char == _FIELD_SEPARATOR and showing:
            hidden -= not showing[-1]
            showing[-1] = True
        elif char == _FIELD_END and showing:
            hidden -= not showing.pop()
        elif not hidden:
            out.append(char)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Paragraphs and table rows. In the text a cell ends with \\x07 and its row with one
    more \\x07, the row's own mark, which the paragraph properties tell apart (`_ROW_END`).
    Where they could not be read, a row is the run of cells before a doubled mark (an empty
    cell inside a row doubles it too and starts a new line, its text kept)."""
    rows_marked = _ROW_END in text
    text = _without_field_codes(text).replace("\x1e", "-").replace("\xa0", " ")
    text = _DROPPED.sub("", text).replace("\x0b", "\n").replace("\x0c", "\r")
    lines: list[str] = []
    for paragraph in text.split("\r"):
        if "\x07" not in paragraph:
            lines.append(paragraph.replace(_ROW_END, "").strip())
            continue
        rows = paragraph.split(_ROW_END) if rows_marked else re.split("\x07\x07", paragraph)
        for row in rows:
            cells = dict.fromkeys(c.strip() for c in row.split("\x07") if c.strip())
            lines.append("\t".join(cells))
    return [line for line in lines if line]
