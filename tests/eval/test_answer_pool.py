"""`eval.answer_diagnose` asks whether a gold quote stood in the passages the answer read
(`Reader.pool`, of the same search `/ask` answers from), not in what `/search` shows: a
window `/search` shows may be of a passage ranked below `/ask`'s hits (it took a merged
hit's place), and a quote standing only there is retrieval's loss, not the answer's
(eval/README.md, round 55's r55-evid3 Left (e); round 56's r56-evid4)."""

from __future__ import annotations

from eval.answer_diagnose import ASK_K, diagnose_answers
from eval.documents import manifest_dates
from eval.matching import normalise
from eval.questions import Evidence, Question, load_questions
from search_api.archive import Archive, Reader
from search_api.search import SearchRequest

from .helpers import CORPUS, EVAL_DIR

BELOW = "Do children from poorer areas get excluded from school more often?"
"""A seed tune question (s10-010) whose `/search` windows reach a passage below `/ask`'s
hits: a higher window merged a hit, and a passage ranked below the hits took its place."""


def _words(text: str, n: int = 10) -> str:
    """A quote of the passage's first `n` words: what a gold quote is, a run of its text."""
    return " ".join(text.split()[:n])


def _only_searched(reader: Reader, question: str) -> tuple[str, str]:
    """A run of words `/search` shows only in the window of a passage below `/ask`'s
    hits, and one that only a hit's window shows (a neighbour the answer reads)."""
    searched = reader.searched(SearchRequest(question, ASK_K))
    pool = reader.pool(searched)
    texts = [normalise(h.text) for _, h in pool]
    hits = {h.passage_id for h in searched.found.content().hits}
    below = neighbour = None
    for w in reader.search(SearchRequest(question, ASK_K)).hits:
        for part in w.window:
            quote = _words(w.text[part.start : part.end])
            if part.document_id or len(quote.split()) < 10:
                continue
            inside = any(normalise(quote) in t for t in texts)
            if w.passage_id not in hits and not inside and below is None:
                below = quote
            if w.passage_id in hits and part.passage_id not in hits and inside:
                neighbour = neighbour or quote
    assert below is not None, "no window of a passage below the hits: the example moved"
    assert neighbour is not None
    return below, neighbour


def test_a_quote_search_shows_only_below_asks_hits_is_not_in_the_answers_pool(
    seed_engine: Archive,
) -> None:
    below, neighbour = _only_searched(seed_engine.reader(), BELOW)
    found_in = ["000_2725e8365af33fe2.txt"]
    question = Question(
        id="pool-1", question=BELOW, kind="fact",
        evidence=[Evidence(quote=below, found_in=found_in),
                  Evidence(quote=neighbour, found_in=found_in)],
    )  # fmt: skip
    row = diagnose_answers(seed_engine, [question], manifest_dates([CORPUS]))[0]
    first, second = row["quotes"]
    assert not first["in_hits"], "the answer never read it (before: read as in its pool)"
    assert first["pool"] is None and first["in_search"], "/search shows it"
    assert second["in_hits"] and second["pool"] == "window"


def test_every_passage_an_answer_cites_is_in_its_pool(seed_engine: Archive) -> None:
    """Of seed tune rows: a plain question and one whose best line runs on into the
    passage after its hit (s2-204), a trend since a month quoting its end meeting's
    passage from below the hits (s2-303), and the windowed example."""
    chosen = {"s2-204", "s2-303", "s10-010", "s5-006"}
    questions = [
        q
        for q in load_questions(EVAL_DIR / "questions" / "seeds.jsonl")
        if q.id in chosen and q.split == "tune"
    ]
    assert len(questions) == len(chosen)
    parts: set[str] = set()
    for q in questions:
        reader = seed_engine.reader()
        searched = reader.searched(SearchRequest(q.question, ASK_K))
        answer = reader.answered(searched)
        pool = {h.passage_id: part for part, h in reader.pool(searched)}
        assert answer.citations
        for c in answer.citations:
            assert c.passage_id in pool, (q.id, c.quote)
            parts.add(pool[c.passage_id])
    assert {"hit", "next", "end"} <= parts
