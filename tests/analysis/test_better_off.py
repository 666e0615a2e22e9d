"""Better-off figures and the marginal and participation tax rates, worked by hand from the rules.

Rules in force on 6 April 2026 (tax_year 2026-27), from rules/:
  UC standard allowance, single 25 or over   £424.90 a month   (dwp.universal_credit.standard_allowance)
  UC taper                                    55%               (dwp.universal_credit.taper_rate)
  UC capital upper limit                      £16,000           (no UC above it, reg 18)
  personal allowance / NI primary threshold   £12,570 a year each
  basic rate 20%; NI main rate 8%
Weekly <-> monthly is x52/12 (periods.py); each figure in the document is rounded to pence in its
period and totals are sums of the rounded parts (views.summary).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest
from benefitcalc.analysis import run
from benefitcalc.engine import make_context
from benefitcalc.scenario import scenario_from_data

D = Decimal


def single(pay: str = "12.71", **extra: Any) -> dict[str, Any]:
    """A single person of 30, owner-occupier, no council tax, no children, in tax year 2026-27."""
    job = {"hourly_pay": pay, "hours": 0, **extra.pop("job", {})}
    data: dict[str, Any] = {
        "tax_year": "2026-27",
        "adults": [{"name": "Alex", "age": 30, "job": job}],
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
    }
    data.update(extra)
    return data


def point(doc: dict[str, Any], hours: float) -> dict[str, Any]:
    return next(p for p in doc["points"] if p["hours"] == hours)


def test_better_off_on_universal_credit_worked_by_hand(ruleset):
    doc = benefitcalc.to_json(
        single(work_costs={"amount": 10, "period": "week"}), [0, 10, 12], period="week", rules=ruleset
    )
    # 0 hours: UC £424.90 a month = 424.90 x 12 / 52 = £98.0538 -> £98.05 a week; nothing else.
    assert point(doc, 0)["disposable_income"] == 98.05
    # 10 hours: pay 10 x £12.71 = £127.10 a week (£6,609.20 a year: no tax, no NI).
    # UC earned income 6,609.20 / 12 = £550.7667; deduction 55% = £302.9217 -> £302.92 (reg 6(1));
    # UC = 424.90 - 302.92 = £121.98 a month = £28.1492 -> £28.15 a week.
    # Disposable = 127.10 + 28.15 - 10.00 work costs = £145.25; better off = 145.25 - 98.05 = £47.20.
    ten = point(doc, 10)
    assert ten["benefits"]["universal_credit"] == 28.15
    assert ten["disposable_income"] == 145.25
    assert ten["better_off"] == 47.20
    assert ten["better_off_weekly"] == 47.20
    # A month: pay 127.10 x 52/12 = 550.7667 -> 550.77; UC 121.98; work costs 10 x 52/12 = 43.3333 -> 43.33;
    # disposable 550.77 + 121.98 - 43.33 = 629.42; at 0 hours 424.90; better off £204.52 a month.
    assert ten["better_off_monthly"] == 204.52
    # Per hour worked: 47.20 / 10 = £4.72 a week for each hour.
    assert ten["better_off_per_hour"] == 4.72
    assert point(doc, 0)["better_off_per_hour"] is None


def test_marginal_and_participation_rates_on_universal_credit(ruleset):
    doc = benefitcalc.to_json(single(), [0, 10, 12], period="month", rules=ruleset)
    # 10 -> 12 hours: pay +2 x 12.71 = £25.42 a week. At 12 hours, earned income 152.52 x 52 / 12 =
    # £660.92; deduction 55% = 363.506 -> £363.51; UC = 424.90 - 363.51 = £61.39 a month.
    # UC falls 121.98 - 61.39 = £60.59 a month = 60.59 x 12/52 = £13.982308 a week.
    # METR = 1 - (25.42 - 13.982308) / 25.42 = 1 - 11.437692 / 25.42 = 1 - 0.449949 = 0.550051 -> 0.5501:
    # the 55% taper (no tax or NI here), a hair above 55% from rounding each deduction to the penny.
    assert point(doc, 12)["marginal_effective_tax_rate"] == 0.5501
    assert point(doc, 0)["marginal_effective_tax_rate"] is None
    # PTR at 10 hours against 0: UC falls 424.90 - 121.98 = £302.92 a month = £69.90462 a week;
    # PTR = 1 - (127.10 - 69.90462) / 127.10 = 0.5500 (to 4 places).
    assert point(doc, 10)["participation_tax_rate"] == 0.5500
    assert point(doc, 0)["participation_tax_rate"] is None


def test_marginal_rate_with_tax_ni_and_net_pay_pension(ruleset):
    # Capital of £20,000 is above the UC upper limit: no UC, so only tax, NI and pension take a share.
    no_uc = single("20", capital=20000)
    doc = benefitcalc.to_json(no_uc, [20, 30], period="week", rules=ruleset)
    # 20 -> 30 hours: pay £400 -> £600 a week (£20,800 -> £31,200 a year: basic rate, main NI rate).
    # Each extra £1 loses 20p tax and 8p NI: METR = 0.28.
    assert point(doc, 30)["marginal_effective_tax_rate"] == 0.28
    with_pension = single("20", capital=20000, job={"pension": {"employee_rate": "0.05"}})
    doc = benefitcalc.to_json(with_pension, [20, 30], period="week", rules=ruleset)
    # 5% of gross pay to a net-pay pension: tax is on 95% of the extra pay (0.95 x 20% = 19p), NI on
    # all of it (8p), plus the 5p contribution: METR = 0.05 + 0.19 + 0.08 = 0.32.
    assert point(doc, 30)["marginal_effective_tax_rate"] == 0.32
    # Participation against 0 hours at 20 hours: £400 a week = £20,800 a year; tax and NI on
    # 20,800 x 0.95 - 12,570 = 7,190 at 20% = 1,438 and (20,800 - 12,570) x 8% = 658.40; pension 1,040.
    # PTR = (1,438 + 658.40 + 1,040) / 20,800 = 3,136.40 / 20,800 = 0.150788 -> 0.1508.
    assert point(doc, 20)["participation_tax_rate"] == 0.1508


def test_baseline_current_compares_with_present_hours(ruleset):
    data = single(job={"current_hours": 10})
    doc = benefitcalc.to_json(data, [10, 12], period="week", rules=ruleset, baseline="current")
    assert doc["baseline"] == "current" and doc["baseline_hours"] == 10.0
    # Disposable at 10 hours: 127.10 + 28.15 = £155.25. At 12: pay 152.52; UC 61.39 a month =
    # 61.39 x 12/52 = 14.1669 -> £14.17; disposable £166.69. Better off than now: 166.69 - 155.25 = £11.44.
    assert point(doc, 12)["better_off"] == 11.44
    assert point(doc, 10)["better_off"] == 0.0
    # 11.44 over 2 more hours: £5.72 for each extra hour.
    assert point(doc, 12)["better_off_per_hour"] == 5.72
    # A month: pay 152.52 x 52/12 = 660.92 exactly, + UC 61.39 = 722.31; at 10 hours 550.77 + 121.98 = 672.75;
    # 722.31 - 672.75 = £49.56.
    assert (
        doc["summary"]
        == "Working 12 hours leaves Alex £11.44 a week (£49.56 a month) better off than working 10 hours now: £5.72 for each extra hour."
    )


def test_summary_line_against_not_working(ruleset):
    doc = benefitcalc.to_json(
        single(work_costs={"amount": 10, "period": "week"}), [0, 10], period="week", rules=ruleset
    )
    # From the first test: £47.20 a week, £204.52 a month, £4.72 an hour.
    assert (
        doc["summary"]
        == "Working 10 hours leaves Alex £47.20 a week (£204.52 a month) better off than not working: £4.72 for each hour worked."
    )


def test_baseline_must_be_zero_or_current(ruleset):
    with pytest.raises(benefitcalc.ScenarioError, match="allowed: zero"):
        benefitcalc.to_json(single(), [0], rules=ruleset, baseline="yesterday")


def test_break_even_covers_work_costs(ruleset):
    # Work costs of £10 a week from the first hour; below the UC work allowance? No: a single person
    # with no child and no LCW has no work allowance, so each £1 earned keeps 45p of UC-tapered pay:
    # 12.71 x h x (1 - 0.55) = 10 at h = 10 / 5.7195 = 1.7484 hours; weekly pay 22.2222... The first
    # penny of weekly pay that covers the costs is found by bisection: pay p with 0.45 p >= 10 ->
    # p >= 22.2222 -> £22.23 a week (the UC deduction is rounded to the penny each month, which
    # can move this by a penny: the test allows 22.22 to 22.24) at 22.23 / 12.71 = 1.749 -> 1.75 hours.
    scenario = scenario_from_data(single(work_costs={"amount": 10, "period": "week"}))
    analysis = run(scenario, [D(0), D(2)], make_context(scenario, ruleset))
    assert analysis.break_even is not None
    assert D("22.22") <= analysis.break_even.gross_weekly_earnings <= D("22.24")
    assert analysis.break_even.hours == D("1.75")


def test_universal_credit_ends_where_the_taper_meets_the_maximum(ruleset):
    # UC ends when 55% of earned income reaches £424.90 a month: earned income 772.5454 a month with
    # no tax or NI (under £12,570 a year) = 772.5454 x 12 / 52 = £178.28 a week. The deduction is
    # rounded to the penny: 0.55 x E >= 424.895 ends the award (reg 6(1) rounds 424.895 up to 424.90),
    # E >= 772.5364 a month = 178.2776 a week -> first penny £178.28, at 178.28 / 12.71 = 14.027 -> 14.03 hours.
    scenario = scenario_from_data(single())
    analysis = run(scenario, [D(0), D(10)], make_context(scenario, ruleset))
    assert analysis.universal_credit_ends is not None
    assert analysis.universal_credit_ends.gross_weekly_earnings == D("178.28")
    assert analysis.universal_credit_ends.hours == D("14.03")


def test_no_universal_credit_means_no_end(ruleset):
    scenario = scenario_from_data(single(capital=20000))
    analysis = run(scenario, [D(0), D(10)], make_context(scenario, ruleset))
    assert analysis.universal_credit_ends is None
    # No work costs, no benefits: any work leaves the household better off from the first penny.
    assert analysis.break_even is not None and analysis.break_even.hours == 0
