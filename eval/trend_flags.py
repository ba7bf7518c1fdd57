"""`python -m eval.trend_flags`: each trend rule's gain, row by row and meeting group by
meeting group (eval/README.md, "Which trend rules generalise?", rounds 48 and 56).

One index opened once; every trend question of the files (of `--split`) run once with the
rules as they are (the base) and once per named flag set to its off value in process
(restored after): the retrieval as `eval run` scores it (`Reader.search`, hybrid, k 10,
`eval.metrics.score_config`), the answer as `/ask` gives it (`Reader.searched` at `ASK_K`,
then `Reader.answered`, scored by `eval.answer_metrics.score_answer`). Shortcuts skip only
work whose result cannot change: an answer-side flag answers the base's own search again
(`Reader.answered` leaves it as it was); a search-side flag answers only the rows whose
`/ask` search differs from the base's; a question-reading flag runs only the rows whose
reading (`Reader.reads`) differs or whose months the search re-places (`floating`).

A row's metrics: E both ends@10 (`trend_span@10`), C trend ends cited, K key figure, V
answer evidence, R10 recall@10. `classify` reads each flag's rows the way round 48 did.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["FLAGS", "METRICS", "classify", "main", "run_flags"]

METRICS = ("E", "C", "K", "V")

FLAGS: dict[str, tuple[str, str, str, Any]] = {
    # name: (kind, module or "setting", attribute, off value)
    "reach_span_ends": ("search", "setting", "reach_span_ends", False),
    "END_SPARE": ("search", "search_api.search", "END_SPARE", 0),
    "CHANGED_TWINS": ("search", "search_api.search", "CHANGED_TWINS", 0),
    "end_meeting_picker": ("search", "search_api.search", "end_meeting_picker", "no picker"),
    "ROW_PAIRS": ("search", "search_api.row_pairs", "ROW_PAIRS", False),
    "LABEL_LOOKUP": ("search", "search_api.row_pairs", "LABEL_LOOKUP", False),
    "NAME_STARTS": ("both", "search_api.row_pairs", "NAME_STARTS", False),
    "SHARED_FIRST": ("both", "search_api.row_pairs", "SHARED_FIRST", False),
    "TWO_MEETINGS": ("both", "search_api.row_pairs", "TWO_MEETINGS", False),
    "END_TELLS": ("answer", "search_api.answering", "END_TELLS", False),
    "TWIN_ENDS": ("answer", "search_api.answering", "TWIN_ENDS", False),
    "ENDS_ROOM": ("answer", "search_api.answering", "ENDS_ROOM", None),
    "LINE_ENDS": ("answer", "search_api.answering", "LINE_ENDS", False),
    "NAMED_ENDS": ("answer", "search_api.answering", "NAMED_ENDS", False),
    "BESIDE_TIMELINE": ("answer", "search_api.answering", "BESIDE_TIMELINE", False),
    "BESIDE_SECOND": ("answer", "search_api.answering", "BESIDE_SECOND", False),
    "MEASURE_MARGIN": ("answer", "search_api.answering", "MEASURE_MARGIN", 0),
    "SEASONS_TOGETHER": ("parse", "search_api.temporal", "SEASONS_TOGETHER", False),
    "FOLLOW_UPS": ("parse", "search_api.temporal", "FOLLOW_UPS", False),
    "SINCE_THEN": ("parse", "search_api.temporal", "SINCE_THEN", False),
    "SINCE_EVENT": ("parse", "search_api.temporal", "SINCE_EVENT", False),
    "PURPOSE_OBJECTS": ("parse", "search_api.temporal", "PURPOSE_OBJECTS", False),
    "ONE_VOTE": ("parse", "search_api.temporal", "ONE_VOTE", False),
    "VOTE_OBJECTS": ("parse", "search_api.temporal", "VOTE_OBJECTS", False),
    "FATES": ("parse", "search_api.temporal", "FATES", False),
}
"""Every trend-only flag with an off value: kind ("search", "answer", "parse" or "both"
sides), where it lives, its off value. Not here: `TWIN_PERIODS` (off since round 48),
`BECAME_OF` (read when `temporal` is imported), bounds without an off value
(`timeline_limit`, `timeline_hits`, `END_MARGIN`, `SECOND_MARGIN`, `LEAD_WORDS`)."""


def _no_picker(*args: Any, **kwargs: Any) -> None:
    """`end_meeting_picker` off: `cover_span` without its picker."""
    return None


def _switch(archive: Any, name: str) -> Callable[[], None]:
    """Set flag `name` to its off value; returns what restores it."""
    import importlib

    _, where, attr, off = FLAGS[name]
    if where == "setting":
        settings = archive.settings
        archive.settings = settings.model_copy(update={attr: off})

        def restore_setting() -> None:
            archive.settings = settings

        return restore_setting
    module = importlib.import_module(where)
    old = getattr(module, attr)
    setattr(module, attr, _no_picker if off == "no picker" else off)

    def restore() -> None:
        setattr(module, attr, old)

    return restore


def _fingerprint(searched: Any) -> str:
    """What the answer half reads of a search (its hits, scores, citations, what lies
    below, the council, the as-ranked top k, the unbiased ranking, the intent)."""
    found = searched.found
    plain = found.unbiased()
    return repr((
        [(h.passage_id, h.score, h.citation) for h in found.hits],
        [(h.passage_id, h.score) for h in found.beyond],
        [(h.passage_id, h.score, h.citation) for h in plain.hits],
        None if found.as_ranked is None else [h.passage_id for h in found.as_ranked],
        None if plain.as_ranked is None else [h.passage_id for h in plain.as_ranked],
        found.council, found.intent, sorted(found.copies), searched.request,
    ))  # fmt: skip


def run_flags(
    archive: Any,
    questions: Sequence[Any],
    dates: dict[str, Any],
    names: Sequence[str],
    *,
    full: bool = False,
    log: Callable[[str], None] = lambda _: None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Rows per variant ("base", then each of `names`), each row keyed by question id."""
    from eval.answer_diagnose import ASK_K, answer_view
    from eval.answer_metrics import score_answer
    from eval.metrics import QuestionResult, score_config
    from eval.searchers import RetrievedPassage
    from search_api.search import SearchRequest

    def retrieve(rows: Sequence[Any]) -> dict[str, dict[str, Any]]:
        results = []
        for q in rows:
            hits = archive.reader().search(SearchRequest(q.question, 10, "hybrid")).hits
            passages = [
                RetrievedPassage(str(h.passage_id), h.text, h.citation.document_id, float(h.score))
                for h in hits
            ]
            results.append(QuestionResult(question=q, passages=passages, latency_ms=0.0))
        if not results:
            return {}
        per = score_config("hybrid", results, dates, 10).per_question
        return {
            r.question.id: {
                "E": per[r.question.id]["trend_span@10"],
                "R10": per[r.question.id]["recall@10"],
                "MRR": per[r.question.id]["mrr@10"],
                "passages": [p.id for p in r.passages],
            }
            for r in results
        }

    def answer(q: Any, searched: Any, reader: Any) -> dict[str, Any]:
        given = reader.answered(searched)
        s = score_answer(q, answer_view(given), q.quote_dates(dates)).as_dict()
        return {
            "V": s["answer_evidence_recall"],
            "K": s["key_figure_presence"],
            "C": s["trend_ends_cited"],
            "abstained": s["abstained"],
            "citations": len(given.citations),
        }

    base_ret = retrieve(questions)
    kept: dict[str, tuple[Any, Any]] = {}
    prints: dict[str, str] = {}
    readings: dict[str, Any] = {}
    base: dict[str, dict[str, Any]] = {}
    for q in questions:
        reader = archive.reader()
        searched = reader.searched(SearchRequest(q.question, ASK_K))
        kept[q.id] = (searched, reader)
        prints[q.id] = _fingerprint(searched)
        readings[q.id] = reader.reads(q.question)
        base[q.id] = {**base_ret[q.id], **answer(q, searched, reader)}
    out = {"base": base}
    log(f"base: {len(base)} rows")
    for name in names:
        kind = FLAGS[name][0]
        restore = _switch(archive, name)
        rows: dict[str, dict[str, Any]] = {}
        try:
            if kind == "answer":
                for q in questions:
                    searched, reader = kept[q.id]
                    rows[q.id] = {**base_ret[q.id], **answer(q, searched, reader)}
            else:
                chosen = [
                    q
                    for q in questions
                    if kind != "parse"
                    or readings[q.id].floating
                    or archive.reader().reads(q.question) != readings[q.id]
                ]
                ret = retrieve(chosen)
                for q in questions:
                    if q.id not in ret:
                        rows[q.id] = base[q.id]
                        continue
                    reader = archive.reader()
                    searched = reader.searched(SearchRequest(q.question, ASK_K))
                    if kind == "search" and not full and _fingerprint(searched) == prints[q.id]:
                        given = {
                            m: base[q.id][m] for m in ("V", "K", "C", "abstained", "citations")
                        }
                    else:
                        given = answer(q, searched, reader)
                    rows[q.id] = {**ret[q.id], **given}
        finally:
            restore()
        out[name] = rows
        log(f"{name}: {sum(1 for i in rows if _moved(base[i], rows[i]))} rows moved")
    return out


def _moved(on: dict[str, Any], off: dict[str, Any]) -> bool:
    return any(on[m] != off[m] for m in (*METRICS, "R10"))


def classify(
    base: dict[str, dict[str, Any]], off: dict[str, dict[str, Any]], groups: dict[str, str]
) -> dict[str, Any]:
    """One flag's rows read as round 48 read them: per metric, the rows the rule gains (its
    value with the flag on above its value off) and loses, any change of a row's value one
    row; the net (gained minus lost row-metrics over E, C, K, V) per group; the class:
    "broad" (a net gain in 3 groups or more), "2 groups", "narrow" (1 group), "wash" (net
    0, rows moved), "net loss" (net below 0), "no effect" (no row moves)."""
    gained_lost = {m: [0, 0] for m in METRICS}
    net: Counter[str] = Counter()
    moved = []
    for qid, row in off.items():
        on = base[qid]
        for m in METRICS:
            a, b = on[m] or 0, row[m] or 0
            if a != b:
                gained_lost[m][0 if a > b else 1] += 1
                net[groups[qid]] += 1 if a > b else -1
        if _moved(on, row):
            moved.append(qid)
    total = sum(net.values())
    up = sum(1 for v in net.values() if v > 0)
    if not moved:
        kind = "no effect"
    elif total < 0:
        kind = "net loss"
    elif total == 0:
        kind = "wash"
    else:
        kind = "broad" if up >= 3 else "2 groups" if up == 2 else "narrow"
    return {"gained_lost": gained_lost, "net": dict(net), "class": kind, "moved": moved}


def main(argv: Sequence[str] | None = None) -> int:
    from eval.documents import manifest_dates
    from eval.questions import load_questions
    from eval.searchers import open_engine
    from indexer.settings import Settings

    p = argparse.ArgumentParser(prog="python -m eval.trend_flags", description=__doc__)
    p.add_argument("flags", nargs="*", help="flags to switch off, one at a time (default: all)")
    p.add_argument("--questions", nargs="+", required=True, type=Path)
    p.add_argument("--split", choices=("tune", "test"), required=True)
    p.add_argument("--index", type=Path, required=True)
    p.add_argument("--corpus", nargs="+", type=Path, required=True)
    p.add_argument("--json", type=Path, required=True, help="every variant's rows")
    p.add_argument("--full", action="store_true", help="answer every row of a search flag")
    args = p.parse_args(argv)
    unknown = [f for f in args.flags if f not in FLAGS]
    if unknown:
        print(f"unknown flags {unknown}; known: {', '.join(FLAGS)}", file=sys.stderr)
        return 2
    settings = Settings(
        corpus=":".join(str(c) for c in args.corpus),
        index_dir=args.index,
    )
    archive = open_engine(settings, build_if_missing=False)
    dates = manifest_dates(settings.corpus_dirs)
    questions = [
        q for q in load_questions(args.questions) if q.split == args.split and q.kind == "trend"
    ]
    rows = run_flags(
        archive, questions, dates, args.flags or list(FLAGS), full=args.full,
        log=lambda line: print(line, flush=True),
    )  # fmt: skip
    groups = {q.id: q.group or q.id for q in questions}
    args.json.write_text(json.dumps({"groups": groups, "rows": rows}))
    for name in rows:
        if name != "base":
            c = classify(rows["base"], rows[name], groups)
            gl = " ".join(f"{m} +{g}/-{lo}" for m, (g, lo) in c["gained_lost"].items())
            print(f"{name}: {gl} | {c['net']} | {c['class']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
