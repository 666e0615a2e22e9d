"""The work in a scenario: a job (pay, hours, pension, paydays), self-employment and an existing UC claim."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    model_validator,
)

from benefitcalc.scenario.values import (
    Amount,
    Date,
    Hours,
    Rate,
    _Model,
    _money_text,
)


class PensionContribution(_Model):
    """An employee pension contribution as a share of pay."""

    employee_rate: Rate
    basis: Literal["gross", "qualifying_earnings"] = "gross"
    relief: Literal["net_pay", "relief_at_source"] = "net_pay"


PensionChoice = Literal["none", "auto_enrolment"] | PensionContribution


PayFrequency = Literal["weekly", "fortnightly", "four_weekly", "monthly", "last_working_day"]
# The longest gap from the start of work to the first payday that is accepted: two pay periods
# (payrolls close some days before payday, so a first wage can hold more than one period's pay).
_FIRST_PAYDAY_WITHIN_DAYS: dict[str, int] = {
    "weekly": 14,
    "fortnightly": 28,
    "four_weekly": 56,
    "monthly": 62,
    "last_working_day": 62,
}


class Job(_Model):
    """The work being considered; a sweep varies ``hours``. ``start_date``, ``pay_frequency`` and
    ``first_payday`` place it in time for `benefitcalc cashflow` (docs/cashflow.md)."""

    hourly_pay: Annotated[Decimal, BeforeValidator(_money_text), Field(gt=0, le=10000)]
    hours: Hours = Decimal(0)
    pension: PensionChoice = "none"
    current_hours: Hours | None = None  # hours worked now, for `--baseline current` (default: 0, not working)
    start_date: Date | None = None
    pay_frequency: PayFrequency | None = None
    first_payday: Date | None = None

    @model_validator(mode="after")
    def _dates_agree(self) -> Job:
        check_pay_dates(self.start_date, self.pay_frequency, self.first_payday)
        return self


def check_pay_dates(start: dt.date | None, frequency: str | None, first_payday: dt.date | None) -> None:
    """``ValueError`` naming the contradiction, if the job's dates do not fit together."""
    if first_payday is None:
        return
    if start is None:
        raise ValueError("`first_payday` needs the job's `start_date`")
    if first_payday < start:
        raise ValueError(
            f"`first_payday` {first_payday} is before `start_date` {start}: wages are paid for work done, "
            "so the first payday is on or after the first day of work"
        )
    if frequency is None:
        return
    if frequency == "last_working_day" and (
        first_payday.weekday() > 4
        or any((first_payday + dt.timedelta(days=n)).month == first_payday.month
               and (first_payday + dt.timedelta(days=n)).weekday() <= 4 for n in range(1, 4))
    ):  # fmt: skip
        raise ValueError(
            f"`first_payday` {first_payday} is not the last working day (Monday to Friday) of its month, "
            "as `pay_frequency: last_working_day` says"
        )
    limit = _FIRST_PAYDAY_WITHIN_DAYS[frequency]
    if (first_payday - start).days > limit:
        raise ValueError(
            f"`first_payday` {first_payday} is {(first_payday - start).days} days after `start_date` {start}: "
            f"more than two {frequency.replace('_', ' ')} pay periods ({limit} days); check the dates"
        )


class UniversalCreditClaim(_Model):
    """An existing Universal Credit claim: the day its assessment periods start (UC Regs 2013 reg 21)
    and any transitional element from a move from legacy benefits (UC (Transitional Provisions)
    Regulations 2014 Part 4, reg 55)."""

    assessment_period_start_day: Annotated[int, Field(ge=1, le=31)]
    transitional_element: Amount | None = None


class FlatRateExpenses(_Model):
    """Flat-rate deductions chosen instead of the actual costs (UC Regs 2013 reg 59): business miles
    driven by car, and hours the home is used for the business, in a month."""

    business_miles_per_month: Annotated[Decimal, Field(ge=0, le=100000)] = Decimal(0)
    home_working_hours_per_month: Annotated[Decimal, Field(ge=0, le=744)] = Decimal(0)


class SelfEmployment(_Model):
    """A trade, profession or vocation carried on by the adult (docs/scenario.md, "Self-employment").

    The profit is given as ``profit`` or as ``turnover`` with ``expenses`` (receipts and costs on the
    cash basis, UC Regs 2013 reg 57). ``start_up_period`` left null is worked out from ``started``
    (reg 63); true or false states DWP's decision.
    """

    profit: Amount | None = None
    turnover: Amount | None = None
    expenses: Amount | None = None
    flat_rate_expenses: FlatRateExpenses | None = None
    hours_per_week: Hours = Decimal(0)
    started: Date | None = None
    gainfully_self_employed: bool = True
    start_up_period: bool | None = None
    previous_start_up_period: Date | None = None  # the start of an earlier start-up period, any trade (reg 63(2))
    personal_pension: Amount | None = None  # paid into a personal pension, net of basic-rate relief
    voluntary_class_2: bool = False  # pay Class 2 voluntarily where profits are below the small profits threshold
    trading_allowance: bool | None = None  # null: used where better (ITTOIA 2005 Part 7A)

    @model_validator(mode="after")
    def _consistent(self) -> SelfEmployment:
        if self.profit is not None and (self.turnover is not None or self.expenses is not None):
            raise ValueError(
                "give the profit either as `profit` or as `turnover` and `expenses`, not both "
                "(the profit is the turnover less the expenses)"
            )
        if self.profit is None and self.turnover is None:
            raise ValueError("give `profit` ({amount, period}) or `turnover` (and `expenses`)")
        if self.profit is not None and self.flat_rate_expenses is not None:
            raise ValueError("`flat_rate_expenses` are deducted from `turnover`: give `turnover`, not `profit`")
        if self.profit is not None and self.trading_allowance:
            raise ValueError("the trading allowance is deducted from `turnover`: give `turnover`, not `profit`")
        if self.start_up_period and not self.gainfully_self_employed:
            raise ValueError(
                "`start_up_period: true` is only for gainful self-employment (UC Regs 2013 reg 63): "
                "`gainfully_self_employed` is false"
            )
        if self.start_up_period is None and self.gainfully_self_employed and self.started is None:
            raise ValueError(
                "give `started` (the date the business began), or `start_up_period: true` or `false` "
                "(DWP's decision), so the start-up period (UC Regs 2013 reg 63) can be worked out"
            )
        if self.previous_start_up_period is not None and self.started is not None:
            if self.previous_start_up_period > self.started:
                raise ValueError("`previous_start_up_period` must be before `started`")
        return self
