"""Hand-made evidence and an answer builder that always answers, for tests of how an
answer is put together (not of whether it should be given)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from indexer.models import Citation, Hit
from indexer.settings import Settings
from search_api.abstention import FEATURES, AbstentionModel
from search_api.answering import AnswerBuilder


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
