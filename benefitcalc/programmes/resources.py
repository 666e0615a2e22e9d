"""What the programmes worked out first give Housing Benefit and council tax reduction to read.

Both are worked out after Universal Credit and the other benefits: they read each earner's pay,
the weekly benefits in payment and the UC award. This module sits below both, so neither imports
the other.
"""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct

from benefitcalc.breakdown import PersonEarnings, ProgrammeResult
from benefitcalc.periods import ZERO
from benefitcalc.scenario import Scenario

# The carer premium's benefit test: Carer's Allowance, or Scotland's Carer Support Payment, in
# payment (HB Regs 2006 Sch 3 para 17; the same in the council tax reduction schemes).
CARER_BENEFITS = ("carers_allowance", "carer_support_payment")


class Resources(Struct, frozen=True):
    """Pay, other benefits and Universal Credit, as Housing Benefit and council tax reduction read them."""

    earnings: tuple[PersonEarnings, ...]
    benefits: tuple[tuple[str, str, Decimal], ...] = ()  # (programme, adult name, weekly amount paid)
    universal_credit: ProgrammeResult | None = None

    @property
    def on_universal_credit(self) -> bool:
        """An award of UC above nothing."""
        return self.universal_credit is not None and self.universal_credit.amount > 0

    @property
    def receives_carer_benefit(self) -> bool:
        """Carer's Allowance or Carer Support Payment in payment to someone in the household."""
        return any(programme in CARER_BENEFITS and weekly > 0 for programme, _, weekly in self.benefits)


def additional_disregard_applies(scenario: Scenario, resources: Resources) -> bool:
    """Additional earnings disregard: 30 hours a week and aged 25+, or 16 hours for a lone parent, a
    couple with a child or a disabled worker (Default Scheme Sch 5 para 15 pattern; HB Regs Sch 4 para 17)."""
    hours = {e.name: e.hours for e in resources.earnings}
    for adult in scenario.adults:
        worked = hours.get(adult.name, ZERO)
        if worked >= 30 and adult.age >= 25:
            return True
        if worked >= 16 and (scenario.children or adult.receives_disability_benefit):
            return True
    return False
