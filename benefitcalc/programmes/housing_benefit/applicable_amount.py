"""Housing Benefit: the applicable amount for working age (reg 22, Sch 3)."""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import ZERO
from benefitcalc.programmes.housing_benefit.rules import HousingBenefitRules
from benefitcalc.programmes.resources import CARER_BENEFITS, Resources
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Scenario


def _premiums(scenario: Scenario, hb: HousingBenefitRules, resources: Resources, lines: list[Line]) -> Decimal:
    """Sch 3 Part 3: the disability, enhanced disability, disabled child and carer premiums."""
    prem = hb.premiums
    couple = scenario.is_couple
    total = ZERO
    if any(a.receives_disability_benefit for a in scenario.adults):
        param = prem["disability_couple"] if couple else prem["disability_single"]
        total += param.value
        lines.append(Line("disability_premium", "Disability premium (Sch 3 Part 3)", param.value, "week", cite(param)))
    if any(a.receives_highest_care_or_enhanced_daily_living for a in scenario.adults):
        param = prem["enhanced_disability_couple"] if couple else prem["enhanced_disability_single"]
        total += param.value
        lines.append(
            Line(
                "enhanced_disability_premium",
                "Enhanced disability premium (Sch 3 Part 3)",
                param.value,
                "week",
                cite(param),
            )
        )
    disabled_child, enhanced_child = prem["disabled_child"], prem["enhanced_disability_child"]
    for i, child in enumerate(scenario.children):
        if child.disability == "none":
            continue
        total += disabled_child.value
        lines.append(
            Line(
                f"disabled_child_premium_{i + 1}",
                f"Disabled child premium, child {i + 1} (Sch 3 Part 3)",
                disabled_child.value,
                "week",
                cite(disabled_child),
            )
        )
        if child.disability == "higher":
            total += enhanced_child.value
            lines.append(
                Line(
                    f"enhanced_disability_child_{i + 1}",
                    f"Enhanced disability premium, child {i + 1} (Sch 3 Part 3)",
                    enhanced_child.value,
                    "week",
                    cite(enhanced_child),
                )
            )
    carer = prem["carer"]
    for programme, name, weekly in resources.benefits:
        if programme in CARER_BENEFITS and weekly > 0:
            total += carer.value
            lines.append(
                Line(
                    f"carer_premium_{name}",
                    f"Carer premium ({name}) (Sch 3 Part 3)",
                    carer.value,
                    "week",
                    cite(carer),
                )
            )
    return total


def applicable_amount(
    scenario: Scenario, hb: HousingBenefitRules, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Reg 22 and Sch 3: personal allowance, child allowances and premiums (working age)."""
    pa = hb.personal_allowance
    lines: list[Line] = []
    warnings: list[Warning] = []
    main_phase = any(a.new_style_esa in ("wrag", "support") for a in scenario.adults)
    if scenario.is_couple:
        param, label = pa["couple"], "couple"
    elif scenario.children:
        param, label = pa["lone_parent"], "lone parent"
    elif scenario.adults[0].age >= 25 or main_phase:
        param, label = pa["single_25_or_over"], "single, 25 or over or main-phase ESA"
    else:
        param, label = pa["single_under_25"], "single, under 25"
    total = param.value
    lines.append(
        Line("personal_allowance", f"Personal allowance ({label}) (Sch 3 Part 1)", param.value, "week", cite(param))
    )
    if scenario.children:
        child = hb.child_allowance
        amount = child.value * len(scenario.children)
        total += amount
        lines.append(
            Line(
                "child_allowances",
                f"Child allowances: {len(scenario.children)} x £{child.value} (Sch 3 Part 1)",
                amount,
                "week",
                cite(child),
            )
        )
        if len(scenario.children) > 2:
            warnings.append(
                Warning(
                    "hb_two_child_limit",
                    "The Housing Benefit two-child limit on child allowances (Sch 3 Part 1) is not modelled: every "
                    "child is counted.",
                )
            )
    total += _premiums(scenario, hb, resources, lines)
    if any(a.receives_care_or_daily_living for a in scenario.adults):
        warnings.append(
            Warning("hb_severe_disability_premium", "The Housing Benefit severe disability premium is not modelled.")
        )
    lines.append(Line("applicable_amount", "Applicable amount (reg 22)", total, "week"))
    return total, lines, warnings
