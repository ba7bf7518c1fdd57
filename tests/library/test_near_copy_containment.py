"""Near copies by containment (`search_api.search.contained`,
`SearchSettings.near_copy_containment`): Kent's draft budget's list of templates (Cabinet,
30 January 2025) and the Labour group's alternative budget's copy of it (Council, 13 February)
cut the same budget line at other passage boundaries, a row number and the next line's first
words added, so word-set Jaccard stays below `near_copy_overlap` while one passage holds
nearly every word of the other (eval/README.md, round 35, r35-rank)."""

from __future__ import annotations

from indexer.models import Citation, Hit
from indexer.text import words
from search_api.search import contained, demote_near_copies, figures_agree, near

DRAFT = (
    "GET Neil Baker Supported Bus Services (BSIP routes) During Autumn 2023, a number of local "
    "bus operators within Kent, gave notice that they intended to withdraw their local bus "
    "services. The vast majority of these services were school focused, carrying those holding "
    "a Kent Travel Saver or were provided with a season ticket by KCC."
)
ALTERNATIVE = (
    "Service Area Core or Externally 184 Service Strategies & Improvements GET Neil Baker "
    "Supported Bus Services (BSIP routes) During Autumn 2023, a number of local bus operators "
    "within Kent, gave notice that they intended to withdraw their local bus services. The vast "
    "majority of these services were school focused, carrying those holding a Kent Travel Saver "
    "or were provided with a season ticket by KCC."
)
OTHER = (
    "The challenges impacting the sustainability of services for operators have not gone away "
    "and the costs of sustaining previously unsubsidised services is expected to exceed £5m per "
    "annum from April."
)
RESOLUTION = "3) RESOLVED that the County Council approves and adopts Local Transport Plan 5."
"""A short line whose words a longer passage may hold: a quotation of it, not a copy."""


def _hit(pid: int, text: str, score: float) -> Hit:
    return Hit(passage_id=pid, text=text, score=score, citation=Citation(document_id=f"d{pid}"))


def test_a_budget_line_cut_at_other_boundaries_is_contained_not_jaccard_near() -> None:
    draft, alternative = set(words(DRAFT)), set(words(ALTERNATIVE))
    assert not near(draft, alternative, 0.9)
    assert contained(draft, alternative, 0.9)
    assert not contained(draft, set(words(OTHER)), 0.5)


def test_a_much_shorter_passage_is_no_copy_of_a_longer_one_holding_its_words() -> None:
    line = set(words(RESOLUTION))
    longer = line | set(words(DRAFT)) | set(words(OTHER))
    assert len(line & longer) == len(line)
    assert not contained(line, longer, 0.9)


def test_the_copy_moves_below_the_other_passages_only_with_containment_on() -> None:
    hits = [_hit(1, ALTERNATIVE, 0.9), _hit(2, DRAFT, 0.8), _hit(3, OTHER, 0.7)]
    assert [h.passage_id for h in demote_near_copies(hits, 0.9)] == [1, 2, 3]
    copies: dict[int, list[Hit]] = {}
    moved = demote_near_copies(hits, 0.9, copies, containment=0.9)
    assert [h.passage_id for h in moved] == [1, 3, 2]
    assert [h.passage_id for h in copies[1]] == [2]


LIBRARIES = (
    "Core Efficiency GET Clair Bell Libraries, Registration & Archives - Materials Fund "
    "Continuation of temporary reduction since 2023-24 in the Libraries Materials Fund and "
    "continuation of contribution holiday for the Mobile Libraries renewals reserve 0.0 207.0 "
    "0.0 Community Services Core"
)
LIBRARIES_COPY = (
    "32 Efficiency GET Clair Bell Libraries, Registration & Archives - Materials Fund "
    "Continuation of temporary reduction since 2023-24 in the Libraries Materials Fund and "
    "continuation of contribution holiday for the Mobile Libraries renewals reserve 0.0 207.0 "
    "0.0 Community Services Core 33 Efficiency CED Peter Oakford Support Service reduction"
)


def test_a_copy_with_a_figure_changed_is_a_second_statement_and_stays() -> None:
    """The draft's budget line with another figure in the final: a stage question quotes
    both, so it is no copy; the same line with the same figures is."""
    changed = LIBRARIES_COPY.replace("207.0", "150.0")
    assert contained(set(words(LIBRARIES)), set(words(changed)), 0.6)
    assert figures_agree(LIBRARIES, LIBRARIES_COPY) and not figures_agree(LIBRARIES, changed)
    same = [_hit(1, LIBRARIES_COPY, 0.9), _hit(2, LIBRARIES, 0.8), _hit(3, OTHER, 0.7)]
    assert [h.passage_id for h in demote_near_copies(same, 0.9, containment=0.6)] == [1, 3, 2]
    other = [_hit(1, changed, 0.9), _hit(2, LIBRARIES, 0.8), _hit(3, OTHER, 0.7)]
    assert [h.passage_id for h in demote_near_copies(other, 0.9, containment=0.6)] == [1, 2, 3]
