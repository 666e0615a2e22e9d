"""`benefitcalc cashflow`: the CLI prints the library's document (--json) and a table and chart."""

from __future__ import annotations

import json
from pathlib import Path

from benefitcalc.cli import main
from click.testing import CliRunner

SCENARIO = """\
adults:
  - age: 30
    job: {hourly_pay: 12.21, hours: 20, start_date: 2026-05-18, pay_frequency: monthly, first_payday: 2026-06-26}
housing: {tenure: social_rent, rent: {amount: 400, period: month}, council_tax: {amount: 100, period: month}}
universal_credit: {assessment_period_start_day: 10}
"""


def test_json_and_text(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO)
    result = CliRunner().invoke(main, ["cashflow", str(path), "--months", "2", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    # Hand-worked in test_timelines.test_monthly_pay_starting_mid_assessment_period
    assert [p["universal_credit"] for p in doc["assessment_periods"]] == ["824.90", "824.90", "118.80"]
    assert set(doc["weeks"][0]) == {"start", "wages", "benefits", "total"}
    # 10 May - 9 June: the UC of 15 May (824.90) against rent 400, council tax 100 and living costs
    # (the standard allowance) 424.90: 100.00 short.
    assert [(t["start"], t["shortfall"]) for t in doc["tight_periods"]] == [("2026-05-10", "100.00")]
    text = CliRunner().invoke(main, ["cashflow", str(path), "--months", "2"])
    assert text.exit_code == 0
    assert "2026-06-10 to 2026-07-09  06-26" in text.output
    assert "Tight: From 10 May to 9 June 2026" in text.output


def test_contradiction_is_one_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO)
    result = CliRunner().invoke(main, ["cashflow", str(path), "--first-payday", "2026-05-01"])
    assert result.exit_code == 2
    assert "is before `start_date` 2026-05-18" in result.output


def test_a_business_alone_gets_a_plain_refusal(tmp_path: Path) -> None:
    from benefitcalc.cli import main
    from click.testing import CliRunner

    path = tmp_path / "dani.yaml"
    path.write_text(
        "date: 2026-11-23\nadults:\n  - age: 30\n    self_employment:\n"
        "      profit: {amount: 800, period: month}\n      started: 2025-01-06\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["cashflow", str(path), "--start", "2026-11-30"])
    assert result.exit_code == 2
    assert "this household's worker has a business only" in result.output
    assert "Traceback" not in result.output
