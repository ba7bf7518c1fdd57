"""The second-round probe (issue 16) re-run against the real server: `python -m
reliability probe2`.

Every case starts `python -m search_api serve --no-build` in its own process on a
loopback port, over an index of the seed documents, and watches that process from
outside (RSS sampled every 10 ms with psutil, its descriptors and mappings in /proc), as
an operator would see it. Memory-heavy cases stay bounded: the zip bomb is 1 MB packed
(1 GB only if something unpacks it, which is the defect) and the 200 MB bodies are
streamed from a generator, so the probe itself holds a few megabytes at most.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from reliability.server import free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "probe-token-0123456789abcdef0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MB = 2**20

MINUTES = (
    "Agenda and minutes\n\nResources Scrutiny Panel, {tag}\n\n"
    "1.1     The panel reviewed the {tag} allowance for foster carers, noted a variance of "
    "{n} thousand pounds and asked officers to report back on the recovery plan at the "
    "meeting after next.\n\n2.1     Members asked how the {tag} figures compared with the "
    "previous year and were told the service expected to stay within budget.\n"
)


def minutes(tag: str, n: int = 120) -> bytes:
    """A small, distinct minutes file (each `tag` gives new passages)."""
    return MINUTES.format(tag=tag, n=n).encode()


@dataclass
class Server:
    """A `python -m search_api serve` process and how to reach and watch it."""

    proc: subprocess.Popen[bytes]
    url: str
    index_dir: Path
    corpus: Path

    @property
    def ps(self) -> psutil.Process:
        return psutil.Process(self.proc.pid)

    def rss_mb(self) -> float:
        return self.ps.memory_info().rss / MB

    def alive(self) -> bool:
        return self.proc.poll() is None

    def index_handles(self, deleted: bool = True) -> tuple[int, int]:
        """(descriptors, mappings) the server holds on files of its index: deleted ones,
        or (deleted=False) the live ones, to show that the count sees what is open."""
        root = str(self.index_dir)
        fds = 0
        for fd in os.listdir(f"/proc/{self.proc.pid}/fd"):
            try:
                target = os.readlink(f"/proc/{self.proc.pid}/fd/{fd}")
            except OSError:
                continue
            fds += target.startswith(root) and target.endswith("(deleted)") == deleted
        maps = Path(f"/proc/{self.proc.pid}/maps").read_text().splitlines()
        return fds, sum(root in m and m.endswith("(deleted)") == deleted for m in maps)

    def encoder(self) -> str:
        """Which encoder embeds the queries: the setting, and whether ONNX Runtime's
        library is mapped into the server (it is loaded only for the onnx encoders)."""
        from indexer.settings import Settings
        from indexer.snapshot import IndexDir

        setting = os.environ.get("SCRUTINY_EMBED_BACKEND") or Settings().embed_backend
        index = IndexDir(self.index_dir)
        built = index.read_info(index.current()).embed_backend
        maps = Path(f"/proc/{self.proc.pid}/maps").read_text()
        return (
            f"encoder {setting} (SCRUTINY_EMBED_BACKEND, default onnx-int8), index built with "
            f"{built}, ONNX Runtime loaded in the server: {'onnxruntime' in maps}"
        )

    def client(self, timeout: float = 300) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=timeout)


def seed_corpus(folder: Path) -> Path:
    """A copy of the seed documents the probe may add to and break."""
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus


def build_index(corpus: Path, index_dir: Path, rebuild: bool = False) -> float:
    """`python -m indexer build` as the operator runs it; its wall time in seconds."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "indexer", "build", str(corpus), "--index", str(index_dir),
         *(["--rebuild"] if rebuild else [])],
        cwd=ROOT, env=_env(corpus), check=True, capture_output=True,
    )  # fmt: skip
    return time.monotonic() - started


def _env(corpus: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ, "HF_HUB_OFFLINE": "1", "SCRUTINY_CORPUS": str(corpus),
        "SCRUTINY_ADMIN_TOKEN": TOKEN, **extra,
    }  # fmt: skip


@contextmanager
def server(
    corpus: Path, index_dir: Path, healthy: bool = True, file_size_limit: int | None = None,
    **env: str,
) -> Iterator[Server]:  # fmt: skip
    """Serve `index_dir` as deployed; stopped (and waited for) on exit.

    `file_size_limit`: RLIMIT_FSIZE of the server, a real "disk full" (EFBIG) for every
    file it writes past that size; SIGXFSZ is ignored so the write fails instead of
    killing the process, as ENOSPC would."""

    def limit() -> None:
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "search_api", "serve", "--no-build", "--index", str(index_dir),
         "--port", str(port)],
        cwd=ROOT, env=_env(corpus, **env), preexec_fn=limit,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        if healthy:
            wait_healthy(url, timeout_s=300, process=proc)
        else:  # up, but answering 503: wait for any answer
            deadline = time.monotonic() + 300
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    httpx.get(f"{url}/health", timeout=5)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
        yield Server(proc, url, index_dir, corpus)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def peak_rss(target: Server) -> Iterator[dict[str, float]]:
    """RSS of the server before, at its highest while the block runs, and after (MB)."""
    figures = {"before": target.rss_mb(), "peak": 0.0, "after": 0.0}
    figures["peak"] = figures["before"]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            try:
                figures["peak"] = max(figures["peak"], target.rss_mb())
            except psutil.Error:
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield figures
    finally:
        done.set()
        sampler.join()
        if target.alive():
            figures["after"] = target.rss_mb()
            figures["peak"] = max(figures["peak"], figures["after"])


def _memory(figures: dict[str, float]) -> str:
    return (
        f"server RSS {figures['before']:.0f} MB before, peak {figures['peak']:.0f} MB "
        f"(+{figures['peak'] - figures['before']:.0f} MB), {figures['after']:.0f} MB after"
    )


def warm(target: Server) -> None:
    """Requests that bring up the model, the thread pool and the caches, so the figures
    that follow measure the case and not the first request."""
    with target.client() as http:
        for q in ("agency staff", "overspend", "foster carers"):
            http.get("/search", params={"q": q})
            http.post("/ask", json={"question": f"what about {q}"})
        http.get("/documents")


def _detail(response: httpx.Response) -> str:
    try:
        text = str(response.json().get("detail", ""))
    except ValueError:
        text = response.text
    return text[:150]


def _upload(http: httpx.Client, body: bytes, name: str, **params: str) -> httpx.Response:
    return http.post(
        "/documents", params={"filename": name, **params}, content=body,
        headers={**AUTH, "Content-Type": "application/octet-stream"},
    )  # fmt: skip


# -- the cases --------------------------------------------------------------------------------


def zip_bomb(work: Path, corpus: Path, index_dir: Path) -> list[str]:
    """#4: a 1 MB .docx whose document.xml unpacks to 1 GB, uploaded, then in the corpus."""
    from tests.documents import docx_bomb

    bomb = docx_bomb(1 << 30)
    lines = []
    with server(corpus, index_dir) as target:
        warm(target)
        with target.client() as http:
            version = http.get("/health").json()["index_version"]
            with peak_rss(target) as memory:
                started = time.monotonic()
                response = _upload(http, bomb, "bomb.docx")
                seconds = time.monotonic() - started
            same = http.get("/health").json()["index_version"] == version
        lines.append(
            f"#4 upload of a {len(bomb) / MB:.2f} MB .docx unpacking to 1024 MB: "
            f"HTTP {response.status_code} in {seconds:.2f} s ({_detail(response)!r}); "
            f"{_memory(memory)}; version served unchanged: {same}"
        )
        (corpus / "bomb.docx").write_bytes(bomb)
        with target.client() as http, peak_rss(target) as memory:
            started = time.monotonic()
            response = http.post("/reindex", headers=AUTH)
            seconds = time.monotonic() - started
        failed = [f for f in response.json().get("failed", []) if "bomb" in str(f)]
        lines.append(
            f"#4 the same file in the corpus, POST /reindex: HTTP {response.status_code} in "
            f"{seconds:.2f} s, the bomb listed as failed: {bool(failed)}; {_memory(memory)}"
        )
        (corpus / "bomb.docx").unlink()
    return lines


def _stream(total: int, chunk: int = MB) -> Iterator[bytes]:
    yield b'{"question": "'
    sent = 0
    block = b"a" * chunk
    while sent < total:
        yield block
        sent += chunk
    yield b'"}'


def json_bodies(work: Path, corpus: Path, index_dir: Path) -> list[str]:
    """#6: one 200 MB /ask body, then three at once; declared length and chunked."""
    size = 200 * MB
    lines = []
    with server(corpus, index_dir) as target:
        warm(target)

        def send(declared: bool, outcome: list[str]) -> None:
            headers = {"Content-Type": "application/json"}
            if declared:
                headers["Content-Length"] = str(size + len(b'{"question": ""}'))
            started = time.monotonic()
            try:
                with target.client() as http:
                    response = http.post("/ask", content=_stream(size), headers=headers)
                outcome.append(f"{response.status_code} in {time.monotonic() - started:.2f} s")
            except httpx.HTTPError as exc:  # the server may close before the body is sent
                outcome.append(
                    f"connection closed by the server after {time.monotonic() - started:.2f} s "
                    f"({type(exc).__name__})"
                )

        for declared in (True, False):
            how = "with Content-Length" if declared else "chunked, no length"
            for clients in (1, 3):
                outcome: list[str] = []
                with peak_rss(target) as memory:
                    threads = [threading.Thread(target=send, args=(declared, outcome))
                               for _ in range(clients)]  # fmt: skip
                    for t in threads:
                        t.start()
                    for t in threads:
                        t.join()
                lines.append(
                    f"#6 {clients} x 200 MB /ask bod{'y' if clients == 1 else 'ies'} at once, "
                    f"{how}: {'; '.join(outcome)}; {_memory(memory)}"
                )
        with target.client() as http:
            ok = http.post("/ask", json={"question": "agency staff"}).status_code
        lines.append(f"#6 a normal /ask afterwards: HTTP {ok}; server alive: {target.alive()}")
    return lines


def handles(work: Path, corpus: Path, index_dir: Path, uploads: int = 72) -> list[str]:
    """#7: handles on deleted index files after `uploads` uploads, each followed by reads."""
    most = (0, 0)
    with server(corpus, index_dir) as target, target.client() as http:
        warm(target)
        started = time.monotonic()
        for i in range(uploads):
            response = _upload(http, minutes(f"probe{i}"), f"probe upload {i}.txt")
            if response.status_code != 201:
                return [f"#7 upload {i} failed: HTTP {response.status_code} {_detail(response)}"]
            http.get("/search", params={"q": f"probe{i} allowance"})
            http.get("/documents")
            now = target.index_handles()
            most = (max(most[0], now[0]), max(most[1], now[1]))
        seconds = time.monotonic() - started
        fds, maps = target.index_handles()
        live = target.index_handles(deleted=False)
        versions = len([p for p in (index_dir / "versions").iterdir()
                        if not p.name.startswith(".")])  # fmt: skip
        documents = http.get("/health").json()["documents"]
    return [
        f"#7 after {uploads} uploads ({seconds:.0f} s, each followed by a search and "
        f"/documents; Python's GC left on, as served): {fds} descriptors and {maps} mappings "
        f"on deleted index files (most at any point: {most[0]} and {most[1]}); "
        f"{versions} versions on disk; {documents} documents served; open on the live "
        f"version meanwhile: {live[0]} descriptors and {live[1]} mappings"
    ]


def _poll(url: str, want: int, timeout_s: float = 120) -> float | None:
    """Seconds until GET `url` answers `want`, or None."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        try:
            if httpx.get(url, timeout=10).status_code == want:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    return None


def stuck(work: Path, corpus: Path, index_dir: Path) -> list[str]:
    """#3: a server started with no index answers 503, then 200 once one is published."""
    lines = []
    empty = work / "empty-index"
    with server(corpus, empty, healthy=False) as target:
        first = httpx.get(f"{target.url}/health", timeout=30)
        build_s = build_index(corpus, empty)
        after = _poll(f"{target.url}/health", 200)
        lines.append(
            f"#3 started with no index: /health {first.status_code} ({_detail(first)!r}); "
            f"`python -m indexer build` from the shell took {build_s:.1f} s; /health 200 "
            + (f"{after:.2f} s after it returned" if after is not None else "NEVER (2 min)")
        )
    empty2 = work / "empty-index-2"
    with server(corpus, empty2, healthy=False) as target, target.client() as http:
        first = http.get("/health").status_code
        started = time.monotonic()
        built = http.post("/reindex", headers=AUTH)
        seconds = time.monotonic() - started
        health = http.get("/health")
        lines.append(
            f"#3 started with no index, POST /reindex: {first} → HTTP {built.status_code} in "
            f"{seconds:.1f} s, then /health {health.status_code} with "
            f"{health.json().get('documents')} documents"
        )
    return lines


def damaged(work: Path, corpus: Path, index_dir: Path) -> list[str]:
    """#5: the live version damaged under a running server, then a rebuild published."""
    from indexer.lexical import LEXICAL_DIR
    from indexer.snapshot import STORE_FILE, IndexDir

    lines = []
    with server(corpus, index_dir) as target, target.client() as http:
        warm(target)
        live = IndexDir(index_dir).current()
        for name in ("rows.npy", "scores.npy"):
            os.truncate(live / LEXICAL_DIR / name, 200)
        lexical = http.get("/search", params={"q": "agency staff", "mode": "lexical"})
        hybrid = http.get("/search", params={"q": "agency staff"})
        lines.append(
            f"#5 posting files truncated to 200 bytes under the live server: lexical /search "
            f"{lexical.status_code} ({_detail(lexical)!r}), hybrid {hybrid.status_code}; "
            f"server alive: {target.alive()}"
        )
        data = bytearray((live / STORE_FILE).read_bytes())
        data[:4096] = bytes(4096)
        (live / STORE_FILE).write_bytes(bytes(data))
        answers = {
            "/health": http.get("/health"),
            "/documents": http.get("/documents"),
            "/ask": http.post("/ask", json={"question": "agency staff"}),
            "/search": http.get("/search", params={"q": "agency staff"}),
        }
        leaked = any(str(index_dir) in r.text for r in answers.values())
        lines.append(
            "#5 passages.sqlite header zeroed as well: "
            + ", ".join(f"{route} {r.status_code}" for route, r in answers.items())
            + f" ({_detail(answers['/health'])!r}); server paths in the answers: {leaked}; "
            f"server alive: {target.alive()}"
        )
        build_s = build_index(corpus, index_dir, rebuild=True)
        back = _poll(f"{target.url}/health", 200)
        search = http.get("/search", params={"q": "agency staff", "mode": "lexical"})
        lines.append(
            f"#5 `python -m indexer build --rebuild` ({build_s:.1f} s) published a good "
            f"version: /health 200 "
            + (f"{back:.2f} s after it returned" if back is not None else "NEVER (2 min)")
            + f", lexical /search {search.status_code} with {len(search.json().get('hits', []))}"
            " hits"
        )
    return lines


def uploads(work: Path, corpus: Path, index_dir: Path, races: int = 20) -> list[str]:
    """#1, #2, #8, #9, #10 over HTTP: names, races, a full disk, a bad Host."""
    lines = []
    with server(corpus, index_dir) as target, target.client() as http:
        warm(target)
        a = _upload(http, minutes("quince"), "Cabinet Minutes 12.03.2019.txt")
        b = _upload(http, minutes("damson"), "Cabinet Minutes 12.03.2020.txt")
        c = _upload(http, minutes("medlar"), "Cabinet Minutes 12.03.2019.txt")
        lines.append(
            f"#1 'Cabinet Minutes 12.03.2019.txt' then '…2020.txt': {a.status_code} "
            f"{a.json().get('added')}, {b.status_code} {b.json().get('added')}; the 2019 name "
            f"again: {c.status_code} ({_detail(c)[:90]!r})"
        )
        disagree, answered = 0, {}
        for i in range(races):
            results: dict[str, int] = {}

            def reindex(results: dict[str, int] = results) -> None:
                results["reindex"] = http.post("/reindex", headers=AUTH).status_code

            racer = threading.Thread(target=reindex)
            racer.start()
            upload = _upload(http, minutes(f"race{i}"), f"race {i}.txt").status_code
            racer.join()
            present = http.get(f"/documents/race-{i}").status_code == 200
            source = http.get(f"/documents/race-{i}/source").status_code == 200
            answered[(upload, results["reindex"])] = answered.get((upload, results["reindex"]),
                                                                  0) + 1  # fmt: skip
            disagree += (upload == 201) != present or present != source
        lines.append(
            f"#2 {races} uploads each sent with a POST /reindex: (upload, reindex) statuses "
            + ", ".join(f"{k}: {v}" for k, v in sorted(answered.items()))
            + f"; answer and index disagree (or indexed without its file) in {disagree}"
        )
        version = http.get("/health").json()["index_version"]
        broken = _upload(http, b"%PDF-1.4\n" + b"\x00garbage" * 50, "broken.pdf")
        lines.append(
            f"#9 a corrupt PDF uploaded: HTTP {broken.status_code}; version served unchanged: "
            f"{http.get('/health').json()['index_version'] == version}"
        )
        evil = http.get("/health", headers={"Host": "rebound.attacker.example"})
        lines.append(f"#10 Host: rebound.attacker.example → HTTP {evil.status_code} "
                     f"({_detail(evil)[:80]!r})")  # fmt: skip
    with server(corpus, index_dir, file_size_limit=64 << 10) as target, target.client() as http:
        version = http.get("/health").json()["index_version"]
        full = _upload(http, minutes("full"), "full.txt")
        noop = http.post("/reindex", headers=AUTH)
        lines.append(
            f"#8 server under a 64 KiB file-size limit (a full disk): upload HTTP "
            f"{full.status_code} ({_detail(full)[:70]!r}); no-op /reindex {noop.status_code}, "
            f"version unchanged: {noop.json().get('index_version') == version}; "
            f"server alive: {target.alive()}"
        )
    return lines


CASES: dict[str, Callable[[Path, Path, Path], list[str]]] = {
    "zip-bomb": zip_bomb,
    "json-bodies": json_bodies,
    "handles": handles,
    "stuck": stuck,
    "damaged": damaged,
    "uploads": uploads,
}


def run_probe(
    work: Path, cases: list[str], log: Callable[[str], None] = print
) -> dict[str, list[str]]:
    """Each case on its own copy of a freshly built seed index; its lines for RESULTS.md."""
    corpus = seed_corpus(work)
    pristine = work / "pristine-index"
    build_index(corpus, pristine)
    lines = {}
    for name in cases:
        case_dir = work / name
        case_dir.mkdir()
        index_dir = case_dir / "index"
        shutil.copytree(pristine, index_dir)
        case_corpus = case_dir / "corpus"
        shutil.copytree(corpus, case_corpus)
        load = os.getloadavg()[0]
        started = time.monotonic()
        found = CASES[name](case_dir, case_corpus, index_dir)
        found = [f"{line} [load {load:.1f}]" for line in found]
        for line in found:
            log(line)
        log(f"({name}: {time.monotonic() - started:.0f} s)")
        lines[name] = found
    return lines
