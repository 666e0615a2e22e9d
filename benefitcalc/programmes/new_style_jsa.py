"""New Style JSA (Jobseekers Act 1995; JSA Regulations 2013, SI 2013/378), weekly.

No JSA in a week of remunerative work of 16 hours or more (s.1(2)(e); reg 42); otherwise earnings
above the disregard reduce it pound for pound (reg 60).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, pence, positive
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult

PROGRAMME = "new_style_jsa"


class NewStyleJsaRules(Struct, frozen=True):
    """Personal allowances (reg 49), the earnings disregard (reg 60) and the remunerative-work hours (reg 42)."""

    allowance_18_to_24: Typed[Decimal]
    allowance_25_or_over: Typed[Decimal]
    earnings_disregard: Typed[Decimal]
    remunerative_work_hours: Typed[Decimal]
    pension_contribution_share: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        jsa = r.group("dwp.new_style_jsa")
        return cls(
            allowance_18_to_24=rv.amount(jsa, "personal_allowance.age_18_to_24", period="week"),
            allowance_25_or_over=rv.amount(jsa, "personal_allowance.age_25_or_over", period="week"),
            earnings_disregard=rv.amount(jsa, "earnings_disregard", period="week"),
            remunerative_work_hours=rv.amount(jsa, "remunerative_work_hours", unit="hour", period="week"),
            pension_contribution_share=rv.rate(jsa, "pension_contribution_share"),
        )


def calculate(adult: Adult, e: PersonEarnings, rules: NewStyleJsaRules) -> ProgrammeResult | None:
    if not adult.new_style_jsa:
        return None
    allowance = rules.allowance_18_to_24 if adult.age < 25 else rules.allowance_25_or_over
    lines = [Line("personal_allowance", "Personal allowance (reg 49)", allowance.value, "week", cite(allowance))]
    limit = rules.remunerative_work_hours
    if e.hours >= limit.value:
        lines.append(
            Line(
                "award",
                f"No JSA: {e.hours} hours is remunerative work ({limit.value} hours or more, reg 42)",
                ZERO,
                "week",
                cite(limit),
            )
        )
        warning = Warning(
            "jsa_remunerative_work",
            f"{adult.name}: New Style JSA of £{allowance.value} a week stops at {limit.value} hours of work a week.",
        )
        return ProgrammeResult(PROGRAMME, ZERO, "week", tuple(lines), (warning,), (("lost", allowance.value),))
    share = rules.pension_contribution_share
    earnings = net_weekly_earnings(e, share.value)
    disregard = rules.earnings_disregard
    deduction = positive(earnings - disregard.value)
    lines.append(
        Line(
            "earnings", "Weekly earnings less tax, NI and half of pension contributions", earnings, "week", cite(share)
        )
    )
    lines.append(
        Line(
            "earnings_deduction",
            f"Earnings above the £{disregard.value} disregard (reg 60)",
            deduction,
            "week",
            cite(disregard),
        )
    )
    amount = positive(allowance.value - deduction)
    lines.append(Line("award", "New Style JSA a week", amount, "week"))
    warnings: tuple[Warning, ...] = ()
    if deduction > 0:
        warnings = (
            Warning(
                "jsa_earnings",
                f"{adult.name}: earnings above £{disregard.value} a week reduce New Style JSA pound for pound "
                f"(£{pence(deduction)} a week).",
            ),
        )
    if adult.job is None and adult.self_employment is None and e.gross > 0:
        # Fixed `earnings` carry no hours: the 16-hour rule (s.1(2)(e)) cannot be checked; hours in a
        # business are work (remunerative work includes self-employment, reg 42) and are in ``e.hours``
        warnings += (
            Warning(
                "jsa_hours_unknown",
                f"{adult.name}: fixed earnings are given without hours; New Style JSA stops at {limit.value} hours "
                "of work a week, which is assumed not reached.",
            ),
        )
    return ProgrammeResult(PROGRAMME, amount, "week", tuple(lines), warnings)
