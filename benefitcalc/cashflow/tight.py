"""Tight periods: assessment periods in which the money in falls short of the usual outgoings, and
what can help. The sentences are computed from the figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from msgspec import Struct

from benefitcalc import registry
from benefitcalc.cashflow.timeline import Timeline
from benefitcalc.cashflow.words import day_month, long_date, money
from benefitcalc.periods import ZERO

_ITEM_NAMES = {
    "rent": "rent",
    "council_tax": "council tax",
    "childcare": "childcare",
    "work_costs": "work costs",
    "living_costs": "living costs",
}


class TightPeriod(Struct, frozen=True):
    start: dt.date
    end: dt.date
    money_in: Decimal
    outgoings: Decimal
    shortfall: Decimal
    received: dict[str, Decimal]  # wages and each benefit received in the period
    explanation: str
    help: tuple[str, ...]


def _received(timeline: Timeline, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {"wages": sum((s.net for s in timeline.payslips if start <= s.payday.date <= end), ZERO)}
    for p in timeline.payments:
        if start <= p.date <= end and p.amount > 0:
            out[p.programme] = out.get(p.programme, ZERO) + p.amount
    return {k: v for k, v in out.items() if v > 0}


def _help(timeline: Timeline, start: dt.date, end: dt.date, received: dict[str, Decimal]) -> tuple[str, ...]:
    out = []
    first_payday = timeline.options.first_payday
    if first_payday > start and timeline.options.start_date <= end:
        out.append(
            f"Ask the employer whether the first wage, due {long_date(first_payday)}, can be paid early or in part "
            "(an advance of pay)."
        )
    on_uc = any(p.award.status != "no_claim" for p in timeline.periods)
    if on_uc:
        out.append(
            "Ask for a Universal Credit advance, paid back out of later payments (Social Security (Payments on "
            "Account of Benefit) Regulations 2013). A budgeting advance usually needs six months on Universal "
            "Credit with low earnings, but not the six months where it is for the costs of getting or keeping "
            "a job (reg 12)."
        )
    if timeline.options.start_date >= start - dt.timedelta(days=31):
        out.append(
            "Ask the work coach, before the job starts, about the Flexible Support Fund: a Jobcentre Plus fund, at "
            "the work coach's discretion, for the costs of starting work (travel, clothes, tools, childcare up to "
            "the first wage)."
        )
    if "universal_credit" not in received and on_uc:
        out.append(
            "No Universal Credit payment lands in this period: the next one is paid a week after the period ends."
        )
    return tuple(out)


def tight_periods(timeline: Timeline) -> tuple[TightPeriod, ...]:
    """Each assessment period whose money in (wages after deductions and benefits paid in it) is less than
    a month's usual outgoings (rent, council tax less its reduction, childcare, work and living costs)."""
    out = []
    for period, items in zip(timeline.periods[1:], timeline.outgoings[1:], strict=True):  # [0]: the lead-in
        received = _received(timeline, period.start, period.end)
        money_in = sum(received.values(), ZERO)
        outgoings = sum(items.values(), ZERO)
        if money_in >= outgoings:
            continue
        parts = ", ".join(f"{_ITEM_NAMES[k]} {money(v)}" for k, v in items.items())
        got = (
            ", ".join(f"{'wages' if k == 'wages' else registry.title(k)} {money(v)}" for k, v in received.items())
            or "nothing"
        )
        explanation = (
            f"From {day_month(period.start)} to {long_date(period.end)} the money in ({got}: {money(money_in)}) is "
            f"{money(outgoings - money_in)} short of the usual outgoings of {money(outgoings)} ({parts})."
        )
        out.append(
            TightPeriod(
                period.start,
                period.end,
                money_in,
                outgoings,
                outgoings - money_in,
                received,
                explanation,
                _help(timeline, period.start, period.end, received),
            )  # fmt: skip
        )
    return tuple(out)
