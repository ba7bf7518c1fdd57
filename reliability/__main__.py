"""Long reliability campaigns: `python -m reliability {kill,load,fuzz,probe2,latency,all}`.

Each writes its figures into reliability/RESULTS.md (its own section, replaced).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SEARCH_RATE = 20.0
ASK_RATE = 2.0
"""Default open-loop rates: below what the closed loops served (req/s) on the idle machine."""


def record(section: str, lines: list[str]) -> None:
    """Replace `section`'s block in RESULTS.md with these lines."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Reliability campaign results\n"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"<!-- {section} -->\n## {section}\n\nLast run {stamp}, {os.cpu_count()} cores, load "
        f"average at start {os.getloadavg()[0]:.1f}.\n\n"
        + "\n".join(f"- {line}" for line in lines)
        + f"\n<!-- /{section} -->\n"
    )
    pattern = re.compile(rf"<!-- {re.escape(section)} -->.*?<!-- /{re.escape(section)} -->\n",
                         re.S)  # fmt: skip
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text + "\n" + block
    RESULTS.write_text(text)
    print("\n".join(lines))


def _seed_index(folder: Path):  # type: ignore[no-untyped-def]
    from indexer.builder import Indexer
    from indexer.embedding import Embedder
    from indexer.settings import Settings

    settings = Settings(corpus=str(ROOT / "corpus"), index_dir=folder / "index")
    embedder = Embedder(settings.model, settings.batch_size)
    Indexer(settings, embedder).build()
    return settings, embedder


def kill(iterations: int) -> None:
    from indexer.builder import Indexer
    from reliability.killloop import Zygote, kill_loop, minutes, second_round_hazards

    with tempfile.TemporaryDirectory() as tmp:
        base, embedder = _seed_index(Path(tmp))
        work = Path(tmp) / "work"
        work.mkdir()
        settings = base.model_copy(update={"corpus": f"{base.corpus}:{work}"})
        for i in range(3):
            (work / f"bulk_{i}.txt").write_text(minutes(f"g0f{i}", 8))
        hazards = second_round_hazards(work)
        report = Indexer(settings, embedder).build()
        zygote = Zygote(settings)
        lines = [f"work folder holds issue 16's {', '.join(hazards)}; the first build: "
                 f"{len(report.added)} added, failed: "
                 f"{'; '.join(f'{Path(p).name}: {r[:60]}' for p, r in report.failed)}"]  # fmt: skip
        try:
            for mode in ("build", "add", "full-disk"):
                stats = kill_loop(settings, embedder, work, iterations, mode, seed=int(time.time()),
                                  log=print, zygote=zygote)  # fmt: skip
                lines.append(stats.line())
                lines.extend(f"FAILURE {f}" for f in stats.failures)
        finally:
            zygote.close()
    record("Kill loop (python -m reliability kill)", lines)


def load(clients: int, per_client: int, single: int) -> None:
    """Load the server as deployed: `python -m search_api serve` in its own process."""
    from reliability.load import run_load
    from reliability.server import free_port, wait_healthy

    with tempfile.TemporaryDirectory() as tmp:
        settings, _ = _seed_index(Path(tmp))
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "search_api", "serve", "--no-build",
             "--index", str(settings.index_dir), "--port", str(port)],
            cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, process=server)
            result = run_load(url, server.pid, single, clients, per_client)
        finally:
            server.terminate()
            server.wait(timeout=60)
    record("Load (python -m reliability load)", result.lines())


def fuzz(examples: int) -> None:
    env = {
        **os.environ,
        "RELIABILITY_FUZZ_EXAMPLES": str(examples),
        "RELIABILITY_API_EXAMPLES": str(max(examples // 5, 50)),
        "RELIABILITY_FUZZ_RANDOM": "1",
    }
    lines = []
    targets = (
        ("tests/reliability/test_reader_fuzz.py", "RELIABILITY_FUZZ_EXAMPLES"),
        ("tests/reliability/test_api_schema_fuzz.py", "RELIABILITY_API_EXAMPLES"),
        ("tests/reliability/test_second_round_fuzz.py", "RELIABILITY_API_EXAMPLES"),
    )
    counts = Path(tempfile.mkdtemp()) / "requests"
    env["RELIABILITY_COUNT_FILE"] = str(counts)
    for target, count_var in targets:
        counts.write_text("")
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", target,
             "--hypothesis-show-statistics"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        tried = sum(
            int(a) + int(b) for a, b in re.findall(r"- (\d+) passing, (\d+) failing", proc.stdout)
        )
        tried += len(counts.read_text().splitlines())
        summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "no output"
        lines.append(
            f"{target}: up to {env[count_var]} examples per test, {tried} inputs tried, "
            f"{summary} in {time.monotonic() - started:.0f} s"
        )
        if proc.returncode:
            lines.append("FAILURE: " + proc.stdout[-2000:].replace("\n", " | "))
    record("Fuzzing (python -m reliability fuzz)", lines)


def latency(clients: int, search_rate: float, ask_rate: float, seconds: float) -> None:
    """/search and /ask latency against the real server: closed loop with no pause, then
    open loop at fixed offered rates; the load average is written next to every figure."""
    from reliability.load import closed_loop, open_loop
    from reliability.probe import build_index, seed_corpus, server, warm

    with tempfile.TemporaryDirectory() as tmp:
        corpus = seed_corpus(Path(tmp))
        build_index(corpus, Path(tmp) / "index")
        with server(corpus, Path(tmp) / "index") as target:
            warm(target)
            lines = [target.encoder() + "; index of the seed documents"]
            runs = (
                lambda: closed_loop(target.url, "search", 1, 30),
                lambda: closed_loop(target.url, "ask", 1, 10),
                lambda: closed_loop(target.url, "search", clients, 20),
                lambda: closed_loop(target.url, "ask", clients, 5),
                lambda: open_loop(target.url, "search", search_rate, seconds),
                lambda: open_loop(target.url, "ask", ask_rate, seconds),
            )
            for run in runs:
                before = os.getloadavg()[0]
                line = run().line()
                lines.append(f"{line} [load average {before:.1f} → {os.getloadavg()[0]:.1f}]")
                print(lines[-1])
    record(
        f"Latency, {search_rate:g} and {ask_rate:g} req/s offered (python -m reliability "
        f"latency --search-rate {search_rate:g} --ask-rate {ask_rate:g})",
        lines,
    )


def probe2(cases: list[str]) -> None:
    """The second-round probe (issue 16) against the real server, each case timed."""
    from reliability.probe import run_probe

    with tempfile.TemporaryDirectory() as tmp:
        found = run_probe(Path(tmp), cases)
    for case, lines in found.items():
        record(f"Second-round probe: {case} (python -m reliability probe2 --cases {case})", lines)


def main() -> int:
    from reliability.probe import CASES

    parser = argparse.ArgumentParser(prog="python -m reliability")
    sub = parser.add_subparsers(dest="command", required=True)
    k = sub.add_parser("kill", help="SIGKILL builds and adds at random points")
    k.add_argument("--iterations", type=int, default=25)
    lo = sub.add_parser("load", help="bounded load test on loopback")
    lo.add_argument("--clients", type=int, default=20)
    lo.add_argument("--per-client", type=int, default=30)
    lo.add_argument("--single", type=int, default=60)
    f = sub.add_parser("fuzz", help="reader and API fuzzing, long")
    f.add_argument("--examples", type=int, default=2000)
    la = sub.add_parser("latency", help="/search and /ask: 20 clients, then open loop")
    la.add_argument("--clients", type=int, default=20)
    la.add_argument("--search-rate", type=float, default=SEARCH_RATE, help="req/s offered")
    la.add_argument("--ask-rate", type=float, default=ASK_RATE, help="req/s offered")
    la.add_argument("--seconds", type=float, default=30, help="length of each open loop")
    p2 = sub.add_parser("probe2", help="issue 16's probe against the real server")
    p2.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES))
    a = sub.add_parser("all", help="kill, load, fuzz and probe2 with their defaults")
    a.add_argument("--iterations", type=int, default=25)
    args = parser.parse_args()
    if args.command in ("kill", "all"):
        kill(args.iterations)
    if args.command in ("load", "all"):
        load(getattr(args, "clients", 20), getattr(args, "per_client", 30),
             getattr(args, "single", 60))  # fmt: skip
    if args.command in ("fuzz", "all"):
        fuzz(getattr(args, "examples", 2000))
    if args.command == "latency":
        latency(args.clients, args.search_rate, args.ask_rate, args.seconds)
    if args.command in ("probe2", "all"):
        probe2(getattr(args, "cases", list(CASES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
