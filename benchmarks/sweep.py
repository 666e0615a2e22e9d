"""Benchmark: a 0-40 hour sweep in 0.5 hour steps (81 points) on the built-in example (Sam).

warm: the library call with the rules already loaded and resolved: the engine's 81 points
      (`api.run`), then the same with the JSON document (`views.document`, which adds the better-off
      analysis and its own points), median of many runs;
cold: whole processes, median of several runs:
      `benefitcalc sweep --example --hours 0:40:0.5 --json` with the rules' parse cache in place
      (every run after the first), the same with an empty cache (a first run, or after the rules
      change), and `benefitcalc --version`.
The cold runs use a cache directory of their own (BENEFITCALC_CACHE_DIR), never the user's.

Run: `make bench`, or `python benchmarks/sweep.py [--runs N]` with benefitcalc installed (or from a
checkout with PYTHONPATH=.). Record the medians in the README.
Timings on a shared machine vary by a third or more from run to run: run it several times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

SWEEP = ["sweep", "--example", "--hours", "0:40:0.5", "--json"]


def _process(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "benefitcalc", *args], check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def cold(runs: int = 9) -> dict[str, float]:
    """Median seconds for whole CLI processes (see the module docstring)."""
    times: dict[str, list[float]] = {"cached": [], "first": [], "version": []}
    with tempfile.TemporaryDirectory() as folder:
        warm_cache = dict(os.environ, BENEFITCALC_CACHE_DIR=os.path.join(folder, "cache"))
        _process(SWEEP, warm_cache)  # writes the parse cache (and any bytecode) once
        for i in range(runs):
            empty_cache = dict(os.environ, BENEFITCALC_CACHE_DIR=os.path.join(folder, f"empty{i}"))
            times["cached"].append(_process(SWEEP, warm_cache))
            times["first"].append(_process(SWEEP, empty_cache))
            times["version"].append(_process(["--version"], warm_cache))
    return {name: statistics.median(values) for name, values in times.items()}


def warm(runs: int = 30) -> tuple[float, float]:
    """Median seconds for the engine's 81 points, and for the points with the JSON document."""
    from benefitcalc.api import run
    from benefitcalc.engine import make_context
    from benefitcalc.examples import example_scenario
    from benefitcalc.views import document

    scenario = example_scenario("sam")
    ctx = make_context(scenario)
    hours = [Decimal(i) / 2 for i in range(81)]
    run(scenario, hours, ctx)  # first use: the rules resolved for the day, code paths warmed
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="cold runs of each kind (warm: 30)")
    runs = parser.parse_args().runs
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "note: PYTHONDONTWRITEBYTECODE is set, so the cold figures include compiling benefitcalc's "
            "source on every run"
        )
    engine, total = warm()
    print(f"warm library sweep, 81 points: engine {engine * 1000:.1f} ms; with the JSON document {total * 1000:.1f} ms")
    times = cold(runs)
    print(
        f"cold CLI process, 81 points, --json: {times['cached'] * 1000:.0f} ms "
        f"(first run, no parse cache: {times['first'] * 1000:.0f} ms)"
    )
    print(f"cold `benefitcalc --version`: {times['version'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
