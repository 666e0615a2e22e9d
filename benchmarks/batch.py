"""Benchmark: household-sweeps a second for `benefitcalc batch` with 1 and 2 worker processes.

Makes a caseload of 1,000 households (by default) varied from the batch template (Sam: LCWRA, ESA
support group, PIP, a social tenant) and two other shapes (a lone parent with childcare, a couple),
each swept at the default hours (0, 8, 16, 24, 30 and 37.5) with the cliff-edge search, and times
whole `benefitcalc batch FILE --jobs N -o out.csv` processes (the rules loaded from the parse cache,
the workers' start-up included). Also reports the peak memory (RSS) of the run, which stays flat
however long the file: the rows stream from reader to workers to writer.

Run: `python benchmarks/batch.py [--households N] [--jobs 1 2]` with benefitcalc installed. Record
the figures in the README. Timings on a shared machine vary by a third or more from run to run.
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPES = (
    {},  # the template's household as it stands
    {
        "name": "Jo",
        "age": "28",
        "health": "",
        "health_element_protected": "",
        "esa_group": "",
        "pip_daily_living": "",
        "children_ages": "7;4",
        "rent": "650",
        "rent_period": "month",
        "childcare": "300",
    },
    {"partner_name": "Kim", "partner_age": "31", "partner_earnings": "900", "health": "lcw", "esa_group": "wrag"},
)


def caseload(path: Path, households: int) -> None:
    from benefitcalc.batch.csv_in import COLUMN_NAMES, template

    example = dict(zip(COLUMN_NAMES, list(csv.reader(io.StringIO(template())))[1]))
    example["hours"] = ""  # the default hours
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, COLUMN_NAMES)
        writer.writeheader()
        for n in range(households):
            row = {**example, **SHAPES[n % len(SHAPES)], "id": f"H{n:05d}"}
            row["hourly_pay"] = f"{12.21 + (n % 40) * 0.25:.2f}"  # £12.21 to £21.96 an hour
            writer.writerow(row)


def timed(command: list[str]) -> tuple[float, int]:
    """Seconds and the peak RSS (kB) of the child process that ran ``command``."""
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "caseload.csv"
        caseload(source, args.households)
        benefitcalc = [sys.executable, "-m", "benefitcalc"]
        subprocess.run([*benefitcalc, "--version"], check=True, stdout=subprocess.DEVNULL)  # the parse cache warm
        print(f"{args.households:,} households, 6 hours points each (the default), CSV in and out")
        for jobs in args.jobs:
            out = Path(folder) / f"out{jobs}.csv"
            seconds, rss = timed([*benefitcalc, "batch", str(source), "--jobs", str(jobs), "-o", str(out)])
            rows = sum(1 for _ in open(out, encoding="utf-8-sig")) - 1
            print(
                f"--jobs {jobs}: {seconds:6.1f} s, {args.households / seconds:5.1f} household-sweeps/s "
                f"({rows:,} result rows; peak RSS of any process so far {rss / 1024:.0f} MB)"
            )


if __name__ == "__main__":
    main()
