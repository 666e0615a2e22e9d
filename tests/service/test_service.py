"""Batch: every item answered, errors in the documented shape (the HTTP service: tests/web)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from benefitcalc.cli import main
from benefitcalc.loader import load_rules
from benefitcalc.service import batch, batch_lines
from click.testing import CliRunner

# 16 hours at £12.21 in 2025-26, single, 30, no housing costs and no children: no tax or NI
# (£10,158.72 a year is under £12,570) and no UC element but the standard allowance.
# Gross a week = 16 x 12.21 = 195.36. UC a month = 400.14 - 55% x (195.36 x 52 / 12 = 846.56)
# = 400.14 - 465.608 = nil. So net income a week is exactly the pay, 195.36.
SINGLE = {"date": "2025-06-01", "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}]}


@pytest.fixture(scope="module")
def rules() -> Any:
    return load_rules()


def test_batch_answers_every_item_in_order(rules: Any) -> None:
    items = [
        {"id": "ok", "scenario": SINGLE, "hours": [16], "period": "week"},
        {"id": "bad", "scenario": {"adults": []}},
        "not an object",
        {"id": "typo", "scenario": SINGLE, "hour": [16]},
    ]
    rows = list(batch(items, rules))
    assert [row["id"] for row in rows] == ["ok", "bad", 2, "typo"]
    assert [row["ok"] for row in rows] == [True, False, False, False]
    point = rows[0]["result"]["points"][0]
    assert point["gross_earnings"] == 195.36
    assert point["net_income"] == 195.36
    assert rows[1]["error"]["kind"] == "scenario"
    assert "adults" in rows[1]["error"]["message"]
    assert rows[3]["error"] == {
        "kind": "scenario",
        "where": "item",
        "message": "unknown key(s) ['hour']; allowed: id, scenario, hours, period",
    }


def test_batch_lines_gives_an_error_row_for_a_line_that_is_not_json(rules: Any) -> None:
    lines = [json.dumps(SINGLE), "", "{not json", json.dumps({"scenario": SINGLE, "hours": "0:16:8"})]
    rows = list(batch_lines(lines, rules))
    assert [row["id"] for row in rows] == ["line 1", "line 3", "line 4"]
    assert [row["ok"] for row in rows] == [True, False, True]
    assert rows[1]["error"]["message"].startswith("not valid JSON")
    assert [p["hours"] for p in rows[2]["result"]["points"]] == [0.0, 8.0, 16.0]


def test_batch_command_exit_code_reflects_failed_rows() -> None:
    runner = CliRunner()
    good = runner.invoke(main, ["batch", "-"], input=json.dumps(SINGLE) + "\n")
    assert good.exit_code == 0, good.output
    assert json.loads(good.output.splitlines()[0])["ok"] is True
    bad = runner.invoke(main, ["batch", "-"], input=json.dumps(SINGLE) + "\nnope\n")
    assert bad.exit_code == 1
    assert [json.loads(line)["ok"] for line in bad.output.splitlines()] == [True, False]
