"""Batch and HTTP service: every item answered, errors in the documented shape, nothing logged."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from benefitcalc.cli import main
from benefitcalc.loader import load_rules
from benefitcalc.service import batch, batch_lines, make_server
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


@pytest.fixture(scope="module")
def server(rules: Any) -> Iterator[str]:
    srv = make_server(rules, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _post(url: str, body: Any) -> tuple[int, Any]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_health_and_schema(server: str) -> None:
    with urllib.request.urlopen(server + "/v1/health", timeout=10) as response:
        body = json.loads(response.read())
    assert body["status"] == "ok" and body["rules"]["version"]
    with urllib.request.urlopen(server + "/v1/schema", timeout=10) as response:
        assert "adults" in json.loads(response.read())["properties"]


def test_sweep_endpoint_returns_the_json_document(server: str) -> None:
    status, body = _post(server + "/v1/sweep", {"scenario": SINGLE, "hours": [0, 16], "period": "week"})
    assert status == 200
    assert [p["hours"] for p in body["points"]] == [0.0, 16.0]
    # At 0 hours UC is the standard allowance, 400.14 a month = 400.14 x 12 / 52 = 92.34 a week;
    # at 16 hours UC is nil (above), so better off = 195.36 - 92.34 = 103.02.
    assert body["points"][0]["benefits"]["universal_credit"] == 92.34
    assert body["points"][1]["better_off"] == 103.02


def test_errors_have_one_shape(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, body = _post(server + "/v1/sweep", {"scenario": {"adults": [{"age": 30, "job": {"hourly_pay": -1}}]}})
    assert status == 422
    assert body["error"]["kind"] == "scenario"
    assert "hourly_pay" in body["error"]["message"]
    status, body = _post(server + "/v1/sweep", b"{oops")
    assert status == 400 and body["error"]["where"] == "body"
    status, body = _post(server + "/v1/nothing", {})
    assert status == 404 and body["error"]["kind"] == "not_found"
    status, body = _post(server + "/v1/batch", {"items": [{"id": 7, "scenario": SINGLE}, {"id": 8, "scenario": {}}]})
    assert status == 200
    assert [(r["id"], r["ok"]) for r in body["results"]] == [(7, True), (8, False)]
    # The access log names method, path and status only, never the client's data.
    logged = capsys.readouterr().err
    assert "POST /v1/batch" in logged
    assert "12.21" not in logged and "hourly_pay" not in logged
