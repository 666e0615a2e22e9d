"""New Style JSA (Jobseekers Act 1995; JSA Regulations 2013, SI 2013/378), weekly.

No JSA in a week of remunerative work of 16 hours or more (s.1(2)(e); reg 42); otherwise earnings
above the disregard reduce it pound for pound (reg 60).
"""

from __future__ import annotations

from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.loader import ParameterNode
from benefitcalc.periods import ZERO, pence, positive
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings
from benefitcalc.scenario import Adult

PROGRAMME = "new_style_jsa"


def calculate(adult: Adult, e: PersonEarnings, p: ParameterNode) -> ProgrammeResult | None:
    if not adult.new_style_jsa:
        return None
    jsa = p.dwp.new_style_jsa
    param = jsa.personal_allowance.age_18_to_24 if adult.age < 25 else jsa.personal_allowance.age_25_or_over
    lines = [Line("personal_allowance", "Personal allowance (reg 49)", param.value, "week", (param,))]
    limit = jsa.remunerative_work_hours
    if e.hours >= limit.value:
        lines.append(
            Line(
                "award",
                f"No JSA: {e.hours} hours is remunerative work ({limit.value} hours or more, reg 42)",
                ZERO,
                "week",
                (limit,),
            )
        )
        warning = Warning(
            "jsa_remunerative_work",
            f"{adult.name}: New Style JSA of £{param.value} a week stops at {limit.value} hours of work a week.",
        )
        return ProgrammeResult(PROGRAMME, ZERO, "week", tuple(lines), (warning,), (("lost", param.value),))
    share = jsa.pension_contribution_share
    earnings = net_weekly_earnings(e, share.value)
    disregard = jsa.earnings_disregard
    deduction = positive(earnings - disregard.value)
    lines.append(
        Line("earnings", "Weekly earnings less tax, NI and half of pension contributions", earnings, "week", (share,))
    )
    lines.append(
        Line(
            "earnings_deduction",
            f"Earnings above the £{disregard.value} disregard (reg 60)",
            deduction,
            "week",
            (disregard,),
        )
    )
    amount = positive(param.value - deduction)
    lines.append(Line("award", "New Style JSA a week", amount, "week"))
    warnings: tuple[Warning, ...] = ()
    if deduction > 0:
        warnings = (
            Warning(
                "jsa_earnings",
                f"{adult.name}: earnings above £{disregard.value} a week reduce New Style JSA pound for pound (£{pence(deduction)} a week).",
            ),
        )
    if adult.job is None and e.gross > 0:
        # Fixed `earnings` carry no hours: the 16-hour rule (s.1(2)(e)) cannot be checked
        warnings += (
            Warning(
                "jsa_hours_unknown",
                f"{adult.name}: fixed earnings are given without hours; New Style JSA stops at {limit.value} hours of work a week, which is assumed not reached.",
            ),
        )
    return ProgrammeResult(PROGRAMME, amount, "week", tuple(lines), warnings)
