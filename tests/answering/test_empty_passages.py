"""Passages with nothing to say (round 50, `search_api.empty`).

Kingston's ModernGov page for its cancelled 4 December 2025 meeting is one passage: the
meeting's heading, "CANCELLED. No documents are available for this meeting. Proposed
venue: …". It names the council, the committee and a day, so it ranked first for
questions about Kingston whose topic the archive does not hold, and `/ask` read their
best cosine off it and answered. A real index of the seeds and Kingston's papers (its
four files, as the shared archive holds them), the real model.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date

import pytest

from eval.shared import ARCHIVES
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.models import Citation, Hit
from indexer.settings import Settings
from search_api.archive import Archive, Reader
from search_api.empty import (
    CONTACT_ASKED,
    FURNITURE,
    NOTICE,
    STATUS_ASKED,
    PageKind,
    PageKinds,
    _nothing_left,
    contact_block,
    content_free,
    meetings_asked,
)
from search_api.search import SearchRequest, _body_names
from search_api.temporal import parse_question
from tests.indexes import beside_seeds

KINGSTON = ARCHIVES / "kingston"
CANCELLED = "Agenda_412.html"
ZEBRA = "ZebraCrossing.pdf"

MEETINGS = (
    # What a committee dealt with over a span of its meetings (rounds 49-51's Kingston
    # trend rows kg2-301, kg2-408): the cancelled meeting is part of the answer.
    "What has the Kingston and North Kingston neighbourhood committee dealt with between "
    "December 2025 and January 2026?",
    "Was the December 2025 meeting of the North Kingston neighbourhood committee cancelled?",
)

UNANSWERABLE = (
    # Rounds 49-50's Kingston unanswerable tune rows whose first passage was the page.
    "What rent increase did Kingston set for its council homes for 2025-26?",
    "How much did the Kingston neighbourhood committee give towards the Kingston carnival?",
)


@pytest.fixture(scope="module")
def kingston(
    tmp_path_factory: pytest.TempPathFactory, seed_settings: Settings, embedder: Embedder
) -> Iterator[Reader]:
    """A reader of the seeds and Kingston's four papers."""
    if not KINGSTON.is_dir():
        pytest.fail(f"the shared archives are missing: expected {KINGSTON}")
    extra = tmp_path_factory.mktemp("kingston")
    for f in KINGSTON.iterdir():
        if f.name != "LICENSE":
            shutil.copy(f, extra / f.name)
    settings = beside_seeds(seed_settings, tmp_path_factory.mktemp("kingston-index") / "i", extra)
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    archive = Archive.open(settings, embedder)
    yield archive.reader()


def _cancelled_page(reader: Reader) -> int:
    store = reader.snapshot.store
    (doc,) = [d for d, s in store.stored_documents().items() if s.meta.path == CANCELLED]
    (page,) = store.document_passages(doc)
    return page.passage_id


def _contact_block(reader: Reader) -> int:
    """The zebra crossing report's closing block: its background papers, author, post,
    e-mail and phone."""
    store = reader.snapshot.store
    (doc,) = [d for d, s in store.stored_documents().items() if s.meta.path == ZEBRA]
    (block,) = [
        p.passage_id for p in store.document_passages(doc) if p.text.startswith("Background")
    ]
    return block


def test_only_the_cancelled_page_and_a_contact_block_are_content_free(kingston: Reader) -> None:
    """Of every passage of the seeds and Kingston, the cancelled meeting's page and the
    zebra crossing report's contact block alone have nothing to say: the seed meeting's
    heading with its "Venue:" says where it met (a tune question asks it), "There were no
    petitions submitted." what a meeting did."""
    store = kingston.snapshot.store
    free = {
        p.passage_id
        for d in store.stored_documents()
        for p in store.document_passages(d)
        if content_free(p.text, p.citation)
    }
    assert free == {_cancelled_page(kingston), _contact_block(kingston)}


def _citation(**fields: object) -> Citation:
    return Citation.model_validate(
        {
            "document_id": "d",
            "council": "Gloucestershire County Council",
            "committee": "Children and Families Overview and Scrutiny Committee",
            "meeting_date": date(2017, 10, 6),
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("text", "fields", "free"),
    [
        # A link line, as seed 002 prints it, alone and beside what its item says.
        ("This is the link to the Ofsted webpage", {}, True),
        (
            "A Senior Ofsted Inspector will be in attendance. This is the link to the Ofsted "
            "webpage",
            {},
            False,
        ),
        ("(Pages 1 - 14)", {}, True),
        ("See supplement pack published alongside the main agenda", {}, True),
        ("Document is Restricted", {}, True),
        ("To follow", {"item_title": "Budget Monitoring Report"}, True),
        ("Budget Monitoring Report No reports.", {"item_title": "Budget Monitoring Report"}, True),
        # What a meeting did or had is content: an item's "None" answers who gave apologies.
        ("There were no petitions submitted.", {"item_title": "Petitions"}, False),
        ("Apologies for Absence None.", {"item_title": "Apologies for Absence"}, False),
        ("The item was postponed to the March meeting because the report was late.", {}, False),
        (
            "Children and Families Overview and Scrutiny Committee - Wednesday 21 November "
            "2018 10.00 am Venue: Council Chamber - Shire Hall, Gloucester.",
            {"meeting_date": date(2018, 11, 21)},
            False,
        ),
        # A contact block or running footer: names, posts, organisations and addresses.
        ("Lake Market Research | www.lake-research.com | 01622 357060", {}, True),
        ("Anna Taylor, Scrutiny Research Officer anna.taylor@kent.gov.uk 03000 416478", {}, True),
        (
            "Background papers - Held by Author Consultation response papers Author of report "
            "- Younes Hamade, Principal Engineer, Email: younes.hamade@kingston.gov.uk Tel: "
            "020 8547 5922",
            {},
            True,
        ),
        # An address beside what a passage says is content.
        (
            "The consultation was hosted on the Let's talk Kent website and can still be "
            "viewed via this link https://letstalk.kent.gov.uk/budget-consultation-2025-26.",
            {},
            False,
        ),
        (
            "County Council endorses the attached Pay Policy Statement. Louise Gavin People "
            "Strategy Adviser 03000 416135 Appendix 1.",
            {},
            False,
        ),
        (
            "Email: democratic.services@kent.gov.uk (During these items the meeting is likely "
            "to be open to the public)",
            {},
            False,
        ),
    ],
)
def test_furniture_by_kind_of_layout(text: str, fields: dict[str, object], free: bool) -> None:
    assert content_free(text, _citation(**fields)) is free


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_the_page_ranks_after_every_passage_with_content(kingston: Reader, question: str) -> None:
    page = _cancelled_page(kingston)
    for found in (
        kingston.ranked(SearchRequest(question)),
        kingston.search(SearchRequest(question)),
    ):
        ids = [h.passage_id for h in found.hits]
        assert page in ids  # shown, last: it is what a search for it would want
        assert ids[-1] == page
        assert page not in [h.passage_id for h in found.content().hits]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_the_page_is_no_support_for_answering(kingston: Reader, question: str) -> None:
    """The page's cosine is the question's best: main's tree answered both on it (the
    best cosine weighs most in `MODEL`). Judged on the passages with content, the archive
    does not speak to them."""
    found = kingston.ranked(SearchRequest(question))
    page = _cancelled_page(kingston)
    assert max(found.cosines, key=found.cosines.__getitem__) == page
    answer = kingston.ask(SearchRequest(question))
    assert answer.abstained
    assert answer.features is not None and answer.features.top_cosine < found.cosines[page]


def test_a_search_for_cancelled_meetings_still_shows_the_page(kingston: Reader) -> None:
    page = _cancelled_page(kingston)
    found = kingston.search(SearchRequest("cancelled meeting"))
    assert page in [h.passage_id for h in found.hits]


KINGSTON_NAMES = frozenset(
    {"kingston", "upon", "thame", "north", "neighbourhood", "committe", "royal", "borough"}
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Whether, when, how often meetings were held: the question's words say it.
        ("Was the December meeting of the committee cancelled?", True),
        ("Which meetings were postponed last year?", True),
        ("How many meetings did the cabinet hold in 2024?", True),
        ("How often did the panel meet in 2023?", True),
        ("When does the neighbourhood committee meet?", True),
        ("When had the committee last met before its March 2025 meeting?", True),
        # A body's record with no topic of its own: its names, kind, activity, time.
        (MEETINGS[0], True),
        ("What has the local area committee for north Kingston been up to over the winter of "
         "2025-26?", True),
        ("What happened at the December 2025 meeting?", True),
        # A topic is asked: a meeting page says nothing about it.
        (UNANSWERABLE[0], False),
        ("What has the neighbourhood committee decided about Manorgate Road since 2024?", False),
        ("The children's centres met all their targets. Were the targets too easy?", False),
        ("Was the cleaning contract cancelled in 2024?", False),
        ("Is there more money held centrally next year than this year?", False),
        ("How many times has the Climate Bill been brought to Parliament?", False),
    ],
)  # fmt: skip
def test_meetings_asked_by_kind_of_question(question: str, asked: bool) -> None:
    intent = parse_question(question, date(2026, 1, 31))
    assert meetings_asked(question, intent.topic, KINGSTON_NAMES) is asked


def test_a_meeting_page_is_content_when_meetings_are_asked() -> None:
    """The page's status is content to a question about meetings; its contact line or an
    agenda's page range are furniture whatever is asked."""
    page = (
        "Kingston and North Kingston Neighbourhood Committee - Thursday 4 December 2025 7:30 "
        "pm, CANCELLED. No documents are available for this meeting. Proposed venue: "
        "Guildhall, Kingston upon Thames. View directions."
    )
    cited = _citation(
        council="Royal Borough of Kingston upon Thames",
        committee="Kingston and North Kingston Neighbourhood Committee",
        meeting_date=date(2025, 12, 4),
    )
    assert content_free(page, cited)
    assert not content_free(page, cited, notices=True)
    assert content_free("(Pages 1 - 14)", cited, notices=True)


@pytest.mark.parametrize("question", MEETINGS)
def test_a_question_about_meetings_keeps_the_page_as_content(
    kingston: Reader, question: str
) -> None:
    """For a question about the committee's meetings the cancelled meeting is an event of
    its record: the page is no furniture, ranked where it stands and evidence for `/ask`
    (round 50 put it last and out of the evidence: kg2-301 and kg2-408 lost their gold)."""
    page = _cancelled_page(kingston)
    for found in (
        kingston.ranked(SearchRequest(question)),
        kingston.search(SearchRequest(question)),
    ):
        assert page not in found.empty
        assert page in [h.passage_id for h in found.content().hits]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who wrote the report on the zebra crossing?", True),
        ("Which officer should residents contact about the scheme?", True),
        ("Which consultancy analysed the consultation responses?", True),
        ("What is the phone number for the highways team?", True),
        ("How much will the zebra crossing cost?", False),
        ("Which roads will be closed?", False),
    ],
)
def test_contact_asked(question: str, asked: bool) -> None:
    assert bool(CONTACT_ASKED.search(question)) is asked


def test_a_contact_block_is_content_when_who_is_asked() -> None:
    block = "Anna Taylor, Scrutiny Research Officer anna.taylor@kent.gov.uk 03000 416478"
    assert content_free(block, _citation())
    assert not content_free(block, _citation(), contacts=True)


def test_a_contact_block_ranks_last_for_a_topic_and_is_content_for_who(kingston: Reader) -> None:
    """The zebra crossing report's contact block stands in the top k of a question about a
    topic the archive does not hold: last there, and no evidence. Asked who to contact,
    the same block is content."""
    block = _contact_block(kingston)
    found = kingston.search(SearchRequest("How do I apply for a dropped kerb in Kingston?"))
    ids = [h.passage_id for h in found.hits]
    assert block in ids and block in found.empty
    assert all(i in found.empty for i in ids[ids.index(block) :])
    assert block not in [h.passage_id for h in found.content().hits]
    asked = kingston.search(SearchRequest("Who do I contact to apply for a dropped kerb?"))
    assert block in [h.passage_id for h in (*asked.hits, *asked.below)]
    assert block not in asked.empty
    assert block in [h.passage_id for h in asked.content().hits + asked.content().below]


# -- Read once a passage (round 52) --------------------------------------------------------


def _regex_path(text: str, citation: Citation, notices: bool, contacts: bool) -> bool:
    """Round 51's `content_free` as it read every candidate's text at every search."""
    if (
        FURNITURE.search(text)
        and not (notices and NOTICE.search(text))
        and _nothing_left(FURNITURE.sub(" ", text), citation)
    ):
        return True
    return not contacts and contact_block(text, citation)


READINGS = ((False, False), (True, False), (False, True), (True, True))


def test_page_kinds_read_every_passage_at_every_place_as_the_regex_path(kingston: Reader) -> None:
    """Every passage of the seeds and Kingston, cited at each of its places, under each of
    the question's readings: the snapshot's looked-up kinds give the ids the regexes gave."""
    store = kingston.snapshot.store
    kinds = PageKinds()
    passages = list(
        {
            p.passage_id: p for d in store.stored_documents() for p in store.document_passages(d)
        }.values()
    )
    hits = [
        Hit(passage_id=p.passage_id, text=p.text, score=0.0, citation=p.citation.at(place))
        for p in passages
        for place in p.citation.sources
    ]
    assert len(hits) > len(passages)  # passages printed by several meetings among them
    for notices, contacts in READINGS:
        for hit in hits:
            expected = _regex_path(hit.text, hit.citation, notices, contacts)
            assert (hit.passage_id in kinds.empty_ids([hit], notices, contacts)) is expected
    page, block = _cancelled_page(kingston), _contact_block(kingston)
    every = {h.passage_id for h in hits}
    assert kinds.empty_ids(hits) == {page, block}
    assert kinds.empty_ids(hits, notices=True) == {block}
    assert kinds.empty_ids(hits, contacts=True) == {page}
    assert kinds.empty_ids(hits, True, True) == frozenset()
    assert page in every and block in every


@pytest.mark.parametrize(
    "question",
    (
        *MEETINGS,
        *UNANSWERABLE,
        "Who do I contact to apply for a dropped kerb?",
        "How do I apply for a dropped kerb in Kingston?",
        "cancelled meeting",
    ),
)
def test_a_search_reads_the_ids_the_regex_path_read(kingston: Reader, question: str) -> None:
    """A search's content-free ids, read by the retriever's kinds, are the ids round 51's
    regexes read over the same pool (its top k and the passages below it), asked twice: the
    second search reads every passage from the snapshot's kinds."""
    for _ in range(2):
        found = kingston.ranked(SearchRequest(question))
        pool = [*found.hits, *found.below]
        empty = {h.passage_id for h in pool if _regex_path(h.text, h.citation, False, False)}
        if empty:
            notices = meetings_asked(question, found.intent.topic, _body_names(pool))
            contacts = bool(CONTACT_ASKED.search(question) or STATUS_ASKED.search(question))
            empty = {
                h.passage_id
                for h in pool
                if h.passage_id in empty and _regex_path(h.text, h.citation, notices, contacts)
            }
        assert found.empty == empty


def test_a_passage_is_read_at_the_place_it_is_cited() -> None:
    """One passage printed under two items: its item's own title leaves nothing of it
    beside the page range at one, the other's title leaves "Manorgate Road" said. A kind
    kept by passage id alone would read the second place as the first."""
    text = "Manorgate Road (Pages 1 - 14)"
    kinds = PageKinds()
    titled = Hit(
        passage_id=7, text=text, score=0.0, citation=_citation(item_title="Manorgate Road")
    )
    other = Hit(passage_id=7, text=text, score=0.0, citation=_citation(item_title="Petitions"))
    assert kinds.of(titled) == PageKind.FURNITURE
    assert kinds.of(other) == PageKind.CONTENT
    assert kinds.empty_ids([titled]) == {7}
    assert kinds.empty_ids([other]) == frozenset()
