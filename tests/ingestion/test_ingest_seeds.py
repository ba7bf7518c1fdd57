"""The five seed documents: metadata, items, paragraphs, identical passages, limits."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from indexer.ingest import SourceFile, discover, ingest_file
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import read_file
from indexer.ingest.structure import build_sections
from indexer.models import Chunk, ParsedDocument

from .conftest import CORPUS, CountTokens


@pytest.fixture(scope="module")
def seeds(count_tokens: CountTokens) -> dict[str, ParsedDocument]:
    return {s.document_id[:3]: ingest_file(s, count_tokens) for s in discover(CORPUS)}


def _by_paragraph(doc: ParsedDocument, paragraph: str) -> list[Chunk]:
    return [c for c in doc.chunks if c.paragraph == paragraph]


def test_discover_reads_the_seed_manifest() -> None:
    sources = discover(CORPUS)
    assert [s.document_id for s in sources] == [
        "000_2725e8365af33fe2",
        "001_3bf3cecc07ef430f",
        "002_88d3f067c3aa2c93",
        "003_315652f360b52df6",
        "004_a3ad42d7930c8b10",
    ]
    assert all(s.row is not None and s.error is None for s in sources)
    assert all(s.path.is_absolute() and s.path.is_file() for s in sources)


@pytest.mark.parametrize(
    ("key", "meeting", "precision", "approximate", "doc_type"),
    [
        ("000", date(2019, 3, 1), "month", True, "chair's report"),
        ("001", date(2018, 11, 21), "day", False, "agenda and minutes"),
        ("002", date(2017, 1, 1), "year", True, "agenda item"),
        ("003", date(2018, 11, 21), "day", False, "agenda item"),
        ("004", date(2022, 7, 14), "day", True, "report"),
    ],
)
def test_seed_metadata_comes_from_the_manifest(
    seeds: dict[str, ParsedDocument],
    key: str,
    meeting: date,
    precision: str,
    approximate: bool,
    doc_type: str,
) -> None:
    meta = seeds[key].meta
    assert meta.council == "Gloucestershire County Council"
    assert meta.committee == "Children and Families Overview and Scrutiny Committee"
    assert meta.meeting_date == meeting
    assert meta.date_precision == precision
    assert meta.date_approximate is approximate
    assert meta.doc_type == doc_type
    assert meta.path.startswith(key) and meta.path.endswith(".txt")
    assert meta.pages is None
    assert len(seeds[key].content_hash) == 64


def test_metadata_from_text_alone_when_there_is_no_manifest(
    tmp_path: Path, count_tokens: CountTokens
) -> None:
    for name in (
        "001_3bf3cecc07ef430f.txt",
        "004_a3ad42d7930c8b10.txt",
        "003_315652f360b52df6.txt",
    ):
        shutil.copy(CORPUS / name, tmp_path / name)
    docs = {s.document_id[:3]: ingest_file(s, count_tokens) for s in discover(tmp_path)}
    minutes = docs["001"].meta
    assert minutes.committee == "Children and Families Overview and Scrutiny Committee"
    assert minutes.meeting_date == date(2018, 11, 21)
    assert minutes.date_precision == "day" and minutes.date_approximate is False
    assert minutes.doc_type == "agenda and minutes"
    assert minutes.council is None  # the text never names the council
    report = docs["004"].meta
    assert report.meeting_date == date(2022, 7, 14)
    assert report.committee == "Children and Families Overview and Scrutiny Committee"
    assert report.doc_type == "report"
    # Nothing in 003 says when or where: absent everywhere means None, not a guess.
    assert docs["003"].meta.meeting_date is None
    assert docs["003"].meta.date_precision is None
    assert docs["003"].meta.committee is None


def test_001_items_40_to_46_with_titles(seeds: dict[str, ParsedDocument]) -> None:
    titles: dict[str, str | None] = {}
    for chunk in seeds["001"].chunks:
        if chunk.item is not None:
            titles.setdefault(chunk.item, chunk.item_title)
    assert titles == {
        "40": "Minutes of the previous meeting",
        "41": "Ofsted Improvement Letter",
        "42": "Improvement Partner - Quarterly Performance Review Report",
        "43": "Improvement Board Update",
        "44": "Quality Assurance Framework: Progress Update Report",
        "45": "Performance Monitoring",
        "46": "Revenue Monitoring",
    }
    declarations = [c for c in seeds["001"].chunks if c.item_title == "Declarations of interest"]
    assert declarations and "Foster Carer" in declarations[0].text
    for chunk in seeds["001"].chunks:
        if chunk.paragraph:
            assert chunk.paragraph.split(".")[0] == chunk.item
        assert "pdf icon" not in chunk.text and "KB" not in chunk.text


def test_paragraph_41_4_is_one_identical_chunk_in_001_and_003(
    seeds: dict[str, ParsedDocument], count_tokens: CountTokens
) -> None:
    first = _by_paragraph(seeds["001"], "41.4")
    second = _by_paragraph(seeds["003"], "41.4")
    assert len(first) == len(second) == 1
    assert first[0].text == second[0].text
    assert first[0].item == second[0].item == "41"
    assert first[0].item_title == second[0].item_title == "Ofsted Improvement Letter"
    assert first[0].text.startswith("In response to questions the DCS informed the committee")
    assert first[0].text.endswith("this would not encourage them to remain in post.")
    assert "  " not in first[0].text and "\u00a0" not in first[0].text
    assert 200 < count_tokens(first[0].text) <= 240
    # 41.3 and 41.4 are different numbered paragraphs: never merged.
    assert "Multi Agency Safeguarding Hub" not in first[0].text


def test_moderngov_truncation_noise_is_stripped(seeds: dict[str, ParsedDocument]) -> None:
    (chunk,) = _by_paragraph(seeds["001"], "41.6")
    assert chunk.text.endswith("the council would be able to")
    assert "view the full minutes" not in chunk.text


def test_action_lines_stay_with_their_paragraph(seeds: dict[str, ParsedDocument]) -> None:
    (chunk,) = _by_paragraph(seeds["001"], "43.3")
    assert chunk.text.endswith("ACTION: Chris Spencer/Andrea Clarke")
    assert chunk.text.startswith("The committee agreed that it would be helpful to invite")
    (chunk,) = _by_paragraph(seeds["003"], "41.8")
    assert chunk.text.endswith("ACTION: Chris Spencer/Andrea Clarke")
    assert not any(c.text.startswith("ACTION") for d in seeds.values() for c in d.chunks)


def test_002_item_20_with_sub_sections_and_glued_paragraph_numbers(
    seeds: dict[str, ParsedDocument],
) -> None:
    doc = seeds["002"]
    assert {c.item for c in doc.chunks} == {"20"}
    assert {c.item_title for c in doc.chunks} == {"Ofsted Inspection - The Improvement Journey"}
    (chunk,) = _by_paragraph(doc, "20.1.10")  # "20.1.10The Chairman" has no space
    assert chunk.text.startswith("The Chairman informed the committee that as a foster carer")
    assert _by_paragraph(doc, "20.2.12")
    raw = read_file(
        CORPUS / "002_88d3f067c3aa2c93.txt", (CORPUS / "002_88d3f067c3aa2c93.txt").read_bytes()
    )
    sections = build_sections(clean(raw))
    subsections = [s.subsection for s in sections if s.subsection]
    assert subsections == ["20.1 Ofsted Inspection Process", "20.2 Improvement Board"]
    # The bullets of 20.1.1 become "- " lines of that paragraph.
    bullets = [c for c in doc.chunks if "- Social work practice was observed" in c.text]
    assert len(bullets) == 1 and bullets[0].paragraph == "20.1.1"


def test_000_numbered_item_headings(seeds: dict[str, ParsedDocument]) -> None:
    titles: dict[str, str | None] = {}
    for chunk in seeds["000"].chunks:
        assert chunk.item is not None
        titles.setdefault(chunk.item, chunk.item_title)
    assert titles == {
        "1": "Ofsted Outcome Letter",
        "2": "Improvement Board Update",
        "3": "Quality Assurance Framework \u2013 Progress Update Report",
        "4": "School Off Rolling/Permanent Exclusions Task Group Update",
        "5": "Children\u2019s Centres \u2013 A position Statement",
        "6": "Performance Monitoring",
        "7": "Revenue Monitoring",
    }
    text = "\n".join(c.text for c in seeds["000"].chunks)
    # A paragraph cut by a page break is one paragraph again.
    assert "the level of churn and that there was again some cultural factors" in text
    assert "- Quality of practice\n- Training of social workers" in text


def test_004_sections_stated_date_and_footnotes(seeds: dict[str, ParsedDocument]) -> None:
    doc = seeds["004"]
    paragraphs = {c.paragraph for c in doc.chunks}
    assert {"7.0", "8.0", "9.0", "11.0", "13.0", "14.0", "15.0"} <= paragraphs
    update = [c for c in doc.chunks if c.item_title == "Update"]
    assert len(update) >= 5
    assert update[0].text.startswith("The following summarises the position at September 2022")
    assert all(c.stated_date == date(2022, 9, 1) for c in update)
    summer = [c for c in update if "end of summer 2021" in c.text]
    assert summer and summer[0].stated_date == date(2022, 9, 1)
    later = [
        c
        for c in doc.chunks
        if c.item_title in ("Forthcoming quarter\u2019s activity", "Conclusion")
    ]
    assert later and all(c.stated_date is None for c in later)
    (para14,) = _by_paragraph(doc, "14.0")
    for phrase in (
        "Best Start in Life, the Independent Review of Children\u2019s Social Care,",
        "Arthur Labinjo-Hughes, the Education White Paper and SEND Reforms.",
    ):
        assert phrase in para14.text
    (para7,) = _by_paragraph(doc, "7.0")
    assert (
        "- The timeliness with which personal advisers are allocated to children, to best"
        in para7.text
    )
    text = "\n".join(c.text for c in doc.chunks)
    assert "we build resilience and skill across the workforce that will begin" in text
    assert "- Improved induction and check-in programme launched for new starters" in text


def test_001_revenue_paragraph_states_its_own_date(seeds: dict[str, ParsedDocument]) -> None:
    (chunk,) = _by_paragraph(seeds["001"], "46.1")
    assert chunk.stated_date == date(2018, 9, 1)
    (other,) = _by_paragraph(seeds["001"], "46.2")
    assert other.stated_date is None


def test_no_noise_chunks_in_the_seeds(seeds: dict[str, ParsedDocument]) -> None:
    for doc in seeds.values():
        for chunk in doc.chunks:
            text = chunk.text.strip()
            assert text not in ("Supporting documents:", "Additional documents:", "25.")
            assert "View directions" not in text
            assert "https://" not in text
            assert text, doc.meta.document_id


def test_seed_chunks_respect_the_token_limit(
    seeds: dict[str, ParsedDocument], count_tokens: CountTokens
) -> None:
    for doc in seeds.values():
        assert [c.ordinal for c in doc.chunks] == list(range(len(doc.chunks)))
        for chunk in doc.chunks:
            assert count_tokens(chunk.text) <= 240, (doc.meta.document_id, chunk.paragraph)


def test_smaller_limit_splits_at_sentences_and_keeps_the_paragraph_number(
    count_tokens: CountTokens,
) -> None:
    source = next(s for s in discover(CORPUS) if s.document_id.startswith("003"))
    doc = ingest_file(source, count_tokens, max_tokens=80, min_tokens=20)
    parts = _by_paragraph(doc, "41.4")
    assert len(parts) >= 3
    assert all(count_tokens(p.text) <= 80 for p in parts)
    assert all(p.text.endswith(".") for p in parts)
    assert (
        " ".join(p.text for p in parts)
        == _by_paragraph(ingest_file(source, count_tokens), "41.4")[0].text
    )


def test_source_file_shape() -> None:
    source = discover(CORPUS)[1]
    assert isinstance(source, SourceFile)
    assert source.relative_path == "001_3bf3cecc07ef430f.txt"
    assert source.corpus_dir == CORPUS.resolve()
