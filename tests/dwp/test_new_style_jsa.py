"""New Style JSA (Jobseekers Act 1995 s.1(2)(e), s.4; JSA Regulations 2013, SI 2013/378).

No JSA in a week of remunerative work of 16 hours or more; below that, net earnings above the
5.00 disregard reduce JSA pound for pound. Rates a week: 25 or over 90.50 / 92.05 / 95.55;
18-24 71.70 / 72.90 / 75.65. Pay in these tests is below the tax and NI thresholds.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

D = Decimal


def jsa_household(tax_year: str, pay: str, hours: Any, age: int = 30, **job: Any) -> dict[str, Any]:
    return {
        "tax_year": tax_year,
        "adults": [{"name": "A", "age": age, "job": {"hourly_pay": pay, "hours": hours, **job}, "new_style_jsa": True}],
        "housing": {"tenure": "owner"},
    }


def jsa(data: dict[str, Any], ruleset: Any) -> Any:
    return benefitcalc.calculate(data, rules=ruleset).programmes["new_style_jsa"]


@pytest.mark.parametrize(
    "tax_year, over_25, under_25",
    [("2024-25", "90.50", "71.70"), ("2025-26", "92.05", "72.90"), ("2026-27", "95.55", "75.65")],
)
def test_rates(ruleset, tax_year, over_25, under_25):
    assert jsa(jsa_household(tax_year, "10", 0), ruleset).amount == D(over_25)
    assert jsa(jsa_household(tax_year, "10", 0, age=22), ruleset).amount == D(under_25)


def test_sixteen_hour_rule(ruleset):
    # 15.9 h x 1.00 = 15.90: 15.90 - 5.00 = 10.90 deducted: 92.05 - 10.90 = 81.15
    assert jsa(jsa_household("2025-26", "1.00", "15.9"), ruleset).amount == D("81.15")
    # 16 h: remunerative work, no JSA however little is earned
    at_16 = jsa(jsa_household("2025-26", "1.00", 16), ruleset)
    assert at_16.amount == 0
    assert at_16.fact("lost") == D("92.05")


def test_five_pound_disregard_then_pound_for_pound(ruleset):
    # 5 h x 1.00 = 5.00: all disregarded
    assert jsa(jsa_household("2025-26", "1.00", 5), ruleset).amount == D("92.05")
    # 10 h x 1.00 = 10.00: 5.00 deducted -> 87.05
    assert jsa(jsa_household("2025-26", "1.00", 10), ruleset).amount == D("87.05")
    # 15 h x 5.00 = 75.00: 70.00 deducted -> 22.05
    assert jsa(jsa_household("2025-26", "5.00", 15), ruleset).amount == D("22.05")
    # 15 h x 7.00 = 105.00: 100.00 deducted > 92.05 -> nil
    assert jsa(jsa_household("2025-26", "7.00", 15), ruleset).amount == 0
    # Aged 22, 2026-27: 10 h x 1.00 -> 75.65 - 5.00 = 70.65
    assert jsa(jsa_household("2026-27", "1.00", 10, age=22), ruleset).amount == D("70.65")


def test_half_of_pension_contributions_deducted(ruleset):
    # 10 h x 10.00 = 100.00; 10% pension = 10.00, half = 5.00; earnings 95.00; 90.00 over the
    # disregard: 92.05 - 90.00 = 2.05
    assert jsa(jsa_household("2025-26", "10.00", 10, pension={"employee_rate": "0.10"}), ruleset).amount == D("2.05")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pence=st.integers(min_value=500, max_value=9_600))
def test_each_pound_above_the_disregard_costs_a_pound(ruleset, pence):
    # 10 hours at (pence / 1000) an hour = pence / 100 a week, 5.00 .. 96.00; one more pound a week
    low = jsa(jsa_household("2025-26", str(D(pence) / 1000), 10), ruleset).amount
    high = jsa(jsa_household("2025-26", str((D(pence) + 100) / 1000), 10), ruleset).amount
    if high > 0:
        assert low - high == D(1)
    assert low >= high >= 0


def test_jsa_is_unearned_income_for_universal_credit(ruleset):
    # 92.05 x 52 / 12 = 398.8833 -> 398.88; UC 400.14 - 398.88 = 1.26
    result = benefitcalc.calculate(jsa_household("2025-26", "10", 0), rules=ruleset)
    uc = result.programmes["universal_credit"]
    assert uc.line("unearned_income").amount == D("398.88")
    assert uc.amount == D("1.26")
