"""Housing Benefit where UC cannot meet the rent: supported exempt and temporary accommodation,
working age (Housing Benefit Regulations 2006, SI 2006/213; UC (Transitional Provisions) Regs 2014).

Hand-worked from rules/dwp/housing_benefit.yaml (2025-26: personal allowance single 25+ 92.05;
single earnings disregard 5; taper 65%; non-dependant working with gross 266-347.99 a week: 62.00)
and rules/dwp/universal_credit.yaml (2025-26: single 25+ standard allowance 400.14 a month, taper 55%,
work allowance higher 684 / lower 411; NLW 12.21). 16 hours at 12.21 is 195.36 a week, 10,158.72 a
year: no tax or NI (under 12,570).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc

D = Decimal


def household(
    accommodation: str = "supported_exempt",
    *,
    tax_year: str | None = "2025-26",
    date: str | None = None,
    pay: str = "12.21",
    **housing: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "adults": [{"name": "A", "age": 30, "job": {"hourly_pay": pay, "hours": 0}}],
        "housing": {
            "tenure": "social_rent",
            "rent": {"amount": 150, "period": "week"},
            "accommodation": accommodation,
            **housing,
        },
    }
    if date:
        data["date"] = date
    else:
        data["tax_year"] = tax_year
    return data


def run(data: dict[str, Any], ruleset: Any, hours: Any) -> Any:
    return benefitcalc.calculate(data, hours=hours, rules=ruleset)


def test_on_uc_housing_benefit_is_the_eligible_rent_and_uc_has_no_housing_element(ruleset):
    result = run(household(), ruleset, 0)
    uc = result.programmes["universal_credit"]
    assert uc.line("housing_element").amount == 0
    assert uc.amount == D("400.14")  # the standard allowance only
    hb = result.programmes["housing_benefit"]
    assert hb.amount == D("150")  # passported: all income and capital disregarded
    assert hb.fact("passported") is True


def test_non_dependant_deduction_from_passported_hb(ruleset):
    nd = {"age": 30, "remunerative_work": True, "gross_income": {"amount": 300, "period": "week"}}
    hb = run(household(non_dependants=[nd]), ruleset, 0).programmes["housing_benefit"]
    assert hb.line("non_dependant_1").amount == D("-62.00")
    assert hb.amount == D("88.00")  # 150 - 62


def test_housing_benefit_falls_when_uc_ends(ruleset):
    data = household()
    # 12 hours: pay 146.52 a week = 634.92 a month; 55% = 349.21; UC 400.14 - 349.21 = 50.93: passported
    at12 = run(data, ruleset, 12)
    assert at12.programmes["universal_credit"].amount == D("50.93")
    assert at12.programmes["housing_benefit"].amount == D("150")
    # 16 hours: 846.56 a month x 55% = 465.61 > 400.14: no UC, so the full means test:
    # income 195.36 - 5 = 190.36; applicable amount 92.05; excess 98.31 x 65% = 63.9015
    at16 = run(data, ruleset, 16)
    assert at16.programmes["universal_credit"].amount == 0
    hb = at16.programmes["housing_benefit"]
    assert hb.line("applicable_amount").amount == D("92.05")
    assert hb.amount == D(150) - (D("195.36") - 5 - D("92.05")) * D("0.65")  # 86.0985
    assert hb.fact("passported") is False


def test_capital_over_the_limit_without_uc(ruleset):
    data = household()
    data["capital"] = 16001
    # 16 hours: no UC (and UC's own capital limit is also 16,000); HB capital limit 16,000: none
    assert run(data, ruleset, 16).programmes["housing_benefit"].amount == 0


def test_temporary_accommodation_gives_the_lower_work_allowance(ruleset):
    data = household("temporary")
    data["children"] = [{"age": 5}]
    uc = run(data, ruleset, 16).programmes["universal_credit"]
    assert uc.line("housing_element").amount == 0
    assert uc.line("work_allowance").amount == D("411")  # reg 5A: as if the award had housing costs
    supported = household("supported_exempt")
    supported["children"] = [{"age": 5}]
    assert run(supported, ruleset, 16).programmes["universal_credit"].line("work_allowance").amount == D("684")


def test_specified_or_temporary_accommodation_disregard_from_october_2026(ruleset):
    # 2026-27, 16 hours at 12.71: pay 203.36 a week (10,574.72 a year: no tax or NI). UC: 881.23 a
    # month x 55% = 484.68 > 424.90: none. Applicable amount 95.55.
    before = run(household(tax_year="2026-27", pay="12.71"), ruleset, 16).programmes["housing_benefit"]
    # before 5 October 2026: single disregard 5: income 198.36, excess 102.81 x 65% = 66.8265
    assert before.amount == D(150) - (D("203.36") - 5 - D("95.55")) * D("0.65")
    after = run(household(date="2026-10-12", tax_year=None, pay="12.71"), ruleset, 16).programmes["housing_benefit"]
    # from 5 October 2026 (PE-sourced, see the rules note): 77.73 for a single person 25+ on top of
    # the single disregard of 5: income 203.36 - 82.73 = 120.63; excess over 95.55 = 25.08;
    # 65% = 16.302; HB 150 - 16.302 = 133.698
    assert after.line("earnings_disregard").amount == D("-82.73")
    assert after.amount == D("133.698")


def test_2026_27_non_dependant_rates_not_held_are_said(ruleset):
    nd = {"age": 30, "remunerative_work": False}
    result = run(household(tax_year="2026-27", pay="12.71", non_dependants=[nd]), ruleset, 0)
    assert result.programmes["housing_benefit"].amount == D("150")
    assert "hb_non_dependant_rates_not_held" in {w.code for w in result.warnings}


def test_general_needs_housing_has_no_housing_benefit(ruleset):
    result = run(household("general"), ruleset, 0)
    assert "housing_benefit" not in result.programmes
    assert result.programmes["universal_credit"].line("housing_element").amount > 0


def test_accommodation_needs_a_rent(ruleset):
    import pytest

    data = household()
    data["housing"] = {"tenure": "owner", "accommodation": "temporary"}
    with pytest.raises(benefitcalc.ScenarioError) as err:
        run(data, ruleset, 0)
    assert "accommodation" in err.value.message


def test_non_dependant_band_starts_at_its_threshold(ruleset):
    # 2024-25 reg 74(2)(b): gross "not less than £176 but less than £256": 44.40; just below, 19.30.
    nd = {"age": 30, "remunerative_work": True, "gross_income": {"amount": 176, "period": "week"}}
    hb = run(household(tax_year="2024-25", non_dependants=[nd]), ruleset, 0).programmes["housing_benefit"]
    assert hb.line("non_dependant_1").amount == D("-44.40")
    nd["gross_income"] = {"amount": "175.99", "period": "week"}
    hb = run(household(tax_year="2024-25", non_dependants=[nd]), ruleset, 0).programmes["housing_benefit"]
    assert hb.line("non_dependant_1").amount == D("-19.30")


def test_no_non_dependant_deduction_when_the_claimant_gets_pip_daily_living(ruleset):
    # Reg 74(6)(b): no deduction where the claimant gets the PIP daily living component.
    nd = {"age": 30, "remunerative_work": True, "gross_income": {"amount": 300, "period": "week"}}
    data = household(non_dependants=[nd])
    data["adults"][0]["pip"] = {"daily_living": "standard", "mobility": "none"}
    hb = run(data, ruleset, 0).programmes["housing_benefit"]
    assert hb.line("non_dependant_1").amount == 0
    assert hb.amount == D("150")


def test_means_test_with_a_disability_premium_and_the_20_and_17_10_disregards(ruleset):
    # 2025-26, single 30 with PIP daily living (standard), 16 hours at 12.21 = 195.36 a week, no tax
    # or NI. UC: no work allowance (no child, no LCW); 846.56 x 55% = 465.61 > 400.14: no UC, so the
    # full means test. Applicable amount 92.05 + disability premium 43.20 = 135.25 (Sch 3). Earnings
    # disregard: 20 (disability, Sch 4) + 17.10 additional (16 hours with a disability premium) =
    # 37.10; income 195.36 - 37.10 = 158.26 (PIP is disregarded); excess 23.01 x 65% = 14.9565;
    # HB 150 - 14.9565 = 135.0435.
    data = household()
    data["adults"][0]["pip"] = {"daily_living": "standard", "mobility": "none"}
    result = run(data, ruleset, 16)
    assert result.programmes["universal_credit"].amount == 0
    hb = result.programmes["housing_benefit"]
    assert hb.line("applicable_amount").amount == D("135.25")
    assert hb.line("earnings_disregard").amount == D("-37.10")
    assert hb.amount == D("135.0435")


def test_under_50p_is_not_paid_even_when_passported(ruleset):
    # Reg 75. Rent 19.95 a week, one non-dependant not in remunerative work: 2025-26 deduction 19.65
    # (reg 74(1)(b)); maximum HB 19.95 - 19.65 = 0.30 a week, under 50p: nothing is paid.
    nd = {"age": 30, "remunerative_work": False}
    data = household(non_dependants=[nd], rent={"amount": "19.95", "period": "week"})
    hb = run(data, ruleset, 0).programmes["housing_benefit"]
    assert hb.line("maximum_housing_benefit").amount == D("0.30")
    assert hb.amount == 0
