"""Universal Credit: income from earnings and capital (regs 55, 72), the earnings thresholds set by
hours at the national living wage, and the other benefits UC reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from msgspec import Struct

from benefitcalc.breakdown import Line, PersonEarnings, Warning
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, pence, positive, pounds_down, round_up_to, weekly_to_monthly
from benefitcalc.programmes.universal_credit.elements import is_carer
from benefitcalc.programmes.universal_credit.rules import CapitalRules, UniversalCreditRules
from benefitcalc.ruleview import Typed, cite
from benefitcalc.scenario import Scenario


class OtherIncome(Struct, frozen=True):
    """Income from other programmes that UC reads: monthly amounts, with the line that produced them."""

    unearned: tuple[Line, ...] = ()  # deducted in full (reg 66): ESA, JSA, Carer's Allowance, ...
    cap_benefits: Decimal = ZERO  # other welfare benefits counted in the benefit cap (reg 79(4)), a month
    carers_allowance: bool = False  # CA or Carer Support Payment in payment (exempts from the cap)
    esa_support_component: bool = False


def earnings_threshold(uc: UniversalCreditRules, hours: Typed[Decimal]) -> Decimal:
    """hours x national living wage x 52 / 12 (e.g. reg 41(3), reg 82(1)(a), reg 99(6))."""
    return weekly_to_monthly(hours.value * uc.national_living_wage.value)


def relievable_pension(e: PersonEarnings, uc: UniversalCreditRules) -> Decimal:
    """Reg 55(5)(a): "relievable pension contributions" (FA 2004 s.188) are the gross contribution.
    Under relief at source the member pays it net of basic-rate relief, which the scheme claims as
    part of the member's contribution (FA 2004 s.192), so the amount paid is grossed up. The employee
    contributions follow the job's relief; personal pension payments from self-employment are relief at
    source (reg 57(2) step 4)."""
    se = e.self_employment
    employee = e.pension - (se.personal_pension if se is not None else ZERO)
    if e.pension_relief == "relief_at_source":
        employee = employee / (1 - uc.basic_rate)
    return employee + (se.personal_pension_gross if se is not None else ZERO)


def tariff_income(capital: Decimal, cap: CapitalRules) -> tuple[Decimal | None, list[Line]]:
    """Reg 72: £4.35 a month for each £250, or part of £250, above £6,000; none above £16,000 (reg 18)."""
    if capital > cap.upper_limit.value:
        return None, [
            Line(
                "capital_income",
                f"Capital of £{capital:,.2f} is above £{cap.upper_limit.value:,}: no entitlement (reg 18)",
                ZERO,
                "month",
                cite(cap.upper_limit),
            )
        ]
    excess = positive(capital - cap.lower_limit.value)
    steps = round_up_to(excess, cap.tariff_income_step.value) / cap.tariff_income_step.value
    amount = steps * cap.tariff_income_per_step.value
    label = f"Tariff income on capital of £{capital:,.2f}: {steps} x £{cap.tariff_income_per_step.value} (reg 72)"
    return amount, [
        Line(
            "capital_income",
            label,
            amount,
            "month",
            cite(cap.lower_limit, cap.tariff_income_step, cap.tariff_income_per_step),
        )
    ]


def work_warnings(
    scenario: Scenario, uc: UniversalCreditRules, earnings: Sequence[PersonEarnings], day: date
) -> list[Warning]:
    """The earnings thresholds that decide a work capability assessment (reg 41(3)) and work search (reg 99(6))."""
    out: list[Warning] = []
    threshold = earnings_threshold(uc, uc.wca_earnings_threshold_hours)
    for adult, e in zip(scenario.adults, earnings):
        monthly_gross = e.gross / MONTHS_IN_YEAR
        if (
            adult.universal_credit_health != "none"
            and monthly_gross >= threshold
            and not adult.receives_disability_benefit
        ):
            out.append(
                Warning(
                    "wca_earnings_threshold",
                    f"{adult.name} would earn £{monthly_gross:,.2f} a month, at or above £{pence(threshold):,.2f} "
                    "(16 hours at the national living wage). An existing LCW/LCWRA award carries on, but a new work "
                    "capability assessment would not normally be started for someone earning this much unless they "
                    "get PIP, ADP, DLA or Attendance Allowance (reg 41(3)).",
                )
            )
    # No work search (and so no AET) for a claimant with LCW/LCWRA or caring 35 hours (reg 89(1)(b)),
    # or responsible for a child under 1 (reg 89(1)(c)).
    exempt = any(a.universal_credit_health != "none" or is_carer(a, uc.elements) for a in scenario.adults) or any(
        c.age_on(day) == 0 for c in scenario.children
    )
    if not exempt:
        hours = uc.aet_hours_couple if scenario.is_couple else uc.aet_hours_single
        aet = pounds_down(earnings_threshold(uc, hours))
        gross = sum((e.gross for e in earnings), ZERO) / MONTHS_IN_YEAR
        if 0 < gross < aet:
            out.append(
                Warning(
                    "administrative_earnings_threshold",
                    f"Gross earnings of £{gross:,.2f} a month are below the administrative earnings threshold of "
                    f"about £{aet:,} ({hours.value} hours at the national living wage, reg 99(6)): the work coach "
                    "may ask for more work search.",
                )
            )
    return out
