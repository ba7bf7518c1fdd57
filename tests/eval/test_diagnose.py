"""`python -m eval.diagnose`: each missed quote's row says how much of the question its
passage holds and how much its item neighbour holds, the evidence that sorts a miss into
"paraphrase" or "subject stated in the lead-in" (eval/README.md, Ranking, round 8)."""

from __future__ import annotations

from eval.diagnose import outranked, quote_ranks
from eval.matching import normalise
from eval.metrics import QuestionResult
from eval.questions import Evidence, Question
from eval.searchers import ArchiveSearcher
from indexer.text import ANALYZER
from search_api.archive import Archive
from search_api.search import SearchRequest


def test_a_quote_whose_words_stand_in_its_neighbour_reads_held_0_and_neighbour_held_above_0(
    seed_engine: Archive,
) -> None:
    """The question is made of words the neighbour holds and the quoted passage lacks
    (in its text and its titles)."""
    retriever = seed_engine.snapshot.retriever
    rows = list(seed_engine.reader().lexical_rows())
    texts = {pid: text for pid, text, *_ in rows}
    # what a passage holds for BM25: its text and its item and document titles
    held = {
        pid: set(ANALYZER.query_terms(" ".join(f or "" for f in fields))) for pid, *fields in rows
    }
    neighbours = retriever.store.neighbours(list(texts))
    pid, words = next(
        (pid, words)
        for pid, near in sorted(neighbours.items())
        for n in near
        if len(
            words := [
                w for w in texts[n].split()
                if w.isalpha() and ANALYZER.term(w.lower()) not in held[pid] | {None}
            ][:4]
        ) == 4
    )  # fmt: skip
    quote = texts[pid][:50]
    question = Question(
        id="t-1", question=" ".join(words) + "?", kind="fact",
        evidence=[Evidence(quote=quote, found_in=["x.txt"])],
    )  # fmt: skip
    (row,) = quote_ranks(seed_engine, [question], k=10)
    assert row.held == 0.0
    assert row.neighbour_held is not None and row.neighbour_held > 0.0


def test_outranked_lists_the_passages_served_above_the_first_gold_passage(
    seed_engine: Archive,
) -> None:
    """A quote from the second hit: one row, first 2, the first hit above it; a quote from
    the first hit: no row (eval/README.md, Ranking, round 10)."""
    ask = "What did the committee agree about the budget?"
    hits = seed_engine.reader().search(SearchRequest(ask, 10)).hits
    second, first = hits[1].text[:60], hits[0].text[:60]
    assert normalise(second) not in normalise(hits[0].text)

    def question(qid: str, quote: str) -> Question:
        return Question(
            id=qid, question=ask, kind="fact",
            evidence=[Evidence(quote=quote, found_in=["x.txt"])],
        )  # fmt: skip

    (row,) = outranked(seed_engine, [question("t-2", second), question("t-1", first)], k=10)
    assert row.question_id == "t-2" and row.first == 2
    assert [r.passage_id for r in row.above] == [hits[0].passage_id]
    assert row.gold is not None and row.gold.passage_id == hits[1].passage_id
    assert row.gold.served == 2 and row.above[0].served == 1
    assert row.gold.words == len(hits[1].text.split()) and 0.0 <= row.gold.held <= 1.0


def test_a_quote_shown_only_in_a_hits_window_is_served_at_that_hits_rank_as_the_harness_scores_it(
    seed_engine: Archive,
) -> None:
    """A hit's text is its item window: a neighbouring passage that is no hit of its own
    (merged into the window) is read there, and the harness scores its quote at the hit's
    rank. Diagnose used to look for the neighbour's own id among the served hits and
    called the quote missed (eval/README.md, "Diagnose on converted text, round 20")."""
    ask = "What did the committee agree about the budget?"
    reader = seed_engine.reader()
    hits = reader.search(SearchRequest(ask, 10)).hits
    ids = {h.passage_id for h in hits}
    near = seed_engine.snapshot.retriever.store.neighbours(list(ids))
    own = {pid: p.text for pid, p in reader.passages(list(ids)).items()}
    rank, hit, pid, quote = next(
        (rank, h, n, text[:60])
        for rank, h in enumerate(hits, 1)
        if rank > 1
        for n in near.get(h.passage_id, [])
        if n not in ids
        and (text := reader.passages([n])[n].text)
        and normalise(text[:60]) in normalise(h.text)
        and normalise(text[:60]) not in normalise(own[h.passage_id])
        and not any(normalise(text[:60]) in normalise(above.text) for above in hits[: rank - 1])
    )  # fmt: skip
    question = Question(
        id="t-1", question=ask, kind="fact",
        evidence=[Evidence(quote=quote, found_in=["x.txt"])],
    )  # fmt: skip
    harness = QuestionResult(
        question, ArchiveSearcher(seed_engine, "hybrid").search(ask, 10), latency_ms=0.0
    )
    assert harness.first_hit_rank(10) == rank

    (row,) = quote_ranks(seed_engine, [question], k=10)
    assert row.served == rank and row.served_hit == hit.passage_id
    assert row.passage_id == pid  # the passage that holds the quote, for its size and held

    (case,) = outranked(seed_engine, [question], k=10)
    assert case.first == rank
    assert case.gold is not None and case.gold.passage_id == hit.passage_id
    assert [r.passage_id for r in case.above] == [h.passage_id for h in hits[: rank - 1]]
