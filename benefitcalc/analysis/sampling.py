"""Sampling one household: points along the analysis's axis (:mod:`~benefitcalc.analysis.axis`), by
value or by whole units (pennies of weekly pay, or of monthly profit), each worked out once.

Also what the search compares between neighbouring points (:func:`signature`), the net resources
the tax rates use, and the small exact helpers (rounding hours, bisecting pennies) the edge and
crossing searches share. Tax-Free Childcare is added to every point here (it depends on Universal
Credit being nil, so it is not part of the engine's point).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal

from benefitcalc.analysis.axis import HOURS_GRID_STEP, Axis, hours_axis
from benefitcalc.analysis.results import Crossing
from benefitcalc.breakdown import PointResult, Warning
from benefitcalc.engine import Context
from benefitcalc.periods import ZERO, pence
from benefitcalc.programmes import tax_free_childcare
from benefitcalc.scenario import Scenario
from benefitcalc.summary import summary

GRID_STEP = HOURS_GRID_STEP  # hours between the analysis's own sample points
MAX_GRID_STEPS = 80  # beyond 40 hours (or £800 of profit) the grid widens to at most this many steps
TOLERANCE = Decimal("0.01")  # a change in weekly disposable income smaller than a penny is not an edge


def with_tax_free_childcare(scenario: Scenario, ctx: Context, point: PointResult) -> PointResult:
    """The point with Tax-Free Childcare added as ``programmes["tax_free_childcare"]`` (if the household pays
    for childcare)."""
    if "tax_free_childcare" in point.programmes:
        return point
    uc = point.programmes.get("universal_credit")
    result = tax_free_childcare.calculate(
        scenario, ctx.views.tax_free_childcare, ctx.day, point.earnings, point.tax, uc, point.childcare_costs
    )
    if result is None:
        return point
    warnings = list(point.warnings) + list(result.warnings)
    value = result.fact("value_if_eligible", ZERO)
    assert isinstance(value, Decimal)
    if result.fact("blocked_by_universal_credit") and uc is not None and value > uc.amount * 12:
        warnings.append(
            Warning(
                "tax_free_childcare_better",
                f"Tax-Free Childcare (£{pence(value / 12):,.2f} a month) would be worth more than the Universal "
                f"Credit award (£{pence(uc.amount):,.2f} a month) here; the two cannot be had together "
                "(Childcare Payments Act 2014 s.11). Check the help that goes with UC (council tax reduction, "
                "free school meals, Scottish Child Payment) before choosing.",
            )
        )
    programmes = dict(point.programmes)
    programmes["tax_free_childcare"] = result
    return replace(point, programmes=programmes, warnings=tuple(dict.fromkeys(warnings)))


class Sampler:
    """Points of one household along one :class:`Axis` (hours, or monthly profit), by value or by whole
    units (pennies of weekly pay, hundredths of an hour, pennies of monthly profit), each worked out once.

    All share one :class:`Context` (the rules resolved once), so a bisection step costs one engine
    point. Points are held only for the life of one analysis.
    """

    def __init__(
        self, scenario: Scenario, ctx: Context, seed: Iterable[PointResult] = (), axis: Axis | None = None
    ) -> None:
        self.scenario = scenario
        self.ctx = ctx
        self.axis = axis if axis is not None else hours_axis(scenario)
        self._points: dict[Decimal, PointResult] = {}
        self._weekly: dict[Decimal, dict[str, Decimal]] = {}
        self._states: dict[Decimal, tuple[object, ...]] = {}
        for point in seed:
            self._points.setdefault(self.axis.value_of(point), with_tax_free_childcare(scenario, ctx, point))

    @property
    def rate(self) -> Decimal:
        """The job's hourly pay (the hours axis of a job)."""
        assert self.axis.rate is not None, "only the hours axis of a job has an hourly pay"
        return self.axis.rate

    def value(self, point: PointResult) -> Decimal:
        """Where ``point`` is on the axis."""
        return self.axis.value_of(point)

    def at(self, value: Decimal) -> PointResult:
        """The point at ``value`` on the axis (hours, or monthly profit)."""
        point = self._points.get(value)
        if point is None:
            point = with_tax_free_childcare(self.scenario, self.ctx, self.axis.point_at(self.scenario, value, self.ctx))
            self._points[value] = point
        return point

    def hours_for(self, pennies: int) -> Decimal:
        """The value on the axis at ``pennies`` units (hours that earn ``pennies`` a week, for a job)."""
        return self.axis.value_for(pennies)

    def pay(self, pennies: int) -> PointResult:
        """The point at ``pennies`` units."""
        return self.at(self.axis.value_for(pennies))

    def pennies(self, value: Decimal, rounding: str) -> int:
        return self.axis.units(value, rounding)

    def weekly(self, point: PointResult) -> dict[str, Decimal]:
        """Exact (unrounded) weekly money for a point; cached for the sampler's own points."""
        key = self.value(point)
        mine = self._points.get(key) is point
        cached = self._weekly.get(key) if mine else None
        if cached is None:
            cached = summary(point, "week", exact=True)
            if mine:
                self._weekly[key] = cached
        return cached

    def state(self, value: Decimal) -> tuple[object, ...]:
        """:func:`signature` of the point at ``value``, worked out once (the search compares each grid
        point with both its neighbours)."""
        state = self._states.get(value)
        if state is None:
            state = self._states[value] = signature(self.at(value))
        return state

    def disposable(self, point: PointResult) -> Decimal:
        return self.weekly(point)["disposable_income"]

    def crossing(self, pennies: int) -> Crossing:
        """Where ``pennies`` units are: the fewest hours (to 0.01, rounded up) and the weekly pay there,
        and on the profit axis the monthly profit."""
        axis = self.axis
        profit = axis.first(pennies) if axis.kind == "profit" else None
        pay = axis.weekly_pay(pennies, self.pay(pennies)) if axis.kind == "profit" or axis.rate is None else None
        return Crossing(
            axis.hours_at(self.scenario, pennies),
            pay if pay is not None else Decimal(pennies) / 100,
            profit=profit,
        )


def resources(money: dict[str, Decimal]) -> Decimal:
    """Net resources for the tax rates: net income plus Tax-Free Childcare and counted passported help."""
    return money["net_income"] + money["tax_free_childcare"] + money["passported_help_value"]


# Warnings that only inform (a reporting duty, an assumption, a kink in a taper): a change in them
# is no step in money, so the search does not bisect for them.
INFORMATIONAL_WARNINGS = frozenset(
    {
        "administrative_earnings_threshold",
        "wca_earnings_threshold",
        "esa_permitted_work",
        "jsa_earnings",
        "childcare_reporting",
        "tax_free_childcare_assumed",
        "tax_free_childcare_better",
        "high_income_child_benefit_charge",
    }
)


def signature(point: PointResult) -> tuple[object, ...]:
    """What can change in steps: benefits in payment, warnings, passports, pension, work costs."""
    return (
        frozenset([w.code for w in point.warnings if w.code not in INFORMATIONAL_WARNINGS]),
        frozenset([name for name, r in point.programmes.items() if r.amount > 0]),
        frozenset([name for name, r in point.passports.items() if r.fact("entitled")]),
        tuple([e.pension > 0 for e in point.earnings]),
        point.work_costs > 0,
    )


def bisect(lo: int, hi: int, same: Callable[[int], bool]) -> tuple[int, int]:
    """Narrow (lo, hi] to the first penny where ``same`` turns false; ``same(lo)`` is assumed true and
    ``same(hi)`` false."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if same(mid):
            lo = mid
        else:
            hi = mid
    return lo, hi
