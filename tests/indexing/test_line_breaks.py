"""Line breaks kept for answers (index format 5, round 44): a passage's stored text
collapses white space, its line breaks are stored beside it, and readers get the text with
the breaks that end a heading, a label, a table row or a list item put back, so an answer's
sentence does not run a heading into the sentence under it; ids, vectors and lexical terms
stay the collapsed text's."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.errors import IndexMismatchError
from indexer.models import Chunk, DocumentMeta
from indexer.settings import Settings
from indexer.snapshot import FORMAT_VERSION, INFO_FILE, IndexDir
from indexer.store import PassageStore, normalise_text, passage_id_for
from indexer.text import is_line_boundary, line_breaks, split_sentences, with_line_breaks
from search_api.archive import Archive
from search_api.search import SearchRequest
from tests.indexes import copy_index

# Seed 002 (Gloucestershire, 18 July 2019), item 20's first passage: the sub-heading
# "20.1 Ofsted Inspection Process" stands on a line of its own above the paragraph. With
# white space collapsed, the answer sentence read "Ofsted Inspection Process The Senior HMI
# described the Ofsted single inspection process in detail …".
HEADING = "Ofsted Inspection Process"
SENTENCE = "The Senior HMI described the Ofsted single inspection process in detail"


def _layout(chunk_text: str) -> str:
    text = normalise_text(chunk_text)
    return with_line_breaks(text, line_breaks(chunk_text))


def test_breaks_are_offsets_of_spaces_in_the_collapsed_text() -> None:
    # Round 43's closing example, from converted text: a table, then a motion's lead-in
    # and its list, once one answer sentence.
    chunk = "Submissions by topic\n  Roading rate 164\n\nThat the Council:\na) receives  it"
    text = normalise_text(chunk)
    breaks = line_breaks(chunk)
    assert [text[b] for b in breaks] == [" ", " ", " "]
    assert [text[:b].split()[-1] for b in breaks] == ["topic", "164", "Council:"]
    laid = with_line_breaks(text, breaks)
    assert len(laid) == len(text) and normalise_text(laid) == text
    assert [s.text for s in split_sentences(laid)] == [
        "Submissions by topic Roading rate 164",  # a table's rows stay one piece
        "That the Council: a) receives it",  # a list is the list rules' (as before)
    ]
    assert split_sentences(text)[0].text.startswith("Submissions by topic Roading rate 164 That")


PROSE = "The Senior HMI described the Ofsted single inspection process in detail."


@pytest.mark.parametrize(
    ("line", "nxt", "boundary"),
    [
        ("20.1 Ofsted Inspection Process", PROSE, True),  # a heading over a paragraph
        (
            "Adult Social Care & Health (ASCH)",
            "Our vision, co-produced with people, is: to help.",
            True,
        ),
        ("Submissions by topic Roading rate 164", "That the Council:", True),  # a lead-in
        ("Proposer: Mr Mike Sole", "Proposed Purpose:", True),
        ("It was noted.", "Members asked about the budget", True),  # a terminated line
        ("That the Council:", "a) receives the report", False),  # the list rules'
        ("- Social work practice was observed", "- There were regular sessions", False),
        ("Total - Growth, Environment & Transport", "617,662", False),  # a row's value
        ("increasing price.", "4 20.0", False),  # a row's figures after a cell's sentence
        ("For publication: Yes", "Key decision: Yes", False),  # a label and its value
        ("Year 5 Year 6 Year 7", "£000s £000s £000s", False),  # rows of one table
        ("mental/emotional health", "Active Kent Mar 2026", False),  # a row's next cell
        ("Abstain (3) Mr Ross, Mr Whiting", "Amendment lost.", False),  # a short line
        ("Wednesday 21 November 2018 10.00 am", "Venue: Shire Hall, Gloucester.", False),
        ("the report was presented to the", "committee in March.", False),  # wrapped
        ("(a) any matter relating to a planning decision,", PROSE, False),
        # Round 45: a table's source line closes its table; the motion's label under it
        # ("Resolution No. 2020-312" / "Moved by …", Canadian minutes) is not its sentence.
        ("Source: Finance Department, draft 2021 budget", "Resolution No. 2020-312", True),
        # A long bullet wrapped inside a name (converted Kent, a column's width) goes on ...
        (
            "- Build on the successful Revalidation of KCC’s Employers Recognition Gold",
            "Award which was received in October 2023.",
            False,
        ),
        # ... a short one stands over its paragraph, and so does a long line that is no bullet.
        ("- Our Special Schools’ Review", PROSE, True),
        ("Maximise scope of effective scrutiny by all Members", PROSE, True),
    ],
)
def test_a_break_ends_a_sentence_by_the_kind_of_its_lines(
    line: str, nxt: str, boundary: bool
) -> None:
    assert is_line_boundary(line, nxt) is boundary


def test_a_text_whose_breaks_are_not_its_own_is_left_as_it_is() -> None:
    assert with_line_breaks("one two", [3, 40]) == "one two"
    assert with_line_breaks("one two", []) == "one two"


def test_the_seed_heading_no_longer_opens_the_answer_sentence(seed_engine: Archive) -> None:
    store = seed_engine.snapshot.store
    glued = f"{HEADING} {SENTENCE}"
    (pid,) = [
        pid
        for pid, text in store.connection.execute("SELECT passage_id, text FROM passages")
        if glued in text
    ]
    stored = store.connection.execute(
        "SELECT text FROM passages WHERE passage_id = ?", (pid,)
    ).fetchone()[0]
    [before] = [s.text for s in split_sentences(stored) if SENTENCE in s.text]
    assert before.startswith(HEADING)  # what an answer quoted before round 44
    text = store.passages([pid])[pid].text
    assert f"{HEADING}\n{SENTENCE}" in text
    assert normalise_text(text) == stored and len(text) == len(stored)
    pieces = [s.text for s in split_sentences(text)]
    assert HEADING in pieces and any(p.startswith(SENTENCE) for p in pieces)
    answer = seed_engine.reader().ask(
        SearchRequest("How did the Senior HMI describe the Ofsted single inspection process?", 8)
    )
    quotes = [c.quote for c in answer.citations if SENTENCE in c.quote]
    assert quotes and all(q.startswith(SENTENCE) for q in quotes)
    assert all("\n" not in c.quote for c in answer.citations)


def test_an_older_format_asks_for_a_rebuild(
    seed_settings: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    """Round 44 upgraded a format-4 index in place; chunker 27 rebuilds every such index,
    so an older format of any kind is refused with the command that rebuilds it."""
    settings = copy_index(seed_settings, tmp_path / "copy")
    version = IndexDir(settings.index_dir).current()
    info = json.loads((version / INFO_FILE).read_text())
    info["format_version"] = 4
    (version / INFO_FILE).write_text(json.dumps(info))
    with pytest.raises(IndexMismatchError, match=f"format 4, not {FORMAT_VERSION}.*--rebuild"):
        Archive.open(settings)
    with pytest.raises(IndexMismatchError, match="format 4.*--rebuild"):
        Indexer(settings, embedder).remove(["anything.txt"])
    assert IndexDir(settings.index_dir).current() == version


def test_a_passage_two_documents_print_keeps_the_breaks_both_have(tmp_path: Path) -> None:
    # Round 45: a PDF wraps "… the Strengthening" / "Independence Service …" where its Word
    # copy runs on (Kent, 24-00109); the passage kept the first copy's breaks, and an
    # answer's sentence was cut inside the name whichever copy it was cited from.
    first = "The service moves in April.\nThe budget for the 18-25 section of the Strengthening"
    pdf = f"{first}\nIndependence Service will transfer to the ASCH Directorate."
    word = f"{first} Independence Service will transfer to the ASCH Directorate."
    store = PassageStore(tmp_path / "passages.sqlite")
    text = normalise_text(pdf)
    pid = passage_id_for(text)
    vectors = {pid: np.zeros(4, dtype=np.float32)}
    for name, chunk in [("a", pdf), ("b", word)]:
        meta = DocumentMeta(document_id=f"c/{name}", path=f"{name}.md")
        store.put_document(meta, "c", name, [Chunk(text=chunk, ordinal=0)], vectors)
    laid = store.passages([pid])[pid].text
    assert laid == word  # the break both copies print, not the PDF's wrap
    store.close()
