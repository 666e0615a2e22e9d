"""Housing Benefit: non-dependant deductions (reg 74)."""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import ZERO
from benefitcalc.programmes.housing_benefit.rules import HousingBenefitRules
from benefitcalc.programmes.non_dependants import banded_deduction
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Scenario


def non_dependant_deductions(scenario: Scenario, hb: HousingBenefitRules) -> tuple[Decimal, list[Line], list[Warning]]:
    """Reg 74: a deduction for each non-dependant aged 18 or over, by gross income if in remunerative work."""
    table = hb.non_dependant_deductions
    lines: list[Line] = []
    warnings: list[Warning] = []
    if not scenario.housing.non_dependants:
        return ZERO, lines, warnings
    if table.value is None:
        message = (
            "The Housing Benefit non-dependant deductions for this date are not in the rules (see the note on "
            "dwp.housing_benefit.non_dependant_deductions): no deduction has been made, so Housing Benefit may be "
            "too high."
        )
        return (
            ZERO,
            [
                Line(
                    "non_dependants",
                    "Non-dependant deductions: rates for this date not held",
                    ZERO,
                    "week",
                    cite(table),
                )
            ],
            [Warning("hb_non_dependant_rates_not_held", message)],
        )
    rows = [(Decimal(r["gross_income_from"]), Decimal(r["deduction"])) for r in table.value]
    exempt_by = next((a.name for a in scenario.adults if a.receives_care_or_daily_living), None)
    total = ZERO
    for i, nd in enumerate(scenario.housing.non_dependants):
        label = f"Non-dependant {i + 1}"
        if exempt_by is not None:
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"{label}: no deduction, {exempt_by} gets AA, DLA care or PIP/ADP daily living (reg 74(6)(b))",
                    ZERO,
                    "week",
                    cite(table),
                )
            )
            continue
        if nd.age < 18 or nd.exempt_from_deduction:
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"{label}: no deduction (under 18, or exempt under reg 74(7))",
                    ZERO,
                    "week",
                    cite(table),
                )
            )
            continue
        amount, why, assumed = banded_deduction(nd, label, rows, " (reg 74(2))", " (reg 74(1)(b))")
        warnings.extend(assumed)
        total += amount
        lines.append(Line(f"non_dependant_{i + 1}", f"{label}: deduction, {why}", -amount, "week", cite(table)))
    return total, lines, warnings
