"""Child Benefit (SSCBA 1992 s.141; Child Benefit (Rates) Regulations 2006) and the High Income
Child Benefit Charge (ITEPA 2003 ss.681B-681H)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benefitcalc.breakdown import Line, PersonTax, ProgrammeResult, Warning
from benefitcalc.loader import ParameterNode
from benefitcalc.periods import WEEKS_IN_YEAR, ZERO, positive, pounds_down
from benefitcalc.scenario import Scenario

PROGRAMME = "child_benefit"


def calculate(scenario: Scenario, p: ParameterNode) -> ProgrammeResult | None:
    """Weekly Child Benefit: the eldest child's rate once, the other rate for each other child."""
    if not scenario.children:
        return None
    cb = p.hmrc.child_benefit
    lines = [Line("eldest_child", "Eldest or only child", cb.eldest_child.value, "week", (cb.eldest_child,))]
    others = len(scenario.children) - 1
    if others:
        lines.append(
            Line(
                "other_children",
                f"{others} other child(ren) x £{cb.other_child.value}",
                cb.other_child.value * others,
                "week",
                (cb.other_child,),
            )
        )
    total = sum((line.amount for line in lines), ZERO)
    lines.append(Line("award", "Child Benefit a week", total, "week"))
    return ProgrammeResult(PROGRAMME, total, "week", tuple(lines))


def high_income_charge(
    child_benefit: ProgrammeResult | None, taxes: Sequence[PersonTax], p: ParameterNode
) -> tuple[Decimal, tuple[Line, ...], tuple[Warning, ...]]:
    """The charge for a year, on the partner with the higher adjusted net income (s.681C-681D):
    1% of the year's Child Benefit for each £200 of adjusted net income above £60,000, the
    percentage rounded down to a whole number and capped at 100%; the charge in whole pounds."""
    if child_benefit is None or child_benefit.amount <= 0:
        return ZERO, (), ()
    charge = p.hmrc.child_benefit.high_income_child_benefit_charge
    payer = max(taxes, key=lambda t: t.adjusted_net_income)
    excess = positive(payer.adjusted_net_income - charge.threshold.value)
    if excess <= 0:
        return ZERO, (), ()
    percent = min(Decimal(100), pounds_down(excess / charge.taper_step.value))
    annual = child_benefit.amount * WEEKS_IN_YEAR
    amount = pounds_down(annual * percent / 100)
    line = Line(
        "high_income_child_benefit_charge",
        f"{payer.name}: adjusted net income £{payer.adjusted_net_income:,.2f}; {percent}% of a year's Child Benefit of £{annual:,.2f} (ITEPA 2003 s.681C)",
        amount,
        "year",
        (charge.threshold, charge.taper_step),
    )
    warning = Warning(
        "high_income_child_benefit_charge",
        f"{payer.name}'s adjusted net income is over £{charge.threshold.value:,}: a High Income Child Benefit Charge of £{amount:,} a year is due "
        "through Self Assessment or PAYE. Paying more into a pension lowers adjusted net income.",
    )
    return amount, (line,), (warning,)
