"""Carer Support Payment (Carer's Assistance (Carer Support Payment) (Scotland) Regulations 2023,
SSI 2023/302) with the Carer's Allowance Supplement (Social Security (Scotland) Act 2018 s.81; to
31 March 2026) and the weekly Scottish Carer Supplement (from 15 March 2026; 11.70 a week from
April 2026).

Same rate and earnings test as Carer's Allowance: 81.90 / 83.30 / 86.45 a week; limit 151 / 196 / 204.
Only the CSP itself is taxable and counts as unearned income for UC (reg 66(1)(b)); the supplements
do not (UC Regs reg 66 lists neither).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest

D = Decimal
FIVE_PERCENT = {"employee_rate": "0.05"}


def scottish_carer(tax_year: str, pay: str, hours: Any = 16, claims: bool = True) -> dict[str, Any]:
    """Worked example 5's household, in Scotland."""
    return {
        "tax_year": tax_year,
        "nation": "scotland",
        "adults": [
            {
                "name": "Pat",
                "age": 45,
                "job": {"hourly_pay": pay, "hours": hours, "pension": FIVE_PERCENT},
                "carer": {"hours_per_week": 40, "claims_carers_allowance": claims},
            }
        ],
        "housing": {"tenure": "social_rent", "rent": {"amount": 450, "period": "month"}, "bedrooms": 1},
    }


def test_2026_27_csp_with_the_scottish_carer_supplement(ruleset):
    """16 h x 12.71 with a 5% pension: tested earnings 198.27 <= 204 (as in England).
    CSP 86.45 + Scottish Carer Supplement 11.70 = 98.15 a week.
    UC deducts only the CSP: 86.45 x 52 / 12 = 374.6167 -> 374.62; UC 1,084.24 - 460.44 - 374.62 = 249.18.
    Tax (Scottish starter rate 19% on the first 3,967 of taxable income):
      10,574.72 - 528.736 + 86.45 x 52 (4,495.40) = 14,541.384; (14,541.384 - 12,570) x 19% = 374.563 -> 374.56."""
    # worked example 5's reading: tax on earnings alone for UC (see tests/dwp/test_universal_credit_paye.py)
    data = {**scottish_carer("2026-27", "12.71"), "universal_credit_tax_deduction": "earnings_only"}
    result = benefitcalc.calculate(data, rules=ruleset)
    assert "carers_allowance" not in result.programmes
    csp = result.programmes["carer_support_payment"]
    assert csp.line("tested_earnings").amount == D("198.27")
    assert csp.line("weekly_rate").amount == D("86.45")
    assert csp.line("scottish_carer_supplement").amount == D("11.70")
    assert csp.amount == D("98.15")
    uc = result.programmes["universal_credit"]
    assert uc.line("unearned_income").amount == D("374.62")
    assert uc.amount == D("249.18")
    assert result.tax[0].income_tax.quantize(D("0.01")) == D("374.56")


def test_2025_26_csp_with_the_carers_allowance_supplement(ruleset):
    """Tested earnings 190.47 <= 196. CSP 83.30 a week plus the Carer's Allowance Supplement of
    587.00 a year (two lump sums of 293.50), shown weekly as 587 / 52. UC deducts 360.97 (the CSP
    only) as in England: UC 248.52."""
    data = {**scottish_carer("2025-26", "12.21"), "universal_credit_tax_deduction": "earnings_only"}
    result = benefitcalc.calculate(data, rules=ruleset)
    csp = result.programmes["carer_support_payment"]
    assert csp.line("carers_allowance_supplement").amount == D(587) / 52
    assert csp.amount == D("83.30") + D(587) / 52
    uc = result.programmes["universal_credit"]
    assert uc.line("unearned_income").amount == D("360.97")
    assert uc.amount == D("248.52")


def test_2024_25_earnings_over_the_limit_means_no_csp_and_no_supplement(ruleset):
    # 178.46 > 151: no CSP, and so no supplement either
    result = benefitcalc.calculate(scottish_carer("2024-25", "11.44"), rules=ruleset)
    assert result.programmes["carer_support_payment"].amount == 0


@pytest.mark.parametrize(
    "tax_year, under, over, weekly",
    [
        # tested = 15.6 x pay (16 h, half of a 5% pension deducted)
        ("2024-25", "9.67", "9.69", D("81.90") + D("577.20") / 52),  # 150.852 passes; 151.164 fails
        ("2025-26", "12.56", "12.57", D("83.30") + D(587) / 52),  # 195.936 passes; 196.092 fails
        ("2026-27", "13.07", "13.08", D("86.45") + D("11.70")),  # 203.892 passes; 204.048 fails
    ],
)
def test_earnings_limit_just_under_and_just_over(ruleset, tax_year, under, over, weekly):
    assert (
        benefitcalc.calculate(scottish_carer(tax_year, under), rules=ruleset).programmes["carer_support_payment"].amount
        == weekly
    )
    assert (
        benefitcalc.calculate(scottish_carer(tax_year, over), rules=ruleset).programmes["carer_support_payment"].amount
        == 0
    )
