"""`python -m eval.pool_losses`: the gold in `/ask`'s pool that the answer does not quote, by cause.

Rounds 55-58 counted the answerable rows whose gold quote stands in the passages the
answer may quote (`Reader.pool`) and whose answer quotes another sentence: P1 (the gold
passage not cited) and P2 (the gold passage cited, another of its sentences quoted), and
classed each by why the gold sentence lost (eval/README.md r55-evid3 … r58-evid6). Their
scripts lived outside the repository and were gone a round later; this is that reading
kept. Each question is searched and answered as `/ask` does (`Reader.searched`,
`Reader.answered`), with what the answer's two sentence readers were given recorded in
the process (`AnswerBuilder._beside`: the hits' scored sentences, the window neighbours,
the pool's ranks; `_deeper`: the sentences read below the hits); the missed gold sentence
is then put to the test that dropped it, scored on the scale the answer scored it on.

Row classes (`ROW_CLASSES`): `ok` (evidence 1), `P2`, `P1`, `L` (no missed quote in the
pool), `R` (refused). Causes (`CAUSES`), one a missed quote; a row takes its missed
quote's nearest to being quoted (the order of `CAUSES`). No answer changes.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.answer_diagnose import ASK_K, answer_view
from eval.answer_metrics import score_answer
from eval.documents import manifest_dates
from eval.matching import normalise
from eval.paraphrase_gate import NATURAL
from eval.questions import Question
from eval.split import add_split_arguments, no_questions, split_questions, split_settings

__all__ = ["CAUSES", "ROW_CLASSES", "Recorded", "classify", "main", "recorded", "read_rows"]

ROW_CLASSES = ("ok", "P2", "P1", "L", "R")

CAUSES = (
    "caps",  # a hit's sentence within `BEST_MARGIN` of the pool's best: the caps and order
    "room",  # `_deeper`: passes, its passage's best, its band's quotes went to better ones
    "another-line",  # passes, another sentence of its passage is that passage's one line
    "no-aspect",  # a far or below-pool window passage: passes the guard, asks no aspect it holds
    "weakest",  # `_deeper`: within the margin, below the weakest quote, no own topic term
    "band",  # `_deeper`: in the band, not what is asked
    "guard-topic",  # window / next: within the margin, no topic term in its own words
    "guard-margin",  # window / next: more than `BEST_MARGIN` under the pool's best
    "deeper-margin",  # `_deeper`: more than `BAND_MARGIN` under the pool's best
    "outscored",  # a hit's sentence more than `BEST_MARGIN` under the pool's best
    "below-pool",  # a hit ranked at or below the pool's ranks
    "splitter",  # no sentence the answer read holds the quote whole
    "unread",  # the passage is in the pool but no reader recorded it (dates, caps)
    "trend",  # a trend's timeline: its own line choice
)


@dataclasses.dataclass
class Recorded:
    """What one answer's sentence readers were given."""

    beside: tuple[Any, ...] | None = None
    """`AnswerBuilder._beside`'s arguments: (builder, chosen, nearby, aspects, cosines,
    scored, ranks)."""
    deeper: tuple[Any, ...] | None = None
    """`_deeper`'s: (chosen, pick, read, aspects, weights, hits, ranks)."""


@contextlib.contextmanager
def recorded() -> Iterator[Recorded]:
    """Within it, every answer records its readers' arguments in the yielded `Recorded`
    (the last answer's); the answer itself is unchanged."""
    from search_api import answering

    rec = Recorded()
    beside, deeper = answering.AnswerBuilder._beside, answering._deeper

    def beside_recorded(self: Any, *args: Any, **kwargs: Any) -> Any:
        rec.beside = (self, *args[:6])
        return beside(self, *args, **kwargs)

    def deeper_recorded(*args: Any, **kwargs: Any) -> Any:
        rec.deeper = (
            *args[:6],
            args[6] if len(args) > 6 else kwargs.get("ranks", answering.POOL_RANKS),
        )
        return deeper(*args, **kwargs)

    answering.AnswerBuilder._beside = beside_recorded  # type: ignore[method-assign]
    answering._deeper = deeper_recorded
    try:
        yield rec
    finally:
        answering.AnswerBuilder._beside = beside  # type: ignore[method-assign]
        answering._deeper = deeper


def _holding(scored: Sequence[Any], quote: str) -> Any | None:
    """The best-scored sentence holding the (normalised) quote whole, if one does."""
    held = [s for s in scored if quote in normalise(s.candidate.text)]
    return max(held, key=lambda s: s.score) if held else None


def _neighbour_cause(
    rec: Recorded, pid: int, quote: str, nxt: Any | None, question: str
) -> tuple[str, dict[str, Any]]:
    """A window (or next) passage's gold sentence put to `_beside`'s tests."""
    from search_api import answering
    from search_api.sentences import asks_whether, stems_of, term_weights

    assert rec.beside is not None
    builder, chosen, nearby, aspects, cosines, scored, ranks = rec.beside
    quoted = {s.hit.passage_id for s in chosen}
    nearby = list(nearby)
    if nxt is not None and all(n.hit.passage_id != pid for n in nearby):
        nearby.append(nxt)
    mine = next((n for n in nearby if n.hit.passage_id == pid), None)
    if mine is None:
        return "unread", {}

    def next_to(n: Any) -> bool:
        return n.rank < ranks and n.lender in quoted and abs(n.on) == 1 and not n.elsewhere

    read = [n for n in nearby if n.hit.passage_id not in quoted]
    sentences = builder._neighbour_sentences(read, aspects, cosines, scored)
    s = _holding([s for s in sentences if s.hit.passage_id == pid], quote)
    if s is None:
        return "splitter", {}
    top = answering._pool_top(scored, ranks)
    anchors = list({x.hit.passage_id: x.candidate for x in scored}.values())
    weights = term_weights(aspects.terms, [c.hit.text for c in anchors], builder.idf)
    c = s.candidate
    title = c.hit.citation.item_title or ""
    before = c.hit.text[: c.start]
    detail = {
        "gap": round((top or 0.0) - s.score, 3),
        "next_to": next_to(mine),
        "on": mine.on,
        "lender_rank": mine.rank,
        "title_topic": any(stems_of(title).held(t) for t in aspects.terms),
        "before_topic": any(stems_of(before).held(t) for t in aspects.terms),
        "whether": asks_whether(question),
        "sentence": c.text[:200],
    }
    if top is None or s.score < top - answering.BEST_MARGIN:
        return "guard-margin", detail
    if not answering._speaks(c, aspects.terms, weights, aspects.spelled):
        return "guard-topic", detail
    if not next_to(mine) and not (
        answering._holds_asked(s, aspects) or answering._answers_kind(s, aspects)
    ):
        return "no-aspect", detail
    return "another-line", detail


def _deeper_cause(rec: Recorded, pid: int, quote: str) -> tuple[str, dict[str, Any]]:
    """A gold sentence below the hits put to `_deeper`'s tests in their order."""
    from search_api import answering

    assert rec.deeper is not None
    chosen, pick, read, aspects, weights, _hits, _ranks = rec.deeper
    mine = [s for s in read if s.hit.passage_id == pid]
    if not mine:
        return "unread", {}
    s = _holding(mine, quote)
    if s is None:
        return "splitter", {}
    top = answering._pool_top(pick, answering.POOL_RANKS)
    if top is None or not chosen:
        return "unread", {}
    detail = {
        "gap": round(top - s.score, 3),
        "rank": s.candidate.rank,
        "sentence": s.candidate.text[:200],
    }
    weakest = min(x.score for x in chosen)
    speaks = answering._speaks(s.candidate, aspects.terms, weights, aspects.spelled)
    if s.score < top - answering.BAND_MARGIN:
        return "deeper-margin", detail
    if s.score < top - answering.BEST_MARGIN:
        if not answering._asked_for(s, aspects):
            return "band", detail
    elif s.score < weakest and not speaks:
        return "weakest", detail
    if max(mine, key=lambda x: x.score) is not s:
        return "another-line", detail
    return "room", detail


def _hit_cause(rec: Recorded, pid: int, quote: str) -> tuple[str, dict[str, Any]]:
    """A ranked hit's gold sentence against the pool's best."""
    from search_api import answering

    assert rec.beside is not None
    _b, _chosen, _nearby, _aspects, _cos, scored, ranks = rec.beside
    s = _holding([s for s in scored if s.hit.passage_id == pid], quote)
    if s is None:
        return "splitter", {}
    if s.candidate.rank >= ranks:
        return "below-pool", {"rank": s.candidate.rank}
    top = answering._pool_top(scored, ranks)
    detail = {"gap": round((top or 0.0) - s.score, 3), "coverage": round(s.coverage, 3)}
    if top is not None and s.score < top - answering.BEST_MARGIN:
        return "outscored", detail
    return "caps", detail


def classify(row: dict[str, Any], rec: Recorded, pool: Sequence[tuple[str, Any]],
             following: Mapping[int, Any], question: str) -> dict[str, Any]:  # fmt: skip
    """The row's class and, for P1 / P2, each missed pooled quote's cause."""
    from search_api.answering import Neighbour

    evidence = row["score"]["answer_evidence_recall"]
    missed = [q for q in row["quotes"] if not q["carried"]]
    out: dict[str, Any] = {"class": "ok", "cause": None, "causes": []}
    if evidence is None or evidence >= 1:
        return out
    if row["abstained"]:
        out["class"] = "R"
        return out
    pooled = [q for q in missed if q["pool"] is not None]
    if not pooled:
        out["class"] = "L"
        return out
    out["class"] = "P2" if any(q["in_cited"] for q in pooled) else "P1"
    trend = row["trend"]
    for q in pooled:
        detail: dict[str, Any] = {}
        nq = normalise(q["quote"])
        pid = next(
            h.passage_id for part, h in pool if part == q["pool"] and nq in normalise(h.text)
        )
        if trend or q["pool"] == "end" or rec.beside is None:
            cause = "trend" if trend or q["pool"] == "end" else "unread"
        elif q["pool"] == "hit":
            cause, detail = _hit_cause(rec, pid, nq)
        elif q["pool"] == "deeper":
            cause, detail = _deeper_cause(rec, pid, nq)
        else:  # a window passage, or the passage after a pool passage
            nxt = None
            if q["pool"] == "next":
                after = next((p for p, h in following.items() if h.passage_id == pid), None)
                lender = _lender(rec, after)
                if after is not None and lender is not None:
                    hit = following[after].model_copy(update={"score": lender[1]})
                    nxt = Neighbour(hit, lender[0], after, 1)
            cause, detail = _neighbour_cause(rec, pid, nq, nxt, question)
        out["causes"].append({"part": q["pool"], "cause": cause, "cited": q["in_cited"], **detail})
    out["cause"] = min((c["cause"] for c in out["causes"]), key=CAUSES.index)
    return out


def _lender(rec: Recorded, pid: int | None) -> tuple[int, float] | None:
    """The rank and retrieval score a passage lends the one after it: a hit's own, a
    window neighbour's lender's, a deeper passage's own rank."""
    if pid is None or rec.beside is None:
        return None
    _b, _chosen, nearby, _a, _c, scored, _r = rec.beside
    for s in scored:
        if s.hit.passage_id == pid:
            return s.candidate.rank, s.hit.score
    for n in nearby:
        if n.hit.passage_id == pid:
            return n.rank, n.hit.score
    if rec.deeper is not None:
        for s in rec.deeper[2]:
            if s.hit.passage_id == pid:
                return s.candidate.rank, s.hit.score
    return None


def read_rows(
    archive: Any, questions: Sequence[Question], dates: dict[str, Any], k: int = ASK_K
) -> list[dict[str, Any]]:
    """One row a question: `eval.answer_diagnose`'s quote parts and score, its class and
    its missed quotes' causes."""
    from search_api.search import SearchRequest

    rows = []
    for q in questions:
        reader = archive.reader()
        searched = reader.searched(SearchRequest(q.question, k))
        with recorded() as rec:
            answer = reader.answered(searched)
        pool = reader.pool(searched)
        following = reader.following([h for _, h in pool])
        normal = [(part, normalise(h.text)) for part, h in pool]
        view = answer_view(answer)
        score = score_answer(q, view, q.quote_dates(dates) if q.answerable else None)
        cited = [normalise(c.text) for c in answer.citations]
        quotes = []
        for i, quote in enumerate(q.quotes):
            nq = normalise(quote)
            quotes.append({
                "quote": quote,
                "pool": next((part for part, t in normal if nq in t), None),
                "in_cited": any(nq in t for t in cited),
                "carried": i in score.carried_quotes,
            })  # fmt: skip
        row = {
            "id": q.id, "kind": q.kind, "question": q.question,
            "natural": q.id.startswith(NATURAL), "abstained": answer.abstained,
            "trend": bool(answer.intent is not None and answer.intent.trend),
            "score": score.as_dict(), "quotes": quotes,
            "words": len(answer.text.split()),
        }  # fmt: skip
        row.update(classify(row, rec, pool, following, q.question))
        rows.append(row)
    return rows


def table(rows: Sequence[dict[str, Any]]) -> str:
    """Row classes and P1 / P2 causes, natural rows apart from the rest."""
    lines = []
    for label, chosen in (("natural", [r for r in rows if r["natural"]]),
                          ("rest", [r for r in rows if not r["natural"]])):  # fmt: skip
        classes = Counter(r["class"] for r in chosen)
        lines.append(f"{label}: " + " ".join(f"{c}={classes[c]}" for c in ROW_CLASSES))
        causes: dict[str, list[str]] = {}
        for r in chosen:
            if r["class"] in ("P1", "P2"):
                causes.setdefault(r["cause"], []).append(
                    f"{r['id']}{'*' if r['class'] == 'P2' else ''}"
                )
        for cause in CAUSES:
            if cause in causes:
                lines.append(
                    f"  {cause:14} {len(causes[cause]):3}  {' '.join(sorted(causes[cause]))}"
                )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.pool_losses", description=__doc__)
    add_split_arguments(p)
    p.add_argument("-k", type=int, default=ASK_K)
    p.add_argument(
        "--losses", type=Path, metavar="RESULTS",
        help="only the rows whose answer evidence is under 1 in this results.json",
    )  # fmt: skip
    p.add_argument("--only", nargs="*", default=None, help="question ids to run")
    p.add_argument("--json", type=Path, metavar="PATH", help="write every row here")
    return p


def _loss_ids(path: Path) -> set[str]:
    data = json.loads(path.read_text())
    return {
        q["id"] for q in data["questions"]
        if (a := q.get("answer")) and a.get("answer_evidence_recall") is not None
        and a["answer_evidence_recall"] < 1
    }  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from eval.searchers import open_engine

    settings = split_settings(args)
    questions = [q for q in split_questions(args) if q.answerable]
    if args.losses:
        losses = _loss_ids(args.losses)
        questions = [q for q in questions if q.id in losses]
    if args.only is not None:
        questions = [q for q in questions if q.id in set(args.only)]
    if not questions:
        return no_questions(args)
    archive = open_engine(settings, build_if_missing=False)
    rows = read_rows(archive, questions, manifest_dates(settings.corpus_dirs), args.k)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
