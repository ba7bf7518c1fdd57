"""Markdown and DOCX renderings: structure, the same references, identical bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import docx

from indexer.models import SearchFilters
from search_api.briefing import Briefing, BriefingBuilder, BriefingRequest
from search_api.briefing_render import (
    FIXED_TIMESTAMP,
    reference_text,
    render,
    render_docx,
    render_markdown,
)

SECTIONS = ["## Question and scope", "## Summary", "## Timeline",
            "## Actions and commitments", "## References"]  # fmt: skip


def _markdown_references(text: str) -> list[str]:
    refs = text.split("\n## References\n", 1)[1]
    return re.findall(r"^\d+\. .*$", refs, flags=re.M)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


def test_markdown_is_plain_headings_and_lists(staffing: Briefing) -> None:
    text = render_markdown(staffing)
    assert text.startswith("# Briefing: agency staffing\n")
    positions = [text.index(s + "\n") for s in SECTIONS]
    assert positions == sorted(positions)
    assert "- Dates: 1 January 2018 to 31 December 2022" in text
    assert "- Documents searched: 4 of 5 indexed" in text
    assert "Generated" not in text
    # The 2018 figure before the 2022 one, each with its marker.
    assert re.search(r"about 40% of the workforce was agency staff\)\.” \[\d+\]", text)
    assert text.index("about 40%") < text.index("33.3%")
    assert "### 21 November 2018 — Children and Families Overview and Scrutiny Committee" in text
    assert "(approximate date)" in text
    # No HTML, no tables: pasteable into Word as it is.
    assert "<" not in text.replace("<http", "")
    assert "|" not in text


def test_markdown_references(staffing: Briefing) -> None:
    text = render_markdown(staffing)
    lines = _markdown_references(text)
    assert len(lines) == len(staffing.references)
    for line, r in zip(lines, staffing.references, strict=True):
        assert line.startswith(f"{r.n}. ")
        assert f"Source: <{r.source_url}>" in line
    ref_41_4 = next(line for line in lines if "para 41.4" in line)
    assert re.search(
        r"Children and Families Overview and Scrutiny Committee, 21 November 2018, "
        r"item 41 “Ofsted Improvement Letter”, para 41\.4\.",
        ref_41_4,
    )
    ref_2022 = next(line for line in lines if "progress report" in line)
    assert "14 July 2022 (approximate date)" in ref_2022
    assert "own date: September 2022" in ref_2022


def test_docx_opens_and_has_the_same_references(staffing: Briefing) -> None:
    data = render_docx(staffing)
    paragraphs = _docx_paragraphs(data)
    assert paragraphs[0] == ("Title", "Briefing: agency staffing")
    headings = [t for s, t in paragraphs if s == "Heading 1"]
    assert headings == [s.removeprefix("## ") for s in SECTIONS]
    texts = [t for _, t in paragraphs]
    start = texts.index("References")
    docx_refs = [t for t in texts[start + 1 :] if re.match(r"\d+\. ", t)]
    md_refs = _markdown_references(render_markdown(staffing))
    assert [_unescape(line).replace("Source: <", "Source: ").rstrip(">") for line in md_refs] \
        == docx_refs  # fmt: skip
    for r, t in zip(staffing.references, docx_refs, strict=True):
        assert t == f"{r.n}. {reference_text(r)} Source: {r.source_url}"
    # The source links are real hyperlinks.
    document = docx.Document(io.BytesIO(data))
    urls = {p.hyperlinks[0].url for p in document.paragraphs if p.hyperlinks}
    assert urls == {r.source_url for r in staffing.references}
    # The same quotes as the Markdown, in the same order.
    body = "\n".join(texts)
    assert body.index("about 40%") < body.index("33.3%")
    assert document.core_properties.created == FIXED_TIMESTAMP
    assert document.core_properties.title == "Briefing: agency staffing"


def test_docx_is_byte_for_byte_deterministic(builder: BriefingBuilder, staffing: Briefing) -> None:
    again = builder.build(
        BriefingRequest(
            "agency staffing",
            SearchFilters(date_from=staffing.scope.date_from, date_to=staffing.scope.date_to),
            generated_at=False,
        )
    )  # fmt: skip
    first, second = render(staffing, "docx"), render(again, "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
        assert "2000-01-01T00:00:00Z" in core
    assert render(staffing, "markdown") == render(again, "markdown")


def test_generated_at_appears_in_both_formats(staffing: Briefing) -> None:
    stamped = staffing.model_copy(update={"generated_at": datetime(2024, 5, 6, 7, 8, tzinfo=UTC)})
    assert "- Generated: 6 May 2024, 07:08 UTC" in render_markdown(stamped)
    document = docx.Document(io.BytesIO(render_docx(stamped)))
    assert document.core_properties.created == datetime(2024, 5, 6, 7, 8, tzinfo=UTC)
    assert any(p.text == "Generated: 6 May 2024, 07:08 UTC" for p in document.paragraphs)


def test_empty_sections_say_nothing_found(builder: BriefingBuilder) -> None:
    b = builder.build(BriefingRequest("library opening hours", generated_at=False))
    text = render_markdown(b)
    for section in SECTIONS[1:]:
        body = text.split(section + "\n", 1)[1].lstrip("\n")
        assert body.startswith("Nothing found."), section
    texts = [t for _, t in _docx_paragraphs(render_docx(b))]
    for heading in [s.removeprefix("## ") for s in SECTIONS[1:]]:
        assert texts[texts.index(heading) + 1] == "Nothing found.", heading


def test_ofsted_actions_rendered_with_owners(ofsted: Briefing) -> None:
    text = render_markdown(ofsted)
    actions = text.split("## Actions and commitments\n", 1)[1].split("## References", 1)[0]
    owners = "Chris Spencer/Andrea Clarke"
    assert f"ACTION: {owners} [" in actions
    assert f"  - Who: {owners} (ACTION line)" in actions
    # Actions of the meeting on other matters are not in an Ofsted briefing (issue #13).
    assert "Andy Dempsey" not in actions
    assert "the minutes say “in 2019”" in actions
    docx_text = "\n".join(t for _, t in _docx_paragraphs(render_docx(ofsted)))
    assert "ACTION: Chris Spencer/Andrea Clarke" in docx_text
