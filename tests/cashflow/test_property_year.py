"""Property: over a year of steady work, the timeline's Universal Credit differs from the steady-state
calculation's only by the paydays' calendar (how many paydays each assessment period holds).

The households are kept where the award is linear in earnings (a single person, no work allowance, pay
under the tax and NI thresholds, never a nil award), so for each assessment period
UC(timeline) - UC(steady) = -55% x (pay received in it - a steady month's pay), each award to the penny.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from benefitcalc.cashflow import options_for, timeline
from benefitcalc.engine import Context, calculate_point
from benefitcalc.loader import RuleSet
from benefitcalc.programmes.rule_views import views_for
from benefitcalc.scenario import scenario_from_data
from hypothesis import given, settings
from hypothesis import strategies as st

FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly", "last_working_day")


@settings(max_examples=12, deadline=None)
@given(
    # At most 12 hours: an assessment period can hold two monthly paydays (paid on the last working
    # day, periods from the 28th), and 2 x 12 h x 15.00 x 52 / 12 = 1,560.00 takes 858.00 of the
    # 900.14 maximum (standard allowance 400.14 + rent 500), so the award is never nil; at 13 hours
    # it is (1,690.00 x 55% = 929.50), which is outside this property's linear case.
    hours=st.integers(min_value=4, max_value=12),
    frequency=st.sampled_from(FREQUENCIES),
    start_offset=st.integers(min_value=0, max_value=60),
    ap_day=st.integers(min_value=1, max_value=31),
)
def test_year_of_uc_matches_steady_state_but_for_the_calendar(
    ruleset: RuleSet, hours: int, frequency: str, start_offset: int, ap_day: int
) -> None:
    start = dt.date(2025, 5, 5) + dt.timedelta(days=start_offset)
    s = scenario_from_data(
        {
            "adults": [{"age": 30, "job": {"hourly_pay": 15, "hours": hours, "start_date": start.isoformat(),
                                           "pay_frequency": frequency}}],
            "housing": {"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}},
            "universal_credit": {"assessment_period_start_day": ap_day},
        }
    )  # fmt: skip
    t = timeline(s, ruleset, options_for(s, months=15))
    steady_month = Decimal(15 * hours) * 52 / 12
    # The periods from the one after the first payday: every one of them is a full period of work
    first_full = next(i for i, p in enumerate(t.periods) if p.payslips) + 1
    periods = t.periods[first_full : first_full + 12]
    assert len(periods) == 12
    difference = calendar = Decimal(0)
    for p in periods:
        ctx = Context(ruleset, p.start, ruleset.at(p.start), views_for(ruleset, p.start))
        steady_uc = calculate_point(s, ctx).programmes["universal_credit"].amount
        assert p.award.amount > 0
        difference += p.award.amount - steady_uc
        calendar += p.gross - steady_month
    assert abs(difference + Decimal("0.55") * calendar) <= Decimal("0.12")
    if frequency == "monthly":  # one payday of a month's pay in every assessment period
        assert calendar == 0
