"""Scottish Child Payment (Scottish Child Payment Regulations 2020, SSI 2020/351): a weekly amount
for each child under 16 while the household gets a qualifying benefit. Of the qualifying benefits
only Universal Credit is modelled, so the payment stops when UC tapers to nil: a cliff."""

from __future__ import annotations

from datetime import date

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.loader import ParameterNode
from benefitcalc.periods import ZERO
from benefitcalc.scenario import Scenario

PROGRAMME = "scottish_child_payment"


def eligible_children(scenario: Scenario, p: ParameterNode, day: date) -> int:
    """Children under 16 on the day (SSI 2020/351 reg 18(b)), by `age` or `date_of_birth` (not 0 for a birth date)."""
    limit = p.social_security_scotland.scottish_child_payment.maximum_child_age.value
    return sum(1 for c in scenario.children if c.age_on(day) < limit)


def calculate(
    scenario: Scenario, p: ParameterNode, universal_credit: ProgrammeResult, day: date
) -> ProgrammeResult | None:
    if scenario.nation != "scotland":
        return None
    children = eligible_children(scenario, p, day)
    if not children:
        return None
    scp = p.social_security_scotland.scottish_child_payment
    if universal_credit.amount <= 0:
        lost = scp.weekly_amount.value * children
        line = Line(
            "award",
            "No Scottish Child Payment: no Universal Credit in payment (SSI 2020/351 reg 18)",
            ZERO,
            "week",
            (scp.weekly_amount,),
        )
        warning = Warning(
            "scottish_child_payment_ends",
            f"Scottish Child Payment of £{lost} a week ({children} child(ren)) stops when Universal Credit stops; it needs at least 1p of UC (or another qualifying benefit).",
        )
        return ProgrammeResult(PROGRAMME, ZERO, "week", (line,), (warning,), (("lost", lost),))
    amount = scp.weekly_amount.value * children
    lines = (
        Line(
            "per_child",
            f"{children} child(ren) under {scp.maximum_child_age.value} x £{scp.weekly_amount.value} (reg 20)",
            amount,
            "week",
            (scp.weekly_amount, scp.maximum_child_age),
        ),
        Line("award", "Scottish Child Payment a week (ignored as income by UC)", amount, "week"),
    )
    return ProgrammeResult(PROGRAMME, amount, "week", lines)
