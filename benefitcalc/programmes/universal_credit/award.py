"""Universal Credit: the award for one assessment period, from the maximum amount and the deductions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from msgspec import Struct

from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, pence, positive
from benefitcalc.programmes.universal_credit.cap import benefit_cap
from benefitcalc.programmes.universal_credit.children import child_elements
from benefitcalc.programmes.universal_credit.elements import (
    carer_elements,
    childcare_element,
    health_element,
    standard_allowance,
)
from benefitcalc.programmes.universal_credit.floor import earned_income_with_floor
from benefitcalc.programmes.universal_credit.housing import housing_element
from benefitcalc.programmes.universal_credit.means_test import OtherIncome, tariff_income, work_warnings
from benefitcalc.programmes.universal_credit.rules import UniversalCreditRules
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Scenario

PROGRAMME = "universal_credit"


class _Maximum(Struct, frozen=True):
    """The maximum amount (reg 23) and the elements that later steps read."""

    total: Decimal
    health: Decimal
    carer: Decimal
    childcare: Decimal
    housing: Decimal


def _children(
    scenario: Scenario, uc: UniversalCreditRules, day: date, lines: list[Line]
) -> tuple[Decimal, list[Warning]]:
    rules = uc.children
    child_total, disabled_total, child_lines, warnings = child_elements(scenario, rules, day)
    lines.extend(child_lines)
    lines.append(
        Line(
            "child_element",
            "Child elements (reg 24)",
            child_total,
            "month",
            cite(rules.first_child_higher_rate, rules.child_amount, rules.child_limit),
        )
    )
    lines.append(
        Line(
            "disabled_child_element",
            "Disabled child additions (reg 24(2))",
            disabled_total,
            "month",
            cite(rules.disabled_child_lower_rate, rules.disabled_child_higher_rate),
        )
    )
    return child_total + disabled_total, warnings


def _health_and_carer(
    scenario: Scenario, uc: UniversalCreditRules, lines: list[Line], warnings: list[Warning]
) -> tuple[Decimal, Decimal]:
    health, health_lines, health_warnings = health_element(scenario, uc.elements)
    lines.extend(health_lines)
    if not health_lines:
        lines.append(Line("lcwra_element", "No LCW or LCWRA element", ZERO, "month"))
    elif health_lines[0].key == "lcw_element":
        lines.append(Line("lcwra_element", "No LCWRA element (the LCW element is included instead)", ZERO, "month"))
    warnings.extend(health_warnings)
    carer, carer_lines = carer_elements(scenario, uc.elements)
    lines.extend(carer_lines)
    lines.append(Line("carer_element", "Carer elements (reg 29)", carer, "month", cite(uc.elements.carer_element)))
    if len(carer_lines) == 2:
        # reg 29(2), (3): one carer element only where both care for the same severely disabled person
        warnings.append(
            Warning(
                "carer_element_both",
                "A carer element is included for each joint claimant: that is right only if they care for different "
                "severely disabled people; caring for the same person gives one carer element (reg 29(2), (3)).",
            )
        )
    return health, carer


def _maximum_amount(
    scenario: Scenario,
    uc: UniversalCreditRules,
    day: date,
    lines: list[Line],
    warnings: list[Warning],
    transitional_element: Decimal = ZERO,
) -> _Maximum:
    """Reg 23: the standard allowance and the elements (and any transitional element)."""
    sa = standard_allowance(scenario, uc.standard_allowance)
    lines.append(
        Line(
            "standard_allowance",
            f"Standard allowance ({sa.path.rsplit('.', 1)[1].replace('_', ' ')}) (reg 36)",
            sa.value,
            "month",
            cite(sa),
        )
    )
    children, child_warnings = _children(scenario, uc, day, lines)
    warnings.extend(child_warnings)
    health, carer = _health_and_carer(scenario, uc, lines, warnings)
    childcare, childcare_lines, childcare_warnings = childcare_element(scenario, uc.childcare, uc.elements, day)
    lines.extend(childcare_lines)
    if not childcare_lines:
        lines.append(Line("childcare_element", "No childcare costs element", ZERO, "month"))
    warnings.extend(childcare_warnings)
    housing, housing_lines, housing_warnings = housing_element(scenario, uc.housing, day)
    lines.extend(housing_lines)
    warnings.extend(housing_warnings)
    total = sa.value + children + health + carer + childcare + housing
    if transitional_element > 0:
        # UC (Transitional Provisions) Regs 2014 reg 52: the transitional element is included in the maximum amount
        lines.append(
            Line(
                "transitional_element",
                "Transitional element (UC (Transitional Provisions) Regs 2014 regs 52, 55)",
                transitional_element,
                "month",
            )
        )
        total += transitional_element
    lines.append(
        Line("maximum_amount", "Maximum amount: the sum of the allowance and elements (reg 23)", total, "month")
    )
    return _Maximum(total, health, carer, childcare, housing)


def _work_allowance(scenario: Scenario, uc: UniversalCreditRules, housing: Decimal) -> tuple[Decimal, Line]:
    """Reg 22(1)(b), (2): with a child or LCW/LCWRA; lower if the award has housing costs."""
    has_wa = bool(scenario.children) or any(a.universal_credit_health != "none" for a in scenario.adults)
    # UC (Transitional Provisions) Regs 2014 reg 5A: with HB for temporary accommodation, the lower work allowance
    temporary = scenario.housing.accommodation == "temporary"
    wa_param = uc.work_allowance_lower if housing > 0 or temporary else uc.work_allowance_higher
    work_allowance = wa_param.value if has_wa else ZERO
    why = (
        (
            "lower: the award includes housing costs"
            if housing > 0
            else "lower: Housing Benefit for temporary accommodation (UC (TP) Regs 2014 reg 5A)"
            if temporary
            else "higher: no housing costs"
        )
        if has_wa
        else "none: no child and no LCW/LCWRA"
    )
    line = Line(
        "work_allowance", f"Work allowance ({why}) (reg 22)", work_allowance, "month", cite(wa_param) if has_wa else ()
    )
    return work_allowance, line


def _unearned_income(other: OtherIncome, lines: list[Line]) -> Decimal:
    """Each unearned amount converted to a month (reg 73) is rounded to the penny (reg 6(1)), so the
    award is exactly the maximum amount less the lines shown."""
    unearned_lines = [Line(u.key, u.label, pence(u.amount), u.period, u.params, u.note) for u in other.unearned]
    unearned = sum((line.amount for line in unearned_lines), ZERO)
    lines.extend(unearned_lines)
    lines.append(Line("unearned_income", "Unearned income, deducted in full (reg 66)", unearned, "month"))
    return unearned


def calculate(
    scenario: Scenario,
    uc: UniversalCreditRules,
    day: date,
    earnings: Sequence[PersonEarnings],
    other: OtherIncome,
    transitional_element: Decimal = ZERO,
) -> ProgrammeResult:
    """The award for one assessment period; ``transitional_element`` (a month) for an award that has one."""
    lines: list[Line] = []
    warnings: list[Warning] = []
    maximum = _maximum_amount(scenario, uc, day, lines, warnings, transitional_element)
    work_allowance, wa_line = _work_allowance(scenario, uc, maximum.housing)
    lines.append(wa_line)

    earned, earned_lines, earned_warnings = earned_income_with_floor(scenario, earnings, uc, day)
    lines.extend(earned_lines)
    warnings.extend(earned_warnings)
    taper = uc.taper_rate
    deduction = pence(positive(earned - work_allowance) * taper.value)  # reg 6(1)
    lines.append(
        Line(
            "earnings_deduction",
            f"{taper.value:.0%} of earned income above the work allowance (reg 22(1)(b))",
            deduction,
            "month",
            cite(taper),
        )
    )
    unearned = _unearned_income(other, lines)

    tariff, capital_lines = tariff_income(scenario.capital, uc.capital)
    lines.extend(capital_lines)
    if tariff is None:
        lines.append(Line("benefit_cap_reduction", "Benefit cap: not applied (no entitlement)", ZERO, "month"))
        lines.append(
            Line(
                "award",
                "Universal Credit: none (capital above the upper limit, reg 18)",
                ZERO,
                "month",
                cite(uc.capital.upper_limit),
            )
        )
        return ProgrammeResult(
            PROGRAMME, ZERO, "month", tuple(lines), tuple(warnings), (("excluded_by_capital", True),)
        )

    before_cap = positive(maximum.total - deduction - unearned - tariff)
    cap_reduction, cap_lines, cap_warnings = benefit_cap(
        scenario, uc, earned, before_cap, maximum.childcare, maximum.health, maximum.carer, other
    )
    lines.extend(cap_lines)
    warnings.extend(cap_warnings)
    award = pence(positive(before_cap - cap_reduction))  # reg 6(1): to the nearest penny
    lines.append(
        Line(
            "award", "Universal Credit award for the assessment period (reg 6(1): to the nearest penny)", award, "month"
        )
    )

    warnings.extend(work_warnings(scenario, uc, earnings, day))
    facts = (
        ("has_housing_element", maximum.housing > 0),
        ("maximum_amount", maximum.total),
        ("work_allowance", work_allowance),
        ("earned_income", earned),
    )
    return ProgrammeResult(PROGRAMME, award, "month", tuple(lines), tuple(dict.fromkeys(warnings)), facts)
