"""A bounded load test on loopback: an asyncio httpx client, at most a few thousand
requests, stopping by itself, against the server running as its own process.

Three phases send the same mix of /search queries (plus /health and /facets):

- one client, each request sent as soon as the last returns: the single-client latency;
- 20 concurrent users, each pausing a random 0.5–1.5 s between requests as a member at
  the search box does (locust's `wait_time = between(0.5, 1.5)`): the 3x p95 target;
- saturation: 20 clients with no pause. On 2 cores this measures throughput; its latency
  is set by queueing (Little's law: 20 in flight / throughput), whatever the code does.

The server's RSS (psutil, by pid) is sampled through the run to see that it levels off
rather than growing with the requests.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field

import httpx

QUERIES = [
    "agency staff", "overspend", "Ofsted monitoring visit", "foster carers",
    "children in care placements", "social worker caseloads", "budget savings",
    "what did the committee say about agency social workers",
    "how has the overspend changed between 2018 and 2022", "MASH",
]  # fmt: skip


@dataclass
class Phase:
    name: str
    clients: int
    think_s: tuple[float, float] = (0.0, 0.0)
    route: str = "mix"
    """"mix": /search with a /health or /facets in ten; "search" or "ask": that route only."""
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def pct(self, q: float) -> float:
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] * 1000 if data else 0.0

    def line(self) -> str:
        pause = f", {self.think_s[0]}-{self.think_s[1]} s between requests" * any(self.think_s)
        return (
            f"{self.name} ({self.clients} client(s){pause}): {self.requests} requests, "
            f"{self.errors} errors, "
            f"p50 {self.pct(0.5):.0f} ms, p95 {self.pct(0.95):.0f} ms, "
            f"p99 {self.pct(0.99):.0f} ms, {self.requests / self.seconds:.1f} req/s"
        )


async def _send(http: httpx.AsyncClient, phase: Phase, n: int, due: float) -> None:
    """Request number `n` of `phase`; its latency counts from `due` (when it should
    have been sent), so a client that falls behind does not hide the queueing."""
    query = QUERIES[n % len(QUERIES)]
    try:
        if phase.route == "ask":
            response = await http.post("/ask", json={"question": query})
        elif phase.route == "mix" and n % 10 == 9:
            response = await http.get("/health" if n % 20 == 19 else "/facets")
        else:
            response = await http.get("/search", params={"q": query, "k": 10})
        ok = response.status_code == 200
    except httpx.HTTPError:
        ok = False
    phase.latencies.append(time.perf_counter() - due)
    phase.requests += 1
    phase.errors += not ok


async def _run(url: str, phase: Phase, per_client: int, seed: int = 7) -> Phase:
    clients = phase.clients
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def one(slot: int, http: httpx.AsyncClient) -> None:
        pauses = random.Random(seed * 1000 + slot)
        for i in range(per_client):
            if any(phase.think_s):
                await asyncio.sleep(pauses.uniform(*phase.think_s))
            await _send(http, phase, slot * per_client + i, time.perf_counter())

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        await asyncio.gather(*(one(slot, http) for slot in range(clients)))
    phase.seconds = time.perf_counter() - started
    return phase


@dataclass
class Round:
    single: Phase
    users: Phase
    saturation: Phase

    @property
    def phases(self) -> tuple[Phase, Phase, Phase]:
        return self.single, self.users, self.saturation

    def ratio(self, phase: Phase) -> float:
        return phase.pct(0.95) / max(self.single.pct(0.95), 1e-9)


@dataclass
class LoadResult:
    rounds: list[Round]
    rss_mb: list[float]

    @property
    def ratio(self) -> float:
        """Median over rounds of (p95 of the concurrent users / single-client p95)."""
        return statistics.median(r.ratio(r.users) for r in self.rounds)

    def lines(self) -> list[str]:
        out = []
        for i, r in enumerate(self.rounds, 1):
            out += [f"round {i}: {phase.line()}" for phase in r.phases]
        users = [r.ratio(r.users) for r in self.rounds]
        saturation = [r.ratio(r.saturation) for r in self.rounds]
        quarter = len(self.rss_mb) // 4
        phases = [p for r in self.rounds for p in r.phases]
        out += [
            f"p95 of {self.rounds[0].users.clients} users / single-client p95, median of "
            f"{len(self.rounds)} rounds: {self.ratio:.1f}x "
            f"(rounds: {', '.join(f'{x:.1f}x' for x in users)}; saturation: "
            f"{', '.join(f'{x:.1f}x' for x in saturation)})",
            "server RSS MB at each quarter of the run: "
            + ", ".join(
                f"{self.rss_mb[min(i * quarter, len(self.rss_mb) - 1)]:.0f}" for i in range(5)
            )  # fmt: skip
            + f"; max {max(self.rss_mb):.0f}",
            f"requests sent: {sum(p.requests for p in phases)} (+10 warm-up), "
            f"errors: {sum(p.errors for p in phases)}",
        ]
        return out


def run_load(
    url: str, server_pid: int, single_requests: int = 60, clients: int = 20,
    per_client: int = 30, rounds: int = 3,
) -> LoadResult:  # fmt: skip
    """`rounds` times: one client, then `clients` users pausing between requests, then
    `clients` clients without pauses (saturation, with fewer requests each)."""
    import threading

    import psutil

    process = psutil.Process(server_pid)
    rss: list[float] = [process.memory_info().rss / 2**20]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            rss.append(process.memory_info().rss / 2**20)

    asyncio.run(_run(url, Phase("warm-up", 1), 10))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    results = []
    for seed in range(rounds):
        single = asyncio.run(_run(url, Phase("single client", 1), single_requests, seed))
        users = Phase("concurrent users", clients, (0.5, 1.5))
        asyncio.run(_run(url, users, per_client, seed))
        saturation = asyncio.run(
            _run(url, Phase("saturation", clients), max(per_client * 2 // 3, 1), seed)
        )
        results.append(Round(single, users, saturation))
    done.set()
    sampler.join()
    rss.append(process.memory_info().rss / 2**20)
    return LoadResult(results, rss)


@dataclass
class OpenLoop:
    """Requests sent at a fixed offered rate whatever the server's pace (an open loop):
    unlike 20 clients that wait for their answers, arrivals do not slow down when the
    server does, so the latency shows the queue a real crowd would build."""

    phase: Phase
    rate: float
    seconds: float
    late: int = 0
    """Requests the client itself sent over 50 ms after their time (client overloaded)."""

    def line(self) -> str:
        p = self.phase
        return (
            f"open loop {p.route}, {self.rate:g} req/s offered for {self.seconds:.0f} s: "
            f"{p.requests} requests, {p.errors} errors, {p.requests / p.seconds:.1f} req/s "
            f"served, p50 {p.pct(0.5):.0f} ms, p95 {p.pct(0.95):.0f} ms, "
            f"p99 {p.pct(0.99):.0f} ms, sent late by the client: {self.late}"
        )


async def _open_loop(url: str, route: str, rate: float, seconds: float) -> OpenLoop:
    run = OpenLoop(Phase("open loop", 0, route=route), rate, seconds)
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    count = max(1, int(rate * seconds))
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        tasks = []
        for n in range(count):
            due = started + n / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            run.late += time.perf_counter() - due > 0.05
            tasks.append(asyncio.create_task(_send(http, run.phase, n, due)))
        await asyncio.gather(*tasks)
    run.phase.seconds = time.perf_counter() - started
    return run


def open_loop(url: str, route: str, rate: float, seconds: float) -> OpenLoop:
    """`rate` requests a second to `route` ("search" or "ask") for `seconds`."""
    return asyncio.run(_open_loop(url, route, rate, seconds))


def closed_loop(url: str, route: str, clients: int, per_client: int) -> Phase:
    """`clients` clients each sending `per_client` requests to `route` with no pause."""
    return asyncio.run(_run(url, Phase(f"{route}, no pause", clients, route=route), per_client))
