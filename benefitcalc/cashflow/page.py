"""The report's "your first months" page as a typed model: the figures and the sentences computed
from them. The report package lays it out; nothing here formats a page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from msgspec import Struct

from benefitcalc import registry
from benefitcalc.cashflow.tight import TightPeriod, tight_periods
from benefitcalc.cashflow.timeline import Timeline
from benefitcalc.cashflow.words import day_month, long_date, money
from benefitcalc.periods import ZERO


class MonthRow(Struct, frozen=True):
    """One assessment period: wages received, UC for it and when UC is paid."""

    start: dt.date
    end: dt.date
    paydays: tuple[dt.date, ...]
    wages: Decimal  # after tax, NI and pension
    universal_credit: Decimal
    universal_credit_paid_on: dt.date
    tight: bool


class FirstMonthsPage(Struct, frozen=True):
    title: str
    summary: tuple[str, ...]
    rows: tuple[MonthRow, ...]
    tight: tuple[TightPeriod, ...]
    help: tuple[str, ...]
    assumptions: tuple[str, ...]


def _summary(t: Timeline) -> list[str]:
    out = []
    first = t.payslips[0] if t.payslips else None
    if first is not None:
        gap = (first.payday.date - t.options.start_date).days
        out.append(
            f"Work starts on {long_date(t.options.start_date)}; the first wage, {money(first.net)} after deductions, "
            f"is paid on {long_date(first.payday.date)}, {gap} days later."
        )
    for e in t.endings:
        last = (
            f"the last payment, {money(e.last_payment)}, is on {long_date(e.last_payment_date)}"
            if e.last_payment_date
            else "nothing more is paid"
        )
        out.append(
            f"{registry.title(e.programme)} of {money(e.weekly_amount)} a week stops from the benefit week "
            f"starting {long_date(e.ends_from)}: {last}."
        )
    paid = [p for p in t.periods if p.award.status != "no_claim"]
    if paid:
        before = paid[0].award.amount
        changes = [p for p in paid[1:] if p.award.amount != before]
        if changes:
            low = min(paid, key=lambda p: p.award.amount)
            high = max(paid, key=lambda p: p.award.amount)
            # the direction from the figures: a fall to the lowest award, else a rise to the highest
            extreme, word = (low, "falls") if low.award.amount < before else (high, "rises")
            out.append(
                f"Universal Credit {word} from {money(before)} to {money(extreme.award.amount)} at its "
                f"{'lowest' if word == 'falls' else 'highest'} (for the assessment period ending "
                f"{day_month(extreme.end)}, paid {day_month(extreme.payment_date)}), as wages received in each "
                "assessment period count against it."
            )
        two = [p for p in paid if len(p.payslips) >= 2]
        for p in two:
            out.append(
                f"The assessment period from {day_month(p.start)} to {day_month(p.end)} holds {len(p.payslips)} "
                "paydays, so "
                f"Universal Credit for it is {money(p.award.amount)}."
            )
    return out


def first_months_page(t: Timeline) -> FirstMonthsPage:
    tight = tight_periods(t)
    tight_starts = {tp.start for tp in tight}
    rows = tuple(
        MonthRow(
            p.start,
            p.end,
            tuple(s.payday.date for s in p.payslips),
            p.net_pay,
            p.award.amount,
            p.payment_date,
            p.start in tight_starts,
        )  # fmt: skip
        for p in t.periods
    )
    summary = _summary(t)
    if tight:
        total = sum((tp.shortfall for tp in tight), ZERO)
        summary.append(
            f"{len(tight)} of the {len(rows)} assessment periods are tight: money in falls {money(total)} short of "
            "the usual outgoings in all."
        )
    else:
        summary.append("In every assessment period shown, money in covers the usual outgoings.")
    help_text = tuple(dict.fromkeys(h for tp in tight for h in tp.help))
    return FirstMonthsPage("Your first months in work", tuple(summary), rows, tight, help_text, t.options.assumed)
