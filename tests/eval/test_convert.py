"""`python -m eval.convert`: a PDF archive as a converted-Markdown archive, on a two-page
PDF made here (pymupdf4llm, the dev extra), and the manifest link back to the PDF that
lets gold `found_in` paths resolve."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pytest

from eval.convert import CONVERTED_FROM, PAGE_SEPARATOR, convert_archive, main
from eval.documents import manifest_dates, original_paths
from indexer.ingest import discover
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import read_file
from tests.documents import build_pdf

pytest.importorskip("pymupdf4llm")

ROW = {
    "path": "cabinet/2025-01-30/Minutes.pdf",
    "council": "Kent County Council",
    "committee": "Cabinet",
    "meeting_date": "2025-01-30",
    "date_precision": "day",
    "doc_type": "minutes",
    "title": "Minutes",
    "source_url": "https://example.org/minutes.pdf",
}


def _archive(root: Path) -> Path:
    pdf = root / ROW["path"]
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(
        build_pdf(
            [
                ["The Cabinet agreed to extend the cleaning contract", "for a further two years."],
                ["The Leader thanked the officers for the report."],
            ]
        )
    )
    with (root / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(ROW))
        writer.writeheader()
        writer.writerow(ROW)
    return root


def test_convert_writes_markdown_with_the_same_metadata(tmp_path: Path) -> None:
    source = _archive(tmp_path / "kent")
    dest = tmp_path / "converted"
    report = convert_archive(source, dest)
    assert (report.written, report.reused, report.failed) == (1, 0, [])
    md = dest / "cabinet/2025-01-30/Minutes.md"
    text = md.read_text(encoding="utf-8")
    assert PAGE_SEPARATOR.strip() in text and "cleaning contract" in text
    rows = list(csv.DictReader((dest / "manifest.csv").open(encoding="utf-8")))
    assert rows == [{**ROW, "path": "cabinet/2025-01-30/Minutes.md", CONVERTED_FROM: ROW["path"]}]
    # The indexer sees a text document with the PDF's id and the manifest's metadata.
    (source_file,) = discover(dest)
    assert source_file.document_id == "cabinet-2025-01-30-minutes"
    assert source_file.row is not None and source_file.row.committee == "Cabinet"
    paras = [p.text for p in clean(read_file(md, md.read_bytes()))]
    assert "The Cabinet agreed to extend the cleaning contract for a further two years." in paras
    # Gold quotes name the PDF: its date and its converted file resolve to it.
    assert original_paths([dest]) == {"cabinet/2025-01-30/Minutes.md": ROW["path"]}
    assert manifest_dates([dest])[ROW["path"]] == date(2025, 1, 30)
    # A second run reuses what is converted.
    assert convert_archive(source, dest).reused == 1


def test_convert_reuses_by_content_not_by_time(tmp_path: Path) -> None:
    """An archive copied again (new times, same bytes) is not converted again; a PDF whose
    bytes changed is."""
    source = _archive(tmp_path / "kent")
    dest = tmp_path / "converted"
    convert_archive(source, dest)
    pdf = source / ROW["path"]
    later = pdf.stat().st_mtime + 3600
    os.utime(pdf, (later, later))
    assert (convert_archive(source, dest).reused, convert_archive(source, dest).written) == (1, 0)
    pdf.write_bytes(build_pdf([["The Cabinet agreed to close the depot."]]))
    os.utime(dest / "cabinet/2025-01-30/Minutes.md", (later + 60, later + 60))
    report = convert_archive(source, dest)
    assert (report.written, report.reused) == (1, 0)
    assert "close the depot" in (dest / "cabinet/2025-01-30/Minutes.md").read_text("utf-8")


def test_convert_without_a_manifest_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), str(tmp_path / "out")]) == 2
    assert "manifest.csv does not exist" in capsys.readouterr().err
