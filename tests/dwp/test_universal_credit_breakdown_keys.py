"""The UC breakdown always has the lines issue 3 names, whatever the household (the explain view
and the report read them)."""

from __future__ import annotations

from typing import Any

import benefitcalc
import pytest

REQUIRED = (
    "standard_allowance child_element disabled_child_element lcwra_element carer_element childcare_element housing_element "
    "maximum_amount work_allowance earned_income earnings_deduction unearned_income capital_income benefit_cap_reduction award"
).split()

WORKER = {"age": 40, "job": {"hourly_pay": 12, "hours": 10}}
CASES: dict[str, dict[str, Any]] = {
    "lcw_protected": {
        "date": "2025-06-01",
        "adults": [{**WORKER, "universal_credit_health": "lcw", "lcw_element_protected": True}],
    },
    "owner": {"date": "2025-06-01", "adults": [WORKER], "housing": {"tenure": "owner"}},
    "capital_over_limit": {"date": "2025-06-01", "adults": [WORKER], "capital": 20000},
    "plain": {"date": "2025-06-01", "adults": [WORKER]},
    "family_renting": {
        "date": "2026-06-01",
        "adults": [WORKER],
        "children": [{"age": 3}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 2},
        "childcare": {"amount": 200, "period": "month"},
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_breakdown_has_every_required_line(name: str) -> None:
    breakdown = benefitcalc.to_json(CASES[name], [10])["points"][0]["breakdown"]["universal_credit"]
    assert [key for key in REQUIRED if key not in breakdown] == []


def test_lcw_element_and_a_nil_lcwra_line() -> None:
    # 2025-26: standard allowance 25+ 400.14 + LCW element (protected claim) 158.76 = 558.90
    breakdown = benefitcalc.to_json(CASES["lcw_protected"], [10])["points"][0]["breakdown"]["universal_credit"]
    assert breakdown["lcw_element"]["amount"] == 158.76
    assert breakdown["lcwra_element"]["amount"] == 0.0
    assert breakdown["maximum_amount"]["amount"] == 558.90
