"""Scottish Child Payment (Scottish Child Payment Regulations 2020, SSI 2020/351): a weekly amount
for each child under 16 while the household gets a qualifying benefit. Of the qualifying benefits
only Universal Credit is modelled, so the payment stops when UC tapers to nil: a cliff."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.periods import ZERO
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Scenario

PROGRAMME = "scottish_child_payment"


class ScottishChildPaymentRules(Struct, frozen=True):
    """The weekly amount (reg 20) and the age limit (reg 18(b))."""

    weekly_amount: Typed[Decimal]
    maximum_child_age: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        scp = r.group("social_security_scotland.scottish_child_payment")
        return cls(
            weekly_amount=rv.amount(scp, "weekly_amount", period="week"),
            maximum_child_age=rv.amount(scp, "maximum_child_age", unit="year", period="none"),
        )


def eligible_children(scenario: Scenario, rules: ScottishChildPaymentRules, day: date) -> int:
    """Children under 16 on the day (SSI 2020/351 reg 18(b)), by `age` or `date_of_birth` (not 0 for a birth date)."""
    limit = rules.maximum_child_age.value
    return sum(1 for c in scenario.children if c.age_on(day) < limit)


def calculate(
    scenario: Scenario, rules: ScottishChildPaymentRules, universal_credit: ProgrammeResult, day: date
) -> ProgrammeResult | None:
    if scenario.nation != "scotland":
        return None
    children = eligible_children(scenario, rules, day)
    if not children:
        return None
    weekly, age = rules.weekly_amount, rules.maximum_child_age
    if universal_credit.amount <= 0:
        lost = weekly.value * children
        line = Line(
            "award",
            "No Scottish Child Payment: no Universal Credit in payment (SSI 2020/351 reg 18)",
            ZERO,
            "week",
            cite(weekly),
        )
        warning = Warning(
            "scottish_child_payment_ends",
            f"Scottish Child Payment of £{lost} a week ({children} child(ren)) stops when Universal Credit stops; "
            "it needs at least 1p of UC (or another qualifying benefit).",
        )
        return ProgrammeResult(PROGRAMME, ZERO, "week", (line,), (warning,), (("lost", lost),))
    amount = weekly.value * children
    lines = (
        Line(
            "per_child",
            f"{children} child(ren) under {age.value} x £{weekly.value} (reg 20)",
            amount,
            "week",
            cite(weekly, age),
        ),
        Line("award", "Scottish Child Payment a week (ignored as income by UC)", amount, "week"),
    )
    return ProgrammeResult(PROGRAMME, amount, "week", lines)
