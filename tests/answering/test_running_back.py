"""A topic named after the sentence that answers reaches back (round 40, eval/README.md "A
table's rows are not prose, round 40").

A report may tell the cause before the sentence that names the question's words: "The
collapse of Galley Hill continues to have a severe operational impact on Fastrack." comes
three sentences before "Fastrack has adjusted timetables and frozen fares at £2 …", and "why
have the Fastrack bus fares been frozen" is answered by the first (k7-026). The running
topic (`RUNNING_TOPIC`) passes words forward only; `sentences.RUNNING_BACK` gives a sentence
part of the topic terms only its passage's later sentences hold.

Text: Kent's Quarterly Performance Report, Quarter 3 2024-25 (cabinet 4 March 2025, appendix
1), the Fastrack paragraph, as the PDF reader gives it.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import Scored, aspects_of, candidates, score_candidates
from tests.answering.builders import hit

DAY = date(2025, 3, 4)
FASTRACK = (
    "The collapse of Galley Hill continues to have a severe operational impact on Fastrack. "
    "The diversion via the M2 has increased operating costs whilst also significantly "
    "reducing reliability of the service. This has resulted in a patronage decline. Fastrack "
    "has adjusted timetables and frozen fares at £2 to help offset the decline in numbers but "
    "a resolution is desperately sought."
)
CAUSE = "The collapse of Galley Hill"
FARES = "Fastrack has adjusted timetables"
QUESTION = "Why have the Fastrack bus fares been frozen?"


def _scored(back: float, monkeypatch: pytest.MonkeyPatch) -> list[Scored]:
    monkeypatch.setattr(sentences, "RUNNING_BACK", back)
    aspects = aspects_of(QUESTION, QUESTION, False)
    return score_candidates(candidates([hit(1, DAY, FASTRACK)]), aspects, {1: 0.6})


def _one(scored: list[Scored], opening: str) -> Scored:
    return next(s for s in scored if s.candidate.text.startswith(opening))


@pytest.mark.parametrize("back", [0.25, 0.5])
def test_the_cause_gains_what_the_fares_sentence_names(
    back: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cause lacks "fares" and "frozen", which only the last sentence holds: it gains
    `RUNNING_BACK` of their share; the last sentence, with nothing after it, gains nothing;
    no coverage moves."""
    off, on = _scored(0.0, monkeypatch), _scored(back, monkeypatch)
    fares, cause = _one(off, FARES), _one(off, CAUSE)
    lacked = fares.coverage - cause.coverage
    assert lacked > 0
    assert _one(on, CAUSE).score - cause.score == pytest.approx(back * lacked)
    assert _one(on, FARES).score == fares.score
    assert [s.coverage for s in on] == [s.coverage for s in off]
