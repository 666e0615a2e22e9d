"""Universal Credit: the housing costs element for renters (Sch 1, Sch 4), a month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import ZERO, convert, pence, positive
from benefitcalc.programmes.universal_credit.rules import HousingRules
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Adult, Housing, Scenario


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
    return adult.receives_middle_or_highest_care_or_daily_living


def _no_housing_costs(housing: Housing) -> Line | None:
    """The line saying why there is no housing costs element, or ``None`` when the rent is met by UC."""
    if housing.tenure in ("owner", "none") or housing.rent is None:
        note = (
            "owner-occupier: no housing costs element (mortgage interest help is a loan outside UC)"
            if housing.tenure == "owner"
            else "no rent"
        )
        return Line("housing_element", f"Housing costs element: none ({note})", ZERO, "month")
    if housing.accommodation != "general":
        # Supported exempt (specified) or temporary accommodation: the rent is met by Housing Benefit
        # and UC has no housing costs element (Sch 1 paras 3(h), 3A, 3B; UC (TP) Regs 2014 reg 5(2)(a)).
        kind = (
            "supported exempt accommodation"
            if housing.accommodation == "supported_exempt"
            else "temporary accommodation"
        )
        return Line(
            "housing_element",
            f"Housing costs element: none, the rent for {kind} is met by Housing Benefit (Sch 1 paras 3A, 3B)",
            ZERO,
            "month",
        )
    return None


def _lha_limit(housing: Housing, amount: Decimal, lines: list[Line], warnings: list[Warning]) -> Decimal:
    """Private renters: the housing element is limited to the local housing allowance (Sch 4 para 25)."""
    if housing.local_housing_allowance is None:
        warnings.append(
            Warning(
                "lha_not_given",
                "Private rent with no `local_housing_allowance` given: the whole rent is used; the housing element "
                "is limited to the LHA rate in law (Sch 4 para 25).",
            )
        )
        return amount
    lha = pence(convert(housing.local_housing_allowance.amount, housing.local_housing_allowance.period, "month"))
    if lha < amount:
        lines.append(
            Line(
                "housing_lha_limit",
                "Limited to the local housing allowance given (Sch 4 para 25)",
                lha - amount,
                "month",
            )
        )
        return lha
    return amount


def _under_occupancy(
    scenario: Scenario, rules: HousingRules, day: date, eligible: Decimal, lines: list[Line], warnings: list[Warning]
) -> Decimal:
    """Social renters: the under-occupancy deduction (Sch 4 para 36), to the penny (reg 6(1))."""
    housing = scenario.housing
    if housing.local_housing_allowance is not None:
        warnings.append(
            Warning(
                "lha_not_used",
                "`local_housing_allowance` is given but not used: it limits the housing element only for private "
                "renters (Sch 4 para 25); social rents are met in full, less any under-occupancy deduction.",
            )
        )
    rooms, fewest = bedrooms_needed(scenario, day)
    cut = ZERO
    if housing.bedrooms is None:
        warnings.append(
            Warning(
                "bedrooms_not_given",
                "Social rent with no `bedrooms` given: no under-occupancy deduction has been applied (Sch 4 para 36).",
            )
        )
    elif housing.bedrooms > rooms:
        excess = housing.bedrooms - rooms
        share = rules.under_occupancy_one_bedroom if excess == 1 else rules.under_occupancy_two_or_more
        cut = pence(eligible * share.value)  # reg 6(1)
        lines.append(
            Line(
                "housing_under_occupancy",
                f"Under-occupancy: {housing.bedrooms} bedrooms, {rooms} allowed: {share.value:.0%} off (Sch 4 para 36)",
                -cut,
                "month",
                cite(share),
            )
        )
        warnings.append(
            Warning(
                "under_occupancy_deduction",
                f"Bedroom tax (the under-occupancy deduction): {housing.bedrooms} bedrooms where {rooms} "
                f"{'is' if rooms == 1 else 'are'} allowed, "
                f"so {share.value:.0%} of the eligible rent, £{cut:,.2f} a month, is taken off the housing costs "
                "element (UC Regs 2013 Sch 4 paras 36-37).",
            )
        )
    if housing.bedrooms is not None and housing.bedrooms > fewest and fewest < rooms:
        # Warn whenever the children's sex could change the deduction, not only when one is made
        warnings.append(
            Warning(
                "size_criteria_assumed",
                f"The size criteria depend on children's sex; the scenario does not give it, so children aged 10-15 "
                f"are given a room each ({rooms} bedrooms allowed). If children of the same sex share, {fewest} are "
                "allowed and the under-occupancy deduction is larger (Sch 4 paras 10, 36).",
            )
        )
    return cut


def _housing_cost_contributions(scenario: Scenario, rules: HousingRules, lines: list[Line]) -> Decimal:
    """Sch 4 paras 13-16: a housing cost contribution for each non-dependant, unless exempt."""
    deduction = ZERO
    exempt_renter = next((a.name for a in scenario.adults if _exempt_renter(a)), None)
    for i, nondep in enumerate(scenario.housing.non_dependants):
        if exempt_renter is not None:
            # Sch 4 para 15: no housing cost contributions where the renter (or either joint renter)
            # gets AA, DLA care middle/highest rate, or the PIP / ADP daily living component
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"Non-dependant {i + 1}: no housing cost contribution ({exempt_renter} gets a qualifying "
                    "disability benefit, Sch 4 para 15)",
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
        flat = rules.non_dependant_deduction
        deduction += flat.value
        lines.append(
            Line(
                f"non_dependant_{i + 1}",
                f"Housing cost contribution for non-dependant {i + 1} (Sch 4 paras 13-14)",
                -flat.value,
                "month",
                cite(flat),
            )
        )
    return deduction


def housing_element(scenario: Scenario, rules: HousingRules, day: date) -> tuple[Decimal, list[Line], list[Warning]]:
    housing = scenario.housing
    lines: list[Line] = []
    warnings: list[Warning] = []
    none = _no_housing_costs(housing)
    if none is not None or housing.rent is None:
        return ZERO, [none] if none is not None else [], warnings
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
    if housing.tenure == "private_rent":
        amount = _lha_limit(housing, eligible, lines, warnings)
    else:
        amount = eligible - _under_occupancy(scenario, rules, day, eligible, lines, warnings)
    deduction = _housing_cost_contributions(scenario, rules, lines)
    amount = positive(amount - deduction)
    lines.append(Line("housing_element", "Housing costs element", amount, "month"))
    return amount, lines, warnings
