"""One way to the shared folder (`eval.shared`): the tests, the bench and `make eval` find the
archives and the development questions the same way from a checkout, a git worktree
(wt/NAME) or a clone elsewhere, and one variable (SCRUTINY_SHARED) names another folder.
Each place that found it its own way (`parents[3]`, `ROOT.parent / "shared"`, a second
variable) looked beside a worktree, where it is not, and skipped its tests."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eval.shared import ENV, ROOT, shared_folder

PACKAGES = ("indexer", "search_api", "eval", "bench", "reliability", "tests")


def test_the_nearest_shared_folder_above_a_checkout_a_worktree_or_a_deeper_clone(
    tmp_path: Path,
) -> None:
    (tmp_path / "shared" / "archives").mkdir(parents=True)
    for checkout in (tmp_path / "main", tmp_path / "wt" / "r32-shared", tmp_path / "a" / "b" / "c"):
        checkout.mkdir(parents=True)
        assert shared_folder(checkout, {}) == tmp_path / "shared"
    assert shared_folder(tmp_path / "main", {ENV: "/elsewhere"}) == Path("/elsewhere")


def _own_lookups(rel: str, tree: ast.Module) -> list[tuple[str, int, str]]:
    """String constants outside docstrings that name the shared folder or a variable for it."""
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (rel, node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and (
            node.value == "shared"
            or node.value.startswith(("shared/", "../shared"))
            or "SCRUTINY_SHARED" in node.value
        )
    ]


def test_no_module_finds_the_shared_folder_its_own_way() -> None:
    own = (ROOT / "eval" / "shared.py", Path(__file__).resolve())
    bad = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path in own or "node_modules" in path.parts:
                continue
            rel = path.relative_to(ROOT).as_posix()
            bad += _own_lookups(rel, ast.parse(path.read_text(encoding="utf-8"), rel))
    assert bad == []
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.findall(r"^[^#\n]*\.\./shared.*$", makefile, re.MULTILINE) == []


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_eval_reads_the_folder_the_variable_names(tmp_path: Path) -> None:
    env = {**os.environ, ENV: str(tmp_path / "elsewhere")}
    out = subprocess.run(
        ["make", "-n", "eval", "eval-converted", f"PY={sys.executable}"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True,
    ).stdout  # fmt: skip
    wanted = [
        f"--questions {tmp_path}/elsewhere/eval/dev_questions.jsonl",
        f"{tmp_path}/elsewhere/archives/kent {tmp_path}/elsewhere/archives/kingston",
        f"eval.convert {tmp_path}/elsewhere/archives/kent",
    ]
    assert [w for w in wanted if w not in out] == []
