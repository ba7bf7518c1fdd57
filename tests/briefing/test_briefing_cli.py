"""`python -m search_api briefing` on the seed index (the archive opened once, shared)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from indexer.settings import Settings
from search_api import cli
from search_api.archive import Archive


@pytest.fixture
def shared_service(monkeypatch: pytest.MonkeyPatch, seed_engine: Archive) -> None:
    # Loading the model again for each command would be most of the test's time.
    monkeypatch.setattr(Archive, "open", classmethod(lambda cls, settings: seed_engine))


def test_markdown_by_extension(
    shared_service: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.md"
    argv = ["briefing", "agency staffing", "--from", "2018", "--to", "2022", "--out", str(out)]
    assert cli.main(argv) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Briefing: agency staffing")
    assert "- Dates: 1 January 2018 to 31 December 2022" in text
    assert text.index("about 40%") < text.index("33.3%")
    assert "Source: </documents/001_3bf3cecc07ef430f/source>" in text
    assert "Wrote" in capsys.readouterr().err


def test_docx_and_determinism(shared_service: None, tmp_path: Path) -> None:
    paths = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for path in paths:
        argv = ["briefing", "Ofsted improvement", "--out", str(path), "--no-generated-at",
                "--base-url", "http://127.0.0.1:8000"]  # fmt: skip
        assert cli.main(argv) == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    document = docx.Document(io.BytesIO(paths[0].read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ACTION: Chris Spencer/Andrea Clarke" in text
    assert "http://127.0.0.1:8000/documents/" in text


def test_stdout_and_format_flag(shared_service: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["briefing", "agency staffing", "--format", "json", "-k", "5"]) == 0
    assert '"title": "Briefing: agency staffing"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["briefing", "x", "--from", "2022", "--to", "2018"], "swap"),
        (["briefing", "x", "--out", "b.pdf"], "cannot tell the format"),
        (["briefing", "x", "--format", "docx"], "needs a file"),
        (["briefing", "x", "--from", "20x"], "not a date"),
        (["briefing", " ", "--format", "md"], "the topic is empty"),
        (["briefing", "x", "-k", "99"], "k must be between 1 and 50"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    shared_service: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def test_settings_are_not_touched(seed_settings: Settings) -> None:
    # The shared seed index is read, never rebuilt, by the briefing command.
    assert (Path(seed_settings.index_dir) / "CURRENT").exists()
