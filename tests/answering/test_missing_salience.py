"""A word the archive holds that no top passage holds (round 23, `missing_salience`).

`absent_salience` counts the saliency on words the archive holds *nowhere*; the coverages
read the best single passage or sentence. Neither says that the asked thing is in the
archive, just not in anything the search found for the question: "allotment" of "What
plans does the council have for new allotment sites?" on the heldout index, where the
top five are about minerals sites and planning (eval/README.md, "Abstention on the
released `u13-` rows, round 23"). `MODEL` (refitted on six index kinds) weighs it.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from indexer.models import Citation, Hit
from search_api.abstention import (
    ABSENT,
    FEATURES,
    LAZY_SALIENT,
    MODEL,
    missing_salience,
)
from search_api.archive import Archive
from search_api.search import SearchRequest
from search_api.sentences import aspects_of

# A Kent tune question (k3-007) asked of the seed index, which holds other councils'
# performance reports: "quarter" and "perform" are there, the Kent Cabinet is not.
CABINET = (
    "How did Cabinet respond to the quarter two 2024/25 performance report at its "
    "9 January meeting?"
)


def _hit(text: str) -> Hit:
    return Hit(
        passage_id=1, text=text, score=1.0,
        citation=Citation(document_id="seed", meeting_date=date(2025, 1, 30), committee="Cabinet"),
    )  # fmt: skip


def test_only_held_words_no_top_passage_holds_count() -> None:
    """The share falls on words the archive holds (IDF below `ABSENT`'s) and the given
    passages lack: a word the archive never holds is `absent_salience`'s, a word a
    passage holds counts nothing; no such word costs no saliency encode."""
    terms = aspects_of("new allotment sites", "new allotment sites").terms
    assert {"allot", "site"} <= set(terms)
    held = lambda t: 10.0 if t == ABSENT else 1.0  # noqa: E731 (every word held)
    weights = {t: (3.0 if t == "allot" else 1.0) for t in terms}
    passage = [_hit("Minerals sites and waste sites were allocated in the plan.")]
    share = missing_salience(terms, passage, held, lambda: weights)
    assert share == pytest.approx(weights["allot"] / sum(weights.values()))
    never = lambda t: 10.0 if t in (ABSENT, "allot") else 1.0  # noqa: E731
    assert missing_salience(terms, passage, never, lambda: weights) == 0.0

    def no_encode() -> dict[str, float]:
        raise AssertionError("no held word is missing: no saliency needed")

    both = [_hit("New allotment sites were agreed.")]
    assert missing_salience(terms, both, held, no_encode) == 0.0
    assert missing_salience(terms, passage, None, no_encode) == 0.0


def test_the_served_model_weighs_it_against_answering() -> None:
    """`MODEL` weighs the signal (negatively: a missing held word is evidence of
    absence), and it is measured lazily like the other saliency-weighted shares."""
    weight = MODEL.weights[FEATURES.index("missing_salience")]
    assert weight < 0
    assert "missing_salience" in LAZY_SALIENT
    assert MODEL.weighs(["missing_salience"])


def test_a_kent_question_on_the_seed_index_is_refused_for_it(seed_engine: Archive) -> None:
    """On the seed index the Kent question's best passages are seed performance reports;
    "cabinet" (the word the question leans on most) and "respond" are held by the seeds
    but by none of the passages found, and the served answer abstains; the same signals
    with nothing missing would be answered: the new signal decides."""
    answer = seed_engine.reader().ask(SearchRequest(CABINET, 8))
    f = answer.features
    assert f is not None
    assert f.missing_salience > 0.5, f
    assert answer.abstained
    assert MODEL.margin(f) < 0 <= MODEL.margin(dataclasses.replace(f, missing_salience=0.0))
