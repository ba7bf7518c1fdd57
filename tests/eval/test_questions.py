"""Every gold quote stands in the documents its question names, under the matching rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from eval.documents import read_text
from eval.matching import supports
from eval.questions import Question, load_questions

from .helpers import CORPUS, EVAL_DIR, KENT, SHARED_DEV

FIRST_ROUND_KINDS = {"fact", "list", "multi", "trend", "unanswerable"}
"""The kinds of the first-round files; `action` and `figure` came with eval/questions/."""

SETS: dict[str, tuple[Path, Path]] = {
    "dev": (SHARED_DEV, CORPUS),
    "seeds": (EVAL_DIR / "questions.jsonl", CORPUS),
    "kent": (EVAL_DIR / "questions_kent.jsonl", KENT),
}


def _cases() -> list[tuple[str, Question, Path]]:
    cases = []
    for name, (path, corpus) in SETS.items():
        if not path.exists() or not corpus.exists():
            continue
        cases += [(name, q, corpus) for q in load_questions(path)]
    return cases


@pytest.mark.parametrize(
    ("name", "question", "corpus"), _cases(), ids=lambda v: v.id if isinstance(v, Question) else ""
)
def test_quotes_stand_in_their_documents(name: str, question: Question, corpus: Path) -> None:
    for ev in question.evidence:
        for rel in ev.found_in:
            path = corpus / rel
            assert path.is_file(), f"{question.id}: no file {path}"
            assert supports(read_text(path), ev.quote), f"{question.id}: {ev.quote!r} not in {rel}"


@pytest.mark.parametrize("name", ["seeds", "kent"])
def test_new_sets_cover_every_kind(name: str) -> None:
    questions = load_questions(SETS[name][0])
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == FIRST_ROUND_KINDS, kinds
    if name == "seeds":
        assert len(questions) >= 25


def test_ids_unique_and_questions_new() -> None:
    new_sets = sorted((EVAL_DIR / "questions").glob("*.jsonl"))
    all_q = load_questions([p for p, _ in SETS.values() if p.exists()] + new_sets)  # unique ids
    dev_texts = {q.question.strip().lower() for q in load_questions(SHARED_DEV)}
    new = [q for q in all_q if not q.id.startswith("dev-")]
    assert not [q.id for q in new if q.question.strip().lower() in dev_texts]
