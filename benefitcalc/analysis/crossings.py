"""Where work starts to pay (break-even), where Universal Credit ends and where the minimum income floor
stops lifting earnings, each to the penny of weekly pay (or of monthly profit), with what changes
across that penny."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from benefitcalc.analysis.causes import changes
from benefitcalc.analysis.results import Crossing
from benefitcalc.analysis.sampling import Sampler, bisect
from benefitcalc.breakdown import PointResult
from benefitcalc.periods import ZERO


def _at(sampler: Sampler, first: int) -> Crossing:
    """The crossing at the penny ``first``, with what changes from the penny before it."""
    crossing = sampler.crossing(first)
    moved = changes(sampler.pay(first - 1), sampler.pay(first))
    return Crossing(crossing.hours, crossing.gross_weekly_earnings, moved, crossing.profit)


def break_even(
    sampler: Sampler, grid: Sequence[Decimal], baseline: PointResult, on_axis: bool = True
) -> Crossing | None:
    """The least work above 0 (hours, or profit) at which disposable income is at least the baseline's
    (``None`` if never in range). ``on_axis``: the baseline is a point of the axis; on the profit axis
    "not working" (the household without the business) is not, and break-even may then be at 0 profit."""
    target = sampler.disposable(baseline) - Decimal("1E-9")
    ok = lambda pennies: sampler.disposable(sampler.pay(pennies)) >= target  # noqa: E731
    if not on_axis and ok(0):
        return sampler.crossing(0)
    if ok(1):
        at_zero = on_axis and sampler.value(baseline) == 0
        return Crossing(ZERO, ZERO) if at_zero else _at(sampler, 1)
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


def _first_not(sampler: Sampler, grid: Sequence[Decimal], holds: Callable[[PointResult], bool]) -> Crossing | None:
    """The first penny of the axis at which ``holds`` stops, given it holds at 0: searching the grid,
    then past it by doubling up to the axis's maximum."""
    if not holds(sampler.at(ZERO)):
        return None
    values = sorted(v for v in grid if v > 0)
    top = values[-1] if values else sampler.axis.grid_step * 16
    while top < sampler.axis.maximum:
        top = min(top * 2, sampler.axis.maximum)
        values.append(top)
    previous = ZERO
    for value in values:
        if not holds(sampler.at(value)):
            low, high = sampler.pennies(previous, ROUND_FLOOR), sampler.pennies(value, ROUND_CEILING)
            _, first = bisect(low, high, lambda pennies: holds(sampler.pay(pennies)))
            return _at(sampler, first)
        previous = value
    return None


def universal_credit_ends(sampler: Sampler, grid: Sequence[Decimal]) -> Crossing | None:
    """The least work (hours, or profit) at which Universal Credit stops (searching past the grid, up to
    168 hours or the profit axis's maximum)."""
    return _first_not(sampler, grid, lambda point: point.programmes["universal_credit"].amount > 0)


def _floor_lifts(point: PointResult) -> bool:
    uc = point.programmes.get("universal_credit")
    if uc is None:
        return False
    return any(line.key == "minimum_income_floor" and line.amount > 0 for line in uc.lines)


def minimum_income_floor_ends(sampler: Sampler, grid: Sequence[Decimal]) -> Crossing | None:
    """The minimum income floor's edge (UC Regs 2013 reg 62): the first penny at which the UC line
    ``minimum_income_floor`` is 0, i.e. earned income is no longer lifted to the floor. Below it each
    extra £1 of profit leaves UC as it is; from it on, UC tapers. ``None`` if the floor does not lift
    earnings at 0."""
    return _first_not(sampler, grid, _floor_lifts)
