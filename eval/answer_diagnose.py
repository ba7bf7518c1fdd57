"""`python -m eval.answer_diagnose`: why each answer of one split misses its evidence.

The harness says *how often* `/ask` carries the gold evidence; this says *where it was
lost*: for every question of one split it runs the product path (`Reader.ask`'s two
halves, what `/ask` serves, with `/ask`'s default k: one search, `Reader.searched`, and
the answer from it, `Reader.answered`) and reports, per answerable question, whether
each gold quote stood in the passages the answer drew on (`in_hits`: the answer's pool,
`Reader.pool` of that same search — its hits, the neighbours their item windows show,
what it reads below them — and `pool`, the part it stood in; retrieval's part), in a
cited passage (the selection of passages) and in the answer's quotes (the selection of
sentences), and for an unanswerable question whether it abstained. `in_search` says
whether it stood in what `/search` shows for the question (its k hits in their item
windows), which reaches passages below `/ask`'s hits where a window merges a hit and
the next ranked passage takes its place: what this tool read as the pool before round
56 (eval/README.md, r55-evid3 Left (e)). The abstention
signals of every answer are written too (`--json`), for `eval.fit_abstention`, with
whether the question is answerable *on this index* (`answerable`: it is not of kind
unanswerable and the index holds one of its gold documents): on an index of the seeds
alone, a question about Kent papers is unanswerable, which is what makes rows of a
small index teach the model that its decision must not depend on the archive's size.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from eval.answer_metrics import AnswerView, score_answer, summarise
from eval.answer_metrics import CitedQuote as ViewQuote
from eval.documents import manifest_dates, original_paths
from eval.matching import normalise
from eval.questions import Question
from eval.split import add_split_arguments, no_questions, split_questions, split_settings

__all__ = [
    "ASK_K",
    "abstention_summary",
    "answer_view",
    "answerable_here",
    "diagnose_answers",
    "main",
]

ASK_K = 8
"""Passages an `/ask` draws on by default (`AskRequest.k`)."""


def answer_view(answer: Any) -> AnswerView:
    """The answer as `eval.answer_metrics` reads it."""
    return AnswerView(
        text=answer.text,
        citations=tuple(
            ViewQuote(c.quote, c.text, c.citation.meeting_date) for c in answer.citations
        ),
        abstained=answer.abstained,
    )


def answerable_here(question: Question, indexed: set[str]) -> bool:
    """Whether the archive whose documents' paths are `indexed` can answer the question:
    it is not of kind unanswerable and a gold quote's document is among them."""
    return question.answerable and any(
        path in indexed for e in question.evidence for path in e.found_in
    )


def abstention_summary(rows: Sequence[dict[str, Any]]) -> dict[str, float | int]:
    """Abstention on the rows' own index: the share of questions it cannot answer that
    were abstained on, and of those it can answer that were (false abstention)."""
    out: dict[str, float | int] = {}
    for name, want in (("unanswerable", False), ("answerable", True)):
        chosen = [r for r in rows if r["answerable"] is want]
        out[name] = len(chosen)
        if chosen:
            share = sum(1 for r in chosen if r["abstained"]) / len(chosen)
            out["abstention" if not want else "false_abstention"] = round(share, 3)
    return out


def diagnose_answers(
    archive: Any, questions: Sequence[Question], dates: dict[str, Any], k: int = ASK_K
) -> list[dict[str, Any]]:
    """One row per question: its answer, scores, where each gold quote was lost."""
    from search_api.search import SearchRequest

    rows = []
    # A converted archive's documents stand for the PDFs the gold quotes name.
    aliases = original_paths(archive.settings.corpus_dirs)
    indexed = {aliases.get(d.path, d.path) for d in archive.reader().documents()}
    index_name = Path(str(archive.settings.index_dir)).name
    for q in questions:
        reader = archive.reader()
        reader.answers.measure_saliency = True  # every signal, whatever the policy weighs
        t0 = time.perf_counter()
        searched = reader.searched(SearchRequest(q.question, k))
        answer = reader.answered(searched)
        ms = (time.perf_counter() - t0) * 1000
        pool = [(part, normalise(h.text)) for part, h in reader.pool(searched)]
        shown = [normalise(h.text) for h in reader.search(SearchRequest(q.question, k)).hits]
        view = answer_view(answer)
        quote_dates = q.quote_dates(dates) if q.answerable else None
        score = score_answer(q, view, quote_dates)
        cited = [normalise(c.text) for c in answer.citations]
        quotes = []
        for i, quote in enumerate(q.quotes):
            nq = normalise(quote)
            part = next((part for part, t in pool if nq in t), None)
            quotes.append(
                {
                    "quote": quote,
                    "in_hits": part is not None,
                    "pool": part,
                    "in_search": any(nq in t for t in shown),
                    "in_cited": any(nq in t for t in cited),
                    "carried": i in score.carried_quotes,
                }
            )
        rows.append(
            {
                "id": q.id,
                "kind": q.kind,
                "split": q.split,
                "group": q.group,
                "index": index_name,
                "answerable": answerable_here(q, indexed),
                "question": q.question,
                "answer": answer.text,
                "abstained": answer.abstained,
                "features": asdict(answer.features) if answer.features else None,
                "score": score.as_dict(),
                "quotes": quotes,
                "ms_search_and_ask": round(ms, 1),
            }
        )
    return rows


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.answer_diagnose", description=__doc__)
    add_split_arguments(p)
    p.add_argument("-k", type=int, default=ASK_K)
    p.add_argument("--only", nargs="*", default=None, help="question ids to run")
    p.add_argument("--json", type=Path, metavar="PATH", help="write every row here")
    p.add_argument("--quiet", action="store_true", help="summary only")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from eval.searchers import open_engine

    settings = split_settings(args)
    questions = split_questions(args)
    if args.only:
        questions = [q for q in questions if q.id in set(args.only)]
    if not questions:
        return no_questions(args)
    archive = open_engine(settings, build_if_missing=False)
    rows = diagnose_answers(archive, questions, manifest_dates(settings.corpus_dirs), args.k)
    from eval.answer_metrics import AnswerScore

    scores = [AnswerScore(**r["score"]) for r in rows]
    summary = summarise(scores)
    print(
        f"{args.split} n={len(rows)} "
        + " ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in summary.items()
            if v is not None
        )  # fmt: skip
        + f" ms_p50={statistics.median(r['ms_search_and_ask'] for r in rows):.0f}"
    )
    here = abstention_summary(rows)
    print(
        f"on this index: {here['unanswerable']} unanswerable, abstention "
        f"{here.get('abstention', float('nan')):.3f}; {here['answerable']} answerable, "
        f"false abstention {here.get('false_abstention', float('nan')):.3f}"
    )
    if not args.quiet:
        for r in rows:
            s = r["score"]
            bad = (
                r["abstained"] != (not r["answerable"])
                or (s["answer_evidence_recall"] is not None and s["answer_evidence_recall"] < 1)
                or s["missing_figures"]
                or s["trend_ends_cited"] == 0
            )
            if not bad:
                continue
            print(f"\n== {r['id']} [{r['kind']}] {r['question']}")
            print(f"   features={r['features']} abstained={r['abstained']}")
            for qd in r["quotes"]:
                where = (
                    "carried"
                    if qd["carried"]
                    else ("cited-passage" if qd["in_cited"] else qd["pool"] or "LOST")
                )
                print(f"   gold[{where}] {qd['quote'][:110]}")
            if s["missing_figures"]:
                print(f"   missing figures: {s['missing_figures']}")
            print("   answer: " + r["answer"][:900].replace("\n", "\n           "))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
