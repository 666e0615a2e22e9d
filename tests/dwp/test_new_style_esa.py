"""New Style ESA: rates and permitted ("exempt") work (ESA Regulations 2013, SI 2013/379, regs 37,
39, 62, 63), and what losing ESA does to Universal Credit.

Permitted work (reg 39(1)): earnings up to the lower limit (20.00 a week) at any hours; or under 16
hours a week with earnings up to the higher limit; or supported permitted work up to the higher
limit. The higher limit is 16 x national living wage rounded up to the next 50p:
  2024-25: 16 x 11.44 = 183.04 -> 183.50;  2025-26: 16 x 12.21 = 195.36 -> 195.50;
  2026-27: 16 x 12.71 = 203.36 -> 203.50.
Earnings are gross pay less income tax, Class 1 NI and half of pension contributions. All pay in
these tests is below the tax and NI thresholds (12,570 a year, 242 a week) unless said.
Rates a week: basic allowance 25+ / main phase 90.50, 92.05, 95.55; assessment phase under 25
71.70, 72.90, 75.65; support component 47.70, 48.50, 50.35.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest

D = Decimal
YEARS = {
    # tax year: (higher limit, basic 25+, support component, pay just under at 15 h, pay just over at 15 h, NLW)
    "2024-25": ("183.50", "90.50", "47.70", "12.23", "12.24", "11.44"),
    "2025-26": ("195.50", "92.05", "48.50", "13.03", "13.04", "12.21"),
    "2026-27": ("203.50", "95.55", "50.35", "13.56", "13.57", "12.71"),
}


def esa_household(tax_year: str, pay: str, hours: Any, group: str = "support", **adult: Any) -> dict[str, Any]:
    return {
        "tax_year": tax_year,
        "adults": [
            {
                "name": "A",
                "age": 40,
                "job": {"hourly_pay": pay, "hours": hours},
                "new_style_esa": group,
                "universal_credit_health": "lcwra",
                **adult,
            }
        ],
        "housing": {"tenure": "owner"},
    }


def esa(data: dict[str, Any], ruleset: Any) -> Any:
    return benefitcalc.calculate(data, rules=ruleset).programmes["new_style_esa"]


@pytest.mark.parametrize("tax_year", sorted(YEARS))
def test_rates(ruleset, tax_year):
    _, basic, support, *_ = YEARS[tax_year]
    assert esa(esa_household(tax_year, "10", 0, "support"), ruleset).amount == D(basic) + D(support)
    assert esa(esa_household(tax_year, "10", 0, "assessment"), ruleset).amount == D(basic)
    under_25 = {"2024-25": "71.70", "2025-26": "72.90", "2026-27": "75.65"}[tax_year]
    data = esa_household(tax_year, "10", 0, "assessment")
    data["adults"][0]["age"] = 22
    assert esa(data, ruleset).amount == D(under_25)
    # WRAG on a claim from 3 April 2017: the basic allowance only (the component is not included)
    assert esa(esa_household(tax_year, "10", 0, "wrag"), ruleset).amount == D(basic)


@pytest.mark.parametrize("tax_year", sorted(YEARS))
def test_15_hours_just_under_and_just_over_the_higher_limit(ruleset, tax_year):
    limit, basic, support, under, over, _ = YEARS[tax_year]
    # 15 h x under, e.g. 2025-26: 15 x 13.03 = 195.45 <= 195.50 -> permitted work, ESA in full
    ok = esa(esa_household(tax_year, under, 15), ruleset)
    assert ok.line("permitted_work_earnings").amount == 15 * D(under)
    assert 15 * D(under) <= D(limit)
    assert ok.amount == D(basic) + D(support)
    # 15 x 13.04 = 195.60 > 195.50 -> not exempt work: no ESA that week (reg 37)
    lost = esa(esa_household(tax_year, over, 15), ruleset)
    assert 15 * D(over) > D(limit)
    assert lost.amount == 0
    assert lost.fact("lost") == D(basic) + D(support)


@pytest.mark.parametrize("tax_year", sorted(YEARS))
def test_exactly_16_hours_fails_even_under_the_earnings_limit(ruleset, tax_year):
    limit, *_, nlw = YEARS[tax_year]
    # 16 x NLW (183.04 / 195.36 / 203.36) is within the higher limit, but 16 hours is not "under 16"
    result = esa(esa_household(tax_year, nlw, 16), ruleset)
    assert 16 * D(nlw) <= D(limit)
    assert result.amount == 0
    assert "16" in result.line("permitted_work").label
    # 15.9 hours at the same pay (15.9 x NLW, less again) is permitted work
    assert esa(esa_household(tax_year, nlw, "15.9"), ruleset).amount > 0


@pytest.mark.parametrize("tax_year", sorted(YEARS))
def test_20_pounds_a_week_at_20_hours_passes_the_lower_limit(ruleset, tax_year):
    _, basic, support, *_ = YEARS[tax_year]
    # 20 h x 1.00 = 20.00 <= 20.00: exempt at any hours (reg 39(1)(a))
    assert esa(esa_household(tax_year, "1.00", 20), ruleset).amount == D(basic) + D(support)
    # 20 h x 1.0005 = 20.01: over the lower limit and 20 h is not under 16 -> no ESA
    assert esa(esa_household(tax_year, "1.0005", 20), ruleset).amount == 0


def test_supported_permitted_work_has_no_hours_limit(ruleset):
    # 2025-26: 20 h x 9.00 = 180.00 <= 195.50
    assert esa(esa_household("2025-26", "9.00", 20), ruleset).amount == 0
    assert esa(esa_household("2025-26", "9.00", 20, supported_permitted_work=True), ruleset).amount == D("140.55")
    # but the higher earnings limit still applies: 20 h x 10.00 = 200.00 > 195.50
    assert esa(esa_household("2025-26", "10.00", 20, supported_permitted_work=True), ruleset).amount == 0


def test_half_of_pension_contributions_is_deducted_from_earnings(ruleset):
    # 2025-26: 15 h x 13.50 = 202.50 gross > 195.50; 10% pension = 20.25, half = 10.125;
    # 202.50 - 10.125 = 192.375 <= 195.50 -> permitted work
    data = esa_household("2025-26", "13.50", 15)
    data["adults"][0]["job"]["pension"] = {"employee_rate": "0.10"}
    result = esa(data, ruleset)
    assert result.line("permitted_work_earnings").amount == D("192.375")
    assert result.amount == D("140.55")


def test_losing_esa_raises_universal_credit_by_the_esa_converted_to_a_month(ruleset):
    """2025-26, owner-occupier with LCWRA (423.27), support group (92.05 + 48.50 = 140.55 a week),
    20 h x 9.00 = 180.00 a week: permitted work only if it is supported work.
    UC: maximum 400.14 + 423.27 = 823.41; earned 180 x 52 / 12 = 780.00; higher work allowance 684;
    deduction 55% x 96.00 = 52.80.
      ESA paid:   unearned 140.55 x 52 / 12 = 609.05; UC 823.41 - 52.80 - 609.05 = 161.56
      ESA lost:   UC 823.41 - 52.80 = 770.61
    UC rises by exactly the ESA lost (609.05 a month): the earnings deduction and the LCWRA element
    are the same either way, and the benefit cap does not bite (LCWRA exempts)."""
    # tax on earnings alone for UC here; under PAYE the tax on ESA moves UC too (test_universal_credit_paye.py)
    earnings_only = {"universal_credit_tax_deduction": "earnings_only"}
    paid = benefitcalc.calculate(
        {**esa_household("2025-26", "9.00", 20, supported_permitted_work=True), **earnings_only}, rules=ruleset
    )
    lost = benefitcalc.calculate({**esa_household("2025-26", "9.00", 20), **earnings_only}, rules=ruleset)
    assert paid.programmes["new_style_esa"].amount == D("140.55")
    assert lost.programmes["new_style_esa"].amount == 0
    paid_uc, lost_uc = paid.programmes["universal_credit"], lost.programmes["universal_credit"]
    assert paid_uc.line("earnings_deduction").amount == lost_uc.line("earnings_deduction").amount == D("52.80")
    assert paid_uc.line("unearned_income").amount == D("609.05")
    assert lost_uc.line("unearned_income").amount == 0
    assert paid_uc.amount == D("161.56")
    assert lost_uc.amount == D("770.61")
    assert lost_uc.amount - paid_uc.amount == D("609.05")
    # Weekly: the household loses 140.55 of ESA and gains 609.05 x 12 / 52 = 140.55 of UC. No change
    # in money for this household, but the ESA is also taxable, so losing it lowers income tax.


def test_fixed_earnings_have_no_hours_so_the_assumption_is_shown(ruleset):
    # A partner with fixed earnings of 150.00 a week (over the 20.00 lower limit, under 195.50):
    # permitted work needs under 16 hours, which cannot be checked without hours -> warned
    data = {
        "tax_year": "2025-26",
        "adults": [
            {"name": "A", "age": 40, "job": {"hourly_pay": "12.21", "hours": 0}},
            {"name": "B", "age": 40, "earnings": {"amount": 150, "period": "week"}, "new_style_esa": "assessment"},
        ],
        "housing": {"tenure": "owner"},
    }
    result = esa(data, ruleset)
    assert result.amount == D("92.05")
    assert any(w.code == "esa_hours_unknown" for w in result.warnings)
