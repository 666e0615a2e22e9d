"""Housing Benefit where UC cannot meet the rent (Housing Benefit Regulations 2006, SI 2006/213).

A UC claimant can still get Housing Benefit for supported "specified" (exempt) accommodation and
for temporary accommodation arranged by a council (UC (Transitional Provisions) Regulations 2014,
SI 2014/1230, reg 5(2)(a)); UC then has no housing costs element. Working age only.

* While UC is in payment the whole of the claimant's earnings, other income and capital is
  disregarded (HB Regs Sch 4 para 14, Sch 5 para 4, Sch 6 para 5 -- the capital paragraph was read,
  with UC inserted by SI 2013/2070 reg 7(9); the income paragraphs are the same pattern, not re-read),
  so Housing Benefit is the maximum: eligible rent less non-dependant deductions (regs 70, 74), still
  subject to the 50p minimum (reg 75).
* Without UC (for instance when earnings end the UC award) the full means test applies: income
  above the applicable amount (reg 22, Sch 3) reduces the maximum by 65% (reg 71), after the
  earnings disregards of Sch 4; awards under 50p a week are not paid (reg 75).

Amounts are weekly, as the Regulations work (reg 80 converts monthly rent by x 12 / 52).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.loader import Param, ParameterNode
from benefitcalc.periods import ZERO, convert, positive, round_up_to
from benefitcalc.programmes.non_dependants import banded_deduction
from benefitcalc.programmes.resources import Resources, additional_disregard_applies
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings_lines
from benefitcalc.scenario import Scenario

PROGRAMME = "housing_benefit"

LIMITS = (
    "Working age only: Housing Benefit for people over State Pension age (the HB (State Pension Credit) Regulations 2006) is not modelled.",
    (
        "The rent given is taken as the eligible rent: ineligible service charges (meals, support, personal care, fuel) and any "
        "rent restriction (HB Regs regs 12B-13D; for exempt accommodation the 2006 Consequential Provisions Regulations Sch 3 para 4) are not applied."
    ),
    "Family premium (protected claims only), severe disability premium and the ESA components are not in the applicable amount.",
    "Housing Benefit for general needs housing is not modelled: working-age claimants there get UC's housing costs element instead.",
)


def applies(scenario: Scenario) -> bool:
    """Whether Housing Benefit, not UC, meets the rent (supported exempt or temporary accommodation)."""
    housing = scenario.housing
    return housing.accommodation in ("supported_exempt", "temporary") and housing.rent is not None


def calculate(scenario: Scenario, p: ParameterNode, day: date, resources: Resources) -> ProgrammeResult | None:
    if not applies(scenario):
        return None
    hb = p.dwp.housing_benefit
    lines: list[Line] = []
    warnings: list[Warning] = []
    kind = (
        "supported exempt (specified) accommodation"
        if scenario.housing.accommodation == "supported_exempt"
        else "temporary accommodation arranged by a council"
    )
    if all(adult.age >= hb.qualifying_age_for_pension_credit.value for adult in scenario.adults):
        message = "Housing Benefit for people over State Pension age is not modelled: it is NOT included."
        return ProgrammeResult(
            PROGRAMME,
            ZERO,
            "week",
            (Line("not_calculated", "Pension-age Housing Benefit is not modelled", ZERO, "week"),),
            (Warning("hb_pension_age", message),),
        )

    housing = scenario.housing
    assert housing.rent is not None
    rent = convert(housing.rent.amount, housing.rent.period, "week")
    charges = (
        convert(housing.service_charges.amount, housing.service_charges.period, "week")
        if housing.service_charges
        else ZERO
    )
    eligible = rent + charges
    lines.append(
        Line(
            "eligible_rent",
            f"Eligible rent for {kind}: rent and eligible service charges a week (regs 12, 80)",
            eligible,
            "week",
        )
    )

    deductions, nondep_lines, nondep_warnings = non_dependant_deductions(scenario, hb)
    lines.extend(nondep_lines)
    warnings.extend(nondep_warnings)
    maximum = positive(eligible - deductions)
    lines.append(
        Line(
            "maximum_housing_benefit",
            "Maximum Housing Benefit: eligible rent less non-dependant deductions (reg 70)",
            maximum,
            "week",
        )
    )

    uc = resources.universal_credit
    if uc is not None and uc.amount > 0:
        lines.append(
            Line(
                "universal_credit_passport",
                "On Universal Credit: all earnings, other income and capital disregarded (Sch 4 para 14, Sch 5 para 4, Sch 6 para 5), so the maximum is paid",
                ZERO,
                "week",
            )
        )
        award = maximum
        if ZERO < award < hb.minimum_award.value:  # reg 75 applies to every award, passported or not
            lines.append(
                Line(
                    "minimum_award",
                    f"Less than {hb.minimum_award.value * 100:.0f}p a week is not paid (reg 75)",
                    -award,
                    "week",
                    (hb.minimum_award,),
                )
            )
            award = ZERO
        lines.append(Line("award", "Housing Benefit a week", award, "week"))
        return ProgrammeResult(
            PROGRAMME, award, "week", tuple(lines), tuple(dict.fromkeys(warnings)), (("passported", True),)
        )

    # Full means test (no UC in payment)
    capital = hb.capital
    if scenario.capital > capital.upper_limit.value:
        lines.append(
            Line(
                "capital",
                f"Capital of £{scenario.capital:,.2f} is above £{capital.upper_limit.value:,} (reg 43): no Housing Benefit",
                ZERO,
                "week",
                (capital.upper_limit,),
            )
        )
        lines.append(Line("award", "Housing Benefit: none", ZERO, "week"))
        return ProgrammeResult(
            PROGRAMME, ZERO, "week", tuple(lines), tuple(dict.fromkeys(warnings)), (("passported", False),)
        )
    amount, aa_lines, aa_warnings = applicable_amount(scenario, hb, resources)
    lines.extend(aa_lines)
    warnings.extend(aa_warnings)
    income, income_lines, income_warnings = weekly_income(scenario, hb, day, resources)
    lines.extend(income_lines)
    warnings.extend(income_warnings)
    excess = positive(income - amount)
    taper = hb.taper
    cut = excess * taper.value
    lines.append(Line("excess_income", "Income above the applicable amount", excess, "week"))
    lines.append(
        Line("taper", f"{taper.value:.0%} of income above the applicable amount (reg 71)", -cut, "week", (taper,))
    )
    award = positive(maximum - cut)
    minimum = hb.minimum_award
    if ZERO < award < minimum.value:
        lines.append(
            Line(
                "minimum_award",
                f"Less than {minimum.value * 100:.0f}p a week is not paid (reg 75)",
                -award,
                "week",
                (minimum,),
            )
        )
        award = ZERO
    lines.append(Line("award", "Housing Benefit a week", award, "week"))
    return ProgrammeResult(
        PROGRAMME, award, "week", tuple(lines), tuple(dict.fromkeys(warnings)), (("passported", False),)
    )


def non_dependant_deductions(scenario: Scenario, hb: ParameterNode) -> tuple[Decimal, list[Line], list[Warning]]:
    """Reg 74: a deduction for each non-dependant aged 18 or over, by gross income if in remunerative work."""
    table = hb.non_dependant_deductions
    lines: list[Line] = []
    warnings: list[Warning] = []
    if not scenario.housing.non_dependants:
        return ZERO, lines, warnings
    if table.value is None:
        message = (
            "The Housing Benefit non-dependant deductions for this date are not in the rules (see the note on "
            "dwp.housing_benefit.non_dependant_deductions): no deduction has been made, so Housing Benefit may be too high."
        )
        return (
            ZERO,
            [Line("non_dependants", "Non-dependant deductions: rates for this date not held", ZERO, "week", (table,))],
            [Warning("hb_non_dependant_rates_not_held", message)],
        )
    rows = [(Decimal(r["gross_income_from"]), Decimal(r["deduction"])) for r in table.value]
    exempt_by = next((a.name for a in scenario.adults if a.receives_care_or_daily_living), None)
    total = ZERO
    for i, nd in enumerate(scenario.housing.non_dependants):
        label = f"Non-dependant {i + 1}"
        if exempt_by is not None:
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"{label}: no deduction, {exempt_by} gets AA, DLA care or PIP/ADP daily living (reg 74(6)(b))",
                    ZERO,
                    "week",
                    (table,),
                )
            )
            continue
        if nd.age < 18 or nd.exempt_from_deduction:
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"{label}: no deduction (under 18, or exempt under reg 74(7))",
                    ZERO,
                    "week",
                    (table,),
                )
            )
            continue
        amount, why, assumed = banded_deduction(nd, label, rows, " (reg 74(2))", " (reg 74(1)(b))")
        warnings.extend(assumed)
        total += amount
        lines.append(Line(f"non_dependant_{i + 1}", f"{label}: deduction, {why}", -amount, "week", (table,)))
    return total, lines, warnings


def applicable_amount(
    scenario: Scenario, hb: ParameterNode, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Reg 22 and Sch 3: personal allowance, child allowances and premiums (working age)."""
    pa = hb.personal_allowance
    lines: list[Line] = []
    warnings: list[Warning] = []
    main_phase = any(a.new_style_esa in ("wrag", "support") for a in scenario.adults)
    if scenario.is_couple:
        param, label = pa.couple, "couple"
    elif scenario.children:
        param, label = pa.lone_parent, "lone parent"
    elif scenario.adults[0].age >= 25 or main_phase:
        param, label = pa.single_25_or_over, "single, 25 or over or main-phase ESA"
    else:
        param, label = pa.single_under_25, "single, under 25"
    total = param.value
    lines.append(
        Line("personal_allowance", f"Personal allowance ({label}) (Sch 3 Part 1)", param.value, "week", (param,))
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
                (child,),
            )
        )
        if len(scenario.children) > 2:
            warnings.append(
                Warning(
                    "hb_two_child_limit",
                    "The Housing Benefit two-child limit on child allowances (Sch 3 Part 1) is not modelled: every child is counted.",
                )
            )
    prem = hb.premiums
    if any(a.receives_disability_benefit for a in scenario.adults):
        param = prem.disability_couple if scenario.is_couple else prem.disability_single
        total += param.value
        lines.append(Line("disability_premium", "Disability premium (Sch 3 Part 3)", param.value, "week", (param,)))
    if any(a.receives_highest_care_or_enhanced_daily_living for a in scenario.adults):
        param = prem.enhanced_disability_couple if scenario.is_couple else prem.enhanced_disability_single
        total += param.value
        lines.append(
            Line(
                "enhanced_disability_premium",
                "Enhanced disability premium (Sch 3 Part 3)",
                param.value,
                "week",
                (param,),
            )
        )
    for i, child in enumerate(scenario.children):
        if child.disability == "none":
            continue
        total += prem.disabled_child.value
        lines.append(
            Line(
                f"disabled_child_premium_{i + 1}",
                f"Disabled child premium, child {i + 1} (Sch 3 Part 3)",
                prem.disabled_child.value,
                "week",
                (prem.disabled_child,),
            )
        )
        if child.disability == "higher":
            total += prem.enhanced_disability_child.value
            lines.append(
                Line(
                    f"enhanced_disability_child_{i + 1}",
                    f"Enhanced disability premium, child {i + 1} (Sch 3 Part 3)",
                    prem.enhanced_disability_child.value,
                    "week",
                    (prem.enhanced_disability_child,),
                )
            )
    for programme, name, weekly in resources.benefits:
        if programme in ("carers_allowance", "carer_support_payment") and weekly > 0:
            total += prem.carer.value
            lines.append(
                Line(
                    f"carer_premium_{name}",
                    f"Carer premium ({name}) (Sch 3 Part 3)",
                    prem.carer.value,
                    "week",
                    (prem.carer,),
                )
            )
    if any(a.receives_care_or_daily_living for a in scenario.adults):
        warnings.append(
            Warning("hb_severe_disability_premium", "The Housing Benefit severe disability premium is not modelled.")
        )
    lines.append(Line("applicable_amount", "Applicable amount (reg 22)", total, "week"))
    return total, lines, warnings


def _earnings_disregard(
    scenario: Scenario, hb: ParameterNode, day: date, resources: Resources
) -> tuple[Decimal, str, tuple[Param, ...]]:
    d = hb.earnings_disregard
    if scenario.is_couple:
        param, why = d.couple, "couple (Sch 4)"
    elif scenario.children:
        param, why = d.lone_parent, "lone parent (Sch 4)"
    else:
        param, why = d.single, "single person (Sch 4)"
    amount, params = param.value, (param,)
    carer = any(
        programme in ("carers_allowance", "carer_support_payment") and weekly > 0
        for programme, _, weekly in resources.benefits
    )
    if (carer or any(a.receives_disability_benefit for a in scenario.adults)) and d.disability_or_carer.value > amount:
        amount, why, params = d.disability_or_carer.value, "disability or carer (Sch 4)", (d.disability_or_carer,)
    if additional_disregard_applies(scenario, resources):
        amount += d.additional.value
        why += f", plus the additional £{d.additional.value} (Sch 4)"
        params = (*params, d.additional)
    sta = hb.specified_or_temporary_accommodation_earnings_disregard
    ages = [a.age for a in scenario.adults]
    if scenario.is_couple:
        special = sta.couple_one_25_or_over if any(a >= 25 for a in ages) else sta.couple_both_under_25
    else:
        special = sta.single_or_lone_parent_25_or_over if ages[0] >= 25 else sta.single_or_lone_parent_under_25
    if special.value is not None:
        # Sch 4 para 18 (from 5 October 2026) applies alongside paras 3 to 10 and 17: none of them
        # excludes it (PolicyEngine UK's reading of SI 2026/753 as substituted by SI 2026/978; the
        # instrument was not read here). The total is capped at the earnings by the caller.
        amount += special.value
        why += f", plus £{special.value} for specified or temporary accommodation (Sch 4 para 18)"
        params = (*params, special)
    return amount, why, params


def weekly_income(
    scenario: Scenario, hb: ParameterNode, day: date, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Earnings net of tax, NI and half of pension contributions (reg 36(3)), less Sch 4 disregards;
    other benefits in full; Child Benefit, PIP, ADP, DLA and AA disregarded (Sch 5); tariff income (reg 52)."""
    lines: list[Line] = []
    warnings: list[Warning] = []
    share = hb.pension_contributions_deducted
    earned, earnings_lines = net_weekly_earnings_lines(resources.earnings, share, " (reg 36(3))")
    lines.extend(earnings_lines)
    disregard, why, params = _earnings_disregard(scenario, hb, day, resources)
    used = min(disregard, earned)
    if used > 0:
        lines.append(Line("earnings_disregard", f"Earnings disregard: {why}", -used, "week", params))
    income = earned - used
    for programme, name, amount in resources.benefits:
        if amount > 0:
            lines.append(Line(f"{programme}_{name}", f"{name}: {programme.replace('_', ' ')} (reg 40)", amount, "week"))
            income += amount
    for adult in scenario.adults:
        other = adult.other_unearned_income
        if other is not None and other.amount > 0:
            amount = convert(other.amount, other.period, "week")
            lines.append(
                Line(
                    f"other_unearned_income_{adult.name}",
                    f"{adult.name}: other unearned income (reg 40)",
                    amount,
                    "week",
                )
            )
            income += amount
    capital = hb.capital
    excess = positive(scenario.capital - capital.lower_limit.value)
    if excess > 0:
        steps = round_up_to(excess, capital.tariff_income_step.value) / capital.tariff_income_step.value
        tariff = steps * capital.tariff_income_per_step.value
        lines.append(
            Line(
                "tariff_income",
                f"Tariff income on capital: {steps} x £{capital.tariff_income_per_step.value} a week (reg 52)",
                tariff,
                "week",
                (capital.lower_limit, capital.tariff_income_step, capital.tariff_income_per_step),
            )
        )
        income += tariff
    lines.append(Line("income", "Weekly income (regs 27-41)", income, "week"))
    return income, lines, warnings
