"""Money and period conversions: the few named functions every programme uses.

Money is ``Decimal`` throughout; nothing is rounded except where the law rounds (see each
programme) and when a figure is shown (:func:`pence`).
"""

from __future__ import annotations

import datetime as dt
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


# --- Tax years -----------------------------------------------------------------------------
#
# A tax year runs from 6 April to the following 5 April (ITA 2007 s.4(2)) and is written 2026-27.
# The rules set lists the tax years it covers (rules/rules.yaml `tax_years`, RuleSet.tax_years).

TAX_YEAR_SHAPE = "must look like 2026-27 (the tax year from 6 April 2026 to 5 April 2027)"


def parse_tax_year(text: str) -> int:
    """The calendar year a tax year written ``2026-27`` starts in; ``ValueError`` for any other shape."""
    start, _, end = text.partition("-")
    if not (
        len(start) == 4 and start.isdigit() and len(end) == 2 and end.isdigit() and (int(start) + 1) % 100 == int(end)
    ):
        raise ValueError(TAX_YEAR_SHAPE)
    return int(start)


def tax_year_name(start_year: int) -> str:
    """``2026`` -> ``"2026-27"``."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def tax_year_of(day: dt.date) -> str:
    """The tax year ``day`` falls in: 5 April 2027 is in 2026-27, 6 April 2027 in 2027-28."""
    return tax_year_name(day.year if (day.month, day.day) >= (4, 6) else day.year - 1)


def tax_year_start(tax_year: str) -> dt.date:
    """6 April of the tax year's first calendar year."""
    return dt.date(parse_tax_year(tax_year), 4, 6)


def tax_year_end(tax_year: str) -> dt.date:
    """5 April of the following calendar year."""
    return dt.date(parse_tax_year(tax_year) + 1, 4, 5)


def tax_years_between(first: dt.date, last: dt.date) -> tuple[str, ...]:
    """Every tax year with a day from ``first`` to ``last`` (both included), in order."""
    start, end = parse_tax_year(tax_year_of(first)), parse_tax_year(tax_year_of(last))
    return tuple(tax_year_name(year) for year in range(start, end + 1))


def first_monday_on_or_after(day: dt.date) -> dt.date:
    return dt.date.fromordinal(day.toordinal() + (7 - day.weekday()) % 7)


def tax_year_date(tax_year: str) -> dt.date:
    """The day used for ``tax_year: YYYY-YY``: the first Monday on or after 6 April.

    By then every April change of that year is in force: tax and NI (6 April), the minimum wage
    (1 April) and the DWP up-rating, which takes effect in the week from the first Monday of the
    tax year (8 April 2024, 7 April 2025, 6 April 2026).
    """
    return first_monday_on_or_after(tax_year_start(tax_year))


def council_tax_year(day: dt.date) -> tuple[dt.date, int]:
    """The council tax year containing ``day`` and its number of days (365 or 366).

    Council tax is set for each financial year (LGFA 1992 s.1(1)), the twelve months from 1 April to
    31 March (Interpretation Act 1978 Sch 1); council tax reduction works the year's bill out by the day.
    """
    start = dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)
    end = dt.date(start.year + 1, 4, 1)
    return start, (end - start).days


# --- Universal Credit assessment periods and benefit weeks ---------------------------------------
#
# UC is worked out for each monthly assessment period (UC Regs 2013 reg 21); the weekly benefits
# (New Style ESA and JSA, Carer's Allowance) for each benefit week, a period of seven days ending on
# the claimant's payday (ESA Regs 2013 reg 2(1) and JSA Regs 2013 reg 2(1), "benefit week").


def _last_day_of_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def assessment_period_start_in(year: int, month: int, start_day: int) -> dt.date:
    """The day an assessment period starts in ``year``/``month`` for a claim whose periods start on
    ``start_day`` (UC Regs 2013 reg 21(2)): the same day each month; from the 31st, the last day of
    the month; from the 29th or 30th, that day except in February, the 27th (the 28th in a leap year)."""
    if not 1 <= start_day <= 31:
        raise ValueError(f"{start_day} is not a day of the month from 1 to 31")
    last = _last_day_of_month(year, month)
    if start_day == 31:
        return dt.date(year, month, last)
    if start_day in (29, 30) and month == 2:
        return dt.date(year, month, 28 if last == 29 else 27)
    return dt.date(year, month, min(start_day, last))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def assessment_period_containing(day: dt.date, start_day: int) -> tuple[dt.date, dt.date]:
    """The assessment period (first and last day) that holds ``day`` (UC Regs 2013 reg 21(1), (2))."""
    start = assessment_period_start_in(day.year, day.month, start_day)
    if start > day:
        start = assessment_period_start_in(*_add_months(day.year, day.month, -1), start_day)
    following = assessment_period_start_in(*_add_months(start.year, start.month, 1), start_day)
    return start, following - dt.timedelta(days=1)


def assessment_periods(first: dt.date, count: int, start_day: int) -> tuple[tuple[dt.date, dt.date], ...]:
    """``count`` consecutive assessment periods, the first being the one that holds ``first``."""
    out = []
    start, end = assessment_period_containing(first, start_day)
    for _ in range(count):
        out.append((start, end))
        start, end = assessment_period_containing(end + dt.timedelta(days=1), start_day)
    return tuple(out)


WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def benefit_week_containing(day: dt.date, week_ends_on: int) -> tuple[dt.date, dt.date]:
    """The benefit week holding ``day``: seven days ending on weekday ``week_ends_on`` (0 = Monday),
    the claimant's payday (ESA Regs 2013 reg 2(1); JSA Regs 2013 reg 2(1))."""
    end = day + dt.timedelta(days=(week_ends_on - day.weekday()) % 7)
    return end - dt.timedelta(days=6), end
