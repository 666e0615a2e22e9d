"""Childcare in the forms advisers are given it (docs/scenario.md), and childcare for a partner's
existing work at 0 hours (UC Regs 2013 reg 32: the work condition is met where one joint claimant
is in paid work and the other has limited capability for work).

Rates from rules/dwp/universal_credit.yaml, 2026-27: the childcare costs element is 85% of the
childcare paid (reg 34(1)); the caps (£1,031.88 one child, £1,768.94 two or more in 2026-27, reg
34(2)) are above every amount here, so the element is 85% of the costs, each rounded to the penny
(reg 6(1)).
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import benefitcalc
import pytest
from benefitcalc.errors import ScenarioError


def lone_parent(childcare: Any, hours: int) -> dict[str, Any]:
    return {
        "date": "2026-11-23",
        "adults": [{"name": "Jo", "age": 28, "job": {"hourly_pay": "12.71", "hours": hours}}],
        "children": [{"age": 4}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 650, "period": "month"}, "bedrooms": 2},
        "childcare": childcare,
    }


def element(data: dict[str, Any]) -> tuple[D, D]:
    point = benefitcalc.calculate(benefitcalc.scenario_from_data(data))
    uc = point.programmes["universal_credit"]
    return uc.line("childcare_element").amount, point.childcare_costs


def test_per_hour_worked() -> None:
    # £5 an hour x 16 hours = £80 a week; x 52 / 12 = £346.666... a month, £346.67 to the penny;
    # 85% = £294.6695, £294.67 (reg 6(1))
    amount, costs = element(lone_parent({"per_hour_worked": 5}, 16))
    assert amount == D("294.67")
    assert costs.quantize(D("0.01")) == D("346.67")


def test_by_hours_takes_the_first_row_that_covers_the_hours_and_the_last_above_them() -> None:
    table = {
        "by_hours": [
            {"up_to_hours": 16, "amount": 300, "period": "month"},
            {"up_to_hours": 30, "amount": 500, "period": "month"},
        ]
    }
    assert element(lone_parent(table, 10))[0] == D("255.00")  # 85% of £300
    assert element(lone_parent(table, 16))[0] == D("255.00")  # 16 is "up to 16"
    assert element(lone_parent(table, 20))[0] == D("425.00")  # 85% of £500
    assert element(lone_parent(table, 35))[0] == D("425.00")  # above the last row: the last row
    assert element(lone_parent(table, 0)) == (D("0"), D("0"))  # no work, no childcare for it


def test_the_short_form_is_the_jobs_childcare() -> None:
    assert element(lone_parent({"amount": 300, "period": "month"}, 20))[0] == D("255.00")
    assert element(lone_parent({"for_the_job": {"amount": 300, "period": "month"}}, 20))[0] == D("255.00")
    assert element(lone_parent({"amount": 300, "period": "month"}, 0)) == (D("0"), D("0"))


def couple(hours: int) -> dict[str, Any]:
    return {
        "date": "2026-11-23",
        "adults": [
            {
                "name": "Sam",
                "age": 34,
                "universal_credit_health": "lcw",
                "job": {"hourly_pay": "12.71", "hours": hours},
            },
            {"name": "Alex", "age": 35, "earnings": {"amount": 1200, "period": "month"}},
        ],
        "children": [{"age": 3}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 600, "period": "month"}, "bedrooms": 2},
        "childcare": {
            "existing": {"amount": 400, "period": "month"},
            "for_the_job": {"amount": 100, "period": "month"},
        },
    }


def test_childcare_for_a_partners_existing_work_counts_at_0_hours() -> None:
    # Alex works; Sam has LCW: the work condition is met (reg 32(1)(b)(ii)), so at 0 hours the
    # element is paid on the £400 a month for Alex's work: 85% = £340.00
    amount, costs = element(couple(0))
    assert amount == D("340.00")
    assert costs == D("400")
    # with Sam in work, the job's £100 is added: 85% of £500 = £425.00
    amount, costs = element(couple(16))
    assert amount == D("425.00")
    assert costs == D("500")


def test_childcare_in_more_than_one_form_is_refused() -> None:
    data = lone_parent({"for_the_job": {"amount": 300, "period": "month"}, "per_hour_worked": 5}, 16)
    with pytest.raises(ScenarioError) as caught:
        benefitcalc.scenario_from_data(data)
    assert caught.value.message == (
        "childcare: give the job's childcare in one form, not for_the_job and per_hour_worked: "
        "for_the_job, per_hour_worked or by_hours"
    )


def test_by_hours_rows_out_of_order_are_refused() -> None:
    table = {
        "by_hours": [
            {"up_to_hours": 30, "amount": 500, "period": "month"},
            {"up_to_hours": 16, "amount": 300, "period": "month"},
        ]
    }
    with pytest.raises(ScenarioError) as caught:
        benefitcalc.scenario_from_data(lone_parent(table, 16))
    assert caught.value.message == "childcare: by_hours rows must be in increasing order of up_to_hours, each once"
