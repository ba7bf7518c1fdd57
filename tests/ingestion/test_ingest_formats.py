"""HTML, PDF and the real Kingston and Kent archives."""

from __future__ import annotations

import html
import io
import quopri
import re
import time
import zipfile
from collections.abc import Callable
from datetime import date
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from indexer.errors import IngestError
from indexer.ingest import discover, ingest_file, readers
from indexer.models import ParsedDocument
from tests.documents import build_docx, build_odt, build_rtf

from .conftest import CORPUS, DATA, CountTokens

MakePdf = Callable[[list[list[str | None]]], bytes]

KENT_SAMPLE = [
    "cabinet/2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
    "full_council/2025-01-09/Printed minutes 09th-Jan-2025 10.00 County Council.pdf",
    "cabinet/2025-01-30/Draft Revenue Budget 2025-26 and 2025-28 MTFP and Draft Capital "
    "Programme 2025-35.pdf",
    "full_council/2025-02-13/Appendix F - All templates.pdf",
    "cabinet/2025-01-30/24-00108 - Appendix - NOV 2024-25.pdf",
    "full_council/2025-03-13/Appendix 2 - Call-in submission 24-00093 Seashells and Millmead.pdf",
    "cabinet/2025-01-30/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf",
]


def _ingest_one(corpus: Path, relative: str, count_tokens: CountTokens) -> ParsedDocument:
    (source,) = [s for s in discover(corpus) if s.relative_path == relative]
    return ingest_file(source, count_tokens)


def test_moderngov_html_fixture_gives_items_and_paragraphs(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    (tmp_path / "minutes.html").write_bytes((DATA / "moderngov_minutes.html").read_bytes())
    doc = _ingest_one(tmp_path, "minutes.html", count_tokens)
    assert doc.meta.committee == "Test Scrutiny Panel"
    assert doc.meta.meeting_date == date(2025, 6, 10)
    assert doc.meta.doc_type == "agenda and minutes"
    assert doc.meta.council is None
    by_para = {c.paragraph: c for c in doc.chunks}
    assert by_para["12.1"].item == "12"
    assert by_para["12.1"].item_title == "Library Opening Hours Review"
    assert by_para["12.1"].text == (
        "The Head of Libraries introduced the report. Opening hours at the Surbiton branch "
        "would be extended on Saturdays from September 2025."
    )
    assert by_para["12.2"].text.endswith("paid staff would cover them.\nACTION: Head of Libraries")
    assert by_para["13.1"].item_title == "Street Lighting Update"
    assert by_para["13.1"].text.endswith("would be replaced by March 2026")
    text = "\n".join(c.text for c in doc.chunks)
    for noise in ("PDF 91 KB", "Annex 1 - Survey", "Recorded Vote", "not text", "View directions"):
        assert noise not in text
    assert doc.chunks[0].text == "To consider the review of library opening hours."


def test_synthetic_pdf_gives_pages_and_paragraphs(
    tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens
) -> None:
    pages: list[list[str | None]] = [
        [
            "Test Scrutiny Panel - Tuesday 10 June 2025 7.00 pm",
            None,
            "5. School Transport",
            None,
            "5.1 The panel considered the report on home to school transport. Costs had",
            "risen by twelve per cent over the year and the recom-",
            "mendation was to review eligibility.",
            None,
            "5.2 Members asked how many families would be affected by the review.",
        ],
        [
            "5.3 The officer said that about four hundred families would be contacted",
            "before the end of the year.",
            None,
            "6. Library Services",
            None,
            "6.1 The panel noted the new opening hours.",
        ],
    ]
    (tmp_path / "minutes.pdf").write_bytes(make_pdf(pages))
    doc = _ingest_one(tmp_path, "minutes.pdf", count_tokens)
    assert doc.meta.pages == 2
    assert doc.meta.committee == "Test Scrutiny Panel"
    assert doc.meta.meeting_date == date(2025, 6, 10)
    by_para = {c.paragraph: c for c in doc.chunks}
    assert set(by_para) == {None, "5.1", "5.2", "5.3", "6.1"}
    assert by_para[None].text == "Test Scrutiny Panel - Tuesday 10 June 2025 7.00 pm"
    assert by_para["5.1"].text == (
        "The panel considered the report on home to school transport. Costs had risen by "
        "twelve per cent over the year and the recommendation was to review eligibility."
    )
    assert (by_para["5.1"].page, by_para["5.2"].page, by_para["5.3"].page) == (1, 1, 2)
    assert (by_para["5.1"].item, by_para["5.1"].item_title) == ("5", "School Transport")
    assert (by_para["6.1"].item, by_para["6.1"].item_title) == ("6", "Library Services")
    assert by_para["5.3"].text.endswith("would be contacted before the end of the year.")


def test_a_lone_number_is_a_page_number_only_at_the_page_top_or_foot(
    tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens
) -> None:
    # Kent's minerals and waste plan reports: the PDF gives "26th March 2021 - 9" over "th
    # April 2021" as "9" on a line of its own, and "2025-" over "26." the same way; read
    # as page numbers, the day and the year's end were lost. The page's own number, at its
    # foot, still goes.
    pages: list[list[str | None]] = [
        [
            "Cabinet - Tuesday 4 March 2025 10.00 am",
            None,
            "5. Minerals and Waste Local Plan",
            None,
            "5.1 The plan was consulted on with key stakeholders from 26th March 2021 -",
            "9",
            "th April 2021. The budget for 2025-",
            "26.",
            None,
            "5.2 Members noted the consultation.",
            None,
            "7",
        ],
    ]
    (tmp_path / "plan.pdf").write_bytes(make_pdf(pages))
    doc = _ingest_one(tmp_path, "plan.pdf", count_tokens)
    text = " ".join(c.text for c in doc.chunks)
    assert re.search(r"26th March 2021 - 9\s*th April 2021", text), text
    assert re.search(r"2025-\s*26\.", text), text
    assert not re.search(r"\b7\b", text), text


def test_pdf_saved_as_txt_is_read_as_pdf(
    tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens
) -> None:
    (tmp_path / "report.txt").write_bytes(
        make_pdf([["The panel met and agreed the plan in full."]])
    )
    doc = _ingest_one(tmp_path, "report.txt", count_tokens)
    assert doc.meta.pages == 1
    assert doc.chunks[0].text == "The panel met and agreed the plan in full."
    assert doc.chunks[0].page == 1


def test_a_pdf_with_bytes_before_its_header_is_read_as_a_pdf_whatever_its_name(
    tmp_path: Path, make_pdf: MakePdf, count_tokens: CountTokens
) -> None:
    """One rule, "%PDF-" within the first 1024 bytes, for the corpus scan and the reader:
    the scan looked only at the start and reported such minutes kept as .doc as legacy
    Word, though the reader reads them."""
    paragraphs, _ = _seed_minutes()
    first = paragraphs[2].replace("\u2019", "'")[:90]  # Helvetica's text layer is Latin-1
    pdf = make_pdf([[paragraphs[0], None, first]])
    (tmp_path / "Minutes 21 November 2018.doc").write_bytes(b"X-Scanned-By: gateway\r\n\r\n" + pdf)
    source = next(iter(discover(tmp_path)))
    assert source.error is None  # not reported as legacy Word
    doc = _ingest_one(tmp_path, "Minutes 21 November 2018.doc", count_tokens)
    assert doc.meta.pages == 1 and doc.meta.meeting_date == date(2018, 11, 21)
    assert first[first.index("(DCS)") :] in " ".join(c.text for c in doc.chunks)


def test_kingston_pdfs_read_as_sentences(archives: Path, count_tokens: CountTokens) -> None:
    docs = {s.relative_path: ingest_file(s, count_tokens) for s in discover(archives / "kingston")}
    assert set(docs) == {
        "Agenda_151.html",
        "Agenda_412.html",
        "ManorgatePetition.pdf",
        "ZebraCrossing.pdf",
    }
    petition = docs["ManorgatePetition.pdf"]
    assert petition.meta.pages == 7
    assert petition.meta.council == "Royal Borough of Kingston upon Thames"
    assert petition.meta.meeting_date == date(2026, 1, 15)
    text = "\n".join(c.text for c in petition.chunks)
    assert (
        "To address a petition received seeking a solution to congestion, conflict, speeding "
        "and through traffic on Manorgate Road." in text
    )
    words = text.split()
    # One word per line in the text layer; whole sentences here.
    assert sum(len(line.split()) for line in text.splitlines()) / len(text.splitlines()) > 8
    assert len(words) > 1500
    assert {c.page for c in petition.chunks} == set(range(1, 8))
    zebra = "\n".join(c.text for c in docs["ZebraCrossing.pdf"].chunks)
    assert "zebra crossing on Coombe Lane West" in zebra


def test_kingston_moderngov_page_items(archives: Path, count_tokens: CountTokens) -> None:
    doc = _ingest_one(archives / "kingston", "Agenda_151.html", count_tokens)
    titles: dict[str, str | None] = {}
    for chunk in doc.chunks:
        assert chunk.item is not None
        titles.setdefault(chunk.item, chunk.item_title)
    assert list(titles) == [str(n) for n in range(54, 66)]
    assert titles["56"] == "Apologies for Absence"
    assert (
        titles["59"]
        == "Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road"
    )
    item_56 = [c.text for c in doc.chunks if c.item == "56"]
    assert item_56 == [
        "Apologies were received from Councillors Noel Hadjimichael, Patrick Hall and John Sweeney."
    ]
    text = "\n".join(c.text for c in doc.chunks)
    assert "view the full minutes text" not in text and "PDF 161 KB" not in text
    assert "Additional documents" not in text and "Annex 1 - Wolverton Avenue" not in text


def test_cancelled_meeting_is_a_small_valid_document(
    archives: Path, count_tokens: CountTokens
) -> None:
    """Decision: a cancelled meeting is not an error; its page says it was cancelled."""
    doc = _ingest_one(archives / "kingston", "Agenda_412.html", count_tokens)
    assert len(doc.chunks) == 1
    assert "CANCELLED" in doc.chunks[0].text
    assert "No documents are available for this meeting" in doc.chunks[0].text
    assert "alice.aubrey" not in doc.chunks[0].text
    assert doc.meta.meeting_date == date(2025, 12, 4)


def test_kent_printed_minutes_items(archives: Path, count_tokens: CountTokens) -> None:
    doc = _ingest_one(archives / "kent", KENT_SAMPLE[0], count_tokens)
    assert doc.meta.committee == "Cabinet" and doc.meta.meeting_date == date(2025, 1, 30)
    titles: dict[str, str | None] = {}
    for chunk in doc.chunks:
        if chunk.item:
            titles.setdefault(chunk.item, chunk.item_title)
    assert list(titles) == [str(n) for n in range(84, 93)]
    assert titles["84"] == "Apologies"
    assert titles["87"] == "Cabinet Member Updates"
    assert titles["90"].startswith("24/00109 - Transfer the 18-25 section")  # type: ignore[union-attr]
    council = _ingest_one(archives / "kent", KENT_SAMPLE[1], count_tokens)
    numbered = [c.paragraph for c in council.chunks if c.paragraph and "(" in c.paragraph]
    assert "285(1)" in numbered


def test_kent_sample_within_token_limit(archives: Path, count_tokens: CountTokens) -> None:
    sources = {s.relative_path: s for s in discover(archives / "kent")}
    assert len(sources) == 129 and not any(s.error for s in sources.values())
    for relative in KENT_SAMPLE:
        doc = ingest_file(sources[relative], count_tokens)
        assert doc.chunks and doc.meta.pages
        assert doc.meta.council == "Kent County Council"
        for chunk in doc.chunks:
            assert count_tokens(chunk.text) <= 240, (relative, chunk.ordinal)
            assert chunk.page is not None and 1 <= chunk.page <= doc.meta.pages


@pytest.mark.slow
def test_all_kent_pdfs_ingest(archives: Path, count_tokens: CountTokens) -> None:
    started = time.perf_counter()
    chunks = 0
    for source in discover(archives / "kent"):
        try:
            doc = ingest_file(source, count_tokens)
        except IngestError as exc:  # allowed: a PDF without a text layer
            assert "no text" in exc.reason, exc
            continue
        chunks += len(doc.chunks)
        assert all(count_tokens(c.text) <= 240 for c in doc.chunks), source.relative_path
    elapsed = time.perf_counter() - started
    print(f"129 Kent PDFs: {chunks} chunks in {elapsed:.1f} s")
    assert chunks > 5000


def _minutes_docx() -> bytes:
    return build_docx(
        "Children and Families Scrutiny Committee - Wednesday 15 March 2023 10.00 am",
        [
            "41. Foster Carer Recruitment:",
            "41.1 The committee heard that the fostering service had recruited 41 new foster "
            "carers in the year, the highest number since 2015.",
        ],
        [["41.2", "Members asked for a breakdown of carer retention by district."]],
    )


def test_word_minutes_are_read_in_document_order(tmp_path: Path, count_tokens: CountTokens) -> None:
    (tmp_path / "minutes.docx").write_bytes(_minutes_docx())
    (tmp_path / "renamed.txt").write_bytes(_minutes_docx())  # read by content, not name
    for name in ("minutes.docx", "renamed.txt"):
        doc = _ingest_one(tmp_path, name, count_tokens)
        assert doc.meta.meeting_date == date(2023, 3, 15)
        assert doc.meta.committee == "Children and Families Scrutiny Committee"
        by_para = {c.paragraph: c for c in doc.chunks}
        assert by_para["41.1"].text.startswith("The committee heard that the fostering service")
        assert by_para["41.1"].item_title == "Foster Carer Recruitment"
        assert "breakdown of carer retention" in by_para["41.2"].text


def test_damaged_word_document_is_refused_by_name(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    data = bytearray(_minutes_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename)
    data[start : start + 200] = b"\x00" * 200  # the compressed body of document.xml
    (tmp_path / "minutes.docx").write_bytes(bytes(data))
    with pytest.raises(IngestError, match="minutes.docx.*corrupt Word document"):
        _ingest_one(tmp_path, "minutes.docx", count_tokens)


def _seed_minutes() -> tuple[list[str], list[list[str]]]:
    """The 21 November 2018 minutes' heading, item 41's title with 41.1 and 41.4, and
    item 46's 46.1 (a £ figure) as a table row, from the seed corpus."""
    lines = [ln.strip() for ln in (CORPUS / "001_3bf3cecc07ef430f.txt").read_text().splitlines()]

    def para(number: str) -> str:
        found = next(m for ln in lines if (m := re.match(rf"{re.escape(number)}\s+(.+)", ln)))
        return f"{number} {found.group(1).strip()}"

    meeting = next(ln for ln in lines if ln.startswith("Children and Families") and "2018" in ln)
    paragraphs = [meeting, "Ofsted Improvement Letter", para("41.1"), para("41.4")]
    return paragraphs, [["46.1", para("46.1")[5:]]]


@pytest.mark.parametrize("suffix", [".odt", ".rtf"])
def test_opendocument_and_rich_text_minutes_are_read(
    tmp_path: Path, count_tokens: CountTokens, suffix: str
) -> None:
    paragraphs, table = _seed_minutes()
    data = build_odt(paragraphs, table) if suffix == ".odt" else build_rtf(paragraphs, table)
    if suffix == ".rtf":
        assert b"\\'a3" in data and b"\\'92" in data  # £ and ’ escaped as Word writes them
    (tmp_path / f"minutes{suffix}").write_bytes(data)
    (tmp_path / f"renamed{suffix}.doc").write_bytes(data)  # read by content, not name
    for name in (f"minutes{suffix}", f"renamed{suffix}.doc"):
        doc = _ingest_one(tmp_path, name, count_tokens)
        assert doc.meta.meeting_date == date(2018, 11, 21)
        by_para = {c.paragraph: c for c in doc.chunks}
        assert {"41.1", "41.4", "46.1"} <= set(by_para)
        assert by_para["41.1"].item_title == "Ofsted Improvement Letter"
        assert "currently about 40% of the workforce was agency staff" in by_para["41.4"].text
        assert "colleagues to ‘bounce’ ideas off" in by_para["41.4"].text
        assert "an overspend position of £6.4 million" in by_para["46.1"].text
        assert "Times New Roman" not in " ".join(c.text for c in doc.chunks)


def test_opendocument_zip_bomb_is_refused_before_inflating(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    paragraphs, table = _seed_minutes()
    data = build_odt(paragraphs, table)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "a") as bomb:
        for info in source.infolist():
            bomb.writestr(info, source.read(info))
        bomb.writestr("Pictures/filler.xml", b" " * (300 * 2**20), zipfile.ZIP_DEFLATED)
    (tmp_path / "minutes.odt").write_bytes(buffer.getvalue())
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"minutes.odt.*OpenDocument text unpacks to 300 MB"):
        _ingest_one(tmp_path, "minutes.odt", count_tokens)
    assert time.perf_counter() - started < 2


def test_damaged_opendocument_and_rich_text_are_refused_by_name(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content")
    (tmp_path / "broken.odt").write_bytes(buffer.getvalue())
    (tmp_path / "empty.rtf").write_bytes(b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\par}")
    with pytest.raises(IngestError, match="broken.odt.*corrupt OpenDocument text"):
        _ingest_one(tmp_path, "broken.odt", count_tokens)
    with pytest.raises(IngestError, match="empty.rtf.*no text"):
        _ingest_one(tmp_path, "empty.rtf", count_tokens)


def test_rich_text_skips_pictures_and_unicode_fallbacks() -> None:
    """Word's RTF: a `\\uN` character followed by its `\\'hh` fallback, a field's result
    without its instruction, and a `\\bin` picture whose raw bytes hold braces."""
    from indexer.ingest.readers import read_file

    data = (
        b"{\\rtf1\\ansi\\ansicpg1252\\uc1{\\fonttbl{\\f0 Arial;}}{\\*\\generator Word;}"
        b"\\pard 41.1 The council\\u8217\\'92s letter, "
        b'{\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt online}}.\\par'
        b"{\\pict\\bin8 }PNGDAT{}\\pard 41.2 Costs of \\'a35 million\\~a year.\\par}"
    )
    text = read_file(Path("minutes.rtf"), data).pages[0]
    assert (
        text
        == "41.1 The council\u2019s letter, online.\n\n41.2 Costs of \u00a35 million\u00a0a year."
    )


def test_minutes_word_saved_as_a_web_page_named_doc_are_read(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    """Word's "save as web page" under a .doc name, as older archives keep minutes: HTML by
    its bytes, so read as HTML, not reported as a legacy Word file."""
    paragraphs, table = _seed_minutes()
    body = "".join(f"<p class=MsoNormal>{html.escape(p)}</p>\n" for p in paragraphs)
    row = "".join(f"<td><p class=MsoNormal>{html.escape(c)}</p></td>" for c in table[0])
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word">\n<head><meta name=Generator '
        'content="Microsoft Word 15"><style>p.MsoNormal {font-family:"Times New Roman"}</style>'
        f"</head>\n<body lang=EN-GB><div class=WordSection1>\n{body}<table><tr>{row}</tr>"
        "</table></div></body></html>\n"
    )
    (tmp_path / "Minutes 21 November 2018.doc").write_bytes(page.encode("windows-1252"))
    source = next(s for s in discover(tmp_path) if s.relative_path.endswith(".doc"))
    assert source.error is None  # not reported as legacy Word
    doc = _ingest_one(tmp_path, "Minutes 21 November 2018.doc", count_tokens)
    assert doc.meta.meeting_date == date(2018, 11, 21)
    text = " ".join(c.text for c in doc.chunks)
    assert "currently about 40% of the workforce was agency staff" in text
    assert "an overspend position of £6.4 million" in text
    assert "Times New Roman" not in text


@pytest.mark.parametrize("name", ["minutes.mht", "Minutes 21 November 2018.doc"])
def test_minutes_saved_as_a_single_file_web_page_are_read(
    tmp_path: Path, count_tokens: CountTokens, name: str
) -> None:
    """Word's "single file web page" (MHTML: the page quoted-printable inside a MIME
    message), under its own name or kept as .doc: its HTML part is read as any page."""
    paragraphs, table = _seed_minutes()
    body = "".join(f"<p class=MsoNormal>{html.escape(p)}</p>\n" for p in paragraphs)
    row = "".join(f"<td><p class=MsoNormal>{html.escape(c)}</p></td>" for c in table[0])
    page = MIMEText(
        f"<html><head><title>Minutes</title></head><body>{body}<table><tr>{row}</tr></table>"
        "</body></html>",
        "html",
        "windows-1252",
    )
    page.replace_header("Content-Transfer-Encoding", "quoted-printable")
    page.set_payload(quopri.encodestring(page.get_payload(decode=True)).decode("ascii"))
    message = MIMEMultipart("related")
    message.attach(page)
    data = message.as_bytes()
    assert b"=A3" in data  # the £ quoted-printable, as Word writes it
    (tmp_path / name).write_bytes(data)
    assert next(iter(discover(tmp_path))).error is None
    doc = _ingest_one(tmp_path, name, count_tokens)
    assert doc.meta.meeting_date == date(2018, 11, 21)
    text = " ".join(c.text for c in doc.chunks)
    assert "currently about 40% of the workforce was agency staff" in text
    assert "an overspend position of £6.4 million" in text
    assert "=A3" not in text and "MsoNormal" not in text


def test_a_council_page_writing_paragraphs_in_divs_and_table_rows_is_read(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    """A minutes page from another council's site (no ModernGov markup): the heading and
    item title in `div`s, a paragraph as a table row of number and text cells, another
    after two line breaks. Reading `p` alone dropped them all."""
    paragraphs, table = _seed_minutes()
    meeting, title, first, second = paragraphs
    number, text = table[0]
    page = (
        f"<html><head><title>{html.escape(meeting)}</title></head><body>"
        f"<div class=heading>{html.escape(meeting)}</div><div><b>{html.escape(title)}</b></div>"
        f"<div>{html.escape(first)}<br><br>{html.escape(second)}</div>"
        f"<table><tr><td>{number}</td><td>{html.escape(text)}</td></tr></table>"
        "<ul><li><div>Apologies were received from the Vice-Chairman.</div></li></ul>"
        "</body></html>"
    )
    (tmp_path / "minutes.html").write_text(page, encoding="utf-8")
    doc = _ingest_one(tmp_path, "minutes.html", count_tokens)
    assert doc.meta.meeting_date == date(2018, 11, 21)
    by_para = {c.paragraph: c for c in doc.chunks}
    assert {"41.1", "41.4", "46.1"} <= set(by_para)
    assert "currently about 40% of the workforce was agency staff" in by_para["41.4"].text
    assert "an overspend position of £6.4 million" in by_para["46.1"].text
    everything = " ".join(c.text for c in doc.chunks)
    assert everything.count("an overspend position of £6.4 million") == 1  # read once
    assert everything.count("Apologies were received from the Vice-Chairman") == 1


def test_a_div_holding_text_beside_its_paragraphs_reads_all_of_it_in_order_once(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    """Mixed content, as hand-written council pages have it: a `div` whose own text runs
    before, between and after its paragraphs ("Resolved: <p>…</p> that …"), a list item
    with text above its sub-list, a paragraph broken into lines by `<br>`. The div's and the
    item's own text was dropped, and `<br>` glued the words either side of it."""
    paragraphs, table = _seed_minutes()
    meeting, title, first, second = paragraphs
    number, text = table[0]
    page = (
        f"<html><head><title>{html.escape(meeting)}</title></head><body>"
        f"<h2>{html.escape(meeting)}</h2><p>Present:<br>Councillor Smith<br>Councillor Jones</p>"
        f"<h3>{html.escape(title)}</h3>"
        f"<div>{html.escape(first)}<p>{html.escape(second)}</p>{number} {html.escape(text)}</div>"
        "<ul><li>Resolved that the committee:<ul><li>notes the report;</li></ul></li></ul>"
        "</body></html>"
    )
    (tmp_path / "minutes.html").write_text(page, encoding="utf-8")
    doc = _ingest_one(tmp_path, "minutes.html", count_tokens)
    everything = " ".join(c.text for c in doc.chunks)
    for piece in (first, second, f"{number} {text}"):
        body = piece.split(" ", 1)[1][:60]
        assert everything.count(body) == 1, body  # read, and read once
    positions = [everything.index(p.split(" ", 1)[1][:60]) for p in (first, second)]
    assert positions == sorted(positions)  # in document order
    assert everything.index(second[5:60]) < everything.index(text[:60])
    by_para = {c.paragraph: c for c in doc.chunks}
    assert {"41.1", "41.4", "46.1"} <= set(by_para)
    assert "an overspend position of £6.4 million" in by_para["46.1"].text
    assert "Councillor Smith Councillor Jones" in everything
    assert "Resolved that the committee:" in everything


def test_the_format_is_sniffed_by_one_probe_of_the_first_bytes(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file's first bytes are probed for "%PDF-" once, whatever it turns out to be: a
    PDF before its zip directory is looked for, a web page, RTF or text after."""
    probes: list[int] = []

    def counted(head: bytes) -> bool:
        probes.append(1)
        return real(head)

    real = readers.is_pdf
    monkeypatch.setattr(readers, "is_pdf", counted)
    seed = (CORPUS / "001_3bf3cecc07ef430f.txt").read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")[:3]
    files = {
        "pdf": make_pdf([[*paragraphs]]),
        "docx": build_docx(paragraphs[0], paragraphs[1:], [["a", "b"]]),
        "rtf": build_rtf(paragraphs, [["a", "b"]]),
        "html": (DATA / "moderngov_minutes.html").read_bytes(),
        "text": seed.encode("utf-8"),
    }
    for fmt, data in files.items():
        probes.clear()
        assert readers.sniff_format(data, ".txt") == fmt
        assert len(probes) == 1, fmt
