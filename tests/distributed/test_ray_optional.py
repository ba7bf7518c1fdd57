"""Ray is optional: the default build never imports it, and asking for it without it
installed says how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from indexer import cli
from indexer.distributed import RAY_MISSING, RayUnavailableError, require_ray


def test_default_path_does_not_import_ray() -> None:
    code = (
        "import sys, indexer.cli, indexer.builder, search_api.archive, indexer.distributed; "
        "sys.exit('ray' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_missing_ray_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    with pytest.raises(RayUnavailableError, match=r"pip install '\.\[ray\]'"):
        require_ray()


def test_cli_without_ray(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    code = cli.main(["build", str(tmp_path), "--index", str(tmp_path / "i"), "--ray", "local"])
    assert code == 2
    assert f"error: {RAY_MISSING}" in capsys.readouterr().err
