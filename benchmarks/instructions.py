"""Instructions executed (valgrind's cachegrind) for the measures of `benchmarks/sweep.py`.

Wall-clock time on a shared machine moves by a fifth from one minute to the next; the number of
instructions a run executes does not, so this is how two builds are compared closely:

    python benchmarks/instructions.py            # with benefitcalc installed (`pip install .`)

prints, in millions of instructions: the warm engine's 81 points, the JSON document (the analysis
and the document's model) on top of them, a cold `sweep --example --hours 0:40:0.5 --json`
process with the rules' parse cache in place, the same with an empty cache (a first run), and
`benefitcalc --version`. Each warm figure is the difference of two whole runs (the second doing one
more sweep or document). Needs `valgrind` (Debian: apt-get install valgrind); takes about a
minute. The runs use a cache directory of their own and a scratch working directory, so that
`python -m benefitcalc` imports the installed package, not a checkout's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

SWEEP = ["-m", "benefitcalc", "sweep", "--example", "--hours", "0:40:0.5", "--json"]

# Set up, warm everything once, then (by argv[1]) one more engine sweep, or one more sweep and document.
WARM = """
import sys
from decimal import Decimal
from benefitcalc.api import run
from benefitcalc.engine import make_context
from benefitcalc.examples import example_scenario
from benefitcalc.views import document
scenario = example_scenario("sam")
ctx = make_context(scenario)
hours = [Decimal(i) / 2 for i in range(81)]
points, baseline = run(scenario, hours, ctx)
document(scenario, ctx, points, baseline, "month")
if sys.argv[1] in ("engine", "document"):
    points, baseline = run(scenario, hours, ctx)
if sys.argv[1] == "document":
    document(scenario, ctx, points, baseline, "month")
"""


def instructions(args: list[str], env: dict[str, str], cwd: str) -> int:
    """Instructions executed by ``python ARGS`` under cachegrind (no cache simulation)."""
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", sys.executable, *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (Debian: apt-get install valgrind)")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        env["BENEFITCALC_CACHE_DIR"] = os.path.join(folder, "cache")
        script = os.path.join(folder, "warm.py")
        with open(script, "w", encoding="utf-8") as out:
            out.write(WARM)
        subprocess.run([sys.executable, *SWEEP], env=env, cwd=folder, stdout=subprocess.DEVNULL, check=True)
        setup = instructions([script, "setup"], env, folder)
        engine = instructions([script, "engine"], env, folder)
        with_document = instructions([script, "document"], env, folder)
        cold = instructions(SWEEP, env, folder)
        version = instructions(["-m", "benefitcalc", "--version"], env, folder)
        first = instructions(SWEEP, {**env, "BENEFITCALC_CACHE_DIR": os.path.join(folder, "empty")}, folder)
    millions = {
        "warm engine, 81 points": engine - setup,
        "the JSON document on top": with_document - engine,
        "cold sweep --json": cold,
        "cold, first run (no parse cache)": first,
        "cold --version": version,
    }
    for name, count in millions.items():
        print(f"{name}: {count / 1e6:,.0f} M instructions")


if __name__ == "__main__":
    main()
