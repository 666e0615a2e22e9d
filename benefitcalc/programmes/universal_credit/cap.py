"""Universal Credit: the benefit cap (regs 78-83), a month."""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, pence, positive, pounds_down
from benefitcalc.programmes.universal_credit.means_test import OtherIncome, earnings_threshold
from benefitcalc.programmes.universal_credit.rules import UniversalCreditRules
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Scenario


def _exemptions(
    scenario: Scenario, earned: Decimal, threshold: Decimal, health: Decimal, carer: Decimal, other: OtherIncome
) -> list[str]:
    """Why the household is exempt from the cap (regs 82, 83), if it is."""
    exempt_reasons = []
    if health > 0 and any(a.universal_credit_health == "lcwra" for a in scenario.adults):
        exempt_reasons.append("LCWRA element (reg 83(1)(a))")
    if carer > 0 or other.carers_allowance:
        exempt_reasons.append("carer element or Carer's Allowance (reg 83(1)(b))")
    if other.esa_support_component:
        exempt_reasons.append("ESA support component (reg 83(1)(h))")
    # reg 83(1)(j)-(m): PIP, ADP, DLA or Attendance Allowance in payment to an adult or a child
    disabled = [a.name for a in scenario.adults if a.receives_disability_benefit]
    if disabled or any(c.disability != "none" for c in scenario.children):
        exempt_reasons.append("PIP, ADP, DLA or Attendance Allowance in the household (reg 83(1)(j)-(m))")
    if earned >= threshold:
        exempt_reasons.append(f"earned income of £{earned:,.2f} is at least £{threshold:,} a month (reg 82(1)(a))")
    return exempt_reasons


def benefit_cap(
    scenario: Scenario,
    uc: UniversalCreditRules,
    earned: Decimal,
    award: Decimal,
    childcare: Decimal,
    health: Decimal,
    carer: Decimal,
    other: OtherIncome,
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Regs 78-83: reduce UC by the excess of welfare benefits over the cap, less childcare (reg 81)."""
    rules = uc.benefit_cap
    hours = rules.earnings_exemption_hours
    # reg 82(1)(a): 16 hours at the national living wage, monthly; fractions of £1 ignored (reg 6(1A))
    threshold = pounds_down(earnings_threshold(uc, hours))
    exempt_reasons = _exemptions(scenario, earned, threshold, health, carer, other)
    cap_param = rules.cap(scenario.in_greater_london, single=not scenario.is_couple and not scenario.children)
    cap = pence(cap_param.value / MONTHS_IN_YEAR)  # reg 80A: the annual amount divided by 12
    params = cite(cap_param, hours, uc.national_living_wage)
    warnings: list[Warning] = []
    if exempt_reasons:
        line = Line(
            "benefit_cap_reduction", "Benefit cap: exempt - " + "; ".join(exempt_reasons), ZERO, "month", params
        )
        if (
            exempt_reasons[-1].startswith("earned income")
            and len(exempt_reasons) == 1
            and award + other.cap_benefits > cap
        ):
            warnings.append(
                Warning(
                    "benefit_cap_earnings_exemption",
                    f"Only earnings of at least £{threshold:,} a month keep this household out of the benefit cap "
                    f"of £{cap:,.2f} a month. If work stops after 12 months of such earnings, a 9-month grace period "
                    "applies (reg 82(2)).",
                )
            )
        return ZERO, [line], warnings
    total = award + other.cap_benefits
    excess = positive(total - cap)
    reduction = min(award, pence(positive(excess - childcare)))  # reg 81; reg 6(1)
    label = f"Benefit cap £{cap:,.2f} a month: UC and other benefits of £{total:,.2f}"
    if reduction > 0:
        label += " exceed it; reduction less any childcare element (reg 81)"
        warnings.append(
            Warning(
                "benefit_cap_applies",
                f"The benefit cap reduces Universal Credit by £{pence(reduction):,.2f} a month. Earned income of "
                f"£{threshold:,} a month or more after tax, NI and pension contributions (16 hours at the national "
                "living wage) lifts the cap (reg 82(1)(a)).",
            )
        )
    else:
        label += " are within it"
    return reduction, [Line("benefit_cap_reduction", label, reduction, "month", params)], warnings
