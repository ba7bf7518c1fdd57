"""Where meetings come from: the web service, or the HTML pages when it is switched off.

Both sources answer the same three questions (committees, a committee's meetings in a
window, one meeting), so the import is written once. `open_source` asks the web service
first and falls back to the pages when it answers 404 (or 403, 405, 410, 501) or answers
with something other than its XML.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Protocol

from indexer.moderngov import pages, webservice
from indexer.moderngov.client import FetchError, PoliteClient
from indexer.moderngov.meetings import Committee, Meeting, MeetingRef
from indexer.moderngov.webservice import ServiceError

log = logging.getLogger(__name__)

SWITCHED_OFF = frozenset({403, 404, 405, 410, 501})


class Source(Protocol):
    """A site's committees and meetings, however they are read."""

    name: str

    def committees(self) -> list[Committee]:
        """Every committee the site lists."""

    def meetings(self, committee: Committee, start: date, end: date) -> list[MeetingRef]:
        """The committee's meetings between `start` and `end`."""

    def meeting(self, committee: Committee, ref: MeetingRef) -> Meeting:
        """One meeting with its agenda items and document links."""


def meeting_url(site: str, committee: Committee, meeting_id: str) -> str:
    """The council's own page for a meeting, whichever source read it."""
    return pages.meeting_page_url(site, committee.id, meeting_id)


class WebService:
    """`mgWebService.asmx`: GetCommittees, GetMeetings, GetMeeting."""

    name = "web service"

    def __init__(self, client: PoliteClient, site: str) -> None:
        self.client, self.site = client, site

    def committees(self) -> list[Committee]:
        """Every committee, from GetCommittees."""
        answer = self.client.get(webservice.service_url(self.site, "GetCommittees"))
        return webservice.parse_committees(answer.content)

    def meetings(self, committee: Committee, start: date, end: date) -> list[MeetingRef]:
        """The committee's meetings from `start` to `end`, from GetMeetings."""
        params = {
            "lCommitteeId": committee.id,
            "sFromDate": webservice.ws_date(start),
            "sToDate": webservice.ws_date(end),
        }
        answer = self.client.get(webservice.service_url(self.site, "GetMeetings"), params)
        return webservice.parse_meetings(answer.content)

    def meeting(self, committee: Committee, ref: MeetingRef) -> Meeting:
        """One meeting from GetMeeting, with its page URL and the ref's id filled in."""
        url = webservice.service_url(self.site, "GetMeeting")
        answer = self.client.get(url, {"lMeetingId": ref.id})
        meeting = webservice.parse_meeting(answer.content, committee.title)
        meeting.page_url = meeting_url(self.site, committee, ref.id)
        meeting.id = meeting.id or ref.id
        return meeting


class MeetingPages:
    """`mgListCommittees.aspx`, `ieListMeetings.aspx`, `ieListDocuments.aspx`."""

    name = "meeting pages"

    def __init__(self, client: PoliteClient, site: str) -> None:
        self.client, self.site = client, site

    def committees(self) -> list[Committee]:
        """Every committee, scraped from the committee list page."""
        answer = self.client.get(pages.committees_page_url(self.site))
        return pages.parse_committees_page(answer.content)

    def meetings(self, committee: Committee, start: date, end: date) -> list[MeetingRef]:
        """The committee's meetings, one listing page per year; a year's pages may overlap, so
        meetings are deduplicated by id (the caller filters by date)."""
        found: dict[str, MeetingRef] = {}
        for year in range(start.year, end.year + 1):
            answer = self.client.get(pages.meetings_page_url(self.site, committee.id, year))
            for ref in pages.parse_meetings_page(answer.content):
                found.setdefault(ref.id, ref)
        return list(found.values())

    def meeting(self, committee: Committee, ref: MeetingRef) -> Meeting:
        """One meeting, scraped from its page (which is also its agenda-and-minutes document)."""
        url = meeting_url(self.site, committee, ref.id)
        answer = self.client.get(url)
        return pages.parse_meeting_page(answer.content, url, committee.title)


def open_source(client: PoliteClient, site: str) -> tuple[Source, list[Committee]]:
    """The source the site offers, with its committees (the first call tells which)."""
    service = WebService(client, site)
    try:
        return service, service.committees()
    except FetchError as exc:
        if exc.status not in SWITCHED_OFF:
            raise
        reason = exc.reason
    except ServiceError as exc:
        reason = str(exc)
    log.warning("the web service is not available (%s); reading the meeting pages", reason)
    fallback = MeetingPages(client, site)
    return fallback, fallback.committees()
