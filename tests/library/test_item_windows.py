"""Item windows (score small, return big): a hit `/search` returns carries its passage
with its agenda item's neighbouring passages around it, up to `window_chars`; its score
and citation stay the passage's, and a hit a higher window shows is merged into it."""

from __future__ import annotations

import pytest

from indexer.models import Hit
from indexer.store import PassageStore
from search_api.archive import Archive, Reader
from search_api.search import SearchRequest
from search_api.windows import SEPARATOR, WINDOW_REACH

BUDGET = 1000
OFSTED = "Ofsted inspection judgement"
"""A seed question whose top five hold passages next to each other in one item."""


def reader_with(archive: Archive, chars: int) -> Reader:
    """A reader of the session's seed index whose hits are `chars`-character windows."""
    settings = archive.settings.model_copy(update={"window_chars": chars})
    return Reader(archive.snapshot, settings, archive.embedder)


def where(store: PassageStore, document_id: str, passage_id: int) -> tuple[int, str | None]:
    """(ordinal, item) of a passage in a document."""
    row = store.connection.execute(
        "SELECT ordinal, item FROM sources WHERE document_id = ? AND passage_id = ?",
        (document_id, passage_id),
    ).fetchone()
    assert row is not None
    return row[0], row[1]


def at(store: PassageStore, document_id: str, ordinal: int) -> tuple[int, str | None, str] | None:
    """(passage id, item, text) at an ordinal of a document, if any."""
    row = store.connection.execute(
        "SELECT s.passage_id, s.item, p.text FROM sources s JOIN passages p USING (passage_id) "
        "WHERE s.document_id = ? AND s.ordinal = ?",
        (document_id, ordinal),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def members(hit: Hit) -> list[int]:
    """The passages a hit's text holds."""
    return [p.passage_id for p in hit.window] or [hit.passage_id]


def check_window(store: PassageStore, hit: Hit, budget: int) -> None:
    """The hit's text is its passage among consecutive passages of its own item and
    document, in reading order, within the budget (or its passage alone)."""
    own = store.passages([hit.passage_id])[hit.passage_id].text
    doc = hit.citation.document_id
    origin, item = where(store, doc, hit.passage_id)
    if not hit.window:
        assert hit.text == own
        return
    parts = hit.window
    assert [p.passage_id for p in parts].count(hit.passage_id) == 1
    texts = store.passages([p.passage_id for p in parts])
    assert SEPARATOR.join(texts[p.passage_id].text for p in parts) == hit.text
    for p in parts:
        assert hit.text[p.start : p.end] == texts[p.passage_id].text
    places = [where(store, doc, p.passage_id) for p in parts]
    ordinals = [o for o, _ in places]
    assert ordinals == list(range(ordinals[0], ordinals[0] + len(parts)))
    assert origin in ordinals and all(abs(o - origin) <= WINDOW_REACH for o in ordinals)
    assert {i for _, i in places} == {item}, "a window crossed into another agenda item"
    assert len(hit.text) <= max(budget, len(own))


def test_a_hit_returns_its_passage_among_its_items_neighbours_up_to_the_budget(
    seed_engine: Archive,
) -> None:
    """Every hit's text is a stretch of its own item around its passage; the first hit's
    window grew until the next passage on each side would overrun the budget, left the
    item or was out of reach."""
    reader = reader_with(seed_engine, BUDGET)
    store = seed_engine.snapshot.store
    hits = reader.search(SearchRequest(OFSTED, 5)).hits
    assert any(len(h.window) > 1 for h in hits)
    for h in hits:
        check_window(store, h, BUDGET)
    first = hits[0]
    doc = first.citation.document_id
    origin, item = where(store, doc, first.passage_id)
    ordinals = [where(store, doc, p.passage_id)[0] for p in first.window] or [origin]
    for beyond in (min(ordinals) - 1, max(ordinals) + 1):
        row = at(store, doc, beyond)
        if row is not None and row[1] == item and abs(beyond - origin) <= WINDOW_REACH:
            assert len(first.text) + len(SEPARATOR) + len(row[2]) > BUDGET


def test_a_window_never_reads_into_the_item_before(seed_engine: Archive) -> None:
    """A passage that opens an agenda item, found first, with a budget that would take
    the whole neighbourhood: its window holds nothing of the previous item."""
    store = seed_engine.snapshot.store
    openings = store.connection.execute(
        "SELECT s.document_id, s.passage_id, prev.passage_id, p.text FROM sources s "
        "JOIN sources prev ON prev.document_id = s.document_id AND prev.ordinal = s.ordinal - 1 "
        "JOIN passages p ON p.passage_id = s.passage_id "
        "WHERE prev.item IS NOT s.item AND length(p.text) > 150 ORDER BY s.document_id, s.ordinal"
    ).fetchall()
    reader = reader_with(seed_engine, 5000)
    tried = 0
    for doc, pid, before, text in openings:
        hit = reader.search(SearchRequest(" ".join(text.split()[:25]), 3)).hits[0]
        if hit.passage_id != pid or hit.citation.document_id != doc:
            continue
        tried += 1
        assert before not in members(hit)
        check_window(store, hit, 5000)
        if tried == 3:
            break
    assert tried, "no opening passage of an item ranked first for its own words"


def test_a_hit_a_higher_window_shows_is_merged_and_the_next_takes_its_place(
    seed_engine: Archive,
) -> None:
    """Off, the top five hold neighbours of one item; on, each passage of the ranking's
    top five stands in exactly one of five distinct windows, the ranking's order kept,
    and a passage from below the top five takes the freed place."""
    ranked = reader_with(seed_engine, BUDGET).ranked(SearchRequest(OFSTED, 20)).hits
    order = [h.passage_id for h in ranked]
    plain = reader_with(seed_engine, 0).search(SearchRequest(OFSTED, 5)).hits
    assert [h.passage_id for h in plain] == order[:5]
    hits = reader_with(seed_engine, BUDGET).search(SearchRequest(OFSTED, 5)).hits
    assert len(hits) == 5
    shown = [pid for h in hits for pid in members(h)]
    assert len(shown) == len(set(shown)), "two windows show one passage"
    assert set(order[:5]) <= set(shown)
    own = [h.passage_id for h in hits]
    assert own == sorted(own, key=order.index)
    assert set(own) - set(order[:5]), "no merge happened: the test needs neighbouring hits"


def test_the_citation_and_score_stay_the_scoring_passages(seed_engine: Archive) -> None:
    reader = reader_with(seed_engine, BUDGET)
    ranked = {h.passage_id: h for h in reader.ranked(SearchRequest(OFSTED, 20)).hits}
    for h in reader.search(SearchRequest(OFSTED, 5)).hits:
        assert h.citation == ranked[h.passage_id].citation
        assert h.score == ranked[h.passage_id].score
        for part in h.window:
            if part.passage_id == h.passage_id:
                assert (part.paragraph, part.page) == (h.citation.paragraph, h.citation.page)


def test_off_is_the_ranking_and_answers_quote_the_passages(seed_engine: Archive) -> None:
    """Budget 0 returns the ranked passages themselves; answers read the ranking, so
    every cited text is a stored passage, whatever the budget."""
    store = seed_engine.snapshot.store
    request = SearchRequest(OFSTED, 5)
    off = reader_with(seed_engine, 0)
    assert off.search(request).hits == off.ranked(request).hits
    answer = reader_with(seed_engine, BUDGET).ask(SearchRequest(OFSTED))
    assert answer.citations
    for c in answer.citations:
        assert c.text == store.passages([c.passage_id])[c.passage_id].text


@pytest.mark.parametrize("chars", [1, 200])
def test_a_budget_below_a_passage_returns_it_alone(seed_engine: Archive, chars: int) -> None:
    for h in reader_with(seed_engine, chars).search(SearchRequest(OFSTED, 5)).hits:
        check_window(seed_engine.snapshot.store, h, chars)
