"""Help with childcare: Universal Credit's childcare costs element or Tax-Free Childcare, not both
(Childcare Payments Act 2014 s.11)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from benefitcalc.analysis.results import ChildcareChoice
from benefitcalc.breakdown import PointResult
from benefitcalc.periods import ZERO, pence


def childcare_choice(point: PointResult) -> ChildcareChoice | None:
    """Which help with childcare is worth more at this point (monthly), where the household pays for childcare."""
    tfc = point.programmes.get("tax_free_childcare")
    if tfc is None:
        return None
    uc = point.programmes.get("universal_credit")
    award = uc.amount if uc is not None else ZERO
    element = ZERO
    if uc is not None:
        element = next((line.amount for line in uc.lines if line.key == "childcare_element"), ZERO)
    value = tfc.fact("value_if_eligible", ZERO)
    assert isinstance(value, Decimal)
    monthly_tfc = pence(value / 12)
    better: Literal["universal_credit", "tax_free_childcare", "neither"]
    if award > 0 and monthly_tfc > award:
        better = "tax_free_childcare"
        message = (
            f"Tax-Free Childcare (£{monthly_tfc:,.2f} a month) is worth more than the whole Universal Credit award "
            f"(£{award:,.2f}), but choosing it ends UC and the help that comes with UC."
        )
    elif award > 0:
        better = "universal_credit"
        message = (
            f"Universal Credit (£{award:,.2f} a month, with a childcare element of £{pence(element):,.2f}) "
            f"is worth more than Tax-Free Childcare (£{monthly_tfc:,.2f})."
        )
    elif monthly_tfc > 0:
        better = "tax_free_childcare"
        message = (
            f"Not on Universal Credit here: Tax-Free Childcare pays £{monthly_tfc:,.2f} a month towards childcare."
        )
    else:
        better = "neither"
        message = "Neither Universal Credit nor Tax-Free Childcare helps with childcare here."
    return ChildcareChoice(point.hours, award, pence(element), monthly_tfc, better, message)
