"""The seed minutes' item 41 (corpus/001, 21 November 2018, paragraphs 41.4 and 41.5) as
hits and item windows: the texts the tests of a quoted hit's next passage read
(`test_guarded_neighbours.py`, round 17; `test_beyond_window.py`, round 58)."""

from __future__ import annotations

from datetime import date

from indexer.models import Citation, Hit, WindowPart

DAY = date(2018, 11, 21)
# corpus/001, paragraph 41.4 (its first and last sentences).
RETENTION = (
    "In response to questions the DCS informed the committee that the level of churn in the "
    "social worker workforce was a serious issue. The DCS informed members that he did not "
    "believe that the level of pay was a factor in retention of social workers."
)
# corpus/001, paragraph 41.5: the next paragraph of item 41.
MARKET = (
    "As previously discussed at committee meetings current market forces favoured the "
    "experienced social worker not the local authority. The DCS informed the committee that "
    "resources were not an in issue in Gloucestershire."
)
OTHER = "Members noted the revenue monitoring report for the second quarter."
TITLE = "Ofsted monitoring visit"


def item_hit(
    pid: int, text: str, paragraph: str, page: int, score: float, title: str = TITLE
) -> Hit:
    """A passage of item 41 ranked with `score`."""
    citation = Citation(
        document_id="d1", meeting_date=DAY, committee="CFOSC", item="41", item_title=title,
        paragraph=paragraph, page=page,
    )  # fmt: skip
    return Hit(passage_id=pid, text=text, score=score, citation=citation)


def shown_with(first: Hit, after: str) -> Hit:
    """`first` (41.4) shown in its item window with `after` (41.5, passage 7) after it."""
    return first.model_copy(
        update={
            "text": first.text + "\n" + after,
            "window": [
                WindowPart(passage_id=first.passage_id, paragraph="41.4", page=2, start=0,
                           end=len(first.text)),
                WindowPart(passage_id=7, paragraph="41.5", page=3, start=len(first.text) + 1,
                           end=len(first.text) + 1 + len(after)),
            ],
        }
    )  # fmt: skip
