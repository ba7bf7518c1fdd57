"""A quoted passage's left-out sentence on topic (round 27, `answering.NEXT_EACH` and
`answering.NEXT_TOPIC`).

`_next_best` quoted one sentence the caps (`BEST_LIMIT`, `PER_PASSAGE`) left out of the
passages an answer quotes from its pool: the best of them all, and only when it scored at
least the answer's weakest chosen sentence. The sentence that says the answer was often
the second or third best left out, behind another quoted passage's, or a little below the
weakest chosen one: k17-024, k2-210, k13-025 on heldout tune, s13-002 on the seed index
(eval/README.md "A quoted passage's left-out sentence on topic, round 27"). Now each quoted
passage gives its own best left-out sentence that scores at least the weakest chosen one
(`NEXT_EACH`), or that passes the pool's own test and holds a topic term (`NEXT_TOPIC`).

Text: the Children and Families Overview and Scrutiny Committee minutes of 21 November
2018, para 41.6 (the seed documents), served from the seed index.
"""

from __future__ import annotations

import pytest

from search_api import answering
from search_api.archive import Archive
from search_api.search import SearchRequest

GOLD = "if not at the required standard their contract would be addressed appropriately"


def _quotes(reader: object, question: str) -> list[str]:
    answer = reader.ask(SearchRequest(question, 8))  # type: ignore[attr-defined]
    assert all(c.quote in c.text for c in answer.citations)
    return [c.quote for c in answer.citations]


def test_a_quoted_paragraph_s_left_out_sentence_that_says_the_answer_is_quoted(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The served `/ask` on the seed index: the paragraph on agency staff is quoted for its
    sentence on longer contracts; its first sentence, on what happens to agency staff "not
    at the required standard", was left out (another quoted passage's left-out sentence
    took `_next_best`'s one place). Each quoted passage's own best left-out sentence now
    carries it; with both rules off (main's `_next_best`) it is not quoted."""
    reader = seed_engine.reader()
    question = "What happens if an agency social worker isn't up to the job?"
    quotes = _quotes(reader, question)
    assert any(GOLD in q for q in quotes), quotes
    monkeypatch.setattr(answering, "NEXT_EACH", False)
    monkeypatch.setattr(answering, "NEXT_TOPIC", False)
    without = _quotes(reader, question)
    assert not any(GOLD in q for q in without), without
    # It takes no place: every quote of the answer without the rules is still there (a quote
    # may be read on into one beside it: `BRIDGE`).
    assert all(any(w in q for q in quotes) for w in without), (without, quotes)
