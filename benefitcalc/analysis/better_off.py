"""Putting the analysis together: the baseline, the tax rates, the headline, :func:`run` (hours) and
:func:`run_profit` (monthly profit)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from benefitcalc.analysis.axis import Axis, hours_axis, profit_axis, without_business_point
from benefitcalc.analysis.childcare import childcare_choice
from benefitcalc.analysis.crossings import break_even, minimum_income_floor_ends, universal_credit_ends
from benefitcalc.analysis.edges import find_edges
from benefitcalc.analysis.results import Analysis, Edge
from benefitcalc.analysis.sampling import MAX_GRID_STEPS, Sampler, resources, with_tax_free_childcare
from benefitcalc.breakdown import PointResult
from benefitcalc.engine import Context, calculate_point
from benefitcalc.errors import ScenarioError
from benefitcalc.periods import ZERO, pence
from benefitcalc.scenario import Scenario
from benefitcalc.summary import disposable_change

RATE_QUANTUM = Decimal("0.0001")
BASELINES = ("zero", "current")


def current_hours(scenario: Scenario) -> Decimal:
    """The client's present hours: ``job.current_hours`` if given, otherwise 0.

    ``job.hours`` is the job being offered, not work the client does now: someone with no
    ``current_hours`` is not working now, so "better off than now" is better off than 0 hours. A
    worker with only a business is taken as not working now (the business is what is being considered).
    """
    job = scenario.worker.job
    if job is None:
        return ZERO
    return job.current_hours if job.current_hours is not None else ZERO


def baseline_hours(scenario: Scenario, baseline: str) -> Decimal:
    if baseline not in BASELINES:
        raise ScenarioError(
            f"{baseline!r} is not allowed; allowed: zero (0 hours), current (the client's present hours)", "baseline"
        )
    return current_hours(scenario) if baseline == "current" else ZERO


def _where(analysis: Analysis, value: Decimal) -> str:
    if analysis.axis == "profit":
        return f"Making £{value:,.2f} a month profit"
    return f"Working {value:g} hours"


def headline(analysis: Analysis) -> str | None:
    """The summary line: 'Working 16 hours leaves Sam £74.20 a week (£321.53 a month) better off than not
    working: ...' (on the profit axis: 'Making £800.00 a month profit leaves Jo ...')."""
    base = analysis.baseline
    values = analysis.values or tuple(p.hours for p in analysis.points)
    base_value = analysis.baseline_value if analysis.values else base.hours
    candidates = [(v, p) for v, p in zip(values, analysis.points) if v != base_value]
    if not candidates:
        return None
    scenario = analysis.scenario
    given = scenario.worker_hours if analysis.axis == "hours" else None
    value, point = next(((v, p) for v, p in candidates if v == given), max(candidates, key=lambda c: c[0]))
    weekly = disposable_change(base, point, "week")
    monthly = disposable_change(base, point, "month")
    name = scenario.worker.name
    business_only = analysis.axis == "hours" and scenario.worker.job is None and base_value == 0
    if base_value is None or business_only:  # the household without the business
        than = "without the business"
    elif analysis.axis == "profit":
        than = f"making £{base_value:,.2f} a month now"
    else:
        than = "not working" if base.hours == 0 else f"working {base.hours:g} hours now"
    if weekly == 0:
        text = f"{_where(analysis, value)} leaves {name} no better and no worse off a week than {than}"
    else:
        word = "better" if weekly > 0 else "worse"
        text = (
            f"{_where(analysis, value)} leaves {name} £{abs(weekly):,.2f} a week "
            f"(£{abs(monthly):,.2f} a month) {word} off than {than}"
        )
    if analysis.axis == "profit" or base_value is None or business_only:
        return f"{text}."
    extra = point.hours - base.hours
    each = "each hour worked" if base.hours == 0 else ("each extra hour" if extra > 0 else "each hour less")
    return f"{text}: £{pence(weekly / extra):,.2f} for {each}."


def _rate(change: Decimal, gross: Decimal) -> Decimal | None:
    if gross == 0:
        return None
    rate = (1 - change / gross).quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)
    return rate.copy_abs() if rate == 0 else rate  # never -0.0000 (a rate a hair below 0 rounds to 0)


def _rates(
    sampler: Sampler, chosen: Sequence[PointResult], base: PointResult
) -> tuple[list[Decimal | None], list[Decimal | None]]:
    """Marginal effective tax rates (from the point next below on the axis) and participation tax rates."""
    base_money = sampler.weekly(base)
    order = sorted(range(len(chosen)), key=lambda i: sampler.value(chosen[i]))
    marginal: list[Decimal | None] = [None] * len(chosen)
    for before, after in zip(order, order[1:]):
        a, b = sampler.weekly(chosen[before]), sampler.weekly(chosen[after])
        marginal[after] = _rate(resources(b) - resources(a), b["gross_earnings"] - a["gross_earnings"])
    participation: list[Decimal | None] = []
    for point in chosen:
        money = sampler.weekly(point)
        participation.append(
            _rate(resources(money) - resources(base_money), money["gross_earnings"] - base_money["gross_earnings"])
        )
    return marginal, participation


def _position(edge: Edge) -> Decimal:
    """Where an edge is on its axis: its monthly profit, or its hours."""
    return edge.profit if edge.profit is not None else edge.hours


def _edges_in_steps(values: Sequence[Decimal], edges: Sequence[Edge]) -> tuple[tuple[Edge, ...], ...]:
    """For each point, the edges inside the step from the point next below it on the axis (none for the lowest)."""
    ordered = sorted(set(values))
    by_position = sorted(edges, key=_position)
    out: list[tuple[Edge, ...]] = []
    for value in values:
        below = bisect_left(ordered, value)  # the values below this one: ordered[:below]
        if not below:
            out.append(())
            continue
        low = ordered[below - 1]
        out.append(tuple(e for e in by_position if low < _position(e) <= value))
    return tuple(out)


def _grid(values: Sequence[Decimal], step: Decimal) -> tuple[Decimal, list[Decimal]]:
    """The top of the search and the values sampled: every ``step`` (half hour, or £10 of profit; coarser
    so that there are at most :data:`MAX_GRID_STEPS`) and every point."""
    top = max(values)
    step = step * max(Decimal(1), (top / (step * MAX_GRID_STEPS)).to_integral_value(rounding=ROUND_CEILING))
    grid = sorted({*values, *(step * i for i in range(int(top / step) + 1))})
    return top, grid


def analyse(
    scenario: Scenario,
    ctx: Context,
    points: Sequence[PointResult],
    baseline: PointResult,
    axis: Axis | None = None,
    baseline_on_axis: bool = True,
) -> Analysis:
    """Better-off figures, tax rates, cliffs, break-even, the end of UC, the minimum income floor's edge
    and the childcare choice for ``points``, along ``axis`` (default: the worker's hours).

    ``baseline_on_axis`` is false for a baseline that is no point of the axis (on the profit axis,
    the household without the business)."""
    sampler = Sampler(scenario, ctx, [*points, baseline] if baseline_on_axis else points, axis)
    values = tuple(sampler.value(p) for p in points)
    chosen = tuple(sampler.at(v) for v in values)
    base_value: Decimal | None = None
    if baseline_on_axis:
        base_value = sampler.value(baseline)
        base = sampler.at(base_value)
    else:
        base_value, base = None, with_tax_free_childcare(scenario, ctx, baseline)
    marginal, participation = _rates(sampler, chosen, base)
    top, grid = _grid([*values, *([base_value] if base_value is not None else [])], sampler.axis.grid_step)
    cliffs, gains, ending = find_edges(sampler, grid) if top > 0 else ([], [], [])
    profit = sampler.axis.kind == "profit"
    return Analysis(
        scenario=scenario,
        points=chosen,
        baseline=base,
        baseline_kind="zero" if (base_value is None or (not profit and base_value == 0)) else "current",
        marginal_rates=tuple(marginal),
        participation_rates=tuple(participation),
        cliffs=tuple(cliffs),
        gains=tuple(gains),
        passports_end=tuple(ending),
        break_even=break_even(sampler, grid, base, baseline_on_axis) if top > 0 else None,
        universal_credit_ends=universal_credit_ends(sampler, grid),
        childcare=tuple(childcare_choice(p) for p in chosen),
        searched_to_hours=scenario.worker_hours if profit else top,
        marginal_edges=_edges_in_steps(values, [*cliffs, *gains]),
        axis=sampler.axis.kind,
        values=values,
        baseline_value=base_value,
        searched_to=top,
        minimum_income_floor=minimum_income_floor_ends(sampler, grid) if top > 0 else None,
    )


def run(scenario: Scenario, hours: Iterable[Decimal], ctx: Context, baseline: str = "zero") -> Analysis:
    """Work out the points and analyse them: the library's one call for a better-off analysis.

    For a worker with only a business, 0 hours is the household without the business
    (:meth:`Axis.scenario_at`), and that is "not working" (``current`` too: such a worker has no
    present hours of a job)."""
    axis = hours_axis(scenario)
    base_hours = baseline_hours(scenario, baseline)
    sampler_points = [axis.point_at(scenario, h, ctx) for h in hours]
    base = next((p for p in sampler_points if p.hours == base_hours), None) or axis.point_at(scenario, base_hours, ctx)
    return analyse(scenario, ctx, sampler_points, base, axis)


def profit_baseline(scenario: Scenario, ctx: Context, axis: Axis, baseline: str) -> tuple[PointResult, bool]:
    """The profit axis's baseline and whether it is a point of the axis: ``zero``, the household without
    the business (:func:`without_business`); ``current``, the business at the profit the scenario gives."""
    if baseline not in BASELINES:
        raise ScenarioError(
            f"{baseline!r} is not allowed; allowed: zero (without the business), current (the profit as given)",
            "baseline",
        )
    if baseline == "zero":
        return without_business_point(scenario, ctx), False
    given = axis.value_of(calculate_point(scenario, ctx))
    return axis.point_at(scenario, given, ctx), True


def run_profit(scenario: Scenario, profits: Iterable[Decimal], ctx: Context, baseline: str = "zero") -> Analysis:
    """The better-off analysis on the profit axis: the self-employed adult's profit set to each of
    ``profits`` a month (:meth:`Scenario.with_profit`), the business's hours as given.

    ``baseline``: ``zero``, better off than without the business; ``current``, than at the profit the
    scenario gives. Cliffs, break-even, the end of UC and the minimum income floor's edge are found
    to the penny of monthly profit."""
    try:
        axis = profit_axis(scenario)
    except ValueError as exc:
        raise ScenarioError(str(exc), "adults") from None
    points = [axis.point_at(scenario, p, ctx) for p in profits]
    base, on_axis = profit_baseline(scenario, ctx, axis, baseline)
    return analyse(scenario, ctx, points, base, axis, on_axis)
