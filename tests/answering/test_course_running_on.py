"""Round 38 (issue #13 §2/§3): a course asked as it runs on, with no date and no verb of
change — "what's been happening to gilt yields", "is the council losing its foster
carers", "relying more and more on council tax" — is a trend (`temporal.TREND_WORDS`):
the archive's meetings on the topic are its course, as for "have the reserves been going
down over the years". "has that got better or worse" was measured and left a plain
question (eval/README.md, round 38: s2-614 lost its ranking on the seeds and converted
indexes). Pure logic, no index."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.temporal import parse_question

LATEST = date(2025, 3, 13)


@pytest.mark.parametrize(
    "question",
    [
        # Tune rows' own wording (k10-030, k15-044, k15-045).
        "what's been happening to long-term government borrowing rates (gilt yields) this year",
        "is the council losing its own foster carers",
        "is kent relying more and more on council tax to pay for things?",
        # New wordings of the same kinds.
        "What has been happening with the number of children missing education?",
        "Is the shire losing volunteers at its rural fire brigades?",
        "Are fewer and fewer residents using the library's mobile service?",
        "Is the council spending less and less on road resealing?",
        "Are ratepayers relying ever more on the shire's grants?",
    ],
)
def test_a_course_running_on_is_a_trend(question: str) -> None:
    """Each fails on main: no date, no verb of change the reading knew."""
    intent = parse_question(question, LATEST)
    assert intent.trend, question
    assert not intent.stages, question
    assert intent.span is None or intent.span.end is not None


@pytest.mark.parametrize(
    "question",
    [
        # A cause asked of a loss (tune row k18-017), what is happening to a thing now
        # (k4-026), one state compared with another: no course.
        "is kent's adult education service losing income because of government funding changes",
        "What is happening to the infrastructure levy that was meant to replace section 106?",
        "Is the library's opening better or closer than the one in Sittingbourne?",
        "How much did the council lose on the sale of the depot?",
    ],
)
def test_a_state_or_a_cause_is_no_course(question: str) -> None:
    assert not parse_question(question, LATEST).trend, question
