"""What an employer pays into a workplace pension: saving, not money lost.

Employee contributions are taken off pay (so off disposable income), but they are the worker's own
saving, and the employer adds to them. The analysis reports the least the employer must add by law
(Pensions Act 2008 s.20(1): 3% of qualifying earnings for a defined-contribution scheme to qualify),
for each adult who pays into a pension at a point, so that advice never treats joining as a loss.
"""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import PointResult
from benefitcalc.engine import Context
from benefitcalc.loader import Param
from benefitcalc.periods import ZERO

_RULES = "dwp.automatic_enrolment"


def _value(ctx: Context, name: str) -> Decimal:
    param = ctx.params.get(f"{_RULES}.{name}")
    assert isinstance(param, Param), name
    return Decimal(str(param.value))


def employer_minimum(ctx: Context, point: PointResult) -> dict[str, Decimal]:
    """Each adult's employer contribution a year, at the legal minimum, where the adult pays into a pension.

    s.20(1): at least 3% of qualifying earnings (pay between the lower and upper limits of the band,
    s.13). An adult who pays nothing in (below the trigger, or no pension) gets 0.
    """
    if all(earnings.pension <= 0 for earnings in point.earnings):  # the usual case: no rules to read
        return {earnings.name: ZERO for earnings in point.earnings}
    lower, upper = _value(ctx, "qualifying_earnings_lower"), _value(ctx, "qualifying_earnings_upper")
    rate = _value(ctx, "minimum_employer_contribution")
    out: dict[str, Decimal] = {}
    for earnings in point.earnings:
        if earnings.pension <= 0:
            out[earnings.name] = ZERO
            continue
        qualifying = max(ZERO, min(earnings.gross, upper) - lower)
        out[earnings.name] = qualifying * rate
    return out
