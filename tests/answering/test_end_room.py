"""Round 37 (issue #13 §3): a trend timeline's two end meetings each give it their next
sentence within `ENDS_ROOM` of their lead, besides the sentences that fill its room
(`answering._filled`). The room is filled by score, so it went to the meeting with most
lines on the topic, and the latest meeting was told by its best-scored sentence alone
while the next stated where the course ended. Fast: no index; Kent County Council's
devolution papers of 9 January 2025 (the report's para 4.5 and its recommendations) and
13 March 2025 (the Leader's report, paras 1.4-1.5 and its closing note)."""

from __future__ import annotations

from datetime import date

from search_api.answering import ENDS_ROOM, _filled
from search_api.sentences import Scored, candidates
from tests.answering.builders import hit
from tests.answering.test_end_line_tells import ARGUMENT, BACKGROUND

JANUARY_NEXT = (
    "Recommend that the council put forward an argument not to postpone the County Council "
    "elections in May 2025 and that it should state that this Council’s preferred position "
    "is for the elections to proceed as scheduled to uphold democracy."
)
MARCH_NEXT = (
    "Please note that by not progressing with the Devolution Priority Programme, this means "
    "that I will not be postponing the May 2025 elections to Kent County Council."
)


def _scored(pid: int, day: date, text: str, score: float) -> Scored:
    return Scored(candidates([hit(pid, day, text)])[0], score)


def _timeline(march_next: float) -> tuple[list[Scored], list[Scored]]:
    january = [
        _scored(1, date(2025, 1, 9), ARGUMENT, 1.0),
        _scored(2, date(2025, 1, 9), JANUARY_NEXT, 0.95),
    ]
    march = [
        _scored(3, date(2025, 3, 13), BACKGROUND, 0.9),
        _scored(4, date(2025, 3, 13), MARCH_NEXT, march_next),
    ]
    kept = {january[0].hit.citation.meeting: january, march[0].hit.citation.meeting: march}
    chosen = [january[0], march[0]]
    return chosen, _filled(chosen, kept, 0.6, 3, list(kept))


def test_an_end_meeting_gives_its_next_sentence_besides_the_room() -> None:
    """The room of one goes to January's second line (the better scored); March's second,
    within `ENDS_ROOM` of its lead, is quoted too. On main's code the room held January's
    alone."""
    assert ENDS_ROOM is not None and ENDS_ROOM >= 0.9 - 0.8
    _, room = _timeline(0.8)
    texts = [s.candidate.text for s in room]
    assert any("not be postponing" in t for t in texts), texts
    assert any("argument not to postpone" in t for t in texts), texts


def test_an_end_meetings_sentence_far_below_its_lead_is_not_added() -> None:
    """A second line far below the end's lead (a mention in passing) stays out: the room is
    filled as before."""
    _, room = _timeline(0.5)
    texts = [s.candidate.text for s in room]
    assert texts == [JANUARY_NEXT], texts
