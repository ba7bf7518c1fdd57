"""Reaching the other passages of a report already found: a list's items, a motion's parts.

A list or a motion runs over several consecutive passages of one agenda item; the first
(its lead-in, the motion's opening) holds the question's words and ranks, its
continuations hold the items but not the topic words and rank far down or not at all
(eval/README.md, "Spreading the top 10, round 12": 21 of the 26 non-trend missed quotes
stand in a document already in the top 10). So each of the top `lenders` hits lends its
neighbours (the passage just before and after it in the same agenda item) a share of its
score: a neighbour's score becomes max(its own, `share` × the lender's), and with
`reach` > 1 a neighbour so raised lends on to the next passage (`share`² of the
lender's, and so on): a list over three passages. A neighbour outside the fused
candidates joins them. `scope` "any" lends to every neighbour, "list" only across a list
run (`embed_context.continues_list`: the earlier passage ends with a lead-in or the later
opens with an item), "lead" only to the passage after a lender that ends with a lead-in
sentence (`embed_context.ends_with_lead_in`: "… the following actions would be
undertaken:"). Trend questions are re-ranked for coverage instead and are not lent
to (the caller's choice).
"""

from __future__ import annotations

from indexer.embed_context import continues_list, ends_with_lead_in
from indexer.models import Hit
from indexer.store import PassageStore

from .retrieval import Retriever

__all__ = ["lend_to_neighbours"]


def lend_to_neighbours(
    retriever: Retriever,
    hits: list[Hit],
    lenders: int,
    share: float,
    reach: int,
    scope: str = "any",
) -> list[Hit]:
    """The hits with their top `lenders`' neighbours raised (module docstring); best
    first. Unchanged when `share` or `reach` is 0."""
    if share <= 0 or reach <= 0 or not hits:
        return hits
    own = {h.passage_id: h.score for h in hits}
    texts = {h.passage_id: h.text for h in hits}
    raised: dict[int, float] = {}
    frontier = {h.passage_id: h.score for h in hits[:lenders]}
    for _ in range(reach):
        step: dict[int, float] = {}
        for pid, n in _pairs(retriever, list(frontier), scope, texts):
            lent = share * frontier[pid]
            if lent > max(own.get(n, 0.0), raised.get(n, 0.0), step.get(n, 0.0)):
                step[n] = lent
        raised.update(step)
        frontier = step
        if not frontier:
            break
    if not raised:
        return hits
    kept = [
        h.model_copy(update={"score": round(raised[h.passage_id], 6)})
        if h.passage_id in raised
        else h
        for h in hits
    ]
    joined = retriever.hits([(pid, s) for pid, s in raised.items() if pid not in own])
    return sorted([*kept, *joined], key=lambda h: -h.score)


def _pairs(
    retriever: Retriever, ids: list[int], scope: str, texts: dict[int, str]
) -> list[tuple[int, int]]:
    """(lender, neighbour) pairs of `ids` in `scope`; `texts` is filled as passages are read."""
    store = retriever.store
    if scope == "any":
        return [(pid, n) for pid, ns in store.neighbours(ids).items() for n in ns]
    if scope == "lead":
        lead_ins = [pid for pid in ids if ends_with_lead_in(_text(store, pid, texts))]
        return list(store.following(lead_ins).items())
    after, before = store.following(ids), store.preceding(ids)
    need = [p for p in [*ids, *after.values(), *before.values()] if p not in texts]
    texts.update({p: passage.text for p, passage in store.passages(need).items()})
    return [
        *((pid, n) for pid, n in after.items() if continues_list(texts[pid], texts[n])),
        *((pid, n) for pid, n in before.items() if continues_list(texts[n], texts[pid])),
    ]


def _text(store: PassageStore, pid: int, texts: dict[int, str]) -> str:
    """A passage's text, read from the store the first time it is needed."""
    if pid not in texts:
        texts.update({p: passage.text for p, passage in store.passages([pid]).items()})
    return texts.get(pid, "")
