"""Carer's Allowance (SSCBA 1992 s.70; Invalid Care Allowance Regulations 1976 reg 8; Social Security
Benefit (Computation of Earnings) Regulations 1996) and how it meets Universal Credit.

The earnings test: weekly earnings less income tax, Class 1 NI, half of pension contributions and
care costs (at most half of those net earnings) must not exceed the limit: 151 (2024-25), 196
(2025-26), 204 (2026-27). Weekly rate 81.90 / 83.30 / 86.45. CA is taxable and counts in full as
unearned income for UC (reg 66(1)(b)), converted x 52 / 12; the UC carer element has no earnings test.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest

D = Decimal


def carer(
    tax_year: str,
    pay: str,
    hours: Any = 16,
    pension: Any = "none",
    care_costs: Any = None,
    claims: bool = True,
    nation: str = "england",
) -> dict[str, Any]:
    person: dict[str, Any] = {
        "name": "Pat",
        "age": 45,
        "job": {"hourly_pay": pay, "hours": hours, "pension": pension},
        "carer": {"hours_per_week": 40, "claims_carers_allowance": claims},
    }
    if care_costs is not None:
        person["carer"]["care_costs"] = {"amount": care_costs, "period": "week"}
    return {
        "tax_year": tax_year,
        "nation": nation,
        "adults": [person],
        "housing": {"tenure": "social_rent", "rent": {"amount": 450, "period": "month"}, "bedrooms": 1},
    }


FIVE_PERCENT = {"employee_rate": "0.05"}


def ca(data: dict[str, Any], ruleset: Any) -> Any:
    return benefitcalc.calculate(data, rules=ruleset).programmes["carers_allowance"]


@pytest.mark.parametrize(
    "tax_year, pay, tested, award",
    [
        # Worked example 5: 16 h at NLW with a 5% pension; half the pension is deducted.
        # 2024-25: 16 x 11.44 = 183.04; 5% = 9.152, half 4.576; 183.04 - 4.576 = 178.464 -> 178.46 > 151: no CA
        ("2024-25", "11.44", "178.46", "0"),
        # 2025-26: 16 x 12.21 = 195.36; half of 9.768 = 4.884; 190.476 -> 190.47 <= 196: CA 83.30
        ("2025-26", "12.21", "190.47", "83.30"),
        # 2026-27: 16 x 12.71 = 203.36; half of 10.168 = 5.084; 198.276 -> 198.27 <= 204: CA 86.45
        ("2026-27", "12.71", "198.27", "86.45"),
    ],
)
def test_worked_example_5_earnings_test(ruleset, tax_year, pay, tested, award):
    result = ca(carer(tax_year, pay, pension=FIVE_PERCENT), ruleset)
    assert result.line("tested_earnings").amount == D(tested)
    assert result.amount == D(award)


@pytest.mark.parametrize(
    "tax_year, under, over",
    [
        # 16 h with 5% pension: tested = 16 x pay x (1 - 2.5%) = 15.6 x pay
        # 2024-25 (151): 9.67 -> 154.72 - 3.868 = 150.852 passes; 9.69 -> 155.04 - 3.876 = 151.164 fails
        ("2024-25", "9.67", "9.69"),
        # 2025-26 (196): 12.56 -> 200.96 - 5.024 = 195.936 passes; 12.57 -> 201.12 - 5.028 = 196.092 fails
        ("2025-26", "12.56", "12.57"),
        # 2026-27 (204): 13.07 -> 209.12 - 5.228 = 203.892 passes; 13.08 -> 209.28 - 5.232 = 204.048 fails
        ("2026-27", "13.07", "13.08"),
    ],
)
def test_just_under_and_just_over_the_limit_with_a_pension(ruleset, tax_year, under, over):
    rate = {"2024-25": D("81.90"), "2025-26": D("83.30"), "2026-27": D("86.45")}[tax_year]
    assert ca(carer(tax_year, under, pension=FIVE_PERCENT), ruleset).amount == rate
    lost = ca(carer(tax_year, over, pension=FIVE_PERCENT), ruleset)
    assert lost.amount == 0
    assert lost.fact("lost") == rate


def test_the_pension_deduction_can_decide_the_test(ruleset):
    # 2025-26, 16 h x 12.56 = 200.96 a week: over 196 without a pension, under it with 5% (195.93)
    assert ca(carer("2025-26", "12.56"), ruleset).amount == 0
    assert ca(carer("2025-26", "12.56", pension=FIVE_PERCENT), ruleset).amount == D("83.30")


def test_care_costs_deducted_up_to_half_of_net_earnings(ruleset):
    """2025-26, 30 h x 12.21 = 366.30 a week = 19,047.60 a year; tax (19,047.60 - 12,570) x 20% =
    1,295.52; NI 6,477.60 x 8% = 518.208; net (19,047.60 - 1,295.52 - 518.208) / 52 = 331.4206 a week.
      no care costs: 331.42 > 196 -> no CA
      care costs 150: 331.4206 - 150 = 181.4206 -> 181.42 <= 196 -> CA
      care costs 200: capped at half of net earnings, 165.7103; 165.7103 -> 165.71 -> CA"""
    none = ca(carer("2025-26", "12.21", hours=30), ruleset)
    assert none.line("tested_earnings").amount == D("331.42")
    assert none.amount == 0
    some = ca(carer("2025-26", "12.21", hours=30, care_costs=150), ruleset)
    assert some.line("tested_earnings").amount == D("181.42")
    assert some.amount == D("83.30")
    capped = ca(carer("2025-26", "12.21", hours=30, care_costs=200), ruleset)
    assert capped.line("tested_earnings").amount == D("165.71")
    assert capped.amount == D("83.30")


def test_needs_35_hours_of_caring(ruleset):
    data = carer("2025-26", "12.21", hours=0)
    data["adults"][0]["carer"]["hours_per_week"] = "34.5"
    assert ca(data, ruleset).amount == 0
    data["adults"][0]["carer"]["hours_per_week"] = 35
    assert ca(data, ruleset).amount == D("83.30")


def test_ca_is_taxable_and_deducted_in_full_from_universal_credit(ruleset):
    """Worked example 5, 2025-26.
    Tax: pay 10,158.72 - pension 507.936 + CA 83.30 x 52 = 4,331.60 -> 13,982.384;
         (13,982.384 - 12,570) x 20% = 282.4768 -> 282.48.
    UC: earned (195.36 - 9.768) x 52 / 12 = 804.232 -> 804.23; deduction 55% = 442.3265 -> 442.33;
        CA 83.30 x 52 / 12 = 360.9667 -> 360.97; maximum 400.14 + 201.68 + 450 = 1,051.82;
        award 1,051.82 - 442.33 - 360.97 = 248.52."""
    # the worked example deducts the tax on earnings alone for UC (see test_universal_credit_paye.py)
    data = {**carer("2025-26", "12.21", pension=FIVE_PERCENT), "universal_credit_tax_deduction": "earnings_only"}
    result = benefitcalc.calculate(data, rules=ruleset)
    assert result.programmes["carers_allowance"].amount == D("83.30")
    assert result.tax[0].income_tax.quantize(D("0.01")) == D("282.48")
    uc = result.programmes["universal_credit"]
    assert uc.line("unearned_income").amount == D("360.97")
    assert uc.line("carer_element").amount == D("201.68")
    assert uc.amount == D("248.52")


def test_claiming_ca_can_leave_a_uc_household_worse_off(ruleset):
    """Worked example 5, 2025-26: without CA the UC is 1,051.82 - 442.33 = 609.49 a month and no tax
    is due. With CA, UC falls by exactly the CA (248.52 + 360.97 = 609.49: the carer element stays,
    reg 29 has no earnings test) and the CA is taxed: 282.48 a year. The household is worse off by
    the tax, 282.48 a year (the worked example's figure; paid weekly, CA is 4,331.60 a year against
    12 x 360.97 = 4,331.64 of UC lost, a further 4p of rounding)."""
    earnings_only = {"universal_credit_tax_deduction": "earnings_only"}  # the worked example's reading
    with_ca = benefitcalc.calculate({**carer("2025-26", "12.21", pension=FIVE_PERCENT), **earnings_only}, rules=ruleset)
    without = benefitcalc.calculate(
        {**carer("2025-26", "12.21", pension=FIVE_PERCENT, claims=False), **earnings_only}, rules=ruleset
    )
    assert "carers_allowance" not in without.programmes or without.programmes["carers_allowance"].amount == 0
    uc_with, uc_without = with_ca.programmes["universal_credit"].amount, without.programmes["universal_credit"].amount
    assert uc_without == D("609.49")
    assert uc_without - uc_with == D("360.97")  # = 83.30 x 52 / 12, to the penny
    assert without.tax[0].income_tax == 0
    assert (with_ca.tax[0].income_tax - without.tax[0].income_tax).quantize(D("0.01")) == D("282.48")


def test_losing_ca_keeps_the_uc_carer_element(ruleset):
    # 2024-25 example 5: the CA earnings test fails, but the carer element (198.31) stays in UC
    uc = benefitcalc.calculate(carer("2024-25", "11.44", pension=FIVE_PERCENT), rules=ruleset).programmes[
        "universal_credit"
    ]
    assert uc.line("carer_element").amount == D("198.31")
    assert uc.line("unearned_income").amount == 0
    assert uc.amount == D("627.33")
