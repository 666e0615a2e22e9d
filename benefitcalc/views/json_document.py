"""The JSON document (the embedding contract, docs/json.md), built from the typed models.

Each amount is converted from the period its programme works in to the requested period, then
rounded to pence (:mod:`benefitcalc.summary`); totals are sums of the rounded parts, so the parts
always add up. The better-off analysis (:mod:`benefitcalc.analysis`) gives the tax rates, cliffs,
steps up and crossings.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, cast

from benefitcalc import __version__
from benefitcalc.analysis import Analysis, Change, ChildcareChoice, Crossing, Edge, analyse, employer_minimum, headline
from benefitcalc.analysis import PassportEnd as PassportEndResult
from benefitcalc.breakdown import Line, PointResult, ProgrammeResult, SelfEmployedEarnings
from benefitcalc.engine import Context, not_modelled
from benefitcalc.loader import Bracket, Param
from benefitcalc.periods import PENNY, ZERO, pence
from benefitcalc.scenario import Scenario
from benefitcalc.summary import benefit_amounts, rounded, summary
from benefitcalc.views.models import (
    Breakdown,
    BreakdownLine,
    Changes,
    ChildcareSupport,
    Cliff,
    Document,
    Gain,
    MarginalEdge,
    Passport,
    PassportEnd,
    Person,
    Point,
    Reference,
    RulesStamp,
    SelfEmployment,
    StepLine,
)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def value_json(value: Any) -> Any:
    """A parameter value as plain JSON (scales as threshold/rate rows, tables as rows)."""
    if isinstance(value, tuple):
        return [
            {"threshold": float(row.threshold), "rate": float(row.rate)}
            if isinstance(row, Bracket)
            else _plain(dict(row))
            for row in value
        ]
    return _plain(value)


def _line(line: Line) -> BreakdownLine:
    # A document holds thousands of lines (about 50 a point): pence() and the list of rules are
    # written out here rather than called, which halves the cost of a line.
    params = line.params
    out: BreakdownLine = {
        "amount": float(line.amount.quantize(PENNY, ROUND_HALF_UP)),  # pence(line.amount)
        "period": line.period,
        "label": line.label,
        "rules": [param.path for param in params] if params else [],
    }
    if line.note:
        out["note"] = line.note
    return out


def _lines(lines: Sequence[Line]) -> dict[str, BreakdownLine | dict[str, Any]]:
    return {line.key: _line(line) for line in lines}


def _programme(result: ProgrammeResult) -> dict[str, BreakdownLine | dict[str, Any]]:
    out = _lines(result.lines)
    if result.facts:
        out["facts"] = {key: _plain(value) for key, value in result.facts}
    return out


def _params_used(points: Sequence[PointResult]) -> dict[str, Param]:
    used: dict[str, Param] = {}
    for point in points:
        results: list[Sequence[Line]] = [e.lines for e in point.earnings]
        results.extend(t.lines for t in point.tax)
        results.extend(r.lines for r in point.programmes.values())
        results.extend(r.lines for r in point.passports.values())
        for lines in results:
            for line in lines:
                for param in line.params:
                    if param.path not in used:
                        used[param.path] = param
    return dict(sorted(used.items()))


def _step(line: Line) -> StepLine:
    out: StepLine = {"key": line.key, **_line(line)}
    return out


def _self_employment(business: SelfEmployedEarnings, period: str) -> SelfEmployment:
    """An adult's self-employment in ``period`` (the business's year's figures converted, to the penny)."""
    receipts = business.receipts
    return {
        "hours": float(business.hours),
        "receipts": None if receipts is None else float(rounded(receipts, "year", period)),
        "expenses": float(rounded(business.expenses, "year", period)),
        "profit": float(rounded(business.profit, "year", period)),
        "taxable_profit": float(rounded(business.taxable_profit, "year", period)),
        "class_2": float(rounded(business.class_2, "year", period)),
        "class_4": float(rounded(business.class_4, "year", period)),
        "personal_pension": float(rounded(business.personal_pension, "year", period)),
        "lines": [_step(line) for line in business.lines],
    }


def _people(point: PointResult, period: str, employer: dict[str, Decimal] | None = None) -> list[Person]:
    people = []
    for e, t in zip(point.earnings, point.tax):
        gross = rounded(e.gross, "year", period)
        tax = rounded(t.income_tax, "year", period)
        ni = rounded(e.national_insurance, "year", period)
        pension = rounded(e.pension, "year", period)
        person: Person = {
            "name": e.name,
            "hours": float(e.hours),
            "gross_earnings": float(gross),
            "income_tax": float(tax),
            "national_insurance": float(ni),
            "pension_contributions": float(pension),
            "employer_pension_contributions": float(rounded((employer or {}).get(e.name, ZERO), "year", period)),
            "net_earnings": float(gross - tax - ni - pension),
            "adjusted_net_income": float(pence(t.adjusted_net_income)),
        }
        if e.self_employment is not None:  # left out for an employee
            person["self_employment"] = _self_employment(e.self_employment, period)
        people.append(person)
    return people


def _passports(point: PointResult, period: str) -> dict[str, Passport]:
    out: dict[str, Passport] = {}
    for name, result in point.passports.items():
        worth = result.fact("value_if_entitled", ZERO)
        assert isinstance(worth, Decimal)
        out[name] = {
            "entitled": bool(result.fact("entitled")),
            "estimated_value": float(rounded(result.amount, result.period, period)),
            "value_if_entitled": float(rounded(worth, result.period, period)),
            "included_in_disposable_income": point.include_passport_values,
            "reason": result.lines[0].label,
        }
    return out


def _childcare(choice: ChildcareChoice) -> ChildcareSupport:
    return {
        "universal_credit": float(choice.universal_credit),
        "universal_credit_childcare_element": float(choice.universal_credit_childcare_element),
        "tax_free_childcare": float(choice.tax_free_childcare),
        "better": choice.better,
        "message": choice.message,
    }


def _breakdown(point: PointResult) -> Breakdown:
    breakdown: Breakdown = {
        "earnings": {e.name: _lines(e.lines) for e in point.earnings},
        "income_tax": {t.name: _lines(t.lines) for t in point.tax},
    }
    for name, result in point.programmes.items():
        breakdown[name] = _programme(result)
    for name, result in point.passports.items():
        breakdown[name] = _programme(result)
    return breakdown


def _marginal_edge(edge: Edge) -> MarginalEdge:
    kind: Literal["cliff", "step up", "pension starts"] = (
        "pension starts" if edge.is_saving else ("cliff" if edge.monthly_change < 0 else "step up")
    )
    out: MarginalEdge = {"hours": float(edge.hours), "kind": kind, "cause": edge.cause}
    if edge.profit is not None:  # the profit axis only
        out["profit"] = float(edge.profit)
    return out


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def point_model(
    point: PointResult,
    baseline: PointResult,
    period: str,
    marginal_rate: Decimal | None = None,
    participation_rate: Decimal | None = None,
    childcare: ChildcareChoice | None = None,
    marginal_edges: Sequence[Edge] = (),
    employer_pension: dict[str, Decimal] | None = None,
    profit: Decimal | None = None,
) -> Point:
    """One point of the document; the rates, the edges inside the marginal rate's step, the childcare
    choice, the employer's pension contributions and (on the profit axis) the monthly profit come from
    :mod:`benefitcalc.analysis`."""
    edges = [_marginal_edge(e) for e in marginal_edges]
    money = summary(point, period)
    # disposable_change(baseline, point, ...) for each period, from the summaries read once
    better_off = money["disposable_income"] - summary(baseline, period)["disposable_income"]
    weekly = summary(point, "week")["disposable_income"] - summary(baseline, "week")["disposable_income"]
    monthly = (
        better_off
        if period == "month"
        else summary(point, "month")["disposable_income"] - summary(baseline, "month")["disposable_income"]
    )
    extra_hours = point.hours - baseline.hours
    out: Point = {
        "hours": float(point.hours),
        "profit": None if profit is None else float(profit),  # left out below off the profit axis
        "gross_earnings": float(money["gross_earnings"]),
        "income_tax": float(money["income_tax"]),
        "national_insurance": float(money["national_insurance"]),
        "pension_contributions": float(money["pension_contributions"]),
        "net_earnings": float(money["net_earnings"]),
        "benefits": {k: float(v) for k, v in benefit_amounts(point, period).items()},
        "high_income_child_benefit_charge": float(money["high_income_child_benefit_charge"]),
        "total_benefits": float(money["total_benefits"]),
        "net_income": float(money["net_income"]),
        "housing_costs": float(money["housing_costs"]),
        "council_tax": float(money["council_tax"]),
        "childcare_costs": float(money["childcare_costs"]),
        "tax_free_childcare": float(money["tax_free_childcare"]),
        "work_costs": float(money["work_costs"]),
        "disposable_income": float(money["disposable_income"]),
        "better_off": float(better_off),
        "better_off_weekly": float(weekly),
        "better_off_monthly": float(monthly),
        "better_off_per_hour": float(pence(weekly / extra_hours)) if extra_hours else None,
        "marginal_effective_tax_rate": _float(marginal_rate),
        "marginal_rate_note": " and ".join(dict.fromkeys(e["kind"] for e in edges)) or None,
        "marginal_rate_edges": edges,
        "participation_tax_rate": _float(participation_rate),
        "childcare_support": None if childcare is None else _childcare(childcare),
        "passports": _passports(point, period),
        "people": _people(point, period, employer_pension),
        "breakdown": _breakdown(point),
        "warnings": [{"code": w.code, "message": w.message} for w in point.warnings],
    }
    if profit is None:
        del out["profit"]
    if childcare is None:
        del out["childcare_support"]
    return out


def _changes(changes: tuple[Change, ...]) -> Changes:
    return {c.part: {"weekly": float(c.weekly), "monthly": float(c.monthly)} for c in changes}


def _recovered(edge: Edge) -> tuple[float | None, float | None, float | None]:
    """Where a cliff's loss is made up: hours, weekly pay and (profit axis) profit; all None if never."""
    recovered = edge.recovered
    if recovered is None:
        return None, None, None
    return float(recovered.hours), float(recovered.gross_weekly_earnings), _float(recovered.profit)


def _safe_rounded(edge: Edge) -> tuple[float, float]:
    """The safe side rounded down to a whole or half hour, and the weekly pay there."""
    hours = edge.safe_hours_rounded if edge.safe_hours_rounded is not None else edge.safe_hours
    pay = edge.safe_hours_rounded_gross_weekly_earnings
    return float(hours), float(pay if pay is not None else edge.safe_gross_weekly_earnings)


def _edge_json(edge: Edge, change: str) -> dict[str, Any]:
    """A cliff's or a step's fields in the document's order; ``change`` is ``loss`` or ``gain``."""
    hours, pay, profit = _recovered(edge)
    safe_hours, safe_pay = _safe_rounded(edge)
    out: dict[str, Any] = {
        "hours": float(edge.hours),
        "gross_weekly_earnings": float(edge.gross_weekly_earnings),
        "cause": edge.cause,
        "programme": edge.programme,
        f"monthly_{change}": float(abs(edge.monthly_change)),
        f"weekly_{change}": float(abs(edge.weekly_change)),
        "changes": _changes(edge.changes),
        "safe_hours": float(edge.safe_hours),
        "safe_gross_weekly_earnings": float(edge.safe_gross_weekly_earnings),
        "safe_hours_rounded": safe_hours,
        "safe_hours_rounded_gross_weekly_earnings": safe_pay,
        "recovered_at_hours": hours,
        "recovered_at_gross_weekly_earnings": pay,
        "summary": edge.summary,
        "message": edge.message,
        "detail": edge.detail,
    }
    # the profit axis only: left out of the JSON otherwise
    if edge.profit is not None:
        out["profit"] = float(edge.profit)
    if edge.safe_profit is not None:
        out["safe_profit"] = float(edge.safe_profit)
    if profit is not None:
        out["recovered_at_profit"] = profit
    return out


def cliff_model(edge: Edge) -> Cliff:
    """A cliff edge: see docs/json.md, "A cliff" (its keys are checked against the schema by the tests)."""
    return cast(Cliff, _edge_json(edge, "loss"))


def gain_model(edge: Edge) -> Gain:
    """A step up: the fields of a cliff, with the gain in place of the loss."""
    return cast(Gain, _edge_json(edge, "gain"))


def _passport_end(end: PassportEndResult) -> PassportEnd:
    out: PassportEnd = {
        "passport": end.passport,
        "hours": float(end.hours),
        "gross_weekly_earnings": float(end.gross_weekly_earnings),
        "safe_hours": float(end.safe_hours),
        "safe_gross_weekly_earnings": float(end.safe_gross_weekly_earnings),
        "estimated_monthly_value": float(end.monthly_value),
        "message": end.message,
    }
    if end.profit is not None:  # the profit axis only
        out["profit"] = float(end.profit)
    if end.safe_profit is not None:
        out["safe_profit"] = float(end.safe_profit)
    return out


def _reference(param: Param) -> Reference:
    return {
        "value": value_json(param.value),
        "unit": param.unit,
        "period": param.period,
        "effective_from": param.effective_from.isoformat(),
        "description": param.description,
        "reference": [{"title": r.title, "href": r.href} for r in param.reference],
    }


def _hours(crossing: Crossing | None) -> float | None:
    return None if crossing is None else float(crossing.hours)


def _pay(crossing: Crossing | None) -> float | None:
    return None if crossing is None else float(crossing.gross_weekly_earnings)


def _profit(crossing: Crossing | None) -> float | None:
    return None if crossing is None else _float(crossing.profit)


def _points(ctx: Context, period: str, analysis: Analysis) -> list[Point]:
    baseline, profit = analysis.baseline, analysis.axis == "profit"
    return [
        point_model(
            point,
            baseline,
            period,
            analysis.marginal_rates[i],
            analysis.participation_rates[i],
            analysis.childcare[i],
            analysis.marginal_edges[i] if analysis.marginal_edges else (),
            employer_minimum(ctx, point),
            analysis.values[i] if profit else None,
        )
        for i, point in enumerate(analysis.points)
    ]


_PROFIT_KEYS: tuple[
    Literal[
        "baseline_profit",
        "searched_to_profit",
        "break_even_profit",
        "universal_credit_ends_at_profit",
        "minimum_income_floor_profit",
    ],
    ...,
] = (
    "baseline_profit",
    "searched_to_profit",
    "break_even_profit",
    "universal_credit_ends_at_profit",
    "minimum_income_floor_profit",
)


def document_model(scenario: Scenario, ctx: Context, period: str, analysis: Analysis) -> Document:
    """The document of an analysis in ``period`` (``week``, ``month`` or ``year``)."""
    points, baseline = analysis.points, analysis.baseline
    profit = analysis.axis == "profit"
    rules: RulesStamp = {
        "version": ctx.rules.version,
        "digest": ctx.rules.digest,
        "date": ctx.day.isoformat(),
        "tax_year": ctx.tax_year,
    }
    ends = analysis.universal_credit_ends
    doc: Document = {
        "benefitcalc": __version__,
        "rules": rules,
        "period": period,  # type: ignore[typeddict-item]  # checked by the callers (api.to_json, the CLI's choices)
        "person": scenario.worker.name,
        "axis": "profit" if profit else "hours",
        "baseline_hours": float(baseline.hours),
        "baseline": "current" if analysis.baseline_kind == "current" else "zero",
        "points": _points(ctx, period, analysis),
        # a fall always loses money a month too (weekly and monthly are the same change, each rounded)
        "cliffs": [cliff_model(edge) for edge in analysis.cliffs],
        "gains": [gain_model(edge) for edge in analysis.gains],
        "passports_end": [_passport_end(end) for end in analysis.passports_end],
        "break_even_hours": _hours(analysis.break_even),
        "break_even_gross_weekly_earnings": _pay(analysis.break_even),
        "break_even_changes": None if analysis.break_even is None else _changes(analysis.break_even.changes),
        "universal_credit_ends_at_hours": _hours(ends),
        "universal_credit_ends_at_gross_weekly_earnings": _pay(ends),
        "universal_credit_ends_changes": None if ends is None else _changes(ends.changes),
        "searched_to_hours": float(analysis.searched_to_hours),
        "baseline_profit": _float(analysis.baseline_value) if profit else None,
        "searched_to_profit": _float(analysis.searched_to) if profit else None,
        "break_even_profit": _profit(analysis.break_even),
        "universal_credit_ends_at_profit": _profit(ends),
        "minimum_income_floor_profit": _profit(analysis.minimum_income_floor) if profit else None,
        "summary": headline(analysis),
        "not_modelled": [{"item": item["item"], "reason": item["reason"]} for item in not_modelled(scenario)],
        "references": {path: _reference(param) for path, param in _params_used([*points, baseline]).items()},
    }
    for key in _PROFIT_KEYS:  # the profit axis only: left out of the JSON where null
        if doc[key] is None:
            del doc[key]
    return doc


def document(
    scenario: Scenario,
    ctx: Context,
    points: Sequence[PointResult],
    baseline: PointResult,
    period: str,
    analysis: Analysis | None = None,
) -> dict[str, Any]:
    """The JSON document for a sweep (or one point): see docs/json.md.

    ``analysis`` is a :class:`benefitcalc.analysis.Analysis` of these points; it is worked out here
    when not given (the analysis adds Tax-Free Childcare, the tax rates, cliffs and crossings).
    The document is built as its typed dicts (:mod:`~benefitcalc.views.models`), which are the JSON
    data itself.
    """
    if analysis is None:
        analysis = analyse(scenario, ctx, points, baseline)
    return cast(dict[str, Any], document_model(scenario, ctx, period, analysis))
