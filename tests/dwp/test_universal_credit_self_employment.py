"""Universal Credit with self-employment: the minimum income floor (UC Regs 2013 regs 62-64, 88, 90),
worked by hand from the 2025-26 rules (day 7 April 2025).

National living wage £12.21 (aged 21 or over). Individual threshold for 35 expected hours:
35 x 12.21 = 427.35 a week x 52 / 12 = 1,851.85 a month. Notional deduction (reg 62(4)): as a year,
22,222.20; tax 20% x (22,222.20 - 12,570 = 9,652.20) = 1,930.44; Class 4 6% x 9,652.20 = 579.132;
together 2,509.572 / 12 = 209.131 -> 209.13. Floor 1,851.85 - 209.13 = 1,642.72.

For 30 hours (the responsible carer of a child under 13, reg 88(2)(a)): 30 x 12.21 = 366.30 x 52 / 12
= 1,587.30; as a year 19,047.60; tax 20% x 6,477.60 = 1,295.52; Class 4 6% x 6,477.60 = 388.656;
1,684.176 / 12 = 140.348 -> 140.35. Floor 1,587.30 - 140.35 = 1,446.95.

Standard allowance single 25+ 400.14; taper 55%; lower work allowance 411; child element (first
child, born before 6 April 2017) 339.00.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.breakdown import PointResult
from hypothesis import given, settings
from hypothesis import strategies as st

D = Decimal


def _adult(profit: str, **extra: Any) -> dict[str, Any]:
    business = {"profit": {"amount": profit, "period": "month"}, "hours_per_week": 30, "started": "2020-01-01"}
    business.update(extra.pop("business", {}))
    return {"name": "Alex", "age": 30, "self_employment": business, **extra}


def _household(*adults: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"tax_year": "2025-26", "adults": list(adults), **extra}


def _uc(point: PointResult, key: str) -> Decimal:
    return point.programmes["universal_credit"].line(key).amount


def test_single_claimant_below_the_floor(ruleset: Any) -> None:
    """Profit 800 a month (9,600 a year: no tax, no Class 4). Earned income is lifted to 1,642.72, by
    842.72. Rent 600: maximum 400.14 + 600 = 1,000.14; deduction 55% x 1,642.72 = 903.496 -> 903.50;
    UC 96.64."""
    household = _household(_adult("800"), housing={"tenure": "private_rent", "rent": {"amount": 600, "period": "month"},
                                                    "local_housing_allowance": {"amount": 600, "period": "month"}})  # fmt: skip
    point = benefitcalc.calculate(household, rules=ruleset)
    assert _uc(point, "self_employed_earnings") == D("800")
    assert _uc(point, "minimum_income_floor") == D("842.72")
    assert _uc(point, "earned_income") == D("1642.72")
    assert _uc(point, "losses_brought_forward") == 0
    assert _uc(point, "surplus_earnings") == 0
    assert point.programmes["universal_credit"].amount == D("96.64")
    codes = {w.code: w.message for w in point.warnings}
    assert (
        "UC treats Alex as earning at least £1,642.72 a month once the business is past its first year"
        in (codes["minimum_income_floor"])
    )
    assert "self_employed_reporting" in codes


def test_couple_where_the_other_partner_is_employed(ruleset: Any) -> None:
    """Sam works 35 h x 15.00 = 525 a week, 27,300 a year: tax 20% x 14,730 = 2,946; NI 8% x 14,730 =
    1,178.40; net 23,175.60 / 12 = 1,931.30 a month. Alex's profit 500 a month (no tax or NI).
    Thresholds: each 1,642.72 (35 hours), couple 3,285.44 (reg 90(3)(a)). Alex 500 < 1,642.72 and
    the couple's 2,431.30 < 3,285.44, so Alex is treated as earning 1,642.72 less the amount by which
    1,642.72 + 1,931.30 = 3,574.02 exceeds 3,285.44, i.e. 288.58: 1,354.14 (reg 62(3)), a lift of
    854.14; earned income 1,931.30 + 1,354.14 = 3,285.44."""
    sam = {"name": "Sam", "age": 30, "job": {"hourly_pay": "15.00", "hours": 35}}
    point = benefitcalc.calculate(_household(_adult("500"), sam), rules=ruleset)
    assert _uc(point, "earned_income_Sam") == D("1931.30")
    assert _uc(point, "minimum_income_floor") == D("854.14")
    assert _uc(point, "earned_income") == D("3285.44")


def test_lcwra_is_exempt(ruleset: Any) -> None:
    """LCWRA: no work-related requirements (Act s.19(2)(a)), so no floor: earned income is the 500."""
    point = benefitcalc.calculate(_household(_adult("500", universal_credit_health="lcwra")), rules=ruleset)
    assert _uc(point, "minimum_income_floor") == 0
    assert _uc(point, "earned_income") == D("500")
    assert (
        "limited capability for work and work-related activity"
        in point.programmes["universal_credit"].line("minimum_income_floor").label
    )


def test_start_up_period(ruleset: Any) -> None:
    """Started 1 January 2025: the start-up period runs 12 months to 1 January 2026, so on 7 April 2025
    there is no floor, and the warnings say when it starts and that it ends inside the year shown."""
    point = benefitcalc.calculate(_household(_adult("500", business={"started": "2025-01-01"})), rules=ruleset)
    assert _uc(point, "minimum_income_floor") == 0
    assert _uc(point, "earned_income") == D("500")
    codes = {w.code: w.message for w in point.warnings}
    assert (
        "at least £1,642.72 a month once the business is past its first year, from 2026-01-01"
        in (codes["minimum_income_floor_after_start_up"])
    )
    assert "start-up period ends on 2026-01-01" in codes["start_up_period_ends"]


def test_no_second_start_up_period_within_five_years(ruleset: Any) -> None:
    """A start-up period began on 1 June 2021, under 5 years before the new business (reg 63(2)): the
    floor applies at once, lifting 500 to 1,642.72."""
    business = {"started": "2025-01-01", "previous_start_up_period": "2021-06-01"}
    point = benefitcalc.calculate(_household(_adult("500", business=business)), rules=ruleset)
    assert _uc(point, "minimum_income_floor") == D("1142.72")


def _lone_parent(*ages: int) -> dict[str, Any]:
    return _household(_adult("500"), children=[{"age": age} for age in ages])


def test_lone_parent_of_a_child_of_2_is_exempt(ruleset: Any) -> None:
    """Youngest child aged 2: work preparation only (reg 91A), not all requirements: no floor."""
    for ages in ((2,), (2, 10)):
        point = benefitcalc.calculate(_lone_parent(*ages), rules=ruleset)
        assert _uc(point, "minimum_income_floor") == 0
        assert "reg 91A" in point.programmes["universal_credit"].line("minimum_income_floor").label


def test_lone_parent_of_a_child_of_10(ruleset: Any) -> None:
    """Child of 10: all requirements, 30 expected hours (reg 88(2)(a)): the floor is 1,446.95, a lift of
    946.95 over the 500 profit."""
    point = benefitcalc.calculate(_lone_parent(10), rules=ruleset)
    assert _uc(point, "minimum_income_floor") == D("946.95")
    assert _uc(point, "earned_income") == D("1446.95")


def test_expected_hours_agreed_with_the_work_coach(ruleset: Any) -> None:
    """16 hours agreed: 16 x 12.21 = 195.36 x 52 / 12 = 846.56; as a year 10,158.72, under the
    personal allowance and the lower profits limit, so no notional deduction: floor 846.56."""
    point = benefitcalc.calculate(_household(_adult("500", expected_hours_per_week=16)), rules=ruleset)
    assert _uc(point, "earned_income") == D("846.56")


def _parent_with_profit(monthly: Decimal) -> dict[str, Any]:
    return _household(
        _adult(str(monthly)),
        children=[{"age": 10}],
        housing={"tenure": "social_rent", "rent": {"amount": 900, "period": "month"}, "bedrooms": 2},
    )


def _award(ruleset: Any, monthly: Decimal) -> Decimal:
    return benefitcalc.calculate(_parent_with_profit(monthly), rules=ruleset).programmes["universal_credit"].amount


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=1700_00, max_value=2500_00).map(lambda p: D(p) / 100),
    st.integers(min_value=1, max_value=300_00).map(lambda p: D(p) / 100),
)
def test_above_the_floor_each_pound_of_profit_costs_55p_of_uc_after_tax_and_ni(
    ruleset: Any, profit: Decimal, extra: Decimal
) -> None:
    """Above the floor (1,446.95 net; 1,700 a month profit nets 1,530.35) and in the basic rate band
    (profit up to 2,800 a month, 33,600 a year), each extra £1 of profit a month pays 20p tax and 6p
    Class 4, leaving 74p of earned income, of which UC takes 55%: 40.7p a pound, so UC falls by 55p
    for each £1 of profit after tax and NI. The award is rounded to the penny (reg 6(1)): within 1p."""
    drop = _award(ruleset, profit) - _award(ruleset, profit + extra)
    assert abs(drop - extra * D("0.74") * D("0.55")) <= D("0.01")


def test_below_the_floor_more_profit_does_not_raise_uc(ruleset: Any) -> None:
    """Profits of 200 and 1,200 a month are both below the 1,446.95 floor: the same award."""
    assert _award(ruleset, D(200)) == _award(ruleset, D(1200))
