"""What the better-off analysis moves along: the worker's hours, or the self-employed adult's monthly profit.

Every search bisects on whole units (an ``int``), so every edge is found exactly:

* on the **hours** axis of a worker with a job, a unit is a penny of weekly pay at the job's hourly
  pay (hours = pennies / 100 / hourly pay, rounded down at 1e-12 so pay never passes the penny);
* on the **hours** axis of a worker with only a business, a unit is a hundredth of an hour (the
  business's profit does not move with its hours; the hours matter to ESA's and JSA's 16-hour rules),
  and 0 hours is the household without the business;
* on the **profit** axis, a unit is a penny of monthly profit of the self-employed adult
  (:meth:`Scenario.with_profit`); the business's hours stay as given.

The axis also says where a search past the points asked for stops (168 hours, or
:data:`MAX_MONTHLY_PROFIT`) and how finely the analysis samples between points.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Literal

from msgspec import Struct

from benefitcalc.breakdown import PointResult
from benefitcalc.engine import Context, calculate_point
from benefitcalc.hours import MAX_HOURS, MAX_MONTHLY_PROFIT  # the tops of a search past the points
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, pence
from benefitcalc.scenario import Scenario

HOURS_QUANTUM = Decimal("1E-12")
CENT = Decimal("0.01")
HOURS_GRID_STEP = Decimal("0.5")  # hours between the analysis's own sample points
PROFIT_GRID_STEP = Decimal(10)  # £ of monthly profit between them


def ceil2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_CEILING)


def floor2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_FLOOR)


class Axis(Struct, frozen=True):
    """The axis of one analysis: ``kind`` and, on the hours axis of a job, the job's hourly pay
    (``rate``; ``None`` for a worker with only a business: units are then hundredths of an hour)."""

    kind: Literal["hours", "profit"]
    rate: Decimal | None = None
    person: int = 0  # the adult whose profit moves (profit axis) or whose pay is reported

    @property
    def maximum(self) -> Decimal:
        return MAX_HOURS if self.kind == "hours" else MAX_MONTHLY_PROFIT

    @property
    def grid_step(self) -> Decimal:
        return HOURS_GRID_STEP if self.kind == "hours" else PROFIT_GRID_STEP

    def scenario_at(self, scenario: Scenario, value: Decimal) -> Scenario:
        """The household at ``value`` on the axis. For a worker with only a business, 0 hours is the
        household without the business (:func:`without_business`): it would otherwise still make its profit."""
        if self.kind == "profit":
            return scenario.with_profit(value, "month")
        if value == 0 and self.rate is None:
            return without_business(scenario)
        return scenario.with_hours(value)

    def point_at(self, scenario: Scenario, value: Decimal, ctx: Context) -> PointResult:
        """The engine's point at ``value`` on the axis (:meth:`scenario_at`)."""
        if self.kind == "hours" and value == 0 and self.rate is None:
            return without_business_point(scenario, ctx)
        return calculate_point(self.scenario_at(scenario, value), ctx)

    def value_of(self, point: PointResult) -> Decimal:
        """Where a point is on the axis: its hours, or the adult's profit a month (a year's / 12)."""
        if self.kind == "hours":
            return point.hours
        business = point.earnings[self.person].self_employment
        return business.profit / MONTHS_IN_YEAR if business is not None else ZERO

    def value_for(self, units: int) -> Decimal:
        """The value at ``units`` (hours rounded down at 1e-12 on the hours axis of a job)."""
        if self.kind == "profit" or self.rate is None:
            return Decimal(units) / 100
        return (Decimal(units) / 100 / self.rate).quantize(HOURS_QUANTUM, rounding=ROUND_FLOOR)

    def units(self, value: Decimal, rounding: str) -> int:
        """The whole units at ``value``, rounded as asked."""
        per = self.rate if self.kind == "hours" and self.rate is not None else Decimal(1)
        return int((value * per * 100).quantize(Decimal(1), rounding=rounding))

    def first(self, units: int) -> Decimal:
        """The fewest hours (to 0.01, rounded up) that reach ``units``, or the profit there."""
        if self.kind == "profit" or self.rate is None:
            return Decimal(units) / 100
        return ceil2(Decimal(units) / 100 / self.rate)

    def last(self, units: int) -> Decimal:
        """The most hours (to 0.01, rounded down) that stay at or below ``units``, or the profit there."""
        if self.kind == "profit" or self.rate is None:
            return Decimal(units) / 100
        return floor2(Decimal(units) / 100 / self.rate)

    def weekly_pay(self, units: int, point: PointResult) -> Decimal:
        """The weekly pay to report at ``units``: the penny itself on the hours axis of a job, else the
        adult's gross earnings (pay and profit) a year / 52 at ``point``, to the penny."""
        if self.kind == "hours" and self.rate is not None:
            return Decimal(units) / 100
        return pence(point.earnings[self.person].gross / 52)

    def hours_at(self, scenario: Scenario, units: int) -> Decimal:
        """The worker's hours at ``units``: the axis itself, or (profit axis) the hours as given."""
        return self.first(units) if self.kind == "hours" else scenario.worker_hours


def hours_axis(scenario: Scenario) -> Axis:
    """The hours axis of the worker: by pennies of weekly pay at the job's hourly pay, or by hundredths
    of an hour for a worker with only a business."""
    job = scenario.worker.job
    return Axis("hours", job.hourly_pay if job is not None else None, scenario.worker_index)


def profit_axis(scenario: Scenario) -> Axis:
    """The profit axis of the self-employed adult (:attr:`Scenario.self_employed_index`)."""
    return Axis("profit", None, scenario.self_employed_index)


def without_business(scenario: Scenario) -> Scenario:
    """The household as if the self-employed adult had no business: no profit, no hours, and (not
    gainfully self-employed, UC Regs 2013 reg 64) no minimum income floor: the profit axis's "not
    working". The scenario model needs someone's work, so the business stays, emptied, rather than go."""
    index = scenario.self_employed_index
    adult = scenario.adults[index]
    business = scenario.with_profit(ZERO, "month").adults[index].self_employment
    assert business is not None
    emptied = business.model_copy(update={"hours_per_week": ZERO, "gainfully_self_employed": False})
    adults = list(scenario.adults)
    adults[index] = adult.model_copy(update={"self_employment": emptied})
    return scenario.model_copy(update={"adults": tuple(adults)})


# What the engine says about a business: not said of the household without one (the business is
# only emptied there, and marked not gainful so that no minimum income floor applies).
BUSINESS_WARNINGS = frozenset(
    {
        "self_employed_reporting",
        "not_gainfully_self_employed",
        "minimum_income_floor",
        "minimum_income_floor_after_start_up",
        "start_up_period_ends",
        "self_employed_loss",
    }
)


def without_business_point(scenario: Scenario, ctx: Context) -> PointResult:
    """The engine's point for :func:`without_business`, without the warnings about the emptied business."""
    point = calculate_point(without_business(scenario), ctx)
    return replace(point, warnings=tuple(w for w in point.warnings if w.code not in BUSINESS_WARNINGS))
