"""Output files and the JSON contract that evaluators' scripts read."""

from __future__ import annotations

import json
from pathlib import Path

from eval.report import format_table, to_json, write_outputs
from eval.runner import run_eval

from .helpers import StaticSearcher
from .test_answers import QUESTIONS, RESPONSES

CONTRACT = {"recall@5", "recall@10", "mrr@10", "ndcg@10", "trend_span@10", "latency_ms_p50"}


def _report():  # type: ignore[no-untyped-def]
    from eval.answers import score_answers

    ranking = {
        q.question: [("p1", "currently about 40% of the workforce"), ("p2", "20 cases")]
        for q in QUESTIONS
    }
    searchers = [StaticSearcher(n, ranking) for n in ("hybrid", "dense", "lexical", "baseline")]
    report = run_eval(QUESTIONS, searchers, dates={})
    report.answers = score_answers(QUESTIONS, RESPONSES)
    return report


def test_json_contract_keys() -> None:
    data = to_json(_report())
    assert set(data["configs"]) == {"hybrid", "dense", "lexical", "baseline"}
    for metrics in data["configs"].values():
        assert set(metrics) == CONTRACT
        assert all(v is None or isinstance(v, float) for v in metrics.values())
    assert isinstance(data["questions"], list) and len(data["questions"]) == len(QUESTIONS)
    first = data["questions"][0]
    assert {"id", "kind", "configs"} <= set(first)
    assert {"recall@10", "mrr@10", "passages"} <= set(first["configs"]["hybrid"])
    assert data["answers"]["citation_support"] == 0.5
    json.dumps(data)  # serialisable as is


def test_written_files(tmp_path: Path) -> None:
    report = _report()
    paths = write_outputs(report, tmp_path, tmp_path / "out.json", command="python -m eval run")
    assert json.loads(paths["json"].read_text())["configs"]["hybrid"]["recall@10"] is not None
    assert (tmp_path / "recall_at_k.png").stat().st_size > 1000
    md = (tmp_path / "report.md").read_text()
    assert "| hybrid" in md and "recall_at_k.png" in md and "python -m eval run" in md
    trec = tmp_path / "trec"
    quotes = (trec / "qrels.quotes.txt").read_text().splitlines()
    assert "a1 0 a1#q0 1" in quotes and len(quotes) == 3
    for name in ("hybrid", "dense", "lexical", "baseline"):
        run_lines = (trec / f"run.{name}.txt").read_text().splitlines()
        assert all(len(line.split()) == 6 for line in run_lines)
        assert run_lines[0].split()[1] == "Q0" and run_lines[0].split()[3] == "1"
        qrels_lines = (trec / f"qrels.{name}.txt").read_text().splitlines()
        assert all(len(line.split()) == 4 for line in qrels_lines)
    assert "hybrid" in format_table(report)
