"""The library's front door: calculate one point, sweep hours (or profit), or build the JSON document."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from benefitcalc.analysis import run as run_hours
from benefitcalc.analysis import run_profit
from benefitcalc.breakdown import PointResult
from benefitcalc.engine import Context, calculate_point, make_context
from benefitcalc.errors import ScenarioError
from benefitcalc.hours import hours_value, profit_value
from benefitcalc.loader import RuleSet
from benefitcalc.scenario import Scenario, scenario_from_data
from benefitcalc.views import document

Number = int | float | str | Decimal


def _scenario(scenario: Scenario | dict[str, Any]) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else scenario_from_data(scenario)


def _hours(value: Number) -> Decimal:
    return hours_value(value, "hours")


def calculate(
    scenario: Scenario | dict[str, Any],
    hours: Number | None = None,
    *,
    rules: RuleSet | None = None,
    rules_dir: str | Path | None = None,
) -> PointResult:
    """Every programme for the household, with the worker's hours set to ``hours`` (default: as given)."""
    scenario = _scenario(scenario)
    ctx = make_context(scenario, rules, str(rules_dir) if rules_dir else None)
    if hours is not None:
        scenario = scenario.with_hours(_hours(hours))
    return calculate_point(scenario, ctx)


def sweep(
    scenario: Scenario | dict[str, Any],
    hours: Iterable[Number],
    *,
    rules: RuleSet | None = None,
    rules_dir: str | Path | None = None,
) -> list[PointResult]:
    """One result per number of hours, all with the same rules and date."""
    scenario = _scenario(scenario)
    ctx = make_context(scenario, rules, str(rules_dir) if rules_dir else None)
    return [calculate_point(scenario.with_hours(_hours(h)), ctx) for h in hours]


def run(
    scenario: Scenario, hours: Iterable[Number], ctx: Context, baseline_hours: Number = 0
) -> tuple[list[PointResult], PointResult]:
    points = [calculate_point(scenario.with_hours(_hours(h)), ctx) for h in hours]
    base_hours = _hours(baseline_hours)
    baseline = next((p for p in points if p.hours == base_hours), None) or calculate_point(
        scenario.with_hours(base_hours), ctx
    )
    return points, baseline


def to_json(
    scenario: Scenario | dict[str, Any],
    hours: Iterable[Number] | None = None,
    *,
    period: str = "month",
    rules: RuleSet | None = None,
    rules_dir: str | Path | None = None,
    baseline: str = "zero",
    profits: Iterable[Number] | None = None,
) -> dict[str, Any]:
    """The JSON document (docs/json.md) that `benefitcalc sweep --json` prints.

    ``baseline``: ``"zero"`` (better off than not working) or ``"current"`` (than the client's
    present hours: ``job.current_hours``; 0 hours, not working, where it is not given).

    ``profits``: sweep the self-employed adult's profit a month instead of the hours (the document's
    ``axis`` is then ``profit``); ``zero`` is then better off than without the business, ``current``
    than at the profit the scenario gives.
    """
    if period not in ("week", "month", "year"):
        raise ScenarioError(f"{period!r} is not allowed; allowed: week, month, year", "period")
    scenario = _scenario(scenario)
    ctx = make_context(scenario, rules, str(rules_dir) if rules_dir else None)
    if profits is not None:
        if hours is not None:
            raise ScenarioError("give hours or profits, not both", "profits")
        analysis = run_profit(scenario, [profit_value(p) for p in profits], ctx, baseline)
        return document(scenario, ctx, list(analysis.points), analysis.baseline, period, analysis)
    chosen = [_hours(h) for h in hours] if hours is not None else [scenario.worker_hours]
    analysis = run_hours(scenario, chosen, ctx, baseline)
    return document(scenario, ctx, list(analysis.points), analysis.baseline, period, analysis)
