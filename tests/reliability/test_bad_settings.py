"""A mistyped setting is the user's to fix: the command lines (the indexer's, the read side's,
the evaluation's, the benchmarks') name the variable, its value and why it is refused, and exit
with status 2, before anything is read or built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from bench import cli as bench_cli
from eval import cli as eval_cli
from indexer import cli as indexer_cli
from search_api import cli as search_cli

DEV = Path(__file__).resolve().parents[2] / "eval" / "questions.jsonl"

COMMANDS: dict[str, tuple[Callable[[Sequence[str]], int], list[str]]] = {
    "indexer stats": (indexer_cli.main, ["stats"]),
    "indexer build": (indexer_cli.main, ["build", "corpus"]),
    "search": (search_cli.main, ["search", "agency staffing"]),
    "eval run": (eval_cli.main, ["run", "--questions", str(DEV), "--corpus", "corpus"]),
    # Its first step opens the settings of the index it would generate.
    "bench scale-corpus": (bench_cli.main, ["scale-corpus", "--size", "10k"]),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        ("SCRUTINY_YEAR_END", "30 Juen", "write it as '30 June'"),
        ("SCRUTINY_FUSION", "sum", "Input should be 'rrf' or 'convex'"),
        ("SCRUTINY_PORT", "eighty", "valid integer"),
    ],
)
def test_a_mistyped_setting_is_one_message_and_status_2(
    command: str,
    variable: str,
    value: str,
    reason: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    main, argv = COMMANDS[command]
    monkeypatch.setenv(variable, value)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"error: setting {variable}={value!r}: " in err
    assert reason in err
    assert "Traceback" not in err
