"""``POST /v1/cashflow`` and the profit axis of ``POST /v1/sweep``: the answers and every error in the
one shape (docs/service.md)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.test_api import error

# The household of tests/cashflow/test_timelines.py::test_monthly_pay_starting_mid_assessment_period
# (2026-27 rules): 20 hours at £12.21, starting Monday 18 May 2026, paid monthly on the 26th from 26 June;
# social rent £400 a month; assessment periods from the 10th. Its figures are worked by hand there:
# - the first pay, for 18 May - 26 June: 1,058.20 x 9 / 30 + 1,058.20 = £1,375.66 gross;
#   tax (1,375.66 - 1,047.50) x 20% = £65.63; NI (1,375.66 - 1,048) x 8% = £26.21; net £1,283.82;
# - UC for 10 June - 9 July: 824.90 - 55% x 1,283.82 (706.10) = £118.80, paid 9 July + 7 = 16 July;
# - the next month: net 1,055.24, UC 824.90 - 580.38 = £244.52.
ANN: dict[str, Any] = {
    "date": "2026-05-01",
    "adults": [
        {
            "name": "Ann",
            "age": 30,
            "job": {
                "hourly_pay": "12.21",
                "hours": 20,
                "start_date": "2026-05-18",
                "pay_frequency": "monthly",
                "first_payday": "2026-06-26",
            },
        }
    ],
    "housing": {"tenure": "social_rent", "rent": {"amount": 400, "period": "month"}},
    "universal_credit": {"assessment_period_start_day": 10},
}


def _periods(doc: dict[str, Any]) -> list[tuple[str, list[str], str, str]]:
    return [
        (p["start"], [d["date"] for d in p["paydays"]], p["earnings"], p["universal_credit"])
        for p in doc["assessment_periods"]
    ]


def test_cashflow_answers_with_the_worked_timeline(client: TestClient) -> None:
    response = client.post("/v1/cashflow", json={"scenario": ANN, "months": 3})
    assert response.status_code == 200, response.text
    doc = response.json()
    assert _periods(doc) == [
        ("2026-04-10", [], "0.00", "824.90"),
        ("2026-05-10", [], "0.00", "824.90"),
        ("2026-06-10", ["2026-06-26"], "1375.66", "118.80"),
        ("2026-07-10", ["2026-07-26"], "1058.20", "244.52"),
    ]
    first = doc["assessment_periods"][2]["paydays"][0]
    assert (first["income_tax"], first["national_insurance"], first["net"]) == ("65.63", "26.21", "1283.82")
    assert doc["assessment_periods"][2]["payment_date"] == "2026-07-16"
    assert (doc["start_date"], doc["pay_frequency"], doc["first_payday"]) == ("2026-05-18", "monthly", "2026-06-26")
    assert doc["assessment_period_start_day"] == 10 and doc["assumptions"] == []
    # 10 May - 9 June: the UC of 15 May, £824.90, against rent 400 + the standard allowance 424.90: not short.
    assert doc["tight_periods"] == []


def test_cashflow_options_override_the_scenario(client: TestClient) -> None:
    """The options of `benefitcalc cashflow`, under their JSON names, each over the scenario's value."""
    body = {
        "scenario": ANN,
        "months": 2,
        "start": "2026-06-01",
        "pay_frequency": "four_weekly",
        "first_payday": "2026-06-26",
        "assessment_period_start_day": 16,
        "benefit_payday": "friday",
        "carers_allowance_paid": "weekly",
    }
    doc = client.post("/v1/cashflow", json=body).json()
    assert (doc["start_date"], doc["pay_frequency"], doc["first_payday"]) == ("2026-06-01", "four_weekly", "2026-06-26")
    assert doc["assessment_period_start_day"] == 16
    assert [p["start"] for p in doc["assessment_periods"]] == ["2026-04-16", "2026-05-16", "2026-06-16"]
    # 20 hours x 12.21 = 244.20 a week, four-weekly 976.80; the first pay, for 1-26 June, is 26 of the
    # 28 days of the pay period 30 May - 26 June: 976.80 x 26 / 28 = 907.028... -> 907.03. Under the
    # four-weekly free pay (966.92) and NI threshold (968): no deductions. UC for 16 June - 15 July:
    # 824.90 - 55% x 907.03 (498.8665 -> 498.87) = 326.03.
    period = doc["assessment_periods"][2]
    assert (period["paydays"][0]["date"], period["paydays"][0]["gross"]) == ("2026-06-26", "907.03")
    assert (period["paydays"][0]["income_tax"], period["paydays"][0]["national_insurance"]) == ("0.00", "0.00")
    assert period["universal_credit"] == "326.03"


def test_cashflow_living_costs_move_the_tight_periods(client: TestClient) -> None:
    """Living costs £1,000 (given as the command line takes them): 10 May - 9 June brings in the UC of
    15 May, £824.90, against rent 400 + 1,000 = 1,400: £575.10 short."""
    doc = client.post("/v1/cashflow", json={"scenario": ANN, "months": 2, "living_costs": "£1,000"}).json()
    assert [(t["start"], t["shortfall"]) for t in doc["tight_periods"]][0] == ("2026-05-10", "575.10")
    same = client.post("/v1/cashflow", json={"scenario": ANN, "months": 2, "living_costs": 1000}).json()
    assert same["tight_periods"] == doc["tight_periods"]


def test_cashflow_says_what_it_assumed(client: TestClient) -> None:
    scenario = copy.deepcopy(ANN)
    del scenario["universal_credit"]
    job = scenario["adults"][0]["job"]
    del job["pay_frequency"], job["first_payday"]
    doc = client.post("/v1/cashflow", json={"scenario": scenario, "months": 1}).json()
    assert doc["pay_frequency"] == "monthly" and doc["assessment_period_start_day"] == 1
    assert doc["assumptions"] == [
        "Paid monthly (no `job.pay_frequency` given).",
        f"First payday {doc['first_payday']}, one pay period after starting (no `job.first_payday`).",
        "Assessment periods start on the 1st (no `universal_credit.assessment_period_start_day`).",
    ]


def _without_start() -> dict[str, Any]:
    scenario = copy.deepcopy(ANN)
    del scenario["adults"][0]["job"]["start_date"], scenario["adults"][0]["job"]["first_payday"]
    return scenario


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ({"start": "18/05/2026"}, "start", "'18/05/2026' is not a date: use YYYY-MM-DD"),
        ({"first_payday": "2026-02-30"}, "first_payday", "'2026-02-30' is not a date: use YYYY-MM-DD"),
        (
            {"first_payday": "2026-05-01"},
            "job.first_payday",
            "`first_payday` 2026-05-01 is before `start_date` 2026-05-18: wages are paid for work done, "
            "so the first payday is on or after the first day of work",
        ),
        ({"living_costs": "lots"}, "living_costs", "'lots' is not an amount of money"),
        ({"living_costs": "-5"}, "living_costs", "'-5' is not an amount of money"),
        ({"months": 0}, "months", "months: Input should be greater than or equal to 1"),
        ({"months": 25}, "months", "months: Input should be less than or equal to 24"),
        ({"assessment_period_start_day": 32}, "assessment_period_start_day", None),
        ({"pay_frequency": "daily"}, "pay_frequency", None),
        ({"benefit_payday": "someday"}, "benefit_payday", None),
        ({"month": 3}, "month", "month: Extra inputs are not permitted"),
    ],
)
def test_cashflow_options_are_checked_as_the_command_line_checks_them(
    client: TestClient, body: dict[str, Any], where: str, message: str | None
) -> None:
    response = client.post("/v1/cashflow", json={"scenario": ANN, **body})
    assert response.status_code == 422, response.text
    found = error(response)
    assert found["kind"] == "scenario" and found["where"] == where
    if message is not None:
        assert found["message"] == message


def test_cashflow_needs_a_start_date_and_a_job(client: TestClient) -> None:
    response = client.post("/v1/cashflow", json={"scenario": _without_start()})
    assert response.status_code == 422
    assert error(response) == {
        "kind": "scenario",
        "where": "start",
        "message": "the job's start date is needed: give `job.start_date` or `start`",
    }
    assert client.post("/v1/cashflow", json={"scenario": _without_start(), "start": "2026-05-18"}).status_code == 200
    business = {
        "date": "2026-05-01",
        "adults": [
            {
                "age": 30,
                "self_employment": {
                    "profit": {"amount": 800, "period": "month"},
                    "hours_per_week": 30,
                    "started": "2020-01-01",
                },
            }
        ],
    }
    response = client.post("/v1/cashflow", json={"scenario": business})
    assert response.status_code == 422
    assert error(response)["message"] == "the cash-flow timeline needs a job: give the worker a `job`"


def test_cashflow_past_the_rules_is_422_saying_show_fewer_months(client: TestClient, rules: Any) -> None:
    """24 assessment periods from 10 April 2026 run to April 2028, past the rules' last day."""
    assert rules.covers_to < dt.date(2028, 4, 9)
    response = client.post("/v1/cashflow", json={"scenario": ANN, "months": 24})
    assert response.status_code == 422, response.text
    found = error(response)
    assert found["kind"] == "coverage" and found["where"] == "months"
    assert found["message"].endswith("; or show fewer assessment periods with `months`")


def test_cashflow_odd_bodies_never_give_a_500(client: TestClient) -> None:
    for body in (
        b"null",
        b"{}",
        b'{"scenario": null}',
        b'{"scenario": {}, "months": "x"}',
        b'{"scenario": {"adults": []}}',
    ):
        response = client.post("/v1/cashflow", content=body)
        assert 400 <= response.status_code < 500, (body, response.text)
        error(response)
    assert client.post("/v1/cashflow", content=b"{not json").status_code == 400


# --- the profit axis of /v1/sweep -----------------------------------------------------------------

# Alex of tests/analysis/test_profit_axis.py (2025-26): single, 30, private rent £600 (LHA £600),
# self-employed since 2020, 30 hours a week. Worked there by hand: below the minimum income floor UC
# is £96.64 whatever the profit, so at £500 profit left to live on is 500 + 96.64 - 600 = -3.36 against
# 400.14 without the business: better off -403.50; break-even at £903.50; the floor's edge at £1,851.85.
ALEX: dict[str, Any] = {
    "tax_year": "2025-26",
    "adults": [
        {
            "name": "Alex",
            "age": 30,
            "self_employment": {
                "profit": {"amount": 800, "period": "month"},
                "hours_per_week": 30,
                "started": "2020-01-01",
            },
        }
    ],
    "housing": {
        "tenure": "private_rent",
        "rent": {"amount": 600, "period": "month"},
        "local_housing_allowance": {"amount": 600, "period": "month"},
    },
}


@pytest.mark.parametrize("profits", [[0, 500, 1000], "0:1000:500", [0, 500, 500, 1000]])
def test_sweep_by_profit(client: TestClient, profits: Any) -> None:
    response = client.post("/v1/sweep", json={"scenario": ALEX, "profits": profits})
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc["axis"] == "profit"
    assert [p["profit"] for p in doc["points"]] == [0.0, 500.0, 1000.0]
    assert doc["points"][1]["benefits"]["universal_credit"] == 96.64
    assert doc["points"][1]["better_off"] == -403.50
    assert doc["break_even_profit"] == 903.50
    assert doc["minimum_income_floor_profit"] == 1851.85


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"profits": [0, 500], "hours": [0, 16]}, "give hours or profits, not both"),
        ({"profits": "0,x"}, "'0,x' is not a list of profits: use 0,500,1000 or 0:1500:100"),
        ({"profits": "0,100.005"}, "100.005 is not a whole number of pence"),
        ({"profits": "0,200000"}, "200000 is not a profit a month from 0 to 100000"),
        ({"profits": [0.001]}, "0.001 is not a whole number of pence"),
        ({"profits": [-1]}, None),
        ({"profits": []}, None),
    ],
)
def test_sweep_profits_are_checked(client: TestClient, body: dict[str, Any], message: str | None) -> None:
    response = client.post("/v1/sweep", json={"scenario": ALEX, **body})
    assert response.status_code == 422, response.text
    found = error(response)
    assert found["where"] == "profits"
    if message is not None:
        assert found["message"] == message


def test_the_report_is_by_hours_and_says_so(client: TestClient) -> None:
    response = client.post("/v1/report", json={"scenario": ALEX, "profits": [0, 500], "format": "html"})
    assert response.status_code == 422
    assert error(response)["where"] == "profits"
    assert "sweep a profit with /v1/sweep" in error(response)["message"]


def test_openapi_describes_cashflow_and_profits(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/v1/cashflow"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CashflowRequest"
    }
    schemas = spec["components"]["schemas"]
    properties = schemas["CashflowRequest"]["properties"]
    assert properties["scenario"]["$ref"] == "#/components/schemas/Scenario"
    assert {"start", "months", "pay_frequency", "first_payday", "assessment_period_start_day", "living_costs"} <= set(
        properties
    )
    assert post["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }
    assert "profits" in schemas["SweepRequest"]["properties"]
