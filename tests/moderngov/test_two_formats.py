"""A paper the site lists twice, as a legacy Word .doc and as a PDF under one title: the
import saves both under one name and says so as a build does ("the same paper as X
(kept)"), and a build of the imported folder indexes the paper once, from the PDF. Real
replayed site, the .doc fixture and a PDF of the same seed text, real model and index."""

from __future__ import annotations

from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from tests.conftest import CORPUS
from tests.documents import LEGACY_DOC, legacy_doc_paragraphs, paper_pdf
from tests.moderngov.conftest import XML, ws_answer
from tests.moderngov.replay import ReplaySite, Route
from tests.moderngov.test_import import MEETING, WP_FILE, run_sync

TWIN_ID = "69909"


def _meeting_with_a_second_format(site: ReplaySite, attachment: str) -> bytes:
    """The 10 February meeting with the linked document `attachment` listed twice (the
    second link under another attachment id, as a site lists a paper's other format)."""
    text = ws_answer("meeting_with_minutes.xml", site).decode()
    start = text.rindex("<linkeddoc>", 0, text.index(f"<attachmentid>{attachment}<"))
    end = text.index("</linkeddoc>", start) + len("</linkeddoc>")
    twin = text[start:end].replace(attachment, TWIN_ID)
    return (text[:end] + twin + text[end:]).encode()


def test_a_paper_listed_as_doc_and_pdf_is_saved_under_one_name_and_indexed_once(
    manchester: ReplaySite, tmp_path: Path, embedder: Embedder
) -> None:
    seed = next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8")
    manchester.add(
        "/mgWebService.asmx/GetMeeting",
        Route(_meeting_with_a_second_format(manchester, "60909"), XML),
        lMeetingId="4967",
    )
    manchester.add("/mgConvert2PDF.aspx", Route(LEGACY_DOC.read_bytes()), ID="60909")
    pdf = paper_pdf(legacy_doc_paragraphs(seed))
    manchester.add("/mgConvert2PDF.aspx", Route(pdf), ID=TWIN_ID)
    corpus = tmp_path / "manchester"
    report = run_sync(manchester, corpus)
    assert not report.failures
    doc, kept = WP_FILE.removesuffix(".pdf") + ".doc", WP_FILE
    assert (corpus / doc).read_bytes() == LEGACY_DOC.read_bytes()
    assert (corpus / kept).read_bytes() == pdf
    assert report.same_paper == [f"{doc}: the same paper as {kept} (kept)"]
    assert not list((corpus / MEETING).glob("* (2).*"))

    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    built = Indexer(settings, embedder).build()
    assert not built.failed
    root = corpus.resolve()
    assert built.same_paper == [(str(root / doc), f"the same paper as {root / kept} (kept)")]
