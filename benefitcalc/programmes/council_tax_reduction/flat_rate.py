"""A flat-rate scheme: a fixed share of the weekly liability by category -- protected, not working,
or working with weekly earnings below a limit -- each with or without dependants (children), the
first row of `rates` that fits being used (Redbridge's classes); non-dependant deductions come off it."""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import Line
from benefitcalc.periods import ZERO, positive
from benefitcalc.programmes.council_tax_reduction.design import FlatRateScheme
from benefitcalc.programmes.council_tax_reduction.validation import Scheme
from benefitcalc.scenario import Scenario


def flat_rate_reduction(
    scenario: Scenario,
    scheme: Scheme,
    weekly: Decimal,
    earnings: Decimal,
    working: bool,
    nondep: Decimal,
    protected: bool,
) -> tuple[Decimal, list[Line]]:
    """The weekly reduction: the share of the first category that fits, less non-dependant deductions.
    ``earnings`` are the weekly earnings after the scheme's disregard; ``working``, whether anyone has pay."""
    design = scheme.design
    assert isinstance(design, FlatRateScheme)
    rates = scheme.cite("rates")
    category = "protected" if protected else "working" if working else "not_working"
    dependants = "with" if scenario.children else "without"
    for row in design.rates:
        if row.category != category or row.dependants not in (dependants, "any"):
            continue
        if row.earnings_below is not None and not earnings < row.earnings_below:
            continue
        reduction = weekly * row.share
        limit = f", weekly earnings £{earnings:,.2f} below £{row.earnings_below:,.2f}" if row.earnings_below else ""
        label = (
            f"Category {category.replace('_', ' ')}, {dependants} dependants{limit}: {row.share:.0%} of the weekly "
            "liability"
        )
        lines = [Line("flat_rate", label, reduction, "week", (rates,))]
        if nondep > 0 and reduction > 0:
            cut = -min(nondep, reduction)
            lines.append(Line("non_dependant_deductions", "Less non-dependant deductions", cut, "week"))
        return positive(reduction - nondep), lines
    label = (
        f"No category of the scheme fits ({category.replace('_', ' ')}, {dependants} dependants, weekly earnings "
        f"£{earnings:,.2f}): no reduction"
    )
    return ZERO, [Line("flat_rate", label, ZERO, "week", (rates,))]
