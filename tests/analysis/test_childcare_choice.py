"""Tax-Free Childcare against the UC childcare costs element, for households on each side of the line.

Rules (rules/hmrc/tax_free_childcare.yaml): the top-up is 25% of what is paid into the childcare
account (Childcare Payments Act 2014 s.1(4)), i.e. 20% of the childcare bought, up to £2,000 a year a
child under 12 (£4,000 for a disabled child under 17); every adult must expect to earn at least 16
hours a week at the minimum wage for their age (Eligibility Regs 2015 reg 9); adjusted net income at
most £100,000 (reg 15); not while claiming Universal Credit (Act s.11).
UC 2026-27 (rules/dwp/universal_credit.yaml): standard allowance single 25+ £424.90, child element
(child born after 6 April 2017) £303.94, childcare 85% of costs (cap £1,071.09 one child), work
allowance £427 with housing costs / £710 without, taper 55%. NLW £12.71; NMW 18-20 £10.85.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.analysis import run
from benefitcalc.engine import make_context
from benefitcalc.scenario import scenario_from_data

D = Decimal


def family(pay: str, hours: float, childcare: int, **extra: Any) -> dict[str, Any]:
    adult = {"name": "Jo", "age": 30, "job": {"hourly_pay": pay, "hours": hours}, **extra.pop("adult", {})}
    data: dict[str, Any] = {
        "tax_year": "2026-27",
        "adults": [adult],
        "children": [{"age": 4}],
        "housing": {"tenure": "owner"},
        "childcare": {"amount": childcare, "period": "month"},
        "claims_child_benefit": False,
    }
    data.update(extra)
    return data


def only_point(data: dict[str, Any], ruleset: Any) -> dict[str, Any]:
    doc = benefitcalc.to_json(data, period="month", rules=ruleset)
    return doc["points"][0]


def test_on_universal_credit_the_childcare_element_is_worth_more(ruleset):
    data = family(
        "12.71", 20, 400, housing={"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 2}
    )
    point = only_point(data, ruleset)
    # UC maximum: 424.90 + 303.94 + childcare 85% x 400 = 340.00 + housing 500 = £1,568.84.
    # Pay 20 x 12.71 = 254.20 a week = 13,218.40 a year: tax 20% x 648.40 = 129.68, NI 8% x 648.40 = 51.872;
    # earned income (13,218.40 - 129.68 - 51.872) / 12 = 1,086.404; deduction 55% x (1,086.404 - 427)
    # = 362.6722 -> 362.67; UC = 1,568.84 - 362.67 = £1,206.17 a month.
    support = point["childcare_support"]
    assert support["universal_credit"] == 1206.17
    assert support["universal_credit_childcare_element"] == 340.00
    # Tax-Free Childcare if not on UC: 20% of 4,800 a year = 960 (under the £2,000 cap) = £80 a month.
    assert support["tax_free_childcare"] == 80.00
    assert support["better"] == "universal_credit"
    # Not both: the top-up is not paid while UC is claimed.
    assert point["tax_free_childcare"] == 0.0


def test_off_universal_credit_tax_free_childcare_counts_in_disposable_income(ruleset):
    point = only_point(family("30", 37.5, 400), ruleset)
    # Pay 1,125 a week = 58,500 a year; tax 7,540 + 40% x 8,230 = 10,832; NI 3,016 + 2% x 8,230 = 3,180.60;
    # earned income 44,487.40 / 12 = 3,707.28: 55% of (3,707.28 - 710) = 1,648.50 exceeds the maximum
    # 424.90 + 303.94 + 340 = 1,068.84, so no UC.
    assert point["benefits"]["universal_credit"] == 0.0
    # Tax-Free Childcare: 20% of 4,800 = £960 a year = £80.00 a month, in disposable income.
    assert point["tax_free_childcare"] == 80.00
    assert point["childcare_support"]["better"] == "tax_free_childcare"
    assert point["disposable_income"] == round(point["net_income"] - point["childcare_costs"] + 80.00, 2)


def test_a_small_uc_award_is_worth_less_than_tax_free_childcare(ruleset):
    point = only_point(family("25", 37.5, 800), ruleset)
    # Maximum 424.90 + 303.94 + 85% x 800 = 680 -> £1,408.84. Pay 937.50 a week = 48,750 a year:
    # tax and NI 28% of 36,180 = 10,130.40; earned income 38,619.60 / 12 = 3,218.30; deduction
    # 55% x (3,218.30 - 710) = 1,379.565 -> 1,379.57; UC = 1,408.84 - 1,379.57 = £29.27.
    support = point["childcare_support"]
    assert support["universal_credit"] == 29.27
    # Tax-Free Childcare: 20% of 9,600 = 1,920 a year (under £2,000) = £160 a month: more than all the UC.
    assert support["tax_free_childcare"] == 160.00
    assert support["better"] == "tax_free_childcare"
    assert "tax_free_childcare_better" in {w["code"] for w in point["warnings"]}


def test_minimum_earnings_test_starts_tax_free_childcare_at_16_hours(ruleset):
    # No UC (capital over £16,000); 16 hours at £12.71 = £203.36 a week is exactly 16 x the NLW.
    data = family("12.71", 16, 300, capital=20000)
    scenario = scenario_from_data(data)
    analysis = run(scenario, [D(0), D(20)], make_context(scenario, ruleset))
    [gain] = [g for g in analysis.gains if g.cause == "tax_free_childcare_starts"]
    assert gain.safe_gross_weekly_earnings == D("203.35") and gain.gross_weekly_earnings == D("203.36")
    assert gain.hours == D("16.00")
    # 20% of 3,600 a year = 720 = £60 a month, plus a penny a week more pay (203.35 -> 881.18 a month,
    # 203.36 -> 881.23): £60.05.
    assert gain.monthly_change == D("60.05")


def test_minimum_earnings_follow_the_minimum_wage_for_age(ruleset):
    # 14 hours at £12.71 = £177.94 a week: over 16 x £10.85 = £173.60 (aged 18-20) but under
    # 16 x £12.71 = £203.36 (21 and over).
    young = only_point(family("12.71", 14, 300, capital=20000, adult={"age": 20}), ruleset)
    older = only_point(family("12.71", 14, 300, capital=20000), ruleset)
    assert young["tax_free_childcare"] == 60.00
    assert older["tax_free_childcare"] == 0.0


def test_partner_on_carers_allowance_counts_as_in_work(ruleset):
    data = family("15", 37.5, 300, capital=20000)
    data["adults"].append({"name": "Sam", "age": 30, "carer": {"hours_per_week": 40, "claims_carers_allowance": True}})
    assert only_point(data, ruleset)["tax_free_childcare"] == 60.00
    data["adults"][1] = {"name": "Sam", "age": 30}
    assert only_point(data, ruleset)["tax_free_childcare"] == 0.0


def test_income_limit_and_child_age_and_disabled_child_cap(ruleset):
    # £60 x 40 = £2,400 a week = £124,800 a year: adjusted net income over £100,000.
    assert only_point(family("60", 40, 300, capital=20000), ruleset)["tax_free_childcare"] == 0.0
    # A 14-year-old is too old unless disabled; a disabled child qualifies to 17 with a £4,000 cap:
    # 20% of 24,000 = 4,800 -> 4,000 a year = £333.33 a month.
    teen = family("15", 37.5, 2000, capital=20000, children=[{"age": 14}])
    assert only_point(teen, ruleset)["tax_free_childcare"] == 0.0
    teen["children"] = [{"age": 14, "disability": "lower"}]
    assert only_point(teen, ruleset)["tax_free_childcare"] == 333.33


def test_no_childcare_no_comparison(ruleset):
    data = family("12.71", 16, 300)
    del data["childcare"]
    point = only_point(data, ruleset)
    assert "childcare_support" not in point
    assert point["tax_free_childcare"] == 0.0
