"""Hand-worked cash-flow timelines (benefitcalc.cashflow), 2026-27 rules.

Rates used (rules/, 2026-27): UC standard allowance, single 25 or over, £424.90 a month; taper 55%;
personal allowance £12,570 (monthly 1,047.50; four-weekly 12,570 x 4 / 52 = 966.92); basic rate 20%;
Class 1 primary threshold £12,570 (monthly £1,048, weekly £242, four-weekly £968), 8%; New Style ESA
main phase £95.55 a week; Carer's Allowance £86.45 a week, earnings limit £204 a week.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from benefitcalc.cashflow import document, options_for, timeline
from benefitcalc.loader import RuleSet
from benefitcalc.scenario import scenario_from_data

D = Decimal


def _single(job: dict[str, Any], rent: int, start_day: int, **extra: Any) -> Any:
    adult = {"age": 30, "job": job, **extra.pop("adult", {})}
    return scenario_from_data(
        {
            "date": "2026-05-01",
            "adults": [adult],
            "housing": {"tenure": "social_rent", "rent": {"amount": rent, "period": "month"}},
            "universal_credit": {"assessment_period_start_day": start_day, **extra.pop("claim", {})},
            **extra,
        }
    )


def _periods(doc: dict[str, Any]) -> list[tuple[str, list[str], str, str]]:
    return [
        (p["start"], [d["date"] for d in p["paydays"]], p["earnings"], p["universal_credit"])
        for p in doc["assessment_periods"]
    ]


def test_monthly_pay_starting_mid_assessment_period(ruleset: RuleSet) -> None:
    # 20 hours x £12.21 = £244.20 a week; a month's pay 244.20 x 52 / 12 = £1,058.20.
    # Work starts 18 May; paid monthly on the 26th, first on 26 June: that pay is for 18 May - 26 June,
    # the 9 days 18-26 May of the period 27 April - 26 May (30 days) and the whole period to 26 June:
    # 1,058.20 x 9 / 30 + 1,058.20 = 317.46 + 1,058.20 = £1,375.66.
    s = _single(
        {"hourly_pay": "12.21", "hours": 20, "start_date": "2026-05-18", "pay_frequency": "monthly",
         "first_payday": "2026-06-26"},
        rent=400, start_day=10,
    )  # fmt: skip
    doc = document(timeline(s, ruleset, options_for(s, months=3)))
    # Out of work: maximum amount 424.90 + 400 rent = 824.90, no earnings.
    # 10 Jun - 9 Jul holds the first pay: tax (1,375.66 - 1,047.50) x 20% = 65.632 -> 65.63;
    # NI (1,375.66 - 1,048) x 8% = 26.2128 -> 26.21; net 1,283.82; 55% = 706.101 -> 706.10;
    # UC 824.90 - 706.10 = 118.80.
    # Then a month's pay: tax (1,058.20 - 1,047.50) x 20% = 2.14; NI 10.20 x 8% = 0.816 -> 0.82;
    # net 1,055.24; 55% = 580.382 -> 580.38; UC 824.90 - 580.38 = 244.52.
    assert _periods(doc) == [
        ("2026-04-10", [], "0.00", "824.90"),
        ("2026-05-10", [], "0.00", "824.90"),  # the period work starts in: no payday, full UC
        ("2026-06-10", ["2026-06-26"], "1375.66", "118.80"),
        ("2026-07-10", ["2026-07-26"], "1058.20", "244.52"),
    ]
    first = doc["assessment_periods"][2]["paydays"][0]
    assert (first["income_tax"], first["national_insurance"], first["net"]) == ("65.63", "26.21", "1283.82")
    # UC is paid 7 days after each period ends: 9 June + 7 = Tuesday 16 June; 9 July + 7 = 16 July.
    assert [p["payment_date"] for p in doc["assessment_periods"][1:3]] == ["2026-06-16", "2026-07-16"]
    # 10 May - 9 June: money in is the out-of-work UC paid 15 May (9 May + 7 = Saturday 16 May, paid the
    # Friday before), £824.90, against rent 400 + living costs (the standard allowance) 424.90 = 824.90:
    # not short. (No council tax is given.)
    assert doc["tight_periods"] == []


def test_four_weekly_pay_two_paydays_in_one_assessment_period(ruleset: RuleSet) -> None:
    # 16 hours x £12 = £192 a week; four-weekly pay 768. Paid every fourth Friday from 26 June
    # (26 Jun, 24 Jul, 21 Aug, 18 Sep, 16 Oct, 13 Nov, 11 Dec); assessment periods from the 16th, so
    # 16 Oct - 15 Nov holds two paydays. Work starts Monday 1 June: the first pay is for 1-26 June,
    # 26 of the 28 days of the period 30 May - 26 June: 768 x 26 / 28 = 713.142857 -> shown 713.14.
    s = _single(
        {"hourly_pay": 12, "hours": 16, "start_date": "2026-06-01", "pay_frequency": "four_weekly",
         "first_payday": "2026-06-26"},
        rent=500, start_day=16,
    )  # fmt: skip
    doc = document(timeline(s, ruleset, options_for(s, months=7)))
    # Four-weekly pay is under the four-weekly free pay (966.92) and the NI threshold (968): no
    # deductions. Maximum amount 424.90 + 500 = 924.90; no work allowance.
    # One payday: 55% x 768 = 422.40; UC 924.90 - 422.40 = 502.50.
    # Two paydays: 55% x 1,536 = 844.80; UC 924.90 - 844.80 = 80.10.
    # First pay: 55% x 713.142857 = 392.228571 -> 392.23; UC 924.90 - 392.23 = 532.67.
    assert _periods(doc)[1:] == [
        ("2026-05-16", [], "0.00", "924.90"),
        ("2026-06-16", ["2026-06-26"], "713.14", "532.67"),
        ("2026-07-16", ["2026-07-24"], "768.00", "502.50"),
        ("2026-08-16", ["2026-08-21"], "768.00", "502.50"),
        ("2026-09-16", ["2026-09-18"], "768.00", "502.50"),
        ("2026-10-16", ["2026-10-16", "2026-11-13"], "1536.00", "80.10"),
        ("2026-11-16", ["2026-12-11"], "768.00", "502.50"),
    ]


def test_esa_permitted_work_ends_in_week_one(ruleset: RuleSet) -> None:
    # New Style ESA (main phase £95.55) and 20 hours' work: not permitted work (16 hours or more,
    # ESA Regs 2013 reg 39), so no ESA for any benefit week in which the work is done (reg 37).
    # Paid on Fridays: benefit weeks Saturday to Friday. Work starts Monday 1 June, in the week
    # 30 May - 5 June: ESA ends from 30 May.
    s = _single(
        {"hourly_pay": 12, "hours": 20, "start_date": "2026-06-01", "pay_frequency": "monthly",
         "first_payday": "2026-06-30"},
        rent=400, start_day=1, adult={"new_style_esa": "wrag"},
    )  # fmt: skip
    t = timeline(s, ruleset, options_for(s, months=2, benefit_payday=4))
    [ending] = t.endings
    assert (ending.programme, ending.ends_from, ending.weekly_amount) == (
        "new_style_esa",
        dt.date(2026, 5, 30),
        D("95.55"),
    )
    # Paid fortnightly in arrears from the first benefit week of the lead-in period (25 April - 1 May):
    # 25 Apr - 8 May paid 8 May; 9 - 22 May paid 22 May; 23 May - 5 June paid Friday 5 June, of
    # which only 23-29 May carries ESA: the last payment is one week, £95.55, on 5 June.
    assert (ending.last_payment_date, ending.last_payment) == (dt.date(2026, 6, 5), D("95.55"))
    # UC counts ESA as unearned income as it stands at the end of the assessment period (a change counts
    # from the first day of the period it happens in, D&A Regs 2013 Sch 1 para 20). ESA stops from
    # 30 May, inside the May period (1-31 May), so no ESA is deducted for May: 824.90 (out of work, with
    # ESA it would be 824.90 - 95.55 x 52 / 12 = 824.90 - 414.05 = 410.85).
    assert t.periods[0].award.amount == D("824.90")
    assert t.steady_out_of_work.programmes["universal_credit"].amount == D("410.85")


def test_carers_allowance_earnings_by_the_week_the_pay_is_for(ruleset: RuleSet) -> None:
    # Carer's Allowance £86.45 a week, earnings limit £204. 16 hours x £13 = £208 a week, four-weekly
    # pay £832 (no tax: under 966.92 free pay; no NI: under £968). Work starts Wednesday 3 June; first
    # payday Friday 26 June, for 3-26 June (24 of the 28 days from 30 May): 832 x 24 / 28 = 713.142857,
    # £29.714286 a day. Benefit weeks Tuesday to Monday (paid on Mondays):
    #   2-8 June: 6 days of work, 6 x 29.714286 = 178.2857 -> 178.28 (fractions of a penny dropped): within £204;
    #   9-15 June: 7 days = 208.00: over the limit, so no Carer's Allowance from 9 June.
    s = _single(
        {"hourly_pay": 13, "hours": 16, "start_date": "2026-06-03", "pay_frequency": "four_weekly",
         "first_payday": "2026-06-26"},
        rent=400, start_day=1, adult={"carer": {"hours_per_week": 35}},
    )  # fmt: skip
    t = timeline(s, ruleset, options_for(s, months=2))
    week = next(w for w in t.benefit_weeks if w.start == dt.date(2026, 6, 2))
    assert week.amount("carers_allowance") == D("86.45")
    assert week.results["carers_allowance"][0][1].line("tested_earnings").amount == D("178.28")
    [ending] = t.endings
    assert (ending.programme, ending.ends_from) == ("carers_allowance", dt.date(2026, 6, 9))
    # Paid four-weekly in arrears from the week 28 April - 4 May (holding 1 May, the lead-in's first
    # day): 28 Apr - 25 May paid 25 May; 26 May - 22 June paid Monday 22 June, carrying the weeks of
    # 26 May and 2 June only: 2 x 86.45 = 172.90.
    assert (ending.last_payment_date, ending.last_payment) == (dt.date(2026, 6, 22), D("172.90"))


def test_first_months_page_sentences(ruleset: RuleSet) -> None:
    from benefitcalc.cashflow import first_months_page

    s = _single(
        {"hourly_pay": "12.21", "hours": 20, "start_date": "2026-05-18", "pay_frequency": "monthly",
         "first_payday": "2026-06-26"},
        rent=400, start_day=10,
    )  # fmt: skip
    page = first_months_page(timeline(s, ruleset, options_for(s, months=3)))
    # 18 May to 26 June is 13 + 26 = 39 days; the net first pay is 1,283.82 (worked above).
    assert page.summary[0] == (
        "Work starts on 18 May 2026; the first wage, £1,283.82 after deductions, is paid on 26 June 2026, 39 days later."
    )
    # UC goes from 824.90 to 118.80 (the period ending 9 July, paid 16 July)
    assert page.summary[1].startswith("Universal Credit falls from £824.90 to £118.80 at its lowest")
    assert [row.universal_credit for row in page.rows] == [D("824.90"), D("824.90"), D("118.80"), D("244.52")]


def test_the_jobs_childcare_counts_from_the_assessment_period_in_which_work_starts(ruleset: RuleSet) -> None:
    # A single person, 30, social rent £400, assessment periods from the 1st, one child of 4 with £300 a
    # month of childcare for the job, which starts on 30 November 2026. UC's childcare element is for
    # charges paid (UC Regs 2013 regs 33-34): none before the job, so October's award has no element.
    # From November (the period holding the first day of work) it is 85% x £300 = £255.00, within the
    # one-child cap (£1,031.88), and nothing else in the award changes (no wages paid until 31 December).
    s = _single(
        {"hourly_pay": "12.71", "hours": 16, "start_date": "2026-11-30", "pay_frequency": "last_working_day",
         "first_payday": "2026-12-31"},
        rent=400, start_day=1, children=[{"age": 4}], childcare={"amount": 300, "period": "month"},
    )  # fmt: skip
    t = timeline(s, ruleset, options_for(s, months=2))
    october, november = t.periods[0], t.periods[1]
    assert (october.start, november.start) == (dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    assert not october.payslips and not november.payslips
    assert november.award.amount - october.award.amount == D("255.00")
    assert november.award.result is not None and october.award.result is not None
    assert november.award.result.line("childcare_element").amount == D("255.00")
    assert all(line.key != "childcare_element" or line.amount == 0 for line in october.award.result.lines)
