"""`python -m eval.diagnose`: where each missed gold quote ranks, and in which passage.

The harness says *how often* retrieval misses; this says *where* and *why*. For every
answerable question of one split it runs the product path (`Reader.search`, what
`/search` serves) and, for each gold quote not in the top k, reports the rank of its
best passage in the dense, the lexical and the fused ranking (searched deep), the
passage's size and its item title. Those rows are what `eval/ANALYSIS.md` is written
from.

A quote counts as served where the harness counts it: at the first served hit whose text
(the passage's item window, `search_api.windows`) holds it, judged by the harness's own
`eval.metrics.judge`; a quote that stands in a neighbour merged into a higher hit's window
is served at that hit's rank, not missed (eval/README.md, "Diagnose on converted text,
round 20"). The dense, lexical and fused rankings are of passages, so there a quote ranks
where the first passage holding it does.

The lexical index is rebuilt in memory from the index's passage store by default, so a
change to the analyser is measured without re-embedding anything: one cached index
serves every experiment.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eval.documents import manifest_dates
from eval.matching import normalise
from eval.metrics import judge
from eval.questions import Question
from eval.runner import run_eval
from eval.searchers import ArchiveSearcher, RetrievedPassage, open_engine
from eval.split import add_split_arguments, no_questions, split_questions, split_settings

__all__ = ["Outranked", "PassageRow", "QuoteRanks", "diagnose", "main", "outranked"]

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
    """Rank of the first served hit whose text (its item window) holds the quote: the rank
    the harness scores."""
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
    served_hit: int | None = None
    """The passage id of that served hit: `passage_id` itself, or a passage whose window
    shows the quote's passage beside it."""


@dataclass
class PassageRow:
    """One passage of a served ranking, with what each retriever made of it."""

    passage_id: int
    served: int | None
    dense: int | None
    lexical: int | None
    cosine: float
    bm25: float
    held: float
    """Share of the question's content words (idf-weighted) the passage holds."""
    words: int
    document_id: str
    item_title: str | None
    text: str


@dataclass
class Outranked:
    """A question whose first gold passage is not at rank 1: that passage and the
    passages served above it (at most k), the rows a per-question diagnosis reads."""

    question_id: str
    kind: str
    question: str
    first: int | None
    gold: PassageRow | None
    above: list[PassageRow]


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
    retriever = archive.snapshot.retriever
    tuning = archive.settings.search
    reader = archive.reader()
    support = supporting_passages(archive, questions)
    rows: list[QuoteRanks] = []
    for q, topic, rankings, held_by in _ranked(archive, questions, k, depth):
        rankings["fused"] = [
            pid for pid, _ in retriever.rank(topic, depth, "hybrid", None, tuning)[0]
        ]
        for i, quote in enumerate(q.quotes):
            wanted = support[normalise(quote)]
            ranks = {name: _first_rank(r, wanted) for name, r in rankings.items()}
            found = [rankings[n][rank - 1] for n, rank in ranks.items() if rank is not None]
            served = _first_held(held_by, {i})
            hit = rankings["served"][served - 1] if served is not None else None
            pid = found[0] if found else min(wanted) if wanted else hit
            passage = reader.passages([pid]).get(pid) if pid is not None else None
            held, neighbour_held = _held(retriever, topic, pid)
            rows.append(
                QuoteRanks(
                    question_id=q.id,
                    kind=q.kind,
                    question=q.question,
                    quote=quote,
                    served=served,
                    dense=ranks["dense"],
                    lexical=ranks["lexical"],
                    fused=ranks["fused"],
                    passage_id=pid,
                    passage_words=len(passage.text.split()) if passage else None,
                    item_title=passage.citation.item_title if passage else None,
                    passage=passage.text if passage else None,
                    held=held,
                    neighbour_held=neighbour_held,
                    served_hit=hit,
                )
            )
    return rows


def _first_held(held_by: Sequence[Sequence[int]], quotes: set[int]) -> int | None:
    """Rank of the first served hit that holds any of `quotes` (indices)."""
    for rank, held in enumerate(held_by, 1):
        if quotes.intersection(held):
            return rank
    return None


def _ranked(
    archive: Any, questions: Sequence[Question], k: int, depth: int
) -> Iterator[tuple[Question, str, dict[str, list[int]], list[list[int]]]]:
    """Each answerable question with its topic, its passage ids as served, by the dense
    and by the lexical retriever, `depth` deep, and for each served hit the indices of
    the quotes its text holds (the harness's `judge`). Served: the top k as served (what
    the harness scores), then the deep call's order (its trend re-ranking works on depth)."""
    from search_api.search import SearchRequest

    retriever = archive.snapshot.retriever
    for q in questions:
        if not q.answerable:
            continue
        top = archive.reader().search(SearchRequest(q.question, k))
        topic = top.intent.topic
        shown = {h.passage_id for h in top.hits}
        deep = archive.reader().search(SearchRequest(q.question, depth)).hits
        served = [*top.hits, *(h for h in deep if h.passage_id not in shown)]
        held_by = judge(q, [RetrievedPassage(str(h.passage_id), h.text) for h in served])
        yield (
            q,
            topic,
            {
                "served": [h.passage_id for h in served],
                "dense": [pid for pid, _ in retriever.dense(topic, depth)],
                "lexical": [pid for pid, _ in retriever.lexical(topic, depth)],
            },
            held_by,
        )


def outranked(
    archive: Any, questions: Sequence[Question], k: int, depth: int = DEPTH
) -> list[Outranked]:
    """For every answerable question whose first supporting hit (its text, the item
    window, holds a quote) is below rank 1 of the served ranking (or beyond `depth`): what
    outranks it, with each retriever's view."""
    support = supporting_passages(archive, questions)
    out: list[Outranked] = []
    for q, topic, rankings, held_by in _ranked(archive, questions, k, depth):
        served = rankings["served"]
        wanted = set().union(*(support[normalise(qt)] for qt in q.quotes))
        first = _first_held(held_by, set(range(len(q.quotes))))
        if first == 1:
            continue
        gold = served[first - 1] if first else min(wanted, default=None)
        above = served[: min(first - 1, k) if first else k]
        ids = above + ([gold] if gold is not None else [])
        rows = _passage_rows(archive, topic, ids, rankings)
        out.append(
            Outranked(
                question_id=q.id,
                kind=q.kind,
                question=q.question,
                first=first,
                gold=rows.get(gold) if gold is not None else None,
                above=[rows[pid] for pid in above if pid in rows],
            )
        )
    return out


def _passage_rows(
    archive: Any, topic: str, ids: list[int], rankings: dict[str, list[int]]
) -> dict[int, PassageRow]:
    """Each passage's ranks in `rankings` (served, dense, lexical) and its scores for
    `topic`: cosine, BM25 and the share of the topic's words it holds."""
    retriever = archive.snapshot.retriever
    vector = retriever.embedder.encode_query(topic)
    found, vectors = retriever.store.vectors_for(ids, len(vector))
    cosines = dict(zip((int(i) for i in found), (vectors @ vector).tolist(), strict=True))
    bm25 = retriever.lexical_index.scores_for(topic, ids)
    held = retriever.lexical_index.coverage_for(topic, ids)
    return {
        pid: PassageRow(
            passage_id=pid,
            served=_first_rank(rankings["served"], {pid}),
            dense=_first_rank(rankings["dense"], {pid}),
            lexical=_first_rank(rankings["lexical"], {pid}),
            cosine=round(cosines.get(pid, 0.0), 3),
            bm25=round(bm25.get(pid, 0.0), 2),
            held=round(held.get(pid, 0.0), 3),
            words=len(p.text.split()),
            document_id=p.citation.document_id,
            item_title=p.citation.item_title,
            text=p.text,
        )
        for pid, p in archive.reader().passages(ids).items()
    }


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
    above: bool = False,
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
    if above:
        out["outranked"] = [asdict(r) for r in outranked(archive, questions, k)]
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
    p.add_argument(
        "--above",
        action="store_true",
        help="also list, for each question whose first gold passage is below rank 1, "
        "the passages served above it",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = split_settings(args)
    questions = split_questions(args)
    if not questions:
        return no_questions(args)
    out = diagnose(
        settings, questions, args.k, not args.stored_lexical, not args.no_ranks, args.above
    )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))
    s = out["summary"]
    print(
        f"{args.split} n={sum(q.answerable for q in questions)} "
        + " ".join(
            f"{m}={s[m]:.3f}"
            for m in (f"recall@{args.k}", "mrr@10", "ndcg@10")
            if s.get(m) is not None
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
    for case in out.get("outranked", []):
        print(f"BELOW1 {case['question_id']:8} first={case['first']} | {case['question'][:70]}")
        for r in [*case["above"][:3], case["gold"]]:
            if r is not None:
                tag = "gold" if r is case["gold"] else f"r{r['served']}"
                print(
                    f"  {tag:5} dense={r['dense']} lex={r['lexical']} cos={r['cosine']} "
                    f"bm25={r['bm25']} held={r['held']} words={r['words']} "
                    f"| {r['document_id'][-40:]} | {r['text'][:60]!r}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
