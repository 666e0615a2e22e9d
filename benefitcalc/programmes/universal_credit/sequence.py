"""Universal Credit over a sequence of assessment periods: self-employed losses carried forward (reg 57A)
and surplus earnings (reg 54A). Pure functions for month-by-month (cash-flow) work.

The engine's point is one assessment period standing for every month, so these rules cannot act on it:
with identical months a loss is made every month and never meets a month of profit, and no month of
high earnings is followed by lower ones. Here each month is its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from msgspec import Struct

from benefitcalc.periods import ZERO, positive


class TradingMonth(Struct, frozen=True):
    """One assessment period of a business, cash basis: money in and out, and payments made in it."""

    receipts: Decimal
    expenses: Decimal
    tax_and_ni_paid: Decimal = ZERO  # paid to HMRC in the period, in respect of the trade (step 3)
    relievable_pension: Decimal = ZERO  # pension contributions paid in the period, gross (step 4)


class SelfEmployedPeriod(Struct, frozen=True):
    """Reg 57(2) for one assessment period, with the unused losses before and after it (reg 57A)."""

    step_3: Decimal  # receipts less expenses, less tax and NI paid (negative: a loss)
    self_employed_earnings: Decimal
    losses_brought_forward: Decimal
    losses_used: Decimal
    loss_made: Decimal
    losses_carried_forward: Decimal


def self_employed_earnings_sequence(
    months: Sequence[TradingMonth], unused_losses: Decimal = ZERO
) -> list[SelfEmployedPeriod]:
    """Reg 57(2) steps 1-5 month by month: a negative result of steps 1-3 is a loss (reg 57A(1)) and
    the earnings are nil; otherwise pension payments are deducted (step 4) and then the unused losses
    (step 5), which are used only as far as they bring the earnings to nil (reg 57A(2))."""
    out = []
    losses = unused_losses
    for month in months:
        step_3 = month.receipts - month.expenses - month.tax_and_ni_paid
        brought = losses
        if step_3 <= 0:
            loss = -step_3
            losses += loss
            out.append(SelfEmployedPeriod(step_3, ZERO, brought, ZERO, loss, losses))
            continue
        step_4 = positive(step_3 - month.relievable_pension)
        used = min(step_4, losses)
        losses -= used
        out.append(SelfEmployedPeriod(step_3, step_4 - used, brought, used, ZERO, losses))
    return out


def nil_earnings_threshold(
    maximum_amount: Decimal, unearned_income: Decimal, work_allowance: Decimal, taper_rate: Decimal
) -> Decimal:
    """The earned income at which the award falls to nil: the work allowance plus what is left of the
    maximum amount after unearned income, divided by the taper (reg 22)."""
    return work_allowance + positive(maximum_amount - unearned_income) / taper_rate


class SurplusPeriod(Struct, frozen=True):
    """One month's earned income with surplus earnings brought forward (reg 54A)."""

    earned_income: Decimal  # the month's own earned income
    surplus_brought_forward: Decimal
    counted: Decimal  # earned income with the surplus, as UC counts it
    entitled: bool  # an award is payable (counted below the nil earnings threshold)
    surplus_carried_forward: Decimal


def surplus_earnings_sequence(
    earned: Sequence[Decimal],
    nil_threshold: Decimal,
    de_minimis: Decimal,
    claims_after_termination: int = 5,
) -> list[SurplusPeriod]:
    """Reg 54A month by month, for a claimant on an award at the start who claims again every month
    after it ends. The relevant threshold is the nil earnings threshold plus ``de_minimis`` (reg 54A(6);
    £2,500 in the temporary de minimis period). An award ends in a month whose earned income reaches
    the nil earnings threshold; if it exceeded the relevant threshold the excess is the surplus,
    counted as earned income on the next claim (reg 54A(1)-(3)(a)). While a claim fails, the surplus
    for the next is the amount by which surplus and that month's earned income exceed the relevant
    threshold (the adjusted surplus, reg 54A(3)(b)-(d)); it lapses after ``claims_after_termination``
    claims (the old award must have ended within the 6 months before the claim, reg 54A(1)(a))."""
    relevant = nil_threshold + de_minimis
    out = []
    on_award = True
    surplus = ZERO
    claims = 0
    for income in earned:
        counted = income + surplus
        entitled = counted < nil_threshold
        carried = ZERO
        if entitled:
            on_award, claims = True, 0
        elif on_award:
            # the award ends in this month (its final assessment period)
            carried, on_award, claims = positive(income - relevant), False, 0
        elif surplus > 0:
            claims += 1
            carried = positive(counted - relevant) if claims < claims_after_termination else ZERO
        out.append(SurplusPeriod(income, surplus, counted, entitled, carried))
        surplus = carried
    return out
