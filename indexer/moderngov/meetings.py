"""What a ModernGov site says about its committees and meetings, whichever way it was read.

The web service (`webservice.py`) and the HTML meeting pages (`pages.py`) both come down
to these records, so the import (`sync.py`) does not care which one the site offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Committee:
    """A committee as the site lists it."""

    id: str
    title: str
    expired: bool = False


@dataclass(frozen=True)
class MeetingRef:
    """One line of a committee's meeting list: enough to decide whether to fetch it."""

    id: str
    date: date | None
    status: str = ""
    cancelled: bool = False


@dataclass(frozen=True)
class LinkedDocument:
    """A paper published with a meeting: report, appendix, minutes PDF, agenda pack."""

    url: str
    title: str
    attachment_id: str | None = None
    item: str | None = None
    item_title: str | None = None
    restricted: bool = False
    is_link: bool = False
    """A web link rather than a document (`isurl`): not downloaded."""
    published: date | None = None


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item with its minutes text as paragraphs (already stripped of markup)."""

    number: str | None
    title: str
    minutes: list[str] = field(default_factory=list)
    restricted: bool = False


@dataclass
class Meeting:
    """A meeting with its items and papers.

    `page_html` is set when the meeting came from its HTML page (the fallback): that page
    is itself the meeting's "agenda and minutes" document, in the shape the indexer's
    ModernGov reader understands.
    """

    id: str
    committee: str
    date: date | None
    time: str = ""
    status: str = ""
    cancelled: bool = False
    items: list[AgendaItem] = field(default_factory=list)
    documents: list[LinkedDocument] = field(default_factory=list)
    page_html: bytes | None = None
    page_url: str | None = None

    @property
    def has_minutes(self) -> bool:
        """True when some agenda item has minutes (the meeting has been minuted)."""
        return any(item.minutes for item in self.items)
