"""Everything the harness writes: terminal table, JSON, TREC files, Markdown and a chart."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.metrics import CONTRACT_METRICS, RECALL_CURVE_KS
from eval.questions import quote_id
from eval.runner import EvalReport

__all__ = [
    "format_answer_table",
    "format_group_table",
    "format_kind_table",
    "format_table",
    "to_json",
    "write_chart",
    "write_json",
    "write_markdown",
    "write_outputs",
    "write_trec",
]

_HEADERS = {
    "recall@5": "R@5",
    "recall@10": "R@10",
    "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10",
    "trend_span@10": "trend@10",
    "latency_ms_p50": "p50 ms",
}


def _fmt(v: Any, digits: int = 3) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    if markdown:
        line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
        sep = "| " + " | ".join(("-" * w) for w in widths) + " |"
        body = [
            "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
            for r in rows
        ]
        return "\n".join([line, sep, *body])
    line = "  ".join(
        h.rjust(w) if i else h.ljust(w)
        for i, (h, w) in enumerate(zip(headers, widths, strict=True))
    )
    body = [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    return "\n".join([line, "-" * len(line), *body])


def format_table(report: EvalReport, markdown: bool = False) -> str:
    """One row per configuration: the contract metrics and latency."""
    headers = ["config", *(_HEADERS[m] for m in CONTRACT_METRICS)]
    rows = []
    for name, cs in report.configs.items():
        rows.append(
            [name]
            + [_fmt(cs.summary.get(m), 1 if m == "latency_ms_p50" else 3) for m in CONTRACT_METRICS]
        )
    return _table(headers, rows, markdown) if rows else "(no configuration ran)"


def format_kind_table(report: EvalReport, markdown: bool = False) -> str:
    metrics = ["recall@5", "recall@10", "mrr@10", "ndcg@10"]
    headers = ["config", "kind", "n", *(_HEADERS[m] for m in metrics)]
    rows = []
    for name, cs in report.configs.items():
        for kind, vals in cs.by_kind.items():
            rows.append(
                [name, kind, str(int(vals.get("n") or 0)), *(_fmt(vals.get(m)) for m in metrics)]
            )
    return _table(headers, rows, markdown) if rows else ""


_GROUP_METRICS = ["recall@5", "recall@10", "mrr@10", "ndcg@10", "trend_span@10"]


def format_group_table(report: EvalReport, by: str, markdown: bool = False) -> str:
    """Retrieval means per `split` (tune / test / in-sample (dev)) or per corpus `set`."""
    headers = ["config", by, "n", *(_HEADERS[m] for m in _GROUP_METRICS)]
    rows = []
    for name, cs in report.configs.items():
        groups = cs.by_split if by == "split" else cs.by_set
        for label, vals in groups.items():
            rows.append(
                [
                    name,
                    label,
                    str(int(vals.get("n") or 0)),
                    *(_fmt(vals.get(m)) for m in _GROUP_METRICS),
                ]
            )
    return _table(headers, rows, markdown) if rows else ""


_ANSWER_HEADERS = {
    "questions": "n",
    "answer_evidence_recall": "evidence",
    "citation_evidence_recall": "cited-passage evidence",
    "key_figure_presence": "key figure",
    "trend_ends_cited": "trend ends",
    "abstention_accuracy": "abstention",
    "false_abstention_rate": "false abst.",
    "citation_support": "citation support",
    "citations_unquoted": "unquoted",
}


def format_answer_table(report: EvalReport, markdown: bool = False, by: str = "split") -> str:
    """Answer metrics (`eval.answer_metrics`), one row per `split`, `kind` or `set`, then all."""
    if report.answers is None:
        return ""
    a = report.answers
    groups = {"split": a.by_split, "kind": a.by_kind, "set": a.by_set}[by]
    headers = [by, *_ANSWER_HEADERS.values()]
    rows = [
        [label, *(_fmt(vals.get(m)) for m in _ANSWER_HEADERS)]
        for label, vals in [*groups.items(), ("all", a.overall)]
    ]
    return _table(headers, rows, markdown)


def to_json(report: EvalReport) -> dict[str, Any]:
    """The contract: `configs.<name>.<metric>` and a `questions` list; extras beside them."""
    questions = []
    for i, q in enumerate(report.questions):
        entry: dict[str, Any] = {
            "id": q.id,
            "question": q.question,
            "kind": q.kind,
            "split": q.split_label,
            "set": q.set_name,
            "configs": {
                name: {
                    **cs.per_question[q.id],
                    "passages": [p.id for p in report.results[name][i].passages],
                }
                for name, cs in report.configs.items()
            },
        }
        if report.answers is not None and q.id in report.answers.per_question:
            entry["answer"] = report.answers.per_question[q.id]
        questions.append(entry)
    return {
        "configs": {
            name: {m: cs.summary.get(m) for m in CONTRACT_METRICS}
            for name, cs in report.configs.items()
        },
        "questions": questions,
        "by_kind": {name: cs.by_kind for name, cs in report.configs.items()},
        "by_split": {name: cs.by_split for name, cs in report.configs.items()},
        "by_set": {name: cs.by_set for name, cs in report.configs.items()},
        "recall_curves": {
            name: {str(k): v for k, v in cs.recall_curve.items()}
            for name, cs in report.configs.items()
        },
        "answers": report.answers.summary() if report.answers is not None else None,
        "answers_by_split": report.answers.by_split if report.answers is not None else None,
        "answers_by_kind": report.answers.by_kind if report.answers is not None else None,
        "answers_by_set": report.answers.by_set if report.answers is not None else None,
        "notes": report.notes,
        "meta": {**report.meta, "k": report.k, "n_questions": len(report.questions)},
    }


def write_json(report: EvalReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(to_json(report), indent=2, default=str) + "\n", encoding="utf-8")


def write_trec(report: EvalReport, out_dir: Path) -> list[Path]:
    """`qrels.quotes.txt` (shared by all configurations), and per configuration
    `run.<name>.txt` (docno = passage id) and `qrels.<name>.txt` (passage level)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    path = out_dir / "qrels.quotes.txt"
    with path.open("w", encoding="utf-8") as fh:
        for q in report.questions:
            if q.answerable:
                for i in range(len(q.evidence)):
                    fh.write(f"{q.id} 0 {quote_id(q.id, i)} 1\n")
    written.append(path)
    for name, cs in report.configs.items():
        path = out_dir / f"run.{name}.txt"
        with path.open("w", encoding="utf-8") as fh:
            for r in report.results[name]:
                for rank, p in enumerate(r.passages, 1):
                    fh.write(f"{r.question.id} Q0 {p.id} {rank} {report.k + 1 - rank} {name}\n")
        written.append(path)
        path = out_dir / f"qrels.{name}.txt"
        with path.open("w", encoding="utf-8") as fh:
            for qid, rels in cs.qrels.items():
                for docno, rel in rels.items():
                    fh.write(f"{qid} 0 {docno} {rel}\n")
        written.append(path)
    return written


def write_chart(report: EvalReport, path: Path) -> Path:
    """Evidence recall@k for k = 1..10, one line per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    ks = list(RECALL_CURVE_KS)
    for name, cs in report.configs.items():
        ax.plot(ks, [cs.recall_curve[k] for k in ks], marker="o", label=name)
    ax.set_xlabel("k (passages read)")
    ax.set_ylabel("evidence recall@k")
    ax.set_xticks(ks)
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title(f"Evidence recall@k ({sum(q.answerable for q in report.questions)} questions)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def write_markdown(report: EvalReport, path: Path, chart: Path | None, command: str = "") -> None:
    lines = ["# Retrieval evaluation", ""]
    meta = report.meta
    if meta.get("questions_files"):
        lines.append("Questions: " + ", ".join(f"`{p}`" for p in meta["questions_files"]))
    n_ans = sum(q.answerable for q in report.questions)
    lines += [
        f"{len(report.questions)} questions ({n_ans} answerable; unanswerable ones count only "
        "for latency and answer metrics). Top k = "
        f"{report.k}. Evidence recall is quote-level: the share of a question's gold quotes "
        "that the top k passages contain under the shared matching rule.",
        "",
    ]
    if command:
        lines += ["Regenerate with:", "", "```", command, "```", ""]
    lines += [format_table(report, markdown=True), ""]
    lines += [
        "## By split",
        "",
        "`test` is held out (only run to report); `tune` is in-sample for tuning; "
        "`in-sample (dev)` are the older sets the constants were tuned on.",
        "",
        format_group_table(report, "split", markdown=True),
        "",
        "## By corpus set",
        "",
        format_group_table(report, "set", markdown=True),
        "",
    ]
    if chart is not None:
        lines += [f"![evidence recall@k]({chart.name})", ""]
    kind_table = format_kind_table(report, markdown=True)
    if kind_table:
        lines += ["## By question kind", "", kind_table, ""]
    if report.answers is not None:
        lines += [
            "## Answers (/ask)",
            "",
            "Metrics of `eval/answer_metrics.py`; `cited-passage evidence` counts a gold quote "
            "anywhere in a cited passage's text.",
            "",
            "### By split",
            "",
            format_answer_table(report, markdown=True, by="split"),
            "",
            "### By kind",
            "",
            format_answer_table(report, markdown=True, by="kind"),
            "",
            "### By corpus set",
            "",
            format_answer_table(report, markdown=True, by="set"),
            "",
        ]
    lines += ["## Per question (evidence recall@10 / MRR@10)", ""]
    names = list(report.configs)
    rows = []
    for q in report.questions:
        if not q.answerable:
            continue
        cells = [q.id, q.kind]
        for n in names:
            pq = report.configs[n].per_question[q.id]
            cells.append(f"{_fmt(pq.get('recall@10'), 2)} / {_fmt(pq.get('mrr@10'), 2)}")
        rows.append(cells)
    if rows:
        lines += [_table(["id", "kind", *names], rows, markdown=True), ""]
    if report.notes:
        lines += ["## Notes", "", *(f"- {n}" for n in report.notes), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def write_outputs(
    report: EvalReport, out_dir: Path, json_path: Path | None = None, command: str = ""
) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = json_path or out_dir / "results.json"
    write_json(report, json_path)
    write_trec(report, out_dir / "trec")
    chart = write_chart(report, out_dir / "recall_at_k.png") if report.configs else None
    write_markdown(report, out_dir / "report.md", chart, command)
    return {"json": json_path, "report": out_dir / "report.md", "trec": out_dir / "trec"}
