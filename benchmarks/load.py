"""The HTTP service under load: 64 clients at once on loopback, with 1 and then 2 workers.

    python benchmarks/load.py [--clients 64] [--requests 1280] [--seconds 120] [--workers 1,2]

Starts `benefitcalc serve` on 127.0.0.1 (never another address) with a throwaway database, and
has each client send POST /v1/calc (a household at one number of hours, with its cliff-edge
search) over its own keep-alive connection. Bounded: it stops after --requests requests in all or
--seconds seconds, whichever comes first, then stops the server. Prints requests a second, p50
and p99 latency, and every error or dropped connection (there should be none).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"  # loopback only: this script sends traffic nowhere else
# Single, 30, no housing costs, 16 hours at £12.21 in 2025-26 (hand-worked in tests/web/conftest.py).
BODY = json.dumps(
    {
        "scenario": {
            "date": "2025-06-01",
            "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}],
        },
        "period": "week",
    }
).encode()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    issued: int = 0

    def take(self, limit: int, deadline: float) -> bool:
        """Claim the next request, if the bounds allow one."""
        with self.lock:
            if self.issued >= limit or time.monotonic() > deadline:
                return False
            self.issued += 1
            return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _client(port: int, tally: Tally, limit: int, deadline: float) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    while tally.take(limit, deadline):
        start = time.perf_counter()
        try:
            connection.request("POST", "/v1/calc", body=BODY, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"status {response.status}")
        except Exception as exc:  # every failure is counted and shown, whatever it is
            with tally.lock:
                tally.errors.append(repr(exc))
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            continue
        elapsed = time.perf_counter() - start
        with tally.lock:
            tally.latencies.append(elapsed)
    connection.close()


def _start(port: int, workers: int, database: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "BENEFITCALC_API_TOKEN"}
    command = [sys.executable, "-m", "benefitcalc", "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--database", str(database)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/v1/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def run(workers: int, clients: int, limit: int, seconds: float) -> dict[str, float | int]:
    port = _free_port()
    with tempfile.TemporaryDirectory() as scratch:
        server = _start(port, workers, Path(scratch) / "cases.sqlite3")
        try:
            # Warm each worker (first requests load what a calculation needs).
            for _ in range(4 * workers):
                urllib.request.urlopen(
                    urllib.request.Request(f"http://{HOST}:{port}/v1/calc", data=BODY, method="POST"), timeout=60
                ).read()
            tally = Tally()
            deadline = time.monotonic() + seconds
            threads = [threading.Thread(target=_client, args=(port, tally, limit, deadline)) for _ in range(clients)]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies = sorted(tally.latencies)
    cut = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    for error in sorted(set(tally.errors)):
        print(f"  error x{tally.errors.count(error)}: {error}", file=sys.stderr)
    return {
        "workers": workers,
        "clients": clients,
        "requests": len(latencies) + len(tally.errors),
        "errors": len(tally.errors),
        "per_second": len(latencies) / wall,
        "p50_ms": cut[49] * 1000,
        "p99_ms": cut[98] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--requests", type=int, default=1280, help="requests in all, at most 100,000")
    parser.add_argument("--seconds", type=float, default=120.0, help="stop issuing requests after this, at most 600")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2")
    options = parser.parse_args(argv)
    limit, seconds = min(options.requests, 100_000), min(options.seconds, 600.0)
    print(f"{options.clients} clients, POST /v1/calc on {HOST}, {os.cpu_count()} cores")
    print("| workers | requests | errors | requests/s | p50 (ms) | p99 (ms) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    failed = 0
    for workers in (int(w) for w in options.workers.split(",")):
        row = run(workers, options.clients, limit, seconds)
        failed += int(row["errors"])
        print(
            f"| {row['workers']} | {row['requests']} | {row['errors']} | {row['per_second']:.1f} "
            f"| {row['p50_ms']:.0f} | {row['p99_ms']:.0f} |",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
