"""Hand-made evidence and an answer builder that always answers, for tests of how an
answer is put together (not of whether it should be given)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from indexer.models import Citation, Hit
from indexer.settings import Settings
from search_api.abstention import FEATURES, AbstentionModel
from search_api.answering import AnswerBuilder

# corpus/003 (Children and Families O&S, 21 November 2018), para 41.6: several tests'
# evidence.
AGENCY_AIM = (
    "In response to questions the committee was assured that agency staff were robustly "
    "managed and if not at the required standard their contract would be addressed "
    "appropriately. It was also explained that previously only short term contracts (3 "
    "months) had been offered to agency staff; this approach did not support stability in "
    "the workforce and this had been changed and longer term contracts were now negotiated. "
    "The DCS was however clear that in the longer term it would be important to reduce the "
    "reliance on agency staff. It was unlikely in the current market that the council would "
    "be able to achieve zero agency staff but it should aim to reduce the number to 10% of "
    "the social worker workforce."
)


def hit(pid: int, day: date, text: str) -> Hit:
    """A passage of meeting `day`, ranked by its id (1 first)."""
    return Hit(
        passage_id=pid,
        text=text,
        score=1.0 / pid,
        citation=Citation(document_id=f"d{pid}", meeting_date=day, committee="CFOSC"),
    )


def answering_builder(
    idf: Callable[[str], float] | None = None, **settings: float
) -> AnswerBuilder:
    """The product's answer builder, told to answer whatever the signals say."""
    always = AbstentionModel(1.0, (0.0,) * len(FEATURES))
    return AnswerBuilder(Settings(**settings).answers, idf=idf, policy=always)
