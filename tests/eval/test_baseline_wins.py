"""`python -m eval.baseline_wins`: the rows the baseline finds and we miss, counted and
classified (eval/README.md, "The rows the baseline finds and we miss, round 57")."""

from __future__ import annotations

from typing import Any

from eval.baseline_wins import CROWD, baseline_chunks, cases, classify, wins
from eval.matching import normalise, supports
from eval.questions import Evidence, Question
from search_api.archive import Archive
from search_api.search import SearchRequest

from .helpers import CORPUS


def _row(qid: str, kind: str, base: float, hyb: float, split: str = "tune") -> dict[str, Any]:
    return {
        "id": qid, "kind": kind, "split": split, "set": qid.split("-")[0],
        "configs": {"baseline": {"recall@10": base}, "hybrid": {"recall@10": hyb}},
    }  # fmt: skip


def test_wins_counts_each_direction_by_kind_and_set_natural_apart_on_one_split() -> None:
    rows = [
        _row("k7-001", "fact", 1.0, 0.0),  # natural, baseline wins
        _row("k2-001", "list", 0.5, 0.0),  # written from the papers, baseline wins
        _row("k7-002", "fact", 0.0, 1.0),  # hybrid wins
        _row("k7-003", "fact", 1.0, 1.0),  # level
        _row("k7-004", "fact", 1.0, 0.0, split="test"),  # another split: not read
        {"id": "u7-001", "kind": "unanswerable", "split": "tune", "set": "u7",
         "configs": {"baseline": {"recall@10": None}, "hybrid": {"recall@10": None}}},
    ]  # fmt: skip
    up, down, read = wins(rows, "tune")
    assert read == 4
    assert up.ids == ["k7-001", "k2-001"] and up.natural == ["k7-001"]
    assert up.by_kind == {"fact": 1, "list": 1} and up.by_kind_natural == {"fact": 1}
    assert up.by_set == {"k7": 1, "k2": 1}
    assert down.ids == ["k7-002"] and down.natural == ["k7-002"]


def test_classify_takes_the_first_class_that_holds() -> None:
    common: dict[str, Any] = dict(
        in_passage=True, in_joined=True, in_reader=True, dense=40, lexical=50, fused=30,
        item_crowd=0, held=0.5, neighbour_held=0.2,
    )  # fmt: skip
    assert (
        classify(**{**common, "in_passage": False, "in_joined": False, "in_reader": False})
        == "reader"
    )
    assert classify(**{**common, "in_passage": False, "in_joined": False}) == "dropped"
    assert classify(**{**common, "in_passage": False}) == "split"
    assert classify(**{**common, "dense": 3}) == "fusion"
    assert classify(**{**common, "lexical": 10}) == "fusion"
    assert classify(**{**common, "fused": 9}) == "rerank"
    assert classify(**{**common, "item_crowd": CROWD}) == "crowding"
    assert classify(**{**common, "neighbour_held": 0.6}) == "context"
    assert classify(**common) == "ranks-low"
    assert classify(**{**common, "dense": None, "lexical": None, "fused": None}) == "ranks-low"


def test_a_quote_the_baselines_chunk_holds_and_the_served_top_k_misses_is_one_case(
    seed_engine: Archive,
) -> None:
    """A row whose baseline top 10 is the chunk that holds a seed quote and whose hybrid top
    10 is other passages: the quote, served below the top 1 asked here, is one case with
    its baseline rank, its chunk and a class; a quote served at rank 1 is none."""
    chunks = baseline_chunks([CORPUS])
    ask = "What did the committee agree about the budget?"
    hits = seed_engine.reader().search(SearchRequest(ask, 10)).hits
    first, later = hits[0].text, hits[3].text
    quote = next(
        s for s in (later[:60], later[20:80]) if not supports(first, s)
        and any(supports(t, s) for _, t in chunks)
    )  # fmt: skip
    held = next(i for i, (_, t) in enumerate(chunks) if supports(t, quote))
    gold_first = first[:60]
    row = {
        "id": "t-1", "kind": "fact", "split": "tune", "set": "t",
        "configs": {
            "baseline": {"recall@10": 1.0, "passages": [str(held)]},
            "hybrid": {"recall@10": 0.0, "passages": [str(h.passage_id) for h in hits[:1]]},
        },
    }  # fmt: skip
    questions = [
        Question(id="t-1", question=ask, kind="fact",
                 evidence=[Evidence(quote=quote, found_in=["x.txt"]),
                           Evidence(quote=gold_first, found_in=["x.txt"])]),
    ]  # fmt: skip
    found = cases(seed_engine, questions, {"t-1": row}, chunks, [CORPUS], k=1)
    (case,) = found
    assert normalise(case.quote) == normalise(quote)
    assert case.baseline_rank == 1 and supports(case.chunk, quote)
    assert case.served is not None and case.served > 1
    assert case.cls in ("fusion", "rerank", "crowding", "context", "ranks-low")
    # one baseline chunk in the row: it is its own 10th, so its margin is 0
    assert case.margin == 0.0 and case.chunk_gain is not None
    assert case.passage_id is not None
