"""Check gold question files against the text our own ingestion produces.

    python -m eval.check_questions --corpus corpus eval/questions/seeds.jsonl
    python -m eval.check_questions --corpus corpus --corpus ../shared/archives/kent \\
        --corpus ../shared/archives/kingston eval/questions/unanswerable.jsonl

For every answerable question, each quote must stand inside ONE passage (as
`indexer.ingest` cuts the file; see `eval.extracted`) of every file its `found_in` lists,
and in no other file of that corpus, so recall cannot be lost to a quote our readers do
not produce, to a passage boundary, or to an unlisted repeat. `group` must follow the
naming rule of the format (see `expected_group`) and `split` must be `eval.split`'s value
for it; figure and trend questions need `key_figures` found in their evidence documents;
trend evidence must span at least two meeting dates. Unanswerable questions must list
the search terms checked (`checked_absent`), and none of them may occur in any corpus.
Prints one line a problem and exits 1 when there is any; 2 on unusable input.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from eval.documents import manifest_dates
from eval.extracted import ExtractedFile, extract_corpus
from eval.matching import contains_figure, normalise
from eval.questions import FIGURE_KINDS, Question, load_questions
from eval.split import split_of

__all__ = ["Corpus", "check_question", "check_questions", "expected_group", "main"]

QUOTE_WORDS = (5, 20)
"""A quote is a short span (format: 5-20 words), specific yet unlikely to straddle passages."""


@dataclass(frozen=True)
class Corpus:
    """One corpus folder as the checker needs it: a set name, extracted files, dates."""

    name: str
    files: Mapping[str, ExtractedFile]
    dates: Mapping[str, date]

    @classmethod
    def load(cls, folder: Path) -> Corpus:
        """Extract every file of `folder` with the project's ingestion (slow for PDFs)."""
        return cls(set_name(folder), extract_corpus(folder), manifest_dates([folder]))


def set_name(folder: Path) -> str:
    """The group prefix of a corpus folder: the seeds live in `corpus/`, others by name."""
    name = folder.resolve().name
    return "seeds" if name in ("corpus", "seeds") else name


def expected_group(question: Question, corpus: Corpus | None) -> str | None:
    """The group the format prescribes, or None when no rule applies to this corpus.

    Unanswerable → `unanswerable/<id>`; otherwise from the first `found_in` file of the
    first quote: seeds → `seeds/<its meeting date>`, kingston → `kingston/<file name>`,
    any other corpus (Kent) → `<corpus>/<the file's meeting folder>`.
    """
    if not question.answerable:
        return f"unanswerable/{question.id}"
    if corpus is None:
        return None
    first = question.evidence[0].found_in[0]
    if corpus.name == "seeds":
        day = corpus.dates.get(first)
        return f"seeds/{day.isoformat()}" if day else None
    if corpus.name == "kingston":
        return f"kingston/{PurePosixPath(first).name}"
    parent = str(PurePosixPath(first).parent)
    return f"{corpus.name}/{parent}" if parent != "." else None


def _corpus_of(question: Question, corpora: Sequence[Corpus]) -> Corpus | None:
    first = question.evidence[0].found_in[0]
    return next((c for c in corpora if first in c.files), None)


def check_question(question: Question, corpora: Sequence[Corpus]) -> list[str]:
    """Every problem of one question (empty when it is sound)."""
    problems: list[str] = []
    corpus = _corpus_of(question, corpora) if question.answerable else None
    if question.answerable and corpus is None:
        return [f"{question.evidence[0].found_in[0]!r} is in none of the corpora given"]
    problems += _check_group(question, corpus)
    if corpus is not None:
        for ev in question.evidence:
            problems += _check_quote(ev.quote, ev.found_in, corpus)
        problems += _check_figures(question, corpus)
        if question.kind == "trend":
            days = {d for d in question.quote_dates(dict(corpus.dates)) if d is not None}
            if len(days) < 2:
                problems.append("trend evidence comes from fewer than 2 meeting dates")
    if not question.answerable:
        problems += _check_absent(question, corpora)
    return problems


def _check_group(question: Question, corpus: Corpus | None) -> list[str]:
    if not question.group:
        return ["no `group`"]
    out: list[str] = []
    want = expected_group(question, corpus)
    if want is not None and question.group != want:
        out.append(f"group {question.group!r} should be {want!r}")
    if question.split != split_of(question.group):
        out.append(
            f"split {question.split!r} is not {split_of(question.group)!r} for its group "
            "(run python -m eval.split)"
        )
    return out


def _check_quote(quote: str, found_in: list[str], corpus: Corpus) -> list[str]:
    out: list[str] = []
    words = len(normalise(quote).split())
    if not QUOTE_WORDS[0] <= words <= QUOTE_WORDS[1]:
        out.append(f"quote {quote!r} has {words} words (want {QUOTE_WORDS[0]}-{QUOTE_WORDS[1]})")
    q = normalise(quote)
    for rel in found_in:
        doc = corpus.files.get(rel)
        if doc is None:
            out.append(f"found_in {rel!r} is not a file of {corpus.name}")
        elif doc.passage_holding(quote) is None:
            where = "straddles a passage boundary in" if q in " ".join(doc.passages) else "not in"
            out.append(f"quote {quote!r} {where} {rel}")
    listed = set(found_in)
    for rel, doc in corpus.files.items():
        if rel not in listed and q in " ".join(doc.passages):
            out.append(f"quote {quote!r} also stands in {rel}, which found_in does not list")
    return out


def _check_figures(question: Question, corpus: Corpus) -> list[str]:
    if question.kind not in FIGURE_KINDS:
        return ["key_figures on a question that is neither figure nor trend"] * bool(
            question.key_figures
        )
    if not question.key_figures:
        return [f"{question.kind} question without key_figures"]
    texts = [
        corpus.files[f].text for ev in question.evidence for f in ev.found_in if f in corpus.files
    ]
    return [
        f"key figure {fig!r} is in none of its evidence documents"
        for fig in question.key_figures
        if not any(contains_figure(t, fig) for t in texts)
    ]


def _check_absent(question: Question, corpora: Sequence[Corpus]) -> list[str]:
    if not question.checked_absent:
        return ["unanswerable question without checked_absent terms"]
    out: list[str] = []
    for term in question.checked_absent:
        t = normalise(term)
        for corpus in corpora:
            hits = [rel for rel, doc in corpus.files.items() if t in " ".join(doc.passages)]
            if hits:
                out.append(f"checked_absent term {term!r} occurs in {corpus.name}: {hits[:3]}")
    return out


def check_questions(questions: Sequence[Question], corpora: Sequence[Corpus]) -> list[str]:
    """Problems of all questions, each line prefixed with the question id."""
    return [f"{q.id}: {p}" for q in questions for p in check_question(q, corpora)]


def main(argv: list[str] | None = None) -> int:
    """CLI: 0 when every question passes, 1 with the list of problems, 2 on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m eval.check_questions",
        description="Check gold quotes against the project's own extracted passages.",
    )
    parser.add_argument(
        "--corpus", action="append", type=Path, required=True, metavar="DIR",
        help="corpus folder (repeatable); found_in paths are relative to one of them",
    )  # fmt: skip
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    for folder in args.corpus:
        if not folder.is_dir():
            print(f"error: corpus folder {folder} does not exist", file=sys.stderr)
            return 2
    try:
        questions = load_questions(args.files)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    corpora = [Corpus.load(folder) for folder in args.corpus]
    problems = check_questions(questions, corpora)
    for line in problems:
        print(line)
    kinds = Counter(q.kind for q in questions)
    splits = Counter(q.split or "none" for q in questions)
    summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(
        f"{len(questions)} questions ({summary}; tune {splits['tune']}, test {splits['test']}): "
        f"{len(problems)} problem(s)",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
