"""List item marks (round 19): a list whose lettered or roman items run on inside one
sentence is a list (`sentences.cut_items`, `sentences.list_blocks`).

The sentence splitter starts no sentence at a lower-case mark ("… (excluding Schools).
b) NOTE …"), so a recommendation's items "a) … b) … f) …" stood as one long sentence
and `list_blocks` found no list; a capital first mark ("A) Note …") was no item mark at
all. Texts: Kent County Council's Cabinet papers and minutes of 30 January 2025 (Revenue
and Capital Budget Monitoring, item 88; English Devolution White Paper, item 83), County
Council report of 13 March 2025 (Kent Minerals and Waste Local Plan), a DPIA screening
appendix of 30 January 2025, as the PDF reader gives them (eval/README.md "List item
marks, round 19").
"""

from __future__ import annotations

from datetime import date

from indexer.text import split_sentences
from search_api.sentences import candidates, cut_items
from tests.answering.builders import hit

DAY = date(2025, 1, 30)
MINUTES = (
    "The focus was on addressing the £25 million shortfall. 3. RESOLVED that Cabinet agree "
    "to: A) Note the forecast revenue overspend of £23.3m (excluding Schools). b) Note the "
    "forecast overspend on Schools’ Delegated Budgets of £30.4m. c) Note the forecast capital "
    "underspend of £111.6m. d) Note the progress on the delivery of savings. e) Agree the "
    "Capital budget changes. f) Note the Reserves, Treasury Management and Prudential "
    "Indicators Monitoring"
)
PAPER = (
    "Cabinet is asked to: a) NOTE the forecast revenue overspend of £23.3m (excluding "
    "Schools). b) NOTE the forecast overspend on Schools’ Delegated Budgets of £30.4m. c) "
    "NOTE the forecast capital underspend of £111.6m. d) NOTE the progress on the delivery "
    "of savings. e) AGREE the Capital budget changes. f) NOTE the Reserves, Treasury "
    "Management and Prudential Indicators Monitoring"
)
PLAN = (
    "County Council is asked to: (i) NOTE the Inspector’s Report (see Appendix A) on the "
    "examination of the Kent Minerals and Waste Local Plan 2024-2039 (KWMLP) and the "
    "recommended modifications (incorporated in the Plan presented for Council approval); "
    "(ii) NOTE the content and recommendations of the Sustainability Appraisal of the KMWLP "
    "(Appendix D); and, (iii) ADOPT the Kent Minerals and Waste Local Plan 2024-2039 as set "
    "out in Appendix B; and"
)
DEVOLUTION = (
    "Having listened carefully to the full debate at County Council and noting the resolution "
    "of Council to endorse an application to join the Devolution Priority Programme and "
    "request a postponement of the KCC Elections, the Leader put forward the motion that "
    "Cabinet consider the following proposal to: (a) Agree to submit a request to government "
    "jointly with Medway Council for Kent and Medway to be included in the Devolution Priority "
    "Programme; and (b) Agree to request that the Minister for Local Government and English "
    "Devolution consider postponing county elections scheduled for May 2025. 3. The following "
    "comments were put forward by Cabinet: - Members acknowledged the extensive debate held at "
    "Full Council"
)
CONDITIONS = (
    "4 If you are relying on condition (b), (h), (i) and/or (j) you must outline which "
    "element of the project relies on this condition Special Category Data"
)


def _lists(text: str) -> list[tuple[str, int]]:
    return [(c.text, c.items) for c in candidates([hit(1, DAY, text)]) if c.items]


def _texts(text: str) -> list[str]:
    return [c.text for c in candidates([hit(1, DAY, text)])]


def test_a_capital_first_mark_opens_the_resolutions_list() -> None:
    lists = _lists(MINUTES)
    assert len(lists) == 1
    quote, items = lists[0]
    assert items == 6
    assert quote.startswith("RESOLVED that Cabinet agree to: A) Note the forecast revenue")
    assert quote.endswith("Prudential Indicators Monitoring")


def test_lower_case_marks_inside_one_sentence_are_a_list_of_items() -> None:
    lists = _lists(PAPER)
    assert [items for _, items in lists] == [6]
    assert lists[0][0].startswith("Cabinet is asked to: a) NOTE")
    # the sentence stays one candidate, as the splitter gave it
    assert [t for t in _texts(PAPER) if t.startswith("Cabinet")] == [PAPER, PAPER]


def test_roman_marks_inside_one_sentence_are_a_list_of_items() -> None:
    lists = _lists(PLAN)
    assert [items for _, items in lists] == [3]
    assert lists[0][0].endswith("as set out in Appendix B; and")


def test_a_lettered_list_ends_at_the_next_paragraph_number() -> None:
    lists = dict(_lists(DEVOLUTION))
    proposal = [quote for quote in lists if "(a) Agree to submit" in quote]
    assert len(proposal) == 1 and lists[proposal[0]] == 2
    assert proposal[0].endswith("consider postponing county elections scheduled for May 2025.")


def test_marks_that_count_no_list_leave_the_sentence_whole() -> None:
    # "(i) and/or (j)" is no run: a lettered run counts from "a)", a run from "(i)" is roman
    for text in (CONDITIONS, "The Plan is set out in full (see Appendix B) and was agreed."):
        sentences = split_sentences(text)
        assert cut_items(text, sentences) == list(sentences)
