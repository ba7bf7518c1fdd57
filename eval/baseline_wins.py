"""`python -m eval.baseline_wins`: the rows the LangChain-style baseline finds and we miss.

Reads one heldout `results.json` (hybrid and baseline per row) and lists, over the
answerable rows of one split, those where the baseline's R@10 is above hybrid's and the
reverse, counted by kind and by set, all rows and the natural ones apart
(`eval.paraphrase_gate.NATURAL`). With `--index`, it then reads why, quote by quote: for
every gold quote a baseline chunk of the row's top 10 holds and the served hybrid top 10
does not, one class (eval/README.md, "The rows the baseline finds and we miss, round 57"):

- ``reader``: no passage of ours holds the quote, nor does our reader's own text of its
  document (pypdfium2 against the baseline's pypdf);
- ``dropped``: our reader's text holds it, the document's passages joined do not
  (cleaning, a heading or a table's structure took words out);
- ``split``: the document's passages joined hold it, no single passage does (a boundary);
- ``fusion``: a passage holds it and the dense or the lexical side ranks that passage in
  the top k, the served ranking does not;
- ``rerank``: the fused ranking has it in the top k, the served ranking (after the
  re-ranking of the pool, windows and near copies) does not;
- ``crowding``: both sides rank it below k and the served top k holds at least
  `CROWD` hits of one agenda item that is not the gold's;
- ``context``: both sides rank it below k, and the question's words stand more in the
  passage's item neighbour than in the passage (`neighbour_held` above `held`): the
  baseline's 1000-character chunk carries the neighbour's words with the gold;
- ``ranks-low``: both sides rank it below k although the passage holds the question's
  words at least as well as its neighbours: the same text ranks higher among the
  baseline's fewer, longer chunks.

The classes are tried in that order; the first that holds is the quote's. The baseline's
chunks are rebuilt as `eval.baseline` splits them (no embedding: the results name chunks
by their ids, which follow the corpus files' order).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eval.matching import normalise, supports
from eval.paraphrase_gate import NATURAL
from eval.questions import Question, load_questions

__all__ = [
    "CLASSES",
    "CROWD",
    "QuoteCase",
    "Wins",
    "baseline_chunks",
    "classify",
    "main",
    "wins",
]

CLASSES = ("reader", "dropped", "split", "fusion", "rerank", "crowding", "context", "ranks-low")

CROWD = 4
"""Hits of one agenda item in the served top 10 that make it crowded (descriptive, set
before reading any row: more than a third of the ten)."""


@dataclass
class Wins:
    """One direction's rows (ids), counted."""

    ids: list[str]
    natural: list[str]
    by_kind: dict[str, int]
    by_kind_natural: dict[str, int]
    by_set: dict[str, int]
    by_set_natural: dict[str, int]


def _natural(qid: str) -> bool:
    return qid.startswith(NATURAL)


def wins(
    rows: Iterable[Mapping[str, Any]], split: str = "tune", a: str = "baseline", b: str = "hybrid"
) -> tuple[Wins, Wins, int]:
    """(rows where `a`'s R@10 is above `b`'s, the reverse, answerable rows read) over the
    answerable rows of `split`."""
    read = [
        r
        for r in rows
        if r.get("split") == split
        and r.get("kind") != "unanswerable"
        and r["configs"].get(a, {}).get("recall@10") is not None
        and r["configs"].get(b, {}).get("recall@10") is not None
    ]

    def side(sel: list[Mapping[str, Any]]) -> Wins:
        nat = [r for r in sel if _natural(r["id"])]
        return Wins(
            ids=[r["id"] for r in sel],
            natural=[r["id"] for r in nat],
            by_kind=dict(Counter(r["kind"] for r in sel).most_common()),
            by_kind_natural=dict(Counter(r["kind"] for r in nat).most_common()),
            by_set=dict(Counter(r["set"] for r in sel).most_common()),
            by_set_natural=dict(Counter(r["set"] for r in nat).most_common()),
        )

    def recall(r: Mapping[str, Any], c: str) -> float:
        return float(r["configs"][c]["recall@10"])

    up = [r for r in read if recall(r, a) > recall(r, b)]
    down = [r for r in read if recall(r, a) < recall(r, b)]
    return side(up), side(down), len(read)


@dataclass
class QuoteCase:
    """One gold quote a baseline chunk of the top 10 holds and the served top 10 misses."""

    question_id: str
    kind: str
    question: str
    quote: str
    cls: str
    baseline_rank: int
    served: int | None
    dense: int | None
    lexical: int | None
    fused: int | None
    held: float | None
    neighbour_held: float | None
    item_crowd: int
    """Most hits of one agenda item (not the gold's) in the served top 10."""
    passage: str | None
    chunk: str
    passage_id: int | None = None
    margin: float | None = None
    """The baseline's cosine of the chunk that holds the quote less its 10th chunk's: how
    clear the baseline's find is (near 0: it stands at the edge of its top 10)."""
    chunk_gain: float | None = None
    """The same model's cosine of that chunk less its cosine of our passage's text: above
    0, the chunk's other text brings it nearer the question."""


def classify(
    *,
    in_passage: bool,
    in_joined: bool,
    in_reader: bool,
    dense: int | None,
    lexical: int | None,
    fused: int | None,
    item_crowd: int,
    held: float | None,
    neighbour_held: float | None,
    k: int = 10,
) -> str:
    """The class of one missed quote (module docstring), the first that holds."""
    if not in_passage:
        return "split" if in_joined else "dropped" if in_reader else "reader"

    def top(rank: int | None) -> bool:
        return rank is not None and rank <= k

    if top(dense) or top(lexical):
        return "fusion"
    if top(fused):
        return "rerank"
    if item_crowd >= CROWD:
        return "crowding"
    if neighbour_held is not None and (held or 0.0) < neighbour_held:
        return "context"
    return "ranks-low"


def baseline_chunks(corpus: Sequence[Path]) -> list[tuple[str, str]]:
    """(source, text) of every baseline chunk, in the ids `eval.baseline` gives them (its
    own reading and splitting, `read_texts` and `chunk_texts`, over `eval run`'s files)."""
    from eval.baseline import chunk_texts, read_texts
    from eval.documents import corpus_files

    texts, _failed = read_texts(corpus_files(corpus))
    return [(c.source, c.text) for c in chunk_texts(texts)]


def cases(
    archive: Any,
    questions: Sequence[Question],
    rows: Mapping[str, Mapping[str, Any]],
    chunks: Sequence[tuple[str, str]],
    corpus: Sequence[Path],
    k: int = 10,
) -> list[QuoteCase]:
    """Every quote the baseline's top k holds and the served top k misses, classified."""
    from eval.diagnose import quote_ranks
    from indexer.ingest.readers import read_file

    ranks = {(r.question_id, r.quote): r for r in quote_ranks(archive, questions, k)}
    reader = archive.reader()
    db = _store(archive)
    raw: dict[Path, str] = {}

    def item(pid: int) -> tuple[str, str | None] | None:
        row = db.execute(
            "SELECT document_id, item FROM sources WHERE passage_id = ? ORDER BY rowid LIMIT 1",
            (pid,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def joined(rel: str) -> str:
        parts: list[str] = []
        for (did,) in db.execute(
            "SELECT document_id FROM documents WHERE path LIKE ?", ("%" + rel,)
        ):
            pids = [
                p
                for (p,) in db.execute(
                    "SELECT passage_id FROM sources WHERE document_id = ? ORDER BY ordinal", (did,)
                )
            ]
            found = reader.passages(pids)
            parts.extend(found[p].text for p in pids if p in found)
        return " ".join(parts)

    def reader_text(rel: str) -> str:
        for c in corpus:
            p = Path(c) / rel
            if p.is_file():
                if p not in raw:
                    raw[p] = "\n".join(read_file(p, p.read_bytes()).pages)
                return raw[p]
        return ""

    from eval.baseline import embed, load_model

    model = load_model(archive.settings.model_path)
    out: list[QuoteCase] = []
    for q in questions:
        row = rows[q.id]
        top = [chunks[int(i)] for i in row["configs"]["baseline"]["passages"][:k]]
        hits = [int(p) for p in row["configs"]["hybrid"]["passages"][:k]]
        items = Counter(item(p) for p in hits)
        for e in q.evidence:
            brank = next((n for n, (_, t) in enumerate(top, 1) if supports(t, e.quote)), None)
            qr = ranks.get((q.id, e.quote))
            if brank is None or qr is None or (qr.served is not None and qr.served <= k):
                continue
            in_passage = bool(qr.passage) and supports(qr.passage or "", e.quote)
            gold = item(qr.passage_id) if qr.passage_id is not None else None
            crowd = max((n for it, n in items.items() if it != gold and it), default=0)
            nq = normalise(e.quote)
            vq, *vecs = embed(model, [q.question, top[brank - 1][1], top[-1][1], qr.passage or ""])
            margin = float(vecs[0] @ vq) - float(vecs[1] @ vq)
            gain = float(vecs[0] @ vq) - float(vecs[2] @ vq) if qr.passage else None
            out.append(
                QuoteCase(
                    question_id=q.id,
                    kind=q.kind,
                    question=q.question,
                    quote=e.quote,
                    cls=classify(
                        in_passage=in_passage,
                        in_joined=not in_passage
                        and any(nq in normalise(joined(f)) for f in e.found_in),
                        in_reader=not in_passage
                        and any(nq in normalise(reader_text(f)) for f in e.found_in),
                        dense=qr.dense,
                        lexical=qr.lexical,
                        fused=qr.fused,
                        item_crowd=crowd,
                        held=qr.held,
                        neighbour_held=qr.neighbour_held,
                        k=k,
                    ),
                    baseline_rank=brank,
                    served=qr.served,
                    dense=qr.dense,
                    lexical=qr.lexical,
                    fused=qr.fused,
                    held=qr.held,
                    neighbour_held=qr.neighbour_held,
                    item_crowd=crowd,
                    passage=qr.passage,
                    chunk=top[brank - 1][1],
                    passage_id=qr.passage_id,
                    margin=round(margin, 3),
                    chunk_gain=round(gain, 3) if gain is not None else None,
                )  # fmt: skip
            )
    return out


def _store(archive: Any) -> sqlite3.Connection:
    """The snapshot's passage store, read-only, for the SQL the reader does not offer."""
    conn: sqlite3.Connection = archive.snapshot.retriever.store.connection
    return conn


def _print_wins(name: str, w: Wins) -> None:
    print(f"{name}: {len(w.ids)} rows, natural {len(w.natural)}")
    print(f"  by kind: {w.by_kind}; natural {w.by_kind_natural}")
    print(f"  by set:  {w.by_set}; natural {w.by_set_natural}")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.baseline_wins", description=__doc__)
    p.add_argument("results", type=Path, help="a heldout results.json with hybrid and baseline")
    p.add_argument("--split", choices=("tune", "test"), default="tune")
    p.add_argument("--questions", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--index", type=Path, metavar="DIR")
    p.add_argument("--corpus", nargs="+", type=Path, metavar="DIR")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", type=Path, metavar="PATH")
    args = p.parse_args(argv)
    data = json.loads(args.results.read_text())
    rows = [r for r in data["questions"] if r.get("split") == args.split]
    up, down, n = wins(rows, args.split)
    nat = sum(_natural(r["id"]) for r in rows if r.get("kind") != "unanswerable")
    print(f"{args.split}: {n} answerable rows, natural {nat}")
    _print_wins("baseline R@10 > hybrid", up)
    _print_wins("hybrid R@10 > baseline", down)
    out: dict[str, Any] = {"baseline_wins": asdict(up), "hybrid_wins": asdict(down)}
    if args.index:
        if not (args.questions and args.corpus):
            p.error("--index needs --questions and --corpus")
        from eval.diagnose import rebuild_lexical
        from eval.searchers import open_engine
        from indexer.settings import Settings

        wanted = set(up.ids)
        questions = [q for q in load_questions(args.questions) if q.id in wanted]
        archive = open_engine(
            Settings(corpus=":".join(map(str, args.corpus)), index_dir=args.index),
            build_if_missing=False,
        )
        rebuild_lexical(archive)
        by_id = {r["id"]: r for r in rows}
        found = cases(archive, questions, by_id, baseline_chunks(args.corpus), args.corpus, args.k)
        counts = Counter(c.cls for c in found)
        natural = Counter(c.cls for c in found if _natural(c.question_id))
        print(f"quotes: {len(found)} in {len({c.question_id for c in found})} rows")
        for cls in CLASSES:
            rows_of = {c.question_id for c in found if c.cls == cls}
            print(
                f"  {cls:9} quotes {counts[cls]:3} (natural {natural[cls]:3}), rows {len(rows_of)}"
            )
        for c in found:
            print(
                f"{c.question_id:9} {c.kind:7} {c.cls:9} base={c.baseline_rank} "
                f"served={c.served} dense={c.dense} lex={c.lexical} fused={c.fused} "
                f"held={c.held} next={c.neighbour_held} crowd={c.item_crowd} "
                f"margin={c.margin} gain={c.chunk_gain} | {c.quote[:50]}"
            )
        out["cases"] = [asdict(c) for c in found]
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
