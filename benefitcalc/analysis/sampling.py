"""Sampling one household: points by hours or by whole pennies of weekly pay, each worked out once.

Also what the search compares between neighbouring points (:func:`signature`), the net resources
the tax rates use, and the small exact helpers (rounding hours, bisecting pennies) the edge and
crossing searches share. Tax-Free Childcare is added to every point here (it depends on Universal
Credit being nil, so it is not part of the engine's point).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from benefitcalc.analysis.results import Crossing
from benefitcalc.breakdown import PointResult, Warning
from benefitcalc.engine import Context, calculate_point
from benefitcalc.errors import ScenarioError
from benefitcalc.periods import ZERO, pence
from benefitcalc.programmes import tax_free_childcare
from benefitcalc.scenario import Scenario
from benefitcalc.summary import summary

GRID_STEP = Decimal("0.5")  # hours between the analysis's own sample points
MAX_GRID_STEPS = 80  # beyond 40 hours the grid widens so it never has more than this many steps
TOLERANCE = Decimal("0.01")  # a change in weekly disposable income smaller than a penny is not an edge
HOURS_QUANTUM = Decimal("1E-12")
CENT = Decimal("0.01")
MAX_HOURS = Decimal(168)


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
    """Points of one household by hours or by whole pennies of weekly pay, each worked out once.

    All share one :class:`Context` (the rules resolved once), so a bisection step costs one engine
    point. Points are held only for the life of one analysis.
    """

    def __init__(self, scenario: Scenario, ctx: Context, seed: Iterable[PointResult] = ()) -> None:
        job = scenario.worker.job
        if job is None:  # pragma: no cover - the scenario model requires a job
            raise ScenarioError("the analysis needs an adult with a `job`", "adults")
        self.scenario = scenario
        self.ctx = ctx
        self.rate: Decimal = job.hourly_pay
        self._points: dict[Decimal, PointResult] = {}
        self._weekly: dict[Decimal, dict[str, Decimal]] = {}
        for point in seed:
            self._points.setdefault(point.hours, with_tax_free_childcare(scenario, ctx, point))

    def at(self, hours: Decimal) -> PointResult:
        point = self._points.get(hours)
        if point is None:
            point = with_tax_free_childcare(
                self.scenario, self.ctx, calculate_point(self.scenario.with_hours(hours), self.ctx)
            )
            self._points[hours] = point
        return point

    def hours_for(self, pennies: int) -> Decimal:
        """Hours that earn ``pennies`` a week, rounded down at 1e-12 so pay never passes the penny."""
        return (Decimal(pennies) / 100 / self.rate).quantize(HOURS_QUANTUM, rounding=ROUND_FLOOR)

    def pay(self, pennies: int) -> PointResult:
        return self.at(self.hours_for(pennies))

    def pennies(self, hours: Decimal, rounding: str) -> int:
        return int((hours * self.rate * 100).quantize(Decimal(1), rounding=rounding))

    def weekly(self, point: PointResult) -> dict[str, Decimal]:
        """Exact (unrounded) weekly money for a point; cached for the sampler's own points."""
        mine = self._points.get(point.hours) is point
        cached = self._weekly.get(point.hours) if mine else None
        if cached is None:
            cached = summary(point, "week", exact=True)
            if mine:
                self._weekly[point.hours] = cached
        return cached

    def disposable(self, point: PointResult) -> Decimal:
        return self.weekly(point)["disposable_income"]

    def crossing(self, pennies: int) -> Crossing:
        """The fewest hours (to 0.01, rounded up) that earn ``pennies`` a week, with that pay."""
        return Crossing(ceil2(Decimal(pennies) / 100 / self.rate), Decimal(pennies) / 100)


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
        frozenset(w.code for w in point.warnings if w.code not in INFORMATIONAL_WARNINGS),
        frozenset(name for name, r in point.programmes.items() if r.amount > 0),
        frozenset(name for name, r in point.passports.items() if r.fact("entitled")),
        tuple(e.pension > 0 for e in point.earnings),
        point.work_costs > 0,
    )


def ceil2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_CEILING)


def floor2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_FLOOR)


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
