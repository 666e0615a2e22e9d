"""The JSON document (the embedding contract, docs/json.md), built from the typed models.

Each amount is converted from the period its programme works in to the requested period, then
rounded to pence (:mod:`benefitcalc.summary`); totals are sums of the rounded parts, so the parts
always add up. The better-off analysis (:mod:`benefitcalc.analysis`) gives the tax rates, cliffs,
steps up and crossings.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any

from benefitcalc import __version__
from benefitcalc.analysis import Analysis, Change, ChildcareChoice, Crossing, Edge, analyse, employer_minimum, headline
from benefitcalc.analysis import PassportEnd as PassportEndResult
from benefitcalc.breakdown import Line, PointResult, ProgrammeResult, SelfEmployedEarnings
from benefitcalc.engine import Context, not_modelled
from benefitcalc.loader import Bracket, Param
from benefitcalc.periods import ZERO, pence
from benefitcalc.scenario import Scenario
from benefitcalc.summary import benefit_amounts, disposable_change, rounded, summary
from benefitcalc.views.models import (
    BreakdownLine,
    ChildcareSupport,
    Cliff,
    Document,
    Gain,
    MarginalEdge,
    NotModelled,
    PartChange,
    Passport,
    PassportEnd,
    Person,
    Point,
    Reference,
    RulesStamp,
    SelfEmployment,
    Source,
    StepLine,
    WarningItem,
    as_json,
)


def _money(value: Decimal) -> float:
    """JSON number for an amount already rounded to pence."""
    return float(value)


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


_PATH = attrgetter("path")  # a parameter's dotted path


def _line(line: Line) -> BreakdownLine:
    out: BreakdownLine = {
        "amount": float(pence(line.amount)),
        "period": line.period,
        "label": line.label,
        "rules": list(map(_PATH, line.params)),
    }
    if line.note:
        out["note"] = line.note
    return out


def _programme(result: ProgrammeResult) -> dict[str, BreakdownLine | dict[str, Any]]:
    out: dict[str, BreakdownLine | dict[str, Any]] = {line.key: _line(line) for line in result.lines}
    if result.facts:
        out["facts"] = {key: _plain(value) for key, value in result.facts}
    return out


def _params_used(points: Sequence[PointResult]) -> dict[str, Param]:
    used: dict[str, Param] = {}
    for point in points:
        lines: list[Line] = []
        for e in point.earnings:
            lines.extend(e.lines)
        for t in point.tax:
            lines.extend(t.lines)
        for result in (*point.programmes.values(), *point.passports.values()):
            lines.extend(result.lines)
        for line in lines:
            for param in line.params:
                used.setdefault(param.path, param)
    return dict(sorted(used.items()))


def _step(line: Line) -> StepLine:
    out: StepLine = {"key": line.key, **_line(line)}
    return out


def _self_employment(business: SelfEmployedEarnings | None, period: str) -> SelfEmployment | None:
    """An adult's self-employment in ``period`` (the business's year's figures converted, to the penny)."""
    if business is None:
        return None
    receipts = business.receipts
    return SelfEmployment(
        hours=float(business.hours),
        receipts=None if receipts is None else _money(rounded(receipts, "year", period)),
        expenses=_money(rounded(business.expenses, "year", period)),
        profit=_money(rounded(business.profit, "year", period)),
        taxable_profit=_money(rounded(business.taxable_profit, "year", period)),
        class_2=_money(rounded(business.class_2, "year", period)),
        class_4=_money(rounded(business.class_4, "year", period)),
        personal_pension=_money(rounded(business.personal_pension, "year", period)),
        lines=[_step(line) for line in business.lines],
    )


def _people(point: PointResult, period: str, employer: dict[str, Decimal] | None = None) -> list[Person]:
    people = []
    for e, t in zip(point.earnings, point.tax):
        gross = rounded(e.gross, "year", period)
        tax = rounded(t.income_tax, "year", period)
        ni = rounded(e.national_insurance, "year", period)
        pension = rounded(e.pension, "year", period)
        people.append(
            Person(
                name=e.name,
                hours=float(e.hours),
                gross_earnings=_money(gross),
                income_tax=_money(tax),
                national_insurance=_money(ni),
                pension_contributions=_money(pension),
                employer_pension_contributions=_money(rounded((employer or {}).get(e.name, ZERO), "year", period)),
                net_earnings=_money(gross - tax - ni - pension),
                adjusted_net_income=_money(pence(t.adjusted_net_income)),
                self_employment=_self_employment(e.self_employment, period),
            )
        )
    return people


def _passports(point: PointResult, period: str) -> dict[str, Passport]:
    out = {}
    for name, result in point.passports.items():
        worth = result.fact("value_if_entitled", ZERO)
        assert isinstance(worth, Decimal)
        out[name] = Passport(
            entitled=bool(result.fact("entitled")),
            estimated_value=_money(rounded(result.amount, result.period, period)),
            value_if_entitled=_money(rounded(worth, result.period, period)),
            included_in_disposable_income=point.include_passport_values,
            reason=result.lines[0].label,
        )
    return out


def _childcare(choice: ChildcareChoice | None) -> ChildcareSupport | None:
    if choice is None:
        return None
    return ChildcareSupport(
        universal_credit=_money(choice.universal_credit),
        universal_credit_childcare_element=_money(choice.universal_credit_childcare_element),
        tax_free_childcare=_money(choice.tax_free_childcare),
        better=choice.better,
        message=choice.message,
    )


def _breakdown(point: PointResult) -> dict[str, dict[str, Any]]:
    breakdown: dict[str, dict[str, Any]] = {
        "earnings": {e.name: {line.key: _line(line) for line in e.lines} for e in point.earnings},
        "income_tax": {t.name: {line.key: _line(line) for line in t.lines} for t in point.tax},
    }
    for name, result in (*point.programmes.items(), *point.passports.items()):
        breakdown[name] = _programme(result)
    return breakdown


def _marginal_edge(edge: Edge) -> MarginalEdge:
    kind = "pension starts" if edge.is_saving else ("cliff" if edge.monthly_change < 0 else "step up")
    return MarginalEdge(hours=float(edge.hours), kind=kind, cause=edge.cause, profit=_float(edge.profit))  # type: ignore[arg-type]  # one of the Literal's


def _rate(rate: Decimal | None) -> float | None:
    return float(rate) if rate is not None else None


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
    money = {key: _money(value) for key, value in summary(point, period).items()}
    weekly = disposable_change(baseline, point, "week")
    extra_hours = point.hours - baseline.hours
    return Point(
        hours=float(point.hours),
        profit=None if profit is None else _money(profit),
        gross_earnings=money["gross_earnings"],
        income_tax=money["income_tax"],
        national_insurance=money["national_insurance"],
        pension_contributions=money["pension_contributions"],
        net_earnings=money["net_earnings"],
        benefits={k: _money(v) for k, v in benefit_amounts(point, period).items()},
        high_income_child_benefit_charge=money["high_income_child_benefit_charge"],
        total_benefits=money["total_benefits"],
        net_income=money["net_income"],
        housing_costs=money["housing_costs"],
        council_tax=money["council_tax"],
        childcare_costs=money["childcare_costs"],
        tax_free_childcare=money["tax_free_childcare"],
        work_costs=money["work_costs"],
        disposable_income=money["disposable_income"],
        better_off=_money(disposable_change(baseline, point, period)),
        better_off_weekly=_money(weekly),
        better_off_monthly=_money(disposable_change(baseline, point, "month")),
        better_off_per_hour=_money(pence(weekly / extra_hours)) if extra_hours else None,
        marginal_effective_tax_rate=_rate(marginal_rate),
        marginal_rate_note=" and ".join(dict.fromkeys(e.kind for e in edges)) or None,
        marginal_rate_edges=edges,
        participation_tax_rate=_rate(participation_rate),
        childcare_support=_childcare(childcare),
        passports=_passports(point, period),
        people=_people(point, period, employer_pension),
        breakdown=_breakdown(point),
        warnings=[WarningItem(code=w.code, message=w.message) for w in point.warnings],
    )


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _changes(changes: tuple[Change, ...]) -> dict[str, PartChange]:
    return {c.part: PartChange(weekly=_money(c.weekly), monthly=_money(c.monthly)) for c in changes}


def _recovered(edge: Edge) -> tuple[float | None, float | None]:
    if edge.recovered is None:
        return None, None
    return float(edge.recovered.hours), _money(edge.recovered.gross_weekly_earnings)


def _edge_fields(edge: Edge) -> dict[str, Any]:
    """The fields a cliff and a step up share (all but the loss or gain itself)."""
    hours, pay = _recovered(edge)
    rounded = edge.safe_hours_rounded if edge.safe_hours_rounded is not None else edge.safe_hours
    rounded_pay = edge.safe_hours_rounded_gross_weekly_earnings
    return {
        "hours": float(edge.hours),
        "gross_weekly_earnings": _money(edge.gross_weekly_earnings),
        "cause": edge.cause,
        "programme": edge.programme,
        "changes": _changes(edge.changes),
        "safe_hours": float(edge.safe_hours),
        "safe_gross_weekly_earnings": _money(edge.safe_gross_weekly_earnings),
        "safe_hours_rounded": float(rounded),
        "safe_hours_rounded_gross_weekly_earnings": _money(
            rounded_pay if rounded_pay is not None else edge.safe_gross_weekly_earnings
        ),
        "recovered_at_hours": hours,
        "recovered_at_gross_weekly_earnings": pay,
        "summary": edge.summary,
        "message": edge.message,
        "detail": edge.detail,
        "profit": _float(edge.profit),
        "safe_profit": _float(edge.safe_profit),
        "recovered_at_profit": _float(edge.recovered.profit if edge.recovered is not None else None),
    }


def cliff_model(edge: Edge) -> Cliff:
    """A cliff edge: see docs/json.md, "A cliff"."""
    return Cliff(
        monthly_loss=_money(abs(edge.monthly_change)),
        weekly_loss=_money(abs(edge.weekly_change)),
        **_edge_fields(edge),
    )


def gain_model(edge: Edge) -> Gain:
    """A step up: the fields of a cliff, with the gain in place of the loss."""
    return Gain(
        monthly_gain=_money(abs(edge.monthly_change)),
        weekly_gain=_money(abs(edge.weekly_change)),
        **_edge_fields(edge),
    )


def _passport_end(end: PassportEndResult) -> PassportEnd:
    return PassportEnd(
        passport=end.passport,
        hours=float(end.hours),
        gross_weekly_earnings=_money(end.gross_weekly_earnings),
        safe_hours=float(end.safe_hours),
        safe_gross_weekly_earnings=_money(end.safe_gross_weekly_earnings),
        estimated_monthly_value=_money(end.monthly_value),
        message=end.message,
        profit=_float(end.profit),
        safe_profit=_float(end.safe_profit),
    )


def _reference(param: Param) -> Reference:
    return Reference(
        value=value_json(param.value),
        unit=param.unit,
        period=param.period,
        effective_from=param.effective_from.isoformat(),
        description=param.description,
        reference=[Source(title=r.title, href=r.href) for r in param.reference],
    )


def _hours(crossing: Crossing | None) -> float | None:
    return None if crossing is None else float(crossing.hours)


def _pay(crossing: Crossing | None) -> float | None:
    return None if crossing is None else _money(crossing.gross_weekly_earnings)


def _profit(crossing: Crossing | None) -> float | None:
    return None if crossing is None else _float(crossing.profit)


def document_model(scenario: Scenario, ctx: Context, period: str, analysis: Analysis) -> Document:
    """The typed document of an analysis in ``period`` (``week``, ``month`` or ``year``)."""
    points, baseline = analysis.points, analysis.baseline
    profit = analysis.axis == "profit"
    return Document(
        benefitcalc=__version__,
        rules=RulesStamp(
            version=ctx.rules.version, digest=ctx.rules.digest, date=ctx.day.isoformat(), tax_year=ctx.tax_year
        ),
        period=period,  # type: ignore[arg-type]  # checked by the callers (api.to_json, the CLI's choices)
        person=scenario.worker.name,
        axis="profit" if profit else "hours",
        baseline_hours=float(baseline.hours),
        baseline="current" if analysis.baseline_kind == "current" else "zero",
        points=[
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
            for i, point in enumerate(points)
        ],
        # a fall always loses money a month too (weekly and monthly are the same change, each rounded)
        cliffs=[cliff_model(edge) for edge in analysis.cliffs],
        gains=[gain_model(edge) for edge in analysis.gains],
        passports_end=[_passport_end(end) for end in analysis.passports_end],
        break_even_hours=_hours(analysis.break_even),
        break_even_gross_weekly_earnings=_pay(analysis.break_even),
        break_even_changes=None if analysis.break_even is None else _changes(analysis.break_even.changes),
        universal_credit_ends_at_hours=_hours(analysis.universal_credit_ends),
        universal_credit_ends_at_gross_weekly_earnings=_pay(analysis.universal_credit_ends),
        universal_credit_ends_changes=None
        if analysis.universal_credit_ends is None
        else _changes(analysis.universal_credit_ends.changes),
        searched_to_hours=float(analysis.searched_to_hours),
        baseline_profit=_float(analysis.baseline_value) if profit else None,
        searched_to_profit=_float(analysis.searched_to) if profit else None,
        break_even_profit=_profit(analysis.break_even),
        universal_credit_ends_at_profit=_profit(analysis.universal_credit_ends),
        minimum_income_floor_profit=_profit(analysis.minimum_income_floor) if profit else None,
        summary=headline(analysis),
        not_modelled=[NotModelled(item=item["item"], reason=item["reason"]) for item in not_modelled(scenario)],
        references={path: _reference(param) for path, param in _params_used([*points, baseline]).items()},
    )


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
    """
    if analysis is None:
        analysis = analyse(scenario, ctx, points, baseline)
    data: dict[str, Any] = as_json(document_model(scenario, ctx, period, analysis))
    return data
