"""A banded scheme: the household's weekly income falls in a band of its household type, which
gives a share of the weekly liability; non-dependant deductions come off that.

The household type may depend on the youngest child's age (Croydon: a lone parent with a child under
5); the bands may be monthly (the weekly income x 52 / 12 is compared: Barnet); and they may measure
the income above the applicable amount (Coventry; Manchester's UC scheme), worked as the means test
works it: the applicable amount (on UC, the UC maximum amount x 12 / 52) and tariff income on capital.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.errors import RulesError
from benefitcalc.loader import Param
from benefitcalc.periods import positive, weekly_to_monthly
from benefitcalc.programmes.council_tax_reduction.design import EXCESS, BandedScheme
from benefitcalc.programmes.council_tax_reduction.means_tested import scheme_applicable_amount, tariff_income
from benefitcalc.programmes.council_tax_reduction.validation import Scheme
from benefitcalc.programmes.resources import Resources
from benefitcalc.scenario import Scenario


def _design(scheme: Scheme) -> BandedScheme:
    assert isinstance(scheme.design, BandedScheme)
    return scheme.design


def household_type(scenario: Scenario, scheme: Scheme, protected: bool, day: date) -> tuple[str, Param]:
    """The scheme's household type for the household (the protected group's, where it is in it). A row
    with `youngest_child_under` fits only where a child is under that age on ``day``."""
    design = _design(scheme)
    types = scheme.cite("household_types")
    group = design.protected_group
    protected_household = group.household if group is not None else None
    if protected and protected_household is not None:
        return protected_household, types
    adults = "couple" if scenario.is_couple else "single"
    children = len(scenario.children)
    ages = [c.age_on(day) for c in scenario.children]
    for row in design.household_types:
        if row.household == protected_household or row.adults not in (adults, "any"):
            continue
        if row.youngest_child_under is not None and not any(age < row.youngest_child_under for age in ages):
            continue
        if children >= row.children_from and (row.children_to is None or children <= row.children_to):
            return row.household, types
    raise RulesError(
        f"no household type fits a {adults} household with {children} children; `household_types` must cover "
        "every household",
        scheme.where(types),
    )


def _excess_income(
    scenario: Scenario, scheme: Scheme, income: Decimal, day: date, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """The income above the applicable amount (with tariff income on capital), as the means test works it."""
    amount, lines, warnings = scheme_applicable_amount(scenario, scheme, day, resources)
    income, tariff_lines = tariff_income(scenario, scheme, income)
    lines.extend(tariff_lines)
    excess = positive(income - amount)
    lines.append(Line("excess_income", "Income above the applicable amount: what the bands measure", excess, "week"))
    return excess, lines, warnings


def banded_reduction(
    scenario: Scenario,
    scheme: Scheme,
    weekly: Decimal,
    income: Decimal,
    nondep: Decimal,
    protected: bool,
    day: date,
    resources: Resources,
) -> tuple[Decimal, list[Line], list[Warning]]:
    """The weekly reduction: the band's share of the weekly liability, less non-dependant deductions."""
    design = _design(scheme)
    lines: list[Line] = []
    warnings: list[Warning] = []
    if design.banded_income == EXCESS:
        income, excess_lines, warnings = _excess_income(scenario, scheme, income, day, resources)
        lines.extend(excess_lines)
    household, types = household_type(scenario, scheme, protected, day)
    bands = scheme.cite("bands")
    measured, per = income, "weekly"
    if bands.period == "month":
        measured, per = weekly_to_monthly(income), "monthly (weekly x 52 / 12)"
    rows = [(band.income_up_to, band.discount) for band in design.bands if band.household == household]
    # the first band whose limit the income is within (the last has no limit: validation sees to it)
    position = next(i for i, (limit, _) in enumerate(rows) if limit is None or measured <= limit)
    up_to, discount = rows[position]
    where = f"up to £{up_to:,.2f}" if up_to is not None else "above the highest band"
    reduction = weekly * discount
    what = {"income": "income", "earnings": "earnings", "earnings_and_unearned_income": "earnings and unearned income"}
    label = (
        f"Household type {household!r}: {per} {what.get(design.banded_income, 'income above the applicable amount')} "
        f"£{measured:,.2f} is in band {position + 1} ({where}): {discount:.0%} of the weekly liability"
    )
    params = (types, bands, scheme.cite("banded_income")) if scheme.has("banded_income") else (types, bands)
    lines.append(Line("band", label, reduction, "week", params))
    if nondep > 0 and reduction > 0:
        lines.append(Line("non_dependant_deductions", "Less non-dependant deductions", -min(nondep, reduction), "week"))
    return positive(reduction - nondep), lines, warnings
