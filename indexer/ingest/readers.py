"""Readers: turn a file's bytes into raw text, page by page, or into blocks for HTML.

The format is decided by content (magic bytes), not only by extension, so a PDF saved
as `.txt` is still read as a PDF and a binary file renamed `.txt` is refused cleanly.
Every failure a bad file can cause becomes an `IngestError` naming the file; anything
else (a bug) propagates.

Word documents (.docx, as officers write reports) are read with python-docx, paragraphs
and table rows in document order, as plain text. A .docx is a zip: before any part is
inflated, its directory is checked against `ZipLimits` (total unpacked size, packing
ratio), so a 1 MB file whose document.xml unpacks to 1 GB is refused in milliseconds
instead of taking gigabytes of memory. The directory can lie, and `zipfile` is no bound
then (it inflates a part's whole stream in one call and only afterwards cuts it to the
size the directory records), so `unzip` then inflates every part in small steps, counting
the bytes that really come out against the same limits; the readers parse only what it
returns.

OpenDocument text (.odt, a zip with `content.xml`) is read the same way, after the same
`check_zip`, with lxml (entities and network off). Rich Text (.rtf) is read by a small
tokenizer here: visible text only, `\\par` as paragraph breaks, `\\'hh` bytes in the
document's code page, table cells joined by tabs. Legacy Word (.doc, Word 97-2003, an OLE
compound file) is read from its piece table (`worddoc`, over `olefile`): paragraphs and
table rows as the .docx reader gives them. Document formats no reader handles
(spreadsheets, presentations, Word 6/95) are listed in `UNREAD_SUFFIXES` with the
reason a build reports for them.

PDFs are read with pypdfium2: on the 129 Kent PDFs it is about 14x faster than pypdf
and, unlike pypdf, it gives whole lines on the Kingston PDFs whose text layer holds one
word per line. Paragraph breaks are not in PDFium's text, so they are recovered from
the line pitch (a gap taller than a normal line means a new paragraph).
"""

from __future__ import annotations

import copy
import email
import email.message
import email.policy
import io
import re
import statistics
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from indexer.errors import IngestError
from indexer.ingest.worddoc import OLE_MAGIC, DocError, doc_lines, is_word_ole

if TYPE_CHECKING:
    from indexer.settings import Settings

Format = Literal["text", "pdf", "html", "mhtml", "docx", "odt", "rtf", "doc"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
PDF_SUFFIXES = frozenset({".pdf"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MHTML_SUFFIXES = frozenset({".mht", ".mhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
DOC_SUFFIXES = frozenset({".doc"})
ODT_SUFFIXES = frozenset({".odt"})
RTF_SUFFIXES = frozenset({".rtf"})
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
FORMAT_SUFFIX: dict[Format, str] = {
    "pdf": ".pdf", "docx": ".docx", "odt": ".odt", "rtf": ".rtf", "html": ".html",
    "mhtml": ".mht", "text": ".txt", "doc": ".doc",
}  # fmt: skip
"""The extension a file of each read format is kept under when this package names it (an
upload, a document fetched from a ModernGov site), so it is read as what it is."""
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    | PDF_SUFFIXES
    | HTML_SUFFIXES
    | MHTML_SUFFIXES
    | DOCX_SUFFIXES
    | DOC_SUFFIXES
    | ODT_SUFFIXES
    | RTF_SUFFIXES
)

_SAVE_AS = "save it as .docx or PDF"
_AS_PDF = "save it as PDF"
UNREAD_SUFFIXES: dict[str, str] = {
    ".dot": f"a legacy Word template (.dot) is not read; {_SAVE_AS}",
    ".docm": f"a macro-enabled Word document (.docm) is not read; {_SAVE_AS}",
    ".dotx": f"a Word template (.dotx) is not read; {_SAVE_AS}",
    ".dotm": f"a macro-enabled Word template (.dotm) is not read; {_SAVE_AS}",
    ".ott": f"an OpenDocument template (.ott) is not read; {_SAVE_AS}",
    ".fodt": f"a flat OpenDocument text (.fodt) is not read; {_SAVE_AS}",
    ".wpd": f"a WordPerfect document (.wpd) is not read; {_SAVE_AS}",
    ".wps": f"a Microsoft Works document (.wps) is not read; {_SAVE_AS}",
    ".wri": f"a Windows Write document (.wri) is not read; {_SAVE_AS}",
    ".pages": f"an Apple Pages document (.pages) is not read; {_SAVE_AS}",
    ".xps": f"an XPS document (.xps) is not read; {_AS_PDF}",
    ".xls": f"a legacy Excel spreadsheet (.xls) is not read; {_AS_PDF}",
    ".xlsx": f"an Excel spreadsheet (.xlsx) is not read; {_AS_PDF}",
    ".xlsm": f"a macro-enabled Excel spreadsheet (.xlsm) is not read; {_AS_PDF}",
    ".ods": f"an OpenDocument spreadsheet (.ods) is not read; {_AS_PDF}",
    ".numbers": f"an Apple Numbers spreadsheet (.numbers) is not read; {_AS_PDF}",
    ".ppt": f"a legacy PowerPoint presentation (.ppt) is not read; {_AS_PDF}",
    ".pptx": f"a PowerPoint presentation (.pptx) is not read; {_AS_PDF}",
    ".pps": f"a PowerPoint slide show (.pps) is not read; {_AS_PDF}",
    ".ppsx": f"a PowerPoint slide show (.ppsx) is not read; {_AS_PDF}",
    ".odp": f"an OpenDocument presentation (.odp) is not read; {_AS_PDF}",
}
"""Document-like extensions no reader handles, with the reason a build reports for them:
a corpus file with one of these is listed as failed, never dropped unseen (images, data
and archives are not documents and stay unlisted)."""


WORD_VARIANT_SUFFIXES = frozenset({".docm", ".dotx", ".dotm"})
"""Word's macro and template packages: zips like a .docx, but of a content type python-docx
refuses, so they are reported by their name whatever their content."""


def unread_reason(path: Path) -> str | None:
    """Why a file with a document-like extension no reader handles is not indexed.

    None when the extension is read, is not a document's, or when the file's content is
    a format read whatever the name (minutes saved by Word as RTF, as a web page or as a
    single-file web page but named .dot or .wps, a .docx renamed .dot): then the reader
    decides.
    Only the first bytes, and a zip's directory, are read.
    """
    reason = UNREAD_SUFFIXES.get(path.suffix.lower())
    if reason is None or path.suffix.lower() in WORD_VARIANT_SUFFIXES:
        return reason
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
        if _head_format(head) is not None:
            return None
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(path) as archive:
                return None if _zip_format(archive) else reason
    except Exception:  # a probe of untrusted bytes: unreadable means "not read"
        return reason
    return reason


def _zip_format(archive: zipfile.ZipFile) -> Format | None:
    """The read format a zip's directory names (docx, odt), or None (Excel, PowerPoint …)."""
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    odt = (
        "mimetype" in names
        and archive.getinfo("mimetype").file_size < _MIMETYPE_MAX
        and (_read_capped(archive, archive.getinfo("mimetype"), _MIMETYPE_MAX) or b"").strip()
        == ODT_MIMETYPE
    )
    return "odt" if odt else None


_MIMETYPE_MAX = 200
_STEP = 1 << 16
"""How much a part is inflated at a time: `zipfile` inflates at most this (or 4 KB) per
read when asked for a size, however far the part's stream really unpacks."""


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """A part's bytes as they really inflate, or None once they pass `cap`: the
    directory's declared size is not trusted (the caller checks it against the result).
    Only stored and deflated parts are read: zipfile inflates bzip2 and lzma without a
    bound per read."""
    if info.compress_type not in _ZIP_METHODS:
        raise NotImplementedError(f"zip method {info.compress_type}")
    probe = copy.copy(info)
    # zipfile cuts the part at the declared size, and checks the CRC there: declare more
    # than is ever read, so the real end of the stream (or the cap) is what stops it.
    probe.file_size = cap + 2 * _STEP
    steps: list[bytes] = []
    size = 0
    with archive.open(probe) as handle:
        while step := handle.read(_STEP):
            size += len(step)
            if size > cap:
                return None
            steps.append(step)
    return b"".join(steps)


@dataclass(frozen=True)
class Block:
    """One paragraph-sized piece of a structured source (HTML).

    `item`/`item_title` are set when the source itself says which agenda item the block
    belongs to; `heading` marks a label that opens a new section ("Decision:").
    """

    text: str
    item: str | None = None
    item_title: str | None = None
    heading: bool = False


@dataclass
class RawDocument:
    """What a reader found: page texts for text and PDF, blocks for HTML."""

    format: Format
    pages: list[str] = field(default_factory=list)
    paged: bool = False
    """True when `pages` are real pages (PDF, or a text file with form feeds)."""
    blocks: list[Block] | None = None
    header_lines: list[str] = field(default_factory=list)
    """Lines that describe the document (HTML title, meeting heading) for metadata."""


RATIO_FLOOR = 1 << 20
"""Parts smaller than this unpacked are not held to the ratio: a tiny, very regular part
(an empty styles table) packs tightly without being a threat."""


@dataclass(frozen=True)
class ZipLimits:
    """How far a zip-based document may unpack before it is parsed (settings-driven)."""

    max_unpacked_bytes: int = 100 * 1024 * 1024
    max_ratio: float = 100.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ZipLimits:
        """The zip-bomb limits the settings give (unpacked bytes, compression ratio)."""
        return cls(settings.max_unpacked_bytes, settings.max_compression_ratio)


def check_zip(path: Path, data: bytes, limits: ZipLimits, kind: str = "Word document") -> None:
    """Refuse a zip whose directory says it unpacks too far: checked before inflating.

    `kind` names the document in the messages ("Word document", "OpenDocument text").
    Only the directory is read, so a directory that lies passes here: `unzip` (which
    calls this first) is the bound on what is really inflated.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise IngestError(path, f"corrupt {kind}: not a readable zip ({exc})") from None
    total = sum(part.file_size for part in parts)
    if total > limits.max_unpacked_bytes:
        raise _too_large(path, kind, f"{total / 2**20:.0f} MB", limits, "before")
    for part in parts:
        if part.compress_type not in _ZIP_METHODS:
            raise IngestError(
                path,
                f"corrupt {kind}: part {part.filename[:80]!r} is packed with zip method "
                f"{part.compress_type}, which neither Word nor OpenDocument uses",
            )
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise _too_packed(path, kind, part.filename, f"{ratio:.0f}", limits, "before")


_ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
"""The only methods the formats use; bzip2 and lzma parts are inflated by `zipfile`
without a size bound per read, so they are refused from the directory."""


def _too_large(
    path: Path, kind: str, size: str | None, limits: ZipLimits, when: str
) -> IngestError:
    """The total limit's message; `size` None when reading stopped at the limit."""
    unpacks = "unpacks past" if size is None else f"unpacks to {size}, over"
    return IngestError(
        path,
        f"the {kind} {unpacks} the {limits.max_unpacked_bytes / 2**20:.0f} MB limit "
        f"(SCRUTINY_MAX_UNPACKED_BYTES); refused {when} reading (a zip bomb, or a file to "
        "split)",
    )


def _too_packed(
    path: Path, kind: str, name: str, ratio: str | None, limits: ZipLimits, when: str
) -> IngestError:
    """The ratio limit's message; `ratio` None when reading stopped at the limit."""
    packs = "packs past" if ratio is None else f"packs {ratio} to 1, over"
    return IngestError(
        path,
        f"part {name[:80]!r} of the {kind} {packs} the {limits.max_ratio:.0f} to 1 limit "
        f"(SCRUTINY_MAX_COMPRESSION_RATIO); refused {when} reading (a zip bomb)",
    )


def unzip(
    path: Path, data: bytes, limits: ZipLimits, kind: str = "Word document"
) -> dict[str, bytes]:
    """Every part of a zip-based document (name to bytes), inflated within `limits`.

    `check_zip` first refuses, from the directory alone, a zip that says it unpacks too
    far. Then each part is inflated a step at a time and the bytes that really come out
    are counted: a part whose directory entry understates its size (the way a bomb slips
    past a check that trusts the directory) is refused with the same messages as soon as
    the real bytes pass the total or the ratio limit, and one that inflates to more than
    its declared size within the limits is refused as corrupt (as `zipfile` refuses it, by
    its checksum, once it has inflated it whole). Memory stays within the limit however
    the directory lies.
    """
    check_zip(path, data, limits, kind)
    parts: dict[str, bytes] = {}
    total = 0
    understated: tuple[zipfile.ZipInfo, int] | None = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                budget = limits.max_unpacked_bytes - total
                packed = max(RATIO_FLOOR, int(limits.max_ratio * max(info.compress_size, 1)))
                body = _read_capped(archive, info, min(budget, packed))
                if body is None and budget <= packed:
                    raise _too_large(path, kind, None, limits, "while")
                if body is None:
                    raise _too_packed(path, kind, info.filename, None, limits, "while")
                if len(body) > info.file_size and understated is None:
                    understated = (info, len(body))
                total += len(body)
                parts[info.filename] = body
    except IngestError:
        raise
    except Exception as exc:  # zipfile and zlib raise many kinds on bad input
        raise IngestError(path, f"corrupt {kind}: {type(exc).__name__}") from exc
    if understated is not None:  # within the limits, so said after them
        info, size = understated
        raise IngestError(
            path,
            f"corrupt {kind}: part {info.filename[:80]!r} inflates to {size} bytes, more "
            f"than the {info.file_size} its zip directory declares",
        )
    return parts


def is_pdf(head: bytes) -> bool:
    """A PDF by its first bytes: "%PDF-" within the first 1024, where PDF readers look for
    the header (bytes before it, a byte-order mark or a gateway's leftovers, do not stop
    them). The one rule for the reader, the corpus scan and uploads."""
    return b"%PDF-" in head[:1024]


def _is_html(head: bytes) -> bool:
    """An HTML page by its first bytes (a council's web page, or Word's "save as web page",
    which older archives keep under a .doc name)."""
    lowered = head[:1024].lower()
    return lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered


def _is_mhtml(head: bytes) -> bool:
    """A single-file web page (MHTML: a MIME message holding the page and its pictures), as
    Word's "save as single file web page" writes it, by its first bytes."""
    lowered = head[:2048].lower()
    return (
        re.match(rb"[a-z-]+:", lowered) is not None
        and b"mime-version:" in lowered
        and b"multipart/related" in lowered
    )


def _head_format(data: bytes) -> Format | None:
    """The format the first bytes show, a zip's apart (its directory decides): PDF, RTF,
    a single-file web page or a web page. The one probe of `sniff_format` and
    `unread_reason`."""
    if is_pdf(data):
        return "pdf"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _is_mhtml(head):
        return "mhtml"
    if _is_html(head):
        return "html"
    return None


def sniff_format(data: bytes, suffix: str) -> Format | None:
    """Decide the format from the first bytes, falling back on the extension.

    A compound file is "doc" when it holds Word text, or when it is named .doc whatever it
    holds (then the .doc reader says why it cannot be read: password, damage, a
    spreadsheet); its directory may lie anywhere in the file, so `data` must be whole.
    The first bytes are probed once (`_head_format`): a PDF is one before its zip
    directory is looked for, the other formats they show only when no directory is."""
    head = _head_format(data)
    if head == "pdf":
        return "pdf"
    if (zipped := zip_format(data)) is not None:
        return zipped
    if data.startswith(OLE_MAGIC) and (suffix.lower() in DOC_SUFFIXES or is_word_ole(data)):
        return "doc"
    if head is not None:
        return head
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def read_file(path: Path, data: bytes, limits: ZipLimits | None = None) -> RawDocument:
    """Read `data` (the bytes of `path`) into a `RawDocument`, or raise `IngestError`.

    `limits` bound how far a zip-based format may unpack (defaults: `ZipLimits()`).
    """
    if not data.strip():
        raise IngestError(path, "the file is empty")
    fmt = sniff_format(data, path.suffix)
    if path.suffix.lower() in PDF_SUFFIXES and fmt != "pdf":
        raise IngestError(
            path, "not a PDF: the file lacks the %PDF header (corrupt or mislabelled)"
        )
    if fmt is None:
        if (reason := UNREAD_SUFFIXES.get(path.suffix.lower())) is not None:
            raise IngestError(path, reason)
        if data[:4] == b"PK\x03\x04":
            kind = (
                "a zip container that is neither a Word .docx nor an OpenDocument .odt "
                "(Excel? PowerPoint? damaged?)"
            )
        elif data.startswith(OLE_MAGIC):
            kind = (
                "an Office compound file without Word text (a legacy Excel or PowerPoint "
                "file? password-protected? damaged?)"
            )
        else:
            kind = f"extension {path.suffix or '(none)'!r}"
        raise IngestError(
            path,
            f"unknown format: {kind}; supported are plain text (.txt, .text, .md), PDF, HTML, "
            "Word (.docx, .doc), OpenDocument text (.odt) and Rich Text (.rtf)",
        )
    if fmt == "pdf":
        return read_pdf(path, data)
    if fmt == "docx":
        if path.suffix.lower() in WORD_VARIANT_SUFFIXES:
            raise IngestError(path, UNREAD_SUFFIXES[path.suffix.lower()])
        return read_docx(path, unzip(path, data, limits or ZipLimits()))
    if fmt == "doc":
        if (reason := UNREAD_SUFFIXES.get(path.suffix.lower())) is not None:
            raise IngestError(path, reason)  # a template (.dot) by its name, as .dotx
        return read_doc(path, data)
    if fmt == "odt":
        return read_odt(path, unzip(path, data, limits or ZipLimits(), "OpenDocument text"))
    if fmt == "rtf":
        return read_rtf(path, data)
    if fmt == "html":
        return read_html(path, decode_text(path, data, allow_binary_check=False))
    if fmt == "mhtml":
        return read_mhtml(path, data)
    return read_text(path, data)


def decode_text(path: Path, data: bytes, *, allow_binary_check: bool = True) -> str:
    """Decode UTF-8, falling back to cp1252; refuse content that is clearly binary."""
    if allow_binary_check and b"\x00" in data[:65536]:
        raise IngestError(path, "binary content (NUL bytes) in a text file: not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if allow_binary_check and _looks_binary(text):
            raise IngestError(
                path, "binary content in a text file: not valid UTF-8 and mostly control bytes"
            ) from None
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return odd / len(sample) > 0.05


def read_text(path: Path, data: bytes) -> RawDocument:
    """Plain text; form feeds, where a PDF-to-text dump kept them, mark pages."""
    text = decode_text(path, data)
    if not text.strip():
        raise IngestError(path, "no text: the file holds only whitespace")
    if "\f" in text:
        return RawDocument(format="text", pages=text.split("\f"), paged=True)
    return RawDocument(format="text", pages=[text], paged=False)


def zip_format(data: bytes) -> Format | None:
    """The read format of a zip's bytes, whatever the file's name says: "docx" (it holds
    `word/document.xml`), "odt" (its `mimetype` names OpenDocument text), else None."""
    if data[:4] != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _zip_format(archive)
    except Exception:  # a probe of untrusted bytes: any failure means "no format we read"
        return None


def read_docx(path: Path, parts: Mapping[str, bytes]) -> RawDocument:
    """Paragraphs and table rows in document order, a blank line between paragraphs.

    `parts` are the package's parts as `unzip` inflated them; python-docx reads them
    from a stored (uncompressed) copy of the package, so it inflates nothing itself.
    A table row becomes one line, its cells joined by a tab, so a minutes table laid out
    as number | text reads "41.4<tab>The committee noted …" like typed minutes.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as stored:
        for name, body in parts.items():
            stored.writestr(name, body)
    try:
        document = docx.Document(package)
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text.strip())
            elif isinstance(block, Table):
                for row in block.rows:
                    cells = dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())
                    lines.append("\t".join(cells))
    except Exception as exc:  # python-docx raises many kinds (KeyError, lxml errors) on bad input
        raise IngestError(path, f"corrupt Word document: {type(exc).__name__}") from exc
    return _lines_document(path, lines, "docx", "Word document")


def read_doc(path: Path, data: bytes) -> RawDocument:
    """Legacy Word (.doc): paragraphs and table rows of the main text, as a .docx is read
    (`worddoc` reads the piece table; a password or damage is an `IngestError`)."""
    try:
        lines = doc_lines(data)
    except DocError as exc:
        raise IngestError(path, str(exc)) from exc
    return _lines_document(path, lines, "doc", "Word document")


def _lines_document(path: Path, lines: list[str], fmt: Format, kind: str) -> RawDocument:
    """A document read as paragraphs and table rows (Word, OpenDocument): one unpaged text,
    a blank line between its lines; refused when it holds none."""
    text = "\n\n".join(line for line in lines if line)
    if not text.strip():
        raise IngestError(path, f"no text: the {kind} holds no paragraphs or tables")
    return RawDocument(format=fmt, pages=[text], paged=False)


_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def read_odt(path: Path, parts: Mapping[str, bytes]) -> RawDocument:
    """OpenDocument text (`content.xml`): headings, paragraphs and table rows in order.

    Read like a .docx: a blank line between paragraphs, a table row as one line with its
    cells joined by a tab. Notes (footnotes) and tracked deletions are left out. The XML
    is parsed with entities and network access off; `parts` are the package's parts as
    `unzip` inflated them.
    """
    from lxml import etree

    try:
        content = parts["content.xml"]
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        root = etree.fromstring(content, parser)
    except Exception as exc:  # KeyError (no content.xml), zip and XML errors on bad input
        raise IngestError(path, f"corrupt OpenDocument text: {type(exc).__name__}") from exc
    body = root.find(f"{_ODF_OFFICE}body/{_ODF_OFFICE}text")
    lines: list[str] = []
    if body is not None:
        _odf_blocks(body, lines)
    return _lines_document(path, lines, "odt", "OpenDocument")


def _odf_blocks(element: Any, lines: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
            lines.append(_odf_inline(child).strip())
        elif tag == f"{_ODF_TABLE}table-row":
            cells: list[str] = []
            for cell in child.iter(f"{_ODF_TABLE}table-cell"):
                parts: list[str] = []
                _odf_blocks(cell, parts)
                cells.append(" ".join(p for p in parts if p))
            lines.append("\t".join(dict.fromkeys(c for c in cells if c)))
        elif tag in (f"{_ODF_TEXT}tracked-changes", f"{_ODF_TEXT}note", f"{_ODF_OFFICE}forms"):
            continue
        else:  # lists, sections, tables, table headers: their paragraphs in order
            _odf_blocks(child, lines)


def _odf_inline(element: Any) -> str:
    """The text of one paragraph: spans followed, `text:s` runs of spaces, tabs, breaks."""
    out = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == f"{_ODF_TEXT}s":
            out.append(" " * int(child.get(f"{_ODF_TEXT}c", "1") or 1))
        elif tag == f"{_ODF_TEXT}tab":
            out.append("\t")
        elif tag == f"{_ODF_TEXT}line-break":
            out.append("\n")
        elif tag not in (f"{_ODF_TEXT}note", f"{_ODF_OFFICE}annotation"):
            out.append(_odf_inline(child))
        out.append(child.tail or "")
    return "".join(out)


_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word and its number
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z])"  # a control symbol: \\ \{ \} \~ \* ...
    rb"|([{}])|[\r\n]+|([^\\{}\r\n]+)"  # a group's edge, line ends (ignored), text
)
_RTF_SKIPPED = frozenset(
    b"""fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer
    footerl footerr footerf footnote annotation themedata colorschememapping datastore
    latentstyles listtable listoverridetable rsidtbl generator xmlnstbl mmathPr fldinst
    filetbl revtbl pgdsctbl private""".split()
)
_RTF_BREAKS = {b"par": "\n\n", b"line": "\n", b"sect": "\n\n", b"page": "\n\n", b"row": "\n\n"}
_RTF_CHARS = {
    b"tab": "\t", b"cell": "\t", b"emdash": "\u2014", b"endash": "\u2013", b"bullet": "\u2022",
    b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d",
    b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}  # fmt: skip


def read_rtf(path: Path, data: bytes) -> RawDocument:
    """Rich Text: the visible text, a blank line per `\\par`, a table row as tab-joined cells.

    Font, colour and style tables, pictures, headers, footers and `\\*` destinations are
    skipped, as are `\\binN` raw bytes; `\\'hh` bytes are decoded in the document's code
    page (`\\ansicpg`, default 1252) and `\\uN` characters replace the `\\ucN` fallback
    bytes after them.
    """
    if not data.lstrip().startswith(b"{\\rtf"):
        raise IngestError(path, "not Rich Text: the file lacks the {\\rtf header")
    codepage = "cp1252"
    if (found := re.search(rb"\\ansicpg(\d+)", data[:4096])) is not None:
        codepage = f"cp{found.group(1).decode()}"
        try:
            "".encode(codepage)
        except LookupError:
            codepage = "cp1252"
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (a multi-byte code page needs that)
    stack: list[tuple[bool, int]] = []
    skip, uc, fallback = False, 1, 0

    def flush() -> None:
        if pending:
            out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    depth_guard = 0
    position = 0
    while (match := _RTF_TOKEN.match(data, position)) is not None:
        position = match.end()
        word, arg, hexbyte, symbol, brace, plain = match.groups()
        if word == b"bin":  # raw bytes (a picture's), which may hold braces: stepped over
            position += max(int(arg or 0), 0)
            continue
        if brace == b"{":
            depth_guard += 1
            if depth_guard > 10000:
                raise IngestError(path, "corrupt Rich Text: groups nested too deep")
            stack.append((skip, uc))
            continue
        if brace == b"}":
            flush()
            depth_guard -= 1
            skip, uc = stack.pop() if stack else (skip, uc)
            fallback = 0
            continue
        if fallback and (hexbyte is not None or plain is not None or symbol is not None):
            if plain is not None and len(plain) > fallback:  # the rest of the run is text
                plain = plain[fallback:]
                fallback = 0
            else:
                fallback -= 1 if plain is None else len(plain)
                fallback = max(fallback, 0)
                continue
        if word is not None:
            if word in _RTF_SKIPPED:
                skip = True
            elif word == b"uc" and arg is not None:
                uc = int(arg)
            elif skip:
                continue
            elif word == b"u" and arg is not None:
                flush()
                out.append(chr(int(arg) % 65536))
                fallback = uc
            elif word in _RTF_BREAKS:
                flush()
                out.append(_RTF_BREAKS[word])
            elif word in _RTF_CHARS:
                flush()
                out.append(_RTF_CHARS[word])
            continue
        if skip:
            continue
        if symbol is not None:
            if symbol == b"*":
                skip = True
            elif symbol in b"\\{}":
                flush()
                out.append(symbol.decode())
            elif symbol == b"~":
                flush()
                out.append("\u00a0")
            elif symbol in b"-_":
                continue
            elif symbol in b"\r\n":
                flush()
                out.append("\n\n")
        elif hexbyte is not None:
            pending.append(int(hexbyte, 16))
        elif plain is not None:
            flush()
            out.append(plain.decode(codepage, errors="replace"))
    flush()
    paragraphs = [
        "\t".join(c.strip() for c in block.split("\t") if c.strip()) if "\t" in block else block
        for block in (b.strip() for b in re.split(r"\n\s*\n", "".join(out)))
    ]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise IngestError(path, "no text: the Rich Text document holds no paragraphs")
    return RawDocument(format="rtf", pages=[text], paged=False)


def read_pdf(path: Path, data: bytes) -> RawDocument:
    """PDF text layer, one string per page, blank lines where the layout shows a gap."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise IngestError(path, "encrypted PDF: it needs a password to open") from None
        raise IngestError(path, f"unreadable or corrupt PDF ({exc})") from None
    try:
        pages: list[str] = []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                pages.append(_page_text(page))
                page.close()
            except pdfium.PdfiumError as exc:
                raise IngestError(
                    path, f"corrupt PDF: page {index + 1} unreadable ({exc})"
                ) from None
    finally:
        pdf.close()
    if not pages:
        raise IngestError(path, "the PDF has no pages")
    if not any(p.strip() for p in pages):
        raise IngestError(
            path,
            f"no text: none of its {len(pages)} pages has a text layer "
            "(a scanned PDF? run OCR on it first)",
        )
    return RawDocument(format="pdf", pages=pages, paged=True)


def _page_text(page: Any) -> str:
    """A page's lines, with an empty line wherever the line pitch says a paragraph ends."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        aligned = len(text) == count
        marks = _superscript_marks(textpage, text) if aligned else set()
        lines: list[tuple[float | None, str]] = []
        pos = 0
        for raw in re.split(r"\r\n|\r|\n", text):
            if marks and not marks.isdisjoint(range(pos, pos + len(raw))):
                kept = "".join(ch for k, ch in enumerate(raw) if pos + k not in marks)
                stripped = kept.strip() or raw.strip()
            else:
                stripped = raw.strip()
            if stripped:
                bottom: float | None = None
                if aligned:
                    first = pos + len(raw) - len(raw.lstrip())
                    last = pos + len(raw.rstrip()) - 1
                    b1 = textpage.get_charbox(first, loose=True)[1]
                    b2 = textpage.get_charbox(last, loose=True)[1]
                    bottom = min(b1, b2)
                lines.append((bottom, stripped))
            pos += len(raw) + 2
    finally:
        textpage.close()
    pitches = [
        a[0] - b[0]
        for a, b in zip(lines, lines[1:], strict=False)
        if a[0] is not None and b[0] is not None and a[0] - b[0] > 1
    ]
    pitch = 12.0
    if pitches:
        # The normal line pitch: a low quantile of the steps, ignoring tiny ones
        # (superscripts), so that pages with many paragraph gaps still measure right.
        median = statistics.median(pitches)
        usual = sorted(p for p in pitches if p >= 0.6 * median)
        pitch = usual[len(usual) // 4] if len(pitches) >= 8 else min(pitches)
    out: list[str] = []
    previous: float | None = None
    for bottom, line in lines:
        if out and previous is not None and bottom is not None:
            step = previous - bottom
            if step > 1.3 * pitch or step < -pitch:
                out.append("")
        out.append(line)
        previous = bottom
    return "\n".join(out)


_SUPERSCRIPT_SIZE = 0.8
"""A footnote mark is set smaller than the text it follows: under this share of its size."""
_SUPERSCRIPT_RISE = 0.2
"""... and raised: its bottom above the previous character's by this share of its size."""


def _superscript_marks(textpage: Any, text: str) -> set[int]:
    """Indexes of footnote marks: digits set smaller and raised, glued to what they follow.

    PDFium gives a superscript as a plain digit, so "17 of the 38¹ indicators" read "17 of
    the 381 indicators", "taxes²" read "taxes2" and "development¹⁰⁴" read
    "development104". A digit smaller than the character before it and raised above its
    baseline is a mark, not part of the word or figure; a mark after a word of one or two
    letters is left (a unit's power, "m²", or a formula's, "CO₂"). A mark of several
    digits is measured against the character before its first digit.
    """
    import pypdfium2.raw as pdfium_c

    marks: set[int] = set()
    for index in range(1, len(text)):
        if not text[index].isdigit():
            continue
        ref = index - 1
        while ref in marks:
            ref -= 1
        if ref < 0 or text[ref].isspace():
            continue
        before = text[ref]
        if before.isalpha():
            word = re.search(r"[A-Za-z]+$", text[max(0, ref - 3) : ref + 1])
            if word is not None and len(word[0]) <= 2:
                continue
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
        base = pdfium_c.FPDFText_GetFontSize(textpage.raw, ref)
        if base <= 0 or size >= _SUPERSCRIPT_SIZE * base:
            continue
        rise = textpage.get_charbox(index)[1] - textpage.get_charbox(ref)[1]
        if rise > _SUPERSCRIPT_RISE * base:
            marks.add(index)
    return marks


_MG_SKIP_CLASSES = ("mgFileSize", "mgHide")
_MG_VOTES_LINK = re.compile(r"mgListRecordedVotes", re.IGNORECASE)
"""The "View Recorded Vote for this item" link after an item's vote table: navigation,
which had read as a list item of the minutes' last paragraph."""


def read_mhtml(path: Path, data: bytes) -> RawDocument:
    """A single-file web page: its HTML part, decoded from the message's transfer encoding
    (quoted-printable, base64) and charset by the standard library's email parser, read as
    any HTML page; the pictures beside it are left."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        page = next(
            (part for part in message.walk() if part.get_content_type() == "text/html"), None
        )
        html = page.get_content() if isinstance(page, email.message.EmailMessage) else None
    except Exception as exc:  # the email parser raises many kinds on bad input
        raise IngestError(path, f"corrupt web archive (MHTML): {type(exc).__name__}") from exc
    if not isinstance(html, str) or not html.strip():
        raise IngestError(path, "a web archive (MHTML) without an HTML page: nothing to read")
    return read_html(path, html)


def read_html(path: Path, text: str) -> RawDocument:
    """HTML, with ModernGov "Agenda and minutes" pages read item by item.

    A ModernGov page lists items in `table.mgItemTable`: the number cell gives the item
    number, `p.mgAiTitleTxt` its title, `p.mgSubItemTitleTxt` labels ("Minutes:",
    "Decision:") open sections, and the `mgWordPara` divs hold the text. Attachment
    lists, recorded-vote tables and their links, and the page chrome are left out. A
    page without items (a cancelled meeting) yields its heading and notices, so the
    document still says that the meeting did not take place.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for br in soup.find_all("br"):  # a line break parts words ("Present:<br>Cllr A")
        br.replace_with("\n")
    header: list[str] = []
    if soup.title and soup.title.get_text(strip=True):
        header.append(_inline_text(soup.title))
    for heading in soup.select("h1.mgMainTitleTxt, h2.mgSubTitleTxt"):
        header.append(_inline_text(heading))
    table = soup.find("table", class_="mgItemTable")
    if table is not None:
        blocks = _moderngov_blocks(table)
    elif soup.find(id="modgov") is not None:
        blocks = _moderngov_front_blocks(soup)
    else:
        blocks = _generic_blocks(soup)
    if not any(b.text.strip() for b in blocks):
        raise IngestError(path, "no text: the HTML page has no readable content")
    return RawDocument(format="html", blocks=blocks, header_lines=header)


def _inline_text(tag: Any) -> str:
    """Text of an element as it reads: Word's spans inside words must not add spaces."""
    raw = tag.get_text("")
    return re.sub(r"\s+", " ", raw).strip()


def _moderngov_blocks(table: Any) -> list[Block]:
    blocks: list[Block] = []
    for row in table.find_all("tr"):
        number_cell = row.find("td", class_="mgItemNumberCell")
        cells = row.find_all("td", recursive=False)
        if number_cell is None or len(cells) < 2:
            continue
        number = _inline_text(number_cell).rstrip(".").strip() or None
        body = cells[-1]
        for tag in body.find_all(["span"], class_=list(_MG_SKIP_CLASSES)):
            tag.decompose()
        for link in body.find_all("a", href=_MG_VOTES_LINK):
            link.decompose()
        title_tag = body.find("p", class_="mgAiTitleTxt")
        title = _inline_text(title_tag) if title_tag is not None else None
        for element in body.find_all(["p", "li"]):
            if (
                element is title_tag
                or _inside(element, "table", body)
                or _inside(element, "ul", body, "mgBulletList")
            ):
                continue
            classes = element.get("class") or []
            text = _inline_text(element)
            if not text:
                continue
            if "mgSubItemTitleTxt" in classes:
                if text.lower().startswith(("additional documents", "supporting documents")):
                    continue
                blocks.append(
                    Block(text=text.rstrip(":"), item=number, item_title=title, heading=True)
                )
            elif element.name == "p" and element.find(["p", "li"]) is None:
                blocks.append(Block(text=text, item=number, item_title=title))
            elif element.name == "li" and element.find(["p"]) is None:
                blocks.append(Block(text=f"- {text}", item=number, item_title=title))
    return blocks


def _inside(element: Any, name: str, stop: Any, cls: str | None = None) -> bool:
    """True when `element` sits in a `name` tag (with class `cls`) below `stop`."""
    parent = element.parent
    while parent is not None and parent is not stop:
        if parent.name == name and (cls is None or cls in (parent.get("class") or [])):
            return True
        parent = parent.parent
    return False


def _moderngov_front_blocks(soup: Any) -> list[Block]:
    """One passage for a page without items: its heading and notices, as sentences."""
    parts: list[str] = []
    subtitle = soup.find("h2", class_="mgSubTitleTxt")
    if subtitle is not None:
        parts.append(_inline_text(subtitle))
    content = soup.find("div", class_="mgContent")
    if content is not None:
        for p in content.find_all("p"):
            text = _inline_text(p)
            if text and not text.lower().startswith("contact"):
                parts.append(text)
    sentences = [p if p.endswith((".", "!", "?")) else f"{p}." for p in parts]
    return [Block(text=" ".join(sentences))] if sentences else []


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_READ_BLOCKS = (*_HEADINGS, "p", "li", "pre")
"""Elements read as one block each, as a page writes its paragraphs."""
_BLOCK_TAGS = (
    *_READ_BLOCKS, "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
    "fieldset", "figure", "main", "ol", "section", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
)  # fmt: skip
"""Block-level elements: one holding none of them is a leaf of the page's text."""


def _generic_blocks(soup: Any) -> list[Block]:
    """A page that is not ModernGov's: its headings, paragraphs and list items, each a
    block, in document order; a table row whose cells hold no paragraphs is one block, its
    cells joined by a tab (as a Word table row reads: "41.4<tab>The committee noted …"); the
    text any other element holds beside its blocks (a `div`, cell or quote, or a list item
    around a sub-list) is a block too, split where two line breaks run together. Other
    councils' minutes pages write paragraphs so, and a reader of `p` alone would drop them.

    Mixed content ("Resolved: <p>That …</p> and that …") is read in document order: the
    runs of text between an element's block children are blocks of their own, between the
    blocks read from the children, and every piece of text is read once. The walk keeps its
    own stack, so a deeply nested page cannot exhaust Python's recursion."""
    from bs4 import CData, NavigableString

    body = soup.body or soup
    for tag in body.find_all(["nav", "header", "footer", "form"]):
        tag.decompose()
    blocks: list[Block] = []
    # A frame: the element's remaining children, its current run of text, and the
    # marker its first run takes ("- " in a list item).
    stack: list[tuple[Any, list[str], list[str]]] = [(iter(body.children), [], [""])]
    while stack:
        children, run, marker = stack[-1]
        child = next(children, None)
        if child is None:
            _flush_run(run, marker, blocks)
            stack.pop()
        elif isinstance(child, NavigableString):
            if type(child) in (NavigableString, CData):  # not comments or declarations
                run.append(str(child))
        elif not _is_block(child):
            run.append(child.get_text(""))
        else:
            _flush_run(run, marker, blocks)
            marker[0] = ""
            if child.name in _READ_BLOCKS and child.find(["p", "li"]) is None:
                if text := _inline_text(child):
                    prefix = "- " if child.name == "li" else ""
                    blocks.append(Block(text=prefix + text, heading=child.name in _HEADINGS))
            elif child.name == "tr" and _is_leaf_row(child):
                cells = [_inline_text(c) for c in child.find_all(["td", "th"], recursive=False)]
                if any(cells):
                    blocks.append(Block(text="\t".join(c for c in cells if c)))
            else:
                stack.append((iter(child.children), [], ["- " if child.name == "li" else ""]))
    if not blocks:
        text = body.get_text("\n")
        blocks = [Block(text=part) for part in re.split(r"\n\s*\n", text) if part.strip()]
    return blocks


def _is_block(element: Any) -> bool:
    """A block-level element, or an inline one wrapping blocks (old Word pages put whole
    paragraphs inside `font` or `span`): either ends the run of text before it."""
    return element.name in _BLOCK_TAGS or element.find(_BLOCK_TAGS) is not None


def _flush_run(run: list[str], marker: list[str], blocks: list[Block]) -> None:
    """The run of text gathered so far as blocks, split where two line breaks run
    together; the first takes the element's marker (a list item's "- ")."""
    raw = "".join(run)
    run.clear()
    for part in re.split(r"\n\s*\n", raw):
        if text := re.sub(r"\s+", " ", part).strip():
            blocks.append(Block(text=marker[0] + text))
            marker[0] = ""


def _is_leaf_row(row: Any) -> bool:
    """A table row whose cells hold text only (no paragraphs, lists or inner tables)."""
    return row.find([b for b in _BLOCK_TAGS if b not in ("td", "th")]) is None
