"""Fixtures for the Ray tests: one small local Ray cluster per session, the seeds plus a
slice of the Kent archive, and the same corpus indexed both ways.

The cluster is bounded (2 CPUs, 500 MB object store, no dashboard, loopback only) because
it shares a small machine, and it is always shut down: at the end of this package, not of
the session, since its idle daemons and workers (a dozen processes) otherwise poll for
the rest of the run and took about a tenth of a core from every later test.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eval.shared import ARCHIVES
from indexer.builder import BuildReport, Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
KENT = ARCHIVES / "kent"

KENT_SLICE = [
    # The same amendment published twice: one passage, two sources.
    "full_council/2025-02-13/2 - Amendment - Greens and Independents - Home to School "
    "Transport Feasibility Study.pdf",
    "full_council/2025-02-13/2 - Amendment - Greens and Independents - Home to School "
    "Transport Feasibility Study_1.pdf",
    # One call-in report sent to Cabinet and to Council: shared paragraphs.
    "cabinet/2025-03-04/Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL.pdf",
    "full_council/2025-03-13/Scrutiny Committee - call-in Family Hubs Report to County "
    "Council - Final.pdf",
    # Numbered minutes paragraphs.
    "full_council/2025-03-13/CPP Minutes 10.12.24.pdf",
]


@pytest.fixture(scope="package")
def ray_cluster() -> Iterator[object]:
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install '.[ray]'")
    ray.init(
        num_cpus=2,
        object_store_memory=500 * 2**20,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        log_to_driver=False,
    )
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="session")
def kent_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five Kent PDFs with their manifest rows, plus one unreadable file."""
    if not (KENT / "manifest.csv").is_file():
        pytest.skip(f"the Kent archive is not at {KENT}")
    target = tmp_path_factory.mktemp("kent-slice")
    with (KENT / "manifest.csv").open(newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = [row for row in reader if row["path"] in KENT_SLICE]
    assert len(rows) == len(KENT_SLICE)
    for relative in KENT_SLICE:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(KENT / relative, target / relative)
    with (target / "manifest.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    (target / "cabinet" / "damaged.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    return target


@pytest.fixture(scope="session")
def corpora(kent_slice: Path) -> list[Path]:
    return [CORPUS, kent_slice]


@pytest.fixture(scope="session")
def single_build(
    tmp_path_factory: pytest.TempPathFactory, corpora: list[Path], embedder: Embedder
) -> tuple[Settings, BuildReport]:
    settings = Settings(index_dir=tmp_path_factory.mktemp("single-index"))
    return settings, Indexer(settings, embedder).build(corpora)


@pytest.fixture(scope="package")
def ray_build(
    tmp_path_factory: pytest.TempPathFactory,
    ray_cluster: object,
    corpora: list[Path],
    embedder: Embedder,
) -> tuple[Settings, BuildReport, object, Path]:
    """The same corpus built on the local cluster with two embedding actors."""
    from indexer.distributed import RayOptions, RayParseAndEmbed

    settings = Settings(index_dir=tmp_path_factory.mktemp("ray-index"))
    staging = tmp_path_factory.mktemp("ray-staging")
    strategy = RayParseAndEmbed(RayOptions(actors=2, staging=str(staging)))
    return settings, Indexer(settings, embedder, strategy).build(corpora), strategy, staging
