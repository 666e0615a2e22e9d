"""The scenario's self-employment: the worker without a job, and setting the profit or hours."""

from __future__ import annotations

from decimal import Decimal

import pytest
from benefitcalc.scenario import Amount, scenario_from_data

D = Decimal
BUSINESS = {"turnover": {"amount": 1500, "period": "month"}, "expenses": {"amount": 300, "period": "month"},
            "hours_per_week": 25, "started": "2020-01-01"}  # fmt: skip


def test_a_self_employed_adult_is_the_worker_without_a_job() -> None:
    scenario = scenario_from_data({"adults": [{"name": "A", "age": 40, "self_employment": BUSINESS}]})
    assert scenario.worker.name == "A"
    assert scenario.worker_hours == 25
    assert scenario.with_hours(D(10)).worker_hours == 10


def test_with_profit_replaces_turnover_and_expenses() -> None:
    job = {"hourly_pay": "12.50", "hours": 20}
    scenario = scenario_from_data(
        {"adults": [{"name": "A", "age": 40, "job": job}, {"name": "B", "age": 41, "self_employment": BUSINESS}]}
    )
    assert scenario.worker.name == "A"  # the job is the work being considered
    changed = scenario.with_profit(D(700))
    business = changed.adults[1].self_employment
    assert business is not None
    assert business.profit == Amount(amount=D(700), period="month")
    assert business.turnover is None and business.expenses is None
    assert changed.adults[0] == scenario.adults[0]


def test_with_profit_needs_a_self_employed_adult() -> None:
    scenario = scenario_from_data({"adults": [{"name": "A", "age": 40, "job": {"hourly_pay": "12.50"}}]})
    with pytest.raises(ValueError, match="no adult has `self_employment`"):
        scenario.with_profit(D(100))
