"""A question that asks two things is covered part by part (round 38).

k2-204 asks which tips cannot take sofas containing POPs *and* what is happening to the
electrical waste collection contract. Kent's Cabinet minutes answer each half in its own
paragraph of one item, so no one passage holds most of the question's words, and the
coverages `MODEL` weighs (the best share one passage holds) refused it. Each part is now
also read on its own best passage, each weighing its share of the words.
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import Citation, Hit
from search_api.abstention import salient_coverage, support_features
from search_api.archive import Archive
from search_api.sentences import aspects_of, content_terms, question_parts

# Kent County Council, Cabinet, 30 January 2025, printed minutes, "Cabinet Member Updates":
# two paragraphs as the heldout index holds them.
POPS = (
    "(a) Due to changes in managing soft furnishings with persistent organic pollutants "
    "(POPs), three HWRCs (Tovil, Dartford, and Sittingbourne) were currently unable to "
    "accept POPs. The situation at both Tovil and Sittingbourne was only temporary and once "
    "the necessary works had been completed the sites would be compliant and able to accept "
    "soft furnishings."
)
WEEE = (
    "(c) The waste electrical and electronic equipment (WEEE) zero-cost contract was due to "
    "be extended for 12 months from April 25 to ensure KCC had a collection service for WEEE "
    "from HWRCs across the county."
)
TWO = (
    "Which tips cannot currently take sofas and other soft furnishings containing POPs, "
    "and what is happening to the electrical waste collection contract?"
)


def _hit(passage_id: int, text: str) -> Hit:
    return Hit(
        passage_id=passage_id, text=text, score=1.0,
        citation=Citation(
            document_id="kent", meeting_date=date(2025, 1, 30), committee="Cabinet",
            item_title="Cabinet Member Updates",
        ),
    )  # fmt: skip


HITS = [_hit(1, POPS), _hit(2, WEEE)]


def _parts(question: str) -> list[list[str]]:
    return [content_terms(p) for p in question_parts(question)]


def test_each_part_is_read_on_its_own_passage() -> None:
    terms = aspects_of(TWO, TWO).terms
    alike = dict.fromkeys(terms, 1.0)
    one = salient_coverage(alike, HITS)
    both = salient_coverage(alike, HITS, parts=_parts(TWO))
    # Electrical, waste, collection and contract stand in the WEEE paragraph, soft
    # furnishings and POPs in the other: together more than either holds alone.
    assert one < 0.5 < both <= 1.0
    # Weighed by saliency the same way: the part held by the better passage keeps its
    # weight, the other adds its own.
    sal = {t: (3.0 if t in {"pop", "electr"} else 1.0) for t in terms}
    assert salient_coverage(sal, HITS, parts=_parts(TWO)) > salient_coverage(sal, HITS)


def test_a_part_no_passage_holds_adds_nothing() -> None:
    # Only one passage: the part read on it is what the whole reads on it.
    terms = aspects_of(TWO, TWO).terms
    alike = dict.fromkeys(terms, 1.0)
    assert salient_coverage(alike, HITS[:1], parts=_parts(TWO)) == pytest.approx(
        salient_coverage(alike, HITS[:1])
    )
    # A second part without content words ("and what did the committee say about it?")
    # is no part: the question is read whole.
    asked = "Which tips cannot take soft furnishings, and what did the committee say about it?"
    parts = _parts(asked)
    assert len(parts) == 2 and not parts[1]
    alike = dict.fromkeys(aspects_of(asked, asked).terms, 1.0)
    assert salient_coverage(alike, HITS, parts=parts) == salient_coverage(alike, HITS)


def test_support_records_the_coverage_of_the_parts(seed_engine: Archive) -> None:
    """The served path (`AnswerBuilder.features`, what `/ask` decides on) reads the parts
    of the question it is asked; `support_features` alone reads one passage."""
    reader = seed_engine.reader()
    served = reader.answers.features(TWO, reader.reads(TWO), HITS, {1: 0.5, 2: 0.45})
    terms = aspects_of(TWO, TWO).terms
    whole = support_features(terms, HITS, {1: 0.5, 2: 0.45})
    assert whole.coverage < 0.5 < served.coverage
    assert served.salient_coverage > 0.5
