"""Concurrent load on a served 1M-claim database: errors, throughput, latency.

Usage:
    PYTHONPATH=. nice python bench/bench_serve.py [--db PATH] [--clients 200]
        [--seconds 60] [--servers 1]

Starts ``datasette serve -i DB`` on 127.0.0.1 only (``--servers N`` starts N
processes on N ports, all on the same immutable file, and the client spreads
requests over them the way a round-robin proxy would), then runs ``--clients``
concurrent asyncio clients (httpx, one connection each) for ``--seconds``
seconds over the plugin's pages and their JSON: the overview, a search, a
random claim group, speaker and article, and the reuse page. Every client
stops at the deadline and every request has a timeout, so the run ends by
itself; the servers it started are stopped by their process ids.

Prints requests, errors (any status but 200, any timeout or connection
error: must be 0), throughput, p50/p95/p99 latency overall and per page, and
the CPU the servers and the client used, which shows what limits the figures
(a server process at ~100% of one core is bound by its one Python
interpreter). The database is bench/bench_pages.py's (built on first use).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

from bench.bench_pages import build, pick_ids

HOST = "127.0.0.1"  # loopback only: the benchmark never listens on a public address
REQUEST_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), 0 when unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_servers(
    db: Path, inspect_file: Path, n: int, log: Path
) -> list[tuple[subprocess.Popen, str]]:
    """N servers on free loopback ports; their output goes to ``log`` (a pipe
    nobody reads would fill and stall a server that prints tracebacks)."""
    servers = []
    out = log.open("ab")
    for _ in range(n):
        port = free_port()
        cmd = [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            "-i",
            str(db),
            "--inspect-file",
            str(inspect_file),
            "-h",
            HOST,
            "-p",
            str(port),
        ]
        proc = subprocess.Popen(cmd, stdout=out, stderr=out)
        servers.append((proc, f"http://{HOST}:{port}"))
    deadline = time.monotonic() + 120
    for proc, base in servers:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"datasette exited: see {log}")
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"datasette at {base} did not start within 120 s")
            time.sleep(0.3)
    return servers


def page_mix(name: str, ids: dict[str, list[int]]) -> list[tuple[str, object]]:
    """(label, path maker) for every plugin page; each is requested as HTML and JSON."""
    pages = [
        ("overview", lambda rng: f"/-/diplo/{name}"),
        ("search", lambda rng: f"/-/diplo/{name}?q=ceasefire+sanctions"),
        ("group", lambda rng: f"/-/diplo/{name}/groups/{rng.choice(ids['groups'])}"),
        ("speaker", lambda rng: f"/-/diplo/{name}/speakers/{rng.choice(ids['speakers'])}"),
        ("article", lambda rng: f"/-/diplo/{name}/articles/{rng.choice(ids['articles'])}"),
        ("reuse", lambda rng: f"/-/diplo/{name}/reuse"),
    ]
    mix = []
    for label, make in pages:
        mix.append((label, make))
        mix.append((label + " JSON", lambda rng, make=make: _as_json(make(rng))))
    return mix


def _as_json(path: str) -> str:
    base, _, query = path.partition("?")
    return base + ".json" + (f"?{query}" if query else "")


async def client(
    index: int, bases: list[str], mix: list, deadline: float, results: dict, errors: list
) -> None:
    import httpx

    rng = random.Random(index)
    base = bases[index % len(bases)]  # one connection per client, spread over the servers
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as http:
        while time.monotonic() < deadline:
            label, make = rng.choice(mix)
            path = make(rng)
            started = time.perf_counter()
            try:
                response = await http.get(path)
                ok = response.status_code == 200
                problem = f"HTTP {response.status_code}"
            except httpx.HTTPError as e:
                ok, problem = False, type(e).__name__
            elapsed_ms = (time.perf_counter() - started) * 1000
            if ok:
                results[label].append(elapsed_ms)
            else:
                errors.append((label, path, problem))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


async def run_clients(bases: list[str], mix: list, clients: int, seconds: float):
    results: dict[str, list[float]] = defaultdict(list)
    errors: list[tuple[str, str, str]] = []
    deadline = time.monotonic() + seconds
    tasks = [
        asyncio.create_task(client(i, bases, mix, deadline, results, errors))
        for i in range(clients)
    ]
    # Bounded in time: a request started just before the deadline may take
    # up to its timeout; nothing outlives that.
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + REQUEST_TIMEOUT_S + 10)
    return results, errors


def report(results: dict, errors: list, wall: float, server_cpu: float, client_cpu: float) -> dict:
    everything = [t for times in results.values() for t in times]
    done = len(everything) + len(errors)
    print(f"\n{'page':<16}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for label in sorted(results):
        times = results[label]
        print(
            f"{label:<16}{len(times):>9}{percentile(times, 0.5):>9.0f}"
            f"{percentile(times, 0.95):>9.0f}{percentile(times, 0.99):>9.0f}"
        )
    summary = {
        "requests": done,
        "errors": len(errors),
        "requests_per_s": round(done / wall, 1),
        "p50_ms": round(percentile(everything, 0.5)),
        "p95_ms": round(percentile(everything, 0.95)),
        "p99_ms": round(percentile(everything, 0.99)),
        "server_cpu_per_wall_s": round(server_cpu / wall, 2),
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(1, done), 1),
        "client_cpu_per_wall_s": round(client_cpu / wall, 2),
    }
    print(
        f"\nall pages: {done} requests in {wall:.1f} s = {summary['requests_per_s']} requests/s; "
        f"errors {len(errors)}; p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"p99 {summary['p99_ms']} ms"
    )
    print(
        f"CPU: servers {summary['server_cpu_per_wall_s']} core-seconds per second "
        f"({summary['server_cpu_ms_per_request']} ms per request), "
        f"client {summary['client_cpu_per_wall_s']} (of {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    for label, path, problem in errors[:10]:
        print(f"error: {label} {path}: {problem}")
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description="concurrent load on datasette serve -i")
    parser.add_argument("--db", default="/tmp/diplo-bench.db")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--servers", type=int, default=1, help="Datasette processes")
    parser.add_argument("--json", action="store_true", help="also print the summary as JSON")
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        build(db)
    inspect_file = db.with_suffix(".inspect.json")
    if not inspect_file.exists():
        # serve -i would otherwise count every table at startup (seconds at 1M claims)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "datasette",
                "inspect",
                str(db),
                "--inspect-file",
                str(inspect_file),
            ],
            check=True,
        )
    mix = page_mix(db.stem, pick_ids(db, random.Random(7), 500))
    log = Path(f"/tmp/bench_serve.{os.getpid()}.log")
    servers = start_servers(db, inspect_file, args.servers, log)
    try:
        bases = [base for _, base in servers]
        print(
            f"{args.clients} clients for {args.seconds:.0f} s against {len(bases)} "
            f"Datasette process(es) on {HOST}, database {db}"
        )
        cpu_before = sum(cpu_seconds(p.pid) for p, _ in servers)
        own_before = time.process_time()
        started = time.monotonic()
        results, errors = asyncio.run(run_clients(bases, mix, args.clients, args.seconds))
        wall = time.monotonic() - started
        server_cpu = sum(cpu_seconds(p.pid) for p, _ in servers) - cpu_before
        summary = report(results, errors, wall, server_cpu, time.process_time() - own_before)
        if args.json:
            print(json.dumps(summary))
        print(f"server output: {log}")
        return 0 if not errors else 1
    finally:
        for proc, _ in servers:
            proc.terminate()
        for proc, _ in servers:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    sys.exit(main())
