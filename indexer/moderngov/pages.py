"""The HTML fallback: a site's meeting pages, for councils whose web service is off.

`ieListMeetings.aspx` lists a committee's meetings of a year (links to
`ieListDocuments.aspx?CId=…&MId=…` whose text gives the date); `ieListDocuments.aspx` is
the meeting's "Agenda, decisions and minutes" page: items in `table.mgItemTable` with
their minutes, and links to the papers (`documents/s…/….pdf`, packs under
`documents/g…`). That page is kept as the meeting's own document: the indexer's ModernGov
HTML reader already reads it item by item.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import httpx

from indexer.dates import day_in_words
from indexer.moderngov.meetings import Committee, LinkedDocument, Meeting, MeetingRef

_DOCUMENT_HREF = re.compile(r"(?:^|/)(?:documents/[a-z]\d+/|mgConvert2PDF\.aspx)", re.I)


def committees_page_url(site: str) -> str:
    """The site's committee list page (the HTML fallback to the web service)."""
    return f"{site.rstrip('/')}/mgListCommittees.aspx"


def meetings_page_url(site: str, committee_id: str, year: int) -> str:
    """A committee's meetings of one year."""
    return f"{site.rstrip('/')}/ieListMeetings.aspx?CId={committee_id}&Year={year}"


def meeting_page_url(site: str, committee_id: str, meeting_id: str) -> str:
    """A meeting's page: the council's own URL for its agenda and minutes."""
    return f"{site.rstrip('/')}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"


def _soup(html: bytes | str) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


def _link_text(anchor: Any) -> str:
    for tag in anchor.find_all("span", class_=["mgFileSize", "mgHide"]):
        tag.extract()
    return re.sub(r"\s+", " ", anchor.get_text(" ")).strip()


def _query(href: str, *names: str) -> str | None:
    params = {k.lower(): v for k, v in parse_qs(urlsplit(href).query).items()}
    for name in names:
        if values := params.get(name.lower()):
            return values[0]
    return None


def parse_committees_page(html: bytes) -> list[Committee]:
    """`mgListCommittees.aspx` -> committees (links to `mgCommitteeDetails.aspx?ID=…`)."""
    found: dict[str, Committee] = {}
    for anchor in _soup(html).find_all("a", href=True):
        href = anchor["href"]
        if "mgcommitteedetails.aspx" not in href.lower():
            continue
        ident = _query(href, "ID")
        title = _link_text(anchor)
        if ident and title and ident not in found:
            found[ident] = Committee(id=ident, title=title)
    return list(found.values())


def parse_meetings_page(html: bytes) -> list[MeetingRef]:
    """`ieListMeetings.aspx` -> the meetings it links, with the date their text gives."""
    refs: dict[str, MeetingRef] = {}
    for anchor in _soup(html).find_all("a", href=True):
        href = anchor["href"]
        if "ielistdocuments.aspx" not in href.lower():
            continue
        ident = _query(href, "MId")
        if not ident or ident in refs:
            continue
        holder = anchor.find_parent(["li", "tr", "p"]) or anchor
        text = re.sub(r"\s+", " ", holder.get_text(" "))
        cancelled = "cancel" in text.lower()
        refs[ident] = MeetingRef(
            id=ident,
            date=day_in_words(text),
            status="Cancelled" if cancelled else "",
            cancelled=cancelled,
        )
    return list(refs.values())


def parse_meeting_page(html: bytes, url: str, committee: str) -> Meeting:
    """`ieListDocuments.aspx` -> the meeting, its papers, and the page itself."""
    soup = _soup(html)
    heading = soup.find("h2", class_="mgSubTitleTxt")
    heading_text = re.sub(r"\s+", " ", heading.get_text(" ")).strip() if heading else ""
    meeting = Meeting(
        id=_query(url, "MId") or "",
        committee=committee,
        date=day_in_words(heading_text),
        status="Cancelled" if "cancel" in heading_text.lower() else "",
        cancelled="cancel" in heading_text.lower(),
        page_url=url,
    )
    seen: set[str] = set()
    for anchor in soup.find_all("a", href=True):
        href = anchor["href"].strip()
        if not _DOCUMENT_HREF.search(urlsplit(href).path):
            continue
        target = str(httpx.URL(urljoin(url, href)))  # spaces percent-encoded, as browsers do
        if target in seen:
            continue
        seen.add(target)
        item, item_title = _item_of(anchor)
        title = _link_text(anchor)
        if item is None:
            # Meeting-level packs say only "Printed minutes": their file name says more.
            stem = PurePosixPath(unquote(urlsplit(target).path)).stem
            title = stem if len(stem) > len(title) else title
        meeting.documents.append(
            LinkedDocument(url=target, title=title or "Document", item=item, item_title=item_title)
        )
    if soup.find("table", class_="mgItemTable") is not None or meeting.documents:
        meeting.page_html = html
    return meeting


def _item_of(anchor: Any) -> tuple[str | None, str | None]:
    """The agenda item a link sits under: its row's number cell and title."""
    row = anchor.find_parent("tr")
    while row is not None and row.find("td", class_="mgItemNumberCell") is None:
        row = row.find_parent("tr")
    if row is None:
        return None, None
    number = re.sub(r"\s+", " ", row.find("td", class_="mgItemNumberCell").get_text(""))
    title_tag = None
    for candidate in row.find_all("p", class_="mgAiTitleTxt"):
        if candidate.find_parent("td", class_="mgItemNumberCell") is None:
            title_tag = candidate
            break
    title = None
    if title_tag is not None:
        copy = _soup(str(title_tag)).find("p")
        title = _link_text(copy) if copy is not None else None
    return number.strip().rstrip(".").strip() or None, title or None
