"""Item windows: score small, return big.

A passage is a paragraph (400 characters on average, many under 200), the right size to
score: its vector and its words are about one thing. It is the wrong size to read: a
list's items, a motion's parts and the figure a heading introduces stand in the passages
around it, in the same agenda item (eval/README.md, "Neighbouring passages, round 14":
22 of 30 missed quotes whose document ranks stand within three passages of one that
does). So the ranking stays the passages', and each hit `/search` returns carries its
passage with the item's neighbouring passages around it, in reading order, up to
`SearchSettings.window_chars` characters; its score and citation stay the passage's.

Hits are windowed best first, and a hit whose passage a higher window already shows is
merged into it: the next ranked candidate takes its place, so the top k are k distinct
windows and carry more of the archive's text than k paragraphs would. Passages an earlier
page showed count as shown too, so pages never repeat one another (`search_api.ordering`).

A near copy of a hit moved below the others (`search.demote_near_copies`: the draft and
the final of one report, an amendment and the minutes that print it) is folded into the
hit's window: the passages around the copy that the window does not show, and that are
not near copies of one it shows (the vote the minutes print after the amendment), follow
the window as parts naming their own document (`WindowPart.document_id`), for a copy of
any passage the window shows. The copy's slot stays free for another passage; what only
its surroundings say stays shown. Folded passages are added only: they count as shown
for no merge and no window below (eval/README.md, "Near copies that hold the answer,
round 23").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from indexer.models import Hit, WindowPart
from indexer.store import PassageStore, Placed
from indexer.text import ANALYZER, highlights, words

from .search import SearchResult, highlighted, near

Folded = tuple[Hit, list[Placed]]
"""A near copy of a hit and the passages around it that the hit's window lacks."""

__all__ = ["WINDOW_REACH", "with_windows"]

WINDOW_REACH = 6
"""Passages a window may reach on each side of its own: twice the distance round 14
found most missed quotes within (three), so that a budget, not the reach, bounds it."""

SEPARATOR = "\n"
"""Between the passages of a window: each starts on its own line."""

Place = tuple[str, int]
"""(document id, ordinal): where a passage stands."""


def with_windows(
    result: SearchResult,
    store: PassageStore,
    budget: int,
    shown: frozenset[int] = frozenset(),
    overlap: float = 0.0,
) -> SearchResult:
    """The result with each hit's text grown to its item window (`budget` characters, 0
    = the passage alone), merged hits replaced from the ranking below, and each hit's
    near copies (`result.copies`) folded in, leaving out the passages that share at least
    `overlap` of their words with one the window shows (module docstring); the passages
    of `shown` (ids an earlier page showed) are neither hits nor context. The
    neighbourhoods of the top 2k candidates are one store read; only when merges use them
    all up are the next 2k read; a shown hit's near copies are one read more."""
    if (budget <= 0 and not shown) or not result.hits:
        return result
    k = result.request.k
    ranked = [*result.hits, *result.below]
    places = {h.passage_id: _place(h) for h in ranked}
    around: dict[Place, Placed] = {}
    read = 0
    terms = ANALYZER.query_terms(result.intent.topic)
    shown_ids: set[int] = set(shown)
    shown_at: set[Place] = set()

    def taken(at: Place, row: Placed) -> bool:
        return at in shown_at or row.passage_id in shown_ids

    out: list[Hit] = []
    for i, hit in enumerate(ranked):
        if len(out) >= k:
            break
        if hit.passage_id in shown_ids:
            continue  # merged: a higher window shows this passage already
        if i >= read:
            batch = [places[h.passage_id] for h in ranked[i : i + 2 * k]]
            around.update(store.stretches([p for p in batch if p is not None], WINDOW_REACH))
            read = i + 2 * k
        place = places[hit.passage_id]
        own = around.get(place) if place is not None else None
        if place is None or own is None or own.passage_id != hit.passage_id:
            stretch: list[Place] = []
        else:
            stretch = _stretch(place, around, budget, taken)
        shown_at.update(stretch)
        shown_ids.update([hit.passage_id, *(around[at].passage_id for at in stretch)])
        rows = [around[at] for at in stretch]
        ids = [row.passage_id for row in rows] or [hit.passage_id]
        copies = [c for pid in ids for c in result.copies.get(pid, [])] if budget > 0 else []
        copy_places = [p for p in map(_place, copies) if p is not None]
        nearby = store.stretches(copy_places, WINDOW_REACH) if copy_places else {}
        folded: list[Folded] = []
        for copy in copies:
            seen = rows + [row for _, rest in folded for row in rest]
            more = _fold(copy, seen, nearby, budget, overlap, taken)
            if more:
                folded.append((copy, more))
        out.append(_windowed(hit, rows, terms, folded))
    if result.empty:
        # Page furniture stays after every passage with content, those taken from below the
        # top k in the places of merged hits included (`search_api.empty`).
        out = [h for h in out if h.passage_id not in result.empty] + [
            h for h in out if h.passage_id in result.empty
        ]
    return dataclasses.replace(result, hits=out)


def _fold(
    copy: Hit,
    rows: list[Placed],
    around: dict[Place, Placed],
    budget: int,
    overlap: float,
    taken: Callable[[Place, Placed], bool],
) -> list[Placed]:
    """The passages of the copy's own item window (read from `around`) that no window
    above shows, that the hit's window and its folds so far (`rows`) do not show and that
    are no near copy of a passage they show.
    They are added to the page only: never counted as shown, they merge no hit and stop
    no window below (the fold changes nothing else)."""
    place = _place(copy)
    if place is None:
        return []
    own = around.get(place)
    if own is None or own.passage_id != copy.passage_id or taken(place, own):
        return []
    mine = {row.passage_id for row in rows}
    sets = [set(words(row.text)) for row in rows]
    keep = [
        at
        for at in _stretch(place, around, budget, taken)
        if around[at].passage_id not in mine
        and not (overlap > 0 and any(near(set(words(around[at].text)), o, overlap) for o in sets))
    ]
    return [around[at] for at in keep]


def _place(hit: Hit) -> Place | None:
    """Where the hit's primary source (the one its citation names) stands."""
    sources = hit.citation.sources
    return (sources[0].document_id, sources[0].ordinal) if sources else None


def _stretch(
    place: Place,
    around: dict[Place, Placed],
    budget: int,
    taken: Callable[[Place, Placed], bool],
) -> list[Place]:
    """The places of a window, in reading order: the passage at `place`, then whole
    neighbours of its item, the following and the preceding side in turn (following
    first), each side stopping at the item's edge, at `WINDOW_REACH`, at a passage
    already shown (`taken`) or at one that would overrun `budget`."""
    doc, origin = place
    item = around[place].item
    lo = hi = origin
    size = len(around[place].text)
    seen = {around[place].passage_id}
    open_side = {1: True, -1: True}
    side = 1
    while open_side[1] or open_side[-1]:
        if open_side[side]:
            at = hi + 1 if side == 1 else lo - 1
            row = around.get((doc, at))
            fits = row is not None and size + len(SEPARATOR) + len(row.text) <= budget
            if (
                row is None
                or not fits
                or row.item != item
                or abs(at - origin) > WINDOW_REACH
                or row.passage_id in seen
                or taken((doc, at), row)
            ):
                open_side[side] = False
            else:
                size += len(SEPARATOR) + len(row.text)
                seen.add(row.passage_id)
                lo, hi = min(lo, at), max(hi, at)
        side = -side
    return [(doc, o) for o in range(lo, hi + 1)]


def _windowed(hit: Hit, rows: list[Placed], terms: list[str], folded: list[Folded]) -> Hit:
    """The hit with the rows' texts, then each folded copy's, as its text, the parts
    located (a folded part names its document), the terms marked (a hit from below the
    top k was not marked yet); the passage alone without rows or folds."""
    if len(rows) <= 1 and not folded:
        return hit.model_copy(update={"highlights": highlighted(hit.text, tuple(terms))})
    if not rows:
        rows = [Placed(hit.passage_id, None, hit.citation.paragraph, hit.citation.page, hit.text)]
    placed: list[tuple[Placed, Hit | None]] = [(row, None) for row in rows]
    placed += [(row, copy) for copy, more in folded for row in more]
    parts: list[WindowPart] = []
    start = 0
    for row, copy in placed:
        end = start + len(row.text)
        parts.append(
            WindowPart(
                passage_id=row.passage_id, paragraph=row.paragraph, page=row.page,
                start=start, end=end,
                document_id=copy.citation.document_id if copy else None,
                title=copy.citation.title if copy else None,
            )
        )  # fmt: skip
        start = end + len(SEPARATOR)
    text = SEPARATOR.join(row.text for row, _ in placed)
    return hit.model_copy(
        update={"text": text, "window": parts, "highlights": highlights(text, terms)}
    )
