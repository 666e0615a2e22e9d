"""UC earned income under the PAYE reading (the default): pay less the income tax actually deducted
through the job's tax code, which also collects the tax due on Carer's Allowance, New Style ESA and
JSA (UC Regs 2013 reg 55(5); earnings from RTI, reg 61). Worked by hand from the 2025-26 rates in
rules/: personal allowance 12,570, basic rate 20%; UC taper 55%; LCWRA 423.27; standard allowance
single 25+ 400.14; higher work allowance 684; ESA support group 92.05 + 48.50 = 140.55 a week.
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import benefitcalc


def esa_household(supported: bool, deduction: str = "paye") -> dict[str, Any]:
    job = {"hourly_pay": "9.00", "hours": 20}
    adult = {"name": "A", "age": 40, "job": job, "new_style_esa": "support", "universal_credit_health": "lcwra"}
    adult["supported_permitted_work"] = supported
    return {
        "tax_year": "2025-26",
        "adults": [adult],
        "housing": {"tenure": "owner"},
        "universal_credit_tax_deduction": deduction,
    }


def test_tax_on_esa_collected_through_pay_lowers_earned_income_for_uc(ruleset: Any) -> None:
    """20 h x 9.00 = 180.00 a week, 9,360 a year; ESA 140.55 x 52 = 7,308.60 a year.
    Tax: (9,360 + 7,308.60 - 12,570) x 20% = 819.72 a year, all collected through the job's code
    (tax on the pay alone would be 0).
    ESA paid:  earned (9,360 - 819.72) / 12 = 711.69; deduction 55% x (711.69 - 684) = 15.2295 -> 15.23;
               unearned 140.55 x 52 / 12 = 609.05; UC 823.41 - 15.23 - 609.05 = 199.13.
    ESA lost:  no tax; earned 780.00; deduction 55% x 96.00 = 52.80; UC 823.41 - 52.80 = 770.61.
    So losing ESA raises UC by 571.48 a month: the 609.05 of ESA less 55% of the 68.31 a month of
    tax on it that the job no longer collects (37.57)."""
    paid = benefitcalc.calculate(esa_household(True), rules=ruleset)
    lost = benefitcalc.calculate(esa_household(False), rules=ruleset)
    paid_uc, lost_uc = paid.programmes["universal_credit"], lost.programmes["universal_credit"]
    assert paid.tax[0].income_tax.quantize(D("0.01")) == D("819.72")
    assert paid_uc.line("earnings_deduction").amount == D("15.23")
    assert paid_uc.amount == D("199.13")
    assert lost_uc.line("earnings_deduction").amount == D("52.80")
    assert lost_uc.amount == D("770.61")
    assert lost_uc.amount - paid_uc.amount == D("571.48")
    assert "universal_credit_tax_on_benefits" in {w.code for w in paid.warnings}
    assert "universal_credit_tax_on_benefits" not in {w.code for w in lost.warnings}


def test_earnings_only_keeps_the_tax_on_earnings_alone(ruleset: Any) -> None:
    # the same household with ESA paid: tax on 9,360 alone is 0, so the deduction is 52.80 and UC 161.56
    paid = benefitcalc.calculate(esa_household(True, "earnings_only"), rules=ruleset)
    assert paid.programmes["universal_credit"].line("earnings_deduction").amount == D("52.80")
    assert paid.programmes["universal_credit"].amount == D("161.56")
    assert "universal_credit_tax_on_benefits" not in {w.code for w in paid.warnings}


def test_the_net_cost_of_claiming_carers_allowance_under_paye(ruleset: Any) -> None:
    """Worked example 5, 2025-26, "Difference in practice": with the tax on CA collected through
    PAYE, claiming CA costs 282.48 - 155.36 = 127.12 a year rather than 282.48.
    With CA:    CA 83.30 x 52 = 4,331.60; UC 261.47 x 12 = 3,137.64 (tests/test_worked_examples.py);
                tax 282.48; 4,331.60 + 3,137.64 - 282.48 = 7,186.76.
    Without CA: UC 609.49 x 12 = 7,313.88, no tax. Difference 127.12."""

    def carer(claims: bool) -> dict[str, Any]:
        return {
            "tax_year": "2025-26",
            "adults": [
                {
                    "name": "Pat",
                    "age": 45,
                    "job": {"hourly_pay": "12.21", "hours": 16, "pension": {"employee_rate": "0.05"}},
                    "carer": {"hours_per_week": 40, "claims_carers_allowance": claims},
                }
            ],
            "housing": {"tenure": "social_rent", "rent": {"amount": 450, "period": "month"}, "bedrooms": 1},
        }

    with_ca = benefitcalc.calculate(carer(True), rules=ruleset)
    without = benefitcalc.calculate(carer(False), rules=ruleset)
    uc_with, uc_without = with_ca.programmes["universal_credit"].amount, without.programmes["universal_credit"].amount
    assert uc_with == D("261.47")
    assert uc_without == D("609.49")
    ca_year = with_ca.programmes["carers_allowance"].amount * 52
    tax = with_ca.tax[0].income_tax.quantize(D("0.01"))
    assert (uc_without * 12) - (ca_year + uc_with * 12 - tax) == D("127.12")
