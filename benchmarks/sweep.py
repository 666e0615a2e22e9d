"""Benchmark: a 0-40 hour sweep in 0.5 hour steps (81 points) on the built-in example.

cold: the whole CLI process (`python -m benefitcalc sweep --example --hours 0:40:0.5 --json`),
      median of several runs;
warm: the library call with the rules already loaded (`api.run` + JSON document), median.
Run: `make bench` or `python benchmarks/sweep.py`. Record the figures in the README.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from decimal import Decimal


def cold(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "benefitcalc", "sweep", "--example", "--hours", "0:40:0.5", "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm(runs: int = 30) -> tuple[float, float]:
    from benefitcalc.api import run
    from benefitcalc.engine import make_context
    from benefitcalc.examples import example_scenario
    from benefitcalc.views import document

    scenario = example_scenario("sam")
    ctx = make_context(scenario)
    hours = [Decimal(i) / 2 for i in range(81)]
    engine_times, total_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        points, baseline = run(scenario, hours, ctx)
        middle = time.perf_counter()
        document(scenario, ctx, points, baseline, "month")
        end = time.perf_counter()
        engine_times.append(middle - start)
        total_times.append(end - start)
    return statistics.median(engine_times), statistics.median(total_times)


def main() -> None:
    engine, total = warm()
    print(f"warm library sweep, 81 points: engine {engine * 1000:.1f} ms; with the JSON document {total * 1000:.1f} ms")
    print(f"cold CLI process, 81 points, --json: {cold() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
