"""Gold question files: one JSON object a line (format of ../shared/eval/dev_questions.jsonl)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr

__all__ = [
    "FIGURE_KINDS",
    "KINDS",
    "Evidence",
    "Question",
    "QuestionKind",
    "IN_SAMPLE_LABEL",
    "Split",
    "load_questions",
    "quote_id",
]

QuestionKind = Literal["fact", "list", "multi", "trend", "action", "figure", "unanswerable"]
KINDS: tuple[QuestionKind, ...] = (
    "fact", "list", "multi", "trend", "action", "figure", "unanswerable"
)  # fmt: skip
FIGURE_KINDS: tuple[QuestionKind, ...] = ("figure", "trend")
"""Kinds whose answer must state numbers: they carry `key_figures`."""
Split = Literal["tune", "test"]
IN_SAMPLE_LABEL = "in-sample (dev)"
"""Split label of questions without a `split`: the older sets the constants were tuned on."""


class Evidence(BaseModel):
    quote: str = Field(min_length=1)
    found_in: list[str] = Field(min_length=1, description="Files (relative to a corpus folder)")


class Question(BaseModel):
    id: str
    question: str
    kind: QuestionKind
    evidence: list[Evidence] = Field(default_factory=list)
    key_figures: list[str] = Field(
        default_factory=list, description="Figures a correct answer states, as written"
    )
    group: str | None = Field(
        default=None, description="Unit of the tune/test split: a meeting or document"
    )
    split: Split | None = Field(default=None, description="Derived from `group` (eval.split)")
    checked_absent: list[str] = Field(
        default_factory=list, description="Unanswerable: search terms shown absent"
    )
    paraphrase_of: str | None = Field(
        default=None,
        description="Round 14: the id of the question this one rewords as a member would "
        "ask (same evidence, figures and group; eval.paraphrase_gate)",
    )
    _source: str | None = PrivateAttr(default=None)
    """Stem of the file the question was read from (set by `load_questions`)."""

    @property
    def split_label(self) -> str:
        """`tune`, `test`, or `in-sample (dev)` for questions outside the split: reports
        group by it so held-out and in-sample numbers are never averaged together."""
        return self.split or IN_SAMPLE_LABEL

    @property
    def set_name(self) -> str:
        """The corpus set a question belongs to, for per-set tables: the prefix of its
        split `group` (kent, kingston, seeds, unanswerable), else its file's stem."""
        if self.group and "/" in self.group:
            return self.group.split("/", 1)[0]
        return self._source or "questions"

    @property
    def quotes(self) -> list[str]:
        return [e.quote for e in self.evidence]

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"

    def quote_ids(self) -> list[str]:
        return [quote_id(self.id, i) for i in range(len(self.evidence))]

    def quote_dates(self, dates: dict[str, date]) -> list[date | None]:
        """The date of each quote: the earliest meeting date among the files it stands in.

        The earliest, because a later document that repeats an earlier one (a full-minutes
        reprint, an appendix) does not make the statement newer.
        """
        out: list[date | None] = []
        for ev in self.evidence:
            ds = [dates[f] for f in ev.found_in if f in dates]
            out.append(min(ds) if ds else None)
        return out


def quote_id(question_id: str, index: int) -> str:
    """Document id of a gold quote in the quote-level qrels and runs."""
    return f"{question_id}#q{index}"


def load_questions(paths: Path | str | Iterable[Path | str]) -> list[Question]:
    """Read one or more question files; ids must be unique across them."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    questions: list[Question] = []
    seen: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    q = Question.model_validate(json.loads(line))
                except ValueError as exc:
                    raise ValueError(f"{path}:{n}: {exc}") from exc
                q._source = Path(path).stem
                if q.id in seen:
                    raise ValueError(f"{path}:{n}: duplicate question id {q.id!r}")
                if q.answerable != bool(q.evidence):
                    raise ValueError(
                        f"{path}:{n}: {q.id}: unanswerable questions have no evidence, "
                        "answerable ones need some"
                    )
                seen.add(q.id)
                questions.append(q)
    return questions
