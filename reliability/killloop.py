"""SIGKILL an indexer at random points of a build or an incremental add, many times.

After every kill the index must still load (checksums verified) and answer exactly as
before the run, or, when the kill came after the run published, hold the new version
complete. The LOCK must be free again. A last, unkilled run must complete.

The "full-disk" mode stops builds the other way a disk does (issue 16 #8): each run gets
a random file-size limit, so a write fails with EFBIG at a random point; the run must end
with the clean `DiskFullError`, or succeed, with no draft left behind and the index as
above.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from indexer.embedding import Embedder
from indexer.settings import Settings
from indexer.snapshot import IndexDir
from reliability.zygote import DISK_FULL
from search_api.archive import Archive
from search_api.search import SearchRequest

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("agency staff", "overspend", "Ofsted monitoring visit", "budget line for ward")

WARDS = ["Abbey", "Barton", "Coney Hill", "Elmbridge", "Hucclecote", "Kingsholm", "Moreland"]


def minutes(tag: str, paragraphs: int = 10) -> str:
    """A small minutes file whose every paragraph is new for each `tag`."""
    body = [
        f"{30 + i}.1     The panel reviewed budget line {tag}-{i} for {WARDS[i % len(WARDS)]} "
        f"ward, noted a variance of {(sum(map(ord, tag)) * 7 + i * 131) % 900 + 100} "
        "thousand pounds and asked officers to report back on the recovery plan at the "
        "meeting after next."
        for i in range(paragraphs)
    ]
    return f"Agenda and minutes\n\nResources Scrutiny Panel {tag}\n\n" + "\n\n".join(body) + "\n"


def second_round_hazards(work: Path) -> list[str]:
    """Files of issue 16 put beside the loop's work, so every killed run meets them: a
    Word zip bomb (refused before parsing), a manifest listing one path on two rows, and
    dotted names that once came to one id. Returns their names."""
    from tests.documents import docx_bomb

    (work / "bomb.docx").write_bytes(docx_bomb(1 << 30))
    (work / "Minutes 12.03.2019.txt").write_text(minutes("d2019", 3))
    (work / "Minutes 12.03.2020.txt").write_text(minutes("d2020", 3))
    (work / "manifest.csv").write_text(
        "path,committee,meeting_date,title\n"
        "Minutes 12.03.2019.txt,Resources Scrutiny Panel,2019-03-12,Minutes\n"
        "Minutes 12.03.2020.txt,Resources Scrutiny Panel,2020-03-12,Minutes\n"
        "Minutes 12.03.2019.txt,Resources Scrutiny Panel,2019-03-12,Minutes again\n"
    )
    return ["bomb.docx", "Minutes 12.03.2019.txt", "Minutes 12.03.2020.txt", "manifest.csv"]


def answers(engine: Archive) -> list[list[tuple[int, float]]]:
    """The top passages of every probe query, from one reader (one index version)."""
    reader = engine.reader()
    return [
        [(h.passage_id, round(h.score, 6)) for h in reader.search(SearchRequest(q, k=5)).hits]
        for q in QUERIES
    ]


@dataclass
class KillStats:
    mode: str
    runs: int = 0
    kills: int = 0
    finished_before_kill: int = 0
    published_before_kill: int = 0
    checks: int = 0
    full_run_seconds: float = 0.0
    final_completed: bool = False
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        disk = self.mode == "full-disk"
        stopped = "stopped by a full disk" if disk else "killed mid-run"
        finished = "finished within their file limit" if disk else "finished before the kill"
        return (
            f"{self.mode}: {self.runs} runs, {self.kills} {stopped} "
            f"({self.published_before_kill} after publishing), {self.finished_before_kill} "
            f"{finished}, {self.checks} index checks, final run "
            f"{'completed' if self.final_completed else 'FAILED'}, "
            f"{len(self.failures)} failures; a full run takes {self.full_run_seconds:.1f} s; "
            f"{self.seconds:.0f} s in all"
        )


class Zygote:
    def __init__(self, settings: Settings) -> None:
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "reliability.zygote", "--index", str(settings.index_dir),
             "--corpus", settings.corpus],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, bufsize=1,
        )  # fmt: skip
        assert self._read().get("ready"), "the zygote did not start"

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the zygote exited")
        return json.loads(line)

    def start(self, op: str, paths: list[Path] | None = None, fsize: int | None = None) -> int:
        """Fork a child running `op`; `fsize`: its file-size limit in bytes (a full disk)."""
        assert self.proc.stdin is not None
        command = {"op": op, "paths": [str(p) for p in paths or []], "fsize": fsize}
        self.proc.stdin.write(json.dumps(command))
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        return int(self._read()["pid"])

    def wait(self) -> tuple[int, float]:
        done = self._read()
        return int(done["status"]), float(done["seconds"])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def kill_loop(
    settings: Settings,
    embedder: Embedder,
    work: Path,
    iterations: int,
    mode: str,
    seed: int = 0,
    log: Callable[[str], None] = lambda _: None,
    zygote: Zygote | None = None,
) -> KillStats:
    """Kill `iterations` runs of `mode` ("build", "add", or "full-disk": builds under a
    random file-size limit instead of a kill) on an index that exists.

    `settings.corpus` must include `work` (for builds: its files are rewritten before
    each run so that every run has the same work to do); for adds, new files are written
    into `work` and added one per run.
    """
    rng = random.Random(seed)
    stats = KillStats(mode)
    started = time.monotonic()
    index = IndexDir(settings.index_dir)
    generation = 0
    disk = mode == "full-disk"
    op = "build" if disk else mode

    def next_work() -> list[Path]:
        nonlocal generation
        generation += 1
        if op == "build":
            for i in range(3):
                (work / f"bulk_{i}.txt").write_text(minutes(f"g{generation}f{i}", 8))
            return []
        path = work / f"added_{generation}.txt"
        path.write_text(minutes(f"a{generation}", 12))
        return [path]

    def baseline() -> tuple[str | None, list]:
        return index.current_name(), answers(Archive.open(settings, embedder))

    own = zygote is None
    zygote = zygote or Zygote(settings)
    try:
        version, before = baseline()
        # One unkilled run measures how long a run takes, so kills spread over all of it.
        zygote.start(op, next_work())
        status, stats.full_run_seconds = zygote.wait()
        stats.runs += 1
        if status != 0:
            stats.failures.append(f"the measuring run exited with status {status}")
            return stats
        version, before = baseline()
        live = index.current()
        largest = max(p.stat().st_size for p in live.rglob("*") if p.is_file()) if live else 1
        for i in range(iterations):
            paths = next_work()
            if disk:  # log-uniform from 4 KiB to twice the largest file: early and late
                delay = float(int(2 ** rng.uniform(12, math.log2(max(2 * largest, 8192)))))
                zygote.start(op, paths, fsize=int(delay))
                stats.runs += 1
                status, _ = zygote.wait()
                killed = os.WIFEXITED(status) and os.WEXITSTATUS(status) == DISK_FULL
                drafts = list(index.versions.glob(".draft-*"))
                if drafts:
                    stats.failures.append(f"run {i}: a draft left after a full disk: {drafts}")
            else:
                delay = rng.uniform(0.0, 1.1 * stats.full_run_seconds)
                pid = zygote.start(op, paths)
                stats.runs += 1
                time.sleep(delay)
                with contextlib.suppress(ProcessLookupError):  # it finished first
                    os.kill(pid, signal.SIGKILL)
                status, _ = zygote.wait()
                killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            if killed:
                stats.kills += 1
            else:
                stats.finished_before_kill += 1
                if status != 0:
                    stats.failures.append(f"run {i}: exited with status {status}")
            problem = _check(settings, embedder, index, version, before)
            stats.checks += 1
            now = index.current_name()
            moved = now != version
            when = f"under a {delay:.0f}-byte file limit" if disk else f"after {delay:.2f} s"
            if disk and killed and moved:
                problem = problem or "it reported a full disk, yet published a version"
            if problem:
                stats.failures.append(f"run {i} ({'stopped' if killed else 'ran'} {when}): "
                                      f"{problem}")  # fmt: skip
            elif now != version:
                if killed:
                    stats.published_before_kill += 1
                version, before = baseline()
            log(f"{mode} {i + 1}/{iterations}: {'stopped' if killed else 'finished'} {when}, "
                f"live {'moved on' if moved else 'unchanged'}"
                f"{'; ' + problem if problem else ''}")  # fmt: skip
        # The next run completes and leaves no draft behind.
        zygote.start(op, next_work())
        status, _ = zygote.wait()
        stats.runs += 1
        stats.final_completed = status == 0 and index.current_name() != version
        leftovers = list(index.versions.glob(".draft-*"))
        if leftovers:
            stats.failures.append(f"drafts left after the final run: {leftovers}")
        if not stats.final_completed:
            stats.failures.append(f"final run: status {status}, live {index.current_name()}")
        else:
            Archive.open(settings, embedder)
    finally:
        if own:
            zygote.close()
        stats.seconds = time.monotonic() - started
    return stats


def _check(
    settings: Settings,
    embedder: Embedder,
    index: IndexDir,
    version: str | None,
    before: list,
) -> str | None:
    """What is wrong with the index after a kill, or None."""
    try:
        with index.lock():
            pass
    except Exception as exc:  # noqa: BLE001
        return f"LOCK still held: {exc}"
    try:
        engine = Archive.open(settings, embedder)
    except Exception as exc:  # noqa: BLE001
        return f"index does not load: {exc}"
    if index.current_name() == version and answers(engine) != before:
        return "same version, different answers"
    return None
