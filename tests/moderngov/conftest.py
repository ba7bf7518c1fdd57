"""The replayed ModernGov sites: Manchester's Audit Committee from the web-service answers,
Kingston's committee from its meeting pages, Kent PDFs behind the document links."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eval.shared import ARCHIVES
from tests.moderngov.replay import ReplaySite, Route, running

WS = ARCHIVES / "moderngov-ws"
KENT = ARCHIVES / "kent"
KINGSTON = ARCHIVES / "kingston"
LIVE_SITE = "https://democracy.manchester.gov.uk"

MINUTES_PDF = KENT / "full_council/2025-03-13/CPP Minutes 10.12.24.pdf"
WORK_PROGRAMME_PDF = KENT / "full_council/2025-03-13/GAC TOR Update CC March 2025 Final.pdf"
OTHER_PDF = KENT / "full_council/2025-03-13/Appendix 2 - Glossary of Terms 2024-25.pdf"

XML = "text/xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


def ws_answer(name: str, site: ReplaySite) -> bytes:
    """A shared web-service answer with its links pointing at the replay site."""
    return (WS / name).read_text(encoding="utf-8").replace(LIVE_SITE, site.url).encode()


def serve_manchester(site: ReplaySite) -> None:
    """The Audit Committee (144): two meetings in Jan-Mar 2026, one cancelled."""
    site.add("/mgWebService.asmx/GetCommittees", Route(ws_answer("committees.xml", site), XML))
    site.add(
        "/mgWebService.asmx/GetMeetings",
        Route(ws_answer("meetings.xml", site), XML),
        lCommitteeId="144",
    )
    for meeting, name in (("4967", "meeting_with_minutes.xml"), ("4966", "meeting_no_minutes.xml")):
        site.add(
            "/mgWebService.asmx/GetMeeting", Route(ws_answer(name, site), XML), lMeetingId=meeting
        )
    site.add("/mgConvert2PDF.aspx", Route(MINUTES_PDF.read_bytes()), ID="60860")
    site.add("/mgConvert2PDF.aspx", Route(WORK_PROGRAMME_PDF.read_bytes()), ID="60909")


@pytest.fixture
def manchester() -> Iterator[ReplaySite]:
    if not WS.is_dir() or not KENT.is_dir():
        pytest.skip(f"the shared archives are not at {ARCHIVES}")
    with running(ReplaySite()) as site:
        serve_manchester(site)
        yield site
