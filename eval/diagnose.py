"""`python -m eval.diagnose`: where each missed gold quote ranks, and in which passage.

The harness says *how often* retrieval misses; this says *where* and *why*. For every
answerable question of one split it runs the product path (`Reader.search`, what
`/search` serves) and, for each gold quote not in the top k, reports the rank of its
best passage in the dense, the lexical and the fused ranking (searched deep), the
passage's size and its item title. Those rows are what `eval/ANALYSIS.md` is written
from.

The lexical index is rebuilt in memory from the index's passage store by default, so a
change to the analyser is measured without re-embedding anything: one cached index
serves every experiment.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eval.documents import manifest_dates
from eval.matching import normalise
from eval.questions import Question
from eval.runner import run_eval
from eval.searchers import ArchiveSearcher, open_engine
from eval.split import add_split_arguments, split_questions, split_settings

__all__ = ["QuoteRanks", "diagnose", "main"]

log = logging.getLogger("eval.diagnose")

DEPTH = 300
"""How deep each ranking is searched for a missed quote's passage."""


@dataclass
class QuoteRanks:
    """Where one gold quote's best passage ranks in each ranking (None: beyond DEPTH)."""

    question_id: str
    kind: str
    question: str
    quote: str
    served: int | None
    dense: int | None
    lexical: int | None
    fused: int | None
    passage_id: int | None
    passage_words: int | None
    item_title: str | None
    passage: str | None
    held: float | None = None
    """Share of the question's content words (idf-weighted, title fields included) the
    passage holds: near 0, the question's words are not the passage's (paraphrase, or its
    subject stated in a lead-in, a heading or another passage)."""
    neighbour_held: float | None = None
    """The same share for the best of the passages just before and after it in its agenda
    item: high where `held` is low, the subject stands in the neighbour (a list's lead-in)."""


def _first_rank(ranking: Sequence[int], wanted: set[int]) -> int | None:
    for rank, pid in enumerate(ranking, 1):
        if pid in wanted:
            return rank
    return None


def supporting_passages(archive: Any, questions: Sequence[Question]) -> dict[str, set[int]]:
    """Every passage of the index that supports each quote (normalised text scan)."""
    quotes = {normalise(qt) for q in questions for qt in q.quotes}
    found: dict[str, set[int]] = {qt: set() for qt in quotes}
    for pid, text, *_titles in archive.reader().lexical_rows():
        norm = normalise(text)
        for qt in quotes:
            if qt in norm:
                found[qt].add(pid)
    return found


def quote_ranks(
    archive: Any, questions: Sequence[Question], k: int, depth: int = DEPTH
) -> list[QuoteRanks]:
    """For every quote of every answerable question: its ranks in each ranking."""
    from search_api.search import SearchRequest

    retriever = archive.snapshot.retriever
    tuning = archive.settings.search
    reader = archive.reader()
    support = supporting_passages(archive, questions)
    rows: list[QuoteRanks] = []
    for q in questions:
        if not q.answerable:
            continue
        top = archive.reader().search(SearchRequest(q.question, k))
        topic = top.intent.topic
        shown = [h.passage_id for h in top.hits]
        # Below the top k, the deep call's order (its trend re-ranking works on depth).
        deep = archive.reader().search(SearchRequest(q.question, depth)).hits
        served = shown + [h.passage_id for h in deep if h.passage_id not in set(shown)]
        dense_pairs = retriever.dense(topic, depth)
        lexical_pairs = retriever.lexical(topic, depth)
        rankings = {
            "served": served,
            "dense": [pid for pid, _ in dense_pairs],
            "lexical": [pid for pid, _ in lexical_pairs],
            "fused": [pid for pid, _ in retriever.rank(topic, depth, "hybrid", None, tuning)[0]],
        }
        for quote in q.quotes:
            wanted = support[normalise(quote)]
            ranks = {name: _first_rank(r, wanted) for name, r in rankings.items()}
            found = [(rank, rankings[n]) for n, rank in ranks.items() if rank is not None]
            pid = found[0][1][found[0][0] - 1] if found else None
            if pid is None and wanted:
                pid = min(wanted)
            passage = reader.passages([pid]).get(pid) if pid is not None else None
            held, neighbour_held = _held(retriever, topic, pid)
            rows.append(
                QuoteRanks(
                    question_id=q.id,
                    kind=q.kind,
                    question=q.question,
                    quote=quote,
                    served=ranks["served"],
                    dense=ranks["dense"],
                    lexical=ranks["lexical"],
                    fused=ranks["fused"],
                    passage_id=pid,
                    passage_words=len(passage.text.split()) if passage else None,
                    item_title=passage.citation.item_title if passage else None,
                    passage=passage.text if passage else None,
                    held=held,
                    neighbour_held=neighbour_held,
                )
            )
    return rows


def _held(retriever: Any, topic: str, pid: int | None) -> tuple[float | None, float | None]:
    """(share of the topic's words `pid` holds, best share among its item neighbours)."""
    if pid is None:
        return None, None
    near = retriever.store.neighbours([pid]).get(pid, [])
    shares = retriever.lexical_index.coverage_for(topic, [pid, *near])
    return (
        round(shares.get(pid, 0.0), 3),
        round(max((shares.get(n, 0.0) for n in near), default=0.0), 3) if near else None,
    )


def rebuild_lexical(archive: Any) -> None:
    """Swap the snapshot's lexical index for one built now, with this checkout's analyser."""
    from indexer.lexical import LexicalIndex

    snap = archive.snapshot
    snap.retriever.lexical_index = LexicalIndex.build(archive.reader().lexical_rows())


def diagnose(
    settings: Any,
    questions: Sequence[Question],
    k: int = 10,
    fresh_lexical: bool = True,
    ranks: bool = True,
) -> dict[str, Any]:
    """Scores of the served hybrid path on `questions`, and the missed quotes' ranks."""
    archive = open_engine(settings, build_if_missing=False)
    if fresh_lexical:
        rebuild_lexical(archive)
    dates = manifest_dates(settings.corpus_dirs)
    report = run_eval(questions, [ArchiveSearcher(archive, "hybrid")], dates, k=k)
    out: dict[str, Any] = {"summary": report.configs["hybrid"].summary}
    out["per_question"] = report.configs["hybrid"].per_question
    if ranks:
        out["quotes"] = [asdict(r) for r in quote_ranks(archive, questions, k)]
    return out


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.diagnose", description=__doc__)
    add_split_arguments(p)
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", type=Path, metavar="PATH", help="write the full result here")
    p.add_argument("--no-ranks", action="store_true", help="scores only, no per-quote ranks")
    p.add_argument(
        "--stored-lexical", action="store_true", help="use the index's own lexical files"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = split_settings(args)
    questions = split_questions(args)
    if not questions:
        print(f"no {args.split} questions in {[str(p) for p in args.questions]}", file=sys.stderr)
        return 2
    out = diagnose(settings, questions, args.k, not args.stored_lexical, not args.no_ranks)
    s = out["summary"]
    print(
        f"{args.split} n={sum(q.answerable for q in questions)} "
        + " ".join(
            f"{m}={s[m]:.3f}" for m in ("recall@10", "mrr@10", "ndcg@10") if s[m] is not None
        )
        + (f" trend_span@10={s['trend_span@10']:.3f}" if s.get("trend_span@10") is not None else "")
    )
    for row in out.get("quotes", []):
        if row["served"] is None or row["served"] > args.k:
            print(
                f"MISS {row['question_id']:8} served={row['served']} dense={row['dense']} "
                f"lex={row['lexical']} fused={row['fused']} words={row['passage_words']} "
                f"held={row['held']} next={row['neighbour_held']} "
                f"| {row['quote'][:70]}"
            )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
