"""What the cash-flow timeline reads from the rules besides the programmes' own views."""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.loader import ParameterNode
from benefitcalc.ruleview import RuleReader, Typed


class SurplusEarningsRules(Struct, frozen=True):
    """UC Regs 2013 reg 54A: the margin above the nil UC threshold that makes "the relevant threshold"
    (£2,500 in the temporary de minimis period, SI 2015/345 reg 5)."""

    relevant_threshold_margin: Typed[Decimal]

    @classmethod
    def from_params(cls, p: ParameterNode) -> Self:
        r = RuleReader(p).group("dwp.universal_credit_surplus_earnings")
        return cls(rv.amount(r, "relevant_threshold_margin", period="month"))
