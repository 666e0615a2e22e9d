"""Universal Credit and self-employment: the minimum income floor (regs 62-64) in an assessment period.

A claimant in gainful self-employment (reg 64) who would otherwise be subject to all work-related
requirements (reg 62(1)(b): not LCW or LCWRA, not a carer, not the responsible carer of a child under
3) and is past the start-up period (reg 63) is treated as earning at least their individual threshold:
the expected hours (reg 88) at the minimum wage for their age, x 52 / 12 (reg 90(2)(b)), less a notional
deduction for income tax and NI (reg 62(4)). A member of a couple is lifted only as far as the couple
threshold (reg 62(3)): the sum of both partners' thresholds (reg 90(3)(a)), each net.

The engine works one assessment period standing for every month (identical months): the tax and NI
paid to HMRC on the year's profit are taken as paid evenly, a twelfth a month (reg 57(2) step 3 counts
what is paid in the period), so no month makes a loss that a later month uses, and no month's earnings
jump above the nil-UC point. The loss and surplus rules that act across months (regs 57A and 54A) are in
:mod:`.sequence` as pure functions for a sequence of assessment periods.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal, Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.loader import Param
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, pence, positive, weekly_to_monthly
from benefitcalc.programmes.income_tax import IncomeTaxRules, apply_scale
from benefitcalc.programmes.self_employment import Class4Rules, class_4
from benefitcalc.programmes.tax_free_childcare import MinimumWageRules, minimum_wage_for
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult, Scenario, SelfEmployment, add_months

WorkGroup = Literal["none", "interview", "preparation", "all"]


class MinimumIncomeFloorRules(Struct, frozen=True):
    """What the minimum income floor reads: expected hours (reg 88), the thresholds' hours (reg 90),
    the ages of the youngest child that set the work-related group (regs 91, 91A), the start-up period
    (reg 63), the minimum wage by age and the tax and Class 4 NI for the notional deduction (reg 62(4))."""

    expected_hours: Typed[Decimal]
    expected_hours_responsible_carer: Typed[Decimal]
    reduced_requirements_hours: Typed[Decimal]
    reduced_hours_child_age_limit: Typed[Decimal]
    all_requirements_child_age: Typed[Decimal]
    start_up_period_months: Typed[int]
    start_up_period_interval_years: Typed[Decimal]
    surplus_earnings_relevant_threshold: Typed[Decimal]
    minimum_wage: MinimumWageRules
    income_tax: IncomeTaxRules
    class_4: Class4Rules
    minimum_care_hours: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        se = r.group("dwp.universal_credit.self_employment")
        c4 = r.group("hmrc.national_insurance.class_4")
        return cls(
            expected_hours=rv.amount(se, "expected_hours", unit="hour", period="week"),
            expected_hours_responsible_carer=rv.amount(
                se, "expected_hours_responsible_carer", unit="hour", period="week"
            ),
            reduced_requirements_hours=rv.amount(
                se, "individual_threshold_hours_reduced_requirements", unit="hour", period="week"
            ),
            reduced_hours_child_age_limit=rv.amount(se, "reduced_hours_child_age_limit", unit="year", period="none"),
            all_requirements_child_age=rv.amount(se, "all_requirements_child_age", unit="year", period="none"),
            start_up_period_months=rv.count(se, "start_up_period_months"),
            start_up_period_interval_years=rv.amount(se, "start_up_period_interval_years", unit="year", period="none"),
            surplus_earnings_relevant_threshold=rv.amount(se, "surplus_earnings_relevant_threshold", period="month"),
            minimum_wage=MinimumWageRules.from_params(r),
            income_tax=IncomeTaxRules.from_params(r),
            class_4=Class4Rules(
                rv.amount(c4, "lower_profits_limit", period="year"),
                rv.amount(c4, "upper_profits_limit", period="year"),
                rv.rate(c4, "main_percentage"),
                rv.rate(c4, "additional_percentage"),
            ),
            minimum_care_hours=rv.amount(r, "dwp.carers_allowance.minimum_care_hours", unit="hour", period="week"),
        )


# --- who the floor applies to ----------------------------------------------------------------------


def is_responsible_carer(adult: Adult, scenario: Scenario) -> bool:
    """The responsible carer of the children (reg 4(6)): as the scenario says; otherwise a single
    adult with children is, and in a couple nobody is unless named."""
    if not scenario.children:
        return False
    if adult.responsible_carer is not None:
        return adult.responsible_carer
    return not scenario.is_couple


def work_group(adult: Adult, scenario: Scenario, rules: MinimumIncomeFloorRules, day: date) -> tuple[WorkGroup, str]:
    """The work-related group the adult would be in apart from reg 62 and the earnings thresholds
    (reg 90): the Welfare Reform Act 2012 ss.19-22, and why."""
    if adult.universal_credit_health == "lcwra":
        return "none", "has limited capability for work and work-related activity (Act s.19(2)(a))"
    carer = adult.carer is not None and adult.carer.hours_per_week >= rules.minimum_care_hours.value
    if carer:
        return "none", "has regular and substantial caring responsibilities (Act s.19(2)(b); reg 30)"
    if is_responsible_carer(adult, scenario):
        youngest = min(child.age_on(day) for child in scenario.children)
        if youngest < 1:
            return "none", f"is the responsible carer of a child aged {youngest} (Act s.19(2)(c))"
        if youngest < 2:
            return "interview", f"is the responsible carer of a child aged {youngest} (reg 91: work-focused interview)"
        if youngest < rules.all_requirements_child_age.value:
            return "preparation", f"is the responsible carer of a child aged {youngest} (reg 91A: work preparation)"
    if adult.universal_credit_health == "lcw":
        return "preparation", "has limited capability for work (Act s.21(1)(a))"
    return "all", "subject to all work-related requirements (Act s.22)"


def expected_hours(
    adult: Adult, scenario: Scenario, rules: MinimumIncomeFloorRules, day: date
) -> tuple[Decimal, str, tuple[Param, ...]]:
    """Reg 88: the hours agreed with the work coach where given; otherwise 35, or for the responsible
    carer of a child under 13 the hours compatible with school hours (reg 88(2)(a))."""
    if adult.expected_hours_per_week is not None:
        return adult.expected_hours_per_week, "as agreed with the work coach (reg 88)", ()
    limit = rules.reduced_hours_child_age_limit
    if is_responsible_carer(adult, scenario) and any(c.age_on(day) < limit.value for c in scenario.children):
        hours = min(rules.expected_hours_responsible_carer.value, rules.expected_hours.value)
        why = f"responsible carer of a child under {limit.value}: hours compatible with school hours (reg 88(2)(a))"
        return hours, why, cite(rules.expected_hours_responsible_carer, limit)
    return rules.expected_hours.value, "the full expected hours (reg 88(1))", cite(rules.expected_hours)


class StartUp(Struct, frozen=True):
    """The start-up period (reg 63): whether the day falls in it, and when it ends where known."""

    applies: bool
    ends: date | None
    why: str


def start_up_period(business: SelfEmployment, rules: MinimumIncomeFloorRules, day: date) -> StartUp:
    """Reg 63: 12 months from the start of the business (the model's stand-in for the assessment period
    in which DWP decides the claimant is in gainful self-employment), unless a start-up period began in
    the 5 years before; ``start_up_period`` true or false in the scenario is DWP's decision."""
    months = rules.start_up_period_months.value
    ends = add_months(business.started, months) if business.started is not None else None
    if business.start_up_period is not None:
        said = "in" if business.start_up_period else "not in"
        return StartUp(business.start_up_period, ends if business.start_up_period else None, f"{said} (as given)")
    assert business.started is not None
    previous = business.previous_start_up_period
    years = int(rules.start_up_period_interval_years.value)
    if previous is not None and add_months(previous, 12 * years) > business.started:
        why = f"none: a start-up period began on {previous.isoformat()}, within {years} years (reg 63(2))"
        return StartUp(False, None, why)
    assert ends is not None
    if day < ends:
        return StartUp(True, ends, f"{months} months from {business.started.isoformat()} to {ends.isoformat()}")
    return StartUp(False, ends, f"ended on {ends.isoformat()}")


class Threshold(Struct, frozen=True):
    """An individual threshold (reg 90(2)) a month, gross and net of the notional deduction (reg 62(4))."""

    hours: Decimal
    wage: Typed[Decimal]
    gross: Decimal
    deduction: Decimal
    net: Decimal
    why: str
    params: tuple[Param, ...]


def notional_deduction(gross_monthly: Decimal, rules: MinimumIncomeFloorRules, nation: str) -> Decimal:
    """Reg 62(4)(b): income tax and Class 4 NI on the threshold as a year's profit, a month: the
    amount the Secretary of State considers appropriate, read as the tax and NI a trader with that
    steady profit would pay (the personal allowance, the nation's bands, Class 4)."""
    it = rules.income_tax
    annual = gross_monthly * MONTHS_IN_YEAR
    tax = apply_scale(it.rates_for(nation).value, positive(annual - it.personal_allowance.value))
    ni, _ = class_4(annual, rules.class_4)
    return pence((tax + ni) / MONTHS_IN_YEAR)


def individual_threshold(adult: Adult, scenario: Scenario, rules: MinimumIncomeFloorRules, day: date) -> Threshold:
    """Reg 90(2): expected hours (all requirements) or 16 hours (interview or preparation only) at the
    minimum wage for the adult's age, x 52 / 12; nil for a claimant with no work-related requirements
    (a reading: reg 90(2) sets no threshold for that group). Net of the notional deduction (reg 62(4))."""
    group, why = work_group(adult, scenario, rules, day)
    wage = minimum_wage_for(adult, rules.minimum_wage)
    if group == "none":
        return Threshold(ZERO, wage, ZERO, ZERO, ZERO, why, ())
    if group == "all":
        hours, hours_why, params = expected_hours(adult, scenario, rules, day)
    else:
        hours, hours_why = rules.reduced_requirements_hours.value, "reg 90(2)(a)"
        params = cite(rules.reduced_requirements_hours)
    gross = pence(weekly_to_monthly(hours * wage.value))
    deduction = notional_deduction(gross, rules, scenario.nation)
    income_tax = rules.income_tax
    params = (
        *params,
        *cite(
            wage, income_tax.personal_allowance, income_tax.rates_for(scenario.nation), rules.class_4.main_percentage
        ),
    )
    return Threshold(hours, wage, gross, deduction, gross - deduction, f"{why}; {hours} hours, {hours_why}", params)


class FloorStatus(Struct, frozen=True):
    """Whether the minimum income floor applies to an adult in this assessment period, and why not."""

    applies: bool
    why: str
    start_up: StartUp | None


def floor_status(adult: Adult, scenario: Scenario, rules: MinimumIncomeFloorRules, day: date) -> FloorStatus:
    """Reg 62(1): gainful self-employment (reg 64), past any start-up period (reg 63), and subject to
    all work-related requirements apart from reg 62 and reg 90."""
    business = adult.self_employment
    if business is None:
        return FloorStatus(False, "not self-employed", None)
    if not business.gainfully_self_employed:
        return FloorStatus(False, "not in gainful self-employment (reg 64)", None)
    start = start_up_period(business, rules, day)
    if start.applies:
        return FloorStatus(False, f"in the start-up period (reg 63): {start.why}", start)
    group, why = work_group(adult, scenario, rules, day)
    if group != "all":
        return FloorStatus(False, f"{why}, so not subject to all work-related requirements (reg 62(1)(b))", start)
    return FloorStatus(True, f"in gainful self-employment, past any start-up period ({start.why})", start)
