"""Cliff edges found to the penny of weekly pay, with the cause named; worked by hand from the rules.

Rules in force on 6 April 2026 (tax_year 2026-27), from rules/:
  New Style ESA: basic allowance (main phase) £95.55 + support component £50.35 = £145.90 a week;
    permitted work (ESA Regs 2013 reg 39): under 16 hours and net earnings up to £203.50 a week,
    or up to £20.00 a week at any hours. ESA is taxable.
  Carer's Allowance: £86.45 a week; earnings limit £204 a week of earnings less tax, NI and half of
    pension contributions, fractions of a penny ignored. Taxable.
  Automatic enrolment: earnings trigger £10,000 a year (enrolled on more than it); 5% of qualifying
    earnings above £6,240.
  Income tax: personal allowance £12,570, basic rate 20%; NI primary threshold £12,570, 8%.
  Scottish Child Payment: £28.20 a week for each child under 16 while UC is paid.
Capital of £20,000 (above UC's £16,000 limit, reg 18) keeps Universal Credit out of a case, so the
edge is the programme's own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.analysis import run
from benefitcalc.engine import make_context
from benefitcalc.scenario import scenario_from_data

D = Decimal


def household(pay: str, adult: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tax_year": "2026-27",
        "adults": [{"name": "Robin", "age": 40, "job": {"hourly_pay": pay, "hours": 0}, **(adult or {})}],
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
        "capital": 20000,
    }
    data.update(extra)
    return data


def analyse(data: dict[str, Any], hours: list[str], ruleset: Any) -> Any:
    scenario = scenario_from_data(data)
    return run(scenario, [D(h) for h in hours], make_context(scenario, ruleset))


def test_esa_permitted_work_limit_located_to_the_penny(ruleset):
    analysis = analyse(household("20.00", {"new_style_esa": "support"}), ["0", "15"], ruleset)
    assert len(analysis.cliffs) == 1
    cliff = analysis.cliffs[0]
    # Under 16 hours, ESA stays while net earnings are at most £203.50. Pay of £203.50 a week is
    # £10,582 a year: no tax or NI on earnings alone (under £12,570), so net earnings = pay.
    # £203.50 is within the limit; £203.51 is over it.
    assert cliff.safe_gross_weekly_earnings == D("203.50")
    assert cliff.gross_weekly_earnings == D("203.51")
    # Hours at £20 an hour: 203.51 / 20 = 10.1755 -> 10.18 (rounded up: past the edge);
    # 203.50 / 20 = 10.175 -> 10.17 (rounded down: safe).
    assert cliff.hours == D("10.18") and cliff.safe_hours == D("10.17")
    assert cliff.cause == "esa_permitted_work_limit" and cliff.programme == "new_style_esa"
    # The loss. At £203.50: tax on pay + ESA = 10,582.00 + 145.90 x 52 (7,586.80) = 18,168.80,
    # less 12,570 = 5,598.80 at 20% = £1,119.76 a year = £21.5338 -> £21.53 a week;
    # disposable 203.50 - 21.53 + 145.90 = £327.87. At £203.51: no ESA, no tax: £203.51.
    # Weekly loss 327.87 - 203.51 = £124.36.
    assert cliff.weekly_loss == D("124.36")
    # A month: 203.50 x 52/12 = 881.8333 -> 881.83; tax 1,119.76 / 12 = 93.3133 -> 93.31;
    # ESA 145.90 x 52/12 = 632.2333 -> 632.23; disposable 1,420.75. Past the edge:
    # 203.51 x 52/12 = 881.8767 -> 881.88. Monthly loss 1,420.75 - 881.88 = £538.87.
    assert cliff.monthly_loss == D("538.87")
    # What changes, each part as it counts in disposable income, from the figures above: pay
    # +0.01 a week (881.83 -> 881.88: +0.05 a month), income tax 21.53 -> 0 (+21.53; 93.31 a month),
    # ESA 145.90 -> 0 (-145.90; -632.23 a month). They add up to the loss: -124.36 and -538.87.
    changes = {c.part: (c.weekly, c.monthly) for c in cliff.changes}
    assert changes == {
        "earnings": (D("0.01"), D("0.05")),
        "income_tax": (D("21.53"), D("93.31")),
        "new_style_esa": (D("-145.90"), D("-632.23")),
    }
    # The message names them with their figures, the largest loss first, then the gain.
    assert (
        "less than at 10.17 hours (£203.50 a week): New Style Employment and Support Allowance of £145.90 a week "
        "stops; income tax falls from £21.53 a week to nothing." in cliff.message
    )
    # Making up the loss: exactly, the safe side has 203.50 - 1,119.76/52 + 145.90 = £327.866154 a week.
    # Without ESA, above £241.7308 a week (12,570 / 52) pay p keeps p - 28% of (p - 241.7308)
    # = 0.72 p + 67.6846, which reaches 327.866154 at p = 361.3633: the first penny is £361.37
    # (361.37 keeps 327.8706; 361.36 keeps 327.8638), at 361.37 / 20 = 18.0685 -> 18.07 hours.
    assert cliff.recovered is not None
    assert cliff.recovered.gross_weekly_earnings == D("361.37")
    assert cliff.recovered.hours == D("18.07")


def test_esa_sixteen_hour_rule(ruleset):
    analysis = analyse(household("10.00", {"new_style_esa": "support"}), ["0", "20"], ruleset)
    assert len(analysis.cliffs) == 1
    cliff = analysis.cliffs[0]
    # At £10 an hour pay stays under £203.50 up to 20 hours, so the edge is the hours rule:
    # 16 hours (£160.00) is not "under 16"; £159.99 is 15.999 hours.
    assert cliff.gross_weekly_earnings == D("160.00") and cliff.hours == D("16.00")
    assert cliff.safe_gross_weekly_earnings == D("159.99") and cliff.safe_hours == D("15.99")
    assert "16-hour rule" in cliff.message
    # Loss: at £159.99, tax on 159.99 x 52 (8,319.48) + 7,586.80 = 15,906.28 - 12,570 = 3,336.28 at
    # 20% = 667.256 a year = 12.8318 -> £12.83 a week; disposable 159.99 - 12.83 + 145.90 = 293.06;
    # at £160.00, £160.00. Weekly loss £133.06. A month: 159.99 x 52/12 = 693.29; tax 667.256 / 12 =
    # 55.6047 -> 55.60; ESA 632.23: 1,269.92 against 160 x 52/12 = 693.3333 -> 693.33: loss £576.59.
    assert cliff.weekly_loss == D("133.06")
    assert cliff.monthly_loss == D("576.59")


def test_carers_allowance_earnings_limit_with_pension_contributions(ruleset):
    carer = {
        "carer": {"hours_per_week": 40, "claims_carers_allowance": True},
        "job": {"hourly_pay": "12.71", "hours": 0, "pension": {"employee_rate": "0.05"}},
    }
    data = household("12.71")
    data["adults"][0].update(carer)
    analysis = analyse(data, ["0", "20"], ruleset)
    assert len(analysis.cliffs) == 1
    cliff = analysis.cliffs[0]
    # Tested earnings = pay - half of the 5% contribution = 0.975 x pay (no tax or NI on pay alone
    # at these amounts), fractions of a penny ignored. 0.975 x 209.24 = 204.009 -> £204.00: within
    # £204. 0.975 x 209.25 = 204.01875 -> £204.01: over. Without the pension the edge would be £204.01.
    assert cliff.safe_gross_weekly_earnings == D("209.24")
    assert cliff.gross_weekly_earnings == D("209.25")
    # 209.25 / 12.71 = 16.4634 -> 16.47 hours; 209.24 / 12.71 = 16.4626 -> 16.46 hours.
    assert cliff.hours == D("16.47") and cliff.safe_hours == D("16.46")
    assert cliff.cause == "carer_earnings_limit" and cliff.programme == "carers_allowance"
    # Loss. At £209.24: pension 5% = 10.462 -> £10.46; taxable = pay less pension (net pay)
    # 10,336.456 + CA 86.45 x 52 (4,495.40) = 14,831.856 - 12,570 = 2,261.856 at 20% = 452.3712 a year
    # = 8.6994 -> £8.70 a week; disposable 209.24 - 10.46 - 8.70 + 86.45 = 276.53. At £209.25:
    # pension 10.4625 -> 10.46, no tax (10,336.95), no CA: 198.79. Weekly loss £77.74.
    assert cliff.weekly_loss == D("77.74")
    # A month: 906.71 - 45.34 (544.024/12) - 37.70 (452.3712/12) + 374.62 (86.45 x 52/12) = 1,198.29;
    # past the edge 906.75 - 45.34 (544.05/12 = 45.3375) = 861.41. Monthly loss £336.88.
    assert cliff.monthly_loss == D("336.88")


def test_automatic_enrolment_trigger(ruleset):
    data = household("12.71", {"job": {"hourly_pay": "12.71", "hours": 0, "pension": "auto_enrolment"}})
    analysis = analyse(data, ["0", "20"], ruleset)
    assert [c.cause for c in analysis.cliffs] == ["pension_auto_enrolment"]
    cliff = analysis.cliffs[0]
    # Enrolment on pay of more than £10,000 a year: 192.30 x 52 = 9,999.60 (not enrolled);
    # 192.31 x 52 = 10,000.12 (enrolled).
    assert cliff.safe_gross_weekly_earnings == D("192.30") and cliff.gross_weekly_earnings == D("192.31")
    # 5% of (10,000.12 - 6,240) = 188.006 a year = 3.6155 -> £3.62 a week; no tax or NI.
    # Disposable 192.30 against 192.31 - 3.62 = 188.69: weekly loss £3.61. A month: 192.30 x 52/12 =
    # 833.30 against 833.3433 -> 833.34 - 15.67 (188.006/12 = 15.6672) = 817.67: loss £15.63.
    assert cliff.weekly_loss == D("3.61")
    assert cliff.monthly_loss == D("15.63")


def test_scottish_child_payment_ends_with_universal_credit(ruleset):
    data = {
        "tax_year": "2026-27",
        "nation": "scotland",
        "adults": [{"name": "Kim", "age": 30, "job": {"hourly_pay": "12.71", "hours": 0}}],
        "children": [{"age": 5}],
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
    }
    analysis = analyse(data, ["0", "50"], ruleset)
    ends = analysis.universal_credit_ends
    assert ends is not None
    scp = [c for c in analysis.cliffs if c.cause == "scottish_child_payment_ends"]
    assert len(scp) == 1
    cliff = scp[0]
    assert cliff.programme == "scottish_child_payment"
    # The edge is the penny of weekly pay at which UC stops.
    assert cliff.gross_weekly_earnings == ends.gross_weekly_earnings
    # Lost: £28.20 a week = 28.20 x 52/12 = £122.20 a month, plus the last pence of UC, less a
    # penny's more pay: between £122.15 and £122.25 a month.
    assert D("122.15") <= cliff.monthly_loss <= D("122.25")


def test_no_cliffs_for_a_plain_taper(ruleset):
    # UC alone, no pension, no other benefit: each extra hour leaves the household better off.
    data = household("12.71")
    data["capital"] = 0
    analysis = analyse(data, ["0", "40"], ruleset)
    assert analysis.cliffs == ()


def test_cliffs_in_the_json_document(ruleset):
    doc = benefitcalc.to_json(
        household("20.00", {"new_style_esa": "support"}), [0, 8, 15], period="month", rules=ruleset
    )
    assert doc["searched_to_hours"] == 15.0
    [cliff] = doc["cliffs"]
    assert {"hours", "gross_weekly_earnings", "cause", "programme", "monthly_loss", "safe_hours", "message"} <= set(
        cliff
    )
    assert cliff["hours"] == 10.18 and cliff["gross_weekly_earnings"] == 203.51
    assert cliff["monthly_loss"] == 538.87 and cliff["safe_hours"] == 10.17
    assert cliff["cause"] == "esa_permitted_work_limit"
    assert "10.17 hours" in cliff["message"]


def test_free_school_meals_end_with_universal_credit(ruleset):
    # England from September 2026: no earnings limit for free school meals, so they end with UC.
    # Estimated value (rules/dwp/passports.yaml): £2.58 a meal x 190 meals = £490.20 a year = £40.85 a month.
    data = {
        "date": "2026-11-23",
        "adults": [{"name": "Lee", "age": 35, "job": {"hourly_pay": "12.71", "hours": 0}}],
        "children": [{"age": 8}],
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
        "include_passport_values": True,
    }
    counted = analyse(data, ["0", "60"], ruleset)
    [cliff] = [c for c in counted.cliffs if c.cause == "free_school_meals_lost"]
    assert cliff.programme == "free_school_meals"
    assert counted.universal_credit_ends is not None
    assert cliff.gross_weekly_earnings == counted.universal_credit_ends.gross_weekly_earnings
    # £40.85 of meals, plus the last pence of UC, less a penny's more pay a week (about 4p a month).
    assert D("40.75") <= cliff.monthly_loss <= D("40.90")
    # Not counted in disposable income: no cliff, but the end of the help is still reported.
    data["include_passport_values"] = False
    uncounted = analyse(data, ["0", "60"], ruleset)
    assert not [c for c in uncounted.cliffs if c.programme == "free_school_meals"]
    [end] = [e for e in uncounted.passports_end if e.passport == "free_school_meals"]
    assert end.gross_weekly_earnings == cliff.gross_weekly_earnings
    assert end.monthly_value == D("40.85")
