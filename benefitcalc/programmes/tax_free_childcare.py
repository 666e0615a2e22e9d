"""Tax-Free Childcare (Childcare Payments Act 2014; Childcare Payments (Eligibility) Regulations 2015).

HMRC adds 25% to what a parent pays into a childcare account (s.1(4)), so it pays 20% of the
childcare bought, up to a yearly maximum per qualifying child. Each parent (and partner) must
expect to earn at least 16 hours a week at the minimum wage for their age over the next 3 months
(reg 9), neither may expect adjusted net income over £100,000 (reg 15), and nobody in the
household may be claiming Universal Credit (s.11). The work condition has an exception for a
partner who gets Carer's Allowance, contribution-based (New Style) ESA or National Insurance
credits for limited capability for work while the other partner works.

Childcare is given for the household, not per child; the top-up is worked on the whole bill with
the sum of the qualifying children's maxima as the limit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, PersonEarnings, PersonTax, ProgrammeResult, Warning
from benefitcalc.loader import Param, ParameterNode
from benefitcalc.periods import ZERO, convert, pence
from benefitcalc.scenario import Adult, Scenario

PROGRAMME = "tax_free_childcare"


def minimum_wage_for(adult: Adult, p: ParameterNode) -> Param:
    """The hourly minimum wage for the adult's age (NMW Regs 2015 regs 4 and 4A); apprentices are not modelled."""
    nmw = p.dbt.national_minimum_wage
    if adult.age >= nmw.national_living_wage_age.value:
        return nmw.national_living_wage
    if adult.age >= 18:
        return nmw.rate_18_to_20
    return nmw.rate_under_18


def _partner_exception(adult: Adult, p: ParameterNode) -> str | None:
    """Why a partner who is not in qualifying paid work is treated as meeting the work condition, if so."""
    if (
        adult.carer is not None
        and adult.carer.claims_carers_allowance
        and adult.carer.hours_per_week >= p.dwp.carers_allowance.minimum_care_hours.value
    ):
        return "gets Carer's Allowance (or Carer Support Payment)"
    if adult.new_style_esa != "none":
        return "gets contribution-based (New Style) ESA"
    if adult.universal_credit_health != "none":
        return "has limited capability for work (National Insurance credits)"
    return None


def calculate(
    scenario: Scenario,
    p: ParameterNode,
    day: date,
    earnings: tuple[PersonEarnings, ...],
    taxes: tuple[PersonTax, ...],
    universal_credit: ProgrammeResult | None,
    childcare_costs: Decimal,
) -> ProgrammeResult | None:
    """The yearly top-up for the household's childcare, or ``None`` when there is no childcare to pay for.

    ``childcare_costs`` is what the point pays for childcare, a month (the engine counts the
    scenario's childcare only at points with work).

    The result's ``facts``: ``eligible`` (paid here), ``value_if_eligible`` (a year, ignoring only
    the Universal Credit condition: what choosing Tax-Free Childcare instead of UC would bring) and
    ``blocked_by_universal_credit``.
    """
    if childcare_costs <= 0 or not scenario.children:
        return None
    tfc = p.hmrc.tax_free_childcare
    lines: list[Line] = []
    reasons: list[str] = []

    # Qualifying children and the yearly maximum (Act s.14, Eligibility Regs reg 5; Act s.19(4))
    standard = disabled = 0
    for child in scenario.children:
        age = child.age_on(day)
        if child.disability != "none" and age < tfc.disabled_child_age_limit.value:
            disabled += 1
        elif age < tfc.child_age_limit.value:
            standard += 1
    cap_params = (
        tfc.child_age_limit,
        tfc.disabled_child_age_limit,
        tfc.maximum_top_up.standard_child,
        tfc.maximum_top_up.disabled_child,
    )
    maximum = tfc.maximum_top_up.standard_child.value * standard + tfc.maximum_top_up.disabled_child.value * disabled
    if not standard and not disabled:
        reasons.append(
            f"no child under {tfc.child_age_limit.value} (under {tfc.disabled_child_age_limit.value} if disabled)"
        )
    lines.append(
        Line(
            "qualifying_children",
            f"{standard} child(ren) under {tfc.child_age_limit.value} and {disabled} disabled child(ren) under {tfc.disabled_child_age_limit.value}: "
            f"up to £{tfc.maximum_top_up.standard_child.value:,} a year each (£{tfc.maximum_top_up.disabled_child.value:,} if disabled) (Act s.14, s.19(4); Eligibility Regs reg 5)",
            maximum,
            "year",
            cap_params,
        )
    )

    # Qualifying paid work: expected income over 3 months of at least 16 hours a week at the
    # minimum wage for the person's age (Eligibility Regs reg 9, "minimum weekly income" reg 2)
    hours, weeks = tfc.minimum_income_hours, tfc.expected_income_weeks
    meets = []
    for adult, e in zip(scenario.adults, earnings):
        wage = minimum_wage_for(adult, p)
        threshold = hours.value * wage.value
        ok = e.weekly_gross >= threshold
        meets.append(ok)
        label = (
            f"{adult.name}: expected pay over 3 months £{pence(e.weekly_gross * weeks.value):,.2f} "
            f"{'is at least' if ok else 'is below'} £{threshold * weeks.value:,.2f} ({hours.value} hours x £{wage.value} x {weeks.value} weeks) (reg 9)"
        )
        lines.append(Line(f"minimum_income_{adult.name}", label, threshold, "week", (hours, weeks, wage)))
    for i, adult in enumerate(scenario.adults):
        if meets[i]:
            continue
        other_works = scenario.is_couple and meets[1 - i]
        why = _partner_exception(adult, p) if other_works else None
        if why:
            lines.append(
                Line(
                    f"work_exception_{adult.name}",
                    f"{adult.name} is treated as meeting the work condition: {why} and the partner works",
                    ZERO,
                    "week",
                )
            )
        else:
            reasons.append(f"{adult.name} does not expect to earn 16 hours a week at the minimum wage for their age")

    # Income limit: adjusted net income not expected to exceed £100,000 (Act s.10; reg 15)
    limit = tfc.adjusted_net_income_limit
    for t in taxes:
        if t.adjusted_net_income > limit.value:
            reasons.append(
                f"{t.name}'s adjusted net income of £{pence(t.adjusted_net_income):,.2f} is over £{limit.value:,}"
            )
    lines.append(
        Line(
            "income_limit",
            f"Each adult's adjusted net income at most £{limit.value:,} a year (Act s.10; reg 15)",
            limit.value,
            "year",
            (limit,),
        )
    )

    # The top-up: 25% of what the parent pays in = 20% of the childcare bought (Act s.1(4))
    rate = tfc.top_up_rate
    costs = convert(childcare_costs, "month", "year")
    share = rate.value / (1 + rate.value)
    value = min(costs * share, maximum)
    lines.append(
        Line(
            "top_up_if_eligible",
            f"Top-up: 25% of what is paid in, i.e. 20% of childcare of £{costs:,.2f} a year, at most £{maximum:,} (Act s.1(4))",
            value,
            "year",
            (rate,),
        )
    )
    on_uc = universal_credit is not None and universal_credit.amount > 0
    eligible = not reasons and not on_uc
    warnings: list[Warning] = []
    if reasons:
        award_label = "No Tax-Free Childcare: " + "; ".join(reasons)
    elif on_uc:
        award_label = "No Tax-Free Childcare while Universal Credit is claimed (Act s.11); UC pays its childcare costs element instead"
    else:
        award_label = "Tax-Free Childcare top-up (paid into the childcare account; the parent pays the other 80%)"
        warnings.append(
            Warning(
                "tax_free_childcare_assumed",
                "Tax-Free Childcare is counted for childcare paid through a childcare account to a registered provider; "
                "the parent must reconfirm eligibility every 3 months.",
            )
        )
    amount = value if eligible else ZERO
    lines.append(Line("award", award_label, amount, "year"))
    facts = (
        ("eligible", eligible),
        ("value_if_eligible", value if not reasons else ZERO),
        ("blocked_by_universal_credit", on_uc and not reasons),
    )
    return ProgrammeResult(PROGRAMME, amount, "year", tuple(lines), tuple(warnings), facts)
