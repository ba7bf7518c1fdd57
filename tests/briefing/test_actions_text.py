"""Pure text logic: ACTION lines, commitment wording, who and when."""

from __future__ import annotations

from datetime import date

import pytest

from search_api.briefing import (
    action_owners,
    commitment_sentences,
    due_phrase,
    sentence_subject,
)
from search_api.briefing_render import filename_for, md
from search_api.dates import date_bound


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "… directly with him. ACTION: Chris Spencer/Andrea Clarke",
            ["Chris Spencer", "Andrea Clarke"],
        ),  # noqa: E501
        ("… this funding. ACTION: Chris Spencer", ["Chris Spencer"]),
        ("ACTION:  Jo Bloggs, Sam Smith and Ann Lee", ["Jo Bloggs", "Sam Smith", "Ann Lee"]),
        ("No action here.", None),
    ],
)
def test_action_owners(text: str, owners: list[str] | None) -> None:
    found = action_owners(text)
    if owners is None:
        assert found == []
    else:
        assert [names for _, names in found] == [owners]


def test_commitment_sentences_are_verbatim_and_selective() -> None:
    text = (
        "Members agreed that it was important that people did not become complacent. "
        "It was agreed that a briefing be prepared on this matter. "
        "The committee would receive a further report in March 2020. "
        "Case loads had improved."
    )
    found = commitment_sentences(text)
    assert found == [
        "It was agreed that a briefing be prepared on this matter.",
        "The committee would receive a further report in March 2020.",
    ]
    assert all(s in text for s in found)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("visits would be arranged, preferably before the next committee meeting in "
         "January 2019.", "before the next committee meeting in January 2019"),
        ("to invite the Chair to a committee meeting in 2019 to discuss", "in 2019"),
        ("this report should be with him by Christmas.", "by Christmas"),
        ("a further report within six months", "within six months"),
        ("It was agreed that a briefing be prepared on this matter.", None),
    ],
)  # fmt: skip
def test_due_phrase(sentence: str, due: str | None) -> None:
    assert due_phrase(sentence) == due


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The DCS agreed to put in place a programme of visits.", "The DCS"),
        ("With regard to how members can better scrutinise the system the DCS agreed to "
         "put in place a programme of visits.", "the DCS"),
        ("The committee agreed that it would need to continue to monitor.", "The committee"),
        ("It was agreed that committee members would visit the centre.", "committee members"),
        ("It was agreed that visits would be arranged as soon as possible.", None),
        ("He would ask the CCG why it had not bid.", None),
    ],
)  # fmt: skip
def test_sentence_subject(sentence: str, who: str | None) -> None:
    assert sentence_subject(sentence) == who
    if who:
        assert who in sentence


def test_filename_is_safe() -> None:
    assert filename_for("agency staffing", "markdown") == "briefing-agency-staffing.md"
    assert filename_for('../../etc/"passwd"; x', "docx") == "briefing-etc-passwd-x.docx"
    assert filename_for("Ünïcode ☃ ", "json") == "briefing-n-code.json"
    assert filename_for("☃☃", "markdown") == "briefing.md"
    assert len(filename_for("a" * 500, "docx")) <= len("briefing-.docx") + 60


def test_markdown_escapes_markup_in_document_text() -> None:
    assert md("a *b* _c_ [1](x) <script>\nnew line") == (
        r"a \*b\* \_c\_ \[1\](x) \<script\> new line"
    )


@pytest.mark.parametrize(
    ("text", "end", "value"),
    [
        ("2018", False, date(2018, 1, 1)),
        ("2022", True, date(2022, 12, 31)),
        ("2020-02", True, date(2020, 2, 29)),
        ("2020-02", False, date(2020, 2, 1)),
        ("2019-03-04", True, date(2019, 3, 4)),
        (None, True, None),
    ],
)
def test_date_bound(text: str | None, end: bool, value: date | None) -> None:
    assert date_bound(text, end) == value
