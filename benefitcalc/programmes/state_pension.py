"""State Pension age (Pensions Act 1995 s.126 and Sch 4): benefitcalc does not model pension age,
so the engine warns for anyone at or above the lowest State Pension age in the years covered."""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Warning
from benefitcalc.ruleview import RuleReader, Typed
from benefitcalc.scenario import Adult


class StatePensionRules(Struct, frozen=True):
    """The lowest State Pension age of anyone in the years covered."""

    minimum_age: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        return cls(minimum_age=rv.amount(r, "dwp.state_pension.minimum_age", unit="year", period="none"))


def pension_age_warning(adult: Adult, rules: StatePensionRules) -> Warning | None:
    """A warning for an adult at or near State Pension age, where other rules apply."""
    if adult.age < rules.minimum_age.value:
        return None
    return Warning(
        "pension_age_not_modelled",
        f"{adult.name} is {adult.age}: at or near State Pension age, where NI stops, Pension Credit and "
        "Housing Benefit replace Universal Credit and other rules apply. benefitcalc does not model "
        "pension age: treat these figures with care.",
    )
