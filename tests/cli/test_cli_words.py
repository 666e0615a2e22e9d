"""The CLI in a new adviser's words (issue #11): the job's hours always shown, `quick` naming its own
options, the report counting options."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from benefitcalc import cli
from benefitcalc.examples import example_text
from click.testing import CliRunner


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.output


def test_the_sweep_default_hours_include_the_job_being_offered(tmp_path: Path) -> None:
    data = yaml.safe_load(example_text("sam"))
    data["adults"][0]["job"]["hours"] = 20
    path = tmp_path / "sam20.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out = _run("sweep", str(path), "--json")
    assert code == 0, out
    assert [p["hours"] for p in json.loads(out)["points"]] == [0, 8, 16, 20, 24, 30, 37.5]
    assert json.loads(out)["summary"].startswith("Working 20 hours leaves Sam")


def test_the_report_shows_the_job_hours_and_now_and_counts_options(tmp_path: Path) -> None:
    out_file = tmp_path / "sam.html"
    code, out = _run("report", "--example", "--hours", "8,24", "-o", str(out_file))
    assert code == 0, out
    assert out == f"wrote {out_file} (HTML, 4 options)\n"  # 0 (now), 8, 16 (the job), 24
    html = out_file.read_text(encoding="utf-8")
    assert "16 hours a week (the job&#x27;s hours)" in html or "16 hours a week (the job's hours)" in html


def test_quick_errors_name_its_options_not_scenario_fields() -> None:
    assert _run("quick", "--age", "30", "--pay", "0")[1] == (
        "benefitcalc: error: --pay: Input should be greater than 0 (got '0')\n"
    )
    assert _run("quick", "--age", "30", "--pay", "12", "--carer", "200")[1] == (
        "benefitcalc: error: --carer: Input should be less than or equal to 168 (got '200')\n"
    )
    code, out = _run("quick", "--age", "30", "--pay", "12", "--date", "2030-13-01")
    assert code == 2 and out.startswith("benefitcalc: error: --date: ")


def test_quick_warnings_name_its_options() -> None:
    code, out = _run("quick", "--age", "30", "--pay", "12", "--rent", "100/week", "--hours", "0,16", "--no-color")
    assert code == 0, out
    assert "Social rent with no --bedrooms given: no under-occupancy deduction has been applied" in out
    assert "`" not in out
