"""`eval.pool_losses` classes the rows whose gold stands in `/ask`'s pool and is not quoted
(P1, P2) by the test that dropped the gold sentence, recording what the answer's readers
were given without changing the answer (eval/README.md, round 59's r59-evid7). Seed tune
rows on the session's seed index: a hit's gold sentence within `BEST_MARGIN` of the pool's
best left out by the caps (s32-002), and one far under it holding fewer of the question's
words (s7-010: "children held in police cells" for "young people … kept overnight")."""

from __future__ import annotations

from eval.documents import manifest_dates
from eval.pool_losses import CAUSES, read_rows, recorded
from eval.questions import load_questions
from search_api.archive import Archive
from search_api.search import SearchRequest

from .helpers import CORPUS, EVAL_DIR

EXPECTED = {
    "s32-002": ("hit", "caps"),
    "s7-010": ("hit", "outscored"),
}


def test_pooled_gold_rows_are_classed_by_the_test_that_dropped_them(seed_engine: Archive) -> None:
    questions = [
        q for q in load_questions(EVAL_DIR / "questions" / "seeds.jsonl") if q.id in EXPECTED
    ]
    assert len(questions) == len(EXPECTED)
    rows = {r["id"]: r for r in read_rows(seed_engine, questions, manifest_dates([CORPUS]))}
    for qid, (part, cause) in EXPECTED.items():
        row = rows[qid]
        assert row["class"] == "P1", (qid, row["class"])
        assert row["cause"] == cause, (qid, row["causes"])
        assert row["causes"][0]["part"] == part
        assert all(c["cause"] in CAUSES for c in row["causes"])


def test_recording_leaves_the_answer_as_it_was(seed_engine: Archive) -> None:
    question = next(
        q for q in load_questions(EVAL_DIR / "questions" / "seeds.jsonl") if q.id == "s32-002"
    )
    reader = seed_engine.reader()
    searched = reader.searched(SearchRequest(question.question, 8))
    plain = reader.answered(searched)
    with recorded() as rec:
        again = reader.answered(searched)
    assert rec.beside is not None and rec.deeper is not None
    assert again.text == plain.text
    assert reader.answered(searched).text == plain.text, "the readers are restored after"
