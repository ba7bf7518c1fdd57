"""Small real documents for reader and upload tests: PDFs with a text layer, written byte
by byte, Word files written with python-docx, and one legacy Word .doc saved by LibreOffice
(`LEGACY_DOC`; tests/data/ingestion/doc/build.py rebuilds it)."""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
import zlib
from pathlib import Path

LEGACY_DOC = Path(__file__).parent / "data" / "ingestion" / "doc" / "minutes_item41.doc"
"""Word 97-2003 minutes: seed document 003's item 41, 41.1-41.4 as paragraphs and 41.5-41.9
as table rows (number | text), under the 21 November 2018 meeting's heading."""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(pages: list[list[str | None]]) -> bytes:
    """A minimal PDF with a Helvetica text layer; `None` in a page's lines leaves a gap."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "72 740 Td", "14 TL"]
        for line in lines:
            if line is None:
                ops.append("T*")
            else:
                ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        stream = zlib.compress("\n".join(ops).encode("latin-1"))
        content_id = len(objects) + 2
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-"})  # fmt: skip


def paper_pdf(paragraphs: list[str], width: int = 90, lines_per_page: int = 45) -> bytes:
    """`paragraphs` printed as a PDF would print them: wrapped lines, a gap between
    paragraphs, pages of `lines_per_page` lines (Helvetica's Latin-1: quotes made plain)."""
    lines: list[str | None] = []
    for paragraph in paragraphs:
        plain = paragraph.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")
        lines += [*textwrap.wrap(plain, width), None]
    return build_pdf([lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)])


def legacy_doc_paragraphs(seed_text: str) -> list[str]:
    """What `LEGACY_DOC` says, as paragraphs, from seed document 003's text (as
    tests/data/ingestion/doc/build.py writes it): the heading, the item, 41.1-41.9."""
    numbered = re.findall(r"^(41\.\d)\s+(.+)$", seed_text, flags=re.M)
    return [
        "Children and Families Overview and Scrutiny Committee - Wednesday 21 November 2018",
        "Ofsted Improvement Letter:",
        *(f"{n}  {body}" for n, body in numbered),
        "ACTION: Chris Spencer/Andrea Clarke",
    ]


def one_name_two_formats(folder: Path, pdf_paragraphs: list[str]) -> Path:
    """A corpus `folder` (made, and returned resolved) holding "Minutes 1.doc" (the
    `LEGACY_DOC` fixture) beside "Minutes 1.pdf" printing `pdf_paragraphs`: one paper in
    two formats when they are `legacy_doc_paragraphs`, two papers under one name when not."""
    folder.mkdir()
    (folder / "Minutes 1.doc").write_bytes(LEGACY_DOC.read_bytes())
    (folder / "Minutes 1.pdf").write_bytes(paper_pdf(pdf_paragraphs))
    return folder.resolve()


def build_docx(heading: str, paragraphs: list[str], table: list[list[str]]) -> bytes:
    """Word minutes as officers write them: a title, a meeting line, an item heading,
    numbered paragraphs, and a table of numbered rows."""
    import docx

    document = docx.Document()
    document.add_heading("Agenda and minutes", level=1)
    document.add_paragraph(heading)
    for text in paragraphs:
        if text.endswith(":"):
            document.add_heading(text.rstrip(":"), level=2)
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_bomb(unpacked_bytes: int) -> bytes:
    """A real Word document whose `word/document.xml` unpacks to `unpacked_bytes` (about
    a thousandth of that packed): the document's paragraphs and then empty ones.

    Written by hand because deflating a gigabyte through `zipfile` takes 20 s: one
    megabyte is deflated once, ending on a full flush, and the same bytes repeated.
    """
    import struct

    real = zipfile.ZipFile(io.BytesIO(build_docx("Bomb", ["The committee met."], [])))
    parts = {name: real.read(name) for name in real.namelist()}
    xml = parts.pop("word/document.xml")
    head, tail = xml.rsplit(b"</w:body>", 1)
    tail = b"</w:body>" + tail
    empty = b"<w:p/>"
    block = empty * ((1 << 20) // len(empty))
    blocks, rest = divmod(unpacked_bytes - len(head) - len(tail), len(block))
    filler = empty * (rest // len(empty)) + b" " * (rest % len(empty))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    repeated = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(filler + tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(filler + tail, crc)
    entries = [("word/document.xml", first + repeated * blocks + last, crc, unpacked_bytes)]
    for name, data in parts.items():
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        entries.append((name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data)))
    out, directory = bytearray(), bytearray()
    for name, packed, crc, size in entries:
        fields = (20, 0, 8, 0, 0, crc, len(packed), size, len(name.encode()), 0)
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0,
                                 len(out)) + name.encode()  # fmt: skip
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name.encode() + packed
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory),
                      len(out), 0)  # fmt: skip
    return bytes(out + directory + end)


def build_odt(paragraphs: list[str], table: list[list[str]]) -> bytes:
    """OpenDocument text as LibreOffice writes it: `mimetype` first and stored, then
    `content.xml` with a heading, paragraphs (runs of spaces as `text:s`) and a table."""
    from xml.sax.saxutils import escape

    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    def para(line: str, tag: str = "p") -> str:
        number, _, rest = line.partition(" ")
        numbered = rest and number.replace(".", "").isdigit()
        body = f'{escape(number)}<text:s text:c="4"/>{escape(rest)}' if numbered else escape(line)
        return f"<text:{tag}>{body}</text:{tag}>"

    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
        + "</table:table-row>"
        for row in table
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        f' xmlns:text="{text_ns}" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' office:version="1.3"><office:body><office:text>'
        + para(paragraphs[0], "h")
        + "".join(para(p) for p in paragraphs[1:])
        + f"<table:table><table:table-column/>{rows}</table:table>"
        + "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
    return "".join(out)


def build_rtf(paragraphs: list[str], table: list[list[str]]) -> bytes:
    """Rich Text as Word saves it: font and colour tables, a `\\par` per paragraph, bold
    runs, non-ASCII as `\\'hh` in code page 1252 (£ is `\\'a3`), and a table row."""
    head = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}"
        "{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Msftedit 5.41;}"
        "{\\info{\\title Minutes}{\\author Democratic Services}}\\viewkind4\\uc1\n"
    )
    body = "\\pard\\b " + _rtf_escape(paragraphs[0]) + "\\b0\\par\n"
    body += "".join("\\pard " + _rtf_escape(p) + "\\par\n" for p in paragraphs[1:])
    for row in table:
        body += "\\trowd\\cellx2000\\cellx9000\n"
        body += "".join("\\pard\\intbl " + _rtf_escape(c) + "\\cell " for c in row) + "\\row\n"
    return (head + body + "}").encode("ascii")


def declare_size(data: bytes, name: str, unpacked: int) -> bytes:
    """`data` (a zip) with the size its central directory declares for part `name`'s
    unpacked bytes changed to `unpacked`: a directory that lies, the part itself intact."""
    import struct

    archive = zipfile.ZipFile(io.BytesIO(data))
    out = bytearray(data)
    at = archive.start_dir
    for _ in archive.infolist():
        assert out[at : at + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack("<HHH", out[at + 28 : at + 34])
        if out[at + 46 : at + 46 + name_len].decode() == name:
            out[at + 24 : at + 28] = struct.pack("<I", unpacked)
            return bytes(out)
        at += 46 + name_len + extra_len + comment_len
    raise KeyError(name)
