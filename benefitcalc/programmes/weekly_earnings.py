"""Net weekly earnings as the contributory benefits and Carer's Allowance test them.

Gross pay less income tax, Class 1 NI and half of pension contributions (the net-earnings rule of
the ESA and JSA regulations, e.g. ESA Regs 2008 reg 96(3) and JSA Regs 1996 reg 99(4), carried into
the 2013 regulations; Social Security Benefit (Computation of Earnings) Regs 1996 for Carer's
Allowance), worked on the week: the year's figures divided by 52. The share of pension
contributions is a parameter of each programme.
"""
from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import PersonEarnings
from benefitcalc.periods import WEEKS_IN_YEAR


def net_weekly_earnings(e: PersonEarnings, pension_share: Decimal) -> Decimal:
    return (e.gross - e.income_tax_on_earnings - e.national_insurance - e.pension * pension_share) / WEEKS_IN_YEAR
