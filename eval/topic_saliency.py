"""`python -m eval.topic_saliency`: measure whether the embedding model can name a
question's topic word, and whether the evidence holds it (issue #13 §3, round 6).

Leave-one-out saliency: the question's topic is encoded once more with each content
term's words removed (one batched encode); a term's saliency is how far the question's
vector moves without it (1 − cosine). Signals over `/ask`'s product path (k = 8):

* ``sal_passage``: the best saliency-weighted share of the question's terms that one of
  the top five passages (with its item title) holds;
* ``sal_sentence``: the same for one sentence of those passages (with its item title);
* ``sal_top_held``: 1 when the most salient term is held by one of the top five passages;
* ``sal_top_held8``: the same over all eight passages the answer draws on.

It writes the answer-diagnose rows with these added under ``features`` (for
`eval.fit_abstention --extra`), and prints their distributions per index and label and
the cost of the extra encode.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from eval.answer_diagnose import ASK_K, answerable_here
from eval.split import add_split_arguments, split_questions, split_settings
from indexer.text import ANALYZER, split_sentences
from search_api.abstention import held
from search_api.sentences import GENERIC_WORDS

__all__ = ["SIGNALS", "main", "saliency", "topic_words"]

SIGNALS = ("sal_passage", "sal_sentence", "sal_top_held", "sal_top_held8")

_WORD = re.compile(r"[^\W_]+")


def topic_words(topic: str) -> dict[str, list[str]]:
    """Each content term of the topic (as `content_terms` keeps them) and its words."""
    out: dict[str, list[str]] = {}
    for word in _WORD.findall(topic):
        low = word.lower()
        if low in GENERIC_WORDS or low.isdigit() or len(low) < 3:
            continue
        term = ANALYZER.term(low)
        if term:
            out.setdefault(term, []).append(word)
    return out


def saliency(embedder: Any, topic: str, words: dict[str, list[str]]) -> dict[str, float]:
    """How far the topic's vector moves when each term's words are removed (1 − cos)."""
    terms = list(words)
    texts = [topic]
    for t in terms:
        drop = {w.lower() for w in words[t]}
        kept = [w for w in topic.split() if not any(x.lower() in drop for x in _WORD.findall(w))]
        texts.append(" ".join(kept))
    vecs = np.asarray(embedder.encode(texts))
    vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
    return {t: float(1.0 - vecs[0] @ vecs[i + 1]) for i, t in enumerate(terms)}


def _stems(text: str) -> set[str]:
    return {t for t in ANALYZER.terms(text) if t}


def signals(sal: dict[str, float], hits: Sequence[Any]) -> dict[str, float]:
    """The saliency signals of one question's hits (see the module docstring)."""
    total = sum(max(v, 0.0) for v in sal.values())
    if not sal or total <= 0:
        return dict.fromkeys(SIGNALS, 0.0)
    w = {t: max(v, 0.0) / total for t, v in sal.items()}
    top_term = max(sal, key=lambda t: sal[t])
    best_p = best_s = 0.0
    top5 = top8 = False
    for rank, h in enumerate(hits):
        title = _stems(h.citation.item_title or "")
        stems = title | _stems(h.text)
        has_top = held(top_term, stems)
        top8 = top8 or has_top
        if rank >= 5:
            continue
        top5 = top5 or has_top
        best_p = max(best_p, sum(v for t, v in w.items() if held(t, stems)))
        for s in split_sentences(h.text):
            ss = title | _stems(h.text[s.start : s.end])
            best_s = max(best_s, sum(v for t, v in w.items() if held(t, ss)))
    return {
        "sal_passage": round(best_p, 4),
        "sal_sentence": round(best_s, 4),
        "sal_top_held": float(top5),
        "sal_top_held8": float(top8),
    }


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.topic_saliency", description=__doc__)
    add_split_arguments(p)
    p.add_argument("--json", type=Path, required=True, metavar="PATH")
    args = p.parse_args(argv)
    from eval.searchers import open_engine
    from search_api.search import SearchRequest

    settings = split_settings(args)
    questions = split_questions(args)
    archive = open_engine(settings, build_if_missing=False)
    indexed = {d.path for d in archive.reader().documents()}
    index_name = Path(str(archive.settings.index_dir)).name
    rows: list[dict[str, Any]] = []
    costs: list[float] = []
    for q in questions:
        reader = archive.reader()
        found = reader.search(SearchRequest(q.question, ASK_K))
        answer = reader.ask(SearchRequest(q.question, ASK_K))
        words = topic_words(found.intent.topic)
        t0 = time.perf_counter()
        sal = saliency(archive.embedder, found.intent.topic, words) if words else {}
        costs.append((time.perf_counter() - t0) * 1000)
        feats = asdict(answer.features) if answer.features else None
        if feats is None:
            continue
        feats.update(signals(sal, found.hits))
        held_by = [
            sorted(t for t in sal if held(t, _stems(f"{h.citation.item_title or ''} {h.text}")))
            for h in found.hits
        ]
        sentences = [
            sorted(t for t in sal if held(t, _stems(h.citation.item_title or "")
                                          | _stems(h.text[s.start : s.end])))
            for h in found.hits[:5] for s in split_sentences(h.text)
        ]
        rows.append(
            {
                "id": q.id, "kind": q.kind, "split": q.split, "group": q.group,
                "index": index_name, "answerable": answerable_here(q, indexed),
                "question": q.question, "abstained": answer.abstained,
                "saliency": {t: round(v, 4) for t, v in sorted(sal.items(), key=lambda kv: -kv[1])},
                "features": feats, "held_by": held_by, "sentences": sentences,
                "topic": found.intent.topic,
            }
        )  # fmt: skip
    args.json.write_text(json.dumps(rows, indent=1, default=str))
    costs.sort()
    print(
        f"{index_name}: {len(rows)} rows; extra encode ms p50 {statistics.median(costs):.1f} "
        f"p95 {costs[int(0.95 * (len(costs) - 1))]:.1f}"
    )
    for label in (True, False):
        chosen = [r for r in rows if r["answerable"] is label]
        cells = []
        for s in (*SIGNALS, "coverage", "sentence_coverage"):
            vals = [r["features"][s] for r in chosen]
            cells.append(f"{s} {statistics.fmean(vals):.2f}" if vals else f"{s} -")
        print(f"  {'answerable' if label else 'unanswerable'} n={len(chosen)}: " + ", ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
