"""Universal Credit for one monthly assessment period (Universal Credit Regulations 2013, SI 2013/376).

Award = maximum amount (reg 23) - earnings deduction (reg 22) - unearned income (reg 66) - tariff
income from capital (reg 72), then the benefit cap (regs 78-83). Each amount calculated under the
Regulations is rounded to the nearest penny (reg 6(1)), so the award is exactly the maximum amount
less the lines shown.
Known limits are listed in :data:`LIMITS` and printed where they touch a case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.loader import Param, ParameterNode
from benefitcalc.periods import (
    MONTHS_IN_YEAR,
    ZERO,
    convert,
    pence,
    positive,
    pounds_down,
    round_up_to,
    weekly_to_monthly,
)
from benefitcalc.scenario import Adult, Child, Scenario

PROGRAMME = "universal_credit"
TWO_CHILD_LIMIT_DATE = date(2017, 4, 6)  # reg 24A(1)(b): children born on or after this day
HIGHER_FIRST_CHILD_DATE = date(2017, 4, 6)  # reg 24(1)(a) as amended by SI 2017/376

LIMITS = (
    "Surplus earnings and the 'two paydays in one assessment period' effect are not modelled: every month is taken as the same.",
    "Self-employment and the minimum income floor are not modelled.",
    "Local housing allowance rates are not held: give the rate that applies (private renters).",
    "Mortgage interest is a loan (Support for Mortgage Interest), outside UC: owner-occupiers get no housing element here.",
    "Size criteria assume children under 10 share a room and children of 10-15 share only if the scenario gives their sex; "
    "rooms for a carer, a disabled child or foster care are not modelled.",
    "Students, people over State Pension age and mixed-age couples are not modelled.",
)


@dataclass(frozen=True, slots=True)
class OtherIncome:
    """Income from other programmes that UC reads: monthly amounts, with the line that produced them."""

    unearned: tuple[Line, ...] = ()  # deducted in full (reg 66): ESA, JSA, Carer's Allowance, ...
    cap_benefits: Decimal = ZERO  # other welfare benefits counted in the benefit cap (reg 79(4)), a month
    carers_allowance: bool = False  # CA or Carer Support Payment in payment (exempts from the cap)
    esa_support_component: bool = False


# --- children ----------------------------------------------------------------------------------


def _birth_range(child: Child, day: date) -> tuple[date, date]:
    if child.date_of_birth is not None:
        return child.date_of_birth, child.date_of_birth
    assert child.age is not None
    latest = _years_before(day, child.age)
    earliest = date.fromordinal(_years_before(day, child.age + 1).toordinal() + 1)
    return earliest, latest


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def born_before(child: Child, cutoff: date, day: date) -> tuple[bool, bool]:
    """(born before cutoff?, was that an assumption?). Where age alone cannot tell, assume born on
    or after the cutoff: the lower amount, so the estimate is never too high."""
    earliest, latest = _birth_range(child, day)
    if latest < cutoff:
        return True, False
    if earliest >= cutoff:
        return False, False
    return False, True


def _child_order(children: Sequence[Child], day: date) -> list[tuple[int, Child]]:
    """Eldest first (reg 24A counts children in order of birth)."""
    return sorted(enumerate(children), key=lambda item: _birth_range(item[1], day)[0])


def child_elements(
    scenario: Scenario, p: ParameterNode, day: date
) -> tuple[Decimal, Decimal, list[Line], list[Warning]]:
    uc = p.dwp.universal_credit
    higher, lower = uc.child_element.first_child_higher_rate, uc.child_element.child_amount
    limit = uc.two_child_limit.child_limit
    child_total = ZERO
    disabled_total = ZERO
    lines: list[Line] = []
    warnings: list[Warning] = []
    counted = 0
    assumed = False
    for position, (index, child) in enumerate(_child_order(scenario.children, day)):
        before, guess = born_before(child, TWO_CHILD_LIMIT_DATE, day)
        assumed = assumed or guess
        label = f"child {index + 1}"
        if limit.value is not None and not before and counted >= limit.value and not child.two_child_limit_exception:
            lines.append(
                Line(
                    f"child_element_{index + 1}",
                    f"No child element for {label}: two-child limit (reg 24A)",
                    ZERO,
                    "month",
                    (limit,),
                )
            )
        else:
            # Higher rate only for a first child born before 6 April 2017 (reg 24(1)(a) as amended)
            param = higher if position == 0 and before else lower
            child_total += param.value
            counted += 1
            lines.append(
                Line(f"child_element_{index + 1}", f"Child element for {label}", param.value, "month", (param,))
            )
        if child.disability != "none":
            # Disabled child addition is paid for every disabled child, limit or not (reg 24(2))
            rate = (
                uc.disabled_child_addition.higher_rate
                if child.disability == "higher"
                else uc.disabled_child_addition.lower_rate
            )
            disabled_total += rate.value
            lines.append(
                Line(
                    f"disabled_child_{index + 1}",
                    f"Disabled child addition ({child.disability} rate) for {label}",
                    rate.value,
                    "month",
                    (rate,),
                )
            )
    if assumed:
        warnings.append(
            Warning(
                "child_birth_date_assumed",
                "A child's age alone cannot tell whether they were born before 6 April 2017; the calculation assumes "
                "on or after that date (the lower child element and, before April 2026, inside the two-child limit). "
                "Give `date_of_birth` for an exact answer.",
            )
        )
    return child_total, disabled_total, lines, warnings


# --- housing -----------------------------------------------------------------------------------


def bedrooms_needed(scenario: Scenario, day: date) -> tuple[int, int]:
    """Bedrooms allowed by the size criteria (Sch 4 para 10), with children of 10-15 given a room
    each; second value: the fewest allowed if every child who could share (same sex) does."""
    rooms = 1  # the claimant, or a couple
    rooms += len(scenario.housing.non_dependants)  # each non-dependant aged 16 or over
    # Ages on the first day of the assessment period, from `age` or `date_of_birth`
    children = sorted(c.age_on(day) for c in scenario.children)
    under_ten = [a for a in children if a < 10]
    older = [a for a in children if 10 <= a < 16]
    adults = [a for a in children if a >= 16]
    rooms += len(adults)
    fewest = rooms + (len(under_ten) + len(older) + 1) // 2  # all the same sex: any two share
    # Two children under 10 share (para 10(1)(d)); children of 10-15 share only if the same sex
    # (para 10(1)(c)): the scenario does not record sex, so older children get a room each.
    rooms += (len(under_ten) + 1) // 2
    rooms += len(older)
    return rooms, fewest


def _exempt_renter(adult: Adult) -> bool:
    """Sch 4 para 15(2): a renter for whom no housing cost contribution is deducted (blindness is
    not recorded in the scenario)."""
    pip, adp, dla = adult.pip, adult.adult_disability_payment, adult.disability_living_allowance
    return bool(
        (pip is not None and pip.daily_living != "none")
        or (adp is not None and adp.daily_living != "none")
        or (dla is not None and dla.care in ("middle", "highest"))
        or adult.attendance_allowance != "none"
    )


def housing_element(scenario: Scenario, p: ParameterNode, day: date) -> tuple[Decimal, list[Line], list[Warning]]:
    uc = p.dwp.universal_credit
    housing = scenario.housing
    lines: list[Line] = []
    warnings: list[Warning] = []
    if housing.tenure in ("owner", "none") or housing.rent is None:
        note = (
            "owner-occupier: no housing costs element (mortgage interest help is a loan outside UC)"
            if housing.tenure == "owner"
            else "no rent"
        )
        return ZERO, [Line("housing_element", f"Housing costs element: none ({note})", ZERO, "month")], warnings
    if housing.accommodation != "general":
        # Supported exempt (specified) or temporary accommodation: the rent is met by Housing Benefit
        # and UC has no housing costs element (Sch 1 paras 3(h), 3A, 3B; UC (TP) Regs 2014 reg 5(2)(a)).
        kind = (
            "supported exempt accommodation"
            if housing.accommodation == "supported_exempt"
            else "temporary accommodation"
        )
        return (
            ZERO,
            [
                Line(
                    "housing_element",
                    f"Housing costs element: none, the rent for {kind} is met by Housing Benefit (Sch 1 paras 3A, 3B)",
                    ZERO,
                    "month",
                )
            ],
            warnings,
        )
    # Rent and service charges to monthly: Sch 4 para 7 (weekly x 52/12, etc.)
    # Each amount worked out under the Regulations is rounded to the nearest penny (reg 6(1)).
    rent = pence(convert(housing.rent.amount, housing.rent.period, "month"))
    charges = (
        pence(convert(housing.service_charges.amount, housing.service_charges.period, "month"))
        if housing.service_charges
        else ZERO
    )
    eligible = rent + charges
    lines.append(
        Line(
            "housing_eligible_rent", "Rent and eligible service charges, monthly (Sch 4 paras 3, 7)", eligible, "month"
        )
    )
    amount = eligible
    if housing.tenure == "private_rent":
        if housing.local_housing_allowance is None:
            warnings.append(
                Warning(
                    "lha_not_given",
                    "Private rent with no `local_housing_allowance` given: the whole rent is used; the housing element is limited to the LHA rate in law (Sch 4 para 25).",
                )
            )
        else:
            lha = pence(
                convert(housing.local_housing_allowance.amount, housing.local_housing_allowance.period, "month")
            )
            if lha < amount:
                lines.append(
                    Line(
                        "housing_lha_limit",
                        "Limited to the local housing allowance given (Sch 4 para 25)",
                        lha - amount,
                        "month",
                    )
                )
                amount = lha
    else:
        if housing.local_housing_allowance is not None:
            warnings.append(
                Warning(
                    "lha_not_used",
                    "`local_housing_allowance` is given but not used: it limits the housing element only for private renters (Sch 4 para 25); social rents are met in full, less any under-occupancy deduction.",
                )
            )
        rooms, fewest = bedrooms_needed(scenario, day)
        if housing.bedrooms is None:
            warnings.append(
                Warning(
                    "bedrooms_not_given",
                    "Social rent with no `bedrooms` given: no under-occupancy deduction has been applied (Sch 4 para 36).",
                )
            )
        elif housing.bedrooms > rooms:
            excess = housing.bedrooms - rooms
            share = uc.housing.under_occupancy_one_bedroom if excess == 1 else uc.housing.under_occupancy_two_or_more
            cut = pence(eligible * share.value)  # reg 6(1)
            amount -= cut
            lines.append(
                Line(
                    "housing_under_occupancy",
                    f"Under-occupancy: {housing.bedrooms} bedrooms, {rooms} allowed: {share.value:.0%} off (Sch 4 para 36)",
                    -cut,
                    "month",
                    (share,),
                )
            )
        if housing.bedrooms is not None and housing.bedrooms > fewest and fewest < rooms:
            # Warn whenever the children's sex could change the deduction, not only when one is made
            warnings.append(
                Warning(
                    "size_criteria_assumed",
                    f"The size criteria depend on children's sex; the scenario does not give it, so children aged 10-15 are given a room each ({rooms} bedrooms allowed). If children of the same sex share, {fewest} are allowed and the under-occupancy deduction is larger (Sch 4 paras 10, 36).",
                )
            )
    deduction = ZERO
    exempt_renter = next((a.name for a in scenario.adults if _exempt_renter(a)), None)
    for i, nondep in enumerate(housing.non_dependants):
        if exempt_renter is not None:
            # Sch 4 para 15: no housing cost contributions where the renter (or either joint renter)
            # gets AA, DLA care middle/highest rate, or the PIP / ADP daily living component
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"Non-dependant {i + 1}: no housing cost contribution ({exempt_renter} gets a qualifying disability benefit, Sch 4 para 15)",
                    ZERO,
                    "month",
                )
            )
            continue
        if nondep.age < 21 or nondep.exempt_from_deduction:
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"Non-dependant {i + 1}: no housing cost contribution (under 21 or exempt, Sch 4 para 16)",
                    ZERO,
                    "month",
                )
            )
            continue
        flat = uc.housing.non_dependant_deduction
        deduction += flat.value
        lines.append(
            Line(
                f"non_dependant_{i + 1}",
                f"Housing cost contribution for non-dependant {i + 1} (Sch 4 paras 13-14)",
                -flat.value,
                "month",
                (flat,),
            )
        )
    amount = positive(amount - deduction)
    lines.append(Line("housing_element", "Housing costs element", amount, "month"))
    return amount, lines, warnings


# --- the rest of the maximum amount -----------------------------------------------------------


def standard_allowance(scenario: Scenario, p: ParameterNode) -> Param:
    sa = p.dwp.universal_credit.standard_allowance
    ages = [adult.age for adult in scenario.adults]
    if scenario.is_couple:
        return sa.joint_both_under_25 if all(a < 25 for a in ages) else sa.joint_25_or_over
    return sa.single_under_25 if ages[0] < 25 else sa.single_25_or_over


def health_element(scenario: Scenario, p: ParameterNode) -> tuple[Decimal, list[Line], list[Warning]]:
    """LCWRA element (reg 27), or the LCW element for a protected claim; one amount per award (reg 27(4))."""
    uc = p.dwp.universal_credit
    lcwra = [a for a in scenario.adults if a.universal_credit_health == "lcwra"]
    warnings: list[Warning] = []
    if lcwra:
        protected = [a for a in lcwra if a.health_element_protected]
        unknown = [a for a in lcwra if a.health_element_protected is None]
        param = uc.lcwra_element_protected if protected else uc.lcwra_element_new_claimant
        if uc.lcwra_element_protected.value != uc.lcwra_element_new_claimant.value:
            if unknown and not protected:
                warnings.append(
                    Warning(
                        "health_element_status_assumed",
                        f"{unknown[0].name}: `health_element_protected` not given. From 6 April 2026 the LCWRA element is £{uc.lcwra_element_new_claimant.value} "
                        f"for new claimants and £{uc.lcwra_element_protected.value} for those with LCWRA before then (Universal Credit Act 2025); "
                        "the lower, new-claimant rate is used.",
                    )
                )
            status = "protected rate (LCWRA before 6 April 2026)" if protected else "rate for claims from 6 April 2026"
        else:
            status = "one rate for all claimants"
        return (
            param.value,
            [Line("lcwra_element", f"LCWRA element, {status} (reg 27)", param.value, "month", (param,))],
            warnings,
        )
    lcw = [a for a in scenario.adults if a.universal_credit_health == "lcw"]
    if lcw and any(a.lcw_element_protected for a in lcw):
        param = uc.lcw_element
        return (
            param.value,
            [
                Line(
                    "lcw_element",
                    "LCW element, kept from a claim before 3 April 2017 (reg 27; SI 2017/204 savings)",
                    param.value,
                    "month",
                    (param,),
                )
            ],
            warnings,
        )
    return ZERO, [], warnings


def is_carer(adult: Adult, p: ParameterNode) -> bool:
    """Regular and substantial caring responsibilities (reg 30): 35 hours a week, as for Carer's Allowance."""
    return adult.carer is not None and adult.carer.hours_per_week >= p.dwp.carers_allowance.minimum_care_hours.value


def carer_elements(scenario: Scenario, p: ParameterNode) -> tuple[Decimal, list[Line]]:
    """Carer element for each claimant who is a carer (reg 29), except one who has LCWRA: for that
    claimant only the LCWRA element is included, unless in a joint claim the LCWRA element is
    included in respect of the other claimant (reg 29(4)). Where both joint claimants have LCWRA,
    the one LCWRA element (reg 27(4)) is taken as the non-carer's, which leaves the carer element
    for the other."""
    param = p.dwp.universal_credit.carer_element
    lcwra = [a for a in scenario.adults if a.universal_credit_health == "lcwra"]
    lcwra_for = next((a for a in lcwra if not is_carer(a, p)), lcwra[0]) if lcwra else None
    total, lines = ZERO, []
    for adult in scenario.adults:
        if is_carer(adult, p) and adult is not lcwra_for:
            total += param.value
            lines.append(
                Line(
                    f"carer_element_{adult.name}",
                    f"Carer element for {adult.name} (reg 29)",
                    param.value,
                    "month",
                    (param, p.dwp.carers_allowance.minimum_care_hours),
                )
            )
    return total, lines


def childcare_element(scenario: Scenario, p: ParameterNode, day: date) -> tuple[Decimal, list[Line], list[Warning]]:
    """85% of childcare costs paid, up to the cap (regs 31-36), if the work condition is met (reg 32)."""
    worker = scenario.worker.job
    if (
        scenario.childcare is None
        or scenario.childcare.amount == 0
        or not scenario.children
        or worker is None
        or worker.hours <= 0
    ):
        # the childcare given is the cost of care for the work being considered (docs/scenario.md)
        return ZERO, [], []
    cc = p.dwp.universal_credit.childcare_costs_element

    def in_work(adult: Adult) -> bool:
        return (adult.job is not None and adult.job.hours > 0) or (
            adult.earnings is not None and adult.earnings.amount > 0
        )

    working = [in_work(a) for a in scenario.adults]
    if scenario.is_couple:
        other_ok = [
            (a.universal_credit_health != "none")
            or (a.carer is not None and a.carer.hours_per_week >= p.dwp.carers_allowance.minimum_care_hours.value)
            for a in scenario.adults
        ]
        met = all(working) or (working[0] and other_ok[1]) or (working[1] and other_ok[0])
    else:
        met = working[0]
    if not met:
        return (
            ZERO,
            [
                Line(
                    "childcare_element",
                    "Childcare costs element: none, the work condition is not met (reg 32)",
                    ZERO,
                    "month",
                )
            ],
            [],
        )
    costs = pence(convert(scenario.childcare.amount, scenario.childcare.period, "month"))
    # a child given by date of birth has that age on the day (not 0)
    children_in_care = sum(1 for c in scenario.children if c.age_on(day) < 16)
    if not children_in_care:
        # Childcare costs count only for a child (under 16; reg 33(1)(b)): a qualifying young person has none
        return (
            ZERO,
            [Line("childcare_element", "Childcare costs element: none, no child under 16 (reg 33)", ZERO, "month")],
            [],
        )
    cap = cc.maximum_one_child if children_in_care <= 1 else cc.maximum_two_or_more_children
    share = pence(costs * cc.rate.value)  # reg 6(1)
    amount = min(share, cap.value)
    lines = [
        Line(
            "childcare_element",
            f"Childcare costs element: {cc.rate.value:.0%} of £{costs:,.2f} paid, capped at £{cap.value:,}",
            amount,
            "month",
            (cc.rate, cap),
        )
    ]
    warnings = [
        Warning(
            "childcare_reporting",
            "The childcare element is paid only for registered childcare that has been paid and reported to DWP in time (regs 33-35), usually in arrears.",
        )
    ]
    return amount, lines, warnings


# --- means test --------------------------------------------------------------------------------


def tariff_income(capital: Decimal, p: ParameterNode) -> tuple[Decimal | None, list[Line]]:
    """Reg 72: £4.35 a month for each £250, or part of £250, above £6,000; none above £16,000 (reg 18)."""
    cap = p.dwp.universal_credit.capital
    if capital > cap.upper_limit.value:
        return None, [
            Line(
                "capital_income",
                f"Capital of £{capital:,.2f} is above £{cap.upper_limit.value:,}: no entitlement (reg 18)",
                ZERO,
                "month",
                (cap.upper_limit,),
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
            (cap.lower_limit, cap.tariff_income_step, cap.tariff_income_per_step),
        )
    ]


def earnings_threshold(p: ParameterNode, hours_param: Param) -> Decimal:
    """hours x national living wage x 52 / 12 (e.g. reg 41(3), reg 82(1)(a), reg 99(6))."""
    return weekly_to_monthly(hours_param.value * p.dbt.national_minimum_wage.national_living_wage.value)


def calculate(
    scenario: Scenario, p: ParameterNode, day: date, earnings: Sequence[PersonEarnings], other: OtherIncome
) -> ProgrammeResult:
    uc = p.dwp.universal_credit
    lines: list[Line] = []
    warnings: list[Warning] = []

    sa = standard_allowance(scenario, p)
    lines.append(
        Line(
            "standard_allowance",
            f"Standard allowance ({sa.path.rsplit('.', 1)[1].replace('_', ' ')}) (reg 36)",
            sa.value,
            "month",
            (sa,),
        )
    )
    child_total, disabled_total, child_lines, child_warnings = child_elements(scenario, p, day)
    lines.extend(child_lines)
    lines.append(
        Line(
            "child_element",
            "Child elements (reg 24)",
            child_total,
            "month",
            (uc.child_element.first_child_higher_rate, uc.child_element.child_amount, uc.two_child_limit.child_limit),
        )
    )
    lines.append(
        Line(
            "disabled_child_element",
            "Disabled child additions (reg 24(2))",
            disabled_total,
            "month",
            (uc.disabled_child_addition.lower_rate, uc.disabled_child_addition.higher_rate),
        )
    )
    warnings.extend(child_warnings)
    health, health_lines, health_warnings = health_element(scenario, p)
    lines.extend(health_lines)
    if not health_lines:
        lines.append(Line("lcwra_element", "No LCW or LCWRA element", ZERO, "month"))
    elif health_lines[0].key == "lcw_element":
        lines.append(Line("lcwra_element", "No LCWRA element (the LCW element is included instead)", ZERO, "month"))
    warnings.extend(health_warnings)
    carer, carer_lines = carer_elements(scenario, p)
    lines.extend(carer_lines)
    lines.append(Line("carer_element", "Carer elements (reg 29)", carer, "month", (uc.carer_element,)))
    if len(carer_lines) == 2:
        # reg 29(2), (3): one carer element only where both care for the same severely disabled person
        warnings.append(
            Warning(
                "carer_element_both",
                "A carer element is included for each joint claimant: that is right only if they care for different severely disabled people; caring for the same person gives one carer element (reg 29(2), (3)).",
            )
        )
    childcare, childcare_lines, childcare_warnings = childcare_element(scenario, p, day)
    lines.extend(childcare_lines)
    if not childcare_lines:
        lines.append(Line("childcare_element", "No childcare costs element", ZERO, "month"))
    warnings.extend(childcare_warnings)
    housing, housing_lines, housing_warnings = housing_element(scenario, p, day)
    lines.extend(housing_lines)
    warnings.extend(housing_warnings)

    maximum = sa.value + child_total + disabled_total + health + carer + childcare + housing
    lines.append(
        Line("maximum_amount", "Maximum amount: the sum of the allowance and elements (reg 23)", maximum, "month")
    )

    # Work allowance (reg 22(1)(b), (2)): with a child or LCW/LCWRA; lower if the award has housing costs
    has_wa = bool(scenario.children) or any(a.universal_credit_health != "none" for a in scenario.adults)
    # UC (Transitional Provisions) Regs 2014 reg 5A: with HB for temporary accommodation, the lower work allowance
    temporary = scenario.housing.accommodation == "temporary"
    wa_param = uc.work_allowance.lower if housing > 0 or temporary else uc.work_allowance.higher
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
    lines.append(
        Line(
            "work_allowance", f"Work allowance ({why}) (reg 22)", work_allowance, "month", (wa_param,) if has_wa else ()
        )
    )

    # Earned income: pay less income tax, Class 1 NI and relievable pension contributions (reg 55(5)),
    # monthly; joint claimants' earnings are combined (reg 22(1)(b)).
    earned = ZERO
    for e in earnings:
        if e.gross <= 0:
            continue
        # reg 55(5)(a): "relievable pension contributions" (FA 2004 s.188) are the gross contribution.
        # Under relief at source the member pays it net of basic-rate relief, which the scheme
        # claims as part of the member's contribution (FA 2004 s.192), so the amount paid is grossed up.
        relievable = e.pension
        if e.pension_relief == "relief_at_source":
            relievable = e.pension / (1 - p.hmrc.income_tax.rates.uk.value[0].rate)
        # The month's average pay: a model of the pay received, not a calculation under the
        # Regulations, so it is not rounded; the deduction worked out from it is (reg 6(1)).
        net = (e.gross - e.income_tax_on_earnings - e.national_insurance - relievable) / MONTHS_IN_YEAR
        earned += net
        gross_up = " (relief at source: the gross contribution)" if e.pension_relief == "relief_at_source" else ""
        lines.append(
            Line(
                f"earned_income_{e.name}",
                f"{e.name}: pay less income tax, NI and pension{gross_up}, monthly (reg 55(5))",
                net,
                "month",
            )
        )
    lines.append(Line("earned_income", "Earned income (reg 22)", earned, "month"))
    taper = uc.taper_rate
    deduction = pence(positive(earned - work_allowance) * taper.value)  # reg 6(1)
    lines.append(
        Line(
            "earnings_deduction",
            f"{taper.value:.0%} of earned income above the work allowance (reg 22(1)(b))",
            deduction,
            "month",
            (taper,),
        )
    )

    # Each unearned amount converted to a month (reg 73) is rounded to the penny (reg 6(1)), so the
    # award is exactly the maximum amount less the lines shown.
    unearned_lines = [Line(u.key, u.label, pence(u.amount), u.period, u.params, u.note) for u in other.unearned]
    unearned = sum((line.amount for line in unearned_lines), ZERO)
    lines.extend(unearned_lines)
    lines.append(Line("unearned_income", "Unearned income, deducted in full (reg 66)", unearned, "month"))

    tariff, capital_lines = tariff_income(scenario.capital, p)
    lines.extend(capital_lines)
    if tariff is None:
        lines.append(Line("benefit_cap_reduction", "Benefit cap: not applied (no entitlement)", ZERO, "month"))
        lines.append(
            Line(
                "award",
                "Universal Credit: none (capital above the upper limit, reg 18)",
                ZERO,
                "month",
                (uc.capital.upper_limit,),
            )
        )
        return ProgrammeResult(
            PROGRAMME, ZERO, "month", tuple(lines), tuple(warnings), (("excluded_by_capital", True),)
        )

    before_cap = positive(maximum - deduction - unearned - tariff)
    cap_reduction, cap_lines, cap_warnings = benefit_cap(
        scenario, p, earnings, earned, before_cap, childcare, health, carer, other
    )
    lines.extend(cap_lines)
    warnings.extend(cap_warnings)
    award = pence(positive(before_cap - cap_reduction))  # reg 6(1): to the nearest penny
    lines.append(
        Line(
            "award", "Universal Credit award for the assessment period (reg 6(1): to the nearest penny)", award, "month"
        )
    )

    warnings.extend(_work_warnings(scenario, p, earnings, earned, day))
    facts = (
        ("has_housing_element", housing > 0),
        ("maximum_amount", maximum),
        ("work_allowance", work_allowance),
        ("earned_income", earned),
    )
    return ProgrammeResult(PROGRAMME, award, "month", tuple(lines), tuple(dict.fromkeys(warnings)), facts)


def benefit_cap(
    scenario: Scenario,
    p: ParameterNode,
    earnings: Sequence[PersonEarnings],
    earned: Decimal,
    award: Decimal,
    childcare: Decimal,
    health: Decimal,
    carer: Decimal,
    other: OtherIncome,
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Regs 78-83: reduce UC by the excess of welfare benefits over the cap, less childcare (reg 81)."""
    uc = p.dwp.universal_credit
    hours = uc.benefit_cap_earnings_exemption_hours
    # reg 82(1)(a): 16 hours at the national living wage, monthly; fractions of £1 ignored (reg 6(1A))
    threshold = pounds_down(earnings_threshold(p, hours))
    exempt_reasons = []
    if health > 0 and any(a.universal_credit_health == "lcwra" for a in scenario.adults):
        exempt_reasons.append("LCWRA element (reg 83(1)(a))")
    if carer > 0 or other.carers_allowance:
        exempt_reasons.append("carer element or Carer's Allowance (reg 83(1)(b))")
    if other.esa_support_component:
        exempt_reasons.append("ESA support component (reg 83(1)(h))")
    disabled = [
        a.name
        for a in scenario.adults
        if (a.pip and (a.pip.daily_living != "none" or a.pip.mobility != "none"))
        or (
            a.adult_disability_payment
            and (a.adult_disability_payment.daily_living != "none" or a.adult_disability_payment.mobility != "none")
        )
        or (
            a.disability_living_allowance
            and (a.disability_living_allowance.care != "none" or a.disability_living_allowance.mobility != "none")
        )
        or a.attendance_allowance != "none"
    ]
    if disabled or any(c.disability != "none" for c in scenario.children):
        exempt_reasons.append("PIP, ADP, DLA or Attendance Allowance in the household (reg 83(1)(j)-(m))")
    if earned >= threshold:
        exempt_reasons.append(f"earned income of £{earned:,.2f} is at least £{threshold:,} a month (reg 82(1)(a))")
    cap_node = (
        p.dwp.benefit_cap.greater_london if scenario.in_greater_london else p.dwp.benefit_cap.outside_greater_london
    )
    cap_param = (
        cap_node.single if not scenario.is_couple and not scenario.children else cap_node.couple_or_with_children
    )
    cap = pence(cap_param.value / MONTHS_IN_YEAR)  # reg 80A: the annual amount divided by 12
    params = (cap_param, hours, p.dbt.national_minimum_wage.national_living_wage)
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
                    f"Only earnings of at least £{threshold:,} a month keep this household out of the benefit cap of £{cap:,.2f} a month. "
                    "If work stops after 12 months of such earnings, a 9-month grace period applies (reg 82(2)).",
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
                f"The benefit cap reduces Universal Credit by £{pence(reduction):,.2f} a month. Earned income of £{threshold:,} a month or more after tax, NI and pension contributions (16 hours at the national living wage) lifts the cap (reg 82(1)(a)).",
            )
        )
    else:
        label += " are within it"
    return reduction, [Line("benefit_cap_reduction", label, reduction, "month", params)], warnings


def _work_warnings(
    scenario: Scenario, p: ParameterNode, earnings: Sequence[PersonEarnings], earned: Decimal, day: date
) -> list[Warning]:
    uc = p.dwp.universal_credit
    out: list[Warning] = []
    threshold = earnings_threshold(p, uc.wca_earnings_threshold_hours)
    for adult, e in zip(scenario.adults, earnings):
        monthly_gross = e.gross / MONTHS_IN_YEAR
        gets_disability_benefit = (
            bool(adult.pip or adult.adult_disability_payment or adult.disability_living_allowance)
            or adult.attendance_allowance != "none"
        )
        if adult.universal_credit_health != "none" and monthly_gross >= threshold and not gets_disability_benefit:
            out.append(
                Warning(
                    "wca_earnings_threshold",
                    f"{adult.name} would earn £{monthly_gross:,.2f} a month, at or above £{pence(threshold):,.2f} (16 hours at the national living wage). "
                    "An existing LCW/LCWRA award carries on, but a new work capability assessment would not normally be started "
                    "for someone earning this much unless they get PIP, ADP, DLA or Attendance Allowance (reg 41(3)).",
                )
            )
    # No work search (and so no AET) for a claimant with LCW/LCWRA or caring 35 hours (reg 89(1)(b)),
    # or responsible for a child under 1 (reg 89(1)(c)).
    exempt = any(a.universal_credit_health != "none" or is_carer(a, p) for a in scenario.adults) or any(
        c.age_on(day) == 0 for c in scenario.children
    )
    if not exempt:
        hours = (
            uc.administrative_earnings_threshold_hours.couple
            if scenario.is_couple
            else uc.administrative_earnings_threshold_hours.single
        )
        aet = pounds_down(earnings_threshold(p, hours))
        gross = sum((e.gross for e in earnings), ZERO) / MONTHS_IN_YEAR
        if 0 < gross < aet:
            out.append(
                Warning(
                    "administrative_earnings_threshold",
                    f"Gross earnings of £{gross:,.2f} a month are below the administrative earnings threshold of about £{aet:,} "
                    f"({hours.value} hours at the national living wage, reg 99(6)): the work coach may ask for more work search.",
                )
            )
    return out
