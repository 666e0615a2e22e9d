"""The weekly benefits, benefit week by benefit week, and the days they are paid.

New Style ESA, New Style JSA and Carer's Allowance (Carer Support Payment in Scotland) are worked
out for each benefit week from the work done and the pay earned in it:

- **earnings by the week the pay is for**: each pay is spread over the days it is for, and a benefit
  week counts the pay of its own days (for Carer's Allowance, the Social Security Benefit
  (Computation of Earnings) Regulations 1996 regs 7-8: earnings are taken into account for the
  period in respect of which they are payable, as a weekly amount). The ESA and JSA regulations
  instead count pay from the day it is paid (ESA Regs 2013 regs 76-78): not modelled;
- **hours from the first week of work**: a benefit week holding a day of work counts the job's
  weekly hours (ESA Regs 2013 reg 37: no ESA for a week in which non-exempt work is done; JSA: no
  JSA in a week of remunerative work of 16 hours or more, Jobseekers Act 1995 s.1(2)(e)).

Other weekly benefits (PIP, DLA, Attendance Allowance, Child Benefit, Scottish Child Payment, ...)
do not depend on the pay and are taken as the steady-state calculation gives them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from msgspec import Struct

from benefitcalc.breakdown import PersonEarnings, ProgrammeResult
from benefitcalc.cashflow.payroll import Payslip
from benefitcalc.periods import WEEKS_IN_YEAR, ZERO, benefit_week_containing
from benefitcalc.programmes import carers_allowance, new_style_esa, new_style_jsa
from benefitcalc.programmes.rule_views import RuleViews
from benefitcalc.scenario import Scenario

EARNINGS_TESTED: tuple[str, ...] = ("new_style_esa", "new_style_jsa", "carers_allowance", "carer_support_payment")
ONE_DAY = dt.timedelta(days=1)


class BenefitWeek(Struct, frozen=True):
    """One benefit week and each earnings-tested benefit's result for it, by programme and adult."""

    start: dt.date
    end: dt.date
    results: Mapping[str, list[tuple[str, ProgrammeResult]]]

    def amount(self, programme: str) -> Decimal:
        return sum((r.amount for _, r in self.results.get(programme, [])), ZERO)


class Payment(Struct, frozen=True):
    """Money paid on ``date`` for the days ``covers`` (first and last)."""

    date: dt.date
    programme: str
    amount: Decimal
    covers: tuple[dt.date, dt.date]


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    return max(0, (min(a[1], b[1]) - max(a[0], b[0])).days + 1)


def week_earnings(
    steady: PersonEarnings, payslips: Sequence[Payslip], week: tuple[dt.date, dt.date], start: dt.date
) -> PersonEarnings:
    """The worker's earnings for one benefit week (the pay for its days), as yearly figures (x 52):
    the shape the weekly programmes read, so that their weekly amount is exactly the week's."""
    gross = tax = ni = pension = ZERO
    for slip in payslips:
        days = _overlap((slip.payday.period_start, slip.payday.period_end), week)
        if days:
            share = Decimal(days) / slip.payday.days
            gross += slip.gross * share
            tax += slip.income_tax * share
            ni += slip.national_insurance * share
            pension += slip.pension * share
    hours = steady.hours if week[1] >= start else ZERO
    return PersonEarnings(
        steady.name, hours, gross, gross * WEEKS_IN_YEAR, pension * WEEKS_IN_YEAR, steady.pension_relief,
        ni * WEEKS_IN_YEAR, tax * WEEKS_IN_YEAR,
    )  # fmt: skip


def benefit_weeks(
    scenario: Scenario,
    views_on: Callable[[dt.date], RuleViews],
    steady: Sequence[PersonEarnings],
    payslips: Sequence[Payslip],
    start: dt.date,
    span: tuple[dt.date, dt.date],
    week_ends_on: int,
) -> tuple[BenefitWeek, ...]:
    """Every benefit week that holds a day of ``span``, with ESA, JSA and the carer benefit for it."""
    out = []
    week = benefit_week_containing(span[0], week_ends_on)
    worker = scenario.worker_index
    while week[0] <= span[1]:
        v = views_on(week[0])
        results: dict[str, list[tuple[str, ProgrammeResult]]] = {}
        for i, adult in enumerate(scenario.adults):
            e = week_earnings(steady[i], payslips, week, start) if i == worker else steady[i]
            for result in (
                new_style_esa.calculate(adult, e, v.new_style_esa),
                new_style_jsa.calculate(adult, e, v.new_style_jsa),
                carers_allowance.calculate(adult, e, v.carers_allowance, scenario.nation),
            ):
                if result is not None:
                    results.setdefault(result.programme, []).append((adult.name, result))
        out.append(BenefitWeek(week[0], week[1], results))
        week = (week[0] + 7 * ONE_DAY, week[1] + 7 * ONE_DAY)
    return tuple(out)


def paid_in_arrears(
    programme: str, weekly: Sequence[tuple[dt.date, dt.date, Decimal]], weeks_each: int
) -> list[Payment]:
    """A weekly benefit paid every ``weeks_each`` weeks in arrears, on the last day of the last week
    covered (the benefit payday): ``weekly`` is (first day, last day, amount) of consecutive weeks."""
    out = []
    for i in range(0, len(weekly) - weeks_each + 1, weeks_each):
        block = weekly[i : i + weeks_each]
        out.append(Payment(block[-1][1], programme, sum((w[2] for w in block), ZERO), (block[0][0], block[-1][1])))
    return out


class Ending(Struct, frozen=True):
    """A weekly benefit that stops: the first benefit week without it and the last payment of it."""

    programme: str
    person: str
    weekly_amount: Decimal
    ends_from: dt.date
    last_payment_date: dt.date | None
    last_payment: Decimal


def endings(weeks: Sequence[BenefitWeek], payments: Sequence[Payment]) -> list[Ending]:
    """Each earnings-tested benefit paid in the first week that later stops."""
    out: list[Ending] = []
    if not weeks:
        return out
    for programme in EARNINGS_TESTED:
        for name, first in weeks[0].results.get(programme, []):
            if first.amount <= 0:
                continue
            stop = next(
                (w for w in weeks if any(n == name and r.amount <= 0 for n, r in w.results.get(programme, []))), None
            )
            if stop is None:
                continue
            paid = [p for p in payments if p.programme == programme and p.amount > 0 and p.covers[0] < stop.start]
            last = paid[-1] if paid else None
            out.append(
                Ending(programme, name, first.amount, stop.start, last.date if last else None,
                       last.amount if last else ZERO)
            )  # fmt: skip
    return out
