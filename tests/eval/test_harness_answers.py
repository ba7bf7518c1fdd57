"""The harness's answer metrics are those of `eval.answer_metrics`, grouped per split.

One run of `python -m eval run` on the seed index with four questions (a tune trend, a
test figure, a tune unanswerable and an unsplit dev question): the JSON must carry the
new metrics per split, and each question's numbers must equal what `score_answer`
computes from the same `/ask` response.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("search_api.archive")

from eval import cli  # noqa: E402
from eval.answer_metrics import answer_from_response, score_answer  # noqa: E402
from eval.answers import AskClient, find_app  # noqa: E402
from eval.documents import manifest_dates  # noqa: E402
from eval.questions import IN_SAMPLE_LABEL, load_questions  # noqa: E402

from .helpers import CORPUS, EVAL_DIR, SHARED_DEV  # noqa: E402

PICK = {"s2-39", "s2-08", "u2-01", "dev-01"}
NEW_KEYS = {
    "answer_evidence_recall",
    "key_figure_presence",
    "trend_ends_cited",
    "abstention_accuracy",
    "false_abstention_rate",
    "citation_support",
}


def _write_subset(tmp_path: Path) -> Path:
    path = tmp_path / "subset.jsonl"
    lines = []
    for src in (
        EVAL_DIR / "questions" / "seeds.jsonl",
        EVAL_DIR / "questions" / "unanswerable.jsonl",
        SHARED_DEV,
    ):
        for line in src.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in PICK:
                lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_answer_metrics_per_split(
    seed_engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as `make eval` runs: default allowed hosts, so the in-process client must send a
    # loopback Host (the suite's conftest allows "testserver")
    monkeypatch.delenv("SCRUTINY_ALLOWED_HOSTS", raising=False)
    qfile = _write_subset(tmp_path)
    out = tmp_path / "out"
    code = cli.main(
        ["run", "--questions", str(qfile), "--mode", "lexical", "--corpus", str(CORPUS),
         "--index", str(seed_engine.settings.index_dir), "--no-build", "--out-dir", str(out)]
    )  # fmt: skip
    assert code == 0
    data = json.loads((out / "results.json").read_text())

    by_split = data["answers_by_split"]
    assert set(by_split) == {"tune", "test", IN_SAMPLE_LABEL}
    for label, vals in by_split.items():
        assert set(vals) >= NEW_KEYS, label
    assert by_split["tune"]["questions"] == 2  # the trend and the unanswerable one
    assert by_split["tune"]["abstention_accuracy"] is not None
    assert by_split["test"]["key_figure_presence"] is not None
    assert set(data["by_split"]["lexical"]) == {"tune", "test", IN_SAMPLE_LABEL}
    assert {"seeds", "unanswerable"} <= set(data["answers_by_set"])
    report = (out / "report.md").read_text()
    assert "## By split" in report and "in-sample (dev)" in report

    # the per-question numbers are score_answer's on the same responses (answers are
    # deterministic for a fixed index)
    questions = {q.id: q for q in load_questions(qfile)}
    dates = manifest_dates([CORPUS])
    app = find_app(settings=seed_engine.settings, archive=seed_engine)
    with AskClient(app=app) as client:
        for qid in ("s2-39", "s2-08"):
            q = questions[qid]
            mine = score_answer(
                q, answer_from_response(client.ask(q.question)), q.quote_dates(dates)
            )
            got = next(e["answer"] for e in data["questions"] if e["id"] == qid)
            for key in ("answer_evidence_recall", "key_figure_presence", "trend_ends_cited"):
                assert got[key] == getattr(mine, key), (qid, key)


def test_run_keeps_one_split(seed_engine: Any, tmp_path: Path) -> None:
    """`--split` runs only that split's questions, as the diagnosis tools do; a split the
    files lack is a CLI error, not an empty report."""
    qfile = _write_subset(tmp_path)
    out = tmp_path / "out"
    index = str(seed_engine.settings.index_dir)
    base = ["run", "--questions", str(qfile), "--mode", "lexical", "--corpus", str(CORPUS),
            "--index", index, "--no-build", "--no-answers"]  # fmt: skip
    assert cli.main([*base, "--split", "tune", "--out-dir", str(out)]) == 0
    ids = {e["id"] for e in json.loads((out / "results.json").read_text())["questions"]}
    assert ids == {"s2-39", "u2-01"}

    only_dev = tmp_path / "dev.jsonl"
    only_dev.write_text(SHARED_DEV.read_text(encoding="utf-8"), encoding="utf-8")
    base[2] = str(only_dev)
    assert cli.main([*base, "--split", "test", "--out-dir", str(tmp_path / "none")]) == 2
