"""Ranking by the asked-for detail: among passages on a question's subject, the one that
holds what the question asks for (a figure, a resolution or agreement) goes first.

Both retrievers rank a question's *subject*: the summary of a report, the opening clause
of a motion and the passage that states the asked figure or the RESOLVED line all speak
to it, and the first two often hold more of the question's words (eval/README.md,
"Ranking, round 10", cause B). What tells them apart is the kind of detail the question
asks for, which its wording says ("how much", "what rate", "what was agreed") and a
sentence's shape shows (`sentences.figure_kinds`, `is_action`). So within the top
`detail_ranks` candidates, a passage one of whose sentences carries the asked-for kind of
detail and a topic word of the question (in the sentence or its item's title) gains
`detail_boost` × the best candidate's score: a bounded lift, enough to pass a passage
just above it on the same subject, not one far above. Questions asking for no such
detail, and trend questions (re-ranked for coverage instead), rank as before. Sentences
are read by rule only: no model runs (eval/README.md, "Ranking by the asked-for detail,
round 11").
"""

from __future__ import annotations

from collections.abc import Sequence

from indexer.models import Hit
from indexer.text import stems_of

from .sentences import Aspects, Candidate, aspects_of, candidates, held_weight

__all__ = ["asks_detail", "carries_detail", "holds_detail", "lift_asked_detail"]


def asks_detail(aspects: Aspects) -> bool:
    """The question asks for a figure or a decision (and is no trend): a detail a
    sentence's shape shows. "Who" and "when" are not read: nearly every sentence of
    minutes names someone or a date (tune: lifting them lost recall)."""
    return not aspects.trend and (aspects.figure or aspects.action)


def carries_detail(candidate: Candidate, aspects: Aspects) -> bool:
    """The sentence carries the kind of detail the question asks for: a figure of the
    asked kind (any figure when the wording names no kind), or an action, resolution or
    agreement that is not housekeeping."""
    c = candidate
    if aspects.figure and c.figures and (not aspects.kinds or aspects.kinds & c.kinds):
        return True
    return aspects.action and c.action and not c.procedural


def holds_detail(hits: Sequence[Hit], aspects: Aspects) -> set[int]:
    """The ids of the hits with a sentence that carries the asked detail and holds one of
    the question's topic terms (in the sentence or its agenda item's title). A table's
    rows are not read (`sentences.TABLE_ROWS` is the answer's: every budget table's row
    states a figure, and lifting its passage moved the ranking)."""
    terms = dict.fromkeys(aspects.terms, 1.0)
    return {
        c.hit.passage_id
        for c in candidates(hits, rows=False)
        if not c.items
        and carries_detail(c, aspects)
        and held_weight(stems_of(c.text), c.hit.citation.item_title, terms) > 0
    }


def lift_asked_detail(
    hits: list[Hit], question: str, topic: str, trend: bool, ranks: int, boost: float
) -> list[Hit]:
    """The hits re-ranked with those of the top `ranks` that hold the asked detail lifted
    by `boost` × the best score (module docstring); unchanged when `boost` is 0 or the
    question asks for no such detail. Best first."""
    if boost <= 0 or not hits:
        return hits
    aspects = aspects_of(question, topic, trend)
    if not asks_detail(aspects):
        return hits
    top = hits[:ranks]
    holding = holds_detail(top, aspects)
    lift = boost * max(max(h.score for h in top), 0.0)
    lifted = [
        h.model_copy(update={"score": round(h.score + lift, 6)}) if h.passage_id in holding else h
        for h in top
    ]
    return sorted(lifted, key=lambda h: -h.score) + hits[ranks:]
