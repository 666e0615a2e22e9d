"""Putting the analysis together: the baseline, the tax rates, the headline and :func:`run`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from benefitcalc.analysis.childcare import childcare_choice
from benefitcalc.analysis.crossings import break_even, universal_credit_ends
from benefitcalc.analysis.edges import find_edges
from benefitcalc.analysis.results import Analysis, Edge
from benefitcalc.analysis.sampling import GRID_STEP, MAX_GRID_STEPS, Sampler, resources
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
    ``current_hours`` is not working now, so "better off than now" is better off than 0 hours.
    """
    job = scenario.worker.job
    assert job is not None
    return job.current_hours if job.current_hours is not None else ZERO


def baseline_hours(scenario: Scenario, baseline: str) -> Decimal:
    if baseline not in BASELINES:
        raise ScenarioError(
            f"{baseline!r} is not allowed; allowed: zero (0 hours), current (the client's present hours)", "baseline"
        )
    return current_hours(scenario) if baseline == "current" else ZERO


def headline(analysis: Analysis) -> str | None:
    """The summary line: 'Working 16 hours leaves Sam £74.20 a week (£321.53 a month) better off than not
    working: ...'."""
    base = analysis.baseline
    job = analysis.scenario.worker.job
    assert job is not None
    candidates = [p for p in analysis.points if p.hours != base.hours]
    if not candidates:
        return None
    point = next((p for p in candidates if p.hours == job.hours), max(candidates, key=lambda p: p.hours))
    weekly = disposable_change(base, point, "week")
    monthly = disposable_change(base, point, "month")
    name = analysis.scenario.worker.name
    than = "not working" if base.hours == 0 else f"working {base.hours:g} hours now"
    if weekly == 0:
        text = f"Working {point.hours:g} hours leaves {name} no better and no worse off a week than {than}"
    else:
        word = "better" if weekly > 0 else "worse"
        text = (
            f"Working {point.hours:g} hours leaves {name} £{abs(weekly):,.2f} a week "
            f"(£{abs(monthly):,.2f} a month) {word} off than {than}"
        )
    extra = point.hours - base.hours
    each = "each hour worked" if base.hours == 0 else ("each extra hour" if extra > 0 else "each hour less")
    return f"{text}: £{pence(weekly / extra):,.2f} for {each}."


def _rate(change: Decimal, gross: Decimal) -> Decimal | None:
    if gross == 0:
        return None
    return (1 - change / gross).quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


def _rates(
    sampler: Sampler, chosen: Sequence[PointResult], base: PointResult
) -> tuple[list[Decimal | None], list[Decimal | None]]:
    """Marginal effective tax rates (from the point with the next fewer hours) and participation tax rates."""
    base_money = sampler.weekly(base)
    order = sorted(range(len(chosen)), key=lambda i: chosen[i].hours)
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


def _edges_in_steps(chosen: Sequence[PointResult], edges: Sequence[Edge]) -> tuple[tuple[Edge, ...], ...]:
    """For each point, the edges inside the step from the point with the next fewer hours (none for the fewest)."""
    hours = sorted({p.hours for p in chosen})
    out: list[tuple[Edge, ...]] = []
    for point in chosen:
        below = [h for h in hours if h < point.hours]
        if not below:
            out.append(())
            continue
        low = below[-1]
        out.append(tuple(e for e in sorted(edges, key=lambda e: e.hours) if low < e.hours <= point.hours))
    return tuple(out)


def _grid(chosen: Sequence[PointResult], base: PointResult) -> tuple[Decimal, list[Decimal]]:
    """The top of the search and the hours sampled: every half hour (coarser past 40 hours) and every point."""
    top = max([p.hours for p in chosen] + [base.hours])
    step = GRID_STEP * max(Decimal(1), (top / (GRID_STEP * MAX_GRID_STEPS)).to_integral_value(rounding=ROUND_CEILING))
    grid = sorted({*(p.hours for p in chosen), base.hours, *(step * i for i in range(int(top / step) + 1))})
    return top, grid


def analyse(scenario: Scenario, ctx: Context, points: Sequence[PointResult], baseline: PointResult) -> Analysis:
    """Better-off figures, tax rates, cliffs, break-even, the end of UC and the childcare choice for ``points``."""
    sampler = Sampler(scenario, ctx, [*points, baseline])
    chosen = tuple(sampler.at(p.hours) for p in points)
    base = sampler.at(baseline.hours)
    marginal, participation = _rates(sampler, chosen, base)
    top, grid = _grid(chosen, base)
    cliffs, gains, ending = find_edges(sampler, grid) if top > 0 else ([], [], [])
    return Analysis(
        scenario=scenario,
        points=chosen,
        baseline=base,
        baseline_kind="zero" if base.hours == 0 else "current",
        marginal_rates=tuple(marginal),
        participation_rates=tuple(participation),
        cliffs=tuple(cliffs),
        gains=tuple(gains),
        passports_end=tuple(ending),
        break_even=break_even(sampler, grid, base) if top > 0 else None,
        universal_credit_ends=universal_credit_ends(sampler, grid),
        childcare=tuple(childcare_choice(p) for p in chosen),
        searched_to_hours=top,
        marginal_edges=_edges_in_steps(chosen, [*cliffs, *gains]),
    )


def run(scenario: Scenario, hours: Iterable[Decimal], ctx: Context, baseline: str = "zero") -> Analysis:
    """Work out the points and analyse them: the library's one call for a better-off analysis."""
    base_hours = baseline_hours(scenario, baseline)
    sampler_points = [calculate_point(scenario.with_hours(h), ctx) for h in hours]
    base = next((p for p in sampler_points if p.hours == base_hours), None) or calculate_point(
        scenario.with_hours(base_hours), ctx
    )
    return analyse(scenario, ctx, sampler_points, base)
