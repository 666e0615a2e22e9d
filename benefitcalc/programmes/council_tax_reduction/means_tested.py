"""A means-tested scheme: the maximum reduction less a taper of the weekly income above the
applicable amount (SI 2012/2885 Sch 1 paras 3-4 and 7 pattern; WSI 2013/3029; SSI 2021/249)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import ZERO, monthly_to_weekly, positive, round_up_to
from benefitcalc.programmes.council_tax_reduction.applicable_amount import applicable_amount
from benefitcalc.programmes.council_tax_reduction.design import PensionAgeMeansTested, WorkingAgeMeansTested
from benefitcalc.programmes.council_tax_reduction.validation import Scheme
from benefitcalc.programmes.resources import Resources
from benefitcalc.scenario import Scenario


def means_tested_reduction(
    scenario: Scenario,
    scheme: Scheme,
    weekly: Decimal,
    income: Decimal,
    nondep: Decimal,
    day: date,
    resources: Resources,
    protected: bool = False,
) -> tuple[Decimal, list[Line], list[Warning]]:
    """The weekly reduction from the weekly liability (after any band cap), income and non-dependant deductions."""
    design = scheme.design
    assert isinstance(design, (WorkingAgeMeansTested, PensionAgeMeansTested))
    lines: list[Line] = []
    share = scheme.cite("protected_group.maximum_share" if protected else "maximum_share")
    maximum = positive(weekly * share.value - nondep)
    lines.append(
        Line(
            "maximum_reduction",
            f"Maximum reduction: {share.value:.0%} of the weekly liability, less non-dependant deductions",
            maximum,
            "week",
            (share,),
        )
    )
    amount, aa_lines, warnings = scheme_applicable_amount(scenario, scheme, day, resources)
    lines.extend(aa_lines)
    income, tariff_lines = tariff_income(scenario, scheme, income)
    lines.extend(tariff_lines)
    excess = positive(income - amount)
    taper = scheme.cite("taper")
    cut = excess * taper.value
    lines.append(Line("excess_income", "Income above the applicable amount", excess, "week"))
    lines.append(Line("taper", f"{taper.value:.0%} of income above the applicable amount", -cut, "week", (taper,)))
    return positive(maximum - cut), lines, warnings


def scheme_applicable_amount(
    scenario: Scenario, scheme: Scheme, day: date, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """On UC, where the scheme says so, the UC maximum amount x 12 / 52 (SI 2012/2886 Sch para 28;
    WSI 2013/3029 Sch 6 para 3); otherwise the scheme's own allowances and premiums."""
    uc = resources.universal_credit
    route = scheme.cite("uc_applicable_amount")
    if resources.on_universal_credit and uc is not None and route.value == "uc_maximum_amount":
        amount = monthly_to_weekly(Decimal(str(uc.fact("maximum_amount", ZERO))))
        label = "Applicable amount: the UC maximum amount, monthly x 12 / 52"
        return amount, [Line("applicable_amount", label, amount, "week", (route,))], []
    return applicable_amount(scenario, scheme, day, resources)


def tariff_income(scenario: Scenario, scheme: Scheme, income: Decimal) -> tuple[Decimal, list[Line]]:
    """Tariff income from capital: per_step a week for each step, or part, above the lower limit."""
    tariff = scheme.cite("capital_tariff.per_step")
    lower, step = scheme.cite("capital_tariff.lower_limit"), scheme.cite("capital_tariff.step")
    excess_capital = positive(scenario.capital - lower.value)
    if excess_capital <= 0:
        return income, []
    steps = round_up_to(excess_capital, step.value) / step.value
    line = Line(
        "tariff_income",
        f"Tariff income on capital: {steps} x £{tariff.value} a week",
        steps * tariff.value,
        "week",
        (lower, step, tariff),
    )
    return income + steps * tariff.value, [line]
