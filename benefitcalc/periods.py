"""Money and period conversions: the few named functions every programme uses.

Money is ``Decimal`` throughout; nothing is rounded except where the law rounds (see each
programme) and when a figure is shown (:func:`pence`).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Literal

Period = Literal["week", "fortnight", "four_weeks", "month", "year"]
OutputPeriod = Literal["week", "month", "year"]
PERIODS: tuple[str, ...] = ("week", "fortnight", "four_weeks", "month", "year")

ZERO = Decimal(0)
PENNY = Decimal("0.01")
WEEKS_IN_YEAR = Decimal(52)
MONTHS_IN_YEAR = Decimal(12)

# How many of each period make a year. Weekly -> monthly is x52/12, four-weekly x13/12,
# fortnightly x26/12 and yearly /12: Universal Credit Regulations 2013 reg 73 (unearned income)
# and Sch 4 para 7 (rent) use exactly these factors.
_PER_YEAR: dict[str, Decimal] = {
    "week": Decimal(52),
    "fortnight": Decimal(26),
    "four_weeks": Decimal(13),
    "month": Decimal(12),
    "year": Decimal(1),
}


def convert(amount: Decimal, source: str, target: str) -> Decimal:
    """Convert an amount between periods by the year factors above (exact; no rounding)."""
    if source == target:
        return amount
    return amount * _PER_YEAR[source] / _PER_YEAR[target]


def weekly_to_monthly(amount: Decimal) -> Decimal:
    """x 52 / 12 (UC Regs 2013 reg 73(1)(a))."""
    return amount * WEEKS_IN_YEAR / MONTHS_IN_YEAR


def monthly_to_weekly(amount: Decimal) -> Decimal:
    """x 12 / 52, the inverse of reg 73(1)(a); HB Regs 2006 reg 80(3)(b) uses the same factors."""
    return amount * MONTHS_IN_YEAR / WEEKS_IN_YEAR


def pence(amount: Decimal) -> Decimal:
    """Round to the nearest penny, half a penny up (UC Regs 2013 reg 6(1))."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def pence_down(amount: Decimal) -> Decimal:
    """Round down to a whole penny (fractions of a penny ignored)."""
    return amount.quantize(PENNY, rounding=ROUND_FLOOR)


def pounds_down(amount: Decimal) -> Decimal:
    """Round down to a whole pound (fractions of £1 ignored)."""
    return amount.quantize(Decimal(1), rounding=ROUND_FLOOR)


def round_up_to(amount: Decimal, step: Decimal) -> Decimal:
    """Round up to the next multiple of ``step`` (e.g. the next 50p)."""
    return (amount / step).quantize(Decimal(1), rounding=ROUND_CEILING) * step


def positive(amount: Decimal) -> Decimal:
    return amount if amount > ZERO else ZERO


def council_tax_year(day: date) -> tuple[date, int]:
    """The council tax year containing ``day`` and its number of days (365 or 366).

    Council tax is set for each financial year (LGFA 1992 s.1(1)), the twelve months from 1 April to
    31 March (Interpretation Act 1978 Sch 1); council tax reduction works the year's bill out by the day.
    """
    start = date(day.year if day.month >= 4 else day.year - 1, 4, 1)
    end = date(start.year + 1, 4, 1)
    return start, (end - start).days
