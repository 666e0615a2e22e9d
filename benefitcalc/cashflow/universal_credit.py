"""Universal Credit assessment period by assessment period, on the earnings received in each.

- Earned income is what is received in the assessment period (UC Regs 2013 reg 54), as RTI reports
  it (reg 61): one, two or no paydays make a period's earnings.
- A period whose earnings leave no award ends the award (Welfare Reform Act 2012 s.5: the financial
  condition is not met). A claim is then treated as made at the start of each of the next five
  months (UC, PIP, JSA and ESA (Claims and Payments) Regs 2013 reg 32A), so UC starts again without
  a new claim in the first of them with an award, on the same assessment period dates (UC Regs 2013
  reg 21(3C)); after that the claim is closed and a new claim is needed.
- Surplus earnings (UC Regs 2013 reg 54A): earned income in the period that ended the award above
  "the relevant threshold" (the nil UC threshold plus £2,500 in the temporary de minimis period) is
  the original surplus, counted as earned income on the first claim after it; on each later claim
  within six months, what remains of it (the previous surplus plus that month's earnings, less that
  month's relevant threshold: reg 54A(3)(b)-(d)).
- The transitional element (UC (Transitional Provisions) Regs 2014 Part 4) is included in the
  maximum amount (reg 52); from the second assessment period it is reduced by every increase in
  an element other than the childcare costs element (reg 55(2), (4)), and once nil it does not
  return (reg 55(3)). It stops if the award ends (reg 56(1), (4)), except that where the award
  ended because earned income was too high and a new award follows within three months it is
  kept (reg 57).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from msgspec import Struct
from msgspec.structs import replace

from benefitcalc.breakdown import PersonEarnings, ProgrammeResult
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, pence, positive

# The amounts in the maximum amount whose increase erodes the transitional element (reg 55(4)):
# every element under WRA 2012 ss.9-12 except the childcare costs element.
ERODING_ELEMENTS: tuple[str, ...] = (
    "standard_allowance",
    "child_element",
    "disabled_child_element",
    "lcw_element",
    "lcwra_element",
    "carer_element",
    "housing_element",
)
TREATED_CLAIMS = 5  # Claims and Payments Regs 2013 reg 32A: the five months after the award ends
TRANSITIONAL_RECLAIM_MONTHS = 3  # TP Regs 2014 reg 57: a new award within three months keeps the element

AwardFor = Callable[[int, Decimal, Decimal], ProgrammeResult]


class PeriodAward(Struct, frozen=True):
    """UC for one assessment period and what happened to the claim in it."""

    amount: Decimal
    status: str  # award | nil | no_claim | closed
    result: ProgrammeResult | None
    surplus_earnings: Decimal = ZERO
    transitional_element: Decimal = ZERO
    notes: tuple[str, ...] = ()


def elements_of(result: ProgrammeResult) -> dict[str, Decimal]:
    return {line.key: line.amount for line in result.lines if line.key in ERODING_ELEMENTS}


def relevant_increase(before: dict[str, Decimal], now: dict[str, Decimal]) -> Decimal:
    """TP Regs 2014 reg 55(4): the sum of the increases in each element (new ones included)."""
    return sum((positive(amount - before.get(key, ZERO)) for key, amount in now.items()), ZERO)


def nil_threshold(result: ProgrammeResult, taper: Decimal) -> Decimal:
    """The earned income at which the award is nil: the work allowance plus what the maximum amount
    leaves after unearned income and tariff income, divided by the taper (reg 22)."""
    maximum = result.fact("maximum_amount", ZERO)
    allowance = result.fact("work_allowance", ZERO)
    assert isinstance(maximum, Decimal) and isinstance(allowance, Decimal)
    other = sum((line.amount for line in result.lines if line.key in ("unearned_income", "capital_income")), ZERO)
    return allowance + positive(maximum - other) / taper


def earned(result: ProgrammeResult) -> Decimal:
    value = result.fact("earned_income", ZERO)
    assert isinstance(value, Decimal)
    return value


def with_extra_earnings(e: PersonEarnings, monthly: Decimal) -> PersonEarnings:
    """``e`` with ``monthly`` more earned income (surplus earnings count as earned income, reg 54A(2))."""
    return replace(e, gross=e.gross + monthly * MONTHS_IN_YEAR)


@dataclass
class _Claim:
    """Where the claim stands between assessment periods (the state of the walk below)."""

    transitional: Decimal
    open: bool = True
    ended_at: int = -1
    claims_since: int = 0
    surplus: Decimal = ZERO
    last_earned: Decimal = ZERO
    last_threshold: Decimal = ZERO
    transitional_at_end: Decimal = ZERO
    last_elements: dict[str, Decimal] | None = None
    notes: list[str] = field(default_factory=list)


def _erode(claim: _Claim, result: ProgrammeResult, first: bool) -> Decimal:
    if claim.transitional <= 0 or first or claim.last_elements is None:
        return claim.transitional
    increase = relevant_increase(claim.last_elements, elements_of(result))
    if increase > 0:
        left = positive(claim.transitional - increase)
        claim.notes.append(
            f"The transitional element falls by £{increase:,.2f} of increases in other elements to £{left:,.2f} "
            "(UC (TP) Regs 2014 reg 55(2), (4))" + ("; once nil it does not return (reg 55(3))" if left == 0 else "")
        )
        return left
    return claim.transitional


def _awarded(claim: _Claim, award_for: AwardFor, i: int, extra: Decimal, first: bool) -> ProgrammeResult:
    """The award with the transitional element as eroded for this period (worked twice: the erosion
    reads the period's own elements)."""
    probe = award_for(i, extra, claim.transitional)
    eroded = _erode(claim, probe, first)
    if eroded != claim.transitional:
        claim.transitional = eroded
        return award_for(i, extra, eroded)
    return probe


def _open_period(claim: _Claim, award_for: AwardFor, i: int, taper: Decimal, margin: Decimal) -> PeriodAward:
    result = _awarded(claim, award_for, i, ZERO, i == 0)
    if result.amount > 0:
        claim.last_elements = elements_of(result)
        return PeriodAward(result.amount, "award", result, ZERO, claim.transitional, tuple(claim.notes))
    threshold = nil_threshold(result, taper)
    income = earned(result)
    surplus = pence(positive(income - threshold - margin))
    claim.open, claim.ended_at, claim.claims_since = False, i, 0
    claim.surplus, claim.transitional_at_end = surplus, claim.transitional
    claim.notes.append(
        f"Nil award: earned income of £{income:,.2f} is at or above the £{threshold:,.2f} at which Universal Credit "
        "is nil, so the award ends (WRA 2012 s.5); a claim is treated as made in each of the next five months "
        "(Claims and Payments Regs 2013 reg 32A)"
    )
    if surplus > 0:
        claim.notes.append(
            f"Surplus earnings of £{surplus:,.2f}: earned income above the relevant threshold of "
            f"£{threshold + margin:,.2f} (the nil threshold plus £{margin:,.2f}), carried to a claim in the next six "
            "months (UC Regs 2013 reg 54A)"
        )
    if claim.transitional > 0:
        claim.notes.append(
            f"The transitional element of £{claim.transitional:,.2f} is kept only if a new award follows within "
            "three months (UC (TP) Regs 2014 regs 56, 57)"
        )
    claim.last_earned, claim.last_threshold = income, threshold + margin
    return PeriodAward(ZERO, "nil", result, ZERO, ZERO, tuple(claim.notes))


def _treated_claim(claim: _Claim, award_for: AwardFor, i: int, taper: Decimal, margin: Decimal) -> PeriodAward:
    months = i - claim.ended_at
    if months > TREATED_CLAIMS:
        claim.notes.append(
            "No award for six months: the claim has closed and a new claim is needed (Claims and Payments Regs 2013 "
            "reg 32A)"
        )
        return PeriodAward(ZERO, "closed", None, notes=tuple(claim.notes))
    claim.claims_since += 1
    if claim.claims_since > 1:  # reg 54A(3)(b)-(d): what remains of the surplus after last month's claim
        claim.surplus = pence(positive(claim.surplus + claim.last_earned - claim.last_threshold))
    keeps = months <= TRANSITIONAL_RECLAIM_MONTHS
    claim.transitional = claim.transitional_at_end if keeps else ZERO
    if claim.transitional_at_end > 0 and months == TRANSITIONAL_RECLAIM_MONTHS + 1:
        claim.notes.append(
            f"No new award within three months: the transitional element of £{claim.transitional_at_end:,.2f} is "
            "lost for good (UC (TP) Regs 2014 regs 56, 57)"
        )
    result = _awarded(claim, award_for, i, claim.surplus, False)
    if claim.surplus > 0:
        claim.notes.append(
            f"Surplus earnings of £{claim.surplus:,.2f} count as earned income on this claim (UC Regs 2013 reg 54A(2))"
        )
    if result.amount > 0:
        claim.open = True
        claim.last_elements = elements_of(result)
        claim.notes.append(
            "Universal Credit starts again on the claim treated as made at the start of this assessment period "
            "(Claims and Payments Regs 2013 reg 32A; same assessment period dates, UC Regs 2013 reg 21(3C))"
            + (
                f", with the transitional element of £{claim.transitional:,.2f} (UC (TP) Regs 2014 reg 57)"
                if claim.transitional > 0
                else ""
            )
        )
        return PeriodAward(result.amount, "award", result, claim.surplus, claim.transitional, tuple(claim.notes))
    claim.last_earned = earned(result) - claim.surplus
    claim.last_threshold = nil_threshold(result, taper) + margin
    claim.notes.append("Still no award on the claim treated as made this month")
    return PeriodAward(ZERO, "nil", result, claim.surplus, ZERO, tuple(claim.notes))


def universal_credit_by_period(
    count: int, award_for: AwardFor, taper: Decimal, margins: Sequence[Decimal], transitional: Decimal
) -> list[PeriodAward]:
    """UC for ``count`` assessment periods. ``award_for(i, extra_earnings, transitional_element)`` is
    the award for period ``i`` with ``extra_earnings`` (a month) added to the worker's earned income;
    ``margins`` each period's surplus earnings margin (reg 54A)."""
    claim = _Claim(transitional)
    out: list[PeriodAward] = []
    for i in range(count):
        claim.notes = []
        if claim.open:
            out.append(_open_period(claim, award_for, i, taper, margins[i]))
        else:
            out.append(_treated_claim(claim, award_for, i, taper, margins[i]))
    return out


def payment_date(end: dt.date) -> dt.date:
    """UC is paid monthly in arrears, seven days after the assessment period ends (Claims and Payments
    Regs 2013 reg 47(1)); a payment due on a Saturday or Sunday is made on the Friday before (bank
    holidays are not modelled)."""
    day = end + dt.timedelta(days=7)
    while day.weekday() > 4:
        day -= dt.timedelta(days=1)
    return day
