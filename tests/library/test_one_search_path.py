"""One search path: `GET /search`, `python -m search_api search --json` and the
evaluation's hybrid configuration make the same call and agree hit for hit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eval.questions import load_questions
from eval.searchers import ArchiveSearcher
from eval.shared import DEV_QUESTIONS
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api import cli
from search_api.archive import Archive
from search_api.http.app import create_app

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [q.question for q in load_questions([DEV_QUESTIONS])] if DEV_QUESTIONS.is_file() else []


@pytest.fixture(scope="module")
def client(seed_engine: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(archive=seed_engine), raise_server_exceptions=False) as c:
        yield c


def _cli_json(
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    archive: Archive,
    capsys: pytest.CaptureFixture[str],
) -> dict:
    # The CLI's own code path with the session's archive (loading the model per question
    # would be most of the test's time); one real subprocess run is below.
    monkeypatch.setattr(Archive, "open", classmethod(lambda cls, settings: archive))
    assert cli.main(argv) == 0
    out: dict = json.loads(capsys.readouterr().out)
    return out


def test_dev_questions_include_trend_questions(client: TestClient) -> None:
    assert DEV_QUESTIONS.is_file(), f"the development questions are not at {DEV_QUESTIONS}"
    assert len(QUESTIONS) >= 10
    trends = [
        q for q in QUESTIONS if client.get("/search", params={"q": q}).json()["temporal"]["trend"]
    ]
    assert trends, "the agreement test must cover the trend re-ranking"


@pytest.mark.parametrize("question", QUESTIONS)
def test_api_cli_and_eval_agree(
    question: str,
    client: TestClient,
    seed_engine: Archive,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    api = client.get("/search", params={"q": question, "k": 10})
    assert api.status_code == 200
    from_cli = _cli_json(
        ["search", question, "-k", "10", "--json"], monkeypatch, seed_engine, capsys
    )
    assert from_cli == api.json()  # the same hits, scores, highlights and temporal reading
    evaluated = ArchiveSearcher(seed_engine, "hybrid").search(question, 10)
    assert [int(p.id) for p in evaluated] == [h["passage_id"] for h in api.json()["hits"]]


def test_filters_agree(
    client: TestClient,
    seed_engine: Archive,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A year given as --to means its last day on the CLI, as date_to does in the API."""
    q = "agency staff"
    api = client.get(
        "/search", params={"q": q, "date_from": "2018-01-01", "date_to": "2018-12-31", "k": 5}
    )
    argv = ["search", q, "-k", "5", "--from", "2018", "--to", "2018", "--json"]
    assert _cli_json(argv, monkeypatch, seed_engine, capsys) == api.json()
    assert api.json()["hits"], "the seed archive has 2018 passages on agency staff"


def test_real_command_line_matches_the_api(
    seed_settings: Settings, client: TestClient, embedder: Embedder
) -> None:
    question = "How did agency staffing change between 2018 and 2022?"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HF_HUB_OFFLINE": "1",
        "SCRUTINY_EMBED_BACKEND": embedder.backend,
    }  # the encoder the API was given
    done = subprocess.run(
        [sys.executable, "-m", "search_api", "search", question, "-k", "10", "--json",
         "--index", str(seed_settings.index_dir)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == client.get("/search", params={"q": question}).json()


def test_bad_cli_input_is_a_message(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Archive, "open", classmethod(lambda cls, settings: seed_engine))
    assert cli.main(["search", "agency", "--from", "2019", "--to", "2018"]) == 2
    assert "swap them" in capsys.readouterr().err
    assert cli.main(["search", "agency", "--to", "2018-13"]) == 2
    assert "is not a date" in capsys.readouterr().err
