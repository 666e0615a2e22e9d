"""Universal Credit: the standard allowance and the elements for health, caring and childcare (regs 27-36)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import ZERO, pence
from benefitcalc.programmes.universal_credit.rules import ChildcareRules, ElementRules, StandardAllowanceRules
from benefitcalc.ruleview import Typed, cite
from benefitcalc.scenario import Adult, Scenario


def standard_allowance(scenario: Scenario, sa: StandardAllowanceRules) -> Typed[Decimal]:
    """Reg 36: joint claimants both under 25, or either 25 or over; a single claimant by age."""
    ages = [adult.age for adult in scenario.adults]
    if scenario.is_couple:
        return sa.joint_both_under_25 if all(a < 25 for a in ages) else sa.joint_25_or_over
    return sa.single_under_25 if ages[0] < 25 else sa.single_25_or_over


def health_element(scenario: Scenario, uc: ElementRules) -> tuple[Decimal, list[Line], list[Warning]]:
    """LCWRA element (reg 27), or the LCW element for a protected claim; one amount per award (reg 27(4))."""
    lcwra = [a for a in scenario.adults if a.universal_credit_health == "lcwra"]
    warnings: list[Warning] = []
    if lcwra:
        protected = [a for a in lcwra if a.health_element_protected]
        unknown = [a for a in lcwra if a.health_element_protected is None]
        param = uc.lcwra_element_protected if protected else uc.lcwra_element_new_claimant
        if uc.lcwra_element_protected.value != uc.lcwra_element_new_claimant.value:
            if unknown and not protected:
                warnings.append(
                    Warning(
                        "health_element_status_assumed",
                        f"{unknown[0].name}: `health_element_protected` not given. From 6 April 2026 the LCWRA "
                        f"element is £{uc.lcwra_element_new_claimant.value} for new claimants and "
                        f"£{uc.lcwra_element_protected.value} for those with LCWRA before then (Universal Credit "
                        "Act 2025); the lower, new-claimant rate is used.",
                    )
                )
            status = "protected rate (LCWRA before 6 April 2026)" if protected else "rate for claims from 6 April 2026"
        else:
            status = "one rate for all claimants"
        return (
            param.value,
            [Line("lcwra_element", f"LCWRA element, {status} (reg 27)", param.value, "month", cite(param))],
            warnings,
        )
    lcw = [a for a in scenario.adults if a.universal_credit_health == "lcw"]
    if lcw and any(a.lcw_element_protected for a in lcw):
        param = uc.lcw_element
        return (
            param.value,
            [
                Line(
                    "lcw_element",
                    "LCW element, kept from a claim before 3 April 2017 (reg 27; SI 2017/204 savings)",
                    param.value,
                    "month",
                    cite(param),
                )
            ],
            warnings,
        )
    return ZERO, [], warnings


def is_carer(adult: Adult, uc: ElementRules) -> bool:
    """Regular and substantial caring responsibilities (reg 30): 35 hours a week, as for Carer's Allowance."""
    return adult.carer is not None and adult.carer.hours_per_week >= uc.minimum_care_hours.value


def carer_elements(scenario: Scenario, uc: ElementRules) -> tuple[Decimal, list[Line]]:
    """Carer element for each claimant who is a carer (reg 29), except one who has LCWRA: for that
    claimant only the LCWRA element is included, unless in a joint claim the LCWRA element is
    included in respect of the other claimant (reg 29(4)). Where both joint claimants have LCWRA,
    the one LCWRA element (reg 27(4)) is taken as the non-carer's, which leaves the carer element
    for the other."""
    param = uc.carer_element
    lcwra = [a for a in scenario.adults if a.universal_credit_health == "lcwra"]
    lcwra_for = next((a for a in lcwra if not is_carer(a, uc)), lcwra[0]) if lcwra else None
    total, lines = ZERO, []
    for adult in scenario.adults:
        if is_carer(adult, uc) and adult is not lcwra_for:
            total += param.value
            lines.append(
                Line(
                    f"carer_element_{adult.name}",
                    f"Carer element for {adult.name} (reg 29)",
                    param.value,
                    "month",
                    cite(param, uc.minimum_care_hours),
                )
            )
    return total, lines


def childcare_element(
    scenario: Scenario, cc: ChildcareRules, uc: ElementRules, day: date
) -> tuple[Decimal, list[Line], list[Warning]]:
    """85% of childcare costs paid, up to the cap (regs 31-36), if the work condition is met (reg 32)."""
    monthly = scenario.childcare_monthly()
    if monthly <= 0 or not scenario.children:
        # no childcare paid at these hours: the job's childcare is paid only while working, care
        # for existing work at every point (docs/scenario.md)
        return ZERO, [], []

    def in_work(adult: Adult) -> bool:
        business = adult.self_employment
        return (
            (adult.job is not None and adult.job.hours > 0)
            or (adult.earnings is not None and adult.earnings.amount > 0)
            or (business is not None and business.hours_per_week > 0)  # paid work includes self-employment
        )

    working = [in_work(a) for a in scenario.adults]
    if scenario.is_couple:
        other_ok = [
            (a.universal_credit_health != "none")
            or (a.carer is not None and a.carer.hours_per_week >= uc.minimum_care_hours.value)
            for a in scenario.adults
        ]
        met = all(working) or (working[0] and other_ok[1]) or (working[1] and other_ok[0])
    else:
        met = working[0]
    if not met:
        return (
            ZERO,
            [
                Line(
                    "childcare_element",
                    "Childcare costs element: none, the work condition is not met (reg 32)",
                    ZERO,
                    "month",
                )
            ],
            [],
        )
    costs = pence(monthly)
    # a child given by date of birth has that age on the day (not 0)
    children_in_care = sum(1 for c in scenario.children if c.age_on(day) < 16)
    if not children_in_care:
        # Childcare costs count only for a child (under 16; reg 33(1)(b)): a qualifying young person has none
        return (
            ZERO,
            [Line("childcare_element", "Childcare costs element: none, no child under 16 (reg 33)", ZERO, "month")],
            [],
        )
    cap = cc.maximum_one_child if children_in_care <= 1 else cc.maximum_two_or_more_children
    share = pence(costs * cc.rate.value)  # reg 6(1)
    amount = min(share, cap.value)
    lines = [
        Line(
            "childcare_element",
            f"Childcare costs element: {cc.rate.value:.0%} of £{costs:,.2f} paid, capped at £{cap.value:,}",
            amount,
            "month",
            cite(cc.rate, cap),
        )
    ]
    warnings = [
        Warning(
            "childcare_reporting",
            "The childcare element is paid only for registered childcare that has been paid and reported to DWP in "
            "time (regs 33-35), usually in arrears.",
        )
    ]
    return amount, lines, warnings
