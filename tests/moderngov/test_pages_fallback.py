"""A site whose web service is switched off: the import reads the meeting pages instead.

The meeting pages are Kingston's real `ieListDocuments.aspx` pages; the committee list and
the meeting list are small pages in the shape ModernGov prints them (links to
`mgCommitteeDetails.aspx?ID=` and `ieListDocuments.aspx?CId=&MId=`), as the shared
archive holds no copy of those two."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from indexer.moderngov.client import ClientOptions
from indexer.moderngov.sync import SyncOptions, sync
from tests.moderngov.conftest import HTML, KINGSTON, OTHER_PDF
from tests.moderngov.replay import ReplaySite, Route, running

COMMITTEE = "Kingston and North Kingston Neighbourhood Committee"
COMMITTEES_PAGE = f"""<html><body><div id="modgov"><ul class="mgBulletList">
<li><a href="mgCommitteeDetails.aspx?ID=686">Council</a></li>
<li><a href="mgCommitteeDetails.aspx?ID=711">{COMMITTEE}</a></li>
</ul></div></body></html>"""
MEETINGS_2025 = """<html><body><div id="modgov"><ul class="mgBulletList">
<li><a href="ieListDocuments.aspx?CId=711&amp;MId=10161&amp;Ver=4">Thursday, 4th December, 2025
7.30 pm</a> CANCELLED</li>
<li><a href="ieListDocuments.aspx?CId=711&amp;MId=10100&amp;Ver=4">Thursday, 2nd October, 2025
7.30 pm</a></li>
</ul></div></body></html>"""
MEETINGS_2026 = """<html><body><div id="modgov"><ul class="mgBulletList">
<li><a href="ieListDocuments.aspx?CId=711&amp;MId=10221&amp;Ver=4">Thursday, 15th January, 2026
7.30 pm</a></li>
</ul></div></body></html>"""


@pytest.fixture
def kingston() -> Iterator[ReplaySite]:
    if not KINGSTON.is_dir():
        pytest.skip(f"the Kingston pages are not at {KINGSTON}")
    with running(ReplaySite()) as site:  # no web service: every asmx call answers 404
        site.add("/mgListCommittees.aspx", Route(COMMITTEES_PAGE.encode(), HTML))
        site.add(
            "/ieListMeetings.aspx", Route(MEETINGS_2025.encode(), HTML), CId="711", Year="2025"
        )
        site.add(
            "/ieListMeetings.aspx", Route(MEETINGS_2026.encode(), HTML), CId="711", Year="2026"
        )
        for meeting, page in (("10221", "Agenda_151.html"), ("10161", "Agenda_412.html")):
            body = (KINGSTON / page).read_bytes()
            site.add("/ieListDocuments.aspx", Route(body, HTML), CId="711", MId=meeting)
        yield site


def _serve_papers(site: ReplaySite) -> None:
    """Kingston's two PDFs where the page links them; a Kent PDF behind every other link."""
    page = (KINGSTON / "Agenda_151.html").read_text(encoding="utf-8")
    for href in set(re.findall(r'href="(documents/[^"?]+)', page)):
        name = href.rsplit("/", 1)[1]
        pdf = OTHER_PDF
        if name.startswith("Petition TMO Manorgate"):
            pdf = KINGSTON / "ManorgatePetition.pdf"
        elif name.startswith("Coombe Lane West Zebra"):
            pdf = KINGSTON / "ZebraCrossing.pdf"
        site.add(f"/{href}", Route(pdf.read_bytes()))


def test_switched_off_web_service_falls_back_to_the_meeting_pages(
    kingston: ReplaySite, tmp_path: Path
) -> None:
    _serve_papers(kingston)
    corpus = tmp_path / "kingston"
    report = sync(
        SyncOptions(
            site=kingston.url,
            committees=["North Kingston"],
            corpus=corpus,
            date_from=date(2025, 11, 1),
            date_to=date(2026, 2, 28),
            council="Royal Borough of Kingston upon Thames",
            client=ClientOptions(rate=0, timeout=5, retries=0),
        )
    )
    assert report.source == "meeting pages"
    assert report.failures == []
    assert kingston.requests_to("GetCommittees", 404)  # asked first, then fell back
    # 4 December was cancelled; 2 October is outside the window and never fetched.
    assert (report.meetings, report.imported, report.cancelled) == (2, 1, 1)
    assert not kingston.requests_to("10100")
    with (corpus / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["path"]: r for r in csv.DictReader(handle)}
    folder = "kingston_and_north_kingston_neighbourhood_committee/2026-01-15"
    page = f"{folder}/{COMMITTEE} - Thursday 15 January 2026.html"
    assert rows[page]["doc_type"] == "agenda and minutes"
    assert rows[page]["source_url"] == f"{kingston.url}/ieListDocuments.aspx?CId=711&MId=10221"
    assert (corpus / page).read_bytes() == (KINGSTON / "Agenda_151.html").read_bytes()
    zebra = rows[f"{folder}/Coombe Lane West Zebra Crossing - Local Consultation Results.pdf"]
    assert zebra["doc_type"] == "report"
    assert zebra["source_url"] == (
        f"{kingston.url}/documents/s112215/"
        "Coombe%20Lane%20West%20Zebra%20Crossing%20consultation%20results.pdf"
    )
    assert (corpus / zebra["path"]).read_bytes() == (KINGSTON / "ZebraCrossing.pdf").read_bytes()
    annex = rows[f"{folder}/Annex 1 - Wolverton Avenue.pdf"]
    assert annex["doc_type"] == "appendix"
    assert rows[f"{folder}/Minutes.pdf"]["doc_type"] == "minutes"
    assert len(rows) == 1 + 20  # the page and every paper it links
    assert all(r["meeting_date"] == "2026-01-15" for r in rows.values())
    assert not any("2025-12-04" in p for p in rows)
