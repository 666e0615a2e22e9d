"""A banded scheme: the household's weekly income falls in a band of its household type, which
gives a share of the weekly liability; non-dependant deductions come off that."""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import Line
from benefitcalc.errors import RulesError
from benefitcalc.loader import Param
from benefitcalc.periods import positive
from benefitcalc.programmes.council_tax_reduction.design import BandedScheme
from benefitcalc.programmes.council_tax_reduction.validation import Scheme
from benefitcalc.scenario import Scenario


def _design(scheme: Scheme) -> BandedScheme:
    assert isinstance(scheme.design, BandedScheme)
    return scheme.design


def household_type(scenario: Scenario, scheme: Scheme, protected: bool = False) -> tuple[str, Param]:
    """The scheme's household type for the household (the protected group's, where it is in it)."""
    design = _design(scheme)
    types = scheme.cite("household_types")
    group = design.protected_group
    protected_household = group.household if group is not None else None
    if protected and protected_household is not None:
        return protected_household, types
    adults = "couple" if scenario.is_couple else "single"
    children = len(scenario.children)
    for row in design.household_types:
        if row.household == protected_household or row.adults not in (adults, "any"):
            continue
        if children >= row.children_from and (row.children_to is None or children <= row.children_to):
            return row.household, types
    raise RulesError(
        f"no household type fits a {adults} household with {children} children; `household_types` must cover "
        "every household",
        scheme.where(types),
    )


def banded_reduction(
    scenario: Scenario, scheme: Scheme, weekly: Decimal, income: Decimal, nondep: Decimal, protected: bool = False
) -> tuple[Decimal, list[Line]]:
    """The weekly reduction: the band's share of the weekly liability, less non-dependant deductions."""
    household, types = household_type(scenario, scheme, protected)
    bands = scheme.cite("bands")
    rows = [(band.income_up_to, band.discount) for band in _design(scheme).bands if band.household == household]
    # the first band whose limit the income is within (the last has no limit: validation sees to it)
    position = next(i for i, (limit, _) in enumerate(rows) if limit is None or income <= limit)
    up_to, discount = rows[position]
    where = f"up to £{up_to:,.2f}" if up_to is not None else "above the highest band"
    reduction = weekly * discount
    label = (
        f"Household type {household!r}: weekly income £{income:,.2f} is in band {position + 1} ({where}): "
        f"{discount:.0%} of the weekly liability"
    )
    lines = [Line("band", label, reduction, "week", (types, bands))]
    if nondep > 0 and reduction > 0:
        lines.append(Line("non_dependant_deductions", "Less non-dependant deductions", -min(nondep, reduction), "week"))
    return positive(reduction - nondep), lines
