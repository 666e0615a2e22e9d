"""Net weekly earnings as the contributory benefits and Carer's Allowance test them.

Gross pay less income tax, Class 1 NI and half of pension contributions (the net-earnings rule of
the ESA and JSA regulations, e.g. ESA Regs 2008 reg 96(3) and JSA Regs 1996 reg 99(4), carried into
the 2013 regulations; Social Security Benefit (Computation of Earnings) Regs 1996 for Carer's
Allowance), worked on the week: the year's figures divided by 52. The share of pension
contributions is a parameter of each programme.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benefitcalc.breakdown import Line, PersonEarnings
from benefitcalc.loader import Param
from benefitcalc.periods import WEEKS_IN_YEAR, ZERO


def net_weekly_earnings(e: PersonEarnings, pension_share: Decimal) -> Decimal:
    return (e.gross - e.income_tax_on_earnings - e.national_insurance - e.pension * pension_share) / WEEKS_IN_YEAR


def net_weekly_earnings_lines(
    earnings: Sequence[PersonEarnings], share: Param, cite: str = ""
) -> tuple[Decimal, list[Line]]:
    """Each earner's net weekly earnings as a line, and their total (for means tests that add them up)."""
    total = ZERO
    lines: list[Line] = []
    for e in earnings:
        if e.gross <= 0:
            continue
        net = net_weekly_earnings(e, share.value)
        total += net
        lines.append(
            Line(
                f"earnings_{e.name}",
                f"{e.name}: pay less tax, NI and {share.value:.0%} of pension contributions, a week{cite}",
                net,
                "week",
                (share,),
            )
        )
    return total, lines
