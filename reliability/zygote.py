"""A process that loads the model once and forks one child per indexing run.

Killing an indexer at random points needs many short-lived indexers; starting Python,
torch and the model for each would spend most of the time before any indexing begins.
The zygote imports and loads everything once, runs no inference itself (so its children
start with no thread pools to inherit), and forks a child per command. The driver
SIGKILLs the child: to the index, that is exactly an indexer killed mid-run.

Protocol, one JSON object per line. In: {"op": "build"|"add", "paths": [...]}, with an
optional "fsize": N, a file-size limit (RLIMIT_FSIZE) for the child: every write past N
bytes in one file fails with EFBIG, a full disk at a chosen point of the run.
Out: {"ready": true} once, then per command {"pid": N} when the child starts and
{"pid": N, "status": S, "seconds": T} when it ends (S is the raw wait status). A child
exits 0 when its run succeeds, DISK_FULL when it stopped with the clean `DiskFullError`,
3 on any other exception (a bug, for the driver to report).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

DISK_FULL = 4
"""The exit code of a child that stopped with `DiskFullError`."""


def main() -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()

    from indexer.builder import Indexer
    from indexer.embedding import Embedder
    from indexer.errors import DiskFullError
    from indexer.settings import Settings

    settings = Settings(corpus=args.corpus, index_dir=Path(args.index))
    embedder = Embedder(settings.model, settings.batch_size)
    embedder.model  # noqa: B018 - load the weights before forking
    out = sys.stdout
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        command = json.loads(line)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: one indexing run, then out without cleanup handlers
            code = 0
            if command.get("fsize"):  # a write past the limit fails (EFBIG), as ENOSPC would
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (command["fsize"], command["fsize"]))
            try:
                indexer = Indexer(settings, embedder)
                if command["op"] == "build":
                    indexer.build()
                else:
                    indexer.add([Path(p) for p in command["paths"]])
            except DiskFullError as exc:
                sys.stderr.write(f"child stopped: {exc}\n")
                code = DISK_FULL
            except BaseException as exc:  # noqa: BLE001 - reported through the exit code
                sys.stderr.write(f"child failed: {exc!r}\n")
                code = 3
            os._exit(code)
        out.write(json.dumps({"pid": pid}) + "\n")
        out.flush()
        _, status = os.waitpid(pid, 0)
        seconds = time.monotonic() - started
        out.write(json.dumps({"pid": pid, "status": status, "seconds": seconds}) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
