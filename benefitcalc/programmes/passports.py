"""Help passported from Universal Credit: free school meals, Healthy Start, NHS charges (England).

Each is reported as entitled or not, with the reason, and an estimated cash value from rules/
(marked as an estimate; counted in disposable income only when the scenario asks with
``include_passport_values: true``). School years are approximated from children's ages.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, convert
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Scenario

NATIONS = ("england", "scotland", "wales")


class PassportsRules(Struct, frozen=True):
    """The UC earnings limits of each passported help, and the estimates of its value."""

    # Free school meals: the limit on UC earned income in an assessment period, by nation (``None``
    # where there is no limit), and the estimated value of the meals
    fsm_assessment_period_limit: Mapping[str, Typed[Decimal | None]]
    fsm_value_per_meal: Typed[Decimal]
    fsm_meals_per_year: Typed[int]
    healthy_start_weekly_standard: Typed[Decimal]
    healthy_start_weekly_under_1: Typed[Decimal]
    healthy_start_earnings_limit: Typed[Decimal]
    nhs_earnings_limit_basic: Typed[Decimal]
    nhs_earnings_limit_with_child_or_lcw: Typed[Decimal]
    nhs_prescription_charge: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        fsm = r.group("dwp.passports.free_school_meals")
        hs = r.group("dwp.passports.healthy_start")
        nhs = r.group("dwp.passports.nhs_low_income")
        limits = {n: rv.optional_amount(fsm, f"{n}.uc_assessment_period_limit", period="month") for n in NATIONS}
        return cls(
            fsm_assessment_period_limit=MappingProxyType(limits),
            fsm_value_per_meal=rv.amount(fsm, "value_per_meal_estimate", period="none"),
            fsm_meals_per_year=rv.count(fsm, "meals_per_year_estimate"),
            healthy_start_weekly_standard=rv.amount(hs, "weekly_value_standard", period="week"),
            healthy_start_weekly_under_1=rv.amount(hs, "weekly_value_child_under_1", period="week"),
            healthy_start_earnings_limit=rv.amount(hs, "uc_monthly_earnings_limit", period="month"),
            nhs_earnings_limit_basic=rv.amount(nhs, "uc_earnings_limit_basic", period="month"),
            nhs_earnings_limit_with_child_or_lcw=rv.amount(nhs, "uc_earnings_limit_with_child_or_lcw", period="month"),
            nhs_prescription_charge=rv.amount(nhs, "prescription_charge_per_item_estimate", period="none"),
        )


def _fsm_route(nation: str, age: int) -> str:
    """universal / means_tested / none, from the child's age (approximate school year)."""
    if age < 4 or age > 18:
        return "none"
    if nation == "england":
        return "universal" if age <= 6 else "means_tested"  # infants: reception to year 2 (Education Act 1996 s.512ZA)
    if nation == "wales":
        return (
            "universal" if age <= 10 else "means_tested"
        )  # all primary pupils (Welsh universal primary free school meals)
    return "universal" if age <= 9 else "means_tested"  # Scotland: P1-P5 (Education (Scotland) Act 1980 s.53)


def free_school_meals(
    scenario: Scenario, rules: PassportsRules, day: date, uc: ProgrammeResult, scp: ProgrammeResult | None
) -> ProgrammeResult | None:
    routes = [_fsm_route(scenario.nation, c.age_on(day)) for c in scenario.children]
    tested = routes.count("means_tested")
    if not tested:
        return None
    earned = uc.fact("earned_income", ZERO)
    assert isinstance(earned, Decimal)
    limit = rules.fsm_assessment_period_limit[scenario.nation]
    value_each = rules.fsm_value_per_meal.value * rules.fsm_meals_per_year.value
    params = cite(limit, rules.fsm_value_per_meal, rules.fsm_meals_per_year)
    on_uc = uc.amount > 0
    scp_route = scenario.nation == "scotland" and scp is not None and scp.amount > 0
    if on_uc and (limit.value is None or earned <= limit.value):
        why = (
            "UC with no earnings limit"
            if limit.value is None
            else f"UC earned income £{earned:,.2f} a month is within £{limit.value}"
        )
        entitled = True
    elif scp_route:
        why, entitled = "Scottish Child Payment in payment", True
    else:
        entitled = False
        why = "no Universal Credit" if not on_uc else f"UC earned income £{earned:,.2f} a month is over £{limit.value}"
    annual = value_each * tested if entitled else ZERO
    lines = [
        Line(
            "free_school_meals",
            f"{tested} child(ren) of an age where free school meals are means-tested: "
            f"{'entitled' if entitled else 'not entitled'} ({why})",
            annual,
            "year",
            params,
        )
    ]
    warnings: list[Warning] = []
    if not entitled and on_uc:  # with no UC at all the point says so; the cliff analysis names the loss
        warnings.append(
            Warning(
                "free_school_meals_lost",
                f"Free school meals for {tested} child(ren) stop at this pay ({why}); estimated value "
                f"£{value_each * tested:,.2f} a year.",
            )
        )
    if limit.value is None and scenario.nation == "england":
        warnings.append(
            Warning(
                "free_school_meals_2026_assumed",
                "England: the £7,400 earnings limit is treated as removed from September 2026, as announced; the legal "
                "instrument has not been checked.",
            )
        )
    facts = (("entitled", entitled), ("children", tested), ("value_if_entitled", value_each * tested))
    return ProgrammeResult("free_school_meals", annual, "year", tuple(lines), tuple(warnings), facts)


def healthy_start(scenario: Scenario, rules: PassportsRules, day: date, uc: ProgrammeResult) -> ProgrammeResult | None:
    if scenario.nation == "scotland":
        return None  # Scotland has Best Start Foods instead: not modelled
    ages = [c.age_on(day) for c in scenario.children]
    babies = sum(1 for a in ages if a < 1)
    toddlers = sum(1 for a in ages if 1 <= a < 4)
    if not babies and not toddlers:
        return None
    under_1, standard = rules.healthy_start_weekly_under_1, rules.healthy_start_weekly_standard
    weekly = under_1.value * babies + standard.value * toddlers
    earned = uc.fact("earned_income", ZERO)
    assert isinstance(earned, Decimal)
    limit = rules.healthy_start_earnings_limit
    entitled = uc.amount > 0 and earned <= limit.value
    why = (
        "no Universal Credit"
        if uc.amount <= 0
        else f"UC take-home pay £{earned:,.2f} a month {'within' if entitled else 'over'} £{limit.value}"
    )
    amount = weekly if entitled else ZERO
    line = Line(
        "healthy_start",
        f"Healthy Start for {babies + toddlers} child(ren) under 4: {'entitled' if entitled else 'not entitled'} "
        f"({why})",
        amount,
        "week",
        cite(under_1, standard, limit),
    )
    warnings = (
        ()
        if entitled or uc.amount <= 0
        else (Warning("healthy_start_lost", f"Healthy Start (£{weekly} a week) stops at this pay ({why})."),)
    )
    return ProgrammeResult(
        "healthy_start", amount, "week", (line,), warnings, (("entitled", entitled), ("value_if_entitled", weekly))
    )


def nhs_charges(scenario: Scenario, rules: PassportsRules, uc: ProgrammeResult) -> ProgrammeResult | None:
    """England only: prescriptions are free for everyone in Wales and Scotland."""
    if scenario.nation != "england":
        return None
    earned = uc.fact("earned_income", ZERO)
    assert isinstance(earned, Decimal)
    higher = bool(scenario.children) or any(a.universal_credit_health != "none" for a in scenario.adults)
    limit = rules.nhs_earnings_limit_with_child_or_lcw if higher else rules.nhs_earnings_limit_basic
    entitled = uc.amount > 0 and earned <= limit.value
    items = scenario.prescription_items_per_month
    charge = rules.nhs_prescription_charge
    value = convert(charge.value * items, "month", "year")
    why = (
        "no Universal Credit"
        if uc.amount <= 0
        else f"UC earned income £{earned:,.2f} a month {'within' if entitled else 'over'} £{limit.value}"
    )
    amount = value if entitled else ZERO
    line = Line(
        "nhs_charges",
        f"Free prescriptions, dental treatment and sight tests: {'entitled' if entitled else 'not entitled'} ({why})",
        amount,
        "year",
        cite(limit, charge),
    )
    warnings = (
        ()
        if entitled or uc.amount <= 0
        else (
            Warning(
                "nhs_charges_lost",
                f"Free NHS prescriptions and dental treatment through UC stop at this pay ({why}); the NHS Low Income "
                "Scheme (form HC1) may still help.",
            ),
        )
    )
    return ProgrammeResult(
        "nhs_charges", amount, "year", (line,), warnings, (("entitled", entitled), ("value_if_entitled", value))
    )
