"""Housing Benefit: weekly income with the earnings disregards (regs 27-41, 52; Sch 4, 5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.loader import Param
from benefitcalc.periods import convert, positive, round_up_to
from benefitcalc.programmes.housing_benefit.rules import HousingBenefitRules
from benefitcalc.programmes.resources import Resources, additional_disregard_applies
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings_lines
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Scenario


def _earnings_disregard(
    scenario: Scenario, hb: HousingBenefitRules, day: date, resources: Resources
) -> tuple[Decimal, str, tuple[Param, ...]]:
    d = hb.earnings_disregard
    if scenario.is_couple:
        param, why = d["couple"], "couple (Sch 4)"
    elif scenario.children:
        param, why = d["lone_parent"], "lone parent (Sch 4)"
    else:
        param, why = d["single"], "single person (Sch 4)"
    amount, params = param.value, cite(param)
    higher, additional = d["disability_or_carer"], d["additional"]
    if (
        resources.receives_carer_benefit or any(a.receives_disability_benefit for a in scenario.adults)
    ) and higher.value > amount:
        amount, why, params = higher.value, "disability or carer (Sch 4)", cite(higher)
    if additional_disregard_applies(scenario, resources):
        amount += additional.value
        why += f", plus the additional £{additional.value} (Sch 4)"
        params = (*params, additional.param)
    sta = hb.specified_or_temporary_disregard
    ages = [a.age for a in scenario.adults]
    if scenario.is_couple:
        special = sta["couple_one_25_or_over"] if any(a >= 25 for a in ages) else sta["couple_both_under_25"]
    else:
        special = sta["single_or_lone_parent_25_or_over" if ages[0] >= 25 else "single_or_lone_parent_under_25"]
    if special.value is not None:
        # Sch 4 para 18 (from 5 October 2026) applies alongside paras 3 to 10 and 17: none of them
        # excludes it (PolicyEngine UK's reading of SI 2026/753 as substituted by SI 2026/978; the
        # instrument was not read here). The total is capped at the earnings by the caller.
        amount += special.value
        why += f", plus £{special.value} for specified or temporary accommodation (Sch 4 para 18)"
        params = (*params, special.param)
    return amount, why, params


def weekly_income(
    scenario: Scenario, hb: HousingBenefitRules, day: date, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Earnings net of tax, NI and half of pension contributions (reg 36(3)), less Sch 4 disregards;
    other benefits in full; Child Benefit, PIP, ADP, DLA and AA disregarded (Sch 5); tariff income (reg 52)."""
    lines: list[Line] = []
    warnings: list[Warning] = []
    share = hb.pension_contributions_deducted
    earned, earnings_lines = net_weekly_earnings_lines(resources.earnings, share.param, " (reg 36(3))")
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
                cite(capital.lower_limit, capital.tariff_income_step, capital.tariff_income_per_step),
            )
        )
        income += tariff
    lines.append(Line("income", "Weekly income (regs 27-41)", income, "week"))
    return income, lines, warnings
