"""Near copies move down (`search_api.search.demote_near_copies`,
`SearchSettings.near_copy_overlap`): a council publishes one report twice, the draft at
one meeting and the final at the next, a word or a figure apart; exact copies are one
passage already, near copies are not, and they fill the top 10 twice over
(eval/README.md, "Ranking misses on everyday wording, released rows first, round 22").
On the one search path with the real model, FAISS and SQLite: the seed corpus with
corpus/004 published again as its final version. A copy moved down is folded into its
twin's window: what only its surroundings say (a vote recorded after it) stays shown
(eval/README.md, "Near copies that hold the answer, round 23")."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.models import Hit
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.search import SearchRequest, search
from tests.conftest import CORPUS

QUESTION = "how is the children's services improvement plan being checked by scrutiny"


def _words(hit: Hit) -> set[str]:
    return set(re.findall(r"\w+", hit.text.lower()))


def _copies(hits: list[Hit], overlap: float) -> int:
    """Hits sharing at least `overlap` of their words with a hit above them."""
    seen: list[set[str]] = []
    count = 0
    for hit in hits:
        mine = _words(hit)
        count += any(len(mine & w) >= overlap * len(mine | w) for w in seen)
        seen.append(mine)
    return count


FINAL = "005_final_improvement_report"

VOTE = (
    "The voting was as follows. For (9): Mr Allen, Mrs Baker, Mr Clarke, Ms Davies, Mr Evans, "
    "Mrs Foster, Mr Green, Ms Hall and Mr Irving. Against (2): Mrs Jones and Mr King. "
    "Abstain (1): Ms Lewis. Carried."
)
"""A recorded vote: it shares no word with the question, so it is shown only beside the
paragraph it follows."""


def _final_version(folder: Path, after_purpose: str = "") -> None:
    """corpus/004 again, in `folder` beside the seeds, as the final version a month later:
    two words changed, and `after_purpose` a paragraph of its own after the report's
    purpose."""
    draft = (CORPUS / "004_a3ad42d7930c8b10.txt").read_text()
    final = draft.replace("July 2022", "August 2022").replace("efficacy", "effectiveness")
    assert final != draft
    if after_purpose:
        anchor = "Continuous Improvement Plan as we progress."
        assert anchor in final
        final = final.replace(anchor, f"{anchor}\n\n{after_purpose}\n", 1)
    (folder / f"{FINAL}.txt").write_text(final)


def test_a_near_copy_leaves_the_top_10_to_another_passage(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    settings, folder = seed_beside
    _final_version(folder)
    assert Indexer(settings, embedder).build().added == [FINAL]
    reader = Archive.open(settings, embedder).reader()
    request = SearchRequest(QUESTION)
    served = reader.ranked(request).hits  # what /search and /ask rank by
    assert len(served) == 10 and _copies(served, 0.9) == 0
    tuning = reader.settings.search

    def ranked(overlap: float) -> list[Hit]:
        result = search(
            reader.snapshot.retriever,
            replace(tuning, near_copy_overlap=overlap, near_copy_containment=0.0),
            request,
            reader.latest_date(),
        )
        return result.hits + result.below

    before, after = ranked(0.0), ranked(0.8)
    assert _copies(before[:10], 0.9) >= 1  # the draft and the final, both in the top 10
    assert _copies(after[:10], 0.8) == 0
    # nothing is dropped: the copies stand below, the first hit is the same passage
    assert {h.passage_id for h in after} == {h.passage_id for h in before}
    assert after[0].passage_id == before[0].passage_id
    assert {h.passage_id for h in after[:10]} - {h.passage_id for h in before[:10]}


def test_a_moved_copy_keeps_what_its_surroundings_say_beside_its_twin(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    # The final version records the vote right after the paragraph the draft shares: the
    # copy leaves the top 10, the vote it stands beside does not.
    settings, folder = seed_beside
    _final_version(folder, VOTE)
    assert Indexer(settings, embedder).build().added == [FINAL]
    reader = Archive.open(settings, embedder).reader()
    request = SearchRequest(QUESTION)
    served = reader.search(request).hits  # what /search serves
    assert _copies(served, 0.9) == 0
    with_vote = [h for h in served if "Against (2): Mrs Jones and Mr King" in h.text]
    assert len(with_vote) == 1
    hit = with_vote[0]
    found = reader.ranked(request)
    moved = {h.passage_id for copies in found.copies.values() for h in copies}
    assert moved and not moved & {h.passage_id for h in found.hits}
    assert hit.passage_id in found.copies  # the twin kept in the top 10
    folded = [p for p in hit.window if p.document_id]
    assert folded and all(p.document_id.startswith(FINAL) for p in folded)
    assert any("Against (2): Mrs Jones and Mr King" in hit.text[p.start : p.end] for p in folded)
    own = next(p for p in hit.window if p.passage_id == hit.passage_id)
    assert own.document_id is None and hit.citation.document_id != folded[0].document_id
