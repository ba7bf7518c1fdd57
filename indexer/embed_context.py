"""The context line a passage is embedded with: what the passage is about, in front of it.

A paragraph often leaves its topic implicit ("the overspend was reduced to £2m"): the
words that say what it is about stand in the item title ("Revenue Monitoring") or the
document title ("Finance Monitoring Report Q3"). The lexical side indexes both titles as
fields; the dense side can only read what is in the text it embeds, so the builder puts
a short context line in front of the passage when the model's 256-token window has room
(a prefix that pushed the passage's tail out of the window would lose more than it adds).

Modes (`Settings.embed_context`, recorded in the index: vectors made one way do not
match queries ranked against another):

- ``item``: "Item title: text" (rounds 1-4);
- ``document``: "Document topic — Item title: text", the document title cleaned of
  file-name noise (dates, times, "Printed minutes", "Appendix 1", reference numbers)
  and given only when it adds a word that neither the item title nor the passage has;
- ``leadin``: "Item title: lead-in … text" for a passage that continues a list: a list's
  items rarely name their category ("£5.6m to increase the Highways …" under "The
  following amendments were moved:"), and the lead-in that does sits at the end of the
  passage before (eval/README.md "Lead-in context, round 8"). Other passages as ``item``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence

from .ingest.metadata import WEEKDAYS
from .settings import EmbedContext
from .text import ANALYZER, LIST_LEAD, split_sentences

__all__ = ["EmbedContext", "document_topic", "embedding_input", "lead_ins"]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_NOISE = re.compile(
    r"""
    \b(?:printed\s+minutes|minutes\s+of\s+the\s+meeting\s+held\s+on|agenda\s+and\s+minutes
       |agenda\s+frontsheet|public\s+pack|supplement(?:ary)?\s+pack|final|draft|v\d+)\b
  | \b(?:appendix|appendices|annex|annexe|enclosure|attachment|item|agenda\s+item)\b
       (?:\s+(?:[a-z]|\d{1,3}[a-z]?)\b(?:\s*(?:and|&|,)\s*(?:[a-z]|\d{1,3}[a-z]?)\b)*)?
  | \b(?:"""
    + "|".join(WEEKDAYS)
    + r""")\b
  | \b\d{1,2}(?:st|nd|rd|th)?[\s\-./]*"""
    + _MONTH
    + r"""[\s\-./]*(?:\d{2,4})?\b
  | \b"""
    + _MONTH
    + r"""\s+\d{4}(?:[-/]\d{2,4})?\b
  | \b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b
  | \b\d{1,2}[.:]\d{2}\s*(?:am|pm)?\b
  | \b\d{2}-\d{3,}\b
  | ^\s*\d{1,3}\s*[-–—:.]\s
  | _\d+\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SEPARATORS = re.compile(r"(?:\s*[-–—_|:;,]\s*)+(?=\s|$)|^\s*[-–—_|:;,.\s]+|\s{2,}")


def document_topic(title: str | None) -> str | None:
    """The words of a document title that say what it is about, or None if none do.

    Titles often come from file names: "Printed minutes 13th-Feb-2025 09.30 County
    Council" says only "County Council", "Appendix 1" nothing at all."""
    if not title:
        return None
    kept = _NOISE.sub(" ", title.replace("_", " ") if "_" in title.strip("_") else title)
    kept = _SEPARATORS.sub(" ", kept).strip(" -–—_|:;,.")
    kept = re.sub(r"\s+", " ", kept)
    if len(re.findall(r"[^\W\d_]{3,}", kept)) == 0:
        return None
    return kept


_ITEM_START = re.compile(
    r"^\s*(?:[\u2022\u25aa\u2013\-*]\s|\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]\s"
    r"|[\"\u201c\u2018'])"
)
"""A passage that opens with a list item: a bullet or dash, "1.", "(a)", "ii)", or a quoted
clause (an amendment's text)."""
LEAD_WORDS = 30
"""Words of a lead-in kept (its end, which names what follows)."""


def _lead_in(text: str, last_only: bool) -> str | None:
    """The last sentence of `text` that introduces a list, at most `LEAD_WORDS` words from
    its end; `last_only`: only when it is the passage's last sentence."""
    sentences = split_sentences(text)
    for sentence in reversed(sentences[-1:] if last_only else sentences):
        if LIST_LEAD.search(sentence.text):
            words = sentence.text.split()
            kept = " ".join(words[-LEAD_WORDS:])
            return kept if len(words) <= LEAD_WORDS else f"… {kept}"
    return None


def lead_ins(texts: Sequence[str], items: Sequence[Hashable]) -> list[str | None]:
    """For each passage of one document, in order, the lead-in of the list it continues.

    `items`: each passage's agenda item (a lead-in never crosses into another item). A
    passage continues a list when the one before (same item) ends with a lead-in, or when
    it opens with an item and the one before holds a lead-in or carries one itself (a list
    running over several passages keeps its lead-in)."""
    out: list[str | None] = [None] * len(texts)
    for i in range(1, len(texts)):
        if items[i] != items[i - 1]:
            continue
        lead = _lead_in(texts[i - 1], last_only=True)
        if lead is None and _ITEM_START.match(texts[i]):
            lead = _lead_in(texts[i - 1], last_only=False) or out[i - 1]
        out[i] = lead
    return out


def _adds_words(topic: str, known: str) -> bool:
    """Whether `topic` holds a content word (stemmed, stopwords aside) that `known` lacks."""
    have = {t for t in ANALYZER.terms(known) if t}
    return any(t and t not in have for t in ANALYZER.terms(topic))


def embedding_input(
    text: str,
    item_title: str | None,
    count_tokens: Callable[[str], int],
    limit: int,
    title: str | None = None,
    context: EmbedContext = "item",
    lead_in: str | None = None,
) -> str:
    """`text` with its context line in front, the longest that fits the model's window.

    `title`: the document's title, read only when `context` is ``document``; `lead_in`:
    the list's lead-in (`lead_ins`), read only when `context` is ``leadin``. Falls back
    to the item title alone, then to the bare text, when the line would not fit."""
    candidates: list[str] = []
    if context == "leadin" and lead_in:
        lead = f"{lead_in} … {text}"
        candidates.append(f"{item_title}: {lead}" if item_title else lead)
    topic = document_topic(title) if context == "document" else None
    if topic and _adds_words(topic, f"{item_title or ''} {text}"):
        candidates.append(f"{topic} — {item_title}: {text}" if item_title else f"{topic}: {text}")
    if item_title:
        candidates.append(f"{item_title}: {text}")
    for candidate in candidates:
        if count_tokens(candidate) <= limit:
            return candidate
    return text
