"""The attendance-label vocabulary written once (round 52, `indexer.attendance`): the
patterns that read it (`structure.ATTENDANCE_LABEL`, `cleaning.LABEL_LINE`,
`sentences._ROLL_LABEL`, `_APOLOGIES`, `_WANTS_ATTENDANCE`; since round 53 `_ROLL_KINDS`)
are built from its lists, so a word added to a list reaches every pattern of its kind; and
the patterns read the labels
minutes print as they did (the equivalence over every stored Kent, Kingston, seeds and
converted line was checked statically, eval/README.md "…, round 52 (r52-foreign8 …)")."""

from __future__ import annotations

import re

import pytest

import indexer.attendance as attendance
from indexer.ingest.cleaning import LABEL_LINE
from indexer.ingest.structure import ATTENDANCE_LABEL
from search_api import sentences

from .conftest import fresh_module


def test_the_labels_minutes_print_are_read_by_each_pattern() -> None:
    for label in ("PRESENT", "Members Present:", "In attendance", "Apologies:", "Regrets:",
                  "Absent:", "Sederunt:", "Apologies for absence"):  # fmt: skip
        assert ATTENDANCE_LABEL.match(label), label
    for line in ("Present: Cllr A", "Regrets: Councillor D. Kowalski", "Absent: None",
                 "Apologies: Cllr B", "IN ATTENDANCE", "Members Present: Cllr A"):  # fmt: skip
        assert LABEL_LINE.match(line), line
    for piece in ("Members Present: Cllr A", "Regrets: Councillor X", "Members present"):
        assert sentences._ROLL_LABEL.match(piece), piece
    # lower-case "absent" and "apologies" are a sentence's words, not a label (as before)
    assert not sentences._ROLL_LABEL.match("apologies were received from Mrs C Bell")
    assert not sentences._ROLL_LABEL.match("absent from the meeting")
    assert sentences._APOLOGIES.search("Who sent regrets?")
    assert sentences._APOLOGIES.search("Mrs Bell apologised")
    assert sentences.asks_attendance("Who sent regrets to the council meeting on 19 June 2018?")


def test_a_label_added_to_a_list_reaches_every_pattern_of_its_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The word "excused" (an apologies label some US and Canadian minutes print) and "attending" (a
    presence label) are in no list: each pattern is rebuilt from the lists with them added,
    and each reads them where it reads "Regrets" and "Present"."""
    monkeypatch.setattr(attendance, "APOLOGY_LABELS", (*attendance.APOLOGY_LABELS, "excused"))
    monkeypatch.setattr(attendance, "PRESENT_LABELS", (*attendance.PRESENT_LABELS, "attending"))
    cleaning = fresh_module("_fresh_cleaning", "indexer/ingest/cleaning.py")
    structure = fresh_module("_fresh_structure", "indexer/ingest/structure.py")
    fresh = fresh_module("search_api._fresh_sentences", "search_api/sentences.py")
    for label in ("Excused:", "EXCUSED", "Attending:"):
        assert structure.ATTENDANCE_LABEL.match(label), label
        assert not ATTENDANCE_LABEL.match(label), label  # the module as loaded: not in it
    for line in ("Excused: Councillor D. Kowalski", "Attending: Cllr A", "Attending"):
        assert cleaning.LABEL_LINE.match(line), line
        assert not LABEL_LINE.match(line), line
    for piece in ("Excused: Councillor X", "Members attending: Cllr A"):
        assert fresh._ROLL_LABEL.match(piece), piece
        assert not sentences._ROLL_LABEL.match(piece), piece
    # the roll's kind too (`_ROLL_KINDS`, from the lists since round 53)
    assert fresh.roll_kinds("Members attending: Cllr A") == {"present"}
    assert not sentences.roll_kinds("Members attending: Cllr A")
    assert fresh._APOLOGIES.search("Which members were excused?")
    assert not sentences._APOLOGIES.search("Which members were excused?")
    for question in ("Who sent excused to the meeting?", "Which members were attending?"):
        assert fresh._WANTS_ATTENDANCE.search(question), question
        assert not sentences._WANTS_ATTENDANCE.search(question), question


def test_the_cases_a_label_is_read_in() -> None:
    present = re.compile(rf"(?:{attendance.cased_alternation(('in attendance',), lower=True)})$")
    assert all(present.match(t) for t in ("IN ATTENDANCE", "In attendance", "in Attendance"))
    assert not present.match("In ATTENDANCE")
    absent = re.compile(rf"(?:{attendance.cased_alternation(('absent',))})$")
    assert all(absent.match(t) for t in ("ABSENT", "Absent"))
    assert not absent.match("absent")
