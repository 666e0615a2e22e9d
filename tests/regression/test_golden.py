"""REGRESSION PIN of the engine's own output, for refactoring safety. NOT evidence of correctness.

The files in ``golden/`` are what the code produced when they were last regenerated: JSON documents
(benefitcalc.api.to_json) for the four built-in examples and two fixture scenarios, 0 to 40 hours in
half-hour steps, weekly and monthly, and the CLI's JSON, table and CSV for the built-in example. They
let a change that should not alter any figure or any output (a speed-up, a refactor) prove that it
did not: every byte must match, including key order and every float's digits, except two stamps that
are replaced by a placeholder before comparing: the package version (``benefitcalc``) and the rules
digest (``rules.digest``, a hash of the rules files' bytes, which any edit to any rules file changes,
even to a comment). Everything else, the rules version included, is pinned.

They are not expected values. The figures were never checked by hand against the law here; the
tests under tests/dwp, tests/hmrc, tests/local_authority, ... do that. Do not copy figures from these
files into other tests.

When a change is MEANT to change the output (a bug fix, a new or corrected rate, a new field), check
the new figures by those other tests, then regenerate on purpose and review the diff:

    python tests/regression/regenerate.py
    git diff tests/regression/golden
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
SCENARIOS = Path(__file__).parent.parent / "fixtures" / "scenarios"

# 0 to 40 hours in half-hour steps (81 points), as `--hours 0:40:0.5` gives them.
# Every 2 hours from 0 to 40: the better-off analysis still searches between the points to the
# penny, so the cliffs are pinned as finely as with a half-hour sweep, in a tenth of the bytes.
SWEEP = [Decimal(i) * 2 for i in range(21)]
SWEEP_TEXT = "0:40:2"


def _example(name: str) -> Any:
    from benefitcalc.examples import example_scenario

    return example_scenario(name)


def _sam_working_16_now() -> Any:
    """Sam with ``job.current_hours`` 16: `--baseline current` compares with present hours only where
    they are given (with none the client is not working now: 0 hours)."""
    scenario = _example("sam")
    worker = scenario.adults[0]
    job = worker.job.model_copy(update={"current_hours": Decimal(16)})
    return scenario.model_copy(update={"adults": (worker.model_copy(update={"job": job}), *scenario.adults[1:])})


def _fixture(name: str) -> Any:
    from benefitcalc.scenario import load_scenario

    return load_scenario(SCENARIOS / name)


# The two stamps not pinned (see the module docstring).
UNPINNED = "(not pinned: changes with the package version or any edit to the rules files)"
_STAMPS = re.compile(r'\A\{"benefitcalc": "[^"]*", "rules": \{"version": ("[^"]*"), "digest": "[0-9a-f]+"')


def _document(
    load: Callable[[], Any], hours: list[Decimal] | None, period: str, baseline: str = "zero"
) -> Callable[[], str]:
    def make() -> str:
        from benefitcalc.api import to_json

        return dumps(to_json(load(), hours, period=period, baseline=baseline))

    return make


def dumps(doc: dict[str, Any]) -> str:
    """The document as text: key order and every float's repr are pinned, not just the values."""
    doc = {**doc, "benefitcalc": UNPINNED, "rules": {**doc["rules"], "digest": UNPINNED}}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def _unpin_stamps(text: str) -> str:
    """The CLI's JSON text with the two stamps replaced (and nothing else touched)."""
    out, found = _STAMPS.subn(
        lambda m: f'{{"benefitcalc": "{UNPINNED}", "rules": {{"version": {m.group(1)}, "digest": "{UNPINNED}"', text
    )
    assert found == 1, "the document no longer starts with the benefitcalc and rules stamps: update _STAMPS"
    return out


def _cli(*args: str, stamps: bool = False) -> Callable[[], str]:
    def make() -> str:
        from benefitcalc.cli import main
        from click.testing import CliRunner

        result = CliRunner().invoke(main, list(args))
        if result.exit_code != 0:
            raise RuntimeError(f"benefitcalc {' '.join(args)} exited {result.exit_code}: {result.output}")
        return _unpin_stamps(result.output) if stamps else result.output

    return make


def cases() -> dict[str, Callable[[], str]]:
    """File name in ``golden/`` -> a function that produces its text from the current code."""
    from benefitcalc.examples import NAMES

    out: dict[str, Callable[[], str]] = {}
    for name in NAMES:
        out[f"example_{name}_month.json"] = _document(lambda name=name: _example(name), SWEEP, "month")
    out["example_sam_week.json"] = _document(lambda: _example("sam"), SWEEP, "week")
    out["example_sam_month_baseline_current.json"] = _document(_sam_working_16_now, SWEEP, "month", "current")
    out["example_lone_parent_year_one_point.json"] = _document(lambda: _example("lone_parent"), None, "year")
    for file in ("scotland_lone_parent_30h.yaml", "single_16h.json"):
        stem = file.rsplit(".", 1)[0]
        out[f"fixture_{stem}_month.json"] = _document(lambda file=file: _fixture(file), SWEEP, "month")
    # The CLI's own output for the built-in example (piped: compact JSON, plain table, CSV).
    out["cli_sweep_example_table.txt"] = _cli("sweep", "--example", "--hours", SWEEP_TEXT, "--no-color")
    out["cli_sweep_example_csv.txt"] = _cli("sweep", "--example", "--hours", SWEEP_TEXT, "--csv", "--period", "week")
    return out


CASES = cases()


def _first_difference(expected: str, actual: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    line = expected.count("\n", 0, at) + 1
    return f"first difference at line {line}:\n  golden: ...{expected[max(0, at - 120) : at + 120]!r}\n  now:    ...{actual[max(0, at - 120) : at + 120]!r}\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_regression_file(name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    actual = CASES[name]()
    if actual != expected:
        diff = _first_difference(expected, actual) + "".join(
            line if len(line) < 300 else line[:300] + " ...\n"
            for line in list(
                difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden/" + name, "now", n=1)
            )[:40]
        )
        pytest.fail(
            f"{name}: the output differs from the regression pin. If the change is intended, check the figures by other "
            f"means, then run `python tests/regression/regenerate.py` and review the diff.\n{diff}"
        )
