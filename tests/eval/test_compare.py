"""`python -m eval.compare`: two committed `eval run` results read row by row, as the
adoption bar reads them (sums in rows, the rows that moved, a paired bootstrap interval)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.compare import compare, load_rows, main

RESULTS = Path(__file__).resolve().parents[2] / "eval" / "results"
HELDOUT = RESULTS / "heldout" / "results.json"
CONVERTED = RESULTS / "converted" / "results.json"
SEEDS = RESULTS / "seeds" / "results.json"


def test_a_run_against_itself_moves_nothing() -> None:
    rows, kinds = load_rows(HELDOUT, "tune", None, "hybrid")
    result = compare(rows, rows, kinds, resamples=200)
    assert result.common == len(rows) > 1000 and result.base_only == result.new_only == 0
    assert not result.changed
    for d in result.deltas:
        assert d.base == d.new and d.low == d.high == 0.0 and not d.moved


def test_one_row_gained_is_one_row_and_not_past_chance(tmp_path: Path) -> None:
    data = json.loads(SEEDS.read_text())
    row = next(
        q for q in data["questions"]
        if q["kind"] != "unanswerable" and q["answer"]["answer_evidence_recall"] == 0
    )  # fmt: skip
    row["answer"]["answer_evidence_recall"] = 1.0
    changed = tmp_path / "results.json"
    changed.write_text(json.dumps(data))
    base, kinds = load_rows(SEEDS, None, None, "hybrid")
    new, _ = load_rows(changed, None, None, "hybrid")
    result = compare(base, new, kinds, resamples=500)
    evidence = next(d for d in result.deltas if d.name == "evidence")
    assert evidence.new - evidence.base == pytest.approx(1.0)
    assert evidence.low <= 0.0 < 1.0 <= evidence.high  # one row straddles zero
    assert [(qid, moved) for qid, _, moved in result.changed] == [
        (row["id"], [("answer_evidence_recall", 0.0, 1.0)])
    ]
    others = [d for d in result.deltas if d.name != "evidence"]
    assert all(not d.moved for d in others)


def test_two_indexes_sums_and_rows_are_the_files_own() -> None:
    base, kinds = load_rows(HELDOUT, "test", None, "hybrid")
    new, _ = load_rows(CONVERTED, "test", None, "hybrid")
    result = compare(base, new, kinds, resamples=300)
    recall = next(d for d in result.deltas if d.name == "R@10")
    raw = [q for q in json.loads(HELDOUT.read_text())["questions"] if q["split"] == "test"]
    held = {q["id"]: q["configs"]["hybrid"].get("recall@10") for q in raw}
    assert recall.base == pytest.approx(sum(v for v in held.values() if v is not None))
    assert recall.rows == sum(v is not None for v in held.values())
    figure = next(d for d in result.deltas if d.name == "key figure")
    assert figure.rows < recall.rows  # a fact question holds no key figure
    for d in result.deltas:
        assert d.low <= d.new - d.base <= d.high
    assert result.changed and all(
        any(abs((b or 0) - (n or 0)) > 1e-9 or (b is None) != (n is None) for _, b, n in moved)
        for _, _, moved in result.changed
    )


def test_prefix_keeps_one_set() -> None:
    rows, _ = load_rows(HELDOUT, "test", r"k45-", "hybrid")
    assert rows and all(qid.startswith("k45-") for qid in rows)


def test_bad_input_is_a_message_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "missing.json"), str(SEEDS)]) == 2
    assert "cannot read the results" in capsys.readouterr().err
    assert main([str(SEEDS), str(SEEDS), "--prefix", "k45-("]) == 2
    (tmp_path / "bad.json").write_text("{not json")
    assert main([str(tmp_path / "bad.json"), str(SEEDS)]) == 2
    with pytest.raises(SystemExit) as exit_:
        main([str(SEEDS), str(SEEDS), "--resamples", "0"])
    assert exit_.value.code == 2


def test_the_command_prints_the_bar_s_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(HELDOUT), str(CONVERTED), "--split", "test", "--resamples", "100"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("common rows ") and "[95% " in out and "changed rows:" in out
