"""The README's Python API example runs as written against the seed index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.embedding import Embedder
from indexer.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def _example() -> str:
    section = README.read_text(encoding="utf-8").split("### Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's Python API section has a python block"
    return match.group(1)


def test_readme_python_example(
    seed_settings: Settings,
    embedder: Embedder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SCRUTINY_INDEX_DIR", str(seed_settings.index_dir))
    monkeypatch.setenv("SCRUTINY_CORPUS", seed_settings.corpus)
    # The session's model, not a second copy: Archive.open loads it through here.
    monkeypatch.setattr(Embedder, "from_settings", classmethod(lambda cls, s: embedder))
    exec(compile(_example(), str(README), "exec"), {})  # noqa: S102 - our own README
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("True")  # a trend question, understood as one
    assert re.search(r"20(18|19|20|21|22)-\d\d-\d\d", out), out
    assert "[1]" in out  # the answer cites
    assert "meetings in the briefing's timeline" in out
