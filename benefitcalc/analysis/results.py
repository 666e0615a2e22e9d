"""What the better-off analysis finds: edges, crossings, the childcare choice and the whole analysis.

Each is a frozen record (``msgspec.Struct``), as across the package (CONTRIBUTING.md).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from msgspec import Struct

from benefitcalc.breakdown import PointResult
from benefitcalc.scenario import Scenario


class Change(Struct, frozen=True):
    """How one part of disposable income changes across an edge or a crossing.

    ``part`` is a programme (a benefit, a counted passport, Tax-Free Childcare) or a registry
    component (pay, income tax, NI, pension contributions, the High Income Child Benefit Charge,
    housing costs, council tax, childcare, work costs). Every figure is signed as it counts in
    disposable income (money out negative) and rounded to pence as the points are:
    ``before``/``after`` a week on each side, ``weekly`` and ``monthly`` the change. The changes
    of one edge add up exactly to its change in disposable income, a week and a month.
    """

    part: str
    weekly: Decimal
    monthly: Decimal
    before: Decimal
    after: Decimal


PENSION_CAUSE = "pension_auto_enrolment"  # registry: the pension contributions component's cause


class Crossing(Struct, frozen=True):
    """Where something starts or stops: the fewest hours (to 0.01, rounded up) and the weekly pay,
    with what changes between the last penny of weekly pay before it and the first at it.

    On the profit axis: ``profit`` is the first penny of monthly profit at it, ``hours`` the
    business's hours (which stay as given) and ``gross_weekly_earnings`` the adult's pay and profit
    a week there."""

    hours: Decimal
    gross_weekly_earnings: Decimal
    changes: tuple[Change, ...] = ()
    profit: Decimal | None = None


class Edge(Struct, frozen=True):
    """A step in disposable income between two neighbouring pennies of weekly pay.

    ``gross_weekly_earnings`` is the first penny of weekly pay on the far side of the edge and
    ``hours`` the fewest hours (to 0.01, rounded up) that earn it; ``safe_gross_weekly_earnings`` and
    ``safe_hours`` (rounded down) are the most just before it. ``weekly_change`` and
    ``monthly_change`` are the change in disposable income across the edge (negative: a cliff).
    """

    hours: Decimal
    gross_weekly_earnings: Decimal
    safe_hours: Decimal
    safe_gross_weekly_earnings: Decimal
    cause: str
    programme: str
    weekly_change: Decimal
    monthly_change: Decimal
    message: str
    detail: str = ""
    label: str = ""
    recovered: Crossing | None = None  # for a cliff: the fewest hours past it that make up the loss
    changes: tuple[Change, ...] = ()
    # ``safe_hours`` rounded down to a whole or half hour a client can work, and the weekly pay there
    safe_hours_rounded: Decimal | None = None
    safe_hours_rounded_gross_weekly_earnings: Decimal | None = None
    # On the profit axis: the first penny of monthly profit across the edge and the most just
    # before it (``hours`` are then the business's hours, which do not move)
    profit: Decimal | None = None
    safe_profit: Decimal | None = None

    @property
    def is_saving(self) -> bool:
        """A fall that is only pension contributions starting: the worker's own saving, not money lost."""
        return self.cause == PENSION_CAUSE

    @property
    def monthly_loss(self) -> Decimal:
        return -self.monthly_change

    @property
    def weekly_loss(self) -> Decimal:
        return -self.weekly_change

    @property
    def summary(self) -> str:
        """One short line: what happens and what it costs (or brings) a month."""
        head = self.label[:1].upper() + self.label[1:]
        where = f"from {self.hours:g} hours (£{self.gross_weekly_earnings:,.2f} a week)"
        if self.profit is not None:
            where = f"from £{self.profit:,.2f} a month profit"
        if self.monthly_change < 0:
            return f"{head}: £{-self.monthly_change:,.2f} a month less {where}"
        return f"{head}: £{self.monthly_change:,.2f} a month more {where}"


class PassportEnd(Struct, frozen=True):
    """Passported help that ends as pay rises, where its value is not counted in disposable income."""

    passport: str
    hours: Decimal
    gross_weekly_earnings: Decimal
    safe_hours: Decimal
    safe_gross_weekly_earnings: Decimal
    monthly_value: Decimal  # the estimated value lost, a month
    message: str
    profit: Decimal | None = None  # on the profit axis: the first penny of monthly profit without it
    safe_profit: Decimal | None = None


class ChildcareChoice(Struct, frozen=True):
    """Universal Credit's childcare costs element against Tax-Free Childcare at one point (a month)."""

    hours: Decimal
    universal_credit: Decimal
    universal_credit_childcare_element: Decimal
    tax_free_childcare: Decimal  # the top-up the household would get if not on UC (0 if it does not qualify)
    better: Literal["universal_credit", "tax_free_childcare", "neither"]
    message: str


class Analysis(Struct, frozen=True):
    """The whole better-off analysis of a set of points (in the order asked for)."""

    scenario: Scenario
    points: tuple[PointResult, ...]
    baseline: PointResult
    baseline_kind: str  # zero | current
    marginal_rates: tuple[Decimal | None, ...]
    participation_rates: tuple[Decimal | None, ...]
    cliffs: tuple[Edge, ...]
    gains: tuple[Edge, ...]
    passports_end: tuple[PassportEnd, ...]
    break_even: Crossing | None
    universal_credit_ends: Crossing | None
    childcare: tuple[ChildcareChoice | None, ...]
    searched_to_hours: Decimal
    # for each point, the cliffs and steps up inside the step from the point with the next fewer
    # hours: there the marginal rate averages a jump, so views name the edges instead of the rate
    marginal_edges: tuple[tuple[Edge, ...], ...] = ()
    # The axis: ``hours`` (the worker's hours) or ``profit`` (the self-employed adult's monthly
    # profit); ``values`` is each point's place on it, ``baseline_value`` the baseline's (None on the
    # profit axis for "not working": the household without the business), ``searched_to`` the top
    # of the search for edges
    axis: str = "hours"
    values: tuple[Decimal, ...] = ()
    baseline_value: Decimal | None = None
    searched_to: Decimal | None = None
    # The minimum income floor (UC Regs 2013 reg 62): the first penny of the axis at which it no
    # longer lifts earned income (below it, more profit does not raise UC); None if it never lifts
    minimum_income_floor: Crossing | None = None
