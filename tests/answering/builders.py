"""Hand-made evidence and an answer builder that always answers, for tests of how an
answer is put together (not of whether it should be given)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pytest

from indexer.models import Citation, Hit
from indexer.settings import Settings
from search_api import sentences
from search_api.abstention import FEATURES, AbstentionModel
from search_api.answering import Answer, AnswerBuilder
from search_api.temporal import TemporalIntent

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


# corpus/004 (improvement report, 14 July 2022): a sentence whose only number besides an age
# is a financial year (year-range tests).
ADVISER = (
    "Leaving Care Personal Adviser training programme in development and an assessment of "
    "the additional numbers required to allocate a Personal adviser from age 16 has been "
    "incorporated into the transformation model, with a number of options being reviewed "
    "with the aim of delivering compliance and containing cost pressures within the 2023/24 "
    "MTFS process."
)


# corpus/003 (Children and Families O&S, 21 November 2018), para 41.1.
DCS_VIEW_2018 = (
    "The Director of Children’s Services (DCS) informed the committee that he felt that this "
    "letter presented a balanced view of the council’s progress to date. Overall he felt that "
    "the direction of travel was positive."
)
# corpus/000 (chair's report, March 2019), item 2 "Improvement Board Update".
BOARD_2019 = (
    "The DCS informed the committee that the Improvement Board had agreed an accelerated "
    "improvement plan in response to the weaknesses identified in the February 2019 Ofsted "
    "letter."
)


def declarations() -> list[Hit]:
    """Two meetings' declarations of interest, for answers kept to a named meeting: a 2026
    agenda line, ranked first, and the 21 November 2018 minutes' (corpus/001)."""
    return [
        hit(1, date(2026, 1, 15), "Councillor Bass declared an interest in relation to agenda 9."),
        hit(
            2,
            date(2018, 11, 21),
            "Cllr Brian Robinson declared a personal interest as a Foster Carer. Cllr Shaun "
            "Parsons declared a personal interest as a trustee of the National Star College.",
        ),
    ]


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


def ask(
    question: str, texts: list[str], day: date, weights: Mapping[str, float] | None = None,
    titles: Mapping[int, str] | None = None,
) -> Answer:  # fmt: skip
    """`answering_builder`'s answer to a plain question (no dates asked) from `texts`, the
    passages of meeting `day` in rank order, each at cosine 0.6; `weights`: the idf of
    the terms named (others 1.0); `titles`: item titles of passages by id."""
    hits = [hit(pid, day, text) for pid, text in enumerate(texts, start=1)]
    for pid, title in (titles or {}).items():
        h = hits[pid - 1]
        hits[pid - 1] = h.model_copy(
            update={"citation": h.citation.model_copy(update={"item_title": title})}
        )
    intent = TemporalIntent(topic=question, span=None, trend=False)
    cosines = {pid: 0.6 for pid in range(1, len(texts) + 1)}
    idf = (lambda t: weights.get(t, 1.0)) if weights is not None else None
    return answering_builder(idf=idf).answer(intent, hits, cosines, {}, question=question)


def figure_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts `sentences.figures_in` reads from now on (the real reading runs; the list
    counts it), for tests of how often a candidate's figures are read."""
    reads: list[str] = []
    read = sentences.figures_in

    def counted(text: str) -> list[str]:
        reads.append(text)
        return read(text)

    monkeypatch.setattr(sentences, "figures_in", counted)
    return reads
