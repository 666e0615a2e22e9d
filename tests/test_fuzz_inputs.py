"""Fuzz: generated and mutated scenarios, rules files and batch lines never end in a traceback.

Through the command line (click's CliRunner) and the batch path, hypothesis feeds hostile inputs
(tests/hostile.py) and checks the documented exit codes: a single calculation exits 0 (done) or 2
(refused, one plain message); a batch exits 0 (every row answered with a result) or 1 (some rows
answered with an error), and answers every non-blank line exactly once, in order.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from benefitcalc.batch import batch_lines
from benefitcalc.cli import main
from benefitcalc.errors import RulesError
from benefitcalc.loader.strict_yaml import parse_yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_spec = importlib.util.spec_from_file_location("hostile", Path(__file__).parent / "hostile.py")
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(document=hostile.documents())
def test_a_scenario_file_is_calculated_or_refused_in_one_message(tmp_path: Path, document: tuple[str, bytes]) -> None:
    suffix, data = document
    path = tmp_path / f"scenario{suffix}"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["calc", str(path), "--hours", "16"])
    hostile.assert_clean(result, (0, 2))
    if result.exit_code == 2:
        message = result.stderr.splitlines()
        assert len(message) == 1 and message[0].startswith(f"benefitcalc: error: {path}: ")


@settings(max_examples=300, deadline=None)
@given(document=hostile.documents())
def test_a_rules_file_is_read_or_refused_as_a_rules_error(document: tuple[str, bytes]) -> None:
    _, data = document
    try:
        parse_yaml(data, "overlay/x.yaml")
    except RulesError as exc:
        assert exc.where == "overlay/x.yaml"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=hostile.documents())
def test_rules_validate_on_a_hostile_overlay_refuses_cleanly(tmp_path: Path, document: tuple[str, bytes]) -> None:
    overlay = tmp_path / "overlay"
    (overlay / "hmrc").mkdir(parents=True, exist_ok=True)
    (overlay / "hmrc" / "income_tax.yaml").write_bytes(document[1])
    result = CliRunner().invoke(main, ["rules", "validate", str(overlay)])
    hostile.assert_clean(result, (0, 2))


def _answered_once(lines: list[bytes], output: str) -> list[dict[str, Any]]:
    rows = [json.loads(out) for out in output.splitlines()]
    non_blank = [number for number, line in enumerate(lines, start=1) if line.strip()]
    assert len(rows) == len(non_blank)
    for number, row in zip(non_blank, rows):
        assert set(row) in ({"id", "ok", "result"}, {"id", "ok", "error"})
        if not row["ok"]:
            assert set(row["error"]) == {"kind", "where", "message"}
            assert row["error"]["kind"] != "internal", row["error"]
            if row["error"]["where"] and row["error"]["where"].startswith("line "):
                assert row["id"] == f"line {number}"  # a line that cannot be read is named by its number
    return rows


@FUZZ
@given(lines=hostile.batch_lines())
def test_a_batch_answers_every_line_once(lines: list[bytes]) -> None:
    result = CliRunner().invoke(main, ["batch", "-"], input=b"\n".join(lines) + b"\n")
    hostile.assert_clean(result, (0, 1))
    rows = _answered_once(lines, result.stdout)
    assert result.exit_code == (0 if all(row["ok"] for row in rows) else 1)


@settings(max_examples=30, deadline=None)
@given(lines=hostile.batch_lines())
def test_the_batch_library_answers_every_line_once(ruleset: Any, lines: list[bytes]) -> None:
    _answered_once(lines, "\n".join(json.dumps(row, default=str) for row in batch_lines(lines, ruleset)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(
        st.sampled_from(["", "30", "x", "12.21", "£1,500", "NaN", "1e999", "-1", "0;8", "\u00a3"]),
        min_size=6,
        max_size=6,
    )
)
def test_a_spreadsheet_row_is_answered_once(tmp_path: Path, cells: list[str]) -> None:
    households = tmp_path / "households.csv"
    households.write_text("age,hourly_pay,hours,rent,tenure,children_ages\n" + ",".join(cells) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["batch", str(households), "-o", str(out)])
    hostile.assert_clean(result, (0, 1))
    results = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    errors = (tmp_path / "out.errors.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    answered = {line.split(",")[0] for line in results + errors}
    if any(cells):
        assert answered == {"2"} and (bool(results) != bool(errors))
    else:
        assert answered == set()  # a blank row is not a household


@pytest.mark.parametrize("jobs", ["2"])
def test_a_hostile_batch_with_two_workers(tmp_path: Path, jobs: str) -> None:
    lines = [
        b"[" * 5000,
        b'{"scenario": {"adults": [{"age": NaN}]}}',
        b"\xa3",
        json.dumps(hostile.SEEDS[0]).encode(),
        b"{",
    ]
    source = tmp_path / "hostile.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    result = CliRunner().invoke(main, ["batch", str(source), "--jobs", jobs])
    hostile.assert_clean(result, (1,))
    rows = _answered_once(lines, result.stdout)
    assert [row["ok"] for row in rows] == [False, False, False, True, False]
