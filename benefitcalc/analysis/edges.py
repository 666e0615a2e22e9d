"""Cliff edges and steps up: every change in disposable income between two pennies of weekly pay
(or, on the profit axis, of monthly profit).

The search samples a grid along the axis (hours, or profit), spots each change of state between
neighbours (a benefit stopping, a warning appearing, a passport lost) and bisects on whole units
(:mod:`~benefitcalc.analysis.axis`) to the exact threshold. A fall in disposable income between
neighbours with no change of state is bisected too. Changes at the very start of work (work costs
from the first hour) are not edges.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from benefitcalc import registry
from benefitcalc.analysis.causes import cause, changes, components
from benefitcalc.analysis.messages import edge_message
from benefitcalc.analysis.pension import employer_minimum
from benefitcalc.analysis.results import PENSION_CAUSE, Crossing, Edge, PassportEnd
from benefitcalc.analysis.sampling import TOLERANCE, Sampler, bisect
from benefitcalc.breakdown import PointResult
from benefitcalc.periods import ZERO, convert, pence
from benefitcalc.summary import disposable_change


def _recovery(sampler: Sampler, lo: int, hi: int) -> Crossing | None:
    """The first penny of weekly pay (or profit) past a cliff at which disposable income is back to the safe side's."""
    target = sampler.disposable(sampler.pay(lo))
    back = lambda pennies: sampler.disposable(sampler.pay(pennies)) >= target  # noqa: E731
    highest = sampler.pennies(sampler.axis.maximum, ROUND_FLOOR)
    previous, step = hi, 64
    while previous < highest:
        probe = min(previous + step, highest)
        if back(probe):
            _, first = bisect(previous, probe, lambda pennies: not back(pennies))
            return sampler.crossing(first)
        previous, step = probe, step * 2
    return None


def _leader(sampler: Sampler, before: PointResult, after: PointResult, loss: bool) -> tuple[str, str, str, str]:
    """(programme, cause code, label, detail): the part that changes most across the edge, named."""
    parts_before = components(before, sampler.weekly(before))
    parts_after = components(after, sampler.weekly(after))
    changes = {  # in a fixed order, so that a tie is always settled the same way
        name: parts_after.get(name, ZERO) - parts_before.get(name, ZERO)
        for name in dict.fromkeys([*parts_before, *parts_after])
    }
    programme = min(changes, key=lambda n: changes[n]) if loss else max(changes, key=lambda n: changes[n])
    if (changes[programme] >= 0) if loss else (changes[programme] <= 0):
        programme = "earnings"  # nothing but the penny of pay moves the household's money
    code, label, detail = cause(sampler, before, after, programme, loss)
    if not loss:
        # A payment that stops at a step up is still the rule the adviser needs to see named
        stopped = [
            n
            for n in sorted(before.programmes)
            if before.programmes[n].amount > 0 and n in after.programmes and after.programmes[n].amount <= 0
        ]
        if stopped:
            programme = stopped[0]
            code, label, detail = cause(sampler, before, after, programme, True)
    return programme, code, label, detail


def half_hours_down(hours: Decimal) -> Decimal:
    """``hours`` rounded down to a whole or half hour: hours a client can actually work, never past an edge."""
    return (hours * 2).to_integral_value(rounding=ROUND_FLOOR) / 2


def where(sampler: Sampler, pennies: int, point: PointResult, rounding: str = ROUND_CEILING) -> str:
    """Where ``pennies`` units are, in words: "16.47 hours (£203.51 a week)" or "£850.01 a month profit"."""
    axis = sampler.axis
    if axis.kind == "profit":
        return f"£{axis.first(pennies):,.2f} a month profit"
    hours = axis.first(pennies) if rounding == ROUND_CEILING else axis.last(pennies)
    return f"{hours:g} hours (£{axis.weekly_pay(pennies, point):,.2f} a week)"


def _advice(sampler: Sampler, code: str, lo: int, hi: int, loss: bool) -> tuple[str, Crossing | None]:
    """What to do about an edge (and, for a cliff, the fewest hours or least profit past it that make up the loss)."""
    recovered = _recovery(sampler, lo, hi) if loss else None
    axis = sampler.axis
    if code == PENSION_CAUSE:  # the worker's own saving: never advise staying below the trigger
        employer = sum(employer_minimum(sampler.ctx, sampler.pay(hi)).values(), ZERO) / 52
        return (
            f"The contributions are {sampler.scenario.worker.name}'s own saving, not money lost, and the employer "
            f"adds at least £{employer:,.2f} a week (Pensions Act 2008 s.20(1)): no reason to stay below the "
            "earnings trigger."
        ), recovered
    if axis.kind == "profit":
        safe = f"Keep profit at or below £{axis.last(lo):,.2f} a month"
        if recovered is not None and recovered.profit is not None:
            return f"{safe}, or make at least £{recovered.profit:,.2f} a month to make up the loss.", recovered
        top = f"£{axis.maximum:,.0f} a month"
        return (f"{safe}: no more profit (up to {top}) makes up the loss." if loss else ""), None
    if recovered is not None:
        return (
            f"Stay at or below {axis.last(lo):g} hours, or work at least {recovered.hours:g} hours "
            f"(£{recovered.gross_weekly_earnings:,.2f} a week) to make up the loss."
        ), recovered
    if loss:
        most = f"up to {axis.maximum:g} a week"
        return f"Stay at or below {axis.last(lo):g} hours: no more hours ({most}) make up the loss.", None
    return "", None


def edge(sampler: Sampler, lo: int, hi: int) -> Edge | None:
    """The step between ``lo`` and ``hi`` (= lo + 1) units (pennies of weekly pay or of monthly profit),
    if it is more than a penny a week."""
    before, after = sampler.pay(lo), sampler.pay(hi)
    jump = sampler.disposable(after) - sampler.disposable(before)
    if abs(jump) <= TOLERANCE:
        return None
    loss = jump < 0
    programme, code, label, detail = _leader(sampler, before, after, loss)
    weekly = disposable_change(before, after, "week")
    monthly = disposable_change(before, after, "month")
    axis = sampler.axis
    on_hours = axis.kind == "hours"
    hours = axis.first(hi) if on_hours else sampler.scenario.worker_hours
    safe = axis.last(lo) if on_hours else sampler.scenario.worker_hours
    pay, safe_pay = axis.weekly_pay(hi, after), axis.weekly_pay(lo, before)
    moved = changes(before, after)
    advice, recovered = _advice(sampler, code, lo, hi, loss)
    message = edge_message(
        name=sampler.scenario.worker.name,
        at=where(sampler, hi, after),
        safe_at=where(sampler, lo, before, ROUND_FLOOR),
        label=label,
        weekly=weekly,
        monthly=monthly,
        changes=moved,
        advice=advice,
        saving=code == PENSION_CAUSE,
    )
    rounded = half_hours_down(safe) if on_hours else None
    rounded_pay = safe_pay
    if rounded is not None and axis.rate is not None:
        rounded_pay = pence(rounded * axis.rate)  # weekly pay is hours x hourly pay (hours x rate x 52 / 52)
    return Edge(
        hours,
        pay,
        safe,
        safe_pay,
        code,
        programme,
        weekly,
        monthly,
        message,
        detail,
        label,
        recovered,
        moved,
        rounded,
        rounded_pay if rounded is not None else None,
        None if on_hours else axis.first(hi),
        None if on_hours else axis.last(lo),
    )


def _same_state(sampler: Sampler, state: tuple[object, ...]) -> Callable[[int], bool]:
    """Whether the point at a penny of weekly pay is in ``state`` (see :meth:`Sampler.state`)."""
    return lambda pennies: sampler.state(sampler.hours_for(pennies)) == state


def _state_changes(sampler: Sampler, a: Decimal, b: Decimal) -> list[tuple[int, int]]:
    """Every change of :meth:`Sampler.state` between ``a`` and ``b`` on the axis, each narrowed to one unit."""
    target = sampler.state(b)
    current = sampler.state(a)
    lo = sampler.pennies(a, ROUND_FLOOR)
    hi = sampler.pennies(b, ROUND_CEILING)
    out: list[tuple[int, int]] = []
    for _ in range(32):  # each pass finds the next change; far more than any real interval has
        if current == target or hi - lo < 1:
            break
        state = current
        left, right = bisect(lo, hi, _same_state(sampler, state))
        out.append((left, right))
        current = sampler.state(sampler.hours_for(right))
        lo = right
    return out


def _find_drop(sampler: Sampler, lo: int, hi: int) -> tuple[int, int] | None:
    """A penny step down in disposable income inside (lo, hi], where the value at hi is below lo's."""
    value = lambda pennies: sampler.disposable(sampler.pay(pennies))  # noqa: E731
    for _ in range(64):
        if hi - lo <= 1:
            return (lo, hi) if value(hi) < value(lo) - TOLERANCE else None
        mid = (lo + hi) // 2
        if value(mid) < value(lo) - TOLERANCE:
            hi = mid
        elif value(hi) < value(mid) - TOLERANCE:
            lo = mid
        else:
            return None  # the fall is spread out, not a step
    return None


def _passports_ending(sampler: Sampler, lo: int, hi: int) -> list[PassportEnd]:
    """Passported help not counted in disposable income that stops between two pennies of pay."""
    before, after = sampler.pay(lo), sampler.pay(hi)
    if before.include_passport_values:
        return []  # counted in disposable income: a loss there is a cliff
    out = []
    for name, result in before.passports.items():
        if not result.fact("entitled") or (name in after.passports and after.passports[name].fact("entitled")):
            continue
        worth = result.fact("value_if_entitled", result.amount)
        assert isinstance(worth, Decimal)
        value = pence(convert(worth, result.period, "month"))
        axis = sampler.axis
        on_hours = axis.kind == "hours"
        hours = axis.first(hi) if on_hours else sampler.scenario.worker_hours
        safe = axis.last(lo) if on_hours else sampler.scenario.worker_hours
        title = registry.BY_KEY[name].long_title if name in registry.BY_KEY else name.replace("_", " ").capitalize()
        worth_text = (
            f"worth about £{value:,.2f} a month (an estimate, not counted in disposable income)"
            if value
            else "not given a cash value here"
        )
        message = (
            f"{title} ends at {where(sampler, hi, after)}, {worth_text}; "
            f"it continues up to {where(sampler, lo, before, ROUND_FLOOR)}."
        )
        out.append(
            PassportEnd(
                name,
                hours,
                axis.weekly_pay(hi, after),
                safe,
                axis.weekly_pay(lo, before),
                value,
                message,
                None if on_hours else axis.first(hi),
                None if on_hours else axis.last(lo),
            )
        )
    return out


def _drop_between(sampler: Sampler, a: Decimal, b: Decimal, found: dict[int, Edge]) -> tuple[int, int] | None:
    """A fall in disposable income from ``a`` to ``b`` on the axis that no edge found so far explains."""
    lo, hi = sampler.pennies(a, ROUND_FLOOR), sampler.pennies(b, ROUND_CEILING)
    falls = sampler.disposable(sampler.at(b)) < sampler.disposable(sampler.at(a)) - TOLERANCE
    if not falls or a <= 0 or any(found[k].weekly_change < 0 for k in found if lo < k <= hi):
        return None
    return _find_drop(sampler, lo, hi)


def find_edges(sampler: Sampler, grid: Sequence[Decimal]) -> tuple[list[Edge], list[Edge], list[PassportEnd]]:
    """Cliffs (falls) and gains (rises) in disposable income over the grid (hours or profit), each to the
    penny, and passported help (not counted in disposable income) that ends."""
    found: dict[int, Edge] = {}
    ending: list[PassportEnd] = []
    for a, b in zip(grid, grid[1:]):
        for lo, hi in _state_changes(sampler, a, b):
            ending.extend(_passports_ending(sampler, lo, hi))
            if lo <= 0:
                continue  # starting work (work costs, childcare conditions): see break-even instead
            step = edge(sampler, lo, hi)
            if step is not None:
                found.setdefault(hi, step)
        drop = _drop_between(sampler, a, b, found)
        if drop is not None:
            step = edge(sampler, *drop)
            if step is not None:
                found.setdefault(drop[1], step)
    ordered = [found[k] for k in sorted(found)]
    falls = [e for e in ordered if e.weekly_change < 0 or (e.weekly_change == 0 and e.monthly_change < 0)]
    return falls, [e for e in ordered if e not in falls], ending
