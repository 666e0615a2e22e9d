"""Help passported from Universal Credit: free school meals, Healthy Start, NHS charges (England).

Each is reported as entitled or not, with the reason, and an estimated cash value from rules/
(marked as an estimate; counted in disposable income only when the scenario asks with
``include_passport_values: true``). School years are approximated from children's ages.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.loader import ParameterNode
from benefitcalc.periods import ZERO, convert
from benefitcalc.scenario import Scenario


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
    scenario: Scenario, p: ParameterNode, day: date, uc: ProgrammeResult, scp: ProgrammeResult | None
) -> ProgrammeResult | None:
    fsm = p.dwp.passports.free_school_meals
    routes = [_fsm_route(scenario.nation, c.age_on(day)) for c in scenario.children]
    tested = routes.count("means_tested")
    if not tested:
        return None
    earned = uc.fact("earned_income", ZERO)
    assert isinstance(earned, Decimal)
    limit = getattr(fsm, scenario.nation).uc_assessment_period_limit
    value_each = fsm.value_per_meal_estimate.value * fsm.meals_per_year_estimate.value
    params = (limit, fsm.value_per_meal_estimate, fsm.meals_per_year_estimate)
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
            f"{tested} child(ren) of an age where free school meals are means-tested: {'entitled' if entitled else 'not entitled'} ({why})",
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
                f"Free school meals for {tested} child(ren) are lost here ({why}); estimated value £{value_each * tested:,.2f} a year.",
            )
        )
    if limit.value is None and scenario.nation == "england":
        warnings.append(
            Warning(
                "free_school_meals_2026_assumed",
                "England: the £7,400 earnings limit is treated as removed from September 2026, as announced; the legal instrument has not been checked.",
            )
        )
    facts = (("entitled", entitled), ("children", tested), ("value_if_entitled", value_each * tested))
    return ProgrammeResult("free_school_meals", annual, "year", tuple(lines), tuple(warnings), facts)


def healthy_start(scenario: Scenario, p: ParameterNode, day: date, uc: ProgrammeResult) -> ProgrammeResult | None:
    if scenario.nation == "scotland":
        return None  # Scotland has Best Start Foods instead: not modelled
    hs = p.dwp.passports.healthy_start
    ages = [c.age_on(day) for c in scenario.children]
    babies = sum(1 for a in ages if a < 1)
    toddlers = sum(1 for a in ages if 1 <= a < 4)
    if not babies and not toddlers:
        return None
    weekly = hs.weekly_value_child_under_1.value * babies + hs.weekly_value_standard.value * toddlers
    earned = uc.fact("earned_income", ZERO)
    assert isinstance(earned, Decimal)
    limit = hs.uc_monthly_earnings_limit
    entitled = uc.amount > 0 and earned <= limit.value
    why = (
        "no Universal Credit"
        if uc.amount <= 0
        else f"UC take-home pay £{earned:,.2f} a month {'within' if entitled else 'over'} £{limit.value}"
    )
    amount = weekly if entitled else ZERO
    line = Line(
        "healthy_start",
        f"Healthy Start for {babies + toddlers} child(ren) under 4: {'entitled' if entitled else 'not entitled'} ({why})",
        amount,
        "week",
        (hs.weekly_value_child_under_1, hs.weekly_value_standard, limit),
    )
    warnings = (
        ()
        if entitled or uc.amount <= 0
        else (Warning("healthy_start_lost", f"Healthy Start (£{weekly} a week) is lost here ({why})."),)
    )
    return ProgrammeResult(
        "healthy_start", amount, "week", (line,), warnings, (("entitled", entitled), ("value_if_entitled", weekly))
    )


def nhs_charges(scenario: Scenario, p: ParameterNode, uc: ProgrammeResult) -> ProgrammeResult | None:
    """England only: prescriptions are free for everyone in Wales and Scotland."""
    if scenario.nation != "england":
        return None
    nhs = p.dwp.passports.nhs_low_income
    earned = uc.fact("earned_income", ZERO)
    assert isinstance(earned, Decimal)
    higher = bool(scenario.children) or any(a.universal_credit_health != "none" for a in scenario.adults)
    limit = nhs.uc_earnings_limit_with_child_or_lcw if higher else nhs.uc_earnings_limit_basic
    entitled = uc.amount > 0 and earned <= limit.value
    items = scenario.prescription_items_per_month
    value = convert(nhs.prescription_charge_per_item_estimate.value * items, "month", "year")
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
        (limit, nhs.prescription_charge_per_item_estimate),
    )
    warnings = (
        ()
        if entitled or uc.amount <= 0
        else (
            Warning(
                "nhs_charges_lost",
                f"Free NHS prescriptions and dental treatment through UC are lost here ({why}); the NHS Low Income Scheme (form HC1) may still help.",
            ),
        )
    )
    return ProgrammeResult(
        "nhs_charges", amount, "year", (line,), warnings, (("entitled", entitled), ("value_if_entitled", value))
    )
