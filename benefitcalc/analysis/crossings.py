"""Where work starts to pay (break-even) and where Universal Credit ends, each to the penny of weekly pay,
with what changes across that penny."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from benefitcalc.analysis.causes import changes
from benefitcalc.analysis.results import Crossing
from benefitcalc.analysis.sampling import MAX_HOURS, Sampler, bisect
from benefitcalc.breakdown import PointResult
from benefitcalc.periods import ZERO


def _at(sampler: Sampler, first: int) -> Crossing:
    """The crossing at the penny ``first``, with what changes from the penny before it."""
    crossing = sampler.crossing(first)
    moved = changes(sampler.pay(first - 1), sampler.pay(first))
    return Crossing(crossing.hours, crossing.gross_weekly_earnings, moved)


def break_even(sampler: Sampler, grid: Sequence[Decimal], baseline: PointResult) -> Crossing | None:
    """The fewest hours above 0 at which disposable income is at least the baseline's (``None`` if never in range)."""
    target = sampler.disposable(baseline) - Decimal("1E-9")
    ok = lambda pennies: sampler.disposable(sampler.pay(pennies)) >= target  # noqa: E731
    if ok(1):
        return Crossing(ZERO, ZERO) if baseline.hours == 0 else _at(sampler, 1)
    previous = ZERO
    for h in grid:
        if h <= 0:
            continue
        if sampler.disposable(sampler.at(h)) >= target:
            low = max(1, sampler.pennies(previous, ROUND_FLOOR))
            _, first = bisect(low, sampler.pennies(h, ROUND_CEILING), lambda pennies: not ok(pennies))
            return _at(sampler, first)
        previous = h
    return None


def universal_credit_ends(sampler: Sampler, grid: Sequence[Decimal]) -> Crossing | None:
    """The fewest hours at which Universal Credit stops (searching past the grid, up to 168 hours)."""
    paid = lambda point: point.programmes["universal_credit"].amount > 0  # noqa: E731
    if not paid(sampler.at(ZERO)):
        return None
    hours = sorted(h for h in grid if h > 0)
    top = hours[-1] if hours else Decimal(8)
    while top < MAX_HOURS:
        top = min(top * 2, MAX_HOURS)
        hours.append(top)
    previous = ZERO
    for h in hours:
        if not paid(sampler.at(h)):
            low, high = sampler.pennies(previous, ROUND_FLOOR), sampler.pennies(h, ROUND_CEILING)
            _, first = bisect(low, high, lambda pennies: paid(sampler.pay(pennies)))
            return _at(sampler, first)
        previous = h
    return None
