"""Child Benefit (SSCBA 1992 s.141; Child Benefit (Rates) Regulations 2006) and the High Income
Child Benefit Charge (ITEPA 2003 ss.681B-681H)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, PersonTax, ProgrammeResult, Warning
from benefitcalc.periods import WEEKS_IN_YEAR, ZERO, positive, pounds_down
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Scenario

PROGRAMME = "child_benefit"


class ChildBenefitRules(Struct, frozen=True):
    """The weekly rates (Child Benefit (Rates) Regs 2006 reg 2) and the charge's threshold and step (s.681C)."""

    eldest_child: Typed[Decimal]
    other_child: Typed[Decimal]
    charge_threshold: Typed[Decimal]
    charge_taper_step: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        cb = r.group("hmrc.child_benefit")
        return cls(
            eldest_child=rv.amount(cb, "eldest_child", period="week"),
            other_child=rv.amount(cb, "other_child", period="week"),
            charge_threshold=rv.amount(cb, "high_income_child_benefit_charge.threshold", period="year"),
            charge_taper_step=rv.amount(cb, "high_income_child_benefit_charge.taper_step", period="year"),
        )


def calculate(scenario: Scenario, rules: ChildBenefitRules) -> ProgrammeResult | None:
    """Weekly Child Benefit: the eldest child's rate once, the other rate for each other child."""
    if not scenario.children:
        return None
    eldest, other = rules.eldest_child, rules.other_child
    lines = [Line("eldest_child", "Eldest or only child", eldest.value, "week", cite(eldest))]
    others = len(scenario.children) - 1
    if others:
        lines.append(
            Line(
                "other_children",
                f"{others} other child(ren) x £{other.value}",
                other.value * others,
                "week",
                cite(other),
            )
        )
    total = sum((line.amount for line in lines), ZERO)
    lines.append(Line("award", "Child Benefit a week", total, "week"))
    return ProgrammeResult(PROGRAMME, total, "week", tuple(lines))


def high_income_charge(
    child_benefit: ProgrammeResult | None, taxes: Sequence[PersonTax], rules: ChildBenefitRules
) -> tuple[Decimal, tuple[Line, ...], tuple[Warning, ...]]:
    """The charge for a year, on the partner with the higher adjusted net income (s.681C-681D):
    1% of the year's Child Benefit for each £200 of adjusted net income above £60,000, the
    percentage rounded down to a whole number and capped at 100%; the charge in whole pounds."""
    if child_benefit is None or child_benefit.amount <= 0:
        return ZERO, (), ()
    threshold, step = rules.charge_threshold, rules.charge_taper_step
    payer = max(taxes, key=lambda t: t.adjusted_net_income)
    excess = positive(payer.adjusted_net_income - threshold.value)
    if excess <= 0:
        return ZERO, (), ()
    percent = min(Decimal(100), pounds_down(excess / step.value))
    annual = child_benefit.amount * WEEKS_IN_YEAR
    amount = pounds_down(annual * percent / 100)
    line = Line(
        "high_income_child_benefit_charge",
        f"{payer.name}: adjusted net income £{payer.adjusted_net_income:,.2f}; {percent}% of a year's Child Benefit "
        f"of £{annual:,.2f} (ITEPA 2003 s.681C)",
        amount,
        "year",
        cite(threshold, step),
    )
    warning = Warning(
        "high_income_child_benefit_charge",
        f"{payer.name}'s adjusted net income is over £{threshold.value:,}: a High Income Child Benefit Charge of "
        f"£{amount:,} a year is due through Self Assessment or PAYE. Paying more into a pension lowers adjusted "
        "net income.",
    )
    return amount, (line,), (warning,)
