"""A point's household money in one period: the figures every view and the analysis share.

Each amount is converted from the period its programme works in to the requested period, then
rounded to pence; totals are sums of the rounded parts, so the parts always add up. With
``exact=True`` nothing is rounded (the better-off analysis compares neighbouring pennies of pay,
where display rounding would hide or invent a step).

Below the analysis and the views (both read it), above the engine's results.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from benefitcalc.breakdown import PointResult
from benefitcalc.periods import ZERO, convert, pence
from benefitcalc.registry import BENEFIT_KEYS


def rounded(amount: Decimal, source: str, period: str) -> Decimal:
    """``amount`` (a ``source`` period's) in ``period``, to the penny."""
    return pence(convert(amount, source, period))


def _exact(amount: Decimal, source: str, period: str) -> Decimal:
    return convert(amount, source, period)


def benefit_amounts(point: PointResult, period: str) -> dict[str, Decimal]:
    """Every cash benefit in the registry's display order, in ``period`` to the penny (0 where not paid)."""
    out = {}
    for name in BENEFIT_KEYS:
        result = point.programmes.get(name)
        out[name] = rounded(result.amount, result.period, period) if result is not None else Decimal("0.00")
    return out


def summary(point: PointResult, period: str, exact: bool = False) -> dict[str, Decimal]:
    """Household money for one point in ``period``, each figure in pence; totals add up exactly.

    ``exact=True`` skips the rounding to pence. Worked out once per point, period and rounding.
    """
    cached = point.summaries.get((period, exact))
    if cached is None:
        cached = point.summaries[(period, exact)] = _summary(point, period, exact)
    return dict(cached)


def _summary(point: PointResult, period: str, exact: bool) -> dict[str, Decimal]:
    into: Callable[[Decimal, str, str], Decimal] = _exact if exact else rounded
    gross = sum((into(e.gross, "year", period) for e in point.earnings), ZERO)
    tax = sum((into(t.income_tax, "year", period) for t in point.tax), ZERO)
    ni = sum((into(e.national_insurance, "year", period) for e in point.earnings), ZERO)
    pension = sum((into(e.pension, "year", period) for e in point.earnings), ZERO)
    net_earnings = gross - tax - ni - pension
    total_benefits = ZERO
    for name in BENEFIT_KEYS:
        result = point.programmes.get(name)
        if result is not None:
            total_benefits += into(result.amount, result.period, period)
    hicbc = into(point.high_income_child_benefit_charge, "year", period)
    net_income = net_earnings + total_benefits - hicbc
    passport_value = ZERO
    if point.include_passport_values:
        passport_value = sum((into(r.amount, r.period, period) for r in point.passports.values()), ZERO)
    tfc = point.programmes.get("tax_free_childcare")
    tax_free_childcare = into(tfc.amount, tfc.period, period) if tfc is not None else ZERO
    housing = into(point.housing_costs, "month", period)
    council_tax = into(point.council_tax, "month", period)
    childcare = into(point.childcare_costs, "month", period)
    work = into(point.work_costs, "month", period)
    return {
        "gross_earnings": gross,
        "income_tax": tax,
        "national_insurance": ni,
        "pension_contributions": pension,
        "net_earnings": net_earnings,
        "total_benefits": total_benefits,
        "high_income_child_benefit_charge": hicbc,
        "net_income": net_income,
        "housing_costs": housing,
        "council_tax": council_tax,
        "childcare_costs": childcare,
        "work_costs": work,
        "passported_help_value": passport_value,
        "tax_free_childcare": tax_free_childcare,
        "disposable_income": net_income
        + passport_value
        + tax_free_childcare
        - housing
        - council_tax
        - childcare
        - work,
    }


def disposable_change(before: PointResult, after: PointResult, period: str) -> Decimal:
    """Disposable income at ``after`` minus at ``before``, each rounded to pence in ``period`` first."""
    return summary(after, period)["disposable_income"] - summary(before, period)["disposable_income"]


def parts(point: PointResult, period: str) -> dict[str, Decimal]:
    """Each part of disposable income at a point in ``period``, rounded to pence as :func:`summary`
    rounds it and signed as it counts (money out negative), so that the parts add up exactly to
    ``summary(point, period)["disposable_income"]``.

    Keys: ``earnings`` (gross pay), ``income_tax``, ``national_insurance``,
    ``pension_contributions``, each cash benefit (registry display order), each passport whose
    value is counted, ``tax_free_childcare``, ``high_income_child_benefit_charge``,
    ``housing_costs``, ``council_tax``, ``childcare_costs``, ``work_costs``.
    """
    out: dict[str, Decimal] = {
        "earnings": sum((rounded(e.gross, "year", period) for e in point.earnings), ZERO),
        "income_tax": -sum((rounded(t.income_tax, "year", period) for t in point.tax), ZERO),
        "national_insurance": -sum((rounded(e.national_insurance, "year", period) for e in point.earnings), ZERO),
        "pension_contributions": -sum((rounded(e.pension, "year", period) for e in point.earnings), ZERO),
    }
    for name in BENEFIT_KEYS:
        result = point.programmes.get(name)
        out[name] = rounded(result.amount, result.period, period) if result is not None else ZERO
    if point.include_passport_values:
        for name, result in point.passports.items():
            out[name] = rounded(result.amount, result.period, period)
    tfc = point.programmes.get("tax_free_childcare")
    out["tax_free_childcare"] = rounded(tfc.amount, tfc.period, period) if tfc is not None else ZERO
    out["high_income_child_benefit_charge"] = -rounded(point.high_income_child_benefit_charge, "year", period)
    for key, amount in (
        ("housing_costs", point.housing_costs),
        ("council_tax", point.council_tax),
        ("childcare_costs", point.childcare_costs),
        ("work_costs", point.work_costs),
    ):
        out[key] = -rounded(amount, "month", period)
    return out
