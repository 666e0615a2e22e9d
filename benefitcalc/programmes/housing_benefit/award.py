"""Housing Benefit: the weekly award, passported on UC or means-tested (regs 70, 71, 75)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, convert, positive
from benefitcalc.programmes.housing_benefit.applicable_amount import applicable_amount
from benefitcalc.programmes.housing_benefit.income import weekly_income
from benefitcalc.programmes.housing_benefit.non_dependants import non_dependant_deductions
from benefitcalc.programmes.housing_benefit.rules import HousingBenefitRules
from benefitcalc.programmes.resources import Resources
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Scenario

PROGRAMME = "housing_benefit"


def applies(scenario: Scenario) -> bool:
    """Whether Housing Benefit, not UC, meets the rent (supported exempt or temporary accommodation)."""
    housing = scenario.housing
    return housing.accommodation in ("supported_exempt", "temporary") and housing.rent is not None


def calculate(scenario: Scenario, hb: HousingBenefitRules, day: date, resources: Resources) -> ProgrammeResult | None:
    if not applies(scenario):
        return None
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
        return _passported(hb, maximum, lines, warnings)
    return _means_tested(scenario, hb, day, resources, maximum, lines, warnings)


def _minimum_award(hb: HousingBenefitRules, award: Decimal, lines: list[Line]) -> Decimal:
    """Reg 75: an award of less than 50p a week is not paid (passported or not)."""
    minimum = hb.minimum_award
    if ZERO < award < minimum.value:
        lines.append(
            Line(
                "minimum_award",
                f"Less than {minimum.value * 100:.0f}p a week is not paid (reg 75)",
                -award,
                "week",
                cite(minimum),
            )
        )
        return ZERO
    return award


def _passported(
    hb: HousingBenefitRules, maximum: Decimal, lines: list[Line], warnings: list[Warning]
) -> ProgrammeResult:
    """On UC, all income and capital are disregarded: the maximum is paid."""
    lines.append(
        Line(
            "universal_credit_passport",
            "On Universal Credit: all earnings, other income and capital disregarded (Sch 4 para 14, Sch 5 para 4, "
            "Sch 6 para 5), so the maximum is paid",
            ZERO,
            "week",
        )
    )
    award = _minimum_award(hb, maximum, lines)
    lines.append(Line("award", "Housing Benefit a week", award, "week"))
    return ProgrammeResult(
        PROGRAMME, award, "week", tuple(lines), tuple(dict.fromkeys(warnings)), (("passported", True),)
    )


def _means_tested(
    scenario: Scenario,
    hb: HousingBenefitRules,
    day: date,
    resources: Resources,
    maximum: Decimal,
    lines: list[Line],
    warnings: list[Warning],
) -> ProgrammeResult:
    """The full means test (no UC in payment): 65% of income above the applicable amount (reg 71)."""
    capital = hb.capital
    if scenario.capital > capital.upper_limit.value:
        lines.append(
            Line(
                "capital",
                f"Capital of £{scenario.capital:,.2f} is above £{capital.upper_limit.value:,} (reg 43): no Housing "
                "Benefit",
                ZERO,
                "week",
                cite(capital.upper_limit),
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
        Line("taper", f"{taper.value:.0%} of income above the applicable amount (reg 71)", -cut, "week", cite(taper))
    )
    award = _minimum_award(hb, positive(maximum - cut), lines)
    lines.append(Line("award", "Housing Benefit a week", award, "week"))
    return ProgrammeResult(
        PROGRAMME, award, "week", tuple(lines), tuple(dict.fromkeys(warnings)), (("passported", False),)
    )
