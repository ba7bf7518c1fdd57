"""Reading on from the place a passage was read at (round 47, r47-roll2).

Kent's minutes repeat the devolution motion's text under each amendment put to it; the
passage holding it is stored once for every place. Reading on from the second amendment
read on from the first place the store found, into the first amendment's vote (ka45-003).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np

from indexer.models import Chunk, DocumentMeta, Hit
from indexer.store import PassageStore, normalise_text, passage_id_for
from search_api.answering import at_place, place_of
from search_api.archive import Reader

TEXTS = [
    "Mr Hood proposed the following amendment to the motion: County Council is asked to:",
    "Endorse the ongoing joint work between the councils.",
    "For (13) Against (45) Abstain (0) Amendment lost.",
    "Mr Passmore proposed the following amendment to the motion: County Council is asked to:",
    "Endorse the ongoing joint work between the councils.",
    "For (20) Against (40) Abstain (4) Mr Brady, Ms Meade Amendment lost.",
]


def _store(tmp_path: Path) -> tuple[PassageStore, list[int]]:
    store = PassageStore(tmp_path / "passages.sqlite")
    ids = [passage_id_for(normalise_text(t)) for t in TEXTS]
    vectors = {pid: np.zeros(4, dtype=np.float32) for pid in ids}
    chunks = [Chunk(text=t, ordinal=i, item="285", page=i + 1) for i, t in enumerate(TEXTS)]
    meta = DocumentMeta(document_id="c/minutes", path="minutes.md", doc_type="minutes")
    store.put_document(meta, "c", "h", chunks, vectors)
    return store, ids


def _hit(store: PassageStore, pid: int) -> Hit:
    p = store.passages([pid])[pid]
    return Hit(passage_id=pid, text=p.text, score=1.0, citation=p.citation)


def test_the_store_finds_the_passage_after_each_place(tmp_path: Path) -> None:
    store, ids = _store(tmp_path)
    motion = ids[1]
    assert ids[4] == motion  # one passage, two places
    assert store.following_places([("c/minutes", 1), ("c/minutes", 4)]) == {
        ("c/minutes", 1): (ids[2], 2),
        ("c/minutes", 4): (ids[5], 5),
    }
    store.close()


def test_reading_on_reads_after_the_place_it_reached(tmp_path: Path) -> None:
    """From Mr Passmore's amendment, the motion's text at its own place, then his vote (not
    Mr Hood's), cited on its page."""
    store, ids = _store(tmp_path)
    reader = SimpleNamespace(_store=store)
    after = Reader.following(reader, [_hit(store, ids[3])])  # type: ignore[arg-type]
    motion = after[ids[3]]
    assert motion.passage_id == ids[1] and place_of(motion.citation) == ("c/minutes", 4)
    assert motion.citation.page == 5
    vote = Reader.following(reader, [motion])[ids[1]]  # type: ignore[arg-type]
    assert vote.passage_id == ids[5] and "Mr Brady" in vote.text and vote.citation.page == 6
    # Read at its first place, the motion's text reads on to Mr Hood's vote.
    first = at_place(motion.citation, "c/minutes", 1)
    assert first.page == 2 and [s.ordinal for s in first.sources] == [1, 4]
    hood = Reader.following(reader, [motion.model_copy(update={"citation": first})])  # type: ignore[arg-type]
    assert hood[ids[1]].passage_id == ids[2]
    store.close()
