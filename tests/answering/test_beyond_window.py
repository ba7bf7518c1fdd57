"""The passage after a quoted hit that no window shows is read as its window's next
passage would be (`BEYOND_WINDOW`, round 58).

`/search` grows each hit to its item window within `window_chars` (1,000 characters): a
long paragraph and the one after it together run past it, so the hit's window shows it
alone, and the answer, which reads the next passage only through the windows (`BESIDE`)
or after a lead-in, never read the paragraph that goes on with its matter (Kent's minutes
of 19 December 2024: "15) Mr Lehmann spoke about … suggested, instead, that the
government acknowledge that the Council was an outlier …" after the 862-character
paragraph quoting his group's view; eval/README.md, r58-evid6). The passage after such a
hit (`Reader.following`) now passes or fails `BESIDE`'s guard as a window neighbour one
passage on. Texts are the seed minutes' own (corpus/001, 21 November 2018, paragraphs 41.4
and 41.5), as in `test_guarded_neighbours.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from indexer.models import Hit
from search_api import answering
from search_api.answering import Answer
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder
from tests.answering.item41 import MARKET, OTHER, RETENTION, item_hit, shown_with

QUESTION = "Did market forces favour the experienced social worker?"


class Store:
    """`Reader.following` over item 41: 41.4 (passage 1) is followed by 41.5 (passage 7),
    the revenue note (passage 2) by nothing; each call is kept."""

    def __init__(self) -> None:
        self.asked: list[list[int]] = []

    def __call__(self, found: Sequence[Hit]) -> dict[int, Hit]:
        self.asked.append([h.passage_id for h in found])
        after = {1: item_hit(7, MARKET, "41.5", 3, 0.0)}
        return {h.passage_id: after[h.passage_id] for h in found if h.passage_id in after}


def _answer(
    question: str = QUESTION, shown: bool = False, trend: bool = False, store: Store | None = None
) -> Answer:
    """The answer when hit 1 (41.4) is shown alone (its window's budget left 41.5 out), or,
    `shown`, in a window with 41.5 after it."""
    hits = [item_hit(1, RETENTION, "41.4", 2, 1.0), item_hit(2, OTHER, "40.1", 1, 0.5)]
    window = shown_with(hits[0], MARKET) if shown else hits[0]
    intent = TemporalIntent(topic=question, span=None, trend=trend)
    return answering_builder().answer(
        intent, hits, {1: 0.6, 2: 0.3}, {}, question=question,
        windows=lambda: [window, hits[1]], following=store if store is not None else Store(),
    )  # fmt: skip


def test_the_paragraph_after_a_hit_its_window_shows_alone_is_quoted_citing_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer = _answer()
    cited = {c.passage_id: c for c in answer.citations}
    assert 7 in cited, [c.quote for c in answer.citations]
    after = cited[7]
    assert "market forces favoured the experienced social worker" in after.quote
    # It cites the paragraph and page it stands in, and follows the hit's quote.
    assert after.text == MARKET and after.quote in after.text
    assert (after.citation.paragraph, after.citation.page) == ("41.5", 3)
    assert 1 in cited and after.n == cited[1].n + 1
    monkeypatch.setattr(answering, "BEYOND_WINDOW", False)
    assert 7 not in {c.passage_id for c in _answer().citations}


def test_it_passes_the_guard_a_window_neighbour_passes() -> None:
    """The pay sentence of 41.4 answers far better than anything 41.5 says: 41.5 is read
    and not quoted, as it is not when its window shows it."""
    question = "Was pay a factor in the retention of social workers?"
    assert 7 not in {c.passage_id for c in _answer(question).citations}
    assert 7 not in {c.passage_id for c in _answer(question, shown=True).citations}


def test_the_store_is_asked_only_for_quoted_hits_whose_window_ends_at_them() -> None:
    """A window showing 41.5 after 41.4 leaves nothing to look up (41.5 is quoted as its
    neighbour, as before), and the unquoted revenue note is never looked up."""
    store = Store()
    answer = _answer(shown=True, store=store)
    assert 7 in {c.passage_id for c in answer.citations}
    assert store.asked == []
    store = Store()
    _answer(store=store)
    assert store.asked == [[1]]


def test_a_timeline_reads_no_passage_beyond_its_windows() -> None:
    store = Store()
    _answer(trend=True, store=store)
    assert store.asked == []


def test_the_served_answer_reads_the_paragraph_after_a_hit_no_window_shows(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The served `/ask` on the seed index (s2-610's wording): a quoted hit's next paragraph
    in its item, which no window `/search` shows and no hit is (paragraph 41.5 of the seed
    minutes, "… current market forces favoured the experienced social worker …"), is quoted
    citing its own paragraph and page, as the store holds it; without `BEYOND_WINDOW` it is
    not."""
    reader = seed_engine.reader()
    request = SearchRequest(
        "What new ways of training people up to become social workers were planned to keep "
        "enough staff?", 8,
    )  # fmt: skip
    ranked = {h.passage_id for h in reader.ranked(request).hits}
    shown = {p.passage_id for h in reader.search(request).hits for p in h.window} | ranked
    answer = reader.ask(request)
    assert not answer.abstained
    quoted = [h for h in reader.ranked(request).hits if h.passage_id in {
        c.passage_id for c in answer.citations
    }]  # fmt: skip
    after = {n.passage_id for n in reader.following(quoted).values()} - shown
    beyond = [c for c in answer.citations if c.passage_id in after]
    assert any("market forces favoured the experienced social worker" in c.quote for c in beyond), [
        c.quote for c in answer.citations
    ]
    stored = reader.passages([c.passage_id for c in beyond])
    for c in beyond:
        own = stored[c.passage_id]
        assert c.text == own.text.replace("\n", " ") and c.quote in c.text
        assert (c.citation.paragraph, c.citation.page) == (
            own.citation.paragraph, own.citation.page,
        )  # fmt: skip
    monkeypatch.setattr(answering, "BEYOND_WINDOW", False)
    assert not after & {c.passage_id for c in reader.ask(request).citations}
