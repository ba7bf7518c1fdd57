"""SIGKILL the indexer at random points of builds and incremental adds, a few times
each (the long campaign is `python -m reliability kill`). tests/indexing kills one CLI
build once; this kills repeatedly at random delays spread over the whole run, and stops
a build with a full disk (a random file-size limit).
"""

from __future__ import annotations

import os
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from reliability.killloop import Zygote, kill_loop, minutes, second_round_hazards

KILLS = int(os.environ.get("RELIABILITY_KILLS", "2"))


def test_random_sigkills_never_lose_the_live_index(
    seed_beside: tuple[Settings, Path], embedder: Embedder
) -> None:
    """Every run (the zygote's children, the checks) works on the seed index's copy with
    the loop's files beside the seeds: each build finds the five seeds unchanged. Its first
    build, unkilled, adds the loop's files, so each loop starts from an index that holds
    what its runs rewrite."""
    settings, work = seed_beside
    for i in range(3):
        (work / f"bulk_{i}.txt").write_text(minutes(f"g0f{i}", 8))
    second_round_hazards(work)
    report = Indexer(settings, embedder).build()
    assert len(report.added) == 5
    assert sorted(Path(p).name for p, _ in report.failed) == ["bomb.docx", "manifest.csv"]
    zygote = Zygote(settings)  # one model load for the three loops
    try:
        # A full disk stops a build at a random write instead of a random time (issue 16
        # #8); one run of it here keeps the default suite short.
        for mode, runs in (("build", KILLS), ("add", KILLS), ("full-disk", max(1, KILLS // 2))):
            stats = kill_loop(settings, embedder, work, runs, mode, seed=7, zygote=zygote)
            assert not stats.failures, stats.line()
            assert stats.final_completed, stats.line()
            assert stats.runs == runs + 2, stats.line()
            assert stats.kills + stats.finished_before_kill == runs
            if mode == "full-disk":  # seed 7 draws a 32 KB limit: the store is larger
                assert stats.kills == runs, stats.line()
    finally:
        zygote.close()
