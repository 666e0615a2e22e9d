"""Paydays and the pay each one brings.

Assumptions (docs/cashflow.md): each payday pays for the pay period that ends on it (weekly,
fortnightly and four-weekly periods of 7, 14 and 28 days; monthly periods from the day after one
payday to the next); a full period pays the usual amount (weekly pay = hours x hourly pay; a month
is 52/12 weeks' pay); a period only partly worked, the first, pays that amount in proportion to its
days on or after the first day of work. The first payday pays for every day worked up to it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from msgspec import Struct

from benefitcalc.errors import ScenarioError
from benefitcalc.periods import MONTHS_IN_YEAR, WEEKS_IN_YEAR
from benefitcalc.scenario import Job

WEEK_BASED: dict[str, int] = {"weekly": 7, "fortnightly": 14, "four_weekly": 28}
# Pay periods in a year (the week-based ones as 52 / weeks)
PERIODS_IN_YEAR: dict[str, Decimal] = {
    "weekly": Decimal(52),
    "fortnightly": Decimal(26),
    "four_weekly": Decimal(13),
    "monthly": Decimal(12),
    "last_working_day": Decimal(12),
}


class Payday(Struct, frozen=True):
    """One payday: the days the pay is for and the gross pay."""

    date: dt.date
    period_start: dt.date  # the first day this pay is for (the first day of work, for the first pay)
    period_end: dt.date  # the last day this pay is for: the payday
    gross: Decimal

    @property
    def days(self) -> int:
        return (self.period_end - self.period_start).days + 1


def last_working_day(year: int, month: int) -> dt.date:
    """The last Monday-to-Friday of the month (bank holidays are not modelled)."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    day = following - dt.timedelta(days=1)
    while day.weekday() > 4:
        day -= dt.timedelta(days=1)
    return day


def _month_later(day: dt.date, months: int, anchor_day: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(anchor_day, (following - dt.timedelta(days=1)).day))


def shift_payday(first_payday: dt.date, frequency: str, steps: int) -> dt.date:
    """The payday ``steps`` pay periods after (or, negative, before) ``first_payday``."""
    if frequency in WEEK_BASED:
        return first_payday + dt.timedelta(days=WEEK_BASED[frequency] * steps)
    if frequency == "monthly":
        return _month_later(first_payday, steps, first_payday.day)
    moved = _month_later(first_payday, steps, 1)
    return last_working_day(moved.year, moved.month)


def default_first_payday(start: dt.date, frequency: str) -> dt.date:
    """The first payday assumed when none is given: one full pay period after the first day of work
    (week-based pay: the same weekday 1, 2 or 4 weeks later, less a day; monthly: the day before the
    same date next month); for pay on the last working day, that of the month if it is at least 14
    days away, else of the next month."""
    if frequency in WEEK_BASED:
        return start + dt.timedelta(days=WEEK_BASED[frequency] - 1)
    if frequency == "monthly":
        return _month_later(start, 1, start.day) - dt.timedelta(days=1)
    this_month = last_working_day(start.year, start.month)
    if (this_month - start).days >= 14:
        return this_month
    moved = _month_later(start, 1, 1)
    return last_working_day(moved.year, moved.month)


def full_period_pay(job: Job, frequency: str) -> Decimal:
    """The gross pay of one whole pay period: weekly pay x 1, 2 or 4 weeks, or x 52 / 12 for a month."""
    weekly = job.hourly_pay * job.hours
    if frequency in WEEK_BASED:
        return weekly * WEEK_BASED[frequency] / 7
    return weekly * WEEKS_IN_YEAR / MONTHS_IN_YEAR


def schedule(job: Job, start: dt.date, frequency: str, first_payday: dt.date, until: dt.date) -> tuple[Payday, ...]:
    """Every payday from the first to ``until`` (inclusive), with the pay each brings."""
    if first_payday < start:
        raise ScenarioError(f"the first payday {first_payday} is before the start of work {start}", "first_payday")
    full = full_period_pay(job, frequency)
    out: list[Payday] = []
    # The first pay: every pay period ending on or before the first payday that holds a day of work.
    gross = Decimal(0)
    steps = 0
    while True:
        end = shift_payday(first_payday, frequency, -steps)
        begin = shift_payday(first_payday, frequency, -steps - 1) + dt.timedelta(days=1)
        worked_from = max(begin, start)
        gross += full * ((end - worked_from).days + 1) / ((end - begin).days + 1)
        if begin <= start:
            break
        steps += 1
    out.append(Payday(first_payday, start, first_payday, gross))
    step = 1
    while (day := shift_payday(first_payday, frequency, step)) <= until:
        out.append(Payday(day, shift_payday(first_payday, frequency, step - 1) + dt.timedelta(days=1), day, full))
        step += 1
    return tuple(out)
