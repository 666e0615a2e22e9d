"""What the payroll deducts from each pay: PAYE income tax, employee Class 1 NI and pension.

UC counts the earnings received in an assessment period less the tax, NI and pension actually
deducted from them (UC Regs 2013 reg 55(5); reg 61, from RTI), so each payday's deductions are
worked on that pay period, not on the year:

- **PAYE** on the non-cumulative ("week 1 / month 1") basis: the personal allowance and each band
  divided by the pay periods in a year (Income Tax (PAYE) Regulations 2003 reg 2, "week 1/month 1
  basis"). HMRC's tables work from the tax code (1257L gives £12,579 of free pay a year) and round
  taxable pay down to the pound, so real payslips differ by pennies; the cumulative basis, which
  refunds unused allowance from earlier in the tax year, would give a first pay less tax.
- **Class 1 NI** by the earnings period's thresholds (Social Security (Contributions) Regs 2001
  regs 10, 11): the weekly figures are the annual ones / 52 and the monthly / 12, each rounded to
  the nearest pound (which gives HMRC's published £242 and £1,048 primary thresholds and £967 and
  £4,189 upper earnings limits); a fortnightly or four-weekly period uses 2 or 4 times the weekly.
- **Pension**: the year's employee contribution in proportion to the pay (the qualifying-earnings
  band is not re-worked for each pay reference period).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from msgspec import Struct

from benefitcalc.cashflow.paydays import PERIODS_IN_YEAR, WEEK_BASED, Payday
from benefitcalc.loader import Bracket
from benefitcalc.periods import ZERO, pence, pence_down, positive
from benefitcalc.programmes.earnings import NationalInsuranceRules
from benefitcalc.programmes.income_tax import IncomeTaxRules, apply_scale


class Payslip(Struct, frozen=True):
    """One payday's pay and what the payroll deducts from it."""

    payday: Payday
    income_tax: Decimal
    national_insurance: Decimal
    pension: Decimal

    @property
    def gross(self) -> Decimal:
        return self.payday.gross

    @property
    def net(self) -> Decimal:
        """What reaches the bank."""
        return self.payday.gross - self.income_tax - self.national_insurance - self.pension


def paye_for_period(rules: IncomeTaxRules, nation: str, taxable_pay: Decimal, frequency: str) -> Decimal:
    """Income tax on one pay period's taxable pay, non-cumulative, to the penny (fractions dropped)."""
    share = 1 / PERIODS_IN_YEAR[frequency]
    allowance = rules.personal_allowance.value * share
    bands = tuple(Bracket(b.threshold * share, b.rate) for b in rules.rates_for(nation).value)
    return pence_down(apply_scale(bands, positive(taxable_pay - allowance)))


def _nearest_pound(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def earnings_period_threshold(annual: Decimal, frequency: str) -> Decimal:
    """A Class 1 threshold for one earnings period (Contributions Regs 2001 regs 10, 11)."""
    if frequency in WEEK_BASED:
        return _nearest_pound(annual / 52) * (WEEK_BASED[frequency] // 7)
    return _nearest_pound(annual / 12)


def class_1_for_period(rules: NationalInsuranceRules, gross: Decimal, frequency: str) -> Decimal:
    """Employee primary Class 1 NI on one earnings period's pay (SSCBA 1992 s.8), to the penny."""
    pt = earnings_period_threshold(rules.primary_threshold.value, frequency)
    uel = earnings_period_threshold(rules.upper_earnings_limit.value, frequency)
    main = positive(min(gross, uel) - pt) * rules.main_primary_percentage.value
    above = positive(gross - uel) * rules.additional_primary_percentage.value
    return pence(main + above)


def payslip(
    payday: Payday,
    frequency: str,
    tax_rules: IncomeTaxRules,
    ni_rules: NationalInsuranceRules,
    nation: str,
    pension_share: Decimal,
    net_pay_pension: bool,
) -> Payslip:
    """The deductions from one pay: ``pension_share`` is the year's contribution per £1 of pay; under
    a net pay arrangement it comes off pay before tax (ITEPA 2003 s.11, FA 2004 s.193)."""
    pension = pence(payday.gross * pension_share)
    taxable = payday.gross - pension if net_pay_pension else payday.gross
    tax = paye_for_period(tax_rules, nation, taxable, frequency) if payday.gross > 0 else ZERO
    ni = class_1_for_period(ni_rules, payday.gross, frequency)
    return Payslip(payday, tax, ni, pension)
