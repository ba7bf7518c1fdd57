"""Figures at a glance: the numbers a trend answer's cited quotes state, as a series.

"About 40% of the workforce was agency staff" (November 2018) and "the rate of agency
social workers [fell] to 33.3%" (September 2022) are two points of one measure. A
member sees the change faster as a line than in two sentences, so the page draws the
series as a small chart (each point linked to its citation) with a table for screen
readers, and the briefing prints the table.

Only what the quotes say verbatim is used: one figure per citation (the first of the
measure in its quote), dated by the passage's own stated date else its meeting's. A
figure named as an aim or a target ("aim to reduce the number to 10%") is not a
measurement and is left out. A series needs points at two dates at least; otherwise
there is no chart. Measures: percentages, sums of money in pounds, and counts of one
thing ("12 social workers").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from indexer.models import Citation, DatePrecision

from .answering import Answer, CitedQuote, format_date
from .briefing import Briefing

__all__ = [
    "FigurePoint",
    "Figures",
    "MeasureKind",
    "briefing_figures",
    "extract_figures",
    "figure_rows",
    "figures_of",
]

MeasureKind = Literal["percent", "pounds", "count"]

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s*(?:%|per\s?cent\b)", re.IGNORECASE)
POUNDS = re.compile(
    rf"£\s?(?P<num>{_NUMBER})\s*(?P<scale>million\b|m\b|bn\b|billion\b|k\b|thousand\b)?",
    re.IGNORECASE,
)
COUNT = re.compile(rf"\b(?P<num>{_NUMBER})\s+(?P<noun>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)")
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_NOT_COUNTED = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|years?|months?|weeks?|days?|hours?|minutes?|per|of|and|or|to|in|on|at"
    r"|the|a|an|was|were|is|are|had|has|have|st|nd|rd|th|times?|percent|pence|p)\b",
    re.IGNORECASE,
)
AIM = re.compile(r"\b(?:aim\w*|target\w*|goal|ambition|aspir\w*|should)\b", re.IGNORECASE)
"""Words before a figure that make it a target rather than a measurement."""
_AIM_WINDOW = 48
"""Characters before a figure searched for `AIM` words (about six words)."""


class FigurePoint(BaseModel):
    """One figure, quoted verbatim, at the date of its passage, with its citation number."""

    n: int = Field(description="The answer's citation number [n]")
    date: date
    date_label: str = Field(description="'21 November 2018'; 'September 2022'")
    value: float = Field(description="The figure as a number (pounds in pounds, not millions)")
    text: str = Field(description="The figure as the quote writes it: '33.3%'")


class Figures(BaseModel):
    """A series of figures of one measure over time, oldest first."""

    kind: MeasureKind
    label: str = Field(description="What is measured: 'Percentage', 'Pounds', 'social workers'")
    unit: str = Field(description="'%', '£' or '' for a count")
    points: list[FigurePoint]


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def _is_target(quote: str, start: int) -> bool:
    return bool(AIM.search(quote[max(0, start - _AIM_WINDOW) : start]))


_STOP = {"in", "of", "and", "or", "to", "on", "at", "for", "with", "was", "were", "is", "are",
         "had", "has", "have", "who", "which", "that", "from", "by", "as"}  # fmt: skip


def _noun(words: str) -> str:
    """The thing counted ('social workers'), its last word singular, so that 'worker' and
    'workers' are one measure."""
    kept: list[str] = []
    for word in words.lower().split():
        if word in _STOP:
            break
        kept.append(word)
    if kept and kept[-1].endswith("s") and not kept[-1].endswith("ss"):
        kept[-1] = kept[-1][:-1]
    return " ".join(kept)


def _first(quote: str) -> dict[tuple[MeasureKind, str], tuple[float, str]]:
    """The first non-target figure of each measure in a quote: {(kind, noun): (value, text)}."""
    found: dict[tuple[MeasureKind, str], tuple[float, str]] = {}
    taken: list[tuple[int, int]] = []

    def add(kind: MeasureKind, noun: str, m: re.Match[str], value: float) -> None:
        taken.append(m.span())
        if _is_target(quote, m.start()):
            return
        found.setdefault((kind, noun), (value, m.group(0).strip()))

    for m in PERCENT.finditer(quote):
        add("percent", "", m, _value(m["num"]))
    for m in POUNDS.finditer(quote):
        scale = _SCALES.get((m["scale"] or "").lower(), 1.0)
        add("pounds", "", m, _value(m["num"]) * scale)
    for m in COUNT.finditer(quote):
        if any(a <= m.start() < b for a, b in taken) or _NOT_COUNTED.match(m["noun"]):
            continue
        value = _value(m["num"])
        if 1900 <= value <= 2100 and "." not in m["num"]:
            continue  # a year
        noun = _noun(m["noun"])
        if noun:
            add("count", noun, m, value)
    return found


def _when(c: Citation) -> tuple[date, str] | None:
    """The date a passage speaks for, and how to write it."""
    if c.stated_date:
        day = c.stated_date
        return day, format_date(day, "month" if day.day == 1 else None)
    if c.meeting_date is None:
        return None
    day = c.meeting_date
    precision: DatePrecision | None = c.date_precision
    if precision is None and c.date_approximate and day.day == 1:
        precision = "year" if day.month == 1 else "month"
    return day, format_date(day, precision)


_LABELS: dict[MeasureKind, tuple[str, str]] = {
    "percent": ("Percentage", "%"),
    "pounds": ("Pounds", "£"),
    "count": ("", ""),
}
_PREFERENCE: dict[MeasureKind, int] = {"percent": 0, "pounds": 1, "count": 2}


def extract_figures(citations: Sequence[CitedQuote]) -> Figures | None:
    """The measure stated by the most citations across two dates or more, as a series; None
    when no measure is stated at two dates."""
    series: dict[tuple[MeasureKind, str], list[FigurePoint]] = {}
    for cited in citations:
        when = _when(cited.citation)
        if when is None:
            continue
        for key, (value, text) in _first(cited.quote).items():
            series.setdefault(key, []).append(
                FigurePoint(n=cited.n, date=when[0], date_label=when[1], value=value, text=text)
            )
    usable = {k: v for k, v in series.items() if len({p.date for p in v}) >= 2}
    if not usable:
        return None
    (kind, noun), points = min(
        usable.items(), key=lambda kv: (-len(kv[1]), _PREFERENCE[kv[0][0]], kv[0][1])
    )
    label, unit = _LABELS[kind]
    return Figures(
        kind=kind,
        label=label or f"Number ({noun})",
        unit=unit,
        points=sorted(points, key=lambda p: (p.date, p.n)),
    )


def figures_of(answer: Answer) -> Figures | None:
    """The figures of a trend answer (None for any other answer, or an abstention)."""
    if answer.abstained or answer.intent is None or not answer.intent.trend:
        return None
    return extract_figures(answer.citations)


def briefing_figures(b: Briefing) -> Figures | None:
    """The figures a briefing's timeline quotes state (numbers are its references')."""
    if b.abstained:
        return None
    refs = {r.n: r for r in b.references}
    cited: list[CitedQuote] = []
    for entry in b.timeline:
        for point in entry.points:
            r = refs.get(point.ref)
            if r is None:
                continue
            citation = Citation(
                document_id=r.document_id,
                meeting_date=r.meeting_date,
                date_approximate=r.date_approximate,
                stated_date=point.stated_date or r.stated_date,
            )
            cited.append(CitedQuote(point.ref, r.passage_id, point.quote, point.quote, citation))
    return extract_figures(cited)


def figure_rows(f: Figures) -> list[tuple[str, str, str]]:
    """The table of a series, as printed in a briefing: (date, figure, reference)."""
    return [(p.date_label, p.text, f"[{p.n}]") for p in f.points]
