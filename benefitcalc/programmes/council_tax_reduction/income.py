"""The household's weekly income as a council tax reduction scheme counts it (before the applicable
amount or the bands): earnings less the scheme's disregards, the UC award as the scheme counts it,
other benefits and unearned income, less any childcare charges the scheme deducts."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.loader import Param, ParameterNode
from benefitcalc.periods import ZERO, convert, monthly_to_weekly, pence, positive
from benefitcalc.programmes.council_tax_reduction.design import UC_ELEMENTS, BandedScheme, FlatRateScheme
from benefitcalc.programmes.council_tax_reduction.validation import Scheme, rule
from benefitcalc.programmes.resources import Resources, additional_disregard_applies
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings_lines
from benefitcalc.scenario import Scenario


def income_measure(scheme: Scheme) -> str:
    """What the scheme measures: `income` (as the scheme counts it), `earnings` (only) or
    `earnings_and_unearned_income` (not the UC award). A flat-rate scheme's categories look at earnings."""
    design = scheme.design
    if isinstance(design, FlatRateScheme):
        return "earnings"
    if isinstance(design, BandedScheme) and design.banded_income in ("earnings", "earnings_and_unearned_income"):
        return design.banded_income
    return "income"


def weekly_income(
    scenario: Scenario, p: ParameterNode, scheme: Scheme, resources: Resources, on_uc: bool, day: date
) -> tuple[Decimal, list[Line], list[Warning]]:
    """The household's weekly income as the scheme counts it (before applicable amount or bands): for
    a scheme whose bands measure earnings only (or earnings and unearned income), just those."""
    measure = income_measure(scheme)
    lines: list[Line] = []
    income, earnings_lines = _earnings(scenario, scheme, resources, on_uc)
    lines.extend(earnings_lines)
    uc = resources.universal_credit
    if uc is not None and uc.amount > 0:
        if measure == "income":
            counted, uc_line = _universal_credit(scheme, uc)
            lines.append(uc_line)
            income += counted
        else:
            label = "Universal Credit is not counted: the scheme looks at earnings" + (
                " and unearned income" if measure == "earnings_and_unearned_income" else " only"
            )
            lines.append(Line("universal_credit", label, ZERO, "week", _measure_params(scheme)))
    if measure != "earnings":
        other, other_lines = _other_income(scenario, scheme, resources)
        lines.extend(other_lines)
        income += other
    if measure == "income" and scheme.design.income.uc_childcare_deduction and on_uc and uc is not None:
        charges, childcare_lines = _childcare_charges(scenario, p, scheme, uc, income, day)
        lines.extend(childcare_lines)
        income -= charges
    label = "Weekly income as the scheme counts it" if measure == "income" else f"Weekly {measure.replace('_', ' ')}"
    lines.append(Line("income", label, income, "week"))
    return income, lines, []


def _measure_params(scheme: Scheme) -> tuple[Param, ...]:
    return (scheme.cite("banded_income"),) if scheme.has("banded_income") else (scheme.cite("rates"),)


def _earnings(scenario: Scenario, scheme: Scheme, resources: Resources, on_uc: bool) -> tuple[Decimal, list[Line]]:
    """Earnings less the disregard. On UC: the earned income in the UC assessment (reg 55 net pay),
    monthly x 12 / 52; otherwise pay less tax, NI and the scheme's share of pension contributions, a year / 52."""
    lines: list[Line] = []
    uc = resources.universal_credit
    if on_uc and uc is not None:
        earned = monthly_to_weekly(Decimal(str(uc.fact("earned_income", ZERO))))
        lines.append(
            Line(
                "earnings",
                "Earnings as assessed for UC (net of tax, NI and pension), monthly x 12 / 52",
                earned,
                "week",
            )
        )
        if not scheme.design.income.earnings_disregards_on_universal_credit:
            # WSI 2013/3029 Sch 6 para 9 (SI 2012/2886 Sch para 37): DWP's income figure x 12 / 52,
            # adjusted only for the UC award and non-dependants' income: no Sch 8 earnings disregard.
            if earned > 0:
                param = scheme.cite("income.earnings_disregards_on_universal_credit")
                label = "No earnings disregard: on UC the scheme takes DWP's income figure as it is"
                lines.append(Line("earnings_disregard", label, ZERO, "week", (param,)))
            return earned, lines
    else:
        earned, earnings_lines = net_weekly_earnings_lines(
            resources.earnings, scheme.cite("income.pension_contributions_deducted")
        )
        lines.extend(earnings_lines)
    disregard, why, params = earnings_disregard(scenario, scheme, resources, on_uc)
    used = min(disregard, earned)
    if earned > 0 and used > 0:
        lines.append(Line("earnings_disregard", f"Earnings disregard ({why})", -used, "week", params))
    return earned - used, lines


def earnings_disregard(
    scenario: Scenario, scheme: Scheme, resources: Resources, on_uc: bool
) -> tuple[Decimal, str, tuple[Param, ...]]:
    """The scheme's weekly earnings disregard for the household, why, and the parameters behind it."""
    rules = scheme.design.income.earnings_disregard
    key = "income.earnings_disregard."
    if scenario.is_couple:
        param, why = scheme.cite(key + "couple"), "couple"
    elif scenario.children:
        param, why = scheme.cite(key + "lone_parent"), "lone parent"
    else:
        param, why = scheme.cite(key + "single"), "single person"
    amount = param.value
    params: tuple[Param, ...] = (param,)
    disabled = any(a.receives_disability_benefit or a.universal_credit_health != "none" for a in scenario.adults)
    higher = rules.disability_or_carer
    if higher is not None and (resources.receives_carer_benefit or disabled) and higher > amount:
        param = scheme.cite(key + "disability_or_carer")
        amount, why, params = param.value, "disability or carer", (param,)
    if rules.additional is not None and not on_uc and additional_disregard_applies(scenario, resources):
        additional = scheme.cite(key + "additional")
        amount += additional.value
        why += f", plus the additional £{additional.value} for 30 hours' work (16 for a parent or disabled worker)"
        params = (*params, additional)
    return amount, why, params


def _element_total(uc: ProgrammeResult, elements: AbstractSet[str]) -> Decimal:
    total = ZERO
    for element in sorted(elements):
        for key in UC_ELEMENTS[element]:
            try:
                total += uc.line(key).amount
            except KeyError:
                continue
    return total


def _universal_credit(scheme: Scheme, uc: ProgrammeResult) -> tuple[Decimal, Line]:
    """The UC award, monthly x 12 / 52: the award less any elements the scheme ignores, or (a scheme
    with `universal_credit_counted_elements`, e.g. Scotland, SSI 2021/249 reg 57(2)(d)) only the
    listed elements, up to the award (so a benefit-cap cut below them counts as cut)."""
    rules = scheme.design.income
    counts = scheme.cite("income.universal_credit_counts")
    if not rules.universal_credit_counts:
        return ZERO, Line("universal_credit", "Universal Credit is not counted by this scheme", ZERO, "week", (counts,))
    if rules.universal_credit_counted_elements:
        wanted = {row.element for row in rules.universal_credit_counted_elements}
        weekly = monthly_to_weekly(min(uc.amount, _element_total(uc, wanted)))
        label = (
            f"Universal Credit: only the {', '.join(sorted(wanted))} element(s) count, up to the award, "
            "monthly x 12 / 52"
        )
        return weekly, Line(
            "universal_credit", label, weekly, "week", (counts, scheme.cite("income.universal_credit_counted_elements"))
        )
    elements = {row.element for row in rules.universal_credit_disregarded_elements}
    ignored = _element_total(uc, elements)
    weekly = monthly_to_weekly(positive(uc.amount - ignored))
    label = "Universal Credit award, monthly x 12 / 52"
    if ignored > 0:
        label += f", less the {', '.join(sorted(elements))} element(s) the scheme ignores (not below 0)"
    params = (counts, scheme.cite("income.universal_credit_disregarded_elements"))
    return weekly, Line("universal_credit", label, weekly, "week", params)


def _other_income(scenario: Scenario, scheme: Scheme, resources: Resources) -> tuple[Decimal, list[Line]]:
    """Other benefits and unearned income, less those the scheme disregards in full."""
    disregarded = {row.benefit for row in scheme.design.income.disregarded_benefits}
    total = ZERO
    lines: list[Line] = []
    for programme, name, amount in resources.benefits:
        if amount <= 0:
            continue
        if programme in disregarded:
            label = f"{name}: {programme.replace('_', ' ')} disregarded by the scheme"
            lines.append(
                Line(f"{programme}_{name}", label, ZERO, "week", (scheme.cite("income.disregarded_benefits"),))
            )
            continue
        lines.append(Line(f"{programme}_{name}", f"{name}: {programme.replace('_', ' ')}", amount, "week"))
        total += amount
    for adult in scenario.adults:
        other = adult.other_unearned_income
        if other is None or other.amount <= 0:
            continue
        key = f"other_unearned_income_{adult.name}"
        if "other_unearned_income" in disregarded:
            label = f"{adult.name}: other unearned income disregarded by the scheme"
            lines.append(Line(key, label, ZERO, "week", (scheme.cite("income.disregarded_benefits"),)))
            continue
        amount = convert(other.amount, other.period, "week")
        lines.append(Line(key, f"{adult.name}: other unearned income", amount, "week"))
        total += amount
    return total, lines


def _childcare_charges(
    scenario: Scenario, p: ParameterNode, scheme: Scheme, uc: ProgrammeResult, income: Decimal, day: date
) -> tuple[Decimal, list[Line]]:
    """Childcare charges deducted where the scheme says so (Scotland reg 78: the UC childcare element
    / 0.85 x 12 / 52, capped)."""
    try:
        element = uc.line("childcare_element").amount
    except KeyError:
        element = ZERO
    if element <= 0:
        return ZERO, []
    rate = rule(p, "dwp.universal_credit.childcare_costs_element.rate")
    # Reg 78(3) steps 1-4: element / 85 x 100 x 12 / 52, rounded to the nearest penny.
    charges = pence(monthly_to_weekly(element / rate.value))
    children = sum(1 for c in scenario.children if c.age_on(day) < 16)
    cap = scheme.cite(
        "income.childcare_charge_cap.one_child" if children <= 1 else "income.childcare_charge_cap.two_or_more_children"
    )
    charges = min(charges, cap.value, income)
    line = Line(
        "childcare_charges",
        f"Childcare charges: UC childcare element / {rate.value} x 12 / 52, up to £{cap.value} a week",
        -charges,
        "week",
        (scheme.cite("income.uc_childcare_deduction"), cap, rate),
    )
    return charges, [line]
