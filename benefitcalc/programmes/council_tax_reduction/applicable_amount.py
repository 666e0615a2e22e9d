"""The applicable amount of a means-tested scheme: personal allowance, child amounts, family premium
and premiums from the scheme's own tables (SI 2012/2885 Sch 2 and Sch 6 pattern; WSI 2013/3029 Sch 7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.loader import Param
from benefitcalc.programmes.council_tax_reduction.validation import Scheme
from benefitcalc.programmes.resources import CARER_BENEFITS, Resources
from benefitcalc.scenario import Adult, Scenario

# Born before this day: reached State Pension age (66) before 1 April 2021 (SI 2012/2885 Sch 2 para 1).
PENSION_AGE_2021_BIRTH_CUTOFF = date(1955, 4, 1)
PA = "applicable_amount.personal_allowance."
PREMIUM = "applicable_amount.premiums."


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _born_before(adult: Adult, cutoff: date, day: date) -> bool:
    """Whether the adult was certainly born before ``cutoff`` (latest birth date possible for the age)."""
    return _years_before(day, adult.age) < cutoff


def pension_age_allowance(scenario: Scenario, scheme: Scheme, day: date) -> tuple[Param, str]:
    """The personal allowance for the household's cohort (reached pension age before or from 1 April 2021)."""
    return _pension_age_allowance(scenario, scheme, day)


def _pension_age_allowance(scenario: Scenario, scheme: Scheme, day: date) -> tuple[Param, str]:
    if scenario.is_couple:
        before = any(_born_before(a, PENSION_AGE_2021_BIRTH_CUTOFF, day) for a in scenario.adults)
    else:
        before = all(_born_before(a, PENSION_AGE_2021_BIRTH_CUTOFF, day) for a in scenario.adults)
    kind = "couple" if scenario.is_couple else "single"
    param = scheme.cite(f"{PA}{kind}_{'before' if before else 'from'}_april_2021")
    label = (
        f"Personal allowance ({kind}, {'reached' if before else 'reaching'} pension age "
        f"{'before' if before else 'on or after'} 1 April 2021)"
    )
    return param, label


def _working_age_allowance(scenario: Scenario, scheme: Scheme, resources: Resources) -> tuple[Param, str]:
    # The UC LCW/LCWRA row (Scotland Sch 1 para 1, inserted by SSI 2022/161) needs an award of UC.
    on_uc = resources.on_universal_credit
    main_phase = any(
        a.new_style_esa in ("wrag", "support") or (on_uc and a.universal_credit_health != "none")
        for a in scenario.adults
    )
    if scenario.is_couple:
        return scheme.cite(f"{PA}couple"), "Personal allowance (couple)"
    if scenario.children:
        return scheme.cite(f"{PA}lone_parent"), "Personal allowance (lone parent)"
    if scenario.adults[0].age >= 25 or main_phase:
        label = "Personal allowance (single, 25 or over, or main-phase ESA / UC LCW or LCWRA)"
        return scheme.cite(f"{PA}single_25_or_over"), label
    return scheme.cite(f"{PA}single_under_25"), "Personal allowance (single, under 25)"


def _premium(scheme: Scheme, key: str, name: str, label: str) -> Line:
    param = scheme.cite(PREMIUM + key)
    return Line(name, label, param.value, "week", (param,))


def _premiums(scenario: Scenario, scheme: Scheme, resources: Resources) -> list[Line]:
    lines: list[Line] = []
    couple = scenario.is_couple
    if any(a.receives_disability_benefit for a in scenario.adults):
        key = "disability_couple" if couple else "disability_single"
        lines.append(_premium(scheme, key, "disability_premium", "Disability premium (PIP, ADP, DLA or AA in payment)"))
    if any(a.receives_highest_care_or_enhanced_daily_living for a in scenario.adults):
        key = "enhanced_disability_couple" if couple else "enhanced_disability_single"
        label = "Enhanced disability premium (enhanced daily living or DLA highest care)"
        lines.append(_premium(scheme, key, "enhanced_disability_premium", label))
    for i, child in enumerate(scenario.children):
        if child.disability == "none":
            continue
        label = f"Disabled child premium, child {i + 1}"
        lines.append(_premium(scheme, "disabled_child", f"disabled_child_premium_{i + 1}", label))
        if child.disability == "higher":
            label = f"Enhanced disability premium, child {i + 1}"
            lines.append(_premium(scheme, "enhanced_disability_child", f"enhanced_disability_child_{i + 1}", label))
    for programme, name, weekly in resources.benefits:
        if programme in CARER_BENEFITS and weekly > 0:
            lines.append(_premium(scheme, "carer", f"carer_premium_{name}", f"Carer premium ({name})"))
    return lines


def applicable_amount(
    scenario: Scenario, scheme: Scheme, day: date, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Personal allowance, child amounts and premiums from the scheme's own tables."""
    lines: list[Line] = []
    warnings: list[Warning] = []
    if scheme.design.applies_to == "pension_age":
        param, label = _pension_age_allowance(scenario, scheme, day)
    else:
        param, label = _working_age_allowance(scenario, scheme, resources)
    total = param.value
    lines.append(Line("personal_allowance", label, param.value, "week", (param,)))
    if scenario.children:
        child = scheme.cite("applicable_amount.child")
        amount = child.value * len(scenario.children)
        total += amount
        label = f"Child amounts: {len(scenario.children)} x £{child.value}"
        lines.append(Line("child_amounts", label, amount, "week", (child,)))
        family = scheme.cite("applicable_amount.family_premium")
        if family.value is not None:
            total += family.value
            lines.append(Line("family_premium", "Family premium", family.value, "week", (family,)))
    for line in _premiums(scenario, scheme, resources):
        total += line.amount
        lines.append(line)
    # The severe disability premium's qualifying benefits are AA, DLA middle or highest care or
    # PIP / ADP daily living; the warning is given on any rate of DLA care, as it always has been.
    if any(a.receives_care_or_daily_living for a in scenario.adults):
        warnings.append(
            Warning(
                "ctr_severe_disability_premium",
                "The severe disability premium is not modelled: someone who gets AA, DLA middle/highest "
                "care or PIP/ADP daily living and has no non-dependant or carer may be due more council tax "
                "reduction.",
            )
        )
    if any(a.new_style_esa in ("wrag", "support") for a in scenario.adults):
        warnings.append(
            Warning(
                "ctr_esa_component",
                "The ESA work-related activity or support component in the council tax reduction applicable "
                "amount is not modelled.",
            )
        )
    lines.append(Line("applicable_amount", "Applicable amount", total, "week"))
    return total, lines, warnings
