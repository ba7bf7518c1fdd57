"""Each rank band below `/ask`'s hits gives up to two quotes (`answering.BELOW_HITS_QUOTES`
2, round 57): the passage that says the answer, ranked 9th to 15th, most often lost its
band's one place to a better-scored passage of the same band (eval/README.md, r57-evid5:
17 of 33 heldout and 22 of 37 converted natural tune rows whose missed gold stands there).
The sentences are those of tests/answering/test_deeper_passages.py (the seed minutes'
own, corpus/003 paragraph 41.9, and the pool written in their style)."""

from __future__ import annotations

import pytest

from search_api import answering
from tests.answering.test_deeper_passages import ANSWERS, FILLER
from tests.answering.test_passages_below_hits import WORDING, _answer


def _cited(below: list[str]) -> set[int]:
    return {c.passage_id for c in _answer(below).citations}


def test_the_second_best_passage_of_a_band_gives_its_sentence() -> None:
    """Ranked 11th and 12th (the band from `DEEPER_NEAR_RANKS`), the question's own
    words outscore the sentence that answers: both are quoted."""
    below = [FILLER + ".", FILLER + "..", WORDING, ANSWERS]
    cited = _cited(below)
    assert {11, 12} <= cited, cited


def test_one_place_a_band_leaves_the_answer_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """At one quote a band (round 35's value) the better-scored passage takes the place."""
    monkeypatch.setattr(answering, "BELOW_HITS_QUOTES", 1)
    below = [FILLER + ".", FILLER + "..", WORDING, ANSWERS]
    cited = _cited(below)
    assert 11 in cited and 12 not in cited, cited


def test_a_band_gives_no_more_than_its_places() -> None:
    """Three passing passages in a band: the two best are quoted, the third is not."""
    below = [FILLER + ".", FILLER + "..", WORDING, WORDING + " ", ANSWERS]
    cited = _cited(below)
    assert len(cited & {11, 12, 13}) == answering.BELOW_HITS_QUOTES, cited
