"""The better-off analysis on the profit axis, compare with a business, explain and the JSON of self-employment.

Hand-worked from the 2025-26 rules (day 7 April 2025), as in tests/dwp/test_universal_credit_self_employment.py:
national living wage £12.21 (21 or over); standard allowance single 25+ £400.14; taper 55%; no work
allowance (no children, no limited capability for work); personal allowance and Class 4 lower
profits limit £12,570; basic rate 20%; Class 4 main rate 6%; Class 1 8% above £12,570.

Alex, 30, single, rents privately at £600 a month (local housing allowance £600), self-employed since
2020 (past the start-up period), 30 hours a week. Expected hours 35 (reg 88(1)).

* Minimum income floor (reg 62, 90): 35 x 12.21 = 427.35 a week x 52 / 12 = £1,851.85 a month gross;
  notional tax and NI as a year 20% x 9,652.20 + 6% x 9,652.20 = 2,509.572 / 12 -> £209.13; floor
  1,851.85 - 209.13 = £1,642.72 a month.
* Without the business: UC 400.14 + 600 = £1,000.14; left to live on 1,000.14 - 600 = £400.14 a month.
* With the business and profit below the floor, earned income is taken as £1,642.72: deduction
  55% x 1,642.72 = 903.496 -> 903.50, UC £96.64 whatever the profit.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
import yaml
from benefitcalc import cli
from benefitcalc.analysis import run_profit
from benefitcalc.api import to_json
from benefitcalc.engine import make_context
from benefitcalc.examples import example_scenario
from benefitcalc.explain import explain, render
from benefitcalc.explain import to_json as explain_json
from benefitcalc.loader import RuleSet
from benefitcalc.scenario import scenario_from_data
from click.testing import CliRunner

D = Decimal


def _alex(profit: str = "800", started: str = "2020-01-01") -> dict[str, Any]:
    return {
        "tax_year": "2025-26",
        "adults": [
            {
                "name": "Alex",
                "age": 30,
                "self_employment": {
                    "profit": {"amount": profit, "period": "month"},
                    "hours_per_week": 30,
                    "started": started,
                },
            }
        ],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 600, "period": "month"},
            "local_housing_allowance": {"amount": 600, "period": "month"},
        },
    }


def test_profit_sweep_finds_the_floor_and_break_even(ruleset: RuleSet) -> None:
    """Below the floor UC stays £96.64, so left to live on is profit + 96.64 - 600 (no tax below £1,047.50
    a month, 12,570 / 12). Break-even with £400.14: profit = 400.14 + 600 - 96.64 = £903.50.

    The floor stops lifting earnings where profit less tax and Class 4 reaches £1,642.72: above 1,047.50
    a month each £1 of profit costs 20p + 6p, so net = p - 0.26 x (p - 1,047.50) = 0.74p + 272.35.
    At p = 1,851.84: 1,370.3616 + 272.35 = 1,642.7116, short by 0.0084, a lift of 1p; at 1,851.85:
    1,370.369 + 272.35 = 1,642.719, short by 0.001, which rounds to no lift. So the floor is £1,851.85."""
    scenario = scenario_from_data(_alex())
    ctx = make_context(scenario, ruleset)
    analysis = run_profit(scenario, [D(0), D(500), D(900), D(1500)], ctx)
    assert analysis.axis == "profit"
    assert analysis.baseline_kind == "zero" and analysis.baseline_value is None
    assert analysis.baseline.programmes["universal_credit"].amount == D("1000.14")
    assert [p.programmes["universal_credit"].amount for p in analysis.points] == [D("96.64")] * 4
    assert analysis.break_even is not None and analysis.break_even.profit == D("903.50")
    assert analysis.minimum_income_floor is not None and analysis.minimum_income_floor.profit == D("1851.85")
    # below the floor each £1 of profit is kept whole: no tax, no NI, UC unchanged
    assert analysis.marginal_rates[1] == 0 and analysis.marginal_rates[2] == 0
    assert not analysis.cliffs


def test_the_profit_document_says_its_axis_and_where_the_floor_ends(ruleset: RuleSet) -> None:
    """The same analysis as JSON: better off at £500 profit is (500 + 96.64 - 600) - 400.14 = -£403.50; at
    £1,000, 496.64 - 400.14 = £96.50 a month, and a week 496.64 x 12 / 52 = 114.6092 -> 114.61 less
    400.14 x 12 / 52 = 92.34: £22.27."""
    doc = to_json(_alex(), profits=[0, 500, 1000], rules=ruleset)
    assert doc["axis"] == "profit"
    assert [p["profit"] for p in doc["points"]] == [0.0, 500.0, 1000.0]
    assert doc["points"][1]["better_off"] == -403.50
    assert doc["break_even_profit"] == 903.50
    assert doc["minimum_income_floor_profit"] == 1851.85
    assert doc["searched_to_profit"] == 1000.0
    assert "baseline_profit" not in doc  # "not working" is the household without the business
    assert doc["summary"] == (
        "Making £1,000.00 a month profit leaves Alex £22.27 a week (£96.50 a month) better off than without the "
        "business."
    )
    # searched only as far as the profits asked for: no break-even up to £900
    assert "break_even_profit" not in to_json(_alex(), profits=[0, 900], rules=ruleset)


def test_in_the_start_up_period_there_is_no_floor(ruleset: RuleSet) -> None:
    """Started 1 October 2024: the start-up period runs to 1 October 2025 (reg 63), so at 7 April 2025 UC
    counts the profit: at £500, 1,000.14 - 55% x 500 = £725.14, and there is no floor to find."""
    doc = to_json(_alex(started="2024-10-01"), profits=[0, 500], rules=ruleset)
    assert doc["points"][1]["benefits"]["universal_credit"] == 725.14
    assert "minimum_income_floor_profit" not in doc
    codes = {w["code"] for w in doc["points"][1]["warnings"]}
    assert {"minimum_income_floor_after_start_up", "start_up_period_ends", "self_employed_reporting"} <= codes


def test_people_carry_their_self_employment_in_the_period(ruleset: RuleSet) -> None:
    """Turnover £2,000 and expenses £200 a month: a year 24,000 and 2,400, profit 21,600 (£1,800 a
    month). The trading allowance (£1,000) is less than the expenses, so taxable profit is 21,600.
    Class 4: 6% x (21,600 - 12,570) = £541.80 a year, £45.15 a month; no Class 2 (none due since
    April 2024 and not paid voluntarily)."""
    data = _alex()
    data["adults"][0]["self_employment"] = {
        "turnover": {"amount": 2000, "period": "month"},
        "expenses": {"amount": 200, "period": "month"},
        "hours_per_week": 30,
        "started": "2020-01-01",
    }
    doc = to_json(data, period="month", rules=ruleset)
    business = doc["points"][0]["people"][0]["self_employment"]
    assert {k: v for k, v in business.items() if k != "lines"} == {
        "hours": 30.0,
        "receipts": 2000.0,
        "expenses": 200.0,
        "profit": 1800.0,
        "taxable_profit": 1800.0,
        "class_2": 0.0,
        "class_4": 45.15,
        "personal_pension": 0.0,
    }
    lines = {line["key"]: line for line in business["lines"]}
    assert lines["taxable_profit"]["amount"] == 21600.0 and lines["taxable_profit"]["period"] == "year"
    # a year's figures, in the document's period
    yearly = to_json(data, period="year", rules=ruleset)["points"][0]["people"][0]["self_employment"]
    assert yearly["profit"] == 21600.0 and yearly["class_4"] == 541.80
    # someone with no business has no such key
    sam = to_json(example_scenario("sam"), period="month", rules=ruleset)
    assert "self_employment" not in sam["points"][0]["people"][0]


def test_explain_states_the_floor_in_plain_words(ruleset: RuleSet) -> None:
    """Profit £800: earned income is lifted to £1,642.72, by 1,642.72 - 800 = £842.72."""
    scenario = scenario_from_data(_alex())
    ctx = make_context(scenario, ruleset)
    explanation = explain(scenario, ctx, scenario.worker_hours, period="month")
    text = render(explanation)
    assert "Alex's business: profit £800.00 a month, 30 hours a week." in text
    assert "The minimum income floor lifts the earnings Universal Credit counts by £842.72 a month here" in text
    assert "UC treats Alex as earning at least £1,642.72 a month once the business is past its first year" in text
    assert "Left to live on without the business" in text
    data = explain_json(explanation)
    assert any("report to Universal Credit the money the business received" in t for t in data["self_employment"])


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(cli.main, list(args))


@pytest.fixture()
def alex_file(tmp_path: Any) -> str:
    path = tmp_path / "alex.yaml"
    path.write_text(yaml.safe_dump(_alex()), encoding="utf-8")
    return str(path)


def test_compare_sets_a_job_against_the_business(alex_file: str) -> None:
    """The business as given (profit £800): left to live on 800 + 96.64 - 600 = £296.64, better off
    296.64 - 400.14 = -£103.50. A job instead at £12.21 x 35 hours: £1,851.85 a month (22,222.20 a
    year); tax 20% x 9,652.20 = 1,930.44 and NI 8% x 9,652.20 = 772.176 a year, 160.87 + 64.35 =
    £225.22 a month; net pay 1,626.63; UC 1,000.14 - 55% x 1,626.63 (894.6465 -> 894.65) = £105.49;
    left to live on 1,626.63 + 105.49 - 600 = £1,132.12, better off £731.98."""
    result = _invoke("compare", alex_file, "--job", "12.21x35", "--json")
    assert result.exit_code == 0, result.output
    business, job = json.loads(result.output)["options"]
    assert business["kind"] == "self_employment" and business["profit"] == 800.0 and business["hourly_pay"] is None
    assert business["point"]["disposable_income"] == 296.64
    assert business["point"]["better_off"] == -103.50
    assert job["kind"] == "job" and job["hourly_pay"] == 12.21 and job["hours"] == 35.0
    assert job["point"]["benefits"]["universal_credit"] == 105.49
    assert job["point"]["disposable_income"] == 1132.12
    assert job["point"]["better_off"] == 731.98
    table = _invoke("compare", alex_file, "--job", "12.21x35", "--no-color")
    assert "Most left to live on: £12.21/h x 35h." in table.output
    assert "self-employed, £800.00/month profit x 30h" in table.output


def test_sweep_profits_on_the_command_line(alex_file: str) -> None:
    result = _invoke("sweep", alex_file, "--profits", "0:1000:500", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["axis"] == "profit" and [p["profit"] for p in doc["points"]] == [0.0, 500.0, 1000.0]
    table = _invoke("sweep", alex_file, "--profits", "0,903.50", "--no-color").output
    assert "Profit a month" in table
    assert "Breaks even (without the business) at £903.50 a month profit." in table
    csv = _invoke("sweep", alex_file, "--profits", "500", "--csv").output
    assert csv.splitlines()[0].startswith("profit,hours,") and csv.splitlines()[1].startswith("500.00,30,")


@pytest.mark.parametrize(
    "args,message",
    [
        (["--profits", "0:100:10", "--hours", "8"], "give --hours or --profits, not both"),
        (["--profits", "-5"], "-5 is not a profit a month from 0 to 100000"),
        (["--profits", "10.001"], "10.001 is not a whole number of pence"),
        (["--profits", "a lot"], "is not a list of profits"),
    ],
)
def test_sweep_profits_refuses_bad_input(alex_file: str, args: list[str], message: str) -> None:
    result = _invoke("sweep", alex_file, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_a_profit_sweep_needs_a_business() -> None:
    result = _invoke("sweep", "--example", "--profits", "0:1000:500")
    assert result.exit_code == 2
    assert "no adult has `self_employment`" in result.output


def test_a_business_alone_is_swept_by_hours_against_the_household_without_it(ruleset: RuleSet) -> None:
    """0 hours is the household without the business (left to live on £400.14); at the business's 30
    hours, profit £800: 296.64, better off -£103.50."""
    doc = to_json(_alex(), [0, 30], period="month", rules=ruleset)
    assert doc["axis"] == "hours"
    assert [p["disposable_income"] for p in doc["points"]] == [400.14, 296.64]
    assert doc["points"][1]["better_off"] == -103.50
    assert not {w["code"] for w in doc["points"][0]["warnings"]} & {"not_gainfully_self_employed"}
    assert doc["summary"] == (
        "Working 30 hours leaves Alex £23.88 a week (£103.50 a month) worse off than without the business."
    )
