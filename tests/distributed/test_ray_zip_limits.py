"""The settings' zip-bomb limits reach the Ray workers, not only the local pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from tests.documents import build_docx

pytest.importorskip("ray", reason="Ray is an optional extra: pip install '.[ray]'")

from indexer.distributed import RayOptions, RayParseAndEmbed  # noqa: E402


@pytest.mark.slow  # a Ray actor of its own loads the model (~23 s): `make test-slow`
def test_ray_workers_refuse_what_the_settings_refuse(
    tmp_path: Path, ray_cluster: object, embedder: Embedder
) -> None:
    """A Word file within the default limits but over the operator's lower
    SCRUTINY_MAX_UNPACKED_BYTES: the workers used the defaults and indexed it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = [f"{i}.1 The panel noted the quarterly figures for ward {i}." for i in range(20)]
    (corpus / "minutes.docx").write_bytes(build_docx("Resources Panel", paragraphs, []))
    (corpus / "notes.txt").write_text(
        "Resources Scrutiny Panel\n\n1.1 The panel noted the variance and asked officers "
        "to report back on the recovery plan at the meeting after next.\n"
    )
    reports = {}
    for name, strategy in (("local", None), ("ray", RayParseAndEmbed(RayOptions(actors=1)))):
        settings = Settings(index_dir=tmp_path / name, max_unpacked_bytes=20_000)
        reports[name] = Indexer(settings, embedder, strategy).build([corpus])
    for report in reports.values():
        assert report.added == ["notes"], report
        [(path, reason)] = report.failed
        assert Path(path).name == "minutes.docx" and "SCRUTINY_MAX_UNPACKED_BYTES" in reason
    assert reports["ray"].failed == reports["local"].failed
