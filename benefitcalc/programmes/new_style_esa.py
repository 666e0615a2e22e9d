"""New Style ESA (Welfare Reform Act 2007 Part 1; ESA Regulations 2013, SI 2013/379), weekly.

Work while on ESA must be "exempt work" (reg 39), or the claimant is treated as not having limited
capability for work that week (reg 37) and no ESA is paid: a cliff, reported as a warning.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, pence
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult

PROGRAMME = "new_style_esa"


class NewStyleEsaRules(Struct, frozen=True):
    """The basic allowance (reg 62), the support component (reg 63) and the permitted work limits (reg 39)."""

    assessment_phase_under_25: Typed[Decimal]
    assessment_phase_25_or_over: Typed[Decimal]
    main_phase: Typed[Decimal]
    support_component: Typed[Decimal]
    permitted_work_lower_limit: Typed[Decimal]
    permitted_work_higher_limit: Typed[Decimal]
    permitted_work_hours_limit: Typed[Decimal]
    pension_contribution_share: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        esa = r.group("dwp.new_style_esa")
        pw = esa.group("permitted_work")
        return cls(
            assessment_phase_under_25=rv.amount(esa, "basic_allowance.assessment_phase_under_25", period="week"),
            assessment_phase_25_or_over=rv.amount(esa, "basic_allowance.assessment_phase_25_or_over", period="week"),
            main_phase=rv.amount(esa, "basic_allowance.main_phase", period="week"),
            support_component=rv.amount(esa, "support_component", period="week"),
            permitted_work_lower_limit=rv.amount(pw, "lower_limit", period="week"),
            permitted_work_higher_limit=rv.amount(pw, "higher_limit", period="week"),
            permitted_work_hours_limit=rv.amount(pw, "hours_limit", unit="hour", period="week"),
            pension_contribution_share=rv.rate(pw, "pension_contribution_share"),
        )


def rate(adult: Adult, rules: NewStyleEsaRules) -> tuple[Decimal, list[Line]]:
    if adult.new_style_esa == "assessment":
        basic = rules.assessment_phase_under_25 if adult.age < 25 else rules.assessment_phase_25_or_over
        return basic.value, [
            Line("basic_allowance", "Basic allowance, assessment phase (reg 62)", basic.value, "week", cite(basic))
        ]
    main = rules.main_phase
    lines = [Line("basic_allowance", "Basic allowance, main phase (reg 62)", main.value, "week", cite(main))]
    amount = main.value
    if adult.new_style_esa == "support":
        support = rules.support_component
        amount += support.value
        lines.append(Line("support_component", "Support component (reg 63)", support.value, "week", cite(support)))
    return amount, lines


def calculate(adult: Adult, e: PersonEarnings, rules: NewStyleEsaRules) -> ProgrammeResult | None:
    if adult.new_style_esa == "none":
        return None
    amount, lines = rate(adult, rules)
    warnings: list[Warning] = []
    if adult.new_style_esa == "wrag":
        warnings.append(
            Warning(
                "esa_wrag_component",
                f"{adult.name}: the work-related activity component is paid only on claims from before 3 April 2017 "
                "and is not included.",
            )
        )
    if e.gross <= 0:
        lines.append(Line("award", "New Style ESA a week", amount, "week"))
        return ProgrammeResult(PROGRAMME, amount, "week", tuple(lines), tuple(warnings), (("exempt_work", True),))

    share = rules.pension_contribution_share
    earnings = net_weekly_earnings(e, share.value)
    hours = e.hours
    lines.append(
        Line(
            "permitted_work_earnings",
            "Weekly earnings less tax, NI and half of pension contributions (net earnings; for self-employment the "
            "net profit)"
            if adult.self_employment is not None
            else "Weekly earnings less tax, NI and half of pension contributions (net earnings)",
            earnings,
            "week",
            cite(share),
        )
    )
    lower, higher = rules.permitted_work_lower_limit, rules.permitted_work_higher_limit
    hours_limit = rules.permitted_work_hours_limit
    params = cite(lower, higher, hours_limit)
    if adult.job is None and adult.self_employment is None and earnings > lower.value:
        # Fixed `earnings` carry no hours: the reg 39(1) hours condition cannot be checked (the hours
        # in a business count as work, and `self_employment.hours_per_week` gives them)
        warnings.append(
            Warning(
                "esa_hours_unknown",
                f"{adult.name}: fixed earnings are given without hours; permitted work above £{lower.value} a week "
                f"also needs under {hours_limit.value} hours a week (reg 39(1)), which is assumed here.",
            )
        )
    # reg 39(1): (a) earnings up to the lower limit, any hours; (b) supported work up to the higher
    # limit; (c) under 16 hours a week and earnings up to the higher limit.
    if earnings <= lower.value:
        why = f"earnings of £{pence(earnings)} a week are within the £{lower.value} lower limit (any hours)"
        exempt = True
    elif adult.supported_permitted_work and earnings <= higher.value:
        why = f"supported permitted work with earnings of £{pence(earnings)}, within the £{higher.value} limit"
        exempt = True
    elif hours < hours_limit.value and earnings <= higher.value:
        why = (
            f"{hours} hours (under {hours_limit.value}) and earnings of £{pence(earnings)}, "
            f"within the £{higher.value} limit"
        )
        exempt = True
    else:
        exempt = False
        reasons = []
        if hours >= hours_limit.value and not adult.supported_permitted_work:
            reasons.append(f"{hours} hours a week is not under {hours_limit.value}")
        if earnings > higher.value:
            reasons.append(
                f"earnings of £{pence(earnings)} a week are £{pence(earnings - higher.value)} over the £{higher.value} "
                "limit"
            )
        why = "; ".join(reasons)
    if exempt:
        lines.append(Line("permitted_work", f"Permitted work (reg 39): {why}", ZERO, "week", params))
        lines.append(Line("award", "New Style ESA a week", amount, "week"))
        warnings.append(
            Warning(
                "esa_permitted_work",
                f"{adult.name}: this work can be permitted work on New Style ESA; tell DWP before starting (form PW1).",
            )
        )
        return ProgrammeResult(PROGRAMME, amount, "week", tuple(lines), tuple(warnings), (("exempt_work", True),))
    lines.append(Line("permitted_work", f"Not permitted work (reg 39): {why}", ZERO, "week", params))
    lines.append(
        Line("award", "New Style ESA: none while doing this work (reg 37: treated as not having LCW)", ZERO, "week")
    )
    warnings.append(
        Warning(
            "esa_permitted_work_limit",
            f"{adult.name}: New Style ESA of £{pence(amount)} a week stops: {why}. Permitted work allows under "
            f"{hours_limit.value} hours and up to £{higher.value} a week (or up to £{lower.value} a week at any "
            "hours).",
        )
    )
    return ProgrammeResult(
        PROGRAMME, ZERO, "week", tuple(lines), tuple(warnings), (("exempt_work", False), ("lost", amount))
    )
