"""The minutes document read back by the indexer's own ingestion: item numbers, titles and
paragraph numbers survive, and nothing but the site's text gets in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from indexer.ingest import discover, ingest_file
from indexer.moderngov.meetings import AgendaItem, Meeting
from indexer.moderngov.minutes import minutes_html
from indexer.moderngov.naming import safe_name
from indexer.moderngov.webservice import html_paragraphs


def test_items_and_paragraph_numbers_reach_the_passages(tmp_path: Path) -> None:
    meeting = Meeting(
        id="4967",
        committee="Audit Committee",
        date=date(2026, 2, 10),
        time="10.00 am",
        items=[
            AgendaItem("8", "Annual Governance Statement", []),  # no minutes: left out
            AgendaItem(
                "9",
                "Work Programme",
                [
                    "9.1 The Committee considered its future Work Programme for the year.",
                    "9.2 Members asked for the internal audit plan to come in March.",
                ],
            ),
        ],
    )
    (tmp_path / "minutes.html").write_bytes(minutes_html(meeting))
    (source,) = discover(tmp_path)
    parsed = ingest_file(source, lambda text: len(text.split()), max_tokens=20, min_tokens=0)
    assert [(c.item, c.item_title, c.paragraph) for c in parsed.chunks] == [
        ("9", "Work Programme", "9.1"),
        ("9", "Work Programme", "9.2"),
    ]
    assert parsed.meta.committee == "Audit Committee"
    assert parsed.meta.meeting_date == date(2026, 2, 10)
    assert "Annual Governance" not in " ".join(c.text for c in parsed.chunks)


def test_only_text_comes_from_the_site() -> None:
    html = (
        '<div class="WordSection1"><p class="MsoNormal">Noted the <b>report</b>'
        "<script>alert('x')</script>.</p><p>&nbsp;</p><ul><li>Action: <i>Clerk</i></li></ul>"
        "</div>"
    )
    assert html_paragraphs(html) == ["Noted the report.", "- Action: Clerk"]
    page = minutes_html(
        Meeting("1", "A <b>Panel</b>", None, items=[AgendaItem("1", "<img src=x>", ["<script>"])])
    ).decode()
    assert "<script>" not in page and "<img" not in page and "&lt;img src=x&gt;" in page


def test_file_names_are_safe() -> None:
    assert safe_name("../../etc/passwd") == "etc - passwd"
    assert safe_name(".hidden") == "hidden"
    assert safe_name("Annex 1: Survey?*<>") == "Annex 1 Survey"
    assert safe_name("..") == "document"
    assert len(safe_name("x" * 500)) == 100
