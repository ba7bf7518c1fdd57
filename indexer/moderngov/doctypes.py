"""A linked document's type, from its title and the agenda item it hangs on.

The names follow the shared manifest's vocabulary (Kent's `doc_type` column): minutes,
agenda_frontsheet, appendix, amendment, decisions, questions, work programme, report.
"""

from __future__ import annotations

import re

_BY_TITLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("agenda_frontsheet", re.compile(r"\bagenda\s+front\s*sheet\b", re.I)),
    ("appendix", re.compile(r"\b(?:appendix|appendices|annexe?|enclosure)\b", re.I)),
    ("minutes", re.compile(r"\bminutes\b", re.I)),
    ("amendment", re.compile(r"\bamendment\b", re.I)),
    ("decisions", re.compile(r"^(?:printed\s+)?decisions\b", re.I)),
    ("questions", re.compile(r"\bquestions\b", re.I)),
    ("work programme", re.compile(r"\b(?:work\s*programme|WP)\b", re.I)),
    ("agenda", re.compile(r"\bagenda\b", re.I)),
)
_BY_ITEM: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("minutes", re.compile(r"\bminutes\b", re.I)),
    ("work programme", re.compile(r"\bwork\s*programme\b", re.I)),
    ("questions", re.compile(r"\bquestions\b", re.I)),
)


def doc_type(title: str, item_title: str | None) -> str:
    """The title decides first ("Appendix 2" under a report item is an appendix), then
    the item ("DRAFT WP" under "Work Programme"); a paper under any other item is a
    report, and one outside every item (a pack) is "other"."""
    for name, pattern in _BY_TITLE:
        if pattern.search(title):
            return name
    for name, pattern in _BY_ITEM:
        if item_title and pattern.search(item_title):
            return name
    return "report" if item_title else "other"
