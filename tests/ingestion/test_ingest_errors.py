"""Bad input gives one clear error naming the file, never a library traceback."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from indexer.errors import CorpusError, IngestError
from indexer.ingest import SourceFile, discover, document_id_for, ingest_file
from tests.documents import build_docx

from .conftest import CountTokens

MakePdf = Callable[[list[list[str | None]]], bytes]
HEADER = "path,council,committee,meeting_date,date_precision,doc_type,title,source_url\n"


def _source(corpus: Path, name: str) -> SourceFile:
    (source,) = [s for s in discover(corpus) if s.relative_path == name]
    return source


def _error(corpus: Path, name: str, count_tokens: CountTokens) -> IngestError:
    with pytest.raises(IngestError) as info:
        ingest_file(_source(corpus, name), count_tokens)
    assert info.value.path.endswith(name)
    assert name in str(info.value)
    return info.value


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        discover(tmp_path / "nowhere")


def test_empty_file(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\n \t\n")
    assert "empty" in _error(tmp_path, "empty.txt", count_tokens).reason
    assert "empty" in _error(tmp_path, "blank.md", count_tokens).reason


def test_binary_renamed_txt(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "image.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    )
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 200 + b"\xff\xfe" * 100)
    assert "binary" in _error(tmp_path, "image.txt", count_tokens).reason
    assert "binary" in _error(tmp_path, "noise.txt", count_tokens).reason


def test_cp1252_text_is_read(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "old.txt").write_bytes(
        "The committee\u2019s budget was \u00a35 million.".encode("cp1252")
    )
    doc = ingest_file(_source(tmp_path, "old.txt"), count_tokens)
    assert doc.chunks[0].text == "The committee\u2019s budget was \u00a35 million."


def test_encrypted_pdf(tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Secret minutes."]]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "locked.pdf").write_bytes(buffer.getvalue())
    assert "encrypted" in _error(tmp_path, "locked.pdf", count_tokens).reason


def test_corrupt_pdf(tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens) -> None:
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (tmp_path / "fake.pdf").write_bytes(b"<p>not a pdf at all</p>" * 10)
    assert "PDF" in _error(tmp_path, "garbage.pdf", count_tokens).reason
    assert "not a PDF" in _error(tmp_path, "fake.pdf", count_tokens).reason


def test_pdf_without_text_layer(
    tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens
) -> None:
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[], []]))
    reason = _error(tmp_path, "scan.pdf", count_tokens).reason
    assert "no text" in reason and "scanned" in reason


def test_unknown_format_from_manifest(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "paper.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    (tmp_path / "manifest.csv").write_text(HEADER + "paper.docx,,,,,,,\ndata.csv,,,,,,,\n")
    assert "unknown format" in _error(tmp_path, "paper.docx", count_tokens).reason
    assert "unknown format" in _error(tmp_path, "data.csv", count_tokens).reason


def test_unlisted_unsupported_files_are_not_discovered(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "README.md").write_text("# About this folder\n")
    (tmp_path / ".hidden.txt").write_text("hidden\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "Minutes 1.TXT").write_text("The panel met.\n")
    assert [s.relative_path for s in discover(tmp_path)] == ["sub/Minutes 1.TXT"]
    assert discover(tmp_path)[0].document_id == "sub-minutes-1"


OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
"""The header of a legacy Office file (.doc, .xls, .ppt): a compound file, not a zip."""


def _zip(names: list[str]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def test_unread_document_formats_are_reported_not_dropped(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    (tmp_path / "Minutes 2019.dot").write_bytes(OLE2)
    (tmp_path / "Minutes 2019.pdf").write_bytes(b"%PDF-1.4\n")  # the same minutes, saved as PDF
    (tmp_path / "budget.xls").write_bytes(OLE2)
    (tmp_path / "budget.xlsx").write_bytes(_zip(["xl/workbook.xml"]))
    (tmp_path / "slides.pptx").write_bytes(_zip(["ppt/presentation.xml"]))
    (tmp_path / "old.wpd").write_bytes(b"\xffWPC" + bytes(100))
    (tmp_path / "macros.docm").write_bytes(build_docx("Cabinet", ["41.1 Noted."], []))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a document: unlisted
    sources = {s.relative_path: s for s in discover(tmp_path)}
    assert set(sources) == {
        "Minutes 2019.dot", "Minutes 2019.pdf", "budget.xls", "budget.xlsx", "slides.pptx",
        "old.wpd", "macros.docm",
    }  # fmt: skip
    doc = sources["Minutes 2019.dot"]
    assert doc.error == "a legacy Word template (.dot) is not read; save it as .docx or PDF"
    assert sources["Minutes 2019.pdf"].error is None  # the .dot beside it takes no id from it
    assert sources["Minutes 2019.pdf"].document_id == "minutes-2019"
    assert doc.document_id != "minutes-2019"
    assert "legacy Excel spreadsheet (.xls)" in str(sources["budget.xls"].error)
    assert "WordPerfect" in str(sources["old.wpd"].error)
    assert "Excel spreadsheet (.xlsx) is not read" in str(sources["budget.xlsx"].error)
    assert "PowerPoint" in str(sources["slides.pptx"].error)
    assert "macro-enabled Word document (.docm)" in str(sources["macros.docm"].error)
    # ingesting any of them raises that reason, naming the file
    assert (
        "Excel spreadsheet (.xlsx) is not read"
        in _error(tmp_path, "budget.xlsx", count_tokens).reason
    )
    assert "PowerPoint" in _error(tmp_path, "slides.pptx", count_tokens).reason
    assert "save it as .docx or PDF" in _error(tmp_path, "Minutes 2019.dot", count_tokens).reason


def test_a_listed_unread_file_gives_the_same_reason(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    (tmp_path / "minutes.dot").write_bytes(OLE2)
    (tmp_path / "manifest.csv").write_text(HEADER + "minutes.dot,C,P,2019-01-01,day,minutes,M,\n")
    reason = _error(tmp_path, "minutes.dot", count_tokens).reason
    assert reason == "a legacy Word template (.dot) is not read; save it as .docx or PDF"


def test_manifest_row_with_missing_file(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "here.txt").write_text("The panel met and agreed the plan.\n")
    (tmp_path / "manifest.csv").write_text(
        HEADER + "gone.pdf,Some Council,Panel,2024-01-01,day,minutes,Gone,\n"
        "here.txt,Some Council,Panel,2024-02-01,day,minutes,Here,\n"
    )
    sources = discover(tmp_path)
    assert [s.relative_path for s in sources] == ["gone.pdf", "here.txt"]
    gone = sources[0]
    assert gone.error is not None and "gone.pdf" in gone.error and "does not exist" in gone.error
    assert "does not exist" in _error(tmp_path, "gone.pdf", count_tokens).reason
    assert ingest_file(sources[1], count_tokens).meta.committee == "Panel"


def test_malformed_manifest_rows(tmp_path: Path, count_tokens: CountTokens) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("The panel met and agreed the plan.\n")
    (tmp_path / "manifest.csv").write_text(
        HEADER + "a.txt,C,P,21/11/2018,day,minutes,A,\n"
        "b.txt,C,P,2018-11-21,week,minutes,B,\n"
        "c.txt,C,P,2018-11-01,month,minutes,C,\n"
        ",C,P,2018-11-01,day,minutes,no path,\n"
    )
    sources = {s.relative_path: s for s in discover(tmp_path)}
    assert "ISO date" in _error(tmp_path, "a.txt", count_tokens).reason
    assert "date_precision 'week'" in _error(tmp_path, "b.txt", count_tokens).reason
    meta = ingest_file(sources["c.txt"], count_tokens).meta
    assert meta.date_precision == "month" and meta.date_approximate is True
    broken = [s for s in sources.values() if s.relative_path.startswith("manifest.csv")]
    assert len(broken) == 1 and broken[0].error and "without a path" in broken[0].error


def test_manifest_without_path_column(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("file,council\nx.txt,C\n")
    with pytest.raises(CorpusError, match="path"):
        discover(tmp_path)


def test_manifest_overrides_text_field_by_field(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "m.txt").write_text(
        "Agenda and minutes\n\nTest Panel - Tuesday 10 June 2025 7.00 pm\n\n1.1 The panel met.\n"
    )
    (tmp_path / "manifest.csv").write_text(
        "path,council,committee,meeting_date,date_precision,doc_type,title,source_url,date_approximate,notes\n"
        "m.txt,Some Council,,,,,,https://example.org/m,true,checked by hand\n"
    )
    meta = ingest_file(_source(tmp_path, "m.txt"), count_tokens).meta
    assert meta.council == "Some Council"
    assert meta.committee == "Test Panel"  # empty manifest cell: the text's value stands
    assert meta.meeting_date is not None and meta.meeting_date.isoformat() == "2025-06-10"
    assert meta.date_precision == "day"
    assert meta.date_approximate is True  # the explicit column wins over the precision
    assert meta.source_url == "https://example.org/m" and meta.notes == "checked by hand"


def test_document_ids() -> None:
    assert document_id_for("001_3bf3cecc07ef430f.txt") == "001_3bf3cecc07ef430f"
    assert (
        document_id_for("cabinet/2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf")
        == "cabinet-2025-01-30-printed-minutes-30th-jan-2025-10-00-cabinet"
    )
    long = "full_council/" + "A very long appendix title " * 6 + ".pdf"
    slug = document_id_for(long)
    digest = hashlib.sha1(long.removesuffix(".pdf").encode()).hexdigest()[:8]  # no extension
    assert (
        len(slug) == 99 and slug.endswith("-" + digest) and slug.startswith("full_council-a-very")
    )
    assert document_id_for(long.replace(".pdf", ".doc")) == slug  # one paper, two formats


def test_duplicate_document_ids_are_reported(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "a.txt").write_text("The panel met.\n")
    (tmp_path / "a.md").write_text("The panel met again.\n")
    sources = discover(tmp_path)
    assert [s.error is None for s in sources] == [True, False]
    duplicate = next(s.relative_path for s in sources if s.error)
    assert "same as" in _error(tmp_path, duplicate, count_tokens).reason
