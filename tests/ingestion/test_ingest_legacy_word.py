"""Legacy Word (.doc, Word 97-2003): a real file saved by LibreOffice from the seed minutes
(tests/data/ingestion/doc/build.py), read through the real reader."""

from __future__ import annotations

import re
import struct
from datetime import date
from pathlib import Path

import pytest

from indexer.errors import IngestError
from indexer.ingest import discover, ingest_file
from indexer.ingest.readers import read_file, sniff_format, unread_reason
from indexer.models import ParsedDocument
from tests.documents import LEGACY_DOC

from .conftest import CORPUS, CountTokens

FIXTURE = LEGACY_DOC


def _seed_paragraphs() -> dict[str, str]:
    """Item 41's numbered paragraphs in the seed text (003), by number."""
    text = (CORPUS / "003_315652f360b52df6.txt").read_text(encoding="utf-8")
    return {n: body.strip() for n, body in re.findall(r"^(41\.\d)\s+(.+)$", text, flags=re.M)}


def _ingest(corpus: Path, name: str, data: bytes, count_tokens: CountTokens) -> ParsedDocument:
    (corpus / name).write_bytes(data)
    (source,) = [s for s in discover(corpus) if s.relative_path == name]
    assert source.error is None
    return ingest_file(source, count_tokens)


def _fib_offset(data: bytes) -> int:
    """Where the WordDocument stream (its File Information Block) starts in the file: at a
    sector boundary, with Word's magic and a Word 97 or later version."""
    (found,) = [m.start() for m in re.finditer(b"\xec\xa5", data) if m.start() % 512 == 0]
    assert struct.unpack_from("<H", data, found + 2)[0] >= 0x00C1
    return found


def test_legacy_word_minutes_are_read_as_paragraphs_items_and_table_rows(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    """Paragraphs (41.1-41.4) and table rows (41.5-41.9, number | text) come through the
    same clean, metadata and chunk path as a .docx: every numbered paragraph is its own
    passage under its item, with the seed's text word for word, and the meeting's date
    and committee are found; a .doc named .txt is read by its content."""
    data = FIXTURE.read_bytes()
    assert sniff_format(data, ".doc") == sniff_format(data, ".txt") == "doc"
    seed = _seed_paragraphs()
    for name in ("minutes_item41.doc", "renamed.txt"):
        doc = _ingest(tmp_path, name, data, count_tokens)
        assert doc.meta.meeting_date == date(2018, 11, 21)
        assert doc.meta.committee == "Children and Families Overview and Scrutiny Committee"
        by_para = {c.paragraph: c for c in doc.chunks}
        assert set(seed) <= set(by_para)
        for number, body in seed.items():
            assert " ".join(by_para[number].text.split()).startswith(" ".join(body.split()))
            assert by_para[number].item_title == "Ofsted Improvement Letter"
        assert "colleagues to ‘bounce’ ideas off" in by_para["41.4"].text


def test_a_password_protected_or_word_95_doc_is_refused_with_what_to_do(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    data = FIXTURE.read_bytes()
    fib = _fib_offset(data)
    (flags,) = struct.unpack_from("<H", data, fib + 0x0A)
    encrypted = bytearray(data)
    struct.pack_into("<H", encrypted, fib + 0x0A, flags | 0x0100)  # fEncrypted
    word95 = bytearray(data)
    struct.pack_into("<H", word95, fib + 2, 0x0065)  # nFib of Word 6/95
    with pytest.raises(IngestError, match=r"locked\.doc: a password-protected Word \.doc"):
        _ingest(tmp_path, "locked.doc", bytes(encrypted), count_tokens)
    with pytest.raises(IngestError, match=r"old\.doc: a Word 6/95 \.doc .*save it as \.docx"):
        _ingest(tmp_path, "old.doc", bytes(word95), count_tokens)


def test_a_damaged_doc_or_another_compound_file_named_doc_is_refused_by_name(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    data = FIXTURE.read_bytes()
    fib = _fib_offset(data)
    no_word = data.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le"))
    assert no_word != data
    cut = data[: fib + 1024]  # the directory and table stream gone
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)  # a compound file's magic only
    cases = {
        "sheet.doc": (no_word, "a compound file without Word text"),
        "cut.doc": (cut, "corrupt Word .doc"),
        "header.doc": (header, "corrupt Word .doc"),
    }
    for name, (body, message) in cases.items():
        with pytest.raises(IngestError, match=rf"{re.escape(name)}: {re.escape(message)}"):
            _ingest(tmp_path, name, body, count_tokens)
    # under another name such a compound file is no format we read, and is told apart
    assert sniff_format(no_word, ".bin") is None
    with pytest.raises(IngestError, match="an Office compound file without Word text"):
        read_file(Path("sheet.bin"), no_word)


def test_a_word_template_stays_unread_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "letter.dot").write_bytes(FIXTURE.read_bytes())
    (source,) = discover(tmp_path)
    assert source.error == "a legacy Word template (.dot) is not read; save it as .docx or PDF"
    assert unread_reason(tmp_path / "letter.dot") == source.error
    with pytest.raises(IngestError, match="legacy Word template"):
        read_file(tmp_path / "letter.dot", FIXTURE.read_bytes())


def test_word_marks_in_the_text_a_field_shows_its_result_and_a_row_its_cells() -> None:
    """Word's own marks in a .doc's text: a field's code is dropped and its result kept
    (nested too), a row's cells end with \\x07 and the row with one more, \\x0b is a line
    break, 0x1e a non-breaking hyphen; a deep nest of unclosed fields stays linear."""
    from indexer.ingest.worddoc import _lines

    text = (
        'See \x13 HYPERLINK "http://x" \x14the report\x15 (page \x13 PAGE \x13 A \x14B\x15'
        "\x14 3\x15).\r41.1\x07Noted\x07\x0741.2\x07Agreed\x07\x07Co\x1eopted\x0bmembers\r"
    )
    assert _lines(text) == [
        "See the report (page  3).", "41.1\tNoted", "41.2\tAgreed", "Co-opted\nmembers",
    ]  # fmt: skip
    assert _lines("\x13" * 200_000 + "x") == []
