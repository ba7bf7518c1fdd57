"""Cheap writable copies of the session's seed index.

Building the seed index costs a model pass over the corpus (5-9 s on the shared 2-core
machine), so a test that needs the seed index only as a starting point, and changes it,
copies the session's published one instead of building its own. The copy's documents
point at the repository's corpus folder, which no test writes to: an incremental build
over that corpus finds every document unchanged and embeds nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from indexer.settings import Settings
from indexer.snapshot import INFO_FILE, IndexInfo, file_digest


def copy_index(seed_settings: Settings, target: Path, corpus: str | None = None) -> Settings:
    """Settings for a copy of `seed_settings`' index at `target` (corpus: its own, or
    `corpus`, which must include the repository's corpus folder)."""
    shutil.copytree(seed_settings.index_dir, target, ignore=shutil.ignore_patterns("LOCK"))
    return seed_settings.model_copy(
        update={"index_dir": target, "corpus": corpus or seed_settings.corpus}
    )


def beside_seeds(seed_settings: Settings, target: Path, extra: Path) -> Settings:
    """Settings for a copy of the seed index at `target` whose corpus is the seeds' folder
    and `extra`: a build over it finds the five seeds unchanged and reads and embeds only
    what `extra` holds, where a fresh build of both would embed the seeds again."""
    return copy_index(seed_settings, target, corpus=f"{seed_settings.corpus}:{extra}")


def as_published_before(version: Path, *fields: str) -> None:
    """Turn a published version's index.json into one written before its `fields` were
    recorded (each None), its file digests recomputed so the version still verifies: how a
    test stands in for an index an older release published."""
    info = IndexInfo.model_validate_json((version / INFO_FILE).read_text())
    for field in fields:
        setattr(info, field, None)
    for name in list(info.files):
        info.files[name] = file_digest(version / name)
    (version / INFO_FILE).write_text(info.model_dump_json(indent=2))
