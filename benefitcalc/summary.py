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

SUMMARY_KEYS = (
    "gross_earnings",
    "income_tax",
    "national_insurance",
    "pension_contributions",
    "net_earnings",
    "total_benefits",
    "high_income_child_benefit_charge",
    "net_income",
    "housing_costs",
    "council_tax",
    "childcare_costs",
    "work_costs",
    "disposable_income",
)


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
