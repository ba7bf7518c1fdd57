"""The tune/test split: a fixed rule on the group, rewritten in place by `eval.split`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from eval.split import add_split_arguments, apply_split, main, split_of, split_questions

from .helpers import EVAL_DIR


def test_known_groups_keep_their_split() -> None:
    # Pinned values: changing the rule would silently move questions between the sets.
    assert split_of("seeds/2018-11-21") == "tune"
    assert split_of("seeds/2022-07-14") == "test"
    assert split_of("kingston/ManorgatePetition.pdf") == "tune"
    assert split_of("kingston/ZebraCrossing.pdf") == "test"


def test_rule_sends_groups_both_ways() -> None:
    splits = [split_of(f"unanswerable/u2-{i:02d}") for i in range(1, 101)]
    assert 30 <= splits.count("tune") <= 70


def test_empty_group_is_refused() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        split_of("")


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_apply_split_rewrites_only_split(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "question": "?", "kind": "fact", "group": "seeds/2018-11-21", "split": "test"},
        {"id": "b", "question": "?", "kind": "fact", "group": "seeds/2022-07-14", "extra": [1]},
    ]
    _write(path, rows)
    counts = apply_split(path)
    out = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["split"] for r in out] == ["tune", "test"]
    assert out[1]["extra"] == [1] and list(out[0]) == list(rows[0])
    assert counts == {"tune": 1, "test": 1}


def test_missing_group_fails_and_leaves_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "q.jsonl"
    _write(path, [{"id": "a", "group": "seeds/x"}, {"id": "b", "question": "?"}])
    before = path.read_text()
    assert main([str(path)]) == 1
    assert "'b' has no `group`" in capsys.readouterr().err
    assert path.read_text() == before
    assert main([str(tmp_path / "missing.jsonl")]) == 1


@pytest.mark.parametrize("name", ["seeds", "kingston", "unanswerable", "kent"])
def test_committed_files_follow_the_rule(name: str) -> None:
    path = EVAL_DIR / "questions" / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert row["split"] == split_of(row["group"]), row["id"]


@pytest.mark.parametrize(
    ("tool", "extra"),
    [("eval.answer_diagnose", []), ("eval.diagnose", []),
     ("eval.tune", ["--grid", '{"lexical_weight": [1.5]}'])],
)  # fmt: skip
def test_diagnostic_tools_refuse_a_missing_index_with_a_message(
    tmp_path: Path, tool: str, extra: list[str]
) -> None:
    import importlib

    main_of = importlib.import_module(tool).main
    missing = tmp_path / "no-index"
    with pytest.raises(SystemExit) as exit_:
        main_of(["--questions", str(EVAL_DIR / "questions" / "seeds.jsonl"), "--split", "tune",
                 "--index", str(missing), "--corpus", "corpus", *extra])  # fmt: skip
    assert str(missing) in str(exit_.value.code) and "Build one first" in str(exit_.value.code)
    assert not missing.exists()


def test_dev_selects_the_in_sample_questions_outside_the_split(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "question": "Who chairs it?", "kind": "fact",
         "evidence": [{"quote": "the chair", "found_in": ["x.txt"]}]},
        {"id": "b", "question": "Who chairs it now?", "kind": "fact",
         "evidence": [{"quote": "the chair", "found_in": ["x.txt"]}],
         "group": "seeds/2018-11-21", "split": split_of("seeds/2018-11-21")},
    ]))  # fmt: skip
    p = argparse.ArgumentParser()
    add_split_arguments(p)
    common = ["--questions", str(path), "--index", "ix", "--corpus", "c"]
    assert [q.id for q in split_questions(p.parse_args([*common, "--split", "dev"]))] == ["a"]
    chosen = split_of("seeds/2018-11-21")
    assert [q.id for q in split_questions(p.parse_args([*common, "--split", chosen]))] == ["b"]
