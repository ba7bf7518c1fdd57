"""A search as an Atom feed (RFC 4287): councillors follow a topic in any feed reader.

The feed lists the newest passages matching a search (by meeting date, from the same
pool of relevant passages as `sort=newest`), each entry linking to the passage's
permalink in its document. Ids are those permalinks (passage ids are hashes of their
text, stable across builds), so a reader shows a passage once however often it polls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from indexer.models import Citation, Hit

from .answering import format_date

__all__ = ["ATOM_MEDIA_TYPE", "ATOM_NS", "atom_feed", "entry_title", "permalink"]

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_MEDIA_TYPE = "application/atom+xml; charset=utf-8"
_EPOCH = date(1970, 1, 1)


def permalink(base_url: str, document_id: str, passage_id: int) -> str:
    """The paragraph in its document, highlighted: the page's own permalink for it."""
    query = urlencode({"id": document_id, "passage": passage_id})
    return f"{base_url.rstrip('/')}/document?{query}#p-{passage_id}"


def entry_title(c: Citation) -> str:
    """'21 November 2018 · Children and Families … Committee · Item 41: Ofsted … · para 41.4'."""
    when = format_date(c.meeting_date, None) if c.meeting_date else "Undated"
    what = (f"Item {c.item}: {c.item_title}" if c.item else c.item_title) if c.item_title else None
    parts = [when, c.committee, what or c.title or c.document_id]
    if c.paragraph:
        parts.append(f"para {c.paragraph}")
    return " · ".join(p for p in parts if p)


def _stamp(day: date | None) -> str:
    return datetime.combine(day or _EPOCH, time(), UTC).isoformat().replace("+00:00", "Z")


def atom_feed(
    hits: Sequence[Hit], *, title: str, feed_url: str, page_url: str, base_url: str
) -> bytes:
    """The Atom document: feed id, title, updated, author, self and alternate links, and
    one entry per hit (id, title, updated, link to the permalink, summary)."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", feed_url)
    sub(feed, "title", title)
    newest = max((h.citation.meeting_date for h in hits if h.citation.meeting_date), default=None)
    sub(feed, "updated", _stamp(newest))
    author = sub(feed, "author")
    sub(author, "name", "Scrutiny Search")
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    sub(feed, "generator", "Scrutiny Search")
    for h in hits:
        c = h.citation
        url = permalink(base_url, c.document_id, h.passage_id)
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", entry_title(c))
        sub(entry, "updated", _stamp(c.meeting_date))
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        if c.title:
            sub(entry, "category", term=c.doc_type or "document", label=c.title)
        sub(entry, "summary", h.text)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
