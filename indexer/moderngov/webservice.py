"""The ModernGov web service (`mgWebService.asmx`): its calls and its XML answers.

`GetCommittees` lists committees, `GetMeetings` a committee's meetings in a window
(dates `dd/mm/yyyy`), `GetMeeting` one meeting's agenda items, each item's minutes text
as escaped HTML (`minutesnonemptyhtmlbody`) and its linked documents. The XML is parsed
without entity expansion or network access; a body that is not the expected XML raises
`ServiceError`, which the import reports for that call alone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from lxml import etree

from indexer.errors import ScrutinyError
from indexer.moderngov.meetings import AgendaItem, Committee, LinkedDocument, Meeting, MeetingRef

SERVICE = "mgWebService.asmx"


class ServiceError(ScrutinyError):
    """An answer of the web service that is not the XML it should be."""


def service_url(site: str, call: str) -> str:
    """`https://democracy.example.gov.uk` + `GetMeetings` -> the call's URL."""
    return f"{site.rstrip('/')}/{SERVICE}/{call}"


def ws_date(day: date) -> str:
    """The service's date format, `dd/mm/yyyy`."""
    return day.strftime("%d/%m/%Y")


def parse_ws_date(text: str | None) -> date | None:
    """`10/02/2026` -> 2026-02-10; anything else -> None."""
    text = (text or "").strip()
    try:
        return datetime.strptime(text, "%d/%m/%Y").date() if text else None
    except ValueError:
        return None


def _root(content: bytes, what: str, tag: str) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ServiceError(f"{what}: malformed XML ({exc.msg})") from None
    if root is None or root.tag != tag:
        found = "nothing" if root is None else f"<{root.tag}>"
        raise ServiceError(f"{what}: expected a <{tag}> document, got {found}")
    return root


def _text(element: Any, name: str) -> str:
    """A child's text, white space collapsed ("DRAFT WP  FEBRUARY" -> "DRAFT WP FEBRUARY")."""
    child = element.find(name)
    return " ".join((child.text or "").split()) if child is not None else ""


def _flag(element: Any, name: str) -> bool:
    return _text(element, name).lower() == "true"


def parse_committees(content: bytes) -> list[Committee]:
    """`GetCommittees` -> committees, deleted ones left out."""
    root = _root(content, "GetCommittees", "committees")
    return [
        Committee(
            id=_text(c, "committeeid"),
            title=_text(c, "committeetitle"),
            expired=_flag(c, "committeeexpired"),
        )
        for c in root.iter("committee")
        if _text(c, "committeeid") and not _flag(c, "committeedeleted")
    ]


def parse_meetings(content: bytes) -> list[MeetingRef]:
    """`GetMeetings` -> the meetings of the window, with their status."""
    root = _root(content, "GetMeetings", "getmeetings")
    refs: list[MeetingRef] = []
    for m in root.iter("meeting"):
        status = _text(m, "meetingstatus")
        refs.append(
            MeetingRef(
                id=_text(m, "meetingid"),
                date=parse_ws_date(_text(m, "meetingdate")),
                status=status,
                cancelled=status.lower().startswith("cancel"),
            )
        )
    return [r for r in refs if r.id]


def html_paragraphs(html: str) -> list[str]:
    """Escaped HTML from the service -> its paragraphs as plain text, in order.

    Only the text survives: the minutes document is rebuilt from it, so no markup or
    script from the site reaches the corpus.
    """
    from bs4 import BeautifulSoup

    if not html.strip():
        return []
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    out: list[str] = []
    for element in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "td"]):
        if element.find(["p", "li", "td"]) is not None:
            continue
        text = re.sub(r"\s+", " ", element.get_text("")).replace("\xa0", " ").strip()
        if text:
            out.append(f"- {text}" if element.name == "li" else text)
    if not out:
        text = re.sub(r"\s+", " ", soup.get_text(" ")).strip()
        out = [text] if text else []
    return out


def _item_number(item: Any) -> str | None:
    """The number people cite: the printed `9.`, not the internal agenda position."""
    for name in ("fulldisplaynumberformat", "minutesitemnumber", "agendaitemnumber"):
        value = _text(item, name).rstrip(".").strip()
        if value:
            sub = _text(item, "minutesitemsubnumber") if name == "minutesitemnumber" else ""
            return f"{value}{sub}"
    return None


def parse_meeting(content: bytes, committee: str) -> Meeting:
    """`GetMeeting` -> the meeting, its items with minutes, and its linked documents."""
    root = _root(content, "GetMeeting", "meeting")
    status = _text(root, "meetingstatus")
    meeting = Meeting(
        id=_text(root, "meetingid"),
        committee=committee,
        date=parse_ws_date(_text(root, "meetingdate")),
        time=_text(root, "meetingtime"),
        status=status,
        cancelled=status.lower().startswith("cancel"),
    )
    for element in root.iter("agendaitem"):
        number = _item_number(element)
        title = _text(element, "agendaitemtitle")
        restricted = _flag(element, "isrestricted")
        minutes: list[str] = []
        if not restricted and _text(element, "isminutepublished").lower() != "false":
            minutes = html_paragraphs(_text(element, "minutesnonemptyhtmlbody"))
        meeting.items.append(AgendaItem(number, title, minutes, restricted))
        for doc in element.iter("linkeddoc"):
            meeting.documents.append(
                LinkedDocument(
                    url=_text(doc, "url"),
                    title=_text(doc, "title") or _text(doc, "ownertitle") or title,
                    attachment_id=_text(doc, "attachmentid") or None,
                    item=number,
                    item_title=title or None,
                    restricted=restricted or _flag(doc, "isrestricted"),
                    is_link=_flag(doc, "isurl"),
                    published=parse_ws_date(_text(doc, "publicationdate")),
                )
            )
    return meeting
